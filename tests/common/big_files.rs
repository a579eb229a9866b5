//! Large files made at run time (none is kept in the repository) and the real binary run on
//! them with its peak memory read: shared by `tests/import_memory.rs` and the import benchmark
//! (`tests/benches/import_memory.rs`). Linux only (reads /proc).
#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::{BufWriter, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// hardset's native CSV header.
pub const NATIVE_HEADER: &str = "session_start,session_end,plan_day,exercise,set_kind,weight,unit,reps,rir,form_broke,\
     note,logged_at,deload,plan_day_index,session_note,checkin,deload_week,muscles";

/// Writes a native CSV of at least `megabytes` MB (about 7,800 sets a MB; one session for 0): a
/// session a day from 1700 on, ten working sets each. Returns how many sets it holds.
pub fn write_native_csv(path: &Path, megabytes: usize) -> u64 {
    const EXERCISES: [&str; 5] =
        ["Barbell back squat", "Barbell bench press", "Incline dumbbell press", "Lat pulldown", "Romanian deadlift"];
    let mut out = BufWriter::new(std::fs::File::create(path).expect("creates the file"));
    writeln!(out, "{NATIVE_HEADER}").expect("writes");
    let start = chrono::NaiveDate::from_ymd_opt(1700, 1, 1).expect("a date").and_hms_opt(0, 0, 0).expect("a time");
    let (mut written, mut sets, mut line) = (0, 0, String::new());
    for day in 0.. {
        if day > 0 && written >= megabytes << 20 {
            break;
        }
        let at = |minutes: i64| {
            (start + chrono::Duration::days(day) + chrono::Duration::minutes(minutes)).format("%Y-%m-%dT%H:%M:%SZ")
        };
        for k in 0..10 {
            line.clear();
            let _ = writeln!(
                line,
                "{},{},Day {}: heavy,{},working,{},kg,{},1,false,,{},,{},,4/4/4/4,,",
                at(0),
                at(60),
                day % 3 + 1,
                EXERCISES[k / 2],
                60 + k,
                5 + k % 3,
                at(3 * k as i64 + 1),
                day % 3
            );
            out.write_all(line.as_bytes()).expect("writes");
            written += line.len();
            sets += 1;
        }
    }
    out.flush().expect("flushes");
    sets
}

/// What a run printed, how it ended, how long it took and the most memory it held.
pub struct Measured {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// The child's peak resident memory (VmHWM), in KiB.
    pub peak_kib: u64,
    pub elapsed: Duration,
}

/// Runs `command`, reading its peak memory from /proc while it runs.
pub fn run_measured(command: &mut Command) -> Measured {
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the hardset binary runs");
    let read = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            pipe.read_to_string(&mut text).expect("reads the output");
            text
        })
    };
    let stdout = read(Box::new(child.stdout.take().expect("stdout")));
    let stderr = read(Box::new(child.stderr.take().expect("stderr")));
    let status = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0;
    let code = loop {
        // VmHWM is the process's high-water mark so far: the last reading before it exits is
        // its peak, give or take its last two milliseconds.
        if let Some(kib) = std::fs::read_to_string(&status).ok().as_deref().and_then(high_water_kib) {
            peak_kib = peak_kib.max(kib);
        }
        if let Some(status) = child.try_wait().expect("waits") {
            break status.code();
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    Measured {
        code,
        stdout: stdout.join().expect("stdout thread"),
        stderr: stderr.join().expect("stderr thread"),
        peak_kib,
        elapsed: started.elapsed(),
    }
}

fn high_water_kib(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

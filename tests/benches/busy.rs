//! Benchmark: a save while a large import holds the log's write lock (`cargo bench --bench busy`).
//!
//! Writes a native CSV of `HARDSET_BUSY_SETS` sets (1,870,000 by default, the size in issue 10,
//! item 17) into a temporary folder (never into the repository), then imports it with the real
//! binary into a new log, and while the import holds the write lock:
//! 1. runs `hardset log` on the same log and times it: how long the save waited, and that it
//!    was saved;
//! 2. (a second import into another new log) drives the app without a terminal (the same
//!    `Driver` the event loop runs) to save a set, then ticks it every 200 ms as the event loop
//!    does while a save waits: the longest tick while the log is busy, the tick that saves, the
//!    wait until "Saved";
//! 3. then, with the import done, times a dry run of the same file against the big log and
//!    reads its peak memory (`/usr/bin/time`, when there).

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use hardset::clock::SystemClock;
use hardset::config::Settings;
use hardset::model::exercise::Catalogue;
use hardset::model::plan::Plan;
use hardset::store::Store;
use hardset::tui::app::App;
use hardset::tui::driver::{Driver, TRY_AGAIN_EVERY};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const BIN: &str = env!("CARGO_BIN_EXE_hardset");

const EXERCISES: [&str; 4] = ["Lat pulldown", "Machine chest press", "Seated cable row", "Lateral raise"];

/// A native CSV of `sets` sets: sessions of 20 sets, three a day from 1990 on.
fn write_csv(path: &Path, sets: usize) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("creates the CSV"));
    writeln!(
        out,
        "session_start,session_end,plan_day,exercise,set_kind,weight,unit,reps,rir,form_broke,note,logged_at,deload,\
         plan_day_index,session_note,checkin,deload_week,muscles"
    )
    .expect("writes");
    let start = chrono::DateTime::parse_from_rfc3339("1990-01-01T06:00:00Z").expect("time").timestamp();
    let time = |t: i64| chrono::DateTime::from_timestamp(t, 0).expect("time").format("%Y-%m-%dT%H:%M:%SZ").to_string();
    for n in 0..sets {
        let session = (n / 20) as i64;
        let begun = start + session * 8 * 3600;
        let i = n % 20;
        let exercise = EXERCISES[i / 5];
        let (kind, rir) = if i % 5 < 2 { ("ramp-up", String::new()) } else { ("working", format!("{}", n % 3)) };
        let weight = 20 + (n * 7) % 80;
        let reps = 5 + n % 8;
        writeln!(
            out,
            "{},{},Day 1,{exercise},{kind},{weight},kg,{reps},{rir},false,,{},,0,,,,",
            time(begun),
            time(begun + 3600),
            time(begun + 120 * i as i64)
        )
        .expect("writes");
    }
    out.flush().expect("flushes");
}

fn hardset(dir: &Path, db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .arg("--db")
        .arg(db)
        .env("HOME", dir)
        .env("HARDSET_CONFIG", dir.join("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Starts the import of `csv` into the new log `db`; returns once it holds the write lock,
/// with the child and when it started.
fn import_holding_the_lock(dir: &Path, db: &Path, csv: &Path) -> (Child, Instant, Instant) {
    let started = Instant::now();
    let mut child = hardset(dir, db, &["import", &csv.display().to_string()]).spawn().expect("starts the import");
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let finished = child.try_wait().expect("the import runs");
        assert!(finished.is_none(), "the import ended before it was seen holding the lock: {finished:?}");
        if !db.exists() {
            continue;
        }
        let Ok(probe) = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE) else {
            continue;
        };
        let _ = probe.busy_timeout(Duration::ZERO);
        let sets: i64 = probe.query_row("SELECT count(*) FROM workout_set", [], |r| r.get(0)).unwrap_or(-1);
        // The lock taken while the log still holds no set: the import's transaction.
        if sets == 0 && probe.execute_batch("BEGIN IMMEDIATE; ROLLBACK").is_err() {
            return (child, started, Instant::now());
        }
    }
}

fn sets_in(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("opens");
    conn.query_row("SELECT count(*) FROM workout_set", [], |r| r.get(0)).expect("counts")
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn main() {
    let sets: usize = std::env::var("HARDSET_BUSY_SETS").ok().and_then(|s| s.parse().ok()).unwrap_or(1_870_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("big.csv");
    let written = Instant::now();
    write_csv(&csv, sets);
    let size = std::fs::metadata(&csv).expect("written").len();
    println!("native CSV: {sets} sets, {:.0} MB, written in {:.1?}", size as f64 / 1e6, written.elapsed());

    // 1. `hardset log` during the import.
    let db = dir.path().join("log.db");
    let (import, started, locked) = import_holding_the_lock(dir.path(), &db, &csv);
    let log_started = Instant::now();
    let log = hardset(dir.path(), &db, &["log", "Lat pulldown", "60x10@1"]).output().expect("log runs");
    let log_took = log_started.elapsed();
    let out = import.wait_with_output().expect("the import finishes");
    let import_done = started.elapsed();
    assert!(out.status.success(), "the import failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(log.status.success(), "the save failed: {}", String::from_utf8_lossy(&log.stderr));
    println!("import: {import_done:.2?} in all; the write lock held from {:.2?} on", locked.duration_since(started));
    println!(
        "hardset log during the import: exit 0 after {log_took:.2?} (started {:.2?} into the import); stderr: {}",
        log_started.duration_since(started),
        String::from_utf8_lossy(&log.stderr).trim()
    );
    println!("log holds {} sets ({sets} imported + the one logged)", sets_in(&db));

    // 2. The app's save during a second import.
    let db2 = dir.path().join("log2.db");
    let (import, started, _) = import_holding_the_lock(dir.path(), &db2, &csv);
    let catalogue = Catalogue::shipped();
    let plan = Plan::example_week(&catalogue).expect("the example week");
    let mut settings = Settings::default();
    settings.checkin.ask = false;
    let mut d = Driver::new(App::new(plan, settings), Store::open(&db2).expect("opens"), SystemClock);
    d.key(key(KeyCode::Enter));
    for c in "30".chars() {
        d.key(key(KeyCode::Char(c)));
    }
    d.key(key(KeyCode::Enter));
    let pressed = Instant::now();
    d.key(key(KeyCode::Enter));
    let save_key = pressed.elapsed();
    let waited = d.waiting();
    // The ticks that found the log still busy, and the one that saved.
    let mut longest = Duration::ZERO;
    let mut ticks = 0;
    let mut saving = Duration::ZERO;
    while d.waiting() {
        std::thread::sleep(TRY_AGAIN_EVERY);
        let tick = Instant::now();
        d.tick();
        if d.waiting() {
            longest = longest.max(tick.elapsed());
            ticks += 1;
        } else {
            saving = tick.elapsed();
        }
    }
    // The tick after: today read again from the big log, the screen as the lifter sees it.
    std::thread::sleep(TRY_AGAIN_EVERY);
    let tick = Instant::now();
    d.tick();
    let after = tick.elapsed();
    let saved_after = pressed.elapsed();
    let message = d.app.message.as_ref().map(|(_, t)| t.clone()).unwrap_or_default();
    let out = import.wait_with_output().expect("the import finishes");
    assert!(out.status.success(), "the second import failed");
    println!(
        "app save during the import ({:.2?} into it): the save key took {save_key:.2?}, waiting: {waited}; \
         {ticks} ticks while the log was busy, the longest {longest:.2?}; the tick that saved {saving:.2?}, the \
         next {after:.2?}; \"{message}\" {saved_after:.2?} after the key",
        pressed.duration_since(started)
    );
    drop(d);

    // 3. A dry run against the big log, once the import is done.
    let timed = Path::new("/usr/bin/time").exists();
    let mut command = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f").arg("peak %M KB").arg(BIN);
        c
    } else {
        Command::new(BIN)
    };
    let dry_started = Instant::now();
    let dry = command
        .args(["import", &csv.display().to_string(), "--dry-run", "--db"])
        .arg(&db)
        .env("HOME", dir.path())
        .env("HARDSET_CONFIG", dir.path().join("config"))
        .stdin(Stdio::null())
        .output()
        .expect("the dry run runs");
    let dry_took = dry_started.elapsed();
    assert!(dry.status.success(), "the dry run failed: {}", String::from_utf8_lossy(&dry.stderr));
    let peak = String::from_utf8_lossy(&dry.stderr).lines().find(|l| l.starts_with("peak")).unwrap_or("").to_string();
    println!(
        "dry run of the file against the log of {} sets: {dry_took:.2?} {peak}; {}",
        sets_in(&db),
        String::from_utf8_lossy(&dry.stdout).lines().find(|l| l.contains("would")).unwrap_or("").trim()
    );
}

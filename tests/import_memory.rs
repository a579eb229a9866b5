//! Issue 10, item 16: an import holds a bounded amount of memory whatever the file's size. The
//! real binary imports files made here at test time (none is kept in the repository): hostile
//! ones (a 50 MB line of commas, a header of a million columns, a 50 MB JSON text) are refused
//! at their line, writing nothing; a valid 40 MB native CSV is imported whole. The child's peak
//! memory (VmHWM, read from /proc while it runs) stays under [`BOUND_KIB`]: before streaming,
//! these took 1.3 GB, 2.2 GB (with `--from strong`), 371 MB, 215 MB and 175 MB. Linux only.
//!
//! Beside them, in-process: a session too large for any workout is refused at its line, a long
//! exercise source is cut to the length of a name, a file whose workouts' rows are interleaved
//! imports as the same log as one in order (sessions are kept in a scratch database between
//! their rows), and a kill during an import leaves the log as it was.
#![cfg(target_os = "linux")]

#[path = "common/big_files.rs"]
mod big_files;
mod common;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use big_files::{Measured, NATIVE_HEADER, run_measured, write_native_csv};
use hardset::clock::FixedClock;
use hardset::export::{self, Format};
use hardset::import::{Options, Report, import_file};
use hardset::store::Store;
use tempfile::TempDir;

/// The most memory an import may peak at: generous for a loaded machine and a debug build
/// (they measure 8-40 MB), far below what the files cost before.
const BOUND_KIB: u64 = 100 * 1024;

/// A sandbox with its own log, holding one demo week.
struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let sandbox = Sandbox { dir: tempfile::tempdir().expect("a temporary directory") };
        std::fs::create_dir(sandbox.root().join("tmp")).expect("makes the scratch folder");
        let db = sandbox.db();
        let run = sandbox.run(&["demo", "--weeks", "1", "--db", db.to_str().expect("utf-8")]);
        assert_eq!(run.code, Some(0), "the demo log is written: {}", run.stderr);
        sandbox
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn db(&self) -> PathBuf {
        self.root().join("log.db")
    }

    fn file(&self, name: &str) -> PathBuf {
        self.root().join(name)
    }

    fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_hardset"));
        command
            .env("HOME", self.root())
            .env("XDG_DATA_HOME", self.root().join("xdg-data"))
            .env("XDG_CONFIG_HOME", self.root().join("xdg-config"))
            .env("HARDSET_CONFIG", self.root().join("config"))
            .env("HARDSET_DB", self.db())
            // SQLite's temporary files (the import's scratch database) go here, to be checked.
            .env("SQLITE_TMPDIR", self.root().join("tmp"));
        command
    }

    /// Runs hardset on the sandbox's log, reading its peak memory while it runs.
    fn run(&self, args: &[&str]) -> Measured {
        run_measured(self.command().args(args))
    }

    fn import(&self, file: &Path, extra: &[&str]) -> Measured {
        let mut args = vec!["import"];
        args.extend_from_slice(extra);
        args.push(file.to_str().expect("utf-8"));
        self.run(&args)
    }

    /// The whole log as hardset exports it.
    fn export(&self) -> String {
        let run = self.run(&["export", "--format", "json"]);
        assert_eq!(run.code, Some(0), "exports: {}", run.stderr);
        run.stdout
    }
}

/// Asserts `run` was refused at `line` with a message saying `what`, within the memory bound.
fn assert_refused(run: &Measured, line: u64, what: &str, file: &str) {
    eprintln!("{file}: peak {} KiB", run.peak_kib);
    assert_eq!(run.code, Some(1), "{file} is refused:\n{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains(&format!("{file}: line {line}: ")),
        "{file}: the message names line {line}: {}",
        run.stderr
    );
    assert!(run.stderr.contains(what), "{file}: the message says {what:?}: {}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{file}: one line of error: {}", run.stderr);
    assert!(run.peak_kib < BOUND_KIB, "{file}: peak memory {} KiB, bound {BOUND_KIB} KiB", run.peak_kib);
}

#[test]
fn a_50_mb_line_of_commas_is_refused_at_line_1_in_bounded_memory() {
    let sandbox = Sandbox::new();
    let path = sandbox.file("commas.csv");
    let mut bytes = vec![b','; 50 << 20];
    bytes.push(b'\n');
    std::fs::write(&path, bytes).expect("writes");
    let before = sandbox.export();
    // Told which app it is, the file goes past detection to the reader (2.2 GB before).
    for extra in [&[][..], &["--from", "strong", "--unit", "kg"][..]] {
        let run = sandbox.import(&path, extra);
        assert_refused(&run, 1, "longer than 1 MiB", "commas.csv");
    }
    assert_eq!(sandbox.export(), before, "nothing was written");
}

#[test]
fn a_header_of_a_million_columns_is_refused_at_line_1_in_bounded_memory() {
    let sandbox = Sandbox::new();
    let before = sandbox.export();
    // hardset's own header and a million more columns (8 MB): read whole, it took 371 MB and
    // imported nothing without a word.
    let path = sandbox.file("wide.csv");
    let mut header = NATIVE_HEADER.to_string();
    for i in 0..1_000_000 {
        let _ = write!(header, ",c{i}");
    }
    header.push('\n');
    std::fs::write(&path, header).expect("writes");
    assert_refused(&sandbox.import(&path, &[]), 1, "longer than 1 MiB", "wide.csv");

    // A short line can be too wide too: a thousand and one columns.
    let path = sandbox.file("columns.csv");
    std::fs::write(&path, format!("{NATIVE_HEADER}{}\n", ",x".repeat(1001 - 18))).expect("writes");
    assert_refused(&sandbox.import(&path, &[]), 1, "more than 1000 columns", "columns.csv");

    // And a row deep in a valid file: refused at its own line, the rows before it unwritten.
    let path = sandbox.file("deep.csv");
    write_native_csv(&path, 1);
    let lines = std::fs::read_to_string(&path).expect("reads").lines().count();
    let mut file = std::fs::OpenOptions::new().append(true).open(&path).expect("opens");
    writeln!(file, "{}", ",".repeat(5000)).expect("writes");
    drop(file);
    assert_refused(&sandbox.import(&path, &[]), lines as u64 + 1, "more than 1000 columns", "deep.csv");
    assert_eq!(sandbox.export(), before, "nothing was written");
}

#[test]
fn a_50_mb_json_text_is_refused_at_its_line_in_bounded_memory() {
    let sandbox = Sandbox::new();
    let before = sandbox.export();
    // Read whole, the source was stored as it was: 50 MB in the log.
    let path = sandbox.file("source.json");
    let source = "a".repeat(50 << 20);
    let json = format!(
        "{{\n  \"sessions\": [],\n  \"exercises\": [\n    {{\"name\": \"Odd lift\", \"equipment\": \"barbell\", \
         \"source\": \"{source}\"}}\n  ]\n}}\n"
    );
    drop(source);
    std::fs::write(&path, json).expect("writes");
    assert_refused(&sandbox.import(&path, &[]), 4, "longer than 64 KiB", "source.json");
    assert_eq!(sandbox.export(), before, "nothing was written");
}

#[test]
fn a_valid_40_mb_native_csv_imports_whole_in_bounded_memory() {
    let sandbox = Sandbox::new();
    let path = sandbox.file("big.csv");
    let sets = write_native_csv(&path, 40);
    let run = sandbox.import(&path, &[]);
    assert_eq!(run.code, Some(0), "imports:\n{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(&format!("sets:     {sets} imported ({sets} working, 0 ramp-up)")),
        "every set is written: {}",
        run.stdout
    );
    eprintln!("big.csv ({sets} sets): peak {} KiB", run.peak_kib);
    assert!(run.peak_kib < BOUND_KIB, "peak memory {} KiB for {sets} sets, bound {BOUND_KIB} KiB", run.peak_kib);
    let scratch = sandbox.root().join("tmp");
    let left: Vec<_> = std::fs::read_dir(&scratch).expect("the scratch folder").flatten().map(|e| e.path()).collect();
    assert!(left.is_empty(), "the scratch database is gone: {left:?}");
}

fn import_in_process(store: &mut Store, path: &Path) -> Result<Report, hardset::import::Failure> {
    let clock = FixedClock::at(common::evening());
    import_file(store, path, &Options::default(), &common::catalogue(), &clock, &mut |_, _, _| {})
}

fn json_of(store: &Store) -> String {
    let mut out = Vec::new();
    export::export(store, Format::Json, &FixedClock::at(common::evening()), &mut out).expect("exports");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn a_session_larger_than_any_workout_is_refused_at_its_line() {
    // 2,500 sets with a note of 2,000 characters each, all in one session: 5 MB of one workout.
    // Read whole, it was imported; now the session stops at 4 MiB, at the row that passes it.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge-session.csv");
    let mut text = format!("{NATIVE_HEADER}\n");
    let note = "n".repeat(2000);
    for i in 0..2500 {
        let _ = writeln!(
            text,
            "2026-11-02T18:00:00Z,,Day 1,Barbell back squat,working,100,kg,5,,false,{note},2026-11-02T18:{:02}:{:02}Z,,,,,,",
            i / 60 % 60,
            i % 60
        );
    }
    std::fs::write(&path, text).expect("writes");
    let mut store = Store::in_memory().expect("store");
    let error = import_in_process(&mut store, &path).expect_err("refused").to_string();
    assert!(error.contains("more than 4 MiB of sets and notes"), "{error}");
    let line: u64 = error
        .split("line ")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("the error names a line: {error}"));
    assert!((1500..=2501).contains(&line), "the line where the session passes 4 MiB: {error}");
    assert_eq!(store.set_count().expect("counts"), 0, "nothing was written");
}

#[test]
fn a_long_exercise_source_is_cut_to_the_length_of_a_name() {
    // Read whole, a JSON file's `source` was stored as long as it was.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("source.json");
    let source = format!("{}\u{1b}]0;x\u{7}", "from another app ".repeat(600));
    let json = serde_json::json!({
        "sessions": [],
        "exercises": [{"name": "Odd lift", "equipment": "barbell", "source": source}],
    });
    std::fs::write(&path, json.to_string()).expect("writes");
    let mut store = Store::in_memory().expect("store");
    import_in_process(&mut store, &path).expect("imports");
    let custom = store.custom_exercises().expect("reads");
    assert_eq!(custom.len(), 1);
    assert_eq!(custom[0].source.chars().count(), 200, "cut to 200 characters: {:?}", custom[0].source);
    assert!(custom[0].source.starts_with("from another app from"), "{:?}", custom[0].source);
}

/// The fixture `name` with its workouts' rows interleaved: the first row of each workout, then
/// the second of each, and so on (each workout's rows keep their order). A workout is told by
/// the first `key` fields of a row.
fn interleaved(name: &str, delimiter: u8, key: usize) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .expect("opens");
    let mut records = reader.records().map(|r| r.expect("reads"));
    let header = records.next().expect("a header");
    let mut workouts: Vec<(Vec<String>, Vec<csv::StringRecord>)> = Vec::new();
    for record in records {
        let id: Vec<String> = record.iter().take(key).map(str::to_string).collect();
        match workouts.iter_mut().find(|(k, _)| *k == id) {
            Some((_, rows)) => rows.push(record),
            None => workouts.push((id, vec![record])),
        }
    }
    assert!(workouts.len() > 1, "{name} holds more than one workout");
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).flexible(true).from_writer(Vec::new());
    writer.write_record(&header).expect("writes");
    let longest = workouts.iter().map(|(_, rows)| rows.len()).max().unwrap_or(0);
    for i in 0..longest {
        for (_, rows) in &workouts {
            if let Some(row) = rows.get(i) {
                writer.write_record(row).expect("writes");
            }
        }
    }
    writer.into_inner().expect("flushes")
}

#[test]
fn a_file_whose_workouts_are_interleaved_imports_as_the_same_log() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, delimiter, key) in
        [("strong_semicolon_kg.csv", b';', 3), ("hevy_kg.csv", b',', 2), ("fitnotes_kg.csv", b',', 1)]
    {
        let in_order = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name);
        let mixed = dir.path().join(name);
        std::fs::write(&mixed, interleaved(name, delimiter, key)).expect("writes");
        let mut a = Store::in_memory().expect("store");
        let mut b = Store::in_memory().expect("store");
        let first = import_in_process(&mut a, &in_order).expect("imports in order");
        let second = import_in_process(&mut b, &mixed).expect("imports interleaved");
        assert_eq!(first.counts, second.counts, "{name}");
        assert_eq!(first.tally.rows, second.tally.rows, "{name}");
        assert_eq!(json_of(&a), json_of(&b), "{name}: the same sessions, sets and notes");
    }
}

/// The log's files (the database, its `-wal` and `-shm`) as they are, while nothing has it open.
fn snapshot(db: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| {
            let file = PathBuf::from(format!("{}{suffix}", db.display()));
            let bytes = std::fs::read(&file).ok();
            (file, bytes)
        })
        .collect()
}

/// Puts the log's files back as `snapshot` found them.
fn restore(db: &Path, files: &[(PathBuf, Option<Vec<u8>>)]) {
    for (file, bytes) in files {
        match bytes {
            Some(bytes) => std::fs::write(file, bytes).expect("restores the log"),
            None if file.exists() => std::fs::remove_file(file).expect("removes what was not there"),
            None => {}
        }
    }
    assert!(db.exists(), "the log is back");
}

#[test]
fn a_kill_during_an_import_leaves_the_log_as_it_was() {
    use std::os::unix::process::ExitStatusExt;
    let sandbox = Sandbox::new();
    let path = sandbox.file("big.csv");
    write_native_csv(&path, 8);
    // How long a whole import takes here, into a log of its own, and what it leaves.
    let timing = Sandbox::new();
    let started = std::time::Instant::now();
    assert_eq!(timing.import(&path, &[]).code, Some(0), "a whole import succeeds");
    let whole = started.elapsed();
    let imported = timing.export();
    let before = sandbox.export();
    assert_ne!(before, imported, "the import changes the log");
    let pristine = snapshot(&sandbox.db());
    // On a loaded machine a run can be quicker or slower than the one timed: a kill that comes
    // after the commit is not a kill mid-import, so the fraction shrinks until one lands.
    let mut killed_mid_import = 0;
    for mut fraction in [0.3, 0.6, 0.9] {
        loop {
            let mut child = sandbox
                .command()
                .args(["import", path.to_str().expect("utf-8")])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("runs");
            std::thread::sleep(whole.mul_f64(fraction));
            let _ = child.kill();
            let status = child.wait().expect("waits");
            let after = sandbox.export();
            let store = Store::open(&sandbox.db()).expect("opens");
            assert!(store.integrity_ok().expect("checks"), "killed at {fraction}: the log is sound");
            drop(store);
            let left: Vec<_> = std::fs::read_dir(sandbox.root().join("tmp"))
                .expect("scratch folder")
                .flatten()
                .map(|e| e.path())
                .collect();
            assert!(left.is_empty(), "killed at {fraction}: no scratch file is left: {left:?}");
            if after == before {
                assert_eq!(status.signal(), Some(9), "killed at {fraction}: the import was killed, not finished");
                killed_mid_import += 1;
                break;
            }
            assert_eq!(after, imported, "killed at {fraction} of the import: the log is as it was or whole");
            // It got through first: start again from the empty log, killing sooner.
            restore(&sandbox.db(), &pristine);
            assert_eq!(sandbox.export(), before, "the log as it was again");
            fraction /= 2.0;
            assert!(fraction > 0.01, "an import was killed before its end at least once");
        }
    }
    assert_eq!(killed_mid_import, 3);
}

//! Proof that the log loses nothing under crashes, contention and bad input (issue 6). Each test
//! names the property it proves; docs/reliability.md records what was run and what held.
//!
//! The crash and contention tests re-run this test binary as the writer: `child_logger` is a
//! test that does nothing unless `HARDSET_REL_DB` names a database, so the release binary
//! carries no test-only code and the child logs through the same `Store::log_set` as the app.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{driver_on, evening, key, type_text, working};
use hardset::clock::FixedClock;
use hardset::model::session::SessionFor;
use hardset::store::{SCHEMA_VERSION, Store, StoreError};
use hardset::tui::screens::Pane;
use ratatui::crossterm::event::KeyCode;

/// What the child prints after each commit returned: the set's id and its reps.
const LOGGED: &str = "LOGGED ";
/// What the child prints once the store is open.
const READY: &str = "READY";

/// A small seeded generator (SplitMix64), so a failing run can be replayed with its seed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..below`.
    fn below(&mut self, below: u64) -> u64 {
        self.next() % below
    }
}

/// The writer run in a child process; does nothing unless `HARDSET_REL_DB` is set.
#[test]
#[ignore = "the writer the reliability tests run in a child process"]
fn child_logger() {
    let Ok(db) = std::env::var("HARDSET_REL_DB") else {
        return;
    };
    let sets: u32 = std::env::var("HARDSET_REL_SETS").ok().and_then(|n| n.parse().ok()).unwrap_or(u32::MAX);
    // Children told to start together wait for the same moment, so their first opens collide.
    if let Some(start) = std::env::var("HARDSET_REL_START").ok().and_then(|t| t.parse::<u128>().ok()) {
        while unix_micros() < start {
            std::hint::spin_loop();
        }
    }
    let mut store = Store::open(Path::new(&db)).expect("the child opens the log");
    let mut out = std::io::stdout().lock();
    writeln!(out, "{READY}").expect("reports");
    out.flush().expect("reports");
    let mut session = SessionFor::New { day_name: "Day 1".into(), day_index: Some(0) };
    for n in 0..sets {
        let reps = (n % 200) as u16;
        let logged =
            store.log_set(&session, &working("Lat pulldown", 60.0, reps, 2), evening(), 90).expect("logs a set");
        session = SessionFor::Existing(logged.session_id);
        // Reported only now that the commit returned: a reported set must be in the log.
        writeln!(out, "{LOGGED}{} {reps}", logged.id).expect("reports");
        out.flush().expect("reports");
    }
}

/// Microseconds since the Unix epoch, the clock children started together agree on.
fn unix_micros() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_micros())
}

/// Starts `child_logger` on `db`, logging `sets` sets (or until killed), its stdout read line
/// by line into the returned channel.
fn spawn_logger(db: &Path, sets: Option<u32>) -> (Child, mpsc::Receiver<String>) {
    spawn_logger_at(db, sets, None)
}

/// [`spawn_logger`], the child opening the log only at `start` (microseconds since the epoch).
fn spawn_logger_at(db: &Path, sets: Option<u32>, start: Option<u128>) -> (Child, mpsc::Receiver<String>) {
    let mut command = Command::new(std::env::current_exe().expect("the test binary"));
    if let Some(start) = start {
        command.env("HARDSET_REL_START", start.to_string());
    }
    command
        .args(["--exact", "child_logger", "--ignored", "--nocapture", "--test-threads=1", "-q"])
        .env("HARDSET_REL_DB", db)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(sets) = sets {
        command.env("HARDSET_REL_SETS", sets.to_string());
    }
    let mut child = command.spawn().expect("starts the child");
    let stdout = child.stdout.take().expect("piped stdout");
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    (child, receive)
}

/// The `(id, reps)` pairs in the lines a child printed (libtest may print around them).
fn reported_sets(lines: &[String]) -> Vec<(i64, i64)> {
    lines
        .iter()
        .filter_map(|line| {
            let rest = &line[line.find(LOGGED)? + LOGGED.len()..];
            let mut numbers = rest.split_whitespace().map(str::parse::<i64>);
            Some((numbers.next()?.ok()?, numbers.next()?.ok()?))
        })
        .collect()
}

/// Every set in the log, by id, with its reps.
fn stored_sets(db: &Path) -> HashMap<i64, i64> {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("opens");
    let mut stmt = conn.prepare("SELECT id, reps FROM workout_set").expect("prepares");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("reads").collect::<Result<_, _>>().expect("reads")
}

#[test]
fn a_writer_killed_at_random_moments_loses_no_reported_set() {
    const KILLS: usize = 50;
    let seed = std::env::var("HARDSET_REL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20_261_129_u64);
    let mut random = Random(seed);
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("hardset.db");
    let started = Instant::now();
    let mut reported: Vec<(i64, i64)> = Vec::new();
    let (mut during_open, mut mid_logging) = (0, 0);
    for run in 0..KILLS {
        let context = format!("kill {run} of {KILLS}, seed {seed} (HARDSET_REL_SEED replays it)");
        let (mut child, lines) = spawn_logger(&db, None);
        let mut printed = Vec::new();
        // One kill in five lands while the child starts and opens (or creates and migrates) the
        // log; the rest land a random few milliseconds into logging.
        if random.below(5) == 0 {
            std::thread::sleep(Duration::from_millis(random.below(15)));
        } else {
            loop {
                let line = lines.recv_timeout(Duration::from_secs(20)).unwrap_or_else(|_| {
                    let _ = child.kill();
                    panic!("the child never opened the log: {context}")
                });
                let ready = line.contains(READY);
                printed.push(line);
                if ready {
                    break;
                }
            }
            std::thread::sleep(Duration::from_millis(1 + random.below(40)));
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        // The reader sees end of file once the child is gone; what it read before is kept.
        printed.extend(lines.iter());
        let logged_now = reported_sets(&printed);
        if printed.iter().any(|l| l.contains(READY)) {
            mid_logging += usize::from(!logged_now.is_empty());
        } else {
            during_open += 1;
        }
        reported.extend(logged_now);

        let store = Store::open(&db).unwrap_or_else(|e| panic!("the next open fails after {context}: {e}"));
        assert!(store.integrity_ok().expect("checks"), "integrity_check is not ok after {context}");
        drop(store);
        let stored = stored_sets(&db);
        for (id, reps) in &reported {
            assert_eq!(stored.get(id), Some(reps), "reported set {id} is missing after {context}");
        }
        // At most one set per kill can be committed and not yet reported.
        assert!(stored.len() <= reported.len() + run + 1, "sets appeared from nowhere after {context}");
    }
    eprintln!(
        "crash: {KILLS} kills ({during_open} while opening, {mid_logging} mid-logging), {} sets reported, {} stored, \
         all reported present, {:.1?}",
        reported.len(),
        stored_sets(&db).len(),
        started.elapsed()
    );
    assert!(mid_logging >= KILLS / 2, "most kills must land while sets are being logged");
    assert!(reported.len() >= KILLS, "the children must have logged sets between kills");
}

#[test]
fn two_instances_logging_at_once_lose_nothing_and_fail_nothing() {
    const EACH: u32 = 500;
    let dir = tempfile::tempdir().expect("temp dir");
    // A fresh path: both instances create, migrate and then log at the same moment.
    let db = dir.path().join("hardset.db");
    let started = Instant::now();
    let instances = [spawn_logger(&db, Some(EACH)), spawn_logger(&db, Some(EACH))];
    let mut ids = Vec::new();
    for (mut child, lines) in instances {
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().expect("piped"), &mut stderr).expect("reads");
        let status = child.wait().expect("finishes");
        assert!(status.success(), "an instance failed: {stderr}");
        let logged = reported_sets(&lines.iter().collect::<Vec<_>>());
        assert_eq!(logged.len(), EACH as usize, "each instance logged all its sets");
        ids.extend(logged.into_iter().map(|(id, _)| id));
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 2 * EACH as usize, "no two sets share an id");
    let store = Store::open(&db).expect("opens");
    assert_eq!(store.set_count().expect("counts"), 2 * i64::from(EACH));
    assert!(store.integrity_ok().expect("checks"));
    eprintln!(
        "two instances: 2 x {EACH} sets, {} stored, {:.1?}",
        store.set_count().expect("counts"),
        started.elapsed()
    );
}

#[test]
fn two_first_starts_at_once_both_log_into_the_one_log_the_winner_made() {
    const TRIES: usize = 60;
    let started = Instant::now();
    let mut failures = Vec::new();
    for attempt in 0..TRIES {
        let dir = tempfile::tempdir().expect("temp dir");
        // A path with no log yet: both children create, switch to WAL and migrate it at the
        // same microsecond, then log one set each.
        let db = dir.path().join("hardset.db");
        let start = unix_micros() + 150_000;
        let children = [spawn_logger_at(&db, Some(1), Some(start)), spawn_logger_at(&db, Some(1), Some(start))];
        for (mut child, _) in children {
            let mut stderr = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().expect("piped"), &mut stderr).expect("reads");
            if !child.wait().expect("finishes").success() {
                let why = stderr.lines().find(|l| l.contains("panicked") || l.contains("Error")).unwrap_or("");
                let detail = stderr.lines().skip_while(|l| !l.contains("panicked")).nth(1).unwrap_or("");
                failures.push(format!("try {attempt}: {why} {detail}"));
            }
        }
        if failures.is_empty() {
            let store = Store::open(&db).expect("opens");
            assert_eq!(store.set_count().expect("counts"), 2, "try {attempt}: both sets are in the one log");
            assert!(store.integrity_ok().expect("checks"));
        }
    }
    eprintln!("two first starts: {TRIES} tries, {} failed, {:.1?}", failures.len(), started.elapsed());
    assert!(failures.is_empty(), "{} of {TRIES} tries failed:\n{}", failures.len(), failures.join("\n"));
}

/// A driver on the database file at `db`, at [`evening`].
fn driver_at(db: &Path) -> hardset::tui::driver::Driver<FixedClock> {
    driver_on(Store::open(db).expect("opens"), FixedClock::at(evening()))
}

/// Logs the first ramp-up set by keyboard, as a lifter would: Enter, a load, Enter, Enter.
fn log_first_set(d: &mut hardset::tui::driver::Driver<FixedClock>) {
    d.key(key(KeyCode::Enter));
    type_text(d, "30");
    d.key(key(KeyCode::Enter));
    d.key(key(KeyCode::Enter));
    assert_eq!(d.store.set_count().expect("counts"), 1, "the first set is saved");
}

/// Opens the form on the next set and types a load and reps, without saving.
fn type_next_set(d: &mut hardset::tui::driver::Driver<FixedClock>) {
    d.key(key(KeyCode::Enter));
    assert_eq!(d.app.pane, Pane::Form);
    for _ in 0..6 {
        d.key(key(KeyCode::Backspace));
    }
    type_text(d, "42.5");
    d.key(key(KeyCode::Enter));
    for _ in 0..3 {
        d.key(key(KeyCode::Backspace));
    }
    type_text(d, "7");
    assert_eq!((d.app.today_screen.form.weight.as_str(), d.app.today_screen.form.reps.as_str()), ("42.5", "7"));
}

/// The failed save kept the form as typed and said why in plain words.
fn assert_not_saved(d: &hardset::tui::driver::Driver<FixedClock>, because: &str) {
    let message = d.app.message.as_ref().map(|(_, text)| text.clone()).unwrap_or_default();
    assert!(message.starts_with("Not saved: "), "says it was not saved: {message}");
    assert!(message.contains(because), "says why in plain words: {message}");
    assert!(!message.contains("database error"), "no raw SQLite text: {message}");
    assert!(message.contains("What you typed is still in the form"), "{message}");
    assert_eq!(d.app.pane, Pane::Form, "the form stays open");
    assert_eq!(
        (d.app.today_screen.form.weight.as_str(), d.app.today_screen.form.reps.as_str()),
        ("42.5", "7"),
        "the typed set is kept"
    );
}

#[test]
fn a_full_disk_keeps_the_typed_set_and_the_log_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("hardset.db");
    let mut d = driver_at(&db);
    log_first_set(&mut d);
    type_next_set(&mut d);
    // Fill the log up to a cap of the pages it has now with exactly the set typed, so the save
    // needs room that is not there, as on a full disk.
    let entry = d.app.today_screen.form.clone().entry().expect("the typed set is valid");
    let session = SessionFor::Existing(d.app.today.as_ref().and_then(|t| t.session.as_ref()).expect("session").id);
    // A cap below the pages in use stops at them: the log cannot grow by a single page.
    let pages = d.store.cap_pages(1).expect("caps");
    assert!(pages > 1);
    let mut filler = 0;
    let full = loop {
        match d.store.log_set(&session, &entry, evening(), 60) {
            Ok(_) => filler += 1,
            Err(e) => break e,
        }
        assert!(filler < 10_000, "the cap must stop the log growing");
    };
    assert!(full.to_string().starts_with("the disk is full"), "{full}");
    let before = d.store.set_count().expect("counts");

    d.key(key(KeyCode::Enter));
    assert_not_saved(&d, "the disk is full");
    assert_eq!(d.store.set_count().expect("counts"), before, "nothing half-saved");
    assert!(d.store.integrity_ok().expect("checks"));

    // Once there is room, the same keys save the set that was kept.
    d.store.cap_pages(1_000_000).expect("lifts the cap");
    d.key(key(KeyCode::Enter));
    assert_eq!(d.store.set_count().expect("counts"), before + 1, "the kept set saves on retry");
    drop(d);
    let store = Store::open(&db).expect("reopens");
    assert!(store.integrity_ok().expect("checks"));
    assert_eq!(store.set_count().expect("counts"), before + 1);
}

/// Makes a file read-only (0444).
fn make_read_only(path: &Path) {
    let mut permissions = std::fs::metadata(path).expect("exists").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(path, permissions).expect("chmod");
}

#[test]
fn a_read_only_log_keeps_the_typed_set_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("hardset.db");
    let mut d = driver_at(&db);
    log_first_set(&mut d);
    drop(d);
    make_read_only(&db);
    let before = std::fs::read(&db).expect("reads");

    let mut d = driver_at(&db);
    assert!(d.app.today.is_some(), "a read-only log still shows today");
    type_next_set(&mut d);
    d.key(key(KeyCode::Enter));
    assert_not_saved(&d, "the log file is read-only");
    assert_eq!(d.store.set_count().expect("counts"), 1, "the set before is there");
    assert!(d.store.integrity_ok().expect("checks"));
    drop(d);
    assert!(std::fs::read(&db).expect("reads") == before, "the file is untouched");

    // The app itself stops at start-up (it records the plan it runs), with the same words. It
    // needs a terminal to start at all: `script` gives it one (its output is the terminal's).
    let config = dir.path().join("config");
    let run = Command::new("script")
        .args(["-qec", &format!("'{}'", env!("CARGO_BIN_EXE_hardset")), "/dev/null"])
        .env("HOME", dir.path())
        .env("HARDSET_CONFIG", &config)
        .env("HARDSET_DB", &db)
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&run.stdout);
    assert!(!run.status.success());
    assert!(stderr.contains("the log file is read-only (make it writable, then try again)"), "{stderr}");
    assert!(std::fs::read(&db).expect("reads") == before, "the file is untouched");
}

/// The migration files, in order: the schema at version k is the first k of them.
fn migration_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("lists").map(|e| e.expect("entry").path()).filter(|p| p.is_file()).collect();
    files.sort();
    files
}

/// Every table, index and its SQL, to compare two schemas.
fn schema_of(conn: &rusqlite::Connection) -> Vec<(String, String)> {
    let mut stmt = conn.prepare("SELECT name, coalesce(sql, '') FROM sqlite_schema ORDER BY name").expect("prepares");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("reads").collect::<Result<_, _>>().expect("reads")
}

fn pragma(conn: &rusqlite::Connection, name: &str) -> i64 {
    conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0)).expect("pragma")
}

#[test]
fn every_earlier_schema_is_backed_up_then_migrated_with_its_sets() {
    let files = migration_files();
    assert_eq!(files.len() as i64, SCHEMA_VERSION, "every migration file is in MIGRATIONS");
    for k in 1..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("hardset.db");
        let old_schema = {
            // The database as the release at schema k wrote it, with one set.
            let conn = rusqlite::Connection::open(&path).expect("opens");
            for file in &files[..k as usize] {
                conn.execute_batch(&std::fs::read_to_string(file).expect("reads")).expect("migration runs");
            }
            conn.execute_batch(
                "INSERT INTO session (id, started_at, day_name, day_index) VALUES (1, 1764000000, 'Day 1', 0);
                 INSERT INTO workout_set (session_id, exercise, kind, load_hundredths, unit, reps, rir_halves, logged_at)
                 VALUES (1, 'Lat pulldown', 'working', 6000, 'kg', 10, 2, 1764000100);",
            )
            .expect("data");
            conn.pragma_update(None, "user_version", k).expect("version");
            schema_of(&conn)
        };
        let store = Store::open(&path).unwrap_or_else(|e| panic!("schema {k} does not open: {e}"));
        assert_eq!(store.set_count().expect("count"), 1, "the set of schema {k} survived");
        assert!(store.integrity_ok().expect("checks"));
        drop(store);
        let conn = rusqlite::Connection::open(&path).expect("opens");
        assert_eq!(pragma(&conn, "user_version"), SCHEMA_VERSION, "schema {k} migrated");
        let backup = dir.path().join(format!("hardset.db.v{k}.bak"));
        if k == SCHEMA_VERSION {
            assert!(!backup.exists(), "nothing to migrate, no backup");
            continue;
        }
        assert!(backup.exists(), "a backup of schema {k} was taken before migrating");
        let old = rusqlite::Connection::open(&backup).expect("opens the backup");
        assert_eq!(pragma(&old, "user_version"), k, "the backup is schema {k}");
        assert_eq!(schema_of(&old), old_schema, "the backup holds the schema {k} tables as they were");
        let sets: i64 = old.query_row("SELECT count(*) FROM workout_set", [], |r| r.get(0)).expect("count");
        assert_eq!(sets, 1, "the backup holds the old set");
    }
}

/// Creates a database "a newer hardset" wrote, in the given journal mode.
fn newer_database(path: &Path, journal_mode: &str) {
    let conn = rusqlite::Connection::open(path).expect("opens");
    let mode: String =
        conn.query_row(&format!("PRAGMA journal_mode = {journal_mode}"), [], |r| r.get(0)).expect("mode");
    assert_eq!(mode, journal_mode);
    conn.execute_batch("CREATE TABLE later (x INTEGER); INSERT INTO later VALUES (1);").expect("setup");
    // A newer hardset marks its logs as this one does.
    conn.pragma_update(None, "application_id", hardset::store::APPLICATION_ID).expect("mark");
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("version");
}

/// The names of the files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_newer_database_is_refused_untouched() {
    for journal_mode in ["delete", "wal"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("future.db");
        newer_database(&path, journal_mode);
        let files = files_in(dir.path());
        assert_eq!(files, ["future.db"], "the newer hardset closed cleanly ({journal_mode})");
        let before = std::fs::read(&path).expect("reads");
        match Store::open(&path) {
            Err(StoreError::NewerDatabase { found, supported, .. }) => {
                assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
            }
            Err(other) => panic!("wrong error ({journal_mode}): {other}"),
            Ok(_) => panic!("a newer database must be refused ({journal_mode})"),
        }
        assert!(std::fs::read(&path).expect("reads") == before, "same bytes after ({journal_mode})");
        assert_eq!(files_in(dir.path()), files, "no -wal, -shm or backup left behind ({journal_mode})");
    }
}

// ---------------------------------------------------------------- 10. time

#[test]
fn the_rest_timer_is_right_after_a_suspend_and_across_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("log.db");
    let clock = FixedClock::at(evening());
    let mut d = driver_on(Store::open(&db).expect("opens"), clock.clone());
    log_first_set(&mut d);
    let (until, seconds) = d.app.rest().expect("the rest started");
    assert_eq!((until, seconds), (evening() + chrono::Duration::seconds(60), 60));
    assert!(common::screen(&d, 80, 24).contains("rest 1:00"));
    // The laptop sleeps for 25 s with no tick at all; on waking the timer shows what is left.
    clock.advance(chrono::Duration::seconds(25));
    d.tick();
    assert!(common::screen(&d, 80, 24).contains("rest 0:35"), "{}", common::screen(&d, 80, 24));
    // The app is closed and opened again 10 s later: the same rest, counted from its deadline.
    drop(d);
    clock.advance(chrono::Duration::seconds(10));
    let mut d = driver_on(Store::open(&db).expect("opens"), clock.clone());
    assert_eq!(d.app.rest().map(|(u, _)| u), Some(until), "the rest survives a restart");
    assert!(common::screen(&d, 80, 24).contains("rest 0:25"), "{}", common::screen(&d, 80, 24));
    // A long suspend past its end: over, and the bell rings once on waking.
    clock.advance(chrono::Duration::minutes(30));
    d.tick();
    d.tick();
    assert_eq!(d.bells, 1, "one bell for a rest that ended while asleep");
    assert!(!common::screen(&d, 80, 24).contains("rest 0:"), "no rest left to count");
}

// ---------------------------------------------------------------- the log's files

/// Builds the log as the release at schema `k` left it: the first `k` migrations, in WAL mode,
/// one session holding `sets` working sets, closed cleanly (no -wal left).
fn old_log(path: &Path, k: i64, sets: i64) {
    let conn = rusqlite::Connection::open(path).expect("opens");
    let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).expect("wal");
    for file in &migration_files()[..k as usize] {
        conn.execute_batch(&std::fs::read_to_string(file).expect("reads")).expect("migration runs");
    }
    conn.execute_batch(&format!(
        "INSERT INTO session (id, started_at, day_name, day_index) VALUES (1, 1764000000, 'Day 1', 0);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {sets})
         INSERT INTO workout_set (session_id, exercise, kind, load_hundredths, unit, reps, rir_halves, logged_at, note)
         SELECT 1, 'Lat pulldown', 'working', 6000 + i % 500, 'kg', 1 + i % 20, 2, 1764000100 + i,
                'set ' || i || ' of a long history, with a note long enough to fill the pages'
         FROM n;"
    ))
    .expect("data");
    conn.pragma_update(None, "user_version", k).expect("version");
}

/// The `.v<k>.bak` beside `db` holds the log as it was at schema `k`: it opens, is at schema
/// `k`, passes `integrity_check`, holds `sets` sets, is private, and has no journal beside it.
fn assert_backup_holds(db: &Path, k: i64, sets: i64, context: &str) {
    let bak = PathBuf::from(format!("{}.v{k}.bak", db.display()));
    let conn = rusqlite::Connection::open_with_flags(&bak, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap_or_else(|e| panic!("the backup does not open ({context}): {e}"));
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("the backup cannot be read ({context}): {e}"));
    assert_eq!(version, k, "the backup is schema {k} ({context})");
    let verdict: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap_or_else(|e| e.to_string());
    assert_eq!(verdict, "ok", "the backup passes integrity_check ({context})");
    let held: i64 = conn
        .query_row("SELECT count(*) FROM workout_set", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("the backup holds no sets table ({context}): {e}"));
    assert_eq!(held, sets, "the backup holds every set ({context})");
    // And they are the log's sets as they were, not those of another copy with as many.
    let totals = "SELECT total(reps), total(load_hundredths), total(logged_at) FROM workout_set";
    let numbers = |conn: &rusqlite::Connection| -> (f64, f64, f64) {
        conn.query_row(totals, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).expect("reads the sets")
    };
    let log = rusqlite::Connection::open(db).expect("opens");
    assert_eq!(numbers(&conn), numbers(&log), "the backup holds the log's own sets ({context})");
    drop(conn);
    assert!(!Path::new(&format!("{}-journal", bak.display())).exists(), "no journal beside the backup ({context})");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&bak).expect("exists").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the backup is readable by its owner only ({context})");
    }
}

/// What a `.v5.bak` cut short or left over can look like.
fn bad_backups(db: &Path, scratch: &Path) -> Vec<(&'static str, Vec<u8>, bool)> {
    let copy = |name: &str, sql: &str| {
        let path = scratch.join(name);
        let conn = rusqlite::Connection::open(db).expect("opens");
        conn.execute("VACUUM INTO ?1", [path.display().to_string()]).expect("copies");
        let old = rusqlite::Connection::open(&path).expect("opens");
        old.execute_batch(sql).expect("changes the copy");
        drop(old);
        std::fs::read(&path).expect("reads")
    };
    let whole = copy("whole.db", "");
    let empty = {
        let path = scratch.join("empty.db");
        let conn = rusqlite::Connection::open(&path).expect("opens");
        conn.execute_batch("CREATE TABLE x (y); DROP TABLE x;").expect("a page");
        drop(conn);
        std::fs::read(&path).expect("reads")
    };
    vec![
        // What the issue found: a kill during the copy left a file with no table, and its journal.
        ("a file with no table, with a journal", empty, true),
        ("the first half of a copy, with a journal", whole[..whole.len() / 2].to_vec(), true),
        ("an older copy missing sets", copy("fewer.db", "DELETE FROM workout_set WHERE id % 3 = 0;"), false),
        ("a copy at another schema", copy("other.db", "PRAGMA user_version = 4;"), false),
        // An older backup of this log, whole, at this schema, with as many sets, other numbers.
        (
            "a whole copy with as many sets, other numbers",
            copy("edited.db", "UPDATE workout_set SET reps = reps + 1;"),
            false,
        ),
        ("not a database at all", b"hardset backup, interrupted".to_vec(), false),
    ]
}

#[test]
fn a_pre_upgrade_backup_cut_short_is_replaced_not_trusted() {
    const SETS: i64 = 3_000;
    let scratch = tempfile::tempdir().expect("temp dir");
    let template = scratch.path().join("template.db");
    old_log(&template, 5, SETS);
    for (what, bytes, journal) in bad_backups(&template, scratch.path()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("hardset.db");
        std::fs::copy(&template, &db).expect("copies the log");
        let bak = dir.path().join("hardset.db.v5.bak");
        std::fs::write(&bak, &bytes).expect("writes the bad backup");
        if journal {
            std::fs::write(dir.path().join("hardset.db.v5.bak-journal"), vec![0xd9; 4096]).expect("journal");
        }
        let store = Store::open(&db).unwrap_or_else(|e| panic!("the log does not open ({what}): {e}"));
        assert_eq!(store.set_count().expect("counts"), SETS, "the log keeps its sets ({what})");
        drop(store);
        assert_backup_holds(&db, 5, SETS, what);
        assert_eq!(
            files_in(dir.path()),
            ["hardset.db", "hardset.db.v5.bak"],
            "nothing else is left in the folder ({what})"
        );
    }
}

#[test]
fn a_migration_killed_at_random_moments_never_leaves_a_backup_that_is_trusted_but_short() {
    const KILLS: usize = 10;
    const SETS: i64 = 20_000;
    let seed = std::env::var("HARDSET_REL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20_261_207_u64);
    let mut random = Random(seed);
    let scratch = tempfile::tempdir().expect("temp dir");
    let template = scratch.path().join("template.db");
    old_log(&template, 5, SETS);
    let started = Instant::now();
    let (mut cut_short, mut migrated) = (0, 0);
    for run in 0..KILLS {
        let context = format!("kill {run} of {KILLS}, seed {seed} (HARDSET_REL_SEED replays it)");
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("hardset.db");
        std::fs::copy(&template, &db).expect("copies the log");
        let (mut child, _lines) = spawn_logger(&db, Some(0));
        // The kill lands while the backup is being written: a few milliseconds after its file
        // (under whatever name) appears.
        let writing = Instant::now();
        while !files_in(dir.path()).iter().any(|f| f.starts_with("hardset.db.v5.bak")) {
            assert!(writing.elapsed() < Duration::from_secs(30), "no backup was started: {context}");
            std::thread::sleep(Duration::from_micros(200));
        }
        std::thread::sleep(Duration::from_millis(random.below(25)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let bak = dir.path().join("hardset.db.v5.bak");
        let left = rusqlite::Connection::open_with_flags(&bak, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT count(*) FROM workout_set", [], |r| r.get::<_, i64>(0)));
        cut_short += usize::from(!left.is_ok_and(|sets| sets == SETS));
        {
            let conn =
                rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("opens");
            migrated += usize::from(pragma(&conn, "user_version") == SCHEMA_VERSION);
        }
        // The next run: whatever the kill left, the log is backed up properly before migrating.
        let store = Store::open(&db).unwrap_or_else(|e| panic!("the next open fails after {context}: {e}"));
        assert_eq!(store.set_count().expect("counts"), SETS, "{context}");
        drop(store);
        assert_backup_holds(&db, 5, SETS, &context);
    }
    eprintln!(
        "killed migrations: {KILLS} kills while the backup was written ({cut_short} left no whole backup under \
         its name, {migrated} came after the migration), every backup whole after the next open, {:.1?}",
        started.elapsed()
    );
}

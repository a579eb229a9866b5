//! A long write (a big import) holding the log's write lock must not make a save fail (issue 10,
//! item 17). Another connection takes the write lock with `BEGIN IMMEDIATE`, as an import does
//! for its whole transaction, and holds it past the five seconds a save used to wait; meanwhile
//! `hardset log` waits and then saves, the app queues its save and keeps running, and a dry run
//! neither waits for the lock nor writes the log. docs/reliability.md, item 17, records what
//! these measured.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};


/// Longer than the five seconds a save used to wait for the write lock before it failed.
const HOLD: Duration = Duration::from_secs(7);

/// Another program writing the log: a connection holding the write lock in an open
/// transaction, as an import does from its first row to its commit.
struct Writer {
    release: mpsc::Sender<()>,
    thread: JoinHandle<Instant>,
}

impl Writer {
    /// Takes the write lock on `db` and holds it until [`Writer::release`] or, with `at_most`,
    /// until that much time has passed. Returns once the lock is held.
    fn hold(db: &Path, at_most: Option<Duration>) -> Writer {
        let (held_send, held) = mpsc::channel();
        let (release, released) = mpsc::channel::<()>();
        let db = db.to_path_buf();
        let thread = std::thread::spawn(move || {
            let conn = rusqlite::Connection::open(&db).expect("the writer opens the log");
            conn.execute_batch("BEGIN IMMEDIATE").expect("the writer takes the write lock");
            held_send.send(()).expect("tells");
            match at_most {
                Some(hold) => {
                    let _ = released.recv_timeout(hold);
                }
                None => {
                    let _ = released.recv();
                }
            }
            conn.execute_batch("COMMIT").expect("the writer commits");
            Instant::now()
        });
        held.recv().expect("the writer holds the lock");
        Writer { release, thread }
    }

    /// Lets go of the lock; returns when it did.
    fn release(self) -> Instant {
        let _ = self.release.send(());
        self.thread.join().expect("the writer finishes")
    }

    /// Waits until the writer lets go by itself; returns when it did.
    fn finish(self) -> Instant {
        self.thread.join().expect("the writer finishes")
    }
}

/// The binary in a sandbox: its own HOME, config and log.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox { dir: tempfile::tempdir().expect("temp dir") }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("hardset.db")
    }

    fn command(&self, args: &[&str]) -> Command {
        let root = self.dir.path();
        let mut command = Command::new(env!("CARGO_BIN_EXE_hardset"));
        command
            .args(args)
            .env("HOME", root)
            .env("XDG_DATA_HOME", root.join("xdg-data"))
            .env("XDG_CONFIG_HOME", root.join("xdg-config"))
            .env("HARDSET_DB", self.db())
            .env("HARDSET_CONFIG", root.join("config"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("hardset runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "hardset {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

fn sets_in(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("opens");
    conn.query_row("SELECT count(*) FROM workout_set", [], |r| r.get(0)).expect("counts")
}

#[test]
fn a_set_logged_from_the_shell_during_a_long_write_waits_and_is_saved() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["log", "Lat pulldown", "60x10@1"]);
    let db = sandbox.db();

    let writer = Writer::hold(&db, Some(HOLD));
    let started = Instant::now();
    let child = sandbox.command(&["log", "Lat pulldown", "62.5x8@1"]).spawn().expect("starts");
    let out = child.wait_with_output().expect("finishes");
    let ended = Instant::now();
    let released = writer.finish();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("log during a {HOLD:?} hold: finished after {:.2?}", ended - started);

    assert!(out.status.success(), "the save must not fail while another program writes:\n{stdout}{stderr}");
    assert!(ended >= released, "it could only save once the other writer let go");
    assert!(stdout.contains("logged Lat pulldown working: 62.5 kg x 8"), "{stdout}");
    assert_eq!(
        stderr.matches("waiting for another hardset").count(),
        1,
        "it says once that it waits, on standard error: {stderr}"
    );
    assert_eq!(sets_in(&db), 2, "both sets are in the log");
}

/// The bytes of the log and of its WAL.
fn log_bytes(db: &Path) -> (Vec<u8>, Option<Vec<u8>>) {
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    (std::fs::read(db).expect("reads the log"), std::fs::read(wal).ok())
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name).display().to_string()
}

#[test]
fn a_dry_run_during_a_long_write_neither_waits_nor_writes() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["log", "Lat pulldown", "60x10@1"]);
    let db = sandbox.db();
    let file = fixture("hevy_kg.csv");

    let writer = Writer::hold(&db, None);
    let before = log_bytes(&db);
    let started = Instant::now();
    let dry = sandbox.run(&["import", &file, "--dry-run"]);
    let took = started.elapsed();
    let after = log_bytes(&db);
    writer.release();
    let stdout = String::from_utf8_lossy(&dry.stdout).into_owned();
    eprintln!("dry run while the write lock is held: {took:.2?}");
    assert!(dry.status.success(), "the dry run must not wait for the write lock:\n{stdout}{}", {
        String::from_utf8_lossy(&dry.stderr)
    });
    assert!(stdout.contains("dry run: nothing was written"), "{stdout}");
    assert!(before == after, "the log and its WAL are byte for byte as they were");

    // What the dry run counted is what the import then writes.
    let real = sandbox.ok(&["import", &file]);
    let counted = |text: &str| text.lines().find(|l| l.contains("sessions")).map(|l| l.replace("would import", "imported"));
    assert_eq!(counted(&stdout), counted(&real), "dry run:\n{stdout}\nimport:\n{real}");
}

#[test]
fn a_dry_run_never_upgrades_an_older_log() {
    let sandbox = Sandbox::new();
    let db = sandbox.db();
    // A schema-5 log (before the records table) with one session and one set, made by hand as
    // hardset 5 left it: what its migrations make, up to the fifth.
    {
        let conn = rusqlite::Connection::open(&db).expect("creates");
        let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).expect("wal");
        for sql in migrations().iter().take(5) {
            conn.execute_batch(sql).expect("migrates");
        }
        conn.execute_batch(
            "INSERT INTO session (id, started_at, ended_at, day_name, day_index) VALUES (1, 1764000000, 1764003600, 'Day 1', 0);
             INSERT INTO workout_set (session_id, exercise, kind, load_hundredths, unit, reps, rir_halves, logged_at, note)
             VALUES (1, 'Lat pulldown', 'working', 6000, 'kg', 10, 2, 1764000100, '');",
        )
        .expect("a session and a set");
        conn.pragma_update(None, "user_version", 5).expect("version");
    }
    let files = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).expect("lists").flatten().map(|e| e.file_name().to_string_lossy().into()).collect();
        names.sort();
        names
    };
    let before = (std::fs::read(&db).expect("reads"), files(sandbox.dir.path()));
    let dry = sandbox.ok(&["import", &fixture("hevy_kg.csv"), "--dry-run"]);
    assert!(dry.contains("dry run: nothing was written"), "{dry}");
    let after = (std::fs::read(&db).expect("reads"), files(sandbox.dir.path()));
    assert!(before.0 == after.0, "the older log is byte for byte as it was");
    assert_eq!(before.1, after.1, "no backup or other file was made beside it");
    let conn = rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("opens");
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("reads");
    assert_eq!(version, 5, "still at schema 5");
}

/// The migration files, in order.
fn migrations() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).expect("lists").flatten().map(|e| e.path()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("reads")).collect()
}

//! A long write (a big import) holding the log's write lock must not make a save fail (issue 10,
//! item 17). Another connection takes the write lock with `BEGIN IMMEDIATE`, as an import does
//! for its whole transaction, and holds it past the five seconds a save used to wait; meanwhile
//! `hardset log` waits and then saves, the app queues its save and keeps running, and a dry run
//! neither waits for the lock nor writes the log. docs/reliability.md, item 17, records what
//! these measured.

mod common;
#[path = "common/tmux.rs"]
mod tmux;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use common::{driver_on, evening, key, screen, type_text};
use hardset::clock::FixedClock;
use hardset::store::Store;
use hardset::tui::popups::Popup;
use hardset::tui::screens::Pane;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tmux::{Tmux, child_of};

/// Longer than the five seconds a save used to wait for the write lock before it failed.
const HOLD: Duration = Duration::from_secs(7);

/// Another program writing the log: a connection holding the write lock in an open
/// transaction, as an import does from its first row to its commit.
struct Writer {
    release: mpsc::Sender<()>,
    thread: JoinHandle<(Instant, rusqlite::Connection)>,
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
                Some(longest) => {
                    let _ = released.recv_timeout(longest);
                }
                None => {
                    let _ = released.recv();
                }
            }
            conn.execute_batch("COMMIT").expect("the writer commits");
            (Instant::now(), conn)
        });
        held.recv().expect("the writer holds the lock");
        Writer { release, thread }
    }

    /// Lets go of the lock; returns when it did.
    fn release(self) -> Instant {
        self.release_keeping_connection().0
    }

    /// Lets go of the lock, the connection kept open (closing it can touch the log's files,
    /// which an app watching them would notice).
    fn release_keeping_connection(self) -> (Instant, rusqlite::Connection) {
        let _ = self.release.send(());
        self.thread.join().expect("the writer finishes")
    }

    /// Waits until the writer lets go by itself; returns when it did.
    fn finish(self) -> Instant {
        self.thread.join().expect("the writer finishes").0
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

/// The driver on `db`, with a first ramp-up set logged (its rest running) and the next set
/// typed into the form, not yet saved.
fn driver_with_a_set_typed(db: &Path) -> hardset::tui::driver::Driver<FixedClock> {
    let mut d = driver_on(Store::open(db).expect("opens"), FixedClock::at(evening()));
    d.key(key(KeyCode::Enter));
    type_text(&mut d, "30");
    d.key(key(KeyCode::Enter));
    d.key(key(KeyCode::Enter));
    assert_eq!(sets_in(db), 1, "the first set is saved");
    assert!(d.app.rest().is_some(), "its rest runs");
    d.key(key(KeyCode::Enter));
    assert_eq!(d.app.pane, Pane::Form);
    for _ in 0..6 {
        d.key(key(KeyCode::Backspace));
    }
    type_text(&mut d, "42.5");
    d.key(key(KeyCode::Enter));
    d
}

/// A driver whose save of a typed set is waiting: another connection holds the log's write lock
/// (as an import does) from before the save key. The temporary folder lives as long as it is kept.
fn a_save_waiting() -> (tempfile::TempDir, PathBuf, hardset::tui::driver::Driver<FixedClock>, Writer) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("hardset.db");
    let mut d = driver_with_a_set_typed(&db);
    let writer = Writer::hold(&db, None);
    d.key(key(KeyCode::Enter));
    (dir, db, d, writer)
}

fn message(d: &hardset::tui::driver::Driver<FixedClock>) -> String {
    d.app.message.as_ref().map(|(_, text)| text.clone()).unwrap_or_default()
}

/// The question open, as asked.
fn question(d: &hardset::tui::driver::Driver<FixedClock>) -> String {
    match &d.app.popup {
        Some(Popup::Confirm(question)) => question.text(),
        other => format!("no question open: {other:?}"),
    }
}

#[test]
fn the_app_keeps_a_set_saved_during_a_long_write_and_saves_it_once_the_log_is_free() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("hardset.db");
    let mut d = driver_with_a_set_typed(&db);
    let writer = Writer::hold(&db, None);

    // Enter on the reps saves the ramp-up set: the log is busy, so it waits.
    let pressed = Instant::now();
    d.key(key(KeyCode::Enter));
    let save_key = pressed.elapsed();
    let said = message(&d);
    assert!(said.contains("Waiting for the log") && said.contains("your set is kept"), "says it waits: {said}");
    assert!(!said.contains("Not saved"), "{said}");
    assert_eq!(sets_in(&db), 1, "not in the log yet");
    assert_eq!(d.app.today_screen.form.weight, "42.5", "the typed set stays in the form");
    assert!(screen(&d, 100, 30).contains("Waiting for the log"), "the status line says so");

    // The app goes on for longer than a save used to wait: ticks return while the lock is still
    // held, the rest timer runs out and rings, help opens and closes.
    let mut longest = Duration::ZERO;
    let mut ticks = 0;
    while pressed.elapsed() < HOLD {
        let tick = Instant::now();
        d.tick();
        longest = longest.max(tick.elapsed());
        ticks += 1;
        assert!(!message(&d).contains("Not saved"), "the save must not fail while it waits: {}", message(&d));
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(sets_in(&db), 1, "not in the log while the other writer holds it");
    d.clock.advance(chrono::Duration::seconds(120));
    d.tick();
    assert_eq!(d.bells, 1, "the rest timer rang while the save waited");
    assert!(screen(&d, 100, 30).contains("Waiting for the log"), "and the status line still says it waits");
    d.key(KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE));
    assert!(matches!(d.app.popup, Some(Popup::Help(_))), "keys still work");
    d.key(KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE));
    assert_eq!(d.app.popup, None);

    // Quitting asks first, and no keeps waiting.
    d.key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
    assert!(matches!(d.app.popup, Some(Popup::Confirm(_))), "quitting asks: {:?}", d.app.popup);
    let asked = question(&d);
    assert!(asked.contains("not saved yet"), "the question says the set is not saved yet: {asked}");
    d.key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE));
    assert!(!d.app.quit);
    assert_eq!(d.app.popup, None);

    writer.release();
    let tick = Instant::now();
    d.tick();
    longest = longest.max(tick.elapsed());
    eprintln!("save key while busy: {save_key:.2?}; {ticks} ticks in {HOLD:?}, the longest {longest:.2?}");
    let said = message(&d);
    assert!(said.starts_with("Saved Machine chest press ramp-up 42.5 kg"), "says Saved once committed: {said}");
    assert_eq!(sets_in(&db), 2, "the kept set is in the log");
    assert!(!d.app.today_screen.form.dirty, "the form is cleared once the set is saved");
    assert!(!screen(&d, 100, 30).contains("Waiting for the log"));
}

#[test]
fn quitting_while_a_save_waits_asks_and_a_save_that_goes_through_meanwhile_quits() {
    let (_dir, db, mut d, writer) = a_save_waiting();
    assert!(message(&d).contains("Waiting for the log"), "{}", message(&d));

    // Ctrl-C asks too, and the question stays while the log is busy.
    d.key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(question(&d).contains("not saved yet"), "Ctrl-C asks too: {}", question(&d));
    d.tick();
    assert!(!d.app.quit, "nothing is lost without the lifter's yes");

    // The set goes through while the question is open: nothing is lost by quitting now.
    writer.release();
    d.tick();
    assert_eq!(sets_in(&db), 2, "the set is saved");
    assert!(d.app.quit, "the quit asked for goes ahead once nothing would be lost");
}

#[test]
fn yes_to_quit_while_a_save_waits_quits_without_it() {
    let (_dir, db, mut d, writer) = a_save_waiting();
    d.key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
    let asked = question(&d);
    assert!(asked.contains("not saved yet"), "the question says the set is not saved yet: {asked}");
    d.key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE));
    assert!(d.app.quit, "yes quits at once");
    writer.release();
    d.tick();
    assert_eq!(sets_in(&db), 1, "the set the lifter chose to lose is not written after all");
}

#[test]
fn another_save_while_one_waits_is_refused_and_nothing_typed_is_lost() {
    let (_dir, db, mut d, writer) = a_save_waiting();
    assert!(message(&d).contains("Waiting for the log"), "{}", message(&d));
    let waiting = d.app.today_screen.form.reps.clone();

    // The lifter changes the reps and saves again while the first save waits: one write waits
    // at a time (so two sets never start two sessions), and this one is refused, kept in the form.
    for _ in 0..3 {
        d.key(key(KeyCode::Backspace));
    }
    type_text(&mut d, "3");
    d.key(key(KeyCode::Enter));
    let said = message(&d);
    assert!(said.contains("still waits for the log"), "{said}");
    assert!(screen(&d, 100, 30).contains("still waits for the log"), "the refusal shows over the waiting line");

    writer.release();
    d.tick();
    assert!(
        message(&d).starts_with(&format!("Saved Machine chest press ramp-up 42.5 kg x {waiting}")),
        "{}",
        message(&d)
    );
    assert_eq!(sets_in(&db), 2, "the set that waited is saved, once");
    assert!(
        d.app.today_screen.form.dirty && d.app.today_screen.form.reps == "3",
        "what was typed meanwhile is still in the form"
    );
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
    let counted =
        |text: &str| text.lines().find(|l| l.contains("sessions")).map(|l| l.replace("would import", "imported"));
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

// ---------------------------------------------------------------- the real app, in tmux

/// The real binary in a tmux window of its own (its own server, killed at the end), in a
/// session named "app".
struct Window {
    tmux: Tmux,
}

impl Window {
    /// Starts the app in an 80x24 window; when it exits, the pane says how and stays.
    fn start(name: &str) -> Window {
        let tmux = Tmux::new(&format!("busy-{name}"));
        tmux.start("app", "; echo hardset-exited-$?; sleep 60");
        Window { tmux }
    }

    fn db(&self) -> PathBuf {
        self.tmux.db()
    }

    fn keys(&self, keys: &[&str]) {
        self.tmux.keys("app", keys);
    }

    fn screen(&self) -> String {
        self.tmux.screen("app")
    }

    /// Waits until the screen shows `text`, pressing nothing, or fails with what it showed.
    fn wait_for(&self, text: &str) -> String {
        self.tmux.wait_for("app", text)
    }

    /// The app's process id: the child of the pane's shell.
    fn app_pid(&self) -> String {
        child_of(&self.tmux.pane_pid("app")).expect("the app runs under the pane's shell")
    }

    /// Types the first ramp-up set of a new log (30 kg x 8), skipping the check-in, and saves it
    /// while `writer` holds the log: the app says it waits.
    fn save_while(&self, db: &Path) -> Writer {
        self.wait_for("Day 1: push and pull");
        self.keys(&["Enter"]);
        self.wait_for("How are you today?");
        self.keys(&["Escape", "3", "0", "Enter"]);
        let writer = Writer::hold(db, None);
        self.keys(&["Enter"]);
        self.wait_for("Waiting for the log");
        writer
    }
}

#[test]
fn the_real_app_saves_a_waiting_set_by_itself_once_the_log_is_free() {
    let window = Window::start("wait");
    let db = window.db();
    let writer = window.save_while(&db);
    std::thread::sleep(Duration::from_secs(1));
    let screen = window.screen();
    assert!(screen.contains("Waiting for the log"), "still waiting, and saying so:\n{screen}");
    // No key is pressed from here, and the other writer's files are left as they are (no file
    // event to wake the app): the app tries again by itself.
    let (_, _kept_open) = writer.release_keeping_connection();
    window.wait_for("Saved Machine chest press ramp-up 30 kg x 8");
    assert_eq!(sets_in(&db), 1);
}

#[test]
fn a_signal_while_a_save_waits_makes_a_last_try_and_says_what_became_of_it() {
    let window = Window::start("term");
    let db = window.db();
    let writer = window.save_while(&db);
    let app = window.app_pid();
    assert!(Command::new("kill").args(["-TERM", &app]).status().expect("kill runs").success());
    // The other writer finishes during the last try.
    std::thread::sleep(Duration::from_millis(500));
    writer.release();
    let screen = window.wait_for("hardset-exited-");
    assert!(
        screen.contains("hardset: saved your set (Machine chest press ramp-up 30 kg x 8) before closing"),
        "{screen}"
    );
    assert!(screen.contains("hardset-exited-0"), "{screen}");
    assert_eq!(sets_in(&db), 1, "the set that waited is in the log");
}

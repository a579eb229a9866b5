//! The running session: which open session a new set goes into, and how open sessions that are
//! over get closed. A session that starts in the future (beyond a few minutes of clock skew) is
//! never the running one, and any number of open sessions left behind (by an import, a crash or
//! an older hardset) close without a crash. The logs are built with SQL, the way an older
//! hardset or another program may have left them.

mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use common::{driver_on, evening, example_plan, key, test_settings, type_text, working};
use hardset::clock::{Clock, FixedClock};
use hardset::model::session::{SessionSummary, SetEntry};
use hardset::store::Store;
use hardset::today;
use ratatui::crossterm::event::KeyCode;

/// A new, empty log file in `dir`.
fn new_log(dir: &Path) -> PathBuf {
    let path = dir.join("hardset.db");
    drop(Store::open(&path).expect("creates the log"));
    path
}

/// A session as a log may hold it: open when `end` is `None`, with a working set of Lat
/// pulldown at each of `sets`.
struct Stored<'a> {
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    day: &'a str,
    day_index: Option<i64>,
    checkin: bool,
    sets: &'a [DateTime<Utc>],
}

impl Stored<'_> {
    fn open(start: DateTime<Utc>, sets: &[DateTime<Utc>]) -> Stored<'_> {
        Stored { start, end: None, day: "Day 3: push and pull, lighter", day_index: Some(2), checkin: false, sets }
    }
}

/// Writes `session` with plain SQL; returns its id.
fn insert(conn: &rusqlite::Connection, session: &Stored<'_>) -> i64 {
    let score = session.checkin.then_some(3);
    conn.prepare_cached(
        "INSERT INTO session (started_at, ended_at, day_name, day_index, sleep, energy, joints, motivation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5, ?5)",
    )
    .expect("prepares")
    .execute(rusqlite::params![
        session.start.timestamp(),
        session.end.map(|e| e.timestamp()),
        session.day,
        session.day_index,
        score
    ])
    .expect("inserts a session");
    let id = conn.last_insert_rowid();
    let mut add = conn
        .prepare_cached(
            "INSERT INTO workout_set (session_id, exercise, kind, load_hundredths, unit, reps, rir_halves, logged_at)
             VALUES (?1, 'Lat pulldown', 'working', 6000, 'kg', 10, 2, ?2)",
        )
        .expect("prepares");
    for at in session.sets {
        add.execute(rusqlite::params![id, at.timestamp()]).expect("inserts a set");
    }
    id
}

/// Opens the log at `path` with SQL and writes `sessions` in one transaction.
fn write_sessions(path: &Path, sessions: &[Stored<'_>]) -> Vec<i64> {
    let mut conn = rusqlite::Connection::open(path).expect("opens");
    let tx = conn.transaction().expect("begins");
    let ids = sessions.iter().map(|s| insert(&tx, s)).collect();
    tx.commit().expect("commits");
    ids
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().expect("valid time")
}

/// The sessions History shows for the week holding `date`.
fn history_week(store: &Store, clock: &FixedClock, date: NaiveDate) -> Vec<SessionSummary> {
    hardset::history::week_sessions(store, clock, date).expect("reads the week").0
}

/// Logs `entries` as `hardset log` does; returns what it printed.
fn log(store: &mut Store, clock: &FixedClock, entries: &[SetEntry]) -> String {
    let mut out = Vec::new();
    hardset::cli::log_sets(store, &example_plan(), &test_settings(), clock, entries, &mut out).expect("logs");
    String::from_utf8(out).expect("utf-8")
}

/// Effective sets of the week holding `date`, as the Week screen counts them, and its sessions.
fn week(store: &Store, clock: &FixedClock, date: NaiveDate) -> (f64, usize) {
    let report =
        hardset::week::load_week(store, &example_plan(), &test_settings(), clock, date).expect("reads the week");
    let sets = report.muscles.iter().find(|m| m.muscle == "chest").map_or(0.0, |m| m.effective_sets);
    (sets, report.training_sessions)
}

#[test]
fn a_session_that_starts_tomorrow_never_takes_todays_sets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_log(dir.path());
    // Sunday 29 November, 18:00. Tomorrow's session (from a file, or a wrong clock) is open and
    // on day 3 of the plan; it is the only plan session in the log.
    let tomorrow = at(2026, 11, 30, 10, 0);
    let [future] = write_sessions(&path, &[Stored::open(tomorrow, &[tomorrow + Duration::minutes(5)])])[..] else {
        unreachable!()
    };
    let clock = FixedClock::at(evening());
    let mut store = Store::open(&path).expect("opens");

    let day = today::load(&mut store, &example_plan(), &test_settings(), &clock, None).expect("loads today");
    assert_eq!(day.session.as_ref().map(|s| s.id), None, "tomorrow's session is not running today");
    assert_eq!(day.day_index, Some(0), "today's plan day does not follow a session that has not happened");

    let printed = log(&mut store, &clock, &[working("Machine chest press", 60.0, 10, 1)]);
    assert!(printed.contains("logged Machine chest press working: 60 kg x 10 @ 1"), "{printed}");
    let this_week = history_week(&store, &clock, evening().date_naive());
    assert_eq!(this_week.len(), 1, "today's set is in a session of today: {this_week:?}");
    assert_eq!(this_week[0].session.started_at, evening());
    assert_eq!(this_week[0].working_sets, 1);
    assert_eq!(week(&store, &clock, evening().date_naive()), (1.0, 1), "the Week screen counts it");

    // Tomorrow's session stays, with its set, on its own date; it is over, closed at its last set.
    let kept = store.session(future).expect("tomorrow's session is still in the log");
    assert_eq!(store.session_sets(future).expect("reads").len(), 1);
    assert_eq!(kept.ended_at, Some(tomorrow + Duration::minutes(5)));
    let next_week = history_week(&store, &clock, tomorrow.date_naive());
    assert_eq!(next_week.iter().map(|s| s.session.id).collect::<Vec<_>>(), [future]);

    // A second set from the shell joins today's session, not tomorrow's.
    log(&mut store, &clock, &[working("Machine chest press", 60.0, 9, 0)]);
    assert_eq!(history_week(&store, &clock, evening().date_naive())[0].working_sets, 2);
    assert_eq!(store.session_sets(future).expect("reads").len(), 1);
}

#[test]
fn a_session_in_the_year_9999_with_no_end_hides_no_new_set() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_log(dir.path());
    let far = at(9999, 12, 31, 9, 0);
    let last_week = evening() - Duration::days(7);
    let ids = write_sessions(
        &path,
        &[
            Stored {
                end: Some(last_week + Duration::hours(1)),
                day_index: None,
                ..Stored::open(last_week, &[last_week])
            },
            Stored::open(far, &[far + Duration::minutes(3)]),
        ],
    );
    let clock = FixedClock::at(evening());

    // The app: the first ramp-up set, typed as a lifter would.
    let mut d = driver_on(Store::open(&path).expect("opens"), clock.clone());
    assert_eq!(d.app.today.as_ref().and_then(|t| t.session.as_ref()).map(|s| s.id), None);
    d.key(key(KeyCode::Enter));
    type_text(&mut d, "30");
    d.key(key(KeyCode::Enter));
    d.key(key(KeyCode::Enter));
    let running = d.app.today.as_ref().and_then(|t| t.session.clone()).expect("a session runs today");
    assert_eq!(running.started_at, evening(), "the set started a session of today");
    assert_eq!(d.store.session_sets(running.id).expect("reads").len(), 1);

    // The shell: a working set joins the same session.
    let mut store = d.store;
    log(&mut store, &clock, &[working("Machine chest press", 60.0, 10, 1)]);
    let this_week = history_week(&store, &clock, evening().date_naive());
    assert_eq!(this_week.len(), 1, "{this_week:?}");
    assert_eq!((this_week[0].session.id, this_week[0].working_sets, this_week[0].ramp_up_sets), (running.id, 1, 1));
    assert_eq!(week(&store, &clock, evening().date_naive()), (1.0, 1), "the Week screen counts the set");

    // The year-9999 session is still there, with its one set, shown in its own week.
    assert_eq!(store.session_sets(ids[1]).expect("reads").len(), 1);
    assert_eq!(store.session(ids[1]).expect("kept").ended_at, Some(far + Duration::minutes(3)));
    let far_week = history_week(&store, &clock, far.date_naive());
    assert_eq!(far_week.iter().map(|s| s.session.id).collect::<Vec<_>>(), [ids[1]]);
    assert_eq!(store.all_sessions().expect("reads").len(), 3);
}

#[test]
fn a_session_a_minute_ahead_is_still_the_running_one() {
    // Clocks differ by a little: a session that starts within the margin is today's.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_log(dir.path());
    let margin = Duration::minutes(today::CLOCK_SKEW_MINUTES);
    let ahead = evening() + margin - Duration::seconds(1);
    let beyond = evening() + margin + Duration::seconds(1);
    let ids = write_sessions(&path, &[Stored::open(ahead, &[ahead])]);
    let clock = FixedClock::at(evening());
    let mut store = Store::open(&path).expect("opens");
    log(&mut store, &clock, &[working("Machine chest press", 60.0, 10, 1)]);
    assert_eq!(store.session_sets(ids[0]).expect("reads").len(), 2, "the set joined the running session");

    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_log(dir.path());
    let ids = write_sessions(&path, &[Stored::open(beyond, &[beyond])]);
    let mut store = Store::open(&path).expect("opens");
    log(&mut store, &clock, &[working("Machine chest press", 60.0, 10, 1)]);
    assert_eq!(store.session_sets(ids[0]).expect("reads").len(), 1, "a session past the margin takes no set");
}

#[test]
fn a_session_whose_last_set_is_in_the_future_is_over() {
    // Started yesterday, a set stamped next year (a wrong clock): never running again.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_log(dir.path());
    let yesterday = evening() - Duration::days(1);
    let next_year = evening() + Duration::days(365);
    let ids = write_sessions(&path, &[Stored::open(yesterday, &[yesterday, next_year])]);
    let clock = FixedClock::at(evening());
    let mut store = Store::open(&path).expect("opens");
    log(&mut store, &clock, &[working("Machine chest press", 60.0, 10, 1)]);
    assert_eq!(store.session_sets(ids[0]).expect("reads").len(), 2, "no set joined it");
    assert_eq!(store.session(ids[0]).expect("kept").ended_at, Some(next_year), "closed at its last set");
    assert_eq!(history_week(&store, &clock, evening().date_naive())[0].session.started_at, evening());
}

#[test]
fn stale_sessions_of_every_kind_close_in_one_pass() {
    // Several open sessions, as a crash now and then over the years leaves them: with sets,
    // with only a check-in, with nothing. Each is closed the way a forgotten session always was.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_log(dir.path());
    let day = |n: i64| evening() - Duration::days(n);
    let (s10, s9, s6) = ([day(10), day(10) + Duration::minutes(20)], [day(9)], [day(6), day(6) + Duration::minutes(7)]);
    let sessions = [
        Stored::open(day(10), &s10),
        Stored { checkin: true, ..Stored::open(day(9) - Duration::hours(1), &[]) },
        Stored::open(day(9), &s9),
        Stored::open(day(8), &[]),
        Stored { checkin: true, ..Stored::open(day(7), &[]) },
        Stored::open(day(6), &s6),
        Stored::open(day(5), &[]),
    ];
    let ids = write_sessions(&path, &sessions);
    let clock = FixedClock::at(evening());
    let mut store = Store::open(&path).expect("opens");
    let today = today::load(&mut store, &example_plan(), &test_settings(), &clock, None).expect("loads today");
    assert_eq!(today.session.as_ref().map(|s| s.id), None, "none of them is running");
    // With sets: ended at the last set.
    for (i, last) in [(0, s10[1]), (2, s9[0]), (5, s6[1])] {
        assert_eq!(store.session(ids[i]).expect("kept").ended_at, Some(last), "session {i}");
    }
    // Only a check-in: kept, ended at its start, off the plan.
    for i in [1, 4] {
        let kept = store.session(ids[i]).expect("kept");
        assert_eq!((kept.ended_at, kept.day_index), (Some(kept.started_at), None), "session {i}");
        assert!(kept.readiness.is_some());
    }
    // Nothing in it: dropped.
    for i in [3, 6] {
        assert!(store.session(ids[i]).is_err(), "session {i} was dropped");
    }
    assert_eq!(store.all_sessions().expect("reads").len(), 5);
}

/// How many open sessions the large test writes: what a native CSV of that many sessions
/// without `session_end` left after import.
const MANY: i64 = 100_000;

/// Writes `MANY` open sessions, one set each, an hour apart, the newest two days before `now`.
fn many_open_sessions(path: &Path, now: DateTime<Utc>) {
    let mut conn = rusqlite::Connection::open(path).expect("opens");
    let tx = conn.transaction().expect("begins");
    for i in 0..MANY {
        let start = now - Duration::days(2) - Duration::hours(i);
        insert(&tx, &Stored::open(start, &[start + Duration::minutes(10)]));
    }
    tx.commit().expect("commits");
}

fn open_sessions(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).expect("opens");
    conn.query_row("SELECT count(*) FROM session WHERE ended_at IS NULL", [], |r| r.get(0)).expect("counts")
}

#[test]
fn a_hundred_thousand_open_sessions_close_and_every_command_works() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_log(dir.path());
    let now = Utc.timestamp_opt(Utc::now().timestamp(), 0).single().expect("now");
    let started = Instant::now();
    many_open_sessions(&path, now);
    println!("wrote {MANY} open sessions in {:.2} s", started.elapsed().as_secs_f64());
    let copy = dir.path().join("copy.db");
    std::fs::copy(&path, &copy).expect("copies");

    // In process: today, then `log`.
    let clock = FixedClock::at(now);
    let mut store = Store::open(&path).expect("opens");
    let started = Instant::now();
    let today = today::load(&mut store, &example_plan(), &test_settings(), &clock, None).expect("loads today");
    let took = started.elapsed();
    println!("today::load closed {MANY} stale sessions in {:.2} s", took.as_secs_f64());
    assert!(today.session.is_none(), "every one of them is stale");
    assert_eq!(open_sessions(&path), 0);
    assert_eq!(store.all_sessions().expect("reads").len() as i64, MANY);
    assert_eq!(store.set_count().expect("counts"), MANY, "no set lost");
    let newest = store.all_sessions().expect("reads").into_iter().max_by_key(|s| s.started_at).expect("one");
    assert_eq!(newest.ended_at, Some(newest.started_at + Duration::minutes(10)), "closed at its set");
    let printed = log(&mut store, &clock, &[working("Machine chest press", 60.0, 10, 1)]);
    assert!(printed.starts_with("logged Machine chest press"), "{printed}");
    assert_eq!(history_week(&store, &clock, clock.local_date(now))[0].working_sets, 1);
    drop(store);

    // The real binary, on the untouched copy.
    let started = Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hardset"))
        .arg("--db")
        .arg(&copy)
        .arg("--config")
        .arg(dir.path())
        .args(["log", "Machine chest press", "60x10@1"])
        .output()
        .expect("runs");
    println!("hardset log (debug build) on {MANY} open sessions: {:.2} s", started.elapsed().as_secs_f64());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("logged Machine chest press"));
    assert_eq!(open_sessions(&copy), 1, "only today's session is open");
}

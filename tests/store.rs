//! The store: what it keeps, what it refuses, and how it treats the file. Newer and older schemas
//! are proven in tests/reliability.rs.

mod common;

use chrono::Duration;
use common::evening;
use hardset::model::session::{ExerciseChange, SessionFor};
use hardset::model::session::{SetEntry, SetKind};
use hardset::model::units::{Load, Rir, Unit, Weight};
use hardset::store::{SCHEMA_VERSION, Store};

fn entry(load: f64, unit: Unit, reps: u16, rir: Option<u8>) -> SetEntry {
    SetEntry {
        exercise: "Lat pulldown".into(),
        kind: SetKind::Working,
        weight: Weight::new(Load::from_f64(load).expect("valid"), unit),
        reps,
        rir: rir.and_then(Rir::from_halves),
        form_broke: false,
        note: String::new(),
        ..Default::default()
    }
}

fn new_session() -> SessionFor {
    SessionFor::New { day_name: "Day 1".into(), day_index: Some(0) }
}

#[test]
fn a_logged_set_keeps_its_unit_and_exact_values() {
    let mut store = Store::in_memory().expect("store");
    let mut set = entry(150.0, Unit::Lb, 5, Some(1));
    set.form_broke = true;
    set.note = "grip went, \"ugly\"".into();
    let logged = store.log_set(&new_session(), &set, evening(), 120).expect("logs");
    let back = store.session_sets(logged.session_id).expect("reads");
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].entry, set);
    assert_eq!(back[0].entry.weight.to_string(), "150 lb");
    assert_eq!(back[0].entry.rir.map(|r| r.to_string()), Some("0.5".into()));
    let session = store.session(logged.session_id).expect("session");
    assert_eq!(session.rest_until, Some(evening() + Duration::seconds(120)));
}

#[test]
fn the_file_is_private_and_in_wal_mode() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nested/dir/hardset.db");
    let store = Store::open(&path).expect("opens, creating the directory");
    drop(store);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("exists").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "readable by its owner only");
    }
    let conn = rusqlite::Connection::open(&path).expect("opens");
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).expect("pragma");
    assert_eq!(mode, "wal");
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("pragma");
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn reopening_keeps_everything_and_migrates_nothing_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hardset.db");
    let mut store = Store::open(&path).expect("opens");
    store.log_set(&new_session(), &entry(60.0, Unit::Kg, 10, Some(2)), evening(), 90).expect("logs");
    drop(store);
    let store = Store::open(&path).expect("reopens");
    assert_eq!(store.set_count().expect("count"), 1);
    assert!(store.integrity_ok().expect("checks"));
}

#[test]
fn the_schema_refuses_impossible_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hardset.db");
    let mut store = Store::open(&path).expect("opens");
    let logged = store.log_set(&new_session(), &entry(60.0, Unit::Kg, 10, Some(2)), evening(), 90).expect("logs");
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("opens");
    let bad = [
        "UPDATE workout_set SET reps = -1",
        "UPDATE workout_set SET rir_halves = 21",
        "UPDATE workout_set SET unit = 'stone'",
        "UPDATE workout_set SET kind = 'drop'",
        "UPDATE workout_set SET load_hundredths = 'heavy'",
        "UPDATE workout_set SET form_broke = 2",
    ];
    for sql in bad {
        assert!(conn.execute(sql, []).is_err(), "{sql} must be refused");
    }
    let reps: i64 =
        conn.query_row("SELECT reps FROM workout_set WHERE id = ?1", [logged.id], |r| r.get(0)).expect("reads");
    assert_eq!(reps, 10);
}

#[test]
fn last_time_reads_the_previous_session_only() {
    let mut store = Store::in_memory().expect("store");
    let first = store
        .log_set(&new_session(), &entry(60.0, Unit::Kg, 10, Some(1)), evening() - Duration::days(7), 90)
        .expect("logs");
    store
        .log_set(
            &SessionFor::Existing(first.session_id),
            &entry(60.0, Unit::Kg, 8, Some(0)),
            evening() - Duration::days(7),
            90,
        )
        .expect("logs");
    let mut ramp = entry(30.0, Unit::Kg, 8, None);
    ramp.kind = SetKind::RampUp;
    store.log_set(&SessionFor::Existing(first.session_id), &ramp, evening() - Duration::days(7), 60).expect("logs");
    let second = store.log_set(&new_session(), &entry(62.5, Unit::Kg, 7, Some(1)), evening(), 90).expect("logs");
    let last = store.last_time("Lat pulldown", Some(second.session_id), &[]).expect("reads");
    let summaries: Vec<String> = last.iter().map(|s| s.entry.summary()).collect();
    assert_eq!(summaries, ["60 kg x 10 @ 0.5", "60 kg x 8 @ 0"], "working sets only, in order");
    // Sets inside a skipped range (a deload week) are not "last time".
    let deload = [(evening() - Duration::days(1), evening() + Duration::days(1))];
    let last = store.last_time("Lat pulldown", None, &deload).expect("reads");
    assert_eq!(last.first().map(|s| s.session_id), Some(first.session_id));
}

#[test]
fn a_stale_session_is_closed_at_its_last_set_and_an_empty_one_dropped() {
    let mut store = Store::in_memory().expect("store");
    let set = store
        .log_set(&new_session(), &entry(60.0, Unit::Kg, 10, Some(1)), evening() - Duration::hours(20), 90)
        .expect("logs");
    let stale_if_older_than =
        |cutoff: chrono::DateTime<chrono::Utc>| move |last: chrono::DateTime<chrono::Utc>| last < cutoff;
    assert!(
        store
            .open_session(evening() + Duration::days(1), stale_if_older_than(evening() - Duration::hours(12)))
            .expect("reads")
            .is_none()
    );
    let session = store.session(set.session_id).expect("reads");
    assert_eq!(session.ended_at, Some(evening() - Duration::hours(20)), "closed at its last set");
    // A session holding only a skipped exercise was never trained: it goes.
    let empty = store.start_session("Day 1", Some(0), evening() - Duration::hours(20)).expect("starts");
    store.set_exercise_change(empty.id, "Lat pulldown", Some(ExerciseChange::Skipped)).expect("skips");
    assert!(
        store
            .open_session(evening() + Duration::days(1), stale_if_older_than(evening() - Duration::hours(12)))
            .expect("reads")
            .is_none()
    );
    assert!(store.session(empty.id).is_err(), "the empty session was dropped");
    // A session still in use stays open.
    let late = store
        .log_set(&new_session(), &entry(60.0, Unit::Kg, 10, Some(1)), evening() + Duration::hours(5), 90)
        .expect("logs");
    let open = store.open_session(evening() + Duration::days(1), stale_if_older_than(evening())).expect("reads");
    assert_eq!(open.map(|s| s.id), Some(late.session_id));
}

#[test]
fn a_finished_session_takes_no_set_unless_reopened() {
    let mut store = Store::in_memory().expect("store");
    let first = store.log_set(&new_session(), &entry(60.0, Unit::Kg, 10, Some(1)), evening(), 90).expect("logs");
    store.end_session(first.session_id, evening()).expect("ends");
    let refused =
        store.log_set(&SessionFor::Existing(first.session_id), &entry(60.0, Unit::Kg, 9, Some(1)), evening(), 90);
    assert!(refused.is_err(), "a session finished elsewhere is not written to");
    assert_eq!(store.set_count().expect("count"), 1);
    let again = store
        .log_set(&SessionFor::Reopen(first.session_id), &entry(60.0, Unit::Kg, 9, Some(1)), evening(), 90)
        .expect("logs");
    assert_eq!(again.session_id, first.session_id);
    assert_eq!(store.session(first.session_id).expect("reads").ended_at, None, "reopened");
}

#[test]
fn a_killed_writer_loses_no_committed_set() {
    // Each set is its own committed transaction: a process that dies after `log_set` returned
    // (simulated by dropping the store without closing anything else) leaves every set behind.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hardset.db");
    let mut store = Store::open(&path).expect("opens");
    let mut session = new_session();
    for reps in 1..=20 {
        let logged = store.log_set(&session, &entry(50.0, Unit::Kg, reps, Some(2)), evening(), 90).expect("logs");
        session = SessionFor::Existing(logged.session_id);
    }
    std::mem::forget(store);
    let reopened = Store::open(&path).expect("reopens while the old handle is still alive");
    assert_eq!(reopened.set_count().expect("count"), 20);
    assert!(reopened.integrity_ok().expect("checks"));
}

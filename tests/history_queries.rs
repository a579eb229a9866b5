//! History's queries: ISO week boundaries, sessions that cross midnight, records and deload
//! weeks, and week-against-week pairing when the number of sets differs.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::*;
use hardset::clock::FixedClock;
use hardset::model::session::{DeloadStyle, SessionFor};
use hardset::store::Store;
use hardset::training::e1rm::Formula;

fn new_session() -> SessionFor {
    SessionFor::New { day_name: "Day 1: push and pull".into(), day_index: Some(0) }
}

/// Sunday 22 November 2026, 23:30 UTC: the last half hour of ISO week 47.
fn sunday_late() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 23, 30, 0).single().expect("valid time")
}

#[test]
fn a_session_that_crosses_midnight_counts_on_the_day_it_started() {
    let mut store = Store::in_memory().expect("store");
    let first = store.log_set(&new_session(), &working("Lat pulldown", 60.0, 10, 1), sunday_late(), 120).expect("logs");
    // The second set lands at 00:20 on Monday, in the same session.
    let second = store
        .log_set(
            &SessionFor::Existing(first.session_id),
            &working("Lat pulldown", 60.0, 9, 1),
            sunday_late() + Duration::minutes(50),
            120,
        )
        .expect("logs");
    assert_eq!(second.session_id, first.session_id);
    let plan = example_plan();
    let clock = FixedClock::at(evening());
    let settings = test_settings();
    let week47 = hardset::week::load_week(&store, &plan, &settings, &clock, sunday_late().date_naive()).expect("reads");
    let week48 = hardset::week::load_week(&store, &plan, &settings, &clock, evening().date_naive()).expect("reads");
    let lats = |report: &hardset::week::WeekReport| {
        report.muscles.iter().find(|m| m.muscle == "lats").map_or(0.0, |m| m.effective_sets)
    };
    assert_eq!(week47.week, "2026-W47");
    assert!((lats(&week47) - 2.0).abs() < 1e-9, "both sets count on Sunday's week");
    assert!(lats(&week48).abs() < 1e-9, "none on Monday's");
    // The exercise's trend puts both in week 47, too.
    let detail =
        hardset::history::exercise_detail(&store, Formula::Epley, 6, &clock, "Lat pulldown", None).expect("reads");
    assert_eq!(detail.weeks.len(), 1);
    assert_eq!(detail.weeks[0].monday.to_string(), "2026-11-16");
    assert_eq!(detail.weeks[0].working_sets, 2);
}

#[test]
fn weeks_run_monday_to_sunday_in_history() {
    let mut store = Store::in_memory().expect("store");
    store.log_set(&new_session(), &working("Lat pulldown", 60.0, 10, 1), sunday_late(), 120).expect("logs");
    let monday = sunday_late() + Duration::hours(1);
    let s = store.log_set(&new_session(), &working("Lat pulldown", 60.0, 11, 1), monday, 120).expect("logs");
    let mut d = driver_on(store, FixedClock::at(evening()));
    press(&mut d, &[ch('2')]);
    assert_eq!(
        d.app.history.sessions.iter().map(|x| x.session.id).collect::<Vec<_>>(),
        [s.session_id],
        "this week: Monday's only"
    );
    press(&mut d, &[ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Left)]);
    assert_eq!(d.app.history.sessions.len(), 1, "last week: Sunday's");
    assert_ne!(d.app.history.sessions[0].session.id, s.session_id);
}

#[test]
fn deload_weeks_are_marked_in_the_trend_and_set_no_records() {
    let mut store = Store::in_memory().expect("store");
    for (weeks_ago, load) in [(3, 60.0), (2, 70.0), (1, 65.0)] {
        let at = evening() - Duration::weeks(weeks_ago);
        store.log_set(&new_session(), &working("Lat pulldown", load, 10, 1), at, 120).expect("logs");
    }
    let deload = hardset::training::compare::week_bounds((evening() - Duration::weeks(2)).date_naive()).0;
    store.start_deload(deload, DeloadStyle::Load, evening()).expect("marks");
    let clock = FixedClock::at(evening());
    let detail =
        hardset::history::exercise_detail(&store, Formula::Epley, 6, &clock, "Lat pulldown", None).expect("reads");
    assert_eq!(detail.weeks.iter().map(|w| w.deload).collect::<Vec<_>>(), [false, true, false]);
    let (best, holder) = detail.records.best_e1rm.clone().expect("a record");
    assert_eq!(holder.entry.weight.load.to_string(), "65", "the 70 kg deload-week set is no record");
    assert!((best - 65.0 * (1.0 + 11.0 / 30.0)).abs() < 1e-9);
}

#[test]
fn weeks_pair_set_by_set_even_when_the_counts_differ() {
    let mut store = Store::in_memory().expect("store");
    let last = store
        .log_set(&new_session(), &working("Lat pulldown", 60.0, 10, 1), evening() - Duration::days(8), 120)
        .expect("logs");
    store
        .log_set(
            &SessionFor::Existing(last.session_id),
            &working("Lat pulldown", 60.0, 8, 1),
            evening() - Duration::days(8),
            120,
        )
        .expect("logs");
    let now = store.log_set(&new_session(), &working("Lat pulldown", 62.5, 9, 1), evening(), 120).expect("logs");
    for reps in [8, 7] {
        store
            .log_set(&SessionFor::Existing(now.session_id), &working("Lat pulldown", 62.5, reps, 1), evening(), 120)
            .expect("logs");
    }
    let clock = FixedClock::at(evening());
    let (_, exercises) =
        hardset::history::compare_weeks(&store, &clock, Formula::Epley, now.session_id).expect("reads");
    assert_eq!(exercises.len(), 1);
    let e = &exercises[0];
    assert_eq!((e.last_week.len(), e.this_week.len()), (2, 3), "the third set has nothing to pair with");
    // 62.5 x 9 @ 1 beats every set before it: a record, starred where it happened.
    assert_eq!(e.records, [now.id]);
    let (before, after) = e.best_e1rm;
    assert!(after.expect("this week") > before.expect("last week"));
}

/// What `exercise_bests_before` must return, computed from every set: for working sets of the
/// exercise and unit with form intact, outside deload weeks, in sessions before `before` (a
/// session started the day before may log past it), the heaviest load at each number of reps to
/// failure and the most reps at each load.
fn bests_by_hand(
    store: &Store,
    exercise: &str,
    unit: hardset::model::units::Unit,
    before: chrono::DateTime<Utc>,
) -> (std::collections::BTreeMap<u32, i64>, std::collections::BTreeMap<i64, u16>) {
    let deloads: Vec<chrono::DateTime<Utc>> = store
        .deload_weeks()
        .expect("weeks")
        .into_iter()
        .map(|d| d.monday.and_hms_opt(0, 0, 0).expect("midnight").and_utc())
        .collect();
    let mut frontier = std::collections::BTreeMap::new();
    let mut most = std::collections::BTreeMap::new();
    store
        .for_each_set(|s| {
            let e = &s.entry;
            let in_deload =
                deloads.iter().any(|m| s.session_started_at >= *m && s.session_started_at < *m + Duration::days(7));
            let before_cut = s.logged_at < before + Duration::days(1)
                && (s.logged_at < before
                    || (s.session_started_at >= before - Duration::days(1) && s.session_started_at < before));
            if e.exercise == exercise
                && e.weight.unit == unit
                && e.kind == hardset::model::session::SetKind::Working
                && !e.form_broke
                && !in_deload
                && before_cut
            {
                let rtf = u32::from(e.reps) * 2 + u32::from(e.rir.map_or(0, hardset::model::units::Rir::halves));
                let load = e.weight.load.hundredths();
                frontier.entry(rtf).and_modify(|l: &mut i64| *l = (*l).max(load)).or_insert(load);
                most.entry(load).and_modify(|r: &mut u16| *r = (*r).max(e.reps)).or_insert(e.reps);
            }
            Ok(())
        })
        .expect("reads");
    (frontier, most)
}

/// The record flags as stored, by set id.
fn stored_flags(path: &std::path::Path) -> Vec<(i64, bool, bool)> {
    let conn = rusqlite::Connection::open(path).expect("opens");
    let mut stmt = conn.prepare("SELECT id, load_record, reps_record FROM workout_set ORDER BY id").expect("query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).expect("rows").map(|r| r.expect("row")).collect()
}

/// The record flags every set should carry, computed in Rust from all sets in logging order:
/// a working set with form intact outside deload weeks is a load record when heavier than every
/// earlier one with its exercise, unit and reps to failure, a reps record when it has more reps
/// than every earlier one at its exercise, unit and load.
fn flags_by_hand(path: &std::path::Path) -> Vec<(i64, bool, bool)> {
    let conn = rusqlite::Connection::open(path).expect("opens");
    let mut stmt = conn
        .prepare(
            "SELECT w.id, w.exercise, w.unit, w.reps, coalesce(w.rir_halves, 0), w.load_hundredths,
                    w.kind = 'working' AND w.form_broke = 0 AND NOT EXISTS (SELECT 1 FROM deload_week d
                        WHERE s.started_at >= unixepoch(d.monday) AND s.started_at < unixepoch(d.monday, '+7 days'))
             FROM workout_set w JOIN session s ON s.id = w.session_id ORDER BY w.logged_at, w.id",
        )
        .expect("query");
    let rows: Vec<(i64, String, String, i64, i64, i64, bool)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect();
    let mut heaviest: std::collections::HashMap<(String, String, i64), i64> = std::collections::HashMap::new();
    let mut most: std::collections::HashMap<(String, String, i64), i64> = std::collections::HashMap::new();
    let mut flags = Vec::new();
    for (id, exercise, unit, reps, rir, load, eligible) in rows {
        if !eligible {
            flags.push((id, false, false));
            continue;
        }
        let h = heaviest.entry((exercise.clone(), unit.clone(), reps * 2 + rir)).or_insert(-1);
        let load_record = load > *h;
        *h = (*h).max(load);
        let m = most.entry((exercise, unit, load)).or_insert(-1);
        let reps_record = reps > *m;
        *m = (*m).max(reps);
        flags.push((id, load_record, reps_record));
    }
    flags.sort_unstable();
    flags
}

/// A small deterministic generator, so a failure can be replayed.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

#[test]
fn kept_records_answer_exactly_as_reading_every_set_through_edits_deletes_deloads_and_imports() {
    use hardset::model::session::{SetEntry, SetKind};
    use hardset::model::units::{Load, Rir, Unit, Weight};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("log.db");
    let mut store = Store::open(&path).expect("store");
    let mut dice = Dice(7);
    let exercises = ["Lat pulldown", "Barbell back squat"];
    let start = Utc.with_ymd_and_hms(2026, 1, 5, 18, 0, 0).single().expect("valid");
    let mut ids = Vec::new();
    let entry = |dice: &mut Dice| SetEntry {
        exercise: exercises[dice.below(2) as usize].into(),
        kind: if dice.below(5) == 0 { SetKind::RampUp } else { SetKind::Working },
        weight: Weight::new(
            Load::from_hundredths(2_000 + 250 * dice.below(30) as i64),
            if dice.below(8) == 0 { Unit::Lb } else { Unit::Kg },
        ),
        reps: 3 + dice.below(10) as u16,
        rir: if dice.below(4) == 0 { None } else { Rir::from_halves(dice.below(7) as u8) },
        form_broke: dice.below(10) == 0,
        note: String::new(),
        ..Default::default()
    };
    let check = |store: &Store, label: &str| {
        assert_eq!(stored_flags(&path), flags_by_hand(&path), "{label}: the flags are exactly the records when lifted");
        for days in (0..200).step_by(17) {
            let before = start + Duration::days(days) + Duration::hours(6);
            for exercise in exercises {
                for unit in [Unit::Kg, Unit::Lb] {
                    let (frontier, most) = store.exercise_bests_before(exercise, unit, before).expect("reads");
                    let frontier: std::collections::BTreeMap<u32, i64> = frontier
                        .iter()
                        .map(|e| {
                            (
                                u32::from(e.reps) * 2 + u32::from(e.rir.map_or(0, Rir::halves)),
                                e.weight.load.hundredths(),
                            )
                        })
                        .collect();
                    let most: std::collections::BTreeMap<i64, u16> =
                        most.iter().map(|(l, r)| (l.hundredths(), *r)).collect();
                    assert_eq!(
                        (frontier, most),
                        bests_by_hand(store, exercise, unit, before),
                        "{label}: {exercise} {unit} before {before}"
                    );
                }
            }
        }
    };
    // Six months of sessions, a few sets each; some sessions cross midnight.
    for day in 0..180 {
        let at = start + Duration::days(day) + Duration::minutes(dice.below(400) as i64);
        let first = store.log_set(&new_session(), &entry(&mut dice), at, 90).expect("logs");
        ids.push(first.id);
        for k in 1..=dice.below(4) as i64 {
            let set = store
                .log_set(&SessionFor::Existing(first.session_id), &entry(&mut dice), at + Duration::minutes(5 * k), 90)
                .expect("logs");
            ids.push(set.id);
        }
    }
    check(&store, "as logged");
    for _ in 0..40 {
        let id = ids[dice.below(ids.len() as u64) as usize];
        if dice.below(2) == 0 {
            let _ = store.update_set(id, &entry(&mut dice));
        } else {
            let _ = store.delete_set(id);
        }
    }
    check(&store, "after edits and deletes");
    let monday = hardset::training::compare::week_bounds((start + Duration::days(70)).date_naive()).0;
    store.start_deload(monday, DeloadStyle::Volume, start).expect("deload");
    check(&store, "with a deload week");
    store.cancel_deload(monday).expect("ended");
    check(&store, "the deload week ended");
    // A set logged in the past (an older time than the newest set) and an import in the middle.
    let past = start + Duration::days(90) + Duration::hours(2);
    store.log_set(&new_session(), &entry(&mut dice), past, 90).expect("logs");
    let sets: Vec<(SetEntry, chrono::DateTime<Utc>)> =
        (0..20).map(|k| (entry(&mut dice), start + Duration::days(45) + Duration::minutes(k))).collect();
    let batch = hardset::store::ImportBatch {
        sessions: vec![hardset::model::session::SessionRecord {
            started_at: start + Duration::days(45),
            ended_at: Some(start + Duration::days(45) + Duration::hours(1)),
            day_name: "Imported".into(),
            day_index: None,
            sets,
            readiness: None,
            note: String::new(),
        }],
        ..hardset::store::ImportBatch::default()
    };
    store.import(&batch, true, &mut |_| {}).expect("imports");
    check(&store, "after a set in the past and an import");
}

#[test]
fn a_log_from_before_kept_records_gets_them_when_it_migrates() {
    use hardset::model::units::Unit;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.db");
    {
        // The schema as migrations 1-5 left it, and sets written then.
        let conn = rusqlite::Connection::open(&path).expect("opens");
        for sql in [
            include_str!("../src/store/migrations/001_initial.sql"),
            include_str!("../src/store/migrations/002_sets_by_time.sql"),
            include_str!("../src/store/migrations/003_recovery.sql"),
            include_str!("../src/store/migrations/004_record_lookups.sql"),
            include_str!("../src/store/migrations/005_custom_exercises.sql"),
        ] {
            conn.execute_batch(sql).expect("migrates");
        }
        conn.pragma_update(None, "user_version", 5).expect("version");
        let start = Utc.with_ymd_and_hms(2026, 3, 2, 18, 0, 0).single().expect("valid").timestamp();
        let mut dice = Dice(11);
        for day in 0..60 {
            let at = start + day * 86_400;
            conn.execute("INSERT INTO session (started_at, ended_at, day_name) VALUES (?1, ?1 + 3600, 'A')", [at])
                .expect("session");
            let session = conn.last_insert_rowid();
            for k in 0..3 {
                conn.execute(
                    "INSERT INTO workout_set (session_id, exercise, kind, load_hundredths, unit, reps, rir_halves, logged_at)
                     VALUES (?1, 'Lat pulldown', 'working', ?2, 'kg', ?3, ?4, ?5)",
                    rusqlite::params![
                        session,
                        4_000 + 250 * dice.below(20) as i64,
                        4 + dice.below(8) as i64,
                        dice.below(5) as i64,
                        at + k * 300
                    ],
                )
                .expect("set");
            }
        }
    }
    let store = Store::open(&path).expect("migrates");
    assert!(dir.path().join("old.db.v5.bak").exists(), "a backup first");
    let before = Utc.with_ymd_and_hms(2026, 4, 20, 12, 0, 0).single().expect("valid");
    let (frontier, most) = store.exercise_bests_before("Lat pulldown", Unit::Kg, before).expect("reads");
    let frontier: std::collections::BTreeMap<u32, i64> = frontier
        .iter()
        .map(|e| {
            (
                u32::from(e.reps) * 2 + u32::from(e.rir.map_or(0, hardset::model::units::Rir::halves)),
                e.weight.load.hundredths(),
            )
        })
        .collect();
    let most: std::collections::BTreeMap<i64, u16> = most.iter().map(|(l, r)| (l.hundredths(), *r)).collect();
    let expected = bests_by_hand(&store, "Lat pulldown", Unit::Kg, before);
    assert!(!expected.0.is_empty());
    assert_eq!((frontier, most), expected);
}

fn set_indexes(path: &std::path::Path) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(path).expect("opens");
    let mut stmt = conn
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'workout_set' AND sql IS NOT NULL ORDER BY name")
        .expect("query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("rows").map(|r| r.expect("row")).collect()
}

#[test]
fn a_large_import_into_an_empty_log_builds_the_same_indexes_and_records() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("log.db");
    let mut store = Store::open(&path).expect("store");
    let indexes = set_indexes(&path);
    assert!(indexes.len() >= 5, "{indexes:?}");
    let clock = FixedClock::at(evening());
    let sessions = hardset::demo::history(&example_plan(), &clock, 800);
    let sets: usize = sessions.iter().map(|s| s.sets.len()).sum();
    assert!(sets > 20_000, "large enough to build the indexes afterwards: {sets}");
    // A batch that fails on its last set (more reps than the log holds) leaves everything as it was.
    let mut bad = sessions.clone();
    if let Some(last) = bad.last_mut().and_then(|s| s.sets.last_mut()) {
        last.0.reps = 500;
    }
    let batch = hardset::store::ImportBatch { sessions: bad, ..hardset::store::ImportBatch::default() };
    assert!(store.import(&batch, true, &mut |_| {}).is_err());
    assert_eq!(store.set_count().expect("counts"), 0);
    assert_eq!(set_indexes(&path), indexes, "a failed import keeps the indexes");
    let batch = hardset::store::ImportBatch { sessions, ..hardset::store::ImportBatch::default() };
    store.import(&batch, true, &mut |_| {}).expect("imports");
    assert_eq!(store.set_count().expect("counts") as usize, sets);
    assert_eq!(set_indexes(&path), indexes, "the same indexes, built after the rows");
    assert!(store.integrity_ok().expect("checks"));
    assert_eq!(stored_flags(&path), flags_by_hand(&path), "the records of the imported sets");
}

#[test]
fn an_imported_deload_week_takes_its_sets_out_of_the_records() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("log.db");
    let mut store = Store::open(&path).expect("store");
    let at = Utc.with_ymd_and_hms(2026, 3, 3, 18, 0, 0).single().expect("valid");
    store.log_set(&new_session(), &working("Barbell bench press", 100.0, 5, 1), at, 90).expect("logs");
    let later = at + Duration::weeks(2);
    store.log_set(&new_session(), &working("Barbell bench press", 90.0, 5, 1), later, 90).expect("logs");
    assert_eq!(stored_flags(&path), flags_by_hand(&path));
    // Re-importing an export that marks that week as a deload adds no set, only the week.
    let monday = hardset::training::compare::week_bounds(at.date_naive()).0;
    let batch = hardset::store::ImportBatch {
        deload_weeks: vec![(monday, DeloadStyle::Volume)],
        ..hardset::store::ImportBatch::default()
    };
    store.import(&batch, true, &mut |_| {}).expect("imports");
    assert_eq!(stored_flags(&path), flags_by_hand(&path), "the deload week's set is no record now");
    let (frontier, _) = store
        .exercise_bests_before("Barbell bench press", hardset::model::units::Unit::Kg, later + Duration::days(7))
        .expect("reads");
    assert!(frontier.iter().all(|e| e.weight.load.hundredths() == 9_000), "{frontier:?}");
}

//! A set of 0 reps at a load, as Strong and Hevy keep a failed lift: the importers keep it as a
//! missed attempt, and it never counts as a record, an effective set, an e1RM or "last time".
//! Nobody can type one: a set has at least one rep, in the form and on the command line.

mod common;

use common::*;
use hardset::clock::FixedClock;
use hardset::import::{Options, import_file};
use hardset::model::session::{LoggedSet, SetKind};
use hardset::store::Store;
use hardset::tui::form::Field;
use ratatui::crossterm::event::KeyCode;

/// Strong's current export: two weeks ago a bench press of 80 kg x 5 at RPE 8; last week only a
/// failed attempt at 100 kg (0 reps, RPE 10), the week's one working set.
const STRONG: &str = "\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";\"Exercise Name\";\"Set Order\";\"Weight (kg)\";\"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";\"Workout Notes\"
\"1\";\"2026-11-16 17:00:00\";\"Push\";\"3600\";\"Bench Press (Barbell)\";\"1\";\"80.0\";\"5\";\"8\";\"\";\"\";\"\";\"\"
\"2\";\"2026-11-23 17:00:00\";\"Push\";\"3600\";\"Bench Press (Barbell)\";\"1\";\"100.0\";\"0\";\"10\";\"\";\"\";\"\";\"\"
";

const BENCH: &str = "Barbell bench press";

/// A log on a file holding the Strong history above.
fn imported() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("strong.csv");
    std::fs::write(&file, STRONG).expect("writes the export");
    let mut store = Store::open(&dir.path().join("hardset.db")).expect("opens");
    let clock = FixedClock::at(evening());
    import_file(&mut store, &file, &Options::default(), &catalogue(), &clock, &mut |_, _, _| {}).expect("imports");
    (dir, store)
}

fn all_sets(store: &Store) -> Vec<LoggedSet> {
    let mut all = Vec::new();
    store
        .for_each_set(|s| {
            all.push(s.clone());
            Ok(())
        })
        .expect("reads");
    all
}

#[test]
fn an_imported_zero_rep_set_is_kept_as_a_missed_attempt() {
    let (_dir, store) = imported();
    let sets = all_sets(&store);
    let summaries: Vec<String> = sets.iter().map(|s| format!("{} {}", s.entry.exercise, s.entry.summary())).collect();
    assert_eq!(summaries, [format!("{BENCH} 80 kg x 5 @ 2"), format!("{BENCH} 100 kg x 0 (missed)")]);
    assert_eq!(sets[1].entry.kind, SetKind::Working);
}

#[test]
fn a_missed_attempt_is_never_a_record() {
    let (dir, store) = imported();
    let clock = FixedClock::at(evening());
    let formula = hardset::training::e1rm::Formula::default();
    // The exercise detail (and `hardset history`): the records are the 80 kg set's alone.
    let detail = hardset::history::exercise_detail(&store, formula, 6, &clock, BENCH, None).expect("reads");
    let missed = detail.sets.iter().find(|s| s.entry.reps == 0).expect("the missed attempt").clone();
    assert!(!detail.records.holds(&missed), "records: {:?}", detail.records);
    assert!(detail.records.best_reps.iter().all(|(_, reps, _)| *reps > 0), "{:?}", detail.records.best_reps);
    // History's week comparison: no record mark on it.
    let (_, comparisons) =
        hardset::history::compare_weeks(&store, &clock, formula, missed.session_id).expect("compares");
    assert!(comparisons.iter().all(|c| !c.records.contains(&missed.id)), "{comparisons:?}");
    // The record flags the store keeps for History.
    let conn = rusqlite::Connection::open(dir.path().join("hardset.db")).expect("opens");
    let flags: (i64, i64) = conn
        .query_row("SELECT load_record, reps_record FROM workout_set WHERE reps = 0", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("the missed attempt's row");
    assert_eq!(flags, (0, 0), "load_record and reps_record of the missed attempt");
}

#[test]
fn a_missed_attempt_is_no_effective_set_no_e1rm_and_not_last_time() {
    let (_dir, store) = imported();
    let clock = FixedClock::at(evening());
    let settings = test_settings();
    // Its week (23-29 November) has no effective set for the chest.
    let week =
        hardset::week::load_week(&store, &example_plan(), &settings, &clock, evening().date_naive()).expect("the week");
    let chest = week.muscles.iter().find(|m| m.muscle == "chest").map_or(0.0, |m| m.effective_sets);
    assert!(chest.abs() < f64::EPSILON, "{chest} effective chest sets: {:?}", week.muscles);
    let sets = all_sets(&store);
    let missed = &sets[1];
    assert_eq!(hardset::training::volume::is_effective(missed, 6), None);
    assert_eq!(hardset::training::e1rm::estimate_set(hardset::training::e1rm::Formula::default(), &missed.entry), None);
    assert!(!hardset::training::warnings::to_failure(&missed.entry), "a missed attempt is not a set to failure");
    // Last time is the last session with a set lifted: the 80 kg x 5.
    let last = store.last_time(BENCH, None, &[]).expect("reads");
    let last: Vec<String> = last.iter().map(|s| s.entry.summary()).collect();
    assert_eq!(last, ["80 kg x 5 @ 2"]);
}

#[test]
fn the_form_refuses_a_set_of_zero_reps() {
    // Ramp-up 1 (Enter from Reps saves a ramp-up), then working set 1 moved through with the
    // arrows to the RIR picker and saved from there.
    for (rows_down, keys) in
        [(0, vec![key(KeyCode::Enter)]), (2, vec![key(KeyCode::Down), ch('1'), key(KeyCode::Enter)])]
    {
        let mut d = fresh_driver();
        for _ in 0..rows_down {
            press(&mut d, &[key(KeyCode::Down)]);
        }
        press(&mut d, &[key(KeyCode::Enter)]);
        type_text(&mut d, "60");
        press(&mut d, &[key(KeyCode::Down)]);
        type_text(&mut d, "0");
        press(&mut d, &keys);
        assert_eq!(d.store.set_count().expect("count"), 0, "a set of 0 reps was saved");
        assert_eq!(d.app.today_screen.form.focused(), Field::Reps);
        assert_eq!(d.app.today_screen.form.error(Field::Reps), Some("a set has at least 1 rep"));
        assert!(screen(&d, 80, 24).contains("at least 1 rep"));
    }
}

#[test]
fn record_flags_an_older_log_put_on_a_missed_attempt_are_passed_over() {
    // Before this rule a log flagged a missed attempt as a record (most reps at its load, the
    // heaviest load for its reps to failure); the lookups History reads must not see them.
    let (dir, store) = imported();
    let conn = rusqlite::Connection::open(dir.path().join("hardset.db")).expect("opens");
    conn.execute("UPDATE workout_set SET load_record = 1, reps_record = 1 WHERE reps = 0", []).expect("flags");
    let later = evening() + chrono::Duration::days(30);
    let (frontier, most_reps) =
        store.exercise_bests_before(BENCH, hardset::model::units::Unit::Kg, later).expect("reads");
    assert!(frontier.iter().all(|e| e.reps > 0), "{frontier:?}");
    assert!(most_reps.iter().all(|(_, reps)| *reps > 0), "{most_reps:?}");
}

#[test]
fn of_several_loads_missed_since_the_lightest_caps_the_target_on_a_bar_and_on_body_weight() {
    use hardset::model::session::{Basis, SessionRecord, SetEntry};
    let start = evening() - chrono::Duration::days(7);
    let session = |at: chrono::DateTime<chrono::Utc>, sets: Vec<SetEntry>| SessionRecord {
        started_at: at,
        ended_at: Some(at + chrono::Duration::hours(1)),
        day_name: "Push".into(),
        day_index: None,
        sets: sets.into_iter().enumerate().map(|(i, e)| (e, at + chrono::Duration::minutes(i as i64 + 1))).collect(),
        readiness: None,
        note: String::new(),
    };
    let on_body =
        |load: f64, reps: u16, basis: Basis| SetEntry { basis, ..set("Assisted pull-up", load, reps, Some(1)) };
    let mut store = Store::in_memory().expect("store");
    let batch = hardset::store::ImportBatch {
        sessions: vec![
            session(start, vec![set(BENCH, 100.0, 10, Some(1)), on_body(20.0, 10, Basis::Assisted)]),
            session(
                start + chrono::Duration::days(2),
                vec![
                    set(BENCH, 105.0, 0, None),
                    set(BENCH, 102.5, 0, None),
                    // A drop set that failed at once is no missed load; nor is a miss in pounds
                    // for a lifter whose bench is in kilograms.
                    SetEntry { technique: Some(hardset::model::session::Technique::Drop), ..set(BENCH, 70.0, 0, None) },
                    SetEntry {
                        weight: hardset::model::units::Weight::new(
                            hardset::model::units::Load::from_f64(95.0).expect("load"),
                            hardset::model::units::Unit::Lb,
                        ),
                        ..set(BENCH, 0.0, 0, None)
                    },
                    on_body(10.0, 0, Basis::Assisted),
                    on_body(17.5, 0, Basis::Assisted),
                ],
            ),
        ],
        ..Default::default()
    };
    store.import(&batch, true, &mut |_| {}).expect("writes");
    let after = start + chrono::Duration::minutes(5);
    let bench =
        store.lightest_miss_after(BENCH, after, hardset::model::units::Unit::Kg).expect("reads").expect("a miss");
    assert_eq!(bench.entry.summary(), "102.5 kg x 0 (missed)");
    let pull = store
        .lightest_miss_after("Assisted pull-up", after, hardset::model::units::Unit::Kg)
        .expect("reads")
        .expect("a miss");
    assert_eq!(pull.entry.summary(), "BW-17.5 kg x 0 (missed)", "the most assistance missed");
}

/// The same workout from Hevy and from Strong: 80 kg x 5, then 100 kg with empty reps and 100 kg
/// with 0 reps (both missed attempts), and a row with no load and no reps (skipped as empty).
#[test]
fn a_load_with_zero_reps_or_none_is_a_missed_attempt_from_hevy_and_strong_alike() {
    let fixture =
        |name: &str| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name);
    let mut summaries = Vec::new();
    for name in ["hevy_missed.csv", "strong_missed.csv"] {
        let mut store = Store::in_memory().expect("store");
        let clock = FixedClock::at(evening());
        let report =
            import_file(&mut store, &fixture(name), &Options::default(), &catalogue(), &clock, &mut |_, _, _| {})
                .expect("imports");
        assert_eq!(report.tally.missed, 2, "{name}");
        assert_eq!(report.counts.working_added, 3, "{name}");
        assert_eq!(report.tally.skipped_rows(), 1, "{name}: only the empty row: {:?}", report.tally.skipped);
        let text = report.to_string();
        assert!(text.contains("missed:   2 rows of a load with 0 reps or none are missed attempts"), "{text}");
        let sets = all_sets(&store);
        let shown: Vec<(String, bool)> = sets.iter().map(|s| (s.entry.summary(), s.entry.missed())).collect();
        summaries.push(shown);
    }
    assert_eq!(summaries[0], summaries[1], "Hevy and Strong give the same sets");
    let missed: Vec<&(String, bool)> = summaries[0].iter().filter(|(_, missed)| *missed).collect();
    assert_eq!(missed.len(), 2, "{:?}", summaries[0]);
    assert!(missed.iter().all(|(summary, _)| summary.starts_with("100 kg x 0")), "{missed:?}");
}

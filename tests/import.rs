//! Importing other apps' exports (Strong, Hevy, FitNotes), malformed and truncated files, and
//! the round trip of hardset's own export and of the Strong and Hevy layouts.
//!
//! Every quirk of the real exports is asserted on small files written by hand for these tests
//! (`tests/fixtures/import`, see its README). The real, unmodified exports are tested as well
//! when they are found: in `HARDSET_EXTERNAL_DATA`, or in `../shared/data/external` beside the
//! repository (never copied into it: most of them carry no licence). Without them, each test on
//! them says in one line that it was skipped, and the rest of the suite still runs.

mod common;
#[path = "common/imports.rs"]
mod imports;

use common::{import_fixture as fixture, real_export as real};

use common::{clock, export_text};

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeZone, Utc};
use hardset::clock::Clock as _;
use hardset::export::Format;
use hardset::import::{Options, Report, Source};
use hardset::model::exercise::Muscle;
use hardset::model::session::{LoggedSet, SetKind};
use hardset::model::units::{Rir, Unit};
use hardset::store::Store;
use imports::{import, logged_sets as sets};

/// The fixture, and the real export when it is found.
fn fixture_and_real(fixture_name: &str, real_name: &str, test: &str) -> Vec<PathBuf> {
    std::iter::once(fixture(fixture_name)).chain(real(real_name, test)).collect()
}

fn lb() -> Options {
    Options { unit: Some(Unit::Lb), ..Options::default() }
}

/// Data rows of a file, counted with the csv reader alone, and how many of them `pick`
/// chooses (given a field by column name).
fn count_rows(path: &Path, delimiter: u8, pick: impl Fn(&dyn Fn(&str) -> String) -> bool) -> (u64, u64) {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_path(path).expect("opens");
    let header = reader.headers().expect("header").clone();
    let (mut rows, mut picked) = (0, 0);
    for record in reader.records() {
        let record = record.expect("row");
        rows += 1;
        let field = |name: &str| {
            let index = header.iter().position(|h| h == name).expect("column");
            record.get(index).unwrap_or("").trim().to_string()
        };
        if pick(&field) {
            picked += 1;
        }
    }
    (rows, picked)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn hardset_skip_empty() -> &'static str {
    "empty (no weight and no reps)"
}

/// What an export of one layout holds, as its tests expect it.
struct Expected {
    rows: u64,
    sessions: u64,
    dates: (NaiveDate, NaiveDate),
}

/// Strong's older comma-separated export: no unit anywhere (refused without `--unit`), lb
/// weights with float noise (`149.99999999999997` is 150 lb), timed and cardio rows (kept as
/// sets of a time and a distance in km), no warm-up markers, and workouts left running for days
/// (`57h 42m`), which end at their last set.
fn strong_legacy(path: &Path, expected: &Expected, long_durations: u64) -> (Report, Store) {
    // Timed and cardio rows: some seconds or distance.
    let (_, timed) = count_rows(path, b',', |field| {
        let value = |name: &str| field(name).parse::<f64>().unwrap_or(0.0);
        value("Seconds") > 0.0 || value("Distance") > 0.0
    });
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, path, Options::default()).expect_err("no unit in the file");
    let message = refused.to_string();
    assert!(message.contains("--unit kg or --unit lb") && message.contains("will not guess"), "{message}");
    assert_eq!(store.set_count().expect("counts"), 0, "a refused import writes nothing");

    let report = import(&mut store, path, lb()).expect("imports");
    assert_eq!(report.detected.source, Source::Strong);
    assert!(report.detected.variant.contains("older format"), "{}", report.detected.variant);
    assert_eq!(report.tally.rows, expected.rows);
    assert_eq!(report.counts.sessions_added, expected.sessions);
    assert_eq!(report.dates, Some(expected.dates));
    let written = report.counts.working_added + report.counts.ramp_up_added;
    assert_eq!(written + report.tally.skipped_rows(), expected.rows, "every row is a set or a counted skip");
    assert_eq!(report.tally.skipped_rows(), 0, "no row is skipped: {:?}", report.tally.skipped);
    assert_eq!(report.counts.ramp_up_added, 0, "this export has no warm-up markers");
    assert_eq!(report.tally.long_durations, long_durations, "57h 42m and the like end at their last set");
    let all = sets(&store);
    assert_eq!(all.len() as u64, written);
    assert_eq!(all.iter().filter(|s| s.entry.timed_or_distance()).count() as u64, timed, "every timed row is a set");
    assert!(all.iter().filter(|s| s.entry.timed_or_distance()).all(|s| !s.entry.counts() && !s.entry.missed()));
    assert!(all.iter().all(|s| s.entry.weight.unit == Unit::Lb));
    // 149.99999999999997 in the file is 150 lb, exactly.
    assert!(all.iter().any(|s| s.entry.weight.load.hundredths() == 15_000));
    assert!(
        !all.iter().any(|s| s.entry.weight.load.hundredths() == 14_999 || s.entry.weight.load.hundredths() == 15_001)
    );
    // Catalogue names replace Strong's.
    assert!(all.iter().any(|s| s.entry.exercise == "Barbell bench press"));
    assert!(!all.iter().any(|s| s.entry.exercise == "Bench Press (Barbell)"));
    // Every session has ended, with sets inside it.
    for session in store.all_sessions().expect("sessions") {
        let ended = session.ended_at.expect("an imported session is finished");
        assert!(ended >= session.started_at && (ended - session.started_at).num_hours() <= 6, "{session:?}");
    }

    let again = import(&mut store, path, lb()).expect("imports");
    assert_eq!((again.counts.sessions_added, again.counts.sessions_present), (0, expected.sessions), "nothing twice");
    assert_eq!(store.set_count().expect("counts") as u64, written);
    (report, store)
}

#[test]
fn strong_legacy_export_needs_its_unit_and_reads_150_lb() {
    let path = fixture("strong_legacy_lb.csv");
    let expected = Expected { rows: 16, sessions: 5, dates: (date(2022, 1, 4), date(2022, 1, 13)) };
    let (_, store) = strong_legacy(&path, &expected, 2);
    let all = sets(&store);
    // 150.00000000000003 is 150 lb too: both noisy rows.
    assert_eq!(all.iter().filter(|s| s.entry.weight.load.hundredths() == 15_000).count(), 2);
    // The one RPE in the file (8.5, its last column) is RIR 1.5; the rest have none.
    let rirs: Vec<u8> = all.iter().filter_map(|s| s.entry.rir.map(Rir::halves)).collect();
    assert_eq!(rirs, [3]);
    assert!(all.iter().any(|s| s.entry.note == "paused the first rep"));
    // A quoted name keeps its comma.
    assert!(all.iter().any(|s| s.entry.exercise == "Cable Fly (Single Arm, Low)"));
    // The plank's seconds and the run's distance (km: the layout names no unit) are kept.
    let timed: Vec<String> = all
        .iter()
        .filter(|s| s.entry.timed_or_distance())
        .map(|s| format!("{}: {}", s.entry.exercise, s.entry.summary()))
        .collect();
    assert_eq!(timed, ["Plank: 1:00", "Treadmill run: 1,500 m"]);
}

#[test]
fn real_strong_legacy_export_needs_its_unit_and_reads_150_lb() {
    let Some(path) = real("strong_export_legacy_lb_2021-2022.csv", "real_strong_legacy_export") else { return };
    let expected = Expected { rows: 4690, sessions: 312, dates: (date(2021, 7, 7), date(2022, 12, 6)) };
    let (_, store) = strong_legacy(&path, &expected, 3);
    // The 128 cardio rows: 87 on the rowing machine (0.5 = 500 m in about two minutes), 38
    // cycling, 3 on the assault bike, under the catalogue's names.
    let all = sets(&store);
    let count = |name: &str| all.iter().filter(|s| s.entry.exercise == name && s.entry.timed_or_distance()).count();
    assert_eq!((count("Rowing machine"), count("Cycling"), count("Assault bike")), (87, 38, 3));
    assert!(all.iter().any(|s| s.entry.exercise == "Rowing machine" && s.entry.summary() == "500 m in 1:59"));
}

/// Strong's current semicolon export: every field quoted, the unit in the weight column's name
/// (`--unit lb` is refused), rows with no weight and no reps (skipped as empty), float noise
/// (`12.900000000000034` is 12.9 kg).
fn strong_semicolon(path: &Path, expected: &Expected, empty: u64, working: u64) -> (Report, Store) {
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, path, lb()).expect_err("the header says kg");
    assert!(refused.to_string().contains("the header says the weights are in kg"), "{refused}");
    let report = import(&mut store, path, Options::default()).expect("imports");
    assert!(report.detected.variant.contains("semicolon-separated, weights in kg"), "{}", report.detected.variant);
    assert_eq!(report.tally.rows, expected.rows);
    assert_eq!(report.counts.sessions_added, expected.sessions);
    assert_eq!(report.tally.skipped.get(hardset_skip_empty()), Some(&empty), "{:?}", report.tally.skipped);
    assert_eq!(report.counts.working_added, working);
    assert_eq!(report.dates, Some(expected.dates));
    let all = sets(&store);
    assert!(all.iter().all(|s| s.entry.weight.unit == Unit::Kg));
    assert!(all.iter().any(|s| s.entry.weight.load.hundredths() == 1_290));
    (report, store)
}

#[test]
fn strong_semicolon_export_takes_kg_from_the_header_and_skips_empty_rows() {
    let path = fixture("strong_semicolon_kg.csv");
    let expected = Expected { rows: 18, sessions: 3, dates: (date(2025, 2, 3), date(2025, 2, 10)) };
    let (report, store) = strong_semicolon(&path, &expected, 3, 11);
    assert!(sets(&store).iter().any(|s| s.entry.exercise == "Plank" && s.entry.summary() == "45 s"), "the timed plank");
    // Set Order W is a warm-up: a ramp-up set; a Rest Timer row is no set; a Note row is the
    // exercise's note, on its first set; D is a drop set; F is a set to failure (RIR 0).
    assert_eq!(report.counts.ramp_up_added, 2);
    assert_eq!(report.tally.skipped.get("rest timer rows (not sets)"), Some(&1));
    assert_eq!(report.tally.skipped.get("timed or cardio (a time or distance, no load and reps)"), None);
    assert_eq!(report.tally.note_rows, 1);
    let all = sets(&store);
    let row: Vec<&LoggedSet> = all.iter().filter(|s| s.entry.exercise == "Barbell row").collect();
    let summary: Vec<(SetKind, String, &str)> =
        row.iter().map(|s| (s.entry.kind, s.entry.summary(), s.entry.note.as_str())).collect();
    assert_eq!(
        summary,
        [
            (SetKind::RampUp, "40 kg x 10".to_string(), "elbows in"),
            (SetKind::Working, "60 kg x 8 @ 2".to_string(), ""),
            (SetKind::Working, "60 kg x 7".to_string(), ""),
            (SetKind::Working, "60 kg x 6 @ 0".to_string(), ""),
        ]
    );
    // D after a working set of the exercise is a drop set of it, not a set of its own.
    assert!(all.iter().any(|s| s.entry.summary() == "8 kg x 10 (drop set)" && s.entry.note.is_empty()));
    // A quoted note keeps its line break; RPE 9.5 is RIR 0.5.
    assert!(all.iter().any(|s| s.entry.note == "left knee\ncaved on rep 5"), "{all:?}");
    assert!(all.iter().any(|s| s.entry.summary() == "100 kg x 5 @ 0.5"));
    assert!(all.iter().any(|s| s.entry.note == "spotter: Zoë"));
    // The workout note, repeated on each of its rows, is the session's note once.
    let sessions = store.all_sessions().expect("sessions");
    assert_eq!(sessions[0].note, "short on time; \"deload\" soon");
    assert_eq!(sessions[0].ended_at.map(|e| (e - sessions[0].started_at).num_seconds()), Some(2134));
}

#[test]
fn real_strong_semicolon_export_takes_kg_from_the_header_and_skips_empty_rows() {
    let Some(path) = real("strong_export_semicolon_2025-09.csv", "real_strong_semicolon_export") else { return };
    let expected = Expected { rows: 166, sessions: 10, dates: (date(2024, 11, 28), date(2025, 9, 15)) };
    let (report, store) = strong_semicolon(&path, &expected, 7, 159);
    assert_eq!(report.tally.skipped.values().sum::<u64>(), 7, "{:?}", report.tally.skipped);
    assert!(sets(&store).iter().all(|s| s.entry.rir.is_none()), "this export has no RPE");
}

#[test]
fn strong_export_with_a_unit_on_every_row_keeps_each() {
    // The third layout: a Weight Unit column (lbs or kg on each row), bare numbers, durations
    // in words under "Workout Duration".
    let path = fixture("strong_weight_unit.csv");
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &path, lb()).expect_err("each row names its unit");
    assert!(refused.to_string().contains("leave --unit out"), "{refused}");
    let report = import(&mut store, &path, Options::default()).expect("imports");
    assert!(report.detected.variant.contains("a unit on every row"), "{}", report.detected.variant);
    assert_eq!((report.tally.rows, report.counts.sessions_added, report.counts.working_added), (5, 2, 5));
    assert_eq!(report.tally.skipped_rows(), 0);
    let all: Vec<String> =
        sets(&store).iter().map(|s| format!("{}: {}", s.entry.exercise, s.entry.summary())).collect();
    assert_eq!(
        all,
        [
            "Overhead press: 45 lb x 5",
            "Overhead press: 65 lb x 5",
            "Dumbbell bench press: 20 kg x 10 @ 2",
            "Deadlift: 135 lb x 5",
            "Walk: 1,931.21 m"
        ]
    );
    assert_eq!(store.all_sessions().expect("sessions")[0].note, "shoulder day");
}

/// Hevy's workout_data.csv: every text quoted, newest workout first, days not always padded
/// (`9 Mar 2025, 06:05`), warm-up, failure and drop sets, RPE, `\n` written as two characters in
/// notes, timed rows (a duration or a distance; kept as sets of time and distance, and a
/// `duration_seconds` of 0 on a set of reps is no time), bodyweight sets with no weight.
fn hevy(path: &Path, expected: &Expected, unpadded: chrono::DateTime<Utc>) -> (Report, Store) {
    // Timed rows: a duration or a distance ("Warm Up" for 300 s).
    let (rows, timed) = count_rows(path, b',', |field| {
        let value = |name: &str| field(name).parse::<f64>().unwrap_or(0.0);
        value("duration_seconds") > 0.0 || value("distance_km") > 0.0
    });
    let (_, warm_ups) = count_rows(path, b',', |field| field("set_type") == "warmup");
    let mut store = Store::in_memory().expect("store");
    let report = import(&mut store, path, Options::default()).expect("imports");
    assert_eq!((report.tally.rows, rows), (expected.rows, expected.rows));
    assert_eq!(report.counts.sessions_added, expected.sessions);
    assert_eq!(report.counts.ramp_up_added, warm_ups, "every warmup row is a ramp-up set");
    assert_eq!(report.tally.skipped_rows(), 0, "no row is skipped: {:?}", report.tally.skipped);
    assert_eq!(report.counts.working_added + report.counts.ramp_up_added, expected.rows);
    assert_eq!(report.dates, Some(expected.dates));
    let all = sets(&store);
    assert_eq!(all.iter().filter(|s| s.entry.timed_or_distance()).count() as u64, timed, "every timed row is a set");
    assert!(
        all.iter()
            .filter(|s| s.entry.seconds.is_none())
            .all(|s| s.entry.distance.is_some() || s.entry.reps > 0 || s.entry.missed())
    );
    // An unpadded day, read in the clock's zone (UTC here).
    assert!(store.all_sessions().expect("sessions").iter().any(|s| s.started_at == unpadded));
    // RPE 9.5 is RIR 0.5; RPE 6 is RIR 4; no RPE is no RIR (neither file has RPE 6.5).
    let rirs: std::collections::BTreeSet<u8> = all.iter().filter_map(|s| s.entry.rir.map(Rir::halves)).collect();
    assert!(rirs.contains(&1) && rirs.contains(&8) && !rirs.contains(&7), "{rirs:?}");
    assert!(all.iter().any(|s| s.entry.rir.is_none()));
    // Literal \n in notes became line breaks.
    assert!(all.iter().any(|s| s.entry.note.contains('\n')));
    assert!(!all.iter().any(|s| s.entry.note.contains("\\n")));
    // Bodyweight sets (empty weight) are kept at no added load.
    assert!(all.iter().any(|s| s.entry.weight.load.hundredths() == 0 && s.entry.reps > 0));
    // Hevy's names map to the catalogue.
    assert!(all.iter().any(|s| s.entry.exercise == "Barbell back squat"));
    assert!(!all.iter().any(|s| s.entry.exercise == "Squat (Barbell)"));
    assert!(report.unknown.iter().all(|u| u.sets > 0));
    (report, store)
}

#[test]
fn hevy_export_maps_warm_ups_rpe_dates_notes_and_bodyweight() {
    let path = fixture("hevy_kg.csv");
    let expected = Expected { rows: 22, sessions: 4, dates: (date(2025, 3, 3), date(2025, 3, 14)) };
    let unpadded = Utc.with_ymd_and_hms(2025, 3, 9, 6, 5, 0).single().expect("time");
    let (report, store) = hevy(&path, &expected, unpadded);
    assert_eq!(report.counts.ramp_up_added, 5);
    assert_eq!(report.tally.skipped_rows(), 0);
    let all = sets(&store);
    // Warm Up for 300 s (0 reps), a plank (no reps), a row on the machine (2 km in 10 min).
    let timed: Vec<String> = all
        .iter()
        .filter(|s| s.entry.timed_or_distance())
        .map(|s| format!("{}: {}", s.entry.exercise, s.entry.summary()))
        .collect();
    assert_eq!(timed, ["Rowing machine: 2,000 m in 10:00", "Warm Up: 5:00", "Plank: 1:00"]);
    // Every RPE in the file, and a failure set without one (RIR 0).
    let rirs: std::collections::BTreeSet<u8> = all.iter().filter_map(|s| s.entry.rir.map(Rir::halves)).collect();
    assert_eq!(rirs.into_iter().collect::<Vec<_>>(), [0, 1, 2, 3, 4, 5, 6, 8]);
    assert!(all.iter().any(|s| s.entry.summary() == "100 kg x 6 @ 0"), "failure, no RPE");
    // A dropset after a working set of the exercise is a drop set of it.
    assert!(all.iter().any(|s| s.entry.summary() == "30 kg x 10 @ 0 (drop set)" && s.entry.note.is_empty()));
    // The exercise note (on every row of the exercise) goes once on its first set.
    let squats: Vec<&str> =
        all.iter().filter(|s| s.entry.exercise == "Barbell back squat").map(|s| s.entry.note.as_str()).collect();
    assert_eq!(squats.iter().filter(|n| **n == "belt from set 3\nknees fine").count(), 1, "{squats:?}");
    // The newest-first file is stored oldest first; the description is the session's note.
    let sessions = store.all_sessions().expect("sessions");
    assert_eq!(all[0].session_id, sessions[0].id, "the first set written is the oldest workout's");
    let newest = sessions.last().expect("sessions");
    assert_eq!((newest.day_name.as_str(), newest.note.as_str()), ("Legs A / heavy", "felt quick\nslept 8h"));
    let names: Vec<&str> = report.unknown.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["Katana Triceps Extension", "Reverse Hyper (Band)", "Warm Up"]);
}

#[test]
fn real_hevy_export_maps_warm_ups_rpe_dates_notes_and_bodyweight() {
    let Some(path) = real("hevy_export_kg_2024-2025.csv", "real_hevy_export") else { return };
    let expected = Expected { rows: 7211, sessions: 335, dates: (date(2024, 7, 3), date(2025, 9, 15)) };
    let unpadded = Utc.with_ymd_and_hms(2025, 9, 9, 6, 46, 0).single().expect("time");
    let (report, store) = hevy(&path, &expected, unpadded);
    assert_eq!(report.counts.ramp_up_added, 2195, "the README's warmup rows");
    let warm_ups = sets(&store).iter().filter(|s| s.entry.exercise == "Warm Up" && s.entry.seconds.is_some()).count();
    assert_eq!(warm_ups, 275, "the 275 timed 'Warm Up' rows are sets of a time");
}

#[test]
fn hevy_dates_in_the_phones_language_and_weights_in_lb() {
    let path = fixture("hevy_lbs_months.csv");
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &path, Options { unit: Some(Unit::Kg), ..Options::default() })
        .expect_err("the header says lb");
    assert!(refused.to_string().contains("the header says the weights are in lb"), "{refused}");
    let report = import(&mut store, &path, Options::default()).expect("imports");
    assert_eq!((report.counts.sessions_added, report.counts.working_added), (5, 7));
    assert_eq!(report.tally.skipped_rows(), 0);
    // A walk of 1.5 miles in 15 minutes.
    assert!(sets(&store).iter().any(|s| s.entry.exercise == "Walk" && s.entry.summary() == "2,414.02 m in 15:00"));
    let starts: Vec<(String, String)> = store
        .all_sessions()
        .expect("sessions")
        .iter()
        .map(|s| (s.started_at.format("%Y-%m-%d %H:%M").to_string(), s.day_name.clone()))
        .collect();
    let expected = [
        ("2024-12-21 09:05", "Pierna viernes"),
        ("2025-02-02 18:10", "Haut du corps"),
        ("2025-03-03 18:00", "Oberkörper"),
        ("2025-06-05 19:30", "Gambe"),
        ("2025-09-15 07:48", "Pierna martes"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| ((*a).to_string(), (*b).to_string())).collect();
    assert_eq!(starts, expected, "dic, févr., März, giu and \"15 de sept. de 2025, 7:48\"");
    assert!(sets(&store).iter().all(|s| s.entry.weight.unit == Unit::Lb));
}

/// FitNotes' export: no time of day (a session a date, at noon, named after its categories),
/// custom names whose commas are not quoted (repaired, not dropped), and the category as the
/// muscles of an exercise the catalogue does not know.
fn fitnotes(path: &Path, expected: &Expected, repaired: usize, customs: &[(&str, Muscle)], first_day: &str) -> Store {
    let mut store = Store::in_memory().expect("store");
    let report = import(&mut store, path, Options::default()).expect("imports");
    assert_eq!(report.tally.rows, expected.rows);
    assert_eq!(report.tally.repaired, repaired as u64, "the malformed rows, repaired, not dropped");
    assert_eq!(report.counts.sessions_added, expected.sessions, "one session a date");
    assert_eq!(report.counts.working_added + report.tally.skipped_rows(), expected.rows);
    assert_eq!(report.dates, Some(expected.dates));
    let all = sets(&store);
    assert!(all.iter().all(|s| s.entry.weight.unit == Unit::Kg && s.entry.kind == SetKind::Working));
    let names: std::collections::BTreeSet<&str> = all.iter().map(|s| s.entry.exercise.as_str()).collect();
    assert!(!names.iter().any(|n| n.starts_with(' ') || n.ends_with(',')), "{names:?}");
    // Names with commas are whole again, whether the catalogue knows them or not.
    assert!(!names.iter().any(|n| n.ends_with(" Dumbbells)") && !n.contains(", ")), "{names:?}");
    // Unknown exercises keep their category as muscles, and count on the Week screen.
    let custom = store.custom_exercises().expect("custom exercises");
    for (name, muscle) in customs {
        assert!(names.contains(name), "{name} is whole: {names:?}");
        let kept = custom.iter().find(|c| c.name == *name).unwrap_or_else(|| panic!("{name} kept"));
        assert_eq!(kept.muscles, vec![*muscle], "{name}");
    }
    let sessions = store.all_sessions().expect("sessions");
    assert_eq!(sessions[0].day_name, first_day);
    store
}

#[test]
fn fitnotes_export_repairs_unquoted_commas_and_names_muscles() {
    let path = fixture("fitnotes_kg.csv");
    let expected = Expected { rows: 15, sessions: 3, dates: (date(2025, 5, 5), date(2025, 5, 14)) };
    let customs = [
        ("Hack Squat Sled (Narrow, Feet High, Slow)", Muscle::Quads),
        ("Cable Y Raise (Each Side, Low Pulley)", Muscle::SideDelts),
        ("Triceps Rope Overhead (Light)", Muscle::Triceps),
        ("Band Face Pull Hold", Muscle::RearDelts),
    ];
    let store = fitnotes(&path, &expected, 9, &customs, "Chest, Shoulders, Triceps");
    // A catalogue alias with a comma in it maps once it is whole.
    let all = sets(&store);
    assert!(all.iter().any(|s| s.entry.exercise == "Dumbbell shoulder press"), "{all:?}");
    assert!(all.iter().all(|s| s.session_started_at.format("%H:%M").to_string() == "12:00"), "at noon");
    // The cardio row: 5 km in 00:15:00.
    assert!(all.iter().any(|s| s.entry.exercise == "Cycling" && s.entry.summary() == "5,000 m in 15:00"), "{all:?}");
}

#[test]
fn real_fitnotes_export_repairs_unquoted_commas_and_names_muscles() {
    let Some(path) = real("fitnotes_export_kg_2025.csv", "real_fitnotes_export") else { return };
    let expected = Expected { rows: 1624, sessions: 78, dates: (date(2025, 4, 29), date(2025, 9, 16)) };
    let customs = [
        ("Triceps Pushdown (Easy Cable)", Muscle::Triceps),
        ("Rear Delt Cable Pull (Each Side)", Muscle::RearDelts),
        ("Rear Delt Pulling (Each Side, Cable In Front Of Eyes Area)", Muscle::RearDelts),
    ];
    fitnotes(&path, &expected, 99, &customs, "Chest, Back, Shoulders, Biceps, Triceps");
}

#[test]
fn fitnotes_older_header_names_the_unit() {
    // `Weight (kgs)` and no Weight Unit column.
    let path = fixture("fitnotes_weight_kgs.csv");
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &path, lb()).expect_err("the header says kg");
    assert!(refused.to_string().contains("the header says the weights are in kg"), "{refused}");
    let expected = Expected { rows: 3, sessions: 2, dates: (date(2016, 3, 1), date(2016, 3, 3)) };
    let store = fitnotes(
        &path,
        &expected,
        1,
        &[("Cable Y Raise (Each Side, Low Pulley)", Muscle::SideDelts)],
        "Chest, Shoulders",
    );
    let summaries: Vec<String> = sets(&store).iter().map(|s| s.entry.summary()).collect();
    assert_eq!(summaries, ["50 kg x 10", "4 kg x 15", "100 kg x 5"]);
}

#[test]
fn a_dry_run_counts_what_an_import_would_write_and_writes_nothing() {
    let test = "a_dry_run_counts_what_an_import_would_write_and_writes_nothing";
    for path in fixture_and_real("hevy_kg.csv", "hevy_export_kg_2024-2025.csv", test) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("log.db")).expect("store");
        let dry = import(&mut store, &path, Options { dry_run: true, ..Options::default() }).expect("checks");
        assert_eq!(store.set_count().expect("counts"), 0);
        assert!(store.custom_exercises().expect("reads").is_empty());
        assert!(dry.to_string().contains("dry run: nothing was written"));
        let real = import(&mut store, &path, Options::default()).expect("imports");
        assert_eq!(dry.counts, real.counts);
        assert!(real.counts.sessions_added > 0, "{}", path.display());
    }
}

/// A copy of a file with `edit` applied, in a temporary folder.
fn edited(path: &Path, edit: impl FnOnce(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let text = std::fs::read_to_string(path).expect("reads");
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join(path.file_name().expect("a file name"));
    std::fs::write(&copy, edit(text)).expect("writes");
    (dir, copy)
}

/// Imports `path` into a log that already holds a FitNotes history: it must fail, leave the log
/// as it was, and say `expected`.
fn fails_cleanly(path: &Path, options: Options, expected: &str) {
    let mut store = Store::in_memory().expect("store");
    import(&mut store, &fixture("fitnotes_kg.csv"), Options::default()).expect("imports");
    let before = (store.set_count().expect("counts"), store.all_sessions().expect("sessions").len());
    let error = import(&mut store, path, options).expect_err("refused").to_string();
    assert!(error.contains(expected), "expected {expected:?} in: {error}");
    assert!(error.contains(&path.display().to_string()), "the error names the file: {error}");
    assert_eq!((store.set_count().expect("counts"), store.all_sessions().expect("sessions").len()), before);
}

#[test]
fn a_truncated_file_is_refused_with_its_line_and_writes_nothing() {
    let test = "a_truncated_file_is_refused_with_its_line_and_writes_nothing";
    for path in fixture_and_real("hevy_kg.csv", "hevy_export_kg_2024-2025.csv", test) {
        let (_dir, path) = edited(&path, |text| {
            let cut = text.len() / 2;
            let cut = text[..cut].rfind(',').expect("a comma");
            text[..cut].to_string()
        });
        let lines = std::fs::read_to_string(&path).expect("reads").lines().count();
        fails_cleanly(&path, Options::default(), &format!("line {lines}: the row has"));
    }
}

/// Edits the 0-based `line` of a copy of `path` with `edit`, and checks the import refuses it,
/// saying `expected`.
fn bad_number_names_its_line(path: &Path, line: usize, edit: impl Fn(&str) -> String, expected: &str) {
    let (_dir, path) = edited(path, |text| {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        lines[line] = edit(&lines[line]);
        lines.join("\n")
    });
    let text = std::fs::read_to_string(&path).expect("reads");
    assert!(text.lines().nth(line).expect("line").contains("ten"), "the edit took");
    fails_cleanly(&path, Options::default(), expected);
}

#[test]
fn a_bad_number_deep_in_a_file_names_its_line_and_writes_nothing() {
    // The last line, after a note that runs over two lines.
    let path = fixture("strong_semicolon_kg.csv");
    let to_ten = |line: &str| line.replacen("\"72.5\"", "\"ten\"", 1);
    bad_number_names_its_line(&path, 19, to_ten, "line 20: Weight \"ten\" is not a number");
    let test = "a_bad_number_deep_in_a_file_names_its_line_and_writes_nothing";
    if let Some(path) = real("strong_export_semicolon_2025-09.csv", test) {
        let to_ten = |line: &str| line.replacen("\"10.0\"", "\"ten\"", 1).replacen("\"15.0\"", "\"ten\"", 1);
        bad_number_names_its_line(&path, 150, to_ten, "line 151: Weight \"ten\" is not a number");
    }
}

#[test]
fn files_that_are_not_exports_are_refused_clearly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: [(&str, &[u8], &str); 5] = [
        ("empty.csv", b"", "the first line does not look like an export"),
        ("notes.txt", b"shopping list\neggs\n", "say which with --from"),
        ("header-only.csv", b"Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n", "no header"),
        ("binary.csv", b"Date,Exercise\n\xff\xfe\x00garbage", "not UTF-8"),
        ("bad-date.csv", b"Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n29/04/2025,Squat,Legs,100,kgs,5,,,\n", "line 2: Date \"29/04/2025\""),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("writes");
        let mut store = Store::in_memory().expect("store");
        match import(&mut store, &path, Options::default()) {
            Err(e) => assert!(e.to_string().contains(expected), "{name}: expected {expected:?} in {e}"),
            Ok(report) => {
                assert!(name == "header-only.csv", "{name} should fail: {report}");
                assert_eq!(report.counts.sessions_added, 0);
            }
        }
        assert_eq!(store.set_count().expect("counts"), 0, "{name} wrote nothing");
    }
}

/// A log with every kind of thing it holds: demo weeks with check-ins, a deload week, a note
/// on a session and a set, a set where form broke and a rest day with no sets.
fn full_log() -> Store {
    let mut store = Store::in_memory().expect("store");
    hardset::demo::fill(&mut store, &common::example_plan(), &clock(), 6).expect("fills");
    let monday = hardset::training::compare::week_bounds(date(2026, 11, 18)).0;
    store.start_deload(monday, hardset::model::session::DeloadStyle::Load, common::evening()).expect("deload week");
    let entry = hardset::model::session::SetEntry {
        exercise: "Barbell bench press".into(),
        kind: SetKind::Working,
        weight: hardset::model::units::Weight::new(hardset::model::units::Load::from_hundredths(8_250), Unit::Kg),
        reps: 6,
        rir: hardset::model::units::Rir::from_halves(1),
        form_broke: true,
        note: "left shoulder, \"pinchy\"; stopped\nat 6".into(),
        ..Default::default()
    };
    let day = hardset::model::session::SessionFor::New { day_name: "Push, heavy".into(), day_index: Some(0) };
    store.log_set(&day, &entry, common::evening(), 180).expect("logs");
    store
}

#[test]
fn native_csv_and_json_exports_import_back_to_the_same_log() {
    for (format, name) in [(Format::Csv, "log.csv"), (Format::Json, "log.json")] {
        let original = full_log();
        let first = export_text(&original, format);
        assert!(first.contains("pinchy") && first.contains("load"), "the export holds notes and the deload");
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, &first).expect("writes");
        let mut copy = Store::in_memory().expect("store");
        let report = import(&mut copy, &path, Options::default()).expect("imports");
        assert_eq!(report.detected.source, Source::Hardset);
        assert_eq!(copy.set_count().expect("counts"), original.set_count().expect("counts"));
        // The log's running session comes back as history, ended at its last set: an import
        // never writes a session that takes the sets logged after it.
        let mut ended = full_log();
        let running = ended.all_sessions().expect("sessions").into_iter().find(|s| s.ended_at.is_none());
        let running = running.expect("the log has a running session");
        ended.end_session(running.id, common::evening()).expect("ends");
        assert_ne!(export_text(&ended, format), first, "{name}: the export shows the session running");
        assert_eq!(
            export_text(&copy, format),
            export_text(&ended, format),
            "{name}: export, import, export gives the same file"
        );
        let weeks = |store: &Store| -> Vec<_> {
            store.deload_weeks().expect("weeks").into_iter().map(|w| (w.monday, w.style)).collect()
        };
        assert_eq!(weeks(&copy), weeks(&original), "{name}: the deload week and its style");
        let again = import(&mut copy, &path, Options::default()).expect("imports");
        assert_eq!(again.counts.sessions_added, 0, "{name}: a second import adds nothing");
    }
}

#[test]
fn strong_and_hevy_layouts_import_back_with_every_set() {
    for (format, source) in [(Format::Strong, Source::Strong), (Format::Hevy, Source::Hevy)] {
        let original = full_log();
        let text = export_text(&original, format);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("export.csv");
        std::fs::write(&path, &text).expect("writes");
        let mut copy = Store::in_memory().expect("store");
        let report = import(&mut copy, &path, Options::default()).expect("imports");
        assert_eq!(report.detected.source, source);
        assert!(report.unknown.is_empty(), "{source:?}: every name maps back: {:?}", report.unknown);
        let key = |s: &LoggedSet| {
            let e = &s.entry;
            (e.exercise.clone(), e.kind, e.weight, e.reps, e.rir, s.session_started_at)
        };
        let mut before: Vec<_> = sets(&original).iter().map(key).collect();
        let mut after: Vec<_> = sets(&copy).iter().map(key).collect();
        before.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        after.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        assert_eq!(after, before, "{source:?}: the same sets, kinds, loads, reps and RIR");
    }
}

/// [`full_log`] with what the Strong and Hevy layouts find hard to carry: notes with commas,
/// quotes, semicolons, line breaks, a literal backslash-n and spaces around them, on several sets
/// of one exercise and on a ramp-up; a session note; a set in lb in a kg log; an exercise the
/// catalogue does not know; a session longer than 6 hours; an old session written after newer
/// ones; and (from `full_log`) a session still open, check-ins, a deload week and form broke.
fn noted_log() -> Store {
    use hardset::model::session::{SessionRecord, SetEntry};
    use hardset::model::units::{Load, Rir, Weight};
    let mut store = full_log();
    let mut seen = std::collections::HashMap::new();
    let notes = [
        "slow, \"paused\" reps; felt strong",
        "grip gave\nat rep 8",
        "  padded note  ",
        "typed C:\\new by hand",
        "set 2: looks numbered",
        "ends with a break\n",
    ];
    let mut next = notes.iter();
    for set in sets(&store) {
        // Notes on the first two sets of each exercise in a few sessions, ramp-ups included.
        let n = seen.entry((set.session_id, set.entry.exercise.clone())).or_insert(0);
        *n += 1;
        if *n <= 2
            && set.session_id % 4 == 1
            && let Some(note) = next.next()
        {
            let entry = SetEntry { note: (*note).to_string(), ..set.entry.clone() };
            store.update_set(set.id, &entry).expect("adds a note");
        }
    }
    let set = |exercise: &str, kg: i64, unit: Unit, reps: u16, rir: u8, note: &str| SetEntry {
        exercise: exercise.into(),
        kind: SetKind::Working,
        weight: Weight::new(Load::from_hundredths(kg * 100), unit),
        reps,
        rir: Rir::from_halves(rir),
        form_broke: false,
        note: note.into(),
        ..Default::default()
    };
    let long_day = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 30).single().expect("time");
    let old = Utc.with_ymd_and_hms(2026, 3, 2, 7, 15, 12).single().expect("time");
    let sessions = vec![
        SessionRecord {
            started_at: long_day,
            ended_at: Some(long_day + chrono::Duration::hours(7)),
            day_name: "Day 1: push and pull".into(),
            day_index: Some(0),
            sets: vec![
                (set("Lat pulldown", 60, Unit::Kg, 10, 2, ""), long_day),
                (
                    set("Lat pulldown", 135, Unit::Lb, 8, 1, "the other gym, in lb"),
                    long_day + chrono::Duration::hours(7),
                ),
            ],
            readiness: None,
            note: "two visits;\n\"morning\" and evening".into(),
        },
        SessionRecord {
            started_at: old,
            ended_at: Some(old + chrono::Duration::minutes(40)),
            day_name: "Garage; \"old\" days".into(),
            day_index: None,
            sets: vec![
                (set("Katana extension", 20, Unit::Kg, 12, 0, "burn, then; more"), old),
                (set("Katana extension", 20, Unit::Kg, 9, 0, ""), old + chrono::Duration::minutes(3)),
            ],
            readiness: None,
            note: String::new(),
        },
    ];
    store.import(&hardset::store::ImportBatch { sessions, ..Default::default() }, true, &mut |_| {}).expect("writes");
    store
}

#[test]
fn strong_and_hevy_exports_import_back_to_the_same_file() {
    for (format, name) in [(Format::Strong, "strong.csv"), (Format::Hevy, "workout_data.csv")] {
        let first = export_text(&noted_log(), format);
        assert!(first.contains("paused") && first.contains("Katana") && first.contains("morning"), "{first}");
        let (_dir, path) = file(name, &first);
        let mut copy = Store::in_memory().expect("store");
        import(&mut copy, &path, Options::default()).expect("imports");
        let second = export_text(&copy, format);
        if second != first {
            let (a, b): (Vec<&str>, Vec<&str>) = (first.lines().collect(), second.lines().collect());
            let at = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
            let near = |lines: &[&str]| lines.iter().skip(at).take(3).copied().collect::<Vec<_>>().join("\n  ");
            panic!(
                "{name}: export, import, export changed the file from line {}:\n  {}\nbecame\n  {}",
                at + 1,
                near(&a),
                near(&b)
            );
        }
        // And once more: a second round changes nothing either.
        let (_dir, path) = file(name, &second);
        let mut again = Store::in_memory().expect("store");
        import(&mut again, &path, Options::default()).expect("imports");
        assert_eq!(export_text(&again, format), first, "{name}: a second round trip");
    }
}

/// What the command line prints for a FitNotes export, and what `week` and `exercises` do with
/// an exercise the catalogue does not know.
struct CommandLine<'a> {
    sessions: u64,
    dates: &'a str,
    repaired: usize,
    /// The unknown exercise, its sets and muscle as the summary lists it.
    unknown: (&'a str, u64, &'a str),
    /// A week whose quads are that exercise's sets alone, and how many.
    week: (&'a str, f64),
    /// Another unknown exercise (mapped to a name that is no exercise).
    other: &'a str,
}

/// Runs the hardset binary on the log `db` with the config folder `config`.
fn hardset_on(db: &Path, config: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_hardset"))
        .arg("--db")
        .arg(db)
        .arg("--config")
        .arg(config)
        .args(args)
        .output()
        .expect("runs")
}

fn command_line_story(file: &Path, legacy: &Path, expected: &CommandLine<'_>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("log.db");
    let run = |args: &[&str]| hardset_on(&db, dir.path(), args);
    let (name, sets, muscle) = expected.unknown;
    let out = run(&["import", file.to_str().expect("utf-8 path")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("FitNotes export"), "{stdout}");
    assert!(stdout.contains(&format!("sessions: {} imported, 0 already in the log", expected.sessions)), "{stdout}");
    assert!(stdout.contains(&format!("dates:    {}", expected.dates)), "{stdout}");
    assert!(stdout.contains(&format!("repaired: {} rows", expected.repaired)), "{stdout}");
    assert!(stdout.contains(&format!("{name} ({sets} sets; {muscle})")), "{stdout}");
    let out = run(&["import", file.to_str().expect("utf-8 path")]);
    let again = format!("sessions: 0 imported, {} already in the log", expected.sessions);
    assert!(String::from_utf8_lossy(&out.stdout).contains(&again));

    // An exercise the catalogue does not know counts for the muscles its category named.
    let out = run(&["week", "--date", expected.week.0, "--json"]);
    let week: serde_json::Value = serde_json::from_slice(&out.stdout).expect("week json");
    let quads = week["muscles"].as_array().expect("muscles").iter().find(|m| m["muscle"] == "quads").cloned();
    assert_eq!(quads.map(|q| q["effective_sets"].clone()), Some(serde_json::json!(expected.week.1)), "{week}");

    // The unknown names can be filed under catalogue exercises later.
    let out = run(&["exercises"]);
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains(&format!("{name} ({sets} sets; {muscle}")), "{listed}");
    let out = run(&["exercises", "map", &name.to_lowercase(), "leg press"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("{sets} sets of \"{name}\" are now Leg press"));
    let listed = String::from_utf8_lossy(&run(&["exercises"]).stdout).to_string();
    assert!(!listed.contains(name), "{listed}");
    let out = run(&["exercises", "map", expected.other, "pushdwn"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not in the catalogue or your plan"));
    let out = run(&["import", legacy.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--unit kg or --unit lb"));
}

#[test]
fn the_command_line_prints_the_summary_and_the_unknown_exercises() {
    // The week of 12 May 2025: its quads are the two sets of the sled, an exercise of the file.
    let expected = CommandLine {
        sessions: 3,
        dates: "2025-05-05 to 2025-05-14",
        repaired: 9,
        unknown: ("Hack Squat Sled (Narrow, Feet High, Slow)", 5, "quads"),
        week: ("2025-05-14", 2.0),
        other: "Triceps Rope Overhead (Light)",
    };
    command_line_story(&fixture("fitnotes_kg.csv"), &fixture("strong_legacy_lb.csv"), &expected);
}

#[test]
fn real_fitnotes_export_on_the_command_line() {
    let test = "real_fitnotes_export_on_the_command_line";
    let Some(file) = real("fitnotes_export_kg_2025.csv", test) else { return };
    let Some(legacy) = real("strong_export_legacy_lb_2021-2022.csv", test) else { return };
    // That week's quads are the 5 sets of "Squat Machine (Each Side)" alone.
    let expected = CommandLine {
        sessions: 78,
        dates: "2025-04-29 to 2025-09-16",
        repaired: 99,
        unknown: ("Squat Machine (Each Side)", 28, "quads"),
        week: ("2025-05-21", 5.0),
        other: "Triceps Pushdown (Easy Cable)",
    };
    command_line_story(&file, &legacy, &expected);
}

/// Writes `text` to a file in a fresh folder.
fn file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("writes");
    (dir, path)
}

const FITNOTES_HEADER: &str = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n";

#[test]
fn a_fitnotes_day_exported_again_with_more_in_it_is_not_imported_twice() {
    let mut store = Store::in_memory().expect("store");
    let (_a, first) =
        file("a.csv", &format!("{FITNOTES_HEADER}2025-04-29,Flat Barbell Bench Press,Chest,60.0,kgs,8,,,\n"));
    import(&mut store, &first, Options::default()).expect("imports");
    let (_b, second) = file(
        "b.csv",
        &format!(
            "{FITNOTES_HEADER}2025-04-29,Flat Barbell Bench Press,Chest,60.0,kgs,8,,,\n2025-04-29,Barbell Curl,Biceps,30.0,kgs,10,,,\n"
        ),
    );
    let report = import(&mut store, &second, Options::default()).expect("imports");
    assert_eq!((report.counts.sessions_added, report.counts.sessions_present), (0, 1), "the day is the session");
    assert_eq!(report.counts.sessions_differing, 1);
    assert!(report.to_string().contains("differs:  1 session already in the log holds a different number of sets than the file; it was left as it is"), "{report}");
    assert_eq!(store.set_count().expect("counts"), 1, "the bench set is not in the log twice");
}

#[test]
fn a_file_naming_one_workout_twice_gives_one_session_with_every_set() {
    // Two Workout # with the same start and name, as a stitched export may have.
    let text = "\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";\"Exercise Name\";\"Set Order\";\"Weight (kg)\";\"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";\"Workout Notes\"
\"1\";\"2025-01-06 18:00:00\";\"Push\";\"3600\";\"Bench Press (Barbell)\";\"1\";\"80\";\"8\";\"\";\"\";\"\";\"\";\"\"
\"2\";\"2025-01-06 18:00:00\";\"Push\";\"3600\";\"Bench Press (Barbell)\";\"2\";\"80\";\"7\";\"\";\"\";\"\";\"\";\"\"
\"1\";\"2025-01-07 18:00:00\";\"Pull\";\"3600\";\"Deadlift (Barbell)\";\"1\";\"140\";\"5\";\"9\";\"\";\"\";\"\";\"\"
";
    let (_dir, path) = file("strong.csv", text);
    let mut store = Store::in_memory().expect("store");
    let report = import(&mut store, &path, Options::default()).expect("imports");
    assert_eq!((report.counts.sessions_added, report.counts.sessions_present), (2, 0), "{report}");
    assert_eq!(report.counts.working_added, 3);
    let sessions = store.all_sessions().expect("sessions");
    let push = sessions.iter().find(|s| s.day_name == "Push").expect("push");
    let pull = sessions.iter().find(|s| s.day_name == "Pull").expect("pull");
    let of =
        |id: i64| store.session_sets(id).expect("sets").iter().map(|s| s.entry.exercise.clone()).collect::<Vec<_>>();
    assert_eq!(of(push.id), ["Barbell bench press", "Barbell bench press"], "Workout # 1 reused for Pull stays apart");
    assert_eq!(of(pull.id), ["Deadlift"]);
    assert_eq!(
        store.session_sets(pull.id).expect("sets")[0].entry.rir.map(hardset::model::units::Rir::halves),
        Some(2),
        "RPE 9"
    );
}

#[test]
fn a_log_with_its_own_exercises_and_an_empty_deload_week_round_trips() {
    let this = "a_log_with_its_own_exercises_and_an_empty_deload_week_round_trips";
    for source in fixture_and_real("fitnotes_kg.csv", "fitnotes_export_kg_2025.csv", this) {
        for (format, name) in [(Format::Csv, "log.csv"), (Format::Json, "log.json")] {
            let mut original = Store::in_memory().expect("store");
            import(&mut original, &source, Options::default()).expect("imports");
            assert!(!original.custom_exercises().expect("custom").is_empty(), "the file has its own exercises");
            // A deload week with no session in it.
            original
                .start_deload(date(2025, 12, 1), hardset::model::session::DeloadStyle::Volume, common::evening())
                .expect("deload");
            let text = export_text(&original, format);
            let (_dir, path) = file(name, &text);
            let mut copy = Store::in_memory().expect("store");
            import(&mut copy, &path, Options::default()).expect("imports");
            let custom = |store: &Store| -> Vec<_> {
                store
                    .custom_exercises()
                    .expect("custom")
                    .into_iter()
                    .map(|c| (c.name, c.muscles, c.equipment))
                    .collect()
            };
            assert_eq!(custom(&copy), custom(&original), "{name}: the log's own exercises and their muscles");
            let weeks = |store: &Store| -> Vec<_> {
                store.deload_weeks().expect("weeks").into_iter().map(|w| (w.monday, w.style)).collect()
            };
            assert_eq!(weeks(&copy), weeks(&original), "{name}: the deload week with no session");
            assert_eq!(export_text(&copy, format), text, "{name}");
        }
    }
}

#[test]
fn hevy_files_keep_minutes_only_and_are_still_recognised() {
    let mut store = Store::in_memory().expect("store");
    let entry = hardset::model::session::SetEntry {
        exercise: "Lat pulldown".into(),
        kind: SetKind::Working,
        weight: hardset::model::units::Weight::new(hardset::model::units::Load::from_hundredths(6_000), Unit::Kg),
        reps: 10,
        rir: hardset::model::units::Rir::from_halves(2),
        form_broke: false,
        note: "slow".into(),
        ..Default::default()
    };
    let at = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 30).single().expect("time");
    let day = hardset::model::session::SessionFor::New { day_name: "Pull".into(), day_index: None };
    let session = store.log_set(&day, &entry, at, 120).expect("logs").session_id;
    let second = hardset::model::session::SetEntry { note: "grip gave".into(), reps: 8, ..entry };
    store.log_set(&hardset::model::session::SessionFor::Existing(session), &second, at, 120).expect("logs");
    let text = export_text(&store, Format::Hevy);
    assert!(text.contains("\"20 Nov 2026, 10:00\""), "{text}");
    let (_dir, path) = file("workout_data.csv", &text);
    let report = import(&mut store, &path, Options::default()).expect("imports");
    assert_eq!((report.counts.sessions_added, report.counts.sessions_present), (0, 1), "seconds dropped, same session");
    // Each set's note is numbered in the exercise's one note, and goes back on its own set.
    assert!(text.contains("\"set 1: slow; set 2: grip gave\""), "{text}");
    let mut fresh = Store::in_memory().expect("store");
    import(&mut fresh, &path, Options::default()).expect("imports");
    let notes: Vec<String> = sets(&fresh).into_iter().map(|s| s.entry.note).collect();
    assert_eq!(notes, ["slow", "grip gave"]);
}

#[test]
fn an_over_long_note_in_a_native_file_names_its_line() {
    let mut text = export_text(&full_log(), Format::Csv);
    text = text.replacen("pinchy", &"x".repeat(2100), 1);
    let line = text.lines().position(|l| l.contains("xxxx")).expect("edited") + 1;
    let (_dir, path) = file("log.csv", &text);
    let mut store = Store::in_memory().expect("store");
    let error = import(&mut store, &path, Options::default()).expect_err("too long").to_string();
    assert!(error.contains(&format!("line {line}: a note is longer than the 2000 characters")), "{error}");
    assert_eq!(store.set_count().expect("counts"), 0);
}

#[test]
fn a_fitnotes_row_that_no_repair_explains_says_so() {
    let (_dir, path) = file("fitnotes.csv", &format!("{FITNOTES_HEADER}2025-04-29,Squat,Legs,100.0,kgs,5,,,,\n"));
    let mut store = Store::in_memory().expect("store");
    let error = import(&mut store, &path, Options::default()).expect_err("refused").to_string();
    assert!(error.contains("line 2: the row has 10 fields where the header has 9"), "{error}");
}

#[test]
fn a_dry_run_creates_no_database() {
    let test = "a_dry_run_creates_no_database";
    let real = real("strong_export_semicolon_2025-09.csv", test).map(|p| (p, 10));
    for (file, sessions) in std::iter::once((fixture("strong_semicolon_kg.csv"), 3)).chain(real) {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("new.db");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_hardset"))
            .arg("--db")
            .arg(&db)
            .arg("--config")
            .arg(dir.path())
            .args(["import", "--dry-run"])
            .arg(&file)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(&format!("sessions: {sessions} would import")), "{stdout}");
        assert!(!db.exists(), "a dry run writes nothing, not even an empty log");
    }
}

/// What History and the exercise's trend show after importing a Hevy export: the week of its
/// last workout, the workout's own name, the squat's ramp-ups, and the squat's best set.
struct Shown<'a> {
    date: &'a str,
    week: &'a str,
    title: &'a str,
    ramp_ups: &'a str,
    best: &'a str,
}

fn history_after_import(path: &Path, shown: &Shown<'_>) {
    use ratatui::crossterm::event::KeyCode;
    let mut store = Store::in_memory().expect("store");
    import(&mut store, path, Options::default()).expect("imports");
    let mut d = common::driver_on(store, clock());
    // The check-in, then History, then the week of the last imported workout.
    common::press(&mut d, &[common::key(KeyCode::Esc), common::ch('2'), common::ch('g')]);
    common::type_text(&mut d, shown.date);
    common::press(&mut d, &[common::key(KeyCode::Enter)]);
    let text = common::screen(&d, 120, 40);
    assert!(text.contains(shown.week), "{text}");
    assert!(text.contains(shown.title), "the workout's own name: {text}");
    assert!(text.contains("Barbell back squat") && text.contains(shown.ramp_ups), "{text}");
    // The exercise's trend reaches back over the imported history.
    common::press(&mut d, &[common::ch('/')]);
    common::type_text(&mut d, "back squat");
    common::press(&mut d, &[common::key(KeyCode::Enter), common::ch('r'), common::ch('r')]);
    let text = common::screen(&d, 120, 40);
    assert!(text.contains("Barbell back squat: best e1RM per week, all time"), "{text}");
    assert!(text.contains(shown.best), "the best set, its RPE read as RIR: {text}");
}

#[test]
fn imported_history_shows_in_history_and_the_trend() {
    let shown = Shown {
        date: "2025-03-14",
        week: "Week of 10 Mar 2025",
        title: "Legs A / heavy",
        ramp_ups: "ramp-ups: 40kg x8 @4",
        best: "★ e1RM 120.0 kg: 100 kg x 5 @ 1",
    };
    history_after_import(&fixture("hevy_kg.csv"), &shown);
}

#[test]
fn real_hevy_export_shows_in_history_and_the_trend() {
    let Some(path) = real("hevy_export_kg_2024-2025.csv", "real_hevy_export_shows_in_history_and_the_trend") else {
        return;
    };
    let shown = Shown {
        date: "2025-09-15",
        week: "Week of 15 Sep 2025",
        title: "Lower // Ramp // Strength // 1",
        ramp_ups: "ramp-ups: 37.5kg x10 @4",
        best: "★ e1RM 105.9 kg: 77.5 kg x 10 @ 1",
    };
    history_after_import(&path, &shown);
}

/// Imports `file` with a plan whose own exercise names Hevy's "Katana Triceps Extension" as an
/// alias: its sets go under the plan's name, and the unknown count leaves it out.
fn plan_names_after_import(file: &Path, unknown: usize, katana_sets: u64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = r#"name = "Hevy week"
schedule = "rotation"
unit = "kg"

[[exercise]]
name = "Katana extension"
aliases = ["Katana Triceps Extension"]
primary = ["triceps"]
equipment = "cable"
failure_class = "safe"
load_step = { kg = 2.5, lb = 5.0 }
rest = "90s"

[[day]]
name = "Arms"

[[day.exercise]]
name = "Katana extension"
reps = "8-12"
"#;
    std::fs::write(dir.path().join("plan.toml"), plan).expect("writes");
    let db = dir.path().join("log.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hardset"))
        .arg("--db")
        .arg(&db)
        .arg("--config")
        .arg(dir.path())
        .arg("import")
        .arg(file)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(&format!("{unknown} exercises are not in the catalogue")), "{stdout}");
    assert!(!stdout.contains("Katana"), "the plan's own exercise knows Hevy's name: {stdout}");
    let store = Store::open(&db).expect("opens");
    let katana = store.logged_exercises().expect("names").into_iter().find(|(n, _)| n.contains("Katana"));
    assert_eq!(katana, Some(("Katana extension".to_string(), katana_sets)));
}

#[test]
fn an_import_maps_names_to_the_plans_own_exercises_too() {
    // Reverse Hyper (Band) and Hevy's own timed "Warm Up" are unknown.
    plan_names_after_import(&fixture("hevy_kg.csv"), 2, 3);
    if let Some(path) = real("hevy_export_kg_2024-2025.csv", "an_import_maps_names_to_the_plans_own_exercises_too") {
        // Seven, and the timed "Warm Up" now kept.
        plan_names_after_import(&path, 8, 92);
    }
}

#[test]
fn a_rest_day_marked_on_a_fitnotes_day_never_hides_that_days_training() {
    // A rest day marked done at local noon, the time FitNotes days are put at.
    let mut store = Store::in_memory().expect("store");
    let noon = clock().utc_of_local(date(2025, 4, 29).and_hms_opt(12, 0, 0).expect("noon"));
    store.mark_day_done("Rest day", None, noon).expect("marks the rest day");
    let (_dir, path) = file(
        "fitnotes.csv",
        &format!(
            "{FITNOTES_HEADER}2025-04-29,Flat Barbell Bench Press,Chest,60.0,kgs,8,,,\n2025-04-29,Barbell Curl,Biceps,30.0,kgs,10,,,\n"
        ),
    );
    let report = import(&mut store, &path, Options::default()).expect("imports");
    assert_eq!(
        (report.counts.sessions_added, report.counts.sessions_present),
        (1, 0),
        "the training day is not the rest day: {report}"
    );
    assert_eq!(store.set_count().expect("counts"), 2, "both sets are in the log");
    // The same file again: now the day is in the log, and nothing is added twice.
    let again = import(&mut store, &path, Options::default()).expect("imports");
    assert_eq!((again.counts.sessions_added, again.counts.sessions_present), (0, 1), "{again}");
    assert_eq!(store.set_count().expect("counts"), 2);
    assert_eq!(store.all_sessions().expect("sessions").len(), 2, "the rest day and the training day");
}

#[test]
fn a_fitnotes_day_is_recognised_by_what_it_holds_not_only_its_time() {
    // A session of the log's own at local noon that holds other exercises is another session.
    let mut store = Store::in_memory().expect("store");
    let (_a, first) = file("a.csv", &format!("{FITNOTES_HEADER}2025-04-29,Barbell Curl,Biceps,30.0,kgs,10,,,\n"));
    import(&mut store, &first, Options::default()).expect("imports");
    let (_b, other) =
        file("b.csv", &format!("{FITNOTES_HEADER}2025-04-29,Flat Barbell Bench Press,Chest,60.0,kgs,8,,,\n"));
    let report = import(&mut store, &other, Options::default()).expect("imports");
    assert_eq!((report.counts.sessions_added, report.counts.sessions_present), (1, 0), "{report}");
    assert_eq!(store.set_count().expect("counts"), 2);
}

const NATIVE_HEADER: &str = "session_start,session_end,plan_day,exercise,set_kind,weight,unit,reps,rir,logged_at\n";

#[test]
fn sets_a_native_file_names_by_an_alias_are_filed_under_the_catalogue_name() {
    let (_dir, path) = file(
        "native.csv",
        &format!(
            "{NATIVE_HEADER}2026-11-20T17:00:00Z,2026-11-20T18:00:00Z,Legs,Squat,working,100,kg,5,1,2026-11-20T17:20:00Z\n\
             2026-11-20T17:00:00Z,2026-11-20T18:00:00Z,Legs,barbell back squat,working,100,kg,4,0,2026-11-20T17:25:00Z\n"
        ),
    );
    let mut store = Store::in_memory().expect("store");
    let report = import(&mut store, &path, Options::default()).expect("imports");
    assert!(report.unknown.is_empty(), "an alias is not an unknown exercise: {report}");
    let names: Vec<String> = sets(&store).into_iter().map(|s| s.entry.exercise).collect();
    assert_eq!(names, ["Barbell back squat", "Barbell back squat"], "filed where `history Squat` looks");

    // hardset's JSON does the same, and keeps a name its own exercise list gives.
    let mut json = Store::in_memory().expect("store");
    let text = export_text(&store, Format::Json).replace("Barbell back squat", "Back squat");
    let (_j, path) = file("native.json", &text);
    import(&mut json, &path, Options::default()).expect("imports");
    let names: Vec<String> = sets(&json).into_iter().map(|s| s.entry.exercise).collect();
    assert_eq!(names, ["Barbell back squat", "Barbell back squat"]);
}

#[test]
fn an_imported_session_without_an_end_ends_at_its_last_set_and_never_takes_new_sets() {
    // Started half an hour before the test's clock, no session_end: it looks like a running
    // session, but it is history from a file.
    let (_dir, path) = file(
        "native.csv",
        &format!(
            "{NATIVE_HEADER}2026-11-29T17:30:00Z,,Push,Barbell bench press,working,80,kg,8,1,2026-11-29T17:40:00Z\n\
             2026-11-29T17:30:00Z,,Push,Barbell bench press,working,80,kg,7,0,2026-11-29T17:44:00Z\n"
        ),
    );
    let mut store = Store::in_memory().expect("store");
    import(&mut store, &path, Options::default()).expect("imports");
    let sessions = store.all_sessions().expect("sessions");
    assert_eq!(sessions.len(), 1);
    assert_eq!(
        sessions[0].ended_at,
        Some(Utc.with_ymd_and_hms(2026, 11, 29, 17, 44, 0).single().expect("time")),
        "ends at its last set"
    );
    let running = store.open_session(common::evening(), |_| false).expect("reads");
    assert_eq!(running, None, "the imported session is not the running one");
}

#[test]
fn sets_an_older_import_filed_under_an_alias_are_reported_and_can_be_filed_again() {
    // A log written before imports resolved aliases: its sets are under "Squat".
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("log.db");
    {
        let mut store = Store::open(&db).expect("opens");
        let entry = hardset::model::session::SetEntry {
            exercise: "Squat".into(),
            kind: SetKind::Working,
            weight: hardset::model::units::Weight::new(hardset::model::units::Load::from_hundredths(10_000), Unit::Kg),
            reps: 5,
            rir: Rir::from_halves(2),
            form_broke: false,
            note: String::new(),
            ..Default::default()
        };
        let day = hardset::model::session::SessionFor::New { day_name: "Legs".into(), day_index: None };
        store.log_set(&day, &entry, Utc.with_ymd_and_hms(2026, 11, 20, 17, 0, 0).unwrap(), 180).expect("logs");
    }
    let run = |args: &[&str]| hardset_on(&db, dir.path(), args);
    let listed = String::from_utf8_lossy(&run(&["exercises"]).stdout).to_string();
    assert!(listed.contains("Squat (1 set)") && listed.contains("Barbell back squat"), "{listed}");
    let out = run(&["exercises", "map", "Squat", "Barbell back squat"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let history = run(&["history", "Squat"]);
    let shown = String::from_utf8_lossy(&history.stdout);
    assert!(shown.contains("100 kg x 5"), "history finds the set once it is filed: {shown}");
    let listed = String::from_utf8_lossy(&run(&["exercises"]).stdout).to_string();
    assert!(!listed.contains("Squat ("), "{listed}");
}

//! Strong's rarer layouts: the `Weight Unit` layout (a unit on each row, bodyweight rows with
//! none), the 2015-2016 layout (the unit is the weight column's name), and the older layout in
//! the phone's language (French, German, Chinese, or one hardset does not know).
//!
//! Each is tested on a small file written by hand (`tests/fixtures/import`), and on the real
//! export when it is found (in `HARDSET_EXTERNAL_DATA`, or in `../shared/data/external` beside
//! the repository), its counts checked against the csv reader alone.

mod common;
#[path = "common/imports.rs"]
mod imports;

use common::{import_fixture as fixture, real_export as real};

use std::path::Path;

use hardset::import::{Options, Report, Source};
use hardset::model::units::Unit;
use hardset::store::Store;
use imports::{import, logged_sets as sets};

/// What the csv reader alone finds in a file: its data rows, its workouts (date and name), and
/// how many rows `pick` chooses (given a field by column name).
struct Counted {
    rows: u64,
    workouts: u64,
    picked: u64,
}

fn count(path: &Path, delimiter: u8, pick: impl Fn(&dyn Fn(&str) -> String) -> bool) -> Counted {
    count_in(path, delimiter, ("Date", "Workout Name"), pick)
}

/// `count`, for a header naming its date and workout columns `workout`.
fn count_in(
    path: &Path,
    delimiter: u8,
    workout: (&str, &str),
    pick: impl Fn(&dyn Fn(&str) -> String) -> bool,
) -> Counted {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_path(path).expect("opens");
    let header = reader.headers().expect("header").clone();
    let (mut rows, mut picked) = (0, 0);
    let mut workouts = std::collections::BTreeSet::new();
    for record in reader.records() {
        let record = record.expect("row");
        rows += 1;
        let field = |name: &str| {
            let index = header.iter().position(|h| h == name).expect("column");
            record.get(index).unwrap_or("").trim().to_string()
        };
        workouts.insert((field(workout.0), field(workout.1)));
        if pick(&field) {
            picked += 1;
        }
    }
    Counted { rows, workouts: workouts.len() as u64, picked }
}

fn summaries(store: &Store) -> Vec<String> {
    sets(store).iter().map(|s| format!("{}: {}", s.entry.exercise, s.entry.summary())).collect()
}

/// The `Weight Unit` layout: every row is a set (bodyweight rows with no weight and no unit
/// included), `--unit` is refused, each row keeps its own unit, and a second import adds
/// nothing. Returns the report and the store.
fn weight_unit_layout(path: &Path, delimiter: u8) -> (Report, Store) {
    let counted = count(path, delimiter, |field| field("Weight").is_empty() && field("Weight Unit").is_empty());
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, path, Options { unit: Some(Unit::Lb), ..Options::default() });
    assert!(refused.expect_err("each row names its unit").to_string().contains("leave --unit out"));
    let report = import(&mut store, path, Options::default()).expect("imports");
    assert_eq!(report.detected.source, Source::Strong);
    assert!(report.detected.variant.contains("a unit on every row"), "{}", report.detected.variant);
    assert_eq!(report.tally.rows, counted.rows);
    assert_eq!(report.counts.sessions_added, counted.workouts);
    assert_eq!(report.tally.skipped_rows(), 0, "{:?}", report.tally.skipped);
    assert_eq!(report.counts.working_added, counted.rows, "every row is a set");
    let all = sets(&store);
    let unloaded = all.iter().filter(|s| s.entry.weight.load.hundredths() == 0).count() as u64;
    assert!(unloaded >= counted.picked, "each row with no weight and no unit is a set on body weight");
    let again = import(&mut store, path, Options::default()).expect("imports again");
    assert_eq!((again.counts.sessions_added, again.counts.sessions_present), (0, counted.workouts));
    assert_eq!(store.set_count().expect("counts") as u64, counted.rows, "nothing twice");
    (report, store)
}

#[test]
fn strong_weight_unit_rows_with_no_weight_are_bodyweight_sets_and_each_row_keeps_its_unit() {
    // Comma-separated, no Workout Duration column; kg and lbs in one workout; bodyweight rows
    // with an empty Weight and Weight Unit (the first before any row names a unit); a ride in km.
    let path = fixture("strong_weight_unit_bodyweight.csv");
    let (_, store) = weight_unit_layout(&path, b',');
    assert_eq!(
        summaries(&store),
        [
            "Pull-up: BW x 8",
            "Pull-up: BW+10 kg x 6",
            "Deadlift: 225 lb x 5 @ 2",
            "Captain's chair knee raise: BW x 12",
            "Barbell back squat: 100 kg x 5",
            "Standing Calf Raise (Bodyweight): 15 reps",
            "Cycling: 6,500 m in 20:00",
        ]
    );
    // A row with no unit takes the unit of the row before it (kg before any row names one).
    let units: Vec<Unit> = sets(&store).iter().map(|s| s.entry.weight.unit).collect();
    assert_eq!(units, [Unit::Kg, Unit::Kg, Unit::Lb, Unit::Lb, Unit::Kg, Unit::Kg, Unit::Kg]);
}

#[test]
fn strong_weight_unit_row_with_a_weight_and_no_unit_is_refused_at_its_line() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("strong.csv");
    std::fs::write(
        &path,
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes\n\
         2023-06-01 07:30:00;Pull;Pull Up;1;;;8;;;;0;;\n\
         2023-06-01 07:30:00;Pull;Deadlift (Barbell);1;100;;5;;;;0;;\n",
    )
    .expect("writes");
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &path, Options::default()).expect_err("a weight with no unit");
    assert!(refused.to_string().contains("line 3: Weight Unit \"\" is not kg or lb"), "{refused}");
    assert_eq!(store.set_count().expect("counts"), 0, "a refused import writes nothing");
}

#[test]
fn real_strong_weight_unit_export_imports_its_bodyweight_rows() {
    let Some(path) = real("strong_rclayton-semicolon-lbs.csv", "real_strong_weight_unit_export") else { return };
    let (report, store) = weight_unit_layout(&path, b';');
    assert!(report.detected.variant.contains("semicolon-separated"), "{}", report.detected.variant);
    let all = sets(&store);
    assert!(all.iter().all(|s| s.entry.weight.unit == Unit::Lb), "a file all in lbs stays in lb, bodyweight rows too");
    // The six indoor rides in miles: 6.63 mi in 30 minutes.
    let rides: Vec<String> = all.iter().filter(|s| s.entry.timed_or_distance()).map(|s| s.entry.summary()).collect();
    assert_eq!(rides.len(), 6, "{rides:?}");
    assert!(rides.iter().any(|r| r == "10.67 km in 30:00"), "{rides:?}");
    // The workout lasted 2h 4m (Workout Duration).
    let first = &store.all_sessions().expect("sessions")[0];
    assert_eq!(first.ended_at.map(|e| (e - first.started_at).num_minutes()), Some(124));
}

/// A file with CRLF line ends (Strong's 2015-2016 layout, any file saved on Windows) names a bad
/// row by the line an editor shows, past blank lines too.
#[test]
fn a_bad_row_in_a_crlf_file_is_named_by_its_line() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("strong.csv");
    std::fs::write(
        &path,
        "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes\r\n\
         2016-03-07 19:30:55,\"A1\",\"Squat\",0,60.0,5,0.0,0,\"\"\r\n\
         \r\n\
         2016-03-07 19:30:55,\"A1\",\"Squat\",1,62.5,5,0.0,0,\"two\r\nlines\"\r\n\
         2016-13-07 19:30:55,\"A1\",\"Squat\",2,62.5,5,0.0,0,\"\"\r\n",
    )
    .expect("writes");
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &path, Options::default()).expect_err("a month 13");
    assert!(refused.to_string().contains("line 6: Date \"2016-13-07 19:30:55\""), "{refused}");
    assert_eq!(store.set_count().expect("counts"), 0, "a refused import writes nothing");
}

/// The 2015-2016 layout: its weight column is named `kg` or `lbs` and its distance column `km`
/// or `mi`; Set Order counts from 0; lines end in CRLF; no duration, RPE or workout notes.
fn layout_2016(path: &Path, unit: Unit) -> (Report, Store) {
    let counted = count(path, b',', |_| true);
    let mut store = Store::in_memory().expect("store");
    let other = if unit == Unit::Kg { Unit::Lb } else { Unit::Kg };
    let refused = import(&mut store, path, Options { unit: Some(other), ..Options::default() });
    assert!(refused.expect_err("the header names the unit").to_string().contains("leave --unit out"));
    let report = import(&mut store, path, Options::default()).expect("imports");
    assert_eq!(report.detected.source, Source::Strong);
    let expected = format!("2015-2016 layout, weights in {unit} from the header");
    assert!(report.detected.variant.contains(&expected), "{}", report.detected.variant);
    assert_eq!(report.tally.rows, counted.rows);
    assert_eq!(report.counts.sessions_added, counted.workouts);
    assert_eq!(report.counts.working_added, counted.rows, "every row is a set, Set Order 0 included");
    assert_eq!(report.tally.skipped_rows(), 0, "{:?}", report.tally.skipped);
    assert!(sets(&store).iter().all(|s| s.entry.weight.unit == unit));
    let again = import(&mut store, path, Options::default()).expect("imports again");
    assert_eq!(again.counts.sessions_added, 0, "nothing twice");
    (report, store)
}

#[test]
fn strong_2016_layout_takes_its_units_from_the_column_names() {
    let (_, store) = layout_2016(&fixture("strong_2016_kg_km.csv"), Unit::Kg);
    assert_eq!(
        summaries(&store),
        [
            "Barbell back squat: 60 kg x 5",
            "Barbell back squat: 62.5 kg x 5",
            "Pull Up (Neutral Grip): 10 reps",
            "Pull Up (Neutral Grip): 10 kg x 5",
            "Plank: 1:00",
            "Run: 2,500 m in 15:00",
            "Barbell bench press: 50 kg x 8",
        ]
    );
    assert!(sets(&store).iter().any(|s| s.entry.note == "added a plate"));
}

#[test]
fn strong_2016_layout_in_lbs_and_miles() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("strong.csv");
    std::fs::write(
        &path,
        "Date,Workout Name,Exercise Name,Set Order,lbs,Reps,mi,Seconds,Notes\r\n\
         2015-11-02 18:00:00,\"B\",\"Deadlift\",0,225.0,5,0.0,0,\"\"\r\n\
         2015-11-02 18:00:00,\"B\",\"Running\",0,0.0,0,1.0,600,\"\"\r\n",
    )
    .expect("writes");
    let (_, store) = layout_2016(&path, Unit::Lb);
    assert_eq!(summaries(&store), ["Deadlift: 225 lb x 5", "Run: 1,609.34 m in 10:00"]);
}

#[test]
fn real_strong_2016_export_takes_kg_and_km_from_its_header() {
    let Some(path) = real("strong_mlahoz-2016-kg-km.csv", "real_strong_2016_export") else { return };
    let (_, store) = layout_2016(&path, Unit::Kg);
    let timed = count(&path, b',', |field| field("Seconds").parse::<f64>().unwrap_or(0.0) > 0.0).picked;
    assert_eq!(sets(&store).iter().filter(|s| s.entry.timed_or_distance()).count() as u64, timed);
    assert!(summaries(&store).iter().any(|s| s == "Barbell back squat: 70 kg x 5"));
}

/// Strong's older layout with its header in another language: recognised with no `--from`, the
/// unit still asked for (`--unit`), the summary naming the language; every row a set or a
/// counted skip; a second import adds nothing.
fn in_language(path: &Path, language: &str, workout: (&str, &str), unit: Unit) -> (Report, Store) {
    let counted = count_in(path, b',', workout, |_| true);
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, path, Options::default()).expect_err("no unit in the file");
    assert!(refused.to_string().contains("--unit kg or --unit lb"), "{refused}");
    assert_eq!(store.set_count().expect("counts"), 0, "a refused import writes nothing");
    // A weight with the long decimals of a kg plate converted to lb says the unit is likely lb.
    let converted = count_in(path, b',', workout, |field| {
        let weight = field(workout_weight(language)).parse::<f64>().unwrap_or(0.0);
        (weight * 100.0 - (weight * 100.0).round()).abs() > 1e-3 && weight > 0.0
    })
    .picked;
    assert_eq!(refused.to_string().contains("likely lb: its weights such as"), converted > 0, "{refused}");
    let options = || Options { unit: Some(unit), ..Options::default() };
    let report = import(&mut store, path, options()).expect("imports");
    assert_eq!(report.detected.source, Source::Strong);
    let expected = format!("header in {language}; comma-separated older format");
    assert!(report.detected.variant.contains(&expected), "{}", report.detected.variant);
    assert_eq!(report.tally.rows, counted.rows);
    assert_eq!(report.counts.sessions_added, counted.workouts);
    assert_eq!(report.counts.working_added + report.tally.skipped_rows(), counted.rows);
    assert!(sets(&store).iter().all(|s| s.entry.weight.unit == unit));
    let again = import(&mut store, path, options()).expect("imports again");
    assert_eq!((again.counts.sessions_added, again.counts.sessions_present), (0, counted.workouts), "nothing twice");
    (report, store)
}

/// The weight column's name in `language`.
fn workout_weight(language: &str) -> &'static str {
    match language {
        "French" => "Poids",
        "German" => "Gewicht",
        _ => "重量",
    }
}

/// Each session's length in minutes, from its workout's duration.
fn minutes(store: &Store) -> Vec<i64> {
    let sessions = store.all_sessions().expect("sessions");
    let mut all: Vec<(chrono::DateTime<chrono::Utc>, i64)> =
        sessions.iter().map(|s| (s.started_at, s.ended_at.map_or(-1, |e| (e - s.started_at).num_minutes()))).collect();
    all.sort();
    all.into_iter().map(|(_, m)| m).collect()
}

#[test]
fn strong_in_french_reads_its_header_and_durations() {
    let path = fixture("strong_french.csv");
    let (report, store) = in_language(&path, "French", ("Date", "Nom de l'entraînement"), Unit::Kg);
    assert_eq!(report.tally.skipped_rows(), 0);
    assert_eq!(
        summaries(&store),
        [
            "Aerobics: 10:00",
            "Dumbbell bench press: 20 kg x 8",
            "Dumbbell bench press: 22.5 kg x 6 @ 1",
            "Barbell back squat: 80 kg x 5"
        ]
    );
    assert!(sets(&store).iter().any(|s| s.entry.note == "coudes serrés"));
    assert!(store.all_sessions().expect("sessions").iter().any(|s| s.note == "séance courte"));
    assert_eq!(minutes(&store), [35, 62], "35min and 1h 2min");
}

#[test]
fn strong_in_german_skips_its_rest_rows() {
    let path = fixture("strong_german.csv");
    let (report, store) = in_language(&path, "German", ("Datum", "Workout-Name"), Unit::Kg);
    assert_eq!(report.tally.skipped.get("rest timer rows (not sets)"), Some(&1), "Ruhezeit is a rest");
    assert_eq!(
        summaries(&store),
        ["Barbell bench press: 60 kg x 8", "Barbell bench press: 62.5 kg x 6", "Deadlift: 100 kg x 5 @ 2"]
    );
    assert!(sets(&store).iter().any(|s| s.entry.note == "Übung gut"));
    assert_eq!(minutes(&store), [62, 31], "1h 2min and 31min");
}

#[test]
fn strong_in_chinese_reads_its_durations_and_keeps_loads_to_the_hundredth() {
    let path = fixture("strong_chinese.csv");
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &path, Options::default()).expect_err("no unit in the file");
    assert!(
        refused
            .to_string()
            .contains("likely lb: its weights such as 44.09245243697551 are kg plates converted to lb, 20 kg"),
        "{refused}"
    );
    let (_, store) = in_language(&path, "Chinese", ("日期", "锻炼名称"), Unit::Lb);
    // 44.09245243697551 lb is a 20 kg plate, in lb.
    assert_eq!(
        summaries(&store),
        [
            "Barbell bench press: 44.09 lb x 5",
            "Barbell bench press: 66.14 lb x 5",
            "Plank: 45 s",
            "Deadlift: 110.23 lb x 5"
        ]
    );
    assert!(sets(&store).iter().any(|s| s.entry.note == "4x8"));
    assert_eq!(minutes(&store), [73, 58], "1小时13分钟 and 58分钟");
}

#[test]
fn strong_in_a_language_hardset_does_not_know_is_read_by_column_order_with_from() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("strong.csv");
    std::fs::write(
        &path,
        "Data,Allenamento,Durata,Esercizio,Ordine,Peso,Ripetizioni,Distanza,Secondi,Note,Note allenamento,RPE\n\
         2024-02-05 18:00:00,\"A\",45min,\"Squat (Barbell)\",1,90.0,5,0,0,\"\",\"\",\n",
    )
    .expect("writes");
    let mut store = Store::in_memory().expect("store");
    let unknown = import(&mut store, &path, Options { unit: Some(Unit::Kg), ..Options::default() });
    assert!(unknown.expect_err("not recognised").to_string().contains("say which with --from"));
    let options = Options { unit: Some(Unit::Kg), from: Some(Source::Strong), ..Options::default() };
    let report = import(&mut store, &path, options).expect("imports by column order");
    assert!(report.detected.variant.contains("read by the order of its columns"), "{}", report.detected.variant);
    assert_eq!(summaries(&store), ["Barbell back squat: 90 kg x 5"]);
    assert_eq!(minutes(&store), [45]);
}

#[test]
fn real_strong_in_french_imports_with_its_unit() {
    let Some(path) = real("strong_stronger-french.csv", "real_strong_french_export") else { return };
    let (report, store) = in_language(&path, "French", ("Date", "Nom de l'entraînement"), Unit::Kg);
    assert_eq!(report.tally.skipped_rows(), 0, "{:?}", report.tally.skipped);
    let timed = count_in(&path, b',', ("Date", "Nom de l'entraînement"), |field| {
        field("Secondes").parse::<f64>().unwrap_or(0.0) > 0.0
    })
    .picked;
    assert_eq!(sets(&store).iter().filter(|s| s.entry.timed_or_distance()).count() as u64, timed);
    assert!(minutes(&store).contains(&62), "1h 2min");
}

#[test]
fn real_strong_in_chinese_imports_with_its_unit() {
    let Some(path) = real("strong_dericmei-chinese.csv", "real_strong_chinese_export") else { return };
    let workout = ("日期", "锻炼名称");
    let (report, store) = in_language(&path, "Chinese", workout, Unit::Lb);
    let over = count_in(&path, b',', workout, |field| field("次").parse::<f64>().unwrap_or(0.0) > 200.0).picked;
    assert_eq!(report.tally.skipped_rows(), over, "{:?}", report.tally.skipped);
    let notes = count_in(&path, b',', workout, |field| !field("备注").is_empty()).picked;
    assert_eq!(sets(&store).iter().filter(|s| !s.entry.note.is_empty()).count() as u64, notes);
    assert!(summaries(&store).iter().any(|s| s.ends_with("44.09 lb x 5")));
    assert!(minutes(&store).contains(&73), "1小时13分钟");
}

//! The body weight log travels in hardset's own exports (CSV and JSON): export, import into a
//! new log and export again gives the same file, the same readings, and the same weighed
//! bodyweight sets (e1RM, records). Bad readings are refused with their line and column, and
//! older files without body weights import as they always did.

#[path = "common/coach.rs"]
mod coach;
mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use hardset::clock::FixedClock;
use hardset::import::{Options, Report, import_file};
use hardset::model::units::{Load, Unit, Weight};
use hardset::store::{BodyWeightReading, ImportBatch, Store};

fn clock() -> FixedClock {
    FixedClock::at(common::evening())
}

fn import(store: &mut Store, path: &Path) -> Result<Report, hardset::import::Failure> {
    import_file(store, path, &Options::default(), &common::catalogue(), &clock(), &mut |_, _, _| {})
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("date")
}

fn reading(m: u32, d: u32, hundredths: i64, unit: Unit) -> BodyWeightReading {
    BodyWeightReading { day: day(m, d), weight: Weight::new(Load::from_hundredths(hundredths), unit) }
}

/// A lifter who weighed in on a day without training (30 Oct), on a training day (2 Nov, 81.5
/// kg) and in lb on a later rest day, and did chin-ups with a belt and assisted on 2 and 9 Nov.
fn weighed_lifter() -> coach::Lifter {
    let lifter = coach::Lifter::new();
    lifter.ok(&["bodyweight", "80", "--unit", "kg", "--date", "2026-10-30"]);
    lifter.ok(&["log", "Chin-up", "BW+10x6@0", "BW-20x10@2", "--at", "2026-11-02 18:00"]);
    lifter.ok(&["bodyweight", "81.5", "--unit", "kg", "--date", "2026-11-02"]);
    lifter.ok(&["log", "Chin-up", "BW+12.5x5@0", "--at", "2026-11-09 18:00"]);
    lifter.ok(&["bodyweight", "180", "--unit", "lb", "--date", "2026-11-12"]);
    lifter
}

#[test]
fn body_weights_travel_with_a_native_export_and_weigh_the_same_sets() {
    let original = weighed_lifter();
    let history = original.ok(&["history", "Chin-up"]);
    // 81.5 + 10 = 91.5 kg x 6 @ 0 (Epley 109.8) beats 81.5 + 12.5 = 94 kg x 5 @ 0 (109.7): the
    // body weight of the set's own day counts.
    assert!(history.contains("Best e1RM: 109.8 kg (BW+10 kg x 6 @ 0 on Mon 2 Nov 2026)"), "{history}");
    let trend = original.ok(&["bodyweight", "--date", "2026-11-20"]);
    for format in ["csv", "json"] {
        let file = original.root().join(format!("log.{format}"));
        let path = file.to_str().expect("UTF-8");
        original.ok(&["export", "--format", format, "--out", path]);
        let text = std::fs::read_to_string(&file).expect("reads the export");
        if format == "csv" {
            assert!(text.contains("\n,,,,,,,,,,,,,,,,,,,,,,,,2026-10-30,80,kg\n"), "{text}");
            assert!(text.contains("\n,,,,,,,,,,,,,,,,,,,,,,,,2026-11-12,180,lb\n"), "{text}");
        } else {
            assert!(
                text.contains("\"day\": \"2026-11-02\",\n      \"weight\": 81.5,\n      \"unit\": \"kg\""),
                "{text}"
            );
        }
        let copy = coach::Lifter::new();
        let summary = copy.ok(&["import", path]);
        assert!(summary.contains("body weights: 3 imported, 0 already in the log"), "{format}: {summary}");
        assert_eq!(copy.ok(&["history", "Chin-up"]), history, "{format}: the same weighed sets, e1RM and records");
        assert_eq!(copy.ok(&["bodyweight", "--date", "2026-11-20"]), trend, "{format}: the same trend");
        let again = copy.root().join(format!("again.{format}"));
        copy.ok(&["export", "--format", format, "--out", again.to_str().expect("UTF-8")]);
        assert_eq!(std::fs::read_to_string(&again).expect("reads"), text, "{format}: export, import, export");
        // Twice is once.
        let summary = copy.ok(&["import", path]);
        assert!(summary.contains("body weights: 0 imported, 3 already in the log"), "{format}: {summary}");
        assert!(!summary.contains("differ from the file"), "{format}: {summary}");
        copy.ok(&["export", "--format", format, "--out", again.to_str().expect("UTF-8")]);
        assert_eq!(std::fs::read_to_string(&again).expect("reads"), text, "{format}: the second import added nothing");
    }
}

#[test]
fn a_day_the_log_has_weighed_already_keeps_the_logs_reading_and_the_summary_says_so() {
    let original = weighed_lifter();
    let file = original.root().join("log.csv");
    let path = file.to_str().expect("UTF-8");
    original.ok(&["export", "--out", path]);
    let lifter = coach::Lifter::new();
    lifter.ok(&["bodyweight", "83", "--unit", "kg", "--date", "2026-11-02"]);
    lifter.ok(&["bodyweight", "80", "--unit", "kg", "--date", "2026-10-30"]);
    let dry = lifter.ok(&["import", "--dry-run", path]);
    assert!(dry.contains("body weights: 1 would import, 2 already in the log"), "{dry}");
    let summary = lifter.ok(&["import", path]);
    assert!(summary.contains("body weights: 1 imported, 2 already in the log"), "{summary}");
    assert!(
        summary.contains("differs:  1 body weight already in the log differs from the file's; the log's was kept"),
        "only 2 Nov differs (30 Oct is the same 80 kg): {summary}"
    );
    let kept = lifter.ok(&["bodyweight", "--date", "2026-11-05"]);
    assert!(kept.starts_with("Body weight 83 kg (2 Nov 2026)"), "the log's reading is kept: {kept}");
    // The chin-ups of 2 Nov are weighed with the log's 83 kg: 93 x 6 @ 0, Epley 111.6.
    let history = lifter.ok(&["history", "Chin-up"]);
    assert!(history.contains("Best e1RM: 111.6 kg (BW+10 kg x 6 @ 0 on Mon 2 Nov 2026)"), "{history}");
}

/// Writes `text` as `name` in a fresh folder.
fn file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("writes");
    (dir, path)
}

const SESSION_ROW: &str = "2026-11-05T18:00:00Z,2026-11-05T19:00:00Z,Pull,Chin-up,working,10,kg,6,0,false,,\
     2026-11-05T18:05:00Z,,,,,,,bw+,,,,,,,,";

fn body_row(day: &str, weight: &str, unit: &str) -> String {
    format!("{}{day},{weight},{unit}", ",".repeat(24))
}

/// `path` is refused naming its path, `line` and `says`, and nothing is written.
fn refused(path: &Path, line: &str, says: &str) {
    let mut store = Store::in_memory().expect("store");
    store
        .set_body_weight(day(10, 1), Weight::new(Load::from_hundredths(7_900), Unit::Kg), common::evening())
        .expect("weighs");
    let message = import(&mut store, path).expect_err("refused").to_string();
    let shown = path.display().to_string();
    assert!(message.contains(&shown) && message.contains(line) && message.contains(says), "{says}: {message}");
    assert_eq!(store.set_count().expect("counts"), 0, "{says}: no set written");
    assert_eq!(store.all_body_weights().expect("reads").len(), 1, "{says}: no reading written");
}

#[test]
fn a_bad_reading_in_a_csv_is_refused_with_its_line_and_column_and_nothing_is_written() {
    let header = hardset::export::CSV_HEADER;
    for (bad, says) in [
        (body_row("2026-11-04", "0", "kg"), "body_weight \"0\" is not a body weight"),
        (body_row("2026-11-04", "-80", "kg"), "body_weight \"-80\" is not a body weight"),
        (body_row("2026-11-04", "1000.01", "kg"), "body_weight \"1000.01\""),
        (body_row("2026-11-04", "1001", "lb"), "body_weight \"1001\""),
        (body_row("2026-11-04", "eighty", "kg"), "body_weight \"eighty\""),
        (body_row("2026-11-04", "80.125", "kg"), "body_weight \"80.125\""),
        (body_row("2026-11-04", "", "kg"), "body_weight \"\""),
        (body_row("2026-02-30", "80", "kg"), "body_weight_day \"2026-02-30\" is not a date"),
        (body_row("04/11/2026", "80", "kg"), "body_weight_day \"04/11/2026\""),
        (body_row("", "80", "kg"), "body_weight_day \"\""),
        (body_row("2026-11-04", "80", "stone"), "body_weight_unit \"stone\" is not kg or lb"),
        (body_row("2026-11-04", "80", ""), "body_weight_unit \"\""),
        (
            format!("{},2026-11-04,80,kg", &SESSION_ROW[..SESSION_ROW.len() - 3]),
            "a body weight row holds only body_weight_day, body_weight and body_weight_unit",
        ),
        (
            ",,,,,,,,,,,,load,,,,,,,,,,,,2026-11-04,80,kg".to_string(),
            "a body weight row holds only body_weight_day, body_weight and body_weight_unit",
        ),
        (
            format!("{}\n{}", body_row("2026-11-04", "80", "kg"), body_row("2026-11-04", "81", "kg")),
            "the body weight of 2026-11-04 is given twice, 80 kg and 81 kg",
        ),
    ] {
        // A good reading and a session before the bad row: neither is written.
        let good = body_row("2026-11-01", "80", "kg");
        let line = if says.contains("twice") { "line 5" } else { "line 4" };
        let (_dir, path) = file("log.csv", &format!("{header}\n{SESSION_ROW}\n{good}\n{bad}\n"));
        refused(&path, line, says);
    }
}

#[test]
fn a_bad_reading_in_a_json_is_refused_with_its_line_and_column_and_nothing_is_written() {
    for (bad, says) in [
        (r#"{"day": "2026-11-04", "weight": 0, "unit": "kg"}"#, "weight 0 is not a body weight"),
        (r#"{"day": "2026-11-04", "weight": -80, "unit": "kg"}"#, "weight -80 is not a body weight"),
        (r#"{"day": "2026-11-04", "weight": 1000.5, "unit": "lb"}"#, "weight 1000.5 is not a body weight"),
        (r#"{"day": "2026-11-04", "weight": 80.125, "unit": "kg"}"#, "weight 80.125 is not a body weight"),
        (r#"{"day": "2026-11-31", "weight": 80, "unit": "kg"}"#, "day \"2026-11-31\" is not a date"),
        (r#"{"day": "2026-11-04", "weight": 80, "unit": "st"}"#, "unit \"st\" is not kg or lb"),
        (r#"{"day": "2026-11-04", "weight": "80", "unit": "kg"}"#, "invalid type"),
        (r#"{"day": "2026-11-04", "weight": 80}"#, "missing field `unit`"),
        (r#"{"day": "2026-11-04", "weight": 80, "unit": "kg", "fat": 12}"#, "unknown field `fat`"),
    ] {
        let text = format!(
            "{{\"sessions\": [{{\"session_start\": \"2026-11-05T18:00:00Z\", \"plan_day\": \"Pull\", \"sets\": [\
             {{\"exercise\": \"Chin-up\", \"set_kind\": \"working\", \"weight\": 10, \"unit\": \"kg\", \"reps\": 6, \
             \"basis\": \"bw+\", \"logged_at\": \"2026-11-05T18:05:00Z\"}}]}}],\n\"body_weights\": [\n{bad}]}}\n"
        );
        let (_dir, path) = file("log.json", &text);
        refused(&path, "line 3: column", says);
    }
    // A day given twice with two weights: the file contradicts itself.
    let twice = r#"{"sessions": [], "body_weights": [{"day": "2026-11-04", "weight": 80, "unit": "kg"},
        {"day": "2026-11-04", "weight": 176, "unit": "lb"}]}"#;
    let (_dir, path) = file("log.json", twice);
    refused(&path, ": ", "the body weight of 2026-11-04 is given twice, 80 kg and 176 lb");
}

#[test]
fn a_day_a_file_repeats_with_the_same_weight_is_one_reading() {
    let header = hardset::export::CSV_HEADER;
    let row = body_row("2026-11-04", "80.5", "kg");
    let (_dir, path) = file("log.csv", &format!("{header}\n{row}\n{row}\n"));
    let mut store = Store::in_memory().expect("store");
    let report = import(&mut store, &path).expect("imports");
    assert_eq!(report.counts.body_weights_added, 1);
    assert_eq!(store.all_body_weights().expect("reads"), [reading(11, 4, 8_050, Unit::Kg)]);
}

#[test]
fn an_older_native_file_without_body_weights_imports_as_before() {
    // The header before the body weight log, and a row of it (a session and a deload week).
    let header = hardset::export::CSV_HEADER.trim_end_matches(",body_weight_day,body_weight,body_weight_unit");
    assert_eq!(header.split(',').count(), 24, "{header}");
    let csv = format!("{header}\n{}\n,,,,,,,,,,,,load,,,,2026-11-16,,,,,,,\n", &SESSION_ROW[..SESSION_ROW.len() - 3]);
    let json = r#"{"sessions": [{"session_start": "2026-11-05T18:00:00Z", "plan_day": "Pull", "sets": [
        {"exercise": "Chin-up", "set_kind": "working", "weight": 10, "unit": "kg", "reps": 6, "basis": "bw+",
         "logged_at": "2026-11-05T18:05:00Z"}]}], "deload_weeks": [{"monday": "2026-11-16", "style": "load"}],
         "exercises": []}"#;
    for (name, text) in [("old.csv", csv.as_str()), ("old.json", json)] {
        let (_dir, path) = file(name, text);
        let mut store = Store::in_memory().expect("store");
        let report = import(&mut store, &path).expect("imports");
        assert_eq!((report.counts.sessions_added, report.counts.working_added), (1, 1), "{name}");
        assert_eq!(report.counts.body_weights_added + report.counts.body_weights_present, 0, "{name}");
        assert!(!report.to_string().contains("body weights"), "{name}: no body weight line: {report}");
        assert_eq!(store.deload_weeks().expect("weeks").len(), 1, "{name}");
        assert!(store.all_body_weights().expect("reads").is_empty(), "{name}");
    }
}

#[test]
fn other_apps_files_bring_no_body_weights() {
    // Hevy's file has pull-ups on body weight: their sets come in, no body weight does.
    for name in ["strong_semicolon_kg.csv", "hevy_kg.csv"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name);
        let mut store = Store::in_memory().expect("store");
        let report = import(&mut store, &path).expect("imports");
        assert!(report.counts.working_added > 0, "{name}");
        assert!(!report.to_string().contains("body weights"), "{name}: {report}");
        assert!(store.all_body_weights().expect("reads").is_empty(), "{name}");
    }
}

#[test]
fn an_import_batch_with_a_weight_the_log_cannot_hold_writes_nothing() {
    let mut store = Store::in_memory().expect("store");
    let batch = ImportBatch {
        body_weights: vec![reading(11, 1, 8_000, Unit::Kg), reading(11, 2, 0, Unit::Kg)],
        ..ImportBatch::default()
    };
    assert!(store.import(&batch, true, &mut |_| {}).is_err(), "a weight of 0 is refused");
    assert!(store.all_body_weights().expect("reads").is_empty(), "the good reading before it was not written");
    let batch = ImportBatch { body_weights: vec![reading(11, 1, 8_000, Unit::Kg)], ..ImportBatch::default() };
    let counts = store.import(&batch, false, &mut |_| {}).expect("dry run");
    assert_eq!(counts.body_weights_added, 1, "a dry run counts it");
    assert!(store.all_body_weights().expect("reads").is_empty(), "and writes nothing");
}

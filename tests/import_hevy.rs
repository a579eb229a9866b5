//! Hevy exports written in the phone's language: month names and abbreviations of every
//! language Hevy's app is offered in, with or without a trailing dot, read from the C library's
//! locale data. The fixture is written by hand; the real Spanish export is tested as well when
//! it is found (`HARDSET_EXTERNAL_DATA`, or `../shared/data/external` beside the repository).

mod common;
#[path = "common/imports.rs"]
mod imports;

use common::import_fixture as fixture;

use std::path::{Path, PathBuf};

use hardset::import::{Options, Report};
use hardset::store::Store;

fn import(store: &mut Store, path: &Path) -> Result<Report, hardset::import::Failure> {
    imports::import(store, path, Options::default())
}

fn starts(store: &Store) -> Vec<String> {
    store
        .all_sessions()
        .expect("sessions")
        .iter()
        .map(|s| format!("{} {}", s.started_at.format("%Y-%m-%d %H:%M"), s.day_name))
        .collect()
}

#[test]
fn hevy_dates_in_turkish_german_russian_polish_and_portuguese() {
    let mut store = Store::in_memory().expect("store");
    let report = import(&mut store, &fixture("hevy_months_languages.csv")).expect("imports");
    assert_eq!((report.counts.sessions_added, report.counts.working_added), (8, 8));
    assert_eq!(report.tally.skipped_rows(), 0);
    assert_eq!(
        starts(&store),
        [
            "2024-09-08 08:00 Pernas",
            "2024-10-20 18:00 Nogi",
            "2025-01-09 07:30 Beine",
            "2025-03-03 18:00 Beine",
            "2025-05-05 19:30 Ноги",
            "2025-08-14 17:00 Beine",
            "2025-10-02 06:15 Beine",
            "2026-04-11 13:05 Bacak",
        ],
        "set, paź, Jan., Mär, мая, Aug., Okt. and Nis"
    );
    // Read again, nothing is added.
    let again = import(&mut store, &fixture("hevy_months_languages.csv")).expect("imports");
    assert_eq!(again.counts.sessions_added, 0);
}

#[test]
fn a_month_no_language_has_is_refused_at_its_line() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("workout_data.csv");
    let text = std::fs::read_to_string(fixture("hevy_months_languages.csv")).expect("fixture");
    std::fs::write(&path, text.replace("14 Aug. 2025, 17:00", "14 Smarch 2025, 17:00")).expect("writes");
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &path).expect_err("no such month").to_string();
    assert!(refused.contains("line 4") && refused.contains("\"14 Smarch 2025, 17:00\" is not a date"), "{refused}");
    assert!(store.all_sessions().expect("sessions").is_empty(), "nothing is written");
}

#[test]
fn real_hevy_export_with_spanish_months() {
    let Some(path) = real("hevy_ghb72-spanish-months.csv") else { return };
    let mut reader = csv::Reader::from_path(&path).expect("opens");
    let rows = reader.records().count() as u64;
    let mut store = Store::in_memory().expect("store");
    let report = import(&mut store, &path).expect("imports");
    assert_eq!(report.tally.rows, rows);
    assert_eq!(report.tally.skipped_rows(), 0);
    assert_eq!(report.counts.working_added + report.counts.ramp_up_added, rows);
    assert_eq!((report.counts.sessions_added, report.counts.ramp_up_added), (229, 63));
    let first = starts(&store).into_iter().next().expect("sessions");
    assert!(first.starts_with("2022-12-25"), "{first}");
    assert!(starts(&store).iter().any(|s| s.starts_with("2024-05-17 15:05")), "17 may 2024, 15:05");
}

/// `hardset import --from APP FILE` in a fresh folder: its exit status and standard error.
fn import_from(app: &str, file: &Path) -> (bool, String) {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("log.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hardset"))
        .args(["--db", &db.display().to_string(), "import", "--from", app, &file.display().to_string()])
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("xdg-data"))
        .env("XDG_CONFIG_HOME", dir.path().join("xdg-config"))
        .env("HARDSET_CONFIG", dir.path().join("config.toml"))
        .env("TZ", "UTC")
        .output()
        .expect("runs");
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn another_apps_file_named_as_hevy_says_whose_header_it_is_before_asking_for_a_unit() {
    // Strong's older export names no unit: it was asked for before the header was looked at.
    let (ok, said) = import_from("hevy", &fixture("strong_legacy_lb.csv"));
    assert!(!ok);
    assert!(said.contains("line 1: this header is Strong's, not Hevy's"), "{said}");
    assert!(said.contains("without --from (or with --from strong)") && !said.contains("--unit"), "{said}");
    // And the other way round.
    let (ok, said) = import_from("strong", &fixture("hevy_kg.csv"));
    assert!(!ok && said.contains("this header is Hevy's, not Strong's"), "{said}");
    // A header no app is known by, named as Hevy's: no Hevy column, and no unit question.
    let dir = tempfile::tempdir().expect("dir");
    let other = dir.path().join("other.csv");
    std::fs::write(&other, "Day,Lift,Kilos,Times\n2025-01-02,Squat,100,5\n").expect("writes");
    let (ok, said) = import_from("hevy", &other);
    assert!(!ok && said.contains("line 1: this header is not Hevy's: it has no \"exercise_title\" column"), "{said}");
    assert!(!said.contains("--unit"), "{said}");
    // Hevy's own file named as Hevy's imports.
    let (ok, said) = import_from("hevy", &fixture("hevy_kg.csv"));
    assert!(ok, "{said}");
}

#[test]
fn real_hevy_export_keeps_loads_with_no_reps_as_missed_attempts() {
    let Some(path) = real("hevy_andyjwest-lbs-miles.csv") else { return };
    // Rows with a load and empty reps, and no time or distance, counted with the csv reader.
    let mut reader = csv::Reader::from_path(&path).expect("opens");
    let header = reader.headers().expect("header").clone();
    let at = |name: &str| header.iter().position(|h| h == name).expect("column");
    let (weight, reps, miles, seconds) = (at("weight_lbs"), at("reps"), at("distance_miles"), at("duration_seconds"));
    let value = |r: &csv::StringRecord, i: usize| r[i].parse::<f64>().unwrap_or(0.0);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    let no_reps = records
        .iter()
        .filter(|r| value(r, weight) != 0.0 && r[reps].is_empty() && value(r, miles) == 0.0 && value(r, seconds) == 0.0)
        .count() as u64;
    let mut store = Store::in_memory().expect("store");
    let report = import(&mut store, &path).expect("imports");
    assert_eq!(report.tally.missed, no_reps);
    assert_eq!(no_reps, 150);
    assert_eq!(report.tally.skipped_rows(), 0, "{:?}", report.tally.skipped);
    assert_eq!(report.counts.working_added + report.counts.ramp_up_added, records.len() as u64);
}

/// The real export `name`, when it is found.
fn real(name: &str) -> Option<PathBuf> {
    common::real_export(name, "a test")
}

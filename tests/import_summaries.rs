//! Every import fixture, and every real export found beside the repository, imports with no
//! refusal, and the summary's first line names the app, the layout, the language when it is not
//! English, and where the unit came from (the header, each row, `--unit`, or the loads
//! themselves). A file added to either folder must be added here.

mod common;
#[path = "common/imports.rs"]
mod imports;

use std::path::Path;

use hardset::import::Options;
use hardset::model::units::Unit;
use hardset::store::Store;

/// A file, the unit it must be told (`None` when it says), and what its summary's first line
/// must say.
type Expected = (&'static str, Option<Unit>, &'static str);

const FIXTURES: [Expected; 23] = [
    ("README.md", None, ""),
    ("fitbod_lb.csv", None, "Fitbod export (weights in kg from the header; 6 rows are pound loads"),
    ("fitnotes_comment.csv", None, "FitNotes export (a unit on every row, in its Weight Unit column, each Comment"),
    ("fitnotes_kg.csv", None, "FitNotes export (a unit on every row, in its Weight Unit column)"),
    ("fitnotes_lbs_cardio.csv", None, "FitNotes export (weights in lb from the header)"),
    ("fitnotes_weight_kgs.csv", None, "FitNotes export (weights in kg from the header)"),
    ("hevy_kg.csv", None, "Hevy export (weights in kg from the header; dates in English)"),
    ("hevy_lbs_months.csv", None, "Hevy export (weights in lb from the header; dates with month names in the phone's"),
    ("hevy_missed.csv", None, "Hevy export (weights in kg from the header; dates in English)"),
    ("hevy_months_languages.csv", None, "(\"Nis\" read as Apr)"),
    ("hevy_supersets.csv", None, "Hevy export (weights in kg"),
    ("hevy_techniques.csv", None, "Hevy export (weights in kg"),
    ("liftosaur.csv", None, "Liftosaur export (a unit on every row, times in UTC)"),
    ("strong_2016_kg_km.csv", None, "Strong export (comma-separated 2015-2016 layout, weights in kg from the header)"),
    ("strong_chinese.csv", Some(Unit::Lb), "Strong export (header in Chinese; comma-separated older format"),
    ("strong_french.csv", Some(Unit::Kg), "Strong export (header in French; comma-separated older format"),
    ("strong_german.csv", Some(Unit::Kg), "Strong export (header in German; comma-separated older format"),
    ("strong_legacy_lb.csv", Some(Unit::Lb), "no unit column, weights in lb from --unit)"),
    ("strong_missed.csv", None, "Strong export (numbered layout, semicolon-separated, weights in kg from the header)"),
    ("strong_numbered_techniques.csv", None, "Strong export (numbered layout, semicolon-separated"),
    ("strong_semicolon_kg.csv", None, "Strong export (numbered layout, semicolon-separated, weights in kg"),
    ("strong_weight_unit.csv", None, "Strong export (semicolon-separated, a unit on every row)"),
    ("strong_weight_unit_bodyweight.csv", None, "Strong export (comma-separated, a unit on every row)"),
];

const REAL: [Expected; 14] = [
    ("fitbod_joecummings.csv", None, "Fitbod export (weights in kg from the header; 1477 rows are pound loads"),
    ("fitnotes_export_kg_2025.csv", None, "FitNotes export (a unit on every row, in its Weight Unit column)"),
    ("fitnotes_frefdt-unit-comment.csv", None, "each Comment as its set's note"),
    ("hevy_andyjwest-lbs-miles.csv", None, "Hevy export (weights in lb from the header; dates in English)"),
    ("hevy_export_kg_2024-2025.csv", None, "Hevy export (weights in kg from the header; dates in English)"),
    ("hevy_ghb72-spanish-months.csv", None, "dates with month names in the phone's language (\"abr\" read as Apr)"),
    ("liftosaur_heber.csv", None, "Liftosaur export (a unit on every row, times in UTC)"),
    ("strong_dericmei-chinese.csv", Some(Unit::Lb), "Strong export (header in Chinese;"),
    (
        "strong_export_legacy_lb_2021-2022.csv",
        Some(Unit::Lb),
        "older format with no unit column, weights in lb from --unit",
    ),
    ("strong_export_semicolon_2025-09.csv", None, "Strong export (numbered layout, semicolon-separated, weights in kg"),
    ("strong_mlahoz-2016-kg-km.csv", None, "Strong export (comma-separated 2015-2016 layout, weights in kg"),
    ("strong_powerme-numbered.csv", None, "Strong export (numbered layout, semicolon-separated, weights in kg"),
    ("strong_rclayton-semicolon-lbs.csv", None, "Strong export (semicolon-separated, a unit on every row)"),
    ("strong_stronger-french.csv", Some(Unit::Kg), "Strong export (header in French;"),
];

/// Every file of `dir` is in `table`, and each that is an export imports (once, then again
/// adding nothing), its summary's first line saying what the table says.
fn check_folder(dir: &Path, table: &[Expected]) {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let listed: Vec<String> = table.iter().map(|(name, ..)| (*name).to_string()).collect();
    assert_eq!(names, listed, "every file of {} has its line here", dir.display());
    for &(name, unit, says) in table.iter().filter(|(name, ..)| *name != "README.md") {
        let path = dir.join(name);
        if unit.is_some() {
            let mut store = Store::in_memory().expect("store");
            let refused = imports::import(&mut store, &path, Options::default()).expect_err("asks for the unit");
            assert!(refused.to_string().contains("--unit kg or --unit lb"), "{name}: {refused}");
        }
        let (report, _) = imports::import_twice(&path, Options { unit, ..Options::default() });
        let first = report.to_string().lines().next().expect("a first line").to_string();
        assert!(first.contains(says), "{name}: {first}");
        assert!(report.counts.working_added + report.counts.ramp_up_added > 0, "{name}: sets came in");
    }
}

#[test]
fn every_import_fixture_imports_and_says_what_it_read() {
    check_folder(&common::import_fixture(""), &FIXTURES);
}

#[test]
fn every_real_export_imports_and_says_what_it_read() {
    let Some(fitbod) = common::real_export(REAL[0].0, "every_real_export_imports") else { return };
    check_folder(fitbod.parent().expect("the folder"), &with_readme(&REAL));
}

/// The real exports' folder also holds its README.
fn with_readme(table: &[Expected]) -> Vec<Expected> {
    let mut all = table.to_vec();
    all.insert(0, ("README.md", None, ""));
    all
}

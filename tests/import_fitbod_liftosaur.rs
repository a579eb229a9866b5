//! Fitbod's `WorkoutExport.csv` and Liftosaur's history CSV, the flat files lifters leave those
//! apps with. Each is tested on a small file written by hand (`tests/fixtures/import`), and on
//! the real export when it is found (in `HARDSET_EXTERNAL_DATA`, or in
//! `../shared/data/external` beside the repository), its counts and loads checked against the
//! csv reader alone.

mod common;
#[path = "common/imports.rs"]
mod imports;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::{import_fixture as fixture, real_export as real};
use hardset::import::{Options, Source};
use hardset::model::session::{LoggedSet, SetKind};
use hardset::model::units::Unit;
use hardset::store::Store;
use imports::{import, import_twice, logged_sets as sets};

/// Each set as `exercise: summary` with its kind when it is not a working set.
fn summaries(store: &Store) -> Vec<String> {
    sets(store)
        .iter()
        .map(|s| {
            let kind = if s.entry.kind == SetKind::RampUp { " (ramp-up)" } else { "" };
            format!("{}: {}{kind}", s.entry.exercise, s.entry.summary())
        })
        .collect()
}

/// A set's load as the log keeps it: (unit, hundredths, reps, ramp-up).
fn load_of(set: &LoggedSet) -> (Unit, i64, u16, bool) {
    let e = &set.entry;
    (e.weight.unit, e.weight.load.hundredths(), e.reps, e.kind == SetKind::RampUp)
}

#[test]
fn a_fitbod_export_brings_pound_loads_back_in_pounds_oldest_workout_first() {
    let path = fixture("fitbod_lb.csv");
    let (report, store) = import_twice(&path, Options::default());
    assert_eq!(report.detected.source, Source::Fitbod, "recognised by its header");
    let variant = &report.detected.variant;
    assert!(variant.contains("6 rows are pound loads"), "{variant}");
    assert!(variant.contains("22.67964547178199 kg is 50 lb"), "{variant}");
    assert_eq!(report.tally.rows, 13, "the blank line is no row");
    // The workout whose one row holds nothing is no session, its row counted as skipped.
    assert_eq!(report.counts.sessions_added, 2);
    assert_eq!((report.counts.working_added, report.counts.ramp_up_added), (11, 1));
    assert_eq!(report.tally.skipped_rows(), 1);
    assert!(report.to_string().contains("already in the log, 1 row skipped"), "{report}");
    assert_eq!(report.tally.missed, 1, "55 lb x 0 is a missed attempt");
    let expected = [
        // 10 March, written last in the file: kg loads typed in kg stay kg.
        "Lat pulldown: 40 kg x 12",
        "Lat pulldown: 42.5 kg x 10",
        "Push-up: BW x 20",
        "Pallof Press: 12.9 kg x 12",
        // 12 March: every load is a pound load Fitbod wrote in kg.
        "Dumbbell bench press: 50 lb x 10",
        "Dumbbell bench press: 55 lb x 8",
        "Dumbbell bench press: 55 lb x 0 (missed)",
        "Barbell back squat: 135 lb x 5 (ramp-up)",
        "Barbell back squat: 315 lb x 5",
        "Dumbbell curl: 22.5 lb x 12",
        "Plank: 45 s",
        "Walk: 1,101.39 m in 20:29",
    ];
    assert_eq!(summaries(&store), expected);
    let all = sets(&store);
    assert_eq!(all[0].session_started_at.to_rfc3339(), "2024-03-10T07:02:11+00:00", "the +0000 is read");
    let notes: Vec<&str> = all.iter().map(|s| s.entry.note.as_str()).filter(|n| !n.is_empty()).collect();
    // The escape and the bell are taken out of the note; the machine's incline becomes one.
    assert_eq!(notes, ["[31mred", "left shoulder tight, stopped", "incline 2.5"]);
}

#[test]
fn fitbod_refuses_a_unit_flag_and_another_apps_name_without_writing() {
    let path = fixture("fitbod_lb.csv");
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &path, Options { unit: Some(Unit::Kg), ..Options::default() })
        .expect_err("the header and the loads say the unit");
    assert!(refused.to_string().contains("leave --unit out"), "{refused}");
    let refused = import(&mut store, &path, Options { from: Some(Source::Hevy), ..Options::default() })
        .expect_err("not a Hevy file");
    assert!(refused.to_string().contains("this header is Fitbod's, not Hevy's"), "{refused}");
    assert_eq!(store.set_count().expect("counts"), 0, "nothing written");
}

/// A Fitbod note with a comma it did not quote comes in whole, told; a header with no unit asks
/// for `--unit` rather than guessing kg; a refusal quotes the row's text as written.
#[test]
fn fitbod_edges_an_unquoted_note_a_header_with_no_unit_and_a_bad_warm_up_flag() {
    let dir = tempfile::tempdir().expect("dir");
    let header = "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier";
    let path = dir.path().join("fitbod.csv");
    std::fs::write(
        &path,
        format!(
            "{header}\n2022-01-05 22:06:49 +0000,Squat, 5,100.0,0,0,0,0,false,tight hips, stopped early,1\n\
             2022-01-05 22:06:49 +0000,Squat, 5,100.0,0,0,0,0,false,fine,1\n"
        ),
    )
    .expect("writes");
    let (report, store) = import_twice(&path, Options::default());
    let notes: Vec<String> = sets(&store).iter().map(|s| s.entry.note.clone()).collect();
    assert_eq!(notes, ["tight hips, stopped early", "fine"]);
    assert!(report.to_string().contains("repaired: 1 row whose note held an unquoted comma (line 2)"), "{report}");

    let no_unit = dir.path().join("no_unit.csv");
    std::fs::write(&no_unit, "Date,Exercise,Reps,Weight,isWarmup,Note\n2022-01-05 22:06:49 +0000,Squat,5,225,false,\n")
        .expect("writes");
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &no_unit, Options::default()).expect_err("kg or lb?");
    assert!(refused.to_string().contains("--unit kg or --unit lb"), "{refused}");
    let report = import(&mut store, &no_unit, Options { unit: Some(Unit::Lb), ..Options::default() }).expect("imports");
    assert!(report.detected.variant.contains("weights in lb from --unit"), "{}", report.detected.variant);
    assert_eq!(summaries(&store), ["Barbell back squat: 225 lb x 5"]);

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, format!("{header}\n2022-01-05 22:06:49 +0000,Squat, 5,100.0,0,0,0,0,Maybe,,1\n"))
        .expect("writes");
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &bad, Options::default()).expect_err("not a flag");
    assert!(refused.to_string().contains("line 2: isWarmup \"Maybe\" is not true or false"), "{refused}");
}

/// Liftosaur quotes every field that needs it: a row with more fields than the header is refused
/// at its line rather than read with its columns shifted. `TRUE` is a warm-up as `true` is; a
/// program and day whose names together are too long name the session by the day.
#[test]
fn liftosaur_edges_an_extra_field_a_warm_up_in_capitals_and_a_long_program_name() {
    let dir = tempfile::tempdir().expect("dir");
    let header = "Workout DateTime,Program,Day Name,Exercise,Is Warmup Set?,Completed Reps,Completed Weight Value,Completed Weight Unit,Notes";
    let program = "P".repeat(197);
    let path = dir.path().join("liftosaur.csv");
    std::fs::write(
        &path,
        format!(
            "{header}\n2026-05-20T17:00:12.345Z,{program},Day 1,Squat,TRUE,5,60,kg,\n\
             2026-05-20T17:00:12.345Z,{program},Day 1,Squat,0,5,100,kg,\n"
        ),
    )
    .expect("writes");
    let (report, store) = import_twice(&path, Options::default());
    assert_eq!((report.counts.working_added, report.counts.ramp_up_added), (1, 1));
    assert_eq!(store.all_sessions().expect("sessions")[0].day_name, "Day 1");

    let shifted = dir.path().join("shifted.csv");
    std::fs::write(
        &shifted,
        format!("{header}\n2026-05-20T17:00:12.345Z,GZCLP,Day 1,Squat,0,5,100,kg,slow, then fast\n"),
    )
    .expect("writes");
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &shifted, Options::default()).expect_err("a field too many");
    assert!(refused.to_string().contains("line 2: the row has 10 fields where the header has 9"), "{refused}");
    assert_eq!(store.set_count().expect("counts"), 0);
}

/// chrono reads a year of any length (`+262142`): such a date is refused at its row, before
/// spreading a workout's sets past the calendar's end could crash the import.
#[test]
fn a_date_in_a_year_no_log_holds_is_refused_at_its_row() {
    let dir = tempfile::tempdir().expect("dir");
    for (app, text) in [
        (
            "fitbod",
            "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier\n\
             2022-01-05 22:06:49 +0000,Squat, 5,100.0,0,0,0,0,false,,1\n\
             +262142-12-31 23:59:00 +0000,Squat, 5,100.0,0,0,0,0,false,,1\n\
             +262142-12-31 23:59:00 +0000,Squat, 5,100.0,0,0,0,0,false,,1\n",
        ),
        (
            "liftosaur",
            "Workout DateTime,Exercise,Is Warmup Set?,Completed Reps,Completed Weight Value,Completed Weight Unit\n\
             2026-05-20T17:00:12.345Z,Squat,0,5,100,kg\n\
             +262142-12-31T23:59:00Z,Squat,0,5,100,kg\n\
             +262142-12-31T23:59:00Z,Squat,0,5,100,kg\n",
        ),
    ] {
        let path = dir.path().join(format!("{app}.csv"));
        std::fs::write(&path, text).expect("writes");
        let mut store = Store::in_memory().expect("store");
        let refused = import(&mut store, &path, Options::default()).expect_err("a year past 9999");
        assert!(refused.to_string().contains("line 3: "), "{app}: {refused}");
        assert!(refused.to_string().contains("+262142-12-31"), "{app}: {refused}");
        assert_eq!(store.set_count().expect("counts"), 0, "{app}: nothing written");
    }
}

#[test]
fn a_liftosaur_export_brings_what_was_done_and_leaves_the_plan_out() {
    let path = fixture("liftosaur.csv");
    let (report, store) = import_twice(&path, Options::default());
    assert_eq!(report.detected.source, Source::Liftosaur);
    assert_eq!(report.tally.rows, 14);
    // The workout with nothing done is no session.
    assert_eq!(report.counts.sessions_added, 3);
    assert_eq!((report.counts.working_added, report.counts.ramp_up_added), (10, 1));
    assert_eq!(report.tally.skipped.get("planned sets never done (no completed reps)"), Some(&3));
    assert_eq!(report.tally.missed, 1);
    let expected = [
        "Dumbbell bench press: 27.5 kg x 10",
        "Dumbbell bench press: 27.5 kg x 8",
        "Romanian deadlift: 100 kg x 8 @ 0",
        "Romanian deadlift: 100 kg x 8",
        // The done warm-up at its planned weight (the completed weight left empty).
        "Dumbbell bench press: 15 kg x 8 (ramp-up)",
        "Dumbbell bench press: 30 kg x 10 @ 2",
        "Dumbbell bench press: 32.5 kg x 9",
        "Pull-up: BW x 6",
        // A row in lb keeps it, its planned 0 lb aside.
        "Pec deck: 90 lb x 12",
        "Pec deck: 100 lb x 0 (missed)",
        "Schulterdrücken am Kabel: 10 kg x 12",
    ];
    assert_eq!(summaries(&store), expected);
    let sessions = store.all_sessions().expect("sessions");
    let names: Vec<&str> = sessions.iter().map(|s| s.day_name.as_str()).collect();
    assert_eq!(
        names,
        ["Upper Lower · Tag 2: Oberkörper", "Upper Lower · Tag 1: Unterkörper", "Upper Lower · Tag 2: Oberkörper"]
    );
    // The workout opened on Monday the 11th and lifted on Wednesday the 13th is Wednesday's,
    // and the summary says so.
    assert_eq!(sessions[0].started_at.format("%a %d %H:%M:%S").to_string(), "Wed 13 05:43:10");
    assert!(
        report
            .to_string()
            .contains("1 workout starts at its first set: its own time was more than 6 hours from every set"),
        "{report}"
    );
    // One of a kind is said in the singular.
    assert!(
        report.to_string().contains("missed:   1 row of a load with 0 reps or none is a missed attempt"),
        "{report}"
    );
    let all = sets(&store);
    let times: Vec<String> = all.iter().map(|s| s.logged_at.format("%d %H:%M:%S").to_string()).collect();
    // Each set at its own time; one logged the next day takes the set before it's, as does one
    // with none.
    assert_eq!(
        times,
        [
            "13 05:43:10",
            "13 05:47:40",
            "18 06:40:00",
            "18 06:40:00",
            "20 17:03:00",
            "20 17:08:30",
            "20 17:11:02",
            "20 17:15:40",
            "20 17:20:00",
            "20 17:23:00",
            "20 17:23:00"
        ]
    );
    // The exercise's note, written on each of its rows, comes in once.
    let notes: Vec<(&str, &str)> = all
        .iter()
        .filter(|s| !s.entry.note.is_empty())
        .map(|s| (s.entry.exercise.as_str(), s.entry.note.as_str()))
        .collect();
    assert_eq!(notes, [("Dumbbell bench press", "Ellbogen, langsam")]);
    let unknown: Vec<(String, Vec<&str>)> =
        report.unknown.iter().map(|u| (u.name.clone(), u.muscles.iter().map(|m| m.name()).collect())).collect();
    assert_eq!(unknown, [("Schulterdrücken am Kabel".to_string(), vec!["side delts", "front delts"])]);
}

#[test]
fn liftosaur_refuses_a_unit_flag() {
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &fixture("liftosaur.csv"), Options { unit: Some(Unit::Lb), ..Options::default() })
        .expect_err("each row names its unit");
    assert!(refused.to_string().contains("leave --unit out"), "{refused}");
    assert_eq!(store.set_count().expect("counts"), 0);
}

/// A row of a csv file as a map from its header's names to its trimmed fields.
fn records(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::ReaderBuilder::new().from_path(path).expect("opens");
    let header = reader.headers().expect("header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            header.iter().zip(r.iter()).map(|(h, f)| (h.to_string(), f.trim().to_string())).collect()
        })
        .collect()
}

fn hundredths(text: &str) -> i64 {
    if text.is_empty() { 0 } else { (text.parse::<f64>().expect("a number").abs() * 100.0).round() as i64 }
}

#[test]
fn the_real_fitbod_export_imports_whole_every_load_as_the_lifter_loaded_it() {
    let Some(path) = real("fitbod_joecummings.csv", "the_real_fitbod_export") else { return };
    let rows = records(&path);
    // What the csv reader alone says each row is: Fitbod's own 2.20462 lb to the kg taken back
    // to the quarter pound when the kg has long decimals.
    let mut expected: Vec<(Unit, i64, u16, bool)> = rows
        .iter()
        .map(|r| {
            let kg: f64 = r["Weight(kg)"].parse().expect("a weight");
            let quarters = kg * 2.204_62 * 4.0;
            let long = ((kg * 100.0) - (kg * 100.0).round()).abs() > 1e-6;
            let (unit, load) = if long && (quarters - quarters.round()).abs() < 1e-6 {
                (Unit::Lb, (quarters.round() * 25.0) as i64)
            } else {
                (Unit::Kg, hundredths(&r["Weight(kg)"]))
            };
            (unit, load, r["Reps"].parse().expect("reps"), r["isWarmup"] == "true")
        })
        .collect();
    let workouts: BTreeSet<&str> = rows.iter().map(|r| r["Date"].as_str()).collect();
    let (report, store) = import_twice(&path, Options::default());
    assert_eq!(report.tally.rows, rows.len() as u64);
    assert_eq!(report.tally.skipped_rows(), 0, "every row holds reps, a load, a time or a distance");
    assert_eq!(report.counts.sessions_added, workouts.len() as u64);
    let warm_ups = rows.iter().filter(|r| r["isWarmup"] == "true").count() as u64;
    assert_eq!(report.counts.ramp_up_added, warm_ups);
    assert_eq!(report.counts.working_added, rows.len() as u64 - warm_ups);
    let pounds = expected.iter().filter(|e| e.0 == Unit::Lb).count();
    assert!(report.detected.variant.contains(&format!("{pounds} rows are pound loads")), "{}", report.detected.variant);
    let mut got: Vec<(Unit, i64, u16, bool)> = sets(&store).iter().map(load_of).collect();
    got.sort_by_key(|g| (g.0 == Unit::Lb, g.1, g.2, g.3));
    expected.sort_by_key(|g| (g.0 == Unit::Lb, g.1, g.2, g.3));
    assert_eq!(got, expected, "every set's load, unit, reps and kind");
    // Checked by hand, apart from the rule above: how many rows are pound loads, and three of
    // the lifter's dumbbells and plates as the log holds them.
    assert_eq!(pounds, 1477);
    for (written, lb) in [("7.937875915123695", 1750), ("9.071858188712795", 2000), ("142.88176647222653", 31500)] {
        let in_file = rows.iter().filter(|r| r["Weight(kg)"] == written).count();
        let in_log = got.iter().filter(|g| g.0 == Unit::Lb && g.1 == lb).count();
        assert!(in_file > 0 && in_log >= in_file, "{written} kg is {} lb: {in_file} rows, {in_log} sets", lb / 100);
    }
    // Loads as pounds come on dumbbells and plates, not kg conversions.
    let lb: BTreeSet<i64> = got.iter().filter(|g| g.0 == Unit::Lb).map(|g| g.1 % 50).collect();
    assert_eq!(lb, BTreeSet::from([0]), "every pound load in whole or half pounds");
}

#[test]
fn the_real_liftosaur_export_imports_the_sets_done_and_none_planned() {
    let Some(path) = real("liftosaur_heber.csv", "the_real_liftosaur_export") else { return };
    let rows = records(&path);
    let done: Vec<&BTreeMap<String, String>> = rows.iter().filter(|r| !r["Completed Reps"].is_empty()).collect();
    let mut expected: Vec<(Unit, i64, u16, bool)> = done
        .iter()
        .map(|r| {
            let (value, unit) = match r["Completed Weight Value"].as_str() {
                "" => (&r["Required Weight Value"], &r["Required Weight Unit"]),
                _ => (&r["Completed Weight Value"], &r["Completed Weight Unit"]),
            };
            let unit = if unit == "lb" { Unit::Lb } else { Unit::Kg };
            (unit, hundredths(value), r["Completed Reps"].parse().expect("reps"), r["Is Warmup Set?"] == "1")
        })
        .collect();
    let workouts: BTreeSet<(&str, &str, &str)> =
        done.iter().map(|r| (r["Workout DateTime"].as_str(), r["Program"].as_str(), r["Day Name"].as_str())).collect();
    let (report, store) = import_twice(&path, Options::default());
    assert_eq!(report.tally.rows, rows.len() as u64);
    assert_eq!(report.tally.skipped_rows(), (rows.len() - done.len()) as u64, "the planned sets never done");
    assert_eq!(report.counts.sessions_added, workouts.len() as u64);
    let warm_ups = done.iter().filter(|r| r["Is Warmup Set?"] == "1").count() as u64;
    assert_eq!((report.counts.working_added, report.counts.ramp_up_added), (done.len() as u64 - warm_ups, warm_ups));
    let all = sets(&store);
    let mut got: Vec<(Unit, i64, u16, bool)> = all.iter().map(load_of).collect();
    got.sort_by_key(|g| (g.0 == Unit::Lb, g.1, g.2, g.3));
    expected.sort_by_key(|g| (g.0 == Unit::Lb, g.1, g.2, g.3));
    assert_eq!(got, expected, "every set's load, unit, reps and kind");
    let with_rpe = done.iter().filter(|r| !r["Completed RPE"].is_empty()).count();
    assert_eq!(all.iter().filter(|s| s.entry.rir.is_some()).count(), with_rpe, "each completed RPE as a RIR");
    // Every note the file holds, and no other.
    let in_file: BTreeSet<String> = rows.iter().map(|r| r["Notes"].clone()).filter(|n| !n.is_empty()).collect();
    let in_log: BTreeSet<String> = all
        .iter()
        .flat_map(|s| s.entry.note.lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(in_log, in_file);
    // Every set inside its workout's six hours, and every workout on a day one of its sets was
    // done: the two opened more than six hours before any of their sets start at the first.
    assert!(
        all.iter()
            .all(|s| s.logged_at >= s.session_started_at && (s.logged_at - s.session_started_at).num_hours() <= 6)
    );
    let mut days_lifted: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for r in &done {
        let time = r["Completed Reps Time"].as_str();
        if time.len() >= 10 {
            days_lifted.entry(r["Workout DateTime"].as_str()).or_default().insert(time[..10].to_string());
        }
    }
    let days_in_log: BTreeSet<String> =
        store.all_sessions().expect("sessions").iter().map(|s| s.started_at.format("%Y-%m-%d").to_string()).collect();
    for (opened, days) in &days_lifted {
        assert!(days.iter().any(|d| days_in_log.contains(d)), "the workout opened {opened} is on a day it was lifted");
    }
    assert!(report.to_string().contains("2 workouts start at their first set"), "{report}");
}

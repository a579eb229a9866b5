//! Timed and distance sets (issue 13, item 2): holds, carries and cardio in the catalogue, kept
//! whole by Strong's and Hevy's layouts, and never counted as effective sets, records or e1RMs.

mod common;

use common::{clock, export_text, set};

use chrono::Duration;
use hardset::export::Format;
use hardset::import::{Options, import_file};
use hardset::model::exercise::{Catalogue, Measures};
use hardset::model::session::{SessionRecord, SetEntry, SetKind};
use hardset::model::units::Distance;
use hardset::store::{ImportBatch, Store};

/// A session of lifts, holds, carries and cardio, as a lifter logs them.
fn timed_session() -> Vec<SetEntry> {
    let metres = Distance::from_metres;
    vec![
        set("Barbell back squat", 100.0, 5, Some(1)),
        SetEntry { seconds: Some(60), ..set("Plank", 0.0, 0, None) },
        SetEntry { seconds: Some(45), ..set("Plank", 10.0, 0, None) },
        SetEntry { seconds: Some(38), ..set("Dead hang", 0.0, 0, None) },
        SetEntry { distance: metres(40.0), seconds: Some(35), ..set("Farmer's walk", 32.0, 0, None) },
        SetEntry { distance: metres(40.0), ..set("Suitcase carry", 24.0, 0, None) },
        SetEntry { distance: metres(2000.0), seconds: Some(465), ..set("Rowing machine", 0.0, 0, None) },
        SetEntry { distance: metres(2414.02), seconds: Some(1800), ..set("Walk", 0.0, 0, None) },
        SetEntry { seconds: Some(600), ..set("Cycling", 0.0, 0, None) },
        SetEntry { distance: metres(0.01), ..set("Jump rope", 0.0, 0, None) },
        SetEntry { kind: SetKind::RampUp, seconds: Some(300), ..set("Treadmill run", 0.0, 0, None) },
    ]
}

/// What a set measured: exercise, kind, seconds, distance, reps, load.
type Measured = (String, SetKind, Option<u32>, Option<Distance>, u16, i64);

fn log_of(sets: Vec<SetEntry>) -> Store {
    let mut store = Store::in_memory().expect("store");
    let start = common::evening() - Duration::hours(3);
    let sets = sets.into_iter().enumerate().map(|(i, e)| (e, start + Duration::minutes(2 * i as i64 + 1))).collect();
    let session = SessionRecord {
        started_at: start,
        ended_at: Some(start + Duration::hours(1)),
        day_name: "Conditioning".into(),
        day_index: None,
        sets,
        readiness: None,
        note: String::new(),
    };
    store.import(&ImportBatch { sessions: vec![session], ..Default::default() }, true, &mut |_| {}).expect("writes");
    store
}

fn entries(store: &Store) -> Vec<SetEntry> {
    let mut out = Vec::new();
    store
        .for_each_set(|s| {
            out.push(s.entry.clone());
            Ok(())
        })
        .expect("reads");
    out
}

#[test]
fn the_catalogue_says_what_holds_carries_and_cardio_measure() {
    let catalogue = Catalogue::shipped();
    let measures = |name: &str| catalogue.get(name).unwrap_or_else(|| panic!("{name} is in the catalogue")).measures;
    for hold in ["Plank", "Side plank", "Dead hang", "Wall sit", "L-sit", "Deadhang", "Weighted Wall Sit"] {
        assert_eq!(measures(hold), Measures::Time, "{hold}");
    }
    for carry in ["Farmer's walk", "Farmer Carry", "Suitcase carry", "Kettlebell carry", "Farmers Walk (Kettlebell)"] {
        assert_eq!(measures(carry), Measures::Distance, "{carry}");
    }
    for cardio in [
        "Rowing machine",
        "Rowing (Machine)",
        "Treadmill run",
        "Walk",
        "Walking",
        "Cycling (Indoor)",
        "Elliptical",
        "Stair climber",
        "Assault Bike",
        "Ski erg",
        "Jump rope",
    ] {
        assert_eq!(measures(cardio), Measures::TimeDistance, "{cardio}");
    }
    assert_eq!(measures("Barbell back squat"), Measures::Reps, "a lift measures reps");
    // Only reps count as effective sets unless the catalogue says so.
    for exercise in catalogue.all() {
        assert_eq!(exercise.counts_as_effective(), exercise.measures == Measures::Reps, "{}", exercise.name);
    }
    // "Seated Row (Machine)" stays a row, not the rowing machine.
    assert_eq!(catalogue.get("Seated Row (Machine)").map(|e| e.measures), Some(Measures::Reps));
}

#[test]
fn a_catalogue_may_count_a_carry_as_effective() {
    let text = r#"
[[exercise]]
name = "Heavy yoke carry"
primary = ["upper back"]
equipment = "machine"
failure_class = "safe"
load_step = { kg = 5.0, lb = 10.0 }
rest = "3m"
measures = "distance"
effective = true
"#;
    let catalogue = Catalogue::parse(text).expect("parses");
    let yoke = catalogue.get("Heavy yoke carry").expect("found");
    assert_eq!(yoke.measures, Measures::Distance);
    assert!(yoke.counts_as_effective());
    assert!(Catalogue::parse(&text.replace("\"distance\"", "\"laps\"")).is_err(), "an unknown measure is refused");
}

#[test]
fn strong_and_hevy_layouts_carry_times_and_distances_there_and_back() {
    let original = log_of(timed_session());
    for (format, name, columns) in [
        (Format::Strong, "strong.csv", ["\"40\";\"35\"", "\"2000\";\"465\""]),
        (Format::Hevy, "workout_data.csv", [",0.04,35,", ",2,465,"]),
    ] {
        let first = export_text(&original, format);
        for column in columns {
            assert!(first.contains(column), "{name} writes {column}:\n{first}");
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, &first).expect("writes");
        let mut copy = Store::in_memory().expect("store");
        let report =
            import_file(&mut copy, &path, &Options::default(), &common::catalogue(), &clock(), &mut |_, _, _| {})
                .expect("imports");
        assert_eq!(report.tally.skipped_rows(), 0, "{name}: {:?}", report.tally.skipped);
        // Every time and distance comes back to the centimetre and the second.
        let measured = |store: &Store| -> Vec<Measured> {
            entries(store)
                .into_iter()
                .map(|e| (e.exercise, e.kind, e.seconds, e.distance, e.reps, e.weight.load.hundredths()))
                .collect()
        };
        assert_eq!(measured(&copy), measured(&original), "{name}");
        assert_eq!(export_text(&copy, format), first, "{name}: export, import, export is the same file");
    }
}

#[test]
fn hevy_zero_seconds_is_no_time_and_a_timed_row_with_reps_keeps_both() {
    let header = "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\
                  \"exercise_notes\",\"set_index\",\"set_type\",\"weight_kg\",\"reps\",\"distance_km\",\
                  \"duration_seconds\",\"rpe\"";
    let rows = [
        "\"A\",\"3 Mar 2025, 18:00\",\"3 Mar 2025, 19:00\",\"\",\"Squat (Barbell)\",,\"\",0,\"normal\",100,5,,0,8",
        "\"A\",\"3 Mar 2025, 18:00\",\"3 Mar 2025, 19:00\",\"\",\"Sled Push\",,\"\",0,\"normal\",80,0,0.02,,",
        "\"A\",\"3 Mar 2025, 18:00\",\"3 Mar 2025, 19:00\",\"\",\"Burpee\",,\"\",0,\"normal\",,12,,45,",
        "\"A\",\"3 Mar 2025, 18:00\",\"3 Mar 2025, 19:00\",\"\",\"Plank\",,\"\",1,\"normal\",,,,0,",
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("workout_data.csv");
    std::fs::write(&path, format!("{header}\n{}", rows.join("\n"))).expect("writes");
    let mut store = Store::in_memory().expect("store");
    let report = import_file(&mut store, &path, &Options::default(), &common::catalogue(), &clock(), &mut |_, _, _| {})
        .expect("imports");
    let read: Vec<String> = entries(&store).iter().map(|e| format!("{}: {}", e.exercise, e.summary())).collect();
    assert_eq!(read, ["Barbell back squat: 100 kg x 5 @ 2", "Sled Push: 20 m at 80 kg", "Burpee: 12 reps in 45 s"]);
    // Only the plank with nothing in it (0 seconds is none) is skipped, as empty.
    assert_eq!(report.tally.skipped_rows(), 1, "{:?}", report.tally.skipped);
    assert_eq!(report.tally.skipped.get("empty (no weight and no reps)"), Some(&1));
}

/// Runs the hardset binary on a log and config folder of its own.
fn hardset(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_hardset"))
        .arg("--db")
        .arg(dir.join("log.db"))
        .arg("--config")
        .arg(dir)
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn log_takes_holds_carries_and_cardio_and_refuses_a_bad_token_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ok = |args: &[&str]| {
        let out = hardset(dir.path(), args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(
        ok(&["log", "Plank", "60s", "1:15", "10x45s@1"]).lines().take(3).collect::<Vec<_>>(),
        ["logged Plank working: 1:00", "logged Plank working: 1:15", "logged Plank working: 45 s at 10 kg @ 1",]
    );
    assert!(
        ok(&["log", "Rowing (Machine)", "2000m/7:45"]).starts_with("logged Rowing machine working: 2,000 m in 7:45")
    );
    assert!(
        ok(&["log", "Farmer's walk", "32x40m/35s"]).starts_with("logged Farmer's walk working: 40 m in 35 s at 32 kg")
    );
    assert!(ok(&["log", "Walk", "30min"]).starts_with("logged Walk working: 30:00"));
    // A bad token names itself and what the exercise takes, and nothing of the line is written.
    for (args, says) in [
        (["log", "Rowing machine", "2000m/7:45", "20x2000m"], "cardio takes no load"),
        (["log", "Farmer's walk", "32x40m", "32x35s"], "a carry needs its distance"),
        (["log", "Plank", "60s", "0:75"], "minutes and seconds go up to 59"),
    ] {
        let out = hardset(dir.path(), &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && stderr.contains(says), "{args:?}: {stderr}");
    }
    let csv = ok(&["export"]);
    assert_eq!(csv.lines().count(), 1 + 6, "the six good sets and nothing of the refused lines:\n{csv}");
    // A lift still takes WEIGHTxREPS.
    assert!(ok(&["log", "Lat pulldown", "60x10@1"]).starts_with("logged Lat pulldown working: 60 kg x 10 @ 1"));
}

#[test]
fn a_plan_names_a_holds_time_and_a_rows_distance_and_refuses_what_does_not_fit() {
    let plan = |exercise: &str| {
        let text = format!(
            "name = \"P\"\nschedule = \"rotation\"\n\n[[day]]\nname = \"A\"\n\n  [[day.exercise]]\n{exercise}\n"
        );
        hardset::model::plan::Plan::parse(&text, "plan.toml", &Catalogue::shipped())
    };
    let ok = plan("  name = \"Plank\"\n  sets = 3\n  time = \"45s\"").expect("parses");
    let plank = &ok.days[0].exercises[0];
    assert_eq!((plank.sets, plank.target_seconds, plank.measures, plank.ramp_up), (3, Some(45), Measures::Time, false));
    let ok = plan("  name = \"Rowing machine\"\n  distance = \"2 km\"\n  time = \"8:00\"").expect("parses");
    let row = &ok.days[0].exercises[0];
    assert_eq!((row.target_distance, row.target_seconds), (Distance::from_metres(2000.0), Some(480)));
    // A hold needs no reps, and a plan written before holds existed still reads.
    assert!(plan("  name = \"Barbell back squat\"\n  reps = \"5\"").is_ok());
    for (exercise, says, line) in [
        ("  name = \"Plank\"\n  reps = \"8-12\"", "Plank measures time, not reps", 9),
        ("  name = \"Barbell back squat\"\n  reps = \"5\"\n  time = \"45s\"", "is a lift of reps", 10),
        ("  name = \"Plank\"\n  distance = \"40m\"", "Plank measures time, not distance", 9),
        ("  name = \"Plank\"\n  time = \"1:75\"", "time: '1:75': minutes and seconds go up to 59", 9),
        ("  name = \"Barbell back squat\"", "`reps` is missing here", 7),
    ] {
        let error = plan(exercise).expect_err("refused").to_string();
        assert!(error.contains(says), "{exercise}: {error}");
        assert!(error.contains(&format!(":{line}:")), "{exercise}: the line is named: {error}");
    }
}

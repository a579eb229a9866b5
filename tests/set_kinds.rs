//! Every kind of set a lifter does (bodyweight and assisted, timed and distance, one side at a
//! time, techniques after failure, supersets) kept by the log and carried whole by hardset's
//! own CSV and JSON exports.

mod common;

use common::{clock, export_text, set};

use std::path::Path;

use chrono::Duration;
use hardset::export::Format;
use hardset::import::{Options, import_file};
use hardset::model::exercise::{CustomExercise, Equipment};
use hardset::model::session::{Basis, SessionRecord, SetEntry, Side, Technique};
use hardset::model::units::{Distance, Unit};
use hardset::store::{ImportBatch, Store};

/// One session holding a set of every kind.
fn every_kind() -> Vec<SetEntry> {
    let distance = |m: f64| Distance::from_metres(m);
    vec![
        SetEntry { basis: Basis::BodyPlus, ..set("Chin-up", 0.0, 8, Some(1)) },
        SetEntry { basis: Basis::BodyPlus, ..set("Chin-up", 10.0, 6, Some(0)) },
        SetEntry { basis: Basis::Assisted, ..set("Assisted dip", 20.0, 10, Some(1)) },
        SetEntry { seconds: Some(60), ..set("Plank", 0.0, 0, None) },
        SetEntry { distance: distance(40.0), seconds: Some(35), ..set("Farmer's walk", 64.0, 0, None) },
        SetEntry { distance: distance(2414.02), seconds: Some(465), ..set("Rowing machine", 0.0, 0, None) },
        SetEntry { side: Some(Side::Each), ..set("One-arm dumbbell row", 32.0, 10, Some(1)) },
        SetEntry { side: Some(Side::Left), ..set("Bulgarian split squat", 20.0, 9, Some(1)) },
        SetEntry { side: Some(Side::Right), ..set("Bulgarian split squat", 20.0, 8, Some(0)) },
        set("Machine chest press", 80.0, 8, Some(0)),
        SetEntry { technique: Some(Technique::Drop), ..set("Machine chest press", 60.0, 6, Some(0)) },
        SetEntry { technique: Some(Technique::RestPause), ..set("Machine chest press", 60.0, 3, Some(0)) },
        SetEntry { technique: Some(Technique::MyoReps), ..set("Machine chest press", 60.0, 4, Some(0)) },
        SetEntry { superset: Some("A".into()), ..set("Cable curl", 30.0, 12, Some(1)) },
        SetEntry { superset: Some("A".into()), ..set("Cable triceps pushdown", 35.0, 12, Some(1)) },
    ]
}

fn log_of(sets: Vec<SetEntry>) -> Store {
    let mut store = Store::in_memory().expect("store");
    let start = common::evening() - Duration::hours(3);
    let sets = sets.into_iter().enumerate().map(|(i, e)| (e, start + Duration::minutes(2 * i as i64 + 1))).collect();
    let session = SessionRecord {
        started_at: start,
        ended_at: Some(start + Duration::hours(1)),
        day_name: "Everything".into(),
        day_index: None,
        sets,
        readiness: None,
        note: String::new(),
    };
    // The log's own exercises, as a lifter's log holds them (the export names them, so they come
    // back as they were).
    let custom = ["Assisted dip", "Plank", "Farmer's walk", "Rowing machine"]
        .into_iter()
        .map(|name| CustomExercise {
            name: name.into(),
            muscles: vec![],
            equipment: Equipment::Bodyweight,
            source: "typed".into(),
            technical: None,
        })
        .collect();
    store
        .import(&ImportBatch { sessions: vec![session], custom, ..Default::default() }, true, &mut |_| {})
        .expect("writes");
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
fn the_log_keeps_every_kind_of_set_as_it_was_done() {
    let store = log_of(every_kind());
    assert_eq!(entries(&store), every_kind(), "each set reads back with its kind");
    let read: Vec<String> = entries(&store).iter().map(SetEntry::summary).collect();
    assert_eq!(
        read,
        [
            "BW x 8 @ 1",
            "BW+10 kg x 6 @ 0",
            "BW-20 kg x 10 @ 1",
            "1:00",
            "40 m in 35 s at 64 kg",
            "2,414.02 m in 7:45",
            "32 kg x 10 each side @ 1",
            "20 kg x 9 (left) @ 1",
            "20 kg x 8 (right) @ 0",
            "80 kg x 8 @ 0",
            "60 kg x 6 @ 0 (drop set)",
            "60 kg x 3 @ 0 (rest-pause)",
            "60 kg x 4 @ 0 (myo-reps)",
            "30 kg x 12 @ 1",
            "35 kg x 12 @ 1",
        ]
    );
}

#[test]
fn a_timed_set_is_not_a_missed_attempt_and_a_technique_set_is_not_a_set_of_its_own() {
    let sets = every_kind();
    let plank = &sets[3];
    assert!(!plank.missed() && !plank.counts(), "a plank of 60 s is neither a miss nor a set of reps");
    let drop = &sets[10];
    assert!(!drop.counts(), "a drop set extends its working set and counts for nothing alone");
    assert!(sets[9].counts());
    let store = log_of(sets);
    let summary = store.sessions_between(common::evening() - Duration::days(1), common::evening()).expect("reads");
    assert_eq!(
        summary[0].working_sets, 11,
        "15 sets less the 3 technique sets and the right side of a pair: {summary:?}"
    );
}

#[test]
fn a_technique_set_never_takes_the_record_of_its_exercise() {
    let store = log_of(vec![
        set("Machine chest press", 60.0, 6, Some(0)),
        set("Machine chest press", 80.0, 8, Some(0)),
        SetEntry { technique: Some(Technique::RestPause), ..set("Machine chest press", 80.0, 3, Some(0)) },
        SetEntry { technique: Some(Technique::Drop), ..set("Machine chest press", 70.0, 9, Some(0)) },
    ]);
    let (frontier, most) = store
        .exercise_bests_before("Machine chest press", Unit::Kg, common::evening() + Duration::days(2))
        .expect("reads");
    let loads = |reps: u16| most.iter().filter(|(_, r)| *r == reps).map(|(l, _)| l.as_f64()).collect::<Vec<_>>();
    assert!(loads(9).is_empty(), "the drop set's 70 x 9 is no record: {most:?}");
    assert!(frontier.iter().all(|e| e.technique.is_none() && e.weight.load.hundredths() != 7000), "{frontier:?}");
}

#[test]
fn native_exports_carry_every_kind_and_import_back_to_the_same_file() {
    let original = log_of(every_kind());
    for (format, name) in [(Format::Csv, "log.csv"), (Format::Json, "log.json")] {
        let first = export_text(&original, format);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, &first).expect("writes");
        let mut copy = Store::in_memory().expect("store");
        import_file(
            &mut copy,
            Path::new(&path),
            &Options::default(),
            &common::catalogue(),
            &clock(),
            &mut |_, _, _| {},
        )
        .expect("imports");
        assert_eq!(entries(&copy), every_kind(), "{name}: every set comes back with its kind");
        let second = export_text(&copy, format);
        let differ = first.lines().zip(second.lines()).position(|(a, b)| a != b);
        assert_eq!(
            second,
            first,
            "{name}: export, import, export gives the same file; from line {differ:?}: {:?}",
            differ.map(|at| second.lines().skip(at).take(8).collect::<Vec<_>>())
        );
    }
}

#[test]
fn a_native_row_with_a_kind_the_log_cannot_hold_is_refused_with_its_line() {
    let header = hardset::export::CSV_HEADER;
    let row = "2026-11-05T18:00:00Z,2026-11-05T19:00:00Z,Day,Plank,working,0,kg,0,,false,,2026-11-05T18:05:00Z,,,,,,";
    for (more, says) in [
        (",,90000,,,,", "seconds"),
        (",bw*,,,,,", "basis"),
        (",,,-5,,,", "distance_m"),
        (",,,,both,,", "side"),
        (",,,,,superset,", "technique"),
        (",,,,,,ABCDEFGHIJKLMNOPQ", "superset"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("log.csv");
        std::fs::write(&path, format!("{header}\n{row}{more},,,\n")).expect("writes");
        let mut store = Store::in_memory().expect("store");
        let failure =
            import_file(&mut store, &path, &Options::default(), &common::catalogue(), &clock(), &mut |_, _, _| {})
                .expect_err("refused");
        let message = failure.to_string();
        assert!(message.contains("line 2") && message.contains(says), "{says}: {message}");
        assert_eq!(store.set_count().expect("counts"), 0, "nothing written");
    }
}

#[test]
fn a_log_from_before_set_kinds_keeps_every_set_as_a_plain_set_after_the_upgrade() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hardset.db");
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    let mut files: Vec<_> = std::fs::read_dir(migrations).expect("lists").map(|e| e.expect("entry").path()).collect();
    files.sort();
    {
        let conn = rusqlite::Connection::open(&path).expect("opens");
        for file in &files[..6] {
            conn.execute_batch(&std::fs::read_to_string(file).expect("reads")).expect("migration runs");
        }
        conn.execute_batch(
            "INSERT INTO session (id, started_at, ended_at, day_name, day_index) VALUES (1, 1764000000, 1764003600, 'Day 1', 0);
             INSERT INTO workout_set (session_id, exercise, kind, load_hundredths, unit, reps, rir_halves, logged_at, load_record)
             VALUES (1, 'Lat pulldown', 'working', 6000, 'kg', 10, 2, 1764000100, 1),
                    (1, 'Chin-up', 'working', 0, 'kg', 8, 2, 1764000200, 1),
                    (1, 'Lat pulldown', 'ramp-up', 3000, 'kg', 8, NULL, 1764000050, 0);",
        )
        .expect("data");
        conn.pragma_update(None, "user_version", 6).expect("version");
    }
    let store = Store::open(&path).expect("upgrades");
    let sets = entries(&store);
    assert_eq!(sets.len(), 3, "every set is kept");
    assert!(
        sets.iter().all(|e| e.basis == Basis::Load
            && e.seconds.is_none()
            && e.distance.is_none()
            && e.side.is_none()
            && e.technique.is_none()
            && e.superset.is_none()),
        "{sets:?}"
    );
    assert_eq!(sets[0].summary(), "60 kg x 10 @ 1");
    assert!(dir.path().join("hardset.db.v6.bak").is_file(), "the upgrade kept a backup of the old log");
}

/// Sets on body weight, an assistance among them, as Strong's and Hevy's layouts write them.
fn assisted_and_weighted() -> Vec<SetEntry> {
    vec![
        SetEntry { basis: Basis::BodyPlus, ..set("Chin-up", 0.0, 8, Some(1)) },
        SetEntry { basis: Basis::BodyPlus, ..set("Chin-up", 10.0, 6, Some(0)) },
        SetEntry { basis: Basis::Assisted, ..set("Chin-up", 20.0, 9, Some(1)) },
        SetEntry { basis: Basis::Assisted, ..set("Chin-up", 22.5, 0, None) },
        SetEntry { basis: Basis::Assisted, ..set("Assisted pull-up", 15.0, 8, Some(1)) },
        set("Lat pulldown", 60.0, 10, Some(1)),
    ]
}

#[test]
fn strong_and_hevy_layouts_carry_an_assistance_as_a_negative_weight_there_and_back() {
    let original = log_of(assisted_and_weighted());
    let as_done = |store: &Store| -> Vec<(String, Basis, i64, u16)> {
        entries(store).into_iter().map(|e| (e.exercise, e.basis, e.weight.load.hundredths(), e.reps)).collect()
    };
    for (format, name, negative) in [
        (Format::Strong, "strong.csv", "\"Chin-up\";\"3\";\"-20\";\"9\""),
        (Format::Hevy, "workout_data.csv", ",-20,9,"),
    ] {
        let first = export_text(&original, format);
        assert!(first.contains(negative), "{name} writes the assistance negative:\n{first}");
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, &first).expect("writes");
        let mut copy = Store::in_memory().expect("store");
        let report =
            import_file(&mut copy, &path, &Options::default(), &common::catalogue(), &clock(), &mut |_, _, _| {})
                .expect("imports");
        assert_eq!(report.tally.skipped_rows(), 0, "{name}: every row is kept: {:?}", report.tally.skipped);
        assert_eq!(as_done(&copy), as_done(&original), "{name}: the -20 comes back as BW-20, not skipped");
        assert_eq!(export_text(&copy, format), first, "{name}: export, import, export is the same file");
    }
}

#[test]
fn a_negative_weight_from_hevy_or_strong_is_an_assistance_on_any_exercise() {
    let hevy = "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\
                \"exercise_notes\",\"set_index\",\"set_type\",\"weight_kg\",\"reps\",\"distance_km\",\
                \"duration_seconds\",\"rpe\"\n\
                \"A\",\"3 Mar 2025, 18:00\",\"3 Mar 2025, 19:00\",\"\",\"Pull Up\",,\"\",0,\"normal\",-25,7,,,8\n\
                \"A\",\"3 Mar 2025, 18:00\",\"3 Mar 2025, 19:00\",\"\",\"Pull Up (Assisted)\",,\"\",0,\"normal\",-15,8,,,\n\
                \"A\",\"3 Mar 2025, 18:00\",\"3 Mar 2025, 19:00\",\"\",\"Pull Up (Assisted)\",,\"\",1,\"normal\",15,7,,,\n\
                \"A\",\"3 Mar 2025, 18:00\",\"3 Mar 2025, 19:00\",\"\",\"Pull Up\",,\"\",1,\"normal\",-30,0,,,\n\
                \"A\",\"3 Mar 2025, 18:00\",\"3 Mar 2025, 19:00\",\"\",\"Pull Up\",,\"\",2,\"normal\",-0,,,,\n";
    let strong = "Date;Workout Name;Duration;Exercise Name;Set Order;Weight (kg);Reps;Distance;Seconds;Notes;Workout Notes;RPE\n\
                  2025-03-04 18:00:00;B;1h;Chin Up;1;-20;9;0;0;;;\n";
    for (name, text, want) in [
        (
            "workout_data.csv",
            hevy,
            vec![
                ("BW-25 kg x 7 @ 2", Basis::Assisted),
                ("BW-15 kg x 8", Basis::Assisted),
                ("BW-15 kg x 7", Basis::Assisted),
                ("BW-30 kg x 0 (missed)", Basis::Assisted),
            ],
        ),
        ("strong.csv", strong, vec![("BW-20 kg x 9", Basis::Assisted)]),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("writes");
        let mut store = Store::in_memory().expect("store");
        let report =
            import_file(&mut store, &path, &Options::default(), &common::catalogue(), &clock(), &mut |_, _, _| {})
                .expect("imports");
        let read: Vec<(String, Basis)> = entries(&store).into_iter().map(|e| (e.summary(), e.basis)).collect();
        let want: Vec<(String, Basis)> = want.into_iter().map(|(s, b)| (s.to_string(), b)).collect();
        assert_eq!(read, want, "{name}");
        // Only the row with nothing in it (-0 and no reps) is skipped, as empty.
        let empty = u64::from(name == "workout_data.csv");
        assert_eq!(report.tally.skipped_rows(), empty, "{name}: {:?}", report.tally.skipped);
    }
}

#[test]
fn strong_and_hevy_layouts_carry_every_kind_and_import_back_to_the_same_file() {
    let original = log_of(every_kind());
    for (format, name) in [(Format::Strong, "strong.csv"), (Format::Hevy, "workout_data.csv")] {
        let first = export_text(&original, format);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, &first).expect("writes");
        let mut copy = Store::in_memory().expect("store");
        let options = Options { unit: Some(Unit::Kg), ..Options::default() };
        let report =
            import_file(&mut copy, Path::new(&path), &options, &common::catalogue(), &clock(), &mut |_, _, _| {})
                .expect("imports");
        assert_eq!(report.tally.skipped_rows(), 0, "{name}: {:?}", report.tally.skipped);
        // Sides, rest-pause, myo-reps and (in Strong) the superset come back from the note's
        // first lines; the rest from the layout's own columns.
        assert_eq!(entries(&copy), every_kind(), "{name}: every set comes back with its kind");
        let second = export_text(&copy, format);
        assert_eq!(second, first, "{name}: export, import, export gives the same file");
    }
}

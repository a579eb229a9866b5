//! Importing real exports from Strong, Hevy and FitNotes (the unmodified files in
//! `../shared/data/external`, see its README for their quirks), malformed and truncated files,
//! and the round trip of hardset's own export and of the Strong and Hevy layouts.

mod common;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeZone, Utc};
use hardset::clock::FixedClock;
use hardset::export::{self, Format};
use hardset::import::{Options, Report, Source, import_file};
use hardset::model::session::{LoggedSet, SetKind};
use hardset::model::units::Unit;
use hardset::store::Store;

/// The real export files. They live beside the repository (never copied into it: two of them
/// carry no licence); `HARDSET_EXTERNAL_DATA` points elsewhere.
fn external(name: &str) -> PathBuf {
    let candidates = [
        std::env::var_os("HARDSET_EXTERNAL_DATA").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/external")),
        Some(PathBuf::from("/work/shared/data/external")),
    ];
    let dir = candidates.into_iter().flatten().find(|d| d.join(name).is_file()).unwrap_or_else(|| {
        panic!("the real export {name} was not found: set HARDSET_EXTERNAL_DATA to the folder holding it")
    });
    dir.join(name)
}

fn clock() -> FixedClock {
    FixedClock::at(common::evening())
}

fn import(store: &mut Store, path: &Path, options: Options) -> Result<Report, hardset::error::Error> {
    import_file(store, path, &options, &common::catalogue(), &clock(), &mut |_, _, _| {})
}

fn sets(store: &Store) -> Vec<LoggedSet> {
    let mut all = Vec::new();
    store
        .for_each_set(|s| {
            all.push(s.clone());
            Ok(())
        })
        .expect("reads sets");
    all
}

/// Data rows of a real file, counted with the csv reader alone, and how many of them `pick`
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

#[test]
fn strong_legacy_export_needs_its_unit_and_reads_150_lb() {
    let path = external("strong_export_legacy_lb_2021-2022.csv");
    // Timed and cardio rows: no load, no reps, some seconds or distance.
    let (_, timed) = count_rows(&path, b',', |field| {
        let value = |name: &str| field(name).parse::<f64>().unwrap_or(0.0);
        value("Reps") == 0.0 && value("Weight") == 0.0 && (value("Seconds") > 0.0 || value("Distance") > 0.0)
    });
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &path, Options::default()).expect_err("no unit in the file");
    let message = refused.to_string();
    assert!(message.contains("--unit kg or --unit lb") && message.contains("will not guess"), "{message}");
    assert_eq!(store.set_count().expect("counts"), 0, "a refused import writes nothing");

    let report = import(&mut store, &path, Options { unit: Some(Unit::Lb), ..Options::default() }).expect("imports");
    assert_eq!(report.detected.source, Source::Strong);
    assert_eq!(report.tally.rows, 4690, "the README's row count");
    assert_eq!(report.counts.sessions_added, 312, "the README's workout count");
    let written = report.counts.working_added + report.counts.ramp_up_added;
    assert_eq!(written + report.tally.skipped_rows(), 4690, "every row is a set or a counted skip");
    assert_eq!(report.tally.skipped_rows(), timed, "{:?}", report.tally.skipped);
    assert_eq!(report.counts.ramp_up_added, 0, "this export has no warm-up markers");
    assert_eq!(report.tally.long_durations, 3, "57h 42m and the like end at their last set");
    let all = sets(&store);
    assert_eq!(all.len() as u64, written);
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

    let again = import(&mut store, &path, Options { unit: Some(Unit::Lb), ..Options::default() }).expect("imports");
    assert_eq!((again.counts.sessions_added, again.counts.sessions_present), (0, 312), "nothing twice");
    assert_eq!(store.set_count().expect("counts") as u64, written);
}

#[test]
fn strong_semicolon_export_takes_kg_from_the_header_and_skips_empty_rows() {
    let path = external("strong_export_semicolon_2025-09.csv");
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &path, Options { unit: Some(Unit::Lb), ..Options::default() })
        .expect_err("the header says kg");
    assert!(refused.to_string().contains("the header says the weights are in kg"), "{refused}");
    let report = import(&mut store, &path, Options::default()).expect("imports");
    assert_eq!(report.tally.rows, 166);
    assert_eq!(report.counts.sessions_added, 10);
    assert_eq!(report.tally.skipped.values().sum::<u64>(), 7, "{:?}", report.tally.skipped);
    assert_eq!(report.tally.skipped.get(hardset_skip_empty()), Some(&7));
    assert_eq!(report.counts.working_added, 159);
    assert_eq!(report.dates, Some((date(2024, 11, 28), date(2025, 9, 15))));
    let all = sets(&store);
    assert!(all.iter().all(|s| s.entry.weight.unit == Unit::Kg && s.entry.rir.is_none()));
    // 12.900000000000034 kg is 12.9 kg.
    assert!(all.iter().any(|s| s.entry.weight.load.hundredths() == 1_290));
}

fn hardset_skip_empty() -> &'static str {
    "empty (no weight and no reps)"
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn hevy_export_maps_warm_ups_rpe_dates_notes_and_bodyweight() {
    let path = external("hevy_export_kg_2024-2025.csv");
    // Timed rows: no reps, or 0 reps with a duration ("Warm Up" for 300 s).
    let (rows, timed) = count_rows(&path, b',', |field| {
        let reps = field("reps");
        reps.is_empty() || (reps == "0" && field("duration_seconds").parse::<f64>().unwrap_or(0.0) > 0.0)
    });
    let mut store = Store::in_memory().expect("store");
    let report = import(&mut store, &path, Options::default()).expect("imports");
    assert_eq!((report.tally.rows, rows), (7211, 7211));
    assert_eq!(report.counts.sessions_added, 335);
    assert_eq!(report.counts.ramp_up_added, 2195, "every warmup row is a ramp-up set");
    assert_eq!(report.tally.skipped_rows(), timed, "timed rows are counted as skipped: {:?}", report.tally.skipped);
    assert_eq!(report.counts.working_added + report.counts.ramp_up_added + timed, 7211);
    assert_eq!(report.dates, Some((date(2024, 7, 3), date(2025, 9, 15))));
    let all = sets(&store);
    // "9 Sep 2025, 06:46": an unpadded day, read in the clock's zone (UTC here).
    let ninth = Utc.with_ymd_and_hms(2025, 9, 9, 6, 46, 0).single().expect("time");
    assert!(store.all_sessions().expect("sessions").iter().any(|s| s.started_at == ninth));
    // RPE 9.5 is RIR 0.5; RPE 6 is RIR 4; no RPE is no RIR.
    let rirs: std::collections::BTreeSet<u8> =
        all.iter().filter_map(|s| s.entry.rir.map(hardset::model::units::Rir::halves)).collect();
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
}

#[test]
fn fitnotes_export_repairs_unquoted_commas_and_names_muscles() {
    let path = external("fitnotes_export_kg_2025.csv");
    let mut store = Store::in_memory().expect("store");
    let report = import(&mut store, &path, Options::default()).expect("imports");
    assert_eq!(report.tally.rows, 1624);
    assert_eq!(report.tally.repaired.len(), 99, "the README's malformed rows, repaired, not dropped");
    assert_eq!(report.counts.sessions_added, 78, "one session a date");
    assert_eq!(report.counts.working_added + report.tally.skipped_rows(), 1624);
    let all = sets(&store);
    assert!(all.iter().all(|s| s.entry.weight.unit == Unit::Kg && s.entry.kind == SetKind::Working));
    let names: std::collections::BTreeSet<&str> = all.iter().map(|s| s.entry.exercise.as_str()).collect();
    assert!(!names.iter().any(|n| n.starts_with(' ') || n.ends_with(',')), "{names:?}");
    // Names with commas are whole again, whether the catalogue knows them or not.
    assert!(names.contains("Rear Delt Pulling (Each Side, Cable In Front Of Eyes Area)"), "{names:?}");
    assert!(!names.iter().any(|n| n.ends_with(" Dumbbells)") && !n.contains(", ")), "{names:?}");
    // Unknown exercises keep their category as muscles, and count on the Week screen.
    let custom = store.custom_exercises().expect("custom exercises");
    let pushdown = custom.iter().find(|c| c.name == "Triceps Pushdown (Easy Cable)").expect("kept");
    assert_eq!(pushdown.muscles, vec![hardset::model::exercise::Muscle::Triceps]);
    let rear = custom.iter().find(|c| c.name == "Rear Delt Cable Pull (Each Side)").expect("kept");
    assert_eq!(rear.muscles, vec![hardset::model::exercise::Muscle::RearDelts]);
    let sessions = store.all_sessions().expect("sessions");
    assert_eq!(sessions[0].day_name, "Chest, Back, Shoulders, Biceps, Triceps");
}

#[test]
fn a_dry_run_counts_what_an_import_would_write_and_writes_nothing() {
    let path = external("hevy_export_kg_2024-2025.csv");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("log.db")).expect("store");
    let dry = import(&mut store, &path, Options { dry_run: true, ..Options::default() }).expect("checks");
    assert_eq!(store.set_count().expect("counts"), 0);
    assert!(store.custom_exercises().expect("reads").is_empty());
    assert!(dry.to_string().contains("dry run: nothing was written"));
    let real = import(&mut store, &path, Options::default()).expect("imports");
    assert_eq!(dry.counts, real.counts);
}

/// A copy of a real file with `edit` applied, in a temporary folder.
fn edited(name: &str, edit: impl FnOnce(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let text = std::fs::read_to_string(external(name)).expect("reads");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, edit(text)).expect("writes");
    (dir, path)
}

/// Imports `path` into a log that already holds the FitNotes history: it must fail, leave the log
/// as it was, and say `expected`.
fn fails_cleanly(path: &Path, options: Options, expected: &str) {
    let mut store = Store::in_memory().expect("store");
    import(&mut store, &external("fitnotes_export_kg_2025.csv"), Options::default()).expect("imports");
    let before = (store.set_count().expect("counts"), store.all_sessions().expect("sessions").len());
    let error = import(&mut store, path, options).expect_err("refused").to_string();
    assert!(error.contains(expected), "expected {expected:?} in: {error}");
    assert!(error.contains(&path.display().to_string()), "the error names the file: {error}");
    assert_eq!((store.set_count().expect("counts"), store.all_sessions().expect("sessions").len()), before);
}

#[test]
fn a_truncated_file_is_refused_with_its_line_and_writes_nothing() {
    let (_dir, path) = edited("hevy_export_kg_2024-2025.csv", |text| {
        let cut = text.len() / 2;
        let cut = text[..cut].rfind(',').expect("a comma");
        text[..cut].to_string()
    });
    let lines = std::fs::read_to_string(&path).expect("reads").lines().count();
    fails_cleanly(&path, Options::default(), &format!("line {lines}: the row has"));
}

#[test]
fn a_bad_number_deep_in_a_file_names_its_line_and_writes_nothing() {
    let (_dir, path) = edited("strong_export_semicolon_2025-09.csv", |text| {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        lines[150] = lines[150].replacen("\"10.0\"", "\"ten\"", 1).replacen("\"15.0\"", "\"ten\"", 1);
        lines.join("\n")
    });
    let text = std::fs::read_to_string(&path).expect("reads");
    assert!(text.lines().nth(150).expect("line").contains("ten"), "the edit took");
    fails_cleanly(&path, Options::default(), "line 151: Weight \"ten\" is not a number");
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
    };
    let day = hardset::model::session::SessionFor::New { day_name: "Push, heavy".into(), day_index: Some(0) };
    store.log_set(&day, &entry, common::evening(), 180).expect("logs");
    store
}

fn export_text(store: &Store, format: Format) -> String {
    let mut out = Vec::new();
    export::export(store, format, &clock(), &mut out).expect("exports");
    String::from_utf8(out).expect("utf-8")
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
        assert_eq!(export_text(&copy, format), first, "{name}: export, import, export gives the same file");
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

#[test]
fn the_command_line_prints_the_summary_and_the_unknown_exercises() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("log.db");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_hardset"))
            .arg("--db")
            .arg(&db)
            .arg("--config")
            .arg(dir.path())
            .args(args)
            .output()
            .expect("runs")
    };
    let file = external("fitnotes_export_kg_2025.csv");
    let out = run(&["import", file.to_str().expect("utf-8 path")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("FitNotes export"), "{stdout}");
    assert!(stdout.contains("sessions: 78 imported, 0 already in the log"), "{stdout}");
    assert!(stdout.contains("dates:    2025-04-29 to 2025-09-16"), "{stdout}");
    assert!(stdout.contains("repaired: 99 rows"), "{stdout}");
    assert!(stdout.contains("Squat Machine (Each Side) (28 sets; quads)"), "{stdout}");
    let out = run(&["import", file.to_str().expect("utf-8 path")]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("sessions: 0 imported, 78 already in the log"));

    // An exercise the catalogue does not know counts for the muscles its category named: that
    // week's quads are the 5 sets of "Squat Machine (Each Side)" alone.
    let out = run(&["week", "--date", "2025-05-21", "--json"]);
    let week: serde_json::Value = serde_json::from_slice(&out.stdout).expect("week json");
    let quads = week["muscles"].as_array().expect("muscles").iter().find(|m| m["muscle"] == "quads").cloned();
    assert_eq!(quads.map(|q| q["effective_sets"].clone()), Some(serde_json::json!(5.0)), "{week}");

    // The unknown names can be filed under catalogue exercises later.
    let out = run(&["exercises"]);
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("Squat Machine (Each Side) (28 sets; quads"), "{listed}");
    let out = run(&["exercises", "map", "squat machine (each side)", "leg press"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "28 sets of \"Squat Machine (Each Side)\" are now Leg press"
    );
    let listed = String::from_utf8_lossy(&run(&["exercises"]).stdout).to_string();
    assert!(!listed.contains("Squat Machine"), "{listed}");
    let out = run(&["exercises", "map", "Triceps Pushdown (Easy Cable)", "pushdwn"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not in the catalogue or your plan"));
    let legacy = external("strong_export_legacy_lb_2021-2022.csv");
    let out = run(&["import", legacy.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--unit kg or --unit lb"));
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
    assert!(report.to_string().contains("1 sessions already in the log hold a different number of sets"), "{report}");
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
    for (format, name) in [(Format::Csv, "log.csv"), (Format::Json, "log.json")] {
        let mut original = Store::in_memory().expect("store");
        import(&mut original, &external("fitnotes_export_kg_2025.csv"), Options::default()).expect("imports");
        // A deload week with no session in it.
        original
            .start_deload(date(2025, 12, 1), hardset::model::session::DeloadStyle::Volume, common::evening())
            .expect("deload");
        let text = export_text(&original, format);
        let (_dir, path) = file(name, &text);
        let mut copy = Store::in_memory().expect("store");
        import(&mut copy, &path, Options::default()).expect("imports");
        let custom = |store: &Store| -> Vec<_> {
            store.custom_exercises().expect("custom").into_iter().map(|c| (c.name, c.muscles, c.equipment)).collect()
        };
        assert_eq!(custom(&copy), custom(&original), "{name}: the log's own exercises and their muscles");
        let weeks = |store: &Store| -> Vec<_> {
            store.deload_weeks().expect("weeks").into_iter().map(|w| (w.monday, w.style)).collect()
        };
        assert_eq!(weeks(&copy), weeks(&original), "{name}: the deload week with no session");
        assert_eq!(export_text(&copy, format), text, "{name}");
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
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("new.db");
    let file = external("strong_export_semicolon_2025-09.csv");
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
    assert!(String::from_utf8_lossy(&out.stdout).contains("sessions: 10 would import"));
    assert!(!db.exists(), "a dry run writes nothing, not even an empty log");
}

#[test]
fn imported_history_shows_in_history_and_the_trend() {
    let mut store = Store::in_memory().expect("store");
    import(&mut store, &external("hevy_export_kg_2024-2025.csv"), Options::default()).expect("imports");
    let mut d = common::driver_on(store, clock());
    // The check-in, then History, then the week of the last imported workout.
    common::press(&mut d, &[common::key(ratatui::crossterm::event::KeyCode::Esc), common::ch('2'), common::ch('g')]);
    common::type_text(&mut d, "2025-09-15");
    common::press(&mut d, &[common::key(ratatui::crossterm::event::KeyCode::Enter)]);
    let text = common::screen(&d, 120, 40);
    assert!(text.contains("Week of 15 Sep 2025"), "{text}");
    assert!(text.contains("Lower // Ramp // Strength // 1"), "the workout's own name: {text}");
    assert!(text.contains("Barbell back squat") && text.contains("ramp-ups: 37.5kg x10 @4"), "{text}");
    // The exercise's trend reaches back over the imported year.
    common::press(&mut d, &[common::ch('/')]);
    common::type_text(&mut d, "back squat");
    common::press(&mut d, &[common::key(ratatui::crossterm::event::KeyCode::Enter), common::ch('r'), common::ch('r')]);
    let text = common::screen(&d, 120, 40);
    assert!(text.contains("Barbell back squat: best e1RM per week, all time"), "{text}");
    assert!(text.contains("★ e1RM 105.9 kg: 77.5 kg x 10 @ 1"), "the best set, RPE 9 read as RIR 1: {text}");
}

#[test]
fn an_import_maps_names_to_the_plans_own_exercises_too() {
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
        .arg(external("hevy_export_kg_2024-2025.csv"))
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("7 exercises are not in the catalogue"), "{stdout}");
    assert!(!stdout.contains("Katana"), "the plan's own exercise knows Hevy's name: {stdout}");
    let store = Store::open(&db).expect("opens");
    let katana = store.logged_exercises().expect("names").into_iter().find(|(n, _)| n.contains("Katana"));
    assert_eq!(katana, Some(("Katana extension".to_string(), 92)));
}

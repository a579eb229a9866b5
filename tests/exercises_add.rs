//! `hardset exercises add`: an exercise of your own from the shell, kept as the app's picker
//! keeps one; refused, with what would do, for an unknown equipment or muscle and for a name
//! the catalogue, the plan or the log already has. Once made, every command knows it.

mod common;

use common::{ok_in as ok, run_in as hardset};
use std::path::Path;

use hardset::model::exercise::{Equipment, Muscle};
use hardset::store::Store;

fn refused(root: &Path, args: &[&str]) -> String {
    let (code, out, err) = hardset(root, args);
    assert_eq!(code, Some(1), "{args:?}: {out}{err}");
    assert!(out.is_empty(), "{out}");
    err
}

fn own_names(root: &Path) -> Vec<String> {
    let store = Store::open_to_read(&root.join("log.db")).expect("opens");
    store.custom_exercises().expect("reads").into_iter().map(|c| c.name).collect()
}

#[test]
fn an_exercise_added_from_the_shell_is_logged_found_and_counted() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path();
    let out =
        ok(root, &["exercises", "add", "Zercher  squat\u{7}", "--equipment", "barbell", "--muscles", "quads, glutes"]);
    assert_eq!(out.trim(), "added Zercher squat (barbell; quads, glutes; technical: keep 1-2 in reserve)");
    let store = Store::open_to_read(&root.join("log.db")).expect("opens");
    let made = store.custom_exercises().expect("reads");
    assert_eq!(made.len(), 1);
    assert_eq!(
        (
            made[0].name.as_str(),
            made[0].equipment,
            made[0].muscles.as_slice(),
            made[0].source.as_str(),
            made[0].technical
        ),
        ("Zercher squat", Equipment::Barbell, [Muscle::Quads, Muscle::Glutes].as_slice(), "cli", Some(true))
    );
    drop(store);

    // `log` files a set under it (any case), `history` finds it, the week counts it.
    let logged = ok(root, &["log", "zercher SQUAT", "100x5@2"]);
    assert!(logged.contains("logged Zercher squat working: 100 kg x 5 @ 2"), "{logged}");
    let listed = ok(root, &["exercises"]);
    assert!(listed.contains("Zercher squat (1 set; quads, glutes; your own exercise)"), "{listed}");
    let history = ok(root, &["history", "Zercher squat"]);
    assert!(history.starts_with("Zercher squat, week by week"), "{history}");
    assert!(history.contains("100 kg x 5 @ 2"), "{history}");
    let week = ok(root, &["week", "--json"]);
    let week: serde_json::Value = serde_json::from_str(&week).expect("JSON");
    let sets_of = |muscle: &str| {
        week["muscles"]
            .as_array()
            .expect("muscles")
            .iter()
            .find(|m| m["muscle"] == muscle)
            .map(|m| m["effective_sets"].clone())
    };
    assert_eq!(sets_of("quads"), Some(serde_json::json!(1.0)), "{week}");
    assert_eq!(sets_of("glutes"), Some(serde_json::json!(1.0)), "{week}");

    // A technical lift logged to failure is warned about as the catalogue's are.
    let (_, out, err) = hardset(root, &["log", "Zercher squat", "100x5@0"]);
    assert!(format!("{out}{err}").contains("RIR 0 on a technical lift"), "{out}{err}");

    // The JSON export keeps what the lifter said, and an import into a new log brings it back.
    let export = ok(root, &["export", "--format", "json"]);
    assert!(export.contains("\"technical\": true") || export.contains("\"technical\":true"), "{export}");
    let other = tempfile::tempdir().expect("temp");
    let file = other.path().join("log.json");
    std::fs::write(&file, &export).expect("writes");
    ok(other.path(), &["import", file.to_str().expect("UTF-8")]);
    let store = Store::open_to_read(&other.path().join("log.db")).expect("opens");
    let back = store.custom_exercises().expect("reads");
    assert_eq!(
        back.iter().map(|c| (c.name.as_str(), c.technical)).collect::<Vec<_>>(),
        [("Zercher squat", Some(true))]
    );
}

#[test]
fn safe_or_technical_is_said_or_follows_the_equipment() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path();
    let out = ok(root, &["exercises", "add", "Pendulum squat", "--equipment", "machine", "--muscles", "quads"]);
    assert!(out.contains("safe to take to failure"), "{out}");
    let out =
        ok(root, &["exercises", "add", "Belt squat", "--equipment", "machine", "--muscles", "quads", "--technical"]);
    assert!(out.contains("technical"), "{out}");
    let out = ok(
        root,
        &["exercises", "add", "Landmine press", "--equipment", "barbell", "--muscles", "front delts", "--safe"],
    );
    assert!(out.contains("safe to take to failure"), "{out}");
    let err = hardset(
        root,
        &["exercises", "add", "X", "--equipment", "machine", "--muscles", "quads", "--safe", "--technical"],
    )
    .2;
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn bad_answers_and_known_names_are_refused_with_nothing_written() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path();
    let err = refused(root, &["exercises", "add", "Zercher squat", "--equipment", "barbel", "--muscles", "quads"]);
    assert!(
        err.contains(
            "no equipment \"barbel\": one of barbell, dumbbell, machine, cable, bodyweight, smith machine, kettlebell"
        ),
        "{err}"
    );
    let err =
        refused(root, &["exercises", "add", "Zercher squat", "--equipment", "barbell", "--muscles", "quads,glute"]);
    assert!(err.contains("no muscle \"glute\": one or more of chest, lats,") && err.contains("glutes"), "{err}");
    let err = refused(root, &["exercises", "add", "Zercher squat", "--equipment", "barbell", "--muscles", " , "]);
    assert!(err.contains("name one or more muscles"), "{err}");
    let err = refused(root, &["exercises", "add", "\u{1b}\u{7}", "--equipment", "barbell", "--muscles", "quads"]);
    assert!(err.contains("type the exercise's name"), "{err}");
    // The catalogue's name in another case, and another name of a catalogue exercise.
    let err =
        refused(root, &["exercises", "add", "barbell BACK squat", "--equipment", "barbell", "--muscles", "quads"]);
    assert!(err.contains("is already an exercise (Barbell back squat)"), "{err}");
    let err = refused(root, &["exercises", "add", "RDL", "--equipment", "barbell", "--muscles", "hamstrings"]);
    assert!(err.contains("is already an exercise (Romanian deadlift)"), "{err}");
    assert!(!root.join("log.db").exists() || own_names(root).is_empty(), "nothing written");
    // One of the log's own, in another case.
    ok(root, &["exercises", "add", "Zercher squat", "--equipment", "barbell", "--muscles", "quads"]);
    let err = refused(root, &["exercises", "add", "ZERCHER squat", "--equipment", "barbell", "--muscles", "quads"]);
    assert!(err.contains("is already an exercise (Zercher squat)"), "{err}");
    assert_eq!(own_names(root), ["Zercher squat"]);
}

#[test]
fn plan_show_prints_the_day_note_and_each_exercise_note() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path();
    std::fs::create_dir_all(root.join("config")).expect("folder");
    std::fs::write(
        root.join("config/plan.toml"),
        "name = \"Notes\"\nschedule = \"rotation\"\n\n[[day]]\nname = \"Press\"\nnote = \"Hard sets first\\u001b[2J.\"\n\n  \
         [[day.exercise]]\n  name = \"Machine chest press\"\n  sets = 2\n  reps = \"8-12\"\n  note = \"seat on 4, handles low\"\n\n  \
         [[day.exercise]]\n  name = \"Lat pulldown\"\n  sets = 2\n  reps = \"8-12\"\n",
    )
    .expect("writes");
    let out = ok(root, &["plan", "show"]);
    let lines: Vec<&str> = out.lines().collect();
    let day = lines.iter().position(|l| l.starts_with("Press")).expect("the day");
    assert_eq!(lines[day + 1], "  note: Hard sets first[2J.", "{out}");
    let press = lines.iter().position(|l| l.contains("Machine chest press")).expect("the press");
    assert_eq!(lines[press + 1], "      ◆ seat on 4, handles low", "{out}");
    let pulldown = lines.iter().position(|l| l.contains("Lat pulldown")).expect("the pulldown");
    assert!(lines.get(pulldown + 1).is_none_or(|l| !l.contains('◆')), "no note, no line: {out}");
    assert!(!out.contains('\u{1b}'), "{out}");
}

#[test]
fn a_plan_naming_an_exercise_of_your_own_is_read_by_every_plan_command() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path();
    ok(root, &["exercises", "add", "Zercher squat", "--equipment", "barbell", "--muscles", "quads,glutes"]);
    std::fs::create_dir_all(root.join("config")).expect("folder");
    std::fs::write(
        root.join("config/plan.toml"),
        "name = \"Own\"\nschedule = \"rotation\"\n\n[[day]]\nname = \"Legs\"\n\n  [[day.exercise]]\n  \
         name = \"Zercher squat\"\n  sets = 2\n  reps = \"6-10\"\n",
    )
    .expect("writes");
    assert!(ok(root, &["plan", "check"]).contains("ok"), "plan check reads it");
    assert!(ok(root, &["plan", "show"]).contains("Zercher squat"));
    let (_, out, err) = hardset(root, &["doctor"]);
    assert!(!format!("{out}{err}").contains("unknown exercise"), "{out}{err}");
    // Without the log, the name is unknown again: the plan commands say so, at its line.
    std::fs::remove_file(root.join("log.db")).expect("removes");
    let (code, out, err) = hardset(root, &["plan", "check"]);
    assert_ne!(code, Some(0));
    assert!(format!("{out}{err}").contains("Zercher squat"), "{out}{err}");
}

//! Issue 14, item 10: every command resolves the log's own exercises, as the app's pickers do.
//! A Hevy export brings "Hip Adduction (Machine)", which the catalogue does not know; `history`,
//! `log` and `calc ramp` find it by its name, in any case.

mod common;

use common::{ok_in as ok, run_in as hardset};
use std::path::Path;

const HEVY: &str = "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\"exercise_notes\",\"set_index\",\"set_type\",\"weight_lbs\",\"reps\",\"distance_miles\",\"duration_seconds\",\"rpe\"
\"Morning workout\",\"11 Jun 2025, 06:29\",\"11 Jun 2025, 07:29\",\"\",\"Hip Adduction (Machine)\",,\"\",0,\"normal\",150,10,,,
\"Morning workout\",\"11 Jun 2025, 06:29\",\"11 Jun 2025, 07:29\",\"\",\"Hip Adduction (Machine)\",,\"\",1,\"normal\",160,8,,,8
\"Morning workout\",\"11 Jun 2025, 06:29\",\"11 Jun 2025, 07:29\",\"\",\"Reverse Fly Single Arm (Cable)\",,\"\",0,\"normal\",20,12,,,
\"Morning workout\",\"11 Jun 2025, 06:29\",\"11 Jun 2025, 07:29\",\"\",\"Box Jump\",,\"\",0,\"normal\",,10,,,
\"Morning workout\",\"11 Jun 2025, 06:29\",\"11 Jun 2025, 07:29\",\"\",\"Skullcrusher (Dumbbell)\",,\"\",0,\"normal\",30,10,,,
";

#[test]
fn history_and_log_find_an_imported_custom_exercise() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path();
    // Before the import, the name is unknown, and nothing is written.
    let (code, _, err) = hardset(root, &["log", "Hip Adduction (Machine)", "150x10@2", "--unit", "lb"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("unknown exercise 'Hip Adduction (Machine)'"), "{err}");
    let file = root.join("hevy.csv");
    std::fs::write(&file, HEVY).expect("writes");
    ok(root, &["import", file.to_str().expect("UTF-8")]);
    let text = ok(root, &["history", "Hip Adduction (Machine)"]);
    assert!(text.starts_with("Hip Adduction (Machine), week by week"), "{text}");
    assert!(text.contains("160 lb x 8"), "{text}");
    // Any case, as the pickers match it; and `log` files the set under the log's own name.
    let logged = ok(root, &["log", "hip adduction (machine)", "150x10@2", "--unit", "lb"]);
    assert!(logged.contains("logged Hip Adduction (Machine) working: 150 lb x 10 @ 2"), "{logged}");
    let export = ok(root, &["export"]);
    assert_eq!(export.lines().filter(|l| l.contains("Hip Adduction (Machine)")).count(), 3, "{export}");
    assert!(!export.contains("hip adduction (machine)"), "filed under the one name");
    // `calc ramp` knows it too.
    ok(root, &["calc", "ramp", "150", "--exercise", "Hip Adduction (Machine)", "--unit", "lb"]);
    // `exercises` still lists it as one the catalogue does not know.
    assert!(ok(root, &["exercises"]).contains("Hip Adduction (Machine) (3 sets"));
}

/// The real Hevy export of issue 14 (when `HARDSET_EXTERNAL_DATA` names its folder).
#[test]
fn the_real_hevy_exports_custom_exercise_is_found_by_history() {
    let Some(folder) = std::env::var_os("HARDSET_EXTERNAL_DATA") else { return };
    let file = Path::new(&folder).join("hevy_andyjwest-lbs-miles.csv");
    let dir = tempfile::tempdir().expect("temp");
    ok(dir.path(), &["import", file.to_str().expect("UTF-8")]);
    let text = ok(dir.path(), &["history", "Hip Adduction (Machine)"]);
    assert!(text.contains("150 lb x 10"), "{text}");
    let text = ok(dir.path(), &["history", "Sled Push"]);
    assert!(text.starts_with("Sled Push, week by week"), "{text}");
}

/// `hardset exercises`' "closest" matches the movement's words and never its opposite: no
/// "Hip abduction" for an adduction, a reverse fly's is a reverse fly, and a name that shares no
/// movement with the catalogue gets none rather than a wrong one.
#[test]
fn exercises_suggests_the_same_movement_or_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path();
    let file = root.join("hevy.csv");
    std::fs::write(&file, HEVY).expect("writes");
    ok(root, &["import", file.to_str().expect("UTF-8")]);
    let text = ok(root, &["exercises"]);
    let line = |name: &str| text.lines().find(|l| l.trim_start().starts_with(name)).unwrap_or_default().to_string();
    assert!(!line("Hip Adduction (Machine)").contains("closest"), "{text}");
    assert!(line("Reverse Fly Single Arm (Cable)").ends_with("closest: Cable reverse fly)"), "{text}");
    assert!(!line("Box Jump").contains("closest"), "{text}");
    assert!(line("Skullcrusher (Dumbbell)").ends_with("closest: Skull crusher)"), "{text}");
    // The suggestion is one `exercises map` takes.
    ok(root, &["exercises", "map", "Skullcrusher (Dumbbell)", "Skull crusher"]);
    assert!(ok(root, &["history", "Skull crusher"]).contains("30 lb x 10"));
}

/// On the real Hevy export: no suggestion is an opposite or a letter-alike of another movement.
#[test]
fn the_real_hevy_exports_closest_names_are_never_opposites() {
    let Some(folder) = std::env::var_os("HARDSET_EXTERNAL_DATA") else { return };
    let file = Path::new(&folder).join("hevy_andyjwest-lbs-miles.csv");
    let dir = tempfile::tempdir().expect("temp");
    ok(dir.path(), &["import", file.to_str().expect("UTF-8")]);
    let text = ok(dir.path(), &["exercises"]);
    assert!(text.contains("Hip Adduction (Machine)"), "{text}");
    assert!(!text.contains("closest: Hip abduction"), "{text}");
    assert!(!text.contains("Box Jump (29 sets; no muscles; closest"), "{text}");
    assert!(
        text.contains(
            "Single Leg Romanian Deadlift (Dumbbell) (30 sets; no muscles; closest: Dumbbell Romanian deadlift)"
        ),
        "{text}"
    );
}

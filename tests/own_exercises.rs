//! New exercises from the app: the add picker offers "create 'Zercher squat'" for a name no
//! exercise has, asks what it is lifted with, the muscles it works and whether it is safe to
//! take to failure, keeps it in the log as an import's custom exercise is kept, and adds it to
//! today. Its sets count in the Week and follow the failure rules; Esc at any step writes
//! nothing; a name the catalogue or the log already has is never made twice.

mod common;

use common::*;
use hardset::clock::FixedClock;
use hardset::model::exercise::{CustomExercise, Equipment, FailureClass, Muscle};
use hardset::model::session::SetKind;
use hardset::tui::driver::Driver;
use hardset::tui::popups::{NewStep, Popup, Question};
use ratatui::crossterm::event::KeyCode;

fn enter() -> ratatui::crossterm::event::KeyEvent {
    key(KeyCode::Enter)
}

fn step(d: &Driver<FixedClock>) -> Option<NewStep> {
    match &d.app.popup {
        Some(Popup::NewExercise(new)) => Some(new.step),
        _ => None,
    }
}

/// `a`, the name typed, and the picker's row under the cursor.
fn type_in_picker(d: &mut Driver<FixedClock>, name: &str) {
    press(d, &[ch('a')]);
    type_text(d, name);
}

#[test]
fn a_new_exercise_is_made_from_the_picker_added_to_today_and_counted_in_the_week() {
    let mut d = fresh_driver();
    type_in_picker(&mut d, "Zercher squat");
    let picker = screen(&d, 80, 24);
    assert!(picker.contains("No exercise matches.") && picker.contains("+ create 'Zercher squat'"), "{picker}");
    insta::assert_snapshot!("picker_offers_create_80x24", picker);

    // Enter on the create row asks the three questions; the first is the equipment.
    press(&mut d, &[enter()]);
    assert_eq!(step(&d), Some(NewStep::Equipment));
    insta::assert_snapshot!("new_exercise_equipment_80x24", screen(&d, 80, 24));
    press(&mut d, &[enter()]);
    // Quads (the tenth muscle) and glutes (the twelfth), ticked with Space.
    assert_eq!(step(&d), Some(NewStep::Muscles));
    for _ in 0..9 {
        press(&mut d, &[ch('j')]);
    }
    press(&mut d, &[ch(' '), key(KeyCode::Down), key(KeyCode::Down), ch(' ')]);
    let muscles = screen(&d, 80, 24);
    assert!(muscles.contains("[x] quads") && muscles.contains("[x] glutes") && muscles.contains("[ ] chest"));
    insta::assert_snapshot!("new_exercise_muscles_80x24", muscles);
    press(&mut d, &[enter()]);
    // A barbell lift starts on "technical".
    assert_eq!(step(&d), Some(NewStep::Failure));
    let Some(Popup::NewExercise(new)) = &d.app.popup else { panic!("open") };
    assert_eq!(new.row, 1, "technical is selected for a barbell");
    insta::assert_snapshot!("new_exercise_failure_80x24", screen(&d, 80, 24));
    assert!(d.store.custom_exercises().expect("reads").is_empty(), "nothing is written before the last Enter");
    press(&mut d, &[enter()]);

    assert!(d.app.popup.is_none());
    assert_eq!(
        d.store.custom_exercises().expect("reads"),
        [CustomExercise {
            name: "Zercher squat".into(),
            muscles: vec![Muscle::Quads, Muscle::Glutes],
            equipment: Equipment::Barbell,
            source: "app".into(),
            technical: Some(true),
        }]
    );
    let message = d.app.message.clone().map(|(_, m)| m).unwrap_or_default();
    assert!(message.contains("New exercise Zercher squat (barbell; quads, glutes; technical"), "{message}");
    let today = d.app.today.clone().expect("today");
    let ei = today.exercises.iter().position(|e| e.planned.name == "Zercher squat").expect("added to today");
    let zercher = &today.exercises[ei];
    assert!(zercher.added);
    assert_eq!(zercher.planned.failure_class, FailureClass::Technical);
    assert_eq!(zercher.planned.rir.to_string(), "1-2", "a technical lift's target");

    // Its working set, typed to failure, is asked about as a technical lift's.
    let si = zercher.slots.iter().position(|s| s.kind == SetKind::Working).expect("a working set");
    d.app.today_screen.cursor = Some((ei, si));
    press(&mut d, &[enter()]);
    type_text(&mut d, "100");
    press(&mut d, &[enter()]);
    type_text(&mut d, "5");
    press(&mut d, &[enter(), ch('0'), enter()]);
    assert!(
        matches!(&d.app.popup, Some(Popup::Confirm(Question::TechnicalFailure { exercise, .. })) if exercise == "Zercher squat"),
        "{:?}",
        d.app.popup
    );
    press(&mut d, &[ch('n'), ch('2'), enter()]);
    let sets = d.app.today.as_ref().map(|t| t.sets.clone()).unwrap_or_default();
    assert_eq!(sets.iter().map(|s| s.entry.summary()).collect::<Vec<_>>(), ["100 kg x 5 @ 2"]);

    // The Week counts it for quads and glutes.
    press(&mut d, &[key(KeyCode::Esc), ch('3')]);
    let report = d.app.week.report.clone().expect("the week");
    for muscle in ["quads", "glutes"] {
        let line = report.muscles.iter().find(|m| m.muscle == muscle).unwrap_or_else(|| panic!("{muscle}"));
        assert!((line.effective_sets - 1.0).abs() < 1e-9, "{muscle}: {}", line.effective_sets);
    }
    assert!(report.muscles.iter().all(|m| m.muscle != "hamstrings"));
}

#[test]
fn esc_at_any_step_makes_nothing() {
    for enters in 0..3 {
        let mut d = fresh_driver();
        let before = d.app.today.as_ref().map(|t| t.exercises.len());
        type_in_picker(&mut d, "Zercher squat");
        press(&mut d, &[enter()]);
        for _ in 0..enters {
            press(&mut d, &[enter()]);
        }
        assert!(step(&d).is_some(), "at step {enters}");
        press(&mut d, &[key(KeyCode::Esc)]);
        assert!(d.app.popup.is_none(), "Esc closes it");
        assert!(d.store.custom_exercises().expect("reads").is_empty(), "nothing written at step {enters}");
        assert_eq!(d.app.today.as_ref().map(|t| t.exercises.len()), before, "today is as it was");
        assert!(d.app.plan.exercises.get("Zercher squat").is_none());
    }
}

#[test]
fn backspace_goes_back_a_step_with_the_answers_kept_and_enter_with_none_ticked_takes_the_selected() {
    let mut d = fresh_driver();
    type_in_picker(&mut d, "Pendulum squat");
    // Machine is the third kind.
    press(&mut d, &[enter(), key(KeyCode::Down), key(KeyCode::Down), enter()]);
    press(&mut d, &[key(KeyCode::Backspace)]);
    let Some(Popup::NewExercise(new)) = &d.app.popup else { panic!("open") };
    assert_eq!((new.step, new.row), (NewStep::Equipment, 2), "back on the machine");
    // Quads selected, none ticked: Enter takes it; a machine starts on "safe".
    press(&mut d, &[enter()]);
    for _ in 0..9 {
        press(&mut d, &[key(KeyCode::Down)]);
    }
    press(&mut d, &[enter()]);
    let Some(Popup::NewExercise(new)) = &d.app.popup else { panic!("open") };
    assert_eq!((new.step, new.row), (NewStep::Failure, 0), "safe is selected for a machine");
    assert_eq!(new.muscles, [Muscle::Quads]);
    press(&mut d, &[enter()]);
    let made = d.store.custom_exercises().expect("reads");
    assert_eq!(made.len(), 1);
    assert_eq!((made[0].equipment, made[0].technical), (Equipment::Machine, Some(false)));
    assert_eq!(made[0].to_exercise().failure_class, FailureClass::Safe);
}

#[test]
fn a_name_the_catalogue_or_the_log_has_is_picked_not_made_again() {
    let mut d = fresh_driver();
    // The catalogue's name, in another case and with a control character: no create row, and
    // Enter adds the catalogue's exercise.
    type_in_picker(&mut d, "barbell BACK\u{7} squat");
    assert!(!screen(&d, 80, 24).contains("+ create"), "{}", screen(&d, 80, 24));
    press(&mut d, &[enter()]);
    let names = |d: &Driver<FixedClock>| -> Vec<String> {
        d.app.today.as_ref().expect("today").exercises.iter().map(|e| e.planned.name.clone()).collect()
    };
    assert!(names(&d).contains(&"Barbell back squat".to_string()));
    // Another name of a catalogue exercise ("RDL") is that exercise, first among the matches.
    type_in_picker(&mut d, "rdl");
    let picker = screen(&d, 80, 24);
    assert!(!picker.contains("+ create"), "{picker}");
    press(&mut d, &[enter()]);
    assert!(names(&d).contains(&"Romanian deadlift".to_string()), "{:?}", names(&d));
    assert!(d.store.custom_exercises().expect("reads").is_empty());

    // Names that match in part still offer to make the exact name, on the last row.
    type_in_picker(&mut d, "squat zercher");
    let picker = screen(&d, 80, 24);
    assert!(picker.contains("+ create 'squat zercher'"), "{picker}");
    press(&mut d, &[key(KeyCode::Esc)]);
    type_in_picker(&mut d, "Hack");
    let picker = screen(&d, 80, 24);
    assert!(picker.contains("Hack squat") && picker.contains("+ create 'Hack'"), "{picker}");
    let Some(Popup::Picker(state)) = &d.app.popup else { panic!("open") };
    assert_eq!(state.selected, 0, "Enter still picks the first match");
    press(&mut d, &[key(KeyCode::Esc)]);

    // Made once, the name is known: the picker finds it and offers no second one.
    type_in_picker(&mut d, "Zercher squat");
    press(&mut d, &[enter(), enter(), enter(), enter()]);
    assert_eq!(d.store.custom_exercises().expect("reads").len(), 1);
    type_in_picker(&mut d, "zercher SQUAT");
    let picker = screen(&d, 80, 24);
    assert!(picker.contains("Zercher squat") && !picker.contains("+ create"), "{picker}");
}

#[test]
fn the_finder_never_offers_to_make_one() {
    let mut d = fresh_driver();
    press(&mut d, &[ch('/')]);
    type_text(&mut d, "Zercher squat");
    assert!(!screen(&d, 80, 24).contains("+ create"));
    press(&mut d, &[enter()]);
    assert!(d.app.popup.is_none() && d.store.custom_exercises().expect("reads").is_empty());
}

#[test]
fn a_log_from_before_own_exercises_upgrades_with_a_backup_and_keeps_every_set() {
    use std::path::Path;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hardset.db");
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    let mut files: Vec<_> = std::fs::read_dir(migrations).expect("lists").map(|e| e.expect("entry").path()).collect();
    files.sort();
    {
        let conn = rusqlite::Connection::open(&path).expect("opens");
        for file in &files[..7] {
            conn.execute_batch(&std::fs::read_to_string(file).expect("reads")).expect("migration runs");
        }
        conn.execute_batch(
            "INSERT INTO session (id, started_at, ended_at, day_name, day_index) VALUES (1, 1764000000, 1764003600, 'Day 1', 0);
             INSERT INTO workout_set (session_id, exercise, kind, load_hundredths, unit, reps, rir_halves, logged_at, load_record, basis, side)
             VALUES (1, 'Lat pulldown', 'working', 6000, 'kg', 10, 2, 1764000100, 1, 'load', NULL),
                    (1, 'Chin-up', 'working', 1000, 'kg', 8, 2, 1764000200, 1, 'bw+', NULL),
                    (1, 'Hip Adduction (Machine)', 'working', 7000, 'kg', 12, 2, 1764000300, 1, 'load', NULL),
                    (1, 'Lat pulldown', 'ramp-up', 3000, 'kg', 8, NULL, 1764000050, 0, 'load', NULL);
             INSERT INTO custom_exercise (name, muscles, equipment, source, added_at)
             VALUES ('Hip Adduction (Machine)', 'glutes', 'machine', 'Hevy import', 1764000000);",
        )
        .expect("data");
        conn.pragma_update(None, "user_version", 7).expect("version");
    }
    let before: Vec<String> = {
        let conn = rusqlite::Connection::open(&path).expect("opens");
        let mut stmt = conn.prepare("SELECT exercise || ' ' || reps FROM workout_set ORDER BY id").expect("prepares");
        stmt.query_map([], |r| r.get(0)).expect("reads").collect::<Result<_, _>>().expect("rows")
    };
    let mut store = hardset::store::Store::open(&path).expect("upgrades");
    assert_eq!(store.schema().expect("version"), hardset::store::SCHEMA_VERSION);
    assert!(dir.path().join("hardset.db.v7.bak").is_file(), "the upgrade kept a backup of the old log");
    let mut after = Vec::new();
    store
        .for_each_set(|s| {
            after.push(format!("{} {}", s.entry.exercise, s.entry.reps));
            Ok(())
        })
        .expect("reads");
    after.sort();
    let mut before = before;
    before.sort();
    assert_eq!(after, before, "every set is kept");
    // The import's exercise is as it was: its equipment still says it is safe to take to failure.
    let custom = store.custom_exercises().expect("reads");
    assert_eq!(custom.len(), 1);
    assert_eq!((custom[0].technical, custom[0].failure_class()), (None, FailureClass::Safe));
    // The new tables take what the app writes.
    store.set_exercise_note("lat pulldown", Some("thigh pad snug"), evening()).expect("pins");
    assert_eq!(store.exercise_notes().expect("reads"), [("lat pulldown".to_string(), "thigh pad snug".to_string())]);
    let made = CustomExercise {
        name: "Zercher squat".into(),
        muscles: vec![Muscle::Quads],
        equipment: Equipment::Barbell,
        source: "app".into(),
        technical: Some(true),
    };
    assert!(store.add_custom_exercise(&made, evening()).expect("keeps"));
    let again = CustomExercise { name: "ZERCHER SQUAT".into(), ..made };
    assert!(!store.add_custom_exercise(&again, evening()).expect("refuses quietly"), "one name, any case");
}

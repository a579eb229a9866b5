//! A note pinned to an exercise from the app (`n` on Today's checklist): seat height, grip,
//! cues, shown under the exercise on Today and in the set form every session, kept in the log,
//! shown instead of the plan's note while it is set, and taken off by emptying it.

mod common;

use common::*;
use hardset::clock::FixedClock;
use hardset::model::exercise::Catalogue;
use hardset::model::plan::Plan;
use hardset::store::Store;
use hardset::tui::app::App;
use hardset::tui::driver::Driver;
use hardset::tui::popups::Popup;
use ratatui::crossterm::event::KeyCode;

const PLAN: &str = r#"
name = "Notes"
schedule = "rotation"

[[day]]
name = "Press"

  [[day.exercise]]
  name = "Machine chest press"
  sets = 2
  reps = "8-12"
  ramp_up = false
  note = "seat on 4"

  [[day.exercise]]
  name = "Lat pulldown"
  sets = 2
  reps = "8-12"
  ramp_up = false
"#;

fn plan() -> Plan {
    Plan::parse(PLAN, "plan.toml", &Catalogue::shipped()).expect("the plan parses")
}

fn driver_on_file(path: &std::path::Path) -> Driver<FixedClock> {
    Driver::new(App::new(plan(), test_settings()), Store::open(path).expect("opens"), FixedClock::at(evening()))
}

fn erase(d: &mut Driver<FixedClock>, count: usize) {
    for _ in 0..count {
        d.key(key(KeyCode::Backspace));
    }
}

/// The line under an exercise's title on Today at 80x24.
fn under_title(d: &Driver<FixedClock>, title: &str) -> String {
    let narrow = screen(d, 80, 24);
    let lines: Vec<&str> = narrow.lines().collect();
    let at = lines.iter().position(|l| l.contains(title)).unwrap_or_else(|| panic!("{title}: {narrow}"));
    lines[at + 1].to_string()
}

#[test]
fn a_note_pinned_from_the_app_shows_instead_of_the_plans_persists_and_comes_off() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hardset.db");
    let mut d = driver_on_file(&path);
    assert!(under_title(&d, "Machine chest press  2x8-12").contains("◆ seat on 4"), "the plan's note");

    // n on the exercise opens on the note shown: the plan's.
    press(&mut d, &[ch('n')]);
    let Some(Popup::PinNote(note)) = &d.app.popup else { panic!("the pinned note opens: {:?}", d.app.popup) };
    assert_eq!((note.exercise.as_str(), note.text.as_str(), note.own), ("Machine chest press", "seat on 4", false));
    let popup = screen(&d, 80, 24);
    assert!(popup.contains("Pinned note: Machine chest press") && popup.contains("Note: seat on 4▏"), "{popup}");
    assert!(popup.contains("The plan's note"), "{popup}");

    // Esc leaves it as it was, writing nothing.
    press(&mut d, &[key(KeyCode::Esc)]);
    assert!(d.app.popup.is_none());
    assert!(d.store.exercise_notes().expect("reads").is_empty(), "nothing written");

    // Typed (a control character is not typed) and saved: committed, and shown on Today and in
    // the form instead of the plan's.
    press(&mut d, &[ch('n')]);
    erase(&mut d, 1);
    type_text(&mut d, "5, handles\u{7} low");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert_eq!(
        d.store.exercise_notes().expect("reads"),
        [("Machine chest press".to_string(), "seat on 5, handles low".to_string())]
    );
    assert!(d.app.message.as_ref().is_some_and(|(_, m)| m.contains("Note pinned to Machine chest press")));
    assert!(under_title(&d, "Machine chest press  2x8-12").contains("◆ seat on 5, handles low"));
    press(&mut d, &[key(KeyCode::Enter)]);
    assert!(screen(&d, 80, 24).contains("◆ seat on 5, handles low"), "the form shows it");
    assert!(!screen(&d, 120, 40).contains("seat on 4"), "the plan's note gives way");
    drop(d);

    // After a restart the app's note is still there; n opens on it.
    let mut d = driver_on_file(&path);
    assert!(under_title(&d, "Machine chest press  2x8-12").contains("◆ seat on 5, handles low"));
    press(&mut d, &[ch('n')]);
    let Some(Popup::PinNote(note)) = &d.app.popup else { panic!("opens") };
    assert_eq!((note.text.as_str(), note.own), ("seat on 5, handles low", true));
    insta::assert_snapshot!("pin_note_own_80x24", screen(&d, 80, 24));

    // Emptied, it comes off, and the plan's note shows again.
    erase(&mut d, 40);
    press(&mut d, &[key(KeyCode::Enter)]);
    assert!(d.store.exercise_notes().expect("reads").is_empty(), "taken off");
    assert!(under_title(&d, "Machine chest press  2x8-12").contains("◆ seat on 4"), "the plan's note is back");
}

#[test]
fn an_exercise_without_a_note_gets_one_and_a_plans_note_cannot_be_emptied_from_the_app() {
    let mut d = Driver::new(App::new(plan(), test_settings()), Store::in_memory().expect("store"), clock());
    // The cursor to the pulldown, which has no note.
    press(&mut d, &[key(KeyCode::Down), key(KeyCode::Down)]);
    press(&mut d, &[ch('n')]);
    let Some(Popup::PinNote(note)) = &d.app.popup else { panic!("opens") };
    assert_eq!((note.exercise.as_str(), note.text.as_str()), ("Lat pulldown", ""));
    // A long note: the field shows the end of what is typed at 80 columns.
    let long = "thigh pad snug, grip just outside the shoulders, lean back ten degrees, pull to the upper chest";
    type_text(&mut d, long);
    let popup = screen(&d, 80, 24);
    let field = popup.lines().find(|l| l.contains("Note: ")).expect("the note's line");
    assert!(field.contains("Note: …") && field.contains("lean back ten degrees, pull to the upper chest▏"), "{popup}");
    insta::assert_snapshot!("pin_note_long_80x24", popup);
    press(&mut d, &[key(KeyCode::Enter)]);
    assert_eq!(d.store.exercise_notes().expect("reads"), [("Lat pulldown".to_string(), long.to_string())]);
    let wide = screen(&d, 120, 40);
    assert!(wide.contains("◆ thigh pad snug"), "{wide}");

    // Enter on the note as it is writes nothing; emptying the plan's note is refused with where
    // it can be changed.
    press(&mut d, &[key(KeyCode::Up), key(KeyCode::Up), ch('n'), key(KeyCode::Enter)]);
    assert!(d.app.message.as_ref().is_some_and(|(_, m)| m.contains("as it was")), "{:?}", d.app.message);
    press(&mut d, &[ch('n')]);
    erase(&mut d, 20);
    press(&mut d, &[key(KeyCode::Enter)]);
    assert!(d.app.message.as_ref().is_some_and(|(_, m)| m.contains("your plan's")), "{:?}", d.app.message);
    assert_eq!(d.store.exercise_notes().expect("reads").len(), 1, "only the pulldown's note");
    assert!(screen(&d, 80, 24).contains("◆ seat on 4"));
}

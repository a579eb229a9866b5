//! Issue 14 on the gym floor, through the app's update loop: a first session's ramp-ups climb
//! towards the working weight typed, a record is celebrated when it is saved, and the Today
//! list stays true (a skipped exercise that gets a set, the cursor after the last set and after
//! an undo, a first time's reason once a set is logged).

mod common;

use common::*;
use hardset::clock::FixedClock;
use hardset::model::session::SetKind;
use hardset::tui::driver::Driver;
use hardset::tui::popups::Popup;
use hardset::tui::screens::Pane;
use ratatui::crossterm::event::KeyCode;

fn enter() -> ratatui::crossterm::event::KeyEvent {
    key(KeyCode::Enter)
}

/// The rows of exercise `ei` as Today shows them: `ramp-up 1 30 kg x 8 easy`.
fn rows(d: &Driver<FixedClock>, ei: usize) -> Vec<String> {
    let today = d.app.today.as_ref().expect("today");
    let e = &today.exercises[ei];
    e.slots
        .iter()
        .map(|s| format!("{} {}", hardset::training::checklist::slot_name(s.kind, s.number), e.slot_text(s)))
        .collect()
}

#[test]
fn a_first_sessions_ramp_ups_climb_towards_the_working_weight_typed() {
    let mut d = fresh_driver();
    assert_eq!(rows(&d, 0)[..2], ["ramp-up 1 load? x 8 easy", "ramp-up 2 load? x 4 easy"]);
    // The lifter goes to the working set first and types the weight they will work with.
    press(&mut d, &[ch('j'), ch('j'), enter()]);
    type_text(&mut d, "60");
    assert_eq!(rows(&d, 0)[0], "ramp-up 1 load? x 8 easy", "not while the weight is still being typed");
    press(&mut d, &[enter()]);
    assert_eq!(rows(&d, 0)[..2], ["ramp-up 1 30 kg x 8 easy", "ramp-up 2 45 kg x 4 easy"]);
    assert_eq!(d.app.today_screen.cursor, Some((0, 2)), "the cursor stays on set 1");
    insta::assert_snapshot!("first_session_ramp_ups_from_typed_weight_80x24", screen(&d, 80, 24));
    // Nothing is saved yet.
    assert!(d.app.today.as_ref().is_some_and(|t| t.sets.is_empty()));

    // Back to ramp-up 1: the typed set is left (asked first), and the ramp-up's form holds 30.
    press(&mut d, &[key(KeyCode::Esc), ch('k'), ch('k'), enter()]);
    assert!(matches!(d.app.popup, Some(Popup::Confirm(_))));
    press(&mut d, &[ch('y')]);
    assert_eq!(d.app.today_screen.form.weight, "30");
    press(&mut d, &[enter(), enter()]);
    assert_eq!(d.app.today_screen.form.weight, "45", "ramp-up 2 next, at its rung");
    press(&mut d, &[enter(), enter(), enter()]);
    // The working set's form comes back with the weight typed before the ramp-ups.
    let target = d.app.today_screen.form.target.clone().expect("the next set");
    assert_eq!((target.kind, target.number), (SetKind::Working, 1));
    assert_eq!(d.app.today_screen.form.weight, "60");
    press(&mut d, &[enter(), enter()]);
    type_text(&mut d, "8");
    press(&mut d, &[enter(), ch('1'), enter()]);
    let today = d.app.today.clone().expect("today");
    let logged: Vec<String> = today.sets.iter().map(|s| s.entry.summary()).collect();
    assert_eq!(logged, ["30 kg x 8", "45 kg x 4", "60 kg x 8 @ 1"]);
    assert_eq!(rows(&d, 0)[..3], ["ramp-up 1 30 kg x 8", "ramp-up 2 45 kg x 4", "set 1 60 kg x 8 @ 1"]);
}

#[test]
fn a_lighter_working_weight_drops_the_rungs_that_would_not_climb_and_the_cursor_follows() {
    let mut d = fresh_driver();
    press(&mut d, &[ch('j'), ch('j'), enter()]);
    // 50% of 10 on a 5 kg stack is 5, 75% is 7.5 -> 10, not below 10: one ramp-up.
    type_text(&mut d, "10");
    press(&mut d, &[enter()]);
    assert_eq!(rows(&d, 0)[..2], ["ramp-up 1 5 kg x 8 easy", "set 1 load? x 6 @ 0-1"]);
    assert_eq!(d.app.today_screen.cursor, Some((0, 1)), "still on set 1, one row up");
    assert_eq!(d.app.pane, Pane::Form);
    // A heavier weight typed over it brings the rung back, and the cursor with its row.
    press(&mut d, &[key(KeyCode::Up)]);
    for _ in 0..2 {
        press(&mut d, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut d, "60");
    press(&mut d, &[enter()]);
    assert_eq!(rows(&d, 0)[..2], ["ramp-up 1 30 kg x 8 easy", "ramp-up 2 45 kg x 4 easy"]);
    assert_eq!(d.app.today_screen.cursor, Some((0, 2)));
}

#[test]
fn a_bad_weight_or_a_ramp_up_typed_fills_nothing() {
    let mut d = fresh_driver();
    press(&mut d, &[ch('j'), ch('j'), enter()]);
    type_text(&mut d, "6.0.");
    press(&mut d, &[enter()]);
    assert_eq!(rows(&d, 0)[0], "ramp-up 1 load? x 8 easy");
    // A weight typed for a ramp-up is not the working weight.
    let mut d = fresh_driver();
    press(&mut d, &[enter()]);
    type_text(&mut d, "30");
    press(&mut d, &[enter()]);
    assert_eq!(rows(&d, 0)[1], "ramp-up 2 load? x 4 easy");
}

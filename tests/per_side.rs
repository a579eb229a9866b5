//! One side at a time: an exercise the catalogue marks `per_side` is logged "each side", or
//! left and right apart (two rows, saved together), by keys and by `hardset log`; a pair counts
//! once.

mod common;

#[path = "common/coach.rs"]
mod coach;

use common::*;
use hardset::model::session::{SetKind, Side};
use hardset::tui::driver::Driver;
use hardset::tui::popups::Popup;
use hardset::tui::screens::Pane;
use ratatui::crossterm::event::KeyCode;

const ROW: &str = "One-arm dumbbell row";

fn enter() -> ratatui::crossterm::event::KeyEvent {
    key(KeyCode::Enter)
}

/// A fresh day with the one-arm row added, the cursor on its first working set.
fn with_the_row() -> Driver<hardset::clock::FixedClock> {
    let mut d = fresh_driver();
    press(&mut d, &[ch('a')]);
    type_text(&mut d, "one-arm dumbbell");
    press(&mut d, &[enter()]);
    select_open_set(&mut d);
    d
}

fn select_open_set(d: &mut Driver<hardset::clock::FixedClock>) {
    let today = d.app.today.clone().expect("today");
    let ei = today.exercises.iter().position(|e| e.planned.name == ROW).expect("added");
    let si = today.exercises[ei]
        .slots
        .iter()
        .position(|s| s.kind == SetKind::Working && s.logged.is_none())
        .expect("an open set");
    d.app.today_screen.cursor = Some((ei, si));
}

fn sets(d: &Driver<hardset::clock::FixedClock>) -> Vec<hardset::model::session::SetEntry> {
    d.app.today.as_ref().map(|t| t.sets.iter().map(|s| s.entry.clone()).collect()).unwrap_or_default()
}

#[test]
fn left_and_right_apart_are_typed_in_turn_and_saved_together() {
    let mut d = with_the_row();
    press(&mut d, &[enter()]);
    assert_eq!(d.app.pane, Pane::Form);
    assert_eq!(d.app.today_screen.form.side, Some(Side::Each), "each side by default");
    assert!(screen(&d, 80, 24).contains("kg each side"));
    // a: left and right apart, the left first.
    press(&mut d, &[ch('a')]);
    assert_eq!(d.app.today_screen.form.side, Some(Side::Left));
    type_text(&mut d, "20");
    press(&mut d, &[enter()]);
    type_text(&mut d, "9");
    press(&mut d, &[enter(), ch('1'), enter()]);
    // The left side is held, nothing written; the form asks for the right.
    assert!(sets(&d).is_empty(), "nothing is written before the right side");
    let form = &d.app.today_screen.form;
    assert_eq!(form.side, Some(Side::Right));
    assert!(form.dirty, "a held left side is unsaved text");
    assert_eq!((form.weight.as_str(), form.reps.as_str()), ("20", "9"), "the left's numbers as suggestion");
    assert!(screen(&d, 80, 24).contains("Sides   right (left 20 kg x 9 @ 1)"), "{}", screen(&d, 80, 24));
    press(&mut d, &[enter()]);
    type_text(&mut d, "8");
    press(&mut d, &[enter(), ch('0'), enter()]);
    if matches!(d.app.popup, Some(Popup::Guess(_))) {
        press(&mut d, &[key(KeyCode::Esc)]);
    }
    let saved = d.app.today.as_ref().expect("today").sets.clone();
    assert_eq!(saved.len(), 2, "both sides, in one save");
    assert_eq!(saved[0].entry.summary(), "20 kg x 9 (left) @ 1");
    assert_eq!(saved[1].entry.summary(), "20 kg x 8 (right) @ 0");
    assert_eq!(saved[0].logged_at, saved[1].logged_at);
    assert!(d.app.rest().is_some(), "the rest starts after the pair");
    // One set of the plan's count, the right side shown under the left.
    let today = d.app.today.clone().expect("today");
    let row = today.exercises.iter().find(|e| e.planned.name == ROW).expect("row");
    assert_eq!(row.working_progress().0, 1);
    let slot = row.slots.iter().find(|s| s.logged.is_some()).expect("logged");
    assert_eq!(slot.attached.len(), 1);
    assert!(screen(&d, 120, 40).contains("↳ 20 kg x 8 (right) @ 0"));
}

#[test]
fn each_side_is_one_row_and_a_toggle_back_keeps_what_was_typed() {
    let mut d = with_the_row();
    press(&mut d, &[enter(), ch('a')]);
    type_text(&mut d, "22");
    press(&mut d, &[enter()]);
    type_text(&mut d, "7");
    press(&mut d, &[enter(), ch('2'), enter()]);
    assert_eq!(d.app.today_screen.form.side, Some(Side::Right));
    // Back to each side: the left's numbers come back to the form.
    press(&mut d, &[ch('a')]);
    let form = &d.app.today_screen.form;
    assert_eq!(
        (form.side, form.weight.as_str(), form.reps.as_str(), form.rir.as_str()),
        (Some(Side::Each), "22", "7", "2")
    );
    assert!(form.left.is_none());
    press(&mut d, &[key(KeyCode::Down), key(KeyCode::Down), enter()]);
    let saved = sets(&d);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].summary(), "22 kg x 7 each side @ 2");
    // Not on an exercise done with both sides at once.
    d.app.today_screen.cursor = Some((0, 0));
    press(&mut d, &[enter(), ch('a')]);
    assert_eq!(d.app.today_screen.form.side, None);
    assert!(
        matches!(&d.app.message, Some((_, m)) if m.contains("is not done one side at a time")),
        "{:?}",
        d.app.message
    );
}

#[test]
fn the_per_side_form_renders_at_both_sizes() {
    let mut d = with_the_row();
    press(&mut d, &[enter()]);
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("per_side_form_{w}x{h}"), screen(&d, w, h));
    }
    press(&mut d, &[ch('a')]);
    type_text(&mut d, "20");
    press(&mut d, &[enter()]);
    type_text(&mut d, "9");
    press(&mut d, &[enter(), ch('1'), enter()]);
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("per_side_right_{w}x{h}"), screen(&d, w, h));
    }
}

#[test]
fn log_takes_each_side_and_left_and_right_apart() {
    let lifter = coach::Lifter::new();
    let out = lifter.ok(&["log", ROW, "32x10@1", "L20x9@1", "R20x8@0"]);
    assert!(out.contains("logged One-arm dumbbell row working: 32 kg x 10 each side @ 1"), "{out}");
    assert!(out.contains("logged One-arm dumbbell row working: 20 kg x 9 (left) @ 1"), "{out}");
    assert!(out.contains("logged One-arm dumbbell row working: 20 kg x 8 (right) @ 0"), "{out}");
    for (args, expected) in [
        (vec!["log", ROW, "L20x9@1"], "'L20x9@1': a left side is followed by its right side"),
        (vec!["log", ROW, "R20x8@0", "L20x9@1"], "'R20x8@0': a right side follows its left side"),
        (
            vec!["log", "Machine chest press", "L80x8@1", "R80x8@1"],
            "Machine chest press is not done one side at a time",
        ),
    ] {
        let out = lifter.run(&args);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{err}");
    }
    let history = lifter.ok(&["history", ROW, "--json"]);
    assert_eq!(history.matches("\"reps\"").count().min(3), 3, "{history}");
}

#[test]
fn a_left_and_right_pair_reads_as_one_set_on_today_in_history_and_the_detail() {
    let mut d = with_the_row();
    press(&mut d, &[enter(), ch('a')]);
    type_text(&mut d, "20");
    press(&mut d, &[enter()]);
    type_text(&mut d, "9");
    press(&mut d, &[enter(), ch('1'), enter(), enter()]);
    type_text(&mut d, "8");
    press(&mut d, &[enter(), ch('0'), enter()]);
    if matches!(d.app.popup, Some(Popup::Guess(_))) {
        press(&mut d, &[key(KeyCode::Esc)]);
    }
    assert_eq!(sets(&d).len(), 2);
    // History: the pair is one set of the session, the right side under the left.
    press(&mut d, &[ch('2')]);
    let text = screen(&d, 120, 40);
    assert!(text.contains("18:00, 1 set") && text.contains("↳ right 20kg x8 @0"), "{text}");
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("per_side_pair_history_{w}x{h}"), screen(&d, w, h));
    }
    // The exercise detail.
    press(&mut d, &[ch('1')]);
    let today = d.app.today.clone().expect("today");
    let ei = today.exercises.iter().position(|e| e.planned.name == ROW).expect("the row");
    d.app.today_screen.cursor = Some((ei, 0));
    press(&mut d, &[ch('i')]);
    let text = screen(&d, 120, 40);
    assert!(text.contains("One-arm dumbbell row") && text.contains("(right)"), "{text}");
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("per_side_pair_detail_{w}x{h}"), screen(&d, w, h));
    }
}

#[test]
fn log_at_a_past_time_writes_a_left_and_right_pair_together_into_one_session() {
    let lifter = coach::Lifter::new();
    let out = lifter.ok(&["log", "--at", "2026-11-20 18:00", ROW, "L20x9@1", "R20x8@0", "22x8@1"]);
    assert!(out.contains("20 kg x 9 (left) @ 1") && out.contains("20 kg x 8 (right) @ 0"), "{out}");
    let csv = lifter.ok(&["export", "--format", "csv"]);
    let rows: Vec<&str> = csv.lines().skip(1).filter(|l| l.contains(ROW)).collect();
    assert_eq!(rows.len(), 3, "{csv}");
    let session_of = |row: &str| row.split(',').next().unwrap_or_default().to_string();
    assert!(rows.iter().all(|r| session_of(r) == session_of(rows[0])), "one session: {csv}");
    assert!(rows[0].contains(",left,") && rows[1].contains(",right,") && rows[2].contains(",each,"), "{csv}");
}

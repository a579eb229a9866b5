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

// ---- A record is celebrated when it happens --------------------------------------------------

const PRESS: &str = "Machine chest press";

/// A log holding last week's chest press, `load x reps @ 1`, and a driver on it this evening.
fn after_last_week(load: f64, reps: u16) -> Driver<FixedClock> {
    let mut store = hardset::store::Store::in_memory().expect("store");
    let at = evening() - chrono::Duration::days(7);
    let new = hardset::model::session::SessionFor::New { day_name: "Day 1: push and pull".into(), day_index: Some(0) };
    let set = store.log_set(&new, &working(PRESS, load, reps, 1), at, 0).expect("logs");
    store.end_session(set.session_id, at + chrono::Duration::minutes(30)).expect("ends");
    let mut d = driver_on(store, FixedClock::at(evening()));
    // Day 1 again (the rotation has moved on to the next day).
    d.app.today_screen.chosen_day = Some(0);
    d.reload();
    assert_eq!(d.app.today.as_ref().map(|t| t.exercises[0].planned.name.as_str()), Some(PRESS));
    d
}

/// From the top of the list, the chest press's working set typed and saved: `load x reps @ rir`,
/// or with form broken.
fn lift(d: &mut Driver<FixedClock>, row: usize, load: &str, reps: &str, rir: char, broke: bool) {
    press(d, &[key(KeyCode::Esc)]);
    d.app.today_screen.cursor = Some((0, row));
    press(d, &[enter()]);
    type_text(d, load);
    press(d, &[enter()]);
    type_text(d, reps);
    press(d, &[enter()]);
    if d.app.today_screen.form.asks_rir() {
        press(d, &[ch(rir)]);
        if broke {
            press(d, &[key(KeyCode::Down), ch('f')]);
        }
    }
    press(d, &[enter()]);
    assert!(!d.app.today_screen.form.dirty, "saved: {:?}", d.app.message);
}

fn status(d: &Driver<FixedClock>) -> String {
    d.app.message.clone().map(|(_, text)| text).unwrap_or_default()
}

fn working_row(d: &Driver<FixedClock>) -> usize {
    let today = d.app.today.as_ref().expect("today");
    today.exercises[0].slots.iter().position(|s| s.kind == SetKind::Working).expect("a working set")
}

#[test]
fn a_heavier_set_is_celebrated_on_save_with_its_e1rm_gain() {
    let mut d = after_last_week(80.0, 8);
    let row = working_row(&d);
    lift(&mut d, row, "82.5", "8", '1', false);
    let text = status(&d);
    // Epley, reps in reserve counted: 80 x 9 = 104.0, 82.5 x 9 = 107.25: +3.25, shown to a tenth up.
    assert!(text.starts_with("New record: 82.5 kg x 8, e1RM +3.3 kg, rest "), "{text}");
    insta::assert_snapshot!("record_celebrated_on_save_80x24", screen(&d, 80, 24));
}

#[test]
fn more_reps_at_a_lighter_load_is_a_record_of_reps_not_of_e1rm() {
    let mut d = after_last_week(80.0, 8);
    let row = working_row(&d);
    lift(&mut d, row, "60", "10", '1', false);
    assert!(status(&d).starts_with("New record: 60 kg x 10, most reps at 60 kg"), "{}", status(&d));
}

#[test]
fn no_fanfare_for_a_first_set_a_lighter_set_a_ramp_up_a_broken_form_or_a_deload_week() {
    // The very first set of an exercise has nothing before it to beat.
    let mut d = fresh_driver();
    lift(&mut d, 2, "60", "8", '1', false);
    assert!(status(&d).starts_with("Saved Machine chest press 60 kg x 8"), "{}", status(&d));
    // Lighter and fewer reps than last week.
    let mut d = after_last_week(80.0, 8);
    let row = working_row(&d);
    lift(&mut d, row, "80", "7", '1', false);
    assert!(status(&d).starts_with("Saved "), "{}", status(&d));
    // A ramp-up far heavier than ever is still a ramp-up.
    let mut d = after_last_week(80.0, 8);
    lift(&mut d, 0, "120", "8", '1', false);
    assert!(status(&d).starts_with("Saved "), "{}", status(&d));
    // Form broke: the set is over and earns nothing.
    let mut d = after_last_week(80.0, 8);
    let row = working_row(&d);
    lift(&mut d, row, "90", "8", '1', true);
    assert!(d.app.today.as_ref().is_some_and(|t| t.sets.iter().any(|s| s.entry.form_broke)), "form broke saved");
    assert!(status(&d).starts_with("Saved "), "{}", status(&d));
    // A deload week sets no records.
    let mut d = after_last_week(80.0, 8);
    let monday = hardset::training::compare::week_bounds(evening().date_naive()).0;
    d.store.start_deload(monday, hardset::model::session::DeloadStyle::Load, evening()).expect("deload");
    d.reload();
    let row = working_row(&d);
    lift(&mut d, row, "90", "8", '3', false);
    assert!(d.app.today.as_ref().is_some_and(|t| t.deload.is_some() && t.sets.len() == 1));
    assert!(status(&d).starts_with("Saved "), "{}", status(&d));
}

/// The record `entry` sets when logged now into this evening's session, after `earlier` (each
/// logged now, in order) and last week's chest press 80 x 8 @ 1.
fn record_of(
    earlier: &[hardset::model::session::SetEntry],
    entry: &hardset::model::session::SetEntry,
) -> Option<String> {
    use hardset::model::session::SessionFor;
    let mut store = hardset::store::Store::in_memory().expect("store");
    let clock = FixedClock::at(evening());
    let week_ago = evening() - chrono::Duration::days(7);
    let new = || SessionFor::New { day_name: "Day 1: push and pull".into(), day_index: Some(0) };
    let mut last_week = working(PRESS, 80.0, 8, 1);
    last_week.exercise.clone_from(&entry.exercise);
    if entry.basis.is_bodyweight() {
        last_week.basis = hardset::model::session::Basis::BodyPlus;
        last_week.weight.load = hardset::model::units::Load::from_hundredths(0);
    }
    let old = store.log_set(&new(), &last_week, week_ago, 0).expect("logs");
    store.end_session(old.session_id, week_ago + chrono::Duration::minutes(30)).expect("ends");
    let mut at = evening();
    let mut session = new();
    for e in earlier {
        let set = store.log_set(&session, e, at, 0).expect("logs");
        session = SessionFor::Existing(set.session_id);
        at += chrono::Duration::minutes(3);
    }
    let set = store.log_set(&session, entry, at, 0).expect("logs");
    hardset::history::record_on_save(&store, &clock, &set, hardset::training::e1rm::Formula::Epley).expect("reads")
}

#[test]
fn a_record_counts_the_sets_before_it_in_the_same_session() {
    // 82.5 x 8 beats last week; a second 82.5 x 8 ties it and is no record; 82.5 x 9 is.
    assert!(record_of(&[], &working(PRESS, 82.5, 8, 1)).is_some());
    assert_eq!(record_of(&[working(PRESS, 82.5, 8, 1)], &working(PRESS, 82.5, 8, 1)), None);
    let more = record_of(&[working(PRESS, 82.5, 8, 1)], &working(PRESS, 82.5, 9, 1)).expect("a record");
    // 82.5 x 10 (reps in reserve counted) = 110.0 against 107.25 before it.
    assert_eq!(more, "New record: 82.5 kg x 9, e1RM +2.8 kg");
}

#[test]
fn technique_sets_misses_holds_and_other_exercises_history_set_no_record() {
    use hardset::model::session::{SetKind, Technique};
    // A drop set heavier than ever carries its working set on: never a record.
    let mut drop = working(PRESS, 100.0, 8, 0);
    drop.technique = Some(Technique::Drop);
    assert_eq!(record_of(&[working(PRESS, 70.0, 8, 1)], &drop), None);
    // A missed attempt (0 reps) at a new load.
    assert_eq!(record_of(&[], &set(PRESS, 120.0, 0, None)), None);
    // A ramp-up.
    let mut ramp = set(PRESS, 120.0, 8, None);
    ramp.kind = SetKind::RampUp;
    assert_eq!(record_of(&[], &ramp), None);
    // A hold timed, with a load on it.
    let mut hold = working(PRESS, 100.0, 1, 1);
    hold.seconds = Some(60);
    assert_eq!(record_of(&[], &hold), None);
}

#[test]
fn a_bodyweight_set_follows_the_body_weight_rules() {
    use hardset::model::session::Basis;
    let mut pull_up = working("Pull-up", 0.0, 10, 1);
    pull_up.basis = Basis::BodyPlus;
    // Last week BW x 8: BW x 10 is the most reps on body weight alone.
    assert_eq!(record_of(&[], &pull_up).as_deref(), Some("New record: BW x 10"));
    pull_up.reps = 7;
    assert_eq!(record_of(&[], &pull_up), None);
}

// ---- The Today list stays true --------------------------------------------------------------

/// The chest press's set 1 (row 2 on a first time) saved at 60 x 8 @ 1, from wherever the
/// cursor is.
fn chest_press_set_1(d: &mut Driver<FixedClock>) {
    lift(d, 2, "60", "8", '1', false);
}

#[test]
fn a_skipped_exercise_that_gets_a_set_is_no_longer_skipped() {
    let mut d = fresh_driver();
    press(&mut d, &[ch('x')]);
    assert!(d.app.today.as_ref().is_some_and(|t| t.exercises[0].skipped));
    chest_press_set_1(&mut d);
    let today = d.app.today.clone().expect("today");
    assert!(!today.exercises[0].skipped, "lifted after all");
    assert_eq!(today.progress(), (1, 8), "its sets are due again");
    assert!(!screen(&d, 80, 24).contains("skipped"));
    // Skipped again after a set: the rest of it is skipped, the set kept; another set brings
    // it back, and so does a set logged from the shell.
    d.app.today_screen.cursor = Some((0, 2));
    press(&mut d, &[ch('x')]);
    assert!(d.app.today.as_ref().is_some_and(|t| t.exercises[0].skipped && t.sets.len() == 1));
    let session = d.app.today.as_ref().and_then(|t| t.session.as_ref()).map(|s| s.id).expect("session");
    let at = evening() + chrono::Duration::minutes(5);
    d.store
        .log_set(&hardset::model::session::SessionFor::Existing(session), &working(PRESS, 60.0, 7, 0), at, 0)
        .expect("logs");
    d.reload();
    assert!(d.app.today.as_ref().is_some_and(|t| !t.exercises[0].skipped && t.sets.len() == 2));
}

#[test]
fn after_the_last_set_the_cursor_passes_over_ramp_ups_left_behind_and_an_undo_lands_on_its_row() {
    let mut d = fresh_driver();
    chest_press_set_1(&mut d);
    // The chest press's ramp-ups were passed: the next set is the cable row's first.
    assert_eq!(d.app.today_screen.cursor, Some((1, 0)));
    assert_eq!(d.app.today.as_ref().and_then(hardset::today::Today::current), Some((1, 0)));
    // Undo: the set taken back is open again, and the cursor is on it to redo it.
    press(&mut d, &[key(KeyCode::Esc), key(KeyCode::Down), key(KeyCode::Down), ch('u'), ch('y')]);
    assert!(d.app.today.as_ref().is_some_and(|t| t.sets.is_empty()));
    assert_eq!(d.app.today_screen.cursor, Some((0, 2)));
    assert_eq!(d.app.today_screen.form.target.as_ref().map(|t| (t.kind, t.number)), Some((SetKind::Working, 1)));
    // With no working set left, the ramp-ups are not passed any more.
    assert_eq!(d.app.today.as_ref().and_then(hardset::today::Today::current), Some((0, 0)));
    // A ramp-up undone lands on its own row too.
    lift(&mut d, 0, "30", "8", '1', false);
    assert_eq!(d.app.today_screen.cursor, Some((0, 1)), "on to ramp-up 2");
    press(&mut d, &[key(KeyCode::Esc), ch('u'), ch('y')]);
    assert_eq!(d.app.today_screen.cursor, Some((0, 0)));
}

#[test]
fn a_first_times_reason_gives_way_to_the_set_logged_and_next_times_target() {
    let mut d = fresh_driver();
    let reason = |d: &Driver<FixedClock>| d.app.today.as_ref().expect("today").exercises[0].target.reason.clone();
    assert!(reason(&d).starts_with("first time: pick a load"), "{}", reason(&d));
    chest_press_set_1(&mut d);
    // 60 x 8 @ 1 inside 6-10: the same load and one more rep.
    assert_eq!(reason(&d), "today 60 kg x 8 @ 1 · next time 60 kg x 9 @ RIR 0-1");
    let text = screen(&d, 80, 24);
    assert!(text.contains("today 60 kg x 8 @ 1"), "{text}");
    // An undo brings "first time" back; the set again brings the preview back.
    press(&mut d, &[key(KeyCode::Esc), ch('u'), ch('y')]);
    assert!(d.app.today.as_ref().is_some_and(|t| t.sets.is_empty()));
    assert!(reason(&d).starts_with("first time"), "{}", reason(&d));
    chest_press_set_1(&mut d);
    assert!(reason(&d).starts_with("today 60 kg x 8 @ 1"), "{}", reason(&d));
    // The next time does say so.
    let clock = d.clock.clone();
    clock.advance(chrono::Duration::days(7));
    let mut next =
        driver_on(std::mem::replace(&mut d.store, hardset::store::Store::in_memory().expect("store")), clock);
    next.app.today_screen.chosen_day = Some(0);
    next.reload();
    let target = next.app.today.as_ref().expect("today").exercises[0].target.clone();
    assert_eq!((target.load_text(), target.reps), ("60 kg".to_string(), 9));
}

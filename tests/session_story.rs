//! A whole gym session driven through the app's update loop, against a real database file,
//! with a clock the test moves: no terminal.

mod common;

use chrono::Duration;
use common::*;
use hardset::clock::FixedClock;
use hardset::model::session::SetKind;
use hardset::store::Store;
use hardset::tui::form::Field;
use hardset::tui::popups::Popup;
use hardset::tui::screens::{Pane, Screen};
use ratatui::crossterm::event::KeyCode;

fn enter() -> ratatui::crossterm::event::KeyEvent {
    key(KeyCode::Enter)
}

#[test]
fn a_whole_session_by_keyboard_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hardset.db");
    let clock = FixedClock::at(evening());
    let mut d = driver_on(Store::open(&path).expect("opens"), clock.clone());

    // A new log starts on day 1 of the example week, with its exercises in order.
    let today = d.app.today.clone().expect("today loaded");
    assert_eq!(today.day.name, "Day 1: push and pull");
    let names: Vec<&str> = today.exercises.iter().map(|e| e.planned.name.as_str()).collect();
    assert_eq!(names, ["Machine chest press", "Seated cable row", "Lateral raise", "Cable triceps pushdown"]);
    assert_eq!(d.app.today_screen.cursor, Some((0, 0)), "the first set is selected");
    assert_eq!(today.exercises[0].slots[0].kind, SetKind::RampUp);

    // Ramp-up 1: no load known yet, so type one; Enter moves weight -> reps -> saves (no RIR).
    press(&mut d, &[enter()]);
    assert_eq!(d.app.pane, Pane::Form);
    type_text(&mut d, "30");
    press(&mut d, &[enter(), enter()]);
    let sets = d
        .store
        .session_sets(d.app.today.as_ref().and_then(|t| t.session.as_ref()).expect("session started").id)
        .expect("reads");
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0].entry.summary(), "30 kg x 8");
    assert_eq!(sets[0].entry.kind, SetKind::RampUp);

    // The rest starts by itself with the short ramp-up rest.
    let (until, seconds) = d.app.rest().expect("rest running");
    assert_eq!(seconds, 60);
    assert_eq!(until, evening() + Duration::seconds(60));

    // The working set: weight, reps, then the RIR picker asks; Enter without RIR refuses.
    clock.advance(Duration::seconds(75));
    d.tick();
    assert_eq!(d.bells, 1, "the bell rang once when the rest ran out");
    d.tick();
    assert_eq!(d.bells, 1, "and only once");
    press(&mut d, &[key(KeyCode::Down), enter()]);
    assert_eq!(d.app.today_screen.form.target.as_ref().map(|t| t.kind), Some(SetKind::Working));
    type_text(&mut d, "60");
    press(&mut d, &[enter()]);
    for _ in 0..3 {
        d.key(key(KeyCode::Backspace));
    }
    type_text(&mut d, "9");
    press(&mut d, &[enter()]);
    assert_eq!(d.app.today_screen.form.focused(), Field::Rir);
    press(&mut d, &[enter()]);
    assert!(d.app.today_screen.form.error(Field::Rir).is_some(), "RIR is asked for");
    assert_eq!(d.app.today.as_ref().map(|t| t.sets.len()), Some(1), "nothing saved without RIR");
    press(&mut d, &[ch('1'), ch('.'), enter()]);
    let today = d.app.today.clone().expect("today");
    assert_eq!(today.sets.len(), 2);
    assert_eq!(today.sets[1].entry.summary(), "60 kg x 9 @ 1.5");
    let lifted = today.exercises.iter().find(|e| e.planned.name == today.sets[1].entry.exercise).expect("planned");
    assert_eq!(
        lifted.working_progress(),
        (1, usize::from(lifted.planned.sets)),
        "one working set of the plan's sets done; the ramp-up before it is not one of them"
    );
    let (_, seconds) = d.app.rest().expect("rest running");
    assert_eq!(seconds, 180, "a working set rests as the plan says (3m)");
    // The form was cleared after the commit and now offers the next set due: the next
    // exercise's ramp-up 1, not the chest press's ramp-up 2, passed on the way to its working set.
    assert!(!d.app.today_screen.form.dirty);
    let next = d.app.today_screen.form.target.clone().expect("next set offered");
    assert_eq!(
        (next.exercise.as_str(), next.kind, next.number, next.editing),
        ("Seated cable row", SetKind::RampUp, 1, None)
    );

    // Rest keys: +15 s, -15 s, skip.
    press(&mut d, &[ch('+')]);
    assert_eq!(d.app.rest().map(|r| r.1), Some(195));
    press(&mut d, &[ch('-'), ch('-')]);
    assert_eq!(d.app.rest().map(|r| r.1), Some(165));
    press(&mut d, &[ch('s')]);
    assert_eq!(d.app.rest(), None);

    // Skip the lateral raises, add a pull-up, and undo it.
    let (done, total) = d.app.today.as_ref().map(hardset::today::Today::progress).expect("today");
    press(
        &mut d,
        &[key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down)],
    );
    let on = d.app.today_screen.cursor.expect("cursor").0;
    let skipped_name = d.app.today.as_ref().map(|t| t.exercises[on].planned.name.clone()).expect("today");
    press(&mut d, &[ch('x')]);
    let t = d.app.today.clone().expect("today");
    assert!(t.exercises.iter().any(|e| e.planned.name == skipped_name && e.skipped));
    assert!(t.progress().1 < total, "a skipped exercise's sets are no longer due");
    assert_eq!(t.progress().0, done);
    press(&mut d, &[ch('a')]);
    assert!(matches!(d.app.popup, Some(Popup::Picker(_))));
    type_text(&mut d, "pull-up");
    press(&mut d, &[enter()]);
    let t = d.app.today.clone().expect("today");
    assert!(t.exercises.iter().any(|e| e.planned.name == "Pull-up" && e.added));

    // Undo the last set asks first, then deletes it.
    press(&mut d, &[ch('u')]);
    assert!(matches!(d.app.popup, Some(Popup::Confirm(_))));
    press(&mut d, &[ch('y')]);
    assert_eq!(d.app.today.as_ref().map(|t| t.sets.len()), Some(1));

    // A restart (same file, later) resumes the same session with the same changes.
    let session_id = d.app.today.as_ref().and_then(|t| t.session.as_ref()).map(|s| s.id);
    drop(d);
    clock.advance(Duration::minutes(10));
    let d2 = driver_on(Store::open(&path).expect("reopens"), clock.clone());
    let t = d2.app.today.clone().expect("today");
    assert_eq!(t.session.as_ref().map(|s| s.id), session_id, "the session resumes after a restart");
    assert_eq!(t.sets.len(), 1);
    assert!(t.exercises.iter().any(|e| e.planned.name == "Pull-up"));
    assert!(t.exercises.iter().any(|e| e.planned.name == skipped_name && e.skipped));
    assert_eq!(d2.app.screen, Screen::Today);
}

#[test]
fn bad_input_keeps_the_text_and_saves_nothing() {
    let mut d = fresh_driver();
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "7x");
    // 'x' is not a digit: it does not enter the weight field (the keymap ignores it in the form).
    assert_eq!(d.app.today_screen.form.weight, "7");
    type_text(&mut d, ",5.5");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert_eq!(d.app.today_screen.form.weight, "7,5.5", "the typed text is kept");
    assert_eq!(d.app.today_screen.form.error(Field::Weight), Some("'7,5.5' is not a number"));
    assert_eq!(d.app.today_screen.form.focused(), Field::Weight);
    assert_eq!(d.store.set_count().expect("count"), 0);
}

#[test]
fn quitting_with_typed_text_asks_first() {
    let mut d = fresh_driver();
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "42");
    press(&mut d, &[ch('q')]);
    assert!(!d.app.quit);
    assert!(matches!(d.app.popup, Some(Popup::Confirm(_))));
    press(&mut d, &[ch('n')]);
    assert!(!d.app.quit);
    assert_eq!(d.app.today_screen.form.weight, "42");
    press(&mut d, &[ch('q'), ch('y')]);
    assert!(d.app.quit);
}

#[test]
fn editing_a_logged_set_changes_it_in_place() {
    let mut d = fresh_driver();
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "30");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    // Back up to the logged set and change its reps.
    press(&mut d, &[key(KeyCode::Up), key(KeyCode::Enter)]);
    assert!(d.app.today_screen.form.target.as_ref().and_then(|t| t.editing).is_some());
    press(&mut d, &[key(KeyCode::Down), key(KeyCode::Backspace)]);
    type_text(&mut d, "6");
    press(&mut d, &[key(KeyCode::Enter)]);
    let sets = &d.app.today.as_ref().expect("today").sets;
    assert_eq!(sets.len(), 1, "an edit adds no set");
    assert_eq!(sets[0].entry.summary(), "30 kg x 6");
}

#[test]
fn a_rest_day_is_marked_done_and_the_rotation_moves_on() {
    let clock = FixedClock::at(evening());
    let mut store = Store::in_memory().expect("store");
    // Day 3 was trained yesterday: today is day 4, a rest day.
    let day3 =
        hardset::model::session::SessionFor::New { day_name: "Day 3: incline and pulldown".into(), day_index: Some(2) };
    let (load, reps, rir) = hardset::model::units::parse_set("60x10@1").expect("valid");
    let set = hardset::model::session::SetEntry {
        exercise: "Lat pulldown".into(),
        kind: SetKind::Working,
        weight: hardset::model::units::Weight::new(load, hardset::model::units::Unit::Kg),
        reps,
        rir,
        form_broke: false,
        note: String::new(),
        ..Default::default()
    };
    store.log_set(&day3, &set, evening() - Duration::days(1), 150).expect("logs");
    let mut d = driver_on(store, clock.clone());
    let today = d.app.today.clone().expect("today");
    assert_eq!(today.day.name, "Day 4: rest");
    assert!(today.exercises.is_empty());
    press(&mut d, &[ch('m')]);
    assert!(d.app.today.as_ref().expect("today").finished.is_some(), "marked done");
    clock.advance(Duration::days(1));
    d.reload();
    assert_eq!(d.app.today.as_ref().expect("today").day.name, "Day 5: push and pull again");
}

#[test]
fn switching_day_moves_a_running_session() {
    let mut d = fresh_driver();
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "30");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), ch(']')]);
    let today = d.app.today.clone().expect("today");
    assert_eq!(today.day.name, "Day 3: incline and pulldown");
    let session = today.session.expect("session");
    assert_eq!(d.store.session(session.id).expect("reads").day_index, Some(2));
    // The set logged for the chest press still shows, as an added exercise.
    assert!(
        today
            .exercises
            .iter()
            .any(|e| e.planned.name == "Machine chest press" && e.slots.iter().any(|s| s.logged.is_some()))
    );
}

#[test]
fn demo_history_fills_last_time_and_history() {
    let mut d = demo_driver(8);
    let today = d.app.today.clone().expect("today");
    assert_eq!(today.day.name, "Day 1: push and pull", "the demo leaves today on day 1");
    let press_ex = &today.exercises[0];
    assert!(press_ex.target.weight.is_some(), "a load from last time");
    assert!(press_ex.target.reason.starts_with("last time "), "{}", press_ex.target.reason);
    press(&mut d, &[ch('2')]);
    assert_eq!(d.app.screen, Screen::History);
    // This week's sessions (Monday 23 to Sunday 29 November), newest first.
    assert_eq!(d.app.history.sessions_week.map(|(m, _)| m.to_string()), Some("2026-11-23".into()));
    assert_eq!(d.app.history.sessions.len(), 5);
    let comparison = d.app.history.comparison.clone().expect("the newest session is compared");
    assert!(!comparison.exercises.is_empty());
    assert!(comparison.exercises.iter().all(|e| !e.last_week.is_empty() && !e.this_week.is_empty()));
    assert!(comparison.exercises.iter().all(|e| e.best_e1rm.0.is_some() && e.best_e1rm.1.is_some()));
    // Week by week, back and forth, and never past this week.
    press(&mut d, &[key(KeyCode::Left)]);
    assert_eq!(d.app.history.sessions_week.map(|(m, _)| m.to_string()), Some("2026-11-16".into()));
    press(&mut d, &[key(KeyCode::Right), key(KeyCode::Right)]);
    assert_eq!(d.app.history.sessions_week.map(|(m, _)| m.to_string()), Some("2026-11-23".into()));
    // Jump to a date: a typo is refused in place, a real date goes to its week.
    press(&mut d, &[ch('g')]);
    type_text(&mut d, "2026-13-01");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert!(matches!(d.app.popup, Some(hardset::tui::popups::Popup::GoTo(ref g)) if g.error.is_some()));
    for _ in 0..10 {
        d.key(key(KeyCode::Backspace));
    }
    type_text(&mut d, "2026-11-04");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert_eq!(d.app.history.sessions_week.map(|(m, _)| m.to_string()), Some("2026-11-02".into()));
    // A date after this week shows this week, and ← still goes back from there.
    press(&mut d, &[ch('g')]);
    type_text(&mut d, "2030-01-01");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Left)]);
    assert_eq!(d.app.history.sessions_week.map(|(m, _)| m.to_string()), Some("2026-11-16".into()));
    assert!(
        d.app.history.sessions.iter().all(|s| s.session.started_at.date_naive().to_string().as_str() >= "2026-11-02")
    );
}

#[test]
fn sets_logged_from_the_shell_show_at_the_next_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hardset.db");
    let clock = FixedClock::at(evening());
    let mut d = driver_on(Store::open(&path).expect("opens"), clock.clone());
    assert_eq!(d.app.today.as_ref().map(|t| t.sets.len()), Some(0));
    // Another process (hardset log) writes through its own connection.
    let mut other = Store::open(&path).expect("second connection");
    let plan = example_plan();
    let entries =
        hardset::cli::parse_log(&plan, "chest press (machine)", &["50x10@1".into()], false, None).expect("valid");
    hardset::cli::log_sets(&mut other, &plan, &test_settings(), &clock, &entries, &mut Vec::new()).expect("logs");
    press(&mut d, &[key(KeyCode::Down)]);
    let today = d.app.today.clone().expect("today");
    assert_eq!(today.sets.len(), 1, "the app picked up the other process's set");
    assert_eq!(today.sets[0].entry.summary(), "50 kg x 10 @ 1");
}

#[test]
fn an_app_left_open_past_midnight_moves_to_the_new_day() {
    let clock = FixedClock::at(evening());
    let mut d = driver_on(Store::in_memory().expect("store"), clock.clone());
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "30");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), ch('E')]);
    clock.advance(Duration::hours(8));
    press(&mut d, &[key(KeyCode::Down)]);
    let today = d.app.today.clone().expect("today");
    assert_eq!(today.date.to_string(), "2026-11-30");
    assert_eq!(today.day.name, "Day 2: active recovery");
}

#[test]
fn small_keys_do_what_they_say_and_nothing_else() {
    let mut d = fresh_driver();
    press(&mut d, &[key(KeyCode::Enter)]);
    // Space in the weight field neither types nor flips "form broke".
    press(&mut d, &[ch(' ')]);
    assert!(!d.app.today_screen.form.form_broke);
    assert_eq!(d.app.today_screen.form.weight, "");
    // On its own line, Space ticks the box.
    press(&mut d, &[key(KeyCode::Down), key(KeyCode::Down)]);
    assert_eq!(d.app.today_screen.form.focused(), Field::FormBroke);
    press(&mut d, &[ch(' ')]);
    assert!(d.app.today_screen.form.form_broke);
    // Changing day with typed text in the form asks first; "no" keeps the text.
    press(&mut d, &[key(KeyCode::Esc), ch(']')]);
    assert!(matches!(d.app.popup, Some(Popup::Confirm(_))));
    press(&mut d, &[ch('n')]);
    assert_eq!(d.app.today.as_ref().map(|t| t.day.name.as_str()), Some("Day 1: push and pull"));
    assert!(d.app.today_screen.form.form_broke, "the form is kept");
    // Ctrl-C from the help overlay still asks about the unsaved set.
    press(&mut d, &[ch('?')]);
    d.key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('c'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    ));
    assert!(matches!(d.app.popup, Some(Popup::Confirm(_))));
    press(&mut d, &[ch('y')]);
    assert!(d.app.quit);
}

#[test]
fn a_session_with_sets_moves_only_between_training_days() {
    let mut d = fresh_driver();
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "30");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), ch(']')]);
    // Day 2 is active recovery: the session goes to day 3, the next training day.
    assert_eq!(d.app.today.as_ref().map(|t| t.day.name.as_str()), Some("Day 3: incline and pulldown"));
    press(&mut d, &[ch(']')]);
    assert_eq!(d.app.today.as_ref().map(|t| t.day.name.as_str()), Some("Day 5: push and pull again"));
}

#[test]
fn typing_over_a_suggestion_replaces_it() {
    let mut d = demo_driver(2);
    press(&mut d, &[key(KeyCode::Enter)]);
    let suggested = d.app.today_screen.form.weight.clone();
    assert!(!suggested.is_empty(), "the load is prefilled from last time");
    type_text(&mut d, "45");
    assert_eq!(d.app.today_screen.form.weight, "45", "not {suggested}45");
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "6");
    assert_eq!(d.app.today_screen.form.reps, "6");
    // Once touched, a field takes more digits as usual.
    type_text(&mut d, "0");
    assert_eq!(d.app.today_screen.form.reps, "60");
}

#[test]
fn an_evening_session_does_not_swallow_the_next_morning() {
    let late = evening() + Duration::hours(4); // 22:00
    let clock = FixedClock::at(late);
    let mut d = driver_on(Store::in_memory().expect("store"), clock.clone());
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "30");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    let evening_session = d.app.today.as_ref().and_then(|t| t.session.as_ref()).map(|s| s.id).expect("session");
    // Just after midnight the session goes on...
    clock.advance(Duration::hours(2) + Duration::minutes(30));
    d.reload();
    assert_eq!(d.app.today.as_ref().and_then(|t| t.session.as_ref()).map(|s| s.id), Some(evening_session));
    // ...but at 07:00 it is over, and today is the next plan day.
    clock.advance(Duration::hours(6));
    d.reload();
    let today = d.app.today.clone().expect("today");
    assert!(today.session.is_none());
    assert_eq!(today.day.name, "Day 2: active recovery");
}

#[test]
fn one_more_set_after_finishing_goes_into_the_same_session() {
    let mut d = fresh_driver();
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "30");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), ch('E')]);
    let today = d.app.today.clone().expect("today");
    assert!(today.session.is_none());
    let finished = today.finished.clone().expect("finished today");
    assert_eq!(today.sets.len(), 1, "the finished session's sets still show");
    // The session's summary is up; Enter closes it, and the next Enter opens the next set.
    assert!(matches!(d.app.popup, Some(hardset::tui::popups::Popup::Summary(..))));
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    type_text(&mut d, "40");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    let today = d.app.today.clone().expect("today");
    assert_eq!(today.session.as_ref().map(|s| s.id), Some(finished.id), "reopened, not a second session");
    assert_eq!(today.sets.len(), 2);
}

#[test]
fn skipping_before_lifting_does_not_count_as_training() {
    let clock = FixedClock::at(evening() - Duration::hours(9)); // 09:00
    let mut d = driver_on(Store::in_memory().expect("store"), clock.clone());
    press(&mut d, &[ch('x')]);
    clock.advance(Duration::days(1));
    d.reload();
    assert_eq!(d.app.today.as_ref().map(|t| t.day.name.as_str()), Some("Day 1: push and pull"));
}

#[test]
fn confirmations_need_y_and_undo_stops_the_rest() {
    let mut d = fresh_driver();
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "30");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    assert!(d.app.rest().is_some());
    press(&mut d, &[ch('u'), key(KeyCode::Enter)]);
    assert!(matches!(d.app.popup, Some(Popup::Confirm(_))), "Enter does not answer yes");
    assert_eq!(d.store.set_count().expect("count"), 1);
    press(&mut d, &[ch('y')]);
    assert_eq!(d.store.set_count().expect("count"), 0);
    assert_eq!(d.app.rest(), None, "the rest of the undone set stopped");
}

#[test]
fn typed_text_survives_other_actions() {
    let mut d = fresh_driver();
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "35");
    press(
        &mut d,
        &[key(KeyCode::Esc), key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down), ch('x')],
    );
    assert_eq!(d.app.today_screen.form.weight, "35", "skipping an exercise keeps the typed set");
    assert!(d.app.today_screen.form.dirty);
}

#[test]
fn erasing_back_to_the_suggestion_leaves_nothing_unsaved() {
    let mut d = demo_driver(2);
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Backspace)]);
    assert!(d.app.today_screen.form.dirty);
    let suggested = d.app.today_screen.form.prefill.weight.clone();
    let last = suggested.chars().last().expect("a suggested load");
    type_text(&mut d, &last.to_string());
    assert_eq!(d.app.today_screen.form.weight, suggested);
    assert!(!d.app.today_screen.form.dirty, "the form is back to what was suggested");
    // So changing day needs no question, and quitting neither.
    press(&mut d, &[key(KeyCode::Esc), ch(']')]);
    assert!(d.app.popup.is_none());
    assert_eq!(d.app.today.as_ref().map(|t| t.day.name.as_str()), Some("Day 2: active recovery"));
}

#[test]
fn a_session_idle_for_twelve_hours_ends_at_the_next_key() {
    let clock = FixedClock::at(evening() - Duration::hours(12)); // 06:00
    let mut d = driver_on(Store::in_memory().expect("store"), clock.clone());
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "30");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    let morning = d.app.today.as_ref().and_then(|t| t.session.as_ref()).map(|s| s.id).expect("session");
    clock.advance(Duration::hours(13)); // 19:00 the same day
    press(&mut d, &[key(KeyCode::Down)]);
    let today = d.app.today.clone().expect("today");
    assert!(today.session.as_ref().is_none_or(|s| s.id != morning), "the morning session is over");
}

/// Adds an exercise through the picker and moves to its working set.
fn add_and_open_working_set(d: &mut hardset::tui::driver::Driver<FixedClock>, filter: &str) {
    press(d, &[ch('a')]);
    type_text(d, filter);
    press(d, &[key(KeyCode::Enter)]);
    let today = d.app.today.clone().expect("today");
    let ei = today.exercises.iter().position(|e| e.added).expect("added");
    let si = today.exercises[ei].slots.iter().position(|s| s.kind == SetKind::Working).expect("a working set");
    d.app.today_screen.cursor = Some((ei, si));
    press(d, &[key(KeyCode::Enter)]);
}

#[test]
fn rir_zero_on_a_technical_lift_asks_first() {
    let mut d = fresh_driver();
    add_and_open_working_set(&mut d, "barbell bench");
    type_text(&mut d, "100");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), ch('0'), key(KeyCode::Enter)]);
    assert!(matches!(d.app.popup, Some(Popup::Confirm(_))), "asked before saving RIR 0 on a barbell bench press");
    let text = screen(&d, 80, 24);
    assert!(text.contains("technical lift"), "{text}");
    assert_eq!(d.store.set_count().expect("count"), 0);
    press(&mut d, &[ch('y')]);
    let sets = &d.app.today.as_ref().expect("today").sets;
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0].entry.summary(), "100 kg x 6 @ 0");
}

#[test]
fn half_a_rep_in_reserve_on_a_technical_lift_asks_first_and_names_it() {
    let mut d = fresh_driver();
    add_and_open_working_set(&mut d, "barbell bench");
    type_text(&mut d, "100");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    type_text(&mut d, "0."); // 0, then the half step
    press(&mut d, &[key(KeyCode::Enter)]);
    assert!(matches!(d.app.popup, Some(Popup::Confirm(_))), "RIR 0.5 is failure to every rule: asked first");
    let text = screen(&d, 80, 24);
    assert!(text.contains("RIR 0.5 on Barbell bench press, a technical lift"), "{text}");
    assert_eq!(d.store.set_count().expect("count"), 0, "nothing saved before the answer");
}

#[test]
fn the_form_shows_plates_for_a_barbell() {
    let mut d = fresh_driver();
    add_and_open_working_set(&mut d, "barbell bench");
    type_text(&mut d, "102.5");
    assert!(screen(&d, 80, 24).contains("Per side: 25 + 15 + 1.25"));
    press(&mut d, &[key(KeyCode::Backspace), key(KeyCode::Backspace), key(KeyCode::Backspace)]);
    type_text(&mut d, "1");
    let text = screen(&d, 80, 24);
    assert!(text.contains("Not loadable: 100 or 102.5 kg"), "{text}");
    // Four plates a side still fit the form at 80x24, whole.
    press(&mut d, &[key(KeyCode::Backspace), key(KeyCode::Backspace), key(KeyCode::Backspace)]);
    type_text(&mut d, "87.5");
    let text = screen(&d, 80, 24);
    assert!(text.contains("Per side: 25 + 5 + 2.5 + 1.25 "), "{text}");
}

#[test]
fn a_third_set_to_failure_is_warned_about() {
    let mut d = fresh_driver();
    let plan = example_plan();
    let entries = hardset::cli::parse_log(
        &plan,
        "Lat pulldown",
        &["60x10@0".into(), "60x9@0".into(), "60x8@0".into()],
        false,
        None,
    )
    .expect("valid");
    hardset::cli::log_sets(&mut d.store, &plan, &test_settings(), &d.clock.clone(), &entries, &mut Vec::new())
        .expect("logs");
    d.reload();
    let warnings = d.app.today.as_ref().expect("today").warnings.clone();
    assert!(warnings.iter().any(|w| w.text.starts_with("3 sets of Lat pulldown to failure today")), "{warnings:?}");
    assert!(screen(&d, 80, 24).contains("! 3 sets of Lat pulldown to failure today"));
}

#[test]
fn any_exercise_is_found_by_part_of_its_name() {
    let mut d = demo_driver(3);
    press(&mut d, &[ch('2'), ch('/')]);
    type_text(&mut d, "pulld");
    let matches = d.app.picker_matches("pulld");
    assert!(matches.iter().all(|m| m.to_lowercase().contains("pulld")), "{matches:?}");
    assert_eq!(matches.first(), Some(&"Lat pulldown"), "{matches:?}");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert_eq!(d.app.screen, Screen::Exercise);
    let view = d.app.detail.clone().expect("detail open");
    assert_eq!(view.detail.exercise, "Lat pulldown");
    assert!(!view.detail.weeks.is_empty(), "three weeks of demo history");
    // w lists the weeks: newest first, each with its top set.
    press(&mut d, &[ch('w')]);
    let weeks = d.app.detail.as_ref().map(|v| v.detail.weeks.len()).expect("detail open");
    assert!(screen(&d, 80, 24).contains(&format!("Weeks 1-{weeks} of {weeks}")));
    press(&mut d, &[key(KeyCode::Esc)]);
    assert_eq!(d.app.screen, Screen::History, "back where the search started");
}

/// A driver on a fresh log with the readiness check-in on, as a new lifter has it.
fn fresh_driver_with_check_in() -> hardset::tui::driver::Driver<FixedClock> {
    let mut settings = test_settings();
    settings.checkin.ask = true;
    let app = hardset::tui::app::App::new(example_plan(), settings);
    hardset::tui::driver::Driver::new(app, Store::in_memory().expect("store"), FixedClock::at(evening()))
}

/// The selected checklist row, as (exercise, kind, number).
fn selected_row(d: &hardset::tui::driver::Driver<FixedClock>) -> (String, SetKind, u16) {
    let (ei, si) = d.app.today_screen.cursor.expect("a row is selected");
    let exercise = &d.app.today.as_ref().expect("today").exercises[ei];
    (exercise.planned.name.clone(), exercise.slots[si].kind, exercise.slots[si].number)
}

/// The row the form will save, as (exercise, kind, number).
fn form_row(d: &hardset::tui::driver::Driver<FixedClock>) -> (String, SetKind, u16) {
    let target = d.app.today_screen.form.target.clone().expect("the form is open on a set");
    (target.exercise, target.kind, target.number)
}

/// Text typed for "set 1" and left in the form; the cursor moved up to "ramp-up 2"; Enter. The
/// keys of the report, on a fresh log with the check-in on.
fn typed_for_set_1_then_enter_on_ramp_up_2() -> hardset::tui::driver::Driver<FixedClock> {
    let mut d = fresh_driver_with_check_in();
    press(&mut d, &[ch('j'), ch('j'), enter()]);
    assert!(matches!(d.app.popup, Some(Popup::CheckIn(_))), "the day's first Enter asks the check-in");
    press(&mut d, &[key(KeyCode::Esc)]);
    assert_eq!(form_row(&d), ("Machine chest press".into(), SetKind::Working, 1));
    type_text(&mut d, "60");
    press(&mut d, &[key(KeyCode::Esc), ch('k')]);
    assert_eq!(selected_row(&d), ("Machine chest press".into(), SetKind::RampUp, 2));
    press(&mut d, &[enter()]);
    d
}

#[test]
fn enter_on_another_row_never_saves_the_typed_set_onto_it() {
    // The report's keys, with the typed 60 erased: before, the form still headed "set 1" took
    // 45 x 4 @ 5 and saved it as the working set while the cursor was on ramp-up 2.
    let mut d = typed_for_set_1_then_enter_on_ramp_up_2();
    press(&mut d, &[key(KeyCode::Backspace), key(KeyCode::Backspace)]);
    type_text(&mut d, "45");
    press(&mut d, &[enter()]);
    type_text(&mut d, "4");
    press(&mut d, &[enter()]);
    type_text(&mut d, "5");
    press(&mut d, &[enter()]);
    let sets = d.app.today.clone().expect("today").sets;
    assert!(sets.is_empty(), "nothing is saved while the question is open: {sets:?}");
    assert!(matches!(d.app.popup, Some(Popup::Confirm(_))), "the question waits for y or n");
}

#[test]
fn enter_asks_before_throwing_away_a_set_typed_for_another_row() {
    let mut d = typed_for_set_1_then_enter_on_ramp_up_2();
    assert!(matches!(d.app.popup, Some(Popup::Confirm(_))), "asked before the typed set 1 is dropped");
    let text = screen(&d, 80, 24);
    // Sets of a kind are kept in order: with ramp-up 1 open, a new ramp-up set is ramp-up 1,
    // and the question names the row that opens.
    assert!(text.contains("set 1") && text.contains("open ramp-up 1"), "{text}");
    // y: the typed set goes, and the form opens on the row it will save, title and cursor.
    press(&mut d, &[ch('y')]);
    assert_eq!(d.app.pane, Pane::Form);
    assert_eq!(form_row(&d), ("Machine chest press".into(), SetKind::RampUp, 1));
    assert_eq!(selected_row(&d), form_row(&d), "the cursor is on the row the form saves");
    let text = screen(&d, 80, 24);
    assert!(text.contains("Machine chest press · ramp-up 1"), "{text}");
    assert!(!text.contains("ramp-up 2 ·") && !text.contains("saved as"), "{text}");
    type_text(&mut d, "45");
    press(&mut d, &[enter()]);
    type_text(&mut d, "4");
    press(&mut d, &[enter()]);
    let sets = d.app.today.clone().expect("today").sets;
    assert_eq!(sets.len(), 1);
    assert_eq!((sets[0].entry.kind, sets[0].entry.summary()), (SetKind::RampUp, "45 kg x 4".to_string()));
}

#[test]
fn keeping_the_typed_set_goes_back_to_its_row() {
    let mut d = typed_for_set_1_then_enter_on_ramp_up_2();
    press(&mut d, &[ch('n')]);
    assert_eq!(d.app.popup, None);
    assert_eq!(d.app.pane, Pane::Form);
    assert_eq!(form_row(&d), ("Machine chest press".into(), SetKind::Working, 1));
    assert_eq!(selected_row(&d), form_row(&d), "the cursor is back on the row the form holds");
    assert_eq!(d.app.today_screen.form.weight, "60", "the typed text is kept");
    // Saving it writes set 1, the row its title names.
    press(&mut d, &[enter(), enter(), ch('1'), enter()]);
    let sets = d.app.today.clone().expect("today").sets;
    assert_eq!(sets.len(), 1);
    assert_eq!((sets[0].entry.kind, sets[0].entry.summary()), (SetKind::Working, "60 kg x 6 @ 1".to_string()));
}

#[test]
fn tab_to_the_form_brings_the_cursor_back_to_the_typed_sets_row() {
    let mut d = fresh_driver();
    press(&mut d, &[ch('j'), ch('j'), enter()]);
    type_text(&mut d, "60");
    press(&mut d, &[key(KeyCode::Esc), ch('k'), ch('k'), key(KeyCode::Tab)]);
    assert_eq!(d.app.pane, Pane::Form);
    assert_eq!(form_row(&d), ("Machine chest press".into(), SetKind::Working, 1));
    assert_eq!(selected_row(&d), form_row(&d));
    assert_eq!(d.app.today_screen.form.weight, "60");
}

#[test]
fn a_set_logged_elsewhere_on_the_typed_row_moves_the_form_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hardset.db");
    let clock = FixedClock::at(evening());
    let mut d = driver_on(Store::open(&path).expect("opens"), clock.clone());
    // Lat raises have no ramp-ups: set 1 is the first row.
    let (ei, _) = d
        .app
        .today
        .as_ref()
        .expect("today")
        .exercises
        .iter()
        .enumerate()
        .find(|(_, e)| e.planned.name == "Lateral raise")
        .expect("planned");
    d.app.today_screen.cursor = Some((ei, 0));
    press(&mut d, &[enter()]);
    type_text(&mut d, "12");
    // Meanwhile `hardset log` in another terminal logs set 1 of the same exercise.
    let mut other = Store::open(&path).expect("second connection");
    let plan = example_plan();
    let entries = hardset::cli::parse_log(&plan, "Lateral raise", &["10x15@2".into()], false, None).expect("valid");
    hardset::cli::log_sets(&mut other, &plan, &test_settings(), &clock, &entries, &mut Vec::new()).expect("logs");
    d.tick();
    assert_eq!(form_row(&d), ("Lateral raise".into(), SetKind::Working, 2), "set 1 is taken: the form is set 2 now");
    assert_eq!(d.app.today_screen.form.weight, "12", "the typed text is kept");
    press(&mut d, &[enter(), enter(), ch('2'), enter()]);
    let sets = d.app.today.clone().expect("today").sets;
    assert_eq!(sets.iter().map(|s| s.entry.summary()).collect::<Vec<_>>(), ["10 kg x 15 @ 2", "12 kg x 12 @ 2"]);
}

#[test]
fn keys_behind_terminal_too_small_do_nothing_but_quit() {
    let mut d = fresh_driver();
    press(&mut d, &[enter()]);
    type_text(&mut d, "30");
    press(&mut d, &[enter(), enter()]);
    assert_eq!(d.store.set_count().expect("count"), 1);
    // At 40x12 nothing of the app shows: undo, its "y", skip, finish and Enter must not act.
    d.resize(40, 12);
    let text = screen(&d, 40, 12);
    assert!(text.contains("40x12") && text.contains("60x16"), "{text}");
    press(&mut d, &[ch('u'), ch('y'), ch('x'), ch('E'), enter(), ch(']'), ch('D'), ch('m')]);
    assert_eq!(d.store.set_count().expect("count"), 1, "u then y deleted a set the lifter could not see");
    let today = d.app.today.clone().expect("today");
    assert!(today.session.is_some(), "the session still runs");
    assert!(today.exercises.iter().all(|e| !e.skipped), "nothing was skipped");
    assert_eq!(today.day.name, "Day 1: push and pull");
    assert_eq!(d.app.popup, None, "no question waits behind the message");
    // Back at full size, everything works again.
    d.resize(80, 24);
    press(&mut d, &[ch('u'), ch('y')]);
    assert_eq!(d.store.set_count().expect("count"), 0);
    // Quit works while too small.
    d.resize(40, 12);
    press(&mut d, &[ch('q')]);
    assert!(d.app.quit);
}

#[test]
fn quitting_while_too_small_still_asks_about_a_typed_set_and_shows_the_question() {
    let mut d = fresh_driver();
    press(&mut d, &[enter()]);
    type_text(&mut d, "42");
    d.resize(30, 10);
    press(&mut d, &[ch('q')]);
    assert!(!d.app.quit);
    let text = screen(&d, 30, 10);
    assert!(text.contains("not saved") && text.contains("quits"), "{text}");
    press(&mut d, &[ch('n')]);
    assert!(!d.app.quit);
    assert_eq!(d.app.today_screen.form.weight, "42");
    press(&mut d, &[ch('q'), ch('y')]);
    assert!(d.app.quit);
}

#[test]
fn the_too_small_message_shows_the_size_needed_at_any_width() {
    let d = fresh_driver();
    for width in 5..60 {
        for height in 1..16 {
            let text = screen(&d, width, height);
            assert!(text.contains("60x16"), "{width}x{height}:\n{text}");
        }
    }
    let text = screen(&d, 10, 12);
    assert!(text.contains("10x12"), "the size now too, when there is room:\n{text}");
}

#[test]
fn the_form_refuses_rpe_typed_as_rir_and_says_which_rir_it_is() {
    let mut d = fresh_driver();
    press(&mut d, &[ch('j'), ch('j'), enter()]);
    type_text(&mut d, "60");
    press(&mut d, &[enter()]);
    type_text(&mut d, "8");
    press(&mut d, &[enter()]);
    assert_eq!(d.app.today_screen.form.focused(), Field::Rir);
    // 8 on the RIR picker: Strong's and Hevy's RPE 8, not 8 reps in reserve.
    type_text(&mut d, "8");
    assert_eq!(
        d.app.today_screen.form.error(Field::Rir),
        Some("RIR is reps left in reserve, 0-5; 8 looks like RPE 8, which is RIR 2: enter 2")
    );
    assert_eq!(d.app.today_screen.form.rir, "", "nothing was picked");
    let text = screen(&d, 80, 24);
    assert!(text.contains("RPE 8") && text.contains("enter 2"), "the whole message shows:\n{text}");
    press(&mut d, &[enter()]);
    assert_eq!(d.store.set_count().expect("count"), 0);
    // 5 and a half more (5.5) is refused the same way on save.
    press(&mut d, &[ch('5'), ch('.'), enter()]);
    assert_eq!(d.store.set_count().expect("count"), 0);
    assert!(
        d.app.today_screen.form.error(Field::Rir).is_some_and(|e| e.contains("RIR 4.5")),
        "{:?}",
        d.app.today_screen.form.errors
    );
    press(&mut d, &[ch('2'), enter()]);
    let sets = d.app.today.clone().expect("today").sets;
    assert_eq!(sets.iter().map(|s| s.entry.summary()).collect::<Vec<_>>(), ["60 kg x 8 @ 2"]);
}

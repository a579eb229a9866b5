//! Set techniques after failure (drop sets, rest-pause, myo-reps), logged from the working set
//! they carry on with one key, shown under it, and refused where they have nothing to carry on.

mod common;

use chrono::Duration;
use common::*;
use hardset::clock::Clock as _;
use hardset::model::session::{SetKind, Technique};
use hardset::tui::form::Field;
use hardset::tui::popups::{Popup, Question};
use hardset::tui::screens::Pane;
use ratatui::crossterm::event::KeyCode;

const PRESS: &str = "Machine chest press";

fn enter() -> ratatui::crossterm::event::KeyEvent {
    key(KeyCode::Enter)
}

/// Moves the cursor to the chest press's first working set and logs `load x reps @ rir` by
/// keys; the RIR guess a set to failure asks is skipped.
fn log_working_set(
    d: &mut hardset::tui::driver::Driver<hardset::clock::FixedClock>,
    load: &str,
    reps: &str,
    rir: char,
) {
    let slots = d.app.today.as_ref().expect("today").exercises[0].slots.clone();
    let first_working = slots.iter().position(|s| s.kind == SetKind::Working && s.logged.is_none()).expect("open set");
    d.app.today_screen.cursor = Some((0, first_working));
    press(d, &[enter()]);
    assert_eq!(d.app.pane, Pane::Form);
    type_text(d, load);
    press(d, &[enter()]);
    type_text(d, reps);
    press(d, &[enter(), ch(rir), enter()]);
    if matches!(d.app.popup, Some(Popup::Guess(_))) {
        press(d, &[key(KeyCode::Esc)]);
    }
}

/// Adds an exercise to today by typing `search` in the picker, and opens the form on the first
/// working set of `name`.
fn open_added_working_set(d: &mut hardset::tui::driver::Driver<hardset::clock::FixedClock>, search: &str, name: &str) {
    press(d, &[ch('a')]);
    type_text(d, search);
    press(d, &[enter()]);
    let today = d.app.today.clone().expect("today");
    let ei = today.exercises.iter().position(|e| e.planned.name == name).expect("added");
    let si = today.exercises[ei].slots.iter().position(|s| s.kind == SetKind::Working).expect("a set");
    d.app.today_screen.cursor = Some((ei, si));
    press(d, &[enter()]);
}

fn session_sets(
    d: &hardset::tui::driver::Driver<hardset::clock::FixedClock>,
) -> Vec<hardset::model::session::LoggedSet> {
    d.app.today.as_ref().map(|t| t.sets.clone()).unwrap_or_default()
}

#[test]
fn a_drop_set_then_a_rest_pause_carry_on_the_working_set_by_keyboard_alone() {
    let mut d = fresh_driver();
    log_working_set(&mut d, "80", "8", '0');
    assert_eq!(session_sets(&d).len(), 1);
    let (_, rest) = d.app.rest().expect("the working set started the rest");
    assert_eq!(rest, 180);

    // t: the form for a drop set of that set, 80 kg less a fifth, rounded down to the stack's
    // 5 kg: 60 kg. No RIR is asked: Enter from the reps saves.
    d.clock.advance(Duration::seconds(20));
    press(&mut d, &[ch('t')]);
    assert_eq!(d.app.pane, Pane::Form);
    let form = &d.app.today_screen.form;
    assert_eq!(form.technique(), Some(Technique::Drop));
    assert_eq!(form.weight, "60");
    assert_eq!(form.focused(), Field::Weight);
    assert!(!form.asks_rir());
    press(&mut d, &[enter()]);
    type_text(&mut d, "6");
    press(&mut d, &[enter()]);
    let sets = session_sets(&d);
    assert_eq!(sets.len(), 2, "saved from the reps");
    assert_eq!(sets[1].entry.technique, Some(Technique::Drop));
    assert_eq!(sets[1].entry.summary(), "60 kg x 6 (drop set)");
    assert_eq!(sets[1].entry.kind, SetKind::Working);
    // The rest starts again after the drop set, as after the working set.
    let (until, seconds) = d.app.rest().expect("rest");
    assert_eq!((until, seconds), (d.clock.now() + Duration::seconds(180), 180));
    assert!(matches!(&d.app.message, Some((_, m)) if m.contains("drop set")), "{:?}", d.app.message);

    // t again, → to rest-pause: the load follows the set before it (the drop, 60 kg).
    press(&mut d, &[ch('t'), key(KeyCode::Right)]);
    assert_eq!(d.app.today_screen.form.technique(), Some(Technique::RestPause));
    assert_eq!(d.app.today_screen.form.weight, "60");
    press(&mut d, &[key(KeyCode::Left)]);
    assert_eq!(d.app.today_screen.form.technique(), Some(Technique::Drop));
    assert_eq!(d.app.today_screen.form.weight, "45", "a second drop: a fifth off 60, on the stack");
    press(&mut d, &[key(KeyCode::Right), enter()]);
    type_text(&mut d, "3");
    press(&mut d, &[enter()]);
    let sets = session_sets(&d);
    assert_eq!(sets.len(), 3);
    assert_eq!(sets[2].entry.technique, Some(Technique::RestPause));
    assert_eq!(sets[2].entry.summary(), "60 kg x 3 (rest-pause)");

    // Today: one working set done (1/1), the two technique sets under it, never slots.
    let today = d.app.today.clone().expect("today");
    let press_today = &today.exercises[0];
    assert_eq!(press_today.working_progress(), (1, 1));
    let slot = press_today.slots.iter().find(|s| s.logged.is_some() && s.kind == SetKind::Working).expect("done");
    assert_eq!(slot.attached.len(), 2);
    let screen = screen(&d, 120, 40);
    assert!(screen.contains("↳ drop 60 kg x 6"), "{screen}");
    assert!(screen.contains("↳ rest-pause 60 kg x 3"), "{screen}");
}

#[test]
fn a_technique_set_needs_the_latest_working_set_and_a_clear_form() {
    let mut d = fresh_driver();
    // Nothing logged: nothing to carry on.
    press(&mut d, &[ch('t')]);
    assert_eq!(d.app.pane, hardset::tui::screens::Pane::Checklist);
    assert!(d.app.today_screen.form.technique.is_none());
    assert!(matches!(&d.app.message, Some((_, m)) if m.contains("log the working set first")), "{:?}", d.app.message);

    // A ramp-up is not a working set.
    d.app.today_screen.cursor = Some((0, 0));
    press(&mut d, &[enter()]);
    type_text(&mut d, "40");
    press(&mut d, &[enter(), enter()]);
    assert_eq!(session_sets(&d).len(), 1);
    press(&mut d, &[ch('t')]);
    assert!(d.app.today_screen.form.technique.is_none());

    // Two working sets: the first can no longer take a drop set (it would follow the second).
    log_working_set(&mut d, "80", "8", '1');
    // A second working set past the plan's one (logged as `hardset log` would).
    let session = hardset::model::session::SessionFor::Existing(session_sets(&d)[0].session_id);
    let now = d.clock.now();
    d.store.log_set(&session, &working(PRESS, 80.0, 7, 1), now, 180).expect("logs");
    d.reload();
    let exercise = &d.app.today.as_ref().expect("today").exercises[0];
    let first = exercise.slots.iter().position(|s| s.kind == SetKind::Working).expect("set 1");
    d.app.today_screen.cursor = Some((0, first));
    press(&mut d, &[ch('t')]);
    assert!(d.app.today_screen.form.technique.is_none(), "refused");
    assert!(
        matches!(&d.app.message, Some((_, m)) if m.contains("latest working set is 80 kg x 7")),
        "{:?}",
        d.app.message
    );
    // On the second it opens.
    d.app.today_screen.cursor = Some((0, first + 1));
    press(&mut d, &[ch('t')]);
    assert_eq!(d.app.today_screen.form.technique(), Some(Technique::Drop));

    // Esc keeps the form; typed text is never replaced by another `t`.
    press(&mut d, &[enter()]);
    type_text(&mut d, "5");
    press(&mut d, &[key(KeyCode::Esc), ch('t')]);
    assert_eq!(d.app.today_screen.form.reps, "5");
    assert!(matches!(&d.app.message, Some((_, m)) if m.contains("holds a set you typed")), "{:?}", d.app.message);
}

#[test]
fn a_drop_set_on_a_technical_lift_asks_first() {
    let mut d = fresh_driver();
    // Add a barbell bench press to today and log a working set of it.
    open_added_working_set(&mut d, "barbell bench", "Barbell bench press");
    type_text(&mut d, "100");
    press(&mut d, &[enter()]);
    type_text(&mut d, "5");
    press(&mut d, &[enter(), ch('2'), enter()]);
    assert_eq!(session_sets(&d).len(), 1);
    press(&mut d, &[ch('t')]);
    assert_eq!(d.app.today_screen.form.weight, "80", "100 kg less a fifth, on the bar and plates");
    press(&mut d, &[enter()]);
    type_text(&mut d, "5");
    press(&mut d, &[enter()]);
    match &d.app.popup {
        Some(Popup::Confirm(q @ Question::TechnicalFailure { .. })) => {
            assert_eq!(
                q.text(),
                "Drop set on Barbell bench press, a technical lift: the method keeps 1-2 in reserve. Save it as to failure?"
            );
        }
        other => panic!("asked first: {other:?}"),
    }
    assert_eq!(session_sets(&d).len(), 1, "nothing saved yet");
    press(&mut d, &[ch('y')]);
    assert_eq!(session_sets(&d).len(), 2);
    // The set it carried on is now a technical lift taken to failure.
    let warnings: Vec<String> = d.app.today.as_ref().expect("today").warnings.iter().map(|w| w.text.clone()).collect();
    assert!(warnings.iter().any(|w| w.starts_with("Barbell bench press: a set to failure today")), "{warnings:?}");
}

#[test]
fn deleting_a_working_set_takes_its_technique_sets_with_it() {
    let mut d = fresh_driver();
    log_working_set(&mut d, "80", "8", '0');
    press(&mut d, &[ch('t'), enter()]);
    type_text(&mut d, "6");
    press(&mut d, &[enter()]);
    assert_eq!(session_sets(&d).len(), 2);
    let exercise = &d.app.today.as_ref().expect("today").exercises[0];
    let done = exercise.slots.iter().position(|s| s.kind == SetKind::Working && s.logged.is_some()).expect("done");
    d.app.today_screen.cursor = Some((0, done));
    press(&mut d, &[ch('d'), ch('y')]);
    assert!(session_sets(&d).is_empty(), "the drop set never slides onto another set");
}

#[test]
fn the_store_refuses_a_technique_set_with_nothing_to_carry_on() {
    let mut store = hardset::store::Store::in_memory().expect("store");
    let now = evening();
    let drop = hardset::model::session::SetEntry { technique: Some(Technique::Drop), ..working(PRESS, 60.0, 6, 0) };
    let new = hardset::model::session::SessionFor::New { day_name: "Day 1".into(), day_index: Some(0) };
    let error = store.log_set(&new, &drop, now, 0).expect_err("refused");
    assert!(error.to_string().contains("log a working set of Machine chest press in this session first"), "{error}");
    assert_eq!(store.set_count().expect("count"), 0, "nothing written, not even the session's start");
    let set = store.log_set(&new, &working(PRESS, 80.0, 8, 0), now, 0).expect("logs");
    let here = hardset::model::session::SessionFor::Existing(set.session_id);
    // Another exercise's working set is not one to carry on.
    let other = hardset::model::session::SetEntry { exercise: "Lat pulldown".into(), ..drop.clone() };
    assert!(store.log_set(&here, &other, now, 0).is_err());
    store.log_set(&here, &drop, now + Duration::seconds(30), 0).expect("a drop set after its working set");
    // Last time and the bests pass over it.
    let last = store.last_time(PRESS, None, &[]).expect("reads");
    assert_eq!(last.len(), 1);
    assert_eq!(last[0].entry.summary(), "80 kg x 8 @ 0");
}

/// The status line at 80 columns, as the lifter reads it.
fn status_line(d: &hardset::tui::driver::Driver<hardset::clock::FixedClock>) -> String {
    screen(d, 80, 24).lines().nth(22).unwrap_or_default().trim_end().to_string()
}

#[test]
fn the_technique_key_is_named_after_a_save_even_for_a_long_name_in_help_and_under_another_key() {
    // A long name and a half-rep RIR: the hint would fall off the end of an 80-column line.
    let mut d = fresh_driver();
    open_added_working_set(&mut d, "smith machine incline", "Smith machine incline bench press");
    type_text(&mut d, "102.5");
    press(&mut d, &[enter()]);
    press(&mut d, &[key(KeyCode::Backspace); 3]);
    type_text(&mut d, "10");
    press(&mut d, &[enter(), ch('2'), key(KeyCode::Left), key(KeyCode::Left), key(KeyCode::Left), enter()]);
    assert_eq!(session_sets(&d).len(), 1, "{:?}", d.app.message);
    let status = status_line(&d);
    assert!(status.starts_with(" Saved Smith machine incline bench press 102.5 kg x 10 @ 0.5"), "{status}");
    assert!(status.ends_with("… · t drop set"), "the hint is kept whole, the description cut:\n{status}");

    // The help overlay, scrolled at 80x24, names the key beside its words (the RIR question a
    // set this hard asks is skipped first).
    if matches!(d.app.popup, Some(Popup::Guess(_))) {
        press(&mut d, &[key(KeyCode::Esc)]);
    }
    press(&mut d, &[ch('?')]);
    let mut seen = String::new();
    for _ in 0..hardset::keymap::help_line_count() {
        seen.push_str(&screen(&d, 80, 24));
        press(&mut d, &[key(KeyCode::Down)]);
    }
    let row = seen.lines().find(|l| l.contains("drop set, rest-pause or myo-reps")).unwrap_or_else(|| panic!("{seen}"));
    assert!(row.split_whitespace().any(|w| w == "t"), "help shows the key t: {row:?}");
}

#[test]
fn a_lifter_who_moved_the_technique_key_sees_their_key_named_and_it_opens_the_drop_set() {
    let toml = "[checkin]\nask = false\n\n[keys]\ntechnique_set = \"T\"\n";
    let settings = hardset::config::Settings::parse(toml, "config.toml").expect("parses");
    let app = hardset::tui::app::App::new(example_plan(), settings);
    let store = hardset::store::Store::in_memory().expect("store");
    let mut d = hardset::tui::driver::Driver::new(app, store, hardset::clock::FixedClock::at(evening()));
    log_working_set(&mut d, "80", "8", '1');
    assert!(status_line(&d).ends_with("rest 3m · T drop set"), "{}", status_line(&d));
    press(&mut d, &[ch('t')]);
    assert!(d.app.today_screen.form.technique.is_none(), "t is no longer the key");
    press(&mut d, &[ch('T')]);
    assert_eq!(d.app.today_screen.form.technique(), Some(Technique::Drop));
}

#[test]
fn technique_sets_are_undone_one_by_one_and_deleting_their_working_set_names_them_first() {
    let mut d = fresh_driver();
    log_working_set(&mut d, "80", "8", '0');
    press(&mut d, &[ch('t'), enter()]);
    type_text(&mut d, "6");
    press(&mut d, &[enter(), ch('t'), key(KeyCode::Right), enter()]);
    type_text(&mut d, "3");
    press(&mut d, &[enter()]);
    assert_eq!(session_sets(&d).len(), 3);
    let text = screen(&d, 80, 24);
    assert!(text.contains("↳ drop 60 kg x 6") && text.contains("↳ rest-pause 60 kg x 3"), "{text}");

    // Enter on the done working set edits the working set: its own title and RIR, no technique.
    let exercise = &d.app.today.as_ref().expect("today").exercises[0];
    let done = exercise.slots.iter().position(|s| s.kind == SetKind::Working && s.logged.is_some()).expect("done");
    d.app.today_screen.cursor = Some((0, done));
    press(&mut d, &[enter()]);
    let form = &d.app.today_screen.form;
    assert!(form.technique.is_none() && form.asks_rir(), "the working set's own form");
    assert_eq!((form.weight.as_str(), form.reps.as_str()), ("80", "8"));
    press(&mut d, &[key(KeyCode::Esc)]);

    // u: the last set, the rest-pause, and only it.
    press(&mut d, &[ch('u')]);
    match &d.app.popup {
        Some(Popup::Confirm(q)) => assert_eq!(q.text(), "Delete Machine chest press 60 kg x 3 (rest-pause)?"),
        other => panic!("asks first: {other:?}"),
    }
    press(&mut d, &[ch('y')]);
    let left: Vec<String> = session_sets(&d).iter().map(|s| s.entry.summary()).collect();
    assert_eq!(left, ["80 kg x 8 @ 0", "60 kg x 6 (drop set)"]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("↳ drop 60 kg x 6") && !text.contains("rest-pause 60"), "{text}");

    // d on the working set: the question names the drop set it takes along. No keeps both.
    d.app.today_screen.cursor = Some((0, done));
    press(&mut d, &[ch('d')]);
    match &d.app.popup {
        Some(Popup::Confirm(q)) => {
            assert_eq!(q.text(), "Delete Machine chest press 80 kg x 8 @ 0 and the sets under it (drop 60 kg x 6)?");
        }
        other => panic!("asks first: {other:?}"),
    }
    let text = screen(&d, 80, 24);
    assert!(text.contains("(drop 60 kg x 6)?"), "the whole question shows at 80x24:\n{text}");
    press(&mut d, &[ch('n')]);
    assert_eq!(session_sets(&d).len(), 2);

    // u again: the drop set goes, the working set stays, done and counted.
    press(&mut d, &[ch('u'), ch('y')]);
    let left: Vec<String> = session_sets(&d).iter().map(|s| s.entry.summary()).collect();
    assert_eq!(left, ["80 kg x 8 @ 0"]);
    assert!(!screen(&d, 80, 24).contains('↳'));
    assert_eq!(d.app.today.as_ref().expect("today").exercises[0].working_progress(), (1, 1));
    // With nothing under it, the question is the set's alone.
    d.app.today_screen.cursor = Some((0, done));
    press(&mut d, &[ch('d')]);
    assert!(matches!(&d.app.popup, Some(Popup::Confirm(q)) if q.text() == "Delete Machine chest press 80 kg x 8 @ 0?"));
}

#[test]
fn a_technique_set_is_a_row_of_its_own_edited_and_deleted_as_the_technique_set_it_is() {
    let mut d = fresh_driver();
    log_working_set(&mut d, "80", "8", '0');
    press(&mut d, &[ch('t'), enter()]);
    type_text(&mut d, "6");
    press(&mut d, &[enter(), ch('t'), key(KeyCode::Right), enter()]);
    type_text(&mut d, "3");
    press(&mut d, &[enter()]);
    let exercise = &d.app.today.as_ref().expect("today").exercises[0];
    let done = exercise.slots.iter().position(|s| s.kind == SetKind::Working && s.logged.is_some()).expect("done");
    d.app.today_screen.cursor = Some((0, done));

    // ↓ from the working set stops on each set under it, then goes on to the next exercise.
    press(&mut d, &[ch('j')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("│▸               ↳ drop 60 kg x 6"), "{text}");
    assert!(text.contains("│ [x] set 1      80 kg x 8 @ 0"), "the set itself is no longer under the cursor:\n{text}");
    // The form beside it shows the drop set, as a drop set.
    assert!(text.contains("· drop set · edit"), "{text}");
    press(&mut d, &[ch('j')]);
    assert!(screen(&d, 80, 24).contains("│▸               ↳ rest-pause 60 kg x 3"));
    press(&mut d, &[ch('j')]);
    assert_eq!(d.app.today_screen.cursor.map(|(ei, _)| ei), Some(1), "on to the seated cable row");
    assert!(!screen(&d, 80, 24).contains("▸               ↳"));
    // ↑ comes back onto the last set under it, then the one before, then the working set.
    press(&mut d, &[ch('k')]);
    assert!(screen(&d, 80, 24).contains("│▸               ↳ rest-pause 60 kg x 3"));
    press(&mut d, &[ch('k'), ch('k')]);
    assert!(screen(&d, 80, 24).contains("│▸[x] set 1      80 kg x 8 @ 0"));
    press(&mut d, &[ch('j')]);

    // Enter on the drop set: its own form, the technique picked, no RIR; 7 reps saved over it.
    press(&mut d, &[enter()]);
    let form = &d.app.today_screen.form;
    assert_eq!(form.technique(), Some(Technique::Drop));
    assert!(!form.asks_rir());
    assert_eq!((form.weight.as_str(), form.reps.as_str()), ("60", "6"));
    press(&mut d, &[enter(), key(KeyCode::Backspace)]);
    type_text(&mut d, "7");
    press(&mut d, &[enter()]);
    let sets: Vec<String> = session_sets(&d).iter().map(|s| s.entry.summary()).collect();
    assert_eq!(sets, ["80 kg x 8 @ 0", "60 kg x 7 (drop set)", "60 kg x 3 (rest-pause)"], "edited in place");
    let sets = session_sets(&d);
    assert_eq!(sets[1].entry.technique, Some(Technique::Drop), "still a drop set, never a working set");
    assert!(sets[1].id < sets[2].id && sets[1].logged_at <= sets[2].logged_at, "still before the rest-pause");
    assert_eq!(d.app.today.as_ref().expect("today").exercises[0].working_progress(), (1, 1));

    // Saved, the cursor is still on it; d deletes that set alone, named alone.
    assert_eq!(d.app.pane, Pane::Checklist);
    assert!(screen(&d, 80, 24).contains("│▸               ↳ drop 60 kg x 7"), "{}", screen(&d, 80, 24));
    press(&mut d, &[ch('d')]);
    match &d.app.popup {
        Some(Popup::Confirm(q)) => assert_eq!(q.text(), "Delete Machine chest press 60 kg x 7 (drop set)?"),
        other => panic!("asks first: {other:?}"),
    }
    press(&mut d, &[ch('y')]);
    let sets: Vec<String> = session_sets(&d).iter().map(|s| s.entry.summary()).collect();
    assert_eq!(sets, ["80 kg x 8 @ 0", "60 kg x 3 (rest-pause)"]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("↳ rest-pause 60 kg x 3") && !text.contains("↳ drop"), "{text}");
}

#[test]
fn a_working_set_filed_under_another_exercise_takes_its_technique_sets_and_right_side_along() {
    use hardset::model::session::{SessionFor, SetEntry, Side};
    let mut store = hardset::store::Store::in_memory().expect("store");
    let now = evening();
    let new = SessionFor::New { day_name: "Day 1".into(), day_index: Some(0) };
    let set = store.log_set(&new, &working(PRESS, 80.0, 8, 0), now, 0).expect("logs");
    let here = SessionFor::Existing(set.session_id);
    let drop = SetEntry { technique: Some(Technique::Drop), ..working(PRESS, 60.0, 6, 0) };
    store.log_set(&here, &drop, now + Duration::seconds(30), 0).expect("its drop set");
    // A left and right pair of another exercise, then the press again.
    let row = "One-arm dumbbell row";
    let left = SetEntry { side: Some(Side::Left), ..working(row, 20.0, 9, 1) };
    let right = SetEntry { side: Some(Side::Right), ..working(row, 20.0, 8, 0) };
    let pair = store.log_sides(&here, &[left.clone(), right], now + Duration::minutes(3), 0).expect("the pair");
    // The press was a chest press machine of another name: its drop set goes with it.
    let moved = SetEntry { exercise: "Pec deck".into(), ..working(PRESS, 80.0, 8, 0) };
    store.update_set(set.id, &moved).expect("edits");
    // The pair's left side was the other arm's exercise: its right side goes with it.
    let left_id = pair.id - 1;
    store.update_set(left_id, &SetEntry { exercise: "Dumbbell row".into(), ..left }).expect("edits");
    let mut all = Vec::new();
    store
        .for_each_set(|s| {
            all.push(format!("{}: {}", s.entry.exercise, s.entry.summary()));
            Ok(())
        })
        .expect("reads");
    assert_eq!(
        all,
        [
            "Pec deck: 80 kg x 8 @ 0",
            "Pec deck: 60 kg x 6 @ 0 (drop set)",
            "Dumbbell row: 20 kg x 9 (left) @ 1",
            "Dumbbell row: 20 kg x 8 (right) @ 0",
        ]
    );
}

//! At 80x24 with the longest names: every screen says the right thing in the room it has. The
//! header keeps the sets done, an exercise keeps its done count, the day's note wraps, the note
//! being typed shows its end, History's columns keep "@0.5", the form title keeps "edit", errors
//! wrap, and a popup's refusal goes with the popup.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::*;
use hardset::clock::FixedClock;
use hardset::model::exercise::Catalogue;
use hardset::model::plan::Plan;
use hardset::model::session::SessionFor;
use hardset::model::units::Rir;
use hardset::store::Store;
use hardset::tui::app::App;
use hardset::tui::driver::Driver;
use ratatui::crossterm::event::KeyCode;

/// A day of the catalogue's longest names, with a long day note and a long pinned note.
const LONG_NAMES: &str = r#"
name = "Long names"
schedule = "rotation"

[[day]]
name = "Day 1: upper body, with the longest exercise names in the whole catalogue"
note = "One very hard set each on the press and the row; the accessories stay light, and the triceps work comes last after the presses, when the elbows are warm."

  [[day.exercise]]
  name = "Smith machine incline bench press"
  sets = 2
  reps = "6-10"
  rest = "3m"
  ramp_up = true
  note = "Seat on 4, bench at 30 degrees, unrack with the hooks turned out"

  [[day.exercise]]
  name = "Overhead dumbbell triceps extension"
  sets = 2
  reps = "8-12"
  rest = "2m"

  [[day.exercise]]
  name = "Overhead cable triceps extension"
  sets = 1
  reps = "10-15"
  rest = "90s"
"#;

fn long_plan() -> Plan {
    Plan::parse(LONG_NAMES, "plan.toml", &Catalogue::shipped()).expect("the plan parses")
}

fn long_driver(store: Store) -> Driver<FixedClock> {
    Driver::new(App::new(long_plan(), test_settings()), store, clock())
}

fn enter() -> ratatui::crossterm::event::KeyEvent {
    key(KeyCode::Enter)
}

/// The first line of the Today pane (the left one) that starts with `start`.
fn today_line(text: &str, start: &str) -> String {
    text.lines().find(|l| l.starts_with(&format!("│{start}"))).unwrap_or_default().to_string()
}

/// The screen's line holding `needle`.
fn line_with(text: &str, needle: &str) -> String {
    text.lines().find(|l| l.contains(needle)).unwrap_or_default().to_string()
}

#[test]
fn the_header_the_done_counts_and_the_day_note_fit_at_80_columns() {
    let mut d = long_driver(Store::in_memory().expect("store"));
    let text = screen(&d, 80, 24);
    // The day's long name gives way to the sets count, with a gap and a mark where it is cut.
    let header = text.lines().next().expect("a header");
    assert!(header.trim_end().ends_with("0/9 sets"), "{header}");
    assert!(header.contains("… 0/9 sets"), "{header}");
    // Each exercise keeps its done count however long its name.
    for name in ["Overhead dumbbell triceps", "Smith machine incline"] {
        let line = today_line(&text, name);
        assert!(line.contains(" 0/2"), "{line}");
    }
    // The day's note wraps (up to three lines) rather than stopping at the pane's edge.
    assert!(text.contains("the row; the accessories"), "{text}");
    insta::assert_snapshot!("long_names_today_80x24", text);

    // A set saved: the count follows in the header and the exercise's title.
    press(&mut d, &[ch('j'), ch('j'), enter()]);
    type_text(&mut d, "100");
    press(&mut d, &[enter()]);
    type_text(&mut d, "8");
    press(&mut d, &[enter(), ch('1'), enter()]);
    let text = screen(&d, 80, 24);
    assert!(text.lines().next().is_some_and(|h| h.contains("… 1/9 sets")), "{text}");
    assert!(today_line(&text, "Smith machine incline").contains(" 1/2"), "{text}");
}

#[test]
fn the_note_being_typed_shows_its_end_and_the_edit_title_and_errors_fit() {
    let mut d = long_driver(Store::in_memory().expect("store"));
    press(&mut d, &[ch('j'), ch('j'), enter()]);
    // An error wraps under its field: every word of it is on screen.
    type_text(&mut d, "2000");
    press(&mut d, &[enter()]);
    let text = screen(&d, 80, 24);
    let error = d.app.today_screen.form.error(hardset::tui::form::Field::Weight).expect("refused").to_string();
    assert!(error.split(' ').count() > 4, "{error}");
    for word in error.split(' ') {
        assert!(text.contains(word), "'{word}' of '{error}' missing:\n{text}");
    }
    assert!(!text.contains("is no…"), "{text}");
    for _ in 0..4 {
        press(&mut d, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut d, "100");
    press(&mut d, &[enter()]);
    type_text(&mut d, "8");
    press(&mut d, &[enter(), ch('1'), key(KeyCode::Down), key(KeyCode::Down)]);
    type_text(&mut d, "seat on 4, last rep shoulders rolled forward and the bar drifted");
    let text = screen(&d, 80, 24);
    let note = line_with(&text, "Note");
    assert!(note.contains("bar drifted▏"), "the end of what is typed shows: {note}");
    insta::assert_snapshot!("long_names_note_typed_80x24", text);
    press(&mut d, &[enter()]);
    // Edited again, the title still says "edit" beside the cut name, and the note shows its start.
    press(&mut d, &[key(KeyCode::Esc), ch('k'), enter()]);
    let text = screen(&d, 80, 24);
    let title = line_with(&text, "· set 1");
    assert!(title.contains("· set 1 · edit"), "{title}");
    assert!(line_with(&text, "Note").contains("[seat on 4"), "{text}");
}

#[test]
fn a_popups_refusal_goes_with_the_popup_and_the_filter_shows_its_end() {
    let mut settings = test_settings();
    settings.checkin.ask = true;
    let mut d = Driver::new(App::new(long_plan(), settings), Store::in_memory().expect("store"), clock());
    press(&mut d, &[enter()]);
    assert!(matches!(d.app.popup, Some(hardset::tui::popups::Popup::CheckIn(_))), "the check-in opens");
    press(&mut d, &[ch('2'), enter()]);
    let said = d.app.message.clone().map(|m| m.1).unwrap_or_default();
    assert!(said.contains("1-5"), "{said}");
    press(&mut d, &[key(KeyCode::Esc)]);
    assert!(d.app.popup.is_none());
    assert!(
        d.app.message.as_ref().is_none_or(|m| !m.1.contains("1-5")),
        "the check-in's refusal left with it: {:?}",
        d.app.message
    );
    // The add picker's filter shows the end of a long name as it is typed.
    press(&mut d, &[key(KeyCode::Esc), ch('a')]);
    type_text(&mut d, "single arm reverse fly on the cable with a neutral grip");
    let text = screen(&d, 80, 24);
    assert!(line_with(&text, "Filter:").contains("neutral grip▏"), "{text}");
}

/// Two weeks of a press at loads whose sets read "142.5kg x10 @0.5" and a pull-up belt.
fn heavy_weeks() -> Store {
    let mut store = Store::in_memory().expect("store");
    let name = "Smith machine incline bench press";
    for (day, loads) in [(19, [142.5, 137.5]), (26, [142.5, 142.5])] {
        let at = Utc.with_ymd_and_hms(2026, 11, day, 18, 0, 0).single().expect("time");
        let new = SessionFor::New { day_name: "Day 1".into(), day_index: Some(0) };
        let mut session = None;
        for (i, load) in loads.into_iter().enumerate() {
            let mut entry = working(name, load, 10, 0);
            entry.rir = Rir::from_halves(1);
            let target = session.map_or(new.clone(), SessionFor::Existing);
            let set = store.log_set(&target, &entry, at + Duration::minutes(5 * i as i64), 0).expect("logs");
            session = Some(set.session_id);
        }
        store.end_session(session.expect("a session"), at + Duration::minutes(20)).expect("ends");
    }
    store
}

#[test]
fn historys_columns_keep_the_whole_set_at_80_columns() {
    let mut d = long_driver(heavy_weeks());
    press(&mut d, &[ch('2'), enter()]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("142.5kg x10 @0.5"), "{text}");
    assert!(!text.contains("@0…"), "{text}");
    insta::assert_snapshot!("long_names_history_80x24", text);
}

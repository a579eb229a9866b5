//! Finishing a session (`E`) shows what it did, through the app's update loop: sets done against
//! the plan (working sets and ramp-ups apart, a skipped exercise named, an added one listed),
//! the records it set, each trained muscle's effective sets for the week so far against the band,
//! and the next plan day and when. Edges: a session of ramp-ups only, a custom exercise with no
//! muscles, a deload week, and a session that ran past midnight.

mod common;

use chrono::Duration;
use common::*;
use hardset::clock::FixedClock;
use hardset::model::session::SessionFor;
use hardset::summary::Finished;
use hardset::training::volume::Band;
use hardset::tui::driver::Driver;
use hardset::tui::popups::Popup;
use ratatui::crossterm::event::KeyCode;

const PRESS: &str = "Machine chest press";
const ROW: &str = "Seated cable row";

fn enter() -> ratatui::crossterm::event::KeyEvent {
    key(KeyCode::Enter)
}

/// A log holding last Sunday's chest press 80 x 8 @ 1 and Thursday's row 50 x 10 @ 1 (this
/// week), and a driver on Day 1 this Sunday evening.
fn driver_after_a_week() -> Driver<FixedClock> {
    let mut store = hardset::store::Store::in_memory().expect("store");
    let day = |name: &str, index| SessionFor::New { day_name: name.into(), day_index: Some(index) };
    let week_ago = evening() - Duration::days(7);
    let set = store.log_set(&day("Day 1: push and pull", 0), &working(PRESS, 80.0, 8, 1), week_ago, 0).expect("logs");
    store.end_session(set.session_id, week_ago + Duration::minutes(30)).expect("ends");
    let thursday = evening() - Duration::days(3);
    let set =
        store.log_set(&day("Day 3: incline and pulldown", 2), &working(ROW, 50.0, 10, 1), thursday, 0).expect("logs");
    store.end_session(set.session_id, thursday + Duration::minutes(30)).expect("ends");
    let mut d = driver_on(store, FixedClock::at(evening()));
    d.app.today_screen.chosen_day = Some(0);
    d.reload();
    d
}

/// Logs the set of row `row` of exercise `ei` from the checklist: `load x reps`, and the reps
/// in reserve when the form asks.
fn log(d: &mut Driver<FixedClock>, ei: usize, row: usize, load: &str, reps: &str, rir: char) {
    press(d, &[key(KeyCode::Esc)]);
    d.app.today_screen.cursor = Some((ei, row));
    press(d, &[enter()]);
    type_text(d, load);
    press(d, &[enter()]);
    type_text(d, reps);
    press(d, &[enter()]);
    if d.app.today_screen.form.asks_rir() {
        press(d, &[ch(rir)]);
    }
    press(d, &[enter()]);
    assert!(!d.app.today_screen.form.dirty, "saved: {:?}", d.app.message);
    d.clock.advance(Duration::minutes(4));
}

/// The row of exercise `ei`'s first working set.
fn working_row(d: &Driver<FixedClock>, ei: usize) -> usize {
    let today = d.app.today.as_ref().expect("today");
    today.exercises[ei]
        .slots
        .iter()
        .position(|s| s.kind == hardset::model::session::SetKind::Working)
        .expect("a working set")
}

fn position(d: &Driver<FixedClock>, name: &str) -> usize {
    let today = d.app.today.as_ref().expect("today");
    today.exercises.iter().position(|e| e.planned.name == name).expect("on the list")
}

/// Finishes the session and returns the summary the popup shows.
fn finish(d: &mut Driver<FixedClock>) -> Finished {
    press(d, &[key(KeyCode::Esc), ch('E')]);
    match &d.app.popup {
        Some(Popup::Summary(summary, _)) => (**summary).clone(),
        other => panic!("no summary after E: {other:?} / {:?}", d.app.message),
    }
}

fn muscle(summary: &Finished, name: &str) -> (f64, Band) {
    let m = summary.muscles.iter().find(|m| m.muscle.name() == name).unwrap_or_else(|| panic!("{name} listed"));
    (m.effective, m.band)
}

#[test]
fn finishing_a_session_shows_sets_against_the_plan_records_the_week_and_the_next_day() {
    let mut d = driver_after_a_week();
    // E before any set: no session yet, and no summary.
    press(&mut d, &[ch('E')]);
    assert!(d.app.popup.is_none());
    assert_eq!(
        d.app.message.as_ref().map(|(_, t)| t.as_str()),
        Some("No session running: it starts with the first set")
    );

    // One ramp-up and a record on the press, the row's working set, the lateral raise skipped,
    // and a leg press added with one set; the pushdown is left undone.
    log(&mut d, 0, 0, "40", "8", '1');
    let row = working_row(&d, 0);
    log(&mut d, 0, row, "82.5", "8", '1');
    let row_ei = position(&d, ROW);
    let wr = working_row(&d, row_ei);
    log(&mut d, row_ei, wr, "50", "10", '1');
    d.app.today_screen.cursor = Some((position(&d, "Lateral raise"), 0));
    press(&mut d, &[ch('x')]);
    press(&mut d, &[ch('a')]);
    type_text(&mut d, "leg press");
    press(&mut d, &[enter()]);
    let leg = position(&d, "Leg press");
    let wr = working_row(&d, leg);
    log(&mut d, leg, wr, "120", "10", '1');

    let summary = finish(&mut d);
    assert_eq!(d.app.message.as_ref().map(|(_, t)| t.as_str()), Some("Session finished. Well done."));
    assert_eq!(summary.day_name, "Day 1: push and pull");
    // Press, row and pushdown planned one working set each; the lateral raise was skipped.
    assert_eq!(summary.working, (2, 3));
    assert_eq!(summary.ramp_ups.0, 1);
    assert!(summary.ramp_ups.1 >= 2, "the press's and the row's ramp-ups: {:?}", summary.ramp_ups);
    assert_eq!(summary.skipped, ["Lateral raise"]);
    assert_eq!(summary.added, [("Leg press".to_string(), 1)]);
    // Epley with reps in reserve: 80 x 9 = 104.0, 82.5 x 9 = 107.25, as said on save.
    assert_eq!(summary.records, [(PRESS.to_string(), "82.5 kg x 8, e1RM +3.3 kg".to_string())]);
    // The week so far: chest from tonight's press; lats from Thursday's row and tonight's.
    assert_eq!(muscle(&summary, "chest"), (1.0, Band::Below));
    assert_eq!(muscle(&summary, "lats"), (2.0, Band::Below));
    assert_eq!(muscle(&summary, "triceps"), (0.5, Band::Below));
    assert_eq!(muscle(&summary, "quads"), (1.0, Band::Below));
    assert!(summary.muscles.iter().all(|m| m.muscle.name() != "side delts"), "the skipped raise trained nothing");
    assert_eq!(summary.band, (6, 10));
    assert!(!summary.deload && summary.uncounted.is_empty());
    // Day 2 (active recovery) tomorrow, then Day 3 on Tuesday.
    let next = summary.next.clone().expect("a next day");
    assert_eq!(next.next.0, "Day 2: active recovery");
    assert_eq!(next.next.2, chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"));
    assert_eq!(next.training.as_ref().map(|(name, _)| name.as_str()), Some("Day 3: incline and pulldown"));
    insta::assert_snapshot!("session_summary_80x24", screen(&d, 80, 24));

    // Enter closes it; the session is over and E says so again.
    press(&mut d, &[enter()]);
    assert!(d.app.popup.is_none());
    press(&mut d, &[ch('E')]);
    assert!(d.app.popup.is_none());
    assert_eq!(
        d.app.message.as_ref().map(|(_, t)| t.as_str()),
        Some("No session running: it starts with the first set")
    );
}

#[test]
fn the_summary_scrolls_and_esc_closes_it_on_a_small_screen() {
    let mut d = driver_after_a_week();
    log(&mut d, 0, 0, "40", "8", '1');
    let row = working_row(&d, 0);
    log(&mut d, 0, row, "82.5", "8", '1');
    finish(&mut d);
    let top = screen(&d, 60, 16);
    assert!(top.contains("Machine chest press: 82.5 kg x 8"), "{top}");
    press(&mut d, &[ch('j'), ch('j'), ch('j'), ch('j'), ch('j'), ch('j')]);
    let scrolled = screen(&d, 60, 16);
    assert!(scrolled.contains("Next: Day 2: active recovery"), "{scrolled}");
    assert_ne!(top, scrolled);
    press(&mut d, &[key(KeyCode::Esc)]);
    assert!(d.app.popup.is_none());
}

#[test]
fn a_session_of_ramp_ups_only_counts_nothing_for_the_week() {
    let mut d = driver_after_a_week();
    log(&mut d, 0, 0, "40", "8", '1');
    let summary = finish(&mut d);
    assert_eq!(summary.working, (0, 4));
    assert_eq!(summary.ramp_ups.0, 1);
    assert!(summary.records.is_empty() && summary.muscles.is_empty());
    let shown = screen(&d, 80, 24);
    assert!(shown.contains("Working sets  0 of 4 planned"), "{shown}");
    assert!(shown.contains("No working sets: nothing counted towards the week."), "{shown}");
    assert!(shown.contains("No records this time."), "{shown}");
}

#[test]
fn a_custom_exercise_with_no_muscles_is_named_as_not_counted() {
    let custom = hardset::model::exercise::CustomExercise {
        name: "Zercher carry thing".into(),
        muscles: Vec::new(),
        equipment: hardset::model::exercise::Equipment::Barbell,
        source: "Hevy import".into(),
        technical: None,
    };
    let mut catalogue = catalogue();
    catalogue.insert(custom.to_exercise());
    let plan = hardset::model::plan::Plan::example_week(&catalogue).expect("parses");
    let app = hardset::tui::app::App::new(plan, test_settings());
    let mut d = Driver::new(app, hardset::store::Store::in_memory().expect("store"), clock());
    press(&mut d, &[ch('a')]);
    type_text(&mut d, "zercher");
    press(&mut d, &[enter()]);
    let ei = position(&d, "Zercher carry thing");
    let wr = working_row(&d, ei);
    log(&mut d, ei, wr, "60", "8", '1');
    let summary = finish(&mut d);
    assert_eq!(summary.uncounted, ["Zercher carry thing"]);
    assert!(summary.muscles.is_empty());
    assert_eq!(summary.added, [("Zercher carry thing".to_string(), 1)]);
    let shown = screen(&d, 80, 24);
    assert!(shown.contains("Not counted (no muscles known): Zercher carry thing"), "{shown}");
}

#[test]
fn a_deload_week_says_so_and_does_not_call_the_week_below_the_band() {
    let mut d = driver_after_a_week();
    let monday = hardset::training::compare::week_bounds(evening().date_naive()).0;
    d.store.start_deload(monday, hardset::model::session::DeloadStyle::Volume, evening()).expect("deload");
    d.reload();
    let row = working_row(&d, 0);
    log(&mut d, 0, row, "70", "8", '3');
    let summary = finish(&mut d);
    assert!(summary.deload);
    assert_eq!(muscle(&summary, "chest").1, Band::Below, "the figures stay true");
    let shown = screen(&d, 80, 24);
    assert!(shown.contains("Deload week: fewer sets are the point"), "{shown}");
    assert!(!shown.contains("below"), "no nagging about the band in a deload week: {shown}");
}

#[test]
fn a_session_past_midnight_counts_in_the_week_it_started_and_the_next_day_is_today() {
    // Sunday 23:30 to Monday 00:20: the session is Sunday's, in the week of Monday 23 November.
    let late = evening() + Duration::hours(5) + Duration::minutes(30);
    let mut store = hardset::store::Store::in_memory().expect("store");
    let thursday = evening() - Duration::days(3);
    let new = SessionFor::New { day_name: "Day 3: incline and pulldown".into(), day_index: Some(2) };
    let set = store.log_set(&new, &working(ROW, 50.0, 10, 1), thursday, 0).expect("logs");
    store.end_session(set.session_id, thursday + Duration::minutes(30)).expect("ends");
    let mut d = driver_on(store, FixedClock::at(late));
    d.app.today_screen.chosen_day = Some(0);
    d.reload();
    let ei = position(&d, ROW);
    let wr = working_row(&d, ei);
    log(&mut d, ei, wr, "52.5", "10", '1');
    d.clock.advance(Duration::minutes(46));
    let summary = finish(&mut d);
    assert_eq!(muscle(&summary, "lats"), (2.0, Band::Below), "Thursday's row and tonight's, one week");
    let next = summary.next.expect("a next day");
    assert_eq!(next.next.0, "Day 2: active recovery");
    assert_eq!(next.next.2, chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"), "today, after the night");
    let shown = screen(&d, 80, 24);
    assert!(shown.contains("23:30-00:20, 50 min"), "{shown}");
    assert!(shown.contains("Next: Day 2: active recovery, today (Mon 30 Nov)"), "{shown}");
}

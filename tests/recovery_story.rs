//! Recovery in the app: the readiness check-in, deload weeks, the decline detector, RIR
//! calibration and plan revisions, driven through the update loop with a fixed clock.

mod common;

use chrono::Duration;
use common::*;
use hardset::clock::{Clock, FixedClock};
use hardset::model::session::{DeloadStyle, Readiness, SessionFor};
use hardset::store::Store;
use hardset::tui::app::App;
use hardset::tui::driver::Driver;
use hardset::tui::popups::Popup;
use ratatui::crossterm::event::KeyCode;

fn with_check_in(store: Store, clock: FixedClock) -> Driver<FixedClock> {
    Driver::new(App::new(example_plan(), hardset::config::Settings::default()), store, clock)
}

#[test]
fn the_check_in_opens_the_session_and_is_stored_with_it() {
    let mut d = with_check_in(Store::in_memory().expect("store"), FixedClock::at(evening()));
    press(&mut d, &[key(KeyCode::Enter)]);
    assert!(matches!(d.app.popup, Some(Popup::CheckIn(_))), "asked before the first set");
    assert!(screen(&d, 80, 24).contains("How are you today?"));
    type_text(&mut d, "2415");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert!(d.app.popup.is_none());
    let session = d.app.today.as_ref().and_then(|t| t.session.clone()).expect("the check-in started the session");
    assert_eq!(session.readiness, Some(Readiness { sleep: 2, energy: 4, joints: 1, motivation: 5 }));
    assert!(d.app.today_screen.form.target.is_some(), "straight on to the first set");
    // Asked once: the next Enter opens the set.
    press(&mut d, &[key(KeyCode::Esc), key(KeyCode::Enter)]);
    assert!(d.app.popup.is_none());
}

#[test]
fn the_check_in_is_skipped_in_one_key() {
    let mut d = with_check_in(Store::in_memory().expect("store"), FixedClock::at(evening()));
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Esc)]);
    assert!(d.app.popup.is_none());
    assert!(d.app.today.as_ref().is_some_and(|t| t.session.is_none()), "nothing stored");
    assert_eq!(d.app.today_screen.form.target.as_ref().map(|t| t.exercise.as_str()), Some("Machine chest press"));
}

#[test]
fn a_deload_week_halves_the_sets_and_keeps_reps_in_reserve() {
    let mut d = demo_driver(3);
    let before = d.app.today.clone().expect("today");
    press(&mut d, &[ch('D')]);
    let today = d.app.today.clone().expect("today");
    assert_eq!(today.deload.map(|w| w.style), Some(DeloadStyle::Volume));
    let press_ex = &today.exercises[0];
    assert!(press_ex.planned.rir.low >= 3, "RIR 3 or more, no failure");
    assert!(press_ex.target.reason.starts_with("deload week"), "{}", press_ex.target.reason);
    assert_eq!(
        press_ex.target.weight,
        before.exercises[0].last_time.first().map(|s| s.entry.weight),
        "last time's load"
    );
    assert!(screen(&d, 80, 24).contains("Deload: half the sets, RIR 3+ (D ends)"));
    // Day 3 plans two working sets for each exercise: a deload week does one.
    press(&mut d, &[ch(']'), ch(']')]);
    let day3 = d.app.today.clone().expect("today");
    assert_eq!(day3.day.name, "Day 3: incline and pulldown");
    assert!(day3.exercises.iter().all(|e| e.planned.sets == 1), "half of 2 sets");
    press(&mut d, &[ch('D')]);
    assert_eq!(d.app.today.as_ref().and_then(|t| t.deload), None, "D again ends it");
}

#[test]
fn a_declining_key_lift_suggests_a_deload_and_deload_weeks_are_not_last_time() {
    let clock = FixedClock::at(evening());
    let mut store = Store::in_memory().expect("store");
    // Three weeks of a falling machine chest press: 80x10, 80x8, 80x6 at RIR 1, one a week.
    for (weeks_ago, reps) in [(3, 10), (2, 8), (1, 6)] {
        let at = evening() - Duration::weeks(weeks_ago);
        let session = SessionFor::New { day_name: "Day 1: push and pull".into(), day_index: Some(0) };
        let set = store.log_set(&session, &working("Machine chest press", 80.0, reps, 1), at, 180).expect("logs");
        store.end_session(set.session_id, at).expect("ends");
    }
    let d = driver_on(store, clock.clone());
    let today = d.app.today.clone().expect("today");
    assert_eq!(today.signs.declines.len(), 1, "{:?}", today.signs);
    assert!(today.signs.suggest_deload(), "a decline two weeks running is a sign to deload");
    let warning = today.warnings.iter().find(|w| w.text.starts_with("Recovery:")).expect("recovery warning");
    assert!(warning.text.contains("Machine chest press e1RM fell two weeks running"), "{warning}");
    assert!(warning.text.contains("D starts one"), "{warning}");
    // Mark last week a deload: it leaves the trend, and its set is no longer "last time".
    let mut store = d.store;
    let last_monday = hardset::training::compare::week_bounds(clock.local_date(evening() - Duration::weeks(1))).0;
    store.start_deload(last_monday, DeloadStyle::Volume, evening()).expect("marks");
    let mut d = driver_on(store, clock);
    d.app.today_screen.chosen_day = Some(0);
    d.reload();
    let today = d.app.today.clone().expect("today");
    assert!(today.signs.declines.is_empty(), "two weeks left: one decline is not a trend");
    assert_eq!(
        today.exercises[0].last_time.first().map(|s| s.entry.reps),
        Some(8),
        "the deload week's 6 reps are skipped"
    );
}

#[test]
fn poor_check_ins_for_a_week_say_which_signs_fired() {
    let mut store = Store::in_memory().expect("store");
    for days_ago in [5, 3, 1] {
        let session =
            store.start_session("Day 1: push and pull", Some(0), evening() - Duration::days(days_ago)).expect("starts");
        store.set_readiness(session.id, Readiness { sleep: 1, energy: 3, joints: 4, motivation: 2 }).expect("stores");
        store.end_session(session.id, evening() - Duration::days(days_ago)).expect("ends");
    }
    let d = driver_on(store, FixedClock::at(evening()));
    let warnings = d.app.today.as_ref().expect("today").warnings.clone();
    let recovery = warnings.iter().find(|w| w.text.starts_with("Recovery:")).expect("recovery warning");
    assert!(
        recovery.text.contains("sleep averaged 1.0/5") && recovery.text.contains("motivation averaged 2.0/5"),
        "{recovery}"
    );
    assert!(!recovery.text.contains("energy"), "{recovery}");
}

#[test]
fn a_set_to_failure_on_a_safe_exercise_asks_for_a_rir_guess() {
    let mut d = fresh_driver();
    // The machine chest press's working set, to failure.
    press(&mut d, &[key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Enter)]);
    type_text(&mut d, "60");
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "10");
    press(&mut d, &[key(KeyCode::Enter), ch('0'), key(KeyCode::Enter)]);
    assert!(matches!(d.app.popup, Some(Popup::Guess(_))), "asks how many were left at some rep");
    type_text(&mut d, "12 1");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert!(matches!(d.app.popup, Some(Popup::Guess(ref g)) if g.error.is_some()), "rep 12 of a 10-rep set is refused");
    press(
        &mut d,
        &[key(KeyCode::Backspace), key(KeyCode::Backspace), key(KeyCode::Backspace), key(KeyCode::Backspace)],
    );
    type_text(&mut d, "7 2");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert!(d.app.popup.is_none());
    let calibration = d.app.today.as_ref().and_then(|t| t.signs.calibration).expect("one guess");
    // At rep 7 the lifter thought 2 were left; 3 were: one short.
    assert_eq!(calibration.guesses, 1);
    assert!((calibration.mean_error + 1.0).abs() < 1e-9);
    press(&mut d, &[ch('3')]);
    assert!(screen(&d, 80, 24).contains("RIR guesses: 1 so far, off by 1.0 reps"));
}

#[test]
fn changing_the_plan_again_within_three_weeks_is_warned_about() {
    let clock = FixedClock::at(evening());
    let mut store = Store::in_memory().expect("store");
    let new = |_, _| true;
    store.record_plan_revision("first", "Old plan", evening() - Duration::days(10), new).expect("records");
    store.record_plan_revision("second", "Example week", evening() - Duration::days(2), new).expect("records");
    let (current, previous) = store.record_plan_revision("second", "Example week", evening(), new).expect("records");
    assert_eq!(current.fingerprint, "second", "the same content is the same revision");
    assert_eq!(previous.map(|p| p.fingerprint), Some("first".into()));
    let d = driver_on(store, clock);
    let today = d.app.today.clone().expect("today");
    assert!(
        today.warnings.iter().any(|w| w.text.starts_with("The plan changed again after 8 days")),
        "{:?}",
        today.warnings
    );
    assert!(screen(&d, 80, 24).contains("Plan 'Example week', new this week."));
}

#[test]
fn failure_in_a_deload_week_asks_first() {
    let mut d = fresh_driver();
    press(&mut d, &[ch('D'), key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Enter)]);
    type_text(&mut d, "50");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), ch('0'), key(KeyCode::Enter)]);
    assert!(matches!(d.app.popup, Some(Popup::Confirm(_))), "a deload week has no failure");
    assert!(screen(&d, 80, 24).contains("deload week"));
    press(&mut d, &[ch('n')]);
    assert_eq!(d.store.set_count().expect("count"), 0, "nothing saved on no");
    assert_eq!(d.app.today_screen.form.rir, "0", "the typed set is kept");
}

#[test]
fn after_a_deload_the_trend_starts_afresh() {
    let clock = FixedClock::at(evening());
    let mut store = Store::in_memory().expect("store");
    // A decline over weeks 4, 3 and 2 ago, then a deload two weeks ago... one week ago.
    for (weeks_ago, reps) in [(4, 10), (3, 8), (2, 6)] {
        let at = evening() - Duration::weeks(weeks_ago);
        let session = SessionFor::New { day_name: "Day 1: push and pull".into(), day_index: Some(0) };
        store.log_set(&session, &working("Machine chest press", 80.0, reps, 1), at, 180).expect("logs");
    }
    let deload_monday = hardset::training::compare::week_bounds(clock.local_date(evening() - Duration::weeks(1))).0;
    store.start_deload(deload_monday, DeloadStyle::Volume, evening() - Duration::weeks(1)).expect("marks");
    let d = driver_on(store, clock);
    let today = d.app.today.clone().expect("today");
    assert!(today.signs.declines.is_empty(), "the deload answered the decline: {:?}", today.signs);
    assert!(!today.warnings.iter().any(|w| w.text.starts_with("Recovery:")), "{:?}", today.warnings);
}

#[test]
fn starting_a_deload_mid_week_keeps_the_hard_sets_before_it() {
    let clock = FixedClock::at(evening() - Duration::days(2)); // Friday
    let mut store = Store::in_memory().expect("store");
    let session = SessionFor::New { day_name: "Day 1: push and pull".into(), day_index: Some(0) };
    let set = store
        .log_set(&session, &working("Machine chest press", 75.0, 9, 0), evening() - Duration::days(2), 180)
        .expect("logs");
    store.end_session(set.session_id, evening() - Duration::days(2)).expect("ends");
    let mut d = driver_on(store, clock.clone());
    clock.advance(Duration::days(2)); // Sunday
    d.reload();
    press(&mut d, &[ch('D')]);
    d.app.today_screen.chosen_day = Some(0);
    d.reload();
    let today = d.app.today.clone().expect("today");
    assert!(today.deload.is_some());
    let chest = today.exercises.iter().find(|e| e.planned.name == "Machine chest press").expect("on day 1");
    assert_eq!(
        chest.last_time.first().map(|s| s.entry.summary()),
        Some("75 kg x 9 @ 0".into()),
        "Friday's set still counts"
    );
    assert_eq!(today.rested, ["Lateral raise", "Cable triceps pushdown"], "the accessories rest");
    assert!(screen(&d, 80, 24).contains("Resting this week: Lateral raise"));
}

#[test]
fn progression_adds_the_smallest_step_the_lifter_can_load() {
    let mut settings = test_settings();
    settings.equipment.plates_kg = [2000, 1000, 500].map(hardset::model::units::Load::from_hundredths).to_vec();
    let mut store = Store::in_memory().expect("store");
    let session = SessionFor::New { day_name: "Day 1: push and pull".into(), day_index: Some(0) };
    let set = store
        .log_set(&session, &working("Barbell bench press", 80.0, 10, 1), evening() - Duration::days(5), 180)
        .expect("logs");
    store.end_session(set.session_id, evening() - Duration::days(5)).expect("ends");
    let mut d = Driver::new(App::new(example_plan(), settings), store, FixedClock::at(evening()));
    press(&mut d, &[ch('a')]);
    type_text(&mut d, "barbell bench");
    press(&mut d, &[key(KeyCode::Enter)]);
    let bench = d
        .app
        .today
        .as_ref()
        .and_then(|t| t.exercises.iter().find(|e| e.planned.name == "Barbell bench press").cloned())
        .expect("added");
    // Top of 6-10 at RIR 1 earns a step: with 5 kg the smallest plate, that is 10 kg, not 2.5.
    assert_eq!(bench.target.weight.map(|w| w.to_string()), Some("90 kg".into()), "{}", bench.target.reason);
}

#[test]
fn a_check_in_without_lifting_is_kept_but_the_day_is_not_trained() {
    let clock = FixedClock::at(evening() - Duration::hours(10));
    let mut d = with_check_in(Store::in_memory().expect("store"), clock.clone());
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "1111");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Esc)]);
    let session = d.app.today.as_ref().and_then(|t| t.session.clone()).expect("checked in");
    clock.advance(Duration::days(1));
    d.reload();
    let today = d.app.today.clone().expect("today");
    assert_eq!(today.day.name, "Day 1: push and pull", "a day without lifting does not move the rotation");
    let kept = d.store.session(session.id).expect("the check-in's session is kept");
    assert_eq!(kept.readiness, Some(Readiness { sleep: 1, energy: 1, joints: 1, motivation: 1 }));
    assert_eq!(kept.day_index, None);
}

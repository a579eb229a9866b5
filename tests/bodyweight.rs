//! Sets on body weight (issue 13, item 1): `BW`, `BW+10` and `BW-20` typed in the set form and
//! in `hardset log`, the body weight log (`hardset bodyweight`), targets that add to the belt or
//! take off assistance, and History rows that read `BW+10kg`, never `0kg`.

mod common;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use common::*;
use hardset::clock::FixedClock;
use hardset::model::exercise::Catalogue;
use hardset::model::plan::Plan;
use hardset::model::session::{Basis, SessionFor, SetEntry, SetKind};
use hardset::model::units::{Load, Rir, Unit, Weight};
use hardset::store::Store;
use hardset::tui::app::App;
use hardset::tui::driver::Driver;
use ratatui::crossterm::event::KeyCode;

const PULL_DAY: &str = r#"
name = "Pull"
schedule = "rotation"

[[day]]
name = "Pull"

  [[day.exercise]]
  name = "Chin-up"
  sets = 1
  reps = "6-10"

  [[day.exercise]]
  name = "Assisted pull-up"
  sets = 1
  reps = "6-10"
"#;

fn pull_plan() -> Plan {
    Plan::parse(PULL_DAY, "plan.toml", &Catalogue::shipped()).expect("the plan parses")
}

fn on_body(exercise: &str, basis: Basis, load: f64, reps: u16, rir: u8) -> SetEntry {
    SetEntry {
        exercise: exercise.into(),
        kind: SetKind::Working,
        weight: Weight::new(Load::from_f64(load).expect("load"), Unit::Kg),
        basis,
        reps,
        rir: Rir::whole(rir),
        ..Default::default()
    }
}

/// A log with a body weight of 80 kg from 20 Nov, chin-ups BW+7.5 x 10 @ 1 on Thursday 19 Nov,
/// and a pull day on Thursday 26 Nov: chin-ups BW+10 x 10 @ 1 (the top of 6-10, a record) and
/// assisted pull-ups BW-20 x 8 @ 1. `weighed`: whether the
/// body weight was logged.
fn pull_log(weighed: bool) -> Store {
    let mut store = Store::in_memory().expect("store");
    if weighed {
        let day = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        store.set_body_weight(day, Weight::new(Load::from_hundredths(8000), Unit::Kg), evening()).expect("weighs in");
    }
    let new = SessionFor::New { day_name: "Pull".into(), day_index: Some(0) };
    let week_before = Utc.with_ymd_and_hms(2026, 11, 19, 18, 0, 0).single().expect("time");
    let set = store.log_set(&new, &on_body("Chin-up", Basis::BodyPlus, 7.5, 10, 1), week_before, 0).expect("logs");
    store.end_session(set.session_id, week_before + Duration::minutes(1)).expect("ends");
    let thursday = Utc.with_ymd_and_hms(2026, 11, 26, 18, 0, 0).single().expect("time");
    let first = store.log_set(&new, &on_body("Chin-up", Basis::BodyPlus, 10.0, 10, 1), thursday, 0).expect("logs");
    let later = thursday + Duration::minutes(5);
    store
        .log_set(
            &SessionFor::Existing(first.session_id),
            &on_body("Assisted pull-up", Basis::Assisted, 20.0, 8, 1),
            later,
            0,
        )
        .expect("logs");
    store.end_session(first.session_id, later + Duration::minutes(1)).expect("ends");
    store
}

fn pull_driver(weighed: bool) -> Driver<FixedClock> {
    Driver::new(App::new(pull_plan(), test_settings()), pull_log(weighed), FixedClock::at(evening()))
}

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snapshot_both(name: &str, driver: &Driver<FixedClock>) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(driver, w, h));
    }
}

fn saved(d: &Driver<FixedClock>) -> Vec<SetEntry> {
    let today = d.app.today.as_ref().expect("today is read");
    today.sets.iter().map(|s| s.entry.clone()).collect()
}

#[test]
fn the_form_on_a_bodyweight_exercise_is_filled_with_the_belt_and_saves_it() {
    let mut d = pull_driver(true);
    press(&mut d, &[key(KeyCode::Enter)]);
    assert_eq!(d.app.today_screen.form.weight, "BW+12.5", "filled from the target");
    let text = screen(&d, 80, 24);
    assert!(text.contains("Weight  [BW+12.5"), "{text}");
    assert!(text.contains("(add 2.5") && text.contains("kg to the belt)"), "{text}");
    snapshot_both("bodyweight_form", &d);
    // The lifter keeps last time's belt: BW+10, typed over the suggestion, then 7 reps at RIR 0.
    type_text(&mut d, "BW+10");
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "7");
    press(&mut d, &[key(KeyCode::Enter), ch('0'), key(KeyCode::Enter)]);
    let sets = saved(&d);
    assert_eq!(sets.len(), 1, "saved: {sets:?}");
    assert_eq!((sets[0].basis, sets[0].weight.load.hundredths(), sets[0].reps), (Basis::BodyPlus, 1000, 7));
    assert!(screen(&d, 80, 24).contains("BW+10 kg x 7 @ 0"), "{}", screen(&d, 80, 24));
}

#[test]
fn a_bare_number_on_a_bodyweight_exercise_is_refused_beside_the_field() {
    let mut d = pull_driver(true);
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "10");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert!(saved(&d).is_empty(), "nothing saved");
    assert_eq!(d.app.today_screen.form.weight, "10", "the typed text stays");
    let text = screen(&d, 120, 40);
    assert!(
        text.contains("✗ on a bodyweight exercise write BW, BW+10") && text.contains("(assisted), not 10"),
        "{text}"
    );
    // Assisted, typed in lower case: saved as an assistance.
    while !d.app.today_screen.form.weight.is_empty() {
        press(&mut d, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut d, "bw-5");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), ch('1'), key(KeyCode::Enter)]);
    let sets = saved(&d);
    assert_eq!(sets.len(), 1, "saved: {sets:?}");
    assert_eq!((sets[0].basis, sets[0].weight.load.hundredths()), (Basis::Assisted, 500));
}

#[test]
fn without_a_body_weight_the_target_is_reps_and_says_how_to_log_one() {
    let mut d = pull_driver(false);
    press(&mut d, &[key(KeyCode::Enter)]);
    assert_eq!(d.app.today_screen.form.weight, "BW+12.5", "a step on the belt at the top of the range");
    let today = d.app.today.as_ref().expect("today");
    let reason = &today.exercises[0].target.reason;
    assert!(reason.contains("hardset bodyweight 82.5"), "{reason}");
}

#[test]
fn history_rows_read_bw_never_zero_kg() {
    let mut d = pull_driver(true);
    press(&mut d, &[ch('2')]);
    let text = screen(&d, 120, 40);
    assert!(text.contains("BW+7.5kg x10 @1") && text.contains("BW+10kg x10 @1"), "{text}");
    assert!(text.contains("BW-20kg x8 @1"), "{text}");
    assert!(!text.contains(" 0kg"), "{text}");
    snapshot_both("bodyweight_history", &d);
}

#[path = "common/coach.rs"]
mod coach;

#[test]
fn the_bodyweight_command_logs_a_weight_and_shows_its_trend() {
    let lifter = coach::Lifter::new();
    let out = lifter.ok(&["bodyweight", "84", "--date", "2026-10-01"]);
    assert_eq!(out, "body weight 84 kg on Thu 1 Oct 2026\nBody weight 84 kg (1 Oct 2026).\n");
    let out = lifter.ok(&["bodyweight", "82,5", "--date", "2026-10-20"]);
    assert!(
        out.starts_with(
            "body weight 82.5 kg on Tue 20 Oct 2026\nBody weight 82.5 kg (20 Oct 2026); since 1 Oct 84 kg: -1.5 kg."
        ),
        "{out}"
    );
    // The same day again: the latest typed wins, and says what it replaced.
    let out = lifter.ok(&["bodyweight", "181", "--unit", "lb", "--date", "2026-10-20"]);
    assert!(out.starts_with("body weight 181 lb on Tue 20 Oct 2026 (was 82.5 kg)"), "{out}");
    // Bad input says why and writes nothing.
    for (bad, says) in [
        ("0", "'0' is not a body weight: it is above 0"),
        ("8o", "'8o' is not a body weight: '8o' is not a number"),
        ("1001", "'1001' is not a body weight: 1000 is the most"),
    ] {
        let out = lifter.run(&["bodyweight", bad, "--date", "2026-10-21"]);
        assert!(!out.status.success(), "{bad} is refused");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{bad}: {stderr}");
    }
    let out = lifter.ok(&["bodyweight", "--date", "2026-10-25"]);
    assert!(out.starts_with("Body weight 181 lb (20 Oct 2026)."), "nothing was written on the 21st: {out}");
}

#[test]
fn log_takes_bodyweight_sets_and_refuses_a_bare_load_on_a_chin_up() {
    let lifter = coach::Lifter::new();
    lifter.ok(&["log", "Chin-up", "BW+10x6@0", "bwx8@1", "BW-20x10", "--at", "2026-11-02 18:00"]);
    let history = lifter.ok(&["history", "Chin-up"]);
    assert!(history.contains("Most reps: BW+10 kg x 6, BW x 8, BW-20 kg x 10"), "{history}");
    // A bare load on a bodyweight exercise could be a belt or an assistance: refused, nothing written.
    let out = lifter.run(&["log", "Chin-up", "BW+12.5x5@0", "10x6@0", "--at", "2026-11-03 18:00"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("'10x6@0': Chin-up is done on body weight: write BWx6, BW+10x6 (a belt) or BW-10x6 (assisted)"),
        "{stderr}"
    );
    let again = lifter.ok(&["history", "Chin-up"]);
    assert_eq!(again, history, "the good set before the bad one was not written either");
    // With a body weight, the history weighs the sets: 80 + 10 = 90 kg x 6 @ 0, Epley 108.
    lifter.ok(&["bodyweight", "80", "--date", "2026-11-01"]);
    let history = lifter.ok(&["history", "Chin-up"]);
    assert!(history.contains("Best e1RM: 108.0 kg (BW+10 kg x 6 @ 0 on Mon 2 Nov 2026)"), "{history}");
    let week = lifter.ok(&["week", "--date", "2026-11-03"]);
    assert!(week.ends_with("Body weight 80 kg (1 Nov 2026).\n"), "{week}");
}

#[test]
fn the_week_screen_shows_the_body_weight_and_its_trend() {
    let mut store = pull_log(true);
    let day = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    store.set_body_weight(day, Weight::new(Load::from_hundredths(8150), Unit::Kg), evening()).expect("weighs in");
    let mut d = Driver::new(App::new(pull_plan(), test_settings()), store, FixedClock::at(evening()));
    press(&mut d, &[ch('3')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Body weight 81.5 kg (28 Nov 2026); since 20 Nov 80 kg: +1.5 kg."), "{text}");
    // Without a reading, no line.
    let mut d = pull_driver(false);
    press(&mut d, &[ch('3')]);
    assert!(!screen(&d, 80, 24).contains("Body weight"));
}

#[test]
fn the_exercise_detail_weighs_sets_on_body_weight() {
    let mut d = pull_driver(true);
    press(&mut d, &[ch('i')]);
    let text = screen(&d, 120, 40);
    // BW+10 x 10 @ 1 at 80 kg of body: 90 kg, 11 to failure, Epley 123.0.
    assert!(text.contains("★ e1RM 123.0 kg: BW+10 kg x 10 @ 1"), "{text}");
    assert!(text.contains("BW+10 kg x 10") && text.contains("BW+7.5 kg x 10"), "{text}");
    assert!(!text.contains(" 0 kg"), "{text}");
    snapshot_both("bodyweight_detail", &d);
}

#[test]
fn the_bodyweight_form_draws_at_every_size_without_a_panic() {
    let mut d = pull_driver(true);
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "10");
    press(&mut d, &[key(KeyCode::Enter)]);
    for w in (0..=120).step_by(7) {
        for h in (0..=40).step_by(5) {
            let _ = screen(&d, w, h);
        }
    }
}

#[test]
fn the_check_in_takes_an_optional_body_weight() {
    let mut settings = test_settings();
    settings.checkin.ask = true;
    let mut d = Driver::new(App::new(pull_plan(), settings.clone()), pull_log(false), FixedClock::at(evening()));
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "4354");
    type_text(&mut d, "0");
    press(&mut d, &[key(KeyCode::Enter)]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Body weight [0▏] kg") && text.contains("✗ a body weight is above 0"), "{text}");
    assert!(d.store.body_weight_on(evening().date_naive()).expect("reads").is_none(), "nothing logged");
    press(&mut d, &[key(KeyCode::Backspace)]);
    type_text(&mut d, "81,5");
    press(&mut d, &[key(KeyCode::Enter)]);
    let reading = d.store.body_weight_on(evening().date_naive()).expect("reads").expect("logged");
    assert_eq!(reading.weight.to_string(), "81.5 kg");
    assert!(screen(&d, 80, 24).contains("Check-in saved, body weight 81.5 kg"), "{}", screen(&d, 80, 24));
    // Left empty, the four scores alone are saved.
    let mut d = Driver::new(App::new(pull_plan(), settings), pull_log(false), FixedClock::at(evening()));
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "4354");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert!(screen(&d, 80, 24).contains("Check-in saved"));
    assert!(d.store.body_weight_on(evening().date_naive()).expect("reads").is_none());
}

#[test]
fn the_check_in_with_its_body_weight_line() {
    let mut settings = test_settings();
    settings.checkin.ask = true;
    let mut d = Driver::new(App::new(pull_plan(), settings), pull_log(false), FixedClock::at(evening()));
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "4354");
    type_text(&mut d, "82.5");
    snapshot_both("bodyweight_check_in", &d);
}

#[test]
fn an_assistance_is_exported_negative_so_it_never_comes_back_as_a_belt() {
    let lifter = coach::Lifter::new();
    lifter.ok(&["log", "Chin-up", "BW+10x6@0", "BW-20x9@1", "--at", "2026-11-02 18:00"]);
    lifter.ok(&["log", "Assisted pull-up", "BW-15x8@1", "--at", "2026-11-02 18:10"]);
    let strong = lifter.ok(&["export", "--format", "strong"]);
    assert!(strong.contains("\"Chin-up\";\"1\";\"10\";\"6\""), "{strong}");
    assert!(strong.contains("\"Chin-up\";\"2\";\"-20\";\"9\""), "{strong}");
    assert!(strong.contains(";\"15\";\"8\""), "an assisted exercise's weight is its assistance: {strong}");
}

#[test]
fn the_top_weight_of_a_bodyweight_exercise_is_the_load_added() {
    let mut d = pull_driver(true);
    press(&mut d, &[ch('i'), ch('c')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Chin-up: load added to body weight per week"), "{text}");
    assert!(text.contains("kg added"), "the axis says the body is not in it: {text}");
    insta::assert_snapshot!("bodyweight_top_weight_80x24", text);
}

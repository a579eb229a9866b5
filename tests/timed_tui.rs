//! Holds, carries and cardio on the screen: the set form asks for what the exercise measures,
//! key by key at 80x24 and 120x40, and Today and History show times and distances.

mod common;

use common::*;
use hardset::clock::FixedClock;
use hardset::model::plan::Plan;
use hardset::store::Store;
use hardset::tui::app::App;
use hardset::tui::driver::Driver;
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snapshot_both(name: &str, driver: &Driver<FixedClock>) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(driver, w, h));
    }
}

const PLAN: &str = r#"
name = "Conditioning"
schedule = "rotation"

[[day]]
name = "Holds and carries"

  [[day.exercise]]
  name = "Plank"
  sets = 2
  time = "45s"

  [[day.exercise]]
  name = "Farmer's walk"
  sets = 1
  distance = "40m"

  [[day.exercise]]
  name = "Rowing machine"
  distance = "2000m"
"#;

fn driver() -> Driver<FixedClock> {
    let plan = Plan::parse(PLAN, "plan.toml", &catalogue()).expect("the plan parses");
    let app = App::new(plan, test_settings());
    Driver::new(app, Store::in_memory().expect("store"), FixedClock::at(evening()))
}

/// Erases the focused field and types `text`.
fn retype(d: &mut Driver<FixedClock>, text: &str) {
    press(d, &[key(KeyCode::Backspace); 12]);
    type_text(d, text);
}

fn logged(d: &Driver<FixedClock>) -> Vec<String> {
    let mut out = Vec::new();
    d.store
        .for_each_set(|s| {
            out.push(format!("{}: {}", s.entry.exercise, s.entry.summary()));
            Ok(())
        })
        .expect("reads");
    out
}

#[test]
fn the_plan_prescribes_times_and_distances_and_today_shows_them() {
    let d = driver();
    let text = screen(&d, 80, 24);
    assert!(text.contains("2x45 s"), "{text}");
    assert!(text.contains("1x40 m"), "{text}");
    assert!(text.contains("1x2,000 m"), "{text}");
    assert!(!text.contains("pick a load"), "no load-and-reps target for a hold: {text}");
}

#[test]
fn a_plank_is_logged_by_keyboard_with_an_inline_error_and_the_text_kept() {
    let mut d = driver();
    press(&mut d, &[key(KeyCode::Enter)]);
    // The form asks for the time first.
    assert_eq!(d.app.today_screen.form.focused(), hardset::tui::form::Field::Time);
    type_text(&mut d, "1:75");
    press(&mut d, &[key(KeyCode::Enter)]);
    let text = screen(&d, 80, 24);
    let form = &d.app.today_screen.form;
    assert_eq!(form.time, "1:75", "the typed text stays");
    let error = form.error(hardset::tui::form::Field::Time).unwrap_or_default();
    assert!(error.contains("minutes and seconds go up to 59") && text.contains("✗ '1:75'"), "{text}");
    assert!(logged(&d).is_empty(), "bad input writes nothing");
    snapshot_both("timed_form_hold_error", &d);
    retype(&mut d, "1:05");
    // Enter walks to the optional load, then the optional effort; Enter there saves.
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), key(KeyCode::Enter)]);
    assert_eq!(logged(&d), ["Plank: 1:05"]);
    // The rest runs after a hold as after any set; a 0-rep hold is no miss.
    assert!(d.app.rest().is_some(), "the rest timer starts");
    let text = screen(&d, 80, 24);
    assert!(!text.contains("missed"), "{text}");
}

#[test]
fn a_carry_takes_distance_time_and_load() {
    let mut d = driver();
    // Down past the plank's two sets to the farmer's walk.
    press(&mut d, &[key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Enter)]);
    type_text(&mut d, "40");
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "35");
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "32");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    assert_eq!(logged(&d), ["Farmer's walk: 40 m in 35 s at 32 kg"]);
    snapshot_both("timed_today_carry_logged", &d);
}

#[test]
fn a_row_takes_distance_and_time_shows_its_pace_and_asks_no_load() {
    let mut d = driver();
    press(&mut d, &[key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Enter)]);
    type_text(&mut d, "2000");
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "7:45");
    let text = screen(&d, 80, 24);
    assert!(text.contains("pace 1:56 /500 m"), "{text}");
    assert!(!text.contains("Weight"), "cardio asks no load: {text}");
    snapshot_both("timed_form_cardio", &d);
    press(&mut d, &[key(KeyCode::Enter)]);
    assert_eq!(logged(&d), ["Rowing machine: 2,000 m in 7:45"]);
}

/// A log with the same holds, carries and rows last week and this week.
fn history_driver() -> Driver<FixedClock> {
    use chrono::Duration;
    use hardset::model::session::{SessionRecord, SetEntry, SetKind};
    use hardset::model::units::{Distance, Load, Rir, Unit, Weight};
    use hardset::store::ImportBatch;
    let set = |exercise: &str, load: f64, seconds: Option<u32>, metres: Option<f64>| SetEntry {
        exercise: exercise.into(),
        kind: SetKind::Working,
        weight: Weight::new(Load::from_f64(load).expect("load"), Unit::Kg),
        seconds,
        distance: metres.and_then(Distance::from_metres),
        ..Default::default()
    };
    let session = |days_ago: i64, plank: u32, carry: f64, row: u32| {
        let start = evening() - Duration::days(days_ago) - Duration::hours(2);
        let sets = vec![
            set("Plank", 0.0, Some(plank), None),
            SetEntry { rir: Rir::whole(1), ..set("Plank", 10.0, Some(plank - 15), None) },
            set("Farmer's walk", carry, Some(35), Some(40.0)),
            set("Rowing machine", 0.0, Some(row), Some(2000.0)),
            SetEntry { reps: 8, rir: Rir::whole(1), ..set("Lat pulldown", 60.0, None, None) },
        ];
        let sets =
            sets.into_iter().enumerate().map(|(i, e)| (e, start + Duration::minutes(5 * i as i64 + 1))).collect();
        SessionRecord {
            started_at: start,
            ended_at: Some(start + Duration::hours(1)),
            day_name: "Holds and carries".into(),
            day_index: None,
            sets,
            readiness: None,
            note: String::new(),
        }
    };
    let mut store = Store::in_memory().expect("store");
    let batch =
        ImportBatch { sessions: vec![session(8, 60, 32.0, 480), session(1, 75, 36.0, 465)], ..Default::default() };
    store.import(&batch, true, &mut |_| {}).expect("writes");
    let plan = Plan::parse(PLAN, "plan.toml", &catalogue()).expect("the plan parses");
    Driver::new(App::new(plan, test_settings()), store, FixedClock::at(evening()))
}

#[test]
fn history_rows_compare_times_and_distances_without_an_e1rm() {
    let mut d = history_driver();
    press(&mut d, &[ch('2')]);
    let text = screen(&d, 120, 40);
    assert!(text.contains("1:00") && text.contains("1:15"), "the plank's times: {text}");
    assert!(text.contains("+15 s"), "a longer hold is better: {text}");
    assert!(text.contains("2000m 7:45") && text.contains("-15 s"), "a faster row: {text}");
    assert!(text.contains("40m 35s 36kg"), "the carry with its load: {text}");
    assert!(!text.contains("0kg x0"), "no timed set reads as 0 reps: {text}");
    snapshot_both("timed_history", &d);
    // The Week screen counts the lat pulldowns and nothing of the planks, carries and rows.
    let week = hardset::training::volume::weekly_volume(
        &d.store.sets_between(evening() - chrono::Duration::days(3), evening()).expect("sets"),
        &catalogue(),
        6,
    );
    let abs = week.iter().find(|w| w.muscle == hardset::model::exercise::Muscle::Abs);
    assert!(abs.is_none(), "planks are no effective sets: {week:?}");
    assert!(week.iter().any(|w| w.muscle == hardset::model::exercise::Muscle::Lats && w.effective >= 1.0));
}

#[test]
fn the_detail_of_a_hold_and_a_row_shows_bests_not_an_e1rm_chart() {
    let mut d = history_driver();
    press(&mut d, &[ch('i')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Plank: bests"), "{text}");
    assert!(text.contains("Best time: 1:15 (Sat 28 Nov 26)"), "{text}");
    assert!(!text.contains("e1RM per week"), "{text}");
    press(&mut d, &[key(KeyCode::Esc), key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down), ch('i')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Best distance: 2,000 m in 8:00"), "the first 2,000 m: {text}");
    assert!(text.contains("Best pace: 1:56 /500 m (2,000 m in 7:45"), "{text}");
    snapshot_both("timed_detail_row", &d);
}

#[test]
fn a_hold_in_a_deload_week_is_no_best_but_is_still_the_last() {
    let mut d = history_driver();
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    d.store.start_deload(monday, hardset::model::session::DeloadStyle::Volume, evening()).expect("deload week");
    press(&mut d, &[ch('i')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Best time: 1:00 (Sat 21 Nov 26)"), "the 1:15 was in a deload week: {text}");
    assert!(text.contains("Last: 1:00 at 10 kg @ 1 (Sat 28 Nov 26)"), "the last set, deload or not: {text}");
}

//! A plan that carries an exercise's last working set on past failure (`technique = "drop"`):
//! refused where the method has no failure, shown in the prescription, and opened as the form
//! for that technique as soon as the last working set is saved.

mod common;

use chrono::NaiveDate;
use common::*;
use hardset::clock::FixedClock;
use hardset::model::exercise::Catalogue;
use hardset::model::plan::Plan;
use hardset::model::session::{DeloadStyle, SetKind, Technique};
use hardset::store::Store;
use hardset::tui::app::App;
use hardset::tui::driver::Driver;
use hardset::tui::popups::Popup;
use hardset::tui::screens::Pane;
use ratatui::crossterm::event::KeyCode;

const PRESS_DAY: &str = r#"
name = "Press"
schedule = "rotation"

[[day]]
name = "Press"

  [[day.exercise]]
  name = "Machine chest press"
  sets = 2
  reps = "8-12"
  technique = "drop"

  [[day.exercise]]
  name = "Lateral raise"
  reps = "10-15"
"#;

fn plan_with(exercise: &str, technique: &str) -> Result<Plan, String> {
    let text = format!(
        "name = \"P\"\nschedule = \"rotation\"\n\n[[day]]\nname = \"A\"\n\n  [[day.exercise]]\n  name = \"{exercise}\"\n  reps = \"8-12\"\n  technique = \"{technique}\"\n"
    );
    Plan::parse(&text, "plan.toml", &Catalogue::shipped()).map_err(|e| e.to_string())
}

fn press_driver(store: Store) -> Driver<FixedClock> {
    let plan = Plan::parse(PRESS_DAY, "plan.toml", &Catalogue::shipped()).expect("the plan parses");
    Driver::new(App::new(plan, test_settings()), store, FixedClock::at(evening()))
}

/// Logs the chest press's next open working set by keys: `load x reps @ rir`.
fn log_next_working_set(d: &mut Driver<FixedClock>, load: &str, reps: &str, rir: char) {
    let slots = d.app.today.as_ref().expect("today").exercises[0].slots.clone();
    let open = slots.iter().position(|s| s.kind == SetKind::Working && s.logged.is_none()).expect("an open set");
    d.app.today_screen.cursor = Some((0, open));
    press(d, &[key(KeyCode::Enter)]);
    assert_eq!(d.app.pane, Pane::Form);
    type_text(d, load);
    press(d, &[key(KeyCode::Enter)]);
    type_text(d, reps);
    press(d, &[key(KeyCode::Enter), ch(rir), key(KeyCode::Enter)]);
}

#[test]
fn the_plan_names_a_technique_only_where_the_method_allows_failure() {
    let plan = plan_with("Machine chest press", "Drop set").expect("a drop set on a machine");
    assert_eq!(plan.days[0].exercises[0].technique, Some(Technique::Drop));
    let plan = plan_with("Cable curl", "myo-reps").expect("myo-reps on a cable");
    assert_eq!(plan.days[0].exercises[0].technique, Some(Technique::MyoReps));

    let squat = plan_with("Barbell back squat", "drop").expect_err("a technical lift");
    assert!(squat.contains("plan.toml:10:15"), "{squat}");
    assert!(squat.contains("technical lift") && squat.contains("safe exercise"), "{squat}");
    let text = "name = \"P\"\nschedule = \"rotation\"\n\n[[day]]\nname = \"A\"\n\n  [[day.exercise]]\n  name = \"Plank\"\n  time = \"45s\"\n  technique = \"rest-pause\"\n";
    let plank = Plan::parse(text, "plan.toml", &Catalogue::shipped())
        .map(drop)
        .map_err(|e| e.to_string())
        .expect_err("a hold has no reps to carry on");
    assert!(plank.contains("not a lift of reps"), "{plank}");
    let unknown = plan_with("Machine chest press", "giant\\u001b[2J").expect_err("no such technique");
    assert!(unknown.contains("is not a set technique") && !unknown.contains('\u{1b}'), "{unknown}");

    // A revision is told apart by its technique.
    let with = plan_with("Machine chest press", "drop").expect("parses");
    let other = plan_with("Machine chest press", "rest-pause").expect("parses");
    assert_ne!(with.fingerprint, other.fingerprint);
    let without = plan_with("Machine chest press", "drop").expect("parses");
    assert_eq!(with.fingerprint, without.fingerprint, "the same text, the same revision");
}

#[test]
fn after_the_last_working_set_the_planned_drop_set_opens_by_itself() {
    let mut d = press_driver(Store::in_memory().expect("store"));
    let press_today = &d.app.today.as_ref().expect("today").exercises[0];
    assert_eq!(press_today.prescription(), "2x8-12 @ RIR 0-1 + drop set");
    let shown = screen(&d, 80, 24);
    assert!(shown.contains("↳ then a drop set (t)"), "{shown}");

    // The first of two working sets: nothing more opens.
    log_next_working_set(&mut d, "80", "10", '1');
    assert_eq!(d.app.pane, Pane::Checklist);
    assert_eq!(d.app.today_screen.form.technique(), None);

    // The last one, to failure: the drop set's form opens on it, 80 kg less a fifth on the
    // 5 kg stack, and no RIR guess stands in the way.
    log_next_working_set(&mut d, "80", "8", '0');
    assert!(d.app.popup.is_none(), "{:?}", d.app.popup);
    assert_eq!(d.app.rest(), None, "no rest before the drop set");
    assert_eq!(d.app.pane, Pane::Form);
    let form = &d.app.today_screen.form;
    assert_eq!(form.technique(), Some(Technique::Drop));
    assert_eq!(form.weight, "60");
    let shown = screen(&d, 120, 40);
    assert!(shown.contains("No rest before it: the rest starts when it is saved."), "{shown}");
    assert!(
        matches!(&d.app.message, Some((_, m)) if m.contains("Saved") && m.contains("drop set")),
        "{:?}",
        d.app.message
    );
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "6");
    press(&mut d, &[key(KeyCode::Enter)]);

    let sets = d.app.today.as_ref().expect("today").sets.clone();
    assert_eq!(sets.len(), 3);
    let shown = screen(&d, 80, 24);
    assert!(shown.contains("↳ drop 60 kg x 6") && !shown.contains("then a drop set"), "{shown}");
    assert_eq!(sets[2].entry.technique, Some(Technique::Drop));
    assert_eq!(sets[2].entry.summary(), "60 kg x 6 (drop set)");
    assert_eq!(d.app.rest().map(|(_, seconds)| seconds), Some(120), "the rest comes after the drop set");
    assert_eq!(d.app.pane, Pane::Checklist);
}

#[test]
fn escape_leaves_the_planned_drop_set_and_it_stays_one_key_away() {
    let mut d = press_driver(Store::in_memory().expect("store"));
    log_next_working_set(&mut d, "80", "10", '1');
    log_next_working_set(&mut d, "80", "8", '0');
    assert_eq!(d.app.pane, Pane::Form);
    press(&mut d, &[key(KeyCode::Esc)]);
    assert_eq!(d.app.pane, Pane::Checklist);
    assert_eq!(d.app.today.as_ref().expect("today").sets.len(), 2, "nothing saved by leaving");
    press(&mut d, &[ch('t')]);
    assert_eq!(d.app.today_screen.form.technique(), Some(Technique::Drop));
}

#[test]
fn a_deload_week_plans_no_drop_set_and_asks_the_guess_as_usual() {
    let mut store = Store::in_memory().expect("store");
    let monday = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    store.start_deload(monday, DeloadStyle::Load, evening()).expect("deload week");
    let mut d = press_driver(store);
    let press_today = &d.app.today.as_ref().expect("today").exercises[0];
    assert!(!press_today.prescription().contains("drop set"), "{}", press_today.prescription());
    log_next_working_set(&mut d, "70", "10", '3');
    log_next_working_set(&mut d, "70", "10", '3');
    assert_eq!(d.app.pane, Pane::Checklist, "no drop set opens in a deload week");
    assert_eq!(d.app.today_screen.form.technique(), None);
    assert!(!matches!(d.app.popup, Some(Popup::Guess(_))));
}

#[test]
fn snapshots_of_a_planned_drop_set_on_today_and_in_its_form() {
    let mut d = press_driver(Store::in_memory().expect("store"));
    log_next_working_set(&mut d, "80", "10", '1');
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("today_planned_drop_set_{w}x{h}"), screen(&d, w, h));
    }
    log_next_working_set(&mut d, "80", "8", '0');
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("form_planned_drop_set_{w}x{h}"), screen(&d, w, h));
    }
}

#[test]
fn a_set_whose_form_broke_is_not_carried_on() {
    // Form broke on the last working set: the set is over, no drop set opens, the rest starts.
    let mut d = press_driver(Store::in_memory().expect("store"));
    log_next_working_set(&mut d, "80", "10", '1');
    let slots = d.app.today.as_ref().expect("today").exercises[0].slots.clone();
    let open = slots.iter().position(|s| s.kind == SetKind::Working && s.logged.is_none()).expect("an open set");
    d.app.today_screen.cursor = Some((0, open));
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "80");
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "7");
    press(&mut d, &[key(KeyCode::Enter), ch('1'), ch('f'), key(KeyCode::Enter)]);
    if matches!(d.app.popup, Some(Popup::Guess(_))) {
        press(&mut d, &[key(KeyCode::Esc)]);
    }
    let sets = d.app.today.as_ref().expect("today").sets.clone();
    assert!(sets.last().is_some_and(|s| s.entry.form_broke), "{sets:?}");
    assert_ne!(d.app.pane, Pane::Form);
    assert_eq!(d.app.today_screen.form.technique(), None);
    assert_eq!(d.app.rest().map(|(_, s)| s), Some(120), "the rest starts as after any set");
}

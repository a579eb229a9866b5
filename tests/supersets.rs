//! Supersets and circuits: `group = "A"` in the plan, checked when it is read, and the session
//! driven key by key: A1's set moves on to A2 with no rest, the round's last set starts the
//! group's rest, the rounds repeat, an exercise with fewer sets drops out, and undo.

mod common;

use chrono::Duration;
use common::*;
use hardset::clock::FixedClock;
use hardset::model::plan::Plan;
use hardset::store::Store;
use hardset::tui::app::App;
use hardset::tui::driver::Driver;
use ratatui::crossterm::event::KeyCode;

/// Lateral raise and triceps pushdown as superset A (3 and 2 sets), a press before it.
const PLAN: &str = r#"name = "Supersets"
schedule = "rotation"

[[day]]
name = "Arms"

  [[day.exercise]]
  name = "Lateral raise"
  sets = 3
  reps = "12-15"
  rest = "90s"
  ramp_up = false
  group = "A"

  [[day.exercise]]
  name = "Cable triceps pushdown"
  sets = 2
  reps = "10-15"
  rest = "2m"
  group = "a"

  [[day.exercise]]
  name = "Machine chest press"
  reps = "6-10"
  rest = "3m"
  ramp_up = false
"#;

fn plan(text: &str) -> Plan {
    Plan::parse(text, "plan.toml", &catalogue()).expect("the plan parses")
}

fn superset_driver(clock: FixedClock) -> Driver<FixedClock> {
    Driver::new(App::new(plan(PLAN), test_settings()), Store::in_memory().expect("store"), clock)
}

/// Enter on the cursor's row, a load, Enter to the reps (prefilled), Enter to the RIR, the RIR,
/// Enter: the set is saved.
fn log_working(d: &mut Driver<FixedClock>, load: &str, rir: char) {
    press(d, &[key(KeyCode::Enter)]);
    type_text(d, load);
    press(d, &[key(KeyCode::Enter), key(KeyCode::Enter), ch(rir), key(KeyCode::Enter)]);
}

/// The exercise and row under the cursor: `Lateral raise set 2`.
fn on(d: &Driver<FixedClock>) -> String {
    let today = d.app.today.as_ref().expect("today");
    let (ei, si) = d.app.today_screen.cursor.expect("a cursor");
    let exercise = &today.exercises[ei];
    let slot = &exercise.slots[si];
    format!("{} {}", exercise.planned.name, hardset::training::checklist::slot_name(slot.kind, slot.number))
}

fn rest_seconds(d: &Driver<FixedClock>) -> Option<u32> {
    d.app.rest().map(|(_, seconds)| seconds)
}

#[test]
fn a_superset_round_moves_on_without_rest_and_rests_after_its_last_exercise() {
    let clock = FixedClock::at(evening());
    let mut d = superset_driver(clock.clone());
    assert_eq!(on(&d), "Lateral raise set 1");
    // A1: saved with the group's label, no rest, the cursor on A2.
    log_working(&mut d, "10", '2');
    assert_eq!(rest_seconds(&d), None, "no rest between the exercises of a round");
    assert_eq!(on(&d), "Cable triceps pushdown set 1");
    let message = d.app.message.clone().expect("a message").1;
    assert!(message.contains("no rest: on to the next exercise of A"), "{message}");
    // A2: the round is done; the group's rest (the longer of 90s and 2m) starts, cursor on A1.
    clock.advance(Duration::seconds(40));
    log_working(&mut d, "25", '2');
    assert_eq!(rest_seconds(&d), Some(120), "the group rests its longest rest after the round");
    assert_eq!(on(&d), "Lateral raise set 2", "round 2 starts at A1");
    // Round 2: A1 stops the rest, A2 starts it again.
    clock.advance(Duration::seconds(130));
    log_working(&mut d, "10", '1');
    assert_eq!(rest_seconds(&d), None, "A1 of round 2 stops the round's rest: no rest before A2");
    assert_eq!(on(&d), "Cable triceps pushdown set 2");
    log_working(&mut d, "25", '1');
    assert_eq!(rest_seconds(&d), Some(120));
    // Round 3: the pushdown's two sets are done, it drops out; the raise's set 3 ends the round
    // and the group, and rests.
    assert_eq!(on(&d), "Lateral raise set 3");
    log_working(&mut d, "10", '1');
    assert_eq!(rest_seconds(&d), Some(120), "a round of one exercise rests after it");
    assert_eq!(on(&d), "Machine chest press set 1", "after the group, on to the next exercise");
    // Every working set of the group carries its label; the press after it none.
    log_working(&mut d, "60", '1');
    assert_eq!(rest_seconds(&d), Some(180), "an exercise in no group rests as before");
    let sets = &d.app.today.as_ref().expect("today").sets;
    let labels: Vec<(&str, Option<&str>)> =
        sets.iter().map(|s| (s.entry.exercise.as_str(), s.entry.superset.as_deref())).collect();
    assert_eq!(
        labels,
        [
            ("Lateral raise", Some("A")),
            ("Cable triceps pushdown", Some("A")),
            ("Lateral raise", Some("A")),
            ("Cable triceps pushdown", Some("A")),
            ("Lateral raise", Some("A")),
            ("Machine chest press", None),
        ]
    );
}

#[test]
fn undoing_the_rounds_last_set_stops_the_rest_and_goes_back_to_it() {
    let mut d = superset_driver(FixedClock::at(evening()));
    log_working(&mut d, "10", '2');
    log_working(&mut d, "25", '2');
    assert_eq!(rest_seconds(&d), Some(120));
    assert_eq!(on(&d), "Lateral raise set 2");
    press(&mut d, &[ch('u'), ch('y')]);
    assert_eq!(rest_seconds(&d), None, "undoing the set that started the rest stops it");
    assert_eq!(on(&d), "Cable triceps pushdown set 1", "the undone set is the round's next");
    // Logged again, it ends the round again.
    log_working(&mut d, "27.5", '2');
    assert_eq!(rest_seconds(&d), Some(120));
    assert_eq!(on(&d), "Lateral raise set 2");
    // Undo of A1 (no rest running): the cursor goes back to it.
    log_working(&mut d, "10", '2');
    assert_eq!(on(&d), "Cable triceps pushdown set 2");
    press(&mut d, &[ch('u'), ch('y')]);
    assert_eq!(on(&d), "Lateral raise set 2");
    assert_eq!(d.app.today.as_ref().expect("today").sets.len(), 2);
}

#[test]
fn a_skipped_exercise_is_out_of_the_round() {
    let mut d = superset_driver(FixedClock::at(evening()));
    // Skip the pushdown (A2): A1 alone rests after each set.
    press(&mut d, &[key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down)]);
    assert_eq!(on(&d), "Cable triceps pushdown set 1");
    press(&mut d, &[ch('x')]);
    press(&mut d, &[key(KeyCode::Up), key(KeyCode::Up), key(KeyCode::Up)]);
    assert_eq!(on(&d), "Lateral raise set 1");
    log_working(&mut d, "10", '2');
    assert_eq!(rest_seconds(&d), Some(120), "the round is A1 alone");
    assert_eq!(on(&d), "Lateral raise set 2");
}

#[test]
fn ramp_ups_come_before_the_rounds_and_rest_as_ramp_ups() {
    let text = PLAN.replace("  ramp_up = false\n  group = \"A\"", "  ramp_up = true\n  group = \"A\"");
    let clock = FixedClock::at(evening());
    let mut d = Driver::new(App::new(plan(&text), test_settings()), Store::in_memory().expect("store"), clock);
    assert_eq!(on(&d), "Lateral raise ramp-up 1");
    // A ramp-up: load, Enter, reps prefilled, Enter saves; it rests the ramp-up rest.
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "4");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    assert_eq!(rest_seconds(&d), Some(60));
    let ramp_up = d.app.today.as_ref().expect("today").sets[0].clone();
    assert_eq!(ramp_up.entry.superset, None, "a ramp-up is not part of the round");
    while on(&d).contains("ramp-up") {
        press(&mut d, &[key(KeyCode::Enter)]);
        type_text(&mut d, "6");
        press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    }
    assert_eq!(on(&d), "Lateral raise set 1");
    log_working(&mut d, "10", '2');
    assert_eq!(rest_seconds(&d), None);
    assert_eq!(on(&d), "Cable triceps pushdown set 1");
}

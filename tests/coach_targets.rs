//! Today's targets end to end (issue 11, items 1-6): a lifter's sessions written as a native
//! CSV, brought in with `hardset import`, and read back with `hardset today --json` as the log
//! stood on a morning. Every number is worked by hand in the test (Epley, the default formula:
//! e1RM = w (1 + (reps + RIR) / 30); reps to failure at a load, 30 (e1RM / w - 1), floored).

#[path = "common/coach.rs"]
mod coach;

use chrono::{Datelike, Duration, Utc};
use coach::{Lifter, exercise, session, warning_kinds, working};

/// One day of barbell lifts, stacks and cables, trained again and again.
const PLAN: &str = r#"
name = "Targets"
schedule = "rotation"

[[day]]
name = "Full body"

  [[day.exercise]]
  name = "Barbell back squat"
  sets = 1
  reps = "6-10"
  ramp_up = false

  [[day.exercise]]
  name = "Barbell bench press"
  sets = 1
  reps = "6-10"
  ramp_up = false

  [[day.exercise]]
  name = "Barbell row"
  sets = 1
  reps = "6-10"
  ramp_up = false

  [[day.exercise]]
  name = "Machine chest press"
  sets = 1
  reps = "8-12"
  ramp_up = false

  [[day.exercise]]
  name = "Lat pulldown"
  sets = 1
  reps = "8-12"
  ramp_up = false

  [[day.exercise]]
  name = "Cable lateral raise"
  sets = 1
  reps = "12-15"
  ramp_up = false
"#;

const DAY: &str = "Full body";

/// A lifter on the plan above with these sessions: (start, sets).
fn lifter(sessions: Vec<(&str, Vec<coach::Set>)>) -> Lifter {
    let lifter = Lifter::with_plan(PLAN);
    let sessions: Vec<_> = sessions.into_iter().map(|(start, sets)| session(start, DAY, 0, sets)).collect();
    lifter.import(&sessions);
    lifter
}

/// (weight, reps, rir_low, rir_high) of an exercise's target.
fn target(today: &serde_json::Value, name: &str) -> (f64, u64, u64, u64) {
    let t = &exercise(today, name)["target"];
    let number = |key: &str| t[key].as_u64().unwrap_or_else(|| panic!("{key} in {t}"));
    (t["weight"].as_f64().expect("a weight"), number("reps"), number("rir_low"), number("rir_high"))
}

fn reason(today: &serde_json::Value, name: &str) -> String {
    exercise(today, name)["reason"].as_str().expect("a reason").to_string()
}

#[test]
fn a_layoff_holds_the_load_then_takes_load_off_and_names_the_gap() {
    let lifter = lifter(vec![("2026-01-10 18:00", vec![working("Barbell back squat", 120.0, 9, Some(1.0))])]);
    // Ten days later: the usual rule (9 @ 1 is 10 to failure, 8 at RIR 2: one more rep), and
    // last time, older than a week, shows its date.
    let today = lifter.today("2026-01-20");
    assert_eq!(target(&today, "Barbell back squat"), (120.0, 10, 1, 2));
    assert!(reason(&today, "Barbell back squat").starts_with("last time (10 Jan) 120 kg x 9 @ 1:"), "{today:#}");
    assert!(!warning_kinds(&today).contains(&"layoff".to_string()));
    // Four weeks away: the load holds, the reps start at the bottom of the range.
    let today = lifter.today("2026-02-07");
    assert_eq!(target(&today, "Barbell back squat"), (120.0, 6, 1, 2));
    assert!(reason(&today, "Barbell back squat").contains("last trained 4 weeks ago, so hold the load"));
    assert!(warning_kinds(&today).contains(&"layoff".to_string()), "{today:#}");
    // 186 days: 26 weeks x 1% = 26% off 120 kg = 88.8, rounded down to 87.5 (1.25 kg plates),
    // stopping 2-3 short of failure.
    let today = lifter.today("2026-07-15");
    assert_eq!(target(&today, "Barbell back squat"), (87.5, 6, 2, 3));
    assert!(reason(&today, "Barbell back squat").contains("last trained 6 months ago, so about 26% lighter"));
    let layoff = today["warnings"].as_array().expect("warnings").iter().find(|w| w["kind"] == "layoff");
    let text = layoff.and_then(|w| w["text"].as_str()).expect("a layoff warning");
    assert!(text.contains("Barbell back squat: last trained 6 months ago"), "{text}");
}

#[test]
fn a_form_break_asks_for_the_clean_reps_and_a_second_one_takes_a_step_off() {
    let lifter = lifter(vec![
        ("2026-03-02 18:00", vec![working("Barbell bench press", 70.0, 7, Some(1.0)).form_broke()]),
        ("2026-03-04 18:00", vec![working("Barbell bench press", 70.0, 6, Some(1.0)).form_broke()]),
    ]);
    // After the first break: the same load, no more than the 7 clean reps.
    let today = lifter.today("2026-03-04");
    assert_eq!(target(&today, "Barbell bench press"), (70.0, 7, 1, 2));
    assert!(
        reason(&today, "Barbell bench press").contains("form broke after 7 clean reps, so same load and stop at 7")
    );
    // After the second at the same load: 70 - 2.5 = 67.5, with the 6 clean reps.
    let today = lifter.today("2026-03-06");
    assert_eq!(target(&today, "Barbell bench press"), (67.5, 6, 1, 2));
    assert!(
        reason(&today, "Barbell bench press")
            .contains("form broke at 70 kg two sessions running, so lighter and no more than the 6 clean reps")
    );
}

#[test]
fn a_miss_below_the_range_lowers_the_load_to_reach_its_bottom() {
    // Chest press 8-12 at RIR 0-1: 50 kg x 6 @ 0 is e1RM 60. 8 reps at RIR 1 is 9 to failure:
    // 60 / 1.3 = 46.2 kg, rounded down to the 5 kg pins: 45 kg, "8+".
    let lifter = lifter(vec![("2026-03-02 18:00", vec![working("Machine chest press", 50.0, 6, Some(0.0))])]);
    let today = lifter.today("2026-03-04");
    assert_eq!(target(&today, "Machine chest press"), (45.0, 8, 0, 1));
    assert!(
        reason(&today, "Machine chest press").contains("6 reps is under 8-12, so lighter to reach 8: 45 kg, 8+ reps")
    );
    let set = &exercise(&today, "Machine chest press")["sets"][0];
    assert_eq!(set["weight"], 45.0);
}

#[test]
fn reps_in_reserve_move_the_load_and_the_reps() {
    let lifter = lifter(vec![(
        "2026-03-02 18:00",
        vec![
            // Lat pulldown 8-12 at 0-1: 60 x 12 @ 5 is 17 to failure, e1RM 94. At 65 kg, 13 to
            // failure (12 at RIR 1, still the top); at 70, 10 (9): two steps.
            working("Lat pulldown", 60.0, 12, Some(5.0)),
            // Bench 6-10 at 1-2: 80 x 6 @ 4 is 10 to failure, 8 at RIR 2: 8 reps, not 7.
            working("Barbell bench press", 80.0, 6, Some(4.0)),
            // Squat 6-10: 100 x 14 @ 1 is 15 to failure, e1RM 150. 102.5: 13 (11 at RIR 2);
            // 105: 12 (10); 107.5: 11 (9), back inside the range: three steps.
            working("Barbell back squat", 100.0, 14, Some(1.0)),
        ],
    )]);
    let today = lifter.today("2026-03-04");
    assert_eq!(target(&today, "Lat pulldown"), (70.0, 8, 0, 1));
    assert!(
        reason(&today, "Lat pulldown")
            .contains("5 in reserve at 12 reps, so 2 steps up: 70 kg, 8+ reps, stop with 0-1 in reserve")
    );
    assert_eq!(coach::exercise(&today, "Lat pulldown")["target"]["reps_at_least"], true, "after a load step, 8+");
    assert_eq!(target(&today, "Barbell bench press"), (80.0, 8, 1, 2));
    assert!(reason(&today, "Barbell bench press").contains("stopped with 4 in reserve, so 8 reps are there"));
    assert_eq!(coach::exercise(&today, "Barbell bench press")["target"]["reps_at_least"], false, "the same load: 8");
    assert_eq!(target(&today, "Barbell back squat"), (107.5, 6, 1, 2));
    assert!(reason(&today, "Barbell back squat").contains("14 reps, past the top of 6-10, so 3 steps up"));
}

#[test]
fn steps_are_the_exercises_own_onto_weights_that_load() {
    let lifter = lifter(vec![(
        "2026-03-02 18:00",
        vec![
            // Cable lateral raise steps 2.5 kg: 5 kg x 15 @ 1 at the top of 12-15 goes to 7.5.
            working("Cable lateral raise", 5.0, 15, Some(1.0)),
            // A 61 kg barbell row does not load with 1.25 kg plates: a step lands on 62.5.
            working("Barbell row", 61.0, 10, Some(2.0)),
        ],
    )]);
    let today = lifter.today("2026-03-04");
    assert_eq!(target(&today, "Cable lateral raise"), (7.5, 12, 0, 1));
    assert_eq!(target(&today, "Barbell row"), (62.5, 6, 1, 2));
}

#[test]
fn a_deload_target_is_plainly_doable() {
    // Bench 70 kg x 6 @ 1 last week: e1RM 86.3. A deload asks 6 reps at RIR 3-4: at RIR 4
    // (10 to failure) 86.3 / 1.333 = 64.75 kg, rounded down: 62.5 kg x 6, not 70 x 6.
    let now = Utc::now();
    let this_monday = now.date_naive() - Duration::days(i64::from(now.weekday().num_days_from_monday()));
    let last_week = (this_monday - Duration::days(5)).format("%Y-%m-%d 18:00").to_string();
    let lifter = lifter(vec![(last_week.as_str(), vec![working("Barbell bench press", 70.0, 6, Some(1.0))])]);
    lifter.ok(&["deload"]);
    let today: serde_json::Value = serde_json::from_str(&lifter.ok(&["today", "--json"])).expect("JSON");
    assert_eq!(today["deload_week"], true);
    assert_eq!(target(&today, "Barbell bench press"), (62.5, 6, 3, 4));
    assert!(reason(&today, "Barbell bench press").contains("62.5 kg x 6, stop with 3-4 in reserve"), "{today:#}");
}

#[test]
fn a_load_missed_since_last_time_is_not_asked_for_again() {
    // Bench 6-10 at 1-2: 100 x 10 @ 1 earns a step; then 102.5 kg was missed outright (0 reps,
    // as Strong and Hevy export a failed attempt).
    let lifter = lifter(vec![
        ("2026-03-02 18:00", vec![working("Barbell bench press", 100.0, 10, Some(1.0))]),
        ("2026-03-05 18:00", vec![working("Barbell bench press", 102.5, 0, None)]),
    ]);
    let before = lifter.today("2026-03-04");
    assert_eq!(target(&before, "Barbell bench press"), (102.5, 6, 1, 2), "the step the 10 reps earned");
    let today = lifter.today("2026-03-07");
    assert_eq!(target(&today, "Barbell bench press"), (100.0, 10, 1, 2));
    assert!(reason(&today, "Barbell bench press").contains("102.5 kg was missed on 5 Mar, so under it"));
}

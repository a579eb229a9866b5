use std::collections::HashMap;

use chrono::NaiveDate;

use super::*;
use crate::model::exercise::Catalogue;
use crate::model::plan::PlannedExercise;
use crate::model::session::LoggedSet;
use crate::model::units::{Load, Rir, Unit};
use crate::training::bodyweight::BodyWeights;
use crate::training::checklist::{DayInput, build};
use crate::training::progression::Rules;

fn kg(value: f64) -> Weight {
    Weight::new(Load::from_f64(value).expect("valid load"), Unit::Kg)
}

fn planned(name: &str) -> PlannedExercise {
    let catalogue = Catalogue::shipped();
    let mut p = PlannedExercise::ad_hoc(catalogue.get(name).expect("in the catalogue"));
    p.ramp_up = true;
    p.sets = 2;
    p
}

/// Today's checklist of `exercise` on a first time (no last time), with `logged` today.
fn first_time(exercise: PlannedExercise, logged: &[LoggedSet]) -> ExerciseToday {
    let gear = Gear::standard();
    let empty = HashMap::new();
    let date = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    build(&DayInput {
        planned: &[exercise],
        added: &[],
        skipped: &[],
        logged,
        last_time: &empty,
        gear: &gear,
        unit: Unit::Kg,
        deload: None,
        before_last: &empty,
        missed: &HashMap::new(),
        today: date,
        local_date: &|_| date,
        rules: Rules::default(),
        body_weights: &BodyWeights::default(),
    })
    .remove(0)
}

fn ramp_ups(exercise: &ExerciseToday) -> Vec<String> {
    exercise.slots.iter().filter(|s| s.kind == SetKind::RampUp).map(|s| exercise.slot_text(s)).collect()
}

fn logged(id: i64, name: &str, kind: SetKind, load: f64, reps: u16) -> LoggedSet {
    let rir = if kind == SetKind::Working { Rir::whole(1) } else { None };
    let mut set = LoggedSet::sample(1, name, kind, kg(load), reps, rir);
    set.id = id;
    set
}

#[test]
fn a_first_time_has_no_ramp_up_loads_until_a_working_weight_is_known() {
    let mut e = first_time(planned("Barbell bench press"), &[]);
    assert_eq!(ramp_ups(&e), ["20 kg x 10 easy", "load? x 8 easy", "load? x 5 easy", "load? x 3 easy"]);
    assert_eq!(fill_from(&mut e, kg(62.5), &Gear::standard()), 0, "the same four rungs");
    assert_eq!(ramp_ups(&e), ["20 kg x 10 easy", "25 kg x 8 easy", "37.5 kg x 5 easy", "50 kg x 3 easy"]);
    // Typed again, lighter: rungs that would not climb go, and the working rows follow.
    assert_eq!(fill_from(&mut e, kg(25.0), &Gear::standard()), -3);
    assert_eq!(ramp_ups(&e), ["20 kg x 10 easy"]);
    assert_eq!(e.slots.iter().filter(|s| s.kind == SetKind::Working).count(), 2);
}

#[test]
fn a_stack_rounds_to_its_pins_and_the_plan_ladder_is_followed() {
    let mut e = first_time(planned("Machine chest press"), &[]);
    fill_from(&mut e, kg(45.0), &Gear::standard());
    assert_eq!(ramp_ups(&e), ["20 kg x 8 easy", "35 kg x 4 easy"]);
    let mut own = planned("Machine chest press");
    own.ramp_up_ladder = Some(vec![crate::model::plan::rung::parse_rung("60%x6").expect("a rung")]);
    let mut e = first_time(own, &[]);
    fill_from(&mut e, kg(50.0), &Gear::standard());
    assert_eq!(ramp_ups(&e), ["30 kg x 6 easy"]);
}

#[test]
fn a_logged_working_set_fills_the_open_ramp_ups_and_done_ones_stay() {
    let name = "Machine chest press";
    // Ramp-up 1 done at 30 before any working weight was known; then the working set at 60.
    let sets = [logged(1, name, SetKind::RampUp, 30.0, 8), logged(2, name, SetKind::Working, 60.0, 8)];
    let e = first_time(planned(name), &sets);
    // 50% of 60 is 30 (done); 75% is 45, above it: the open row climbs on from the done one.
    assert_eq!(ramp_ups(&e), ["30 kg x 8", "45 kg x 4 easy"]);
    // Done at 50: the 45 rung would not climb, so it goes.
    let sets = [logged(1, name, SetKind::RampUp, 50.0, 8), logged(2, name, SetKind::Working, 60.0, 8)];
    assert_eq!(ramp_ups(&first_time(planned(name), &sets)), ["50 kg x 8"]);
}

#[test]
fn a_target_body_weight_or_nothing_to_climb_to_leaves_the_ladder_alone() {
    let mut e = first_time(planned("Machine chest press"), &[]);
    let before = e.clone();
    assert_eq!(fill_from(&mut e, kg(0.0), &Gear::standard()), 0);
    assert_eq!(e, before, "no load, no ladder");
    e.target.weight = Some(kg(40.0));
    assert_eq!(fill_from(&mut e, kg(80.0), &Gear::standard()), 0);
    let mut targeted = before;
    targeted.target.weight = Some(kg(40.0));
    assert_eq!(e, targeted, "a target's ladder is the target's");
    // A pull-up's belt is no load to climb to.
    let mut pull_up = first_time(planned("Pull-up"), &[]);
    let kept = pull_up.clone();
    fill_from(&mut pull_up, kg(10.0), &Gear::standard());
    assert_eq!(pull_up, kept);
    // A missed attempt's weight (0 reps) is still the weight worked with; a body weight set is not.
    let mut miss = logged(2, "Machine chest press", SetKind::Working, 60.0, 0);
    assert_eq!(logged_working(&first_time(planned("Machine chest press"), &[miss.clone()])), Some(kg(60.0)));
    miss.entry.basis = Basis::BodyPlus;
    assert_eq!(logged_working(&first_time(planned("Machine chest press"), &[miss])), None);
}

fn working_rows(exercise: &ExerciseToday) -> Vec<String> {
    exercise.slots.iter().filter(|s| s.kind == SetKind::Working).map(|s| exercise.slot_text(s)).collect()
}

#[test]
fn a_first_time_second_set_suggests_the_load_the_first_was_done_at() {
    let name = "Machine chest press";
    let e = first_time(planned(name), &[]);
    assert!(working_rows(&e).iter().all(|r| r.starts_with("load?")), "{:?}", working_rows(&e));
    let e = first_time(planned(name), &[logged(1, name, SetKind::Working, 62.5, 8)]);
    let rows = working_rows(&e);
    assert!(rows[0].starts_with("62.5 kg x 8"), "{rows:?}");
    // The second set takes the load, the plan's reps and RIR: nothing heavier, no more reps.
    assert!(rows[1].starts_with("62.5 kg x 6 @ 0-1"), "{rows:?}");
    // A set that did not hold names no load for the next: a miss under the range, a broken
    // form, a grind closer to failure than a technical lift's target allows.
    let mut short = logged(1, name, SetKind::Working, 62.5, 5);
    short.entry.rir = Rir::whole(0);
    assert!(working_rows(&first_time(planned(name), &[short]))[1].starts_with("load?"));
    let mut broke = logged(1, name, SetKind::Working, 62.5, 8);
    broke.entry.form_broke = true;
    assert!(working_rows(&first_time(planned(name), &[broke]))[1].starts_with("load?"));
    let squat = "Barbell back squat";
    let mut ground = logged(1, squat, SetKind::Working, 100.0, 8);
    ground.entry.rir = Rir::whole(0);
    let e = first_time(planned(squat), &[ground]);
    assert_eq!(e.target.rir.low, 1, "a technical lift stops a rep or two short");
    assert!(working_rows(&e)[1].starts_with("load?"), "{:?}", working_rows(&e));
    let kept = first_time(planned(squat), &[logged(1, squat, SetKind::Working, 100.0, 8)]);
    assert!(working_rows(&kept)[1].starts_with("100 kg"), "{:?}", working_rows(&kept));
    // A target names its own loads; a load is never carried over it.
    let mut targeted = planned(name);
    targeted.sets = 2;
    let mut e = first_time(targeted, &[logged(1, name, SetKind::Working, 62.5, 8)]);
    e.target.weight = Some(kg(40.0));
    let before = e.clone();
    carry_working_load(&mut e);
    assert_eq!(e, before);
}

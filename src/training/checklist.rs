//! Today's checklist: the plan day's exercises, their ramp-up and working sets, matched against
//! what the session has logged.

use std::collections::HashMap;

use crate::model::exercise::Equipment;
use crate::model::plan::PlannedExercise;
use crate::model::session::{Basis, DeloadStyle, LoggedSet, SetEntry, SetKind};
use crate::model::units::{Effort, Unit, Weight};

use chrono::{DateTime, NaiveDate, Utc};

use super::bodyweight::BodyWeights;
use super::progression::{History, Rules, Target, bodyweight, deload_target, target};
use super::ramp::{self, Gear};

pub mod first_ladder;
mod first_reason;
mod prev;
pub mod superset;
mod timed;
pub use prev::{note_line, prev_text};
pub use timed::{best_distance, best_time, pace_text};

/// One set to tick off.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// Ramp-up or working.
    pub kind: SetKind,
    /// 1-based position among the exercise's sets of this kind.
    pub number: u16,
    /// Suggested load.
    pub weight: Option<Weight>,
    /// What the suggested load is measured against (a bodyweight target's belt or assistance).
    pub basis: Basis,
    /// Suggested reps.
    pub reps: u16,
    /// The set logged for it, once done.
    pub logged: Option<LoggedSet>,
    /// Sets shown under the logged one, oldest first: its drop sets, rest-pause and myo-reps,
    /// and the right side when the left was logged for it (never slots of their own).
    pub attached: Vec<LoggedSet>,
}

/// One exercise of today, with its sets.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseToday {
    /// How the plan prescribes it.
    pub planned: PlannedExercise,
    /// Today's target from last time.
    pub target: Target,
    /// Added during the session, not in the plan day.
    pub added: bool,
    /// Skipped today.
    pub skipped: bool,
    /// The working sets of the last time it was trained, for comparison.
    pub last_time: Vec<LoggedSet>,
    /// Ramp-up sets first, then working sets.
    pub slots: Vec<Slot>,
}

impl ExerciseToday {
    /// The working set logged last time at the same position as `number` (a left and right
    /// pair is one set).
    pub fn last_time_set(&self, number: u16) -> Option<&LoggedSet> {
        prev::nth_standing(&self.last_time, number)
    }

    /// Working sets logged and working sets in its checklist, as `sets x reps` in the plan
    /// counts them: ramp-ups are not part of the plan's set count.
    pub fn working_progress(&self) -> (usize, usize) {
        let working = self.slots.iter().filter(|s| s.kind == SetKind::Working);
        (working.clone().filter(|s| s.logged.is_some()).count(), working.count())
    }

    /// How the plan prescribes it: `1x6-10 @ RIR 0-1`.
    pub fn prescription(&self) -> String {
        self.prescription_in(Effort::Rir)
    }

    /// [`ExerciseToday::prescription`] in the lifter's scale: `1x6-10 @ RPE 9-10`, and
    /// ` + drop set` when the plan carries the last set on.
    pub fn prescription_in(&self, effort: Effort) -> String {
        let technique = self.planned.technique.map(|t| format!(" + {t}")).unwrap_or_default();
        format!("{}{technique}", self.sets_prescription_in(effort))
    }

    /// The working sets alone of [`ExerciseToday::prescription_in`], for a screen that shows
    /// the planned technique under the last set.
    pub fn sets_prescription_in(&self, effort: Effort) -> String {
        let p = &self.planned;
        if self.is_timed() {
            return timed::prescription(p);
        }
        format!("{}x{} @ {}", p.sets, p.reps, effort.band(p.rir.low, p.rir.high))
    }

    /// What one of its rows holds (the logged set) or asks for: `25 kg x 8 easy`, or for a
    /// working set the target's reps ("6+" when they are a floor) and RIR, `82.5 kg x 6+ @ 1-2`.
    pub fn slot_text(&self, slot: &Slot) -> String {
        self.slot_text_in(slot, Effort::Rir)
    }

    /// [`ExerciseToday::slot_text`] in the lifter's scale: `82.5 kg x 6+ @ 8-9` as RPE.
    pub fn slot_text_in(&self, slot: &Slot, effort: Effort) -> String {
        if let Some(set) = &slot.logged {
            return set.entry.summary_in(effort);
        }
        if self.is_timed() {
            return timed::slot_text(self, slot);
        }
        let load = match (slot.weight, slot.basis) {
            (Some(w), basis) => SetEntry { weight: w, basis, ..Default::default() }.load_text(),
            (None, basis) if basis.is_bodyweight() => "BW".to_string(),
            (None, _) => "load?".to_string(),
        };
        let target = &self.target;
        let rir = effort.band_numbers(target.rir.low, target.rir.high);
        match slot.kind {
            SetKind::RampUp => format!("{load} x {} easy", slot.reps),
            SetKind::Working if slot.reps == target.reps => format!("{load} x {} @ {rir}", target.reps_text()),
            SetKind::Working => format!("{load} x {} @ {rir}", slot.reps),
        }
    }
}

/// A checklist row's name: `set 1`, `ramp-up 2`.
pub fn slot_name(kind: SetKind, number: u16) -> String {
    match kind {
        SetKind::RampUp => format!("ramp-up {number}"),
        SetKind::Working => format!("set {number}"),
    }
}

/// What the checklist is built from.
pub struct DayInput<'a> {
    /// The plan day's exercises, in order.
    pub planned: &'a [PlannedExercise],
    /// Exercises added during the session.
    pub added: &'a [PlannedExercise],
    /// Names skipped today.
    pub skipped: &'a [String],
    /// Sets logged in today's session, oldest first.
    pub logged: &'a [LoggedSet],
    /// Working sets of the last session of each exercise, oldest first.
    pub last_time: &'a HashMap<String, Vec<LoggedSet>>,
    /// The lifter's bar, plates, dumbbells and stacks.
    pub gear: &'a Gear,
    /// The unit loads are suggested in when there is no history.
    pub unit: Unit,
    /// This week is a deload week of this style.
    pub deload: Option<DeloadStyle>,
    /// Working sets of the session before the last one of each exercise (a second form break in
    /// a row at the same load takes a step off).
    pub before_last: &'a HashMap<String, Vec<LoggedSet>>,
    /// The lightest missed attempt (0 reps) of each exercise since its last time, with its
    /// local date.
    pub missed: &'a HashMap<String, super::progression::Miss>,
    /// Today's local date (a layoff is counted to it).
    pub today: NaiveDate,
    /// The local date of a moment.
    pub local_date: &'a dyn Fn(DateTime<Utc>) -> NaiveDate,
    /// The progression thresholds.
    pub rules: Rules,
    /// The body weight log, which weighs bodyweight exercises' sets.
    pub body_weights: &'a BodyWeights,
}

/// Today's target of `planned`, from its last time: the usual rules, a deload's, a hold's,
/// carry's or cardio's own, or for an exercise done on body weight the bodyweight ones.
fn target_for(
    input: &DayInput<'_>,
    planned: &PlannedExercise,
    last_time: &[LoggedSet],
    last_entries: &[SetEntry],
) -> Target {
    let loadable_for = |unit| ramp::loadable_for(planned.equipment, input.gear, planned.load_step, unit);
    // A hold, carry or cardio has no load-and-reps target: its own.
    if timed::is_timed(planned, last_entries) {
        return timed::target(planned, last_entries, &input.rules);
    }
    let bodyweight = bodyweight::is_bodyweight(last_entries.first(), planned.equipment == Equipment::Bodyweight);
    let step = |unit| planned.load_step.in_unit(unit);
    let (today, body, rules) = (input.today, input.body_weights, &input.rules);
    match input.deload {
        Some(style) if bodyweight => {
            bodyweight::bodyweight_deload(planned, last_entries, style, step, body, today, rules)
        }
        Some(style) => deload_target(planned, last_entries, style, loadable_for, rules),
        None => {
            let before = input.before_last.get(&planned.name).and_then(|s| s.first()).map(|s| &s.entry);
            let history = History {
                last: last_entries,
                last_date: last_time.first().map(|s| (input.local_date)(s.session_started_at)),
                before,
                missed: input.missed.get(&planned.name).copied(),
            };
            if bodyweight {
                bodyweight::bodyweight_target(planned, &history, today, step, body, input.unit, rules)
            } else {
                target(planned, &history, today, loadable_for, rules)
            }
        }
    }
}

/// Builds today's checklist. Logged sets fill the planned slots of their exercise and kind in
/// order; sets beyond the plan become extra slots, so nothing logged is ever hidden.
pub fn build(input: &DayInput<'_>) -> Vec<ExerciseToday> {
    let mut exercises: Vec<ExerciseToday> = Vec::new();
    let planned = input.planned.iter().map(|p| (p, false)).chain(input.added.iter().map(|p| (p, true)));
    for (planned, added) in planned {
        if exercises.iter().any(|e| e.planned.name == planned.name) {
            continue;
        }
        let last_time: Vec<LoggedSet> = input.last_time.get(&planned.name).cloned().unwrap_or_default();
        // A left and right pair is one set, read at its weaker side.
        let last_entries: Vec<_> = super::techniques::weaker_of_pairs(&last_time);
        let loadable_for = |unit| ramp::loadable_for(planned.equipment, input.gear, planned.load_step, unit);
        let target = target_for(input, planned, &last_time, &last_entries);
        let mut slots = Vec::new();
        // A ladder climbs towards a load; a bodyweight set's belt is not one.
        if planned.ramp_up && !target.basis.is_bodyweight() {
            let unit = target.weight.map_or(input.unit, |w| w.unit);
            let loadable = loadable_for(unit);
            let rungs = planned.ramp_up_ladder.clone().unwrap_or_else(|| ramp::default_rungs(planned.equipment));
            for (i, rung) in ramp::ladder(target.weight, &rungs, &loadable, unit).into_iter().enumerate() {
                slots.push(Slot {
                    kind: SetKind::RampUp,
                    number: i as u16 + 1,
                    weight: rung.weight,
                    basis: Basis::Load,
                    reps: rung.reps,
                    logged: None,
                    attached: Vec::new(),
                });
            }
        }
        for i in 0..planned.sets {
            slots.push(Slot {
                kind: SetKind::Working,
                number: u16::from(i) + 1,
                weight: target.weight,
                basis: target.basis,
                reps: target.reps,
                logged: None,
                attached: Vec::new(),
            });
        }
        // A deload has no failure: a planned drop set waits for a normal week.
        let technique = planned.technique.filter(|_| input.deload.is_none());
        exercises.push(ExerciseToday {
            planned: PlannedExercise { technique, ..planned.clone() },
            target,
            added,
            skipped: input.skipped.iter().any(|s| s == &planned.name),
            last_time,
            slots,
        });
    }
    place_logged(&mut exercises, input.logged);
    // A first time's ramp-ups climb towards the working weight logged today.
    for exercise in &mut exercises {
        if let Some(working) = first_ladder::logged_working(exercise) {
            first_ladder::fill_from(exercise, working, input.gear);
        }
        first_ladder::carry_working_load(exercise);
        first_reason::preview_next_time(input, exercise);
    }
    exercises
}

/// Logged sets fill the planned slots of their exercise and kind in order; sets beyond the plan
/// become extra slots, and a technique set or a right side goes under the set it belongs to.
fn place_logged(exercises: &mut [ExerciseToday], logged: &[LoggedSet]) {
    for (index, set) in logged.iter().enumerate() {
        let Some(exercise) = exercises.iter_mut().find(|e| e.planned.name == set.entry.exercise) else {
            continue;
        };
        if super::techniques::shown_under(logged, index) && attach(exercise, set) {
            continue;
        }
        let kind = set.entry.kind;
        if let Some(slot) = exercise.slots.iter_mut().find(|s| s.kind == kind && s.logged.is_none()) {
            slot.logged = Some(set.clone());
        } else {
            let number = exercise.slots.iter().filter(|s| s.kind == kind).count() as u16 + 1;
            let extra = Slot {
                kind,
                number,
                weight: None,
                basis: Basis::Load,
                reps: set.entry.reps,
                logged: Some(set.clone()),
                attached: Vec::new(),
            };
            // Keep ramp-ups before working sets.
            let at = match kind {
                SetKind::RampUp => {
                    exercise.slots.iter().position(|s| s.kind == SetKind::Working).unwrap_or(exercise.slots.len())
                }
                SetKind::Working => exercise.slots.len(),
            };
            exercise.slots.insert(at, extra);
        }
    }
}

/// Puts a technique set or a right side under the slot of the set it belongs to: the exercise's
/// last logged slot of its kind (sets are logged in order). False when there is none, and the
/// set takes a slot of its own, so nothing logged is ever hidden.
fn attach(exercise: &mut ExerciseToday, set: &LoggedSet) -> bool {
    let owner = exercise
        .slots
        .iter_mut()
        .filter(|s| s.kind == set.entry.kind && s.logged.is_some())
        .max_by_key(|s| s.logged.as_ref().map(|l| (l.logged_at, l.id)));
    match owner {
        Some(slot) => {
            slot.attached.push(set.clone());
            true
        }
        None => false,
    }
}

/// Sets done and sets due today (a skipped exercise's unlogged sets are not due).
pub fn progress(exercises: &[ExerciseToday]) -> (usize, usize) {
    let mut done = 0;
    let mut total = 0;
    for exercise in exercises {
        for slot in &exercise.slots {
            if slot.logged.is_some() {
                done += 1;
                total += 1;
            } else if !exercise.skipped {
                total += 1;
            }
        }
    }
    (done, total)
}

/// The next set to do: the first unlogged slot of an exercise that is not skipped, passing
/// over the ramp-ups of an exercise whose working sets have begun (the lifter passed them); in
/// a superset or circuit, the next set of its rounds ([`superset::next`]).
pub fn current(exercises: &[ExerciseToday]) -> Option<(usize, usize)> {
    let first = exercises.iter().enumerate().filter(|(_, e)| !e.skipped).find_map(|(ei, e)| {
        let begun = e.slots.iter().any(|s| s.kind == SetKind::Working && s.logged.is_some());
        let open = |s: &Slot| s.logged.is_none() && !(begun && s.kind == SetKind::RampUp);
        e.slots.iter().position(open).map(|si| (ei, si))
    })?;
    Some(superset::members(exercises, first.0).and_then(|group| superset::next(exercises, &group)).unwrap_or(first))
}

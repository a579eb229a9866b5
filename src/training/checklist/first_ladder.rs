//! A first session's ramp-ups. With no target load (nothing logged before), the ladder has no
//! weights until the lifter says what they will work with: once a working weight is typed or
//! logged today, the open ramp-up rows climb towards it by the same rules as a target's ladder
//! (the plan's `ramp_up_ladder` or the usual one, on weights the lifter's gear loads).

use super::{ExerciseToday, Slot};
use crate::model::session::{Basis, SetKind};
use crate::model::units::Weight;
use crate::training::ramp::{self, Gear};

/// The working weight today's first working set was logged at, when it is a load (not a body
/// weight, not a hold or a carry).
pub fn logged_working(exercise: &ExerciseToday) -> Option<Weight> {
    let set = exercise.slots.iter().filter(|s| s.kind == SetKind::Working).find_map(|s| s.logged.as_ref())?;
    let entry = &set.entry;
    (entry.basis == Basis::Load && !entry.timed_or_distance() && entry.weight.load.hundredths() > 0)
        .then_some(entry.weight)
}

/// Whether `exercise`'s ramp-ups wait for a working weight: it ramps up, its target names no
/// load (a first time), and it is lifted with a load (not on body weight, not timed).
pub fn waits_for_working(exercise: &ExerciseToday) -> bool {
    exercise.planned.ramp_up
        && exercise.target.weight.is_none()
        && !exercise.target.basis.is_bodyweight()
        && !exercise.is_timed()
        && exercise.planned.equipment != crate::model::exercise::Equipment::Bodyweight
}

/// Fills `exercise`'s open ramp-up rows from `working` when they wait for one
/// ([`waits_for_working`]). Ramp-ups already logged stay as they are; the open rows after them
/// take the ladder's next rungs, above the heaviest ramp-up done, and rungs that would not climb
/// are dropped (a light working weight has fewer ramp-ups). Returns how many ramp-up rows were
/// added (positive) or taken away (negative), so a cursor below them can follow.
pub fn fill_from(exercise: &mut ExerciseToday, working: Weight, gear: &Gear) -> isize {
    if !waits_for_working(exercise) || working.load.hundredths() <= 0 {
        return 0;
    }
    let planned = &exercise.planned;
    let rungs = planned.ramp_up_ladder.clone().unwrap_or_else(|| ramp::default_rungs(planned.equipment));
    let loadable = ramp::loadable_for(planned.equipment, gear, planned.load_step, working.unit);
    let ladder = ramp::ladder(Some(working), &rungs, &loadable, working.unit);
    let first_working = exercise.slots.iter().position(|s| s.kind == SetKind::Working).unwrap_or(exercise.slots.len());
    let old: Vec<Slot> = exercise.slots.drain(..first_working).collect();
    let before = old.len();
    let mut rows: Vec<Slot> = old.into_iter().filter(|s| s.logged.is_some()).collect();
    let heaviest_done = rows
        .iter()
        .filter_map(|s| s.logged.as_ref())
        .filter(|l| l.entry.weight.unit == working.unit)
        .map(|l| l.entry.weight.load)
        .max();
    let open =
        ladder.iter().skip(rows.len()).filter(|r| r.weight.is_some_and(|w| heaviest_done.is_none_or(|h| w.load > h)));
    let open: Vec<Slot> = open
        .enumerate()
        .map(|(i, rung)| Slot {
            kind: SetKind::RampUp,
            number: u16::try_from(rows.len() + i + 1).unwrap_or(u16::MAX),
            weight: rung.weight,
            basis: Basis::Load,
            reps: rung.reps,
            logged: None,
            attached: Vec::new(),
        })
        .collect();
    rows.extend(open);
    let after = rows.len();
    exercise.slots.splice(0..0, rows);
    after as isize - before as isize
}

/// A first time's open working sets after one is logged suggest its load: with no target to
/// name one, the set just done is the lifter's own word for what they work with today (the
/// reps stay the plan's, so a tired second set still stops where the range and RIR say). Only
/// a set that held: the bottom of the range reached, form kept, and not closer to failure
/// than the target allows. After a miss, a broken form or a grind past the target the next
/// set names no load: the same load again would ask for more than the lifter just showed.
pub fn carry_working_load(exercise: &mut ExerciseToday) {
    if exercise.target.weight.is_some() || exercise.is_timed() {
        return;
    }
    let (low_reps, low_rir) = (exercise.planned.reps.low, exercise.target.rir.low);
    let mut last: Option<Weight> = None;
    for slot in exercise.slots.iter_mut().filter(|s| s.kind == SetKind::Working) {
        match &slot.logged {
            Some(set) => {
                let entry = &set.entry;
                let load =
                    entry.basis == Basis::Load && !entry.timed_or_distance() && entry.weight.load.hundredths() > 0;
                let held = entry.reps >= low_reps
                    && !entry.form_broke
                    && entry.rir.is_none_or(|r| u16::from(r.halves()) >= u16::from(low_rir) * 2);
                last = (load && held).then_some(entry.weight);
            }
            None if slot.weight.is_none() && slot.basis == Basis::Load => slot.weight = last,
            None => {}
        }
    }
}

#[cfg(test)]
mod tests;

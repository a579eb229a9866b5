//! A first time, once a working set is logged: "first time: pick a load ..." has served, and
//! the exercise's reason gives way to what was done and what the next time will ask, by the same
//! rules a target is worked out with (today's working sets taken as the last time).

use super::{DayInput, ExerciseToday, target_for, timed};
use crate::model::session::{LoggedSet, SetEntry};
use crate::model::units::Effort;

/// Rewrites `exercise`'s reason when it has no history and a working set that counts was logged
/// today: `today 60 kg x 8 @ 1 · next time 60 kg x 9 @ RIR 0-1`. A deload week's preview is of a
/// normal week's target (the next time is after it).
pub(super) fn preview_next_time(input: &DayInput<'_>, exercise: &mut ExerciseToday) {
    if !exercise.last_time.is_empty() {
        return;
    }
    let done: Vec<LoggedSet> = exercise
        .slots
        .iter()
        .filter_map(|s| s.logged.as_ref())
        .filter(|s| s.entry.counts() && s.entry.exercise == exercise.planned.name)
        .cloned()
        .collect();
    let entries: Vec<SetEntry> = done.iter().map(|s| s.entry.clone()).collect();
    if entries.is_empty() || timed::is_timed(&exercise.planned, &entries) {
        return;
    }
    let normal = DayInput { deload: None, ..*input };
    let next = target_for(&normal, &exercise.planned, &done, &entries);
    let today: Vec<String> = entries.iter().map(SetEntry::summary).collect();
    let rir = Effort::Rir.band(next.rir.low, next.rir.high);
    exercise.target.reason =
        format!("today {} · next time {} x {} @ {rir}", today.join(", "), next.load_text(), next.reps_text());
}

//! Supersets and circuits on today's checklist: the exercises of a group are done in rounds,
//! one working set of each in turn with no rest between them, and the group's rest after the
//! last of the round. Ramp-up sets come before the rounds, exercise by exercise, and take no
//! part in them. An exercise with fewer working sets drops out of the rounds once they are
//! done; a skipped one is out of them.

use std::ops::Range;
use std::time::Duration;

use super::ExerciseToday;
use crate::model::session::SetKind;

/// The exercises of the group `exercises[at]` is in: the consecutive run sharing its label.
pub fn members(exercises: &[ExerciseToday], at: usize) -> Option<Range<usize>> {
    let label = exercises.get(at)?.planned.group.as_deref()?;
    let same = |e: &ExerciseToday| e.planned.group.as_deref() == Some(label);
    let start = exercises[..at].iter().rposition(|e| !same(e)).map_or(0, |i| i + 1);
    let end = exercises[at..].iter().position(|e| !same(e)).map_or(exercises.len(), |i| at + i);
    Some(start..end)
}

/// The group's rest after a round: the longest rest of its exercises.
pub fn rest(exercises: &[ExerciseToday], group: &Range<usize>) -> Duration {
    exercises[group.clone()].iter().map(|e| e.planned.rest).max().unwrap_or_default()
}

/// Working sets logged and due of one exercise.
fn working(exercise: &ExerciseToday) -> (usize, usize) {
    exercise.working_progress()
}

/// The round the group is on, from 1, and how many rounds it has: the round of the exercise
/// furthest behind, out of the most working sets any of its exercises has. Skipped exercises
/// are out of it. `None` when the group has no exercise left in it.
pub fn round(exercises: &[ExerciseToday], group: &Range<usize>) -> Option<(usize, usize)> {
    let taking_part: Vec<(usize, usize)> =
        exercises[group.clone()].iter().filter(|e| !e.skipped).map(working).collect();
    let rounds = taking_part.iter().map(|&(_, due)| due).max()?;
    let behind = taking_part.iter().filter(|(done, due)| done < due).map(|&(done, _)| done).min();
    Some((behind.map_or(rounds, |done| done + 1), rounds))
}

/// The next set of a group: its exercises' open ramp-ups first, in order; then the working set
/// of the first exercise furthest behind in the rounds.
pub fn next(exercises: &[ExerciseToday], group: &Range<usize>) -> Option<(usize, usize)> {
    let open = |ei: usize, kind: SetKind| {
        let e = &exercises[ei];
        (!e.skipped).then(|| e.slots.iter().position(|s| s.kind == kind && s.logged.is_none())).flatten()
    };
    // A ramp-up passed once the exercise's working sets have begun is not next.
    let begun = |ei: usize| exercises[ei].slots.iter().any(|s| s.kind == SetKind::Working && s.logged.is_some());
    if let Some(ramp_up) =
        group.clone().filter(|&ei| !begun(ei)).find_map(|ei| open(ei, SetKind::RampUp).map(|si| (ei, si)))
    {
        return Some(ramp_up);
    }
    let behind = group
        .clone()
        .filter(|&ei| !exercises[ei].skipped)
        .filter(|&ei| open(ei, SetKind::Working).is_some())
        .min_by_key(|&ei| working(&exercises[ei]).0)?;
    open(behind, SetKind::Working).map(|si| (behind, si))
}

/// What a new working set of `exercise` is in its group, saved now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InRound {
    /// The group's label, which the set is stored with.
    pub label: String,
    /// Whether it finishes the round: the other exercises still in this round have done theirs.
    pub ends_round: bool,
    /// The group's rest, started once the round is done.
    pub rest: Duration,
}

/// A new working set of `exercise` (by name) in its group today, if it is in one.
pub fn working_set(exercises: &[ExerciseToday], exercise: &str) -> Option<InRound> {
    let at = exercises.iter().position(|e| e.planned.name == exercise)?;
    let group = members(exercises, at)?;
    let label = exercises[at].planned.group.clone()?;
    // This set is the exercise's set number `done + 1`: the round ends when every other
    // exercise with that many sets due has done that many.
    let this_round = working(&exercises[at]).0 + 1;
    let ends_round = group.clone().filter(|&ei| ei != at && !exercises[ei].skipped).all(|ei| {
        let (done, due) = working(&exercises[ei]);
        due < this_round || done >= this_round
    });
    Some(InRound { label, ends_round, rest: rest(exercises, &group) })
}

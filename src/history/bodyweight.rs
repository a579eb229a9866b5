//! History's figures for bodyweight sets: their e1RM weighs the body weight in force on the
//! day their session started (the first reading for a set logged before any), and their
//! records when lifted are worked out here from the exercise's earlier sets, since the store's
//! record flags leave sets on body weight out. Nothing here runs for an exercise with no set on
//! body weight, so the weighted path reads what it always read.

use chrono::{DateTime, NaiveDate, Utc};

use crate::clock::Clock;
use crate::model::session::{LoggedSet, SetEntry};
use crate::store::{Store, StoreError};
use crate::training::bodyweight::{self, BodyWeights};
use crate::training::compare::week_bounds;
use crate::training::e1rm::Formula;

/// The body weight log over the days of `sets`, when one of them is on body weight.
pub(super) fn body_weights(
    store: &Store,
    clock: &dyn Clock,
    sets: &[LoggedSet],
) -> Result<Option<BodyWeights>, StoreError> {
    if !sets.iter().any(|s| s.entry.basis.is_bodyweight()) {
        return Ok(None);
    }
    let days = sets.iter().map(|s| clock.local_date(s.session_started_at));
    let (Some(from), Some(to)) = (days.clone().min(), days.max()) else { return Ok(None) };
    let readings = store.body_weights(from, to.max(clock.local_date(clock.now())))?;
    Ok(Some(BodyWeights::new(readings.into_iter().map(|r| (r.day, r.weight)).collect())))
}

/// A set's e1RM: a plain set's as always, a bodyweight set's with the body weight of its day.
pub(super) fn e1rm(formula: Formula, body: Option<&BodyWeights>, day: NaiveDate, entry: &SetEntry) -> Option<f64> {
    bodyweight::estimate(formula, entry, body.and_then(|b| b.around(day)))
}

/// The best e1RM among `sets`, bodyweight sets weighed.
pub(super) fn best_e1rm(
    store: &Store,
    clock: &dyn Clock,
    sets: &[LoggedSet],
    formula: Formula,
) -> Result<Option<f64>, StoreError> {
    let body = body_weights(store, clock, sets)?;
    Ok(sets
        .iter()
        .filter_map(|s| e1rm(formula, body.as_ref(), clock.local_date(s.session_started_at), &s.entry))
        .fold(None, |b: Option<f64>, e| Some(b.map_or(e, |b| b.max(e)))))
}

/// Which of `new` were records when lifted, for an exercise with sets on body weight: every
/// earlier set of it before `before`, outside deload weeks, weighed with its day's body weight.
pub(super) fn records_when_lifted(
    store: &Store,
    clock: &dyn Clock,
    exercise: &str,
    new: &[LoggedSet],
    before: DateTime<Utc>,
    formula: Formula,
) -> Result<Vec<i64>, StoreError> {
    let unit = new.first().map(|s| s.entry.weight.unit);
    let deloads: Vec<NaiveDate> = store.deload_weeks()?.into_iter().map(|d| d.monday).collect();
    let earlier: Vec<LoggedSet> = store
        .exercise_sets_between(exercise, DateTime::<Utc>::MIN_UTC, before)?
        .into_iter()
        .filter(|s| Some(s.entry.weight.unit) == unit)
        .filter(|s| !deloads.contains(&week_bounds(clock.local_date(s.session_started_at)).0))
        .collect();
    let all: Vec<LoggedSet> = earlier.iter().chain(new).cloned().collect();
    let body = body_weights(store, clock, &all)?;
    let weigh = |s: &LoggedSet| e1rm(formula, body.as_ref(), clock.local_date(s.session_started_at), &s.entry);
    let before_sets: Vec<(&SetEntry, Option<f64>)> = earlier.iter().map(|s| (&s.entry, weigh(s))).collect();
    let new_sets: Vec<(i64, &SetEntry, Option<f64>)> =
        new.iter().filter(|s| Some(s.entry.weight.unit) == unit).map(|s| (s.id, &s.entry, weigh(s))).collect();
    Ok(bodyweight::records_when_lifted(&before_sets, &new_sets))
}

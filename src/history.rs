//! History as the screens and the command line see it: past sessions and, for each exercise of
//! a session, its working sets in the session's week beside those of the week before.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::clock::Clock;
use crate::model::session::{LoggedSet, SetKind};
use crate::store::{Store, StoreError};
use crate::training::compare::week_bounds;

/// One exercise's week against the week before.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekComparison {
    /// Exercise name.
    pub exercise: String,
    /// Working sets of the week before.
    pub last_week: Vec<LoggedSet>,
    /// Working sets of this week.
    pub this_week: Vec<LoggedSet>,
    /// Ramp-up sets this week (shown apart, never compared).
    pub ramp_ups_this_week: usize,
}

fn local_midnight(clock: &dyn Clock, date: NaiveDate, near: DateTime<Utc>) -> DateTime<Utc> {
    let offset = clock.offset_at(near);
    let naive = date.and_time(NaiveTime::MIN) - offset;
    naive.and_utc()
}

/// The comparisons for every exercise of `session_id`, in the order the session trained them.
pub fn compare_weeks(
    store: &Store,
    clock: &dyn Clock,
    session_id: i64,
) -> Result<(NaiveDate, Vec<WeekComparison>), StoreError> {
    let session = store.session(session_id)?;
    let date = clock.local_date(session.started_at);
    let (monday, next_monday) = week_bounds(date);
    let previous_monday = monday - chrono::Days::new(7);
    let from_last = local_midnight(clock, previous_monday, session.started_at);
    let from_this = local_midnight(clock, monday, session.started_at);
    let to_this = local_midnight(clock, next_monday, session.started_at);
    let mut comparisons = Vec::new();
    for exercise in store.session_exercises(session_id)? {
        let last_week: Vec<LoggedSet> = store
            .exercise_sets_between(&exercise, from_last, from_this)?
            .into_iter()
            .filter(|s| s.entry.kind == SetKind::Working)
            .collect();
        let this_all = store.exercise_sets_between(&exercise, from_this, to_this)?;
        let ramp_ups_this_week = this_all
            .iter()
            .filter(|s| s.entry.kind == SetKind::RampUp)
            .count();
        let this_week = this_all
            .into_iter()
            .filter(|s| s.entry.kind == SetKind::Working)
            .collect();
        comparisons.push(WeekComparison {
            exercise,
            last_week,
            this_week,
            ramp_ups_this_week,
        });
    }
    Ok((monday, comparisons))
}

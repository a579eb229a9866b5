//! A plan's targets for holds, carries and cardio: `time = "45s"` and `distance = "2000m"` in
//! place of `reps`, for an exercise the catalogue says measures a time or a distance.
//!
//! ```toml
//! [[day.exercise]]
//! name = "Plank"
//! sets = 3
//! time = "45s"
//!
//! [[day.exercise]]
//! name = "Rowing machine"
//! distance = "2000m"
//! ```
//!
//! A lift still needs its `reps`; a hold, carry or cardio takes none (its sets are not reps).

use std::ops::Range;

use super::PlanError;
use toml::Spanned;

use super::range::{RawRange, parse_range};
use crate::model::exercise::{Exercise, parse_distance_field, parse_time_field};
use crate::model::units::Distance;

/// An exercise table's `reps`, `time` and `distance`, as written.
type Fields<'a> = (&'a Option<Spanned<RawRange>>, &'a Option<Spanned<String>>, &'a Option<Spanned<String>>);

/// The plan's time and distance for one exercise.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct TimedTargets {
    pub(super) seconds: Option<u32>,
    pub(super) distance: Option<Distance>,
}

/// Reads `reps`, `time` and `distance` against what `exercise` measures: the rep range of a
/// lift, or the targets of a hold, carry or cardio (whose rep range is 1, never shown).
pub(super) fn targets(
    (reps, time, distance): Fields<'_>,
    exercise: &Exercise,
    table: Range<usize>,
    error_at: &impl Fn(Range<usize>, String) -> PlanError,
) -> Result<(TimedTargets, (u16, u16)), PlanError> {
    let measures = exercise.measures;
    let what = measures.name();
    if measures.is_reps() {
        for (span, field) in
            [(time.as_ref().map(Spanned::span), "time"), (distance.as_ref().map(Spanned::span), "distance")]
        {
            if let Some(span) = span {
                let name = &exercise.name;
                return Err(error_at(
                    span,
                    format!("{name} is a lift of reps: {field} is for holds, carries and cardio"),
                ));
            }
        }
        let Some(reps) = reps.as_ref() else {
            return Err(error_at(table, "`reps` is missing here: write the rep range, e.g. reps = \"6-10\"".into()));
        };
        let span = reps.span();
        let (low, high) = parse_range(reps.get_ref(), 100, "rep range").map_err(|m| error_at(span.clone(), m))?;
        if low == 0 {
            return Err(error_at(span, "a rep range starts at 1 or more".into()));
        }
        return Ok((TimedTargets::default(), (low, high)));
    }
    if let Some(reps) = reps.as_ref() {
        let name = &exercise.name;
        return Err(error_at(
            reps.span(),
            format!("{name} measures {what}, not reps: write time = \"45s\" or distance = \"40m\""),
        ));
    }
    let mut targets = TimedTargets::default();
    if let Some(time) = time.as_ref() {
        targets.seconds =
            Some(parse_time_field(time.get_ref()).map_err(|m| error_at(time.span(), format!("time: {m}")))?);
    }
    if let Some(distance) = distance.as_ref() {
        if !measures.takes_distance() {
            return Err(error_at(distance.span(), format!("{} measures time, not distance", exercise.name)));
        }
        let d = parse_distance_field(distance.get_ref())
            .map_err(|m| error_at(distance.span(), format!("distance: {m}")))?;
        targets.distance = Some(d);
    }
    Ok((targets, (1, 1)))
}

//! Today's target for a hold, a carry or cardio. These have no e1RM and no load-and-reps
//! progression: a hold aims 5-10 s longer than its last best at the same load (double
//! progression in time; add load yourself once it is long), a carry repeats its distance at its
//! load, cardio shows last time and its pace. None of them is an effective set unless the
//! catalogue says so (docs/method.md).

use super::ExerciseToday;
use super::Slot;
use crate::model::exercise::Measures;
use crate::model::plan::PlannedExercise;
use crate::model::session::{Basis, SetEntry};
use crate::model::units::{Distance, format_seconds};
use crate::training::progression::{Rules, Target};

/// How much longer a hold aims for than its last best: 5 to 10 seconds.
pub const HOLD_STEP_SECONDS: (u32, u32) = (5, 10);

/// Whether an exercise is done as a time or distance today: the catalogue says so, or (an
/// exercise it does not know, such as Hevy's own "Warm Up") its last time was.
pub(super) fn is_timed(planned: &PlannedExercise, last: &[SetEntry]) -> bool {
    !planned.measures.is_reps() || last.first().is_some_and(SetEntry::timed_or_distance)
}

impl ExerciseToday {
    /// Whether its sets are a time or a distance rather than reps.
    pub fn is_timed(&self) -> bool {
        !self.planned.measures.is_reps() || self.last_time.first().is_some_and(|s| s.entry.timed_or_distance())
    }
}

/// The longest time among `sets`.
pub fn best_time<'a>(sets: impl IntoIterator<Item = &'a SetEntry>) -> Option<u32> {
    sets.into_iter().filter_map(|s| s.seconds).max()
}

/// The longest distance among `sets`.
pub fn best_distance<'a>(sets: impl IntoIterator<Item = &'a SetEntry>) -> Option<Distance> {
    sets.into_iter().filter_map(|s| s.distance).max()
}

/// Pace of `distance` in `seconds`: per 500 m on a rowing machine or ski erg (as their
/// monitors show it), per km otherwise: `1:56 /500 m`, `5:30 /km`. `None` without both, or for a
/// distance under 10 m (no pace worth the name).
pub fn pace_text(exercise: &str, distance: Option<Distance>, seconds: Option<u32>) -> Option<String> {
    let (distance, seconds) = (distance?, seconds?);
    if distance.centimetres() < 1_000 {
        return None;
    }
    let lower = exercise.to_lowercase();
    let (per, label) = if lower.contains("row") || lower.contains("erg") { (500.0, "/500 m") } else { (1000.0, "/km") };
    let pace = (f64::from(seconds) * per / distance.metres()).round();
    (pace <= f64::from(u32::MAX)).then(|| format!("{} {label}", format_seconds(pace as u32)))
}

/// How the plan prescribes it: `3x45 s`, `1x2,000 m`, `1x2,000 m in 8:00`, `2 sets`.
pub(super) fn prescription(planned: &PlannedExercise) -> String {
    let sets = planned.sets;
    match (planned.target_distance, planned.target_seconds) {
        (Some(d), Some(t)) => format!("{sets}x{d} in {}", format_seconds(t)),
        (Some(d), None) => format!("{sets}x{d}"),
        (None, Some(t)) => format!("{sets}x{}", format_seconds(t)),
        (None, None) if sets == 1 => "1 set".into(),
        (None, None) => format!("{sets} sets"),
    }
}

/// Today's target from the last time's working sets.
pub(super) fn target(planned: &PlannedExercise, last: &[SetEntry], rules: &Rules) -> Target {
    let reason = match (planned.measures, last.first()) {
        (Measures::TimeDistance, None) => "first time: no target for cardio".to_string(),
        (_, None) => match (planned.target_distance, planned.target_seconds) {
            (Some(d), _) => format!("first time: the plan's {d}, at a load you carry with good form"),
            (None, Some(t)) => format!("first time: the plan's {}, with good form", format_seconds(t)),
            (None, None) => "first time: log the time or distance you do".to_string(),
        },
        (Measures::Time | Measures::Reps, Some(top)) => {
            let best = last.iter().max_by_key(|s| s.seconds.unwrap_or(0)).unwrap_or(top);
            let (low, high) = HOLD_STEP_SECONDS;
            format!(
                "last time {}: hold {low}-{high} s longer at the same load when it was solid",
                best.summary_in(rules.effort)
            )
        }
        (Measures::Distance, Some(top)) => {
            format!("last time {}: the same carry, further or heavier when it was solid", top.summary_in(rules.effort))
        }
        (Measures::TimeDistance, Some(top)) => {
            let pace =
                pace_text(&planned.name, top.distance, top.seconds).map(|p| format!(" ({p})")).unwrap_or_default();
            format!("last time {}{pace}: no target for cardio", top.summary_in(rules.effort))
        }
    };
    let weight = last.first().map(|s| s.weight).filter(|w| w.load.hundredths() > 0 && planned.measures.takes_load());
    Target { weight, basis: Basis::Load, reps: 0, at_least: false, rir: planned.rir, reason, layoff: None }
}

/// What an open row of a timed exercise asks for: `1:05-1:10`, `1:05-1:10 at 10 kg`, `40 m at
/// 32 kg`, `2,000 m`, or `time?` / `distance?` the first time.
pub(super) fn slot_text(exercise: &ExerciseToday, slot: &Slot) -> String {
    let last: Vec<&SetEntry> = exercise.last_time.iter().map(|s| &s.entry).collect();
    let at = slot.weight.map(|w| format!(" at {w}")).unwrap_or_default();
    let planned = &exercise.planned;
    match planned.measures {
        Measures::Time | Measures::Reps => match best_time(last.iter().copied()) {
            Some(best) => {
                let (low, high) = HOLD_STEP_SECONDS;
                format!("{}-{}{at}", format_seconds(best + low), format_seconds(best + high))
            }
            None => {
                planned.target_seconds.map_or_else(|| format!("time?{at}"), |t| format!("{}{at}", format_seconds(t)))
            }
        },
        Measures::Distance => match last.first().and_then(|s| s.distance).or(planned.target_distance) {
            Some(d) => format!("{d}{at}"),
            None => format!("distance?{at}"),
        },
        Measures::TimeDistance => match (planned.target_distance, planned.target_seconds) {
            (Some(d), Some(t)) => format!("{d} in {}", format_seconds(t)),
            (Some(d), None) => d.to_string(),
            (None, Some(t)) => format_seconds(t),
            (None, None) => match last.first().map(|s| (s.distance, s.seconds)) {
                Some((Some(d), _)) => d.to_string(),
                Some((None, Some(t))) => format_seconds(t),
                _ => "time or distance?".into(),
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pace_reads_per_500_m_on_the_rower_and_per_km_otherwise() {
        let d = Distance::from_metres;
        assert_eq!(pace_text("Rowing machine", d(2000.0), Some(465)).as_deref(), Some("1:56 /500 m"));
        assert_eq!(pace_text("Ski erg", d(1000.0), Some(240)).as_deref(), Some("2:00 /500 m"));
        assert_eq!(pace_text("Treadmill run", d(5000.0), Some(1650)).as_deref(), Some("5:30 /km"));
        assert_eq!(pace_text("Walk", d(2414.02), Some(1800)).as_deref(), Some("12:26 /km"));
        assert_eq!(pace_text("Walk", d(2000.0), None), None, "no time, no pace");
        assert_eq!(pace_text("Walk", None, Some(60)), None);
        assert_eq!(pace_text("Walk", d(0.05), Some(60)), None, "a few centimetres is no pace");
        assert!(pace_text("Walk", d(10.0), Some(86_400)).is_some(), "slow but finite");
    }
}

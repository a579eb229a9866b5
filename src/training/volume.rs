//! Effective sets per muscle per week (METHOD.md section 2).

use std::collections::BTreeMap;

use crate::model::exercise::{Catalogue, Muscle};
use crate::model::plan::{DayKind, PlanDay};
use crate::model::session::LoggedSet;

mod timed;

/// One muscle's week.
#[derive(Debug, Clone, PartialEq)]
pub struct MuscleWeek {
    /// The muscle.
    pub muscle: Muscle,
    /// Effective sets: 1 per set for a primary muscle, 0.5 for a secondary one.
    pub effective: f64,
    /// The part of `effective` from sets whose RIR is unknown (counted, but unverified).
    pub unverified: f64,
    /// Sessions that gave the muscle at least one effective set's worth (one primary set, or two
    /// secondary ones).
    pub sessions: usize,
}

/// Where a count stands against the weekly band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// Fewer than the bottom of the band.
    Below,
    /// Inside the band.
    Within,
    /// More than the top.
    Above,
}

/// Where `effective` sets stand against the band `(low, high)`.
pub fn band(effective: f64, (low, high): (u8, u8)) -> Band {
    if effective < f64::from(low) {
        Band::Below
    } else if effective > f64::from(high) {
        Band::Above
    } else {
        Band::Within
    }
}

/// Whether a set is effective: a working set at `threshold_halves` RIR (in half reps) or fewer.
/// A set with unknown RIR counts, flagged as unverified. Ramp-up sets and missed attempts never
/// count.
pub fn is_effective(set: &LoggedSet, threshold_halves: u8) -> Option<bool> {
    if !set.entry.counts() {
        return None;
    }
    match set.entry.rir {
        Some(rir) if rir.halves() <= threshold_halves => Some(true),
        Some(_) => None,
        None => Some(false),
    }
}

/// The ids of the effective sets among `sets` (oldest first), read as the weekly dose reads
/// them: a left and right pair is one set (the left's id stands for it), a working set carried
/// on by a drop set, rest-pause or myo-reps went to failure, technique sets, ramp-ups and missed
/// attempts never count, and a set of unknown RIR counts (unverified). With the exercise known,
/// its catalogue entry decides as it does for the week (a carry or hold counts only where the
/// catalogue says it is effective).
pub fn effective_set_ids(
    sets: &[LoggedSet],
    exercise: Option<&crate::model::exercise::Exercise>,
    threshold_halves: u8,
) -> std::collections::BTreeSet<i64> {
    let sets = super::techniques::read_as_failure(&super::techniques::one_per_pair(sets));
    let counts = |s: &LoggedSet| match exercise {
        Some(exercise) => timed::is_effective_for(s, exercise, threshold_halves),
        None => is_effective(s, threshold_halves),
    };
    sets.iter().filter(|s| counts(s).is_some()).map(|s| s.id).collect()
}

/// Per-muscle effective sets for `sets` (typically one week's), in the order of the muscle list.
/// Exercises the catalogue does not know add nothing.
pub fn weekly_volume(sets: &[LoggedSet], catalogue: &Catalogue, threshold_halves: u8) -> Vec<MuscleWeek> {
    let mut totals: BTreeMap<Muscle, (f64, f64, BTreeMap<i64, f64>)> = BTreeMap::new();
    // A left and right pair is one set; a set carried on by a technique went to failure.
    let sets = super::techniques::read_as_failure(&super::techniques::one_per_pair(sets));
    for set in &sets {
        let Some(exercise) = catalogue.get(&set.entry.exercise) else { continue };
        let Some(verified) = timed::is_effective_for(set, exercise, threshold_halves) else { continue };
        let shares = exercise.primary.iter().map(|&m| (m, 1.0)).chain(exercise.secondary.iter().map(|&m| (m, 0.5)));
        for (muscle, share) in shares {
            let entry = totals.entry(muscle).or_insert_with(|| (0.0, 0.0, BTreeMap::new()));
            entry.0 += share;
            if !verified {
                entry.1 += share;
            }
            *entry.2.entry(set.session_id).or_insert(0.0) += share;
        }
    }
    totals
        .into_iter()
        .map(|(muscle, (effective, unverified, sessions))| MuscleWeek {
            muscle,
            effective,
            unverified,
            sessions: sessions.values().filter(|&&share| share >= 1.0).count(),
        })
        .collect()
}

/// What each muscle would get from `planned` more working sets of each named exercise.
pub fn planned_volume<'a>(
    planned: impl IntoIterator<Item = (&'a str, u32)>,
    catalogue: &Catalogue,
) -> BTreeMap<Muscle, f64> {
    let mut totals = BTreeMap::new();
    for (name, sets) in planned {
        let Some(exercise) = catalogue.get(name).filter(|e| e.counts_as_effective()) else { continue };
        let shares = exercise.primary.iter().map(|&m| (m, 1.0)).chain(exercise.secondary.iter().map(|&m| (m, 0.5)));
        for (muscle, share) in shares {
            *totals.entry(muscle).or_insert(0.0) += share * f64::from(sets);
        }
    }
    totals
}

/// The plan's own weekly dose per muscle: every working set of its training days counted as
/// effective (1 for a primary muscle, 0.5 for a secondary one). A rotation repeats every
/// `days.len()` days, so its weekly dose is one round's times 7 / days; a weekday plan's round is
/// a week.
pub fn plan_week_volume(days: &[PlanDay], catalogue: &Catalogue, rotation: bool) -> BTreeMap<Muscle, f64> {
    let sets = days
        .iter()
        .filter(|d| d.kind == DayKind::Training)
        .flat_map(|d| &d.exercises)
        .map(|e| (e.name.as_str(), u32::from(e.sets)));
    let mut round = planned_volume(sets, catalogue);
    if rotation && !days.is_empty() {
        let rounds_a_week = 7.0 / days.len() as f64;
        for sets in round.values_mut() {
            *sets *= rounds_a_week;
        }
    }
    round
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::SetKind;
    use crate::model::units::{Load, Rir, Unit, Weight};

    fn set(session_id: i64, exercise: &str, kind: SetKind, rir_halves: Option<u8>) -> LoggedSet {
        let weight = Weight::new(Load::from_hundredths(6000), Unit::Kg);
        LoggedSet::sample(session_id, exercise, kind, weight, 8, rir_halves.and_then(Rir::from_halves))
    }

    fn find(weeks: &[MuscleWeek], muscle: Muscle) -> Option<&MuscleWeek> {
        weeks.iter().find(|w| w.muscle == muscle)
    }

    #[test]
    fn primary_counts_one_and_secondary_half() {
        let catalogue = Catalogue::shipped();
        let press = catalogue.get("Machine chest press").expect("in catalogue");
        let sets = [
            set(1, "Machine chest press", SetKind::Working, Some(2)),
            set(2, "Machine chest press", SetKind::Working, Some(0)),
        ];
        let weeks = weekly_volume(&sets, &catalogue, 6);
        for &muscle in &press.primary {
            let week = find(&weeks, muscle).expect("counted");
            assert!((week.effective - 2.0).abs() < 1e-9);
            assert_eq!(week.sessions, 2);
        }
        for &muscle in &press.secondary {
            let week = find(&weeks, muscle).expect("counted");
            assert!((week.effective - 1.0).abs() < 1e-9);
            assert_eq!(week.sessions, 0, "half a set in each session is not a session for the muscle");
        }
    }

    #[test]
    fn the_threshold_is_inclusive_and_ramp_ups_never_count() {
        let catalogue = Catalogue::shipped();
        let sets = [
            set(1, "Lat pulldown", SetKind::Working, Some(6)), // RIR 3: counts at threshold 3
            set(1, "Lat pulldown", SetKind::Working, Some(7)), // RIR 3.5: does not
            set(1, "Lat pulldown", SetKind::RampUp, Some(0)),  // ramp-up: never
        ];
        let weeks = weekly_volume(&sets, &catalogue, 6);
        assert!((find(&weeks, Muscle::Lats).expect("counted").effective - 1.0).abs() < 1e-9);
    }

    #[test]
    fn unknown_rir_counts_as_unverified() {
        let catalogue = Catalogue::shipped();
        let sets = [set(1, "Lat pulldown", SetKind::Working, None), set(1, "Lat pulldown", SetKind::Working, Some(2))];
        let lats = weekly_volume(&sets, &catalogue, 6).into_iter().find(|w| w.muscle == Muscle::Lats).expect("counted");
        assert!((lats.effective - 2.0).abs() < 1e-9);
        assert!((lats.unverified - 1.0).abs() < 1e-9);
    }

    #[test]
    fn bands_have_inclusive_edges() {
        assert_eq!(band(5.5, (6, 10)), Band::Below);
        assert_eq!(band(6.0, (6, 10)), Band::Within);
        assert_eq!(band(10.0, (6, 10)), Band::Within);
        assert_eq!(band(10.5, (6, 10)), Band::Above);
    }

    #[test]
    fn the_plans_week_counts_a_rotation_by_its_length() {
        let catalogue = Catalogue::shipped();
        let plan =
            crate::model::plan::Plan::parse(crate::model::plan::EXAMPLE_WEEK, "example", &catalogue).expect("parses");
        let rotation = plan_week_volume(&plan.days, &plan.exercises, true);
        let round = plan_week_volume(&plan.days, &plan.exercises, false);
        // By hand, one round of the example week gives chest: Day 1 chest press 1 set, Day 3
        // incline dumbbell press 2, Day 5 chest press 2: 5 sets. Five days a round: 7/5 of it.
        assert!((round[&Muscle::Chest] - 5.0).abs() < 1e-9, "{round:?}");
        assert!((rotation[&Muscle::Chest] - 7.0).abs() < 1e-9, "{rotation:?}");
    }

    #[test]
    fn every_calendar_week_of_the_example_week_lands_in_the_default_band() {
        // The example week is a 5-day rotation, so a calendar week holds 4 or 5 of its training
        // days depending on where it starts. Every muscle a main lift (target RIR 0-1) trains
        // must land in the default (intermediate) band, 6-10, however the week falls; the light
        // accessories' muscles are topped up by the main lifts' secondary sets and may be below.
        let catalogue = Catalogue::shipped();
        let plan =
            crate::model::plan::Plan::parse(crate::model::plan::EXAMPLE_WEEK, "example", &catalogue).expect("parses");
        let main: Vec<Muscle> = plan
            .days
            .iter()
            .flat_map(|d| &d.exercises)
            .filter(|e| e.rir.low <= 1)
            .flat_map(|e| catalogue.get(&e.name).map(|x| x.primary.clone()).unwrap_or_default())
            .collect();
        assert!(main.contains(&Muscle::Chest) && main.contains(&Muscle::Lats) && main.contains(&Muscle::UpperBack));
        let len = plan.days.len();
        for start in 0..len {
            let days: Vec<PlanDay> = (start..start + 7).map(|i| plan.days[i % len].clone()).collect();
            let week = plan_week_volume(&days, &plan.exercises, false);
            for muscle in &main {
                let sets = week.get(muscle).copied().unwrap_or(0.0);
                assert_eq!(
                    band(sets, (6, 10)),
                    Band::Within,
                    "{muscle}: {sets} sets in the week starting on day {}",
                    start + 1
                );
            }
        }
    }

    /// An exercise's weeks as the detail charts them: the top weight, and the effective sets as
    /// the weekly dose counts them.
    #[test]
    fn an_exercises_weeks_count_their_top_weight_and_effective_sets() {
        use crate::model::session::{Side, Technique};
        use crate::training::e1rm::Formula;
        use crate::training::records::{count_effective_sets, weekly_points};
        use crate::training::techniques::tests::{set as lift, side, technique};
        use chrono::NaiveDate;
        const PRESS: &str = "Machine chest press";
        let monday = |day: u32| NaiveDate::from_ymd_opt(2026, 11, day).expect("a date");
        let mut ramp = lift(1, PRESS, 100.0, 3, Some(5));
        ramp.entry.kind = SetKind::RampUp;
        let sets = [
            // Week of the 2nd: a heavy ramp-up, two hard sets, an easy one, a missed attempt.
            ramp,
            lift(2, PRESS, 80.0, 8, Some(1)),
            lift(3, PRESS, 82.5, 6, Some(2)),
            lift(4, PRESS, 60.0, 12, Some(5)),
            lift(5, PRESS, 90.0, 0, Some(0)),
            // Week of the 9th, a deload: one easy set.
            lift(6, PRESS, 60.0, 8, Some(4)),
            // Week of the 16th: a set logged at RIR 4 carried on by a drop set went to failure;
            // the drop set is not a set of its own; a left and right pair is one set; a set of
            // unknown RIR counts.
            lift(7, PRESS, 85.0, 8, Some(4)),
            technique(8, PRESS, Technique::Drop, 65.0, 6),
            side(9, PRESS, Side::Left, 40.0, 10, 1),
            side(10, PRESS, Side::Right, 40.0, 9, 0),
            lift(11, PRESS, 70.0, 10, None),
        ];
        let week_of = |s: &LoggedSet| match s.id {
            1..=5 => monday(2),
            6 => monday(9),
            _ => monday(16),
        };
        let mut weeks = weekly_points(&sets, Formula::Epley, Unit::Kg, &[monday(9)], week_of);
        let effective = effective_set_ids(&sets, None, 6);
        count_effective_sets(&mut weeks, &sets, |s| effective.contains(&s.id), week_of);
        let figures: Vec<(NaiveDate, f64, usize, usize, bool)> =
            weeks.iter().map(|w| (w.monday, w.top_weight(), w.working_sets, w.effective_sets, w.deload)).collect();
        assert_eq!(
            figures,
            [
                // The ramp-up's 100 kg and the missed 90 kg are not the top weight.
                (monday(2), 82.5, 3, 2, false),
                // Marked, with nothing effective.
                (monday(9), 60.0, 1, 0, true),
                // 85 kg carried on, the pair once, the unknown RIR: 3 (the pair is two working
                // sets, one each side).
                (monday(16), 85.0, 4, 3, false),
            ]
        );
        assert_eq!(effective.len(), 5, "{effective:?}");
        // A carry logged in reps (as an import brings it) counts as the week counts it: for
        // nothing, its catalogue entry not being an effective one; a press counts the same.
        let catalogue = crate::model::exercise::Catalogue::shipped();
        let walk = catalogue.get("Farmer's walk").expect("in the catalogue");
        let carried = [lift(20, "Farmer's walk", 32.0, 20, Some(0))];
        assert!(effective_set_ids(&carried, Some(walk), 6).is_empty());
        assert!(weekly_volume(&carried, &catalogue, 6).iter().all(|m| m.effective.abs() < f64::EPSILON));
        let press = catalogue.get(PRESS).expect("in the catalogue");
        assert_eq!(effective_set_ids(&sets, Some(press), 6), effective);
    }
}

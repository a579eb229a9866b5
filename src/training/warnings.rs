//! The mistakes the method warns about (METHOD.md sections 3, 2 and 8), in words for the lifter.

use std::collections::BTreeMap;

use crate::model::exercise::FailureClass;
use crate::model::exercise::Muscle;
use crate::model::session::{LoggedSet, SetEntry};
use crate::training::volume::MuscleWeek;

/// What a warning is about: its kind in `hardset today --json`, and what tests and screens tell
/// warnings apart by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarningKind {
    /// More sets of one exercise near failure in a session than the budget allows.
    FailureBudget,
    /// Most of the week's working sets went to failure.
    EverySetToFailure,
    /// A technical lift taken to failure.
    TechnicalFailure,
    /// A muscle pushed past the top of its weekly band.
    VolumeAboveBand,
    /// One session giving a muscle far more than its share of the week.
    SessionDose,
    /// Sets added to a muscle while its key lift declines.
    AnxietyVolume,
    /// The plan changed again before the last one had settled.
    PlanChanged,
    /// An exercise back after a long break.
    Layoff,
    /// The recovery signs line up: a deload week may help.
    Recovery,
}

impl WarningKind {
    /// The kind as `hardset today --json` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningKind::FailureBudget => "failure-budget",
            WarningKind::EverySetToFailure => "every-set-to-failure",
            WarningKind::TechnicalFailure => "technical-failure",
            WarningKind::VolumeAboveBand => "volume-above-band",
            WarningKind::SessionDose => "session-dose",
            WarningKind::AnxietyVolume => "anxiety-volume",
            WarningKind::PlanChanged => "plan-changed",
            WarningKind::Layoff => "layoff",
            WarningKind::Recovery => "recovery",
        }
    }
}

/// A warning in words for the lifter, with its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What it is about.
    pub kind: WarningKind,
    /// What the lifter reads.
    pub text: String,
}

impl Warning {
    /// A warning of `kind` saying `text`.
    pub fn new(kind: WarningKind, text: impl Into<String>) -> Warning {
        Warning { kind, text: text.into() }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// An exercise back after a break (METHOD.md section 9): how long it has been and what today's
/// target does about it. Text from the plan is cleaned by the caller's screen, as every warning.
pub fn layoff(exercise: &str, layoff: crate::training::progression::Layoff) -> Warning {
    let gap = crate::training::progression::gap_words(layoff.days);
    let exercise = crate::model::text::clean_line(exercise);
    let text = if layoff.cut_percent > 0 {
        format!(
            "{exercise}: last trained {gap}. Today about {}% lighter, well short of failure; build back over a few sessions (tendons lag muscles).",
            layoff.cut_percent
        )
    } else {
        format!("{exercise}: last trained {gap}. Same load as then, from the bottom of the range.")
    };
    Warning::new(WarningKind::Layoff, text)
}

/// A working set lifted and logged at RIR 0: taken to failure (a missed attempt is not one).
pub fn to_failure(entry: &SetEntry) -> bool {
    entry.counts() && entry.rir.is_some_and(|r| r.halves() == 0)
}

/// Whether a set is a chance to calibrate RIR (METHOD.md section 1): a safe lift taken to
/// failure, after which the lifter says what they would have guessed along the way.
pub fn calibrates_rir(entry: &SetEntry, class: FailureClass) -> bool {
    class == FailureClass::Safe && to_failure(entry)
}

fn at_failure(set: &LoggedSet) -> bool {
    to_failure(&set.entry)
}

/// The failure budget: one set very close to failure per exercise, sometimes two. Names each
/// exercise of the session with three or more working sets logged at RIR 0.
pub fn failure_budget(session_sets: &[LoggedSet]) -> Vec<Warning> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for set in session_sets.iter().filter(|s| at_failure(s)) {
        *counts.entry(set.entry.exercise.as_str()).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 3)
        .map(|(exercise, n)| {
            Warning::new(
                WarningKind::FailureBudget,
                format!(
                    "{n} sets of {exercise} to failure today: one is the budget, sometimes two. Stop short on the rest."
                ),
            )
        })
        .collect()
}

/// "Every set to failure": most of the week's working sets (with a known RIR, at least four)
/// ended at RIR 0.
pub fn every_set_to_failure(week_sets: &[LoggedSet]) -> Option<Warning> {
    let known: Vec<&LoggedSet> = week_sets.iter().filter(|s| s.entry.counts() && s.entry.rir.is_some()).collect();
    let failed = known.iter().filter(|s| at_failure(s)).count();
    (known.len() >= 4 && failed * 2 > known.len()).then(|| {
        Warning::new(
            WarningKind::EverySetToFailure,
            format!(
                "{failed} of {} working sets this week went to failure: if every set is a war, the week is unsustainable.",
                known.len()
            ),
        )
    })
}

/// Muscles that today's remaining plan would push past the top of the weekly band.
pub fn over_the_band(week: &[MuscleWeek], planned: &BTreeMap<Muscle, f64>, (_, high): (u8, u8)) -> Vec<Warning> {
    planned
        .iter()
        .filter(|&(_, &more)| more > 0.0)
        .filter_map(|(&muscle, &more)| {
            let so_far = week.iter().find(|w| w.muscle == muscle).map_or(0.0, |w| w.effective);
            let total = so_far + more;
            (total > f64::from(high)).then(|| {
                Warning::new(
                    WarningKind::VolumeAboveBand,
                    format!("Today's plan takes {muscle} to {total} effective sets this week, past the top of {high}."),
                )
            })
        })
        .collect()
}

/// Why a set logged to failure deserves a second thought.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureConcern {
    /// A technical free-weight lift: the method keeps 1-2 reps in reserve there.
    TechnicalLift,
    /// A deload week: it is for recovery, with no failure.
    DeloadWeek,
}

/// Whether a working set at RIR 0 should be confirmed before it is saved (METHOD.md sections 3
/// and 6).
pub fn failure_concern(entry: &SetEntry, class: FailureClass, deload_week: bool) -> Option<FailureConcern> {
    if !to_failure(entry) {
        None
    } else if class == FailureClass::Technical {
        Some(FailureConcern::TechnicalLift)
    } else if deload_week {
        Some(FailureConcern::DeloadWeek)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::SetKind;
    use crate::model::units::{Load, Rir, Unit, Weight};

    fn set(exercise: &str, kind: SetKind, rir_halves: Option<u8>) -> LoggedSet {
        let weight = Weight::new(Load::from_hundredths(6000), Unit::Kg);
        LoggedSet::sample(1, exercise, kind, weight, 8, rir_halves.and_then(Rir::from_halves))
    }

    #[test]
    fn only_a_safe_working_set_to_failure_calibrates_rir() {
        let failed = set("Lat pulldown", SetKind::Working, Some(0)).entry;
        assert!(calibrates_rir(&failed, FailureClass::Safe));
        assert!(!calibrates_rir(&failed, FailureClass::Technical), "technical lifts stop short of failure");
        let one_left = set("Lat pulldown", SetKind::Working, Some(2)).entry;
        assert!(!calibrates_rir(&one_left, FailureClass::Safe), "RIR 1 is not failure");
        let ramp = set("Lat pulldown", SetKind::RampUp, Some(0)).entry;
        assert!(!calibrates_rir(&ramp, FailureClass::Safe), "ramp-ups never count");
        let unknown = set("Lat pulldown", SetKind::Working, None).entry;
        assert!(!calibrates_rir(&unknown, FailureClass::Safe), "no RIR, no failure");
    }

    #[test]
    fn the_third_set_to_failure_is_one_too_many() {
        let two = [set("Lat pulldown", SetKind::Working, Some(0)), set("Lat pulldown", SetKind::Working, Some(0))];
        assert!(failure_budget(&two).is_empty(), "two is sometimes fine");
        let mut three = two.to_vec();
        three.push(set("Lat pulldown", SetKind::Working, Some(0)));
        three.push(set("Leg press", SetKind::Working, Some(0)));
        let warnings = failure_budget(&three);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].text.starts_with("3 sets of Lat pulldown to failure today"), "{}", warnings[0]);
        // Ramp-ups and half a rep in reserve are not failure.
        let near = [
            set("Lat pulldown", SetKind::Working, Some(1)),
            set("Lat pulldown", SetKind::RampUp, Some(0)),
            set("Lat pulldown", SetKind::Working, Some(0)),
        ];
        assert!(failure_budget(&near).is_empty());
    }

    #[test]
    fn every_set_to_failure_needs_most_of_a_real_week() {
        let fail = |n| (0..n).map(|_| set("Leg press", SetKind::Working, Some(0))).collect::<Vec<_>>();
        assert_eq!(every_set_to_failure(&fail(3)), None, "too few sets to judge");
        let mut week = fail(3);
        week.extend((0..3).map(|_| set("Leg press", SetKind::Working, Some(2))));
        assert_eq!(every_set_to_failure(&week), None, "half is not most");
        week.push(set("Leg press", SetKind::Working, Some(0)));
        assert!(every_set_to_failure(&week).is_some_and(|w| w.text.starts_with("4 of 7 working sets")));
    }

    #[test]
    fn failure_is_questioned_on_technical_lifts_and_in_deload_weeks() {
        let squat = set("Barbell back squat", SetKind::Working, Some(0)).entry;
        assert_eq!(failure_concern(&squat, FailureClass::Technical, false), Some(FailureConcern::TechnicalLift));
        let press = set("Leg press", SetKind::Working, Some(0)).entry;
        assert_eq!(failure_concern(&press, FailureClass::Safe, false), None);
        assert_eq!(failure_concern(&press, FailureClass::Safe, true), Some(FailureConcern::DeloadWeek));
        let short = set("Barbell back squat", SetKind::Working, Some(1)).entry;
        assert_eq!(
            failure_concern(&short, FailureClass::Technical, true),
            None,
            "half a rep in reserve is not failure"
        );
    }

    #[test]
    fn a_plan_past_the_band_is_named() {
        let week = [MuscleWeek { muscle: Muscle::Chest, effective: 9.0, unverified: 0.0, sessions: 2 }];
        let planned = BTreeMap::from([(Muscle::Chest, 2.0), (Muscle::Lats, 1.0)]);
        let warnings = over_the_band(&week, &planned, (6, 10));
        let texts: Vec<&str> = warnings.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["Today's plan takes chest to 11 effective sets this week, past the top of 10."]);
        assert_eq!(warnings[0].kind, WarningKind::VolumeAboveBand);
        assert!(over_the_band(&week, &BTreeMap::from([(Muscle::Chest, 1.0)]), (6, 10)).is_empty(), "10 is in band");
    }
}

//! Training plans in TOML: a rotation of days or fixed weekdays, each with its exercises.

pub mod group;
mod parse;
mod range;
pub mod rung;
mod technique;
mod timed;

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Weekday;
use serde::Deserialize;

use self::rung::Rung;
use super::exercise::{Catalogue, Equipment, Exercise, FailureClass, LoadStep, Measures, RirTarget};
use super::units::{Distance, Unit};

/// The example week of METHOD.md section 7, shipped as the default plan.
pub const EXAMPLE_WEEK: &str = include_str!("../../assets/plans/example-week.toml");

/// How the plan's days follow each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Schedule {
    /// The next day follows the last day trained.
    Rotation,
    /// Each day is tied to a day of the week.
    Weekdays,
}

/// What a plan day asks of the lifter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum DayKind {
    /// Lifting.
    #[default]
    Training,
    /// A walk, mobility: moving without training hard.
    ActiveRecovery,
    /// Nothing at all.
    Rest,
}

impl DayKind {
    /// How the day kind reads on screen.
    pub fn label(self) -> &'static str {
        match self {
            DayKind::Training => "training",
            DayKind::ActiveRecovery => "active recovery",
            DayKind::Rest => "rest",
        }
    }
}

/// A rep range such as 6-10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepRange {
    /// Bottom of the range.
    pub low: u16,
    /// Top of the range.
    pub high: u16,
}

impl fmt::Display for RepRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.low == self.high { write!(f, "{}", self.low) } else { write!(f, "{}-{}", self.low, self.high) }
    }
}

/// One exercise as the plan prescribes it, resolved against the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedExercise {
    /// The catalogue (or plan-defined) name.
    pub name: String,
    /// Working sets.
    pub sets: u8,
    /// Rep range for the working sets.
    pub reps: RepRange,
    /// Target reps in reserve.
    pub rir: RirTarget,
    /// Rest after a working set.
    pub rest: Duration,
    /// Whether the plan names that rest itself, rather than leave it to the settings or the
    /// catalogue.
    pub own_rest: bool,
    /// Whether ramp-up sets come first.
    pub ramp_up: bool,
    /// The plan's own ramp-up ladder for this exercise, if it names one.
    pub ramp_up_ladder: Option<Vec<Rung>>,
    /// A key lift, watched for a declining trend.
    pub key: bool,
    /// Free-weight technical lift or safe to fail.
    pub failure_class: FailureClass,
    /// What it is lifted with.
    pub equipment: Equipment,
    /// Smallest real load step.
    pub load_step: LoadStep,
    /// The superset or circuit it is done in on its day (`group = "A"`): a capital letter.
    pub group: Option<String>,
    /// What a set records: reps, or a time and/or distance (the catalogue's `measures`).
    pub measures: Measures,
    /// The plan's target time for a hold or cardio (`time = "45s"`), if it names one.
    pub target_seconds: Option<u32>,
    /// The plan's target distance for a carry or cardio (`distance = "2000m"`), if it names one.
    pub target_distance: Option<Distance>,
    /// The set technique that carries its last working set on past failure (`technique =
    /// "drop"`), if the plan names one.
    pub technique: Option<crate::model::session::Technique>,
    /// A note pinned to it (`note = "seat on 4, grip wide"`): shown under its name on Today
    /// and in the set form every time; empty when the plan gives none.
    pub note: String,
}

/// One day of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanDay {
    /// Its name, such as "Day 1: push and pull".
    pub name: String,
    /// Training, active recovery or rest.
    pub kind: DayKind,
    /// The weekday it falls on, in a weekday plan.
    pub weekday: Option<Weekday>,
    /// What to do on a recovery day (a walk, mobility).
    pub activities: Vec<String>,
    /// Exercises in order.
    pub exercises: Vec<PlannedExercise>,
    /// A note shown with the day.
    pub note: String,
}

/// A whole plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Its name.
    pub name: String,
    /// Rotation or fixed weekdays.
    pub schedule: Schedule,
    /// The unit loads are suggested in.
    pub unit: Unit,
    /// Rest after a ramp-up set.
    pub ramp_up_rest: Duration,
    /// Whether the plan file names `unit` and `ramp_up_rest` itself, and its own exercises.
    pub names: PlanNames,
    /// The settings' rest after a working set, for exercises the plan gives no rest (added ones
    /// too); `None`: the catalogue's.
    pub working_rest: Option<Duration>,
    /// The days, in order.
    pub days: Vec<PlanDay>,
    /// The catalogue with the plan's own `[[exercise]]` definitions added: every exercise this
    /// plan knows, by name or alias.
    pub exercises: Catalogue,
    /// A fingerprint of the plan's text, to record its revisions.
    pub fingerprint: String,
}

/// Which values the plan file names itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanNames {
    /// `unit`.
    pub unit: bool,
    /// `ramp_up_rest`.
    pub ramp_up_rest: bool,
    /// The names of its own `[[exercise]]` definitions, lower case: their `rest` is the plan's.
    pub exercises: Vec<String>,
}

impl PlanNames {
    /// Whether the plan defines `name` itself.
    pub fn defines(&self, name: &str) -> bool {
        self.exercises.iter().any(|e| e.eq_ignore_ascii_case(name))
    }
}

/// What a plan falls back on where it names nothing: the settings, else the built-in values.
/// A plan's own entry always wins, so `plan.toml` and `config.toml` never disagree silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanDefaults {
    /// The unit loads are suggested in.
    pub unit: Unit,
    /// Rest after a ramp-up set.
    pub ramp_up_rest: Duration,
    /// Rest after a working set; `None`: each exercise's catalogue rest.
    pub working_rest: Option<Duration>,
}

impl Default for PlanDefaults {
    fn default() -> Self {
        PlanDefaults { unit: Unit::Kg, ramp_up_rest: DEFAULT_RAMP_UP_REST, working_rest: None }
    }
}

/// A plan that could not be read, with where and why. Shown with every control character and
/// invisible formatting escaped (`\u{1b}`): the message may quote the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {}", super::text::escape(.path), super::text::escape(.message))]
pub struct PlanError {
    /// The file (or `<shipped example week>`).
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong, for a lifter.
    pub message: String,
}

/// 1-based line and column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The default rest after a ramp-up set.
pub const DEFAULT_RAMP_UP_REST: Duration = Duration::from_secs(60);

impl Plan {
    /// Fills in what the plan leaves unsaid from `defaults` (the settings): the plan's own
    /// entries win, then the settings, then the catalogue.
    pub fn apply_defaults(&mut self, defaults: &PlanDefaults) {
        if !self.names.unit {
            self.unit = defaults.unit;
        }
        if !self.names.ramp_up_rest {
            self.ramp_up_rest = defaults.ramp_up_rest;
        }
        self.working_rest = defaults.working_rest;
        for exercise in self.days.iter_mut().flat_map(|d| &mut d.exercises) {
            // An exercise the plan defines itself rests as its definition says.
            exercise.own_rest |= self.names.defines(&exercise.name);
            if !exercise.own_rest {
                let catalogue = self.exercises.get(&exercise.name).map_or(exercise.rest, |e| e.rest);
                exercise.rest = defaults.working_rest.unwrap_or(catalogue);
            }
        }
    }

    /// Where the user's plan lives and whether it is the shipped one.
    pub fn load_for(config_dir: &Path, catalogue: &Catalogue) -> Result<(Plan, Option<PathBuf>), PlanError> {
        let path = config_dir.join("plan.toml");
        if path.exists() {
            Ok((Plan::load(&path, catalogue)?, Some(path)))
        } else {
            Ok((Plan::example_week(catalogue)?, None))
        }
    }

    /// What the plan prescribes, as text: comments, spacing and field order do not change it,
    /// so its fingerprint changes only when the training does.
    pub fn content(&self) -> String {
        let mut text = format!("{}|{:?}|{}|{}\n", self.name, self.schedule, self.unit, self.ramp_up_rest.as_secs());
        for day in &self.days {
            let _ = writeln!(text, "{}|{:?}|{:?}|{:?}", day.name, day.kind, day.weekday, day.activities);
            for e in &day.exercises {
                let _ = writeln!(
                    text,
                    "  {}|{}|{}|{}|{}|{}|{}|{:?}",
                    e.name,
                    e.sets,
                    e.reps,
                    e.rir,
                    e.rest.as_secs(),
                    e.ramp_up,
                    e.key,
                    e.ramp_up_ladder
                );
                // Only a grouped exercise adds to its line: a plan without groups keeps its
                // fingerprint.
                if let Some(group) = &e.group {
                    text.pop();
                    let _ = writeln!(text, "|group {group}");
                }
                // Likewise a planned technique.
                if let Some(technique) = e.technique {
                    text.pop();
                    let _ = writeln!(text, "|technique {}", technique.as_str());
                }
            }
        }
        text
    }

    /// The planned exercise with this name or alias on any day, for targets of added exercises.
    pub fn find_exercise(&self, name: &str) -> Option<&PlannedExercise> {
        let canonical = self.exercises.get(name).map_or(name, |e| e.name.as_str());
        self.days.iter().flat_map(|d| &d.exercises).find(|e| e.name.eq_ignore_ascii_case(canonical))
    }

    /// The rest after a set of `planned`: the exercise's rest for a working set, the plan's
    /// short ramp-up rest for a ramp-up set.
    pub fn rest_after(&self, planned: &PlannedExercise, kind: crate::model::session::SetKind) -> Duration {
        match kind {
            crate::model::session::SetKind::Working => planned.rest,
            crate::model::session::SetKind::RampUp => self.ramp_up_rest,
        }
    }

    /// How `name` (any name or alias this plan knows) is done: as the plan does it on some day,
    /// else with its catalogue defaults. Outside its day it is in no group and plans no technique.
    pub fn planned(&self, name: &str) -> Option<PlannedExercise> {
        let on_a_day = self.find_exercise(name).cloned().map(|p| PlannedExercise { group: None, technique: None, ..p });
        on_a_day.or_else(|| {
            let exercise = self.exercises.get(name)?;
            let mut added = PlannedExercise::ad_hoc(exercise);
            if !self.names.defines(&exercise.name) {
                added.rest = self.working_rest.unwrap_or(added.rest);
            }
            Some(added)
        })
    }
}

impl PlannedExercise {
    /// How an exercise the plan does not list is done when added to a session: one working
    /// set of 6-10 at the target RIR of its failure class, with its catalogue rest.
    pub fn ad_hoc(exercise: &Exercise) -> PlannedExercise {
        PlannedExercise {
            name: exercise.name.clone(),
            sets: 1,
            reps: RepRange { low: 6, high: 10 },
            rir: exercise.failure_class.target_rir(),
            rest: exercise.rest,
            own_rest: false,
            ramp_up: default_ramp_up(exercise.equipment) && exercise.measures.is_reps(),
            ramp_up_ladder: None,
            key: false,
            failure_class: exercise.failure_class,
            equipment: exercise.equipment,
            load_step: exercise.load_step,
            group: None,
            measures: exercise.measures,
            target_seconds: None,
            target_distance: None,
            technique: None,
            note: String::new(),
        }
    }
}

impl PlannedExercise {
    /// How a logged exercise that neither the plan nor the catalogue knows is shown: one
    /// working set of 6-10, treated as technical (1-2 in reserve) since nothing says otherwise.
    pub fn unlisted(name: &str) -> PlannedExercise {
        PlannedExercise {
            name: name.to_string(),
            sets: 1,
            reps: RepRange { low: 6, high: 10 },
            rir: FailureClass::Technical.target_rir(),
            rest: Duration::from_secs(120),
            own_rest: false,
            ramp_up: false,
            ramp_up_ladder: None,
            key: false,
            failure_class: FailureClass::Technical,
            equipment: Equipment::Machine,
            load_step: LoadStep::hundredths(250, 500),
            group: None,
            measures: Measures::Reps,
            target_seconds: None,
            target_distance: None,
            technique: None,
            note: String::new(),
        }
    }
}

fn default_ramp_up(equipment: Equipment) -> bool {
    !matches!(equipment, Equipment::Bodyweight | Equipment::Cable | Equipment::Kettlebell)
}

/// A short, stable fingerprint of a text (FNV-1a, 64 bits), to tell plan revisions apart.
fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_from_one() {
        let text = "a = 1\nbb = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, 9), (2, 4));
    }

    #[test]
    fn fingerprints_tell_texts_apart() {
        assert_eq!(fingerprint("a"), fingerprint("a"));
        assert_ne!(fingerprint("a"), fingerprint("b"));
        assert_eq!(fingerprint("").len(), 16);
    }
}

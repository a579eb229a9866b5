//! Sessions and the sets logged in them.

use std::fmt::{self, Write as _};

use chrono::{DateTime, Utc};

use super::units::{Distance, Effort, Rir, Weight, format_seconds};

mod bodyweight;
mod kinds;
mod note_tags;
#[cfg(test)]
mod summary_tests;

pub use bodyweight::{
    compact_load_text, from_signed_hundredths, load_field_text, parse_bodyweight_load, parse_bodyweight_set_in,
    signed_hundredths,
};
pub use kinds::{Basis, Side, Technique};
pub use note_tags::{Carried, note_with_tags, take_tags};

/// Ramp-up (warm-up) or working set. Ramp-ups never count as volume, records or trends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SetKind {
    /// An easy set climbing towards the working weight.
    RampUp,
    /// A real set, taken close to failure.
    #[default]
    Working,
}

impl SetKind {
    /// The name used in the database and in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            SetKind::RampUp => "ramp-up",
            SetKind::Working => "working",
        }
    }

    /// Reads the stored name.
    pub fn parse(text: &str) -> Option<SetKind> {
        match text {
            "ramp-up" => Some(SetKind::RampUp),
            "working" => Some(SetKind::Working),
            _ => None,
        }
    }
}

impl fmt::Display for SetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set as entered, before the store gives it an id. Most sets are a load and reps; the fields
/// after `note` say what else a set can be, and are their default (`Basis::Load`, `None`) for a
/// plain set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SetEntry {
    /// Exercise name.
    pub exercise: String,
    /// Ramp-up or working.
    pub kind: SetKind,
    /// Load with its unit.
    pub weight: Weight,
    /// Good reps done.
    pub reps: u16,
    /// Reps in reserve, when known.
    pub rir: Option<Rir>,
    /// Form broke: the set ended at technical failure.
    pub form_broke: bool,
    /// Free text.
    pub note: String,
    /// What the load is measured against: the load itself, or body weight plus or minus it.
    pub basis: Basis,
    /// How long the set lasted, for holds, carries and cardio (`None` for a set of reps).
    pub seconds: Option<u32>,
    /// How far it went, for carries and cardio.
    pub distance: Option<Distance>,
    /// The side of a one-sided set, when it was done one side at a time.
    pub side: Option<Side>,
    /// The technique this set is, carrying on the working set logged before it.
    pub technique: Option<Technique>,
    /// The superset or circuit the set was done in (a plan's `group`, Hevy's `superset_id`).
    pub superset: Option<String>,
}

impl SetEntry {
    /// A missed attempt: 0 reps at a load, as Strong and Hevy keep a lift that failed. Only
    /// imports bring one (a set typed in hardset has at least one rep); it stays in the log and
    /// its history, and counts for nothing: no record, effective set, e1RM or "last time". A
    /// set measured by time or distance has no reps and is not missed.
    pub fn missed(&self) -> bool {
        self.reps == 0 && !self.timed_or_distance()
    }

    /// Measured by time or distance (a hold, a carry, cardio) rather than by reps.
    pub fn timed_or_distance(&self) -> bool {
        self.seconds.is_some() || self.distance.is_some()
    }

    /// A working set of reps that was lifted, and not a technique carrying another one on: what
    /// records, effective sets, trends and progression count. A hold, a carry or cardio (a time
    /// or distance) is none of those, even with reps.
    pub fn counts(&self) -> bool {
        self.kind == SetKind::Working && self.reps > 0 && self.technique.is_none() && !self.timed_or_distance()
    }

    /// The load as a lifter writes it: `80 kg`, `BW`, `BW+10 kg`, `BW-20 kg`.
    pub fn load_text(&self) -> String {
        let load = self.weight.load;
        match self.basis {
            Basis::Load => self.weight.to_string(),
            Basis::BodyPlus if load.hundredths() == 0 => "BW".into(),
            Basis::BodyPlus => format!("BW+{}", self.weight),
            Basis::Assisted => format!("BW-{}", self.weight),
        }
    }

    /// `80 kg x 8 @ 1`, the way sets read across the app; a missed attempt reads
    /// `100 kg x 0 (missed)`.
    pub fn summary(&self) -> String {
        self.summary_in(Effort::Rir)
    }

    /// The set as [`SetEntry::summary`] writes it, its effort in the lifter's scale: `80 kg x 8
    /// @ 9` for a lifter who reads RPE.
    pub fn summary_in(&self, effort: Effort) -> String {
        if self.missed() {
            return format!("{} x 0 (missed)", self.load_text());
        }
        let mut text = self.measure_text();
        if let Some(side) = self.side {
            let _ = write!(text, " {}", if side == Side::Each { "each side".into() } else { format!("({side})") });
        }
        if let Some(rir) = self.rir {
            let _ = write!(text, " @ {}", effort.number(rir));
        }
        if self.form_broke {
            text.push_str(" (form broke)");
        }
        if let Some(technique) = self.technique {
            let _ = write!(text, " ({technique})");
        }
        text
    }

    /// What was done, without effort or side: `80 kg x 8`, `BW+10 kg x 6`, `60 s`, `2,000 m in
    /// 7:45`, `40 m at 64 kg`.
    fn measure_text(&self) -> String {
        let loaded = self.weight.load.hundredths() > 0 || self.basis.is_bodyweight();
        // Reps with no load read as reps (`12 reps`), never as `0 kg x 12`.
        let reps = match (loaded, self.reps) {
            (true, n) => format!("{} x {n}", self.load_text()),
            (false, 1) => "1 rep".to_string(),
            (false, n) => format!("{n} reps"),
        };
        if !self.timed_or_distance() {
            return reps;
        }
        let mut text = String::new();
        if self.reps > 0 {
            // Reps done in a time or over a distance: `12 reps in 45 s`, `20 kg x 12, 40 m`.
            text = reps;
            text.push_str(if self.distance.is_some() { ", " } else { " in " });
        }
        match (self.distance, self.seconds) {
            (Some(d), Some(s)) => {
                let _ = write!(text, "{d} in {}", format_seconds(s));
            }
            (Some(d), None) => {
                let _ = write!(text, "{d}");
            }
            (None, Some(s)) => text.push_str(&format_seconds(s)),
            (None, None) => {}
        }
        if loaded && self.reps == 0 {
            let _ = write!(text, " at {}", self.load_text());
        }
        text
    }
}

/// A set committed to the log.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedSet {
    /// Row id.
    pub id: i64,
    /// The session it belongs to.
    pub session_id: i64,
    /// When it was logged.
    pub logged_at: DateTime<Utc>,
    /// When its session started: the day (and week) the set counts on.
    pub session_started_at: DateTime<Utc>,
    /// What was done.
    pub entry: SetEntry,
}

#[cfg(test)]
impl LoggedSet {
    /// A committed set for unit tests: `weight x reps @ rir` of `exercise` in session
    /// `session_id`, with no note, form intact and epoch timestamps.
    pub(crate) fn sample(
        session_id: i64,
        exercise: &str,
        kind: SetKind,
        weight: Weight,
        reps: u16,
        rir: Option<Rir>,
    ) -> LoggedSet {
        LoggedSet {
            id: session_id,
            session_id,
            logged_at: DateTime::default(),
            session_started_at: DateTime::default(),
            entry: SetEntry {
                exercise: exercise.into(),
                kind,
                weight,
                reps,
                rir,
                form_broke: false,
                note: String::new(),
                ..Default::default()
            },
        }
    }
}

/// A training session: one visit to the gym, on one plan day.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Row id.
    pub id: i64,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// When it ended; `None` while it runs.
    pub ended_at: Option<DateTime<Utc>>,
    /// The plan day's name.
    pub day_name: String,
    /// The plan day's position, when it came from the plan in use.
    pub day_index: Option<usize>,
    /// When the running rest ends.
    pub rest_until: Option<DateTime<Utc>>,
    /// How long the running rest was set to, in seconds (for the gauge).
    pub rest_seconds: u32,
    /// Free text.
    pub note: String,
    /// The readiness check-in taken at its start, if one was.
    pub readiness: Option<Readiness>,
}

/// A readiness check-in (METHOD.md section 5): each score 1 to 5, where 5 is best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Readiness {
    /// How well the lifter slept.
    pub sleep: u8,
    /// Energy: 5 is fresh, 1 is fatigue a rest day did not fix.
    pub energy: u8,
    /// Joints: 5 is no aches, 1 is aches and constant stiffness.
    pub joints: u8,
    /// Wanting to train.
    pub motivation: u8,
}

impl Readiness {
    /// The scores with their names, in check-in order.
    pub fn scores(self) -> [(&'static str, u8); 4] {
        [("sleep", self.sleep), ("energy", self.energy), ("joints", self.joints), ("motivation", self.motivation)]
    }
}

/// How a deload week lightens training (METHOD.md section 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DeloadStyle {
    /// About half the effective sets.
    Volume,
    /// About 10% less load.
    Load,
}

impl DeloadStyle {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            DeloadStyle::Volume => "volume",
            DeloadStyle::Load => "load",
        }
    }

    /// Reads the stored name.
    pub fn parse(text: &str) -> Option<DeloadStyle> {
        match text {
            "volume" => Some(DeloadStyle::Volume),
            "load" => Some(DeloadStyle::Load),
            _ => None,
        }
    }
}

/// A week marked as a deload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeloadWeek {
    /// Its Monday.
    pub monday: chrono::NaiveDate,
    /// How it lightens training.
    pub style: DeloadStyle,
    /// When it was started: sets before then (earlier in the same week) were not a deload.
    pub started_at: chrono::DateTime<chrono::Utc>,
}

/// A set on which the lifter guessed, at some rep, how many more were left, then went on to
/// failure: the raw material of RIR calibration (METHOD.md section 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RirGuess {
    /// Reps reached at failure.
    pub reps: u16,
    /// The rep at which the guess was made.
    pub at_rep: u16,
    /// The guess, in half reps.
    pub guess_halves: u8,
}

/// A change to the day's exercise list made during a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExerciseChange {
    /// Done although not in the plan day.
    Added,
    /// In the plan day but left out today.
    Skipped,
}

impl ExerciseChange {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ExerciseChange::Added => "added",
            ExerciseChange::Skipped => "skipped",
        }
    }
}

/// A whole past session with its sets, for bulk writes (demo history, imports).
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRecord {
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// When it ended; `None` for a session still running when it was exported.
    pub ended_at: Option<DateTime<Utc>>,
    /// The plan day's name.
    pub day_name: String,
    /// The plan day's position.
    pub day_index: Option<usize>,
    /// Its sets with the time each was logged.
    pub sets: Vec<(SetEntry, DateTime<Utc>)>,
    /// The readiness check-in taken at its start, if any.
    pub readiness: Option<Readiness>,
    /// The session's note.
    pub note: String,
}

/// Which session a new set (or a change to the day's exercises) goes into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionFor {
    /// The running session.
    Existing(i64),
    /// A session finished earlier today on the same day: one more set reopens it rather than
    /// starting a second session of the same day.
    Reopen(i64),
    /// Start one on this plan day.
    New {
        /// Plan day name.
        day_name: String,
        /// Plan day position.
        day_index: Option<usize>,
    },
}

/// A past session with its set counts, for the history list.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionSummary {
    /// The session.
    pub session: Session,
    /// Working sets logged.
    pub working_sets: u32,
    /// Ramp-up sets logged.
    pub ramp_up_sets: u32,
}

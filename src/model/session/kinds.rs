//! What a set can be beyond a load and reps: lifted with the body's own weight (plus a belt or
//! minus an assistance), done one side at a time, or a technique carrying a hard set on past
//! failure.

use std::fmt;

/// What a set's load is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Basis {
    /// The load lifted: a bar, dumbbells, a stack.
    #[default]
    Load,
    /// The lifter's body weight plus the load (a belt, a vest): `BW`, `BW+10`.
    BodyPlus,
    /// The lifter's body weight minus the load (an assistance machine or band): `BW-20`.
    Assisted,
}

impl Basis {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Load => "load",
            Basis::BodyPlus => "bw+",
            Basis::Assisted => "bw-",
        }
    }

    /// Reads the stored name.
    pub fn parse(text: &str) -> Option<Basis> {
        match text {
            "load" => Some(Basis::Load),
            "bw+" => Some(Basis::BodyPlus),
            "bw-" => Some(Basis::Assisted),
            _ => None,
        }
    }

    /// Whether the body's weight is part of what was lifted.
    pub fn is_bodyweight(self) -> bool {
        self != Basis::Load
    }
}

/// The side a one-sided set was done on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// Both sides alike, each with these numbers: `20 kg x 8 each side`.
    Each,
    /// The left side alone (its right side is the set after it, when done).
    Left,
    /// The right side alone.
    Right,
}

impl Side {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Each => "each",
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    /// Reads the stored name.
    pub fn parse(text: &str) -> Option<Side> {
        match text {
            "each" => Some(Side::Each),
            "left" => Some(Side::Left),
            "right" => Some(Side::Right),
            _ => None,
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Each => "each side",
            Side::Left => "left",
            Side::Right => "right",
        })
    }
}

/// A set technique that carries a hard set on past failure. A technique set belongs to the
/// working set logged just before it (same exercise, same session): it extends that one hard set
/// and is never a set, a record or an e1RM of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Technique {
    /// The load drops and the set goes on with no rest.
    Drop,
    /// A few breaths' pause, then more reps at the same load.
    RestPause,
    /// Myo-reps: mini-sets of a few reps after short pauses.
    MyoReps,
}

impl Technique {
    /// Every technique, in the order the form offers them.
    pub const ALL: [Technique; 3] = [Technique::Drop, Technique::RestPause, Technique::MyoReps];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Technique::Drop => "drop",
            Technique::RestPause => "rest-pause",
            Technique::MyoReps => "myo-reps",
        }
    }

    /// Reads the stored name.
    pub fn parse(text: &str) -> Option<Technique> {
        Technique::ALL.into_iter().find(|t| t.as_str() == text)
    }
}

impl fmt::Display for Technique {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Technique::Drop => "drop set",
            Technique::RestPause => "rest-pause",
            Technique::MyoReps => "myo-reps",
        })
    }
}

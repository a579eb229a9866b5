//! What an exercise measures: reps (most lifts), a time (holds), a distance (carries) or both
//! (cardio), and whether its sets count as effective hypertrophy sets.

use std::fmt;

use serde::Deserialize;

/// What a set of an exercise records, as the catalogue's `measures` field says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
pub enum Measures {
    /// A load and reps: every lift.
    #[default]
    #[serde(rename = "reps")]
    Reps,
    /// A time held (a plank, a dead hang, a wall sit), with an optional added load.
    #[serde(rename = "time")]
    Time,
    /// A distance covered under a load (a farmer's walk), with an optional time.
    #[serde(rename = "distance")]
    Distance,
    /// A distance and the time it took (a row, a run, a ride); either may be left out.
    #[serde(rename = "time+distance", alias = "cardio")]
    TimeDistance,
}

impl Measures {
    /// The name used in the catalogue.
    pub fn name(self) -> &'static str {
        match self {
            Measures::Reps => "reps",
            Measures::Time => "time",
            Measures::Distance => "distance",
            Measures::TimeDistance => "time+distance",
        }
    }

    /// Whether a set of it is reps at a load (not a time or distance).
    pub fn is_reps(self) -> bool {
        self == Measures::Reps
    }

    /// Whether a set of it records a time: always for a hold and cardio, optionally for a carry.
    pub fn takes_time(self) -> bool {
        self != Measures::Reps
    }

    /// Whether a set of it records a distance.
    pub fn takes_distance(self) -> bool {
        matches!(self, Measures::Distance | Measures::TimeDistance)
    }

    /// Whether a set of it may carry a load: lifts, weighted holds and carries; cardio has none.
    pub fn takes_load(self) -> bool {
        self != Measures::TimeDistance
    }

    /// The default for the catalogue's `effective` field: a set of reps counts as an effective
    /// set when close to failure; a time or a distance never does unless the catalogue says so.
    pub fn effective_by_default(self) -> bool {
        self.is_reps()
    }
}

impl fmt::Display for Measures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Row {
        #[serde(default)]
        measures: Measures,
    }

    fn read(text: &str) -> Result<Measures, toml::de::Error> {
        toml::from_str::<Row>(text).map(|r| r.measures)
    }

    #[test]
    fn measures_read_as_the_catalogue_writes_them() {
        assert_eq!(read("").expect("reads"), Measures::Reps, "a lift measures reps unless it says otherwise");
        assert_eq!(read("measures = \"time\"").expect("reads"), Measures::Time);
        assert_eq!(read("measures = \"distance\"").expect("reads"), Measures::Distance);
        assert_eq!(read("measures = \"time+distance\"").expect("reads"), Measures::TimeDistance);
        assert_eq!(read("measures = \"cardio\"").expect("reads"), Measures::TimeDistance);
        assert!(read("measures = \"laps\"").is_err());
        assert!(read("measures = \"Time\"").is_err(), "the catalogue's names are lower case");
    }

    #[test]
    fn only_reps_count_as_effective_sets_by_default() {
        assert!(Measures::Reps.effective_by_default());
        for m in [Measures::Time, Measures::Distance, Measures::TimeDistance] {
            assert!(!m.effective_by_default(), "{m}");
            assert!(m.takes_time(), "{m}");
        }
        assert!(!Measures::TimeDistance.takes_load(), "cardio has no load");
        assert!(Measures::Distance.takes_load() && Measures::Time.takes_load());
    }
}

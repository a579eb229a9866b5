//! The exercise catalogue: muscles, equipment, failure class, load steps and rest.

use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Deserializer};

use super::units::{Load, Unit};

mod custom;
mod measures;
mod similar;
mod timed_set;
pub use custom::{CustomExercise, OWN_NAME_MAX, own_exercise_name, parse_equipment, parse_muscles};
pub use measures::Measures;
pub use timed_set::{TimedSet, parse_distance_field, parse_time_field, parse_timed_set_in};

/// The muscles hardset counts sets for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Muscle {
    Chest,
    Lats,
    #[serde(rename = "upper back")]
    UpperBack,
    #[serde(rename = "front delts")]
    FrontDelts,
    #[serde(rename = "side delts")]
    SideDelts,
    #[serde(rename = "rear delts")]
    RearDelts,
    Biceps,
    Triceps,
    Forearms,
    Quads,
    Hamstrings,
    Glutes,
    Calves,
    Abs,
    #[serde(rename = "lower back")]
    LowerBack,
}

impl Muscle {
    /// The muscle's name as a lifter writes it.
    pub fn name(self) -> &'static str {
        match self {
            Muscle::Chest => "chest",
            Muscle::Lats => "lats",
            Muscle::UpperBack => "upper back",
            Muscle::FrontDelts => "front delts",
            Muscle::SideDelts => "side delts",
            Muscle::RearDelts => "rear delts",
            Muscle::Biceps => "biceps",
            Muscle::Triceps => "triceps",
            Muscle::Forearms => "forearms",
            Muscle::Quads => "quads",
            Muscle::Hamstrings => "hamstrings",
            Muscle::Glutes => "glutes",
            Muscle::Calves => "calves",
            Muscle::Abs => "abs",
            Muscle::LowerBack => "lower back",
        }
    }
}

impl Muscle {
    /// Every muscle, in the order screens list them.
    pub const ALL: [Muscle; 15] = [
        Muscle::Chest,
        Muscle::Lats,
        Muscle::UpperBack,
        Muscle::FrontDelts,
        Muscle::SideDelts,
        Muscle::RearDelts,
        Muscle::Biceps,
        Muscle::Triceps,
        Muscle::Forearms,
        Muscle::Quads,
        Muscle::Hamstrings,
        Muscle::Glutes,
        Muscle::Calves,
        Muscle::Abs,
        Muscle::LowerBack,
    ];

    /// The muscle with this name.
    pub fn parse(text: &str) -> Option<Muscle> {
        let text = text.trim();
        Muscle::ALL.into_iter().find(|m| m.name().eq_ignore_ascii_case(text))
    }
}

impl fmt::Display for Muscle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What the load is lifted with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Equipment {
    Barbell,
    Dumbbell,
    Machine,
    Cable,
    Bodyweight,
    #[serde(rename = "smith machine")]
    SmithMachine,
    Kettlebell,
}

impl Equipment {
    /// Every kind of equipment.
    pub const ALL: [Equipment; 7] = [
        Equipment::Barbell,
        Equipment::Dumbbell,
        Equipment::Machine,
        Equipment::Cable,
        Equipment::Bodyweight,
        Equipment::SmithMachine,
        Equipment::Kettlebell,
    ];

    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Equipment::Barbell => "barbell",
            Equipment::Dumbbell => "dumbbell",
            Equipment::Machine => "machine",
            Equipment::Cable => "cable",
            Equipment::Bodyweight => "bodyweight",
            Equipment::SmithMachine => "smith machine",
            Equipment::Kettlebell => "kettlebell",
        }
    }

    /// The equipment with this name.
    pub fn parse(text: &str) -> Option<Equipment> {
        let text = text.trim();
        Equipment::ALL.into_iter().find(|e| e.name().eq_ignore_ascii_case(text))
    }

    /// What an exercise name says it is lifted with, as the other apps write it
    /// ("Curl (Dumbbell)", "Cable Fly", "Smith Machine Squat"); a machine when it does not say.
    pub fn guess_from_name(name: &str) -> Equipment {
        let lower = name.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
        if has(&["smith"]) {
            Equipment::SmithMachine
        } else if has(&["machine", "plate loaded", "leg press", "hack squat", "sled"]) {
            Equipment::Machine
        } else if has(&["cable", "pulldown", "pushdown"]) {
            Equipment::Cable
        } else if has(&["dumbbell", "db "]) {
            Equipment::Dumbbell
        } else if has(&["kettlebell"]) {
            Equipment::Kettlebell
        } else if has(&[
            "barbell",
            "ez bar",
            "trap bar",
            "deadlift",
            "squat",
            "clean",
            "snatch",
            "jerk",
            "rdl",
            "bench press",
        ]) {
            Equipment::Barbell
        } else if has(&[
            "bodyweight",
            "pull up",
            "pull-up",
            "chin up",
            "chin-up",
            "dip",
            "push up",
            "push-up",
            "crunch",
            "raise",
        ]) {
            Equipment::Bodyweight
        } else {
            Equipment::Machine
        }
    }

    /// Free weights break form under fatigue; machines, cables and bodyweight are safe to take to
    /// failure (METHOD.md section 3).
    pub fn failure_class(self) -> FailureClass {
        match self {
            Equipment::Barbell | Equipment::Dumbbell | Equipment::Kettlebell => FailureClass::Technical,
            Equipment::Machine | Equipment::Cable | Equipment::Bodyweight | Equipment::SmithMachine => {
                FailureClass::Safe
            }
        }
    }

    /// The usual smallest load increase.
    pub fn load_step(self) -> LoadStep {
        match self {
            Equipment::Barbell | Equipment::SmithMachine | Equipment::Bodyweight => LoadStep::hundredths(250, 500),
            Equipment::Dumbbell | Equipment::Kettlebell => LoadStep::hundredths(200, 500),
            Equipment::Cable => LoadStep::hundredths(250, 500),
            Equipment::Machine => LoadStep::hundredths(500, 1000),
        }
    }
}

/// Where failure is safe to chase (METHOD.md section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailureClass {
    /// Machines, cables, stable movements: RIR 0-1 is fine.
    Safe,
    /// Technical free-weight lifts: keep 1-2 reps in reserve.
    Technical,
}

/// A target band of reps in reserve, in whole reps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RirTarget {
    /// Closest to failure the set should go.
    pub low: u8,
    /// Furthest from failure the set may stop.
    pub high: u8,
}

impl FailureClass {
    /// The default RIR band for the class.
    pub fn target_rir(self) -> RirTarget {
        match self {
            FailureClass::Safe => RirTarget { low: 0, high: 1 },
            FailureClass::Technical => RirTarget { low: 1, high: 2 },
        }
    }
}

impl fmt::Display for RirTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.low == self.high { write!(f, "{}", self.low) } else { write!(f, "{}-{}", self.low, self.high) }
    }
}

/// The smallest real load increase, in each unit, read exactly as written (to the hundredth).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(try_from = "RawLoadStep")]
pub struct LoadStep {
    /// Step in kilograms.
    pub kg: Load,
    /// Step in pounds.
    pub lb: Load,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLoadStep {
    kg: Load,
    lb: Load,
}

impl TryFrom<RawLoadStep> for LoadStep {
    type Error = String;

    fn try_from(raw: RawLoadStep) -> Result<LoadStep, String> {
        let real = |v: Load| v.hundredths() > 0 && v.hundredths() <= 50 * 100;
        if real(raw.kg) && real(raw.lb) {
            Ok(LoadStep { kg: raw.kg, lb: raw.lb })
        } else {
            Err("a load step is the smallest plate, pin or dumbbell jump: more than 0 and at most 50".into())
        }
    }
}

impl LoadStep {
    /// A step given in hundredths of a kilogram and of a pound.
    pub fn hundredths(kg: i64, lb: i64) -> LoadStep {
        LoadStep { kg: Load::from_hundredths(kg), lb: Load::from_hundredths(lb) }
    }
}

/// The longest name stored for an exercise or a plan day.
pub const MAX_NAME_CHARS: usize = 200;

/// Reads a name: one line, cleaned of control characters and invisible formatting
/// ([`super::text::clean_line`]), not blank, at most 200 characters.
pub fn deserialize_name<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let name = super::text::clean_line(&String::deserialize(deserializer)?);
    if name.is_empty() {
        return Err(serde::de::Error::custom("a name cannot be empty"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(serde::de::Error::custom(format!("a name is at most {MAX_NAME_CHARS} characters")));
    }
    Ok(name)
}

/// Reads a list of names (aliases, a day's activities): each cleaned as a name, blank ones left out.
pub fn deserialize_lines<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let lines = Vec::<String>::deserialize(deserializer)?;
    Ok(lines.iter().map(|l| super::text::clean_line(l)).filter(|l| !l.is_empty()).collect())
}

impl LoadStep {
    /// The step in the given unit.
    pub fn in_unit(self, unit: Unit) -> Load {
        match unit {
            Unit::Kg => self.kg,
            Unit::Lb => self.lb,
        }
    }
}

/// One exercise of the catalogue (or of a plan's own definitions).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Its name, as shown.
    #[serde(deserialize_with = "deserialize_name")]
    pub name: String,
    /// Other names it goes by.
    #[serde(default, deserialize_with = "deserialize_lines")]
    pub aliases: Vec<String>,
    /// Muscles counted fully.
    pub primary: Vec<Muscle>,
    /// Muscles counted half.
    #[serde(default)]
    pub secondary: Vec<Muscle>,
    /// What it is lifted with.
    pub equipment: Equipment,
    /// Whether failure is safe to chase on it.
    pub failure_class: FailureClass,
    /// Smallest real load increase.
    pub load_step: LoadStep,
    /// Default rest between working sets.
    #[serde(deserialize_with = "deserialize_rest")]
    pub rest: Duration,
    /// Done one side at a time (a one-arm row, a split squat): its sets read "each side", or
    /// left and right apart.
    #[serde(default)]
    pub per_side: bool,
    /// What a set records: reps (the default), a time, a distance or both.
    #[serde(default)]
    pub measures: Measures,
    /// Whether its sets count as effective hypertrophy sets, when the catalogue says; else
    /// [`Measures::effective_by_default`].
    #[serde(default)]
    pub effective: Option<bool>,
}

impl Exercise {
    /// Whether a working set of it close to failure counts as an effective set: every lift, and
    /// a hold, carry or cardio only when the catalogue says `effective = true`.
    pub fn counts_as_effective(&self) -> bool {
        self.effective.unwrap_or_else(|| self.measures.effective_by_default())
    }
}

/// Parses a rest time: `90`, `90s`, `2m`, `2m30s`, `2:30`.
pub fn parse_rest(text: &str) -> Option<Duration> {
    let text = text.trim().to_ascii_lowercase();
    if text.is_empty() {
        return None;
    }
    if let Some((minutes, seconds)) = text.split_once(':') {
        let minutes: u64 = minutes.parse().ok()?;
        let seconds: u64 = seconds.parse().ok()?;
        return (seconds < 60).then_some(minutes.checked_mul(60)?.checked_add(seconds)?).map(Duration::from_secs);
    }
    if let Ok(seconds) = text.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let mut total = 0u64;
    let mut digits = String::new();
    let mut seen_unit = false;
    for c in text.chars() {
        match c {
            '0'..='9' => digits.push(c),
            'm' | 's' if !digits.is_empty() => {
                let n: u64 = digits.parse().ok()?;
                let seconds = if c == 'm' { n.checked_mul(60)? } else { n };
                total = total.checked_add(seconds)?;
                digits.clear();
                seen_unit = true;
            }
            ' ' => {}
            _ => return None,
        }
    }
    (digits.is_empty() && seen_unit).then(|| Duration::from_secs(total))
}

/// Formats a rest time the way [`parse_rest`] reads it back: `90s`, `2m`, `2m30s`.
pub fn format_rest(rest: Duration) -> String {
    let secs = rest.as_secs();
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s}s"),
        (m, 0) => format!("{m}m"),
        (m, s) => format!("{m}m{s:02}s"),
    }
}

/// Reads a rest time from either a number of seconds or a string such as `"2m30s"`.
pub fn deserialize_rest<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Duration, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Seconds(u64),
        Text(String),
    }
    let rest = match Raw::deserialize(deserializer)? {
        Raw::Seconds(s) => Duration::from_secs(s),
        Raw::Text(t) => parse_rest(&super::text::clean_line(&t)).ok_or_else(|| {
            let t = super::text::escape(&t);
            serde::de::Error::custom(format!("'{t}' is not a rest time; write it like \"90s\", \"2m\" or \"2m30s\""))
        })?,
    };
    if rest > Duration::from_secs(30 * 60) {
        return Err(serde::de::Error::custom("a rest longer than 30 minutes is not a rest"));
    }
    Ok(rest)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    exercise: Vec<Exercise>,
}

/// Every known exercise, looked up by name or alias, case-insensitively.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogue {
    exercises: Vec<Exercise>,
    by_key: HashMap<String, usize>,
}

/// The catalogue shipped with hardset.
pub const SHIPPED_CATALOGUE: &str = include_str!("../../assets/exercises.toml");

/// How names are compared: what shows, case aside (runs of whitespace are one space; control
/// characters and invisible formatting do not count).
fn key(name: &str) -> String {
    super::text::clean_line(name).to_lowercase()
}

impl Catalogue {
    /// The shipped catalogue. It is checked by the test suite, so a parse failure here is a
    /// build defect, not user input.
    pub fn shipped() -> Catalogue {
        Catalogue::parse(SHIPPED_CATALOGUE).unwrap_or_default()
    }

    /// Parses a catalogue file.
    pub fn parse(text: &str) -> Result<Catalogue, toml::de::Error> {
        let file: CatalogueFile = toml::from_str(text)?;
        let mut catalogue = Catalogue::default();
        for exercise in file.exercise {
            catalogue.insert(exercise);
        }
        Ok(catalogue)
    }

    /// This catalogue with the log's own exercises it does not know (imported or made by the
    /// lifter), so their sets count for their muscles; a name it knows keeps its entry.
    #[must_use]
    pub fn with_own(&self, own: impl IntoIterator<Item = CustomExercise>) -> Catalogue {
        let mut known = self.clone();
        for custom in own {
            if known.get(&custom.name).is_none() {
                known.insert(custom.to_exercise());
            }
        }
        known
    }

    /// Adds (or replaces, by name) an exercise.
    pub fn insert(&mut self, exercise: Exercise) {
        let name_key = key(&exercise.name);
        // Replace only an exercise of the same name. A new name that happens to be another
        // exercise's alias adds a new exercise and takes that spelling over, leaving the other
        // exercise (and its failure class) alone.
        let same_name = self.by_key.get(&name_key).copied().filter(|&i| key(&self.exercises[i].name) == name_key);
        let index = match same_name {
            Some(i) => {
                self.exercises[i] = exercise;
                i
            }
            None => {
                self.exercises.push(exercise);
                self.exercises.len() - 1
            }
        };
        self.by_key.insert(name_key, index);
        for alias in &self.exercises[index].aliases {
            self.by_key.entry(key(alias)).or_insert(index);
        }
    }

    /// The exercise with this name or alias.
    pub fn get(&self, name: &str) -> Option<&Exercise> {
        self.by_key.get(&key(name)).map(|&i| &self.exercises[i])
    }

    /// All exercises, in catalogue order.
    pub fn all(&self) -> &[Exercise] {
        &self.exercises
    }

    /// The catalogue name closest to `name`: the shortest name containing it as typed ("bench"
    /// finds "Barbell bench press"), else the nearest by edit distance over names and aliases;
    /// never the opposite movement ("Hip adduction" is not "Hip abduction").
    pub fn closest(&self, name: &str) -> Option<&str> {
        let wanted = key(name);
        if wanted.chars().count() >= 3
            && let Some(containing) = self
                .exercises
                .iter()
                .map(|e| e.name.as_str())
                .filter(|n| key(n).contains(&wanted) && !similar::opposed(name, n))
                .min_by_key(|n| (n.chars().count(), *n))
        {
            return Some(containing);
        }
        self.by_key
            .iter()
            .filter(|(k, _)| !similar::opposed(name, k))
            .map(|(k, &i)| (edit_distance(&wanted, k), &self.exercises[i].name))
            .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
            .filter(|(d, _)| *d <= wanted.chars().count().max(4) / 2 + 2)
            .map(|(_, n)| n.as_str())
    }
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rest_times_read_as_lifters_write_them() {
        assert_eq!(parse_rest("90s"), Some(Duration::from_secs(90)));
        assert_eq!(parse_rest("2m30s"), Some(Duration::from_secs(150)));
        assert_eq!(parse_rest("2:30"), Some(Duration::from_secs(150)));
        assert_eq!(parse_rest("3m"), Some(Duration::from_secs(180)));
        assert_eq!(parse_rest("120"), Some(Duration::from_secs(120)));
        assert_eq!(parse_rest("soon"), None);
        assert_eq!(parse_rest("2x"), None);
        assert_eq!(parse_rest("307445734561825861:00"), None, "overflow is refused, not wrapped");
        assert_eq!(parse_rest("99999999999999999999m"), None);
        assert_eq!(format_rest(Duration::from_secs(150)), "2m30s");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("lat pulldown", "lat pulldown"), 0);
    }
}

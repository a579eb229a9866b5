//! Exercises the catalogue does not know, kept in the log: brought by an import, or made by the
//! lifter in the app or with `hardset exercises add`, and the checks a new one's answers pass.

use std::time::Duration;

use super::{Equipment, Exercise, FailureClass, Measures, Muscle};
use crate::model::text::clean_line;

/// An exercise the lifter logged that the catalogue does not know (from an import, or made in the
/// app or with `hardset exercises add`), kept in the log with what the source said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomExercise {
    /// Its name, as the source wrote it.
    pub name: String,
    /// Muscles it counts for, from the source's category where it has one; may be empty.
    pub muscles: Vec<Muscle>,
    /// What it is lifted with, read from its name.
    pub equipment: Equipment,
    /// Where it came from, e.g. "FitNotes import", "app", "cli".
    pub source: String,
    /// Whether it is technical (keep 1-2 reps in reserve) or safe to take to failure, as the
    /// lifter said when making it; `None` leaves it to its equipment (an import's).
    pub technical: Option<bool>,
}

impl CustomExercise {
    /// The catalogue entry: its muscles counted fully, the failure class the lifter gave it (else
    /// its equipment's), the load step of its equipment, two minutes' rest.
    pub fn to_exercise(&self) -> Exercise {
        Exercise {
            name: self.name.clone(),
            aliases: Vec::new(),
            primary: self.muscles.clone(),
            secondary: Vec::new(),
            equipment: self.equipment,
            failure_class: self.failure_class(),
            load_step: self.equipment.load_step(),
            rest: Duration::from_secs(120),
            per_side: false,
            measures: Measures::Reps,
            effective: None,
        }
    }

    /// `Zercher squat (barbell; quads, glutes; technical: keep 1-2 in reserve)`.
    pub fn summary(&self) -> String {
        let muscles: Vec<&str> = self.muscles.iter().map(|m| m.name()).collect();
        let muscles = if muscles.is_empty() { "no muscles".to_string() } else { muscles.join(", ") };
        let class = match self.failure_class() {
            FailureClass::Technical => "technical: keep 1-2 in reserve",
            FailureClass::Safe => "safe to take to failure",
        };
        format!("{} ({}; {muscles}; {class})", self.name, self.equipment.name())
    }

    /// Technical or safe: as the lifter said, else as its equipment is.
    pub fn failure_class(&self) -> FailureClass {
        match self.technical {
            Some(true) => FailureClass::Technical,
            Some(false) => FailureClass::Safe,
            None => self.equipment.failure_class(),
        }
    }
}

/// The longest name of an exercise of the lifter's own, in characters (the log's limit).
pub const OWN_NAME_MAX: usize = 200;

/// A new exercise's name as typed, as the log keeps it (control characters out, one space
/// between words), or why it cannot be one.
pub fn own_exercise_name(text: &str) -> Result<String, String> {
    let name = clean_line(text);
    match name.chars().count() {
        0 => Err("type the exercise's name".into()),
        n if n > OWN_NAME_MAX => Err(format!("a name is at most {OWN_NAME_MAX} characters; this one has {n}")),
        _ => Ok(name),
    }
}

/// The equipment named, or the kinds there are.
pub fn parse_equipment(text: &str) -> Result<Equipment, String> {
    Equipment::parse(text).ok_or_else(|| {
        let kinds: Vec<&str> = Equipment::ALL.iter().map(|e| e.name()).collect();
        format!("no equipment \"{}\": one of {}", super::super::text::escape(text.trim()), kinds.join(", "))
    })
}

/// Muscles named in a comma-separated list (each once, in the order screens list them), or the
/// muscles there are.
pub fn parse_muscles(list: &str) -> Result<Vec<Muscle>, String> {
    let names = || Muscle::ALL.iter().map(|m| m.name()).collect::<Vec<_>>().join(", ");
    let mut muscles = Vec::new();
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some(muscle) = Muscle::parse(part) else {
            return Err(format!("no muscle \"{}\": one or more of {}", super::super::text::escape(part), names()));
        };
        muscles.push(muscle);
    }
    if muscles.is_empty() {
        return Err(format!("name one or more muscles, commas between: {}", names()));
    }
    muscles.sort();
    muscles.dedup();
    Ok(muscles)
}

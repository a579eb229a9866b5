//! A plan's set technique: `technique = "drop"` (or `"rest-pause"`, `"myo-reps"`) on an exercise
//! carries its last working set on past failure, as the method allows on safe exercises.
//!
//! ```toml
//! [[day.exercise]]
//! name = "Machine chest press"
//! reps = "8-12"
//! technique = "drop"
//! ```
//!
//! Refused, at the value's line and column: a name that is none of the three, a technique on a
//! technical lift (the method keeps 1-2 reps in reserve there, so nothing goes past failure),
//! and one on a hold, carry or cardio (they have no reps to carry on).

use std::ops::Range;

use toml::Spanned;

use super::PlanError;
use crate::model::exercise::{Exercise, FailureClass};
use crate::model::session::Technique;
use crate::model::text;

/// Reads `technique` as written, against the exercise it is on.
pub(super) fn planned_technique(
    written: Option<&Spanned<String>>,
    exercise: &Exercise,
    error_at: &impl Fn(Range<usize>, String) -> PlanError,
) -> Result<Option<Technique>, PlanError> {
    let Some(written) = written else {
        return Ok(None);
    };
    let span = written.span();
    let Some(technique) = read(written.get_ref()) else {
        return Err(error_at(
            span,
            format!(
                "'{}' is not a set technique; write \"drop\", \"rest-pause\" or \"myo-reps\"",
                text::escape(written.get_ref())
            ),
        ));
    };
    let name = &exercise.name;
    if !exercise.measures.is_reps() {
        return Err(error_at(span, format!("{name} is not a lift of reps: a {technique} carries on a set of reps")));
    }
    if exercise.failure_class == FailureClass::Technical {
        return Err(error_at(
            span,
            format!(
                "{name} is a technical lift: the method keeps 1-2 reps in reserve on it, so a {technique} \
                 (past failure) belongs on a safe exercise such as a machine or cable"
            ),
        ));
    }
    Ok(Some(technique))
}

/// The names a plan may use: the stored ones and how lifters say them.
fn read(text: &str) -> Option<Technique> {
    let key: String = text.trim().to_lowercase().chars().map(|c| if c == ' ' || c == '_' { '-' } else { c }).collect();
    match key.as_str() {
        "drop" | "drop-set" | "dropset" => Some(Technique::Drop),
        "rest-pause" | "restpause" | "rp" => Some(Technique::RestPause),
        "myo-reps" | "myo" | "myoreps" | "myo-rep" => Some(Technique::MyoReps),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::read;
    use crate::model::session::Technique;

    #[test]
    fn lifters_names_for_each_technique_read_as_it() {
        for (text, technique) in [
            ("drop", Technique::Drop),
            ("Drop set", Technique::Drop),
            ("dropset", Technique::Drop),
            ("rest-pause", Technique::RestPause),
            ("Rest pause", Technique::RestPause),
            ("myo-reps", Technique::MyoReps),
            ("myo", Technique::MyoReps),
        ] {
            assert_eq!(read(text), Some(technique), "{text}");
        }
        for text in ["", "drops", "superset", "failure", "giant set"] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}

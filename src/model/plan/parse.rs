//! Reading a plan file: the TOML as written, checked and resolved against the catalogue, with
//! every mistake located by line and column.

use std::ops::Range;
use std::path::Path;
use std::time::Duration;

use chrono::Weekday;
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use super::group;
use super::range::{RawRange, parse_range};
use super::rung::parse_rung;
use super::{
    DayKind, EXAMPLE_WEEK, Plan, PlanDay, PlanDefaults, PlanError, PlanNames, PlannedExercise, RepRange, Schedule,
    default_ramp_up, fingerprint, line_column,
};
use crate::model::exercise::{Catalogue, Exercise, RirTarget};
use crate::model::text;
use crate::model::units::Unit;

fn deserialize_opt_rest<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
    crate::model::exercise::deserialize_rest(d).map(Some)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    name: Spanned<String>,
    #[serde(default = "one_set")]
    sets: Spanned<i64>,
    reps: Option<Spanned<RawRange>>,
    /// A hold's or cardio's target time (`"45s"`, `"7:45"`), for an exercise that measures one.
    time: Option<Spanned<String>>,
    /// A carry's or cardio's target distance (`"40m"`, `"2 km"`).
    distance: Option<Spanned<String>>,
    rir: Option<Spanned<RawRange>>,
    #[serde(default, deserialize_with = "deserialize_opt_rest")]
    rest: Option<Duration>,
    #[serde(default)]
    ramp_up: Option<bool>,
    #[serde(default)]
    ramp_up_ladder: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    key: bool,
    #[serde(default)]
    group: Option<Spanned<toml::Value>>,
    /// A set technique after the last working set: `"drop"`, `"rest-pause"`, `"myo-reps"`.
    technique: Option<Spanned<String>>,
    /// A note pinned to the exercise: seat height, grip, cues.
    #[serde(default, deserialize_with = "deserialize_note")]
    note: String,
}

fn one_set() -> Spanned<i64> {
    Spanned::new(0..0, 1)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDay {
    #[serde(deserialize_with = "crate::model::exercise::deserialize_name")]
    name: String,
    #[serde(default)]
    kind: DayKind,
    weekday: Option<Spanned<String>>,
    #[serde(default, deserialize_with = "crate::model::exercise::deserialize_lines")]
    activities: Vec<String>,
    #[serde(default)]
    exercise: Vec<Spanned<RawExercise>>,
    #[serde(default, deserialize_with = "deserialize_note")]
    note: String,
}

/// A note: tabs and line breaks kept, control characters and invisible formatting taken out.
fn deserialize_note<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(text::clean_note(&String::deserialize(d)?).into_owned())
}

/// The plan's name: one line, cleaned; it may be empty.
fn deserialize_line<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(text::clean_line(&String::deserialize(d)?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    #[serde(deserialize_with = "deserialize_line")]
    name: String,
    schedule: Schedule,
    #[serde(default)]
    unit: Option<Unit>,
    #[serde(default, deserialize_with = "deserialize_opt_rest")]
    ramp_up_rest: Option<Duration>,
    #[serde(default)]
    exercise: Vec<Exercise>,
    #[serde(default)]
    day: Vec<Spanned<RawDay>>,
}

fn parse_weekday(text: &str) -> Option<Weekday> {
    let lower = text::clean_line(text).to_ascii_lowercase();
    let short = lower.get(..3)?;
    let day = match short {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    };
    let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    (lower.len() == 3 || full.contains(&lower.as_str())).then_some(day)
}

impl Plan {
    /// The shipped example week.
    pub fn example_week(catalogue: &Catalogue) -> Result<Plan, PlanError> {
        Plan::parse(EXAMPLE_WEEK, "<shipped example week>", catalogue)
    }

    /// Reads a plan file.
    pub fn load(path: &Path, catalogue: &Catalogue) -> Result<Plan, PlanError> {
        let text = std::fs::read_to_string(path).map_err(|e| PlanError {
            path: path.display().to_string(),
            line: 1,
            column: 1,
            message: format!("cannot read the plan: {e}"),
        })?;
        Plan::parse(&text, &path.display().to_string(), catalogue)
    }

    /// Parses a plan, resolving exercise names against the catalogue and the plan's own
    /// `[[exercise]]` definitions.
    pub fn parse(text: &str, path: &str, catalogue: &Catalogue) -> Result<Plan, PlanError> {
        let error_at = |span: Range<usize>, message: String| {
            let (line, column) = line_column(text, span.start);
            PlanError { path: path.to_string(), line, column, message }
        };
        let raw: RawPlan =
            toml::from_str(text).map_err(|e| error_at(e.span().unwrap_or(0..0), describe_toml_error(e.message())))?;
        let mut known = catalogue.clone();
        let own_exercises: Vec<String> = raw.exercise.iter().map(|e| e.name.to_lowercase()).collect();
        for own in raw.exercise {
            known.insert(own);
        }
        if raw.day.is_empty() {
            return Err(error_at(0..0, "the plan has no days; add at least one [[day]]".into()));
        }
        let mut days = Vec::with_capacity(raw.day.len());
        for spanned_day in raw.day {
            let day = resolve_day(spanned_day, raw.schedule, &days, &known, &error_at)?;
            days.push(day);
        }
        let defaults = PlanDefaults::default();
        let mut plan = Plan {
            fingerprint: String::new(),
            exercises: known,
            name: raw.name,
            schedule: raw.schedule,
            unit: raw.unit.unwrap_or(defaults.unit),
            ramp_up_rest: raw.ramp_up_rest.unwrap_or(defaults.ramp_up_rest),
            names: PlanNames {
                unit: raw.unit.is_some(),
                ramp_up_rest: raw.ramp_up_rest.is_some(),
                exercises: own_exercises,
            },
            working_rest: defaults.working_rest,
            days,
        };
        // The fingerprint is of the plan file alone: changing a setting is not a new revision.
        plan.fingerprint = fingerprint(&plan.content());
        Ok(plan)
    }
}

/// One day of the plan, checked against the schedule and the days before it, its exercises
/// resolved against every exercise the plan knows.
fn resolve_day(
    spanned_day: Spanned<RawDay>,
    schedule: Schedule,
    earlier: &[PlanDay],
    known: &Catalogue,
    error_at: &impl Fn(Range<usize>, String) -> PlanError,
) -> Result<PlanDay, PlanError> {
    let day_span = spanned_day.span();
    let raw_day = spanned_day.into_inner();
    let weekday = day_weekday(&raw_day, day_span.clone(), schedule, error_at)?;
    if let Some(w) = weekday
        && let Some(other) = earlier.iter().find(|d| d.weekday == Some(w))
    {
        let span = raw_day.weekday.as_ref().map_or(day_span, Spanned::span);
        return Err(error_at(
            span,
            format!("'{}' and '{}' both fall on {w}; give each day its own weekday", other.name, raw_day.name),
        ));
    }
    if raw_day.kind == DayKind::Training && raw_day.exercise.is_empty() {
        return Err(error_at(day_span, format!("training day '{}' has no exercises", raw_day.name)));
    }
    if raw_day.kind != DayKind::Training && !raw_day.exercise.is_empty() {
        return Err(error_at(
            raw_day.exercise[0].get_ref().name.span(),
            format!("'{}' is a {} day; lifting belongs on a training day", raw_day.name, raw_day.kind.label()),
        ));
    }
    // A label written as anything but text (`group = 1`) is refused as a label, as it reads.
    let labels: Vec<Option<(String, Range<usize>)>> = raw_day
        .exercise
        .iter()
        .map(|e| {
            e.get_ref()
                .group
                .as_ref()
                .map(|g| (g.get_ref().as_str().map_or_else(|| g.get_ref().to_string(), str::to_string), g.span()))
        })
        .collect();
    let written: Vec<_> = raw_day
        .exercise
        .iter()
        .zip(&labels)
        .map(|(e, l)| group::Written {
            label: l.as_ref().map(|(l, span)| (l.as_str(), span.clone())),
            name: e.get_ref().name.get_ref(),
        })
        .collect();
    let groups = group::check(&written).map_err(|(span, message)| error_at(span, message))?;
    let mut exercises = Vec::with_capacity(raw_day.exercise.len());
    for (raw_exercise, group) in raw_day.exercise.into_iter().zip(groups) {
        let table = raw_exercise.span();
        exercises
            .push(PlannedExercise { group, ..resolve_exercise(raw_exercise.into_inner(), table, known, error_at)? });
    }
    Ok(PlanDay {
        name: raw_day.name,
        kind: raw_day.kind,
        weekday,
        activities: raw_day.activities,
        exercises,
        note: raw_day.note,
    })
}

/// The day's weekday: required in a weekday plan, refused in a rotation.
fn day_weekday(
    raw_day: &RawDay,
    day_span: Range<usize>,
    schedule: Schedule,
    error_at: &impl Fn(Range<usize>, String) -> PlanError,
) -> Result<Option<Weekday>, PlanError> {
    match (&raw_day.weekday, schedule) {
        (Some(w), Schedule::Weekdays) => Ok(Some(parse_weekday(w.get_ref()).ok_or_else(|| {
            let shown = text::escape(w.get_ref());
            error_at(w.span(), format!("'{shown}' is not a day of the week; write mon, tue, ..."))
        })?)),
        (Some(w), Schedule::Rotation) => Err(error_at(
            w.span(),
            "a rotation plan follows the last day trained; remove the weekday or set schedule = \"weekdays\"".into(),
        )),
        (None, Schedule::Weekdays) => {
            Err(error_at(day_span, format!("day '{}' needs a weekday in a weekday plan", raw_day.name)))
        }
        (None, Schedule::Rotation) => Ok(None),
    }
}

fn resolve_exercise(
    raw: RawExercise,
    table: Range<usize>,
    known: &Catalogue,
    error_at: &impl Fn(Range<usize>, String) -> PlanError,
) -> Result<PlannedExercise, PlanError> {
    let name_span = raw.name.span();
    let name = raw.name.into_inner();
    let Some(exercise) = known.get(&name) else {
        let hint = match known.closest(&name) {
            Some(close) => format!("; did you mean '{close}'?"),
            None => "; define it in an [[exercise]] table of the plan".into(),
        };
        let name = text::escape(&name);
        return Err(error_at(name_span, format!("unknown exercise '{name}'{hint}")));
    };
    let sets = *raw.sets.get_ref();
    if !(1..=10).contains(&sets) {
        return Err(error_at(
            raw.sets.span(),
            format!("{sets} working sets: use 1 to 10 (one or two hard sets is the method)"),
        ));
    }
    let (timed, (low, high)) = super::timed::targets((&raw.reps, &raw.time, &raw.distance), exercise, table, error_at)?;
    let ramp_up_ladder = match raw.ramp_up_ladder {
        Some(_) if raw.ramp_up == Some(false) => {
            return Err(error_at(
                name_span,
                "ramp_up = false and a ramp_up_ladder contradict each other; keep one".into(),
            ));
        }
        Some(rungs) if rungs.is_empty() => {
            return Err(error_at(name_span, "ramp_up_ladder is empty; name its rungs or set ramp_up = false".into()));
        }
        Some(rungs) => Some(
            rungs
                .iter()
                .map(|r| parse_rung(r.get_ref()).map_err(|m| error_at(r.span(), m)))
                .collect::<Result<Vec<_>, _>>()?,
        ),
        None => None,
    };
    let technique = super::technique::planned_technique(raw.technique.as_ref(), exercise, error_at)?;
    let rir = match raw.rir {
        Some(r) => {
            let span = r.span();
            let (low, high) = parse_range(r.get_ref(), 10, "reps-in-reserve target").map_err(|m| error_at(span, m))?;
            RirTarget { low: low as u8, high: high as u8 }
        }
        None => exercise.failure_class.target_rir(),
    };
    Ok(PlannedExercise {
        name: exercise.name.clone(),
        sets: sets as u8,
        reps: RepRange { low, high },
        rir,
        rest: raw.rest.unwrap_or(exercise.rest),
        own_rest: raw.rest.is_some(),
        ramp_up: raw.ramp_up.unwrap_or(default_ramp_up(exercise.equipment) && exercise.measures.is_reps())
            || ramp_up_ladder.is_some(),
        ramp_up_ladder,
        key: raw.key,
        failure_class: exercise.failure_class,
        equipment: exercise.equipment,
        load_step: exercise.load_step,
        group: None,
        measures: exercise.measures,
        target_seconds: timed.seconds,
        target_distance: timed.distance,
        technique,
        note: raw.note,
    })
}

/// Turns the TOML parser's wording into a lifter's sentence where it is cryptic.
fn describe_toml_error(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        return format!(
            "{field} is not a setting here; {}",
            rest.split_once(", expected ").map_or(String::new(), |(_, e)| format!("expected {e}"))
        );
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("{rest} is missing here");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, choices) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let choices = choices.replace("one of ", "").replace(" or ", ", ").replace('`', "'");
        return format!("{} is not one of: {choices}", value.replace('`', "'"));
    }
    if message.contains("untagged enum RawRange") {
        return "write whole numbers: a range such as \"6-10\" or a single number such as 8".into();
    }
    if message.starts_with("invalid type") && message.contains("expected a boolean") {
        return "write true or false".into();
    }
    if message.starts_with("invalid basic string") || message.starts_with("invalid literal string") {
        return "this text has no closing quote".into();
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_read_short_and_long() {
        assert_eq!(parse_weekday("Mon"), Some(Weekday::Mon));
        assert_eq!(parse_weekday("thursday"), Some(Weekday::Thu));
        assert_eq!(parse_weekday("thurs"), None);
        assert_eq!(parse_weekday("xx"), None);
    }
}

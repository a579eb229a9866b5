//! Training plans in TOML: a rotation of days or fixed weekdays, each with its exercises.

use std::fmt::{self, Write as _};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Weekday;
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use super::exercise::{Catalogue, Equipment, Exercise, FailureClass, LoadStep, RirTarget};
use super::units::Unit;
use crate::training::ramp::{Rung, parse_rung};

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

#[derive(Deserialize)]
#[serde(untagged)]
enum RawRange {
    One(u16),
    Text(String),
}

fn parse_range(raw: &RawRange, max: u16, what: &str) -> Result<(u16, u16), String> {
    let (low, high) = match raw {
        RawRange::One(n) => (*n, *n),
        RawRange::Text(text) => {
            let parse = |s: &str| s.trim().parse::<u16>().ok();
            match text.split_once('-') {
                Some((a, b)) => match (parse(a), parse(b)) {
                    (Some(a), Some(b)) => (a, b),
                    _ => return Err(format!("'{text}' is not a {what}; write it like \"6-10\"")),
                },
                None => match parse(text) {
                    Some(n) => (n, n),
                    None => {
                        return Err(format!("'{text}' is not a {what}; write it like \"6-10\""));
                    }
                },
            }
        }
    };
    if low > high {
        return Err(format!("the {what} {low}-{high} runs backwards; write the smaller number first"));
    }
    if high > max {
        return Err(format!("a {what} above {max} is not a working set"));
    }
    Ok((low, high))
}

fn deserialize_opt_rest<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
    super::exercise::deserialize_rest(d).map(Some)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    name: Spanned<String>,
    #[serde(default = "one_set")]
    sets: Spanned<i64>,
    reps: Spanned<RawRange>,
    rir: Option<Spanned<RawRange>>,
    #[serde(default, deserialize_with = "deserialize_opt_rest")]
    rest: Option<Duration>,
    #[serde(default)]
    ramp_up: Option<bool>,
    #[serde(default)]
    ramp_up_ladder: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    key: bool,
}

fn one_set() -> Spanned<i64> {
    Spanned::new(0..0, 1)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDay {
    #[serde(deserialize_with = "super::exercise::deserialize_name")]
    name: String,
    #[serde(default)]
    kind: DayKind,
    weekday: Option<Spanned<String>>,
    #[serde(default, deserialize_with = "super::exercise::deserialize_lines")]
    activities: Vec<String>,
    #[serde(default)]
    exercise: Vec<RawExercise>,
    #[serde(default, deserialize_with = "deserialize_note")]
    note: String,
}

/// A note: tabs and line breaks kept, control characters and invisible formatting taken out.
fn deserialize_note<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(super::text::clean_note(&String::deserialize(d)?).into_owned())
}

/// The plan's name: one line, cleaned; it may be empty.
fn deserialize_line<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(super::text::clean_line(&String::deserialize(d)?))
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
    let lower = super::text::clean_line(text).to_ascii_lowercase();
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

/// The default rest after a ramp-up set.
pub const DEFAULT_RAMP_UP_REST: Duration = Duration::from_secs(60);

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
            let day_span = spanned_day.span();
            let raw_day = spanned_day.into_inner();
            let weekday = match (&raw_day.weekday, raw.schedule) {
                (Some(w), Schedule::Weekdays) => Some(parse_weekday(w.get_ref()).ok_or_else(|| {
                    let shown = super::text::escape(w.get_ref());
                    error_at(w.span(), format!("'{shown}' is not a day of the week; write mon, tue, ..."))
                })?),
                (Some(w), Schedule::Rotation) => {
                    return Err(error_at(
                        w.span(),
                        "a rotation plan follows the last day trained; remove the weekday or set schedule = \"weekdays\"".into(),
                    ));
                }
                (None, Schedule::Weekdays) => {
                    return Err(error_at(
                        day_span,
                        format!("day '{}' needs a weekday in a weekday plan", raw_day.name),
                    ));
                }
                (None, Schedule::Rotation) => None,
            };
            if let Some(w) = weekday
                && let Some(other) = days.iter().find(|d: &&PlanDay| d.weekday == Some(w))
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
                    raw_day.exercise[0].name.span(),
                    format!("'{}' is a {} day; lifting belongs on a training day", raw_day.name, raw_day.kind.label()),
                ));
            }
            let mut exercises = Vec::with_capacity(raw_day.exercise.len());
            for raw_exercise in raw_day.exercise {
                exercises.push(resolve_exercise(raw_exercise, &known, &error_at)?);
            }
            days.push(PlanDay {
                name: raw_day.name,
                kind: raw_day.kind,
                weekday,
                activities: raw_day.activities,
                exercises,
                note: raw_day.note,
            });
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
        plan.fingerprint = crate::training::recovery::fingerprint(&plan.content());
        Ok(plan)
    }

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
    /// else with its catalogue defaults.
    pub fn planned(&self, name: &str) -> Option<PlannedExercise> {
        self.find_exercise(name).cloned().or_else(|| {
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
            ramp_up: default_ramp_up(exercise.equipment),
            ramp_up_ladder: None,
            key: false,
            failure_class: exercise.failure_class,
            equipment: exercise.equipment,
            load_step: exercise.load_step,
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
        }
    }
}

fn default_ramp_up(equipment: Equipment) -> bool {
    !matches!(equipment, Equipment::Bodyweight | Equipment::Cable | Equipment::Kettlebell)
}

fn resolve_exercise(
    raw: RawExercise,
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
        let name = super::text::escape(&name);
        return Err(error_at(name_span, format!("unknown exercise '{name}'{hint}")));
    };
    let sets = *raw.sets.get_ref();
    if !(1..=10).contains(&sets) {
        return Err(error_at(
            raw.sets.span(),
            format!("{sets} working sets: use 1 to 10 (one or two hard sets is the method)"),
        ));
    }
    let reps_span = raw.reps.span();
    let (low, high) = parse_range(raw.reps.get_ref(), 100, "rep range").map_err(|m| error_at(reps_span.clone(), m))?;
    if low == 0 {
        return Err(error_at(reps_span, "a rep range starts at 1 or more".into()));
    }
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
        ramp_up: raw.ramp_up.unwrap_or(default_ramp_up(exercise.equipment)) || ramp_up_ladder.is_some(),
        ramp_up_ladder,
        key: raw.key,
        failure_class: exercise.failure_class,
        equipment: exercise.equipment,
        load_step: exercise.load_step,
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
    fn line_and_column_count_from_one() {
        let text = "a = 1\nbb = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, 9), (2, 4));
    }

    #[test]
    fn weekdays_read_short_and_long() {
        assert_eq!(parse_weekday("Mon"), Some(Weekday::Mon));
        assert_eq!(parse_weekday("thursday"), Some(Weekday::Thu));
        assert_eq!(parse_weekday("thurs"), None);
        assert_eq!(parse_weekday("xx"), None);
    }
}

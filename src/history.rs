//! History as the screens and the command line see it: past sessions and, for each exercise of
//! a session, its working sets in the session's week beside those of the week before.

use std::fmt::Write as _;

mod bodyweight;
mod celebrate;
mod seek;
mod timed;

pub use celebrate::record_on_save;
pub use seek::{Seek, week_with_sessions};
pub use timed::{TimedHistory, TimedSet, TimedWeek, timed_history};

use chrono::NaiveDate;

use crate::clock::Clock;
use crate::model::session::{LoggedSet, SetKind};
use crate::model::units::{Effort, Rir};
use crate::store::{Store, StoreError};
use crate::training::compare::week_bounds;
use crate::training::e1rm::{Formula, estimate_set};
use crate::training::records::new_records_over;

/// One exercise of a session against its last session of the week before.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekComparison {
    /// Exercise name.
    pub exercise: String,
    /// The local date of last week's session, if the exercise was trained last week.
    pub last_date: Option<NaiveDate>,
    /// Working sets of the exercise's last session in the week before.
    pub last_week: Vec<LoggedSet>,
    /// The local date of this session.
    pub this_date: NaiveDate,
    /// Working sets of this session.
    pub this_week: Vec<LoggedSet>,
    /// Ramp-up sets this session (shown apart, never compared).
    pub ramp_ups: Vec<LoggedSet>,
    /// Sets of this session that were records when lifted (none in a deload week).
    pub records: Vec<i64>,
    /// Best RIR-adjusted e1RM last time and this time.
    pub best_e1rm: (Option<f64>, Option<f64>),
    /// The week before was a deload week (lighter on purpose).
    pub last_deload: bool,
}

/// For every exercise of `session_id` (in the order trained), its working sets beside those of
/// the same exercise's last session in the previous ISO week, so sets pair up one to one.
pub fn compare_weeks(
    store: &Store,
    clock: &dyn Clock,
    formula: Formula,
    session_id: i64,
) -> Result<(NaiveDate, Vec<WeekComparison>), StoreError> {
    let session = store.session(session_id)?;
    let date = clock.local_date(session.started_at);
    let (monday, _) = week_bounds(date);
    let previous_monday = monday - chrono::Days::new(7);
    let from_last = clock.midnight(previous_monday);
    let from_this = clock.midnight(monday);
    let sets = store.session_sets(session_id)?;
    let deloads = store.deload_weeks()?;
    let deload = deloads.iter().any(|d| d.monday == monday);
    let last_deload = deloads.iter().any(|d| d.monday == previous_monday);
    let mut comparisons = Vec::new();
    for exercise in store.session_exercises(session_id)? {
        let last_all = store.exercise_sets_between(&exercise, from_last, from_this)?;
        let last_session = last_all.iter().filter(|s| s.entry.counts()).map(|s| s.session_id).next_back();
        let last_week: Vec<LoggedSet> = last_all
            .into_iter()
            .filter(|s| Some(s.session_id) == last_session && s.entry.kind == SetKind::Working)
            .collect();
        let mine = sets.iter().filter(|s| s.entry.exercise == exercise);
        let ramp_ups: Vec<LoggedSet> = mine.clone().filter(|s| s.entry.kind == SetKind::RampUp).cloned().collect();
        let this_week: Vec<LoggedSet> = mine.filter(|s| s.entry.kind == SetKind::Working).cloned().collect();
        let records = records_when_lifted(store, clock, &exercise, &this_week, session.started_at, deload, formula)?;
        let best_e1rm = (
            bodyweight::best_e1rm(store, clock, &last_week, formula)?,
            bodyweight::best_e1rm(store, clock, &this_week, formula)?,
        );
        comparisons.push(WeekComparison {
            records,
            best_e1rm,
            last_deload,
            exercise,
            last_date: last_week.first().map(|s| clock.local_date(s.session_started_at)),
            last_week,
            this_date: date,
            this_week,
            ramp_ups,
        });
    }
    Ok((monday, comparisons))
}

/// The sessions started in the week of `monday` (newest first), and whether it was a deload week.
pub fn week_sessions(
    store: &Store,
    clock: &dyn Clock,
    monday: NaiveDate,
) -> Result<(Vec<crate::model::session::SessionSummary>, bool), StoreError> {
    let (monday, next) = week_bounds(monday);
    let sessions = store.sessions_between(clock.midnight(monday), clock.midnight(next))?;
    let deload = store.deload_weeks()?.iter().any(|d| d.monday == monday);
    Ok((sessions, deload))
}

/// The sets among `new` that were records when lifted: none in a deload week. What came before
/// is read as two short summaries from the store, not set by set.
fn records_when_lifted(
    store: &Store,
    clock: &dyn Clock,
    exercise: &str,
    new: &[LoggedSet],
    before: chrono::DateTime<chrono::Utc>,
    deload: bool,
    formula: Formula,
) -> Result<Vec<i64>, StoreError> {
    let Some(unit) = new.first().map(|s| s.entry.weight.unit) else { return Ok(Vec::new()) };
    if deload {
        return Ok(Vec::new());
    }
    if new.iter().any(|s| s.entry.basis.is_bodyweight()) {
        return bodyweight::records_when_lifted(store, clock, exercise, new, before, formula);
    }
    let (candidates, most_reps) = store.exercise_bests_before(exercise, unit, before)?;
    let same_unit: Vec<LoggedSet> = new.iter().filter(|s| s.entry.weight.unit == unit).cloned().collect();
    Ok(new_records_over(&candidates, &most_reps, &same_unit, formula))
}

/// Every exercise trained in the week starting `monday` (in the order first trained), its
/// working sets of the whole week beside those of the week before, set by set.
pub fn compare_whole_weeks(
    store: &Store,
    clock: &dyn Clock,
    formula: Formula,
    monday: NaiveDate,
) -> Result<Vec<WeekComparison>, StoreError> {
    let (monday, next) = week_bounds(monday);
    let previous = monday - chrono::Days::new(7);
    let this_week = store.sets_between(clock.midnight(monday), clock.midnight(next))?;
    let last_week = store.sets_between(clock.midnight(previous), clock.midnight(monday))?;
    let deloads = store.deload_weeks()?;
    let deload = deloads.iter().any(|d| d.monday == monday);
    let last_deload = deloads.iter().any(|d| d.monday == previous);
    let mut names: Vec<String> = Vec::new();
    for set in &this_week {
        if !names.contains(&set.entry.exercise) {
            names.push(set.entry.exercise.clone());
        }
    }
    let of = |sets: &[LoggedSet], name: &str, kind: SetKind| -> Vec<LoggedSet> {
        sets.iter().filter(|s| s.entry.exercise == name && s.entry.kind == kind).cloned().collect()
    };
    let mut comparisons = Vec::new();
    for exercise in names {
        let this = of(&this_week, &exercise, SetKind::Working);
        let last = of(&last_week, &exercise, SetKind::Working);
        let records = records_when_lifted(store, clock, &exercise, &this, clock.midnight(monday), deload, formula)?;
        comparisons.push(WeekComparison {
            last_deload,
            last_date: None,
            this_date: monday,
            best_e1rm: (
                bodyweight::best_e1rm(store, clock, &last, formula)?,
                bodyweight::best_e1rm(store, clock, &this, formula)?,
            ),
            ramp_ups: of(&this_week, &exercise, SetKind::RampUp),
            records,
            last_week: last,
            this_week: this,
            exercise,
        });
    }
    Ok(comparisons)
}

/// Everything about one exercise: its weekly trend, records and every working set.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseDetail {
    /// The exercise.
    pub exercise: String,
    /// The unit of its newest set (the trend and records use that unit).
    pub unit: crate::model::units::Unit,
    /// Week by week, oldest first.
    pub weeks: Vec<crate::training::records::WeekPoint>,
    /// Its records.
    pub records: crate::training::records::Records,
    /// Every set, newest first (ramp-ups included, marked by their kind).
    pub sets: Vec<LoggedSet>,
    /// The ids of the sets done in a deload week, which hold no best.
    pub in_deload: std::collections::HashSet<i64>,
}

/// Reads one exercise's whole history (an index range on the exercise) and applies the rules:
/// `effective_rir_halves` is the settings' RIR (in half reps) at or under which a working set is
/// effective, for each week's effective sets; `known` the exercise's catalogue entry, which
/// says whether its sets count at all.
pub fn exercise_detail(
    store: &Store,
    formula: crate::training::e1rm::Formula,
    effective_rir_halves: u8,
    clock: &dyn Clock,
    exercise: &str,
    known: Option<&crate::model::exercise::Exercise>,
) -> Result<ExerciseDetail, StoreError> {
    // All time: a log may hold sets from before 1970 (nobody's, but nothing forbids them).
    let from = chrono::DateTime::<chrono::Utc>::MIN_UTC;
    let sets = store.exercise_sets_between(exercise, from, clock.now() + chrono::Duration::seconds(1))?;
    let deloads: Vec<NaiveDate> = store.deload_weeks()?.into_iter().map(|d| d.monday).collect();
    let unit = sets
        .iter()
        .rev()
        .find(|s| s.entry.kind == SetKind::Working)
        .map_or_else(Default::default, |s| s.entry.weight.unit);
    // A set counts on the day its session started, even after midnight.
    let week_of = |s: &LoggedSet| week_bounds(clock.local_date(s.session_started_at)).0;
    let body = bodyweight::body_weights(store, clock, &sets)?;
    let e1rm =
        |s: &LoggedSet| bodyweight::e1rm(formula, body.as_ref(), clock.local_date(s.session_started_at), &s.entry);
    let mut weeks = crate::training::records::weekly_points_with(&sets, e1rm, unit, &deloads, week_of);
    let effective = crate::training::volume::effective_set_ids(&sets, known, effective_rir_halves);
    crate::training::records::count_effective_sets(&mut weeks, &sets, |s| effective.contains(&s.id), week_of);
    let records = crate::training::records::records_with(&sets, e1rm, unit, &deloads, week_of);
    let in_deload = sets.iter().filter(|s| deloads.contains(&week_of(s))).map(|s| s.id).collect();
    let mut sets = sets;
    sets.reverse();
    Ok(ExerciseDetail { exercise: exercise.to_string(), unit, weeks, records, sets, in_deload })
}

/// One exercise's history for the shell.
#[derive(Debug, serde::Serialize)]
pub struct HistoryReport {
    /// Exercise name.
    pub exercise: String,
    /// Unit of the figures.
    pub unit: &'static str,
    /// The e1RM formula.
    pub formula: &'static str,
    /// Newest week first.
    pub weeks: Vec<HistoryWeek>,
    /// The best e1RM ever and the set that made it.
    pub best_e1rm: Option<HistorySet>,
    /// Most reps at each load, heaviest first.
    pub best_reps: Vec<HistorySet>,
    /// For a hold, a carry or cardio: what it measures, week by week, and its bests (it has no
    /// e1RM). Set by the caller with [`timed_history`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timed: Option<TimedHistory>,
}

/// One week of an exercise.
#[derive(Debug, serde::Serialize)]
pub struct HistoryWeek {
    /// ISO week, such as "2026-W48".
    pub week: String,
    /// Its Monday.
    pub monday: NaiveDate,
    /// A deload week (no records, kept out of trends).
    pub deload: bool,
    /// Best RIR-adjusted e1RM.
    pub best_e1rm: f64,
    /// Change from the week before it (when both are normal weeks).
    pub change: Option<f64>,
    /// The heaviest set.
    pub top_set: HistorySet,
    /// Working sets that week.
    pub working_sets: usize,
}

/// A set as the shell sees it.
#[derive(Debug, serde::Serialize)]
pub struct HistorySet {
    /// Local date.
    pub date: NaiveDate,
    /// Load.
    pub weight: f64,
    /// Reps.
    pub reps: u16,
    /// Reps in reserve.
    pub rir: Option<f64>,
    /// The e1RM (for the best-e1RM record).
    pub e1rm: Option<f64>,
    /// For a set on body weight, the stored basis (`bw+`: `weight` is the belt; `bw-`: the
    /// assistance); absent for a set of a load.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<&'static str>,
}

impl HistorySet {
    /// The load as the report writes it: `80 kg`, `BW+10 kg`, `BW-20 kg`, `BW`.
    fn load_in(&self, unit: &str) -> String {
        let load = crate::model::units::Load::from_f64(self.weight).unwrap_or_default();
        match self.basis {
            Some(_) if load.hundredths() == 0 => "BW".into(),
            Some("bw-") => format!("BW-{load} {unit}"),
            Some(_) => format!("BW+{load} {unit}"),
            None => format!("{load} {unit}"),
        }
    }
}

impl HistoryReport {
    /// Builds the report from an exercise's detail: the newest `weeks` weeks.
    pub fn new(detail: &ExerciseDetail, formula: Formula, weeks: usize, clock: &dyn Clock) -> HistoryReport {
        let as_set = |s: &crate::model::session::LoggedSet, e1rm: Option<f64>| HistorySet {
            date: clock.local_date(s.session_started_at),
            weight: s.entry.weight.load.as_f64(),
            reps: s.entry.reps,
            rir: s.entry.rir.map(crate::model::units::Rir::as_f64),
            e1rm,
            basis: s.entry.basis.is_bodyweight().then(|| s.entry.basis.as_str()),
        };
        let points = &detail.weeks;
        let rows = points
            .iter()
            .enumerate()
            .rev()
            .take(weeks)
            .map(|(i, w)| {
                let previous = i.checked_sub(1).and_then(|p| points.get(p));
                let change = previous.filter(|p| !p.deload && !w.deload).map(|p| w.best_e1rm - p.best_e1rm);
                let iso = chrono::Datelike::iso_week(&w.monday);
                HistoryWeek {
                    week: format!("{}-W{:02}", iso.year(), iso.week()),
                    monday: w.monday,
                    deload: w.deload,
                    best_e1rm: (w.best_e1rm * 100.0).round() / 100.0,
                    change: change.map(|c| (c * 100.0).round() / 100.0),
                    top_set: as_set(&w.top, estimate_set(formula, &w.top.entry).map(|e| (e * 100.0).round() / 100.0)),
                    working_sets: w.working_sets,
                }
            })
            .collect();
        HistoryReport {
            exercise: detail.exercise.clone(),
            unit: detail.unit.label(),
            formula: formula.name(),
            weeks: rows,
            best_e1rm: detail.records.best_e1rm.as_ref().map(|(v, s)| as_set(s, Some((v * 100.0).round() / 100.0))),
            best_reps: detail.records.best_reps.iter().map(|(_, _, s)| as_set(s, None)).collect(),
            timed: None,
        }
    }

    /// The report as text: a table of weeks, newest first, then the records.
    pub fn text(&self) -> String {
        self.text_in(Effort::Rir)
    }

    /// [`HistoryReport::text`] with each set's effort in the lifter's scale (`@ 9` as RPE).
    pub fn text_in(&self, effort: Effort) -> String {
        let at = |rir: Option<f64>| {
            rir.and_then(|r| Rir::from_halves((r * 2.0).round() as u8))
                .map(|r| format!(" @ {}", effort.number(r)))
                .unwrap_or_default()
        };
        if let Some(timed) = &self.timed {
            return timed.text_in(effort);
        }
        let unit = self.unit;
        let mut text = format!("{}, week by week (e1RM by {}, in {unit}):\n", self.exercise, self.formula);
        if self.weeks.is_empty() && self.best_reps.is_empty() {
            text.push_str("  not trained yet\n");
            return text;
        }
        if self.weeks.is_empty() {
            // Sets on body weight with no body weight logged: reps, but no e1RM to chart.
            text.push_str("  no e1RM: log your body weight (hardset bodyweight 82.5) to weigh sets on body weight\n");
        } else {
            let _ =
                writeln!(text, "  {:<9} {:>9}  {:<12}  {:<22} {:>4}", "week", "best e1RM", "change", "top set", "sets");
        }
        for w in &self.weeks {
            let change = match (w.deload, w.change) {
                (true, _) => "deload".to_string(),
                (false, Some(c)) if c > 0.0 => format!("better +{c:.1}"),
                (false, Some(c)) if c < 0.0 => format!("worse {c:.1}"),
                (false, Some(_)) => "same".to_string(),
                (false, None) => String::new(),
            };
            let rir = at(w.top_set.rir);
            let top = format!("{} x {}{rir}", w.top_set.load_in(unit), w.top_set.reps);
            let _ = writeln!(
                text,
                "  {:<9} {:>9.1}  {:<12}  {:<22} {:>4}",
                w.week, w.best_e1rm, change, top, w.working_sets
            );
        }
        if let Some(best) = &self.best_e1rm {
            let _ = writeln!(
                text,
                "Best e1RM: {:.1} {unit} ({} x {}{} on {})",
                best.e1rm.unwrap_or_default(),
                best.load_in(unit),
                best.reps,
                at(best.rir),
                best.date.format("%a %-d %b %Y")
            );
        }
        if !self.best_reps.is_empty() {
            let most: Vec<String> =
                self.best_reps.iter().take(6).map(|s| format!("{} x {}", s.load_in(unit), s.reps)).collect();
            let _ = writeln!(text, "Most reps: {}", most.join(", "));
        }
        text
    }
}

//! `hardset history` of a hold, a carry or cardio: no e1RM (they have none), but what the
//! exercise measures, week by week: a hold's longest time, a carry's furthest distance (with its
//! load and time), cardio's furthest distance and best pace, each against the week before, and
//! the bests at the bottom, as the exercise detail shows them. A deload week is marked and sets
//! no best, as for lifts.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::ExerciseDetail;
use crate::clock::Clock;
use crate::model::exercise::Measures;
use crate::model::session::{LoggedSet, SetEntry, SetKind};
use crate::model::units::{Distance, Effort, format_seconds};
use crate::store::{Store, StoreError};
use crate::training::checklist::{best_distance, best_time, pace_text};
use crate::training::compare::week_bounds;

/// The timed history of an exercise, newest week first.
#[derive(Debug, serde::Serialize)]
pub struct TimedHistory {
    /// What the exercise measures: `time`, `distance` or `time+distance`.
    pub measures: &'static str,
    /// Newest week first.
    pub weeks: Vec<TimedWeek>,
    /// The longest time: a hold's, or that of cardio or a carry logged with no distance.
    pub best_time: Option<TimedSet>,
    /// The furthest distance (carries and cardio).
    pub best_distance: Option<TimedSet>,
    /// The fastest pace over at least 10 m (cardio).
    pub best_pace: Option<TimedSet>,
    #[serde(skip)]
    exercise: String,
    #[serde(skip)]
    kind: Measures,
}

/// One week of a hold, carry or cardio.
#[derive(Debug, serde::Serialize)]
pub struct TimedWeek {
    /// ISO week, such as "2026-W48".
    pub week: String,
    /// Its Monday.
    pub monday: NaiveDate,
    /// A deload week (no bests, no change).
    pub deload: bool,
    /// The week's longest time, in seconds.
    pub best_seconds: Option<u32>,
    /// The week's furthest distance, in metres.
    pub best_metres: Option<f64>,
    /// The change of the week's headline figure (seconds for a hold, metres otherwise) from the
    /// week trained before it, when both are normal weeks.
    pub change: Option<f64>,
    /// The set that made the week's headline figure.
    pub best_set: TimedSet,
    /// The week's fastest pace (cardio).
    pub best_pace: Option<TimedSet>,
    /// Working sets that week.
    pub sets: usize,
}

/// A timed set as the shell sees it.
#[derive(Debug, serde::Serialize)]
pub struct TimedSet {
    /// Local date.
    pub date: NaiveDate,
    /// Seconds, when timed.
    pub seconds: Option<u32>,
    /// Metres, when a distance.
    pub metres: Option<f64>,
    /// The load (0 for none).
    pub weight: f64,
    /// Reps, when it has some.
    pub reps: u16,
    /// The pace, when it has a distance and a time: `1:56 /500 m`, `5:30 /km`.
    pub pace: Option<String>,
    /// How the set reads: `50 s at 10 kg`, `2,000 m in 7:45`.
    pub summary: String,
    #[serde(skip)]
    entry: SetEntry,
}

/// Whether `hardset history` shows the exercise as a hold, carry or cardio, and as which: the
/// catalogue says so, or (an exercise it calls a lift, such as an import's own) it has timed
/// sets and no week of lifting.
pub fn measured_as(detail: &ExerciseDetail, measures: Measures) -> Option<Measures> {
    if !measures.is_reps() {
        return Some(measures);
    }
    let timed: Vec<&SetEntry> = working(detail).map(|s| &s.entry).collect();
    if !detail.weeks.is_empty() || timed.is_empty() {
        return None;
    }
    Some(match (best_distance(timed.iter().copied()), timed.iter().any(|s| s.weight.load.hundredths() > 0)) {
        (None, _) => Measures::Time,
        (Some(_), true) => Measures::Distance,
        (Some(_), false) => Measures::TimeDistance,
    })
}

/// The working sets that can hold a best, oldest first: timed, not a technique.
fn working(detail: &ExerciseDetail) -> impl DoubleEndedIterator<Item = &LoggedSet> {
    detail
        .sets
        .iter()
        .rev()
        .filter(|s| s.entry.kind == SetKind::Working && s.entry.technique.is_none() && s.entry.timed_or_distance())
}

/// The longest hold among `sets` (oldest first), the earliest on a tie.
fn longest<'a>(sets: &[&'a LoggedSet]) -> Option<&'a LoggedSet> {
    let best = best_time(sets.iter().map(|s| &s.entry))?;
    sets.iter().copied().find(|s| s.entry.seconds == Some(best))
}

/// The furthest distance among `sets` (oldest first), the earliest on a tie.
fn furthest<'a>(sets: &[&'a LoggedSet]) -> Option<&'a LoggedSet> {
    let best = best_distance(sets.iter().map(|s| &s.entry))?;
    sets.iter().copied().find(|s| s.entry.distance == Some(best))
}

/// The fastest pace among `sets` (oldest first) over 10 m or more, the earliest on a tie.
fn fastest<'a>(exercise: &str, sets: &[&'a LoggedSet]) -> Option<&'a LoggedSet> {
    let paced = sets.iter().copied().filter_map(|s| {
        pace_text(exercise, s.entry.distance, s.entry.seconds)?;
        Some((f64::from(s.entry.seconds?) / s.entry.distance?.metres(), s))
    });
    paced
        .fold(None, |best: Option<(f64, &LoggedSet)>, (pace, s)| match best {
            Some((b, _)) if b <= pace => best,
            _ => Some((pace, s)),
        })
        .map(|(_, s)| s)
}

/// The set of a week (or of all time) that makes its headline figure: a hold's longest time, a
/// carry's or cardio's furthest distance (cardio with no distance: its longest time).
fn headline<'a>(kind: Measures, sets: &[&'a LoggedSet]) -> Option<&'a LoggedSet> {
    match kind {
        Measures::Time | Measures::Reps => longest(sets).or_else(|| furthest(sets)),
        Measures::Distance | Measures::TimeDistance => furthest(sets).or_else(|| longest(sets)),
    }
}

/// The headline figure of a set, to compare week with week: seconds for a hold, metres else.
fn figure(kind: Measures, set: &LoggedSet) -> Option<f64> {
    let metres = set.entry.distance.map(Distance::metres);
    let seconds = set.entry.seconds.map(f64::from);
    match kind {
        Measures::Time | Measures::Reps => seconds,
        Measures::Distance | Measures::TimeDistance => metres,
    }
}

impl TimedHistory {
    /// Builds the history of `detail`, measured as `kind`: the newest `weeks` weeks.
    pub fn new(
        detail: &ExerciseDetail,
        kind: Measures,
        weeks: usize,
        deloads: &[NaiveDate],
        clock: &dyn Clock,
    ) -> TimedHistory {
        let exercise = detail.exercise.as_str();
        let as_set = |s: &LoggedSet| TimedSet {
            date: clock.local_date(s.session_started_at),
            seconds: s.entry.seconds,
            metres: s.entry.distance.map(Distance::metres),
            weight: s.entry.weight.load.as_f64(),
            reps: s.entry.reps,
            pace: pace_text(exercise, s.entry.distance, s.entry.seconds),
            summary: s.entry.summary(),
            entry: s.entry.clone(),
        };
        let week_of = |s: &LoggedSet| week_bounds(clock.local_date(s.session_started_at)).0;
        // Week by week, oldest first: each week's sets.
        let mut by_week: Vec<(NaiveDate, Vec<&LoggedSet>)> = Vec::new();
        for set in working(detail) {
            let monday = week_of(set);
            match by_week.iter_mut().find(|(m, _)| *m == monday) {
                Some((_, sets)) => sets.push(set),
                None => by_week.push((monday, vec![set])),
            }
        }
        by_week.sort_by_key(|(m, _)| *m);
        let mut rows = Vec::new();
        let mut before: Option<(bool, Option<f64>)> = None;
        for (monday, sets) in &by_week {
            let Some(best) = headline(kind, sets) else { continue };
            let deload = deloads.contains(monday);
            let this = figure(kind, best);
            let change = match (before, this) {
                (Some((false, Some(last))), Some(now)) if !deload => Some(((now - last) * 100.0).round() / 100.0),
                _ => None,
            };
            before = Some((deload, this));
            let iso = chrono::Datelike::iso_week(monday);
            rows.push(TimedWeek {
                week: format!("{}-W{:02}", iso.year(), iso.week()),
                monday: *monday,
                deload,
                best_seconds: best_time(sets.iter().map(|s| &s.entry)),
                best_metres: best_distance(sets.iter().map(|s| &s.entry)).map(Distance::metres),
                change,
                best_set: as_set(best),
                best_pace: fastest(exercise, sets).map(as_set),
                sets: sets.len(),
            });
        }
        let newest: Vec<TimedWeek> = rows.into_iter().rev().take(weeks).collect();
        // The bests of all time, outside deload weeks.
        let counted: Vec<&LoggedSet> = working(detail).filter(|s| !deloads.contains(&week_of(s))).collect();
        let hold = matches!(kind, Measures::Time | Measures::Reps);
        let best_distance = furthest(&counted).filter(|_| !hold);
        TimedHistory {
            measures: kind.name(),
            weeks: newest,
            // A hold's best is its time; cardio logged by time alone (30 min on the bike) has
            // no distance, and its longest time stands in.
            best_time: longest(&counted).filter(|_| hold || best_distance.is_none()).map(as_set),
            best_distance: best_distance.map(as_set),
            best_pace: fastest(exercise, &counted).filter(|_| kind == Measures::TimeDistance).map(as_set),
            exercise: exercise.to_string(),
            kind,
        }
    }

    /// The history as text, each set's effort in the lifter's scale.
    pub fn text_in(&self, effort: Effort) -> String {
        let day = |s: &TimedSet| s.date.format("%a %-d %b %Y").to_string();
        let (what, label) = match self.kind {
            Measures::Time | Measures::Reps => ("best time", "best time"),
            Measures::Distance => ("best distance", "distance"),
            Measures::TimeDistance => ("best distance and pace", "distance"),
        };
        let mut text = format!("{}, week by week ({what}):\n", self.exercise);
        if self.weeks.is_empty() {
            text.push_str("  not trained yet\n");
            return text;
        }
        let cardio = self.kind == Measures::TimeDistance;
        let pace_head = if cardio { format!("{:<12}  ", "best pace") } else { String::new() };
        let _ =
            writeln!(text, "  {:<9} {label:>9}  {:<14}  {pace_head}{:<22} {:>4}", "week", "change", "best set", "sets");
        for w in &self.weeks {
            let this = match self.kind {
                Measures::Time | Measures::Reps => w.best_seconds.map(format_seconds),
                _ => w.best_metres.and_then(Distance::from_metres).map(|d| d.to_string()),
            };
            let pace = w.best_pace.as_ref().and_then(|p| p.pace.clone()).unwrap_or_else(|| "-".into());
            let pace = if cardio { format!("{pace:<12}  ") } else { String::new() };
            let _ = writeln!(
                text,
                "  {:<9} {:>9}  {:<14}  {pace}{:<22} {:>4}",
                w.week,
                this.unwrap_or_else(|| "-".into()),
                self.change_text(w),
                w.best_set.entry.summary_in(effort),
                w.sets
            );
        }
        if let Some(s) = &self.best_time {
            // Cardio's longer time is only slower: it is the longest, not the best.
            let what = if cardio { "Longest time" } else { "Best time" };
            let _ = writeln!(text, "{what}: {} ({})", s.entry.summary_in(effort), day(s));
        }
        if let Some(s) = &self.best_distance {
            let _ = writeln!(text, "Best distance: {} ({})", s.entry.summary_in(effort), day(s));
        }
        if let Some(s) = &self.best_pace {
            let pace = s.pace.as_deref().unwrap_or_default();
            let _ = writeln!(text, "Best pace: {pace} ({}, {})", s.entry.summary_in(effort), day(s));
        }
        text.push_str("No e1RM: a time or distance is not a lift.\n");
        text
    }

    /// A week's change from the week before: `better +5 s`, `worse -10 m`, `same`, `deload`.
    fn change_text(&self, week: &TimedWeek) -> String {
        let Some(change) = week.change else {
            return if week.deload { "deload".into() } else { String::new() };
        };
        let amount = |c: f64| match self.kind {
            Measures::Time | Measures::Reps => format_seconds(c.abs().round() as u32),
            _ => Distance::from_metres(c.abs()).map_or_else(String::new, |d| d.to_string()),
        };
        match change {
            c if c > 0.0 => format!("better +{}", amount(c)),
            c if c < 0.0 => format!("worse -{}", amount(c)),
            _ => "same".into(),
        }
    }
}

/// The timed history of `detail` for `hardset history`, when the exercise is a hold, carry or
/// cardio (see [`measured_as`]).
pub fn timed_history(
    store: &Store,
    clock: &dyn Clock,
    detail: &ExerciseDetail,
    measures: Measures,
    weeks: usize,
) -> Result<Option<TimedHistory>, StoreError> {
    let Some(kind) = measured_as(detail, measures) else { return Ok(None) };
    let deloads: Vec<NaiveDate> = store.deload_weeks()?.into_iter().map(|d| d.monday).collect();
    Ok(Some(TimedHistory::new(detail, kind, weeks, &deloads, clock)))
}

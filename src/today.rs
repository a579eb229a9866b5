//! Today's session as the screens and the command line see it: the plan day, the running
//! session, its sets, and the checklist built from them. Reads the store and applies the
//! training rules; knows nothing of the terminal.

pub mod group;
pub mod report;
pub mod technique;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::clock::Clock;
use crate::config::Settings;
use crate::model::plan::{DayKind, Plan, PlanDay, PlannedExercise};
use crate::model::session::SessionFor;
use crate::model::session::{DeloadStyle, DeloadWeek, SetKind};
use crate::model::session::{ExerciseChange, LoggedSet, Session};
use crate::recovery;
use crate::store::{Store, StoreError};
use crate::training::checklist::{self, DayInput, ExerciseToday};
use crate::training::compare::week_bounds;
use crate::training::schedule::{LastPlanDay, todays_day};
use crate::training::warnings::{Warning, WarningKind};
use crate::training::{self, deload, volume};

/// An open session with no set for this long is over: it is closed at its last set.
pub const SESSION_GOES_STALE_AFTER_HOURS: i64 = 12;

/// After midnight, an open session with no set for this long is over.
pub const SESSION_GOES_STALE_OVERNIGHT_HOURS: i64 = 3;

/// Clocks differ by a little (another device, a correction of the system clock): a session that
/// starts up to this long after now is still today's; one further in the future never runs.
pub const CLOCK_SKEW_MINUTES: i64 = 5;

/// Everything the Today screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Today {
    /// Today's local date.
    pub date: NaiveDate,
    /// The plan day's position, `None` for a weekday plan's unplanned day.
    pub day_index: Option<usize>,
    /// The plan day.
    pub day: PlanDay,
    /// The running session, resumed after a restart.
    pub session: Option<Session>,
    /// A session of this day that was already finished today.
    pub finished: Option<Session>,
    /// Sets of the running session, oldest first.
    pub sets: Vec<LoggedSet>,
    /// The checklist.
    pub exercises: Vec<ExerciseToday>,
    /// What the method warns about today: the failure budget, every set to failure, a muscle
    /// pushed past its weekly band, signs of poor recovery, a plan changed too soon.
    pub warnings: Vec<Warning>,
    /// This week is a deload week.
    pub deload: Option<DeloadWeek>,
    /// Exercises of the day that rest this deload week.
    pub rested: Vec<String>,
    /// How long the plan has run.
    pub plan_age: Option<PlanAge>,
    /// The recovery signs (key-lift trend, check-ins, anxiety volume).
    pub signs: recovery::Signs,
    /// The body weight log from the oldest "last time" on, which weighs sets on body weight.
    pub body_weights: crate::training::bodyweight::BodyWeights,
    /// The exercises of the checklist whose pinned note was set from the app (lowercase names):
    /// the app's note is shown instead of the plan's, being the lifter's newer word.
    pub app_notes: Vec<String>,
}

impl Today {
    /// Where a new set goes: the running session, or a new one on today's day.
    pub fn session_for(&self) -> SessionFor {
        match (&self.session, &self.finished) {
            (Some(s), _) => SessionFor::Existing(s.id),
            (None, Some(done)) => SessionFor::Reopen(done.id),
            (None, None) => SessionFor::New { day_name: self.day.name.clone(), day_index: self.day_index },
        }
    }

    /// Sets done and due.
    pub fn progress(&self) -> (usize, usize) {
        checklist::progress(&self.exercises)
    }

    /// The next set to do.
    pub fn current(&self) -> Option<(usize, usize)> {
        checklist::current(&self.exercises)
    }

    /// When the running rest ends, and how long it was set to.
    pub fn rest(&self) -> Option<(DateTime<Utc>, u32)> {
        self.session.as_ref().and_then(|s| s.rest_until.map(|u| (u, s.rest_seconds)))
    }
}

fn unplanned_rest_day(date: NaiveDate) -> PlanDay {
    PlanDay {
        name: format!("{}: no plan day", date.format("%A")),
        kind: DayKind::Rest,
        weekday: None,
        activities: Vec::new(),
        exercises: Vec::new(),
        note: "Nothing is planned for today. Rest, or pick a day with [ and ].".into(),
    }
}

fn day_for(plan: &Plan, index: Option<usize>, date: NaiveDate) -> PlanDay {
    index.and_then(|i| plan.days.get(i)).cloned().unwrap_or_else(|| unplanned_rest_day(date))
}

/// The latest a session can start and still be today's running one: now, give or take the
/// clock skew. A later session has not happened yet.
pub fn running_starts_by(clock: &dyn Clock) -> DateTime<Utc> {
    clock.now() + chrono::Duration::minutes(CLOCK_SKEW_MINUTES)
}

/// Whether a session whose last set (or start) was at `last_activity` is over by now. A last set
/// stamped in the future (beyond the clock skew) came from a wrong clock or a file: that session
/// is over too, or it would take every new set until then.
pub fn session_is_over(clock: &dyn Clock, last_activity: DateTime<Utc>) -> bool {
    let now = clock.now();
    let idle = now - last_activity;
    last_activity > running_starts_by(clock)
        || idle > chrono::Duration::hours(SESSION_GOES_STALE_AFTER_HOURS)
        || (clock.local_date(last_activity) != clock.local_date(now)
            && idle > chrono::Duration::hours(SESSION_GOES_STALE_OVERNIGHT_HOURS))
}

impl Today {
    /// When the running session last saw a set (or started).
    pub fn last_activity(&self) -> Option<DateTime<Utc>> {
        let session = self.session.as_ref()?;
        Some(self.sets.last().map_or(session.started_at, |s| s.logged_at))
    }
}

/// The plan day due on the local day of `clock.now()`, by the plan's schedule and the last plan
/// session started by then: its name and position.
pub fn day_due(store: &Store, plan: &Plan, clock: &dyn Clock) -> Result<(String, Option<usize>), StoreError> {
    let date = clock.local_date(clock.now());
    let last = store.last_plan_session(running_starts_by(clock))?;
    let last_day = last
        .as_ref()
        .and_then(|s| s.day_index.map(|day_index| LastPlanDay { day_index, date: clock.local_date(s.started_at) }));
    let index = todays_day(plan, last_day, date);
    Ok((day_for(plan, index, date).name, index))
}

/// Loads today. `chosen_day` is a day the lifter picked instead of the scheduled one.
pub fn load(
    store: &mut Store,
    plan: &Plan,
    settings: &Settings,
    clock: &dyn Clock,
    chosen_day: Option<usize>,
) -> Result<Today, StoreError> {
    let date = clock.local_date(clock.now());
    let DayInPlay { session, finished, day_index, day } = day_in_play(store, plan, clock, date, chosen_day)?;
    // A session finished earlier today still shows its sets; one more set reopens it.
    let shown = session.as_ref().or(finished.as_ref());
    let (sets, changes) = match shown {
        Some(s) => (store.session_sets(s.id)?, store.exercise_changes(s.id)?),
        None => (Vec::new(), Vec::new()),
    };
    let (mut added, skipped) = added_and_skipped(plan, &day, changes, &sets);
    // A deload week lightens every exercise, and deload weeks never count as "last time".
    let deloads = store.deload_weeks()?;
    let this_monday = week_bounds(date).0;
    let deload = deloads.iter().copied().find(|d| d.monday == this_monday);
    let skip = deload_stretches(clock, &deloads);
    let mut planned_today = day.exercises.clone();
    let mut rested = Vec::new();
    if let Some(deload) = deload {
        rested = deload::lighten_day(&mut planned_today, deload.style);
        deload::lighten_day(&mut added, DeloadStyle::Load);
    }
    let past = past_sets(store, clock, day.exercises.iter().chain(&added), shown.map(|s| s.id), &skip)?;
    let on_body =
        day.exercises.iter().chain(&added).any(|e| e.equipment == crate::model::exercise::Equipment::Bodyweight)
            || past.last_time.values().flatten().any(|s| s.entry.basis.is_bodyweight());
    // The weighted path reads no body weight: only a day with an exercise on body weight does.
    let body_weights = if on_body {
        body_weights_for(store, &past.last_time, clock, date)?
    } else {
        crate::training::bodyweight::BodyWeights::default()
    };
    let mut exercises = checklist::build(&DayInput {
        planned: &planned_today,
        added: &added,
        skipped: &skipped,
        logged: &sets,
        last_time: &past.last_time,
        gear: &settings.equipment.gear(),
        unit: plan.unit,
        deload: deload.map(|d| d.style),
        before_last: &past.before_last,
        missed: &past.missed,
        today: date,
        local_date: &|at| clock.local_date(at),
        rules: settings.progression_rules(),
        body_weights: &body_weights,
    });
    let app_notes = pin_app_notes(store, &mut exercises)?;
    let mut warnings = warnings_for(store, plan, settings, clock, &sets, &exercises)?;
    warnings.extend(layoff_warnings(&exercises));
    let signs = recovery::signs(store, plan, settings, clock, &deloads)?;
    if deload.is_none() {
        warnings.extend(signs.warnings());
    }
    let plan_age = plan_age(store, clock)?;
    warnings.extend(plan_age.as_ref().and_then(PlanAge::warning));
    Ok(Today {
        date,
        day_index,
        day,
        session,
        finished,
        sets,
        exercises,
        warnings,
        deload,
        rested,
        plan_age,
        signs,
        body_weights,
        app_notes,
    })
}

/// Shows each note pinned from the app in place of the plan's; returns whose notes they are
/// (lowercase names).
fn pin_app_notes(store: &Store, exercises: &mut [ExerciseToday]) -> Result<Vec<String>, StoreError> {
    let notes: HashMap<String, String> =
        store.exercise_notes()?.into_iter().map(|(name, note)| (name.to_lowercase(), note)).collect();
    let mut pinned = Vec::new();
    for exercise in exercises {
        let name = exercise.planned.name.to_lowercase();
        if let Some(note) = notes.get(&name) {
            exercise.planned.note.clone_from(note);
            pinned.push(name);
        }
    }
    Ok(pinned)
}

/// The session running now, the plan day it is on, and a session of that day finished earlier
/// today.
struct DayInPlay {
    session: Option<Session>,
    finished: Option<Session>,
    day_index: Option<usize>,
    day: PlanDay,
}

/// Which day today is: the day the lifter picked, else the running session's, else the
/// scheduled one.
fn day_in_play(
    store: &mut Store,
    plan: &Plan,
    clock: &dyn Clock,
    date: NaiveDate,
    chosen_day: Option<usize>,
) -> Result<DayInPlay, StoreError> {
    // A session is over when nothing was logged for 12 hours, or when the date has changed and
    // nothing was logged for 3: a late session crossing midnight stays one session, but an
    // evening session left open does not swallow the next morning's sets. A session that starts
    // in the future never runs, and today's plan day never follows it.
    let starts_by = running_starts_by(clock);
    let session = store.open_session(starts_by, |last_activity| session_is_over(clock, last_activity))?;
    let last = store.last_plan_session(starts_by)?;
    let scheduled = || {
        let last_day = last
            .as_ref()
            .and_then(|s| s.day_index.map(|day_index| LastPlanDay { day_index, date: clock.local_date(s.started_at) }));
        todays_day(plan, last_day, date)
    };
    let day_index = match (&session, chosen_day) {
        (_, Some(chosen)) if chosen < plan.days.len() => Some(chosen),
        (Some(s), _) if s.day_index.is_some_and(|i| i < plan.days.len()) => s.day_index,
        _ => scheduled(),
    };
    let mut day = day_for(plan, day_index, date);
    if let Some(s) = &session
        && s.day_index.is_none_or(|i| i >= plan.days.len())
        && chosen_day.is_none()
    {
        // A session on a day the plan no longer has keeps its own name.
        s.day_name.clone_into(&mut day.name);
    }
    let finished = match &session {
        Some(_) => None,
        None => {
            last.filter(|s| s.ended_at.is_some() && s.day_index == day_index && clock.local_date(s.started_at) == date)
        }
    };
    Ok(DayInPlay { session, finished, day_index, day })
}

/// The exercises added to the session shown, and the names skipped in it.
fn added_and_skipped(
    plan: &Plan,
    day: &PlanDay,
    changes: Vec<(String, ExerciseChange)>,
    sets: &[LoggedSet],
) -> (Vec<PlannedExercise>, Vec<String>) {
    let mut added: Vec<PlannedExercise> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    for (name, change) in changes {
        match change {
            ExerciseChange::Skipped => skipped.push(name),
            ExerciseChange::Added => added.extend(plan.planned(&name)),
        }
    }
    // Sets logged from the shell, or for exercises the plan no longer has, still show.
    for set in sets {
        let name = &set.entry.exercise;
        let known = day.exercises.iter().chain(&added).any(|e| &e.name == name);
        if !known {
            let planned = plan.planned(name).unwrap_or_else(|| {
                let mut unlisted = PlannedExercise::unlisted(name);
                unlisted.rest = plan.working_rest.unwrap_or(unlisted.rest);
                unlisted
            });
            added.push(planned);
        }
    }
    (added, skipped)
}

/// The stretches of time whose sets never count as "last time": each deload week. A deload
/// started mid-week leaves the hard sets before it alone; one marked afterwards (from the
/// shell) covers its whole week.
fn deload_stretches(clock: &dyn Clock, deloads: &[DeloadWeek]) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    deloads
        .iter()
        .map(|d| {
            let (from, to) = (clock.midnight(d.monday), clock.midnight(week_bounds(d.monday).1));
            let start = if d.started_at > from && d.started_at < to { d.started_at } else { from };
            (start, to)
        })
        .collect()
}

/// What each exercise did before today, by name.
struct PastSets {
    /// The working sets of its last session.
    last_time: HashMap<String, Vec<LoggedSet>>,
    /// The working sets of the session before that.
    before_last: HashMap<String, Vec<LoggedSet>>,
    /// Its lightest missed attempt since its last session, with the local date.
    missed: HashMap<String, crate::training::progression::Miss>,
}

/// The last two sessions of each of `exercises` outside the session shown and the `skip`
/// stretches, and any load missed since.
fn past_sets<'a>(
    store: &Store,
    clock: &dyn Clock,
    exercises: impl Iterator<Item = &'a PlannedExercise>,
    session_id: Option<i64>,
    skip: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Result<PastSets, StoreError> {
    let mut last_time: HashMap<String, Vec<LoggedSet>> = HashMap::new();
    let mut before_last: HashMap<String, Vec<LoggedSet>> = HashMap::new();
    let mut missed = HashMap::new();
    for exercise in exercises {
        if !last_time.contains_key(&exercise.name) {
            let mut times = store.last_times(&exercise.name, session_id, skip, 2)?.into_iter();
            let last = times.next().unwrap_or_default();
            if let Some(after) = last.iter().map(|s| s.logged_at).max()
                && let Some(unit) = last.first().map(|s| s.entry.weight.unit)
                && let Some(miss) = store.lightest_miss_after(&exercise.name, after, unit)?
            {
                let date = clock.local_date(miss.logged_at);
                let miss =
                    crate::training::progression::Miss { weight: miss.entry.weight, basis: miss.entry.basis, date };
                missed.insert(exercise.name.clone(), miss);
            }
            last_time.insert(exercise.name.clone(), last);
            before_last.insert(exercise.name.clone(), times.next().unwrap_or_default());
        }
    }
    Ok(PastSets { last_time, before_last, missed })
}

/// The body weight readings the bodyweight targets read: from the earliest last time of an
/// exercise logged on body weight to today (two indexed reads; none without such a set).
fn body_weights_for(
    store: &Store,
    last_time: &HashMap<String, Vec<LoggedSet>>,
    clock: &dyn Clock,
    today: NaiveDate,
) -> Result<crate::training::bodyweight::BodyWeights, StoreError> {
    let earliest = last_time.values().flatten().map(|s| clock.local_date(s.session_started_at)).min().unwrap_or(today);
    let readings = store.body_weights(earliest.min(today), today)?;
    Ok(crate::training::bodyweight::BodyWeights::new(readings.into_iter().map(|r| (r.day, r.weight)).collect()))
}

/// An exercise back after a break says so, until its first set today.
fn layoff_warnings(exercises: &[ExerciseToday]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for exercise in exercises {
        let started = exercise.slots.iter().any(|s| s.kind == SetKind::Working && s.logged.is_some());
        if let (Some(layoff), false) = (exercise.target.layoff, started || exercise.skipped) {
            warnings.push(training::warnings::layoff(&exercise.planned.name, layoff));
        }
    }
    warnings
}

/// How long the plan in use has run, and when the one before it started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanAge {
    /// When the current plan was first used.
    pub since: DateTime<Utc>,
    /// Now.
    pub now: DateTime<Utc>,
    /// When the plan before it was first used, if there was one.
    pub previous_since: Option<DateTime<Utc>>,
}

/// A plan needs this long before it can be judged (METHOD.md section 8).
pub const PLAN_SETTLES_AFTER_DAYS: i64 = 21;

impl PlanAge {
    /// "running 3 weeks", "new this week".
    pub fn describe(&self) -> String {
        let days = (self.now - self.since).num_days();
        match days {
            0..=6 => "new this week".into(),
            7..=13 => "running 1 week".into(),
            _ => format!("running {} weeks", days / 7),
        }
    }

    /// A gentle warning when the plan changed again before the last one had three weeks.
    pub fn warning(&self) -> Option<Warning> {
        let previous = self.previous_since?;
        let lasted = (self.since - previous).num_days();
        let recent = (self.now - self.since).num_days() < 7;
        (recent && lasted < PLAN_SETTLES_AFTER_DAYS).then(|| {
            let text =
                format!("The plan changed again after {lasted} days: give a plan three weeks before judging it.");
            Warning::new(WarningKind::PlanChanged, text)
        })
    }
}

/// Records `plan` as the plan in use now: a new revision, or the current one still being
/// written (see [`training::revisions::starts_new_revision`]).
pub fn record_plan(store: &mut Store, plan: &Plan, clock: &dyn Clock) -> Result<(), StoreError> {
    let now = clock.now();
    store.record_plan_revision(&plan.fingerprint, &plan.name, now, |since, trained| {
        training::revisions::starts_new_revision(since, now, trained)
    })?;
    Ok(())
}

fn plan_age(store: &Store, clock: &dyn Clock) -> Result<Option<PlanAge>, StoreError> {
    let (current, previous) = store.plan_revisions()?;
    Ok(current.map(|c| PlanAge {
        since: c.first_used,
        now: clock.now(),
        previous_since: previous.map(|p| p.first_used),
    }))
}

/// The method's warnings for today, from today's sets, this week's sets and what is left to do.
pub(crate) fn warnings_for(
    store: &Store,
    plan: &Plan,
    settings: &Settings,
    clock: &dyn Clock,
    sets: &[LoggedSet],
    exercises: &[ExerciseToday],
) -> Result<Vec<Warning>, StoreError> {
    let now = clock.now();
    let (monday, _) = week_bounds(clock.local_date(now));
    let week_sets = store.sets_between(clock.midnight(monday), now + chrono::Duration::seconds(1))?;
    // A set carried on by a drop set, rest-pause or myo-reps went to failure (docs/method.md).
    // A left and right pair is one set.
    let week_sets = training::techniques::read_as_failure(&training::techniques::one_per_pair(&week_sets));
    let sets = &training::techniques::read_as_failure(&training::techniques::one_per_pair(sets));
    let threshold = settings.volume.effective_rir_halves();
    let week = volume::weekly_volume(&week_sets, &plan.exercises, threshold);
    let remaining = exercises.iter().filter(|e| !e.skipped).map(|e| {
        let left = e.slots.iter().filter(|s| s.kind == SetKind::Working && s.logged.is_none()).count();
        (e.planned.name.as_str(), u32::try_from(left).unwrap_or(0))
    });
    let planned = volume::planned_volume(remaining, &plan.exercises);
    // Each set's own RIR target: today's day as the checklist has it (a deload's too), and for
    // the rest of the week the plan's.
    let today_target = |name: &str| {
        exercises.iter().map(|e| &e.planned).find(|p| p.name == name).cloned().or_else(|| plan.planned(name))
    };
    let session_targets = training::warnings::own_targets(sets, |name| today_target(name).map(|p| (p.rir, p.sets)));
    let week_targets = training::warnings::own_targets(&week_sets, |name| plan.planned(name).map(|p| (p.rir, p.sets)));
    let mut warnings = training::warnings::failure_budget(sets, &session_targets);
    warnings.extend(training::warnings::technical_failure(sets, |name| {
        today_target(name).map_or(crate::model::exercise::FailureClass::Safe, |p| p.failure_class)
    }));
    warnings.extend(training::warnings::every_set_to_failure(&week_sets, &week_targets));
    warnings.extend(training::warnings::over_the_band(&week, &planned, settings.volume.band()));
    // Today's dose per muscle: what the session gave and what is left of it.
    let mut session = planned;
    for muscle in volume::weekly_volume(sets, &plan.exercises, threshold) {
        *session.entry(muscle.muscle).or_insert(0.0) += muscle.effective;
    }
    warnings.extend(training::warnings::session_dose(
        &session,
        settings.volume.band(),
        settings.recovery.session_dose_share,
    ));
    Ok(warnings)
}

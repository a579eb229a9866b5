//! What a finished session did, said when it is finished: its sets against the plan (working
//! sets and ramp-ups apart, skipped and added exercises named), the records it set (by the rules
//! that say "New record" on save), each muscle it trained with the week's effective sets so far
//! against the weekly band, and the next plan day and when. Reads the store and applies the
//! rules; knows nothing of the terminal.

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::clock::Clock;
use crate::config::Settings;
use crate::model::exercise::Muscle;
use crate::model::plan::{DayKind, Plan};
use crate::model::session::SetKind;
use crate::store::{Store, StoreError};
use crate::today::Today;
use crate::training::compare::week_bounds;
use crate::training::schedule::{LastPlanDay, todays_day};
use crate::training::volume::{Band, band, weekly_volume};

/// How far ahead the next plan day is looked for.
const LOOK_AHEAD_DAYS: u64 = 14;

/// A finished session, in figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Finished {
    /// The plan day it followed.
    pub day_name: String,
    /// When it started and ended.
    pub started_at: DateTime<Utc>,
    /// When it ended.
    pub ended_at: DateTime<Utc>,
    /// Working sets done of the planned exercises, and the sets the plan had for them.
    pub working: (usize, usize),
    /// Ramp-up sets done, and the ramp-ups the checklist had.
    pub ramp_ups: (usize, usize),
    /// Planned exercises skipped today.
    pub skipped: Vec<String>,
    /// Exercises added today, with their working sets done.
    pub added: Vec<(String, usize)>,
    /// Records set: the exercise and what the record was (`82.5 kg x 8, e1RM +2.1 kg`).
    pub records: Vec<(String, String)>,
    /// Each muscle the session trained: the week's effective sets so far and where they stand.
    pub muscles: Vec<MuscleSoFar>,
    /// Exercises worked whose sets count for no muscle (a custom exercise with none named).
    pub uncounted: Vec<String>,
    /// The weekly band of effective sets per muscle.
    pub band: (u8, u8),
    /// The session's week is a deload week: fewer sets are the point.
    pub deload: bool,
    /// The next plan day and its date, and the next training day when that one is not.
    pub next: Option<NextDays>,
}

/// One muscle's week so far.
#[derive(Debug, Clone, PartialEq)]
pub struct MuscleSoFar {
    /// The muscle.
    pub muscle: Muscle,
    /// Effective sets this week so far, this session's included.
    pub effective: f64,
    /// Where they stand against the band.
    pub band: Band,
}

/// What comes next in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextDays {
    /// The next plan day, its kind and date.
    pub next: (String, DayKind, NaiveDate),
    /// The next training day and its date, when the next day is not one.
    pub training: Option<(String, NaiveDate)>,
}

/// The summary of the session `today` shows running, just finished at `ended_at`. `today` is
/// the session as it stood when finished (its checklist, skips and additions).
pub fn finished(
    store: &Store,
    plan: &Plan,
    settings: &Settings,
    clock: &dyn Clock,
    today: &Today,
    ended_at: DateTime<Utc>,
) -> Result<Option<Finished>, StoreError> {
    let Some(session) = &today.session else {
        return Ok(None);
    };
    let (working, ramp_ups, skipped, added) = against_plan(today);
    let mut records = Vec::new();
    for set in today.sets.iter().filter(|s| s.entry.kind == SetKind::Working) {
        if let Some(text) = crate::history::record_on_save(store, clock, set, settings.e1rm.formula)? {
            let what = text.strip_prefix("New record: ").unwrap_or(&text).to_string();
            records.push((set.entry.exercise.clone(), what));
        }
    }
    // The session's week is the week it started in, even when it ran past midnight.
    let (monday, next_monday) = week_bounds(clock.local_date(session.started_at));
    let deload = store.deload_weeks()?.iter().any(|d| d.monday == monday);
    let week_sets = store.sets_between(clock.midnight(monday), clock.midnight(next_monday))?;
    let week = weekly_volume(&week_sets, &plan.exercises, settings.volume.effective_rir_halves());
    let target = settings.volume.band();
    let mut trained: Vec<Muscle> = Vec::new();
    let mut uncounted: Vec<String> = Vec::new();
    for set in today.sets.iter().filter(|s| s.entry.kind == SetKind::Working) {
        let name = &set.entry.exercise;
        let exercise = plan.exercises.get(name);
        let muscles: Vec<Muscle> =
            exercise.map(|e| e.primary.iter().chain(&e.secondary).copied().collect()).unwrap_or_default();
        if muscles.is_empty() && !uncounted.contains(name) {
            uncounted.push(name.clone());
        }
        trained.extend(muscles);
    }
    trained.sort();
    trained.dedup();
    let muscles = trained
        .into_iter()
        .map(|muscle| {
            let effective = week.iter().find(|w| w.muscle == muscle).map_or(0.0, |w| w.effective);
            MuscleSoFar { muscle, effective, band: band(effective, target) }
        })
        .collect();
    Ok(Some(Finished {
        day_name: session.day_name.clone(),
        started_at: session.started_at,
        ended_at,
        working,
        ramp_ups,
        skipped,
        added,
        records,
        muscles,
        uncounted,
        band: target,
        deload,
        next: next_days(store, plan, clock, clock.local_date(session.started_at))?,
    }))
}

/// Working sets and ramp-ups done against the plan, the planned exercises skipped, and the
/// exercises added with their working sets.
#[allow(clippy::type_complexity)]
fn against_plan(today: &Today) -> ((usize, usize), (usize, usize), Vec<String>, Vec<(String, usize)>) {
    let (mut working, mut ramp_ups) = ((0, 0), (0, 0));
    let (mut skipped, mut added) = (Vec::new(), Vec::new());
    for exercise in &today.exercises {
        let done = |kind: SetKind| exercise.slots.iter().filter(|s| s.kind == kind && s.logged.is_some()).count();
        if exercise.added {
            if !exercise.skipped {
                added.push((exercise.planned.name.clone(), done(SetKind::Working)));
            }
            continue;
        }
        if exercise.skipped {
            skipped.push(exercise.planned.name.clone());
            continue;
        }
        working.0 += done(SetKind::Working);
        working.1 += usize::from(exercise.planned.sets);
        ramp_ups.0 += done(SetKind::RampUp);
        ramp_ups.1 += exercise.slots.iter().filter(|s| s.kind == SetKind::RampUp).count();
    }
    (working, ramp_ups, skipped, added)
}

/// The next plan day by the plan's schedule, and the next training day when that one is a rest
/// or recovery day; `None` when the plan has nothing in the next two weeks. It is tomorrow's at
/// the earliest, or today's after a session that started yesterday and ran past midnight.
fn next_days(
    store: &Store,
    plan: &Plan,
    clock: &dyn Clock,
    started: NaiveDate,
) -> Result<Option<NextDays>, StoreError> {
    let last = store.last_plan_session(crate::today::running_starts_by(clock))?;
    let last =
        last.and_then(|s| s.day_index.map(|day_index| LastPlanDay { day_index, date: clock.local_date(s.started_at) }));
    let today = clock.local_date(clock.now());
    let mut next: Option<(String, DayKind, NaiveDate)> = None;
    let first = u64::from(started >= today);
    for ahead in first..=LOOK_AHEAD_DAYS {
        let Some(date) = today.checked_add_days(Days::new(ahead)) else { break };
        let Some(day) = todays_day(plan, last, date).and_then(|i| plan.days.get(i)) else { continue };
        match &next {
            None if day.kind == DayKind::Training => {
                return Ok(Some(NextDays { next: (day.name.clone(), day.kind, date), training: None }));
            }
            None => next = Some((day.name.clone(), day.kind, date)),
            Some(first) if day.kind == DayKind::Training => {
                return Ok(Some(NextDays { next: first.clone(), training: Some((day.name.clone(), date)) }));
            }
            Some(_) => {}
        }
    }
    Ok(next.map(|next| NextDays { next, training: None }))
}

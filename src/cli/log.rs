//! `hardset log`: sets logged from the shell into today's session, or one done earlier, with
//! what the app would have said of them.

mod tokens;
pub(super) mod wording;

use std::io::Write;

use chrono::{DateTime, NaiveDateTime, Utc};

use super::app::load_settings;
use super::{Context, announce, open_to_write, warn};
use crate::clock::{At, Clock, SystemClock};
use crate::config::Settings;
use crate::error::Error;
use crate::model::exercise::{FailureClass, Measures, parse_timed_set_in};
use crate::model::plan::Plan;
use crate::model::session::{SessionFor, SetEntry, SetKind};
use crate::model::units::{Effort, Rir, Unit, Weight};
use crate::store::Store;
use crate::today;
use crate::training::warnings::{FailureConcern, failure_concern};

/// Logs the sets of a `log` command line, into today's session or, with `--at`, the one then.
pub(super) fn run(
    context: &Context,
    exercise: &str,
    sets: &[String],
    ramp: bool,
    unit: Option<Unit>,
    at: Option<NaiveDateTime>,
    form_broke: bool,
) -> Result<(), Error> {
    let (settings, warning) = load_settings(context.explicit_config, &context.paths)?;
    let plan = super::custom::plan_with_log(context, &settings)?;
    // Everything is checked before the database is even opened: bad input writes nothing.
    let mut entries = parse_log_in(&plan, exercise, sets, ramp, unit, settings.entry.effort)?;
    for entry in &mut entries {
        entry.form_broke = form_broke;
    }
    let at = at.map(|local| (local, SystemClock.utc_of_local(local)));
    if let Some((local, at)) = at
        && at > today::running_starts_by(&SystemClock)
    {
        return Err(Error::Input(format!(
            "--at {}: that is in the future; log a set once it is done",
            local.format("%Y-%m-%d %H:%M")
        )));
    }
    let mut store = open_to_write(&context.paths.database)?;
    announce(&store);
    warn(warning);
    let mut out = std::io::stdout();
    match at {
        Some((_, at)) => log_sets_at(&mut store, &plan, &settings, &SystemClock, at, &entries, &mut out),
        None => log_sets(&mut store, &plan, &settings, &SystemClock, &entries, &mut out),
    }
}

/// Checks a `log` command line: the exercise (any name or alias the plan knows) and every set,
/// a bare `@` read as RIR.
pub fn parse_log(
    plan: &Plan,
    exercise: &str,
    sets: &[String],
    ramp: bool,
    unit: Option<Unit>,
) -> Result<Vec<SetEntry>, Error> {
    parse_log_in(plan, exercise, sets, ramp, unit, Effort::Rir)
}

/// Checks a `log` command line, a bare `@` read in the lifter's scale (`@8` is RPE 8, RIR 2, for
/// a lifter who logs RPE; `@rpe8` and `@rir2` name theirs).
pub fn parse_log_in(
    plan: &Plan,
    exercise: &str,
    sets: &[String],
    ramp: bool,
    unit: Option<Unit>,
    effort: Effort,
) -> Result<Vec<SetEntry>, Error> {
    let Some(known) = plan.exercises.get(exercise) else {
        let hint = plan.exercises.closest(exercise).map(|c| format!("; did you mean '{c}'?")).unwrap_or_default();
        let exercise = crate::model::text::escape(exercise);
        return Err(Error::Input(format!("unknown exercise '{exercise}'{hint}")));
    };
    let unit = unit.unwrap_or(plan.unit);
    let kind = if ramp { SetKind::RampUp } else { SetKind::Working };
    let sides = sets
        .iter()
        .map(|text| tokens::side_prefix(text, &known.name, known.per_side))
        .collect::<Result<Vec<_>, _>>()
        .map_err(Error::Input)?;
    let marked: Vec<(Option<crate::model::session::Side>, &str)> =
        sides.iter().zip(sets).map(|((side, _), text)| (*side, text.as_str())).collect();
    tokens::check_pairs(&marked).map_err(Error::Input)?;
    sides
        .into_iter()
        .map(|(side, text)| {
            if !known.measures.is_reps() {
                return timed_entry(&known.name, known.measures, kind, text, unit, effort);
            }
            let (technique, text) = tokens::technique_prefix(text).map_err(Error::Input)?;
            if technique.is_some() && ramp {
                return Err(Error::Input(
                    "a drop set, rest-pause or myo-reps carries on a working set, not a ramp-up".into(),
                ));
            }
            let bodyweight = known.equipment == crate::model::exercise::Equipment::Bodyweight;
            if let Some(why) = wording::misread(text, bodyweight) {
                return Err(Error::Input(why));
            }
            let (basis, load, reps, rir) = super::bodyweight::parse_log_set(text, effort, bodyweight, &known.name)?;
            Ok(SetEntry {
                technique,
                side,
                exercise: known.name.clone(),
                kind,
                weight: Weight::new(load, unit),
                reps,
                rir,
                form_broke: false,
                note: String::new(),
                basis,
                ..Default::default()
            })
        })
        .collect()
}

/// A hold's, carry's or cardio's set from its token (`60s`, `32x40m`, `2000m/7:45`).
fn timed_entry(
    name: &str,
    measures: Measures,
    kind: SetKind,
    text: &str,
    unit: Unit,
    effort: Effort,
) -> Result<SetEntry, Error> {
    let set = parse_timed_set_in(text, measures, effort).map_err(Error::Input)?;
    Ok(SetEntry {
        exercise: name.to_string(),
        kind,
        weight: Weight::new(set.load, unit),
        rir: set.rir,
        seconds: set.seconds,
        distance: set.distance,
        ..Default::default()
    })
}

/// Logs checked sets into today's session, each committed on its own, and starts the rest.
pub fn log_sets(
    store: &mut Store,
    plan: &Plan,
    settings: &Settings,
    clock: &dyn Clock,
    entries: &[SetEntry],
    out: &mut dyn Write,
) -> Result<(), Error> {
    let mut today = today::load(store, plan, settings, clock, None)?;
    let mut session = today.session_for();
    let mut logged = Vec::new();
    let mut entries = entries.iter().peekable();
    while let Some(entry) = entries.next() {
        // Today's day says how the exercise is done; elsewhere the plan or the catalogue does.
        let planned = today.exercises.iter().map(|e| &e.planned).find(|p| p.name == entry.exercise).cloned();
        let rest =
            planned.or_else(|| plan.planned(&entry.exercise)).map_or(0, |p| plan.rest_after(&p, entry.kind).as_secs());
        // In a superset the rest waits for the round's last exercise (today read again after each).
        let mut entry = entry.clone();
        let rest = today::group::in_round(&today, &mut entry, u32::try_from(rest).unwrap_or(0));
        // A left side and its right are committed together.
        if entry.side == Some(crate::model::session::Side::Left)
            && let Some(right) = entries.next_if(|e| e.side == Some(crate::model::session::Side::Right))
        {
            let right = SetEntry { superset: entry.superset.clone(), ..right.clone() };
            let pair = [entry.clone(), right];
            let right = store.log_sides(&session, &pair, clock.now(), rest)?;
            let left = store.session_sets(right.session_id)?.into_iter().rev().nth(1);
            session = SessionFor::Existing(right.session_id);
            logged.extend(left);
            logged.push(right);
            if entry.superset.is_some() {
                today = today::load(store, plan, settings, clock, None)?;
            }
            continue;
        }
        let set = store.log_set(&session, &entry, clock.now(), rest)?;
        session = SessionFor::Existing(set.session_id);
        logged.push(set);
        if entry.superset.is_some() {
            today = today::load(store, plan, settings, clock, None)?;
        }
    }
    say_logged(store, plan, settings, clock, &logged, false, out)
}

/// Logs checked sets done at `at`, after the fact: into the session running then, or a new one
/// on the plan day due that day (see [`Store::log_set_at`]). Sessions started later are not
/// touched.
pub fn log_sets_at(
    store: &mut Store,
    plan: &Plan,
    settings: &Settings,
    clock: &dyn Clock,
    at: DateTime<Utc>,
    entries: &[SetEntry],
    out: &mut dyn Write,
) -> Result<(), Error> {
    let then = At { zone: clock, now: at };
    let (day_name, day_index) = today::day_due(store, plan, &then)?;
    let running = !today::session_is_over(clock, at);
    let mut logged = Vec::new();
    let mut at_once = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        at_once.push(entry.clone());
        // A left side waits for its right: the pair is written together (a left side is always
        // followed by its right: `parse_log_in` checks it).
        if entry.side == Some(crate::model::session::Side::Left) && i + 1 < entries.len() {
            continue;
        }
        logged.extend(store.log_set_at(
            &std::mem::take(&mut at_once),
            at,
            today::running_starts_by(&then),
            |last| today::session_is_over(&then, last),
            (&day_name, day_index, then.midnight(then.local_date(at))),
            running,
        )?);
    }
    say_logged(store, plan, settings, &then, &logged, true, out)
}

/// Says what was logged, and what the app would have said of it: a set to failure where the
/// method keeps reps in reserve, and each warning the sets raised (the failure budget, a week
/// of sets to failure, ...), judged as at the moment they were logged.
fn say_logged(
    store: &Store,
    plan: &Plan,
    settings: &Settings,
    clock: &dyn Clock,
    logged: &[crate::model::session::LoggedSet],
    dated: bool,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let deloads = store.deload_weeks()?;
    for set in logged {
        let monday = crate::training::compare::week_bounds(clock.local_date(set.logged_at)).0;
        let deload_week = deloads.iter().any(|d| d.monday == monday);
        let entry = &set.entry;
        let when = if dated {
            format!(" ({})", clock.local(set.logged_at).format("%a %-d %b %Y %H:%M"))
        } else {
            String::new()
        };
        let effort = settings.entry.effort;
        writeln!(out, "logged {} {}: {}{when}", entry.exercise, entry.kind, entry.summary_in(effort))?;
        let class = plan.exercises.get(&entry.exercise).map_or(FailureClass::Safe, |e| e.failure_class);
        let rir = match entry.technique {
            Some(technique) => crate::training::techniques::named(technique),
            None => entry.rir.or(Rir::whole(0)).map_or_else(String::new, |r| effort.named(r)),
        };
        match failure_concern(entry, class, deload_week) {
            Some(FailureConcern::TechnicalLift) => {
                writeln!(out, "note: {rir} on a technical lift; the method keeps 1-2 reps in reserve there")?;
            }
            Some(FailureConcern::DeloadWeek) => {
                writeln!(out, "note: {rir} in a deload week, which is for recovery")?;
            }
            None => {}
        }
    }
    let (Some(first), Some(last)) = (logged.first(), logged.last()) else { return Ok(()) };
    let ids: Vec<i64> = logged.iter().map(|s| s.id).collect();
    let session: Vec<_> =
        store.session_sets(last.session_id)?.into_iter().filter(|s| s.logged_at <= last.logged_at).collect();
    let before_sets: Vec<_> = session.iter().filter(|s| !ids.contains(&s.id)).cloned().collect();
    let after = At { zone: clock, now: last.logged_at };
    let before = At { zone: clock, now: first.logged_at - chrono::Duration::seconds(1) };
    let had = today::warnings_for(store, plan, settings, &before, &before_sets, &[])?;
    for warning in today::warnings_for(store, plan, settings, &after, &session, &[])? {
        // The note above already said it of the set.
        if !had.contains(&warning) && warning.kind != crate::training::warnings::WarningKind::TechnicalFailure {
            writeln!(out, "warning: {}", warning.text)?;
        }
    }
    Ok(())
}

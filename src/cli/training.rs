//! The commands over the training log: the day due (`today`), the week's dose (`week`), one
//! exercise week by week (`history`), and marking a deload week (`deload`).

use chrono::NaiveDate;

use super::app::{load_plan, load_settings, with_custom};
use super::{Context, announce, open_to_write, say, warn};
use crate::clock::{At, Clock, SystemClock};
use crate::error::Error;
use crate::model::session::DeloadStyle;
use crate::store::Store;
use crate::{history, today, week};

/// `hardset today`: the plan day due (or the `day`th), as the log stood at the start of `date`.
pub(super) fn show_today(
    context: &Context,
    date: Option<NaiveDate>,
    day: Option<usize>,
    json: bool,
) -> Result<(), Error> {
    let (settings, warning) = load_settings(context.explicit_config, &context.paths)?;
    // The log is only read: as it is now, or as it stood when `date` began.
    let (mut store, now) = match date {
        Some(date) => {
            let start = SystemClock.midnight(date);
            (Store::as_it_stood(&context.paths.database, start)?, start)
        }
        None => (Store::open_to_read(&context.paths.database)?, SystemClock.now()),
    };
    announce(&store);
    let plan = load_plan(&context.paths, &with_custom(&context.catalogue, &store)?, &settings)?;
    warn(warning);
    let chosen = match day {
        None => None,
        Some(n) if (1..=plan.days.len()).contains(&n) => Some(n - 1),
        Some(n) => {
            return Err(Error::Input(format!(
                "--day {n}: the plan has {} days; give a number from 1 to {}",
                plan.days.len(),
                plan.days.len()
            )));
        }
    };
    let clock = At { zone: &SystemClock, now };
    let today = today::load(&mut store, &plan, &settings, &clock, chosen)?;
    let report = today::report::TodayReport::new_in(&today, plan.unit, &clock, settings.entry.effort);
    if json {
        say(&serde_json::to_string_pretty(&report).map_err(|e| Error::Input(e.to_string()))?)
    } else {
        say(report.text(&today.day.activities, &today.day.note).trim_end())
    }
}

/// `hardset week`: effective sets per muscle in the week holding `date` (default today).
pub(super) fn show_week(context: &Context, date: Option<NaiveDate>, json: bool) -> Result<(), Error> {
    let store = Store::open_to_read(&context.paths.database)?;
    announce(&store);
    let (settings, warning) = load_settings(context.explicit_config, &context.paths)?;
    let plan = load_plan(&context.paths, &with_custom(&context.catalogue, &store)?, &settings)?;
    warn(warning);
    let date = date.unwrap_or_else(|| SystemClock.local_date(SystemClock.now()));
    let report = week::load_week(&store, &plan, &settings, &SystemClock, date)?;
    if json {
        let text = serde_json::to_string_pretty(&report).map_err(|e| Error::Input(e.to_string()))?;
        say(&text)
    } else {
        say(week::week_text(&report).trim_end())
    }
}

/// `hardset history`: one exercise, the newest `weeks` weeks, and its records.
pub(super) fn show_history(context: &Context, exercise: &str, weeks: u32, json: bool) -> Result<(), Error> {
    let (settings, warning) = load_settings(context.explicit_config, &context.paths)?;
    let plan = super::custom::plan_with_log(context, &settings)?;
    warn(warning);
    let Some(known) = plan.exercises.get(exercise) else {
        let hint = plan.exercises.closest(exercise).map(|c| format!("; did you mean '{c}'?")).unwrap_or_default();
        let exercise = crate::model::text::escape(exercise);
        return Err(Error::Input(format!("unknown exercise '{exercise}'{hint}")));
    };
    let store = Store::open_to_read(&context.paths.database)?;
    announce(&store);
    let detail = history::exercise_detail(
        &store,
        settings.e1rm.formula,
        settings.volume.effective_rir_halves(),
        &SystemClock,
        &known.name,
        Some(known),
    )?;
    let mut report = history::HistoryReport::new(&detail, settings.e1rm.formula, weeks as usize, &SystemClock);
    report.timed = history::timed_history(&store, &SystemClock, &detail, known.measures, weeks as usize)?;
    if json {
        say(&serde_json::to_string_pretty(&report).map_err(|e| Error::Input(e.to_string()))?)
    } else {
        say(only_ramp_ups(&detail, report.text_in(settings.entry.effort)).trim_end())
    }
}

/// "not trained yet" said of an exercise with ramp-up sets logged but no working set says so:
/// ramp-ups are never compared, so they chart nothing and set no record.
fn only_ramp_ups(detail: &history::ExerciseDetail, text: String) -> String {
    use crate::model::session::SetKind;
    let ramp_ups: Vec<_> = detail.sets.iter().filter(|s| s.entry.kind == SetKind::RampUp).collect();
    if ramp_ups.is_empty() || detail.sets.iter().any(|s| s.entry.kind == SetKind::Working) {
        return text;
    }
    // Newest first: the first is the last done.
    let last = SystemClock.local_date(ramp_ups[0].session_started_at).format("%a %-d %b %Y");
    let n = ramp_ups.len();
    let said = format!(
        "no working set yet, only {n} ramp-up set{} (the last on {last}); ramp-ups are never compared and set no record",
        if n == 1 { "" } else { "s" }
    );
    text.replacen("not trained yet", &said, 1)
}

/// `hardset deload`: makes the week holding `date` (default today) a deload week, lighter in
/// sets or with `load` in load, or with `end` a normal week again.
pub(super) fn deload(context: &Context, load: bool, end: bool, date: Option<NaiveDate>) -> Result<(), Error> {
    let mut store = open_to_write(&context.paths.database)?;
    announce(&store);
    let date = date.unwrap_or_else(|| SystemClock.local_date(SystemClock.now()));
    let monday = crate::training::compare::week_bounds(date).0;
    let week = monday.format("%a %-d %b %Y");
    if end {
        let was = store.deload_weeks()?.iter().any(|d| d.monday == monday);
        store.cancel_deload(monday)?;
        if was {
            say(&format!("the week of {week} is no longer a deload week"))?;
        } else {
            say(&format!("the week of {week} was not a deload week; nothing changed"))?;
        }
    } else {
        let style = if load { DeloadStyle::Load } else { DeloadStyle::Volume };
        store.start_deload(monday, style, SystemClock.now())?;
        let how = if load { "about 10% less load" } else { "about half the sets" };
        say(&format!(
            "the week of {week} is a deload week: {how}, 3 or more reps in reserve, no failure; it sets no records and stays out of the decline check"
        ))?;
    }
    Ok(())
}

//! `hardset calc`: training arithmetic from the shell: e1RM, plates, ramp-up ladders.

use std::fmt::Write as _;

use super::app::load_settings;
use super::{Calc, Context, say, warn};
use crate::config::Settings;
use crate::error::Error;
use crate::model::plan::Plan;
use crate::model::units::{Load, Unit, Weight, parse_load, parse_set_in};
use crate::training::e1rm::{self, Formula};
use crate::training::{plates, ramp};

/// `hardset calc ...`, with the plan's unit and the settings' formula and bar.
pub(super) fn run(context: &Context, calc: &Calc) -> Result<(), Error> {
    let (settings, warning) = load_settings(context.explicit_config, &context.paths)?;
    let plan = super::custom::plan_with_log(context, &settings)?;
    warn(warning);
    say(&calculate(calc, &plan, &settings)?)
}

/// Works out a `calc` command; returns the text to print.
pub fn calculate(calc: &Calc, plan: &Plan, settings: &Settings) -> Result<String, Error> {
    match calc {
        Calc::E1rm { set, formula, unit } => e1rm_text(set, *formula, *unit, plan, settings),
        Calc::Plates { weight, unit, bar } => plates_text(weight, *unit, bar.as_deref(), plan, settings),
        Calc::Ramp { weight, exercise, unit } => ramp_text(weight, exercise.as_deref(), *unit, plan, settings),
    }
}

/// The estimated 1RM of `set`, with how many reps it was from failure.
fn e1rm_text(
    set: &str,
    formula: Option<Formula>,
    unit: Option<Unit>,
    plan: &Plan,
    settings: &Settings,
) -> Result<String, Error> {
    let (load, reps, rir) = parse_set_in(set, settings.entry.effort).map_err(Error::Input)?;
    let formula = formula.unwrap_or(settings.e1rm.formula);
    let unit = unit.unwrap_or(plan.unit);
    let estimate = e1rm::estimate(formula, load.as_f64(), reps, rir).ok_or_else(|| {
        let set = crate::model::text::escape(set);
        Error::Input(format!("'{set}' is beyond what an estimate means: keep reps plus RIR at 30 or fewer"))
    })?;
    let to_failure = f64::from(reps) + rir.map_or(0.0, crate::model::units::Rir::as_f64);
    let plural = if (to_failure - 1.0).abs() < f64::EPSILON { "" } else { "s" };
    Ok(format!(
        "{estimate:.2} {unit}  ({}: {load} {unit} x {reps}, {to_failure} rep{plural} to failure)",
        formula.label()
    ))
}

/// The plates per side for `weight` on the bar, or the nearest weights that load.
fn plates_text(
    weight: &str,
    unit: Option<Unit>,
    bar: Option<&str>,
    plan: &Plan,
    settings: &Settings,
) -> Result<String, Error> {
    let unit = unit.unwrap_or(plan.unit);
    let total = parse_load(weight).map_err(|e| Error::Input(e.to_string()))?;
    let mut setup = settings.equipment.bar(unit);
    if let Some(bar) = bar {
        setup.bar = parse_load(bar).map_err(|e| Error::Input(e.to_string()))?;
        if setup.bar.hundredths() == 0 {
            return Err(Error::Input("a bar weighs more than 0".into()));
        }
    }
    let bar_text = format!("a {} {unit} bar", setup.bar);
    Ok(match plates::load_bar(&setup, total) {
        plates::Loading::Exact(side) if side.is_empty() => format!("{total} {unit} is {bar_text}, empty"),
        plates::Loading::Exact(side) => {
            format!("{total} {unit} on {bar_text}: {} per side", plates::describe_side(&side))
        }
        plates::Loading::Nearest { below, above } => {
            let describe = |load: Load| match plates::load_bar(&setup, load) {
                plates::Loading::Exact(side) if side.is_empty() => format!("{load} {unit} (the empty bar)"),
                plates::Loading::Exact(side) => format!("{load} {unit} ({} per side)", plates::describe_side(&side)),
                plates::Loading::Nearest { .. } => format!("{load} {unit}"),
            };
            let options: Vec<String> = below.into_iter().chain(above).map(describe).collect();
            let nearest = if options.is_empty() { "nothing near it".to_string() } else { options.join(" or ") };
            format!("{total} {unit} cannot be loaded exactly on {bar_text} with these plates; nearest: {nearest}")
        }
    })
}

/// The ramp-up ladder towards `weight` for `exercise` (default: the back squat).
fn ramp_text(
    weight: &str,
    exercise: Option<&str>,
    unit: Option<Unit>,
    plan: &Plan,
    settings: &Settings,
) -> Result<String, Error> {
    let unit = unit.unwrap_or(plan.unit);
    let working = Weight::new(parse_load(weight).map_err(|e| Error::Input(e.to_string()))?, unit);
    let planned = match exercise {
        Some(name) => plan.planned(name).ok_or_else(|| {
            let hint = plan.exercises.closest(name).map(|c| format!("; did you mean '{c}'?")).unwrap_or_default();
            let name = crate::model::text::escape(name);
            Error::Input(format!("unknown exercise '{name}'{hint}"))
        })?,
        None => {
            plan.planned("Barbell back squat").ok_or_else(|| Error::Input("name an exercise with --exercise".into()))?
        }
    };
    let loadable = ramp::loadable_for(planned.equipment, &settings.equipment.gear(), planned.load_step, unit);
    let rungs = planned.ramp_up_ladder.clone().unwrap_or_else(|| ramp::default_rungs(planned.equipment));
    let sets = ramp::ladder(Some(working), &rungs, &loadable, unit);
    let mut text = format!("Ramp-up sets for {} towards {working}:", planned.name);
    if sets.is_empty() {
        text.push_str("\n  none: the working weight is already as light as it loads");
    }
    for (i, set) in sets.iter().enumerate() {
        let load = set.weight.map_or_else(|| "light".to_string(), |w| w.to_string());
        let _ = write!(text, "\n  {}. {load} x {}", i + 1, set.reps);
    }
    Ok(text)
}

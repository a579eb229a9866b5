//! Today's target for a bodyweight exercise (chin-ups, dips, assisted pull-ups): the same double
//! progression, read on the whole load lifted (the body weight in force plus the belt, minus
//! the assistance) and worded in what the lifter changes: "add 2.5 kg to the belt", "reduce
//! assistance by 5 kg". With no body weight logged, the target works in reps and added load
//! alone, and says how to log one.

use chrono::NaiveDate;

use super::{Decision, History, Layoff, Miss, Rules, Target, decide, gap_words, last_time_date};
use crate::model::exercise::RirTarget;
use crate::model::plan::{PlannedExercise, RepRange};
use crate::model::session::{Basis, DeloadStyle, SetEntry, from_signed_hundredths, signed_hundredths};
use crate::model::units::{Load, Unit, Weight};
use crate::training::bodyweight::{BodyWeights, effective};
use crate::training::deload::DELOAD_RIR;
use crate::training::ramp::Loadable;

/// What the lifter types to log a body weight, quoted where a target has none to go on.
pub const HOW_TO_LOG: &str = "log your body weight (hardset bodyweight 82.5) to size the steps to your strength";

/// Whether last time's main set is read by the bodyweight rules: a set on the body's weight, or
/// any set of a bodyweight exercise (an older log's "0 kg" is the body alone, its "10 kg" a
/// belt, as the set form shows them).
pub fn is_bodyweight(top: Option<&SetEntry>, bodyweight_exercise: bool) -> bool {
    bodyweight_exercise || top.is_some_and(|t| t.basis.is_bodyweight())
}

/// A plain set on a bodyweight exercise is the body with that load on a belt (none: the body
/// alone).
fn as_bodyweight(entry: &SetEntry) -> SetEntry {
    let basis = if entry.basis == Basis::Load { Basis::BodyPlus } else { entry.basis };
    SetEntry { basis, ..entry.clone() }
}

/// The signed step between two added loads, in words: "add 2.5 kg to the belt", "reduce
/// assistance by 5 kg", "from BW-5 kg to BW+2.5 kg"; `None` when it does not change.
fn change_words(from: i64, to: i64, unit: Unit) -> Option<String> {
    let by = |h: i64| Weight::new(Load::from_hundredths(h.abs()), unit);
    let text = |h: i64| {
        let (basis, load) = from_signed_hundredths(h);
        SetEntry { basis, weight: Weight::new(load, unit), ..Default::default() }.load_text()
    };
    Some(match (from, to) {
        _ if from == to => return None,
        (f, t) if f >= 0 && t >= 0 && t > f => format!("add {} to the belt", by(t - f)),
        (f, t) if f >= 0 && t >= 0 => format!("take {} off the belt", by(f - t)),
        (f, t) if f <= 0 && t <= 0 && t > f => format!("reduce assistance by {}", by(t - f)),
        (f, t) if f <= 0 && t <= 0 => format!("add {} of assistance", by(f - t)),
        (f, t) => format!("from {} to {}", text(f), text(t)),
    })
}

/// The target's load, its reason's aim and the change from last time, from a signed added load.
fn worded(
    signed: i64,
    last_signed: i64,
    unit: Unit,
    reps: u16,
    at_least: bool,
    rir: RirTarget,
) -> (Basis, Weight, String) {
    let (basis, load) = from_signed_hundredths(signed);
    let weight = Weight::new(load, unit);
    let text = SetEntry { weight, basis, ..Default::default() }.load_text();
    let change = change_words(last_signed, signed, unit).map_or_else(String::new, |c| format!(" ({c})"));
    let aim =
        if at_least { format!("{text}, {reps}+ reps, stop with {rir} in reserve") } else { format!("{text} x {reps}") };
    (basis, weight, format!("{change}: {aim}"))
}

/// Today's target for a bodyweight exercise. `step` is its added-load step (the catalogue's
/// `load_step`), `unit` the plan's unit for a first time.
pub fn bodyweight_target(
    planned: &PlannedExercise,
    history: &History<'_>,
    today: NaiveDate,
    step: impl Fn(Unit) -> Load,
    body: &BodyWeights,
    unit: Unit,
    rules: &Rules,
) -> Target {
    let range = planned.reps;
    let Some(top) = history.last.first().map(as_bodyweight) else {
        return Target {
            weight: Some(Weight::new(Load::default(), unit)),
            basis: Basis::BodyPlus,
            reps: range.low,
            at_least: false,
            rir: planned.rir,
            reason: format!(
                "first time: as many clean reps as {range} allows at BW; BW-20 (assisted) if {} is out of reach, BW+5 (a belt) past {}",
                range.low, range.high
            ),
            layoff: None,
        };
    };
    let unit = top.weight.unit;
    let last = match history.last_date.and_then(|d| last_time_date(d, today)) {
        Some(date) => format!("last time ({date}) {}", top.summary_in(rules.effort)),
        None => format!("last time {}", top.summary_in(rules.effort)),
    };
    let last_signed = signed_hundredths(top.basis, top.weight.load);
    let now = body.in_force(today).filter(|w| w.unit == unit);
    let then = history.last_date.and_then(|d| body.around(d)).filter(|w| w.unit == unit).or(now);
    let weighed = now.zip(then).and_then(|(now, then)| {
        let eff = |s: &SetEntry| effective(&as_bodyweight(s), Some(then));
        let last: Vec<SetEntry> = history.last.iter().map(eff).collect::<Option<_>>()?;
        let before = history.before.and_then(eff);
        let eff_history = History { last: &last, last_date: history.last_date, before: before.as_ref(), missed: None };
        let grid = Loadable::offset(now.load, step(unit));
        let decision = decide(planned, &last[0], &eff_history, today, &grid, rules);
        // The rules quote a load only where form broke twice at it: quote it as it was typed.
        let why = decision.why.replace(&last[0].weight.to_string(), &top.load_text());
        let signed = decision.load.hundredths() - now.load.hundredths();
        Some((Decision { why, ..decision }, signed))
    });
    let (decision, signed) = match weighed {
        Some(weighed) => weighed,
        None => unweighed(planned, &top, history, today, step(unit), rules),
    };
    let (decision, signed) =
        under_a_miss(decision, (signed, last_signed), history.missed, (step(unit), unit), &top, planned.reps);
    let (basis, weight, aim) = worded(signed, last_signed, unit, decision.reps, decision.at_least, decision.rir);
    let how = if now.is_some() { String::new() } else { format!("; {HOW_TO_LOG}") };
    Target {
        weight: Some(weight),
        basis,
        reps: decision.reps,
        at_least: decision.at_least,
        rir: decision.rir,
        reason: format!("{last}: {}{aim}{how}", decision.why),
        layoff: decision.layoff,
    }
}

/// A belt or an assistance missed since (0 reps) is never asked for again: the target stays a
/// step under it (less belt, or more assistance): last time's reps again when that is last
/// time's load, else the bottom of the range. A miss logged as a plain load on a bodyweight
/// exercise (an older log) is a belt; one in another unit is not compared.
fn under_a_miss(
    decision: Decision,
    (signed, last_signed): (i64, i64),
    missed: Option<Miss>,
    (step, unit): (Load, Unit),
    top: &SetEntry,
    range: RepRange,
) -> (Decision, i64) {
    let Some(miss) = missed.filter(|m| m.weight.unit == unit) else {
        return (decision, signed);
    };
    let basis = if miss.basis == Basis::Load { Basis::BodyPlus } else { miss.basis };
    let missed_signed = signed_hundredths(basis, miss.weight.load);
    if signed < missed_signed {
        return (decision, signed);
    }
    let load = SetEntry { weight: miss.weight, basis, ..Default::default() }.load_text();
    let why = format!("{load} was missed on {}, so under it", miss.date.format("%-d %b"));
    let under = missed_signed - step.hundredths().max(1);
    let reps = if under == last_signed { top.reps.clamp(range.low, range.high) } else { range.low };
    (Decision { reps, at_least: false, why, ..decision }, under)
}

/// The target with no body weight to weigh the sets: double progression on reps and added
/// load alone, a step at a time (no prediction from an e1RM, which needs the whole load).
/// Returns the decision and the signed added load.
fn unweighed(
    planned: &PlannedExercise,
    top: &SetEntry,
    history: &History<'_>,
    today: NaiveDate,
    step: Load,
    rules: &Rules,
) -> (Decision, i64) {
    let (range, rir) = (planned.reps, planned.rir);
    let held = signed_hundredths(top.basis, top.weight.load);
    let lighter = held - step.hundredths().max(1);
    let heavier = held + step.hundredths().max(1);
    let days = history.last_date.map_or(0, |d| (today - d).num_days());
    let plain = |signed, reps, at_least, why: String| {
        (Decision { load: Load::default(), reps, at_least, rir, why, layoff: None }, signed)
    };
    if days / 7 >= i64::from(rules.layoff_hold_weeks) {
        let gap = gap_words(days);
        let cut = days / 7 >= i64::from(rules.layoff_cut_weeks);
        let (signed, why, rir) = if cut {
            let rir = RirTarget { low: rir.low.max(super::LAYOFF_RIR.low), high: rir.high.max(super::LAYOFF_RIR.high) };
            (
                held.min(lighter),
                format!("last trained {gap}, so a step lighter, bottom of the range, build back over a few sessions"),
                rir,
            )
        } else {
            (held, format!("last trained {gap}, so hold the load and start at the bottom of the range"), rir)
        };
        let layoff = Some(Layoff { days, cut_percent: 0 });
        return (Decision { load: Load::default(), reps: range.low, at_least: false, rir, why, layoff }, signed);
    }
    let again = history.before.is_some_and(|b| b.form_broke && signed_hundredths(b.basis, b.weight.load) == held);
    if top.form_broke && again {
        return plain(
            lighter,
            top.reps.min(range.high).max(1),
            false,
            format!(
                "form broke at {} two sessions running, so lighter and no more than the {} clean reps",
                top.load_text(),
                top.reps
            ),
        );
    }
    if top.form_broke && top.reps >= range.low {
        let reps = top.reps.min(range.high);
        return plain(
            held,
            reps,
            false,
            format!("form broke after {} clean reps, so same load and stop at {reps}, form first", top.reps),
        );
    }
    if top.reps < range.low {
        return plain(
            lighter,
            range.low,
            true,
            format!("{} reps is under {range}, so lighter to reach {}", top.reps, range.low),
        );
    }
    if top.reps >= range.high {
        return plain(heavier, range.low, true, format!("top of {range}, so a step up"));
    }
    let reps = (top.reps + 1).clamp(range.low, range.high);
    plain(held, reps, false, "same load, one more rep".into())
}

/// A deload week's target for a bodyweight exercise: as [`super::deload_target`] on the whole
/// load when the body weight is known, else a step lighter than last time at the bottom of the
/// range; 3-4 in reserve either way.
pub fn bodyweight_deload(
    planned: &PlannedExercise,
    last_working: &[SetEntry],
    style: DeloadStyle,
    step: impl Fn(Unit) -> Load,
    body: &BodyWeights,
    today: NaiveDate,
    rules: &Rules,
) -> Target {
    let rir = RirTarget { low: planned.rir.low.max(DELOAD_RIR.low), high: planned.rir.high.max(DELOAD_RIR.high) };
    let Some(top) = last_working.first().map(as_bodyweight) else {
        let mut target = super::deload_target(planned, &[], style, |u| Loadable::multiples(step(u), step(u)), rules);
        target.basis = Basis::BodyPlus;
        target.weight = None;
        return target;
    };
    let unit = top.weight.unit;
    let last_signed = signed_hundredths(top.basis, top.weight.load);
    let now = body.in_force(today).filter(|w| w.unit == unit);
    let weighed = now.and_then(|now| {
        let last: Vec<SetEntry> =
            last_working.iter().map(|s| effective(&as_bodyweight(s), Some(now))).collect::<Option<_>>()?;
        let grid = Loadable::offset(now.load, step(unit));
        let target = super::deload_target(planned, &last, style, |_| grid.clone(), rules);
        Some((target.weight?.load.hundredths() - now.load.hundredths(), target.reps))
    });
    let (signed, reps) =
        weighed.unwrap_or((last_signed - step(unit).hundredths().max(1), planned.reps.low.min(top.reps.max(1))));
    let (basis, weight, aim) = worded(signed, last_signed, unit, reps, false, rir);
    let how = match style {
        DeloadStyle::Volume => "about half the sets",
        DeloadStyle::Load => "a lighter load",
    };
    Target {
        weight: Some(weight),
        basis,
        reps,
        at_least: false,
        rir,
        reason: format!(
            "deload week: {how}, well under last time's {}{aim}, stop with {rir} in reserve",
            top.summary_in(rules.effort)
        ),
        layoff: None,
    }
}

#[cfg(test)]
mod tests;

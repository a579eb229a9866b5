//! Today's target for an exercise from the last times it was trained: double progression that
//! reads effort, misses, form breaks and layoffs (METHOD.md sections 4 and 9), and deload
//! targets that are plainly doable (section 6).

use chrono::{Datelike, NaiveDate};

use crate::model::exercise::RirTarget;
use crate::model::plan::PlannedExercise;
use crate::model::session::{DeloadStyle, SetEntry};
use crate::model::units::{Load, Rir, Unit, Weight};
use crate::training::deload::DELOAD_RIR;
use crate::training::e1rm::{self, Formula};
use crate::training::ramp::Loadable;

/// "Last time" shows its date once it is older than this many days: a week-old set reads as
/// last week's, an older one needs its date to be judged.
pub const LAST_TIME_DATED_AFTER_DAYS: i64 = 7;

/// Strength holds for a couple of weeks off (METHOD.md section 9): under this many weeks away
/// the usual rules apply; from it, the load holds and the reps go back to the bottom of the range.
pub const LAYOFF_HOLD_WEEKS: u8 = 3;

/// From this many weeks away the load comes down too, in proportion to the gap.
pub const LAYOFF_CUT_WEEKS: u8 = 6;

/// Load taken off per week away, in percent, once past [`LAYOFF_CUT_WEEKS`]: 1% a week is about
/// 10% after ten weeks, a gentle restart a lifter can rebuild from in a few sessions.
pub const LAYOFF_CUT_PERCENT_PER_WEEK: f64 = 1.0;

/// The most a layoff takes off, in percent: after half a year or more, 30% lighter is a load
/// the lifter can surely move with good form while tendons catch up.
pub const LAYOFF_MAX_CUT_PERCENT: f64 = 30.0;

/// After a long layoff the first session stops at least this far from failure: tendons lag
/// muscles, and the lifter's sense of RIR needs a session to come back.
pub const LAYOFF_RIR: RirTarget = RirTarget { low: 2, high: 3 };

/// The most load steps one target may climb at once, however many reps were left in reserve:
/// RIR guesses far from failure are rough, so a big jump is taken over two sessions.
pub const MAX_LOAD_STEPS: u8 = 4;

/// The thresholds of the progression rules (the `[progression]` settings, and the e1RM formula
/// predictions use).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rules {
    /// How e1RM is estimated and inverted to predict reps.
    pub formula: Formula,
    /// [`LAYOFF_HOLD_WEEKS`].
    pub layoff_hold_weeks: u8,
    /// [`LAYOFF_CUT_WEEKS`].
    pub layoff_cut_weeks: u8,
    /// [`LAYOFF_CUT_PERCENT_PER_WEEK`].
    pub layoff_cut_percent_per_week: f64,
    /// [`LAYOFF_MAX_CUT_PERCENT`].
    pub layoff_max_cut_percent: f64,
    /// [`MAX_LOAD_STEPS`].
    pub max_load_steps: u8,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            formula: Formula::default(),
            layoff_hold_weeks: LAYOFF_HOLD_WEEKS,
            layoff_cut_weeks: LAYOFF_CUT_WEEKS,
            layoff_cut_percent_per_week: LAYOFF_CUT_PERCENT_PER_WEEK,
            layoff_max_cut_percent: LAYOFF_MAX_CUT_PERCENT,
            max_load_steps: MAX_LOAD_STEPS,
        }
    }
}

/// A comeback after a break, for the layoff warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layoff {
    /// Days since the exercise was last trained.
    pub days: i64,
    /// Load taken off, in whole percent (0: held).
    pub cut_percent: u8,
}

/// What to aim for today, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Load to use, when there is history to go on.
    pub weight: Option<Weight>,
    /// Reps to aim for.
    pub reps: u16,
    /// `reps` is a floor: after a load step, do at least this many and stop at the RIR target
    /// ("6+ reps, stop with 1-2 in reserve").
    pub at_least: bool,
    /// The reps in reserve the set stops at.
    pub rir: RirTarget,
    /// The reasoning, shown beside the target.
    pub reason: String,
    /// Set when the exercise comes back after a break of [`LAYOFF_HOLD_WEEKS`] or more.
    pub layoff: Option<Layoff>,
}

impl Target {
    /// `6` or `6+`.
    pub fn reps_text(&self) -> String {
        if self.at_least { format!("{}+", self.reps) } else { self.reps.to_string() }
    }
}

/// What the target is worked out from: the last two sessions that trained the exercise.
#[derive(Debug, Clone, Copy, Default)]
pub struct History<'a> {
    /// Working sets of the last session that trained it, in order (the first is the main set).
    pub last: &'a [SetEntry],
    /// That session's local date.
    pub last_date: Option<NaiveDate>,
    /// The first working set of the session before it.
    pub before: Option<&'a SetEntry>,
    /// The heaviest missed attempt (0 reps) since that session, with its local date: a load
    /// the lifter could not lift once.
    pub missed: Option<(Weight, NaiveDate)>,
}

/// "12 Mar" (with the year when it is not this year's) once `date` is more than a week before
/// `today`; `None` for a recent date.
pub fn last_time_date(date: NaiveDate, today: NaiveDate) -> Option<String> {
    if (today - date).num_days() <= LAST_TIME_DATED_AFTER_DAYS {
        return None;
    }
    Some(if date.year() == today.year() {
        date.format("%-d %b").to_string()
    } else {
        date.format("%-d %b %Y").to_string()
    })
}

/// "9 days ago", "4 weeks ago", "7 months ago", "2 years ago".
pub fn gap_words(days: i64) -> String {
    let plural = |n: i64, unit: &str| if n == 1 { format!("1 {unit} ago") } else { format!("{n} {unit}s ago") };
    match days {
        ..14 => plural(days.max(0), "day"),
        14..60 => plural(days / 7, "week"),
        60..730 => plural(days / 30, "month"),
        _ => plural(days / 365, "year"),
    }
}

/// Whole reps with `aim` in reserve from reps to failure in half reps (floored).
fn reps_leaving(rtf_halves: u16, aim: u8) -> u16 {
    rtf_halves.saturating_sub(u16::from(aim) * 2) / 2
}

/// Today's target. The main set of last time (its first working set) decides, in this order:
///
/// 1. **A layoff** ([`LAYOFF_HOLD_WEEKS`] or more since it was trained): no increase; the load
///    holds at the bottom of the range, and from [`LAYOFF_CUT_WEEKS`] comes down by
///    [`LAYOFF_CUT_PERCENT_PER_WEEK`] per week away (at most [`LAYOFF_MAX_CUT_PERCENT`]).
/// 2. **Form broke**: no more reps than the clean ones at that load; a second break in a row at
///    the same load takes a step off.
/// 3. **Below the range**: a load where the bottom of the range at the target RIR is predicted
///    from the set's e1RM, rounded down to a weight that loads (unless the set stopped so far
///    from failure that the same load does it).
/// 4. **Reps in reserve**: reps at the top RIR of the target are predicted from the set (each
///    rep in reserve is a rep more). At or past the top of the range (or predicted past it), the
///    load climbs the fewest steps that bring the prediction back under the top, at most
///    [`MAX_LOAD_STEPS`]; far from failure inside the range, the predicted reps; closer to
///    failure than the target allows, the reps the set leaves at the target's closest RIR (a
///    lighter load when that is under the range); else one more rep.
///
/// Unknown RIR is read as failure (RIR 0), the lowest estimate the set allows, and a set with
/// unknown RIR climbs one step at most. Every load is one `loadable` can set up.
pub fn target(
    planned: &PlannedExercise,
    history: &History<'_>,
    today: NaiveDate,
    loadable: impl Fn(Unit) -> Loadable,
    rules: &Rules,
) -> Target {
    let range = planned.reps;
    let rir = planned.rir;
    let Some(top) = history.last.first() else {
        return Target {
            weight: None,
            reps: range.low,
            at_least: false,
            rir,
            reason: format!("first time: pick a load you can lift {range} times"),
            layoff: None,
        };
    };
    let unit = top.weight.unit;
    let grid = loadable(unit);
    let last = match history.last_date.and_then(|d| last_time_date(d, today)) {
        Some(date) => format!("last time ({date}) {}", top.summary()),
        None => format!("last time {}", top.summary()),
    };
    let mut plan = usual(planned, top, history.before, &grid, rules);
    let days = history.last_date.map_or(0, |d| (today - d).num_days());
    let weeks = days / 7;
    let mut layoff = None;
    let mut target_rir = rir;
    if weeks >= i64::from(rules.layoff_hold_weeks) {
        // Never an increase on a comeback; a drop the usual rules ask for stands.
        let base = plan.load.min(grid.hold(top.weight.load));
        let cut = if weeks >= i64::from(rules.layoff_cut_weeks) {
            (rules.layoff_cut_percent_per_week * weeks as f64).min(rules.layoff_max_cut_percent).max(0.0)
        } else {
            0.0
        };
        let lighter = Load::from_f64(base.as_f64() * (1.0 - cut / 100.0)).unwrap_or(base);
        let load = if cut > 0.0 { grid.round_down(lighter).unwrap_or(base) } else { base };
        let gap = gap_words(days);
        let why = if cut > 0.0 {
            target_rir = RirTarget { low: rir.low.max(LAYOFF_RIR.low), high: rir.high.max(LAYOFF_RIR.high) };
            format!(
                "last trained {gap}, so about {cut:.0}% lighter, bottom of the range, build back over a few sessions"
            )
        } else {
            format!("last trained {gap}, so hold the load and start at the bottom of the range")
        };
        plan = Plan { load, reps: range.low, at_least: false, why };
        layoff = Some(Layoff { days, cut_percent: cut.round() as u8 });
    }
    // A load missed since (an attempt of 0 reps) is never asked for again: the target stays
    // under it, at the bottom of the range.
    if let Some((miss, date)) = history.missed.filter(|(m, _)| m.unit == unit && plan.load >= m.load) {
        let under = Load::from_hundredths(miss.load.hundredths() - 1);
        if let Some(load) = grid.round_down(under) {
            let when = date.format("%-d %b");
            // Back at last time's load, last time's reps again; lighter, the bottom of the range.
            let reps =
                if load >= grid.hold(top.weight.load) { top.reps.clamp(range.low, range.high) } else { range.low };
            plan = Plan { load, reps, at_least: false, why: format!("{miss} was missed on {when}, so under it") };
        }
    }
    let weight = Weight::new(plan.load, unit);
    let mut result = Target {
        weight: Some(weight),
        reps: plan.reps,
        at_least: plan.at_least,
        rir: target_rir,
        reason: String::new(),
        layoff,
    };
    let aim = if result.at_least {
        format!("{weight}, {}+ reps, stop with {target_rir} in reserve", plan.reps)
    } else {
        format!("{weight} x {}", plan.reps)
    };
    result.reason = format!("{last}: {}: {aim}", plan.why);
    result
}

/// The usual rules' decision, before a layoff.
struct Plan {
    load: Load,
    reps: u16,
    at_least: bool,
    why: String,
}

fn usual(planned: &PlannedExercise, top: &SetEntry, before: Option<&SetEntry>, grid: &Loadable, rules: &Rules) -> Plan {
    let range = planned.reps;
    let aim = planned.rir.high;
    let held = grid.hold(top.weight.load);
    let known = top.rir.is_some();
    let rir_halves = top.rir.map_or(0, Rir::halves);
    let rtf_halves = top.reps.saturating_mul(2).saturating_add(u16::from(rir_halves));
    // Unknown RIR reads as failure: the lowest estimate the set allows.
    let e1rm = e1rm::estimate(rules.formula, top.weight.load.as_f64(), top.reps, top.rir);
    let predicted = reps_leaving(rtf_halves, aim);
    // What the set says about the load: the heaviest at which `reps` leave `aim` in reserve.
    let load_for = |reps: u16| {
        let e1rm = e1rm?;
        e1rm::load_for(rules.formula, e1rm, reps, Rir::whole(aim)?)
    };
    // The load at which the bottom of the range leaves the target's reserve, by the set's e1RM,
    // when it is lighter than the load held.
    let lighter_for_range =
        || load_for(range.low).and_then(Load::from_f64).and_then(|l| grid.round_down(l)).filter(|&l| l < held);
    // 2. Form broke.
    if top.form_broke {
        let again = before.is_some_and(|b| b.form_broke && b.weight == top.weight);
        if again && let Some(step) = grid.down(held) {
            // The lighter of a step off and what the clean reps say about the load; never more
            // reps than were clean.
            let load = lighter_for_range().filter(|&l| top.reps < range.low && l < step).unwrap_or(step);
            let reps = top.reps.min(range.high).max(1);
            return Plan {
                load,
                reps,
                at_least: false,
                why: format!(
                    "form broke at {} two sessions running, so lighter and no more than the {} clean reps",
                    top.weight, top.reps
                ),
            };
        }
        if top.reps >= range.low {
            let reps = top.reps.min(range.high);
            return Plan {
                load: held,
                reps,
                at_least: false,
                why: format!("form broke after {} clean reps, so same load and stop at {reps}, form first", top.reps),
            };
        }
    }
    // 3. Below the range.
    if top.reps < range.low {
        let needed = load_for(range.low);
        let stopped_early = needed.is_some_and(|l| l >= top.weight.load.as_f64());
        if !stopped_early {
            let broke = if top.form_broke { ", form broke" } else { "" };
            let lighter = needed
                .and_then(Load::from_f64)
                .and_then(|l| grid.round_down(l))
                .filter(|&l| l < held)
                .or_else(|| grid.down(held));
            return match lighter {
                Some(load) => Plan {
                    load,
                    reps: range.low,
                    at_least: true,
                    why: format!("{} reps{broke} is under {range}, so lighter to reach {}", top.reps, range.low),
                },
                None => Plan {
                    load: held,
                    reps: top.reps,
                    at_least: false,
                    why: if held < top.weight.load {
                        // An imported load your gear cannot make (3 kg dumbbells on a 2 kg step).
                        format!(
                            "{} reps{broke} is under {range}, and {} is the lightest that loads, so the same reps",
                            top.reps,
                            Weight::new(held, top.weight.unit)
                        )
                    } else {
                        format!("{} reps{broke} is under {range} and nothing lighter loads, so the same reps", top.reps)
                    },
                },
            };
        }
    }
    // 4. Reps in reserve.
    let unknown = if known { "" } else { " (RIR not logged: read as failure, one step at most)" };
    if top.reps >= range.high || predicted > range.high {
        let cap = if known { rules.max_load_steps.max(1) } else { 1 };
        let fits = |load: Load| {
            e1rm.is_none_or(|e| {
                let rtf = e1rm::reps_to_failure(rules.formula, e, load.as_f64());
                rtf.saturating_sub(u16::from(aim)) < range.high
            })
        };
        let mut steps = 0;
        let mut load = held;
        while steps < cap {
            match grid.up(held, steps + 1) {
                Some(next) => {
                    load = next;
                    steps += 1;
                    if fits(next) {
                        break;
                    }
                }
                None => break,
            }
        }
        if steps == 0 {
            return Plan {
                load: held,
                reps: range.high,
                at_least: false,
                why: "the top of the range and nothing heavier loads".into(),
            };
        }
        let capped = steps == cap && !fits(load) && known;
        let why = if steps == 1 && top.reps <= range.high && !capped {
            if !known {
                format!("top of {range}{unknown}, so one step")
            } else if top.rir.is_some_and(|r| r.halves() > aim * 2) {
                format!(
                    "top of {range} with {} in reserve, so a step up",
                    top.rir.map_or_else(String::new, |r| r.to_string())
                )
            } else {
                format!("top of {range} with solid form, so a step up")
            }
        } else {
            let what = if top.reps > range.high {
                format!("{} reps, past the top of {range}", top.reps)
            } else {
                format!("{} in reserve at {} reps", top.rir.map_or_else(String::new, |r| r.to_string()), top.reps)
            };
            let cap_note = if capped { format!(" (at most {cap} at once)") } else { String::new() };
            let steps_text = if steps == 1 { "one step".to_string() } else { format!("{steps} steps") };
            format!("{what}{unknown}, so {steps_text} up{cap_note}")
        };
        return Plan { load, reps: range.low, at_least: true, why };
    }
    if known && predicted > top.reps + 1 {
        let reps = predicted.clamp(range.low, range.high);
        let rir_text = top.rir.map_or_else(String::new, |r| r.to_string());
        return Plan {
            load: held,
            reps,
            at_least: false,
            why: format!("stopped with {rir_text} in reserve, so {reps} reps are there at the same load"),
        };
    }
    // Closer to failure than the target allows (RIR 0 where it stops 1-2 short): the reps
    // are those the set leaves at the target's closest RIR, never one more than was possible.
    let closest = planned.rir.low;
    if known && u16::from(rir_halves) < u16::from(closest) * 2 {
        let rir_text = top.rir.map_or_else(String::new, |r| r.to_string());
        let possible = reps_leaving(rtf_halves, closest);
        if possible >= range.low {
            let reps = possible.min(range.high);
            return Plan {
                load: held,
                reps,
                at_least: false,
                why: format!(
                    "{} reps at RIR {rir_text}, closer to failure than {} allows, so the same load and {reps}",
                    top.reps, planned.rir
                ),
            };
        }
        if let Some(load) = lighter_for_range().or_else(|| grid.down(held)) {
            return Plan {
                load,
                reps: range.low,
                at_least: true,
                why: format!(
                    "{} reps at RIR {rir_text} leave under {} at RIR {}, so lighter to reach {}",
                    top.reps, range.low, planned.rir, range.low
                ),
            };
        }
    }
    let reps = (top.reps + 1).clamp(range.low, range.high);
    let why = if known {
        "same load, one more rep".to_string()
    } else {
        "same load, one more rep (log RIR to use your reps in reserve)".to_string()
    };
    Plan { load: held, reps, at_least: false, why }
}

/// Today's target in a deload week (METHOD.md section 6): easier than the lifter's recent
/// capacity, always. The load comes from the best e1RM of last time's working sets: the heaviest
/// that loads at which the bottom of the range leaves the top of the deload RIR (4) in reserve,
/// and no more than last time's load (about 10% under it for a load deload). The reps are the
/// bottom of the range, fewer when even the lightest load that loads would not leave 3 in
/// reserve, and never more than were done at that load.
pub fn deload_target(
    planned: &PlannedExercise,
    last_working: &[SetEntry],
    style: DeloadStyle,
    loadable: impl Fn(Unit) -> Loadable,
    formula: Formula,
) -> Target {
    let range = planned.reps;
    let rir = RirTarget { low: planned.rir.low.max(DELOAD_RIR.low), high: planned.rir.high.max(DELOAD_RIR.high) };
    let Some(top) = last_working.first() else {
        return Target {
            weight: None,
            reps: range.low,
            at_least: false,
            rir,
            reason: "deload week: a light load, RIR 3 or more, no failure".into(),
            layoff: None,
        };
    };
    let unit = top.weight.unit;
    let grid = loadable(unit);
    let same_unit = || last_working.iter().filter(|s| s.weight.unit == unit);
    let e1rm = same_unit()
        .filter_map(|s| e1rm::estimate_set(formula, s))
        .fold(None, |best: Option<f64>, e| Some(best.map_or(e, |b| b.max(e))));
    let cap = match style {
        DeloadStyle::Volume => top.weight.load.as_f64(),
        DeloadStyle::Load => top.weight.load.as_f64() * 0.9,
    };
    let doable = e1rm.and_then(|e| e1rm::load_for(formula, e, range.low, Rir::whole(DELOAD_RIR.high)?));
    let aim = doable.map_or(cap, |d| d.min(cap));
    let lightest = grid.round_up(Load::from_hundredths(1));
    let load = Load::from_f64(aim).and_then(|l| grid.round_down(l)).or(lightest).unwrap_or(top.weight.load);
    // Reps that leave at least 3 in reserve at that load, and no more than were done there.
    let mut reps = range.low;
    if let Some(e) = e1rm {
        let rtf = e1rm::reps_to_failure(formula, e, load.as_f64());
        reps = reps.min(rtf.saturating_sub(u16::from(DELOAD_RIR.low)).max(1));
    }
    if let Some(done) = same_unit().filter(|s| s.weight.load == load).map(|s| s.reps).max() {
        reps = reps.min(done);
    }
    let weight = Weight::new(load, unit);
    let how = match style {
        DeloadStyle::Volume => "about half the sets",
        DeloadStyle::Load => "a lighter load",
    };
    Target {
        weight: Some(weight),
        reps,
        at_least: false,
        rir,
        reason: format!(
            "deload week: {how}, well under last time's {}: {weight} x {reps}, stop with {rir} in reserve",
            top.summary()
        ),
        layoff: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::exercise::Catalogue;
    use crate::model::plan::RepRange;
    use crate::model::session::SetKind;
    use crate::training::ramp::{Gear, loadable_for};

    /// An exercise of the catalogue with a rep range; its RIR target is its class's.
    fn planned(name: &str, low: u16, high: u16) -> PlannedExercise {
        let catalogue = Catalogue::shipped();
        let exercise = catalogue.get(name).expect("in catalogue");
        PlannedExercise {
            name: exercise.name.clone(),
            sets: 1,
            reps: RepRange { low, high },
            rir: exercise.failure_class.target_rir(),
            rest: exercise.rest,
            own_rest: false,
            ramp_up: true,
            ramp_up_ladder: None,
            key: false,
            failure_class: exercise.failure_class,
            equipment: exercise.equipment,
            load_step: exercise.load_step,
        }
    }

    fn bench() -> PlannedExercise {
        planned("Barbell bench press", 6, 10)
    }

    fn set(load: f64, reps: u16, rir: Option<f64>, form_broke: bool) -> SetEntry {
        SetEntry {
            exercise: "any".into(),
            kind: SetKind::Working,
            weight: Weight::new(Load::from_f64(load).expect("valid"), Unit::Kg),
            reps,
            rir: rir.and_then(|r| Rir::from_halves((r * 2.0) as u8)),
            form_broke,
            note: String::new(),
        }
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    /// The target after `sets` (trained on `last`, the session before's main set `before`),
    /// today being `today`, with the default gear and rules (Epley).
    fn aim(p: &PlannedExercise, sets: &[SetEntry], before: Option<&SetEntry>, last: &str, today: &str) -> Target {
        let history = History { last: sets, last_date: Some(day(last)), before, missed: None };
        let loadable = |unit| loadable_for(p.equipment, &Gear::standard(), p.load_step, unit);
        target(p, &history, day(today), loadable, &Rules::default())
    }

    fn next(p: &PlannedExercise, top: SetEntry) -> Target {
        aim(p, &[top], None, "2025-03-03", "2025-03-06")
    }

    fn load_reps(t: &Target) -> (String, String) {
        (t.weight.map_or("-".into(), |w| w.to_string()), t.reps_text())
    }

    #[test]
    fn top_of_range_with_solid_form_adds_the_smallest_step() {
        // Epley: 80 kg x 10 @ 1 is 11 to failure, e1RM 109.3. At 82.5 kg 30 x (109.3/82.5 - 1)
        // = 9.8, so 9 to failure, 7 reps at RIR 2: back under the top in one step.
        let t = next(&bench(), set(80.0, 10, Some(1.0), false));
        assert_eq!(load_reps(&t), ("82.5 kg".into(), "6+".into()));
        assert_eq!(t.rir, RirTarget { low: 1, high: 2 });
        assert_eq!(
            t.reason,
            "last time 80 kg x 10 @ 1: top of 6-10 with solid form, so a step up: 82.5 kg, 6+ reps, stop with 1-2 in reserve"
        );
    }

    #[test]
    fn below_the_top_keeps_the_load_and_adds_a_rep() {
        // 80 x 8 @ 1: 9 to failure, 7 at RIR 2: not far from failure, so one more rep.
        let t = next(&bench(), set(80.0, 8, Some(1.0), false));
        assert_eq!(load_reps(&t), ("80 kg".into(), "9".into()));
        assert!(t.reason.ends_with("same load, one more rep: 80 kg x 9"), "{}", t.reason);
    }

    #[test]
    fn first_time_has_no_load() {
        let t = target(
            &bench(),
            &History::default(),
            day("2025-03-06"),
            |u| loadable_for(bench().equipment, &Gear::standard(), bench().load_step, u),
            &Rules::default(),
        );
        assert_eq!((t.weight, t.reps), (None, 6));
    }

    // Item 1: layoffs.

    #[test]
    fn a_layoff_holds_then_takes_load_off_in_proportion_to_the_gap() {
        let squat = planned("Barbell back squat", 6, 10);
        let last = [set(120.0, 9, Some(1.0), false)];
        // 10 days: the usual rules (9 @ 1 -> 10), and last time shows its date.
        let t = aim(&squat, &last, None, "2025-01-10", "2025-01-20");
        assert_eq!(load_reps(&t), ("120 kg".into(), "10".into()));
        assert!(t.reason.starts_with("last time (10 Jan) 120 kg x 9 @ 1:"), "{}", t.reason);
        assert_eq!(t.layoff, None);
        // 28 days (4 weeks): hold the load, bottom of the range.
        let t = aim(&squat, &last, None, "2025-01-10", "2025-02-07");
        assert_eq!(load_reps(&t), ("120 kg".into(), "6".into()));
        assert!(t.reason.contains("last trained 4 weeks ago, so hold the load"), "{}", t.reason);
        assert_eq!(t.layoff, Some(Layoff { days: 28, cut_percent: 0 }));
        // 186 days: 26 weeks x 1% = 26% off 120 = 88.8, rounded down to 87.5 (1.25 kg plates).
        let t = aim(&squat, &last, None, "2025-01-10", "2025-07-15");
        assert_eq!(load_reps(&t), ("87.5 kg".into(), "6".into()));
        assert!(t.reason.contains("last trained 6 months ago, so about 26% lighter"), "{}", t.reason);
        assert_eq!(t.rir, LAYOFF_RIR, "a comeback stops further from failure");
        // 7 months is capped at 30%: 120 x 0.7 = 84, rounded down to 82.5; dated with the year.
        let t = aim(&squat, &last, None, "2024-06-01", "2025-01-05");
        assert_eq!(load_reps(&t), ("82.5 kg".into(), "6".into()));
        assert!(t.reason.starts_with("last time (1 Jun 2024)"), "{}", t.reason);
        assert!(t.reason.contains("last trained 7 months ago"), "{}", t.reason);
    }

    #[test]
    fn a_layoff_never_climbs() {
        // At the top of the range before a month off: no step up, the load holds.
        let t = aim(&bench(), &[set(80.0, 10, Some(1.0), false)], None, "2025-01-01", "2025-02-01");
        assert_eq!(load_reps(&t), ("80 kg".into(), "6".into()));
    }

    #[test]
    fn gaps_read_in_the_lifters_words() {
        assert_eq!(gap_words(9), "9 days ago");
        assert_eq!(gap_words(28), "4 weeks ago");
        assert_eq!(gap_words(213), "7 months ago");
        assert_eq!(gap_words(800), "2 years ago");
        assert_eq!(last_time_date(day("2025-03-01"), day("2025-03-08")), None, "a week old: no date");
        assert_eq!(last_time_date(day("2025-03-01"), day("2025-03-09")), Some("1 Mar".into()));
    }

    // Item 2: form breaks.

    #[test]
    fn a_form_break_asks_for_no_more_than_the_clean_reps() {
        let t = next(&bench(), set(70.0, 7, Some(1.0), true));
        assert_eq!(load_reps(&t), ("70 kg".into(), "7".into()));
        assert_eq!(
            t.reason,
            "last time 70 kg x 7 @ 1 (form broke): form broke after 7 clean reps, so same load and stop at 7, form first: 70 kg x 7"
        );
        // At the top too: no step up, no more reps.
        let t = next(&bench(), set(70.0, 10, Some(1.0), true));
        assert_eq!(load_reps(&t), ("70 kg".into(), "10".into()));
    }

    #[test]
    fn a_second_form_break_at_the_same_load_takes_a_step_off() {
        let before = set(70.0, 8, Some(1.0), true);
        let t = aim(&bench(), &[set(70.0, 7, Some(1.0), true)], Some(&before), "2025-03-03", "2025-03-06");
        assert_eq!(load_reps(&t), ("67.5 kg".into(), "7".into()));
        assert!(
            t.reason.contains("form broke at 70 kg two sessions running, so lighter and no more than the 7 clean reps"),
            "{}",
            t.reason
        );
        // Under the range twice: the lighter of a step off and the load where the bottom of the
        // range is there. Bench 6-10 at 1-2, 100 x 4 @ 1: Epley e1RM 116.7; 6 reps at RIR 2 (8 to
        // failure): 116.7 / 1.267 = 92.1, loadable as 90 (a step off is 97.5). Reps: the 4 clean.
        let t = aim(
            &bench(),
            &[set(100.0, 4, Some(1.0), true)],
            Some(&set(100.0, 4, Some(1.0), true)),
            "2025-03-03",
            "2025-03-06",
        );
        assert_eq!(load_reps(&t), ("90 kg".into(), "4".into()), "{}", t.reason);
        // A break at another load before does not count as the same.
        let other = set(67.5, 8, Some(1.0), true);
        let t = aim(&bench(), &[set(70.0, 7, Some(1.0), true)], Some(&other), "2025-03-03", "2025-03-06");
        assert_eq!(load_reps(&t), ("70 kg".into(), "7".into()));
    }

    #[test]
    fn a_set_closer_to_failure_than_the_target_never_earns_more_reps_than_were_possible() {
        // Bench 6-10 at RIR 1-2. 80 x 8 @ 0 is 8 to failure: at RIR 1, 7 reps. "One more rep"
        // (9 @ 1-2, 10-11 to failure) asked for more than the set showed.
        let t = next(&bench(), set(80.0, 8, Some(0.0), false));
        assert_eq!(load_reps(&t), ("80 kg".into(), "7".into()), "{}", t.reason);
        assert!(t.reason.contains("8 reps at RIR 0, closer to failure than 1-2 allows, so the same load and 7"));
        // 100 x 6 @ 0: 5 at RIR 1, under 6: lighter. Epley e1RM 120; 6 at RIR 2 (8 to failure):
        // 120 / 1.267 = 94.7, loadable as 92.5.
        let t = next(&bench(), set(100.0, 6, Some(0.0), false));
        assert_eq!(load_reps(&t), ("92.5 kg".into(), "6+".into()), "{}", t.reason);
        assert!(t.at_least);
        // A safe lift taken to failure on a 0-1 target is on target: one more rep.
        let press = planned("Machine chest press", 8, 12);
        let t = next(&press, SetEntry { exercise: "Machine chest press".into(), ..set(50.0, 9, Some(0.0), false) });
        assert_eq!(load_reps(&t), ("50 kg".into(), "10".into()), "{}", t.reason);
    }

    #[test]
    fn a_load_missed_since_last_time_is_never_the_target() {
        // Bench 6-10: 100 x 10 @ 1 earns 102.5; then 102.5 kg was missed (0 reps).
        let last = [set(100.0, 10, Some(1.0), false)];
        let missed = Some((Weight::new(Load::from_f64(102.5).expect("valid"), Unit::Kg), day("2025-03-06")));
        let history = History { last: &last, last_date: Some(day("2025-03-03")), before: None, missed };
        let grid = |unit| loadable_for(bench().equipment, &Gear::standard(), bench().load_step, unit);
        let t = target(&bench(), &history, day("2025-03-08"), grid, &Rules::default());
        // 101.25 does not load with 1.25 kg plates (pairs make 2.5 kg steps): back to 100 kg, for
        // last time's 10 reps.
        assert_eq!(load_reps(&t), ("100 kg".into(), "10".into()), "{}", t.reason);
        assert!(t.reason.contains("102.5 kg was missed on 6 Mar, so under it"), "{}", t.reason);
    }

    #[test]
    fn a_load_the_gear_cannot_make_is_not_called_the_same_load() {
        // Dumbbell curl 8-12, dumbbells every 2 kg: an imported 3 kg x 5 @ 0 holds as 2 kg, the
        // lightest that loads; the reason says so rather than "nothing lighter loads".
        let curl = planned("Dumbbell curl", 8, 12);
        let t = next(&curl, SetEntry { exercise: "Dumbbell curl".into(), ..set(3.0, 5, Some(0.0), false) });
        assert_eq!(load_reps(&t), ("2 kg".into(), "5".into()), "{}", t.reason);
        assert!(
            t.reason.contains("5 reps is under 8-12, and 2 kg is the lightest that loads, so the same reps"),
            "{}",
            t.reason
        );
    }

    // Item 3: below the range.

    #[test]
    fn a_miss_below_the_range_lowers_the_load_to_reach_the_bottom() {
        // Machine chest press 8-12 at RIR 0-1, 5 kg pins. 50 kg x 6 @ 0: Epley e1RM 60. The
        // bottom, 8 reps at RIR 1 (9 to failure): 60 / 1.3 = 46.2, rounded down to 45.
        let press = planned("Machine chest press", 8, 12);
        let t = next(&press, set(50.0, 6, Some(0.0), false));
        assert_eq!(load_reps(&t), ("45 kg".into(), "8+".into()));
        assert!(
            t.reason.contains("6 reps is under 8-12, so lighter to reach 8: 45 kg, 8+ reps, stop with 0-1"),
            "{}",
            t.reason
        );
        // The same set on the 6-10 day (last on 8-12 of another day does not matter): inside.
        let t = next(&planned("Machine chest press", 6, 10), set(50.0, 6, Some(0.0), false));
        assert_eq!(load_reps(&t), ("50 kg".into(), "7".into()));
    }

    #[test]
    fn stopping_early_below_the_range_is_not_a_miss() {
        // 50 x 6 @ 4 on 8-12: 10 to failure, 9 at RIR 1: the same load does the bottom.
        let t = next(&planned("Machine chest press", 8, 12), set(50.0, 6, Some(4.0), false));
        assert_eq!(load_reps(&t), ("50 kg".into(), "9".into()));
    }

    // Item 4: reps in reserve.

    #[test]
    fn reps_in_reserve_at_the_top_climb_as_many_steps_as_predicted() {
        // Lat pulldown 8-12 at RIR 0-1, 5 kg pins. 60 x 12 @ 5: 17 to failure, e1RM 94. At 65:
        // 30 x (94/65 - 1) = 13.4 -> 13, 12 at RIR 1 (still the top); at 70: 10.3 -> 10, 9 at
        // RIR 1: inside. Two steps.
        let t = next(&planned("Lat pulldown", 8, 12), set(60.0, 12, Some(5.0), false));
        assert_eq!(load_reps(&t), ("70 kg".into(), "8+".into()));
        assert!(
            t.reason.contains("5 in reserve at 12 reps, so 2 steps up: 70 kg, 8+ reps, stop with 0-1 in reserve"),
            "{}",
            t.reason
        );
    }

    #[test]
    fn far_from_failure_inside_the_range_aims_for_the_predicted_reps() {
        // 80 x 6 @ 4 on 6-10 at RIR 1-2: 10 to failure, 8 at RIR 2.
        let t = next(&bench(), set(80.0, 6, Some(4.0), false));
        assert_eq!(load_reps(&t), ("80 kg".into(), "8".into()));
        assert!(t.reason.contains("stopped with 4 in reserve, so 8 reps are there"), "{}", t.reason);
    }

    #[test]
    fn past_the_top_adds_enough_load_to_land_back_in_the_range() {
        // 80 x 14 @ 1: 15 to failure, e1RM 120. 82.5: 13.6 -> 13, 11 at RIR 2; 85: 12.4 -> 12,
        // 10; 87.5: 11.1 -> 11, 9: inside 6-10. Three steps.
        let t = next(&bench(), set(80.0, 14, Some(1.0), false));
        assert_eq!(load_reps(&t), ("87.5 kg".into(), "6+".into()));
        assert!(t.reason.contains("14 reps, past the top of 6-10, so 3 steps up"), "{}", t.reason);
        // 80 x 20 @ 2: 22 to failure, e1RM 138.7; 90 still predicts 14 at RIR 2: capped at 4.
        let t = next(&bench(), set(80.0, 20, Some(2.0), false));
        assert_eq!(load_reps(&t), ("90 kg".into(), "6+".into()));
        assert!(t.reason.contains("4 steps up (at most 4 at once)"), "{}", t.reason);
    }

    #[test]
    fn unknown_rir_is_read_as_failure_and_climbs_one_step() {
        let t = next(&bench(), set(80.0, 14, None, false));
        assert_eq!(load_reps(&t), ("82.5 kg".into(), "6+".into()));
        assert!(t.reason.contains("RIR not logged: read as failure, one step at most"), "{}", t.reason);
        let t = next(&bench(), set(80.0, 8, None, false));
        assert_eq!(load_reps(&t), ("80 kg".into(), "9".into()));
        assert!(t.reason.contains("log RIR"), "{}", t.reason);
    }

    // Item 5: real steps, real weights.

    #[test]
    fn targets_step_by_the_exercises_own_step_onto_loadable_weights() {
        // Cable lateral raise steps 2.5 kg: 5 x 15 @ 1 on 12-15 goes to 7.5, not 10.
        let t = next(&planned("Cable lateral raise", 12, 15), set(5.0, 15, Some(1.0), false));
        assert_eq!(t.weight.map(|w| w.to_string()), Some("7.5 kg".into()));
        // A 61 kg barbell row (imported) at the top: 62.5, the next weight that loads, not 63.5.
        let t = next(&planned("Barbell row", 6, 10), set(61.0, 10, Some(2.0), false));
        assert_eq!(t.weight.map(|w| w.to_string()), Some("62.5 kg".into()));
        // Held, it is the nearest that loads: 60.
        let t = next(&planned("Barbell row", 6, 10), set(61.0, 8, Some(1.0), false));
        assert_eq!(t.weight.map(|w| w.to_string()), Some("60 kg".into()));
    }

    // Item 6: deloads that can be done.

    #[test]
    fn a_deload_target_is_easier_than_recent_capacity() {
        // 70 x 6 @ 1: Epley e1RM 86.3. 6 reps at RIR 4 (10 to failure): 86.3 / 1.333 = 64.75,
        // rounded down to 62.5 kg. Never last time's 70 x 6 "at RIR 3-4".
        let mut p = bench();
        p.rir = DELOAD_RIR;
        let last = [set(70.0, 6, Some(1.0), false)];
        let loadable = |unit| loadable_for(p.equipment, &Gear::standard(), p.load_step, unit);
        let t = deload_target(&p, &last, DeloadStyle::Volume, loadable, Formula::Epley);
        assert_eq!(load_reps(&t), ("62.5 kg".into(), "6".into()));
        assert_eq!(t.rir, DELOAD_RIR);
        assert!(t.reason.contains("62.5 kg x 6, stop with 3-4 in reserve"), "{}", t.reason);
        // A load deload: 90% of 70 = 63, under the 64.75: 62.5 too.
        let t = deload_target(&p, &last, DeloadStyle::Load, loadable, Formula::Epley);
        assert_eq!(load_reps(&t), ("62.5 kg".into(), "6".into()));
        // At the empty bar nothing is lighter: 20 x 6 @ 0 has 6 to failure there, so 3 reps
        // leave 3 in reserve, never the 6 done at failure.
        let t = deload_target(&p, &[set(20.0, 6, Some(0.0), false)], DeloadStyle::Volume, loadable, Formula::Epley);
        assert_eq!(load_reps(&t), ("20 kg".into(), "3".into()));
    }
}

//! Today's target for an exercise from the last times it was trained: double progression that
//! reads effort, misses, form breaks and layoffs (METHOD.md sections 4 and 9), and deload
//! targets that are plainly doable (section 6).

use chrono::{Datelike, NaiveDate};

use crate::model::exercise::RirTarget;
use crate::model::plan::{PlannedExercise, RepRange};
use crate::model::session::{Basis, DeloadStyle, SetEntry};
use crate::model::units::{Effort, Load, Rir, Unit, Weight};
use crate::training::deload::DELOAD_RIR;
use crate::training::e1rm::{self, Formula};
use crate::training::ramp::Loadable;

pub mod bodyweight;
mod usual;

use self::usual::{Plan, usual};

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
    /// The scale a set's effort is written in where a reason quotes it ("last time 80 kg x 8
    /// @ 9" for a lifter who reads RPE); the rules themselves always count reps in reserve.
    pub effort: Effort,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            formula: Formula::default(),
            layoff_hold_weeks: LAYOFF_HOLD_WEEKS,
            layoff_cut_weeks: LAYOFF_CUT_WEEKS,
            layoff_cut_percent_per_week: LAYOFF_CUT_PERCENT_PER_WEEK,
            layoff_max_cut_percent: LAYOFF_MAX_CUT_PERCENT,
            effort: Effort::Rir,
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
    /// Load to use, when there is history to go on (for a bodyweight target, the belt or the
    /// assistance: see `basis`).
    pub weight: Option<Weight>,
    /// What the load is measured against: `Basis::Load` but for a bodyweight exercise.
    pub basis: Basis,
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
    /// The load as a lifter writes it: `82.5 kg`, `BW+10 kg`, `BW-20 kg`, or `pick a load`
    /// (`BW` on a bodyweight exercise) when there is nothing to go on.
    pub fn load_text(&self) -> String {
        match self.weight {
            Some(weight) => SetEntry { weight, basis: self.basis, ..Default::default() }.load_text(),
            None if self.basis.is_bodyweight() => "BW".into(),
            None => "pick a load".into(),
        }
    }

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
    /// The lightest missed attempt (0 reps) since that session: a load the lifter could not
    /// lift once.
    pub missed: Option<Miss>,
}

/// A missed attempt (a working set of 0 reps): what could not be lifted once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Miss {
    /// Its weight: the load, or on body weight the belt or the assistance.
    pub weight: Weight,
    /// What the weight is.
    pub basis: Basis,
    /// Its local date.
    pub date: NaiveDate,
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
            basis: Basis::Load,
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
        Some(date) => format!("last time ({date}) {}", top.summary_in(rules.effort)),
        None => format!("last time {}", top.summary_in(rules.effort)),
    };
    let decision = decide(planned, top, history, today, &grid, rules);
    let weight = Weight::new(decision.load, unit);
    let aim = if decision.at_least {
        format!("{weight}, {}+ reps, stop with {} in reserve", decision.reps, decision.rir)
    } else {
        format!("{weight} x {}", decision.reps)
    };
    Target {
        weight: Some(weight),
        basis: Basis::Load,
        reps: decision.reps,
        at_least: decision.at_least,
        rir: decision.rir,
        reason: format!("{last}: {}: {aim}", decision.why),
        layoff: decision.layoff,
    }
}

/// What the rules decide from `top`, last time's main set, before it is worded: the load on
/// `grid`, the reps, the RIR target, why, and a layoff. The usual target and the bodyweight
/// one (whose loads are body and belt together) both word it.
pub(crate) struct Decision {
    pub(crate) load: Load,
    pub(crate) reps: u16,
    pub(crate) at_least: bool,
    pub(crate) rir: RirTarget,
    pub(crate) why: String,
    pub(crate) layoff: Option<Layoff>,
}

/// Rules 1 to 4 and a miss since, from `top` (see [`target`]).
pub(crate) fn decide(
    planned: &PlannedExercise,
    top: &SetEntry,
    history: &History<'_>,
    today: NaiveDate,
    grid: &Loadable,
    rules: &Rules,
) -> Decision {
    let plan = usual(planned, top, history.before, grid, rules);
    let days = history.last_date.map_or(0, |d| (today - d).num_days());
    let (plan, layoff, rir) = if days / 7 >= i64::from(rules.layoff_hold_weeks) {
        let (plan, layoff, target_rir) = after_layoff(planned, plan.load, top, grid, days, rules);
        (plan, Some(layoff), target_rir)
    } else {
        (plan, None, planned.rir)
    };
    let plan = under_a_miss(plan, history.missed, top, grid, planned.reps);
    Decision { load: plan.load, reps: plan.reps, at_least: plan.at_least, rir, why: plan.why, layoff }
}

/// Rule 1, a layoff of `days`: never an increase (a drop the usual rules ask for, from
/// `usual_load`, stands), the bottom of the range, and from [`Rules::layoff_cut_weeks`] a
/// lighter load, in proportion to the weeks away, and a target at least [`LAYOFF_RIR`] from
/// failure.
fn after_layoff(
    planned: &PlannedExercise,
    usual_load: Load,
    top: &SetEntry,
    grid: &Loadable,
    days: i64,
    rules: &Rules,
) -> (Plan, Layoff, RirTarget) {
    let (range, rir) = (planned.reps, planned.rir);
    let weeks = days / 7;
    let mut target_rir = rir;
    // Never an increase on a comeback; a drop the usual rules ask for stands.
    let base = usual_load.min(grid.hold(top.weight.load));
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
        format!("last trained {gap}, so about {cut:.0}% lighter, bottom of the range, build back over a few sessions")
    } else {
        format!("last trained {gap}, so hold the load and start at the bottom of the range")
    };
    let plan = Plan { load, reps: range.low, at_least: false, why };
    (plan, Layoff { days, cut_percent: cut.round() as u8 }, target_rir)
}

/// A load missed since (an attempt of 0 reps) is never asked for again: the target stays
/// under it, at the bottom of the range.
fn under_a_miss(plan: Plan, missed: Option<Miss>, top: &SetEntry, grid: &Loadable, range: RepRange) -> Plan {
    let unit = top.weight.unit;
    let Some(Miss { weight: miss, date, .. }) =
        missed.filter(|m| m.basis == Basis::Load && m.weight.unit == unit && plan.load >= m.weight.load)
    else {
        return plan;
    };
    let under = Load::from_hundredths(miss.load.hundredths() - 1);
    let Some(load) = grid.round_down(under) else {
        return plan;
    };
    let when = date.format("%-d %b");
    // Back at last time's load, last time's reps again; lighter, the bottom of the range.
    let reps = if load >= grid.hold(top.weight.load) { top.reps.clamp(range.low, range.high) } else { range.low };
    Plan { load, reps, at_least: false, why: format!("{miss} was missed on {when}, so under it") }
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
    rules: &Rules,
) -> Target {
    let range = planned.reps;
    let rir = RirTarget { low: planned.rir.low.max(DELOAD_RIR.low), high: planned.rir.high.max(DELOAD_RIR.high) };
    let Some(top) = last_working.first() else {
        return Target {
            weight: None,
            basis: Basis::Load,
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
        .filter_map(|s| e1rm::estimate_set(rules.formula, s))
        .fold(None, |best: Option<f64>, e| Some(best.map_or(e, |b| b.max(e))));
    let cap = match style {
        DeloadStyle::Volume => top.weight.load.as_f64(),
        DeloadStyle::Load => top.weight.load.as_f64() * 0.9,
    };
    let doable = e1rm.and_then(|e| e1rm::load_for(rules.formula, e, range.low, Rir::whole(DELOAD_RIR.high)?));
    let aim = doable.map_or(cap, |d| d.min(cap));
    let lightest = grid.round_up(Load::from_hundredths(1));
    let load = Load::from_f64(aim).and_then(|l| grid.round_down(l)).or(lightest).unwrap_or(top.weight.load);
    // Reps that leave at least 3 in reserve at that load, and no more than were done there.
    let mut reps = range.low;
    if let Some(e) = e1rm {
        let rtf = e1rm::reps_to_failure(rules.formula, e, load.as_f64());
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
        basis: Basis::Load,
        reps,
        at_least: false,
        rir,
        reason: format!(
            "deload week: {how}, well under last time's {}: {weight} x {reps}, stop with {rir} in reserve",
            top.summary_in(rules.effort)
        ),
        layoff: None,
    }
}

#[cfg(test)]
mod tests;

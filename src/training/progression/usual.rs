//! The usual rules, before a layoff or a missed attempt has its say: what the main set of last
//! time says about today (form broke, under the range, reps in reserve), steps 2 to 4 of
//! [`super::target`].

use crate::model::plan::{PlannedExercise, RepRange};
use crate::model::session::SetEntry;
use crate::model::units::{Load, Rir, Weight};
use crate::training::e1rm;
use crate::training::ramp::Loadable;

use super::{Rules, reps_leaving};

/// The usual rules' decision, before a layoff.
pub(super) struct Plan {
    pub(super) load: Load,
    pub(super) reps: u16,
    pub(super) at_least: bool,
    pub(super) why: String,
}

/// The usual rules' decision from `top`, the main set of last time (`before`: the main set of
/// the session before it). The first rule that decides wins.
pub(super) fn usual(
    planned: &PlannedExercise,
    top: &SetEntry,
    before: Option<&SetEntry>,
    grid: &Loadable,
    rules: &Rules,
) -> Plan {
    let set = LastSet::read(planned, top, grid, rules);
    set.form_broke(before)
        .or_else(|| set.under_the_range())
        .or_else(|| set.at_the_top())
        .or_else(|| set.far_from_failure())
        .or_else(|| set.too_close_to_failure())
        .unwrap_or_else(|| set.one_more_rep())
}

/// The main set of last time, read against the plan: what each rule decides from.
struct LastSet<'a> {
    planned: &'a PlannedExercise,
    top: &'a SetEntry,
    grid: &'a Loadable,
    rules: &'a Rules,
    /// The plan's rep range.
    range: RepRange,
    /// The top of the RIR target: predictions leave this many in reserve.
    aim: u8,
    /// Last time's load, or the nearest that loads.
    held: Load,
    /// The set's RIR was logged.
    known: bool,
    /// Its RIR in half reps (0 when not logged).
    rir_halves: u8,
    /// Its reps to failure, in half reps.
    rtf_halves: u16,
    /// Its e1RM.
    e1rm: Option<f64>,
    /// The reps it predicts with `aim` in reserve.
    predicted: u16,
}

impl<'a> LastSet<'a> {
    fn read(planned: &'a PlannedExercise, top: &'a SetEntry, grid: &'a Loadable, rules: &'a Rules) -> LastSet<'a> {
        let range = planned.reps;
        let aim = planned.rir.high;
        let held = grid.hold(top.weight.load);
        let known = top.rir.is_some();
        let rir_halves = top.rir.map_or(0, Rir::halves);
        let rtf_halves = top.reps.saturating_mul(2).saturating_add(u16::from(rir_halves));
        // Unknown RIR reads as failure: the lowest estimate the set allows.
        let e1rm = e1rm::estimate(rules.formula, top.weight.load.as_f64(), top.reps, top.rir);
        let predicted = reps_leaving(rtf_halves, aim);
        LastSet { planned, top, grid, rules, range, aim, held, known, rir_halves, rtf_halves, e1rm, predicted }
    }

    /// What the set says about the load: the heaviest at which `reps` leave `aim` in reserve.
    fn load_for(&self, reps: u16) -> Option<f64> {
        let e1rm = self.e1rm?;
        e1rm::load_for(self.rules.formula, e1rm, reps, Rir::whole(self.aim)?)
    }

    /// The load at which the bottom of the range leaves the target's reserve, by the set's
    /// e1RM, when it is lighter than the load held.
    fn lighter_for_range(&self) -> Option<Load> {
        self.load_for(self.range.low)
            .and_then(Load::from_f64)
            .and_then(|l| self.grid.round_down(l))
            .filter(|&l| l < self.held)
    }

    /// Rule 2, form broke: a second break in a row at the same load takes a step off;
    /// otherwise no more reps than the clean ones, at the same load.
    fn form_broke(&self, before: Option<&SetEntry>) -> Option<Plan> {
        let LastSet { top, grid, range, held, .. } = *self;
        if !top.form_broke {
            return None;
        }
        let again = before.is_some_and(|b| b.form_broke && b.weight == top.weight);
        if again && let Some(step) = grid.down(held) {
            // The lighter of a step off and what the clean reps say about the load; never more
            // reps than were clean.
            let load = self.lighter_for_range().filter(|&l| top.reps < range.low && l < step).unwrap_or(step);
            let reps = top.reps.min(range.high).max(1);
            return Some(Plan {
                load,
                reps,
                at_least: false,
                why: format!(
                    "form broke at {} two sessions running, so lighter and no more than the {} clean reps",
                    top.weight, top.reps
                ),
            });
        }
        if top.reps >= range.low {
            let reps = top.reps.min(range.high);
            return Some(Plan {
                load: held,
                reps,
                at_least: false,
                why: format!("form broke after {} clean reps, so same load and stop at {reps}, form first", top.reps),
            });
        }
        None
    }

    /// Rule 3, below the range: lighter, to a load where the bottom of the range is predicted,
    /// unless the set stopped so far from failure that the same load does it.
    fn under_the_range(&self) -> Option<Plan> {
        let LastSet { top, grid, range, held, .. } = *self;
        if top.reps >= range.low {
            return None;
        }
        let needed = self.load_for(range.low);
        let stopped_early = needed.is_some_and(|l| l >= top.weight.load.as_f64());
        if stopped_early {
            return None;
        }
        let broke = if top.form_broke { ", form broke" } else { "" };
        let lighter = needed
            .and_then(Load::from_f64)
            .and_then(|l| grid.round_down(l))
            .filter(|&l| l < held)
            .or_else(|| grid.down(held));
        Some(match lighter {
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
        })
    }

    /// Rule 4, at or past the top of the range (or predicted past it): the fewest load steps
    /// that bring the prediction back under the top, at most [`Rules::max_load_steps`] (one
    /// with unknown RIR).
    fn at_the_top(&self) -> Option<Plan> {
        let LastSet { top, grid, rules, range, aim, held, known, e1rm, predicted, .. } = *self;
        if !(top.reps >= range.high || predicted > range.high) {
            return None;
        }
        let unknown = if known { "" } else { " (RIR not logged: read as failure, one step at most)" };
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
            return Some(Plan {
                load: held,
                reps: range.high,
                at_least: false,
                why: "the top of the range and nothing heavier loads".into(),
            });
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
        Some(Plan { load, reps: range.low, at_least: true, why })
    }

    /// Far from failure inside the range: the reps predicted at the same load.
    fn far_from_failure(&self) -> Option<Plan> {
        let LastSet { top, range, held, known, predicted, .. } = *self;
        if !(known && predicted > top.reps + 1) {
            return None;
        }
        let reps = predicted.clamp(range.low, range.high);
        let rir_text = top.rir.map_or_else(String::new, |r| r.to_string());
        Some(Plan {
            load: held,
            reps,
            at_least: false,
            why: format!("stopped with {rir_text} in reserve, so {reps} reps are there at the same load"),
        })
    }

    /// Closer to failure than the target allows (RIR 0 where it stops 1-2 short): the reps
    /// are those the set leaves at the target's closest RIR, never one more than was possible;
    /// a lighter load when that is under the range.
    fn too_close_to_failure(&self) -> Option<Plan> {
        let LastSet { planned, top, grid, range, held, known, rir_halves, rtf_halves, .. } = *self;
        let closest = planned.rir.low;
        if !(known && u16::from(rir_halves) < u16::from(closest) * 2) {
            return None;
        }
        let rir_text = top.rir.map_or_else(String::new, |r| r.to_string());
        let possible = reps_leaving(rtf_halves, closest);
        if possible >= range.low {
            let reps = possible.min(range.high);
            return Some(Plan {
                load: held,
                reps,
                at_least: false,
                why: format!(
                    "{} reps at RIR {rir_text}, closer to failure than {} allows, so the same load and {reps}",
                    top.reps, planned.rir
                ),
            });
        }
        let load = self.lighter_for_range().or_else(|| grid.down(held))?;
        Some(Plan {
            load,
            reps: range.low,
            at_least: true,
            why: format!(
                "{} reps at RIR {rir_text} leave under {} at RIR {}, so lighter to reach {}",
                top.reps, range.low, planned.rir, range.low
            ),
        })
    }

    /// Otherwise: the same load and one more rep.
    fn one_more_rep(&self) -> Plan {
        let LastSet { top, range, held, known, .. } = *self;
        let reps = (top.reps + 1).clamp(range.low, range.high);
        let why = if known {
            "same load, one more rep".to_string()
        } else {
            "same load, one more rep (log RIR to use your reps in reserve)".to_string()
        };
        Plan { load: held, reps, at_least: false, why }
    }
}

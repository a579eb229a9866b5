//! Today's target for an exercise from the last time it was trained (double progression).

use crate::model::plan::PlannedExercise;
use crate::model::session::{DeloadStyle, SetEntry};
use crate::model::units::{Load, Unit, Weight};

/// What to aim for today, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Load to use, when there is history to go on.
    pub weight: Option<Weight>,
    /// Reps to aim for.
    pub reps: u16,
    /// The reasoning, shown beside the target.
    pub reason: String,
}

/// Double progression over the first working set of last time (the main set, taken hardest):
/// reaching the top of the rep range with solid form at or under the target RIR earns the
/// smallest real load step and a return to the bottom of the range; otherwise the load stays and
/// the aim is one more rep.
///
/// `step` gives the smallest real load step in a unit: two of the smallest plates on a barbell,
/// the lifter's dumbbell jump or stack pin.
pub fn target(planned: &PlannedExercise, last_working: &[SetEntry], step: impl Fn(Unit) -> Load) -> Target {
    let range = planned.reps;
    let Some(top) = last_working.first() else {
        return Target {
            weight: None,
            reps: range.low,
            reason: format!("first time: pick a load you can lift {range} times"),
        };
    };
    let last = format!("last time {}", top.summary());
    let solid = !top.form_broke;
    let effort_ok = top.rir.is_some_and(|r| r.as_f64() <= f64::from(planned.rir.high));
    if top.reps >= range.high && solid && effort_ok {
        let step = step(top.weight.unit);
        let load = Load::from_hundredths(top.weight.load.hundredths() + step.hundredths());
        let weight = Weight::new(load, top.weight.unit);
        return Target {
            weight: Some(weight),
            reps: range.low,
            reason: format!("{last}: top of {range} with solid form, so {weight} x {}", range.low),
        };
    }
    let reps = (top.reps + 1).clamp(range.low, range.high);
    let why = if !solid {
        "form broke, so no load increase"
    } else if top.reps >= range.high && top.rir.is_none() {
        "top of the range but RIR unknown, so hold the load"
    } else if top.reps >= range.high {
        "top of the range but short of the effort target, so hold the load"
    } else {
        "same load, one more rep"
    };
    Target { weight: Some(top.weight), reps, reason: format!("{last}: {why}: {} x {reps}", top.weight) }
}

/// Today's target in a deload week (METHOD.md section 6): last time's load (or about 10% less
/// for a load deload, rounded down to what `round_down` can load) at the bottom of the range,
/// well short of failure.
pub fn deload_target(
    planned: &PlannedExercise,
    last_working: &[SetEntry],
    style: DeloadStyle,
    round_down: impl Fn(Load) -> Option<Load>,
) -> Target {
    let range = planned.reps;
    let Some(top) = last_working.first() else {
        return Target {
            weight: None,
            reps: range.low,
            reason: "deload week: a light load, RIR 3 or more, no failure".into(),
        };
    };
    match style {
        DeloadStyle::Volume => Target {
            weight: Some(top.weight),
            reps: range.low,
            reason: format!("deload week: about half the sets at {}, RIR 3 or more, no failure", top.weight),
        },
        DeloadStyle::Load => {
            let lighter = Load::from_f64(top.weight.load.as_f64() * 0.9).unwrap_or_default();
            // Nothing lighter can be loaded (the empty bar, the first pin): stay at last time's.
            let load = round_down(lighter).filter(|l| l.hundredths() > 0).unwrap_or(top.weight.load);
            let weight = Weight::new(load, top.weight.unit);
            Target {
                weight: Some(weight),
                reps: range.low,
                reason: format!("deload week: about 10% under {} ({weight}), RIR 3 or more, no failure", top.weight),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::exercise::{Catalogue, RirTarget};
    use crate::model::plan::RepRange;
    use crate::model::session::SetKind;
    use crate::model::units::Rir;

    fn press() -> PlannedExercise {
        let catalogue = Catalogue::shipped();
        let exercise = catalogue.get("Barbell bench press").expect("in catalogue");
        PlannedExercise {
            name: exercise.name.clone(),
            sets: 1,
            reps: RepRange { low: 6, high: 10 },
            rir: RirTarget { low: 1, high: 2 },
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

    fn set(load: f64, reps: u16, rir: Option<u8>, form_broke: bool) -> SetEntry {
        SetEntry {
            exercise: "Barbell bench press".into(),
            kind: SetKind::Working,
            weight: Weight::new(Load::from_f64(load).expect("valid"), Unit::Kg),
            reps,
            rir: rir.and_then(Rir::whole),
            form_broke,
            note: String::new(),
        }
    }

    #[test]
    fn top_of_range_with_solid_form_adds_the_smallest_step() {
        let t = target(&press(), &[set(80.0, 10, Some(1), false)], |u| press().load_step.in_unit(u));
        assert_eq!(t.weight.map(|w| w.to_string()), Some("82.5 kg".into()));
        assert_eq!(t.reps, 6);
        assert_eq!(t.reason, "last time 80 kg x 10 @ 1: top of 6-10 with solid form, so 82.5 kg x 6");
    }

    #[test]
    fn below_the_top_keeps_the_load_and_adds_a_rep() {
        let t = target(&press(), &[set(80.0, 8, Some(1), false)], |u| press().load_step.in_unit(u));
        assert_eq!(t.weight.map(|w| w.to_string()), Some("80 kg".into()));
        assert_eq!(t.reps, 9);
    }

    #[test]
    fn a_set_that_broke_form_earns_no_increase() {
        let t = target(&press(), &[set(80.0, 10, Some(0), true)], |u| press().load_step.in_unit(u));
        assert_eq!(t.weight.map(|w| w.to_string()), Some("80 kg".into()));
        assert!(t.reason.contains("form broke"), "{}", t.reason);
    }

    #[test]
    fn deload_weeks_hold_or_lighten_the_load() {
        let last = [set(80.0, 10, Some(1), false)];
        let volume = deload_target(&press(), &last, DeloadStyle::Volume, Some);
        assert_eq!((volume.weight.map(|w| w.to_string()), volume.reps), (Some("80 kg".into()), 6));
        let step = |l: Load| Some(Load::from_hundredths(l.hundredths() / 250 * 250));
        let load = deload_target(&press(), &last, DeloadStyle::Load, step);
        assert_eq!(load.weight.map(|w| w.to_string()), Some("70 kg".into()), "90% of 80 is 72, loadable as 70");
        assert!(load.reason.contains("RIR 3 or more"), "{}", load.reason);
    }

    #[test]
    fn first_time_has_no_load() {
        let t = target(&press(), &[], |u| press().load_step.in_unit(u));
        assert_eq!(t.weight, None);
        assert_eq!(t.reps, 6);
    }
}

//! Ramp-up ladders: easy sets climbing towards the working weight.

use crate::model::exercise::{Equipment, LoadStep};
use crate::model::units::{Load, Unit, Weight};

/// One rung of the ladder. `weight` is `None` when no working weight is known yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RampUpSet {
    /// Load to use, when it can be worked out.
    pub weight: Option<Weight>,
    /// Reps to do (easy ones).
    pub reps: u16,
}

/// The empty barbell.
pub fn bar_weight(unit: Unit) -> Load {
    match unit {
        Unit::Kg => Load::from_hundredths(2000),
        Unit::Lb => Load::from_hundredths(4500),
    }
}

fn round_to_step(value: f64, step: Load) -> Load {
    let step = step.hundredths().max(1);
    let hundredths = (value * 100.0 / step as f64).round() as i64 * step;
    Load::from_hundredths(hundredths)
}

/// The ramp-up ladder towards `working`: for barbells the empty bar x 10, then about 40% x 8,
/// 60% x 5 and 80% x 3; for other equipment 50% x 8 and 75% x 4. Each load is rounded to the
/// smallest real step, strictly below the working weight; rungs that round to the same load are
/// dropped. Without a working weight, two unweighted rungs (light x 8, moderate x 4).
pub fn ladder(working: Option<Weight>, equipment: Equipment, step: LoadStep) -> Vec<RampUpSet> {
    let barbell = matches!(equipment, Equipment::Barbell);
    let Some(working) = working else {
        return vec![RampUpSet { weight: None, reps: 8 }, RampUpSet { weight: None, reps: 4 }];
    };
    let unit = working.unit;
    let step = step.in_unit(unit);
    let rungs: &[(f64, u16)] = if barbell { &[(0.4, 8), (0.6, 5), (0.8, 3)] } else { &[(0.5, 8), (0.75, 4)] };
    let mut sets: Vec<RampUpSet> = Vec::new();
    let bar = bar_weight(unit);
    if barbell && working.load > bar {
        sets.push(RampUpSet { weight: Some(Weight::new(bar, unit)), reps: 10 });
    }
    for &(fraction, reps) in rungs {
        let load = round_to_step(working.load.as_f64() * fraction, step);
        let floor = if barbell { bar } else { Load::from_hundredths(0) };
        let above_last = sets.last().and_then(|s| s.weight).is_none_or(|w| load > w.load);
        if load > floor && load < working.load && above_last {
            sets.push(RampUpSet { weight: Some(Weight::new(load, unit)), reps });
        }
    }
    sets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kg(value: f64) -> Weight {
        Weight::new(Load::from_f64(value).expect("valid load"), Unit::Kg)
    }

    fn loads(sets: &[RampUpSet]) -> Vec<String> {
        sets.iter().map(|s| format!("{}x{}", s.weight.map_or("-".into(), |w| w.load.to_string()), s.reps)).collect()
    }

    const BARBELL: LoadStep = LoadStep { kg: 2.5, lb: 5.0 };
    const STACK: LoadStep = LoadStep { kg: 5.0, lb: 10.0 };

    #[test]
    fn barbell_ladder_starts_with_the_empty_bar() {
        let sets = ladder(Some(kg(100.0)), Equipment::Barbell, BARBELL);
        assert_eq!(loads(&sets), ["20x10", "40x8", "60x5", "80x3"]);
    }

    #[test]
    fn rungs_round_to_loadable_weights_and_stay_below_working() {
        let sets = ladder(Some(kg(62.5)), Equipment::Barbell, BARBELL);
        assert_eq!(loads(&sets), ["20x10", "25x8", "37.5x5", "50x3"]);
        let machine = ladder(Some(kg(45.0)), Equipment::Machine, STACK);
        assert_eq!(loads(&machine), ["25x8", "35x4"]);
    }

    #[test]
    fn light_working_weights_drop_duplicate_rungs() {
        let sets = ladder(Some(kg(25.0)), Equipment::Barbell, BARBELL);
        assert_eq!(loads(&sets), ["20x10"]);
        let machine = ladder(Some(kg(10.0)), Equipment::Machine, STACK);
        assert_eq!(loads(&machine), ["5x8"]);
    }

    #[test]
    fn pounds_stay_in_pounds() {
        let working = Weight::new(Load::from_hundredths(22500), Unit::Lb);
        let sets = ladder(Some(working), Equipment::Barbell, BARBELL);
        assert_eq!(loads(&sets), ["45x10", "90x8", "135x5", "180x3"]);
        assert!(sets.iter().all(|s| s.weight.is_some_and(|w| w.unit == Unit::Lb)));
    }

    #[test]
    fn unknown_working_weight_gives_unweighted_rungs() {
        let sets = ladder(None, Equipment::Dumbbell, STACK);
        assert_eq!(loads(&sets), ["-x8", "-x4"]);
    }
}

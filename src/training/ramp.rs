//! Ramp-up ladders: easy sets climbing towards the working weight, each on a load that can
//! really be set up (plates on a bar, a dumbbell, a pin on the stack).

use crate::model::exercise::{Equipment, LoadStep};
use crate::model::units::{Load, Unit, Weight};
use crate::training::plates::{self, BarSetup};

/// One rung of the ladder. `weight` is `None` when no working weight is known yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RampUpSet {
    /// Load to use, when it can be worked out.
    pub weight: Option<Weight>,
    /// Reps to do (easy ones).
    pub reps: u16,
}

/// What a rung lifts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RungLoad {
    /// The empty bar (barbells only).
    Bar,
    /// A fraction of the working weight.
    Fraction(f64),
}

/// A rung as a plan writes it: `"bar x 10"` or `"40% x 8"`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rung {
    /// What it lifts.
    pub load: RungLoad,
    /// How many easy reps.
    pub reps: u16,
}

/// Reads a rung: `bar x 10`, `40% x 8` (spaces optional).
pub fn parse_rung(text: &str) -> Result<Rung, String> {
    let explain = || format!("'{text}' is not a ramp-up rung; write it like \"bar x 10\" or \"40% x 8\"");
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    let (load, reps) = compact.split_once('x').ok_or_else(explain)?;
    let reps: u16 = reps.parse().map_err(|_| explain())?;
    if !(1..=20).contains(&reps) {
        return Err(format!("'{text}': a ramp-up rung is 1 to 20 easy reps"));
    }
    let load = if load == "bar" {
        RungLoad::Bar
    } else {
        let percent: f64 = load.strip_suffix('%').ok_or_else(explain)?.parse().map_err(|_| explain())?;
        if !(percent > 0.0 && percent < 100.0) {
            return Err(format!("'{text}': a ramp-up rung is below the working weight, between 0% and 100%"));
        }
        RungLoad::Fraction(percent / 100.0)
    };
    Ok(Rung { load, reps })
}

/// The usual ladder: for barbells the empty bar x 10, then about 40% x 8, 60% x 5 and 80% x 3;
/// for other equipment about 50% x 8 and 75% x 4.
pub fn default_rungs(equipment: Equipment) -> Vec<Rung> {
    let fraction = |f: f64, reps: u16| Rung { load: RungLoad::Fraction(f), reps };
    match equipment {
        Equipment::Barbell => {
            vec![Rung { load: RungLoad::Bar, reps: 10 }, fraction(0.4, 8), fraction(0.6, 5), fraction(0.8, 3)]
        }
        _ => vec![fraction(0.5, 8), fraction(0.75, 4)],
    }
}

/// The loads an exercise can really be set up at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loadable {
    /// A barbell with plates.
    Barbell(BarSetup),
    /// Multiples of a step (dumbbells, stacks, added weight).
    Step(Load),
}

impl Loadable {
    /// The smallest real increase: two of the smallest plates on a barbell, else the step.
    pub fn step(&self) -> Load {
        match self {
            Loadable::Barbell(setup) => {
                let smallest = setup.plates.iter().filter(|p| p.hundredths() > 0).min().copied().unwrap_or_default();
                Load::from_hundredths(smallest.hundredths() * 2)
            }
            Loadable::Step(step) => *step,
        }
    }

    /// The heaviest loadable weight at or below `target`.
    pub fn round_down(&self, target: Load) -> Option<Load> {
        match self {
            Loadable::Barbell(setup) => plates::round_down(setup, target),
            Loadable::Step(step) => {
                let step = step.hundredths().max(1);
                let down = target.hundredths() / step * step;
                (down > 0).then(|| Load::from_hundredths(down))
            }
        }
    }

    /// The loadable weight nearest to `target` (ties go down).
    pub fn round_nearest(&self, target: Load) -> Option<Load> {
        match self {
            Loadable::Barbell(setup) => plates::round_nearest(setup, target),
            Loadable::Step(step) => {
                let step = step.hundredths().max(1);
                let nearest = (target.hundredths() + (step - 1) / 2) / step * step;
                (nearest > 0).then(|| Load::from_hundredths(nearest))
            }
        }
    }
}

/// How loads round for `equipment`: a barbell with the lifter's bar and plates, dumbbells and
/// stacks by their step, anything else by the exercise's own smallest step.
pub fn loadable_for(
    equipment: Equipment,
    gear: &crate::config::EquipmentSettings,
    own_step: LoadStep,
    unit: Unit,
) -> Loadable {
    match equipment {
        Equipment::Barbell => Loadable::Barbell(gear.bar(unit)),
        Equipment::Dumbbell => Loadable::Step(gear.dumbbell_step(unit)),
        Equipment::Machine | Equipment::Cable => Loadable::Step(gear.machine_step(unit)),
        Equipment::SmithMachine | Equipment::Bodyweight | Equipment::Kettlebell => {
            Loadable::Step(own_step.in_unit(unit))
        }
    }
}

/// The ladder towards `working`. Each rung is rounded to a loadable weight strictly below the
/// working weight; rungs that do not climb above the one before are dropped. Without a working
/// weight the rungs keep their reps but have no load (the empty bar excepted).
pub fn ladder(working: Option<Weight>, rungs: &[Rung], loadable: &Loadable, unit: Unit) -> Vec<RampUpSet> {
    let bar = match loadable {
        Loadable::Barbell(setup) => Some(setup.bar),
        Loadable::Step(_) => None,
    };
    let Some(working) = working else {
        return rungs
            .iter()
            .filter(|r| r.load != RungLoad::Bar || bar.is_some())
            .map(|r| RampUpSet {
                weight: match r.load {
                    RungLoad::Bar => bar.map(|b| Weight::new(b, unit)),
                    RungLoad::Fraction(_) => None,
                },
                reps: r.reps,
            })
            .collect();
    };
    let below_working = Load::from_hundredths(working.load.hundredths() - 1);
    let mut sets: Vec<RampUpSet> = Vec::new();
    for rung in rungs {
        let load = match rung.load {
            RungLoad::Bar => bar,
            RungLoad::Fraction(f) => {
                let target = Load::from_f64(working.load.as_f64() * f).unwrap_or_default();
                loadable
                    .round_nearest(target)
                    .filter(|&l| l < working.load)
                    .or_else(|| loadable.round_down(below_working))
            }
        };
        let Some(load) = load else { continue };
        let climbs = sets.last().and_then(|s| s.weight).is_none_or(|w| load > w.load);
        let above_bar = rung.load == RungLoad::Bar || bar.is_none_or(|b| load > b);
        if load < working.load && climbs && above_bar && load.hundredths() > 0 {
            sets.push(RampUpSet { weight: Some(Weight::new(load, working.unit)), reps: rung.reps });
        }
    }
    sets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::EquipmentSettings;

    fn kg(value: f64) -> Weight {
        Weight::new(Load::from_f64(value).expect("valid load"), Unit::Kg)
    }

    fn loads(sets: &[RampUpSet]) -> Vec<String> {
        sets.iter().map(|s| format!("{}x{}", s.weight.map_or("-".into(), |w| w.load.to_string()), s.reps)).collect()
    }

    fn barbell(unit: Unit) -> Loadable {
        Loadable::Barbell(EquipmentSettings::default().bar(unit))
    }

    fn default_ladder(working: Weight, equipment: Equipment) -> Vec<RampUpSet> {
        let loadable =
            loadable_for(equipment, &EquipmentSettings::default(), LoadStep::hundredths(250, 500), working.unit);
        ladder(Some(working), &default_rungs(equipment), &loadable, working.unit)
    }

    #[test]
    fn barbell_ladder_starts_with_the_empty_bar() {
        assert_eq!(loads(&default_ladder(kg(100.0), Equipment::Barbell)), ["20x10", "40x8", "60x5", "80x3"]);
    }

    #[test]
    fn rungs_round_to_loadable_weights_and_stay_below_working() {
        // 40% of 62.5 is 25; 60% is 37.5; 80% is 50: all loadable with 1.25 kg plates.
        assert_eq!(loads(&default_ladder(kg(62.5), Equipment::Barbell)), ["20x10", "25x8", "37.5x5", "50x3"]);
        // Stack pins every 5 kg: 50% of 45 is 22.5 -> 20 (ties go down), 75% is 33.75 -> 35.
        assert_eq!(loads(&default_ladder(kg(45.0), Equipment::Machine)), ["20x8", "35x4"]);
        // Dumbbells every 2 kg: 50% of 26 = 13 -> 12, 75% = 19.5 -> 20.
        assert_eq!(loads(&default_ladder(kg(26.0), Equipment::Dumbbell)), ["12x8", "20x4"]);
    }

    #[test]
    fn light_working_weights_drop_rungs_that_do_not_climb() {
        assert_eq!(loads(&default_ladder(kg(25.0), Equipment::Barbell)), ["20x10"]);
        assert_eq!(loads(&default_ladder(kg(10.0), Equipment::Machine)), ["5x8"]);
        assert!(default_ladder(kg(20.0), Equipment::Barbell).is_empty(), "nothing below the empty bar");
    }

    #[test]
    fn pounds_stay_in_pounds() {
        let working = Weight::new(Load::from_hundredths(22500), Unit::Lb);
        let sets = default_ladder(working, Equipment::Barbell);
        assert_eq!(loads(&sets), ["45x10", "90x8", "135x5", "180x3"]);
        assert!(sets.iter().all(|s| s.weight.is_some_and(|w| w.unit == Unit::Lb)));
    }

    #[test]
    fn unknown_working_weight_keeps_the_reps() {
        let rungs = default_rungs(Equipment::Barbell);
        let sets = ladder(None, &rungs, &barbell(Unit::Kg), Unit::Kg);
        assert_eq!(loads(&sets), ["20x10", "-x8", "-x5", "-x3"]);
    }

    #[test]
    fn plans_write_their_own_rungs() {
        assert_eq!(parse_rung("bar x 10"), Ok(Rung { load: RungLoad::Bar, reps: 10 }));
        assert_eq!(parse_rung("50%x5"), Ok(Rung { load: RungLoad::Fraction(0.5), reps: 5 }));
        for bad in ["50 x 5", "120% x 3", "bar", "40% x 0", "x5"] {
            assert!(parse_rung(bad).is_err(), "{bad}");
        }
        let rungs = [parse_rung("50% x 5").expect("valid"), parse_rung("85% x 1").expect("valid")];
        assert_eq!(loads(&ladder(Some(kg(100.0)), &rungs, &barbell(Unit::Kg), Unit::Kg)), ["50x5", "85x1"]);
    }
}

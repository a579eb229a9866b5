//! Ramp-up ladders: easy sets climbing towards the working weight, each on a load that can
//! really be set up (plates on a bar, a dumbbell, a pin on the stack).

use crate::model::exercise::{Equipment, LoadStep};
use crate::model::plan::rung::{Rung, RungLoad};
use crate::model::units::{Load, MAX_LOAD_HUNDREDTHS, Unit, Weight};
use crate::training::plates::{self, BarSetup};

/// One rung of the ladder. `weight` is `None` when no working weight is known yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RampUpSet {
    /// Load to use, when it can be worked out.
    pub weight: Option<Weight>,
    /// Reps to do (easy ones).
    pub reps: u16,
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

/// What weights can be set up: a barbell with plates, or multiples of a grid (a dumbbell set,
/// a weight stack's pins, added load in fixed plates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grid {
    /// A barbell with plates.
    Barbell(BarSetup),
    /// Multiples of a step (dumbbells, stacks, added weight).
    Multiples(Load),
    /// A body weight and a step of added load or assistance either side of it: the loads of
    /// a bodyweight exercise, body and belt together (`origin + k * step`, above zero).
    Offset {
        /// The body weight.
        origin: Load,
        /// The added-load step.
        step: Load,
    },
}

/// The loads an exercise can really be set up at, and its progression step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loadable {
    /// The weights that load.
    pub grid: Grid,
    /// The exercise's smallest real increase (its own `load_step`); a step lands on the nearest
    /// weight that loads, always above where it started.
    pub step: Load,
}

impl Loadable {
    /// A barbell with these plates, stepping by `step`.
    pub fn barbell(setup: BarSetup, step: Load) -> Loadable {
        Loadable { grid: Grid::Barbell(setup), step }
    }

    /// The body weight `origin` plus or minus whole steps of `step`: a bodyweight exercise's
    /// loads, body and belt (or assistance) together.
    pub fn offset(origin: Load, step: Load) -> Loadable {
        Loadable { grid: Grid::Offset { origin, step }, step }
    }

    /// Multiples of `grid`, stepping by `step`.
    pub fn multiples(grid: Load, step: Load) -> Loadable {
        Loadable { grid: Grid::Multiples(grid), step }
    }

    /// The smallest real increase.
    pub fn step(&self) -> Load {
        self.step
    }

    /// The empty bar, for a barbell.
    pub fn bar(&self) -> Option<Load> {
        match &self.grid {
            Grid::Barbell(setup) => Some(setup.bar),
            Grid::Multiples(_) | Grid::Offset { .. } => None,
        }
    }

    /// Whether `load` can be set up exactly.
    pub fn loads(&self, load: Load) -> bool {
        match &self.grid {
            Grid::Barbell(setup) => plates::loadable(setup, load),
            Grid::Multiples(step) => load.hundredths() > 0 && load.hundredths() % step.hundredths().max(1) == 0,
            Grid::Offset { origin, step } => {
                load.hundredths() > 0 && (load.hundredths() - origin.hundredths()) % step.hundredths().max(1) == 0
            }
        }
    }

    /// The heaviest loadable weight at or below `target`.
    pub fn round_down(&self, target: Load) -> Option<Load> {
        match &self.grid {
            Grid::Barbell(setup) => plates::round_down(setup, target),
            Grid::Multiples(step) => {
                let step = step.hundredths().max(1);
                let down = target.hundredths() / step * step;
                (down > 0).then(|| Load::from_hundredths(down))
            }
            Grid::Offset { origin, step } => {
                let (o, step) = (origin.hundredths(), step.hundredths().max(1));
                let down = o + (target.hundredths() - o).div_euclid(step) * step;
                (down > 0).then(|| Load::from_hundredths(down))
            }
        }
    }

    /// The lightest loadable weight at or above `target`.
    pub fn round_up(&self, target: Load) -> Option<Load> {
        match &self.grid {
            Grid::Barbell(setup) => match plates::load_bar(setup, target) {
                plates::Loading::Exact(_) => Some(target),
                plates::Loading::Nearest { above, .. } => above,
            },
            Grid::Multiples(step) => {
                let step = step.hundredths().max(1);
                let up = (target.hundredths() + step - 1) / step * step;
                (up > 0 && up <= MAX_LOAD_HUNDREDTHS).then(|| Load::from_hundredths(up.max(step)))
            }
            Grid::Offset { origin, step } => {
                let (o, step) = (origin.hundredths(), step.hundredths().max(1));
                // The lightest above zero: no more assistance than the body weighs.
                let lightest = o - (o - 1).div_euclid(step) * step;
                let up = (o + (target.hundredths() - o + step - 1).div_euclid(step) * step).max(lightest);
                (up <= MAX_LOAD_HUNDREDTHS + o).then(|| Load::from_hundredths(up))
            }
        }
    }

    /// The loadable weight nearest to `target` (ties go down).
    pub fn round_nearest(&self, target: Load) -> Option<Load> {
        match &self.grid {
            Grid::Barbell(setup) => plates::round_nearest(setup, target),
            Grid::Multiples(step) => {
                let step = step.hundredths().max(1);
                let nearest = (target.hundredths() + (step - 1) / 2) / step * step;
                (nearest > 0).then(|| Load::from_hundredths(nearest))
            }
            Grid::Offset { origin, step } => {
                let (o, step) = (origin.hundredths(), step.hundredths().max(1));
                let nearest = o + (target.hundredths() - o + (step - 1) / 2).div_euclid(step) * step;
                (nearest > 0).then(|| Load::from_hundredths(nearest))
            }
        }
    }

    /// `steps` real steps above `from`: each step adds the exercise's step and lands on the
    /// nearest loadable weight, or the next one up when that would not climb. 61 kg on a bar with
    /// 1.25 kg plates goes to 62.5, never 63.5. `None` when nothing heavier loads.
    pub fn up(&self, from: Load, steps: u8) -> Option<Load> {
        let mut load = from;
        for _ in 0..steps {
            let aim = Load::from_hundredths(load.hundredths() + self.step.hundredths());
            let next = self
                .round_nearest(aim)
                .filter(|&l| l > load)
                .or_else(|| self.round_up(Load::from_hundredths(load.hundredths() + 1)))?;
            load = next;
        }
        Some(load)
    }

    /// One real step below `from`, on a loadable weight; `None` when nothing lighter loads.
    pub fn down(&self, from: Load) -> Option<Load> {
        let aim = Load::from_hundredths(from.hundredths() - self.step.hundredths());
        self.round_nearest(aim)
            .filter(|&l| l < from)
            .or_else(|| self.round_down(Load::from_hundredths(from.hundredths() - 1)))
            .filter(|&l| l < from)
    }

    /// The weight to hold when the load stays: `load` itself when it loads, else the nearest
    /// weight that does (ties go down).
    pub fn hold(&self, load: Load) -> Load {
        if self.loads(load) { load } else { self.round_nearest(load).unwrap_or(load) }
    }
}

/// The lifter's equipment, as the rules read it: in each unit, the bar and its plates, the
/// dumbbell jump and the stack's pin step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gear {
    /// In kilograms.
    pub kg: UnitGear,
    /// In pounds.
    pub lb: UnitGear,
}

/// The lifter's equipment in one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitGear {
    /// The empty bar and the plates.
    pub bar: BarSetup,
    /// The dumbbell jump.
    pub dumbbell_step: Load,
    /// The stack pin step.
    pub machine_step: Load,
}

impl Gear {
    /// The equipment in `unit`.
    pub fn in_unit(&self, unit: Unit) -> &UnitGear {
        match unit {
            Unit::Kg => &self.kg,
            Unit::Lb => &self.lb,
        }
    }

    /// The default gym ([`BarSetup::standard`], dumbbells every 2 kg or 5 lb, stack pins every
    /// 5 kg or 10 lb), for the rules' tests.
    #[cfg(test)]
    pub(crate) fn standard() -> Gear {
        let in_unit = |unit, dumbbell_step, machine_step| UnitGear {
            bar: BarSetup::standard(unit),
            dumbbell_step: Load::from_hundredths(dumbbell_step),
            machine_step: Load::from_hundredths(machine_step),
        };
        Gear { kg: in_unit(Unit::Kg, 200, 500), lb: in_unit(Unit::Lb, 500, 1000) }
    }
}

/// How loads round and step for an exercise. The step is the exercise's own `load_step` (2.5 kg
/// on cable lateral raises, 5 kg on a chest press stack); the weights that load are the lifter's
/// bar and plates for a barbell, their dumbbell set for dumbbells, and for stacks and everything
/// else multiples of the exercise's step (or of the configured stack step, when the exercise's
/// step is a whole number of those pins).
pub fn loadable_for(equipment: Equipment, gear: &Gear, own_step: LoadStep, unit: Unit) -> Loadable {
    let step = own_step.in_unit(unit);
    let gear = gear.in_unit(unit);
    match equipment {
        Equipment::Barbell => Loadable::barbell(gear.bar.clone(), step),
        Equipment::Dumbbell => Loadable::multiples(gear.dumbbell_step, step),
        Equipment::Machine | Equipment::Cable => {
            let pins = gear.machine_step;
            let grid = if pins.hundredths() > 0 && step.hundredths() % pins.hundredths() == 0 { pins } else { step };
            Loadable::multiples(grid, step)
        }
        Equipment::SmithMachine | Equipment::Bodyweight | Equipment::Kettlebell => Loadable::multiples(step, step),
    }
}

/// The ladder towards `working`. Each rung is rounded to a loadable weight strictly below the
/// working weight; rungs that do not climb above the one before are dropped. Without a working
/// weight the rungs keep their reps but have no load (the empty bar excepted).
pub fn ladder(working: Option<Weight>, rungs: &[Rung], loadable: &Loadable, unit: Unit) -> Vec<RampUpSet> {
    let bar = loadable.bar();
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
    use crate::model::plan::rung::parse_rung;

    fn kg(value: f64) -> Weight {
        Weight::new(Load::from_f64(value).expect("valid load"), Unit::Kg)
    }

    fn loads(sets: &[RampUpSet]) -> Vec<String> {
        sets.iter().map(|s| format!("{}x{}", s.weight.map_or("-".into(), |w| w.load.to_string()), s.reps)).collect()
    }

    fn barbell(unit: Unit) -> Loadable {
        Loadable::barbell(Gear::standard().in_unit(unit).bar.clone(), LoadStep::hundredths(250, 500).in_unit(unit))
    }

    fn default_ladder(working: Weight, equipment: Equipment) -> Vec<RampUpSet> {
        let loadable = loadable_for(equipment, &Gear::standard(), equipment.load_step(), working.unit);
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

#[cfg(test)]
mod step_tests {
    use super::*;

    #[test]
    fn a_cable_exercise_steps_by_its_own_load_step() {
        // Cable lateral raise: the catalogue's step is 2.5 kg, the stack default 5 kg.
        let loadable = loadable_for(Equipment::Cable, &Gear::standard(), LoadStep::hundredths(250, 500), Unit::Kg);
        assert_eq!(loadable.step(), Load::from_hundredths(250), "5 kg x 15 goes to 7.5 kg, not 10");
        assert_eq!(loadable.up(Load::from_hundredths(500), 1), Some(Load::from_hundredths(750)));
    }

    fn kg(hundredths: i64) -> Load {
        Load::from_hundredths(hundredths)
    }

    #[test]
    fn a_step_lands_on_a_weight_that_loads() {
        let gear = Gear::standard();
        // Barbell row at 61 kg (imported, not loadable with 1.25 kg plates on a 20 kg bar):
        // 61 + 2.5 = 63.5 does not load either; the nearest loadable above 61 is 62.5.
        let bar = loadable_for(Equipment::Barbell, &gear, Equipment::Barbell.load_step(), Unit::Kg);
        assert!(!bar.loads(kg(6100)) && !bar.loads(kg(6350)));
        assert_eq!(bar.up(kg(6100), 1), Some(kg(6250)));
        assert_eq!(bar.up(kg(6000), 2), Some(kg(6500)), "two steps of 2.5 from 60");
        assert_eq!(bar.down(kg(6100)), Some(kg(5750)), "61 - 2.5 = 58.5: 57.5 is 1 away, 60 is 1.5");
        assert_eq!(bar.hold(kg(6100)), kg(6000), "61 holds as 60 (ties and nearest go down)");
        // Dumbbells from the configured set (every 2 kg), stepping by the exercise's own 2 kg.
        let dumbbell = loadable_for(Equipment::Dumbbell, &gear, Equipment::Dumbbell.load_step(), Unit::Kg);
        assert_eq!(dumbbell.up(kg(2400), 1), Some(kg(2600)));
        assert!(!dumbbell.loads(kg(2500)));
        // A chest press stack: the catalogue's 5 kg on 5 kg pins.
        let stack = loadable_for(Equipment::Machine, &gear, Equipment::Machine.load_step(), Unit::Kg);
        assert_eq!(stack.up(kg(4500), 1), Some(kg(5000)));
        // A 10 kg own step on 5 kg pins steps by 10 and rounds ramp-ups to the pins.
        let coarse = loadable_for(Equipment::Machine, &gear, LoadStep::hundredths(1000, 2000), Unit::Kg);
        assert_eq!((coarse.up(kg(4500), 1), coarse.round_nearest(kg(2250))), (Some(kg(5500)), Some(kg(2000))));
        // Nothing under the empty bar.
        assert_eq!(bar.down(kg(2000)), None);
    }
}

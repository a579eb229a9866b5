//! Plate loading: the fewest plates per side that make a barbell total exactly, and the nearest
//! totals that do load when a weight cannot be made.
//!
//! Everything is counted in whole hundredths of a unit, so 1.25 kg plates add up exactly.

use crate::model::units::{Load, MAX_LOAD_HUNDREDTHS, Unit};

/// What a barbell is loaded with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarSetup {
    /// The empty bar.
    pub bar: Load,
    /// Each plate's weight, in any order; duplicates and zero plates are ignored, and as many pairs
    /// of each as needed are assumed.
    pub plates: Vec<Load>,
}

impl BarSetup {
    /// The default gym: bar 20 kg with plates 25, 20, 15, 10, 5, 2.5, 1.25; or bar 45 lb with 45,
    /// 35, 25, 10, 5, 2.5.
    pub fn standard(unit: Unit) -> BarSetup {
        let (bar, plates): (i64, &[i64]) = match unit {
            Unit::Kg => (2000, &[2500, 2000, 1500, 1000, 500, 250, 125]),
            Unit::Lb => (4500, &[4500, 3500, 2500, 1000, 500, 250]),
        };
        BarSetup { bar: Load::from_hundredths(bar), plates: plates.iter().map(|&p| Load::from_hundredths(p)).collect() }
    }
}

/// How a weight loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loading {
    /// Exactly: the plates for ONE side, heaviest first (empty for the bare bar).
    Exact(Vec<Load>),
    /// Not exactly: the nearest loadable totals below and above.
    Nearest {
        /// The heaviest loadable total under the target (`None` when the target is under the bar).
        below: Option<Load>,
        /// The lightest loadable total over the target (`None` when it would pass the heaviest
        /// accepted load).
        above: Option<Load>,
    },
}

/// Loads `total` on the bar.
///
/// The plates are the fewest per side; among equally few, the heaviest go on first (100 kg on a
/// 20 kg bar is 25 + 15, not 20 + 20). Totals are bounded by the heaviest accepted load (1000).
pub fn load_bar(setup: &BarSetup, total: Load) -> Loading {
    let bar = setup.bar.hundredths();
    let total = total.hundredths();
    if total < bar {
        return Loading::Nearest { below: None, above: Some(setup.bar) };
    }
    let extra = total - bar;
    let floor_side = extra / 2;
    let ceil_side = extra - floor_side;
    let table = SideTable::new(setup, ceil_side);
    if extra % 2 == 0
        && let Some(side) = table.plates_for(floor_side)
    {
        return Loading::Exact(side);
    }
    let on_bar = |side: i64| Load::from_hundredths(bar + 2 * side);
    Loading::Nearest {
        below: table.at_or_below(floor_side).map(on_bar),
        above: table.at_or_above(ceil_side).map(on_bar),
    }
}

/// Whether `total` can be loaded exactly.
pub fn loadable(setup: &BarSetup, total: Load) -> bool {
    matches!(load_bar(setup, total), Loading::Exact(_))
}

/// The heaviest loadable total at or below `total` (None below the bar).
pub fn round_down(setup: &BarSetup, total: Load) -> Option<Load> {
    match load_bar(setup, total) {
        Loading::Exact(_) => Some(total),
        Loading::Nearest { below, .. } => below,
    }
}

/// The loadable total nearest to `total` (ties go down).
pub fn round_nearest(setup: &BarSetup, total: Load) -> Option<Load> {
    match load_bar(setup, total) {
        Loading::Exact(_) => Some(total),
        Loading::Nearest { below: Some(below), above: Some(above) } => {
            let under = total.hundredths() - below.hundredths();
            let over = above.hundredths() - total.hundredths();
            Some(if over < under { above } else { below })
        }
        Loading::Nearest { below, above } => below.or(above),
    }
}

/// "20 + 5 + 1.25" style text for one side ("empty bar" for none).
pub fn describe_side(plates: &[Load]) -> String {
    if plates.is_empty() {
        return "empty bar".to_string();
    }
    plates.iter().map(Load::to_string).collect::<Vec<_>>().join(" + ")
}

/// Marks a per-side amount that no combination of plates makes.
const UNREACHABLE: u32 = u32::MAX;

/// The fewest plates for every per-side amount up to a bound.
///
/// Amounts are counted in steps of the plates' greatest common divisor (1.25 kg for the standard
/// kg plates), which keeps the table a few hundred entries long; sides are given in hundredths.
struct SideTable {
    /// Hundredths per step.
    step: i64,
    /// Distinct plates in steps, heaviest first.
    plates: Vec<i64>,
    /// Fewest plates per side for each count of steps, or `UNREACHABLE`.
    fewest: Vec<u32>,
}

impl SideTable {
    /// A table covering every side an answer about `ceil_side` may need: up to one heaviest
    /// plate beyond it (a stack of heaviest plates lands in that span), but never past the
    /// heaviest accepted load.
    fn new(setup: &BarSetup, ceil_side: i64) -> SideTable {
        let mut hundredths: Vec<i64> = setup.plates.iter().map(|p| p.hundredths()).filter(|&p| p > 0).collect();
        hundredths.sort_unstable_by(|a, b| b.cmp(a));
        hundredths.dedup();
        let step = hundredths.iter().copied().fold(0, gcd).max(1);
        let heaviest = hundredths.first().copied().unwrap_or(0);
        let max_side = (MAX_LOAD_HUNDREDTHS - setup.bar.hundredths()).max(0) / 2;
        let bound = max_side.min(ceil_side + heaviest);
        let plates: Vec<i64> = hundredths.iter().map(|p| p / step).collect();
        let len = (bound / step + 1) as usize;
        let mut fewest = vec![UNREACHABLE; len];
        fewest[0] = 0;
        for amount in 1..len {
            fewest[amount] = plates
                .iter()
                .filter_map(|&plate| amount.checked_sub(plate as usize))
                .map(|rest| fewest[rest])
                .filter(|&count| count != UNREACHABLE)
                .min()
                .map_or(UNREACHABLE, |count| count + 1);
        }
        SideTable { step, plates, fewest }
    }

    /// The steps making `side` hundredths, when it is a whole number of steps inside the table.
    fn steps(&self, side: i64) -> Option<usize> {
        (side >= 0 && side % self.step == 0).then_some((side / self.step) as usize).filter(|&s| s < self.fewest.len())
    }

    /// The plates for one side, heaviest first, or `None` when `side` cannot be made.
    fn plates_for(&self, side: i64) -> Option<Vec<Load>> {
        let mut amount = self.steps(side)?;
        if self.fewest[amount] == UNREACHABLE {
            return None;
        }
        let mut chosen = Vec::new();
        while amount > 0 {
            // Taking the heaviest plate that still leaves a fewest-plates remainder yields the
            // fewest plates with the heaviest first: no later plate can outweigh it.
            let plate = self.plates.iter().map(|&p| p as usize).find(|&plate| {
                plate <= amount
                    && self.fewest[amount - plate] != UNREACHABLE
                    && self.fewest[amount - plate] + 1 == self.fewest[amount]
            })?;
            chosen.push(Load::from_hundredths(plate as i64 * self.step));
            amount -= plate;
        }
        Some(chosen)
    }

    /// The heaviest side that can be made at or under `side` hundredths (zero always can).
    fn at_or_below(&self, side: i64) -> Option<i64> {
        let top = (side.max(0) / self.step) as usize;
        (0..=top.min(self.fewest.len() - 1))
            .rev()
            .find(|&s| self.fewest[s] != UNREACHABLE)
            .map(|s| s as i64 * self.step)
    }

    /// The lightest side that can be made at or over `side` hundredths, within the table.
    fn at_or_above(&self, side: i64) -> Option<i64> {
        let start = ((side.max(0) + self.step - 1) / self.step) as usize;
        (start..self.fewest.len()).find(|&s| self.fewest[s] != UNREACHABLE).map(|s| s as i64 * self.step)
    }
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::sync::OnceLock;

    use proptest::prelude::*;

    use super::*;

    fn load(hundredths: i64) -> Load {
        Load::from_hundredths(hundredths)
    }

    fn loads(hundredths: &[i64]) -> Vec<Load> {
        hundredths.iter().map(|&h| load(h)).collect()
    }

    fn kg() -> BarSetup {
        BarSetup::standard(Unit::Kg)
    }

    fn lb() -> BarSetup {
        BarSetup::standard(Unit::Lb)
    }

    #[test]
    fn standard_gyms() {
        assert_eq!(kg().bar, load(2000));
        assert_eq!(kg().plates, loads(&[2500, 2000, 1500, 1000, 500, 250, 125]));
        assert_eq!(lb().bar, load(4500));
        assert_eq!(lb().plates, loads(&[4500, 3500, 2500, 1000, 500, 250]));
    }

    #[test]
    fn hundred_kg_is_twenty_five_and_fifteen() {
        assert_eq!(load_bar(&kg(), load(10_000)), Loading::Exact(loads(&[2500, 1500])));
    }

    #[test]
    fn hundred_two_and_a_half_kg_adds_a_change_plate() {
        assert_eq!(load_bar(&kg(), load(10_250)), Loading::Exact(loads(&[2500, 1500, 125])));
    }

    #[test]
    fn sixty_lb_a_side_beats_largest_first() {
        // Largest first would take 45 + 10 + 5: three plates where two do.
        assert_eq!(load_bar(&lb(), load(16_500)), Loading::Exact(loads(&[3500, 2500])));
        // 70 a side: largest first is already the fewest.
        assert_eq!(load_bar(&lb(), load(18_500)), Loading::Exact(loads(&[4500, 2500])));
    }

    #[test]
    fn the_bare_bar_takes_no_plates() {
        assert_eq!(load_bar(&kg(), load(2000)), Loading::Exact(vec![]));
        assert_eq!(load_bar(&lb(), load(4500)), Loading::Exact(vec![]));
    }

    #[test]
    fn an_unloadable_weight_gives_its_neighbours() {
        assert_eq!(
            load_bar(&kg(), load(10_100)),
            Loading::Nearest { below: Some(load(10_000)), above: Some(load(10_250)) }
        );
        // An odd number of hundredths over the bar cannot split into two equal sides.
        assert_eq!(load_bar(&kg(), load(2001)), Loading::Nearest { below: Some(load(2000)), above: Some(load(2250)) });
    }

    #[test]
    fn under_the_bar_only_the_bar_is_above() {
        assert_eq!(load_bar(&kg(), load(1000)), Loading::Nearest { below: None, above: Some(load(2000)) });
        assert_eq!(load_bar(&kg(), load(0)), Loading::Nearest { below: None, above: Some(load(2000)) });
        assert!(!loadable(&kg(), load(1000)));
    }

    #[test]
    fn nothing_loads_past_the_heaviest_accepted_load() {
        let setup = BarSetup { bar: load(2000), plates: loads(&[2500]) };
        // 990 needs 485 a side; 475 a side makes 970 and 500 a side would make 1020.
        assert_eq!(load_bar(&setup, load(99_000)), Loading::Nearest { below: Some(load(97_000)), above: None });
        assert_eq!(round_nearest(&setup, load(99_000)), Some(load(97_000)));
        let mut heaviest = vec![load(2500); 19];
        heaviest.push(load(1500));
        assert_eq!(load_bar(&kg(), load(100_000)), Loading::Exact(heaviest));
    }

    #[test]
    fn plate_order_duplicates_and_zeros_do_not_matter() {
        let messy = BarSetup { bar: load(4500), plates: loads(&[250, 3500, 0, 4500, 1000, 2500, 500, 3500, 250]) };
        for total in (4500..=60_000).step_by(250) {
            assert_eq!(load_bar(&messy, load(total)), load_bar(&lb(), load(total)), "{total}");
        }
    }

    #[test]
    fn without_plates_only_the_bar_loads() {
        let setup = BarSetup { bar: load(2000), plates: vec![] };
        assert_eq!(load_bar(&setup, load(2000)), Loading::Exact(vec![]));
        assert_eq!(load_bar(&setup, load(5000)), Loading::Nearest { below: Some(load(2000)), above: None });
    }

    #[test]
    fn loadable_matches_exact_answers() {
        assert!(loadable(&kg(), load(2000)));
        assert!(loadable(&kg(), load(10_250)));
        assert!(!loadable(&kg(), load(10_100)));
        assert!(loadable(&lb(), load(13_500)));
        assert!(!loadable(&lb(), load(13_600)));
    }

    #[test]
    fn round_down_takes_the_heaviest_at_or_under() {
        assert_eq!(round_down(&kg(), load(10_000)), Some(load(10_000)));
        assert_eq!(round_down(&kg(), load(10_240)), Some(load(10_000)));
        assert_eq!(round_down(&kg(), load(10_250)), Some(load(10_250)));
        assert_eq!(round_down(&lb(), load(22_900)), Some(load(22_500)));
        assert_eq!(round_down(&kg(), load(1999)), None);
    }

    #[test]
    fn round_nearest_goes_to_the_closer_and_down_on_ties() {
        assert_eq!(round_nearest(&kg(), load(10_100)), Some(load(10_000)));
        assert_eq!(round_nearest(&kg(), load(10_150)), Some(load(10_250)));
        // 101.25 sits halfway between 100 and 102.5.
        assert_eq!(round_nearest(&kg(), load(10_125)), Some(load(10_000)));
        assert_eq!(round_nearest(&lb(), load(13_700)), Some(load(13_500)));
        assert_eq!(round_nearest(&lb(), load(13_900)), Some(load(14_000)));
        assert_eq!(round_nearest(&kg(), load(500)), Some(load(2000)));
        assert_eq!(round_nearest(&kg(), load(6000)), Some(load(6000)));
    }

    #[test]
    fn sides_read_as_plates() {
        assert_eq!(describe_side(&loads(&[2000, 500, 125])), "20 + 5 + 1.25");
        assert_eq!(describe_side(&loads(&[4500])), "45");
        assert_eq!(describe_side(&[]), "empty bar");
    }

    /// Fewest plates for every per-side amount in hundredths, by breadth-first search: an oracle
    /// built differently from the table.
    fn oracle(setup: &BarSetup) -> Vec<Option<usize>> {
        let max_side = ((MAX_LOAD_HUNDREDTHS - setup.bar.hundredths()) / 2) as usize;
        let mut fewest = vec![None; max_side + 1];
        fewest[0] = Some(0);
        let mut queue = VecDeque::from([0usize]);
        while let Some(side) = queue.pop_front() {
            let count = fewest[side].expect("queued sides are reached");
            for plate in &setup.plates {
                let next = side + plate.hundredths() as usize;
                if next <= max_side && fewest[next].is_none() {
                    fewest[next] = Some(count + 1);
                    queue.push_back(next);
                }
            }
        }
        fewest
    }

    fn oracle_for(unit: Unit) -> &'static [Option<usize>] {
        static KG: OnceLock<Vec<Option<usize>>> = OnceLock::new();
        static LB: OnceLock<Vec<Option<usize>>> = OnceLock::new();
        match unit {
            Unit::Kg => KG.get_or_init(|| oracle(&kg())),
            Unit::Lb => LB.get_or_init(|| oracle(&lb())),
        }
    }

    fn oracle_loadable(unit: Unit, bar: i64, total: i64) -> bool {
        let extra = total - bar;
        extra >= 0 && extra % 2 == 0 && oracle_for(unit).get((extra / 2) as usize).is_some_and(Option::is_some)
    }

    /// Largest first: as many of each plate as fit, heaviest down; `None` when it misses.
    fn greedy_side(setup: &BarSetup, side: i64) -> Option<Vec<Load>> {
        let mut plates = setup.plates.clone();
        plates.sort_unstable_by(|a, b| b.cmp(a));
        let mut rest = side;
        let mut chosen = Vec::new();
        for plate in plates {
            while plate.hundredths() > 0 && rest >= plate.hundredths() {
                rest -= plate.hundredths();
                chosen.push(plate);
            }
        }
        (rest == 0).then_some(chosen)
    }

    fn check_total(unit: Unit, total: i64) {
        let setup = BarSetup::standard(unit);
        let bar = setup.bar.hundredths();
        match load_bar(&setup, load(total)) {
            Loading::Exact(side) => {
                let side_sum: i64 = side.iter().map(|p| p.hundredths()).sum();
                assert_eq!(bar + 2 * side_sum, total, "{total}: {side:?}");
                assert!(side.windows(2).all(|w| w[0] >= w[1]), "{total}: not heaviest first: {side:?}");
                assert!(side.iter().all(|p| setup.plates.contains(p)), "{total}: unknown plate in {side:?}");
                assert_eq!(Some(side.len()), oracle_for(unit)[side_sum as usize], "{total}: not the fewest: {side:?}");
                if let Some(greedy) = greedy_side(&setup, side_sum) {
                    assert!(side.len() <= greedy.len(), "{total}: {side:?} uses more than {greedy:?}");
                }
                assert!(loadable(&setup, load(total)));
                assert_eq!(round_down(&setup, load(total)), Some(load(total)));
                assert_eq!(round_nearest(&setup, load(total)), Some(load(total)));
            }
            Loading::Nearest { below, above } => {
                assert!(!oracle_loadable(unit, bar, total), "{total} loads but was refused");
                assert_eq!(below.is_none(), total < bar, "{total}: below {below:?}");
                let low = below.map_or(bar.min(total) - 1, Load::hundredths);
                let high = above.map_or(MAX_LOAD_HUNDREDTHS + 1, Load::hundredths);
                assert!(low < total && total < high, "{total}: not between {below:?} and {above:?}");
                for neighbour in below.iter().chain(above.iter()) {
                    assert!(loadable(&setup, *neighbour), "{total}: {neighbour} does not load");
                }
                // The oracle agrees with `load_bar` on every total checked, so it stands in here.
                for between in (low + 1)..high {
                    assert!(
                        !oracle_loadable(unit, bar, between),
                        "{total}: {between} loads between {below:?} and {above:?}"
                    );
                }
                assert_eq!(round_down(&setup, load(total)), below);
            }
        }
    }

    #[test]
    fn every_quarter_kg_and_half_lb_up_to_the_usual_range() {
        for quarters in 0..=1600 {
            check_total(Unit::Kg, quarters * 25);
        }
        for halves in 0..=1800 {
            check_total(Unit::Lb, halves * 50);
        }
    }

    proptest! {
        #[test]
        fn kg_totals_load_exactly_or_name_their_neighbours(quarters in 0i64..=1600) {
            check_total(Unit::Kg, quarters * 25);
        }

        #[test]
        fn any_hundredth_loads_exactly_or_names_its_neighbours(total in 0i64..=MAX_LOAD_HUNDREDTHS, pounds in any::<bool>()) {
            check_total(if pounds { Unit::Lb } else { Unit::Kg }, total);
        }
    }
}

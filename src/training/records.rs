//! An exercise's trend and records: the best RIR-adjusted e1RM of each week, the top set of each
//! week, and the records (best e1RM, most reps at each load). Ramp-up sets and missed attempts
//! (0 reps) never count, and deload weeks are marked in the trend but set no records.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::session::{LoggedSet, SetEntry, signed_hundredths};
use crate::model::units::{Load, Unit};
use crate::training::e1rm::{Formula, estimate_set};

/// One week of an exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekPoint {
    /// The week's Monday.
    pub monday: NaiveDate,
    /// The best RIR-adjusted e1RM of its working sets.
    pub best_e1rm: f64,
    /// The heaviest working set (most reps at that load).
    pub top: LoggedSet,
    /// Working sets that week.
    pub working_sets: usize,
    /// Effective sets of the exercise that week, as the weekly dose counts them (see
    /// [`count_effective_sets`]); 0 until counted.
    pub effective_sets: usize,
    /// A deload week.
    pub deload: bool,
}

impl WeekPoint {
    /// The week's top weight: the load of its heaviest working set, in the unit of the points
    /// (for a set on body weight, what was added to the body: a belt, or an assistance below 0).
    pub fn top_weight(&self) -> f64 {
        added(&self.top.entry) as f64 / 100.0
    }
}

/// Counts each week's effective sets into `points`: the sets `effective` says are effective
/// (the caller reads them as the weekly dose does: ramp-ups, missed attempts and technique sets
/// never, a working set carried on by a technique as taken to failure, a left and right pair
/// once), each in the week `week_of` gives. A week with no point (no working set in the unit)
/// gets none.
pub fn count_effective_sets(
    points: &mut [WeekPoint],
    sets: &[LoggedSet],
    effective: impl Fn(&LoggedSet) -> bool,
    week_of: impl Fn(&LoggedSet) -> NaiveDate,
) {
    for point in points.iter_mut() {
        point.effective_sets = 0;
    }
    for set in sets.iter().filter(|s| effective(s)) {
        let monday = week_of(set);
        if let Ok(i) = points.binary_search_by_key(&monday, |p| p.monday) {
            points[i].effective_sets += 1;
        }
    }
}

/// Week by week, oldest first, working sets in `unit` only (no silent conversion).
pub fn weekly_points(
    sets: &[LoggedSet],
    formula: Formula,
    unit: Unit,
    deloads: &[NaiveDate],
    week_of: impl Fn(&LoggedSet) -> NaiveDate,
) -> Vec<WeekPoint> {
    weekly_points_with(sets, |s| estimate_set(formula, &s.entry), unit, deloads, week_of)
}

/// [`weekly_points`] with each set's e1RM given by `e1rm` (a bodyweight set's weighs the body
/// in force on its day). The top set is the heaviest by what was added to the body (a belt
/// above none, none above an assistance), which for a plain set is its load.
pub fn weekly_points_with(
    sets: &[LoggedSet],
    e1rm: impl Fn(&LoggedSet) -> Option<f64>,
    unit: Unit,
    deloads: &[NaiveDate],
    week_of: impl Fn(&LoggedSet) -> NaiveDate,
) -> Vec<WeekPoint> {
    let mut weeks: BTreeMap<NaiveDate, WeekPoint> = BTreeMap::new();
    for set in sets.iter().filter(|s| s.entry.counts() && s.entry.weight.unit == unit) {
        let Some(e1rm) = e1rm(set) else { continue };
        let monday = week_of(set);
        let point = weeks.entry(monday).or_insert_with(|| WeekPoint {
            monday,
            best_e1rm: e1rm,
            top: set.clone(),
            working_sets: 0,
            effective_sets: 0,
            deload: deloads.contains(&monday),
        });
        point.working_sets += 1;
        point.best_e1rm = point.best_e1rm.max(e1rm);
        let heavier = (added(&set.entry), set.entry.reps) > (added(&point.top.entry), point.top.entry.reps);
        if heavier {
            point.top = set.clone();
        }
    }
    weeks.into_values().collect()
}

/// What a set added: its load, or a bodyweight set's belt (an assistance below zero).
fn added(entry: &SetEntry) -> i64 {
    signed_hundredths(entry.basis, entry.weight.load)
}

/// An exercise's records.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Records {
    /// The best RIR-adjusted e1RM, and the set that made it.
    pub best_e1rm: Option<(f64, LoggedSet)>,
    /// For each load lifted, the most reps, and the set (first to reach it); heaviest first. A
    /// bodyweight set's load is its belt or assistance: its set says which.
    pub best_reps: Vec<(Load, u16, LoggedSet)>,
}

impl Records {
    /// Whether a set holds a record (best e1RM, or most reps at its load).
    pub fn holds(&self, set: &LoggedSet) -> bool {
        self.best_e1rm.as_ref().is_some_and(|(_, s)| s.id == set.id)
            || self.best_reps.iter().any(|(_, _, s)| s.id == set.id)
    }
}

/// Records over `sets` (oldest first): working sets in `unit`, outside deload weeks.
pub fn records(
    sets: &[LoggedSet],
    formula: Formula,
    unit: Unit,
    deloads: &[NaiveDate],
    week_of: impl Fn(&LoggedSet) -> NaiveDate,
) -> Records {
    records_with(sets, |s| estimate_set(formula, &s.entry), unit, deloads, week_of)
}

/// [`records`] with each set's e1RM given by `e1rm`. The most reps are kept per load added
/// (a bodyweight set's belt, or its assistance as a negative load), so a body weight that
/// moves does not make every set a first at its load.
pub fn records_with(
    sets: &[LoggedSet],
    e1rm: impl Fn(&LoggedSet) -> Option<f64>,
    unit: Unit,
    deloads: &[NaiveDate],
    week_of: impl Fn(&LoggedSet) -> NaiveDate,
) -> Records {
    let mut records = Records::default();
    let mut by_load: BTreeMap<i64, (u16, LoggedSet)> = BTreeMap::new();
    // A set that broke form counts its good reps for the trend, but sets no record; a missed
    // attempt sets none either.
    for set in sets.iter().filter(|s| s.entry.counts() && s.entry.weight.unit == unit && !s.entry.form_broke) {
        if deloads.contains(&week_of(set)) {
            continue;
        }
        if let Some(e1rm) = e1rm(set)
            && records.best_e1rm.as_ref().is_none_or(|(best, _)| e1rm > *best)
        {
            records.best_e1rm = Some((e1rm, set.clone()));
        }
        let load = added(&set.entry);
        if by_load.get(&load).is_none_or(|(reps, _)| set.entry.reps > *reps) {
            by_load.insert(load, (set.entry.reps, set.clone()));
        }
    }
    records.best_reps = by_load.into_values().rev().map(|(reps, set)| (set.entry.weight.load, reps, set)).collect();
    records
}

/// Which of `new` sets (oldest first) were records when lifted, given what came before as the
/// store summarises it: the sets that could hold the best e1RM, and the most reps at each load.
pub fn new_records_over(
    best_candidates: &[SetEntry],
    most_reps: &[(Load, u16)],
    new: &[LoggedSet],
    formula: Formula,
) -> Vec<i64> {
    // Nothing to beat before the first set ever; after it, there is.
    let mut seen = !(best_candidates.is_empty() && most_reps.is_empty());
    let mut best = best_candidates
        .iter()
        .filter_map(|e| estimate_set(formula, e))
        .fold(None, |best: Option<f64>, e| Some(best.map_or(e, |b| b.max(e))));
    let mut reps_at: BTreeMap<Load, u16> = most_reps.iter().copied().collect();
    let mut ids = Vec::new();
    for set in new.iter().filter(|s| s.entry.counts() && !s.entry.form_broke) {
        let e1rm = estimate_set(formula, &set.entry);
        let e1rm_record = e1rm.is_some_and(|e| best.is_none_or(|b| e > b));
        let reps_record = reps_at.get(&set.entry.weight.load).is_none_or(|&most| set.entry.reps > most);
        if (e1rm_record || reps_record) && seen {
            ids.push(set.id);
        }
        seen = true;
        if let Some(e) = e1rm {
            best = Some(best.map_or(e, |b| b.max(e)));
        }
        let most = reps_at.entry(set.entry.weight.load).or_insert(0);
        *most = (*most).max(set.entry.reps);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::SetKind;
    use crate::model::units::{Rir, Weight};

    fn set(id: i64, load: f64, reps: u16, rir: u8, kind: SetKind) -> LoggedSet {
        let weight = Weight::new(Load::from_f64(load).expect("valid"), Unit::Kg);
        LoggedSet::sample(id, "Barbell bench press", kind, weight, reps, Rir::whole(rir))
    }

    fn monday(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).expect("date")
    }

    /// Sets 1-2 in the week of the 2nd, 3-4 in the week of the 9th (a deload), 5+ the 16th.
    fn week_of(set: &LoggedSet) -> NaiveDate {
        match set.id {
            1..=2 => monday(2),
            3..=4 => monday(9),
            _ => monday(16),
        }
    }

    #[test]
    fn weeks_keep_their_best_and_their_top_set() {
        let sets = [
            set(1, 100.0, 5, 1, SetKind::Working),
            set(2, 90.0, 10, 0, SetKind::Working),
            set(3, 80.0, 5, 4, SetKind::Working),
            set(4, 140.0, 1, 0, SetKind::RampUp),
        ];
        let weeks = weekly_points(&sets, Formula::Epley, Unit::Kg, &[monday(9)], week_of);
        assert_eq!(weeks.len(), 2);
        // 100x5@1 = 6 to failure = 120; 90x10@0 = 120 too; the top set is the heaviest.
        assert!((weeks[0].best_e1rm - 120.0).abs() < 1e-9);
        assert_eq!(weeks[0].top.id, 1);
        assert_eq!(weeks[0].working_sets, 2);
        assert!(weeks[1].deload, "marked, not dropped");
    }

    #[test]
    fn new_records_are_marked_when_they_happen() {
        // Before: 100x5@1 and 90x8@1, as the store summarises them.
        let candidates = [set(1, 100.0, 5, 1, SetKind::Working).entry, set(2, 90.0, 8, 1, SetKind::Working).entry];
        let most = [(Load::from_hundredths(10_000), 5), (Load::from_hundredths(9_000), 8)];
        let new = [
            set(3, 100.0, 6, 1, SetKind::Working), // more reps at 100 and a better e1RM
            set(4, 90.0, 8, 1, SetKind::Working),  // ties: no record
            set(5, 80.0, 5, 1, SetKind::Working),  // a first set at 80: most reps at that load
        ];
        assert_eq!(new_records_over(&candidates, &most, &new, Formula::Epley), [3, 5]);
        // The very first set has nothing to beat; the ones after it do.
        let first_week = [set(6, 60.0, 8, 1, SetKind::Working), set(7, 60.0, 10, 1, SetKind::Working)];
        assert_eq!(new_records_over(&[], &[], &first_week, Formula::Epley), [7]);
    }

    #[test]
    fn records_skip_ramp_ups_and_deload_weeks() {
        let sets = [
            set(1, 100.0, 5, 1, SetKind::Working),
            set(2, 100.0, 6, 2, SetKind::Working),
            set(3, 110.0, 5, 0, SetKind::Working), // a deload week: no record
            set(4, 150.0, 1, 0, SetKind::RampUp),
            set(5, 100.0, 6, 0, SetKind::Working), // ties 6 reps at 100: the first keeps it
            set(6, 90.0, 12, 0, SetKind::Working),
        ];
        let r = records(&sets, Formula::Epley, Unit::Kg, &[monday(9)], week_of);
        let (best, holder) = r.best_e1rm.clone().expect("a best");
        // 100x6@2 = 8 to failure = 126.67; 90x12@0 = 126.0.
        assert_eq!(holder.id, 2);
        assert!((best - 126.666_666_666_666_67).abs() < 1e-6);
        let reps: Vec<(String, u16, i64)> = r.best_reps.iter().map(|(l, n, s)| (l.to_string(), *n, s.id)).collect();
        assert_eq!(reps, [("100".to_string(), 6, 2), ("90".to_string(), 12, 6)]);
        assert!(r.holds(&sets[1]) && r.holds(&sets[5]) && !r.holds(&sets[2]));
    }
}

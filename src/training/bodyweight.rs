//! Bodyweight sets as the rules read them: the body weight log's reading in force on a set's
//! day, plus the set's belt or minus its assistance, is what was lifted. Nothing is converted:
//! a body weight in pounds does not weigh a set logged in kilograms.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::session::{Basis, SetEntry, signed_hundredths};
use crate::model::units::{Load, MAX_LOAD_HUNDREDTHS, Weight};
use crate::training::e1rm::{self, Formula};

/// The body weight log, oldest first: each reading is in force from its day until the next.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BodyWeights {
    readings: Vec<(NaiveDate, Weight)>,
}

impl BodyWeights {
    /// The log from its readings, in any order.
    pub fn new(mut readings: Vec<(NaiveDate, Weight)>) -> BodyWeights {
        readings.sort_by_key(|(day, _)| *day);
        BodyWeights { readings }
    }

    /// The reading in force on `day`: the latest on or before it.
    pub fn in_force(&self, day: NaiveDate) -> Option<Weight> {
        let after = self.readings.partition_point(|(d, _)| *d <= day);
        after.checked_sub(1).map(|i| self.readings[i].1)
    }

    /// The reading in force on `day`, or failing one (a set logged before the first weighing)
    /// the first reading: the best guess the log has.
    pub fn around(&self, day: NaiveDate) -> Option<Weight> {
        self.in_force(day).or_else(|| self.readings.first().map(|(_, w)| *w))
    }

    /// The readings, oldest first.
    pub fn readings(&self) -> &[(NaiveDate, Weight)] {
        &self.readings
    }
}

/// The body weight in force on `day` and its change over the 4 weeks before, from the readings
/// of those weeks (oldest first, the first the one in force at their start): "Body weight 82.5
/// kg (29 Nov 2026); 4 weeks ago 84 kg: -1.5 kg." `None` without a reading.
pub fn trend_words(readings: &[(NaiveDate, Weight)], day: NaiveDate) -> Option<String> {
    let &(latest_day, latest) = readings.iter().rev().find(|(d, _)| *d <= day)?;
    let mut text = format!("Body weight {latest} ({})", latest_day.format("%-d %b %Y"));
    let month_ago = day.checked_sub_days(chrono::Days::new(28)).unwrap_or(day);
    let first = readings.iter().find(|(d, w)| *d < latest_day && w.unit == latest.unit);
    if let Some(&(first_day, first)) = first {
        let change = latest.load.hundredths() - first.load.hundredths();
        let sign = match change.signum() {
            1 => "+",
            -1 => "-",
            _ => "",
        };
        let when = if first_day <= month_ago {
            "4 weeks ago".to_string()
        } else {
            format!("since {}", first_day.format("%-d %b"))
        };
        let _ = write!(text, "; {when} {first}: {sign}{} {}", Load::from_hundredths(change.abs()), latest.unit);
    }
    text.push('.');
    Some(text)
}

/// What a set lifted: its load, or for a bodyweight set the body weight plus its belt (minus
/// its assistance). `None` for a bodyweight set with no body weight in its unit, or with an
/// assistance as heavy as the body, or a whole load past 1000 (no real lift).
pub fn total_load(entry: &SetEntry, body: Option<Weight>) -> Option<Load> {
    if entry.basis == Basis::Load {
        return Some(entry.weight.load);
    }
    let body = body.filter(|b| b.unit == entry.weight.unit)?;
    let total = body.load.hundredths() + signed_hundredths(entry.basis, entry.weight.load);
    (total > 0 && total <= MAX_LOAD_HUNDREDTHS).then(|| Load::from_hundredths(total))
}

/// The set as the rules read it: a plain set as it is, a bodyweight set at its whole load
/// (see [`total_load`]); `None` when a bodyweight set cannot be weighed.
pub fn effective(entry: &SetEntry, body: Option<Weight>) -> Option<SetEntry> {
    let load = total_load(entry, body)?;
    Some(SetEntry { weight: Weight::new(load, entry.weight.unit), basis: Basis::Load, ..entry.clone() })
}

/// The RIR-adjusted e1RM of a set, a bodyweight one with the body weight in force on its day.
pub fn estimate(formula: Formula, entry: &SetEntry, body: Option<Weight>) -> Option<f64> {
    let load = total_load(entry, body)?;
    e1rm::estimate(formula, load.as_f64(), entry.reps, entry.rir)
}

/// Which of `new` sets (oldest first, with their ids) were records when lifted, given the sets
/// before them (oldest first); each comes with its e1RM, weighed with the body weight in force.
/// A record is a better e1RM than every earlier set, or more reps than any earlier set at the
/// same load added (the same belt, the same assistance): a body weight that moves does not
/// make every set a first. Sets that do not count or broke form set none; the very first set
/// has nothing to beat.
pub fn records_when_lifted(before: &[(&SetEntry, Option<f64>)], new: &[(i64, &SetEntry, Option<f64>)]) -> Vec<i64> {
    use std::collections::HashMap;
    let eligible = |e: &SetEntry| e.counts() && !e.form_broke;
    let mut seen = false;
    let mut best: Option<f64> = None;
    let mut reps_at: HashMap<(bool, i64), u16> = HashMap::new();
    let key = |e: &SetEntry| (e.basis == Basis::Load, signed_hundredths(e.basis, e.weight.load));
    let take =
        |entry: &SetEntry, e1rm: Option<f64>, best: &mut Option<f64>, reps_at: &mut HashMap<(bool, i64), u16>| {
            if let Some(e) = e1rm {
                *best = Some(best.map_or(e, |b| b.max(e)));
            }
            let most = reps_at.entry(key(entry)).or_insert(0);
            *most = (*most).max(entry.reps);
        };
    for (entry, e1rm) in before.iter().filter(|(e, _)| eligible(e)) {
        seen = true;
        take(entry, *e1rm, &mut best, &mut reps_at);
    }
    let mut ids = Vec::new();
    for (id, entry, e1rm) in new.iter().filter(|(_, e, _)| eligible(e)) {
        let e1rm_record = e1rm.is_some_and(|e| best.is_none_or(|b| e > b));
        let reps_record = reps_at.get(&key(entry)).is_none_or(|&most| entry.reps > most);
        if seen && (e1rm_record || reps_record) {
            ids.push(*id);
        }
        seen = true;
        take(entry, *e1rm, &mut best, &mut reps_at);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::units::{Rir, Unit};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).expect("date")
    }

    fn kg(hundredths: i64) -> Weight {
        Weight::new(Load::from_hundredths(hundredths), Unit::Kg)
    }

    fn chin_up(basis: Basis, hundredths: i64, reps: u16) -> SetEntry {
        SetEntry {
            exercise: "Chin-up".into(),
            weight: kg(hundredths),
            basis,
            reps,
            rir: Rir::whole(0),
            ..Default::default()
        }
    }

    #[test]
    fn records_weigh_the_body_and_keep_reps_per_belt() {
        let sets = [
            chin_up(Basis::BodyPlus, 1000, 6),  // BW+10 x 6 at 80 kg: 108
            chin_up(Basis::BodyPlus, 1000, 6),  // the same at 82 kg of body: a better e1RM
            chin_up(Basis::BodyPlus, 1000, 6),  // the same at 81 kg: none
            chin_up(Basis::Assisted, 2000, 12), // first at BW-20: most reps at that load
            chin_up(Basis::BodyPlus, 1000, 7),  // one more rep at BW+10
        ];
        let body = [8000, 8200, 8100, 8100, 8100];
        let weighed: Vec<Option<f64>> =
            sets.iter().zip(body).map(|(s, b)| estimate(Formula::Epley, s, Some(kg(b)))).collect();
        let before = [(&sets[0], weighed[0])];
        let new: Vec<(i64, &SetEntry, Option<f64>)> = (1..5).map(|i| (i as i64, &sets[i], weighed[i])).collect();
        assert_eq!(records_when_lifted(&before, &new), [1, 3, 4]);
        // No body weight: no e1RM, but reps at a belt still count; the first set beats nothing.
        let unweighed: Vec<(i64, &SetEntry, Option<f64>)> = (0..5).map(|i| (i as i64, &sets[i], None)).collect();
        assert_eq!(records_when_lifted(&[], &unweighed), [3, 4]);
        // A set that broke form is no record.
        let broke = SetEntry { form_broke: true, ..chin_up(Basis::BodyPlus, 1000, 9) };
        assert!(records_when_lifted(&before, &[(9, &broke, Some(200.0))]).is_empty());
    }

    #[test]
    fn a_reading_is_in_force_until_the_next() {
        let log = BodyWeights::new(vec![(day(12), kg(8100)), (day(5), kg(8250))]);
        assert_eq!(log.in_force(day(4)), None);
        assert_eq!(log.around(day(4)), Some(kg(8250)), "before the first, the first is the best guess");
        assert_eq!(log.in_force(day(5)), Some(kg(8250)));
        assert_eq!(log.in_force(day(11)), Some(kg(8250)));
        assert_eq!(log.in_force(day(30)), Some(kg(8100)));
    }

    #[test]
    fn body_and_belt_make_the_load() {
        let body = Some(kg(8000));
        assert_eq!(total_load(&chin_up(Basis::BodyPlus, 1000, 6), body), Some(Load::from_hundredths(9000)));
        assert_eq!(total_load(&chin_up(Basis::BodyPlus, 0, 6), body), Some(Load::from_hundredths(8000)));
        assert_eq!(total_load(&chin_up(Basis::Assisted, 2000, 6), body), Some(Load::from_hundredths(6000)));
        // No body weight, one in another unit, or an assistance as heavy as the body: unknown.
        assert_eq!(total_load(&chin_up(Basis::BodyPlus, 1000, 6), None), None);
        assert_eq!(
            total_load(&chin_up(Basis::BodyPlus, 1000, 6), Some(Weight::new(Load::from_hundredths(18000), Unit::Lb))),
            None
        );
        assert_eq!(total_load(&chin_up(Basis::Assisted, 8000, 6), body), None);
        assert_eq!(total_load(&chin_up(Basis::BodyPlus, 95_000, 6), body), None, "past 1000 in all");
        // A plain set is its load, body weight or not.
        assert_eq!(total_load(&chin_up(Basis::Load, 6000, 6), None), Some(Load::from_hundredths(6000)));
        // BW+10 x 6 at RIR 0 with 80 kg of body: Epley 90 x (1 + 6/30) = 108.
        let e = estimate(Formula::Epley, &chin_up(Basis::BodyPlus, 1000, 6), body).expect("an e1RM");
        assert!((e - 108.0).abs() < 1e-9);
    }
}

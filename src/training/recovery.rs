//! Recovery (METHOD.md sections 1, 5, 6 and 8): the performance trend of key lifts, readiness
//! check-ins, deload weeks, volume added out of anxiety, and how well the lifter judges RIR.

use chrono::NaiveDate;

use crate::model::session::{LoggedSet, Readiness, RirGuess};
use crate::model::units::Unit;
use crate::training::e1rm::Formula;
use crate::training::records::weekly_points;

/// The best RIR-adjusted e1RM of each week with working sets, oldest first. `week_of` gives a
/// set's Monday; weeks in `deloads` are left out. Only sets in `unit` count (no conversion).
pub fn weekly_best(
    sets: &[LoggedSet],
    formula: Formula,
    unit: Unit,
    deloads: &[NaiveDate],
    week_of: impl Fn(&LoggedSet) -> NaiveDate,
) -> Vec<(NaiveDate, f64)> {
    weekly_points(sets, formula, unit, deloads, week_of)
        .into_iter()
        .filter(|w| !w.deload)
        .map(|w| (w.monday, w.best_e1rm))
        .collect()
}

/// Two weekly declines in a row: the last three weeks with data, each lower than the one before,
/// the newest starting no more than a fortnight before `this_monday`. Returns the three values.
pub fn declining(weeks: &[(NaiveDate, f64)], this_monday: NaiveDate) -> Option<[f64; 3]> {
    let [.., (_, a), (_, b), (newest, c)] = weeks else { return None };
    let recent = (this_monday - *newest).num_days() <= 14;
    (recent && a > b && b > c).then_some([*a, *b, *c])
}

/// The check-in scores that stayed poor: an average of 2 or less over check-ins on at least two
/// different days.
pub fn poor_readiness(checkins: &[(NaiveDate, Readiness)]) -> Vec<(&'static str, f64)> {
    let mut days: Vec<NaiveDate> = checkins.iter().map(|(d, _)| *d).collect();
    days.dedup();
    if days.len() < 2 {
        return Vec::new();
    }
    let checkins: Vec<Readiness> = checkins.iter().map(|(_, r)| *r).collect();
    let count = checkins.len() as f64;
    (0..4)
        .filter_map(|i| {
            let name = checkins[0].scores()[i].0;
            let mean = checkins.iter().map(|c| f64::from(c.scores()[i].1)).sum::<f64>() / count;
            (mean <= 2.0).then_some((name, mean))
        })
        .collect()
}

/// Volume added out of anxiety: more effective sets for a muscle this week than last, while its
/// key lift declines.
pub fn anxiety_volume(last_week_sets: f64, this_week_sets: f64, lift_declining: bool) -> bool {
    lift_declining && this_week_sets > last_week_sets
}

/// How well RIR guesses matched the reps really left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    /// How many guesses.
    pub guesses: usize,
    /// Mean of guess minus reps really left: below 0, the lifter had more in the tank than
    /// guessed; above 0, fewer.
    pub mean_error: f64,
    /// Mean size of the miss, in reps.
    pub mean_miss: f64,
}

/// Calibration over guesses made during sets later taken to failure.
pub fn calibration(guesses: &[RirGuess]) -> Option<Calibration> {
    let errors: Vec<f64> = guesses
        .iter()
        .filter(|g| g.at_rep <= g.reps)
        .map(|g| f64::from(g.guess_halves) / 2.0 - f64::from(g.reps - g.at_rep))
        .collect();
    if errors.is_empty() {
        return None;
    }
    let n = errors.len() as f64;
    Some(Calibration {
        guesses: errors.len(),
        mean_error: errors.iter().sum::<f64>() / n,
        mean_miss: errors.iter().map(|e| e.abs()).sum::<f64>() / n,
    })
}

impl Calibration {
    /// The verdict in words.
    pub fn describe(&self) -> String {
        let lean = if self.mean_error < -0.25 {
            "you tend to have more left than you think"
        } else if self.mean_error > 0.25 {
            "you tend to have less left than you think"
        } else {
            "no lean either way"
        };
        format!("RIR guesses: {} so far, off by {:.1} reps on average; {lean}.", self.guesses, self.mean_miss)
    }
}

/// A short, stable fingerprint of a text (FNV-1a, 64 bits), to tell plan revisions apart.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::SetKind;
    use crate::model::units::{Load, Rir, Weight};

    fn monday(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).expect("date")
    }

    fn set(load: f64, reps: u16, kind: SetKind, day: u32) -> (LoggedSet, NaiveDate) {
        let weight = Weight::new(Load::from_f64(load).expect("valid"), Unit::Kg);
        let set = LoggedSet::sample(i64::from(day), "Barbell bench press", kind, weight, reps, Rir::whole(1));
        (set, monday(day))
    }

    fn best(sets: &[(LoggedSet, NaiveDate)], deloads: &[NaiveDate]) -> Vec<(NaiveDate, f64)> {
        let only: Vec<LoggedSet> = sets.iter().map(|(s, _)| s.clone()).collect();
        weekly_best(&only, Formula::Epley, Unit::Kg, deloads, |s| {
            sets.iter().find(|(x, _)| x.session_id == s.session_id).map_or(monday(2), |(_, m)| *m)
        })
    }

    #[test]
    fn weekly_best_takes_the_best_working_set_and_skips_deload_weeks() {
        let sets = [
            set(100.0, 5, SetKind::Working, 2),
            set(90.0, 8, SetKind::Working, 2),
            set(140.0, 1, SetKind::RampUp, 2), // a ramp-up never counts
            set(80.0, 5, SetKind::Working, 9),
        ];
        let weeks = best(&sets, &[monday(9)]);
        assert_eq!(weeks.len(), 1, "the deload week is left out");
        // 100x5@1 = 6 reps to failure = 120; 90x8@1 = 9 = 117.
        assert!((weeks[0].1 - 120.0).abs() < 1e-9);
    }

    #[test]
    fn two_declines_in_a_row_fire_and_one_does_not() {
        let weeks = [(monday(2), 120.0), (monday(9), 118.0), (monday(16), 115.0)];
        assert_eq!(declining(&weeks, monday(23)), Some([120.0, 118.0, 115.0]));
        let once = [(monday(2), 120.0), (monday(9), 121.0), (monday(16), 115.0)];
        assert_eq!(declining(&once, monday(23)), None);
        assert_eq!(declining(&weeks[1..], monday(23)), None, "two weeks are one decline");
        assert_eq!(declining(&weeks, monday(30) + chrono::Days::new(14)), None, "old news");
    }

    #[test]
    fn poor_readiness_names_what_stayed_low() {
        let tired = Readiness { sleep: 2, energy: 1, joints: 4, motivation: 3 };
        let fine = Readiness { sleep: 3, energy: 2, joints: 4, motivation: 3 };
        assert!(poor_readiness(&[(monday(2), tired)]).is_empty(), "one bad night is not a trend");
        assert!(poor_readiness(&[(monday(2), tired), (monday(2), tired)]).is_empty(), "nor two on one day");
        let poor = poor_readiness(&[(monday(2), tired), (monday(3), fine)]);
        assert_eq!(poor.iter().map(|(n, _)| *n).collect::<Vec<_>>(), ["energy"]);
    }

    #[test]
    fn calibration_compares_guesses_with_reps_really_left() {
        // Guessed 2 left at rep 8, reached 11: 3 were left (guess 1 short).
        // Guessed 3 left at rep 6, reached 9: exact.
        let guesses =
            [RirGuess { reps: 11, at_rep: 8, guess_halves: 4 }, RirGuess { reps: 9, at_rep: 6, guess_halves: 6 }];
        let c = calibration(&guesses).expect("two guesses");
        assert_eq!(c.guesses, 2);
        assert!((c.mean_error + 0.5).abs() < 1e-9);
        assert!((c.mean_miss - 0.5).abs() < 1e-9);
        assert!(c.describe().contains("more left than you think"), "{}", c.describe());
        assert_eq!(calibration(&[]), None);
    }

    #[test]
    fn anxiety_volume_needs_both_signs() {
        assert!(anxiety_volume(6.0, 8.0, true));
        assert!(!anxiety_volume(6.0, 8.0, false));
        assert!(!anxiety_volume(8.0, 6.0, true));
    }

    #[test]
    fn fingerprints_tell_texts_apart() {
        assert_eq!(fingerprint("a"), fingerprint("a"));
        assert_ne!(fingerprint("a"), fingerprint("b"));
        assert_eq!(fingerprint("").len(), 16);
    }
}

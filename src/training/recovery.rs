//! Recovery (METHOD.md sections 1, 5, 6 and 8): the performance trend of key lifts, readiness
//! check-ins, deload weeks, volume added out of anxiety, and how well the lifter judges RIR.

use chrono::NaiveDate;

use crate::model::session::{LoggedSet, Readiness, RirGuess};
use crate::model::units::Unit;
use crate::training::e1rm::Formula;
use crate::training::records::weekly_points;

/// A weekly fall in e1RM counts only when it is bigger than this share of the week before, in
/// percent. RIR guesses move by half a rep to a rep from week to week; at 5 to 12 reps to failure
/// one rep is worth 2.4-2.9 % of e1RM (Epley: 1/(30 + reps)) and half a rep 1.2-1.5 %. 2 % is
/// above half a rep of noise and below one real rep lost. Setting: `[recovery] decline_percent`.
pub const DECLINE_NOISE_PERCENT: f64 = 2.0;

/// A decline is strong enough to suggest a deload on its own once its falls add up to this, in
/// percent (about two reps lost, or three weeks of falls). Setting:
/// `[recovery] decline_alone_percent`.
pub const DECLINE_ALONE_PERCENT: f64 = 5.0;

/// A check-in score of this or less is poor (scores run 1 to 5, 5 the best).
pub const POOR_SCORE: f64 = 2.0;

/// One finished week of a key lift, as the decline detector reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LiftWeek {
    /// The week's Monday.
    pub monday: NaiveDate,
    /// The best RIR-adjusted e1RM of its working sets with a known RIR.
    pub best_e1rm: f64,
    /// The heaviest working load of the week.
    pub top_load: f64,
    /// The most reps done at that load that week.
    pub top_reps: u16,
}

/// The best RIR-adjusted e1RM of each week with working sets, oldest first. `week_of` gives a
/// set's Monday; weeks in `deloads` are left out. Only sets in `unit` count (no conversion).
/// A set with unknown RIR is left out: read as RIR 0 it would be a guess passed off as a
/// measurement, and a missing RIR would look like a loss of strength.
pub fn weekly_best(
    sets: &[LoggedSet],
    formula: Formula,
    unit: Unit,
    deloads: &[NaiveDate],
    week_of: impl Fn(&LoggedSet) -> NaiveDate,
) -> Vec<LiftWeek> {
    let known: Vec<LoggedSet> = sets.iter().filter(|s| s.entry.rir.is_some()).cloned().collect();
    weekly_points(&known, formula, unit, deloads, week_of)
        .into_iter()
        .filter(|w| !w.deload)
        .map(|w| LiftWeek {
            monday: w.monday,
            best_e1rm: w.best_e1rm,
            top_load: w.top.entry.weight.load.as_f64(),
            top_reps: w.top.entry.reps,
        })
        .collect()
}

/// Whether `later` fell from `earlier` by more than the noise of RIR guesses. A week whose top
/// load went up never counts as a fall: after a load step the lifter starts again at the bottom
/// of the range, and e1RM formulas credit many reps at a light load more than few at a heavier
/// one, so the step reads as a drop though the lifter is stronger. Nor does a week that did as
/// many reps at the same top load: what was measured held, and only the RIR guess moved (a
/// guess a rep lower two weeks running is 5 % of e1RM on paper and no loss at all).
pub fn fell(earlier: &LiftWeek, later: &LiftWeek, noise_percent: f64) -> bool {
    let held = (later.top_load - earlier.top_load).abs() < 0.005 && later.top_reps >= earlier.top_reps;
    later.top_load <= earlier.top_load && !held && later.best_e1rm < earlier.best_e1rm * (1.0 - noise_percent / 100.0)
}

/// A key lift falling week after week.
#[derive(Debug, Clone, PartialEq)]
pub struct Falling {
    /// The weekly bests of the run of falls, oldest first (at least three: two falls).
    pub weeks: Vec<f64>,
    /// How far it fell over the run, in percent of the first.
    pub fall_percent: f64,
    /// Strong and long enough to suggest a deload on its own.
    pub strong: bool,
}

/// A real decline: the last finished weeks fell at least twice running, each fall bigger than
/// `noise_percent`, the newest week no more than a fortnight before `this_monday`. A rebound
/// this week (`this_week`: this week's best so far, with its top load) above the newest week by
/// more than the noise clears it. `alone_percent`: the total fall that makes it strong.
pub fn declining(
    weeks: &[LiftWeek],
    this_monday: NaiveDate,
    this_week: Option<f64>,
    noise_percent: f64,
    alone_percent: f64,
) -> Option<Falling> {
    let newest = weeks.last()?;
    if (this_monday - newest.monday).num_days() > 14 {
        return None;
    }
    if this_week.is_some_and(|best| best > newest.best_e1rm * (1.0 + noise_percent / 100.0)) {
        return None;
    }
    let falls = weeks.windows(2).rev().take_while(|pair| fell(&pair[0], &pair[1], noise_percent)).count();
    if falls < 2 {
        return None;
    }
    let run: Vec<f64> = weeks[weeks.len() - falls - 1..].iter().map(|w| w.best_e1rm).collect();
    let fall_percent = (run[0] - newest.best_e1rm) / run[0] * 100.0;
    Some(Falling { weeks: run, fall_percent, strong: fall_percent >= alone_percent })
}

/// Whether a key lift has started to fall: this week's best so far (`this_week`) is below the
/// newest finished week by more than the noise, or the newest finished week (last week) fell
/// from the one before. `last_monday` is last week's Monday.
pub fn starts_falling(
    weeks: &[LiftWeek],
    this_week: Option<&LiftWeek>,
    last_monday: NaiveDate,
    noise_percent: f64,
) -> bool {
    let Some(newest) = weeks.last() else { return false };
    if let Some(now) = this_week
        && fell(newest, now, noise_percent)
    {
        return true;
    }
    let [.., before, last] = weeks else { return false };
    last.monday == last_monday && fell(before, last, noise_percent)
}

/// A check-in score that stayed poor.
#[derive(Debug, Clone, PartialEq)]
pub struct PoorScore {
    /// "sleep", "energy", "joints" or "motivation".
    pub score: &'static str,
    /// Its mean over the check-ins looked at.
    pub mean: f64,
    /// Days on which it was poor (2 or less).
    pub poor_days: usize,
    /// It was poor before and after a day without a check-in (a rest day), and at the newest
    /// check-in: fatigue a rest day did not fix.
    pub past_rest_day: bool,
}

/// Each day's mean of score `index` (0 sleep, 1 energy, 2 joints, 3 motivation), oldest first.
fn daily(checkins: &[(NaiveDate, Readiness)], index: usize) -> Vec<(NaiveDate, f64)> {
    let mut days: Vec<(NaiveDate, f64, f64)> = Vec::new();
    let mut sorted = checkins.to_vec();
    sorted.sort_by_key(|(d, _)| *d);
    for (date, r) in sorted {
        let value = f64::from(r.scores()[index].1);
        match days.last_mut() {
            Some((d, sum, n)) if *d == date => {
                *sum += value;
                *n += 1.0;
            }
            _ => days.push((date, value, 1.0)),
        }
    }
    days.into_iter().map(|(d, sum, n)| (d, sum / n)).collect()
}

/// The scores (sleep, energy, motivation; joints have their own rule) that stayed poor: a mean
/// of 2 or less, with the score at 2 or less on at least two different days. One awful night
/// beside an average day is not a trend. `trained` are the days with lifting: a day between the
/// first poor check-in and the newest that is not among them was a rest day (a training day
/// whose check-in was skipped is not).
pub fn poor_readiness(checkins: &[(NaiveDate, Readiness)], trained: &[NaiveDate]) -> Vec<PoorScore> {
    [0, 1, 3]
        .into_iter()
        .filter_map(|index| {
            let days = daily(checkins, index);
            let name = Readiness { sleep: 0, energy: 0, joints: 0, motivation: 0 }.scores()[index].0;
            let mean = days.iter().map(|(_, v)| v).sum::<f64>() / days.len().max(1) as f64;
            let poor: Vec<NaiveDate> = days.iter().filter(|(_, v)| *v <= POOR_SCORE).map(|(d, _)| *d).collect();
            if poor.len() < 2 || mean > POOR_SCORE {
                return None;
            }
            let newest_poor = days.last().is_some_and(|(_, v)| *v <= POOR_SCORE);
            // A calendar day without lifting between the first poor day and the newest one.
            let (first, newest) = (poor[0], poor[poor.len() - 1]);
            let rested = first.iter_days().skip(1).take_while(|d| *d < newest).any(|d| !trained.contains(&d));
            let past_rest_day = newest_poor && rested;
            Some(PoorScore { score: name, mean, poor_days: poor.len(), past_rest_day })
        })
        .collect()
}

/// Joints getting worse: the newest day's joints score 2 or less, and either lower than the
/// first day's over three days or more, or 2 or less on every day of two or more (constant
/// aches). The day scores, oldest first.
pub fn joints_worse(checkins: &[(NaiveDate, Readiness)]) -> Option<Vec<f64>> {
    let days = daily(checkins, 2);
    let [(_, first), .., (_, newest)] = days[..] else { return None };
    let constant = days.iter().all(|(_, v)| *v <= POOR_SCORE);
    // Getting worse is a trend: three days at least. Two days of 3 then 2 is a wobble, as one
    // bad night is for sleep; two days both at 2 or less is an ache that stays.
    let trend = days.len() >= 3 && newest < first;
    (newest <= POOR_SCORE && (trend || constant)).then(|| days.iter().map(|(_, v)| *v).collect())
}

/// Which recovery signs fired, as [`deload_suggested`] weighs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[allow(clippy::struct_excessive_bools)] // one flag per sign, each named for the lifter's sign
pub struct Fired {
    /// A key lift in real decline.
    pub decline: bool,
    /// A decline strong and long enough on its own.
    pub strong_decline: bool,
    /// Sleep, energy or motivation stayed poor.
    pub poor_checkin: bool,
    /// ... and past a rest day.
    pub checkin_past_rest_day: bool,
    /// Joints getting worse.
    pub joints_worse: bool,
}

/// Whether the signs line up enough to suggest a deload week (METHOD.md sections 5 and 9): a
/// real decline with poor check-ins or worse joints; poor check-ins that a rest day did not fix;
/// joints getting worse; or a decline strong and long on its own.
pub fn deload_suggested(fired: Fired) -> bool {
    // A decline with worse joints is covered by the joints alone.
    (fired.decline && fired.poor_checkin) || fired.checkin_past_rest_day || fired.joints_worse || fired.strong_decline
}

/// Effective sets over the plan's own weekly volume for a muscle that volume added out of
/// anxiety must pass (one or two extra sets are ordinary; more, while the lift falls, is the
/// mistake). Setting: `[recovery] anxiety_extra_sets`.
pub const ANXIETY_EXTRA_SETS: f64 = 2.0;

/// Volume added out of anxiety: more effective sets for a muscle this week than the plan gives
/// it plus `extra`, while its key lift starts to fall.
pub fn anxiety_volume(this_week_sets: f64, planned_sets: f64, lift_falling: bool, extra: f64) -> bool {
    lift_falling && this_week_sets > planned_sets + extra
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

    fn best(sets: &[(LoggedSet, NaiveDate)], deloads: &[NaiveDate]) -> Vec<LiftWeek> {
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
        assert!((weeks[0].best_e1rm - 120.0).abs() < 1e-9);
        assert!((weeks[0].top_load - 100.0).abs() < 1e-9);
    }

    #[test]
    fn a_set_without_rir_is_left_out_of_the_trend() {
        let weight = Weight::new(Load::from_hundredths(10_000), Unit::Kg);
        let known = LoggedSet::sample(1, "Bench", SetKind::Working, weight, 5, Rir::whole(2));
        let unknown = LoggedSet::sample(2, "Bench", SetKind::Working, weight, 8, None);
        let weeks = weekly_best(&[known, unknown.clone()], Formula::Epley, Unit::Kg, &[], |_| monday(2));
        // By hand: 100 x 5 @ 2 = 7 reps to failure = 123.33; the RIR-less 100 x 8 read as RIR 0
        // (126.67) used to win.
        assert!((weeks[0].best_e1rm - 123.333_333).abs() < 1e-3, "{weeks:?}");
        assert!(weekly_best(&[unknown], Formula::Epley, Unit::Kg, &[], |_| monday(2)).is_empty());
    }

    /// A week whose top set is at `top_load`, with the reps to failure its e1RM gives (Epley,
    /// rounded): a lower e1RM at the same load is fewer reps done.
    fn week(day: u32, best_e1rm: f64, top_load: f64) -> LiftWeek {
        let top_reps = ((best_e1rm / top_load - 1.0) * 30.0).round() as u16;
        LiftWeek { monday: monday(day), best_e1rm, top_load, top_reps }
    }

    #[test]
    fn the_same_reps_at_the_same_load_with_a_lower_rir_guess_are_not_a_fall() {
        // By hand (Epley): 100x6 @ 2, @ 1, @ 0 = 126.67, 123.33, 120.0: -2.6 % twice, past the
        // 2 % noise, but six reps at 100 kg every week: only the guess moved.
        let at = |day, e1rm| LiftWeek { monday: monday(day), best_e1rm: e1rm, top_load: 100.0, top_reps: 6 };
        let weeks = [at(2, 126.67), at(9, 123.33), at(16, 120.0)];
        assert_eq!(declining(&weeks, monday(23), None, 2.0, 5.0), None);
        // One rep fewer at 100 kg each week at the same guess is a real fall.
        let lost = [
            LiftWeek { top_reps: 8, ..at(2, 130.0) },
            LiftWeek { top_reps: 7, ..at(9, 126.67) },
            LiftWeek { top_reps: 6, ..at(16, 123.33) },
        ];
        assert!(declining(&lost, monday(23), None, 2.0, 5.0).is_some());
    }

    #[test]
    fn two_real_falls_in_a_row_fire_and_one_does_not() {
        // By hand (Epley): 100x8@1 = 130.0, 100x7@1 = 126.67 (-2.6 %), 100x6@1 = 123.33 (-2.6 %).
        let weeks = [week(2, 130.0, 100.0), week(9, 126.67, 100.0), week(16, 123.33, 100.0)];
        let falling = declining(&weeks, monday(23), None, 2.0, 5.0).expect("a lost rep a week");
        assert_eq!(falling.weeks, [130.0, 126.67, 123.33]);
        assert!((falling.fall_percent - 5.13).abs() < 0.01, "{falling:?}");
        assert!(falling.strong, "5.1 % is past the 5 % that stands alone");
        let once = [week(2, 130.0, 100.0), week(9, 131.0, 100.0), week(16, 126.0, 100.0)];
        assert_eq!(declining(&once, monday(23), None, 2.0, 5.0), None);
        assert_eq!(declining(&weeks[1..], monday(23), None, 2.0, 5.0), None, "two weeks are one fall");
        assert_eq!(declining(&weeks, monday(30) + chrono::Days::new(14), None, 2.0, 5.0), None, "old news");
    }

    #[test]
    fn rir_guesses_moving_half_a_rep_are_not_a_decline() {
        // 100 x 8 three weeks running, RIR 1.5 -> 1 -> 0.5: Epley 131.67 > 130.0 > 128.33, falls
        // of 1.3 % each: half a rep of noise, under the 2 % bar. This fired before.
        let weeks = [week(2, 131.67, 100.0), week(9, 130.0, 100.0), week(16, 128.33, 100.0)];
        assert_eq!(declining(&weeks, monday(23), None, 2.0, 5.0), None);
        // With a 1 % bar (a lifter who trusts their RIR), the same weeks are a decline.
        assert!(declining(&weeks, monday(23), None, 1.0, 5.0).is_some());
    }

    #[test]
    fn a_load_step_is_not_a_fall() {
        // 100x10@1 = 136.67; the step to 102.5x6@1 = 126.42 reads 7.5 % lower; then 102.5x6@0.5
        // = 124.71 (-1.4 %, noise). This fired before.
        let weeks = [week(2, 136.67, 100.0), week(9, 126.42, 102.5), week(16, 124.71, 102.5)];
        assert_eq!(declining(&weeks, monday(23), None, 2.0, 5.0), None);
        assert!(!fell(&weeks[0], &weeks[1], 2.0), "the heavier week is no fall");
    }

    #[test]
    fn a_rebound_this_week_clears_a_decline() {
        let weeks = [week(2, 130.0, 100.0), week(9, 126.67, 100.0), week(16, 123.33, 100.0)];
        // This week 100x7@1 = 126.67: 2.7 % above last week's 123.33, more than the noise.
        assert_eq!(declining(&weeks, monday(23), Some(126.67), 2.0, 5.0), None);
        // 100x6@1.5 = 125.0: 1.4 % above, within the noise: still a decline.
        assert!(declining(&weeks, monday(23), Some(125.0), 2.0, 5.0).is_some());
    }

    #[test]
    fn a_decline_under_the_alone_bar_is_not_strong_and_three_falls_are() {
        // 130 -> 127 -> 124 (-2.3 %, -2.4 %): 4.6 % in all, under 5 %.
        let two = [week(2, 130.0, 100.0), week(9, 127.0, 100.0), week(16, 124.0, 100.0)];
        let falling = declining(&two, monday(23), None, 2.0, 5.0).expect("two real falls");
        assert!(!falling.strong);
        // One more fall to 121 (-2.4 %): three weeks running, 6.9 % from 130.
        let three = [week(2, 130.0, 100.0), week(9, 127.0, 100.0), week(16, 124.0, 100.0), week(23, 121.0, 100.0)];
        let falling = declining(&three, monday(30), None, 2.0, 5.0).expect("three falls");
        assert_eq!(falling.weeks, [130.0, 127.0, 124.0, 121.0]);
        assert!(falling.strong);
    }

    #[test]
    fn a_lift_starts_to_fall_this_week_or_last() {
        let weeks = [week(2, 130.0, 100.0), week(9, 130.0, 100.0)];
        let this = week(16, 126.0, 100.0); // -3.1 % this week
        assert!(starts_falling(&weeks, Some(&this), monday(9), 2.0));
        assert!(!starts_falling(&weeks, Some(&week(16, 129.0, 100.0)), monday(9), 2.0), "noise");
        assert!(!starts_falling(&weeks, None, monday(9), 2.0));
        let last_week_fell = [week(2, 130.0, 100.0), week(9, 126.0, 100.0)];
        assert!(starts_falling(&last_week_fell, None, monday(9), 2.0));
        assert!(!starts_falling(&last_week_fell, None, monday(16), 2.0), "a fall two weeks ago is old");
    }

    fn checkin(day: u32, sleep: u8, energy: u8, joints: u8, motivation: u8) -> (NaiveDate, Readiness) {
        (monday(day), Readiness { sleep, energy, joints, motivation })
    }

    #[test]
    fn poor_readiness_needs_two_poor_days_and_says_if_a_rest_day_did_not_fix_it() {
        // Every day of the week trained, unless a test says otherwise.
        let every_day: Vec<NaiveDate> = (2..=8).map(monday).collect();
        let tired = checkin(2, 2, 1, 4, 3);
        assert!(poor_readiness(&[tired], &every_day).is_empty(), "one bad night is not a trend");
        assert!(poor_readiness(&[tired, checkin(2, 2, 1, 4, 3)], &every_day).is_empty(), "nor two on one day");
        // One awful night (sleep 1, energy 1) and an average day: means of 2.0, but one poor day.
        // This fired before.
        assert!(poor_readiness(&[checkin(2, 1, 1, 4, 3), checkin(3, 3, 3, 4, 3)], &every_day).is_empty());
        // Energy 2 on the 2nd and 1 on the 3rd: two poor days in a row, no rest day between.
        let poor = poor_readiness(&[checkin(2, 3, 2, 4, 3), checkin(3, 3, 1, 4, 3)], &every_day);
        assert_eq!(poor, [PoorScore { score: "energy", mean: 1.5, poor_days: 2, past_rest_day: false }]);
        // Energy 2, a rest day (the 4th: no lifting), energy 1 on the 5th: a rest day did not fix it.
        let rest_on_4th: Vec<NaiveDate> = [2, 3, 5].map(monday).to_vec();
        let checkins = [checkin(2, 3, 2, 4, 3), checkin(3, 3, 3, 4, 3), checkin(5, 3, 1, 4, 3)];
        let poor = poor_readiness(&checkins, &rest_on_4th);
        assert_eq!(poor.len(), 1);
        assert!(poor[0].past_rest_day, "{poor:?}");
        assert!((poor[0].mean - 2.0).abs() < 1e-9);
        // The 4th trained with its check-in skipped: no rest day between, nothing it failed to fix.
        let poor = poor_readiness(&checkins, &every_day);
        assert!(!poor[0].past_rest_day, "a training day without a check-in is not a rest day: {poor:?}");
        // ... and not when the newest check-in was fine again.
        let better = poor_readiness(
            &[checkin(2, 3, 2, 4, 3), checkin(4, 3, 1, 4, 3), checkin(5, 3, 4, 4, 3)],
            &[monday(2), monday(4), monday(5)],
        );
        assert!(better.is_empty() || !better[0].past_rest_day, "{better:?}");
    }

    #[test]
    fn joints_getting_worse_or_aching_every_day() {
        assert_eq!(
            joints_worse(&[checkin(2, 4, 4, 4, 4), checkin(4, 4, 4, 3, 4), checkin(6, 4, 4, 2, 4)]),
            Some(vec![4.0, 3.0, 2.0])
        );
        assert_eq!(joints_worse(&[checkin(2, 4, 4, 2, 4), checkin(4, 4, 4, 2, 4)]), Some(vec![2.0, 2.0]), "constant");
        assert_eq!(joints_worse(&[checkin(2, 4, 4, 2, 4), checkin(4, 4, 4, 3, 4)]), None, "getting better");
        assert_eq!(joints_worse(&[checkin(2, 4, 4, 1, 4)]), None, "one day");
        assert_eq!(
            joints_worse(&[checkin(2, 4, 4, 3, 4), checkin(4, 4, 4, 2, 4)]),
            None,
            "3 then 2: one step, no trend"
        );
    }

    #[test]
    fn a_deload_is_suggested_when_signs_line_up() {
        let none = Fired::default();
        assert!(!deload_suggested(none));
        assert!(!deload_suggested(Fired { decline: true, ..none }), "a decline alone, not strong");
        assert!(!deload_suggested(Fired { poor_checkin: true, ..none }), "poor days that a rest day fixed");
        assert!(deload_suggested(Fired { decline: true, poor_checkin: true, ..none }));
        assert!(deload_suggested(Fired { decline: true, strong_decline: true, ..none }));
        assert!(deload_suggested(Fired { poor_checkin: true, checkin_past_rest_day: true, ..none }));
        assert!(deload_suggested(Fired { joints_worse: true, ..none }));
    }

    #[test]
    fn anxiety_volume_is_measured_against_the_plan() {
        // The plan gives chest 4 sets; this week 10 while the bench starts to fall.
        assert!(anxiety_volume(10.0, 4.0, true, 2.0));
        assert!(!anxiety_volume(10.0, 4.0, false, 2.0), "more sets while the lift climbs is a choice");
        assert!(!anxiety_volume(6.0, 4.0, true, 2.0), "two extra sets is ordinary");
        assert!(anxiety_volume(6.5, 4.0, true, 2.0));
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
}

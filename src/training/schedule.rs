//! Which plan day is today, from the plan and the log.

use chrono::{Datelike, NaiveDate};

use crate::model::plan::{DayKind, Plan, Schedule};

/// The last session that followed a plan day, as the schedule needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastPlanDay {
    /// Position of its day in the plan.
    pub day_index: usize,
    /// The local date it started on.
    pub date: NaiveDate,
}

/// Today's plan day, or `None` in a weekday plan with nothing on today's weekday (a rest day).
///
/// In a rotation the next day follows the last day trained. When several calendar days have
/// passed, the rotation moves one plan day per calendar day but never skips a training day, so a
/// lifter who rested through the recovery and rest days lands on the next training day.
pub fn todays_day(plan: &Plan, last: Option<LastPlanDay>, today: NaiveDate) -> Option<usize> {
    let count = plan.days.len();
    if count == 0 {
        return None;
    }
    match plan.schedule {
        Schedule::Weekdays => plan.days.iter().position(|d| d.weekday == Some(today.weekday())),
        Schedule::Rotation => {
            let Some(last) = last.filter(|l| l.day_index < count) else {
                return Some(0);
            };
            if last.date >= today {
                return Some(last.day_index);
            }
            let elapsed = (today - last.date).num_days().max(1);
            let mut index = (last.day_index + 1) % count;
            for _ in 1..elapsed.min(count as i64 * 2) {
                if plan.days[index].kind == DayKind::Training {
                    break;
                }
                index = (index + 1) % count;
            }
            Some(index)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::exercise::Catalogue;

    fn example() -> Plan {
        Plan::example_week(&Catalogue::shipped()).expect("example week parses")
    }

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("valid date")
    }

    #[test]
    fn a_new_log_starts_on_day_one() {
        assert_eq!(todays_day(&example(), None, date(2)), Some(0));
    }

    #[test]
    fn the_day_after_day_one_is_active_recovery() {
        let last = LastPlanDay { day_index: 0, date: date(2) };
        assert_eq!(todays_day(&example(), Some(last), date(3)), Some(1));
    }

    #[test]
    fn the_same_calendar_day_stays_on_the_day_being_trained() {
        let last = LastPlanDay { day_index: 2, date: date(4) };
        assert_eq!(todays_day(&example(), Some(last), date(4)), Some(2));
    }

    #[test]
    fn resting_through_recovery_days_lands_on_the_next_training_day() {
        // Day 1 on the 2nd, nothing logged since: on the 4th the lifter is due day 3, not day 2.
        let last = LastPlanDay { day_index: 0, date: date(2) };
        assert_eq!(todays_day(&example(), Some(last), date(4)), Some(2));
        // A long break never skips a training day.
        assert_eq!(todays_day(&example(), Some(last), date(20)), Some(2));
    }

    #[test]
    fn the_rotation_wraps_around() {
        let last = LastPlanDay { day_index: 4, date: date(6) };
        assert_eq!(todays_day(&example(), Some(last), date(7)), Some(0));
    }
}

//! When a changed plan is a new revision (METHOD.md section 8: give a plan three weeks before
//! judging it), and when it is the current one still being written.

use chrono::{DateTime, Duration, Utc};

/// Edits this soon after a revision was first used are that revision still being written: a
/// lifter fixing a typo, then a rest time, in one evening has not changed plans twice.
pub const EDITS_MERGE_WITHIN_HOURS: i64 = 24;

/// Whether a plan whose content changed, recorded at `now`, starts a new revision; `false` means
/// it replaces the current one (first used at `current_since`). Edits within a day of it, or
/// before any session was trained on it (`trained_since`), are one revision: the plan has not
/// yet been tried, so nothing was judged too soon.
pub fn starts_new_revision(current_since: DateTime<Utc>, now: DateTime<Utc>, trained_since: bool) -> bool {
    trained_since && now - current_since >= Duration::hours(EDITS_MERGE_WITHIN_HOURS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).single().expect("valid")
    }

    #[test]
    fn two_edits_on_one_evening_are_one_revision() {
        assert!(!starts_new_revision(at(2, 19), at(2, 21), true), "two hours apart");
        assert!(!starts_new_revision(at(2, 19), at(3, 18), true), "23 hours apart");
    }

    #[test]
    fn edits_before_the_plan_was_trained_are_one_revision() {
        assert!(!starts_new_revision(at(2, 19), at(20, 19), false), "18 days, not one session on it");
    }

    #[test]
    fn a_change_after_training_on_it_for_a_day_or_more_is_a_new_revision() {
        assert!(starts_new_revision(at(2, 19), at(3, 19), true), "a day later, trained on");
        assert!(starts_new_revision(at(2, 19), at(10, 19), true));
    }
}

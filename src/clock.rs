//! Wall-clock time, injected so tests can move it.

use std::cell::Cell;
use std::rc::Rc;

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};

/// Where the app reads the time. Wall-clock time (not `Instant`) drives the rest timer, so it
/// stays right across a suspended laptop and a restart.
pub trait Clock {
    /// Now, in UTC.
    fn now(&self) -> DateTime<Utc>;
    /// The local UTC offset in force at `at`.
    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset;

    /// The local calendar date of `at`: a training day is a local day.
    fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.offset_at(at)).date_naive()
    }

    /// The UTC instant the local day `date` starts: its midnight, with the offset in force then
    /// (so a week that crosses a daylight-saving change still starts at midnight). Where the
    /// clocks go forward at midnight (Santiago, Havana), the day starts at the instant its
    /// midnight would have been, which its clocks read as 01:00.
    fn midnight(&self, date: NaiveDate) -> DateTime<Utc> {
        self.utc_of_local(date.and_hms_opt(0, 0, 0).unwrap_or_default())
    }

    /// The UTC instant of a local wall-clock time (as other apps export them). A time that
    /// happens twice (clocks going back) is the first of the two; a time that never happens
    /// (clocks going forward) is read with the offset in force just before the change.
    fn utc_of_local(&self, local: NaiveDateTime) -> DateTime<Utc> {
        let naive = local.and_utc();
        let offset = |at: DateTime<Utc>| chrono::Duration::seconds(i64::from(self.offset_at(at).local_minus_utc()));
        // The offsets a day either side: an offset changes at most once in between.
        let before = offset(naive - chrono::Duration::days(1));
        let after = offset(naive + chrono::Duration::days(1));
        // An offset fits when it is the one in force at the instant it gives.
        [before, after]
            .into_iter()
            .map(|o| naive - o)
            .filter(|utc| naive - offset(*utc) == *utc)
            .min()
            .unwrap_or(naive - before)
    }

    /// `at` in local time.
    fn local(&self, at: DateTime<Utc>) -> DateTime<FixedOffset> {
        at.with_timezone(&self.offset_at(at))
    }
}

/// The system clock and time zone.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        Local.offset_from_utc_datetime(&at.naive_utc()).fix()
    }
}

/// Another clock's time zone, stopped at one instant: what a command asked about another moment
/// (`hardset today --date`, `hardset log --at`) reads the log with.
#[derive(Clone, Copy)]
pub struct At<'a> {
    /// Whose time zone.
    pub zone: &'a dyn Clock,
    /// The instant it shows.
    pub now: DateTime<Utc>,
}

impl Clock for At<'_> {
    fn now(&self) -> DateTime<Utc> {
        self.now
    }

    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        self.zone.offset_at(at)
    }
}

/// A clock that only moves when told to, in UTC (for tests and snapshots). Clones share the
/// same time, so a test can keep one and move the app's.
#[derive(Debug, Clone)]
pub struct FixedClock {
    now: Rc<Cell<DateTime<Utc>>>,
}

impl FixedClock {
    /// A clock stopped at `now`.
    pub fn at(now: DateTime<Utc>) -> FixedClock {
        FixedClock { now: Rc::new(Cell::new(now)) }
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: chrono::Duration) {
        self.now.set(self.now.get() + by);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.now.get()
    }

    fn offset_at(&self, _at: DateTime<Utc>) -> FixedOffset {
        Utc.fix()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Central European time in 2026: +1 h, +2 h from 29 March 01:00 UTC to 25 October 01:00 UTC.
    struct Berlin;

    impl Clock for Berlin {
        fn now(&self) -> DateTime<Utc> {
            DateTime::default()
        }

        fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
            let utc = |m, d| Utc.with_ymd_and_hms(2026, m, d, 1, 0, 0).single().expect("valid");
            let hours = if at >= utc(3, 29) && at < utc(10, 25) { 2 } else { 1 };
            FixedOffset::east_opt(hours * 3600).expect("valid offset")
        }
    }

    /// Chile in 2025: -4 h, then -3 h from 7 September 04:00 UTC, when local midnight is skipped.
    struct Santiago;

    impl Clock for Santiago {
        fn now(&self) -> DateTime<Utc> {
            DateTime::default()
        }

        fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
            let change = Utc.with_ymd_and_hms(2025, 9, 7, 4, 0, 0).single().expect("valid");
            FixedOffset::west_opt(if at >= change { 3 } else { 4 } * 3600).expect("valid offset")
        }
    }

    #[test]
    fn a_day_whose_midnight_is_skipped_starts_when_its_clocks_read_one() {
        let date = NaiveDate::from_ymd_opt(2025, 9, 7).expect("valid");
        let start = Santiago.midnight(date);
        assert_eq!(start, utc("2025-09-07 04:00"));
        assert_eq!(Santiago.local_date(start), date, "the day starts on itself, not at 23:00 the day before");
        let before = NaiveDate::from_ymd_opt(2025, 9, 6).expect("valid");
        assert_eq!(Santiago.midnight(before), utc("2025-09-06 04:00"));
        // Berlin's changes are at night, not midnight: its days start at midnight either side.
        let berlin = NaiveDate::from_ymd_opt(2026, 3, 29).expect("valid");
        assert_eq!(Berlin.midnight(berlin), utc("2026-03-28 23:00"));
        let summer = NaiveDate::from_ymd_opt(2026, 3, 30).expect("valid");
        assert_eq!(Berlin.midnight(summer), utc("2026-03-29 22:00"));
    }

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("valid")
    }

    fn utc(text: &str) -> DateTime<Utc> {
        local(text).and_utc()
    }

    #[test]
    fn local_times_convert_across_daylight_saving_changes() {
        assert_eq!(Berlin.utc_of_local(local("2026-01-10 18:00")), utc("2026-01-10 17:00"));
        assert_eq!(Berlin.utc_of_local(local("2026-07-10 18:00")), utc("2026-07-10 16:00"));
        // Hours either side of each change.
        assert_eq!(Berlin.utc_of_local(local("2026-03-29 01:30")), utc("2026-03-29 00:30"));
        assert_eq!(Berlin.utc_of_local(local("2026-03-29 03:30")), utc("2026-03-29 01:30"));
        assert_eq!(Berlin.utc_of_local(local("2026-10-25 01:30")), utc("2026-10-24 23:30"));
        assert_eq!(Berlin.utc_of_local(local("2026-10-25 03:30")), utc("2026-10-25 02:30"));
        // 02:30 on 29 March never happens: read with the winter offset, it is 03:30 summer time.
        assert_eq!(Berlin.utc_of_local(local("2026-03-29 02:30")), utc("2026-03-29 01:30"));
        // 02:30 on 25 October happens twice: the first, still summer time.
        assert_eq!(Berlin.utc_of_local(local("2026-10-25 02:30")), utc("2026-10-25 00:30"));
        // Every result reads back as the same local time, except in the gap.
        for text in ["2026-01-10 18:00", "2026-03-29 03:30", "2026-10-25 02:30", "2026-12-31 23:59"] {
            let at = Berlin.utc_of_local(local(text));
            assert_eq!(Berlin.local(at).naive_local(), local(text), "{text}");
        }
    }
}

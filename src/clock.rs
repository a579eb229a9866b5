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

    /// The UTC instant of local midnight starting `date`, with the offset in force that day (so
    /// a week that crosses a daylight-saving change still starts at midnight).
    fn midnight(&self, date: NaiveDate) -> DateTime<Utc> {
        let midday = date.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
        (date.and_hms_opt(0, 0, 0).unwrap_or_default() - self.offset_at(midday)).and_utc()
    }

    /// The UTC instant of a local wall-clock time (as other apps export them). In a
    /// daylight-saving gap or overlap this takes the offset in force just before.
    fn utc_of_local(&self, local: NaiveDateTime) -> DateTime<Utc> {
        let shift = |at: DateTime<Utc>| chrono::Duration::seconds(i64::from(self.offset_at(at).local_minus_utc()));
        let guess = local.and_utc();
        guess - shift(guess - shift(guess))
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

//! Finding a week that holds sessions: the newest one (where History lands after an import
//! whose last session is months old), or the nearest before or after a week shown.

use chrono::NaiveDate;

use crate::clock::Clock;
use crate::store::{Store, StoreError};
use crate::training::compare::week_bounds;

/// Which week with sessions to find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seek {
    /// The newest week with a session, up to this one.
    Latest,
    /// The nearest week with a session before the week of this date.
    Before(NaiveDate),
    /// The nearest week with a session after the week of this date, up to this one.
    After(NaiveDate),
}

/// The Monday of the week `seek` finds, `None` when no week holds a session there. Weeks after
/// the week of `today` are never found (a session dated in the future has not happened).
pub fn week_with_sessions(
    store: &Store,
    clock: &dyn Clock,
    seek: Seek,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, StoreError> {
    let (this_monday, next_monday) = week_bounds(today);
    let start = match seek {
        Seek::Latest => store.last_session_start_before(clock.midnight(next_monday))?,
        Seek::Before(date) => store.last_session_start_before(clock.midnight(week_bounds(date).0))?,
        Seek::After(date) => store.first_session_start_from(clock.midnight(week_bounds(date).1))?,
    };
    Ok(start.map(|at| week_bounds(clock.local_date(at)).0).filter(|monday| *monday <= this_monday))
}

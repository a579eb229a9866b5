//! When sessions happened, for landing History on a week that holds one: one indexed look-up
//! each (`session_by_start`), never a scan of the sets.

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;

use super::{Store, StoreError, from_unix};

impl Store {
    /// When the newest session that started before `before` started.
    pub fn last_session_start_before(&self, before: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, StoreError> {
        let at: Option<i64> = self
            .conn
            .prepare_cached("SELECT started_at FROM session WHERE started_at < ?1 ORDER BY started_at DESC LIMIT 1")?
            .query_row([before.timestamp()], |r| r.get(0))
            .optional()?;
        Ok(at.map(from_unix))
    }

    /// When the oldest session that started at or after `from` started.
    pub fn first_session_start_from(&self, from: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, StoreError> {
        let at: Option<i64> = self
            .conn
            .prepare_cached("SELECT started_at FROM session WHERE started_at >= ?1 ORDER BY started_at LIMIT 1")?
            .query_row([from.timestamp()], |r| r.get(0))
            .optional()?;
        Ok(at.map(from_unix))
    }
}

//! A set done one side at a time, left and right apart: the two sides are written together.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::StoreError;
use crate::model::session::SetEntry;

impl super::Store {
    /// Commits a left and a right side (`sides`, in that order) in one transaction, starting the
    /// session if needed and the rest timer of `rest_seconds` after them: both are in the log,
    /// or neither. Returns the right side, the set logged last.
    pub fn log_sides(
        &mut self,
        session: &crate::model::session::SessionFor,
        sides: &[SetEntry; 2],
        at: DateTime<Utc>,
        rest_seconds: u32,
    ) -> Result<crate::model::session::LoggedSet, StoreError> {
        use crate::model::session::Side;
        if sides[0].side != Some(Side::Left)
            || sides[1].side != Some(Side::Right)
            || sides[0].exercise != sides[1].exercise
        {
            return Err(StoreError::NotFound(
                "a pair of sides is a left side and then a right side of one exercise".into(),
            ));
        }
        self.write(|tx| {
            let session_id = super::sessions::resolve_session(tx, session, at)?;
            super::sets::log_into(tx, session_id, &sides[0], at)?;
            let right = super::sets::log_into(tx, session_id, &sides[1], at)?;
            tx.execute(
                "UPDATE session SET rest_until = ?2, rest_seconds = ?3 WHERE id = ?1",
                params![session_id, at.timestamp() + i64::from(rest_seconds), rest_seconds],
            )?;
            Ok(right)
        })
    }
}

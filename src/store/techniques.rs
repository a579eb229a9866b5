//! The sets that belong to another: a drop set, rest-pause or myo-reps carries on the working
//! set of its exercise logged just before it in the same session (order is the link), and the
//! right side of a pair follows its left side. The store keeps that link true: a technique set
//! with no working set before it is refused, and deleting a set deletes the sets that belong to
//! it, so they never slide onto another set.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::StoreError;
use crate::model::session::{SetEntry, SetKind};

/// Refuses a technique set with no working set of its exercise before `at` in the session.
pub(super) fn check_carries_on(
    tx: &rusqlite::Transaction<'_>,
    session_id: i64,
    entry: &SetEntry,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let Some(technique) = entry.technique else { return Ok(()) };
    let carried: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM workout_set WHERE session_id = ?1 AND exercise = ?2 AND kind = 'working'
                        AND technique IS NULL AND logged_at <= ?3)",
        params![session_id, entry.exercise, at.timestamp()],
        |r| r.get(0),
    )?;
    if carried && entry.kind == SetKind::Working {
        return Ok(());
    }
    Err(StoreError::NotFound(format!(
        "a {technique} carries on a working set: log a working set of {} in this session first",
        crate::model::text::escape(&entry.exercise)
    )))
}

/// The sets that belong to set `id`, oldest first: the right side after a left side, and the
/// technique sets after it, up to the next set of the exercise that is neither.
pub(super) fn belonging_to(tx: &rusqlite::Transaction<'_>, id: i64) -> Result<Vec<i64>, StoreError> {
    use rusqlite::OptionalExtension as _;
    let Some((session_id, exercise, at, side, technique)) = tx
        .query_row(
            "SELECT session_id, exercise, logged_at, side, technique FROM workout_set WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            },
        )
        .optional()?
    else {
        return Ok(Vec::new());
    };
    if technique.is_some() {
        return Ok(Vec::new());
    }
    let mut stmt = tx.prepare_cached(
        "SELECT id, side, technique FROM workout_set WHERE session_id = ?1 AND exercise = ?2
           AND (logged_at > ?3 OR (logged_at = ?3 AND id > ?4)) ORDER BY logged_at, id",
    )?;
    let after = stmt.query_map(params![session_id, exercise, at, id], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?))
    })?;
    let mut belonging = Vec::new();
    for row in after {
        let (next, next_side, next_technique) = row?;
        let right_of_left =
            belonging.is_empty() && side.as_deref() == Some("left") && next_side.as_deref() == Some("right");
        if next_technique.is_some() || right_of_left {
            belonging.push(next);
        } else {
            break;
        }
    }
    Ok(belonging)
}

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

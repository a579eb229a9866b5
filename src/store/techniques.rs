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

//! What the lifter adds to the log by hand (migration 008): exercises of their own, made in the
//! app or with `hardset exercises add`, and the note pinned to an exercise from the app.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{Store, StoreError};
use crate::model::exercise::CustomExercise;

impl Store {
    /// Keeps a new exercise of the lifter's own. Returns `false`, writing nothing, when the log
    /// already holds one of that name in any case (the catalogue is the caller's to check).
    pub fn add_custom_exercise(&mut self, custom: &CustomExercise, at: DateTime<Utc>) -> Result<bool, StoreError> {
        self.write(|tx| {
            let added = insert_custom(tx, custom, at.timestamp())?;
            Ok(added > 0)
        })
    }

    /// Every note pinned from the app: the exercise's name, as first pinned, and the note.
    pub fn exercise_notes(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut statement = self.conn.prepare_cached("SELECT name, note FROM exercise_note ORDER BY name")?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Pins `note` to `exercise` (any case), replacing the note it had; `None` takes it off.
    pub fn set_exercise_note(
        &mut self,
        exercise: &str,
        note: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            match note {
                Some(note) => tx
                    .prepare_cached(
                        "INSERT INTO exercise_note (name, note, updated_at) VALUES (?1, ?2, ?3)
                         ON CONFLICT (name) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
                    )?
                    .execute(params![exercise, note, at.timestamp()])?,
                None => tx.execute("DELETE FROM exercise_note WHERE name = ?1", [exercise])?,
            };
            Ok(())
        })
    }
}

/// Adds `custom` to the log's exercises unless one of its name (any case) is there: how many
/// rows were added. Imports and the lifter's own both write through it.
pub(super) fn insert_custom(
    conn: &rusqlite::Connection,
    custom: &CustomExercise,
    added_at: i64,
) -> Result<usize, rusqlite::Error> {
    let muscles: Vec<&str> = custom.muscles.iter().map(|m| m.name()).collect();
    conn.prepare_cached(
        "INSERT OR IGNORE INTO custom_exercise (name, muscles, equipment, source, added_at, technical)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        custom.name,
        muscles.join(","),
        custom.equipment.name(),
        custom.source,
        added_at,
        custom.technical
    ])
}

//! Throwaway copies of a log to try writes on: an import's dry run, and the log as it stood
//! at a moment (`hardset today --date`).

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::copy::copy_database;
use super::error::diagnose;
use super::{Store, StoreError};

impl Store {
    /// A copy of the log at `path` to try writes on and throw away, for an import's dry run. The
    /// log is read through a read-only connection: no write lock is taken or waited for (a dry
    /// run goes ahead while another hardset imports), nothing is written to it, and an older
    /// log is not upgraded (its copy is). The copy is a temporary database SQLite deletes when
    /// it closes, kept on disk rather than in memory past a small cache. No log yet (no file,
    /// or an empty one): an empty log, and nothing is created.
    pub fn scratch_copy(path: &Path) -> Result<Store, StoreError> {
        let copy = || {
            let Some((source, _)) = Store::open_read_only(path)? else {
                return Store::in_memory();
            };
            // An empty name is SQLite's private temporary database.
            let mut conn = Connection::open("")?;
            copy_database(&source.conn, &mut conn)?;
            drop(source);
            let mut store = Store::detached(conn);
            store.setup()?;
            Ok(store)
        };
        copy().map_err(|e| diagnose(path, e))
    }

    /// The log as it stood at `at`, in a throwaway copy (`hardset today --date`): what was
    /// logged, started, marked or recorded at or after `at` is not in it, and a session still
    /// going at `at` is open again. The log itself is only read.
    pub fn as_it_stood(path: &Path, at: DateTime<Utc>) -> Result<Store, StoreError> {
        let mut store = Store::scratch_copy(path)?;
        store.write(|tx| {
            let at = at.timestamp();
            tx.execute("DELETE FROM workout_set WHERE logged_at >= ?1", [at])?;
            tx.execute(
                "DELETE FROM workout_set WHERE session_id IN (SELECT id FROM session WHERE started_at >= ?1)",
                [at],
            )?;
            tx.execute(
                "DELETE FROM session_exercise_change WHERE session_id IN (SELECT id FROM session WHERE started_at >= ?1)",
                [at],
            )?;
            tx.execute("DELETE FROM session WHERE started_at >= ?1", [at])?;
            tx.execute("UPDATE session SET ended_at = NULL WHERE ended_at >= ?1", [at])?;
            tx.execute("UPDATE session SET rest_until = NULL WHERE rest_until >= ?1", [at])?;
            tx.execute("DELETE FROM deload_week WHERE started_at >= ?1", [at])?;
            tx.execute("DELETE FROM plan_revision WHERE first_used >= ?1", [at])?;
            Ok(())
        })?;
        Ok(store)
    }
}

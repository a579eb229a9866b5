//! Writes: one `BEGIN IMMEDIATE` transaction each, waiting for another writer as
//! [`WriteWait`] says, and failing before anything is written when it cannot have the lock.

use std::time::Duration;

use rusqlite::Connection;

use super::error::diagnose;
use super::{BUSY_WAIT, Store, StoreError};

/// How long a patient write waits for the write lock before it says that it waits.
const NOTICE_AFTER: Duration = Duration::from_millis(300);

/// The longest a patient write waits for the write lock: a day, so in practice as long as the
/// other writer takes (an import of millions of sets holds it for seconds to a minute).
const PATIENCE: Duration = Duration::from_secs(24 * 60 * 60);

/// How long a write waits for the log's write lock while another connection holds it: another
/// hardset saving a set (milliseconds), or importing a large file in one transaction (seconds,
/// a minute for millions of sets). Only one connection writes at a time; readers never wait.
pub enum WriteWait {
    /// Up to this long; then the write fails, with an error that [`StoreError::is_busy`], before
    /// anything of it was written, so it can be tried again as it is.
    UpTo(Duration),
    /// As long as the other writer takes: when the lock is not free within a moment, `notice` is
    /// called first (for the command to say that it waits), and the write then waits its turn.
    Patiently(Box<dyn FnMut() + Send>),
}

impl Default for WriteWait {
    fn default() -> WriteWait {
        WriteWait::UpTo(BUSY_WAIT)
    }
}

impl Store {
    /// Runs `work` in a `BEGIN IMMEDIATE` transaction (see [`Store::begin_write`]).
    pub(super) fn write<T>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let result = (|| {
            let tx = self.begin_write()?;
            let value = work(&tx)?;
            tx.commit()?;
            Ok(value)
        })();
        self.usual_wait_to_read();
        result.map_err(|e| self.explain(e))
    }

    /// Starts a write transaction with `BEGIN IMMEDIATE`: the write lock is taken at the start,
    /// waiting for another writer as [`WriteWait`] says, so a write that cannot have it fails
    /// before doing anything (and can be tried again as it is), never halfway. The caller calls
    /// [`Store::usual_wait_to_read`] once the transaction is over.
    pub(crate) fn begin_write(&mut self) -> Result<rusqlite::Transaction<'_>, StoreError> {
        let wait = match &mut self.write_wait {
            WriteWait::UpTo(wait) => *wait,
            WriteWait::Patiently(notice) => {
                if !write_lock_free_within(&self.conn, NOTICE_AFTER)? {
                    notice();
                }
                PATIENCE
            }
        };
        self.conn.busy_timeout(wait)?;
        Ok(self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
    }

    /// Reads wait the usual time again, whatever the last write waited. (A read waits only in
    /// rare moments, such as while another connection recovers the WAL after a crash.)
    pub(crate) fn usual_wait_to_read(&self) {
        let _ = self.conn.busy_timeout(BUSY_WAIT);
    }

    /// Names what stopped a write (a full disk, a read-only file or folder) where it can be told.
    pub(crate) fn explain(&self, error: StoreError) -> StoreError {
        match &self.path {
            Some(path) => diagnose(path, error),
            None => error,
        }
    }
}

/// Whether the write lock is free, or frees within `wait`: taken and let go at once.
fn write_lock_free_within(conn: &Connection, wait: Duration) -> Result<bool, StoreError> {
    conn.busy_timeout(wait)?;
    match conn.execute_batch("BEGIN IMMEDIATE") {
        Ok(()) => {
            conn.execute_batch("ROLLBACK")?;
            Ok(true)
        }
        Err(e) => {
            let error = StoreError::from(e);
            if error.is_busy() { Ok(false) } else { Err(error) }
        }
    }
}

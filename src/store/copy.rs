//! Whole copies of a log through SQLite's backup API: `hardset backup`, the checked copy taken
//! before an upgrade, and the scratch copies.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use super::error::diagnose;
use super::{BUSY_WAIT, Store, StoreError};
use crate::disk::{self, with_suffix};

impl Store {
    /// Copies the whole log to `to`, which must not exist, through SQLite's backup API
    /// (consistent even while another hardset writes), into a file readable by its owner only:
    /// written under a temporary name, checked, flushed and renamed, so `to` is never a copy cut
    /// short. A damaged log is not copied. Returns the sets the copy holds.
    pub fn backup_to(&self, to: &Path) -> Result<i64, StoreError> {
        let io = |source| StoreError::Io { path: to.display().to_string(), source };
        std::fs::create_dir_all(disk::folder_of(to)).map_err(|e| diagnose(to, io(e)))?;
        let copied = write_copy(&self.conn, to).map_err(|e| diagnose(to, e))?;
        if !copied.intact {
            return Err(StoreError::Damaged {
                path: self.path.as_ref().map_or_else(|| ":memory:".into(), |p| p.display().to_string()),
                what: format!("a copy of it fails SQLite's integrity check, so none was kept at {}", to.display()),
            });
        }
        Ok(copied.sets)
    }
}

/// What a copy of the log holds.
pub(super) struct Copied {
    /// `PRAGMA integrity_check` said ok.
    pub(super) intact: bool,
    /// Its schema version.
    pub(super) version: i64,
    /// Its sets.
    pub(super) sets: i64,
}

/// Copies the database `source` reads into `to` through SQLite's backup API: into a private
/// file under a temporary name, checked, then (when whole) flushed and renamed over `to`, with
/// any journal a cut-short copy left beside `to` removed first (rolled back into the new copy,
/// it would damage it). What killed runs left is cleared first, and what this one wrote is
/// removed when it fails, so a cut-short copy is never under `to` and never in the way.
pub(super) fn write_copy(source: &Connection, to: &Path) -> Result<Copied, StoreError> {
    disk::remove_stale_partials(to);
    let partial = disk::partial_path(to);
    let remove_partial = || {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let _ = std::fs::remove_file(with_suffix(&partial, suffix));
        }
    };
    remove_partial();
    let copied = copy_into_new_file(source, &partial);
    match copied {
        Ok(copied) if copied.intact => {
            let _ = std::fs::remove_file(with_suffix(to, "-journal"));
            disk::finish(&partial, to)
                .map_err(|source| StoreError::Io { path: to.display().to_string(), source })
                .inspect_err(|_| remove_partial())?;
            Ok(copied)
        }
        other => {
            remove_partial();
            other
        }
    }
}

fn copy_into_new_file(source: &Connection, partial: &Path) -> Result<Copied, StoreError> {
    disk::new_private_file(partial).map_err(|source| StoreError::Io { path: partial.display().to_string(), source })?;
    let mut copy =
        Connection::open_with_flags(partial, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    copy_database(source, &mut copy)?;
    // The copy stands alone: one file in rollback mode, not a WAL database wanting its -wal.
    let _: String = copy.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    let verdict: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let version: i64 = copy.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let sets: i64 = copy.query_row("SELECT count(*) FROM workout_set", [], |r| r.get(0)).unwrap_or(0);
    Ok(Copied { intact: verdict == "ok", version, sets })
}

/// Copies every page of the database `source` reads into `copy` (SQLite's backup API), waiting
/// while another connection holds a lock, for up to [`BUSY_WAIT`].
pub(super) fn copy_database(source: &Connection, copy: &mut Connection) -> Result<(), StoreError> {
    let backup = rusqlite::backup::Backup::new(source, copy)?;
    let started = Instant::now();
    loop {
        match backup.step(1024)? {
            rusqlite::backup::StepResult::Done => return Ok(()),
            rusqlite::backup::StepResult::More => {}
            _ if started.elapsed() > BUSY_WAIT => {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    None,
                )
                .into());
            }
            _ => std::thread::sleep(Duration::from_millis(10)),
        }
    }
}

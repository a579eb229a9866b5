//! Connections that read a log without writing it: read-only, or `immutable=1` when its -wal
//! and -shm cannot be made, and the tidying of the -wal and -shm a read-only one made.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::{BUSY_WAIT, StoreError};
use crate::disk::{self, with_suffix};

/// A read-only connection to the log at `path`. Reading a WAL log needs its -wal and -shm; when
/// they are not there and cannot be made (a read-only folder, a full disk), the file is read
/// alone with `immutable=1`. That is safe then: a writer would need those same files, so none
/// can be at work. The -wal and -shm this connection makes are removed after it closes (see
/// [`TidyWal`]).
pub(super) fn read_only_connection(path: &Path) -> Result<(Connection, Option<TidyWal>), StoreError> {
    let wal = with_suffix(path, "-wal");
    let made_here = !wal.exists() && !with_suffix(path, "-shm").exists();
    let tidy = (made_here && disk::writable(path)).then(|| TidyWal(path.to_path_buf()));
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(BUSY_WAIT)?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok((conn, tidy)),
        // A -wal this attempt made before failing on the -shm is empty: nothing is in it.
        Err(rusqlite::Error::SqliteFailure(failure, _))
            if std::fs::metadata(&wal).map_or(true, |m| m.len() == 0)
                && matches!(
                    failure.code,
                    ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::SystemIoFailure | ErrorCode::DiskFull
                ) =>
        {
            drop((conn, tidy));
            Ok((immutable_connection(path)?, None))
        }
        Err(e) => Err(e.into()),
    }
}

/// A connection that reads the file at `path` as it is on disk, taking no lock and creating
/// nothing beside it (SQLite's `immutable=1`).
pub(super) fn immutable_connection(path: &Path) -> rusqlite::Result<Connection> {
    use std::fmt::Write as _;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for byte in absolute.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(byte) {
            uri.push(char::from(*byte));
        } else {
            let _ = write!(uri, "%{byte:02X}");
        }
    }
    uri.push_str("?immutable=1");
    Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// Removes the -wal and -shm a read-only connection made beside a log that had none, once that
/// connection is closed: a read-only connection cannot remove them itself, a read-write one
/// does when it is the last to close, after checkpointing a WAL that holds nothing (so the
/// log's bytes stay as they were). While another hardset has the log open, they stay, for it.
pub(super) struct TidyWal(PathBuf);

impl Drop for TidyWal {
    fn drop(&mut self) {
        // Only a WAL log's -wal and -shm are tidied. A rollback journal beside the log (another
        // tool switched it out of WAL, or crashed in a transaction) is left to the next command
        // that writes: a read-write open here would play it back or remove it.
        let made = with_suffix(&self.0, "-wal").exists() || with_suffix(&self.0, "-shm").exists();
        if !made || with_suffix(&self.0, "-journal").exists() || !disk::header_says_wal(&self.0) {
            return;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if let Ok(conn) = Connection::open_with_flags(&self.0, flags) {
            let _ = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0));
        }
    }
}

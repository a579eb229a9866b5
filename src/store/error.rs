//! Why the store could not do what was asked, named by looking at the disk, the folder and
//! the file where SQLite's own code cannot tell.

use std::path::Path;

use rusqlite::ErrorCode;

use crate::disk::{self, with_suffix};

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused.
    #[error("{}", sqlite_in_words(.0))]
    Sqlite(#[from] rusqlite::Error),
    /// The file was written by a newer hardset.
    #[error(
        "{path} was written by a newer hardset (schema {found}, this build knows {supported}); it was left untouched: update hardset"
    )]
    NewerDatabase {
        /// Database path.
        path: String,
        /// Version found.
        found: i64,
        /// Version this build knows.
        supported: i64,
    },
    /// The file is not a hardset log (another program's SQLite database): it is left as it was.
    #[error("{path} is not a hardset log ({why}); it was left untouched: point --db or HARDSET_DB at your log")]
    NotHardset {
        /// The file.
        path: String,
        /// What gives it away.
        why: String,
    },
    /// The disk holding the file is full.
    #[error("the disk is full (free some space on the disk holding {folder}, then try again; the log is intact)")]
    DiskFull {
        /// The folder the write went to.
        folder: String,
    },
    /// The folder cannot be written, and writing the log needs its -wal and -shm beside it.
    #[error(
        "the folder {folder} is read-only, and writing needs new files in it (make the folder writable, or move \
         the log to a folder you can write, then try again; the log is intact)"
    )]
    FolderReadOnly {
        /// The folder.
        folder: String,
    },
    /// The log file cannot be written.
    #[error("the log file is read-only (make it writable, then try again)")]
    FileReadOnly,
    /// The disk holding the log is mounted read-only.
    #[error(
        "the disk holding {folder} is mounted read-only (mount it read-write, or move the log to a disk you can \
         write, then try again; the log is intact)"
    )]
    ReadOnlyDisk {
        /// The log's folder.
        folder: String,
    },
    /// The path given for the log is a folder.
    #[error("{path} is a folder, not a log file: name the log's file (for example {path}/hardset.db)")]
    IsAFolder {
        /// The path given.
        path: String,
    },
    /// The log's folder does not exist and cannot be made.
    #[error("cannot make the folder {folder} for the log: {why}")]
    NoFolder {
        /// The folder the log would be in.
        folder: String,
        /// What stands in the way, in words.
        why: String,
    },
    /// The log's pages do not hold together: what was asked was not done.
    #[error(
        "the log {path} is damaged: {what}. Keep the file (copy it somewhere safe), then restore a backup in its place \
         (a `hardset backup` copy, or a .vN.bak taken before an upgrade); `hardset doctor` checks it"
    )]
    Damaged {
        /// The log.
        path: String,
        /// What was found, and what was not done.
        what: String,
    },
    /// A file could not be created or written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// Path that failed.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// Asked about something that is not there.
    #[error("{0}")]
    NotFound(String),
}

impl StoreError {
    /// Another connection held the log's write lock for longer than the write was allowed to
    /// wait: nothing of the write was done, and it can be tried again as it is.
    pub fn is_busy(&self) -> bool {
        matches!(
            self,
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(failure, _))
                if matches!(failure.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
        )
    }
}

/// What went wrong, in words a lifter can act on; the raw SQLite text only when it is none of the
/// failures a lifter can meet and fix (a full disk, a read-only file, another program holding it).
fn sqlite_in_words(error: &rusqlite::Error) -> String {
    let code = match error {
        rusqlite::Error::SqliteFailure(failure, _) => failure.code,
        _ => return format!("database error: {error}"),
    };
    match code {
        ErrorCode::DiskFull => "the disk is full (free some space, then try again)".into(),
        ErrorCode::ReadOnly => "the log file is read-only (make it writable, then try again)".into(),
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
            "another program kept the log busy too long (another hardset writing it, an import?); nothing was \
             written: try again once it has finished"
                .into()
        }
        ErrorCode::CannotOpen => "the log file cannot be opened (check the folder and its permissions)".into(),
        ErrorCode::SystemIoFailure => format!("the disk failed to read or write the log ({error})"),
        ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => {
            format!("the log file is damaged or not a hardset log ({error})")
        }
        _ => format!("database error: {error}"),
    }
}

/// Names what stopped a write to the log at `path` by looking at the disk, the folder and the
/// file, since SQLite's own code often cannot tell them apart (a full disk can come back as
/// "disk I/O error", a read-only folder as "read-only" or "cannot open"). Anything else is
/// returned as it was.
pub(super) fn diagnose(path: &Path, error: StoreError) -> StoreError {
    if !matches!(error, StoreError::Io { .. } | StoreError::Sqlite(_)) {
        return error;
    }
    if path.is_dir() {
        return StoreError::IsAFolder { path: path.display().to_string() };
    }
    let folder = disk::folder_of(path);
    if !folder.is_dir() {
        // The nearest part of the path that exists says why the folder cannot be made.
        let blocking = folder.ancestors().skip(1).find(|a| a.as_os_str().is_empty() || a.exists());
        let blocking = blocking.map(|a| if a.as_os_str().is_empty() { Path::new(".") } else { a });
        let why = match blocking {
            _ if folder.exists() => format!("{} is a file", folder.display()),
            Some(a) if !a.is_dir() => format!("{} is a file", a.display()),
            Some(a) if !disk::writable(a) => {
                format!("{} cannot be written (make it writable, or choose another place for the log)", a.display())
            }
            _ => return error,
        };
        return StoreError::NoFolder { folder: folder.display().to_string(), why };
    }
    if disk::read_only_mount(&folder) {
        return StoreError::ReadOnlyDisk { folder: folder.display().to_string() };
    }
    let disk_full = || StoreError::DiskFull { folder: folder.display().to_string() };
    let folder_read_only = || StoreError::FolderReadOnly { folder: folder.display().to_string() };
    match &error {
        StoreError::Io { source, .. } => match source.kind() {
            std::io::ErrorKind::StorageFull => disk_full(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
                if !disk::writable(&folder) =>
            {
                folder_read_only()
            }
            _ => error,
        },
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(failure, _)) => match failure.code {
            ErrorCode::DiskFull => disk_full(),
            ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::SystemIoFailure => {
                if disk::disk_full(&folder) {
                    disk_full()
                } else if path.exists() && !disk::writable(path) {
                    StoreError::FileReadOnly
                } else if !disk::writable(&folder) {
                    folder_read_only()
                } else {
                    error
                }
            }
            _ => error,
        },
        _ => error,
    }
}

/// What would stop a set being saved to the log at `path` now, found by looking (nothing is
/// written): a full disk, a log file that cannot be written, or a folder that cannot take the
/// -wal and -shm files saving needs. `None` when nothing is in the way.
pub fn what_stops_saving(path: &Path) -> Option<StoreError> {
    let folder = disk::folder_of(path);
    if disk::disk_full(&folder) {
        return Some(StoreError::DiskFull { folder: folder.display().to_string() });
    }
    if disk::read_only_mount(&folder) {
        return Some(StoreError::ReadOnlyDisk { folder: folder.display().to_string() });
    }
    if !disk::writable(path) {
        return Some(StoreError::FileReadOnly);
    }
    let wal_files = with_suffix(path, "-wal").exists() && with_suffix(path, "-shm").exists();
    if !wal_files && !disk::writable(&folder) {
        return Some(StoreError::FolderReadOnly { folder: folder.display().to_string() });
    }
    None
}

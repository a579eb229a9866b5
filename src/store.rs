//! The store: owns the SQLite database and every query. Nothing else writes SQL.

mod import;
mod records;
mod recovery;
mod sessions;
mod sets;

pub use import::{ImportBatch, ImportCounts, Matching};
pub use recovery::PlanRevision;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{Connection, OpenFlags};

/// Numbered migrations, append-only: the schema version is their count.
const MIGRATIONS: &[&str] = &[
    include_str!("store/migrations/001_initial.sql"),
    include_str!("store/migrations/002_sets_by_time.sql"),
    include_str!("store/migrations/003_recovery.sql"),
    include_str!("store/migrations/004_record_lookups.sql"),
    include_str!("store/migrations/005_custom_exercises.sql"),
    include_str!("store/migrations/006_records.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

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

/// What went wrong, in words a lifter can act on; the raw SQLite text only when it is none of the
/// failures a lifter can meet and fix (a full disk, a read-only file, another program holding it).
fn sqlite_in_words(error: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    let code = match error {
        rusqlite::Error::SqliteFailure(failure, _) => failure.code,
        _ => return format!("database error: {error}"),
    };
    match code {
        ErrorCode::DiskFull => "the disk is full (free some space, then try again)".into(),
        ErrorCode::ReadOnly => "the log file is read-only (make it writable, then try again)".into(),
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
            "another program kept the log busy too long (try again)".into()
        }
        ErrorCode::CannotOpen => "the log file cannot be opened (check the folder and its permissions)".into(),
        ErrorCode::SystemIoFailure => format!("the disk failed to read or write the log ({error})"),
        ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => {
            format!("the log file is damaged or not a hardset log ({error})")
        }
        _ => format!("database error: {error}"),
    }
}

/// The SQLite log of sessions and sets.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

/// Converts stored seconds to a UTC time.
pub(crate) fn from_unix(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(seconds, 0).single().unwrap_or_default()
}

impl Store {
    /// Opens (creating if needed) the database at `path`: the parent directory, a file readable
    /// by its owner only, the pragmas, and the migrations.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let io = |source| StoreError::Io { path: path.display().to_string(), source };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        if !path.exists() {
            create_private_file(path).map_err(io)?;
        }
        // A file made read-only is opened read-only, whoever runs hardset (root could write it
        // anyway): the log can be read, and every save says why it failed.
        let read_only = std::fs::metadata(path).map_err(io)?.permissions().readonly();
        let access = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
        };
        let conn = Connection::open_with_flags(path, access | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        let mut store = Store { conn, path: Some(path.to_path_buf()) };
        store.setup()?;
        Ok(store)
    }

    /// A database in memory, for tests and dry runs.
    pub fn in_memory() -> Result<Store, StoreError> {
        let mut store = Store { conn: Connection::open_in_memory()?, path: None };
        store.setup()?;
        Ok(store)
    }

    /// The file behind the store, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn setup(&mut self) -> Result<(), StoreError> {
        // Read the version before any pragma writes to the file: a newer database stays as it is.
        let found: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerDatabase {
                path: self.path.as_ref().map_or_else(|| ":memory:".into(), |p| p.display().to_string()),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        self.conn.busy_timeout(Duration::from_secs(5))?;
        // WAL lets a second instance read while one writes; FULL makes a committed set survive
        // power loss, not only a crash.
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        if found < SCHEMA_VERSION {
            if found > 0 {
                self.backup_before_migration(found)?;
            }
            let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            // Another instance may have migrated while we waited for the write lock.
            let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            for (number, migration) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
                tx.execute_batch(migration)?;
                tx.pragma_update(None, "user_version", number as i64 + 1)?;
            }
            tx.commit()?;
        }
        Ok(())
    }

    fn backup_before_migration(&self, from_version: i64) -> Result<(), StoreError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let backup = PathBuf::from(format!("{}.v{from_version}.bak", path.display()));
        if !backup.exists() {
            self.conn.execute("VACUUM INTO ?1", [backup.display().to_string()])?;
        }
        Ok(())
    }

    /// Runs `work` in a `BEGIN IMMEDIATE` transaction, so a second instance waits for the write
    /// lock instead of failing halfway.
    fn write<T>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// A number that changes whenever another connection (another hardset) commits.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Copies the whole log to `to` through SQLite's backup API (consistent even while another
    /// hardset writes), into a new file readable by its owner only. Never over an existing file.
    pub fn backup_to(&self, to: &Path) -> Result<(), StoreError> {
        let io = |source| StoreError::Io { path: to.display().to_string(), source };
        if let Some(parent) = to.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        create_private_file(to).map_err(io)?;
        let mut copy = Connection::open(to)?;
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut copy)?;
        backup.run_to_completion(256, Duration::ZERO, None)?;
        Ok(())
    }

    /// Caps the log at `pages` pages for this connection (SQLite's `max_page_count`), as a disk
    /// quota would: a write that needs more fails as a full disk does. A cap below the pages in
    /// use stops at them. Returns the pages in use.
    pub fn cap_pages(&self, pages: u64) -> Result<u64, StoreError> {
        self.conn.pragma_update(None, "max_page_count", pages)?;
        Ok(self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?)
    }

    /// `PRAGMA integrity_check` says ok.
    pub fn integrity_ok(&self) -> Result<bool, StoreError> {
        let verdict: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(verdict == "ok")
    }
}

#[cfg(unix)]
fn create_private_file(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map(drop)
}

#[cfg(not(unix))]
fn create_private_file(path: &Path) -> std::io::Result<()> {
    std::fs::OpenOptions::new().write(true).create_new(true).open(path).map(drop)
}

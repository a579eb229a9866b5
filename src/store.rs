//! The store: owns the SQLite database and every query. Nothing else writes SQL.

mod body_weight;
mod copy;
mod error;
mod import;
mod open;
mod own;
mod read_only;
mod records;
mod recovery;
mod schema;
mod scratch;
mod session_dates;
mod sessions;
mod sets;
mod sides;
mod techniques;
mod write;

pub use body_weight::{BodyWeightReading, MAX_BODY_WEIGHT_HUNDREDTHS};
pub use error::{StoreError, what_stops_saving};
pub use import::{ImportBatch, ImportCounts, ImportWriter, Matching};
pub use open::Upgrade;
pub use recovery::PlanRevision;
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use write::WriteWait;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::Connection;

use self::read_only::TidyWal;

/// How long a command waits for another hardset that holds the log (it may be creating or
/// upgrading it, or saving a set), unless it was told to wait otherwise (see [`WriteWait`]).
const BUSY_WAIT: Duration = Duration::from_secs(5);

/// The SQLite log of sessions and sets.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    upgrade: Option<Upgrade>,
    /// How a write waits for the write lock another connection holds.
    write_wait: WriteWait,
    /// Declared after `conn`, so it runs once the connection is closed.
    _tidy: Option<TidyWal>,
}

/// Converts stored seconds to a UTC time.
pub(crate) fn from_unix(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(seconds, 0).single().unwrap_or_default()
}

impl Store {
    /// A database in memory, for tests and dry runs.
    pub fn in_memory() -> Result<Store, StoreError> {
        let mut store = Store::detached(Connection::open_in_memory()?);
        store.setup()?;
        Ok(store)
    }

    /// A store on a database no other connection sees (in memory, or a temporary copy).
    fn detached(conn: Connection) -> Store {
        Store { conn, path: None, upgrade: None, write_wait: WriteWait::default(), _tidy: None }
    }

    /// How this store's writes wait for another writer from now on.
    pub fn set_write_wait(&mut self, write_wait: WriteWait) {
        self.write_wait = write_wait;
    }

    /// The file behind the store, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The upgrade opening did, if any: a command says so.
    pub fn upgrade(&self) -> Option<&Upgrade> {
        self.upgrade.as_ref()
    }

    /// The log's schema version (older than [`SCHEMA_VERSION`] only for a log opened by
    /// [`Store::inspect`]).
    pub fn schema(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// A number that changes whenever another connection (another hardset) commits.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
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

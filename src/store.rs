//! The store: owns the SQLite database and every query. Nothing else writes SQL.

mod import;
mod records;
mod recovery;
mod sessions;
mod sets;

pub use import::{ImportBatch, ImportCounts, ImportWriter, Matching};
pub use recovery::PlanRevision;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::disk::{self, with_suffix};

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

/// hardset's mark in a log's SQLite header (`PRAGMA application_id`): "HSET" in ASCII. Every log
/// this build creates or upgrades carries it; a file carrying another mark is another program's.
pub const APPLICATION_ID: i32 = 0x4853_4554;

/// The tables each schema version brought: a log written before the mark existed is known as
/// hardset's by holding every table its schema version should.
const TABLES_SINCE: &[(i64, &[&str])] = &[
    (1, &["session", "workout_set", "session_exercise_change"]),
    (3, &["deload_week", "plan_revision"]),
    (5, &["custom_exercise"]),
];

/// How long a command waits for another hardset that holds the log (it may be creating or
/// upgrading it, or saving a set), unless it was told to wait otherwise (see [`WriteWait`]).
const BUSY_WAIT: Duration = Duration::from_secs(5);

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
fn diagnose(path: &Path, error: StoreError) -> StoreError {
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

/// What a SQLite file is, from its header and tables.
enum Identity {
    /// No tables and no version: a new file, for hardset to make a log of.
    Empty,
    /// A hardset log at this schema version.
    Hardset(i64),
    /// Another program's file, and what gives it away.
    Foreign(String),
}

/// Reads what the file behind `conn` is, writing nothing, in one read transaction: while
/// another hardset creates the log, separate reads could see its header before and its tables
/// after it commits.
fn identify(conn: &Connection) -> rusqlite::Result<Identity> {
    if conn.is_autocommit() {
        let snapshot = conn.unchecked_transaction()?;
        let identity = identify(&snapshot)?;
        snapshot.commit()?;
        return Ok(identity);
    }
    let mark: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let has_tables_of = |version: i64| {
        TABLES_SINCE
            .iter()
            .filter(|(since, _)| *since <= version)
            .flat_map(|(_, names)| names.iter())
            .all(|name| tables.iter().any(|t| t == name))
    };
    Ok(if mark == APPLICATION_ID {
        Identity::Hardset(version)
    } else if mark != 0 {
        Identity::Foreign(format!("it carries another program's mark, application_id {mark:#010x}"))
    } else if version == 0 && objects == 0 {
        Identity::Empty
    } else if version == 0 {
        Identity::Foreign("it holds tables but no hardset schema version".into())
    } else if has_tables_of(version) {
        Identity::Hardset(version)
    } else {
        Identity::Foreign(format!("its schema version {version} comes without hardset's tables"))
    })
}

/// The schema version of a file identified as `identity` (0 for a new one), or why it is no
/// log to use: another program's file, or a newer hardset's log.
fn schema_of(identity: Identity, path: Option<&Path>) -> Result<i64, StoreError> {
    let path = || path.map_or_else(|| ":memory:".into(), |p| p.display().to_string());
    match identity {
        Identity::Empty => Ok(0),
        Identity::Hardset(found) if found > SCHEMA_VERSION => {
            Err(StoreError::NewerDatabase { path: path(), found, supported: SCHEMA_VERSION })
        }
        Identity::Hardset(version) => Ok(version),
        Identity::Foreign(why) => Err(StoreError::NotHardset { path: path(), why }),
    }
}

/// An older log brought up to this build's schema when it was opened, which a command says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgrade {
    /// The log.
    pub path: PathBuf,
    /// The schema it was at.
    pub from: i64,
    /// The copy of it taken first (`<log>.v<k>.bak`); `None` when the log could not be written
    /// and was read through a copy upgraded in memory, the file left as it was.
    pub backup: Option<PathBuf>,
}

impl std::fmt::Display for Upgrade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.backup {
            Some(backup) => write!(
                f,
                "upgraded the log {} from schema {} to {SCHEMA_VERSION}; the log as it was is kept in {}",
                self.path.display(),
                self.from,
                backup.display()
            ),
            None => write!(
                f,
                "the log {} is at schema {} and cannot be written here, so it was read through a copy upgraded to \
                 schema {SCHEMA_VERSION} in memory; the file was left as it is",
                self.path.display(),
                self.from
            ),
        }
    }
}

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
    /// Opens (creating if needed) the log at `path` to read and write it: the folder, a file
    /// readable by its owner only, the pragmas, and the migrations (after a backup of an older
    /// log). Another program's SQLite file, or a newer hardset's log, is refused untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_waiting(path, WriteWait::default())
    }

    /// [`Store::open`], its writes (the upgrade of an older log among them) waiting for another
    /// writer as `write_wait` says.
    pub fn open_waiting(path: &Path, write_wait: WriteWait) -> Result<Store, StoreError> {
        Store::open_for_writing(path, write_wait).map_err(|e| diagnose(path, e))
    }

    fn open_for_writing(path: &Path, write_wait: WriteWait) -> Result<Store, StoreError> {
        let io = |source| StoreError::Io { path: path.display().to_string(), source };
        std::fs::create_dir_all(disk::folder_of(path)).map_err(io)?;
        // Another hardset starting at the same moment may create it first: this one then waits
        // for it below and uses the log it made.
        match disk::new_private_file(path) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io(e)),
        }
        refuse_on_sight(path)?;
        // A file made read-only is opened read-only, whoever runs hardset (root could write it
        // anyway): the log can be read, and every save says why it failed.
        let read_only = std::fs::metadata(path).map_err(io)?.permissions().readonly();
        let access = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
        };
        let conn = Connection::open_with_flags(path, access | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        // Before the first read: another hardset may hold the log while it creates it.
        conn.busy_timeout(BUSY_WAIT)?;
        let mut store = Store { conn, path: Some(path.to_path_buf()), upgrade: None, write_wait, _tidy: None };
        store.setup()?;
        Ok(store)
    }

    /// Opens the log to read it, for the commands that only read. No log yet (no file, or an
    /// empty one) reads as an empty log in memory, and nothing is created. A log at this
    /// build's schema is opened read-only and never written. An older log is upgraded, through
    /// the same checked backup as any upgrade; when it cannot be written (a read-only folder or
    /// file, a full disk), it is read through a copy upgraded in memory. [`Store::upgrade`]
    /// says which, for the command to tell the lifter.
    pub fn open_to_read(path: &Path) -> Result<Store, StoreError> {
        Store::open_to_read_inner(path).map_err(|e| diagnose(path, e))
    }

    fn open_to_read_inner(path: &Path) -> Result<Store, StoreError> {
        let Some((store, version)) = Store::open_read_only(path)? else {
            return Store::in_memory();
        };
        if version == SCHEMA_VERSION {
            return Ok(store);
        }
        drop(store);
        match Store::open(path) {
            Err(
                StoreError::DiskFull { .. }
                | StoreError::FolderReadOnly { .. }
                | StoreError::FileReadOnly
                | StoreError::ReadOnlyDisk { .. },
            ) => Store::upgraded_in_memory(path, version),
            other => other,
        }
    }

    /// Opens the log only to look at it (`doctor`, `backup`): read-only, at whatever schema it
    /// is, never upgraded, nothing written. `None` when there is no log yet (no file, or an
    /// empty one).
    pub fn inspect(path: &Path) -> Result<Option<Store>, StoreError> {
        Store::open_read_only(path).map(|found| found.map(|(store, _)| store)).map_err(|e| diagnose(path, e))
    }

    /// The log at `path` opened read-only, with its schema version; `None` for no log yet.
    fn open_read_only(path: &Path) -> Result<Option<(Store, i64)>, StoreError> {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(StoreError::Io { path: path.display().to_string(), source }),
            Ok(metadata) if metadata.len() == 0 => return Ok(None),
            Ok(_) => {}
        }
        refuse_on_sight(path)?;
        let (conn, tidy) = read_only_connection(path)?;
        let store = Store {
            conn,
            path: Some(path.to_path_buf()),
            upgrade: None,
            write_wait: WriteWait::default(),
            _tidy: tidy,
        };
        let version = store.identity()?;
        Ok((version > 0).then_some((store, version)))
    }

    /// The older log at `path`, copied into memory and upgraded there: the file is not written.
    fn upgraded_in_memory(path: &Path, from: i64) -> Result<Store, StoreError> {
        let (source, tidy) = read_only_connection(path)?;
        let mut conn = Connection::open_in_memory()?;
        copy_database(&source, &mut conn)?;
        drop((source, tidy));
        let mut store = Store::detached(conn);
        store.setup()?;
        store.upgrade = Some(Upgrade { path: path.to_path_buf(), from, backup: None });
        Ok(store)
    }

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

    /// The log's schema version (0 for a new file), or why this file is no log to use.
    fn identity(&self) -> Result<i64, StoreError> {
        schema_of(identify(&self.conn)?, self.path.as_deref())
    }

    fn setup(&mut self) -> Result<(), StoreError> {
        // Read what the file is before any pragma writes to it: another program's file, or a
        // newer hardset's log, stays as it is.
        let version = self.identity()?;
        // WAL lets a second instance read while one writes; FULL makes a committed set survive
        // power loss, not only a crash.
        self.switch_to_wal()?;
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        let mark: i32 = self.conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        // A log from before the mark is stamped when it can be written; one made read-only is
        // read as it is.
        let unmarked = mark != APPLICATION_ID && !self.conn.is_readonly(rusqlite::MAIN_DB)?;
        if version < SCHEMA_VERSION || unmarked {
            self.migrate()?;
        }
        Ok(())
    }

    /// Switches the log to WAL (a no-op once it is). The switch needs the file to itself, and
    /// SQLite does not wait for that (its busy handler is not called there): when another
    /// hardset is reading a new log during its own first start, the switch is tried again for
    /// up to [`BUSY_WAIT`].
    fn switch_to_wal(&self) -> Result<(), StoreError> {
        let started = Instant::now();
        loop {
            match self.conn.pragma_update(None, "journal_mode", "WAL") {
                Err(rusqlite::Error::SqliteFailure(failure, _))
                    if failure.code == ErrorCode::DatabaseBusy && started.elapsed() < BUSY_WAIT =>
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
                other => return Ok(other?),
            }
        }
    }

    /// Brings the log to this build's schema and stamps it as hardset's, in one transaction that
    /// holds the write lock throughout, after a checked backup of an older log.
    fn migrate(&mut self) -> Result<(), StoreError> {
        let migrated = self.migrate_in_one_transaction();
        self.usual_wait_to_read();
        migrated
    }

    fn migrate_in_one_transaction(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let tx = self.begin_write()?;
        // Another instance may have created, migrated or stamped the log while this one waited
        // for the write lock: what it is now is read again, under the lock.
        let current = schema_of(identify(&tx)?, path.as_deref())?;
        let mut backup = None;
        if let Some(path) = path.as_deref().filter(|_| (1..SCHEMA_VERSION).contains(&current)) {
            let sets: i64 = tx.query_row("SELECT count(*) FROM workout_set", [], |r| r.get(0))?;
            backup = Some(backup_before_migration(path, current, sets)?);
        }
        for (number, migration) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
            tx.execute_batch(migration)?;
            tx.pragma_update(None, "user_version", number as i64 + 1)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
        if let (Some(path), Some(backup)) = (path, backup) {
            self.upgrade = Some(Upgrade { path, from: current, backup: Some(backup) });
        }
        Ok(())
    }

    /// Runs `work` in a `BEGIN IMMEDIATE` transaction (see [`Store::begin_write`]).
    fn write<T>(
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

    /// A number that changes whenever another connection (another hardset) commits.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

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

/// What a copy of the log holds.
struct Copied {
    /// `PRAGMA integrity_check` said ok.
    intact: bool,
    /// Its schema version.
    version: i64,
    /// Its sets.
    sets: i64,
}

/// Copies the database `source` reads into `to` through SQLite's backup API: into a private
/// file under a temporary name, checked, then (when whole) flushed and renamed over `to`, with
/// any journal a cut-short copy left beside `to` removed first (rolled back into the new copy,
/// it would damage it). What killed runs left is cleared first, and what this one wrote is
/// removed when it fails, so a cut-short copy is never under `to` and never in the way.
fn write_copy(source: &Connection, to: &Path) -> Result<Copied, StoreError> {
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
fn copy_database(source: &Connection, copy: &mut Connection) -> Result<(), StoreError> {
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

/// Makes `<log>.v<k>.bak` hold the log at `path` as it is now, at schema `k`, before it is
/// migrated. A copy is always written afresh (see [`write_copy`]: a temporary name, synced, then
/// renamed over any old one): an existing `.bak`, however whole, may be of the log as it was
/// another day (a copy restored since, sets edited), and checks of its schema, integrity and
/// number of sets cannot tell. Called with the log's write lock held, so the log cannot change
/// meanwhile and no other hardset copies it at once.
fn backup_before_migration(path: &Path, k: i64, sets: i64) -> Result<PathBuf, StoreError> {
    let backup = with_suffix(path, &format!(".v{k}.bak"));
    // A second connection reads the log: this process holds the write lock, so what it reads
    // is the log as it is.
    let source = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    source.busy_timeout(BUSY_WAIT)?;
    let copied = write_copy(&source, &backup).map_err(|e| diagnose(&backup, e))?;
    if !copied.intact || copied.version != k || copied.sets != sets {
        return Err(StoreError::Damaged {
            path: path.display().to_string(),
            what: format!("a copy of it did not come out whole, so it was left at schema {k}, not upgraded"),
        });
    }
    Ok(backup)
}

/// Looks at the file before any connection that could write it: another program's SQLite
/// file, or a newer hardset's log, is refused as it is. With no -wal beside it, it is read with
/// `immutable=1` (nothing created, no lock taken); with one (the file is open elsewhere, or was
/// left so), through a read-only connection, which never checkpoints that WAL into the file on
/// closing as a read-write one would. Anything but a sure refusal (a log, an empty file, a read
/// caught while another hardset writes) is left to the connection that follows, which reads
/// under SQLite's locks.
fn refuse_on_sight(path: &Path) -> Result<(), StoreError> {
    let wal = with_suffix(path, "-wal");
    let seen = |path: &Path| std::fs::metadata(path).ok().map(|m| (m.len(), m.modified().ok()));
    let before = seen(path);
    if before.is_none_or(|(size, _)| size == 0) {
        return Ok(());
    }
    let identity = if wal.exists() {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let Ok(conn) = Connection::open_with_flags(path, flags) else {
            return Ok(());
        };
        let _ = conn.busy_timeout(BUSY_WAIT);
        identify(&conn)
    } else {
        let Ok(conn) = immutable_connection(path) else {
            return Ok(());
        };
        let identity = identify(&conn);
        drop(conn);
        // Read without a lock, the file must not have changed meanwhile (another hardset's
        // first start may be writing it): otherwise what was read may be half old, half new.
        if seen(path) != before || wal.exists() {
            return Ok(());
        }
        identity
    };
    match identity.map(|identity| schema_of(identity, Some(path))) {
        Ok(Err(refused)) => Err(refused),
        _ => Ok(()),
    }
}

/// A read-only connection to the log at `path`. Reading a WAL log needs its -wal and -shm; when
/// they are not there and cannot be made (a read-only folder, a full disk), the file is read
/// alone with `immutable=1`. That is safe then: a writer would need those same files, so none
/// can be at work. The -wal and -shm this connection makes are removed after it closes (see
/// [`TidyWal`]).
fn read_only_connection(path: &Path) -> Result<(Connection, Option<TidyWal>), StoreError> {
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
fn immutable_connection(path: &Path) -> rusqlite::Result<Connection> {
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
struct TidyWal(PathBuf);

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

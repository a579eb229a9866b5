//! Opening a log: to write (creating it, stamping it, migrating an older one after a checked
//! backup), to read, or only to look at it; another program's file is refused untouched.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::copy::{copy_database, write_copy};
use super::error::diagnose;
use super::read_only::{immutable_connection, read_only_connection};
use super::schema::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, identify, schema_of};
use super::write::WriteWait;
use super::{BUSY_WAIT, Store, StoreError};
use crate::disk::{self, with_suffix};

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
    pub(super) fn open_read_only(path: &Path) -> Result<Option<(Store, i64)>, StoreError> {
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

    /// The log's schema version (0 for a new file), or why this file is no log to use.
    fn identity(&self) -> Result<i64, StoreError> {
        schema_of(identify(&self.conn)?, self.path.as_deref())
    }

    pub(super) fn setup(&mut self) -> Result<(), StoreError> {
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

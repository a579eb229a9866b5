//! What a log is: the migrations that make its schema, hardset's mark, and how a SQLite file
//! is told to be a hardset log, an empty file, or another program's.

use std::path::Path;

use rusqlite::Connection;

use super::StoreError;

/// Numbered migrations, append-only: the schema version is their count.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_sets_by_time.sql"),
    include_str!("migrations/003_recovery.sql"),
    include_str!("migrations/004_record_lookups.sql"),
    include_str!("migrations/005_custom_exercises.sql"),
    include_str!("migrations/006_records.sql"),
    include_str!("migrations/007_set_kinds.sql"),
    include_str!("migrations/008_own_exercises_and_notes.sql"),
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
    (7, &["body_weight"]),
    (8, &["exercise_note"]),
];

/// What a SQLite file is, from its header and tables.
pub(super) enum Identity {
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
pub(super) fn identify(conn: &Connection) -> rusqlite::Result<Identity> {
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
pub(super) fn schema_of(identity: Identity, path: Option<&Path>) -> Result<i64, StoreError> {
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

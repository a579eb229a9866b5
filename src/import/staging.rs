//! Scratch space for an import, so a file of any size is read in bounded memory: a private
//! SQLite database on disk (SQLite deletes it when it is closed, and the system when the process
//! dies), holding what the file says session by session, the deload weeks and exercises it
//! lists, and the unknown exercises met while writing. Only the session a row goes to is kept in
//! memory; a session the file names again later is read back to take more rows. Nothing here
//! touches the log: the log is written afterwards, in one transaction.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

mod body_weight;

use super::ImportError;
use super::rows::{ParsedSession, ParsedSet};
use crate::model::exercise::{CustomExercise, Equipment, Muscle};
use crate::model::session::{Basis, DeloadStyle, Readiness, SetEntry, SetKind, Side, Technique};
use crate::model::units::{Distance, Load, Rir, Unit, Weight};

/// The most one session may hold (its sets with their notes, its notes), roughly as it takes
/// memory. A long session is a few hundred sets, well under 1 MiB.
pub(crate) const MAX_SESSION_BYTES: usize = 4 << 20;

/// The message for a session larger than that.
pub(crate) fn too_big() -> String {
    format!(
        "the session this row belongs to holds more than {} MiB of sets and notes, more than any workout: \
         is this the file the app exported?",
        MAX_SESSION_BYTES >> 20
    )
}

#[allow(clippy::needless_pass_by_value)] // Used as `map_err(failed)`.
fn failed(e: rusqlite::Error) -> ImportError {
    ImportError::whole(format!("the import's scratch space failed, so nothing was written: {e}"))
}

/// The scratch database.
pub(crate) struct Staging {
    conn: Connection,
    /// Sessions and sets kept so far.
    sessions: std::cell::Cell<u64>,
    sets: std::cell::Cell<u64>,
}

/// A session's own columns (all but its sets), as kept between its rows.
#[derive(Serialize, Deserialize)]
struct Header {
    started: (i64, u32),
    ended: Option<(i64, u32)>,
    day_name: String,
    day_index: Option<usize>,
    note: String,
    readiness: Option<Readiness>,
    exercise_notes: Vec<(String, String)>,
}

fn parts(t: DateTime<Utc>) -> (i64, u32) {
    (t.timestamp(), t.timestamp_subsec_nanos())
}

fn time((seconds, nanos): (i64, u32)) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::from_timestamp(seconds, nanos).ok_or(rusqlite::Error::IntegralValueOutOfRange(0, seconds))
}

fn muscles_text(muscles: &[Muscle]) -> String {
    muscles.iter().map(|m| m.name()).collect::<Vec<_>>().join(",")
}

fn muscles_of(text: &str) -> Vec<Muscle> {
    text.split(',').filter_map(Muscle::parse).collect()
}

impl Staging {
    /// A new, empty scratch database.
    pub(crate) fn new() -> Result<Staging, ImportError> {
        // An empty name is a private database in a temporary file; its page cache (a few MB)
        // is all it keeps in memory. One transaction throughout, never committed: nothing is
        // written to the file until the cache is full.
        let conn = Connection::open("").map_err(failed)?;
        conn.execute_batch(
            "PRAGMA journal_mode = OFF;
             PRAGMA synchronous = OFF;
             PRAGMA cache_size = -2048;
             PRAGMA temp_store = FILE;
             BEGIN;
             CREATE TABLE session (
                 id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, start INTEGER NOT NULL,
                 start_nanos INTEGER NOT NULL, header TEXT NOT NULL, bytes INTEGER NOT NULL,
                 count INTEGER NOT NULL, sets TEXT NOT NULL, more INTEGER NOT NULL DEFAULT 0);
             CREATE TABLE more_sets (session INTEGER NOT NULL, count INTEGER NOT NULL, sets TEXT NOT NULL);
             CREATE TABLE deload_week (monday TEXT NOT NULL, style TEXT NOT NULL);
             CREATE TABLE body_weight (day TEXT PRIMARY KEY, hundredths INTEGER NOT NULL, unit TEXT NOT NULL);
             CREATE TABLE custom (name TEXT NOT NULL, lower TEXT NOT NULL, muscles TEXT NOT NULL,
                 equipment TEXT NOT NULL, source TEXT NOT NULL, technical INTEGER);
             CREATE INDEX custom_by_name ON custom (lower);
             CREATE TABLE unknown (lower TEXT PRIMARY KEY, name TEXT NOT NULL, sets INTEGER NOT NULL,
                 muscles TEXT NOT NULL);",
        )
        .map_err(failed)?;
        Ok(Staging { conn, sessions: 0.into(), sets: 0.into() })
    }

    /// Keeps `session` (its columns, and its sets after those kept before) under `key`, as
    /// session `id` when it was kept already. Returns its id.
    fn put(&self, id: Option<i64>, key: &str, session: &ParsedSession, bytes: usize) -> Result<i64, ImportError> {
        let header = serde_json::to_string(&Header {
            started: parts(session.started_at),
            ended: session.ended_at.map(parts),
            day_name: session.day_name.clone(),
            day_index: session.day_index,
            note: session.note.clone(),
            readiness: session.readiness,
            exercise_notes: session.exercise_notes.clone(),
        })
        .map_err(|e| ImportError::whole(format!("the import's scratch space failed: {e}")))?;
        // The session's sets (those of this stretch of its rows) go in one field, as JSON: with
        // the session when it is new, in a row of their own when the file named it before.
        let sets: Vec<StagedSet<'_>> = session.sets.iter().map(StagedSet::of).collect();
        let sets = serde_json::to_string(&sets)
            .map_err(|e| ImportError::whole(format!("the import's scratch space failed: {e}")))?;
        let count = session.sets.len() as i64;
        self.sets.set(self.sets.get() + count as u64);
        match id {
            Some(id) => {
                self.conn
                    .prepare_cached("UPDATE session SET header = ?2, bytes = ?3, more = 1 WHERE id = ?1")
                    .and_then(|mut s| s.execute(params![id, header, bytes as i64]))
                    .map_err(failed)?;
                self.conn
                    .prepare_cached("INSERT INTO more_sets (session, count, sets) VALUES (?1, ?2, ?3)")
                    .and_then(|mut s| s.execute(params![id, count, sets]))
                    .map_err(failed)?;
                Ok(id)
            }
            None => {
                let (start, nanos) = parts(session.started_at);
                self.conn
                    .prepare_cached(
                        "INSERT INTO session (key, start, start_nanos, header, bytes, count, sets)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    )
                    .and_then(|mut s| s.execute(params![key, start, nanos, header, bytes as i64, count, sets]))
                    .map_err(failed)?;
                self.sessions.set(self.sessions.get() + 1);
                Ok(self.conn.last_insert_rowid())
            }
        }
    }

    /// Keeps a whole session under a key no other session has.
    pub(crate) fn add_session(&self, key: &str, session: &ParsedSession) -> Result<(), ImportError> {
        self.put(None, key, session, 0).map(|_| ())
    }

    /// The session kept under `key` (its columns, no sets), its id and the bytes it holds.
    fn find(&self, key: &str) -> Result<Option<(i64, ParsedSession, usize)>, ImportError> {
        let found: Option<(i64, String, i64)> = self
            .conn
            .prepare_cached("SELECT id, header, bytes FROM session WHERE key = ?1")
            .and_then(|mut s| s.query_row([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional())
            .map_err(failed)?;
        let Some((id, header, bytes)) = found else { return Ok(None) };
        Ok(Some((id, session_of(&header).map_err(failed)?, bytes as usize)))
    }

    /// Keeps a deload week the file lists.
    pub(crate) fn deload_week(&self, monday: NaiveDate, style: DeloadStyle) -> Result<(), ImportError> {
        self.conn
            .prepare_cached("INSERT INTO deload_week (monday, style) VALUES (?1, ?2)")
            .and_then(|mut s| s.execute(params![monday.format("%Y-%m-%d").to_string(), style.as_str()]))
            .map_err(failed)?;
        Ok(())
    }

    /// Keeps one of the log's own exercises the file lists.
    pub(crate) fn custom(&self, custom: &CustomExercise) -> Result<(), ImportError> {
        self.conn
            .prepare_cached("INSERT INTO custom (name, lower, muscles, equipment, source, technical) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    custom.name,
                    custom.name.to_lowercase(),
                    muscles_text(&custom.muscles),
                    custom.equipment.name(),
                    custom.source,
                    custom.technical
                ])
            })
            .map_err(failed)?;
        Ok(())
    }

    /// Done reading the file: the sets are indexed by session for reading back.
    pub(crate) fn read_all(&self) -> Result<(), ImportError> {
        self.conn.execute_batch("CREATE INDEX more_sets_by_session ON more_sets (session)").map_err(failed)
    }

    /// How many sessions and sets the file holds.
    pub(crate) fn counts(&self) -> (u64, u64) {
        (self.sessions.get(), self.sets.get())
    }

    /// Each session with its sets: in the order the file first names them, or by start (and
    /// then that order) with `by_start`.
    pub(crate) fn for_each_session<E: From<ImportError>>(
        &self,
        by_start: bool,
        mut visit: impl FnMut(ParsedSession) -> Result<(), E>,
    ) -> Result<(), E> {
        let order = if by_start { "start, start_nanos, id" } else { "id" };
        let mut sessions = self
            .conn
            .prepare(&format!("SELECT id, header, sets, more FROM session ORDER BY {order}"))
            .map_err(failed)?;
        let mut rows = sessions.query([]).map_err(failed)?;
        while let Some(row) = rows.next().map_err(failed)? {
            let id: i64 = row.get(0).map_err(failed)?;
            let header = row.get_ref(1).and_then(|v| Ok(v.as_str()?)).map_err(failed)?;
            let mut session = session_of(header).map_err(failed)?;
            let sets = row.get_ref(2).and_then(|v| Ok(v.as_str()?)).map_err(failed)?;
            add_sets(&mut session.sets, sets).map_err(failed)?;
            if row.get(3).map_err(failed)? {
                self.more_sets(id, &mut session.sets).map_err(failed)?;
            }
            visit(session)?;
        }
        Ok(())
    }

    /// The sets of session `id` kept after the file named it again.
    fn more_sets(&self, id: i64, sets: &mut Vec<ParsedSet>) -> rusqlite::Result<()> {
        let mut statement = self.conn.prepare_cached("SELECT sets FROM more_sets WHERE session = ?1 ORDER BY rowid")?;
        let mut rows = statement.query([id])?;
        while let Some(row) = rows.next()? {
            add_sets(sets, row.get_ref(0)?.as_str()?)?;
        }
        Ok(())
    }

    /// Each deload week: in the file's order, or by date and style once each with `sorted`.
    pub(crate) fn for_each_deload_week<E: From<ImportError>>(
        &self,
        sorted: bool,
        mut visit: impl FnMut(NaiveDate, DeloadStyle) -> Result<(), E>,
    ) -> Result<(), E> {
        let sql = if sorted {
            "SELECT DISTINCT monday, style FROM deload_week ORDER BY monday, style = 'load'"
        } else {
            "SELECT monday, style FROM deload_week ORDER BY rowid"
        };
        let mut statement = self.conn.prepare(sql).map_err(failed)?;
        let mut rows = statement.query([]).map_err(failed)?;
        while let Some(row) = rows.next().map_err(failed)? {
            let monday: String = row.get(0).map_err(failed)?;
            let style: String = row.get(1).map_err(failed)?;
            if let (Ok(monday), Some(style)) =
                (NaiveDate::parse_from_str(&monday, "%Y-%m-%d"), DeloadStyle::parse(&style))
            {
                visit(monday, style)?;
            }
        }
        Ok(())
    }

    /// Each of the log's own exercises the file lists, in its order.
    pub(crate) fn for_each_custom<E: From<ImportError>>(
        &self,
        mut visit: impl FnMut(CustomExercise) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut statement = self
            .conn
            .prepare("SELECT name, muscles, equipment, source, technical FROM custom ORDER BY rowid")
            .map_err(failed)?;
        let mut rows = statement.query([]).map_err(failed)?;
        while let Some(row) = rows.next().map_err(failed)? {
            let muscles: String = row.get(1).map_err(failed)?;
            let equipment: String = row.get(2).map_err(failed)?;
            visit(CustomExercise {
                name: row.get(0).map_err(failed)?,
                muscles: muscles_of(&muscles),
                equipment: Equipment::parse(&equipment).unwrap_or(Equipment::Machine),
                source: row.get(3).map_err(failed)?,
                technical: row.get(4).map_err(failed)?,
            })?;
        }
        Ok(())
    }

    /// Whether the file lists `lower` (a lowercase name) as one of the log's own exercises.
    pub(crate) fn is_custom(&self, lower: &str) -> Result<bool, ImportError> {
        self.conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM custom WHERE lower = ?1)")
            .and_then(|mut s| s.query_row([lower], |r| r.get(0)))
            .map_err(failed)
    }

    /// The name and muscles an unknown exercise was first met under, by its lowercase name.
    pub(crate) fn unknown(&self, lower: &str) -> Result<Option<(String, Vec<Muscle>)>, ImportError> {
        let found: Option<(String, String)> = self
            .conn
            .prepare_cached("SELECT name, muscles FROM unknown WHERE lower = ?1")
            .and_then(|mut s| s.query_row([lower], |r| Ok((r.get(0)?, r.get(1)?))).optional())
            .map_err(failed)?;
        Ok(found.map(|(name, muscles)| (name, muscles_of(&muscles))))
    }

    /// Counts `sets` more sets of an unknown exercise (kept as first met).
    pub(crate) fn add_unknown(
        &self,
        lower: &str,
        name: &str,
        sets: u64,
        muscles: &[Muscle],
    ) -> Result<(), ImportError> {
        self.conn
            .prepare_cached(
                "INSERT INTO unknown (lower, name, sets, muscles) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (lower) DO UPDATE SET sets = sets + excluded.sets",
            )
            .and_then(|mut s| s.execute(params![lower, name, sets as i64, muscles_text(muscles)]))
            .map_err(failed)?;
        Ok(())
    }

    /// How many unknown exercises were met.
    pub(crate) fn unknown_count(&self) -> Result<u64, ImportError> {
        self.conn
            .query_row("SELECT count(*) FROM unknown", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(failed)
    }

    /// Each unknown exercise (name, sets, muscles), by lowercase name.
    pub(crate) fn for_each_unknown<E: From<ImportError>>(
        &self,
        mut visit: impl FnMut(String, u64, Vec<Muscle>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut statement =
            self.conn.prepare("SELECT name, sets, muscles FROM unknown ORDER BY lower").map_err(failed)?;
        let mut rows = statement.query([]).map_err(failed)?;
        while let Some(row) = rows.next().map_err(failed)? {
            let sets: i64 = row.get(1).map_err(failed)?;
            let muscles: String = row.get(2).map_err(failed)?;
            visit(row.get(0).map_err(failed)?, sets as u64, muscles_of(&muscles))?;
        }
        Ok(())
    }
}

/// Adds the sets kept as `json` to `sets`.
fn add_sets(sets: &mut Vec<ParsedSet>, json: &str) -> rusqlite::Result<()> {
    let staged: Vec<StagedSet<'_>> =
        serde_json::from_str(json).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    sets.reserve(staged.len());
    for set in staged {
        sets.push(set.into_set()?);
    }
    Ok(())
}

/// A set as kept in the scratch database.
#[derive(Serialize, Deserialize)]
struct StagedSet<'a> {
    #[serde(borrow)]
    exercise: std::borrow::Cow<'a, str>,
    working: bool,
    load: i64,
    lb: bool,
    reps: u16,
    rir: Option<u8>,
    form_broke: bool,
    #[serde(borrow)]
    note: std::borrow::Cow<'a, str>,
    at: Option<(i64, u32)>,
    muscles: Vec<u8>,
    /// The set's kind beyond load and reps (absent for a plain set, most of any import).
    #[serde(default, skip_serializing_if = "Option::is_none", borrow)]
    more: Option<StagedKind<'a>>,
}

/// What a set is beyond a load and reps, by the log's stored names.
#[derive(Serialize, Deserialize)]
struct StagedKind<'a> {
    basis: &'a str,
    seconds: Option<u32>,
    distance: Option<u32>,
    side: Option<&'a str>,
    technique: Option<&'a str>,
    #[serde(borrow)]
    superset: Option<std::borrow::Cow<'a, str>>,
}

impl<'a> StagedKind<'a> {
    fn of(e: &'a SetEntry) -> Option<StagedKind<'a>> {
        let plain = e.basis == Basis::Load
            && e.seconds.is_none()
            && e.distance.is_none()
            && e.side.is_none()
            && e.technique.is_none()
            && e.superset.is_none();
        (!plain).then(|| StagedKind {
            basis: e.basis.as_str(),
            seconds: e.seconds,
            distance: e.distance.map(Distance::centimetres),
            side: e.side.map(Side::as_str),
            technique: e.technique.map(Technique::as_str),
            superset: e.superset.as_deref().map(Into::into),
        })
    }

    fn apply(self, e: &mut SetEntry) {
        e.basis = Basis::parse(self.basis).unwrap_or_default();
        e.seconds = self.seconds;
        e.distance = self.distance.and_then(Distance::from_centimetres);
        e.side = self.side.and_then(Side::parse);
        e.technique = self.technique.and_then(Technique::parse);
        e.superset = self.superset.map(std::borrow::Cow::into_owned);
    }
}

impl StagedSet<'_> {
    fn of(set: &ParsedSet) -> StagedSet<'_> {
        let e = &set.entry;
        StagedSet {
            exercise: e.exercise.as_str().into(),
            working: e.kind == SetKind::Working,
            load: e.weight.load.hundredths(),
            lb: e.weight.unit == Unit::Lb,
            reps: e.reps,
            rir: e.rir.map(Rir::halves),
            form_broke: e.form_broke,
            note: e.note.as_str().into(),
            at: set.logged_at.map(parts),
            muscles: set
                .muscles
                .iter()
                .filter_map(|m| Muscle::ALL.iter().position(|a| a == m))
                .map(|i| i as u8)
                .collect(),
            more: StagedKind::of(e),
        }
    }

    fn into_set(self) -> rusqlite::Result<ParsedSet> {
        let mut entry = SetEntry {
            exercise: self.exercise.into_owned(),
            kind: if self.working { SetKind::Working } else { SetKind::RampUp },
            weight: Weight::new(Load::from_hundredths(self.load), if self.lb { Unit::Lb } else { Unit::Kg }),
            reps: self.reps,
            rir: self.rir.and_then(Rir::from_halves),
            form_broke: self.form_broke,
            note: self.note.into_owned(),
            ..Default::default()
        };
        if let Some(more) = self.more {
            more.apply(&mut entry);
        }
        Ok(ParsedSet {
            entry,
            logged_at: self.at.map(time).transpose()?,
            muscles: self.muscles.iter().filter_map(|&i| Muscle::ALL.get(usize::from(i)).copied()).collect(),
        })
    }
}

fn session_of(header: &str) -> rusqlite::Result<ParsedSession> {
    let h: Header = serde_json::from_str(header).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    Ok(ParsedSession {
        started_at: time(h.started)?,
        ended_at: h.ended.map(time).transpose()?,
        day_name: h.day_name,
        day_index: h.day_index,
        note: h.note,
        readiness: h.readiness,
        sets: Vec::new(),
        exercise_notes: h.exercise_notes,
    })
}

/// The session rows are going to, in memory; every other session is kept in the scratch
/// database.
struct Current {
    key: String,
    /// Its id in the scratch database, once kept there.
    id: Option<i64>,
    session: ParsedSession,
    /// Bytes of its sets and exercise notes counted so far (those kept before included).
    bytes: usize,
    sets_counted: usize,
    notes_counted: usize,
}

impl Current {
    /// Counts what was added since last time; the whole session's size.
    fn count(&mut self) -> usize {
        for set in &self.session.sets[self.sets_counted..] {
            self.bytes += std::mem::size_of::<ParsedSet>()
                + set.entry.exercise.len()
                + set.entry.note.len()
                + std::mem::size_of_val(set.muscles.as_slice());
        }
        self.sets_counted = self.session.sets.len();
        for (exercise, note) in &self.session.exercise_notes[self.notes_counted..] {
            self.bytes += std::mem::size_of::<(String, String)>() + exercise.len() + note.len();
        }
        self.notes_counted = self.session.exercise_notes.len();
        self.bytes + self.session.note.len() + self.session.day_name.len()
    }
}

/// Sessions in the order a file first names them, found again by a key: the one rows go to in
/// memory, the others in the scratch database.
pub(crate) struct Sessions<'s> {
    staging: &'s Staging,
    current: Option<Current>,
}

impl<'s> Sessions<'s> {
    pub(crate) fn new(staging: &'s Staging) -> Sessions<'s> {
        Sessions { staging, current: None }
    }

    /// Makes the session under `key` the one rows go to, if the file named it already;
    /// whether it did.
    pub(crate) fn switch_to(&mut self, key: &str) -> Result<bool, ImportError> {
        if self.current.as_ref().is_some_and(|c| c.key == key) {
            return Ok(true);
        }
        self.flush()?;
        let Some((id, session, bytes)) = self.staging.find(key)? else { return Ok(false) };
        let notes_counted = session.exercise_notes.len();
        self.current =
            Some(Current { key: key.to_string(), id: Some(id), session, bytes, sets_counted: 0, notes_counted });
        Ok(true)
    }

    /// The session under `key`, started by `start` if the file has not named it before.
    pub(crate) fn entry(
        &mut self,
        key: &str,
        start: impl FnOnce() -> ParsedSession,
    ) -> Result<&mut ParsedSession, ImportError> {
        self.switch_to(key)?;
        let current = self.current.get_or_insert_with(|| Current {
            key: key.to_string(),
            id: None,
            session: start(),
            bytes: 0,
            sets_counted: 0,
            notes_counted: 0,
        });
        Ok(&mut current.session)
    }

    /// After each row: refuses, at the row's line, a session grown larger than any workout.
    pub(crate) fn check(&mut self, line: u64) -> Result<(), ImportError> {
        let size = self.current.as_mut().map_or(0, Current::count);
        if size > MAX_SESSION_BYTES {
            return Err(ImportError::at(line, too_big()));
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ImportError> {
        if let Some(mut current) = self.current.take() {
            current.count();
            self.staging.put(current.id, &current.key, &current.session, current.bytes)?;
        }
        Ok(())
    }

    /// Keeps the last session: the file is read.
    pub(crate) fn finish(mut self) -> Result<(), ImportError> {
        self.flush()
    }
}

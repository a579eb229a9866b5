//! Imports: whole sessions written in one transaction, each skipped when the log already holds
//! it, and the exercises the catalogue does not know.

use chrono::{NaiveDate, Utc};
use rusqlite::params;

use super::sets::insert_set;
use super::{BodyWeightReading, Store, StoreError};
use crate::model::exercise::{CustomExercise, Equipment, Muscle};
use crate::model::session::{DeloadStyle, SessionRecord, SetKind};

/// The page cache of a large import, in KiB: enough for the set table's indexes to stay in
/// memory while a million sets go in, so the import stays within a few tens of MB.
const LARGE_IMPORT_CACHE_KIB: i64 = 8 * 1024;

/// When a session in a file is one the log already holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Matching {
    /// The same start, to the second, and the same name.
    #[default]
    StartAndName,
    /// The same name, started within the minute the file gives (files that keep no seconds).
    MinuteAndName,
    /// The same start, whatever the name (a FitNotes day, named after categories that grow).
    Start,
}

/// Everything one import writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportBatch {
    /// Sessions with their sets, check-ins and notes.
    pub sessions: Vec<SessionRecord>,
    /// Exercises to remember that the catalogue does not know.
    pub custom: Vec<CustomExercise>,
    /// Deload weeks, by their Monday.
    pub deload_weeks: Vec<(NaiveDate, DeloadStyle)>,
    /// Readings of the body weight log.
    pub body_weights: Vec<BodyWeightReading>,
    /// How sessions already in the log are recognised.
    pub matching: Matching,
}

/// What an import wrote, and what the log already held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    /// Sessions written.
    pub sessions_added: u64,
    /// Sessions the log already held (same start and name), left as they were.
    pub sessions_present: u64,
    /// Working sets written.
    pub working_added: u64,
    /// Ramp-up sets written.
    pub ramp_up_added: u64,
    /// Working sets in sessions the log already held.
    pub working_present: u64,
    /// Ramp-up sets in sessions the log already held.
    pub ramp_up_present: u64,
    /// Sessions the log already held with a different number of sets than the file gives:
    /// left as they are, nothing merged into them.
    pub sessions_differing: u64,
    /// Body weight readings written (days the log had none for).
    pub body_weights_added: u64,
    /// Body weight readings for days the log already had one for: the log's is kept.
    pub body_weights_present: u64,
    /// Of those, how many the log holds with another weight or unit than the file's.
    pub body_weights_differing: u64,
}

/// Writes one import's sessions, exercises and deload weeks as they come, inside the one
/// transaction [`Store::import_with`] holds: nothing of a file is kept in memory to write it.
pub struct ImportWriter<'t> {
    tx: &'t rusqlite::Transaction<'t>,
    matching: Matching,
    counts: ImportCounts,
    /// The last session id before the import: a session above it was written by this import
    /// (a file naming one twice adds to it).
    sessions_before: i64,
    now: i64,
}

impl ImportWriter<'_> {
    /// Writes a session and its sets, unless the log already holds it: a session already in
    /// the log (found by `matching` and what it holds) is left as it is and counted as present.
    pub fn session(&mut self, record: &SessionRecord) -> Result<(), StoreError> {
        let tx = self.tx;
        let counts = &mut self.counts;
        let find = match self.matching {
            Matching::StartAndName => "SELECT id FROM session WHERE started_at = ?1 AND day_name = ?2",
            Matching::MinuteAndName => {
                "SELECT id FROM session WHERE started_at >= ?1 AND started_at < ?1 + 60 AND day_name = ?2"
            }
            // The name is not compared (the `?2 = ?2` keeps both parameters bound).
            Matching::Start => "SELECT id FROM session WHERE started_at = ?1 AND ?2 = ?2",
        };
        let working = record.sets.iter().filter(|(s, _)| s.kind == SetKind::Working).count() as u64;
        let ramp_up = record.sets.len() as u64 - working;
        let start = record.started_at.timestamp();
        let candidates: Vec<i64> = tx
            .prepare_cached(find)?
            .query_map(params![start, record.day_name], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let written = |id: i64| id > self.sessions_before;
        let present = match candidates.iter().find(|&&id| written(id)) {
            Some(&id) => Some(id),
            None => held_match(tx, &candidates, record, self.matching)?,
        };
        let id = match present {
            Some(id) if !written(id) => {
                let held: i64 = tx
                    .prepare_cached("SELECT count(*) FROM workout_set WHERE session_id = ?1")?
                    .query_row([id], |r| r.get(0))?;
                counts.sessions_present += 1;
                counts.working_present += working;
                counts.ramp_up_present += ramp_up;
                if held as usize != record.sets.len() {
                    counts.sessions_differing += 1;
                }
                return Ok(());
            }
            Some(id) => id,
            None => {
                let r = record.readiness;
                tx.prepare_cached(
                    "INSERT INTO session (started_at, ended_at, day_name, day_index, note, sleep, energy, joints, motivation)
                     VALUES (?1, max(?2, ?1), ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )?
                .execute(params![
                    start,
                    imported_end(record).timestamp(),
                    record.day_name,
                    record.day_index.map(|i| i as i64),
                    record.note,
                    r.map(|r| r.sleep),
                    r.map(|r| r.energy),
                    r.map(|r| r.joints),
                    r.map(|r| r.motivation),
                ])?;
                counts.sessions_added += 1;
                tx.last_insert_rowid()
            }
        };
        for (entry, at) in &record.sets {
            insert_set(tx, id, entry, *at)?;
        }
        counts.working_added += working;
        counts.ramp_up_added += ramp_up;
        Ok(())
    }

    /// Remembers an exercise the catalogue does not know (the first one named so stays).
    pub fn custom(&mut self, custom: &CustomExercise) -> Result<(), StoreError> {
        super::own::insert_custom(self.tx, custom, self.now)?;
        Ok(())
    }

    /// Marks a deload week (a week already marked keeps its style).
    pub fn deload_week(&mut self, monday: NaiveDate, style: DeloadStyle) -> Result<(), StoreError> {
        let monday = monday.format("%Y-%m-%d").to_string();
        let added = self.tx.execute(
            "INSERT OR IGNORE INTO deload_week (monday, style, started_at) VALUES (?1, ?2, unixepoch(?1))",
            params![monday, style.as_str()],
        )?;
        // A new deload week takes its sets out of the records, already logged ones too.
        if added > 0 {
            super::records::refresh_week(self.tx, &monday)?;
        }
        Ok(())
    }

    /// Writes a body weight reading, unless the log has one for its day already: the log's
    /// is kept (as a deload week already marked keeps its style), counted as present, and as
    /// differing when its weight or unit is not the file's. A weight outside 0.01 to 1000 is
    /// refused by the table, and the whole import with it.
    pub fn body_weight(&mut self, reading: &BodyWeightReading) -> Result<(), StoreError> {
        let day = reading.day.format("%Y-%m-%d").to_string();
        let (hundredths, unit) = (reading.weight.load.hundredths(), reading.weight.unit.label());
        let added = self
            .tx
            .prepare_cached(
                "INSERT INTO body_weight (day, weight_hundredths, unit, logged_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (day) DO NOTHING",
            )?
            .execute(params![day, hundredths, unit, self.now])?;
        if added > 0 {
            self.counts.body_weights_added += 1;
            return Ok(());
        }
        let same: bool = self
            .tx
            .prepare_cached("SELECT weight_hundredths = ?2 AND unit = ?3 FROM body_weight WHERE day = ?1")?
            .query_row(params![day, hundredths, unit], |r| r.get(0))?;
        self.counts.body_weights_present += 1;
        if !same {
            self.counts.body_weights_differing += 1;
        }
        Ok(())
    }

    /// What was written so far, and what the log already held.
    pub fn counts(&self) -> ImportCounts {
        self.counts
    }
}

impl Store {
    /// Writes `batch` in one transaction: a session already in the log (the same start, to the
    /// second, and the same name) is left as it is and counted as present, so importing a file
    /// twice adds nothing. With `commit` false the transaction is rolled back: a dry run that
    /// counts exactly what a real import would write. `progress` hears each session written.
    pub fn import(
        &mut self,
        batch: &ImportBatch,
        commit: bool,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ImportCounts, StoreError> {
        let sets = batch.sessions.iter().map(|s| s.sets.len()).sum();
        self.import_with(batch.matching, sets, commit, |writer| {
            for (done, record) in batch.sessions.iter().enumerate() {
                writer.session(record)?;
                progress(done + 1);
            }
            for custom in &batch.custom {
                writer.custom(custom)?;
            }
            for (monday, style) in &batch.deload_weeks {
                writer.deload_week(*monday, *style)?;
            }
            for reading in &batch.body_weights {
                writer.body_weight(reading)?;
            }
            Ok(())
        })
    }

    /// One import in one transaction: `write` hands the [`ImportWriter`] its sessions (`sets`
    /// sets in all, as far as it knows), exercises and deload weeks as it reads them, and the
    /// records follow. With `commit` false the transaction is rolled back (a dry run); if
    /// `write` fails, nothing is written.
    pub fn import_with<E: From<StoreError>>(
        &mut self,
        matching: Matching,
        sets: usize,
        commit: bool,
        write: impl FnOnce(&mut ImportWriter<'_>) -> Result<(), E>,
    ) -> Result<ImportCounts, E> {
        // A large import updates every index of the set table for each row: a page cache that
        // holds them keeps it from re-reading pages (a million sets: twice as fast). Back to the
        // usual small cache afterwards, so browsing stays lean.
        let large = sets > 20_000;
        if large {
            self.conn.pragma_update(None, "cache_size", -LARGE_IMPORT_CACHE_KIB).map_err(StoreError::from)?;
        }
        let result = self.import_in_one_transaction(matching, sets, commit, write);
        self.usual_wait_to_read();
        if large {
            self.conn.pragma_update(None, "cache_size", -2000).map_err(StoreError::from)?;
        }
        result
    }

    fn import_in_one_transaction<E: From<StoreError>>(
        &mut self,
        matching: Matching,
        sets: usize,
        commit: bool,
        write: impl FnOnce(&mut ImportWriter<'_>) -> Result<(), E>,
    ) -> Result<ImportCounts, E> {
        let tx = self.begin_write()?;
        let before = begin_import(&tx, sets)?;
        let mut writer = ImportWriter {
            tx: &tx,
            matching,
            counts: ImportCounts::default(),
            sessions_before: before.sessions,
            now: Utc::now().timestamp(),
        };
        write(&mut writer)?;
        let counts = writer.counts;
        end_import(&tx, &before, counts)?;
        if commit {
            tx.commit().map_err(StoreError::from)?;
        }
        Ok(counts)
    }

    /// The exercises imports brought in that the catalogue does not know.
    pub fn custom_exercises(&self) -> Result<Vec<CustomExercise>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT name, muscles, equipment, source, technical FROM custom_exercise ORDER BY name")?;
        let rows = statement.query_map([], |row| {
            let muscles: String = row.get(1)?;
            let equipment: String = row.get(2)?;
            Ok(CustomExercise {
                name: row.get(0)?,
                muscles: muscles.split(',').filter_map(Muscle::parse).collect(),
                equipment: Equipment::parse(&equipment).unwrap_or(Equipment::Machine),
                source: row.get(3)?,
                technical: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every exercise name in the log with its number of sets, by name.
    pub fn logged_exercises(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT exercise, count(*) FROM workout_set GROUP BY exercise ORDER BY exercise")?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Files every set of `from` (any case) under `to`, in one transaction, and forgets `from`
    /// as an exercise of its own. Returns how many sets moved.
    pub fn rename_exercise(&mut self, from: &str, to: &str) -> Result<u64, StoreError> {
        self.write(|tx| {
            let moved = tx.execute(
                "UPDATE workout_set SET exercise = ?2 WHERE exercise = ?1 COLLATE NOCASE",
                params![from, to],
            )?;
            tx.execute(
                "UPDATE OR IGNORE session_exercise_change SET exercise = ?2 WHERE exercise = ?1 COLLATE NOCASE",
                params![from, to],
            )?;
            tx.execute("DELETE FROM session_exercise_change WHERE exercise = ?1 COLLATE NOCASE", params![from])?;
            tx.execute("DELETE FROM custom_exercise WHERE name = ?1", params![from])?;
            // A note pinned to the old name follows its sets, unless the new name has its own.
            tx.execute("UPDATE OR IGNORE exercise_note SET name = ?2 WHERE name = ?1", params![from, to])?;
            tx.execute("DELETE FROM exercise_note WHERE name = ?1 AND name <> ?2", params![from, to])?;
            super::records::refresh(tx, to)?;
            Ok(moved as u64)
        })
    }
}

/// What the log held when an import began.
struct Before {
    /// The set table's indexes, dropped to be built once after a large import into an empty log.
    rebuild: Vec<(String, String)>,
    /// The last set and session ids: rows above them are the import's.
    sets: i64,
    sessions: i64,
}

fn begin_import(tx: &rusqlite::Transaction<'_>, sets: usize) -> Result<Before, StoreError> {
    // Into a log with no sets yet, a large import writes the rows first and builds the set
    // table's indexes once afterwards (sorting beats keeping them row by row). Their
    // definitions are read from the schema, so they stay those the migrations made; all of
    // it is inside the transaction, so a failed import leaves them as they were.
    let rebuild: Vec<(String, String)> =
        if sets > 20_000 && !tx.query_row("SELECT EXISTS (SELECT 1 FROM workout_set)", [], |r| r.get::<_, bool>(0))? {
            let indexes: Vec<(String, String)> = tx
                .prepare(
                    "SELECT name, sql FROM sqlite_schema
                     WHERE type = 'index' AND tbl_name = 'workout_set' AND sql IS NOT NULL",
                )?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            for (name, _) in &indexes {
                tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
            }
            indexes
        } else {
            Vec::new()
        };
    let last_id = |table: &str| -> Result<i64, StoreError> {
        Ok(tx.query_row(&format!("SELECT coalesce(max(id), 0) FROM {table}"), [], |r| r.get(0))?)
    };
    Ok(Before { rebuild, sets: last_id("workout_set")?, sessions: last_id("session")? })
}

fn end_import(tx: &rusqlite::Transaction<'_>, before: &Before, counts: ImportCounts) -> Result<(), StoreError> {
    for (_, sql) in &before.rebuild {
        tx.execute_batch(sql)?;
    }
    // Imported sets land anywhere in history: the records of each exercise they touched
    // follow, from its earliest imported set on. The exercises are read a page at a time (in
    // name order, along the index by exercise), however many the import brought.
    if counts.working_added > 0 {
        let mut after = String::new();
        loop {
            let page: Vec<(String, i64)> = tx
                .prepare_cached(
                    "SELECT exercise, min(logged_at) FROM workout_set WHERE exercise > ?1 AND id > ?2
                     GROUP BY exercise ORDER BY exercise LIMIT 256",
                )?
                .query_map(params![after, before.sets], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            let Some((last, _)) = page.last() else { break };
            after.clone_from(last);
            for (exercise, from) in &page {
                super::records::refresh_from(tx, exercise, *from)?;
            }
        }
    }
    Ok(())
}

/// When an imported session ends: when the file says, else at its last set (or its start), and
/// never before its last set. An import writes history, never a session still running, so a
/// file's open session cannot take the sets logged after it.
fn imported_end(record: &SessionRecord) -> chrono::DateTime<Utc> {
    let last = record.sets.iter().map(|(_, at)| *at).max().unwrap_or(record.started_at);
    record.ended_at.unwrap_or(last).max(last)
}

/// Which of the log's sessions found at the file session's time (by `matching`) is the same
/// session, judged by what it holds: a session with no sets (a rest day marked done) is never a
/// day with sets, nor the other way round; where the name is not compared (a FitNotes day), the
/// held session must share an exercise with the file's.
fn held_match(
    tx: &rusqlite::Transaction<'_>,
    candidates: &[i64],
    record: &SessionRecord,
    matching: Matching,
) -> Result<Option<i64>, StoreError> {
    for &id in candidates {
        let held: Vec<String> = tx
            .prepare_cached("SELECT DISTINCT exercise FROM workout_set WHERE session_id = ?1")?
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if held.is_empty() != record.sets.is_empty() {
            continue;
        }
        let shares = || record.sets.iter().any(|(set, _)| held.contains(&set.exercise));
        if matching == Matching::Start && !held.is_empty() && !shares() {
            continue;
        }
        return Ok(Some(id));
    }
    Ok(None)
}

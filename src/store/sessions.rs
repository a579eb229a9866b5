//! Sessions: starting, resuming, ending, the rest timer, and the day's exercise changes.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::{Store, StoreError, from_unix};
use crate::model::session::{ExerciseChange, Readiness, Session, SessionFor, SessionSummary};

const SESSION_COLUMNS: &str =
    "id, started_at, ended_at, day_name, day_index, rest_until, rest_seconds, note, sleep, energy, joints, motivation";

fn read_session(row: &Row<'_>) -> rusqlite::Result<Session> {
    let ended: Option<i64> = row.get(2)?;
    let day_index: Option<i64> = row.get(4)?;
    let rest_until: Option<i64> = row.get(5)?;
    let scores: [Option<u8>; 4] = [row.get(8)?, row.get(9)?, row.get(10)?, row.get(11)?];
    let readiness = match scores {
        [Some(sleep), Some(energy), Some(joints), Some(motivation)] => {
            Some(Readiness { sleep, energy, joints, motivation })
        }
        _ => None,
    };
    Ok(Session {
        id: row.get(0)?,
        started_at: from_unix(row.get(1)?),
        ended_at: ended.map(from_unix),
        day_name: row.get(3)?,
        day_index: day_index.map(|i| i as usize),
        rest_until: rest_until.map(from_unix),
        rest_seconds: row.get(6)?,
        note: row.get(7)?,
        readiness,
    })
}

/// How an open session that is over gets closed.
enum Close {
    /// Ended at this time (its last set, or its start).
    EndAt(DateTime<Utc>),
    /// Only a check-in: kept, ended at its start, off the plan.
    OffThePlan,
    /// Nothing in it: dropped.
    Drop,
}

/// A session's last activity (its last set, or its start when later or when it has none) and
/// how many sets it holds.
fn activity(
    conn: &rusqlite::Connection,
    id: i64,
    started_at: DateTime<Utc>,
) -> Result<(DateTime<Utc>, i64), StoreError> {
    let (last, sets): (i64, i64) = conn
        .prepare_cached(
            "SELECT max(?2, coalesce(max(logged_at), ?2)), count(*) FROM workout_set WHERE session_id = ?1",
        )?
        .query_row(params![id, started_at.timestamp()], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((from_unix(last), sets))
}

/// Open sessions that are over, each with how it is to be closed.
type Closing = Vec<(i64, Close)>;

/// The running session among the open ones (newest first), and the open sessions newer than it
/// that are over, with how each is to be closed.
fn over_and_running(
    conn: &rusqlite::Connection,
    starts_by: DateTime<Utc>,
    is_stale: &impl Fn(DateTime<Utc>) -> bool,
) -> Result<(Option<i64>, Closing), StoreError> {
    let mut closing = Vec::new();
    let mut running = None;
    let mut open = conn.prepare(
        "SELECT id, started_at,
                sleep IS NOT NULL AND energy IS NOT NULL AND joints IS NOT NULL AND motivation IS NOT NULL
         FROM session WHERE ended_at IS NULL ORDER BY started_at DESC, id DESC",
    )?;
    let mut rows = open.query([])?;
    while let Some(row) = rows.next()? {
        let (id, started_at, checked_in): (i64, i64, bool) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let started_at = from_unix(started_at);
        let (last, sets) = activity(conn, id, started_at)?;
        let close = if started_at > starts_by {
            Close::EndAt(last)
        } else if !is_stale(last) {
            running = Some(id);
            break;
        } else if sets > 0 {
            Close::EndAt(last)
        } else if checked_in {
            Close::OffThePlan
        } else {
            Close::Drop
        };
        closing.push((id, close));
    }
    Ok((running, closing))
}

pub(super) fn insert_session(
    tx: &rusqlite::Transaction<'_>,
    day_name: &str,
    day_index: Option<usize>,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO session (started_at, day_name, day_index) VALUES (?1, ?2, ?3)",
        params![at.timestamp(), day_name, day_index.map(|i| i as i64)],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The id of the session a write goes into, inside the write's transaction: the running one
/// (refused if another window finished it meanwhile), a finished one reopened, or a new one.
pub(super) fn resolve_session(
    tx: &rusqlite::Transaction<'_>,
    session: &SessionFor,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    match session {
        SessionFor::Existing(id) => {
            let open: Option<bool> =
                tx.query_row("SELECT ended_at IS NULL FROM session WHERE id = ?1", [id], |r| r.get(0)).optional()?;
            match open {
                Some(true) => Ok(*id),
                Some(false) => {
                    Err(StoreError::NotFound("this session was finished meanwhile (in another window?)".into()))
                }
                None => Err(StoreError::NotFound(format!("session {id} is no longer in the log"))),
            }
        }
        SessionFor::Reopen(id) => {
            let changed = tx.execute("UPDATE session SET ended_at = NULL WHERE id = ?1", [id])?;
            if changed == 0 {
                return Err(StoreError::NotFound(format!("session {id} is no longer in the log")));
            }
            Ok(*id)
        }
        SessionFor::New { day_name, day_index } => insert_session(tx, day_name, *day_index, at),
    }
}

impl Store {
    /// The id of the session `session` names, reopening or starting it as needed.
    pub fn session_id_for(&mut self, session: &SessionFor, at: DateTime<Utc>) -> Result<i64, StoreError> {
        self.write(|tx| resolve_session(tx, session, at))
    }

    /// The running session: the newest open one, if it started by `starts_by` and its last set
    /// (or its start) is not stale. Open sessions that are over are closed on the way, newest
    /// first, in one transaction, however many a crash or an import left behind:
    /// - one that starts after `starts_by` (a wrong clock, a file's future date) is never the
    ///   running one; it keeps everything it holds and ends at its last set (or its start);
    /// - a stale one with sets ends at its last set, so a forgotten session never swallows the
    ///   next day; one with only a check-in is kept, off the plan; one with nothing is dropped.
    pub fn open_session(
        &mut self,
        starts_by: DateTime<Utc>,
        is_stale: impl Fn(DateTime<Utc>) -> bool,
    ) -> Result<Option<Session>, StoreError> {
        // The usual case, read without taking the write lock: the newest open session runs.
        let newest = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SESSION_COLUMNS} FROM session WHERE ended_at IS NULL ORDER BY started_at DESC, id DESC LIMIT 1"
            ))?
            .query_row([], read_session)
            .optional()?;
        let Some(newest) = newest else { return Ok(None) };
        let (last_activity, _) = activity(&self.conn, newest.id, newest.started_at)?;
        if newest.started_at <= starts_by && !is_stale(last_activity) {
            return Ok(Some(newest));
        }
        // A log opened only to read (`hardset today`) is read as it stands: what is over is
        // closed by the next command that writes.
        if self.conn.is_readonly(rusqlite::MAIN_DB)? {
            let running = over_and_running(&self.conn, starts_by, &is_stale)?.0;
            return running.map(|id| self.session(id)).transpose();
        }
        let closed = self.write(|tx| {
            let (running, closing) = over_and_running(tx, starts_by, &is_stale)?;
            let mut end_at = tx.prepare_cached(
                "UPDATE session SET ended_at = max(?2, started_at), rest_until = NULL WHERE id = ?1 AND ended_at IS NULL",
            )?;
            // A check-in and no lifting: keep the check-in (it matters most on such days), but
            // off the plan, so the day does not count as trained.
            let mut off_the_plan = tx.prepare_cached(
                "UPDATE session SET ended_at = started_at, day_index = NULL, rest_until = NULL
                 WHERE id = ?1 AND ended_at IS NULL",
            )?;
            // Nothing was lifted (only exercises skipped or added): the day was not trained.
            let mut drop = tx.prepare_cached("DELETE FROM session WHERE id = ?1 AND ended_at IS NULL")?;
            for (id, close) in closing {
                match close {
                    Close::EndAt(at) => end_at.execute(params![id, at.timestamp()])?,
                    Close::OffThePlan => off_the_plan.execute([id])?,
                    Close::Drop => drop.execute([id])?,
                };
            }
            Ok(running)
        });
        let running = match closed {
            Ok(running) => running,
            // Another program is writing the log (an import): closing what is over is left to
            // a later read, and the running session is read as it stands.
            Err(e) if e.is_busy() => over_and_running(&self.conn, starts_by, &is_stale)?.0,
            Err(e) => return Err(e),
        };
        running.map(|id| self.session(id)).transpose()
    }

    /// Reads one session.
    pub fn session(&self, id: i64) -> Result<Session, StoreError> {
        self.conn
            .prepare_cached(&format!("SELECT {SESSION_COLUMNS} FROM session WHERE id = ?1"))?
            .query_row([id], read_session)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("session {id} is no longer in the log")))
    }

    /// Starts a session on a plan day.
    pub fn start_session(
        &mut self,
        day_name: &str,
        day_index: Option<usize>,
        at: DateTime<Utc>,
    ) -> Result<Session, StoreError> {
        let id = self.write(|tx| insert_session(tx, day_name, day_index, at))?;
        self.session(id)
    }

    /// Ends a session.
    pub fn end_session(&mut self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE session SET ended_at = max(?2, started_at), rest_until = NULL WHERE id = ?1",
                params![id, at.timestamp()],
            )?;
            Ok(())
        })
    }

    /// Records a rest or recovery day as done: a session that starts and ends now.
    pub fn mark_day_done(
        &mut self,
        day_name: &str,
        day_index: Option<usize>,
        at: DateTime<Utc>,
    ) -> Result<Session, StoreError> {
        let id = self.write(|tx| {
            let id = insert_session(tx, day_name, day_index, at)?;
            tx.execute("UPDATE session SET ended_at = started_at WHERE id = ?1", [id])?;
            Ok(id)
        })?;
        self.session(id)
    }

    /// Moves a session to another plan day.
    pub fn set_session_day(&mut self, id: i64, day_name: &str, day_index: Option<usize>) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE session SET day_name = ?2, day_index = ?3 WHERE id = ?1",
                params![id, day_name, day_index.map(|i| i as i64)],
            )?;
            Ok(())
        })
    }

    /// Sets (or clears) the running rest: it ends at `until` and was `seconds` long.
    pub fn set_rest(&mut self, id: i64, until: Option<DateTime<Utc>>, seconds: u32) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE session SET rest_until = ?2, rest_seconds = ?3 WHERE id = ?1",
                params![id, until.map(|u| u.timestamp()), seconds.min(3600)],
            )?;
            Ok(())
        })
    }

    /// Records that an exercise was added to or skipped from a session's day; `None` undoes it.
    pub fn set_exercise_change(
        &mut self,
        session_id: i64,
        exercise: &str,
        change: Option<ExerciseChange>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            match change {
                Some(change) => {
                    tx.execute(
                        "INSERT INTO session_exercise_change (session_id, exercise, change, position)
                         VALUES (?1, ?2, ?3, (SELECT count(*) FROM session_exercise_change WHERE session_id = ?1))
                         ON CONFLICT (session_id, exercise) DO UPDATE SET change = excluded.change",
                        params![session_id, exercise, change.as_str()],
                    )?;
                }
                None => {
                    tx.execute(
                        "DELETE FROM session_exercise_change WHERE session_id = ?1 AND exercise = ?2",
                        params![session_id, exercise],
                    )?;
                }
            }
            Ok(())
        })
    }

    /// The exercises added to and skipped from a session, in the order the changes were made.
    pub fn exercise_changes(&self, session_id: i64) -> Result<Vec<(String, ExerciseChange)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT exercise, change FROM session_exercise_change WHERE session_id = ?1 ORDER BY position, exercise",
        )?;
        let rows = stmt.query_map([session_id], |r| {
            let change: String = r.get(1)?;
            Ok((r.get(0)?, if change == "added" { ExerciseChange::Added } else { ExerciseChange::Skipped }))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The newest session that followed a plan day and started by `starts_by`, for working out
    /// today's day (a session dated in the future has not happened yet).
    pub fn last_plan_session(&self, starts_by: DateTime<Utc>) -> Result<Option<Session>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {SESSION_COLUMNS} FROM session WHERE day_index IS NOT NULL AND started_at <= ?1
                 ORDER BY started_at DESC, id DESC LIMIT 1"
            ))?
            .query_row([starts_by.timestamp()], read_session)
            .optional()?)
    }

    /// Sessions started in `[from, to)`, newest first, with their set counts (a left and right
    /// pair is one set, a technique set none).
    pub fn sessions_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<SessionSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SESSION_COLUMNS},
                    (SELECT count(*) FROM workout_set w WHERE w.session_id = s.id AND w.kind = 'working' AND w.technique IS NULL
                       AND NOT ({RIGHT_OF_A_LEFT})),
                    (SELECT count(*) FROM workout_set w WHERE w.session_id = s.id AND w.kind = 'ramp-up')
             FROM session s WHERE started_at >= ?1 AND started_at < ?2 ORDER BY started_at DESC, id DESC"
        ))?;
        let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], |r| {
            Ok(SessionSummary { session: read_session(r)?, working_sets: r.get(12)?, ramp_up_sets: r.get(13)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every session, oldest first, for export.
    pub fn all_sessions(&self) -> Result<Vec<Session>, StoreError> {
        let mut stmt = self.conn.prepare(&format!("SELECT {SESSION_COLUMNS} FROM session ORDER BY started_at, id"))?;
        let rows = stmt.query_map([], read_session)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The exercises a session trained, in the order first logged.
    pub fn session_exercises(&self, session_id: i64) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT exercise FROM workout_set WHERE session_id = ?1 GROUP BY exercise ORDER BY min(id)",
        )?;
        let rows = stmt.query_map([session_id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Whether the set `w` is the right side of a left and right pair: the set of its exercise just
/// before it in its session is a left side of the same kind and technique (as
/// `training::techniques::second_of_pair` reads a pair). The pair is one set (docs/method.md).
const RIGHT_OF_A_LEFT: &str = "w.side = 'right' AND EXISTS (SELECT 1 FROM workout_set p
     WHERE p.id = (SELECT q.id FROM workout_set q
                   WHERE q.session_id = w.session_id AND q.exercise = w.exercise
                     AND (q.logged_at < w.logged_at OR (q.logged_at = w.logged_at AND q.id < w.id))
                   ORDER BY q.logged_at DESC, q.id DESC LIMIT 1)
       AND p.side = 'left' AND p.kind = w.kind AND p.technique IS w.technique)";

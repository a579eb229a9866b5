//! Sets: logging, editing, deleting, and the queries that feed the screens.

use chrono::{DateTime, Utc};
use rusqlite::{Row, params};

use super::{Store, StoreError, from_unix};
use crate::model::session::{Basis, LoggedSet, SessionFor, SetEntry, SetKind, Side, Technique};
use crate::model::units::{Distance, Load, Rir, Unit, Weight};

/// A set's columns, read from `workout_set w JOIN session s` (`SETS_FROM`): the session's start
/// says which day (and week) the set belongs to, even when the session crossed midnight.
const SET_COLUMNS: &str = "w.id, w.session_id, w.exercise, w.kind, w.load_hundredths, w.unit, w.reps, w.rir_halves, \
     w.form_broke, w.note, w.logged_at, s.started_at, w.basis, w.seconds, w.distance_cm, w.side, w.technique, w.superset";

/// What an exercise reached before some time: the sets that could hold its best e1RM, and the
/// most reps at each load.
pub type Bests = (Vec<SetEntry>, Vec<(Load, u16)>);

/// Working sets lifted (no missed attempt) of exercise ?1 in unit ?2 from sessions started
/// before ?3, outside deload weeks (as records are). A session that started before ?3 may log until the day after it; deload
/// weeks are taken in UTC days here, which can misplace a set within hours of midnight.
const BESTS_WHERE: &str = "FROM workout_set
     WHERE exercise = ?1 AND kind = 'working' AND reps > 0 AND unit = ?2 AND form_broke = 0 AND logged_at < ?3 + 86400
       AND technique IS NULL AND basis = 'load' AND seconds IS NULL AND distance_cm IS NULL
       AND (logged_at < ?3 OR session_id IN (SELECT id FROM session WHERE started_at >= ?3 - 86400 AND started_at < ?3))
       AND session_id NOT IN (SELECT s.id FROM deload_week d JOIN session s
                              ON s.started_at >= unixepoch(d.monday) AND s.started_at < unixepoch(d.monday, '+7 days'))";

/// The join every set query reads from.
const SETS_FROM: &str = "workout_set w JOIN session s ON s.id = w.session_id";

fn read_set(row: &Row<'_>) -> rusqlite::Result<LoggedSet> {
    let kind: String = row.get(3)?;
    let unit: String = row.get(5)?;
    let rir: Option<u8> = row.get(7)?;
    Ok(LoggedSet {
        id: row.get(0)?,
        session_id: row.get(1)?,
        logged_at: from_unix(row.get(10)?),
        session_started_at: from_unix(row.get(11)?),
        entry: SetEntry {
            exercise: row.get(2)?,
            kind: SetKind::parse(&kind).unwrap_or(SetKind::Working),
            weight: Weight::new(Load::from_hundredths(row.get(4)?), Unit::parse(&unit).unwrap_or_default()),
            reps: row.get(6)?,
            rir: rir.and_then(Rir::from_halves),
            form_broke: row.get(8)?,
            note: row.get(9)?,
            basis: Basis::parse(&row.get::<_, String>(12)?).unwrap_or_default(),
            seconds: row.get(13)?,
            distance: row.get::<_, Option<u32>>(14)?.and_then(Distance::from_centimetres),
            side: row.get::<_, Option<String>>(15)?.as_deref().and_then(Side::parse),
            technique: row.get::<_, Option<String>>(16)?.as_deref().and_then(Technique::parse),
            superset: row.get(17)?,
        },
    })
}

pub(super) fn insert_set(
    tx: &rusqlite::Transaction<'_>,
    session_id: i64,
    entry: &SetEntry,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    // Cached: an import writes hundreds of thousands of these in one transaction.
    tx.prepare_cached(
        "INSERT INTO workout_set (session_id, exercise, kind, load_hundredths, unit, reps, rir_halves, form_broke, note, logged_at,
                                  basis, seconds, distance_cm, side, technique, superset)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
            session_id,
            entry.exercise,
            entry.kind.as_str(),
            entry.weight.load.hundredths(),
            entry.weight.unit.label(),
            entry.reps,
            entry.rir.map(Rir::halves),
            entry.form_broke,
            entry.note,
            at.timestamp(),
            entry.basis.as_str(),
            entry.seconds,
            entry.distance.map(Distance::centimetres),
            entry.side.map(Side::as_str),
            entry.technique.map(Technique::as_str),
            entry.superset,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A set typed afterwards joins a finished session that starts this soon after it (the app's
/// overnight staleness window, three hours): the same workout, typed out of order.
const SAME_WORKOUT_WITHIN_SECONDS: i64 = 3 * 3600;

/// Writes `entry`, done at `at`, into session `session_id`, and keeps the exercise's records.
pub(super) fn log_into(
    tx: &rusqlite::Transaction<'_>,
    session_id: i64,
    entry: &SetEntry,
    at: DateTime<Utc>,
) -> Result<LoggedSet, StoreError> {
    super::techniques::check_carries_on(tx, session_id, entry, at)?;
    let id = insert_set(tx, session_id, entry, at)?;
    super::records::after_logging(tx, id)?;
    // An exercise skipped and then lifted after all is on the list again.
    tx.prepare_cached(
        "DELETE FROM session_exercise_change WHERE session_id = ?1 AND exercise = ?2 AND change = 'skipped'",
    )?
    .execute(params![session_id, entry.exercise])?;
    let session_started_at: i64 =
        tx.query_row("SELECT started_at FROM session WHERE id = ?1", [session_id], |r| r.get(0))?;
    Ok(LoggedSet {
        id,
        session_id,
        logged_at: at,
        session_started_at: from_unix(session_started_at),
        entry: entry.clone(),
    })
}

impl Store {
    /// Commits one set in its own transaction (starting the session if needed) and starts the
    /// rest timer of `rest_seconds`; a rest of 0 stops the one running (a set of a superset
    /// before the last of its round). Returns the session id and the stored set.
    pub fn log_set(
        &mut self,
        session: &SessionFor,
        entry: &SetEntry,
        at: DateTime<Utc>,
        rest_seconds: u32,
    ) -> Result<LoggedSet, StoreError> {
        self.write(|tx| {
            let session_id = super::sessions::resolve_session(tx, session, at)?;
            let logged = log_into(tx, session_id, entry, at)?;
            tx.execute(
                "UPDATE session SET rest_until = CASE WHEN ?3 > 0 THEN ?2 END, rest_seconds = ?3 WHERE id = ?1",
                params![session_id, at.timestamp() + i64::from(rest_seconds), rest_seconds],
            )?;
            Ok(logged)
        })
    }

    /// Logs a set done at `at`, after the fact (`hardset log --at`), into the session it was part
    /// of, by the rules a set logged then would have met: the latest session started by
    /// `starts_by` (`at` give or take the clock skew) takes it if it was still running at `at`
    /// (`is_over`, asked of its last set up to `at`, says no) and was not finished before `at`
    /// on an earlier day than `at`'s (`day` names the plan day due then, and the local midnight
    /// starting `at`'s day), and ends
    /// no earlier than `at`; a finished session starting soon after `at` takes it too (sets typed
    /// out of order); otherwise a new session on `day` starts at `at`. A new one stays open only when `running`
    /// (it is as good as now) and no session started after it; else it ends at `at`. No session
    /// that started later is touched, and no rest timer starts. Several `entries` (a left and
    /// right pair) are written together in one transaction: all of them, or none.
    pub fn log_set_at(
        &mut self,
        entries: &[SetEntry],
        at: DateTime<Utc>,
        starts_by: DateTime<Utc>,
        is_over: impl Fn(DateTime<Utc>) -> bool,
        day: (&str, Option<usize>, DateTime<Utc>),
        running: bool,
    ) -> Result<Vec<LoggedSet>, StoreError> {
        use rusqlite::OptionalExtension as _;
        let (day_name, day_index, day_start) = day;
        self.write(|tx| {
            // The latest session started by then. It takes the set if it was still going at
            // `at`: not finished before it (a session ended after its last set was finished with
            // a key or by its file; one ended at its last set only went quiet), and its last set
            // up to `at` not stale by the app's rule.
            let candidate: Option<(i64, i64, Option<i64>)> = tx
                .prepare_cached(
                    "SELECT id, started_at, ended_at FROM session WHERE started_at <= ?1
                     ORDER BY started_at DESC, id DESC LIMIT 1",
                )?
                .query_row([starts_by.timestamp()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            let mut part_of = None;
            if let Some((id, started_at, ended_at)) = candidate {
                let (last_then, last_ever): (i64, i64) = tx
                    .prepare_cached(
                        "SELECT max(?2, coalesce(max(CASE WHEN logged_at <= ?3 THEN logged_at END), ?2)),
                                max(?2, coalesce(max(logged_at), ?2))
                         FROM workout_set WHERE session_id = ?1",
                    )?
                    .query_row(params![id, started_at, at.timestamp()], |r| Ok((r.get(0)?, r.get(1)?)))?;
                // As in the app, a session finished earlier the same day takes one more set
                // (it is reopened); one finished on an earlier day does not.
                let finished_before = ended_at.is_some_and(|end| end > last_ever && end < at.timestamp());
                let same_day = started_at >= day_start.timestamp();
                if (!finished_before || same_day) && !is_over(from_unix(last_then)) {
                    part_of = Some(id);
                }
            }
            // Sets typed out of order: a finished session starting within the overnight window
            // after `at` is the same workout, and now starts at `at`.
            if part_of.is_none() {
                let next: Option<i64> = tx
                    .prepare_cached(
                        "SELECT id FROM session WHERE started_at > ?1 AND started_at <= ?2 AND ended_at IS NOT NULL
                         ORDER BY started_at, id LIMIT 1",
                    )?
                    .query_row(params![at.timestamp(), at.timestamp() + SAME_WORKOUT_WITHIN_SECONDS], |r| r.get(0))
                    .optional()?;
                if let Some(id) = next {
                    tx.execute("UPDATE session SET started_at = ?2 WHERE id = ?1", params![id, at.timestamp()])?;
                    part_of = Some(id);
                }
            }
            let session_id = match part_of {
                Some(id) => {
                    tx.execute(
                        "UPDATE session SET ended_at = max(ended_at, ?2) WHERE id = ?1 AND ended_at IS NOT NULL",
                        params![id, at.timestamp()],
                    )?;
                    id
                }
                None => {
                    let later: bool = tx.query_row(
                        "SELECT EXISTS (SELECT 1 FROM session WHERE started_at > ?1)",
                        [at.timestamp()],
                        |r| r.get(0),
                    )?;
                    let id = super::sessions::insert_session(tx, day_name, day_index, at)?;
                    if !running || later {
                        tx.execute("UPDATE session SET ended_at = started_at WHERE id = ?1", [id])?;
                    }
                    id
                }
            };
            entries.iter().map(|entry| log_into(tx, session_id, entry, at)).collect()
        })
    }

    /// Replaces what a logged set records (its time and session stay). The sets that carry it
    /// on (its drop sets, its right side) follow a change of exercise, never left on another.
    pub fn update_set(&mut self, id: i64, entry: &SetEntry) -> Result<(), StoreError> {
        self.write(|tx| {
            let before = super::records::of_set(tx, id)?;
            // The sets that carry it on (its drop sets, its right side) go where it goes.
            let belonging = super::techniques::belonging_to(tx, id)?;
            let changed = tx.execute(
                "UPDATE workout_set SET exercise = ?2, kind = ?3, load_hundredths = ?4, unit = ?5, reps = ?6,
                        rir_halves = ?7, form_broke = ?8, note = ?9, basis = ?10, seconds = ?11, distance_cm = ?12,
                        side = ?13, technique = ?14, superset = ?15 WHERE id = ?1",
                params![
                    id,
                    entry.exercise,
                    entry.kind.as_str(),
                    entry.weight.load.hundredths(),
                    entry.weight.unit.label(),
                    entry.reps,
                    entry.rir.map(Rir::halves),
                    entry.form_broke,
                    entry.note,
                    entry.basis.as_str(),
                    entry.seconds,
                    entry.distance.map(Distance::centimetres),
                    entry.side.map(Side::as_str),
                    entry.technique.map(Technique::as_str),
                    entry.superset,
                ],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound(format!("set {id} is no longer in the log")));
            }
            // An edit rewrites history from the set on: the records of the exercise (both, if it
            // changed) follow.
            let Some((exercise, at)) = before else { return Ok(()) };
            if exercise != entry.exercise {
                for set in belonging {
                    tx.execute("UPDATE workout_set SET exercise = ?2 WHERE id = ?1", params![set, entry.exercise])?;
                }
                super::records::refresh_from(tx, &exercise, at)?;
            }
            super::records::refresh_from(tx, &entry.exercise, at)
        })
    }

    /// Deletes a logged set.
    pub fn delete_set(&mut self, id: i64) -> Result<(), StoreError> {
        self.write(|tx| {
            let before = super::records::of_set(tx, id)?;
            // Its drop sets (and a left side's right side) go with it, never onto another set.
            for belonging in super::techniques::belonging_to(tx, id)? {
                tx.execute("DELETE FROM workout_set WHERE id = ?1", [belonging])?;
            }
            tx.execute("DELETE FROM workout_set WHERE id = ?1", [id])?;
            match before {
                Some((exercise, at)) => super::records::refresh_from(tx, &exercise, at),
                None => Ok(()),
            }
        })
    }

    /// The sets of a session, oldest first.
    pub fn session_sets(&self, session_id: i64) -> Result<Vec<LoggedSet>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {SET_COLUMNS} FROM {SETS_FROM} WHERE w.session_id = ?1 ORDER BY w.id"))?;
        let rows = stmt.query_map([session_id], read_set)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The working sets of the most recent earlier session that trained `exercise`.
    /// Sets logged inside any of the `skip` ranges (deload weeks) do not count as last time.
    pub fn last_time(
        &self,
        exercise: &str,
        not_session: Option<i64>,
        skip: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> Result<Vec<LoggedSet>, StoreError> {
        Ok(self.last_times(exercise, not_session, skip, 1)?.into_iter().next().unwrap_or_default())
    }

    /// The working sets of the `count` most recent earlier sessions that trained `exercise`,
    /// the latest first (each session's sets in order): what progression reads to see a second
    /// form break in a row. Sets inside the `skip` ranges (deload weeks) are passed over.
    pub fn last_times(
        &self,
        exercise: &str,
        not_session: Option<i64>,
        skip: &[(DateTime<Utc>, DateTime<Utc>)],
        count: usize,
    ) -> Result<Vec<Vec<LoggedSet>>, StoreError> {
        let mut candidates = self.conn.prepare_cached(
            "SELECT session_id, logged_at FROM workout_set
             WHERE exercise = ?1 AND kind = 'working' AND session_id IS NOT ?2
               AND (reps > 0 OR seconds IS NOT NULL OR distance_cm IS NOT NULL)
             ORDER BY logged_at DESC, id DESC LIMIT 500",
        )?;
        let mut rows = candidates.query(params![exercise, not_session])?;
        let mut sessions: Vec<i64> = Vec::new();
        while let Some(row) = rows.next()? {
            if sessions.len() >= count {
                break;
            }
            let at = super::from_unix(row.get(1)?);
            let session = row.get::<_, i64>(0)?;
            if !skip.iter().any(|(from, to)| at >= *from && at < *to) && !sessions.contains(&session) {
                sessions.push(session);
            }
        }
        drop(rows);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SET_COLUMNS} FROM {SETS_FROM}
             WHERE w.session_id = ?1 AND w.exercise = ?2 AND w.kind = 'working' AND w.technique IS NULL
               AND (w.reps > 0 OR w.seconds IS NOT NULL OR w.distance_cm IS NOT NULL)
             ORDER BY w.id"
        ))?;
        let mut out = Vec::with_capacity(sessions.len());
        for session in sessions {
            let rows = stmt.query_map(params![session, exercise], read_set)?;
            out.push(rows.collect::<Result<_, _>>()?);
        }
        Ok(out)
    }

    /// The lightest missed attempt (a working set of 0 reps) of `exercise` logged after `after`
    /// (on body weight, the least belt or the most assistance): the target stays under it, so
    /// no load missed since is asked for again, the lightest of several included.
    /// Only misses in `unit` count (the target's unit), and a technique set of 0 reps (a drop
    /// set that failed at once) is no missed load.
    pub fn lightest_miss_after(
        &self,
        exercise: &str,
        after: DateTime<Utc>,
        unit: Unit,
    ) -> Result<Option<LoggedSet>, StoreError> {
        use rusqlite::OptionalExtension as _;
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {SET_COLUMNS} FROM {SETS_FROM}
                 WHERE w.exercise = ?1 AND w.kind = 'working' AND w.reps = 0 AND w.seconds IS NULL AND w.distance_cm IS NULL
                   AND w.logged_at > ?2 AND w.unit = ?3 AND w.technique IS NULL
                 ORDER BY CASE w.basis WHEN 'bw-' THEN -w.load_hundredths ELSE w.load_hundredths END,
                          w.id DESC LIMIT 1"
            ))?
            .query_row(params![exercise, after.timestamp(), unit.label()], read_set)
            .optional()?)
    }

    /// Sets of one exercise from sessions started in `[from, to)`, oldest first.
    pub fn exercise_sets_between(
        &self,
        exercise: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<LoggedSet>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            // By the session's start; the day either side on logged_at keeps it an index range
            // (a session never runs past 12 idle hours).
            "SELECT {SET_COLUMNS} FROM {SETS_FROM}
             WHERE w.exercise = ?1 AND w.logged_at >= ?2 - 86400 AND w.logged_at < ?3 + 86400
               AND s.started_at >= ?2 AND s.started_at < ?3
             ORDER BY w.logged_at, w.id"
        ))?;
        let rows = stmt.query_map(params![exercise, from.timestamp(), to.timestamp()], read_set)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every set of the sessions started in `[from, to)`, oldest first.
    pub fn sets_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<LoggedSet>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SET_COLUMNS} FROM {SETS_FROM}
             WHERE s.started_at >= ?1 AND s.started_at < ?2 ORDER BY w.logged_at, w.id"
        ))?;
        let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], read_set)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// What an exercise's working sets in `unit` logged before `before` reached, in two short lists: the
    /// heaviest load for each number of reps to failure (reps + RIR, in half reps; the best e1RM
    /// is always among these), and the most reps at each load.
    pub fn exercise_bests_before(
        &self,
        exercise: &str,
        unit: Unit,
        before: DateTime<Utc>,
    ) -> Result<Bests, StoreError> {
        // Up to a day before `before` the record flags summarise everything (migration 006);
        // the day either side is read set by set, where a session crossing midnight decides.
        let mut frontier = self.conn.prepare_cached(&format!(
            "SELECT max(load_hundredths), reps, coalesce(rir_halves, 0) FROM (
                 SELECT load_hundredths, reps, rir_halves FROM workout_set INDEXED BY workout_set_load_records
                 WHERE exercise = ?1 AND unit = ?2 AND load_record = 1 AND logged_at < ?3 - 86400 AND reps > 0
                 UNION ALL
                 SELECT load_hundredths, reps, rir_halves {BESTS_WHERE} AND logged_at >= ?3 - 86400
             ) GROUP BY reps * 2 + coalesce(rir_halves, 0)"
        ))?;
        let rows = frontier.query_map(params![exercise, unit.label(), before.timestamp()], |r| {
            let halves: u8 = r.get(2)?;
            Ok(SetEntry {
                exercise: exercise.to_string(),
                kind: SetKind::Working,
                weight: Weight::new(Load::from_hundredths(r.get(0)?), unit),
                reps: r.get(1)?,
                rir: Rir::from_halves(halves),
                form_broke: false,
                note: String::new(),
                ..Default::default()
            })
        })?;
        let frontier: Vec<SetEntry> = rows.collect::<Result<_, _>>()?;
        let mut most = self.conn.prepare_cached(&format!(
            "SELECT load_hundredths, max(reps) FROM (
                 SELECT load_hundredths, reps FROM workout_set INDEXED BY workout_set_reps_records
                 WHERE exercise = ?1 AND unit = ?2 AND reps_record = 1 AND logged_at < ?3 - 86400 AND reps > 0
                 UNION ALL
                 SELECT load_hundredths, reps {BESTS_WHERE} AND logged_at >= ?3 - 86400
             ) GROUP BY load_hundredths"
        ))?;
        let rows = most.query_map(params![exercise, unit.label(), before.timestamp()], |r| {
            Ok((Load::from_hundredths(r.get(0)?), r.get(1)?))
        })?;
        Ok((frontier, rows.collect::<Result<_, _>>()?))
    }

    /// Every set, oldest first, for export; `visit` sees them one at a time.
    pub fn for_each_set(&self, mut visit: impl FnMut(&LoggedSet) -> Result<(), StoreError>) -> Result<(), StoreError> {
        let mut stmt =
            self.conn.prepare(&format!("SELECT {SET_COLUMNS} FROM {SETS_FROM} ORDER BY w.session_id, w.id"))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            visit(&read_set(row)?)?;
        }
        Ok(())
    }

    /// How many sets the log holds.
    pub fn set_count(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("SELECT count(*) FROM workout_set", [], |r| r.get(0))?)
    }
}

//! The record flags of migration 006 (`load_record`, `reps_record`), kept right on every write.
//! A set's flags depend only on the sets logged before it, so a change at some time only
//! touches that exercise's flags from then on: they are recomputed from that time, each set
//! compared with the records before it (a few flagged rows) and with the recomputed sets before
//! it. A set logged now, the usual write, is just compared with the records before it. A missed
//! attempt (0 reps, from an import) is never a record, and the reads of the flags pass over one
//! a log flagged before that rule.

use rusqlite::{Transaction, params};

use super::StoreError;

/// Sessions in deload weeks (UTC days, as the record lookups take them): their sets set no
/// records.
const DELOAD_SESSIONS: &str = "SELECT s.id FROM deload_week d JOIN session s
     ON s.started_at >= unixepoch(d.monday) AND s.started_at < unixepoch(d.monday, '+7 days')";

/// A set `w` that can be a record: a working set of reps lifted with form intact, of a load
/// (not body weight, whose records the body weight log decides), and not a technique carrying
/// another set on.
const RECORD_CANDIDATE: &str =
    "w.kind = 'working' AND w.reps > 0 AND w.form_broke = 0 AND w.technique IS NULL AND w.basis = 'load'
     AND w.seconds IS NULL AND w.distance_cm IS NULL";

/// The heaviest load among `w`'s exercise's load records before `?2` with `w`'s reps to failure.
const LOAD_BEFORE: &str = "(SELECT max(o.load_hundredths) FROM workout_set o INDEXED BY workout_set_load_records
     WHERE o.exercise = w.exercise AND o.unit = w.unit AND o.load_record = 1 AND o.logged_at < ?2 AND o.reps > 0
       AND o.reps * 2 + coalesce(o.rir_halves, 0) = w.reps * 2 + coalesce(w.rir_halves, 0))";

/// The most reps among `w`'s exercise's reps records before `?2` at `w`'s load.
const REPS_BEFORE: &str = "(SELECT max(o.reps) FROM workout_set o INDEXED BY workout_set_reps_records
     WHERE o.exercise = w.exercise AND o.unit = w.unit AND o.reps_record = 1 AND o.logged_at < ?2 AND o.reps > 0
       AND o.load_hundredths = w.load_hundredths)";

/// Recomputes the flags of the sets of `exercise` logged at or after `from` (unix seconds):
/// clears the few flagged ones, then flags the records, each found by its row id.
pub(super) fn refresh_from(tx: &Transaction<'_>, exercise: &str, from: i64) -> Result<(), StoreError> {
    // With nothing logged before `from` (a whole exercise, a first import) there are no earlier
    // records to look up for each set.
    let earlier: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM workout_set WHERE exercise = ?1 AND logged_at < ?2)")?
        .query_row(params![exercise, from], |r| r.get(0))?;
    let (load_before, reps_before) = if earlier { (LOAD_BEFORE, REPS_BEFORE) } else { ("NULL", "NULL") };
    tx.prepare_cached(
        "UPDATE workout_set SET load_record = 0, reps_record = 0
         WHERE exercise = ?1 AND logged_at >= ?2 AND (load_record = 1 OR reps_record = 1)",
    )?
    .execute(params![exercise, from])?;
    tx.prepare_cached(&format!(
        "UPDATE workout_set SET load_record = e.l, reps_record = e.r
         FROM (
             SELECT w.id,
                 w.load_hundredths > max(coalesce({load_before}, -1), coalesce(max(w.load_hundredths) OVER (
                     PARTITION BY w.unit, w.reps * 2 + coalesce(w.rir_halves, 0)
                     ORDER BY w.logged_at, w.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), -1)) AS l,
                 w.reps > max(coalesce({reps_before}, -1), coalesce(max(w.reps) OVER (
                     PARTITION BY w.unit, w.load_hundredths
                     ORDER BY w.logged_at, w.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), -1)) AS r
             FROM workout_set w
             WHERE w.exercise = ?1 AND w.logged_at >= ?2 AND {RECORD_CANDIDATE}
               AND w.session_id NOT IN ({DELOAD_SESSIONS})
         ) AS e
         WHERE workout_set.id = e.id AND (e.l = 1 OR e.r = 1)"
    ))?
    .execute(params![exercise, from])?;
    Ok(())
}

/// Recomputes every flag of `exercise`.
pub(super) fn refresh(tx: &Transaction<'_>, exercise: &str) -> Result<(), StoreError> {
    refresh_from(tx, exercise, i64::MIN)
}

/// Sets the flags of set `id`, just logged: against the records before it when it is its
/// exercise's newest set (the usual case, a few rows read), else by recomputing the exercise
/// from its time on.
pub(super) fn after_logging(tx: &Transaction<'_>, id: i64) -> Result<(), StoreError> {
    let (exercise, at, newest): (String, i64, bool) = tx
        .prepare_cached(
            "SELECT w.exercise, w.logged_at, NOT EXISTS (SELECT 1 FROM workout_set o WHERE o.exercise = w.exercise
                 AND o.logged_at >= w.logged_at AND o.id <> w.id
                 AND (o.logged_at > w.logged_at OR o.id > w.id))
             FROM workout_set w WHERE w.id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    if newest {
        tx.prepare_cached(&format!(
            "UPDATE workout_set AS w SET
                 load_record = w.load_hundredths > coalesce({LOAD_BEFORE}, -1),
                 reps_record = w.reps > coalesce({REPS_BEFORE}, -1)
             WHERE w.id = ?1 AND {RECORD_CANDIDATE}
               AND w.session_id NOT IN ({DELOAD_SESSIONS})"
        ))?
        .execute(params![id, i64::MAX])?;
        Ok(())
    } else {
        refresh_from(tx, &exercise, at)
    }
}

/// The exercise and time of set `id`, before a change to it.
pub(super) fn of_set(tx: &Transaction<'_>, id: i64) -> Result<Option<(String, i64)>, StoreError> {
    use rusqlite::OptionalExtension as _;
    Ok(tx
        .prepare_cached("SELECT exercise, logged_at FROM workout_set WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Recomputes, from the week on, the exercises trained in sessions that started in the week
/// from `monday` (a deload week started or ended there).
pub(super) fn refresh_week(tx: &Transaction<'_>, monday: &str) -> Result<(), StoreError> {
    let start: i64 = tx.query_row("SELECT unixepoch(?1)", [monday], |r| r.get(0))?;
    // From the week's Monday, or from the earliest set of its sessions if one was logged before
    // (an imported session's times need not agree).
    let exercises: Vec<(String, i64)> = tx
        .prepare_cached(
            "SELECT w.exercise, min(w.logged_at) FROM workout_set w JOIN session s ON s.id = w.session_id
             WHERE s.started_at >= ?1 AND s.started_at < ?1 + 7 * 86400 GROUP BY w.exercise",
        )?
        .query_map([start], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (exercise, earliest) in exercises {
        refresh_from(tx, &exercise, start.min(earliest))?;
    }
    Ok(())
}

//! The record flags of migration 006 (`load_record`, `reps_record`), kept right on every write:
//! a set logged now is compared with the records before it; anything that rewrites history (an
//! edit, a delete, an import, a rename, a deload week started or ended) recomputes the
//! exercises it touched.

use rusqlite::{Transaction, params};

use super::StoreError;

/// Sessions in deload weeks (UTC days, as the record lookups take them): their sets set no
/// records.
const DELOAD_SESSIONS: &str = "SELECT s.id FROM deload_week d JOIN session s
     ON s.started_at >= unixepoch(d.monday) AND s.started_at < unixepoch(d.monday, '+7 days')";

/// The flags of the sets in scope, in order of logging: `?1` names the exercise (or is NULL for
/// every exercise).
fn computed(scope: &str) -> String {
    format!(
        "SELECT id,
             load_hundredths > coalesce(max(load_hundredths) OVER (
                 PARTITION BY exercise, unit, reps * 2 + coalesce(rir_halves, 0)
                 ORDER BY logged_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), -1) AS l,
             reps > coalesce(max(reps) OVER (
                 PARTITION BY exercise, unit, load_hundredths
                 ORDER BY logged_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), -1) AS r
         FROM workout_set
         WHERE {scope} AND kind = 'working' AND form_broke = 0 AND session_id NOT IN ({DELOAD_SESSIONS})"
    )
}

/// Recomputes the flags of every set of `exercise` (`None`: of every exercise): clears the few
/// flagged rows, then flags the records, each found by its row id.
pub(super) fn refresh(tx: &Transaction<'_>, exercise: Option<&str>) -> Result<(), StoreError> {
    let scope = if exercise.is_some() { "exercise = ?1" } else { "?1 IS NULL" };
    tx.prepare_cached(&format!(
        "UPDATE workout_set SET load_record = 0, reps_record = 0
         WHERE {scope} AND (load_record = 1 OR reps_record = 1)"
    ))?
    .execute(params![exercise])?;
    tx.prepare_cached(&format!(
        "UPDATE workout_set SET load_record = e.l, reps_record = e.r
         FROM ({}) AS e
         WHERE workout_set.id = e.id AND (e.l = 1 OR e.r = 1)",
        computed(scope)
    ))?
    .execute(params![exercise])?;
    Ok(())
}

/// Sets the flags of set `id`, just logged: against the records before it when it is its
/// exercise's newest set (the usual case, a few rows read), else by recomputing the exercise.
pub(super) fn after_logging(tx: &Transaction<'_>, id: i64) -> Result<(), StoreError> {
    let newest: bool = tx
        .prepare_cached(
            "SELECT NOT EXISTS (SELECT 1 FROM workout_set o WHERE o.exercise = w.exercise
                 AND o.logged_at >= w.logged_at AND o.id <> w.id
                 AND (o.logged_at > w.logged_at OR o.id > w.id))
             FROM workout_set w WHERE w.id = ?1",
        )?
        .query_row([id], |r| r.get(0))?;
    if !newest {
        let exercise: String = tx.query_row("SELECT exercise FROM workout_set WHERE id = ?1", [id], |r| r.get(0))?;
        return refresh(tx, Some(&exercise));
    }
    tx.prepare_cached(&format!(
        "UPDATE workout_set SET
             load_record = load_hundredths > coalesce((SELECT max(o.load_hundredths) FROM workout_set o
                 WHERE o.exercise = workout_set.exercise AND o.unit = workout_set.unit AND o.load_record = 1
                   AND o.reps * 2 + coalesce(o.rir_halves, 0) = workout_set.reps * 2 + coalesce(workout_set.rir_halves, 0)
                   AND o.id <> workout_set.id), -1),
             reps_record = reps > coalesce((SELECT max(o.reps) FROM workout_set o
                 WHERE o.exercise = workout_set.exercise AND o.unit = workout_set.unit AND o.reps_record = 1
                   AND o.load_hundredths = workout_set.load_hundredths AND o.id <> workout_set.id), -1)
         WHERE id = ?1 AND kind = 'working' AND form_broke = 0 AND session_id NOT IN ({DELOAD_SESSIONS})"
    ))?
    .execute([id])?;
    Ok(())
}

/// Recomputes the exercises trained in sessions that started in the week from `monday`
/// (a deload week started or ended there).
pub(super) fn refresh_week(tx: &Transaction<'_>, monday: &str) -> Result<(), StoreError> {
    let exercises: Vec<String> = tx
        .prepare_cached(
            "SELECT DISTINCT w.exercise FROM workout_set w JOIN session s ON s.id = w.session_id
             WHERE s.started_at >= unixepoch(?1) AND s.started_at < unixepoch(?1, '+7 days')",
        )?
        .query_map([monday], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for exercise in exercises {
        refresh(tx, Some(&exercise))?;
    }
    Ok(())
}

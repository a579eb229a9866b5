//! Recovery's records: readiness check-ins, deload weeks, plan revisions and RIR guesses.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, from_unix};
use crate::model::session::{DeloadStyle, DeloadWeek, Readiness, RirGuess};

/// A revision of the plan: its fingerprint and when it was first used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRevision {
    /// The content's fingerprint.
    pub fingerprint: String,
    /// The plan's name then.
    pub plan_name: String,
    /// When hardset first ran with it.
    pub first_used: DateTime<Utc>,
}

impl Store {
    /// Stores a readiness check-in with a session.
    pub fn set_readiness(&mut self, session_id: i64, readiness: Readiness) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE session SET sleep = ?2, energy = ?3, joints = ?4, motivation = ?5 WHERE id = ?1",
                params![session_id, readiness.sleep, readiness.energy, readiness.joints, readiness.motivation],
            )?;
            Ok(())
        })
    }

    /// Check-ins of sessions started in `[from, to)`, oldest first.
    pub fn readiness_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(DateTime<Utc>, Readiness)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT started_at, sleep, energy, joints, motivation FROM session
             WHERE started_at >= ?1 AND started_at < ?2 AND sleep IS NOT NULL ORDER BY started_at",
        )?;
        let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], |r| {
            Ok((
                from_unix(r.get(0)?),
                Readiness { sleep: r.get(1)?, energy: r.get(2)?, joints: r.get(3)?, motivation: r.get(4)? },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Marks the week starting `monday` as a deload week (again: the style changes).
    pub fn start_deload(&mut self, monday: NaiveDate, style: DeloadStyle, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO deload_week (monday, style, started_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (monday) DO UPDATE SET style = excluded.style",
                params![monday.format("%Y-%m-%d").to_string(), style.as_str(), at.timestamp()],
            )?;
            super::records::refresh_week(tx, &monday.format("%Y-%m-%d").to_string())
        })
    }

    /// Ends the deload of the week starting `monday`.
    pub fn cancel_deload(&mut self, monday: NaiveDate) -> Result<(), StoreError> {
        self.write(|tx| {
            let monday = monday.format("%Y-%m-%d").to_string();
            tx.execute("DELETE FROM deload_week WHERE monday = ?1", [&monday])?;
            super::records::refresh_week(tx, &monday)
        })
    }

    /// Every deload week, oldest first (a handful a year).
    pub fn deload_weeks(&self) -> Result<Vec<DeloadWeek>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT monday, style, started_at FROM deload_week ORDER BY monday")?;
        let rows = stmt.query_map([], |r| {
            let monday: String = r.get(0)?;
            let style: String = r.get(1)?;
            let started_at: i64 = r.get(2)?;
            Ok((monday, style, started_at))
        })?;
        let mut weeks = Vec::new();
        for row in rows {
            let (monday, style, started_at) = row?;
            if let Ok(monday) = NaiveDate::parse_from_str(&monday, "%Y-%m-%d") {
                let style = if style == "load" { DeloadStyle::Load } else { DeloadStyle::Volume };
                weeks.push(DeloadWeek { monday, style, started_at: from_unix(started_at) });
            }
        }
        Ok(weeks)
    }

    /// Records the plan in use at `at`. A plan whose content (`fingerprint`) differs from the
    /// current revision's either starts a new revision or, when `starts_new` says no (asked with
    /// when the current one was first used, and whether a plan session was trained since), is
    /// the current revision still being written: it takes the new content and keeps its start.
    /// Returns the current revision and the one before it.
    pub fn record_plan_revision(
        &mut self,
        fingerprint: &str,
        plan_name: &str,
        at: DateTime<Utc>,
        starts_new: impl Fn(DateTime<Utc>, bool) -> bool,
    ) -> Result<(PlanRevision, Option<PlanRevision>), StoreError> {
        self.write(|tx| {
            let last: Option<(i64, String, i64)> = tx
                .query_row("SELECT id, fingerprint, first_used FROM plan_revision ORDER BY id DESC LIMIT 1", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .optional()?;
            // The revision this content replaces, when it is the current one still being written.
            let replaces = match last {
                Some((_, last, _)) if last == fingerprint => return Ok(()),
                Some((id, _, since)) => {
                    let trained: bool = tx.query_row(
                        "SELECT EXISTS (SELECT 1 FROM session WHERE day_index IS NOT NULL AND started_at >= ?1)",
                        [since],
                        |r| r.get(0),
                    )?;
                    (!starts_new(from_unix(since), trained)).then_some(id)
                }
                None => None,
            };
            match replaces {
                Some(id) => tx.execute(
                    "UPDATE plan_revision SET fingerprint = ?2, plan_name = ?3 WHERE id = ?1",
                    params![id, fingerprint, plan_name],
                )?,
                None => tx.execute(
                    "INSERT INTO plan_revision (fingerprint, plan_name, first_used) VALUES (?1, ?2, ?3)",
                    params![fingerprint, plan_name, at.timestamp()],
                )?,
            };
            Ok(())
        })?;
        let (current, previous) = self.plan_revisions()?;
        let current = current.ok_or_else(|| StoreError::NotFound("no plan revision".into()))?;
        Ok((current, previous))
    }

    /// The plan revision in use and the one before it, without recording anything.
    pub fn plan_revisions(&self) -> Result<(Option<PlanRevision>, Option<PlanRevision>), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT fingerprint, plan_name, first_used FROM plan_revision ORDER BY id DESC LIMIT 2")?;
        let revisions: Vec<PlanRevision> = stmt
            .query_map([], |r| {
                Ok(PlanRevision { fingerprint: r.get(0)?, plan_name: r.get(1)?, first_used: from_unix(r.get(2)?) })
            })?
            .collect::<Result<_, _>>()?;
        let mut revisions = revisions.into_iter();
        Ok((revisions.next(), revisions.next()))
    }

    /// Stores the lifter's guess, at rep `at_rep`, of how many reps were left on a set.
    pub fn set_rir_guess(&mut self, set_id: i64, at_rep: u16, guess_halves: u8) -> Result<(), StoreError> {
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE workout_set SET guess_at_rep = ?2, guess_rir = ?3 WHERE id = ?1",
                params![set_id, at_rep, guess_halves],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound(format!("set {set_id} is no longer in the log")));
            }
            Ok(())
        })
    }

    /// The newest `limit` sets with a RIR guess, newest first.
    pub fn rir_guesses(&self, limit: usize) -> Result<Vec<RirGuess>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT reps, guess_at_rep, guess_rir FROM workout_set
             WHERE guess_at_rep IS NOT NULL AND guess_rir IS NOT NULL AND kind = 'working' AND rir_halves = 0
             ORDER BY logged_at DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok(RirGuess { reps: r.get(0)?, at_rep: r.get(1)?, guess_halves: r.get(2)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The exercises with the most working sets since `from`, most first.
    pub fn most_trained(&self, from: DateTime<Utc>, limit: usize) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            // Read by time: grouping through the exercise index would scan every set ever logged.
            "SELECT exercise FROM workout_set INDEXED BY workout_set_by_time
             WHERE logged_at >= ?1 AND kind = 'working'
             GROUP BY exercise ORDER BY count(*) DESC, exercise LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![from.timestamp(), limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

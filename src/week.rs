//! The week as the Week pane and `hardset week` see it: effective sets per muscle against the
//! weekly band, for one ISO week.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::clock::Clock;
use crate::config::Settings;
use crate::model::plan::Plan;
use crate::store::{Store, StoreError};
use crate::training::compare::week_bounds;
use crate::training::volume::{Band, MuscleWeek, band, weekly_volume};

/// One muscle's line in the week.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MuscleLine {
    /// The muscle's name.
    pub muscle: &'static str,
    /// Effective sets this week.
    pub effective_sets: f64,
    /// The part of them from sets with unknown RIR.
    pub unverified_sets: f64,
    /// Sessions that trained it.
    pub sessions: usize,
    /// "below", "within" or "above" the band.
    pub status: &'static str,
}

/// A week's dose.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekReport {
    /// ISO week, such as "2026-W48".
    pub week: String,
    /// Its Monday.
    pub monday: NaiveDate,
    /// The target band of effective sets per muscle.
    pub target: [u8; 2],
    /// Sessions with at least one working set (sorted by time, so repeats are neighbours).
    pub training_sessions: usize,
    /// Every trained muscle, in the order of the muscle list.
    pub muscles: Vec<MuscleLine>,
}

fn status(b: Band) -> &'static str {
    match b {
        Band::Below => "below",
        Band::Within => "within",
        Band::Above => "above",
    }
}

/// Builds the report lines from per-muscle counts.
pub fn lines(weeks: &[MuscleWeek], target: (u8, u8)) -> Vec<MuscleLine> {
    weeks
        .iter()
        .map(|w| MuscleLine {
            muscle: w.muscle.name(),
            effective_sets: w.effective,
            unverified_sets: w.unverified,
            sessions: w.sessions,
            status: status(band(w.effective, target)),
        })
        .collect()
}

/// The ISO week holding `date`.
pub fn load_week(
    store: &Store,
    plan: &Plan,
    settings: &Settings,
    clock: &dyn Clock,
    date: NaiveDate,
) -> Result<WeekReport, StoreError> {
    let (monday, next) = week_bounds(date);
    let sets = store.sets_between(clock.midnight(monday), clock.midnight(next))?;
    let target = settings.volume.band();
    let weeks = weekly_volume(&sets, &plan.exercises, settings.volume.effective_rir_halves());
    // A session with only ramp-up sets was not a training session.
    let mut sessions: Vec<i64> =
        sets.iter().filter(|s| s.entry.kind == crate::model::session::SetKind::Working).map(|s| s.session_id).collect();
    sessions.dedup();
    let iso = monday.iso_week();
    Ok(WeekReport {
        week: format!("{}-W{:02}", iso.year(), iso.week()),
        monday,
        target: [target.0, target.1],
        training_sessions: sessions.len(),
        muscles: lines(&weeks, target),
    })
}

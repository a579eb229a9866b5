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
    /// Where its effective sets stand against the band (written "below", "within" or "above").
    #[serde(serialize_with = "serialize_band")]
    pub status: Band,
    /// Effective sets in each of the 8 weeks up to this one, oldest first.
    pub last_8_weeks: Vec<f64>,
}

/// The week's readiness check-ins over the last 8 weeks, for sparklines.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct CheckIns {
    /// Check-in dates, oldest first.
    pub dates: Vec<NaiveDate>,
    /// Sleep scores (1-5), one per check-in.
    pub sleep: Vec<u8>,
    /// Energy scores.
    pub energy: Vec<u8>,
    /// Joint scores.
    pub joints: Vec<u8>,
    /// Motivation scores.
    pub motivation: Vec<u8>,
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
    /// Mondays of the 8 weeks the history covers, oldest first (the last is this week).
    pub history_mondays: Vec<NaiveDate>,
    /// Readiness check-ins of those 8 weeks.
    pub checkins: CheckIns,
    /// The body weight at the week's end and its change over 4 weeks, when one is logged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_weight: Option<String>,
}

/// How many weeks the Week pane looks back.
pub const HISTORY_WEEKS: u64 = 8;

/// How a band is written: "below", "within" or "above".
pub fn band_name(b: Band) -> &'static str {
    match b {
        Band::Below => "below",
        Band::Within => "within",
        Band::Above => "above",
    }
}

/// Writes a band as [`band_name`] says it.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde hands `serialize_with` a reference to the field
fn serialize_band<S: serde::Serializer>(band: &Band, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(band_name(*band))
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
            status: band(w.effective, target),
            last_8_weeks: Vec::new(),
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
    let first = monday - chrono::Days::new(7 * (HISTORY_WEEKS - 1));
    // One range read for the 8 weeks, split by week here.
    let all = store.sets_between(clock.midnight(first), clock.midnight(next))?;
    let threshold = settings.volume.effective_rir_halves();
    let mondays: Vec<NaiveDate> = (0..HISTORY_WEEKS).map(|i| first + chrono::Days::new(7 * i)).collect();
    let by_week: Vec<Vec<MuscleWeek>> = mondays
        .iter()
        .map(|&m| {
            let (from, to) = (clock.midnight(m), clock.midnight(week_bounds(m).1));
            let week: Vec<_> =
                all.iter().filter(|s| s.session_started_at >= from && s.session_started_at < to).cloned().collect();
            weekly_volume(&week, &plan.exercises, threshold)
        })
        .collect();
    let this_week_from = clock.midnight(monday);
    let sets: Vec<_> = all.into_iter().filter(|s| s.session_started_at >= this_week_from).collect();
    let target = settings.volume.band();
    let mut weeks = weekly_volume(&sets, &plan.exercises, threshold);
    // A muscle trained in any of the 8 weeks keeps its row (at 0 this week), so its bars show.
    for week in &by_week {
        for w in week {
            if !weeks.iter().any(|x| x.muscle == w.muscle) {
                weeks.push(MuscleWeek { muscle: w.muscle, effective: 0.0, unverified: 0.0, sessions: 0 });
            }
        }
    }
    weeks.sort_by_key(|w| w.muscle);
    let mut muscles = lines(&weeks, target);
    for line in &mut muscles {
        line.last_8_weeks = by_week
            .iter()
            .map(|week| week.iter().find(|w| w.muscle.name() == line.muscle).map_or(0.0, |w| w.effective))
            .collect();
    }
    let mut checkins = CheckIns::default();
    for (at, r) in store.readiness_between(clock.midnight(first), clock.midnight(next))? {
        checkins.dates.push(clock.local_date(at));
        checkins.sleep.push(r.sleep);
        checkins.energy.push(r.energy);
        checkins.joints.push(r.joints);
        checkins.motivation.push(r.motivation);
    }
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
        muscles,
        history_mondays: mondays,
        checkins,
        body_weight: body_weight(store, next.pred_opt().unwrap_or(next))?,
    })
}

/// The body weight in force on `day` and its trend over 4 weeks (two indexed reads).
fn body_weight(store: &Store, day: NaiveDate) -> Result<Option<String>, StoreError> {
    let from = day.checked_sub_days(chrono::Days::new(28)).unwrap_or(day);
    let readings: Vec<_> = store.body_weights(from, day)?.into_iter().map(|r| (r.day, r.weight)).collect();
    Ok(crate::training::bodyweight::trend_words(&readings, day))
}

/// The week as text for the shell.
pub fn week_text(report: &WeekReport) -> String {
    use std::fmt::Write as _;
    let [low, high] = report.target;
    let mut text = format!(
        "Week {} (from {}): effective sets per muscle, target {low}-{high}, {} training session{}\n",
        report.week,
        report.monday.format("%a %-d %b %Y"),
        report.training_sessions,
        if report.training_sessions == 1 { "" } else { "s" }
    );
    if report.muscles.iter().all(|m| m.effective_sets <= 0.0) {
        text.push_str("  no effective sets yet\n");
    }
    // Muscles kept only for the Week pane's 8-week bars (none this week) are left out here.
    for muscle in report.muscles.iter().filter(|m| m.effective_sets > 0.0) {
        let unverified = if muscle.unverified_sets > 0.0 {
            format!(" ({} unverified)", muscle.unverified_sets)
        } else {
            String::new()
        };
        let _ = writeln!(
            text,
            "  {:<12} {:>5}  {:<6}  {} session{}{unverified}",
            muscle.muscle,
            muscle.effective_sets,
            band_name(muscle.status),
            muscle.sessions,
            if muscle.sessions == 1 { "" } else { "s" }
        );
    }
    if let Some(body) = &report.body_weight {
        let _ = writeln!(text, "{body}");
    }
    text
}

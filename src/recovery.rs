//! Recovery as the screens see it: gathers the key lifts' trend, the week's check-ins and the
//! volume beside them from the store, and applies the recovery rules.

use chrono::{DateTime, Days, Utc};

use crate::clock::Clock;
use crate::config::Settings;
use crate::model::exercise::Muscle;
use crate::model::plan::Plan;
use crate::model::session::{DeloadWeek, SetKind};
use crate::store::{Store, StoreError};
use crate::training::compare::week_bounds;
use crate::training::recovery::{self, Calibration};
use crate::training::volume::weekly_volume;
use crate::training::warnings::{Warning, WarningKind};

/// A key lift whose best RIR-adjusted e1RM fell at least two weeks running, each fall bigger than
/// the noise of RIR guesses.
#[derive(Debug, Clone, PartialEq)]
pub struct Decline {
    /// The lift.
    pub exercise: String,
    /// The weekly bests of the run of falls, oldest first (at least three).
    pub weeks: Vec<f64>,
    /// How far it fell over the run, in percent.
    pub fall_percent: f64,
    /// Strong and long enough to suggest a deload on its own.
    pub strong: bool,
    /// Their unit.
    pub unit: crate::model::units::Unit,
}

/// A muscle given more sets than the plan gives it while its key lift starts to fall.
#[derive(Debug, Clone, PartialEq)]
pub struct AnxietyVolume {
    /// The muscle.
    pub muscle: Muscle,
    /// The key lift starting to fall.
    pub lift: String,
    /// Effective sets this week so far.
    pub sets: f64,
    /// What the plan gives the muscle in a week.
    pub planned: f64,
}

/// What a recovery sign is about: its kind in `hardset today --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignKind {
    /// A key lift's e1RM falling.
    Decline,
    /// Poor check-ins (sleep, energy, motivation).
    Checkin,
    /// Joints getting worse.
    Joints,
}

impl SignKind {
    /// The kind as `hardset today --json` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            SignKind::Decline => "decline",
            SignKind::Checkin => "checkin",
            SignKind::Joints => "joints",
        }
    }
}

/// The signs of failing recovery, and RIR calibration.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Signs {
    /// Key lifts in decline.
    pub declines: Vec<Decline>,
    /// Check-in scores (sleep, energy, motivation) that stayed poor this past week.
    pub poor_readiness: Vec<recovery::PoorScore>,
    /// Joints getting worse this past week: each day's score, oldest first.
    pub joints: Option<Vec<f64>>,
    /// Muscles given more sets than the plan gives them while their key lift starts to fall.
    pub anxiety_volume: Vec<AnxietyVolume>,
    /// How well RIR guesses matched reality.
    pub calibration: Option<Calibration>,
}

fn weeks_word(falls: usize) -> String {
    match falls {
        2 => "two".into(),
        3 => "three".into(),
        4 => "four".into(),
        n => n.to_string(),
    }
}

fn scores(values: &[f64]) -> String {
    values.iter().map(|v| format!("{v}")).collect::<Vec<_>>().join(" > ")
}

impl Signs {
    /// Which signs fired, as the rule weighs them.
    pub fn fired(&self) -> recovery::Fired {
        recovery::Fired {
            decline: !self.declines.is_empty(),
            strong_decline: self.declines.iter().any(|d| d.strong),
            poor_checkin: !self.poor_readiness.is_empty(),
            checkin_past_rest_day: self.poor_readiness.iter().any(|p| p.past_rest_day),
            joints_worse: self.joints.is_some(),
        }
    }

    /// Whether the signs line up enough to suggest a deload week.
    pub fn suggest_deload(&self) -> bool {
        recovery::deload_suggested(self.fired())
    }

    /// Each sign that fired, with its numbers, whether or not they line up.
    pub fn listed(&self) -> Vec<(SignKind, String)> {
        let mut fired: Vec<(SignKind, String)> = self
            .declines
            .iter()
            .map(|d| {
                let weeks: Vec<String> = d.weeks.iter().map(|w| format!("{w:.1}")).collect();
                let text = format!(
                    "{} e1RM fell {} weeks running ({} {}, -{:.1}%)",
                    d.exercise,
                    weeks_word(d.weeks.len() - 1),
                    weeks.join(" > "),
                    d.unit,
                    d.fall_percent
                );
                (SignKind::Decline, text)
            })
            .collect();
        fired.extend(self.poor_readiness.iter().map(|p| {
            let rest = if p.past_rest_day { ", past a rest day" } else { "" };
            (
                SignKind::Checkin,
                format!("{} averaged {:.1}/5, 2 or less on {} days{rest}", p.score, p.mean, p.poor_days),
            )
        }));
        if let Some(days) = &self.joints {
            fired.push((SignKind::Joints, format!("joints {}/5 this week", scores(days))));
        }
        fired
    }

    /// The signs in words, each saying which sign fired.
    pub fn warnings(&self) -> Vec<Warning> {
        let mut warnings = Vec::new();
        if self.suggest_deload() {
            let fired: Vec<String> = self.listed().into_iter().map(|(_, text)| text).collect();
            let text = format!("Recovery: {}. A deload week may help: D starts one.", fired.join("; "));
            warnings.push(Warning::new(WarningKind::Recovery, text));
        }
        warnings.extend(self.anxiety_volume.iter().map(|a| {
            Warning::new(
                WarningKind::AnxietyVolume,
                format!(
                    "{} {} sets this week while {} falls; the plan has {:.0}. Go back to {:.0}: more volume rarely fixes fatigue.",
                    a.sets, a.muscle, a.lift, a.planned, a.planned
                ),
            )
        }));
        warnings
    }
}

/// Weeks of history the trend looks at.
const TREND_WEEKS: u64 = 5;

/// Key lifts: those the plan marks `key = true`, else the two most trained of the last 8 weeks.
fn key_lifts(store: &Store, plan: &Plan, now: DateTime<Utc>) -> Result<Vec<String>, StoreError> {
    let marked: Vec<String> =
        plan.days.iter().flat_map(|d| &d.exercises).filter(|e| e.key).map(|e| e.name.clone()).collect();
    if !marked.is_empty() {
        let mut unique: Vec<String> = Vec::new();
        for name in marked {
            if !unique.contains(&name) {
                unique.push(name);
            }
        }
        return Ok(unique);
    }
    store.most_trained(now - chrono::Duration::weeks(8), 2)
}

/// Reads the signs as of now. Deload weeks are left out of the trend.
pub fn signs(
    store: &Store,
    plan: &Plan,
    settings: &Settings,
    clock: &dyn Clock,
    deloads: &[DeloadWeek],
) -> Result<Signs, StoreError> {
    let now = clock.now();
    let soon_after_now = now + chrono::Duration::seconds(1);
    let this_monday = week_bounds(clock.local_date(now)).0;
    let this_week_deload = deloads.iter().any(|d| d.monday == this_monday);
    let mut signs = Signs::default();
    let (declines, falling) = key_lift_trends(store, plan, settings, clock, now, deloads)?;
    signs.declines = declines;
    if !falling.is_empty() && !this_week_deload {
        signs.anxiety_volume = anxiety_volume(store, plan, settings, clock, now, &falling)?;
    }
    let checkins: Vec<_> = store
        .readiness_between(now - chrono::Duration::days(7), soon_after_now)?
        .into_iter()
        .map(|(at, r)| (clock.local_date(at), r))
        .collect();
    // The days with lifting, to tell a rest day from a training day whose check-in was skipped.
    let trained: Vec<_> = store
        .sessions_between(now - chrono::Duration::days(7), soon_after_now)?
        .into_iter()
        .filter(|s| s.working_sets + s.ramp_up_sets > 0)
        .map(|s| clock.local_date(s.session.started_at))
        .collect();
    signs.poor_readiness = recovery::poor_readiness(&checkins, &trained);
    signs.joints = recovery::joints_worse(&checkins);
    signs.calibration = recovery::calibration(&store.rir_guesses(50)?);
    Ok(signs)
}

/// Each key lift's trend as of `now`: the declines over finished weeks, and the lifts starting
/// to fall this week.
fn key_lift_trends(
    store: &Store,
    plan: &Plan,
    settings: &Settings,
    clock: &dyn Clock,
    now: DateTime<Utc>,
    deloads: &[DeloadWeek],
) -> Result<(Vec<Decline>, Vec<String>), StoreError> {
    let soon_after_now = now + chrono::Duration::seconds(1);
    let this_monday = week_bounds(clock.local_date(now)).0;
    let last_monday = this_monday - Days::new(7);
    let deload_mondays: Vec<_> = deloads.iter().map(|d| d.monday).collect();
    let week_of = |at: DateTime<Utc>| week_bounds(clock.local_date(at)).0;
    let noise = settings.recovery.decline_percent;
    // The trend starts afresh after a deload (a deload answers the decline before it), and only
    // finished weeks count: a week half trained is not a weaker week. This week's sets so far
    // can only clear a decline (a rebound) or show a lift starting to fall.
    let after_last_deload = deloads.iter().filter(|d| d.monday < this_monday).map(|d| d.monday + Days::new(7)).max();
    let this_week_deload = deload_mondays.contains(&this_monday);
    let mut declines: Vec<Decline> = Vec::new();
    let mut falling: Vec<String> = Vec::new();
    for lift in key_lifts(store, plan, now)? {
        let window = this_monday - Days::new(7 * TREND_WEEKS);
        let from = clock.midnight(after_last_deload.map_or(window, |d| d.max(window)));
        let sets = store.exercise_sets_between(&lift, from, soon_after_now)?;
        let Some(unit) = sets.iter().rev().find(|s| s.entry.kind == SetKind::Working).map(|s| s.entry.weight.unit)
        else {
            continue;
        };
        let weekly = recovery::weekly_best(&sets, settings.e1rm.formula, unit, &deload_mondays, |s| {
            week_of(s.session_started_at)
        });
        let (finished, this_week): (Vec<_>, Vec<_>) = weekly.into_iter().partition(|w| w.monday < this_monday);
        let this_week = this_week.first().filter(|_| !this_week_deload);
        let best_now = this_week.map(|w| w.best_e1rm);
        if let Some(f) =
            recovery::declining(&finished, this_monday, best_now, noise, settings.recovery.decline_alone_percent)
        {
            declines.push(Decline {
                exercise: lift.clone(),
                weeks: f.weeks,
                fall_percent: f.fall_percent,
                strong: f.strong,
                unit,
            });
        }
        if recovery::starts_falling(&finished, this_week, last_monday, noise) {
            falling.push(lift);
        }
    }
    Ok((declines, falling))
}

/// The muscles of the `falling` lifts given more sets this week than the plan gives them.
fn anxiety_volume(
    store: &Store,
    plan: &Plan,
    settings: &Settings,
    clock: &dyn Clock,
    now: DateTime<Utc>,
    falling: &[String],
) -> Result<Vec<AnxietyVolume>, StoreError> {
    let soon_after_now = now + chrono::Duration::seconds(1);
    let this_monday = week_bounds(clock.local_date(now)).0;
    let mut found: Vec<AnxietyVolume> = Vec::new();
    let threshold = settings.volume.effective_rir_halves();
    let this_week =
        weekly_volume(&store.sets_between(clock.midnight(this_monday), soon_after_now)?, &plan.exercises, threshold);
    let planned = plan_week_volume(plan);
    for lift in falling {
        let Some(exercise) = plan.exercises.get(lift) else { continue };
        for &muscle in &exercise.primary {
            let sets = this_week.iter().find(|w| w.muscle == muscle).map_or(0.0, |w| w.effective);
            let planned = planned.get(&muscle).copied().unwrap_or(0.0);
            let already = found.iter().any(|a| a.muscle == muscle);
            if !already && recovery::anxiety_volume(sets, planned, true, settings.recovery.anxiety_extra_sets) {
                found.push(AnxietyVolume { muscle, lift: lift.clone(), sets, planned });
            }
        }
    }
    Ok(found)
}

/// The plan's own weekly dose per muscle.
pub fn plan_week_volume(plan: &Plan) -> std::collections::BTreeMap<Muscle, f64> {
    crate::training::volume::plan_week_volume(
        &plan.days,
        &plan.exercises,
        plan.schedule == crate::model::plan::Schedule::Rotation,
    )
}

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

/// A key lift whose best RIR-adjusted e1RM fell two weeks running.
#[derive(Debug, Clone, PartialEq)]
pub struct Decline {
    /// The lift.
    pub exercise: String,
    /// The three weekly bests, oldest first.
    pub weeks: [f64; 3],
    /// Their unit.
    pub unit: crate::model::units::Unit,
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
    /// Check-in scores that stayed poor this past week, with their averages.
    pub poor_readiness: Vec<(&'static str, f64)>,
    /// Muscles given more sets while their key lift declines.
    pub anxiety_volume: Vec<(Muscle, String)>,
    /// How well RIR guesses matched reality.
    pub calibration: Option<Calibration>,
}

impl Signs {
    /// Whether the signs line up enough to suggest a deload week.
    pub fn suggest_deload(&self) -> bool {
        !self.declines.is_empty() || !self.poor_readiness.is_empty()
    }

    /// Each sign that fired, with its numbers.
    pub fn listed(&self) -> Vec<(SignKind, String)> {
        let mut fired: Vec<(SignKind, String)> = self
            .declines
            .iter()
            .map(|d| {
                let [a, b, c] = d.weeks;
                let text = format!("{} e1RM fell two weeks running ({a:.1} > {b:.1} > {c:.1} {})", d.exercise, d.unit);
                (SignKind::Decline, text)
            })
            .collect();
        fired.extend(self.poor_readiness.iter().map(|(name, mean)| {
            let kind = if *name == "joints" { SignKind::Joints } else { SignKind::Checkin };
            (kind, format!("{name} averaged {mean:.1}/5 this week"))
        }));
        fired
    }

    /// The signs in words, each saying which sign fired.
    pub fn warnings(&self) -> Vec<Warning> {
        let fired: Vec<String> = self.listed().into_iter().map(|(_, text)| text).collect();
        let mut warnings = Vec::new();
        if self.suggest_deload() {
            let text = format!("Recovery: {}. A deload week may help: D starts one.", fired.join("; "));
            warnings.push(Warning::new(WarningKind::Recovery, text));
        }
        warnings.extend(self.anxiety_volume.iter().map(|(muscle, lift)| {
            Warning::new(
                WarningKind::AnxietyVolume,
                format!("More {muscle} sets this week while {lift} declines: more volume rarely fixes fatigue."),
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
    let deload_mondays: Vec<_> = deloads.iter().map(|d| d.monday).collect();
    let week_of = |at: DateTime<Utc>| week_bounds(clock.local_date(at)).0;
    let mut signs = Signs::default();
    // The trend starts afresh after a deload (a deload answers the decline before it), and only
    // finished weeks count: a week half trained is not a weaker week.
    let after_last_deload = deloads.iter().filter(|d| d.monday < this_monday).map(|d| d.monday + Days::new(7)).max();
    for lift in key_lifts(store, plan, now)? {
        let window = this_monday - Days::new(7 * TREND_WEEKS);
        let from = clock.midnight(after_last_deload.map_or(window, |d| d.max(window)));
        let to = clock.midnight(this_monday);
        let sets = store.exercise_sets_between(&lift, from, to)?;
        let Some(unit) = sets.iter().rev().find(|s| s.entry.kind == SetKind::Working).map(|s| s.entry.weight.unit)
        else {
            continue;
        };
        let weekly = recovery::weekly_best(&sets, settings.e1rm.formula, unit, &deload_mondays, |s| {
            week_of(s.session_started_at)
        });
        if let Some(weeks) = recovery::declining(&weekly, this_monday) {
            signs.declines.push(Decline { exercise: lift, weeks, unit });
        }
    }
    let last_monday = this_monday - Days::new(7);
    // A deload last week makes any normal week look like more sets: no anxiety-volume check then.
    if !signs.declines.is_empty() && !deload_mondays.contains(&last_monday) {
        let threshold = settings.volume.effective_rir_halves();
        let this_week = weekly_volume(
            &store.sets_between(clock.midnight(this_monday), soon_after_now)?,
            &plan.exercises,
            threshold,
        );
        let last_week = weekly_volume(
            &store.sets_between(clock.midnight(last_monday), clock.midnight(this_monday))?,
            &plan.exercises,
            threshold,
        );
        let count = |weeks: &[crate::training::volume::MuscleWeek], m: Muscle| {
            weeks.iter().find(|w| w.muscle == m).map_or(0.0, |w| w.effective)
        };
        for decline in &signs.declines {
            let Some(exercise) = plan.exercises.get(&decline.exercise) else { continue };
            for &muscle in &exercise.primary {
                if recovery::anxiety_volume(count(&last_week, muscle), count(&this_week, muscle), true) {
                    signs.anxiety_volume.push((muscle, decline.exercise.clone()));
                }
            }
        }
    }
    let checkins: Vec<_> = store
        .readiness_between(now - chrono::Duration::days(7), soon_after_now)?
        .into_iter()
        .map(|(at, r)| (clock.local_date(at), r))
        .collect();
    signs.poor_readiness = recovery::poor_readiness(&checkins);
    signs.calibration = recovery::calibration(&store.rir_guesses(50)?);
    Ok(signs)
}

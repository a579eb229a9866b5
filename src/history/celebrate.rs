//! A record said when it happens: on saving a set, whether it set a record by History's rules
//! (the best e1RM, or the most reps at its load, against everything before it outside deload
//! weeks, form intact), and in words for the status line.
//!
//! Only working sets of reps count: never a ramp-up, a drop set or other technique set, a missed
//! attempt, a hold or a carry, a set whose form broke, or any set of a deload week. The very first
//! set of an exercise is no record: there is nothing before it to beat (History marks none
//! either). A set on body weight follows the body weight log's rules.

use crate::clock::Clock;
use crate::model::session::LoggedSet;
use crate::store::{Store, StoreError};
use crate::training::compare::week_bounds;
use crate::training::e1rm::{Formula, estimate_set};
use crate::training::records::new_records_over;

/// What `set`, just saved, set as a record: `New record: 82.5 kg x 8, e1RM +2.1 kg`, or
/// `New record: 60 kg x 12, most reps at 60 kg`; `None` when it set none.
pub fn record_on_save(
    store: &Store,
    clock: &dyn Clock,
    set: &LoggedSet,
    formula: Formula,
) -> Result<Option<String>, StoreError> {
    let entry = &set.entry;
    if !entry.counts() || entry.form_broke {
        return Ok(None);
    }
    let monday = week_bounds(clock.local_date(set.session_started_at)).0;
    if store.deload_weeks()?.iter().any(|d| d.monday == monday) {
        return Ok(None);
    }
    // This session's sets of the exercise up to this one: the earlier ones are beaten first.
    let mut today: Vec<LoggedSet> = store
        .session_sets(set.session_id)?
        .into_iter()
        .filter(|s| s.entry.exercise == entry.exercise && s.id <= set.id)
        .collect();
    if !today.iter().any(|s| s.id == set.id) {
        today.push(set.clone());
    }
    let before = set.session_started_at;
    let what = format!("{} x {}", entry.load_text(), entry.reps);
    if entry.basis.is_bodyweight() {
        let ids = super::bodyweight::records_when_lifted(store, clock, &entry.exercise, &today, before, formula)?;
        return Ok(ids.contains(&set.id).then(|| format!("New record: {what}")));
    }
    let unit = entry.weight.unit;
    let same: Vec<LoggedSet> =
        today.into_iter().filter(|s| s.entry.weight.unit == unit && !s.entry.basis.is_bodyweight()).collect();
    let (candidates, most_reps) = store.exercise_bests_before(&entry.exercise, unit, before)?;
    if !new_records_over(&candidates, &most_reps, &same, formula).contains(&set.id) {
        return Ok(None);
    }
    // The best e1RM before this set: the log's, and this session's sets before it.
    let earlier = same.iter().filter(|s| s.id != set.id && s.entry.counts() && !s.entry.form_broke).map(|s| &s.entry);
    let best_before = candidates.iter().chain(earlier).filter_map(|e| estimate_set(formula, e)).reduce(f64::max);
    let gain = match (estimate_set(formula, entry), best_before) {
        (Some(now), Some(best)) if now > best => Some(now - best),
        _ => None,
    };
    Ok(Some(match gain {
        // Shown to a tenth: a gain that rounds to nothing still reads as one.
        Some(gain) => format!("New record: {what}, e1RM +{:.1} {unit}", (gain * 10.0).ceil() / 10.0),
        None => format!("New record: {what}, most reps at {}", entry.load_text()),
    }))
}

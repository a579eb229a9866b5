//! Holds, carries and cardio in the weekly dose: none of their sets counts as an effective set
//! unless the catalogue says `effective = true` for the exercise; and a set of reps of an
//! exercise the catalogue says is not effective (a carry logged as reps) does not count either.

use super::is_effective;
use crate::model::exercise::Exercise;
use crate::model::session::{LoggedSet, SetKind};

/// Whether `set` of `exercise` is effective, as [`is_effective`] says, with the catalogue's word
/// first: `None` for every set of an exercise that is not effective; for one that is, a timed or
/// distance working set counts like a set of reps (by its RIR, unverified when unknown).
pub(super) fn is_effective_for(set: &LoggedSet, exercise: &Exercise, threshold_halves: u8) -> Option<bool> {
    if !exercise.counts_as_effective() {
        return None;
    }
    let e = &set.entry;
    if !e.timed_or_distance() {
        return is_effective(set, threshold_halves);
    }
    if e.kind != SetKind::Working || e.technique.is_some() {
        return None;
    }
    match e.rir {
        Some(rir) if rir.halves() <= threshold_halves => Some(true),
        Some(_) => None,
        None => Some(false),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::super::{planned_volume, weekly_volume};
    use crate::model::exercise::{Catalogue, Muscle};
    use crate::model::session::{LoggedSet, SetEntry, SetKind};
    use crate::model::units::{Distance, Load, Rir, Unit, Weight};

    fn logged(entry: SetEntry) -> LoggedSet {
        let at = Utc.with_ymd_and_hms(2025, 3, 3, 18, 0, 0).single().expect("time");
        LoggedSet { id: 1, session_id: 1, session_started_at: at, logged_at: at, entry }
    }

    fn set(exercise: &str, load: f64, reps: u16) -> SetEntry {
        SetEntry {
            exercise: exercise.into(),
            kind: SetKind::Working,
            weight: Weight::new(Load::from_f64(load).expect("load"), Unit::Kg),
            reps,
            rir: Rir::whole(0),
            ..Default::default()
        }
    }

    fn abs_and_forearms(sets: Vec<SetEntry>, catalogue: &Catalogue) -> (f64, f64) {
        let logged: Vec<LoggedSet> = sets.into_iter().map(logged).collect();
        let week = weekly_volume(&logged, catalogue, 6);
        let of = |m: Muscle| week.iter().find(|w| w.muscle == m).map_or(0.0, |w| w.effective);
        (of(Muscle::Abs), of(Muscle::Forearms))
    }

    #[test]
    fn holds_carries_and_cardio_never_count_by_default() {
        let catalogue = Catalogue::shipped();
        let sets = vec![
            SetEntry { seconds: Some(60), ..set("Plank", 0.0, 0) },
            SetEntry { seconds: Some(60), ..set("Plank", 20.0, 12) },
            SetEntry { distance: Distance::from_metres(40.0), ..set("Farmer's walk", 32.0, 0) },
            // A carry logged as reps (as a Strong lifter did) is still a carry.
            set("Farmer's walk", 32.0, 20),
            SetEntry { distance: Distance::from_metres(2000.0), seconds: Some(465), ..set("Rowing machine", 0.0, 0) },
        ];
        assert_eq!(abs_and_forearms(sets, &catalogue), (0.0, 0.0));
        // A lift still counts.
        assert_eq!(abs_and_forearms(vec![set("Cable crunch", 40.0, 12)], &catalogue), (1.0, 0.0));
        // And a plan's planks add nothing to the planned dose.
        assert!(planned_volume([("Plank", 3), ("Farmer's walk", 2)], &catalogue).is_empty());
    }

    #[test]
    fn a_carry_counts_when_the_catalogue_says_so() {
        let mut catalogue = Catalogue::shipped();
        let mut walk = catalogue.get("Farmer's walk").expect("walk").clone();
        walk.effective = Some(true);
        catalogue.insert(walk);
        let carry = SetEntry { distance: Distance::from_metres(40.0), ..set("Farmer's walk", 32.0, 0) };
        assert_eq!(abs_and_forearms(vec![carry.clone()], &catalogue), (0.5, 1.0), "forearms fully, abs half");
        // A warm-up carry, or one far from failure, does not.
        let easy = SetEntry { rir: Rir::whole(5), ..carry.clone() };
        let ramp = SetEntry { kind: SetKind::RampUp, ..carry };
        assert_eq!(abs_and_forearms(vec![easy, ramp], &catalogue), (0.0, 0.0));
    }
}

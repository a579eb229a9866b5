//! Deload weeks (METHOD.md section 6): fewer effective sets, or less load, and no failure.

use crate::model::exercise::RirTarget;
use crate::model::plan::PlannedExercise;
use crate::model::session::DeloadStyle;

/// The reps-in-reserve band of a deload week: 3 or more, never failure.
pub const DELOAD_RIR: RirTarget = RirTarget { low: 3, high: 4 };

/// Lightens a day for a deload week. Every exercise keeps 3 or more reps in reserve. A volume
/// deload keeps about half the day's working sets: each exercise's sets are halved (rounding up),
/// then, while the day still has more than half its sets, the last exercises (the accessories)
/// rest. Returns the names of the exercises that rest this time.
pub fn lighten_day(exercises: &mut Vec<PlannedExercise>, style: DeloadStyle) -> Vec<String> {
    for exercise in exercises.iter_mut() {
        exercise.rir =
            RirTarget { low: exercise.rir.low.max(DELOAD_RIR.low), high: exercise.rir.high.max(DELOAD_RIR.high) };
    }
    if style == DeloadStyle::Load {
        return Vec::new();
    }
    let planned: u32 = exercises.iter().map(|e| u32::from(e.sets)).sum();
    let keep = planned.div_ceil(2);
    for exercise in exercises.iter_mut() {
        exercise.sets = exercise.sets.div_ceil(2);
    }
    let mut rested = Vec::new();
    while exercises.len() > 1 && exercises.iter().map(|e| u32::from(e.sets)).sum::<u32>() > keep {
        if let Some(last) = exercises.pop() {
            rested.insert(0, last.name);
        }
    }
    rested
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::exercise::Catalogue;
    use crate::model::plan::Plan;

    fn day(index: usize) -> Vec<PlannedExercise> {
        Plan::example_week(&Catalogue::shipped()).expect("parses").days[index].exercises.clone()
    }

    #[test]
    fn a_volume_deload_keeps_about_half_the_sets_and_rests_the_accessories() {
        // Day 1: four exercises of one set each: two stay, the two accessories rest.
        let mut exercises = day(0);
        let rested = lighten_day(&mut exercises, DeloadStyle::Volume);
        assert_eq!(rested, ["Lateral raise", "Cable triceps pushdown"]);
        assert_eq!(exercises.iter().map(|e| e.sets).sum::<u8>(), 2);
        // Day 3: two exercises of two sets: one set each.
        let mut exercises = day(2);
        assert!(lighten_day(&mut exercises, DeloadStyle::Volume).is_empty());
        assert!(exercises.iter().all(|e| e.sets == 1));
    }

    #[test]
    fn every_deload_keeps_three_or_more_in_reserve() {
        for style in [DeloadStyle::Volume, DeloadStyle::Load] {
            let mut exercises = day(0);
            lighten_day(&mut exercises, style);
            assert!(exercises.iter().all(|e| e.rir.low >= 3 && e.rir.high >= e.rir.low));
        }
        let mut exercises = day(0);
        assert!(lighten_day(&mut exercises, DeloadStyle::Load).is_empty());
        assert_eq!(exercises.len(), 4, "a load deload keeps every set");
    }
}

//! Another app's sets of a bodyweight exercise: Strong, Hevy and FitNotes write a chin-up as a
//! weight of 0 (or empty) and a weighted one as the belt's weight, so a catalogue exercise done
//! on body weight comes in as `BW` and `BW+load` rather than "0 kg". An assisted exercise's
//! weight is its assistance (`BW-load`), and so is a negative weight on any exercise.
//! hardset's own files say their basis and are left as they are, so an export imports back to
//! the same file.

use crate::model::exercise::{Catalogue, Equipment};
use crate::model::session::{Basis, SessionRecord, SetEntry};

/// A row's negative weight is an assistance: its set is assisted (`BW-20` for -20), whatever
/// the exercise, as Strong and Hevy write an assistance and as hardset's layouts of theirs write
/// one back. The load was already read as the weight's size.
pub(super) fn assistance(weight: Option<f64>, entry: &mut SetEntry) {
    if weight.is_some_and(|w| w < 0.0) && entry.weight.load.hundredths() > 0 {
        entry.basis = Basis::Assisted;
    }
}

/// Gives the sets of `record` (their exercises already named as the catalogue names them) on a
/// bodyweight exercise their basis.
pub(super) fn on_body_weight(record: &mut SessionRecord, catalogue: &Catalogue) {
    for (entry, _) in &mut record.sets {
        if entry.basis != Basis::Load || entry.timed_or_distance() {
            continue;
        }
        let Some(known) = catalogue.get(&entry.exercise).filter(|e| e.equipment == Equipment::Bodyweight) else {
            continue;
        };
        let assisted = known.name.starts_with("Assisted") && entry.weight.load.hundredths() > 0;
        entry.basis = if assisted { Basis::Assisted } else { Basis::BodyPlus };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::SetEntry;
    use crate::model::units::{Load, Unit, Weight};

    fn set(exercise: &str, hundredths: i64) -> SetEntry {
        SetEntry {
            exercise: exercise.into(),
            weight: Weight::new(Load::from_hundredths(hundredths), Unit::Kg),
            reps: 8,
            ..Default::default()
        }
    }

    #[test]
    fn a_foreign_chin_up_comes_in_on_body_weight() {
        let mut record = SessionRecord {
            started_at: chrono::DateTime::default(),
            ended_at: None,
            day_name: "Pull".into(),
            day_index: None,
            sets: [set("Chin-up", 0), set("Chin-up", 1000), set("Assisted pull-up", 2000), set("Lat pulldown", 6000)]
                .into_iter()
                .map(|e| (e, chrono::DateTime::default()))
                .collect(),
            readiness: None,
            note: String::new(),
        };
        on_body_weight(&mut record, &Catalogue::shipped());
        let shown: Vec<String> = record.sets.iter().map(|(e, _)| e.summary()).collect();
        assert_eq!(shown, ["BW x 8", "BW+10 kg x 8", "BW-20 kg x 8", "60 kg x 8"]);
    }

    #[test]
    fn a_negative_weight_is_an_assistance_and_the_bodyweight_mapping_leaves_it_so() {
        let mut record = SessionRecord {
            started_at: chrono::DateTime::default(),
            ended_at: None,
            day_name: "Pull".into(),
            day_index: None,
            sets: Vec::new(),
            readiness: None,
            note: String::new(),
        };
        // The readers keep the weight's size as the load; the sign says it was an assistance.
        for (exercise, weight) in [("Chin-up", -20.0_f64), ("Assisted pull-up", -15.0), ("Lat pulldown", -10.0)] {
            let mut entry = set(exercise, (weight.abs() * 100.0) as i64);
            assistance(Some(weight), &mut entry);
            record.sets.push((entry, chrono::DateTime::default()));
        }
        // A 0 (or -0) and a positive weight say nothing of the kind.
        for weight in [Some(-0.0), Some(0.0), Some(10.0), None] {
            let mut entry = set("Chin-up", (weight.unwrap_or(0.0_f64).abs() * 100.0) as i64);
            assistance(weight, &mut entry);
            assert_eq!(entry.basis, Basis::Load, "{weight:?}");
        }
        on_body_weight(&mut record, &Catalogue::shipped());
        let shown: Vec<String> = record.sets.iter().map(|(e, _)| e.summary()).collect();
        assert_eq!(shown, ["BW-20 kg x 8", "BW-15 kg x 8", "BW-10 kg x 8"]);
    }
}

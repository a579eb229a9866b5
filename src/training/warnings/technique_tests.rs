//! The failure rules and volume as they read technique sets and left and right pairs
//! (training/techniques.rs), tested beside the rules that count them so the modules import one way.

use crate::model::exercise::Catalogue;
use crate::model::session::{LoggedSet, Side, Technique};
use crate::model::units::Rir;
use crate::training::techniques::{one_per_pair, read_as_failure, second_of_pair, weaker_side};
use crate::training::{volume, warnings};

use crate::training::techniques::tests::{PRESS, set, side, technique};

#[test]
fn a_set_carried_on_past_failure_reads_as_failure_for_the_failure_rules_only() {
    let sets = [set(1, PRESS, 80.0, 8, Some(2)), technique(2, PRESS, Technique::RestPause, 80.0, 3)];
    let read = read_as_failure(&sets);
    assert_eq!(read[0].entry.rir, Rir::whole(0), "a rest-pause took the set to failure");
    assert!(warnings::to_failure(&read[0].entry));
    assert!(!warnings::to_failure(&read[1].entry), "the rest-pause is no set to failure of its own");
    assert_eq!(sets[0].entry.rir, Rir::whole(2), "the logged set is unchanged");
    // A working set not followed by a technique keeps its RIR.
    let plain = [set(1, PRESS, 80.0, 8, Some(2)), set(2, PRESS, 80.0, 7, Some(2))];
    assert_eq!(read_as_failure(&plain)[0].entry.rir, Rir::whole(2));
}

#[test]
fn volume_counts_the_hard_set_once_and_never_its_technique_sets() {
    let catalogue = Catalogue::shipped();
    let chest = |sets: &[LoggedSet]| {
        volume::weekly_volume(sets, &catalogue, 6)
            .into_iter()
            .find(|w| w.muscle == crate::model::exercise::Muscle::Chest)
            .map_or(0.0, |w| w.effective)
    };
    let sets = [
        set(1, PRESS, 80.0, 8, Some(0)),
        technique(2, PRESS, Technique::Drop, 60.0, 6),
        technique(3, PRESS, Technique::Drop, 45.0, 5),
        technique(4, PRESS, Technique::MyoReps, 45.0, 4),
    ];
    assert!((chest(&sets) - 1.0).abs() < 1e-9, "one hard set extended, not four sets");
    // Carried on past failure, a set logged at RIR 4 is a hard set.
    let far = [set(1, PRESS, 80.0, 8, Some(4)), technique(2, PRESS, Technique::Drop, 60.0, 6)];
    assert!((chest(&far) - 1.0).abs() < 1e-9);
    assert!((chest(&far[..1]) - 0.0).abs() < 1e-9, "alone, RIR 4 is not effective");
}

#[test]
fn a_left_and_right_pair_is_one_set_for_volume() {
    let catalogue = Catalogue::shipped();
    let row = "One-arm dumbbell row";
    let lats = |sets: &[LoggedSet]| {
        volume::weekly_volume(sets, &catalogue, 6)
            .into_iter()
            .find(|w| w.muscle == crate::model::exercise::Muscle::Lats)
            .map_or(0.0, |w| w.effective)
    };
    let pair = [side(1, row, Side::Left, 32.0, 9, 1), side(2, row, Side::Right, 32.0, 8, 0)];
    assert!(second_of_pair(&pair, 1));
    assert!((lats(&pair) - 1.0).abs() < 1e-9, "left and right are one set");
    let two_pairs =
        [pair[0].clone(), pair[1].clone(), side(3, row, Side::Left, 32.0, 8, 1), side(4, row, Side::Right, 32.0, 8, 1)];
    assert!((lats(&two_pairs) - 2.0).abs() < 1e-9);
    let each = [side(1, row, Side::Each, 32.0, 9, 1)];
    assert!((lats(&each) - 1.0).abs() < 1e-9, "each side is one set");
    // A right side alone (its left not logged) still counts: nothing logged is lost.
    assert!((lats(&pair[1..]) - 1.0).abs() < 1e-9);
    assert_eq!(weaker_side(&pair[0].entry, &pair[1].entry), &pair[1].entry, "8 reps at RIR 0 is the weaker side");
}

#[test]
fn a_technique_on_a_technical_lift_or_in_a_deload_week_is_questioned() {
    use crate::model::exercise::FailureClass;
    let drop = technique(2, "Barbell bench press", Technique::Drop, 60.0, 6).entry;
    assert_eq!(
        warnings::failure_concern(&drop, FailureClass::Technical, false),
        Some(warnings::FailureConcern::TechnicalLift)
    );
    assert_eq!(warnings::failure_concern(&drop, FailureClass::Safe, true), Some(warnings::FailureConcern::DeloadWeek));
    assert_eq!(warnings::failure_concern(&drop, FailureClass::Safe, false), None, "on a machine it is the method");
    // The working set carried on by it is a technical lift taken to failure.
    let sets = read_as_failure(&[
        set(1, "Barbell bench press", 80.0, 8, Some(2)),
        technique(2, "Barbell bench press", Technique::Drop, 60.0, 6),
    ]);
    let found = warnings::technical_failure(&sets, |_| FailureClass::Technical);
    assert_eq!(found.len(), 1);
    assert!(found[0].text.contains("a set to failure"), "{}", found[0].text);
}

#[test]
fn a_pair_is_one_set_for_the_failure_budget_as_hard_as_its_harder_side() {
    let row = "One-arm dumbbell row";
    let sets = [
        side(1, row, Side::Left, 20.0, 10, 1),
        side(2, row, Side::Right, 20.0, 8, 0),
        side(3, row, Side::Left, 20.0, 9, 0),
        side(4, row, Side::Right, 20.0, 7, 0),
    ];
    let one = one_per_pair(&sets);
    assert_eq!(one.len(), 2);
    assert_eq!(one[0].entry.rir, Rir::whole(0), "the right side went to failure, so the pair did");
    let targets = warnings::own_targets(&one, |_| None);
    assert!(warnings::failure_budget(&one, &targets).is_empty(), "two sets to failure, not four");
    let targets = warnings::own_targets(&sets, |_| None);
    assert!(!warnings::failure_budget(&sets, &targets).is_empty(), "counted side by side it would be four");
}

//! Fixtures here are shared with the failure rules' tests (`warnings/technique_tests.rs`).

use super::*;
use crate::model::session::SetKind;
use crate::model::units::{Unit, Weight};
use crate::training::records;

pub(crate) fn kg(value: f64) -> Weight {
    Weight::new(Load::from_f64(value).expect("a load"), Unit::Kg)
}

pub(crate) fn set(id: i64, exercise: &str, load: f64, reps: u16, rir: Option<u8>) -> LoggedSet {
    let mut set = LoggedSet::sample(1, exercise, SetKind::Working, kg(load), reps, rir.and_then(Rir::whole));
    set.id = id;
    set.logged_at = chrono::DateTime::from_timestamp(1_700_000_000 + id * 60, 0).expect("a time");
    set
}

pub(crate) fn technique(id: i64, exercise: &str, technique: Technique, load: f64, reps: u16) -> LoggedSet {
    let mut set = set(id, exercise, load, reps, Some(0));
    set.entry.technique = Some(technique);
    set
}

pub(crate) fn side(id: i64, exercise: &str, side: Side, load: f64, reps: u16, rir: u8) -> LoggedSet {
    let mut set = set(id, exercise, load, reps, Some(rir));
    set.entry.side = Some(side);
    set
}

pub(crate) const PRESS: &str = "Machine chest press";

#[test]
fn a_technique_set_carries_on_the_last_working_set_of_its_exercise_and_session() {
    let sets = [
        set(1, PRESS, 80.0, 8, Some(1)),
        set(2, "Lat pulldown", 60.0, 10, Some(1)),
        technique(3, PRESS, Technique::Drop, 60.0, 6),
        technique(4, PRESS, Technique::Drop, 45.0, 5),
    ];
    assert_eq!(parent_of(&sets, 2), Some(0), "another exercise between does not break the link");
    assert_eq!(parent_of(&sets, 3), Some(0), "a second drop carries on the same working set");
    assert_eq!(parent_of(&sets, 1), None, "a working set carries on nothing");
    let mut other_session = technique(5, "Lat pulldown", Technique::RestPause, 60.0, 3);
    other_session.session_id = 2;
    let sets = [set(1, "Lat pulldown", 60.0, 10, Some(1)), other_session];
    assert_eq!(parent_of(&sets, 1), None, "never across sessions");
}

#[test]
fn a_technique_set_is_never_a_record_an_e1rm_or_a_point_of_the_trend() {
    let formula = crate::training::e1rm::Formula::Epley;
    // A rest-pause of 12 reps at the working load would beat the working set's e1RM and reps.
    let sets = [set(1, PRESS, 80.0, 8, Some(0)), technique(2, PRESS, Technique::RestPause, 80.0, 12)];
    let held = records::records(&sets, formula, Unit::Kg, &[], |_| chrono::NaiveDate::default());
    assert!(held.holds(&sets[0]));
    assert!(!held.holds(&sets[1]), "the rest-pause holds no record");
    let before = [set(0, PRESS, 70.0, 8, Some(0)).entry];
    let new = records::new_records_over(&before, &[], &sets, formula);
    assert_eq!(new, [1], "the working set was a record when lifted, the rest-pause never");
    let points = records::weekly_points(&sets, formula, Unit::Kg, &[], |_| chrono::NaiveDate::default());
    assert_eq!(points.len(), 1);
    assert_eq!(points[0].working_sets, 1, "the week holds one working set");
}

#[test]
fn the_drop_load_is_a_fifth_lighter_at_least_on_a_weight_that_loads() {
    let stack = Loadable::multiples(Load::from_f64(5.0).expect("5"), Load::from_f64(5.0).expect("5"));
    let load = |v: f64| Load::from_f64(v).expect("a load");
    assert_eq!(technique_load(Technique::Drop, load(80.0), &stack), load(60.0));
    assert_eq!(technique_load(Technique::Drop, load(100.0), &stack), load(80.0));
    assert_eq!(technique_load(Technique::Drop, load(10.0), &stack), load(5.0), "one step when a fifth is less");
    assert_eq!(technique_load(Technique::Drop, load(5.0), &stack), load(5.0), "nothing lighter loads");
    assert_eq!(technique_load(Technique::RestPause, load(80.0), &stack), load(80.0));
    assert_eq!(technique_load(Technique::MyoReps, load(80.0), &stack), load(80.0));
}

#[test]
fn sets_shown_under_their_set_read_as_one_row() {
    let sets = [
        set(1, PRESS, 80.0, 8, Some(0)),
        technique(2, PRESS, Technique::Drop, 60.0, 6),
        set(3, PRESS, 80.0, 7, Some(0)),
    ];
    let rows = with_their_sets(&sets);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].1.len(), 1);
    assert_eq!(under_text(&rows[0].1[0].entry, Effort::Rir), "↳ drop 60 kg x 6 @ 0");
    // Newest first, the drop set still comes right after its working set.
    let newest_first: Vec<LoggedSet> = sets.iter().rev().cloned().collect();
    let ids: Vec<i64> = under_their_sets_newest_first(&newest_first).iter().map(|s| s.id).collect();
    assert_eq!(ids, [3, 1, 2]);
    // A drop set with nothing before it stands alone rather than vanish.
    let orphan = [technique(1, PRESS, Technique::Drop, 60.0, 6)];
    assert_eq!(with_their_sets(&orphan).len(), 1);
}

#[test]
fn progression_reads_a_pair_at_its_weaker_side() {
    let row = "One-arm dumbbell row";
    let sets = [
        side(1, row, Side::Left, 20.0, 10, 1),
        side(2, row, Side::Right, 20.0, 8, 1),
        side(3, row, Side::Each, 20.0, 9, 1),
    ];
    let read = weaker_of_pairs(&sets);
    assert_eq!(read.len(), 2, "the pair is one set");
    assert_eq!(read[0].summary(), "20 kg x 8 (right) @ 1", "the right side limits what both sides can do");
    assert_eq!(read[1].summary(), "20 kg x 9 each side @ 1");
    // A lighter side is the weaker whatever its reps.
    let lighter = [side(1, row, Side::Left, 18.0, 12, 0), side(2, row, Side::Right, 20.0, 8, 0)];
    assert_eq!(weaker_of_pairs(&lighter)[0].weight, kg(18.0));
}

#[test]
fn a_pair_split_by_another_exercise_in_a_superset_pairs_with_its_own_left_side() {
    let row = "One-arm dumbbell row";
    let sets =
        [side(1, row, Side::Left, 30.0, 10, 2), set(2, PRESS, 80.0, 8, Some(3)), side(3, row, Side::Right, 27.5, 8, 0)];
    assert!(second_of_pair(&sets, 2));
    let pairs = one_per_pair(&sets);
    // Two sets: the press keeps its own RIR 3, the row's left stands for the pair at RIR 0.
    let read: Vec<(&str, Option<u8>)> =
        pairs.iter().map(|s| (s.entry.exercise.as_str(), s.entry.rir.map(Rir::halves))).collect();
    assert_eq!(read, [(row, Some(0)), (PRESS, Some(6))]);
    let weaker = weaker_of_pairs(&sets);
    assert_eq!(weaker.len(), 2);
    assert_eq!((weaker[0].exercise.as_str(), weaker[0].reps), (row, 8), "the row's weaker side");
    assert_eq!((weaker[1].exercise.as_str(), weaker[1].reps), (PRESS, 8), "the press as it was");
}

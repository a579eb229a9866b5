//! How a set reads across the app: a set with reps and a time or distance (an import's weighted
//! row with a duration) reads as a lifter says it, and a rep set with no load never reads `0 kg`.

use super::{Basis, SetEntry, Side, Technique};
use crate::model::units::{Distance, Effort, Load, Rir, Unit, Weight};

fn set(load: f64, reps: u16) -> SetEntry {
    SetEntry {
        exercise: "Burpee".into(),
        weight: Weight::new(Load::from_f64(load).expect("a load"), Unit::Kg),
        reps,
        ..Default::default()
    }
}

#[test]
fn reps_in_a_time_read_as_reps_in_that_time() {
    assert_eq!(SetEntry { seconds: Some(45), ..set(0.0, 12) }.summary(), "12 reps in 45 s");
    assert_eq!(SetEntry { seconds: Some(45), ..set(20.0, 12) }.summary(), "20 kg x 12 in 45 s");
    assert_eq!(SetEntry { seconds: Some(90), ..set(0.0, 1) }.summary(), "1 rep in 1:30");
    let bw = SetEntry { seconds: Some(40), basis: Basis::BodyPlus, ..set(10.0, 8) };
    assert_eq!(bw.summary(), "BW+10 kg x 8 in 40 s");
    let rir = SetEntry { seconds: Some(45), rir: Rir::whole(2), ..set(0.0, 12) };
    assert_eq!(rir.summary(), "12 reps in 45 s @ 2");
    assert_eq!(rir.summary_in(Effort::Rpe), "12 reps in 45 s @ 8");
}

#[test]
fn reps_over_a_distance_name_both() {
    let metres = Distance::from_metres;
    assert_eq!(SetEntry { distance: metres(40.0), ..set(0.0, 10) }.summary(), "10 reps, 40 m");
    assert_eq!(
        SetEntry { distance: metres(40.0), seconds: Some(35), ..set(20.0, 10) }.summary(),
        "20 kg x 10, 40 m in 35 s"
    );
}

#[test]
fn an_unloaded_rep_set_never_reads_zero_kg() {
    for entry in [
        set(0.0, 12),
        SetEntry { seconds: Some(45), ..set(0.0, 12) },
        SetEntry { side: Some(Side::Each), ..set(0.0, 12) },
        SetEntry { technique: Some(Technique::RestPause), ..set(0.0, 5) },
    ] {
        let text = entry.summary();
        assert!(!text.contains("0 kg"), "{text}");
        assert!(text.starts_with("12 reps") || text.starts_with("5 reps"), "{text}");
    }
    assert_eq!(set(0.0, 12).summary(), "12 reps");
    assert_eq!(SetEntry { side: Some(Side::Each), ..set(0.0, 12) }.summary(), "12 reps each side");
}

#[test]
fn plain_sets_holds_and_misses_read_as_before() {
    assert_eq!(SetEntry { rir: Rir::whole(1), ..set(80.0, 8) }.summary(), "80 kg x 8 @ 1");
    assert_eq!(SetEntry { basis: Basis::BodyPlus, ..set(0.0, 8) }.summary(), "BW x 8");
    assert_eq!(SetEntry { basis: Basis::Assisted, ..set(20.0, 10) }.summary(), "BW-20 kg x 10");
    assert_eq!(set(100.0, 0).summary(), "100 kg x 0 (missed)");
    assert_eq!(SetEntry { seconds: Some(60), ..set(0.0, 0) }.summary(), "1:00");
    assert_eq!(SetEntry { seconds: Some(45), ..set(10.0, 0) }.summary(), "45 s at 10 kg");
    let carry = SetEntry { distance: Distance::from_metres(40.0), seconds: Some(35), ..set(32.0, 0) };
    assert_eq!(carry.summary(), "40 m in 35 s at 32 kg");
}

use super::*;
use crate::model::exercise::Catalogue;
use crate::model::plan::RepRange;
use crate::model::session::SetKind;
use crate::model::units::Rir;

/// An exercise of the catalogue with a rep range, no ramp-ups; its RIR target is its class's.
fn planned(name: &str, low: u16, high: u16) -> PlannedExercise {
    let exercise = Catalogue::shipped().get(name).cloned().expect("in catalogue");
    PlannedExercise { reps: RepRange { low, high }, ramp_up: false, ..PlannedExercise::ad_hoc(&exercise) }
}

fn chin_ups() -> PlannedExercise {
    planned("Chin-up", 6, 10)
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn kg(load: f64) -> Weight {
    Weight::new(Load::from_f64(load).expect("load"), Unit::Kg)
}

/// A working set on body weight: `added` kg of belt (below 0: assistance).
fn bw(added: f64, reps: u16, rir: Option<u8>) -> SetEntry {
    let (basis, load) = from_signed_hundredths((added * 100.0).round() as i64);
    SetEntry {
        exercise: "Chin-up".into(),
        kind: SetKind::Working,
        weight: Weight::new(load, Unit::Kg),
        basis,
        reps,
        rir: rir.and_then(Rir::whole),
        ..Default::default()
    }
}

fn log(readings: &[(&str, f64)]) -> BodyWeights {
    BodyWeights::new(readings.iter().map(|(d, w)| (day(d), kg(*w))).collect())
}

/// The target after `top` on `last`, today being `today`, with this body weight log.
fn aim(p: &PlannedExercise, top: SetEntry, last: &str, today: &str, body: &BodyWeights) -> Target {
    let sets = [top];
    let history = History { last: &sets, last_date: Some(day(last)), before: None, missed: None };
    bodyweight_target(p, &history, day(today), |u| p.load_step.in_unit(u), body, Unit::Kg, &Rules::default())
}

fn shown(t: &Target) -> (String, String) {
    (t.load_text(), t.reps_text())
}

#[test]
fn top_of_the_range_adds_a_step_to_the_belt() {
    let body = log(&[("2026-03-01", 80.0)]);
    let t = aim(&chin_ups(), bw(10.0, 10, Some(1)), "2026-03-02", "2026-03-05", &body);
    assert_eq!(shown(&t), ("BW+12.5 kg".into(), "6+".into()));
    assert_eq!(t.basis, Basis::BodyPlus);
    assert_eq!(
        t.reason,
        "last time BW+10 kg x 10 @ 1: top of 6-10 with solid form, so a step up (add 2.5 kg to the belt): BW+12.5 kg, 6+ reps, stop with 0-1 in reserve"
    );
}

#[test]
fn the_whole_load_sizes_the_step() {
    // BW+0 x 14 @ 1 at 80 kg: 15 to failure, e1RM 120. 82.5: 13 to failure, 12 at RIR 1;
    // 85: 12, 11; 87.5: 11, 10 (still the top); 90: 10, 9, back inside: 4 steps, the most.
    let body = log(&[("2026-03-01", 80.0)]);
    let t = aim(&chin_ups(), bw(0.0, 14, Some(1)), "2026-03-02", "2026-03-05", &body);
    assert_eq!(shown(&t), ("BW+10 kg".into(), "6+".into()));
    assert!(t.reason.contains("(add 10 kg to the belt)"), "{}", t.reason);
}

#[test]
fn assistance_comes_off_and_never_goes_negative() {
    let body = log(&[("2026-03-01", 80.0)]);
    let assisted = planned("Assisted pull-up", 6, 10);
    let t = aim(&assisted, bw(-20.0, 10, Some(1)), "2026-03-02", "2026-03-05", &body);
    assert_eq!(shown(&t), ("BW-15 kg".into(), "6+".into()), "{}", t.reason);
    assert!(t.reason.contains("(reduce assistance by 5 kg)"), "{}", t.reason);
    // At the last of the assistance, the step goes to the body alone, not to -5 of assistance.
    let t = aim(&assisted, bw(-5.0, 10, Some(1)), "2026-03-02", "2026-03-05", &body);
    assert_eq!(t.load_text(), "BW");
    assert_eq!(t.basis, Basis::BodyPlus);
    // At no assistance, the top of the range puts a belt on.
    let t = aim(&assisted, bw(0.0, 10, Some(1)), "2026-03-02", "2026-03-05", &body);
    assert_eq!(t.load_text(), "BW+5 kg");
    // Under the range, more assistance.
    let t = aim(&assisted, bw(-20.0, 3, Some(0)), "2026-03-02", "2026-03-05", &body);
    assert!(t.basis == Basis::Assisted && t.weight.is_some_and(|w| w.load.hundredths() > 2000), "{t:?}");
    assert!(t.reason.contains("of assistance"), "{}", t.reason);
}

#[test]
fn no_body_weight_works_in_reps_and_says_how_to_log_one() {
    let none = BodyWeights::default();
    let t = aim(&chin_ups(), bw(10.0, 8, Some(1)), "2026-03-02", "2026-03-05", &none);
    assert_eq!(shown(&t), ("BW+10 kg".into(), "9".into()));
    assert!(
        t.reason.ends_with("; log your body weight (hardset bodyweight 82.5) to size the steps to your strength"),
        "{}",
        t.reason
    );
    let t = aim(&chin_ups(), bw(0.0, 10, Some(1)), "2026-03-02", "2026-03-05", &none);
    assert_eq!(shown(&t), ("BW+2.5 kg".into(), "6+".into()));
    let t = aim(&chin_ups(), bw(0.0, 4, Some(0)), "2026-03-02", "2026-03-05", &none);
    assert_eq!(shown(&t), ("BW-2.5 kg".into(), "6+".into()));
    // A body weight in another unit weighs nothing: nothing is converted.
    let pounds = BodyWeights::new(vec![(day("2026-03-01"), Weight::new(Load::from_hundredths(18_000), Unit::Lb))]);
    let t = aim(&chin_ups(), bw(10.0, 8, Some(1)), "2026-03-02", "2026-03-05", &pounds);
    assert!(t.reason.contains("hardset bodyweight 82.5"), "{}", t.reason);
}

#[test]
fn a_first_time_starts_at_the_body_alone() {
    let history = History::default();
    let p = chin_ups();
    let t = bodyweight_target(
        &p,
        &history,
        day("2026-03-05"),
        |u| p.load_step.in_unit(u),
        &BodyWeights::default(),
        Unit::Kg,
        &Rules::default(),
    );
    assert_eq!((t.load_text(), t.basis), ("BW".into(), Basis::BodyPlus));
    assert!(t.reason.starts_with("first time:"), "{}", t.reason);
}

#[test]
fn a_layoff_cuts_the_whole_load_at_todays_body_weight() {
    // BW+20 x 8 @ 1 at 80 kg (100 kg in all), 10 weeks ago; since then 90 kg of body. The cut is
    // 10% of the whole load (90 kg), at today's body: BW+0, not the old belt on a heavier body.
    let body = log(&[("2026-01-01", 80.0), ("2026-03-10", 90.0)]);
    let t = aim(&chin_ups(), bw(20.0, 8, Some(1)), "2026-01-05", "2026-03-16", &body);
    assert_eq!(shown(&t), ("BW".into(), "6".into()));
    assert_eq!(t.layoff.map(|l| l.cut_percent), Some(10));
    assert!(t.reason.contains("(take 20 kg off the belt)"), "{}", t.reason);
    assert!(t.rir.low >= 2, "a comeback stops 2-3 short");
    // Without a body weight the layoff still holds the load or takes a step off.
    let t = aim(&chin_ups(), bw(20.0, 8, Some(1)), "2026-01-05", "2026-03-16", &BodyWeights::default());
    assert_eq!(shown(&t), ("BW+17.5 kg".into(), "6".into()));
    assert!(t.layoff.is_some());
}

#[test]
fn form_broken_twice_at_a_belt_takes_a_step_off() {
    let body = log(&[("2026-03-01", 80.0)]);
    let p = chin_ups();
    let top = SetEntry { form_broke: true, ..bw(10.0, 7, Some(1)) };
    let before = top.clone();
    let sets = [top];
    let history = History { last: &sets, last_date: Some(day("2026-03-02")), before: Some(&before), missed: None };
    let t = bodyweight_target(
        &p,
        &history,
        day("2026-03-05"),
        |u| p.load_step.in_unit(u),
        &body,
        Unit::Kg,
        &Rules::default(),
    );
    assert_eq!(shown(&t), ("BW+7.5 kg".into(), "7".into()));
    assert!(t.reason.contains("form broke at BW+10 kg two sessions running"), "{}", t.reason);
}

#[test]
fn a_deload_is_lighter_than_last_time() {
    let body = log(&[("2026-03-01", 80.0)]);
    let p = chin_ups();
    let step = |u| p.load_step.in_unit(u);
    let t = bodyweight_deload(
        &p,
        &[bw(10.0, 8, Some(1))],
        DeloadStyle::Volume,
        step,
        &body,
        day("2026-03-05"),
        &Rules::default(),
    );
    let signed = t.weight.map(|w| signed_hundredths(t.basis, w.load)).expect("a load");
    assert!(signed < 1000, "{t:?}");
    assert!(t.rir.low >= 3);
    let t = bodyweight_deload(
        &p,
        &[bw(10.0, 8, Some(1))],
        DeloadStyle::Volume,
        step,
        &BodyWeights::default(),
        day("2026-03-05"),
        &Rules::default(),
    );
    assert_eq!(shown(&t), ("BW+7.5 kg".into(), "6".into()));
}

/// The target on 6 Mar from `history`.
fn aim_on(p: &PlannedExercise, history: &History<'_>, body: &BodyWeights) -> Target {
    bodyweight_target(p, history, day("2026-03-06"), |u| p.load_step.in_unit(u), body, Unit::Kg, &Rules::default())
}

/// The target after `top`, with `missed` (an added load, below 0 an assistance) missed since.
fn aim_after_miss(p: &PlannedExercise, top: SetEntry, missed: f64, body: &BodyWeights) -> Target {
    let sets = [top];
    let miss = bw(missed, 0, None);
    let missed = Some(Miss { weight: miss.weight, basis: miss.basis, date: day("2026-03-04") });
    let history = History { last: &sets, last_date: Some(day("2026-03-02")), before: None, missed };
    aim_on(p, &history, body)
}

#[test]
fn a_belt_or_an_assistance_missed_since_is_never_the_target() {
    for body in [log(&[("2026-03-01", 80.0)]), log(&[])] {
        // BW+10 x 10 earns a heavier belt; BW+12.5 was missed since: a step under it, which is
        // last time's belt, so last time's reps again.
        let t = aim_after_miss(&chin_ups(), bw(10.0, 10, Some(1)), 12.5, &body);
        assert_eq!(shown(&t), ("BW+10 kg".into(), "10".into()), "{}", t.reason);
        assert!(t.reason.contains("BW+12.5 kg was missed on 4 Mar, so under it"), "{}", t.reason);
        // A miss two steps up from last time: one step up, from the bottom of the range.
        let t = aim_after_miss(&chin_ups(), bw(7.5, 10, Some(1)), 12.5, &body);
        assert!(t.load_text() != "BW+12.5 kg", "{}", t.reason);
        // Logged as a plain 12.5 kg by an older log: a belt all the same.
        let sets = [bw(10.0, 10, Some(1))];
        let missed = Some(Miss { weight: kg(12.5), basis: Basis::Load, date: day("2026-03-04") });
        let history = History { last: &sets, last_date: Some(day("2026-03-02")), before: None, missed };
        let p = chin_ups();
        let t = aim_on(&p, &history, &body);
        assert_eq!(t.load_text(), "BW+10 kg", "{}", t.reason);
        // In pounds, not compared with a belt in kilograms.
        let missed = Some(Miss {
            weight: Weight::new(Load::from_f64(5.0).expect("load"), Unit::Lb),
            basis: Basis::BodyPlus,
            date: day("2026-03-04"),
        });
        let history = History { missed, ..history };
        let t = aim_on(&p, &history, &body);
        assert_eq!(t.load_text(), "BW+12.5 kg", "{}", t.reason);
        // A miss heavier than the target leaves it alone.
        let t = aim_after_miss(&chin_ups(), bw(10.0, 10, Some(1)), 20.0, &body);
        assert_eq!(t.load_text(), "BW+12.5 kg", "{}", t.reason);
        // Assisted: BW-20 x 10 earns less assistance; BW-17.5 was missed: more than that.
        let assisted = planned("Assisted pull-up", 6, 10);
        let t = aim_after_miss(&assisted, bw(-20.0, 10, Some(1)), -17.5, &body);
        assert!(t.basis == Basis::Assisted, "{}", t.reason);
        let step = assisted.load_step.in_unit(Unit::Kg).hundredths();
        assert_eq!(t.weight.map(|w| w.load.hundredths()), Some(1750 + step), "{}", t.reason);
        assert!(t.reason.contains("BW-17.5 kg was missed"), "{}", t.reason);
    }
    // Not one clean chin-up (BW x 0): assistance, never BW again.
    let t = aim_after_miss(&chin_ups(), bw(0.0, 6, Some(0)), 0.0, &log(&[("2026-03-01", 80.0)]));
    assert_eq!(t.basis, Basis::Assisted, "{}", t.reason);
}

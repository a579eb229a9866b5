use super::*;
use crate::model::exercise::Catalogue;
use crate::model::plan::RepRange;
use crate::model::session::SetKind;
use crate::training::ramp::{Gear, loadable_for};

/// An exercise of the catalogue with a rep range, no ramp-ups; its RIR target is its class's.
fn planned(name: &str, low: u16, high: u16) -> PlannedExercise {
    let exercise = Catalogue::shipped().get(name).cloned().expect("in catalogue");
    PlannedExercise { reps: RepRange { low, high }, ramp_up: false, ..PlannedExercise::ad_hoc(&exercise) }
}

fn bench() -> PlannedExercise {
    planned("Barbell bench press", 6, 10)
}

fn set(load: f64, reps: u16, rir: Option<f64>, form_broke: bool) -> SetEntry {
    SetEntry {
        exercise: "any".into(),
        kind: SetKind::Working,
        weight: Weight::new(Load::from_f64(load).expect("valid"), Unit::Kg),
        reps,
        rir: rir.and_then(|r| Rir::from_halves((r * 2.0) as u8)),
        form_broke,
        note: String::new(),
        ..Default::default()
    }
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// The target after `sets` (trained on `last`, the session before's main set `before`),
/// today being `today`, with the default gear and rules (Epley).
fn aim(p: &PlannedExercise, sets: &[SetEntry], before: Option<&SetEntry>, last: &str, today: &str) -> Target {
    let history = History { last: sets, last_date: Some(day(last)), before, missed: None };
    let loadable = |unit| loadable_for(p.equipment, &Gear::standard(), p.load_step, unit);
    target(p, &history, day(today), loadable, &Rules::default())
}

fn next(p: &PlannedExercise, top: SetEntry) -> Target {
    aim(p, &[top], None, "2025-03-03", "2025-03-06")
}

fn load_reps(t: &Target) -> (String, String) {
    (t.weight.map_or("-".into(), |w| w.to_string()), t.reps_text())
}

#[test]
fn top_of_range_with_solid_form_adds_the_smallest_step() {
    // Epley: 80 kg x 10 @ 1 is 11 to failure, e1RM 109.3. At 82.5 kg 30 x (109.3/82.5 - 1)
    // = 9.8, so 9 to failure, 7 reps at RIR 2: back under the top in one step.
    let t = next(&bench(), set(80.0, 10, Some(1.0), false));
    assert_eq!(load_reps(&t), ("82.5 kg".into(), "6+".into()));
    assert_eq!(t.rir, RirTarget { low: 1, high: 2 });
    assert_eq!(
        t.reason,
        "last time 80 kg x 10 @ 1: top of 6-10 with solid form, so a step up: 82.5 kg, 6+ reps, stop with 1-2 in reserve"
    );
}

#[test]
fn below_the_top_keeps_the_load_and_adds_a_rep() {
    // 80 x 8 @ 1: 9 to failure, 7 at RIR 2: not far from failure, so one more rep.
    let t = next(&bench(), set(80.0, 8, Some(1.0), false));
    assert_eq!(load_reps(&t), ("80 kg".into(), "9".into()));
    assert!(t.reason.ends_with("same load, one more rep: 80 kg x 9"), "{}", t.reason);
}

#[test]
fn first_time_has_no_load() {
    let t = target(
        &bench(),
        &History::default(),
        day("2025-03-06"),
        |u| loadable_for(bench().equipment, &Gear::standard(), bench().load_step, u),
        &Rules::default(),
    );
    assert_eq!((t.weight, t.reps), (None, 6));
}

// Item 1: layoffs.

#[test]
fn a_layoff_holds_then_takes_load_off_in_proportion_to_the_gap() {
    let squat = planned("Barbell back squat", 6, 10);
    let last = [set(120.0, 9, Some(1.0), false)];
    // 10 days: the usual rules (9 @ 1 -> 10), and last time shows its date.
    let t = aim(&squat, &last, None, "2025-01-10", "2025-01-20");
    assert_eq!(load_reps(&t), ("120 kg".into(), "10".into()));
    assert!(t.reason.starts_with("last time (10 Jan) 120 kg x 9 @ 1:"), "{}", t.reason);
    assert_eq!(t.layoff, None);
    // 28 days (4 weeks): hold the load, bottom of the range.
    let t = aim(&squat, &last, None, "2025-01-10", "2025-02-07");
    assert_eq!(load_reps(&t), ("120 kg".into(), "6".into()));
    assert!(t.reason.contains("last trained 4 weeks ago, so hold the load"), "{}", t.reason);
    assert_eq!(t.layoff, Some(Layoff { days: 28, cut_percent: 0 }));
    // 186 days: 26 weeks x 1% = 26% off 120 = 88.8, rounded down to 87.5 (1.25 kg plates).
    let t = aim(&squat, &last, None, "2025-01-10", "2025-07-15");
    assert_eq!(load_reps(&t), ("87.5 kg".into(), "6".into()));
    assert!(t.reason.contains("last trained 6 months ago, so about 26% lighter"), "{}", t.reason);
    assert_eq!(t.rir, LAYOFF_RIR, "a comeback stops further from failure");
    // 7 months is capped at 30%: 120 x 0.7 = 84, rounded down to 82.5; dated with the year.
    let t = aim(&squat, &last, None, "2024-06-01", "2025-01-05");
    assert_eq!(load_reps(&t), ("82.5 kg".into(), "6".into()));
    assert!(t.reason.starts_with("last time (1 Jun 2024)"), "{}", t.reason);
    assert!(t.reason.contains("last trained 7 months ago"), "{}", t.reason);
}

#[test]
fn a_layoff_never_climbs() {
    // At the top of the range before a month off: no step up, the load holds.
    let t = aim(&bench(), &[set(80.0, 10, Some(1.0), false)], None, "2025-01-01", "2025-02-01");
    assert_eq!(load_reps(&t), ("80 kg".into(), "6".into()));
}

#[test]
fn gaps_read_in_the_lifters_words() {
    assert_eq!(gap_words(9), "9 days ago");
    assert_eq!(gap_words(28), "4 weeks ago");
    assert_eq!(gap_words(213), "7 months ago");
    assert_eq!(gap_words(800), "2 years ago");
    assert_eq!(last_time_date(day("2025-03-01"), day("2025-03-08")), None, "a week old: no date");
    assert_eq!(last_time_date(day("2025-03-01"), day("2025-03-09")), Some("1 Mar".into()));
}

// Item 2: form breaks.

#[test]
fn a_form_break_asks_for_no_more_than_the_clean_reps() {
    let t = next(&bench(), set(70.0, 7, Some(1.0), true));
    assert_eq!(load_reps(&t), ("70 kg".into(), "7".into()));
    assert_eq!(
        t.reason,
        "last time 70 kg x 7 @ 1 (form broke): form broke after 7 clean reps, so same load and stop at 7, form first: 70 kg x 7"
    );
    // At the top too: no step up, no more reps.
    let t = next(&bench(), set(70.0, 10, Some(1.0), true));
    assert_eq!(load_reps(&t), ("70 kg".into(), "10".into()));
}

#[test]
fn a_second_form_break_at_the_same_load_takes_a_step_off() {
    let before = set(70.0, 8, Some(1.0), true);
    let t = aim(&bench(), &[set(70.0, 7, Some(1.0), true)], Some(&before), "2025-03-03", "2025-03-06");
    assert_eq!(load_reps(&t), ("67.5 kg".into(), "7".into()));
    assert!(
        t.reason.contains("form broke at 70 kg two sessions running, so lighter and no more than the 7 clean reps"),
        "{}",
        t.reason
    );
    // Under the range twice: the lighter of a step off and the load where the bottom of the
    // range is there. Bench 6-10 at 1-2, 100 x 4 @ 1: Epley e1RM 116.7; 6 reps at RIR 2 (8 to
    // failure): 116.7 / 1.267 = 92.1, loadable as 90 (a step off is 97.5). Reps: the 4 clean.
    let t = aim(
        &bench(),
        &[set(100.0, 4, Some(1.0), true)],
        Some(&set(100.0, 4, Some(1.0), true)),
        "2025-03-03",
        "2025-03-06",
    );
    assert_eq!(load_reps(&t), ("90 kg".into(), "4".into()), "{}", t.reason);
    // A break at another load before does not count as the same.
    let other = set(67.5, 8, Some(1.0), true);
    let t = aim(&bench(), &[set(70.0, 7, Some(1.0), true)], Some(&other), "2025-03-03", "2025-03-06");
    assert_eq!(load_reps(&t), ("70 kg".into(), "7".into()));
}

#[test]
fn a_set_closer_to_failure_than_the_target_never_earns_more_reps_than_were_possible() {
    // Bench 6-10 at RIR 1-2. 80 x 8 @ 0 is 8 to failure: at RIR 1, 7 reps. "One more rep"
    // (9 @ 1-2, 10-11 to failure) asked for more than the set showed.
    let t = next(&bench(), set(80.0, 8, Some(0.0), false));
    assert_eq!(load_reps(&t), ("80 kg".into(), "7".into()), "{}", t.reason);
    assert!(t.reason.contains("8 reps at RIR 0, closer to failure than 1-2 allows, so the same load and 7"));
    // 100 x 6 @ 0: 5 at RIR 1, under 6: lighter. Epley e1RM 120; 6 at RIR 2 (8 to failure):
    // 120 / 1.267 = 94.7, loadable as 92.5.
    let t = next(&bench(), set(100.0, 6, Some(0.0), false));
    assert_eq!(load_reps(&t), ("92.5 kg".into(), "6+".into()), "{}", t.reason);
    assert!(t.at_least);
    // A safe lift taken to failure on a 0-1 target is on target: one more rep.
    let press = planned("Machine chest press", 8, 12);
    let t = next(&press, SetEntry { exercise: "Machine chest press".into(), ..set(50.0, 9, Some(0.0), false) });
    assert_eq!(load_reps(&t), ("50 kg".into(), "10".into()), "{}", t.reason);
}

#[test]
fn a_load_missed_since_last_time_is_never_the_target() {
    // Bench 6-10: 100 x 10 @ 1 earns 102.5; then 102.5 kg was missed (0 reps).
    let last = [set(100.0, 10, Some(1.0), false)];
    let weight = Weight::new(Load::from_f64(102.5).expect("valid"), Unit::Kg);
    let missed = Some(Miss { weight, basis: Basis::Load, date: day("2025-03-06") });
    let history = History { last: &last, last_date: Some(day("2025-03-03")), before: None, missed };
    let grid = |unit| loadable_for(bench().equipment, &Gear::standard(), bench().load_step, unit);
    let t = target(&bench(), &history, day("2025-03-08"), grid, &Rules::default());
    // 101.25 does not load with 1.25 kg plates (pairs make 2.5 kg steps): back to 100 kg, for
    // last time's 10 reps.
    assert_eq!(load_reps(&t), ("100 kg".into(), "10".into()), "{}", t.reason);
    assert!(t.reason.contains("102.5 kg was missed on 6 Mar, so under it"), "{}", t.reason);
}

#[test]
fn a_load_the_gear_cannot_make_is_not_called_the_same_load() {
    // Dumbbell curl 8-12, dumbbells every 2 kg: an imported 3 kg x 5 @ 0 holds as 2 kg, the
    // lightest that loads; the reason says so rather than "nothing lighter loads".
    let curl = planned("Dumbbell curl", 8, 12);
    let t = next(&curl, SetEntry { exercise: "Dumbbell curl".into(), ..set(3.0, 5, Some(0.0), false) });
    assert_eq!(load_reps(&t), ("2 kg".into(), "5".into()), "{}", t.reason);
    assert!(
        t.reason.contains("5 reps is under 8-12, and 2 kg is the lightest that loads, so the same reps"),
        "{}",
        t.reason
    );
}

// Item 3: below the range.

#[test]
fn a_miss_below_the_range_lowers_the_load_to_reach_the_bottom() {
    // Machine chest press 8-12 at RIR 0-1, 5 kg pins. 50 kg x 6 @ 0: Epley e1RM 60. The
    // bottom, 8 reps at RIR 1 (9 to failure): 60 / 1.3 = 46.2, rounded down to 45.
    let press = planned("Machine chest press", 8, 12);
    let t = next(&press, set(50.0, 6, Some(0.0), false));
    assert_eq!(load_reps(&t), ("45 kg".into(), "8+".into()));
    assert!(
        t.reason.contains("6 reps is under 8-12, so lighter to reach 8: 45 kg, 8+ reps, stop with 0-1"),
        "{}",
        t.reason
    );
    // The same set on the 6-10 day (last on 8-12 of another day does not matter): inside.
    let t = next(&planned("Machine chest press", 6, 10), set(50.0, 6, Some(0.0), false));
    assert_eq!(load_reps(&t), ("50 kg".into(), "7".into()));
}

#[test]
fn stopping_early_below_the_range_is_not_a_miss() {
    // 50 x 6 @ 4 on 8-12: 10 to failure, 9 at RIR 1: the same load does the bottom.
    let t = next(&planned("Machine chest press", 8, 12), set(50.0, 6, Some(4.0), false));
    assert_eq!(load_reps(&t), ("50 kg".into(), "9".into()));
}

// Item 4: reps in reserve.

#[test]
fn reps_in_reserve_at_the_top_climb_as_many_steps_as_predicted() {
    // Lat pulldown 8-12 at RIR 0-1, 5 kg pins. 60 x 12 @ 5: 17 to failure, e1RM 94. At 65:
    // 30 x (94/65 - 1) = 13.4 -> 13, 12 at RIR 1 (still the top); at 70: 10.3 -> 10, 9 at
    // RIR 1: inside. Two steps.
    let t = next(&planned("Lat pulldown", 8, 12), set(60.0, 12, Some(5.0), false));
    assert_eq!(load_reps(&t), ("70 kg".into(), "8+".into()));
    assert!(
        t.reason.contains("5 in reserve at 12 reps, so 2 steps up: 70 kg, 8+ reps, stop with 0-1 in reserve"),
        "{}",
        t.reason
    );
}

#[test]
fn far_from_failure_inside_the_range_aims_for_the_predicted_reps() {
    // 80 x 6 @ 4 on 6-10 at RIR 1-2: 10 to failure, 8 at RIR 2.
    let t = next(&bench(), set(80.0, 6, Some(4.0), false));
    assert_eq!(load_reps(&t), ("80 kg".into(), "8".into()));
    assert!(t.reason.contains("stopped with 4 in reserve, so 8 reps are there"), "{}", t.reason);
}

#[test]
fn past_the_top_adds_enough_load_to_land_back_in_the_range() {
    // 80 x 14 @ 1: 15 to failure, e1RM 120. 82.5: 13.6 -> 13, 11 at RIR 2; 85: 12.4 -> 12,
    // 10; 87.5: 11.1 -> 11, 9: inside 6-10. Three steps.
    let t = next(&bench(), set(80.0, 14, Some(1.0), false));
    assert_eq!(load_reps(&t), ("87.5 kg".into(), "6+".into()));
    assert!(t.reason.contains("14 reps, past the top of 6-10, so 3 steps up"), "{}", t.reason);
    // 80 x 20 @ 2: 22 to failure, e1RM 138.7; 90 still predicts 14 at RIR 2: capped at 4.
    let t = next(&bench(), set(80.0, 20, Some(2.0), false));
    assert_eq!(load_reps(&t), ("90 kg".into(), "6+".into()));
    assert!(t.reason.contains("4 steps up (at most 4 at once)"), "{}", t.reason);
}

#[test]
fn unknown_rir_is_read_as_failure_and_climbs_one_step() {
    let t = next(&bench(), set(80.0, 14, None, false));
    assert_eq!(load_reps(&t), ("82.5 kg".into(), "6+".into()));
    assert!(t.reason.contains("RIR not logged: read as failure, one step at most"), "{}", t.reason);
    let t = next(&bench(), set(80.0, 8, None, false));
    assert_eq!(load_reps(&t), ("80 kg".into(), "9".into()));
    assert!(t.reason.contains("log RIR"), "{}", t.reason);
}

// Item 5: real steps, real weights.

#[test]
fn targets_step_by_the_exercises_own_step_onto_loadable_weights() {
    // Cable lateral raise steps 2.5 kg: 5 x 15 @ 1 on 12-15 goes to 7.5, not 10.
    let t = next(&planned("Cable lateral raise", 12, 15), set(5.0, 15, Some(1.0), false));
    assert_eq!(t.weight.map(|w| w.to_string()), Some("7.5 kg".into()));
    // A 61 kg barbell row (imported) at the top: 62.5, the next weight that loads, not 63.5.
    let t = next(&planned("Barbell row", 6, 10), set(61.0, 10, Some(2.0), false));
    assert_eq!(t.weight.map(|w| w.to_string()), Some("62.5 kg".into()));
    // Held, it is the nearest that loads: 60.
    let t = next(&planned("Barbell row", 6, 10), set(61.0, 8, Some(1.0), false));
    assert_eq!(t.weight.map(|w| w.to_string()), Some("60 kg".into()));
}

// Item 6: deloads that can be done.

#[test]
fn a_deload_target_is_easier_than_recent_capacity() {
    // 70 x 6 @ 1: Epley e1RM 86.3. 6 reps at RIR 4 (10 to failure): 86.3 / 1.333 = 64.75,
    // rounded down to 62.5 kg. Never last time's 70 x 6 "at RIR 3-4".
    let mut p = bench();
    p.rir = DELOAD_RIR;
    let last = [set(70.0, 6, Some(1.0), false)];
    let loadable = |unit| loadable_for(p.equipment, &Gear::standard(), p.load_step, unit);
    let t =
        deload_target(&p, &last, DeloadStyle::Volume, loadable, &Rules { formula: Formula::Epley, ..Rules::default() });
    assert_eq!(load_reps(&t), ("62.5 kg".into(), "6".into()));
    assert_eq!(t.rir, DELOAD_RIR);
    assert!(t.reason.contains("62.5 kg x 6, stop with 3-4 in reserve"), "{}", t.reason);
    // A load deload: 90% of 70 = 63, under the 64.75: 62.5 too.
    let t =
        deload_target(&p, &last, DeloadStyle::Load, loadable, &Rules { formula: Formula::Epley, ..Rules::default() });
    assert_eq!(load_reps(&t), ("62.5 kg".into(), "6".into()));
    // At the empty bar nothing is lighter: 20 x 6 @ 0 has 6 to failure there, so 3 reps
    // leave 3 in reserve, never the 6 done at failure.
    let t = deload_target(
        &p,
        &[set(20.0, 6, Some(0.0), false)],
        DeloadStyle::Volume,
        loadable,
        &Rules { formula: Formula::Epley, ..Rules::default() },
    );
    assert_eq!(load_reps(&t), ("20 kg".into(), "3".into()));
}

#[test]
fn reasons_quote_last_time_in_the_lifters_scale() {
    // The rules count reps in reserve; only the words change for a lifter who reads RPE.
    let mut p = bench();
    let last = [set(70.0, 6, Some(1.0), false)];
    let loadable = |unit| loadable_for(p.equipment, &Gear::standard(), p.load_step, unit);
    let rpe = Rules { effort: Effort::Rpe, ..Rules::default() };
    let history = History { last: &last, last_date: None, before: None, missed: None };
    let usual = target(&p, &history, day("2025-03-10"), loadable, &rpe);
    assert!(usual.reason.starts_with("last time 70 kg x 6 @ 9:"), "{}", usual.reason);
    let rir = target(&p, &history, day("2025-03-10"), loadable, &Rules::default());
    assert_eq!((usual.weight, usual.reps, usual.rir), (rir.weight, rir.reps, rir.rir), "same target");
    p.rir = DELOAD_RIR;
    let deload = deload_target(&p, &last, DeloadStyle::Volume, loadable, &rpe);
    assert!(deload.reason.contains("well under last time's 70 kg x 6 @ 9:"), "{}", deload.reason);
}

//! Issue 11, items 7-13, end to end: a lifter's log brought in with `hardset import` (a native
//! CSV written here) and read back with `hardset today --json --date` (or `hardset week`,
//! `hardset plan check`, `hardset log`). The scenarios and their numbers are this file's own.

#[path = "common/coach.rs"]
mod coach;

use coach::{Lifter, Session, exercise, session, sign_kinds, warning_kinds, working};

/// A weekday plan: bench and leg press on Mondays (the key lifts), machine chest press and lat
/// pulldown on Thursdays. The plan gives chest 4 sets a week.
const PLAN: &str = r#"
name = "Coach recovery"
schedule = "weekdays"

[[day]]
name = "Monday: bench and legs"
weekday = "monday"

  [[day.exercise]]
  name = "Barbell bench press"
  sets = 2
  reps = "6-10"
  key = true

  [[day.exercise]]
  name = "Leg press"
  sets = 2
  reps = "8-12"
  key = true

[[day]]
name = "Thursday: press and pull"
weekday = "thursday"

  [[day.exercise]]
  name = "Machine chest press"
  sets = 2
  reps = "8-12"

  [[day.exercise]]
  name = "Lat pulldown"
  sets = 2
  reps = "8-12"
"#;

const MONDAY: &str = "Monday: bench and legs";

/// A Monday session of the bench (one set `weight x reps @ rir`) and a steady leg press.
fn monday(date: &str, weight: f64, reps: u16, rir: Option<f64>) -> Session {
    session(
        &format!("{date} 18:00"),
        MONDAY,
        0,
        vec![working("Barbell bench press", weight, reps, rir), working("Leg press", 120.0, 10, Some(2.0))],
    )
}

/// A press day at 18:00 on `date`: one set of the chest press, 60 kg x 10 @ 1.
fn press(date: &str) -> Session {
    session(
        &format!("{date} 18:00"),
        "Thursday: press and pull",
        1,
        vec![working("Machine chest press", 60.0, 10, Some(1.0))],
    )
}

fn texts(today: &serde_json::Value, field: &str) -> Vec<String> {
    today[field].as_array().expect(field).iter().map(|w| w["text"].as_str().unwrap_or("").to_string()).collect()
}

// Item 7: noise is not a decline.

#[test]
fn rir_guesses_drifting_by_half_a_rep_are_not_a_decline() {
    let lifter = Lifter::with_plan(PLAN);
    // 90 kg x 8 three Mondays running; only the RIR guess moves 2 -> 1.5 -> 1 (Epley 120.0,
    // 118.5, 117.0: falls of 1.25 % and 1.27 %, half a rep each).
    lifter.import(&[
        monday("2026-10-05", 90.0, 8, Some(2.0)),
        monday("2026-10-12", 90.0, 8, Some(1.5)),
        monday("2026-10-19", 90.0, 8, Some(1.0)),
    ]);
    let today = lifter.today("2026-10-26");
    assert!(!sign_kinds(&today).contains(&"decline".to_string()), "{today:#}");
    assert_eq!(today["deload_suggested"], false, "{today:#}");
}

#[test]
fn a_rir_guess_a_rep_lower_each_week_at_the_same_reps_is_not_a_decline() {
    let lifter = Lifter::with_plan(PLAN);
    // 100 kg x 6 three Mondays running at RIR 2, 1, 0 (Epley 126.7, 123.3, 120.0: -2.6 % twice,
    // -5.3 % in all, past the noise and the 5 % that stands alone), yet six reps at 100 kg every
    // week: nothing measured fell.
    lifter.import(&[
        monday("2026-10-05", 100.0, 6, Some(2.0)),
        monday("2026-10-12", 100.0, 6, Some(1.0)),
        monday("2026-10-19", 100.0, 6, Some(0.0)),
    ]);
    let today = lifter.today("2026-10-26");
    assert!(!sign_kinds(&today).contains(&"decline".to_string()), "{today:#}");
    assert_eq!(today["deload_suggested"], false, "{today:#}");
}

#[test]
fn a_set_without_rir_is_left_out_of_the_decline() {
    let lifter = Lifter::with_plan(PLAN);
    // 90x9@1 (120.0), 90x8@1 (117.0, -2.5 %), then 90x8 with no RIR: read as RIR 0 it would be
    // 114.0 (-2.6 %), a second fall. Left out, there is one fall.
    lifter.import(&[
        monday("2026-10-05", 90.0, 9, Some(1.0)),
        monday("2026-10-12", 90.0, 8, Some(1.0)),
        monday("2026-10-19", 90.0, 8, None),
    ]);
    let today = lifter.today("2026-10-26");
    assert!(!sign_kinds(&today).contains(&"decline".to_string()), "{today:#}");
}

#[test]
fn a_real_decline_fires_and_a_rebound_this_week_clears_it() {
    let lifter = Lifter::with_plan(PLAN);
    // A rep lost each week at 90 kg, RIR 1: Epley 117.0 > 114.0 > 111.0 (-2.6 %, -2.6 %; 5.1 %
    // in all, strong enough alone).
    lifter.import(&[
        monday("2026-10-05", 90.0, 8, Some(1.0)),
        monday("2026-10-12", 90.0, 7, Some(1.0)),
        monday("2026-10-19", 90.0, 6, Some(1.0)),
    ]);
    let today = lifter.today("2026-10-26");
    assert_eq!(sign_kinds(&today), ["decline"], "{today:#}");
    let sign = &texts(&today, "recovery_signs")[0];
    assert_eq!(sign, "Barbell bench press e1RM fell two weeks running (117.0 > 114.0 > 111.0 kg, -5.1%)");
    assert_eq!(today["deload_suggested"], true);
    assert!(texts(&today, "warnings").iter().any(|w| w.starts_with("Recovery: Barbell bench press e1RM fell")));
    // Monday: 90x8@1 again (117.0, 5.4 % above last week): the rebound clears it by Tuesday.
    lifter.import(&[monday("2026-10-26", 90.0, 8, Some(1.0))]);
    let tuesday = lifter.today("2026-10-27");
    assert!(sign_kinds(&tuesday).is_empty(), "{tuesday:#}");
    assert_eq!(tuesday["deload_suggested"], false);
}

// Item 8: signs must line up.

#[test]
fn one_awful_night_beside_bests_suggests_nothing() {
    let lifter = Lifter::with_plan(PLAN);
    // Bests every week, one awful night (sleep 1, energy 1) and one average day (3s).
    lifter.import(&[
        monday("2026-10-05", 85.0, 8, Some(1.0)),
        monday("2026-10-12", 87.5, 8, Some(1.0)),
        monday("2026-10-19", 90.0, 8, Some(1.0)).checkin([1, 1, 4, 3]),
        session(
            "2026-10-22 18:00",
            "Thursday: press and pull",
            1,
            vec![working("Machine chest press", 60.0, 10, Some(1.0))],
        )
        .checkin([3, 3, 4, 3]),
    ]);
    let today = lifter.today("2026-10-24");
    assert!(sign_kinds(&today).is_empty(), "{today:#}");
    assert_eq!(today["deload_suggested"], false);
}

#[test]
fn fatigue_that_a_rest_day_does_not_fix_suggests_a_deload_with_its_numbers() {
    let lifter = Lifter::with_plan(PLAN);
    // Energy 2, then 1 after a rest day, then 2: sleep fine, joints fine.
    lifter.import(&[
        press("2026-10-19").checkin([4, 2, 4, 3]),
        press("2026-10-21").checkin([4, 1, 4, 3]),
        press("2026-10-22").checkin([4, 2, 4, 3]),
    ]);
    let today = lifter.today("2026-10-23");
    assert_eq!(sign_kinds(&today), ["checkin"], "{today:#}");
    assert_eq!(texts(&today, "recovery_signs"), ["energy averaged 1.7/5, 2 or less on 3 days, past a rest day"]);
    assert_eq!(today["deload_suggested"], true);
}

#[test]
fn joints_getting_worse_suggest_a_deload() {
    let lifter = Lifter::with_plan(PLAN);
    lifter.import(&[
        press("2026-10-19").checkin([4, 4, 4, 4]),
        press("2026-10-21").checkin([4, 4, 3, 4]),
        press("2026-10-23").checkin([4, 4, 2, 4]),
    ]);
    let today = lifter.today("2026-10-24");
    assert_eq!(sign_kinds(&today), ["joints"], "{today:#}");
    assert_eq!(texts(&today, "recovery_signs"), ["joints 4 > 3 > 2/5 this week"]);
    assert_eq!(today["deload_suggested"], true);
}

// Item 9: volume added out of anxiety, caught the week it happens.

#[test]
fn chest_sets_piled_on_the_week_the_bench_starts_to_fall_are_caught() {
    let lifter = Lifter::with_plan(PLAN);
    let mut this_monday = vec![working("Barbell bench press", 90.0, 7, Some(1.0))];
    this_monday.extend((0..4).map(|_| working("Barbell bench press", 80.0, 8, Some(2.0))));
    this_monday.extend((0..5).map(|_| working("Machine chest press", 60.0, 10, Some(1.0))));
    lifter.import(&[
        monday("2026-10-05", 90.0, 8, Some(1.0)),
        monday("2026-10-12", 90.0, 8, Some(1.0)),
        // 90x7@1 = 114.0, 2.6 % under last week's 117.0: the bench starts to fall, and chest
        // gets 10 effective sets against the plan's 4.
        session("2026-10-19 18:00", MONDAY, 0, this_monday),
    ]);
    let today = lifter.today("2026-10-20");
    assert!(warning_kinds(&today).contains(&"anxiety-volume".to_string()), "{today:#}");
    let warning = texts(&today, "warnings").into_iter().find(|w| w.starts_with("10 chest sets")).expect("named");
    assert_eq!(
        warning,
        "10 chest sets this week while Barbell bench press falls; the plan has 4. Go back to 4: more volume rarely fixes fatigue."
    );
}

// Items 10 and 11: the failure budget agrees with the plan; RIR 0.5 is failure.

#[test]
fn a_week_that_follows_its_targets_is_not_every_set_to_failure() {
    let lifter = Lifter::with_plan(PLAN);
    // Monday as planned: leg press at RIR 0 (target 0-1) twice, bench at 1 (1-2) twice;
    // Thursday: the chest press at 0 (0-1) twice. 4 of 6 sets at RIR 0, each meeting its target.
    lifter.import(&[
        session(
            "2026-10-19 18:00",
            MONDAY,
            0,
            vec![
                working("Barbell bench press", 80.0, 8, Some(1.0)),
                working("Barbell bench press", 80.0, 7, Some(1.0)),
                working("Leg press", 120.0, 10, Some(0.0)),
                working("Leg press", 120.0, 9, Some(0.0)),
            ],
        ),
        session(
            "2026-10-22 18:00",
            "Thursday: press and pull",
            1,
            vec![
                working("Machine chest press", 60.0, 10, Some(0.0)),
                working("Machine chest press", 60.0, 9, Some(0.0)),
            ],
        ),
    ]);
    let today = lifter.today("2026-10-23");
    assert!(!warning_kinds(&today).contains(&"every-set-to-failure".to_string()), "{today:#}");
}

#[test]
fn bench_sets_at_half_a_rep_past_their_target_are_every_set_to_failure() {
    let lifter = Lifter::with_plan(PLAN);
    // Five bench sets at RIR 0.5 against 1-2 (two planned, three extra), one leg press at 2.
    let mut sets: Vec<_> = (0..5).map(|_| working("Barbell bench press", 80.0, 8, Some(0.5))).collect();
    sets.push(working("Leg press", 120.0, 10, Some(2.0)));
    lifter.import(&[session("2026-10-19 18:00", MONDAY, 0, sets)]);
    let today = lifter.today("2026-10-20");
    let warning = texts(&today, "warnings").into_iter().find(|w| w.contains("went to failure")).expect("warned");
    assert!(warning.starts_with("5 of 6 working sets this week went to failure past their target"), "{warning}");
}

#[test]
fn three_bench_sets_at_half_a_rep_today_break_the_budget() {
    let lifter = Lifter::with_plan(PLAN);
    let out = lifter.ok(&["log", "Barbell bench press", "80x8@0.5", "80x7@0.5", "80x6@0.5"]);
    assert!(out.contains("note: RIR 0.5 on a technical lift"), "RIR 0.5 on a technical lift is questioned: {out}");
    let today: serde_json::Value = serde_json::from_str(&lifter.ok(&["today", "--json"])).expect("JSON");
    let warning = texts(&today, "warnings").into_iter().find(|w| w.starts_with("3 sets of Barbell bench press"));
    assert!(warning.is_some(), "{today:#}");
}

#[test]
fn plan_check_questions_three_sets_at_rir_0() {
    let lifter = Lifter::with_plan(
        &PLAN.replace("sets = 2\n  reps = \"8-12\"\n  key = true", "sets = 3\n  reps = \"8-12\"\n  key = true"),
    );
    let out = lifter.ok(&["plan", "check"]);
    assert!(
        out.contains(
            "warning: Monday: bench and legs: Leg press has 3 sets at RIR 0-1: failure on one set, sometimes two."
        ),
        "{out}"
    );
    let fine = Lifter::with_plan(PLAN);
    assert!(!fine.ok(&["plan", "check"]).contains("warning"), "two sets are within the budget");
}

// Item 12: the catalogue's failure classes.

#[test]
fn a_bulgarian_split_squat_keeps_reps_in_reserve() {
    let plan = "name = \"Legs\"\nschedule = \"rotation\"\n[[day]]\nname = \"Legs\"\n\
                [[day.exercise]]\nname = \"Bulgarian split squat\"\nreps = \"8-12\"\n\
                [[day.exercise]]\nname = \"Leg press\"\nreps = \"8-12\"\n";
    let lifter = Lifter::with_plan(plan);
    lifter.import(&[session(
        "2026-10-19 18:00",
        "Legs",
        0,
        vec![working("Bulgarian split squat", 20.0, 10, Some(1.0)), working("Leg press", 120.0, 10, Some(1.0))],
    )]);
    let today = lifter.today("2026-10-21");
    let split = &exercise(&today, "Bulgarian split squat")["target"];
    assert_eq!((split["rir_low"].as_u64(), split["rir_high"].as_u64()), (Some(1), Some(2)), "{today:#}");
    let press = &exercise(&today, "Leg press")["target"];
    assert_eq!((press["rir_low"].as_u64(), press["rir_high"].as_u64()), (Some(0), Some(1)));
}

// Item 13: dose per session, and the example week inside the band.

#[test]
fn a_day_giving_chest_most_of_its_week_is_warned_about() {
    let plan = "name = \"Chest day\"\nschedule = \"rotation\"\n[[day]]\nname = \"Chest\"\n\
                [[day.exercise]]\nname = \"Machine chest press\"\nsets = 2\nreps = \"8-12\"\n\
                [[day.exercise]]\nname = \"Pec deck\"\nsets = 2\nreps = \"10-15\"\n\
                [[day.exercise]]\nname = \"Cable fly\"\nsets = 2\nreps = \"10-15\"\n";
    let lifter = Lifter::with_plan(plan);
    let today = lifter.today("2026-10-21");
    let warning = texts(&today, "warnings").into_iter().find(|w| w.starts_with("Today gives chest"));
    assert_eq!(
        warning.as_deref(),
        Some("Today gives chest 6 effective sets, more than 5 in one session: spread chest over 2-3 days."),
        "{today:#}"
    );
    assert!(warning_kinds(&today).contains(&"session-dose".to_string()));
}

#[test]
fn the_example_week_lands_inside_the_default_band_every_week() {
    let lifter = Lifter::new();
    let db = lifter.db();
    lifter.ok(&["demo", "--db", db.to_str().expect("UTF-8"), "--weeks", "8"]);
    let today = chrono::Utc::now().date_naive();
    let first = today - chrono::Duration::days(56);
    let mut checked = 0;
    for back in 1..=8 {
        let date = today - chrono::Duration::weeks(back);
        let report: serde_json::Value =
            serde_json::from_str(&lifter.ok(&["week", "--json", "--date", &date.to_string()])).expect("JSON");
        let monday: chrono::NaiveDate = report["monday"].as_str().and_then(|m| m.parse().ok()).expect("a Monday");
        if monday < first || monday + chrono::Duration::days(6) >= today {
            continue; // a week the demo covers only in part
        }
        checked += 1;
        for muscle in ["chest", "lats", "upper back"] {
            let line = report["muscles"].as_array().expect("muscles").iter().find(|m| m["muscle"] == muscle);
            let line = line.unwrap_or_else(|| panic!("{muscle} in {report:#}"));
            assert_eq!(line["status"], "within", "{muscle} in the week of {monday}: {line}");
        }
    }
    assert!(checked >= 6, "{checked} full weeks");
}

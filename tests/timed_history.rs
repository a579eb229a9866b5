//! `hardset history` of holds, carries and cardio (issue 13, item 2): week by week with what the
//! exercise measures (a hold's longest time, a carry's furthest distance, cardio's distance and
//! pace), against the week before, and their bests at the bottom; never an e1RM. A lift on body
//! weight keeps its e1RM history.

#[path = "common/coach.rs"]
mod coach;

use coach::Lifter;

fn json(lifter: &Lifter, exercise: &str) -> serde_json::Value {
    serde_json::from_str(&lifter.ok(&["history", exercise, "--json"])).expect("JSON")
}

#[test]
fn a_hold_reads_week_by_week_with_its_best_time() {
    let lifter = Lifter::new();
    assert_eq!(lifter.ok(&["history", "Plank"]), "Plank, week by week (best time):\n  not trained yet\n");
    lifter.ok(&["log", "Plank", "60s", "--at", "2026-11-02 18:00"]);
    lifter.ok(&["log", "Plank", "45s", "10x50s", "--at", "2026-11-09 18:00"]);
    lifter.ok(&["log", "Plank", "1:05@1", "--at", "2026-11-16 18:00"]);
    lifter.ok(&["log", "Plank", "1:05", "--at", "2026-11-18 18:00"]);
    // A ramp-up is no best, however long.
    lifter.ok(&["log", "Plank", "5:00", "--ramp", "--at", "2026-11-18 18:05"]);
    let text = lifter.ok(&["history", "Plank"]);
    assert_eq!(
        text,
        "Plank, week by week (best time):\n\
         \x20 week      best time  change          best set               sets\n\
         \x20 2026-W47       1:05  better +15 s    1:05 @ 1                  2\n\
         \x20 2026-W46       50 s  worse -10 s     50 s at 10 kg             2\n\
         \x20 2026-W45       1:00                  1:00                      1\n\
         Best time: 1:05 @ 1 (Mon 16 Nov 2026)\n\
         No e1RM: a time or distance is not a lift.\n"
    );
    assert!(!text.contains("e1RM by"), "{text}");
    // --weeks keeps the newest.
    let two = lifter.ok(&["history", "Plank", "--weeks", "1"]);
    assert!(two.contains("2026-W47") && !two.contains("2026-W46"), "{two}");
    assert!(two.contains("Best time: 1:05 @ 1 (Mon 16 Nov 2026)"), "the best is of all time: {two}");
    let report = json(&lifter, "Plank");
    assert_eq!(report["best_e1rm"], serde_json::Value::Null);
    let timed = &report["timed"];
    assert_eq!(timed["measures"], "time");
    assert_eq!(timed["weeks"][0]["best_seconds"], 65);
    assert_eq!(timed["weeks"][0]["change"], 15.0);
    assert_eq!(timed["weeks"][0]["sets"], 2);
    assert_eq!(timed["weeks"][1]["best_set"]["weight"], 10.0);
    assert_eq!(timed["weeks"][2]["change"], serde_json::Value::Null, "nothing before the first week");
    assert_eq!(timed["best_time"]["date"], "2026-11-16", "the earliest of two equal holds");
    assert_eq!(timed["best_distance"], serde_json::Value::Null);
}

#[test]
fn a_deload_week_is_marked_and_sets_no_best() {
    let lifter = Lifter::new();
    lifter.ok(&["log", "Dead hang", "40s", "--at", "2026-11-02 18:00"]);
    lifter.ok(&["log", "Dead hang", "1:30", "--at", "2026-11-09 18:00"]);
    lifter.ok(&["deload", "--date", "2026-11-10"]);
    lifter.ok(&["log", "Dead hang", "45s", "--at", "2026-11-16 18:00"]);
    let text = lifter.ok(&["history", "Dead hang"]);
    assert!(text.contains("  2026-W46       1:30  deload          1:30"), "{text}");
    assert!(text.contains("  2026-W47       45 s                  45 s"), "no change against a deload week: {text}");
    assert!(text.contains("Best time: 45 s (Mon 16 Nov 2026)"), "a deload week's hold is no best: {text}");
}

#[test]
fn a_carry_reads_its_best_distance_with_load_and_time() {
    let lifter = Lifter::new();
    lifter.ok(&["log", "Farmer's walk", "32x40m/35s", "--at", "2026-11-02 18:00"]);
    lifter.ok(&["log", "Farmer's walk", "32x50m", "36x30m/30s", "--at", "2026-11-10 18:00"]);
    lifter.ok(&["log", "Farmer's walk", "40x35m/31s", "--at", "2026-11-17 18:00"]);
    let text = lifter.ok(&["history", "Farmer's walk"]);
    assert_eq!(
        text,
        "Farmer's walk, week by week (best distance):\n\
         \x20 week       distance  change          best set               sets\n\
         \x20 2026-W47       35 m  worse -15 m     35 m in 31 s at 40 kg     1\n\
         \x20 2026-W46       50 m  better +10 m    50 m at 32 kg             2\n\
         \x20 2026-W45       40 m                  40 m in 35 s at 32 kg     1\n\
         Best distance: 50 m at 32 kg (Tue 10 Nov 2026)\n\
         No e1RM: a time or distance is not a lift.\n"
    );
    let report = json(&lifter, "Farmer's walk");
    assert_eq!(report["timed"]["measures"], "distance");
    assert_eq!(report["timed"]["best_distance"]["metres"], 50.0);
    assert_eq!(report["timed"]["weeks"][0]["change"], -15.0);
    assert_eq!(report["timed"]["best_time"], serde_json::Value::Null, "a carry's time is no record");
}

#[test]
fn cardio_reads_its_best_distance_and_best_pace() {
    let lifter = Lifter::new();
    lifter.ok(&["log", "Rowing machine", "2000m/7:45", "--at", "2026-11-02 18:00"]);
    // The longer row is slower: the best pace is the shorter, faster one.
    lifter.ok(&["log", "Rowing machine", "2500m/10:00", "1000m/3:50", "--at", "2026-11-11 18:00"]);
    let text = lifter.ok(&["history", "Rowing machine"]);
    assert_eq!(
        text,
        "Rowing machine, week by week (best distance and pace):\n\
         \x20 week       distance  change          best pace     best set               sets\n\
         \x20 2026-W46    2,500 m  better +500 m   1:55 /500 m   2,500 m in 10:00          2\n\
         \x20 2026-W45    2,000 m                  1:56 /500 m   2,000 m in 7:45           1\n\
         Best distance: 2,500 m in 10:00 (Wed 11 Nov 2026)\n\
         Best pace: 1:55 /500 m (1,000 m in 3:50, Wed 11 Nov 2026)\n\
         No e1RM: a time or distance is not a lift.\n"
    );
    let report = json(&lifter, "Rowing machine");
    assert_eq!(report["timed"]["best_pace"]["pace"], "1:55 /500 m");
    assert_eq!(report["timed"]["best_pace"]["seconds"], 230);
    // A run's pace is per km.
    lifter.ok(&["log", "Treadmill run", "5000m/27:30", "--at", "2026-11-12 07:00"]);
    let run = lifter.ok(&["history", "Treadmill run"]);
    assert!(run.contains("Best pace: 5:30 /km (5,000 m in 27:30, Thu 12 Nov 2026)"), "{run}");
}

#[test]
fn cardio_by_time_alone_shows_its_longest_time() {
    let lifter = Lifter::new();
    lifter.ok(&["log", "Cycling", "30min", "--at", "2026-11-12 18:00"]);
    lifter.ok(&["log", "Cycling", "45min", "--at", "2026-11-19 18:00"]);
    let text = lifter.ok(&["history", "Cycling"]);
    assert!(
        text.contains("  2026-W47          -                  -             45:00                     1"),
        "{text}"
    );
    assert!(text.contains("Longest time: 45:00 (Thu 19 Nov 2026)"), "{text}");
    assert!(!text.contains("Best pace") && !text.contains("Best distance"), "{text}");
}

#[test]
fn a_chin_up_keeps_its_e1rm_history() {
    let lifter = Lifter::new();
    lifter.ok(&["bodyweight", "80", "--date", "2026-11-01"]);
    lifter.ok(&["log", "Chin-up", "BW+10x6@0", "bwx8@1", "--at", "2026-11-02 18:00"]);
    let text = lifter.ok(&["history", "Chin-up"]);
    assert!(text.starts_with("Chin-up, week by week (e1RM by epley, in kg):\n"), "{text}");
    assert!(text.contains("Best e1RM: 108.0 kg (BW+10 kg x 6 @ 0 on Mon 2 Nov 2026)"), "{text}");
    assert!(text.contains("Most reps: BW+10 kg x 6, BW x 8"), "{text}");
    assert!(!text.contains("best time") && !text.contains("No e1RM"), "{text}");
    let report = json(&lifter, "Chin-up");
    assert!(report.get("timed").is_none(), "a lift's JSON is as before: {report}");
}

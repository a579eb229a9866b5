//! `hardset log` takes set techniques after a working set: `drop:60x6`, `rp:80x3`, `myo:80x4`.

#[path = "common/coach.rs"]
mod coach;

use coach::Lifter;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn log_takes_a_drop_set_and_a_rest_pause_after_the_working_set() {
    let lifter = Lifter::new();
    let out = lifter.ok(&["log", "Machine chest press", "80x8@0", "drop:60x6", "rp:60x3", "MYO:60x4"]);
    assert!(out.contains("logged Machine chest press working: 80 kg x 8 @ 0"), "{out}");
    assert!(out.contains("logged Machine chest press working: 60 kg x 6 (drop set)"), "{out}");
    assert!(out.contains("logged Machine chest press working: 60 kg x 3 (rest-pause)"), "{out}");
    assert!(out.contains("logged Machine chest press working: 60 kg x 4 (myo-reps)"), "{out}");
    // One hard set, extended: no failure budget warning for four sets "to failure".
    assert!(!out.contains("warning"), "{out}");
    let today = lifter.ok(&["today", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&today).expect("json");
    assert!(json["warnings"].as_array().is_none_or(|w| w.iter().all(|w| w["kind"] != "failure-budget")), "{today}");
}

#[test]
fn a_technique_set_with_nothing_before_it_writes_nothing() {
    let lifter = Lifter::new();
    let out = lifter.run(&["log", "Machine chest press", "drop:60x6"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(
            "a drop set carries on a working set: log a working set of Machine chest press in this session first"
        ),
        "{}",
        stderr(&out)
    );
    // A working set of another exercise is not one to carry on.
    lifter.ok(&["log", "Lat pulldown", "60x10@1"]);
    let out = lifter.run(&["log", "Machine chest press", "rp:60x3"]);
    assert!(!out.status.success(), "{}", stderr(&out));
    // An unknown technique, and one on a ramp-up, are refused before anything is written.
    let out = lifter.run(&["log", "Machine chest press", "80x8@0", "dorp:60x6"]);
    assert!(
        stderr(&out).contains("'dorp:60x6': 'dorp' is not a technique; write drop:60x6, rp:80x3 or myo:80x4"),
        "{}",
        stderr(&out)
    );
    let out = lifter.run(&["log", "Machine chest press", "drop:30x6", "--ramp"]);
    assert!(stderr(&out).contains("not a ramp-up"), "{}", stderr(&out));
    let history = lifter.ok(&["history", "Machine chest press", "--json"]);
    assert!(!history.contains("60"), "nothing of the refused lines was written: {history}");
}

#[test]
fn a_drop_set_on_a_technical_lift_is_noted() {
    let lifter = Lifter::new();
    let out = lifter.ok(&["log", "Barbell bench press", "100x5@2", "drop:80x5"]);
    assert!(out.contains("note: Drop set on a technical lift; the method keeps 1-2 reps in reserve there"), "{out}");
}

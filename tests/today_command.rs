//! `hardset today` (the day's plan from the shell, in words or JSON, now or as the log stood on
//! a past morning), `hardset log --at` and `--form-broke` (a forgotten session filed on its own
//! day), and plan revisions recorded by `plan edit` (issue 11).

#[path = "common/coach.rs"]
mod coach;

use chrono::{Duration, Utc};
use coach::{Lifter, exercise, ramp_up, session, warning_kinds, working};
use hardset::store::Store;

const DAY_1: &str = "Day 1: push and pull";

/// Two Mondays of Day 1: the chest press at 50 kg, then 52.5 kg.
fn two_mondays() -> Lifter {
    let lifter = Lifter::new();
    lifter.import(&[
        session(
            "2026-11-02 18:00",
            DAY_1,
            0,
            vec![
                ramp_up("Machine chest press", 25.0, 8),
                working("Machine chest press", 50.0, 8, Some(1.0)),
                working("Seated cable row", 45.0, 9, Some(1.0)),
            ],
        ),
        session(
            "2026-11-09 18:00",
            DAY_1,
            0,
            vec![working("Machine chest press", 52.5, 6, Some(1.0)), working("Seated cable row", 45.0, 10, Some(1.0))],
        ),
    ]);
    lifter
}

#[test]
fn today_as_json_gives_the_day_each_target_its_reason_last_time_and_the_sets() {
    let lifter = two_mondays();
    let today = lifter.today("2026-11-10");
    assert_eq!(today["date"], "2026-11-10");
    // The day after Day 1, Day 2 is due: active recovery, nothing to lift.
    assert_eq!(today["day"]["index"], 1, "{today:#}");
    assert_eq!(today["day"]["kind"], "active-recovery");
    assert_eq!(today["deload_week"], false);
    assert_eq!(today["exercises"].as_array().map(Vec::len), Some(0), "a recovery day has no lifts");

    let today = serde_json::from_str::<serde_json::Value>(&lifter.ok(&[
        "today",
        "--json",
        "--date",
        "2026-11-16",
        "--day",
        "1",
    ]))
    .expect("JSON");
    assert_eq!(today["day"], serde_json::json!({"index": 0, "name": DAY_1, "kind": "training"}));
    let press = exercise(&today, "Machine chest press");
    assert_eq!(
        press["last_time"],
        serde_json::json!({"date": "2026-11-09", "weight": 52.5, "unit": "kg", "reps": 6, "rir": 1.0, "form_broke": false})
    );
    assert_eq!(press["target"]["unit"], "kg");
    assert_eq!((press["target"]["rir_low"].as_u64(), press["target"]["rir_high"].as_u64()), (Some(0), Some(1)));
    let target_weight = press["target"]["weight"].as_f64().expect("a load: there is history");
    assert!(press["reason"].as_str().is_some_and(|r| r.contains("52.5 kg x 6")), "{press:#}");
    let sets = press["sets"].as_array().expect("sets");
    let working: Vec<_> = sets.iter().filter(|s| s["kind"] == "working").collect();
    assert_eq!(working.len(), 1, "the plan's one working set");
    assert_eq!(working[0]["weight"].as_f64(), Some(target_weight), "the working set carries the target");
    assert_eq!(working[0]["reps"], press["target"]["reps"]);
    assert_eq!(working[0]["done"], false);
    let ramps: Vec<f64> = sets.iter().filter(|s| s["kind"] == "ramp-up").filter_map(|s| s["weight"].as_f64()).collect();
    assert!(!ramps.is_empty() && ramps.iter().all(|&w| w < target_weight), "ramp-ups climb to it: {ramps:?}");

    let text = lifter.ok(&["today", "--date", "2026-11-16", "--day", "1"]);
    assert!(text.starts_with("Mon 16 Nov 2026 · Day 1: push and pull (training)"), "{text}");
    assert!(text.contains("Machine chest press  1x6-10 @ RIR 0-1"), "{text}");
    assert!(text.contains("last trained Mon 9 Nov 2026"), "{text}");
    assert!(text.contains("[ ] set 1"), "{text}");
}

#[test]
fn today_with_a_date_reads_the_log_as_it_stood_that_morning() {
    let lifter = two_mondays();
    // The morning of the second Monday: its session has not happened yet.
    let before = serde_json::from_str::<serde_json::Value>(&lifter.ok(&[
        "today",
        "--json",
        "--date",
        "2026-11-09",
        "--day",
        "1",
    ]))
    .expect("JSON");
    let press = exercise(&before, "Machine chest press");
    assert_eq!(press["last_time"]["date"], "2026-11-02");
    assert_eq!(press["last_time"]["weight"], 50.0);
    assert!(
        press["sets"].as_array().expect("sets").iter().all(|s| s["done"] == false),
        "nothing done yet that morning"
    );
    // Without a day picked, the schedule goes on from the first Monday's Day 1, not the second's.
    assert_eq!(lifter.today("2026-11-09")["day"]["index"], 2, "a week after Day 1, the next training day");
    // The morning after, it is last time.
    let after = serde_json::from_str::<serde_json::Value>(&lifter.ok(&[
        "today",
        "--json",
        "--date",
        "2026-11-10",
        "--day",
        "1",
    ]))
    .expect("JSON");
    assert_eq!(exercise(&after, "Machine chest press")["last_time"]["date"], "2026-11-09");
}

#[test]
fn today_only_reads_the_log_even_with_a_session_left_open() {
    let lifter = Lifter::new();
    lifter.ok(&["log", "Lat pulldown", "60x10@1"]);
    // A session left open two days ago: `today` reads it as over, and leaves closing it to a
    // command that writes.
    let mut store = Store::open(&lifter.db()).expect("opens");
    let stale = store.start_session(DAY_1, Some(0), Utc::now() - Duration::days(2)).expect("starts");
    drop(store);
    let files = |lifter: &Lifter| {
        ["", "-wal", "-shm"]
            .map(|suffix| std::fs::read(format!("{}{suffix}", lifter.db().display())).unwrap_or_default())
    };
    let before = files(&lifter);
    let today: serde_json::Value = serde_json::from_str(&lifter.ok(&["today", "--json"])).expect("JSON");
    lifter.ok(&["today"]);
    assert!(files(&lifter) == before, "the log's files are byte for byte as they were");
    let store = Store::open(&lifter.db()).expect("opens");
    assert_eq!(store.session(stale.id).expect("still there").ended_at, None, "the stale session was not closed");
    let pulldown = today["exercises"].as_array().expect("exercises").iter().find(|e| e["exercise"] == "Lat pulldown");
    assert!(
        pulldown.is_some_and(|e| e["sets"].as_array().expect("sets").iter().any(|s| s["done"] == true)),
        "the running session's set shows as done: {today:#}"
    );
}

#[test]
fn a_plan_day_that_is_not_in_the_plan_is_refused() {
    let lifter = Lifter::new();
    for day in ["0", "6"] {
        let out = lifter.run(&["today", "--day", day]);
        assert_eq!(out.status.code(), Some(1), "--day {day}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("the plan has 5 days; give a number from 1 to 5"), "{said}");
    }
    assert!(!lifter.db().exists(), "reading today creates no log");
}

/// The sessions of the log, as `export --format json` writes them.
fn sessions(lifter: &Lifter) -> Vec<serde_json::Value> {
    let export: serde_json::Value =
        serde_json::from_str(&lifter.ok(&["export", "--format", "json"])).expect("JSON export");
    export["sessions"].as_array().expect("sessions").clone()
}

#[test]
fn a_forgotten_session_logged_afterwards_is_filed_on_its_own_day_and_leaves_todays_alone() {
    let lifter = two_mondays();
    // Today's session is running.
    lifter.ok(&["log", "Machine chest press", "55x8@1"]);
    // Wednesday's session was never logged: two sets of it, typed afterwards.
    let said = lifter.ok(&["log", "Lat pulldown", "55x10@1", "--at", "2026-11-11 18:00"]);
    assert!(said.contains("logged Lat pulldown working: 55 kg x 10 @ 1 (Wed 11 Nov 2026 18:00)"), "{said}");
    lifter.ok(&["log", "Incline dumbbell press", "22x8@1", "--at", "2026-11-11 18:06"]);
    // Back to today: the running session takes it.
    lifter.ok(&["log", "Machine chest press", "55x7@0"]);

    let sessions = sessions(&lifter);
    let wednesday: Vec<_> =
        sessions.iter().filter(|s| s["session_start"].as_str().is_some_and(|t| t.starts_with("2026-11-11"))).collect();
    assert_eq!(wednesday.len(), 1, "one session on Wednesday: {sessions:#?}");
    let wednesday = wednesday[0];
    assert_eq!(wednesday["plan_day"], "Day 3: incline and pulldown", "the day due on Wednesday after Monday's Day 1");
    assert_eq!(wednesday["session_start"], "2026-11-11T18:00:00Z");
    assert_eq!(wednesday["session_end"], "2026-11-11T18:06:00Z", "it ends at its last set");
    let exercises: Vec<_> = wednesday["sets"].as_array().expect("sets").iter().map(|s| s["exercise"].clone()).collect();
    assert_eq!(exercises, ["Lat pulldown", "Incline dumbbell press"]);
    let running = sessions.last().expect("today's session");
    assert_eq!(running["session_end"], serde_json::Value::Null, "today's session is still running");
    assert_eq!(running["sets"].as_array().map(Vec::len), Some(2), "both of today's sets are in it: {running:#}");
}

#[test]
fn a_set_logged_afterwards_joins_a_session_finished_that_day_as_the_app_would_but_not_the_day_before() {
    let lifter = Lifter::new();
    // A late session finished at 23:09 (after its last set at 23:06), and one that morning.
    lifter.import(&[
        session("2026-11-01 23:00", DAY_1, 0, vec![working("Machine chest press", 50.0, 8, Some(1.0))]),
        session(
            "2026-11-02 07:00",
            DAY_1,
            0,
            vec![working("Machine chest press", 50.0, 9, Some(1.0)), working("Seated cable row", 45.0, 9, Some(1.0))],
        ),
    ]);
    // Past midnight, within the app's three overnight hours: the late session was finished
    // the day before, so a set at 00:30 starts a session of its own.
    lifter.ok(&["log", "Lat pulldown", "55x10@1", "--at", "2026-11-02 00:30"]);
    // The evening of the morning session's day: the app reopens a session finished that day.
    lifter.ok(&["log", "Lateral raise", "8x15@2", "--at", "2026-11-02 18:00"]);
    let sessions = sessions(&lifter);
    let starts: Vec<_> = sessions.iter().map(|s| s["session_start"].clone()).collect();
    assert_eq!(starts, ["2026-11-01T23:00:00Z", "2026-11-02T00:30:00Z", "2026-11-02T07:00:00Z"], "{sessions:#?}");
    assert_eq!(sessions[0]["session_end"], "2026-11-01T23:06:00Z", "the late session ends as it did");
    assert_eq!(sessions[2]["sets"].as_array().map(Vec::len), Some(3), "the evening set joined the morning session");
    assert_eq!(sessions[2]["session_end"], "2026-11-02T18:00:00Z");
}

#[test]
fn sets_typed_afterwards_out_of_order_are_one_session() {
    let lifter = Lifter::new();
    lifter.ok(&["log", "Lat pulldown", "55x10@1", "--at", "2026-11-04 18:40"]);
    lifter.ok(&["log", "Incline dumbbell press", "22x8@1", "--at", "2026-11-04 18:10"]);
    let sessions = sessions(&lifter);
    assert_eq!(sessions.len(), 1, "{sessions:#?}");
    assert_eq!(sessions[0]["session_start"], "2026-11-04T18:10:00Z", "it starts at its first set");
    assert_eq!(sessions[0]["session_end"], "2026-11-04T18:40:00Z");
    let mut times: Vec<String> = sessions[0]["sets"]
        .as_array()
        .expect("sets")
        .iter()
        .map(|s| s["logged_at"].as_str().unwrap_or_default().to_string())
        .collect();
    times.sort();
    assert_eq!(times, ["2026-11-04T18:10:00Z", "2026-11-04T18:40:00Z"], "each set at its own time");
}

#[test]
fn a_set_logged_at_a_time_in_the_future_or_an_unreadable_time_is_refused_and_nothing_is_written() {
    let lifter = two_mondays();
    let before = lifter.ok(&["export"]);
    let tomorrow = (Utc::now() + Duration::days(1)).format("%Y-%m-%d %H:%M").to_string();
    for at in [tomorrow.as_str(), "2026-11-31 18:00", "yesterday", "2026-11-11"] {
        let out = lifter.run(&["log", "Lat pulldown", "55x10@1", "--at", at]);
        assert!(!out.status.success(), "--at {at} is refused");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("future") || said.contains("is not a time"), "--at {at}: {said}");
    }
    assert_eq!(lifter.ok(&["export"]), before, "nothing was written");
}

#[test]
fn a_set_logged_with_its_form_broken_is_stored_so_and_today_reads_it_back() {
    let lifter = two_mondays();
    lifter.ok(&["log", "Machine chest press", "55x8@1", "--form-broke", "--at", "2026-11-16 18:03"]);
    let sessions = sessions(&lifter);
    let set = &sessions.last().expect("a session")["sets"][0];
    assert_eq!(set["form_broke"], true, "{set:#}");
    let today = serde_json::from_str::<serde_json::Value>(&lifter.ok(&[
        "today",
        "--json",
        "--date",
        "2026-11-17",
        "--day",
        "1",
    ]))
    .expect("JSON");
    let press = exercise(&today, "Machine chest press");
    assert_eq!(press["last_time"]["form_broke"], true);
    assert!(press["reason"].as_str().is_some_and(|r| r.contains("form broke")), "{press:#}");
}

#[test]
fn log_says_what_the_app_would_when_a_set_goes_past_the_failure_budget() {
    let lifter = Lifter::new();
    // The bench stops 1-2 reps short: three sets to failure is two past the budget.
    let first = lifter.ok(&["log", "Barbell bench press", "80x8@0", "80x7@0"]);
    assert!(!first.contains("warning:"), "two is sometimes fine: {first}");
    let third = lifter.ok(&["log", "Barbell bench press", "80x6@0"]);
    assert!(third.contains("warning: 3 sets of Barbell bench press to failure today"), "{third}");
    assert!(third.contains("note: RIR 0 on a technical lift"), "{third}");
    let today: serde_json::Value = serde_json::from_str(&lifter.ok(&["today", "--json"])).expect("JSON");
    assert!(warning_kinds(&today).contains(&"failure-budget".to_string()), "{today:#}");
    let technical: Vec<_> = today["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter(|w| w["kind"] == "technical-failure")
        .map(|w| w["text"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        technical,
        [
            "Barbell bench press: 3 sets to failure today on a technical lift, where form breaks first: keep 1-2 in reserve."
        ]
    );
    assert!(!third.contains("warning: Barbell bench press: "), "the note already said it: {third}");
}

// ------------------------------------------------------------------ plan revisions (item 14)

/// A plan editor: a script that changes one line of plan.toml each time it runs.
fn editor(lifter: &Lifter) -> String {
    let script = lifter.root().join("edit.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nsed -i 's/reps = \"12-15\"/reps = \"12-16\"/; t; s/reps = \"12-16\"/reps = \"12-15\"/' \"$1\"\n",
    )
    .expect("writes the editor");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    script.display().to_string()
}

fn plan_edit(lifter: &Lifter, editor: &str) {
    let out = lifter.command().args(["plan", "edit"]).env("EDITOR", editor).output().expect("runs");
    assert!(out.status.success(), "plan edit: {}", String::from_utf8_lossy(&out.stderr));
}

fn plan_warnings(lifter: &Lifter) -> Vec<String> {
    let today: serde_json::Value = serde_json::from_str(&lifter.ok(&["today", "--json"])).expect("JSON");
    today["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter(|w| w["kind"] == "plan-changed")
        .map(|w| w["text"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn two_plan_edits_on_one_evening_are_one_revision() {
    let lifter = Lifter::new();
    lifter.ok(&["plan", "init"]);
    // The plan in use for ten days, trained on.
    let ten_days_ago = Utc::now() - Duration::days(10);
    let mut store = Store::open(&lifter.db()).expect("opens");
    store.record_plan_revision("the plan before", "Example week", ten_days_ago, |_, _| true).expect("records");
    drop(store);
    let trained = (ten_days_ago + Duration::days(2)).format("%Y-%m-%d 18:00").to_string();
    lifter.import(&[session(&trained, DAY_1, 0, vec![working("Machine chest press", 50.0, 8, Some(1.0))])]);

    let editor = editor(&lifter);
    plan_edit(&lifter, &editor);
    assert_eq!(
        plan_warnings(&lifter),
        ["The plan changed again after 10 days: give a plan three weeks before judging it."]
    );
    plan_edit(&lifter, &editor);
    plan_edit(&lifter, &editor);
    assert_eq!(
        plan_warnings(&lifter),
        ["The plan changed again after 10 days: give a plan three weeks before judging it."],
        "the evening's later edits are the same revision, not a change after 0 days"
    );
}

#[test]
fn plan_edits_before_the_plan_was_ever_trained_are_one_revision() {
    let lifter = Lifter::new();
    lifter.ok(&["plan", "init"]);
    let mut store = Store::open(&lifter.db()).expect("opens");
    store
        .record_plan_revision("the first draft", "Example week", Utc::now() - Duration::days(5), |_, _| true)
        .expect("records");
    drop(store);
    plan_edit(&lifter, &editor(&lifter));
    assert!(plan_warnings(&lifter).is_empty(), "no session was trained on the first draft: nothing changed too soon");
    let store = Store::open(&lifter.db()).expect("opens");
    let (current, previous) = store.plan_revisions().expect("reads");
    assert!(previous.is_none(), "one revision");
    assert!(current.is_some_and(|c| c.fingerprint != "the first draft"), "it holds the edited plan");
}

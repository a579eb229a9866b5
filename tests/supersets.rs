//! Supersets and circuits: `group = "A"` in the plan, checked when it is read, and the session
//! driven key by key: A1's set moves on to A2 with no rest, the round's last set starts the
//! group's rest, the rounds repeat, an exercise with fewer sets drops out, and undo.

mod common;

use std::fmt::Write as _;

use chrono::Duration;
use common::*;
use hardset::clock::FixedClock;
use hardset::model::plan::Plan;
use hardset::store::Store;
use hardset::tui::app::App;
use hardset::tui::driver::Driver;
use ratatui::crossterm::event::KeyCode;

/// Lateral raise and triceps pushdown as superset A (3 and 2 sets), a press before it.
const PLAN: &str = r#"name = "Supersets"
schedule = "rotation"

[[day]]
name = "Arms"

  [[day.exercise]]
  name = "Lateral raise"
  sets = 3
  reps = "12-15"
  rest = "90s"
  ramp_up = false
  group = "A"

  [[day.exercise]]
  name = "Cable triceps pushdown"
  sets = 2
  reps = "10-15"
  rest = "2m"
  group = "a"

  [[day.exercise]]
  name = "Machine chest press"
  reps = "6-10"
  rest = "3m"
  ramp_up = false
"#;

fn plan(text: &str) -> Plan {
    Plan::parse(text, "plan.toml", &catalogue()).expect("the plan parses")
}

fn superset_driver(clock: FixedClock) -> Driver<FixedClock> {
    Driver::new(App::new(plan(PLAN), test_settings()), Store::in_memory().expect("store"), clock)
}

/// Enter on the cursor's row, a load, Enter to the reps (prefilled), Enter to the RIR, the RIR,
/// Enter: the set is saved.
fn log_working(d: &mut Driver<FixedClock>, load: &str, rir: char) {
    press(d, &[key(KeyCode::Enter)]);
    type_text(d, load);
    press(d, &[key(KeyCode::Enter), key(KeyCode::Enter), ch(rir), key(KeyCode::Enter)]);
}

/// The exercise and row under the cursor: `Lateral raise set 2`.
fn on(d: &Driver<FixedClock>) -> String {
    let today = d.app.today.as_ref().expect("today");
    let (ei, si) = d.app.today_screen.cursor.expect("a cursor");
    let exercise = &today.exercises[ei];
    let slot = &exercise.slots[si];
    format!("{} {}", exercise.planned.name, hardset::training::checklist::slot_name(slot.kind, slot.number))
}

fn rest_seconds(d: &Driver<FixedClock>) -> Option<u32> {
    d.app.rest().map(|(_, seconds)| seconds)
}

#[test]
fn a_superset_round_moves_on_without_rest_and_rests_after_its_last_exercise() {
    let clock = FixedClock::at(evening());
    let mut d = superset_driver(clock.clone());
    assert_eq!(on(&d), "Lateral raise set 1");
    // A1: saved with the group's label, no rest, the cursor on A2.
    log_working(&mut d, "10", '2');
    assert_eq!(rest_seconds(&d), None, "no rest between the exercises of a round");
    assert_eq!(on(&d), "Cable triceps pushdown set 1");
    let message = d.app.message.clone().expect("a message").1;
    assert!(message.contains("no rest: on to the next exercise of A"), "{message}");
    // A2: the round is done; the group's rest (the longer of 90s and 2m) starts, cursor on A1.
    clock.advance(Duration::seconds(40));
    log_working(&mut d, "25", '2');
    assert_eq!(rest_seconds(&d), Some(120), "the group rests its longest rest after the round");
    assert_eq!(on(&d), "Lateral raise set 2", "round 2 starts at A1");
    // Round 2: A1 stops the rest, A2 starts it again.
    clock.advance(Duration::seconds(130));
    log_working(&mut d, "10", '1');
    assert_eq!(rest_seconds(&d), None, "A1 of round 2 stops the round's rest: no rest before A2");
    assert_eq!(on(&d), "Cable triceps pushdown set 2");
    log_working(&mut d, "25", '1');
    assert_eq!(rest_seconds(&d), Some(120));
    // Round 3: the pushdown's two sets are done, it drops out; the raise's set 3 ends the round
    // and the group, and rests.
    assert_eq!(on(&d), "Lateral raise set 3");
    log_working(&mut d, "10", '1');
    assert_eq!(rest_seconds(&d), Some(120), "a round of one exercise rests after it");
    assert_eq!(on(&d), "Machine chest press set 1", "after the group, on to the next exercise");
    // Every working set of the group carries its label; the press after it none.
    log_working(&mut d, "60", '1');
    assert_eq!(rest_seconds(&d), Some(180), "an exercise in no group rests as before");
    let sets = &d.app.today.as_ref().expect("today").sets;
    let labels: Vec<(&str, Option<&str>)> =
        sets.iter().map(|s| (s.entry.exercise.as_str(), s.entry.superset.as_deref())).collect();
    assert_eq!(
        labels,
        [
            ("Lateral raise", Some("A")),
            ("Cable triceps pushdown", Some("A")),
            ("Lateral raise", Some("A")),
            ("Cable triceps pushdown", Some("A")),
            ("Lateral raise", Some("A")),
            ("Machine chest press", None),
        ]
    );
}

#[test]
fn undoing_the_rounds_last_set_stops_the_rest_and_goes_back_to_it() {
    let mut d = superset_driver(FixedClock::at(evening()));
    log_working(&mut d, "10", '2');
    log_working(&mut d, "25", '2');
    assert_eq!(rest_seconds(&d), Some(120));
    assert_eq!(on(&d), "Lateral raise set 2");
    press(&mut d, &[ch('u'), ch('y')]);
    assert_eq!(rest_seconds(&d), None, "undoing the set that started the rest stops it");
    assert_eq!(on(&d), "Cable triceps pushdown set 1", "the undone set is the round's next");
    // Logged again, it ends the round again.
    log_working(&mut d, "27.5", '2');
    assert_eq!(rest_seconds(&d), Some(120));
    assert_eq!(on(&d), "Lateral raise set 2");
    // Undo of A1 (no rest running): the cursor goes back to it.
    log_working(&mut d, "10", '2');
    assert_eq!(on(&d), "Cable triceps pushdown set 2");
    press(&mut d, &[ch('u'), ch('y')]);
    assert_eq!(on(&d), "Lateral raise set 2");
    assert_eq!(d.app.today.as_ref().expect("today").sets.len(), 2);
}

#[test]
fn a_skipped_exercise_is_out_of_the_round() {
    let mut d = superset_driver(FixedClock::at(evening()));
    // Skip the pushdown (A2): A1 alone rests after each set.
    press(&mut d, &[key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down)]);
    assert_eq!(on(&d), "Cable triceps pushdown set 1");
    press(&mut d, &[ch('x')]);
    press(&mut d, &[key(KeyCode::Up), key(KeyCode::Up), key(KeyCode::Up)]);
    assert_eq!(on(&d), "Lateral raise set 1");
    log_working(&mut d, "10", '2');
    assert_eq!(rest_seconds(&d), Some(120), "the round is A1 alone");
    assert_eq!(on(&d), "Lateral raise set 2");
}

#[test]
fn ramp_ups_come_before_the_rounds_and_rest_as_ramp_ups() {
    let text = PLAN.replace("  ramp_up = false\n  group = \"A\"", "  ramp_up = true\n  group = \"A\"");
    let clock = FixedClock::at(evening());
    let mut d = Driver::new(App::new(plan(&text), test_settings()), Store::in_memory().expect("store"), clock);
    assert_eq!(on(&d), "Lateral raise ramp-up 1");
    // A ramp-up: load, Enter, reps prefilled, Enter saves; it rests the ramp-up rest.
    press(&mut d, &[key(KeyCode::Enter)]);
    type_text(&mut d, "4");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    assert_eq!(rest_seconds(&d), Some(60));
    let ramp_up = d.app.today.as_ref().expect("today").sets[0].clone();
    assert_eq!(ramp_up.entry.superset, None, "a ramp-up is not part of the round");
    while on(&d).contains("ramp-up") {
        press(&mut d, &[key(KeyCode::Enter)]);
        type_text(&mut d, "6");
        press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    }
    assert_eq!(on(&d), "Lateral raise set 1");
    log_working(&mut d, "10", '2');
    assert_eq!(rest_seconds(&d), None);
    assert_eq!(on(&d), "Cable triceps pushdown set 1");
}

// ---------------------------------------------------------------- the plan

/// A day of the given exercises, each `(name, extra lines)`, as plan.toml text.
fn day_of(exercises: &[(&str, &str)]) -> String {
    let mut text = String::from("name = \"Groups\"\nschedule = \"rotation\"\n\n[[day]]\nname = \"Day\"\n");
    for (name, extra) in exercises {
        let _ = write!(text, "\n  [[day.exercise]]\n  name = \"{name}\"\n  reps = \"8-12\"\n{extra}");
    }
    text
}

/// The plan refused: `path:line:column: message`, read from a file as the app reads it.
fn refused(text: &str) -> hardset::model::plan::PlanError {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, text).expect("writes");
    let error = Plan::load(&path, &catalogue()).expect_err("refused");
    assert_eq!(error.path, path.display().to_string());
    assert!(error.to_string().starts_with(&format!("{}:{}:{}: ", path.display(), error.line, error.column)));
    error
}

#[test]
fn groups_read_as_capital_letters_and_number_their_exercises() {
    let text = day_of(&[
        ("Lateral raise", "  group = \"a\"\n"),
        ("Cable triceps pushdown", "  group = \"A\"\n"),
        ("Machine chest press", ""),
        ("Face pull", "  group = \"B\"\n"),
        ("Cable curl", "  group = \"B\"\n"),
        ("Leg extension", "  group = \"B\"\n"),
    ]);
    let read = plan(&text);
    let groups: Vec<Option<&str>> = read.days[0].exercises.iter().map(|e| e.group.as_deref()).collect();
    assert_eq!(groups, [Some("A"), Some("A"), None, Some("B"), Some("B"), Some("B")]);
    let places = hardset::model::plan::group::places(groups);
    let shown: Vec<&str> = places.iter().map(|p| p.as_deref().unwrap_or("")).collect();
    assert_eq!(shown, ["A1", "A2", "", "B1", "B2", "B3"]);
    // A group changes what the plan prescribes (a new revision); no group leaves an older
    // plan's fingerprint as it was.
    let ungrouped = day_of(&[("Lateral raise", ""), ("Cable triceps pushdown", "")]);
    let grouped = day_of(&[("Lateral raise", "  group = \"A\"\n"), ("Cable triceps pushdown", "  group = \"A\"\n")]);
    assert_ne!(plan(&ungrouped).fingerprint, plan(&grouped).fingerprint);
    assert_eq!(example_plan().fingerprint, "2f2bac491dc2a39b", "the example week's revision is unchanged");
}

/// Text as a TOML basic string holds it: control characters as `\u001b`.
fn toml_escaped(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { format!("\\u{:04x}", u32::from(c)) } else { c.to_string() }).collect()
}

#[test]
fn a_group_that_is_split_alone_or_badly_labelled_is_refused_where_it_is_written() {
    // Split: A, then an exercise in no group, then A again: at the third exercise's label.
    let split = day_of(&[
        ("Lateral raise", "  group = \"A\"\n"),
        ("Machine chest press", ""),
        ("Cable triceps pushdown", "  group = \"A\"\n"),
    ]);
    let e = refused(&split);
    assert_eq!((e.line, e.column), (19, 11), "{e}");
    assert!(e.message.contains("group A is split: 'Lateral raise' is in it, then 'Machine chest press' is not"), "{e}");
    // A then B then A.
    let split = day_of(&[
        ("Lateral raise", "  group = \"A\"\n"),
        ("Face pull", "  group = \"B\"\n"),
        ("Cable curl", "  group = \"B\"\n"),
        ("Cable triceps pushdown", "  group = \"a\"\n"),
    ]);
    let e = refused(&split);
    assert_eq!((e.line, e.column), (25, 11), "{e}");
    assert!(e.message.contains("group A is split"), "{e}");
    // One exercise alone in its group: at its label.
    let alone = day_of(&[("Lateral raise", ""), ("Cable triceps pushdown", "  group = \"C\"\n")]);
    let e = refused(&alone);
    assert_eq!((e.line, e.column), (14, 11), "{e}");
    assert!(e.message.contains("group C holds only 'Cable triceps pushdown'"), "{e}");
    assert!(e.message.contains("two or more exercises back to back"), "{e}");
    // Labels that are not one letter.
    for bad in ["AB", "1", "", " ", "Ä", "A1", "\u{1b}[31m"] {
        let text = day_of(&[
            ("Lateral raise", &format!("  group = \"{}\"\n", toml_escaped(bad))),
            ("Cable triceps pushdown", "  group = \"A\"\n"),
        ]);
        let e = refused(&text);
        assert_eq!((e.line, e.column), (10, 11), "{bad:?}: {e}");
        assert!(e.message.contains("is not a group label; write one letter"), "{bad:?}: {e}");
        assert!(!e.to_string().contains('\u{1b}'), "control characters are escaped in the message: {e}");
    }
    // Not text at all.
    let text = day_of(&[("Lateral raise", "  group = 1\n"), ("Cable triceps pushdown", "  group = 1\n")]);
    let e = refused(&text);
    assert_eq!((e.line, e.column), (10, 11), "{e}");
    assert!(e.message.contains("write one letter"), "{e}");
    // A misspelt field names group among those expected.
    let text = day_of(&[("Lateral raise", "  grup = \"A\"\n")]);
    let e = refused(&text);
    assert!(e.message.contains("`grup` is not a setting here") && e.message.contains("`group`"), "{e}");
}

// ---------------------------------------------------------------- on screen

#[test]
fn today_shows_the_group_its_round_and_each_exercises_place() {
    let clock = FixedClock::at(evening());
    let mut d = superset_driver(clock.clone());
    let text = screen(&d, 80, 24);
    assert!(text.contains("Superset A · round 1 of 3 · then rest 2m"), "{text}");
    assert!(text.contains("A1 Lateral raise"), "{text}");
    assert!(text.contains("A2 Cable triceps pushdown"), "{text}");
    assert!(text.contains("A1 set 1"), "{text}");
    assert!(text.contains("A2 set 2"), "{text}");
    log_working(&mut d, "10", '2');
    let text = screen(&d, 80, 24);
    assert!(text.contains("no rest: on to the next exercise of A"), "{text}");
    assert!(text.contains("A2 Cable triceps pushdown · set 1"), "the form says the place in the round: {text}");
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("today_superset_mid_round_{w}x{h}"), screen(&d, w, h));
    }
    clock.advance(Duration::seconds(30));
    log_working(&mut d, "25", '2');
    clock.advance(Duration::seconds(20));
    let text = screen(&d, 80, 24);
    assert!(text.contains("Superset A · round 2 of 3"), "{text}");
    assert!(text.contains("1:40 of 2:00"), "{text}");
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("today_superset_resting_{w}x{h}"), screen(&d, w, h));
    }
}

#[test]
fn a_superset_draws_at_every_size_without_panicking() {
    let mut d = superset_driver(FixedClock::at(evening()));
    log_working(&mut d, "10", '2');
    for w in 0..=90 {
        for h in 0..=30 {
            let _ = screen(&d, w, h);
        }
    }
}

#[test]
fn hardset_today_prints_the_group_and_each_place_and_json_names_the_place() {
    let clock = FixedClock::at(evening());
    let mut d = superset_driver(clock.clone());
    log_working(&mut d, "10", '2');
    let today = d.app.today.clone().expect("today");
    let report = hardset::today::report::TodayReport::new(&today, hardset::model::units::Unit::Kg, &clock);
    let text = report.text(&[], "");
    assert!(
        text.contains("\nSuperset A · round 1 of 3 · then rest 2m\nA1 Lateral raise  3x12-15 @ RIR 0-1\n  today 10 kg x 12 @ 2 · next time"),
        "{text}"
    );
    assert!(text.contains("  [x] A1 set 1   10 kg x 12 @ 2\n"), "{text}");
    assert!(text.contains("\nA2 Cable triceps pushdown  2x10-15 @ RIR 0-1\n"), "{text}");
    assert!(text.contains("  [ ] A2 set 1   load? x 10 @ 0-1\n"), "{text}");
    assert!(text.contains("\n\nMachine chest press  1x6-10 @ RIR 0-1\n"), "{text}");
    let json = serde_json::to_value(&report).expect("JSON");
    let groups: Vec<&serde_json::Value> =
        json["exercises"].as_array().expect("list").iter().map(|e| &e["group"]).collect();
    assert_eq!(groups, [&serde_json::json!("A1"), &serde_json::json!("A2"), &serde_json::Value::Null]);
    assert!(json["exercises"][2].get("group").is_none(), "an exercise in no group has no group field");
}

#[test]
fn plan_show_marks_each_place_and_how_the_group_is_done() {
    let shown = hardset::files::show_plan(&plan(PLAN));
    assert!(shown.contains("\n  A1 Lateral raise             3 x 12-15  @ RIR 0-1  rest 1m30s\n"), "{shown}");
    assert!(shown.contains("\n  A2 Cable triceps pushdown    2 x 10-15  @ RIR 0-1  rest 2m\n"), "{shown}");
    assert!(shown.contains("\n  superset A: a set of each in turn, then rest 2m\n  Machine chest press "), "{shown}");
    // The example week has no group: shown as before.
    assert!(!hardset::files::show_plan(&example_plan()).contains("superset"));
}

#[test]
fn history_and_the_exercise_detail_mark_sets_done_in_a_superset() {
    let clock = FixedClock::at(evening());
    let mut d = superset_driver(clock.clone());
    log_working(&mut d, "10", '2');
    log_working(&mut d, "25", '2');
    // History: this week's session, its exercises tagged with their group.
    press(&mut d, &[ch('2'), key(KeyCode::Down)]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Lateral raise · superset A"), "{text}");
    assert!(text.contains("Cable triceps pushdown · superset A"), "{text}");
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("history_superset_{w}x{h}"), screen(&d, w, h));
    }
    // The exercise detail: each set done in the group says so.
    press(&mut d, &[ch('1'), ch('i')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("10 kg x 12 @ 2 · A"), "{text}");
    assert!(screen(&d, 120, 40).contains("10 kg x 12 @ 2 · superset A"));
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("exercise_detail_superset_{w}x{h}"), screen(&d, w, h));
    }
}

// ---------------------------------------------------------------- Hevy's superset_id

fn import_into(store: &mut Store, path: &std::path::Path) -> hardset::import::Report {
    let clock = FixedClock::at(evening());
    hardset::import::import_file(
        store,
        path,
        &hardset::import::Options::default(),
        &catalogue(),
        &clock,
        &mut |_, _, _| {},
    )
    .expect("imports")
}

fn hevy_export(store: &Store) -> String {
    let mut out = Vec::new();
    hardset::export::export(store, hardset::export::Format::Hevy, &FixedClock::at(evening()), &mut out)
        .expect("exports");
    String::from_utf8(out).expect("utf-8")
}

/// Each row's `superset_id` with its workout's start, set index, weight and reps (what tells a
/// row apart whatever the exercise is called), read with the csv reader, sorted.
fn superset_ids(text: &str) -> Vec<((String, String, String, String), String)> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("header").clone();
    let at = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (start, index, weight, reps, id) =
        (at("start_time"), at("set_index"), at("weight_kg"), at("reps"), at("superset_id"));
    let mut ids: Vec<_> = reader
        .records()
        .map(|r| {
            let r = r.expect("a row");
            (
                (r[start].to_string(), r[index].to_string(), r[weight].to_string(), r[reps].to_string()),
                r[id].to_string(),
            )
        })
        .collect();
    ids.sort();
    ids
}

/// How many rows of each workout (by start) have each `superset_id`.
fn ids_per_workout(text: &str) -> std::collections::BTreeMap<(String, String), usize> {
    let mut counts = std::collections::BTreeMap::new();
    for ((start, ..), id) in superset_ids(text) {
        if !id.is_empty() {
            *counts.entry((start, id)).or_default() += 1;
        }
    }
    counts
}

#[test]
fn hevy_superset_ids_import_as_groups_by_order_of_appearance_and_export_back() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/hevy_supersets.csv");
    let mut store = Store::in_memory().expect("store");
    let report = import_into(&mut store, &path);
    assert_eq!((report.counts.working_added, report.counts.ramp_up_added), (15, 2));
    let mut labels: Vec<(String, Option<String>)> = Vec::new();
    store
        .for_each_set(|s| {
            labels.push((s.entry.exercise.clone(), s.entry.superset.clone()));
            Ok(())
        })
        .expect("reads");
    let of = |name: &str| -> Vec<Option<&str>> {
        labels.iter().filter(|(e, _)| e == name).map(|(_, l)| l.as_deref()).collect()
    };
    // Id 0 is the first group of each workout (A), id 1 the second (B); a warm-up in a
    // superset keeps it, as Hevy has it; no id, no group.
    assert_eq!(of("Lateral raise"), [Some("A"); 3], "{labels:?}");
    assert_eq!(of("Cable triceps pushdown"), [Some("A"); 2], "{labels:?}");
    assert_eq!(of("Cable curl"), [Some("B"); 2], "{labels:?}");
    assert_eq!(of("Face pull"), [Some("B"); 2], "{labels:?}");
    assert_eq!(of("Hammer curl"), [Some("B")], "a circuit of three");
    assert_eq!(of("Seated cable row"), [Some("A"); 2], "{labels:?}");
    assert_eq!(of("Lat pulldown"), [Some("A"); 2], "{labels:?}");
    assert!(of("Barbell back squat").iter().all(Option::is_none), "{labels:?}");
    assert!(of("Barbell bench press").iter().all(Option::is_none), "{labels:?}");
    // Exported again, every row has the superset_id it came with.
    let original = std::fs::read_to_string(&path).expect("reads");
    let first = hevy_export(&store);
    assert_eq!(superset_ids(&first), superset_ids(&original));
    // And export, import, export gives the same file.
    let dir = tempfile::tempdir().expect("temp dir");
    let again = dir.path().join("workout_data.csv");
    std::fs::write(&again, &first).expect("writes");
    let mut copy = Store::in_memory().expect("store");
    import_into(&mut copy, &again);
    assert_eq!(hevy_export(&copy), first);
}

#[test]
fn sets_logged_in_a_superset_export_to_hevy_and_back_the_same() {
    let clock = FixedClock::at(evening());
    let mut d = superset_driver(clock.clone());
    for (load, rir) in [("10", '2'), ("25", '2'), ("10", '1'), ("25", '1'), ("10", '1'), ("60", '1')] {
        log_working(&mut d, load, rir);
        clock.advance(Duration::seconds(90));
    }
    let first = hevy_export(&d.store);
    let mut reader = csv::Reader::from_reader(first.as_bytes());
    let ids: Vec<String> = reader.records().map(|r| r.expect("a row")[5].to_string()).collect();
    assert_eq!(ids, ["0", "0", "0", "0", "0", ""], "{first}");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("workout_data.csv");
    std::fs::write(&path, &first).expect("writes");
    let mut copy = Store::in_memory().expect("store");
    import_into(&mut copy, &path);
    assert_eq!(hevy_export(&copy), first, "export, import, export gives the same file");
}

#[test]
fn the_real_hevy_exports_277_superset_rows_import_as_groups_and_export_back() {
    // The real export, unmodified, beside the repository or where HARDSET_EXTERNAL_DATA says
    // (CI sets it, and then it must be there).
    let set = std::env::var_os("HARDSET_EXTERNAL_DATA").map(std::path::PathBuf::from);
    let dir =
        set.clone().unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/external"));
    let path = dir.join("hevy_export_kg_2024-2025.csv");
    if !path.is_file() {
        assert!(set.is_none(), "HARDSET_EXTERNAL_DATA is set but holds no hevy_export_kg_2024-2025.csv");
        eprintln!("skipped the real Hevy export's supersets: {} not found", path.display());
        return;
    }
    let original = std::fs::read_to_string(&path).expect("reads");
    let in_file = ids_per_workout(&original);
    assert_eq!(in_file.values().sum::<usize>(), 277, "the csv reader counts 277 rows with a superset_id");
    let mut store = Store::in_memory().expect("store");
    import_into(&mut store, &path);
    let mut grouped = 0;
    store
        .for_each_set(|s| {
            grouped += usize::from(s.entry.superset.as_deref() == Some("A"));
            Ok(())
        })
        .expect("reads");
    assert_eq!(grouped, 277, "each row with a superset_id is a set of group A (every id there is 0)");
    let exported = hevy_export(&store);
    assert_eq!(ids_per_workout(&exported), in_file, "each workout's superset rows go back out with their id");
}

#[test]
fn the_example_weeks_commented_superset_works_once_uncommented() {
    let text = hardset::model::plan::EXAMPLE_WEEK.replace("  # group = \"A\"", "  group = \"A\"");
    let day = plan(&text).days.into_iter().next().expect("day 1");
    let groups: Vec<(&str, Option<&str>)> =
        day.exercises.iter().map(|e| (e.name.as_str(), e.group.as_deref())).collect();
    assert_eq!(
        groups,
        [
            ("Machine chest press", None),
            ("Seated cable row", None),
            ("Lateral raise", Some("A")),
            ("Cable triceps pushdown", Some("A"))
        ]
    );
}

#[test]
fn editing_a_set_of_a_round_keeps_its_group() {
    let mut d = superset_driver(FixedClock::at(evening()));
    log_working(&mut d, "10", '2');
    // Back up to A1's logged set, Enter edits it: 12 reps become 13.
    press(&mut d, &[key(KeyCode::Up), key(KeyCode::Up), key(KeyCode::Up), key(KeyCode::Up), key(KeyCode::Up)]);
    assert_eq!(on(&d), "Lateral raise set 1");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), key(KeyCode::Backspace)]);
    type_text(&mut d, "3");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    let sets = &d.app.today.as_ref().expect("today").sets;
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0].entry.reps, 13, "the edit is saved");
    assert_eq!(sets[0].entry.superset.as_deref(), Some("A"), "and the set is still in group A");
}

#[test]
fn the_rest_pane_says_when_the_round_will_rest() {
    let mut d = superset_driver(FixedClock::at(evening()));
    assert!(screen(&d, 80, 24).contains("Superset A: no rest until"), "before the first set too");
    log_working(&mut d, "10", '2');
    let text = screen(&d, 120, 40);
    assert!(text.contains("Superset A: no rest until the round is done, then"), "{text}");
    // On the press after the group, the pane says what it always says.
    for (load, rir) in [("25", '2'), ("10", '1'), ("25", '1'), ("10", '1')] {
        log_working(&mut d, load, rir);
    }
    press(&mut d, &[ch('s')]);
    assert_eq!(on(&d), "Machine chest press set 1");
    assert!(screen(&d, 120, 40).contains("Starts by itself when a set is saved."));
}

#[test]
fn hardset_log_in_a_superset_stores_the_group_and_rests_after_the_round() {
    let clock = FixedClock::at(evening());
    let mut store = Store::in_memory().expect("store");
    let plan = plan(PLAN);
    let settings = test_settings();
    let rest = |store: &Store| {
        let session = store.all_sessions().expect("sessions").into_iter().next().expect("a session");
        session.rest_until.map(|_| session.rest_seconds)
    };
    // One set from the shell: A1, no rest.
    let a1 = [working("Lateral raise", 10.0, 12, 2)];
    hardset::cli::log_sets(&mut store, &plan, &settings, &clock, &a1, &mut Vec::new()).expect("logs");
    assert_eq!(rest(&store), None);
    // Two in one command: A2 ends round 1, A1 starts round 2 (no rest again).
    clock.advance(Duration::seconds(60));
    let two = [working("Cable triceps pushdown", 25.0, 10, 2), working("Lateral raise", 10.0, 12, 1)];
    hardset::cli::log_sets(&mut store, &plan, &settings, &clock, &two, &mut Vec::new()).expect("logs");
    assert_eq!(rest(&store), None, "round 2's A1 was the last set: no rest");
    clock.advance(Duration::seconds(60));
    let a2 = [working("Cable triceps pushdown", 25.0, 10, 1)];
    hardset::cli::log_sets(&mut store, &plan, &settings, &clock, &a2, &mut Vec::new()).expect("logs");
    assert_eq!(rest(&store), Some(120), "the round's last set rests the group's rest");
    let mut labels = Vec::new();
    store
        .for_each_set(|s| {
            labels.push(s.entry.superset.clone());
            Ok(())
        })
        .expect("reads");
    assert_eq!(labels, vec![Some("A".to_string()); 4]);
}

#[test]
fn a_round_done_out_of_order_still_rests_once_after_its_last_set() {
    let mut d = superset_driver(FixedClock::at(evening()));
    // The lifter goes to A2 first (the cable was free).
    press(&mut d, &[key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down)]);
    assert_eq!(on(&d), "Cable triceps pushdown set 1");
    log_working(&mut d, "25", '2');
    assert_eq!(rest_seconds(&d), None, "A1 of this round is still to do");
    assert_eq!(on(&d), "Lateral raise set 1", "the round's next set is A1");
    log_working(&mut d, "10", '2');
    assert_eq!(rest_seconds(&d), Some(120), "A1 ends the round");
    assert_eq!(on(&d), "Lateral raise set 2");
}

#[test]
fn a_circuit_of_three_goes_round_all_three_before_its_rest() {
    let text = day_of(&[
        ("Machine chest press", "  ramp_up = false\n  rest = \"3m\"\n"),
        ("Cable curl", "  sets = 2\n  rest = \"60s\"\n  group = \"B\"\n"),
        ("Face pull", "  sets = 2\n  rest = \"75s\"\n  group = \"B\"\n"),
        ("Leg extension", "  sets = 2\n  ramp_up = false\n  rest = \"2m30s\"\n  group = \"B\"\n"),
    ]);
    let mut d = Driver::new(
        App::new(plan(&text), test_settings()),
        Store::in_memory().expect("store"),
        FixedClock::at(evening()),
    );
    let screen_text = screen(&d, 80, 24);
    assert!(screen_text.contains("Circuit B · round 1 of 2 · then rest 2m30s"), "{screen_text}");
    assert!(screen_text.contains("B3 Leg extension"), "{screen_text}");
    log_working(&mut d, "60", '1');
    assert_eq!(rest_seconds(&d), Some(180), "the press before the circuit rests as it always did");
    assert_eq!(on(&d), "Cable curl set 1");
    log_working(&mut d, "20", '2');
    assert_eq!((rest_seconds(&d), on(&d).as_str()), (None, "Face pull set 1"));
    log_working(&mut d, "15", '2');
    assert_eq!((rest_seconds(&d), on(&d).as_str()), (None, "Leg extension set 1"));
    log_working(&mut d, "40", '2');
    assert_eq!(rest_seconds(&d), Some(150), "B3 ends the round: the circuit's longest rest");
    assert_eq!(on(&d), "Cable curl set 2");
}

//! Last time beside today (issue 14, items 1 and 2): every working set shows the same set of the
//! exercise's last session ("prev 60 x 9 @ 1") and the note left on it, on Today, in the set
//! form, in History's week comparison and in the exercise detail, cleaned of control characters
//! and cut short with `…` where 80 columns end.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::*;
use hardset::clock::FixedClock;
use hardset::model::exercise::Catalogue;
use hardset::model::plan::Plan;
use hardset::model::session::{Basis, SessionFor, SetEntry, SetKind};
use hardset::model::units::{Load, Rir, Unit, Weight};
use hardset::store::Store;
use hardset::tui::app::App;
use hardset::tui::driver::Driver;
use ratatui::crossterm::event::KeyCode;

const PLAN: &str = r#"
name = "Notes"
schedule = "rotation"

[[day]]
name = "Press"

  [[day.exercise]]
  name = "Machine chest press"
  sets = 3
  reps = "8-12"
  ramp_up = false

  [[day.exercise]]
  name = "Chin-up"
  sets = 2
  reps = "6-10"
"#;

const LONG_NOTE: &str = "last rep shoulders rolled forward, keep them pinned to the pad next time";

fn set(exercise: &str, basis: Basis, load: f64, reps: u16, rir: u8, note: &str) -> SetEntry {
    SetEntry {
        exercise: exercise.into(),
        kind: SetKind::Working,
        weight: Weight::new(Load::from_f64(load).expect("load"), Unit::Kg),
        basis,
        reps,
        rir: Rir::whole(rir),
        note: note.into(),
        ..Default::default()
    }
}

/// Thursday 19 Nov (the week before the tests' Sunday): three chest press sets, two with notes
/// (one long, one holding an escape sequence), and two chin-ups on a belt, the first noted.
fn log_with_notes() -> Store {
    let mut store = Store::in_memory().expect("store");
    let thursday = Utc.with_ymd_and_hms(2026, 11, 19, 18, 0, 0).single().expect("time");
    let sets = [
        set("Machine chest press", Basis::Load, 60.0, 10, 1, "seat on 4"),
        set("Machine chest press", Basis::Load, 60.0, 9, 1, LONG_NOTE),
        set("Machine chest press", Basis::Load, 60.0, 8, 0, ""),
        set("Chin-up", Basis::BodyPlus, 10.0, 6, 0, "grip\u{1b}[2J wide\nthumbs over"),
        set("Chin-up", Basis::BodyPlus, 10.0, 5, 0, ""),
    ];
    let mut session = SessionFor::New { day_name: "Press".into(), day_index: Some(0) };
    let mut at = thursday;
    for entry in &sets {
        let logged = store.log_set(&session, entry, at, 0).expect("logs");
        session = SessionFor::Existing(logged.session_id);
        at += Duration::minutes(3);
    }
    if let SessionFor::Existing(id) = session {
        store.end_session(id, at).expect("ends");
    }
    store
}

fn driver() -> Driver<FixedClock> {
    let plan = Plan::parse(PLAN, "plan.toml", &Catalogue::shipped()).expect("the plan parses");
    Driver::new(App::new(plan, test_settings()), log_with_notes(), FixedClock::at(evening()))
}

fn enter() -> ratatui::crossterm::event::KeyEvent {
    key(KeyCode::Enter)
}

#[test]
fn every_working_set_shows_the_same_set_of_last_time_with_its_note() {
    let mut d = driver();
    let today = d.app.today.clone().expect("today");
    let press_today = &today.exercises[0];
    let prev: Vec<Option<String>> =
        press_today.slots.iter().map(|s| press_today.prev_for(s).map(|p| p.entry.summary())).collect();
    assert_eq!(
        prev,
        [Some("60 kg x 10 @ 1".to_string()), Some("60 kg x 9 @ 1".into()), Some("60 kg x 8 @ 0".into())],
        "set n beside last time's set n"
    );

    // At 80 columns "prev" has a line under its row; the note of a row not under the cursor is
    // cut short, and no control character reaches the terminal.
    let narrow = screen(&d, 80, 24);
    assert!(narrow.contains("prev 60 x 10 @ 1") && narrow.contains("seat on 4"), "{narrow}");
    assert!(narrow.contains("prev 60 x 9 @ 1"), "{narrow}");
    assert!(narrow.contains("prev 60 x 8 @ 0"), "{narrow}");
    assert!(narrow.contains("last rep shoulders") && narrow.contains('…'), "a long note is cut: {narrow}");
    assert!(!narrow.contains(LONG_NOTE), "{narrow}");
    // At 120 columns it is on the row.
    let wide = screen(&d, 120, 40);
    assert!(wide.contains("60 kg x 11 @ 0-1  prev 60 x 9 @ 1 · last rep sh"), "{wide}");
    assert!(wide.contains("prev BW+10 x 6 @ 0") && wide.contains("grip[2J wide thumbs over"), "{wide}");
    assert!(!wide.contains('\u{1b}') && !narrow.contains('\u{1b}'), "no escape reaches the screen");

    // The form for set 1 says what set 1 was last time, and its note.
    press(&mut d, &[enter()]);
    let form = screen(&d, 80, 24);
    assert!(form.contains("Last") && form.contains("60 kg x 10 @ 1"), "{form}");
    assert!(form.contains("Last note: seat on 4"), "{form}");
    type_text(&mut d, "62.5");
    press(&mut d, &[enter()]);
    for _ in 0..4 {
        d.key(key(KeyCode::Backspace));
    }
    type_text(&mut d, "10");
    press(&mut d, &[enter(), ch('1'), enter()]);
    assert_eq!(d.app.today.as_ref().map(|t| t.sets.len()), Some(1), "set 1 saved");

    // Set 2 is next: its row and its form show last time's set 2, the long note whole under the
    // cursor's row and in two lines in the form, cut with … beyond them.
    d.clock.advance(Duration::minutes(3));
    d.tick();
    press(&mut d, &[enter()]);
    assert_eq!(d.app.today_screen.form.target.as_ref().map(|t| t.number), Some(2));
    let narrow = screen(&d, 80, 24);
    assert!(narrow.contains("60 kg x 9 @ 1"), "{narrow}");
    assert!(narrow.contains("Last note: last rep"), "{narrow}");
    assert!(narrow.contains("keep them pinned"), "the cursor's row shows the note whole: {narrow}");
    insta::assert_snapshot!("today_prev_and_notes_80x24", narrow);
    insta::assert_snapshot!("today_prev_and_notes_120x40", screen(&d, 120, 40));
}

#[test]
fn on_body_weight_prev_says_the_belt() {
    let d = driver();
    let today = d.app.today.as_ref().expect("today");
    let chin = &today.exercises[1];
    let working: Vec<_> = chin.slots.iter().filter(|s| s.kind == SetKind::Working).collect();
    let prev: Vec<String> = working
        .iter()
        .filter_map(|s| chin.prev_for(s))
        .map(|p| hardset::training::checklist::prev_text(&p.entry, hardset::model::units::Effort::Rir, Some(Unit::Kg)))
        .collect();
    assert_eq!(prev, ["BW+10 x 6 @ 0", "BW+10 x 5 @ 0"]);
    let ramp = chin.slots.iter().find(|s| s.kind == SetKind::RampUp);
    assert!(ramp.is_none_or(|s| chin.prev_for(s).is_none()), "a ramp-up has no prev");
}

#[test]
fn a_set_beyond_last_time_has_no_prev() {
    let text = PLAN.replace("sets = 3", "sets = 4");
    let plan = Plan::parse(&text, "plan.toml", &Catalogue::shipped()).expect("the plan parses");
    let d = Driver::new(App::new(plan, test_settings()), log_with_notes(), FixedClock::at(evening()));
    let today = d.app.today.as_ref().expect("today");
    let press_today = &today.exercises[0];
    assert_eq!(press_today.slots.len(), 4);
    assert!(press_today.prev_for(&press_today.slots[3]).is_none(), "last time had three sets");
    let wide = screen(&d, 120, 40);
    let fourth = wide.lines().find(|l| l.contains("set 4")).expect("set 4 row");
    assert!(!fourth.contains("prev"), "{fourth}");
}

#[test]
fn history_and_the_detail_show_the_notes() {
    let mut d = driver();
    // Log set 1 today with a note, then compare the week with the week before.
    press(&mut d, &[enter()]);
    type_text(&mut d, "62.5");
    press(&mut d, &[enter()]);
    for _ in 0..4 {
        d.key(key(KeyCode::Backspace));
    }
    type_text(&mut d, "10");
    press(&mut d, &[enter(), ch('1'), key(KeyCode::Down), key(KeyCode::Down)]);
    assert_eq!(d.app.today_screen.form.focused(), hardset::tui::form::Field::Note);
    type_text(&mut d, "seat on 5 now");
    press(&mut d, &[enter()]);
    let today = d.app.today.as_ref().expect("today");
    assert_eq!(today.sets.first().map(|s| s.entry.note.as_str()), Some("seat on 5 now"), "{:?}", today.sets);

    press(&mut d, &[key(KeyCode::Esc), ch('2')]);
    let history = screen(&d, 80, 24);
    assert!(history.contains("note: seat on 4"), "last week's note under its set: {history}");
    assert!(history.contains("note: seat on 5"), "this week's note in its column: {history}");
    assert!(history.contains("note: last rep"), "{history}");
    assert!(!history.contains(LONG_NOTE), "cut at 80 columns: {history}");
    insta::assert_snapshot!("history_notes_80x24", history);
    insta::assert_snapshot!("history_notes_120x40", screen(&d, 120, 40));

    press(&mut d, &[ch('1'), ch('i')]);
    let detail = screen(&d, 120, 40);
    assert!(detail.contains("62.5 kg x 10 @ 1 ★ · seat on 5 now"), "{detail}");
    assert!(detail.contains("60 kg x 9 @ 1 · last rep shoulders"), "{detail}");
    assert!(!detail.contains('\u{1b}'), "{detail}");
    insta::assert_snapshot!("detail_notes_80x24", screen(&d, 80, 24));
}

#[test]
fn the_plans_pinned_note_is_under_the_exercise_every_time() {
    let text = PLAN
        .replace(
            "  sets = 3\n",
            "  sets = 3\n  note = \"seat on 4, handles at the second hole, elbows 45 degrees, squeeze at the top\\u001b[2J\"\n",
        )
        .replace("  sets = 2\n", "  sets = 2\n  note = \"thumbs over the bar, full hang at the bottom of every rep\"\n");
    let plan = Plan::parse(&text, "plan.toml", &Catalogue::shipped()).expect("the plan parses");
    let press_plan = plan.days[0].exercises.iter().find(|e| e.name == "Machine chest press").expect("planned");
    assert!(!press_plan.note.contains('\u{1b}'), "control characters are taken out where the plan is read");
    assert!(press_plan.note.starts_with("seat on 4"), "{}", press_plan.note);
    let d = Driver::new(App::new(plan, test_settings()), log_with_notes(), FixedClock::at(evening()));

    let narrow = screen(&d, 80, 24);
    let lines: Vec<&str> = narrow.lines().collect();
    let title = lines.iter().position(|l| l.contains("Machine chest press  3x8-12")).expect("title");
    assert!(lines[title + 1].contains("◆ seat on 4"), "under the title: {narrow}");
    assert!(
        narrow.contains("elbows 45 degrees, squeeze at the") && narrow.contains("    top[2J"),
        "the selected exercise's note is whole: {narrow}"
    );
    assert!(narrow.contains("◆ seat on 4, handles"), "the form shows it too: {narrow}");
    let chin = lines.iter().position(|l| l.contains("Chin-up  2x6-10")).expect("chin-up title");
    assert!(lines[chin + 1].contains("◆ thumbs over the bar") && lines[chin + 1].contains('…'), "{narrow}");
    insta::assert_snapshot!("pinned_note_80x24", narrow);
    insta::assert_snapshot!("pinned_note_120x40", screen(&d, 120, 40));
}

#[test]
fn a_plan_without_notes_pins_nothing() {
    let plan = Plan::parse(PLAN, "plan.toml", &Catalogue::shipped()).expect("the plan parses");
    assert!(plan.days[0].exercises.iter().all(|e| e.note.is_empty()));
    let d = driver();
    assert!(!screen(&d, 120, 40).contains('◆'));
}

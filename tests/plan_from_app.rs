//! Editing the plan without leaving the app (`P` in Today's sets), through the driver: the same
//! draft rules as `hardset plan edit`, with the terminal handed to the editor and taken back
//! whatever became of it. The "editor" is a small shell script in a temporary folder.

mod common;

use std::path::Path;
use std::sync::{Arc, Mutex};

use common::*;
use hardset::clock::FixedClock;
use hardset::tui::driver::{Driver, Handover, PlanFiles};
use hardset::tui::screens::Pane;
use hardset::tui::theme::Meaning;
use ratatui::crossterm::event::KeyCode;

/// A terminal that notes each hand-over, and whether the app has it now.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<&'static str>>>);

impl Recorder {
    fn calls(&self) -> Vec<&'static str> {
        self.0.lock().expect("not poisoned").clone()
    }
}

impl Handover for Recorder {
    fn leave(&mut self) -> std::io::Result<()> {
        self.0.lock().expect("not poisoned").push("leave");
        Ok(())
    }

    fn enter(&mut self) -> std::io::Result<()> {
        self.0.lock().expect("not poisoned").push("enter");
        Ok(())
    }
}

/// An executable shell script `body` (given the draft as `$1`), in `dir`.
fn editor(dir: &Path, name: &str, body: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("script");
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    path.display().to_string()
}

/// A driver at this evening whose plan lives in `dir`, edited with `editor`; its terminal
/// notes each hand-over.
fn driver_with(dir: &Path, editor: &str) -> (Driver<FixedClock>, Recorder) {
    let mut d = fresh_driver();
    d.plan_files = Some(PlanFiles { config_dir: dir.to_path_buf(), catalogue: catalogue(), editor: editor.into() });
    let recorder = Recorder::default();
    d.terminal = Box::new(recorder.clone());
    (d, recorder)
}

fn status(d: &Driver<FixedClock>) -> (Meaning, String) {
    d.app.message.clone().expect("a message")
}

fn day_one(d: &Driver<FixedClock>) -> String {
    d.app.today.as_ref().expect("today").day.name.clone()
}

#[test]
fn a_good_draft_is_saved_used_at_once_and_noted_in_the_plans_history() {
    let dir = tempfile::tempdir().expect("temp dir");
    let script = editor(dir.path(), "rename.sh", "sed -i 's/Day 1: push and pull/Day 1: press and row/' \"$1\"");
    let (mut d, terminal) = driver_with(dir.path(), &script);
    assert_eq!(day_one(&d), "Day 1: push and pull");
    press(&mut d, &[ch('P')]);
    let (meaning, text) = status(&d);
    assert_eq!(meaning, Meaning::Good);
    assert_eq!(text, "Plan saved and in use: 'Example week', 5 days");
    // Without a plan.toml, the draft started from the example week; the edit made plan.toml.
    let saved = std::fs::read_to_string(dir.path().join("plan.toml")).expect("plan.toml written");
    assert!(saved.contains("Day 1: press and row"));
    assert!(!dir.path().join("plan.toml.edit").exists(), "the draft became the plan");
    // The app uses it now: the plan and Today show the new day's name.
    assert_eq!(d.app.plan.days[0].name, "Day 1: press and row");
    assert_eq!(day_one(&d), "Day 1: press and row");
    insta::assert_snapshot!("plan_edited_from_the_app_80x24", screen(&d, 80, 24));
    assert_eq!(terminal.calls(), ["leave", "enter"], "the terminal was handed over and taken back");
    // Noted in the log's plan revisions, as `hardset plan edit` notes it.
    let (current, _) = d.store.plan_revisions().expect("reads");
    assert_eq!(current.map(|r| r.fingerprint), Some(d.app.plan.fingerprint.clone()));
}

#[test]
fn a_refused_draft_says_where_it_is_wrong_escaped_and_keeps_the_old_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("plan.toml"), hardset::model::plan::EXAMPLE_WEEK).expect("plan");
    // An exercise name with an escape sequence in it (TOML's \u001b), which no catalogue knows.
    let script = editor(
        dir.path(),
        "bad.sh",
        "sed -i 's/name = \"Lateral raise\"/name = \"Lateral \\\\u001b[31m raise\"/' \"$1\"",
    );
    let (mut d, terminal) = driver_with(dir.path(), &script);
    let before = d.app.plan.clone();
    press(&mut d, &[ch('P')]);
    let (meaning, text) = status(&d);
    assert_eq!(meaning, Meaning::Error);
    let draft = std::fs::read_to_string(dir.path().join("plan.toml.edit")).expect("the draft is kept");
    let line = draft.lines().position(|l| l.contains("Lateral \\u001b")).expect("the edit is in the draft") + 1;
    assert!(text.starts_with(&format!("Plan not changed: plan.toml.edit:{line}:")), "{text}");
    assert!(text.contains("\\u{1b}") && !text.contains('\u{1b}'), "quoted text is escaped: {text:?}");
    assert!(text.ends_with("· P to fix it"), "{text}");
    assert_eq!(d.app.plan, before, "the old plan stays in use");
    // On the status line at 80x24 the place comes first, and the key to carry on stays whole.
    let shown = screen(&d, 80, 24);
    let status_line = shown.lines().nth(22).expect("status line");
    assert!(status_line.starts_with(&format!(" Plan not changed: plan.toml.edit:{line}:")), "{status_line}");
    assert!(status_line.trim_end().ends_with("· P to fix it"), "{status_line}");
    insta::assert_snapshot!("plan_refused_from_the_app_80x24", shown);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.toml")).expect("plan"),
        hardset::model::plan::EXAMPLE_WEEK,
        "plan.toml untouched"
    );
    assert_eq!(terminal.calls(), ["leave", "enter"]);
}

#[test]
fn closing_the_editor_with_nothing_changed_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("plan.toml"), hardset::model::plan::EXAMPLE_WEEK).expect("plan");
    let (mut d, _) = driver_with(dir.path(), "true");
    press(&mut d, &[ch('P')]);
    let (_, text) = status(&d);
    assert_eq!(text, "No change to plan.toml");
    assert!(!dir.path().join("plan.toml.edit").exists());
}

#[test]
fn an_editor_that_cannot_start_says_so_and_the_terminal_is_taken_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-editor").display().to_string();
    let (mut d, terminal) = driver_with(dir.path(), &missing);
    press(&mut d, &[ch('P')]);
    let (meaning, text) = status(&d);
    assert_eq!(meaning, Meaning::Error);
    assert!(text.starts_with("Plan not changed: the editor '"), "{text}");
    assert!(text.contains("no-such-editor' could not be started") && text.contains("set $VISUAL or $EDITOR"), "{text}");
    assert_eq!(terminal.calls(), ["leave", "enter"], "the screen is taken back even so");
    assert!(!dir.path().join("plan.toml.edit").exists() && !dir.path().join("plan.toml").exists());
}

#[test]
fn a_set_typed_in_the_form_is_still_there_after_the_plan_is_edited() {
    let dir = tempfile::tempdir().expect("temp dir");
    let script = editor(dir.path(), "reps.sh", "sed -i 's/reps = \"6-10\"/reps = \"6-12\"/' \"$1\"");
    let (mut d, _) = driver_with(dir.path(), &script);
    press(&mut d, &[ch('j'), ch('j'), key(KeyCode::Enter)]);
    type_text(&mut d, "62.5");
    press(&mut d, &[key(KeyCode::Esc)]);
    assert_eq!(d.app.pane, Pane::Checklist);
    press(&mut d, &[ch('P')]);
    assert!(status(&d).1.contains("saved"), "{:?}", status(&d));
    assert_eq!(d.app.plan.days[0].exercises[0].reps.to_string(), "6-12");
    assert!(d.app.today_screen.form.dirty, "the typed set is kept");
    assert_eq!(d.app.today_screen.form.weight, "62.5");
}

#[test]
fn the_demo_has_no_plan_file_to_edit() {
    let mut d = fresh_driver();
    press(&mut d, &[ch('P')]);
    let (meaning, text) = status(&d);
    assert_eq!(meaning, Meaning::Error);
    assert!(text.starts_with("No plan file here: the demo runs the shipped example week"), "{text}");
}

//! Issue 14, item 13: messages that said the wrong thing or nothing clear. The app's `x` on an
//! added exercise, and the shell's `log` (a unit in the set, a minus before the load), `--db` in
//! a folder that is not there, and `history` of an exercise with only ramp-ups logged.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::*;

fn message(d: &hardset::tui::driver::Driver<hardset::clock::FixedClock>) -> String {
    d.app.message.as_ref().map(|(_, text)| text.clone()).unwrap_or_default()
}

#[test]
fn x_on_an_added_exercise_with_nothing_logged_says_it_is_taken_off_not_back_on() {
    let mut d = fresh_driver();
    press(&mut d, &[ch('a')]);
    type_text(&mut d, "pull-up");
    press(&mut d, &[key(ratatui::crossterm::event::KeyCode::Enter)]);
    let today = d.app.today.clone().expect("today");
    let ei = today.exercises.iter().position(|e| e.added).expect("added");
    d.app.today_screen.cursor = Some((ei, 0));
    press(&mut d, &[ch('x')]);
    assert_eq!(message(&d), "Took Pull-up off today's list");
    let today = d.app.today.clone().expect("today");
    assert!(!today.exercises.iter().any(|e| e.planned.name == "Pull-up"), "it is gone from the list");
    // A planned exercise: skipped, then really back on the list.
    d.app.today_screen.cursor = Some((0, 0));
    let first = today.exercises[0].planned.name.clone();
    press(&mut d, &[ch('x')]);
    assert_eq!(message(&d), format!("Skipping {first} today"));
    press(&mut d, &[ch('x')]);
    assert_eq!(message(&d), format!("{first} is back on the list"));
}

/// A sandbox for the binary: HOME and the XDG folders inside a temporary folder.
struct Sandbox {
    dir: tempfile::TempDir,
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox { dir: tempfile::tempdir().expect("a temporary directory") }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn run_with(&self, db_env: Option<&Path>, args: &[&str]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_hardset"));
        command
            .env("HOME", self.root())
            .env("XDG_DATA_HOME", self.root().join("xdg-data"))
            .env("XDG_CONFIG_HOME", self.root().join("xdg-config"))
            .env_remove("HARDSET_DB")
            .env_remove("HARDSET_CONFIG")
            .stdin(Stdio::null());
        if let Some(db) = db_env {
            command.env("HARDSET_DB", db);
        }
        let out = command.args(args).output().expect("the hardset binary runs");
        Run {
            code: out.status.code(),
            stdout: String::from_utf8(out.stdout).expect("UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("UTF-8"),
        }
    }

    /// The log of these tests, in a folder that exists.
    fn db(&self) -> PathBuf {
        self.root().join("log.db")
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_with(Some(&self.db()), args)
    }

    /// Fails as hardset fails: exit 1, nothing on stdout, one "hardset: " line; the message.
    fn fails(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, Some(1), "{args:?}: {}{}", run.stdout, run.stderr);
        assert_eq!(run.stdout, "");
        let message = run.stderr.strip_prefix("hardset: ").unwrap_or_else(|| panic!("{:?}", run.stderr));
        assert_eq!(message.lines().count(), 1, "{:?}", run.stderr);
        message.trim_end().to_string()
    }

    fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, Some(0), "{args:?}: {}{}", run.stdout, run.stderr);
        run.stdout
    }

    /// The sets in the log, as the CSV export lists them (header left out).
    fn logged_rows(&self) -> usize {
        self.ok(&["export"]).lines().skip(1).count()
    }
}

#[test]
fn log_sends_a_unit_in_the_set_to_unit_and_writes_nothing() {
    let s = Sandbox::new();
    assert_eq!(
        s.fails(&["log", "Lat pulldown", "60x8@1", "100lbsx8@1"]),
        "'100lbsx8@1': the unit goes in --unit, not in the set: write 100x8@1 --unit lb"
    );
    assert_eq!(
        s.fails(&["log", "Lat pulldown", "82.5kgx6"]),
        "'82.5kgx6': the unit goes in --unit, not in the set: write 82.5x6 --unit kg"
    );
    assert_eq!(s.logged_rows(), 0, "the good set before it is not written either");
    // Written as it says, it is logged.
    assert!(s.ok(&["log", "Lat pulldown", "100x8@1", "--unit", "lb"]).contains("100 lb x 8"));
}

#[test]
fn log_says_a_load_is_never_negative_in_its_own_words() {
    let s = Sandbox::new();
    let said = s.fails(&["log", "Lat pulldown", "-60x5@1"]);
    assert_eq!(
        said,
        "'-60x5@1': a load is never negative; write the weight moved (60x5@1), or BW-60x5@1 for an assisted set \
         on a body weight exercise"
    );
    assert!(!said.contains("unexpected argument"));
    // After other sets and flags too; and after `--`, on a body weight exercise, with its own words.
    let said = s.fails(&["log", "Lat pulldown", "60x5@1", "--ramp", "-60x5@1"]);
    assert!(said.starts_with("'-60x5@1': a load is never negative"), "{said}");
    assert_eq!(
        s.fails(&["log", "Pull-up", "--", "-20x8"]),
        "'-20x8': a load is never negative; an assisted set on body weight is BW-20x8"
    );
    assert_eq!(s.logged_rows(), 0);
    // BW-20x8 is the assisted set, and is logged.
    assert!(s.ok(&["log", "Pull-up", "BW-20x8@1"]).contains("BW-20"));
    // An option's value that starts with a minus is no set.
    let run = s.run(&["log", "Lat pulldown", "60x5", "--at", "-1"]);
    assert!(!run.stderr.contains("never negative"), "{}", run.stderr);
}

#[test]
fn db_in_a_folder_that_is_not_there_is_refused_and_nothing_is_created() {
    let s = Sandbox::new();
    let typo = s.root().join("trainig/log.db");
    let typo_text = typo.display().to_string();
    let folder = s.root().join("trainig").display().to_string();
    let said = s.fails(&["--db", &typo_text, "log", "Lat pulldown", "60x5@1"]);
    assert_eq!(
        said,
        format!(
            "--db {typo_text}: the folder {folder} does not exist; check the path, or create the folder first (mkdir -p {folder})"
        )
    );
    assert!(!s.root().join("trainig").exists(), "no folder was made");
    // Reading commands are refused alike: a typo never reads as an empty log.
    assert!(s.fails(&["--db", &typo_text, "history", "Lat pulldown"]).contains("does not exist"));
    // A file where the folder should be.
    std::fs::write(s.root().join("file"), "x").expect("writes");
    let under_file = s.root().join("file/log.db").display().to_string();
    assert!(s.fails(&["--db", &under_file, "log", "Lat pulldown", "60x5@1"]).contains("file is a file"));
    // `paths` still shows where it would be, and an existing folder takes a new log.
    assert_eq!(s.run(&["--db", &typo_text, "paths"]).code, Some(0));
    let fine = s.root().join("new.db").display().to_string();
    assert_eq!(s.run(&["--db", &fine, "log", "Lat pulldown", "60x5@1"]).code, Some(0));
}

#[test]
fn the_default_data_folder_is_still_created_on_a_fresh_machine() {
    let s = Sandbox::new();
    let run = s.run_with(None, &["log", "Lat pulldown", "60x5@1"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(s.root().join("xdg-data/hardset/hardset.db").is_file());
    // HARDSET_DB set on purpose in the environment keeps creating its folder too.
    let env_db = s.root().join("from-env/sub/hardset.db");
    assert_eq!(s.run_with(Some(&env_db), &["log", "Lat pulldown", "60x5@1"]).code, Some(0));
    assert!(env_db.is_file());
}

#[test]
fn history_of_only_ramp_ups_says_so_not_not_trained_yet() {
    let s = Sandbox::new();
    s.ok(&["log", "Lat pulldown", "30x8", "40x5", "--ramp"]);
    let text = s.ok(&["history", "Lat pulldown"]);
    assert!(!text.contains("not trained yet"), "{text}");
    assert!(text.contains("no working set yet, only 2 ramp-up sets (the last on "), "{text}");
    assert!(text.contains("ramp-ups are never compared and set no record"), "{text}");
    // One ramp-up: singular. A timed exercise: the same words.
    s.ok(&["log", "Plank", "30s", "--ramp"]);
    assert!(s.ok(&["history", "Plank"]).contains("only 1 ramp-up set (the last on "));
    // Nothing at all is still "not trained yet"; a working set gives the table.
    assert!(s.ok(&["history", "Machine chest press"]).contains("not trained yet"));
    s.ok(&["log", "Lat pulldown", "60x8@1"]);
    let text = s.ok(&["history", "Lat pulldown"]);
    assert!(!text.contains("ramp-up set"), "{text}");
    assert!(text.contains("best e1RM"), "{text}");
}

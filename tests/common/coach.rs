//! A lifter's log for end-to-end tests of the coaching rules: training written as a native CSV,
//! brought in with `hardset import`, and read back with `hardset today --json` as it stood at
//! the start of a day. Times are UTC (`TZ=UTC`), so a date is the same everywhere.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{Duration, NaiveDateTime};

/// One set of a session.
#[derive(Debug, Clone)]
pub struct Set {
    pub exercise: String,
    /// "working" or "ramp-up".
    pub kind: &'static str,
    pub weight: f64,
    pub unit: &'static str,
    pub reps: u16,
    pub rir: Option<f64>,
    pub form_broke: bool,
}

/// A working set in kg.
pub fn working(exercise: &str, weight: f64, reps: u16, rir: Option<f64>) -> Set {
    Set { exercise: exercise.into(), kind: "working", weight, unit: "kg", reps, rir, form_broke: false }
}

/// A ramp-up set in kg.
pub fn ramp_up(exercise: &str, weight: f64, reps: u16) -> Set {
    Set { exercise: exercise.into(), kind: "ramp-up", weight, unit: "kg", reps, rir: None, form_broke: false }
}

impl Set {
    /// The same set, with the form broken.
    pub fn form_broke(mut self) -> Set {
        self.form_broke = true;
        self
    }
}

/// One session: when it started ("YYYY-MM-DD HH:MM", UTC), its plan day and the sets, three
/// minutes apart.
#[derive(Debug, Clone)]
pub struct Session {
    pub start: String,
    pub day: String,
    pub day_index: Option<usize>,
    /// Sleep, energy, joints, motivation (1-5).
    pub checkin: Option<[u8; 4]>,
    pub sets: Vec<Set>,
}

/// A session on plan day `day_index` (from 0) named `day`.
pub fn session(start: &str, day: &str, day_index: usize, sets: Vec<Set>) -> Session {
    Session { start: start.into(), day: day.into(), day_index: Some(day_index), checkin: None, sets }
}

impl Session {
    /// The same session, with a check-in.
    pub fn checkin(mut self, scores: [u8; 4]) -> Session {
        self.checkin = Some(scores);
        self
    }
}

/// The sessions as hardset's own CSV export writes them.
pub fn native_csv(sessions: &[Session]) -> String {
    let mut out = String::from(
        "session_start,session_end,plan_day,exercise,set_kind,weight,unit,reps,rir,form_broke,note,\
         logged_at,deload,plan_day_index,session_note,checkin,deload_week,muscles\n",
    );
    let utc = |at: NaiveDateTime| at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    for s in sessions {
        let start = NaiveDateTime::parse_from_str(&s.start, "%Y-%m-%d %H:%M").expect("start as YYYY-MM-DD HH:MM");
        let end = start + Duration::minutes(3 * (s.sets.len() as i64 + 1));
        let checkin = s.checkin.map_or(String::new(), |[a, b, c, d]| format!("{a}/{b}/{c}/{d}"));
        let index = s.day_index.map_or(String::new(), |i| i.to_string());
        if s.sets.is_empty() {
            let _ = writeln!(out, "{},{},{},,,,,,,,,,,{index},,{checkin},,", utc(start), utc(end), s.day);
        }
        for (i, set) in s.sets.iter().enumerate() {
            let at = start + Duration::minutes(3 * (i as i64 + 1));
            let rir = set.rir.map_or(String::new(), |r| r.to_string());
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},{rir},{},,{},,{index},,{checkin},,",
                utc(start),
                utc(end),
                s.day,
                set.exercise,
                set.kind,
                set.weight,
                set.unit,
                set.reps,
                set.form_broke,
                utc(at),
            );
        }
    }
    out
}

/// A lifter with a log and a config folder of their own.
pub struct Lifter {
    dir: tempfile::TempDir,
}

impl Lifter {
    /// A new lifter on the shipped example week.
    pub fn new() -> Lifter {
        let lifter = Lifter { dir: tempfile::tempdir().expect("a temporary directory") };
        std::fs::create_dir_all(lifter.config()).expect("makes the config folder");
        lifter
    }

    /// A new lifter on their own plan.toml.
    pub fn with_plan(plan_toml: &str) -> Lifter {
        let lifter = Lifter::new();
        std::fs::write(lifter.config().join("plan.toml"), plan_toml).expect("writes the plan");
        lifter
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        self.root().join("log.db")
    }

    pub fn config(&self) -> PathBuf {
        self.root().join("config")
    }

    /// `hardset` with this lifter's log, config and home, in UTC.
    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_hardset"));
        command
            .env("HOME", self.root())
            .env("XDG_DATA_HOME", self.root().join("xdg-data"))
            .env("XDG_CONFIG_HOME", self.root().join("xdg-config"))
            .env("HARDSET_DB", self.db())
            .env("HARDSET_CONFIG", self.config())
            .env("TZ", "UTC")
            .env_remove("VISUAL")
            .env_remove("EDITOR");
        command
    }

    /// Runs `hardset args...`.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().expect("hardset runs")
    }

    /// Runs `hardset args...`, which must succeed; returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "hardset {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }

    /// Imports `sessions` (written as a native CSV) into the log.
    pub fn import(&self, sessions: &[Session]) {
        let file = self.root().join(format!("import-{}.csv", std::process::id()));
        std::fs::write(&file, native_csv(sessions)).expect("writes the CSV");
        self.ok(&["import", file.to_str().expect("UTF-8")]);
        std::fs::remove_file(file).expect("removes the CSV");
    }

    /// `hardset today --json --date date`: the log as it stood when `date` began.
    pub fn today(&self, date: &str) -> serde_json::Value {
        serde_json::from_str(&self.ok(&["today", "--json", "--date", date])).expect("today prints JSON")
    }

    /// `hardset today --date date`, in words.
    pub fn today_text(&self, date: &str) -> String {
        self.ok(&["today", "--date", date])
    }
}

/// The exercise named `name` in a `today --json` report.
pub fn exercise<'a>(today: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    today["exercises"]
        .as_array()
        .expect("exercises")
        .iter()
        .find(|e| e["exercise"] == name)
        .unwrap_or_else(|| panic!("{name} is not on the day: {today:#}"))
}

/// The kinds of the warnings in a `today --json` report.
pub fn warning_kinds(today: &serde_json::Value) -> Vec<String> {
    today["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| w["kind"].as_str().unwrap_or("").to_string())
        .collect()
}

/// The kinds of the recovery signs in a `today --json` report.
pub fn sign_kinds(today: &serde_json::Value) -> Vec<String> {
    today["recovery_signs"]
        .as_array()
        .expect("recovery signs")
        .iter()
        .map(|w| w["kind"].as_str().unwrap_or("").to_string())
        .collect()
}

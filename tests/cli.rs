//! The shell commands, run as the real binary: `paths`, `log`, `export`, `demo`. Every test
//! works in its own temporary directory, with HOME, the XDG directories, HARDSET_DB and
//! HARDSET_CONFIG all pointing inside it, so no real log or plan is ever touched.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

/// A sandbox for the binary.
struct Hardset {
    dir: TempDir,
}

/// What a run printed and how it ended.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }
}

/// One CSV export: its header and its rows keyed by column.
struct Csv {
    header: Vec<String>,
    rows: Vec<HashMap<String, String>>,
}

/// Splits one CSV line, honouring double-quoted fields.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

fn parse_csv(text: &str) -> Csv {
    let mut lines = text.lines();
    let header = csv_fields(lines.next().expect("a header line"));
    let rows = lines
        .map(|line| {
            let fields = csv_fields(line);
            assert_eq!(fields.len(), header.len(), "row {line:?}");
            header.iter().cloned().zip(fields).collect()
        })
        .collect();
    Csv { header, rows }
}

impl Hardset {
    fn new() -> Hardset {
        Hardset { dir: tempfile::tempdir().expect("a temporary directory") }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The database named by HARDSET_DB, in a folder that does not exist yet.
    fn db(&self) -> PathBuf {
        self.root().join("data/hardset.db")
    }

    /// The config directory named by HARDSET_CONFIG.
    fn config(&self) -> PathBuf {
        self.root().join("config")
    }

    fn plan(&self) -> PathBuf {
        self.config().join("plan.toml")
    }

    fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_hardset"));
        command
            .env("HOME", self.root())
            .env("XDG_DATA_HOME", self.root().join("xdg-data"))
            .env("XDG_CONFIG_HOME", self.root().join("xdg-config"))
            .env("HARDSET_DB", self.db())
            .env("HARDSET_CONFIG", self.config())
            .stdin(Stdio::null());
        command
    }

    fn run(&self, args: &[&str]) -> Run {
        self.command().args(args).output().expect("the hardset binary runs").into()
    }

    /// Runs a command that must succeed; returns its standard output.
    fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, Some(0), "hardset {args:?} failed:\n{}{}", run.stdout, run.stderr);
        run.stdout
    }

    /// Runs a command that must fail the way hardset fails: exit code 1, nothing on standard
    /// output, one "hardset: " line on standard error. Returns the message after the prefix.
    fn fails(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, Some(1), "hardset {args:?} should fail with 1:\n{}{}", run.stdout, run.stderr);
        assert_eq!(run.stdout, "", "hardset {args:?} printed on stdout");
        let message =
            run.stderr.strip_prefix("hardset: ").unwrap_or_else(|| panic!("stderr lacks the prefix: {:?}", run.stderr));
        assert_eq!(message.lines().count(), 1, "one line of error: {:?}", run.stderr);
        message.trim_end().to_string()
    }

    fn export_csv(&self) -> Csv {
        parse_csv(&self.ok(&["export"]))
    }

    /// The JSON export's sessions.
    fn export_json(&self) -> Vec<Value> {
        let text = self.ok(&["export", "--format", "json"]);
        let log: Value = serde_json::from_str(&text).expect("the JSON export parses");
        match &log["sessions"] {
            Value::Array(sessions) => sessions.clone(),
            other => panic!("the JSON export has no list of sessions: {other}"),
        }
    }

    fn assert_log_is_empty(&self) {
        let csv = self.export_csv();
        assert!(csv.rows.is_empty(), "sets were written: {:?}", csv.rows);
    }
}

/// Exercise, set kind, weight, unit, reps and RIR of one exported JSON set.
type SetSummary<'a> = (&'a str, &'a str, f64, &'a str, u64, Option<f64>);

const CSV_COLUMNS: [&str; 9] =
    ["session_start", "exercise", "set_kind", "weight", "unit", "reps", "rir", "form_broke", "note"];

// ---------------------------------------------------------------- paths

#[test]
fn paths_shows_the_database_and_config_from_the_environment() {
    let hardset = Hardset::new();
    let out = hardset.ok(&["paths"]);
    assert_eq!(
        out,
        format!(
            "config:   {}\nplan:     {} (not there: the shipped example week is used)\ndatabase: {}\n",
            hardset.config().display(),
            hardset.plan().display(),
            hardset.db().display()
        )
    );
    assert!(!hardset.db().exists(), "paths does not create the database");
}

#[test]
fn paths_flags_beat_the_environment() {
    let hardset = Hardset::new();
    let db = hardset.root().join("flag.db");
    let config = hardset.root().join("flag-config");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans/valid/weekday-own-exercise.toml"),
        config.join("plan.toml"),
    )
    .expect("copy a plan");
    let out = hardset.ok(&["--db", &db.display().to_string(), "--config", &config.display().to_string(), "paths"]);
    assert_eq!(
        out,
        format!(
            "config:   {}\nplan:     {}\ndatabase: {}\n",
            config.display(),
            config.join("plan.toml").display(),
            db.display()
        )
    );
}

// ---------------------------------------------------------------- log and export

#[test]
fn logged_sets_export_as_csv_with_exact_weights_and_rir() {
    let hardset = Hardset::new();
    let out = hardset.ok(&["log", "Lat pulldown", "60x10@1", "62.5x8@0.5"]);
    assert_eq!(out, "logged Lat pulldown working: 60 kg x 10 @ 1\nlogged Lat pulldown working: 62.5 kg x 8 @ 0.5\n");
    let csv = hardset.export_csv();
    for column in CSV_COLUMNS {
        assert!(csv.header.iter().any(|h| h == column), "no {column} column in {:?}", csv.header);
    }
    assert_eq!(csv.rows.len(), 2);
    let sets: Vec<Vec<&str>> = csv
        .rows
        .iter()
        .map(|row| {
            ["exercise", "set_kind", "weight", "unit", "reps", "rir", "form_broke", "note"]
                .iter()
                .map(|c| row[*c].as_str())
                .collect()
        })
        .collect();
    assert_eq!(
        sets,
        [
            ["Lat pulldown", "working", "60", "kg", "10", "1", "false", ""],
            ["Lat pulldown", "working", "62.5", "kg", "8", "0.5", "false", ""],
        ]
    );
    let start = &csv.rows[0]["session_start"];
    assert!(chrono::DateTime::parse_from_rfc3339(start).is_ok(), "session_start {start:?}");
    assert_eq!(&csv.rows[1]["session_start"], start, "both sets in one session");
    assert!(!csv.rows[0]["plan_day"].is_empty());
}

#[test]
fn ramp_sets_and_pounds_keep_their_kind_and_unit() {
    let hardset = Hardset::new();
    // Case and spacing of the name do not matter; the catalogue name is stored.
    let out = hardset.ok(&["log", "lat  PULLDOWN", "--ramp", "30x8", "45x5"]);
    assert_eq!(out, "logged Lat pulldown ramp-up: 30 kg x 8\nlogged Lat pulldown ramp-up: 45 kg x 5\n");
    hardset.ok(&["log", "Machine chest press", "--unit", "lb", "150x5"]);
    let csv = hardset.export_csv();
    let sets: Vec<[&str; 6]> = csv
        .rows
        .iter()
        .map(|row| {
            [
                row["exercise"].as_str(),
                row["set_kind"].as_str(),
                row["weight"].as_str(),
                row["unit"].as_str(),
                row["reps"].as_str(),
                row["rir"].as_str(),
            ]
        })
        .collect();
    assert_eq!(
        sets,
        [
            ["Lat pulldown", "ramp-up", "30", "kg", "8", ""],
            ["Lat pulldown", "ramp-up", "45", "kg", "5", ""],
            ["Machine chest press", "working", "150", "lb", "5", ""],
        ]
    );
}

#[test]
fn an_alias_logs_under_the_catalogue_name() {
    let hardset = Hardset::new();
    let out = hardset.ok(&["log", "Bench press", "80x8@2"]);
    assert_eq!(out, "logged Barbell bench press working: 80 kg x 8 @ 2\n");
    assert_eq!(hardset.export_csv().rows[0]["exercise"], "Barbell bench press");
}

#[test]
fn json_export_groups_sets_by_session_with_the_same_fields() {
    let hardset = Hardset::new();
    hardset.ok(&["log", "Lat pulldown", "60x10@1", "62.5x8@0.5"]);
    hardset.ok(&["log", "Lat pulldown", "--ramp", "30x8"]);
    hardset.ok(&["log", "Machine chest press", "--unit", "lb", "150x5@0"]);
    let sessions = hardset.export_json();
    assert_eq!(sessions.len(), 1, "one session today: {sessions:?}");
    let session = &sessions[0];
    let keys: BTreeSet<&str> =
        session.as_object().expect("a session is an object").keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        BTreeSet::from([
            "session_start",
            "session_end",
            "plan_day",
            "plan_day_index",
            "note",
            "deload",
            "readiness",
            "sets"
        ])
    );
    assert_eq!(session["deload"], Value::Null, "not a deload week");
    assert_eq!(session["readiness"], Value::Null, "no check-in from the shell");
    assert_eq!(session["session_end"], Value::Null, "still running");
    let csv = hardset.export_csv();
    assert_eq!(session["session_start"].as_str(), Some(csv.rows[0]["session_start"].as_str()));
    assert_eq!(session["plan_day"].as_str(), Some(csv.rows[0]["plan_day"].as_str()));

    let sets = session["sets"].as_array().expect("sets is an array");
    let expected_keys =
        BTreeSet::from(["exercise", "set_kind", "weight", "unit", "reps", "rir", "form_broke", "note", "logged_at"]);
    for set in sets {
        let keys: BTreeSet<&str> = set.as_object().expect("a set is an object").keys().map(String::as_str).collect();
        assert_eq!(keys, expected_keys);
        assert_eq!(set["form_broke"], Value::Bool(false));
        assert_eq!(set["note"], "");
    }
    let summary: Vec<SetSummary> = sets
        .iter()
        .map(|s| {
            (
                s["exercise"].as_str().expect("exercise"),
                s["set_kind"].as_str().expect("set_kind"),
                s["weight"].as_f64().expect("weight"),
                s["unit"].as_str().expect("unit"),
                s["reps"].as_u64().expect("reps"),
                s["rir"].as_f64(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("Lat pulldown", "working", 60.0, "kg", 10, Some(1.0)),
            ("Lat pulldown", "working", 62.5, "kg", 8, Some(0.5)),
            ("Lat pulldown", "ramp-up", 30.0, "kg", 8, None),
            ("Machine chest press", "working", 150.0, "lb", 5, Some(0.0)),
        ]
    );
}

#[test]
fn json_and_csv_exports_of_demo_history_agree_session_by_session() {
    let hardset = Hardset::new();
    let db = hardset.db().display().to_string();
    hardset.ok(&["--db", &db, "demo", "--weeks", "2"]);
    let sessions = hardset.export_json();
    assert!(sessions.len() >= 4, "{} sessions in two weeks", sessions.len());
    let csv = hardset.export_csv();
    let mut per_session: HashMap<&str, usize> = HashMap::new();
    let mut set_less: Vec<&str> = Vec::new();
    for row in &csv.rows {
        if row["exercise"].is_empty() {
            set_less.push(row["session_start"].as_str());
        } else {
            *per_session.entry(row["session_start"].as_str()).or_default() += 1;
        }
    }
    let mut previous = String::new();
    let mut total = 0;
    for session in &sessions {
        let start = session["session_start"].as_str().expect("session_start");
        assert!(start > previous.as_str(), "sessions in order: {start}");
        start.clone_into(&mut previous);
        assert!(session["session_end"].is_string(), "demo sessions are over");
        let sets = session["sets"].as_array().expect("sets").len();
        let day = session["plan_day"].as_str().expect("plan_day");
        if sets == 0 {
            // A walk is a session without sets: one CSV row with the set columns empty.
            assert!(day.contains("active recovery"), "an empty session on {day}");
            assert_eq!(per_session.get(start), None);
            assert_eq!(set_less.iter().filter(|s| **s == start).count(), 1, "one row for {start}");
        } else {
            assert_eq!(per_session.get(start), Some(&sets), "sets of {start}");
        }
        total += sets.max(1);
    }
    assert_eq!(total, csv.rows.len(), "a row per set, and one per session without sets");
}

// ---------------------------------------------------------------- refusals

#[test]
fn a_bad_set_is_refused_with_a_clear_message_and_nothing_is_written() {
    let cases = [
        ("80x", "'80x': reps: enter a number"),
        ("nanx5", "'nanx5': weight: 'nan' is not a number"),
        ("80x8@11", "'80x8@11': RIR: RIR is reps left in reserve, 0-5 (5 means 5 or more)"),
        ("80", "'80' is not a set; write it as WEIGHTxREPS[@RIR], for example 80x8@1"),
        ("80x8.5", "'80x8.5': reps: reps are whole numbers"),
        ("80x8@0.3", "'80x8@0.3': RIR: RIR goes in half steps: 1, 1.5, 2"),
    ];
    for (set, expected) in cases {
        let hardset = Hardset::new();
        let message = hardset.fails(&["log", "Lat pulldown", set]);
        assert_eq!(message, expected, "for {set}");
        hardset.assert_log_is_empty();
    }
}

#[test]
fn a_set_of_zero_reps_is_refused_on_the_command_line() {
    for args in [&["Lat pulldown", "60x0@1"][..], &["Lat pulldown", "60x0"], &["Lat pulldown", "--ramp", "30x0"]] {
        let hardset = Hardset::new();
        let mut all = vec!["log"];
        all.extend_from_slice(args);
        let message = hardset.fails(&all);
        assert!(message.ends_with("reps: a set has at least 1 rep"), "{args:?}: {message}");
        hardset.assert_log_is_empty();
    }
}

#[test]
fn rpe_written_as_rir_is_refused_with_the_rir_it_means() {
    // Strong and Hevy users write RPE 8 as @8; RIR is 0-5 (the picker's 5+ is 5).
    let cases = [
        ("60x8@8", "'60x8@8': RIR is reps left in reserve, 0-5; 8 looks like RPE 8, which is RIR 2: write 60x8@2"),
        (
            "60x8@9.5",
            "'60x8@9.5': RIR is reps left in reserve, 0-5; 9.5 looks like RPE 9.5, which is RIR 0.5: write 60x8@0.5",
        ),
        ("60x8@10", "'60x8@10': RIR is reps left in reserve, 0-5; 10 looks like RPE 10, which is RIR 0: write 60x8@0"),
        (
            "60x8@6,5",
            "'60x8@6,5': RIR is reps left in reserve, 0-5; 6,5 looks like RPE 6,5, which is RIR 3.5: write 60x8@3.5",
        ),
    ];
    for (set, expected) in cases {
        let hardset = Hardset::new();
        let message = hardset.fails(&["log", "Lat pulldown", set]);
        assert_eq!(message, expected, "for {set}");
        hardset.assert_log_is_empty();
    }
    // calc reads a set the same way.
    let message = Hardset::new().fails(&["calc", "e1rm", "100x5@8"]);
    assert!(message.contains("looks like RPE 8, which is RIR 2"), "{message}");
    // 5 and 5+ are still RIR 5.
    let hardset = Hardset::new();
    hardset.ok(&["log", "Lat pulldown", "60x12@5", "60x12@5+"]);
    let rirs: Vec<String> = hardset.export_csv().rows.iter().map(|r| r["rir"].clone()).collect();
    assert_eq!(rirs, ["5", "5"]);
}

#[test]
fn a_stored_rir_above_5_survives_an_export_and_import_round_trip() {
    // An older log (or another app's RPE below 5) may hold RIR 6-10: imports keep it.
    let old = Hardset::new();
    {
        std::fs::create_dir_all(old.db().parent().expect("a folder")).expect("creates the folder");
        let mut store = hardset::store::Store::open(&old.db()).expect("opens");
        let plan =
            hardset::model::plan::Plan::example_week(&hardset::model::exercise::Catalogue::shipped()).expect("plan");
        let session =
            hardset::model::session::SessionFor::New { day_name: plan.days[0].name.clone(), day_index: Some(0) };
        let entry = hardset::model::session::SetEntry {
            exercise: "Lat pulldown".into(),
            kind: hardset::model::session::SetKind::Working,
            weight: hardset::model::units::Weight::new(
                hardset::model::units::parse_load("60").expect("load"),
                hardset::model::units::Unit::Kg,
            ),
            reps: 12,
            rir: hardset::model::units::Rir::whole(8),
            form_broke: false,
            note: String::new(),
        };
        store.log_set(&session, &entry, chrono::Utc::now() - chrono::Duration::days(3), 0).expect("logs");
    }
    for format in ["csv", "json"] {
        let file = old.root().join(format!("log.{format}"));
        let first = old.ok(&["export", "--format", format]);
        std::fs::write(&file, &first).expect("writes the export");
        let new = Hardset::new();
        new.ok(&["import", &file.display().to_string()]);
        let again = new.ok(&["export", "--format", format]);
        assert_eq!(again, first, "{format}: the round trip changed the file");
        assert!(new.export_csv().rows.iter().any(|r| r["rir"] == "8"), "{format}: RIR 8 kept");
    }
}

#[test]
fn an_unknown_exercise_is_refused_with_the_closest_name() {
    let hardset = Hardset::new();
    let message = hardset.fails(&["log", "Lat pulldwn", "60x10@1"]);
    assert_eq!(message, "unknown exercise 'Lat pulldwn'; did you mean 'Lat pulldown'?");
    hardset.assert_log_is_empty();
}

#[test]
fn one_bad_set_among_good_ones_writes_none_of_them() {
    let hardset = Hardset::new();
    let message = hardset.fails(&["log", "Lat pulldown", "60x10@1", "80x", "62.5x8"]);
    assert!(message.starts_with("'80x'"), "{message}");
    let csv = hardset.export_csv();
    assert!(csv.rows.is_empty(), "{:?}", csv.rows);
    assert_eq!(csv.header.len(), 18, "{:?}", csv.header);
}

#[test]
fn an_unknown_unit_is_refused_by_the_argument_parser() {
    let hardset = Hardset::new();
    let run = hardset.run(&["log", "Lat pulldown", "--unit", "stone", "60x10"]);
    assert_ne!(run.code, Some(0));
    assert!(run.stderr.contains("'stone' is not a unit; use kg or lb"), "{}", run.stderr);
    assert!(!hardset.db().exists());
}

#[test]
fn a_broken_plan_stops_log_with_the_place_of_the_mistake() {
    let hardset = Hardset::new();
    std::fs::create_dir_all(hardset.config()).expect("config dir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans/invalid/unknown-exercise.toml"),
        hardset.plan(),
    )
    .expect("copy the plan");
    let message = hardset.fails(&["log", "Lat pulldown", "60x10@1"]);
    assert_eq!(
        message,
        format!(
            "the plan cannot be used: {}:13:10: unknown exercise 'Lat pulldwn'; did you mean 'Lat pulldown'?",
            hardset.plan().display()
        )
    );
    hardset.assert_log_is_empty();
}

// ---------------------------------------------------------------- demo

#[test]
fn demo_refuses_without_an_explicit_db_flag() {
    let hardset = Hardset::new();
    // HARDSET_DB is set, but demo history must never land in the log named by the environment.
    let message = hardset.fails(&["demo", "--weeks", "2"]);
    assert!(message.contains("--db PATH"), "{message}");
    assert!(!hardset.db().exists(), "nothing was created");
}

#[test]
fn demo_fills_a_new_database_once() {
    let hardset = Hardset::new();
    let demo = hardset.root().join("demo.db");
    let demo_arg = demo.display().to_string();
    let out = hardset.ok(&["--db", &demo_arg, "demo", "--weeks", "2"]);
    assert!(out.starts_with("wrote 2 weeks of demo history (") && out.contains(&demo_arg), "{out}");
    let export = hardset.ok(&["--db", &demo_arg, "export"]);
    let rows: Vec<_> = parse_csv(&export).rows.into_iter().filter(|r| !r["exercise"].is_empty()).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().any(|r| r["set_kind"] == "working"));
    assert!(out.contains(&format!("({} sets)", rows.len())), "{out} vs {} rows", rows.len());

    let message = hardset.fails(&["--db", &demo_arg, "demo", "--weeks", "2"]);
    assert!(message.contains("already holds") && message.contains("demo writes only into a new database"), "{message}");
    let again = hardset.ok(&["--db", &demo_arg, "export"]);
    assert_eq!(again, export, "the second run wrote nothing");
    assert!(!hardset.db().exists(), "HARDSET_DB was never touched");
}

// ---------------------------------------------------------------- the database file

#[cfg(unix)]
#[test]
fn the_database_is_created_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let hardset = Hardset::new();
    hardset.ok(&["log", "Lat pulldown", "60x10@1"]);
    let mode = std::fs::metadata(hardset.db()).expect("the database exists").permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "mode {:o}", mode & 0o777);
}

// ---------------------------------------------------------------- known defects

/// `hardset log` looks a name up in the plan's days by exact (case-insensitive) name, then in
/// the shipped catalogue, so an alias of an exercise the plan defines itself is unknown.
#[test]
fn log_accepts_an_alias_of_an_exercise_the_plan_defines() {
    let hardset = Hardset::new();
    std::fs::create_dir_all(hardset.config()).expect("config dir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans/valid/weekday-own-exercise.toml"),
        hardset.plan(),
    )
    .expect("copy the plan");
    hardset.ok(&["log", "Plate-loaded hip thrust", "100x10@1"]);
    hardset.ok(&["log", "PL hip thrust", "100x9@0"]);
    let csv = hardset.export_csv();
    assert!(csv.rows.iter().all(|r| r["exercise"] == "Plate-loaded hip thrust"));
}

/// Split an example command line the way a shell would for these simple cases: words, double
/// quotes, and nothing after a `>` redirection.
fn shell_words(line: &str) -> Vec<String> {
    let line = line.split(" > ").next().unwrap_or(line);
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(c),
        }
    }
    assert!(!quoted, "unbalanced quotes in example {line:?}");
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Every command's `--help` ends with examples a lifter can copy, and every example is a command
/// line hardset accepts.
#[test]
fn every_command_help_has_examples_that_parse() {
    use clap::CommandFactory;
    use clap::Parser;

    fn visit(command: &mut clap::Command, path: &str, checked: &mut Vec<String>) {
        let help = command.render_long_help().to_string();
        let (_, examples) =
            help.split_once("Examples:").unwrap_or_else(|| panic!("`{path} --help` has no examples:\n{help}"));
        let lines: Vec<&str> = examples.lines().map(str::trim).filter(|l| l.starts_with("hardset")).collect();
        assert!(!lines.is_empty(), "`{path} --help` lists no example commands");
        for line in lines {
            if let Err(error) = hardset::cli::Cli::try_parse_from(shell_words(line)) {
                panic!("example in `{path} --help` does not parse: {line}\n{error}");
            }
            checked.push(line.to_owned());
        }
        for sub in command.get_subcommands_mut() {
            if sub.get_name() == "help" {
                continue;
            }
            let name = format!("{path} {}", sub.get_name());
            visit(sub, &name, checked);
        }
    }

    let mut root = hardset::cli::Cli::command();
    root.build();
    let mut checked = Vec::new();
    visit(&mut root, "hardset", &mut checked);
    assert!(checked.len() > 30, "only {} examples found", checked.len());

    // And a wrong example would be caught: the parser refuses what hardset refuses.
    assert!(hardset::cli::Cli::try_parse_from(shell_words("hardset demo --weeks 0")).is_err());
    assert_eq!(
        shell_words(r#"hardset log "Lat pulldown" 60x10@1 > out"#),
        ["hardset", "log", "Lat pulldown", "60x10@1"]
    );
}

// ---------------------------------------------------------------- config show: who wins

#[test]
fn config_show_says_where_the_plan_wins_over_a_setting() {
    let hardset = Hardset::new();
    std::fs::create_dir_all(hardset.config()).expect("config dir");
    std::fs::write(hardset.config().join("config.toml"), "[units]\nload = \"kg\"\n\n[rest]\nramp_up = \"45s\"\n")
        .expect("writes the settings");
    // Without a plan.toml the example week is in use; it leaves unit and ramp_up_rest to the settings.
    let shown = hardset.ok(&["config", "show"]);
    assert!(shown.contains("[units]\nload = \"kg\"\n\n"), "{shown}");
    assert!(shown.contains("ramp_up = \"45s\"\n# working: not set"), "{shown}");
    assert!(shown.contains("# the shipped example week names the rest of "), "{shown}");
    assert!(!shown.contains("names unit"), "{shown}");

    std::fs::write(
        hardset.plan(),
        "name = \"Mine\"\nschedule = \"rotation\"\nunit = \"lb\"\n\n[[day]]\nname = \"A\"\n\n  [[day.exercise]]\n  \
         name = \"Leg press\"\n  reps = \"8-12\"\n",
    )
    .expect("writes the plan");
    let config = hardset.config().display().to_string();
    for args in [&["config", "show"][..], &["--config", &config, "config", "show"][..]] {
        let shown = hardset.ok(args);
        assert!(shown.contains("load = \"kg\"\n# plan.toml names unit = \"lb\", which wins over this\n"), "{shown}");
        assert!(!shown.contains("names ramp_up_rest"), "the plan leaves it to the settings: {shown}");
        assert!(!shown.contains("names the rest of"), "the plan names no rest: {shown}");
    }
    // And the plan in use agrees: loads in lb, from the plan.
    assert!(hardset.ok(&["plan", "show"]).contains("loads in lb"));
}

#[test]
fn a_refused_key_in_an_explicit_config_stops_the_command() {
    let hardset = Hardset::new();
    std::fs::create_dir_all(hardset.config()).expect("config dir");
    std::fs::write(hardset.config().join("config.toml"), "[keys]\nend_session = \"F\"\ndeload = \"x\"\n")
        .expect("writes the settings");
    let config = hardset.config().display().to_string();
    let message = hardset.fails(&["--config", &config, "config", "show"]);
    assert!(
        message.ends_with(
            "config.toml:3:10: 'x' is already the key for skip_exercise (Today's sets); deload cannot have it too"
        ),
        "{message}"
    );
    // Found by itself, the same file is a warning and the defaults apply.
    let run = hardset.run(&["config", "show"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("config.toml:3:10:") && run.stderr.contains("using the defaults"), "{}", run.stderr);
    assert!(run.stdout.contains("[keys]\n"), "{}", run.stdout);
    assert!(run.stdout.contains("end_session = \"E\"\n"), "the shipped key, not F: {}", run.stdout);
}

#[test]
fn config_show_lists_every_key_in_force_in_the_form_the_file_takes() {
    let hardset = Hardset::new();
    std::fs::create_dir_all(hardset.config()).expect("config dir");
    let file = hardset.config().join("config.toml");
    std::fs::write(&file, "[keys]\nend_session = \"F\"\ndeload = \"ctrl-d\"\nskip_rest = \"f5\"\n")
        .expect("writes the settings");
    let config = hardset.config().display().to_string();
    let shown = hardset.ok(&["--config", &config, "config", "show"]);
    let keys = shown.split_once("[keys]\n").map(|(_, keys)| keys).expect("a [keys] table");
    // The overrides, as written.
    for line in ["end_session = \"F\"", "deload = \"ctrl-d\"", "skip_rest = \"f5\""] {
        assert!(keys.lines().any(|l| l == line), "{line} in {keys}");
    }
    // And every other action with its shipped key.
    for line in ["quit = \"q\"", "help = \"?\"", "show_week = \"3\"", "previous_day = \"[\"", "form_broke = \"f\""] {
        assert!(keys.lines().any(|l| l == line), "{line} in {keys}");
    }
    assert_eq!(keys.lines().filter(|l| l.contains(" = ")).count(), hardset::tui::keymap::OVERRIDABLE.len(), "{keys}");
    // What it shows is a settings file that reads back the same.
    std::fs::write(&file, &shown).expect("writes the shown settings");
    assert!(hardset.ok(&["--config", &config, "config", "check"]).ends_with("config.toml: ok\n"));
    assert_eq!(hardset.ok(&["--config", &config, "config", "show"]), shown);
}

#[test]
fn plates_in_hundredths_load_and_show_as_written() {
    let hardset = Hardset::new();
    std::fs::create_dir_all(hardset.config()).expect("config dir");
    std::fs::write(hardset.config().join("config.toml"), "[equipment]\nplates_kg = [20, 1.1, 0.57]\n")
        .expect("writes the settings");
    let config = hardset.config().display().to_string();
    // 20 kg bar + 2 x (20 + 1.1 + 0.57) = 63.34 kg.
    let plates = hardset.ok(&["--config", &config, "calc", "plates", "63.34"]);
    assert!(plates.contains("20 + 1.1 + 0.57"), "{plates}");
    let shown = hardset.ok(&["--config", &config, "config", "show"]);
    assert!(shown.contains("plates_kg = [\n    20.0,\n    1.1,\n    0.57,\n]"), "{shown}");
}

#[test]
fn the_app_without_a_terminal_says_so_in_one_line_and_exits_2() {
    // `hardset > out.txt` with no terminal on standard input (a launcher, `ssh host hardset`):
    // standard output is a file, standard input /dev/null. The same for the demo.
    for args in [&[][..], &["--demo"][..]] {
        let h = Hardset::new();
        let out_path = h.root().join("out.txt");
        let out = std::fs::File::create(&out_path).expect("creates out.txt");
        let child = h
            .command()
            .args(args)
            .env("RUST_BACKTRACE", "1")
            .stdout(out)
            .stderr(Stdio::piped())
            .spawn()
            .expect("the hardset binary runs");
        let pid = child.id();
        let run: Run = child.wait_with_output().expect("it ends").into();
        let printed = std::fs::read(&out_path).expect("reads out.txt");
        assert_eq!(run.code, Some(2), "hardset {args:?}: {}", run.stderr);
        assert!(printed.is_empty(), "nothing on standard output, not even an escape sequence: {printed:?}");
        assert!(!run.stderr.contains('\x1b'), "no escape sequence: {:?}", run.stderr);
        assert!(!run.stderr.contains("panicked") && !run.stderr.contains("backtrace"), "{}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "one line: {:?}", run.stderr);
        assert!(run.stderr.contains("needs a terminal"), "{}", run.stderr);
        for command in ["log", "export", "import"] {
            assert!(run.stderr.contains(command), "names the commands that work without one: {}", run.stderr);
        }
        assert!(!h.db().exists(), "nothing was written: the log was not even created");
        let demo = std::env::temp_dir().join(format!("hardset-demo-{pid}.db"));
        assert!(!demo.exists(), "no demo log was left behind");
    }
}

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
    // `--db` names a log in a folder that is there (a mistyped one is refused).
    std::fs::create_dir_all(hardset.db().parent().expect("a folder")).expect("makes the folder");
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
            ..Default::default()
        };
        let at = chrono::Utc::now() - chrono::Duration::days(3);
        store.log_set(&session, &entry, at, 0).expect("logs");
        // Ended, as an import writes it (an import writes no session still running).
        let id = store.all_sessions().expect("sessions")[0].id;
        store.end_session(id, at).expect("ends");
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
    assert_eq!(csv.header.len(), 27, "{:?}", csv.header);
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
    // Found by itself, the same file is a warning: the shipped keys, and the rest of the file.
    let run = hardset.run(&["config", "show"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains("config.toml:3:10:")
            && run.stderr.contains("using the shipped keys and the rest of the file"),
        "{}",
        run.stderr
    );
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
    assert_eq!(keys.lines().filter(|l| l.contains(" = ")).count(), hardset::keymap::OVERRIDABLE.len(), "{keys}");
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

// ---------------------------------------------------------------- the log's files on disk

/// The names of the files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A file's permission bits.
#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
}

/// Whether this process runs as root (which ignores file modes).
fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Uid:")).map(|l| l.split_whitespace().nth(1) == Some("0")))
        .unwrap_or(false)
}

/// The database's folder, with its permissions set to `mode`.
#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Adds `count` working sets, each with a note of `note` characters, straight into the log, in
/// one session: a long history, quickly.
fn bulk_sets(db: &Path, count: u32, note: usize) {
    let conn = rusqlite::Connection::open(db).expect("opens");
    conn.execute_batch(&format!(
        "INSERT INTO session (started_at, ended_at, day_name, day_index) VALUES (1700000000, 1700003600, 'Day 1', 0);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
         INSERT INTO workout_set (session_id, exercise, kind, load_hundredths, unit, reps, rir_halves, logged_at, note)
         SELECT (SELECT max(id) FROM session), 'Lat pulldown', 'working', 6000, 'kg', 10, 2, 1700000100, substr(printf('%.{note}c', 'x'), 1, {note})
         FROM n;"
    ))
    .expect("inserts");
}

/// Sends `signal` (such as "TERM" or "KILL") to a process.
fn send_signal(pid: u32, signal: &str) {
    let status = Command::new("kill").arg(format!("-{signal}")).arg(pid.to_string()).status().expect("kill runs");
    assert!(status.success(), "kill -{signal} {pid}");
}

/// The pid of a process that has ended (a finished `true`).
fn a_dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().expect("runs true");
    let pid = child.id();
    child.wait().expect("ends");
    pid
}

impl Hardset {
    /// The environment `command` gives the binary, for running it under another program.
    fn environment(&self) -> Vec<(std::ffi::OsString, std::ffi::OsString)> {
        self.command().get_envs().filter_map(|(k, v)| Some((k.to_owned(), v?.to_owned()))).collect()
    }

    /// Runs hardset as a lifter without root's power to ignore file modes: as is for another
    /// user, under `setpriv` without CAP_DAC_OVERRIDE for root. `None` when root cannot drop it.
    fn run_as_lifter(&self, args: &[&str]) -> Option<Run> {
        let mut command = if running_as_root() {
            let mut setpriv = Command::new("setpriv");
            setpriv.args(["--bounding-set=-dac_override,-dac_read_search,-fowner", env!("CARGO_BIN_EXE_hardset")]);
            setpriv
        } else {
            Command::new(env!("CARGO_BIN_EXE_hardset"))
        };
        command.envs(self.environment()).args(args).stdin(Stdio::null());
        let output = command.output().ok()?;
        if running_as_root() && String::from_utf8_lossy(&output.stderr).contains("setpriv:") {
            return None;
        }
        Some(output.into())
    }

    /// Runs a shell script with the sandbox's environment and `$H` naming the binary, in a
    /// private mount namespace where `$SMALL` (a folder of the sandbox) is a tmpfs of `size`
    /// (such as "512k"). `None` when a tmpfs cannot be mounted here (not root).
    fn run_on_a_small_disk(&self, size: &str, script: &str) -> Option<Run> {
        let small = self.root().join("small");
        std::fs::create_dir_all(&small).expect("creates the mount point");
        let output = Command::new("unshare")
            .args(["-m", "sh", "-c"])
            .arg(format!("mount -t tmpfs -o size={size} tmpfs \"$SMALL\" || exit 99\n{script}"))
            .envs(self.environment())
            .env("H", env!("CARGO_BIN_EXE_hardset"))
            .env("SMALL", &small)
            .stdin(Stdio::null())
            .output()
            .ok()?;
        let run: Run = output.into();
        // 99: the mount was refused; "unshare:": no namespace of its own for this user.
        if run.code == Some(99) || run.stderr.contains("unshare:") {
            return None;
        }
        Some(run)
    }
}

/// What `Run` printed, for a failure message.
fn printed(run: &Run) -> String {
    format!("exit {:?}\nstdout:\n{}\nstderr:\n{}", run.code, run.stdout, run.stderr)
}

#[cfg(unix)]
#[test]
fn export_and_backup_refuse_the_log_itself_by_any_name() {
    let hardset = Hardset::new();
    hardset.ok(&["log", "Lat pulldown", "60x10@1", "62.5x8@1"]);
    let db = hardset.db();
    let folder = db.parent().expect("a folder").to_path_buf();
    let symlink = folder.join("link.db");
    let hard_link = folder.join("hard.db");
    std::os::unix::fs::symlink(&db, &symlink).expect("symlink");
    std::fs::hard_link(&db, &hard_link).expect("hard link");
    // The WAL exists while the log is open: a name for it is refused too.
    let wal_link = folder.join("wal-link");
    std::os::unix::fs::symlink(folder.join("hardset.db-wal"), &wal_link).expect("symlink");
    let before = std::fs::read(&db).expect("reads");
    let listing = files_in(&folder);
    for target in [&db, &symlink, &hard_link, &wal_link] {
        let target = target.display().to_string();
        for args in [
            vec!["export", "--out", &target],
            vec!["export", "--format", "json", "--out", &target],
            vec!["backup", &target],
        ] {
            let message = hardset.fails(&args);
            assert!(
                message.contains("is the log itself") && message.contains("nothing was written"),
                "{args:?}: {message}"
            );
            assert!(std::fs::read(&db).expect("reads") == before, "{args:?} left the log as it was");
            assert_eq!(files_in(&folder), listing, "{args:?} left no file behind");
        }
    }
    assert_eq!(hardset.export_csv().rows.len(), 2, "the log still holds its sets");
}

#[test]
fn a_killed_backup_leaves_no_partial_copy_and_never_blocks_the_next() {
    const KILLS: u64 = 12;
    let hardset = Hardset::new();
    hardset.ok(&["log", "Lat pulldown", "60x10@1"]);
    bulk_sets(&hardset.db(), 40_000, 1_000);
    let copies = hardset.root().join("copies");
    std::fs::create_dir_all(&copies).expect("folder");
    let copy = copies.join("copy.db");
    let copy_arg = copy.display().to_string();
    // How long a whole backup takes: the kills land within it.
    let started = std::time::Instant::now();
    hardset.ok(&["backup", &copy_arg]);
    let whole_ms = started.elapsed().as_millis() as u64;
    std::fs::remove_file(&copy).expect("removes");
    let mut cut_short = 0;
    for kill in 0..KILLS {
        let mut child = hardset.command().args(["backup", &copy_arg]).stdout(Stdio::null()).spawn().expect("runs");
        std::thread::sleep(std::time::Duration::from_millis(whole_ms * kill / KILLS));
        send_signal(child.id(), "KILL");
        child.wait().expect("reaped");
        if copy.exists() {
            // Only a whole copy is ever under the final name.
            let conn = rusqlite::Connection::open_with_flags(&copy, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .expect("opens the copy");
            let sets: i64 = conn.query_row("SELECT count(*) FROM workout_set", [], |r| r.get(0)).unwrap_or_else(|e| {
                panic!("kill {kill} after {} ms left a copy cut short: {e}", whole_ms * kill / KILLS)
            });
            assert_eq!(sets, 40_001, "kill {kill} left a copy cut short");
            drop(conn);
            std::fs::remove_file(&copy).expect("removes");
        } else {
            cut_short += 1;
        }
        // The next backup to the same path is never blocked by what the kill left.
        let out = hardset.ok(&["backup", &copy_arg]);
        assert!(out.starts_with("backed up 40001 sets to "), "{out}");
        std::fs::remove_file(&copy).expect("removes");
        assert_eq!(files_in(&copies), Vec::<String>::new(), "kill {kill}: nothing left beside the copy");
    }
    eprintln!("killed backups: {KILLS} kills within {whole_ms} ms, {cut_short} before the copy was whole");
}

/// Overwrites the middle of the log's sets table with garbage, as a failing disk would.
fn damage(db: &Path) {
    use std::io::{Seek, SeekFrom, Write as _};
    let size = std::fs::metadata(db).expect("exists").len();
    let mut file = std::fs::OpenOptions::new().write(true).open(db).expect("opens");
    let page = (size / 4096) / 2;
    file.seek(SeekFrom::Start(page * 4096 + 8)).expect("seeks");
    file.write_all(&[0xA5; 2000]).expect("damages");
}

#[test]
fn backing_up_a_damaged_log_fails_and_keeps_no_copy() {
    let hardset = Hardset::new();
    hardset.ok(&["log", "Lat pulldown", "60x10@1"]);
    bulk_sets(&hardset.db(), 20_000, 100);
    damage(&hardset.db());
    let copy = hardset.root().join("copy.db");
    let message = hardset.fails(&["backup", &copy.display().to_string()]);
    assert!(message.contains("damaged"), "{message}");
    assert!(!copy.exists(), "no copy of a damaged log under the name asked for");
    assert_eq!(files_in(hardset.root()).iter().filter(|f| f.starts_with("copy.db")).count(), 0);
    // doctor gives the advice for a damaged log, and no longer suggests `hardset backup`.
    let run = hardset.run(&["doctor"]);
    assert_eq!(run.code, Some(1), "{}", printed(&run));
    assert!(run.stdout.contains("damaged") && run.stdout.contains("a backup in its place"), "{}", printed(&run));
    assert!(!run.stdout.contains("make a copy with `hardset backup`"), "{}", printed(&run));
}

#[test]
fn a_backup_onto_a_full_disk_fails_cleanly_and_the_next_one_works() {
    let hardset = Hardset::new();
    hardset.ok(&["log", "Lat pulldown", "60x10@1"]);
    bulk_sets(&hardset.db(), 20_000, 100);
    let script = "\"$H\" backup \"$SMALL/copy.db\"; echo \"first=$?\";\n\
                  \"$H\" export --out \"$SMALL/log.csv\"; echo \"export=$?\"; ls \"$SMALL\"; echo listed;\n\
                  mount -o remount,size=64m \"$SMALL\" && \"$H\" backup \"$SMALL/copy.db\"; echo \"second=$?\"; ls \"$SMALL\"";
    let Some(run) = hardset.run_on_a_small_disk("256k", script) else {
        eprintln!("skipped: a small tmpfs cannot be mounted here (needs root and unshare)");
        return;
    };
    let (first, second) = run.stdout.split_once("listed\n").expect("both parts ran");
    assert!(!first.contains("first=0"), "a backup onto a full disk fails: {}", printed(&run));
    assert!(!first.contains("export=0"), "so does an export: {}", printed(&run));
    assert!(
        !first.lines().any(|l| l.starts_with("copy.db") || l.starts_with("log.csv")),
        "nothing is left on the disk: {}",
        printed(&run)
    );
    assert_eq!(run.stderr.matches("hardset: the disk is full").count(), 2, "{}", printed(&run));
    assert!(second.contains("second=0"), "the next backup works: {}", printed(&run));
    assert_eq!(
        second.lines().filter(|l| !l.starts_with("second=") && !l.starts_with("backed up")).collect::<Vec<_>>(),
        ["copy.db"],
        "{}",
        printed(&run)
    );
}

/// The log as the release at schema `k` left it (the first `k` migrations, WAL mode, closed
/// cleanly), holding one working set.
fn old_log(path: &Path, k: usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).expect("lists").map(|e| e.expect("entry").path()).collect();
    files.sort();
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("creates the folder");
    let conn = rusqlite::Connection::open(path).expect("opens");
    let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).expect("wal");
    for file in &files[..k] {
        conn.execute_batch(&std::fs::read_to_string(file).expect("reads")).expect("migration runs");
    }
    conn.execute_batch(
        "INSERT INTO session (id, started_at, ended_at, day_name, day_index) VALUES (1, 1764000000, 1764003600, 'Day 1', 0);
         INSERT INTO workout_set (session_id, exercise, kind, load_hundredths, unit, reps, rir_halves, logged_at)
         VALUES (1, 'Lat pulldown', 'working', 6000, 'kg', 10, 2, 1764000100);",
    )
    .expect("data");
    conn.pragma_update(None, "user_version", k).expect("version");
}

fn pragma_of(path: &Path, name: &str) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("opens");
    conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0)).expect("pragma")
}

/// hardset's `application_id`: "HSET" in ASCII (docs/reliability.md).
const HARDSET_APPLICATION_ID: i64 = 0x4853_4554;

#[test]
fn another_programs_sqlite_file_is_refused_and_left_byte_identical() {
    let foreign: [(&str, &str, &str); 4] = [
        ("user_version 0 with a table", "delete", "CREATE TABLE notes (x); INSERT INTO notes VALUES ('mine');"),
        (
            "user_version 0 with a table, in WAL mode",
            "wal",
            "CREATE TABLE notes (x); INSERT INTO notes VALUES ('mine');",
        ),
        ("user_version 3 without hardset's tables", "delete", "CREATE TABLE t (x); PRAGMA user_version = 3;"),
        (
            "another program's application_id",
            "delete",
            "CREATE TABLE session (id); CREATE TABLE workout_set (id); CREATE TABLE session_exercise_change (id);
             PRAGMA application_id = 252006674; PRAGMA user_version = 6;",
        ),
    ];
    for (what, journal_mode, sql) in foreign {
        let hardset = Hardset::new();
        let db = hardset.db();
        let folder = db.parent().expect("a folder").to_path_buf();
        std::fs::create_dir_all(&folder).expect("folder");
        {
            let conn = rusqlite::Connection::open(&db).expect("opens");
            let _: String =
                conn.query_row(&format!("PRAGMA journal_mode = {journal_mode}"), [], |r| r.get(0)).expect("mode");
            conn.execute_batch(sql).expect("builds the file");
        }
        let before = std::fs::read(&db).expect("reads");
        let listing = files_in(&folder);
        assert_eq!(listing, ["hardset.db"], "{what}: closed cleanly");
        let out = folder.join("out.csv").display().to_string();
        let copy = folder.join("copy.db").display().to_string();
        let commands: [&[&str]; 9] = [
            &["doctor"],
            &["export"],
            &["export", "--out", &out],
            &["week"],
            &["history", "Lat pulldown"],
            &["exercises"],
            &["backup", &copy],
            &["log", "Lat pulldown", "60x10@1"],
            &["deload"],
        ];
        for args in commands {
            let run = hardset.run(args);
            assert_eq!(run.code, Some(1), "{what}: {args:?} must refuse:\n{}", printed(&run));
            assert!(
                format!("{}{}", run.stdout, run.stderr).contains("is not a hardset log"),
                "{what}: {args:?} says why:\n{}",
                printed(&run)
            );
            assert!(std::fs::read(&db).expect("reads") == before, "{what}: {args:?} changed the file");
            assert_eq!(files_in(&folder), listing, "{what}: {args:?} left a file behind (-wal, -shm, .bak)");
        }
    }
}

#[test]
fn a_new_log_is_stamped_as_hardsets_and_an_older_unstamped_one_is_adopted() {
    let hardset = Hardset::new();
    hardset.ok(&["log", "Lat pulldown", "60x10@1"]);
    assert_eq!(pragma_of(&hardset.db(), "application_id"), HARDSET_APPLICATION_ID, "a new log is stamped");
    // A log from before the stamp, at schema 3: clearly hardset's, so it is adopted and upgraded.
    let old = hardset.root().join("old/hardset.db");
    old_log(&old, 3);
    let old_arg = old.display().to_string();
    hardset.ok(&["--db", &old_arg, "log", "Lat pulldown", "62.5x8@1"]);
    assert_eq!(pragma_of(&old, "application_id"), HARDSET_APPLICATION_ID, "the older log is stamped");
    assert_eq!(parse_csv(&hardset.ok(&["--db", &old_arg, "export"])).rows.len(), 2);
    assert!(hardset.root().join("old/hardset.db.v3.bak").exists(), "backed up before the upgrade");
}

#[test]
fn doctor_never_writes_and_a_reading_command_upgrades_an_older_log_through_a_backup_and_says_so() {
    let hardset = Hardset::new();
    let db = hardset.db();
    let folder = db.parent().expect("a folder").to_path_buf();
    old_log(&db, 3);
    let before = std::fs::read(&db).expect("reads");
    let listing = files_in(&folder);
    let run = hardset.run(&["doctor"]);
    assert_eq!(run.code, Some(0), "{}", printed(&run));
    assert!(run.stdout.contains("1 sets") && run.stdout.contains("schema 3"), "{}", printed(&run));
    assert!(std::fs::read(&db).expect("reads") == before, "doctor changed the log");
    assert_eq!(files_in(&folder), listing, "doctor left a file behind");

    // A reading command upgrades the log through the same safe backup as any other, and says so.
    let run = hardset.run(&["export"]);
    assert_eq!(run.code, Some(0), "{}", printed(&run));
    assert_eq!(parse_csv(&run.stdout).rows.len(), 1, "{}", printed(&run));
    let bak = folder.join("hardset.db.v3.bak");
    assert!(
        run.stderr.contains("upgraded") && run.stderr.contains(&bak.display().to_string()),
        "says so: {}",
        printed(&run)
    );
    assert_eq!(pragma_of(&bak, "user_version"), 3);
    assert_eq!(pragma_of(&db, "user_version"), hardset::store::SCHEMA_VERSION, "the log is at the current schema");
    // Once upgraded, nothing more is said.
    let run = hardset.run(&["export"]);
    assert_eq!(run.stderr, "", "{}", printed(&run));
}

#[cfg(unix)]
#[test]
fn reading_commands_read_a_log_in_a_read_only_folder_and_saving_says_why_it_cannot() {
    let hardset = Hardset::new();
    hardset.ok(&["log", "Lat pulldown", "60x10@1", "62.5x8@1"]);
    let db = hardset.db();
    let folder = db.parent().expect("a folder").to_path_buf();
    // And an older log in a read-only folder of its own.
    let old = hardset.root().join("old/hardset.db");
    old_log(&old, 3);
    let old_folder = old.parent().expect("a folder").to_path_buf();
    let before = (std::fs::read(&db).expect("reads"), std::fs::read(&old).expect("reads"));
    let listings = (files_in(&folder), files_in(&old_folder));
    chmod(&folder, 0o555);
    chmod(&old_folder, 0o555);
    let copy = hardset.root().join("copy.db").display().to_string();
    let history: &[&str] = &["history", "Lat pulldown"];
    let Some(export) = hardset.run_as_lifter(&["export"]) else {
        chmod(&folder, 0o755);
        chmod(&old_folder, 0o755);
        eprintln!("skipped: root cannot drop CAP_DAC_OVERRIDE here (no setpriv)");
        return;
    };
    let runs: Vec<(&str, Run)> = vec![
        ("export", export),
        ("week", hardset.run_as_lifter(&["week"]).expect("runs")),
        ("history", hardset.run_as_lifter(history).expect("runs")),
        ("exercises", hardset.run_as_lifter(&["exercises"]).expect("runs")),
        ("backup", hardset.run_as_lifter(&["backup", &copy]).expect("runs")),
        ("doctor", hardset.run_as_lifter(&["doctor"]).expect("runs")),
        ("log", hardset.run_as_lifter(&["log", "Lat pulldown", "65x6@1"]).expect("runs")),
        ("old export", hardset.run_as_lifter(&["--db", &old.display().to_string(), "export"]).expect("runs")),
    ];
    chmod(&folder, 0o755);
    chmod(&old_folder, 0o755);
    for (what, run) in &runs {
        match *what {
            "doctor" => {
                assert_eq!(run.code, Some(1), "{what}: {}", printed(run));
                assert!(run.stdout.contains("integrity ok, 2 sets"), "{what}: {}", printed(run));
                assert!(run.stdout.contains("read-only"), "{what}: names the folder: {}", printed(run));
                assert!(!run.stdout.contains("move it aside"), "{what}: no advice for a damaged log: {}", printed(run));
            }
            "log" => {
                assert_eq!(run.code, Some(1), "{what}: {}", printed(run));
                assert!(
                    run.stderr.contains(&folder.display().to_string()) && run.stderr.contains("read-only"),
                    "{what}: names the folder: {}",
                    printed(run)
                );
                assert!(!run.stderr.contains("disk I/O"), "{what}: {}", printed(run));
            }
            "old export" => {
                assert_eq!(run.code, Some(0), "{what}: {}", printed(run));
                assert_eq!(parse_csv(&run.stdout).rows.len(), 1, "{what}: {}", printed(run));
                assert!(run.stderr.contains("in memory"), "{what}: says how it read it: {}", printed(run));
            }
            _ => assert_eq!(run.code, Some(0), "{what} reads the log: {}", printed(run)),
        }
    }
    assert_eq!(parse_csv(&runs[0].1.stdout).rows.len(), 2);
    assert!(runs[2].1.stdout.contains("62.5"), "{}", printed(&runs[2].1));
    assert!(std::fs::read(&db).expect("reads") == before.0, "the log is unchanged");
    assert!(std::fs::read(&old).expect("reads") == before.1, "the older log is unchanged");
    assert_eq!((files_in(&folder), files_in(&old_folder)), listings, "no file was added");
}

#[test]
fn a_full_disk_is_named_as_such_with_its_advice() {
    let hardset = Hardset::new();
    let script = "export HARDSET_DB=\"$SMALL/hardset.db\"\n\
                  \"$H\" log \"Lat pulldown\" 60x10@1 62.5x8@1 >/dev/null || exit 98\n\
                  head -c 8M /dev/zero > \"$SMALL/filler\" 2>/dev/null\n\
                  echo '== log'; \"$H\" log \"Lat pulldown\" 65x6@1 2>&1; echo \"code=$?\"\n\
                  echo '== doctor'; \"$H\" doctor 2>&1; echo \"code=$?\"\n\
                  echo '== export'; \"$H\" export 2>&1; echo \"code=$?\"\n";
    let Some(run) = hardset.run_on_a_small_disk("1m", script) else {
        eprintln!("skipped: a small tmpfs cannot be mounted here (needs root and unshare)");
        return;
    };
    let section = |name: &str| -> String {
        run.stdout
            .split(&format!("== {name}\n"))
            .nth(1)
            .map(|s| s.split("== ").next().unwrap_or(s).to_string())
            .unwrap_or_default()
    };
    let log = section("log");
    assert!(log.contains("the disk is full") && log.contains("code=1"), "{}", printed(&run));
    assert!(!log.contains("disk I/O"), "{}", printed(&run));
    let doctor = section("doctor");
    assert!(doctor.contains("the disk is full") && doctor.contains("integrity ok, 2 sets"), "{}", printed(&run));
    assert!(!doctor.contains("move it aside") && !doctor.contains("cannot read it"), "{}", printed(&run));
    let export = section("export");
    assert!(export.contains("code=0") && export.matches("Lat pulldown").count() == 2, "{}", printed(&run));
}

#[cfg(unix)]
#[test]
fn every_file_holding_the_log_is_private_whatever_the_umask() {
    let hardset = Hardset::new();
    // The usual umask, under which a file made the ordinary way is readable by everyone.
    let sh = |args: &[&str]| {
        let run: Run = Command::new("sh")
            .arg("-c")
            .arg("umask 022; exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_hardset"))
            .args(args)
            .envs(hardset.environment())
            .stdin(Stdio::null())
            .output()
            .expect("runs")
            .into();
        assert_eq!(run.code, Some(0), "{args:?}: {}", printed(&run));
    };
    sh(&["log", "Lat pulldown", "60x10@1"]);
    let out = hardset.root().join("log.csv");
    sh(&["export", "--out", &out.display().to_string()]);
    let json = hardset.root().join("log.json");
    sh(&["export", "--format", "json", "--out", &json.display().to_string()]);
    let copy = hardset.root().join("copy.db");
    sh(&["backup", &copy.display().to_string()]);
    let old = hardset.root().join("old/hardset.db");
    old_log(&old, 3);
    sh(&["--db", &old.display().to_string(), "log", "Lat pulldown", "62.5x8@1"]);
    for file in [hardset.db(), out, json, copy, hardset.root().join("old/hardset.db.v3.bak")] {
        assert_eq!(mode_of(&file), 0o600, "{} is readable by its owner only", file.display());
    }
}

#[cfg(unix)]
#[test]
fn an_export_ended_by_a_signal_leaves_no_partial_file_and_a_killed_ones_is_cleaned_up() {
    let hardset = Hardset::new();
    hardset.ok(&["log", "Lat pulldown", "60x10@1"]);
    bulk_sets(&hardset.db(), 300_000, 200);
    let folder = hardset.root().join("exports");
    std::fs::create_dir_all(&folder).expect("folder");
    let out = folder.join("log.csv");
    let out_arg = out.display().to_string();
    let partial_appears = || {
        let start = std::time::Instant::now();
        while start.elapsed() < std::time::Duration::from_secs(20) {
            if files_in(&folder).iter().any(|f| f.contains("partial")) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        false
    };
    for signal in ["TERM", "HUP", "INT"] {
        let mut child = hardset.command().args(["export", "--out", &out_arg]).spawn().expect("runs");
        assert!(partial_appears(), "the export started writing");
        send_signal(child.id(), signal);
        let status = child.wait().expect("ends");
        assert!(!status.success(), "SIG{signal}: an interrupted export does not say it exported");
        assert_eq!(files_in(&folder), Vec::<String>::new(), "SIG{signal}: nothing left behind");
    }
    // SIGKILL cannot be caught: the next export removes what it left, and is not blocked by it.
    let mut child = hardset.command().args(["export", "--out", &out_arg]).spawn().expect("runs");
    assert!(partial_appears(), "the export started writing");
    send_signal(child.id(), "KILL");
    child.wait().expect("ends");
    assert!(files_in(&folder).iter().any(|f| f.contains("partial")), "a killed export leaves its partial file");
    let said = hardset.ok(&["export", "--out", &out_arg]);
    assert!(said.starts_with("exported 300001 sets"), "{said}");
    assert_eq!(files_in(&folder), ["log.csv"], "the next export removed the killed one's partial file");
    // Another export still running keeps its partial file.
    let live = folder.join(format!("log.csv.partial-{}", std::process::id()));
    std::fs::write(&live, "being written").expect("writes");
    let dead = folder.join(format!("log.csv.partial-{}", a_dead_pid()));
    std::fs::write(&dead, "left by a killed export").expect("writes");
    hardset.ok(&["export", "--out", &out_arg]);
    assert!(live.exists() && !dead.exists(), "{:?}", files_in(&folder));
}

#[test]
fn two_log_commands_started_together_on_a_new_log_both_succeed() {
    const TRIES: usize = 60;
    let hardset = Hardset::new();
    let mut failures = Vec::new();
    for attempt in 0..TRIES {
        let db = hardset.root().join(format!("race-{attempt}/hardset.db"));
        let db_arg = db.display().to_string();
        // Through HARDSET_DB, whose folder is made on first use, so the two race for it too.
        let spawn = |set: &str| {
            hardset
                .command()
                .env("HARDSET_DB", &db_arg)
                .args(["log", "Lat pulldown", set])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("runs")
        };
        let children = [spawn("60x10@1"), spawn("60x9@1")];
        for child in children {
            let output = child.wait_with_output().expect("ends");
            if !output.status.success() {
                failures.push(format!("try {attempt}: {}", String::from_utf8_lossy(&output.stderr).trim()));
            }
        }
        if failures.is_empty() {
            assert_eq!(parse_csv(&hardset.ok(&["--db", &db_arg, "export"])).rows.len(), 2, "try {attempt}");
        }
    }
    assert!(failures.is_empty(), "{} of {TRIES} tries failed:\n{}", failures.len(), failures.join("\n"));
}

#[cfg(unix)]
#[test]
fn doctor_says_a_read_only_log_file_can_be_read_but_not_saved_to() {
    let hardset = Hardset::new();
    hardset.ok(&["log", "Lat pulldown", "60x10@1"]);
    chmod(&hardset.db(), 0o444);
    let run = hardset.run(&["doctor"]);
    chmod(&hardset.db(), 0o600);
    assert_eq!(run.code, Some(1), "{}", printed(&run));
    assert!(run.stdout.contains("integrity ok, 1 sets"), "{}", printed(&run));
    assert!(
        run.stdout.contains("saving a set would fail: the log file is read-only (make it writable"),
        "{}",
        printed(&run)
    );
    assert!(!run.stdout.contains("restore a backup"), "{}", printed(&run));
}

#[test]
fn another_programs_file_left_with_its_wal_is_refused_without_a_checkpoint() {
    let hardset = Hardset::new();
    let db = hardset.db();
    let folder = db.parent().expect("a folder").to_path_buf();
    std::fs::create_dir_all(&folder).expect("folder");
    // The other program's file as a crash left it: committed rows still in its -wal only.
    let scratch = hardset.root().join("scratch.db");
    let writer = rusqlite::Connection::open(&scratch).expect("opens");
    let _: String = writer.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).expect("wal");
    writer.execute_batch("CREATE TABLE notes (x); INSERT INTO notes VALUES ('mine');").expect("writes");
    std::fs::copy(&scratch, &db).expect("copies the file");
    std::fs::copy(hardset.root().join("scratch.db-wal"), folder.join("hardset.db-wal")).expect("copies its WAL");
    drop(writer);
    let read = |name: &str| std::fs::read(folder.join(name)).expect("reads");
    let before = (read("hardset.db"), read("hardset.db-wal"));
    assert!(!before.1.is_empty(), "the rows are in the WAL");
    for args in [&["log", "Lat pulldown", "60x10@1"][..], &["export"], &["doctor"], &["deload"]] {
        let run = hardset.run(args);
        assert_eq!(run.code, Some(1), "{args:?}: {}", printed(&run));
        assert!(format!("{}{}", run.stdout, run.stderr).contains("is not a hardset log"), "{}", printed(&run));
        assert!((read("hardset.db"), read("hardset.db-wal")) == before, "{args:?} checkpointed or changed it");
    }
}

#[test]
fn export_and_backup_refuse_the_logs_names_even_before_the_log_exists() {
    // No log yet: an export to where the log goes would put a CSV there, which the next start
    // then refuses as another program's file.
    let hardset = Hardset::new();
    let db = hardset.db();
    std::fs::create_dir_all(db.parent().expect("a folder")).expect("folder");
    let target = db.display().to_string();
    for args in [vec!["export", "--out", &target], vec!["backup", &target]] {
        let message = hardset.fails(&args);
        assert!(message.contains("is the log itself"), "{args:?}: {message}");
        assert!(!db.exists(), "{args:?} wrote where the log goes");
    }
    // With a log, its rollback journal's name is the log's too: it is neither written nor removed.
    hardset.ok(&["log", "Lat pulldown", "60x10@1"]);
    for suffix in ["-journal", "-wal", "-shm"] {
        let name = format!("{target}{suffix}");
        for args in [vec!["export", "--out", &name], vec!["backup", &name]] {
            let message = hardset.fails(&args);
            assert!(message.contains("is the log itself"), "{args:?}: {message}");
            assert!(!Path::new(&name).exists() || suffix != "-journal", "{args:?} left a file named like the journal");
        }
    }
}

#[test]
fn a_reading_command_leaves_a_rollback_logs_journal_alone() {
    // A log another tool switched to rollback mode, with a journal beside it: reading commands
    // neither play it back nor remove it (only a command that writes may).
    let hardset = Hardset::new();
    hardset.ok(&["log", "Lat pulldown", "60x10@1"]);
    let db = hardset.db();
    let conn = rusqlite::Connection::open(&db).expect("opens");
    conn.pragma_update(None, "journal_mode", "DELETE").expect("rollback mode");
    drop(conn);
    let journal = PathBuf::from(format!("{}-journal", db.display()));
    let bytes: Vec<u8> = (0..1024u32).map(|i| (i * 7 + 3) as u8).collect();
    std::fs::write(&journal, &bytes).expect("writes the journal");
    let log = std::fs::read(&db).expect("reads");
    for args in [&["export"][..], &["doctor"][..], &["history", "Lat pulldown"][..]] {
        hardset.run(args);
        assert!(std::fs::read(&journal).ok() == Some(bytes.clone()), "{args:?} left the journal as it was");
        assert!(std::fs::read(&db).expect("reads") == log, "{args:?} left the log as it was");
    }
}

#[test]
fn a_db_path_that_cannot_be_a_log_says_why_in_words() {
    let hardset = Hardset::new();
    let root = hardset.root();
    // A folder given where the log's file name goes.
    let folder = root.join("logs");
    std::fs::create_dir_all(&folder).expect("folder");
    let message = hardset.fails(&["log", "--db", &folder.display().to_string(), "Lat pulldown", "60x10@1"]);
    assert!(message.contains("is a folder") && message.contains("hardset.db"), "{message}");
    // A file where the log's folder would be made.
    let file = root.join("notes.txt");
    std::fs::write(&file, "mine").expect("writes");
    let inside = file.join("log.db").display().to_string();
    let message = hardset.fails(&["log", "--db", &inside, "Lat pulldown", "60x10@1"]);
    assert!(message.contains("notes.txt is a file"), "{message}");
    assert_eq!(std::fs::read(&file).expect("reads"), b"mine");
    // A folder that cannot be made: its nearest existing parent is named, not the missing folder.
    #[cfg(unix)]
    if !running_as_root() {
        use std::os::unix::fs::PermissionsExt;
        let locked = root.join("locked");
        std::fs::create_dir_all(&locked).expect("folder");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        let deep = locked.join("a/b/log.db").display().to_string();
        // Through HARDSET_DB, whose folder is made on first use (`--db` refuses a missing one).
        let run: Run = hardset
            .command()
            .env("HARDSET_DB", &deep)
            .args(["log", "Lat pulldown", "60x10@1"])
            .output()
            .expect("runs")
            .into();
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        let message = run.stderr.trim_start_matches("hardset: ").trim_end().to_string();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        assert!(
            message.contains("cannot make the folder") && message.contains("locked cannot be written"),
            "{message}"
        );
    }
}

/// Unmounts its folder when dropped.
struct Mounted(PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_log_on_a_disk_mounted_read_only_is_read_and_saving_says_the_disk_is_read_only() {
    // Needs the right to mount (root on a Linux machine, as in CI); says so and stops otherwise.
    let hardset = Hardset::new();
    let mount_point = hardset.root().join("disk");
    std::fs::create_dir_all(&mount_point).expect("folder");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=16m", "tmpfs"])
        .arg(&mount_point)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"skipped the read-only disk test: this user cannot mount a tmpfs\n",
        );
        return;
    }
    let _unmount = Mounted(mount_point.clone());
    let db = mount_point.join("hardset.db").display().to_string();
    hardset.ok(&["log", "--db", &db, "Lat pulldown", "60x10@1"]);
    let remounted = Command::new("mount").args(["-o", "remount,ro"]).arg(&mount_point).status().expect("mount runs");
    assert!(remounted.success(), "remounts read-only");
    let message = hardset.fails(&["log", "--db", &db, "Lat pulldown", "62.5x8@1"]);
    assert!(message.contains("mounted read-only") && message.contains("the log is intact"), "{message}");
    let exported = hardset.ok(&["export", "--db", &db]);
    assert!(exported.contains("Lat pulldown,working,60,kg,10,1"), "the log is still read: {exported}");
    let doctor = hardset.run(&["doctor", "--db", &db]);
    assert!(
        doctor.stdout.contains("mounted read-only") && !doctor.stdout.contains("move it aside"),
        "{}",
        printed(&doctor)
    );
}

#[test]
fn an_import_into_an_older_log_says_it_upgraded_it_and_where_the_old_one_is() {
    let hardset = Hardset::new();
    let db = hardset.db();
    old_log(&db, 3);
    let file = hardset.root().join("sets.csv");
    std::fs::write(
        &file,
        "session_start,session_end,plan_day,exercise,set_kind,weight,unit,reps,rir,logged_at\n\
         2026-11-20T17:00:00Z,2026-11-20T18:00:00Z,Legs,Leg press,working,100,kg,12,1,2026-11-20T17:20:00Z\n",
    )
    .expect("writes");
    let run = hardset.run(&["import", &file.display().to_string()]);
    assert_eq!(run.code, Some(0), "{}", printed(&run));
    let bak = format!("{}.v3.bak", db.display());
    assert!(run.stderr.contains("upgraded") && run.stderr.contains(&bak), "{}", printed(&run));
    assert_eq!(hardset.export_csv().rows.len(), 2, "the old set and the imported one");
}

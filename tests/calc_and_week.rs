//! The `calc` and `week` commands, run as a lifter would from the shell.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_hardset");

fn run(dir: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .env("HARDSET_DB", dir.join("hardset.db"))
        .env("HARDSET_CONFIG", dir.join("config"))
        .env("HOME", dir)
        .output()
        .expect("runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An "editor" that applies a sed script to the file it is given, as `$EDITOR` would be run.
fn editor_script(dir: &std::path::Path, name: &str, sed: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\nsed -i '{sed}' \"$1\"\n")).expect("script");
    std::process::Command::new("chmod").arg("+x").arg(&path).status().expect("chmod");
    path
}

/// `hardset plan edit` with `editor` as $EDITOR: whether it succeeded, and its standard error.
fn plan_edit(dir: &std::path::Path, editor: &std::path::Path) -> (bool, String) {
    let out = Command::new(BIN)
        .args(["plan", "edit"])
        .env("HARDSET_DB", dir.join("hardset.db"))
        .env("HARDSET_CONFIG", dir.join("config"))
        .env("HOME", dir)
        .env_remove("VISUAL")
        .env("EDITOR", editor)
        .output()
        .expect("runs");
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn e1rm_counts_reps_in_reserve_and_names_the_formula() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ok, out, _) = run(dir.path(), &["calc", "e1rm", "100x5"]);
    assert!(ok);
    assert!(out.starts_with("116.67 kg"), "{out}");
    let (_, out, _) = run(dir.path(), &["calc", "e1rm", "100x5", "--formula", "brzycki"]);
    assert!(out.starts_with("112.50 kg"), "{out}");
    // Two reps in reserve count as two more reps: 100x3@2 is 100x5 to failure.
    let (_, out, _) = run(dir.path(), &["calc", "e1rm", "100x3@2", "--unit", "lb"]);
    assert!(out.starts_with("116.67 lb"), "{out}");
    let (_, out, _) = run(dir.path(), &["calc", "e1rm", "140x1@0", "--formula", "lander"]);
    assert!(out.starts_with("140.00 kg"), "a single at RIR 0 is the 1RM: {out}");
    let (ok, _, err) = run(dir.path(), &["calc", "e1rm", "100x", "--formula", "epley"]);
    assert!(!ok && err.contains("100x': reps: enter a number"), "{err}");
    assert!(!dir.path().join("hardset.db").exists(), "calc writes nothing");
}

#[test]
fn the_formula_setting_is_used_when_none_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("config")).expect("config dir");
    std::fs::write(dir.path().join("config/config.toml"), "[e1rm]\nformula = \"brzycki\"\n").expect("writes");
    let (ok, out, _) = run(dir.path(), &["calc", "e1rm", "100x5"]);
    assert!(ok);
    assert!(out.starts_with("112.50 kg"), "{out}");
    // A bad implicit config warns and falls back to the defaults.
    std::fs::write(dir.path().join("config/config.toml"), "[e1rm]\nformula = \"guess\"\n").expect("writes");
    let (ok, out, err) = run(dir.path(), &["calc", "e1rm", "100x5"]);
    assert!(ok);
    assert!(out.starts_with("116.67 kg"), "{out}");
    assert!(err.contains("config.toml:2:11"), "{err}");
    // Named with --config, the same file is an error.
    let config = dir.path().join("config");
    let (ok, _, err) = run(dir.path(), &["--config", config.to_str().expect("utf-8"), "calc", "e1rm", "100x5"]);
    assert!(!ok);
    assert!(err.contains("config.toml:2:11"), "{err}");
}

#[test]
fn plates_are_the_fewest_that_load_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, out, _) = run(dir.path(), &["calc", "plates", "165", "--unit", "lb"]);
    assert_eq!(out.trim(), "165 lb on a 45 lb bar: 35 + 25 per side");
    let (_, out, _) = run(dir.path(), &["calc", "plates", "101"]);
    assert!(out.contains("cannot be loaded exactly"), "{out}");
    assert!(out.contains("100 kg (25 + 15 per side) or 102.5 kg (25 + 15 + 1.25 per side)"), "{out}");
    let (_, out, _) = run(dir.path(), &["calc", "plates", "60", "--bar", "15"]);
    assert_eq!(out.trim(), "60 kg on a 15 kg bar: 20 + 2.5 per side");
}

#[test]
fn ramp_prints_the_ladder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ok, out, _) = run(dir.path(), &["calc", "ramp", "100", "--exercise", "back squat"]);
    assert!(ok);
    assert_eq!(
        out.lines().skip(1).map(str::trim).collect::<Vec<_>>(),
        ["1. 20 kg x 10", "2. 40 kg x 8", "3. 60 kg x 5", "4. 80 kg x 3"]
    );
    let (ok, _, err) = run(dir.path(), &["calc", "ramp", "100", "--exercise", "bakc squat"]);
    assert!(!ok && err.contains("did you mean"), "{err}");
}

#[test]
fn week_counts_effective_sets_per_muscle() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Two hard sets and one easy one on the lat pulldown, and a ramp-up that never counts.
    assert!(run(dir.path(), &["log", "Lat pulldown", "60x10@1", "60x9@3", "60x8@4"]).0);
    assert!(run(dir.path(), &["log", "Lat pulldown", "30x8", "--ramp"]).0);
    let (ok, out, _) = run(dir.path(), &["week", "--json"]);
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert!(json["week"].as_str().is_some_and(|w| w.contains("-W")), "{json}");
    let lats = json["muscles"].as_array().and_then(|m| m.iter().find(|m| m["muscle"] == "lats")).expect("lats listed");
    assert_eq!(lats["effective_sets"], 2.0);
    assert_eq!(lats["sessions"], 1);
    assert_eq!(lats["status"], "below");
    let (_, text, _) = run(dir.path(), &["week"]);
    assert!(text.contains("lats"), "{text}");
    let (ok, out, _) = run(dir.path(), &["week", "--date", "2020-01-01", "--json"]);
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json["week"], "2020-W01");
    assert_eq!(json["muscles"].as_array().map(Vec::len), Some(0));
}

#[test]
fn deload_marks_the_week_from_the_shell() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ok, out, _) = run(dir.path(), &["deload", "--date", "2026-11-26"]);
    assert!(ok);
    assert!(out.contains("the week of Mon 23 Nov 2026 is a deload week: about half the sets"), "{out}");
    let (ok, out, _) = run(dir.path(), &["deload", "--load", "--date", "2026-11-29"]);
    assert!(ok && out.contains("about 10% less load"), "{out}");
    let conn = rusqlite::Connection::open(dir.path().join("hardset.db")).expect("opens");
    let style: String =
        conn.query_row("SELECT style FROM deload_week WHERE monday = '2026-11-23'", [], |r| r.get(0)).expect("marked");
    assert_eq!(style, "load", "the same week, restyled");
    let (ok, out, _) = run(dir.path(), &["deload", "--end", "--date", "2026-11-23"]);
    assert!(ok && out.contains("no longer a deload week"), "{out}");
    let weeks: i64 = conn.query_row("SELECT count(*) FROM deload_week", [], |r| r.get(0)).expect("counts");
    assert_eq!(weeks, 0);
}

#[test]
fn history_gives_each_week_its_best_and_the_records() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("demo.db");
    let db = db.to_str().expect("utf-8");
    assert!(run(dir.path(), &["demo", "--db", db, "--weeks", "6"]).0);
    let (ok, out, err) = run(dir.path(), &["--db", db, "history", "chest press (machine)", "--weeks", "3", "--json"]);
    assert!(ok, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json["exercise"], "Machine chest press", "an alias finds the exercise");
    let weeks = json["weeks"].as_array().expect("weeks");
    assert_eq!(weeks.len(), 3);
    // Newest first, and each change is this week's best minus the week before.
    let best = |i: usize| weeks[i]["best_e1rm"].as_f64().expect("a number");
    let change = weeks[0]["change"].as_f64().expect("a change");
    assert!((change - (best(0) - best(1))).abs() < 0.011, "{change} vs {} - {}", best(0), best(1));
    assert!(json["best_e1rm"]["e1rm"].as_f64().is_some_and(|b| b >= best(0) && b >= best(1)), "{json}");
    let (ok, text, _) = run(dir.path(), &["--db", db, "history", "Machine chest press", "--weeks", "2"]);
    assert!(ok);
    assert!(text.contains("week by week") && text.contains("Best e1RM:") && text.contains("Most reps:"), "{text}");
    let (ok, _, err) = run(dir.path(), &["--db", db, "history", "bench"]);
    assert!(!ok && err.contains("did you mean 'Barbell bench press'?"), "{err}");
}

#[test]
fn plan_and_config_tools_check_show_start_and_edit_safely() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ok, out, _) = run(dir.path(), &["plan", "check"]);
    assert!(ok && out.contains("the shipped example week (no plan.toml yet): ok, 'Example week', 5 days"), "{out}");
    assert!(run(dir.path(), &["plan", "init"]).0);
    let (ok, _, err) = run(dir.path(), &["plan", "init"]);
    assert!(!ok && err.contains("already exists; it was left as it is"), "{err}");
    let (_, table, _) = run(dir.path(), &["plan", "show"]);
    assert!(table.contains("Machine chest press") && table.contains("Day 4: rest (rest)"), "{table}");
    // An edit that breaks the plan is refused; the plan stays; the draft is kept and resumed.
    let plan = dir.path().join("config/plan.toml");
    let before = std::fs::read_to_string(&plan).expect("plan");
    let bad = editor_script(dir.path(), "bad-editor.sh", "s/sets = 1/sets = 0/");
    let good = editor_script(dir.path(), "good-editor.sh", "s/sets = 0/sets = 1/; s/reps = \"6-10\"/reps = \"6-12\"/");
    let edit = |editor: &std::path::Path| plan_edit(dir.path(), editor);
    let (ok, err) = edit(&bad);
    assert!(!ok && err.contains("the edit was refused") && err.contains("plan.toml.edit:"), "{err}");
    assert_eq!(std::fs::read_to_string(&plan).expect("plan"), before, "the old plan stays");
    let (ok, err) = edit(&good);
    assert!(ok, "{err}");
    let after = std::fs::read_to_string(&plan).expect("plan");
    assert!(after.contains("reps = \"6-12\"") && !after.contains("sets = 0"), "the fixed draft was saved");
    assert!(!dir.path().join("config/plan.toml.edit").exists());
    // Config: check, start (every setting commented), show the effective settings.
    let (_, out, _) = run(dir.path(), &["config", "check"]);
    assert!(out.contains("not there; the defaults apply"), "{out}");
    assert!(run(dir.path(), &["config", "init"]).0);
    let (ok, out, _) = run(dir.path(), &["config", "check"]);
    assert!(ok && out.trim_end().ends_with(": ok"), "{out}");
    let starter = std::fs::read_to_string(dir.path().join("config/config.toml")).expect("config");
    assert!(starter.contains("# formula = \"epley\""), "{starter}");
    std::fs::write(dir.path().join("config/config.toml"), "[volume]\nexperience = \"advanced\"\n").expect("writes");
    let (_, shown, _) = run(dir.path(), &["config", "show"]);
    assert!(shown.contains("experience = \"advanced\"") && shown.contains("formula = \"epley\""), "{shown}");
    std::fs::write(dir.path().join("config/config.toml"), "[volume]\nexperience = \"expert\"\n").expect("writes");
    let (ok, _, err) = run(dir.path(), &["config", "check"]);
    assert!(!ok && err.contains("config.toml:2:14"), "{err}");
}

#[test]
fn a_refused_first_plan_edit_writes_no_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = editor_script(dir.path(), "bad-editor.sh", "s/sets = 1/sets = 0/");
    let (ok, err) = plan_edit(dir.path(), &bad);
    assert!(!ok && err.contains("no plan.toml was written"), "{err}");
    assert!(!dir.path().join("config/plan.toml").exists(), "the example week stays in use");
    assert!(dir.path().join("config/plan.toml.edit").exists(), "the draft is kept for the next edit");
}

#[test]
fn a_plan_edit_that_changes_nothing_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert!(run(dir.path(), &["plan", "init"]).0);
    let plan = dir.path().join("config/plan.toml");
    let before = std::fs::metadata(&plan).and_then(|m| m.modified()).expect("plan");
    let out = Command::new(BIN)
        .args(["plan", "edit"])
        .env("HARDSET_DB", dir.path().join("hardset.db"))
        .env("HARDSET_CONFIG", dir.path().join("config"))
        .env("HOME", dir.path())
        .env_remove("VISUAL")
        .env("EDITOR", "true")
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && said.trim_end().ends_with("plan.toml: no change"), "{said}");
    assert_eq!(std::fs::metadata(&plan).and_then(|m| m.modified()).expect("plan"), before, "not rewritten");
    assert!(!dir.path().join("config/plan.toml.edit").exists(), "no draft left");
}

#[test]
fn backup_copies_the_log_through_sqlite_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("demo.db");
    let db_text = db.to_str().expect("utf-8");
    let (ok, _, err) = run(dir.path(), &["--db", db_text, "backup"]);
    assert!(!ok && err.contains("nothing to back up"), "{err}");
    assert!(run(dir.path(), &["demo", "--db", db_text, "--weeks", "2"]).0);
    let copy = dir.path().join("copy.db");
    let copy_text = copy.to_str().expect("utf-8");
    let (ok, out, err) = run(dir.path(), &["--db", db_text, "backup", copy_text]);
    assert!(ok, "{err}");
    assert!(out.contains("(integrity ok: true)"), "{out}");
    let count = |path: &std::path::Path| -> i64 {
        rusqlite::Connection::open(path)
            .expect("opens")
            .query_row("SELECT count(*) FROM workout_set", [], |r| r.get(0))
            .expect("counts")
    };
    assert_eq!(count(&copy), count(&db), "every set is in the copy");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&copy).expect("exists").permissions().mode() & 0o777, 0o600);
    }
    let (ok, _, err) = run(dir.path(), &["--db", db_text, "backup", copy_text]);
    assert!(!ok && err.contains("already exists"), "{err}");
}

#[test]
fn completions_are_printed_for_each_shell() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (shell, marker) in [("bash", "_hardset()"), ("zsh", "#compdef hardset"), ("fish", "complete -c hardset")] {
        let (ok, out, err) = run(dir.path(), &["completions", shell]);
        assert!(ok, "{err}");
        assert!(out.contains(marker), "{shell}: {}", &out[..out.len().min(200)]);
        assert!(out.contains("history") && out.contains("deload"), "{shell} knows the subcommands");
    }
}

#[test]
fn doctor_says_what_is_fine_and_what_to_fix() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ok, out, _) = run(dir.path(), &["doctor"]);
    assert!(ok, "{out}");
    assert!(out.contains("is not there yet: the first set creates it"), "{out}");
    std::fs::create_dir_all(dir.path().join("config")).expect("config dir");
    std::fs::write(dir.path().join("config/plan.toml"), "name = \"x\"\nschedule = \"weekly\"\n").expect("writes");
    std::fs::write(dir.path().join("config/config.toml"), "[volume]\nexperience = \"expert\"\n").expect("writes");
    let (ok, out, err) = run(dir.path(), &["doctor"]);
    assert!(!ok && err.contains("2 thing(s) to fix"), "{err}");
    assert!(out.contains("FIX  plan:") && out.contains("plan.toml:2:12") && out.contains("hardset plan edit"), "{out}");
    assert!(out.contains("FIX  settings:") && out.contains("config.toml:2:14"), "{out}");
    assert!(out.contains("move config.toml aside and run `hardset config init`"), "{out}");
    // A file that is not a database: what to do, and the file left as it was.
    std::fs::write(dir.path().join("hardset.db"), "not a database at all, just text\n".repeat(200)).expect("writes");
    let before = std::fs::read(dir.path().join("hardset.db")).expect("reads");
    let (ok, out, _) = run(dir.path(), &["doctor"]);
    assert!(!ok, "{out}");
    assert!(out.contains("FIX  database") && out.contains("restore a backup in its place"), "{out}");
    assert_eq!(std::fs::read(dir.path().join("hardset.db")).expect("reads"), before, "doctor changed nothing");
}

#[test]
fn export_to_a_file_is_complete_and_marks_deload_weeks() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert!(run(dir.path(), &["log", "Lat pulldown", "60x10@3"]).0);
    assert!(run(dir.path(), &["deload"]).0);
    let file = dir.path().join("out/log.csv");
    std::fs::create_dir_all(file.parent().expect("parent")).expect("dir");
    let (ok, out, err) = run(dir.path(), &["export", "--out", file.to_str().expect("utf-8")]);
    assert!(ok, "{err}");
    assert!(out.contains("exported 1 sets to"), "{out}");
    let csv = std::fs::read_to_string(&file).expect("written");
    let rows: Vec<&str> = csv.lines().collect();
    let header: Vec<&str> = rows[0].split(',').collect();
    let deload = header.iter().position(|c| *c == "deload").expect("a deload column");
    assert_eq!(rows[1].split(',').nth(deload), Some("volume"), "the session fell in a volume deload week: {csv}");
    assert!(!dir.path().join("out/log.csv.partial").exists(), "no partial file left");
    let json = dir.path().join("out/log.json");
    assert!(run(dir.path(), &["export", "--format", "json", "--out", json.to_str().expect("utf-8")]).0);
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("written")).expect("json");
    assert_eq!(value["sessions"][0]["deload"], "volume");
    assert_eq!(value["deload_weeks"][0]["style"], "volume");
}

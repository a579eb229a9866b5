//! The lifter's own files, from the shell: check, show and start `plan.toml` and `config.toml`
//! (editing the plan safely is `plan_edit`'s, shared with the app).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::config::{SHIPPED_CONFIG, Settings};
use crate::error::Error;
use crate::model::exercise::{Catalogue, format_rest};
use crate::model::plan::{DayKind, EXAMPLE_WEEK, Plan, Schedule};

/// Checks a plan file: the given one, else the lifter's, else the shipped example week.
pub fn check_plan(file: Option<&Path>, config_dir: &Path, catalogue: &Catalogue) -> Result<String, Error> {
    let (plan, origin) = match file {
        Some(path) => (Plan::load(path, catalogue)?, path.display().to_string()),
        None => match Plan::load_for(config_dir, catalogue)? {
            (plan, Some(path)) => (plan, path.display().to_string()),
            (plan, None) => (plan, "the shipped example week (no plan.toml yet)".to_string()),
        },
    };
    let exercises: usize = plan.days.iter().map(|d| d.exercises.len()).sum();
    let mut report = format!("{origin}: ok, '{}', {} days, {exercises} exercises", plan.name, plan.days.len());
    for warning in crate::training::warnings::planned_failure(&plan.days) {
        report.push_str("\nwarning: ");
        report.push_str(&crate::model::text::escape(&warning.text));
    }
    Ok(report)
}

/// The plan as a table, a day at a time.
pub fn show_plan(plan: &Plan) -> String {
    let schedule = match plan.schedule {
        Schedule::Rotation => "a rotation: the next day follows the last day trained",
        Schedule::Weekdays => "fixed weekdays",
    };
    let mut text = format!("{} ({schedule}; loads in {})\n", plan.name, plan.unit);
    for day in &plan.days {
        let weekday = day.weekday.map(|w| format!(" on {w}")).unwrap_or_default();
        let _ = writeln!(text, "\n{}{weekday} ({})", day.name, day.kind.label());
        let day_note = crate::model::text::clean_line(&day.note);
        if !day_note.is_empty() {
            let _ = writeln!(text, "  note: {day_note}");
        }
        if day.kind != DayKind::Training {
            for activity in &day.activities {
                let _ = writeln!(text, "  - {activity}");
            }
            continue;
        }
        let places = crate::model::plan::group::places(day.exercises.iter().map(|e| e.group.as_deref()));
        for (e, place) in day.exercises.iter().zip(&places) {
            let ramp = if e.ramp_up { ", ramp-ups" } else { "" };
            let key = if e.key { ", key lift" } else { "" };
            let technique = e.technique.map(|t| format!(", then a {t}")).unwrap_or_default();
            let name = place.as_ref().map_or_else(|| e.name.clone(), |p| format!("{p} {}", e.name));
            let _ = writeln!(
                text,
                "  {:<28} {} x {:<6} @ RIR {:<4} rest {}{ramp}{key}{technique}",
                name,
                e.sets,
                e.reps.to_string(),
                e.rir.to_string(),
                format_rest(e.rest)
            );
            let note = crate::model::text::clean_line(&e.note);
            if !note.is_empty() {
                let _ = writeln!(text, "      ◆ {note}");
            }
            text.push_str(&group_ends(day, e));
        }
    }
    text
}

/// After the last exercise of a superset or circuit, how it is done:
/// `  superset A: a set of each in turn, then rest 2m` (and a line break); else nothing.
fn group_ends(day: &crate::model::plan::PlanDay, exercise: &crate::model::plan::PlannedExercise) -> String {
    let Some(label) = exercise.group.as_deref() else {
        return String::new();
    };
    let members: Vec<_> = day.exercises.iter().filter(|e| e.group.as_deref() == Some(label)).collect();
    if members.last().is_none_or(|last| !std::ptr::eq(*last, exercise)) {
        return String::new();
    }
    let rest = members.iter().map(|e| e.rest).max().unwrap_or_default();
    let kind = crate::model::plan::group::kind_of(members.len());
    format!("  {kind} {label}: a set of each in turn, then rest {}\n", format_rest(rest))
}

/// Writes `text` to `path` unless a file is there; creates the directory.
fn write_new(path: &Path, text: &str) -> Result<(), Error> {
    if path.exists() {
        return Err(Error::Input(format!("{} already exists; it was left as it is", path.display())));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)?;
    Ok(())
}

/// Copies the example week into the config directory as `plan.toml`, never over one.
pub fn init_plan(config_dir: &Path) -> Result<PathBuf, Error> {
    let path = config_dir.join("plan.toml");
    write_new(&path, EXAMPLE_WEEK)?;
    Ok(path)
}

/// The shipped settings with every setting commented out: a starter that documents everything
/// and pins nothing, so later default changes still reach the lifter.
pub fn starter_config() -> String {
    let mut text =
        String::from("# hardset settings: uncomment a line to change it; anything left commented keeps its default.\n");
    for line in SHIPPED_CONFIG.lines() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with('[') {
            text.push_str(line);
        } else {
            text.push_str("# ");
            text.push_str(line);
        }
        text.push('\n');
    }
    text
}

/// Writes the starter `config.toml`, never over one.
pub fn init_config(config_dir: &Path) -> Result<PathBuf, Error> {
    let path = config_dir.join("config.toml");
    write_new(&path, &starter_config())?;
    Ok(path)
}

/// The effective settings as TOML (defaults with the lifter's file applied). With the plan in
/// use (and where it came from), a comment under a setting says where the plan's own entry wins
/// over it.
pub fn show_config(settings: &Settings, plan: Option<(&Plan, &str)>) -> Result<String, Error> {
    let text = toml::to_string_pretty(settings).map_err(|e| Error::Input(e.to_string()))?;
    // (table, setting the comment goes under, comment)
    let mut notes: Vec<(&str, &str, String)> = Vec::new();
    let working_anchor = if settings.rest.working.is_some() { "working" } else { "ramp_up" };
    if settings.rest.working.is_none() {
        notes.push((
            "rest",
            working_anchor,
            "working: not set, so an exercise the plan gives no rest rests as the exercise catalogue says".into(),
        ));
    }
    if let Some((plan, source)) = plan {
        if plan.names.unit {
            notes.push(("units", "load", format!("{source} names unit = \"{}\", which wins over this", plan.unit)));
        }
        if plan.names.ramp_up_rest {
            let rest = format_rest(plan.ramp_up_rest);
            notes.push(("rest", "ramp_up", format!("{source} names ramp_up_rest = \"{rest}\", which wins over this")));
        }
        let exercises: Vec<_> = plan.days.iter().flat_map(|d| &d.exercises).collect();
        let own = exercises.iter().filter(|e| e.own_rest).count();
        if own > 0 {
            notes.push((
                "rest",
                working_anchor,
                format!(
                    "{source} names the rest of {own} of its {} exercises, which wins over working for them",
                    exercises.len()
                ),
            ));
        }
    }
    let mut shown = String::new();
    let mut table = "";
    for line in text.lines() {
        shown.push_str(line);
        shown.push('\n');
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            table = name;
            continue;
        }
        let setting = line.split_once(" = ").map_or("", |(key, _)| key);
        for (_, _, note) in notes.iter().filter(|(t, key, _)| *t == table && *key == setting) {
            let _ = writeln!(shown, "# {note}");
        }
    }
    Ok(shown)
}

/// Checks `config.toml` in the config directory.
pub fn check_config(config_dir: &Path) -> Result<String, Error> {
    let path = config_dir.join("config.toml");
    if !path.exists() {
        return Ok(format!("{}: not there; the defaults apply", path.display()));
    }
    Settings::load_for(config_dir, true)?;
    Ok(format!("{}: ok", path.display()))
}

/// One finding of `hardset doctor`: fine or not, and what it says.
pub type Finding = (bool, String);

/// Checks everything hardset depends on, saying what to do about anything wrong: the paths, the
/// database (opens, integrity, schema), the plan and the settings.
pub fn doctor(paths: &crate::paths::Paths, catalogue: &Catalogue) -> Vec<Finding> {
    let mut findings = Vec::new();
    let config_dir = &paths.config_dir;
    findings.push(if config_dir.is_dir() {
        (true, format!("config directory {}", config_dir.display()))
    } else {
        (
            true,
            format!(
                "config directory {} is not there yet: `hardset plan init` or `hardset config init` creates it",
                config_dir.display()
            ),
        )
    });
    let db = &paths.database;
    if db.exists() {
        findings.extend(doctor_database(db));
    } else {
        findings.push((true, format!("database {} is not there yet: the first set creates it", db.display())));
    }
    findings.push(match check_plan(None, config_dir, catalogue) {
        Ok(text) => (true, format!("plan {text}")),
        Err(e) => (false, format!("plan: {e}; fix it there, or `hardset plan edit`")),
    });
    findings.push(match check_config(config_dir) {
        Ok(text) => (true, format!("settings {text}")),
        Err(e) => (
            false,
            format!(
                "settings: {e}; fix that line (docs/config.md lists every setting), or move config.toml aside \
                 and run `hardset config init` for a fresh commented file"
            ),
        ),
    });
    findings
}

/// What `doctor` finds about the log: whether it opens, its schema, its integrity and sets, and
/// anything that would stop a set being saved (a full disk, a read-only file or folder), each
/// with its own advice. The log is opened read-only and never upgraded: doctor writes nothing.
fn doctor_database(db: &Path) -> Vec<Finding> {
    use crate::store::{SCHEMA_VERSION, Store, StoreError, what_stops_saving};
    let shown = db.display();
    let name = db.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let restore = format!(
        "keep the file (copy it somewhere safe), then restore a backup in its place (a `hardset backup` copy, or the \
         {name}.vN.bak taken before an upgrade), or move it aside to start a new log"
    );
    let store = match Store::inspect(db) {
        Ok(Some(store)) => store,
        Ok(None) => return vec![(true, format!("database {shown} is empty: the first set makes it a log"))],
        // A newer hardset's log, another program's file, a full disk, a read-only folder: the
        // message says what to do.
        Err(
            e @ (StoreError::NewerDatabase { .. }
            | StoreError::NotHardset { .. }
            | StoreError::DiskFull { .. }
            | StoreError::FolderReadOnly { .. }
            | StoreError::FileReadOnly),
        ) => return vec![(false, format!("database: {e}"))],
        Err(e) => return vec![(false, format!("database {shown}: {e}. hardset cannot read it: {restore}"))],
    };
    let mut findings = Vec::new();
    match (store.integrity_ok(), store.set_count(), store.schema()) {
        (Ok(true), Ok(sets), Ok(schema)) if schema < SCHEMA_VERSION => findings.push((
            true,
            format!(
                "database {shown}: integrity ok, {sets} sets, schema {schema}: the next command that writes to it \
                 upgrades it to schema {SCHEMA_VERSION}, after copying it to {name}.v{schema}.bak"
            ),
        )),
        (Ok(true), Ok(sets), Ok(_)) => findings.push((true, format!("database {shown}: integrity ok, {sets} sets"))),
        (Ok(false), _, _) => findings
            .push((false, format!("database {shown}: the integrity check failed, the log is damaged: {restore}"))),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => findings.push((false, format!("database {shown}: {e}"))),
    }
    drop(store);
    if let Some(blocker) = what_stops_saving(db) {
        findings.push((false, format!("database {shown} can be read, but saving a set would fail: {blocker}")));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_config_pins_nothing_and_parses_to_the_defaults() {
        let starter = starter_config();
        assert_eq!(Settings::parse(&starter, "config.toml"), Ok(Settings::default()));
        assert!(starter.contains("# formula = \"epley\""), "{starter}");
    }

    #[test]
    fn show_says_where_the_plan_wins_over_a_setting() {
        let catalogue = Catalogue::shipped();
        let settings =
            Settings::parse("[units]\nload = \"kg\"\n[rest]\nworking = \"2m\"\n", "config.toml").expect("valid");
        let text = "name = \"P\"\nschedule = \"rotation\"\nunit = \"lb\"\n\n[[day]]\nname = \"A\"\n\
                    [[day.exercise]]\nname = \"Leg press\"\nreps = \"8-12\"\nrest = \"3m\"\n\
                    [[day.exercise]]\nname = \"Lat pulldown\"\nreps = \"8-12\"\n";
        let plan = Plan::parse(text, "plan.toml", &catalogue).expect("parses");
        let shown = show_config(&settings, Some((&plan, "plan.toml"))).expect("shows");
        assert!(
            shown.contains("[units]\nload = \"kg\"\n# plan.toml names unit = \"lb\", which wins over this\n"),
            "{shown}"
        );
        assert!(
            shown.contains(
                "working = \"2m\"\n# plan.toml names the rest of 1 of its 2 exercises, which wins over working"
            ),
            "{shown}"
        );
        assert!(!shown.contains("ramp_up_rest"), "the plan leaves ramp_up_rest to the settings: {shown}");
        // The comments leave the settings as they were; [keys] comes back spelled out, the same keys.
        let reread = Settings::parse(&shown, "shown.toml").expect("reads back");
        assert_eq!(Settings { keys: settings.keys.clone(), ..reread.clone() }, settings);
        let keys = |s: &Settings| s.keymap().expect("usable").effective_keys();
        assert_eq!(keys(&reread), keys(&settings));
        let bare = show_config(&settings, None).expect("shows");
        assert!(!bare.contains("wins over"), "{bare}");
    }

    #[test]
    fn the_plan_table_names_every_exercise() {
        let plan = Plan::example_week(&Catalogue::shipped()).expect("parses");
        let table = show_plan(&plan);
        assert!(table.contains("Machine chest press") && table.contains("1 x 6-10   @ RIR 0-1"), "{table}");
        assert!(table.contains("Day 2: active recovery (active recovery)"), "{table}");
    }
}

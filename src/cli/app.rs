//! The app itself, on the lifter's log or on a demo one, and what every command loads first:
//! the settings, the plan, and the catalogue with the log's own exercises.

use std::path::{Path, PathBuf};

use super::{Cli, Context, announce, open_to_write, say};
use crate::clock::SystemClock;
use crate::config::Settings;
use crate::error::Error;
use crate::model::exercise::Catalogue;
use crate::model::plan::Plan;
use crate::paths::Paths;
use crate::store::Store;
use crate::tui::app::App;
use crate::tui::driver::{Driver, PlanFiles};
use crate::{demo, disk, today, tui};

/// Opens the app on the lifter's log.
pub(super) fn open(context: &Context) -> Result<(), Error> {
    disk::remove_stale_demo_logs(&std::env::temp_dir());
    let (settings, warning) = load_settings(context.explicit_config, &context.paths)?;
    let store = open_to_write(&context.paths.database)?;
    let catalogue = with_custom(&context.catalogue, &store)?;
    let plan = load_plan(&context.paths, &catalogue, &settings)?;
    let files = PlanFiles {
        config_dir: context.paths.config_dir.clone(),
        catalogue,
        editor: crate::plan_edit::editor_from_env(),
    };
    run_app(plan, settings, warning, store, Some(files))
}

/// `hardset demo`: writes `weeks` of synthetic history into a new log named with `--db`.
pub(super) fn fill_demo(context: &Context, weeks: u32, db_named: bool) -> Result<(), Error> {
    let paths = &context.paths;
    if !db_named {
        return Err(Error::Input(
            "demo writes synthetic history: name the database with --db PATH so your real log stays clean".into(),
        ));
    }
    let plan = Plan::example_week(&context.catalogue)?;
    let mut store = open_to_write(&paths.database)?;
    announce(&store);
    let existing = store.set_count()?;
    if existing > 0 {
        return Err(Error::Input(format!(
            "{} already holds {existing} sets; demo writes only into a new database",
            paths.database.display()
        )));
    }
    let sets = demo::fill(&mut store, &plan, &SystemClock, weeks)?;
    say(&format!("wrote {weeks} weeks of demo history ({sets} sets) to {}", paths.database.display()))
}

/// The settings, and a warning when the implicit config.toml was bad and the defaults apply.
pub(super) fn load_settings(explicit: bool, paths: &Paths) -> Result<(Settings, Option<String>), Error> {
    Ok(Settings::load_for(&paths.config_dir, explicit)?)
}

/// The plan, with what it leaves unsaid taken from the settings.
pub(super) fn load_plan(paths: &Paths, catalogue: &Catalogue, settings: &Settings) -> Result<Plan, Error> {
    let mut plan = Plan::load_for(&paths.config_dir, catalogue)?.0;
    plan.apply_defaults(&settings.plan_defaults());
    Ok(plan)
}

/// The catalogue with the exercises imports brought in that it does not know, so their sets
/// count for their muscles.
pub(super) fn with_custom(catalogue: &Catalogue, store: &Store) -> Result<Catalogue, Error> {
    Ok(catalogue.with_own(store.custom_exercises()?))
}

/// The catalogue with the log's own exercises, for the commands that read the plan without
/// needing a log (`plan`, `doctor`): the log is only looked at (never upgraded, nothing
/// written), and there are none to add when there is no log or it cannot be read.
pub(super) fn known_exercises(context: &super::Context) -> Catalogue {
    Store::inspect(&context.paths.database)
        .ok()
        .flatten()
        .and_then(|store| with_custom(&context.catalogue, &store).ok())
        .unwrap_or_else(|| context.catalogue.clone())
}

/// Notes the plan now in use in the log's plan revisions.
pub(super) fn record_plan_in_use(explicit_config: bool, paths: &Paths, catalogue: &Catalogue) -> Result<(), Error> {
    let (settings, _) = load_settings(explicit_config, paths)?;
    let mut store = open_to_write(&paths.database)?;
    announce(&store);
    let plan = load_plan(paths, &with_custom(catalogue, &store)?, &settings)?;
    today::record_plan(&mut store, &plan, &SystemClock)?;
    Ok(())
}

/// Refuses to start the app without a terminal, naming the commands that work without one.
pub(super) fn needs_a_terminal() -> Result<(), Error> {
    use clap::CommandFactory as _;
    use std::io::IsTerminal as _;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Ok(());
    }
    let commands: Vec<String> =
        Cli::command().get_subcommands().map(|c| c.get_name().to_string()).filter(|name| name != "help").collect();
    Err(Error::NoTerminal(commands.join(", ")))
}

/// Runs the app on `store` until the lifter quits.
fn run_app(
    plan: Plan,
    settings: Settings,
    warning: Option<String>,
    mut store: Store,
    plan_files: Option<PlanFiles>,
) -> Result<(), Error> {
    // Each change to the plan's content starts a new revision, so Today can say how long the
    // plan has run.
    today::record_plan(&mut store, &plan, &SystemClock)?;
    let mut app = App::new(plan, settings);
    // What opening the log did to it (an upgrade, and where the old one is kept) is said on the
    // status line, where a lifter sees it: the screen would hide a line on standard error.
    let upgrade = store.upgrade().map(|u| format!("hardset {u}"));
    let message = match (warning, upgrade) {
        (Some(w), Some(u)) => Some(format!("{u} · {w}")),
        (w, u) => w.or(u),
    };
    app.message = message.map(|m| (crate::tui::theme::Meaning::Warn, m));
    let mut driver = Driver::new(app, store, SystemClock);
    driver.plan_files = plan_files;
    tui::event_loop::run(driver)?;
    Ok(())
}

/// A database file in the temporary directory, removed (with its WAL files) when dropped.
struct TempDatabase(PathBuf);

impl Drop for TempDatabase {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(disk::with_suffix(&self.0, suffix));
        }
    }
}

/// Opens the app on a temporary log holding 8 weeks of example history, removed on the way out.
pub(super) fn run_demo_app(catalogue: &Catalogue) -> Result<(), Error> {
    // Demos ended by SIGKILL (or a crash) could not remove their logs: those go now.
    disk::remove_stale_demo_logs(&std::env::temp_dir());
    let temp = TempDatabase(std::env::temp_dir().join(format!("hardset-demo-{}.db", std::process::id())));
    let _ = std::fs::remove_file(&temp.0);
    let plan = Plan::example_week(catalogue)?;
    let mut store = Store::open(Path::new(&temp.0))?;
    demo::fill(&mut store, &plan, &SystemClock, 8)?;
    run_app(plan, Settings::default(), None, store, None)
}

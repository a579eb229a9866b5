//! The command line: the app, and the subcommands for the shell.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::clock::{Clock, SystemClock};
use crate::config::Settings;
use crate::error::Error;
use crate::export::{self, Format};
use crate::model::exercise::Catalogue;
use crate::model::plan::Plan;
use crate::model::session::SessionFor;
use crate::model::session::{SetEntry, SetKind};
use crate::model::units::{Unit, Weight, parse_set};
use crate::paths::{PathInputs, Paths, resolve};
use crate::store::{Store, StoreError};
use crate::tui::app::App;
use crate::tui::driver::Driver;
use crate::{demo, today, tui};

/// hardset: a terminal workout companion for few, very hard sets.
#[derive(Debug, Parser)]
#[command(name = "hardset", version, about, long_about = None)]
pub struct Cli {
    /// The database file (default: hardset.db in the XDG data directory; env HARDSET_DB).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The configuration directory holding plan.toml (env HARDSET_CONFIG).
    #[arg(long, global = true, value_name = "DIR")]
    pub config: Option<PathBuf>,
    /// Open the app on a temporary database with 8 weeks of example history.
    #[arg(long)]
    pub demo: bool,
    /// What to do; without a command the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log sets into today's session from the shell, e.g. `hardset log "Lat pulldown" 60x10@1`.
    Log {
        /// Exercise name or alias.
        exercise: String,
        /// Sets as WEIGHTxREPS[@RIR], e.g. 80x8@1 or 82.5x6@0.5.
        #[arg(required = true, value_name = "SET")]
        sets: Vec<String>,
        /// Log them as ramp-up sets.
        #[arg(long)]
        ramp: bool,
        /// The unit of the weights (default: the plan's unit).
        #[arg(long, value_parser = parse_unit)]
        unit: Option<Unit>,
    },
    /// Write every set to standard output.
    Export {
        /// csv (one row per set) or json (grouped by session).
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
    },
    /// Write N weeks of deterministic synthetic history into the database given by --db.
    Demo {
        /// How many weeks (1 to 2000).
        #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=2000))]
        weeks: u32,
    },
    /// Show the resolved config, plan and database paths.
    Paths,
}

fn parse_unit(text: &str) -> Result<Unit, String> {
    Unit::parse(text).ok_or_else(|| format!("'{text}' is not a unit; use kg or lb"))
}

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("hardset: {e}");
            1
        }
    }
}

fn paths(cli: &Cli) -> Result<Paths, Error> {
    resolve(&PathInputs::from_env(cli.db.clone(), cli.config.clone())).ok_or_else(|| {
        Error::Input("no home directory: set HARDSET_DB and HARDSET_CONFIG, or pass --db and --config".into())
    })
}

fn load_plan(paths: &Paths, catalogue: &Catalogue) -> Result<Plan, Error> {
    Ok(Plan::load_for(&paths.config_dir, catalogue)?.0)
}

/// The settings, and a warning when the implicit config.toml was bad and the defaults apply.
fn load_settings(cli: &Cli, paths: &Paths) -> Result<(Settings, Option<String>), Error> {
    Ok(Settings::load_for(&paths.config_dir, cli.config.is_some())?)
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), Error> {
    let catalogue = Catalogue::shipped();
    if cli.demo {
        return run_demo_app(&catalogue);
    }
    let paths = paths(&cli)?;
    match cli.command {
        None => {
            let plan = load_plan(&paths, &catalogue)?;
            let (settings, warning) = load_settings(&cli, &paths)?;
            let store = Store::open(&paths.database)?;
            run_app(plan, settings, warning, store)
        }
        Some(Command::Paths) => {
            let plan_path = paths.plan();
            let plan_state = if plan_path.exists() { "" } else { " (not there: the shipped example week is used)" };
            println!("config:   {}", paths.config_dir.display());
            println!("plan:     {}{plan_state}", plan_path.display());
            println!("database: {}", paths.database.display());
            Ok(())
        }
        Some(Command::Export { format }) => {
            // No database yet means an empty log: export nothing rather than create a file.
            let store = if paths.database.exists() { Store::open(&paths.database)? } else { Store::in_memory()? };
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            match export::export(&store, format, &mut out) {
                // `hardset export | head` closing the pipe early is not an error.
                Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => Ok(other?),
            }
        }
        Some(Command::Demo { weeks }) => {
            if cli.db.is_none() {
                return Err(Error::Input(
                    "demo writes synthetic history: name the database with --db PATH so your real log stays clean"
                        .into(),
                ));
            }
            let plan = Plan::example_week(&catalogue)?;
            let mut store = Store::open(&paths.database)?;
            let existing = store.set_count()?;
            if existing > 0 {
                return Err(Error::Input(format!(
                    "{} already holds {existing} sets; demo writes only into a new database",
                    paths.database.display()
                )));
            }
            let sets = demo::fill(&mut store, &plan, &SystemClock, weeks)?;
            println!("wrote {weeks} weeks of demo history ({sets} sets) to {}", paths.database.display());
            Ok(())
        }
        Some(Command::Log { exercise, sets, ramp, unit }) => {
            let plan = load_plan(&paths, &catalogue)?;
            // Everything is checked before the database is even opened: bad input writes nothing.
            let entries = parse_log(&plan, &exercise, &sets, ramp, unit)?;
            let mut store = Store::open(&paths.database)?;
            log_sets(&mut store, &plan, &SystemClock, &entries, &mut std::io::stdout())
        }
    }
}

/// Checks a `log` command line: the exercise (any name or alias the plan knows) and every set.
pub fn parse_log(
    plan: &Plan,
    exercise: &str,
    sets: &[String],
    ramp: bool,
    unit: Option<Unit>,
) -> Result<Vec<SetEntry>, Error> {
    let Some(known) = plan.exercises.get(exercise) else {
        let hint = plan.exercises.closest(exercise).map(|c| format!("; did you mean '{c}'?")).unwrap_or_default();
        return Err(Error::Input(format!("unknown exercise '{exercise}'{hint}")));
    };
    let unit = unit.unwrap_or(plan.unit);
    let kind = if ramp { SetKind::RampUp } else { SetKind::Working };
    sets.iter()
        .map(|text| {
            let (load, reps, rir) = parse_set(text).map_err(Error::Input)?;
            Ok(SetEntry {
                exercise: known.name.clone(),
                kind,
                weight: Weight::new(load, unit),
                reps,
                rir,
                form_broke: false,
                note: String::new(),
            })
        })
        .collect()
}

/// Logs checked sets into today's session, each committed on its own, and starts the rest.
pub fn log_sets(
    store: &mut Store,
    plan: &Plan,
    clock: &dyn Clock,
    entries: &[SetEntry],
    out: &mut dyn Write,
) -> Result<(), Error> {
    let today = today::load(store, plan, &Settings::default(), clock, None)?;
    let mut session = today.session_for();
    for entry in entries {
        // Today's day says how the exercise is done; elsewhere the plan or the catalogue does.
        let planned = today.exercises.iter().map(|e| &e.planned).find(|p| p.name == entry.exercise).cloned();
        let rest =
            planned.or_else(|| plan.planned(&entry.exercise)).map_or(0, |p| plan.rest_after(&p, entry.kind).as_secs());
        let logged = store.log_set(&session, entry, clock.now(), u32::try_from(rest).unwrap_or(0))?;
        session = SessionFor::Existing(logged.session_id);
        writeln!(out, "logged {} {}: {}", entry.exercise, entry.kind, entry.summary())?;
    }
    Ok(())
}

fn run_app(plan: Plan, settings: Settings, warning: Option<String>, store: Store) -> Result<(), Error> {
    let mut app = App::new(plan, settings);
    app.message = warning.map(|w| (crate::tui::theme::Meaning::Warn, w));
    let driver = Driver::new(app, store, SystemClock);
    tui::event_loop::run(driver)?;
    Ok(())
}

/// A database file in the temporary directory, removed (with its WAL files) when dropped.
struct TempDatabase(PathBuf);

impl Drop for TempDatabase {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

fn run_demo_app(catalogue: &Catalogue) -> Result<(), Error> {
    let temp = TempDatabase(std::env::temp_dir().join(format!("hardset-demo-{}.db", std::process::id())));
    let _ = std::fs::remove_file(&temp.0);
    let plan = Plan::example_week(catalogue)?;
    let mut store = Store::open(Path::new(&temp.0))?;
    demo::fill(&mut store, &plan, &SystemClock, 8)?;
    run_app(plan, Settings::default(), None, store)
}

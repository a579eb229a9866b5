//! The command line: the app, and the subcommands for the shell. `args` holds what clap parses;
//! each command, or family of commands, has its own module, a function from the parsed arguments
//! to what is printed; `run` here only dispatches.

mod app;
mod args;
mod bodyweight;
mod calc;
mod custom;
mod db_folder;
mod export;
mod import;
mod log;
mod maintenance;
mod plan;
mod training;

use std::io::Write;
use std::path::Path;

use crate::error::Error;
use crate::model::exercise::Catalogue;
use crate::paths::{PathInputs, Paths, resolve};
use crate::store::{Store, StoreError, WriteWait};

pub use args::{Calc, Cli, Command, ConfigCommand, ExercisesCommand, PlanCommand};
pub use calc::calculate;
pub use log::{log_sets, log_sets_at, parse_log, parse_log_in};

/// What every command starts from: the resolved paths, the shipped catalogue, and whether
/// `--config` named the configuration directory (then a bad config.toml is an error).
struct Context {
    paths: Paths,
    catalogue: Catalogue,
    explicit_config: bool,
}

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    let cli = match args::parse_command_line() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match run(cli) {
        Ok(()) => 0,
        Err(e) => {
            // An error may quote what was given (a file, a name, a path): never raw.
            eprintln!("hardset: {}", crate::model::text::for_terminal(&e.to_string()));
            e.exit_code()
        }
    }
}

/// The database and config paths: the flags, then the environment, then the XDG defaults.
fn paths(cli: &Cli) -> Result<Paths, Error> {
    resolve(&PathInputs::from_env(cli.db.clone(), cli.config.clone())).ok_or_else(|| {
        Error::Input("no home directory: set HARDSET_DB and HARDSET_CONFIG, or pass --db and --config".into())
    })
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), Error> {
    let catalogue = Catalogue::shipped();
    // The app draws on standard output and reads keys from standard input: with either not a
    // terminal (`hardset > out.txt`, `hardset | less`, `ssh host hardset`, a launcher) it says
    // so before anything is opened or written, instead of failing inside the terminal set-up.
    if cli.demo || cli.command.is_none() {
        app::needs_a_terminal()?;
    }
    if cli.demo {
        return app::run_demo_app(&catalogue);
    }
    if !matches!(cli.command, Some(Command::Paths | Command::Completions { .. })) {
        db_folder::check(cli.db.as_deref())?;
    }
    let context = &Context { paths: paths(&cli)?, catalogue, explicit_config: cli.config.is_some() };
    match cli.command {
        None => app::open(context),
        Some(Command::Log { exercise, sets, ramp, unit, at, form_broke }) => {
            log::run(context, &exercise, &sets, ramp, unit, at, form_broke)
        }
        Some(Command::Bodyweight { weight, unit, date }) => bodyweight::run(context, weight.as_deref(), unit, date),
        Some(Command::Today { date, day, json }) => training::show_today(context, date, day, json),
        Some(Command::Week { date, json }) => training::show_week(context, date, json),
        Some(Command::History { exercise, weeks, json }) => training::show_history(context, &exercise, weeks, json),
        Some(Command::Deload { load, end, date }) => training::deload(context, load, end, date),
        Some(Command::Export { format, out: Some(file) }) => export::to_file(context, format, &file),
        Some(Command::Export { format, out: None }) => export::to_stdout(context, format),
        Some(Command::Import { file, from, unit, dry_run }) => import::run(context, &file, from, unit, dry_run),
        Some(Command::Plan(command)) => plan::plan(context, command),
        Some(Command::Config(command)) => plan::config(context, &command),
        Some(Command::Exercises { command }) => plan::exercises(context, command),
        Some(Command::Calc(calc)) => calc::run(context, &calc),
        Some(Command::Backup { path }) => maintenance::backup(context, path),
        Some(Command::Doctor) => maintenance::doctor(context),
        Some(Command::Paths) => maintenance::show_paths(context),
        Some(Command::Completions { shell }) => maintenance::completions(shell),
        Some(Command::Demo { weeks }) => app::fill_demo(context, weeks, cli.db.is_some()),
    }
}

/// Prints a line to standard output, any control character in it escaped (names and notes
/// are cleaned when they enter; this is the last guard); a reader that closed the pipe
/// (`| head`) ends the output quietly instead of failing.
fn say(text: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{}", crate::model::text::for_terminal(text)).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Passes on the warning that the implicit config.toml was bad and the defaults apply.
fn warn(warning: Option<String>) {
    if let Some(warning) = warning {
        eprintln!("hardset: {warning}");
    }
}

/// Opens the log for a command that writes. Its writes wait their turn while another hardset
/// writes the log (an import of millions of sets holds it for seconds, even a minute), however
/// long that takes, saying so once on standard error; the command then goes ahead.
fn open_to_write(path: &Path) -> Result<Store, StoreError> {
    let mut told = false;
    let notice = move || {
        if !told {
            told = true;
            eprintln!(
                "hardset: waiting for another hardset (an import?) to finish writing the log... (Ctrl-C gives up)"
            );
        }
    };
    Store::open_waiting(path, WriteWait::Patiently(Box::new(notice)))
}

/// Tells the lifter on standard error when opening the log upgraded it, and how.
fn announce(store: &Store) {
    if let Some(upgrade) = store.upgrade() {
        eprintln!("hardset: {upgrade}");
    }
}

//! The command line: the app, and the subcommands for the shell.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use clap::{Parser, Subcommand};

use crate::clock::{At, Clock, SystemClock};
use crate::config::Settings;
use crate::error::Error;
use crate::export::{self, Format};
use crate::model::exercise::Catalogue;
use crate::model::exercise::FailureClass;
use crate::model::plan::Plan;
use crate::model::session::SessionFor;
use crate::model::session::{DeloadStyle, SetEntry, SetKind};
use crate::model::units::{Load, Unit, Weight, parse_load, parse_set};
use crate::paths::{PathInputs, Paths, resolve};
use crate::store::{Store, StoreError, WriteWait};
use crate::training::e1rm::{self, Formula, estimate_set};
use crate::training::warnings::{FailureConcern, failure_concern};
use crate::training::{plates, ramp};
use crate::tui::app::App;
use crate::tui::driver::Driver;
use crate::week::WeekReport;
use crate::{demo, disk, files, history, today, tui, week};

/// hardset: a terminal workout companion for few, very hard sets.
#[derive(Debug, Parser)]
#[command(name = "hardset", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  hardset\n  hardset --demo\n  hardset log \"Lat pulldown\" 60x10@1\n  hardset export --out log.csv\n  hardset doctor"
)]
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
    #[command(
        after_help = "Examples:\n  hardset log \"Lat pulldown\" 60x10@1 62.5x8@0.5\n  hardset log \"Barbell back squat\" 60x5 80x3 --ramp\n  hardset log \"Barbell bench press\" 185x6@1.5 --unit lb\n  hardset log \"Leg press\" 140x9@1 --at \"2026-11-30 18:40\"\n  hardset log \"Chest-supported row\" 40x8@1 --form-broke"
    )]
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
        /// When they were done, for a session logged afterwards ("YYYY-MM-DD HH:MM", local
        /// time): filed on that day, in the session running then or a new one.
        #[arg(long, value_parser = parse_local_time, value_name = "WHEN")]
        at: Option<NaiveDateTime>,
        /// The form broke on these sets: they earn no load increase and set no record.
        #[arg(long)]
        form_broke: bool,
    },
    /// Today's plan day: each exercise's sets and targets, why, last time, the warnings and the
    /// recovery signs, as the Today screen shows them.
    #[command(
        after_help = "Examples:\n  hardset today\n  hardset today --date 2026-11-23 --json\n  hardset today --day 2"
    )]
    Today {
        /// Evaluate the log as it stood at the start of this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// The plan's Nth day (1 is the first) instead of the one due.
        #[arg(long, value_name = "N")]
        day: Option<usize>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Write every set to standard output.
    #[command(after_help = "Examples:\n  hardset export --out log.csv\n  hardset export --format json > log.json")]
    Export {
        /// csv (one row per set) or json (grouped by session).
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        /// Write to FILE (complete or not at all) instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Bring in history from Strong, Hevy, FitNotes or a hardset export.
    #[command(
        after_help = "The app and its format are read from the file's header; --from overrides. Importing is all or \
                      nothing, and sessions already in the log are skipped, so importing a file twice adds nothing.\n\n\
                      Examples:\n  hardset import strong.csv --dry-run\n  hardset import strong_workouts.csv --unit lb\n  \
                      hardset import workout_data.csv\n  hardset import FitNotes_Export.csv --from fitnotes\n  \
                      hardset import log.json"
    )]
    Import {
        /// The exported file.
        file: PathBuf,
        /// The app that wrote it, when the header should not decide.
        #[arg(long, value_enum)]
        from: Option<crate::import::Source>,
        /// The unit of its weights, for a file that does not say (Strong's older export).
        #[arg(long, value_parser = parse_unit)]
        unit: Option<Unit>,
        /// Check the file and count what would be imported; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write N weeks of deterministic synthetic history into the database given by --db.
    #[command(after_help = "Examples:\n  hardset demo --db /tmp/demo.db --weeks 52\n  hardset --db /tmp/demo.db")]
    Demo {
        /// How many weeks (1 to 2000).
        #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=2000))]
        weeks: u32,
    },
    /// Show the resolved config, plan and database paths.
    #[command(after_help = "Examples:\n  hardset paths\n  hardset paths --db /tmp/demo.db")]
    Paths,
    /// One exercise week by week: best e1RM, change, top set, and its records.
    #[command(
        after_help = "Examples:\n  hardset history \"Barbell back squat\"\n  hardset history \"Lat pulldown\" --weeks 26 --json"
    )]
    History {
        /// Exercise name or alias.
        exercise: String,
        /// How many weeks, newest first (default 8).
        #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=1000))]
        weeks: u32,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Make this week (or the week of --date) a deload week: about half the sets, or with
    /// --load about 10% less load; 3 or more reps in reserve either way.
    #[command(
        after_help = "Examples:\n  hardset deload\n  hardset deload --load\n  hardset deload --end\n  hardset deload --date 2026-12-07"
    )]
    Deload {
        /// Lighten the load instead of the number of sets.
        #[arg(long)]
        load: bool,
        /// End the deload instead.
        #[arg(long, conflicts_with = "load")]
        end: bool,
        /// Any date in the week (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// Your plan: check it, show it, start one from the example week, or edit it safely.
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  hardset plan init\n  hardset plan edit\n  hardset plan check my-plan.toml\n  hardset plan show"
    )]
    Plan(PlanCommand),
    /// Exercises in your log the catalogue does not know (from imports), and mapping them to it.
    #[command(
        after_help = "Examples:\n  hardset exercises\n  hardset exercises map \"Paused Bench Press\" \"Barbell bench press\""
    )]
    Exercises {
        /// What to do; without one, list them.
        #[command(subcommand)]
        command: Option<ExercisesCommand>,
    },
    /// Your settings: show the effective ones, check config.toml, or start one.
    #[command(subcommand)]
    #[command(after_help = "Examples:\n  hardset config init\n  hardset config check\n  hardset config show")]
    Config(ConfigCommand),
    /// Copy the whole log to PATH (default: beside the database, dated), safely while in use.
    #[command(after_help = "Examples:\n  hardset backup\n  hardset backup /media/usb/hardset-copy.db")]
    Backup {
        /// Where to write the copy (never over an existing file).
        path: Option<PathBuf>,
    },
    /// Print a completion script: `hardset completions bash > ~/.local/share/bash-completion/completions/hardset`.
    #[command(
        after_help = "Examples:\n  hardset completions bash > ~/.local/share/bash-completion/completions/hardset\n  hardset completions zsh > ~/.zfunc/_hardset\n  hardset completions fish > ~/.config/fish/completions/hardset.fish"
    )]
    Completions {
        /// bash, zsh or fish.
        shell: clap_complete::Shell,
    },
    /// Check the database, the paths, the plan and the settings, and say what to do about problems.
    #[command(after_help = "Examples:\n  hardset doctor\n  hardset doctor --db /media/usb/hardset-copy.db")]
    Doctor,
    /// Training arithmetic: e1RM, plates, ramp-up ladders.
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  hardset calc e1rm 100x5@2\n  hardset calc plates 102.5\n  hardset calc ramp 100"
    )]
    Calc(Calc),
    /// Effective sets per muscle for a week, against the weekly target.
    #[command(after_help = "Examples:\n  hardset week\n  hardset week --date 2026-11-23 --json")]
    Week {
        /// Any date in the week (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// The `exercises` subcommands.
#[derive(Debug, Subcommand)]
pub enum ExercisesCommand {
    /// List the logged exercises the catalogue and your plan do not know, with the closest name.
    #[command(after_help = "Examples:\n  hardset exercises list")]
    List,
    /// File every set of FROM under TO, a catalogue or plan exercise, so their history is one.
    #[command(after_help = "Examples:\n  hardset exercises map \"Bench Press (Barbell)\" \"Barbell bench press\"\n  \
                      hardset exercises map \"Squat Machine (Each Side)\" \"Hack squat\"")]
    Map {
        /// The name as logged.
        from: String,
        /// The exercise to file its sets under.
        to: String,
    },
}

/// The `plan` subcommands.
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Check a plan file (default: your plan.toml, else the shipped example week).
    #[command(after_help = "Examples:\n  hardset plan check\n  hardset plan check my-plan.toml")]
    Check {
        /// A plan file to check instead.
        file: Option<PathBuf>,
    },
    /// The plan, a day at a time.
    #[command(after_help = "Examples:\n  hardset plan show\n  hardset plan show --config ~/gym-config")]
    Show,
    /// Copy the example week into the config directory as plan.toml (never over one).
    #[command(after_help = "Examples:\n  hardset plan init\n  hardset plan edit")]
    Init,
    /// Open plan.toml in $EDITOR; it is replaced only if the edit parses.
    #[command(after_help = "Examples:\n  hardset plan edit\n  EDITOR=nano hardset plan edit")]
    Edit,
}

/// The `config` subcommands.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// The settings in effect: the defaults with your config.toml applied.
    #[command(after_help = "Examples:\n  hardset config show\n  hardset config show --config ~/gym-config")]
    Show,
    /// Check config.toml.
    #[command(after_help = "Examples:\n  hardset config check\n  hardset config check --config ~/gym-config")]
    Check,
    /// Write a config.toml with every setting, commented out (never over one).
    #[command(after_help = "Examples:\n  hardset config init\n  hardset config show")]
    Init,
}

/// The `calc` subcommands.
#[derive(Debug, Subcommand)]
pub enum Calc {
    /// Estimated 1RM of a set, counting reps in reserve: `hardset calc e1rm 100x5@2`.
    #[command(
        after_help = "Examples:\n  hardset calc e1rm 100x5@2\n  hardset calc e1rm 225x8 --formula epley --unit lb"
    )]
    E1rm {
        /// WEIGHTxREPS[@RIR].
        set: String,
        /// epley, brzycki, lombardi, mayhew, oconner, wathan, lander or rts (default: the setting).
        #[arg(long, value_parser = parse_formula)]
        formula: Option<Formula>,
        /// The unit of the weight (default: the plan's unit).
        #[arg(long, value_parser = parse_unit)]
        unit: Option<Unit>,
    },
    /// The fewest plates per side for a barbell weight: `hardset calc plates 102.5`.
    #[command(after_help = "Examples:\n  hardset calc plates 102.5\n  hardset calc plates 225 --unit lb --bar 45")]
    Plates {
        /// The total weight on the bar.
        weight: String,
        /// kg or lb (default: the plan's unit).
        #[arg(long, value_parser = parse_unit)]
        unit: Option<Unit>,
        /// The bar's weight (default: the setting).
        #[arg(long)]
        bar: Option<String>,
    },
    /// The ramp-up ladder towards a working weight: `hardset calc ramp 100 --exercise "Barbell back squat"`.
    #[command(
        after_help = "Examples:\n  hardset calc ramp 100 --exercise \"Barbell back squat\"\n  hardset calc ramp 80 --exercise \"Machine chest press\""
    )]
    Ramp {
        /// Today's working weight.
        weight: String,
        /// The exercise (default: a barbell lift).
        #[arg(long)]
        exercise: Option<String>,
        /// kg or lb (default: the plan's unit).
        #[arg(long, value_parser = parse_unit)]
        unit: Option<Unit>,
    },
}

fn parse_formula(text: &str) -> Result<Formula, String> {
    Formula::parse(text).ok_or_else(|| {
        let names: Vec<&str> = Formula::ALL.iter().map(|f| f.name()).collect();
        format!("'{text}' is not a formula; use one of {}", names.join(", "))
    })
}

fn parse_local_time(text: &str) -> Result<NaiveDateTime, String> {
    let at = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text.trim(), format).ok())
        .ok_or_else(|| {
            format!("'{}' is not a time; write it as \"YYYY-MM-DD HH:MM\"", crate::model::text::escape(text))
        })?;
    parse_date(&at.date().format("%Y-%m-%d").to_string())?;
    Ok(at)
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("'{text}' is not a date; write it as YYYY-MM-DD"))?;
    if !(1900..=9999).contains(&chrono::Datelike::year(&date)) {
        return Err(format!("'{text}': a training date is between the years 1900 and 9999"));
    }
    Ok(date)
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

/// A progress bar on standard error, drawn only when it is a terminal and the work is long enough
/// to watch (a large import), redrawn only when the percentage moves.
struct ProgressBar {
    terminal: bool,
    started: std::time::Instant,
    shown: Option<(String, u64)>,
}

impl ProgressBar {
    fn new() -> ProgressBar {
        use std::io::IsTerminal as _;
        ProgressBar { terminal: std::io::stderr().is_terminal(), started: std::time::Instant::now(), shown: None }
    }

    fn show(&mut self, stage: &str, done: u64, total: u64) {
        if !self.terminal || total == 0 || self.started.elapsed() < std::time::Duration::from_millis(300) {
            return;
        }
        let percent = (done.min(total) * 100) / total;
        if self.shown.as_ref().is_some_and(|(s, p)| s == stage && *p == percent) {
            return;
        }
        let filled = (percent / 5) as usize;
        eprint!("\r{stage:>8} [{}{}] {percent:>3}%", "#".repeat(filled), " ".repeat(20 - filled));
        self.shown = Some((stage.to_string(), percent));
    }

    fn clear(&self) {
        if self.shown.is_some() {
            eprint!("\r{}\r", " ".repeat(40));
        }
    }
}

fn parse_unit(text: &str) -> Result<Unit, String> {
    Unit::parse(text).ok_or_else(|| format!("'{text}' is not a unit; use kg or lb"))
}

/// The parsed command line. clap quotes a refused argument as given, raw on a terminal: when
/// an argument holds a control character or invisible formatting, the error is made again from
/// the arguments with those escaped (`\u{1b}`), so it shows them and cannot act on the terminal.
fn parse_command_line() -> Result<Cli, i32> {
    use crate::model::text::escape;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let error = match Cli::try_parse_from(&args) {
        Ok(cli) => return Ok(cli),
        Err(error) => error,
    };
    let shown: Vec<String> = args.iter().map(|a| escape(&a.to_string_lossy()).into_owned()).collect();
    if !error.use_stderr() || shown.iter().zip(&args).all(|(s, a)| a.to_str() == Some(s)) {
        error.exit();
    }
    match Cli::try_parse_from(&shown) {
        Err(escaped) if escaped.use_stderr() => escaped.exit(),
        // Escaping made it parse: say what clap said, without its styling, escaped.
        _ => {
            eprint!("{}", crate::model::text::for_terminal(&error.render().to_string()));
            Err(error.exit_code())
        }
    }
}

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    let cli = match parse_command_line() {
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

fn paths(cli: &Cli) -> Result<Paths, Error> {
    resolve(&PathInputs::from_env(cli.db.clone(), cli.config.clone())).ok_or_else(|| {
        Error::Input("no home directory: set HARDSET_DB and HARDSET_CONFIG, or pass --db and --config".into())
    })
}

/// The plan, with what it leaves unsaid taken from the settings.
fn load_plan(paths: &Paths, catalogue: &Catalogue, settings: &Settings) -> Result<Plan, Error> {
    let mut plan = Plan::load_for(&paths.config_dir, catalogue)?.0;
    plan.apply_defaults(&settings.plan_defaults());
    Ok(plan)
}

/// The logged exercises the catalogue and the plan do not know, with the closest known name, and
/// those filed under another spelling of a known exercise (an older import kept a file's alias),
/// which `history` and the app do not find under that name.
fn exercises_text(store: &Store, plan: &Plan) -> Result<String, Error> {
    let custom = store.custom_exercises()?;
    let logged = store.logged_exercises()?;
    let unknown: Vec<&(String, u64)> = logged.iter().filter(|(name, _)| plan.exercises.get(name).is_none()).collect();
    let aliased: Vec<(&str, u64, &str)> = logged
        .iter()
        .filter_map(|(name, sets)| {
            let known = plan.exercises.get(name)?;
            (known.name.to_lowercase() != name.to_lowercase()).then_some((name.as_str(), *sets, known.name.as_str()))
        })
        .collect();
    if unknown.is_empty() && aliased.is_empty() {
        return Ok("every exercise in the log is in the catalogue or your plan".into());
    }
    let mut text = String::new();
    if !unknown.is_empty() {
        let _ = writeln!(text, "{} exercises in the log are not in the catalogue or your plan:", unknown.len());
    }
    for (name, sets) in unknown {
        let muscles: Vec<&str> = custom
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
            .map(|c| c.muscles.iter().map(|m| m.name()).collect())
            .unwrap_or_default();
        let muscles = if muscles.is_empty() { "no muscles".to_string() } else { muscles.join(", ") };
        let closest = plan.exercises.closest(name).map(|c| format!("; closest: {c}")).unwrap_or_default();
        let _ = writeln!(text, "  {name} ({sets} sets; {muscles}{closest})");
    }
    if !aliased.is_empty() {
        let _ = writeln!(
            text,
            "{} exercises in the log are filed under another name of a known exercise, where History does not find them:",
            aliased.len()
        );
    }
    for (name, sets, known) in aliased {
        let _ = writeln!(
            text,
            "  {name} ({sets} sets): another name of {known}; hardset exercises map \"{name}\" \"{known}\""
        );
    }
    text.push_str("File one under a known exercise with: hardset exercises map \"NAME\" \"KNOWN NAME\"");
    Ok(text)
}

/// The catalogue with the exercises imports brought in that it does not know, so their sets
/// count for their muscles.
fn with_custom(catalogue: &Catalogue, store: &Store) -> Result<Catalogue, Error> {
    let mut known = catalogue.clone();
    for custom in store.custom_exercises()? {
        if known.get(&custom.name).is_none() {
            known.insert(custom.to_exercise());
        }
    }
    Ok(known)
}

/// The settings, and a warning when the implicit config.toml was bad and the defaults apply.
/// Notes the plan now in use in the log's plan revisions.
fn record_plan_in_use(explicit_config: bool, paths: &Paths, catalogue: &Catalogue) -> Result<(), Error> {
    let (settings, _) = load_settings(explicit_config, paths)?;
    let mut store = open_to_write(&paths.database)?;
    announce(&store);
    let plan = load_plan(paths, &with_custom(catalogue, &store)?, &settings)?;
    today::record_plan(&mut store, &plan, &SystemClock)?;
    Ok(())
}

fn load_settings(explicit: bool, paths: &Paths) -> Result<(Settings, Option<String>), Error> {
    Ok(Settings::load_for(&paths.config_dir, explicit)?)
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), Error> {
    let catalogue = Catalogue::shipped();
    // The app draws on standard output and reads keys from standard input: with either not a
    // terminal (`hardset > out.txt`, `hardset | less`, `ssh host hardset`, a launcher) it says
    // so before anything is opened or written, instead of failing inside the terminal set-up.
    if cli.demo || cli.command.is_none() {
        needs_a_terminal()?;
    }
    if cli.demo {
        return run_demo_app(&catalogue);
    }
    let paths = paths(&cli)?;
    let explicit_config = cli.config.is_some();
    match cli.command {
        None => {
            disk::remove_stale_demo_logs(&std::env::temp_dir());
            let (settings, warning) = load_settings(explicit_config, &paths)?;
            let store = open_to_write(&paths.database)?;
            let plan = load_plan(&paths, &with_custom(&catalogue, &store)?, &settings)?;
            run_app(plan, settings, warning, store)
        }
        Some(Command::Backup { path }) => {
            // Never onto the log, checked before anything opens it.
            if let Some(to) = &path {
                refuse_the_log(to, &paths.database)?;
            }
            // The log as it is, at whatever schema: a backup copies it, it never upgrades it.
            let Some(store) = Store::inspect(&paths.database)? else {
                return Err(Error::Input(format!(
                    "no database at {} yet: nothing to back up",
                    paths.database.display()
                )));
            };
            let to = path.unwrap_or_else(|| {
                // What killed backups left on other days goes too, not only today's.
                if let Some(name) = paths.database.file_name() {
                    let prefix = format!("{}.backup-", name.to_string_lossy());
                    disk::remove_stale_partials_of(&disk::folder_of(&paths.database), &prefix, true);
                }
                let date = SystemClock.local_date(SystemClock.now()).format("%Y-%m-%d");
                PathBuf::from(format!("{}.backup-{date}", paths.database.display()))
            });
            refuse_the_log(&to, &paths.database)?;
            if to.exists() {
                return Err(Error::Input(format!("{} already exists; choose another path", to.display())));
            }
            let sets = store.backup_to(&to)?;
            say(&format!("backed up {sets} sets to {} (integrity ok: true)", to.display()))
        }
        Some(Command::Completions { shell }) => {
            use clap::CommandFactory;
            let mut command = Cli::command();
            // Written to memory first: the generator panics on a closed pipe, `say` does not.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "hardset", &mut script);
            say(String::from_utf8_lossy(&script).trim_end())
        }
        Some(Command::Doctor) => {
            let findings = files::doctor(&paths, &catalogue);
            let text: Vec<String> =
                findings.iter().map(|(ok, text)| format!("{} {text}", if *ok { "ok  " } else { "FIX " })).collect();
            say(&text.join("\n"))?;
            let problems = findings.iter().filter(|(ok, _)| !ok).count();
            if problems == 0 { Ok(()) } else { Err(Error::Input(format!("{problems} thing(s) to fix, above"))) }
        }
        Some(Command::Plan(command)) => match command {
            PlanCommand::Check { file } => say(&files::check_plan(file.as_deref(), &paths.config_dir, &catalogue)?),
            PlanCommand::Show => {
                let (settings, warning) = load_settings(explicit_config, &paths)?;
                if let Some(warning) = warning {
                    eprintln!("hardset: {warning}");
                }
                say(files::show_plan(&load_plan(&paths, &catalogue, &settings)?).trim_end())
            }
            PlanCommand::Init => {
                let path = files::init_plan(&paths.config_dir)?;
                say(&format!("wrote {}: the example week, yours to edit", path.display()))
            }
            PlanCommand::Edit => {
                let editor =
                    std::env::var("VISUAL").or_else(|_| std::env::var("EDITOR")).unwrap_or_else(|_| "vi".into());
                say(&files::edit_plan(&paths.config_dir, &catalogue, &editor)?)?;
                // The log learns of the new plan now, not at the app's next start, so a second
                // edit the same evening is seen as the same revision.
                if paths.database.exists()
                    && let Err(e) = record_plan_in_use(explicit_config, &paths, &catalogue)
                {
                    eprintln!("hardset: the plan is saved, but the log could not note the change: {e}");
                }
                Ok(())
            }
        },
        Some(Command::Config(command)) => match command {
            ConfigCommand::Show => {
                let (settings, warning) = load_settings(explicit_config, &paths)?;
                if let Some(warning) = warning {
                    eprintln!("hardset: {warning}");
                }
                // The plan is read only to say where it overrides a setting; a broken plan does
                // not hide the settings.
                let plan = match Plan::load_for(&paths.config_dir, &catalogue) {
                    Ok((plan, path)) => {
                        Some((plan, if path.is_some() { "plan.toml" } else { "the shipped example week" }))
                    }
                    Err(e) => {
                        eprintln!("hardset: {e}; what the plan overrides is not shown");
                        None
                    }
                };
                say(files::show_config(&settings, plan.as_ref().map(|(plan, source)| (plan, *source)))?.trim_end())
            }
            ConfigCommand::Check => say(&files::check_config(&paths.config_dir)?),
            ConfigCommand::Init => {
                let path = files::init_config(&paths.config_dir)?;
                say(&format!("wrote {}: every setting, commented out; uncomment what you change", path.display()))
            }
        },
        Some(Command::Calc(calc)) => {
            let (settings, warning) = load_settings(explicit_config, &paths)?;
            let plan = load_plan(&paths, &catalogue, &settings)?;
            if let Some(warning) = warning {
                eprintln!("hardset: {warning}");
            }
            say(&calculate(&calc, &plan, &settings)?)
        }
        Some(Command::Week { date, json }) => {
            let store = Store::open_to_read(&paths.database)?;
            announce(&store);
            let (settings, warning) = load_settings(explicit_config, &paths)?;
            let plan = load_plan(&paths, &with_custom(&catalogue, &store)?, &settings)?;
            if let Some(warning) = warning {
                eprintln!("hardset: {warning}");
            }
            let date = date.unwrap_or_else(|| SystemClock.local_date(SystemClock.now()));
            let report = week::load_week(&store, &plan, &settings, &SystemClock, date)?;
            if json {
                let text = serde_json::to_string_pretty(&report).map_err(|e| Error::Input(e.to_string()))?;
                say(&text)
            } else {
                say(week_text(&report).trim_end())
            }
        }
        Some(Command::History { exercise, weeks, json }) => {
            let (settings, warning) = load_settings(explicit_config, &paths)?;
            let plan = load_plan(&paths, &catalogue, &settings)?;
            if let Some(warning) = warning {
                eprintln!("hardset: {warning}");
            }
            let Some(known) = plan.exercises.get(&exercise) else {
                let hint =
                    plan.exercises.closest(&exercise).map(|c| format!("; did you mean '{c}'?")).unwrap_or_default();
                let exercise = crate::model::text::escape(&exercise);
                return Err(Error::Input(format!("unknown exercise '{exercise}'{hint}")));
            };
            let store = Store::open_to_read(&paths.database)?;
            announce(&store);
            let detail = history::exercise_detail(&store, settings.e1rm.formula, &SystemClock, &known.name)?;
            let report = HistoryReport::new(&detail, settings.e1rm.formula, weeks as usize, &SystemClock);
            if json {
                say(&serde_json::to_string_pretty(&report).map_err(|e| Error::Input(e.to_string()))?)
            } else {
                say(report.text().trim_end())
            }
        }
        Some(Command::Deload { load, end, date }) => {
            let mut store = open_to_write(&paths.database)?;
            announce(&store);
            let date = date.unwrap_or_else(|| SystemClock.local_date(SystemClock.now()));
            let monday = crate::training::compare::week_bounds(date).0;
            let week = monday.format("%a %-d %b %Y");
            if end {
                let was = store.deload_weeks()?.iter().any(|d| d.monday == monday);
                store.cancel_deload(monday)?;
                if was {
                    say(&format!("the week of {week} is no longer a deload week"))?;
                } else {
                    say(&format!("the week of {week} was not a deload week; nothing changed"))?;
                }
            } else {
                let style = if load { DeloadStyle::Load } else { DeloadStyle::Volume };
                store.start_deload(monday, style, SystemClock.now())?;
                let how = if load { "about 10% less load" } else { "about half the sets" };
                say(&format!(
                    "the week of {week} is a deload week: {how}, 3 or more reps in reserve, no failure; it sets no records and stays out of the decline check"
                ))?;
            }
            Ok(())
        }
        Some(Command::Paths) => {
            let plan_path = paths.plan();
            let plan_state = if plan_path.exists() { "" } else { " (not there: the shipped example week is used)" };
            say(&format!(
                "config:   {}\nplan:     {}{plan_state}\ndatabase: {}",
                paths.config_dir.display(),
                plan_path.display(),
                paths.database.display()
            ))
        }
        Some(Command::Export { format, out: Some(file) }) => {
            // Never onto the log, checked before anything opens (or upgrades) it.
            refuse_the_log(&file, &paths.database)?;
            let store = Store::open_to_read(&paths.database)?;
            announce(&store);
            export_to_file(&store, format, &file)?;
            say(&format!("exported {} sets to {}", store.set_count()?, file.display()))
        }
        Some(Command::Export { format, out: None }) => {
            // No database yet means an empty log: export nothing rather than create a file.
            let store = Store::open_to_read(&paths.database)?;
            announce(&store);
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            match export::export(&store, format, &SystemClock, &mut out) {
                // `hardset export | head` closing the pipe early is not an error.
                Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => Ok(other?),
            }
        }
        Some(Command::Exercises { command }) => {
            let (settings, _) = load_settings(explicit_config, &paths)?;
            let plan = load_plan(&paths, &catalogue, &settings)?;
            match command.unwrap_or(ExercisesCommand::List) {
                ExercisesCommand::List => {
                    let store = Store::open_to_read(&paths.database)?;
                    announce(&store);
                    say(&exercises_text(&store, &plan)?)
                }
                ExercisesCommand::Map { from, to } => {
                    let mut store = open_to_write(&paths.database)?;
                    announce(&store);
                    let Some(target) = plan.exercises.get(&to) else {
                        let hint = plan.exercises.closest(&to).map(|c| format!(" (closest: {c})")).unwrap_or_default();
                        let to = crate::model::text::escape(&to);
                        return Err(Error::Input(format!("\"{to}\" is not in the catalogue or your plan{hint}")));
                    };
                    let target = target.name.clone();
                    let logged = store.logged_exercises()?;
                    let wanted = crate::model::text::clean_line(&from);
                    let Some((name, _)) = logged.iter().find(|(n, _)| n.eq_ignore_ascii_case(&wanted)) else {
                        let from = crate::model::text::escape(&from);
                        return Err(Error::Input(format!(
                            "no sets of \"{from}\" in the log: `hardset exercises` lists them"
                        )));
                    };
                    if name.eq_ignore_ascii_case(&target) {
                        return Err(Error::Input(format!("\"{name}\" is already filed as {target}")));
                    }
                    let moved = store.rename_exercise(name, &target)?;
                    say(&format!("{moved} sets of \"{name}\" are now {target}"))
                }
            }
        }
        Some(Command::Import { file, from, unit, dry_run }) => {
            // A dry run imports into a throwaway copy of the log, read without the write lock: it
            // never waits for another hardset writing, and never writes or upgrades the log (with
            // no log yet, it checks against an empty one and creates nothing).
            let mut store =
                if dry_run { Store::scratch_copy(&paths.database)? } else { open_to_write(&paths.database)? };
            announce(&store);
            let options = crate::import::Options { from, unit, dry_run };
            // Names map to the catalogue, the plan's own exercises and the log's; a plan that does
            // not load leaves the catalogue and the log's (the import does not need the plan).
            let known = match load_settings(explicit_config, &paths)
                .ok()
                .and_then(|(settings, _)| load_plan(&paths, &catalogue, &settings).ok())
            {
                Some(plan) => plan.exercises,
                None => catalogue.clone(),
            };
            let known = with_custom(&known, &store)?;
            let mut bar = ProgressBar::new();
            let report = crate::import::import_file(
                &mut store,
                &file,
                &options,
                &known,
                &SystemClock,
                &mut |stage, done, total| {
                    bar.show(stage, done, total);
                },
            );
            bar.clear();
            say(report?.to_string().trim_end())
        }
        Some(Command::Demo { weeks }) => {
            if cli.db.is_none() {
                return Err(Error::Input(
                    "demo writes synthetic history: name the database with --db PATH so your real log stays clean"
                        .into(),
                ));
            }
            let plan = Plan::example_week(&catalogue)?;
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
        Some(Command::Log { exercise, sets, ramp, unit, at, form_broke }) => {
            let (settings, warning) = load_settings(explicit_config, &paths)?;
            let plan = load_plan(&paths, &catalogue, &settings)?;
            // Everything is checked before the database is even opened: bad input writes nothing.
            let mut entries = parse_log(&plan, &exercise, &sets, ramp, unit)?;
            for entry in &mut entries {
                entry.form_broke = form_broke;
            }
            let at = at.map(|local| (local, SystemClock.utc_of_local(local)));
            if let Some((local, at)) = at
                && at > today::running_starts_by(&SystemClock)
            {
                return Err(Error::Input(format!(
                    "--at {}: that is in the future; log a set once it is done",
                    local.format("%Y-%m-%d %H:%M")
                )));
            }
            let mut store = open_to_write(&paths.database)?;
            announce(&store);
            if let Some(warning) = warning {
                eprintln!("hardset: {warning}");
            }
            let mut out = std::io::stdout();
            match at {
                Some((_, at)) => log_sets_at(&mut store, &plan, &settings, &SystemClock, at, &entries, &mut out),
                None => log_sets(&mut store, &plan, &settings, &SystemClock, &entries, &mut out),
            }
        }
        Some(Command::Today { date, day, json }) => {
            let (settings, warning) = load_settings(explicit_config, &paths)?;
            // The log is only read: as it is now, or as it stood when `date` began.
            let (mut store, now) = match date {
                Some(date) => {
                    let start = SystemClock.midnight(date);
                    (Store::as_it_stood(&paths.database, start)?, start)
                }
                None => (Store::open_to_read(&paths.database)?, SystemClock.now()),
            };
            announce(&store);
            let plan = load_plan(&paths, &with_custom(&catalogue, &store)?, &settings)?;
            if let Some(warning) = warning {
                eprintln!("hardset: {warning}");
            }
            let chosen = match day {
                None => None,
                Some(n) if (1..=plan.days.len()).contains(&n) => Some(n - 1),
                Some(n) => {
                    return Err(Error::Input(format!(
                        "--day {n}: the plan has {} days; give a number from 1 to {}",
                        plan.days.len(),
                        plan.days.len()
                    )));
                }
            };
            let clock = At { zone: &SystemClock, now };
            let today = today::load(&mut store, &plan, &settings, &clock, chosen)?;
            let report = today::report::TodayReport::new(&today, plan.unit, &clock);
            if json {
                say(&serde_json::to_string_pretty(&report).map_err(|e| Error::Input(e.to_string()))?)
            } else {
                say(report.text(&today.day.activities, &today.day.note).trim_end())
            }
        }
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

/// Refuses to write an export or a backup onto the log itself, or its -wal, -shm or journal,
/// under any name (a symlink, a hard link): judged by file identity.
fn refuse_the_log(target: &Path, db: &Path) -> Result<(), Error> {
    if disk::is_the_log(target, db) {
        return Err(Error::Input(format!(
            "{} is the log itself ({}, or its -wal, -shm or journal); nothing was written: choose another file",
            target.display(),
            db.display()
        )));
    }
    Ok(())
}

/// Writes the export to `file`, complete or not at all: into a private file under a temporary
/// name (what killed exports left there is removed first), flushed, then renamed over `file`.
/// SIGTERM, SIGINT or SIGHUP meanwhile (a closed terminal, Ctrl-C) stops it and removes the
/// temporary file; a second one ends the process at once.
fn export_to_file(store: &Store, format: Format, file: &Path) -> Result<(), Error> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&stop))?;
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    disk::remove_stale_partials(file);
    let partial = disk::partial_path(file);
    let written = (|| -> Result<(), Error> {
        let mut writer = StopOnSignal { out: std::io::BufWriter::new(disk::new_private_file(&partial)?), stop: &stop };
        export::export(store, format, &SystemClock, &mut writer)?;
        writer.flush()?;
        drop(writer);
        // The last moment a signal stops it: once renamed, the file is whole and stays.
        if stop.load(Ordering::SeqCst) {
            return Err(Error::Input(String::new()));
        }
        disk::finish(&partial, file)?;
        Ok(())
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
        if stop.load(Ordering::SeqCst) {
            return Err(Error::Input(format!("the export was interrupted; nothing was written to {}", file.display())));
        }
    }
    written.map_err(|e| match e {
        Error::Io(ref io) | Error::Store(StoreError::Io { source: ref io, .. })
            if io.kind() == std::io::ErrorKind::StorageFull =>
        {
            Error::Store(StoreError::DiskFull { folder: disk::folder_of(file).display().to_string() })
        }
        e => e,
    })
}

/// A writer that fails once a signal asked to stop, so a long export ends cleanly.
struct StopOnSignal<'a, W> {
    out: W,
    stop: &'a std::sync::atomic::AtomicBool,
}

impl<W: Write> Write for StopOnSignal<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.stop.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(std::io::Error::other("interrupted by a signal"));
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
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
        let exercise = crate::model::text::escape(exercise);
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
    settings: &Settings,
    clock: &dyn Clock,
    entries: &[SetEntry],
    out: &mut dyn Write,
) -> Result<(), Error> {
    let today = today::load(store, plan, settings, clock, None)?;
    let mut session = today.session_for();
    let mut logged = Vec::new();
    for entry in entries {
        // Today's day says how the exercise is done; elsewhere the plan or the catalogue does.
        let planned = today.exercises.iter().map(|e| &e.planned).find(|p| p.name == entry.exercise).cloned();
        let rest =
            planned.or_else(|| plan.planned(&entry.exercise)).map_or(0, |p| plan.rest_after(&p, entry.kind).as_secs());
        let set = store.log_set(&session, entry, clock.now(), u32::try_from(rest).unwrap_or(0))?;
        session = SessionFor::Existing(set.session_id);
        logged.push(set);
    }
    say_logged(store, plan, settings, clock, &logged, false, out)
}

/// Logs checked sets done at `at`, after the fact: into the session running then, or a new one
/// on the plan day due that day (see [`Store::log_set_at`]). Sessions started later are not
/// touched.
pub fn log_sets_at(
    store: &mut Store,
    plan: &Plan,
    settings: &Settings,
    clock: &dyn Clock,
    at: DateTime<Utc>,
    entries: &[SetEntry],
    out: &mut dyn Write,
) -> Result<(), Error> {
    let then = At { zone: clock, now: at };
    let (day_name, day_index) = today::day_due(store, plan, &then)?;
    let running = !today::session_is_over(clock, at);
    let mut logged = Vec::new();
    for entry in entries {
        let set = store.log_set_at(
            entry,
            at,
            today::running_starts_by(&then),
            |last| today::session_is_over(&then, last),
            (&day_name, day_index, then.midnight(then.local_date(at))),
            running,
        )?;
        logged.push(set);
    }
    say_logged(store, plan, settings, &then, &logged, true, out)
}

/// Says what was logged, and what the app would have said of it: a set to failure where the
/// method keeps reps in reserve, and each warning the sets raised (the failure budget, a week
/// of sets to failure, ...), judged as at the moment they were logged.
fn say_logged(
    store: &Store,
    plan: &Plan,
    settings: &Settings,
    clock: &dyn Clock,
    logged: &[crate::model::session::LoggedSet],
    dated: bool,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let deloads = store.deload_weeks()?;
    for set in logged {
        let monday = crate::training::compare::week_bounds(clock.local_date(set.logged_at)).0;
        let deload_week = deloads.iter().any(|d| d.monday == monday);
        let entry = &set.entry;
        let when = if dated {
            format!(" ({})", clock.local(set.logged_at).format("%a %-d %b %Y %H:%M"))
        } else {
            String::new()
        };
        writeln!(out, "logged {} {}: {}{when}", entry.exercise, entry.kind, entry.summary())?;
        let class = plan.exercises.get(&entry.exercise).map_or(FailureClass::Safe, |e| e.failure_class);
        let rir = entry.rir.map_or_else(|| "0".to_string(), |r| r.to_string());
        match failure_concern(entry, class, deload_week) {
            Some(FailureConcern::TechnicalLift) => {
                writeln!(out, "note: RIR {rir} on a technical lift; the method keeps 1-2 reps in reserve there")?;
            }
            Some(FailureConcern::DeloadWeek) => {
                writeln!(out, "note: RIR {rir} in a deload week, which is for recovery")?;
            }
            None => {}
        }
    }
    let (Some(first), Some(last)) = (logged.first(), logged.last()) else { return Ok(()) };
    let ids: Vec<i64> = logged.iter().map(|s| s.id).collect();
    let session: Vec<_> =
        store.session_sets(last.session_id)?.into_iter().filter(|s| s.logged_at <= last.logged_at).collect();
    let before_sets: Vec<_> = session.iter().filter(|s| !ids.contains(&s.id)).cloned().collect();
    let after = At { zone: clock, now: last.logged_at };
    let before = At { zone: clock, now: first.logged_at - chrono::Duration::seconds(1) };
    let had = today::warnings_for(store, plan, settings, &before, &before_sets, &[])?;
    for warning in today::warnings_for(store, plan, settings, &after, &session, &[])? {
        // The note above already said it of the set.
        if !had.contains(&warning) && warning.kind != crate::training::warnings::WarningKind::TechnicalFailure {
            writeln!(out, "warning: {}", warning.text)?;
        }
    }
    Ok(())
}

/// Refuses to start the app without a terminal, naming the commands that work without one.
fn needs_a_terminal() -> Result<(), Error> {
    use clap::CommandFactory as _;
    use std::io::IsTerminal as _;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Ok(());
    }
    let commands: Vec<String> =
        Cli::command().get_subcommands().map(|c| c.get_name().to_string()).filter(|name| name != "help").collect();
    Err(Error::NoTerminal(commands.join(", ")))
}

fn run_app(plan: Plan, settings: Settings, warning: Option<String>, mut store: Store) -> Result<(), Error> {
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
    let driver = Driver::new(app, store, SystemClock);
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

fn run_demo_app(catalogue: &Catalogue) -> Result<(), Error> {
    // Demos ended by SIGKILL (or a crash) could not remove their logs: those go now.
    disk::remove_stale_demo_logs(&std::env::temp_dir());
    let temp = TempDatabase(std::env::temp_dir().join(format!("hardset-demo-{}.db", std::process::id())));
    let _ = std::fs::remove_file(&temp.0);
    let plan = Plan::example_week(catalogue)?;
    let mut store = Store::open(Path::new(&temp.0))?;
    demo::fill(&mut store, &plan, &SystemClock, 8)?;
    run_app(plan, Settings::default(), None, store)
}

/// Works out a `calc` command; returns the text to print.
pub fn calculate(calc: &Calc, plan: &Plan, settings: &Settings) -> Result<String, Error> {
    let input = |e: crate::model::units::InputError| Error::Input(e.to_string());
    match calc {
        Calc::E1rm { set, formula, unit } => {
            let (load, reps, rir) = parse_set(set).map_err(Error::Input)?;
            let formula = formula.unwrap_or(settings.e1rm.formula);
            let unit = unit.unwrap_or(plan.unit);
            let estimate = e1rm::estimate(formula, load.as_f64(), reps, rir).ok_or_else(|| {
                let set = crate::model::text::escape(set);
                Error::Input(format!("'{set}' is beyond what an estimate means: keep reps plus RIR at 30 or fewer"))
            })?;
            let to_failure = f64::from(reps) + rir.map_or(0.0, crate::model::units::Rir::as_f64);
            let plural = if (to_failure - 1.0).abs() < f64::EPSILON { "" } else { "s" };
            Ok(format!(
                "{estimate:.2} {unit}  ({}: {load} {unit} x {reps}, {to_failure} rep{plural} to failure)",
                formula.label()
            ))
        }
        Calc::Plates { weight, unit, bar } => {
            let unit = unit.unwrap_or(plan.unit);
            let total = parse_load(weight).map_err(input)?;
            let mut setup = settings.equipment.bar(unit);
            if let Some(bar) = bar {
                setup.bar = parse_load(bar).map_err(input)?;
                if setup.bar.hundredths() == 0 {
                    return Err(Error::Input("a bar weighs more than 0".into()));
                }
            }
            let bar_text = format!("a {} {unit} bar", setup.bar);
            Ok(match plates::load_bar(&setup, total) {
                plates::Loading::Exact(side) if side.is_empty() => format!("{total} {unit} is {bar_text}, empty"),
                plates::Loading::Exact(side) => {
                    format!("{total} {unit} on {bar_text}: {} per side", plates::describe_side(&side))
                }
                plates::Loading::Nearest { below, above } => {
                    let describe = |load: Load| match plates::load_bar(&setup, load) {
                        plates::Loading::Exact(side) if side.is_empty() => format!("{load} {unit} (the empty bar)"),
                        plates::Loading::Exact(side) => {
                            format!("{load} {unit} ({} per side)", plates::describe_side(&side))
                        }
                        plates::Loading::Nearest { .. } => format!("{load} {unit}"),
                    };
                    let options: Vec<String> = below.into_iter().chain(above).map(describe).collect();
                    let nearest = if options.is_empty() { "nothing near it".to_string() } else { options.join(" or ") };
                    format!(
                        "{total} {unit} cannot be loaded exactly on {bar_text} with these plates; nearest: {nearest}"
                    )
                }
            })
        }
        Calc::Ramp { weight, exercise, unit } => {
            let unit = unit.unwrap_or(plan.unit);
            let working = Weight::new(parse_load(weight).map_err(input)?, unit);
            let planned = match exercise {
                Some(name) => plan.planned(name).ok_or_else(|| {
                    let hint =
                        plan.exercises.closest(name).map(|c| format!("; did you mean '{c}'?")).unwrap_or_default();
                    let name = crate::model::text::escape(name);
                    Error::Input(format!("unknown exercise '{name}'{hint}"))
                })?,
                None => plan
                    .planned("Barbell back squat")
                    .ok_or_else(|| Error::Input("name an exercise with --exercise".into()))?,
            };
            let loadable = ramp::loadable_for(planned.equipment, &settings.equipment.gear(), planned.load_step, unit);
            let rungs = planned.ramp_up_ladder.clone().unwrap_or_else(|| ramp::default_rungs(planned.equipment));
            let sets = ramp::ladder(Some(working), &rungs, &loadable, unit);
            let mut text = format!("Ramp-up sets for {} towards {working}:", planned.name);
            if sets.is_empty() {
                text.push_str("\n  none: the working weight is already as light as it loads");
            }
            for (i, set) in sets.iter().enumerate() {
                let load = set.weight.map_or_else(|| "light".to_string(), |w| w.to_string());
                let _ = write!(text, "\n  {}. {load} x {}", i + 1, set.reps);
            }
            Ok(text)
        }
    }
}

/// The week as text for the shell.
pub fn week_text(report: &WeekReport) -> String {
    let [low, high] = report.target;
    let mut text = format!(
        "Week {} (from {}): effective sets per muscle, target {low}-{high}, {} training session{}\n",
        report.week,
        report.monday.format("%a %-d %b %Y"),
        report.training_sessions,
        if report.training_sessions == 1 { "" } else { "s" }
    );
    if report.muscles.iter().all(|m| m.effective_sets <= 0.0) {
        text.push_str("  no effective sets yet\n");
    }
    // Muscles kept only for the Week pane's 8-week bars (none this week) are left out here.
    for muscle in report.muscles.iter().filter(|m| m.effective_sets > 0.0) {
        let unverified = if muscle.unverified_sets > 0.0 {
            format!(" ({} unverified)", muscle.unverified_sets)
        } else {
            String::new()
        };
        let _ = writeln!(
            text,
            "  {:<12} {:>5}  {:<6}  {} session{}{unverified}",
            muscle.muscle,
            muscle.effective_sets,
            muscle.status,
            muscle.sessions,
            if muscle.sessions == 1 { "" } else { "s" }
        );
    }
    text
}

/// One exercise's history for the shell.
#[derive(Debug, serde::Serialize)]
pub struct HistoryReport {
    /// Exercise name.
    pub exercise: String,
    /// Unit of the figures.
    pub unit: &'static str,
    /// The e1RM formula.
    pub formula: &'static str,
    /// Newest week first.
    pub weeks: Vec<HistoryWeek>,
    /// The best e1RM ever and the set that made it.
    pub best_e1rm: Option<HistorySet>,
    /// Most reps at each load, heaviest first.
    pub best_reps: Vec<HistorySet>,
}

/// One week of an exercise.
#[derive(Debug, serde::Serialize)]
pub struct HistoryWeek {
    /// ISO week, such as "2026-W48".
    pub week: String,
    /// Its Monday.
    pub monday: NaiveDate,
    /// A deload week (no records, kept out of trends).
    pub deload: bool,
    /// Best RIR-adjusted e1RM.
    pub best_e1rm: f64,
    /// Change from the week before it (when both are normal weeks).
    pub change: Option<f64>,
    /// The heaviest set.
    pub top_set: HistorySet,
    /// Working sets that week.
    pub working_sets: usize,
}

/// A set as the shell sees it.
#[derive(Debug, serde::Serialize)]
pub struct HistorySet {
    /// Local date.
    pub date: NaiveDate,
    /// Load.
    pub weight: f64,
    /// Reps.
    pub reps: u16,
    /// Reps in reserve.
    pub rir: Option<f64>,
    /// The e1RM (for the best-e1RM record).
    pub e1rm: Option<f64>,
}

impl HistoryReport {
    /// Builds the report from an exercise's detail: the newest `weeks` weeks.
    pub fn new(detail: &history::ExerciseDetail, formula: Formula, weeks: usize, clock: &dyn Clock) -> HistoryReport {
        let as_set = |s: &crate::model::session::LoggedSet, e1rm: Option<f64>| HistorySet {
            date: clock.local_date(s.session_started_at),
            weight: s.entry.weight.load.as_f64(),
            reps: s.entry.reps,
            rir: s.entry.rir.map(crate::model::units::Rir::as_f64),
            e1rm,
        };
        let points = &detail.weeks;
        let rows = points
            .iter()
            .enumerate()
            .rev()
            .take(weeks)
            .map(|(i, w)| {
                let previous = i.checked_sub(1).and_then(|p| points.get(p));
                let change = previous.filter(|p| !p.deload && !w.deload).map(|p| w.best_e1rm - p.best_e1rm);
                let iso = chrono::Datelike::iso_week(&w.monday);
                HistoryWeek {
                    week: format!("{}-W{:02}", iso.year(), iso.week()),
                    monday: w.monday,
                    deload: w.deload,
                    best_e1rm: (w.best_e1rm * 100.0).round() / 100.0,
                    change: change.map(|c| (c * 100.0).round() / 100.0),
                    top_set: as_set(&w.top, estimate_set(formula, &w.top.entry).map(|e| (e * 100.0).round() / 100.0)),
                    working_sets: w.working_sets,
                }
            })
            .collect();
        HistoryReport {
            exercise: detail.exercise.clone(),
            unit: detail.unit.label(),
            formula: formula.name(),
            weeks: rows,
            best_e1rm: detail.records.best_e1rm.as_ref().map(|(v, s)| as_set(s, Some((v * 100.0).round() / 100.0))),
            best_reps: detail.records.best_reps.iter().map(|(_, _, s)| as_set(s, None)).collect(),
        }
    }

    /// The report as text: a table of weeks, newest first, then the records.
    pub fn text(&self) -> String {
        let unit = self.unit;
        let mut text = format!("{}, week by week (e1RM by {}, in {unit}):\n", self.exercise, self.formula);
        if self.weeks.is_empty() {
            text.push_str("  not trained yet\n");
            return text;
        }
        let _ = writeln!(text, "  {:<9} {:>9}  {:<12}  {:<22} {:>4}", "week", "best e1RM", "change", "top set", "sets");
        for w in &self.weeks {
            let change = match (w.deload, w.change) {
                (true, _) => "deload".to_string(),
                (false, Some(c)) if c > 0.0 => format!("better +{c:.1}"),
                (false, Some(c)) if c < 0.0 => format!("worse {c:.1}"),
                (false, Some(_)) => "same".to_string(),
                (false, None) => String::new(),
            };
            let rir = w.top_set.rir.map(|r| format!(" @ {r}")).unwrap_or_default();
            let top = format!("{} {unit} x {}{rir}", w.top_set.weight, w.top_set.reps);
            let _ = writeln!(
                text,
                "  {:<9} {:>9.1}  {:<12}  {:<22} {:>4}",
                w.week, w.best_e1rm, change, top, w.working_sets
            );
        }
        if let Some(best) = &self.best_e1rm {
            let _ = writeln!(
                text,
                "Best e1RM: {:.1} {unit} ({} {unit} x {}{} on {})",
                best.e1rm.unwrap_or_default(),
                best.weight,
                best.reps,
                best.rir.map(|r| format!(" @ {r}")).unwrap_or_default(),
                best.date.format("%a %-d %b %Y")
            );
        }
        if !self.best_reps.is_empty() {
            let most: Vec<String> =
                self.best_reps.iter().take(6).map(|s| format!("{} {unit} x {}", s.weight, s.reps)).collect();
            let _ = writeln!(text, "Most reps: {}", most.join(", "));
        }
        text
    }
}

//! The command line's arguments: the clap types for every subcommand and the parsers of their
//! values. What each command does is in its own module beside this one.

mod negative;

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use clap::{Parser, Subcommand};

use crate::export::Format;
use crate::model::units::Unit;
use crate::training::e1rm::Formula;

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
        after_help = "Examples:\n  hardset log \"Lat pulldown\" 60x10@1 62.5x8@0.5\n  hardset log \"Barbell back squat\" 60x5 80x3 --ramp\n  hardset log \"Barbell bench press\" 185x6@1.5 --unit lb\n  hardset log \"Leg press\" 140x9@1 --at \"2026-11-30 18:40\"\n  hardset log \"Chest-supported row\" 40x8@1 --form-broke\n  hardset log Plank 60s 1:15 10x45s\n  hardset log \"Rowing machine\" 2000m/7:45\n  hardset log \"Farmer's walk\" 32x40m/35s"
    )]
    Log {
        /// Exercise name or alias.
        exercise: String,
        /// Sets as WEIGHTxREPS[@RIR], e.g. 80x8@1 or 82.5x6@0.5; on body weight BWx8, BW+10x6@0
        /// (a belt) or BW-20x10 (assisted).
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
    /// The body weight log: `hardset bodyweight 82.5` logs today's weight; alone, it prints the
    /// latest and its trend. Bodyweight sets (BW+10x6) are weighed with it.
    #[command(
        after_help = "Examples:\n  hardset bodyweight 82.5\n  hardset bodyweight 181 --unit lb\n  hardset bodyweight 82 --date 2026-11-30\n  hardset bodyweight"
    )]
    Bodyweight {
        /// The weight, e.g. 82.5 (the unit of the settings, or --unit).
        weight: Option<String>,
        /// The unit of the weight (default: the settings' unit).
        #[arg(long, value_parser = parse_unit)]
        unit: Option<Unit>,
        /// The day weighed (YYYY-MM-DD; default today); alone, the day the trend ends.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
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
    /// Bring in history from Strong, Hevy, FitNotes, Fitbod, Liftosaur or a hardset export.
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
        /// The unit of its weights, for a file that does not say (Strong's older export, in any
        /// of its languages).
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
    /// Exercises in your log the catalogue does not know (from imports), mapping them to it, and
    /// making your own.
    #[command(
        after_help = "Examples:\n  hardset exercises\n  hardset exercises map \"Paused Bench Press\" \"Barbell bench press\"\n  \
                      hardset exercises add \"Zercher squat\" --equipment barbell --muscles quads,glutes --technical"
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
    /// Make an exercise of your own: what it is lifted with, the muscles it works, and whether
    /// it is technical (keep 1-2 in reserve) or safe to take to failure.
    #[command(
        after_help = "Examples:\n  hardset exercises add \"Zercher squat\" --equipment barbell --muscles quads,glutes --technical\n  \
                      hardset exercises add \"Pendulum squat\" --equipment machine --muscles quads --safe"
    )]
    Add {
        /// Its name (not one the catalogue, your plan or your log already has).
        name: String,
        /// What it is lifted with: barbell, dumbbell, machine, cable, bodyweight, "smith machine", kettlebell.
        #[arg(long)]
        equipment: String,
        /// The muscles it works, commas between: quads,glutes.
        #[arg(long)]
        muscles: String,
        /// A technical lift: keep 1-2 reps in reserve (the default for barbell, dumbbell, kettlebell).
        #[arg(long, conflicts_with = "safe")]
        technical: bool,
        /// Safe to take to failure (the default for machine, cable, bodyweight, smith machine).
        #[arg(long)]
        safe: bool,
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

fn parse_unit(text: &str) -> Result<Unit, String> {
    Unit::parse(text).ok_or_else(|| format!("'{text}' is not a unit; use kg or lb"))
}

/// The parsed command line. clap quotes a refused argument as given, raw on a terminal: when
/// an argument holds a control character or invisible formatting, the error is made again from
/// the arguments with those escaped (`\u{1b}`), so it shows them and cannot act on the terminal.
pub(super) fn parse_command_line() -> Result<Cli, i32> {
    use crate::model::text::escape;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let error = match Cli::try_parse_from(&args) {
        Ok(cli) => return Ok(cli),
        Err(error) => error,
    };
    if let Some(set) = negative::negative_set(&args) {
        eprintln!(
            "hardset: {}",
            crate::model::text::for_terminal(&crate::cli::log::wording::negative_load(&set, false))
        );
        return Err(1);
    }
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

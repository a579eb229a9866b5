//! Import of other apps' exports (Strong, Hevy, FitNotes, Fitbod, Liftosaur) and of hardset's
//! own, into the log.
//!
//! A file is read in bounded memory, however large: a record at a time (each at most 1 MiB and
//! 1,000 columns, see `reader`), every row checked (errors naming their line), its sessions kept
//! in a scratch database on disk (`staging`) rather than in memory. Then, session by session,
//! the exercise names are mapped to the catalogue and everything is written in one transaction
//! that skips sessions the log already holds. A file that fails writes nothing.

mod bodyweight;
mod detect;
mod fitbod;
mod fitnotes;
mod hevy;
mod languages;
mod liftosaur;
pub(crate) mod measure;
mod native;
mod reader;
mod report;
mod rows;
mod staging;
mod strong;
mod table;
mod techniques;
mod write;

use std::path::Path;

use crate::clock::Clock;
use crate::model::exercise::Catalogue;
use crate::model::units::Unit;
use crate::store::{Store, StoreError};
use detect::detect;
pub use report::{REPORTED_UNKNOWN, Report, Unknown};
pub(crate) use rows::LONGEST_WORKOUT;
pub use rows::Tally;
use staging::{Sessions, Staging};

/// Where a file comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Source {
    /// Strong's CSV export (semicolon or the older comma format).
    Strong,
    /// Hevy's workout_data.csv.
    Hevy,
    /// FitNotes' CSV export.
    Fitnotes,
    /// Fitbod's WorkoutExport.csv.
    Fitbod,
    /// Liftosaur's history CSV.
    Liftosaur,
    /// hardset's own export (CSV or JSON).
    Hardset,
}

impl Source {
    /// The app's name.
    pub fn name(self) -> &'static str {
        match self {
            Source::Strong => "Strong",
            Source::Hevy => "Hevy",
            Source::Fitnotes => "FitNotes",
            Source::Fitbod => "Fitbod",
            Source::Liftosaur => "Liftosaur",
            Source::Hardset => "hardset",
        }
    }
}

/// Why a file could not be imported. Nothing was written.
/// Shown with every control character and invisible formatting escaped (`\u{1b}`): the path and
/// the message may quote the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{}{}: {}",
    crate::model::text::escape(.path),
    line.map(|l| format!(": line {l}")).unwrap_or_default(),
    crate::model::text::escape(.message)
)]
pub struct ImportError {
    /// The file.
    pub path: String,
    /// The line the problem is on, when it is on one.
    pub line: Option<u64>,
    /// What is wrong, and what to do.
    pub message: String,
}

impl ImportError {
    pub(crate) fn at(line: u64, message: impl Into<String>) -> ImportError {
        ImportError { path: String::new(), line: Some(line), message: message.into() }
    }

    pub(crate) fn whole(message: impl Into<String>) -> ImportError {
        ImportError { path: String::new(), line: None, message: message.into() }
    }
}

/// Why an import stopped. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The file: it cannot be read, or a row is wrong.
    #[error("nothing was imported: {0}")]
    File(#[from] ImportError),
    /// SQLite turned the import's writes down.
    #[error("{path}: the log refused the import, so nothing was written: {source}")]
    Refused {
        /// The file.
        path: String,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The log: busy, full or read-only (what SQLite itself turns down is `Refused`).
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How to read a file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The app it came from, when the header should not decide.
    pub from: Option<Source>,
    /// The unit of its weights, for files that do not say.
    pub unit: Option<Unit>,
    /// Check and count, write nothing.
    pub dry_run: bool,
}

/// What the header said: the app, the variant and where the unit comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// The app.
    pub source: Source,
    /// The variant, in words.
    pub variant: String,
}

/// Reads `path` and imports it into `store` in one transaction (rolled back in a dry run), in
/// bounded memory whatever the file's size. `progress` hears (stage, done, total): bytes read,
/// then sessions written.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    options: &Options,
    catalogue: &Catalogue,
    clock: &dyn Clock,
    progress: &mut dyn FnMut(&str, u64, u64),
) -> Result<Report, Failure> {
    let shown = path.display().to_string();
    let with_path = |mut e: ImportError| {
        e.path.clone_from(&shown);
        e
    };
    let mut staged = stage(path, *options, clock, progress).map_err(with_path)?;
    let written = write::write(store, &mut staged, options.dry_run, catalogue, clock, progress);
    let (counts, dates) = written.map_err(|e| match e {
        Failure::Store(StoreError::Sqlite(source)) => Failure::Refused { path: shown.clone(), source },
        Failure::File(e) if e.path.is_empty() => Failure::File(with_path(e)),
        other => other,
    })?;
    let (unknown, unknown_count) = report::listed_unknown(&staged.staging).map_err(with_path)?;
    Ok(Report {
        path: shown.clone(),
        detected: Detected { source: staged.source, variant: staged.variant },
        tally: staged.tally,
        counts,
        dates,
        unknown,
        unknown_count,
        dry_run: options.dry_run,
    })
}

/// A file read whole into the scratch database, every row checked.
struct Staged {
    /// The app that wrote it.
    source: Source,
    /// Its delimiter (`{` for JSON).
    delimiter: u8,
    /// The variant, in words.
    variant: String,
    /// Its sessions, exercises and deload weeks.
    staging: Staging,
    /// Rows read, skipped and repaired.
    tally: Tally,
}

/// Opens `path`, tells which app wrote it and reads it into the scratch database: the file is
/// read whole, and every row checked, before the log is touched. `progress` hears bytes read.
fn stage(
    path: &Path,
    options: Options,
    clock: &dyn Clock,
    progress: &mut dyn FnMut(&str, u64, u64),
) -> Result<Staged, ImportError> {
    let opened = reader::open(path)?;
    let total = opened.size;
    let (source, delimiter) = detect(opened.head_text(), opened.whole, options.from)?;
    let staging = Staging::new()?;
    let mut tally = Tally::default();
    let variant = read(opened.into_input(), source, delimiter, options, clock, &staging, &mut tally, &mut |done| {
        progress("reading", done, total);
    })?;
    staging.read_all()?;
    Ok(Staged { source, delimiter, variant, staging, tally })
}

/// Reads a file into `staging`, session by session. `progress` hears bytes read. Returns the
/// variant, in words.
#[allow(clippy::too_many_arguments)]
fn read(
    input: reader::Input,
    source: Source,
    delimiter: u8,
    options: Options,
    clock: &dyn Clock,
    staging: &Staging,
    tally: &mut Tally,
    progress: &mut dyn FnMut(u64),
) -> Result<String, ImportError> {
    if delimiter == b'{' {
        return native::parse_json(input, options.unit, staging, tally);
    }
    let mut records = reader::Records::new(input, delimiter);
    let mut sessions = Sessions::new(staging);
    let unit = options.unit;
    let variant = match source {
        Source::Strong => strong::parse(&mut records, delimiter, unit, clock, &mut sessions, tally, progress)?,
        Source::Hevy => hevy::parse(&mut records, unit, clock, &mut sessions, tally, progress)?,
        Source::Fitnotes => fitnotes::parse(&mut records, unit, clock, &mut sessions, tally, progress)?,
        Source::Fitbod => fitbod::parse(&mut records, unit, clock, &mut sessions, tally, progress)?,
        Source::Liftosaur => liftosaur::parse(&mut records, unit, &mut sessions, tally, progress)?,
        Source::Hardset => native::parse_csv(&mut records, unit, &mut sessions, staging, tally, progress)?,
    };
    sessions.finish()?;
    Ok(variant)
}

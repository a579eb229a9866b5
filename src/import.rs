//! Import of other apps' exports (Strong, Hevy, FitNotes) and of hardset's own, into the log.
//!
//! A file is read in bounded memory, however large: a record at a time (each at most 1 MiB and
//! 1,000 columns, see `reader`), every row checked (errors naming their line), its sessions kept
//! in a scratch database on disk (`staging`) rather than in memory. Then, session by session,
//! the exercise names are mapped to the catalogue and everything is written in one transaction
//! that skips sessions the log already holds. A file that fails writes nothing.

mod fitnotes;
mod hevy;
mod native;
mod reader;
mod staging;
mod strong;
mod table;

use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Write as _};
use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::clock::Clock;
use crate::model::exercise::{Catalogue, CustomExercise, Equipment, MAX_NAME_CHARS, Muscle};
use crate::model::session::{Readiness, SessionRecord, SetEntry, SetKind};
use crate::model::units::{Load, MAX_REPS, Rir, Unit, Weight};
use crate::store::{ImportCounts, Matching, Store, StoreError};
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
    /// The log could not be opened for the import (busy, read-only, newer).
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

/// Rows that are not sets the log can hold, by reason.
pub(crate) mod skip {
    pub const TIMED: &str = "timed or cardio (a time or distance, no load and reps)";
    pub const EMPTY: &str = "empty (no weight and no reps)";
    pub const NO_REPS: &str = "a weight with no reps";
    pub const REST_TIMER: &str = "rest timer rows (not sets)";
    pub const TOO_MANY_REPS: &str = "more than 200 reps";
    pub const TOO_HEAVY: &str = "heavier than 1000";
    pub const ASSISTED: &str = "negative weight (assistance; the log holds added load only)";
}

impl ParsedSet {
    /// A set from another app's row: its time comes from the workout's, no form broke.
    pub(crate) fn from_row(exercise: String, kind: SetKind, weight: Weight, reps: u16, rir: Option<Rir>) -> ParsedSet {
        ParsedSet {
            entry: SetEntry { exercise, kind, weight, reps, rir, form_broke: false, note: String::new() },
            logged_at: None,
            muscles: Vec::new(),
        }
    }
}

/// One set read from a file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ParsedSet {
    /// The set, its exercise still named as the file names it.
    pub(crate) entry: SetEntry,
    /// When it was logged, when the file says.
    pub(crate) logged_at: Option<DateTime<Utc>>,
    /// Muscles the file says the exercise works (FitNotes' category, hardset's `muscles`).
    pub(crate) muscles: Vec<Muscle>,
}

/// One session read from a file.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct ParsedSession {
    pub(crate) started_at: DateTime<Utc>,
    pub(crate) ended_at: Option<DateTime<Utc>>,
    pub(crate) day_name: String,
    pub(crate) day_index: Option<usize>,
    pub(crate) note: String,
    pub(crate) readiness: Option<Readiness>,
    pub(crate) sets: Vec<ParsedSet>,
    /// Notes about one exercise in this session, put on its first set when done.
    pub(crate) exercise_notes: Vec<(String, String)>,
}

/// What reading a file found, row by row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Data rows read.
    pub rows: u64,
    /// Rows that are not sets the log can hold, by reason.
    pub skipped: BTreeMap<&'static str, u64>,
    /// Rows repaired (FitNotes names with unquoted commas).
    pub repaired: u64,
    /// The first lines repaired, in file order (at most [`Tally::REPAIRED_LINES`]).
    pub repaired_lines: Vec<u64>,
    /// Note rows attached to their exercise.
    pub note_rows: u64,
    /// Workouts whose recorded duration was implausible (over 6 h), ended at their last set.
    pub long_durations: u64,
    /// Notes cut to the 2000 characters the log holds.
    pub shortened_notes: u64,
}

impl Tally {
    /// How many repaired lines are kept to show.
    pub const REPAIRED_LINES: usize = 5;

    pub(crate) fn repair(&mut self, line: u64) {
        self.repaired += 1;
        if self.repaired_lines.len() < Tally::REPAIRED_LINES {
            self.repaired_lines.push(line);
        }
    }

    pub(crate) fn skip(&mut self, reason: &'static str) {
        *self.skipped.entry(reason).or_default() += 1;
    }

    /// Rows skipped, all reasons.
    pub fn skipped_rows(&self) -> u64 {
        self.skipped.values().sum()
    }
}

/// What the header said: the app, the variant and where the unit comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// The app.
    pub source: Source,
    /// The variant, in words.
    pub variant: String,
}

/// The longest note the log holds.
pub(crate) const MAX_NOTE_CHARS: usize = 2000;

/// A workout longer than this was left running; its end is taken from its sets instead.
pub(crate) const LONGEST_WORKOUT: i64 = 6 * 3600;

/// A name as the log keeps it: one line, single spaces, no control character or invisible
/// formatting, at most 200 characters.
pub(crate) fn clean_name(text: &str, line: u64, what: &str) -> Result<String, ImportError> {
    let name = crate::model::text::clean_line(text);
    if name.is_empty() {
        return Err(ImportError::at(line, format!("the {what} is empty")));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(ImportError::at(line, format!("the {what} is longer than {MAX_NAME_CHARS} characters")));
    }
    Ok(name)
}

/// A load from a file's number: `Ok(None)` with the reason when the log cannot hold it.
/// Float noise such as `149.99999999999997` rounds to the hundredth (150).
pub(crate) fn load_of(value: Option<f64>) -> Result<Load, &'static str> {
    let value = value.unwrap_or(0.0);
    if value < 0.0 {
        return Err(skip::ASSISTED);
    }
    Load::from_f64(value).ok_or(skip::TOO_HEAVY)
}

/// Reps from a file's number: whole, and at most 200 (or the reason to skip the row).
pub(crate) fn reps_of(value: f64, line: u64) -> Result<Result<u16, &'static str>, ImportError> {
    if value < 0.0 || value.fract() != 0.0 {
        return Err(ImportError::at(line, format!("reps \"{value}\" is not a whole number of reps")));
    }
    if value > f64::from(MAX_REPS) {
        return Ok(Err(skip::TOO_MANY_REPS));
    }
    Ok(Ok(value as u16))
}

/// What a row's numbers make: a set's reps and load, or `None` when the row is not a set the
/// log holds, counted in `tally` by its reason. No reps and no load is not a set; 0 reps at a
/// load is a missed attempt and is kept; a row with a time or distance and no reps is timed or
/// cardio.
pub(crate) fn reps_and_load(
    reps: Option<f64>,
    weight: Option<f64>,
    timed: bool,
    line: u64,
    tally: &mut Tally,
) -> Result<Option<(u16, Load)>, ImportError> {
    let set = set_numbers(reps, weight, timed, line)?;
    if let Err(reason) = set {
        tally.skip(reason);
    }
    Ok(set.ok())
}

fn set_numbers(
    reps: Option<f64>,
    weight: Option<f64>,
    timed: bool,
    line: u64,
) -> Result<Result<(u16, Load), &'static str>, ImportError> {
    let loaded = weight.unwrap_or(0.0) > 0.0;
    let Some(reps) = reps.filter(|&r| r > 0.0 || loaded) else {
        return Ok(Err(if timed {
            skip::TIMED
        } else if loaded {
            skip::NO_REPS
        } else {
            skip::EMPTY
        }));
    };
    let reps = match reps_of(reps, line)? {
        Ok(0) if timed => Err(skip::TIMED),
        other => other,
    };
    Ok(match (reps, load_of(weight)) {
        (Ok(r), Ok(w)) => Ok((r, w)),
        (Err(reason), _) | (_, Err(reason)) => Err(reason),
    })
}

/// RIR from a row's RPE (`column` names it in the error); a set marked as taken to failure with
/// no RPE is RIR 0; otherwise unknown.
pub(crate) fn rir_of(rpe: Option<f64>, failure: bool, line: u64, column: &str) -> Result<Option<Rir>, ImportError> {
    match rpe {
        Some(rpe) => table::rir_from_rpe(rpe)
            .map(Some)
            .ok_or_else(|| ImportError::at(line, format!("{column} \"{rpe}\" is not between 0 and 10"))),
        None if failure => Ok(Rir::from_halves(0)),
        None => Ok(None),
    }
}

fn join_note(into: &mut String, note: &str) {
    if note.is_empty() {
        return;
    }
    if !into.is_empty() {
        into.push('\n');
    }
    into.push_str(note);
}

fn shorten(note: &mut String, tally: &mut Tally) {
    if note.chars().count() > MAX_NOTE_CHARS {
        *note = note.chars().take(MAX_NOTE_CHARS).collect();
        tally.shortened_notes += 1;
    }
}

/// Finishes a session read from another app: exercise notes on each exercise's first set, a
/// time for every set (spread over the workout), an end, notes within the limit.
pub(crate) fn finish_session(session: &mut ParsedSession, tally: &mut Tally) {
    for (exercise, note) in std::mem::take(&mut session.exercise_notes) {
        match session.sets.iter_mut().find(|s| s.entry.exercise == exercise) {
            Some(set) => join_note(&mut set.entry.note, &note),
            None => join_note(&mut session.note, &format!("{exercise}: {note}")),
        }
    }
    let count = session.sets.len() as i64;
    let span = session.ended_at.map(|end| (end - session.started_at).num_seconds());
    if span.is_some_and(|s| s > LONGEST_WORKOUT) {
        tally.long_durations += 1;
        session.ended_at = None;
    }
    let gap = match session.ended_at {
        Some(end) if count > 0 && end > session.started_at => {
            ((end - session.started_at).num_seconds() / count).clamp(1, 600)
        }
        _ => 120,
    };
    let start = session.started_at;
    for (i, set) in session.sets.iter_mut().enumerate() {
        set.logged_at.get_or_insert(start + Duration::seconds(gap * i as i64));
        shorten(&mut set.entry.note, tally);
    }
    let last = session.sets.iter().filter_map(|s| s.logged_at).max().unwrap_or(start);
    session.ended_at = Some(session.ended_at.unwrap_or(last).max(last));
    shorten(&mut session.note, tally);
}

/// Which app wrote a file, from its first line that is not blank (or `from`), and its
/// delimiter (`{` for JSON). `head` is the file's start; `whole` says whether it is all of it.
/// A first line too long or too wide to be a header is refused at its line.
fn detect(head: &str, whole: bool, from: Option<Source>) -> Result<(Source, u8), ImportError> {
    let (number, first, ended) = match reader::first_line(head, whole) {
        Some(found) => found,
        None if whole => (1, "", true),
        None => return Err(ImportError::whole("the file starts with 1 MiB of blank lines: there is no header")),
    };
    if first.trim_start().starts_with('[') || first.trim_start().starts_with('{') {
        return match from {
            None | Some(Source::Hardset) => Ok((Source::Hardset, b'{')),
            Some(other) => Err(ImportError::whole(format!("this is a JSON file, not a {} export", other.name()))),
        };
    }
    if !ended {
        return Err(ImportError::at(number, reader::too_long()));
    }
    let (semicolons, commas) = (first.matches(';').count(), first.matches(',').count());
    let delimiter = if semicolons > commas { b';' } else { b',' };
    if semicolons.max(commas) >= reader::MAX_COLUMNS {
        return Err(ImportError::at(number, reader::too_wide()));
    }
    let names: Vec<String> =
        first.split(char::from(delimiter)).map(|n| n.trim().trim_matches('"').trim().to_lowercase()).collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    let found = if has("exercise_title") && has("set_type") {
        Some(Source::Hevy)
    } else if has("session_start") && has("set_kind") {
        Some(Source::Hardset)
    } else if has("exercise name") && has("set order") {
        Some(Source::Strong)
    } else if has("exercise") && has("category") && has("date") {
        Some(Source::Fitnotes)
    } else {
        None
    };
    match (from, found) {
        (Some(source), _) => Ok((source, delimiter)),
        (None, Some(source)) => Ok((source, delimiter)),
        (None, None) => {
            let shown: String = first.chars().take(120).collect();
            let shown = crate::model::text::escape(&shown);
            Err(ImportError::whole(format!(
                "the first line does not look like an export from Strong, Hevy, FitNotes or hardset: \"{shown}\" \
                 (say which with --from)"
            )))
        }
    }
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
        Source::Hardset => native::parse_csv(&mut records, unit, &mut sessions, staging, tally, progress)?,
    };
    sessions.finish()?;
    Ok(variant)
}

/// An exercise in the file the catalogue does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    /// Its name, as the file writes it (and as the log keeps it).
    pub name: String,
    /// Its sets in the file.
    pub sets: u64,
    /// Muscles the file gave it.
    pub muscles: Vec<Muscle>,
}

/// Exercises the catalogue does not know, met while writing: the first spelling of each (any
/// case) is the one its sets are filed under. The most recent are kept in memory, all of them in
/// the scratch database.
struct Unknowns<'s> {
    staging: &'s Staging,
    met: HashMap<String, Unknown>,
}

impl Unknowns<'_> {
    /// How many unknown exercises are kept in memory before they go to the scratch database.
    const IN_MEMORY: usize = 10_000;

    /// The name a set of the unknown `exercise` is filed under, counting the set.
    fn file(&mut self, exercise: &str, muscles: Vec<Muscle>) -> Result<String, ImportError> {
        let lower = exercise.to_lowercase();
        if let Some(seen) = self.met.get_mut(&lower) {
            seen.sets += 1;
            return Ok(seen.name.clone());
        }
        let (name, muscles) = self.staging.unknown(&lower)?.unwrap_or_else(|| (exercise.to_string(), muscles));
        if self.met.len() >= Unknowns::IN_MEMORY {
            self.flush()?;
        }
        self.met.insert(lower, Unknown { name: name.clone(), sets: 1, muscles });
        Ok(name)
    }

    fn flush(&mut self) -> Result<(), ImportError> {
        for (lower, seen) in self.met.drain() {
            self.staging.add_unknown(&lower, &seen.name, seen.sets, &seen.muscles)?;
        }
        Ok(())
    }
}

/// Names a hardset JSON file lists as the log's own exercises, looked up in the scratch
/// database (the last few thousand answers remembered).
struct OwnNames<'s> {
    staging: &'s Staging,
    answers: HashMap<String, bool>,
}

impl OwnNames<'_> {
    fn contains(&mut self, lower: &str) -> Result<bool, ImportError> {
        if let Some(&own) = self.answers.get(lower) {
            return Ok(own);
        }
        let own = self.staging.is_custom(lower)?;
        if self.answers.len() >= 4096 {
            self.answers.clear();
        }
        self.answers.insert(lower.to_string(), own);
        Ok(own)
    }
}

/// Maps every exercise of a session to the catalogue (by name or alias) and builds what the
/// store writes: a set is filed under the catalogue's name whatever spelling the file uses
/// (hardset's own files too), so `history` and the app find it. A name a hardset JSON file lists
/// as one of the log's own exercises stays as it is. Names the catalogue does not know become
/// the log's own exercises, with the muscles the file gives them.
fn prepare_session(
    session: ParsedSession,
    catalogue: &Catalogue,
    own: &mut OwnNames<'_>,
    unknown: &mut Unknowns<'_>,
) -> Result<SessionRecord, ImportError> {
    let mut sets = Vec::with_capacity(session.sets.len());
    for set in session.sets {
        let mut entry = set.entry;
        match catalogue.get(&entry.exercise) {
            // A name the file's own exercise list gives stays that exercise.
            Some(_) if own.contains(&entry.exercise.to_lowercase())? => {}
            Some(known) => entry.exercise.clone_from(&known.name),
            None => entry.exercise = unknown.file(&entry.exercise, set.muscles)?,
        }
        sets.push((entry, set.logged_at.unwrap_or(session.started_at)));
    }
    Ok(SessionRecord {
        started_at: session.started_at,
        ended_at: session.ended_at,
        day_name: session.day_name,
        day_index: session.day_index,
        sets,
        readiness: session.readiness,
        note: session.note,
    })
}

/// How sessions already in the log are recognised. hardset's own times are exact; Hevy's are
/// to the minute (hardset's Hevy export drops the seconds); a FitNotes day is one session
/// whatever its categories add up to.
fn matching(source: Source) -> Matching {
    match source {
        Source::Hardset | Source::Strong => Matching::StartAndName,
        Source::Hevy => Matching::MinuteAndName,
        Source::Fitnotes => Matching::Start,
    }
}

/// How many unknown exercises a report lists by name (`hardset exercises` lists them all).
pub const REPORTED_UNKNOWN: usize = 200;

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The file.
    pub path: String,
    /// What the header said.
    pub detected: Detected,
    /// Rows read, skipped and repaired.
    pub tally: Tally,
    /// What was written and what the log already held.
    pub counts: ImportCounts,
    /// The first and last session dates in the file.
    pub dates: Option<(NaiveDate, NaiveDate)>,
    /// Exercises the catalogue does not know, by name (the first [`REPORTED_UNKNOWN`]).
    pub unknown: Vec<Unknown>,
    /// How many exercises the catalogue does not know.
    pub unknown_count: u64,
    /// Nothing was written.
    pub dry_run: bool,
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
    let opened = reader::open(path).map_err(with_path)?;
    let total = opened.size;
    let (source, delimiter) = detect(opened.head_text(), opened.whole, options.from).map_err(with_path)?;
    // The file is read whole, and every row checked, before the log is touched.
    let staging = Staging::new().map_err(with_path)?;
    let mut tally = Tally::default();
    let variant = read(opened.into_input(), source, delimiter, *options, clock, &staging, &mut tally, &mut |done| {
        progress("reading", done, total);
    })
    .map_err(with_path)?;
    staging.read_all().map_err(with_path)?;
    let (sessions, sets) = staging.counts();
    let mut dates: Option<(NaiveDate, NaiveDate)> = None;
    let mut own = OwnNames { staging: &staging, answers: HashMap::new() };
    let mut unknown = Unknowns { staging: &staging, met: HashMap::new() };
    let mut written = 0;
    // Hevy writes the newest workout first and FitNotes need not be in order: the log reads
    // better oldest first.
    let by_start = matches!(source, Source::Hevy | Source::Fitnotes);
    let label = format!("{} import", source.name());
    let counts = store.import_with(matching(source), sets as usize, !options.dry_run, |writer| {
        staging.for_each_session(by_start, |mut session| -> Result<(), Failure> {
            match source {
                Source::Hevy => hevy::place_numbered_notes(&mut session),
                Source::Fitnotes => fitnotes::name_day(&mut session),
                Source::Strong | Source::Hardset => {}
            }
            if source != Source::Hardset {
                finish_session(&mut session, &mut tally);
            }
            let day = clock.local_date(session.started_at);
            dates = Some(dates.map_or((day, day), |(a, b)| (a.min(day), b.max(day))));
            writer.session(&prepare_session(session, catalogue, &mut own, &mut unknown)?)?;
            written += 1;
            progress("writing", written, sessions);
            Ok(())
        })?;
        // The file's own exercises first: an unknown name it lists keeps what the file says.
        staging.for_each_custom(|custom| writer.custom(&custom).map_err(Failure::from))?;
        unknown.flush()?;
        staging.for_each_unknown(|name, _, muscles| {
            let equipment = Equipment::guess_from_name(&name);
            writer.custom(&CustomExercise { name, muscles, equipment, source: label.clone() })?;
            Ok::<(), Failure>(())
        })?;
        // hardset's CSV repeats a deload week on each of its sessions' rows: once each, in order.
        let sorted = delimiter != b'{';
        staging.for_each_deload_week(sorted, |monday, style| writer.deload_week(monday, style).map_err(Failure::from))
    });
    let counts = counts.map_err(|e| match e {
        Failure::Store(StoreError::Sqlite(source)) => Failure::Refused { path: shown.clone(), source },
        Failure::File(e) if e.path.is_empty() => Failure::File(with_path(e)),
        other => other,
    })?;
    let mut listed = Vec::new();
    staging
        .for_each_unknown(|name, sets, muscles| {
            if listed.len() < REPORTED_UNKNOWN {
                listed.push(Unknown { name, sets, muscles });
            }
            Ok::<(), ImportError>(())
        })
        .map_err(with_path)?;
    let unknown_count = staging.unknown_count().map_err(with_path)?;
    Ok(Report {
        path: shown.clone(),
        detected: Detected { source, variant },
        tally,
        counts,
        dates,
        unknown: listed,
        unknown_count,
        dry_run: options.dry_run,
    })
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.counts;
        let verb = if self.dry_run { "would import" } else { "imported" };
        writeln!(f, "{}: {} export ({})", self.path, self.detected.source.name(), self.detected.variant)?;
        if self.dry_run {
            writeln!(f, "dry run: nothing was written")?;
        }
        let mut text = String::new();
        let _ = writeln!(text, "sessions: {} {verb}, {} already in the log", c.sessions_added, c.sessions_present);
        let _ = writeln!(
            text,
            "sets:     {} {verb} ({} working, {} ramp-up), {} already in the log, {} rows skipped",
            c.working_added + c.ramp_up_added,
            c.working_added,
            c.ramp_up_added,
            c.working_present + c.ramp_up_present,
            self.tally.skipped_rows()
        );
        if c.sessions_differing > 0 {
            let _ = writeln!(
                text,
                "differs:  {} sessions already in the log hold a different number of sets than the file; \
                 they were left as they are",
                c.sessions_differing
            );
        }
        if let Some((first, last)) = self.dates {
            let _ = writeln!(text, "dates:    {first} to {last}");
        }
        for (reason, rows) in &self.tally.skipped {
            let _ = writeln!(text, "skipped:  {rows} {reason}");
        }
        if self.tally.repaired > 0 {
            let lines: Vec<String> = self.tally.repaired_lines.iter().map(u64::to_string).collect();
            let more = if self.tally.repaired > lines.len() as u64 { ", ..." } else { "" };
            let _ = writeln!(
                text,
                "repaired: {} rows whose exercise name held an unquoted comma (lines {}{more})",
                self.tally.repaired,
                lines.join(", ")
            );
        }
        if self.tally.note_rows > 0 {
            let _ = writeln!(text, "notes:    {} note rows put on their exercise's first set", self.tally.note_rows);
        }
        if self.tally.long_durations > 0 {
            let _ = writeln!(
                text,
                "note:     {} workouts recorded as longer than 6 hours end at their last set instead",
                self.tally.long_durations
            );
        }
        if self.tally.shortened_notes > 0 {
            let _ = writeln!(text, "note:     {} notes were cut to 2000 characters", self.tally.shortened_notes);
        }
        f.write_str(&text)?;
        if !self.unknown.is_empty() {
            writeln!(
                f,
                "{} exercises are not in the catalogue; they keep their names (their sets count for the muscles shown):",
                self.unknown_count
            )?;
            for u in &self.unknown {
                let muscles: Vec<&str> = u.muscles.iter().map(|m| m.name()).collect();
                let muscles = if muscles.is_empty() { "no muscles".to_string() } else { muscles.join(", ") };
                writeln!(f, "  {} ({} sets; {muscles})", u.name, u.sets)?;
            }
            let more = self.unknown_count.saturating_sub(self.unknown.len() as u64);
            if more > 0 {
                writeln!(f, "  ... and {more} more (`hardset exercises` lists them all)")?;
            }
            writeln!(
                f,
                "`hardset exercises` suggests the closest catalogue names; `hardset exercises map NAME KNOWN` files one under another"
            )?;
        }
        Ok(())
    }
}

/// Working or ramp-up, for the shared row readers.
pub(crate) fn kind_of(warm_up: bool) -> SetKind {
    if warm_up { SetKind::RampUp } else { SetKind::Working }
}

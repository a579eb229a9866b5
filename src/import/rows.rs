//! What every format's rows share: the set and session read from a file, the tally of what was
//! skipped and repaired, and the checks on names, reps, loads, RPE and notes.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use super::{ImportError, table};
use crate::model::exercise::{MAX_NAME_CHARS, Muscle};
use crate::model::session::{Readiness, SetEntry, SetKind};
use crate::model::units::{Load, MAX_REPS, Rir, Weight};

/// Rows that are not sets the log can hold, by reason.
pub(crate) mod skip {
    pub const EMPTY: &str = "empty (no weight and no reps)";
    pub const REST_TIMER: &str = "rest timer rows (not sets)";
    pub const TOO_MANY_REPS: &str = "more than 200 reps";
    pub const TOO_HEAVY: &str = "heavier than 1000";
    pub const NOT_DONE: &str = "planned sets never done (no completed reps)";
}

impl ParsedSet {
    /// A set from another app's row: its time comes from the workout's, no form broke.
    pub(crate) fn from_row(exercise: String, kind: SetKind, weight: Weight, reps: u16, rir: Option<Rir>) -> ParsedSet {
        ParsedSet {
            entry: SetEntry {
                exercise,
                kind,
                weight,
                reps,
                rir,
                form_broke: false,
                note: String::new(),
                ..Default::default()
            },
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
    /// Rows repaired (FitNotes names, Fitbod notes with unquoted commas).
    pub repaired: u64,
    /// What the repaired rows held: `exercise name` (FitNotes), `note` (Fitbod).
    pub repaired_field: &'static str,
    /// The first lines repaired, in file order (at most [`Tally::REPAIRED_LINES`]).
    pub repaired_lines: Vec<u64>,
    /// Note rows attached to their exercise.
    pub note_rows: u64,
    /// Workouts whose recorded duration was implausible (over 6 h), ended at their last set.
    pub long_durations: u64,
    /// Workouts whose own time was more than 6 hours from every set, started at their first set
    /// instead (Liftosaur's opened-Monday, lifted-Wednesday).
    pub moved_starts: u64,
    /// Notes cut to the 2000 characters the log holds.
    pub shortened_notes: u64,
    /// Rows of a load with 0 reps or none (Strong's `7 kg x 0`, Hevy's empty reps), kept as
    /// missed attempts.
    pub missed: u64,
}

impl Tally {
    /// How many repaired lines are kept to show.
    pub const REPAIRED_LINES: usize = 5;

    pub(crate) fn repair(&mut self, line: u64, field: &'static str) {
        self.repaired += 1;
        self.repaired_field = field;
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
/// Float noise such as `149.99999999999997` rounds to the hundredth (150). A negative weight is
/// an assistance of that size (its set is made assisted by the format's reader).
pub(crate) fn load_of(value: Option<f64>) -> Result<Load, &'static str> {
    let value = value.unwrap_or(0.0);
    Load::from_f64(value.abs()).ok_or(skip::TOO_HEAVY)
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
/// log holds, counted in `tally` by its reason. No reps and no load is not a set; 0 reps or
/// none at a load is a missed attempt, kept as a set of 0 reps and counted in `tally`, whichever
/// app wrote it; a row with a time or distance (`timed`) is a set whatever its reps, 0 when it
/// has none.
pub(crate) fn reps_and_load(
    reps: Option<f64>,
    weight: Option<f64>,
    timed: bool,
    line: u64,
    tally: &mut Tally,
) -> Result<Option<(u16, Load)>, ImportError> {
    let set = set_numbers(reps, weight, timed, line)?;
    match set {
        Err(reason) => tally.skip(reason),
        Ok((0, _)) if !timed => tally.missed += 1,
        Ok(_) => {}
    }
    Ok(set.ok())
}

fn set_numbers(
    reps: Option<f64>,
    weight: Option<f64>,
    timed: bool,
    line: u64,
) -> Result<Result<(u16, Load), &'static str>, ImportError> {
    // An assistance (a negative weight) is a load too: 0 reps at it is a missed attempt.
    let loaded = weight.unwrap_or(0.0) != 0.0;
    // A time or a distance with no reps is a hold, a carry or cardio: a set of 0 reps that the
    // caller gives its time and distance (super::measure). A load with no reps is a missed
    // attempt, as a load with 0 reps is.
    let reps = reps.or((timed || loaded).then_some(0.0));
    let Some(reps) = reps.filter(|&r| r > 0.0 || loaded || timed) else {
        return Ok(Err(skip::EMPTY));
    };
    let reps = reps_of(reps, line)?;
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

/// Adds `note` to `into`, on a line of its own.
pub(super) fn join_note(into: &mut String, note: &str) {
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

/// Working or ramp-up, for the shared row readers.
pub(crate) fn kind_of(warm_up: bool) -> SetKind {
    if warm_up { SetKind::RampUp } else { SetKind::Working }
}

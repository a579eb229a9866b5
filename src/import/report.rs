//! What an import did, as the lifter reads it.

use std::fmt::{self, Write as _};

use chrono::NaiveDate;

use super::staging::Staging;
use super::{Detected, ImportError, Tally};
use crate::model::exercise::Muscle;
use crate::store::ImportCounts;

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
            "sets:     {} {verb} ({} working, {} ramp-up), {} already in the log, {} skipped",
            c.working_added + c.ramp_up_added,
            c.working_added,
            c.ramp_up_added,
            c.working_present + c.ramp_up_present,
            counted(self.tally.skipped_rows(), "row", "rows")
        );
        if c.sessions_differing > 0 {
            let _ = writeln!(text, "{}", differing(c.sessions_differing));
        }
        body_weights(&mut text, c, verb);
        if let Some((first, last)) = self.dates {
            let _ = writeln!(text, "dates:    {first} to {last}");
        }
        for (reason, rows) in &self.tally.skipped {
            let _ = writeln!(text, "skipped:  {rows} {reason}");
        }
        if self.tally.repaired > 0 {
            let lines: Vec<String> = self.tally.repaired_lines.iter().map(u64::to_string).collect();
            let more = if self.tally.repaired > lines.len() as u64 { ", ..." } else { "" };
            let (rows, line) = if self.tally.repaired == 1 { ("row", "line") } else { ("rows", "lines") };
            let _ = writeln!(
                text,
                "repaired: {} {rows} whose {} held an unquoted comma ({line} {}{more})",
                self.tally.repaired,
                self.tally.repaired_field,
                lines.join(", ")
            );
        }
        tally_notes(&mut text, &self.tally);
        f.write_str(&text)?;
        if !self.unknown.is_empty() {
            let said = if self.unknown_count == 1 {
                "exercise is not in the catalogue; it keeps its name (its sets count for the muscles shown):"
            } else {
                "exercises are not in the catalogue; they keep their names (their sets count for the muscles shown):"
            };
            writeln!(f, "{} {said}", self.unknown_count)?;
            for u in &self.unknown {
                let muscles: Vec<&str> = u.muscles.iter().map(|m| m.name()).collect();
                let muscles = if muscles.is_empty() { "no muscles".to_string() } else { muscles.join(", ") };
                writeln!(f, "  {} ({} set{}; {muscles})", u.name, u.sets, if u.sets == 1 { "" } else { "s" })?;
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

/// The body weight line, when the file carries body weights (only hardset's own files do):
/// how many came in, how many days the log had already (its reading kept), and how many of
/// those it holds with another weight than the file's.
fn body_weights(text: &mut String, c: &ImportCounts, verb: &str) {
    if c.body_weights_added + c.body_weights_present == 0 {
        return;
    }
    let _ =
        writeln!(text, "body weights: {} {verb}, {} already in the log", c.body_weights_added, c.body_weights_present);
    if c.body_weights_differing > 0 {
        let n = c.body_weights_differing;
        let (noun, verb, was) = if n == 1 { ("weight", "differs", "was") } else { ("weights", "differ", "were") };
        let _ =
            writeln!(text, "differs:  {n} body {noun} already in the log {verb} from the file's; the log's {was} kept");
    }
}

/// The exercises the catalogue does not know that a report lists by name (the first
/// [`REPORTED_UNKNOWN`]), and how many there are.
pub(super) fn listed_unknown(staging: &Staging) -> Result<(Vec<Unknown>, u64), ImportError> {
    let mut listed = Vec::new();
    staging.for_each_unknown(|name, sets, muscles| {
        if listed.len() < REPORTED_UNKNOWN {
            listed.push(Unknown { name, sets, muscles });
        }
        Ok::<(), ImportError>(())
    })?;
    Ok((listed, staging.unknown_count()?))
}

/// `one` for a count of 1, else `many`, after the count: "1 row", "3 rows".
fn counted(count: u64, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The summary's lines on missed attempts, note rows, long workouts, moved starts and shortened
/// notes, each in the singular for one.
fn tally_notes(text: &mut String, tally: &Tally) {
    if tally.missed > 0 {
        let _ = writeln!(
            text,
            "missed:   {} (sets of 0 reps: never a record or an e1RM)",
            counted(
                tally.missed,
                "row of a load with 0 reps or none is a missed attempt",
                "rows of a load with 0 reps or none are missed attempts"
            )
        );
    }
    if tally.note_rows > 0 {
        let (one, many) = ("note row put on its exercise's first set", "note rows put on their exercise's first set");
        let _ = writeln!(text, "notes:    {}", counted(tally.note_rows, one, many));
    }
    if tally.long_durations > 0 {
        let _ = writeln!(
            text,
            "note:     {}",
            counted(
                tally.long_durations,
                "workout recorded as longer than 6 hours ends at its last set instead",
                "workouts recorded as longer than 6 hours end at their last set instead"
            )
        );
    }
    if tally.moved_starts > 0 {
        let _ = writeln!(
            text,
            "note:     {}",
            counted(
                tally.moved_starts,
                "workout starts at its first set: its own time was more than 6 hours from every set",
                "workouts start at their first set: their own time was more than 6 hours from every set"
            )
        );
    }
    if tally.shortened_notes > 0 {
        let (one, many) = ("note was cut to 2000 characters", "notes were cut to 2000 characters");
        let _ = writeln!(text, "note:     {}", counted(tally.shortened_notes, one, many));
    }
}

/// The line of sessions already in the log whose sets differ from the file's, in the singular
/// for one.
fn differing(count: u64) -> String {
    let (sessions, hold, they_were, they_are) = if count == 1 {
        ("session", "holds", "it was", "it is")
    } else {
        ("sessions", "hold", "they were", "they are")
    };
    format!(
        "differs:  {count} {sessions} already in the log {hold} a different number of sets than the file; \
         {they_were} left as {they_are}"
    )
}

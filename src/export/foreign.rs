//! Strong's and Hevy's CSV layouts, for apps and tools that read those. Each file holds one unit,
//! the one most sets were logged in (others are converted); ramp-up sets are warm-ups, RIR is
//! written as RPE (10 - RIR), catalogue exercises take the names those apps use, and times are
//! local. A hold's or cardio's time goes in `duration_seconds` / `Seconds`, its distance in
//! `distance_km` / `Distance (meters)`. Form broke, check-ins and deload weeks have no place in
//! these layouts.
//!
//! hardset reads both layouts back, and an export of what it read is the same file: workouts
//! come oldest first; notes are written without the spaces around them (the readers trim
//! fields), and in Hevy's layout a line break is `\n` (as Hevy writes it); a session still open
//! ends at its last set, and one longer than the longest workout an import believes (6 hours) is
//! written that long, since an import ends a longer one at its last set.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;

use chrono::{DateTime, Utc};

use super::Format;
use crate::clock::Clock;
use crate::import::LONGEST_WORKOUT;
use crate::import::measure::{DistanceUnit, distance_text};
use crate::model::exercise::Catalogue;
use crate::model::session::{LoggedSet, Session, SetKind};
use crate::model::units::{KG_PER_LB, Load, Rir, Unit, Weight};
use crate::store::{Store, StoreError};

/// The name another app gives a catalogue exercise: its first alias written the way Strong and
/// Hevy write names ("Bench Press (Barbell)"), else its own name.
fn foreign_name<'a>(catalogue: &'a Catalogue, name: &'a str) -> &'a str {
    catalogue
        .get(name)
        .and_then(|e| e.aliases.iter().find(|a| a.ends_with(')') && a.contains(" (")))
        .map_or(name, String::as_str)
}

/// A quoted field, as Strong and Hevy write text.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// A note as Hevy writes one: cleaned as the log keeps text, and a line break is the two
/// characters `\n`.
fn hevy_text(note: &str) -> String {
    crate::model::text::clean_note(note).trim().replace('\n', "\\n")
}

/// When a session ends in the file: its end, or its last set while it is still open; never
/// later than the longest workout an import believes, or the import would end it elsewhere.
fn written_end(session: &Session, last_set: Option<DateTime<Utc>>) -> DateTime<Utc> {
    let end = session.ended_at.or(last_set).unwrap_or(session.started_at).max(session.started_at);
    end.min(session.started_at + chrono::Duration::seconds(LONGEST_WORKOUT))
}

/// A quoted text column (a name, a note): cleaned as the log keeps text, and written so a
/// spreadsheet shows it as text (`=1+2` as `'=1+2`; hardset's import takes the `'` off again).
fn quoted_text(text: &str) -> String {
    use crate::model::text::{clean_note, spreadsheet_safe};
    quoted(&spreadsheet_safe(&clean_note(text)))
}

/// Hevy keeps one note per exercise in a workout: the notes of its sets, each with its set
/// number (`set 1: slow; set 3: grip gave`), so none is lost or moved to another set. hardset's
/// Hevy import puts each back on its set.
fn hevy_exercise_notes(sets: &[LoggedSet]) -> HashMap<(i64, String), String> {
    let mut notes: HashMap<(i64, String), String> = HashMap::new();
    let mut numbers: HashMap<(i64, String), usize> = HashMap::new();
    for set in sets {
        let key = (set.session_id, set.entry.exercise.clone());
        let number = numbers.entry(key.clone()).or_default();
        *number += 1;
        // What Hevy's layout has no column for goes first in the note (see `note_tags`).
        let carried = crate::model::session::Carried { superset: true };
        let note = hevy_text(&crate::model::session::note_with_tags(&set.entry, carried));
        if !note.is_empty() {
            let text = notes.entry(key).or_default();
            if !text.is_empty() {
                text.push_str("; ");
            }
            let _ = write!(text, "set {number}: {note}");
        }
    }
    notes
}

pub(super) fn write(
    store: &Store,
    format: Format,
    sessions: &HashMap<i64, Session>,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    let io = |e: std::io::Error| StoreError::Io { path: "the export".into(), source: e };
    let sets = oldest_first(store)?;
    let last_sets = last_set_times(&sets);
    let unit = most_used_unit(&sets);
    writeln!(out, "{}", header(format, unit)).map_err(io)?;
    let hevy_notes = if format == Format::Hevy { hevy_exercise_notes(&sets) } else { HashMap::new() };
    let mut lines = Lines { unit, clock, catalogue: Catalogue::shipped(), hevy_notes, numbers: Numbers::default() };
    for set in &sets {
        let Some(session) = sessions.get(&set.session_id) else {
            continue;
        };
        let ended_at = written_end(session, last_sets.get(&session.id).copied());
        let line = match format {
            Format::Hevy => lines.hevy(set, session, ended_at),
            _ => lines.strong(set, session, ended_at),
        };
        writeln!(out, "{line}").map_err(io)?;
    }
    Ok(())
}

/// Every set in the log, oldest workout first, as an import of the file orders them.
fn oldest_first(store: &Store) -> Result<Vec<LoggedSet>, StoreError> {
    let mut sets: Vec<LoggedSet> = Vec::new();
    store.for_each_set(|set| {
        sets.push(set.clone());
        Ok(())
    })?;
    sets.sort_by_key(|s| (s.session_started_at, s.session_id, s.id));
    Ok(sets)
}

/// When each session's last set was logged.
fn last_set_times(sets: &[LoggedSet]) -> HashMap<i64, DateTime<Utc>> {
    let mut last_sets: HashMap<i64, DateTime<Utc>> = HashMap::new();
    for set in sets {
        let last = last_sets.entry(set.session_id).or_insert(set.logged_at);
        *last = (*last).max(set.logged_at);
    }
    last_sets
}

/// The file's one unit: the one most sets were logged in (kg when it is a tie).
fn most_used_unit(sets: &[LoggedSet]) -> Unit {
    let lb = sets.iter().filter(|s| s.entry.weight.unit == Unit::Lb).count();
    if lb * 2 > sets.len() { Unit::Lb } else { Unit::Kg }
}

/// The header line of each layout, its weight column in `unit`.
fn header(format: Format, unit: Unit) -> String {
    let unit_name = if unit == Unit::Kg { "kg" } else { "lbs" };
    match format {
        Format::Hevy => format!(
            "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\
             \"exercise_notes\",\"set_index\",\"set_type\",\"weight_{unit_name}\",\"reps\",\"distance_km\",\
             \"duration_seconds\",\"rpe\""
        ),
        _ => format!(
            "\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";\"Exercise Name\";\"Set Order\";\
             \"Weight ({unit_name})\";\"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";\"Workout Notes\""
        ),
    }
}

/// A weight in the file's `unit`, converted when it was logged in the other.
fn weight_in(w: Weight, unit: Unit) -> String {
    let value = match (w.unit, unit) {
        (Unit::Kg, Unit::Lb) => w.load.as_f64() / KG_PER_LB,
        (Unit::Lb, Unit::Kg) => w.load.as_f64() * KG_PER_LB,
        _ => w.load.as_f64(),
    };
    Load::from_f64(value).unwrap_or_default().to_string()
}

/// A set's weight: its load, or for a set on body weight its belt; an assistance is written
/// negative (as Strong writes one), so it never comes back as a belt, except on an assisted
/// exercise, whose weight is its assistance.
fn set_weight(e: &crate::model::session::SetEntry, unit: Unit, catalogue: &Catalogue) -> String {
    let text = weight_in(e.weight, unit);
    let assisted = e.basis == crate::model::session::Basis::Assisted && e.weight.load.hundredths() > 0;
    // The catalogue's assisted exercises, as the import reads them back (any exercise of the
    // log's own is read by the sign).
    let assisted_exercise = catalogue.get(&e.exercise).is_some_and(|k| {
        k.equipment == crate::model::exercise::Equipment::Bodyweight && k.name.starts_with("Assisted")
    });
    if assisted && !assisted_exercise { format!("-{text}") } else { text }
}

/// RIR written as RPE (10 - RIR); empty when unknown.
fn rpe(rir: Option<Rir>) -> String {
    rir.map(|r| format!("{}", 10.0 - r.as_f64())).unwrap_or_default()
}

/// Strong numbers working sets per exercise within a workout (warm-ups are W); Hevy numbers
/// every set of an exercise from 0, warm-ups included.
#[derive(Default)]
struct Numbers {
    /// Strong's: working sets so far, by session and exercise.
    working: HashMap<(i64, String), usize>,
    /// Hevy's: sets so far, by session and exercise.
    all: HashMap<(i64, String), usize>,
    /// Strong's workout numbers, by session.
    workouts: HashMap<i64, usize>,
    /// Hevy's superset ids: each session's group labels in order of appearance (the first is 0).
    supersets: HashMap<i64, Vec<String>>,
}

impl Numbers {
    /// Hevy's `superset_id` of a set in the group `label`: the group's place among the
    /// session's groups from 0, by order of appearance (as Hevy numbers them); empty for none.
    fn superset_id(&mut self, session: i64, label: Option<&str>) -> String {
        let Some(label) = label else { return String::new() };
        let seen = self.supersets.entry(session).or_default();
        let n = seen.iter().position(|l| l == label).unwrap_or_else(|| {
            seen.push(label.to_string());
            seen.len() - 1
        });
        n.to_string()
    }
}

/// What a set's line needs besides the set and its session.
struct Lines<'a> {
    unit: Unit,
    clock: &'a dyn Clock,
    catalogue: Catalogue,
    hevy_notes: HashMap<(i64, String), String>,
    numbers: Numbers,
}

impl Lines<'_> {
    /// A set as a line of Hevy's layout.
    fn hevy(&mut self, set: &LoggedSet, session: &Session, ended_at: DateTime<Utc>) -> String {
        let e = &set.entry;
        let key = (session.id, e.exercise.clone());
        let name = foreign_name(&self.catalogue, &e.exercise);
        let ramp = e.kind == SetKind::RampUp;
        let index = self.numbers.all.entry(key.clone()).or_default();
        let hevy_index = *index;
        *index += 1;
        let start = self.clock.local(session.started_at);
        let set_type = match (ramp, e.rir.map(Rir::halves)) {
            (true, _) => "warmup",
            // Hevy's one technique: a drop set (rest-pause and myo-reps have no type there).
            _ if e.technique == Some(crate::model::session::Technique::Drop) => "dropset",
            (false, Some(0)) => "failure",
            _ => "normal",
        };
        let at = |t: chrono::DateTime<chrono::FixedOffset>| t.format("%-d %b %Y, %H:%M").to_string();
        let superset_id = self.numbers.superset_id(session.id, e.superset.as_deref());
        format!(
            "{},{},{},{},{},{superset_id},{},{hevy_index},{},{},{},{},{},{}",
            quoted_text(&session.day_name),
            quoted(&at(start)),
            quoted(&at(self.clock.local(ended_at))),
            quoted_text(&hevy_text(&session.note)),
            quoted_text(name),
            quoted_text(self.hevy_notes.get(&key).map_or("", String::as_str)),
            quoted(set_type),
            set_weight(e, self.unit, &self.catalogue),
            e.reps,
            distance_text(e.distance, DistanceUnit::KILOMETRES),
            e.seconds.unwrap_or(0),
            rpe(e.rir),
        )
    }

    /// A set as a line of Strong's layout.
    fn strong(&mut self, set: &LoggedSet, session: &Session, ended_at: DateTime<Utc>) -> String {
        let e = &set.entry;
        let key = (session.id, e.exercise.clone());
        let name = foreign_name(&self.catalogue, &e.exercise);
        let ramp = e.kind == SetKind::RampUp;
        let start = self.clock.local(session.started_at);
        let next = self.numbers.workouts.len() + 1;
        let number = *self.numbers.workouts.entry(session.id).or_insert(next);
        let order = if ramp {
            "W".to_string()
        } else if e.technique == Some(crate::model::session::Technique::Drop) {
            // Strong's drop set, unnumbered, after the set it drops from.
            "D".to_string()
        } else {
            let n = self.numbers.working.entry(key).or_default();
            *n += 1;
            n.to_string()
        };
        let duration = (ended_at - session.started_at).num_seconds();
        format!(
            "{};{};{};{};{};{};{};{};{};{};{};{};{}",
            quoted(&number.to_string()),
            quoted(&start.format("%Y-%m-%d %H:%M:%S").to_string()),
            quoted_text(&session.day_name),
            quoted(&duration.to_string()),
            quoted_text(name),
            quoted(&order),
            quoted(&set_weight(e, self.unit, &self.catalogue)),
            quoted(&e.reps.to_string()),
            quoted(&rpe(e.rir)),
            quoted(&distance_text(e.distance, DistanceUnit::METRES)),
            quoted(&e.seconds.map(|s| s.to_string()).unwrap_or_default()),
            // What Strong's layout has no column for goes first in the note (see `note_tags`).
            quoted_text(&crate::model::session::note_with_tags(e, crate::model::session::Carried { superset: false })),
            quoted_text(session.note.trim()),
        )
    }
}

//! Hevy's `workout_data.csv`: one row a set, every text quoted. `set_type` is `warmup` (a
//! ramp-up set here), `normal`, `failure` or `dropset`; the unit is in the weight column's name
//! (`weight_kg` or `weight_lbs`); dates read `15 Sep 2025, 07:48`, the day not always padded, the
//! month in the phone's language (`11 Nis 2026, 13:05`);
//! notes may hold a literal `\n` for a line break; bodyweight sets have an empty weight.

mod months;
mod superset;

pub(super) use superset::label_supersets;

use std::cell::RefCell;

use super::ImportError;
use super::measure::{self, DistanceUnit, Measured};
use super::reader::Records;
use super::rows::{ParsedSession, ParsedSet, Tally, clean_name, kind_of};
use super::staging::Sessions;
use super::table::{self, Row, for_each_row, local_time, resolve_unit, unit_in_name};
use crate::clock::Clock;
use crate::model::units::{Unit, Weight};

struct Layout {
    title: usize,
    start: usize,
    end: Option<usize>,
    description: Option<usize>,
    exercise: usize,
    notes: Option<usize>,
    set_type: usize,
    weight: Option<usize>,
    reps: usize,
    distance: Option<usize>,
    duration: Option<usize>,
    rpe: Option<usize>,
    superset: Option<usize>,
    unit: Unit,
    distance_unit: DistanceUnit,
    /// The first month name read that was not English, for the summary.
    translated: RefCell<Option<months::Translated>>,
}

/// Reads the rows into `sessions`; returns the variant, in words. Hevy writes the newest
/// workout first; the log reads better oldest first, so its sessions are written by start.
pub(super) fn parse(
    records: &mut Records,
    flag: Option<Unit>,
    clock: &dyn Clock,
    sessions: &mut Sessions<'_>,
    tally: &mut Tally,
    progress: &mut dyn FnMut(u64),
) -> Result<String, ImportError> {
    let cols = table::header(records)?;
    // A header without Hevy's own columns is not Hevy's: said before the unit is asked for.
    cols.app_columns("Hevy", &["exercise_title", "set_type", "start_time"])?;
    let weight = cols.find(&["weight_kg", "weight_lbs", "weight_lb", "weight"]);
    let in_header = weight.and_then(|w| unit_in_name(&cols.names()[w]));
    let unit = resolve_unit(in_header, flag, "Hevy")?;
    let distance = cols.find(&["distance_km", "distance_miles", "distance_meters", "distance"]);
    let layout = Layout {
        title: cols.need("title")?,
        start: cols.need("start_time")?,
        end: cols.find(&["end_time"]),
        description: cols.find(&["description"]),
        exercise: cols.need("exercise_title")?,
        notes: cols.find(&["exercise_notes"]),
        set_type: cols.need("set_type")?,
        weight,
        reps: cols.need("reps")?,
        distance,
        distance_unit: distance
            .and_then(|d| DistanceUnit::in_column_name(&cols.names()[d]))
            .unwrap_or(DistanceUnit::KILOMETRES),
        duration: cols.find(&["duration_seconds"]),
        rpe: cols.find(&["rpe"]),
        superset: cols.find(&["superset_id"]),
        unit,
        translated: RefCell::new(None),
    };
    for_each_row(records, &cols, progress, |_, row| {
        tally.rows += 1;
        read_row(row, sessions, tally, clock, &layout)?;
        sessions.check(row.line)
    })?;
    let from = if in_header.is_some() { "from the header" } else { "from --unit" };
    Ok(match layout.translated.into_inner() {
        Some(t) => format!(
            "weights in {unit} {from}; dates with month names in the phone's language (\"{}\" read as {})",
            t.word, t.english
        ),
        None => format!("weights in {unit} {from}; dates in English"),
    })
}

/// Puts each note of an exercise written as hardset's Hevy export writes them (`set 1: slow; set 3:
/// grip gave`, numbered among the exercise's sets in the workout) back on its set. Any other
/// exercise note stays one, for the exercise's first set.
pub(super) fn place_numbered_notes(session: &mut ParsedSession) {
    let sets = &mut session.sets;
    session.exercise_notes.retain(|(exercise, note)| {
        let mut of_exercise: Vec<&mut ParsedSet> = sets.iter_mut().filter(|s| s.entry.exercise == *exercise).collect();
        let Some(pieces) = numbered_notes(note, of_exercise.len()) else { return true };
        for (number, text) in pieces {
            super::rows::join_note(&mut of_exercise[number - 1].entry.note, text);
        }
        false
    });
}

/// The pieces of `set 1: slow; set 3: grip gave` with their set numbers, if the whole note reads
/// so, with numbers rising from 1 up to `sets`.
fn numbered_notes(note: &str, sets: usize) -> Option<Vec<(usize, &str)>> {
    /// Where `text` has the next `; set N: `, and the text after its `; `.
    fn next_piece(text: &str) -> Option<(usize, &str)> {
        text.match_indices("; set ").map(|(at, _)| (at, &text[at + 2..])).find(|(_, rest)| piece_number(rest).is_some())
    }
    /// `N` and the text after `set N: `.
    fn piece_number(text: &str) -> Option<(usize, &str)> {
        let rest = text.strip_prefix("set ")?;
        let digits = rest.find(|c: char| !c.is_ascii_digit())?;
        let number = rest[..digits].parse().ok()?;
        Some((number, rest[digits..].strip_prefix(": ")?))
    }
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    let mut rest = note;
    loop {
        let (number, after) = piece_number(rest)?;
        let previous = pieces.last().map_or(0, |p| p.0);
        if number <= previous || number > sets {
            return None;
        }
        match next_piece(after) {
            Some((end, next)) => {
                pieces.push((number, &after[..end]));
                rest = next;
            }
            None => {
                pieces.push((number, after));
                return Some(pieces);
            }
        }
    }
}

/// Hevy writes a line break in a note as the two characters `\n`.
fn unescape(note: &str) -> String {
    note.replace("\\n", "\n").trim().to_string()
}

fn read_row(
    row: &Row<'_>,
    sessions: &mut Sessions<'_>,
    tally: &mut Tally,
    clock: &dyn Clock,
    l: &Layout,
) -> Result<(), ImportError> {
    let start_text = row.get(l.start);
    let parse_time = |text: &str, column: &str| match months::in_english(text) {
        Ok((english, translated)) => {
            if l.translated.borrow().is_none() {
                *l.translated.borrow_mut() = translated;
            }
            local_time(&english).ok_or_else(|| {
                row.error(format!("{column} \"{text}\" is not a date and time such as 15 Sep 2025, 07:48"))
            })
        }
        Err(word) => Err(row.error(format!(
            "{column} \"{text}\": \"{word}\" names a different month in two of the languages Hevy writes"
        ))),
    };
    let started = parse_time(start_text, "start_time")?;
    let ended = match row.get_opt(l.end) {
        "" => None,
        text => Some(parse_time(text, "end_time")?),
    };
    let day_name = match row.get(l.title) {
        "" => "Hevy workout".to_string(),
        name => clean_name(name, row.line, "workout title")?,
    };
    let key = format!("{start_text}|{day_name}");
    let session = sessions.entry(&key, || ParsedSession {
        started_at: clock.utc_of_local(started),
        ended_at: ended.map(|e| clock.utc_of_local(e)),
        day_name,
        note: unescape(row.get_opt(l.description)),
        ..ParsedSession::default()
    })?;
    let exercise = clean_name(row.get(l.exercise), row.line, "exercise_title")?;
    let note = unescape(row.get_opt(l.notes));
    // Hevy repeats an exercise's note on each of its rows: keep each different note once.
    if !note.is_empty() && !session.exercise_notes.iter().any(|(e, n)| *e == exercise && *n == note) {
        session.exercise_notes.push((exercise.clone(), note));
    }
    let set_type = row.get(l.set_type);
    let (warm_up, drop, failure) = match set_type.to_ascii_lowercase().as_str() {
        "warmup" | "warm-up" | "warm_up" => (true, false, false),
        "normal" | "" => (false, false, false),
        "dropset" | "drop_set" => (false, true, false),
        "failure" => (false, false, true),
        other => {
            return Err(row.error(format!("set_type \"{other}\" is not warmup, normal, failure or dropset")));
        }
    };
    let weight = row.number(l.weight, "weight")?;
    let reps = row.number(Some(l.reps), "reps")?;
    // Hevy writes duration_seconds 0 on a set of reps: 0 is no time.
    let measured = Measured {
        seconds: measure::seconds_in(row, l.duration, "duration_seconds")?,
        distance: measure::distance_in(row, l.distance, l.distance_unit, "distance")?,
    };
    let Some((reps, load)) = super::rows::reps_and_load(reps, weight, measured.any(), row.line, tally)? else {
        return Ok(());
    };
    let rir = super::rows::rir_of(row.number(l.rpe, "rpe")?, failure, row.line, "rpe")?;
    let mut set = ParsedSet::from_row(exercise, kind_of(warm_up), Weight::new(load, l.unit), reps, rir);
    super::bodyweight::assistance(weight, &mut set.entry);
    measured.apply(&mut set.entry);
    if drop {
        super::techniques::drop_set(&mut set);
    }
    set.entry.superset = superset::id_of(row.get_opt(l.superset));
    session.sets.push(set);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::numbered_notes;

    #[test]
    fn numbered_notes_split_only_as_hardset_writes_them() {
        assert_eq!(numbered_notes("set 1: slow; set 3: grip gave", 3), Some(vec![(1, "slow"), (3, "grip gave")]));
        // A "; " or "set" inside a note's text stays in it.
        assert_eq!(numbered_notes("set 2: burn, then; more", 2), Some(vec![(2, "burn, then; more")]));
        assert_eq!(numbered_notes("set 1: set 2: x", 2), Some(vec![(1, "set 2: x")]));
        // Anything else is an exercise note as Hevy writes one.
        assert_eq!(numbered_notes("set 4: x", 3), None, "no fourth set");
        assert_eq!(numbered_notes("set 2: a; set 1: b", 3), None, "numbers rise");
        assert_eq!(numbered_notes("set 0: x", 3), None);
        assert_eq!(numbered_notes("Seat at 4", 3), None);
        assert_eq!(numbered_notes("set one: x", 3), None);
    }
}

//! Strong's CSV export: the current semicolon format (`"Workout #";"Date";...;"Weight (kg)"`),
//! the older comma format with no unit anywhere (so `--unit` is required), and the variant with
//! a `Weight Unit` column. `Set Order` is a number for a set, `W` for a warm-up (a ramp-up set
//! here), `D` for a drop set, `F` for a set to failure, `Note` for an exercise note and
//! `Rest Timer` for a rest (not a set).

use std::cell::Cell;

use chrono::Duration;

use super::ImportError;
use super::languages;
use super::measure::{self, DistanceUnit, Measured};
use super::reader::Records;
use super::rows::{ParsedSession, ParsedSet, Tally, clean_name, kind_of, skip};
use super::staging::Sessions;
use super::table::{self, Row, for_each_row, local_time, resolve_unit, unit_in_name};
use crate::clock::Clock;
use crate::model::units::{KG_PER_LB, Unit, Weight};

enum UnitFrom {
    Header(Unit),
    Column(usize),
    Flag(Unit),
    /// Not said, and no `--unit`: the rows are read for a likely unit to offer, then refused.
    Unknown,
}

/// Reads the rows into `sessions`; returns the variant, in words.
pub(super) fn parse(
    records: &mut Records,
    delimiter: u8,
    flag: Option<Unit>,
    clock: &dyn Clock,
    sessions: &mut Sessions<'_>,
    tally: &mut Tally,
    progress: &mut dyn FnMut(u64),
) -> Result<String, ImportError> {
    let (cols, language) = in_english(table::header(records)?);
    let date = cols.need("Date")?;
    let workout = cols.need("Workout Name")?;
    let exercise = cols.need("Exercise Name")?;
    let set_order = cols.need("Set Order")?;
    let reps = cols.need("Reps")?;
    let workout_no = cols.find(&["Workout #"]);
    let duration = cols.find(&["Duration (sec)", "Duration", "Workout Duration"]);
    let rpe = cols.find(&["RPE"]);
    let distance = cols.names().iter().position(|n| {
        let n = n.to_lowercase();
        (n.starts_with("distance") && !n.contains("unit")) || n == "km" || n == "mi"
    });
    let seconds = cols.find(&["Seconds"]);
    let distance_unit = distance_unit(&cols, distance);
    let notes = cols.find(&["Notes"]);
    let workout_notes = cols.find(&["Workout Notes"]);
    let (weight, unit_from, variant) = weights(&cols, delimiter, flag)?;
    let variant = match (language, workout_no) {
        (Some(language), _) => format!("{language}; {variant}"),
        (None, Some(_)) => format!("numbered layout, {variant}"),
        (None, None) => variant,
    };

    let layout = Layout {
        date,
        workout,
        exercise,
        set_order,
        reps,
        weight,
        workout_no,
        duration,
        rpe,
        distance,
        seconds,
        distance_unit,
        notes,
        workout_notes,
        unit_from: &unit_from,
        last_unit: Cell::new(None),
        converted: Cell::new(None),
    };
    for_each_row(records, &cols, progress, |_, row| {
        tally.rows += 1;
        read_row(row, sessions, tally, clock, &layout)?;
        sessions.check(row.line)
    })?;
    if let UnitFrom::Unknown = unit_from {
        return Err(unit_question(layout.converted.get()));
    }
    Ok(variant)
}

/// The refusal of a file that does not say its unit, offering the likely one when a weight
/// shows it: a kg load converted to lb, with the long decimals of the conversion
/// (`44.09245243697551` is 20 kg), is an account in lb.
fn unit_question(converted: Option<f64>) -> ImportError {
    let likely = converted.map_or(String::new(), |w| {
        let kg = (w * KG_PER_LB * 4.0).round() / 4.0;
        format!(" (likely lb: its weights such as {w} are kg plates converted to lb, {kg} kg)")
    });
    ImportError::whole(format!(
        "this Strong (older format) export does not say whether its weights are kg or lb, and hardset will not \
         guess: run the import again with --unit kg or --unit lb{likely}"
    ))
}

/// Whether `weight` is a kg load (a quarter kilogram) written in lb with the conversion's long
/// decimals, as no one types it.
fn kg_in_lb(weight: f64) -> bool {
    table::converted_quarter(weight, &[KG_PER_LB]).is_some()
}

/// The header's columns under their English names, and what it was written in when it was
/// not English: a language hardset knows, or, for a header of the older layout's twelve
/// columns in another, their order.
fn in_english(cols: table::Columns) -> (table::Columns, Option<String>) {
    if cols.find(&["Exercise Name"]).is_some() {
        return (cols, None);
    }
    if let Some((language, names)) = languages::strong_header(cols.names()) {
        return (table::Columns::new(names.iter().map(String::as_str)), Some(format!("header in {language}")));
    }
    match languages::by_order(cols.names()) {
        Some(names) => (
            table::Columns::new(names.iter().map(String::as_str)),
            Some("header in a language hardset does not know, read by the order of its columns".to_string()),
        ),
        None => (cols, None),
    }
}

/// The weight column, where its unit comes from, and the variant in words: a `Weight Unit`
/// column on every row, a unit in the weight column's name (`Weight (kg)`, or the column named
/// `kg` or `lbs` itself as in the 2015-2016 layout), or `--unit` for the older comma layout.
fn weights(cols: &table::Columns, delimiter: u8, flag: Option<Unit>) -> Result<(usize, UnitFrom, String), ImportError> {
    let separator = if delimiter == b';' { "semicolon-separated" } else { "comma-separated" };
    if let Some(weight) = cols.names().iter().position(|n| Unit::parse(n).is_some()) {
        let unit = resolve_unit(Unit::parse(&cols.names()[weight]), flag, "Strong")?;
        let variant = format!("{separator} 2015-2016 layout, weights in {unit} from the header");
        return Ok((weight, UnitFrom::Header(unit), variant));
    }
    let weight = cols.weight()?;
    if let Some(col) = cols.find(&["Weight Unit"]) {
        if flag.is_some() {
            return Err(ImportError::at(1, "each row names its unit (Weight Unit column): leave --unit out"));
        }
        return Ok((weight, UnitFrom::Column(col), format!("{separator}, a unit on every row")));
    }
    if let Some(unit) = unit_in_name(&cols.names()[weight]) {
        let unit = resolve_unit(Some(unit), flag, "Strong")?;
        return Ok((weight, UnitFrom::Header(unit), format!("{separator}, weights in {unit} from the header")));
    }
    let Some(unit) = flag else {
        return Ok((weight, UnitFrom::Unknown, String::new()));
    };
    let variant = format!("{separator} older format with no unit column, weights in {unit} from --unit");
    Ok((weight, UnitFrom::Flag(unit), variant))
}

struct Layout<'a> {
    date: usize,
    workout: usize,
    exercise: usize,
    set_order: usize,
    reps: usize,
    weight: usize,
    workout_no: Option<usize>,
    duration: Option<usize>,
    rpe: Option<usize>,
    distance: Option<usize>,
    seconds: Option<usize>,
    distance_unit: DistanceFrom,
    notes: Option<usize>,
    workout_notes: Option<usize>,
    unit_from: &'a UnitFrom,
    /// The unit of the last row that named one: a bodyweight row names none.
    last_unit: Cell<Option<Unit>>,
    /// With no unit said, the first weight that is a kg load converted to lb.
    converted: Cell<Option<f64>>,
}

fn read_row(
    row: &Row<'_>,
    sessions: &mut Sessions<'_>,
    tally: &mut Tally,
    clock: &dyn Clock,
    l: &Layout<'_>,
) -> Result<(), ImportError> {
    let session = workout_of(row, sessions, clock, l)?;
    let exercise = clean_name(row.get(l.exercise), row.line, "exercise name")?;
    let note = row.get_opt(l.notes).to_string();
    let mark = match set_order(row, row.get(l.set_order))? {
        SetOrder::RestTimer => {
            tally.skip(skip::REST_TIMER);
            return Ok(());
        }
        SetOrder::Note => {
            tally.note_rows += 1;
            if !note.is_empty() {
                session.exercise_notes.push((exercise, note));
            }
            return Ok(());
        }
        SetOrder::Set(mark) => mark,
    };
    if let Some(mut set) = set_of(row, tally, l, exercise, note, mark)? {
        if mark.drop {
            super::techniques::drop_set(&mut set);
        }
        session.sets.push(set);
    }
    Ok(())
}

/// The workout a row belongs to, begun when it is the first row of it; the workout's note
/// joins its own.
fn workout_of<'s>(
    row: &Row<'_>,
    sessions: &'s mut Sessions<'_>,
    clock: &dyn Clock,
    l: &Layout<'_>,
) -> Result<&'s mut ParsedSession, ImportError> {
    let started_text = row.get(l.date);
    let started = local_time(started_text).ok_or_else(|| {
        row.error(format!("Date \"{started_text}\" is not a date and time such as 2024-11-28 17:36:08"))
    })?;
    let day_name = match row.get(l.workout) {
        "" => "Strong workout".to_string(),
        name => clean_name(name, row.line, "workout name")?,
    };
    // A workout is its number, date and name together: a number reused for another workout
    // (an export stitched from two accounts) must not merge the two.
    let key = format!("{}|{started_text}|{day_name}", row.get_opt(l.workout_no));
    let seconds_long = match row.get_opt(l.duration) {
        "" => None,
        text => Some(
            table::duration_seconds(&languages::duration_in_english(text))
                .ok_or_else(|| row.error(format!("Duration \"{text}\" is not a duration such as 2134 or 1h 3m")))?,
        ),
    };
    let session = sessions.entry(&key, || {
        let started_at = clock.utc_of_local(started);
        ParsedSession {
            started_at,
            ended_at: seconds_long.map(|s| started_at + Duration::seconds(s)),
            day_name,
            ..ParsedSession::default()
        }
    })?;
    let workout_note = row.get_opt(l.workout_notes);
    if !workout_note.is_empty() && !session.note.contains(workout_note) {
        super::rows::join_note(&mut session.note, workout_note);
    }
    Ok(session)
}

/// What a row's `Set Order` says it is.
enum SetOrder {
    /// A rest, not a set.
    RestTimer,
    /// A note on the exercise.
    Note,
    /// A set.
    Set(Mark),
}

/// How a set is marked: a warm-up (`W`), a drop set (`D`), a set to failure (`F`), or none of
/// them (a set number).
#[derive(Clone, Copy)]
struct Mark {
    warm_up: bool,
    drop: bool,
    failure: bool,
}

/// Reads `Set Order`: a set number, `W`, `D`, `F`, `Note` or `Rest Timer`, any case.
fn set_order(row: &Row<'_>, order: &str) -> Result<SetOrder, ImportError> {
    if languages::is_rest_timer(order) {
        return Ok(SetOrder::RestTimer);
    }
    let (warm_up, drop, failure) = match order.to_ascii_lowercase().as_str() {
        "note" => return Ok(SetOrder::Note),
        "w" => (true, false, false),
        "d" => (false, true, false),
        "f" => (false, false, true),
        digits if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => (false, false, false),
        other => {
            return Err(row.error(format!("Set Order \"{other}\" is not a set number, W, D, F, Note or Rest Timer")));
        }
    };
    Ok(SetOrder::Set(Mark { warm_up, drop, failure }))
}

/// The set a row holds, or `None` when it is not one the log holds (counted in `tally`).
fn set_of(
    row: &Row<'_>,
    tally: &mut Tally,
    l: &Layout<'_>,
    exercise: String,
    note: String,
    Mark { warm_up, failure, .. }: Mark,
) -> Result<Option<ParsedSet>, ImportError> {
    let weight = row.number(Some(l.weight), "Weight")?;
    let reps = row.number(Some(l.reps), "Reps")?;
    let measured = measured(row, l)?;
    let Some((reps, load)) = super::rows::reps_and_load(reps, weight, measured.any(), row.line, tally)? else {
        return Ok(None);
    };
    let unit = match l.unit_from {
        UnitFrom::Header(unit) | UnitFrom::Flag(unit) => *unit,
        UnitFrom::Unknown => {
            if l.converted.get().is_none() && weight.is_some_and(kg_in_lb) {
                l.converted.set(weight);
            }
            Unit::Kg
        }
        // A bodyweight set, a walk or a plank with no load names no unit: its 0 is the same in
        // either, so it takes the unit of the rows around it.
        UnitFrom::Column(col) if row.get(*col).is_empty() && load.hundredths() == 0 => {
            l.last_unit.get().unwrap_or(Unit::Kg)
        }
        UnitFrom::Column(col) => {
            let text = row.get(*col);
            let unit = Unit::parse(text).ok_or_else(|| row.error(format!("Weight Unit \"{text}\" is not kg or lb")))?;
            l.last_unit.set(Some(unit));
            unit
        }
    };
    let rir = super::rows::rir_of(row.number(l.rpe, "RPE")?, failure, row.line, "RPE")?;
    let mut set = ParsedSet::from_row(exercise, kind_of(warm_up), Weight::new(load, unit), reps, rir);
    super::bodyweight::assistance(weight, &mut set.entry);
    set.entry.note = note;
    measured.apply(&mut set.entry);
    Ok(Some(set))
}

/// Where a Strong row's distance unit comes from: the column's name (`Distance (meters)`,
/// `km`), a `Distance Unit` column on every row, or, for the older comma layout that names none,
/// kilometres (the real legacy export's rows read 0.5 for a 2-minute row on the machine: 500 m,
/// where half a mile would be beyond a world record).
enum DistanceFrom {
    Fixed(DistanceUnit),
    Column(usize),
}

fn distance_unit(cols: &table::Columns, distance: Option<usize>) -> DistanceFrom {
    if let Some(col) = cols.find(&["Distance Unit"]) {
        return DistanceFrom::Column(col);
    }
    let named = distance.and_then(|d| DistanceUnit::in_column_name(&cols.names()[d]));
    DistanceFrom::Fixed(named.unwrap_or(DistanceUnit::KILOMETRES))
}

/// The row's time (`Seconds`) and distance, in its unit.
fn measured(row: &Row<'_>, l: &Layout<'_>) -> Result<Measured, ImportError> {
    let unit = match l.distance_unit {
        DistanceFrom::Fixed(unit) => unit,
        DistanceFrom::Column(col) => match row.get(col) {
            "" => DistanceUnit::KILOMETRES,
            text => DistanceUnit::parse(text)
                .ok_or_else(|| row.error(format!("Distance Unit \"{text}\" is not km, m, mi, ft or yd")))?,
        },
    };
    Ok(Measured {
        seconds: measure::seconds_in(row, l.seconds, "Seconds")?,
        distance: measure::distance_in(row, l.distance, unit, "Distance")?,
    })
}

//! FitNotes' CSV export: `Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance
//! Unit,Time`, with a `Comment` (the set's note) in newer ones, or the older `Weight (kgs)` /
//! `Weight (lbs)` header with the unit in its name. There is no time of day and no workout: each
//! date that holds a set is one session, named after its categories, and the category
//! says which muscles an exercise the catalogue does not know works. Custom exercise names with
//! a comma are not quoted, so such a row has too many fields: the extra fields are the rest of
//! the name, and the row is repaired rather than dropped.

use chrono::NaiveTime;

use super::ImportError;
use super::measure::{self, DistanceUnit, Measured};
use super::reader::Records;
use super::rows::{ParsedSession, ParsedSet, Tally, clean_name};
use super::staging::Sessions;
use super::table::{self, Row, date, for_each_row, resolve_unit, unit_in_name};
use crate::clock::Clock;
use crate::model::exercise::Muscle;
use crate::model::session::SetKind;
use crate::model::units::{Unit, Weight};

/// The muscles a FitNotes category stands for, counted fully. Shoulders are split by the name:
/// rear delts for a rear-delt movement, front delts for a press, side delts otherwise.
fn muscles(category: &str, exercise: &str) -> &'static [Muscle] {
    let exercise = exercise.to_lowercase();
    match category.trim().to_lowercase().as_str() {
        "chest" => &[Muscle::Chest],
        "back" => &[Muscle::Lats, Muscle::UpperBack],
        "shoulders" if exercise.contains("rear") || exercise.contains("face pull") => &[Muscle::RearDelts],
        "shoulders" if exercise.contains("press") => &[Muscle::FrontDelts],
        "shoulders" => &[Muscle::SideDelts],
        "biceps" => &[Muscle::Biceps],
        "triceps" => &[Muscle::Triceps],
        "legs" => &[Muscle::Quads],
        "abs" | "core" => &[Muscle::Abs],
        "forearms" => &[Muscle::Forearms],
        "calves" => &[Muscle::Calves],
        "glutes" => &[Muscle::Glutes],
        "hamstrings" => &[Muscle::Hamstrings],
        "quads" | "quadriceps" => &[Muscle::Quads],
        _ => &[],
    }
}

struct Layout {
    date: usize,
    exercise: usize,
    category: usize,
    weight: usize,
    unit_column: Option<usize>,
    unit: Option<Unit>,
    reps: usize,
    distance: Option<usize>,
    distance_unit: Option<usize>,
    time: Option<usize>,
    comment: Option<usize>,
}

/// FitNotes does not record the time of day: a day's session is put at noon.
const NOON: NaiveTime = NaiveTime::from_hms_opt(12, 0, 0).expect("noon is a time");

/// Reads the rows into `sessions`; returns the variant, in words. Sessions are written by
/// date, each named by [`name_day`].
pub(super) fn parse(
    records: &mut Records,
    flag: Option<Unit>,
    clock: &dyn Clock,
    sessions: &mut Sessions<'_>,
    tally: &mut Tally,
    progress: &mut dyn FnMut(u64),
) -> Result<String, ImportError> {
    let cols = table::header(records)?;
    let weight = cols.weight()?;
    let unit_column = cols.find(&["Weight Unit"]);
    let (unit, variant) = match unit_column {
        Some(_) => {
            if flag.is_some() {
                return Err(ImportError::at(1, "each row names its unit (Weight Unit column): leave --unit out"));
            }
            (None, "a unit on every row, in its Weight Unit column".to_string())
        }
        None => {
            let unit = resolve_unit(unit_in_name(&cols.names()[weight]), flag, "FitNotes")?;
            (Some(unit), format!("weights in {unit} from the header"))
        }
    };
    let layout = Layout {
        date: cols.need("Date")?,
        exercise: cols.need("Exercise")?,
        category: cols.need("Category")?,
        weight,
        unit_column,
        unit,
        reps: cols.need("Reps")?,
        distance: cols.find(&["Distance"]),
        distance_unit: cols.find(&["Distance Unit"]),
        time: cols.find(&["Time"]),
        comment: cols.find(&["Comment"]),
    };
    // Only a name can hold the stray commas: everything before the exercise and after the
    // category must be where the header says.
    if layout.exercise + 1 != layout.category || layout.date > layout.exercise {
        return Err(ImportError::at(1, "expected the columns Date, Exercise, Category, ... in that order"));
    }
    let variant = match layout.comment {
        Some(_) => format!("{variant}, each Comment as its set's note"),
        None => variant,
    };
    for_each_row(records, &cols, progress, |cols, row| {
        tally.rows += 1;
        let extra = row.fields.len() - cols.len();
        if extra == 0 {
            read_row(row, sessions, tally, clock, &layout)?;
            return sessions.check(row.line);
        }
        // An unquoted comma in the exercise name: put the name back together.
        tally.repair(row.line, "exercise name");
        let mut fields: Vec<String> = row.fields.to_vec();
        let name = fields[layout.exercise..=layout.exercise + extra].join(",");
        fields.splice(layout.exercise..=layout.exercise + extra, [name]);
        read_row(&Row { line: row.line, fields: &fields }, sessions, tally, clock, &layout).map_err(|e| {
            row.error(format!(
                "the row has {} fields where the header has {}; read as an exercise name with a comma it \
                 still does not make sense ({})",
                row.fields.len(),
                cols.len(),
                e.message
            ))
        })?;
        sessions.check(row.line)
    })?;
    Ok(variant)
}

/// A day's session is named after its categories, as one name the log can hold.
pub(super) fn name_day(session: &mut ParsedSession) {
    let name = clean_name(&session.day_name, 0, "day").unwrap_or_else(|_| "FitNotes workout".into());
    session.day_name = name;
}

fn read_row(
    row: &Row<'_>,
    sessions: &mut Sessions<'_>,
    tally: &mut Tally,
    clock: &dyn Clock,
    l: &Layout,
) -> Result<(), ImportError> {
    let day_text = row.get(l.date);
    let day =
        date(day_text).ok_or_else(|| row.error(format!("Date \"{day_text}\" is not a date such as 2025-04-29")))?;
    let category = row.get(l.category).to_string();
    let exercise = clean_name(row.get(l.exercise), row.line, "exercise name")?;
    let weight = row.number(Some(l.weight), "Weight")?;
    let reps = row.number(Some(l.reps), "Reps")?;
    let measured = measured(row, l)?;
    // A row skipped (nothing done) is counted in the summary, and makes no session: a day with
    // nothing but such rows is not a day trained.
    let Some((reps, load)) = super::rows::reps_and_load(reps, weight, measured.any(), row.line, tally)? else {
        return Ok(());
    };
    let unit = match (l.unit, l.unit_column) {
        (Some(unit), _) => unit,
        // Cardio with no load names no unit: its 0 is the same in either.
        (None, Some(col)) if row.get(col).is_empty() && load.hundredths() == 0 && measured.any() => Unit::Kg,
        (None, Some(col)) => {
            let text = row.get(col);
            Unit::parse(text).ok_or_else(|| row.error(format!("Weight Unit \"{text}\" is not kgs or lbs")))?
        }
        (None, None) => Unit::Kg,
    };
    let hint = muscles(&category, &exercise);
    let mut set = ParsedSet::from_row(exercise, SetKind::Working, Weight::new(load, unit), reps, None);
    super::bodyweight::assistance(weight, &mut set.entry);
    set.muscles = hint.to_vec();
    measured.apply(&mut set.entry);
    // The comment is the set's note, cleaned as every field is when it is read.
    set.entry.note = row.get_opt(l.comment).trim().to_string();
    let session = sessions.entry(day_text, || ParsedSession {
        started_at: clock.utc_of_local(day.and_time(NOON)),
        ..ParsedSession::default()
    })?;
    // The session is named after the day's categories, in the order they come.
    if !category.is_empty() && !session.day_name.split(", ").any(|c| c == category) {
        if !session.day_name.is_empty() {
            session.day_name.push_str(", ");
        }
        session.day_name.push_str(&category);
    }
    session.sets.push(set);
    Ok(())
}

/// The row's time (`Time`, `00:05:00`) and distance in its `Distance Unit` (metres when none).
fn measured(row: &Row<'_>, l: &Layout) -> Result<Measured, ImportError> {
    let unit = match row.get_opt(l.distance_unit) {
        "" => DistanceUnit::METRES,
        text => DistanceUnit::parse(text)
            .ok_or_else(|| row.error(format!("Distance Unit \"{text}\" is not km, m, mi, ft or yd")))?,
    };
    Ok(Measured {
        seconds: measure::clock_time_in(row, l.time, "Time")?,
        distance: measure::distance_in(row, l.distance, unit, "Distance")?,
    })
}

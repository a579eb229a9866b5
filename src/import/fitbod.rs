//! Fitbod's `WorkoutExport.csv`: `Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,
//! Resistance,isWarmup,Note,multiplier`, one row a set, the newest workout first. A workout is
//! the rows sharing a `Date` (`2022-01-05 22:06:49 +0000`, the time zone in it). Reps carry a
//! leading space (` 5`). Every load is in kg, an account in pounds included: Fitbod converts a
//! pound load with 2.20462 lb to the kg and writes the long decimals (`9.071858188712795` is
//! 20 lb), so such a load is taken back to the pounds the lifter put on the bar. `multiplier`
//! says how many of the load a set moves (2 for a pair of dumbbells) and is not a load: the
//! weight is what one hand holds, as hardset keeps a dumbbell set.

use chrono::{DateTime, Utc};

use super::ImportError;
use super::measure::{self, DistanceUnit, Measured};
use super::reader::Records;
use super::rows::{ParsedSession, ParsedSet, Tally, clean_name, kind_of};
use super::staging::Sessions;
use super::table::{self, Row, for_each_row, local_time, resolve_unit, unit_in_name};
use crate::clock::Clock;
use crate::model::units::{KG_PER_LB, Unit, Weight};

struct Layout {
    /// How many columns the header has.
    columns: usize,
    date: usize,
    exercise: usize,
    reps: usize,
    weight: usize,
    /// The weight column's name, as the header writes it (`Weight(kg)`).
    weight_name: String,
    unit: Unit,
    duration: Option<usize>,
    distance: Option<usize>,
    incline: Option<usize>,
    resistance: Option<usize>,
    warm_up: Option<usize>,
    note: Option<usize>,
}

/// What the loads turned out to be, for the summary.
#[derive(Default)]
struct Loads {
    /// Rows whose kg load is a pound load converted, kept in lb.
    pounds: u64,
    /// The first such load, as written, and its pounds.
    example: Option<(String, f64)>,
}

/// Reads the rows into `sessions`; returns the variant, in words. `--unit` is refused when the
/// header names the unit (a load converted from pounds shows itself), and needed when it does
/// not.
pub(super) fn parse(
    records: &mut Records,
    flag: Option<Unit>,
    clock: &dyn Clock,
    sessions: &mut Sessions<'_>,
    tally: &mut Tally,
    progress: &mut dyn FnMut(u64),
) -> Result<String, ImportError> {
    let cols = table::header(records)?;
    cols.app_columns("Fitbod", &["Date", "Exercise", "Reps", "isWarmup"])?;
    let weight = cols.weight()?;
    let weight_name = cols.names()[weight].clone();
    let named = unit_in_name(&weight_name);
    if named.is_some() && flag.is_some() {
        return Err(ImportError::at(
            1,
            format!(
                "Fitbod's header names the unit ({weight_name}), and a load converted from pounds shows it: \
                 leave --unit out"
            ),
        ));
    }
    let unit = resolve_unit(named, flag, "Fitbod")?;
    let from = if named.is_some() { "the header" } else { "--unit" };
    let layout = Layout {
        columns: cols.len(),
        weight_name,
        date: cols.need("Date")?,
        exercise: cols.need("Exercise")?,
        reps: cols.need("Reps")?,
        weight,
        unit,
        duration: cols.find(&["Duration(s)", "Duration (s)", "Duration"]),
        distance: cols.find(&["Distance(m)", "Distance (m)", "Distance"]),
        incline: cols.find(&["Incline"]),
        resistance: cols.find(&["Resistance"]),
        warm_up: cols.find(&["isWarmup"]),
        note: cols.find(&["Note"]),
    };
    let mut loads = Loads::default();
    for_each_row(records, &cols, progress, |_, row| {
        tally.rows += 1;
        read_row(row, sessions, tally, clock, &layout, &mut loads)?;
        sessions.check(row.line)
    })?;
    Ok(match loads.example {
        Some((written, lb)) => format!(
            "weights in {unit} from {from}; {} {} pound loads Fitbod converted to kg ({written} kg is {lb} lb), \
             kept in lb",
            loads.pounds,
            if loads.pounds == 1 { "row is a" } else { "rows are" }
        ),
        None => format!("weights in {unit} from {from}"),
    })
}

/// The pounds a kg load stands for, when it is a pound load (a quarter pound) converted with
/// the long decimals no one types: Fitbod's 2.20462 lb to the kg, or the exact 0.45359237 kg
/// to the lb.
fn pounds_in(kg: f64) -> Option<f64> {
    table::converted_quarter(kg, &[2.204_62, 1.0 / KG_PER_LB])
}

/// `2022-01-05 22:06:49 +0000`: the zone in it; one without a zone is the lifter's local time.
fn start_of(text: &str, clock: &dyn Clock) -> Option<DateTime<Utc>> {
    table::zoned_time(text).or_else(|| local_time(text).map(|local| clock.utc_of_local(local)))
}

fn read_row(
    row: &Row<'_>,
    sessions: &mut Sessions<'_>,
    tally: &mut Tally,
    clock: &dyn Clock,
    l: &Layout,
    loads: &mut Loads,
) -> Result<(), ImportError> {
    let date = row.get(l.date);
    let started = start_of(date, clock).ok_or_else(|| {
        row.error(format!("Date \"{date}\" is not a date and time such as 2022-01-05 22:06:49 +0000"))
    })?;
    let exercise = clean_name(row.get(l.exercise), row.line, "exercise name")?;
    let written = row.get(l.weight).to_string();
    let weight = row.number(Some(l.weight), &l.weight_name)?;
    let (weight, unit) = match weight.and_then(|kg| (l.unit == Unit::Kg).then(|| pounds_in(kg.abs())).flatten()) {
        Some(lb) => (weight.map(|w| lb.copysign(w)), Unit::Lb),
        None => (weight, l.unit),
    };
    let reps = row.number(Some(l.reps), "Reps")?;
    let measured = Measured {
        seconds: measure::seconds_in(row, l.duration, "Duration(s)")?,
        distance: measure::distance_in(row, l.distance, DistanceUnit::METRES, "Distance(m)")?,
    };
    let written_warm_up = row.get_opt(l.warm_up);
    let warm_up = match written_warm_up.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => true,
        "false" | "0" | "no" | "" => false,
        _ => return Err(row.error(format!("isWarmup \"{written_warm_up}\" is not true or false"))),
    };
    let note = note_of(row, l, tally)?;
    // A row that is no set makes no session: a workout of only such rows is not one.
    let Some((reps, load)) = super::rows::reps_and_load(reps, weight, measured.any(), row.line, tally)? else {
        return Ok(());
    };
    let session = sessions.entry(date, || ParsedSession {
        started_at: started,
        day_name: "Fitbod workout".to_string(),
        ..ParsedSession::default()
    })?;
    if unit != l.unit && load.hundredths() > 0 {
        loads.pounds += 1;
        loads.example.get_or_insert((written, load.as_f64()));
    }
    let mut set = ParsedSet::from_row(exercise, kind_of(warm_up), Weight::new(load, unit), reps, None);
    super::bodyweight::assistance(weight, &mut set.entry);
    measured.apply(&mut set.entry);
    set.entry.note = note;
    session.sets.push(set);
    Ok(())
}

/// The set's note, and the machine's incline and resistance when it names them (a 0 is none).
/// A row with more fields than the header is a note with a comma Fitbod did not quote, when
/// the note is the last column or the one before it: its fields are the note, read whole.
fn note_of(row: &Row<'_>, l: &Layout, tally: &mut Tally) -> Result<String, ImportError> {
    let extra = row.fields.len().saturating_sub(l.columns);
    let mut note = match l.note {
        _ if extra == 0 => row.get_opt(l.note).trim().to_string(),
        Some(col) if col + 2 >= l.columns => {
            tally.repair(row.line, "note");
            row.fields[col..=col + extra].join(",").trim().to_string()
        }
        _ => {
            return Err(row.error(format!(
                "the row has {} fields where the header has {}: is a comma in it not in quotes?",
                row.fields.len(),
                l.columns
            )));
        }
    };
    for (col, column, name) in [(l.incline, "Incline", "incline"), (l.resistance, "Resistance", "resistance")] {
        match row.number(col, column)? {
            Some(value) if value != 0.0 => super::rows::join_note(&mut note, &format!("{name} {value}")),
            _ => {}
        }
    }
    Ok(note)
}

#[cfg(test)]
mod tests {
    use super::pounds_in;

    #[test]
    fn a_pound_load_converted_to_kg_comes_back_in_pounds() {
        assert_eq!(pounds_in(9.071_858_188_712_795), Some(20.0));
        assert_eq!(pounds_in(27.215_574_566_138_386), Some(60.0));
        assert_eq!(pounds_in(142.881_766_472_226_53), Some(315.0));
        assert_eq!(pounds_in(1.133_980_923_839_099_5), Some(2.5));
        // The exact factor too (44.09245243697551 lb is 20 kg; here 20 lb written in kg).
        assert_eq!(pounds_in(20.0 * crate::model::units::KG_PER_LB), Some(20.0));
        // A load a lifter typed in kg stays kg, float noise or not.
        assert_eq!(pounds_in(20.0), None);
        assert_eq!(pounds_in(12.900_000_000_000_034), None);
        assert_eq!(pounds_in(22.68), None, "50 lb rounded to the hundredth is a kg load someone typed");
        assert_eq!(pounds_in(0.0), None);
        assert_eq!(pounds_in(12.345_678_9), None, "long decimals that are no pound load");
    }
}

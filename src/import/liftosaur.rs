//! Liftosaur's history CSV: `Workout DateTime,Program,Day Name,Exercise,Is Warmup Set?,Required
//! Reps,Completed Reps,...,Completed Weight Value,Completed Weight Unit,...,Completed Reps Time,
//! Target Muscles,Synergist Muscles,Notes`, one row a planned set, the newest workout first,
//! times in UTC (`2026-06-29T04:56:39.712Z`). A set is what was done: its completed reps, at its
//! completed weight (the planned weight when the row leaves it empty, as Liftosaur does for a
//! set done as planned), each row in its own unit. A planned set with no completed reps was not
//! done and is left out, counted. Exercises are written `Name, Equipment`
//! (`Romanian Deadlift, Barbell`); the writer files one under the catalogue's exercise when the
//! catalogue knows it as `Name (Equipment)`.

use chrono::{DateTime, Utc};

use super::ImportError;
use super::reader::Records;
use super::rows::{LONGEST_WORKOUT, ParsedSession, ParsedSet, Tally, clean_name, kind_of, skip};
use super::staging::Sessions;
use super::table::{self, Row, for_each_row};
use crate::model::exercise::{Catalogue, MAX_NAME_CHARS, Muscle};
use crate::model::units::{Unit, Weight};

struct Layout {
    /// How many columns the header has.
    columns: usize,
    start: usize,
    program: Option<usize>,
    day: Option<usize>,
    exercise: usize,
    warm_up: usize,
    reps: usize,
    rpe: Option<usize>,
    planned_weight: Option<usize>,
    planned_unit: Option<usize>,
    weight: usize,
    unit: usize,
    done_at: Option<usize>,
    muscles: Option<usize>,
    notes: Option<usize>,
}

/// Reads the rows into `sessions`; returns the variant, in words. `--unit` is refused: each
/// row names its unit.
pub(super) fn parse(
    records: &mut Records,
    flag: Option<Unit>,
    sessions: &mut Sessions<'_>,
    tally: &mut Tally,
    progress: &mut dyn FnMut(u64),
) -> Result<String, ImportError> {
    let cols = table::header(records)?;
    cols.app_columns("Liftosaur", &["Workout DateTime", "Exercise", "Completed Reps", "Completed Weight Value"])?;
    if flag.is_some() {
        return Err(ImportError::at(1, "each row names its unit (Completed Weight Unit column): leave --unit out"));
    }
    let layout = Layout {
        columns: cols.len(),
        start: cols.need("Workout DateTime")?,
        program: cols.find(&["Program"]),
        day: cols.find(&["Day Name"]),
        exercise: cols.need("Exercise")?,
        warm_up: cols.need("Is Warmup Set?")?,
        reps: cols.need("Completed Reps")?,
        rpe: cols.find(&["Completed RPE"]),
        planned_weight: cols.find(&["Required Weight Value"]),
        planned_unit: cols.find(&["Required Weight Unit"]),
        weight: cols.need("Completed Weight Value")?,
        unit: cols.need("Completed Weight Unit")?,
        done_at: cols.find(&["Completed Reps Time"]),
        muscles: cols.find(&["Target Muscles"]),
        notes: cols.find(&["Notes"]),
    };
    let mut last_unit = Unit::Kg;
    for_each_row(records, &cols, progress, |_, row| {
        tally.rows += 1;
        read_row(row, sessions, tally, &layout, &mut last_unit)?;
        sessions.check(row.line)
    })?;
    Ok("a unit on every row, times in UTC".to_string())
}

/// A time as Liftosaur writes it: ISO in UTC (`2026-06-29T04:56:39.712Z`), or with its zone
/// (`2026-03-07 09:01:00 +00:00`) in a workout added by hand.
fn utc(row: &Row<'_>, col: usize, column: &str) -> Result<DateTime<Utc>, ImportError> {
    let text = row.get(col);
    table::zoned_time(text)
        .ok_or_else(|| row.error(format!("{column} \"{text}\" is not a time such as 2026-06-29T04:56:39.712Z")))
}

/// The session's name: the program's day, and the program it belongs to (the day alone when
/// both would be longer than a name may be).
fn day_name(row: &Row<'_>, l: &Layout) -> Result<String, ImportError> {
    let name = match (row.get_opt(l.program), row.get_opt(l.day)) {
        ("", "") => "Liftosaur workout".to_string(),
        (program, "") => program.to_string(),
        ("", day) => day.to_string(),
        (program, day) if program.chars().count() + day.chars().count() + 3 > MAX_NAME_CHARS => day.to_string(),
        (program, day) => format!("{program} · {day}"),
    };
    clean_name(&name, row.line, "day name")
}

fn read_row(
    row: &Row<'_>,
    sessions: &mut Sessions<'_>,
    tally: &mut Tally,
    l: &Layout,
    last_unit: &mut Unit,
) -> Result<(), ImportError> {
    if row.fields.len() > l.columns {
        return Err(row.error(format!(
            "the row has {} fields where the header has {}: is a comma in it not in quotes?",
            row.fields.len(),
            l.columns
        )));
    }
    let started = utc(row, l.start, "Workout DateTime")?;
    let exercise = clean_name(row.get(l.exercise), row.line, "exercise name")?;
    let reps = row.number(Some(l.reps), "Completed Reps")?;
    // A planned set with no completed reps was never done.
    if reps.is_none() {
        tally.skip(skip::NOT_DONE);
        return Ok(());
    }
    let (weight, unit) = weight_of(row, l, last_unit)?;
    let written_warm_up = row.get(l.warm_up);
    let warm_up = match written_warm_up.to_ascii_lowercase().as_str() {
        "1" | "true" => true,
        "0" | "false" | "" => false,
        _ => return Err(row.error(format!("Is Warmup Set? \"{written_warm_up}\" is not 1, 0, true or false"))),
    };
    let Some((reps, load)) = super::rows::reps_and_load(reps, weight, false, row.line, tally)? else {
        return Ok(());
    };
    let rir = super::rows::rir_of(row.number(l.rpe, "Completed RPE")?, false, row.line, "Completed RPE")?;
    // The set's own time; [`finish`] keeps it when it falls within its workout.
    let done_at = match l.done_at.map(|c| (c, row.get(c))) {
        Some((col, text)) if !text.is_empty() => Some(utc(row, col, "Completed Reps Time")?),
        _ => None,
    };
    let day_name = day_name(row, l)?;
    let key = format!("{}|{day_name}", row.get(l.start));
    let session =
        sessions.entry(&key, || ParsedSession { started_at: started, day_name, ..ParsedSession::default() })?;
    let note = row.get_opt(l.notes).trim().to_string();
    // Liftosaur repeats an exercise's note on each of its rows: keep each different note once.
    if !note.is_empty() && !session.exercise_notes.iter().any(|(e, n)| *e == exercise && *n == note) {
        session.exercise_notes.push((exercise.clone(), note));
    }
    let mut set = ParsedSet::from_row(exercise, kind_of(warm_up), Weight::new(load, unit), reps, rir);
    super::bodyweight::assistance(weight, &mut set.entry);
    set.logged_at = done_at;
    set.muscles = muscles(row.get_opt(l.muscles));
    session.sets.push(set);
    Ok(())
}

/// The weight done and its unit: the completed weight, else the planned one; a row with
/// neither is a set on body weight, in the unit of the row before it.
fn weight_of(row: &Row<'_>, l: &Layout, last_unit: &mut Unit) -> Result<(Option<f64>, Unit), ImportError> {
    let (value, unit, column) = match row.number(Some(l.weight), "Completed Weight Value")? {
        Some(value) => (Some(value), row.get(l.unit), "Completed Weight Unit"),
        None => (
            row.number(l.planned_weight, "Required Weight Value")?,
            row.get_opt(l.planned_unit),
            "Required Weight Unit",
        ),
    };
    if value.unwrap_or(0.0) == 0.0 && unit.is_empty() {
        return Ok((value, *last_unit));
    }
    let parsed = Unit::parse(unit).ok_or_else(|| row.error(format!("{column} \"{unit}\" is not kg or lb")))?;
    *last_unit = parsed;
    Ok((value, parsed))
}

/// The muscles Liftosaur names as an exercise's targets, as hardset counts them: for an
/// exercise the catalogue does not know (its synergists are left out, as a catalogue's
/// secondary muscles would be guessed).
fn muscles(targets: &str) -> Vec<Muscle> {
    let mut found: Vec<Muscle> = Vec::new();
    for name in targets.split(',').map(|m| m.trim().to_lowercase()) {
        let muscle = match name.as_str() {
            "latissimus dorsi" => Muscle::Lats,
            "quadriceps" => Muscle::Quads,
            "gluteus maximus" | "gluteus medius" => Muscle::Glutes,
            "hamstrings" => Muscle::Hamstrings,
            "gastrocnemius" | "soleus" => Muscle::Calves,
            "triceps brachii" => Muscle::Triceps,
            "biceps brachii" | "brachialis" => Muscle::Biceps,
            "brachioradialis" | "wrist flexors" | "wrist extensors" => Muscle::Forearms,
            "deltoid anterior" => Muscle::FrontDelts,
            "deltoid lateral" => Muscle::SideDelts,
            "deltoid posterior" => Muscle::RearDelts,
            "rectus abdominis" | "obliques" => Muscle::Abs,
            "erector spinae" => Muscle::LowerBack,
            n if n.starts_with("pectoralis major") => Muscle::Chest,
            n if n.starts_with("trapezius") || n == "rhomboids" => Muscle::UpperBack,
            _ => continue,
        };
        if !found.contains(&muscle) {
            found.push(muscle);
        }
    }
    found
}

/// What is left once a workout is whole: its time ([`place_in_time`]) and its exercises'
/// names ([`catalogue_names`]).
pub(super) fn finish(session: &mut ParsedSession, catalogue: &Catalogue, tally: &mut Tally) {
    if place_in_time(session) {
        tally.moved_starts += 1;
    }
    catalogue_names(session, catalogue);
}

/// How far from its workout's time a set's own time may be and still say when the workout was
/// done: a week.
const FARTHEST_MOVE: i64 = 7 * 24 * 3600;

/// Liftosaur's workout time is when the workout was opened (or a day picked at local midnight);
/// a set's time, when it was ticked off. A workout none of whose sets was done within six hours
/// of its time, but whose first set was done within a week of it (opened Monday, lifted
/// Wednesday), starts at its first set: the day the lifting happened. Then each set keeps its
/// own time when it falls within the workout's six hours, else takes the time of the set before
/// it (the first is spread by the writer). Returns whether the start moved.
fn place_in_time(session: &mut ParsedSession) -> bool {
    let within = |start: DateTime<Utc>, t: DateTime<Utc>| t >= start && (t - start).num_seconds() <= LONGEST_WORKOUT;
    let start = session.started_at;
    let first = session.sets.iter().filter_map(|s| s.logged_at).min();
    let moved = match first {
        Some(first)
            if !session.sets.iter().filter_map(|s| s.logged_at).any(|t| within(start, t))
                && (first - start).num_seconds().abs() <= FARTHEST_MOVE =>
        {
            session.started_at = first;
            true
        }
        _ => false,
    };
    let start = session.started_at;
    let mut before: Option<DateTime<Utc>> = None;
    for set in &mut session.sets {
        set.logged_at = set.logged_at.filter(|t| within(start, *t)).or(before);
        before = set.logged_at;
    }
    moved
}

/// Files a set of `Name, Equipment` the catalogue does not know by that name under the
/// catalogue's `Name (Equipment)` (`Leverage Machine` as `Machine`), when it knows that; the
/// exercise's notes follow it.
fn catalogue_names(session: &mut ParsedSession, catalogue: &Catalogue) {
    let names = session.sets.iter_mut().map(|s| &mut s.entry.exercise);
    for name in names.chain(session.exercise_notes.iter_mut().map(|(e, _)| e)) {
        if let Some(known) = known_as(name, catalogue) {
            *name = known;
        }
    }
}

fn known_as(name: &str, catalogue: &Catalogue) -> Option<String> {
    if catalogue.get(name).is_some() {
        return None;
    }
    let (base, equipment) = name.rsplit_once(", ")?;
    let machine = (equipment == "Leverage Machine").then(|| format!("{base} (Machine)"));
    [Some(format!("{base} ({equipment})")), machine].into_iter().flatten().find(|n| catalogue.get(n).is_some())
}

#[cfg(test)]
mod tests {
    use super::muscles;
    use crate::model::exercise::Muscle;

    #[test]
    fn liftosaurs_target_muscles_as_hardset_counts_them() {
        assert_eq!(
            muscles("Latissimus Dorsi,Trapezius Lower Fibers,Trapezius Middle Fibers"),
            [Muscle::Lats, Muscle::UpperBack]
        );
        assert_eq!(muscles("Pectoralis Major Sternal Head"), [Muscle::Chest]);
        assert_eq!(muscles("Quadriceps,Gluteus Maximus"), [Muscle::Quads, Muscle::Glutes]);
        assert_eq!(muscles("Iliopsoas"), [], "a muscle hardset does not count");
        assert_eq!(muscles(""), []);
    }
}

//! Export of the whole log: CSV (one row a set) and JSON (sets grouped by session).

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use crate::clock::Clock;
use crate::model::exercise::Catalogue;
use crate::model::session::{LoggedSet, Session, SetKind};
use crate::model::units::{Load, Rir, Unit, Weight};

/// Kilograms in a pound, exactly.
const KG_PER_LB: f64 = 0.453_592_37;
use crate::store::{Store, StoreError};
use crate::training::compare::week_bounds;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One row per set, with a header.
    Csv,
    /// Sessions, each with its sets.
    Json,
    /// Strong's CSV layout (semicolon-separated, the unit in the weight column's name), which
    /// Strong-compatible importers read.
    Strong,
    /// Hevy's workout_data.csv layout.
    Hevy,
}

/// The CSV header, in column order.
/// `deload` is the deload week's style (`volume` or `load`) or empty, `checkin` the session's
/// readiness as `sleep/energy/joints/motivation`. A session with no sets (a rest day marked
/// done) is one row with the set columns empty, so nothing the log holds is left out.
pub const CSV_HEADER: &str = "session_start,session_end,plan_day,exercise,set_kind,weight,unit,reps,rir,form_broke,note,\
     logged_at,deload,plan_day_index,session_note,checkin";

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

fn iso(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[derive(Serialize)]
struct JsonSet {
    exercise: String,
    set_kind: &'static str,
    weight: f64,
    unit: &'static str,
    reps: u16,
    rir: Option<f64>,
    form_broke: bool,
    note: String,
    logged_at: String,
}

#[derive(Serialize)]
struct JsonSession {
    session_start: String,
    session_end: Option<String>,
    plan_day: String,
    plan_day_index: Option<usize>,
    note: String,
    deload: Option<&'static str>,
    readiness: Option<crate::model::session::Readiness>,
    sets: Vec<JsonSet>,
}

fn json_set(set: &LoggedSet) -> JsonSet {
    let e = &set.entry;
    JsonSet {
        exercise: e.exercise.clone(),
        set_kind: e.kind.as_str(),
        weight: e.weight.load.as_f64(),
        unit: e.weight.unit.label(),
        reps: e.reps,
        rir: e.rir.map(crate::model::units::Rir::as_f64),
        form_broke: e.form_broke,
        note: e.note.clone(),
        logged_at: iso(set.logged_at),
    }
}

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

/// Strong's or Hevy's layout. Both hold one unit per file: the unit most sets were logged in;
/// sets in the other unit are converted. Ramp-up sets are their warm-ups, RIR is written as RPE
/// (10 - RIR), and times are local.
fn foreign(
    store: &Store,
    format: Format,
    sessions: &HashMap<i64, Session>,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), std::io::Error> {
    let catalogue = Catalogue::shipped();
    let mut sets: Vec<LoggedSet> = Vec::new();
    let collected = store.for_each_set(|set| {
        sets.push(set.clone());
        Ok(())
    });
    collected.map_err(|e| std::io::Error::other(e.to_string()))?;
    let lb = sets.iter().filter(|s| s.entry.weight.unit == Unit::Lb).count();
    let unit = if lb * 2 > sets.len() { Unit::Lb } else { Unit::Kg };
    let weight = |w: Weight| -> String {
        let value = match (w.unit, unit) {
            (Unit::Kg, Unit::Lb) => w.load.as_f64() / KG_PER_LB,
            (Unit::Lb, Unit::Kg) => w.load.as_f64() * KG_PER_LB,
            _ => w.load.as_f64(),
        };
        Load::from_f64(value).unwrap_or_default().to_string()
    };
    let rpe = |rir: Option<Rir>| rir.map(|r| format!("{}", 10.0 - r.as_f64())).unwrap_or_default();
    let mut numbers: HashMap<i64, usize> = HashMap::new();
    match format {
        Format::Hevy => writeln!(
            out,
            "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\"exercise_notes\",\
             \"set_index\",\"set_type\",\"weight_{}\",\"reps\",\"distance_km\",\"duration_seconds\",\"rpe\"",
            if unit == Unit::Kg { "kg" } else { "lbs" }
        )?,
        _ => writeln!(
            out,
            "\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";\"Exercise Name\";\"Set Order\";\"Weight ({})\";\
             \"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";\"Workout Notes\"",
            if unit == Unit::Kg { "kg" } else { "lbs" }
        )?,
    }
    // Set numbers count per exercise within a session, ramp-ups apart.
    let mut order: HashMap<(i64, String, bool), usize> = HashMap::new();
    let mut order_all: HashMap<(i64, String), usize> = HashMap::new();
    for set in &sets {
        let Some(session) = sessions.get(&set.session_id) else {
            continue;
        };
        let e = &set.entry;
        let name = foreign_name(&catalogue, &e.exercise);
        let ramp = e.kind == SetKind::RampUp;
        let index = order.entry((session.id, e.exercise.clone(), ramp)).or_default();
        *index += 1;
        let start = clock.local(session.started_at);
        let end = session.ended_at.map(|t| clock.local(t));
        match format {
            Format::Hevy => {
                let set_type = match (ramp, e.rir.map(Rir::halves)) {
                    (true, _) => "warmup",
                    (false, Some(0)) => "failure",
                    _ => "normal",
                };
                // Hevy numbers every set of an exercise from 0, warm-ups included.
                let next = order_all.entry((session.id, e.exercise.clone())).or_default();
                let hevy_index = *next;
                *next += 1;
                let at = |t: chrono::DateTime<chrono::FixedOffset>| t.format("%-d %b %Y, %H:%M").to_string();
                writeln!(
                    out,
                    "{},{},{},{},{},,{},{},{},{},{},,0,{}",
                    quoted(&session.day_name),
                    quoted(&at(start)),
                    quoted(&end.map(at).unwrap_or_default()),
                    quoted(&session.note),
                    quoted(name),
                    quoted(&e.note),
                    hevy_index,
                    quoted(set_type),
                    weight(e.weight),
                    e.reps,
                    rpe(e.rir),
                )?;
            }
            _ => {
                let next = numbers.len() + 1;
                let number = *numbers.entry(session.id).or_insert(next);
                let duration = session.ended_at.map(|t| (t - session.started_at).num_seconds()).unwrap_or_default();
                writeln!(
                    out,
                    "{};{};{};{};{};{};{};{};{};\"\";\"\";{};{}",
                    quoted(&number.to_string()),
                    quoted(&start.format("%Y-%m-%d %H:%M:%S").to_string()),
                    quoted(&session.day_name),
                    quoted(&duration.to_string()),
                    quoted(name),
                    quoted(&if ramp { "W".to_string() } else { index.to_string() }),
                    quoted(&weight(e.weight)),
                    quoted(&e.reps.to_string()),
                    quoted(&rpe(e.rir)),
                    quoted(&e.note),
                    quoted(&session.note),
                )?;
            }
        }
    }
    out.flush()
}

/// Writes every set in `format`.
///
/// Each session says whether it fell in a deload week (by its local start date), and the JSON
/// carries its readiness check-in, so nothing the app records is left behind.
pub fn export(store: &Store, format: Format, clock: &dyn Clock, out: &mut dyn Write) -> Result<(), StoreError> {
    let sessions: HashMap<i64, Session> = store.all_sessions()?.into_iter().map(|s| (s.id, s)).collect();
    let deload_weeks: HashMap<chrono::NaiveDate, &'static str> =
        store.deload_weeks()?.into_iter().map(|d| (d.monday, d.style.as_str())).collect();
    let deload = |s: &Session| deload_weeks.get(&week_bounds(clock.local_date(s.started_at)).0).copied();
    let io = |e: std::io::Error| StoreError::Io { path: "the export".into(), source: e };
    match format {
        Format::Csv => {
            writeln!(out, "{CSV_HEADER}").map_err(io)?;
            let session_columns = |session: &Session| {
                (
                    format!(
                        "{},{},{}",
                        iso(session.started_at),
                        session.ended_at.map(iso).unwrap_or_default(),
                        csv_field(&session.day_name)
                    ),
                    format!(
                        "{},{},{},{}",
                        deload(session).unwrap_or_default(),
                        session.day_index.map(|i| i.to_string()).unwrap_or_default(),
                        csv_field(&session.note),
                        session
                            .readiness
                            .map(|r| format!("{}/{}/{}/{}", r.sleep, r.energy, r.joints, r.motivation))
                            .unwrap_or_default()
                    ),
                )
            };
            let mut with_sets = std::collections::HashSet::new();
            store.for_each_set(|set| {
                let Some(session) = sessions.get(&set.session_id) else {
                    return Ok(());
                };
                with_sets.insert(session.id);
                let (first, last) = session_columns(session);
                let e = &set.entry;
                writeln!(
                    out,
                    "{first},{},{},{},{},{},{},{},{},{},{last}",
                    csv_field(&e.exercise),
                    e.kind.as_str(),
                    e.weight.load,
                    e.weight.unit,
                    e.reps,
                    e.rir.map(|r| r.to_string()).unwrap_or_default(),
                    e.form_broke,
                    csv_field(&e.note),
                    iso(set.logged_at),
                )
                .map_err(io)
            })?;
            let mut empty: Vec<&Session> = sessions.values().filter(|s| !with_sets.contains(&s.id)).collect();
            empty.sort_by_key(|s| (s.started_at, s.id));
            for session in empty {
                let (first, last) = session_columns(session);
                writeln!(out, "{first},,,,,,,,,,{last}").map_err(io)?;
            }
        }
        Format::Strong | Format::Hevy => foreign(store, format, &sessions, clock, out).map_err(io)?,
        Format::Json => {
            let mut ordered: Vec<&Session> = sessions.values().collect();
            ordered.sort_by_key(|s| (s.started_at, s.id));
            let mut sets: HashMap<i64, Vec<JsonSet>> = HashMap::new();
            store.for_each_set(|set| {
                sets.entry(set.session_id).or_default().push(json_set(set));
                Ok(())
            })?;
            let document: Vec<JsonSession> = ordered
                .into_iter()
                .map(|s| JsonSession {
                    session_start: iso(s.started_at),
                    session_end: s.ended_at.map(iso),
                    plan_day: s.day_name.clone(),
                    plan_day_index: s.day_index,
                    note: s.note.clone(),
                    deload: deload(s),
                    readiness: s.readiness,
                    sets: sets.remove(&s.id).unwrap_or_default(),
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &document).map_err(|e| io(e.into()))?;
            writeln!(out).map_err(io)?;
        }
    }
    out.flush().map_err(io)
}

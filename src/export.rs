//! Export of the whole log: CSV (one row a set) and JSON (sets grouped by session).

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use crate::clock::Clock;
use crate::model::session::{LoggedSet, Session};
use crate::store::{Store, StoreError};
use crate::training::compare::week_bounds;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One row per set, with a header.
    Csv,
    /// Sessions, each with its sets.
    Json,
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

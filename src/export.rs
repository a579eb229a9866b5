//! Export of the whole log: hardset's own CSV (one row a set) and JSON (sessions with their
//! sets), with the deload weeks, own exercises and body weight log, which lose nothing and
//! import back as the same log, and Strong's and Hevy's layouts (`foreign`).

mod foreign;

use std::collections::{HashMap, HashSet};
use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::clock::Clock;
use crate::model::exercise::CustomExercise;
use crate::model::session::{Basis, DeloadStyle, LoggedSet, Readiness, Session, SetEntry, Side, Technique};
use crate::model::text::{clean_note, spreadsheet_safe};
use crate::model::units::Distance;
use crate::store::{BodyWeightReading, Store, StoreError};
use crate::training::compare::week_bounds;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One row per set, with a header.
    Csv,
    /// Sessions, each with its sets, and the log's deload weeks, own exercises and body weights.
    Json,
    /// Strong's CSV layout (semicolon-separated, the unit in the weight column's name), which
    /// Strong-compatible importers read.
    Strong,
    /// Hevy's workout_data.csv layout.
    Hevy,
}

/// The CSV header, in column order.
///
/// `deload` is the style (`volume` or `load`) of the deload week the session falls in and
/// `deload_week` that week's Monday; `checkin` is the session's readiness as
/// `sleep/energy/joints/motivation`; `muscles` names, for an exercise the catalogue does not
/// know, the muscles it counts for (`;`-separated). A session with no sets (a rest day marked
/// done) is one row with the set columns empty, and a deload week with no session in it is one
/// row with only `deload` and `deload_week`, so nothing the log holds is left out.
///
/// The last six say what a set is beyond a load and reps, and are empty for a plain set: `basis`
/// is `bw+` (body weight plus `weight`) or `bw-` (body weight minus it, assisted); `seconds` and
/// `distance_m` measure holds, carries and cardio; `side` is `each`, `left` or `right`;
/// `technique` is `drop`, `rest-pause` or `myo-reps`; `superset` names the group.
///
/// The body weight log follows, as deload weeks do: one row per reading with only
/// `body_weight_day` (the local day), `body_weight` (exact, `82.5`) and `body_weight_unit`.
pub const CSV_HEADER: &str = "session_start,session_end,plan_day,exercise,set_kind,weight,unit,reps,rir,form_broke,note,\
     logged_at,deload,plan_day_index,session_note,checkin,deload_week,muscles,basis,seconds,distance_m,side,technique,\
     superset,body_weight_day,body_weight,body_weight_unit";

/// The columns from `basis` on, each empty for a plain set.
fn kind_columns(e: &SetEntry) -> String {
    format!(
        "{},{},{},{},{},{}",
        if e.basis == Basis::Load { "" } else { e.basis.as_str() },
        e.seconds.map(|s| s.to_string()).unwrap_or_default(),
        e.distance.map(|d| d.metres().to_string()).unwrap_or_default(),
        e.side.map_or("", Side::as_str),
        e.technique.map_or("", Technique::as_str),
        e.superset.as_deref().map(csv_text).unwrap_or_default(),
    )
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

/// A text column (a name, a note): cleaned as the log keeps text, and written so a spreadsheet
/// shows it as text (`=1+2` as `'=1+2`; hardset's import takes the `'` off again).
fn csv_text(text: &str) -> String {
    csv_field(&spreadsheet_safe(&clean_note(text)))
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
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seconds: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    distance_m: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    side: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    technique: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    superset: Option<String>,
}

#[derive(Serialize)]
struct JsonSession {
    session_start: String,
    session_end: Option<String>,
    plan_day: String,
    plan_day_index: Option<usize>,
    note: String,
    deload: Option<&'static str>,
    readiness: Option<Readiness>,
    sets: Vec<JsonSet>,
}

#[derive(Serialize)]
struct JsonDeloadWeek {
    monday: String,
    style: &'static str,
}

#[derive(Serialize)]
struct JsonBodyWeight {
    day: String,
    weight: f64,
    unit: &'static str,
}

#[derive(Serialize)]
struct JsonExercise {
    name: String,
    muscles: Vec<&'static str>,
    equipment: &'static str,
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    technical: Option<bool>,
}

#[derive(Serialize)]
struct JsonLog {
    sessions: Vec<JsonSession>,
    deload_weeks: Vec<JsonDeloadWeek>,
    exercises: Vec<JsonExercise>,
    body_weights: Vec<JsonBodyWeight>,
}

fn json_set(set: &LoggedSet) -> JsonSet {
    let e = &set.entry;
    JsonSet {
        exercise: clean_note(&e.exercise).into_owned(),
        set_kind: e.kind.as_str(),
        weight: e.weight.load.as_f64(),
        unit: e.weight.unit.label(),
        reps: e.reps,
        rir: e.rir.map(crate::model::units::Rir::as_f64),
        form_broke: e.form_broke,
        note: clean_note(&e.note).into_owned(),
        logged_at: iso(set.logged_at),
        basis: (e.basis != Basis::Load).then(|| e.basis.as_str()),
        seconds: e.seconds,
        distance_m: e.distance.map(Distance::metres),
        side: e.side.map(Side::as_str),
        technique: e.technique.map(Technique::as_str),
        superset: e.superset.as_deref().map(|g| clean_note(g).into_owned()),
    }
}

/// What every format needs besides the sets: sessions by id, deload weeks by Monday, and the
/// exercises the catalogue does not know.
struct Context<'a> {
    sessions: HashMap<i64, Session>,
    deload_weeks: Vec<(NaiveDate, DeloadStyle)>,
    custom: Vec<CustomExercise>,
    body_weights: Vec<BodyWeightReading>,
    clock: &'a dyn Clock,
}

impl Context<'_> {
    /// The deload week a session falls in (by its local start date).
    fn deload(&self, session: &Session) -> Option<(NaiveDate, DeloadStyle)> {
        let monday = week_bounds(self.clock.local_date(session.started_at)).0;
        self.deload_weeks.iter().find(|(m, _)| *m == monday).copied()
    }
}

/// Writes the whole log in `format`.
pub fn export(store: &Store, format: Format, clock: &dyn Clock, out: &mut dyn Write) -> Result<(), StoreError> {
    let context = Context {
        sessions: store.all_sessions()?.into_iter().map(|s| (s.id, s)).collect(),
        deload_weeks: store.deload_weeks()?.into_iter().map(|d| (d.monday, d.style)).collect(),
        custom: store.custom_exercises()?,
        body_weights: store.all_body_weights()?,
        clock,
    };
    let io = |e: std::io::Error| StoreError::Io { path: "the export".into(), source: e };
    match format {
        Format::Csv => csv(store, &context, out)?,
        Format::Json => json(store, &context, out)?,
        Format::Strong | Format::Hevy => foreign::write(store, format, &context.sessions, clock, out)?,
    }
    out.flush().map_err(io)
}

fn csv(store: &Store, context: &Context<'_>, out: &mut dyn Write) -> Result<(), StoreError> {
    let io = |e: std::io::Error| StoreError::Io { path: "the export".into(), source: e };
    writeln!(out, "{CSV_HEADER}").map_err(io)?;
    let session_columns = |session: &Session| {
        let deload = context.deload(session);
        (
            format!(
                "{},{},{}",
                iso(session.started_at),
                session.ended_at.map(iso).unwrap_or_default(),
                csv_text(&session.day_name)
            ),
            format!(
                "{},{},{},{},{}",
                deload.map(|(_, style)| style.as_str()).unwrap_or_default(),
                session.day_index.map(|i| i.to_string()).unwrap_or_default(),
                csv_text(&session.note),
                session
                    .readiness
                    .map(|r| format!("{}/{}/{}/{}", r.sleep, r.energy, r.joints, r.motivation))
                    .unwrap_or_default(),
                deload.map(|(monday, _)| monday.to_string()).unwrap_or_default(),
            ),
        )
    };
    let mut with_sets = HashSet::new();
    // Sets come session by session: a session's columns are written out once for all its sets,
    // and an exercise's muscles looked up once (a million sets export in seconds).
    let muscles: HashMap<&str, String> = context
        .custom
        .iter()
        .map(|c| (c.name.as_str(), c.muscles.iter().map(|m| m.name()).collect::<Vec<_>>().join(";")))
        .collect();
    let mut current: Option<(i64, String, String)> = None;
    store.for_each_set(|set| {
        let Some(session) = context.sessions.get(&set.session_id) else {
            return Ok(());
        };
        if current.as_ref().is_none_or(|(id, _, _)| *id != session.id) {
            with_sets.insert(session.id);
            let (first, last) = session_columns(session);
            current = Some((session.id, first, last));
        }
        let Some((_, first, last)) = &current else { return Ok(()) };
        let e = &set.entry;
        writeln!(
            out,
            "{first},{},{},{},{},{},{},{},{},{},{last},{},{},,,",
            csv_text(&e.exercise),
            e.kind.as_str(),
            e.weight.load,
            e.weight.unit,
            e.reps,
            e.rir.map(|r| r.to_string()).unwrap_or_default(),
            e.form_broke,
            csv_text(&e.note),
            iso(set.logged_at),
            muscles.get(e.exercise.as_str()).map_or("", String::as_str),
            kind_columns(e),
        )
        .map_err(io)
    })?;
    let mut empty: Vec<&Session> = context.sessions.values().filter(|s| !with_sets.contains(&s.id)).collect();
    empty.sort_by_key(|s| (s.started_at, s.id));
    for session in &empty {
        let (first, last) = session_columns(session);
        writeln!(out, "{first},,,,,,,,,,{last},,,,,,,,,,").map_err(io)?;
    }
    // Deload weeks no session falls in.
    let used: HashSet<NaiveDate> =
        context.sessions.values().filter_map(|s| context.deload(s)).map(|(monday, _)| monday).collect();
    for (monday, style) in context.deload_weeks.iter().filter(|(m, _)| !used.contains(m)) {
        writeln!(out, ",,,,,,,,,,,,{},,,,{monday},,,,,,,,,,", style.as_str()).map_err(io)?;
    }
    // The body weight log: a row per reading, with only its three columns.
    for r in &context.body_weights {
        writeln!(out, "{}{},{},{}", ",".repeat(24), r.day, r.weight.load, r.weight.unit.label()).map_err(io)?;
    }
    Ok(())
}

fn json(store: &Store, context: &Context<'_>, out: &mut dyn Write) -> Result<(), StoreError> {
    let io = |e: std::io::Error| StoreError::Io { path: "the export".into(), source: e };
    let mut ordered: Vec<&Session> = context.sessions.values().collect();
    ordered.sort_by_key(|s| (s.started_at, s.id));
    let mut sets: HashMap<i64, Vec<JsonSet>> = HashMap::new();
    store.for_each_set(|set| {
        sets.entry(set.session_id).or_default().push(json_set(set));
        Ok(())
    })?;
    let log = JsonLog {
        sessions: ordered
            .into_iter()
            .map(|s| JsonSession {
                session_start: iso(s.started_at),
                session_end: s.ended_at.map(iso),
                plan_day: clean_note(&s.day_name).into_owned(),
                plan_day_index: s.day_index,
                note: clean_note(&s.note).into_owned(),
                deload: context.deload(s).map(|(_, style)| style.as_str()),
                readiness: s.readiness,
                sets: sets.remove(&s.id).unwrap_or_default(),
            })
            .collect(),
        deload_weeks: context
            .deload_weeks
            .iter()
            .map(|(monday, style)| JsonDeloadWeek { monday: monday.to_string(), style: style.as_str() })
            .collect(),
        exercises: context
            .custom
            .iter()
            .map(|c| JsonExercise {
                name: clean_note(&c.name).into_owned(),
                muscles: c.muscles.iter().map(|m| m.name()).collect(),
                equipment: c.equipment.name(),
                source: clean_note(&c.source).into_owned(),
                technical: c.technical,
            })
            .collect(),
        body_weights: context
            .body_weights
            .iter()
            .map(|r| JsonBodyWeight {
                day: r.day.to_string(),
                weight: r.weight.load.as_f64(),
                unit: r.weight.unit.label(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &log).map_err(|e| io(e.into()))?;
    writeln!(out).map_err(io)
}

//! hardset's own export, CSV or JSON, read back exactly: times in UTC, set kinds, RIR, form
//! broke, notes, check-ins, plan days, deload weeks and body weights. Exporting, wiping and
//! importing gives back the same log.

mod body_weight;
mod deload;
mod more;

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::ImportError;
use super::reader::{Input, JsonGuard, Records, Refused};
use super::rows::{ParsedSession, ParsedSet, Tally};
use super::staging::{MAX_SESSION_BYTES, Sessions, Staging};
use super::table::{Row, for_each_row};
use crate::model::exercise::{CustomExercise, Equipment, MAX_NAME_CHARS, Muscle};
use crate::model::session::{DeloadStyle, Readiness, SetEntry, SetKind};
use crate::model::units::{
    InputError, Load, Rir, Unit, Weight, load_from_value, parse_load, parse_reps, parse_rir, reps_from_value,
    rir_from_value,
};
use body_weight::{BodyWeightColumns, JsonBodyWeight};
use deload::{JsonDeloadWeek, deload, monday};
use more::{SetMore, json_set};

const OWN_UNITS: &str = "hardset's files carry the unit of every set: leave --unit out";

fn time(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| format!("\"{text}\" is not a time such as 2026-11-23T18:05:00Z"))
}

/// A column's value read with the set form's own rules, its error naming the column.
fn field<T>(column: &str, text: &str, parse: impl Fn(&str) -> Result<T, InputError>) -> Result<T, String> {
    parse(text).map_err(|e| format!("{column} \"{text}\": {e}"))
}

fn checkin(text: &str) -> Result<Option<Readiness>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let scores: Vec<Option<u8>> =
        text.split('/').map(|s| s.trim().parse::<u8>().ok().filter(|v| (1..=5).contains(v))).collect();
    match scores.as_slice() {
        [Some(sleep), Some(energy), Some(joints), Some(motivation)] => {
            Ok(Some(Readiness { sleep: *sleep, energy: *energy, joints: *joints, motivation: *motivation }))
        }
        _ => Err(format!("checkin \"{text}\" is not four scores 1-5 such as 4/3/5/4")),
    }
}

/// Reads the rows into `sessions`, and the deload weeks and body weights into `staging`; returns
/// the variant.
pub(super) fn parse_csv(
    records: &mut Records,
    flag: Option<Unit>,
    sessions: &mut Sessions<'_>,
    staging: &Staging,
    tally: &mut Tally,
    progress: &mut dyn FnMut(u64),
) -> Result<String, ImportError> {
    if flag.is_some() {
        return Err(ImportError::whole(OWN_UNITS));
    }
    let cols = super::table::header(records)?;
    let l = Layout {
        start: cols.need("session_start")?,
        end: cols.find(&["session_end"]),
        day: cols.need("plan_day")?,
        day_index: cols.find(&["plan_day_index"]),
        session_note: cols.find(&["session_note"]),
        checkin: cols.find(&["checkin"]),
        deload: cols.find(&["deload"]),
        exercise: cols.need("exercise")?,
        kind: cols.need("set_kind")?,
        weight: cols.need("weight")?,
        unit: cols.need("unit")?,
        reps: cols.need("reps")?,
        rir: cols.find(&["rir"]),
        form_broke: cols.find(&["form_broke"]),
        note: cols.find(&["note"]),
        logged_at: cols.need("logged_at")?,
        deload_week: cols.find(&["deload_week"]),
        muscles: cols.find(&["muscles"]),
        basis: cols.find(&["basis"]),
        seconds: cols.find(&["seconds"]),
        distance: cols.find(&["distance_m"]),
        side: cols.find(&["side"]),
        technique: cols.find(&["technique"]),
        superset: cols.find(&["superset"]),
    };
    let body_weights = BodyWeightColumns::find(&cols);
    for_each_row(records, &cols, progress, |_, row| {
        tally.rows += 1;
        if let Some(reading) = body_weights.read(row).map_err(|m| row.error(m))? {
            return body_weight::keep(staging, &reading).map_err(|e| ImportError { line: Some(row.line), ..e });
        }
        let deload_week = read_row(row, sessions, &l).map_err(|m| row.error(m))?;
        if let Some((monday, style)) = deload_week {
            staging.deload_week(monday, style)?;
        }
        sessions.check(row.line)
    })?;
    Ok("CSV".into())
}

struct Layout {
    start: usize,
    end: Option<usize>,
    day: usize,
    day_index: Option<usize>,
    session_note: Option<usize>,
    checkin: Option<usize>,
    deload: Option<usize>,
    exercise: usize,
    kind: usize,
    weight: usize,
    unit: usize,
    reps: usize,
    rir: Option<usize>,
    form_broke: Option<usize>,
    note: Option<usize>,
    logged_at: usize,
    deload_week: Option<usize>,
    muscles: Option<usize>,
    basis: Option<usize>,
    seconds: Option<usize>,
    distance: Option<usize>,
    side: Option<usize>,
    technique: Option<usize>,
    superset: Option<usize>,
}

/// A field read whole: notes keep their spaces and line breaks (the row's fields are already
/// cleaned); only the spreadsheet guard the export added is taken off.
fn raw<'a>(row: &'a Row<'_>, col: Option<usize>) -> &'a str {
    col.and_then(|c| row.fields.get(c)).map_or("", |f| crate::model::text::without_spreadsheet_guard(f))
}

/// A note as the log keeps it: at most 2000 characters.
fn checked_note(text: &str) -> Result<String, String> {
    if text.chars().count() > super::rows::MAX_NOTE_CHARS {
        return Err(format!("a note is longer than the {} characters the log holds", super::rows::MAX_NOTE_CHARS));
    }
    Ok(text.to_string())
}

/// Reads a row into its session; returns the deload week it starts, if any (a session's
/// first row, or a row of no session, says so).
fn read_row(
    row: &Row<'_>,
    sessions: &mut Sessions<'_>,
    l: &Layout,
) -> Result<Option<(NaiveDate, DeloadStyle)>, String> {
    let deload = deload(row.get_opt(l.deload))?;
    let week = match row.get_opt(l.deload_week) {
        "" => None,
        text => Some(monday(text)?),
    };
    let deload_week = match (deload, week) {
        (Some(style), Some(monday)) => Some((monday, style)),
        (None, None) => None,
        _ => return Err("deload and deload_week go together: both filled or both empty".into()),
    };
    let start_text = row.get(l.start);
    if start_text.is_empty() && week.is_some() {
        // A deload week no session falls in.
        return Ok(deload_week);
    }
    // A session's columns repeat on each of its rows: they are read on its first row only.
    let key = format!("{start_text}|{}", row.get(l.day));
    let known = sessions.switch_to(&key).map_err(|e| e.message)?;
    let (first, starts) = if known { (None, None) } else { (Some(read_session(row, l)?), deload_week) };
    let session = sessions.entry(&key, || first.unwrap_or_default()).map_err(|e| e.message)?;
    let exercise = row.get(l.exercise);
    if exercise.is_empty() {
        // A session with no sets.
        return Ok(starts);
    }
    read_set(row, l, session)?;
    Ok(starts)
}

/// The session columns of a session's first row.
fn read_session(row: &Row<'_>, l: &Layout) -> Result<ParsedSession, String> {
    let start_text = row.get(l.start);
    let started_at = time(start_text)?;
    let day_name = super::rows::clean_name(row.get(l.day), row.line, "plan_day").map_err(|e| e.message)?;
    let ended_at = match row.get_opt(l.end) {
        "" => None,
        text => Some(time(text)?),
    };
    let day_index = match row.get_opt(l.day_index) {
        "" => None,
        text => Some(text.parse::<usize>().map_err(|_| format!("plan_day_index \"{text}\" is not a number"))?),
    };
    let readiness = checkin(row.get_opt(l.checkin))?;
    let note = checked_note(raw(row, l.session_note))?;
    Ok(ParsedSession { started_at, ended_at, day_name, day_index, note, readiness, ..ParsedSession::default() })
}

/// A set's columns.
fn read_set(row: &Row<'_>, l: &Layout, session: &mut ParsedSession) -> Result<(), String> {
    let exercise = super::rows::clean_name(row.get(l.exercise), row.line, "exercise").map_err(|e| e.message)?;
    let kind_text = row.get(l.kind);
    let kind =
        SetKind::parse(kind_text).ok_or_else(|| format!("set_kind \"{kind_text}\" is not ramp-up or working"))?;
    let weight = field("weight", row.get(l.weight), parse_load)?;
    let unit_text = row.get(l.unit);
    let unit = Unit::parse(unit_text).ok_or_else(|| format!("unit \"{unit_text}\" is not kg or lb"))?;
    let reps = field("reps", row.get(l.reps), parse_reps)?;
    let rir = match row.get_opt(l.rir) {
        "" => None,
        text => Some(field("rir", text, parse_rir)?),
    };
    let form_broke = match row.get_opt(l.form_broke) {
        "" | "false" => false,
        "true" => true,
        other => return Err(format!("form_broke \"{other}\" is not true or false")),
    };
    let logged_at = time(row.get(l.logged_at))?;
    let muscles = row
        .get_opt(l.muscles)
        .split(';')
        .filter(|m| !m.trim().is_empty())
        .map(|m| Muscle::parse(m).ok_or_else(|| format!("muscles: \"{m}\" is not a muscle hardset knows")))
        .collect::<Result<Vec<_>, _>>()?;
    let mut entry = SetEntry {
        exercise,
        kind,
        weight: Weight::new(weight, unit),
        reps,
        rir,
        form_broke,
        note: checked_note(raw(row, l.note))?,
        ..Default::default()
    };
    let superset = raw(row, l.superset);
    SetMore {
        basis: row.get_opt(l.basis),
        seconds: row.get_opt(l.seconds),
        distance_m: row.get_opt(l.distance),
        side: row.get_opt(l.side),
        technique: row.get_opt(l.technique),
        superset: (!superset.is_empty()).then_some(superset),
    }
    .apply(&mut entry)?;
    session.sets.push(ParsedSet { entry, logged_at: Some(logged_at), muscles });
    Ok(())
}

fn de_with<'de, D: Deserializer<'de>, T, F: Fn(&str) -> Result<T, String>>(d: D, f: F) -> Result<T, D::Error> {
    let text = String::deserialize(d)?;
    f(&text).map_err(serde::de::Error::custom)
}

fn de_time<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    de_with(d, time)
}

fn de_opt_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    Option::<String>::deserialize(d)?.map(|t| time(&t)).transpose().map_err(serde::de::Error::custom)
}

fn de_kind<'de, D: Deserializer<'de>>(d: D) -> Result<SetKind, D::Error> {
    de_with(d, |t| SetKind::parse(t).ok_or_else(|| format!("set_kind \"{t}\" is not ramp-up or working")))
}

fn de_unit<'de, D: Deserializer<'de>>(d: D) -> Result<Unit, D::Error> {
    de_with(d, |t| Unit::parse(t).ok_or_else(|| format!("unit \"{t}\" is not kg or lb")))
}

fn de_load<'de, D: Deserializer<'de>>(d: D) -> Result<Load, D::Error> {
    let value = f64::deserialize(d)?;
    load_from_value(value).map_err(|e| serde::de::Error::custom(format!("weight {value}: {e}")))
}

fn de_rir<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Rir>, D::Error> {
    let value = Option::<f64>::deserialize(d)?;
    value.map(rir_from_value).transpose().map_err(|e| serde::de::Error::custom(format!("rir: {e}")))
}

fn de_reps<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    let value = f64::deserialize(d)?;
    reps_from_value(value).map_err(|e| serde::de::Error::custom(format!("reps {value}: {e}")))
}

fn de_name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    crate::model::exercise::deserialize_name(d)
}

fn de_readiness<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Readiness>, D::Error> {
    let readiness = Option::<Readiness>::deserialize(d)?;
    if let Some(r) = readiness
        && r.scores().iter().any(|(_, v)| !(1..=5).contains(v))
    {
        return Err(serde::de::Error::custom("readiness scores are 1 to 5"));
    }
    Ok(readiness)
}

fn de_note<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    de_with(d, |text| checked_note(&crate::model::text::clean_note(text)))
}

/// Where one of the log's own exercises came from: one line, cut to the length of a name (the
/// log keeps no longer label).
fn de_source<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    de_with(d, |text| Ok(crate::model::text::clean_line(text).chars().take(MAX_NAME_CHARS).collect()))
}

fn de_muscles<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Muscle>, D::Error> {
    Vec::<String>::deserialize(d)?
        .iter()
        .map(|m| Muscle::parse(m).ok_or_else(|| format!("\"{m}\" is not a muscle hardset knows")))
        .collect::<Result<_, _>>()
        .map_err(serde::de::Error::custom)
}

fn de_equipment<'de, D: Deserializer<'de>>(d: D) -> Result<Equipment, D::Error> {
    de_with(d, |t| Equipment::parse(t).ok_or_else(|| format!("equipment \"{t}\" is not one hardset knows")))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonExercise {
    #[serde(deserialize_with = "de_name")]
    name: String,
    #[serde(default, deserialize_with = "de_muscles")]
    muscles: Vec<Muscle>,
    #[serde(deserialize_with = "de_equipment")]
    equipment: Equipment,
    #[serde(default, deserialize_with = "de_source")]
    source: String,
    #[serde(default)]
    technical: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonSet {
    #[serde(deserialize_with = "de_name")]
    exercise: String,
    #[serde(deserialize_with = "de_kind")]
    set_kind: SetKind,
    #[serde(deserialize_with = "de_load")]
    weight: Load,
    #[serde(deserialize_with = "de_unit")]
    unit: Unit,
    #[serde(deserialize_with = "de_reps")]
    reps: u16,
    #[serde(default, deserialize_with = "de_rir")]
    rir: Option<Rir>,
    #[serde(default)]
    form_broke: bool,
    #[serde(default, deserialize_with = "de_note")]
    note: String,
    #[serde(deserialize_with = "de_time")]
    logged_at: DateTime<Utc>,
    #[serde(default)]
    basis: Option<String>,
    #[serde(default)]
    seconds: Option<u32>,
    #[serde(default)]
    distance_m: Option<f64>,
    #[serde(default)]
    side: Option<String>,
    #[serde(default)]
    technique: Option<String>,
    #[serde(default)]
    superset: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonSession {
    #[serde(deserialize_with = "de_time")]
    session_start: DateTime<Utc>,
    #[serde(default, deserialize_with = "de_opt_time")]
    session_end: Option<DateTime<Utc>>,
    #[serde(deserialize_with = "de_name")]
    plan_day: String,
    #[serde(default)]
    plan_day_index: Option<usize>,
    #[serde(default, deserialize_with = "de_note")]
    note: String,
    /// Written for the reader; the log's `deload_weeks` are what is imported.
    #[serde(default)]
    #[allow(dead_code)]
    deload: Option<String>,
    #[serde(default, deserialize_with = "de_readiness")]
    readiness: Option<Readiness>,
    #[serde(deserialize_with = "de_sets")]
    sets: Vec<JsonSet>,
}

/// A session's sets, refused once they hold more than any workout does, so one session of a
/// hostile file cannot fill the memory.
fn de_sets<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<JsonSet>, D::Error> {
    struct Sets;
    impl<'de> Visitor<'de> for Sets {
        type Value = Vec<JsonSet>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list of sets")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<JsonSet>, A::Error> {
            let mut sets = Vec::new();
            let mut bytes = 0;
            while let Some(set) = seq.next_element::<JsonSet>()? {
                bytes += std::mem::size_of::<JsonSet>() + set.exercise.len() + set.note.len();
                if bytes > MAX_SESSION_BYTES {
                    return Err(serde::de::Error::custom(super::staging::too_big()));
                }
                sets.push(set);
            }
            Ok(sets)
        }
    }
    d.deserialize_seq(Sets)
}

/// The top-level keys of hardset's JSON export.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Key {
    Sessions,
    DeloadWeeks,
    Exercises,
    BodyWeights,
}

/// Where the JSON document's parts go as they are read: each session, deload week, exercise and
/// body weight into the scratch database, one at a time.
struct Sink<'a> {
    staging: &'a Staging,
    tally: &'a mut Tally,
    sessions: u64,
    /// What stopped the scratch database, kept to report as it is.
    failed: Option<ImportError>,
}

impl Sink<'_> {
    fn session(&mut self, s: JsonSession) -> Result<(), ImportError> {
        self.tally.rows += s.sets.len().max(1) as u64;
        self.sessions += 1;
        let session = ParsedSession {
            started_at: s.session_start,
            ended_at: s.session_end,
            day_name: s.plan_day,
            day_index: s.plan_day_index,
            note: s.note,
            readiness: s.readiness,
            sets: s.sets.into_iter().map(json_set).collect::<Result<_, _>>().map_err(ImportError::whole)?,
            exercise_notes: Vec::new(),
        };
        // Each session of the file is its own, even at the same start as another.
        self.staging.add_session(&format!("#{}", self.sessions), &session)
    }

    fn exercise(&mut self, e: JsonExercise) -> Result<(), ImportError> {
        self.staging.custom(&CustomExercise {
            name: e.name,
            muscles: e.muscles,
            equipment: e.equipment,
            source: if e.source.is_empty() { "hardset import".into() } else { e.source },
            technical: e.technical,
        })
    }

    /// A scratch failure as a deserializer's error; the failure itself is kept.
    fn stop<E: serde::de::Error>(&mut self, error: ImportError) -> E {
        let message = error.message.clone();
        self.failed = Some(error);
        E::custom(message)
    }
}

/// The whole document, read as a map whose lists are handed to the sink item by item.
struct Document<'s, 'a>(&'s mut Sink<'a>);

impl<'de> DeserializeSeed<'de> for Document<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Document<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("hardset's JSON export: an object with sessions, deload_weeks, exercises and body_weights")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = [false; 4];
        while let Some(key) = map.next_key::<Key>()? {
            let (index, name) = match key {
                Key::Sessions => (0, "sessions"),
                Key::DeloadWeeks => (1, "deload_weeks"),
                Key::Exercises => (2, "exercises"),
                Key::BodyWeights => (3, "body_weights"),
            };
            if std::mem::replace(&mut seen[index], true) {
                return Err(serde::de::Error::duplicate_field(name));
            }
            map.next_value_seed(List { sink: &mut *self.0, key })?;
        }
        if !seen[0] {
            return Err(serde::de::Error::missing_field("sessions"));
        }
        Ok(())
    }
}

/// One of the document's lists, handed over item by item.
struct List<'s, 'a> {
    sink: &'s mut Sink<'a>,
    key: Key,
}

impl<'de> DeserializeSeed<'de> for List<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for List<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let sink = self.sink;
        loop {
            let handed = match self.key {
                Key::Sessions => match seq.next_element::<JsonSession>()? {
                    Some(session) => sink.session(session),
                    None => return Ok(()),
                },
                Key::DeloadWeeks => match seq.next_element::<JsonDeloadWeek>()? {
                    Some(week) => sink.staging.deload_week(week.monday, week.style),
                    None => return Ok(()),
                },
                Key::Exercises => match seq.next_element::<JsonExercise>()? {
                    Some(exercise) => sink.exercise(exercise),
                    None => return Ok(()),
                },
                Key::BodyWeights => match seq.next_element::<JsonBodyWeight>()? {
                    Some(reading) => body_weight::keep(sink.staging, &reading.reading()),
                    None => return Ok(()),
                },
            };
            if let Err(error) = handed {
                return Err(sink.stop(error));
            }
        }
    }
}

/// Reads hardset's JSON export from `input` into `staging`, one session at a time; returns the
/// variant. No text or number longer than 64 KiB is read (see [`JsonGuard`]).
pub(super) fn parse_json(
    input: Input,
    flag: Option<Unit>,
    staging: &Staging,
    tally: &mut Tally,
) -> Result<String, ImportError> {
    if flag.is_some() {
        return Err(ImportError::whole(OWN_UNITS));
    }
    let guarded = std::io::BufReader::with_capacity(64 << 10, JsonGuard::new(input));
    let mut sink = Sink { staging, tally, sessions: 0, failed: None };
    let mut deserializer = serde_json::Deserializer::from_reader(guarded);
    let read = Document(&mut sink).deserialize(&mut deserializer).and_then(|()| deserializer.end());
    match read {
        Ok(()) => Ok("JSON".into()),
        Err(_) if sink.failed.is_some() => Err(sink.failed.take().unwrap_or_else(|| ImportError::whole(""))),
        Err(e) if e.is_io() => {
            let io = std::io::Error::from(e);
            match io.get_ref().and_then(|inner| inner.downcast_ref::<Refused>()) {
                Some(refused) => Err(ImportError::at(refused.line, refused.message.clone())),
                None => Err(ImportError::whole(format!("cannot read it: {io}"))),
            }
        }
        Err(e) => Err(ImportError::at(
            e.line() as u64,
            format!("column {}: {e}", e.column()).replace(&format!(" at line {} column {}", e.line(), e.column()), ""),
        )),
    }
}

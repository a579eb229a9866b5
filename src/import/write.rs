//! Writing what was read: session by session, every exercise mapped to the catalogue, all in
//! one transaction.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::rows::{ParsedSession, Tally, finish_session};
use super::staging::Staging;
use super::{Failure, ImportError, Source, Staged, Unknown, fitnotes, hevy, liftosaur};
use crate::clock::Clock;
use crate::model::exercise::{Catalogue, CustomExercise, Equipment, Muscle};
use crate::model::session::SessionRecord;
use crate::store::{ImportCounts, ImportWriter, Matching, Store};

/// Writes what `staged` holds into `store` in one transaction (rolled back in a dry run): every
/// session, then the exercises the file brings, then its deload weeks and body weights.
/// `progress` hears sessions written. Returns what was written and the first and last session dates.
pub(super) fn write(
    store: &mut Store,
    staged: &mut Staged,
    dry_run: bool,
    catalogue: &Catalogue,
    clock: &dyn Clock,
    progress: &mut dyn FnMut(&str, u64, u64),
) -> Result<(ImportCounts, Option<(NaiveDate, NaiveDate)>), Failure> {
    let Staged { source, delimiter, staging, tally, .. } = staged;
    let (source, staging) = (*source, &*staging);
    let (sessions, sets) = staging.counts();
    let mut dates: Option<(NaiveDate, NaiveDate)> = None;
    let mut own = OwnNames { staging, answers: HashMap::new() };
    let mut unknown = Unknowns { staging, met: HashMap::new() };
    let mut written = 0;
    // Hevy, Fitbod and Liftosaur write the newest workout first and FitNotes need not be in
    // order: the log reads better oldest first.
    let by_start = !matches!(source, Source::Strong | Source::Hardset);
    let label = format!("{} import", source.name());
    let counts = store.import_with(matching(source), sets as usize, !dry_run, |writer| {
        staging.for_each_session(by_start, |mut session| -> Result<(), Failure> {
            finish(source, &mut session, tally, catalogue);
            let day = clock.local_date(session.started_at);
            dates = Some(dates.map_or((day, day), |(a, b)| (a.min(day), b.max(day))));
            let mut record = prepare_session(session, catalogue, &mut own, &mut unknown)?;
            if source != Source::Hardset {
                super::bodyweight::on_body_weight(&mut record, catalogue);
            }
            writer.session(&record)?;
            written += 1;
            progress("writing", written, sessions);
            Ok(())
        })?;
        write_exercises(writer, staging, &mut unknown, &label)?;
        // hardset's CSV repeats a deload week on each of its sessions' rows: once each, in order.
        let sorted = *delimiter != b'{';
        staging
            .for_each_deload_week(sorted, |monday, style| writer.deload_week(monday, style).map_err(Failure::from))?;
        // The body weight log (only hardset's own files carry one): a day the log has kept.
        staging.for_each_body_weight(|reading| writer.body_weight(&reading).map_err(Failure::from))
    })?;
    Ok((counts, dates))
}

/// What is left to do once a session is whole: Hevy's numbered notes go back on their sets,
/// a FitNotes day gets its name, a Liftosaur workout finds its time and the catalogue's names,
/// another app's session is finished (notes placed, a time for every set, an end), and a
/// Strong or Hevy note's tag lines set what they name.
fn finish(source: Source, session: &mut ParsedSession, tally: &mut Tally, catalogue: &Catalogue) {
    match source {
        Source::Hevy => {
            hevy::place_numbered_notes(session);
            hevy::label_supersets(session);
        }
        Source::Fitnotes => fitnotes::name_day(session),
        Source::Liftosaur => liftosaur::finish(session, catalogue, tally),
        Source::Strong | Source::Hardset | Source::Fitbod => {}
    }
    if source != Source::Hardset {
        finish_session(session, tally);
    }
    // The sides, techniques and groups hardset's export to these layouts writes in a note.
    if matches!(source, Source::Strong | Source::Hevy) {
        for set in &mut session.sets {
            let per_side = catalogue.get(&set.entry.exercise).is_some_and(|e| e.per_side);
            crate::model::session::take_tags(&mut set.entry, per_side);
        }
    }
}

/// The exercises the file brings, as the log's own: the file's own list first (an unknown name
/// it lists keeps what the file says), then every name the catalogue does not know, under
/// `label` (`Strong import`).
fn write_exercises(
    writer: &mut ImportWriter<'_>,
    staging: &Staging,
    unknown: &mut Unknowns<'_>,
    label: &str,
) -> Result<(), Failure> {
    staging.for_each_custom(|custom| writer.custom(&custom).map_err(Failure::from))?;
    unknown.flush()?;
    staging.for_each_unknown(|name, _, muscles| {
        let equipment = Equipment::guess_from_name(&name);
        writer.custom(&CustomExercise { name, muscles, equipment, source: label.to_string(), technical: None })?;
        Ok::<(), Failure>(())
    })
}

/// Exercises the catalogue does not know, met while writing: the first spelling of each (any
/// case) is the one its sets are filed under. The most recent are kept in memory, all of them in
/// the scratch database.
struct Unknowns<'s> {
    staging: &'s Staging,
    met: HashMap<String, Unknown>,
}

impl Unknowns<'_> {
    /// How many unknown exercises are kept in memory before they go to the scratch database.
    const IN_MEMORY: usize = 10_000;

    /// The name a set of the unknown `exercise` is filed under, counting the set.
    fn file(&mut self, exercise: &str, muscles: Vec<Muscle>) -> Result<String, ImportError> {
        let lower = exercise.to_lowercase();
        if let Some(seen) = self.met.get_mut(&lower) {
            seen.sets += 1;
            return Ok(seen.name.clone());
        }
        let (name, muscles) = self.staging.unknown(&lower)?.unwrap_or_else(|| (exercise.to_string(), muscles));
        if self.met.len() >= Unknowns::IN_MEMORY {
            self.flush()?;
        }
        self.met.insert(lower, Unknown { name: name.clone(), sets: 1, muscles });
        Ok(name)
    }

    fn flush(&mut self) -> Result<(), ImportError> {
        for (lower, seen) in self.met.drain() {
            self.staging.add_unknown(&lower, &seen.name, seen.sets, &seen.muscles)?;
        }
        Ok(())
    }
}

/// Names a hardset JSON file lists as the log's own exercises, looked up in the scratch
/// database (the last few thousand answers remembered).
struct OwnNames<'s> {
    staging: &'s Staging,
    answers: HashMap<String, bool>,
}

impl OwnNames<'_> {
    fn contains(&mut self, lower: &str) -> Result<bool, ImportError> {
        if let Some(&own) = self.answers.get(lower) {
            return Ok(own);
        }
        let own = self.staging.is_custom(lower)?;
        if self.answers.len() >= 4096 {
            self.answers.clear();
        }
        self.answers.insert(lower.to_string(), own);
        Ok(own)
    }
}

/// Maps every exercise of a session to the catalogue (by name or alias) and builds what the
/// store writes: a set is filed under the catalogue's name whatever spelling the file uses
/// (hardset's own files too), so `history` and the app find it. A name a hardset JSON file lists
/// as one of the log's own exercises stays as it is. Names the catalogue does not know become
/// the log's own exercises, with the muscles the file gives them.
fn prepare_session(
    session: ParsedSession,
    catalogue: &Catalogue,
    own: &mut OwnNames<'_>,
    unknown: &mut Unknowns<'_>,
) -> Result<SessionRecord, ImportError> {
    let mut sets = Vec::with_capacity(session.sets.len());
    for set in session.sets {
        let mut entry = set.entry;
        match catalogue.get(&entry.exercise) {
            // A name the file's own exercise list gives stays that exercise.
            Some(_) if own.contains(&entry.exercise.to_lowercase())? => {}
            Some(known) => {
                super::techniques::side_from_name(&mut entry, known);
                entry.exercise.clone_from(&known.name);
            }
            None => entry.exercise = unknown.file(&entry.exercise, set.muscles)?,
        }
        sets.push((entry, set.logged_at.unwrap_or(session.started_at)));
    }
    super::techniques::settle_drop_sets(&mut sets);
    Ok(SessionRecord {
        started_at: session.started_at,
        ended_at: session.ended_at,
        day_name: session.day_name,
        day_index: session.day_index,
        sets,
        readiness: session.readiness,
        note: session.note,
    })
}

/// How sessions already in the log are recognised. hardset's own times are exact; Hevy's are
/// to the minute (hardset's Hevy export drops the seconds); a FitNotes day is one session
/// whatever its categories add up to.
fn matching(source: Source) -> Matching {
    match source {
        Source::Hardset | Source::Strong | Source::Fitbod | Source::Liftosaur => Matching::StartAndName,
        Source::Hevy => Matching::MinuteAndName,
        Source::Fitnotes => Matching::Start,
    }
}

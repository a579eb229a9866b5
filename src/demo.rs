//! Deterministic synthetic history following the example plan: progressing loads, RIR values,
//! an occasional broken form. For `--demo`, screenshots and benchmarks on years of data.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};

use crate::clock::Clock;
use crate::config::EquipmentSettings;
use crate::model::plan::{DayKind, Plan, PlanDay, PlannedExercise};
use crate::model::session::{Readiness, SessionRecord, SetEntry, SetKind};
use crate::model::units::{Load, Rir, Unit, Weight};
use crate::store::{ImportBatch, Store, StoreError};
use crate::training::{progression, ramp};

/// A small, fixed pseudo-random sequence (xorshift), so every demo is the same.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn starting_load(name: &str) -> f64 {
    match name {
        "Machine chest press" => 50.0,
        "Seated cable row" => 45.0,
        "Lateral raise" => 8.0,
        "Cable triceps pushdown" => 20.0,
        "Incline dumbbell press" => 22.0,
        "Lat pulldown" => 50.0,
        "Chest-supported row" => 20.0,
        "Face pull" => 15.0,
        "Cable curl" => 15.0,
        _ => 20.0,
    }
}

fn at_local(clock: &dyn Clock, date: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN);
    let guess = date.and_time(time).and_utc();
    (date.and_time(time) - clock.offset_at(guess)).and_utc()
}

/// Each exercise's last two sessions: working sets and date, the latest first.
type Recent = HashMap<String, Vec<(NaiveDate, Vec<SetEntry>)>>;

/// Sessions for the `weeks` weeks before today, planned so that today is the plan's first day.
pub fn history(plan: &Plan, clock: &dyn Clock, weeks: u32) -> Vec<SessionRecord> {
    let today = clock.local_date(clock.now());
    let days = u64::from(weeks) * 7;
    let count = plan.days.len().max(1) as i64;
    let mut dice = Dice(0x5eed_1234_abcd_0042);
    let mut moods = Dice(0x0c0f_fee0_0dd5_0042);
    let mut last: Recent = HashMap::new();
    let mut sessions = Vec::new();
    for back in (1..=days).rev() {
        let date = today - Days::new(back);
        let index = (-(back as i64)).rem_euclid(count) as usize;
        let Some(day) = plan.days.get(index) else {
            continue;
        };
        match day.kind {
            DayKind::Rest => continue,
            DayKind::ActiveRecovery => {
                if dice.below(5) > 0 {
                    sessions.push(recovery_session(clock, date, day, index));
                }
                continue;
            }
            DayKind::Training => {}
        }
        let start = at_local(clock, date, 18, dice.below(45) as u32);
        let mut at = start;
        let mut sets = Vec::new();
        for planned in &day.exercises {
            let done = exercise_sets(planned, plan.unit, date, &last, &mut dice, &mut at, &mut sets);
            let times = last.entry(planned.name.clone()).or_default();
            times.insert(0, (date, done));
            times.truncate(2);
        }
        let end = at + chrono::Duration::minutes(5);
        sessions.push(SessionRecord {
            started_at: start,
            ended_at: Some(end),
            day_name: day.name.clone(),
            day_index: Some(index),
            sets,
            readiness: check_in(&mut moods),
            note: String::new(),
        });
    }
    sessions
}

/// An active-recovery day: a session with no sets at noon.
fn recovery_session(clock: &dyn Clock, date: NaiveDate, day: &PlanDay, index: usize) -> SessionRecord {
    let at = at_local(clock, date, 12, 0);
    SessionRecord {
        started_at: at,
        ended_at: Some(at),
        day_name: day.name.clone(),
        day_index: Some(index),
        sets: Vec::new(),
        readiness: None,
        note: String::new(),
    }
}

/// One exercise of a training day, its sets added to `sets` one after another from `at`: the
/// ramp-up ladder, then the working sets at the load progression suggests. Returns the working
/// sets.
fn exercise_sets(
    planned: &PlannedExercise,
    unit: Unit,
    date: NaiveDate,
    last: &Recent,
    dice: &mut Dice,
    at: &mut DateTime<Utc>,
    sets: &mut Vec<(SetEntry, DateTime<Utc>)>,
) -> Vec<SetEntry> {
    let times = last.get(&planned.name).cloned().unwrap_or_default();
    let history = progression::History {
        last: times.first().map_or(&[][..], |(_, sets)| sets.as_slice()),
        last_date: times.first().map(|(date, _)| *date),
        before: times.get(1).and_then(|(_, sets)| sets.first()),
        // The demo lifter never misses a rep outright.
        missed: None,
    };
    let gear = EquipmentSettings::default().gear();
    let loadable = |unit| ramp::loadable_for(planned.equipment, &gear, planned.load_step, unit);
    let target = progression::target(planned, &history, date, loadable, &progression::Rules::default());
    let first = Weight::new(Load::from_f64(starting_load(&planned.name)).unwrap_or_default(), unit);
    let mut weight = target.weight.unwrap_or(first);
    if weight.load.as_f64() > starting_load(&planned.name) * 1.8 {
        // A new cycle: back to the starting load.
        weight = first;
    }
    if planned.ramp_up {
        ramp_up_sets(planned, weight, unit, at, sets);
    }
    working_sets(planned, &target, weight, dice, at, sets)
}

/// The ramp-up ladder to `weight`, 90 seconds apart.
fn ramp_up_sets(
    planned: &PlannedExercise,
    weight: Weight,
    unit: Unit,
    at: &mut DateTime<Utc>,
    sets: &mut Vec<(SetEntry, DateTime<Utc>)>,
) {
    let loadable = ramp::loadable_for(planned.equipment, &EquipmentSettings::default().gear(), planned.load_step, unit);
    let rungs = planned.ramp_up_ladder.clone().unwrap_or_else(|| ramp::default_rungs(planned.equipment));
    for rung in ramp::ladder(Some(weight), &rungs, &loadable, unit) {
        let entry = SetEntry {
            exercise: planned.name.clone(),
            kind: SetKind::RampUp,
            weight: rung.weight.unwrap_or(weight),
            reps: rung.reps,
            rir: None,
            form_broke: false,
            note: String::new(),
            ..Default::default()
        };
        *at += chrono::Duration::seconds(90);
        sets.push((entry, *at));
    }
}

/// The planned working sets at `weight`, a rest apart: reps near the target, one fewer each
/// set, an RIR in the planned range, and now and then a broken form. Returns them.
fn working_sets(
    planned: &PlannedExercise,
    target: &progression::Target,
    weight: Weight,
    dice: &mut Dice,
    at: &mut DateTime<Utc>,
    sets: &mut Vec<(SetEntry, DateTime<Utc>)>,
) -> Vec<SetEntry> {
    let mut done = Vec::new();
    for n in 0..planned.sets {
        let wobble = dice.below(3) as i32 - 1;
        // After a load step the target is a floor ("6+"): the demo lifter, who grows
        // stronger every week, gets a rep past it.
        let floor = i32::from(target.at_least);
        let reps = (i32::from(target.reps) + floor + wobble - i32::from(n))
            .clamp(i32::from(planned.reps.low) - 1, i32::from(planned.reps.high))
            .max(1);
        let halves = planned.rir.low * 2 + dice.below(3) as u8;
        let form_broke = dice.below(25) == 0;
        let note = if form_broke { "lower back rounded on the last rep".to_string() } else { String::new() };
        let entry = SetEntry {
            exercise: planned.name.clone(),
            kind: SetKind::Working,
            weight,
            reps: reps as u16,
            rir: Rir::from_halves(halves),
            form_broke,
            note,
            ..Default::default()
        };
        *at += chrono::Duration::seconds(planned.rest.as_secs() as i64 + 45);
        done.push(entry.clone());
        sets.push((entry, *at));
    }
    done
}

/// Most sessions open with a check-in: mostly good days, the odd rough one. `moods` is its own
/// dice, so check-ins leave the lifting history as it was.
fn check_in(moods: &mut Dice) -> Option<Readiness> {
    let score = |dice: &mut Dice| 5 - (dice.below(4) as u8).min(dice.below(4) as u8);
    (moods.below(5) > 0).then(|| Readiness {
        sleep: score(moods),
        energy: score(moods),
        joints: score(moods),
        motivation: score(moods),
    })
}

/// Writes `weeks` weeks of demo history in one transaction; returns the number of sets.
pub fn fill(store: &mut Store, plan: &Plan, clock: &dyn Clock, weeks: u32) -> Result<usize, StoreError> {
    let sessions = history(plan, clock, weeks);
    if let Some(first) = sessions.first() {
        store.record_plan_revision(&plan.fingerprint, &plan.name, first.started_at, |_, _| true)?;
    }
    let batch = ImportBatch { sessions, ..ImportBatch::default() };
    let counts = store.import(&batch, true, &mut |_| {})?;
    Ok((counts.working_added + counts.ramp_up_added) as usize)
}

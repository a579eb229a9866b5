//! Today as `hardset today` prints it: the plan day, each exercise's sets with their targets,
//! the reason, last time with its date, the warnings and the recovery signs, as the Today
//! screen shows them; in words, or as one JSON object.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::clock::Clock;
use crate::model::plan::DayKind;
use crate::model::session::{DeloadStyle, LoggedSet, SetKind};
use crate::model::units::{Effort, Unit, Weight};
use crate::today::{Today, group};
use crate::training::checklist::{ExerciseToday, slot_name};

/// Today, for the command line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TodayReport {
    /// The day evaluated (local).
    pub date: NaiveDate,
    /// The plan day.
    pub day: DayReport,
    /// This week is a deload week.
    pub deload_week: bool,
    /// The recovery signs line up enough to suggest a deload week.
    pub deload_suggested: bool,
    /// Each exercise of the day.
    pub exercises: Vec<ExerciseReport>,
    /// What the method warns about.
    pub warnings: Vec<Said>,
    /// Each recovery sign that fired, with its numbers.
    pub recovery_signs: Vec<Said>,
    /// How the deload week lightens the day ("volume" or "load"), when it is one.
    #[serde(skip)]
    pub deload_style: Option<DeloadStyle>,
}

/// The plan day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayReport {
    /// Its position in the plan, from 0 (as exports write it); `None` for an unplanned day.
    pub index: Option<usize>,
    /// Its name.
    pub name: String,
    /// "training", "active-recovery" or "rest".
    pub kind: &'static str,
}

/// One exercise of the day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExerciseReport {
    /// Its name.
    pub exercise: String,
    /// Today's target for its working sets.
    pub target: TargetReport,
    /// Why that target.
    pub reason: String,
    /// The first working set of the last time it was trained.
    pub last_time: Option<LastTime>,
    /// Ramp-up sets, then working sets.
    pub sets: Vec<SetReport>,
    /// Skipped today.
    #[serde(skip)]
    pub skipped: bool,
    /// How the plan prescribes it, as the screen's title says it ("1x6-10 @ RIR 0-1").
    #[serde(skip)]
    pub prescription: String,
    /// Its place in a superset or circuit ("A1"), when it is in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The group's line above its first exercise ("Superset A · round 1 of 2 · then rest 2m").
    #[serde(skip)]
    pub group_line: Option<String>,
}

/// A target: load (none without history), reps and the reps in reserve to stop at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetReport {
    /// The load, in `unit`; `None` only when there is no history to go on.
    pub weight: Option<f64>,
    /// On body weight, `bw+` (`weight` is the belt) or `bw-` (the assistance); absent for a load.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<&'static str>,
    /// "kg" or "lb".
    pub unit: &'static str,
    /// Reps to aim for.
    pub reps: u16,
    /// `reps` is a floor ("6+"): after a load step, as many as come before the RIR target.
    pub reps_at_least: bool,
    /// Closest to failure to go.
    pub rir_low: u8,
    /// Furthest from failure to stop.
    pub rir_high: u8,
}

/// What was done last time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LastTime {
    /// The local date it was logged.
    pub date: NaiveDate,
    /// Its load.
    pub weight: f64,
    /// On body weight, `bw+` (`weight` is the belt) or `bw-` (the assistance); absent for a load.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<&'static str>,
    /// "kg" or "lb".
    pub unit: &'static str,
    /// Its reps.
    pub reps: u16,
    /// Its reps in reserve, when known.
    pub rir: Option<f64>,
    /// The form broke.
    pub form_broke: bool,
}

/// One set to do, or done.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetReport {
    /// "ramp-up" or "working".
    pub kind: &'static str,
    /// Its load (the one logged, once done); `None` when not known yet.
    pub weight: Option<f64>,
    /// Its reps (the ones logged, once done).
    pub reps: u16,
    /// Logged.
    pub done: bool,
    /// What the screen shows for it.
    #[serde(skip)]
    pub text: String,
}

/// A warning or a sign: its kind and its words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Said {
    /// What it is about.
    pub kind: &'static str,
    /// What the lifter reads.
    pub text: String,
}

impl TodayReport {
    /// The report of `today`, dates read with `clock`; loads with no history in `plan_unit`.
    pub fn new(today: &Today, plan_unit: Unit, clock: &dyn Clock) -> TodayReport {
        TodayReport::new_in(today, plan_unit, clock, Effort::Rir)
    }

    /// [`TodayReport::new`], its words (the rows, the prescription) in the lifter's scale of
    /// effort; the numbers (`rir`, `rir_low`, `rir_high`) stay RIR.
    pub fn new_in(today: &Today, plan_unit: Unit, clock: &dyn Clock, effort: Effort) -> TodayReport {
        TodayReport {
            date: today.date,
            day: DayReport {
                index: today.day_index,
                name: today.day.name.clone(),
                kind: match today.day.kind {
                    DayKind::Training => "training",
                    DayKind::ActiveRecovery => "active-recovery",
                    DayKind::Rest => "rest",
                },
            },
            deload_week: today.deload.is_some(),
            deload_suggested: today.deload.is_none() && today.signs.suggest_deload(),
            exercises: group::places(today)
                .into_iter()
                .enumerate()
                .map(|(ei, place)| ExerciseReport {
                    group_line: group::line(today, ei),
                    ..exercise_report(&today.exercises[ei], place, plan_unit, clock, effort)
                })
                .collect(),
            warnings: today.warnings.iter().map(|w| Said { kind: w.kind.as_str(), text: w.text.clone() }).collect(),
            recovery_signs: today
                .signs
                .listed()
                .into_iter()
                .map(|(kind, text)| Said { kind: kind.as_str(), text })
                .collect(),
            deload_style: today.deload.map(|d| d.style),
        }
    }

    /// The report in words, as the Today screen puts it.
    pub fn text(&self, activities: &[String], note: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{} · {} ({})", self.date.format("%a %-d %b %Y"), self.day.name, self.day.kind);
        if !note.is_empty() {
            let _ = writeln!(out, "{note}");
        }
        match self.deload_style {
            Some(DeloadStyle::Volume) => out.push_str("This is a deload week (fewer sets).\n"),
            Some(DeloadStyle::Load) => out.push_str("This is a deload week (less load).\n"),
            None => {}
        }
        for activity in activities {
            let _ = writeln!(out, "  • {activity}");
        }
        for exercise in &self.exercises {
            let skipped = if exercise.skipped { " (skipped)" } else { "" };
            if let Some(line) = &exercise.group_line {
                let _ = writeln!(out, "\n{line}");
            }
            let place = exercise.group.as_ref().map(|p| format!("{p} ")).unwrap_or_default();
            let blank = if exercise.group.is_some() { "" } else { "\n" };
            let _ = writeln!(out, "{blank}{place}{}{skipped}  {}", exercise.exercise, exercise.prescription);
            let _ = writeln!(out, "  {}", exercise.reason);
            if let Some(last) = &exercise.last_time {
                let _ = writeln!(out, "  last trained {}", last.date.format("%a %-d %b %Y"));
            }
            for set in &exercise.sets {
                let _ = writeln!(out, "  {}", set.text);
            }
        }
        if !self.warnings.is_empty() {
            out.push_str("\nWarnings:\n");
            for warning in &self.warnings {
                let _ = writeln!(out, "  ! {}", warning.text);
            }
        }
        if !self.recovery_signs.is_empty() {
            out.push_str("\nRecovery signs:\n");
            for sign in &self.recovery_signs {
                let _ = writeln!(out, "  - {}", sign.text);
            }
        }
        out
    }
}

fn exercise_report(
    exercise: &ExerciseToday,
    place: Option<String>,
    plan_unit: Unit,
    clock: &dyn Clock,
    effort: Effort,
) -> ExerciseReport {
    let planned = &exercise.planned;
    let target = &exercise.target;
    let unit = target.weight.or_else(|| exercise.last_time.first().map(|s| s.entry.weight)).map(|w| w.unit);
    let sets = exercise
        .slots
        .iter()
        .map(|slot| {
            let kind = slot.kind;
            // As the Today screen has the row.
            let mark = if slot.logged.is_some() { "[x]" } else { "[ ]" };
            let name = match &place {
                Some(place) if kind == SetKind::Working => format!("{place} {}", slot_name(kind, slot.number)),
                _ => slot_name(kind, slot.number),
            };
            let text = format!("{mark} {name:<10} {}", exercise.slot_text_in(slot, effort));
            let (weight, reps) = match &slot.logged {
                Some(set) => (Some(set.entry.weight), set.entry.reps),
                None => (slot.weight, slot.reps),
            };
            SetReport {
                kind: kind.as_str(),
                weight: weight.map(|w: Weight| w.load.as_f64()),
                reps,
                done: slot.logged.is_some(),
                text,
            }
        })
        .collect();
    ExerciseReport {
        exercise: planned.name.clone(),
        target: TargetReport {
            weight: target.weight.map(|w| w.load.as_f64()),
            basis: target.basis.is_bodyweight().then(|| target.basis.as_str()),
            unit: unit.unwrap_or(plan_unit).label(),
            reps: target.reps,
            reps_at_least: target.at_least,
            rir_low: target.rir.low,
            rir_high: target.rir.high,
        },
        reason: target.reason.clone(),
        last_time: exercise.last_time.first().map(|set| last_time(set, clock)),
        sets,
        skipped: exercise.skipped,
        prescription: exercise.prescription_in(effort),
        group: place,
        group_line: None,
    }
}

fn last_time(set: &LoggedSet, clock: &dyn Clock) -> LastTime {
    LastTime {
        date: clock.local_date(set.logged_at),
        weight: set.entry.weight.load.as_f64(),
        basis: set.entry.basis.is_bodyweight().then(|| set.entry.basis.as_str()),
        unit: set.entry.weight.unit.label(),
        reps: set.entry.reps,
        rir: set.entry.rir.map(crate::model::units::Rir::as_f64),
        form_broke: set.entry.form_broke,
    }
}

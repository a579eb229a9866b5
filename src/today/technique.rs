//! A technique the plan carries a working set on with (`technique = "drop"`): which set it
//! follows, so the app opens its form and waits with the rest (docs/plan-format.md).

use super::Today;
use crate::model::session::{SetEntry, Side, Technique};
use crate::training::checklist::Slot;

/// The technique the plan carries `entry` on with when it is the last of its exercise's planned
/// working sets (`id`: the set, if it is saved and today may hold it already), once: not after an
/// extra set, nor when one is logged already. Not after a set whose form broke (the set is over,
/// METHOD.md), nor for a set in a superset (its round goes on to the next exercise), nor for
/// sides apart (a drop set carries on one set, not a pair: `t` logs one by hand).
pub fn planned_next(today: &Today, entry: &SetEntry, id: Option<i64>) -> Option<Technique> {
    let apart = matches!(entry.side, Some(Side::Left | Side::Right));
    if !entry.counts() || entry.form_broke || apart || entry.superset.is_some() {
        return None;
    }
    let exercise = today.exercises.iter().find(|e| e.planned.name == entry.exercise && !e.added)?;
    let technique = exercise.planned.technique?;
    let carried = exercise.slots.iter().flat_map(|s| &s.attached).any(|s| s.entry.technique.is_some());
    let (done, planned) = exercise.working_progress();
    let holds = |s: &Slot| s.logged.iter().chain(&s.attached).any(|l| Some(l.id) == id);
    let done = if exercise.slots.iter().any(holds) { done } else { done + 1 };
    (done == planned && !carried).then_some(technique)
}

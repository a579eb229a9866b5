//! Supersets and circuits as Today shows them (the screen and `hardset today`): each exercise's
//! place in its group, and the line above a group with its round and rest.

use crate::model::exercise::format_rest;
use crate::model::plan::group;
use crate::model::session::{SetEntry, SetKind};
use crate::training::checklist::superset;

use super::Today;

/// Each exercise's place in its group: `A1`, or `None`.
pub fn places(today: &Today) -> Vec<Option<String>> {
    group::places(today.exercises.iter().map(|e| e.planned.group.as_deref()))
}

/// The line above a group's first exercise (`ei`): `Superset A · round 1 of 3 · then rest 2m`,
/// `Circuit B · all rounds done`; `None` for an exercise that does not start a group.
pub fn line(today: &Today, ei: usize) -> Option<String> {
    let members = superset::members(&today.exercises, ei)?;
    if members.start != ei {
        return None;
    }
    let label = today.exercises[ei].planned.group.as_deref().unwrap_or_default();
    let kind = match group::kind_of(members.len()) {
        "circuit" => "Circuit",
        _ => "Superset",
    };
    let rest = format_rest(superset::rest(&today.exercises, &members));
    Some(match superset::round(&today.exercises, &members) {
        Some((round, rounds)) if superset::next(&today.exercises, &members).is_some() => {
            format!("{kind} {label} · round {round} of {rounds} · then rest {rest}")
        }
        Some(_) => format!("{kind} {label} · all rounds done"),
        None => format!("{kind} {label} · skipped"),
    })
}

/// What the Rest pane says while no rest runs and the next set is a working set of a group:
/// `Superset A: no rest until the round is done, then 2m.`
pub fn rest_to_come(today: &Today) -> Option<String> {
    let (ei, si) = today.current()?;
    let exercise = today.exercises.get(ei)?;
    if exercise.slots.get(si)?.kind != SetKind::Working {
        return None;
    }
    let members = superset::members(&today.exercises, ei)?;
    let label = exercise.planned.group.as_deref()?;
    let kind = if members.len() > 2 { "Circuit" } else { "Superset" };
    let rest = format_rest(superset::rest(&today.exercises, &members));
    Some(format!("{kind} {label}: no rest until the round is done, then {rest}."))
}

/// The rest a new set starts: `rest_seconds`, unless it is a working set of a group today. Then
/// it is stored with the group's label and starts no rest (0) until the round is done, and the
/// group's rest once it is. The app and `hardset log` both save sets through this.
pub fn in_round(today: &Today, entry: &mut SetEntry, rest_seconds: u32) -> u32 {
    if entry.kind != SetKind::Working || entry.technique.is_some() {
        return rest_seconds;
    }
    let Some(round) = superset::working_set(&today.exercises, &entry.exercise) else {
        return rest_seconds;
    };
    entry.superset = Some(round.label);
    if round.ends_round { u32::try_from(round.rest.as_secs()).unwrap_or(u32::MAX).min(3600) } else { 0 }
}

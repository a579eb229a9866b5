//! A set saved in a superset or circuit: stored with its group's label, with no rest before
//! the next exercise of the round and the group's rest after the last one.

use crate::model::session::{LoggedSet, SetEntry, SetKind};
use crate::today::Today;
use crate::training::checklist::superset;

/// The rest a new set starts, `rest_seconds` unless it is a working set of a group: then it is
/// stored with the group's label, and rests 0 (none) until the round is done, the group's rest
/// after.
pub(super) fn in_round(today: &Today, entry: &mut SetEntry, rest_seconds: u32) -> u32 {
    if entry.kind != SetKind::Working || entry.technique.is_some() {
        return rest_seconds;
    }
    let Some(round) = superset::working_set(&today.exercises, &entry.exercise) else {
        return rest_seconds;
    };
    entry.superset = Some(round.label);
    if round.ends_round { u32::try_from(round.rest.as_secs()).unwrap_or(u32::MAX).min(3600) } else { 0 }
}

/// What the saved message adds for a set of a round that starts no rest.
pub(super) fn straight_on(set: &LoggedSet, rest_seconds: u32) -> Option<String> {
    let label = set.entry.superset.as_deref().filter(|_| rest_seconds == 0 && set.entry.kind == SetKind::Working)?;
    Some(format!(", no rest: on to the next exercise of {label}"))
}

/// Whether `typed` (the form's set) is `saved` as stored: the store adds the group's label.
pub(super) fn same_set(typed: Option<SetEntry>, saved: &SetEntry) -> bool {
    typed.is_some_and(|mut typed| {
        if typed.superset.is_none() {
            typed.superset.clone_from(&saved.superset);
        }
        &typed == saved
    })
}

/// A logged set edited in the form keeps the group it was done in (the form does not show it).
pub(super) fn kept_group(today: &Today, id: i64, mut entry: SetEntry) -> SetEntry {
    if let Some(logged) = today.sets.iter().find(|s| s.id == id) {
        entry.superset.clone_from(&logged.entry.superset);
    }
    entry
}

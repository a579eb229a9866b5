//! A set saved in a superset or circuit: what the message says, how the form knows its set
//! again, and an edit keeping the group (the rule itself is `today::group::in_round`).

use crate::model::session::{LoggedSet, SetEntry, SetKind};
use crate::today::Today;

/// What the saved message adds for a set of a round that starts no rest.
pub(super) fn straight_on(set: &LoggedSet, rest_seconds: u32) -> Option<String> {
    let label = set.entry.superset.as_deref().filter(|_| rest_seconds == 0 && set.entry.kind == SetKind::Working)?;
    Some(format!(", no rest: on to the next exercise of {label}"))
}

/// Whether `typed` (the form's set) is `saved` as stored, which carries the group's label the
/// form does not show.
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

//! The set types Strong (`D`) and Hevy (`dropset`) give a drop set: a drop set carrying on the
//! working set of its exercise before it in the workout (docs/method.md, "Set techniques after
//! failure"). A set to failure (`F`, `failure`) is read as RIR 0 by `rows::rir_of`.

use super::rows::{ParsedSet, join_note};
use crate::model::session::{SetKind, Technique};

/// Makes `set`, which the file marks as a drop set, a drop set of the working set of its exercise
/// before it in `sets` (the workout's sets so far). With none there (a drop set first in the
/// workout, or after a warm-up only), it stays a working set of its own, with the note "drop
/// set", so nothing is lost and nothing is hung on a set it does not follow.
pub(super) fn drop_set(sets: &[ParsedSet], set: &mut ParsedSet) {
    let carries_on = set.entry.kind == SetKind::Working
        && sets.iter().any(|s| {
            s.entry.exercise == set.entry.exercise && s.entry.kind == SetKind::Working && s.entry.technique.is_none()
        });
    if carries_on {
        set.entry.technique = Some(Technique::Drop);
    } else {
        join_note(&mut set.entry.note, "drop set");
    }
}

//! The set types Strong (`D`) and Hevy (`dropset`) give a drop set: a drop set carrying on the
//! working set of its exercise before it in the workout (docs/method.md, "Set techniques after
//! failure"). A set to failure (`F`, `failure`) is read as RIR 0 by `rows::rir_of`.

use super::rows::{ParsedSet, join_note};
use crate::model::session::{SetEntry, SetKind, Technique};

/// Marks `set`, which the file marks as a drop set, as one. Whether it carries on a working set
/// is settled once its whole workout is read ([`settle_drop_sets`]): a file may interleave
/// workouts, and only part of one is in memory at a time.
pub(super) fn drop_set(set: &mut ParsedSet) {
    if set.entry.kind == SetKind::Working {
        set.entry.technique = Some(Technique::Drop);
    } else {
        join_note(&mut set.entry.note, "drop set");
    }
}

/// A whole workout's sets, in order: a drop set (or, from hardset's own files, any technique
/// set) carries on the working set of its exercise before it. With none there (a drop set first
/// in the workout, or after a warm-up only), it stays a working set of its own with the note
/// "drop set" (or "rest-pause", "myo-reps"), so nothing is lost and nothing is hung on a set it
/// does not follow.
pub(super) fn settle_drop_sets(sets: &mut [(SetEntry, chrono::DateTime<chrono::Utc>)]) {
    for i in 0..sets.len() {
        if sets[i].0.technique.is_none() {
            continue;
        }
        let exercise = &sets[i].0.exercise;
        let carries_on = sets[..i]
            .iter()
            .any(|(s, _)| s.exercise == *exercise && s.kind == SetKind::Working && s.technique.is_none());
        if !carries_on {
            let entry = &mut sets[i].0;
            let technique = entry.technique.take().map(|t| t.to_string()).unwrap_or_default();
            join_note(&mut entry.note, &technique);
        }
    }
}

/// A set of an exercise done one side at a time (`per_side`), named in the file as one side's
/// (`Cable Lateral Raise (Each Side)`, `Single Arm Cable Row`), is a set "each side". Call before
/// the name is mapped to the catalogue's; a name that is the catalogue's own (hardset's files)
/// is left alone.
pub(super) fn side_from_name(entry: &mut crate::model::session::SetEntry, known: &crate::model::exercise::Exercise) {
    const ONE_SIDE: [&str; 6] = ["each side", "single arm", "single-arm", "one arm", "one-arm", "single leg"];
    let name = entry.exercise.to_lowercase();
    // hardset's own files name the exercise as the catalogue does and carry the side itself.
    let foreign = name != known.name.to_lowercase();
    if foreign && known.per_side && entry.side.is_none() && ONE_SIDE.iter().any(|words| name.contains(words)) {
        entry.side = Some(crate::model::session::Side::Each);
    }
}

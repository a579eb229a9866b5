//! Set techniques after failure (drop sets, rest-pause, myo-reps) and sets done one side at a
//! time, as the rules read them.
//!
//! A technique set carries on the working set of the same exercise logged just before it in the
//! same session: order is the link. It extends that one hard set, so it is never a set of its
//! own: never an effective set, a record, an e1RM or "last time" (`SetEntry::counts` passes over
//! it). What it does change is how hard its working set was: a set carried on past its last rep
//! went to failure, whatever reps in reserve were logged when it stopped the first time.
//!
//! A left and a right set of one exercise logged one after the other are one set done one side
//! at a time: volume counts the pair once.

use crate::model::session::{LoggedSet, SetEntry, SetKind, Side, Technique};
use crate::model::units::{Effort, Load, Rir};

use super::ramp::Loadable;

/// How much lighter a drop set's suggested load is, at least: a fifth (20%), rounded down to a
/// weight that loads.
pub const DROP_PERCENT: i64 = 20;

/// The working set a set at `index` in `sets` (one session's or more, oldest first) carries on:
/// the last working set of the same exercise and session before it that is not itself a
/// technique set. `None` for a set that is not a technique set, or one with nothing before it.
pub fn parent_of(sets: &[LoggedSet], index: usize) -> Option<usize> {
    let set = sets.get(index)?;
    set.entry.technique?;
    sets[..index].iter().rposition(|s| {
        s.session_id == set.session_id
            && s.entry.exercise == set.entry.exercise
            && s.entry.kind == SetKind::Working
            && s.entry.technique.is_none()
    })
}

/// Whether a working set is carried on by a technique set in `sets` (oldest first): the next set
/// of its exercise and session is one.
fn carried_on(sets: &[LoggedSet], index: usize) -> bool {
    let set = &sets[index];
    set.entry.technique.is_none()
        && set.entry.counts()
        && sets[index + 1..]
            .iter()
            .find(|s| s.session_id == set.session_id && s.entry.exercise == set.entry.exercise)
            .is_some_and(|next| next.entry.technique.is_some())
}

/// `sets` (oldest first) as the failure rules read them: a working set carried on by a drop set,
/// rest-pause or myo-reps went to failure, so it reads RIR 0 whatever RIR was logged (the
/// failure budget, a week of sets to failure, a technical lift taken to failure, effective
/// sets). Progression and e1RM read the set as logged, never this.
pub fn read_as_failure(sets: &[LoggedSet]) -> Vec<LoggedSet> {
    let mut read = sets.to_vec();
    for (i, set) in read.iter_mut().enumerate() {
        if carried_on(sets, i) {
            set.entry.rir = Rir::whole(0);
        }
    }
    read
}

/// Whether the set at `index` is the right side of a left and right pair: the set before it of
/// the same exercise and session is the left side, of the same kind, not already paired.
pub fn second_of_pair(sets: &[LoggedSet], index: usize) -> bool {
    let set = &sets[index];
    if set.entry.side != Some(Side::Right) {
        return false;
    }
    let same = |s: &LoggedSet| s.session_id == set.session_id && s.entry.exercise == set.entry.exercise;
    let Some(before) = sets[..index].iter().rposition(same) else { return false };
    sets[before].entry.side == Some(Side::Left)
        && sets[before].entry.kind == set.entry.kind
        && sets[before].entry.technique == set.entry.technique
}

/// `sets` with each left and right pair as one set: what volume and the failure rules count. The
/// left side stands for the pair, with the fewer reps in reserve of the two (a pair with one
/// side taken to failure went to failure).
pub fn one_per_pair(sets: &[LoggedSet]) -> Vec<LoggedSet> {
    let mut kept: Vec<LoggedSet> = Vec::new();
    for (i, set) in sets.iter().enumerate() {
        // The left side is the last kept set of its exercise and session: in a superset another
        // exercise's set may stand between the two sides, and is never the one paired.
        let left = second_of_pair(sets, i)
            .then(|| {
                kept.iter_mut().rev().find(|k| k.session_id == set.session_id && k.entry.exercise == set.entry.exercise)
            })
            .flatten();
        match left {
            Some(left) => {
                left.entry.rir = match (left.entry.rir, set.entry.rir) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            None => kept.push(set.clone()),
        }
    }
    kept
}

/// The entries of `sets` (oldest first) as progression reads them: a left and right pair is
/// one set, its weaker side ([`weaker_side`]), so the next target is one both sides can do.
pub fn weaker_of_pairs(sets: &[LoggedSet]) -> Vec<SetEntry> {
    let mut entries: Vec<(i64, SetEntry)> = Vec::new();
    for (i, set) in sets.iter().enumerate() {
        // As in [`one_per_pair`]: the left side is its own exercise's, whatever stands between.
        let left = second_of_pair(sets, i)
            .then(|| entries.iter_mut().rev().find(|(s, e)| *s == set.session_id && e.exercise == set.entry.exercise))
            .flatten();
        match left {
            Some((_, left)) => *left = weaker_side(left, &set.entry).clone(),
            None => entries.push((set.session_id, set.entry.clone())),
        }
    }
    entries.into_iter().map(|(_, e)| e).collect()
}

/// Of a left and a right side, the weaker: the fewer reps to failure at the lighter load (the
/// side that limits what can be done "each side").
pub fn weaker_side<'a>(left: &'a SetEntry, right: &'a SetEntry) -> &'a SetEntry {
    let to_failure = |e: &SetEntry| u32::from(e.reps) * 2 + u32::from(e.rir.map_or(0, Rir::halves));
    match left.weight.load.cmp(&right.weight.load) {
        std::cmp::Ordering::Less => left,
        std::cmp::Ordering::Greater => right,
        std::cmp::Ordering::Equal if to_failure(right) < to_failure(left) => right,
        std::cmp::Ordering::Equal => left,
    }
}

/// The load a technique set starts from after a set at `load`: a drop set at least a fifth
/// lighter, rounded down to a weight that loads (80 kg on a 5 kg stack drops to 60 kg, 25%;
/// 100 kg on a bar to 80 kg); one real step lighter when that is all there is, and the same
/// load when nothing lighter loads. Rest-pause and myo-reps keep the load.
pub fn technique_load(technique: Technique, load: Load, loadable: &Loadable) -> Load {
    if technique != Technique::Drop {
        return load;
    }
    let aim = Load::from_hundredths(load.hundredths() * (100 - DROP_PERCENT) / 100);
    loadable.round_down(aim).filter(|&l| l < load).or_else(|| loadable.down(load)).unwrap_or(load)
}

/// How a set shown under the set it belongs to reads: `↳ drop 60 kg x 6`, `↳ rest-pause 80 kg
/// x 3`, or for the right side of a pair `↳ 20 kg x 8 (right) @ 0`.
pub fn under_text(entry: &SetEntry, effort: Effort) -> String {
    match entry.technique {
        Some(technique) => {
            let plain = SetEntry { technique: None, ..entry.clone() };
            format!("↳ {} {}", technique.as_str(), plain.summary_in(effort))
        }
        None => format!("↳ {}", entry.summary_in(effort)),
    }
}

/// A technique as a sentence starts with it: `Drop set`, `Rest-pause`, `Myo-reps`.
pub fn named(technique: Technique) -> String {
    let text = technique.to_string();
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Whether a set is shown under another rather than as a set of its own: a technique set, or
/// the right side of a left and right pair.
pub fn shown_under(sets: &[LoggedSet], index: usize) -> bool {
    sets[index].entry.technique.is_some() || second_of_pair(sets, index)
}

/// `sets` (oldest first) as rows: each set that stands on its own, with the sets shown under it
/// ([`shown_under`]) in order. A set shown under nothing (a drop set first in the list) is a row
/// of its own, so nothing is hidden.
pub fn with_their_sets(sets: &[LoggedSet]) -> Vec<(&LoggedSet, Vec<&LoggedSet>)> {
    let mut rows: Vec<(&LoggedSet, Vec<&LoggedSet>)> = Vec::new();
    for (i, set) in sets.iter().enumerate() {
        match rows.last_mut() {
            Some((_, under)) if shown_under(sets, i) => under.push(set),
            _ => rows.push((set, Vec::new())),
        }
    }
    rows
}

/// `sets`, newest first (as the exercise detail lists them), reordered so that each set shown
/// under another ([`shown_under`]) comes right after it, oldest of them first: a drop set reads
/// under its working set, not above it.
pub fn under_their_sets_newest_first(sets: &[LoggedSet]) -> Vec<&LoggedSet> {
    let oldest_first: Vec<LoggedSet> = sets.iter().rev().cloned().collect();
    let mut groups: Vec<Vec<&LoggedSet>> = Vec::new();
    for (i, set) in sets.iter().rev().enumerate() {
        match groups.last_mut() {
            Some(group) if shown_under(&oldest_first, i) => group.push(set),
            _ => groups.push(vec![set]),
        }
    }
    groups.into_iter().rev().flatten().collect()
}

#[cfg(test)]
pub(crate) mod tests;

//! What Strong's and Hevy's layouts have no column for, written as the first lines of a set's
//! note so an export to them keeps it: `left side`, `right side` (a set done one side at a
//! time, the sides apart), `rest-pause`, `myo-reps` (a technique neither app names; a drop set
//! has their own set type) and, for Strong, which has no superset column, `superset A`. Each is
//! a whole line of its own, before the note's own text; reading a file, such leading lines set
//! the fields they name (when the set has none and the tag fits it: a side only on an exercise
//! done one side at a time) and leave the note, so export -> import -> export gives the same
//! file and the same log. A lifter's own note that merely contains such a line further down
//! ("pain on the\nleft side") stays text.

use super::{SetEntry, SetKind, Side, Technique};

/// What a layout carries itself, so its tags are not written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Carried {
    /// A superset or circuit (Hevy's `superset_id`).
    pub superset: bool,
}

/// The set's note as another app's layout writes it: the tags of what the layout cannot carry,
/// each on a line, then the note.
pub fn note_with_tags(entry: &SetEntry, carried: Carried) -> String {
    let mut lines: Vec<String> = Vec::new();
    match entry.side {
        Some(Side::Left) => lines.push("left side".into()),
        Some(Side::Right) => lines.push("right side".into()),
        Some(Side::Each) | None => {}
    }
    match entry.technique {
        Some(Technique::RestPause) => lines.push("rest-pause".into()),
        Some(Technique::MyoReps) => lines.push("myo-reps".into()),
        Some(Technique::Drop) | None => {}
    }
    if !carried.superset
        && let Some(label) = &entry.superset
    {
        lines.push(format!("superset {label}"));
    }
    let note = entry.note.trim();
    if !note.is_empty() {
        lines.push(note.to_string());
    }
    lines.join("\n")
}

/// Reads the leading tag lines of a set's note from another app's file back into the set, and
/// takes them out of the note; the first line that is not a tag, or does not fit the set (a
/// technique on a ramp-up, a side on an exercise done with both sides at once: `per_side`),
/// ends them, and it and the rest stay the note's text.
pub fn take_tags(entry: &mut SetEntry, per_side: bool) {
    if entry.note.is_empty() {
        return;
    }
    let note = std::mem::take(&mut entry.note);
    let mut lines = note.lines().peekable();
    while lines.next_if(|line| apply(entry, line.trim(), per_side)).is_some() {}
    entry.note = lines.collect::<Vec<_>>().join("\n").trim().to_string();
}

/// Sets the field `line` names, if it is a tag that fits; whether it did.
fn apply(entry: &mut SetEntry, line: &str, per_side: bool) -> bool {
    let lower = line.to_lowercase();
    match lower.as_str() {
        "left side" | "right side" if entry.side.is_none() && per_side => {
            entry.side = Some(if lower.starts_with("left") { Side::Left } else { Side::Right });
            true
        }
        "rest-pause" | "myo-reps" if entry.technique.is_none() && entry.kind == SetKind::Working => {
            entry.technique = Some(if lower == "rest-pause" { Technique::RestPause } else { Technique::MyoReps });
            true
        }
        _ => match lower.strip_prefix("superset ").map(str::trim) {
            Some(label)
                if entry.superset.is_none()
                    && label.len() == 1
                    && label.chars().all(|c| c.is_ascii_alphabetic())
                    && entry.kind == SetKind::Working =>
            {
                entry.superset = Some(label.to_ascii_uppercase());
                true
            }
            _ => false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn working(note: &str) -> SetEntry {
        SetEntry {
            exercise: "Cable curl".into(),
            kind: SetKind::Working,
            reps: 10,
            note: note.into(),
            ..Default::default()
        }
    }

    #[test]
    fn every_tag_goes_out_and_comes_back_with_the_note_kept() {
        let set = SetEntry {
            side: Some(Side::Right),
            technique: Some(Technique::MyoReps),
            superset: Some("B".into()),
            ..working("seat 4\nlast rep slow")
        };
        let written = note_with_tags(&set, Carried { superset: false });
        assert_eq!(written, "right side\nmyo-reps\nsuperset B\nseat 4\nlast rep slow");
        let mut back = working(&written);
        take_tags(&mut back, true);
        assert_eq!(back, set);
        // Hevy carries the superset itself.
        assert_eq!(note_with_tags(&set, Carried { superset: true }), "right side\nmyo-reps\nseat 4\nlast rep slow");
    }

    #[test]
    fn a_set_with_nothing_to_tag_keeps_its_note_as_it_is() {
        assert_eq!(note_with_tags(&working(" grip gave "), Carried { superset: false }), "grip gave");
        let drop = SetEntry { technique: Some(Technique::Drop), side: Some(Side::Each), ..working("") };
        assert_eq!(note_with_tags(&drop, Carried { superset: false }), "");
    }

    #[test]
    fn only_a_whole_leading_line_that_fits_the_set_is_a_tag() {
        for text in [
            "left side weaker",
            "superset AB",
            "superset",
            "rest-pause next time?",
            "a rest-pause",
            "pain on the\nleft side",
            "seat 4\nrest-pause",
        ] {
            let mut set = working(text);
            take_tags(&mut set, true);
            assert_eq!(set, working(text), "{text}");
        }
        // A side on an exercise done with both sides at once is the lifter's words.
        let mut curl = working("left side\nelbow sore");
        take_tags(&mut curl, false);
        assert_eq!((curl.side, curl.note.as_str()), (None, "left side\nelbow sore"));
        // A ramp-up is carried on by nothing and is in no superset.
        let mut ramp = SetEntry { kind: SetKind::RampUp, ..working("rest-pause\nsuperset A") };
        take_tags(&mut ramp, true);
        assert_eq!(
            (ramp.technique, ramp.superset.as_deref(), ramp.note.as_str()),
            (None, None, "rest-pause\nsuperset A")
        );
        // A field the set already has is not overwritten; the line stays.
        let mut left = SetEntry { side: Some(Side::Left), ..working("Right side") };
        take_tags(&mut left, true);
        assert_eq!((left.side, left.note.as_str()), (Some(Side::Left), "Right side"));
        // Case and spaces around a line do not matter.
        let mut set = working("  Rest-Pause \nSuperset c");
        take_tags(&mut set, true);
        assert_eq!(
            (set.technique, set.superset.as_deref(), set.note.as_str()),
            (Some(Technique::RestPause), Some("C"), "")
        );
    }
}

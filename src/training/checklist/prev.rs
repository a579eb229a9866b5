//! Last time beside today: each working set is shown with the same set of the exercise's last
//! session ("prev 62.5 x 8 @ 1") and the note the lifter left on it.

use std::fmt::Write as _;

use super::{ExerciseToday, Slot};
use crate::model::session::{Basis, LoggedSet, SetEntry, SetKind};
use crate::model::units::{Effort, Unit};
use crate::training::techniques::second_of_pair;

impl ExerciseToday {
    /// The working set of last time at the same place as today's `slot`: set 2 beside set 2.
    /// None for a ramp-up, and for a set beyond what last time did.
    pub fn prev_for(&self, slot: &Slot) -> Option<&LoggedSet> {
        if slot.kind != SetKind::Working {
            return None;
        }
        nth_standing(&self.last_time, slot.number)
    }
}

/// The `number`th (from 1) of `sets` that stands on its own: a right side logged after its
/// left is part of the left's set, not a set of its own.
pub(super) fn nth_standing(sets: &[LoggedSet], number: u16) -> Option<&LoggedSet> {
    let index = usize::from(number.checked_sub(1)?);
    sets.iter().enumerate().filter(|&(i, _)| !second_of_pair(sets, i)).map(|(_, s)| s).nth(index)
}

/// A set as short as it reads beside today's: `62.5 x 8 @ 1`, `BW+10 x 6 @ 0`, `BW x 12`,
/// `62.5 x 0 missed`. The unit is left out when it is `today`'s, and said when it is not
/// (`135lb x 8` beside a set in kg), so a number is never read in the wrong unit. A hold,
/// carry or cardio says what it measured (`60 s`, `40 m at 64 kg`). A set whose form broke
/// ends `broke`.
pub fn prev_text(entry: &SetEntry, effort: Effort, today: Option<Unit>) -> String {
    if entry.timed_or_distance() {
        return entry.summary_in(effort);
    }
    let load = entry.weight.load;
    let unit = if today == Some(entry.weight.unit) { "" } else { entry.weight.unit.label() };
    let load = match entry.basis {
        Basis::Load => format!("{load}{unit}"),
        _ if load.hundredths() == 0 => "BW".to_string(),
        Basis::BodyPlus => format!("BW+{load}{unit}"),
        Basis::Assisted => format!("BW-{load}{unit}"),
    };
    if entry.missed() {
        return format!("{load} x 0 missed");
    }
    let mut text = format!("{load} x {}", entry.reps);
    if let Some(rir) = entry.rir {
        let _ = write!(text, " @ {}", effort.number(rir));
    }
    if entry.form_broke {
        text.push_str(" broke");
    }
    text
}

/// A set's note as one line to show: control characters and invisible formatting taken out,
/// line breaks and tabs one space; None when there is nothing to show.
pub fn note_line(entry: &SetEntry) -> Option<String> {
    let line = crate::model::text::clean_line(&entry.note);
    (!line.is_empty()).then_some(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::Side;
    use crate::model::units::{Load, Rir, Weight};
    use chrono::DateTime;

    fn entry(load: i64, reps: u16, rir: Option<u8>) -> SetEntry {
        SetEntry {
            exercise: "Chin-up".into(),
            weight: Weight { load: Load::from_hundredths(load), unit: Unit::Kg },
            reps,
            rir: rir.and_then(|r| Rir::from_halves(r * 2)),
            ..Default::default()
        }
    }

    fn logged(entry: SetEntry, id: i64) -> LoggedSet {
        LoggedSet { id, session_id: 1, logged_at: DateTime::default(), session_started_at: DateTime::default(), entry }
    }

    const KG: Option<Unit> = Some(Unit::Kg);

    #[test]
    fn prev_reads_as_numbers_without_the_unit() {
        assert_eq!(prev_text(&entry(6250, 8, Some(1)), Effort::Rir, KG), "62.5 x 8 @ 1");
        let bw = SetEntry { basis: Basis::BodyPlus, ..entry(1000, 6, Some(0)) };
        assert_eq!(prev_text(&bw, Effort::Rir, KG), "BW+10 x 6 @ 0");
        let assisted = SetEntry { basis: Basis::Assisted, ..entry(2000, 8, None) };
        assert_eq!(prev_text(&assisted, Effort::Rir, KG), "BW-20 x 8");
        let plain = SetEntry { basis: Basis::BodyPlus, ..entry(0, 12, None) };
        assert_eq!(prev_text(&plain, Effort::Rir, KG), "BW x 12");
        let broke = SetEntry { form_broke: true, ..entry(8000, 5, Some(0)) };
        assert_eq!(prev_text(&broke, Effort::Rir, KG), "80 x 5 @ 0 broke");
        assert_eq!(prev_text(&entry(8000, 0, None), Effort::Rir, KG), "80 x 0 missed");
        assert_eq!(prev_text(&entry(8000, 8, Some(1)), Effort::Rpe, KG), "80 x 8 @ 9");
    }

    #[test]
    fn another_unit_than_todays_is_said() {
        let lb =
            SetEntry { weight: Weight { load: Load::from_hundredths(13500), unit: Unit::Lb }, ..entry(0, 8, Some(1)) };
        assert_eq!(prev_text(&lb, Effort::Rir, KG), "135lb x 8 @ 1");
        assert_eq!(prev_text(&lb, Effort::Rir, Some(Unit::Lb)), "135 x 8 @ 1");
        assert_eq!(prev_text(&entry(8000, 8, None), Effort::Rir, None), "80kg x 8", "today's unit unknown: said");
        let belt = SetEntry { basis: Basis::BodyPlus, ..lb };
        assert_eq!(prev_text(&belt, Effort::Rir, KG), "BW+135lb x 8 @ 1");
    }

    #[test]
    fn a_hold_says_what_it_measured() {
        let hold = SetEntry { seconds: Some(60), ..entry(0, 0, None) };
        assert_eq!(prev_text(&hold, Effort::Rir, KG), hold.summary_in(Effort::Rir));
        assert_eq!(prev_text(&hold, Effort::Rir, KG), "1:00");
    }

    #[test]
    fn a_right_side_is_part_of_its_left_sets_place() {
        let left = SetEntry { side: Some(Side::Left), ..entry(2000, 10, Some(1)) };
        let right = SetEntry { side: Some(Side::Right), ..entry(2000, 9, Some(1)) };
        let sets = vec![
            logged(left.clone(), 1),
            logged(right.clone(), 2),
            logged(SetEntry { reps: 8, ..left }, 3),
            logged(SetEntry { reps: 7, ..right }, 4),
        ];
        assert_eq!(nth_standing(&sets, 1).map(|s| s.id), Some(1));
        assert_eq!(nth_standing(&sets, 2).map(|s| s.id), Some(3), "set 2 is the second left, not the first right");
        assert_eq!(nth_standing(&sets, 3), None);
        assert_eq!(nth_standing(&sets, 0), None);
    }

    #[test]
    fn a_note_is_one_clean_line() {
        let note =
            SetEntry { note: "seat on 4\nlast rep\u{1b}[2J shoulders\u{202e} rolled ".into(), ..entry(0, 1, None) };
        assert_eq!(note_line(&note).as_deref(), Some("seat on 4 last rep[2J shoulders rolled"));
        assert_eq!(note_line(&SetEntry { note: " \n\t".into(), ..entry(0, 1, None) }), None);
    }
}

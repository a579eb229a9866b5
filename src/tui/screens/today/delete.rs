//! `d` on a done set asks before deleting it; the store deletes the sets shown under it with it
//! (its drop sets, rest-pause and myo-reps, a right side), so the question names them too: a
//! lifter is never asked about one set and loses three.

use super::TodayScreen;
use crate::model::units::Effort;
use crate::today::Today;

impl TodayScreen {
    /// The sets shown under the selected done set, as the question names them: `drop 60 kg x
    /// 6, rest-pause 60 kg x 3`; empty when there are none.
    pub(super) fn under_selected(&self, today: &Today, effort: Effort) -> String {
        // A technique set under the cursor is deleted alone: nothing is under it.
        if self.under_set(today).is_some() {
            return String::new();
        }
        let Some((ei, si)) = self.cursor else { return String::new() };
        let Some(slot) = today.exercises.get(ei).and_then(|e| e.slots.get(si)) else { return String::new() };
        let under: Vec<String> = slot
            .attached
            .iter()
            .map(|s| {
                let text = crate::training::techniques::under_text(&s.entry, effort);
                text.trim_start_matches('↳').trim_start().to_string()
            })
            .collect();
        under.join(", ")
    }
}

/// What a delete question names: the set, and the sets under it when there are some.
pub(super) fn with_under(summary: String, under: &str) -> String {
    match under {
        "" => summary,
        _ => format!("{summary} and the sets under it ({under})"),
    }
}

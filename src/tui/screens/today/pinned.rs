//! `n` on Today's checklist: the note pinned to the selected exercise, opened on the note shown
//! (the app's, else the plan's), and what its answer does.

use super::TodayScreen;
use crate::today::Today;
use crate::tui::effect::Effect;
use crate::tui::popups::{NoteAnswer, PinNote, Popup};
use crate::tui::screens::Ctx;
use crate::tui::theme::Meaning;

impl TodayScreen {
    /// Opens the pinned note of the exercise under the cursor.
    pub(super) fn open_pin_note(&self, today: &Today, ctx: &mut Ctx<'_>) {
        let Some(exercise) = self.cursor.and_then(|(ei, _)| today.exercises.get(ei)) else {
            *ctx.message = Some((Meaning::Muted, "Select an exercise to pin a note to it".into()));
            return;
        };
        let name = &exercise.planned.name;
        let own = today.app_notes.contains(&name.to_lowercase());
        *ctx.popup = Some(Popup::PinNote(PinNote::open(name, &exercise.planned.note, own)));
    }
}

/// Enter in the pinned note of `exercise`: the note to keep or take off, or why nothing is
/// written.
pub(crate) fn pin_note_answered(exercise: String, answer: NoteAnswer, ctx: &mut Ctx<'_>) -> Vec<Effect> {
    match answer {
        NoteAnswer::Pin(note) => vec![Effect::PinNote { exercise, note: Some(note) }],
        NoteAnswer::Remove => vec![Effect::PinNote { exercise, note: None }],
        NoteAnswer::Unchanged => {
            *ctx.message = Some((Meaning::Muted, format!("The note on {exercise} is as it was")));
            Vec::new()
        }
        NoteAnswer::PlanNote => {
            *ctx.message = Some((
                Meaning::Warn,
                format!("That note on {exercise} is your plan's: change it in plan.toml (hardset plan edit)"),
            ));
            Vec::new()
        }
    }
}

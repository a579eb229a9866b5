//! The note pinned to an exercise from Today's checklist (seat height, grip, cues): one line,
//! opened on the note shown, saved with Enter, taken off when emptied.

use super::Reply;
use crate::keymap::Action;
use crate::model::text::clean_line;

/// The longest pinned note, in characters.
pub const PIN_NOTE_MAX: usize = 300;

/// The pinned note being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinNote {
    /// The exercise it is pinned to.
    pub exercise: String,
    /// As typed; it opens on the note shown.
    pub text: String,
    /// The note shown when it opened (the app's, else the plan's).
    pub shown: String,
    /// Whether the note shown was set from the app (the plan's shows when it is taken off).
    pub own: bool,
}

/// What Enter in the pinned note asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteAnswer {
    /// Pin this note.
    Pin(String),
    /// Take the app's note off.
    Remove,
    /// Nothing changed: nothing to write.
    Unchanged,
    /// Emptied, but the note shown is the plan's: the app cannot take it off.
    PlanNote,
}

impl PinNote {
    /// The popup for `exercise`, opened on the note shown.
    pub fn open(exercise: &str, shown: &str, own: bool) -> PinNote {
        let shown = clean_line(shown);
        PinNote { exercise: exercise.to_string(), text: shown.clone(), shown, own }
    }

    /// A key in the pinned note: typing (control characters are not typed), erasing, Enter,
    /// Esc.
    pub(crate) fn update(&mut self, action: Action) -> Reply<NoteAnswer> {
        match action {
            Action::Input(c) if !c.is_control() && self.text.chars().count() < PIN_NOTE_MAX => self.text.push(c),
            Action::Backspace => {
                self.text.pop();
            }
            Action::Back => return Reply::Closed,
            Action::Enter => {
                let note = clean_line(&self.text);
                return Reply::Answered(if note == self.shown {
                    NoteAnswer::Unchanged
                } else if !note.is_empty() {
                    NoteAnswer::Pin(note)
                } else if self.own {
                    NoteAnswer::Remove
                } else {
                    NoteAnswer::PlanNote
                });
            }
            _ => {}
        }
        Reply::Open
    }
}

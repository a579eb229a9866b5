//! The writes of what the lifter adds by hand: a note pinned to an exercise, and a new exercise
//! of their own, added to today.

use chrono::{DateTime, Utc};

use super::Driver;
use crate::clock::Clock;
use crate::model::session::ExerciseChange;
use crate::store::StoreError;
use crate::tui::effect::{Effect, Outcome};

impl<C: Clock> Driver<C> {
    /// Runs [`Effect::PinNote`] or [`Effect::MakeExercise`]; its outcome says what was done.
    pub(super) fn write_own(&mut self, effect: Effect, now: DateTime<Utc>) -> Result<Vec<Outcome>, StoreError> {
        match effect {
            Effect::PinNote { exercise, note } => {
                self.store.set_exercise_note(&exercise, note.as_deref(), now)?;
                Ok(vec![Outcome::Done(match &note {
                    Some(_) => format!("Note pinned to {exercise}"),
                    None => format!("Took your note off {exercise}"),
                })])
            }
            Effect::MakeExercise { custom, session } => {
                // Kept first: were adding it to today to fail, the exercise is not lost. One of
                // that name made meanwhile (another window) is the one kept, and the one used.
                let made = self.store.add_custom_exercise(&custom, now)?;
                let kept = if made {
                    custom
                } else {
                    let name = custom.name.clone();
                    self.store
                        .custom_exercises()?
                        .into_iter()
                        .find(|c| c.name.eq_ignore_ascii_case(&name))
                        .unwrap_or(custom)
                };
                let text = if made {
                    format!("New exercise {}, added to today", kept.summary())
                } else {
                    format!("{} is already one of your exercises: added to today as it is", kept.name)
                };
                let custom = kept;
                if let Some(session) = &session {
                    let id = self.store.session_id_for(session, now)?;
                    self.store.set_exercise_change(id, &custom.name, Some(ExerciseChange::Added))?;
                }
                Ok(vec![Outcome::ExerciseMade { custom, text }])
            }
            _ => Ok(Vec::new()),
        }
    }
}

//! The set form for an exercise done one side at a time (`per_side` in the catalogue): a set
//! "each side" by default, or the left and the right apart when they differ. Apart, the form
//! takes the left side first and holds it while the right is typed; both are saved together.

use super::{Field, SetForm};
use crate::model::session::{SetEntry, Side};

impl SetForm {
    /// Whether the form's exercise is done one side at a time.
    pub fn per_side(&self) -> bool {
        self.side.is_some()
    }

    /// Toggles "L/R apart": each side becomes the left side (then the right), and back. Going
    /// back to each side with a left side held puts its numbers back in the form, so nothing
    /// typed is lost. Returns false when the form's set is not one side at a time (or is a logged
    /// set, whose side stays as it was logged).
    pub fn toggle_sides_apart(&mut self) -> bool {
        let editing = self.target.as_ref().is_some_and(|t| t.editing.is_some());
        if editing || self.technique.is_some() {
            return false;
        }
        match self.side {
            None => return false,
            Some(Side::Each) => self.side = Some(Side::Left),
            Some(Side::Left | Side::Right) => {
                if let Some(left) = self.left.take() {
                    self.weight = left.weight.load.to_string();
                    self.reps = left.reps.to_string();
                    self.rir = left.rir.map(|r| self.effort.number(r)).unwrap_or_default();
                }
                self.side = Some(Side::Each);
            }
        }
        self.refresh_dirty();
        true
    }

    /// The left side was checked and is held: the form goes on to the right side, with the
    /// left's numbers as its suggestion.
    pub fn hold_left(&mut self, left: SetEntry) {
        self.left = Some(left);
        self.side = Some(Side::Right);
        self.touched.clear();
        self.field = Some(Field::Weight);
        self.refresh_dirty();
    }
}

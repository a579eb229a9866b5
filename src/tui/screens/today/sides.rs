//! The set form of an exercise done one side at a time: `a` toggles left and right apart, the
//! left side is held while the right is typed, and the two are saved together.

use super::TodayScreen;
use crate::keymap::Action;
use crate::model::session::{SetEntry, Side};
use crate::today::Today;
use crate::tui::effect::Effect;
use crate::tui::form::FormTarget;
use crate::tui::screens::Ctx;
use crate::tui::theme::Meaning;

impl TodayScreen {
    /// `a` in the form: each side, or left and right apart.
    pub(super) fn toggle_sides(&mut self, ctx: &mut Ctx<'_>) {
        if !self.form.toggle_sides_apart() {
            let text = if self.form.per_side() {
                "A logged set keeps its side: delete it to log the sides apart".to_string()
            } else {
                format!(
                    "{} is not done one side at a time (per_side in the catalogue)",
                    self.form.target.as_ref().map_or("This exercise", |t| t.exercise.as_str())
                )
            };
            *ctx.message = Some((Meaning::Muted, text));
            return;
        }
        let text = match self.form.side {
            Some(Side::Left) => "Left and right apart: the left side first",
            _ => "Each side alike",
        };
        *ctx.message = Some((Meaning::Muted, text.into()));
    }

    /// Saving one side apart: the left side is held and the form goes on to the right
    /// (nothing written yet); the right side saves both together. `None` for any other set.
    pub(super) fn save_side(
        &mut self,
        entry: SetEntry,
        target: &FormTarget,
        today: &Today,
        ctx: &mut Ctx<'_>,
    ) -> Option<Vec<Effect>> {
        if target.editing.is_some() {
            return None;
        }
        match (entry.side, self.form.left.clone()) {
            (Some(Side::Left), _) => {
                self.form.hold_left(entry);
                let key = ctx.keymap.key_label(Action::SidesApart);
                *ctx.message =
                    Some((Meaning::Good, format!("Left side kept: now the right side ({key} for each side alike)")));
                Some(Vec::new())
            }
            (Some(Side::Right), Some(mut left)) => {
                // In a superset the pair waits for the round as one set would.
                let rest_seconds = crate::today::group::in_round(today, &mut left, target.rest_seconds);
                let right = SetEntry { superset: left.superset.clone(), ..entry };
                Some(vec![Effect::LogSides { session: today.session_for(), sides: [left, right], rest_seconds }])
            }
            _ => None,
        }
    }
}

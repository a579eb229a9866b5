//! A first session's ramp-ups from the working weight typed: a lifter new to an exercise types
//! the working weight first and then does the ramp-ups, so once the weight field of a new
//! working set holds a load and the form moves on (to reps, or back to the list), the open
//! ramp-up rows climb towards it, before anything is saved. Once a working set is logged, the
//! checklist itself climbs towards the logged one ([`crate::training::checklist::first_ladder`]).

use super::TodayScreen;
use crate::model::session::SetKind;
use crate::model::units::{Weight, parse_load};
use crate::today::Today;
use crate::training::checklist::first_ladder::{fill_from, logged_working, waits_for_working};
use crate::training::ramp::Gear;
use crate::tui::form::Field;
use crate::tui::screens::Pane;

impl TodayScreen {
    /// After a key in the form: a load typed for a new working set, once the form has moved on
    /// from the weight field, is the working weight the ramp-ups climb towards.
    pub(crate) fn note_typed_working(&mut self, pane: Pane) {
        let Some(target) = self.form.target.as_ref() else { return };
        if target.editing.is_some() || target.kind != SetKind::Working || self.form.technique.is_some() {
            return;
        }
        if pane == Pane::Form && self.form.focused() == Field::Weight {
            return;
        }
        if self.form.bodyweight || !self.form.measures.is_reps() {
            return;
        }
        if let Ok(load) = parse_load(&self.form.weight) {
            self.typed_working = Some((target.exercise.clone(), Weight::new(load, target.unit)));
        }
    }

    /// The weight field of a first time's working set not yet logged: the working weight typed
    /// before (the lifter did the ramp-ups towards it in between), so nothing typed is lost.
    pub(super) fn typed_working_text(
        &self,
        exercise: &crate::training::checklist::ExerciseToday,
        slot: &crate::training::checklist::Slot,
    ) -> Option<String> {
        let (name, working) = self.typed_working.as_ref()?;
        let first_time = exercise.target.weight.is_none() && logged_working(exercise).is_none();
        (slot.kind == SetKind::Working && first_time && name == &exercise.planned.name && !exercise.is_timed())
            .then(|| working.load.to_string())
    }

    /// Fills the open ramp-ups of the exercise whose working weight was typed, while no working
    /// set of it is logged and its target names no load. With `follow`, a cursor on a row below
    /// them moves with its row when the ladder gains or loses rungs (not after today was read
    /// again: the cursor already points into the filled list).
    pub(crate) fn fill_typed_ramp_ups(&mut self, today: &mut Today, gear: &Gear, follow: bool) {
        let Some((name, working)) = &self.typed_working else { return };
        let Some(ei) = today.exercises.iter().position(|e| &e.planned.name == name) else { return };
        let exercise = &mut today.exercises[ei];
        if !waits_for_working(exercise) || logged_working(exercise).is_some() {
            return;
        }
        let first_working = exercise.slots.iter().position(|s| s.kind == SetKind::Working);
        let delta = fill_from(exercise, *working, gear);
        if !follow || delta == 0 {
            return;
        }
        // A row below the ramp-ups moves with them; a cursor on a rung that went away lands on
        // the first working set.
        let ramp_ups = exercise.slots.iter().filter(|s| s.kind == SetKind::RampUp).count();
        let moved = |si: usize| match first_working {
            Some(w) if si >= w => si.saturating_add_signed(delta),
            _ => si.min(ramp_ups),
        };
        if let Some((e, si)) = self.cursor
            && e == ei
        {
            self.cursor = Some((ei, moved(si).min(exercise.slots.len().saturating_sub(1))));
        }
        if let Some((e, si, k)) = self.under
            && e == ei
        {
            self.under = Some((ei, moved(si), k));
        }
    }
}

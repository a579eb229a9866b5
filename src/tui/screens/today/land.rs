//! Where the cursor lands after an undo: on the row of the set taken back, now open again, so
//! the lifter redoes it (not on the row the cursor happened to be on, a ramp-up passed or the
//! top of the list). After a save, the cursor goes to [`Today::current`], which passes over
//! ramp-ups left behind once an exercise's working sets have begun.

use super::TodayScreen;
use crate::today::Today;

impl TodayScreen {
    /// The set `id` is being deleted: when it is the session's last set (an undo) and a set of
    /// its own row (not a drop set or a right side shown under another), the cursor lands on its
    /// row once today is read again.
    pub(super) fn land_after_undo(&mut self, today: &Today, id: i64) {
        let Some(last) = today.sets.last().filter(|s| s.id == id) else { return };
        let own_row =
            today.exercises.iter().flat_map(|e| &e.slots).any(|s| s.logged.as_ref().is_some_and(|l| l.id == id));
        if own_row {
            self.landing = Some((last.entry.exercise.clone(), last.entry.kind));
            self.cursor = None;
            self.under = None;
        }
    }

    /// Today read again after an undo: the first open row of the undone set's exercise and
    /// kind (where the log puts that set again); none when it is gone, and the next set it is.
    pub(super) fn land(&mut self, today: &Today) {
        let Some((name, kind)) = self.landing.take() else { return };
        let row =
            today.exercises.iter().enumerate().find(|(_, e)| e.planned.name == name).and_then(|(ei, e)| {
                e.slots.iter().position(|s| s.kind == kind && s.logged.is_none()).map(|si| (ei, si))
            });
        self.cursor = row;
    }
}

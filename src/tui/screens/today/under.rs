//! The technique sets shown under a done working set (`↳ drop 60 kg x 6`) are rows the cursor
//! stops on: `↓` from the working set goes down onto them, `Enter` edits one as the technique set
//! it is (its own form: the technique picked, reps and load, no RIR, never filed as a working
//! set), and `d` deletes it alone, leaving its working set. A right side shown under its left is
//! not a stop: the pair is edited from its left side.

use super::TodayScreen;
use crate::model::session::{LoggedSet, SetKind, Technique};
use crate::today::Today;
use crate::tui::form::{FormTarget, SetForm, TechniqueForm};
use crate::tui::screens::Ctx;

impl TodayScreen {
    /// The technique set under the cursor: (exercise, slot, index among the slot's sets shown
    /// under it), while the cursor is on that slot and that set is a technique set.
    pub fn under_cursor(&self, today: &Today) -> Option<(usize, usize, usize)> {
        let (ei, si, k) = self.under?;
        (self.cursor == Some((ei, si)) && technique_at(today, ei, si, k).is_some()).then_some((ei, si, k))
    }

    /// The technique set under the cursor, if the cursor is on one.
    pub(super) fn under_set<'a>(&self, today: &'a Today) -> Option<&'a LoggedSet> {
        let (ei, si, k) = self.under_cursor(today)?;
        technique_at(today, ei, si, k)
    }

    /// Moves between a done set and the technique sets under it. Returns whether it moved; if
    /// not, the cursor moves to another slot (and [`Self::land_from_below`] then applies).
    pub(super) fn step_under(&mut self, down: bool, today: &Today) -> bool {
        let Some((ei, si)) = self.cursor else { return false };
        let stops = stops(today, ei, si);
        let at = self.under_cursor(today).and_then(|(_, _, k)| stops.iter().position(|&s| s == k));
        let next = match (at, down) {
            (None, true) => stops.first().copied(),
            (Some(i), true) => stops.get(i + 1).copied(),
            (Some(i), false) if i > 0 => Some(stops[i - 1]),
            (Some(_), false) => {
                // Up from the first one: back onto the working set itself.
                self.under = None;
                return true;
            }
            (None, false) => None,
        };
        match next {
            Some(k) => {
                self.under = Some((ei, si, k));
                true
            }
            None => false,
        }
    }

    /// After `↑` moved the cursor onto a slot from below: onto the last technique set under it,
    /// the row just above where the cursor was.
    pub(super) fn land_from_below(&mut self, today: &Today) {
        self.under = self.cursor.and_then(|(ei, si)| stops(today, ei, si).last().map(|&k| (ei, si, k)));
    }

    /// Fills the form to edit the technique set under the cursor, as the technique set it is.
    /// Returns false (the form untouched) when the cursor is on no technique set.
    pub(super) fn fill_under(&mut self, ctx: &Ctx<'_>) -> bool {
        let Some(today) = ctx.today else { return false };
        let Some((ei, si, _)) = self.under_cursor(today) else { return false };
        let (Some(set), Some(exercise)) = (self.under_set(today), today.exercises.get(ei)) else { return false };
        let slot = &exercise.slots[si];
        let (Some(technique), Some(parent)) = (set.entry.technique, &slot.logged) else { return false };
        let effort = ctx.settings.entry.effort;
        let rest = ctx.plan.rest_after(&exercise.planned, SetKind::Working);
        let target = FormTarget {
            exercise: exercise.planned.name.clone(),
            kind: SetKind::Working,
            number: slot.number,
            unit: set.entry.weight.unit,
            editing: Some(set.id),
            rest_seconds: u32::try_from(rest.as_secs()).unwrap_or(u32::MAX).min(3600),
        };
        let e = &set.entry;
        let load = crate::tui::form::weight_text(e.basis, e.weight.load, false);
        let mut form =
            SetForm::filled(target, load.clone(), e.reps.to_string(), String::new(), e.form_broke, e.note.clone());
        // Picking another technique keeps the load the set was done at.
        let loads = Technique::ALL.into_iter().map(|t| (t, load.clone())).collect();
        form.technique = Some(TechniqueForm { technique, loads, carries_on: parent.entry.summary_in(effort) });
        form.side = e.side;
        self.form = form.in_scale(effort);
        true
    }
}

/// The set at `k` under slot (`ei`, `si`), when it is a technique set.
fn technique_at(today: &Today, ei: usize, si: usize, k: usize) -> Option<&LoggedSet> {
    let set = today.exercises.get(ei)?.slots.get(si)?.attached.get(k)?;
    set.entry.technique.is_some().then_some(set)
}

/// The indices of the technique sets under slot (`ei`, `si`), in order: where the cursor stops.
fn stops(today: &Today, ei: usize, si: usize) -> Vec<usize> {
    let Some(slot) = today.exercises.get(ei).and_then(|e| e.slots.get(si)) else { return Vec::new() };
    slot.attached.iter().enumerate().filter(|(_, s)| s.entry.technique.is_some()).map(|(k, _)| k).collect()
}

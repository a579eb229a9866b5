//! `t` on Today's sets: the form for a drop set, rest-pause or myo-reps carrying on the working
//! set just done (docs/method.md, "Set techniques after failure").

use super::TodayScreen;
use crate::model::session::{LoggedSet, SetKind, Technique};
use crate::today::Today;
use crate::training::{ramp, techniques};
use crate::tui::form::{Field, FormTarget, SetForm, TechniqueForm};
use crate::tui::screens::{Ctx, Pane};
use crate::tui::theme::Meaning;

impl TodayScreen {
    /// Opens the form for the technique the plan carries the working set `id` on with, once
    /// today holds that set. False when it cannot (the set is gone, or another set followed).
    pub(super) fn open_planned_technique(
        &mut self,
        today: &Today,
        id: i64,
        technique: Technique,
        ctx: &mut Ctx<'_>,
    ) -> bool {
        let Some(cursor) = today.exercises.iter().enumerate().find_map(|(ei, e)| {
            e.slots.iter().position(|s| s.logged.as_ref().is_some_and(|l| l.id == id)).map(|si| (ei, si))
        }) else {
            return false;
        };
        if today.sets.last().is_none_or(|s| s.id != id) || self.form.dirty {
            return false;
        }
        self.cursor = Some(cursor);
        let message = ctx.message.clone();
        self.open_technique(today, ctx);
        *ctx.message = message;
        self.form.pick_technique(technique);
        self.form.technique.is_some()
    }

    /// Opens the technique form for the working set under the cursor when it is a done working
    /// set, else for the working set the session logged last. A technique set follows its
    /// working set, so only an exercise's latest working set can take one; otherwise the
    /// status line says what to do and nothing changes.
    pub(super) fn open_technique(&mut self, today: &Today, ctx: &mut Ctx<'_>) {
        if self.form.dirty {
            let message = "The form holds a set you typed: save it, or erase it, before a drop set";
            *ctx.message = Some((Meaning::Warn, message.into()));
            return;
        }
        let (parent, last) = match self.technique_parent(today) {
            Ok(found) => found,
            Err(message) => {
                *ctx.message = Some((Meaning::Muted, message));
                return;
            }
        };
        let Some((ei, si)) = today.exercises.iter().enumerate().find_map(|(ei, e)| {
            e.slots.iter().position(|s| s.logged.as_ref().is_some_and(|l| l.id == parent.id)).map(|si| (ei, si))
        }) else {
            return;
        };
        let exercise = &today.exercises[ei];
        let unit = last.entry.weight.unit;
        let loadable = ramp::loadable_for(
            exercise.planned.equipment,
            &ctx.settings.equipment.gear(),
            exercise.planned.load_step,
            unit,
        );
        let loads: Vec<(Technique, String)> = Technique::ALL
            .into_iter()
            .map(|t| (t, techniques::technique_load(t, last.entry.weight.load, &loadable).to_string()))
            .collect();
        let rest = ctx.plan.rest_after(&exercise.planned, SetKind::Working);
        let target = FormTarget {
            exercise: exercise.planned.name.clone(),
            kind: SetKind::Working,
            number: exercise.slots[si].number,
            unit,
            editing: None,
            rest_seconds: u32::try_from(rest.as_secs()).unwrap_or(u32::MAX).min(3600),
        };
        let effort = ctx.settings.entry.effort;
        let weight = loads[0].1.clone();
        let mut form = SetForm::filled(target, weight, String::new(), String::new(), false, String::new());
        form.technique =
            Some(TechniqueForm { technique: Technique::Drop, loads, carries_on: parent.entry.summary_in(effort) });
        form.field = Some(Field::Weight);
        self.form = form.in_scale(effort);
        self.cursor = Some((ei, si));
        self.under = None;
        *ctx.pane = Pane::Form;
    }

    /// The working set a technique set would carry on, and the set it would follow (the working
    /// set or its last technique set, whose load a further drop starts from).
    fn technique_parent<'a>(&self, today: &'a Today) -> Result<(&'a LoggedSet, &'a LoggedSet), String> {
        let selected = self
            .cursor
            .and_then(|(ei, si)| today.exercises.get(ei)?.slots.get(si)?.logged.as_ref())
            .filter(|s| s.entry.kind == SetKind::Working);
        let exercise = match selected {
            Some(set) => set.entry.exercise.as_str(),
            None => match today.sets.last() {
                Some(set) if set.entry.kind == SetKind::Working => set.entry.exercise.as_str(),
                _ => return Err("A drop set carries on a working set: log the working set first".into()),
            },
        };
        let index = today.sets.iter().rposition(|s| s.entry.exercise == exercise && s.entry.technique.is_none());
        let parent = index.map(|i| &today.sets[i]).filter(|s| s.entry.counts());
        let Some(parent) = parent else {
            return Err(format!("A drop set carries on a working set: log a working set of {exercise} first"));
        };
        if let Some(set) = selected
            && set.id != parent.id
        {
            return Err(format!(
                "A drop set follows its working set: {exercise}'s latest working set is {}",
                parent.entry.summary_in(crate::model::units::Effort::Rir)
            ));
        }
        let last = today.sets.iter().rfind(|s| s.entry.exercise == exercise).unwrap_or(parent);
        Ok((parent, last))
    }
}

/// The technique the plan carries `set` on with, when `set` (just saved, not yet in today) is
/// the last of its exercise's planned working sets.
pub(super) fn planned_after(set: &LoggedSet, ctx: &Ctx<'_>) -> Option<Technique> {
    crate::today::technique::planned_next(ctx.today?, &set.entry, Some(set.id))
}

//! The Today screen's set form: which row it is for, filling it, its keys, and saving it.

use super::TodayScreen;
use crate::keymap::Action;
use crate::model::exercise::FailureClass;
use crate::model::session::Side;
use crate::model::units::Rir;
use crate::today::Today;
use crate::training::warnings::{FailureConcern, failure_concern};
use crate::tui::effect::Effect;
use crate::tui::form::{Field, FormTarget, SetForm};
use crate::tui::popups::{Popup, Question};
use crate::tui::screens::{Ctx, Pane};
use crate::tui::theme::Meaning;

impl TodayScreen {
    /// Tab from the checklist: to the form as it is. With a set typed for a row, the cursor
    /// goes back to that row, so the two never disagree.
    pub(crate) fn tab_to_form(&mut self, ctx: &mut Ctx<'_>) {
        if self.form.dirty
            && let Some(row) = self.form_row(ctx.today)
        {
            self.cursor = Some(row);
        }
        self.open_row(ctx);
    }

    /// The row the form saves: the logged set it edits, or the row it was opened on while that
    /// is still open (else the first open row of its kind, where a new set lands).
    pub(super) fn form_row(&self, today: Option<&Today>) -> Option<(usize, usize)> {
        let target = self.form.target.as_ref()?;
        let today = today?;
        if let Some(id) = target.editing {
            return today.exercises.iter().enumerate().find_map(|(ei, e)| {
                // A technique set's row is its working set's (it is shown under it).
                let is_it = |s: &crate::training::checklist::Slot| {
                    s.logged.as_ref().is_some_and(|l| l.id == id) || s.attached.iter().any(|a| a.id == id)
                };
                e.slots.iter().position(is_it).map(|si| (ei, si))
            });
        }
        let ei = today.exercises.iter().position(|e| e.planned.name == target.exercise)?;
        let open = |s: &&crate::training::checklist::Slot| s.kind == target.kind && s.logged.is_none();
        let slots = &today.exercises[ei].slots;
        let si = slots
            .iter()
            .position(|s| open(&s) && s.number == target.number)
            .or_else(|| slots.iter().position(|s| open(&s)))?;
        Some((ei, si))
    }

    /// Enter on a row (after the check-in, when the day asks one): the selected row's form. A set
    /// typed for another row is never carried onto it, nor dropped without asking.
    pub(super) fn open_selected(&mut self, ctx: &mut Ctx<'_>) {
        if self.form.dirty
            && let Some(target) = &self.form.target
            && self.form_row(ctx.today) != self.cursor
        {
            let mut kept = format!("{} {}", target.exercise, target.row_name());
            let typed = [self.form.weight.trim(), self.form.reps.trim()];
            if self.form.measures.is_reps() && typed.iter().all(|t| !t.is_empty()) {
                kept = format!("{kept} ({} {} x {})", typed[0], target.unit, typed[1]);
            }
            let selected = self.row_to_open(ctx.today).and_then(|row| row_name(ctx.today, row)).unwrap_or_default();
            *ctx.popup = Some(Popup::Confirm(Question::SwitchRow { kept, selected }));
            return;
        }
        self.open_row(ctx);
    }

    /// Focuses the form, filled for the selected row unless it holds text typed for it. The log
    /// keeps the sets of a kind in order, so a new set opened on ramp-up 2 while ramp-up 1 is
    /// still open is ramp-up 1: the cursor and the form's title go there, and the title always
    /// names the row that is saved.
    pub(super) fn open_row(&mut self, ctx: &mut Ctx<'_>) {
        if !self.form.dirty {
            if let Some(row) = self.row_to_open(ctx.today) {
                self.cursor = Some(row);
            }
            self.fill_form(ctx);
        }
        if self.form.field.is_none() {
            self.form.field = Some(self.form.focused());
        }
        *ctx.pane = Pane::Form;
    }

    /// The row a new set in the form is kept as, when that is not the row it was opened on:
    /// the log keeps sets of a kind in order, so with ramp-up 1 still open, a set typed on
    /// ramp-up 2 is ramp-up 1.
    pub fn form_saves_as(&self, today: Option<&Today>) -> Option<String> {
        let target = self.form.target.as_ref().filter(|t| t.editing.is_none())?;
        let exercise = today?.exercises.iter().find(|e| e.planned.name == target.exercise)?;
        let first_open = exercise.slots.iter().find(|s| s.kind == target.kind && s.logged.is_none())?;
        (first_open.number < target.number)
            .then(|| FormTarget { number: first_open.number, ..target.clone() }.row_name())
    }

    /// The row `Enter` opens from the cursor: the selected row, or, for a new set, the first
    /// row of its kind still open (where the log puts it).
    fn row_to_open(&self, today: Option<&Today>) -> Option<(usize, usize)> {
        let (ei, si) = self.cursor?;
        let slots = &today?.exercises.get(ei)?.slots;
        let slot = slots.get(si)?;
        if slot.logged.is_some() {
            return Some((ei, si));
        }
        let first = slots.iter().position(|s| s.kind == slot.kind && s.logged.is_none()).unwrap_or(si);
        Some((ei, first.min(si)))
    }

    /// After today was read again with text in the form: the row it was opened on may have been
    /// logged meanwhile (from another window), so the form moves on to the row a new set now
    /// lands on (or one more row), and its title with it; while the form has focus the cursor
    /// follows.
    pub(super) fn settle_form_row(&mut self, ctx: &Ctx<'_>) {
        let row = self.form_row(ctx.today);
        let number = match (row, self.form.target.as_ref()) {
            (Some((ei, si)), _) => ctx.today.and_then(|t| Some(t.exercises.get(ei)?.slots.get(si)?.number)),
            (None, Some(target)) if target.editing.is_none() => ctx.today.and_then(|t| {
                let e = t.exercises.iter().find(|e| e.planned.name == target.exercise)?;
                let count = e.slots.iter().filter(|s| s.kind == target.kind).count();
                u16::try_from(count + 1).ok()
            }),
            (None, _) => None,
        };
        if let (Some(number), Some(target)) = (number, &mut self.form.target) {
            target.number = number;
        }
        if *ctx.pane == Pane::Form
            && let Some(row) = row
        {
            self.cursor = Some(row);
        }
    }

    /// Prefills the form for the selected slot: a logged set is edited; otherwise the target
    /// and last time's load fill it.
    pub(crate) fn fill_form(&mut self, ctx: &Ctx<'_>) {
        if self.fill_under(ctx) {
            return;
        }
        let (Some((ei, si)), Some(today)) = (self.cursor, ctx.today) else {
            self.form = SetForm::default();
            return;
        };
        let Some(exercise) = today.exercises.get(ei) else {
            return;
        };
        let Some(slot) = exercise.slots.get(si) else {
            return;
        };
        let rest = ctx.plan.rest_after(&exercise.planned, slot.kind);
        let unit = slot.weight.map_or(ctx.plan.unit, |w| w.unit);
        let mut target = FormTarget {
            exercise: exercise.planned.name.clone(),
            kind: slot.kind,
            number: slot.number,
            unit,
            editing: None,
            rest_seconds: u32::try_from(rest.as_secs()).unwrap_or(u32::MAX).min(3600),
        };
        let effort = ctx.settings.entry.effort;
        // A hold's weight field is an added load only; its time is what it records.
        let bodyweight = !exercise.is_timed()
            && (exercise.planned.equipment == crate::model::exercise::Equipment::Bodyweight
                || exercise.target.basis.is_bodyweight());
        self.form = match &slot.logged {
            Some(set) => {
                target.editing = Some(set.id);
                target.unit = set.entry.weight.unit;
                let e = &set.entry;
                SetForm::filled(
                    target,
                    crate::tui::form::weight_text(e.basis, e.weight.load, bodyweight),
                    e.reps.to_string(),
                    e.rir.map(|r| effort.number(r)).unwrap_or_default(),
                    e.form_broke,
                    e.note.clone(),
                )
            }
            None => {
                let weight = match slot.weight {
                    Some(w) => crate::tui::form::weight_text(slot.basis, w.load, bodyweight),
                    None if bodyweight => "BW".into(),
                    None => self.typed_working_text(exercise, slot).unwrap_or_default(),
                };
                SetForm::filled(target, weight, slot.reps.to_string(), String::new(), false, String::new())
            }
        }
        .in_scale(effort)
        .on_bodyweight(bodyweight);
        self.form.side = match &slot.logged {
            Some(set) => set.entry.side,
            None => ctx.plan.exercises.get(&exercise.planned.name).filter(|e| e.per_side).map(|_| Side::Each),
        };
        if exercise.is_timed() {
            self.form = timed_form(std::mem::take(&mut self.form), exercise, slot);
        }
    }

    /// A key in the form.
    pub(crate) fn on_form(&mut self, action: Action, ctx: &mut Ctx<'_>) -> Vec<Effect> {
        if self.form.target.is_none() {
            if matches!(action, Action::Back) {
                *ctx.pane = Pane::Checklist;
            }
            return Vec::new();
        }
        let field = self.form.focused();
        match action {
            Action::Input(c) => self.type_in(field, c),
            Action::Backspace => self.form.backspace(),
            Action::Up => self.form.move_field(false),
            Action::Down => self.form.move_field(true),
            Action::Left | Action::Right if self.form.technique.is_some() => {
                self.form.cycle_technique(action == Action::Right);
            }
            Action::Left | Action::Right if field == Field::Rir => self.form.nudge_rir(action == Action::Right),
            Action::ToggleFormBroke => self.form.toggle_form_broke(),
            Action::SidesApart => self.toggle_sides(ctx),
            Action::Back => *ctx.pane = Pane::Checklist,
            Action::Enter if !self.form.measures.is_reps() && self.form.enter_timed(field) => {
                return self.save_checked(false, ctx);
            }
            Action::Enter if !self.form.measures.is_reps() => {}
            Action::Enter => {
                let next = match field {
                    Field::Weight | Field::Reps => self.form.check(field),
                    _ => false,
                };
                let ramp_up_after_reps = field == Field::Reps && !self.form.asks_rir();
                if next && !ramp_up_after_reps {
                    self.form.move_field(true);
                } else if (next && ramp_up_after_reps) || !matches!(field, Field::Weight | Field::Reps) {
                    return self.save_checked(false, ctx);
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// A character typed into the focused field.
    fn type_in(&mut self, field: Field, c: char) {
        if field == Field::FormBroke {
            self.form.toggle_form_broke();
        } else if field == Field::Rir && c.is_ascii_digit() {
            self.form.pick_rir(c as u8 - b'0');
        } else if field == Field::Rir {
            // '.' or ',' adds the half step to a whole RIR.
            if !self.form.rir.contains('.') && !self.form.rir.is_empty() && self.form.rir != "10" {
                self.form.rir.push_str(".5");
                self.form.refresh_dirty();
            }
        } else {
            self.form.type_char(c);
        }
    }

    /// Saves the form. RIR 0 on a technical lift asks first (METHOD.md section 3), unless the
    /// lifter has just confirmed it.
    pub(super) fn save_checked(&mut self, confirmed: bool, ctx: &mut Ctx<'_>) -> Vec<Effect> {
        let Some(today) = ctx.today else {
            return Vec::new();
        };
        let Some(target) = self.form.target.clone() else {
            return Vec::new();
        };
        let Some(entry) = self.form.entry() else {
            *ctx.message = Some((Meaning::Error, "Not saved: fix the field marked in red".into()));
            return Vec::new();
        };
        let class = today
            .exercises
            .iter()
            .find(|e| e.planned.name == entry.exercise)
            .map_or(FailureClass::Safe, |e| e.planned.failure_class);
        if !confirmed && let Some(concern) = failure_concern(&entry, class, today.deload.is_some()) {
            let rir = match entry.technique {
                Some(technique) => crate::training::techniques::named(technique),
                None => entry.rir.or(Rir::whole(0)).map_or_else(String::new, |r| ctx.settings.entry.effort.named(r)),
            };
            let question = match concern {
                FailureConcern::TechnicalLift => Question::TechnicalFailure { exercise: entry.exercise.clone(), rir },
                FailureConcern::DeloadWeek => Question::DeloadFailure { rir },
            };
            *ctx.popup = Some(Popup::Confirm(question));
            return Vec::new();
        }
        if let Some(effects) = self.save_side(entry.clone(), &target, today, ctx) {
            return effects;
        }
        match target.editing {
            Some(id) => vec![Effect::Update { id, entry: super::round::kept_group(today, id, entry) }],
            None => {
                let mut entry = entry;
                let mut rest_seconds = crate::today::group::in_round(today, &mut entry, target.rest_seconds);
                // A set the plan carries on with a drop set is not over: the rest waits for it.
                if crate::today::technique::planned_next(today, &entry, None).is_some() {
                    rest_seconds = 0;
                }
                vec![Effect::Log { session: today.session_for(), entry, rest_seconds }]
            }
        }
    }
}

/// A row's name: `ramp-up 2`.
fn row_name(today: Option<&Today>, (ei, si): (usize, usize)) -> Option<String> {
    let slot = today?.exercises.get(ei)?.slots.get(si)?;
    Some(crate::training::checklist::slot_name(slot.kind, slot.number))
}

/// The form of a hold, a carry or cardio: it asks what the exercise measures, prefilled with the
/// set being edited, or with last time's (the lifter types over it).
fn timed_form(
    form: SetForm,
    exercise: &crate::training::checklist::ExerciseToday,
    slot: &crate::training::checklist::Slot,
) -> SetForm {
    use crate::model::exercise::Measures;
    use crate::tui::form::timed::{metres_text, time_text};
    let measures = if exercise.planned.measures.is_reps() { Measures::Time } else { exercise.planned.measures };
    let shown = slot.logged.as_ref().or_else(|| exercise.last_time.first()).map(|s| &s.entry);
    let time = shown.and_then(|e| e.seconds).map(time_text).unwrap_or_default();
    let distance = shown.and_then(|e| e.distance).map(metres_text).unwrap_or_default();
    let mut form = form.with_measures(measures, time, distance);
    if slot.logged.is_none() && !measures.takes_load() {
        form.weight.clear();
        form.prefill.weight.clear();
    }
    form
}

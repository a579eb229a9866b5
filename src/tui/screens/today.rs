//! The Today screen's state and keys: the checklist's cursor, the plan day picked, the check-in,
//! and the rest timer. The set form's rows and saving are in [`entry`].

mod delete;
mod entry;
mod first_ladder;
mod land;
mod pinned;
mod round;
mod sides;
mod technique;
mod under;

use chrono::{DateTime, NaiveDate, Utc};

pub(crate) use pinned::pin_note_answered;

use super::{Ctx, Pane};
use crate::keymap::Action;
use crate::model::plan::DayKind;
use crate::model::session::{ExerciseChange, LoggedSet, Readiness};
use crate::today::Today;
use crate::training::checklist::ExerciseToday;
use crate::tui::effect::{Effect, describe};
use crate::tui::form::SetForm;
use crate::tui::popups::{CheckIn, Guess, PickFor, Picker, Popup, Question};
use crate::tui::theme::Meaning;

/// The Today screen.
#[derive(Debug, Clone, Default)]
pub struct TodayScreen {
    /// The selected checklist slot: (exercise, slot).
    pub cursor: Option<(usize, usize)>,
    /// The set-entry form.
    pub form: SetForm,
    /// A plan day picked instead of the scheduled one.
    pub chosen_day: Option<usize>,
    /// The date the check-in was last offered (answered or skipped).
    pub checked_in: Option<NaiveDate>,
    /// A technique set under the cursor's done set (`↳ drop`): exercise, slot and its index
    /// among the sets shown under it; in force only while the cursor is on that slot.
    pub under: Option<(usize, usize, usize)>,
    /// A working set just saved that the plan carries on with a technique: its form opens once
    /// today is read again with the set in it.
    pub planned_technique: Option<(i64, crate::model::session::Technique)>,
    /// A first time's working weight typed in the form (exercise and load): the ramp-ups climb
    /// towards it before it is saved.
    pub typed_working: Option<(String, crate::model::units::Weight)>,
    /// The record the set about to be reported saved set (its id and the words for it).
    pub record: Option<(i64, String)>,
    /// After an undo, the exercise and kind of the set taken back: the cursor lands on its row.
    pub landing: Option<(String, crate::model::session::SetKind)>,
}

impl TodayScreen {
    /// A key on the checklist.
    pub(crate) fn on_checklist(&mut self, action: Action, ctx: &mut Ctx<'_>) -> Vec<Effect> {
        let Some(today) = ctx.today else {
            return Vec::new();
        };
        match action {
            Action::Up => self.move_cursor(false, ctx),
            Action::Down => self.move_cursor(true, ctx),
            Action::Enter => self.enter(today, ctx),
            Action::ExerciseDetail => {
                if let Some(exercise) = self.cursor.and_then(|(ei, _)| today.exercises.get(ei)) {
                    return vec![Effect::LoadDetail(exercise.planned.name.clone())];
                }
            }
            Action::SkipExercise => {
                let Some(exercise) = self.cursor.and_then(|(ei, _)| today.exercises.get(ei)) else {
                    return Vec::new();
                };
                return vec![skip_or_restore(today, exercise)];
            }
            Action::AddExercise => {
                *ctx.popup =
                    Some(Popup::Picker(Picker { filter: String::new(), selected: 0, purpose: PickFor::Adding }));
            }
            Action::DeleteSet => {
                if let Some(set) = self.selected_logged(today) {
                    let under = self.under_selected(today, ctx.settings.entry.effort);
                    *ctx.popup = Some(Popup::Confirm(Question::Delete {
                        id: set.id,
                        summary: delete::with_under(describe(&set, ctx.settings.entry.effort), &under),
                    }));
                } else {
                    *ctx.message = Some((Meaning::Muted, "Select a logged set to delete it".into()));
                }
            }
            Action::UndoLast => match today.sets.last() {
                Some(set) => {
                    *ctx.popup = Some(Popup::Confirm(Question::Delete {
                        id: set.id,
                        summary: describe(set, ctx.settings.entry.effort),
                    }));
                }
                None => *ctx.message = Some((Meaning::Muted, "Nothing logged in this session yet".into())),
            },
            Action::PrevDay | Action::NextDay => return self.switch_day(action == Action::NextDay, ctx),
            Action::MarkDayDone => return self.mark_day_done(today, ctx),
            Action::Deload => {
                let monday = crate::training::compare::week_bounds(today.date).0;
                return vec![if today.deload.is_some() {
                    Effect::EndDeload(monday)
                } else {
                    Effect::StartDeload(monday)
                }];
            }
            Action::EndSession => return self.end_session(today, ctx),
            // A set typed in the form stays there while the plan is edited.
            Action::EditPlan => return vec![Effect::EditPlan],
            Action::TechniqueSet => self.open_technique(today, ctx),
            Action::PinNote => self.open_pin_note(today, ctx),
            _ => {}
        }
        Vec::new()
    }

    fn slots(today: Option<&Today>) -> Vec<(usize, usize)> {
        today
            .map(|t| {
                t.exercises.iter().enumerate().flat_map(|(ei, e)| (0..e.slots.len()).map(move |si| (ei, si))).collect()
            })
            .unwrap_or_default()
    }

    fn move_cursor(&mut self, down: bool, ctx: &Ctx<'_>) {
        if let Some(today) = ctx.today
            && self.step_under(down, today)
        {
            if !self.form.dirty {
                self.fill_form(ctx);
            }
            return;
        }
        let slots = Self::slots(ctx.today);
        if slots.is_empty() {
            self.cursor = None;
            return;
        }
        let at = self.cursor.and_then(|c| slots.iter().position(|&s| s == c));
        let next = match at {
            Some(i) if down => (i + 1).min(slots.len() - 1),
            Some(i) => i.saturating_sub(1),
            None => 0,
        };
        if at != Some(next) {
            self.under = None;
            self.cursor = Some(slots[next]);
            if let (false, Some(today)) = (down, ctx.today) {
                self.land_from_below(today);
            }
        }
        if !self.form.dirty {
            self.fill_form(ctx);
        }
    }

    /// Enter on the checklist: the check-in first when the day asks one, then the row's form.
    fn enter(&mut self, today: &Today, ctx: &mut Ctx<'_>) {
        if self.cursor.is_some() && self.wants_check_in(ctx) {
            *ctx.popup = Some(Popup::CheckIn(CheckIn::default()));
        } else if self.cursor.is_some() {
            self.open_selected(ctx);
        } else if today.day.kind != DayKind::Training {
            *ctx.message = Some((
                Meaning::Muted,
                format!("A rest day: press {} to mark it done", ctx.keymap.key_label(Action::MarkDayDone)),
            ));
        }
    }

    fn mark_day_done(&mut self, today: &Today, ctx: &mut Ctx<'_>) -> Vec<Effect> {
        if today.day.kind == DayKind::Training {
            *ctx.message = Some((
                Meaning::Muted,
                format!(
                    "A training day is done when its sets are: {} finishes the session",
                    ctx.keymap.key_label(Action::EndSession)
                ),
            ));
        } else if today.finished.is_some() {
            *ctx.message = Some((Meaning::Muted, "Already marked done today".into()));
        } else {
            self.chosen_day = None;
            return vec![Effect::MarkDayDone { day_name: today.day.name.clone(), day_index: today.day_index }];
        }
        Vec::new()
    }

    fn end_session(&mut self, today: &Today, ctx: &mut Ctx<'_>) -> Vec<Effect> {
        match &today.session {
            Some(session) => {
                // The next session follows the schedule again.
                self.chosen_day = None;
                vec![Effect::EndSession(session.id)]
            }
            None => {
                *ctx.message = Some((Meaning::Muted, "No session running: it starts with the first set".into()));
                Vec::new()
            }
        }
    }

    /// Changes plan day, asking first when the form holds a set being typed.
    pub(crate) fn switch_day(&mut self, forward: bool, ctx: &mut Ctx<'_>) -> Vec<Effect> {
        let count = ctx.plan.days.len();
        let Some(today) = ctx.today else {
            return Vec::new();
        };
        if count == 0 {
            return Vec::new();
        }
        if self.form.dirty {
            *ctx.popup = Some(Popup::Confirm(Question::DiscardForDay { forward }));
            return Vec::new();
        }
        // Sets already logged only move to another training day, never onto a rest day.
        let has_sets = today.session.is_some() && !today.sets.is_empty();
        let current = self.chosen_day.or(today.day_index).unwrap_or(0);
        let mut next = current;
        for _ in 0..count {
            next = if forward { (next + 1) % count } else { (next + count - 1) % count };
            if !has_sets || ctx.plan.days[next].kind == DayKind::Training {
                break;
            }
        }
        if next == current {
            return Vec::new();
        }
        self.chosen_day = Some(next);
        self.cursor = None;
        self.form = SetForm::default();
        match &today.session {
            Some(session) => vec![Effect::MoveSession { session_id: session.id, day_index: next }],
            None => vec![Effect::Reload],
        }
    }

    fn selected_logged(&self, today: &Today) -> Option<LoggedSet> {
        if let Some(set) = self.under_set(today) {
            return Some(set.clone());
        }
        let (ei, si) = self.cursor?;
        today.exercises.get(ei)?.slots.get(si)?.logged.clone()
    }

    /// A check-in opens a training session: asked once a day, before its first set.
    fn wants_check_in(&self, ctx: &Ctx<'_>) -> bool {
        ctx.settings.checkin.ask
            && ctx.today.is_some_and(|t| {
                t.session.is_none()
                    && t.finished.is_none()
                    && t.day.kind == DayKind::Training
                    && self.checked_in != Some(t.date)
            })
    }

    /// The check-in was answered (or skipped, `None`): on to the selected row's set.
    pub(crate) fn checked_in(
        &mut self,
        answer: Option<(Readiness, Option<crate::model::units::Load>)>,
        ctx: &mut Ctx<'_>,
    ) -> Vec<Effect> {
        self.checked_in = ctx.today.map(|t| t.date);
        self.open_selected(ctx);
        match (answer, ctx.today) {
            (Some((readiness, body)), Some(today)) => {
                // The body weight typed is in the plan's unit (the settings' when the plan names none).
                let body_weight = body.map(|load| crate::model::units::Weight::new(load, ctx.plan.unit));
                vec![Effect::CheckIn { session: today.session_for(), readiness, body_weight }]
            }
            _ => Vec::new(),
        }
    }

    /// A question about today answered yes or no (the popup is already closed).
    pub(crate) fn answer(&mut self, question: &Question, yes: bool, ctx: &mut Ctx<'_>) -> Vec<Effect> {
        if !yes {
            if let Question::SwitchRow { .. } = question {
                // Kept: back to the row the typed set is for, in the form.
                if let Some(row) = self.form_row(ctx.today) {
                    self.cursor = Some(row);
                }
                self.open_row(ctx);
            }
            return Vec::new();
        }
        match question {
            // The app's own questions: answered there.
            Question::Quit | Question::QuitWaiting { .. } => Vec::new(),
            Question::TechnicalFailure { .. } | Question::DeloadFailure { .. } => self.save_checked(true, ctx),
            Question::DiscardForDay { forward } => {
                self.form = SetForm::default();
                self.switch_day(*forward, ctx)
            }
            Question::SwitchRow { .. } => {
                self.form = SetForm::default();
                self.open_row(ctx);
                Vec::new()
            }
            Question::Delete { id, summary } => {
                let mut effects = vec![Effect::Delete { id: *id, summary: summary.clone() }];
                if let Some(today) = ctx.today {
                    self.land_after_undo(today, *id);
                }
                // A set of a round deleted: the cursor goes to the round's next set, as after a save.
                if ctx
                    .today
                    .and_then(|t| t.sets.iter().find(|s| s.id == *id))
                    .is_some_and(|s| s.entry.superset.is_some())
                {
                    self.cursor = None;
                }
                // Undoing the set that started the rest stops the rest too.
                if let Some(today) = ctx.today
                    && let (Some(session), Some(last)) = (&today.session, today.sets.last())
                    && last.id == *id
                    && today.rest().is_some()
                {
                    effects.push(Effect::SetRest { session_id: session.id, until: None, seconds: 0 });
                }
                effects
            }
        }
    }

    /// A set was committed: says so (with the rest it started), asks the RIR guess after a set
    /// to failure on a safe exercise, and clears the form if it still holds that set.
    pub(crate) fn saved(&mut self, set: &LoggedSet, rest_seconds: u32, ctx: &mut Ctx<'_>) {
        let rest = std::time::Duration::from_secs(u64::from(rest_seconds));
        let rest_text = if rest_seconds > 0 {
            format!(", rest {}", crate::model::exercise::format_rest(rest))
        } else {
            round::straight_on(set, rest_seconds).unwrap_or_default()
        };
        // After a working set, the key that carries it on past failure (mid-round the message
        // says where to go next instead, and a drop set is still one key away).
        let mid_round = rest_seconds == 0 && set.entry.superset.is_some();
        let planned = if mid_round { None } else { technique::planned_after(set, ctx) };
        let technique = match planned {
            Some(t) => format!(" · now the planned {t}, then rest"),
            None if set.entry.counts() && !mid_round => {
                format!(" · {} drop set", ctx.keymap.key_label(Action::TechniqueSet))
            }
            None => String::new(),
        };
        let saved = match self.record.take().filter(|(id, _)| *id == set.id) {
            Some((_, record)) => record,
            None => format!("Saved {}", describe(set, ctx.settings.entry.effort)),
        };
        *ctx.message = Some((Meaning::Good, format!("{saved}{rest_text}{technique}")));
        // A set to failure on a safe exercise is a chance to calibrate RIR (not over a
        // question the lifter is answering: a save that waited can land at any time; and not
        // when the plan carries the set on: it is not over yet).
        let calibrates = ctx.popup.is_none()
            && planned.is_none()
            && ctx.today.is_some_and(|t| {
                t.exercises.iter().any(|e| {
                    e.planned.name == set.entry.exercise
                        && crate::training::warnings::calibrates_rir(&set.entry, e.planned.failure_class)
                })
            });
        if calibrates {
            *ctx.popup =
                Some(Popup::Guess(Guess { set_id: set.id, reps: set.entry.reps, text: String::new(), error: None }));
        }
        // The form is cleared only now that the store has the set, and only if it still
        // holds that set: while a save waited, the lifter may have typed another.
        let holds_it = !self.form.dirty || round::same_set(self.form.clone().entry(), &set.entry);
        if holds_it {
            self.form = SetForm::default();
            self.cursor = None;
            *ctx.pane = Pane::Checklist;
            // Not over a question, and not over another set typed while this one waited.
            self.planned_technique = planned.filter(|_| ctx.popup.is_none()).map(|t| (set.id, t));
        }
    }

    /// A logged set was changed or deleted: the form is cleared if it was showing that set.
    pub(crate) fn set_changed(&mut self, id: i64, ctx: &mut Ctx<'_>) {
        if self.form.target.as_ref().is_some_and(|t| t.editing == Some(id)) {
            self.form = SetForm::default();
            *ctx.pane = Pane::Checklist;
        }
    }

    /// Today was read again: the cursor stays on its row while that row is there (else the
    /// current set), and the form follows.
    pub(crate) fn today_loaded(&mut self, ctx: &mut Ctx<'_>) {
        let Some(today) = ctx.today else {
            return;
        };
        if let Some((id, technique)) = self.planned_technique.take()
            && self.open_planned_technique(today, id, technique, ctx)
        {
            return;
        }
        // After an undo, the row of the set taken back; else the row kept, else the next set.
        self.land(today);
        let keep = self.cursor.filter(|&(ei, si)| today.exercises.get(ei).is_some_and(|e| si < e.slots.len()));
        if keep.is_none() {
            self.under = None;
        }
        self.cursor = keep
            .or_else(|| today.current())
            .or_else(|| today.exercises.iter().position(|e| !e.slots.is_empty()).map(|ei| (ei, 0)));
        if self.form.dirty {
            self.settle_form_row(ctx);
        } else {
            self.fill_form(ctx);
        }
    }
}

/// Skipping an exercise, or undoing the skip.
fn skip_or_restore(today: &Today, exercise: &ExerciseToday) -> Effect {
    let change = if exercise.skipped {
        exercise.added.then_some(ExerciseChange::Added)
    } else if exercise.added {
        // Skipping an added exercise with nothing logged takes it off the list.
        if exercise.slots.iter().any(|s| s.logged.is_some()) { Some(ExerciseChange::Skipped) } else { None }
    } else {
        Some(ExerciseChange::Skipped)
    };
    Effect::ChangeExercise { session: today.session_for(), exercise: exercise.planned.name.clone(), change }
}

/// An exercise picked to add to today: added, or put back on the list when it was skipped.
pub(crate) fn add_exercise(name: String, ctx: &mut Ctx<'_>) -> Vec<Effect> {
    let Some(today) = ctx.today else {
        return Vec::new();
    };
    if today.exercises.iter().any(|e| e.planned.name == name && !e.skipped) {
        *ctx.message = Some((Meaning::Warn, format!("{name} is already on today's list")));
        return Vec::new();
    }
    let change = if today.exercises.iter().any(|e| e.planned.name == name && !e.added) {
        None
    } else {
        Some(ExerciseChange::Added)
    };
    vec![Effect::ChangeExercise { session: today.session_for(), exercise: name, change }]
}

/// Rest keys (any pane): 15 seconds more or less, or skip the rest.
pub(crate) fn adjust_rest(action: Action, now: DateTime<Utc>, ctx: &mut Ctx<'_>) -> Vec<Effect> {
    let Some(today) = ctx.today else {
        return Vec::new();
    };
    let Some(session) = &today.session else {
        *ctx.message = Some((Meaning::Muted, "No rest running: it starts when a set is saved".into()));
        return Vec::new();
    };
    let (until, seconds) = match (today.rest(), action) {
        (_, Action::RestSkip) => (None, 0),
        (Some((until, seconds)), Action::RestPlus) => {
            let base = until.max(now);
            let extra = u32::try_from((base - until).num_seconds()).unwrap_or(0);
            (Some(base + chrono::Duration::seconds(15)), (seconds + extra + 15).min(3600))
        }
        (Some((until, seconds)), Action::RestMinus) if until > now => {
            let shorter = until - chrono::Duration::seconds(15);
            (Some(shorter.max(now)), seconds.saturating_sub(15))
        }
        (None, Action::RestPlus) => (Some(now + chrono::Duration::seconds(15)), 15),
        _ => return Vec::new(),
    };
    vec![Effect::SetRest { session_id: session.id, until, seconds }]
}

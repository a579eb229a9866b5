//! Runs the app's effects against the store and feeds the outcomes back: the one place where
//! state meets the database. The event loop and the tests drive the app through it.

use ratatui::crossterm::event::KeyEvent;

use super::app::{App, Effect, Outcome};
use super::keymap::Action;
use crate::clock::Clock;
use crate::history;
use crate::model::session::{DeloadStyle, ExerciseChange};
use crate::store::{Store, StoreError};
use crate::training::compare::week_bounds;
use crate::{today, week};

/// The app with its store and clock.
pub struct Driver<C: Clock> {
    /// App state.
    pub app: App,
    /// The log.
    pub store: Store,
    /// The time.
    pub clock: C,
    /// Bells rung and not yet sounded by the terminal.
    pub bells: usize,
    /// The store's data version when today was last read.
    seen_version: Option<i64>,
}

impl<C: Clock> Driver<C> {
    /// A driver; loads today at once.
    pub fn new(app: App, store: Store, clock: C) -> Driver<C> {
        let seen_version = store.data_version().ok();
        let mut driver = Driver { app, store, clock, bells: 0, seen_version };
        driver.run(vec![Effect::Reload]);
        driver
    }

    /// A key press.
    pub fn key(&mut self, key: KeyEvent) {
        self.refresh_if_stale();
        let now = self.clock.now();
        let effects = self.app.handle_key(key, now);
        self.run(effects);
    }

    /// An action, as if its key was pressed.
    pub fn act(&mut self, action: Action) {
        let now = self.clock.now();
        let effects = self.app.update(action, now);
        self.run(effects);
    }

    /// The terminal's size changed (or was first measured).
    pub fn resize(&mut self, width: u16, height: u16) {
        self.app.size = Some((width, height));
    }

    /// A timer tick.
    pub fn tick(&mut self) {
        self.refresh_if_stale();
        let now = self.clock.now();
        let effects = self.app.tick(now);
        self.run(effects);
    }

    /// Reloads today (after another process wrote, or a new day began).
    pub fn reload(&mut self) {
        self.run(vec![Effect::Reload]);
    }

    /// Reloads what the screen shows when the local date moved on (the app was left open past
    /// midnight) or another process committed to the log (a set logged from the shell).
    fn refresh_if_stale(&mut self) {
        let new_day = self.app.today.as_ref().is_some_and(|t| {
            t.date != self.clock.local_date(self.clock.now())
                || t.last_activity().is_some_and(|at| today::session_is_over(&self.clock, at))
        });
        let version = self.store.data_version().ok();
        let written_elsewhere = version != self.seen_version;
        self.seen_version = version;
        if new_day || written_elsewhere {
            let mut effects = vec![Effect::Reload];
            match self.app.screen {
                super::app::Screen::History => effects.push(Effect::LoadSessions),
                super::app::Screen::Week => effects.push(Effect::LoadWeek(self.app.week_date)),
                super::app::Screen::Today => {}
                super::app::Screen::Exercise => {
                    if let Some(view) = &self.app.detail {
                        effects.push(Effect::LoadDetail(view.detail.exercise.clone()));
                    }
                }
            }
            self.run(effects);
        }
    }

    /// Runs effects until none are left.
    pub fn run(&mut self, mut effects: Vec<Effect>) {
        while !effects.is_empty() {
            let mut next = Vec::new();
            for effect in effects {
                for outcome in self.execute(effect) {
                    let now = self.clock.now();
                    next.extend(self.app.receive(outcome, now));
                }
            }
            effects = next;
        }
    }

    fn today(&mut self) -> Outcome {
        match today::load(&mut self.store, &self.app.plan, &self.app.settings, &self.clock, self.app.chosen_day) {
            Ok(today) => Outcome::Today(Box::new(today)),
            Err(e) => Outcome::Failed(format!("Could not read today's session: {e}")),
        }
    }

    fn execute(&mut self, effect: Effect) -> Vec<Outcome> {
        let now = self.clock.now();
        let result: Result<Vec<Outcome>, StoreError> = match effect {
            Effect::Bell => {
                self.bells += 1;
                return Vec::new();
            }
            Effect::Reload => return vec![self.today()],
            Effect::Log { session, entry, rest_seconds } => self
                .store
                .log_set(&session, &entry, now, rest_seconds)
                .map(|set| vec![Outcome::Saved { set, rest_seconds }]),
            Effect::Update { id, entry } => self.store.update_set(id, &entry).map(|()| {
                vec![Outcome::SetChanged { id, text: format!("Updated {} {}", entry.exercise, entry.summary()) }]
            }),
            Effect::Delete { id, summary } => {
                self.store.delete_set(id).map(|()| vec![Outcome::SetChanged { id, text: format!("Deleted {summary}") }])
            }
            Effect::SetRest { session_id, until, seconds } => {
                self.store.set_rest(session_id, until, seconds).map(|()| Vec::new())
            }
            Effect::EndSession(id) => {
                self.store.end_session(id, now).map(|()| vec![Outcome::Done("Session finished. Well done.".into())])
            }
            Effect::MarkDayDone { day_name, day_index } => self
                .store
                .mark_day_done(&day_name, day_index, now)
                .map(|_| vec![Outcome::Done(format!("{day_name}: marked done"))]),
            Effect::MoveSession { session_id, day_index } => {
                let name = self.app.plan.days.get(day_index).map(|d| d.name.clone()).unwrap_or_default();
                self.store
                    .set_session_day(session_id, &name, Some(day_index))
                    .map(|()| vec![Outcome::Done(format!("Session moved to {name}"))])
            }
            Effect::ChangeExercise { session, exercise, change } => {
                self.store.session_id_for(&session, now).and_then(|id| {
                    self.store.set_exercise_change(id, &exercise, change)?;
                    let text = match change {
                        Some(ExerciseChange::Added) => format!("Added {exercise}"),
                        Some(ExerciseChange::Skipped) => format!("Skipping {exercise} today"),
                        None => format!("{exercise} is back on the list"),
                    };
                    Ok(vec![Outcome::Done(text)])
                })
            }
            Effect::LoadSessions => {
                let monday = self.app.history_week.unwrap_or_else(|| week_bounds(self.clock.local_date(now)).0);
                let loaded = history::week_sessions(&self.store, &self.clock, monday);
                return vec![match loaded {
                    Ok((sessions, deload)) => Outcome::Sessions { monday, deload, sessions },
                    Err(e) => Outcome::Failed(format!("Could not read the history: {e}")),
                }];
            }
            Effect::CheckIn { session, readiness } => self.store.session_id_for(&session, now).and_then(|id| {
                self.store.set_readiness(id, readiness)?;
                Ok(vec![Outcome::Done("Check-in saved".into())])
            }),
            Effect::SaveGuess { set_id, at_rep, guess_halves } => self
                .store
                .set_rir_guess(set_id, at_rep, guess_halves)
                .map(|()| vec![Outcome::Done("Guess saved: it calibrates your RIR".into())]),
            Effect::StartDeload(monday) => {
                let key = self.app.keymap.key_label(Action::Deload);
                self.store.start_deload(monday, DeloadStyle::Volume, now).map(|()| {
                    vec![Outcome::Done(format!(
                        "Deload week: about half the sets, 3 or more reps in reserve. {key} ends it."
                    ))]
                })
            }
            Effect::EndDeload(monday) => {
                self.store.cancel_deload(monday).map(|()| vec![Outcome::Done("Deload week ended".into())])
            }
            Effect::LoadDetail(exercise) => {
                return vec![match history::exercise_detail(
                    &self.store,
                    self.app.settings.e1rm.formula,
                    &self.clock,
                    &exercise,
                ) {
                    Ok(detail) => Outcome::Detail(Box::new(detail)),
                    Err(e) => Outcome::Failed(format!("Could not read {exercise}: {e}")),
                }];
            }
            Effect::LoadWeek(date) => {
                let date = date.unwrap_or_else(|| self.clock.local_date(now));
                return vec![
                    match week::load_week(&self.store, &self.app.plan, &self.app.settings, &self.clock, date) {
                        Ok(report) => Outcome::Week(report),
                        Err(e) => Outcome::Failed(format!("Could not read the week: {e}")),
                    },
                ];
            }
            Effect::CompareWeek(monday) => {
                return vec![match history::compare_whole_weeks(
                    &self.store,
                    &self.clock,
                    self.app.settings.e1rm.formula,
                    monday,
                ) {
                    Ok(exercises) => Outcome::Comparison { session_id: None, week_start: monday, exercises },
                    Err(e) => Outcome::Failed(format!("Could not compare weeks: {e}")),
                }];
            }
            Effect::Compare(session_id) => {
                return vec![match history::compare_weeks(
                    &self.store,
                    &self.clock,
                    self.app.settings.e1rm.formula,
                    session_id,
                ) {
                    Ok((week_start, exercises)) => {
                        Outcome::Comparison { session_id: Some(session_id), week_start, exercises }
                    }
                    Err(e) => Outcome::Failed(format!("Could not compare weeks: {e}")),
                }];
            }
        };
        match result {
            Ok(mut outcomes) => {
                // Every write is followed by a fresh read, so the screen shows what is stored.
                outcomes.push(self.today());
                outcomes
            }
            // A fresh read follows a failure too, so the next try goes where it should (a session
            // finished in another window is not written to again).
            Err(e) => {
                vec![Outcome::Failed(format!("Not saved: {e}. What you typed is still in the form.")), self.today()]
            }
        }
    }
}

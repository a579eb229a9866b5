//! Runs the app's effects against the store and feeds the outcomes back: the one place where
//! state meets the database. The event loop and the tests drive the app through it.

use std::time::Duration;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

mod own;
mod plan;
mod record;

pub use plan::{Handover, NoTerminal, PlanFiles};

use super::app::App;
use super::effect::{Effect, Outcome, describe_entry};
use super::screens::Screen;
use crate::clock::Clock;
use crate::history;
use crate::keymap::Action;
use crate::model::session::{DeloadStyle, ExerciseChange};
use crate::model::units::Effort;
use crate::store::{Store, StoreError, WriteWait};
use crate::training::compare::week_bounds;
use crate::{today, week};

/// How long a write waits for the log's write lock at first: long enough for another hardset
/// saving a set (milliseconds), short enough not to be felt. Past it, the write waits kept (see
/// [`Driver::waiting`]) while the app goes on.
const FIRST_TRY: Duration = Duration::from_millis(250);

/// How long each try again waits for the lock, on each tick: it must not hold up the screen.
const TRY_AGAIN: Duration = Duration::from_millis(10);

/// How often the event loop ticks while a write waits, to try it again.
pub const TRY_AGAIN_EVERY: Duration = Duration::from_millis(200);

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
    /// A write that found the log busy (another program writing it, such as an import), with
    /// the time it was asked for: tried again on each tick until it goes through.
    pending: Option<(Effect, DateTime<Utc>)>,
    /// The lifter's plan file, for the plan key; `None` (the demo) leaves the plan alone.
    pub plan_files: Option<PlanFiles>,
    /// The terminal, handed to the editor while it runs.
    pub terminal: Box<dyn Handover>,
}

impl<C: Clock> Driver<C> {
    /// A driver; loads today at once.
    pub fn new(app: App, mut store: Store, clock: C) -> Driver<C> {
        store.set_write_wait(WriteWait::UpTo(FIRST_TRY));
        let seen_version = store.data_version().ok();
        let mut driver = Driver {
            app,
            store,
            clock,
            bells: 0,
            seen_version,
            pending: None,
            plan_files: None,
            terminal: Box::new(NoTerminal),
        };
        driver.run(vec![Effect::Reload]);
        driver
    }

    /// A key press. What another process wrote (or a new day) is read first, so the key acts on
    /// what is stored.
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

    /// A timer tick: a write that waits for the log is tried again first, and what another
    /// process wrote (or a new day) is shown without a key (the event loop ticks when the
    /// log's files change).
    pub fn tick(&mut self) {
        self.try_again();
        self.refresh_if_stale();
        let now = self.clock.now();
        let effects = self.app.tick(now);
        self.run(effects);
    }

    /// Whether a write waits for the log (another program is writing it).
    pub fn waiting(&self) -> bool {
        self.pending.is_some()
    }

    /// Tries the write that waits again, briefly; once it goes through (or fails for another
    /// reason), the app hears its outcomes and that the wait is over.
    fn try_again(&mut self) {
        let Some((effect, at)) = self.pending.take() else {
            return;
        };
        self.store.set_write_wait(WriteWait::UpTo(TRY_AGAIN));
        let outcomes = self.execute_at(effect, at);
        self.store.set_write_wait(WriteWait::UpTo(FIRST_TRY));
        if self.pending.is_some() {
            // Still busy: the status line already says it waits.
            return;
        }
        let mut effects = Vec::new();
        for outcome in outcomes.into_iter().chain([Outcome::WaitOver]) {
            let now = self.clock.now();
            effects.extend(self.app.receive(outcome, now));
        }
        self.run(effects);
    }

    /// A last try at the write that waits, as the app closes without the lifter choosing to
    /// drop it (a signal, the terminal gone): waits up to `wait` for the log. Says what became
    /// of it, for standard error; `None` when nothing waited.
    pub fn finish_waiting(&mut self, wait: Duration) -> Option<String> {
        let (effect, at) = self.pending.take()?;
        let (what, detail) = waiting_for(&effect, self.app.settings.entry.effort);
        let what = format!("{what} ({detail})");
        self.store.set_write_wait(WriteWait::UpTo(wait));
        let outcomes = self.execute_at(effect, at);
        if self.pending.take().is_some() {
            return Some(format!("{what} was not saved: another program kept the log busy"));
        }
        Some(
            outcomes
                .into_iter()
                .find_map(|o| match o {
                    Outcome::Failed(text) => {
                        Some(format!("{what}: {}", text.trim_end_matches(" What you typed is still in the form.")))
                    }
                    _ => None,
                })
                .unwrap_or_else(|| format!("saved {what} before closing")),
        )
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
                Screen::History => effects.push(Effect::LoadSessions),
                Screen::Week => effects.push(Effect::LoadWeek(self.app.week.date)),
                Screen::Today => {}
                Screen::Exercise => {
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
        match today::load(
            &mut self.store,
            &self.app.plan,
            &self.app.settings,
            &self.clock,
            self.app.today_screen.chosen_day,
        ) {
            Ok(today) => Outcome::Today(Box::new(today)),
            Err(e) => Outcome::Failed(format!("Could not read today's session: {e}")),
        }
    }

    fn execute(&mut self, effect: Effect) -> Vec<Outcome> {
        let now = self.clock.now();
        if effect.writes()
            && let Some((pending, _)) = &self.pending
        {
            // One write waits at a time, so they reach the log in the order they were asked
            // for (two sets each starting "a new session" would start two).
            let (what, detail) = waiting_for(pending, self.app.settings.entry.effort);
            return vec![if *pending == effect {
                Outcome::Waiting { what, detail }
            } else {
                Outcome::Failed(format!(
                    "Not done: {what} ({detail}) still waits for the log (another program is writing); try again \
                     once it is saved. Anything typed is still in the form."
                ))
            }];
        }
        self.execute_at(effect, now)
    }

    /// Runs `effect` as asked for at `now`; a write that finds the log busy is kept to be tried
    /// again, and the app is told it waits.
    fn execute_at(&mut self, effect: Effect, now: DateTime<Utc>) -> Vec<Outcome> {
        if !effect.writes() {
            return self.read(effect, now);
        }
        let kept = effect.clone();
        match self.write(effect, now) {
            Ok(mut outcomes) => {
                // Every write is followed by a fresh read, so the screen shows what is stored.
                outcomes.push(self.today());
                outcomes
            }
            // Nothing of it was written: it waits, kept, and is tried again on each tick.
            Err(e) if e.is_busy() => {
                let (what, detail) = waiting_for(&kept, self.app.settings.entry.effort);
                self.pending = Some((kept, now));
                vec![Outcome::Waiting { what, detail }]
            }
            // A fresh read follows a failure too, so the next try goes where it should (a session
            // finished in another window is not written to again).
            Err(e) => {
                vec![Outcome::Failed(format!("Not saved: {e}. What you typed is still in the form.")), self.today()]
            }
        }
    }

    /// Runs an effect that writes nothing: a read, the bell, or dropping the write that waits.
    fn read(&mut self, effect: Effect, now: DateTime<Utc>) -> Vec<Outcome> {
        let formula = self.app.settings.e1rm.formula;
        let effective_rir = self.app.settings.volume.effective_rir_halves();
        let outcome = match effect {
            Effect::Bell => {
                self.bells += 1;
                return Vec::new();
            }
            Effect::GiveUpWaiting => {
                self.pending = None;
                return Vec::new();
            }
            Effect::Reload => self.today(),
            Effect::EditPlan => return self.edit_plan(),
            Effect::LoadSessions => {
                let monday = self.app.history.wanted_week.unwrap_or_else(|| week_bounds(self.clock.local_date(now)).0);
                match history::week_sessions(&self.store, &self.clock, monday) {
                    Ok((sessions, deload)) => Outcome::Sessions { monday, deload, sessions },
                    Err(e) => Outcome::Failed(format!("Could not read the history: {e}")),
                }
            }
            Effect::SeekWeek { seek, week_screen } => {
                match history::week_with_sessions(&self.store, &self.clock, seek, self.clock.local_date(now)) {
                    Ok(monday) => Outcome::WeekFound { seek, week_screen, monday },
                    Err(e) => Outcome::Failed(format!("Could not read the history: {e}")),
                }
            }
            Effect::LoadDetail(exercise) => {
                let known = self.app.plan.exercises.get(&exercise);
                match history::exercise_detail(&self.store, formula, effective_rir, &self.clock, &exercise, known) {
                    Ok(detail) => Outcome::Detail(Box::new(detail)),
                    Err(e) => Outcome::Failed(format!("Could not read {exercise}: {e}")),
                }
            }
            Effect::LoadWeek(date) => {
                let date = date.unwrap_or_else(|| self.clock.local_date(now));
                match week::load_week(&self.store, &self.app.plan, &self.app.settings, &self.clock, date) {
                    Ok(report) => Outcome::Week(report),
                    Err(e) => Outcome::Failed(format!("Could not read the week: {e}")),
                }
            }
            Effect::CompareWeek(monday) => {
                match history::compare_whole_weeks(&self.store, &self.clock, formula, monday) {
                    Ok(exercises) => Outcome::Comparison { session_id: None, week_start: monday, exercises },
                    Err(e) => Outcome::Failed(format!("Could not compare weeks: {e}")),
                }
            }
            Effect::Compare(session_id) => {
                match history::compare_weeks(&self.store, &self.clock, formula, session_id) {
                    Ok((week_start, exercises)) => {
                        Outcome::Comparison { session_id: Some(session_id), week_start, exercises }
                    }
                    Err(e) => Outcome::Failed(format!("Could not compare weeks: {e}")),
                }
            }
            // The writes are run by `write`.
            _ => return Vec::new(),
        };
        vec![outcome]
    }

    /// Runs an effect that writes to the log; its outcomes say what was done.
    fn write(&mut self, effect: Effect, now: DateTime<Utc>) -> Result<Vec<Outcome>, StoreError> {
        let done = |text: String| vec![Outcome::Done(text)];
        match effect {
            Effect::Log { session, entry, rest_seconds } => {
                self.store.log_set(&session, &entry, now, rest_seconds).map(|set| self.saved(set, rest_seconds))
            }
            Effect::LogSides { session, sides, rest_seconds } => {
                self.store.log_sides(&session, &sides, now, rest_seconds).map(|set| self.saved(set, rest_seconds))
            }
            Effect::Update { id, entry } => self.store.update_set(id, &entry).map(|()| {
                vec![Outcome::SetChanged {
                    id,
                    text: format!("Updated {} {}", entry.exercise, entry.summary_in(self.app.settings.entry.effort)),
                }]
            }),
            Effect::Delete { id, summary } => {
                self.store.delete_set(id).map(|()| vec![Outcome::SetChanged { id, text: format!("Deleted {summary}") }])
            }
            Effect::SetRest { session_id, until, seconds } => {
                self.store.set_rest(session_id, until, seconds).map(|()| Vec::new())
            }
            Effect::EndSession(id) => self.store.end_session(id, now).map(|()| {
                let mut outcomes = done("Session finished. Well done.".into());
                outcomes.extend(self.finished(id, now));
                outcomes
            }),
            Effect::MarkDayDone { day_name, day_index } => {
                self.store.mark_day_done(&day_name, day_index, now).map(|_| done(format!("{day_name}: marked done")))
            }
            Effect::MoveSession { session_id, day_index } => {
                let name = self.app.plan.days.get(day_index).map(|d| d.name.clone()).unwrap_or_default();
                self.store
                    .set_session_day(session_id, &name, Some(day_index))
                    .map(|()| done(format!("Session moved to {name}")))
            }
            Effect::ChangeExercise { session, exercise, change } => {
                // No change is either a planned exercise put back or an added one taken off.
                let planned = self
                    .app
                    .today
                    .as_ref()
                    .is_some_and(|t| t.exercises.iter().any(|e| e.planned.name == exercise && !e.added));
                self.store.session_id_for(&session, now).and_then(|id| {
                    self.store.set_exercise_change(id, &exercise, change)?;
                    Ok(done(match change {
                        Some(ExerciseChange::Added) => format!("Added {exercise}"),
                        Some(ExerciseChange::Skipped) => format!("Skipping {exercise} today"),
                        None if planned => format!("{exercise} is back on the list"),
                        None => format!("Took {exercise} off today's list"),
                    }))
                })
            }
            Effect::CheckIn { session, readiness, body_weight } => {
                self.store.session_id_for(&session, now).and_then(|id| {
                    self.store.set_readiness(id, readiness)?;
                    let Some(weight) = body_weight else { return Ok(done("Check-in saved".into())) };
                    self.store.set_body_weight(self.clock.local_date(now), weight, now)?;
                    Ok(done(format!("Check-in saved, body weight {weight}")))
                })
            }
            Effect::SaveGuess { set_id, at_rep, guess_halves } => self
                .store
                .set_rir_guess(set_id, at_rep, guess_halves)
                .map(|()| done("Guess saved: it calibrates your RIR".into())),
            Effect::StartDeload(monday) => {
                let key = self.app.keymap.key_label(Action::Deload);
                self.store.start_deload(monday, DeloadStyle::Volume, now).map(|()| {
                    done(format!("Deload week: about half the sets, 3 or more reps in reserve. {key} ends it."))
                })
            }
            Effect::EndDeload(monday) => self.store.cancel_deload(monday).map(|()| done("Deload week ended".into())),
            Effect::PinNote { .. } | Effect::MakeExercise { .. } => self.write_own(effect, now),
            // The reads are run by `read`.
            _ => Ok(Vec::new()),
        }
    }
}

/// What a write that waits would do, for the lifter: `your set` and `Lat pulldown 60 kg x 10 @ 1`.
fn waiting_for(effect: &Effect, effort: Effort) -> (String, String) {
    let (what, detail) = match effect {
        Effect::Log { entry, .. } => ("your set", describe_entry(entry, effort)),
        Effect::LogSides { sides, .. } => ("your set", describe_entry(&sides[1], effort)),
        Effect::Update { entry, .. } => ("your change", format!("to {}", describe_entry(entry, effort))),
        Effect::Delete { summary, .. } => ("your change", format!("delete {summary}")),
        Effect::CheckIn { .. } => ("your check-in", "sleep, energy, joints, motivation".into()),
        Effect::SaveGuess { .. } => ("your guess", "reps left".into()),
        Effect::SetRest { .. } => ("your change", "the rest timer".into()),
        Effect::EndSession(_) => ("your change", "finish the session".into()),
        Effect::PinNote { exercise, .. } => ("your note", exercise.clone()),
        Effect::MakeExercise { custom, .. } => ("your new exercise", custom.name.clone()),
        _ => ("your change", "to today".into()),
    };
    (what.into(), detail)
}

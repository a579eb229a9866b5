//! App state and `update`: actions in, state changes and effects (as data) out. No terminal and
//! no database here, so every behaviour is testable with plain values. The app holds what the
//! screens share and routes each action to the popup or the screen it is for; each screen
//! keeps its own state and update (`screens/`), and each popup its own (`popups`).

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::effect::{Effect, Outcome};
use super::popups::{NewExercise, PickFor, Picked, Picker, Popup, Question, Reply, exercise_matches, scroll_overlay};
use super::screens::detail::DetailView;
use super::screens::history::HistoryScreen;
use super::screens::today::{TodayScreen, add_exercise, adjust_rest, pin_note_answered};
use super::screens::week::WeekScreen;
use super::screens::{Ctx, Pane, Screen};
use super::theme::Meaning;
use crate::config::Settings;
use crate::keymap::{Action, Context, Keymap};
use crate::model::plan::Plan;
use crate::today::Today;

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal height.
pub const MIN_HEIGHT: u16 = 16;

/// How long the timer flashes after reaching zero.
pub const FLASH_SECONDS: i64 = 4;

/// The whole state of the app.
#[derive(Debug, Clone)]
pub struct App {
    /// The plan in use.
    pub plan: Plan,
    /// The lifter's settings.
    pub settings: Settings,
    /// The keys, with the settings' `[keys]` applied.
    pub keymap: Keymap,
    /// Today, as last loaded from the store.
    pub today: Option<Today>,
    /// The Today screen: the checklist's cursor, the set form, the day picked.
    pub today_screen: TodayScreen,
    /// The History screen.
    pub history: HistoryScreen,
    /// The Week screen.
    pub week: WeekScreen,
    /// The exercise detail, when open.
    pub detail: Option<DetailView>,
    /// Which screen.
    pub screen: Screen,
    /// The focused pane.
    pub pane: Pane,
    /// An overlay, if any.
    pub popup: Option<Popup>,
    /// The status line.
    pub message: Option<(Meaning, String)>,
    /// A popup's refusal on the status line, taken away when the popup closes.
    popup_refusal: Option<String>,
    /// The rest end the bell has already rung for.
    pub rang_for: Option<DateTime<Utc>>,
    /// Set when the app should exit.
    pub quit: bool,
    /// A write that waits for the log while another program writes it, as in
    /// [`Outcome::Waiting`]: what (`your set`) and which (`Lat pulldown 60 kg x 10 @ 1`).
    pub waiting: Option<(String, String)>,
    /// The terminal's size (columns, rows), once known. Below the layout's minimum the screen
    /// shows only "terminal too small", and only quitting acts.
    pub size: Option<(u16, u16)>,
}

/// About how many lines the session summary holds, which bounds its scrolling (the view wraps
/// long lines and stops at its own last line).
fn summary_lines(summary: &crate::summary::Finished) -> u16 {
    let lines = 8 + summary.skipped.len() + summary.added.len() + summary.records.len() + summary.muscles.len();
    u16::try_from(lines + summary.uncounted.len()).unwrap_or(u16::MAX)
}

/// The shared state a screen's update is given ([`Ctx`]), borrowed field by field so the
/// screen's own state stays free to borrow beside it.
macro_rules! ctx {
    ($app:ident) => {
        Ctx {
            plan: &$app.plan,
            settings: &$app.settings,
            keymap: &$app.keymap,
            today: $app.today.as_ref(),
            screen: &mut $app.screen,
            pane: &mut $app.pane,
            popup: &mut $app.popup,
            message: &mut $app.message,
        }
    };
}

impl App {
    /// A new app on a plan.
    pub fn new(plan: Plan, settings: Settings) -> App {
        // Settings are checked when read, so a refused `[keys]` cannot reach here; were it to,
        // the shipped keys are the safe answer.
        let keymap = settings.keymap().unwrap_or_default();
        App {
            plan,
            settings,
            keymap,
            today: None,
            today_screen: TodayScreen::default(),
            history: HistoryScreen::default(),
            week: WeekScreen::default(),
            detail: None,
            screen: Screen::Today,
            pane: Pane::Checklist,
            popup: None,
            message: None,
            popup_refusal: None,
            rang_for: None,
            quit: false,
            waiting: None,
            size: None,
        }
    }

    /// The contexts keys are looked up in, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        match &self.popup {
            Some(Popup::Help(_)) => return vec![Context::HelpOverlay],
            Some(Popup::Confirm(_)) => return vec![Context::Confirm],
            Some(Popup::Picker(_)) => return vec![Context::Picker],
            Some(Popup::CheckIn(_)) => return vec![Context::CheckIn],
            Some(Popup::Guess(_)) => return vec![Context::Guess],
            Some(Popup::GoTo(_)) => return vec![Context::GoTo],
            Some(Popup::Summary(..)) => return vec![Context::Summary],
            Some(Popup::PinNote(_)) => return vec![Context::PinNote],
            Some(Popup::NewExercise(_)) => return vec![Context::NewExercise],
            None => {}
        }
        let pane = match self.pane {
            Pane::Checklist => Context::Checklist,
            Pane::Form => Context::Form,
            Pane::Sessions => Context::Sessions,
            Pane::Comparison => Context::Comparison,
            Pane::Week => Context::Week,
            Pane::Detail => Context::Detail,
        };
        if pane == Context::Form && self.today_screen.form.technique.is_some() {
            return vec![Context::TechniqueForm, pane, Context::Rest, Context::Global];
        }
        vec![pane, Context::Rest, Context::Global]
    }

    /// Whether the terminal is too small to show the app (the screen says so instead).
    pub fn too_small(&self) -> bool {
        self.size.is_some_and(|(width, height)| width < MIN_WIDTH || height < MIN_HEIGHT)
    }

    /// What the status line says while a write waits for the log.
    pub fn waiting_status(&self) -> Option<String> {
        let (what, _) = self.waiting.as_ref()?;
        Some(format!("Waiting for the log (another program is writing)... {what} is kept"))
    }

    /// Whether a quit question (unsaved text in the form, or a save that waits) is open.
    pub fn asking_to_quit(&self) -> bool {
        matches!(self.popup, Some(Popup::Confirm(Question::Quit | Question::QuitWaiting { .. })))
    }

    /// Whether a rest is running at `now`.
    pub fn resting(&self, now: DateTime<Utc>) -> bool {
        self.rest().is_some_and(|(until, _)| until > now)
    }

    /// The running rest: its end and length in seconds.
    pub fn rest(&self) -> Option<(DateTime<Utc>, u32)> {
        self.today.as_ref().and_then(Today::rest)
    }

    /// Turns a key into an action (typed text first, then the keymap) and applies it.
    pub fn handle_key(&mut self, key: KeyEvent, now: DateTime<Utc>) -> Vec<Effect> {
        // Test-only, compiled out of release builds: the end-to-end tests make the real binary
        // panic mid-session to show the terminal is restored and the log kept.
        #[cfg(debug_assertions)]
        assert!(
            key.code != KeyCode::F(12) || std::env::var_os("HARDSET_TEST_PANIC").is_none_or(|v| v != "1"),
            "HARDSET_TEST_PANIC=1 and F12 pressed: a test-only panic"
        );
        let control = key.modifiers.contains(ratatui::crossterm::event::KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(ratatui::crossterm::event::KeyModifiers::ALT);
        if control && key.code == KeyCode::Char('c') {
            // Ctrl-C works from anywhere, popups included; unsaved text still asks first.
            // Pressed again while asked about unsaved text, it means "quit anyway".
            if self.asking_to_quit() {
                return self.answer(&Question::Quit, Action::Yes);
            }
            self.popup = None;
            return self.update(Action::Quit, now);
        }
        if self.too_small() {
            return self.key_while_too_small(key, now);
        }
        if let KeyCode::Char(c) = key.code
            && !control
            && !alt
        {
            let typed = match &self.popup {
                Some(Popup::Picker(_) | Popup::PinNote(_)) => true,
                Some(Popup::CheckIn(check_in)) => check_in.accepts(c),
                Some(Popup::Guess(_)) => c.is_ascii_digit() || c == ' ' || c == '.' || c == ',',
                Some(Popup::GoTo(_)) => c.is_ascii_digit() || c == '-',
                Some(_) => false,
                None => {
                    self.pane == Pane::Form
                        && self.today_screen.form.target.is_some()
                        && self.today_screen.form.accepts(c)
                }
            };
            if typed {
                return self.update(Action::Input(c), now);
            }
        }
        match self.keymap.lookup(key, &self.contexts()) {
            Some(action) => self.update(action, now),
            None => Vec::new(),
        }
    }

    /// While the screen is too small to show anything but its size, a key acts only if it
    /// quits: nothing the lifter cannot see may change the log or wait as a question. The quit
    /// question (unsaved text in the form) is shown on the small screen, so `y` and `n` answer
    /// it.
    fn key_while_too_small(&mut self, key: KeyEvent, now: DateTime<Utc>) -> Vec<Effect> {
        if self.asking_to_quit() {
            return match self.keymap.lookup(key, &[Context::Confirm]) {
                Some(answer @ (Action::Yes | Action::No)) => self.update(answer, now),
                _ => Vec::new(),
            };
        }
        if self.keymap.lookup(key, &[Context::Global]) == Some(Action::Quit) {
            // A question opened before the terminal shrank is dropped unanswered.
            self.popup = None;
            return self.update(Action::Quit, now);
        }
        Vec::new()
    }

    /// Applies an action: to the popup when one is open, else the app's own keys, else the
    /// focused pane's.
    pub fn update(&mut self, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
        if self.popup.is_some() {
            return self.on_popup(action);
        }
        match action {
            Action::Quit => {
                if let Some((what, detail)) = &self.waiting {
                    self.popup = Some(Popup::Confirm(Question::QuitWaiting { what: format!("{what} ({detail})") }));
                } else if self.today_screen.form.dirty {
                    self.popup = Some(Popup::Confirm(Question::Quit));
                } else {
                    self.quit = true;
                }
                Vec::new()
            }
            Action::FindExercise => {
                self.popup =
                    Some(Popup::Picker(Picker { filter: String::new(), selected: 0, purpose: PickFor::Detail }));
                Vec::new()
            }
            Action::Help => {
                self.popup = Some(Popup::Help(0));
                Vec::new()
            }
            Action::ShowToday | Action::ShowHistory | Action::ShowWeek => self.show(action),
            Action::NextPane | Action::PrevPane => {
                self.pane = match self.pane {
                    Pane::Checklist => {
                        self.today_screen.tab_to_form(&mut ctx!(self));
                        Pane::Form
                    }
                    Pane::Form => Pane::Checklist,
                    Pane::Sessions => Pane::Comparison,
                    Pane::Comparison => Pane::Sessions,
                    Pane::Week => Pane::Week,
                    Pane::Detail => Pane::Detail,
                };
                Vec::new()
            }
            Action::RestPlus | Action::RestMinus | Action::RestSkip => adjust_rest(action, now, &mut ctx!(self)),
            _ => self.on_pane(action, now),
        }
    }

    /// Goes to a screen, loading what it shows.
    fn show(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::ShowHistory => {
                self.screen = Screen::History;
                self.pane = Pane::Sessions;
                self.history.opened()
            }
            Action::ShowWeek => {
                // Opened from History, the Week screen shows History's week.
                if self.screen == Screen::History
                    && let Some((monday, _)) = self.history.sessions_week
                {
                    self.screen = Screen::Week;
                    self.pane = Pane::Week;
                    return self.week.go_to(monday, self.today.as_ref());
                }
                self.screen = Screen::Week;
                self.pane = Pane::Week;
                vec![Effect::LoadWeek(self.week.date)]
            }
            _ => {
                self.screen = Screen::Today;
                self.pane = Pane::Checklist;
                Vec::new()
            }
        }
    }

    /// An action for the focused pane, to its screen.
    fn on_pane(&mut self, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
        match self.pane {
            Pane::Checklist => self.today_screen.on_checklist(action, &mut ctx!(self)),
            Pane::Form => {
                let effects = self.today_screen.on_form(action, &mut ctx!(self));
                self.today_screen.note_typed_working(self.pane);
                if let Some(today) = &mut self.today {
                    self.today_screen.fill_typed_ramp_ups(today, &self.settings.equipment.gear(), true);
                }
                effects
            }
            Pane::Sessions => self.history.on_sessions(action, &mut ctx!(self)),
            Pane::Comparison => self.history.on_comparison(action, &mut ctx!(self)),
            Pane::Week => self.week.update(action, now, &mut ctx!(self)),
            Pane::Detail => match &mut self.detail {
                Some(view) => view.update(action, &mut ctx!(self)),
                None => Vec::new(),
            },
        }
    }

    /// An action for the open popup; its answer goes where it is for.
    fn on_popup(&mut self, action: Action) -> Vec<Effect> {
        let Some(popup) = &mut self.popup else {
            return Vec::new();
        };
        match popup {
            Popup::Help(scroll) => {
                let reply = scroll_overlay(scroll, action, self.keymap.help_line_count(), Action::Help);
                self.close_on(&reply);
                Vec::new()
            }
            Popup::Summary(summary, scroll) => {
                let lines = summary_lines(summary);
                let reply = scroll_overlay(scroll, action, lines, Action::Back);
                self.close_on(&reply);
                Vec::new()
            }
            Popup::Confirm(question) => {
                let question = question.clone();
                self.answer(&question, action)
            }
            Popup::Picker(_) => self.on_picker(action),
            Popup::PinNote(note) => {
                let exercise = note.exercise.clone();
                let reply = note.update(action);
                self.close_on(&reply);
                match reply {
                    Reply::Answered(answer) => pin_note_answered(exercise, answer, &mut ctx!(self)),
                    _ => Vec::new(),
                }
            }
            Popup::NewExercise(new) => {
                let reply = new.update(action);
                self.close_on(&reply);
                match reply {
                    Reply::Answered(custom) => {
                        vec![Effect::MakeExercise { custom, session: self.today.as_ref().map(Today::session_for) }]
                    }
                    _ => Vec::new(),
                }
            }
            Popup::CheckIn(check_in) => {
                let reply = check_in.update(action);
                self.close_on(&reply);
                match reply {
                    Reply::Answered(answer) => self.today_screen.checked_in(Some(answer), &mut ctx!(self)),
                    Reply::Closed => self.today_screen.checked_in(None, &mut ctx!(self)),
                    _ => Vec::new(),
                }
            }
            Popup::Guess(guess) => {
                let reply = guess.update(action);
                self.close_on(&reply);
                match reply {
                    Reply::Answered(effect) => vec![effect],
                    _ => Vec::new(),
                }
            }
            Popup::GoTo(go) => {
                let reply = go.update(action);
                self.close_on(&reply);
                match reply {
                    Reply::Answered(date) if self.screen == Screen::Week => self.week.go_to(date, self.today.as_ref()),
                    Reply::Answered(date) => self.history.show_week(date, self.today.as_ref()),
                    _ => Vec::new(),
                }
            }
        }
    }

    /// An action for the exercise picker: an exercise found, one added to today, or the
    /// questions that make a new one.
    fn on_picker(&mut self, action: Action) -> Vec<Effect> {
        let Some(Popup::Picker(picker)) = &mut self.popup else {
            return Vec::new();
        };
        let purpose = picker.purpose;
        let reply = picker.update(action, &self.plan);
        self.close_on(&reply);
        match reply {
            Reply::Answered(Some(Picked::Known(name))) if purpose == PickFor::Detail => vec![Effect::LoadDetail(name)],
            Reply::Answered(Some(Picked::Known(name))) => add_exercise(name, &mut ctx!(self)),
            Reply::Answered(Some(Picked::Create(name))) => {
                self.popup = Some(Popup::NewExercise(NewExercise::new(name)));
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Closes the popup when its reply says so (answered or not), and shows a refusal on the
    /// status line.
    fn close_on<T>(&mut self, reply: &Reply<T>) {
        match reply {
            Reply::Open => {}
            Reply::Refused(text) => {
                self.message = Some((Meaning::Muted, text.clone()));
                self.popup_refusal = Some(text.clone());
            }
            Reply::Closed | Reply::Answered(_) => {
                self.popup = None;
                // "Answer each line with 1-5" means nothing once the check-in is gone.
                if let Some(text) = self.popup_refusal.take()
                    && self.message.as_ref().is_some_and(|(_, shown)| *shown == text)
                {
                    self.message = None;
                }
            }
        }
    }

    /// A question answered: quitting is the app's; the rest are about today.
    fn answer(&mut self, question: &Question, action: Action) -> Vec<Effect> {
        let yes = match action {
            Action::Yes => true,
            Action::No => false,
            _ => return Vec::new(),
        };
        self.popup = None;
        match question {
            // Whatever waits for the log is given up: the lifter said so.
            Question::Quit | Question::QuitWaiting { .. } if yes => {
                self.quit = true;
                if self.waiting.take().is_some() { vec![Effect::GiveUpWaiting] } else { Vec::new() }
            }
            _ => self.today_screen.answer(question, yes, &mut ctx!(self)),
        }
    }

    /// The exercise names matching the picker's filter.
    pub fn picker_matches(&self, filter: &str) -> Vec<&str> {
        exercise_matches(&self.plan, filter)
    }

    /// Marks the screen for a tick: rings the bell once when a rest reaches zero.
    pub fn tick(&mut self, now: DateTime<Utc>) -> Vec<Effect> {
        match self.rest() {
            Some((until, _)) if until <= now && self.rang_for != Some(until) => {
                self.rang_for = Some(until);
                self.message = Some((Meaning::Good, "Rest over: time for the next set".into()));
                vec![Effect::Bell]
            }
            _ => Vec::new(),
        }
    }

    /// Applies what came back from an effect.
    pub fn receive(&mut self, outcome: Outcome, now: DateTime<Utc>) -> Vec<Effect> {
        match outcome {
            Outcome::Record { id, text } => self.today_screen.record = Some((id, text)),
            Outcome::Saved { set, rest_seconds } => self.today_screen.saved(&set, rest_seconds, &mut ctx!(self)),
            Outcome::SetChanged { id, text } => {
                self.message = Some((Meaning::Good, text));
                self.today_screen.set_changed(id, &mut ctx!(self));
            }
            // Anything else leaves what is typed in the form alone.
            Outcome::Done(text) => self.message = Some((Meaning::Good, text)),
            Outcome::ExerciseMade { custom, text } => {
                // The plan's catalogue learns it, so today's list, the Week screen and the
                // failure rules know it from the reload on.
                if self.plan.exercises.get(&custom.name).is_none() {
                    self.plan.exercises.insert(custom.to_exercise());
                }
                self.message = Some((Meaning::Good, text));
                return vec![Effect::Reload];
            }
            Outcome::Failed(text) => self.message = Some((Meaning::Error, text)),
            Outcome::Waiting { what, detail } => {
                self.waiting = Some((what, detail));
                self.message = self.waiting_status().map(|text| (Meaning::Warn, text));
            }
            Outcome::WaitOver => {
                self.waiting = None;
                // Asked to quit while it waited: nothing would be lost now, so the quit asked
                // for goes ahead (asking about the form if it still holds a set not saved).
                if matches!(self.popup, Some(Popup::Confirm(Question::QuitWaiting { .. }))) {
                    self.popup = None;
                    return self.update(Action::Quit, now);
                }
            }
            Outcome::Today(today) => self.today_loaded(*today, now),
            Outcome::Finished(summary) => self.popup = Some(Popup::Summary(summary, 0)),
            Outcome::PlanEdited { plan, text } => {
                self.plan = *plan;
                self.message = Some((Meaning::Good, text));
                return vec![Effect::Reload];
            }
            Outcome::Sessions { monday, deload, sessions } => {
                return self.history.sessions_loaded(monday, deload, sessions);
            }
            Outcome::Week(report) => self.week.report = Some(report),
            Outcome::WeekFound { seek, week_screen, monday } => {
                let mut weeks = super::screens::seek::Weeks {
                    history: &mut self.history,
                    week: &mut self.week,
                    today: self.today.as_ref(),
                    message: &mut self.message,
                };
                return super::screens::seek::week_found(&mut weeks, seek, week_screen, monday);
            }
            Outcome::Detail(detail) => {
                self.detail = Some(DetailView::opened(self.detail.as_ref(), *detail, (self.screen, self.pane)));
                self.screen = Screen::Exercise;
                self.pane = Pane::Detail;
            }
            Outcome::Comparison { session_id, week_start, exercises } => {
                self.history.compared(session_id, week_start, exercises);
            }
        }
        Vec::new()
    }

    /// Today, read again.
    fn today_loaded(&mut self, today: Today, now: DateTime<Utc>) {
        if let Some((until, _)) = today.rest()
            && until <= now
            && self.today.is_none()
        {
            // A rest that ended before this start rings no bell.
            self.rang_for = Some(until);
        }
        self.today = Some(today);
        if let Some(today) = &mut self.today {
            self.today_screen.fill_typed_ramp_ups(today, &self.settings.equipment.gear(), false);
        }
        self.today_screen.today_loaded(&mut ctx!(self));
    }
}

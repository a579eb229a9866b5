//! App state and `update`: actions in, state changes and effects (as data) out. No terminal and
//! no database here, so every behaviour is testable with plain values.

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::form::{Field, FormTarget, SetForm};
use super::theme::Meaning;
use crate::config::Settings;
use crate::history::{ExerciseDetail, WeekComparison};
use crate::keymap::{Action, Context, Keymap};
use crate::model::exercise::FailureClass;
use crate::model::plan::{DayKind, Plan};
use crate::model::session::{ExerciseChange, LoggedSet, Readiness, SetEntry, SetKind};
use crate::model::session::{SessionFor, SessionSummary};
use crate::today::Today;
use crate::training::warnings::{FailureConcern, failure_concern};
use crate::week::WeekReport;

/// The two screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Today's plan, the set-entry form and the rest timer.
    Today,
    /// Past sessions and last week beside this week.
    History,
    /// Effective sets per muscle this week.
    Week,
    /// One exercise: its e1RM trend, records and sets.
    Exercise,
}

/// The focused pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// Today's checklist.
    Checklist,
    /// The set-entry form.
    Form,
    /// History's session list.
    Sessions,
    /// History's comparison.
    Comparison,
    /// The Week pane.
    Week,
    /// The exercise detail.
    Detail,
}

/// How far back the exercise detail's trend reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrendRange {
    /// The last 12 weeks.
    #[default]
    Weeks12,
    /// The last year.
    Year,
    /// Everything.
    All,
}

impl TrendRange {
    /// How many weeks it covers (`None`: all).
    pub fn weeks(self) -> Option<usize> {
        match self {
            TrendRange::Weeks12 => Some(12),
            TrendRange::Year => Some(52),
            TrendRange::All => None,
        }
    }

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            TrendRange::Weeks12 => "12 weeks",
            TrendRange::Year => "1 year",
            TrendRange::All => "all time",
        }
    }

    fn next(self) -> TrendRange {
        match self {
            TrendRange::Weeks12 => TrendRange::Year,
            TrendRange::Year => TrendRange::All,
            TrendRange::All => TrendRange::Weeks12,
        }
    }
}

/// The exercise detail on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailView {
    /// The data.
    pub detail: ExerciseDetail,
    /// The trend's reach.
    pub range: TrendRange,
    /// The first row of the list shown.
    pub offset: usize,
    /// The list shows weeks (top set and best e1RM) instead of sets.
    pub weeks: bool,
    /// Where Esc returns to.
    pub back_to: (Screen, Pane),
}

/// How many rows a key press scrolls the exercise detail's list (fewer than it shows at 80x24,
/// so no row is ever skipped).
pub const DETAIL_STEP: usize = 5;

/// A yes/no question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Quit with unsaved text in the form.
    Quit,
    /// RIR 0 (or 0.5) on a technical free-weight lift: save it anyway?
    TechnicalFailure {
        /// The exercise.
        exercise: String,
        /// The RIR typed: "0" or "0.5".
        rir: String,
    },
    /// RIR 0 (or 0.5) in a deload week, which is for recovery: save it anyway?
    DeloadFailure {
        /// The RIR typed: "0" or "0.5".
        rir: String,
    },
    /// Throw away the set being typed to change plan day.
    DiscardForDay {
        /// Which way.
        forward: bool,
    },
    /// Enter on another row while the form holds a set typed for one: throw it away and open
    /// the selected row (yes), or keep it and go back to its row (no).
    SwitchRow {
        /// The row the typed set is for, with what was typed: `Machine chest press set 1 (60 kg x 6)`.
        kept: String,
        /// The selected row: `ramp-up 2`.
        selected: String,
    },
    /// Delete a logged set.
    Delete {
        /// Set id.
        id: i64,
        /// What it was.
        summary: String,
    },
    /// Quit while a save waits for the log (another program is writing it): quitting loses it.
    QuitWaiting {
        /// What waits: `your set (Lat pulldown 60 kg x 10 @ 1)`.
        what: String,
    },
}

impl Question {
    /// The question as asked.
    pub fn text(&self) -> String {
        match self {
            Question::Quit => "The form holds a set that is not saved. Quit anyway?".into(),
            Question::Delete { summary, .. } => format!("Delete {summary}?"),
            Question::QuitWaiting { what } => format!(
                "{} is not saved yet: another program is writing the log. Quit now and lose it, or keep waiting?",
                capitalised(what)
            ),
            Question::DiscardForDay { .. } => "Throw away the set being typed and change day?".into(),
            Question::SwitchRow { kept, selected } => format!(
                "The form holds {kept}, not saved. Throw it away and open {selected}, or keep it and go back to it?"
            ),
            Question::DeloadFailure { rir } => {
                format!(
                    "RIR {rir} in a deload week: this week is for recovery, with no failure. Save it as to failure?"
                )
            }
            Question::TechnicalFailure { exercise, rir } => {
                format!(
                    "RIR {rir} on {exercise}, a technical lift: the method keeps 1-2 in reserve. Save it as to failure?"
                )
            }
        }
    }

    /// What yes and no do, as the question's keys say them.
    pub fn answers(&self) -> (&'static str, &'static str) {
        match self {
            Question::SwitchRow { .. } => ("throw it away", "keep it"),
            Question::QuitWaiting { .. } => ("quit, lose it", "keep waiting"),
            _ => ("yes", "no"),
        }
    }
}

/// The exercise picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// Typed filter.
    pub filter: String,
    /// Selected row among the matches.
    pub selected: usize,
    /// What choosing an exercise does.
    pub purpose: PickFor,
}

/// What the exercise picker is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PickFor {
    /// Add it to today.
    #[default]
    Adding,
    /// Open its trend, records and sets.
    Detail,
}

/// The readiness check-in being answered: four scores 1-5.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckIn {
    /// Sleep, energy, joints, motivation.
    pub scores: [Option<u8>; 4],
    /// The question being answered.
    pub row: usize,
}

/// The check-in's questions, in order, with what 1 and 5 mean.
pub const CHECK_IN_QUESTIONS: [(&str, &str); 4] = [
    ("Sleep", "1 awful, 5 great"),
    ("Energy", "1 drained, 5 fresh"),
    ("Joints", "1 aching, 5 fine"),
    ("Motivation", "1 none, 5 eager"),
];

/// The RIR calibration question after a set to failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    /// The set it is about.
    pub set_id: i64,
    /// Its reps.
    pub reps: u16,
    /// Typed answer: "REP GUESS", such as "8 2".
    pub text: String,
    /// Why the answer was refused.
    pub error: Option<String>,
}

/// The date typed to jump History to a week.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoTo {
    /// As typed: YYYY-MM-DD.
    pub text: String,
    /// Why it was refused.
    pub error: Option<String>,
}

/// An overlay above the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// Key help, scrolled down by this many lines.
    Help(u16),
    /// A question.
    Confirm(Question),
    /// Add an exercise.
    Picker(Picker),
    /// The readiness check-in at the start of a session.
    CheckIn(CheckIn),
    /// After a set to failure on a safe exercise: when did you guess, and how many were left?
    Guess(Guess),
    /// History: go to the week of a date.
    GoTo(GoTo),
}

/// What the app asks the outside world to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Commit a new set and start the rest.
    Log {
        /// Where it goes.
        session: SessionFor,
        /// The set.
        entry: SetEntry,
        /// Rest to start, in seconds.
        rest_seconds: u32,
    },
    /// Replace a logged set.
    Update {
        /// Set id.
        id: i64,
        /// New values.
        entry: SetEntry,
    },
    /// Delete a logged set.
    Delete {
        /// Set id.
        id: i64,
        /// What it was, for the message.
        summary: String,
    },
    /// Change the running rest.
    SetRest {
        /// Session id.
        session_id: i64,
        /// New end, or none to stop.
        until: Option<DateTime<Utc>>,
        /// Its length, for the gauge.
        seconds: u32,
    },
    /// Finish the session.
    EndSession(i64),
    /// Record a rest or recovery day as done.
    MarkDayDone {
        /// Day name.
        day_name: String,
        /// Day position.
        day_index: Option<usize>,
    },
    /// Move the running session to another plan day.
    MoveSession {
        /// Session id.
        session_id: i64,
        /// New day position.
        day_index: usize,
    },
    /// Add or skip an exercise for today (`None` undoes it).
    ChangeExercise {
        /// Where it goes.
        session: SessionFor,
        /// Exercise name.
        exercise: String,
        /// What changes.
        change: Option<ExerciseChange>,
    },
    /// Reload today (a day was picked).
    Reload,
    /// Load the session list.
    LoadSessions,
    /// Load the comparison for a session.
    Compare(i64),
    /// Load the comparison for a whole week (its Monday).
    CompareWeek(NaiveDate),
    /// Store a check-in with the session (starting it).
    CheckIn {
        /// Where it goes.
        session: SessionFor,
        /// The scores.
        readiness: Readiness,
    },
    /// Store a RIR guess on a set.
    SaveGuess {
        /// The set.
        set_id: i64,
        /// The rep the guess was made at.
        at_rep: u16,
        /// The guess, in half reps.
        guess_halves: u8,
    },
    /// Make the week starting this Monday a deload week (about half the sets).
    StartDeload(NaiveDate),
    /// End the deload of the week starting this Monday.
    EndDeload(NaiveDate),
    /// Load an exercise's detail.
    LoadDetail(String),
    /// Load the week holding a date (`None`: this week).
    LoadWeek(Option<NaiveDate>),
    /// Ring the terminal bell.
    Bell,
    /// Drop the write that waits for the log (the lifter quit without it).
    GiveUpWaiting,
}

impl Effect {
    /// Whether it writes to the log (and so may have to wait while another program writes).
    pub fn writes(&self) -> bool {
        match self {
            Effect::Log { .. }
            | Effect::Update { .. }
            | Effect::Delete { .. }
            | Effect::SetRest { .. }
            | Effect::EndSession(_)
            | Effect::MarkDayDone { .. }
            | Effect::MoveSession { .. }
            | Effect::ChangeExercise { .. }
            | Effect::CheckIn { .. }
            | Effect::SaveGuess { .. }
            | Effect::StartDeload(_)
            | Effect::EndDeload(_) => true,
            Effect::Reload
            | Effect::LoadSessions
            | Effect::Compare(_)
            | Effect::CompareWeek(_)
            | Effect::LoadDetail(_)
            | Effect::LoadWeek(_)
            | Effect::Bell
            | Effect::GiveUpWaiting => false,
        }
    }
}

/// What came back from an effect.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A set was committed.
    Saved {
        /// The set as stored.
        set: LoggedSet,
        /// The rest it started, in seconds.
        rest_seconds: u32,
    },
    /// A logged set was changed or deleted; the form is cleared if it was showing that set.
    SetChanged {
        /// The set's id.
        id: i64,
        /// What was done.
        text: String,
    },
    /// Something else was done; the message says what.
    Done(String),
    /// It failed; the message says why. Nothing the lifter typed is cleared.
    Failed(String),
    /// A write found the log busy (another program, such as an import, is writing it): it is
    /// kept and tried again until it goes through.
    Waiting {
        /// What waits: `your set`, `your change`.
        what: String,
        /// Which: `Lat pulldown 60 kg x 10 @ 1`.
        detail: String,
    },
    /// The write that waited went through, or failed for another reason: its own outcomes came
    /// just before.
    WaitOver,
    /// Fresh state of today.
    Today(Box<Today>),
    /// The sessions of a week.
    Sessions {
        /// The week's Monday.
        monday: NaiveDate,
        /// Whether it is a deload week.
        deload: bool,
        /// Its sessions, newest first.
        sessions: Vec<SessionSummary>,
    },
    /// A week's effective sets per muscle.
    Week(WeekReport),
    /// An exercise's detail.
    Detail(Box<ExerciseDetail>),
    /// A session's week against the week before.
    Comparison {
        /// Session id; `None` for the whole week.
        session_id: Option<i64>,
        /// Monday of its week.
        week_start: NaiveDate,
        /// One per exercise.
        exercises: Vec<WeekComparison>,
    },
}

/// The cached comparison for the selected session.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Session it belongs to; `None` for the whole week.
    pub session_id: Option<i64>,
    /// Monday of the session's week.
    pub week_start: NaiveDate,
    /// One per exercise.
    pub exercises: Vec<WeekComparison>,
    /// Selected exercise.
    pub selected: usize,
}

/// The whole state of the app.
#[derive(Debug, Clone)]
pub struct App {
    /// The plan in use.
    pub plan: Plan,
    /// The lifter's settings.
    pub settings: Settings,
    /// The keys, with the settings' `[keys]` applied.
    pub keymap: Keymap,
    /// The week shown in the Week pane.
    pub week: Option<WeekReport>,
    /// The exercise detail, when open.
    pub detail: Option<DetailView>,
    /// How far the Week pane is scrolled down.
    pub week_scroll: u16,
    /// A date in the week the Week pane shows; `None` for this week.
    pub week_date: Option<NaiveDate>,
    /// Exercise names the picker offers.
    pub exercise_names: Vec<String>,
    /// Today, as last loaded from the store.
    pub today: Option<Today>,
    /// A plan day picked instead of the scheduled one.
    pub chosen_day: Option<usize>,
    /// Which screen.
    pub screen: Screen,
    /// Which pane has focus.
    pub pane: Pane,
    /// The selected checklist slot: (exercise, slot).
    pub cursor: Option<(usize, usize)>,
    /// The set-entry form.
    pub form: SetForm,
    /// An overlay, if any.
    pub popup: Option<Popup>,
    /// The status line.
    pub message: Option<(Meaning, String)>,
    /// The sessions of the week History shows.
    pub sessions: Vec<SessionSummary>,
    /// That week's Monday and whether it was a deload week.
    pub sessions_week: Option<(NaiveDate, bool)>,
    /// The week History is asked to show (its Monday); `None` for this week.
    pub history_week: Option<NaiveDate>,
    /// Selected session in History.
    pub session_cursor: usize,
    /// The comparison for the selected session.
    pub comparison: Option<Comparison>,
    /// The date the check-in was last offered (answered or skipped).
    pub checked_in: Option<NaiveDate>,
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

/// How long the timer flashes after reaching zero.
pub const FLASH_SECONDS: i64 = 4;

impl App {
    /// A new app on a plan.
    pub fn new(plan: Plan, settings: Settings) -> App {
        let exercise_names = plan.exercises.all().iter().map(|e| e.name.clone()).collect();
        // Settings are checked when read, so a refused `[keys]` cannot reach here; were it to,
        // the shipped keys are the safe answer.
        let keymap = settings.keymap().unwrap_or_default();
        App {
            plan,
            settings,
            keymap,
            week: None,
            week_date: None,
            week_scroll: 0,
            detail: None,
            exercise_names,
            today: None,
            chosen_day: None,
            screen: Screen::Today,
            pane: Pane::Checklist,
            cursor: None,
            form: SetForm::default(),
            popup: None,
            message: None,
            sessions: Vec::new(),
            sessions_week: None,
            history_week: None,
            session_cursor: 0,
            comparison: None,
            rang_for: None,
            checked_in: None,
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
        vec![pane, Context::Rest, Context::Global]
    }

    /// Whether the terminal is too small to show the app (the screen says so instead).
    pub fn too_small(&self) -> bool {
        self.size.is_some_and(|(width, height)| width < super::view::MIN_WIDTH || height < super::view::MIN_HEIGHT)
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
                Some(Popup::Picker(_)) => true,
                Some(Popup::CheckIn(_)) => ('1'..='5').contains(&c),
                Some(Popup::Guess(_)) => c.is_ascii_digit() || c == ' ' || c == '.' || c == ',',
                Some(Popup::GoTo(_)) => c.is_ascii_digit() || c == '-',
                Some(_) => false,
                None => self.pane == Pane::Form && self.form.target.is_some() && self.form.focused().accepts(c),
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

    /// Applies an action.
    pub fn update(&mut self, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
        match self.popup.clone() {
            Some(Popup::Help(scroll)) => {
                self.popup = match action {
                    Action::Help => None,
                    Action::Up => Some(Popup::Help(scroll.saturating_sub(1))),
                    Action::Down => Some(Popup::Help(scroll.saturating_add(1).min(self.keymap.help_line_count()))),
                    _ => Some(Popup::Help(scroll)),
                };
                return Vec::new();
            }
            Some(Popup::Confirm(question)) => return self.answer(&question, action),
            Some(Popup::Picker(picker)) => return self.pick(picker, action),
            Some(Popup::CheckIn(check_in)) => return self.check_in(check_in, action),
            Some(Popup::Guess(guess)) => return self.guess(guess, action),
            Some(Popup::GoTo(go)) => return self.go_to(go, action),
            None => {}
        }
        match action {
            Action::Quit => {
                if let Some((what, detail)) = &self.waiting {
                    self.popup = Some(Popup::Confirm(Question::QuitWaiting { what: format!("{what} ({detail})") }));
                } else if self.form.dirty {
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
            Action::ShowToday => {
                self.screen = Screen::Today;
                self.pane = Pane::Checklist;
                Vec::new()
            }
            Action::ShowHistory => {
                self.screen = Screen::History;
                self.pane = Pane::Sessions;
                vec![Effect::LoadSessions]
            }
            Action::ShowWeek => {
                self.screen = Screen::Week;
                self.pane = Pane::Week;
                vec![Effect::LoadWeek(self.week_date)]
            }
            Action::NextPane | Action::PrevPane => {
                self.pane = match self.pane {
                    Pane::Checklist => {
                        // Tab goes to the form as it is: with a set typed for a row, the cursor
                        // goes back to that row, so the two never disagree.
                        if self.form.dirty
                            && let Some(row) = self.form_row()
                        {
                            self.cursor = Some(row);
                        }
                        self.open_row();
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
            Action::RestPlus | Action::RestMinus | Action::RestSkip => self.adjust_rest(action, now),
            _ => match self.pane {
                Pane::Checklist => self.on_checklist(action),
                Pane::Form => self.on_form(action),
                Pane::Sessions => self.on_sessions(action),
                Pane::Comparison => self.on_comparison(action),
                Pane::Week => self.on_week(action, now),
                Pane::Detail => self.on_detail(action),
            },
        }
    }

    fn answer(&mut self, question: &Question, action: Action) -> Vec<Effect> {
        match action {
            Action::Yes => {
                self.popup = None;
                match question {
                    // Whatever waits for the log is given up: the lifter said so.
                    Question::Quit | Question::QuitWaiting { .. } => {
                        self.quit = true;
                        if self.waiting.take().is_some() { vec![Effect::GiveUpWaiting] } else { Vec::new() }
                    }
                    Question::TechnicalFailure { .. } | Question::DeloadFailure { .. } => self.save_checked(true),
                    Question::DiscardForDay { forward } => {
                        self.form = SetForm::default();
                        self.switch_day(*forward)
                    }
                    Question::SwitchRow { .. } => {
                        self.form = SetForm::default();
                        self.open_row();
                        Vec::new()
                    }
                    Question::Delete { id, summary } => {
                        let mut effects = vec![Effect::Delete { id: *id, summary: summary.clone() }];
                        // Undoing the set that started the rest stops the rest too.
                        if let Some(today) = &self.today
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
            Action::No => {
                self.popup = None;
                if let Question::SwitchRow { .. } = question {
                    // Kept: back to the row the typed set is for, in the form.
                    if let Some(row) = self.form_row() {
                        self.cursor = Some(row);
                    }
                    self.open_row();
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// The exercise names matching the picker's filter.
    pub fn picker_matches(&self, filter: &str) -> Vec<&str> {
        let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
        self.exercise_names
            .iter()
            .filter(|name| {
                let lower = name.to_lowercase();
                words.iter().all(|w| lower.contains(w.as_str()))
            })
            .map(String::as_str)
            .collect()
    }

    fn pick(&mut self, mut picker: Picker, action: Action) -> Vec<Effect> {
        let count = self.picker_matches(&picker.filter).len();
        match action {
            Action::Input(c) => {
                picker.filter.push(c);
                picker.selected = 0;
            }
            Action::Backspace => {
                picker.filter.pop();
                picker.selected = 0;
            }
            Action::Up => picker.selected = picker.selected.saturating_sub(1),
            Action::Down => picker.selected = (picker.selected + 1).min(count.saturating_sub(1)),
            Action::Back => {
                self.popup = None;
                return Vec::new();
            }
            Action::Enter => {
                let chosen = self.picker_matches(&picker.filter).get(picker.selected).map(|s| (*s).to_string());
                self.popup = None;
                if picker.purpose == PickFor::Detail {
                    return chosen.map(|name| vec![Effect::LoadDetail(name)]).unwrap_or_default();
                }
                let (Some(name), Some(today)) = (chosen, &self.today) else {
                    return Vec::new();
                };
                if today.exercises.iter().any(|e| e.planned.name == name && !e.skipped) {
                    self.message = Some((Meaning::Warn, format!("{name} is already on today's list")));
                    return Vec::new();
                }
                let change = if today.exercises.iter().any(|e| e.planned.name == name && !e.added) {
                    None
                } else {
                    Some(ExerciseChange::Added)
                };
                return vec![Effect::ChangeExercise { session: today.session_for(), exercise: name, change }];
            }
            _ => {}
        }
        self.popup = Some(Popup::Picker(picker));
        Vec::new()
    }

    fn adjust_rest(&mut self, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
        let Some(today) = &self.today else {
            return Vec::new();
        };
        let Some(session) = &today.session else {
            self.message = Some((Meaning::Muted, "No rest running: it starts when a set is saved".into()));
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

    fn slots(&self) -> Vec<(usize, usize)> {
        self.today
            .as_ref()
            .map(|t| {
                t.exercises.iter().enumerate().flat_map(|(ei, e)| (0..e.slots.len()).map(move |si| (ei, si))).collect()
            })
            .unwrap_or_default()
    }

    fn move_cursor(&mut self, down: bool) {
        let slots = self.slots();
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
        self.cursor = Some(slots[next]);
        if !self.form.dirty {
            self.fill_form();
        }
    }

    fn on_checklist(&mut self, action: Action) -> Vec<Effect> {
        let Some(today) = self.today.clone() else {
            return Vec::new();
        };
        match action {
            Action::Up => self.move_cursor(false),
            Action::Down => self.move_cursor(true),
            Action::Enter => {
                if self.cursor.is_some() && self.wants_check_in() {
                    self.popup = Some(Popup::CheckIn(CheckIn::default()));
                } else if self.cursor.is_some() {
                    self.open_selected();
                } else if today.day.kind != DayKind::Training {
                    self.message = Some((
                        Meaning::Muted,
                        format!("A rest day: press {} to mark it done", self.keymap.key_label(Action::MarkDayDone)),
                    ));
                }
            }
            Action::ExerciseDetail => {
                if let Some(exercise) = self.cursor.and_then(|(ei, _)| today.exercises.get(ei)) {
                    return vec![Effect::LoadDetail(exercise.planned.name.clone())];
                }
            }
            Action::SkipExercise => {
                let Some((ei, _)) = self.cursor else {
                    return Vec::new();
                };
                let Some(exercise) = today.exercises.get(ei) else {
                    return Vec::new();
                };
                let change = if exercise.skipped {
                    exercise.added.then_some(ExerciseChange::Added)
                } else if exercise.added {
                    // Skipping an added exercise with nothing logged takes it off the list.
                    if exercise.slots.iter().any(|s| s.logged.is_some()) { Some(ExerciseChange::Skipped) } else { None }
                } else {
                    Some(ExerciseChange::Skipped)
                };
                return vec![Effect::ChangeExercise {
                    session: today.session_for(),
                    exercise: exercise.planned.name.clone(),
                    change,
                }];
            }
            Action::AddExercise => {
                self.popup =
                    Some(Popup::Picker(Picker { filter: String::new(), selected: 0, purpose: PickFor::Adding }));
            }
            Action::DeleteSet => {
                if let Some(set) = self.selected_logged() {
                    self.popup = Some(Popup::Confirm(Question::Delete { id: set.id, summary: describe(&set) }));
                } else {
                    self.message = Some((Meaning::Muted, "Select a logged set to delete it".into()));
                }
            }
            Action::UndoLast => match today.sets.last() {
                Some(set) => self.popup = Some(Popup::Confirm(Question::Delete { id: set.id, summary: describe(set) })),
                None => self.message = Some((Meaning::Muted, "Nothing logged in this session yet".into())),
            },
            Action::PrevDay | Action::NextDay => return self.switch_day(action == Action::NextDay),
            Action::MarkDayDone => {
                if today.day.kind == DayKind::Training {
                    self.message = Some((
                        Meaning::Muted,
                        format!(
                            "A training day is done when its sets are: {} finishes the session",
                            self.keymap.key_label(Action::EndSession)
                        ),
                    ));
                } else if today.finished.is_some() {
                    self.message = Some((Meaning::Muted, "Already marked done today".into()));
                } else {
                    self.chosen_day = None;
                    return vec![Effect::MarkDayDone { day_name: today.day.name.clone(), day_index: today.day_index }];
                }
            }
            Action::Deload => {
                let monday = crate::training::compare::week_bounds(today.date).0;
                return vec![if today.deload.is_some() {
                    Effect::EndDeload(monday)
                } else {
                    Effect::StartDeload(monday)
                }];
            }
            Action::EndSession => match &today.session {
                Some(session) => {
                    // The next session follows the schedule again.
                    self.chosen_day = None;
                    return vec![Effect::EndSession(session.id)];
                }
                None => {
                    self.message = Some((Meaning::Muted, "No session running: it starts with the first set".into()));
                }
            },
            _ => {}
        }
        Vec::new()
    }

    fn switch_day(&mut self, forward: bool) -> Vec<Effect> {
        let count = self.plan.days.len();
        let Some(today) = &self.today else {
            return Vec::new();
        };
        if count == 0 {
            return Vec::new();
        }
        if self.form.dirty {
            self.popup = Some(Popup::Confirm(Question::DiscardForDay { forward }));
            return Vec::new();
        }
        // Sets already logged only move to another training day, never onto a rest day.
        let has_sets = today.session.is_some() && !today.sets.is_empty();
        let current = self.chosen_day.or(today.day_index).unwrap_or(0);
        let mut next = current;
        for _ in 0..count {
            next = if forward { (next + 1) % count } else { (next + count - 1) % count };
            if !has_sets || self.plan.days[next].kind == DayKind::Training {
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

    fn selected_logged(&self) -> Option<LoggedSet> {
        let (ei, si) = self.cursor?;
        self.today.as_ref()?.exercises.get(ei)?.slots.get(si)?.logged.clone()
    }

    /// A check-in opens a training session: asked once a day, before its first set.
    fn wants_check_in(&self) -> bool {
        self.settings.checkin.ask
            && self.today.as_ref().is_some_and(|t| {
                t.session.is_none()
                    && t.finished.is_none()
                    && t.day.kind == DayKind::Training
                    && self.checked_in != Some(t.date)
            })
    }

    fn check_in(&mut self, mut check_in: CheckIn, action: Action) -> Vec<Effect> {
        let date = self.today.as_ref().map(|t| t.date);
        match action {
            Action::Input(c) => {
                check_in.scores[check_in.row] = c.to_digit(10).and_then(|d| u8::try_from(d).ok());
                check_in.row = (check_in.row + 1).min(3);
            }
            Action::Up => check_in.row = check_in.row.saturating_sub(1),
            Action::Down => check_in.row = (check_in.row + 1).min(3),
            Action::Back => {
                // Skipped in one key: straight on to the set.
                self.popup = None;
                self.checked_in = date;
                self.open_selected();
                return Vec::new();
            }
            Action::Enter => {
                if let [Some(sleep), Some(energy), Some(joints), Some(motivation)] = check_in.scores
                    && let Some(today) = &self.today
                {
                    let session = today.session_for();
                    self.popup = None;
                    self.checked_in = date;
                    self.open_selected();
                    return vec![Effect::CheckIn {
                        session,
                        readiness: Readiness { sleep, energy, joints, motivation },
                    }];
                }
                self.message = Some((Meaning::Muted, "Answer each line with 1-5, or Esc to skip the check-in".into()));
            }
            _ => {}
        }
        self.popup = Some(Popup::CheckIn(check_in));
        Vec::new()
    }

    fn guess(&mut self, mut guess: Guess, action: Action) -> Vec<Effect> {
        if edit_line(&mut guess.text, &mut guess.error, action, 8) {
            self.popup = Some(Popup::Guess(guess));
            return Vec::new();
        }
        match action {
            Action::Back => {
                self.popup = None;
                return Vec::new();
            }
            Action::Enter => match parse_guess(&guess.text, guess.reps) {
                Ok((at_rep, guess_halves)) => {
                    self.popup = None;
                    return vec![Effect::SaveGuess { set_id: guess.set_id, at_rep, guess_halves }];
                }
                Err(message) => guess.error = Some(message),
            },
            _ => {}
        }
        self.popup = Some(Popup::Guess(guess));
        Vec::new()
    }

    /// The row the form saves: the logged set it edits, or the row it was opened on while that
    /// is still open (else the first open row of its kind, where a new set lands).
    fn form_row(&self) -> Option<(usize, usize)> {
        let target = self.form.target.as_ref()?;
        let today = self.today.as_ref()?;
        if let Some(id) = target.editing {
            return today.exercises.iter().enumerate().find_map(|(ei, e)| {
                e.slots.iter().position(|s| s.logged.as_ref().is_some_and(|l| l.id == id)).map(|si| (ei, si))
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
    fn open_selected(&mut self) {
        if self.form.dirty
            && let Some(target) = &self.form.target
            && self.form_row() != self.cursor
        {
            let mut kept = format!("{} {}", target.exercise, target.row_name());
            let typed = [self.form.weight.trim(), self.form.reps.trim()];
            if typed.iter().all(|t| !t.is_empty()) {
                kept = format!("{kept} ({} {} x {})", typed[0], target.unit, typed[1]);
            }
            let selected = self.row_to_open().and_then(|row| self.row_name(row)).unwrap_or_default();
            self.popup = Some(Popup::Confirm(Question::SwitchRow { kept, selected }));
            return;
        }
        self.open_row();
    }

    /// Focuses the form, filled for the selected row unless it holds text typed for it. The log
    /// keeps the sets of a kind in order, so a new set opened on ramp-up 2 while ramp-up 1 is
    /// still open is ramp-up 1: the cursor and the form's title go there, and the title always
    /// names the row that is saved.
    fn open_row(&mut self) {
        if !self.form.dirty {
            if let Some(row) = self.row_to_open() {
                self.cursor = Some(row);
            }
            self.fill_form();
        }
        if self.form.field.is_none() {
            self.form.field = Some(Field::Weight);
        }
        self.pane = Pane::Form;
    }

    /// The row a new set in the form is kept as, when that is not the row it was opened on:
    /// the log keeps sets of a kind in order, so with ramp-up 1 still open, a set typed on
    /// ramp-up 2 is ramp-up 1.
    pub fn form_saves_as(&self) -> Option<String> {
        let target = self.form.target.as_ref().filter(|t| t.editing.is_none())?;
        let exercise = self.today.as_ref()?.exercises.iter().find(|e| e.planned.name == target.exercise)?;
        let first_open = exercise.slots.iter().find(|s| s.kind == target.kind && s.logged.is_none())?;
        (first_open.number < target.number)
            .then(|| crate::tui::form::FormTarget { number: first_open.number, ..target.clone() }.row_name())
    }

    /// The row `Enter` opens from the cursor: the selected row, or, for a new set, the first
    /// row of its kind still open (where the log puts it).
    fn row_to_open(&self) -> Option<(usize, usize)> {
        let (ei, si) = self.cursor?;
        let slots = &self.today.as_ref()?.exercises.get(ei)?.slots;
        let slot = slots.get(si)?;
        if slot.logged.is_some() {
            return Some((ei, si));
        }
        let first = slots.iter().position(|s| s.kind == slot.kind && s.logged.is_none()).unwrap_or(si);
        Some((ei, first.min(si)))
    }

    /// A row's name: `ramp-up 2`.
    fn row_name(&self, (ei, si): (usize, usize)) -> Option<String> {
        let slot = self.today.as_ref()?.exercises.get(ei)?.slots.get(si)?;
        Some(crate::training::checklist::slot_name(slot.kind, slot.number))
    }

    /// After today was read again with text in the form: the row it was opened on may have been
    /// logged meanwhile (from another window), so the form moves on to the row a new set now
    /// lands on (or one more row), and its title with it; while the form has focus the cursor
    /// follows.
    fn settle_form_row(&mut self) {
        let row = self.form_row();
        let number = match (row, self.form.target.as_ref()) {
            (Some((ei, si)), _) => self.today.as_ref().and_then(|t| Some(t.exercises.get(ei)?.slots.get(si)?.number)),
            (None, Some(target)) if target.editing.is_none() => self.today.as_ref().and_then(|t| {
                let e = t.exercises.iter().find(|e| e.planned.name == target.exercise)?;
                let count = e.slots.iter().filter(|s| s.kind == target.kind).count();
                u16::try_from(count + 1).ok()
            }),
            (None, _) => None,
        };
        if let (Some(number), Some(target)) = (number, &mut self.form.target) {
            target.number = number;
        }
        if self.pane == Pane::Form
            && let Some(row) = row
        {
            self.cursor = Some(row);
        }
    }

    /// Prefills the form for the selected slot: a logged set is edited; otherwise the target
    /// and last time's load fill it.
    pub fn fill_form(&mut self) {
        let (Some((ei, si)), Some(today)) = (self.cursor, &self.today) else {
            self.form = SetForm::default();
            return;
        };
        let Some(exercise) = today.exercises.get(ei) else {
            return;
        };
        let Some(slot) = exercise.slots.get(si) else {
            return;
        };
        let rest = self.plan.rest_after(&exercise.planned, slot.kind);
        let unit = slot.weight.map_or(self.plan.unit, |w| w.unit);
        let mut target = FormTarget {
            exercise: exercise.planned.name.clone(),
            kind: slot.kind,
            number: slot.number,
            unit,
            editing: None,
            rest_seconds: u32::try_from(rest.as_secs()).unwrap_or(u32::MAX).min(3600),
        };
        self.form = match &slot.logged {
            Some(set) => {
                target.editing = Some(set.id);
                target.unit = set.entry.weight.unit;
                let e = &set.entry;
                SetForm::filled(
                    target,
                    e.weight.load.to_string(),
                    e.reps.to_string(),
                    e.rir.map(|r| r.to_string()).unwrap_or_default(),
                    e.form_broke,
                    e.note.clone(),
                )
            }
            None => {
                let weight = slot.weight.map(|w| w.load.to_string()).unwrap_or_default();
                SetForm::filled(target, weight, slot.reps.to_string(), String::new(), false, String::new())
            }
        };
    }

    fn on_form(&mut self, action: Action) -> Vec<Effect> {
        if self.form.target.is_none() {
            if matches!(action, Action::Back) {
                self.pane = Pane::Checklist;
            }
            return Vec::new();
        }
        let field = self.form.focused();
        match action {
            Action::Input(c) => {
                if field == Field::FormBroke {
                    self.form.toggle_form_broke();
                } else if field == Field::Rir && c.is_ascii_digit() {
                    self.form.pick_rir(c as u8 - b'0');
                } else if field == Field::Rir {
                    // '.' or ',' adds the half step to a whole RIR.
                    if !self.form.rir.contains('.') && !self.form.rir.is_empty() {
                        self.form.rir.push_str(".5");
                        self.form.refresh_dirty();
                    }
                } else {
                    self.form.type_char(c);
                }
            }
            Action::Backspace => self.form.backspace(),
            Action::Up => self.form.move_field(false),
            Action::Down => self.form.move_field(true),
            Action::Left | Action::Right if field == Field::Rir => self.form.nudge_rir(action == Action::Right),
            Action::ToggleFormBroke => self.form.toggle_form_broke(),
            Action::Back => self.pane = Pane::Checklist,
            Action::Enter => {
                let next = match field {
                    Field::Weight | Field::Reps => self.form.check(field),
                    _ => false,
                };
                let ramp_up_after_reps = field == Field::Reps && !self.form.asks_rir();
                if next && !ramp_up_after_reps {
                    self.form.move_field(true);
                } else if (next && ramp_up_after_reps) || !matches!(field, Field::Weight | Field::Reps) {
                    return self.save();
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn save(&mut self) -> Vec<Effect> {
        self.save_checked(false)
    }

    /// Saves the form. RIR 0 on a technical lift asks first (METHOD.md section 3), unless the
    /// lifter has just confirmed it.
    fn save_checked(&mut self, confirmed: bool) -> Vec<Effect> {
        let Some(today) = &self.today else {
            return Vec::new();
        };
        let Some(target) = self.form.target.clone() else {
            return Vec::new();
        };
        let Some(entry) = self.form.entry() else {
            self.message = Some((Meaning::Error, "Not saved: fix the field marked in red".into()));
            return Vec::new();
        };
        let class = today
            .exercises
            .iter()
            .find(|e| e.planned.name == entry.exercise)
            .map_or(FailureClass::Safe, |e| e.planned.failure_class);
        if !confirmed && let Some(concern) = failure_concern(&entry, class, today.deload.is_some()) {
            let rir = entry.rir.map_or_else(|| "0".to_string(), |r| r.to_string());
            let question = match concern {
                FailureConcern::TechnicalLift => Question::TechnicalFailure { exercise: entry.exercise.clone(), rir },
                FailureConcern::DeloadWeek => Question::DeloadFailure { rir },
            };
            self.popup = Some(Popup::Confirm(question));
            return Vec::new();
        }
        match target.editing {
            Some(id) => vec![Effect::Update { id, entry }],
            None => vec![Effect::Log { session: today.session_for(), entry, rest_seconds: target.rest_seconds }],
        }
    }

    fn on_sessions(&mut self, action: Action) -> Vec<Effect> {
        // Row 0 is the whole week; the sessions follow.
        let count = self.sessions.len() + 1;
        let before = self.session_cursor;
        match action {
            Action::Up => self.session_cursor = self.session_cursor.saturating_sub(1),
            Action::Down => self.session_cursor = (self.session_cursor + 1).min(count.saturating_sub(1)),
            Action::Enter => {
                self.pane = Pane::Comparison;
                return Vec::new();
            }
            Action::Left | Action::Right | Action::PrevDay | Action::NextDay => {
                let forward = matches!(action, Action::Right | Action::NextDay);
                return self.move_history_week(if forward { 7 } else { -7 });
            }
            Action::ThisWeek => {
                self.history_week = None;
                self.session_cursor = 0;
                self.comparison = None;
                return vec![Effect::LoadSessions];
            }
            Action::GoToDate => {
                self.popup = Some(Popup::GoTo(GoTo::default()));
                return Vec::new();
            }
            _ => return Vec::new(),
        }
        if before == self.session_cursor {
            return Vec::new();
        }
        self.compare_selected()
    }

    fn move_history_week(&mut self, days: i64) -> Vec<Effect> {
        let Some((monday, _)) = self.sessions_week else { return Vec::new() };
        let target = monday + chrono::Duration::days(days);
        let this_monday = self.today.as_ref().map(|t| crate::training::compare::week_bounds(t.date).0);
        if days > 0 && this_monday.is_some_and(|m| target > m) {
            return Vec::new();
        }
        self.show_history_week(target)
    }

    fn show_history_week(&mut self, date: NaiveDate) -> Vec<Effect> {
        // Weeks after this one hold nothing yet: a later date shows this week.
        let date = self.today.as_ref().map_or(date, |t| date.min(t.date));
        self.history_week = Some(crate::training::compare::week_bounds(date).0);
        self.session_cursor = 0;
        self.comparison = None;
        vec![Effect::LoadSessions]
    }

    fn go_to(&mut self, mut go: GoTo, action: Action) -> Vec<Effect> {
        if edit_line(&mut go.text, &mut go.error, action, 10) {
            self.popup = Some(Popup::GoTo(go));
            return Vec::new();
        }
        match action {
            Action::Back => {
                self.popup = None;
                return Vec::new();
            }
            Action::Enter => match NaiveDate::parse_from_str(go.text.trim(), "%Y-%m-%d") {
                Ok(date) if (1900..=9999).contains(&chrono::Datelike::year(&date)) => {
                    self.popup = None;
                    return self.show_history_week(date);
                }
                _ => go.error = Some("not a date: write YYYY-MM-DD".into()),
            },
            _ => {}
        }
        self.popup = Some(Popup::GoTo(go));
        Vec::new()
    }

    fn compare_selected(&mut self) -> Vec<Effect> {
        let wanted = self.session_cursor.checked_sub(1).and_then(|i| self.sessions.get(i)).map(|s| s.session.id);
        if self.comparison.as_ref().is_some_and(|c| c.session_id == wanted) {
            return Vec::new();
        }
        match (wanted, self.sessions_week) {
            (Some(id), _) => vec![Effect::Compare(id)],
            (None, Some((monday, _))) => vec![Effect::CompareWeek(monday)],
            (None, None) => Vec::new(),
        }
    }

    fn on_detail(&mut self, action: Action) -> Vec<Effect> {
        let Some(view) = &mut self.detail else { return Vec::new() };
        let rows = if view.weeks { view.detail.weeks.len() } else { view.detail.sets.len() };
        let last_start = rows.saturating_sub(1) / DETAIL_STEP * DETAIL_STEP;
        match action {
            Action::ToggleWeeks => {
                view.weeks = !view.weeks;
                view.offset = 0;
            }
            Action::Down | Action::Right => view.offset = (view.offset + DETAIL_STEP).min(last_start),
            Action::Up | Action::Left => view.offset = view.offset.saturating_sub(DETAIL_STEP),
            Action::CycleRange => view.range = view.range.next(),
            Action::Back => {
                (self.screen, self.pane) = view.back_to;
            }
            _ => {}
        }
        Vec::new()
    }

    fn on_comparison(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Enter => {
                if let Some(c) = &self.comparison
                    && let Some(e) = c.exercises.get(c.selected)
                {
                    return vec![Effect::LoadDetail(e.exercise.clone())];
                }
            }
            Action::Back => self.pane = Pane::Sessions,
            Action::Up | Action::Down => {
                if let Some(c) = &mut self.comparison {
                    let last = c.exercises.len().saturating_sub(1);
                    c.selected =
                        if action == Action::Up { c.selected.saturating_sub(1) } else { (c.selected + 1).min(last) };
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn on_week(&mut self, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
        let shown = self.week.as_ref().map(|w| w.monday);
        let step = match action {
            // The pane scrolls when its lines outnumber the rows (the view stops at the end).
            Action::Down => {
                self.week_scroll = self.week_scroll.saturating_add(1).min(100);
                return Vec::new();
            }
            Action::Up => {
                self.week_scroll = self.week_scroll.saturating_sub(1);
                return Vec::new();
            }
            Action::Left | Action::PrevDay => -7,
            Action::Right | Action::NextDay => 7,
            Action::Back => {
                self.week_date = None;
                return vec![Effect::LoadWeek(None)];
            }
            _ => return Vec::new(),
        };
        let Some(monday) = shown else { return Vec::new() };
        let date = monday + chrono::Duration::days(step);
        // Weeks after this one hold nothing yet.
        let today = self.today.as_ref().map_or(now.date_naive(), |t| t.date);
        if crate::training::compare::week_bounds(date).0 > crate::training::compare::week_bounds(today).0 {
            return Vec::new();
        }
        self.week_date = Some(date);
        vec![Effect::LoadWeek(Some(date))]
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
            Outcome::Saved { set, rest_seconds } => {
                let rest = std::time::Duration::from_secs(u64::from(rest_seconds));
                let rest_text = if rest_seconds > 0 {
                    format!(", rest {}", crate::model::exercise::format_rest(rest))
                } else {
                    String::new()
                };
                self.message = Some((Meaning::Good, format!("Saved {}{rest_text}", describe(&set))));
                // A set to failure on a safe exercise is a chance to calibrate RIR (not over a
                // question the lifter is answering: a save that waited can land at any time).
                let calibrates = self.popup.is_none()
                    && self.today.as_ref().is_some_and(|t| {
                        t.exercises.iter().any(|e| {
                            e.planned.name == set.entry.exercise
                                && crate::training::warnings::calibrates_rir(&set.entry, e.planned.failure_class)
                        })
                    });
                if calibrates {
                    self.popup = Some(Popup::Guess(Guess {
                        set_id: set.id,
                        reps: set.entry.reps,
                        text: String::new(),
                        error: None,
                    }));
                }
                // The form is cleared only now that the store has the set, and only if it still
                // holds that set: while a save waited, the lifter may have typed another.
                let holds_it = !self.form.dirty || self.form.clone().entry().as_ref() == Some(&set.entry);
                if holds_it {
                    self.form = SetForm::default();
                    self.cursor = None;
                    self.pane = Pane::Checklist;
                }
            }
            Outcome::SetChanged { id, text } => {
                self.message = Some((Meaning::Good, text));
                if self.form.target.as_ref().is_some_and(|t| t.editing == Some(id)) {
                    self.form = SetForm::default();
                    self.pane = Pane::Checklist;
                }
            }
            // Anything else leaves what is typed in the form alone.
            Outcome::Done(text) => self.message = Some((Meaning::Good, text)),
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
            Outcome::Today(today) => {
                if let Some((until, _)) = today.rest()
                    && until <= now
                    && self.today.is_none()
                {
                    // A rest that ended before this start rings no bell.
                    self.rang_for = Some(until);
                }
                let keep = self.cursor.filter(|&(ei, si)| today.exercises.get(ei).is_some_and(|e| si < e.slots.len()));
                self.cursor = keep
                    .or_else(|| today.current())
                    .or_else(|| today.exercises.iter().position(|e| !e.slots.is_empty()).map(|ei| (ei, 0)));
                self.today = Some(*today);
                if self.form.dirty {
                    self.settle_form_row();
                } else {
                    self.fill_form();
                }
            }
            Outcome::Sessions { monday, deload, sessions } => {
                self.sessions_week = Some((monday, deload));
                self.sessions = sessions;
                self.session_cursor = self.session_cursor.min(self.sessions.len());
                // A new list of sessions always gets a fresh comparison (the week may have changed).
                self.comparison = None;
                return self.compare_selected();
            }
            Outcome::Week(report) => self.week = Some(report),
            Outcome::Detail(detail) => {
                let back_to = match &self.detail {
                    Some(view) if self.screen == Screen::Exercise => view.back_to,
                    _ => (self.screen, self.pane),
                };
                let range = self.detail.as_ref().map_or_else(TrendRange::default, |v| v.range);
                let weeks = self.detail.as_ref().is_some_and(|v| v.weeks);
                self.detail = Some(DetailView { detail: *detail, range, offset: 0, weeks, back_to });
                self.screen = Screen::Exercise;
                self.pane = Pane::Detail;
            }
            Outcome::Comparison { session_id, week_start, exercises } => {
                self.comparison = Some(Comparison { session_id, week_start, exercises, selected: 0 });
            }
        }
        Vec::new()
    }
}

/// Typing and backspace in a one-line popup answer of at most `max` characters; any edit clears
/// the refusal shown beside it. Returns whether `action` was an edit.
fn edit_line(text: &mut String, error: &mut Option<String>, action: Action, max: usize) -> bool {
    match action {
        Action::Input(c) => {
            if text.chars().count() < max {
                text.push(c);
            }
        }
        Action::Backspace => {
            text.pop();
        }
        _ => return false,
    }
    *error = None;
    true
}

/// Reads a RIR guess as typed: "8 2" means "at rep 8 I thought 2 more were left".
pub fn parse_guess(text: &str, reps: u16) -> Result<(u16, u8), String> {
    // Commas are decimals (1,5 reps), so only spaces separate the two numbers.
    let parts: Vec<&str> = text.split_whitespace().collect();
    let [at, left] = parts.as_slice() else {
        return Err("type the rep, a space, and how many you thought were left: 8 2".into());
    };
    let at_rep = crate::model::units::parse_reps(at).map_err(|e| format!("rep: {e}"))?;
    if at_rep == 0 || at_rep > reps {
        return Err(format!("the rep is 1 to {reps}, the reps you did"));
    }
    let rir = crate::model::units::parse_rir(left).map_err(|e| format!("reps left: {e}"))?;
    Ok((at_rep, rir.halves()))
}

/// The text with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// `Lat pulldown 60 kg x 10 @ 1`, for messages and questions.
pub fn describe(set: &LoggedSet) -> String {
    describe_entry(&set.entry)
}

/// [`describe`] for a set not yet saved.
pub fn describe_entry(entry: &SetEntry) -> String {
    let kind = if entry.kind == SetKind::RampUp { " ramp-up" } else { "" };
    format!("{}{kind} {}", entry.exercise, entry.summary())
}

//! Popups: key help, questions, the exercise picker, the check-in, the RIR guess and the go-to
//! date. Each keeps its own state and answers keys; what an answer does is the app's to route.

mod new_exercise;
mod pin_note;

pub use new_exercise::{FAILURE_CHOICES, NewExercise, NewStep};
pub use pin_note::{NoteAnswer, PIN_NOTE_MAX, PinNote};

use chrono::NaiveDate;

use super::effect::Effect;
use crate::keymap::Action;
use crate::model::plan::Plan;
use crate::model::session::Readiness;
use crate::model::units::Load;

/// A yes/no question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Quit with unsaved text in the form.
    Quit,
    /// RIR 0 (or 0.5) on a technical free-weight lift: save it anyway?
    TechnicalFailure {
        /// The exercise.
        exercise: String,
        /// The effort as the lifter reads it: "RIR 0", "RPE 9.5".
        rir: String,
    },
    /// RIR 0 (or 0.5) in a deload week, which is for recovery: save it anyway?
    DeloadFailure {
        /// The effort as the lifter reads it: "RIR 0", "RPE 9.5".
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
                format!("{rir} in a deload week: this week is for recovery, with no failure. Save it as to failure?")
            }
            Question::TechnicalFailure { exercise, rir } => {
                format!(
                    "{rir} on {exercise}, a technical lift: the method keeps 1-2 in reserve. Save it as to failure?"
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

/// What Enter in the exercise picker chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// An exercise the catalogue, the plan or the log knows.
    Known(String),
    /// A new exercise of this name, to make (the add picker's last row).
    Create(String),
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

/// The readiness check-in being answered: four scores 1-5, then the body weight (optional).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckIn {
    /// Sleep, energy, joints, motivation.
    pub scores: [Option<u8>; 4],
    /// The question being answered ([`CheckIn::BODY_WEIGHT_ROW`] is the body weight's line).
    pub row: usize,
    /// The body weight as typed; empty skips it.
    pub body_weight: String,
    /// Why the body weight typed was refused (the text is kept).
    pub error: Option<String>,
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
#[derive(Debug, Clone, PartialEq)]
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
    /// What the session just finished did, scrolled down by this many lines.
    Summary(Box<crate::summary::Finished>, u16),
    /// Today: the note pinned to an exercise.
    PinNote(PinNote),
    /// Today: an exercise being made from the add picker.
    NewExercise(NewExercise),
}

/// What a key did to an open popup.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Reply<T> {
    /// It stays open, as the key left it.
    Open,
    /// It stays open, and the status line says why its answer was refused.
    Refused(String),
    /// Closed without an answer (Esc).
    Closed,
    /// Closed with this answer.
    Answered(T),
}

/// A key in an overlay that only scrolls (the help, a session's summary), which holds `lines`
/// lines: scrolls it, or closes it on `close` (the help's own key, or Esc).
pub(crate) fn scroll_overlay(scroll: &mut u16, action: Action, lines: u16, close: Action) -> Reply<()> {
    match action {
        a if a == close => return Reply::Closed,
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll = scroll.saturating_add(1).min(lines),
        _ => {}
    }
    Reply::Open
}

/// The plan's exercise names matching a picker's filter: every word typed, in any case; first
/// the exercise the filter names by one of its other names ("RDL"), when it has one.
pub(crate) fn exercise_matches<'a>(plan: &'a Plan, filter: &str) -> Vec<&'a str> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    let named = plan.exercises.get(filter).map(|e| e.name.as_str());
    let matching = plan.exercises.all().iter().map(|e| e.name.as_str()).filter(|name| {
        let lower = name.to_lowercase();
        Some(*name) != named && words.iter().all(|w| lower.contains(w.as_str()))
    });
    named.into_iter().chain(matching).collect()
}

impl Picker {
    /// The name the add picker offers to make as a new exercise, on its last row: the filter,
    /// cleaned, when no exercise has that name (or takes it as another name), whatever else
    /// matches in part.
    pub(crate) fn create_offer(&self, plan: &Plan) -> Option<String> {
        if self.purpose != PickFor::Adding {
            return None;
        }
        let name = crate::model::exercise::own_exercise_name(&self.filter).ok()?;
        plan.exercises.get(&name).is_none().then_some(name)
    }

    /// A key in the picker, over the plan's exercises: the answer is the exercise chosen, or the
    /// new one to make (none when nothing matches).
    pub(crate) fn update(&mut self, action: Action, plan: &Plan) -> Reply<Option<Picked>> {
        let matches = exercise_matches(plan, &self.filter);
        let offer = self.create_offer(plan);
        let count = matches.len() + usize::from(offer.is_some());
        match action {
            Action::Input(c)
                if !c.is_control() && self.filter.chars().count() < crate::model::exercise::OWN_NAME_MAX =>
            {
                self.filter.push(c);
                self.selected = 0;
            }
            Action::Backspace => {
                self.filter.pop();
                self.selected = 0;
            }
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::Back => return Reply::Closed,
            Action::Enter => {
                let chosen = match matches.get(self.selected) {
                    Some(name) => Some(Picked::Known((*name).to_string())),
                    None => offer.map(Picked::Create),
                };
                return Reply::Answered(chosen);
            }
            _ => {}
        }
        Reply::Open
    }
}

impl CheckIn {
    /// The line after the four questions: the body weight, typed or left empty.
    pub const BODY_WEIGHT_ROW: usize = 4;

    /// Whether `c` is typed into the line being answered: a score 1-5, or on the body weight's
    /// line a decimal.
    pub fn accepts(&self, c: char) -> bool {
        if self.row == CheckIn::BODY_WEIGHT_ROW {
            c.is_ascii_digit() || c == '.' || c == ','
        } else {
            ('1'..='5').contains(&c)
        }
    }

    /// A key in the check-in: the answer is the four scores, once each has one, and the body
    /// weight when one was typed (checked: a bad one is refused beside its line, nothing saved).
    pub(crate) fn update(&mut self, action: Action) -> Reply<(Readiness, Option<Load>)> {
        let last = CheckIn::BODY_WEIGHT_ROW;
        match action {
            Action::Input(c) if self.row == last => {
                if self.body_weight.chars().count() < 7 {
                    self.body_weight.push(c);
                }
                self.error = None;
            }
            Action::Backspace if self.row == last => {
                self.body_weight.pop();
                self.error = None;
            }
            Action::Input(c) => {
                self.scores[self.row] = c.to_digit(10).and_then(|d| u8::try_from(d).ok());
                self.row = (self.row + 1).min(last);
            }
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(last),
            // Skipped in one key: straight on to the set.
            Action::Back => return Reply::Closed,
            Action::Enter => {
                let [Some(sleep), Some(energy), Some(joints), Some(motivation)] = self.scores else {
                    return Reply::Refused("Answer each line with 1-5, or Esc to skip the check-in".into());
                };
                let body = match self.body_weight.trim() {
                    "" => None,
                    text => match crate::model::units::parse_hundredths(text) {
                        Ok(h) if h > 0 && h <= crate::model::units::MAX_LOAD_HUNDREDTHS => {
                            Some(Load::from_hundredths(h))
                        }
                        Ok(_) => {
                            self.error = Some("a body weight is above 0 and at most 1000".into());
                            self.row = last;
                            return Reply::Open;
                        }
                        Err(e) => {
                            self.error = Some(e.to_string());
                            self.row = last;
                            return Reply::Open;
                        }
                    },
                };
                return Reply::Answered((Readiness { sleep, energy, joints, motivation }, body));
            }
            _ => {}
        }
        Reply::Open
    }
}

impl Guess {
    /// A key in the RIR guess: the answer is the guess to store.
    pub(crate) fn update(&mut self, action: Action) -> Reply<Effect> {
        if edit_line(&mut self.text, &mut self.error, action, 8) {
            return Reply::Open;
        }
        match action {
            Action::Back => return Reply::Closed,
            Action::Enter => match parse_guess(&self.text, self.reps) {
                Ok((at_rep, guess_halves)) => {
                    return Reply::Answered(Effect::SaveGuess { set_id: self.set_id, at_rep, guess_halves });
                }
                Err(message) => self.error = Some(message),
            },
            _ => {}
        }
        Reply::Open
    }
}

impl GoTo {
    /// A key in the go-to date: the answer is the date typed.
    pub(crate) fn update(&mut self, action: Action) -> Reply<NaiveDate> {
        if edit_line(&mut self.text, &mut self.error, action, 10) {
            return Reply::Open;
        }
        match action {
            Action::Back => return Reply::Closed,
            Action::Enter => match NaiveDate::parse_from_str(self.text.trim(), "%Y-%m-%d") {
                Ok(date) if (1900..=9999).contains(&chrono::Datelike::year(&date)) => return Reply::Answered(date),
                _ => self.error = Some("not a date: write YYYY-MM-DD".into()),
            },
            _ => {}
        }
        Reply::Open
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

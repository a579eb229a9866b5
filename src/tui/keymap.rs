//! The keymap: one table that dispatches keys and also writes the footer and the help overlay,
//! so what the screen says a key does is what it does.

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::form::Field;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the app (asks first if the form holds unsaved text).
    Quit,
    /// Show or hide the key help.
    Help,
    /// The Today screen.
    ShowToday,
    /// The History screen.
    ShowHistory,
    /// The Week screen.
    ShowWeek,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Move up.
    Up,
    /// Move down.
    Down,
    /// Move left (RIR picker: half a rep less).
    Left,
    /// Move right (RIR picker: half a rep more).
    Right,
    /// Enter: open, next field, save.
    Enter,
    /// Esc: back out.
    Back,
    /// Skip (or bring back) the selected exercise today.
    SkipExercise,
    /// Add an exercise the plan day does not have.
    AddExercise,
    /// Delete the selected logged set.
    DeleteSet,
    /// Undo the last logged set.
    UndoLast,
    /// Switch to the previous plan day.
    PrevDay,
    /// Switch to the next plan day.
    NextDay,
    /// Mark a rest or recovery day done.
    MarkDayDone,
    /// Finish the session.
    EndSession,
    /// Start (or end) a deload week.
    Deload,
    /// Open the selected exercise's trend, records and sets.
    ExerciseDetail,
    /// Show the trend over 12 weeks, a year, or all time.
    CycleRange,
    /// Find any exercise by typing part of its name, and open its detail.
    FindExercise,
    /// Exercise detail: list weeks (top set, best e1RM) or sets.
    ToggleWeeks,
    /// History: back to this week.
    ThisWeek,
    /// History: go to the week of a date.
    GoToDate,
    /// Add 15 s to the rest.
    RestPlus,
    /// Take 15 s off the rest.
    RestMinus,
    /// Skip the rest.
    RestSkip,
    /// Toggle "form broke".
    ToggleFormBroke,
    /// Answer yes in a confirmation.
    Yes,
    /// Answer no in a confirmation.
    No,
    /// Delete a typed character.
    Backspace,
    /// Type a character into the focused field.
    Input(char),
}

/// Where the focus is; bindings apply in some of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere unless a popup is open.
    Global,
    /// Today's checklist.
    Checklist,
    /// The set-entry form.
    Form,
    /// History: the session list.
    Sessions,
    /// History: last week beside this week.
    Comparison,
    /// The week's effective sets per muscle.
    Week,
    /// Any screen while a rest runs (shown in the footer then).
    Rest,
    /// A yes/no question.
    Confirm,
    /// The exercise picker.
    Picker,
    /// The help overlay.
    HelpOverlay,
    /// The readiness check-in.
    CheckIn,
    /// The RIR calibration question.
    Guess,
    /// The exercise detail.
    Detail,
    /// The go-to-date prompt.
    GoTo,
}

impl Context {
    /// The heading used in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Anywhere",
            Context::Checklist => "Today's sets",
            Context::Form => "Set entry",
            Context::Sessions => "History: sessions",
            Context::Comparison => "History: last week vs this week",
            Context::Week => "Week: effective sets per muscle",
            Context::Rest => "Rest timer",
            Context::Confirm => "Questions",
            Context::Picker => "Exercise picker (a adds, / finds)",
            Context::HelpOverlay => "Help",
            Context::CheckIn => "Readiness check-in",
            Context::Guess => "RIR calibration",
            Context::Detail => "Exercise detail",
            Context::GoTo => "Go to a week",
        }
    }
}

/// One key binding.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Keys that trigger it.
    pub keys: Cow<'static, [(KeyCode, KeyModifiers)]>,
    /// How the keys are written in hints.
    pub label: Cow<'static, str>,
    /// Where it applies.
    pub context: Context,
    /// What it does.
    pub action: Action,
    /// The words shown in help and the footer.
    pub help: &'static str,
    /// Whether the footer shows it.
    pub footer: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

const fn ch(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), NONE)
}

macro_rules! bind {
    ($ctx:ident, [$($key:expr),+], $label:expr, $action:expr, $help:expr, $footer:expr) => {
        Binding {
            keys: Cow::Borrowed(&[$($key),+]),
            label: Cow::Borrowed($label),
            context: Context::$ctx,
            action: $action,
            help: $help,
            footer: $footer,
        }
    };
}

/// Every binding, most specific contexts first within each key.
pub const BINDINGS: &[Binding] = &[
    // Popups take every key they know first.
    // Enter is the key of the whole gym flow, so it never answers "yes" by accident.
    bind!(Confirm, [ch('y'), ch('Y')], "y", Action::Yes, "yes", true),
    bind!(Confirm, [ch('n'), ch('N'), (KeyCode::Esc, NONE)], "n/Esc", Action::No, "no", true),
    bind!(Picker, [(KeyCode::Up, NONE)], "↑↓", Action::Up, "choose", true),
    bind!(Picker, [(KeyCode::Down, NONE)], "↓", Action::Down, "choose", false),
    bind!(Picker, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "choose it", true),
    bind!(Picker, [(KeyCode::Esc, NONE)], "Esc", Action::Back, "cancel", true),
    bind!(Picker, [(KeyCode::Backspace, NONE)], "Bksp", Action::Backspace, "erase filter", false),
    bind!(
        HelpOverlay,
        [ch('?'), (KeyCode::Esc, NONE), ch('q'), (KeyCode::Enter, NONE)],
        "?/Esc",
        Action::Help,
        "close help",
        true
    ),
    bind!(HelpOverlay, [(KeyCode::Up, NONE), ch('k')], "↑↓/jk", Action::Up, "scroll", true),
    bind!(HelpOverlay, [(KeyCode::Down, NONE), ch('j')], "↓/j", Action::Down, "scroll down", false),
    bind!(CheckIn, [(KeyCode::Enter, NONE)], "1-5 Enter", Action::Enter, "answer, then save", true),
    bind!(CheckIn, [(KeyCode::Up, NONE), ch('k')], "↑↓", Action::Up, "question", true),
    bind!(CheckIn, [(KeyCode::Down, NONE), ch('j')], "↓", Action::Down, "next question", false),
    bind!(CheckIn, [(KeyCode::Esc, NONE), ch('s')], "Esc", Action::Back, "skip the check-in", true),
    bind!(Guess, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "save the guess", true),
    bind!(Guess, [(KeyCode::Backspace, NONE)], "Bksp", Action::Backspace, "erase", false),
    bind!(Guess, [(KeyCode::Esc, NONE)], "Esc", Action::Back, "skip", true),
    // The form.
    bind!(Form, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "next / save", true),
    bind!(Form, [(KeyCode::Up, NONE), ch('k')], "↑↓", Action::Up, "field", true),
    bind!(Form, [(KeyCode::Down, NONE), ch('j')], "↓/j", Action::Down, "next field", false),
    bind!(Form, [(KeyCode::Left, NONE), ch('h')], "←→", Action::Left, "RIR -/+ ½", true),
    bind!(Form, [(KeyCode::Right, NONE), ch('l')], "→/l", Action::Right, "RIR + ½", false),
    bind!(Form, [ch('f')], "f", Action::ToggleFormBroke, "form broke", true),
    bind!(Form, [(KeyCode::Backspace, NONE)], "Bksp", Action::Backspace, "erase", false),
    bind!(Form, [(KeyCode::Esc, NONE)], "Esc", Action::Back, "to checklist", true),
    // Today's checklist.
    bind!(Checklist, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "log / edit set", true),
    bind!(Checklist, [(KeyCode::Up, NONE), ch('k')], "↑↓/jk", Action::Up, "move", true),
    bind!(Checklist, [(KeyCode::Down, NONE), ch('j')], "↓/j", Action::Down, "move down", false),
    bind!(Checklist, [ch('x')], "x", Action::SkipExercise, "skip exercise", true),
    bind!(Checklist, [ch('a')], "a", Action::AddExercise, "add exercise", true),
    bind!(Checklist, [ch('d'), (KeyCode::Delete, NONE)], "d", Action::DeleteSet, "delete set", false),
    bind!(Checklist, [ch('u')], "u", Action::UndoLast, "undo last set", true),
    bind!(Checklist, [ch('['), (KeyCode::Left, NONE), ch('h')], "[ ]", Action::PrevDay, "other plan day", false),
    bind!(Checklist, [ch(']'), (KeyCode::Right, NONE), ch('l')], "]", Action::NextDay, "next plan day", false),
    bind!(Checklist, [ch('m')], "m", Action::MarkDayDone, "mark rest day done", false),
    bind!(Checklist, [ch('E')], "E", Action::EndSession, "finish session", false),
    bind!(Checklist, [ch('D')], "D", Action::Deload, "start or end a deload week", false),
    bind!(Checklist, [ch('i')], "i", Action::ExerciseDetail, "exercise trend and records", false),
    bind!(Detail, [(KeyCode::Esc, NONE)], "Esc", Action::Back, "back", true),
    bind!(Detail, [ch('r')], "r", Action::CycleRange, "12 weeks / 1 year / all time", true),
    bind!(Detail, [ch('w')], "w", Action::ToggleWeeks, "weeks or sets", true),
    bind!(
        Detail,
        [(KeyCode::Down, NONE), ch('j'), (KeyCode::PageDown, NONE)],
        "↑↓",
        Action::Down,
        "page of sets",
        true
    ),
    bind!(Detail, [(KeyCode::Up, NONE), ch('k'), (KeyCode::PageUp, NONE)], "↑", Action::Up, "previous page", false),
    // History.
    bind!(Sessions, [(KeyCode::Up, NONE), ch('k')], "↑↓/jk", Action::Up, "session", true),
    bind!(Sessions, [(KeyCode::Down, NONE), ch('j')], "↓/j", Action::Down, "next session", false),
    bind!(Sessions, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "compare", true),
    bind!(Sessions, [(KeyCode::Left, NONE), ch('h'), ch('[')], "←→", Action::Left, "previous / next week", true),
    bind!(
        Sessions,
        [(KeyCode::Right, NONE), ch('l'), ch(']')],
        "→",
        Action::Right,
        "next week (up to this one)",
        false
    ),
    bind!(Sessions, [ch('g')], "g", Action::GoToDate, "go to the week of a date", true),
    bind!(Sessions, [ch('t')], "t", Action::ThisWeek, "back to this week", false),
    bind!(GoTo, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "go", true),
    bind!(GoTo, [(KeyCode::Backspace, NONE)], "Bksp", Action::Backspace, "erase", false),
    bind!(GoTo, [(KeyCode::Esc, NONE)], "Esc", Action::Back, "cancel", true),
    bind!(Comparison, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "exercise trend and records", true),
    bind!(Comparison, [(KeyCode::Up, NONE), ch('k')], "↑↓/jk", Action::Up, "exercise", true),
    bind!(Comparison, [(KeyCode::Down, NONE), ch('j')], "↓/j", Action::Down, "next exercise", false),
    bind!(Comparison, [(KeyCode::Esc, NONE), (KeyCode::Left, NONE), ch('h')], "Esc", Action::Back, "sessions", true),
    bind!(Week, [(KeyCode::Left, NONE), ch('h'), ch('[')], "←→", Action::Left, "previous / next week", true),
    bind!(Week, [(KeyCode::Right, NONE), ch('l'), ch(']')], "→", Action::Right, "next week", false),
    bind!(Week, [(KeyCode::Esc, NONE)], "Esc", Action::Back, "this week", true),
    bind!(Week, [(KeyCode::Up, NONE), ch('k')], "↑↓/jk", Action::Up, "scroll", true),
    bind!(Week, [(KeyCode::Down, NONE), ch('j')], "↓/j", Action::Down, "scroll down", false),
    // The rest timer answers anywhere outside a text field.
    bind!(Rest, [ch('+'), ch('=')], "+/-", Action::RestPlus, "rest ±15s", true),
    bind!(Rest, [ch('-'), ch('_')], "-", Action::RestMinus, "rest -15s", false),
    bind!(Rest, [ch('s')], "s", Action::RestSkip, "skip rest", true),
    // Anywhere.
    bind!(Global, [(KeyCode::Tab, NONE)], "Tab", Action::NextPane, "pane", true),
    bind!(
        Global,
        [(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE)],
        "S-Tab",
        Action::PrevPane,
        "previous pane",
        false
    ),
    bind!(Global, [ch('1')], "1", Action::ShowToday, "Today", true),
    bind!(Global, [ch('2')], "2", Action::ShowHistory, "History", true),
    bind!(Global, [ch('3')], "3", Action::ShowWeek, "Week", true),
    bind!(Global, [ch('/')], "/", Action::FindExercise, "find an exercise", false),
    bind!(Global, [ch('?')], "?", Action::Help, "help", true),
    bind!(Global, [ch('q'), (KeyCode::Char('c'), KeyModifiers::CONTROL)], "q", Action::Quit, "quit", true),
];

/// The actions a lifter may give another key in `config.toml`'s `[keys]`: the commands of the
/// panes, the rest timer and the global keys. Moving, Enter, Esc and the popups' keys stay put,
/// so every screen can still be left the way it was entered.
pub const OVERRIDABLE: &[Action] = &[
    Action::Quit,
    Action::Help,
    Action::ShowToday,
    Action::ShowHistory,
    Action::ShowWeek,
    Action::FindExercise,
    Action::SkipExercise,
    Action::AddExercise,
    Action::DeleteSet,
    Action::UndoLast,
    Action::PrevDay,
    Action::NextDay,
    Action::MarkDayDone,
    Action::EndSession,
    Action::Deload,
    Action::ExerciseDetail,
    Action::CycleRange,
    Action::ToggleWeeks,
    Action::ThisWeek,
    Action::GoToDate,
    Action::RestPlus,
    Action::RestMinus,
    Action::RestSkip,
    Action::ToggleFormBroke,
];

impl Action {
    /// The action's name in `config.toml`'s `[keys]` and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::ShowToday => "show_today",
            Action::ShowHistory => "show_history",
            Action::ShowWeek => "show_week",
            Action::NextPane => "next_pane",
            Action::PrevPane => "previous_pane",
            Action::Up => "up",
            Action::Down => "down",
            Action::Left => "left",
            Action::Right => "right",
            Action::Enter => "enter",
            Action::Back => "back",
            Action::SkipExercise => "skip_exercise",
            Action::AddExercise => "add_exercise",
            Action::DeleteSet => "delete_set",
            Action::UndoLast => "undo_last_set",
            Action::PrevDay => "previous_day",
            Action::NextDay => "next_day",
            Action::MarkDayDone => "mark_day_done",
            Action::EndSession => "end_session",
            Action::Deload => "deload",
            Action::ExerciseDetail => "exercise_detail",
            Action::CycleRange => "cycle_range",
            Action::FindExercise => "find_exercise",
            Action::ToggleWeeks => "weeks_or_sets",
            Action::ThisWeek => "this_week",
            Action::GoToDate => "go_to_date",
            Action::RestPlus => "rest_plus",
            Action::RestMinus => "rest_minus",
            Action::RestSkip => "skip_rest",
            Action::ToggleFormBroke => "form_broke",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Backspace => "backspace",
            Action::Input(_) => "typing",
        }
    }
}

impl Context {
    /// Whether this is a popup's context, which takes keys alone.
    pub fn is_popup(self) -> bool {
        matches!(
            self,
            Context::Confirm
                | Context::Picker
                | Context::HelpOverlay
                | Context::CheckIn
                | Context::Guess
                | Context::GoTo
        )
    }

    /// Whether keys of both contexts can be read at the same moment: the same context, or a
    /// pane's with the rest timer's or the global ones (see [`Keymap::lookup`]).
    fn active_with(self, other: Context) -> bool {
        let shared = |c: Context| matches!(c, Context::Rest | Context::Global);
        self == other || (!self.is_popup() && !other.is_popup() && (shared(self) || shared(other)))
    }
}

/// The named keys `config.toml` may give an action, as it writes them.
const NAMED_KEYS: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
];

/// Keys that do one job on every screen (move, open and save, back out, change pane, erase), so
/// no action may have them: were Esc to end the session, leaving the form would end it too.
const FIXED_KEYS: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
];

/// Ctrl keys a terminal sends as the very byte of a fixed key, so the app cannot tell them
/// apart: the character after `ctrl-`, and the key the terminal makes of it.
const CONTROL_TWINS: &[(char, &str)] =
    &[('m', "Enter"), ('j', "Enter"), ('i', "Tab"), ('h', "Backspace"), ('[', "Esc")];

/// Reads a key as `config.toml` writes it: one character (`"E"`, `"+"`), `"ctrl-d"`,
/// `"alt-x"`, `"f1"` to `"f12"`, or a named key (`"space"`, `"delete"`, `"home"`, ...).
/// Enter, Esc, Tab, Backspace and the arrows are refused ([`FIXED_KEYS`]), and so are the ctrl
/// keys a terminal sends as one of them ([`CONTROL_TWINS`]) and ctrl-c.
pub fn parse_key(text: &str) -> Result<(KeyCode, KeyModifiers), String> {
    let refuse = || {
        let named: Vec<&str> = NAMED_KEYS.iter().map(|(name, _)| *name).collect();
        format!(
            "'{text}' is not a key; write one character such as \"E\", or ctrl-d, alt-x, f1 to f12, {}",
            named.join(", ")
        )
    };
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return if c.is_control() { Err(refuse()) } else { Ok((KeyCode::Char(c), NONE)) };
    }
    let lower = text.trim().to_ascii_lowercase();
    for (prefix, modifier) in [("ctrl-", KeyModifiers::CONTROL), ("alt-", KeyModifiers::ALT)] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_graphic() => {
                    if modifier != KeyModifiers::CONTROL {
                        Ok((KeyCode::Char(c), modifier))
                    } else if c == 'c' {
                        Err("ctrl-c always quits; choose another key".into())
                    } else if let Some((_, twin)) = CONTROL_TWINS.iter().find(|(t, _)| *t == c) {
                        Err(format!(
                            "'{text}' reaches the app as {twin}: terminals send the two as the same byte, so it \
                             cannot be told apart; choose another key"
                        ))
                    } else {
                        Ok((KeyCode::Char(c), modifier))
                    }
                }
                _ => Err(refuse()),
            };
        }
    }
    if FIXED_KEYS.iter().any(|(name, _)| *name == lower) {
        return Err(fixed_refusal(text));
    }
    let code = match NAMED_KEYS.iter().find(|(name, _)| *name == lower) {
        Some(&(_, code)) => code,
        None => match lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            Some(n @ 1..=12) => KeyCode::F(n),
            _ => return Err(refuse()),
        },
    };
    Ok((code, NONE))
}

fn fixed_refusal(text: &str) -> String {
    let fixed: Vec<&str> = FIXED_KEYS.iter().map(|(name, _)| *name).collect();
    format!(
        "'{text}' cannot be given to an action: {} do the same job on every screen (moving, opening and \
         saving, backing out, changing pane, erasing); choose another key",
        fixed.join(", ")
    )
}

/// How `config.toml` writes a key, the spelling [`parse_key`] reads back: `E`, `ctrl-d`,
/// `f5`, `space`, `pagedown`.
pub fn key_text((code, mods): (KeyCode, KeyModifiers)) -> String {
    let name = match code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("f{n}"),
        other => NAMED_KEYS
            .iter()
            .chain(FIXED_KEYS)
            .find(|&&(_, named)| named == other)
            .map_or_else(|| format!("{other:?}").to_ascii_lowercase(), |(name, _)| (*name).to_string()),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("ctrl-{name}")
    } else if mods.contains(KeyModifiers::ALT) {
        format!("alt-{name}")
    } else {
        name
    }
}

/// How a key is written on screen: `E`, `Ctrl-d`, `F2`, `Space`, `↑`.
pub fn key_name((code, mods): (KeyCode, KeyModifiers)) -> String {
    let name = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else if mods.contains(KeyModifiers::ALT) {
        format!("Alt-{name}")
    } else {
        name
    }
}

/// A `[keys]` entry that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    /// The entry's name as written (the action).
    pub action: String,
    /// What is wrong.
    pub message: String,
    /// Whether the key, rather than the action's name, is at fault.
    pub about_key: bool,
}

/// The first key an action ships with outside popups.
fn shipped_key(action: Action) -> Option<(KeyCode, KeyModifiers)> {
    BINDINGS.iter().find(|b| b.action == action && !b.context.is_popup()).and_then(|b| b.keys.first().copied())
}

/// The set form's fields that would type `key` instead of reading it as `action`'s key, when
/// the action works while the form is focused (its own, the rest timer's and the global
/// keys): "Weight, Reps and RIR". `None` when the key is no such character.
fn typed_in_the_form(action: Action, (code, mods): (KeyCode, KeyModifiers)) -> Option<String> {
    let KeyCode::Char(c) = code else { return None };
    if mods != NONE || !BINDINGS.iter().any(|b| b.action == action && Context::Form.active_with(b.context)) {
        return None;
    }
    let names: Vec<&str> = Field::typing(c).into_iter().map(Field::label).collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(format!("{one} field")),
        [init @ .., last] => Some(format!("{} and {last} fields", init.join(", "))),
    }
}

/// Bindings that share one footer hint: the first's label names both keys.
const PAIRED_LABELS: &[(Action, Action, &str)] =
    &[(Action::RestPlus, Action::RestMinus, "/"), (Action::PrevDay, Action::NextDay, " ")];

/// The keymap in use: the shipped bindings with the lifter's `[keys]` applied.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap { bindings: BINDINGS.to_vec() }
    }
}

impl Keymap {
    /// The shipped bindings with `overrides` (action name, key) applied. An override replaces
    /// the action's plain character keys; its other keys (arrows, Delete, Ctrl-c) stay. It is
    /// refused when the action is unknown or fixed, the key unreadable, or the key already does
    /// something else where the action works.
    pub fn with_overrides<'a>(overrides: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Keymap, KeyError> {
        let mut keymap = Keymap::default();
        let mut overridden: Vec<Action> = Vec::new();
        for (name, text) in overrides {
            let error = |message: String| KeyError { action: name.to_string(), message, about_key: true };
            let Some(&action) = OVERRIDABLE.iter().find(|a| a.name() == name) else {
                let names: Vec<&str> = OVERRIDABLE.iter().map(|a| a.name()).collect();
                return Err(KeyError {
                    action: name.to_string(),
                    message: format!("'{name}' is not an action a key can be set for; use one of {}", names.join(", ")),
                    about_key: false,
                });
            };
            let key = parse_key(text).map_err(&error)?;
            // The key it ships with changes nothing, so `hardset config show` reads back as it is.
            if shipped_key(action) == Some(key) {
                continue;
            }
            if let Some(fields) = typed_in_the_form(action, key) {
                return Err(error(format!(
                    "'{text}' is typed into the set form's {fields}, where {name} also works, so typing would win \
                     there; choose a letter or a ctrl- or alt- key"
                )));
            }
            for binding in keymap.bindings.iter_mut().filter(|b| b.action == action && !b.context.is_popup()) {
                let mut keys: Vec<(KeyCode, KeyModifiers)> = binding
                    .keys
                    .iter()
                    .copied()
                    .filter(|&(code, mods)| !(matches!(code, KeyCode::Char(_)) && mods == NONE))
                    .collect();
                keys.insert(0, key);
                binding.keys = Cow::Owned(keys);
                binding.label = Cow::Owned(key_name(key));
            }
            if action == Action::Help {
                // The key that opens help closes it too; the overlay's own keys stay.
                for binding in keymap.bindings.iter_mut().filter(|b| b.action == action && b.context.is_popup()) {
                    let mut keys = binding.keys.to_vec();
                    keys.retain(|&k| k != key);
                    keys.insert(0, key);
                    binding.keys = Cow::Owned(keys);
                    binding.label = Cow::Owned(format!("{}/Esc", key_name(key)));
                }
            }
            overridden.push(action);
        }
        for &(first, second, separator) in PAIRED_LABELS {
            if overridden.contains(&first) || overridden.contains(&second) {
                let label = format!("{}{separator}{}", keymap.key_label(first), keymap.key_label(second));
                for binding in keymap.bindings.iter_mut().filter(|b| b.action == first && !b.context.is_popup()) {
                    binding.label = Cow::Owned(label.clone());
                }
            }
        }
        keymap.check(&overridden)?;
        Ok(keymap)
    }

    /// Refuses a key that would do two things at once, naming both actions.
    fn check(&self, overridden: &[Action]) -> Result<(), KeyError> {
        for (i, a) in self.bindings.iter().enumerate() {
            for b in &self.bindings[i + 1..] {
                if a.action == b.action || !a.context.active_with(b.context) {
                    continue;
                }
                let Some(&key) = a.keys.iter().find(|k| b.keys.contains(k)) else { continue };
                // Name the override that caused the clash (either one, when both are).
                let (mine, theirs) = if overridden.contains(&b.action) { (b, a) } else { (a, b) };
                return Err(KeyError {
                    action: mine.action.name().to_string(),
                    message: format!(
                        "'{}' is already the key for {} ({}); {} cannot have it too",
                        key_name(key),
                        theirs.action.name(),
                        theirs.context.title(),
                        mine.action.name()
                    ),
                    about_key: true,
                });
            }
        }
        Ok(())
    }

    /// Every binding, in order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The binding of an action outside popups.
    fn binding(&self, action: Action) -> Option<&Binding> {
        self.bindings.iter().find(|b| b.action == action && !b.context.is_popup())
    }

    /// The label of an action's keys outside popups, as hints write it (`E`, `Ctrl-d`).
    pub fn key_label(&self, action: Action) -> String {
        self.binding(action).and_then(|b| b.keys.first()).map_or_else(String::new, |&key| key_name(key))
    }

    /// An action's footer hint keys outside popups, which name a pair together (`[ ]`, `+/-`).
    pub fn label(&self, action: Action) -> &str {
        self.binding(action).map_or("", |b| b.label.as_ref())
    }

    /// Every action `[keys]` can move, with the key in force written as `config.toml` writes
    /// it: what `hardset config show` lists, and what reads back as the same keymap.
    pub fn effective_keys(&self) -> Vec<(&'static str, String)> {
        OVERRIDABLE
            .iter()
            .filter_map(|&action| Some((action.name(), key_text(*self.binding(action)?.keys.first()?))))
            .collect()
    }

    /// The action for a key in the given contexts (most specific first).
    pub fn lookup(&self, key: KeyEvent, contexts: &[Context]) -> Option<Action> {
        // Shifted characters arrive with SHIFT set; the character itself already says which.
        let modifiers =
            if matches!(key.code, KeyCode::Char(_)) { key.modifiers - KeyModifiers::SHIFT } else { key.modifiers };
        contexts.iter().find_map(|&context| {
            self.bindings
                .iter()
                .filter(|b| b.context == context)
                .find(|b| {
                    b.keys
                        .iter()
                        .any(|&(code, mods)| code == key.code && (mods == modifiers || (code == KeyCode::BackTab)))
                })
                .map(|b| b.action)
        })
    }

    /// The footer hints for the given contexts: `(keys, words)` pairs.
    pub fn footer(&self, contexts: &[Context]) -> Vec<(&str, &'static str)> {
        contexts
            .iter()
            .flat_map(|&context| self.bindings.iter().filter(move |b| b.context == context && b.footer))
            .map(|b| (b.label.as_ref(), b.help))
            .collect()
    }

    /// A context's heading in the help overlay, naming keys as they are now.
    pub fn title(&self, context: Context) -> String {
        match context {
            Context::Picker => format!(
                "Exercise picker ({} adds, {} finds)",
                self.key_label(Action::AddExercise),
                self.key_label(Action::FindExercise)
            ),
            other => other.title().to_string(),
        }
    }

    /// Help overlay lines: a heading per context, then `keys  words` for every binding.
    pub fn help_sections(&self) -> Vec<(Context, Vec<(String, &'static str)>)> {
        let order = [
            Context::Global,
            Context::Checklist,
            Context::Form,
            Context::Rest,
            Context::Sessions,
            Context::Comparison,
            Context::Week,
            Context::Detail,
            Context::GoTo,
            Context::Picker,
            Context::CheckIn,
            Context::Guess,
            Context::Confirm,
            Context::HelpOverlay,
        ];
        order
            .iter()
            .map(|&context| {
                let rows =
                    self.bindings.iter().filter(|b| b.context == context).map(|b| (key_names(b), b.help)).collect();
                (context, rows)
            })
            .collect()
    }

    /// How many lines the help overlay has (headings, rows and blank lines between sections).
    pub fn help_line_count(&self) -> u16 {
        let sections = self.help_sections();
        let rows: usize = sections.iter().map(|(_, rows)| rows.len() + 2).sum();
        u16::try_from(rows).unwrap_or(u16::MAX)
    }
}

/// How many lines the help overlay has with the shipped keymap.
pub fn help_line_count() -> u16 {
    Keymap::default().help_line_count()
}

fn key_names(binding: &Binding) -> String {
    let mut unique: Vec<String> = Vec::new();
    for name in binding.keys.iter().map(|&key| key_name(key)) {
        if !unique.contains(&name) {
            unique.push(name);
        }
    }
    unique.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), NONE)
    }

    #[test]
    fn the_shipped_keymap_gives_no_key_two_meanings() {
        assert!(Keymap::with_overrides([]).is_ok());
    }

    #[test]
    fn keys_read_as_written() {
        assert_eq!(parse_key("E"), Ok((KeyCode::Char('E'), NONE)));
        assert_eq!(parse_key("ctrl-D"), Ok((KeyCode::Char('d'), KeyModifiers::CONTROL)));
        assert_eq!(parse_key("alt-x"), Ok((KeyCode::Char('x'), KeyModifiers::ALT)));
        assert_eq!(parse_key("F5"), Ok((KeyCode::F(5), NONE)));
        assert_eq!(parse_key("space"), Ok((KeyCode::Char(' '), NONE)));
        assert!(parse_key("f13").expect_err("no f13").contains("is not a key"));
        assert!(parse_key("ctrl-").is_err());
        assert!(parse_key("EE").is_err());
        assert!(parse_key("").is_err());
        assert!(parse_key("ctrl-c").expect_err("reserved").contains("always quits"));
    }

    #[test]
    fn an_override_moves_the_action_and_its_hints() {
        let keymap = Keymap::with_overrides([("end_session", "F"), ("quit", "Q")]).expect("no clash");
        let contexts = [Context::Checklist, Context::Rest, Context::Global];
        assert_eq!(keymap.lookup(press('F'), &contexts), Some(Action::EndSession));
        assert_eq!(keymap.lookup(press('E'), &contexts), None, "the old key is free");
        assert_eq!(keymap.lookup(press('Q'), &contexts), Some(Action::Quit));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(keymap.lookup(ctrl_c, &contexts), Some(Action::Quit), "ctrl-c stays");
        assert!(keymap.footer(&contexts).contains(&("Q", "quit")));
        let help = keymap.help_sections();
        let checklist = &help.iter().find(|(c, _)| *c == Context::Checklist).expect("checklist").1;
        assert!(checklist.contains(&("F".to_string(), "finish session")), "{checklist:?}");
    }

    #[test]
    fn paired_hints_name_both_keys() {
        let keymap = Keymap::with_overrides([("rest_plus", "p")]).expect("no clash");
        assert!(keymap.footer(&[Context::Rest]).contains(&("p/-", "rest ±15s")));
        let keymap = Keymap::with_overrides([("add_exercise", "n")]).expect("no clash");
        assert_eq!(keymap.title(Context::Picker), "Exercise picker (n adds, / finds)");
    }

    #[test]
    fn a_key_that_already_does_something_there_is_refused() {
        let error = Keymap::with_overrides([("end_session", "x")]).expect_err("x skips an exercise");
        assert_eq!(error.action, "end_session");
        assert!(error.message.contains("skip_exercise") && error.message.contains("end_session"), "{}", error.message);
        // A pane key may not hide a key that works anywhere.
        let error = Keymap::with_overrides([("deload", "q")]).expect_err("q quits");
        assert!(error.message.contains("quit"), "{}", error.message);
        // Two overrides that collide name each other.
        let error = Keymap::with_overrides([("end_session", "F"), ("deload", "F")]).expect_err("both F");
        assert!(error.message.contains("end_session") && error.message.contains("deload"), "{}", error.message);
        // Swapping two keys is fine: only the result counts.
        let keymap = Keymap::with_overrides([("end_session", "x"), ("skip_exercise", "E")]).expect("a swap");
        assert_eq!(keymap.lookup(press('x'), &[Context::Checklist]), Some(Action::EndSession));
        // Keys in different panes do not meet.
        assert!(Keymap::with_overrides([("cycle_range", "x")]).is_ok());
    }

    #[test]
    fn unknown_actions_fixed_keys_and_typed_characters_are_refused() {
        let error = Keymap::with_overrides([("end_sesion", "F")]).expect_err("typo");
        assert!(error.message.contains("'end_sesion' is not an action") && error.message.contains("end_session"));
        assert!(Keymap::with_overrides([("up", "w")]).is_err(), "moving is fixed");
        let error = Keymap::with_overrides([("form_broke", "5")]).expect_err("typed into the weight");
        assert!(error.message.contains("typed into"), "{}", error.message);
        assert!(Keymap::with_overrides([("form_broke", "b")]).is_ok());
    }

    #[test]
    fn keys_every_screen_reads_alike_are_refused_and_named() {
        for text in ["esc", "Enter", "tab", "shift-tab", "backspace", "up", "down", "left", "right"] {
            let message = parse_key(text).expect_err(text);
            assert!(message.contains("cannot be given to an action"), "{text}: {message}");
            for (name, _) in FIXED_KEYS {
                assert!(message.contains(name), "{text}: the message lists {name}: {message}");
            }
        }
        // What the "not a key" message offers is what is read.
        let message = parse_key("nope").expect_err("not a key");
        for &(name, code) in NAMED_KEYS {
            assert!(message.contains(name), "{message}");
            assert_eq!(parse_key(name), Ok((code, NONE)));
        }
        // Esc twice leaves the form: it must never end the session on the way.
        let error = Keymap::with_overrides([("end_session", "esc")]).expect_err("esc backs out");
        assert_eq!(error.action, "end_session");
        assert!(error.about_key);
    }

    #[test]
    fn ctrl_keys_a_terminal_sends_as_enter_tab_backspace_or_esc_are_refused() {
        for (text, twin) in
            [("ctrl-m", "Enter"), ("ctrl-j", "Enter"), ("ctrl-i", "Tab"), ("ctrl-h", "Backspace"), ("ctrl-[", "Esc")]
        {
            let message = parse_key(text).expect_err(text);
            assert!(message.contains(&format!("reaches the app as {twin}")), "{text}: {message}");
            assert!(message.contains("same byte"), "{text}: {message}");
        }
        assert_eq!(parse_key("ctrl-M").map_err(|m| m.contains("Enter")), Err(true), "any case");
        assert_eq!(parse_key("ctrl-d"), Ok((KeyCode::Char('d'), KeyModifiers::CONTROL)));
        assert_eq!(parse_key("alt-m"), Ok((KeyCode::Char('m'), KeyModifiers::ALT)), "only ctrl is twinned");
    }

    #[test]
    fn keys_live_in_the_set_form_may_not_be_what_its_fields_type() {
        // The rest timer's, the global and the form's own keys all work while the form is focused.
        for name in ["skip_rest", "rest_plus", "rest_minus", "quit", "help", "find_exercise", "show_week", "form_broke"]
        {
            let error = Keymap::with_overrides([(name, "0")]).expect_err(name);
            assert!(error.message.contains("Weight, Reps and RIR fields"), "{name}: {}", error.message);
            assert!(error.message.contains(name), "{}", error.message);
            let error = Keymap::with_overrides([(name, ".")]).expect_err(name);
            assert!(error.message.contains("Weight and RIR fields"), "{name}: {}", error.message);
            let error = Keymap::with_overrides([(name, "space")]).expect_err(name);
            assert!(error.message.contains("Form broke field"), "{name}: {}", error.message);
        }
        // Keys of other panes never meet the form; ctrl and alt are never typed.
        assert!(Keymap::with_overrides([("end_session", "0")]).is_ok());
        assert!(Keymap::with_overrides([("skip_rest", "ctrl-0")]).is_ok());
        // The shipped digits stay theirs, so writing a default down changes nothing.
        assert!(Keymap::with_overrides([("show_today", "1"), ("show_week", "3")]).is_ok());
        assert!(Keymap::with_overrides([("show_today", "2"), ("show_history", "1")]).is_err());
    }

    #[test]
    fn a_moved_help_key_closes_help_too() {
        let keymap = Keymap::with_overrides([("help", "H")]).expect("no clash");
        assert_eq!(
            keymap.lookup(press('H'), &[Context::Checklist, Context::Rest, Context::Global]),
            Some(Action::Help)
        );
        assert_eq!(keymap.lookup(press('H'), &[Context::HelpOverlay]), Some(Action::Help));
        assert!(keymap.footer(&[Context::HelpOverlay]).contains(&("H/Esc", "close help")));
        let esc = KeyEvent::new(KeyCode::Esc, NONE);
        assert_eq!(keymap.lookup(esc, &[Context::HelpOverlay]), Some(Action::Help), "Esc still closes it");
        // A key the overlay scrolls with would do two things there.
        assert!(Keymap::with_overrides([("help", "j")]).is_err());
    }

    #[test]
    fn the_effective_keys_read_back_as_the_same_keymap() {
        let shape = |k: &Keymap| -> Vec<(Vec<(KeyCode, KeyModifiers)>, String)> {
            k.bindings().iter().map(|b| (b.keys.to_vec(), b.label.to_string())).collect()
        };
        for overrides in [vec![], vec![("end_session", "ctrl-e"), ("deload", "f5"), ("skip_rest", "f6")]] {
            let keymap = Keymap::with_overrides(overrides.iter().copied()).expect("valid");
            let effective = keymap.effective_keys();
            assert_eq!(effective.len(), OVERRIDABLE.len());
            let again = Keymap::with_overrides(effective.iter().map(|(n, k)| (*n, k.as_str()))).expect("reads back");
            assert_eq!(shape(&again), shape(&keymap), "{effective:?}");
        }
        let keymap = Keymap::with_overrides([("end_session", "ctrl-e"), ("form_broke", "space")]);
        assert!(keymap.is_err(), "space is typed into Form broke");
        let keymap = Keymap::with_overrides([("end_session", "ctrl-e"), ("deload", "space")]).expect("valid");
        let effective = keymap.effective_keys();
        assert!(effective.contains(&("end_session", "ctrl-e".to_string())), "{effective:?}");
        assert!(effective.contains(&("deload", "space".to_string())), "{effective:?}");
        assert!(effective.contains(&("quit", "q".to_string())), "defaults too: {effective:?}");
    }
}

//! The binding table: every key, where it works, what it does, and the words the footer and the
//! help overlay show for it. Read top to bottom, it is the app's keys.

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

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
    /// Open the plan in the editor, and use it again once the editor closes.
    EditPlan,
    /// Open the selected exercise's trend, records and sets.
    ExerciseDetail,
    /// Pin a note to the selected exercise (seat height, grip, cues), or change or remove it.
    PinNote,
    /// Log a drop set, rest-pause or myo-reps carrying on the working set just done.
    TechniqueSet,
    /// The set form of a one-sided exercise: each side, or left and right apart.
    SidesApart,
    /// Show the trend over 12 weeks, a year, or all time.
    CycleRange,
    /// Chart the best e1RM, the top weight or the effective sets of each week.
    CycleChart,
    /// Find any exercise by typing part of its name, and open its detail.
    FindExercise,
    /// Exercise detail: list weeks (top set, best e1RM) or sets.
    ToggleWeeks,
    /// History: back to this week.
    ThisWeek,
    /// History: go to the week of a date.
    GoToDate,
    /// History and Week: the nearest week before with a session.
    PrevTrainedWeek,
    /// History and Week: the nearest week after with a session.
    NextTrainedWeek,
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
    /// The set form of a drop set, rest-pause or myo-reps, where ←→ pick the technique (its
    /// other keys are the form's).
    TechniqueForm,
    /// The RIR calibration question.
    Guess,
    /// The exercise detail.
    Detail,
    /// The go-to-date prompt.
    GoTo,
    /// The summary shown when a session is finished.
    Summary,
    /// The note pinned to an exercise.
    PinNote,
    /// An exercise being made from the add picker.
    NewExercise,
}

impl Context {
    /// The heading used in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Anywhere",
            Context::Checklist => "Today's sets",
            Context::Form => "Set entry",
            Context::TechniqueForm => "Set entry: drop set, rest-pause, myo-reps",
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
            Context::Summary => "Session summary",
            Context::PinNote => "Pinned note (n on an exercise)",
            Context::NewExercise => "New exercise (the add picker's create row)",
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
    /// What it does, in the help overlay and docs/keys.md.
    pub help: &'static str,
    /// The same in the footer's few words (often the help's own).
    pub short: &'static str,
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
        bind!($ctx, [$($key),+], $label, $action, $help, $help, $footer)
    };
    ($ctx:ident, [$($key:expr),+], $label:expr, $action:expr, $help:expr, $short:expr, $footer:expr) => {
        Binding {
            keys: Cow::Borrowed(&[$($key),+]),
            label: Cow::Borrowed($label),
            context: Context::$ctx,
            action: $action,
            help: $help,
            short: $short,
            footer: $footer,
        }
    };
}

/// Every binding, most specific contexts first within each key. Two moves that go together
/// (up and down, previous and next) are written one after the other, the first naming both:
/// the help overlay shows them as one row.
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
    bind!(HelpOverlay, [(KeyCode::Up, NONE), ch('k')], "↑↓", Action::Up, "scroll", true),
    bind!(HelpOverlay, [(KeyCode::Down, NONE), ch('j')], "↓/j", Action::Down, "scroll down", false),
    // The digits are typed into the line's answer: the binding names them for the footer, the
    // help and the docs.
    bind!(
        CheckIn,
        [ch('1'), ch('2'), ch('3'), ch('4'), ch('5')],
        "1-5",
        Action::Input('1'),
        "score the line (1 worst, 5 best)",
        "score",
        true
    ),
    bind!(CheckIn, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "save the check-in", "save", true),
    bind!(CheckIn, [(KeyCode::Up, NONE), ch('k')], "↑↓", Action::Up, "line above / below", "line", true),
    bind!(CheckIn, [(KeyCode::Down, NONE), ch('j')], "↓", Action::Down, "line below", false),
    bind!(CheckIn, [(KeyCode::Esc, NONE), ch('s')], "Esc", Action::Back, "skip the check-in", "skip", true),
    bind!(CheckIn, [(KeyCode::Backspace, NONE)], "Bksp", Action::Backspace, "erase the body weight", false),
    bind!(Summary, [(KeyCode::Enter, NONE), (KeyCode::Esc, NONE)], "Enter/Esc", Action::Back, "close", true),
    bind!(Summary, [(KeyCode::Up, NONE), ch('k')], "↑↓", Action::Up, "scroll up / down", "scroll", true),
    bind!(Summary, [(KeyCode::Down, NONE), ch('j')], "↓/j", Action::Down, "scroll down", false),
    bind!(Guess, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "save the guess", true),
    bind!(Guess, [(KeyCode::Backspace, NONE)], "Bksp", Action::Backspace, "erase", false),
    bind!(Guess, [(KeyCode::Esc, NONE)], "Esc", Action::Back, "skip", true),
    bind!(PinNote, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "save (empty removes)", true),
    bind!(PinNote, [(KeyCode::Backspace, NONE)], "Bksp", Action::Backspace, "erase", true),
    bind!(PinNote, [(KeyCode::Esc, NONE)], "Esc", Action::Back, "cancel", true),
    bind!(NewExercise, [(KeyCode::Up, NONE), ch('k')], "↑↓", Action::Up, "choose", true),
    bind!(NewExercise, [(KeyCode::Down, NONE), ch('j')], "↓", Action::Down, "choose below", false),
    bind!(NewExercise, [ch(' ')], "Space", Action::Input(' '), "tick a muscle", true),
    bind!(NewExercise, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "next", true),
    bind!(NewExercise, [(KeyCode::Backspace, NONE)], "Bksp", Action::Backspace, "back a step", true),
    bind!(NewExercise, [(KeyCode::Esc, NONE)], "Esc", Action::Back, "cancel", true),
    // The form of a technique set: ←→ pick the technique; its other keys are the form's.
    bind!(
        TechniqueForm,
        [(KeyCode::Left, NONE), ch('h')],
        "←→",
        Action::Left,
        "technique before / after",
        "technique",
        true
    ),
    bind!(TechniqueForm, [(KeyCode::Right, NONE), ch('l')], "→/l", Action::Right, "technique after", false),
    // The form.
    bind!(Form, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "next / save", true),
    bind!(Form, [(KeyCode::Up, NONE), ch('k')], "↑↓", Action::Up, "field above / below", "field", true),
    bind!(Form, [(KeyCode::Down, NONE), ch('j')], "↓/j", Action::Down, "field below", false),
    bind!(Form, [(KeyCode::Left, NONE), ch('h')], "←→", Action::Left, "RIR ½ less / more", "RIR -/+ ½", true),
    bind!(Form, [(KeyCode::Right, NONE), ch('l')], "→/l", Action::Right, "RIR ½ more", false),
    bind!(Form, [ch('f')], "f", Action::ToggleFormBroke, "form broke", true),
    bind!(Form, [ch('a')], "a", Action::SidesApart, "left and right sides apart", "L/R apart", false),
    bind!(Form, [(KeyCode::Backspace, NONE)], "Bksp", Action::Backspace, "erase", false),
    bind!(Form, [(KeyCode::Esc, NONE)], "Esc", Action::Back, "to checklist", true),
    // Today's checklist.
    bind!(Checklist, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "log / edit set", true),
    bind!(Checklist, [(KeyCode::Up, NONE), ch('k')], "↑↓", Action::Up, "move up / down", "move", true),
    bind!(Checklist, [(KeyCode::Down, NONE), ch('j')], "↓/j", Action::Down, "move down", false),
    bind!(Checklist, [ch('x')], "x", Action::SkipExercise, "skip exercise", true),
    bind!(Checklist, [ch('a')], "a", Action::AddExercise, "add exercise", true),
    bind!(Checklist, [ch('d'), (KeyCode::Delete, NONE)], "d", Action::DeleteSet, "delete set", false),
    bind!(Checklist, [ch('u')], "u", Action::UndoLast, "undo last set", true),
    bind!(Checklist, [ch('t')], "t", Action::TechniqueSet, "drop set, rest-pause or myo-reps", "drop set", false),
    bind!(
        Checklist,
        [ch('['), (KeyCode::Left, NONE), ch('h')],
        "[ ]",
        Action::PrevDay,
        "previous / next plan day",
        "plan day",
        false
    ),
    bind!(Checklist, [ch(']'), (KeyCode::Right, NONE), ch('l')], "]", Action::NextDay, "next plan day", false),
    bind!(Checklist, [ch('m')], "m", Action::MarkDayDone, "mark rest day done", false),
    bind!(Checklist, [ch('E')], "E", Action::EndSession, "finish session", false),
    bind!(Checklist, [ch('D')], "D", Action::Deload, "start or end a deload week", false),
    bind!(Checklist, [ch('P')], "P", Action::EditPlan, "edit the plan", false),
    bind!(Checklist, [ch('i')], "i", Action::ExerciseDetail, "exercise trend and records", false),
    bind!(Checklist, [ch('n')], "n", Action::PinNote, "pin a note", false),
    bind!(Detail, [(KeyCode::Esc, NONE)], "Esc", Action::Back, "back", true),
    bind!(Detail, [ch('r')], "r", Action::CycleRange, "12 weeks / 1 year / all time", "range", true),
    bind!(Detail, [ch('c')], "c", Action::CycleChart, "chart: e1RM / top weight / effective sets", "chart", true),
    bind!(Detail, [ch('w')], "w", Action::ToggleWeeks, "list weeks or sets", "weeks/sets", true),
    bind!(
        Detail,
        [(KeyCode::Up, NONE), ch('k'), (KeyCode::PageUp, NONE)],
        "↑↓",
        Action::Up,
        "previous / next page of the list",
        "page",
        true
    ),
    bind!(
        Detail,
        [(KeyCode::Down, NONE), ch('j'), (KeyCode::PageDown, NONE)],
        "↓",
        Action::Down,
        "next page of the list",
        false
    ),
    // History.
    bind!(Sessions, [(KeyCode::Up, NONE), ch('k')], "↑↓", Action::Up, "session above / below", "session", true),
    bind!(Sessions, [(KeyCode::Down, NONE), ch('j')], "↓/j", Action::Down, "next session", false),
    bind!(Sessions, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "compare", true),
    bind!(
        Sessions,
        [(KeyCode::Left, NONE), ch('h'), ch('[')],
        "←→",
        Action::Left,
        "previous / next week",
        "week",
        true
    ),
    bind!(
        Sessions,
        [(KeyCode::Right, NONE), ch('l'), ch(']')],
        "→",
        Action::Right,
        "next week (up to this one)",
        false
    ),
    bind!(
        Sessions,
        [ch('{'), (KeyCode::PageUp, NONE)],
        "{ }",
        Action::PrevTrainedWeek,
        "previous / next week with sessions",
        "trained week",
        true
    ),
    bind!(
        Sessions,
        [ch('}'), (KeyCode::PageDown, NONE)],
        "}",
        Action::NextTrainedWeek,
        "week with sessions after",
        false
    ),
    bind!(Sessions, [ch('g')], "g", Action::GoToDate, "go to the week of a date", "go to date", true),
    bind!(Sessions, [ch('t')], "t", Action::ThisWeek, "back to this week", false),
    bind!(GoTo, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "go", true),
    bind!(GoTo, [(KeyCode::Backspace, NONE)], "Bksp", Action::Backspace, "erase", false),
    bind!(GoTo, [(KeyCode::Esc, NONE)], "Esc", Action::Back, "cancel", true),
    bind!(Comparison, [(KeyCode::Enter, NONE)], "Enter", Action::Enter, "exercise trend and records", "detail", true),
    bind!(Comparison, [(KeyCode::Up, NONE), ch('k')], "↑↓", Action::Up, "exercise above / below", "exercise", true),
    bind!(Comparison, [(KeyCode::Down, NONE), ch('j')], "↓/j", Action::Down, "next exercise", false),
    bind!(Comparison, [(KeyCode::Esc, NONE), (KeyCode::Left, NONE), ch('h')], "Esc", Action::Back, "sessions", true),
    bind!(Week, [(KeyCode::Left, NONE), ch('h'), ch('[')], "←→", Action::Left, "previous / next week", "week", true),
    bind!(Week, [(KeyCode::Right, NONE), ch('l'), ch(']')], "→", Action::Right, "next week", false),
    bind!(Week, [(KeyCode::Esc, NONE)], "Esc", Action::Back, "this week", true),
    bind!(
        Week,
        [ch('{'), (KeyCode::PageUp, NONE)],
        "{ }",
        Action::PrevTrainedWeek,
        "previous / next week with sessions",
        "trained week",
        true
    ),
    bind!(Week, [ch('}'), (KeyCode::PageDown, NONE)], "}", Action::NextTrainedWeek, "week with sessions after", false),
    bind!(Week, [(KeyCode::Up, NONE), ch('k')], "↑↓", Action::Up, "scroll up / down", "scroll", true),
    bind!(Week, [(KeyCode::Down, NONE), ch('j')], "↓/j", Action::Down, "scroll down", false),
    bind!(Week, [ch('g')], "g", Action::GoToDate, "go to the week of a date", "go to date", true),
    // The rest timer answers anywhere outside a text field.
    bind!(Rest, [ch('+'), ch('=')], "+/-", Action::RestPlus, "rest 15 s longer / shorter", "rest ±15s", true),
    bind!(Rest, [ch('-'), ch('_')], "-", Action::RestMinus, "rest -15s", false),
    bind!(Rest, [ch('s')], "s", Action::RestSkip, "skip rest", true),
    // Anywhere.
    bind!(Global, [(KeyCode::Tab, NONE)], "Tab", Action::NextPane, "next pane", "pane", true),
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
    Action::EditPlan,
    Action::ExerciseDetail,
    Action::PinNote,
    Action::TechniqueSet,
    Action::SidesApart,
    Action::CycleRange,
    Action::CycleChart,
    Action::ToggleWeeks,
    Action::ThisWeek,
    Action::GoToDate,
    Action::PrevTrainedWeek,
    Action::NextTrainedWeek,
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
            Action::EditPlan => "edit_plan",
            Action::ExerciseDetail => "exercise_detail",
            Action::PinNote => "pin_note",
            Action::TechniqueSet => "technique_set",
            Action::SidesApart => "sides_apart",
            Action::CycleRange => "cycle_range",
            Action::CycleChart => "cycle_chart",
            Action::FindExercise => "find_exercise",
            Action::ToggleWeeks => "weeks_or_sets",
            Action::ThisWeek => "this_week",
            Action::GoToDate => "go_to_date",
            Action::PrevTrainedWeek => "previous_trained_week",
            Action::NextTrainedWeek => "next_trained_week",
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
                | Context::Summary
                | Context::PinNote
                | Context::NewExercise
        )
    }

    /// Whether keys of both contexts can be read at the same moment: the same context, or a
    /// pane's with the rest timer's or the global ones (see [`Keymap::lookup`](super::Keymap::lookup)).
    pub(crate) fn active_with(self, other: Context) -> bool {
        let shared = |c: Context| matches!(c, Context::Rest | Context::Global);
        self == other || (!self.is_popup() && !other.is_popup() && (shared(self) || shared(other)))
    }
}

/// Moves that go together: written one after the other in a context, they share one footer
/// hint and one row of the help overlay.
pub const PAIRED_MOVES: &[(Action, Action)] = &[
    (Action::Up, Action::Down),
    (Action::Left, Action::Right),
    (Action::PrevDay, Action::NextDay),
    (Action::RestPlus, Action::RestMinus),
    (Action::PrevTrainedWeek, Action::NextTrainedWeek),
];

/// Bindings that share one footer hint: the first's label names both keys.
pub(crate) const PAIRED_LABELS: &[(Action, Action, &str)] = &[
    (Action::RestPlus, Action::RestMinus, "/"),
    (Action::PrevDay, Action::NextDay, " "),
    (Action::PrevTrainedWeek, Action::NextTrainedWeek, " "),
];

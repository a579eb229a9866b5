//! The keymap: one table that dispatches keys and also writes the footer and the help overlay,
//! so what the screen says a key does is what it does. The table itself is in `bindings.rs`;
//! reading `[keys]` from `config.toml` into a keymap is the settings' job (`config/keys.rs`).

mod bindings;
mod typing;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::model::units::Effort;

pub(crate) use bindings::PAIRED_LABELS;
pub use bindings::PAIRED_MOVES;
pub use bindings::{Action, BINDINGS, Binding, Context, OVERRIDABLE};
pub use typing::{FormField, Typed};

/// The keymap in use: the shipped bindings with the lifter's `[keys]` applied
/// (`Keymap::with_overrides`, in `config/keys.rs`).
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
    /// The keymap with the set form's picker keys named in the lifter's effort scale: "RPE -/+ ½"
    /// for a lifter who reads RPE (Right is the higher number in either scale), so the footer
    /// and help say it alike.
    #[must_use]
    pub fn in_scale(mut self, effort: Effort) -> Keymap {
        if effort == Effort::Rpe {
            for binding in self.bindings.iter_mut().filter(|b| b.context == Context::Form) {
                (binding.help, binding.short) = match binding.action {
                    Action::Left => ("RPE ½ lower / higher", "RPE -/+ ½"),
                    Action::Right => ("RPE ½ higher", "RPE ½ higher"),
                    _ => (binding.help, binding.short),
                };
            }
        }
        self
    }

    /// Every binding, in order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Every binding, to change: what `[keys]` moves.
    pub(crate) fn bindings_mut(&mut self) -> &mut [Binding] {
        &mut self.bindings
    }

    /// The binding of an action outside popups.
    pub(crate) fn binding(&self, action: Action) -> Option<&Binding> {
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
                .map(|b| match (b.action, key.code) {
                    // A binding of typed characters hands on the character typed.
                    (Action::Input(_), KeyCode::Char(c)) => Action::Input(c),
                    (action, _) => action,
                })
        })
    }

    /// The footer hints for the given contexts: `(keys, words)` pairs. An action a context
    /// before has already named is not named again (the technique form's ←→ over the form's).
    pub fn footer(&self, contexts: &[Context]) -> Vec<(&str, &'static str)> {
        let mut named: Vec<Action> = Vec::new();
        let mut hints = Vec::new();
        for &context in contexts {
            let mine: Vec<&Binding> = self.bindings.iter().filter(|b| b.context == context).collect();
            for b in mine.iter().filter(|b| b.footer && !named.contains(&b.action)) {
                hints.push((b.label.as_ref(), b.short));
            }
            named.extend(mine.iter().map(|b| b.action));
        }
        hints
    }

    /// A context's heading in the help overlay, naming keys as they are now.
    pub fn title(&self, context: Context) -> String {
        match context {
            Context::Picker => format!(
                "Exercise picker ({} adds, {} finds)",
                self.key_label(Action::AddExercise),
                self.key_label(Action::FindExercise)
            ),
            Context::PinNote => format!("Pinned note ({} on an exercise)", self.key_label(Action::PinNote)),
            other => other.title().to_string(),
        }
    }

    /// Help overlay lines: a heading per context, then `keys  words` for every binding.
    pub fn help_sections(&self) -> Vec<(Context, Vec<(String, &'static str)>)> {
        let order = [
            Context::Global,
            Context::Checklist,
            Context::Form,
            Context::TechniqueForm,
            Context::Rest,
            Context::Sessions,
            Context::Comparison,
            Context::Week,
            Context::Detail,
            Context::GoTo,
            Context::Summary,
            Context::Picker,
            Context::NewExercise,
            Context::PinNote,
            Context::CheckIn,
            Context::Guess,
            Context::Confirm,
            Context::HelpOverlay,
        ];
        order.iter().map(|&context| (context, self.help_rows(context))).collect()
    }

    /// A context's rows in the help overlay: each binding's keys and words, two moves that go
    /// together (up and down, previous and next) as one row naming both: `↑/↓ or k/j`.
    fn help_rows(&self, context: Context) -> Vec<(String, &'static str)> {
        let mine: Vec<&Binding> = self.bindings.iter().filter(|b| b.context == context).collect();
        let mut rows = Vec::new();
        let mut i = 0;
        while i < mine.len() {
            let b = mine[i];
            match mine.get(i + 1).filter(|next| PAIRED_MOVES.contains(&(b.action, next.action))) {
                Some(next) => {
                    rows.push((pair_names(b, next), b.help));
                    i += 2;
                }
                None => {
                    rows.push((key_names(b), b.help));
                    i += 1;
                }
            }
        }
        rows
    }

    /// How many lines the help overlay has (headings, rows and blank lines between sections; a
    /// row whose keys are wider than [`HELP_KEYS_WIDTH`] takes two).
    pub fn help_line_count(&self) -> u16 {
        let sections = self.help_sections();
        let tall =
            |keys: &String| if unicode_width::UnicodeWidthStr::width(keys.as_str()) > HELP_KEYS_WIDTH { 2 } else { 1 };
        let rows: usize = sections.iter().map(|(_, rows)| rows.iter().map(|(k, _)| tall(k)).sum::<usize>() + 2).sum();
        u16::try_from(rows).unwrap_or(u16::MAX)
    }
}

/// The help overlay's column of keys: wider keys take a line of their own, the words under them.
pub const HELP_KEYS_WIDTH: usize = 18;

/// How many lines the help overlay has with the shipped keymap.
pub fn help_line_count() -> u16 {
    Keymap::default().help_line_count()
}

/// A binding's keys as the help overlay writes them: `q, Ctrl-c`; digits in a row as `1-5`.
fn key_names(binding: &Binding) -> String {
    let names = unique_names(binding);
    let digits: Vec<u32> = binding
        .keys
        .iter()
        .filter_map(|&(code, _)| if let KeyCode::Char(c) = code { c.to_digit(10) } else { None })
        .collect();
    if names.len() > 2 && digits.len() == names.len() && digits.windows(2).all(|w| w[1] == w[0] + 1) {
        return format!("{}-{}", names[0], names[names.len() - 1]);
    }
    names.join(", ")
}

/// Two bindings that go together, key by key: `↑/↓ or k/j`, `[/] or ←/→ or h/l`.
fn pair_names(first: &Binding, second: &Binding) -> String {
    let (a, b) = (unique_names(first), unique_names(second));
    let mut groups: Vec<String> = a.iter().zip(&b).map(|(x, y)| format!("{x}/{y}")).collect();
    groups.extend(a.iter().skip(b.len()).chain(b.iter().skip(a.len())).cloned());
    groups.join(" or ")
}

fn unique_names(binding: &Binding) -> Vec<String> {
    let mut unique: Vec<String> = Vec::new();
    for name in binding.keys.iter().map(|&key| key_name(key)) {
        if !unique.contains(&name) {
            unique.push(name);
        }
    }
    unique
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

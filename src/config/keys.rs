//! `[keys]`: how `config.toml` writes a key, which keys it may give which action, and the
//! keymap it makes. A refused entry is an error with its line and column when the settings are
//! read, never a surprise in the app.

use std::borrow::Cow;
use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use serde::Serializer;
use toml::Spanned;

use crate::keymap::{Action, BINDINGS, Context, FormField, Keymap, OVERRIDABLE, PAIRED_LABELS, key_name};
use crate::model::text;

const NONE: KeyModifiers = KeyModifiers::NONE;

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
fn parse_key(text: &str) -> Result<(KeyCode, KeyModifiers), String> {
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
fn key_text((code, mods): (KeyCode, KeyModifiers)) -> String {
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
    let names = FormField::typing(c);
    match names.as_slice() {
        [] => None,
        [one] => Some(format!("{one} field")),
        [init @ .., last] => Some(format!("{} and {last} fields", init.join(", "))),
    }
}

/// Applying `[keys]` to the shipped keymap, and reading it back.
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
            for binding in keymap.bindings_mut().iter_mut().filter(|b| b.action == action && !b.context.is_popup()) {
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
                for binding in keymap.bindings_mut().iter_mut().filter(|b| b.action == action && b.context.is_popup()) {
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
                for binding in keymap.bindings_mut().iter_mut().filter(|b| b.action == first && !b.context.is_popup()) {
                    binding.label = Cow::Owned(label.clone());
                }
            }
        }
        keymap.check(&overridden)?;
        Ok(keymap)
    }

    /// Refuses a key that would do two things at once, naming both actions.
    fn check(&self, overridden: &[Action]) -> Result<(), KeyError> {
        for (i, a) in self.bindings().iter().enumerate() {
            for b in &self.bindings()[i + 1..] {
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

    /// Every action `[keys]` can move, with the key in force written as `config.toml` writes
    /// it: what `hardset config show` lists, and what reads back as the same keymap.
    pub fn effective_keys(&self) -> Vec<(&'static str, String)> {
        OVERRIDABLE
            .iter()
            .filter_map(|&action| Some((action.name(), key_text(*self.binding(action)?.keys.first()?))))
            .collect()
    }
}

/// `[keys]` as in effect: every action it can move, with its key (moved or shipped), written as
/// the file takes it. A refused `[keys]` never gets this far; were it to, the shipped keys show.
pub(super) fn serialize_keys<S: Serializer>(
    keys: &BTreeMap<Spanned<String>, Spanned<String>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let keys = cleaned_keys(keys);
    let keymap =
        Keymap::with_overrides(keys.iter().map(|(name, key)| (name.as_str(), key.as_str()))).unwrap_or_default();
    let effective = keymap.effective_keys();
    let mut map = s.serialize_map(Some(effective.len()))?;
    for (name, key) in &effective {
        map.serialize_entry(name, key)?;
    }
    map.end()
}

/// `[keys]` as the keymap reads it: each action's name and key cleaned as a name is.
pub(super) fn cleaned_keys(keys: &BTreeMap<Spanned<String>, Spanned<String>>) -> Vec<(String, String)> {
    keys.iter().map(|(name, key)| (text::clean_line(name.get_ref()), text::clean_line(key.get_ref()))).collect()
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyEvent;

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
        let keymap = Keymap::with_overrides([("add_exercise", "o")]).expect("no clash");
        assert_eq!(keymap.title(Context::Picker), "Exercise picker (o adds, / finds)");
        let keymap = Keymap::with_overrides([("pin_note", "N")]).expect("no clash");
        assert_eq!(keymap.title(Context::PinNote), "Pinned note (N on an exercise)");
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
            assert!(error.message.contains("Weight, Reps, RIR, Time and Distance fields"), "{name}: {}", error.message);
            assert!(error.message.contains(name), "{}", error.message);
            let error = Keymap::with_overrides([(name, ".")]).expect_err(name);
            assert!(error.message.contains("Weight, RIR and Distance fields"), "{name}: {}", error.message);
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

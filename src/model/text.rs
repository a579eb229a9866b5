//! Text from outside (files to import, the command line, the set form, the plan, the settings)
//! made safe to keep and to show.
//!
//! Every text field is cleaned where it enters: control characters (C0, DEL and C1), which can
//! retitle, clear or write to a terminal and its clipboard, and invisible formatting (bidi
//! controls, zero-width characters), which can reorder what is shown or make two different
//! names look the same. A note keeps its tabs and line breaks; a name is one line. A message
//! that quotes what was given shows those characters as visible escapes (`\u{1b}`) instead.
//! A CSV field a spreadsheet would run as a formula is written with a leading `'`, and read
//! back without it.

use std::borrow::Cow;

/// Invisible formatting that can reorder text or make two texts look alike: the bidi controls
/// (ALM, LRM, RLM, LRE..RLO, LRI..PDI), zero-width spaces and joiners, word joiner, invisible
/// operators and deprecated format controls, the byte-order mark, interlinear annotation marks,
/// the soft hyphen, the Mongolian vowel separator and the tag characters.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{061c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

/// Whether `c` is taken out of every text: a control character or invisible formatting.
fn is_unwanted(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

/// A note as the log keeps it: tabs and line breaks stay (a carriage return, alone or before a
/// line feed, is a line break), every other control character and all invisible formatting go.
pub fn clean_note(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unwanted(c) && c != '\t' && c != '\n') {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    clean.push('\n');
                }
            }
            '\t' | '\n' => clean.push(c),
            c if is_unwanted(c) => {}
            c => clean.push(c),
        }
    }
    Cow::Owned(clean)
}

/// A name, or any one-line text, as the log keeps it: control characters and invisible
/// formatting taken out, whitespace (tabs and line breaks included) one space between words,
/// none at either end. Two names that differ only by what is taken out are the same name.
pub fn clean_line(text: &str) -> String {
    let mut clean = String::with_capacity(text.len());
    for word in text.split(char::is_whitespace) {
        let mut word = word.chars().filter(|&c| !is_unwanted(c)).peekable();
        if word.peek().is_some() {
            if !clean.is_empty() {
                clean.push(' ');
            }
            clean.extend(word);
        }
    }
    clean
}

/// `text` for a message that quotes it: every control character and invisible formatting shown
/// as a visible escape (`\n`, `\t`, `\r`, `\u{1b}`, `\u{202e}`), so what was given can be seen
/// and cannot act on the terminal.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_keeping(text, &[])
}

/// Text bound for the terminal as a whole (a command's output, an error): like [`escape`],
/// but line breaks and tabs stay as they are.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    escape_keeping(text, &['\n', '\t'])
}

fn escape_keeping<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    let unwanted = |c: char| is_unwanted(c) && !keep.contains(&c);
    if !text.chars().any(unwanted) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            c if !unwanted(c) => shown.push(c),
            '\n' => shown.push_str("\\n"),
            '\t' => shown.push_str("\\t"),
            '\r' => shown.push_str("\\r"),
            c => shown.extend(c.escape_unicode()),
        }
    }
    Cow::Owned(shown)
}

/// The characters that make a spreadsheet read a cell as a formula when they open it (and a
/// tab, which some strip before looking).
const FORMULA_STARTS: [char; 5] = ['=', '+', '-', '@', '\t'];

/// Whether `text` is guarded: any run of `'` and then a formula start. Such a text gets one
/// more `'` when written, so a text that already began with `'=` reads back as it was.
fn starts_like_a_formula(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A text field for a CSV file: a text a spreadsheet would run as a formula (`=1+2`, `+`, `-`,
/// `@`, a leading tab) gets a leading `'`, which spreadsheets show as text and do not display.
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    if starts_like_a_formula(text) { Cow::Owned(format!("'{text}")) } else { Cow::Borrowed(text) }
}

/// A CSV field read back: the `'` [`spreadsheet_safe`] added is taken off again, so hardset's
/// own files read back exactly. Any other text, `'tis` included, is left alone.
pub fn without_spreadsheet_guard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if starts_like_a_formula(rest) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_keep_tabs_and_line_breaks_and_lose_controls() {
        assert_eq!(clean_note("a\tb\nc"), "a\tb\nc");
        assert!(matches!(clean_note("plain"), Cow::Borrowed(_)));
        assert_eq!(clean_note("one\r\ntwo\rthree"), "one\ntwo\nthree");
        assert_eq!(clean_note("\u{1b}]0;x\u{7}\u{1b}[2Jok\u{9b}1m\u{7f}"), "]0;x[2Jok1m");
        assert_eq!(clean_note("a\u{202e}b\u{200b}c\u{feff}d\u{2066}e\u{061c}f"), "abcdef");
    }

    #[test]
    fn names_are_one_line_of_what_shows() {
        assert_eq!(clean_line("  Bench \t press\r\n"), "Bench press");
        assert_eq!(clean_line("Bench\u{200b} press"), clean_line("Bench press\u{feff}"));
        assert_eq!(clean_line("\u{202e}Bench\u{7} press\u{200e}"), "Bench press");
        assert_eq!(clean_line("\u{1b}[2J"), "[2J");
        assert_eq!(clean_line("\u{200b} \u{7}"), "");
        assert_eq!(clean_line("Café 卧推 🏋"), "Café 卧推 🏋");
    }

    #[test]
    fn escapes_show_what_was_hidden() {
        assert_eq!(escape("\u{1b}]0;x\u{7}"), "\\u{1b}]0;x\\u{7}");
        assert_eq!(escape("a\nb\tc\rd\u{202e}"), "a\\nb\\tc\\rd\\u{202e}");
        assert_eq!(for_terminal("a\nb\tc\u{9b}"), "a\nb\tc\\u{9b}");
        assert!(matches!(escape("Bench press 100 kg"), Cow::Borrowed(_)));
    }

    proptest::proptest! {
        #[test]
        fn nothing_hidden_gets_through_any_text(text in "\\PC{0,40}|[\\x00-\\x{a0}\\x{200b}-\\x{206f}\\x{feff}a=' ]{0,40}") {
            let hidden = |c: char| c.is_control() || is_invisible(c);
            proptest::prop_assert!(!clean_note(&text).chars().any(|c| hidden(c) && c != '\n' && c != '\t'));
            proptest::prop_assert!(!clean_line(&text).chars().any(|c| hidden(c) || c.is_whitespace() && c != ' '));
            proptest::prop_assert!(!escape(&text).chars().any(hidden));
            proptest::prop_assert!(!for_terminal(&text).chars().any(|c| hidden(c) && c != '\n' && c != '\t'));
            proptest::prop_assert_eq!(clean_line(&clean_line(&text)), clean_line(&text));
            let note = clean_note(&text).into_owned();
            proptest::prop_assert_eq!(clean_note(&note), note.as_str());
            let written = spreadsheet_safe(&text).into_owned();
            proptest::prop_assert_eq!(without_spreadsheet_guard(&written), text.as_str());
        }
    }

    #[test]
    fn formulas_are_guarded_and_read_back_exactly() {
        for text in ["=1+2", "+1", "-1", "@SUM(A1)", "\t=x", "'=x", "''+x", "'tis", "plain", "", "'", "a=b"] {
            let written = spreadsheet_safe(text);
            assert_eq!(without_spreadsheet_guard(&written), text, "{text:?} written as {written:?}");
        }
        assert_eq!(spreadsheet_safe("=1+2"), "'=1+2");
        assert_eq!(spreadsheet_safe("'=x"), "''=x");
        assert_eq!(spreadsheet_safe("'tis"), "'tis");
        assert_eq!(spreadsheet_safe("a=b"), "a=b");
    }
}

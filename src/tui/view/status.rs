//! The status line's text in its width: a message that ends in a key hint (`· t drop set`, after
//! a saved working set) keeps the hint whole when the line is too narrow, and the description
//! before it is cut with `…` instead. A long exercise name must not hide the key that carries a
//! set on.

use unicode_width::UnicodeWidthStr;

use super::truncate;

/// Where a message's key hint starts: its last ` · ` segment.
const HINT: &str = " · ";

/// `text` in `width` columns: whole when it fits; else the part before its last ` · ` cut so
/// that hint fits beside it; else (no hint, or the hint alone is too wide) cut at the end.
pub(super) fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let Some(at) = text.rfind(HINT) else { return truncate(text, width) };
    let (head, hint) = text.split_at(at);
    // The head keeps a few columns of its own, or the line says nothing of what it is about.
    let room = width.saturating_sub(hint.width());
    if room < 12 {
        return truncate(text, width);
    }
    format!("{}{hint}", truncate(head, room))
}

#[cfg(test)]
mod tests {
    use super::fit;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn a_message_that_fits_is_left_alone() {
        assert_eq!(fit("Saved Plank 1:05, rest 1m30s", 79), "Saved Plank 1:05, rest 1m30s");
    }

    #[test]
    fn a_long_message_keeps_its_key_hint_and_cuts_the_description() {
        let text = "Saved Smith machine incline bench press 102.5 kg x 10 @ 0.5, rest 2m30s · t drop set";
        let shown = fit(text, 79);
        assert_eq!(shown.width(), 79);
        assert!(shown.ends_with("… · t drop set"), "{shown}");
        assert!(shown.starts_with("Saved Smith machine incline bench press 102.5 kg x 10"), "{shown}");
    }

    #[test]
    fn without_a_hint_or_room_for_one_the_end_is_cut() {
        let plain = "Deleted Smith machine incline bench press 102.5 kg x 10 @ 0.5 and its drop sets";
        assert_eq!(fit(plain, 40).width(), 40);
        assert!(fit(plain, 40).ends_with('…'));
        let hint = "Saved Smith machine incline bench press · t drop set";
        assert_eq!(fit(hint, 20), "Saved Smith machine…", "a hint with no room for the head is cut");
    }
}

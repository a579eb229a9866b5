//! Large digits for the rest countdown, readable from the bench.

const DIGITS: [[&str; 5]; 10] = [
    ["███", "█ █", "█ █", "█ █", "███"],
    ["  █", "  █", "  █", "  █", "  █"],
    ["███", "  █", "███", "█  ", "███"],
    ["███", "  █", "███", "  █", "███"],
    ["█ █", "█ █", "███", "  █", "  █"],
    ["███", "█  ", "███", "  █", "███"],
    ["███", "█  ", "███", "█ █", "███"],
    ["███", "  █", "  █", "  █", "  █"],
    ["███", "█ █", "███", "█ █", "███"],
    ["███", "█ █", "███", "  █", "███"],
];

const COLON: [&str; 5] = [" ", "█", " ", "█", " "];

/// Five rows of text drawing `text` (digits and `:`) in large type.
pub fn render(text: &str) -> [String; 5] {
    let mut rows: [String; 5] = Default::default();
    for (i, c) in text.chars().enumerate() {
        for (row, line) in rows.iter_mut().enumerate() {
            if i > 0 {
                line.push(' ');
            }
            match c {
                '0'..='9' => line.push_str(DIGITS[c as usize - '0' as usize][row]),
                ':' => line.push_str(COLON[row]),
                _ => line.push(' '),
            }
        }
    }
    rows
}

/// The width [`render`] takes for `text`.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| if c == ':' { 1 } else { 3 }).sum::<usize>() + text.chars().count().saturating_sub(1)
}

//! Supersets and circuits: `group = "A"` on consecutive exercises of a day. The plan's labels
//! are checked here (one letter, the group's exercises one after another, two or more of
//! them), and each grouped exercise gets its place in the group: A1, A2, B1, B2, B3.

use std::ops::Range;

use crate::model::text;

/// One exercise's `group` as written, with where it is written, and where its name is.
pub(super) struct Written<'a> {
    /// The label as written and its span, if the exercise names a group.
    pub label: Option<(&'a str, Range<usize>)>,
    /// The exercise's name, for messages.
    pub name: &'a str,
}

/// The groups of a day's exercises, checked: each exercise's label (a capital letter) or
/// `None`. The error is the span to point at and what is wrong.
pub(super) fn check(day: &[Written<'_>]) -> Result<Vec<Option<String>>, (Range<usize>, String)> {
    let mut labels: Vec<Option<String>> = Vec::with_capacity(day.len());
    for (i, exercise) in day.iter().enumerate() {
        let Some((written, span)) = &exercise.label else {
            labels.push(None);
            continue;
        };
        let label = read_label(written).ok_or_else(|| {
            let shown = text::escape(written);
            (span.clone(), format!("'{shown}' is not a group label; write one letter, such as group = \"A\""))
        })?;
        let before = labels.last().cloned().flatten();
        if before.as_deref() != Some(label.as_str())
            && let Some(earlier) = labels.iter().position(|l| l.as_deref() == Some(label.as_str()))
        {
            let between = day[i - 1].name;
            return Err((
                span.clone(),
                format!(
                    "group {label} is split: '{}' is in it, then '{between}' is not; put a group's exercises one \
                     after another",
                    day[earlier].name
                ),
            ));
        }
        labels.push(Some(label));
    }
    for (i, label) in labels.iter().enumerate() {
        let Some(label) = label else { continue };
        let alone = labels.iter().filter(|l| l.as_ref() == Some(label)).count() == 1;
        if alone {
            let span = day[i].label.as_ref().map_or(0..0, |(_, s)| s.clone());
            return Err((
                span,
                format!(
                    "group {label} holds only '{}'; a superset is two or more exercises back to back: give the \
                     next one group = \"{label}\" too, or remove this one",
                    day[i].name
                ),
            ));
        }
    }
    Ok(labels)
}

/// A group label as written: one letter, any case, read as a capital.
fn read_label(written: &str) -> Option<String> {
    let cleaned = text::clean_line(written);
    let mut chars = cleaned.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Some(c.to_ascii_uppercase().to_string()),
        _ => None,
    }
}

/// Each exercise's place in its group, `A1`, `A2`, from the groups of a list of exercises in
/// order (a group's exercises are consecutive); `None` for an exercise in no group.
pub fn places<'a>(groups: impl IntoIterator<Item = Option<&'a str>>) -> Vec<Option<String>> {
    let mut places = Vec::new();
    let mut previous: Option<&str> = None;
    let mut position = 0;
    for group in groups {
        match group {
            Some(label) => {
                position = if previous == Some(label) { position + 1 } else { 1 };
                places.push(Some(format!("{label}{position}")));
            }
            None => places.push(None),
        }
        previous = group;
    }
    places
}

/// "superset" for two exercises, "circuit" for more.
pub fn kind_of(members: usize) -> &'static str {
    if members > 2 { "circuit" } else { "superset" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day<'a>(labels: &[(Option<&'a str>, &'a str)]) -> Vec<Written<'a>> {
        labels
            .iter()
            .enumerate()
            .map(|(i, (l, name))| Written { label: l.map(|l| (l, i * 10..i * 10 + 1)), name })
            .collect()
    }

    #[test]
    fn labels_are_one_letter_read_as_capitals() {
        let checked = check(&day(&[(Some("a"), "x"), (Some("A"), "y"), (None, "z")])).expect("fine");
        assert_eq!(checked, vec![Some("A".into()), Some("A".into()), None]);
        for bad in ["", "AB", "1", "é", " ", "A1"] {
            let (span, message) = check(&day(&[(Some(bad), "x"), (Some(bad), "y")])).expect_err(bad);
            assert_eq!(span, 0..1, "{bad}");
            assert!(message.contains("is not a group label"), "{message}");
        }
    }

    #[test]
    fn a_group_is_consecutive_and_two_or_more() {
        let (span, message) = check(&day(&[(Some("A"), "x"), (None, "y"), (Some("A"), "z")])).expect_err("split");
        assert_eq!(span, 20..21);
        assert!(message.contains("group A is split: 'x' is in it, then 'y' is not"), "{message}");
        let (span, message) = check(&day(&[(Some("A"), "x"), (Some("B"), "y"), (Some("B"), "z")])).expect_err("one");
        assert_eq!(span, 0..1);
        assert!(message.contains("group A holds only 'x'"), "{message}");
        let (span, _) = check(&day(&[(Some("A"), "x"), (Some("A"), "y"), (Some("B"), "z")])).expect_err("one");
        assert_eq!(span, 20..21);
    }

    #[test]
    fn places_count_within_each_group() {
        let places = places([Some("A"), Some("A"), None, Some("B"), Some("B"), Some("B")]);
        let shown: Vec<_> = places.iter().map(|p| p.as_deref().unwrap_or("-")).collect();
        assert_eq!(shown, ["A1", "A2", "-", "B1", "B2", "B3"]);
        assert_eq!(kind_of(2), "superset");
        assert_eq!(kind_of(3), "circuit");
    }
}

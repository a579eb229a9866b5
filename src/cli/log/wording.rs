//! What `hardset log` says of a set typed in a way lifters often do but the log does not read:
//! a unit written into the set (`100lbsx8@1`) or a load with a minus (`-60x5@1`). Said in the
//! lifter's words, with the set written as it should be, before the plain checks of the set.

use crate::model::text::escape;

/// The unit words a lifter writes after a load.
const UNIT_WORDS: &[(&str, &str)] = &[
    ("kgs", "kg"),
    ("kg", "kg"),
    ("kilos", "kg"),
    ("kilo", "kg"),
    ("lbs", "lb"),
    ("lb", "lb"),
    ("pounds", "lb"),
    ("pound", "lb"),
];

/// Why a set as typed (after any side or technique prefix) is refused, when it is one of the
/// forms this module explains; `None` leaves it to the set's own checks.
pub(in crate::cli) fn misread(text: &str, bodyweight: bool) -> Option<String> {
    let trimmed = text.trim();
    if is_negative_load(trimmed) {
        return Some(negative_load(trimmed, bodyweight));
    }
    let (weight, rest) = trimmed.split_once(['x', 'X', '×'])?;
    let lower = weight.trim().to_ascii_lowercase();
    let (number, unit) =
        UNIT_WORDS.iter().find_map(|(word, unit)| lower.strip_suffix(word).map(|number| (number.trim_end(), *unit)))?;
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let shown = escape(trimmed);
    Some(format!(
        "'{shown}': the unit goes in --unit, not in the set: write {}x{} --unit {unit}",
        escape(number),
        escape(rest.trim())
    ))
}

/// Whether a token is a set with a minus before its load: `-60x5@1`, `-.5x3`.
pub(in crate::cli) fn is_negative_load(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next() == Some('-') && chars.next().is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// A load is never negative; an assisted set on body weight is written `BW-60x5`.
pub(in crate::cli) fn negative_load(text: &str, bodyweight: bool) -> String {
    let shown = escape(text);
    let assisted = format!("BW{shown}");
    if bodyweight {
        format!("'{shown}': a load is never negative; an assisted set on body weight is {assisted}")
    } else {
        format!(
            "'{shown}': a load is never negative; write the weight moved ({}), or {assisted} for an assisted set \
             on a body weight exercise",
            escape(&text[1..])
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_in_the_set_is_sent_to_unit() {
        assert_eq!(
            misread("100lbsx8@1", false).as_deref(),
            Some("'100lbsx8@1': the unit goes in --unit, not in the set: write 100x8@1 --unit lb")
        );
        assert_eq!(
            misread("82.5KGx6", false).as_deref(),
            Some("'82.5KGx6': the unit goes in --unit, not in the set: write 82.5x6 --unit kg")
        );
        assert_eq!(
            misread("60 kg x 5", false).as_deref(),
            Some("'60 kg x 5': the unit goes in --unit, not in the set: write 60x5 --unit kg")
        );
        // Not a unit: left to the set's own checks.
        assert_eq!(misread("100x8@1", false), None);
        assert_eq!(misread("kgx8", false), None);
        assert_eq!(misread("BW+10kgx8", false), None);
    }

    #[test]
    fn a_minus_before_the_load_is_explained() {
        assert_eq!(
            misread("-60x5@1", false).as_deref(),
            Some(
                "'-60x5@1': a load is never negative; write the weight moved (60x5@1), or BW-60x5@1 for an \
                 assisted set on a body weight exercise"
            )
        );
        assert_eq!(
            misread("-20x8", true).as_deref(),
            Some("'-20x8': a load is never negative; an assisted set on body weight is BW-20x8")
        );
        assert_eq!(misread("BW-20x8", true), None);
        assert!(!is_negative_load("--unit"));
        assert!(!is_negative_load("-x"));
    }
}

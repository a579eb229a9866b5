//! What `hardset log` reads in a set beyond load, reps and effort: a technique set carrying on
//! the working set before it (`drop:60x6`, `rp:80x3`, `myo:80x4`).

use crate::model::session::{Side, Technique};

/// Splits a technique prefix off a set as typed: `drop:60x6` is a drop set of 60 x 6. The
/// prefixes are `drop`, `rp` or `rest-pause`, and `myo` or `myo-reps`, in any case. A prefix
/// that is none of these is refused with the ones there are; a set without one is `None`.
pub(super) fn technique_prefix(text: &str) -> Result<(Option<Technique>, &str), String> {
    let Some((prefix, rest)) = text.split_once(':') else { return Ok((None, text)) };
    let technique = match prefix.trim().to_ascii_lowercase().as_str() {
        "drop" | "d" => Technique::Drop,
        "rp" | "rest-pause" | "restpause" => Technique::RestPause,
        "myo" | "myo-reps" | "myoreps" => Technique::MyoReps,
        _ => {
            return Err(format!(
                "'{}': '{}' is not a technique; write drop:60x6, rp:80x3 or myo:80x4",
                crate::model::text::escape(text),
                crate::model::text::escape(prefix)
            ));
        }
    };
    Ok((Some(technique), rest))
}

/// Splits a side off a set as typed, for an exercise done one side at a time: `L20x9@1` is the
/// left side, `R20x8@0` the right, and a set with neither is each side alike (`per_side`). On
/// another exercise a side is refused.
pub(super) fn side_prefix<'a>(
    text: &'a str,
    exercise: &str,
    per_side: bool,
) -> Result<(Option<Side>, &'a str), String> {
    let mut chars = text.chars();
    let side = match (chars.next(), chars.next()) {
        (Some('L' | 'l'), Some(c)) if c.is_ascii_digit() => Some(Side::Left),
        (Some('R' | 'r'), Some(c)) if c.is_ascii_digit() => Some(Side::Right),
        _ => None,
    };
    match (side, per_side) {
        (Some(side), true) => Ok((Some(side), &text[1..])),
        (Some(_), false) => Err(format!(
            "'{}': {} is not done one side at a time, so it has no left or right",
            crate::model::text::escape(text),
            crate::model::text::escape(exercise)
        )),
        (None, true) => Ok((Some(Side::Each), text)),
        (None, false) => Ok((None, text)),
    }
}

/// Checks that each left side is followed by its right side and each right side follows its
/// left: `L20x9@1 R20x8@0`.
pub(super) fn check_pairs(sides: &[(Option<Side>, &str)]) -> Result<(), String> {
    for (i, (side, text)) in sides.iter().enumerate() {
        let text = crate::model::text::escape(text);
        match side {
            Some(Side::Left) if !matches!(sides.get(i + 1), Some((Some(Side::Right), _))) => {
                return Err(format!("'{text}': a left side is followed by its right side, as in L20x9@1 R20x8@0"));
            }
            Some(Side::Right) if i == 0 || !matches!(sides[i - 1].0, Some(Side::Left)) => {
                return Err(format!("'{text}': a right side follows its left side, as in L20x9@1 R20x8@0"));
            }
            _ => {}
        }
    }
    Ok(())
}

//! What `hardset log` reads in a set beyond load, reps and effort: a technique set carrying on
//! the working set before it (`drop:60x6`, `rp:80x3`, `myo:80x4`).

use crate::model::session::Technique;

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

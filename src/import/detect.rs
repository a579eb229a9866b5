//! Which app wrote a file, from its header.

use super::{ImportError, Source, reader};

/// Which app wrote a file, from its first line that is not blank (or `from`), and its
/// delimiter (`{` for JSON). `head` is the file's start; `whole` says whether it is all of it.
/// A first line too long or too wide to be a header is refused at its line.
pub(super) fn detect(head: &str, whole: bool, from: Option<Source>) -> Result<(Source, u8), ImportError> {
    let (number, first, ended) = match reader::first_line(head, whole) {
        Some(found) => found,
        None if whole => (1, "", true),
        None => return Err(ImportError::whole("the file starts with 1 MiB of blank lines: there is no header")),
    };
    if first.trim_start().starts_with('[') || first.trim_start().starts_with('{') {
        return match from {
            None | Some(Source::Hardset) => Ok((Source::Hardset, b'{')),
            Some(other) => Err(ImportError::whole(format!("this is a JSON file, not a {} export", other.name()))),
        };
    }
    if !ended {
        return Err(ImportError::at(number, reader::too_long()));
    }
    let (semicolons, commas) = (first.matches(';').count(), first.matches(',').count());
    let delimiter = if semicolons > commas { b';' } else { b',' };
    if semicolons.max(commas) >= reader::MAX_COLUMNS {
        return Err(ImportError::at(number, reader::too_wide()));
    }
    let names: Vec<String> =
        first.split(char::from(delimiter)).map(|n| n.trim().trim_matches('"').trim().to_lowercase()).collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    let found = if has("exercise_title") && has("set_type") {
        Some(Source::Hevy)
    } else if has("session_start") && has("set_kind") {
        Some(Source::Hardset)
    } else if has("exercise name") && has("set order") || super::languages::strong_header(&names).is_some() {
        Some(Source::Strong)
    } else if has("exercise") && has("category") && has("date") {
        Some(Source::Fitnotes)
    } else if has("exercise") && has("iswarmup") && has("date") {
        Some(Source::Fitbod)
    } else if has("workout datetime") && has("completed reps") {
        Some(Source::Liftosaur)
    } else {
        None
    };
    match (from, found) {
        // Told the wrong app, the file says so before anything else is asked of it (`--unit`).
        (Some(source), Some(other)) if other != source => Err(ImportError::at(
            number,
            format!(
                "this header is {}'s, not {}'s: run the import again without --from (or with --from {})",
                other.name(),
                source.name(),
                other.name().to_lowercase()
            ),
        )),
        (Some(source), _) => Ok((source, delimiter)),
        (None, Some(source)) => Ok((source, delimiter)),
        (None, None) => {
            let shown: String = first.chars().take(120).collect();
            let shown = crate::model::text::escape(&shown);
            Err(ImportError::whole(format!(
                "the first line does not look like an export from Strong, Hevy, FitNotes, Fitbod, Liftosaur or \
                 hardset: \"{shown}\" (say which with --from)"
            )))
        }
    }
}

//! A range as a plan writes it: `"6-10"`, `"8"` or `8` (reps, reps in reserve).

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawRange {
    One(u16),
    Text(String),
}

pub(super) fn parse_range(raw: &RawRange, max: u16, what: &str) -> Result<(u16, u16), String> {
    let (low, high) = match raw {
        RawRange::One(n) => (*n, *n),
        RawRange::Text(text) => {
            let parse = |s: &str| s.trim().parse::<u16>().ok();
            match text.split_once('-') {
                Some((a, b)) => match (parse(a), parse(b)) {
                    (Some(a), Some(b)) => (a, b),
                    _ => return Err(format!("'{text}' is not a {what}; write it like \"6-10\"")),
                },
                None => match parse(text) {
                    Some(n) => (n, n),
                    None => {
                        return Err(format!("'{text}' is not a {what}; write it like \"6-10\""));
                    }
                },
            }
        }
    };
    if low > high {
        return Err(format!("the {what} {low}-{high} runs backwards; write the smaller number first"));
    }
    if high > max {
        return Err(format!("a {what} above {max} is not a working set"));
    }
    Ok((low, high))
}

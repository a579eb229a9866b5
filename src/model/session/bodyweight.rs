//! Bodyweight loads as a lifter writes them: `BW` (the body alone), `BW+10` (a belt or vest
//! of 10), `BW-20` (20 of assistance, from a machine or a band). Case does not matter and
//! spaces around the sign are allowed (`bw + 10`).

use super::Basis;
use crate::model::text::escape;
use crate::model::units::{Effort, InputError, Load, Rir, parse_load, parse_set_reps};

/// Reads `text` as a bodyweight load when it starts with `BW` (any case): `None` when it does
/// not (a plain number, read by the caller), else the basis and the added or assisting load.
/// `BW`, `BW+0` and `BW-0` are the body alone (`BodyPlus` with no load): no assistance is no
/// assistance, never a negative one.
pub fn parse_bodyweight_load(text: &str) -> Option<Result<(Basis, Load), InputError>> {
    let trimmed = text.trim();
    let head = trimmed.get(..2)?;
    if !head.eq_ignore_ascii_case("bw") {
        return None;
    }
    let rest = trimmed[2..].trim();
    if rest.is_empty() {
        return Some(Ok((Basis::BodyPlus, Load::default())));
    }
    let (basis, number) = if let Some(n) = rest.strip_prefix('+') {
        (Basis::BodyPlus, n)
    } else if let Some(n) = rest.strip_prefix('-') {
        (Basis::Assisted, n)
    } else {
        return Some(Err(InputError::OutOfRange("write body weight as BW, BW+10 (added) or BW-20 (assisted)".into())));
    };
    let number = number.trim();
    if number.starts_with(['+', '-']) {
        return Some(Err(InputError::OutOfRange("one sign after BW: BW+10 or BW-20".into())));
    }
    Some(parse_load(number).map(|load| {
        let basis = if load.hundredths() == 0 { Basis::BodyPlus } else { basis };
        (basis, load)
    }))
}

/// A bodyweight set as `log` reads it: its basis, belt or assistance, reps and RIR.
pub type BodyweightSet = (Basis, Load, u16, Option<Rir>);

/// A set written `BWxREPS[@RIR]`, `BW+10x6@0` or `BW-20x10` (as `hardset log` takes it), a
/// bare `@` number read in the lifter's scale: `None` when the text does not start with `BW`.
pub fn parse_bodyweight_set_in(text: &str, effort: Effort) -> Option<Result<BodyweightSet, String>> {
    let (main, at) = match text.split_once('@') {
        Some((main, at)) => (main, Some(at)),
        None => (text, None),
    };
    let shown = escape(text);
    let Some((load, reps)) = main.split_once(['x', 'X', '\u{d7}']) else {
        let _bodyweight = parse_bodyweight_load(main)?;
        return Some(Err(format!("'{shown}' is not a set; write it as BWxREPS, BW+10x6@1 or BW-20x8@1")));
    };
    let parsed = parse_bodyweight_load(load)?;
    Some((|| {
        let (basis, load) = parsed.map_err(|e| format!("'{shown}': weight: {e}"))?;
        let reps = parse_set_reps(reps).map_err(|e| format!("'{shown}': reps: {e}"))?;
        let rir = match at {
            Some(at) => Some(effort.parse_at(at).map_err(|e| {
                let lower = at.trim().to_ascii_lowercase();
                let scale = if lower.starts_with("rpe") {
                    "RPE"
                } else if lower.starts_with("rir") {
                    "RIR"
                } else {
                    effort.label()
                };
                format!("'{shown}': {scale}: {e}")
            })?),
            None => None,
        };
        Ok((basis, load, reps, rir))
    })())
}

/// The load as the set form's weight field holds it: `80`, `BW`, `BW+10`, `BW-20` (no unit:
/// the form shows it beside the field).
pub fn load_field_text(basis: Basis, load: Load) -> String {
    match basis {
        Basis::Load => load.to_string(),
        Basis::BodyPlus if load.hundredths() == 0 => "BW".into(),
        Basis::BodyPlus => format!("BW+{load}"),
        Basis::Assisted if load.hundredths() == 0 => "BW".into(),
        Basis::Assisted => format!("BW-{load}"),
    }
}

/// The load a bodyweight set adds to the body, signed: a belt is positive, an assistance
/// negative, in hundredths. A plain load is its own hundredths.
pub fn signed_hundredths(basis: Basis, load: Load) -> i64 {
    match basis {
        Basis::Assisted => -load.hundredths(),
        Basis::Load | Basis::BodyPlus => load.hundredths(),
    }
}

/// The basis and load of a signed added load (see [`signed_hundredths`]): at or above zero a
/// belt (`BW` at zero), below it an assistance.
pub fn from_signed_hundredths(signed: i64) -> (Basis, Load) {
    if signed < 0 {
        (Basis::Assisted, Load::from_hundredths(-signed))
    } else {
        (Basis::BodyPlus, Load::from_hundredths(signed))
    }
}

/// The load as History's compact rows write it, unit against the number: `80kg`, `BW`,
/// `BW+10kg`, `BW-20kg` (never `0kg` for a set on the body's weight).
pub fn compact_load_text(basis: Basis, load: Load, unit: crate::model::units::Unit) -> String {
    match basis {
        Basis::Load => format!("{load}{unit}"),
        _ if load.hundredths() == 0 => "BW".into(),
        Basis::BodyPlus => format!("BW+{load}{unit}"),
        Basis::Assisted => format!("BW-{load}{unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Result<(Basis, String), String>> {
        parse_bodyweight_load(text).map(|r| r.map(|(b, l)| (b, l.to_string())).map_err(|e| e.to_string()))
    }

    #[test]
    fn bodyweight_loads_read_as_lifters_write_them() {
        assert_eq!(read("BW"), Some(Ok((Basis::BodyPlus, "0".into()))));
        assert_eq!(read("bw+10"), Some(Ok((Basis::BodyPlus, "10".into()))));
        assert_eq!(read(" Bw + 2,5 "), Some(Ok((Basis::BodyPlus, "2.5".into()))));
        assert_eq!(read("BW-20"), Some(Ok((Basis::Assisted, "20".into()))));
        // No assistance is the body alone, never a negative assistance.
        assert_eq!(read("BW-0"), Some(Ok((Basis::BodyPlus, "0".into()))));
        assert_eq!(read("80"), None, "a plain number is the caller's");
        assert_eq!(read(""), None);
        assert_eq!(read("b"), None);
    }

    #[test]
    fn bad_bodyweight_loads_say_why() {
        for bad in ["BW+", "BW-", "BWx", "BW10", "BW+-5", "BW--5", "BW+1001", "BW+1.234", "BW+inf", "bw+\u{1b}"] {
            assert!(matches!(read(bad), Some(Err(_))), "{bad} should be refused");
        }
        assert_eq!(read("BW10"), Some(Err("write body weight as BW, BW+10 (added) or BW-20 (assisted)".into())));
        assert_eq!(read("BW+1001"), Some(Err("a load above 1000 is not a real lift".into())));
    }

    #[test]
    fn bodyweight_sets_read_from_the_command_line() {
        let set = |t: &str| {
            parse_bodyweight_set_in(t, Effort::Rir)
                .map(|r| r.map(|(b, l, n, k)| (b, l.to_string(), n, k.map(Rir::halves))))
        };
        assert_eq!(set("BWx8@1"), Some(Ok((Basis::BodyPlus, "0".into(), 8, Some(2)))));
        assert_eq!(set("bw+10X6@0"), Some(Ok((Basis::BodyPlus, "10".into(), 6, Some(0)))));
        assert_eq!(set("BW-20x10"), Some(Ok((Basis::Assisted, "20".into(), 10, None))));
        assert_eq!(set("80x8@1"), None, "a plain set is read elsewhere");
        assert_eq!(set("BW"), Some(Err("'BW' is not a set; write it as BWxREPS, BW+10x6@1 or BW-20x8@1".into())));
        assert_eq!(set("BW+10x0"), Some(Err("'BW+10x0': reps: a set has at least 1 rep".into())));
        assert!(matches!(set("BW+10x6@8"), Some(Err(e)) if e.contains("RPE 8")));
        assert!(matches!(set("BW*10x6"), Some(Err(e)) if e.contains("weight")));
        let rpe = parse_bodyweight_set_in("BW+5x6@8", Effort::Rpe)
            .and_then(Result::ok)
            .map(|(_, _, _, k)| k.map(Rir::halves));
        assert_eq!(rpe, Some(Some(4)), "RPE 8 is RIR 2");
    }

    #[test]
    fn field_text_round_trips() {
        for (basis, hundredths) in
            [(Basis::Load, 8000), (Basis::BodyPlus, 0), (Basis::BodyPlus, 1000), (Basis::Assisted, 2050)]
        {
            let load = Load::from_hundredths(hundredths);
            let text = load_field_text(basis, load);
            if basis == Basis::Load {
                assert_eq!(parse_load(&text), Ok(load));
            } else {
                assert_eq!(parse_bodyweight_load(&text).and_then(Result::ok), Some((basis, load)), "{text}");
            }
            let (b, l) = from_signed_hundredths(signed_hundredths(basis, load));
            if basis != Basis::Load {
                assert_eq!((b, l), (basis, load));
            }
        }
        assert_eq!(load_field_text(Basis::Assisted, Load::from_hundredths(2000)), "BW-20");
    }
}

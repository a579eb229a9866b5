//! Loads, reps and reps in reserve, as range-checked values parsed from what a lifter types.

use std::fmt;

use serde::{Deserialize, Serialize};

mod effort;
mod measure;

pub use effort::{Effort, parse_rpe};
pub use measure::{Distance, MAX_SECONDS, format_seconds, parse_seconds};

/// The unit a load was lifted in. A load keeps its unit: 150 lb stays 150 lb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Kilograms.
    #[default]
    Kg,
    /// Pounds.
    Lb,
}

impl Unit {
    /// The short label shown beside a load.
    pub fn label(self) -> &'static str {
        match self {
            Unit::Kg => "kg",
            Unit::Lb => "lb",
        }
    }

    /// Parses `kg` or `lb` (also `kgs`, `lbs`).
    pub fn parse(text: &str) -> Option<Unit> {
        match text.trim().to_ascii_lowercase().as_str() {
            "kg" | "kgs" => Some(Unit::Kg),
            "lb" | "lbs" => Some(Unit::Lb),
            _ => None,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Kilograms in a pound, exactly.
pub const KG_PER_LB: f64 = 0.453_592_37;

/// The heaviest load accepted, in either unit: well above any human lift.
pub const MAX_LOAD_HUNDREDTHS: i64 = 1_000 * 100;

/// A load in hundredths of its unit, so 82.5 kg and 1.25 kg plates are exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Load(i64);

impl Load {
    /// A load from hundredths of a unit (clamped to the accepted range).
    pub fn from_hundredths(hundredths: i64) -> Load {
        Load(hundredths.clamp(0, MAX_LOAD_HUNDREDTHS))
    }

    /// A load from a decimal value, rounded to the nearest hundredth; `None` when not finite or
    /// outside 0..=1000.
    pub fn from_f64(value: f64) -> Option<Load> {
        if !value.is_finite() || value < 0.0 {
            return None;
        }
        let hundredths = (value * 100.0).round();
        if hundredths > MAX_LOAD_HUNDREDTHS as f64 {
            return None;
        }
        Some(Load(hundredths as i64))
    }

    /// The load in hundredths of its unit.
    pub fn hundredths(self) -> i64 {
        self.0
    }

    /// The load as a decimal number.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl fmt::Display for Load {
    /// Shortest exact form: `80`, `82.5`, `1.25`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 100;
        let frac = self.0 % 100;
        if frac == 0 {
            write!(f, "{whole}")
        } else if frac % 10 == 0 {
            write!(f, "{whole}.{}", frac / 10)
        } else {
            write!(f, "{whole}.{frac:02}")
        }
    }
}

/// A load in a settings or plan file (`plates_kg = [20, 1.1, 0.57]`): a number, read as the
/// decimal it was written as. TOML hands over a float; its shortest decimal form (Rust's `{}`)
/// gives back the digits as written for any number of up to 15 significant digits, so `1.1` is
/// 110 hundredths and `1.125` is refused, never judged by floating-point noise. A negative
/// load reads as 0 and one above 1000 as 1000, for the setting's own range check to refuse.
impl<'de> Deserialize<'de> for Load {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Load, D::Error> {
        struct Exact;
        impl serde::de::Visitor<'_> for Exact {
            type Value = Load;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number such as 20 or 1.25")
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Load, E> {
                Ok(Load::from_hundredths(v.saturating_mul(100)))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Load, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Load, E> {
                if !v.is_finite() {
                    return Err(E::custom(format!("{v} is not a load")));
                }
                let text = v.to_string();
                parse_hundredths(&text)
                    .map(Load::from_hundredths)
                    .map_err(|e| E::custom(format!("{text} is finer than a hundredth: {e}")))
            }
        }
        d.deserialize_any(Exact)
    }
}

/// Written back as a number (`config show`), in its shortest exact form.
impl Serialize for Load {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

/// A load with its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Weight {
    /// How much.
    pub load: Load,
    /// In what unit.
    pub unit: Unit,
}

impl Weight {
    /// A weight from a load and unit.
    pub fn new(load: Load, unit: Unit) -> Weight {
        Weight { load, unit }
    }
}

impl fmt::Display for Weight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.load, self.unit)
    }
}

/// Reps in reserve, in half steps: 0, 0.5, 1, ... 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rir(u8);

impl Rir {
    /// The largest RIR recorded; the picker's "5+" is 5.
    pub const MAX_HALVES: u8 = 20;

    /// RIR from a count of half reps (0..=20).
    pub fn from_halves(halves: u8) -> Option<Rir> {
        (halves <= Self::MAX_HALVES).then_some(Rir(halves))
    }

    /// RIR from whole reps.
    pub fn whole(reps: u8) -> Option<Rir> {
        Self::from_halves(reps.checked_mul(2)?)
    }

    /// The RIR in half reps.
    pub fn halves(self) -> u8 {
        self.0
    }

    /// The RIR as a decimal number.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 2.0
    }
}

impl fmt::Display for Rir {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_multiple_of(2) { write!(f, "{}", self.0 / 2) } else { write!(f, "{}.5", self.0 / 2) }
    }
}

/// The most reps accepted in one set.
pub const MAX_REPS: u16 = 200;

/// Why a typed value was refused, in words for the lifter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// Nothing typed.
    #[error("enter a number")]
    Empty,
    /// Not a number (shown with any control character escaped).
    #[error("'{}' is not a number", super::text::escape(.0))]
    NotANumber(String),
    /// A number, but not one that makes sense.
    #[error("{0}")]
    OutOfRange(String),
    /// RIR typed above 5: most likely RPE (Strong and Hevy write RPE 8 as `@8`).
    #[error("RIR is reps left in reserve, 0-5{}", rpe_hint(.typed, *.rpe))]
    RirAboveFive {
        /// The number as typed.
        typed: String,
        /// The RIR it means read as RPE (10 - RPE), when it is an RPE.
        rpe: Option<Rir>,
    },
}

fn rpe_hint(typed: &str, rpe: Option<Rir>) -> String {
    rpe.map_or_else(
        || " (5 means 5 or more)".into(),
        |rir| format!("; {typed} looks like RPE {typed}, which is RIR {rir}"),
    )
}

/// A plain decimal as typed or written in a file: `72.5`, `72,5`, `-5`; never `inf`, `nan` or
/// `1e3`.
pub fn parse_decimal(text: &str) -> Result<f64, InputError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(InputError::Empty);
    }
    // A lifter writes 72,5 as readily as 72.5; only plain decimals are accepted, so "inf",
    // "nan" and "1e3" are refused even though Rust's float parser takes them.
    let normalised = trimmed.replace(',', ".");
    let plain = normalised.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && normalised.chars().filter(|&c| c == '.').count() <= 1
        && normalised.chars().any(|c| c.is_ascii_digit());
    if !plain {
        return Err(InputError::NotANumber(trimmed.to_string()));
    }
    let value: f64 = normalised.parse().map_err(|_| InputError::NotANumber(trimmed.to_string()))?;
    if !value.is_finite() {
        return Err(InputError::NotANumber(trimmed.to_string()));
    }
    Ok(value)
}

/// A plain decimal read exactly, in hundredths: `1.1` is 110, `0.57` is 57, `72,5` is 7250,
/// `-5` is -500. The digits are read as written, never through floating point, where 1.1 times
/// 100 is 110.00000000000001. More than two decimals is refused unless the rest are zeros
/// (`1.10` is 110); so are `inf`, `nan`, `1e3` and anything but a plain decimal. A value too
/// large for the type saturates; callers bound the range.
pub fn parse_hundredths(text: &str) -> Result<i64, InputError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(InputError::Empty);
    }
    let not_a_number = || InputError::NotANumber(trimmed.to_string());
    let (negative, digits) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    let (whole, fraction) = match digits.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (digits, ""),
    };
    let plain = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if !plain(whole) || !plain(fraction) || (whole.is_empty() && fraction.is_empty()) {
        return Err(not_a_number());
    }
    let (kept, finer) = fraction.split_at(fraction.len().min(2));
    if finer.bytes().any(|b| b != b'0') {
        return Err(InputError::OutOfRange("use at most two decimals".into()));
    }
    let number = |part: &str| part.bytes().fold(0i64, |n, b| n.saturating_mul(10).saturating_add(i64::from(b - b'0')));
    let cents = number(kept) * if kept.len() == 1 { 10 } else { 1 };
    let value = number(whole).saturating_mul(100).saturating_add(cents);
    Ok(if negative { -value } else { value })
}

/// Parses a load as typed: `80`, `82.5`, `72,5`; 0 to 1000, to the hundredth, read exactly.
pub fn parse_load(text: &str) -> Result<Load, InputError> {
    let hundredths = parse_hundredths(text)?;
    if hundredths < 0 {
        return Err(InputError::OutOfRange("a load cannot be negative".into()));
    }
    if hundredths > MAX_LOAD_HUNDREDTHS {
        return Err(InputError::OutOfRange("a load above 1000 is not a real lift".into()));
    }
    Ok(Load(hundredths))
}

/// A load from a number: 0 to 1000, to the hundredth.
pub fn load_from_value(value: f64) -> Result<Load, InputError> {
    if value < 0.0 {
        return Err(InputError::OutOfRange("a load cannot be negative".into()));
    }
    if value > MAX_LOAD_HUNDREDTHS as f64 / 100.0 {
        return Err(InputError::OutOfRange("a load above 1000 is not a real lift".into()));
    }
    let hundredths = value * 100.0;
    if (hundredths - hundredths.round()).abs() > 1e-6 {
        return Err(InputError::OutOfRange("use at most two decimals".into()));
    }
    Load::from_f64(value).ok_or_else(|| InputError::NotANumber(value.to_string()))
}

/// Parses a rep count: a whole number from 0 to 200.
pub fn parse_reps(text: &str) -> Result<u16, InputError> {
    reps_from_value(parse_decimal(text)?)
}

/// A rep count from a number: whole, 0 to 200.
pub fn reps_from_value(value: f64) -> Result<u16, InputError> {
    if value.fract() != 0.0 {
        return Err(InputError::OutOfRange("reps are whole numbers".into()));
    }
    if value < 0.0 || value > f64::from(MAX_REPS) {
        return Err(InputError::OutOfRange(format!("reps must be 0 to {MAX_REPS}")));
    }
    Ok(value as u16)
}

/// Parses RIR: 0 to 10 in half steps (`2`, `1.5`, `5+` means 5).
pub fn parse_rir(text: &str) -> Result<Rir, InputError> {
    let trimmed = text.trim();
    let trimmed = trimmed.strip_suffix('+').unwrap_or(trimmed);
    rir_from_value(parse_decimal(trimmed)?)
}

/// RIR from a number: 0 to 10 in half steps.
pub fn rir_from_value(value: f64) -> Result<Rir, InputError> {
    if value < 0.0 {
        return Err(InputError::OutOfRange("RIR cannot be negative".into()));
    }
    let halves = value * 2.0;
    if halves.fract() != 0.0 {
        return Err(InputError::OutOfRange("RIR goes in half steps: 1, 1.5, 2".into()));
    }
    if halves > f64::from(Rir::MAX_HALVES) {
        return Err(InputError::OutOfRange("RIR above 10 is not a working set".into()));
    }
    Ok(Rir(halves as u8))
}

/// Parses the reps of a set as a lifter types it: 1 to 200. A set has at least one rep (a lift
/// that failed at the first rep is no set; only an import brings one, as a missed attempt).
pub fn parse_set_reps(text: &str) -> Result<u16, InputError> {
    match parse_reps(text)? {
        0 => Err(InputError::OutOfRange("a set has at least 1 rep".into())),
        reps => Ok(reps),
    }
}

/// Parses RIR as a lifter types it: 0 to 5 in half steps (`5+` is 5), the range the method's
/// sets end in. More is refused, with what it means as RPE: `8` is RPE 8, RIR 2. (A stored set
/// may hold up to 10, from an older log or another app's low RPE; [`parse_rir`] reads those.)
pub fn parse_set_rir(text: &str) -> Result<Rir, InputError> {
    let trimmed = text.trim();
    let number = trimmed.strip_suffix('+').unwrap_or(trimmed).trim();
    let value = parse_decimal(number)?;
    if value > 5.0 {
        // RPE r leaves 10 - r reps in reserve.
        let rpe = if value <= 10.0 { rir_from_value(10.0 - value).ok() } else { None };
        return Err(InputError::RirAboveFive { typed: number.to_string(), rpe });
    }
    rir_from_value(value)
}

/// Parses a set as written on the command line: `WEIGHTxREPS[@RIR]`, such as `80x8@1`,
/// `82.5x6@0.5` or `72,5x10`.
pub fn parse_set(text: &str) -> Result<(Load, u16, Option<Rir>), String> {
    parse_set_in(text, Effort::Rir)
}

/// Parses a set as written on the command line, a bare `@` number read in the lifter's scale:
/// `80x8@8` is RPE 8 (RIR 2) for a lifter who logs RPE; `@rpe8` and `@rir2` name their scale.
pub fn parse_set_in(text: &str, effort: Effort) -> Result<(Load, u16, Option<Rir>), String> {
    let shown = super::text::escape(text);
    let explain = || format!("'{shown}' is not a set; write it as WEIGHTxREPS[@RIR], for example 80x8@1");
    let (main, rir) = match text.split_once('@') {
        Some((main, rir)) => (main, Some(rir)),
        None => (text, None),
    };
    let (weight, reps) = main.split_once(['x', 'X', '×']).ok_or_else(explain)?;
    let load = parse_load(weight).map_err(|e| format!("'{shown}': weight: {e}"))?;
    let reps = parse_set_reps(reps).map_err(|e| format!("'{shown}': reps: {e}"))?;
    let rir = match rir {
        Some(r) => Some(effort.parse_at(r).map_err(|e| match e {
            InputError::RirAboveFive { rpe: Some(rir), .. } => {
                format!("'{shown}': {e}: write {}@{rir}", super::text::escape(main))
            }
            _ => format!("'{shown}': {}: {e}", scale_named(r, effort)),
        })?),
        None => None,
    };
    Ok((load, reps, rir))
}

/// The scale an `@` is read in: the one it names, else the lifter's.
fn scale_named(at: &str, effort: Effort) -> &'static str {
    let lower = at.trim().to_ascii_lowercase();
    if lower.starts_with("rpe") {
        "RPE"
    } else if lower.starts_with("rir") {
        "RIR"
    } else {
        effort.label()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_parse_from_the_command_line() {
        let (load, reps, rir) = parse_set("82.5x6@0.5").expect("valid");
        assert_eq!((load.to_string(), reps, rir.map(|r| r.to_string())), ("82.5".into(), 6, Some("0.5".into())));
        let (load, reps, rir) = parse_set("80X8").expect("valid");
        assert_eq!((load.to_string(), reps, rir), ("80".into(), 8, None));
        for bad in ["80", "x8", "80x", "80x8@", "80x8@11", "-80x8", "80x8.5", "nanx8"] {
            assert!(parse_set(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn sets_read_their_at_in_the_lifters_scale() {
        let rir = |text: &str, effort| parse_set_in(text, effort).map(|(_, _, r)| r.map(Rir::halves));
        assert_eq!(rir("80x8@8", Effort::Rpe), Ok(Some(4)));
        assert_eq!(rir("80x8@9.5", Effort::Rpe), Ok(Some(1)));
        for effort in [Effort::Rir, Effort::Rpe] {
            assert_eq!(rir("80x8@rpe8", effort), Ok(Some(4)));
            assert_eq!(rir("80x8@RIR2", effort), Ok(Some(4)));
        }
        let refused = parse_set_in("80x8@4", Effort::Rpe).expect_err("refused");
        assert!(refused.contains("RPE: RPE is 5-10"), "{refused}");
        assert!(parse_set_in("80x8@8", Effort::Rir).expect_err("refused").contains("looks like RPE 8"));
    }

    #[test]
    fn loads_keep_exact_decimals() {
        assert_eq!(parse_load("82.5").map(|l| l.to_string()), Ok("82.5".into()));
        assert_eq!(parse_load(" 72,5 ").map(|l| l.to_string()), Ok("72.5".into()));
        assert_eq!(parse_load("1.25").map(|l| l.to_string()), Ok("1.25".into()));
        assert_eq!(parse_load("150").map(Load::hundredths), Ok(15000));
        assert_eq!(parse_load("0").map(Load::hundredths), Ok(0));
    }

    #[test]
    fn loads_are_read_exactly_never_through_floating_point() {
        for (text, hundredths) in [("1.1", 110), ("2.2", 220), ("0.57", 57), ("1.10", 110), ("72,5", 7250), (".5", 50)]
        {
            assert_eq!(parse_load(text).map(Load::hundredths), Ok(hundredths), "{text}");
        }
        // Finer than a hundredth by less than floating point's noise is still finer.
        for finer in ["80.000000001", "0.145", "1.005"] {
            assert!(parse_load(finer).is_err(), "{finer} should be refused");
        }
        assert_eq!(parse_hundredths("99999999999999999999999"), Ok(i64::MAX), "saturates for the range check");
    }

    #[test]
    fn loads_in_files_are_the_decimals_written() {
        #[derive(serde::Deserialize)]
        struct File {
            plates: Vec<Load>,
        }
        let read = |text: &str| toml::from_str::<File>(text).map(|f| f.plates.iter().map(|l| l.0).collect::<Vec<_>>());
        assert_eq!(read("plates = [1.1, 2.2, 0.57, 20, 1.25]"), Ok(vec![110, 220, 57, 2000, 125]));
        let error = read("plates = [1.125]").expect_err("a thousandth");
        assert!(error.message().contains("1.125 is finer than a hundredth"), "{error}");
        assert!(read("plates = [nan]").is_err());
    }

    #[test]
    fn loads_refuse_nonsense() {
        for bad in ["", "nan", "inf", "-inf", "1e400", "1e3", "-5", "abc", "1.2.3", "2000", "80.125", "."] {
            assert!(parse_load(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn reps_are_whole_and_bounded() {
        assert_eq!(parse_reps("8"), Ok(8));
        assert!(parse_reps("8.5").is_err());
        assert!(parse_reps("-1").is_err());
        assert!(parse_reps("201").is_err());
        assert!(parse_reps("").is_err());
    }

    #[test]
    fn rir_takes_half_steps_and_five_plus() {
        assert_eq!(parse_rir("0.5").map(Rir::halves), Ok(1));
        assert_eq!(parse_rir("5+").map(Rir::halves), Ok(10));
        assert_eq!(parse_rir("1,5").map(|r| r.to_string()), Ok("1.5".into()));
        assert!(parse_rir("0.3").is_err());
        assert!(parse_rir("11").is_err());
        assert!(parse_rir("nan").is_err());
    }

    #[test]
    fn typed_rir_stops_at_five_and_reads_more_as_rpe() {
        assert_eq!(parse_set_rir("5+").map(Rir::halves), Ok(10));
        assert_eq!(parse_set_rir("4.5").map(Rir::halves), Ok(9));
        let rpe = |text: &str| match parse_set_rir(text) {
            Err(InputError::RirAboveFive { rpe, .. }) => rpe.map(|r| r.to_string()),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(rpe("8"), Some("2".into()));
        assert_eq!(rpe("9.5"), Some("0.5".into()));
        assert_eq!(rpe("5.5"), Some("4.5".into()));
        assert_eq!(rpe("8.3"), None);
        assert_eq!(rpe("11"), None);
        assert_eq!(parse_set_reps("0"), Err(InputError::OutOfRange("a set has at least 1 rep".into())));
        // What is stored may be more: an older log's RIR 8 still reads.
        assert_eq!(parse_rir("8").map(Rir::halves), Ok(16));
    }

    #[test]
    fn float_noise_rounds_to_the_hundredth() {
        assert_eq!(Load::from_f64(149.999_999_999_999_97).map(|l| l.to_string()), Some("150".into()));
    }
}

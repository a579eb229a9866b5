//! The scale a lifter reads and types effort in: reps in reserve or RPE. What is stored is
//! always RIR; RPE r is RIR 10 - r, so RPE 8 is RIR 2 and RPE 9.5 is RIR 0.5.

use serde::{Deserialize, Serialize};

use super::{InputError, Rir, parse_decimal, parse_set_rir, rir_from_value};

/// How effort is entered and shown: reps in reserve (`@1`) or RPE (`@9`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Effort {
    /// Reps in reserve, 0-5: how many more good reps were left.
    #[default]
    Rir,
    /// Rate of perceived exertion, 5-10: 10 is failure, each step down a rep left.
    Rpe,
}

/// The lowest RPE a set is typed at: RPE 5 is RIR 5, the picker's "5+".
const LOWEST_RPE: f64 = 5.0;

impl Effort {
    /// The scale's name, as a field's label: `RIR` or `RPE`.
    pub fn label(self) -> &'static str {
        match self {
            Effort::Rir => "RIR",
            Effort::Rpe => "RPE",
        }
    }

    /// A stored RIR as the lifter reads it, the bare number: RIR 1 is `1`, or `9` as RPE.
    pub fn number(self, rir: Rir) -> String {
        match self {
            Effort::Rir => rir.to_string(),
            Effort::Rpe => {
                let halves = 20 - rir.halves();
                if halves.is_multiple_of(2) { format!("{}", halves / 2) } else { format!("{}.5", halves / 2) }
            }
        }
    }

    /// A stored RIR as a set's `@`: `@1`, or `@9` as RPE.
    pub fn at(self, rir: Rir) -> String {
        format!("@{}", self.number(rir))
    }

    /// A stored RIR with the scale's name: `RIR 1`, or `RPE 9`.
    pub fn named(self, rir: Rir) -> String {
        format!("{} {}", self.label(), self.number(rir))
    }

    /// A target band of reps in reserve, `low`-`high`, as the lifter reads it: `RIR 1-2`, or
    /// `RPE 8-9` (the harder end first either way round is the RIR's low, the RPE's high).
    pub fn band(self, low: u8, high: u8) -> String {
        format!("{} {}", self.label(), self.band_numbers(low, high))
    }

    /// [`Effort::band`] without the scale's name, as a set's `@` writes it: `1-2`, or `8-9`.
    pub fn band_numbers(self, low: u8, high: u8) -> String {
        let (from, to) = match self {
            Effort::Rir => (low, high),
            Effort::Rpe => (10u8.saturating_sub(high), 10u8.saturating_sub(low)),
        };
        if from == to { format!("{from}") } else { format!("{from}-{to}") }
    }

    /// Reads a number typed in this scale (the set form's field, or `log`'s bare `@8`) as RIR.
    /// RIR: 0-5 in half steps, more refused with what it means as RPE. RPE: 5-10 in half steps;
    /// below 5 is refused.
    pub fn parse(self, text: &str) -> Result<Rir, InputError> {
        match self {
            Effort::Rir => parse_set_rir(text),
            Effort::Rpe => parse_rpe(text),
        }
    }

    /// Reads what follows a set's `@`: `rpe8` and `rir2` name their scale (in any case), a bare
    /// number is in this scale.
    pub fn parse_at(self, text: &str) -> Result<Rir, InputError> {
        let trimmed = text.trim();
        let lower = trimmed.to_ascii_lowercase();
        if let Some(rest) = lower.strip_prefix("rpe") {
            parse_rpe(&trimmed[trimmed.len() - rest.len()..])
        } else if let Some(rest) = lower.strip_prefix("rir") {
            parse_set_rir(&trimmed[trimmed.len() - rest.len()..])
        } else {
            self.parse(trimmed)
        }
    }
}

/// Parses RPE as a lifter types it, 5 to 10 in half steps, into the RIR it means (10 - RPE).
pub fn parse_rpe(text: &str) -> Result<Rir, InputError> {
    let value = parse_decimal(text)?;
    if (value * 2.0).fract() != 0.0 {
        return Err(InputError::OutOfRange("RPE goes in half steps: 8, 8.5, 9".into()));
    }
    if value > 10.0 {
        return Err(InputError::OutOfRange("RPE goes up to 10, a set to failure".into()));
    }
    if value < LOWEST_RPE {
        return Err(InputError::OutOfRange("RPE is 5-10: below 5 is not a working set".into()));
    }
    rir_from_value(10.0 - value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn halves(r: Result<Rir, InputError>) -> Option<u8> {
        r.ok().map(Rir::halves)
    }

    #[test]
    fn rpe_reads_as_ten_minus_rir_in_half_steps() {
        assert_eq!(halves(Effort::Rpe.parse("10")), Some(0));
        assert_eq!(halves(Effort::Rpe.parse("9.5")), Some(1));
        assert_eq!(halves(Effort::Rpe.parse("9,5")), Some(1));
        assert_eq!(halves(Effort::Rpe.parse("8")), Some(4));
        assert_eq!(halves(Effort::Rpe.parse("6")), Some(8));
        assert_eq!(halves(Effort::Rpe.parse("5")), Some(10));
        for bad in ["4.5", "4", "0", "10.5", "11", "8.3", "", "x", "-1"] {
            assert!(Effort::Rpe.parse(bad).is_err(), "RPE {bad} should be refused");
        }
        assert!(Effort::Rpe.parse("4").expect_err("refused").to_string().contains("RPE is 5-10"));
    }

    #[test]
    fn rir_scale_keeps_todays_reading() {
        assert_eq!(halves(Effort::Rir.parse("2")), Some(4));
        assert_eq!(halves(Effort::Rir.parse("5+")), Some(10));
        assert!(matches!(Effort::Rir.parse("8"), Err(InputError::RirAboveFive { .. })));
    }

    #[test]
    fn a_prefix_names_the_scale_in_either_mode() {
        for mode in [Effort::Rir, Effort::Rpe] {
            assert_eq!(halves(mode.parse_at("rpe8")), Some(4), "{mode:?}");
            assert_eq!(halves(mode.parse_at("RPE9.5")), Some(1), "{mode:?}");
            assert_eq!(halves(mode.parse_at("rir2")), Some(4), "{mode:?}");
            assert_eq!(halves(mode.parse_at("RiR0.5")), Some(1), "{mode:?}");
            assert!(mode.parse_at("rpe4").is_err());
            assert!(mode.parse_at("rir8").is_err());
            assert!(mode.parse_at("rpe").is_err());
        }
        assert_eq!(halves(Effort::Rpe.parse_at("8")), Some(4));
        assert!(Effort::Rpe.parse_at("4").is_err());
        assert!(Effort::Rir.parse_at("8").is_err());
    }

    #[test]
    fn rir_is_shown_in_the_lifters_scale() {
        let rir = |h| Rir::from_halves(h).expect("in range");
        assert_eq!((Effort::Rir.at(rir(2)), Effort::Rpe.at(rir(2))), ("@1".into(), "@9".into()));
        assert_eq!(Effort::Rpe.number(rir(1)), "9.5");
        assert_eq!(Effort::Rpe.number(rir(0)), "10");
        assert_eq!(Effort::Rpe.named(rir(20)), "RPE 0");
        assert_eq!(Effort::Rir.named(rir(3)), "RIR 1.5");
        assert_eq!((Effort::Rir.band(1, 2), Effort::Rpe.band(1, 2)), ("RIR 1-2".into(), "RPE 8-9".into()));
        assert_eq!((Effort::Rir.band(0, 0), Effort::Rpe.band(0, 0)), ("RIR 0".into(), "RPE 10".into()));
        assert_eq!((Effort::Rir.band_numbers(0, 1), Effort::Rpe.band_numbers(0, 1)), ("0-1".into(), "9-10".into()));
    }
}

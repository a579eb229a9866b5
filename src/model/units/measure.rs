//! Time and distance, for the sets that are measured by them: a plank held 60 s, a carry of
//! 40 m, a row of 2,000 m in 7:45.

use std::fmt;

use super::InputError;

/// The longest time a set records: a whole day, beyond any hold or walk.
pub const MAX_SECONDS: u32 = 24 * 3600;

/// The longest distance a set records, in centimetres: 1,000 km.
pub const MAX_CENTIMETRES: u32 = 100_000_000;

/// A distance in centimetres, so 2,000 m and 1.5 mi (2,414.02 m) stay exact once stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Distance(u32);

impl Distance {
    /// A distance from centimetres, `None` above [`MAX_CENTIMETRES`].
    pub fn from_centimetres(cm: u32) -> Option<Distance> {
        (cm <= MAX_CENTIMETRES).then_some(Distance(cm))
    }

    /// A distance from metres, rounded to the centimetre; `None` when negative, not finite or
    /// above the largest.
    pub fn from_metres(metres: f64) -> Option<Distance> {
        let cm = (metres * 100.0).round();
        (cm.is_finite() && (0.0..=f64::from(MAX_CENTIMETRES)).contains(&cm)).then_some(Distance(cm as u32))
    }

    /// The distance in centimetres.
    pub fn centimetres(self) -> u32 {
        self.0
    }

    /// The distance in metres.
    pub fn metres(self) -> f64 {
        f64::from(self.0) / 100.0
    }

    /// Parses what a lifter types: `40` or `40 m` (metres), `2km`, `1.5 km`, `1 mi`.
    pub fn parse(text: &str) -> Result<Distance, InputError> {
        let text = text.trim().to_ascii_lowercase();
        let (number, factor) = if let Some(n) = text.strip_suffix("km") {
            (n, 1000.0)
        } else if let Some(n) = text.strip_suffix("mi").or_else(|| text.strip_suffix("mi.")) {
            (n, 1609.344)
        } else if let Some(n) = text.strip_suffix('m') {
            (n, 1.0)
        } else {
            (text.as_str(), 1.0)
        };
        let value = super::parse_decimal(number.trim())?;
        if value <= 0.0 {
            return Err(InputError::OutOfRange("a distance is more than 0".into()));
        }
        Distance::from_metres(value * factor)
            .ok_or_else(|| InputError::OutOfRange("a distance is at most 1,000 km".into()))
    }
}

/// `40 m`, `2,000 m`, `12.5 km`: metres up to 10 km, then kilometres.
impl fmt::Display for Distance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let metres = self.metres();
        if metres >= 10_000.0 {
            return write!(f, "{} km", trim_number(metres / 1000.0, 2));
        }
        let whole = metres.trunc() as u32;
        let fraction = self.0 % 100;
        let grouped = if whole >= 1000 { format!("{},{:03}", whole / 1000, whole % 1000) } else { whole.to_string() };
        if fraction == 0 { write!(f, "{grouped} m") } else { write!(f, "{grouped}.{fraction:02} m") }
    }
}

fn trim_number(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_string()
}

/// A time as a lifter reads it: `45 s` under a minute, `7:45` under an hour, `1:02:03` beyond.
pub fn format_seconds(seconds: u32) -> String {
    match seconds {
        0..60 => format!("{seconds} s"),
        60..3600 => format!("{}:{:02}", seconds / 60, seconds % 60),
        _ => format!("{}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60),
    }
}

/// Parses a time: `60` or `60s` (seconds), `7:45` (minutes:seconds), `1:02:03`, `30min`,
/// `2m30s`. At least one second and at most a day.
pub fn parse_seconds(text: &str) -> Result<u32, InputError> {
    let typed = text;
    let not_a_time = || InputError::NotANumber(typed.trim().to_string());
    let text = text.trim().to_ascii_lowercase();
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    let total = if text.contains(':') {
        let parts: Vec<&str> = text.split(':').collect();
        if parts.len() > 3 || parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(not_a_time());
        }
        let mut total: u64 = 0;
        for (i, part) in parts.iter().enumerate() {
            let value: u64 = part.parse().map_err(|_| not_a_time())?;
            if i > 0 && value >= 60 {
                return Err(InputError::OutOfRange(format!("'{}': minutes and seconds go up to 59", typed.trim())));
            }
            total = total.saturating_mul(60).saturating_add(value);
        }
        total
    } else {
        units_total(&text).ok_or_else(not_a_time)?
    };
    if total == 0 {
        return Err(InputError::OutOfRange("a time is at least 1 second".into()));
    }
    u32::try_from(total)
        .ok()
        .filter(|s| *s <= MAX_SECONDS)
        .ok_or_else(|| InputError::OutOfRange("a time is at most 24 hours".into()))
}

/// `90`, `90s`, `30min`, `2m30s`, `1h5m`: numbers each followed by a unit (a bare number is
/// seconds).
fn units_total(text: &str) -> Option<u64> {
    let mut total: u64 = 0;
    let mut rest = text.trim();
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let value: u64 = rest[..digits].parse().ok()?;
        rest = rest[digits..].trim_start();
        let unit_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let factor = match &rest[..unit_len] {
            "" | "s" | "sec" | "secs" => 1,
            "m" | "min" | "mins" => 60,
            "h" | "hr" | "hrs" => 3600,
            _ => return None,
        };
        total = total.saturating_add(value.saturating_mul(factor));
        rest = rest[unit_len..].trim_start();
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_read_and_print_as_a_lifter_writes_them() {
        assert_eq!(Distance::parse("40").expect("reads").to_string(), "40 m");
        assert_eq!(Distance::parse("2000 m").expect("reads").to_string(), "2,000 m");
        assert_eq!(Distance::parse("2km").expect("reads").to_string(), "2,000 m");
        assert_eq!(Distance::parse("1 mi").expect("reads").centimetres(), 160_934);
        assert_eq!(Distance::parse("21.1 km").expect("reads").to_string(), "21.1 km");
        assert!(matches!(Distance::parse("0"), Err(InputError::OutOfRange(_))));
        assert!(matches!(Distance::parse("2000 km"), Err(InputError::OutOfRange(_))));
        assert!(Distance::parse("far").is_err());
    }

    #[test]
    fn times_read_in_every_way_a_lifter_writes_them() {
        assert_eq!(parse_seconds("60"), Ok(60));
        assert_eq!(parse_seconds("60s"), Ok(60));
        assert_eq!(parse_seconds("7:45"), Ok(465));
        assert_eq!(parse_seconds("1:02:03"), Ok(3723));
        assert_eq!(parse_seconds("30min"), Ok(1800));
        assert_eq!(parse_seconds("2m30s"), Ok(150));
        assert!(matches!(parse_seconds("0"), Err(InputError::OutOfRange(_))));
        assert!(matches!(parse_seconds("7:75"), Err(InputError::OutOfRange(_))));
        assert!(matches!(parse_seconds("25h"), Err(InputError::OutOfRange(_))));
        assert!(parse_seconds("1:2:3:4").is_err());
        assert!(parse_seconds("ten").is_err());
        assert_eq!(format_seconds(45), "45 s");
        assert_eq!(format_seconds(465), "7:45");
        assert_eq!(format_seconds(3723), "1:02:03");
    }
}

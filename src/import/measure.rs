//! The time and distance of a row from another app (a plank held 60 s, a row of 2,000 m in
//! 7:45, a carry of 40 m), read from each app's columns into the set's `seconds` and `distance`.
//! A zero is no value: Hevy writes `duration_seconds` 0 on every set of reps.

use super::ImportError;
use super::table::Row;
use crate::model::session::SetEntry;
use crate::model::units::{Distance, MAX_SECONDS};

/// What one unit of a distance column is, in metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DistanceUnit(pub(crate) f64);

impl DistanceUnit {
    pub(crate) const METRES: DistanceUnit = DistanceUnit(1.0);
    pub(crate) const KILOMETRES: DistanceUnit = DistanceUnit(1000.0);
    pub(crate) const MILES: DistanceUnit = DistanceUnit(1609.344);

    /// A unit as the apps write it in a column's name or a unit column: `km`, `m`, `meters`,
    /// `mi`, `mi.`, `miles`, `ft`, `feet`, `yd`, `yards` (any case).
    pub(crate) fn parse(text: &str) -> Option<DistanceUnit> {
        Some(match text.trim().trim_end_matches('.').to_ascii_lowercase().as_str() {
            "km" | "kms" | "kilometers" | "kilometres" => DistanceUnit::KILOMETRES,
            "m" | "meters" | "metres" | "meter" | "metre" => DistanceUnit::METRES,
            "mi" | "mile" | "miles" => DistanceUnit::MILES,
            "ft" | "feet" | "foot" => DistanceUnit(0.3048),
            "yd" | "yds" | "yard" | "yards" => DistanceUnit(0.9144),
            _ => return None,
        })
    }

    /// The unit a distance column's name gives (`distance_km`, `Distance (meters)`, `km`), if any.
    pub(crate) fn in_column_name(name: &str) -> Option<DistanceUnit> {
        let lower = name.trim().to_ascii_lowercase();
        let inside = match (lower.find('('), lower.rfind(')')) {
            (Some(open), Some(close)) if open < close => &lower[open + 1..close],
            _ => lower.rsplit(['_', ' ']).next().unwrap_or(""),
        };
        DistanceUnit::parse(inside)
    }
}

/// A set's time and distance as a row gives them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Measured {
    pub(crate) seconds: Option<u32>,
    pub(crate) distance: Option<Distance>,
}

impl Measured {
    /// Whether the row has a time or a distance.
    pub(crate) fn any(self) -> bool {
        self.seconds.is_some() || self.distance.is_some()
    }

    /// Puts the time and distance on `entry`.
    pub(crate) fn apply(self, entry: &mut SetEntry) {
        entry.seconds = self.seconds;
        entry.distance = self.distance;
    }
}

/// Seconds from a number column: none when empty or 0, whole seconds (rounded) otherwise.
pub(crate) fn seconds_in(row: &Row<'_>, col: Option<usize>, column: &str) -> Result<Option<u32>, ImportError> {
    let Some(value) = row.number(col, column)? else { return Ok(None) };
    seconds_of(value).map_err(|why| row.error(format!("{column} \"{}\" {why}", row.get_opt(col))))
}

fn seconds_of(value: f64) -> Result<Option<u32>, &'static str> {
    if value < 0.0 {
        return Err("is not a time (it is below 0)");
    }
    let rounded = value.round();
    if rounded == 0.0 {
        return Ok(None);
    }
    if rounded > f64::from(MAX_SECONDS) {
        return Err("is more than a day");
    }
    Ok(Some(rounded as u32))
}

/// A distance from a number column in `unit`: none when empty or 0.
pub(crate) fn distance_in(
    row: &Row<'_>,
    col: Option<usize>,
    unit: DistanceUnit,
    column: &str,
) -> Result<Option<Distance>, ImportError> {
    let Some(value) = row.number(col, column)? else { return Ok(None) };
    if value < 0.0 {
        return Err(row.error(format!("{column} \"{}\" is not a distance (it is below 0)", row.get_opt(col))));
    }
    if value == 0.0 {
        return Ok(None);
    }
    match Distance::from_metres(value * unit.0) {
        Some(d) if d.centimetres() > 0 => Ok(Some(d)),
        Some(_) => Ok(None),
        None => Err(row.error(format!("{column} \"{}\" is more than 1,000 km", row.get_opt(col)))),
    }
}

/// A time as FitNotes writes it (`00:05:00`, `1:02:03`, `0:45`), or a number of seconds; none
/// when empty or all zeros.
pub(crate) fn clock_time_in(row: &Row<'_>, col: Option<usize>, column: &str) -> Result<Option<u32>, ImportError> {
    let text = row.get_opt(col).trim();
    if text.is_empty() {
        return Ok(None);
    }
    let bad = |why: &str| row.error(format!("{column} \"{text}\" {why}"));
    if !text.contains(':') {
        return seconds_in(row, col, column);
    }
    let parts: Vec<&str> = text.split(':').collect();
    if parts.len() > 3 || parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 6) {
        return Err(bad("is not a time such as 00:05:00"));
    }
    let mut total: u64 = 0;
    for (i, part) in parts.iter().enumerate() {
        let value: u64 = part.parse().map_err(|_| bad("is not a time such as 00:05:00"))?;
        if i > 0 && value >= 60 {
            return Err(bad("has minutes or seconds above 59"));
        }
        total = total * 60 + value;
    }
    match total {
        0 => Ok(None),
        t if t > u64::from(MAX_SECONDS) => Err(bad("is more than a day")),
        t => Ok(Some(t as u32)),
    }
}

/// Formats a distance in `unit` for an export column: as few decimals as keep it exact to the
/// centimetre (`2`, `0.04`, `2.41402`); empty for none.
pub(crate) fn distance_text(distance: Option<Distance>, unit: DistanceUnit) -> String {
    let Some(d) = distance else { return String::new() };
    let value = d.metres() / unit.0;
    let decimals = match unit.0 {
        u if u >= 1000.0 => 5,
        _ => 2,
    };
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_from_names_and_columns() {
        assert_eq!(DistanceUnit::in_column_name("distance_km"), Some(DistanceUnit::KILOMETRES));
        assert_eq!(DistanceUnit::in_column_name("distance_miles"), Some(DistanceUnit::MILES));
        assert_eq!(DistanceUnit::in_column_name("Distance (meters)"), Some(DistanceUnit::METRES));
        assert_eq!(DistanceUnit::in_column_name("km"), Some(DistanceUnit::KILOMETRES));
        assert_eq!(DistanceUnit::in_column_name("Distance"), None);
        assert_eq!(DistanceUnit::parse("mi."), Some(DistanceUnit::MILES));
        assert_eq!(DistanceUnit::parse("KM"), Some(DistanceUnit::KILOMETRES));
        assert_eq!(DistanceUnit::parse("furlongs"), None);
    }

    #[test]
    fn seconds_zero_is_none_and_hostile_values_are_refused() {
        assert_eq!(seconds_of(0.0), Ok(None), "Hevy's 0 on a set of reps");
        assert_eq!(seconds_of(0.4), Ok(None));
        assert_eq!(seconds_of(59.6), Ok(Some(60)));
        assert!(seconds_of(-1.0).is_err());
        assert!(seconds_of(86_401.0).is_err());
        assert_eq!(seconds_of(86_400.0), Ok(Some(86_400)));
    }

    #[test]
    fn distances_write_back_exactly() {
        for cm in [4_000, 200_000, 241_402, 1, 99_999_999] {
            let d = Distance::from_centimetres(cm);
            for unit in [DistanceUnit::METRES, DistanceUnit::KILOMETRES] {
                let text = distance_text(d, unit);
                let back = Distance::from_metres(text.parse::<f64>().expect("a number") * unit.0);
                assert_eq!(back, d, "{cm} cm as {text} in {unit:?}");
            }
        }
        assert_eq!(distance_text(Distance::from_centimetres(200_000), DistanceUnit::KILOMETRES), "2");
        assert_eq!(distance_text(Distance::from_centimetres(4_000), DistanceUnit::METRES), "40");
        assert_eq!(distance_text(None, DistanceUnit::METRES), "");
    }
}

//! The body weight log in hardset's own files: in the CSV, a row per reading with only
//! `body_weight_day`, `body_weight` and `body_weight_unit` filled (as a deload week with no
//! session has only its two); in the JSON, the `body_weights` list. Files written before the
//! log carried body weights have neither, and import as they always did.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};

use super::{de_unit, de_with};
use crate::import::ImportError;
use crate::import::staging::Staging;
use crate::import::table::{Columns, Row};
use crate::model::units::{Load, Unit, Weight, load_from_value, parse_load};
use crate::store::{BodyWeightReading, MAX_BODY_WEIGHT_HUNDREDTHS};

/// Where the CSV's body weight columns are (none in an older file).
pub(super) struct BodyWeightColumns {
    day: Option<usize>,
    weight: Option<usize>,
    unit: Option<usize>,
}

impl BodyWeightColumns {
    pub(super) fn find(cols: &Columns) -> BodyWeightColumns {
        BodyWeightColumns {
            day: cols.find(&["body_weight_day"]),
            weight: cols.find(&["body_weight"]),
            unit: cols.find(&["body_weight_unit"]),
        }
    }

    /// The reading a row gives, when it is a body weight row; such a row holds nothing else.
    pub(super) fn read(&self, row: &Row<'_>) -> Result<Option<BodyWeightReading>, String> {
        let (day, weight, unit) = (row.get_opt(self.day), row.get_opt(self.weight), row.get_opt(self.unit));
        if [day, weight, unit].iter().all(|f| f.trim().is_empty()) {
            return Ok(None);
        }
        let own = [self.day, self.weight, self.unit];
        if row.fields.iter().enumerate().any(|(i, f)| !own.contains(&Some(i)) && !f.trim().is_empty()) {
            return Err("a body weight row holds only body_weight_day, body_weight and body_weight_unit: \
                        a reading is not part of a session or a deload week"
                .into());
        }
        let day = day_of(day)?;
        let load = parse_load(weight)
            .ok()
            .filter(|l| (1..=MAX_BODY_WEIGHT_HUNDREDTHS).contains(&l.hundredths()))
            .ok_or_else(|| format!("body_weight \"{weight}\" {WEIGHT_RULE}"))?;
        let unit = Unit::parse(unit).ok_or_else(|| format!("body_weight_unit \"{unit}\" is not kg or lb"))?;
        Ok(Some(BodyWeightReading { day, weight: Weight::new(load, unit) }))
    }
}

/// What a body weight must be, after the value a message quotes.
const WEIGHT_RULE: &str = "is not a body weight: a number above 0 and at most 1000, to the hundredth (82.5)";

/// A reading's day: a date written as the export writes it (`2026-11-05`).
fn day_of(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| d.format("%Y-%m-%d").to_string() == text.trim())
        .ok_or_else(|| format!("body_weight_day \"{text}\" is not a date such as 2026-11-05"))
}

/// Keeps a reading in the scratch database. A day the file gives twice with two weights is
/// refused: which one the lifter weighed cannot be told.
pub(super) fn keep(staging: &Staging, reading: &BodyWeightReading) -> Result<(), ImportError> {
    match staging.body_weight(reading)? {
        None => Ok(()),
        Some(earlier) => Err(ImportError::whole(format!(
            "the body weight of {} is given twice, {} and {}: keep one",
            reading.day, earlier.weight, reading.weight
        ))),
    }
}

/// A reading of the JSON export's `body_weights`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct JsonBodyWeight {
    #[serde(deserialize_with = "de_day")]
    day: NaiveDate,
    #[serde(deserialize_with = "de_weight")]
    weight: Load,
    #[serde(deserialize_with = "de_unit")]
    unit: Unit,
}

impl JsonBodyWeight {
    pub(super) fn reading(&self) -> BodyWeightReading {
        BodyWeightReading { day: self.day, weight: Weight::new(self.weight, self.unit) }
    }
}

fn de_day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    de_with(d, |text| day_of(text).map_err(|e| e.replacen("body_weight_day", "day", 1)))
}

fn de_weight<'de, D: Deserializer<'de>>(d: D) -> Result<Load, D::Error> {
    let value = f64::deserialize(d)?;
    load_from_value(value)
        .ok()
        .filter(|l| (1..=MAX_BODY_WEIGHT_HUNDREDTHS).contains(&l.hundredths()))
        .ok_or_else(|| serde::de::Error::custom(format!("weight {value} {WEIGHT_RULE}")))
}

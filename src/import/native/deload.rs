//! Deload weeks in hardset's own files: the CSV's `deload` and `deload_week` columns (on a
//! session's rows, or alone for a week with no session) and the JSON's `deload_weeks` list.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer};

use super::de_with;
use crate::model::session::DeloadStyle;

pub(super) fn deload(text: &str) -> Result<Option<DeloadStyle>, String> {
    match text.trim() {
        "" => Ok(None),
        other => DeloadStyle::parse(other)
            .map(Some)
            .ok_or_else(|| format!("deload \"{other}\" is not volume, load or empty")),
    }
}

pub(super) fn monday(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| d.weekday() == chrono::Weekday::Mon)
        .ok_or_else(|| format!("deload_week \"{text}\" is not a Monday such as 2026-11-16"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct JsonDeloadWeek {
    #[serde(deserialize_with = "de_monday")]
    pub(super) monday: NaiveDate,
    #[serde(deserialize_with = "de_style")]
    pub(super) style: DeloadStyle,
}

fn de_style<'de, D: Deserializer<'de>>(d: D) -> Result<DeloadStyle, D::Error> {
    de_with(d, |t| DeloadStyle::parse(t).ok_or_else(|| format!("style \"{t}\" is not volume or load")))
}

fn de_monday<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    de_with(d, monday)
}

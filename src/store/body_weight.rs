//! The body weight log (migration 007's `body_weight`): one reading per local day, the latest
//! typed that day winning, in force from its day until the next reading. A bodyweight set's
//! load is the body weight in force on its day plus its belt (or minus its assistance).

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};
use crate::model::units::{Load, Unit, Weight};

/// The heaviest body weight the log keeps (the table's check): 1000 in either unit.
pub const MAX_BODY_WEIGHT_HUNDREDTHS: i64 = 100_000;

/// One reading of the body weight log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyWeightReading {
    /// The local day it was weighed.
    pub day: NaiveDate,
    /// The weight, in its own unit.
    pub weight: Weight,
}

fn read((day, hundredths, unit): (String, i64, String)) -> Option<BodyWeightReading> {
    let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()?;
    let unit = Unit::parse(&unit)?;
    Some(BodyWeightReading { day, weight: Weight::new(Load::from_hundredths(hundredths), unit) })
}

impl Store {
    /// Writes the reading of local day `day`: a second one that day replaces the first (the
    /// latest typed wins). A weight outside 0.01 to 1000 is refused by the table, nothing
    /// written.
    pub fn set_body_weight(&mut self, day: NaiveDate, weight: Weight, at: DateTime<Utc>) -> Result<(), StoreError> {
        let day = day.format("%Y-%m-%d").to_string();
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO body_weight (day, weight_hundredths, unit, logged_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (day) DO UPDATE SET weight_hundredths = excluded.weight_hundredths,
                     unit = excluded.unit, logged_at = excluded.logged_at",
            )?
            .execute(params![day, weight.load.hundredths(), weight.unit.label(), at.timestamp()])?;
            Ok(())
        })
    }

    /// The reading in force on `day`: the latest on or before it (one row through the primary
    /// key); `None` before the first reading.
    pub fn body_weight_on(&self, day: NaiveDate) -> Result<Option<BodyWeightReading>, StoreError> {
        let day = day.format("%Y-%m-%d").to_string();
        let row = self
            .conn
            .prepare_cached(
                "SELECT day, weight_hundredths, unit FROM body_weight WHERE day <= ?1 ORDER BY day DESC LIMIT 1",
            )?
            .query_row([day], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        Ok(row.and_then(read))
    }

    /// Readings from `from` to `to`, both days included, oldest first, and the one in force
    /// on `from` when it was weighed earlier (so a trend or a set's day finds its weight).
    pub fn body_weights(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<BodyWeightReading>, StoreError> {
        let mut readings: Vec<BodyWeightReading> = self.body_weight_on(from)?.into_iter().collect();
        let (from, to) = (from.format("%Y-%m-%d").to_string(), to.format("%Y-%m-%d").to_string());
        let mut stmt = self.conn.prepare_cached(
            "SELECT day, weight_hundredths, unit FROM body_weight WHERE day > ?1 AND day <= ?2 ORDER BY day",
        )?;
        let rows = stmt.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        for row in rows {
            readings.extend(read(row?));
        }
        Ok(readings)
    }

    /// Every reading of the body weight log, oldest first (for the export).
    pub fn all_body_weights(&self) -> Result<Vec<BodyWeightReading>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT day, weight_hundredths, unit FROM body_weight ORDER BY day")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let mut readings = Vec::new();
        for row in rows {
            readings.extend(read(row?));
        }
        Ok(readings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).expect("date")
    }

    fn kg(text: &str) -> Weight {
        Weight::new(crate::model::units::parse_load(text).expect("load"), Unit::Kg)
    }

    #[test]
    fn the_reading_in_force_is_the_latest_on_or_before_the_day() {
        let mut store = Store::in_memory().expect("store");
        assert_eq!(store.body_weight_on(day(10)).expect("read"), None, "no reading yet");
        store.set_body_weight(day(5), kg("82.5"), DateTime::default()).expect("write");
        store.set_body_weight(day(12), kg("81"), DateTime::default()).expect("write");
        let on = |d| store.body_weight_on(day(d)).expect("read").map(|r| (r.day, r.weight));
        assert_eq!(on(4), None, "before the first reading");
        assert_eq!(on(5), Some((day(5), kg("82.5"))));
        assert_eq!(on(11), Some((day(5), kg("82.5"))));
        assert_eq!(on(20), Some((day(12), kg("81"))));
        let trend: Vec<_> = store.body_weights(day(8), day(31)).expect("read").into_iter().map(|r| r.day).collect();
        assert_eq!(trend, [day(5), day(12)], "the one in force at the start, then the range");
    }

    #[test]
    fn the_latest_typed_that_day_wins_and_bad_weights_write_nothing() {
        let mut store = Store::in_memory().expect("store");
        store.set_body_weight(day(5), kg("82.5"), DateTime::default()).expect("write");
        store
            .set_body_weight(day(5), Weight::new(Load::from_hundredths(18_000), Unit::Lb), DateTime::default())
            .expect("write");
        let reading = store.body_weight_on(day(5)).expect("read").expect("a reading");
        assert_eq!(reading.weight.to_string(), "180 lb");
        assert!(
            store
                .set_body_weight(day(6), Weight::new(Load::from_hundredths(0), Unit::Kg), DateTime::default())
                .is_err()
        );
        assert_eq!(store.body_weights(day(1), day(31)).expect("read").len(), 1, "nothing written");
    }
}

//! The body weight readings a hardset file lists, kept in the scratch database until the log is
//! written.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::{Staging, failed};
use crate::import::ImportError;
use crate::model::units::{Load, Unit, Weight};
use crate::store::BodyWeightReading;

impl Staging {
    /// Keeps a reading the file lists. A day the file already gave is kept once when the
    /// weight is the same; with another weight, the reading kept before is returned (the file
    /// contradicts itself, and the caller refuses it).
    pub(crate) fn body_weight(&self, reading: &BodyWeightReading) -> Result<Option<BodyWeightReading>, ImportError> {
        let day = reading.day.format("%Y-%m-%d").to_string();
        let (hundredths, unit) = (reading.weight.load.hundredths(), reading.weight.unit.label());
        let added = self
            .conn
            .prepare_cached(
                "INSERT INTO body_weight (day, hundredths, unit) VALUES (?1, ?2, ?3) ON CONFLICT (day) DO NOTHING",
            )
            .and_then(|mut s| s.execute(params![day, hundredths, unit]))
            .map_err(failed)?;
        if added > 0 {
            return Ok(None);
        }
        let kept: Option<(i64, String)> = self
            .conn
            .prepare_cached("SELECT hundredths, unit FROM body_weight WHERE day = ?1")
            .and_then(|mut s| s.query_row([&day], |r| Ok((r.get(0)?, r.get(1)?))).optional())
            .map_err(failed)?;
        Ok(kept.and_then(|(h, u)| {
            let weight = Weight::new(Load::from_hundredths(h), Unit::parse(&u)?);
            (weight != reading.weight).then_some(BodyWeightReading { day: reading.day, weight })
        }))
    }

    /// Each reading the file lists, oldest first.
    pub(crate) fn for_each_body_weight<E: From<ImportError>>(
        &self,
        mut visit: impl FnMut(BodyWeightReading) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut statement =
            self.conn.prepare("SELECT day, hundredths, unit FROM body_weight ORDER BY day").map_err(failed)?;
        let mut rows = statement.query([]).map_err(failed)?;
        while let Some(row) = rows.next().map_err(failed)? {
            let day: String = row.get(0).map_err(failed)?;
            let unit: String = row.get(2).map_err(failed)?;
            if let (Ok(day), Some(unit)) = (NaiveDate::parse_from_str(&day, "%Y-%m-%d"), Unit::parse(&unit)) {
                let weight = Weight::new(Load::from_hundredths(row.get(1).map_err(failed)?), unit);
                visit(BodyWeightReading { day, weight })?;
            }
        }
        Ok(())
    }
}

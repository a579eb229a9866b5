//! Reading export files: rows with their line numbers, columns found by name, and the numbers,
//! dates and durations the other apps write, each refused with the line it came from.

use std::collections::HashMap;

use super::ImportError;
use super::reader::Records;
use chrono::{NaiveDate, NaiveDateTime};

/// The columns of a header, found by name whatever their case and order.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    names: Vec<String>,
    by_name: HashMap<String, usize>,
}

impl Columns {
    pub(crate) fn new<'a>(header: impl Iterator<Item = &'a str>) -> Columns {
        let names: Vec<String> = header.map(crate::model::text::clean_line).collect();
        let by_name = names.iter().enumerate().map(|(i, n)| (n.to_lowercase(), i)).collect();
        Columns { names, by_name }
    }

    /// How many columns the header has.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    /// The first of `names` the header has.
    pub(crate) fn find(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.by_name.get(&n.to_lowercase()).copied())
    }

    /// The column `name`, or an error naming it (at the header's line).
    pub(crate) fn need(&self, name: &str) -> Result<usize, ImportError> {
        self.find(&[name]).ok_or_else(|| ImportError::at(1, format!("the header has no \"{name}\" column")))
    }

    /// Refuses a header without each of `names`, an app's own columns: it is not `app`'s
    /// (said before any question about the unit).
    pub(crate) fn app_columns(&self, app: &str, names: &[&str]) -> Result<(), ImportError> {
        match names.iter().find(|n| self.find(&[n]).is_none()) {
            Some(name) => Err(ImportError::at(1, format!("this header is not {app}'s: it has no \"{name}\" column"))),
            None => Ok(()),
        }
    }

    /// The weight column, whatever its unit suffix (`Weight`, `Weight (kg)`, `Weight (kgs)`),
    /// but not `Weight Unit`.
    pub(crate) fn weight(&self) -> Result<usize, ImportError> {
        self.names
            .iter()
            .position(|n| n.to_lowercase().starts_with("weight") && !n.to_lowercase().contains("unit"))
            .ok_or_else(|| ImportError::at(1, "the header has no \"Weight\" column"))
    }

    /// The header's names.
    pub(crate) fn names(&self) -> &[String] {
        &self.names
    }
}

/// One data row: its line in the file and its fields.
pub(crate) struct Row<'a> {
    pub(crate) line: u64,
    pub(crate) fields: &'a [String],
}

impl Row<'_> {
    /// The field in column `col`, trimmed, and without the `'` hardset's CSV layouts put before
    /// a text a spreadsheet would take for a formula; empty when the row is shorter.
    pub(crate) fn get(&self, col: usize) -> &str {
        self.fields.get(col).map_or("", |f| crate::model::text::without_spreadsheet_guard(f.trim()))
    }

    /// The field in an optional column.
    pub(crate) fn get_opt(&self, col: Option<usize>) -> &str {
        col.map_or("", |c| self.get(c))
    }

    /// An error at this row.
    pub(crate) fn error(&self, message: impl Into<String>) -> ImportError {
        ImportError::at(self.line, message)
    }

    /// A decimal number, or `None` when the field is empty.
    pub(crate) fn number(&self, col: Option<usize>, what: &str) -> Result<Option<f64>, ImportError> {
        let text = self.get_opt(col);
        number(text).map_err(|()| self.error(format!("{what} \"{text}\" is not a number")))
    }
}

/// A decimal number as the apps write it (`72.5`, or `72,5` where the comma is the decimal
/// mark), read as a lifter's typing is; `Ok(None)` when empty.
pub(crate) fn number(text: &str) -> Result<Option<f64>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    crate::model::units::parse_decimal(text).map(Some).map_err(|_| ())
}

/// Reads the rows after the header, calling `visit` with the header's columns and each data
/// row. Blank lines are passed over. `progress` hears how many bytes have been read.
pub(crate) fn for_each_row(
    records: &mut Records,
    columns: &Columns,
    progress: &mut dyn FnMut(u64),
    mut visit: impl FnMut(&Columns, &Row<'_>) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    let mut fields: Vec<String> = Vec::new();
    let mut rows = 0u64;
    while records.next_record()? {
        let line = records.line();
        if records.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if records.len() < columns.len() {
            return Err(ImportError::at(
                line,
                format!(
                    "the row has {} fields where the header has {}: is the file cut short?",
                    records.len(),
                    columns.len()
                ),
            ));
        }
        // The field buffers are reused row after row: no allocation once they are grown.
        // Every field is cleaned here, as a note is: no control character (tabs and line
        // breaks aside) or invisible formatting gets past this line.
        fields.resize_with(records.len(), String::new);
        for (buffer, field) in fields.iter_mut().zip(records.iter()) {
            buffer.clear();
            buffer.push_str(&crate::model::text::clean_note(field));
        }
        visit(columns, &Row { line, fields: &fields })?;
        rows += 1;
        if rows.is_multiple_of(1000) {
            progress(records.bytes_read());
        }
    }
    progress(records.bytes_read());
    Ok(())
}

/// The header's columns: the first record that is not blank.
pub(crate) fn header(records: &mut Records) -> Result<Columns, ImportError> {
    while records.next_record()? {
        if !records.iter().all(|f| f.trim().is_empty()) {
            return Ok(Columns::new(records.iter()));
        }
    }
    Err(ImportError::whole("the file is empty: there is no header"))
}

/// The unit of a file's weights: what its header says, else `--unit`; both must agree.
pub(crate) fn resolve_unit(
    in_file: Option<crate::model::units::Unit>,
    flag: Option<crate::model::units::Unit>,
    app: &str,
) -> Result<crate::model::units::Unit, ImportError> {
    match (in_file, flag) {
        (Some(file), Some(flag)) if file != flag => Err(ImportError::at(
            1,
            format!("the header says the weights are in {file}, but --unit says {flag}: leave --unit out"),
        )),
        (Some(unit), _) | (None, Some(unit)) => Ok(unit),
        (None, None) => Err(ImportError::whole(format!(
            "this {app} export does not say whether its weights are kg or lb, and hardset will not guess: \
             run the import again with --unit kg or --unit lb"
        ))),
    }
}

/// A unit named in a header such as `Weight (kg)`, `Weight (lbs)` or `weight_kg`.
pub(crate) fn unit_in_name(name: &str) -> Option<crate::model::units::Unit> {
    let lower = name.to_lowercase();
    let inner = lower
        .split_once('(')
        .map(|(_, rest)| rest.trim_end_matches(')').trim().to_string())
        .or_else(|| lower.rsplit_once('_').map(|(_, unit)| unit.to_string()))?;
    crate::model::units::Unit::parse(&inner)
}

/// Month names (or their abbreviations) as apps write them in French, German, Spanish, Italian,
/// Portuguese and Dutch, and English's "Sept": Hevy writes dates in the phone's language.
const MONTHS: [(&str, &str); 48] = [
    ("sept", "Sep"),
    ("janv", "Jan"),
    ("janvier", "Jan"),
    ("févr", "Feb"),
    ("fevr", "Feb"),
    ("février", "Feb"),
    ("mars", "Mar"),
    ("avr", "Apr"),
    ("avril", "Apr"),
    ("mai", "May"),
    ("juin", "Jun"),
    ("juil", "Jul"),
    ("juillet", "Jul"),
    ("août", "Aug"),
    ("aout", "Aug"),
    ("septembre", "Sep"),
    ("octobre", "Oct"),
    ("novembre", "Nov"),
    ("déc", "Dec"),
    ("décembre", "Dec"),
    ("märz", "Mar"),
    ("maerz", "Mar"),
    ("juni", "Jun"),
    ("juli", "Jul"),
    ("okt", "Oct"),
    ("dez", "Dec"),
    ("ene", "Jan"),
    ("abr", "Apr"),
    ("ago", "Aug"),
    ("set", "Sep"),
    ("dic", "Dec"),
    ("enero", "Jan"),
    ("febrero", "Feb"),
    ("marzo", "Mar"),
    ("mayo", "May"),
    ("junio", "Jun"),
    ("julio", "Jul"),
    ("agosto", "Aug"),
    ("gen", "Jan"),
    ("mag", "May"),
    ("giu", "Jun"),
    ("lug", "Jul"),
    ("ott", "Oct"),
    ("fev", "Feb"),
    ("out", "Oct"),
    ("mei", "May"),
    ("mrt", "Mar"),
    ("oktober", "Oct"),
];

/// `text` with other languages' month names in English and the "de" of "15 de sept. de 2025"
/// left out, so one set of formats reads them all.
fn english_months(text: &str) -> String {
    let mut words = Vec::new();
    for word in text.split_whitespace() {
        let comma = word.ends_with(',');
        let bare = word.trim_end_matches(',').trim_end_matches('.').to_lowercase();
        if bare == "de" || bare == "del" {
            continue;
        }
        let english = MONTHS.iter().find(|(name, _)| *name == bare).map(|(_, en)| *en);
        match english {
            Some(month) => words.push(if comma { format!("{month},") } else { month.to_string() }),
            None => words.push(word.to_string()),
        }
    }
    words.join(" ")
}

/// The quarter (of a kg or a lb) that `value` stands for in the other unit, when an app wrote it
/// converted with the long decimals no one types: `value` is not a load to the hundredth, and
/// `value` times one of `per` (the other unit in one of `value`'s, as apps round the factor) is
/// on the quarter within 1e-6. Fitbod writes 20 lb as `9.071858188712795` kg; Strong in Chinese
/// writes 20 kg as `44.09245243697551` lb.
pub(crate) fn converted_quarter(value: f64, per: &[f64]) -> Option<f64> {
    let hundredths = value * 100.0;
    if value <= 0.0 || (hundredths - hundredths.round()).abs() < 1e-6 {
        return None;
    }
    per.iter()
        .map(|per| value * per * 4.0)
        .find(|quarters| (quarters - quarters.round()).abs() < 1e-6 && quarters.round() > 0.0)
        .map(|quarters| quarters.round() / 4.0)
}

/// The years a date in a file may have, as the app's own date prompts take them: chrono reads
/// `%Y` as any signed year (`+262142`), and a time that far out overflows when sets are spread
/// over its workout.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

fn in_years<T: chrono::Datelike>(t: T) -> Option<T> {
    YEARS.contains(&t.year()).then_some(t)
}

/// A local date and time as the apps write it: `2024-11-28 17:36:08`, `2024-11-28T17:36`,
/// `15 Sep 2025, 07:48`, `9 September 2025, 06:46`, `Sep 15, 2025, 7:48`, `15.09.2025, 07:48`,
/// and month names in other languages (`15 sept. 2025, 07:48`, `3 März 2025, 18:00`).
pub(crate) fn local_time(text: &str) -> Option<NaiveDateTime> {
    const FORMATS: [&str; 13] = [
        "%d.%m.%Y, %H:%M",
        "%d.%m.%Y %H:%M",
        "%Y/%m/%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%d %b %Y, %H:%M",
        "%d %B %Y, %H:%M",
        "%d %b %Y %H:%M",
        "%b %d, %Y, %H:%M",
        "%B %d, %Y, %H:%M",
        "%d %b %Y, %H:%M:%S",
    ];
    let text = text.trim();
    FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| {
            let english = english_months(text);
            FORMATS.iter().find_map(|f| NaiveDateTime::parse_from_str(&english, f).ok())
        })
        .and_then(in_years)
}

/// A time that says its zone, in UTC: `2026-06-29T04:56:39.712Z` (ISO), `2022-01-05 22:06:49
/// +0000`, `2026-03-07 09:01:00 +00:00`.
pub(crate) fn zoned_time(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let text = text.trim();
    chrono::DateTime::parse_from_rfc3339(text)
        .ok()
        .or_else(|| {
            ["%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S%.f %z", "%Y-%m-%d %H:%M:%S %:z"]
                .iter()
                .find_map(|f| chrono::DateTime::parse_from_str(text, f).ok())
        })
        .map(|t| t.with_timezone(&chrono::Utc))
        .and_then(in_years)
}

/// A calendar date: `2025-04-29`.
pub(crate) fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok().and_then(in_years)
}

/// A duration as Strong writes it: seconds (`2134`), or `31m`, `1h 3m`, `2h`, `45s`.
pub(crate) fn duration_seconds(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(seconds) = text.parse::<f64>() {
        return (seconds.is_finite() && seconds >= 0.0).then_some(seconds.round() as i64);
    }
    let mut total = 0i64;
    let mut seen = false;
    for part in text.split_whitespace() {
        let split = part.find(|c: char| !c.is_ascii_digit())?;
        let (digits, unit) = part.split_at(split);
        let value: i64 = digits.parse().ok()?;
        total += value
            * match unit {
                "h" => 3600,
                "m" | "min" => 60,
                "s" => 1,
                _ => return None,
            };
        seen = true;
    }
    seen.then_some(total)
}

/// RIR from RPE: RPE 10 is no reps left, 9.5 half a rep, ... 6 is four; RPE below 6 reads on
/// the same scale. Outside 0-10 it is refused.
pub(crate) fn rir_from_rpe(rpe: f64) -> Option<crate::model::units::Rir> {
    if !(0.0..=10.0).contains(&rpe) {
        return None;
    }
    crate::model::units::rir_from_value(((10.0 - rpe) * 2.0).round() / 2.0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_the_apps_write_them() {
        assert_eq!(number("149.99999999999997"), Ok(Some(149.999_999_999_999_97)));
        assert_eq!(number(" 72,5 "), Ok(Some(72.5)));
        assert_eq!(number(""), Ok(None));
        assert_eq!(number("nan"), Err(()));
        assert_eq!(number("inf"), Err(()));
        assert_eq!(number("1e400"), Err(()));
        assert_eq!(number("1,000.5"), Err(()));
        assert_eq!(number("abc"), Err(()));
    }

    #[test]
    fn dates_padded_or_not_in_words_or_digits() {
        let at = |s: &str| local_time(s).map(|t| t.format("%Y-%m-%d %H:%M").to_string());
        assert_eq!(at("9 Sep 2025, 06:46").as_deref(), Some("2025-09-09 06:46"));
        assert_eq!(at("15 Sep 2025, 07:48").as_deref(), Some("2025-09-15 07:48"));
        assert_eq!(at("3 July 2024, 15:36").as_deref(), Some("2024-07-03 15:36"));
        assert_eq!(at("Sep 15, 2025, 7:48").as_deref(), Some("2025-09-15 07:48"));
        assert_eq!(at("2024-11-28 17:36:08").as_deref(), Some("2024-11-28 17:36"));
        assert_eq!(at("28/11/2024 17:36"), None, "day or month first cannot be told");
    }

    #[test]
    fn dates_in_other_languages() {
        let at = |s: &str| local_time(s).map(|t| t.format("%Y-%m-%d %H:%M").to_string());
        assert_eq!(at("15 sept. 2025, 07:48").as_deref(), Some("2025-09-15 07:48"));
        assert_eq!(at("15 Sept 2025, 07:48").as_deref(), Some("2025-09-15 07:48"));
        assert_eq!(at("3 März 2025, 18:00").as_deref(), Some("2025-03-03 18:00"));
        assert_eq!(at("3 févr. 2025, 18:00").as_deref(), Some("2025-02-03 18:00"));
        assert_eq!(at("15 de sept. de 2025, 7:48").as_deref(), Some("2025-09-15 07:48"));
        assert_eq!(at("21 dic 2024, 09:05").as_deref(), Some("2024-12-21 09:05"));
        assert_eq!(at("5 giu 2025, 19:30").as_deref(), Some("2025-06-05 19:30"));
        assert_eq!(at("15.09.2025, 07:48").as_deref(), Some("2025-09-15 07:48"));
        assert_eq!(at("15 Smarch 2025, 07:48"), None);
        assert_eq!(at("+262142-12-31 23:59:00"), None, "a year no log holds");
    }

    #[test]
    fn times_that_say_their_zone() {
        let at = |s: &str| zoned_time(s).map(|t| t.format("%Y-%m-%d %H:%M:%S%.3f").to_string());
        assert_eq!(at("2026-06-29T04:56:39.712Z").as_deref(), Some("2026-06-29 04:56:39.712"));
        assert_eq!(at("2026-06-29T04:56:39Z").as_deref(), Some("2026-06-29 04:56:39.000"));
        assert_eq!(at("2022-01-05 22:06:49 +0000").as_deref(), Some("2022-01-05 22:06:49.000"));
        assert_eq!(at("2026-03-07 09:01:00 +00:00").as_deref(), Some("2026-03-07 09:01:00.000"));
        assert_eq!(at("2026-03-07 09:01:00 +0130").as_deref(), Some("2026-03-07 07:31:00.000"));
        assert_eq!(at("2026-03-07 09:01:00"), None, "no zone");
        assert_eq!(at("+262142-12-31 23:59:00 +0000"), None, "a year no log holds");
        assert_eq!(at("0999-12-31 23:59:00 +0000"), None);
        assert!(at("9999-12-31 23:59:00 +0000").is_some());
        assert_eq!(at("yesterday"), None);
    }

    #[test]
    fn durations_in_seconds_or_words() {
        assert_eq!(duration_seconds("2134"), Some(2134));
        assert_eq!(duration_seconds("31m"), Some(1860));
        assert_eq!(duration_seconds("1h 3m"), Some(3780));
        assert_eq!(duration_seconds("2h"), Some(7200));
        assert_eq!(duration_seconds("57h 42m"), Some(207_720));
        assert_eq!(duration_seconds("soon"), None);
        assert_eq!(duration_seconds(""), None);
    }

    #[test]
    fn rpe_maps_to_rir_in_half_steps() {
        let rir = |rpe: f64| rir_from_rpe(rpe).map(crate::model::units::Rir::as_f64);
        assert_eq!(rir(10.0), Some(0.0));
        assert_eq!(rir(9.5), Some(0.5));
        assert_eq!(rir(9.0), Some(1.0));
        assert_eq!(rir(8.5), Some(1.5));
        assert_eq!(rir(7.0), Some(3.0));
        assert_eq!(rir(6.0), Some(4.0));
        assert_eq!(rir(11.0), None);
        assert_eq!(rir(-1.0), None);
    }
}

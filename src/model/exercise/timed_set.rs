//! A timed or distance set as typed on the command line, for an exercise the catalogue says
//! measures a time, a distance or both (`hardset log Plank 60s`, `hardset log "Rowing machine"
//! 2000m/7:45`, `hardset log "Farmer's walk" 32x40m`). A set of reps is `parse_set_in`'s.
//!
//! The shape is `[LOAD x] MEASURE[/MEASURE] [@EFFORT]`, the load first as in `80x8`:
//! - a time is `60`, `60s`, `1:00`, `7:45`, `1:02:03`, `30min`, `2m30s`, `1h`;
//! - a distance is `40m`, `2000m`, `2 km`, `1.5mi` (a bare number is metres for a carry or
//!   cardio, seconds for a hold; `m` alone is metres, minutes are `min` or `1:00`, except
//!   for a hold, which has no distance: its `1m` is a minute);
//! - a hold takes a time, a carry a distance and optionally a time, cardio either or both and no
//!   load; the parts may come in either order.

use super::Measures;
use crate::model::units::{Distance, Effort, Load, Rir, parse_load, parse_seconds};

/// What a timed or distance set holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimedSet {
    /// Added load (a weighted plank, a carry's weight); 0 when none.
    pub load: Load,
    /// The time, when it has one.
    pub seconds: Option<u32>,
    /// The distance, when it has one.
    pub distance: Option<Distance>,
    /// Effort, when typed.
    pub rir: Option<Rir>,
}

/// One part of the measure: a time or a distance.
enum Part {
    Time(u32),
    Distance(Distance),
}

/// Whether `text` is written as a distance: a number followed by `m`, `km` or `mi`.
fn looks_like_distance(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    let unit = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',').trim();
    matches!(unit, "m" | "km" | "mi" | "mi.")
}

/// Reads a time typed in a form field or a token: as [`parse_seconds`], its error in words.
pub fn parse_time_field(text: &str) -> Result<u32, String> {
    parse_seconds(text).map_err(|e| e.to_string())
}

/// Reads a distance typed in a form field or a token: `2000` or `2000 m` (metres), `2 km`,
/// `1.5 mi`.
pub fn parse_distance_field(text: &str) -> Result<Distance, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("enter a distance, such as 2000 or 2 km".into());
    }
    Distance::parse(trimmed)
        .map_err(|e| e.to_string())
        .and_then(|d| if d.centimetres() == 0 { Err("a distance is at least 1 cm".into()) } else { Ok(d) })
}

fn part(text: &str, measures: Measures) -> Result<Part, String> {
    // A hold has no distance: its `1m` is a minute.
    let lower = text.trim().to_ascii_lowercase();
    let metres =
        looks_like_distance(text) && !(measures == Measures::Time && lower.ends_with('m') && !lower.ends_with("km"));
    let bare = text.trim().bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let distance = metres || (bare && measures != Measures::Time && !text.contains(':'));
    if distance { parse_distance_field(text).map(Part::Distance) } else { parse_time_field(text).map(Part::Time) }
}

/// Reads one timed or distance set for an exercise that `measures` a time, a distance or both.
/// The error names the token, and says what the exercise takes.
pub fn parse_timed_set_in(text: &str, measures: Measures, effort: Effort) -> Result<TimedSet, String> {
    let shown = crate::model::text::escape(text);
    let example = match measures {
        Measures::Time => "60s, 1:00 or 10x45s (10 kg for 45 s)",
        Measures::Distance => "40m, 32x40m (32 kg for 40 m) or 32x40m/35s",
        Measures::TimeDistance | Measures::Reps => "2000m/7:45, 5km, 30min or 2000m",
    };
    let explain = |why: String| format!("'{shown}': {why}; write it as {example}");
    let (main, at) = match text.split_once('@') {
        Some((main, at)) => (main, Some(at)),
        None => (text, None),
    };
    let (load, measure) = match main.split_once(['x', 'X', '×']) {
        Some((load, measure)) => {
            if !measures.takes_load() {
                return Err(explain("cardio takes no load".into()));
            }
            (parse_load(load).map_err(|e| explain(format!("load: {e}")))?, measure)
        }
        None => (Load::default(), main),
    };
    let mut set = TimedSet { load, ..TimedSet::default() };
    let parts: Vec<&str> = measure.split('/').collect();
    if parts.len() > 2 {
        return Err(explain("at most a distance and a time".into()));
    }
    for text in parts {
        match part(text, measures).map_err(&explain)? {
            Part::Time(_) if set.seconds.is_some() => return Err(explain("two times".into())),
            Part::Distance(_) if set.distance.is_some() => return Err(explain("two distances".into())),
            Part::Time(s) => set.seconds = Some(s),
            Part::Distance(d) => set.distance = Some(d),
        }
    }
    match measures {
        Measures::Time if set.distance.is_some() => return Err(explain("a hold measures time, not distance".into())),
        Measures::Distance if set.distance.is_none() => return Err(explain("a carry needs its distance".into())),
        _ => {}
    }
    if let Some(at) = at {
        set.rir = Some(effort.parse_at(at).map_err(|e| explain(format!("effort: {e}")))?);
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, measures: Measures) -> Result<(String, Option<u32>, Option<String>), String> {
        parse_timed_set_in(text, measures, Effort::Rir)
            .map(|s| (s.load.to_string(), s.seconds, s.distance.map(|d| d.to_string())))
    }

    #[test]
    fn holds_read_a_time_and_an_optional_load() {
        for text in ["60", "60s", "1:00", "1m", "1min", " 60 s "] {
            assert_eq!(read(text, Measures::Time), Ok(("0".into(), Some(60), None)), "{text}");
        }
        assert_eq!(read("10x45s", Measures::Time), Ok(("10".into(), Some(45), None)));
        assert_eq!(read("1:02:03", Measures::Time), Ok(("0".into(), Some(3723), None)));
        assert!(read("2km", Measures::Time).expect_err("refused").contains("a hold measures time"));
        for bad in ["", "0", "0:00", "1:60", "abc", "60s/70s", "-10x60", "1:00:00:00", "25h"] {
            assert!(read(bad, Measures::Time).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn carries_read_a_distance_an_optional_time_and_their_load() {
        assert_eq!(read("32x40m", Measures::Distance), Ok(("32".into(), None, Some("40 m".into()))));
        assert_eq!(read("64x40m/35s", Measures::Distance), Ok(("64".into(), Some(35), Some("40 m".into()))));
        assert_eq!(read("40", Measures::Distance), Ok(("0".into(), None, Some("40 m".into()))));
        let refused = read("32x35s", Measures::Distance).expect_err("no distance");
        assert!(refused.contains("a carry needs its distance") && refused.contains("32x40m"), "{refused}");
    }

    #[test]
    fn cardio_reads_distance_and_time_in_either_order_and_no_load() {
        let row = Ok(("0".into(), Some(465), Some("2,000 m".into())));
        assert_eq!(read("2000m/7:45", Measures::TimeDistance), row);
        assert_eq!(read("7:45/2000", Measures::TimeDistance), row);
        assert_eq!(read("2km/465s", Measures::TimeDistance), row);
        assert_eq!(read("30min", Measures::TimeDistance), Ok(("0".into(), Some(1800), None)));
        assert_eq!(read("5km", Measures::TimeDistance), Ok(("0".into(), None, Some("5,000 m".into()))));
        assert_eq!(read("1.5mi", Measures::TimeDistance).map(|r| r.2), Ok(Some("2,414.02 m".into())));
        assert!(read("20x2000m", Measures::TimeDistance).expect_err("no load").contains("cardio takes no load"));
        for bad in ["2000m/2000m", "7:45/8:00", "2000m/7:45/1", "1001km", "m", "/"] {
            assert!(read(bad, Measures::TimeDistance).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn effort_reads_in_the_lifters_scale_and_errors_name_the_token() {
        let set = parse_timed_set_in("32x40m@1", Measures::Distance, Effort::Rir).expect("reads");
        assert_eq!(set.rir.map(Rir::halves), Some(2));
        let set = parse_timed_set_in("60s@9", Measures::Time, Effort::Rpe).expect("reads");
        assert_eq!(set.rir.map(Rir::halves), Some(2));
        let refused = parse_timed_set_in("6\u{7}0s", Measures::Time, Effort::Rir).expect_err("refused");
        assert!(!refused.contains('\u{7}'), "a control character is escaped: {refused}");
    }
}

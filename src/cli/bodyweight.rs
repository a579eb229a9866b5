//! `hardset bodyweight`: the body weight log from the shell (`hardset bodyweight 82.5` writes
//! today's reading, alone it prints the latest and its trend), and how `log` reads a set on the
//! body's weight (`BWx8@1`, `BW+10x6@0`, `BW-20x10`).

use chrono::{Days, NaiveDate};

use super::app::load_settings;
use super::{Context, announce, open_to_write, say, warn};
use crate::clock::{Clock, SystemClock};
use crate::error::Error;
use crate::model::session::{Basis, parse_bodyweight_set_in};
use crate::model::text::escape;
use crate::model::units::{Effort, InputError, Load, Rir, Unit, Weight, parse_hundredths, parse_set_in};
use crate::store::{BodyWeightReading, MAX_BODY_WEIGHT_HUNDREDTHS, Store};

/// A set of `log`: `BW...` on the body's weight (any exercise: a weighted push-up may be a
/// plan's own), a load otherwise; a bare load on a bodyweight exercise is refused with how to
/// write it, since "10x8" could be a belt or an assistance.
pub(super) fn parse_log_set(
    text: &str,
    effort: Effort,
    bodyweight: bool,
    exercise: &str,
) -> Result<(Basis, Load, u16, Option<Rir>), Error> {
    if let Some(read) = parse_bodyweight_set_in(text, effort) {
        return read.map_err(Error::Input);
    }
    let (load, reps, rir) = parse_set_in(text, effort).map_err(Error::Input)?;
    if bodyweight {
        return Err(Error::Input(format!(
            "'{}': {} is done on body weight: write BWx{reps}, BW+{load}x{reps} (a belt) or BW-{load}x{reps} (assisted)",
            escape(text),
            escape(exercise)
        )));
    }
    Ok((Basis::Load, load, reps, rir))
}

/// Reads a body weight as typed: `82.5`, `82,5`; above 0 and at most 1000.
pub fn parse_body_weight(text: &str) -> Result<Load, String> {
    let shown = escape(text.trim());
    let hundredths = parse_hundredths(text).map_err(|e| match e {
        InputError::Empty => "give the body weight, e.g. hardset bodyweight 82.5".to_string(),
        e => format!("'{shown}' is not a body weight: {e}"),
    })?;
    if hundredths <= 0 {
        return Err(format!("'{shown}' is not a body weight: it is above 0"));
    }
    if hundredths > MAX_BODY_WEIGHT_HUNDREDTHS {
        return Err(format!("'{shown}' is not a body weight: 1000 is the most"));
    }
    Ok(Load::from_hundredths(hundredths))
}

/// `hardset bodyweight [WEIGHT] [--unit U] [--date D]`.
pub(super) fn run(
    context: &Context,
    weight: Option<&str>,
    unit: Option<Unit>,
    date: Option<NaiveDate>,
) -> Result<(), Error> {
    let (settings, warning) = load_settings(context.explicit_config, &context.paths)?;
    let today = SystemClock.local_date(SystemClock.now());
    let day = date.unwrap_or(today);
    let Some(text) = weight else {
        let store = Store::open_to_read(&context.paths.database)?;
        announce(&store);
        warn(warning);
        return say(&trend_text(&store, day)?);
    };
    // Checked before the log is opened: bad input writes nothing.
    let load = parse_body_weight(text).map_err(Error::Input)?;
    if day > today {
        return Err(Error::Input(format!("--date {day}: that is in the future; weigh in on the day")));
    }
    let weight = Weight::new(load, unit.unwrap_or(settings.units.load));
    let mut store = open_to_write(&context.paths.database)?;
    announce(&store);
    warn(warning);
    let replaced = store.body_weight_on(day)?.filter(|r| r.day == day);
    store.set_body_weight(day, weight, SystemClock.now())?;
    let was = replaced.map(|r| format!(" (was {})", r.weight)).unwrap_or_default();
    say(&format!("body weight {weight} on {}{was}", day.format("%a %-d %b %Y")))?;
    say(&trend_text(&store, day)?)
}

/// The latest reading on or before `day`, and its change over 4 weeks and over the readings
/// shown: "Body weight 82.5 kg (5 Dec); 4 weeks ago 84 kg: -1.5 kg." with the last readings.
pub fn trend_text(store: &Store, day: NaiveDate) -> Result<String, Error> {
    let from = day.checked_sub_days(Days::new(28)).unwrap_or(day);
    let readings = store.body_weights(from, day)?;
    Ok(describe(&readings, day))
}

/// The words of [`trend_text`], from the readings of the 4 weeks to `day` (the first one in
/// force at their start), with the last few readings under them.
pub fn describe(readings: &[BodyWeightReading], day: NaiveDate) -> String {
    let pairs: Vec<(NaiveDate, Weight)> = readings.iter().map(|r| (r.day, r.weight)).collect();
    let Some(mut text) = crate::training::bodyweight::trend_words(&pairs, day) else {
        return "No body weight logged yet: hardset bodyweight 82.5 logs today's.".into();
    };
    let shown: Vec<String> =
        readings.iter().rev().take(6).map(|r| format!("  {}  {}", r.day.format("%a %-d %b"), r.weight)).collect();
    if shown.len() > 1 {
        text.push('\n');
        text.push_str(&shown.join("\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(d: u32, hundredths: i64) -> BodyWeightReading {
        BodyWeightReading {
            day: NaiveDate::from_ymd_opt(2026, 11, d).expect("date"),
            weight: Weight::new(Load::from_hundredths(hundredths), Unit::Kg),
        }
    }

    #[test]
    fn body_weights_are_checked_before_anything_is_written() {
        assert_eq!(parse_body_weight("82,5"), Ok(Load::from_hundredths(8250)));
        assert_eq!(parse_body_weight("0"), Err("'0' is not a body weight: it is above 0".into()));
        assert_eq!(parse_body_weight("-80"), Err("'-80' is not a body weight: it is above 0".into()));
        assert_eq!(parse_body_weight("1000.01"), Err("'1000.01' is not a body weight: 1000 is the most".into()));
        assert_eq!(parse_body_weight("8o"), Err("'8o' is not a body weight: '8o' is not a number".into()));
        assert!(parse_body_weight("82.555").is_err());
        assert!(parse_body_weight("nan").is_err());
    }

    #[test]
    fn the_trend_says_the_change_over_four_weeks() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        assert_eq!(describe(&[], day), "No body weight logged yet: hardset bodyweight 82.5 logs today's.");
        assert_eq!(describe(&[reading(29, 8250)], day), "Body weight 82.5 kg (29 Nov 2026).");
        let text = describe(&[reading(1, 8400), reading(15, 8300), reading(29, 8250)], day);
        assert!(text.starts_with("Body weight 82.5 kg (29 Nov 2026); 4 weeks ago 84 kg: -1.5 kg.\n"), "{text}");
        assert!(text.contains("Sun 1 Nov  84 kg"), "{text}");
        let text = describe(&[reading(20, 8000), reading(29, 8250)], day);
        assert!(text.starts_with("Body weight 82.5 kg (29 Nov 2026); since 20 Nov 80 kg: +2.5 kg."), "{text}");
    }

    #[test]
    fn log_reads_bodyweight_sets_and_refuses_a_bare_load_on_one() {
        let read = |t: &str, bw: bool| parse_log_set(t, Effort::Rir, bw, "Chin-up").map_err(|e| e.to_string());
        assert_eq!(read("BW+10x6@0", true).map(|(b, l, r, _)| (b, l.hundredths(), r)), Ok((Basis::BodyPlus, 1000, 6)));
        assert_eq!(read("bwx8@1", true).map(|(b, l, r, _)| (b, l.hundredths(), r)), Ok((Basis::BodyPlus, 0, 8)));
        assert_eq!(read("BW-20x10", true).map(|(b, l, _, _)| (b, l.hundredths())), Ok((Basis::Assisted, 2000)));
        assert_eq!(
            read("10x8", true),
            Err("'10x8': Chin-up is done on body weight: write BWx8, BW+10x8 (a belt) or BW-10x8 (assisted)".into())
        );
        assert_eq!(read("60x8", false).map(|(b, l, _, _)| (b, l.hundredths())), Ok((Basis::Load, 6000)));
    }
}

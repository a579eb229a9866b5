//! Week against week: pairing sets and saying what changed.

use chrono::{Datelike, Days, NaiveDate};

use crate::model::session::SetEntry;
use crate::model::units::Load;

mod timed;

/// The Monday that starts the ISO week of `date`, and the next Monday.
pub fn week_bounds(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let monday = date - Days::new(u64::from(date.weekday().num_days_from_monday()));
    (monday, monday + Days::new(7))
}

/// Better, worse or level with last week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// More load, or the same load for more reps.
    Better,
    /// Less load for no more reps, or the same load for fewer reps.
    Worse,
    /// Neither clearly.
    Level,
}

/// Best e1RM last week against this week: a change under 0.05 (of kg or lb, below what a
/// display rounded to 0.1 shows) is level.
pub fn e1rm_verdict(before: f64, now: f64) -> Verdict {
    let change = now - before;
    if change > 0.05 {
        Verdict::Better
    } else if change < -0.05 {
        Verdict::Worse
    } else {
        Verdict::Level
    }
}

/// How this week's set differs from last week's at the same position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetDiff {
    /// `+2.5 kg, -1 rep`, or `same`.
    pub text: String,
    /// The overall verdict.
    pub verdict: Verdict,
}

fn signed(value: i64, unit: &str) -> String {
    let load = Load::from_hundredths(value.abs());
    format!("{}{load} {unit}", if value < 0 { "-" } else { "+" })
}

/// Compares this week's set with last week's; `None` when units differ (no silent conversion).
pub fn diff(last: &SetEntry, this: &SetEntry) -> Option<SetDiff> {
    if last.timed_or_distance() || this.timed_or_distance() {
        return timed::diff(last, this);
    }
    if last.weight.unit != this.weight.unit {
        return None;
    }
    // A bodyweight set's belt counts up and its assistance down: BW-20 to BW-15 is 5 more.
    let added = |e: &SetEntry| crate::model::session::signed_hundredths(e.basis, e.weight.load);
    let load = added(this) - added(last);
    let reps = i32::from(this.reps) - i32::from(last.reps);
    let mut parts = Vec::new();
    if load != 0 {
        parts.push(signed(load, this.weight.unit.label()));
    }
    if reps != 0 {
        parts.push(format!("{reps:+} rep{}", if reps.abs() == 1 { "" } else { "s" }));
    }
    let verdict = match (load.signum(), reps.signum()) {
        (1, r) if r >= 0 => Verdict::Better,
        (0, 1) => Verdict::Better,
        (-1, r) if r <= 0 => Verdict::Worse,
        (0, -1) => Verdict::Worse,
        _ => Verdict::Level,
    };
    // A set that broke form earns nothing (METHOD.md section 4): it is never marked better.
    let verdict = if this.form_broke && verdict == Verdict::Better { Verdict::Level } else { verdict };
    let text = if parts.is_empty() { "same".to_string() } else { parts.join(", ") };
    Some(SetDiff { text, verdict })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::SetKind;
    use crate::model::units::{Unit, Weight};

    fn set(load: f64, reps: u16, unit: Unit) -> SetEntry {
        SetEntry {
            exercise: "Lat pulldown".into(),
            kind: SetKind::Working,
            weight: Weight::new(Load::from_f64(load).expect("valid"), unit),
            reps,
            rir: None,
            form_broke: false,
            note: String::new(),
            ..Default::default()
        }
    }

    #[test]
    fn weeks_start_on_monday() {
        let sunday = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
        let (start, end) = week_bounds(sunday);
        assert_eq!(start, NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"));
        assert_eq!(end, NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"));
        assert_eq!(week_bounds(start).0, start);
    }

    #[test]
    fn more_load_is_better_and_fewer_reps_at_same_load_is_worse() {
        let better = diff(&set(60.0, 10, Unit::Kg), &set(62.5, 10, Unit::Kg)).expect("same unit");
        assert_eq!((better.text.as_str(), better.verdict), ("+2.5 kg", Verdict::Better));
        let worse = diff(&set(60.0, 10, Unit::Kg), &set(60.0, 8, Unit::Kg)).expect("same unit");
        assert_eq!((worse.text.as_str(), worse.verdict), ("-2 reps", Verdict::Worse));
        let level = diff(&set(60.0, 10, Unit::Kg), &set(62.5, 7, Unit::Kg)).expect("same unit");
        assert_eq!((level.text.as_str(), level.verdict), ("+2.5 kg, -3 reps", Verdict::Level));
        assert_eq!(diff(&set(60.0, 10, Unit::Kg), &set(60.0, 10, Unit::Kg)).map(|d| d.text), Some("same".into()));
    }

    #[test]
    fn a_set_that_broke_form_is_never_better() {
        let mut broke = set(62.5, 10, Unit::Kg);
        broke.form_broke = true;
        assert_eq!(diff(&set(60.0, 10, Unit::Kg), &broke).map(|d| d.verdict), Some(Verdict::Level));
    }

    #[test]
    fn different_units_are_not_compared() {
        assert_eq!(diff(&set(60.0, 10, Unit::Kg), &set(135.0, 10, Unit::Lb)), None);
    }

    #[test]
    fn a_best_e1rm_change_below_what_the_screen_shows_is_level() {
        assert_eq!(e1rm_verdict(100.0, 101.0), Verdict::Better);
        assert_eq!(e1rm_verdict(100.0, 99.0), Verdict::Worse);
        assert_eq!(e1rm_verdict(100.0, 100.04), Verdict::Level, "shows as 100.0 -> 100.0");
        assert_eq!(e1rm_verdict(100.0, 99.96), Verdict::Level);
        assert_eq!(e1rm_verdict(100.0, 100.1), Verdict::Better, "shows as +0.1");
    }
}

//! Comparing two holds, carries or cardio sets: by time and distance, never by reps (a timed set
//! has none) or an e1RM (it has none either).

use super::{SetDiff, Verdict, signed};
use crate::model::session::SetEntry;

/// How `this` timed set compares with `last`: more time held, further, or the same distance
/// faster is better; the load counts as for a lift. `None` when the units differ or one of them
/// is a set of reps.
pub(super) fn diff(last: &SetEntry, this: &SetEntry) -> Option<SetDiff> {
    if last.weight.unit != this.weight.unit || !last.timed_or_distance() || !this.timed_or_distance() {
        return None;
    }
    let load = this.weight.load.hundredths() - last.weight.load.hundredths();
    let seconds = match (last.seconds, this.seconds) {
        (Some(a), Some(b)) => i64::from(b) - i64::from(a),
        _ => 0,
    };
    let centimetres = match (last.distance, this.distance) {
        (Some(a), Some(b)) => i64::from(b.centimetres()) - i64::from(a.centimetres()),
        _ => 0,
    };
    let mut parts = Vec::new();
    if load != 0 {
        parts.push(signed(load, this.weight.unit.label()));
    }
    if centimetres != 0 {
        parts.push(signed(centimetres, "m"));
    }
    if seconds != 0 {
        parts.push(format!("{seconds:+} s"));
    }
    // With a distance, less time is faster; without one, more time is a longer hold.
    let with_distance = last.distance.is_some() && this.distance.is_some();
    let time = if with_distance { -seconds.signum() } else { seconds.signum() };
    let signs = [load.signum(), centimetres.signum(), time];
    let verdict = if signs.iter().all(|&s| s >= 0) && signs.contains(&1) {
        Verdict::Better
    } else if signs.iter().all(|&s| s <= 0) && signs.contains(&-1) {
        Verdict::Worse
    } else {
        Verdict::Level
    };
    let verdict = if this.form_broke && verdict == Verdict::Better { Verdict::Level } else { verdict };
    let text = if parts.is_empty() { "same".to_string() } else { parts.join(", ") };
    Some(SetDiff { text, verdict })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::units::{Distance, Load, Unit, Weight};

    fn timed(load: f64, seconds: Option<u32>, metres: Option<f64>) -> SetEntry {
        SetEntry {
            weight: Weight::new(Load::from_f64(load).expect("load"), Unit::Kg),
            seconds,
            distance: metres.and_then(Distance::from_metres),
            ..Default::default()
        }
    }

    fn verdict(last: &SetEntry, this: &SetEntry) -> (String, Verdict) {
        diff(last, this).map(|d| (d.text, d.verdict)).expect("comparable")
    }

    #[test]
    fn longer_holds_further_carries_and_faster_rows_are_better() {
        let plank = |s| timed(0.0, Some(s), None);
        assert_eq!(verdict(&plank(60), &plank(70)), ("+10 s".into(), Verdict::Better));
        assert_eq!(verdict(&plank(60), &plank(45)), ("-15 s".into(), Verdict::Worse));
        assert_eq!(verdict(&plank(60), &plank(60)), ("same".into(), Verdict::Level));
        let row = |s| timed(0.0, Some(s), Some(2000.0));
        assert_eq!(verdict(&row(465), &row(460)), ("-5 s".into(), Verdict::Better), "faster");
        let carry = |kg, m| timed(kg, None, Some(m));
        assert_eq!(verdict(&carry(32.0, 40.0), &carry(36.0, 40.0)).1, Verdict::Better);
        assert_eq!(verdict(&carry(32.0, 40.0), &carry(36.0, 30.0)).1, Verdict::Level, "heavier but shorter");
        let lift = SetEntry { reps: 8, ..timed(80.0, None, None) };
        assert!(diff(&lift, &plank(60)).is_none(), "a set of reps and a hold do not compare");
    }
}

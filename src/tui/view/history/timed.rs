//! History's compact cell for a hold, a carry or cardio: `1:00`, `45s 10kg`, `40m 35s 32kg`,
//! `2000m 7:45`, with its effort as a lift's cell has it.

use std::fmt::Write as _;

use crate::model::session::SetEntry;
use crate::model::units::{Effort, format_seconds};

/// The set in a few characters, as History's columns need.
pub(super) fn compact(entry: &SetEntry, effort: Effort) -> String {
    let mut parts: Vec<String> = Vec::new();
    if entry.reps > 0 {
        parts.push(format!("x{}", entry.reps));
    }
    if let Some(d) = entry.distance {
        let metres = d.metres();
        parts.push(if metres >= 10_000.0 {
            format!("{}km", (metres / 10.0).round() / 100.0)
        } else {
            format!("{}m", (metres * 100.0).round() / 100.0)
        });
    }
    if let Some(s) = entry.seconds {
        parts.push(format_seconds(s).replace(' ', ""));
    }
    if entry.weight.load.hundredths() > 0 {
        parts.push(format!("{}{}", entry.weight.load, entry.weight.unit));
    }
    let mut text = parts.join(" ");
    if let Some(rir) = entry.rir {
        let _ = write!(text, " @{}", effort.number(rir));
    }
    if entry.form_broke {
        text.push('!');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::units::{Distance, Load, Rir, Unit, Weight};

    #[test]
    fn timed_cells_read_short() {
        let set = |load: f64, seconds, metres: Option<f64>| SetEntry {
            weight: Weight::new(Load::from_f64(load).expect("load"), Unit::Kg),
            seconds,
            distance: metres.and_then(Distance::from_metres),
            ..Default::default()
        };
        assert_eq!(compact(&set(0.0, Some(60), None), Effort::Rir), "1:00");
        assert_eq!(compact(&set(10.0, Some(45), None), Effort::Rir), "45s 10kg");
        assert_eq!(compact(&set(32.0, Some(35), Some(40.0)), Effort::Rir), "40m 35s 32kg");
        assert_eq!(compact(&set(0.0, Some(465), Some(2000.0)), Effort::Rir), "2000m 7:45");
        assert_eq!(compact(&set(0.0, None, Some(21_097.5)), Effort::Rir), "21.1km");
        let hard = SetEntry { rir: Rir::whole(1), form_broke: true, ..set(0.0, Some(60), None) };
        assert_eq!(compact(&hard, Effort::Rpe), "1:00 @9!");
    }
}

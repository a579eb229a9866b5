//! The set form for a hold, a carry or cardio: it asks for what the exercise measures (a time,
//! a distance, both) and an optional load, instead of weight and reps. Effort is offered, not
//! required, for a hold or a carry, and not asked for cardio.

use super::{Field, SetForm};
use crate::model::exercise::Measures;
use crate::model::exercise::{parse_distance_field, parse_time_field};
use crate::model::session::{SetEntry, SetKind};
use crate::model::units::{Weight, format_seconds, parse_load};
use crate::tui::form::FormTarget;

/// A time as the form prefills it, so it reads back as typed: `45`, `1:00`, `1:02:03`.
pub fn time_text(seconds: u32) -> String {
    if seconds < 60 { seconds.to_string() } else { format_seconds(seconds) }
}

/// A distance in metres as the form prefills it: `40`, `2000`, `2414.02`.
pub fn metres_text(distance: crate::model::units::Distance) -> String {
    let cm = distance.centimetres();
    if cm.is_multiple_of(100) { (cm / 100).to_string() } else { format!("{}.{:02}", cm / 100, cm % 100) }
}

impl SetForm {
    /// The form for an exercise that measures `measures`, its time and distance prefilled.
    #[must_use]
    pub fn with_measures(mut self, measures: Measures, time: String, distance: String) -> SetForm {
        self.measures = measures;
        self.prefill.time.clone_from(&time);
        self.prefill.distance.clone_from(&distance);
        self.time = time;
        self.distance = distance;
        self
    }

    /// The fields in the order the form shows and moves through them.
    pub fn order(&self) -> Vec<Field> {
        match self.measures {
            Measures::Reps => Field::ORDER.to_vec(),
            Measures::Time => vec![Field::Time, Field::Weight, Field::Rir, Field::FormBroke, Field::Note],
            Measures::Distance => {
                vec![Field::Distance, Field::Time, Field::Weight, Field::Rir, Field::FormBroke, Field::Note]
            }
            Measures::TimeDistance => vec![Field::Distance, Field::Time, Field::Note],
        }
    }

    /// Whether the effort field is there to fill: working sets of lifts (where it is required),
    /// holds and carries (where it may stay empty); never ramp-ups or cardio.
    pub fn offers_rir(&self) -> bool {
        self.target.as_ref().is_some_and(|t| t.kind == SetKind::Working) && self.order().contains(&Field::Rir)
    }

    /// Checks the time or distance field; on error the message is kept beside it.
    pub(super) fn check_measure(&mut self, field: Field) -> bool {
        let text = if field == Field::Time { self.time.trim() } else { self.distance.trim() };
        let result = match (field, self.measures) {
            (Field::Time, Measures::Time) if text.is_empty() => {
                Err("how long? type seconds or m:ss, e.g. 60 or 1:00".into())
            }
            (Field::Distance, Measures::Distance) if text.is_empty() => Err("how far? type metres, e.g. 40".into()),
            (_, Measures::TimeDistance)
                if text.is_empty() && self.time.trim().is_empty() && self.distance.trim().is_empty() =>
            {
                Err("type a distance, a time or both".into())
            }
            _ if text.is_empty() => Ok(()),
            (Field::Time, _) => parse_time_field(text).map(drop),
            _ if text.contains(',') => Err("metres as 2000 or 2000.5, with no comma".into()),
            _ => parse_distance_field(text).map(drop),
        };
        match result {
            Ok(()) => {
                self.clear_error(field);
                true
            }
            Err(message) => {
                self.set_error(field, message);
                false
            }
        }
    }

    /// Checks the fields of a timed form and builds its set; on failure focuses the first bad
    /// field, the typed text kept.
    pub(super) fn timed_entry(&mut self, target: FormTarget) -> Option<SetEntry> {
        let checked: Vec<Field> = self
            .order()
            .into_iter()
            .filter(|f| matches!(f, Field::Time | Field::Distance | Field::Weight | Field::Rir))
            .collect();
        let mut first_bad = None;
        for field in checked {
            if !self.check(field) && first_bad.is_none() {
                first_bad = Some(field);
            }
        }
        if let Some(field) = first_bad {
            self.field = Some(field);
            return None;
        }
        let load = if self.weight.trim().is_empty() {
            crate::model::units::Load::default()
        } else {
            parse_load(&self.weight).ok()?
        };
        let seconds = (!self.time.trim().is_empty()).then(|| parse_time_field(&self.time).ok()).flatten();
        let distance = (!self.distance.trim().is_empty()).then(|| parse_distance_field(&self.distance).ok()).flatten();
        let rir = if self.rir.trim().is_empty() { None } else { Some(self.effort.parse(&self.rir).ok()?) };
        Some(SetEntry {
            exercise: target.exercise,
            kind: target.kind,
            weight: Weight::new(load, target.unit),
            rir,
            form_broke: self.form_broke,
            note: crate::model::text::clean_note(&self.note).trim().to_string(),
            seconds,
            distance,
            ..Default::default()
        })
    }

    /// Enter on `field` of a timed form: checks it and moves on; `true` when the set should be
    /// saved now (Enter on the last value field with nothing more to ask, or on any later field).
    pub fn enter_timed(&mut self, field: Field) -> bool {
        if !matches!(field, Field::Time | Field::Distance | Field::Weight) {
            return true;
        }
        if !self.check(field) {
            return false;
        }
        let order = self.order();
        let at = order.iter().position(|&f| f == field).unwrap_or(0);
        match order.get(at + 1) {
            Some(Field::Time | Field::Distance | Field::Weight) => {
                self.field = Some(order[at + 1]);
                false
            }
            Some(Field::Rir) if self.offers_rir() => {
                self.field = Some(Field::Rir);
                false
            }
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::units::{Distance, Unit};

    fn form(measures: Measures, kind: SetKind) -> SetForm {
        let target =
            FormTarget { exercise: "Plank".into(), kind, number: 1, unit: Unit::Kg, editing: None, rest_seconds: 90 };
        SetForm::filled(target, String::new(), String::new(), String::new(), false, String::new()).with_measures(
            measures,
            String::new(),
            String::new(),
        )
    }

    /// Erases the field and types `text` into it, key by key.
    fn typed(form: &mut SetForm, field: Field, text: &str) {
        form.field = Some(field);
        for _ in 0..20 {
            form.backspace();
        }
        for c in text.chars() {
            form.type_char(c);
        }
    }

    #[test]
    fn a_hold_asks_its_time_first_and_keeps_bad_text_beside_its_error() {
        let mut hold = form(Measures::Time, SetKind::Working);
        assert_eq!(hold.focused(), Field::Time);
        assert!(hold.offers_rir() && !hold.asks_rir(), "effort offered, not required");
        assert!(hold.entry().is_none());
        assert_eq!(hold.error(Field::Time), Some("how long? type seconds or m:ss, e.g. 60 or 1:00"));
        typed(&mut hold, Field::Time, "1:75");
        assert!(hold.entry().is_none());
        assert_eq!((hold.time.as_str(), hold.field), ("1:75", Some(Field::Time)), "the text stays");
        assert!(hold.error(Field::Time).is_some_and(|e| e.contains("59")), "{:?}", hold.errors);
        typed(&mut hold, Field::Time, "1:15");
        let set = hold.entry().expect("saves");
        assert_eq!((set.seconds, set.reps, set.weight.load.hundredths(), set.rir), (Some(75), 0, 0, None));
        assert!(!set.missed() && !set.counts(), "a hold is neither a miss nor a counted set");
    }

    #[test]
    fn a_carry_takes_distance_time_and_load_and_enter_walks_them() {
        let mut carry = form(Measures::Distance, SetKind::Working);
        assert_eq!(carry.order()[..3], [Field::Distance, Field::Time, Field::Weight]);
        typed(&mut carry, Field::Distance, "40");
        assert!(!carry.enter_timed(Field::Distance));
        assert_eq!(carry.field, Some(Field::Time));
        assert!(!carry.enter_timed(Field::Time), "the time may stay empty");
        assert_eq!(carry.field, Some(Field::Weight));
        typed(&mut carry, Field::Weight, "32");
        assert!(!carry.enter_timed(Field::Weight));
        assert_eq!(carry.field, Some(Field::Rir), "then the effort, which may stay empty");
        let set = carry.entry().expect("saves");
        assert_eq!(set.summary(), "40 m at 32 kg");
        typed(&mut carry, Field::Distance, "2,000");
        assert!(carry.entry().is_none(), "a comma is refused, not read as 2 m");
        assert_eq!(carry.error(Field::Distance), Some("metres as 2000 or 2000.5, with no comma"));
    }

    #[test]
    fn cardio_needs_a_distance_or_a_time_and_asks_no_effort_or_load() {
        let mut row = form(Measures::TimeDistance, SetKind::Working);
        assert!(!row.order().contains(&Field::Weight) && !row.offers_rir());
        assert!(row.entry().is_none());
        assert_eq!(row.error(Field::Distance), Some("type a distance, a time or both"));
        typed(&mut row, Field::Time, "30:00");
        assert_eq!(row.entry().map(|s| s.summary()).as_deref(), Some("30:00"));
        typed(&mut row, Field::Distance, "2000");
        typed(&mut row, Field::Time, "7:45");
        assert!(!row.enter_timed(Field::Distance));
        assert!(row.enter_timed(Field::Time), "Enter on the time saves");
        assert_eq!(row.entry().map(|s| s.summary()).as_deref(), Some("2,000 m in 7:45"));
    }

    #[test]
    fn prefills_read_back_as_typed() {
        assert_eq!(time_text(45), "45");
        assert_eq!(time_text(75), "1:15");
        assert_eq!(time_text(3723), "1:02:03");
        for cm in [4_000, 200_000, 241_402] {
            let d = Distance::from_centimetres(cm).expect("distance");
            assert_eq!(parse_distance_field(&metres_text(d)), Ok(d));
        }
        for s in [1, 45, 60, 75, 3723, 86_400] {
            assert_eq!(parse_time_field(&time_text(s)), Ok(s));
        }
    }
}

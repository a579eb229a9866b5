//! The weight field on a bodyweight exercise (chin-ups, dips, assisted pull-ups): it types `BW`,
//! `BW+10` (a belt) and `BW-20` (assistance). A bare number there is refused with how to write
//! it: "10" could mean a 10 kg belt or 10 kg of assistance, and a wrong guess would file a set
//! 20 kg off. On any other exercise the field takes a load, as always.

use super::{Field, SetForm};
use crate::model::session::{Basis, load_field_text, parse_bodyweight_load};
use crate::model::units::{InputError, Load, parse_load};

/// What a bare number on a bodyweight exercise is told.
pub const BARE_NUMBER: &str = "on a bodyweight exercise write BW, BW+10 (a belt) or BW-20 (assisted)";

impl SetForm {
    /// The form for a bodyweight exercise (or not): its weight field types `BW` and signs.
    #[must_use]
    pub fn on_bodyweight(mut self, bodyweight: bool) -> SetForm {
        self.bodyweight = bodyweight;
        self
    }

    /// Whether `c` is typed into the focused field rather than read as a key: on a bodyweight
    /// exercise the weight field also takes `b`, `w`, `+` and `-`.
    pub fn accepts(&self, c: char) -> bool {
        let field = self.focused();
        field.accepts(c)
            || (self.bodyweight && field == Field::Weight && matches!(c, 'b' | 'B' | 'w' | 'W' | '+' | '-'))
    }

    /// The weight field read: a load, or on a bodyweight exercise the body with its belt or
    /// assistance.
    pub(super) fn load(&self) -> Result<(Basis, Load), InputError> {
        if !self.bodyweight {
            return parse_load(&self.weight).map(|l| (Basis::Load, l));
        }
        match parse_bodyweight_load(&self.weight) {
            Some(read) => read,
            None if self.weight.trim().is_empty() => Err(InputError::OutOfRange(BARE_NUMBER.into())),
            None => Err(InputError::OutOfRange(format!(
                "{BARE_NUMBER}, not {}",
                crate::model::text::escape(self.weight.trim())
            ))),
        }
    }
}

/// The weight field's text for a load: `80`; on a bodyweight exercise `BW`, `BW+10`, `BW-20`
/// (a plain load of nothing there, from an older log or an import, is the body alone).
pub fn weight_text(basis: Basis, load: Load, bodyweight: bool) -> String {
    match basis {
        Basis::Load if bodyweight && load.hundredths() == 0 => "BW".into(),
        Basis::Load if bodyweight => format!("BW+{load}"),
        _ => load_field_text(basis, load),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::SetKind;
    use crate::model::units::Unit;
    use crate::tui::form::FormTarget;

    fn chin_up(weight: &str) -> SetForm {
        let target = FormTarget {
            exercise: "Chin-up".into(),
            kind: SetKind::Working,
            number: 1,
            unit: Unit::Kg,
            editing: None,
            rest_seconds: 150,
        };
        SetForm::filled(target, weight.into(), "6".into(), "0".into(), false, String::new()).on_bodyweight(true)
    }

    #[test]
    fn a_belt_an_assistance_and_the_body_alone_are_saved_on_their_basis() {
        for (typed, basis, load, shown) in [
            ("BW+10", Basis::BodyPlus, 1000, "BW+10 kg x 6 @ 0"),
            ("bw", Basis::BodyPlus, 0, "BW x 6 @ 0"),
            ("BW-20", Basis::Assisted, 2000, "BW-20 kg x 6 @ 0"),
            ("BW-0", Basis::BodyPlus, 0, "BW x 6 @ 0"),
        ] {
            let entry = chin_up(typed).entry().expect("a valid set");
            assert_eq!((entry.basis, entry.weight.load.hundredths()), (basis, load), "{typed}");
            assert_eq!(entry.summary(), shown);
        }
    }

    #[test]
    fn a_bare_number_on_a_bodyweight_exercise_is_refused_with_the_text_kept() {
        let mut form = chin_up("10");
        assert_eq!(form.entry(), None);
        assert_eq!(form.weight, "10");
        assert_eq!(
            form.error(Field::Weight),
            Some("on a bodyweight exercise write BW, BW+10 (a belt) or BW-20 (assisted), not 10")
        );
        let mut form = chin_up("BW+");
        assert_eq!(form.entry(), None);
        assert!(form.error(Field::Weight).is_some());
        // On any other exercise BW is not a load, and its letters are keys.
        let plain = chin_up("60").on_bodyweight(false);
        assert!(!plain.accepts('b') && !plain.accepts('+'));
        assert!(chin_up("").accepts('B') && chin_up("").accepts('-'));
    }

    #[test]
    fn the_field_shows_bw_when_filled() {
        assert_eq!(weight_text(Basis::BodyPlus, Load::from_hundredths(1000), true), "BW+10");
        assert_eq!(weight_text(Basis::Assisted, Load::from_hundredths(2000), true), "BW-20");
        assert_eq!(weight_text(Basis::Load, Load::from_hundredths(0), true), "BW", "an older log's 0 kg");
        assert_eq!(weight_text(Basis::Load, Load::from_hundredths(6000), false), "60");
    }
}

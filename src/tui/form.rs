//! The set-entry form: typed fields that keep the raw text and parse into checked values.

mod sides;
mod technique;

pub use technique::TechniqueForm;

use crate::keymap::FormField;
use crate::model::exercise::Measures;
use crate::model::session::{SetEntry, SetKind, Side};
use crate::model::units::{Effort, InputError, Rir, Unit, Weight, parse_rir, parse_rpe, parse_set_reps, parse_set_rir};

pub(crate) mod timed;

/// The form's fields, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Load.
    Weight,
    /// Reps.
    Reps,
    /// Reps in reserve (the quick picker).
    Rir,
    /// "Form broke" toggle.
    FormBroke,
    /// Free text.
    Note,
    /// A hold's or cardio's time (`60`, `1:00`, `7:45`).
    Time,
    /// A carry's or cardio's distance, in metres.
    Distance,
}

impl Field {
    const ORDER: [Field; 5] = [Field::Weight, Field::Reps, Field::Rir, Field::FormBroke, Field::Note];

    /// The field as the keymap knows it: its name and what it types.
    fn described(self) -> FormField {
        match self {
            Field::Weight => FormField::WEIGHT,
            Field::Reps => FormField::REPS,
            Field::Rir => FormField::RIR,
            Field::FormBroke => FormField::FORM_BROKE,
            Field::Note => FormField::NOTE,
            Field::Time => FormField::TIME,
            Field::Distance => FormField::DISTANCE,
        }
    }

    /// Whether typed characters go into the field rather than to the keymap.
    pub fn accepts(self, c: char) -> bool {
        self.described().typed.accepts(c)
    }

    /// The field's name, as the form shows it.
    pub fn label(self) -> &'static str {
        self.described().label
    }
}

/// Which set the form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormTarget {
    /// Exercise name.
    pub exercise: String,
    /// Ramp-up or working.
    pub kind: SetKind,
    /// Position among the exercise's sets of that kind.
    pub number: u16,
    /// The unit the load is in.
    pub unit: Unit,
    /// The logged set being edited, if any.
    pub editing: Option<i64>,
    /// Rest after saving it, in seconds.
    pub rest_seconds: u32,
}

impl FormTarget {
    /// The row's name as the checklist and the form's title show it: `set 1`, `ramp-up 2`.
    pub fn row_name(&self) -> String {
        crate::training::checklist::slot_name(self.kind, self.number)
    }
}

/// The values of the form's fields.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormValues {
    /// Load as typed.
    pub weight: String,
    /// Reps as typed.
    pub reps: String,
    /// RIR as typed or picked.
    pub rir: String,
    /// Form broke.
    pub form_broke: bool,
    /// Note as typed.
    pub note: String,
    /// Time as typed (holds, carries, cardio).
    pub time: String,
    /// Distance as typed (carries, cardio).
    pub distance: String,
}

/// The RIR picker's choices; "5+" records 5.
pub const RIR_CHOICES: [&str; 6] = ["0", "1", "2", "3", "4", "5+"];

/// The RPE picker's choices: the RIR picker's, as RPE (RIR r is RPE 10 - r), easiest first.
pub const RPE_CHOICES: [&str; 6] = ["5", "6", "7", "8", "9", "10"];

/// The form's state. Typed text is kept exactly as typed until the store confirms the save.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SetForm {
    /// The set being entered; `None` when there is nothing to log.
    pub target: Option<FormTarget>,
    /// Load as typed.
    pub weight: String,
    /// Reps as typed.
    pub reps: String,
    /// RIR as typed or picked.
    pub rir: String,
    /// Form broke.
    pub form_broke: bool,
    /// Note as typed.
    pub note: String,
    /// Focused field.
    pub field: Option<Field>,
    /// Inline errors, one per field.
    pub errors: Vec<(Field, String)>,
    /// The lifter has typed something since the form was filled.
    pub dirty: bool,
    /// What the form was filled with, so erasing back to it is not "unsaved text".
    pub prefill: FormValues,
    /// Fields the lifter has typed in. A prefilled field not yet touched is replaced by the
    /// first character typed, as selected text is: typing 6 over a suggested 8 gives 6, not 86.
    pub touched: Vec<Field>,
    /// The scale the effort field is typed and shown in (RIR or RPE); what is saved is RIR.
    pub effort: Effort,
    /// For a drop set, rest-pause or myo-reps: which, and the set it carries on.
    pub technique: Option<TechniqueForm>,
    /// The side the set is saved as, for an exercise done one side at a time: each side, or
    /// the left then the right apart.
    pub side: Option<Side>,
    /// The left side, checked and held while the right side is typed (sides apart).
    pub left: Option<SetEntry>,
    /// The exercise is done on the body's weight: the weight field takes `BW`, `BW+10`,
    /// `BW-20` (see `form/bodyweight.rs`).
    pub bodyweight: bool,
    /// What the exercise measures: reps (the fields above), or a time and/or distance.
    pub measures: Measures,
    /// Time as typed, for an exercise that measures one.
    pub time: String,
    /// Distance as typed, in metres, for an exercise that measures one.
    pub distance: String,
}

impl SetForm {
    /// A form for `target`, prefilled.
    pub fn filled(
        target: FormTarget,
        weight: String,
        reps: String,
        rir: String,
        form_broke: bool,
        note: String,
    ) -> SetForm {
        SetForm {
            prefill: FormValues {
                weight: weight.clone(),
                reps: reps.clone(),
                rir: rir.clone(),
                form_broke,
                note: note.clone(),
                ..FormValues::default()
            },
            target: Some(target),
            weight,
            reps,
            rir,
            form_broke,
            note,
            field: None,
            errors: Vec::new(),
            dirty: false,
            touched: Vec::new(),
            effort: Effort::Rir,
            ..SetForm::default()
        }
    }

    /// The form with its effort field in `effort`'s scale (the text given it must be too).
    #[must_use]
    pub fn in_scale(mut self, effort: Effort) -> SetForm {
        self.effort = effort;
        self
    }

    /// The focused field, or the first.
    pub fn focused(&self) -> Field {
        self.field.unwrap_or_else(|| self.order()[0])
    }

    /// Whether RIR is asked for (working sets; ramp-up sets may leave it empty).
    pub fn asks_rir(&self) -> bool {
        self.target.as_ref().is_some_and(|t| t.kind == SetKind::Working)
            && self.technique.is_none()
            && self.measures.is_reps()
    }

    /// The inline error beside a field.
    pub fn error(&self, field: Field) -> Option<&str> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }

    fn text_mut(&mut self, field: Field) -> Option<&mut String> {
        match field {
            Field::Weight => Some(&mut self.weight),
            Field::Reps => Some(&mut self.reps),
            Field::Rir => Some(&mut self.rir),
            Field::Note => Some(&mut self.note),
            Field::Time => Some(&mut self.time),
            Field::Distance => Some(&mut self.distance),
            Field::FormBroke => None,
        }
    }

    fn clear_error(&mut self, field: Field) {
        self.errors.retain(|(f, _)| *f != field);
    }

    /// Types a character into the focused field.
    pub fn type_char(&mut self, c: char) {
        let field = self.focused();
        let limit = if field == Field::Note { 200 } else { 12 };
        let first = !self.touched.contains(&field);
        if first {
            self.touched.push(field);
        }
        if let Some(text) = self.text_mut(field) {
            if first {
                text.clear();
            }
            if text.chars().count() >= limit {
                return;
            }
            text.push(c);
            self.refresh_dirty();
            self.clear_error(field);
        }
    }

    /// Recomputes whether the form differs from what it was filled with.
    pub fn refresh_dirty(&mut self) {
        let now = FormValues {
            weight: self.weight.clone(),
            reps: self.reps.clone(),
            rir: self.rir.clone(),
            form_broke: self.form_broke,
            note: self.note.clone(),
            time: self.time.clone(),
            distance: self.distance.clone(),
        };
        self.dirty = now != self.prefill || self.left.is_some();
    }

    /// Erases the last character of the focused field.
    pub fn backspace(&mut self) {
        let field = self.focused();
        if !self.touched.contains(&field) {
            self.touched.push(field);
        }
        if let Some(text) = self.text_mut(field) {
            text.pop();
            self.refresh_dirty();
            self.clear_error(field);
        }
    }

    /// Picks RIR from the quick picker (digit `0`..`5`; 5 means "5+"). A digit above 5 is
    /// refused beside the field: it is most likely RPE, and the message says which RIR it means.
    /// In RPE, the digit is the RPE (`1` then `0` is 10); below 5 is refused, the text kept.
    pub fn pick_rir(&mut self, digit: u8) {
        if self.effort == Effort::Rpe {
            return self.pick_rpe(digit);
        }
        if digit > 5 {
            if let Err(e) = parse_set_rir(&digit.to_string()) {
                self.set_error(Field::Rir, rir_message(&e));
            }
            return;
        }
        self.rir = digit.to_string();
        self.refresh_dirty();
        self.clear_error(Field::Rir);
    }

    fn pick_rpe(&mut self, digit: u8) {
        let ten = digit == 0 && self.rir == "1";
        self.rir = if ten { "10".into() } else { digit.to_string() };
        self.refresh_dirty();
        self.clear_error(Field::Rir);
        // A lone 1 waits for the 0 of 10.
        if digit != 1
            && let Err(e) = parse_rpe(&self.rir)
        {
            self.set_error(Field::Rir, e.to_string());
        }
    }

    /// Moves the effort by half a step (within RIR 0..=5 on the picker, RPE 5..=10). Right is a
    /// higher number in either scale: more reps in reserve, or a harder RPE.
    pub fn nudge_rir(&mut self, up: bool) {
        let easier = up == (self.effort == Effort::Rir);
        let current = match self.effort {
            Effort::Rir => parse_rir(&self.rir),
            Effort::Rpe => parse_rpe(&self.rir),
        };
        let halves = current.map_or(if up { 0 } else { 2 }, |r| {
            let h = i16::from(r.halves());
            if easier { (h + 1).min(10) } else { (h - 1).max(0) }
        });
        if let Some(rir) = Rir::from_halves(halves as u8) {
            self.rir = self.effort.number(rir);
        }
        self.refresh_dirty();
        self.clear_error(Field::Rir);
    }

    /// Moves focus to the next or previous field; the RIR field is passed over for ramp-ups.
    pub fn move_field(&mut self, forward: bool) {
        let order = self.order();
        let mut index = order.iter().position(|&f| f == self.focused()).unwrap_or(0) as isize;
        loop {
            index += if forward { 1 } else { -1 };
            if index < 0 || index >= order.len() as isize {
                return;
            }
            let field = order[index as usize];
            if field != Field::Rir || self.offers_rir() {
                self.field = Some(field);
                return;
            }
        }
    }

    /// Toggles "form broke".
    pub fn toggle_form_broke(&mut self) {
        self.form_broke = !self.form_broke;
        self.refresh_dirty();
    }

    /// Checks one field; on error the message is kept beside it.
    pub fn check(&mut self, field: Field) -> bool {
        let result = match field {
            Field::Time | Field::Distance => return self.check_measure(field),
            Field::Weight if !self.measures.is_reps() && self.weight.trim().is_empty() => Ok(()),
            Field::Weight => self.load().map(drop),
            Field::Reps => parse_set_reps(&self.reps).map(drop),
            Field::Rir if self.rir.trim().is_empty() && !self.asks_rir() => Ok(()),
            Field::Rir if self.rir.trim().is_empty() => {
                let ask = match self.effort {
                    Effort::Rir => "how many more good reps? pick 0-5",
                    Effort::Rpe => "how hard was it? pick RPE 5-10",
                };
                self.set_error(field, ask.into());
                return false;
            }
            Field::Rir => self.effort.parse(&self.rir).map(drop),
            Field::FormBroke | Field::Note => Ok(()),
        };
        match result {
            Ok(()) => {
                self.clear_error(field);
                true
            }
            Err(e) => {
                self.set_error(field, rir_message(&e));
                false
            }
        }
    }

    pub(crate) fn set_error(&mut self, field: Field, message: String) {
        self.clear_error(field);
        self.errors.push((field, message));
    }

    /// Checks every field and builds the set; on failure focuses the first bad field.
    pub fn entry(&mut self) -> Option<SetEntry> {
        let target = self.target.clone()?;
        if !self.measures.is_reps() {
            return self.timed_entry(target);
        }
        let mut first_bad = None;
        for field in [Field::Weight, Field::Reps, Field::Rir] {
            if !self.check(field) && first_bad.is_none() {
                first_bad = Some(field);
            }
        }
        if let Some(field) = first_bad {
            self.field = Some(field);
            return None;
        }
        let (basis, load) = self.load().ok()?;
        let reps = parse_set_reps(&self.reps).ok()?;
        let rir = if self.rir.trim().is_empty() { None } else { Some(self.effort.parse(&self.rir).ok()?) };
        Some(SetEntry {
            exercise: target.exercise,
            kind: target.kind,
            weight: Weight::new(load, target.unit),
            reps,
            rir,
            form_broke: self.form_broke,
            basis,
            // Typed or pasted: no control character or invisible formatting is kept.
            note: crate::model::text::clean_note(&self.note).trim().to_string(),
            technique: self.technique(),
            side: self.side,
            ..Default::default()
        })
    }
}

/// A refusal as the form shows it; RPE typed as RIR says what to enter instead.
fn rir_message(error: &InputError) -> String {
    match error {
        InputError::RirAboveFive { rpe: Some(rir), .. } => format!("{error}: enter {rir}"),
        _ => error.to_string(),
    }
}

mod bodyweight;

pub use bodyweight::weight_text;

#[cfg(test)]
mod tests {
    use super::*;

    fn working_form() -> SetForm {
        let target = FormTarget {
            exercise: "Lat pulldown".into(),
            kind: SetKind::Working,
            number: 1,
            unit: Unit::Kg,
            editing: None,
            rest_seconds: 150,
        };
        SetForm::filled(target, "60".into(), "10".into(), String::new(), false, String::new())
    }

    #[test]
    fn a_working_set_needs_its_rir() {
        let mut form = working_form();
        assert_eq!(form.entry(), None);
        assert_eq!(form.field, Some(Field::Rir));
        assert!(form.error(Field::Rir).is_some());
        form.pick_rir(1);
        let entry = form.entry().expect("valid set");
        assert_eq!(entry.summary(), "60 kg x 10 @ 1");
    }

    #[test]
    fn bad_text_stays_with_an_error_beside_it() {
        let mut form = working_form();
        form.weight = "6o".into();
        form.pick_rir(2);
        assert_eq!(form.entry(), None);
        assert_eq!(form.weight, "6o");
        assert_eq!(form.error(Field::Weight), Some("'6o' is not a number"));
        assert_eq!(form.field, Some(Field::Weight));
    }

    #[test]
    fn rir_nudges_in_half_steps() {
        let mut form = working_form();
        form.pick_rir(1);
        form.nudge_rir(true);
        assert_eq!(form.rir, "1.5");
        form.nudge_rir(false);
        form.nudge_rir(false);
        assert_eq!(form.rir, "0.5");
    }

    #[test]
    fn rpe_is_picked_typed_and_saved_as_rir() {
        let mut form = working_form().in_scale(Effort::Rpe);
        assert_eq!(form.entry(), None);
        assert_eq!(form.error(Field::Rir), Some("how hard was it? pick RPE 5-10"));
        form.pick_rir(8);
        assert_eq!((form.rir.as_str(), form.error(Field::Rir)), ("8", None));
        assert_eq!(form.entry().and_then(|e| e.rir).map(Rir::halves), Some(4), "RPE 8 is RIR 2");
        // 1 then 0 is 10; a half step up from 9 is 9.5.
        form.pick_rir(1);
        assert_eq!(form.error(Field::Rir), None, "a lone 1 waits for its 0");
        form.pick_rir(0);
        assert_eq!(form.entry().and_then(|e| e.rir).map(Rir::halves), Some(0));
        form.pick_rir(9);
        form.nudge_rir(true);
        assert_eq!(form.rir, "9.5");
        assert_eq!(form.entry().map(|e| e.summary_in(Effort::Rpe)), Some("60 kg x 10 @ 9.5".into()));
        form.nudge_rir(true);
        form.nudge_rir(true);
        assert_eq!(form.rir, "10", "RPE stops at 10");
        // Below 5 is refused beside the field, the text kept.
        form.pick_rir(4);
        assert_eq!(form.rir, "4");
        assert_eq!(form.error(Field::Rir), Some("RPE is 5-10: below 5 is not a working set"));
        assert_eq!(form.entry(), None);
        assert_eq!(form.rir, "4");
    }
}

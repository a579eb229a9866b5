//! What the set form's fields type. A field takes the characters it types before the keymap
//! sees them, so a key moved in `[keys]` must not be one of them where the form is focused.

/// The characters a field takes as text rather than as keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    /// Digits, a point or a comma: a load or a RIR.
    Decimal,
    /// Digits: reps.
    Digits,
    /// Digits and `:`: a time (`60`, `1:00`, `7:45`).
    Clock,
    /// Space, which ticks the box on its own line, as in any form.
    Space,
    /// Any character but a control: free text.
    Text,
}

impl Typed {
    /// Whether `c` is typed into such a field.
    pub fn accepts(self, c: char) -> bool {
        match self {
            Typed::Decimal => c.is_ascii_digit() || c == '.' || c == ',',
            Typed::Digits => c.is_ascii_digit(),
            Typed::Clock => c.is_ascii_digit() || c == ':',
            Typed::Space => c == ' ',
            Typed::Text => !c.is_control(),
        }
    }
}

/// A field of the set form, as far as keys go: its name and what it types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormField {
    /// The field's name, as the form shows it.
    pub label: &'static str,
    /// The characters it types.
    pub typed: Typed,
}

impl FormField {
    /// Load.
    pub const WEIGHT: FormField = FormField { label: "Weight", typed: Typed::Decimal };
    /// Reps.
    pub const REPS: FormField = FormField { label: "Reps", typed: Typed::Digits };
    /// Reps in reserve (the quick picker).
    pub const RIR: FormField = FormField { label: "RIR", typed: Typed::Decimal };
    /// "Form broke" toggle.
    pub const FORM_BROKE: FormField = FormField { label: "Form broke", typed: Typed::Space };
    /// Free text.
    pub const NOTE: FormField = FormField { label: "Note", typed: Typed::Text };
    /// A hold's or cardio's time.
    pub const TIME: FormField = FormField { label: "Time", typed: Typed::Clock };
    /// A carry's or cardio's distance, in metres.
    pub const DISTANCE: FormField = FormField { label: "Distance", typed: Typed::Decimal };
    /// The fields, in the form's order.
    pub const ALL: [FormField; 7] = [
        FormField::WEIGHT,
        FormField::REPS,
        FormField::RIR,
        FormField::FORM_BROKE,
        FormField::NOTE,
        FormField::TIME,
        FormField::DISTANCE,
    ];

    /// The names of the fields that type `c` rather than pass it to the keymap, the note aside
    /// (it takes any character, so a key there is always typed).
    pub fn typing(c: char) -> Vec<&'static str> {
        FormField::ALL.into_iter().filter(|f| f.typed != Typed::Text && f.typed.accepts(c)).map(|f| f.label).collect()
    }
}

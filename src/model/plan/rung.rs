//! Ramp-up rungs as a plan writes them: `"bar x 10"`, `"40% x 8"`.

/// What a rung lifts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RungLoad {
    /// The empty bar (barbells only).
    Bar,
    /// A fraction of the working weight.
    Fraction(f64),
}

/// A rung as a plan writes it: `"bar x 10"` or `"40% x 8"`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rung {
    /// What it lifts.
    pub load: RungLoad,
    /// How many easy reps.
    pub reps: u16,
}

/// Reads a rung: `bar x 10`, `40% x 8` (spaces optional).
pub fn parse_rung(text: &str) -> Result<Rung, String> {
    let explain = || format!("'{text}' is not a ramp-up rung; write it like \"bar x 10\" or \"40% x 8\"");
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    let (load, reps) = compact.split_once('x').ok_or_else(explain)?;
    let reps: u16 = reps.parse().map_err(|_| explain())?;
    if !(1..=20).contains(&reps) {
        return Err(format!("'{text}': a ramp-up rung is 1 to 20 easy reps"));
    }
    let load = if load == "bar" {
        RungLoad::Bar
    } else {
        let percent: f64 = load.strip_suffix('%').ok_or_else(explain)?.parse().map_err(|_| explain())?;
        if !(percent > 0.0 && percent < 100.0) {
            return Err(format!("'{text}': a ramp-up rung is below the working weight, between 0% and 100%"));
        }
        RungLoad::Fraction(percent / 100.0)
    };
    Ok(Rung { load, reps })
}

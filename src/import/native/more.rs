//! The columns and keys of hardset's export that say what a set is beyond a load and reps.

use super::{JsonSet, ParsedSet, field};
use crate::model::session::{Basis, SetEntry, Side, Technique};
use crate::model::units::{Distance, Weight, parse_seconds};

/// What a set of hardset's export is beyond a load and reps, as its columns or keys hold it
/// (empty for a plain set).
#[derive(Default)]
pub(super) struct SetMore<'a> {
    pub(super) basis: &'a str,
    pub(super) seconds: &'a str,
    pub(super) distance_m: &'a str,
    pub(super) side: &'a str,
    pub(super) technique: &'a str,
    pub(super) superset: Option<&'a str>,
}

impl SetMore<'_> {
    /// Checks the fields and writes them into `entry`, whose reps they are checked against: a set
    /// of 0 reps with no time or distance is a missed attempt, which only a load makes.
    pub(super) fn apply(self, entry: &mut SetEntry) -> Result<(), String> {
        entry.basis = match self.basis {
            "" | "load" => Basis::Load,
            text => Basis::parse(text).ok_or_else(|| format!("basis \"{text}\" is not bw+ or bw-"))?,
        };
        entry.seconds = match self.seconds {
            "" => None,
            text => Some(field("seconds", text, parse_seconds)?),
        };
        entry.distance = match self.distance_m {
            "" => None,
            text => Some(
                text.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|m| *m > 0.0)
                    .and_then(Distance::from_metres)
                    .ok_or_else(|| format!("distance_m \"{text}\" is not a distance in metres up to 1,000 km"))?,
            ),
        };
        entry.side = match self.side {
            "" => None,
            text => Some(Side::parse(text).ok_or_else(|| format!("side \"{text}\" is not each, left or right"))?),
        };
        entry.technique = match self.technique {
            "" => None,
            text => Some(
                Technique::parse(text)
                    .ok_or_else(|| format!("technique \"{text}\" is not drop, rest-pause or myo-reps"))?,
            ),
        };
        entry.superset = match self.superset {
            None => None,
            Some(group) if group.chars().count() > 16 => {
                return Err(format!("superset \"{group}\" is longer than 16 characters"));
            }
            Some(group) => Some(group.to_string()),
        };
        Ok(())
    }
}

/// A set of the JSON export, checked as its CSV row would be.
pub(super) fn json_set(set: JsonSet) -> Result<ParsedSet, String> {
    let mut entry = SetEntry {
        exercise: set.exercise,
        kind: set.set_kind,
        weight: Weight::new(set.weight, set.unit),
        reps: set.reps,
        rir: set.rir,
        form_broke: set.form_broke,
        note: set.note,
        ..Default::default()
    };
    let seconds = set.seconds.map(|s| s.to_string()).unwrap_or_default();
    let distance = set.distance_m.map(|d| d.to_string()).unwrap_or_default();
    let superset = set.superset.as_deref().map(crate::model::text::clean_line);
    SetMore {
        basis: set.basis.as_deref().unwrap_or_default(),
        seconds: &seconds,
        distance_m: &distance,
        side: set.side.as_deref().unwrap_or_default(),
        technique: set.technique.as_deref().unwrap_or_default(),
        superset: superset.as_deref(),
    }
    .apply(&mut entry)?;
    Ok(ParsedSet { entry, logged_at: Some(set.logged_at), muscles: Vec::new() })
}

//! The set form for a technique set: a drop set, rest-pause or myo-reps carrying on the working
//! set just done. The technique is picked with ←→ in the form; its load follows the pick until
//! the lifter types one.

use super::{Field, SetForm};
use crate::model::session::Technique;

/// What the form knows of a technique set it is entering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TechniqueForm {
    /// The technique picked.
    pub technique: Technique,
    /// The load each technique starts from, as the form shows it: a drop set lighter, the
    /// others the load of the set before.
    pub loads: Vec<(Technique, String)>,
    /// The working set it carries on, as it reads: `80 kg x 8 @ 0`.
    pub carries_on: String,
}

impl SetForm {
    /// Picks the next (or previous) technique. While the weight was not typed, it follows the
    /// technique's suggested load.
    pub fn cycle_technique(&mut self, forward: bool) {
        let Some(choice) = &mut self.technique else { return };
        let all = Technique::ALL;
        let at = all.iter().position(|&t| t == choice.technique).unwrap_or(0);
        let next = if forward { (at + 1) % all.len() } else { (at + all.len() - 1) % all.len() };
        choice.technique = all[next];
        if !self.touched.contains(&Field::Weight)
            && let Some((_, load)) = choice.loads.iter().find(|(t, _)| *t == all[next])
        {
            self.weight.clone_from(load);
            self.prefill.weight.clone_from(load);
        }
        self.clear_error(Field::Weight);
        self.refresh_dirty();
    }

    /// Picks `technique` (the plan's), with its load, as ←→ would.
    pub fn pick_technique(&mut self, technique: Technique) {
        for _ in Technique::ALL {
            if self.technique() == Some(technique) || self.technique.is_none() {
                return;
            }
            self.cycle_technique(true);
        }
    }

    /// The technique picked, for a technique set's form.
    pub fn technique(&self) -> Option<Technique> {
        self.technique.as_ref().map(|t| t.technique)
    }
}

//! A set saved, and the record it set, told to the app in that order.

use super::Driver;
use crate::clock::Clock;
use crate::model::session::LoggedSet;
use crate::tui::effect::Outcome;

impl<C: Clock> Driver<C> {
    /// The outcomes of a set committed: the record it set, if any, then `Saved`. The set is
    /// stored whatever the look-up says: a failed read of the records only leaves the fanfare out.
    pub(super) fn saved(&self, set: LoggedSet, rest_seconds: u32) -> Vec<Outcome> {
        let formula = self.app.settings.e1rm.formula;
        let record = crate::history::record_on_save(&self.store, &self.clock, &set, formula).ok().flatten();
        let mut outcomes: Vec<Outcome> = record.map(|text| Outcome::Record { id: set.id, text }).into_iter().collect();
        outcomes.push(Outcome::Saved { set, rest_seconds });
        outcomes
    }
}

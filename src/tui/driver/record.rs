//! A set saved, and the record it set, told to the app in that order; a session finished, and
//! what it did.

use super::Driver;
use crate::clock::Clock;
use chrono::{DateTime, Utc};

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

    /// The summary of session `id`, just finished at `now`, from today as it stood before (its
    /// checklist, skips and additions). The session is finished whatever the summary's reads
    /// say: a failed one only leaves the summary out.
    pub(super) fn finished(&self, id: i64, now: DateTime<Utc>) -> Option<Outcome> {
        let today = self.app.today.as_ref().filter(|t| t.session.as_ref().is_some_and(|s| s.id == id))?;
        let summary =
            crate::summary::finished(&self.store, &self.app.plan, &self.app.settings, &self.clock, today, now)
                .ok()??;
        Some(Outcome::Finished(Box::new(summary)))
    }
}

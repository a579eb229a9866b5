//! The screens: Today, History, Week and the exercise detail. Each keeps its own state and its
//! own update (an action in, effects out); what they share comes in through [`Ctx`].

pub mod detail;
pub mod history;
pub(crate) mod seek;
pub mod today;
pub mod week;

use super::popups::Popup;
use super::theme::Meaning;
use crate::config::Settings;
use crate::keymap::Keymap;
use crate::model::plan::Plan;
use crate::today::Today;

/// The screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Today's plan, the set-entry form and the rest timer.
    Today,
    /// Past sessions and last week beside this week.
    History,
    /// Effective sets per muscle this week.
    Week,
    /// One exercise: its e1RM trend, records and sets.
    Exercise,
}

/// The focused pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// Today's checklist.
    Checklist,
    /// The set-entry form.
    Form,
    /// History's session list.
    Sessions,
    /// History's comparison.
    Comparison,
    /// The Week pane.
    Week,
    /// The exercise detail.
    Detail,
}

/// What a screen's update reads and changes besides its own state: the plan, the settings, the
/// keys and today, and the shared parts of the screen (focus, the popup, the status line).
pub(crate) struct Ctx<'a> {
    /// The plan in use.
    pub(crate) plan: &'a Plan,
    /// The lifter's settings.
    pub(crate) settings: &'a Settings,
    /// The keys, for the key names messages give.
    pub(crate) keymap: &'a Keymap,
    /// Today, as last loaded from the store.
    pub(crate) today: Option<&'a Today>,
    /// Which screen.
    pub(crate) screen: &'a mut Screen,
    /// The focused pane.
    pub(crate) pane: &'a mut Pane,
    /// An overlay, if any.
    pub(crate) popup: &'a mut Option<Popup>,
    /// The status line.
    pub(crate) message: &'a mut Option<(Meaning, String)>,
}

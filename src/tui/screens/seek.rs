//! Landing on a week that holds sessions: History opens on the newest one, and `{` / `}` jump
//! to the nearest one before or after, on History and on the Week screen.

use chrono::NaiveDate;

use super::history::HistoryScreen;
use super::week::WeekScreen;
use crate::history::Seek;
use crate::today::Today;
use crate::tui::effect::Effect;
use crate::tui::theme::Meaning;

/// What a found week changes: the two screens that show weeks, and the status line.
pub(crate) struct Weeks<'a> {
    /// History.
    pub(crate) history: &'a mut HistoryScreen,
    /// The Week screen.
    pub(crate) week: &'a mut WeekScreen,
    /// Today, as last loaded (no week after its week is shown).
    pub(crate) today: Option<&'a Today>,
    /// The status line.
    pub(crate) message: &'a mut Option<(Meaning, String)>,
}

/// The week a seek found: the screen that asked shows it. Nothing found leaves the screen where
/// it is and says so, except History's first opening on a log with no session before today,
/// which shows this week.
pub(crate) fn week_found(app: &mut Weeks<'_>, seek: Seek, week_screen: bool, monday: Option<NaiveDate>) -> Vec<Effect> {
    match (monday, week_screen) {
        (Some(monday), true) => app.week.go_to(monday, app.today),
        (Some(monday), false) => app.history.show_week(monday, app.today),
        (None, false) if seek == Seek::Latest => {
            app.history.wanted_week = None;
            vec![Effect::LoadSessions]
        }
        (None, _) => {
            *app.message = Some((Meaning::Muted, nothing_found(seek)));
            Vec::new()
        }
    }
}

/// What the status line says when no week with sessions lies that way.
fn nothing_found(seek: Seek) -> String {
    let week = |date: NaiveDate| crate::training::compare::week_bounds(date).0.format("%-d %b %Y");
    match seek {
        Seek::Latest => "No sessions logged yet".into(),
        Seek::Before(date) => format!("No sessions before the week of {}", week(date)),
        Seek::After(date) => format!("No sessions after the week of {} (up to this week)", week(date)),
    }
}

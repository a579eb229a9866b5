//! The Week screen's state and keys: which week it shows, and how far it is scrolled.

use chrono::{DateTime, NaiveDate, Utc};

use super::Ctx;
use crate::history::Seek;
use crate::keymap::Action;
use crate::today::Today;
use crate::training::compare::week_bounds;
use crate::tui::effect::Effect;
use crate::tui::popups::{GoTo, Popup};
use crate::week::WeekReport;

/// The Week screen.
#[derive(Debug, Clone, Default)]
pub struct WeekScreen {
    /// The week shown.
    pub report: Option<WeekReport>,
    /// How far the pane is scrolled down.
    pub scroll: u16,
    /// A date in the week the pane shows; `None` for this week.
    pub date: Option<NaiveDate>,
}

impl WeekScreen {
    /// A key on the Week pane: scrolls it, or moves a week back or on (never past this one).
    pub(crate) fn update(&mut self, action: Action, now: DateTime<Utc>, ctx: &mut Ctx<'_>) -> Vec<Effect> {
        let shown = self.report.as_ref().map(|w| w.monday);
        let step = match action {
            // The pane scrolls when its lines outnumber the rows (the view stops at the end).
            Action::Down => {
                self.scroll = self.scroll.saturating_add(1).min(100);
                return Vec::new();
            }
            Action::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                return Vec::new();
            }
            Action::Left | Action::PrevDay => -7,
            Action::Right | Action::NextDay => 7,
            Action::Back => {
                self.date = None;
                return vec![Effect::LoadWeek(None)];
            }
            Action::GoToDate => {
                *ctx.popup = Some(Popup::GoTo(GoTo::default()));
                return Vec::new();
            }
            Action::PrevTrainedWeek | Action::NextTrainedWeek => {
                let Some(monday) = shown else { return Vec::new() };
                let seek = if action == Action::PrevTrainedWeek { Seek::Before(monday) } else { Seek::After(monday) };
                return vec![Effect::SeekWeek { seek, week_screen: true }];
            }
            _ => return Vec::new(),
        };
        let Some(monday) = shown else { return Vec::new() };
        let date = monday + chrono::Duration::days(step);
        // Weeks after this one hold nothing yet.
        let today = ctx.today.map_or(now.date_naive(), |t| t.date);
        if week_bounds(date).0 > week_bounds(today).0 {
            return Vec::new();
        }
        self.date = Some(date);
        vec![Effect::LoadWeek(Some(date))]
    }

    /// Shows the week holding `date` (a go-to date, History's week, or a week with sessions
    /// found); a date after this week shows this week.
    pub(crate) fn go_to(&mut self, date: NaiveDate, today: Option<&Today>) -> Vec<Effect> {
        let date = today.map_or(date, |t| date.min(t.date));
        let this_week = today.is_some_and(|t| week_bounds(t.date).0 == week_bounds(date).0);
        self.date = (!this_week).then_some(date);
        self.scroll = 0;
        vec![Effect::LoadWeek(self.date)]
    }
}

//! The History screen's state and keys: the sessions of a week, and the selected one's week
//! beside the week before.

use chrono::NaiveDate;

use super::{Ctx, Pane};
use crate::history::{Seek, WeekComparison};
use crate::keymap::Action;
use crate::model::session::SessionSummary;
use crate::today::Today;
use crate::training::compare::week_bounds;
use crate::tui::effect::Effect;
use crate::tui::popups::{GoTo, Popup};

/// The cached comparison for the selected session.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Session it belongs to; `None` for the whole week.
    pub session_id: Option<i64>,
    /// Monday of the session's week.
    pub week_start: NaiveDate,
    /// One per exercise.
    pub exercises: Vec<WeekComparison>,
    /// Selected exercise.
    pub selected: usize,
}

/// The History screen.
#[derive(Debug, Clone, Default)]
pub struct HistoryScreen {
    /// The sessions of the week shown.
    pub sessions: Vec<SessionSummary>,
    /// That week's Monday and whether it was a deload week.
    pub sessions_week: Option<(NaiveDate, bool)>,
    /// The week asked to be shown (its Monday); `None` for this week.
    pub wanted_week: Option<NaiveDate>,
    /// Selected session (row 0 is the whole week).
    pub session_cursor: usize,
    /// The comparison for the selected session.
    pub comparison: Option<Comparison>,
    /// Whether History has been opened: the first opening lands on the newest week with a
    /// session, later ones stay on the week left.
    pub landed: bool,
}

impl HistoryScreen {
    /// History is opened: the first time on the newest week with a session (an import's last
    /// session may be months old), then on the week it was left on.
    pub(crate) fn opened(&mut self) -> Vec<Effect> {
        if !self.landed && self.wanted_week.is_none() {
            self.landed = true;
            return vec![Effect::SeekWeek { seek: Seek::Latest, week_screen: false }];
        }
        self.landed = true;
        vec![Effect::LoadSessions]
    }

    /// A key on the session list.
    pub(crate) fn on_sessions(&mut self, action: Action, ctx: &mut Ctx<'_>) -> Vec<Effect> {
        // Row 0 is the whole week; the sessions follow.
        let count = self.sessions.len() + 1;
        let before = self.session_cursor;
        match action {
            Action::Up => self.session_cursor = self.session_cursor.saturating_sub(1),
            Action::Down => self.session_cursor = (self.session_cursor + 1).min(count.saturating_sub(1)),
            Action::Enter => {
                *ctx.pane = Pane::Comparison;
                return Vec::new();
            }
            Action::Left | Action::Right | Action::PrevDay | Action::NextDay => {
                let forward = matches!(action, Action::Right | Action::NextDay);
                return self.move_week(if forward { 7 } else { -7 }, ctx.today);
            }
            Action::ThisWeek => {
                self.wanted_week = None;
                self.session_cursor = 0;
                self.comparison = None;
                return vec![Effect::LoadSessions];
            }
            Action::GoToDate => {
                *ctx.popup = Some(Popup::GoTo(GoTo::default()));
                return Vec::new();
            }
            Action::PrevTrainedWeek | Action::NextTrainedWeek => {
                let Some((monday, _)) = self.sessions_week else { return Vec::new() };
                let seek = if action == Action::PrevTrainedWeek { Seek::Before(monday) } else { Seek::After(monday) };
                return vec![Effect::SeekWeek { seek, week_screen: false }];
            }
            _ => return Vec::new(),
        }
        if before == self.session_cursor {
            return Vec::new();
        }
        self.compare_selected()
    }

    fn move_week(&mut self, days: i64, today: Option<&Today>) -> Vec<Effect> {
        let Some((monday, _)) = self.sessions_week else { return Vec::new() };
        let target = monday + chrono::Duration::days(days);
        let this_monday = today.map(|t| week_bounds(t.date).0);
        if days > 0 && this_monday.is_some_and(|m| target > m) {
            return Vec::new();
        }
        self.show_week(target, today)
    }

    /// Shows the week holding `date` (the go-to date's answer).
    pub(crate) fn show_week(&mut self, date: NaiveDate, today: Option<&Today>) -> Vec<Effect> {
        // Weeks after this one hold nothing yet: a later date shows this week.
        let date = today.map_or(date, |t| date.min(t.date));
        let monday = week_bounds(date).0;
        // This week is `None`, so a History left open past Sunday night moves on with the days.
        self.wanted_week = (today.map(|t| week_bounds(t.date).0) != Some(monday)).then_some(monday);
        self.session_cursor = 0;
        self.comparison = None;
        vec![Effect::LoadSessions]
    }

    fn compare_selected(&mut self) -> Vec<Effect> {
        let wanted = self.session_cursor.checked_sub(1).and_then(|i| self.sessions.get(i)).map(|s| s.session.id);
        if self.comparison.as_ref().is_some_and(|c| c.session_id == wanted) {
            return Vec::new();
        }
        match (wanted, self.sessions_week) {
            (Some(id), _) => vec![Effect::Compare(id)],
            (None, Some((monday, _))) => vec![Effect::CompareWeek(monday)],
            (None, None) => Vec::new(),
        }
    }

    /// A key on the comparison.
    pub(crate) fn on_comparison(&mut self, action: Action, ctx: &mut Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Enter => {
                if let Some(c) = &self.comparison
                    && let Some(e) = c.exercises.get(c.selected)
                {
                    return vec![Effect::LoadDetail(e.exercise.clone())];
                }
            }
            Action::Back => *ctx.pane = Pane::Sessions,
            Action::Up | Action::Down => {
                if let Some(c) = &mut self.comparison {
                    let last = c.exercises.len().saturating_sub(1);
                    c.selected =
                        if action == Action::Up { c.selected.saturating_sub(1) } else { (c.selected + 1).min(last) };
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// A week's sessions, loaded: each new list gets a fresh comparison (the week may have
    /// changed).
    pub(crate) fn sessions_loaded(
        &mut self,
        monday: NaiveDate,
        deload: bool,
        sessions: Vec<SessionSummary>,
    ) -> Vec<Effect> {
        self.sessions_week = Some((monday, deload));
        self.sessions = sessions;
        self.session_cursor = self.session_cursor.min(self.sessions.len());
        self.comparison = None;
        self.compare_selected()
    }

    /// A comparison, loaded.
    pub(crate) fn compared(&mut self, session_id: Option<i64>, week_start: NaiveDate, exercises: Vec<WeekComparison>) {
        self.comparison = Some(Comparison { session_id, week_start, exercises, selected: 0 });
    }
}

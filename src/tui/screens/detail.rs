//! The exercise detail: its state (the data, the trend's reach, the list's page) and its keys.

use super::{Ctx, Pane, Screen};
use crate::history::ExerciseDetail;
use crate::keymap::Action;
use crate::tui::effect::Effect;

/// How far back the exercise detail's trend reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrendRange {
    /// The last 12 weeks.
    #[default]
    Weeks12,
    /// The last year.
    Year,
    /// Everything.
    All,
}

impl TrendRange {
    /// How many weeks it covers (`None`: all).
    pub fn weeks(self) -> Option<usize> {
        match self {
            TrendRange::Weeks12 => Some(12),
            TrendRange::Year => Some(52),
            TrendRange::All => None,
        }
    }

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            TrendRange::Weeks12 => "12 weeks",
            TrendRange::Year => "1 year",
            TrendRange::All => "all time",
        }
    }

    /// The reach `r` shows next.
    #[must_use]
    pub fn next(self) -> TrendRange {
        match self {
            TrendRange::Weeks12 => TrendRange::Year,
            TrendRange::Year => TrendRange::All,
            TrendRange::All => TrendRange::Weeks12,
        }
    }
}

/// Which weekly figure the exercise detail charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrendChart {
    /// The best e1RM of each week.
    #[default]
    E1rm,
    /// The heaviest working set's load of each week.
    TopWeight,
    /// The effective sets of each week.
    EffectiveSets,
}

impl TrendChart {
    /// The chart `c` shows next.
    #[must_use]
    pub fn next(self) -> TrendChart {
        match self {
            TrendChart::E1rm => TrendChart::TopWeight,
            TrendChart::TopWeight => TrendChart::EffectiveSets,
            TrendChart::EffectiveSets => TrendChart::E1rm,
        }
    }
}

/// The exercise detail on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailView {
    /// The data.
    pub detail: ExerciseDetail,
    /// The trend's reach.
    pub range: TrendRange,
    /// The figure charted.
    pub chart: TrendChart,
    /// The first row of the list shown.
    pub offset: usize,
    /// The list shows weeks (top set and best e1RM) instead of sets.
    pub weeks: bool,
    /// Where Esc returns to.
    pub back_to: (Screen, Pane),
}

/// How many rows a key press scrolls the exercise detail's list (fewer than it shows at 80x24,
/// so no row is ever skipped).
pub const DETAIL_STEP: usize = 5;

impl DetailView {
    /// The detail just loaded: it keeps the reach and list of the one open, and where Esc
    /// returns to (the screen it was opened from, kept across details opened from it).
    pub(crate) fn opened(open: Option<&DetailView>, detail: ExerciseDetail, from: (Screen, Pane)) -> DetailView {
        let back_to = match open {
            Some(view) if from.0 == Screen::Exercise => view.back_to,
            _ => from,
        };
        let range = open.map_or_else(TrendRange::default, |v| v.range);
        let chart = open.map_or_else(TrendChart::default, |v| v.chart);
        let weeks = open.is_some_and(|v| v.weeks);
        DetailView { detail, range, chart, offset: 0, weeks, back_to }
    }

    /// A key on the detail: pages the list, switches sets and weeks, changes the reach or the
    /// figure charted, or goes back.
    pub(crate) fn update(&mut self, action: Action, ctx: &mut Ctx<'_>) -> Vec<Effect> {
        let rows = if self.weeks { self.detail.weeks.len() } else { self.detail.sets.len() };
        let last_start = rows.saturating_sub(1) / DETAIL_STEP * DETAIL_STEP;
        match action {
            Action::ToggleWeeks => {
                self.weeks = !self.weeks;
                self.offset = 0;
            }
            Action::Down | Action::Right => self.offset = (self.offset + DETAIL_STEP).min(last_start),
            Action::Up | Action::Left => self.offset = self.offset.saturating_sub(DETAIL_STEP),
            Action::CycleRange => self.range = self.range.next(),
            Action::CycleChart => self.chart = self.chart.next(),
            Action::Back => {
                (*ctx.screen, *ctx.pane) = self.back_to;
            }
            _ => {}
        }
        Vec::new()
    }
}

//! Supersets and circuits on the Today checklist: the line above each group, styled.

use ratatui::text::Line;

use crate::today::{Today, group};
use crate::tui::theme::{Meaning, Theme};
use crate::tui::view::truncate;

pub(super) use group::places;

/// The line above a group's first exercise (`ei`), its round and rest.
pub(super) fn header(today: &Today, ei: usize, theme: &Theme, width: usize) -> Option<Line<'static>> {
    let text = group::line(today, ei)?;
    Some(Line::styled(truncate(&text, width), theme.style(Meaning::Title)))
}

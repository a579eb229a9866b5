//! Under the set form's title, the note the plan pins to the exercise, one line.

use ratatui::text::Line;

use crate::today::Today;
use crate::tui::theme::{Meaning, Theme};
use crate::tui::view::truncate;

/// `◆ seat on 4, grip wide` for `exercise`, cut short with `…`, or none.
pub(super) fn line(today: Option<&Today>, exercise: &str, width: usize, theme: &Theme) -> Option<Line<'static>> {
    let planned = &today?.exercises.iter().find(|e| e.planned.name == exercise)?.planned;
    let note = crate::model::text::clean_line(&planned.note);
    (!note.is_empty()).then(|| Line::styled(truncate(&format!("◆ {note}"), width), theme.style(Meaning::Text)))
}

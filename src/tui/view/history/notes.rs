//! History's week comparison: the note left on a compared set, under its row and in its week's
//! column, cut short with `…` where the pane ends.

use ratatui::text::Line;

use crate::model::session::LoggedSet;
use crate::training::checklist::note_line;
use crate::tui::theme::Meaning;
use crate::tui::view::{View, truncate};

/// A line for each of the two sets that has a note: last week's starts in its column, this
/// week's in its own.
pub(super) fn lines(
    screen: &View<'_>,
    (last, this): (Option<&LoggedSet>, Option<&LoggedSet>),
    col: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let note = |s: Option<&LoggedSet>| s.and_then(|s| note_line(&s.entry));
    let mut lines = Vec::new();
    if let Some(n) = note(last) {
        lines.push(format!("{:<3} note: {n}", ""));
    }
    if let Some(n) = note(this) {
        lines.push(format!("{:<3} {:<col$} note: {n}", "", ""));
    }
    lines.into_iter().map(|l| Line::styled(truncate(&l, width), screen.theme.style(Meaning::Muted))).collect()
}

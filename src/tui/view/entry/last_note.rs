//! Under the form's "Last:" line, the note left on that set last time: two lines at most, cut
//! short with `…` beyond them.

use ratatui::text::Line;

use crate::model::session::LoggedSet;
use crate::training::checklist::note_line;
use crate::tui::theme::{Meaning, Theme};
use crate::tui::view::{truncate, wrap};

/// The lines of `last`'s note, `Note: seat on 4, last rep…`, or none.
pub(super) fn lines(last: Option<&LoggedSet>, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(note) = last.and_then(|s| note_line(&s.entry)) else { return Vec::new() };
    let mut parts = wrap(&format!("Last note: {note}"), width, "  ");
    if parts.len() > 2 {
        let second = truncate(&format!("{}…", parts[1]), width);
        parts.truncate(1);
        parts.push(second);
    }
    parts.into_iter().map(|p| Line::styled(p, theme.style(Meaning::Muted))).collect()
}

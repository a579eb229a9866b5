//! The note the plan pins to an exercise (seat height, grip, cues), under its title on the
//! Today checklist every time: whole for the selected exercise, cut short with `…` for the rest.

use ratatui::text::Line;

use crate::training::checklist::ExerciseToday;
use crate::tui::theme::Meaning;
use crate::tui::view::{View, truncate, wrap};

/// `  ◆ seat on 4, grip wide`, one line, or wrapped whole when `selected`.
pub(super) fn lines(screen: &View<'_>, exercise: &ExerciseToday, selected: bool, width: usize) -> Vec<Line<'static>> {
    let note = crate::model::text::clean_line(&exercise.planned.note);
    if note.is_empty() {
        return Vec::new();
    }
    let style = screen.theme.style(Meaning::Text);
    if selected {
        wrap(&format!("◆ {note}"), width.saturating_sub(2), "  ")
            .into_iter()
            .map(|part| Line::styled(format!("  {part}"), style))
            .collect()
    } else {
        vec![Line::styled(truncate(&format!("  ◆ {note}"), width), style)]
    }
}

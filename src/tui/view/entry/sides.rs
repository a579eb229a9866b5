//! The set form's line for an exercise done one side at a time: each side, or which side of
//! the two apart, with the left side held while the right is typed.

use ratatui::text::{Line, Span};

use crate::model::session::Side;
use crate::model::units::Effort;
use crate::tui::form::SetForm;
use crate::tui::theme::{Meaning, Theme};
use crate::tui::view::truncate;

/// `Sides   each side (a: L/R apart)`, `Sides   left, then right (a: each)`, or `Sides   right
/// (left 20 kg x 9 @ 1)` while the left side is held.
pub(super) fn line(form: &SetForm, key: &str, width: usize, theme: Theme) -> Option<Line<'static>> {
    let side = form.side?;
    let what = match side {
        Side::Each => format!("each side ({key}: L/R apart)"),
        Side::Left => format!("left, then right ({key}: each)"),
        Side::Right => match &form.left {
            Some(left) => format!("right (left {})", plain(left, form.effort)),
            None => "right".to_string(),
        },
    };
    Some(Line::from(vec![
        Span::styled(format!("{:<8}", "Sides"), theme.style(Meaning::Muted)),
        Span::styled(truncate(&what, width.saturating_sub(8)), theme.style(Meaning::Text)),
    ]))
}

/// A side as it reads without saying which: `20 kg x 9 @ 1`.
fn plain(entry: &crate::model::session::SetEntry, effort: Effort) -> String {
    crate::model::session::SetEntry { side: None, ..entry.clone() }.summary_in(effort)
}

//! The set form's lines for a technique set: which technique (←→ picks), and the working set it
//! carries on.

use ratatui::text::{Line, Span};

use crate::model::session::Technique;
use crate::tui::form::TechniqueForm;
use crate::tui::theme::{Meaning, Theme};
use crate::tui::view::truncate;

/// `Kind    [drop] rest-pause myo-reps ←→`: the technique picked in brackets (and highlighted),
/// the arrows' hint when the pane has room for it.
pub(super) fn picker(choice: &TechniqueForm, width: usize, theme: Theme) -> Line<'static> {
    let mut spans = vec![Span::styled(format!("{:<8}", "Kind"), theme.style(Meaning::Muted))];
    let mut used = 8;
    for (i, technique) in Technique::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
            used += 1;
        }
        let (text, style) = if technique == choice.technique {
            (format!("[{}]", technique.as_str()), theme.style(Meaning::Selected))
        } else {
            (technique.as_str().to_string(), theme.style(Meaning::Muted))
        };
        used += text.chars().count();
        spans.push(Span::styled(text, style));
    }
    if used + 3 <= width {
        spans.push(Span::styled(" ←→", theme.style(Meaning::Muted)));
    }
    Line::from(spans)
}

/// What the technique set carries on, and that no rest comes between (an edit of one done
/// saves it in place and starts no rest).
pub(super) fn carries_on(choice: &TechniqueForm, editing: bool, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let rest = if editing { "Saved in place; no rest starts." } else { "No rest before it; rest after it." };
    vec![
        Line::styled(truncate(&format!("After: {}", choice.carries_on), width), theme.style(Meaning::Muted)),
        Line::styled(truncate(rest, width), theme.style(Meaning::Muted)),
    ]
}

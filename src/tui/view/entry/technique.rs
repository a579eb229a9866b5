//! The set form's lines for a technique set: which technique (←→ picks), and the working set it
//! carries on.

use ratatui::text::{Line, Span};

use crate::model::session::Technique;
use crate::tui::form::TechniqueForm;
use crate::tui::theme::{Meaning, Theme};
use crate::tui::view::truncate;

/// `Kind     drop set  rest-pause  myo-reps  ←→`, the technique picked highlighted.
pub(super) fn picker(choice: &TechniqueForm, theme: Theme) -> Line<'static> {
    let mut spans = vec![Span::styled(format!("{:<8}", "Kind"), theme.style(Meaning::Muted))];
    for technique in Technique::ALL {
        let style =
            if technique == choice.technique { theme.style(Meaning::Selected) } else { theme.style(Meaning::Muted) };
        spans.push(Span::styled(format!(" {} ", technique.as_str()), style));
    }
    spans.push(Span::styled(" ←→", theme.style(Meaning::Muted)));
    Line::from(spans)
}

/// What the technique set carries on, and that no rest comes between.
pub(super) fn carries_on(choice: &TechniqueForm, width: usize, theme: Theme) -> Vec<Line<'static>> {
    vec![
        Line::styled(truncate(&format!("After: {}", choice.carries_on), width), theme.style(Meaning::Muted)),
        Line::styled(truncate("No rest before it; the rest starts after it.", width), theme.style(Meaning::Muted)),
    ]
}

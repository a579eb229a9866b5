//! The lifter's own popups on Today: the note pinned to an exercise, and the questions that make
//! a new exercise from the add picker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::centered;
use crate::model::exercise::{Equipment, Muscle};
use crate::tui::popups::{FAILURE_CHOICES, NewExercise, NewStep, PinNote};
use crate::tui::theme::Meaning;
use crate::tui::view::{View, truncate, truncate_start};

pub(super) fn pin_note(screen: &View<'_>, note: &PinNote, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let rect = centered(area, 76, 6);
    Clear.render(rect, buf);
    let title = truncate(&format!("Pinned note: {}", note.exercise), rect.width.saturating_sub(4) as usize);
    let inner = screen.pane(&title, true, rect, buf);
    let width = inner.width as usize;
    let label = "Note: ";
    let whose = if note.own {
        "Your note; emptied, the plan's note (if any) shows again."
    } else if !note.shown.is_empty() {
        "The plan's note: what you save is shown instead of it."
    } else {
        "Seat height, grip, cues: shown under the exercise every time."
    };
    let lines = vec![
        Line::styled(truncate(whose, width), t.style(Meaning::Muted)),
        Line::from(vec![
            Span::styled(label, t.style(Meaning::Muted)),
            Span::raw(format!("{}▏", truncate_start(&note.text, width.saturating_sub(label.len() + 1)))),
        ]),
        Line::raw(""),
        Line::styled(truncate("Enter saves, empty removes it, Esc cancels.", width), t.style(Meaning::Muted)),
    ];
    Paragraph::new(lines).render(inner, buf);
}

pub(super) fn new_exercise(screen: &View<'_>, new: &NewExercise, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let rect = centered(area, 64, 14);
    Clear.render(rect, buf);
    let (number, question) = match new.step {
        NewStep::Equipment => (1, "What is it lifted with?"),
        NewStep::Muscles => (2, "Which muscles does it work? Space ticks one or more."),
        NewStep::Failure => (3, "Is it safe to take to failure?"),
    };
    let title = truncate(&format!("New exercise {number}/3: {}", new.name), rect.width.saturating_sub(4) as usize);
    let inner = screen.pane(&title, true, rect, buf);
    let width = inner.width as usize;
    let row_style = |row: usize| if row == new.row { t.style(Meaning::Selected) } else { t.style(Meaning::Text) };
    let mut lines = vec![Line::styled(truncate(question, width), t.style(Meaning::Title))];
    match new.step {
        NewStep::Equipment => lines.extend(Equipment::ALL.iter().enumerate().map(|(row, e)| {
            let mark = if row == new.row { "›" } else { " " };
            Line::styled(format!("{mark} {}", e.name()), row_style(row))
        })),
        NewStep::Muscles => {
            // Two columns of eight, so the fifteen muscles fit a small terminal.
            let column = (width / 2).max(1);
            let cell = |row: usize| {
                let muscle = Muscle::ALL[row];
                let tick = if new.muscles.contains(&muscle) { "[x]" } else { "[ ]" };
                let mark = if row == new.row { "›" } else { " " };
                let text = truncate(&format!("{mark}{tick} {muscle}"), column);
                Span::styled(format!("{text:<column$}"), row_style(row))
            };
            for row in 0..8 {
                let mut spans = vec![cell(row)];
                if row + 8 < Muscle::ALL.len() {
                    spans.push(cell(row + 8));
                }
                lines.push(Line::from(spans));
            }
        }
        NewStep::Failure => {
            lines.extend(FAILURE_CHOICES.iter().enumerate().map(|(row, (_, words))| {
                let mark = if row == new.row { "›" } else { " " };
                Line::styled(truncate(&format!("{mark} {words}"), width), row_style(row))
            }));
            let usual = new.equipment.failure_class().target_rir();
            lines.push(Line::styled(
                truncate(&format!("  (usual for {}: RIR {usual})", new.equipment.name()), width),
                t.style(Meaning::Muted),
            ));
        }
    }
    let hint = match new.step {
        NewStep::Equipment => "Enter next, Esc cancels: nothing is saved until the last step.",
        NewStep::Muscles => "Enter next, Bksp back, Esc cancels.",
        NewStep::Failure => "Enter makes it and adds it to today, Bksp back, Esc cancels.",
    };
    let room = (inner.height as usize).saturating_sub(1);
    while lines.len() < room {
        lines.push(Line::raw(""));
    }
    lines.truncate(room);
    lines.push(Line::styled(truncate(hint, width), t.style(Meaning::Muted)));
    Paragraph::new(lines).render(inner, buf);
}

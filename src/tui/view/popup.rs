//! Overlays: key help (from the keymap), questions, the exercise picker, and (`summary`) the
//! summary of a session finished.

mod summary;

mod own;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use unicode_width::UnicodeWidthStr;

use super::{View, truncate, truncate_start};
use crate::keymap::{Action, HELP_KEYS_WIDTH};
use crate::tui::popups::{CHECK_IN_QUESTIONS, CheckIn, GoTo, Guess, PickFor, Picker, Popup, Question};
use crate::tui::theme::Meaning;

/// A centred rectangle of at most `width` x `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

pub(super) fn render(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    match &screen.app.popup {
        None => {}
        Some(Popup::GoTo(go)) => go_to(screen, go, area, buf),
        Some(Popup::CheckIn(answers)) => check_in(screen, answers, area, buf),
        Some(Popup::Guess(answer)) => guess(screen, answer, area, buf),
        Some(Popup::Help(scroll)) => help(screen, *scroll, area, buf),
        Some(Popup::Confirm(question)) => confirm(screen, question, area, buf),
        Some(Popup::Picker(state)) => picker(screen, state, area, buf),
        Some(Popup::Summary(summary, scroll)) => summary::render(screen, summary, *scroll, area, buf),
        Some(Popup::PinNote(note)) => own::pin_note(screen, note, area, buf),
        Some(Popup::NewExercise(new)) => own::new_exercise(screen, new, area, buf),
    }
}

fn go_to(screen: &View<'_>, go: &GoTo, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let rect = centered(area, 44, 6);
    Clear.render(rect, buf);
    let inner = screen.pane("Go to the week of", true, rect, buf);
    let mut lines = vec![Line::from(vec![
        Span::styled("Date (YYYY-MM-DD): ", t.style(Meaning::Muted)),
        Span::raw(format!("{}▏", go.text)),
    ])];
    if let Some(error) = &go.error {
        lines.push(Line::styled(truncate(&format!("✗ {error}"), inner.width as usize), t.style(Meaning::Error)));
    }
    lines.push(Line::styled("Enter goes, Esc cancels.", t.style(Meaning::Muted)));
    Paragraph::new(lines).render(inner, buf);
}

fn check_in(screen: &View<'_>, check_in: &CheckIn, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let rect = centered(area, 52, 10);
    Clear.render(rect, buf);
    let inner = screen.pane("How are you today? (1-5)", true, rect, buf);
    let mut lines = Vec::new();
    for (row, (question, scale)) in CHECK_IN_QUESTIONS.iter().enumerate() {
        let answer = check_in.scores[row].map_or_else(|| "·".to_string(), |s| s.to_string());
        let style = if row == check_in.row { t.style(Meaning::Selected) } else { t.style(Meaning::Text) };
        lines.push(Line::from(vec![
            Span::styled(format!("{question:<11} [{answer}] "), style),
            Span::styled(scale.to_string(), t.style(Meaning::Muted)),
        ]));
    }
    lines.push(body_weight_line(screen, check_in));
    if let Some(error) = &check_in.error {
        lines.push(Line::styled(truncate(&format!("✗ {error}"), inner.width as usize), t.style(Meaning::Error)));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Type 1-5 for each; Enter saves, Esc skips.", t.style(Meaning::Muted)));
    Paragraph::new(lines).render(inner, buf);
}

/// The check-in's last line: the body weight, optional.
fn body_weight_line(screen: &View<'_>, check_in: &CheckIn) -> Line<'static> {
    let t = screen.theme;
    let here = check_in.row == CheckIn::BODY_WEIGHT_ROW;
    let style = if here { t.style(Meaning::Selected) } else { t.style(Meaning::Text) };
    let cursor = if here { "▏" } else { "" };
    let unit = screen.app.plan.unit;
    Line::from(vec![
        Span::styled(format!("{:<11} [{}{cursor}] {unit} ", "Body weight", check_in.body_weight), style),
        Span::styled("optional".to_string(), t.style(Meaning::Muted)),
    ])
}

fn guess(screen: &View<'_>, guess: &Guess, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let rect = centered(area, 60, 9);
    Clear.render(rect, buf);
    let inner = screen.pane("Calibrate your RIR", true, rect, buf);
    let width = inner.width as usize;
    let mut lines: Vec<Line<'static>> = super::wrap(
        &format!(
            "You took it to failure at {} reps. At which rep did you last judge how many were left, and how many did you think? Type the rep and your guess, such as {} 2",
            guess.reps,
            guess.reps.saturating_sub(2).max(1)
        ),
        width,
        "",
    )
    .into_iter()
    .map(Line::raw)
    .collect();
    lines.push(Line::from(vec![
        Span::styled("Answer: ", t.style(Meaning::Muted)),
        Span::raw(format!("{}▏", guess.text)),
    ]));
    if let Some(error) = &guess.error {
        lines.push(Line::styled(truncate(&format!("✗ {error}"), width), t.style(Meaning::Error)));
    }
    lines.push(Line::styled("Enter saves, Esc skips.", t.style(Meaning::Muted)));
    Paragraph::new(lines).render(inner, buf);
}

fn help(screen: &View<'_>, scroll: u16, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let rect = centered(area, 68, area.height.saturating_sub(2));
    let sections = screen.app.keymap.help_sections();
    // The keys in a column, the words beside them; keys wider than the column (moves in pairs
    // may name six keys) take a line of their own with the words under them. A row too long for
    // the box is cut, never wrapped, so the overlay has the lines the keymap counts.
    let inner_width = rect.width.saturating_sub(2) as usize;
    let column = HELP_KEYS_WIDTH;
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (context, rows) in sections {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(screen.app.keymap.title(context), t.style(Meaning::Title)));
        for (keys, words) in rows {
            let words = truncate(words, inner_width.saturating_sub(column + 4));
            if keys.width() > column {
                lines.push(Line::styled(truncate(&format!("  {keys}"), inner_width), t.style(Meaning::Key)));
                lines.push(Line::raw(format!("  {:column$}  {words}", "")));
            } else {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {keys:<column$}  "), t.style(Meaning::Key)),
                    Span::raw(words),
                ]));
            }
        }
    }
    Clear.render(rect, buf);
    let title = format!("Keys (↑↓ scroll, {} or Esc close)", screen.app.keymap.key_label(Action::Help));
    let inner = screen.pane(&title, true, rect, buf);
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    let skip = (scroll as usize).min(max_scroll);
    Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(inner, buf);
}

fn confirm(screen: &View<'_>, question: &Question, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let text = question.text();
    let (yes, no) = question.answers();
    // Long questions wrap inside a box of at most 60 columns.
    let width = (text.chars().count() as u16 + 4).clamp(30, 60).min(area.width);
    let text_rows = (text.chars().count() as u16).div_ceil(width.saturating_sub(4).max(1));
    let rect = centered(area, width, text_rows + 4);
    Clear.render(rect, buf);
    let inner = screen.pane("Confirm", true, rect, buf);
    let mut lines: Vec<Line<'static>> =
        super::wrap(&text, inner.width as usize, "").into_iter().map(Line::raw).collect();
    lines.extend([
        Line::raw(""),
        Line::from(vec![
            Span::styled("y", t.style(Meaning::Key)),
            Span::raw(format!(" {yes}   ")),
            Span::styled("n", t.style(Meaning::Key)),
            Span::raw(format!(" {no}")),
        ]),
    ]);
    Paragraph::new(lines).render(inner, buf);
}

fn picker(screen: &View<'_>, picker: &Picker, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let rect = centered(area, 50, area.height.saturating_sub(4));
    Clear.render(rect, buf);
    let title = match picker.purpose {
        PickFor::Adding => "Add exercise: type to filter",
        PickFor::Detail => "Find an exercise: type part of its name",
    };
    let inner = screen.pane(title, true, rect, buf);
    let matches = screen.app.picker_matches(&picker.filter);
    // The add picker's last row makes a new exercise of the name typed; it stays in sight
    // below however many names match in part.
    let offer = picker.create_offer(&screen.app.plan);
    let width = inner.width as usize;
    let mut lines = vec![Line::from(vec![
        Span::styled("Filter: ", t.style(Meaning::Muted)),
        Span::raw(format!("{}▏", truncate_start(&picker.filter, width.saturating_sub(9)))),
    ])];
    let room = (inner.height as usize).saturating_sub(1 + usize::from(offer.is_some()));
    let offset = (picker.selected.min(matches.len().saturating_sub(1)) + 1).saturating_sub(room);
    if matches.is_empty() {
        lines.push(Line::styled("No exercise matches.", t.style(Meaning::Muted)));
    }
    for (i, name) in matches.iter().enumerate().skip(offset).take(room) {
        let style = if i == picker.selected { t.style(Meaning::Selected) } else { t.style(Meaning::Text) };
        lines.push(Line::styled(truncate(name, width), style));
    }
    if let Some(name) = offer {
        let style = if picker.selected == matches.len() { t.style(Meaning::Selected) } else { t.style(Meaning::Key) };
        lines.push(Line::styled(truncate(&format!("+ create '{name}'"), width), style));
    }
    Paragraph::new(lines).render(inner, buf);
}

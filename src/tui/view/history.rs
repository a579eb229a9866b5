//! The History screen: past sessions, and last week beside this week for each exercise.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{View, truncate};
use crate::model::session::{LoggedSet, SetEntry};
use crate::training::compare::{Verdict, diff};
use crate::tui::app::Pane;
use crate::tui::theme::Meaning;

pub(super) fn render(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    let [left, right] = Layout::horizontal([Constraint::Percentage(38), Constraint::Percentage(62)]).areas(area);
    sessions(screen, left, buf);
    comparison(screen, right, buf);
}

fn sessions(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let app = screen.app;
    let inner = screen.pane("Sessions", screen.focused(Pane::Sessions), area, buf);
    if app.sessions.is_empty() {
        Paragraph::new(Line::styled("No sessions yet: log a set in Today.", t.style(Meaning::Muted)))
            .render(inner, buf);
        return;
    }
    let height = inner.height as usize;
    let offset = (app.session_cursor + 1).saturating_sub(height);
    let width = inner.width as usize;
    let lines: Vec<Line<'static>> = app
        .sessions
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, s)| {
            // Narrow panes drop the weekday so the day's name keeps its room.
            let format = if width >= 40 { "%a %d %b" } else { "%d %b" };
            let date = screen.app_local(s.session.started_at).format(format).to_string();
            let sets = match (s.working_sets, s.ramp_up_sets) {
                (0, 0) => "done".to_string(),
                (0, r) => format!("{r} ramp"),
                (1, _) => "1 set".to_string(),
                (w, _) => format!("{w} sets"),
            };
            let room = width.saturating_sub(date.chars().count() + 9);
            let name = truncate(&s.session.day_name, room);
            let text = format!("{date} {name:<room$} {sets:>7}");
            let style = if i == app.session_cursor { t.style(Meaning::Selected) } else { t.style(Meaning::Text) };
            Line::styled(truncate(&text, width), style)
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

fn compact(entry: &SetEntry) -> String {
    let mut text = format!("{}{} x{}", entry.weight.load, entry.weight.unit, entry.reps);
    if let Some(rir) = entry.rir {
        let _ = write!(text, " @{rir}");
    }
    if entry.form_broke {
        text.push('!');
    }
    text
}

fn comparison(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let app = screen.app;
    let Some(comparison) = &app.comparison else {
        let inner = screen.pane("Last week vs this week", screen.focused(Pane::Comparison), area, buf);
        Paragraph::new(Line::styled("Select a session to compare its week.", t.style(Meaning::Muted)))
            .render(inner, buf);
        return;
    };
    let this_date = comparison.exercises.first().map_or(comparison.week_start, |e| e.this_date);
    let title = format!("{} vs the week before", this_date.format("%a %-d %b"));
    let inner = screen.pane(&title, screen.focused(Pane::Comparison), area, buf);
    let width = inner.width as usize;
    let col = ((width.saturating_sub(4)) / 3).clamp(8, 18);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut selected_line = 0;
    if comparison.exercises.is_empty() {
        lines.push(Line::styled("A rest or recovery day: nothing to compare.", t.style(Meaning::Muted)));
    }
    for (i, exercise) in comparison.exercises.iter().enumerate() {
        if i > 0 {
            lines.push(Line::raw(""));
        }
        if i == comparison.selected {
            selected_line = lines.len();
        }
        let style = if i == comparison.selected && screen.focused(Pane::Comparison) {
            t.style(Meaning::Selected)
        } else {
            t.style(Meaning::Title)
        };
        let ramps = if exercise.ramp_ups > 0 { format!("  (+{} ramp-up)", exercise.ramp_ups) } else { String::new() };
        lines.push(Line::from(vec![
            Span::styled(exercise.exercise.clone(), style),
            Span::styled(ramps, t.style(Meaning::Muted)),
        ]));
        let last_label =
            exercise.last_date.map_or_else(|| "last week".to_string(), |d| d.format("%a %-d %b").to_string());
        let this_label = exercise.this_date.format("%a %-d %b").to_string();
        lines.push(Line::styled(
            truncate(&format!("{:<3} {:<col$} {:<col$} change", "set", last_label, this_label), width),
            t.style(Meaning::Muted),
        ));
        let rows = exercise.last_week.len().max(exercise.this_week.len());
        for n in 0..rows {
            let last: Option<&LoggedSet> = exercise.last_week.get(n);
            let this: Option<&LoggedSet> = exercise.this_week.get(n);
            let cell = |s: Option<&LoggedSet>| s.map_or_else(|| "-".to_string(), |s| compact(&s.entry));
            let (change, meaning) = match (last, this) {
                (Some(a), Some(b)) => match diff(&a.entry, &b.entry) {
                    Some(d) => {
                        let (mark, meaning) = match d.verdict {
                            Verdict::Better => ("▲ ", Meaning::Better),
                            Verdict::Worse => ("▼ ", Meaning::Worse),
                            Verdict::Level => ("= ", Meaning::Text),
                        };
                        (format!("{mark}{}", d.text), meaning)
                    }
                    None => ("units differ".to_string(), Meaning::Muted),
                },
                (None, Some(_)) => ("new set".to_string(), Meaning::Muted),
                (Some(_), None) => ("not done this time".to_string(), Meaning::Muted),
                (None, None) => (String::new(), Meaning::Muted),
            };
            let row =
                format!("{:<3} {:<col$} {:<col$} ", n + 1, truncate(&cell(last), col), truncate(&cell(this), col));
            let change = truncate(&change, width.saturating_sub(row.chars().count()));
            lines.push(Line::from(vec![
                Span::styled(row, t.style(Meaning::Text)),
                Span::styled(change, t.style(meaning)),
            ]));
        }
        if rows == 0 {
            lines.push(Line::styled("    only ramp-up sets", t.style(Meaning::Muted)));
        } else if exercise.last_week.is_empty() {
            lines.push(Line::styled("    not trained the week before", t.style(Meaning::Muted)));
        }
    }
    let height = inner.height as usize;
    let offset = (selected_line + 4).saturating_sub(height);
    Paragraph::new(lines.into_iter().skip(offset).take(height).collect::<Vec<_>>()).render(inner, buf);
}

//! The History screen: past sessions, and last week beside this week for each exercise.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{View, truncate};
use crate::keymap::Action;
use crate::model::session::{LoggedSet, SetEntry};
use crate::training::compare::{Verdict, diff, e1rm_verdict};
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
    let title = match app.sessions_week {
        Some((monday, deload)) => {
            let deload = if deload { ", deload" } else { "" };
            format!("Week of {}{deload}", monday.format("%-d %b %Y"))
        }
        None => "Sessions".to_string(),
    };
    let inner = screen.pane(&title, screen.focused(Pane::Sessions), area, buf);
    if app.sessions.is_empty() {
        Paragraph::new(vec![
            Line::styled("No sessions this week.", t.style(Meaning::Muted)),
            Line::styled(
                format!("←→ other weeks, {} a date.", app.keymap.key_label(Action::GoToDate)),
                t.style(Meaning::Muted),
            ),
        ])
        .render(inner, buf);
        return;
    }
    let width = inner.width as usize;
    // Two lines a session: the day, then when, how long, how much, and the check-in.
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut selected_line = 0;
    // The first row stands for the whole week.
    let whole = format!("Whole week: {} session{}", app.sessions.len(), if app.sessions.len() == 1 { "" } else { "s" });
    let style = if app.session_cursor == 0 { t.style(Meaning::Selected) } else { t.style(Meaning::Title) };
    lines.push(Line::styled(truncate(&whole, width), style));
    for (i, s) in app.sessions.iter().enumerate() {
        let selected = i + 1 == app.session_cursor;
        if selected {
            selected_line = lines.len();
        }
        let style = if selected { t.style(Meaning::Selected) } else { t.style(Meaning::Text) };
        let start = screen.app_local(s.session.started_at);
        let name = format!("{} {}", start.format("%a %-d"), s.session.day_name);
        lines.push(Line::styled(truncate(&name, width), style));
        let minutes = s.session.ended_at.map(|end| (end - s.session.started_at).num_minutes());
        let length = match minutes {
            Some(0) | None => String::new(),
            Some(m) => format!(", {m} min"),
        };
        let sets = match s.working_sets {
            0 if s.ramp_up_sets == 0 => "done".to_string(),
            1 => "1 set".to_string(),
            n => format!("{n} sets"),
        };
        let detail = format!("  {}{length}, {sets}", start.format("%H:%M"));
        lines.push(Line::styled(truncate(&detail, width), t.style(Meaning::Muted)));
    }
    let height = inner.height as usize;
    let offset = (selected_line + 2).saturating_sub(height);
    Paragraph::new(lines.into_iter().skip(offset).take(height).collect::<Vec<_>>()).render(inner, buf);
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
    let selected = app.sessions.iter().find(|s| Some(s.session.id) == comparison.session_id);
    let title = match selected {
        Some(s) => format!("{} vs the week before", screen.app_local(s.session.started_at).format("%a %-d %b")),
        None => format!("Week of {} vs the week before", comparison.week_start.format("%-d %b")),
    };
    let inner = screen.pane(&title, screen.focused(Pane::Comparison), area, buf);
    let width = inner.width as usize;
    let col = ((width.saturating_sub(4)) / 3).clamp(8, 18);
    let mut lines: Vec<Line<'static>> = Vec::new();
    // The selected session's check-in and note head the comparison.
    if let Some(session) = selected.map(|s| &s.session) {
        let mut about = Vec::new();
        if let Some(r) = session.readiness {
            about.push(format!(
                "Felt: sleep {}, energy {}, joints {}, motivation {}",
                r.sleep, r.energy, r.joints, r.motivation
            ));
        }
        if !session.note.is_empty() {
            about.push(format!("Note: {}", session.note));
        }
        for text in about {
            lines.push(Line::styled(truncate(&text, width), t.style(Meaning::Muted)));
        }
        if session.readiness.is_some() || !session.note.is_empty() {
            lines.push(Line::raw(""));
        }
    }
    let mut selected_line = 0;
    if comparison.exercises.is_empty() {
        let text =
            if selected.is_some() { "A rest or recovery day: nothing to compare." } else { "No lifting this week." };
        lines.push(Line::styled(text, t.style(Meaning::Muted)));
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
        lines.push(Line::styled(exercise.exercise.clone(), style));
        let last_label =
            exercise.last_date.map_or_else(|| "last week".to_string(), |d| d.format("%a %-d %b").to_string());
        let this_label = if selected.is_some() {
            exercise.this_date.format("%a %-d %b").to_string()
        } else {
            "this week".to_string()
        };
        lines.push(Line::styled(
            truncate(&format!("{:<3} {:<col$} {:<col$} change", "set", last_label, this_label), width),
            t.style(Meaning::Muted),
        ));
        let rows = exercise.last_week.len().max(exercise.this_week.len());
        for n in 0..rows {
            let last: Option<&LoggedSet> = exercise.last_week.get(n);
            let this: Option<&LoggedSet> = exercise.this_week.get(n);
            // A star marks a record set when it happened.
            let cell = |s: Option<&LoggedSet>| {
                s.map_or_else(
                    || "-".to_string(),
                    |s| {
                        let star = if exercise.records.contains(&s.id) { "★" } else { "" };
                        format!("{}{star}", compact(&s.entry))
                    },
                )
            };
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
        if exercise.last_deload {
            lines.push(Line::styled("    the week before was a deload week", t.style(Meaning::Muted)));
        }
        // Ramp-up sets apart and dimmed: they are never compared.
        if !exercise.ramp_ups.is_empty() {
            let ramps: Vec<String> = exercise.ramp_ups.iter().map(|s| compact(&s.entry)).collect();
            lines.push(Line::styled(
                truncate(&format!("    ramp-ups: {}", ramps.join(", ")), width),
                t.style(Meaning::Muted),
            ));
        }
        if let (Some(before), Some(now)) = exercise.best_e1rm {
            let change = now - before;
            let (word, meaning) = match e1rm_verdict(before, now) {
                Verdict::Better => ("better", Meaning::Better),
                Verdict::Worse => ("worse", Meaning::Worse),
                Verdict::Level => ("level", Meaning::Text),
            };
            lines.push(Line::styled(
                truncate(&format!("    best e1RM {before:.1} → {now:.1} ({change:+.1}, {word})"), width),
                t.style(meaning),
            ));
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

//! The History screen: past sessions, and last week beside this week for each exercise.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{View, truncate};
use crate::history::WeekComparison;
use crate::keymap::Action;
use crate::model::session::{LoggedSet, Session, SetEntry};
use crate::model::units::Effort;

mod notes;
mod timed;
use crate::training::compare::{Verdict, diff, e1rm_verdict};
use crate::training::techniques::with_their_sets;
use crate::tui::screens::Pane;
use crate::tui::theme::Meaning;

pub(super) fn render(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    let [left, right] = Layout::horizontal([Constraint::Percentage(38), Constraint::Percentage(62)]).areas(area);
    sessions(screen, left, buf);
    comparison(screen, right, buf);
}

fn sessions(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let history = &screen.app.history;
    let title = match history.sessions_week {
        Some((monday, deload)) => {
            let deload = if deload { ", deload" } else { "" };
            format!("Week of {}{deload}", monday.format("%-d %b %Y"))
        }
        None => "Sessions".to_string(),
    };
    let inner = screen.pane(&title, screen.focused(Pane::Sessions), area, buf);
    if history.sessions.is_empty() {
        Paragraph::new(vec![
            Line::styled("No sessions this week.", t.style(Meaning::Muted)),
            Line::styled(
                format!("←→ other weeks, {} a date.", screen.app.keymap.key_label(Action::GoToDate)),
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
    let whole =
        format!("Whole week: {} session{}", history.sessions.len(), if history.sessions.len() == 1 { "" } else { "s" });
    let style = if history.session_cursor == 0 { t.style(Meaning::Selected) } else { t.style(Meaning::Title) };
    lines.push(Line::styled(truncate(&whole, width), style));
    for (i, s) in history.sessions.iter().enumerate() {
        let selected = i + 1 == history.session_cursor;
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

fn compact(entry: &SetEntry, effort: Effort) -> String {
    if entry.timed_or_distance() {
        return timed::compact(entry, effort);
    }
    let load = crate::model::session::compact_load_text(entry.basis, entry.weight.load, entry.weight.unit);
    let mut text = format!("{load} x{}", entry.reps);
    if let Some(rir) = entry.rir {
        let _ = write!(text, " @{}", effort.number(rir));
    }
    if entry.form_broke {
        text.push('!');
    }
    text
}

fn comparison(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let history = &screen.app.history;
    let Some(comparison) = &history.comparison else {
        let inner = screen.pane("Last week vs this week", screen.focused(Pane::Comparison), area, buf);
        Paragraph::new(Line::styled("Select a session to compare its week.", t.style(Meaning::Muted)))
            .render(inner, buf);
        return;
    };
    let selected = history.sessions.iter().find(|s| Some(s.session.id) == comparison.session_id);
    let title = match selected {
        Some(s) => format!("{} vs the week before", screen.app_local(s.session.started_at).format("%a %-d %b")),
        None => format!("Week of {} vs the week before", comparison.week_start.format("%-d %b")),
    };
    let inner = screen.pane(&title, screen.focused(Pane::Comparison), area, buf);
    let width = inner.width as usize;
    // The selected session's check-in and note head the comparison.
    let mut lines = selected.map(|s| about(screen, &s.session, width)).unwrap_or_default();
    let mut selected_line = 0;
    if comparison.exercises.is_empty() {
        let text =
            if selected.is_some() { "A rest or recovery day: nothing to compare." } else { "No lifting this week." };
        lines.push(Line::styled(text, t.style(Meaning::Muted)));
    }
    // One column width for the whole week, so the sets line up from exercise to exercise.
    let col = comparison.exercises.iter().map(|e| column_width(screen, e, width)).max().unwrap_or(10);
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
        lines.push(Line::styled(format!("{}{}", exercise.exercise, superset_tag(exercise)), style));
        lines.extend(exercise_lines(screen, exercise, selected.is_some(), (col, width)));
    }
    let height = inner.height as usize;
    let offset = (selected_line + 4).saturating_sub(height);
    Paragraph::new(lines.into_iter().skip(offset).take(height).collect::<Vec<_>>()).render(inner, buf);
}

/// ` · superset A` after an exercise whose sets this week were done in a superset or circuit.
fn superset_tag(exercise: &WeekComparison) -> String {
    exercise
        .this_week
        .iter()
        .find_map(|s| s.entry.superset.as_deref())
        .map_or_else(String::new, |label| format!(" · superset {label}"))
}

/// A session's check-in and note, with a blank line after them when there are any.
fn about(screen: &View<'_>, session: &Session, width: usize) -> Vec<Line<'static>> {
    let t = screen.theme;
    let mut lines = Vec::new();
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
    lines
}

/// One exercise under its title: the sets of the two weeks side by side with the change, then
/// the ramp-ups, the best e1RM, and what is missing.
fn exercise_lines(
    screen: &View<'_>,
    exercise: &WeekComparison,
    one_session: bool,
    (col, width): (usize, usize),
) -> Vec<Line<'static>> {
    let t = screen.theme;
    let mut lines = Vec::new();
    let last_label = exercise.last_date.map_or_else(|| "last week".to_string(), |d| d.format("%a %-d %b").to_string());
    let this_label =
        if one_session { exercise.this_date.format("%a %-d %b").to_string() } else { "this week".to_string() };
    lines.push(Line::styled(
        truncate(&format!("{:<3} {:<col$} {:<col$} change", "set", last_label, this_label), width),
        t.style(Meaning::Muted),
    ));
    // A drop set or a right side is shown under its set, never as a set of its own.
    let (last_rows, this_rows) = (with_their_sets(&exercise.last_week), with_their_sets(&exercise.this_week));
    let rows = last_rows.len().max(this_rows.len());
    for n in 0..rows {
        let (last, this) = (last_rows.get(n), this_rows.get(n));
        lines.push(set_row(screen, exercise, (last.map(|r| r.0), this.map(|r| r.0)), n, (col, width)));
        lines.extend(notes::lines(screen, (last.map(|r| r.0), this.map(|r| r.0)), col, width));
        lines.extend(under_rows(screen, (last, this), col, width));
    }
    if exercise.last_deload {
        lines.push(Line::styled("    the week before was a deload week", t.style(Meaning::Muted)));
    }
    // Ramp-up sets apart and dimmed: they are never compared.
    if !exercise.ramp_ups.is_empty() {
        let ramps: Vec<String> =
            exercise.ramp_ups.iter().map(|s| compact(&s.entry, screen.app.settings.entry.effort)).collect();
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
    lines
}

/// How wide each week's column is: as wide as its widest set (with a record's star), so
/// "77.5kg x10 @0.5" is never cut, but leaving the change column room for "▲ +2 reps".
fn column_width(screen: &View<'_>, exercise: &WeekComparison, width: usize) -> usize {
    let effort = screen.app.settings.entry.effort;
    let widest = exercise
        .last_week
        .iter()
        .chain(&exercise.this_week)
        .map(|s| compact(&s.entry, effort).chars().count() + usize::from(exercise.records.contains(&s.id)))
        .max()
        .unwrap_or(0);
    let most = (width.saturating_sub(4 + CHANGE_ROOM) / 2).max(8);
    widest.max(10).min(most)
}

/// The room a change needs: "▲ +2 reps", "not done".
const CHANGE_ROOM: usize = 10;

/// Set `row` (from 0) of both weeks in columns `col` wide, and the change between them.
fn set_row(
    screen: &View<'_>,
    exercise: &WeekComparison,
    (last, this): (Option<&LoggedSet>, Option<&LoggedSet>),
    row: usize,
    (col, width): (usize, usize),
) -> Line<'static> {
    let t = screen.theme;
    // A star marks a record set when it happened.
    let cell = |s: Option<&LoggedSet>| {
        s.map_or_else(
            || "-".to_string(),
            |s| {
                let star = if exercise.records.contains(&s.id) { "★" } else { "" };
                format!("{}{star}", compact(&s.entry, screen.app.settings.entry.effort))
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
    let cells = format!("{:<3} {:<col$} {:<col$} ", row + 1, truncate(&cell(last), col), truncate(&cell(this), col));
    let room = width.saturating_sub(cells.chars().count());
    let change =
        if last.is_some() && this.is_none() && change.chars().count() > room { "not done".into() } else { change };
    let change = truncate(&change, room);
    Line::from(vec![Span::styled(cells, t.style(Meaning::Text)), Span::styled(change, t.style(meaning))])
}

/// A compared set with the sets shown under it.
type Row<'a> = (&'a LoggedSet, Vec<&'a LoggedSet>);

/// The sets shown under a row's two sets (drop sets, rest-pause, a right side), each in its
/// week's column: `↳ drop 60kg x6`; this week's may take the change column's room.
fn under_rows(
    screen: &View<'_>,
    (last, this): (Option<&Row<'_>>, Option<&Row<'_>>),
    col: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let effort = screen.app.settings.entry.effort;
    let under = |row: Option<&Row<'_>>, k: usize| {
        row.and_then(|(_, under)| under.get(k)).map_or_else(String::new, |s| {
            let what = s.entry.technique.map_or_else(|| s.entry.side.map_or("", |d| d.as_str()), |t| t.as_str());
            format!("↳ {what} {}", compact(&s.entry, effort))
        })
    };
    let count = |row: Option<&Row<'_>>| row.map_or(0, |r| r.1.len());
    (0..count(last).max(count(this)))
        .map(|k| {
            // This week's may run on into the change column, which is empty under a set.
            let text = format!("{:<3} {:<col$} {}", "", truncate(&under(last, k), col), under(this, k));
            Line::styled(truncate(text.trim_end(), width), screen.theme.style(Meaning::Muted))
        })
        .collect()
}

//! The exercise detail: the e1RM trend as a line chart, the records, and every set, paged.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{View, truncate};
use crate::history::ExerciseDetail;
use crate::model::session::SetKind;
use crate::training::records::WeekPoint;
use crate::tui::screens::Pane;
use crate::tui::screens::detail::DetailView;
use crate::tui::theme::Meaning;

mod timed;
mod trend;

pub(super) fn render(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    let Some(view) = &screen.app.detail else {
        let inner = screen.pane("Exercise", screen.focused(Pane::Detail), area, buf);
        Paragraph::new("Loading…").render(inner, buf);
        return;
    };
    if timed::is_timed(&view.detail) {
        return timed::render(screen, view, area, buf);
    }
    let [top, bottom] = Layout::vertical([Constraint::Percentage(50), Constraint::Min(0)]).areas(area);
    let shown = trend::shown(screen, view);
    trend::render(screen, view, &shown, top, buf);
    let [left, right] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(bottom);
    records(screen, &view.detail, shown.last().copied(), left, buf);
    if view.weeks {
        weeks_list(screen, view, right, buf);
    } else {
        sets_list(screen, view, right, buf);
    }
}

/// The records pane: the best e1RM, the best reps at each load, and the latest top set.
fn records(screen: &View<'_>, detail: &ExerciseDetail, latest: Option<&WeekPoint>, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let unit = detail.unit.label();
    let records_area = screen.pane("Records", false, area, buf);
    let width = records_area.width as usize;
    let mut lines = Vec::new();
    match &detail.records.best_e1rm {
        Some((best, set)) => lines.push(Line::styled(
            truncate(
                &format!("★ e1RM {best:.1} {unit}: {}", set.entry.summary_in(screen.app.settings.entry.effort)),
                width,
            ),
            t.style(Meaning::Good),
        )),
        None => lines.push(Line::styled("No records yet.", t.style(Meaning::Muted))),
    }
    for (_, reps, set) in detail.records.best_reps.iter().take(records_area.height.saturating_sub(3) as usize) {
        let date = screen.app_local(set.session_started_at).format("%-d %b %y");
        lines.push(Line::raw(truncate(&format!("  {} x {reps}  ({date})", set.entry.load_text()), width)));
    }
    if let Some(last) = latest {
        lines.push(Line::styled(
            truncate(
                &format!("Latest top set: {}", last.top.entry.summary_in(screen.app.settings.entry.effort)),
                width,
            ),
            t.style(Meaning::Muted),
        ));
    }
    Paragraph::new(lines).render(records_area, buf);
}

/// The list pane's block, titled with the rows it shows (as many as fit, from the offset the
/// keys moved to): the area inside it, and the first row and how many.
fn list_pane(screen: &View<'_>, view: &DetailView, area: Rect, buf: &mut Buffer) -> (Rect, usize, usize) {
    let rows = if view.weeks { view.detail.weeks.len() } else { view.detail.sets.len() };
    let what = if view.weeks { "Weeks" } else { "Sets" };
    let visible = (area.height.saturating_sub(2) as usize).max(1);
    let first = view.offset.min(rows.saturating_sub(1));
    let last = (first + visible).min(rows);
    let title = if rows == 0 { format!("{what}: none yet") } else { format!("{what} {}-{last} of {rows}", first + 1) };
    (screen.pane(&title, false, area, buf), first, visible)
}

/// Newest week first: its top set, best e1RM and working sets; deload weeks say so.
fn weeks_list(screen: &View<'_>, view: &DetailView, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let (sets_area, first, visible) = list_pane(screen, view, area, buf);
    let width = sets_area.width as usize;
    let lines: Vec<Line<'static>> = view
        .detail
        .weeks
        .iter()
        .rev()
        .skip(first)
        .take(visible)
        .map(|w| {
            let deload = if w.deload { " deload" } else { "" };
            let text = format!(
                "{}  {}  e1RM {:.1}  {}x{deload}",
                w.monday.format("%-d %b %y"),
                w.top.entry.summary_in(screen.app.settings.entry.effort),
                w.best_e1rm,
                w.working_sets
            );
            Line::styled(truncate(&text, width), t.style(if w.deload { Meaning::Muted } else { Meaning::Text }))
        })
        .collect();
    Paragraph::new(lines).render(sets_area, buf);
}

/// Every set, newest first, record sets starred and ramp-ups dimmed.
fn sets_list(screen: &View<'_>, view: &DetailView, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let detail = &view.detail;
    let (sets_area, first, visible) = list_pane(screen, view, area, buf);
    let width = sets_area.width as usize;
    // A drop set reads under its working set, indented, not as a set of its own.
    let ordered = crate::training::techniques::under_their_sets_newest_first(&detail.sets);
    let rows: Vec<Line<'static>> = ordered
        .into_iter()
        .skip(first)
        .take(visible)
        .map(|set| {
            if set.entry.technique.is_some() {
                let under = crate::training::techniques::under_text(&set.entry, screen.app.settings.entry.effort);
                return Line::styled(truncate(&format!("{:14}{under}", ""), width), t.style(Meaning::Muted));
            }
            let date = screen.app_local(set.session_started_at).format("%a %-d %b %y");
            let star = if detail.records.holds(set) { " ★" } else { "" };
            let kind = if set.entry.kind == SetKind::RampUp { " ramp-up" } else { "" };
            let summary = set.entry.summary_in(screen.app.settings.entry.effort);
            // A set done in a superset says so, `· A` where `· superset A` does not fit.
            let mut text = format!("{date}  {summary}{kind}{star}");
            if let Some(g) = &set.entry.superset {
                let long = format!("{date}  {summary}{kind} · superset {g}{star}");
                text =
                    if long.chars().count() <= width { long } else { format!("{date}  {summary}{kind} · {g}{star}") };
            }
            // The note left on it follows, cut short where the row ends.
            if let Some(note) = crate::training::checklist::note_line(&set.entry) {
                text = format!("{text} · {note}");
            }
            let text = truncate(&text, width);
            let meaning = if set.entry.kind == SetKind::RampUp { Meaning::Muted } else { Meaning::Text };
            Line::styled(text, t.style(meaning))
        })
        .collect();
    Paragraph::new(rows).render(sets_area, buf);
}

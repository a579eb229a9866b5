//! The exercise detail: the e1RM trend as a line chart, the records, and every set, paged.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget};

use super::{View, truncate};
use crate::history::ExerciseDetail;
use crate::model::session::SetKind;
use crate::training::records::WeekPoint;
use crate::tui::screens::Pane;
use crate::tui::screens::detail::{DetailView, TrendRange};
use crate::tui::theme::Meaning;

mod timed;

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
    let shown = chart(screen, view, top, buf);
    let [left, right] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(bottom);
    records(screen, &view.detail, shown.last().copied(), left, buf);
    if view.weeks {
        weeks_list(screen, view, right, buf);
    } else {
        sets_list(screen, view, right, buf);
    }
}

/// The trend pane: the chart of the weeks in the range, or why there is none. Returns the
/// weeks shown.
fn chart<'a>(screen: &View<'_>, view: &'a DetailView, area: Rect, buf: &mut Buffer) -> Vec<&'a WeekPoint> {
    let t = screen.theme;
    let detail = &view.detail;
    let title = format!("{}: best e1RM per week, {}", detail.exercise, view.range.label());
    let chart_area = screen.pane(&title, screen.focused(Pane::Detail), area, buf);
    // The range counts calendar weeks back from this one, so a layoff shows as a gap.
    let this_monday = screen.app.today.as_ref().map(|t| crate::training::compare::week_bounds(t.date).0);
    let shown: Vec<&WeekPoint> = match (view.range.weeks(), this_monday) {
        (Some(n), Some(monday)) => {
            let from = monday - chrono::Days::new(7 * (n as u64 - 1));
            detail.weeks.iter().filter(|w| w.monday >= from).collect()
        }
        _ => detail.weeks.iter().collect(),
    };
    if shown.is_empty() {
        let text = match detail.weeks.last() {
            // Trained, but not lately (an imported history, a long break).
            Some(last) => format!(
                "No working sets in the last {}: the last were in the week of {}. {} shows a year or all time.",
                if view.range == TrendRange::Year { "year" } else { "12 weeks" },
                last.monday.format("%-d %b %Y"),
                screen.app.keymap.key_label(crate::keymap::Action::CycleRange)
            ),
            None => "Not trained yet: the trend starts with the first working set.".into(),
        };
        Paragraph::new(Line::styled(text, t.style(Meaning::Muted)))
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(chart_area, buf);
    } else {
        trend(screen, &shown, detail.unit.label(), chart_area, buf);
    }
    shown
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

fn trend(screen: &View<'_>, weeks: &[&WeekPoint], unit: &str, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    // x is weeks since the first point shown: gaps in training stay gaps on the chart.
    let start = weeks.first().map(|w| w.monday);
    let x = |w: &WeekPoint| start.map_or(0.0, |s| (w.monday - s).num_weeks() as f64);
    let points: Vec<(f64, f64)> = weeks.iter().map(|w| (x(w), w.best_e1rm)).collect();
    let deloads: Vec<(f64, f64)> = weeks.iter().filter(|w| w.deload).map(|w| (x(w), w.best_e1rm)).collect();
    let low = weeks.iter().map(|w| w.best_e1rm).fold(f64::INFINITY, f64::min);
    let high = weeks.iter().map(|w| w.best_e1rm).fold(f64::NEG_INFINITY, f64::max);
    let pad = ((high - low) * 0.1).max(1.0);
    let (y0, y1) = ((low - pad).max(0.0), high + pad);
    let x1 = weeks.last().map_or(1.0, |w| x(w)).max(1.0);
    let first = weeks.first().map(|w| w.monday.format("%-d %b %y").to_string()).unwrap_or_default();
    let last = weeks.last().map(|w| w.monday.format("%-d %b %y").to_string()).unwrap_or_default();
    let mut datasets = vec![
        Dataset::default()
            .name(format!("e1RM ({unit})"))
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(t.style(Meaning::HardSet))
            .data(&points),
    ];
    if !deloads.is_empty() {
        datasets.push(
            Dataset::default()
                .name("deload")
                .marker(Marker::Dot)
                .graph_type(GraphType::Scatter)
                .style(t.style(Meaning::Muted))
                .data(&deloads),
        );
    }
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([0.0, x1])
                .labels([Span::raw(first), Span::raw(last)])
                .style(t.style(Meaning::Muted)),
        )
        .y_axis(
            Axis::default()
                .bounds([y0, y1])
                .labels([Span::raw(format!("{y0:.0}")), Span::raw(format!("{y1:.0}"))])
                .style(t.style(Meaning::Muted)),
        );
    chart.render(area, buf);
}

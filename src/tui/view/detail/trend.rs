//! The exercise detail's chart: one weekly figure (the best e1RM, the top weight or the
//! effective sets) over the weeks in the range, each axis saying what it measures, deload weeks
//! marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget};

use super::super::View;
use crate::history::ExerciseDetail;
use crate::keymap::Action;
use crate::model::session::Basis;
use crate::training::records::WeekPoint;
use crate::tui::screens::Pane;
use crate::tui::screens::detail::{DetailView, TrendChart, TrendRange};
use crate::tui::theme::Meaning;

/// What one chart shows: its title's words, its value axis, and each week's value.
struct Figure {
    /// "best e1RM per week".
    what: &'static str,
    /// The value axis: "e1RM kg", "sets".
    axis: String,
    /// Each week's value.
    value: fn(&WeekPoint) -> f64,
    /// Bars from zero (a count) rather than a line.
    bars: bool,
}

/// The figure `chart` shows for these weeks. On body weight, the e1RM counts the body and the
/// top weight is what was added to it (a belt; an assistance below 0).
fn figure(chart: TrendChart, weeks: &[&WeekPoint], unit: &str) -> Figure {
    let on_body = weeks.iter().any(|w| w.top.entry.basis != Basis::Load);
    match chart {
        TrendChart::E1rm => Figure {
            what: if on_body { "best e1RM per week (body weight included)" } else { "best e1RM per week" },
            axis: format!("e1RM {unit}"),
            value: |w| w.best_e1rm,
            bars: false,
        },
        TrendChart::TopWeight if on_body => Figure {
            what: "load added to body weight per week",
            axis: format!("{unit} added"),
            value: WeekPoint::top_weight,
            bars: false,
        },
        TrendChart::TopWeight => Figure {
            what: "top weight per week",
            axis: format!("top {unit}"),
            value: WeekPoint::top_weight,
            bars: false,
        },
        TrendChart::EffectiveSets => Figure {
            what: "effective sets per week",
            axis: "sets".into(),
            value: |w| w.effective_sets as f64,
            bars: true,
        },
    }
}

/// The weeks of the range: calendar weeks back from this one, so a layoff shows as a gap.
pub(super) fn shown<'a>(screen: &View<'_>, view: &'a DetailView) -> Vec<&'a WeekPoint> {
    let this_monday = screen.app.today.as_ref().map(|t| crate::training::compare::week_bounds(t.date).0);
    match (view.range.weeks(), this_monday) {
        (Some(n), Some(monday)) => {
            let from = monday - chrono::Days::new(7 * (n as u64 - 1));
            view.detail.weeks.iter().filter(|w| w.monday >= from).collect()
        }
        _ => view.detail.weeks.iter().collect(),
    }
}

/// The trend pane: the chart of the weeks in the range, or why there is none.
pub(super) fn render(screen: &View<'_>, view: &DetailView, shown: &[&WeekPoint], area: Rect, buf: &mut Buffer) {
    let detail = &view.detail;
    let unit = detail.unit.label();
    let figure = figure(view.chart, shown, unit);
    let title = format!("{}: {}, {}", detail.exercise, figure.what, view.range.label());
    let chart_area = screen.pane(&title, screen.focused(Pane::Detail), area, buf);
    let mut empty = |text: String| {
        Paragraph::new(Line::styled(text, screen.theme.style(Meaning::Muted)))
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(chart_area, buf);
    };
    let range_key = screen.app.keymap.key_label(Action::CycleRange);
    if shown.is_empty() {
        empty(why_empty(detail, view.range, &range_key));
    } else if view.chart == TrendChart::TopWeight && shown.iter().all(|w| w.top_weight() == 0.0) {
        empty(format!(
            "Body weight alone every week: no load was added to chart. The e1RM chart counts the body weight ({} turns the chart).",
            screen.app.keymap.key_label(Action::CycleChart)
        ));
    } else {
        chart(screen, &figure, shown, chart_area, buf);
    }
}

/// Why a range has no week to chart, and what `r` shows next.
fn why_empty(detail: &ExerciseDetail, range: TrendRange, range_key: &str) -> String {
    match detail.weeks.last() {
        // Trained, but not lately (an imported history, a long break).
        Some(last) => format!(
            "No working sets in the last {}: the last were in the week of {}. {range_key} shows {}.",
            if range == TrendRange::Year { "year" } else { "12 weeks" },
            last.monday.format("%-d %b %Y"),
            range.next().label()
        ),
        None => "Not trained yet: the trend starts with the first working set.".into(),
    }
}

fn chart(screen: &View<'_>, figure: &Figure, weeks: &[&WeekPoint], area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    // x is weeks since the first point shown: gaps in training stay gaps on the chart.
    let start = weeks.first().map(|w| w.monday);
    let x = |w: &WeekPoint| start.map_or(0.0, |s| (w.monday - s).num_weeks() as f64);
    let value = figure.value;
    let points: Vec<(f64, f64)> = weeks.iter().map(|w| (x(w), value(w))).collect();
    let deloads: Vec<(f64, f64)> = weeks.iter().filter(|w| w.deload).map(|w| (x(w), value(w))).collect();
    let low = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let high = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let (y0, y1) = if figure.bars {
        (0.0, high.max(1.0))
    } else {
        let pad = ((high - low) * 0.1).max(1.0);
        // A load never goes below 0 unless it is an assistance.
        (if low >= 0.0 { (low - pad).max(0.0) } else { low - pad }, high + pad)
    };
    let x1 = weeks.last().map_or(1.0, |w| x(w)).max(1.0);
    let date = |w: Option<&&WeekPoint>| w.map(|w| w.monday.format("%-d %b %y").to_string()).unwrap_or_default();
    let (graph, marker) =
        if figure.bars { (GraphType::Bar, Marker::HalfBlock) } else { (GraphType::Line, Marker::Braille) };
    let mut datasets =
        vec![Dataset::default().marker(marker).graph_type(graph).style(t.style(Meaning::HardSet)).data(&points)];
    if !deloads.is_empty() {
        datasets.push(
            Dataset::default()
                .marker(Marker::Dot)
                .graph_type(GraphType::Scatter)
                .style(t.style(Meaning::Muted))
                .data(&deloads),
        );
    }
    let number = |v: f64| format!("{v:.0}");
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .title(if deloads.is_empty() { "week of" } else { "• deload  week of" })
                .bounds([0.0, x1])
                .labels([Span::raw(date(weeks.first())), Span::raw(date(weeks.last()))])
                .style(t.style(Meaning::Muted)),
        )
        .y_axis(
            Axis::default()
                .title(figure.axis.clone())
                .bounds([y0, y1])
                .labels([Span::raw(number(y0)), Span::raw(number(y1))])
                .style(t.style(Meaning::Muted)),
        );
    chart.render(area, buf);
}

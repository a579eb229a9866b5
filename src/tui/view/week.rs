//! The Week pane: effective sets per muscle against the weekly band.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{View, truncate};
use crate::training::volume::{Band, band};
use crate::tui::screens::Pane;
use crate::tui::theme::Meaning;
use crate::week::{CheckIns, WeekReport, band_name};

/// A bar of `width` cells for `value` on a scale to `top`, with the band's edges marked.
fn band_bar(value: f64, (low, high): (u8, u8), top: f64, width: usize) -> String {
    let cell = |v: f64| ((v / top) * width as f64).round() as usize;
    let filled = cell(value).min(width);
    let (low_at, high_at) = (cell(f64::from(low)), cell(f64::from(high)));
    (0..width)
        .map(|i| {
            if i < filled {
                '█'
            } else if i + 1 == low_at.max(1) || i + 1 == high_at.max(1) {
                '|'
            } else {
                '·'
            }
        })
        .collect()
}

/// One bar of a sparkline: `value` on a scale to `top`, in eighths.
fn spark(value: f64, top: f64) -> char {
    const BARS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    if value <= 0.0 {
        return '·';
    }
    let eighths = ((value / top.max(f64::EPSILON)) * 8.0).ceil().clamp(1.0, 8.0) as usize;
    BARS[eighths]
}

/// A line cut to `width` columns (spans kept as far as they fit).
fn clip(line: Line<'static>, width: usize) -> Line<'static> {
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let w = unicode_width::UnicodeWidthStr::width(span.content.as_ref());
        if used + w <= width {
            used += w;
            spans.push(span);
        } else {
            let room = width.saturating_sub(used);
            if room > 0 {
                spans.push(Span::styled(truncate(&span.content, room), span.style));
            }
            break;
        }
    }
    Line::from(spans)
}

pub(super) fn render(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let Some(week) = &screen.app.week.report else {
        let inner = screen.pane("Week", screen.focused(Pane::Week), area, buf);
        Paragraph::new("Loading…").render(inner, buf);
        return;
    };
    let sunday = week.monday + chrono::Days::new(6);
    let title = format!("Week {} · {} to {}", week.week, week.monday.format("%a %-d %b"), sunday.format("%a %-d %b"));
    let inner = screen.pane(&title, screen.focused(Pane::Week), area, buf);
    let width = inner.width as usize;
    let [low, high] = week.target;
    let mut lines = vec![Line::styled(
        truncate(
            &format!(
                "Effective sets: working sets at RIR ≤{}; target {low}-{high} a week, 2-3 sessions.",
                screen.app.settings.volume.effective_rir
            ),
            width,
        ),
        t.style(Meaning::Muted),
    )];
    lines.push(Line::raw(""));
    if week.muscles.is_empty() {
        lines.push(Line::styled("No effective sets this week yet.", t.style(Meaning::Muted)));
    }
    lines.extend(muscle_lines(screen, week, width));
    // Recovery as of today, under the counts (the deload line only on this week).
    lines.extend(recovery_lines(screen, week, width));
    if let Some(body) = &week.body_weight {
        lines.push(Line::styled(truncate(body, width), t.style(Meaning::Muted)));
    }
    // Check-ins last: the recovery lines above matter more when space runs out.
    lines.extend(check_in_lines(screen, &week.checkins, width));
    // Scrolled as far as asked, but never past the last line.
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    let skip = (screen.app.week.scroll as usize).min(max_scroll);
    Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(inner, buf);
}

/// The muscles' table: a header, then a row per muscle with its bar against the band and its
/// last 8 weeks.
fn muscle_lines(screen: &View<'_>, week: &WeekReport, width: usize) -> Vec<Line<'static>> {
    let t = screen.theme;
    let [low, high] = week.target;
    let name_width = 12;
    let bar_width = width.saturating_sub(name_width + 6 + 9 + 12 + 10).clamp(4, 30);
    let top = week.muscles.iter().map(|m| m.effective_sets).fold(f64::from(high) + 2.0, f64::max);
    let mut lines = vec![Line::styled(
        truncate(
            &format!(
                "{:<name_width$} {:>5}  {}  {:<7} sessions  8 weeks",
                "muscle",
                "sets",
                bar_axis(top, (low, high), bar_width),
                "status"
            ),
            width,
        ),
        t.style(Meaning::Muted),
    )];
    for muscle in &week.muscles {
        let meaning = match muscle.status {
            Band::Within => Meaning::Good,
            Band::Above => Meaning::Warn,
            Band::Below => Meaning::Text,
        };
        let bar = band_bar(muscle.effective_sets, (low, high), top, bar_width);
        let unverified = if muscle.unverified_sets > 0.0 {
            format!("  {} unverified", muscle.unverified_sets)
        } else {
            String::new()
        };
        let row = format!(
            "{:<name_width$} {:>5}  {bar}  {:<7} {:>3}      ",
            muscle.muscle,
            muscle.effective_sets,
            band_name(muscle.status),
            muscle.sessions
        );
        // The last 8 weeks as small bars, each coloured by where it stood against the band.
        let mut spans = vec![Span::styled(row, t.style(meaning))];
        for &sets in &muscle.last_8_weeks {
            let cell = spark(sets, top);
            let meaning = match band(sets, (low, high)) {
                Band::Within => Meaning::Good,
                Band::Above => Meaning::Warn,
                Band::Below => Meaning::Muted,
            };
            spans.push(Span::styled(cell.to_string(), t.style(meaning)));
        }
        spans.push(Span::styled(unverified, t.style(Meaning::Muted)));
        lines.push(clip(Line::from(spans), width));
    }
    if !week.muscles.is_empty() {
        // The small bars' axis: which weeks, oldest first, and their scale.
        let first = week.monday - chrono::Days::new(7 * 7);
        let text = format!(
            "8 weeks: the weeks of {} to {}, oldest first, each bar up to {top:.0} sets.",
            first.format("%-d %b"),
            week.monday.format("%-d %b")
        );
        lines.push(Line::styled(truncate(&text, width), t.style(Meaning::Muted)));
    }
    lines
}

/// The bars' header: their scale in effective sets, from 0 at the left to `top` at the right,
/// and what the `|` marks are (the weekly band's edges), in `width` columns.
fn bar_axis(top: f64, (low, high): (u8, u8), width: usize) -> String {
    let right = format!("{top:.0}");
    for middle in [format!("effective sets, | at {low} and {high}"), format!("| at {low}, {high}"), String::new()] {
        let room = width.saturating_sub(1 + right.len());
        if middle.len() + 2 <= room || middle.is_empty() {
            return format!("0{middle:^room$}{right}");
        }
    }
    String::new()
}

/// Recovery as of today: the deload (on this week only), the warnings, the RIR calibration
/// and the plan's age.
fn recovery_lines(screen: &View<'_>, week: &WeekReport, width: usize) -> Vec<Line<'static>> {
    let t = screen.theme;
    let mut lines = Vec::new();
    let Some(today) = &screen.app.today else {
        return lines;
    };
    lines.push(Line::raw(""));
    let this_week = crate::training::compare::week_bounds(today.date).0 == week.monday;
    if let Some(deload) = today.deload.as_ref().filter(|_| this_week) {
        let style = match deload.style {
            crate::model::session::DeloadStyle::Volume => "fewer sets",
            crate::model::session::DeloadStyle::Load => "less load",
        };
        lines
            .push(Line::styled(truncate(&format!("This is a deload week ({style})."), width), t.style(Meaning::Title)));
    }
    for warning in &today.warnings {
        lines.push(Line::styled(truncate(&warning.text, width), t.style(Meaning::Warn)));
    }
    if let Some(calibration) = &today.signs.calibration {
        lines.push(Line::styled(truncate(&calibration.describe(), width), t.style(Meaning::Text)));
    }
    if let Some(age) = &today.plan_age {
        let text = format!("Plan '{}', {}.", screen.app.plan.name, age.describe());
        lines.push(Line::styled(truncate(&text, width), t.style(Meaning::Muted)));
    }
    lines
}

/// The check-ins of the last 8 weeks as sparklines, one per question, with their averages.
fn check_in_lines(screen: &View<'_>, c: &CheckIns, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if c.dates.is_empty() {
        return lines;
    }
    lines.push(Line::raw(""));
    let mean = |v: &[u8]| v.iter().map(|&x| f64::from(x)).sum::<f64>() / v.len().max(1) as f64;
    let recent: usize = width.saturating_sub(26).min(40);
    let row = |name: &str, v: &[u8]| {
        let skip = v.len().saturating_sub(recent);
        let line: String = v.iter().skip(skip).map(|&x| spark(f64::from(x), 5.0)).collect();
        truncate(&format!("{name:<11}{line:<recent$} avg {:.1}/5", mean(v)), width)
    };
    lines.push(Line::styled(
        truncate(&format!("Check-ins, last 8 weeks ({}):", c.dates.len()), width),
        screen.theme.style(Meaning::Muted),
    ));
    for (name, values) in
        [("sleep", &c.sleep), ("energy", &c.energy), ("joints", &c.joints), ("motivation", &c.motivation)]
    {
        lines.push(Line::raw(row(name, values)));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::band_bar;

    #[test]
    fn sparks_scale_to_the_top() {
        assert_eq!(super::spark(0.0, 10.0), '·');
        assert_eq!(super::spark(10.0, 10.0), '█');
        assert_eq!(super::spark(0.5, 10.0), '▁');
        assert_eq!(super::spark(5.0, 10.0), '▄');
    }

    #[test]
    fn the_bar_marks_the_band_edges() {
        assert_eq!(band_bar(3.0, (6, 10), 12.0, 12), "███··|···|··");
        assert_eq!(band_bar(12.0, (6, 10), 12.0, 12), "████████████");
    }
}

//! The Week pane: effective sets per muscle against the weekly band.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{View, truncate};
use crate::tui::app::Pane;
use crate::tui::theme::Meaning;

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

pub(super) fn render(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let Some(week) = &screen.app.week else {
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
                "Working sets at RIR {} or less; target {low}-{high} a week, over 2-3 sessions.",
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
    let name_width = 12;
    let bar_width = width.saturating_sub(name_width + 6 + 9 + 12).clamp(4, 30);
    let top = week.muscles.iter().map(|m| m.effective_sets).fold(f64::from(high) + 2.0, f64::max);
    lines.push(Line::styled(
        truncate(
            &format!("{:<name_width$} {:>5}  {:<bar_width$}  {:<7} sessions", "muscle", "sets", "", "status"),
            width,
        ),
        t.style(Meaning::Muted),
    ));
    for muscle in &week.muscles {
        let meaning = match muscle.status {
            "within" => Meaning::Good,
            "above" => Meaning::Warn,
            _ => Meaning::Text,
        };
        let bar = band_bar(muscle.effective_sets, (low, high), top, bar_width);
        let unverified = if muscle.unverified_sets > 0.0 {
            format!("  {} unverified", muscle.unverified_sets)
        } else {
            String::new()
        };
        let row = format!(
            "{:<name_width$} {:>5}  {bar}  {:<7} {:>3}{unverified}",
            muscle.muscle, muscle.effective_sets, muscle.status, muscle.sessions
        );
        lines.push(Line::from(vec![Span::styled(truncate(&row, width), t.style(meaning))]));
    }
    // Recovery as of today, under the counts (the deload line only on this week).
    if let Some(today) = &screen.app.today {
        lines.push(Line::raw(""));
        let this_week = crate::training::compare::week_bounds(today.date).0 == week.monday;
        if let Some(deload) = today.deload.as_ref().filter(|_| this_week) {
            let style = match deload.style {
                crate::model::session::DeloadStyle::Volume => "fewer sets",
                crate::model::session::DeloadStyle::Load => "less load",
            };
            lines.push(Line::styled(
                truncate(&format!("This is a deload week ({style})."), width),
                t.style(Meaning::Title),
            ));
        }
        for warning in &today.warnings {
            lines.push(Line::styled(truncate(warning, width), t.style(Meaning::Warn)));
        }
        if let Some(calibration) = &today.signs.calibration {
            lines.push(Line::styled(truncate(&calibration.describe(), width), t.style(Meaning::Text)));
        }
        if let Some(age) = &today.plan_age {
            let text = format!("Plan '{}', {}.", screen.app.plan.name, age.describe());
            lines.push(Line::styled(truncate(&text, width), t.style(Meaning::Muted)));
        }
    }
    Paragraph::new(lines).render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::band_bar;

    #[test]
    fn the_bar_marks_the_band_edges() {
        assert_eq!(band_bar(3.0, (6, 10), 12.0, 12), "███··|···|··");
        assert_eq!(band_bar(12.0, (6, 10), 12.0, 12), "████████████");
    }
}

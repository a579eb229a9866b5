//! The rest timer: a large countdown and a gauge, flashing when the rest is over.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Paragraph, Widget};

use super::{View, bigdigits, clock_text};
use crate::tui::app::FLASH_SECONDS;
use crate::tui::theme::Meaning;

pub(super) fn render(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let inner = screen.pane("Rest", false, area, buf);
    let Some((until, seconds)) = screen.app.rest() else {
        // A drop set being typed goes on with no rest; a round's rest is the next set's story.
        // (An edit of a drop set done is saved in place and starts no rest.)
        let form = &screen.app.today_screen.form;
        let technique = screen.app.pane == crate::tui::screens::Pane::Form
            && form.technique.is_some()
            && form.target.as_ref().is_some_and(|t| t.editing.is_none());
        let round = screen.app.today.as_ref().and_then(crate::today::group::rest_to_come).filter(|_| !technique);
        let text = round.unwrap_or_else(|| {
            if technique {
                "No rest before it: the rest starts when it is saved."
            } else {
                "Starts by itself when a set is saved."
            }
            .into()
        });
        Paragraph::new(Line::styled(text, t.style(Meaning::Muted)))
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(inner, buf);
        return;
    };
    let left = (until - screen.now).num_seconds();
    let total = i64::from(seconds.max(1));
    if left <= 0 {
        let since = -left;
        // Flash for a few seconds at zero: invert on even seconds.
        let flashing = since < FLASH_SECONDS && since % 2 == 0;
        let style = if flashing { t.style(Meaning::RestDone) } else { t.style(Meaning::Good) };
        // No count-up: the loop sleeps once the flash ends, so a running figure would go stale.
        let ended = screen.app_local(until).format("%H:%M");
        let text = format!("Rest over at {ended}: go!");
        if flashing {
            buf.set_style(inner, style);
        }
        Paragraph::new(Line::styled(text, style)).centered().render(inner, buf);
        return;
    }
    let text = clock_text(left);
    let [digits_area, gauge_area] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    if digits_area.height >= 5 && digits_area.width as usize >= bigdigits::width(&text) {
        let rows = bigdigits::render(&text);
        let top = digits_area.y + (digits_area.height - 5) / 2;
        let digits = Rect { y: top, height: 5, ..digits_area };
        let lines: Vec<Line<'static>> =
            rows.into_iter().map(|r| Line::styled(r, t.style(Meaning::RestActive))).collect();
        Paragraph::new(lines).centered().render(digits, buf);
    } else {
        Paragraph::new(Line::styled(format!("rest {text}"), t.style(Meaning::RestActive)))
            .centered()
            .render(digits_area, buf);
    }
    let ratio = (left as f64 / total as f64).clamp(0.0, 1.0);
    Gauge::default()
        .ratio(ratio)
        .label(format!("{text} of {}", clock_text(total)))
        .gauge_style(t.style(Meaning::RestActive))
        .render(gauge_area, buf);
}

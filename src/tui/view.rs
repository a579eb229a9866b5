//! Rendering: a pure function of the app state and the time. Never touches the database.

mod bigdigits;
mod detail;
mod entry;
mod history;
mod popup;
mod rest;
mod status;
mod today;
mod week;

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::app::{App, MIN_HEIGHT, MIN_WIDTH};
use super::screens::{Pane, Screen};
use super::theme::{Meaning, Theme};
use crate::keymap::Context;

/// The whole screen.
pub struct View<'a> {
    /// State.
    pub app: &'a App,
    /// The time the frame shows.
    pub now: DateTime<Utc>,
    /// Styles.
    pub theme: Theme,
    /// Local offset for dates and clocks.
    pub offset: chrono::FixedOffset,
}

impl Widget for View<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            self.too_small(area, buf);
            return;
        }
        let [header, body, status, keys] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0), Constraint::Length(1), Constraint::Length(1)])
                .areas(area);
        self.header(header, buf);
        match self.app.screen {
            Screen::Today => today::render(&self, body, buf),
            Screen::History => history::render(&self, body, buf),
            Screen::Week => week::render(&self, body, buf),
            Screen::Exercise => detail::render(&self, body, buf),
        }
        self.status(status, buf);
        self.footer(keys, buf);
        popup::render(&self, area, buf);
    }
}

impl View<'_> {
    /// "Terminal too small", wrapped so the size needed is readable at any width: the longest
    /// wording that fits whole, down to the size alone. With unsaved text, the quit question.
    fn too_small(&self, area: Rect, buf: &mut Buffer) {
        let quit = self.app.keymap.key_label(crate::keymap::Action::Quit);
        let needs = format!("{MIN_WIDTH}x{MIN_HEIGHT}");
        let wordings = if self.app.asking_to_quit() {
            vec![
                "The form holds a set that is not saved. Quit anyway? y quits, n keeps it.".to_string(),
                "Unsaved set: y quits, n keeps it.".to_string(),
                "y quits, n keeps it".to_string(),
            ]
        } else {
            vec![
                format!(
                    "Terminal too small: {}x{}. hardset needs {needs}: make it bigger, or {quit} quits.",
                    area.width, area.height
                ),
                format!("Too small: {}x{}, needs {needs}. {quit} quits.", area.width, area.height),
                format!("Too small: needs {needs}"),
                format!("needs {needs}"),
                needs,
            ]
        };
        let width = area.width as usize;
        let fits = |text: &str| {
            text.split(' ').all(|word| word.width() <= width) && wrap(text, width, "").len() <= area.height as usize
        };
        let Some(text) = wordings.iter().find(|t| fits(t)).or(wordings.last()) else { return };
        let lines: Vec<Line<'static>> = wrap(text, width, "").into_iter().map(Line::raw).collect();
        let rows = (lines.len() as u16).min(area.height);
        let y = area.y + (area.height - rows) / 2;
        let text_area = Rect { x: area.x, y, width: area.width, height: rows };
        Paragraph::new(lines).centered().style(self.theme.style(Meaning::Warn)).render(text_area, buf);
    }

    /// A bordered pane block, its border showing focus.
    pub(crate) fn block(&self, title: &str, focused: bool) -> Block<'static> {
        let border = if focused { Meaning::FocusBorder } else { Meaning::Border };
        Block::bordered()
            .border_style(self.theme.style(border))
            .title(Span::styled(format!(" {title} "), self.theme.style(Meaning::Title)))
    }

    /// Draws a pane's bordered block and returns the area inside it.
    pub(crate) fn pane(&self, title: &str, focused: bool, area: Rect, buf: &mut Buffer) -> Rect {
        let block = self.block(title, focused);
        let inner = block.inner(area);
        block.render(area, buf);
        inner
    }

    /// Whether a pane has focus (and no popup covers it).
    pub(crate) fn focused(&self, pane: Pane) -> bool {
        self.app.pane == pane && self.app.popup.is_none()
    }

    fn header(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let mut right = Vec::new();
        if let Some(today) = &self.app.today {
            let (done, total) = today.progress();
            if total > 0 {
                right.push(Span::styled(format!("{done}/{total} sets "), t.style(Meaning::Text)));
            }
        }
        if let Some((until, _)) = self.app.rest() {
            let left_s = (until - self.now).num_seconds();
            if left_s > 0 {
                right.push(Span::styled(format!("· rest {} ", clock_text(left_s)), t.style(Meaning::RestActive)));
            }
        }
        let right = Line::from(right);
        let width = (right.width() as u16).min(area.width);
        // The day's name gives way to the sets done and the rest: it is cut short, with a gap.
        let room = usize::from(area.width - width).saturating_sub(1);
        Paragraph::new(self.header_left(room)).render(area, buf);
        Paragraph::new(right).render(Rect { x: area.right() - width, width, ..area }, buf);
    }

    /// " hardset · Day 1 (training) · Sun 6 Dec" in `room` columns: the date and the day's kind
    /// go first, then the day's name is cut short.
    fn header_left(&self, room: usize) -> Line<'static> {
        let t = self.theme;
        let mut left = vec![Span::styled(truncate(" hardset ", room), t.style(Meaning::Title))];
        let Some(today) = &self.app.today else {
            return Line::from(left);
        };
        let name = format!("· {} ", today.day.name);
        let about = format!("({}) · {} ", today.day.kind.label(), today.date.format("%a %-d %b"));
        let room = room.saturating_sub(" hardset ".width());
        if name.width() + about.width() <= room {
            left.push(Span::styled(name, t.style(Meaning::Text)));
            left.push(Span::styled(about, t.style(Meaning::Muted)));
        } else if room > 2 {
            left.push(Span::styled(truncate(name.trim_end(), room), t.style(Meaning::Text)));
        }
        Line::from(left)
    }

    fn status(&self, area: Rect, buf: &mut Buffer) {
        // While a save waits for the log, the status line keeps saying so; only a failure (such
        // as another save refused meanwhile) is shown over it.
        let waiting = self.app.waiting_status().map(|text| (Meaning::Warn, text));
        let shown = match (&self.app.message, waiting) {
            (Some((Meaning::Error, text)), _) => Some((Meaning::Error, text.clone())),
            (_, Some(waiting)) => Some(waiting),
            (message, None) => message.clone(),
        };
        if let Some((meaning, text)) = shown {
            let text = status::fit(&text, usize::from(area.width.saturating_sub(1)));
            Paragraph::new(Span::styled(format!(" {text}"), self.theme.style(meaning))).render(area, buf);
        }
    }

    fn footer(&self, area: Rect, buf: &mut Buffer) {
        // While a rest runs its keys come first: between sets they are what a lifter reaches for.
        let mut contexts: Vec<Context> = self.app.contexts().into_iter().filter(|&c| c != Context::Rest).collect();
        if self.app.resting(self.now) && self.app.popup.is_none() {
            contexts.insert(0, Context::Rest);
        }
        let hints = self.app.keymap.footer(&contexts);
        let line = fit_hints(&hints, area.width as usize, self.theme);
        Paragraph::new(line).render(area, buf);
    }
}

/// Lays hints out in the width, dropping from the end of the list (the least important) but
/// always keeping help and quit, so a lifter can find the rest.
fn fit_hints(hints: &[(&str, &str)], width: usize, theme: Theme) -> Line<'static> {
    let mut kept: Vec<(&str, &str)> = hints.to_vec();
    let cost = |h: &[(&str, &str)]| h.iter().map(|(k, w)| k.width() + w.width() + 4).sum::<usize>() + 1;
    while cost(&kept) > width && kept.len() > 1 {
        // Kept by their words, not their keys: the lifter may have moved the keys.
        let drop = kept.iter().rposition(|(_, w)| !matches!(*w, "help" | "quit" | "close help")).unwrap_or(0);
        kept.remove(drop);
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, (keys, words)) in kept.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.style(Meaning::Muted)));
        }
        spans.push(Span::styled((*keys).to_string(), theme.style(Meaning::Key)));
        spans.push(Span::styled(format!(" {words}"), theme.style(Meaning::Muted)));
    }
    Line::from(spans)
}

/// `m:ss` for a count of seconds (negative shows as 0:00).
pub fn clock_text(seconds: i64) -> String {
    let s = seconds.max(0);
    format!("{}:{:02}", s / 60, s % 60)
}

/// Truncates text to a display width, marking the cut with `…`.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Truncates text to a display width from the start, keeping its end: `…ders rolled`.
pub fn truncate_start(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    if width == 0 {
        return String::new();
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// Splits text into lines of at most `width` columns at spaces; follow-on lines get `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if candidate.width() > width && !line.trim().is_empty() {
            lines.push(line);
            line = format!("{indent}{word}");
        } else {
            line = candidate;
        }
    }
    lines.push(line);
    lines.into_iter().map(|l| truncate(&l, width)).collect()
}

//! The summary shown when a session is finished: sets against the plan, records, each trained
//! muscle's week so far against the band, and what comes next. Wrapped to the box, scrolled
//! when it is longer than the screen.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::super::View;
use super::centered;
use crate::model::text::escape;
use crate::summary::{Finished, NextDays};
use crate::training::volume::Band;
use crate::tui::theme::Meaning;

/// Draws the summary, scrolled down by `scroll` lines (at most to its last page).
pub(super) fn render(screen: &View<'_>, summary: &Finished, scroll: u16, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(4).min(72);
    let inner_width = width.saturating_sub(2) as usize;
    let lines = lines(screen, summary, inner_width);
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = centered(area, width, height);
    Clear.render(rect, buf);
    let inner = screen.pane("Session finished", true, rect, buf);
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    let skip = (scroll as usize).min(max_scroll);
    Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(inner, buf);
}

/// The summary's lines, wrapped to `width` columns.
fn lines(screen: &View<'_>, summary: &Finished, width: usize) -> Vec<Line<'static>> {
    let t = screen.theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    // A line's own indent is kept, and its follow-on lines go in further.
    let mut say = |text: String, meaning: Meaning| {
        let body = text.trim_start_matches(' ');
        let indent = " ".repeat(text.len() - body.len());
        for line in super::super::wrap(body, width.saturating_sub(indent.len()), "    ") {
            out.push(Line::styled(format!("{indent}{line}"), t.style(meaning)));
        }
    };
    let clock = |at: DateTime<Utc>| at.with_timezone(&screen.offset).format("%H:%M").to_string();
    let minutes = (summary.ended_at - summary.started_at).num_minutes().max(0);
    say(
        format!(
            "{}: {}-{}, {minutes} min",
            escape(&summary.day_name),
            clock(summary.started_at),
            clock(summary.ended_at)
        ),
        Meaning::Title,
    );
    let (done, planned) = summary.working;
    say(format!("Working sets  {done} of {planned} planned"), Meaning::Text);
    let (done, planned) = summary.ramp_ups;
    if planned > 0 || done > 0 {
        say(format!("Ramp-ups      {done} of {planned}"), Meaning::Text);
    }
    if !summary.skipped.is_empty() {
        let names: Vec<String> = summary.skipped.iter().map(|n| escape(n).into_owned()).collect();
        say(format!("Skipped       {}", names.join(", ")), Meaning::Muted);
    }
    for (name, sets) in &summary.added {
        say(format!("Added         {} ({})", escape(name), working_sets(*sets)), Meaning::Text);
    }
    if summary.records.is_empty() {
        say("No records this time.".into(), Meaning::Muted);
    } else {
        say(if summary.records.len() == 1 { "New record".into() } else { "New records".into() }, Meaning::Good);
        for (name, what) in &summary.records {
            say(format!("  {}: {}", escape(name), escape(what)), Meaning::Good);
        }
    }
    week_lines(summary, &mut say);
    if let Some(next) = &summary.next {
        let today = screen.now.with_timezone(&screen.offset).date_naive();
        say(next_words(next, today), Meaning::Text);
    }
    out
}

/// Each trained muscle's week so far against the band; a deload week says so and leaves
/// "below" unsaid.
fn week_lines(summary: &Finished, say: &mut impl FnMut(String, Meaning)) {
    let (low, high) = summary.band;
    if summary.deload {
        say("Deload week: fewer sets are the point, so the band does not apply.".into(), Meaning::Muted);
    }
    if summary.muscles.is_empty() {
        say("No working sets: nothing counted towards the week.".into(), Meaning::Muted);
    } else {
        say(format!("This week so far, effective sets per muscle (band {low}-{high}):"), Meaning::Text);
    }
    for muscle in &summary.muscles {
        let (words, meaning) = match (muscle.band, summary.deload) {
            (Band::Below | Band::Within, true) => ("", Meaning::Text),
            (Band::Below, false) => ("below", Meaning::Warn),
            (Band::Within, false) => ("within", Meaning::Good),
            (Band::Above, _) => ("above", Meaning::Warn),
        };
        say(format!("  {:<14}{:>5}  {words}", muscle.muscle.name(), muscle.effective), meaning);
    }
    if !summary.uncounted.is_empty() {
        let names: Vec<String> = summary.uncounted.iter().map(|n| escape(n).into_owned()).collect();
        say(format!("Not counted (no muscles known): {}", names.join(", ")), Meaning::Muted);
    }
}

/// `Next: Day 2: active recovery, tomorrow (Mon 30 Nov); then training: Day 3, Tue 1 Dec`.
fn next_words(next: &NextDays, today: NaiveDate) -> String {
    let (name, _, date) = &next.next;
    let mut text = format!("Next: {}, {}", escape(name), when(*date, today));
    if let Some((name, date)) = &next.training {
        let _ = write!(text, "; then training: {}, {}", escape(name), when(*date, today));
    }
    text
}

/// `today`, `tomorrow (Mon 30 Nov)`, `Wed 2 Dec`.
fn when(date: NaiveDate, today: NaiveDate) -> String {
    let day = date.format("%a %-d %b");
    match (date - today).num_days() {
        0 => format!("today ({day})"),
        1 => format!("tomorrow ({day})"),
        _ => day.to_string(),
    }
}

/// `1 working set`, `2 working sets`.
fn working_sets(sets: usize) -> String {
    if sets == 1 { "1 working set".into() } else { format!("{sets} working sets") }
}

//! Last time beside each working set on the Today checklist: `prev 62.5 x 8 @ 1` and the note
//! left on that set, on the row when there is room (120 columns), else on a line under it.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr as _;

use crate::training::checklist::{ExerciseToday, Slot, note_line, prev_text};
use crate::tui::theme::Meaning;
use crate::tui::view::{View, truncate, wrap};

/// Where lines under a row start: under the set's numbers.
const INDENT: usize = 16;
/// Fewer columns than this left for a note, and it goes on a line of its own.
const NOTE_ROOM: usize = 12;

/// Adds last time's same set to `row` when it fits there, and returns the lines that go under
/// it. The note is cut short with `…`, except under the cursor, where it is shown whole.
pub(super) fn lines(
    screen: &View<'_>,
    exercise: &ExerciseToday,
    slot: &Slot,
    is_cursor: bool,
    row: &mut Line<'static>,
    width: usize,
) -> Vec<Line<'static>> {
    let Some(prev) = exercise.prev_for(slot) else { return Vec::new() };
    let muted = screen.theme.style(Meaning::Muted);
    // The unit of today's set: its target's, else the unit loads are suggested in.
    let unit = slot.weight.or(exercise.target.weight).map_or(screen.app.plan.unit, |w| w.unit);
    let text = format!("prev {}", prev_text(&prev.entry, screen.app.settings.entry.effort, Some(unit)));
    let mut below: Vec<String> = Vec::new();
    let used = if row.width() + 2 + text.width() <= width {
        row.push_span(Span::styled(format!("  {text}"), muted));
        row.width()
    } else {
        below.push(truncate(&format!("{:INDENT$}{text}", ""), width));
        below[0].width()
    };
    if let Some(note) = note_line(&prev.entry) {
        let room = width.saturating_sub(used + 3);
        let fits = note.width() <= room;
        let rest = if fits || (room >= NOTE_ROOM && !is_cursor) {
            Some(format!(" · {}", truncate(&note, room)))
        } else {
            None
        };
        match (rest, below.last_mut()) {
            (Some(rest), Some(line)) => line.push_str(&rest),
            (Some(rest), None) => row.push_span(Span::styled(rest, muted)),
            (None, _) if is_cursor => {
                below.extend(
                    wrap(&note, width.saturating_sub(INDENT), "").into_iter().map(|l| format!("{:INDENT$}{l}", "")),
                );
            }
            (None, _) => below.push(truncate(&format!("{:INDENT$}{note}", ""), width)),
        }
    }
    below.into_iter().map(|l| Line::styled(l, muted)).collect()
}

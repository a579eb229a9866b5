//! The Today screen: the checklist on the left, the set form and rest timer on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use unicode_width::UnicodeWidthStr;

use super::{View, entry, rest, truncate, wrap};

mod group;
mod pinned;
mod prev;
use crate::keymap::Action;
use crate::model::plan::DayKind;
use crate::model::session::SetKind;
use crate::today::Today;
use crate::training::checklist::{ExerciseToday, Slot, slot_name};
use crate::tui::screens::Pane;
use crate::tui::theme::Meaning;

pub(super) fn render(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    let [left, right] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    checklist(screen, left, buf);
    let form_height = 12.min(right.height.saturating_sub(5));
    let [form, timer] = Layout::vertical([Constraint::Length(form_height), Constraint::Min(0)]).areas(right);
    entry::render(screen, form, buf);
    rest::render(screen, timer, buf);
}

fn checklist(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    let inner = screen.pane("Today", screen.focused(Pane::Checklist), area, buf);
    let Some(today) = &screen.app.today else {
        Paragraph::new("Loading…").render(inner, buf);
        return;
    };
    let width = inner.width as usize;
    // Where the day stands is pinned above the list, so scrolling never hides it.
    let pinned = pinned(screen, today, width, inner.height as usize);
    let mut lines = day_lines(screen, today, width);
    let selected_line = exercise_lines(screen, today, width, &mut lines);
    let pinned_height = (pinned.len() as u16).min(inner.height);
    let [top, list] = Layout::vertical([Constraint::Length(pinned_height), Constraint::Min(0)]).areas(inner);
    Paragraph::new(pinned).render(top, buf);
    let height = list.height as usize;
    let offset = (selected_line + 2).saturating_sub(height);
    let visible: Vec<Line<'static>> = lines.into_iter().skip(offset).take(height).collect();
    Paragraph::new(visible).render(list, buf);
}

/// The lines pinned above the list: finished, deload, all done, and the warnings (never more
/// than a third of a pane `height` rows high).
fn pinned(screen: &View<'_>, today: &Today, width: usize, height: usize) -> Vec<Line<'static>> {
    let t = screen.theme;
    let app = screen.app;
    let mut pinned: Vec<Line<'static>> = Vec::new();
    if let Some(done) = &today.finished {
        let at = screen.app_local(done.ended_at.unwrap_or(done.started_at));
        let text = if today.day.kind == DayKind::Training {
            format!("Finished at {}. More sets reopen it.", at.format("%H:%M"))
        } else {
            format!("Marked done at {}.", at.format("%H:%M"))
        };
        pinned.push(Line::styled(truncate(&text, width), t.style(Meaning::Good)));
    }
    if let Some(deload) = &today.deload {
        let how = match deload.style {
            crate::model::session::DeloadStyle::Volume => "half the sets",
            crate::model::session::DeloadStyle::Load => "10% less load",
        };
        let text = format!("Deload: {how}, RIR 3+ ({} ends)", app.keymap.key_label(Action::Deload));
        pinned.push(Line::styled(truncate(&text, width), t.style(Meaning::Title)));
        if !today.rested.is_empty() {
            let text = format!("Resting this week: {}", today.rested.join(", "));
            pinned.push(Line::styled(truncate(&text, width), t.style(Meaning::Muted)));
        }
    }
    let (done, total) = today.progress();
    if today.session.is_some() && total > 0 && done == total {
        let text = format!("All sets done: {} finishes the session.", app.keymap.key_label(Action::EndSession));
        pinned.push(Line::styled(truncate(&text, width), t.style(Meaning::Good)));
    }
    for warning in &today.warnings {
        for part in wrap(&format!("! {warning}"), width, "  ") {
            pinned.push(Line::styled(part, t.style(Meaning::Warn)));
        }
    }
    // Warnings never take more than a third of the pane; what is cut is said to be on Week.
    let room = (height / 3).max(1);
    if pinned.len() > room {
        pinned.truncate(room.saturating_sub(1));
        let text = format!("! more warnings on the Week screen ({})", app.keymap.key_label(Action::ShowWeek));
        pinned.push(Line::styled(truncate(&text, width), t.style(Meaning::Warn)));
    }
    pinned
}

/// The lines above the exercises: the day's note, the plan's age, and on a rest or recovery
/// day, what the day is for.
/// The most lines a day's note takes on Today.
const DAY_NOTE_LINES: usize = 3;

fn day_lines(screen: &View<'_>, today: &Today, width: usize) -> Vec<Line<'static>> {
    let t = screen.theme;
    let app = screen.app;
    let mut lines: Vec<Line<'static>> = Vec::new();
    // The day's note wraps, up to three lines: the checklist keeps the rest of the room.
    let mut note = wrap(&today.day.note, width, "");
    if note.len() > DAY_NOTE_LINES {
        note.truncate(DAY_NOTE_LINES);
        let last = &mut note[DAY_NOTE_LINES - 1];
        *last = truncate(&format!("{last} …"), width);
    }
    lines.extend(note.into_iter().filter(|l| !l.is_empty()).map(|l| Line::styled(l, t.style(Meaning::Muted))));
    if let Some(age) = &today.plan_age {
        let text = format!("Plan '{}', {}.", app.plan.name, age.describe());
        lines.push(Line::styled(truncate(&text, width), t.style(Meaning::Muted)));
    }
    if today.day.kind != DayKind::Training && today.exercises.is_empty() {
        lines.push(Line::raw(""));
        let what = match today.day.kind {
            DayKind::ActiveRecovery => "Active recovery: move, don't train.",
            _ => "Rest day: recovery is half the work.",
        };
        lines.push(Line::styled(what, t.style(Meaning::Title)));
        for activity in &today.day.activities {
            lines.push(Line::raw(truncate(&format!("  • {activity}"), width)));
        }
        lines.push(Line::raw(""));
        if today.finished.is_none() {
            let mark = format!("{} marks the day done.", app.keymap.key_label(Action::MarkDayDone));
            let pick = format!("{} picks another plan day.", app.keymap.label(Action::PrevDay));
            lines.push(Line::styled(truncate(&mark, width), t.style(Meaning::Muted)));
            lines.push(Line::styled(truncate(&pick, width), t.style(Meaning::Muted)));
        }
    }
    lines
}

/// Each exercise: its title, the reason for its target, and a row per set. Returns the line
/// the cursor is on.
fn exercise_lines(screen: &View<'_>, today: &Today, width: usize, lines: &mut Vec<Line<'static>>) -> usize {
    let t = screen.theme;
    let cursor = screen.app.today_screen.cursor;
    let under = screen.app.today_screen.under_cursor(today);
    let current = today.current();
    let mut selected_line = 0;
    let places = group::places(today);
    for (ei, exercise) in today.exercises.iter().enumerate() {
        let place = places.get(ei).cloned().flatten();
        if !lines.is_empty() && (place.is_none() || group::header(today, ei, &t, width).is_some()) {
            lines.push(Line::raw(""));
        }
        lines.extend(group::header(today, ei, &t, width));
        let (done, due) = exercise.working_progress();
        let mut title =
            vec![Span::styled(place.as_ref().map(|p| format!("{p} ")).unwrap_or_default(), t.style(Meaning::Title))];
        title.push(Span::styled(
            exercise.planned.name.clone(),
            t.style(if exercise.skipped { Meaning::Muted } else { Meaning::Title }),
        ));
        let tag = if exercise.skipped {
            " skipped".to_string()
        } else if exercise.added {
            " added".to_string()
        } else {
            String::new()
        };
        // The done count always shows: the prescription, then the name, give way to it.
        let count = format!("  {done}/{due}");
        let prescription = format!("  {}", exercise.sets_prescription_in(screen.app.settings.entry.effort));
        let fixed = title[0].content.width() + tag.width() + count.width();
        // Whole ("  1x10-15 @ RIR 2-3"), then without its effort ("  1x10-15"), then none.
        let name_needs = title[1].content.width().min(24);
        let short = prescription.split(" @ ").next().unwrap_or_default().to_string();
        let prescription =
            [prescription, short].into_iter().find(|p| fixed + p.width() + name_needs <= width).unwrap_or_default();
        let name_room = width.saturating_sub(fixed + prescription.width());
        title[1].content = truncate(&title[1].content, name_room).into();
        title.push(Span::styled(tag, t.style(Meaning::Warn)));
        title.push(Span::styled(format!("{prescription}{count}"), t.style(Meaning::Muted)));
        lines.push(Line::from(title));
        lines.extend(pinned::lines(screen, exercise, cursor.is_some_and(|(c, _)| c == ei), width));
        // The reason for the target is shown whole for the selected exercise, cut short for the rest.
        let reason = format!("  {}", exercise.target.reason);
        if cursor.is_some_and(|(c, _)| c == ei) {
            for part in wrap(&exercise.target.reason, width.saturating_sub(2), "  ") {
                lines.push(Line::styled(format!("  {part}"), t.style(Meaning::Muted)));
            }
        } else {
            lines.push(Line::styled(truncate(&reason, width), t.style(Meaning::Muted)));
        }
        for (si, slot) in exercise.slots.iter().enumerate() {
            // On a technique set under this slot's set, the cursor is on that line instead.
            let under = under.filter(|&(e, s, _)| (e, s) == (ei, si)).map(|(_, _, k)| k);
            let is_cursor = cursor == Some((ei, si)) && under.is_none();
            if is_cursor {
                selected_line = lines.len();
            }
            let row = Row { is_cursor, is_current: current == Some((ei, si)), place: place.as_deref() };
            let mut line = slot_line(screen, exercise, slot, row, width);
            let prev = prev::lines(screen, exercise, slot, is_cursor, &mut line, width);
            lines.push(line);
            lines.extend(prev);
            if let Some(k) = under {
                selected_line = lines.len() + k;
            }
            lines.extend(attached_lines(screen, slot, under, width));
            lines.extend(planned_technique_line(screen, exercise, si, width));
        }
    }
    selected_line
}

/// Where a row stands: under the cursor, the current set, its exercise's place in a group.
#[derive(Clone, Copy)]
struct Row<'a> {
    is_cursor: bool,
    is_current: bool,
    place: Option<&'a str>,
}

/// One set's row: `▸[ ] set 1      80 kg x 8 @ 1` (`A1 set 1` in a group), styled by where it
/// stands (under the cursor, the current set).
fn slot_line(screen: &View<'_>, exercise: &ExerciseToday, slot: &Slot, row: Row<'_>, width: usize) -> Line<'static> {
    let Row { is_cursor, is_current, place } = row;
    let t = screen.theme;
    let mark = if slot.logged.is_some() { "[x]" } else { "[ ]" };
    let label = match place {
        Some(place) if slot.kind == SetKind::Working => format!("{place} {}", slot_name(slot.kind, slot.number)),
        _ => slot_name(slot.kind, slot.number),
    };
    let what = exercise.slot_text_in(slot, screen.app.settings.entry.effort);
    let pointer = if is_cursor {
        "▸"
    } else if is_current {
        "›"
    } else {
        " "
    };
    let text = truncate(&format!("{pointer}{mark} {label:<10} {what}"), width);
    let meaning = if slot.logged.is_some() {
        Meaning::Done
    } else if exercise.skipped || slot.kind == SetKind::RampUp {
        Meaning::Muted
    } else if is_current {
        Meaning::Current
    } else {
        Meaning::HardSet
    };
    let mut style = t.style(meaning);
    if is_cursor {
        style = style.patch(t.style(Meaning::Selected));
    }
    Line::styled(text, style)
}

/// The sets shown under a row's set: its drop sets, rest-pause and myo-reps, and a right side,
/// indented under it (`↳ drop 60 kg x 6`), never rows of their own; the one at `selected` is
/// under the cursor (`▸`).
fn attached_lines(screen: &View<'_>, slot: &Slot, selected: Option<usize>, width: usize) -> Vec<Line<'static>> {
    let effort = screen.app.settings.entry.effort;
    let t = screen.theme;
    slot.attached
        .iter()
        .enumerate()
        .map(|(k, set)| {
            let pointer = if selected == Some(k) { "▸" } else { " " };
            let text = format!("{pointer}{:15}{}", "", crate::training::techniques::under_text(&set.entry, effort));
            let mut style = t.style(Meaning::Done);
            if selected == Some(k) {
                style = style.patch(t.style(Meaning::Selected));
            }
            Line::styled(truncate(&text, width), style)
        })
        .collect()
}

/// Under an exercise's last working set, the technique its plan carries it on with, until one
/// is logged: `↳ then a drop set (t)`.
fn planned_technique_line(
    screen: &View<'_>,
    exercise: &ExerciseToday,
    si: usize,
    width: usize,
) -> Option<Line<'static>> {
    let technique = exercise.planned.technique?;
    let last_working = exercise.slots.iter().rposition(|s| s.kind == SetKind::Working)?;
    let logged = exercise.slots.iter().flat_map(|s| &s.attached).any(|s| s.entry.technique.is_some());
    if si != last_working || logged || exercise.skipped {
        return None;
    }
    let key = screen.app.keymap.key_label(crate::keymap::Action::TechniqueSet);
    let text = format!("{:16}↳ then a {technique} ({key})", "");
    Some(Line::styled(truncate(&text, width), screen.theme.style(Meaning::Muted)))
}

impl View<'_> {
    /// `at` in local time.
    pub(crate) fn app_local(&self, at: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::FixedOffset> {
        at.with_timezone(&self.offset)
    }
}

//! The set-entry form: weight, reps, the RIR picker, "form broke" and a note, with inline errors.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr as _;

mod last_note;
mod pinned;
mod sides;
mod technique;

use super::{View, truncate, truncate_start};
use crate::keymap::Action;
use crate::model::exercise::Equipment;
use crate::model::session::SetKind;
use crate::model::units::Effort;
use crate::model::units::parse_load;
use crate::training::{bodyweight, plates};
use crate::tui::form::FormTarget;
use crate::tui::form::{Field, RIR_CHOICES, RPE_CHOICES, SetForm};
use crate::tui::screens::Pane;
use crate::tui::theme::Meaning;

mod timed;

pub(super) fn render(screen: &View<'_>, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let form = &screen.app.today_screen.form;
    let focused = screen.focused(Pane::Form);
    let inner = screen.pane("Set", focused, area, buf);
    let Some(target) = &form.target else {
        let hint = match &screen.app.today {
            Some(today) if today.exercises.is_empty() => "Nothing to lift today.",
            _ => "Pick a set in Today and press Enter.",
        };
        Paragraph::new(Line::styled(hint, t.style(Meaning::Muted))).render(inner, buf);
        return;
    };
    let width = inner.width as usize;
    let kind = match form.technique() {
        // The set it carries on is named under the fields ("After: ..."): at 80 columns the
        // exercise and the technique fit the title.
        Some(technique) => technique.to_string(),
        // The side, when apart, is on the Sides line: at 80 columns the title has no room.
        None => target.row_name(),
    };
    let editing = if target.editing.is_some() { " · edit" } else { "" };
    // A working set of a superset says its place in the round: `A2 Cable triceps pushdown`.
    let place = screen
        .app
        .today
        .as_ref()
        .filter(|_| target.kind == SetKind::Working)
        .and_then(|today| {
            let ei = today.exercises.iter().position(|e| e.planned.name == target.exercise && !e.added)?;
            crate::today::group::places(today).into_iter().nth(ei).flatten()
        })
        .map(|p| format!("{p} "))
        .unwrap_or_default();
    // A long name is cut before the set's name and "edit": they say what is saved.
    let tail = format!(" · {kind}{editing}");
    let name = truncate(&format!("{place}{}", target.exercise), width.saturating_sub(tail.width()).max(8));
    let mut lines = vec![Line::styled(truncate(&format!("{name}{tail}"), width), t.style(Meaning::Title))];
    lines.extend(pinned::line(screen.app.today.as_ref(), &target.exercise, width, &t));
    if let Some(saved_as) = screen.app.today_screen.form_saves_as(screen.app.today.as_ref()) {
        lines.push(Line::styled(truncate(&format!("saved as {saved_as} (still open)"), width), t.style(Meaning::Warn)));
    }
    let fields = Fields { screen, form, focused, width };
    if !form.measures.is_reps() {
        lines.extend(timed::field_lines(&fields, target));
        lines.extend(target_lines(screen, target, width));
        return Paragraph::new(lines).render(inner, buf);
    }
    let unit = if form.side == Some(crate::model::session::Side::Each) {
        format!("{} each side", target.unit.label())
    } else {
        target.unit.label().to_string()
    };
    lines.push(fields.line("Weight", Field::Weight, &form.weight, &unit));
    lines.extend(fields.error(Field::Weight));
    if let Some(plates) = plates_line(screen, target) {
        lines.push(Line::styled(truncate(&plates, width), t.style(Meaning::Muted)));
    }
    lines.push(fields.line("Reps", Field::Reps, &form.reps, ""));
    lines.extend(fields.error(Field::Reps));
    match &form.technique {
        Some(choice) => lines.push(technique::picker(choice, width, t)),
        None => lines.push(fields.rir()),
    }
    lines.extend(fields.error(Field::Rir));
    lines.push(fields.form_broke());
    // While it is typed the note shows its end, where the letters go; otherwise its start.
    let room = width.saturating_sub(12);
    let typing = focused && form.focused() == Field::Note;
    let note = if typing { truncate_start(&form.note, room) } else { truncate(&form.note, room) };
    lines.push(fields.line("Note", Field::Note, &note, ""));
    let key = screen.app.keymap.key_label(Action::SidesApart);
    lines.extend(sides::line(form, &key, width, t));
    match &form.technique {
        Some(choice) => lines.extend(technique::carries_on(choice, target.editing.is_some(), width, t)),
        None => lines.extend(target_lines(screen, target, width)),
    }
    Paragraph::new(lines).render(inner, buf);
}

/// The form's field lines, drawn for the focus it has.
struct Fields<'a> {
    screen: &'a View<'a>,
    form: &'a SetForm,
    focused: bool,
    width: usize,
}

impl Fields<'_> {
    fn active(&self, field: Field) -> bool {
        self.focused && self.form.focused() == field
    }

    /// `Weight  [80▏] kg`: the label, the text typed, and what follows it.
    fn line(&self, label: &str, field: Field, value: &str, suffix: &str) -> Line<'static> {
        let t = self.screen.theme;
        let style = if self.active(field) { t.style(Meaning::Selected) } else { t.style(Meaning::Text) };
        let cursor = if self.active(field) { "▏" } else { " " };
        let spans = vec![
            Span::styled(format!("{label:<8}"), t.style(Meaning::Muted)),
            Span::styled(format!("[{value}{cursor}]"), style),
            Span::raw(format!(" {suffix}")),
        ];
        Line::from(spans)
    }

    /// An error sits on the line under its field, where it has the pane's whole width.
    /// A long one (RPE typed as RIR says what to enter instead) wraps under itself.
    fn error(&self, field: Field) -> Vec<Line<'static>> {
        let t = self.screen.theme;
        self.form.error(field).map_or_else(Vec::new, |error| {
            super::wrap(&format!("✗ {error}"), self.width.saturating_sub(8), "  ")
                .into_iter()
                .map(|line| Line::styled(format!("        {line}"), t.style(Meaning::Error)))
                .collect()
        })
    }

    /// The RIR quick picker: the chosen value is highlighted; typed half steps show as text.
    fn rir(&self) -> Line<'static> {
        let t = self.screen.theme;
        let form = self.form;
        let label = form.effort.label();
        let mut rir = vec![Span::styled(format!("{label:<8}"), t.style(Meaning::Muted))];
        let choices = if form.effort == Effort::Rpe { RPE_CHOICES } else { RIR_CHOICES };
        for choice in choices {
            let value = choice.trim_end_matches('+');
            let chosen = form.rir == value || (choice == "5+" && form.rir.parse::<f64>().is_ok_and(|v| v >= 5.0));
            let style = if chosen {
                t.style(Meaning::Selected)
            } else if self.active(Field::Rir) {
                t.style(Meaning::Current)
            } else {
                t.style(Meaning::Muted)
            };
            rir.push(Span::styled(format!(" {choice} "), style));
        }
        if form.rir.contains('.') {
            rir.push(Span::styled(format!(" ={}", form.rir), t.style(Meaning::Selected)));
        }
        if form.error(Field::Rir).is_none() && self.active(Field::Rir) {
            rir.push(Span::styled(" ←→ ½", t.style(Meaning::Muted)));
        }
        if !form.offers_rir() && form.rir.is_empty() {
            rir = vec![
                Span::styled(format!("{label:<8}"), t.style(Meaning::Muted)),
                Span::styled("not asked for ramp-ups", t.style(Meaning::Muted)),
            ];
        }
        Line::from(rir)
    }

    fn form_broke(&self) -> Line<'static> {
        let t = self.screen.theme;
        let broke_style = if self.active(Field::FormBroke) {
            t.style(Meaning::Selected)
        } else if self.form.form_broke {
            t.style(Meaning::Warn)
        } else {
            t.style(Meaning::Text)
        };
        Line::from(vec![
            Span::styled(format!("{:<8}", "Form"), t.style(Meaning::Muted)),
            Span::styled(
                if self.form.form_broke { "[x] form broke" } else { "[ ] form held" }.to_string(),
                broke_style,
            ),
            Span::styled(
                format!(" ({})", self.screen.app.keymap.key_label(Action::ToggleFormBroke)),
                t.style(Meaning::Muted),
            ),
        ])
    }
}

/// Under a working set's fields: its target, and what was done last time.
fn target_lines(screen: &View<'_>, target: &FormTarget, width: usize) -> Vec<Line<'static>> {
    let t = screen.theme;
    let mut lines = Vec::new();
    if let Some(today) = &screen.app.today
        && let Some(exercise) = today.exercises.iter().find(|e| e.planned.name == target.exercise)
    {
        let effort = screen.app.settings.entry.effort;
        let target_text = if exercise.is_timed() {
            timed::target_text(exercise, target, effort)
        } else {
            format!(
                "Target: {} x {} @ {}",
                exercise.target.load_text(),
                exercise.target.reps_text(),
                effort.band(exercise.target.rir.low, exercise.target.rir.high)
            )
        };
        if target.kind == SetKind::Working {
            lines.push(Line::styled(truncate(&target_text, width), t.style(Meaning::Muted)));
            let last = exercise.last_time_set(target.number).map_or_else(
                || "Last time: none yet".to_string(),
                |s| {
                    // A set on body weight is weighed with the body weight of its day.
                    let body = today.body_weights.around(screen.app_local(s.session_started_at).date_naive());
                    let e1rm = bodyweight::estimate(screen.app.settings.e1rm.formula, &s.entry, body)
                        .map(|v| format!(" · e1RM {v:.1}"))
                        .unwrap_or_default();
                    // Older than a week, last time says when it was, first: at 80 columns the
                    // e1RM is what gets cut.
                    let date = crate::training::progression::last_time_date(
                        screen.app_local(s.session_started_at).date_naive(),
                        today.date,
                    )
                    .map(|d| format!(" {d}"))
                    .unwrap_or_default();
                    format!("Last{date}: {}{e1rm}", s.entry.summary_in(effort))
                },
            );
            lines.push(Line::styled(truncate(&last, width), t.style(Meaning::Muted)));
            lines.extend(last_note::lines(exercise.last_time_set(target.number), width, &t));
        }
    }
    lines
}

/// For a barbell lift, the plates per side for the weight typed, or the nearest loadable weights.
fn plates_line(screen: &View<'_>, target: &FormTarget) -> Option<String> {
    let today = screen.app.today.as_ref()?;
    let exercise = today.exercises.iter().find(|e| e.planned.name == target.exercise)?;
    if exercise.planned.equipment != Equipment::Barbell {
        return None;
    }
    let load = parse_load(&screen.app.today_screen.form.weight).ok()?;
    let setup = screen.app.settings.equipment.bar(target.unit);
    Some(match plates::load_bar(&setup, load) {
        plates::Loading::Exact(side) if side.is_empty() => "Plates: the empty bar".to_string(),
        // "Per side" first, so four plates still fit the form at 80x24.
        plates::Loading::Exact(side) => format!("Per side: {}", plates::describe_side(&side)),
        plates::Loading::Nearest { below, above } => {
            let options: Vec<String> = below.into_iter().chain(above).map(|l| l.to_string()).collect();
            format!("Not loadable: {} {}", options.join(" or "), target.unit)
        }
    })
}

//! The set form of a hold, a carry or cardio: the fields the exercise measures (distance, time,
//! an optional load), the effort when it is offered, and the pace once a distance and a time are
//! typed.

use ratatui::text::Line;

use super::Fields;
use crate::model::exercise::{parse_distance_field, parse_time_field};
use crate::model::session::SetKind;
use crate::model::units::Effort;
use crate::training::checklist::{ExerciseToday, pace_text};
use crate::tui::form::{Field, FormTarget};
use crate::tui::theme::Meaning;
use crate::tui::view::truncate;

/// The form's lines, in the order its fields are.
pub(super) fn field_lines(fields: &Fields<'_>, target: &FormTarget) -> Vec<Line<'static>> {
    let form = fields.form;
    let t = fields.screen.theme;
    let mut lines = Vec::new();
    for field in form.order() {
        match field {
            Field::Distance => lines.push(fields.line("Dist.", field, &form.distance, "m")),
            Field::Time => lines.push(fields.line("Time", field, &form.time, "s or m:ss")),
            Field::Weight => {
                let suffix = format!("{}, if loaded", target.unit.label());
                lines.push(fields.line("Weight", field, &form.weight, &suffix));
            }
            Field::Rir if form.offers_rir() || !form.rir.is_empty() => lines.push(fields.rir()),
            Field::Rir | Field::Reps => continue,
            Field::FormBroke => lines.push(fields.form_broke()),
            Field::Note => {
                let note = truncate(&form.note, fields.width.saturating_sub(12));
                lines.push(fields.line("Note", field, &note, ""));
            }
        }
        lines.extend(fields.error(field));
    }
    let distance = parse_distance_field(&form.distance).ok();
    let seconds = parse_time_field(&form.time).ok();
    if let Some(pace) = pace_text(&target.exercise, distance, seconds) {
        lines.push(Line::styled(truncate(&format!("        pace {pace}"), fields.width), t.style(Meaning::Muted)));
    }
    lines
}

/// `Target: 1:05-1:10`, `Target: 40 m at 32 kg`, `Target: 2,000 m (no target for cardio)`.
pub(super) fn target_text(exercise: &ExerciseToday, target: &FormTarget, effort: Effort) -> String {
    let open = |s: &&crate::training::checklist::Slot| s.kind == SetKind::Working && s.logged.is_none();
    let slot = exercise
        .slots
        .iter()
        .filter(open)
        .find(|s| s.number == target.number)
        .or_else(|| exercise.slots.iter().find(open));
    match slot {
        Some(slot) if exercise.planned.measures.takes_load() => {
            format!("Target: {}", exercise.slot_text_in(slot, effort))
        }
        Some(_) => "Target: none for cardio".to_string(),
        None => "Target: as last time".to_string(),
    }
}

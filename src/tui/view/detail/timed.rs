//! The exercise detail of a hold, a carry or cardio: no e1RM chart (they have none), but their
//! bests: the longest time, the furthest distance and the best pace (per 500 m on a rower or ski
//! erg, per km otherwise), each with its day, above every set.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::super::{View, truncate};
use crate::history::ExerciseDetail;
use crate::model::exercise::Measures;
use crate::model::session::{LoggedSet, SetKind};
use crate::training::checklist::pace_text;
use crate::tui::screens::Pane;
use crate::tui::screens::detail::DetailView;
use crate::tui::theme::Meaning;

/// Whether the detail is of a hold, carry or cardio: it has timed working sets and no week of
/// lifting to chart.
pub(super) fn is_timed(detail: &ExerciseDetail) -> bool {
    detail.weeks.is_empty() && detail.sets.iter().any(|s| s.entry.timed_or_distance())
}

/// The working sets that can hold a best: timed, not a technique, not in a deload week, form
/// intact or not.
fn working(detail: &ExerciseDetail) -> impl Iterator<Item = &LoggedSet> {
    detail.sets.iter().filter(|s| {
        s.entry.kind == SetKind::Working
            && s.entry.technique.is_none()
            && s.entry.timed_or_distance()
            && !detail.in_deload.contains(&s.id)
    })
}

/// The bests, one line each, with the day each was done.
pub(super) fn best_lines(screen: &View<'_>, detail: &ExerciseDetail) -> Vec<String> {
    let effort = screen.app.settings.entry.effort;
    let day = |s: &LoggedSet| screen.app_local(s.session_started_at).format("%a %-d %b %y").to_string();
    let mut lines = Vec::new();
    // Cardio's best is its distance and pace, a carry's its distance (a longer time is only
    // slower); a hold's its time (and an exercise of the log's own, which says nothing, is
    // read as one, as `hardset history` does).
    let measures = screen.app.plan.exercises.get(&detail.exercise).map_or(Measures::Time, |e| e.measures);
    // Sets are newest first: on a tie the earliest (last in the list) made the best.
    let longest = working(detail).filter(|s| s.entry.seconds.is_some()).max_by_key(|s| s.entry.seconds);
    // A carry or cardio logged by time alone has no distance to be best at: its time stands.
    let by_distance = measures.takes_distance() && working(detail).any(|s| s.entry.distance.is_some());
    if let Some(s) = longest.filter(|_| !by_distance) {
        lines.push(format!("Best time: {} ({})", s.entry.summary_in(effort), day(s)));
    }
    if let Some(s) = working(detail).filter(|s| s.entry.distance.is_some()).max_by_key(|s| s.entry.distance) {
        lines.push(format!("Best distance: {} ({})", s.entry.summary_in(effort), day(s)));
    }
    let paced = working(detail).filter_map(|s| {
        let (d, t) = (s.entry.distance?, s.entry.seconds?);
        (d.centimetres() >= 1_000).then(|| (f64::from(t) / d.metres(), s))
    });
    if let Some((_, s)) = paced.min_by(|a, b| a.0.total_cmp(&b.0))
        && let Some(pace) = pace_text(&detail.exercise, s.entry.distance, s.entry.seconds)
    {
        lines.push(format!("Best pace: {pace} ({}, {})", s.entry.summary_in(effort), day(s)));
    }
    // The last set done, in a deload week or not.
    let last = detail
        .sets
        .iter()
        .find(|s| s.entry.kind == SetKind::Working && s.entry.technique.is_none() && s.entry.timed_or_distance());
    if let Some(last) = last {
        lines.push(format!("Last: {} ({})", last.entry.summary_in(effort), day(last)));
    }
    lines
}

/// The bests above, every set below.
pub(super) fn render(screen: &View<'_>, view: &DetailView, area: Rect, buf: &mut Buffer) {
    let t = screen.theme;
    let [top, bottom] = Layout::vertical([Constraint::Length(9), Constraint::Min(0)]).areas(area);
    let title = format!("{}: bests", view.detail.exercise);
    let inner = screen.pane(&title, screen.focused(Pane::Detail), top, buf);
    let width = inner.width as usize;
    let mut lines: Vec<Line<'static>> = best_lines(screen, &view.detail)
        .into_iter()
        .map(|l| Line::styled(truncate(&l, width), t.style(Meaning::Good)))
        .collect();
    lines.push(Line::styled(
        truncate("No e1RM or records: a time or distance is not a lift, nor an effective set.", width),
        t.style(Meaning::Muted),
    ));
    Paragraph::new(lines).render(inner, buf);
    super::sets_list(screen, view, bottom, buf);
}

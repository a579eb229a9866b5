//! Supersets and circuits on the Today checklist: a line above each group saying its round and
//! its rest, and each exercise's place in it (A1, A2) on its title and working rows.

use ratatui::text::Line;

use crate::model::exercise::format_rest;
use crate::model::plan::group;
use crate::today::Today;
use crate::training::checklist::superset;
use crate::tui::theme::{Meaning, Theme};
use crate::tui::view::truncate;

/// Each exercise's place in its group: `A1`, or `None`.
pub(super) fn places(today: &Today) -> Vec<Option<String>> {
    group::places(today.exercises.iter().map(|e| e.planned.group.as_deref()))
}

/// The line above a group's first exercise (`ei`): `Superset A · round 1 of 3 · then rest
/// 2m`, or `Circuit B · done`; `None` for an exercise that does not start a group.
pub(super) fn header(today: &Today, ei: usize, theme: &Theme, width: usize) -> Option<Line<'static>> {
    let members = superset::members(&today.exercises, ei)?;
    if members.start != ei {
        return None;
    }
    let label = today.exercises[ei].planned.group.as_deref().unwrap_or_default();
    let kind = group::kind_of(members.len());
    let mut kind_title = kind.to_string();
    kind_title[..1].make_ascii_uppercase();
    let rest = format_rest(superset::rest(&today.exercises, &members));
    let text = match superset::round(&today.exercises, &members) {
        Some((round, rounds)) if superset::next(&today.exercises, &members).is_some() => {
            format!("{kind_title} {label} · round {round} of {rounds} · then rest {rest}")
        }
        Some(_) => format!("{kind_title} {label} · all rounds done"),
        None => format!("{kind_title} {label} · skipped"),
    };
    Some(Line::styled(truncate(&text, width), theme.style(Meaning::Title)))
}

//! Issue 14, item 9: History lands where the data is. After an import whose last session is
//! months old, History opens on that session's week (not an empty current week), `{` and `}`
//! jump to the nearest week with sessions, the Week screen follows History's week and has its
//! own go-to-date.

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use common::*;
use hardset::clock::FixedClock;
use hardset::store::Store;
use hardset::tui::driver::Driver;
use ratatui::crossterm::event::KeyCode;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A log imported in two stretches, the newest ending Sunday 14 September 2025 and the older
/// one Sunday 13 July 2025 (weeks with no session between), opened on Sunday 29 November 2026.
fn old_import() -> Driver<FixedClock> {
    let mut store = Store::in_memory().expect("in-memory store");
    let plan = example_plan();
    for (y, m, d, weeks) in [(2025, 7, 13, 3), (2025, 9, 14, 2)] {
        let at = FixedClock::at(Utc.with_ymd_and_hms(y, m, d, 21, 0, 0).single().expect("valid time"));
        hardset::demo::fill(&mut store, &plan, &at, weeks).expect("demo history");
    }
    driver_on(store, clock())
}

fn shown_week(d: &Driver<FixedClock>) -> NaiveDate {
    d.app.history.sessions_week.expect("History shows a week").0
}

fn message(d: &Driver<FixedClock>) -> String {
    d.app.message.as_ref().map(|(_, text)| text.clone()).unwrap_or_default()
}

#[test]
fn history_opens_on_the_newest_week_with_a_session_not_an_empty_current_week() {
    let mut d = old_import();
    press(&mut d, &[ch('2')]);
    assert_eq!(shown_week(&d), date(2025, 9, 8));
    assert!(!d.app.history.sessions.is_empty(), "the week landed on holds sessions");
    let text = screen(&d, 80, 24);
    assert!(text.contains("Week of 8 Sep 2025"), "{text}");
    // Left for Today and opened again, History stays on the week it was left on.
    press(&mut d, &[key(KeyCode::Left), ch('1'), ch('2')]);
    assert_eq!(shown_week(&d), date(2025, 9, 1));
}

#[test]
fn braces_jump_over_empty_weeks_to_the_nearest_week_with_sessions() {
    let mut d = old_import();
    // Back to this empty week, then one key (not 63 presses of ←) reaches September 2025.
    press(&mut d, &[ch('2'), ch('t')]);
    assert_eq!(shown_week(&d), date(2026, 11, 23));
    assert!(d.app.history.sessions.is_empty());
    press(&mut d, &[ch('{')]);
    assert_eq!(shown_week(&d), date(2025, 9, 8));
    press(&mut d, &[ch('{')]);
    assert_eq!(shown_week(&d), date(2025, 9, 1));
    // The gap of August is jumped in one key, each way; PageUp and PageDown do the same.
    press(&mut d, &[key(KeyCode::PageUp)]);
    assert_eq!(shown_week(&d), date(2025, 7, 7));
    press(&mut d, &[ch('}')]);
    assert_eq!(shown_week(&d), date(2025, 9, 1));
    press(&mut d, &[key(KeyCode::PageDown), ch('}')]);
    assert_eq!(shown_week(&d), date(2025, 9, 8), "no week after it holds a session");
    assert_eq!(message(&d), "No sessions after the week of 8 Sep 2025 (up to this week)");
    // Before the oldest session: nothing further back, and the screen stays put; `}` finds the
    // first week of the log.
    press(&mut d, &[ch('g')]);
    type_text(&mut d, "2025-06-01");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert_eq!(shown_week(&d), date(2025, 5, 26));
    press(&mut d, &[ch('{')]);
    assert_eq!(shown_week(&d), date(2025, 5, 26));
    assert_eq!(message(&d), "No sessions before the week of 26 May 2025");
    press(&mut d, &[ch('}')]);
    let first = shown_week(&d);
    assert!(first > date(2025, 5, 26) && first <= date(2025, 6, 23), "{first}");
    assert!(!d.app.history.sessions.is_empty());
}

#[test]
fn a_fresh_log_opens_history_on_this_week_and_says_there_is_nothing_before() {
    let mut d = fresh_driver();
    press(&mut d, &[ch('2')]);
    assert_eq!(shown_week(&d), date(2026, 11, 23));
    assert_eq!(d.app.history.wanted_week, None, "this week follows the days");
    press(&mut d, &[ch('{')]);
    assert_eq!(message(&d), "No sessions before the week of 23 Nov 2026");
    press(&mut d, &[ch('}')]);
    assert_eq!(message(&d), "No sessions after the week of 23 Nov 2026 (up to this week)");
}

#[test]
fn a_log_trained_this_week_opens_on_this_week() {
    let mut d = demo_driver(3);
    press(&mut d, &[ch('2')]);
    assert_eq!(shown_week(&d), date(2026, 11, 23));
    assert_eq!(d.app.history.wanted_week, None);
}

#[test]
fn a_session_dated_after_this_week_is_never_landed_on() {
    let mut store = Store::in_memory().expect("in-memory store");
    let plan = example_plan();
    for (y, m, d) in [(2025, 9, 14), (2027, 3, 14)] {
        let at = FixedClock::at(Utc.with_ymd_and_hms(y, m, d, 21, 0, 0).single().expect("valid time"));
        hardset::demo::fill(&mut store, &plan, &at, 1).expect("demo history");
    }
    let mut d = driver_on(store, clock());
    press(&mut d, &[ch('2')]);
    assert_eq!(shown_week(&d), date(2025, 9, 8));
    press(&mut d, &[ch('}')]);
    assert_eq!(shown_week(&d), date(2025, 9, 8), "a week after this one is not shown");
}

#[test]
fn the_week_screen_follows_historys_week_and_has_its_own_go_to_and_jumps() {
    let mut d = old_import();
    press(&mut d, &[ch('2'), ch('3')]);
    let week = |d: &Driver<FixedClock>| d.app.week.report.as_ref().expect("a week is shown").monday;
    assert_eq!(week(&d), date(2025, 9, 8), "opened from History, Week shows History's week");
    let text = screen(&d, 80, 24);
    assert!(text.contains("8 Sep"), "{text}");
    // Its own go-to-date.
    press(&mut d, &[ch('g')]);
    type_text(&mut d, "2025-07-09");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert_eq!(week(&d), date(2025, 7, 7));
    assert!(d.app.popup.is_none());
    // A mistyped date stays to fix and moves nothing.
    press(&mut d, &[ch('g')]);
    type_text(&mut d, "2025-13-01");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert!(d.app.popup.is_some(), "the prompt stays open on a bad date");
    press(&mut d, &[key(KeyCode::Esc)]);
    assert_eq!(week(&d), date(2025, 7, 7));
    // The jumps over empty weeks.
    press(&mut d, &[ch('}')]);
    assert_eq!(week(&d), date(2025, 9, 1));
    press(&mut d, &[ch('{'), ch('{')]);
    assert_eq!(week(&d), date(2025, 6, 30));
    // A date after this week shows this week; Esc is this week too.
    press(&mut d, &[ch('g')]);
    type_text(&mut d, "2030-01-01");
    press(&mut d, &[key(KeyCode::Enter)]);
    assert_eq!(week(&d), date(2026, 11, 23));
    assert_eq!(d.app.week.date, None);
    // Opened from Today, the Week screen keeps its own week.
    press(&mut d, &[ch('{'), ch('1'), ch('3')]);
    assert_eq!(week(&d), date(2025, 9, 8));
}

#[test]
fn history_after_an_old_import_at_80x24() {
    let mut d = old_import();
    press(&mut d, &[ch('2')]);
    insta::assert_snapshot!("history_landed_after_import_80x24", screen(&d, 80, 24));
}

/// A session at 23:30 on a Sunday belongs to that Sunday's week, and one at 00:20 on the Monday
/// to the next: the jumps find each in its own week.
#[test]
fn a_jump_takes_a_late_sunday_session_in_its_own_week() {
    use hardset::history::{Seek, week_with_sessions};
    use hardset::model::session::SessionFor;
    let mut store = Store::in_memory().expect("in-memory store");
    let new = || SessionFor::New { day_name: "Day 1: push and pull".into(), day_index: Some(0) };
    let sunday = Utc.with_ymd_and_hms(2026, 11, 8, 23, 30, 0).single().expect("valid time");
    let monday = Utc.with_ymd_and_hms(2026, 11, 16, 0, 20, 0).single().expect("valid time");
    for at in [sunday, monday] {
        store.log_set(&new(), &working("Lat pulldown", 60.0, 10, 1), at, 120).expect("logs");
    }
    let c = clock();
    let today = date(2026, 11, 29);
    let find = |seek| week_with_sessions(&store, &c, seek, today).expect("reads");
    assert_eq!(find(Seek::Latest), Some(date(2026, 11, 16)));
    assert_eq!(find(Seek::Before(date(2026, 11, 16))), Some(date(2026, 11, 2)));
    assert_eq!(find(Seek::Before(date(2026, 11, 2))), None);
    assert_eq!(find(Seek::After(date(2026, 11, 8))), Some(date(2026, 11, 16)));
    assert_eq!(find(Seek::After(date(2026, 11, 16))), None);
}

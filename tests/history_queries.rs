//! History's queries: ISO week boundaries, sessions that cross midnight, records and deload
//! weeks, and week-against-week pairing when the number of sets differs.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::*;
use hardset::clock::FixedClock;
use hardset::model::session::{DeloadStyle, SessionFor};
use hardset::store::Store;
use hardset::training::e1rm::Formula;

fn new_session() -> SessionFor {
    SessionFor::New { day_name: "Day 1: push and pull".into(), day_index: Some(0) }
}

/// Sunday 22 November 2026, 23:30 UTC: the last half hour of ISO week 47.
fn sunday_late() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 23, 30, 0).single().expect("valid time")
}

#[test]
fn a_session_that_crosses_midnight_counts_on_the_day_it_started() {
    let mut store = Store::in_memory().expect("store");
    let first = store.log_set(&new_session(), &working("Lat pulldown", 60.0, 10, 1), sunday_late(), 120).expect("logs");
    // The second set lands at 00:20 on Monday, in the same session.
    let second = store
        .log_set(
            &SessionFor::Existing(first.session_id),
            &working("Lat pulldown", 60.0, 9, 1),
            sunday_late() + Duration::minutes(50),
            120,
        )
        .expect("logs");
    assert_eq!(second.session_id, first.session_id);
    let plan = example_plan();
    let clock = FixedClock::at(evening());
    let settings = test_settings();
    let week47 = hardset::week::load_week(&store, &plan, &settings, &clock, sunday_late().date_naive()).expect("reads");
    let week48 = hardset::week::load_week(&store, &plan, &settings, &clock, evening().date_naive()).expect("reads");
    let lats = |report: &hardset::week::WeekReport| {
        report.muscles.iter().find(|m| m.muscle == "lats").map_or(0.0, |m| m.effective_sets)
    };
    assert_eq!(week47.week, "2026-W47");
    assert!((lats(&week47) - 2.0).abs() < 1e-9, "both sets count on Sunday's week");
    assert!(lats(&week48).abs() < 1e-9, "none on Monday's");
    // The exercise's trend puts both in week 47, too.
    let detail = hardset::history::exercise_detail(&store, Formula::Epley, &clock, "Lat pulldown").expect("reads");
    assert_eq!(detail.weeks.len(), 1);
    assert_eq!(detail.weeks[0].monday.to_string(), "2026-11-16");
    assert_eq!(detail.weeks[0].working_sets, 2);
}

#[test]
fn weeks_run_monday_to_sunday_in_history() {
    let mut store = Store::in_memory().expect("store");
    store.log_set(&new_session(), &working("Lat pulldown", 60.0, 10, 1), sunday_late(), 120).expect("logs");
    let monday = sunday_late() + Duration::hours(1);
    let s = store.log_set(&new_session(), &working("Lat pulldown", 60.0, 11, 1), monday, 120).expect("logs");
    let mut d = driver_on(store, FixedClock::at(evening()));
    press(&mut d, &[ch('2')]);
    assert_eq!(
        d.app.sessions.iter().map(|x| x.session.id).collect::<Vec<_>>(),
        [s.session_id],
        "this week: Monday's only"
    );
    press(&mut d, &[ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Left)]);
    assert_eq!(d.app.sessions.len(), 1, "last week: Sunday's");
    assert_ne!(d.app.sessions[0].session.id, s.session_id);
}

#[test]
fn deload_weeks_are_marked_in_the_trend_and_set_no_records() {
    let mut store = Store::in_memory().expect("store");
    for (weeks_ago, load) in [(3, 60.0), (2, 70.0), (1, 65.0)] {
        let at = evening() - Duration::weeks(weeks_ago);
        store.log_set(&new_session(), &working("Lat pulldown", load, 10, 1), at, 120).expect("logs");
    }
    let deload = hardset::training::compare::week_bounds((evening() - Duration::weeks(2)).date_naive()).0;
    store.start_deload(deload, DeloadStyle::Load, evening()).expect("marks");
    let clock = FixedClock::at(evening());
    let detail = hardset::history::exercise_detail(&store, Formula::Epley, &clock, "Lat pulldown").expect("reads");
    assert_eq!(detail.weeks.iter().map(|w| w.deload).collect::<Vec<_>>(), [false, true, false]);
    let (best, holder) = detail.records.best_e1rm.clone().expect("a record");
    assert_eq!(holder.entry.weight.load.to_string(), "65", "the 70 kg deload-week set is no record");
    assert!((best - 65.0 * (1.0 + 11.0 / 30.0)).abs() < 1e-9);
}

#[test]
fn weeks_pair_set_by_set_even_when_the_counts_differ() {
    let mut store = Store::in_memory().expect("store");
    let last = store
        .log_set(&new_session(), &working("Lat pulldown", 60.0, 10, 1), evening() - Duration::days(8), 120)
        .expect("logs");
    store
        .log_set(
            &SessionFor::Existing(last.session_id),
            &working("Lat pulldown", 60.0, 8, 1),
            evening() - Duration::days(8),
            120,
        )
        .expect("logs");
    let now = store.log_set(&new_session(), &working("Lat pulldown", 62.5, 9, 1), evening(), 120).expect("logs");
    for reps in [8, 7] {
        store
            .log_set(&SessionFor::Existing(now.session_id), &working("Lat pulldown", 62.5, reps, 1), evening(), 120)
            .expect("logs");
    }
    let clock = FixedClock::at(evening());
    let (_, exercises) =
        hardset::history::compare_weeks(&store, &clock, Formula::Epley, now.session_id).expect("reads");
    assert_eq!(exercises.len(), 1);
    let e = &exercises[0];
    assert_eq!((e.last_week.len(), e.this_week.len()), (2, 3), "the third set has nothing to pair with");
    // 62.5 x 9 @ 1 beats every set before it: a record, starred where it happened.
    assert_eq!(e.records, [now.id]);
    let (before, after) = e.best_e1rm;
    assert!(after.expect("this week") > before.expect("last week"));
}

//! The exercise detail charts more than the best e1RM: `c` turns it to the top weight and the
//! effective sets of each week, every chart naming its axes, deload weeks marked. The Week
//! screen's bars say what they count too.

mod common;

use common::*;
use hardset::clock::FixedClock;
use hardset::model::session::DeloadStyle;
use hardset::tui::driver::Driver;
use ratatui::crossterm::event::KeyCode;

/// Eight weeks of demo history with the week of 9 November a deload, the chest press's detail
/// open.
fn detail_with_a_deload() -> Driver<FixedClock> {
    let mut d = demo_driver(8);
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 11, 9).expect("a date");
    d.store.start_deload(monday, DeloadStyle::Volume, evening()).expect("a deload week");
    d.reload();
    press(&mut d, &[ch('i')]);
    d
}

#[test]
fn c_turns_the_chart_to_the_top_weight_and_the_effective_sets() {
    let mut d = detail_with_a_deload();
    let text = screen(&d, 80, 24);
    assert!(text.contains("best e1RM per week, 12 weeks") && text.contains("e1RM kg"), "{text}");
    assert!(text.contains("week of"), "the dates are the weeks': {text}");
    insta::assert_snapshot!("detail_e1rm_80x24", text);

    press(&mut d, &[ch('c')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Machine chest press: top weight per week, 12 weeks"), "{text}");
    assert!(text.contains("top kg") && text.contains("week of"), "{text}");
    // What is charted for the newest week is its heaviest working set, ramp-ups aside.
    let detail = &d.app.detail.as_ref().expect("open").detail;
    let newest = detail.weeks.last().expect("a week");
    let heaviest = detail
        .sets
        .iter()
        .filter(|s| s.entry.kind == hardset::model::session::SetKind::Working)
        .filter(|s| s.session_started_at >= newest.top.session_started_at - chrono::Duration::days(6))
        .map(|s| s.entry.weight.load.hundredths())
        .max()
        .expect("a working set");
    assert!((newest.top_weight() - heaviest as f64 / 100.0).abs() < 1e-9, "{newest:?}");
    insta::assert_snapshot!("detail_top_weight_80x24", text);

    press(&mut d, &[ch('c')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Machine chest press: effective sets per week, 12 weeks"), "{text}");
    assert!(text.contains("sets") && text.contains("week of"), "{text}");
    insta::assert_snapshot!("detail_effective_sets_80x24", text);

    // Round again to the e1RM; the chart chosen stays while the range changes.
    press(&mut d, &[ch('c'), ch('c'), ch('r')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("top weight per week, 1 year"), "{text}");
}

#[test]
fn the_weeks_hold_the_charted_figures_and_the_deload_is_marked() {
    let d = detail_with_a_deload();
    let detail = &d.app.detail.as_ref().expect("open").detail;
    let deload = detail.weeks.iter().find(|w| w.deload).expect("the deload week is a point");
    assert_eq!(deload.monday.to_string(), "2026-11-09");
    // The demo's working sets are all hard ones: each is an effective set.
    for week in &detail.weeks {
        assert!(week.effective_sets > 0 && week.effective_sets <= week.working_sets, "{week:?}");
        assert!(week.top_weight() > 0.0);
    }
    let mut d = d;
    press(&mut d, &[ch('c'), ch('c')]);
    let text = screen(&d, 120, 40);
    assert!(text.contains("deload"), "the deload week is marked on the chart: {text}");
}

#[test]
fn the_week_bars_say_what_they_count() {
    let mut d = demo_driver(8);
    press(&mut d, &[ch('3')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Effective sets: working sets at RIR ≤3; target 6-10 a week, 2-3 sessions."), "{text}");
    // The bars' scale and the band's marks, and which weeks the small bars are.
    assert!(text.contains("0        | at 6, 10        12"), "{text}");
    assert!(text.contains("8 weeks: the weeks of 5 Oct to 23 Nov, oldest first"), "{text}");
    insta::assert_snapshot!("week_bars_80x24", text);
}

#[test]
fn the_help_and_footer_name_the_chart_key() {
    let mut d = detail_with_a_deload();
    press(&mut d, &[key(KeyCode::Down)]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("c chart"), "{text}");
}

#[test]
fn an_empty_range_names_the_reach_r_shows_next() {
    // History that ended 60 weeks ago: neither 12 weeks nor a year reach it.
    let then = evening() - chrono::Duration::weeks(60);
    let mut store = hardset::store::Store::in_memory().expect("store");
    hardset::demo::fill(&mut store, &example_plan(), &FixedClock::at(then), 4).expect("history");
    let mut d = driver_on(store, FixedClock::at(evening()));
    press(&mut d, &[ch('i')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("No working sets in the last 12 weeks") && text.contains("r shows 1 year."), "{text}");
    press(&mut d, &[ch('r')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("No working sets in the last year") && text.contains("shows all time."), "{text}");
    press(&mut d, &[ch('r')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("best e1RM per week, all time") && !text.contains("No working sets"), "{text}");
}

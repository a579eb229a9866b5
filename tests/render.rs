//! Render tests: snapshots of each screen at 80x24 and 120x40 on a fixed clock and a
//! deterministic demo log, styles that carry meaning, and every screen and overlay at every size
//! without a panic or a cell drawn outside its area.

mod common;

use chrono::Duration;
use common::*;
use hardset::clock::{Clock, FixedClock};
use hardset::model::session::SessionFor;
use hardset::store::Store;
use hardset::tui::driver::Driver;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snapshot_both(name: &str, driver: &Driver<FixedClock>) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(driver, w, h));
    }
}

/// Demo history, then two ramp-ups of the chest press logged and the working set half typed.
fn mid_session() -> Driver<FixedClock> {
    let mut d = demo_driver(8);
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), key(KeyCode::Enter)]);
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), key(KeyCode::Enter)]);
    d.clock.advance(Duration::seconds(20));
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), key(KeyCode::Enter)]);
    d
}

#[test]
fn today_on_a_new_log() {
    snapshot_both("today_new_log", &fresh_driver());
}

#[test]
fn today_mid_session_with_rest_running() {
    let d = mid_session();
    let text = screen(&d, 80, 24);
    assert!(text.contains("2/8 sets"), "{text}");
    assert!(text.contains("rest 0:40"), "{text}");
    assert!(text.contains("RIR"), "{text}");
    snapshot_both("today_mid_session", &d);
}

#[test]
fn the_form_shows_an_error_beside_the_field() {
    let mut d = mid_session();
    press(&mut d, &[key(KeyCode::Up), key(KeyCode::Up)]);
    type_text(&mut d, ".5.");
    press(&mut d, &[key(KeyCode::Enter)]);
    let buffer = render(&d, 80, 24);
    let text = text(&buffer);
    let message = format!("✗ '{}' is not a number", d.app.today_screen.form.weight);
    assert!(d.app.today_screen.form.weight.ends_with(".5."));
    assert!(text.contains(&message), "{text}");
    // The message is red: find its first cell.
    let (x, y) = find(&buffer, "✗").expect("error mark on screen");
    assert_eq!(buffer[(x, y)].fg, Color::Red);
    snapshot_both("form_error", &d);
}

#[test]
fn the_rest_timer_flashes_at_zero() {
    let mut d = mid_session();
    let (until, _) = d.app.rest().expect("rest running");
    let left = (until - d.clock.now()).num_seconds();
    d.clock.advance(Duration::seconds(left));
    d.tick();
    assert_eq!(d.bells, 1);
    let buffer = render(&d, 80, 24);
    assert!(text(&buffer).contains("Rest over at 18:01: go!"), "{}", text(&buffer));
    let (x, y) = find(&buffer, "Rest over").expect("on screen");
    assert_eq!(buffer[(x, y)].bg, Color::LightGreen, "the timer flashes");
}

#[test]
fn history_compares_last_week_with_this_week() {
    let mut d = demo_driver(8);
    press(&mut d, &[ch('2')]);
    let text = screen(&d, 80, 24);
    // It opens on this whole week beside the week before.
    assert!(text.contains("Whole week: 5 sessions"), "{text}");
    assert!(text.contains("Week of 23 Nov vs the week before"), "{text}");
    assert!(text.contains("set last week      this week      change"), "{text}");
    assert!(text.contains('▲') || text.contains('▼'), "changes are marked by more than colour: {text}");
    snapshot_both("history", &d);
    // The newest session (Saturday's day 5) beside the same exercises' last sessions of the week before.
    press(&mut d, &[key(KeyCode::Down)]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Sat 28 Nov vs the week before"), "{text}");
    assert!(text.contains("set Thu 19 Nov     Sat 28 Nov     change"), "{text}");
    snapshot_both("history_session", &d);
    // The session before: day 3, with two exercises; look at the second.
    press(&mut d, &[key(KeyCode::Down), key(KeyCode::Enter), key(KeyCode::Down)]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Lat pulldown"), "{text}");
    snapshot_both("history_second_exercise", &d);
}

#[test]
fn help_lists_the_keymap() {
    let mut d = fresh_driver();
    press(&mut d, &[ch('?')]);
    snapshot_both("help", &d);
    // Scrolled through, the overlay names every row the keymap gives it, keys and words.
    let mut seen = String::new();
    for _ in 0..hardset::keymap::help_line_count() {
        seen.push_str(&screen(&d, 120, 40));
        press(&mut d, &[key(KeyCode::Down)]);
    }
    for (context, rows) in hardset::keymap::Keymap::default().help_sections() {
        assert!(seen.contains(context.title()) || context == hardset::keymap::Context::Picker, "{context:?}");
        for (keys, words) in rows {
            assert!(seen.contains(&keys) && seen.contains(words), "help lacks {keys} {words}");
        }
    }
}

/// The overlay page by page at 80x24: each page is what a lifter reads after ↓ the height of
/// the box, down to the last row (the box stops scrolling there).
#[test]
fn help_reads_page_by_page_at_80x24() {
    let mut d = fresh_driver();
    press(&mut d, &[ch('?')]);
    let page = 20;
    let mut last = screen(&d, 80, 24);
    let mut n = 1;
    loop {
        for _ in 0..page {
            press(&mut d, &[key(KeyCode::Down)]);
        }
        let text = screen(&d, 80, 24);
        if text == last {
            break;
        }
        n += 1;
        insta::assert_snapshot!(format!("help_80x24_page_{n}"), text.clone());
        last = text;
    }
    assert!(n > 2 && n < 10, "{n} pages");
    // The last page ends with the overlay's own keys.
    assert!(last.contains("close help") && last.contains("Questions"), "{last}");
}

#[test]
fn a_rest_day_says_so() {
    let clock = FixedClock::at(evening());
    let mut store = Store::in_memory().expect("store");
    let session = SessionFor::New { day_name: "Day 3: incline and pulldown".into(), day_index: Some(2) };
    let set = hardset::model::session::SetEntry {
        exercise: "Lat pulldown".into(),
        kind: hardset::model::session::SetKind::Working,
        weight: hardset::model::units::Weight::new(
            hardset::model::units::Load::from_hundredths(6000),
            hardset::model::units::Unit::Kg,
        ),
        reps: 10,
        rir: hardset::model::units::Rir::whole(1),
        form_broke: false,
        note: String::new(),
        ..Default::default()
    };
    store.log_set(&session, &set, evening() - Duration::days(1), 150).expect("logs");
    let d = driver_on(store, clock);
    snapshot_both("rest_day", &d);
}

#[test]
fn too_small_says_so() {
    let d = fresh_driver();
    let text = screen(&d, 50, 12);
    assert!(text.contains("Terminal too small") && text.contains("50x12") && text.contains("60x16"), "{text}");
}

fn find(buffer: &ratatui::buffer::Buffer, needle: &str) -> Option<(u16, u16)> {
    let first = needle.chars().next()?.to_string();
    let area = buffer.area;
    for y in 0..area.height {
        let row: String = (0..area.width).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        if let Some(byte) = row.find(needle) {
            let col = row[..byte].chars().count() as u16;
            if buffer[(col, y)].symbol() == first {
                return Some((col, y));
            }
        }
    }
    None
}

#[test]
fn a_finished_session_says_so_above_its_sets() {
    let mut d = mid_session();
    press(&mut d, &[key(KeyCode::Esc), ch('E')]);
    // The session summary first; once it is closed, the list.
    assert!(matches!(d.app.popup, Some(hardset::tui::popups::Popup::Summary(..))));
    press(&mut d, &[key(KeyCode::Enter)]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Finished at 18:00. More sets reopen it."), "{text}");
    assert!(text.contains("[x] ramp-up 1"), "the finished session's sets still show:\n{text}");
    snapshot_both("today_finished", &d);
}

#[test]
fn the_week_pane_shows_each_muscle_against_its_band() {
    let mut d = demo_driver(8);
    press(&mut d, &[ch('3')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Week 2026-W48"), "{text}");
    assert!(text.contains("target 6-10 a week"), "{text}");
    snapshot_both("week", &d);
    press(&mut d, &[key(KeyCode::Left)]);
    assert!(screen(&d, 80, 24).contains("Week 2026-W47"));
}

#[test]
fn warnings_are_pinned_above_the_checklist() {
    let mut d = demo_driver(2);
    let plan = example_plan();
    let sets = ["60x10@0".to_string(), "60x9@0".to_string(), "60x8@0".to_string()];
    let entries = hardset::cli::parse_log(&plan, "Machine chest press", &sets, false, None).expect("valid");
    let clock = d.clock.clone();
    hardset::cli::log_sets(&mut d.store, &plan, &test_settings(), &clock, &entries, &mut Vec::new()).expect("logs");
    d.reload();
    let buffer = render(&d, 80, 24);
    let (x, y) = find(&buffer, "! 3 sets of Machine chest press").expect("warning on screen");
    assert_eq!(buffer[(x, y)].fg, Color::Yellow, "warnings look like warnings");
    snapshot_both("warnings", &d);
}

#[test]
fn the_exercise_detail_charts_the_trend_and_lists_records_and_sets() {
    let mut d = demo_driver(8);
    press(&mut d, &[ch('i')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Machine chest press: best e1RM per week, 12 weeks"), "{text}");
    assert!(text.contains("★ e1RM"), "the best e1RM is named: {text}");
    let total = d.app.detail.as_ref().map(|v| v.detail.sets.len()).expect("detail open");
    // Every row that fits is shown: at 80x24 the list has room for 8.
    assert!(text.contains(&format!("Sets 1-8 of {total}")), "{text}");
    snapshot_both("exercise_detail", &d);
    press(&mut d, &[ch('r'), key(KeyCode::Down)]);
    let text = screen(&d, 80, 24);
    // A key moves 5 rows, fewer than fit, so no set is ever skipped.
    assert!(text.contains("1 year") && text.contains(&format!("Sets 6-13 of {total}")), "{text}");
    press(&mut d, &[key(KeyCode::Esc)]);
    assert_eq!(d.app.screen, hardset::tui::screens::Screen::Today, "Esc goes back where it came from");
    // From History: Enter on an exercise of the comparison.
    press(&mut d, &[ch('2'), key(KeyCode::Enter), key(KeyCode::Enter)]);
    assert_eq!(d.app.screen, hardset::tui::screens::Screen::Exercise);
    press(&mut d, &[key(KeyCode::Esc)]);
    assert_eq!(d.app.screen, hardset::tui::screens::Screen::History);
}

#[test]
fn an_exercise_trained_long_ago_says_where_its_trend_is() {
    // History that ended 30 weeks ago, as an import from another app may.
    let then = common::evening() - chrono::Duration::weeks(30);
    let mut store = hardset::store::Store::in_memory().expect("store");
    hardset::demo::fill(&mut store, &common::example_plan(), &FixedClock::at(then), 8).expect("history");
    let mut d = common::driver_on(store, FixedClock::at(common::evening()));
    press(&mut d, &[ch('i')]);
    let text = screen(&d, 120, 40);
    assert!(text.contains("No working sets in the last 12 weeks: the last were in the week of"), "{text}");
    assert!(text.contains("r shows 1 year."), "r names the reach it shows next: {text}");
    press(&mut d, &[ch('r')]);
    let text = screen(&d, 120, 40);
    assert!(text.contains("best e1RM per week, 1 year") && !text.contains("No working sets"), "{text}");
}

#[test]
fn the_week_pane_scrolls_to_what_does_not_fit() {
    let mut d = demo_driver(8);
    press(&mut d, &[ch('3')]);
    assert!(!screen(&d, 80, 24).contains("motivation"), "at 80x24 the check-ins start below the fold");
    for _ in 0..10 {
        press(&mut d, &[key(KeyCode::Down)]);
    }
    let text = screen(&d, 80, 24);
    assert!(text.contains("motivation") && text.contains("avg"), "scrolled down to them: {text}");
}

#[test]
fn a_remapped_key_is_what_the_footer_and_help_show_and_what_works() {
    let mut settings = hardset::config::Settings::parse("[keys]\nskip_exercise = \"z\"\nquit = \"Q\"\n", "config.toml")
        .expect("valid");
    settings.checkin.ask = false;
    let mut d = Driver::new(
        hardset::tui::app::App::new(example_plan(), settings),
        Store::in_memory().expect("store"),
        FixedClock::at(evening()),
    );
    let today = screen(&d, 120, 40);
    assert!(today.contains("z skip exercise") && today.contains("Q quit"), "{today}");
    assert!(!today.contains("x skip exercise"), "{today}");
    // The old key does nothing now; the new one skips.
    press(&mut d, &[ch('x')]);
    assert!(!screen(&d, 120, 40).contains("skipped"), "x no longer skips");
    press(&mut d, &[ch('z')]);
    assert!(screen(&d, 120, 40).contains("skipped"), "{}", screen(&d, 120, 40));
    press(&mut d, &[ch('?')]);
    let mut seen = String::new();
    for _ in 0..d.app.keymap.help_line_count() {
        seen.push_str(&screen(&d, 120, 40));
        press(&mut d, &[key(KeyCode::Down)]);
    }
    let row = format!("  {:<18}  skip exercise", "z");
    assert!(seen.contains(&row), "{seen}");
}

#[test]
fn a_moved_help_key_opens_and_closes_help_and_the_overlay_says_so() {
    let mut d = fresh_driver();
    d.app.keymap = hardset::keymap::Keymap::with_overrides([("help", "H")]).expect("no clash");
    press(&mut d, &[ch('H')]);
    let text = screen(&d, 120, 40);
    assert!(text.contains("Keys (↑↓ scroll, H or Esc close)"), "{text}");
    press(&mut d, &[ch('H')]);
    assert!(d.app.popup.is_none(), "the key that opened help closes it");
}

#[test]
fn key_names_written_into_text_follow_a_remap() {
    let moved = || {
        hardset::keymap::Keymap::with_overrides([
            ("form_broke", "b"),
            ("end_session", "F"),
            ("deload", "z"),
            ("go_to_date", "G"),
            ("mark_day_done", "M"),
            ("previous_day", "<"),
            ("next_day", ">"),
            ("show_week", "W"),
        ])
        .expect("no clash")
    };
    // The set form's "form broke" line.
    let mut d = mid_session();
    d.app.keymap = moved();
    let text = screen(&d, 120, 40);
    assert!(text.contains("form held (b)") && !text.contains("(f)"), "{text}");
    // Marking a training day done points at the key that finishes it.
    press(&mut d, &[key(KeyCode::Esc), ch('M')]);
    assert!(screen(&d, 120, 40).contains("its sets are: F finishes the session"), "{}", screen(&d, 120, 40));
    // A deload week says which key ends it, when started and while it runs.
    let mut d = demo_driver(3);
    d.app.keymap = moved();
    press(&mut d, &[ch('z')]);
    let text = screen(&d, 120, 40);
    assert!(text.contains("reps in reserve. z ends it.") && text.contains("RIR 3+ (z ends)"), "{text}");
    // An empty history week names the go-to-date key.
    let mut d = fresh_driver();
    d.app.keymap = moved();
    press(&mut d, &[ch('2')]);
    assert!(screen(&d, 120, 40).contains("←→ other weeks, G a date."), "{}", screen(&d, 120, 40));
    // A rest day names the keys that mark it done and pick another day.
    let clock = FixedClock::at(evening());
    let mut store = Store::in_memory().expect("store");
    let session = SessionFor::New { day_name: "Day 3: incline and pulldown".into(), day_index: Some(2) };
    store.log_set(&session, &working("Lat pulldown", 60.0, 10, 1), evening() - Duration::days(1), 150).expect("logs");
    let mut d = driver_on(store, clock);
    d.app.keymap = moved();
    let text = screen(&d, 120, 40);
    assert!(text.contains("M marks the day done.") && text.contains("< > picks another plan day."), "{text}");
}

#[test]
fn the_checklist_names_moved_keys_when_all_sets_are_done_and_when_warnings_overflow() {
    let moved =
        || hardset::keymap::Keymap::with_overrides([("end_session", "F"), ("show_week", "W")]).expect("no clash");
    // Every set of the day logged, RIR 0 throughout: done, with warnings to spare.
    let mut d = demo_driver(2);
    d.app.keymap = moved();
    let plan = example_plan();
    let today = d.app.today.clone().expect("today");
    let mut entries = Vec::new();
    for exercise in &today.exercises {
        for slot in &exercise.slots {
            let mut set = working(&exercise.planned.name, 40.0, 10, 0);
            set.kind = slot.kind;
            entries.push(set);
        }
    }
    // Two more to failure on each of the first two: a warning each.
    for exercise in today.exercises.iter().take(2) {
        entries.extend([working(&exercise.planned.name, 40.0, 9, 0), working(&exercise.planned.name, 40.0, 8, 0)]);
    }
    let clock = d.clock.clone();
    hardset::cli::log_sets(&mut d.store, &plan, &test_settings(), &clock, &entries, &mut Vec::new()).expect("logs");
    d.reload();
    let (done, total) = d.app.today.as_ref().expect("today").progress();
    assert_eq!(done, total);
    let text = screen(&d, 120, 40);
    assert!(text.contains("All sets done: F finishes the session."), "{text}");
    let text = screen(&d, 80, hardset::tui::app::MIN_HEIGHT);
    assert!(text.contains("! more warnings on the Week screen (W)"), "{text}");
}

/// Every screen and overlay, each in the state a lifter reaches it in (or, for the overlays a
/// set's history triggers, opened directly), with a name for failure messages.
fn every_state() -> Vec<(&'static str, Driver<FixedClock>)> {
    use hardset::tui::popups::{Guess, Popup, Question};
    let mut states = vec![("today, new log", fresh_driver())];
    let mut today = demo_driver(3);
    today.reload();
    states.push(("today, with history and warnings", today));
    states.push(("RIR picker and rest timer", mid_session()));
    let mut form = mid_session();
    press(&mut form, &[key(KeyCode::Up), key(KeyCode::Up)]);
    type_text(&mut form, "72.5.5");
    press(&mut form, &[key(KeyCode::Enter)]);
    states.push(("set form with an error", form));
    let mut flash = mid_session();
    flash.clock.advance(Duration::seconds(41));
    flash.tick();
    states.push(("rest over, flashing", flash));
    let mut summary = mid_session();
    press(&mut summary, &[key(KeyCode::Esc), ch('E')]);
    states.push(("session summary", summary));
    let mut finished = mid_session();
    press(&mut finished, &[key(KeyCode::Esc), ch('E'), key(KeyCode::Enter)]);
    states.push(("finished session", finished));
    let mut help = fresh_driver();
    press(&mut help, &[ch('?'), key(KeyCode::Down), key(KeyCode::Down)]);
    states.push(("help", help));
    let mut history = demo_driver(3);
    press(&mut history, &[ch('2')]);
    states.push(("history, week", history));
    let mut session = demo_driver(3);
    press(&mut session, &[ch('2'), key(KeyCode::Down), key(KeyCode::Enter)]);
    states.push(("history, session compared", session));
    let mut go_to = demo_driver(3);
    press(&mut go_to, &[ch('2'), ch('g')]);
    type_text(&mut go_to, "2026-13-45");
    press(&mut go_to, &[key(KeyCode::Enter)]);
    states.push(("go to date with an error", go_to));
    let mut detail = demo_driver(3);
    press(&mut detail, &[ch('i')]);
    states.push(("exercise detail", detail));
    let mut weeks = demo_driver(3);
    press(&mut weeks, &[ch('i'), ch('w')]);
    states.push(("exercise detail, weeks", weeks));
    let mut week = demo_driver(3);
    press(&mut week, &[ch('3')]);
    states.push(("week", week));
    let mut check_in = {
        let mut settings = test_settings();
        settings.checkin.ask = true;
        Driver::new(
            hardset::tui::app::App::new(example_plan(), settings),
            Store::in_memory().expect("store"),
            FixedClock::at(evening()),
        )
    };
    press(&mut check_in, &[key(KeyCode::Enter), ch('4')]);
    states.push(("check-in", check_in));
    let mut find = demo_driver(3);
    press(&mut find, &[ch('/')]);
    type_text(&mut find, "press");
    states.push(("find an exercise", find));
    let mut add = fresh_driver();
    press(&mut add, &[ch('a')]);
    states.push(("add an exercise", add));
    let mut create = fresh_driver();
    press(&mut create, &[ch('a')]);
    type_text(&mut create, "A very long name for an exercise of my own that no catalogue has heard of");
    states.push(("add picker offering to create", create));
    for enters in 1..=3 {
        let mut new = fresh_driver();
        press(&mut new, &[ch('a')]);
        type_text(&mut new, "A very long name for an exercise of my own that no catalogue has heard of");
        for _ in 0..enters {
            press(&mut new, &[key(KeyCode::Enter)]);
        }
        states.push(("new exercise", new));
    }
    let mut note = demo_driver(3);
    press(&mut note, &[ch('n')]);
    type_text(&mut note, "seat on 4, grip just outside the shoulders, lean back ten degrees, pull to the chest");
    states.push(("pinned note", note));
    let mut guess = mid_session();
    let set_id = guess.app.today.as_ref().and_then(|t| t.sets.last()).map_or(1, |s| s.id);
    guess.app.popup =
        Some(Popup::Guess(Guess { set_id, reps: 8, text: "8 2x".into(), error: Some("not a guess".into()) }));
    states.push(("RIR calibration", guess));
    let mut quit = mid_session();
    press(&mut quit, &[key(KeyCode::Up), key(KeyCode::Up), ch('7'), ch('q')]);
    states.push(("quit with unsaved text", quit));
    let mut delete = mid_session();
    press(&mut delete, &[key(KeyCode::Esc), ch('u')]);
    states.push(("delete the last set", delete));
    for question in [
        Question::TechnicalFailure {
            exercise: "Barbell bench press with a very long custom name indeed".into(),
            rir: "RIR 0".into(),
        },
        Question::DeloadFailure { rir: "RIR 0".into() },
        Question::DiscardForDay { forward: true },
    ] {
        let mut d = mid_session();
        d.app.popup = Some(Popup::Confirm(question));
        states.push(("a confirmation", d));
    }
    states
}

/// Draws with `draw` into `area` of a larger buffer filled with a marker, and returns the
/// cells outside `area` that changed.
fn writes_outside(area: ratatui::layout::Rect, draw: impl FnOnce(&mut ratatui::buffer::Buffer)) -> Vec<(u16, u16)> {
    use ratatui::buffer::{Buffer, Cell};
    use ratatui::layout::Rect;
    let whole = Rect { x: 0, y: 0, width: area.right() + 3, height: area.bottom() + 2 };
    let mut marker = Cell::new("¤");
    marker.set_fg(Color::Magenta).set_bg(Color::Cyan);
    let mut buffer = Buffer::filled(whole, marker.clone());
    draw(&mut buffer);
    // Only the cells outside: the rows above and below, and the columns either side.
    let mut changed = Vec::new();
    for y in 0..whole.height {
        let row_inside = y >= area.y && y < area.bottom();
        let columns: Vec<u16> = if row_inside {
            (0..area.x).chain(area.right()..whole.width).collect()
        } else {
            (0..whole.width).collect()
        };
        for x in columns {
            if buffer[(x, y)] != marker {
                changed.push((x, y));
            }
        }
    }
    changed
}

/// [`writes_outside`] for the whole screen of `d`.
fn screen_writes_outside(d: &Driver<FixedClock>, area: ratatui::layout::Rect) -> Vec<(u16, u16)> {
    use ratatui::widgets::Widget;
    let now = d.clock.now();
    let view = hardset::tui::view::View {
        app: &d.app,
        now,
        theme: hardset::tui::theme::Theme::new(true),
        offset: d.clock.offset_at(now),
    };
    writes_outside(area, |buffer| view.render(area, buffer))
}

fn stays_inside(states: &[(&str, Driver<FixedClock>)]) {
    let mut sizes: Vec<(u16, u16)> = (0..=60).flat_map(|w| (0..=30).map(move |h| (w, h))).collect();
    // Past the smallest size too, where every pane lays out in full.
    sizes.extend((61..=130).step_by(7).flat_map(|w| (16..=46).step_by(3).map(move |h| (w, h))));
    for (name, d) in states {
        for &(w, h) in &sizes {
            // Off the origin, so a draw that ignores the area's corner shows too.
            let area = ratatui::layout::Rect { x: 2, y: 1, width: w, height: h };
            let outside = screen_writes_outside(d, area);
            assert!(
                outside.is_empty(),
                "{name} at {w}x{h} wrote outside its area at {:?}",
                &outside[..outside.len().min(8)]
            );
        }
    }
}

/// Whether each state really is the one named: an overlay named is open, and only then.
fn check_names(states: &[(&str, Driver<FixedClock>)]) {
    for (name, d) in states {
        let overlay = [
            "help",
            "go to",
            "check-in",
            "find",
            "add",
            "calibration",
            "quit",
            "delete",
            "confirmation",
            "summary",
            "new exercise",
            "pinned note",
        ]
        .iter()
        .any(|o| name.contains(o));
        assert_eq!(d.app.popup.is_some(), overlay, "{name}: {:?}", d.app.popup);
    }
}

#[test]
fn every_screen_stays_inside_its_area_at_every_size() {
    let states: Vec<_> = every_state().into_iter().filter(|(_, d)| d.app.popup.is_none()).collect();
    assert!(states.len() >= 11, "every screen is covered");
    check_names(&states);
    stays_inside(&states);
}

#[test]
fn every_overlay_stays_inside_its_area_at_every_size() {
    let states: Vec<_> = every_state().into_iter().filter(|(_, d)| d.app.popup.is_some()).collect();
    assert!(states.len() >= 11, "every overlay is covered");
    check_names(&states);
    stays_inside(&states);
}

#[test]
fn the_outside_check_sees_a_stray_write() {
    // A check that could never fail proves nothing: one cell drawn past the area's right edge,
    // and one drawn at the buffer's origin instead of the area's, are both caught.
    use ratatui::layout::Rect;
    let area = Rect { x: 2, y: 1, width: 10, height: 4 };
    let draw_at = |x: u16, y: u16| {
        move |b: &mut ratatui::buffer::Buffer| {
            b[(x, y)].set_symbol("x");
        }
    };
    assert!(writes_outside(area, draw_at(area.right() - 1, area.bottom() - 1)).is_empty());
    assert_eq!(writes_outside(area, draw_at(area.right(), 2)), vec![(area.right(), 2)]);
    assert_eq!(writes_outside(area, draw_at(0, 0)), vec![(0, 0)]);
    assert!(screen_writes_outside(&fresh_driver(), Rect { x: 2, y: 1, width: 80, height: 24 }).is_empty());
}

/// [`mid_session`] for a lifter who reads effort as RPE.
fn mid_session_in_rpe() -> Driver<FixedClock> {
    let clock = FixedClock::at(evening());
    let mut store = Store::in_memory().expect("in-memory store");
    hardset::demo::fill(&mut store, &example_plan(), &clock, 8).expect("demo history");
    let mut settings = test_settings();
    settings.entry.effort = hardset::model::units::Effort::Rpe;
    let mut d = Driver::new(hardset::tui::app::App::new(example_plan(), settings), store, clock);
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), key(KeyCode::Enter)]);
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), key(KeyCode::Enter)]);
    d.clock.advance(Duration::seconds(20));
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), key(KeyCode::Enter)]);
    d
}

#[test]
fn a_lifter_who_reads_rpe_sees_one_scale_in_the_form_today_and_history() {
    let mut d = mid_session_in_rpe();
    let text = screen(&d, 80, 24);
    println!("{text}");
    assert!(text.contains("RPE      5  6  7  8  9  10"), "the picker offers RPE: {text}");
    assert!(text.contains("last time 65 kg x 10 @ 10"), "last time in RPE, as the form's Last line: {text}");
    assert!(text.contains("Last: 65 kg x 10 @ 10"), "{text}");
    assert!(!text.contains("@ 0"), "no set is written in RIR beside RPE: {text}");
    snapshot_both("rpe_form", &d);
    let wide = screen(&d, 120, 40);
    assert!(wide.contains("←→ RPE -/+ ½"), "the picker keys speak RPE too: {wide}");
    // RPE 8 typed and saved is stored as 2 reps in reserve.
    type_text(&mut d, "8");
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), key(KeyCode::Enter)]);
    let today = d.app.today.as_ref().expect("today");
    let saved: Vec<_> =
        today.sets.iter().filter(|s| s.entry.kind == hardset::model::session::SetKind::Working).collect();
    assert_eq!(saved.len(), 1, "{}", screen(&d, 80, 24));
    assert_eq!(saved[0].entry.rir.map(hardset::model::units::Rir::halves), Some(4), "RPE 8 is RIR 2");
    let text = screen(&d, 80, 24);
    assert!(text.contains("70 kg x 6 @ 8"), "{text}");
    press(&mut d, &[key(KeyCode::Esc), ch('2')]);
    let text = screen(&d, 120, 40);
    assert!(text.contains("Whole week: 6 sessions"), "{text}");
    assert!(!text.contains(" @0 ") && !text.contains(" @1 "), "History's sets are in RPE: {text}");
    snapshot_both("rpe_history", &d);
}

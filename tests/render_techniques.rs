//! Render snapshots of set techniques at 80x24 and 120x40: the drop set's form, and a drop set
//! shown under its working set on Today, in History and in the exercise detail.

mod common;

use common::*;
use hardset::clock::FixedClock;
use hardset::model::session::SetKind;
use hardset::tui::driver::Driver;
use hardset::tui::popups::Popup;
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snapshot_both(name: &str, driver: &Driver<FixedClock>) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(driver, w, h));
    }
}

/// Demo history, then the chest press's working set logged as suggested at RIR 0.
fn after_a_working_set() -> Driver<FixedClock> {
    let mut d = demo_driver(8);
    let slots = d.app.today.as_ref().expect("today").exercises[0].slots.clone();
    let set = slots.iter().position(|s| s.kind == SetKind::Working).expect("a working set");
    d.app.today_screen.cursor = Some((0, set));
    press(&mut d, &[key(KeyCode::Enter), key(KeyCode::Enter), key(KeyCode::Enter), ch('0'), key(KeyCode::Enter)]);
    if matches!(d.app.popup, Some(Popup::Guess(_))) {
        press(&mut d, &[key(KeyCode::Esc)]);
    }
    d
}

#[test]
fn the_drop_set_form_and_the_drop_set_under_its_working_set() {
    let mut d = after_a_working_set();
    press(&mut d, &[ch('t')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("Machine chest press · drop set"), "{text}");
    assert!(text.contains("After: "), "{text}");
    // Here ←→ pick the technique, and the footer says so, not the RIR's words.
    let footer = text.lines().last().unwrap_or_default().to_string();
    assert!(footer.contains("←→ technique") && !footer.contains("RIR"), "{footer}");
    snapshot_both("technique_form", &d);
    press(&mut d, &[key(KeyCode::Right)]);
    snapshot_both("technique_form_rest_pause", &d);
    press(&mut d, &[key(KeyCode::Left), key(KeyCode::Enter)]);
    type_text(&mut d, "6");
    press(&mut d, &[key(KeyCode::Enter)]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("↳ drop"), "{text}");
    snapshot_both("today_drop_set", &d);
    press(&mut d, &[ch('2')]);
    let text = screen(&d, 120, 40);
    assert!(text.contains("↳ drop"), "{text}");
    snapshot_both("history_drop_set", &d);
    press(&mut d, &[ch('1')]);
    d.app.today_screen.cursor = Some((0, 0));
    press(&mut d, &[ch('i')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("↳ drop"), "{text}");
    snapshot_both("detail_drop_set", &d);
}

#[test]
fn a_drop_set_under_the_cursor_and_its_edit_form() {
    let mut d = after_a_working_set();
    press(&mut d, &[ch('t'), key(KeyCode::Enter)]);
    type_text(&mut d, "6");
    press(&mut d, &[key(KeyCode::Enter)]);
    let slots = d.app.today.as_ref().expect("today").exercises[0].slots.clone();
    let done = slots.iter().position(|s| s.logged.is_some() && s.kind == SetKind::Working).expect("done");
    d.app.today_screen.cursor = Some((0, done));
    // ↓ onto the drop set: the form beside it is the drop set's, to edit.
    press(&mut d, &[ch('j')]);
    let text = screen(&d, 80, 24);
    assert!(text.contains("▸               ↳ drop"), "{text}");
    assert!(text.contains("Machine chest p… · drop set · edit"), "the name is cut, not the edit:\n{text}");
    assert!(text.contains("Saved in place; no rest starts."), "{text}");
    snapshot_both("today_drop_set_selected", &d);
}

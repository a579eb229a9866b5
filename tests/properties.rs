//! Property tests: whatever is typed, the parsers never panic and accept only sane values; any
//! key sequence leaves the app consistent with its log.

mod common;

use common::*;
use hardset::model::units::{MAX_REPS, parse_load, parse_reps, parse_rir, parse_set};
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

proptest! {
    #[test]
    fn typed_numbers_are_finite_and_in_range(text in ".{0,16}") {
        if let Ok(load) = parse_load(&text) {
            prop_assert!(load.as_f64().is_finite() && (0.0..=1000.0).contains(&load.as_f64()));
        }
        if let Ok(reps) = parse_reps(&text) {
            prop_assert!(reps <= MAX_REPS);
        }
        if let Ok(rir) = parse_rir(&text) {
            prop_assert!(rir.as_f64() <= 10.0);
        }
        let _ = parse_set(&text);
    }

    #[test]
    fn plausible_numbers_round_trip(hundredths in 0i64..=100_000) {
        let text = format!("{}.{:02}", hundredths / 100, hundredths % 100);
        let load = parse_load(&text).expect("a plain decimal parses");
        prop_assert_eq!(load.hundredths(), hundredths);
        prop_assert_eq!(parse_load(&load.to_string()).map(hardset::model::units::Load::hundredths), Ok(hundredths));
    }
}

fn any_key() -> impl Strategy<Value = KeyEvent> {
    let special = prop_oneof![
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Backspace),
        Just(KeyCode::Delete),
    ];
    let chars = proptest::sample::select("0123456789.,xadumEsf+-[]?qjkhlyn12 é".chars().collect::<Vec<_>>())
        .prop_map(KeyCode::Char);
    prop_oneof![3 => special, 5 => chars].prop_map(key)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_keep_the_screen_consistent_with_the_log(keys in proptest::collection::vec(any_key(), 1..160), w in 0u16..130, h in 0u16..45) {
        let mut d = fresh_driver();
        for (i, k) in keys.iter().enumerate() {
            d.key(*k);
            if i % 16 == 0 {
                d.clock.advance(chrono::Duration::seconds(37));
                d.tick();
            }
            if d.app.quit {
                break;
            }
        }
        let _ = render(&d, w, h);
        if let Some(today) = &d.app.today {
            // Every set of the session on screen (running, or finished today) is on the checklist,
            // and only those are done.
            let (done, _) = today.progress();
            prop_assert_eq!(done, today.sets.len());
            let shown = today.session.as_ref().or(today.finished.as_ref());
            let in_store = shown.map_or(0, |s| d.store.session_sets(s.id).map_or(0, |v| v.len()));
            prop_assert_eq!(in_store, today.sets.len());
        }
    }
}

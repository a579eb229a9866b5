//! Property tests: whatever is typed, the parsers never panic and accept only sane values; any
//! key sequence leaves the app consistent with its log.

mod common;

use common::*;
use std::collections::BTreeMap;

use hardset::clock::FixedClock;
use hardset::model::session::{LoggedSet, SetEntry, SetKind};
use hardset::model::units::{MAX_REPS, Rir, Unit, parse_load, parse_reps, parse_rir, parse_set};
use hardset::tui::driver::Driver;
use hardset::tui::effect::Effect;
use hardset::tui::form::{Field, FormTarget, SetForm};
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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

// ---- 6. Bad numbers: whatever is typed for a weight, reps or RIR, only sane values get through.

/// Text shaped like numbers, so the accepting paths are reached as well as the refusing ones.
fn numberish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[0-9]{1,4}",
        2 => Just(".".to_string()),
        2 => Just(",".to_string()),
        1 => Just("-".to_string()),
        1 => Just("+".to_string()),
        1 => Just(" ".to_string()),
        1 => Just("e".to_string()),
        1 => Just("E".to_string()),
        1 => Just("_".to_string()),
        1 => prop::sample::select(vec!["nan", "NaN", "inf", "-inf", "infinity", "0x10", "½", "٣", "1e400", "5+"])
            .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|p| p.concat())
}

/// The ranges the log accepts: load 0..=1000 (hundredths), reps 0..=200, RIR 0..=10 in halves.
fn load_ok(load: hardset::model::units::Load) -> bool {
    load.as_f64().is_finite() && (0..=100_000).contains(&load.hundredths()) && (0.0..=1000.0).contains(&load.as_f64())
}

fn rir_ok(rir: Rir) -> bool {
    rir.halves() <= 20
        && rir.as_f64().is_finite()
        && (0.0..=10.0).contains(&rir.as_f64())
        && (rir.as_f64() * 2.0 - f64::from(rir.halves())).abs() < 1e-9
}

fn check_numbers(text: &str) -> Result<(), TestCaseError> {
    if let Ok(load) = parse_load(text) {
        prop_assert!(load_ok(load), "{text:?} gave load {load:?}");
        // What is accepted reads back the same.
        prop_assert_eq!(parse_load(&load.to_string()), Ok(load));
    }
    if let Ok(reps) = parse_reps(text) {
        prop_assert!(reps <= MAX_REPS, "{text:?} gave {reps} reps");
    }
    if let Ok(rir) = parse_rir(text) {
        prop_assert!(rir_ok(rir), "{text:?} gave RIR {rir:?}");
        prop_assert_eq!(parse_rir(&rir.to_string()), Ok(rir));
    }
    for set in [text.to_string(), format!("{text}x8"), format!("80x{text}"), format!("80x8@{text}")] {
        if let Ok((load, reps, rir)) = parse_set(&set) {
            prop_assert!(load_ok(load) && reps <= MAX_REPS && rir.is_none_or(rir_ok), "{set:?}");
        }
    }
    Ok(())
}

fn form_for(kind: SetKind) -> SetForm {
    let target = FormTarget {
        exercise: "Lat pulldown".into(),
        kind,
        number: 1,
        unit: Unit::Kg,
        editing: None,
        rest_seconds: 150,
    };
    SetForm::filled(target, "60".into(), "10".into(), String::new(), false, String::new())
}

/// The form's set, if it gives one, is in range; if not, an error sits beside a field.
fn check_form(form: &mut SetForm) -> Result<Option<SetEntry>, TestCaseError> {
    let entry = form.entry();
    match &entry {
        Some(e) => {
            prop_assert!(load_ok(e.weight.load), "{:?} gave {:?}", form.weight, e.weight);
            prop_assert!(e.reps <= MAX_REPS, "{:?} gave {} reps", form.reps, e.reps);
            prop_assert!(e.rir.is_none_or(rir_ok), "{:?} gave {:?}", form.rir, e.rir);
            prop_assert!(e.kind != SetKind::Working || e.rir.is_some(), "a working set has its RIR");
            prop_assert!(form.errors.is_empty());
        }
        None => {
            prop_assert!(form.errors.iter().any(|(_, m)| !m.trim().is_empty()), "a refused form says why: {:?}", form);
        }
    }
    Ok(entry)
}

#[test]
fn fixed_bad_numbers_are_refused_and_good_ones_kept() {
    for bad in [
        "nan", "NaN", "inf", "-inf", "infinity", "1e400", "1e3", "-5", "-0.5", "", " ", "99999", "1000.01", "0x10",
        "½", "1.2.3", ".", ",", "+-1",
    ] {
        assert!(parse_load(bad).is_err(), "load {bad:?} should be refused");
    }
    for bad in ["nan", "inf", "1e400", "-5", "", "201", "99999", "8.5", "1e2"] {
        assert!(parse_reps(bad).is_err(), "reps {bad:?} should be refused");
    }
    for bad in ["nan", "inf", "1e400", "-5", "-0.5", "", "10.5", "11", "99999", "0.3", "1e1"] {
        assert!(parse_rir(bad).is_err(), "RIR {bad:?} should be refused");
    }
    let load = |t: &str| parse_load(t).map(hardset::model::units::Load::hundredths);
    assert_eq!(load(" 72.5 "), Ok(7250));
    assert_eq!(load("72,5"), Ok(7250));
    assert_eq!(load("0"), Ok(0));
    assert_eq!(load("1000"), Ok(100_000));
    assert_eq!(parse_reps("0"), Ok(0));
    assert_eq!(parse_reps("200"), Ok(200));
    assert_eq!(parse_rir("10").map(Rir::halves), Ok(20));
    assert_eq!(parse_rir("0").map(Rir::halves), Ok(0));
    assert_eq!(parse_rir(" 1,5 ").map(Rir::halves), Ok(3));
    // The form refuses the same and keeps the text with an error beside it.
    for (field, bad) in [(Field::Weight, "99999"), (Field::Weight, "72.5.5"), (Field::Reps, "999"), (Field::Rir, "11")]
    {
        let mut form = form_for(SetKind::Working);
        form.rir = "1".into();
        form.field = Some(field);
        for c in bad.chars() {
            form.type_char(c);
        }
        assert!(form.entry().is_none(), "{field:?} {bad:?} should be refused");
        assert!(form.error(field).is_some(), "{field:?} {bad:?}: {:?}", form.errors);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn number_shaped_text_is_finite_and_in_range(text in numberish()) {
        check_numbers(&text)?;
    }

    #[test]
    fn any_text_for_a_number_is_finite_and_in_range(text in ".{0,24}") {
        check_numbers(&text)?;
    }

    #[test]
    fn the_form_gives_only_sets_in_range(
        weight in numberish(), reps in numberish(), rir in numberish(), working in any::<bool>()
    ) {
        let mut form = form_for(if working { SetKind::Working } else { SetKind::RampUp });
        form.weight = weight;
        form.reps = reps;
        form.rir = rir;
        check_form(&mut form)?;
    }
}

/// What a lifter can do to the form with the keys.
#[derive(Debug, Clone)]
enum FormOp {
    Type(char),
    Backspace,
    Move(bool),
    Nudge(bool),
    Pick(u8),
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn typing_into_the_form_gives_only_sets_in_range(
        ops in prop::collection::vec(prop_oneof![
            6 => prop::sample::select("0123456789.,-e+ x".chars().collect::<Vec<_>>()).prop_map(FormOp::Type),
            1 => Just(FormOp::Backspace),
            2 => any::<bool>().prop_map(FormOp::Move),
            1 => any::<bool>().prop_map(FormOp::Nudge),
            1 => (0u8..=9).prop_map(FormOp::Pick),
        ], 0..40),
        working in any::<bool>(),
    ) {
        let mut form = form_for(if working { SetKind::Working } else { SetKind::RampUp });
        for op in ops {
            match op {
                // As the app does: only characters the focused field takes are typed.
                FormOp::Type(c) if form.focused().accepts(c) => form.type_char(c),
                FormOp::Type(_) => {}
                FormOp::Backspace => form.backspace(),
                FormOp::Move(forward) => form.move_field(forward),
                FormOp::Nudge(up) => form.nudge_rir(up),
                FormOp::Pick(digit) => form.pick_rir(digit),
            }
            prop_assert!(form.weight.chars().count() <= 12 && form.reps.chars().count() <= 12);
        }
        check_form(&mut form)?;
    }
}

// ---- 5. Random keys and resizes: the log changes only through the saves, edits and deletes the
// lifter made, and the header's count of sets done matches the log.

/// A step of a random session: a key, a terminal resize (a redraw at a new size), or time passing.
#[derive(Debug, Clone)]
enum Step {
    Key(KeyEvent),
    Resize(u16, u16),
    Wait(i64),
}

fn wide_key() -> impl Strategy<Value = KeyEvent> {
    let special = prop::sample::select(vec![
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::F(1),
    ]);
    // Every key the default keymap uses, digits for the form and the pickers, and some others.
    let chars = prop::sample::select("0123456789.,xadumEDsfirwgt/+-=_[]?jkhlyYnN12345 éZ@".chars().collect::<Vec<_>>())
        .prop_map(KeyCode::Char);
    prop_oneof![
        3 => Just(KeyCode::Enter).prop_map(key),
        3 => special.prop_map(key),
        8 => chars.prop_map(key),
        1 => prop::sample::select(vec!['c', 'x', 'q', 'z']).prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        20 => wide_key().prop_map(Step::Key),
        // Half the resizes leave room for the app; the others may be too small for it.
        1 => (60u16..140, 16u16..50).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => (0u16..140, 0u16..50).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => prop::sample::select(vec![5i64, 30, 90, 200, 400]).prop_map(Step::Wait),
    ]
}

/// Cases for the random-key runs: `PROPTEST_CASES` asks for a longer run than the default.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn all_sets(d: &Driver<FixedClock>) -> BTreeMap<i64, LoggedSet> {
    let mut sets = BTreeMap::new();
    d.store
        .for_each_set(|s| {
            sets.insert(s.id, s.clone());
            Ok(())
        })
        .expect("reads the log");
    sets
}

/// The sets done in the session Today shows, counted in the log.
fn done_in_log(d: &Driver<FixedClock>) -> Option<usize> {
    let today = d.app.today.as_ref()?;
    let shown = today.session.as_ref().or(today.finished.as_ref());
    // A drop set or a right side is shown under its set and fills no row of its own.
    let rows = |id| {
        let sets = d.store.session_sets(id).expect("reads the session");
        (0..sets.len()).filter(|&i| !hardset::training::techniques::shown_under(&sets, i)).count()
    };
    Some(shown.map_or(0, |s| rows(s.id)))
}

/// Presses one key as the event loop does, and checks the log changed only as the key's
/// effects said: each save adds its set, each edit replaces its set, each delete removes its
/// set, and only Enter or a confirming y can make them.
fn press_checked(
    d: &mut Driver<FixedClock>,
    before: &mut BTreeMap<i64, LoggedSet>,
    k: KeyEvent,
) -> Result<(), TestCaseError> {
    use hardset::clock::Clock;
    let now = d.clock.now();
    let effects = d.app.handle_key(k, now);
    let writes: Vec<&Effect> = effects
        .iter()
        .filter(|e| matches!(e, Effect::Log { .. } | Effect::Update { .. } | Effect::Delete { .. }))
        .collect();
    let writing_key = matches!(k.code, KeyCode::Enter | KeyCode::Char('y' | 'Y')) && k.modifiers == KeyModifiers::NONE;
    prop_assert!(writes.is_empty() || writing_key, "{k:?} wrote to the log: {writes:?}");
    let mut expected = before.clone();
    let mut logged = Vec::new();
    for effect in &writes {
        match effect {
            Effect::Log { entry, .. } => logged.push(entry.clone()),
            Effect::Update { id, entry } => {
                if let Some(set) = expected.get_mut(id) {
                    set.entry = entry.clone();
                }
            }
            Effect::Delete { id, .. } => {
                expected.remove(id);
            }
            _ => {}
        }
    }
    d.run(effects);
    let after = all_sets(d);
    // The new sets are exactly the saved ones; every other set is as expected.
    let new: Vec<SetEntry> =
        after.iter().filter(|(id, _)| !before.contains_key(id)).map(|(_, s)| s.entry.clone()).collect();
    let old: BTreeMap<i64, LoggedSet> =
        after.iter().filter(|(id, _)| before.contains_key(id)).map(|(&id, s)| (id, s.clone())).collect();
    // A save the store refused adds nothing, and its form keeps the text: allow fewer, never others.
    for entry in &new {
        prop_assert!(logged.contains(entry), "{k:?} added a set nobody saved: {entry:?}");
    }
    prop_assert!(new.len() <= logged.len());
    prop_assert_eq!(old, expected, "{:?} changed sets it did not edit or delete", k);
    *before = after;
    Ok(())
}

fn header_matches_log(d: &Driver<FixedClock>, w: u16, h: u16) -> Result<(), TestCaseError> {
    let screen = screen(d, w, h);
    let Some(today) = &d.app.today else { return Ok(()) };
    let (done, total) = today.progress();
    let in_log = done_in_log(d).unwrap_or(0);
    prop_assert_eq!(done, in_log, "the checklist's done count is the log's");
    prop_assert!(done <= total);
    if w >= hardset::tui::app::MIN_WIDTH && h >= hardset::tui::app::MIN_HEIGHT && total > 0 {
        let header = screen.lines().next().unwrap_or("");
        let shown = format!("{in_log}/{total} sets");
        prop_assert!(header.contains(&shown), "the header shows {} at {}x{}: {}", shown, w, h, header);
    }
    Ok(())
}

fn run_steps(mut d: Driver<FixedClock>, steps: &[Step]) -> Result<(), TestCaseError> {
    let (mut w, mut h) = (80, 24);
    let mut sets = all_sets(&d);
    for step in steps {
        match *step {
            Step::Key(k) => {
                let hidden = d.app.too_small();
                let before = sets.clone();
                press_checked(&mut d, &mut sets, k)?;
                // Behind "terminal too small" a key quits or does nothing.
                prop_assert!(!hidden || sets == before, "{:?} changed the log behind \"terminal too small\"", k);
            }
            Step::Resize(nw, nh) => {
                (w, h) = (nw, nh);
                d.resize(w, h);
            }
            Step::Wait(seconds) => {
                d.clock.advance(chrono::Duration::seconds(seconds));
                d.tick();
                prop_assert_eq!(&all_sets(&d), &sets, "time passing changed the log");
            }
        }
        if d.app.quit {
            break;
        }
        if let Some(in_log) = done_in_log(&d) {
            let (done, _) = d.app.today.as_ref().expect("today").progress();
            prop_assert_eq!(done, in_log, "after {:?}", step);
        }
        if matches!(step, Step::Resize(..)) {
            header_matches_log(&d, w, h)?;
        }
    }
    header_matches_log(&d, w, h)?;
    header_matches_log(&d, 80, 24)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(200), ..ProptestConfig::default() })]

    #[test]
    fn random_keys_on_a_new_log_change_it_only_by_saves_edits_and_deletes(
        steps in prop::collection::vec(step(), 1..100)
    ) {
        run_steps(fresh_driver(), &steps)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(80), ..ProptestConfig::default() })]

    #[test]
    fn random_keys_on_a_log_with_history_change_it_only_by_saves_edits_and_deletes(
        steps in prop::collection::vec(step(), 1..100)
    ) {
        run_steps(demo_driver(1), &steps)?;
    }
}

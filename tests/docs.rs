//! The docs keep up with the keymap: every key's words appear in docs/keys.md.

use hardset::keymap::BINDINGS;

#[test]
fn every_binding_is_documented() {
    let keys =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md")).expect("docs/keys.md exists");
    let missing: Vec<&str> = BINDINGS.iter().map(|b| b.help).filter(|help| !keys.contains(help)).collect();
    assert!(missing.is_empty(), "docs/keys.md does not mention: {missing:?}");
}

#[test]
fn the_readme_has_the_two_set_up_commands() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md exists");
    assert!(readme.contains("cargo run --release\ncargo test\n"), "README set-up must be exactly the two commands");
}

/// A key the footer has no room for (Today's `t`, a drop set) is found in the help overlay and
/// in docs/keys.md: every key has a row in keys.md that names the key as the overlay does beside
/// the words the overlay shows, not only the words somewhere in the text.
#[test]
fn every_key_has_a_row_in_keys_md_naming_it_beside_its_words() {
    use hardset::keymap::key_name;
    let keys =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md")).expect("docs/keys.md exists");
    let rows: Vec<Vec<&str>> = keys
        .lines()
        .filter(|l| l.starts_with('|'))
        .map(|l| l.split('|').map(str::trim).collect::<Vec<_>>())
        .filter(|cells| cells.len() > 3)
        .collect();
    let missing: Vec<String> = BINDINGS
        .iter()
        .filter_map(|b| {
            let key = format!("`{}`", key_name(b.keys[0]));
            let found = rows.iter().any(|cells| cells[1].contains(&key) && cells[2] == b.help);
            (!found).then(|| format!("{key} {}", b.help))
        })
        .collect();
    assert!(missing.is_empty(), "docs/keys.md has no row naming these keys beside their words: {missing:?}");
}

mod common;

use hardset::keymap::{Binding, Context, Keymap, PAIRED_MOVES, key_name};

/// Whether a help row's keys name `key`: written out, or inside a run of digits (`1-5`).
fn row_names(row: &str, key: &str) -> bool {
    let in_run = |run: &str| {
        let Some((a, b)) = run.split_once('-') else { return false };
        matches!((a.parse::<u8>(), b.parse::<u8>(), key.parse::<u8>()), (Ok(a), Ok(b), Ok(k)) if a <= k && k <= b)
    };
    row == key
        || row
            .split(" or ")
            .flat_map(|g| g.split(", "))
            .any(|g| g == key || in_run(g) || g.split('/').any(|k| k == key))
}

/// The bindings of a context in the table's order.
fn of(context: Context) -> Vec<&'static Binding> {
    BINDINGS.iter().filter(|b| b.context == context).collect()
}

/// Every binding is in the help overlay, in its context's section: a row naming all its keys
/// beside its words, or, for the second of two moves that go together (`↓` after `↑`), in the
/// first's row. A key added to the table in a context the overlay leaves out, or a row that
/// drops a key, fails here.
#[test]
fn the_help_overlay_names_every_binding_with_its_keys_and_words() {
    let sections = Keymap::default().help_sections();
    let mut missing = Vec::new();
    for binding in BINDINGS {
        let Some((_, rows)) = sections.iter().find(|(c, _)| *c == binding.context) else {
            missing.push(format!("no section for {:?}", binding.context));
            continue;
        };
        let mine = of(binding.context);
        let at = mine.iter().position(|b| std::ptr::eq(*b, binding)).expect("its own context");
        let second_of_pair = at > 0 && PAIRED_MOVES.contains(&(mine[at - 1].action, binding.action));
        let words = if second_of_pair { mine[at - 1].help } else { binding.help };
        let names: Vec<String> = binding.keys.iter().map(|&k| key_name(k)).collect();
        let found = rows.iter().any(|(keys, w)| *w == words && names.iter().all(|n| row_names(keys, n)));
        if !found {
            missing.push(format!("{names:?} {words:?} in {:?}", binding.context));
        }
    }
    assert!(missing.is_empty(), "the help overlay lacks: {missing:?}");
    // And it has no row of its own: one per binding, a pair's two as one.
    let pairs = BINDINGS
        .windows(2)
        .filter(|w| w[0].context == w[1].context && PAIRED_MOVES.contains(&(w[0].action, w[1].action)))
        .count();
    let rows: usize = sections.iter().map(|(_, rows)| rows.len()).sum();
    assert_eq!(rows, BINDINGS.len() - pairs);
}

/// Every row of a keys table in docs/keys.md is a binding: its first key is the binding's first
/// key and its words are the binding's. A key that changes its words, or goes, without its row
/// following fails here (the test above it catches a key without a row).
#[test]
fn every_row_of_keys_md_is_a_binding_with_those_words() {
    let keys =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md")).expect("docs/keys.md exists");
    let mut in_keys_table = false;
    let mut stale = Vec::new();
    for line in keys.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if !line.trim_start().starts_with('|') || cells.len() < 4 {
            in_keys_table = false;
            continue;
        }
        if cells[1] == "Keys" {
            in_keys_table = true;
            continue;
        }
        if !in_keys_table || cells[1].starts_with('-') {
            continue;
        }
        let first = cells[1].split('`').nth(1).unwrap_or_default();
        let matches = BINDINGS.iter().any(|b| key_name(b.keys[0]) == first && b.help == cells[2]);
        if !matches {
            stale.push(format!("{} | {}", cells[1], cells[2]));
        }
    }
    assert!(stale.is_empty(), "rows of docs/keys.md that no binding has: {stale:?}");
}

/// What the footer shows on each screen, pane and popup is a binding of what has the keys
/// there: its label and its footer words, read off the screen.
#[test]
fn every_footer_item_is_a_binding_where_it_is_shown() {
    use common::*;
    use ratatui::crossterm::event::KeyCode;
    let mut settings = test_settings();
    settings.checkin.ask = true;
    let clock = hardset::clock::FixedClock::at(evening());
    let mut store = hardset::store::Store::in_memory().expect("store");
    hardset::demo::fill(&mut store, &example_plan(), &clock, 4).expect("demo");
    let mut d = hardset::tui::driver::Driver::new(hardset::tui::app::App::new(example_plan(), settings), store, clock);
    let steps: Vec<(&str, Vec<_>)> = vec![
        ("today", vec![]),
        ("check-in", vec![key(KeyCode::Enter)]),
        ("form", vec![key(KeyCode::Esc)]),
        ("checklist", vec![key(KeyCode::Esc)]),
        ("picker", vec![ch('a')]),
        ("detail", vec![key(KeyCode::Esc), ch('i')]),
        ("help", vec![ch('?')]),
        ("history", vec![ch('?'), ch('2')]),
        ("go to", vec![ch('g')]),
        ("comparison", vec![key(KeyCode::Esc), key(KeyCode::Enter)]),
        ("week", vec![ch('3')]),
    ];
    let mut seen = Vec::new();
    for (name, keys) in steps {
        press(&mut d, &keys);
        let text = screen(&d, 120, 40);
        let footer = text.lines().last().unwrap_or_default().trim().to_string();
        let contexts = d.app.contexts();
        let ours = |item: &str| {
            d.app
                .keymap
                .bindings()
                .iter()
                .any(|b| contexts.contains(&b.context) && item == format!("{} {}", b.label, b.short))
        };
        let strays: Vec<&str> = footer.split(" · ").filter(|item| !ours(item)).collect();
        assert!(strays.is_empty(), "{name}: {strays:?} are no binding of {contexts:?}: {footer}");
        seen.push(contexts[0]);
    }
    for context in [Context::Checklist, Context::Form, Context::CheckIn, Context::Picker, Context::Detail] {
        assert!(seen.contains(&context), "{context:?} was visited: {seen:?}");
    }
    for context in [Context::HelpOverlay, Context::Sessions, Context::GoTo, Context::Comparison, Context::Week] {
        assert!(seen.contains(&context), "{context:?} was visited: {seen:?}");
    }
}

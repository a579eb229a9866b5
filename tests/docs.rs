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

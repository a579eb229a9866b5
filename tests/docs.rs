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

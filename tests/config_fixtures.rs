//! Bad settings files, each refused at the line and column of its mistake with the message a
//! lifter reads. Every file in `tests/fixtures/config-invalid` opens with the expected error as
//! a comment, `# LINE:COLUMN: MESSAGE` (the message may stop early, before a long list):
//! adding a fixture is adding a file.

use std::path::{Path, PathBuf};

use hardset::config::Settings;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config-invalid")
}

/// The expectation on a fixture's first line: line, column and the start of the message.
fn expectation(text: &str) -> Option<(usize, usize, &str)> {
    let rest = text.lines().next()?.strip_prefix("# ")?;
    let (line, rest) = rest.split_once(':')?;
    let (column, message) = rest.split_once(": ")?;
    Some((line.parse().ok()?, column.parse().ok()?, message))
}

#[test]
fn invalid_settings_are_refused_at_the_line_and_column_of_the_mistake() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("the invalid fixtures folder")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    files.sort();
    assert!(files.len() >= 12, "{files:?}");
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("a fixture reads");
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let Some((line, column, message)) = expectation(&text) else {
            failures.push(format!("{name}: the first line is not `# LINE:COLUMN: MESSAGE`"));
            continue;
        };
        let shown = path.display().to_string();
        match Settings::parse(&text, &shown) {
            Ok(_) => failures.push(format!("{name}: accepted")),
            Err(error) => {
                if (error.line, error.column) != (line, column) || !error.message.starts_with(message) {
                    failures.push(format!("{name}: got {}:{}: {}", error.line, error.column, error.message));
                }
                // Shown as path:line:column: message, the form editors jump to.
                assert_eq!(error.to_string(), format!("{shown}:{}:{}: {}", error.line, error.column, error.message));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

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

#[test]
fn plates_bars_and_steps_in_hundredths_are_read_exactly() {
    use hardset::model::units::{Load, Unit};
    // 1.1, 2.2 and 0.57 have no exact binary form: times 100 they are 110.00000000000001,
    // 220.00000000000003 and 56.99999999999999, which a check in floating point calls "finer
    // than a hundredth". Read as the decimals they are written as, they are plain hundredths.
    let text = "[equipment]\nbar_kg = 15.55\nbar_lb = 33.3\nplates_kg = [1.1, 2.2, 0.57, 20]\n\
                plates_lb = [2.2, 1.1]\ndumbbell_step_kg = 1.1\nmachine_step_lb = 2.2\n";
    let settings = Settings::parse(text, "config.toml").unwrap_or_else(|e| panic!("refused: {e}"));
    let hundredths = |loads: &[Load]| loads.iter().map(|l| l.hundredths()).collect::<Vec<_>>();
    let kg = settings.equipment.bar(Unit::Kg);
    assert_eq!((kg.bar.hundredths(), hundredths(&kg.plates)), (1555, vec![110, 220, 57, 2000]));
    let lb = settings.equipment.bar(Unit::Lb);
    assert_eq!((lb.bar.hundredths(), hundredths(&lb.plates)), (3330, vec![220, 110]));
    assert_eq!(settings.equipment.dumbbell_step(Unit::Kg).hundredths(), 110);
    assert_eq!(settings.equipment.machine_step(Unit::Lb).hundredths(), 220);
}

//! Hevy's `dropset` and `failure` set types and Strong's `D` and `F` Set Order: a drop set of the
//! working set before it, and a set to failure (RIR 0 when no RPE says otherwise); written back
//! by the Hevy and Strong export layouts, so export, import, export gives the same file.

mod common;
#[path = "common/imports.rs"]
mod imports;

use common::import_fixture as fixture;

use common::export_text;

use std::path::{Path, PathBuf};

use hardset::export::Format;
use hardset::import::{Options, Report};
use hardset::model::session::{LoggedSet, Technique};
use hardset::store::Store;

fn import(store: &mut Store, path: &Path) -> Report {
    imports::import(store, path, Options::default()).expect("imports")
}

/// Every set, in session and time order.
fn sets(store: &Store) -> Vec<LoggedSet> {
    let mut all = imports::logged_sets(store);
    all.sort_by_key(|s| (s.session_started_at, s.logged_at, s.id));
    all
}

fn summaries(store: &Store, exercise: &str) -> Vec<String> {
    sets(store)
        .iter()
        .filter(|s| s.entry.exercise == exercise)
        .map(|s| {
            let note = if s.entry.note.is_empty() { String::new() } else { format!(" [{}]", s.entry.note) };
            format!("{}{note}", s.entry.summary())
        })
        .collect()
}

/// Writes `store` in `format`, imports that into a new log, and writes it again: the same file.
fn round_trip(store: &Store, format: Format) -> Store {
    let first = export_text(store, format);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("export.csv");
    std::fs::write(&path, &first).expect("writes");
    let mut copy = Store::in_memory().expect("store");
    import(&mut copy, &path);
    assert_eq!(export_text(&copy, format), first, "{format:?}: export, import, export gives the same file");
    copy
}

#[test]
fn hevy_dropset_is_a_drop_set_of_the_working_set_before_it_and_failure_is_rir_0() {
    let mut store = Store::in_memory().expect("store");
    let report = import(&mut store, &fixture("hevy_techniques.csv"));
    assert_eq!(report.tally.skipped_rows(), 0);
    assert_eq!(
        summaries(&store, "Machine chest press"),
        ["40 kg x 10", "80 kg x 8 @ 0", "60 kg x 6 (drop set)", "45 kg x 5 (drop set)"]
    );
    assert_eq!(
        summaries(&store, "Lateral raise"),
        [
            "4 kg x 15",
            // No working set before it: a set of its own, the note saying what the file said.
            "6 kg x 12 [drop set]",
            "10 kg x 12 @ 0",
            "10 kg x 10 @ 1",
            "8 kg x 8 (drop set)",
        ]
    );
    // The session's working sets: the drop sets are not sets of their own.
    let far = chrono::DateTime::from_timestamp(4_000_000_000, 0).expect("a time");
    let listed = store.sessions_between(chrono::DateTime::default(), far).expect("sessions");
    assert_eq!(
        listed[0].working_sets, 6,
        "80 x 8, 6 x 12, 10 x 12, 10 x 10 and two rows: the drop sets are no sets of their own"
    );
    // Single Arm Cable Row is the catalogue's single-arm cable row, done one side at a time.
    assert_eq!(summaries(&store, "Single-arm cable row"), ["30 kg x 10 each side @ 1", "30 kg x 9 each side @ 0"]);
    let copy = round_trip(&store, Format::Hevy);
    let techniques = sets(&copy).iter().filter(|s| s.entry.technique == Some(Technique::Drop)).count();
    assert_eq!(techniques, 3, "every drop set comes back one");
}

#[test]
fn strong_d_is_a_drop_set_and_f_is_rir_0() {
    let mut store = Store::in_memory().expect("store");
    let report = import(&mut store, &fixture("strong_numbered_techniques.csv"));
    assert_eq!(report.tally.skipped.get("rest timer rows (not sets)"), Some(&1));
    assert_eq!(
        summaries(&store, "Machine chest press"),
        ["40 kg x 10", "80 kg x 8 @ 0", "60 kg x 6 (drop set)", "80 kg x 6 @ 0", "60 kg x 4 (drop set)"]
    );
    assert_eq!(summaries(&store, "Lateral raise"), ["6 kg x 12 [drop set]", "10 kg x 10 @ 1"]);
    let copy = round_trip(&store, Format::Strong);
    assert_eq!(summaries(&copy, "Machine chest press"), summaries(&store, "Machine chest press"));
    // Strong's layout carries them too, and Hevy's does the same for a log with drop sets.
    round_trip(&store, Format::Hevy);
}

/// Rows of a real export whose `column` is `value`, by the csv reader.
fn rows_where(path: &Path, delimiter: u8, column: &str, value: &str) -> usize {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).from_path(path).expect("opens");
    let at = reader.headers().expect("a header").iter().position(|h| h == column).expect("the column");
    reader.records().filter(|r| r.as_ref().is_ok_and(|r| r.get(at) == Some(value))).count()
}

#[test]
fn real_exports_keep_every_drop_set_and_set_to_failure() {
    if let Some(path) = real("hevy_export_kg_2024-2025.csv") {
        let dropsets = rows_where(&path, b',', "set_type", "dropset");
        assert_eq!(dropsets, 43, "the README's count");
        let mut store = Store::in_memory().expect("store");
        import(&mut store, &path);
        let all = sets(&store);
        let drops = all.iter().filter(|s| s.entry.technique == Some(Technique::Drop)).count();
        // The note a drop set with no working set before it keeps is a line of its own.
        let alone =
            all.iter().filter(|s| s.entry.technique.is_none() && s.entry.note.lines().any(|l| l == "drop set")).count();
        assert_eq!((drops, alone), (42, 1), "42 follow a working set of their exercise, 1 has none before it");
        assert_eq!(drops + alone, dropsets, "no dropset row is lost");
        round_trip(&store, Format::Hevy);
    }
    if let Some(path) = real("strong_powerme-numbered.csv") {
        let d = rows_where(&path, b';', "Set Order", "D");
        let f = rows_where(&path, b';', "Set Order", "F");
        assert_eq!((d, f), (34, 6), "the README's counts");
        let mut store = Store::in_memory().expect("store");
        import(&mut store, &path);
        let all = sets(&store);
        let drops = all.iter().filter(|s| s.entry.technique == Some(Technique::Drop)).count();
        assert_eq!(drops, d, "every D follows a set of its exercise");
    }
}

/// The real export `name`, when it is found.
fn real(name: &str) -> Option<PathBuf> {
    common::real_export(name, "a test")
}

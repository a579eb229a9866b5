//! FitNotes' layouts beyond the first one `tests/import.rs` covers: the `Comment` column (the
//! set's note), the older `Weight (lbs)` header, and cardio in `Distance`, `Distance Unit` and
//! `Time`, with days that hold only cardio. Small files written by hand always run; the real
//! exports run too when `HARDSET_EXTERNAL_DATA` (or `../shared/data/external`) holds them.

mod common;
#[path = "common/imports.rs"]
mod imports;

use common::{import_fixture as fixture, real_export as real};

use std::path::Path;

use hardset::import::Options;
use hardset::model::units::Unit;
use hardset::store::Store;
use imports::{import, import_twice, logged_sets as sets};

/// The file read with the csv reader alone: (data rows, rows with a comment, comments cleaned
/// of control characters, in file order). FitNotes quotes the comment, so a row whose name has
/// an unquoted comma still ends with it.
fn comments_in(path: &Path) -> (u64, Vec<String>) {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_path(path).expect("opens");
    let header = reader.headers().expect("header").clone();
    let from_end = header.len() - header.iter().position(|h| h == "Comment").expect("a Comment column");
    let (mut rows, mut comments) = (0, Vec::new());
    for record in reader.records() {
        let record = record.expect("row");
        rows += 1;
        let comment = record.get(record.len() - from_end).expect("a comment field").trim();
        if !comment.is_empty() {
            let clean: String = comment.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
            comments.push(clean);
        }
    }
    (rows, comments)
}

#[test]
fn a_fitnotes_comment_is_the_sets_note_cleaned_of_control_characters() {
    let path = fixture("fitnotes_comment.csv");
    let (report, store) = import_twice(&path, Options::default());
    assert_eq!(report.tally.rows, 6);
    assert_eq!(report.tally.repaired, 1, "the name with an unquoted comma is put back together");
    assert_eq!(report.counts.sessions_added, 2);
    assert_eq!(report.counts.working_added, 6);
    let notes: Vec<(String, String)> =
        sets(&store).iter().map(|s| (s.entry.exercise.clone(), s.entry.note.clone())).collect();
    let expected = [
        ("Lat pulldown", "warm up"),
        ("Lat pulldown", ""),
        ("Cable Y Raise (Each Side, Low Pulley)", "12 on left, 10 on right"),
        ("Seated cable row", "grip gave[2J :("),
        ("Seated cable row", "forgot to do 3\nnext time"),
        ("Seated cable row", ""),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(e, n)| ((*e).into(), (*n).into())).collect();
    assert_eq!(notes, expected, "each comment on its own set, the escape and the bell taken out");
    // A comment is a note, never a kind: "warm up" stays a working set.
    assert!(sets(&store).iter().all(|s| s.entry.kind == hardset::model::session::SetKind::Working));
}

#[test]
fn a_fitnotes_export_with_the_older_lbs_header_brings_its_cardio_and_no_empty_day() {
    let path = fixture("fitnotes_lbs_cardio.csv");
    let mut store = Store::in_memory().expect("store");
    let refused = import(&mut store, &path, Options { unit: Some(Unit::Kg), ..Options::default() })
        .expect_err("the header says lb");
    assert!(refused.to_string().contains("the header says the weights are in lb"), "{refused}");
    assert_eq!(store.set_count().expect("counts"), 0, "nothing written");
    let (report, store) = import_twice(&path, Options::default());
    assert_eq!(report.tally.rows, 5);
    // The day of only cardio is a session with its sets; the day whose one row holds nothing
    // is no session, and its row is counted as skipped.
    assert_eq!(report.counts.sessions_added, 2);
    assert_eq!(report.counts.working_added, 4);
    assert_eq!(report.tally.skipped_rows(), 1);
    let sessions = store.all_sessions().expect("sessions");
    let names: Vec<&str> = sessions.iter().map(|s| s.day_name.as_str()).collect();
    assert_eq!(names, ["Chest, Cardio", "Cardio, Abs"]);
    let summaries: Vec<(String, String)> =
        sets(&store).iter().map(|s| (s.session_started_at.format("%m-%d").to_string(), s.entry.summary())).collect();
    let expected =
        [("03-01", "135 lb x 10"), ("03-01", "3,218.69 m in 20:00"), ("03-02", "10 km in 30:00"), ("03-02", "1:00")];
    let expected: Vec<(String, String)> = expected.iter().map(|(d, s)| ((*d).into(), (*s).into())).collect();
    assert_eq!(summaries, expected);
    assert!(sets(&store).iter().all(|s| s.entry.weight.unit == Unit::Lb));
    assert_eq!(
        report.dates.map(|(a, b)| (a.to_string(), b.to_string())),
        Some(("2016-03-01".into(), "2016-03-02".into()))
    );
}

#[test]
fn real_fitnotes_comments_all_come_in_as_notes() {
    let Some(path) = real("fitnotes_frefdt-unit-comment.csv", "real_fitnotes_comments") else { return };
    let (rows, comments) = comments_in(&path);
    assert_eq!(comments.len(), 22);
    let (report, store) = import_twice(&path, Options::default());
    assert_eq!(report.tally.rows, rows);
    assert_eq!(report.counts.working_added + report.tally.skipped_rows(), rows);
    let notes: Vec<String> = sets(&store).iter().map(|s| s.entry.note.clone()).filter(|n| !n.is_empty()).collect();
    let mut notes_sorted = notes.clone();
    let mut comments_sorted = comments.clone();
    notes_sorted.sort();
    comments_sorted.sort();
    assert_eq!(notes_sorted, comments_sorted, "every comment, none lost and none made up");
}

#[test]
fn both_real_fitnotes_exports_import_whole_and_once() {
    for name in ["fitnotes_export_kg_2025.csv", "fitnotes_frefdt-unit-comment.csv"] {
        let Some(path) = real(name, "both_real_fitnotes_exports_import_whole_and_once") else { return };
        let (report, store) = import_twice(&path, Options::default());
        assert_eq!(report.counts.working_added + report.tally.skipped_rows(), report.tally.rows, "{name}");
        // Every session holds sets.
        let mut per_session = std::collections::BTreeMap::<String, u64>::new();
        for set in sets(&store) {
            *per_session.entry(set.session_started_at.to_rfc3339()).or_default() += 1;
        }
        assert_eq!(per_session.len() as u64, report.counts.sessions_added, "{name}: no empty session");
    }
}

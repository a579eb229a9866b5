//! Bad files: arbitrary bytes, and valid files truncated, flipped, spliced and padded, fed to
//! the plan parser, the settings parser and the importer. Each gives a clear error or a
//! success, never a panic, and a failed import writes nothing.

mod common;

use common::clock;

use std::sync::OnceLock;

use hardset::config::{SHIPPED_CONFIG, Settings};
use hardset::export::{self, Format};
use hardset::import::{Options, import_file};
use hardset::model::exercise::Catalogue;
use hardset::model::plan::{EXAMPLE_WEEK, Plan};
use hardset::model::session::SessionFor;
use hardset::store::Store;
use proptest::prelude::*;

/// A damaged copy of a valid file.
#[derive(Debug, Clone)]
enum Damage {
    /// Cut at a byte (not necessarily a character boundary).
    Truncate(prop::sample::Index),
    /// Bytes overwritten at random places.
    Flip(Vec<(prop::sample::Index, u8)>),
    /// Random bytes put in at one place.
    Insert(prop::sample::Index, Vec<u8>),
    /// A stretch of lines dropped.
    DropLines(prop::sample::Index, usize),
    /// A line repeated.
    RepeatLine(prop::sample::Index, usize),
    /// A run of bytes removed from the middle.
    Cut(prop::sample::Index, usize),
    /// Something else entirely.
    Replace(Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    let index = any::<prop::sample::Index>;
    prop_oneof![
        3 => index().prop_map(Damage::Truncate),
        3 => prop::collection::vec((index(), any::<u8>()), 1..8).prop_map(Damage::Flip),
        2 => (index(), prop::collection::vec(any::<u8>(), 1..24)).prop_map(|(i, b)| Damage::Insert(i, b)),
        2 => (index(), 1usize..6).prop_map(|(i, n)| Damage::DropLines(i, n)),
        1 => (index(), 1usize..4).prop_map(|(i, n)| Damage::RepeatLine(i, n)),
        2 => (index(), 1usize..200).prop_map(|(i, n)| Damage::Cut(i, n)),
        1 => prop::collection::vec(any::<u8>(), 0..300).prop_map(Damage::Replace),
    ]
}

fn apply(seed: &[u8], damage: &Damage) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    match damage {
        Damage::Truncate(at) => bytes.truncate(at.index(seed.len() + 1)),
        Damage::Flip(flips) => {
            for (at, byte) in flips {
                if !bytes.is_empty() {
                    let i = at.index(bytes.len());
                    bytes[i] = *byte;
                }
            }
        }
        Damage::Insert(at, extra) => {
            let i = at.index(bytes.len() + 1);
            bytes.splice(i..i, extra.iter().copied());
        }
        Damage::DropLines(at, n) | Damage::RepeatLine(at, n) => {
            let mut lines: Vec<&[u8]> = seed.split_inclusive(|&b| b == b'\n').collect();
            let i = at.index(lines.len().max(1)).min(lines.len());
            if let Damage::DropLines(..) = damage {
                let end = (i + n).min(lines.len());
                lines.drain(i..end);
            } else if let Some(&line) = lines.get(i) {
                for _ in 0..*n {
                    lines.insert(i, line);
                }
            }
            bytes = lines.concat();
        }
        Damage::Cut(at, n) => {
            let i = at.index(bytes.len() + 1);
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        Damage::Replace(other) => bytes.clone_from(other),
    }
    bytes
}

/// The shipped catalogue, built once: building it is most of a plan parse's time.
fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(common::catalogue)
}

/// Valid files of every kind the importer reads: hardset's CSV and JSON, the Strong and Hevy
/// layouts it writes (from two weeks of demo history), a small FitNotes file, and the Fitbod and
/// Liftosaur fixtures.
fn import_seeds() -> &'static [(&'static str, Vec<u8>)] {
    static SEEDS: OnceLock<Vec<(&'static str, Vec<u8>)>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut store = Store::in_memory().expect("store");
        hardset::demo::fill(&mut store, &common::example_plan(), &clock(), 1).expect("demo history");
        let mut seeds = Vec::new();
        for (name, format) in [
            ("log.csv", Format::Csv),
            ("log.json", Format::Json),
            ("strong.csv", Format::Strong),
            ("hevy.csv", Format::Hevy),
        ] {
            let mut out = Vec::new();
            export::export(&store, format, &clock(), &mut out).expect("exports");
            seeds.push((name, out));
        }
        let fitnotes = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n\
                        2026-11-23,Flat Barbell Bench Press,Chest,80.0,kgs,8,,,\n\
                        2026-11-23,Flat Barbell Bench Press,Chest,80.0,kgs,7,,,\n\
                        2026-11-23,Lat Pulldown,Back,60.0,kgs,10,,,\n\
                        2026-11-25,Barbell Squat,Legs,100.0,kgs,5,,,\n\
                        2026-11-25,Treadmill,Cardio,,,,2.0,km,00:12:00\n";
        seeds.push(("fitnotes.csv", fitnotes.as_bytes().to_vec()));
        seeds.push(("fitbod.csv", include_bytes!("fixtures/import/fitbod_lb.csv").to_vec()));
        seeds.push(("liftosaur.csv", include_bytes!("fixtures/import/liftosaur.csv").to_vec()));
        seeds
    })
}

/// A log that already holds a session with two sets, so a partial write would show.
fn small_log() -> Store {
    let mut store = Store::in_memory().expect("store");
    let day = SessionFor::New { day_name: "Day 1: push and pull".into(), day_index: Some(0) };
    let at = common::evening() - chrono::Duration::days(3);
    store.log_set(&day, &common::working("Machine chest press", 60.0, 8, 1), at, 150).expect("logs");
    let id = store.all_sessions().expect("sessions")[0].id;
    store.log_set(&SessionFor::Existing(id), &common::working("Lat pulldown", 55.0, 10, 2), at, 150).expect("logs");
    store
}

/// A character no stored text and no message may hold: a control (tabs and line breaks aside,
/// in notes) or invisible formatting.
fn hidden(c: char, lines: bool) -> bool {
    (c.is_control() && !(lines && (c == '\n' || c == '\t'))) || hardset::model::text::is_invisible(c)
}

/// The first stored text holding a hidden character, if any: day names, names and sources
/// are one line; notes may hold tabs and line breaks.
fn hidden_in_the_log(store: &Store) -> Option<String> {
    let mut texts: Vec<(String, bool)> = Vec::new();
    for session in store.all_sessions().expect("sessions") {
        texts.push((session.day_name, false));
        texts.push((session.note, true));
    }
    store
        .for_each_set(|set| {
            texts.push((set.entry.exercise.clone(), false));
            texts.push((set.entry.note.clone(), true));
            Ok(())
        })
        .expect("reads sets");
    for custom in store.custom_exercises().expect("custom exercises") {
        texts.push((custom.name, false));
        texts.push((custom.source, false));
    }
    texts.into_iter().find(|(text, lines)| text.chars().any(|c| hidden(c, *lines))).map(|(text, _)| text)
}

/// Whether a plan's texts are clean: its name, day names, notes, activities, exercises.
fn plan_is_clean(plan: &Plan) -> bool {
    let line = |t: &str| !t.chars().any(|c| hidden(c, false));
    line(&plan.name)
        && plan.days.iter().all(|d| {
            line(&d.name)
                && !d.note.chars().any(|c| hidden(c, true))
                && d.activities.iter().all(|a| line(a))
                && d.exercises.iter().all(|e| line(&e.name))
        })
}

fn log_text(store: &Store) -> String {
    let mut out = Vec::new();
    export::export(store, Format::Json, &clock(), &mut out).expect("exports");
    String::from_utf8(out).expect("utf-8")
}

/// Imports `bytes` as a file named `name`: an error must name the file and leave the log as it
/// was (same sets, same sessions, same export); a success may only add.
fn import_checked(name: &str, bytes: &[u8], options: Options) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("writes");
    let mut store = small_log();
    let before = (store.set_count().expect("counts"), store.all_sessions().expect("sessions").len(), log_text(&store));
    let result = import_file(&mut store, &path, &options, catalogue(), &clock(), &mut |_, _, _| {});
    let after = (store.set_count().expect("counts"), store.all_sessions().expect("sessions").len());
    prop_assert!(store.integrity_ok().expect("checks"), "the database is sound after importing {name}");
    match result {
        Err(error) => {
            let message = error.to_string();
            prop_assert!(!message.chars().any(|c| hidden(c, false)), "the error shows no control: {message:?}");
            prop_assert!(message.contains(name), "the error names the file: {message}");
            prop_assert!(message.len() > name.len() + 4, "the error says what is wrong: {message}");
            prop_assert_eq!(after, (before.0, before.1), "a failed import wrote nothing: {}", message);
            prop_assert_eq!(log_text(&store), before.2, "a failed import changed nothing: {}", message);
        }
        Ok(report) => {
            prop_assert!(after.0 >= before.0 && after.1 >= before.1, "an import only adds");
            prop_assert_eq!(hidden_in_the_log(&store), None, "no control or invisible character is stored");
            if options.dry_run {
                prop_assert_eq!(after, (before.0, before.1), "a dry run writes nothing");
            } else {
                let added = report.counts.working_added + report.counts.ramp_up_added;
                prop_assert_eq!(after.0 - before.0, added as i64, "the report counts what was written");
            }
        }
    }
    Ok(())
}

/// A parse error points inside the text and says something.
fn points_inside(text: &str, path: &str, (p, line, column, message): (&str, usize, usize, &str)) -> bool {
    p == path && line >= 1 && line <= text.split('\n').count() + 1 && column >= 1 && !message.trim().is_empty()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_plan_parses_or_says_where(damage in damage()) {
        let text = String::from_utf8_lossy(&apply(EXAMPLE_WEEK.as_bytes(), &damage)).into_owned();
        match Plan::parse(&text, "plan.toml", catalogue()) {
            Ok(plan) => prop_assert!(!plan.days.is_empty() && plan_is_clean(&plan), "an accepted plan has clean days"),
            Err(e) => prop_assert!(
                points_inside(&text, "plan.toml", (&e.path, e.line, e.column, &e.message))
                    && !e.to_string().chars().any(|c| hidden(c, false)),
                "{e}"
            ),
        }
    }

    #[test]
    fn damaged_settings_parse_or_say_where(damage in damage()) {
        let text = String::from_utf8_lossy(&apply(SHIPPED_CONFIG.as_bytes(), &damage)).into_owned();
        match Settings::parse(&text, "config.toml") {
            Ok(settings) => prop_assert!(settings.keymap().is_ok(), "accepted settings give a keymap"),
            Err(e) => prop_assert!(
                points_inside(&text, "config.toml", (&e.path, e.line, e.column, &e.message))
                    && !e.to_string().chars().any(|c| hidden(c, false)),
                "{e}"
            ),
        }
    }

    #[test]
    fn any_text_as_a_plan_or_settings_never_panics(text in ".{0,400}") {
        if let Err(e) = Plan::parse(&text, "plan.toml", catalogue()) {
            prop_assert!(points_inside(&text, "plan.toml", (&e.path, e.line, e.column, &e.message)), "{e}");
            prop_assert!(!e.to_string().chars().any(|c| hidden(c, false)), "{e:?}");
        }
        if let Err(e) = Settings::parse(&text, "config.toml") {
            prop_assert!(points_inside(&text, "config.toml", (&e.path, e.line, e.column, &e.message)), "{e}");
            prop_assert!(!e.to_string().chars().any(|c| hidden(c, false)), "{e:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_export_imports_or_writes_nothing(which in 0usize..7, damage in damage(), dry_run in prop::bool::weighted(0.2)) {
        let (name, seed) = &import_seeds()[which];
        import_checked(name, &apply(seed, &damage), Options { dry_run, ..Options::default() })?;
    }

    #[test]
    fn arbitrary_bytes_import_or_write_nothing(bytes in prop::collection::vec(any::<u8>(), 0..600), from in 0usize..8) {
        let from = [
            None,
            Some(hardset::import::Source::Hardset),
            Some(hardset::import::Source::Strong),
            Some(hardset::import::Source::Hevy),
            Some(hardset::import::Source::Fitnotes),
            Some(hardset::import::Source::Fitbod),
            Some(hardset::import::Source::Liftosaur),
            None,
        ][from];
        import_checked("bytes.csv", &bytes, Options { from, ..Options::default() })?;
    }
}

#[test]
fn the_seeds_are_valid_so_the_damage_is_what_fails() {
    assert!(Plan::parse(EXAMPLE_WEEK, "plan.toml", catalogue()).is_ok());
    assert!(Settings::parse(SHIPPED_CONFIG, "config.toml").is_ok());
    for (name, seed) in import_seeds() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, seed).expect("writes");
        let mut store = small_log();
        let before = store.set_count().expect("counts");
        let report = import_file(&mut store, &path, &Options::default(), catalogue(), &clock(), &mut |_, _, _| {})
            .unwrap_or_else(|e| panic!("{name} is a valid seed: {e}"));
        assert!(store.set_count().expect("counts") > before, "{name} adds sets: {report}");
    }
}

#[test]
fn every_truncation_of_a_native_export_imports_whole_rows_or_writes_nothing() {
    // Not random: every cut point of the CSV export, so each partial last row is tried.
    let (name, seed) = &import_seeds()[0];
    let step = (seed.len() / 150).max(1);
    for cut in (0..=seed.len()).step_by(step) {
        import_checked(name, &seed[..cut], Options::default()).unwrap_or_else(|e| panic!("cut at byte {cut}: {e}"));
    }
}

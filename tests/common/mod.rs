//! Shared set-up for the integration tests: a fixed clock, the shipped plan, an app driver on
//! an in-memory or temporary database, keys, and rendering to text.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use hardset::clock::FixedClock;
use hardset::model::exercise::Catalogue;
use hardset::model::plan::Plan;
use hardset::store::Store;
use hardset::tui::app::App;
use hardset::tui::driver::Driver;
use hardset::tui::theme::Theme;
use hardset::tui::view::View;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Sunday 29 November 2026, 18:00 UTC: the tests' "now".
pub fn evening() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 18, 0, 0).single().expect("valid time")
}

pub fn catalogue() -> Catalogue {
    Catalogue::shipped()
}

pub fn example_plan() -> Plan {
    Plan::example_week(&catalogue()).expect("the example week parses")
}

/// Settings for the tests: the defaults, without the readiness check-in (its own tests turn it
/// on), so every story starts at the first set.
pub fn test_settings() -> hardset::config::Settings {
    let mut settings = hardset::config::Settings::default();
    settings.checkin.ask = false;
    settings
}

pub fn driver_on(store: Store, clock: FixedClock) -> Driver<FixedClock> {
    Driver::new(App::new(example_plan(), test_settings()), store, clock)
}

/// A driver on an empty in-memory log, at [`evening`].
pub fn fresh_driver() -> Driver<FixedClock> {
    driver_on(Store::in_memory().expect("in-memory store"), FixedClock::at(evening()))
}

/// A driver on an in-memory log holding `weeks` weeks of demo history before [`evening`].
pub fn demo_driver(weeks: u32) -> Driver<FixedClock> {
    let clock = FixedClock::at(evening());
    let mut store = Store::in_memory().expect("in-memory store");
    hardset::demo::fill(&mut store, &example_plan(), &clock, weeks).expect("demo history");
    driver_on(store, clock)
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// Presses each key in turn; a string's characters are typed one by one.
pub fn press(driver: &mut Driver<FixedClock>, keys: &[KeyEvent]) {
    for &k in keys {
        driver.key(k);
    }
}

pub fn type_text(driver: &mut Driver<FixedClock>, text: &str) {
    for c in text.chars() {
        driver.key(ch(c));
    }
}

/// Renders the whole screen into a buffer of the given size.
pub fn render(driver: &Driver<FixedClock>, width: u16, height: u16) -> Buffer {
    use hardset::clock::Clock;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let now = driver.clock.now();
    let offset = driver.clock.offset_at(now);
    terminal
        .draw(|frame| {
            let view = View { app: &driver.app, now, theme: Theme::new(true), offset };
            frame.render_widget(view, frame.area());
        })
        .expect("draws");
    terminal.backend().buffer().clone()
}

/// The buffer as lines of text, trailing spaces kept so the layout shows.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        for x in 0..area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

pub fn screen(driver: &Driver<FixedClock>, width: u16, height: u16) -> String {
    text(&render(driver, width, height))
}

/// A working set in kg, as typed: load, reps and whole reps in reserve.
pub fn working(exercise: &str, load: f64, reps: u16, rir: u8) -> hardset::model::session::SetEntry {
    hardset::model::session::SetEntry {
        exercise: exercise.into(),
        kind: hardset::model::session::SetKind::Working,
        weight: hardset::model::units::Weight::new(
            hardset::model::units::Load::from_f64(load).expect("valid load"),
            hardset::model::units::Unit::Kg,
        ),
        reps,
        rir: hardset::model::units::Rir::whole(rir),
        form_broke: false,
        note: String::new(),
        ..Default::default()
    }
}

/// A clock stopped at [`evening`].
pub fn clock() -> FixedClock {
    FixedClock::at(evening())
}

/// The log written in `format` (`hardset export`), as text, at [`evening`].
pub fn export_text(store: &Store, format: hardset::export::Format) -> String {
    let mut out = Vec::new();
    hardset::export::export(store, format, &clock(), &mut out).expect("exports");
    String::from_utf8(out).expect("utf-8")
}

/// A working set in kg with reps in reserve when known.
pub fn set(exercise: &str, load: f64, reps: u16, rir: Option<u8>) -> hardset::model::session::SetEntry {
    hardset::model::session::SetEntry {
        rir: rir.and_then(hardset::model::units::Rir::whole),
        ..working(exercise, load, reps, 0)
    }
}

/// Runs the real binary with its log, settings and HOME under `root` (and no terminal): exit
/// code, standard output and standard error.
pub fn run_in(root: &std::path::Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hardset"))
        .env("HOME", root)
        .env("XDG_DATA_HOME", root.join("xdg-data"))
        .env("XDG_CONFIG_HOME", root.join("xdg-config"))
        .env("HARDSET_DB", root.join("log.db"))
        .env("HARDSET_CONFIG", root.join("config"))
        .stdin(std::process::Stdio::null())
        .args(args)
        .output()
        .expect("runs");
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

/// [`run_in`] that must succeed: its standard output.
pub fn ok_in(root: &std::path::Path, args: &[&str]) -> String {
    let (code, out, err) = run_in(root, args);
    assert_eq!(code, Some(0), "{args:?}: {out}{err}");
    out
}

/// A fixture of the import tests, in tests/fixtures/import.
pub fn import_fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

/// The real export `name` from `HARDSET_EXTERNAL_DATA` (which must then hold it) or the shared
/// folder beside the repository; otherwise one line on standard error says `test` was skipped.
pub fn real_export(name: &str, test: &str) -> Option<std::path::PathBuf> {
    if let Some(dir) = std::env::var_os("HARDSET_EXTERNAL_DATA") {
        let path = std::path::PathBuf::from(dir).join(name);
        assert!(path.is_file(), "HARDSET_EXTERNAL_DATA is set but holds no {name}");
        return Some(path);
    }
    let beside = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/external").join(name);
    if beside.is_file() {
        return Some(beside);
    }
    eprintln!("skipped {test} on the real export {name}: not found (set HARDSET_EXTERNAL_DATA to its folder)");
    None
}

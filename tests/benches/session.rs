//! Benchmark: the gym-session paths on ten years of demo history (`cargo bench --bench session`).
//! Prints the figures docs/performance.md quotes. A plain harness keeps the build lean.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use hardset::clock::{Clock, FixedClock};
use hardset::keymap::Action;
use hardset::model::exercise::Catalogue;
use hardset::model::plan::Plan;
use hardset::model::session::{SetEntry, SetKind};
use hardset::model::units::{Load, Rir, Unit, Weight};
use hardset::store::Store;
use hardset::tui::app::App;
use hardset::tui::driver::Driver;
use hardset::tui::effect::Effect;
use hardset::tui::theme::Theme;
use hardset::tui::view::View;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let index = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[index]
}

fn report(name: &str, mut samples: Vec<Duration>) {
    if samples.is_empty() {
        println!("{name:<44} (nothing to time on this log)");
        return;
    }
    let p50 = percentile(&mut samples, 0.5);
    let p99 = percentile(&mut samples, 0.99);
    println!("{name:<44} p50 {:>9.3} ms   p99 {:>9.3} ms   (n={})", ms(p50), ms(p99), samples.len());
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn time<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = work();
    (value, start.elapsed())
}

fn draw(terminal: &mut Terminal<TestBackend>, driver: &Driver<FixedClock>) {
    let now = driver.clock.now();
    let offset = driver.clock.offset_at(now);
    terminal
        .draw(|frame| {
            frame.render_widget(View { app: &driver.app, now, theme: Theme::new(true), offset }, frame.area());
        })
        .expect("draws");
}

fn main() {
    let weeks: u32 = std::env::var("HARDSET_BENCH_WEEKS").ok().and_then(|w| w.parse().ok()).unwrap_or(520);
    let dir = tempfile::tempdir().expect("temp dir");
    // HARDSET_BENCH_DB keeps the database (and reuses one already filled) for profiling.
    let path =
        std::env::var_os("HARDSET_BENCH_DB").map_or_else(|| dir.path().join("bench.db"), std::path::PathBuf::from);
    let filled = path.exists();
    let clock = FixedClock::at(Utc.with_ymd_and_hms(2026, 11, 29, 18, 0, 0).single().expect("valid time"));
    let plan = Plan::example_week(&Catalogue::shipped()).expect("example week");

    let mut store = Store::open(&path).expect("opens");
    if filled {
        println!("demo history: reusing {} ({} sets)", path.display(), store.set_count().expect("counts"));
    } else {
        let (sets, fill) = time(|| hardset::demo::fill(&mut store, &plan, &clock, weeks).expect("fills"));
        println!("demo history: {weeks} weeks, {sets} sets written in one transaction in {:.0} ms", ms(fill));
    }
    drop(store);

    // Start-up: open the file, migrate check, load today (the work before the first frame).
    let mut starts = Vec::new();
    for _ in 0..30 {
        let (driver, took) = time(|| {
            Driver::new(
                App::new(plan.clone(), hardset::config::Settings::default()),
                Store::open(&path).expect("opens"),
                clock.clone(),
            )
        });
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        let start = Instant::now();
        draw(&mut terminal, &driver);
        starts.push(took + start.elapsed());
    }
    report("open + load today + first frame (120x40)", starts);

    let mut driver = Driver::new(
        App::new(plan.clone(), hardset::config::Settings::default()),
        Store::open(&path).expect("opens"),
        clock.clone(),
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut keys = Vec::new();
    for i in 0..500 {
        let action = if i % 20 < 10 { Action::Down } else { Action::Up };
        let ((), took) = time(|| {
            driver.act(action);
            draw(&mut terminal, &driver);
        });
        keys.push(took);
    }
    report("Today: move + redraw (120x40)", keys);

    let mut renders = Vec::new();
    for _ in 0..500 {
        renders.push(time(|| draw(&mut terminal, &driver)).1);
    }
    report("Today: redraw only (120x40)", renders);

    // Opening History (this week's sessions, the whole-week comparison with record marks), from
    // Today, 30 times.
    let mut opens = Vec::new();
    for _ in 0..30 {
        driver.act(Action::ShowToday);
        let ((), took) = time(|| {
            driver.act(Action::ShowHistory);
            draw(&mut terminal, &driver);
        });
        opens.push(took);
    }
    report("History: open (this week + whole-week comparison)", opens);
    // Down through the week's sessions and back up: each step compares another session.
    let mut moves = Vec::new();
    for i in 0..200 {
        let rows = driver.app.history.sessions.len();
        let action = if (i / rows.max(1)).is_multiple_of(2) { Action::Down } else { Action::Up };
        let before = driver.app.history.session_cursor;
        let took = time(|| {
            driver.act(action);
            draw(&mut terminal, &driver);
        })
        .1;
        if driver.app.history.session_cursor != before {
            moves.push(took);
        }
    }
    report("History: another session + comparison + redraw", moves);

    // Week by week into the past and back: each step reads a week and compares it whole.
    let mut weeks_back = Vec::new();
    for i in 0..100 {
        let action = if i % 20 < 10 { Action::Left } else { Action::Right };
        weeks_back.push(
            time(|| {
                driver.act(action);
                draw(&mut terminal, &driver);
            })
            .1,
        );
    }
    assert_eq!(driver.app.pane, hardset::tui::screens::Pane::Sessions, "the week moves were real");
    report("History: move a week + whole-week comparison", weeks_back);

    let mut details = Vec::new();
    for _ in 0..30 {
        details.push(
            time(|| {
                driver.run(vec![hardset::tui::effect::Effect::LoadDetail("Machine chest press".into())]);
                draw(&mut terminal, &driver);
            })
            .1,
        );
    }
    report("Exercise detail: open (10 years of sets) + redraw", details);
    let mut ranges = Vec::new();
    for _ in 0..60 {
        ranges.push(
            time(|| {
                driver.act(Action::CycleRange);
                draw(&mut terminal, &driver);
            })
            .1,
        );
    }
    report("Exercise detail: change range + redraw", ranges);

    let mut weeks = Vec::new();
    for i in 0..100 {
        let action = if i == 0 {
            Action::ShowWeek
        } else if i % 10 < 5 {
            Action::Left
        } else {
            Action::Right
        };
        weeks.push(
            time(|| {
                driver.act(action);
                draw(&mut terminal, &driver);
            })
            .1,
        );
    }
    report("Week: open or move a week + redraw", weeks);

    // `hardset today`: the log opened read-only, today loaded and reported; `--date`: a scratch
    // copy of the log as it stood that morning, then the same.
    let settings = hardset::config::Settings::default();
    let mut reads = Vec::new();
    for _ in 0..30 {
        reads.push(
            time(|| {
                let mut store = Store::open_to_read(&path).expect("opens");
                let today = hardset::today::load(&mut store, &plan, &settings, &clock, None).expect("loads");
                hardset::today::report::TodayReport::new(&today, plan.unit, &clock)
            })
            .1,
        );
    }
    report("today command: open read-only + load + report", reads);
    let mut dated = Vec::new();
    for _ in 0..10 {
        dated.push(
            time(|| {
                let morning = clock.now() - chrono::Duration::days(7);
                let mut store = Store::as_it_stood(&path, morning).expect("copies");
                let then = FixedClock::at(morning);
                let today = hardset::today::load(&mut store, &plan, &settings, &then, None).expect("loads");
                hardset::today::report::TodayReport::new(&today, plan.unit, &then)
            })
            .1,
        );
    }
    report("today --date: copy as it stood + load + report", dated);

    driver.act(Action::ShowToday);
    let before = driver.store.set_count().expect("counts");
    let mut saves = Vec::new();
    for _ in 0..50 {
        let today = driver.app.today.clone().expect("today loaded");
        let entry = SetEntry {
            exercise: "Machine chest press".into(),
            kind: SetKind::Working,
            weight: Weight::new(Load::from_hundredths(8000), Unit::Kg),
            reps: 8,
            rir: Rir::whole(1),
            form_broke: false,
            note: String::new(),
            ..Default::default()
        };
        let ((), took) = time(|| {
            driver.run(vec![Effect::Log { session: today.session_for(), entry, rest_seconds: 180 }]);
            draw(&mut terminal, &driver);
        });
        saves.push(took);
    }
    assert_eq!(driver.store.set_count().expect("counts"), before + 50, "every set was committed");
    report("Today: log a set (fsync commit, reload, redraw)", saves);

    // Peak memory of this process so far: the log open and every pane browsed (before the
    // export below, which holds the whole CSV in memory).
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find_map(|l| l.strip_prefix("VmHWM:").map(|v| v.trim().to_string())));
    println!("{:<44} {}", "peak memory (VmHWM) after browsing", peak.unwrap_or_else(|| "unknown".into()));

    let mut sink = Vec::new();
    let ((), export) = time(|| {
        hardset::export::export(&driver.store, hardset::export::Format::Csv, &driver.clock, &mut sink)
            .expect("exports");
    });
    // Rows are sets, plus one for each session without sets (a rest day marked done).
    let rows = driver.store.set_count().expect("counts") as usize;
    println!(
        "{:<44} {:>9.3} ms ({rows} sets, {:.0} sets/s)",
        "export csv",
        ms(export),
        rows as f64 / export.as_secs_f64()
    );
    bench_imports(&sink, rows);
}

/// Imports into a fresh database file: the export just written (native CSV), and the real Hevy
/// export when it is found beside the repository (or in `HARDSET_EXTERNAL_DATA`).
fn bench_imports(native_csv: &[u8], rows: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let native = dir.path().join("log.csv");
    std::fs::write(&native, native_csv).expect("writes");
    let hevy = [
        std::env::var_os("HARDSET_EXTERNAL_DATA").map(std::path::PathBuf::from),
        Some(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/external")),
    ]
    .into_iter()
    .flatten()
    .map(|d| d.join("hevy_export_kg_2024-2025.csv"))
    .find(|p| p.is_file());
    let catalogue = hardset::model::exercise::Catalogue::shipped();
    let clock = hardset::clock::FixedClock::at(chrono::Utc::now());
    for (name, path) in [("import native csv", Some(native)), ("import Hevy (7,211 rows)", hevy)] {
        let Some(path) = path else {
            println!("{name:<44} (file not found)");
            continue;
        };
        let mut runs = Vec::new();
        for round in 0..5 {
            let mut store = Store::open(&dir.path().join(format!("import-{round}.db"))).expect("store");
            let options = hardset::import::Options::default();
            let (report, took) = time(|| {
                hardset::import::import_file(&mut store, &path, &options, &catalogue, &clock, &mut |_, _, _| {})
            });
            let report = report.expect("imports");
            assert!(report.counts.sessions_added > 0, "{name} imported sessions");
            runs.push((took, report.counts.working_added + report.counts.ramp_up_added));
        }
        runs.sort();
        let (took, sets) = runs[runs.len() / 2];
        println!(
            "{name:<44} {:>9.3} ms median of 5 ({sets} sets, {:.0} sets/s)",
            ms(took),
            sets as f64 / took.as_secs_f64()
        );
    }
    let _ = rows;
}

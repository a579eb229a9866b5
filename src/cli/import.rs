//! `hardset import`: history from Strong, Hevy, FitNotes, Fitbod, Liftosaur or a hardset
//! export, all or nothing, with a progress bar on a terminal.

use std::path::Path;

use super::app::{load_plan, load_settings, with_custom};
use super::{Context, announce, open_to_write, say};
use crate::clock::SystemClock;
use crate::error::Error;
use crate::model::units::Unit;
use crate::store::Store;

/// `hardset import FILE`: `from` says which app wrote it, `unit` the unit of a file that does
/// not say; a dry run counts what would be imported and writes nothing.
pub(super) fn run(
    context: &Context,
    file: &Path,
    from: Option<crate::import::Source>,
    unit: Option<Unit>,
    dry_run: bool,
) -> Result<(), Error> {
    // A dry run imports into a throwaway copy of the log, read without the write lock: it
    // never waits for another hardset writing, and never writes or upgrades the log (with
    // no log yet, it checks against an empty one and creates nothing).
    let mut store =
        if dry_run { Store::scratch_copy(&context.paths.database)? } else { open_to_write(&context.paths.database)? };
    announce(&store);
    let options = crate::import::Options { from, unit, dry_run };
    // Names map to the catalogue, the plan's own exercises and the log's; a plan that does
    // not load leaves the catalogue and the log's (the import does not need the plan).
    let known = match load_settings(context.explicit_config, &context.paths)
        .ok()
        .and_then(|(settings, _)| load_plan(&context.paths, &context.catalogue, &settings).ok())
    {
        Some(plan) => plan.exercises,
        None => context.catalogue.clone(),
    };
    let known = with_custom(&known, &store)?;
    let mut bar = ProgressBar::new();
    let report =
        crate::import::import_file(&mut store, file, &options, &known, &SystemClock, &mut |stage, done, total| {
            bar.show(stage, done, total);
        });
    bar.clear();
    say(report?.to_string().trim_end())
}

/// A progress bar on standard error, drawn only when it is a terminal and the work is long enough
/// to watch (a large import), redrawn only when the percentage moves.
struct ProgressBar {
    terminal: bool,
    started: std::time::Instant,
    shown: Option<(String, u64)>,
}

impl ProgressBar {
    fn new() -> ProgressBar {
        use std::io::IsTerminal as _;
        ProgressBar { terminal: std::io::stderr().is_terminal(), started: std::time::Instant::now(), shown: None }
    }

    fn show(&mut self, stage: &str, done: u64, total: u64) {
        if !self.terminal || total == 0 || self.started.elapsed() < std::time::Duration::from_millis(300) {
            return;
        }
        let percent = (done.min(total) * 100) / total;
        if self.shown.as_ref().is_some_and(|(s, p)| s == stage && *p == percent) {
            return;
        }
        let filled = (percent / 5) as usize;
        eprint!("\r{stage:>8} [{}{}] {percent:>3}%", "#".repeat(filled), " ".repeat(20 - filled));
        self.shown = Some((stage.to_string(), percent));
    }

    fn clear(&self) {
        if self.shown.is_some() {
            eprint!("\r{}\r", " ".repeat(40));
        }
    }
}

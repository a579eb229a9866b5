//! The plan key: plan.toml opened in the lifter's editor by the same draft rules as `hardset
//! plan edit` (`plan_edit`), with the terminal handed to the editor meanwhile and taken back
//! after, whatever became of it, and the plan used at once when the edit is taken.

use std::fmt::Write as _;
use std::io;
use std::path::PathBuf;

use super::Driver;
use crate::clock::Clock;
use crate::keymap::Action;
use crate::model::exercise::Catalogue;
use crate::plan_edit::{self, DraftError, Edited};
use crate::tui::effect::Outcome;

/// Where the lifter's plan lives, and what it is read against, for the plan key.
#[derive(Debug, Clone)]
pub struct PlanFiles {
    /// The folder holding plan.toml.
    pub config_dir: PathBuf,
    /// The catalogue, with the log's own exercises.
    pub catalogue: Catalogue,
    /// The editor: a program and its arguments (`$VISUAL`, else `$EDITOR`, else `vi`).
    pub editor: String,
}

/// The terminal the app draws in, handed to another program and taken back.
pub trait Handover {
    /// Gives the terminal up: input no longer read, raw mode and the alternate screen left.
    fn leave(&mut self) -> io::Result<()>;
    /// Takes it back and has the whole screen drawn again.
    fn enter(&mut self) -> io::Result<()>;
    /// Whether a signal said to end hardset (the editor is then stopped, not waited for).
    fn ending(&self) -> bool {
        false
    }
}

/// Runs the editor and waits for it, or stops it when `ending` says hardset is to end (SIGTERM,
/// a hang-up): the app does not stay behind an editor nobody will close.
fn run_editor(command: &mut std::process::Command, ending: impl Fn() -> bool) -> io::Result<std::process::ExitStatus> {
    let mut child = command.spawn()?;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status);
        }
        if ending() {
            let _ = child.kill();
            return child.wait();
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// No terminal to hand over (the tests, and the driver before the event loop gives it one).
#[derive(Debug, Default)]
pub struct NoTerminal;

impl Handover for NoTerminal {
    fn leave(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn enter(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<C: Clock> Driver<C> {
    /// Runs the editor on the plan's draft; the plan edited is used (and noted in the log's plan
    /// revisions) when it parses, and a refused draft says where it is wrong.
    pub(super) fn edit_plan(&mut self) -> Vec<Outcome> {
        let Some(files) = self.plan_files.clone() else {
            return vec![Outcome::Failed(
                "No plan file here: the demo runs the shipped example week (hardset plan edit edits yours)".into(),
            )];
        };
        // The log's own exercises as they are now: made in this run, or in another window.
        let catalogue = files.catalogue.with_own(self.store.custom_exercises().unwrap_or_default());
        let mut taken_back = Ok(());
        let terminal = &mut self.terminal;
        let edited = plan_edit::edit(&files.config_dir, &catalogue, &files.editor, |command| {
            let status = terminal.leave().and_then(|()| run_editor(command, || terminal.ending()));
            taken_back = terminal.enter();
            status
        });
        let mut outcomes = vec![self.edited(edited)];
        if let Err(e) = taken_back {
            outcomes.push(Outcome::Failed(format!("The screen could not be taken back from the editor: {e}")));
        }
        outcomes
    }

    /// What an edit came to, for the app.
    fn edited(&mut self, edited: Result<Edited, DraftError>) -> Outcome {
        let again = self.app.keymap.key_label(Action::EditPlan);
        match edited {
            Ok(Edited::Saved { mut plan, .. }) => {
                plan.apply_defaults(&self.app.settings.plan_defaults());
                let name = crate::model::text::escape(&plan.name).into_owned();
                let mut text = format!("Plan saved and in use: '{name}', {} days", plan.days.len());
                // How long the plan has run starts again with a new plan.
                if let Err(e) = crate::today::record_plan(&mut self.store, &plan, &self.clock) {
                    let _ = write!(text, " (the log could not note the change: {e})");
                }
                Outcome::PlanEdited { plan, text }
            }
            Ok(Edited::Unchanged { path: Some(_) }) => Outcome::Done("No change to plan.toml".into()),
            Ok(unchanged @ Edited::Unchanged { path: None }) => Outcome::Done(capitalised(&unchanged.to_string())),
            Err(DraftError::Refused { mut error, .. }) => {
                // The draft is beside plan.toml; its name is enough on one line.
                error.path = "plan.toml.edit".into();
                Outcome::Failed(format!("Plan not changed: {error} · {again} to fix it"))
            }
            Err(e) => Outcome::Failed(format!("Plan not changed: {e}")),
        }
    }
}

/// The text with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

//! Looking after the install: `backup` (a copy of the log, safe while in use), `doctor` (what is
//! wrong and what to do), `paths` (where everything is) and `completions` (for the shell).

use std::path::PathBuf;

use super::export::refuse_the_log;
use super::{Cli, Context, say};
use crate::clock::{Clock, SystemClock};
use crate::error::Error;
use crate::store::Store;
use crate::{disk, files};

/// `hardset backup [PATH]`: copies the log to `path`, by default beside it and dated.
pub(super) fn backup(context: &Context, path: Option<PathBuf>) -> Result<(), Error> {
    let paths = &context.paths;
    // Never onto the log, checked before anything opens it.
    if let Some(to) = &path {
        refuse_the_log(to, &paths.database)?;
    }
    // The log as it is, at whatever schema: a backup copies it, it never upgrades it.
    let Some(store) = Store::inspect(&paths.database)? else {
        return Err(Error::Input(format!("no database at {} yet: nothing to back up", paths.database.display())));
    };
    let to = path.unwrap_or_else(|| {
        // What killed backups left on other days goes too, not only today's.
        if let Some(name) = paths.database.file_name() {
            let prefix = format!("{}.backup-", name.to_string_lossy());
            disk::remove_stale_partials_of(&disk::folder_of(&paths.database), &prefix, true);
        }
        let date = SystemClock.local_date(SystemClock.now()).format("%Y-%m-%d");
        PathBuf::from(format!("{}.backup-{date}", paths.database.display()))
    });
    refuse_the_log(&to, &paths.database)?;
    if to.exists() {
        return Err(Error::Input(format!("{} already exists; choose another path", to.display())));
    }
    let sets = store.backup_to(&to)?;
    say(&format!("backed up {sets} sets to {} (integrity ok: true)", to.display()))
}

/// `hardset doctor`: each check with ok or FIX; fails when one needs fixing.
pub(super) fn doctor(context: &Context) -> Result<(), Error> {
    let findings = files::doctor(&context.paths, &super::app::known_exercises(context));
    let text: Vec<String> =
        findings.iter().map(|(ok, text)| format!("{} {text}", if *ok { "ok  " } else { "FIX " })).collect();
    say(&text.join("\n"))?;
    let problems = findings.iter().filter(|(ok, _)| !ok).count();
    if problems == 0 { Ok(()) } else { Err(Error::Input(format!("{problems} thing(s) to fix, above"))) }
}

/// `hardset paths`: the config directory, the plan and the database in use.
pub(super) fn show_paths(context: &Context) -> Result<(), Error> {
    let paths = &context.paths;
    let plan_path = paths.plan();
    let plan_state = if plan_path.exists() { "" } else { " (not there: the shipped example week is used)" };
    say(&format!(
        "config:   {}\nplan:     {}{plan_state}\ndatabase: {}",
        paths.config_dir.display(),
        plan_path.display(),
        paths.database.display()
    ))
}

/// `hardset completions SHELL`: the shell's completion script.
pub(super) fn completions(shell: clap_complete::Shell) -> Result<(), Error> {
    use clap::CommandFactory;
    let mut command = Cli::command();
    // Written to memory first: the generator panics on a closed pipe, `say` does not.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "hardset", &mut script);
    say(String::from_utf8_lossy(&script).trim_end())
}

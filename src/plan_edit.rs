//! Editing `plan.toml` safely, for `hardset plan edit` and the app alike: the lifter edits a
//! draft copy (`plan.toml.edit`), and the draft replaces the plan only when it parses. A refused
//! draft stays beside the plan, named in the message with the line and column that is wrong, and
//! the next edit resumes it, so no typing is lost. Without a plan yet, the draft starts from the
//! shipped example week and `plan.toml` is written only when an edit is accepted.
//!
//! How the editor is run is the caller's: the shell runs it as it is, the app first hands the
//! terminal over and takes it back after (see [`edit`]).

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};

use crate::model::exercise::Catalogue;
use crate::model::plan::{EXAMPLE_WEEK, Plan, PlanError};
use crate::model::text::escape;

/// The editor the lifter asked for: `$VISUAL`, else `$EDITOR`, else `vi` (one set but empty
/// counts as not set).
pub fn editor_from_env() -> String {
    let named = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    named("VISUAL").or_else(|| named("EDITOR")).unwrap_or_else(|| "vi".into())
}

/// What an accepted edit did.
#[derive(Debug, Clone, PartialEq)]
pub enum Edited {
    /// The draft parsed and is now `plan.toml`.
    Saved {
        /// The plan as read from it (before the settings' defaults are applied).
        plan: Box<Plan>,
        /// `plan.toml`.
        path: PathBuf,
    },
    /// The editor closed with the plan as it was: nothing was written.
    Unchanged {
        /// `plan.toml`, when there is one.
        path: Option<PathBuf>,
    },
}

impl std::fmt::Display for Edited {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Edited::Saved { plan, path } => {
                write!(f, "{}: saved, '{}', {} days", path.display(), escape(&plan.name), plan.days.len())
            }
            Edited::Unchanged { path: Some(path) } => write!(f, "{}: no change", path.display()),
            Edited::Unchanged { path: None } => {
                write!(f, "no change: no plan.toml was written (the example week stays in use)")
            }
        }
    }
}

/// Why an edit was not taken. In every case the plan in use is as it was.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// The draft could not be made or moved into place.
    #[error("the plan's draft: {0}")]
    Io(#[from] io::Error),
    /// The editor setting is empty.
    #[error("set $VISUAL or $EDITOR to the editor to use")]
    NoEditor,
    /// The editor could not be started at all (not installed, not executable).
    #[error("the editor '{editor}' could not be started ({error}); set $VISUAL or $EDITOR; {unchanged}")]
    EditorMissing {
        /// The editor, escaped.
        editor: String,
        /// Why.
        error: io::Error,
        /// What became of the plan.
        unchanged: String,
    },
    /// The editor ran and failed.
    #[error(
        "{editor} did not finish cleanly; {unchanged}{}",
        .draft.as_ref().map(|d| format!(", the draft is {}", d.display())).unwrap_or_default()
    )]
    EditorFailed {
        /// The editor, escaped.
        editor: String,
        /// What became of the plan.
        unchanged: String,
        /// Where the draft is kept, when it holds an edit.
        draft: Option<PathBuf>,
    },
    /// The draft does not parse: where and why, and where it is kept.
    #[error("the edit was refused and {unchanged}: {error}\nyour edit is kept in {}", .draft.display())]
    Refused {
        /// Where the draft is wrong (path:line:col, escaped when shown).
        error: PlanError,
        /// What became of the plan.
        unchanged: String,
        /// Where the draft is kept.
        draft: PathBuf,
    },
}

/// The draft being edited.
struct Draft {
    /// `plan.toml`.
    plan: PathBuf,
    /// `plan.toml.edit`.
    copy: PathBuf,
    /// Whether the draft was made for this edit (rather than resumed from a refused one).
    fresh: bool,
    /// The text the plan in use has: `plan.toml`'s, else the example week's.
    current: String,
}

impl Draft {
    /// Makes the draft (a copy of `plan.toml`, else the example week), or resumes the one a
    /// refused edit left.
    fn open(config_dir: &Path) -> io::Result<Draft> {
        let plan = config_dir.join("plan.toml");
        let draft = config_dir.join("plan.toml.edit");
        let current = if plan.exists() { std::fs::read_to_string(&plan)? } else { EXAMPLE_WEEK.to_string() };
        // A draft older than the plan (changed by hand, or synced, since the draft was refused)
        // is not resumed: it would put the older plan back. It is set aside, not lost.
        if draft.exists() && plan.exists() && modified(&plan)? > modified(&draft)? {
            std::fs::rename(&draft, config_dir.join("plan.toml.edit.old"))?;
        }
        let fresh = !draft.exists();
        if fresh {
            std::fs::create_dir_all(config_dir)?;
            std::fs::write(&draft, &current)?;
        }
        Ok(Draft { plan, copy: draft, fresh, current })
    }

    /// Whether the draft still holds the plan in use, word for word.
    fn untouched(&self) -> bool {
        std::fs::read_to_string(&self.copy).is_ok_and(|text| text == self.current)
    }

    /// What became of the plan, for the messages.
    fn unchanged(&self) -> String {
        if self.plan.exists() {
            format!("{} is unchanged", self.plan.display())
        } else {
            "no plan.toml was written (the example week stays in use)".to_string()
        }
    }

    /// The draft after the editor closed: the plan when it parses, the same plan when nothing
    /// changed, else refused with the draft kept.
    fn finish(self, catalogue: &Catalogue) -> Result<Edited, DraftError> {
        let text = std::fs::read_to_string(&self.copy)?;
        let unchanged = self.unchanged();
        if text == self.current {
            std::fs::remove_file(&self.copy)?;
            return Ok(Edited::Unchanged { path: self.plan.exists().then_some(self.plan) });
        }
        match Plan::parse(&text, &self.copy.display().to_string(), catalogue) {
            Ok(plan) => {
                // The rename is atomic: the plan is either the old one or the new one, never half.
                std::fs::rename(&self.copy, &self.plan)?;
                Ok(Edited::Saved { plan: Box::new(plan), path: self.plan })
            }
            Err(error) => Err(DraftError::Refused { error, unchanged, draft: self.copy }),
        }
    }
}

/// Opens the plan's draft in `editor` (a program and its arguments, split at spaces) and keeps
/// the draft only if it parses. `run` runs the editor's command and waits for it: the shell
/// runs it as it is; the app gives the terminal to it first and takes it back after, whatever
/// became of it.
pub fn edit(
    config_dir: &Path,
    catalogue: &Catalogue,
    editor: &str,
    run: impl FnOnce(&mut Command) -> io::Result<ExitStatus>,
) -> Result<Edited, DraftError> {
    let mut words = editor.split_whitespace();
    let program = words.next().ok_or(DraftError::NoEditor)?;
    let draft = Draft::open(config_dir)?;
    let mut command = Command::new(program);
    command.args(words).arg(&draft.copy);
    let shown = escape(editor).into_owned();
    match run(&mut command) {
        Ok(status) if status.success() => draft.finish(catalogue),
        Ok(_) => {
            // A draft that still holds the plan keeps nothing worth resuming (a killed editor,
            // `:cq`): left behind it could later put this plan back over a newer one.
            let kept = if draft.untouched() && std::fs::remove_file(&draft.copy).is_ok() {
                None
            } else {
                Some(draft.copy.clone())
            };
            Err(DraftError::EditorFailed { editor: shown, unchanged: draft.unchanged(), draft: kept })
        }
        Err(error) => {
            // Nothing was edited: a draft made for this edit goes, a resumed one stays.
            if draft.fresh {
                let _ = std::fs::remove_file(&draft.copy);
            }
            Err(DraftError::EditorMissing { editor: shown, error, unchanged: draft.unchanged() })
        }
    }
}

/// When a file was last written.
fn modified(path: &Path) -> io::Result<std::time::SystemTime> {
    std::fs::metadata(path)?.modified()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_script(dir: &Path, body: &str) -> String {
        let path = dir.join("editor.sh");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("script");
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
        path.display().to_string()
    }

    #[test]
    fn closing_the_editor_with_nothing_changed_writes_nothing_and_says_so() {
        let dir = tempfile::tempdir().expect("temp dir");
        let editor = write_script(dir.path(), "true");
        let done = edit(dir.path(), &Catalogue::shipped(), &editor, Command::status).expect("no change");
        assert_eq!(done, Edited::Unchanged { path: None });
        assert!(done.to_string().contains("no change: no plan.toml was written"), "{done}");
        assert!(!dir.path().join("plan.toml").exists() && !dir.path().join("plan.toml.edit").exists());
    }

    #[test]
    fn a_failed_editor_leaves_no_untouched_draft_and_an_older_draft_never_overwrites_a_newer_plan() {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = dir.path().join("plan.toml");
        std::fs::write(&plan, EXAMPLE_WEEK).expect("plan");
        // Killed before writing anything: nothing is left to resume.
        let editor = write_script(dir.path(), "exit 1");
        let error = edit(dir.path(), &Catalogue::shipped(), &editor, Command::status).expect_err("failed");
        assert!(!dir.path().join("plan.toml.edit").exists(), "{error}");
        assert!(!error.to_string().contains("the draft is"), "{error}");
        // A refused draft, then plan.toml changed by hand: the next edit starts from the new
        // plan, and closing it unchanged leaves the new plan as it is.
        let broken = write_script(dir.path(), "echo 'days = 3' >> \"$1\"");
        assert!(edit(dir.path(), &Catalogue::shipped(), &broken, Command::status).is_err());
        assert!(dir.path().join("plan.toml.edit").exists(), "the refused draft is kept");
        std::thread::sleep(std::time::Duration::from_millis(20));
        let newer = EXAMPLE_WEEK.replace("Example week", "Newer week");
        std::fs::write(&plan, &newer).expect("edited by hand");
        let nothing = write_script(dir.path(), "true");
        let done = edit(dir.path(), &Catalogue::shipped(), &nothing, Command::status).expect("no change");
        assert!(matches!(done, Edited::Unchanged { .. }), "{done}");
        assert_eq!(std::fs::read_to_string(&plan).expect("plan"), newer);
        assert!(dir.path().join("plan.toml.edit.old").exists(), "the older draft is set aside, not lost");
    }

    #[test]
    fn an_editor_that_cannot_start_leaves_no_draft_and_names_itself() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("no-such-editor").display().to_string();
        let err = edit(dir.path(), &Catalogue::shipped(), &missing, Command::status).expect_err("no editor");
        assert!(matches!(err, DraftError::EditorMissing { .. }), "{err}");
        assert!(err.to_string().contains("could not be started") && err.to_string().contains("no-such-editor"));
        assert!(!dir.path().join("plan.toml.edit").exists(), "no draft is left behind");
        assert!(matches!(edit(dir.path(), &Catalogue::shipped(), "  ", Command::status), Err(DraftError::NoEditor)));
    }
}

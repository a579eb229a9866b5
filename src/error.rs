//! The errors that reach the command line, each with a message a lifter can act on.

use crate::model::plan::PlanError;
use crate::store::StoreError;

/// Anything that stops a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The plan file.
    #[error("the plan cannot be used: {0}")]
    Plan(#[from] PlanError),
    /// The settings file.
    #[error("the settings cannot be used: {0}")]
    Config(#[from] crate::config::ConfigError),
    /// A file to import: nothing was imported.
    #[error(transparent)]
    Import(#[from] crate::import::Failure),
    /// An edit of the plan that was not taken.
    #[error(transparent)]
    PlanEdit(#[from] crate::plan_edit::DraftError),
    /// Reading or writing a file or the terminal.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Bad input on the command line.
    #[error("{0}")]
    Input(String),
    /// The app was started with no terminal to draw in; the commands that work without one.
    #[error(
        "the app needs a terminal, and standard input or output is not one; without a terminal use a command: {0} (hardset --help)"
    )]
    NoTerminal(String),
}

impl Error {
    /// The process's exit status for this error: 2 when there is no terminal for the app (it
    /// was started wrongly, not failed), 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::NoTerminal(_) => 2,
            _ => 1,
        }
    }
}

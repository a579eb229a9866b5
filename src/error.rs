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
    /// A file to import.
    #[error("nothing was imported: {0}")]
    Import(#[from] crate::import::ImportError),
    /// Reading or writing a file or the terminal.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Bad input on the command line.
    #[error("{0}")]
    Input(String),
}

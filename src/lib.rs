//! hardset: a full-screen terminal workout companion for few, very hard sets.
//!
//! Layers, with dependencies pointing one way: `tui` turns state into frames and keys into
//! actions; `today` gathers the session from the `store` and applies the `training` rules over
//! the plain `model` types. The training rules import neither the terminal nor the database.

pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod disk;
pub mod error;
pub mod export;
pub mod files;
pub mod history;
pub mod import;
pub mod keymap;
pub mod model;
pub mod paths;
pub mod platform;
pub mod recovery;
pub mod store;
pub mod today;
pub mod training;
pub mod tui;
pub mod week;

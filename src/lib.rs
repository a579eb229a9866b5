//! hardset: a full-screen terminal workout companion for few, very hard sets.
//!
//! Layers, with dependencies pointing one way (the table in `docs/architecture.md`, held by
//! `tests/layers.rs`): `model` types, the pure `training` rules over them, the `store`, the
//! settings (`config`, `keymap`), files in and out (`import`, `export`), the services that
//! combine store and rules (`today`, `history`, `week`, `recovery`), the `tui`, and the `cli`.

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
pub mod plan_edit;
pub mod platform;
pub mod recovery;
pub mod store;
pub mod summary;
pub mod today;
pub mod training;
pub mod tui;
pub mod week;

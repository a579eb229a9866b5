//! The full-screen app: state and update, the views, and the event loop (keys come from
//! `crate::keymap`).

pub mod app;
pub mod driver;
pub mod event_loop;
pub mod form;
pub mod theme;
pub mod view;

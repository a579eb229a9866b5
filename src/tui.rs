//! The full-screen app: state and update, the screens and popups, the views, and the event loop
//! (keys come from `crate::keymap`).

pub mod app;
pub mod driver;
pub mod effect;
pub mod event_loop;
pub mod form;
pub mod popups;
pub mod screens;
pub mod theme;
pub mod view;

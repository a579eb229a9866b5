//! The full-screen app: state and update, the screens and popups, the keymap, the views, and
//! the event loop.

pub mod app;
pub mod driver;
pub mod effect;
pub mod event_loop;
pub mod form;
pub mod keymap;
pub mod popups;
pub mod screens;
pub mod theme;
pub mod view;

//! The full-screen app: state and update, the keymap, the views, and the event loop.

pub mod app;
pub mod driver;
pub mod event_loop;
pub mod form;
pub mod keymap;
pub mod theme;
pub mod view;

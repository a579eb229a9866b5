//! The training rules: pure functions over plain types, free of the screen and the database.

pub mod bodyweight;
pub mod checklist;
pub mod compare;
pub mod deload;
pub mod e1rm;
pub mod plates;
pub mod progression;
pub mod ramp;
pub mod records;
pub mod recovery;
pub mod revisions;
pub mod schedule;
pub mod techniques;
pub mod volume;
pub mod warnings;

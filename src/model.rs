//! Plain types: units, the exercise catalogue, plans, sessions and sets.

pub mod exercise;
pub mod plan;
pub mod session;
pub mod text;
pub mod units;

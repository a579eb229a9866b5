//! Every command knows the log's own exercises, as the app's pickers do: the plan is read with
//! the catalogue plus the custom exercises imports brought in ("Hip Adduction (Machine)").

use super::Context;
use super::app::{load_plan, with_custom};
use crate::config::Settings;
use crate::error::Error;
use crate::model::plan::Plan;
use crate::store::Store;

/// The plan, with the log's own exercises known beside the catalogue's. The log is only read
/// (no log yet reads as an empty one, and nothing is created).
pub(super) fn plan_with_log(context: &Context, settings: &Settings) -> Result<Plan, Error> {
    let store = Store::open_to_read(&context.paths.database)?;
    load_plan(&context.paths, &with_custom(&context.catalogue, &store)?, settings)
}

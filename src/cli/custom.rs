//! Every command knows the log's own exercises, as the app's pickers do: the plan is read with
//! the catalogue plus the custom exercises imports brought in ("Hip Adduction (Machine)") or the
//! lifter made (`hardset exercises add`, the app's picker).

use super::app::{load_plan, with_custom};
use super::{Context, announce, open_to_write, say};
use crate::config::Settings;
use crate::error::Error;
use crate::model::exercise::{CustomExercise, FailureClass, own_exercise_name, parse_equipment, parse_muscles};
use crate::model::plan::Plan;
use crate::model::text::escape;
use crate::store::Store;

/// The plan, with the log's own exercises known beside the catalogue's. The log is only read
/// (no log yet reads as an empty one, and nothing is created).
pub(super) fn plan_with_log(context: &Context, settings: &Settings) -> Result<Plan, Error> {
    let store = Store::open_to_read(&context.paths.database)?;
    load_plan(&context.paths, &with_custom(&context.catalogue, &store)?, settings)
}

/// `hardset exercises add`: an exercise of the lifter's own, kept in the log as the app keeps
/// one made in its picker. `technical` is what the lifter said, else its equipment decides.
pub(super) fn add_exercise(
    context: &Context,
    settings: &Settings,
    name: &str,
    equipment: &str,
    muscles: &str,
    technical: Option<bool>,
) -> Result<(), Error> {
    let name = own_exercise_name(name).map_err(Error::Input)?;
    let equipment = parse_equipment(equipment).map_err(Error::Input)?;
    let muscles = parse_muscles(muscles).map_err(Error::Input)?;
    let mut store = open_to_write(&context.paths.database)?;
    announce(&store);
    let plan = load_plan(&context.paths, &with_custom(&context.catalogue, &store)?, settings)?;
    if let Some(known) = plan.exercises.get(&name) {
        return Err(Error::Input(format!(
            "\"{}\" is already an exercise ({}): log it by that name",
            escape(&name),
            escape(&known.name)
        )));
    }
    let technical = technical.unwrap_or(equipment.failure_class() == FailureClass::Technical);
    let custom = CustomExercise { name, muscles, equipment, source: "cli".into(), technical: Some(technical) };
    if !store.add_custom_exercise(&custom, chrono::Utc::now())? {
        return Err(Error::Input(format!("\"{}\" is already one of your exercises", escape(&custom.name))));
    }
    say(&format!("added {}", escape(&custom.summary())))
}

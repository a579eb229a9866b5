//! The lifter's own files and names: `plan` (check, show, start, edit plan.toml), `config`
//! (show, check, start config.toml) and `exercises` (the log's names the catalogue does not know,
//! and filing them under one it does).

use std::fmt::Write as _;

use super::app::{known_exercises, load_plan, load_settings, record_plan_in_use};
use super::{ConfigCommand, Context, ExercisesCommand, PlanCommand, announce, open_to_write, say, warn};
use crate::error::Error;
use crate::files;
use crate::model::plan::Plan;
use crate::store::Store;

/// `hardset plan ...`.
pub(super) fn plan(context: &Context, command: PlanCommand) -> Result<(), Error> {
    match command {
        PlanCommand::Check { file } => {
            say(&files::check_plan(file.as_deref(), &context.paths.config_dir, &known_exercises(context))?)
        }
        PlanCommand::Show => {
            let (settings, warning) = load_settings(context.explicit_config, &context.paths)?;
            warn(warning);
            say(files::show_plan(&load_plan(&context.paths, &known_exercises(context), &settings)?).trim_end())
        }
        PlanCommand::Init => {
            let path = files::init_plan(&context.paths.config_dir)?;
            say(&format!("wrote {}: the example week, yours to edit", path.display()))
        }
        PlanCommand::Edit => edit_plan(context),
    }
}

/// `hardset plan edit`: plan.toml in the lifter's editor, kept only if it parses, and noted in
/// the log (the draft's rules are `plan_edit`'s, which the app's own plan key shares).
fn edit_plan(context: &Context) -> Result<(), Error> {
    let editor = crate::plan_edit::editor_from_env();
    let catalogue = known_exercises(context);
    let edited = crate::plan_edit::edit(&context.paths.config_dir, &catalogue, &editor, std::process::Command::status)?;
    say(&edited.to_string())?;
    // The log learns of the new plan now, not at the app's next start, so a second
    // edit the same evening is seen as the same revision.
    if matches!(edited, crate::plan_edit::Edited::Saved { .. })
        && context.paths.database.exists()
        && let Err(e) = record_plan_in_use(context.explicit_config, &context.paths, &catalogue)
    {
        eprintln!("hardset: the plan is saved, but the log could not note the change: {e}");
    }
    Ok(())
}

/// `hardset config ...`.
pub(super) fn config(context: &Context, command: &ConfigCommand) -> Result<(), Error> {
    match command {
        ConfigCommand::Show => show_config(context),
        ConfigCommand::Check => say(&files::check_config(&context.paths.config_dir)?),
        ConfigCommand::Init => {
            let path = files::init_config(&context.paths.config_dir)?;
            say(&format!("wrote {}: every setting, commented out; uncomment what you change", path.display()))
        }
    }
}

/// `hardset config show`: the settings in effect, and where the plan overrides them.
fn show_config(context: &Context) -> Result<(), Error> {
    let (settings, warning) = load_settings(context.explicit_config, &context.paths)?;
    warn(warning);
    // The plan is read only to say where it overrides a setting; a broken plan does
    // not hide the settings.
    let plan = match Plan::load_for(&context.paths.config_dir, &context.catalogue) {
        Ok((plan, path)) => Some((plan, if path.is_some() { "plan.toml" } else { "the shipped example week" })),
        Err(e) => {
            eprintln!("hardset: {e}; what the plan overrides is not shown");
            None
        }
    };
    say(files::show_config(&settings, plan.as_ref().map(|(plan, source)| (plan, *source)))?.trim_end())
}

/// `hardset exercises [list | map FROM TO]`.
pub(super) fn exercises(context: &Context, command: Option<ExercisesCommand>) -> Result<(), Error> {
    let (settings, _) = load_settings(context.explicit_config, &context.paths)?;
    // The catalogue alone: the list is of the log's exercises it does not know.
    let plan = load_plan(&context.paths, &context.catalogue, &settings)?;
    match command.unwrap_or(ExercisesCommand::List) {
        ExercisesCommand::List => {
            let store = Store::open_to_read(&context.paths.database)?;
            announce(&store);
            say(&exercises_text(&store, &plan)?)
        }
        ExercisesCommand::Map { from, to } => map_exercise(context, &plan, &from, &to),
        ExercisesCommand::Add { name, equipment, muscles, technical, safe } => {
            let technical = (technical || safe).then_some(technical);
            super::custom::add_exercise(context, &settings, &name, &equipment, &muscles, technical)
        }
    }
}

/// `hardset exercises map`: files every set of `from` under `to`, a catalogue or plan exercise.
fn map_exercise(context: &Context, plan: &Plan, from: &str, to: &str) -> Result<(), Error> {
    let mut store = open_to_write(&context.paths.database)?;
    announce(&store);
    let Some(target) = plan.exercises.get(to) else {
        let hint = plan.exercises.closest(to).map(|c| format!(" (closest: {c})")).unwrap_or_default();
        let to = crate::model::text::escape(to);
        return Err(Error::Input(format!("\"{to}\" is not in the catalogue or your plan{hint}")));
    };
    let target = target.name.clone();
    let logged = store.logged_exercises()?;
    let wanted = crate::model::text::clean_line(from);
    let Some((name, _)) = logged.iter().find(|(n, _)| n.eq_ignore_ascii_case(&wanted)) else {
        let from = crate::model::text::escape(from);
        return Err(Error::Input(format!("no sets of \"{from}\" in the log: `hardset exercises` lists them")));
    };
    if name.eq_ignore_ascii_case(&target) {
        return Err(Error::Input(format!("\"{name}\" is already filed as {target}")));
    }
    let moved = store.rename_exercise(name, &target)?;
    say(&format!("{moved} sets of \"{name}\" are now {target}"))
}

/// The logged exercises the catalogue and the plan do not know, with the closest known name, and
/// those filed under another spelling of a known exercise (an older import kept a file's alias),
/// which `history` and the app do not find under that name.
fn exercises_text(store: &Store, plan: &Plan) -> Result<String, Error> {
    let custom = store.custom_exercises()?;
    let logged = store.logged_exercises()?;
    let unknown: Vec<&(String, u64)> = logged.iter().filter(|(name, _)| plan.exercises.get(name).is_none()).collect();
    let aliased: Vec<(&str, u64, &str)> = logged
        .iter()
        .filter_map(|(name, sets)| {
            let known = plan.exercises.get(name)?;
            (known.name.to_lowercase() != name.to_lowercase()).then_some((name.as_str(), *sets, known.name.as_str()))
        })
        .collect();
    if unknown.is_empty() && aliased.is_empty() {
        return Ok("every exercise in the log is in the catalogue or your plan".into());
    }
    let mut text = String::new();
    if !unknown.is_empty() {
        let (n, are) =
            (unknown.len(), if unknown.len() == 1 { "exercise in the log is" } else { "exercises in the log are" });
        let _ = writeln!(text, "{n} {are} not in the catalogue or your plan:");
    }
    for (name, sets) in unknown {
        let known = custom.iter().find(|c| c.name.eq_ignore_ascii_case(name));
        let worked = known.map(|c| c.muscles.as_slice());
        let muscles: Vec<&str> = worked.unwrap_or_default().iter().map(|m| m.name()).collect();
        let muscles = if muscles.is_empty() { "no muscles".to_string() } else { muscles.join(", ") };
        // One the lifter made (in the app or with `exercises add`) is theirs on purpose: no
        // catalogue name is offered for it.
        let closest = if known.is_some_and(|c| c.source == "app" || c.source == "cli") {
            "; your own exercise".to_string()
        } else {
            plan.exercises
                .closest_movement(name, worked.unwrap_or_default())
                .map(|c| format!("; closest: {c}"))
                .unwrap_or_default()
        };
        let _ = writeln!(text, "  {name} ({}; {muscles}{closest})", sets_count(*sets));
    }
    if !aliased.is_empty() {
        let _ = writeln!(
            text,
            "{} filed under another name of a known exercise, where History does not find them:",
            if aliased.len() == 1 {
                "1 exercise in the log is".to_string()
            } else {
                format!("{} exercises in the log are", aliased.len())
            }
        );
    }
    for (name, sets, known) in aliased {
        let _ = writeln!(
            text,
            "  {name} ({}): another name of {known}; hardset exercises map \"{name}\" \"{known}\"",
            sets_count(sets)
        );
    }
    text.push_str("File one under a known exercise with: hardset exercises map \"NAME\" \"KNOWN NAME\"");
    Ok(text)
}

/// "1 set", "12 sets".
fn sets_count(sets: u64) -> String {
    if sets == 1 { "1 set".into() } else { format!("{sets} sets") }
}

//! Settings: the shipped defaults (documented in `assets/config.toml`) and the lifter's
//! `config.toml`, which overrides only what it names.

mod colours;
mod keys;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Deserializer, Serializer};
use toml::Spanned;

use crate::keymap::Keymap;
use crate::model::exercise::{deserialize_rest, format_rest};
use crate::model::plan::{PlanDefaults, line_column};
use crate::model::text;
use crate::model::units::{Effort, Load, Unit};
use crate::training::e1rm::Formula;
use crate::training::plates::BarSetup;

pub use colours::{Colour, ColourSettings};
pub use keys::KeyError;

/// The shipped settings file: every setting with its default, commented.
pub const SHIPPED_CONFIG: &str = include_str!("../assets/config.toml");

/// All settings.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The unit loads are suggested in when the plan does not name one.
    pub units: UnitSettings,
    /// Estimated 1RM.
    pub e1rm: E1rmSettings,
    /// Bars, plates, dumbbells and stacks.
    pub equipment: EquipmentSettings,
    /// Rest times the plan does not name.
    pub rest: RestSettings,
    /// Effective sets and weekly targets.
    pub volume: VolumeSettings,
    /// How effort is typed and shown.
    pub entry: EntrySettings,
    /// The readiness check-in.
    pub checkin: CheckInSettings,
    /// When recovery signs count, and the dose one session may give a muscle.
    pub recovery: RecoverySettings,
    /// Targets: layoffs and how far one target may climb.
    pub progression: ProgressionSettings,
    /// Colours of the screen, by what they mean.
    pub colours: ColourSettings,
    /// Keys moved to other keys: action name to key, as written (spans locate mistakes).
    /// Shown, it lists every action with the key in force.
    #[serde(serialize_with = "keys::serialize_keys")]
    pub keys: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// The unit loads are suggested in.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct UnitSettings {
    /// Used when the plan names no `unit`.
    pub load: Unit,
}

/// Rest times for when the plan does not say.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct RestSettings {
    /// After a ramp-up set, unless the plan names `ramp_up_rest`.
    #[serde(deserialize_with = "deserialize_rest", serialize_with = "serialize_rest")]
    pub ramp_up: Duration,
    /// After a working set of an exercise the plan gives no `rest`; unset, the catalogue's rest.
    #[serde(deserialize_with = "deserialize_some_rest", serialize_with = "serialize_opt_rest")]
    pub working: Option<Duration>,
}

impl Default for RestSettings {
    fn default() -> Self {
        RestSettings { ramp_up: crate::model::plan::DEFAULT_RAMP_UP_REST, working: None }
    }
}

fn deserialize_some_rest<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
    deserialize_rest(d).map(Some)
}

fn serialize_rest<S: Serializer>(rest: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_rest(*rest))
}

#[allow(clippy::ref_option)] // serde hands `serialize_with` a reference to the field
fn serialize_opt_rest<S: Serializer>(rest: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
    match rest {
        Some(rest) => s.serialize_some(&format_rest(*rest)),
        None => s.serialize_none(),
    }
}

/// How the lifter enters sets.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct EntrySettings {
    /// The scale effort is typed and shown in: reps in reserve or RPE (stored as RIR either way).
    pub effort: Effort,
}

/// The readiness check-in at the start of a session.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckInSettings {
    /// Ask before the first set of each training session.
    pub ask: bool,
}

impl Default for CheckInSettings {
    fn default() -> Self {
        CheckInSettings { ask: true }
    }
}

/// How e1RM is estimated.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct E1rmSettings {
    /// The formula.
    pub formula: Formula,
}

/// The lifter's equipment. Every weight is read exactly as written, to the hundredth
/// (`plates_kg = [1.1, 0.57]`), never judged through floating-point noise.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct EquipmentSettings {
    /// Empty bar in kg.
    pub bar_kg: Load,
    /// Empty bar in lb.
    pub bar_lb: Load,
    /// Plates in kg.
    pub plates_kg: Vec<Load>,
    /// Plates in lb.
    pub plates_lb: Vec<Load>,
    /// Dumbbell jump in kg.
    pub dumbbell_step_kg: Load,
    /// Dumbbell jump in lb.
    pub dumbbell_step_lb: Load,
    /// Stack pin step in kg.
    pub machine_step_kg: Load,
    /// Stack pin step in lb.
    pub machine_step_lb: Load,
}

/// A weight given in whole units.
fn whole(units: i64) -> Load {
    Load::from_hundredths(units * 100)
}

impl Default for EquipmentSettings {
    fn default() -> Self {
        EquipmentSettings {
            bar_kg: whole(20),
            bar_lb: whole(45),
            plates_kg: [2500, 2000, 1500, 1000, 500, 250, 125].map(Load::from_hundredths).to_vec(),
            plates_lb: [4500, 3500, 2500, 1000, 500, 250].map(Load::from_hundredths).to_vec(),
            dumbbell_step_kg: whole(2),
            dumbbell_step_lb: whole(5),
            machine_step_kg: whole(5),
            machine_step_lb: whole(10),
        }
    }
}

impl EquipmentSettings {
    /// The equipment as the training rules read it.
    pub fn gear(&self) -> crate::training::ramp::Gear {
        let in_unit = |unit| crate::training::ramp::UnitGear {
            bar: self.bar(unit),
            dumbbell_step: self.dumbbell_step(unit),
            machine_step: self.machine_step(unit),
        };
        crate::training::ramp::Gear { kg: in_unit(Unit::Kg), lb: in_unit(Unit::Lb) }
    }

    /// The barbell and plates in a unit.
    pub fn bar(&self, unit: Unit) -> BarSetup {
        let (bar, plates) = match unit {
            Unit::Kg => (self.bar_kg, &self.plates_kg),
            Unit::Lb => (self.bar_lb, &self.plates_lb),
        };
        BarSetup { bar, plates: plates.clone() }
    }

    /// The dumbbell jump in a unit.
    pub fn dumbbell_step(&self, unit: Unit) -> Load {
        match unit {
            Unit::Kg => self.dumbbell_step_kg,
            Unit::Lb => self.dumbbell_step_lb,
        }
    }

    /// The stack pin step in a unit.
    pub fn machine_step(&self, unit: Unit) -> Load {
        match unit {
            Unit::Kg => self.machine_step_kg,
            Unit::Lb => self.machine_step_lb,
        }
    }

    /// Range checks; an error names the setting it is about. Finer than a hundredth was refused
    /// while reading.
    fn check(&self) -> Result<(), (&'static str, String)> {
        let real = |v: Load| v.hundredths() > 0 && v.hundredths() <= 100 * 100;
        for (name, bar) in [("bar_kg", self.bar_kg), ("bar_lb", self.bar_lb)] {
            if !real(bar) {
                return Err((name, "a bar weighs more than 0 and at most 100".into()));
            }
        }
        for (name, plates) in [("plates_kg", &self.plates_kg), ("plates_lb", &self.plates_lb)] {
            if plates.is_empty() {
                return Err((name, "name at least one plate".into()));
            }
            if !plates.iter().all(|&p| real(p)) {
                return Err((name, "a plate weighs more than 0 and at most 100, to the hundredth".into()));
            }
        }
        let steps = [
            ("dumbbell_step_kg", self.dumbbell_step_kg),
            ("dumbbell_step_lb", self.dumbbell_step_lb),
            ("machine_step_kg", self.machine_step_kg),
            ("machine_step_lb", self.machine_step_lb),
        ];
        for (name, step) in steps {
            if !real(step) {
                return Err((name, "a dumbbell or stack step is more than 0 and at most 100".into()));
            }
        }
        Ok(())
    }
}

/// The thresholds of today's targets (docs/method.md, "Double progression").
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ProgressionSettings {
    /// Weeks away from an exercise after which the load holds at the bottom of the range.
    pub layoff_hold_weeks: u8,
    /// Weeks away after which the load comes down too.
    pub layoff_cut_weeks: u8,
    /// Percent of the load taken off per week away, past `layoff_cut_weeks`.
    pub layoff_cut_percent_per_week: f64,
    /// The most a layoff takes off, in percent.
    pub layoff_max_cut_percent: f64,
    /// The most load steps one target climbs at once.
    pub max_load_steps: u8,
}

impl Default for ProgressionSettings {
    fn default() -> Self {
        use crate::training::progression as p;
        ProgressionSettings {
            layoff_hold_weeks: p::LAYOFF_HOLD_WEEKS,
            layoff_cut_weeks: p::LAYOFF_CUT_WEEKS,
            layoff_cut_percent_per_week: p::LAYOFF_CUT_PERCENT_PER_WEEK,
            layoff_max_cut_percent: p::LAYOFF_MAX_CUT_PERCENT,
            max_load_steps: p::MAX_LOAD_STEPS,
        }
    }
}

impl ProgressionSettings {
    /// Range checks; an error names the setting it is about.
    fn check(&self) -> Result<(), (&'static str, String)> {
        if !(1..=52).contains(&self.layoff_hold_weeks) {
            return Err(("layoff_hold_weeks", "layoff_hold_weeks is 1 to 52 weeks".into()));
        }
        if self.layoff_cut_weeks < self.layoff_hold_weeks || self.layoff_cut_weeks > 104 {
            return Err(("layoff_cut_weeks", "layoff_cut_weeks is at least layoff_hold_weeks, at most 104".into()));
        }
        let per_week = self.layoff_cut_percent_per_week;
        if !(per_week.is_finite() && (0.0..=10.0).contains(&per_week)) {
            return Err(("layoff_cut_percent_per_week", "layoff_cut_percent_per_week is 0 to 10 (percent)".into()));
        }
        let most = self.layoff_max_cut_percent;
        if !(most.is_finite() && (0.0..=60.0).contains(&most)) {
            return Err(("layoff_max_cut_percent", "layoff_max_cut_percent is 0 to 60 (percent)".into()));
        }
        if !(1..=10).contains(&self.max_load_steps) {
            return Err(("max_load_steps", "max_load_steps is 1 to 10 steps".into()));
        }
        Ok(())
    }
}

/// Experience, which sets the weekly target band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Experience {
    /// 6-8 effective sets per muscle a week.
    Beginner,
    /// 6-10.
    #[default]
    Intermediate,
    /// 8-10.
    Advanced,
}

/// Effective sets and the weekly dose.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct VolumeSettings {
    /// A working set at this RIR or fewer is effective.
    pub effective_rir: f64,
    /// Experience level.
    pub experience: Experience,
    /// A band that overrides the experience level.
    pub weekly_target: Option<[u8; 2]>,
}

impl Default for VolumeSettings {
    fn default() -> Self {
        VolumeSettings { effective_rir: 3.0, experience: Experience::Intermediate, weekly_target: None }
    }
}

impl VolumeSettings {
    /// The weekly band of effective sets per muscle.
    pub fn band(&self) -> (u8, u8) {
        match (self.weekly_target, self.experience) {
            (Some([low, high]), _) => (low, high),
            (None, Experience::Beginner) => (6, 8),
            (None, Experience::Intermediate) => (6, 10),
            (None, Experience::Advanced) => (8, 10),
        }
    }

    /// The effective-set threshold in half reps of RIR.
    pub fn effective_rir_halves(&self) -> u8 {
        (self.effective_rir * 2.0).round().clamp(0.0, 20.0) as u8
    }

    /// Range checks; an error names the setting it is about.
    fn check(&self) -> Result<(), (&'static str, String)> {
        // Half steps, as RIR is logged: 2.3 is refused, not quietly counted as 2.5.
        let halves = self.effective_rir * 2.0;
        if !(self.effective_rir.is_finite() && (0.0..=10.0).contains(&self.effective_rir) && halves.fract() == 0.0) {
            return Err(("effective_rir", "effective_rir is between 0 and 10, in half steps".into()));
        }
        if let Some([low, high]) = self.weekly_target
            && (low > high || high == 0 || high > 40)
        {
            return Err(("weekly_target", "weekly_target is [low, high] with low <= high, at most 40".into()));
        }
        Ok(())
    }
}

/// When recovery signs count, and the dose one session may give a muscle (docs/method.md).
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct RecoverySettings {
    /// A key lift's weekly fall in e1RM counts only above this percent (RIR-guess noise).
    pub decline_percent: f64,
    /// A decline this large in all (percent) suggests a deload on its own.
    pub decline_alone_percent: f64,
    /// Effective sets over the plan's weekly volume that count as volume added out of anxiety.
    pub anxiety_extra_sets: f64,
    /// The share of the top of the weekly band one session may give a muscle.
    pub session_dose_share: f64,
}

impl Default for RecoverySettings {
    fn default() -> Self {
        use crate::training::{recovery, warnings};
        RecoverySettings {
            decline_percent: recovery::DECLINE_NOISE_PERCENT,
            decline_alone_percent: recovery::DECLINE_ALONE_PERCENT,
            anxiety_extra_sets: recovery::ANXIETY_EXTRA_SETS,
            session_dose_share: warnings::SESSION_DOSE_SHARE,
        }
    }
}

impl RecoverySettings {
    /// Range checks; an error names the setting it is about.
    fn check(&self) -> Result<(), (&'static str, String)> {
        let within = |v: f64, low: f64, high: f64| v.is_finite() && (low..=high).contains(&v);
        if !within(self.decline_percent, 0.0, 20.0) {
            return Err(("decline_percent", "decline_percent is a percent between 0 and 20".into()));
        }
        if !within(self.decline_alone_percent, self.decline_percent, 50.0) {
            return Err((
                "decline_alone_percent",
                "decline_alone_percent is a percent between decline_percent and 50".into(),
            ));
        }
        if !within(self.anxiety_extra_sets, 0.0, 20.0) {
            return Err(("anxiety_extra_sets", "anxiety_extra_sets is between 0 and 20 sets".into()));
        }
        if !(self.session_dose_share.is_finite() && self.session_dose_share > 0.0 && self.session_dose_share <= 1.0) {
            return Err(("session_dose_share", "session_dose_share is a share more than 0 and at most 1".into()));
        }
        Ok(())
    }
}

/// A settings file that could not be used. Shown with every control character and invisible
/// formatting escaped (`\u{1b}`): the message may quote the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {}", text::escape(.path), text::escape(.message))]
pub struct ConfigError {
    /// The file.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// Where `key` of `[table]` is set in `text` (the start of its value), or the table's header when
/// `key` is `None` or not found; 0 when neither is there. Comments are passed over.
fn setting_at(text: &str, table: &str, key: Option<&str>) -> usize {
    let mut offset = 0;
    let mut current = String::new();
    let mut header = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix('[').and_then(|t| t.split(']').next()) {
            current = name.trim().to_string();
            if current == table && header.is_none() {
                header = Some(offset + line.find('[').unwrap_or(0));
            }
        } else if current == table
            && let Some(key) = key
            && let Some(rest) = trimmed.strip_prefix(key)
            && let Some(value) = rest.trim_start().strip_prefix('=')
        {
            let value_start = line.len() - line.trim_start().len() + key.len() + (rest.len() - value.len());
            return offset + value_start + (value.len() - value.trim_start().len());
        }
        offset += line.len();
    }
    header.unwrap_or(0)
}

impl Settings {
    /// Parses a settings file; what it leaves out keeps its default.
    pub fn parse(text: &str, path: &str) -> Result<Settings, ConfigError> {
        let at = |offset: usize, message: String| {
            let (line, column) = line_column(text, offset);
            ConfigError { path: path.to_string(), line, column, message }
        };
        let settings: Settings =
            toml::from_str(text).map_err(|e| at(e.span().map_or(0, |s| s.start), e.message().trim().to_string()))?;
        // Range checks come after parsing: they point at the setting's value (a default that is
        // out of range cannot happen, so the setting is in the file).
        let table_at = |name: &str| setting_at(text, name, None);
        settings.equipment.check().map_err(|(key, m)| at(setting_at(text, "equipment", Some(key)), m))?;
        settings.volume.check().map_err(|(key, m)| at(setting_at(text, "volume", Some(key)), m))?;
        settings.recovery.check().map_err(|(key, m)| at(setting_at(text, "recovery", Some(key)), m))?;
        settings.progression.check().map_err(|(key, m)| at(setting_at(text, "progression", Some(key)), m))?;
        if let Err(error) = settings.keymap() {
            // Point at the entry: its key when the key is unreadable, else the action's name.
            let entry = settings.keys.iter().find(|(name, _)| text::clean_line(name.get_ref()) == error.action);
            let offset = entry.map_or_else(
                || table_at("keys"),
                |(name, key)| {
                    if error.about_key { key.span().start } else { name.span().start }
                },
            );
            return Err(at(offset, error.message));
        }
        Ok(settings)
    }

    /// The file read as [`Settings::parse`] reads it, with its `[keys]` left out.
    fn parse_without_keys(text: &str, path: &str) -> Result<Settings, ConfigError> {
        let mut table: toml::Table = toml::from_str(text).map_err(|e| ConfigError {
            path: path.to_string(),
            line: 1,
            column: 1,
            message: e.message().to_string(),
        })?;
        if table.remove("keys").is_none() {
            return Err(ConfigError { path: path.to_string(), line: 1, column: 1, message: "no [keys]".into() });
        }
        Settings::parse(&table.to_string(), path)
    }

    /// The progression rules' thresholds, as plain values for `training::progression`.
    pub fn progression_rules(&self) -> crate::training::progression::Rules {
        let p = &self.progression;
        crate::training::progression::Rules {
            formula: self.e1rm.formula,
            layoff_hold_weeks: p.layoff_hold_weeks,
            layoff_cut_weeks: p.layoff_cut_weeks,
            layoff_cut_percent_per_week: p.layoff_cut_percent_per_week,
            layoff_max_cut_percent: p.layoff_max_cut_percent,
            max_load_steps: p.max_load_steps,
            effort: self.entry.effort,
        }
    }

    /// The keymap with `[keys]` applied.
    pub fn keymap(&self) -> Result<Keymap, KeyError> {
        let keys = keys::cleaned_keys(&self.keys);
        Ok(Keymap::with_overrides(keys.iter().map(|(name, key)| (name.as_str(), key.as_str())))?
            .in_scale(self.entry.effort))
    }

    /// What the plan takes from the settings where it names nothing itself.
    pub fn plan_defaults(&self) -> PlanDefaults {
        PlanDefaults { unit: self.units.load, ramp_up_rest: self.rest.ramp_up, working_rest: self.rest.working }
    }

    /// Reads `config.toml` in `config_dir` if there is one. `explicit` says the directory was
    /// named on the command line: then a bad file is an error; otherwise it is a warning and the
    /// defaults apply.
    pub fn load_for(config_dir: &Path, explicit: bool) -> Result<(Settings, Option<String>), ConfigError> {
        let path: PathBuf = config_dir.join("config.toml");
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Settings::default(), None)),
            Err(e) => {
                let error =
                    ConfigError { path: path.display().to_string(), line: 1, column: 1, message: e.to_string() };
                return if explicit {
                    Err(error)
                } else {
                    Ok((Settings::default(), Some(format!("{error}; using the defaults"))))
                };
            }
        };
        let name = path.display().to_string();
        match Settings::parse(&text, &name) {
            Ok(settings) => Ok((settings, None)),
            Err(error) if explicit => Err(error),
            // Only `[keys]` wrong (a key a later version ships for another action, say): the
            // shipped keys, and the rest of the file still in force (its unit, its plates).
            Err(error) => match Settings::parse_without_keys(&text, &name) {
                Ok(settings) if settings.keymap().is_ok() => {
                    Ok((settings, Some(format!("{error}; using the shipped keys and the rest of the file"))))
                }
                _ => Ok((Settings::default(), Some(format!("{error}; using the defaults")))),
            },
        }
    }
}

#[cfg(test)]
mod tests;

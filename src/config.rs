//! Settings: the shipped defaults (documented in `assets/config.toml`) and the lifter's
//! `config.toml`, which overrides only what it names.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::plan::line_column;
use crate::model::units::{Load, Unit};
use crate::training::e1rm::Formula;
use crate::training::plates::BarSetup;

/// The shipped settings file: every setting with its default, commented.
pub const SHIPPED_CONFIG: &str = include_str!("../assets/config.toml");

/// All settings.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Estimated 1RM.
    pub e1rm: E1rmSettings,
    /// Bars, plates, dumbbells and stacks.
    pub equipment: EquipmentSettings,
    /// Effective sets and weekly targets.
    pub volume: VolumeSettings,
    /// The readiness check-in.
    pub checkin: CheckInSettings,
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

/// The lifter's equipment.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct EquipmentSettings {
    /// Empty bar in kg.
    pub bar_kg: f64,
    /// Empty bar in lb.
    pub bar_lb: f64,
    /// Plates in kg.
    pub plates_kg: Vec<f64>,
    /// Plates in lb.
    pub plates_lb: Vec<f64>,
    /// Dumbbell jump in kg.
    pub dumbbell_step_kg: f64,
    /// Dumbbell jump in lb.
    pub dumbbell_step_lb: f64,
    /// Stack pin step in kg.
    pub machine_step_kg: f64,
    /// Stack pin step in lb.
    pub machine_step_lb: f64,
}

impl Default for EquipmentSettings {
    fn default() -> Self {
        EquipmentSettings {
            bar_kg: 20.0,
            bar_lb: 45.0,
            plates_kg: vec![25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25],
            plates_lb: vec![45.0, 35.0, 25.0, 10.0, 5.0, 2.5],
            dumbbell_step_kg: 2.0,
            dumbbell_step_lb: 5.0,
            machine_step_kg: 5.0,
            machine_step_lb: 10.0,
        }
    }
}

fn load(value: f64) -> Load {
    Load::from_f64(value).unwrap_or_default()
}

impl EquipmentSettings {
    /// The barbell and plates in a unit.
    pub fn bar(&self, unit: Unit) -> BarSetup {
        let (bar, plates) = match unit {
            Unit::Kg => (self.bar_kg, &self.plates_kg),
            Unit::Lb => (self.bar_lb, &self.plates_lb),
        };
        BarSetup { bar: load(bar), plates: plates.iter().map(|&p| load(p)).collect() }
    }

    /// The dumbbell jump in a unit.
    pub fn dumbbell_step(&self, unit: Unit) -> Load {
        load(match unit {
            Unit::Kg => self.dumbbell_step_kg,
            Unit::Lb => self.dumbbell_step_lb,
        })
    }

    /// The stack pin step in a unit.
    pub fn machine_step(&self, unit: Unit) -> Load {
        load(match unit {
            Unit::Kg => self.machine_step_kg,
            Unit::Lb => self.machine_step_lb,
        })
    }

    fn check(&self) -> Result<(), String> {
        let real = |v: f64| v.is_finite() && v > 0.0 && v <= 100.0;
        let bars = [self.bar_kg, self.bar_lb];
        if !bars.iter().all(|&b| real(b)) {
            return Err("a bar weighs more than 0 and at most 100".into());
        }
        if self.plates_kg.is_empty() || self.plates_lb.is_empty() {
            return Err("name at least one plate".into());
        }
        if !self.plates_kg.iter().chain(&self.plates_lb).all(|&p| real(p) && (p * 100.0).fract() == 0.0) {
            return Err("a plate weighs more than 0 and at most 100, to the hundredth".into());
        }
        let steps = [self.dumbbell_step_kg, self.dumbbell_step_lb, self.machine_step_kg, self.machine_step_lb];
        if !steps.iter().all(|&s| real(s)) {
            return Err("a dumbbell or stack step is more than 0 and at most 100".into());
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

    fn check(&self) -> Result<(), String> {
        if !(self.effective_rir.is_finite() && (0.0..=10.0).contains(&self.effective_rir)) {
            return Err("effective_rir is between 0 and 10".into());
        }
        if let Some([low, high]) = self.weekly_target
            && (low > high || high == 0 || high > 40)
        {
            return Err("weekly_target is [low, high] with low <= high, at most 40".into());
        }
        Ok(())
    }
}

/// A settings file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
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

impl Settings {
    /// Parses a settings file; what it leaves out keeps its default.
    pub fn parse(text: &str, path: &str) -> Result<Settings, ConfigError> {
        let at = |offset: usize, message: String| {
            let (line, column) = line_column(text, offset);
            ConfigError { path: path.to_string(), line, column, message }
        };
        let settings: Settings =
            toml::from_str(text).map_err(|e| at(e.span().map_or(0, |s| s.start), e.message().trim().to_string()))?;
        // Range checks come after parsing, so they point at the table they belong to.
        let table_at = |name: &str| text.find(&format!("[{name}]")).unwrap_or(0);
        settings.equipment.check().map_err(|m| at(table_at("equipment"), m))?;
        settings.volume.check().map_err(|m| at(table_at("volume"), m))?;
        Ok(settings)
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
        match Settings::parse(&text, &path.display().to_string()) {
            Ok(settings) => Ok((settings, None)),
            Err(error) if explicit => Err(error),
            Err(error) => Ok((Settings::default(), Some(format!("{error}; using the defaults")))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_states_the_defaults() {
        assert_eq!(Settings::parse(SHIPPED_CONFIG, "assets/config.toml"), Ok(Settings::default()));
    }

    #[test]
    fn a_file_overrides_only_what_it_names() {
        let settings = Settings::parse("[equipment]\nbar_kg = 15.0\n", "config.toml").expect("valid");
        assert_eq!(settings.equipment.bar(Unit::Kg).bar, Load::from_hundredths(1500));
        assert_eq!(settings.equipment.bar(Unit::Lb).bar, Load::from_hundredths(4500));
        assert_eq!(settings.volume, VolumeSettings::default());
    }

    #[test]
    fn bad_settings_say_where() {
        let error =
            Settings::parse("[volume]\neffective_rir = 3.0\nexperince = \"advanced\"\n", "c.toml").expect_err("typo");
        assert_eq!((error.line, error.column), (3, 1));
        assert!(error.message.contains("experince"), "{}", error.message);
        let error = Settings::parse("[equipment]\nplates_kg = [0.0]\n", "c.toml").expect_err("no plate");
        assert_eq!(error.line, 1);
        let error = Settings::parse("[e1rm]\nformula = \"guess\"\n", "c.toml").expect_err("bad formula");
        assert_eq!(error.line, 2);
    }

    #[test]
    fn bands_follow_experience_unless_named() {
        let mut volume = VolumeSettings::default();
        assert_eq!(volume.band(), (6, 10));
        volume.experience = Experience::Advanced;
        assert_eq!(volume.band(), (8, 10));
        volume.weekly_target = Some([5, 7]);
        assert_eq!(volume.band(), (5, 7));
    }
}

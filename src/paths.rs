//! Where hardset keeps its files: command-line flag, then environment, then XDG, then home.

use std::path::{Path, PathBuf};

/// The resolved locations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// The configuration directory (holds `plan.toml`).
    pub config_dir: PathBuf,
    /// The database file.
    pub database: PathBuf,
}

impl Paths {
    /// The user's plan file (it may not exist; then the shipped example week is used).
    pub fn plan(&self) -> PathBuf {
        self.config_dir.join("plan.toml")
    }
}

/// Where the paths came from, for resolution without touching the real environment in tests.
#[derive(Debug, Clone, Default)]
pub struct PathInputs {
    /// `--db PATH`.
    pub db_flag: Option<PathBuf>,
    /// `--config DIR`.
    pub config_flag: Option<PathBuf>,
    /// `HARDSET_DB`.
    pub db_env: Option<String>,
    /// `HARDSET_CONFIG`.
    pub config_env: Option<String>,
    /// `XDG_DATA_HOME`.
    pub xdg_data: Option<String>,
    /// `XDG_CONFIG_HOME`.
    pub xdg_config: Option<String>,
    /// The home directory.
    pub home: Option<PathBuf>,
}

impl PathInputs {
    /// Reads the environment of this process.
    pub fn from_env(db_flag: Option<PathBuf>, config_flag: Option<PathBuf>) -> PathInputs {
        let var = |name: &str| std::env::var(name).ok();
        PathInputs {
            db_flag,
            config_flag,
            db_env: var("HARDSET_DB"),
            config_env: var("HARDSET_CONFIG"),
            xdg_data: var("XDG_DATA_HOME"),
            xdg_config: var("XDG_CONFIG_HOME"),
            home: directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf()),
        }
    }
}

/// The XDG spec ignores relative and empty values.
fn absolute(value: Option<&String>) -> Option<PathBuf> {
    value.map(PathBuf::from).filter(|p| p.is_absolute())
}

fn non_empty(value: Option<&String>) -> Option<PathBuf> {
    value.filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// Resolves the paths; `None` when there is no home directory and nothing else says where.
pub fn resolve(inputs: &PathInputs) -> Option<Paths> {
    let home = inputs.home.as_deref();
    let under_home = |rest: &str| home.map(|h: &Path| h.join(rest));
    let config_dir = inputs
        .config_flag
        .clone()
        .or_else(|| non_empty(inputs.config_env.as_ref()))
        .or_else(|| absolute(inputs.xdg_config.as_ref()).map(|p| p.join("hardset")))
        .or_else(|| under_home(".config/hardset"))?;
    let database = inputs
        .db_flag
        .clone()
        .or_else(|| non_empty(inputs.db_env.as_ref()))
        .or_else(|| absolute(inputs.xdg_data.as_ref()).map(|p| p.join("hardset/hardset.db")))
        .or_else(|| under_home(".local/share/hardset/hardset.db"))?;
    Some(Paths { config_dir, database })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn home() -> PathInputs {
        PathInputs { home: Some("/home/lifter".into()), ..PathInputs::default() }
    }

    #[test]
    fn home_fallbacks() {
        let paths = resolve(&home()).expect("resolves");
        assert_eq!(paths.database, PathBuf::from("/home/lifter/.local/share/hardset/hardset.db"));
        assert_eq!(paths.config_dir, PathBuf::from("/home/lifter/.config/hardset"));
    }

    #[test]
    fn xdg_must_be_absolute() {
        let inputs = PathInputs { xdg_data: Some("relative".into()), xdg_config: Some("/xdg/config".into()), ..home() };
        let paths = resolve(&inputs).expect("resolves");
        assert_eq!(paths.database, PathBuf::from("/home/lifter/.local/share/hardset/hardset.db"));
        assert_eq!(paths.config_dir, PathBuf::from("/xdg/config/hardset"));
    }

    #[test]
    fn flags_beat_environment() {
        let inputs = PathInputs {
            db_flag: Some("/flag.db".into()),
            db_env: Some("/env.db".into()),
            config_env: Some("/env-config".into()),
            ..home()
        };
        let paths = resolve(&inputs).expect("resolves");
        assert_eq!(paths.database, PathBuf::from("/flag.db"));
        assert_eq!(paths.config_dir, PathBuf::from("/env-config"));
    }
}

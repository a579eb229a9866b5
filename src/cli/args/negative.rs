//! `hardset log X -60x5@1`: clap reads the minus as a flag ("unexpected argument '-6'"). Before
//! clap's word, the command line is looked at for such a set, and hardset says what is wrong in
//! its own words.

use std::ffi::OsString;

/// The options of `hardset` and `hardset log` that take a value, which is never a set.
const TAKES_A_VALUE: &[&str] = &["--db", "--config", "--unit", "--at"];

/// The first set of a `log` command line written with a minus before its load, if any (none
/// after `--`, where clap reads it as a set and the set's own checks speak).
pub(super) fn negative_set(args: &[OsString]) -> Option<String> {
    let mut subcommand: Option<&str> = None;
    let mut skip_value = false;
    for arg in args.iter().skip(1) {
        let arg = arg.to_str()?;
        if std::mem::take(&mut skip_value) {
            continue;
        }
        if arg == "--" {
            return None;
        }
        if TAKES_A_VALUE.contains(&arg) {
            skip_value = true;
            continue;
        }
        match subcommand {
            None if !arg.starts_with('-') => subcommand = Some(arg),
            Some("log") if crate::cli::log::wording::is_negative_load(arg) => return Some(arg.to_string()),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &[&str]) -> Vec<OsString> {
        std::iter::once("hardset").chain(line.iter().copied()).map(OsString::from).collect()
    }

    #[test]
    fn a_set_with_a_minus_is_found_only_among_the_sets_of_log() {
        assert_eq!(negative_set(&args(&["log", "Dip", "-20x8"])).as_deref(), Some("-20x8"));
        assert_eq!(negative_set(&args(&["--db", "-1x", "log", "Dip", "60x5", "-60x5@1"])).as_deref(), Some("-60x5@1"));
        assert_eq!(negative_set(&args(&["log", "Dip", "60x5", "--at", "-1"])), None);
        assert_eq!(negative_set(&args(&["log", "Dip", "--", "-20x8"])), None);
        assert_eq!(negative_set(&args(&["calc", "-20"])), None);
        assert_eq!(negative_set(&args(&["log", "Dip", "BW-20x8", "--ramp"])), None);
    }
}

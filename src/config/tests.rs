use ratatui::style::Color;

use super::*;

#[test]
fn the_shipped_file_states_the_defaults() {
    assert_eq!(Settings::parse(SHIPPED_CONFIG, "assets/config.toml"), Ok(Settings::default()));
}

#[test]
fn the_rules_tests_gym_is_the_shipped_gym() {
    // The training rules' tests load bars from `Gear::standard()`; it must stay the gym a fresh
    // install has, or those tests would check targets no lifter sees.
    assert_eq!(Settings::default().equipment.gear(), crate::training::ramp::Gear::standard());
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
    // A value out of range: its own line and column, not the table's or a comment's.
    let error =
        Settings::parse("# tweak [equipment] below\n[equipment]\nplates_kg = [0.0]\n", "c.toml").expect_err("no plate");
    assert_eq!((error.line, error.column), (3, 13));
    let error = Settings::parse("[volume]\nexperience = \"advanced\"\n  weekly_target  =  [10, 6]\n", "c.toml")
        .expect_err("reversed band");
    assert_eq!((error.line, error.column, error.message.contains("low <= high")), (3, 21, true));
    let error = Settings::parse("[e1rm]\nformula = \"guess\"\n", "c.toml").expect_err("bad formula");
    assert_eq!(error.line, 2);
}

#[test]
fn effort_scale_reads_and_refuses_with_where() {
    assert_eq!(Settings::default().entry.effort, crate::model::units::Effort::Rir);
    let settings = Settings::parse("[entry]\neffort = \"rpe\"\n", "c.toml").expect("valid");
    assert_eq!(settings.entry.effort, crate::model::units::Effort::Rpe);
    let error = error_of("[entry]\neffort = \"borg\"\n");
    assert_eq!((error.line, error.column), (2, 10), "{error}");
    assert!(error.message.contains("borg") && error.message.contains("rpe"), "{error}");
}

fn error_of(text: &str) -> ConfigError {
    Settings::parse(text, "c.toml").expect_err("refused")
}

#[test]
fn units_and_rest_read_and_refuse_with_where() {
    let settings = Settings::parse("[units]\nload = \"lb\"\n[rest]\nramp_up = 90\nworking = \"2m30s\"\n", "c.toml")
        .expect("valid");
    assert_eq!(settings.units.load, Unit::Lb);
    assert_eq!(settings.rest.ramp_up, Duration::from_secs(90));
    assert_eq!(settings.rest.working, Some(Duration::from_secs(150)));
    let error = error_of("[units]\nload = \"stone\"\n");
    assert_eq!((error.line, error.column), (2, 8), "{error}");
    assert!(error.message.contains("stone") && error.message.contains("kg"), "{error}");
    let error = error_of("[rest]\nramp_up = \"1h\"\n");
    assert_eq!((error.line, error.column), (2, 11), "{error}");
    assert!(error.message.contains("'1h' is not a rest time"), "{error}");
    let error = error_of("[rest]\nworking = \"31m\"\n");
    assert_eq!((error.line, error.column), (2, 11), "{error}");
    assert!(error.message.contains("longer than 30 minutes"), "{error}");
    let error = error_of("[rest]\nworkings = \"3m\"\n");
    assert_eq!((error.line, error.column), (2, 1), "{error}");
}

#[test]
fn colours_read_names_numbers_and_hex_and_refuse_the_rest() {
    let settings = Settings::parse("[colours]\ntitle = \"Light Blue\"\nwarn = \"208\"\nkey = \"#FF8800\"\n", "c.toml")
        .expect("valid");
    assert_eq!(settings.colours.title, Colour(Color::LightBlue));
    assert_eq!(settings.colours.warn, Colour(Color::Indexed(208)));
    assert_eq!(settings.colours.key, Colour(Color::Rgb(255, 136, 0)));
    assert_eq!(settings.colours.muted, ColourSettings::default().muted, "the others keep their default");
    let error = error_of("[colours]\ntitle = \"cyan\"\nwarn = \"bleu\"\n");
    assert_eq!((error.line, error.column), (3, 8), "{error}");
    assert!(error.message.starts_with("'bleu' is not a colour"), "{error}");
    let error = error_of("[colours]\nheading = \"red\"\n");
    assert_eq!((error.line, error.column), (2, 1), "{error}");
    assert!(error.message.contains("heading"), "{error}");
    assert!(error_of("[colors]\ntitle = \"red\"\n").message.contains("colors"), "one spelling");
}

#[test]
fn keys_are_checked_against_the_keymap_with_where() {
    let settings = Settings::parse("[keys]\nend_session = \"F\"\n", "c.toml").expect("valid");
    assert_eq!(settings.keymap().expect("usable").key_label(crate::keymap::Action::EndSession), "F");
    let error = error_of("[keys]\nend_session = \"F\"\ndeload = \"x\"\n");
    assert_eq!((error.line, error.column), (3, 10), "the key is at fault: {error}");
    assert!(error.message.contains("skip_exercise") && error.message.contains("deload"), "{error}");
    let error = error_of("[keys]\nend_sesion = \"F\"\n");
    assert_eq!((error.line, error.column), (2, 1), "the name is at fault: {error}");
    let error = error_of("[keys]\nend_session = \"ctrl-\"\n");
    assert_eq!((error.line, error.column), (2, 15), "{error}");
    assert!(error.message.contains("is not a key"), "{error}");
}

#[test]
fn the_shipped_file_lists_every_key_with_its_default() {
    let keymap = Keymap::default();
    for action in crate::keymap::OVERRIDABLE {
        let line = format!("# {} = \"{}\"", action.name(), keymap.key_label(*action));
        assert!(SHIPPED_CONFIG.contains(&line), "assets/config.toml lacks {line}");
    }
}

#[test]
fn the_plan_wins_over_the_settings_which_win_over_the_catalogue() {
    use crate::model::exercise::Catalogue;
    use crate::model::plan::Plan;
    use crate::model::session::SetKind;
    let catalogue = Catalogue::shipped();
    let settings = Settings::parse("[units]\nload = \"lb\"\n[rest]\nramp_up = \"45s\"\nworking = \"2m\"\n", "c.toml")
        .expect("valid");
    let plan_text = |top: &str| {
        format!(
            "name = \"P\"\nschedule = \"rotation\"\n{top}\n[[day]]\nname = \"A\"\n\
             [[day.exercise]]\nname = \"Leg press\"\nreps = \"8-12\"\nrest = \"4m\"\n\
             [[day.exercise]]\nname = \"Lat pulldown\"\nreps = \"8-12\"\n"
        )
    };
    // The plan names nothing plan-wide: the settings fill it in.
    let mut plan = Plan::parse(&plan_text(""), "plan.toml", &catalogue).expect("parses");
    let catalogue_rest = catalogue.get("Lat pulldown").expect("known").rest;
    assert_eq!(plan.days[0].exercises[1].rest, catalogue_rest, "before the settings: the catalogue");
    plan.apply_defaults(&settings.plan_defaults());
    assert_eq!(plan.unit, Unit::Lb);
    assert_eq!(plan.ramp_up_rest, Duration::from_secs(45));
    let [leg_press, pulldown] = &plan.days[0].exercises[..] else { panic!("two exercises") };
    assert_eq!(leg_press.rest, Duration::from_secs(240), "the plan's own rest wins");
    assert_eq!(pulldown.rest, Duration::from_secs(120), "the settings beat the catalogue");
    assert_eq!(plan.rest_after(pulldown, SetKind::RampUp), Duration::from_secs(45));
    let added = plan.planned("Barbell bench press").expect("in the catalogue");
    assert_eq!(added.rest, Duration::from_secs(120), "an added exercise rests as the settings say");
    // The plan names them: the plan wins.
    let mut plan =
        Plan::parse(&plan_text("unit = \"kg\"\nramp_up_rest = \"90s\""), "plan.toml", &catalogue).expect("parses");
    let fingerprint = plan.fingerprint.clone();
    plan.apply_defaults(&settings.plan_defaults());
    assert_eq!((plan.unit, plan.ramp_up_rest), (Unit::Kg, Duration::from_secs(90)));
    assert_eq!(plan.fingerprint, fingerprint, "a setting is not a new plan revision");
    // No settings: the catalogue's rest.
    plan.apply_defaults(&Settings::default().plan_defaults());
    assert_eq!(plan.days[0].exercises[1].rest, catalogue_rest);
    // An exercise the plan defines itself rests as its definition says, listed or added.
    let own = "[[exercise]]\nname = \"Belt squat\"\nprimary = [\"quads\"]\nequipment = \"machine\"\n\
               failure_class = \"safe\"\nload_step = { kg = 5.0, lb = 10.0 }\nrest = \"4m\"\n\n\
               [[exercise]]\nname = \"Sled push\"\nprimary = [\"quads\"]\nequipment = \"machine\"\n\
               failure_class = \"safe\"\nload_step = { kg = 5.0, lb = 10.0 }\nrest = \"3m\"\n";
    let text = format!(
        "name = \"P\"\nschedule = \"rotation\"\n{own}\n[[day]]\nname = \"A\"\n\
         [[day.exercise]]\nname = \"Belt squat\"\nreps = \"8-12\"\n"
    );
    let mut plan = Plan::parse(&text, "plan.toml", &catalogue).expect("parses");
    plan.apply_defaults(&settings.plan_defaults());
    assert_eq!(plan.days[0].exercises[0].rest, Duration::from_secs(240), "the plan's definition wins");
    assert_eq!(plan.planned("Sled push").expect("defined").rest, Duration::from_secs(180));
}

#[test]
fn recovery_settings_read_and_refuse_with_where() {
    let settings =
        Settings::parse("[recovery]\ndecline_percent = 1.5\nsession_dose_share = 0.6\n", "c.toml").expect("valid");
    assert!((settings.recovery.decline_percent - 1.5).abs() < 1e-9);
    assert!((settings.recovery.session_dose_share - 0.6).abs() < 1e-9);
    assert!((settings.recovery.anxiety_extra_sets - RecoverySettings::default().anxiety_extra_sets).abs() < 1e-9);
    let error = error_of("[recovery]\ndecline_percent = 2.0\n  session_dose_share = 0.0\n");
    assert_eq!((error.line, error.column), (3, 24), "{error}");
    assert!(error.message.contains("session_dose_share"), "{error}");
    let error = error_of("[recovery]\ndecline_percent = 6.0\ndecline_alone_percent = 5.0\n");
    assert_eq!((error.line, error.column), (3, 25), "{error}");
    let error = error_of("[recovery]\ndecline = 2.0\n");
    assert_eq!((error.line, error.column), (2, 1), "{error}");
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

#[test]
fn a_key_clash_found_by_itself_keeps_the_rest_of_the_file() {
    // Written before `n` became the pinned note's key: the clash is said, the shipped keys are
    // in force, and the lifter's unit and plates still are.
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "[units]\nload = \"lb\"\n\n[keys]\nadd_exercise = \"n\"\n";
    std::fs::write(dir.path().join("config.toml"), text).expect("writes");
    let (settings, warning) = Settings::load_for(dir.path(), false).expect("read by itself");
    assert_eq!(settings.units.load, crate::model::units::Unit::Lb);
    let warning = warning.expect("the clash is said");
    assert!(warning.contains("'n' is already the key for pin_note"), "{warning}");
    assert!(warning.contains("using the shipped keys and the rest of the file"), "{warning}");
    assert_eq!(settings.keymap().expect("usable").key_label(crate::keymap::Action::AddExercise), "a");
    // Named with --config, the same file is refused, with where.
    assert!(Settings::load_for(dir.path(), true).is_err());
    // Anything else wrong still falls back to the defaults whole.
    std::fs::write(dir.path().join("config.toml"), "[units]\nload = \"stone\"\n[keys]\nadd_exercise = \"n\"\n")
        .expect("writes");
    let (settings, warning) = Settings::load_for(dir.path(), false).expect("read by itself");
    assert_eq!(settings.units.load, crate::model::units::Unit::Kg);
    assert!(warning.expect("said").contains("using the defaults"));
}

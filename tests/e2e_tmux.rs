//! End to end: the real binary in a real terminal (tmux), typed at as a lifter would.

#[path = "common/tmux.rs"]
mod tmux;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tmux::{Tmux, child_of};

const BIN: &str = env!("CARGO_BIN_EXE_hardset");

fn export(db: &Path, config: &Path) -> String {
    let out = Command::new(BIN)
        .args(["export", "--format", "csv"])
        .env("HARDSET_DB", db)
        .env("HARDSET_CONFIG", config)
        .output()
        .expect("runs");
    assert!(out.status.success(), "export failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Logs ramp-up 1 (30 kg x 8) of the machine chest press on a new log, skipping the check-in.
fn log_first_ramp_up(t: &Tmux, s: &str) {
    t.wait_for(s, "Day 1: push and pull");
    t.keys(s, &["Enter"]);
    t.wait_for(s, "How are you today?");
    t.keys(s, &["Escape", "3", "0", "Enter", "Enter"]);
    t.wait_for(s, "Saved Machine chest press ramp-up 30 kg x 8");
}

#[test]
fn a_lifter_logs_a_ramp_up_and_a_working_set_then_finds_them_in_the_export() {
    let t = Tmux::new("session");
    let s = "lift";
    t.start(s, "; echo hardset-exited-$?; sleep 60");
    // The first set of the day opens with the readiness check-in: answered here.
    t.wait_for(s, "Day 1: push and pull");
    t.keys(s, &["Enter"]);
    t.wait_for(s, "How are you today?");
    t.keys(s, &["4", "3", "5", "4", "Enter"]);
    t.wait_for(s, "Check-in saved");
    t.keys(s, &["3", "0", "Enter", "Enter"]);
    t.wait_for(s, "Saved Machine chest press ramp-up 30 kg x 8");
    // Down to working set 1, load 60 kg, 8 reps, then the RIR picker: 1.
    t.keys(s, &["j", "Enter", "6", "0", "Enter", "BSpace", "8", "Enter"]);
    let screen = t.wait_for(s, " 0  1  2  3  4  5+");
    assert!(screen.contains("Machine chest press · set 1"), "{screen}");
    t.keys(s, &["1", "Enter"]);
    let first = t.wait_for(s, "Saved Machine chest press 60 kg x 8 @ 1, rest 3m");
    // The rest timer started by itself (3 minutes) and counts down.
    assert!(first.contains("of 3:00"), "the rest gauge shows:\n{first}");
    let header =
        |screen: &str| screen.lines().next().and_then(|l| l.split("rest ").nth(1)).map(|r| r.trim().to_string());
    let before = header(&first).expect("header shows the rest");
    std::thread::sleep(Duration::from_millis(2100));
    let later = t.screen(s);
    let after = header(&later).expect("header shows the rest");
    assert_ne!(before, after, "the rest counts down without a key press");
    assert!(after.as_str() < before.as_str(), "{before} then {after}");
    // Quit: the terminal is restored (the shell's line shows) and the exit code is 0.
    t.keys(s, &["q"]);
    let restored = t.wait_for(s, "hardset-exited-0");
    assert!(!restored.contains("Machine chest press"), "the app's screen is gone:\n{restored}");
    let csv = export(&t.db(), &t.config());
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(rows[1].contains(",Machine chest press,ramp-up,30,kg,8,,false,"), "{csv}");
    assert!(rows[2].contains(",Machine chest press,working,60,kg,8,1,false,"), "{csv}");
    let conn = rusqlite::Connection::open(t.db()).expect("opens");
    let checkin: (i64, i64, i64, i64) = conn
        .query_row("SELECT sleep, energy, joints, motivation FROM session", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .expect("one session");
    assert_eq!(checkin, (4, 3, 5, 4), "the check-in is stored with the session");
}

#[test]
fn kill_dash_nine_loses_no_saved_set_and_the_next_start_resumes() {
    let t = Tmux::new("kill");
    // The pane's shell outlives the app, so the tmux server stays up for the second start.
    t.start("first", "; sleep 60");
    log_first_ramp_up(&t, "first");
    let app = child_of(&t.pane_pid("first")).expect("the app runs under the pane's shell");
    assert!(Command::new("kill").args(["-9", &app]).status().expect("kill runs").success());
    t.start("second", "");
    let screen = t.wait_for("second", "[x] ramp-up 1  30 kg x 8");
    assert!(screen.contains("1/"), "the session resumed with its set counted:\n{screen}");
    assert!(export(&t.db(), &t.config()).contains(",Machine chest press,ramp-up,30,kg,8,"));
}

#[test]
fn sigterm_restores_the_terminal() {
    let t = Tmux::new("term");
    t.start("term", "; echo hardset-exited-$?; sleep 60");
    t.wait_for("term", "Day 1: push and pull");
    // Signal only this test's app: the child of this pane's shell.
    let app = child_of(&t.pane_pid("term")).expect("the app runs under the pane's shell");
    assert!(Command::new("kill").args(["-TERM", &app]).status().expect("kill runs").success());
    exits_within_three_seconds(&app, "SIGTERM");
    let screen = t.wait_for("term", "hardset-exited-");
    assert!(!screen.contains("Day 1: push and pull"), "the alternate screen is gone:\n{screen}");
    assert!(!t.alternate_on("term"), "the pane is back on the normal screen");
}

#[test]
fn closing_the_terminal_ends_the_app_and_keeps_its_sets() {
    let t = Tmux::new("hangup");
    // A second session keeps the tmux server up after the first is closed.
    t.start("keep", "; sleep 60");
    t.start("gym", "; sleep 60");
    log_first_ramp_up(&t, "gym");
    let app = child_of(&t.pane_pid("gym")).expect("the app runs under the pane's shell");
    let out = t.run(&["kill-session", "-t", "gym"]);
    assert!(out.status.success());
    exits_within_three_seconds(&app, "its terminal closed");
    assert!(export(&t.db(), &t.config()).contains(",Machine chest press,ramp-up,30,kg,8,"));
}

/// CPU time (user + system, in clock ticks) a process has used, from /proc; `None` once gone.
fn cpu_ticks(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    // After the name: state is field 3, utime 14 and stime 15 (1-based over the whole line).
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// Whether `pid` is gone or a zombie (exited, waiting for its parent to reap it).
fn gone(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| stat.rsplit_once(')').map(|(_, rest)| rest.trim_start().starts_with('Z')))
        .is_none_or(|zombie| zombie)
}

/// Waits up to three seconds for `pid` to exit (its exit takes milliseconds; the margin is for
/// a loaded CI machine). If it does not, fails, saying whether it spins:
/// the CPU it burns over the next second.
fn exits_within_three_seconds(pid: &str, what: &str) -> Duration {
    let start = Instant::now();
    while !gone(pid) {
        if start.elapsed() > Duration::from_secs(3) {
            let before = cpu_ticks(pid).unwrap_or(0);
            std::thread::sleep(Duration::from_secs(1));
            let after = cpu_ticks(pid).unwrap_or(before);
            panic!(
                "the app still runs three seconds after {what}; it used {} CPU ticks in the next second",
                after - before
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    start.elapsed()
}

/// `stty -a` as printed in the pane says the line discipline is back: canonical input, echo.
fn assert_stty_sane(screen: &str) {
    let words: Vec<&str> = screen.split(|c: char| c.is_whitespace() || c == ';').collect();
    for setting in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(words.contains(&setting), "stty shows {setting} off after the app exited:\n{screen}");
        assert!(!words.contains(&format!("-{setting}").as_str()), "stty shows -{setting}:\n{screen}");
    }
}

/// After the app exited: the pane is back on the normal screen, the shell's line shows with the
/// exit code, the terminal settings are sane, and the app's screen is gone.
fn assert_restored(t: &Tmux, s: &str, code: &str) {
    let screen = t.wait_for(s, "stty-done");
    assert!(screen.contains(&format!("hardset-exited-{code}")), "exit code {code}:\n{screen}");
    assert!(!t.alternate_on(s), "the pane is still on the alternate screen:\n{screen}");
    assert!(!screen.contains("Day 1: push and pull"), "the app's screen is gone:\n{screen}");
    assert_stty_sane(&screen);
}

/// What runs in the pane after the app: its exit code, then the terminal's settings.
const THEN_STTY: &str = "; echo hardset-exited-$?; stty -a; echo stty-done; sleep 60";

#[test]
fn sigterm_mid_session_exits_at_once_restores_the_terminal_and_keeps_the_set() {
    let t = Tmux::new("term2");
    t.start("term", THEN_STTY);
    log_first_ramp_up(&t, "term");
    // Half a set typed, unsaved: SIGTERM does not wait for an answer.
    t.keys("term", &["j", "Enter", "6"]);
    let app = child_of(&t.pane_pid("term")).expect("the app runs under the pane's shell");
    assert!(Command::new("kill").args(["-TERM", &app]).status().expect("kill runs").success());
    exits_within_three_seconds(&app, "SIGTERM");
    assert_restored(&t, "term", "0");
    assert!(export(&t.db(), &t.config()).contains(",Machine chest press,ramp-up,30,kg,8,"));
}

#[test]
fn a_panic_restores_the_terminal_and_keeps_the_set() {
    let t = Tmux::new("panic");
    t.start_with("boom", "HARDSET_TEST_PANIC=1", THEN_STTY);
    log_first_ramp_up(&t, "boom");
    let app = child_of(&t.pane_pid("boom")).expect("the app runs under the pane's shell");
    // The test-only trigger (debug builds only): F12 with HARDSET_TEST_PANIC=1 panics.
    t.keys("boom", &["F12"]);
    exits_within_three_seconds(&app, "a panic");
    // 101 is Rust's exit code for a panic: it was the panic that ended it, not a clean quit.
    assert_restored(&t, "boom", "101");
    // With the scrollback: a backtrace may push the message off the screen.
    let all = String::from_utf8_lossy(&t.run(&["capture-pane", "-p", "-S", "-500", "-t", "boom"]).stdout).into_owned();
    assert!(all.contains("test-only panic"), "the panic message shows on the normal screen:\n{all}");
    assert!(export(&t.db(), &t.config()).contains(",Machine chest press,ramp-up,30,kg,8,"));
}

#[test]
fn without_the_test_variable_f12_does_nothing() {
    // The trigger needs HARDSET_TEST_PANIC=1: a lifter's F12 never panics.
    let t = Tmux::new("nopanic");
    t.start("calm", THEN_STTY);
    t.wait_for("calm", "Day 1: push and pull");
    t.keys("calm", &["F12"]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(t.screen("calm").contains("Day 1: push and pull"), "the app still runs");
    t.keys("calm", &["q"]);
    assert_restored(&t, "calm", "0");
}

#[test]
fn closing_the_window_ends_the_app_at_once_without_spinning_and_keeps_its_sets() {
    let t = Tmux::new("hangup2");
    t.start("keep", "; sleep 60");
    t.start("gym", "; sleep 60");
    log_first_ramp_up(&t, "gym");
    // A rest is running, so the loop is on its timer when the terminal goes.
    let app = child_of(&t.pane_pid("gym")).expect("the app runs under the pane's shell");
    let out = t.run(&["kill-window", "-t", "gym"]);
    assert!(out.status.success());
    exits_within_three_seconds(&app, "its window closed");
    assert!(export(&t.db(), &t.config()).contains(",Machine chest press,ramp-up,30,kg,8,"));
}

#[test]
fn a_terminal_that_hangs_up_without_a_sighup_still_ends_the_app_without_spinning() {
    // In a session of its own the app gets no SIGHUP when its window closes (as when it was
    // started through sudo and orphaned): it must notice the dead terminal by itself.
    let t = Tmux::new("nohup");
    t.start_under("keep", "", "", "; sleep 60");
    t.start_under("gym", "", "setsid -w ", "; sleep 60");
    // No rest timer runs, so nothing else wakes the app to find its terminal gone.
    t.wait_for("gym", "0/8 sets");
    let app = child_of(&t.pane_pid("gym")).expect("the app runs under setsid");
    let out = t.run(&["kill-window", "-t", "gym"]);
    assert!(out.status.success());
    exits_within_three_seconds(&app, "its terminal hung up with no SIGHUP");
}

#[test]
fn an_open_app_shows_another_instances_sets_without_a_key_press() {
    let t = Tmux::new("live");
    t.start("live", "");
    t.wait_for("live", "Day 1: push and pull");
    let before = t.wait_for("live", "0/8 sets");
    assert!(before.contains("0/1"), "{before}");
    // Another hardset (here `hardset log`) saves a working set while nobody touches the app.
    let logged = Command::new(BIN)
        .args(["log", "Machine chest press", "80x8@1"])
        .env("HARDSET_DB", t.db())
        .env("HARDSET_CONFIG", t.config())
        .env("HOME", t.home())
        .output()
        .expect("logs");
    assert!(logged.status.success(), "{}", String::from_utf8_lossy(&logged.stderr));
    let saved = Instant::now();
    loop {
        let screen = t.screen("live");
        if screen.contains("1/8 sets") && screen.contains("1/1") {
            break;
        }
        // Shown within about 0.2 s here; the bound leaves room for a loaded machine and still
        // tells a live screen from one that waits for a key.
        assert!(
            saved.elapsed() < Duration::from_secs(3),
            "the other instance's set is not shown three seconds later:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn enter_on_another_row_asks_before_dropping_a_typed_set_in_the_real_terminal() {
    // The report's keys: set 1 typed and left, ramp-up 2 selected, Enter, then a ramp-up typed.
    let t = Tmux::new("rows");
    t.start("rows", "; sleep 60");
    t.wait_for("rows", "Day 1: push and pull");
    t.keys("rows", &["j", "j", "Enter"]);
    t.wait_for("rows", "How are you today?");
    t.keys("rows", &["Escape", "6", "0", "Escape", "k", "Enter"]);
    let screen = t.wait_for("rows", "Throw it away");
    // With ramp-up 1 still open, a new ramp-up set is ramp-up 1: the question and the form say so.
    assert!(screen.contains("set 1") && screen.contains("open ramp-up 1"), "{screen}");
    t.keys("rows", &["y"]);
    let screen = t.wait_for("rows", "Machine chest press · ramp-up 1");
    assert!(!screen.contains("· set 1") && !screen.contains("· ramp-up 2"), "{screen}");
    t.keys("rows", &["4", "5", "Enter", "4", "Enter"]);
    t.wait_for("rows", "Saved Machine chest press ramp-up 45 kg x 4");
    let csv = export(&t.db(), &t.config());
    assert!(csv.contains(",Machine chest press,ramp-up,45,kg,4,"), "{csv}");
    assert!(!csv.contains(",working,"), "no working set was saved:\n{csv}");
}

#[test]
fn keys_behind_terminal_too_small_do_nothing_but_quit() {
    let t = Tmux::new("small");
    t.start("small", "; echo hardset-exited-$?; sleep 60");
    log_first_ramp_up(&t, "small");
    // Shrunk to 40x12 the app cannot show the checklist, a question, or what it would delete.
    let out = t.run(&["resize-window", "-t", "small", "-x", "40", "-y", "12"]);
    assert!(out.status.success(), "tmux resize-window: {}", String::from_utf8_lossy(&out.stderr));
    let screen = t.wait_for("small", "small");
    t.keys("small", &["u", "y", "x", "E"]);
    // The message wraps, so the size it needs is there whole.
    assert!(screen.contains("60x16") && screen.contains("40x12"), "{screen}");
    // Still too small, one column wider: once the app shows that size it has read the keys
    // sent before it, whichever it took first.
    let out = t.run(&["resize-window", "-t", "small", "-x", "41", "-y", "12"]);
    assert!(out.status.success());
    t.wait_for("small", "41x12");
    // Back to full size: no question is waiting, the session runs on as it was, and the set is
    // still in the log.
    let out = t.run(&["resize-window", "-t", "small", "-x", "80", "-y", "24"]);
    assert!(out.status.success());
    let screen = t.wait_for("small", "[x] ramp-up 1  30 kg x 8");
    assert!(!screen.contains("Confirm") && !screen.contains("Skipping"), "{screen}");
    let csv = export(&t.db(), &t.config());
    assert!(
        csv.contains(",Machine chest press,ramp-up,30,kg,8,"),
        "u then y deleted the set it could not show:\n{csv}"
    );
    // Quit still works while too small.
    let out = t.run(&["resize-window", "-t", "small", "-x", "40", "-y", "12"]);
    assert!(out.status.success());
    t.wait_for("small", "60x16");
    t.keys("small", &["q"]);
    t.wait_for("small", "hardset-exited-0");
}

#[test]
fn started_in_a_terminal_with_output_or_input_redirected_the_app_says_it_needs_a_terminal() {
    // In a real terminal, `hardset > out.txt` (keys could be read, nothing can be drawn) and
    // `hardset < /dev/null` (the other way round).
    let t = Tmux::new("notty");
    let out = t.home().join("out.txt");
    t.start("to-file", &format!(" > '{}'; echo hardset-exited-$?; sleep 60", out.display()));
    let screen = t.wait_for("to-file", "hardset-exited-");
    assert!(screen.contains("hardset-exited-2"), "{screen}");
    assert!(screen.contains("needs a terminal"), "{screen}");
    assert!(!t.alternate_on("to-file"), "the screen was never switched");
    assert_eq!(std::fs::read(&out).expect("out.txt"), b"", "nothing was written to out.txt");
    t.start("from-null", " < /dev/null; echo hardset-exited-$?; sleep 60");
    let screen = t.wait_for("from-null", "hardset-exited-");
    assert!(screen.contains("hardset-exited-2") && screen.contains("needs a terminal"), "{screen}");
    assert!(!t.db().exists(), "nothing was written to the log");
}

/// The demo's temporary logs in `tmp`: `hardset-demo-<pid>.db` and its WAL files.
fn demo_files(tmp: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(tmp)
        .expect("lists")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("hardset-demo-"))
        .collect();
    names.sort();
    names
}

#[test]
fn the_demo_removes_its_temporary_log_when_its_terminal_closes_or_on_sigterm_and_stale_ones_at_start() {
    for how in ["hang-up", "SIGTERM"] {
        let t = Tmux::new(if how == "SIGTERM" { "demo-term" } else { "demo-hup" });
        let tmp = t.home().join("tmp");
        std::fs::create_dir_all(&tmp).expect("creates the temporary folder");
        // What a demo killed with SIGKILL left, and the log of a demo still running (this test).
        let dead = {
            let mut child = Command::new("true").spawn().expect("runs true");
            let pid = child.id();
            child.wait().expect("ends");
            pid
        };
        for suffix in ["", "-wal", "-shm"] {
            std::fs::write(tmp.join(format!("hardset-demo-{dead}.db{suffix}")), "left").expect("writes");
        }
        let running = format!("hardset-demo-{}.db", std::process::id());
        std::fs::write(tmp.join(&running), "in use").expect("writes");
        t.start("keep", "; sleep 60");
        t.start_with("demo", &format!("TMPDIR='{}'", tmp.display()), " --demo; sleep 60");
        t.wait_for("demo", "Day 1");
        let app = child_of(&t.pane_pid("demo")).expect("the app runs under the pane's shell");
        let own = format!("hardset-demo-{app}.db");
        let files = demo_files(&tmp);
        assert!(files.contains(&own), "{how}: the demo's log is there while it runs: {files:?}");
        assert!(files.contains(&running), "{how}: a running demo's log is kept: {files:?}");
        assert!(!files.iter().any(|f| f.contains(&dead.to_string())), "{how}: a dead demo's files go: {files:?}");
        if how == "SIGTERM" {
            assert!(Command::new("kill").args(["-TERM", &app]).status().expect("kill runs").success());
        } else {
            assert!(t.run(&["kill-session", "-t", "demo"]).status.success());
        }
        exits_within_three_seconds(&app, how);
        assert_eq!(demo_files(&tmp), [running.as_str()], "{how}: the demo removed its temporary log");
    }
}

/// Lateral raise and triceps pushdown as superset A, two sets each: no ramp-ups, rest 90 s and 2m.
const SUPERSET_PLAN: &str = r#"name = "Superset"
schedule = "rotation"

[[day]]
name = "Arms"

  [[day.exercise]]
  name = "Lateral raise"
  sets = 2
  reps = "12-15"
  rest = "90s"
  ramp_up = false
  group = "A"

  [[day.exercise]]
  name = "Cable triceps pushdown"
  sets = 2
  reps = "10-15"
  rest = "2m"
  group = "A"
"#;

#[test]
fn a_superset_round_goes_from_a1_to_a2_without_rest_then_rests_and_starts_round_two() {
    let t = Tmux::new("superset");
    std::fs::create_dir_all(t.config()).expect("config dir");
    std::fs::write(t.config().join("plan.toml"), SUPERSET_PLAN).expect("plan written");
    let s = "ss";
    t.start(s, "; echo hardset-exited-$?; sleep 60");
    let screen = t.wait_for(s, "Superset A · round 1 of 2 · then rest 2m");
    assert!(screen.contains("A1 Lateral raise") && screen.contains("A2 Cable triceps pushdown"), "{screen}");
    // A1: the check-in skipped, 10 kg, the 12 reps offered, RIR 2.
    t.keys(s, &["Enter"]);
    t.wait_for(s, "How are you today?");
    t.keys(s, &["Escape"]);
    t.wait_for(s, "Lateral raise · set 1");
    t.keys(s, &["1", "0", "Enter", "Enter", "2", "Enter"]);
    let screen = t.wait_for(s, "Saved Lateral raise 10 kg x 12 @ 2, no rest: on to the next exercise of A");
    assert!(screen.contains("Superset A: no rest until the"), "no rest runs:\n{screen}");
    assert!(!screen.lines().next().unwrap_or_default().contains("rest"), "no rest in the header:\n{screen}");
    assert!(screen.contains("▸[ ] A2 set 1"), "the cursor moved on to A2:\n{screen}");
    // A2 ends the round: the group's rest (2m) starts by itself and counts down.
    t.keys(s, &["Enter"]);
    t.wait_for(s, "Cable triceps pushdown · set 1");
    t.keys(s, &["2", "5", "Enter", "Enter", "2", "Enter"]);
    let screen = t.wait_for(s, "Saved Cable triceps pushdown 25 kg x 10 @ 2, rest 2m");
    assert!(screen.contains("of 2:00"), "the rest gauge shows:\n{screen}");
    assert!(screen.contains("Superset A · round 2 of 2"), "{screen}");
    assert!(screen.contains("▸[ ] A1 set 2"), "round 2 starts at A1:\n{screen}");
    // It counts down with no key pressed (polled: a slow machine may skip a second).
    let start = Instant::now();
    loop {
        let screen = t.screen(s);
        let counted = screen.contains("of 2:00") && !screen.contains("2:00 of 2:00") && !screen.contains("1:59 of");
        if counted {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "the rest does not count down:\n{screen}");
        std::thread::sleep(Duration::from_millis(200));
    }
    // Round 2's A1 stops the rest: A2 comes straight after it.
    t.keys(s, &["Enter"]);
    t.wait_for(s, "Lateral raise · set 2");
    t.keys(s, &["1", "0", "Enter", "Enter", "1", "Enter"]);
    let screen = t.wait_for(s, "Saved Lateral raise 10 kg x 12 @ 1, no rest");
    assert!(screen.contains("Superset A: no rest until the"), "the round's rest stopped:\n{screen}");
    t.keys(s, &["q"]);
    t.wait_for(s, "hardset-exited-0");
    let conn = rusqlite::Connection::open(t.db()).expect("opens");
    let mut rows = conn.prepare("SELECT exercise, superset FROM workout_set ORDER BY id").expect("prepares");
    let stored: Vec<(String, Option<String>)> =
        rows.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("reads").map(|r| r.expect("row")).collect();
    let a = Some("A".to_string());
    assert_eq!(
        stored,
        [
            ("Lateral raise".to_string(), a.clone()),
            ("Cable triceps pushdown".to_string(), a.clone()),
            ("Lateral raise".to_string(), a)
        ]
    );
}

#[test]
fn p_hands_the_terminal_to_the_editor_and_takes_it_back_with_the_plan_edited() {
    let t = Tmux::new("plan-edit");
    let s = "plan";
    // An "editor" that shows the terminal it was given (line mode, echo), reads a line typed in
    // it, and renames Day 1 in the draft. The line is typed while it sleeps, before it reads:
    // were the app still reading the terminal behind it, the app would take the line.
    let script = t.home().join("editor.sh");
    let seen = t.home().join("editor-saw");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nstty -a > '{seen}.stty'\necho EDITOR-READY\nsleep 1\nread line\necho \"$line\" > '{seen}.line'\n\
             sed -i 's/Day 1: push and pull/Day 1: press and row/' \"$1\"\n",
            seen = seen.display()
        ),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    t.start_with(s, &format!("-u VISUAL EDITOR='{}'", script.display()), THEN_STTY);
    t.wait_for(s, "Day 1: push and pull");
    t.keys(s, &["P"]);
    t.wait_for(s, "EDITOR-READY");
    assert!(!t.alternate_on(s), "the editor has the normal screen");
    // Every key typed goes to the editor, none to the app waiting behind it.
    t.keys(s, &["h", "e", "l", "l", "o", "Enter"]);
    let back = t.wait_for(s, "Plan saved and in use: 'Example week', 5 days");
    assert!(back.contains("Day 1: press and row"), "the new plan is shown:\n{back}");
    // The whole screen is drawn again, what did not change included.
    for unchanged in ["Machine chest press", "Seated cable row", "? help", "┌ Set"] {
        assert!(back.contains(unchanged), "{unchanged} is drawn again:\n{back}");
    }
    assert!(!back.contains("EDITOR-READY"), "the editor's lines are gone:\n{back}");
    assert!(t.alternate_on(s), "the app has its screen back");
    let line = std::fs::read_to_string(format!("{}.line", seen.display())).expect("the editor read a line");
    assert_eq!(line.trim(), "hello");
    let stty = std::fs::read_to_string(format!("{}.stty", seen.display())).expect("the editor saw the terminal");
    assert_stty_sane(&stty);
    let plan = std::fs::read_to_string(t.config().join("plan.toml")).expect("plan.toml written");
    assert!(plan.contains("Day 1: press and row"));
    // The app reads keys again.
    t.keys(s, &["q"]);
    assert_restored(&t, s, "0");
}

#[test]
fn e_shows_the_session_summary_in_the_real_terminal_and_enter_closes_it() {
    let t = Tmux::new("summary");
    let s = "sum";
    t.start(s, "; echo hardset-exited-$?; sleep 60");
    log_first_ramp_up(&t, s);
    t.keys(s, &["j", "Enter", "6", "0", "Enter", "BSpace", "8", "Enter", "1", "Enter"]);
    t.wait_for(s, "Saved Machine chest press 60 kg x 8 @ 1");
    t.keys(s, &["Escape", "E"]);
    let summary = t.wait_for(s, "Session finished ");
    for line in ["Working sets  1 of 4 planned", "Ramp-ups      1 of 4", "chest             1  below", "Next: Day 2"] {
        assert!(summary.contains(line), "{line}:\n{summary}");
    }
    t.keys(s, &["Enter"]);
    t.wait_for(s, "More sets reopen it.");
    t.keys(s, &["q"]);
    t.wait_for(s, "hardset-exited-0");
}

#[test]
fn an_editor_killed_in_raw_mode_leaves_the_terminal_sane_after_hardset_quits() {
    let t = Tmux::new("plan-kill");
    let s = "plankill";
    // An "editor" that puts the terminal in raw mode without echo and dies by SIGKILL, as a
    // crashed or killed vim would: it never restores what it changed.
    let script = t.home().join("editor.sh");
    std::fs::write(&script, "#!/bin/sh\nstty raw -echo\nkill -KILL $$\n").expect("script");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    t.start_with(s, &format!("-u VISUAL EDITOR='{}'", script.display()), THEN_STTY);
    t.wait_for(s, "Day 1: push and pull");
    t.keys(s, &["P"]);
    t.wait_for(s, "Plan not changed");
    assert!(t.alternate_on(s), "the app has its screen back");
    t.keys(s, &["q"]);
    // The shell gets the terminal as it was before hardset started: line mode, echo.
    assert_restored(&t, s, "0");
}

#[test]
fn ctrl_c_in_the_editor_is_the_editors_and_sigterm_stops_the_editor_and_hardset() {
    let t = Tmux::new("plan-sig");
    let s = "plansig";
    // An "editor" that keeps the terminal's signals on (as `ed` does) and waits a long time.
    let script = t.home().join("editor.sh");
    std::fs::write(&script, "#!/bin/sh\necho EDITOR-READY\nsleep 30\n").expect("script");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    t.start_with(s, &format!("-u VISUAL EDITOR='{}'", script.display()), THEN_STTY);
    t.wait_for(s, "Day 1: push and pull");
    let app = child_of(&t.pane_pid(s)).expect("the app runs under the pane's shell");
    // Ctrl-C ends the editor, not hardset: the app comes back and reads keys.
    t.keys(s, &["P"]);
    t.wait_for(s, "EDITOR-READY");
    t.keys(s, &["C-c"]);
    t.wait_for(s, "Plan not changed");
    assert!(t.alternate_on(s), "the app has its screen back");
    t.keys(s, &["2"]);
    t.wait_for(s, "Week of");
    // SIGTERM while the editor has the terminal: the editor is stopped, hardset ends at once
    // and the terminal is as it was.
    t.keys(s, &["1", "P"]);
    t.wait_for(s, "EDITOR-READY");
    assert!(Command::new("kill").args(["-TERM", &app]).status().expect("kill runs").success());
    exits_within_three_seconds(&app, "SIGTERM while the editor runs");
    assert_restored(&t, s, "0");
}

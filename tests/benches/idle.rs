//! Benchmark: what the running app costs when nobody touches it (`cargo bench --bench idle`).
//! Starts the real binary in a tmux terminal on a fresh log, then reads the kernel's counters for
//! its threads: CPU time and wake-ups (voluntary context switches) over a quiet minute, and
//! again while a rest timer runs (each wake-up there is one redraw). Linux only (reads /proc).
//! `HARDSET_IDLE_SECONDS=N` shortens the quiet minute.

use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_hardset");

fn tmux(socket: &str, args: &[&str]) -> String {
    let out = Command::new("tmux").arg("-L").arg(socket).args(args).output().expect("tmux runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The app's pid: the child of the pane's shell, or the pane itself.
fn app_pid(socket: &str) -> u32 {
    let pane: u32 = tmux(socket, &["display-message", "-p", "-t", "idle", "#{pane_pid}"]).trim().parse().expect("pid");
    let exe = |pid: u32| std::fs::read_link(format!("/proc/{pid}/exe")).ok();
    if exe(pane).is_some_and(|p| p.ends_with("hardset")) {
        return pane;
    }
    std::fs::read_to_string(format!("/proc/{pane}/task/{pane}/children"))
        .ok()
        .and_then(|c| c.split_whitespace().next().and_then(|p| p.parse().ok()))
        .expect("the app runs in the pane")
}

/// CPU ticks (user + system) and voluntary context switches summed over the app's threads.
fn counters(pid: u32) -> (u64, u64) {
    let mut ticks = 0;
    let mut wakes = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).expect("proc").flatten() {
        let path = task.path();
        if let Ok(stat) = std::fs::read_to_string(path.join("stat")) {
            // Fields after the command name (which may hold spaces) start after ')'.
            let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
            let fields: Vec<&str> = rest.split_whitespace().collect();
            ticks += fields.get(11).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
            ticks += fields.get(12).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
        }
        if let Ok(status) = std::fs::read_to_string(path.join("status")) {
            wakes += status
                .lines()
                .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))
                .and_then(|v| v.trim().parse::<u64>().ok())
                .unwrap_or(0);
        }
    }
    (ticks, wakes)
}

fn measure(pid: u32, seconds: u64) -> (f64, u64) {
    let (t0, w0) = counters(pid);
    let start = Instant::now();
    std::thread::sleep(Duration::from_secs(seconds));
    let (t1, w1) = counters(pid);
    let elapsed = start.elapsed().as_secs_f64();
    // Ticks are 1/100 s on Linux.
    let cpu = (t1 - t0) as f64 / 100.0 / elapsed * 100.0;
    (cpu, w1 - w0)
}

fn main() {
    let quiet: u64 = std::env::var("HARDSET_IDLE_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let dir = tempfile::tempdir().expect("temp dir");
    let socket = format!("hardset-idle-{}", std::process::id());
    let command = format!(
        "env HARDSET_DB='{0}/h.db' HARDSET_CONFIG='{0}/config' HOME='{0}' TERM=xterm-256color '{BIN}'",
        dir.path().display()
    );
    tmux(&socket, &["new-session", "-d", "-x", "120", "-y", "40", "-s", "idle", &command]);
    std::thread::sleep(Duration::from_millis(1500));
    let pid = app_pid(&socket);
    // Past the check-in to Today, then hands off.
    tmux(&socket, &["send-keys", "-t", "idle", "Escape"]);
    std::thread::sleep(Duration::from_secs(2));
    let (cpu, wakes) = measure(pid, quiet);
    println!("idle, no timer, {quiet} s: {cpu:.3}% of a core, {wakes} wake-ups");
    // A working set saved (here by `hardset log` beside the app, which the app sees) starts
    // the rest timer.
    let logged = Command::new(BIN)
        .args(["log", "Machine chest press", "80x8@1"])
        .env("HARDSET_DB", dir.path().join("h.db"))
        .env("HARDSET_CONFIG", dir.path().join("config"))
        .output()
        .expect("logs");
    assert!(logged.status.success(), "{}", String::from_utf8_lossy(&logged.stderr));
    std::thread::sleep(Duration::from_secs(2));
    let screen = tmux(&socket, &["capture-pane", "-p", "-t", "idle"]);
    let resting = screen.contains("rest ");
    std::thread::sleep(Duration::from_secs(1));
    let (cpu, wakes) = measure(pid, 10);
    println!(
        "rest timer running ({}), 10 s: {cpu:.3}% of a core, {wakes} wake-ups ({:.1} a second)",
        if resting { "shown" } else { "NOT shown: check the keys" },
        wakes as f64 / 10.0
    );
    tmux(&socket, &["kill-server"]);
}

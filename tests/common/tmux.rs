//! The real binary in a real terminal: a tmux server of a test's own, with keys, the screen and
//! the app's process id.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_hardset");

/// One tmux server of our own (its own socket), killed when the test ends.
pub struct Tmux {
    socket: String,
    dir: tempfile::TempDir,
}

impl Tmux {
    pub fn new(name: &str) -> Tmux {
        let probe = Command::new("tmux").arg("-V").output();
        assert!(probe.is_ok_and(|o| o.status.success()), "these tests need tmux on the PATH");
        Tmux { socket: format!("hardset-{name}-{}", std::process::id()), dir: tempfile::tempdir().expect("temp dir") }
    }

    /// The test's own folder: the log, the config and HOME are in it.
    pub fn home(&self) -> &std::path::Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("hardset.db")
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux runs")
    }

    /// Starts the app in an 80x24 window; `then` runs in the pane after it exits.
    pub fn start(&self, session: &str, then: &str) {
        self.start_with(session, "", then);
    }

    /// Starts the app with more environment (`NAME=value ...`).
    pub fn start_with(&self, session: &str, env: &str, then: &str) {
        self.start_under(session, env, "", then);
    }

    /// Starts the app under another command (`setsid -w `).
    pub fn start_under(&self, session: &str, env: &str, under: &str, then: &str) {
        let command = format!(
            "env {env} HARDSET_DB='{}' HARDSET_CONFIG='{}' HOME='{}' TERM=xterm-256color {under}'{BIN}'{then}",
            self.db().display(),
            self.config().display(),
            self.dir.path().display()
        );
        let out = self.run(&["new-session", "-d", "-x", "80", "-y", "24", "-s", session, &command]);
        assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
    }

    pub fn keys(&self, session: &str, keys: &[&str]) {
        for key in keys {
            let out = self.run(&["send-keys", "-t", session, key]);
            assert!(out.status.success(), "send-keys {key}");
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    pub fn screen(&self, session: &str) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", session]).stdout).into_owned()
    }

    /// Waits until the screen shows `text`, or fails with what it showed.
    pub fn wait_for(&self, session: &str, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(session);
            if screen.contains(text) {
                return screen;
            }
            // Generous: a loaded 2-core machine may take seconds to start or redraw the app.
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Runs `hardset ARGS` from the shell on the test's log and config; fails on a non-zero
    /// exit with what it printed. Its standard output.
    pub fn hardset(&self, args: &[&str]) -> String {
        let out = Command::new(BIN)
            .args(args)
            .env("HARDSET_DB", self.db())
            .env("HARDSET_CONFIG", self.config())
            .env("HOME", self.home())
            .output()
            .expect("runs");
        assert!(out.status.success(), "hardset {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// Writes `plan.toml` into the test's config folder.
    pub fn plan(&self, toml: &str) {
        std::fs::create_dir_all(self.config()).expect("config folder");
        std::fs::write(self.config().join("plan.toml"), toml).expect("plan written");
    }

    /// The app's process id: the child of the pane's shell.
    pub fn app_pid(&self, session: &str) -> String {
        child_of(&self.pane_pid(session)).expect("the app runs under the pane's shell")
    }

    pub fn pane_pid(&self, session: &str) -> String {
        String::from_utf8_lossy(&self.run(&["display-message", "-p", "-t", session, "#{pane_pid}"]).stdout)
            .trim()
            .to_string()
    }
}

impl Tmux {
    /// Whether the pane shows the alternate screen (a full-screen app still owns it).
    pub fn alternate_on(&self, session: &str) -> bool {
        let out = self.run(&["display-message", "-p", "-t", session, "#{alternate_on}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The pid of a child process of `parent`, read from /proc.
pub fn child_of(parent: &str) -> Option<String> {
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
        // The command name is in parentheses and may hold spaces: the ppid is the 2nd field after it.
        let after = stat.rsplit_once(')').map(|(_, rest)| rest)?;
        if after.split_whitespace().nth(1) == Some(parent) {
            return Some(entry.file_name().to_string_lossy().into_owned());
        }
    }
    None
}

//! What the app asks of the operating system while it runs, in one file: the signals that end
//! it (SIGTERM, SIGHUP, SIGINT), the terminal hanging up, and word that files in a folder
//! changed. Each has a fallback that does nothing where the system cannot do it, so porting to
//! another system means this file; the rest of the app compiles without it.
//! (Disk questions, such as a full disk or a dead process, are `disk.rs`'s.)

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// Calls `quit` from a thread of its own when SIGTERM, SIGHUP or SIGINT arrives (the first one
/// only). While `lent` is set (the terminal is another program's, an editor's) a SIGINT is that
/// program's Ctrl-C, not a word to hardset, and is let pass. Set up before the terminal is
/// taken, so a failure leaves it as it was.
#[cfg(unix)]
pub fn on_termination(quit: impl FnOnce() + Send + 'static, lent: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal == SIGINT && lent.load(std::sync::atomic::Ordering::SeqCst) {
                continue;
            }
            quit();
            return;
        }
    });
    Ok(())
}

/// Elsewhere the system's own Ctrl-C handling stays.
#[cfg(not(unix))]
pub fn on_termination(_quit: impl FnOnce() + Send + 'static, _lent: Arc<AtomicBool>) -> io::Result<()> {
    Ok(())
}

/// Sets `stop` when SIGTERM, SIGINT or SIGHUP arrives; a second one ends the process at once.
#[cfg(unix)]
pub fn stop_on_termination(stop: &Arc<AtomicBool>) -> io::Result<()> {
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(stop))?;
        signal_hook::flag::register(signal, Arc::clone(stop))?;
    }
    Ok(())
}

/// Elsewhere the system's own Ctrl-C handling stays (it ends the process).
#[cfg(not(unix))]
pub fn stop_on_termination(_stop: &Arc<AtomicBool>) -> io::Result<()> {
    Ok(())
}

/// Calls `quit` when the terminal hangs up, even if no SIGHUP arrives (an app orphaned under sudo
/// or started in its own session): crossterm keeps reading a terminal that is gone and spins a
/// core (crossterm issue 793). `poll` asks for no events, so this thread sleeps until the
/// terminal hangs up or fails.
/// Linux only: elsewhere `poll` may not support terminals (macOS reports them invalid).
#[cfg(target_os = "linux")]
pub fn on_hangup(quit: impl FnOnce() + Send + 'static) {
    use rustix::event::{PollFd, PollFlags, poll};
    use std::io::IsTerminal as _;
    // Only the terminal: a pipe on standard input would look hung up at once.
    if !std::io::stdin().is_terminal() {
        return;
    }
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        loop {
            let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
            match poll(&mut fds, None) {
                Ok(_) if fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) => {
                    quit();
                    return;
                }
                Ok(_) | Err(rustix::io::Errno::INTR) => {}
                Err(_) => return,
            }
        }
    });
}

/// Elsewhere a hang-up is seen as a failed read of the terminal (or a SIGHUP).
#[cfg(not(target_os = "linux"))]
pub fn on_hangup(_quit: impl FnOnce() + Send + 'static) {}

/// Wakes the thread that sleeps reading the terminal, so it can stop before another program
/// (the editor) reads the terminal: a SIGWINCH makes the read return (as a new size).
#[cfg(unix)]
pub fn wake_terminal_reader() {
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
}

/// Elsewhere the reader is left to its read.
#[cfg(not(unix))]
pub fn wake_terminal_reader() {}

/// The terminal's settings as they are now (cooked, as the shell left them), to put back after
/// another program had the terminal: an editor killed in raw mode leaves its own behind.
#[cfg(target_os = "linux")]
pub struct TerminalSettings(rustix::termios::Termios);

/// Elsewhere there is nothing to keep.
#[cfg(not(target_os = "linux"))]
pub struct TerminalSettings;

/// Reads the terminal's settings (`None` when standard input is no terminal).
#[cfg(target_os = "linux")]
pub fn terminal_settings() -> Option<TerminalSettings> {
    rustix::termios::tcgetattr(rustix::stdio::stdin()).ok().map(TerminalSettings)
}

/// Elsewhere there is nothing to read.
#[cfg(not(target_os = "linux"))]
pub fn terminal_settings() -> Option<TerminalSettings> {
    None
}

/// Puts back settings read by [`terminal_settings`].
#[cfg(target_os = "linux")]
pub fn set_terminal_settings(settings: &TerminalSettings) {
    let _ = rustix::termios::tcsetattr(rustix::stdio::stdin(), rustix::termios::OptionalActions::Now, &settings.0);
}

/// Elsewhere there is nothing to put back.
#[cfg(not(target_os = "linux"))]
pub fn set_terminal_settings(_settings: &TerminalSettings) {}

/// Watches a folder for as long as it is kept.
pub struct FolderWatch {
    _watcher: notify::RecommendedWatcher,
}

/// Calls `changed` with the paths of each change in `folder` (not below it) that modifies or
/// creates a file. `None` where the system cannot watch.
pub fn watch_folder(folder: &Path, changed: impl Fn(&[PathBuf]) + Send + 'static) -> Option<FolderWatch> {
    use notify::Watcher as _;
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        let Ok(event) = result else {
            return;
        };
        if matches!(event.kind, notify::EventKind::Modify(_) | notify::EventKind::Create(_)) {
            changed(&event.paths);
        }
    })
    .ok()?;
    watcher.watch(folder, notify::RecursiveMode::NonRecursive).ok()?;
    Some(FolderWatch { _watcher: watcher })
}

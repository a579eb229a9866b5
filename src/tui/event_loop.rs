//! The event loop: one input thread and one signal thread feed a channel; the loop redraws
//! only when something changed and sleeps without waking while nothing runs. What it asks of
//! the operating system (signals, hang-up, file changes) is `crate::platform`'s.

mod handover;

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event as TermEvent, KeyEvent, KeyEventKind};

use super::app::FLASH_SECONDS;
use super::driver::Driver;
use super::theme::Theme;
use super::view::View;
use crate::clock::Clock;
use crate::platform::{self, FolderWatch};

/// What wakes the loop.
#[derive(Debug)]
enum Event {
    Key(KeyEvent),
    /// The terminal's new size: columns, rows.
    Resize(u16, u16),
    /// The database files changed on disk (another hardset, or `hardset log`, may have
    /// committed): the driver re-reads if the log really changed.
    Changed,
    /// SIGTERM, SIGHUP or SIGINT, or the terminal went away: quit now.
    Quit,
}

/// How often the screen redraws while a rest timer runs (at most 4 times a second).
const TIMER_FRAME: Duration = Duration::from_millis(250);

/// How long the last try at a save that waits for the log may wait, when the app is closed by a
/// signal or a terminal gone (as long as any write used to wait).
const LAST_TRY: Duration = Duration::from_secs(5);

/// When to look at the log again after its files changed on disk.
const RECHECKS: [Duration; 2] = [Duration::from_millis(150), Duration::from_millis(700)];

/// Runs the app in the terminal until the lifter quits. The terminal is restored on quit, on
/// error, on panic (ratatui's hook) and on SIGTERM/SIGHUP.
pub fn run<C: Clock>(mut driver: Driver<C>) -> std::io::Result<()> {
    let (tx, rx) = mpsc::channel::<Event>();
    let ending = handover::Ending::default();
    let _watch = listen(&driver, &tx, &ending)?;
    let mut terminal = ratatui::init();
    let gate = Arc::new(handover::Gate::default());
    read_terminal(tx, Arc::clone(&gate));
    let redraw = Arc::new(AtomicBool::new(false));
    driver.terminal = Box::new(handover::Terminal { gate, redraw: Arc::clone(&redraw), settings: None, ending });
    let theme = Theme::from_env().with_colours(driver.app.settings.colours);
    let result = drive(&mut terminal, &mut driver, &rx, theme, &redraw);
    restore(terminal);
    // Closed by a signal or a terminal that went away while a save waited for the log (the
    // lifter's own quit asks first): one last try once the terminal is back, said on standard
    // error (lost with the terminal if it is gone).
    if let Some(said) = driver.finish_waiting(LAST_TRY) {
        let _ = writeln!(std::io::stderr(), "hardset: {said}");
    }
    result
}

/// Listens for what ends the app from outside (signals, a terminal hang-up) and for changes to
/// the database's files, before the terminal is taken. What watches the files stops when the
/// returned value is dropped.
fn listen<C: Clock>(
    driver: &Driver<C>,
    tx: &mpsc::Sender<Event>,
    ending: &handover::Ending,
) -> std::io::Result<Option<FolderWatch>> {
    let signal_tx = tx.clone();
    let signalled = Arc::clone(&ending.signalled);
    platform::on_termination(
        move || {
            signalled.store(true, std::sync::atomic::Ordering::SeqCst);
            let _ = signal_tx.send(Event::Quit);
        },
        Arc::clone(&ending.lent),
    )?;
    // Another instance's sets appear within a moment, without polling: the operating system
    // says when the database files change (and nothing wakes the loop while nobody writes).
    let watch = driver.store.path().and_then(|path| watch_database(path, tx.clone()));
    let hangup_tx = tx.clone();
    platform::on_hangup(move || {
        let _ = hangup_tx.send(Event::Quit);
    });
    Ok(watch)
}

/// Reads the terminal on a thread of its own: key presses and new sizes. It waits at `gate`
/// while the terminal is handed to another program.
fn read_terminal(tx: mpsc::Sender<Event>, gate: Arc<handover::Gate>) {
    std::thread::spawn(move || {
        loop {
            gate.pass();
            let event = match event::read() {
                Ok(TermEvent::Key(key)) if key.kind == KeyEventKind::Press => Event::Key(key),
                Ok(TermEvent::Resize(width, height)) => Event::Resize(width, height),
                Ok(_) => continue,
                // The terminal is gone (hang-up): quit rather than spin.
                Err(_) => Event::Quit,
            };
            let quit = matches!(event, Event::Quit);
            if tx.send(event).is_err() || quit {
                return;
            }
        }
    });
}

/// Draws, sleeps until something happens, applies it, and again, until the app quits.
fn drive<C: Clock>(
    terminal: &mut DefaultTerminal,
    driver: &mut Driver<C>,
    rx: &mpsc::Receiver<Event>,
    theme: Theme,
    redraw: &AtomicBool,
) -> std::io::Result<()> {
    // A change on disk is seen while the other process is still committing (its WAL frames are
    // written before the commit shows in the shared index, which raises no file event), so the
    // log is checked again a little later: that catches the commit within a second.
    let mut rechecks: Vec<Instant> = Vec::new();
    loop {
        // Back from another program (the editor), the screen was cleared: both of ratatui's
        // buffers are emptied so the next draw writes every cell. (Not `Terminal::clear`, which
        // asks the terminal where its cursor is, an answer the key reader would take.)
        if redraw.swap(false, Ordering::SeqCst) {
            terminal.swap_buffers();
        }
        // The loop only wakes for input, a signal or a running timer: each wake redraws.
        let now = driver.clock.now();
        let offset = driver.clock.offset_at(now);
        let drawn = terminal.draw(|frame| {
            let screen = View { app: &driver.app, now, theme, offset };
            frame.render_widget(screen, frame.area());
        })?;
        // Keys are read against the size just drawn: behind "terminal too small" they do
        // nothing but quit.
        driver.resize(drawn.area.width, drawn.area.height);
        let events = wait(rx, next_wake(driver, &mut rechecks));
        for event in events {
            match event {
                // Keys read with the one that handed the terminal to the editor were typed
                // before the editor came up: the screen they were typed at is gone.
                Event::Key(_) if redraw.load(Ordering::SeqCst) => {}
                Event::Key(key) => driver.key(key),
                Event::Resize(width, height) => driver.resize(width, height),
                // `tick` below re-reads when another connection committed; look again soon
                // in case the commit was still under way.
                Event::Changed => {
                    let now = Instant::now();
                    rechecks.clear();
                    rechecks.extend(RECHECKS.iter().map(|d| now + *d));
                }
                Event::Quit => driver.app.quit = true,
            }
        }
        driver.tick();
        if driver.bells > 0 {
            driver.bells = 0;
            let mut out = std::io::stdout();
            let _ = out.write_all(b"\x07").and_then(|()| out.flush());
        }
        if driver.app.quit {
            return Ok(());
        }
    }
}

/// How long the loop may sleep: until a running timer's next frame, the next look at the log
/// after a change on disk, or the next try of a save that waits; `None` to sleep until input.
/// Looks already made are dropped from `rechecks`.
fn next_wake<C: Clock>(driver: &Driver<C>, rechecks: &mut Vec<Instant>) -> Option<Duration> {
    let now_instant = Instant::now();
    rechecks.retain(|at| *at > now_instant);
    let recheck = rechecks.iter().min().map(|at| at.saturating_duration_since(now_instant));
    // A save that waits for the log is tried again on each tick.
    let retry = driver.waiting().then_some(super::driver::TRY_AGAIN_EVERY);
    [timer_wake(driver), recheck, retry].into_iter().flatten().min()
}

/// Sleeps until an event arrives or `wake` passes, then takes everything pending, so the
/// screen is drawn once for all of it. A closed channel reads as quitting.
fn wait(rx: &mpsc::Receiver<Event>, wake: Option<Duration>) -> Vec<Event> {
    let event = match wake {
        Some(timeout) => match rx.recv_timeout(timeout) {
            Ok(event) => Some(event),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => Some(Event::Quit),
        },
        None => Some(rx.recv().unwrap_or(Event::Quit)),
    };
    let mut events: Vec<Event> = event.into_iter().collect();
    // Drain everything pending before drawing once.
    events.extend(rx.try_iter());
    events
}

/// Gives the terminal back to the shell.
fn restore(mut terminal: DefaultTerminal) {
    // Not `ratatui::restore()`: when the terminal has gone (closed window, SIGHUP), it prints
    // the failure with `eprintln!`, which panics on the dead terminal; the panic hook then
    // restores again and panics inside the hook, aborting the process before anything is
    // dropped (the demo's temporary log was left behind that way).
    let _ = ratatui::try_restore();
    // The same goes for the terminal's own drop, which shows the cursor and reports a failure
    // with `eprintln!`: shown here, and when that fails the terminal is let go without its drop.
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
}

/// Watches the database's folder for changes to its files (the database, its WAL and shared
/// memory). `None` where the platform cannot watch: then other instances' sets appear at the
/// next key press, as before.
fn watch_database(path: &std::path::Path, tx: mpsc::Sender<Event>) -> Option<FolderWatch> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    platform::watch_folder(&folder, move |paths| {
        let ours = paths.iter().any(|p| {
            p.file_name().is_some_and(|f| {
                let f = f.to_string_lossy();
                f == name || ["-wal", "-shm", "-journal"].iter().any(|suffix| f == format!("{name}{suffix}"))
            })
        });
        if ours {
            let _ = tx.send(Event::Changed);
        }
    })
}

/// How long to sleep before the screen must change by itself: while a rest runs or its end
/// flashes; `None` (sleep until input) otherwise.
fn timer_wake<C: Clock>(driver: &Driver<C>) -> Option<Duration> {
    let (until, _) = driver.app.rest()?;
    let since_end = (driver.clock.now() - until).num_seconds();
    (since_end <= FLASH_SECONDS).then_some(TIMER_FRAME)
}

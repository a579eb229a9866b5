//! Handing the terminal to another program (the editor) and taking it back: the thread that
//! reads keys stops first, so it does not take the editor's keys, then raw mode and the
//! alternate screen are left; after, they are entered again, the whole screen is drawn again and
//! the keys are read once more.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use ratatui::crossterm::{cursor, execute, terminal};

use crate::platform;
use crate::tui::driver::Handover;

/// How long giving the terminal up waits for the key reader to stop (it stops at once: a wake
/// ends the read it sleeps in).
const READER_STOPS_WITHIN: Duration = Duration::from_secs(1);

/// Whether the key reader may read, and whether it has stopped.
#[derive(Debug, Default)]
pub(super) struct Gate {
    /// (closed, the reader waits at the gate)
    state: Mutex<(bool, bool)>,
    changed: Condvar,
}

impl Gate {
    /// The reader's side, before each read: waits while the gate is closed, saying it waits.
    pub(super) fn pass(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while state.0 {
            state.1 = true;
            self.changed.notify_all();
            state = self.changed.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
        state.1 = false;
    }

    /// Stops the reader: closes the gate, wakes the read it sleeps in, and waits until it waits
    /// at the gate (or a second, should the reader be gone).
    fn close(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.0 = true;
        platform::wake_terminal_reader();
        let _ = self
            .changed
            .wait_timeout_while(state, READER_STOPS_WITHIN, |s| !s.1)
            .unwrap_or_else(PoisonError::into_inner);
    }

    /// Lets the reader read again.
    fn open(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.0 = false;
        self.changed.notify_all();
    }
}

/// What the signal thread and the handover share: whether the terminal is lent to another
/// program (a Ctrl-C is then that program's), and whether a signal said to end.
#[derive(Debug, Default, Clone)]
pub(super) struct Ending {
    /// Set while the editor has the terminal.
    pub(super) lent: Arc<AtomicBool>,
    /// Set by SIGTERM, SIGHUP (or SIGINT while the terminal is the app's).
    pub(super) signalled: Arc<AtomicBool>,
}

/// The app's terminal, as the driver hands it over.
pub(super) struct Terminal {
    /// The key reader's gate.
    pub(super) gate: Arc<Gate>,
    /// Set when the screen was taken back: the next draw redraws everything.
    pub(super) redraw: Arc<AtomicBool>,
    /// The terminal's own settings, read when it was handed over: raw mode is entered from
    /// them again, so an editor killed in raw mode cannot leave its settings as the ones
    /// restored when hardset quits.
    pub(super) settings: Option<crate::platform::TerminalSettings>,
    /// Shared with the signal thread.
    pub(super) ending: Ending,
}

impl Handover for Terminal {
    fn leave(&mut self) -> io::Result<()> {
        self.gate.close();
        self.ending.lent.store(true, Ordering::SeqCst);
        let left = ratatui::try_restore();
        self.settings = crate::platform::terminal_settings();
        execute!(io::stdout(), cursor::Show)?;
        left
    }

    fn enter(&mut self) -> io::Result<()> {
        if let Some(settings) = &self.settings {
            crate::platform::set_terminal_settings(settings);
        }
        let entered = terminal::enable_raw_mode().and_then(|()| {
            execute!(
                io::stdout(),
                terminal::EnterAlternateScreen,
                terminal::Clear(terminal::ClearType::All),
                cursor::Hide
            )
        });
        // Whatever happened, the next draw is whole (on the screen just cleared) and the keys
        // are read again.
        self.redraw.store(true, Ordering::SeqCst);
        self.ending.lent.store(false, Ordering::SeqCst);
        self.gate.open();
        entered
    }

    fn ending(&self) -> bool {
        self.ending.signalled.load(Ordering::SeqCst)
    }
}

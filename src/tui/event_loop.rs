//! The event loop: one input thread and one signal thread feed a channel; the loop redraws
//! only when something changed and sleeps without waking while nothing runs.

use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event as TermEvent, KeyEvent, KeyEventKind};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use super::app::FLASH_SECONDS;
use super::driver::Driver;
use super::theme::Theme;
use super::view::View;
use crate::clock::Clock;

/// What wakes the loop.
#[derive(Debug)]
enum Event {
    Key(KeyEvent),
    Resize,
    /// SIGTERM, SIGHUP or SIGINT, or the terminal went away: quit now.
    Quit,
}

/// How often the screen redraws while a rest timer runs (at most 4 times a second).
const TIMER_FRAME: Duration = Duration::from_millis(250);

/// Runs the app in the terminal until the lifter quits. The terminal is restored on quit, on
/// error, on panic (ratatui's hook) and on SIGTERM/SIGHUP.
pub fn run<C: Clock>(mut driver: Driver<C>) -> std::io::Result<()> {
    let (tx, rx) = mpsc::channel::<Event>();
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let signal_tx = tx.clone();
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = signal_tx.send(Event::Quit);
        }
    });
    let mut terminal = ratatui::init();
    std::thread::spawn(move || {
        loop {
            let event = match event::read() {
                Ok(TermEvent::Key(key)) if key.kind == KeyEventKind::Press => Event::Key(key),
                Ok(TermEvent::Resize(..)) => Event::Resize,
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
    let theme = Theme::from_env().with_colours(driver.app.settings.colours);
    let result = (|| -> std::io::Result<()> {
        loop {
            // The loop only wakes for input, a signal or a running timer: each wake redraws.
            let now = driver.clock.now();
            let offset = driver.clock.offset_at(now);
            terminal.draw(|frame| {
                let screen = View { app: &driver.app, now, theme, offset };
                frame.render_widget(screen, frame.area());
            })?;
            let event = match timer_wake(&driver) {
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
            for event in events {
                match event {
                    Event::Key(key) => driver.key(key),
                    Event::Resize => {}
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
    })();
    ratatui::restore();
    result
}

/// How long to sleep before the screen must change by itself: while a rest runs or its end
/// flashes; `None` (sleep until input) otherwise.
fn timer_wake<C: Clock>(driver: &Driver<C>) -> Option<Duration> {
    let (until, _) = driver.app.rest()?;
    let since_end = (driver.clock.now() - until).num_seconds();
    (since_end <= FLASH_SECONDS).then_some(TIMER_FRAME)
}

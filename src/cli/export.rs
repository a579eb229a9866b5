//! `hardset export`: every set to standard output, or to a file written whole or not at all.

use std::io::Write;
use std::path::Path;

use super::{Context, announce, say};
use crate::clock::SystemClock;
use crate::disk;
use crate::error::Error;
use crate::export::{self, Format};
use crate::store::{Store, StoreError};

/// `hardset export --out FILE`.
pub(super) fn to_file(context: &Context, format: Format, file: &Path) -> Result<(), Error> {
    // Never onto the log, checked before anything opens (or upgrades) it.
    refuse_the_log(file, &context.paths.database)?;
    let store = Store::open_to_read(&context.paths.database)?;
    announce(&store);
    export_to_file(&store, format, file)?;
    say(&format!("exported {} sets to {}", store.set_count()?, file.display()))
}

/// `hardset export`, to standard output.
pub(super) fn to_stdout(context: &Context, format: Format) -> Result<(), Error> {
    // No database yet means an empty log: export nothing rather than create a file.
    let store = Store::open_to_read(&context.paths.database)?;
    announce(&store);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match export::export(&store, format, &SystemClock, &mut out) {
        // `hardset export | head` closing the pipe early is not an error.
        Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Refuses to write an export or a backup onto the log itself, or its -wal, -shm or journal,
/// under any name (a symlink, a hard link): judged by file identity.
pub(super) fn refuse_the_log(target: &Path, db: &Path) -> Result<(), Error> {
    if disk::is_the_log(target, db) {
        return Err(Error::Input(format!(
            "{} is the log itself ({}, or its -wal, -shm or journal); nothing was written: choose another file",
            target.display(),
            db.display()
        )));
    }
    Ok(())
}

/// Writes the export to `file`, complete or not at all: into a private file under a temporary
/// name (what killed exports left there is removed first), flushed, then renamed over `file`.
/// SIGTERM, SIGINT or SIGHUP meanwhile (a closed terminal, Ctrl-C) stops it and removes the
/// temporary file; a second one ends the process at once.
fn export_to_file(store: &Store, format: Format, file: &Path) -> Result<(), Error> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let stop = Arc::new(AtomicBool::new(false));
    crate::platform::stop_on_termination(&stop)?;
    disk::remove_stale_partials(file);
    let partial = disk::partial_path(file);
    let written = (|| -> Result<(), Error> {
        let mut writer = StopOnSignal { out: std::io::BufWriter::new(disk::new_private_file(&partial)?), stop: &stop };
        export::export(store, format, &SystemClock, &mut writer)?;
        writer.flush()?;
        drop(writer);
        // The last moment a signal stops it: once renamed, the file is whole and stays.
        if stop.load(Ordering::SeqCst) {
            return Err(Error::Input(String::new()));
        }
        disk::finish(&partial, file)?;
        Ok(())
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
        if stop.load(Ordering::SeqCst) {
            return Err(Error::Input(format!("the export was interrupted; nothing was written to {}", file.display())));
        }
    }
    written.map_err(|e| match e {
        Error::Io(ref io) | Error::Store(StoreError::Io { source: ref io, .. })
            if io.kind() == std::io::ErrorKind::StorageFull =>
        {
            Error::Store(StoreError::DiskFull { folder: disk::folder_of(file).display().to_string() })
        }
        e => e,
    })
}

/// A writer that fails once a signal asked to stop, so a long export ends cleanly.
struct StopOnSignal<'a, W> {
    out: W,
    stop: &'a std::sync::atomic::AtomicBool,
}

impl<W: Write> Write for StopOnSignal<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.stop.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(std::io::Error::other("interrupted by a signal"));
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

//! `--db` names a log in a folder that must already be there: a mistyped folder
//! (`--db ~/trainig/log.db`) is refused with a clear message instead of silently holding a new,
//! empty log. The default place (XDG data folder, `HARDSET_DB`) is still created on first use,
//! so `cargo run --release` works on a fresh machine.

use std::path::Path;

use crate::error::Error;

/// Refuses a `--db` whose folder does not exist.
pub(super) fn check(db_flag: Option<&Path>) -> Result<(), Error> {
    let Some(path) = db_flag else { return Ok(()) };
    let folder = crate::disk::folder_of(path);
    // A file where the folder goes is the store's to explain ("notes.txt is a file").
    if folder.exists() {
        return Ok(());
    }
    let shown = |p: &Path| crate::model::text::escape(&p.display().to_string()).into_owned();
    Err(Error::Input(format!(
        "--db {}: the folder {} does not exist; check the path, or create the folder first (mkdir -p {})",
        shown(path),
        shown(&folder),
        shown(&folder)
    )))
}

//! The log's files on disk, apart from SQL: files only their owner can read, copies written under
//! a temporary name and renamed once whole, what a killed hardset left behind, whether two names
//! are one file, and what the disk and the folder allow.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// Creates `path`, which must not exist yet, readable and writable by its owner only (0600,
/// whatever the umask): every file holding the log's data is made this way.
pub fn new_private_file(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// The folder a file is in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `path` with `suffix` added to its name: `log.db` and `-wal` give `log.db-wal`.
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// What a file of `path` is called while this process writes it: `<name>.partial-<pid>`. The
/// process id says whose it is, so a leftover of a killed run is told from a write under way.
pub fn partial_path(path: &Path) -> PathBuf {
    with_suffix(path, &format!("{PARTIAL}{}", std::process::id()))
}

const PARTIAL: &str = ".partial-";

/// Removes what killed runs left while writing `path`: `<name>.partial-<pid>` (and the SQLite
/// journal beside it) whose process is gone. A partial file of a running process is left alone.
pub fn remove_stale_partials(path: &Path) {
    if let Some(name) = path.file_name() {
        remove_stale_partials_of(&folder_of(path), &name.to_string_lossy(), false);
    }
}

/// [`remove_stale_partials`] for every file of `folder` whose name starts with `prefix` (the
/// dated backups of a log: `hardset.db.backup-`), or is exactly `prefix` when `any_ending` is
/// false.
pub fn remove_stale_partials_of(folder: &Path, prefix: &str, any_ending: bool) {
    remove_stale(folder, |file| {
        let (name, rest) = file.rsplit_once(PARTIAL)?;
        let named = if any_ending { name.starts_with(prefix) } else { name == prefix };
        let pid = rest.strip_suffix("-journal").unwrap_or(rest);
        if named { pid.parse().ok() } else { None }
    });
}

/// Removes the temporary logs of `--demo` runs that are gone (`hardset-demo-<pid>.db`, with its
/// WAL files) from `folder`; a demo still running keeps its own.
pub fn remove_stale_demo_logs(folder: &Path) {
    remove_stale(folder, |file| {
        let rest = file.strip_prefix("hardset-demo-")?;
        let (pid, suffix) = rest.split_once(".db")?;
        ["", "-wal", "-shm", "-journal"].contains(&suffix).then(|| pid.parse().ok())?
    });
}

/// Removes each file of `folder` that `owner` names a process of, when that process is gone.
fn remove_stale(folder: &Path, owner: impl Fn(&str) -> Option<u32>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = owner(&name.to_string_lossy()) else {
            continue;
        };
        if pid != std::process::id() && !process_runs(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` still runs. Where that cannot be told, it is taken to run, so nothing
/// of a live process is ever removed.
pub fn process_runs(pid: u32) -> bool {
    #[cfg(target_os = "linux")]
    {
        let Some(pid) = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw) else {
            return false;
        };
        // Signal 0 checks without sending: "no such process" is the only sure sign it is gone.
        !matches!(rustix::process::test_kill_process(pid), Err(rustix::io::Errno::SRCH))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pid;
        true
    }
}

/// Puts a partial file in place: flushes it to the disk, renames it to `path` (atomically: the
/// file under `path` is the old one or the whole new one, never half), then flushes the folder
/// so the rename survives a power cut too.
pub fn finish(partial: &Path, path: &Path) -> io::Result<()> {
    File::open(partial)?.sync_all()?;
    std::fs::rename(partial, path)?;
    sync_folder(path);
    Ok(())
}

/// Flushes the folder holding `path` to the disk (where the platform can: not on Windows).
pub fn sync_folder(path: &Path) {
    if let Ok(folder) = File::open(folder_of(path)) {
        let _ = folder.sync_all();
    }
}

/// Whether `target` is the log at `db` or one of its WAL or journal files: by name (the same
/// folder, however it is written, and the same file name), so a log not created yet or a journal
/// not there now is caught; and by file identity (device and inode, following symlinks), so
/// another name for an existing one (a symlink, a hard link) is caught too.
pub fn is_the_log(target: &Path, db: &Path) -> bool {
    let named = named_in_its_folder(&link_target(target));
    let found = std::fs::metadata(target).ok();
    ["", "-wal", "-shm", "-journal"].iter().any(|suffix| {
        let file = with_suffix(db, suffix);
        let same_name = named.is_some() && named == named_in_its_folder(&file);
        let same_identity = match (&found, std::fs::metadata(&file)) {
            (Some(target), Ok(file)) => same_file(target, &file),
            _ => false,
        };
        same_name || same_identity
    })
}

/// Where a symlink at `path` leads, followed link by link even when what it names does not
/// exist (yet): writing there would create that file. Anything else is `path` itself.
fn link_target(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&path) {
            Ok(next) => path = folder_of(&path).join(next),
            Err(_) => break,
        }
    }
    path
}

/// `path` as its folder's real path (symlinks and `..` resolved) and its own file name.
fn named_in_its_folder(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    Some(std::fs::canonicalize(folder_of(path)).ok()?.join(name))
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_a: &std::fs::Metadata, _b: &std::fs::Metadata) -> bool {
    false
}

/// Whether this process can write `path` (a file or a folder). A file whose mode says read-only
/// counts as not writable for every user, root included, as `Store::open` treats it.
pub fn writable(path: &Path) -> bool {
    let Ok(metadata) = std::fs::metadata(path) else {
        return false;
    };
    if metadata.permissions().readonly() {
        return false;
    }
    #[cfg(target_os = "linux")]
    {
        rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_ok()
    }
    #[cfg(not(target_os = "linux"))]
    {
        true
    }
}

/// Below this much free space, a failed write is put down to a full disk.
const NEARLY_FULL: u64 = 1 << 20;

/// Whether the disk holding `folder` is (nearly) full, for this user. `false` where the
/// platform cannot say.
pub fn disk_full(folder: &Path) -> bool {
    #[cfg(target_os = "linux")]
    {
        // Blocks reserved for root are free to root: count them when running as root.
        let root = rustix::process::geteuid().is_root();
        rustix::fs::statvfs(folder).is_ok_and(|s| {
            let free = if root { s.f_bfree } else { s.f_bavail };
            free.saturating_mul(s.f_frsize) < NEARLY_FULL
        })
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = folder;
        false
    }
}

/// Whether the disk holding `folder` is mounted read-only. `false` where the platform cannot
/// say.
pub fn read_only_mount(folder: &Path) -> bool {
    #[cfg(target_os = "linux")]
    {
        rustix::fs::statvfs(folder).is_ok_and(|s| s.f_flag.contains(rustix::fs::StatVfsMountFlags::RDONLY))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = folder;
        false
    }
}

/// Whether the SQLite file at `path` is in WAL mode, by its header (bytes 18 and 19, the file
/// format's write and read versions, are 2 in WAL mode and 1 in rollback mode).
pub fn header_says_wal(path: &Path) -> bool {
    use std::io::Read as _;
    let mut header = [0u8; 20];
    File::open(path).and_then(|mut f| f.read_exact(&mut header)).is_ok() && header[18] == 2 && header[19] == 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_name_carries_this_process_id() {
        let partial = partial_path(Path::new("/tmp/log.csv"));
        assert_eq!(partial, PathBuf::from(format!("/tmp/log.csv.partial-{}", std::process::id())));
        assert_eq!(with_suffix(Path::new("a/log.db"), "-wal"), PathBuf::from("a/log.db-wal"));
        assert_eq!(folder_of(Path::new("log.db")), PathBuf::from("."));
    }

    #[test]
    fn this_process_runs() {
        assert!(process_runs(std::process::id()));
    }

    /// The pid of a process that has ended.
    fn a_dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().expect("runs true");
        let pid = child.id();
        child.wait().expect("ends");
        pid
    }

    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .expect("lists")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn only_what_dead_processes_left_is_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (dead, live) = (a_dead_pid(), std::process::id());
        let files = [
            format!("log.csv.partial-{dead}"),
            format!("log.csv.partial-{dead}-journal"),
            format!("log.csv.partial-{live}"),
            format!("log.csv.old.partial-{dead}"),
            format!("hardset.db.backup-2026-01-01.partial-{dead}"),
            format!("hardset-demo-{dead}.db"),
            format!("hardset-demo-{dead}.db-wal"),
            format!("hardset-demo-{live}.db"),
            "log.csv".to_string(),
        ];
        for file in &files {
            std::fs::write(dir.path().join(file), "x").expect("writes");
        }
        remove_stale_partials(&dir.path().join("log.csv"));
        remove_stale_partials_of(dir.path(), "hardset.db.backup-", true);
        remove_stale_demo_logs(dir.path());
        let mut kept = vec![
            format!("log.csv.partial-{live}"),
            format!("log.csv.old.partial-{dead}"),
            format!("hardset-demo-{live}.db"),
            "log.csv".to_string(),
        ];
        kept.sort();
        assert_eq!(names(dir.path()), kept);
    }
}

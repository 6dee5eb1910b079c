//! Where a publication goes: the output folder checked (never the meeting
//! folder, its sources, the root or the home folder), why it could not be
//! written, and its lock, so that one publication at a time writes into it.

use crate::fsutil;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Why the output could not be written.
#[derive(Debug)]
pub enum OutputError {
    /// The output folder is one that must never be written into.
    Refused {
        /// The folder asked for.
        path: PathBuf,
        /// What it is, in French.
        reason: String,
    },
    /// Another publication into the same folder did not end in time.
    Busy {
        /// The output folder.
        path: PathBuf,
        /// How long it waited, in seconds.
        waited: u64,
    },
    /// The disk refused.
    Io {
        /// The path being written or removed.
        path: PathBuf,
        /// The system's error.
        error: io::Error,
    },
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutputError::Refused { path, reason } => write!(
                f,
                "refus d'écrire les pages dans {} : {reason}",
                path.display()
            ),
            OutputError::Busy { path, waited } => write!(
                f,
                "une autre publication est en cours dans {} et n'a pas fini après {waited} s",
                path.display()
            ),
            OutputError::Io { path, error } => write!(
                f,
                "écriture impossible de {} : {}",
                path.display(),
                crate::fsutil::reason(error)
            ),
        }
    }
}

impl std::error::Error for OutputError {}

/// The lock file of the output folder: one publication at a time writes
/// into it, so that two never mix their pages and manifests.
pub const LOCK: &str = ".reunion-verrou";

/// How long a publication waits for another one into the same folder;
/// `REUNION_ATTENTE_PUBLICATION` (seconds) changes it.
const LOCK_WAIT_SECS: u64 = 60;

/// The lock of an output folder, held while the value lives; its file is
/// removed before the lock is let go, so that a finished publication
/// leaves nothing of it.
pub struct Lock {
    file: std::fs::File,
    path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

fn same_file(file: &std::fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

/// Takes the lock of `out`, waiting a bounded time for another publication
/// to finish. A file system without locks (some network shares) publishes
/// without one.
pub fn lock(out: &Path) -> Result<Option<Lock>, OutputError> {
    let path = out.join(LOCK);
    let wait = std::env::var("REUNION_ATTENTE_PUBLICATION")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(LOCK_WAIT_SECS);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(wait);
    loop {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io_at(&path))?;
        match file.try_lock() {
            // The publication that held it removes the file before it lets
            // go: locked, the file must still be the one at its path, or
            // the lock is of a removed file and is taken again.
            Ok(()) if same_file(&file, &path) => {
                return Ok(Some(Lock { file, path }));
            }
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(OutputError::Busy {
                    path: out.to_path_buf(),
                    waited: wait,
                });
            }
            Err(std::fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                return Ok(None);
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io_at(&path)(e)),
        }
    }
}

pub(super) fn io_at(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |error| OutputError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// Checks the output folder and returns its resolved path. Refused: the
/// meeting folder itself, its `reunions/`, `templates/` and `assets/`, the
/// root of the file system and the home folder; anything else is fine.
pub fn check_output(root: &Path, out: &Path) -> Result<PathBuf, OutputError> {
    let resolved = fsutil::resolve(out).map_err(io_at(out))?;
    let root = fsutil::resolve(root).map_err(io_at(root))?;
    let refuse = |reason: &str| {
        Err(OutputError::Refused {
            path: out.to_path_buf(),
            reason: reason.to_string(),
        })
    };
    if resolved.parent().is_none() {
        return refuse("c'est la racine du système de fichiers");
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        && fsutil::resolve(Path::new(&home)).is_ok_and(|h| h == resolved)
    {
        return refuse("c'est le dossier personnel");
    }
    if resolved == root {
        return refuse("c'est le dossier de réunions lui-même");
    }
    for (dir, what) in [
        (
            crate::folder::RECORDS_DIR,
            "c'est le dossier des comptes rendus",
        ),
        (
            super::templates::TEMPLATES_DIR,
            "c'est le dossier des modèles",
        ),
        (
            "assets",
            "c'est le dossier des images du dossier de réunions",
        ),
    ] {
        if fsutil::resolve(&root.join(dir)).is_ok_and(|d| d == resolved) {
            return refuse(what);
        }
    }
    if resolved.exists() && !resolved.is_dir() {
        return refuse("c'est un fichier, pas un dossier");
    }
    Ok(resolved)
}

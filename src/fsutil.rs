//! Writing files without ever leaving a half-written one, and without ever
//! replacing a file that must not be replaced; telling where a path really
//! leads; saying in French why the system refused.

use std::io::{self, Write};
use std::path::Path;

/// Prefix and suffix of the temporary files [`write_atomic`] and
/// [`write_new`] create beside their target. A process killed between
/// creating one and renaming it leaves it behind: [`is_leftover`] recognises
/// it so that the next publication removes it.
const TEMP_PREFIX: &str = ".reunion-";
const TEMP_SUFFIX: &str = ".tmp";
/// Random characters `tempfile` puts between them.
const TEMP_RANDOM: usize = 6;

/// Whether a file name is one of our temporary files, left by a process
/// killed mid-write.
pub fn is_leftover(name: &str) -> bool {
    name.len() == TEMP_PREFIX.len() + TEMP_RANDOM + TEMP_SUFFIX.len()
        && name.starts_with(TEMP_PREFIX)
        && name.ends_with(TEMP_SUFFIX)
        && name[TEMP_PREFIX.len()..name.len() - TEMP_SUFFIX.len()]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric())
}

/// Whether `path`, once every symbolic link is followed, lies inside `root`
/// (resolved the same way). A path that cannot be resolved is not inside.
pub fn resolves_inside(root: &Path, path: &Path) -> bool {
    match (root.canonicalize(), path.canonicalize()) {
        (Ok(root), Ok(path)) => path.starts_with(root),
        _ => false,
    }
}

/// Why the system refused, in French, for the errors a user can act on;
/// the system's own words otherwise.
pub fn reason(err: &io::Error) -> String {
    use io::ErrorKind as K;
    match err.kind() {
        K::PermissionDenied => "permission refusée".into(),
        K::NotFound => "fichier introuvable".into(),
        K::IsADirectory => "c'est un dossier, pas un fichier".into(),
        K::StorageFull => "disque plein".into(),
        K::QuotaExceeded => "quota disque dépassé".into(),
        K::FileTooLarge => "fichier trop gros pour la limite fixée par le système".into(),
        K::ReadOnlyFilesystem => "système de fichiers en lecture seule".into(),
        K::AlreadyExists => "le fichier existe déjà".into(),
        _ => err.to_string(),
    }
}

fn temp_beside(path: &Path) -> io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM)
        .tempfile_in(dir)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// synced, then renamed over `path`. Readers see the old or the new content,
/// never a mix, even if the process is killed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes `bytes` to a new file at `path`, atomically, and fails with
/// `AlreadyExists` if `path` exists: an existing file is never touched.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        write_new(&p, b"one").unwrap();
        let err = write_new(&p, b"two").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn leftovers_are_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = temp_beside(&dir.path().join("a.html")).unwrap();
        let name = tmp.path().file_name().unwrap().to_str().unwrap();
        assert!(is_leftover(name), "{name}");
        assert!(!is_leftover(".reunion-manifeste"));
        assert!(!is_leftover(".reunion-abc.tmp"));
        assert!(!is_leftover("reunion-abcdef.tmp"));
    }

    #[test]
    fn french_reasons() {
        let full = io::Error::from(io::ErrorKind::StorageFull);
        assert_eq!(reason(&full), "disque plein");
        let denied = io::Error::from_raw_os_error(13);
        assert_eq!(reason(&denied), "permission refusée");
    }

    #[test]
    fn atomic_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.html");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

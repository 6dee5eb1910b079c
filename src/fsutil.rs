//! Writing files without ever leaving a half-written one, and without ever
//! replacing a file that must not be replaced; telling where a path really
//! leads; saying in French why the system refused.

use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

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

/// Why a file of the folder is not opened by [`open_regular_inside`].
#[derive(Debug)]
pub enum OpenError {
    /// Once links are followed, it lies outside the folder.
    Outside {
        /// Where it leads.
        target: PathBuf,
    },
    /// It is not a regular file: a folder, a named pipe, a device, a socket
    /// (in French, for the message).
    NotRegular {
        /// What it is, in French (« un dossier », « un tube nommé »…).
        kind: &'static str,
    },
    /// The system refused.
    Io(io::Error),
}

fn kind_of(file_type: std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("un tube nommé (FIFO)");
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return Some("un périphérique");
        }
        if file_type.is_socket() {
            return Some("une socket");
        }
    }
    if file_type.is_dir() {
        return Some("un dossier");
    }
    (!file_type.is_file()).then_some("un fichier spécial")
}

/// Opens `path` for reading only when, once every link is followed, it is
/// a regular file inside `root`. Its type is checked before it is opened
/// (opening a named pipe would wait for a writer forever), it is opened
/// without blocking, and the open file is checked again, so that a file
/// swapped in between is refused too.
pub fn open_regular_inside(
    root: &Path,
    path: &Path,
) -> Result<(std::fs::File, std::fs::Metadata), OpenError> {
    let root = root.canonicalize().map_err(OpenError::Io)?;
    let target = path.canonicalize().map_err(OpenError::Io)?;
    if !target.starts_with(&root) {
        return Err(OpenError::Outside { target });
    }
    let meta = std::fs::metadata(&target).map_err(OpenError::Io)?;
    if let Some(kind) = kind_of(meta.file_type()) {
        return Err(OpenError::NotRegular { kind });
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(&target).map_err(OpenError::Io)?;
    let meta = file.metadata().map_err(OpenError::Io)?;
    if let Some(kind) = kind_of(meta.file_type()) {
        return Err(OpenError::NotRegular { kind });
    }
    Ok((file, meta))
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
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM);
    // tempfile creates private files (0600); a published page or a record
    // must be readable like any file the user creates (0666 less the umask),
    // or a web server running as another user cannot serve the site.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// then renamed over `path`. Readers see the old or the new content, never a
/// mix, even if the process is killed.
///
/// It is for files `reunion` can produce again (pages, the manifest, the
/// calendar): they are not synced to the disk one by one, which would cost a
/// disk flush per page on a site of thousands; after a power cut, the next
/// render rewrites them. A user's record is written by [`write_new`], which
/// syncs.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path`, to be renamed over it
/// later ([`tempfile::TempPath::persist`]); dropped instead, it is removed.
/// Not synced, for the same reason as [`write_atomic`].
pub fn stage(path: &Path, bytes: &[u8]) -> io::Result<tempfile::TempPath> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes)?;
    Ok(tmp.into_temp_path())
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

/// The absolute form of `path` with every existing part resolved as the
/// system would (symbolic links, `..` after a link), the parts that do not
/// exist yet appended as written.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => out.push(component),
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => {
                out.push(name);
                if let Ok(real) = out.canonicalize() {
                    out = real;
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[cfg(unix)]
    #[test]
    fn only_regular_files_inside_are_opened() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.yaml"), "x").unwrap();
        assert!(open_regular_inside(root, &root.join("a.yaml")).is_ok());
        // A named pipe is refused before it is opened: opening it would
        // wait for a writer forever.
        let fifo = root.join("f.yaml");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        assert!(matches!(
            open_regular_inside(root, &fifo),
            Err(OpenError::NotRegular { kind }) if kind.contains("FIFO")
        ));
        std::os::unix::fs::symlink(&fifo, root.join("l.yaml")).unwrap();
        assert!(matches!(
            open_regular_inside(root, &root.join("l.yaml")),
            Err(OpenError::NotRegular { .. })
        ));
        std::os::unix::fs::symlink("/etc/hostname", root.join("out.yaml")).unwrap();
        assert!(matches!(
            open_regular_inside(root, &root.join("out.yaml")),
            Err(OpenError::Outside { .. })
        ));
        assert!(matches!(
            open_regular_inside(root, root),
            Err(OpenError::NotRegular { kind: "un dossier" })
        ));
    }

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

    #[cfg(unix)]
    #[test]
    fn written_files_are_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("index.html");
        write_atomic(&page, b"<p>").unwrap();
        let record = dir.path().join("a.yaml");
        write_new(&record, b"titre: x").unwrap();
        for path in [page, record] {
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            // Whatever the umask, not the private 0600 of a temporary file.
            assert_eq!(
                mode & 0o044,
                0o044 & !umask_of_this_process(),
                "{path:?}: {mode:o}"
            );
            assert_eq!(mode & 0o600, 0o600);
        }
    }

    /// The umask, read from /proc (no unsafe call needed).
    #[cfg(unix)]
    fn umask_of_this_process() -> u32 {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("Umask:"))
                    .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            })
            .unwrap_or(0o022)
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

//! Finding the meeting folder: the nearest one at or above where the
//! command runs, or the one given with `-C`.

use super::FolderError;
use crate::read::config::CONFIG_FILE;
use std::path::{Path, PathBuf};

/// The nearest folder at or above `start` that holds `reunion.yaml`.
///
/// The walk starts from `start` made absolute: the parents of a relative
/// path (`reunions/2022`) end at an empty path instead of reaching the
/// folders above the current one, which gave an empty folder name (and a
/// folder found only from its own top). The path found is absolute, not
/// canonical: a folder reached through a link keeps the name it was
/// reached by.
pub fn discover(start: &Path) -> Result<PathBuf, FolderError> {
    let not_found = || FolderError::NotFound {
        start: start.to_path_buf(),
    };
    let start = if start.as_os_str().is_empty() {
        Path::new(".")
    } else {
        start
    };
    let absolute = std::path::absolute(start).map_err(|_| not_found())?;
    let mut dir = Some(absolute.as_path());
    while let Some(d) = dir {
        if d.join(CONFIG_FILE).is_file() {
            return Ok(d.to_path_buf());
        }
        dir = d.parent();
    }
    Err(not_found())
}

/// Checks that `dir` (given with `-C`) is a meeting folder.
pub fn open(dir: &Path) -> Result<PathBuf, FolderError> {
    if dir.join(CONFIG_FILE).is_file() {
        Ok(dir.to_path_buf())
    } else {
        Err(FolderError::NoConfig {
            dir: dir.to_path_buf(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discovery_walks_up() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "organisation:\n  nom: x\n").unwrap();
        let deep = dir.path().join("reunions/2022");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(discover(&deep).unwrap(), dir.path());
        let other = tempfile::tempdir().unwrap();
        assert!(matches!(
            discover(other.path()),
            Err(FolderError::NotFound { .. })
        ));
        assert!(matches!(
            open(other.path()),
            Err(FolderError::NoConfig { .. })
        ));
    }
}

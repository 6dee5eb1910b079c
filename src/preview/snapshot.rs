//! The [`Snapshot`] of what a publication reads: `reunion.yaml` and every
//! file under `reunions/`, `templates/` and `assets/`, each with its size
//! and modification time.
//!
//! The watcher's events only say that something *may* have changed (an
//! editor opening a record, or the publication itself reading it, is an
//! event too): two snapshots are compared before republishing. A snapshot
//! never follows a link to a folder, so that a link to `/usr` under
//! `reunions/` costs one `lstat`; a link to a file is taken at its target,
//! as the reading of records does.

use crate::read::config::CONFIG_FILE;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Folders whose every file a publication may read.
pub const DOSSIERS: [&str; 3] = [
    crate::folder::RECORDS_DIR,
    crate::render::templates::TEMPLATES_DIR,
    "assets",
];

/// The same depth limit as the reading of records.
pub const MAX_DEPTH: usize = 16;

/// What is known of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileState {
    size: u64,
    modified: Option<SystemTime>,
}

/// The size and modification time of every watched file of a folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot(BTreeMap<PathBuf, FileState>);

fn state(entry: &walkdir::DirEntry) -> Option<FileState> {
    let meta = if entry.path_is_symlink() {
        // Only the link's target if it is a file: a folder behind a link is
        // never walked.
        std::fs::metadata(entry.path()).ok()?
    } else {
        entry.metadata().ok()?
    };
    meta.is_file().then(|| FileState {
        size: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// The folders under `dir` (itself included), links to folders not
/// followed, at most [`MAX_DEPTH`] deep.
pub fn folders_under(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .max_depth(MAX_DEPTH)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
        .map(walkdir::DirEntry::into_path)
        .collect()
}

impl Snapshot {
    /// Takes the snapshot of `root` now. Files that vanish meanwhile are
    /// simply absent: the next look sees the folder as it settled.
    pub fn take(root: &Path) -> Snapshot {
        let mut files = BTreeMap::new();
        let config = root.join(CONFIG_FILE);
        if let Ok(meta) = std::fs::metadata(&config)
            && meta.is_file()
        {
            let state = FileState {
                size: meta.len(),
                modified: meta.modified().ok(),
            };
            files.insert(config, state);
        }
        for dir in DOSSIERS {
            let dir = root.join(dir);
            // A watched folder that is itself a link is not followed either.
            if !std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
                continue;
            }
            for entry in walkdir::WalkDir::new(&dir)
                .follow_links(false)
                .max_depth(MAX_DEPTH)
                .into_iter()
                .filter_map(Result::ok)
            {
                if let Some(s) = state(&entry) {
                    files.insert(entry.into_path(), s);
                }
            }
        }
        Snapshot(files)
    }

    /// Files added, removed or changed since `before`, relative to `root`.
    pub fn changes(&self, before: &Snapshot, root: &Path) -> Vec<String> {
        let mut out = Vec::new();
        for (path, s) in &self.0 {
            if before.0.get(path) != Some(s) {
                out.push(crate::folder::relative_name(root, path));
            }
        }
        for path in before.0.keys() {
            if !self.0.contains_key(path) {
                out.push(crate::folder::relative_name(root, path));
            }
        }
        out.sort();
        out
    }

    /// How many files the snapshot holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the snapshot holds no file.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_seen_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join(CONFIG_FILE), "organisation:\n  nom: x\n").unwrap();
        std::fs::create_dir_all(root.join("reunions/2022")).unwrap();
        std::fs::write(root.join("reunions/2022/a.yaml"), "titre: a\n").unwrap();
        std::fs::create_dir_all(root.join("public")).unwrap();
        let before = Snapshot::take(root);
        // The output folder is not watched: publishing does not wake us up.
        std::fs::write(root.join("public/index.html"), "x").unwrap();
        assert_eq!(Snapshot::take(root), before);
        std::fs::write(root.join("reunions/2022/a.yaml"), "titre: ab\n").unwrap();
        std::fs::write(root.join("reunions/2022/b.yaml"), "titre: b\n").unwrap();
        let now = Snapshot::take(root);
        assert_eq!(
            now.changes(&before, root),
            ["reunions/2022/a.yaml", "reunions/2022/b.yaml"]
        );
        std::fs::remove_file(root.join("reunions/2022/b.yaml")).unwrap();
        assert_eq!(
            Snapshot::take(root).changes(&now, root),
            ["reunions/2022/b.yaml"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_folder_is_not_walked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(outside.path().join("deep")).unwrap();
        std::fs::write(outside.path().join("deep/x.yaml"), "x").unwrap();
        std::fs::write(outside.path().join("y.yaml"), "y").unwrap();
        std::fs::create_dir_all(root.join("reunions")).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("reunions/usr")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("y.yaml"), root.join("reunions/y.yaml"))
            .unwrap();
        let snapshot = Snapshot::take(root);
        // The link to a file is taken; nothing behind the link to a folder.
        assert_eq!(snapshot.len(), 1, "{snapshot:?}");
        assert_eq!(folders_under(&root.join("reunions")).len(), 1);
    }
}

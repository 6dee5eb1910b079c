//! Watching a meeting folder for changes, for `reunion render --surveiller`
//! and `reunion apercu`.
//!
//! This polls: every few hundred milliseconds it takes the *fingerprint* of
//! what a publication reads (`reunion.yaml`, every file under `reunions/`,
//! `templates/` and `assets/`: path, size, modification time) and compares
//! it with the last one. A folder holds at most a few hundred small files,
//! so a poll costs a few hundred `stat` calls and nothing else. Polling was
//! chosen over file-system events (the `notify` crate) because it needs no
//! dependency with a back-end per system, behaves the same on network and
//! synced folders (where events are often missing), and does not care how
//! an editor saves (rename over the old file, delete then create, swap
//! files): the fingerprint after the save is all that counts.

use crate::config::CONFIG_FILE;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Folders whose every file a publication may read.
const DOSSIERS: [&str; 3] = [
    crate::folder::RECORDS_DIR,
    crate::render::templates::TEMPLATES_DIR,
    "assets",
];

/// Time between two looks at the folder.
pub const INTERVALLE: Duration = Duration::from_millis(300);

/// What is known of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Etat {
    taille: u64,
    modifie: Option<SystemTime>,
}

/// The state of every watched file of a folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Empreinte(BTreeMap<PathBuf, Etat>);

fn etat(path: &Path) -> Option<Etat> {
    let meta = std::fs::metadata(path).ok()?;
    meta.is_file().then(|| Etat {
        taille: meta.len(),
        modifie: meta.modified().ok(),
    })
}

impl Empreinte {
    /// Takes the fingerprint of `root` now. Files that vanish meanwhile are
    /// simply absent: the next look sees the folder as it settled.
    pub fn prendre(root: &Path) -> Empreinte {
        let mut files = BTreeMap::new();
        let config = root.join(CONFIG_FILE);
        if let Some(e) = etat(&config) {
            files.insert(config, e);
        }
        for dir in DOSSIERS {
            let dir = root.join(dir);
            if !dir.is_dir() {
                continue;
            }
            // The same depth limit as the reading of records.
            for entry in walkdir::WalkDir::new(&dir)
                .follow_links(true)
                .max_depth(16)
                .into_iter()
                .filter_map(Result::ok)
            {
                if let Some(e) = etat(entry.path()) {
                    files.insert(entry.path().to_path_buf(), e);
                }
            }
        }
        Empreinte(files)
    }

    /// Files added, removed or changed since `before`, relative to `root`.
    pub fn changements(&self, before: &Empreinte, root: &Path) -> Vec<String> {
        let mut out = Vec::new();
        for (path, e) in &self.0 {
            if before.0.get(path) != Some(e) {
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
}

/// Waits until the fingerprint of `root` differs from `last`, then until it
/// holds still for one interval (an editor's save may take several
/// writes); returns the new fingerprint and the files that changed.
pub fn attendre(root: &Path, last: &Empreinte) -> (Empreinte, Vec<String>) {
    loop {
        std::thread::sleep(INTERVALLE);
        let mut now = Empreinte::prendre(root);
        if now == *last {
            continue;
        }
        loop {
            std::thread::sleep(INTERVALLE / 2);
            let again = Empreinte::prendre(root);
            if again == now {
                break;
            }
            now = again;
        }
        let changed = now.changements(last, root);
        return (now, changed);
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
        let before = Empreinte::prendre(root);
        // The output folder is not watched: publishing does not wake us up.
        std::fs::write(root.join("public/index.html"), "x").unwrap();
        assert_eq!(Empreinte::prendre(root), before);
        std::fs::write(root.join("reunions/2022/a.yaml"), "titre: ab\n").unwrap();
        std::fs::write(root.join("reunions/2022/b.yaml"), "titre: b\n").unwrap();
        let (now, changed) = attendre(root, &before);
        assert_eq!(changed, ["reunions/2022/a.yaml", "reunions/2022/b.yaml"]);
        std::fs::remove_file(root.join("reunions/2022/b.yaml")).unwrap();
        assert_eq!(
            Empreinte::prendre(root).changements(&now, root),
            ["reunions/2022/b.yaml"]
        );
    }
}

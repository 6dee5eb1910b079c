//! Writing the published files: into a folder that is safe to write to,
//! each file atomically, and with a manifest so that the next publication
//! removes exactly the files this one wrote and the next one no longer
//! produces, and nothing else.

use super::Page;
use crate::fsutil::write_atomic;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::io;
use std::path::{Component, Path, PathBuf};

/// The manifest, in the output folder: one written path per line.
pub const MANIFEST: &str = ".reunion-manifeste";

const MANIFEST_HEADER: &str = "# Fichiers écrits par `reunion render` ; ce fichier lui permet de retirer ceux qu'il ne produit plus.\n";

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

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |error| OutputError::Io {
        path: path.to_path_buf(),
        error,
    }
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

/// Checks the output folder and returns its resolved path. Refused: the
/// meeting folder itself, its `reunions/`, `templates/` and `assets/`, the
/// root of the file system and the home folder; anything else is fine.
pub fn check_output(root: &Path, out: &Path) -> Result<PathBuf, OutputError> {
    let resolved = resolve(out).map_err(io_at(out))?;
    let root = resolve(root).map_err(io_at(root))?;
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
        && resolve(Path::new(&home)).is_ok_and(|h| h == resolved)
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
        if resolve(&root.join(dir)).is_ok_and(|d| d == resolved) {
            return refuse(what);
        }
    }
    if resolved.exists() && !resolved.is_dir() {
        return refuse("c'est un fichier, pas un dossier");
    }
    Ok(resolved)
}

/// What a publication did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Files written (new or changed).
    pub written: usize,
    /// Files already identical, left untouched.
    pub unchanged: usize,
    /// Files of the previous publication removed, relative to the output.
    pub removed: Vec<String>,
    /// Temporary files of an interrupted publication, removed.
    pub leftovers: usize,
}

/// Removes the temporary files a killed publication left in the folders
/// this one writes to. Only names [`crate::fsutil::is_leftover`] recognises,
/// only regular files: nothing of anyone else's.
fn remove_leftovers(out: &Path, pages: &[Page]) -> Result<usize, OutputError> {
    let mut dirs: BTreeSet<PathBuf> = BTreeSet::from([out.to_path_buf()]);
    for page in pages {
        if let Some(dir) = out.join(&page.chemin).parent() {
            dirs.insert(dir.to_path_buf());
        }
    }
    let mut removed = 0;
    for dir in dirs {
        if !stays_inside(out, &dir.join("x")) {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let leftover = entry
                .file_name()
                .to_str()
                .is_some_and(crate::fsutil::is_leftover)
                && entry.file_type().is_ok_and(|t| t.is_file());
            if leftover {
                let path = entry.path();
                std::fs::remove_file(&path).map_err(io_at(&path))?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

/// Whether a path read from the manifest is one we could have written: a
/// relative path of plain names. A manifest edited by hand cannot make us
/// remove anything outside the output folder.
fn is_plain_relative(path: &str) -> bool {
    !path.is_empty()
        && path != MANIFEST
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        && !path.contains('\\')
}

/// Whether `path` (inside `out`) really lies inside `out`, once every
/// symbolic link on the way is followed: its nearest existing folder
/// resolves inside `out` (the folders still missing will be created there).
fn stays_inside(out: &Path, path: &Path) -> bool {
    let mut dir = path.parent();
    while let Some(d) = dir {
        if std::fs::symlink_metadata(d).is_ok() {
            return d.canonicalize().is_ok_and(|real| real.starts_with(out));
        }
        dir = d.parent();
    }
    false
}

/// One line of the manifest: a file written by the previous publication,
/// with the digest and length of what was written when they are known.
struct Entry {
    path: String,
    written: Option<(String, u64)>,
}

fn read_manifest(out: &Path) -> Vec<Entry> {
    std::fs::read_to_string(out.join(MANIFEST))
        .map(|text| {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .filter_map(|l| {
                    let mut parts = l.split('\t');
                    let path = parts.next()?;
                    let written = match (parts.next(), parts.next().and_then(|n| n.parse().ok())) {
                        (Some(digest), Some(len)) => Some((digest.to_string(), len)),
                        _ => None,
                    };
                    is_plain_relative(path).then(|| Entry {
                        path: path.to_string(),
                        written,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Digest of a page's bytes, as kept in the manifest.
fn digest(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// Writes `pages` into `out` (a path from [`check_output`]), removes the
/// files of the previous publication that are no longer produced, then
/// records the new manifest.
pub fn write(out: &Path, pages: &[Page]) -> Result<Report, OutputError> {
    std::fs::create_dir_all(out).map_err(io_at(out))?;
    let out = out.canonicalize().map_err(io_at(out))?;
    let mut report = Report {
        leftovers: remove_leftovers(&out, pages)?,
        ..Report::default()
    };
    let produced: BTreeSet<&str> = pages.iter().map(|p| p.chemin.as_str()).collect();
    // Every destination is checked before the first write, so that a link
    // leading outside refuses the whole publication, not its second half.
    for page in pages {
        let path = out.join(&page.chemin);
        if !is_plain_relative(&page.chemin) || !stays_inside(&out, &path) {
            return Err(OutputError::Refused {
                path,
                reason: "un lien symbolique mène hors du dossier de sortie".into(),
            });
        }
    }
    let previous = read_manifest(&out);
    let known: HashMap<&str, &(String, u64)> = previous
        .iter()
        .filter_map(|e| e.written.as_ref().map(|w| (e.path.as_str(), w)))
        .collect();
    let dirs: BTreeSet<&Path> = pages
        .iter()
        .filter_map(|p| Path::new(&p.chemin).parent())
        .collect();
    for dir in dirs {
        let dir = out.join(dir);
        std::fs::create_dir_all(&dir).map_err(io_at(&dir))?;
    }
    // Pages are compared and written in parallel: on a large site, creating
    // files is most of the time, and the kernel does it on both cores.
    let outcomes: Vec<Result<(bool, String), OutputError>> = pages
        .par_iter()
        .map(|page| {
            let path = out.join(&page.chemin);
            let new_digest = digest(&page.contenu);
            let on_disk = std::fs::symlink_metadata(&path)
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len());
            // An identical file is left as it is: its date does not change,
            // so synchronisation tools see nothing to copy. The manifest's
            // digest says so without reading the file; without one, the
            // file is read and compared.
            let same = match (on_disk, known.get(page.chemin.as_str())) {
                (Some(len), Some((old_digest, old_len))) => {
                    *old_len == len && len == page.contenu.len() as u64 && *old_digest == new_digest
                }
                (Some(len), None) => {
                    len == page.contenu.len() as u64
                        && std::fs::read(&path).is_ok_and(|old| old == page.contenu)
                }
                (None, _) => false,
            };
            if !same {
                write_atomic(&path, &page.contenu).map_err(io_at(&path))?;
            }
            Ok((!same, new_digest))
        })
        .collect();
    let mut digests: HashMap<&str, (String, u64)> = HashMap::new();
    for (page, outcome) in pages.iter().zip(outcomes) {
        let (written, d) = outcome?;
        if written {
            report.written += 1;
        } else {
            report.unchanged += 1;
        }
        digests.insert(&page.chemin, (d, page.contenu.len() as u64));
    }
    for old in previous.iter().map(|e| &e.path) {
        if produced.contains(old.as_str()) {
            continue;
        }
        let path = out.join(old);
        if !stays_inside(&out, &path) {
            continue;
        }
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if !meta.is_dir() => {
                std::fs::remove_file(&path).map_err(io_at(&path))?;
                report.removed.push(old.clone());
                // Folders we emptied go too; a folder holding anything else
                // stays (remove_dir refuses a non-empty folder).
                let mut dir = path.parent();
                while let Some(d) = dir {
                    if d == out || std::fs::remove_dir(d).is_err() {
                        break;
                    }
                    dir = d.parent();
                }
            }
            _ => {}
        }
    }
    let mut manifest = String::from(MANIFEST_HEADER);
    for path in &produced {
        manifest.push_str(path);
        if let Some((d, len)) = digests.get(path) {
            manifest.push_str(&format!("\t{d}\t{len}"));
        }
        manifest.push('\n');
    }
    let manifest_path = out.join(MANIFEST);
    write_atomic(&manifest_path, manifest.as_bytes()).map_err(io_at(&manifest_path))?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(chemin: &str, contenu: &str) -> Page {
        Page {
            chemin: chemin.to_string(),
            contenu: contenu.as_bytes().to_vec(),
        }
    }

    #[test]
    fn removes_only_what_it_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(
            &out,
            &[page("index.html", "a"), page("territoires/x.html", "b")],
        )
        .unwrap();
        std::fs::write(out.join("territoires/mien.txt"), "à moi").unwrap();
        std::fs::write(out.join("CNAME"), "irev.fr").unwrap();
        let report = write(&out, &[page("index.html", "a2")]).unwrap();
        assert_eq!(report.removed, vec!["territoires/x.html".to_string()]);
        assert_eq!(report.written, 1);
        assert!(out.join("territoires/mien.txt").exists());
        assert!(out.join("CNAME").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "a2"
        );
        // An emptied folder goes.
        write(&out, &[page("reunions/a.html", "a")]).unwrap();
        write(&out, &[page("index.html", "a2")]).unwrap();
        assert!(!out.join("reunions").exists());
    }

    #[test]
    fn a_forged_manifest_cannot_reach_outside() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir(&out).unwrap();
        let victim = dir.path().join("precieux.txt");
        std::fs::write(&victim, "x").unwrap();
        std::fs::write(
            out.join(MANIFEST),
            format!("../precieux.txt\n{}\n/etc/passwd\n", victim.display()),
        )
        .unwrap();
        let report = write(&out, &[page("index.html", "a")]).unwrap();
        assert!(report.removed.is_empty());
        assert!(victim.exists());
    }

    #[test]
    fn leftovers_of_a_killed_publication_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("reunions")).unwrap();
        std::fs::write(out.join(".reunion-a1B2c3.tmp"), "moitié").unwrap();
        std::fs::write(out.join("reunions/.reunion-zzzzzz.tmp"), "moitié").unwrap();
        std::fs::write(out.join(".reunion-notes.txt"), "à garder").unwrap();
        let report = write(
            &out,
            &[page("index.html", "a"), page("reunions/a.html", "b")],
        )
        .unwrap();
        assert_eq!(report.leftovers, 2);
        assert!(!out.join(".reunion-a1B2c3.tmp").exists());
        assert!(!out.join("reunions/.reunion-zzzzzz.tmp").exists());
        assert!(out.join(".reunion-notes.txt").exists());
    }

    #[test]
    fn the_manifest_keeps_digests_and_a_changed_file_is_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(&out, &[page("index.html", "abc")]).unwrap();
        let manifest = std::fs::read_to_string(out.join(MANIFEST)).unwrap();
        assert!(
            manifest.contains(&format!("index.html\t{}\t3\n", digest(b"abc"))),
            "{manifest}"
        );
        // Edited by hand: the length differs from the manifest's, so the
        // page is written again.
        std::fs::write(out.join("index.html"), "abcd").unwrap();
        let report = write(&out, &[page("index.html", "abc")]).unwrap();
        assert_eq!((report.written, report.unchanged), (1, 0));
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "abc"
        );
        // A manifest of an earlier version, without digests: files compared.
        std::fs::write(out.join(MANIFEST), "index.html\n").unwrap();
        let report = write(&out, &[page("index.html", "abc")]).unwrap();
        assert_eq!((report.written, report.unchanged), (0, 1));
    }

    #[test]
    fn identical_files_are_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(&out, &[page("index.html", "a")]).unwrap();
        let report = write(&out, &[page("index.html", "a")]).unwrap();
        assert_eq!((report.written, report.unchanged), (0, 1));
    }

    #[test]
    fn refused_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("irev");
        std::fs::create_dir_all(root.join("reunions")).unwrap();
        let refused = |p: &Path| matches!(check_output(&root, p), Err(OutputError::Refused { .. }));
        assert!(refused(&root));
        assert!(refused(&root.join(".")));
        assert!(refused(&root.join("reunions")));
        assert!(refused(&root.join("reunions/../reunions/")));
        assert!(refused(&root.join("templates")));
        assert!(refused(&root.join("assets")));
        assert!(refused(Path::new("/")));
        assert!(refused(&root.join("public/../../irev")));
        assert!(!refused(&root.join("public")));
        assert!(!refused(&dir.path().join("www/reunions")));
        std::fs::write(root.join("fichier"), "").unwrap();
        assert!(refused(&root.join("fichier")));
    }

    #[test]
    fn manifest_paths() {
        assert!(is_plain_relative("reunions/a.html"));
        assert!(!is_plain_relative("../a"));
        assert!(!is_plain_relative("/a"));
        assert!(!is_plain_relative("a\\..\\b"));
        assert!(!is_plain_relative(MANIFEST));
    }
}

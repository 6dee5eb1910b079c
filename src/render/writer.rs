//! Writing the published files: into a folder that is safe to write to,
//! each file atomically, and with a manifest so that the next publication
//! removes exactly the files this one wrote and the next one no longer
//! produces, and nothing else.

pub use super::destination::{LOCK, OutputError, check_output};
use super::destination::{Lock, io_at, lock};
use crate::fsutil::write_atomic;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

/// The manifest, in the output folder: one written path per line.
pub const MANIFEST: &str = ".reunion-manifeste";

const MANIFEST_HEADER: &str = "# Fichiers écrits par `reunion render` ; ce fichier lui permet de retirer ceux qu'il ne produit plus.\n# Par ligne : chemin, empreinte et longueur du contenu écrit, empreinte de ce dont la page est faite.\n";

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
    /// Files the publication is made of.
    pub fichiers: usize,
    /// Unchanged files that were not even rendered: their inputs were the
    /// same as when they were written.
    pub reused: usize,
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

/// Removes the temporary files a killed publication left in `dir`. Only
/// names [`crate::fsutil::is_leftover`] recognises, only regular files:
/// nothing of anyone else's.
fn remove_leftovers(dir: &Path) -> Result<usize, OutputError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(0);
    };
    let mut removed = 0;
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
    Ok(removed)
}

/// One line of the manifest: a file written by a publication, with the
/// digest and length of what was written, and the digest of the inputs it
/// was made from, when they are known.
#[derive(Debug, Clone)]
struct Entry {
    digest: Option<(String, u64)>,
    inputs: Option<String>,
}

/// Whether the file at `path` still holds the bytes of digest `digest` and
/// length `len`, as the previous publication wrote them. Its manifest is
/// written last, after every page: a page of the same length modified no
/// earlier than the manifest is taken as written (as git trusts its index),
/// a page modified since (edited by hand, even to the same length) is read
/// and its digest compared.
fn holds(path: &Path, digest: &str, len: u64, published: Option<SystemTime>) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.len() != len {
        return false;
    }
    // Strictly before: file dates move in ticks of a few milliseconds, and
    // an edit in the tick of the manifest must not pass for the page.
    let modified = meta.modified().ok();
    if published.is_some() && modified.is_some() && modified < published {
        return true;
    }
    std::fs::read(path).is_ok_and(|bytes| self::digest(&bytes) == digest)
}

fn read_manifest(out: &Path) -> BTreeMap<String, Entry> {
    let Ok(text) = std::fs::read_to_string(out.join(MANIFEST)) else {
        return BTreeMap::new();
    };
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.split('\t');
            let path = parts.next()?;
            let digest = match (parts.next(), parts.next().and_then(|n| n.parse().ok())) {
                (Some(digest), Some(len)) => Some((digest.to_string(), len)),
                _ => None,
            };
            let inputs = parts.next().filter(|k| !k.is_empty()).map(str::to_string);
            is_plain_relative(path).then(|| (path.to_string(), Entry { digest, inputs }))
        })
        .collect()
}

/// Digest of a page's bytes, as kept in the manifest.
fn digest(bytes: &[u8]) -> String {
    crate::incremental::digest::hex_of(bytes)
}

/// A page of this publication, as the manifest will record it; `staged`
/// holds its new bytes until [`Writer::commit`] puts them in place.
struct Produced {
    chemin: String,
    entry: Entry,
    staged: Option<tempfile::TempPath>,
    /// Kept from the previous publication without being rendered.
    reused: bool,
}

/// Writes a publication into an output folder.
///
/// Pages are handed over one by one as they are rendered, so that a site of
/// tens of thousands of pages is never held in memory. Each new or changed
/// page goes to a temporary file beside its target; only [`Writer::commit`],
/// once every page has rendered, renames them into place, removes the files
/// of the previous publication that are no longer produced and records the
/// manifest. A writer dropped without commit (a template failed half-way)
/// removes its temporary files and the folders it created: the output stays
/// as it was.
pub struct Writer {
    out: PathBuf,
    previous: BTreeMap<String, Entry>,
    /// Folders pages may go to (relative, `""` for the output itself), all
    /// checked to lie inside the output before anything is written.
    dirs: BTreeSet<String>,
    /// Folders this publication created, outermost first.
    created: Vec<PathBuf>,
    produced: Mutex<Vec<Produced>>,
    leftovers: usize,
    /// Held from [`Writer::open`] until the writer is dropped.
    lock: Option<Lock>,
    /// When the previous publication ended (its manifest's date).
    published: Option<SystemTime>,
}

impl Writer {
    /// Opens `out` (a path from [`check_output`]) for pages that go to `out`
    /// itself or to one of `dirs` (relative, `/`-separated): every folder is
    /// checked and created, and the temporary files of an interrupted
    /// publication removed.
    pub fn open(out: &Path, dirs: &[&str]) -> Result<Writer, OutputError> {
        let mut created = Vec::new();
        create_dirs(out, &mut created)?;
        let out = out.canonicalize().map_err(io_at(out))?;
        // Taken before the manifest is read: the previous publication's
        // manifest is then complete.
        let lock = lock(&out)?;
        let published = std::fs::symlink_metadata(out.join(MANIFEST))
            .and_then(|m| m.modified())
            .ok();
        let mut writer = Writer {
            lock,
            published,
            previous: read_manifest(&out),
            dirs: BTreeSet::from([String::new()]),
            created,
            produced: Mutex::new(Vec::new()),
            leftovers: 0,
            out,
        };
        for dir in dirs {
            if !is_plain_relative(dir) {
                return Err(OutputError::Refused {
                    path: writer.out.join(dir),
                    reason: "chemin de page invalide".into(),
                });
            }
            writer.dirs.insert((*dir).to_string());
        }
        // Every folder is checked before the first write, so that a link
        // leading outside refuses the whole publication, not its second half.
        for dir in &writer.dirs {
            let path = writer.out.join(dir);
            if !stays_inside(&writer.out, &path.join("x")) {
                return Err(OutputError::Refused {
                    path,
                    reason: "un lien symbolique mène hors du dossier de sortie".into(),
                });
            }
        }
        let dirs: Vec<PathBuf> = writer.dirs.iter().map(|d| writer.out.join(d)).collect();
        for dir in dirs {
            create_dirs(&dir, &mut writer.created)?;
            writer.leftovers += remove_leftovers(&dir)?;
        }
        Ok(writer)
    }

    /// Whether the pages at `chemins` are all on disk as the previous
    /// publication wrote them from the same `inputs`: then they are kept as
    /// they are, part of this publication, and need not be rendered again.
    pub fn reuse(&self, chemins: &[&str], inputs: &str) -> bool {
        // The file must still be the one written: a page removed or
        // edited by hand since is rendered again.
        let current = chemins.iter().all(|chemin| {
            self.previous.get(*chemin).is_some_and(|previous| {
                previous.inputs.as_deref() == Some(inputs)
                    && previous.digest.as_ref().is_some_and(|(digest, len)| {
                        holds(&self.out.join(chemin), digest, *len, self.published)
                    })
            })
        });
        if current {
            for chemin in chemins {
                self.record(Produced {
                    chemin: (*chemin).to_string(),
                    entry: self.previous[*chemin].clone(),
                    staged: None,
                    reused: true,
                });
            }
        }
        current
    }

    /// Hands over the page at `chemin`, made from `inputs` when they are
    /// known. Identical bytes leave the file untouched (its date does not
    /// change, so synchronisation tools see nothing to copy); other bytes
    /// are staged beside it.
    pub fn put(
        &self,
        chemin: &str,
        contenu: &[u8],
        inputs: Option<&str>,
    ) -> Result<(), OutputError> {
        let path = self.out.join(chemin);
        let dir = chemin.rsplit_once('/').map_or("", |(dir, _)| dir);
        if !is_plain_relative(chemin) || !self.dirs.contains(dir) {
            return Err(OutputError::Refused {
                path,
                reason: "page hors des dossiers prévus".into(),
            });
        }
        let new_digest = digest(contenu);
        let len = contenu.len() as u64;
        // The manifest's digest says whether the bytes changed, without
        // reading the file while its date is the one recorded; without a
        // digest, the file is read and compared.
        let same = match self.previous.get(chemin).and_then(|e| e.digest.as_ref()) {
            Some((old_digest, old_len)) => {
                *old_len == len
                    && *old_digest == new_digest
                    && holds(&path, old_digest, len, self.published)
            }
            None => {
                std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file() && m.len() == len)
                    && std::fs::read(&path).is_ok_and(|old| old == contenu)
            }
        };
        let staged = if same {
            None
        } else {
            Some(crate::fsutil::stage(&path, contenu).map_err(io_at(&path))?)
        };
        self.record(Produced {
            chemin: chemin.to_string(),
            entry: Entry {
                digest: Some((new_digest, len)),
                inputs: inputs.map(str::to_string),
            },
            staged,
            reused: false,
        });
        Ok(())
    }

    fn record(&self, page: Produced) {
        self.produced
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(page);
    }

    /// Puts every staged page in place, removes the files of the previous
    /// publication that are no longer produced, then records the manifest.
    pub fn commit(mut self) -> Result<Report, OutputError> {
        let mut produced = std::mem::take(
            self.produced
                .get_mut()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        produced.sort_by(|a, b| a.chemin.cmp(&b.chemin));
        if let Some(twice) = produced.windows(2).find(|w| w[0].chemin == w[1].chemin) {
            return Err(OutputError::Refused {
                path: self.out.join(&twice[0].chemin),
                reason: "deux pages à la même place".into(),
            });
        }
        let mut report = Report {
            leftovers: self.leftovers,
            fichiers: produced.len(),
            reused: produced.iter().filter(|p| p.reused).count(),
            ..Report::default()
        };
        // Renames are independent: done on both cores, as creating the
        // files was.
        let out = &self.out;
        let renamed: Vec<Result<bool, OutputError>> = produced
            .par_iter_mut()
            .map(|page| match page.staged.take() {
                None => Ok(false),
                Some(temp) => {
                    let path = out.join(&page.chemin);
                    temp.persist(&path).map_err(|e| OutputError::Io {
                        path,
                        error: e.error,
                    })?;
                    Ok(true)
                }
            })
            .collect();
        for written in renamed {
            if written? {
                report.written += 1;
            } else {
                report.unchanged += 1;
            }
        }
        // From here the new pages are in place: whatever happens, this
        // writer no longer removes the folders it created, but for those
        // left empty (a site without fiches has no `fiches/`).
        let created = std::mem::take(&mut self.created);
        for old in self.previous.keys() {
            if produced
                .binary_search_by(|p| p.chemin.as_str().cmp(old))
                .is_ok()
            {
                continue;
            }
            let path = self.out.join(old);
            if !stays_inside(&self.out, &path) {
                continue;
            }
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if !meta.is_dir() => {
                    std::fs::remove_file(&path).map_err(io_at(&path))?;
                    report.removed.push(old.clone());
                    // Folders we emptied go too; a folder holding anything
                    // else stays (remove_dir refuses a non-empty folder).
                    let mut dir = path.parent();
                    while let Some(d) = dir {
                        if d == self.out || std::fs::remove_dir(d).is_err() {
                            break;
                        }
                        dir = d.parent();
                    }
                }
                _ => {}
            }
        }
        let mut manifest = String::from(MANIFEST_HEADER);
        for page in &produced {
            manifest.push_str(&page.chemin);
            if let Some((d, len)) = &page.entry.digest {
                manifest.push_str(&format!("\t{d}\t{len}"));
                if let Some(inputs) = &page.entry.inputs {
                    manifest.push('\t');
                    manifest.push_str(inputs);
                }
            }
            manifest.push('\n');
        }
        let manifest_path = self.out.join(MANIFEST);
        write_atomic(&manifest_path, manifest.as_bytes()).map_err(io_at(&manifest_path))?;
        for dir in created.iter().rev().filter(|d| **d != self.out) {
            let _ = std::fs::remove_dir(dir);
        }
        Ok(report)
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        drop(self.lock.take());
        // Not committed: the staged pages go, then the folders this
        // publication created, innermost first, if nothing else is in them.
        self.produced
            .get_mut()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clear();
        for dir in self.created.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// Creates `dir` and its missing parents, noting each folder created.
fn create_dirs(dir: &Path, created: &mut Vec<PathBuf>) -> Result<(), OutputError> {
    let mut missing = Vec::new();
    let mut d = Some(dir);
    while let Some(p) = d {
        if std::fs::symlink_metadata(p).is_ok() {
            break;
        }
        missing.push(p.to_path_buf());
        d = p.parent();
    }
    std::fs::create_dir_all(dir).map_err(io_at(dir))?;
    created.extend(missing.into_iter().rev());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Page;

    /// Writes `pages` into `out` in one publication, as `render` does
    /// page by page.
    fn write(out: &Path, pages: &[Page]) -> Result<Report, OutputError> {
        let dirs: BTreeSet<&str> = pages
            .iter()
            .filter_map(|p| p.chemin.rsplit_once('/').map(|(dir, _)| dir))
            .collect();
        let writer = Writer::open(out, &dirs.into_iter().collect::<Vec<_>>())?;
        for page in pages {
            writer.put(&page.chemin, &page.contenu, None)?;
        }
        writer.commit()
    }

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
        // Edited by hand to the same length: its date changed, its digest
        // is compared, and the page is written again.
        std::fs::write(out.join("index.html"), "xyz").unwrap();
        let report = write(&out, &[page("index.html", "abc")]).unwrap();
        assert_eq!((report.written, report.unchanged), (1, 0));
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "abc"
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

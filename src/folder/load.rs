//! Loading a whole folder: `reunion.yaml`, then every record under
//! `reunions/` read in parallel and merged in a stable order, then the
//! checks across records.

use super::files::{io_reason, read_problem, read_text};
use super::layout::{RECORDS_DIR, is_record_name, relative_name};
use super::validate::cross_check;
use super::{Folder, FolderError};
use crate::diagnostic::{self, Diagnostic, Pos};
use crate::model::Reunion;
use crate::read::config::{CONFIG_FILE, Config, parse_config};
use crate::read::record::parse_record;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Reads and checks the configuration alone.
pub fn load_config(root: &Path) -> Result<(Config, Vec<Diagnostic>, String), FolderError> {
    let path = root.join(CONFIG_FILE);
    let source = read_text(root, &path, CONFIG_FILE).map_err(|d| match d.pos {
        Pos {
            ligne: 1,
            colonne: 1,
            ..
        } if !d.message.contains("UTF-8") => FolderError::ConfigUnreadable {
            path: path.clone(),
            reason: d.message.clone(),
        },
        _ => FolderError::ConfigInvalid {
            diagnostics: vec![d],
            source: String::new(),
        },
    })?;
    let (config, diagnostics) = parse_config(&source, Some(root));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(FolderError::ConfigInvalid {
            diagnostics,
            source,
        });
    }
    Ok((config, diagnostics, source))
}

/// Loads a whole folder: configuration, then every record under `reunions/`
/// in a stable order, then the checks across records.
pub fn load(root: &Path) -> Result<Folder, FolderError> {
    load_with(root, LoadOptions::default())
}

/// Records read by an earlier run, found again by file name and by the
/// digest of their text: a record whose file did not change need not be
/// parsed again. The record cache of `render` is one.
pub trait KnownRecords: Sync {
    /// Whether they were read with this configuration (its text) by this
    /// program: otherwise none of them is taken.
    fn holds_for(&self, config_source: &str) -> bool;
    /// The record read from `fichier` when its text had this digest.
    fn get(&self, fichier: &str, digest: &[u8; 32]) -> Option<Reunion>;
}

/// What [`load_with`] does beyond reading and checking every record.
#[derive(Clone, Copy)]
pub struct LoadOptions<'c> {
    /// Records already read, taken from there when their file did not
    /// change (implies `digests`).
    pub cache: Option<&'c dyn KnownRecords>,
    /// Digest each valid record into [`Folder::digests`] (for `render`;
    /// it costs a twentieth of a `check`, which does not need them).
    pub digests: bool,
    /// Run the checks across records that can only warn (follow-up
    /// deadlines and `qui`): the commands that show no warnings skip them.
    pub warnings_across: bool,
}

impl Default for LoadOptions<'_> {
    fn default() -> Self {
        LoadOptions {
            cache: None,
            digests: false,
            warnings_across: true,
        }
    }
}

/// [`load`], doing what `options` ask.
pub fn load_with(root: &Path, options: LoadOptions<'_>) -> Result<Folder, FolderError> {
    let (config, mut diagnostics, config_source) = load_config(root)?;
    let cache = options.cache.filter(|c| c.holds_for(&config_source));
    let with_digests = options.digests || cache.is_some();
    let mut sources = BTreeMap::new();
    sources.insert(CONFIG_FILE.to_string(), config_source);
    let mut reunions = Vec::new();
    // Records with errors still take part in the checks across records.
    let mut partial = Vec::new();
    let mut fichiers = 0;
    let mut digests = HashMap::new();
    let mut without_diagnostic = HashSet::new();
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let records_dir = root.join(RECORDS_DIR);
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // `reunions/` itself may be a link: the walk follows it, so it is
    // checked here, as each linked record is below.
    let records_outside =
        records_dir.is_dir() && !crate::fsutil::resolves_inside(&canonical_root, &records_dir);
    if records_outside {
        let target = records_dir
            .canonicalize()
            .unwrap_or_else(|_| records_dir.clone());
        diagnostics.push(read_problem(
            RECORDS_DIR,
            format!(
                "{RECORDS_DIR}/ est un lien symbolique vers {}, hors du dossier de réunions : refusé",
                target.display()
            ),
            Some("déplacez les comptes rendus dans le dossier plutôt que d'y faire un lien".into()),
        ));
    }
    if records_dir.is_dir() && !records_outside {
        let walker = walkdir::WalkDir::new(&records_dir)
            .follow_links(false)
            .sort_by_file_name()
            .max_depth(16);
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let fichier = err
                        .path()
                        .map_or_else(|| RECORDS_DIR.to_string(), |p| relative_name(root, p));
                    let reason = err.io_error().map_or_else(|| err.to_string(), io_reason);
                    diagnostics.push(read_problem(
                        &fichier,
                        format!("lecture impossible : {reason}"),
                        None,
                    ));
                    continue;
                }
            };
            let path = entry.path();
            if !is_record_name(path) {
                continue;
            }
            let fichier = relative_name(root, path);
            if entry.file_type().is_dir() {
                fichiers += 1;
                diagnostics.push(read_problem(
                    &fichier,
                    "c'est un dossier, pas un fichier de réunion".into(),
                    Some("renommez le dossier sans l'extension .yaml".into()),
                ));
                continue;
            }
            fichiers += 1;
            if entry.path_is_symlink() {
                match path.canonicalize() {
                    Ok(target) if target.starts_with(&canonical_root) => {}
                    Ok(target) => {
                        diagnostics.push(read_problem(
                            &fichier,
                            format!(
                                "lien symbolique vers {}, hors du dossier de réunions : refusé",
                                target.display()
                            ),
                            Some(
                                "copiez le fichier dans le dossier plutôt que d'y faire un lien"
                                    .into(),
                            ),
                        ));
                        continue;
                    }
                    Err(e) => {
                        diagnostics.push(read_problem(
                            &fichier,
                            format!("lien symbolique cassé : {}", io_reason(&e)),
                            None,
                        ));
                        continue;
                    }
                }
            }
            files.push((path.to_path_buf(), fichier));
        }
    }
    // Reading and parsing are independent per file: done in parallel, then
    // merged in the walk's (sorted) order so output stays deterministic.
    let parsed: Vec<_> = files
        .par_iter()
        .map(|(path, fichier)| {
            read_text(root, path, fichier).map(|source| {
                let digest = with_digests.then(|| *blake3::hash(source.as_bytes()).as_bytes());
                // A record kept from an earlier run, read from the same text
                // with the same configuration, need not be parsed again.
                let cached = cache
                    .zip(digest.as_ref())
                    .and_then(|(c, e)| c.get(fichier, e));
                let (reunion, found) = match cached {
                    Some(r) => (Some(r), Vec::new()),
                    None => parse_record(fichier, &source, &config),
                };
                // Only the text of files with problems is kept, to show
                // their lines: a large folder is not held twice in memory.
                let keep = (!found.is_empty()).then_some(source);
                (keep, reunion, found, digest)
            })
        })
        .collect();
    for ((_, fichier), result) in files.iter().zip(parsed) {
        match result {
            Err(d) => diagnostics.push(d),
            Ok((source, reunion, found, digest)) => {
                let valid = !found.iter().any(Diagnostic::is_error);
                diagnostics.extend(found);
                match reunion {
                    Some(r) if valid => {
                        if let Some(e) = digest {
                            digests.insert(fichier.clone(), e);
                        }
                        if source.is_none() {
                            without_diagnostic.insert(fichier.clone());
                        }
                        reunions.push(r);
                    }
                    Some(r) => partial.push(r),
                    None => {}
                }
                if let Some(source) = source {
                    sources.insert(fichier.clone(), source);
                }
            }
        }
    }
    reunions.sort_by(|a, b| (a.date, &a.fichier).cmp(&(b.date, &b.fichier)));
    let mut all: Vec<&Reunion> = reunions.iter().chain(&partial).collect();
    all.sort_by(|a, b| (a.date, &a.fichier).cmp(&(b.date, &b.fichier)));
    // The first invalid file, if any: the checks across records cannot
    // trust what they would say about the records it may be related to.
    let invalid = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.fichier.as_str())
        .min()
        .map(str::to_string);
    cross_check(
        &all,
        &config,
        options.warnings_across,
        invalid.as_deref(),
        &mut diagnostics,
    );
    if options.warnings_across {
        // Names are looked for in every record with the people of all:
        // a record is read again only where one is found.
        let text_of = |fichier: &str| {
            let kept = sources.get(fichier).cloned();
            kept.or_else(|| {
                let (path, _) = files.iter().find(|(_, f)| f == fichier)?;
                read_text(root, path, fichier).ok()
            })
        };
        super::privacy::check_names(&all, &text_of, &mut diagnostics);
    }
    drop(all);
    // Checks across records may point at files that had no problem of their
    // own: their text is read again to show the line.
    let needed: std::collections::HashSet<&str> = diagnostics
        .iter()
        .flat_map(|d| {
            std::iter::once(d.fichier.as_str())
                .chain(d.voir_aussi.as_ref().map(|r| r.fichier.as_str()))
        })
        .collect();
    let missing: Vec<&(PathBuf, String)> = files
        .iter()
        .filter(|(_, f)| needed.contains(f.as_str()) && !sources.contains_key(f))
        .collect();
    for (path, fichier) in missing {
        if let Ok(source) = read_text(root, path, fichier) {
            sources.insert(fichier.clone(), source);
        }
    }
    diagnostic::sort(&mut diagnostics);
    Ok(Folder {
        root: root.to_path_buf(),
        config,
        reunions,
        diagnostics,
        sources,
        fichiers,
        digests,
        without_diagnostic,
    })
}

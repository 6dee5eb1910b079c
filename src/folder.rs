//! The meeting folder on disk: finding it (as git finds `.git`), reading its
//! configuration and every record safely, and gathering all diagnostics.

use crate::cache::RecordCache;
use crate::config::{CONFIG_FILE, Config, parse_config};
use crate::diagnostic::{self, Diagnostic, Pos};
use crate::model::Reunion;
use crate::record::parse_record;
use crate::validate::cross_check;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Folder of the records, inside the meeting folder.
pub const RECORDS_DIR: &str = "reunions";

/// Largest record or configuration we read. A meeting is a few kilobytes; a
/// file far larger is a mistake or an attack and is refused before parsing.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Why a folder cannot be used at all.
#[derive(Debug)]
pub enum FolderError {
    /// No `reunion.yaml` in `start` or any parent.
    NotFound {
        /// Where the search started.
        start: PathBuf,
    },
    /// The folder given with `-C` has no `reunion.yaml`.
    NoConfig {
        /// The folder given.
        dir: PathBuf,
    },
    /// `reunion.yaml` could not be read.
    ConfigUnreadable {
        /// Its path.
        path: PathBuf,
        /// Why, in French.
        reason: String,
    },
    /// `reunion.yaml` has errors.
    ConfigInvalid {
        /// Every problem found.
        diagnostics: Vec<Diagnostic>,
        /// Its text, to show the lines.
        source: String,
    },
}

impl fmt::Display for FolderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FolderError::NotFound { start } => write!(
                f,
                "aucun dossier de réunions ici : pas de {CONFIG_FILE} dans {} ni dans ses dossiers parents",
                start.display()
            ),
            FolderError::NoConfig { dir } => {
                write!(
                    f,
                    "{} n'est pas un dossier de réunions : il n'a pas de {CONFIG_FILE}",
                    dir.display()
                )
            }
            FolderError::ConfigUnreadable { path, reason } => {
                write!(f, "impossible de lire {} : {reason}", path.display())
            }
            FolderError::ConfigInvalid { diagnostics, .. } => {
                let n = diagnostics.iter().filter(|d| d.is_error()).count();
                write!(
                    f,
                    "{CONFIG_FILE} contient {n} erreur{}",
                    if n > 1 { "s" } else { "" }
                )
            }
        }
    }
}

impl std::error::Error for FolderError {}

impl FolderError {
    /// A help line for the user.
    pub fn help(&self) -> Option<String> {
        match self {
            FolderError::NotFound { .. } | FolderError::NoConfig { .. } => Some(
                "lancez `reunion init` pour créer un dossier de réunions, ou indiquez-en un avec -C DOSSIER".into(),
            ),
            _ => None,
        }
    }
}

/// The nearest folder at or above `start` that holds `reunion.yaml`.
pub fn discover(start: &Path) -> Result<PathBuf, FolderError> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        if d.join(CONFIG_FILE).is_file() {
            return Ok(d.to_path_buf());
        }
        dir = d.parent();
    }
    Err(FolderError::NotFound {
        start: start.to_path_buf(),
    })
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

/// A loaded folder: the configuration, every valid meeting, and every problem.
#[derive(Debug)]
pub struct Folder {
    /// The folder's path.
    pub root: PathBuf,
    /// The configuration.
    pub config: Config,
    /// Valid meetings, by date then file.
    pub reunions: Vec<Reunion>,
    /// Every problem, by file then position.
    pub diagnostics: Vec<Diagnostic>,
    /// Text of every file read (relative name → text), to show source lines.
    pub sources: BTreeMap<String, String>,
    /// How many record files were read.
    pub fichiers: usize,
    /// Digest (BLAKE3) of the text of each valid record, by file: `render`
    /// skips the pages whose inputs have not changed since it wrote them.
    pub empreintes: HashMap<String, [u8; 32]>,
    /// The valid records read without any diagnostic of their own: those a
    /// [`crate::cache::RecordCache`] may keep.
    pub sans_diagnostic: HashSet<String>,
}

impl Folder {
    /// Whether any record is invalid.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Number of errors and of warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        (errors, self.diagnostics.len() - errors)
    }
}

/// Why one file could not be read, as a diagnostic on that file.
fn read_problem(fichier: &str, message: String, help: Option<String>) -> Diagnostic {
    Diagnostic::error(fichier, Pos::START, "", message).with_help_opt(help)
}

fn io_reason(err: &std::io::Error) -> String {
    crate::fsutil::reason(err)
}

/// Reads a text file with the limits and checks every record gets: size,
/// UTF-8 (with the place of the first bad byte), byte-order mark removed.
// The error is built at most once per unreadable file: boxing it would only
// add noise at every call site.
#[allow(clippy::result_large_err)]
pub fn read_text(path: &Path, fichier: &str) -> Result<String, Diagnostic> {
    let file = std::fs::File::open(path).map_err(|e| {
        read_problem(
            fichier,
            format!("lecture impossible : {}", io_reason(&e)),
            None,
        )
    })?;
    let meta = file.metadata().map_err(|e| {
        read_problem(
            fichier,
            format!("lecture impossible : {}", io_reason(&e)),
            None,
        )
    })?;
    if meta.is_dir() {
        return Err(read_problem(
            fichier,
            "c'est un dossier, pas un fichier de réunion".into(),
            Some("renommez le dossier sans l'extension .yaml".into()),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(read_problem(
            fichier,
            format!(
                "fichier trop gros ({} Kio ; la limite est de {} Kio) : il n'a pas été lu",
                meta.len() / 1024,
                MAX_FILE_BYTES / 1024
            ),
            Some("un compte rendu tient en quelques dizaines de Kio ; découpez le fichier ou retirez ce qui n'est pas du texte".into()),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The length is checked again while reading: the file may grow meanwhile.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            read_problem(
                fichier,
                format!("lecture impossible : {}", io_reason(&e)),
                None,
            )
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(read_problem(
            fichier,
            "fichier trop gros : il n'a pas été lu".into(),
            None,
        ));
    }
    decode(&bytes, fichier)
}

/// The text of a file's bytes: a UTF-8 byte-order mark removed, anything
/// that is not UTF-8 refused with the place of the first bad byte.
pub fn decode(bytes: &[u8], fichier: &str) -> Result<String, Diagnostic> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let good = &body[..e.valid_up_to()];
            let ligne = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let colonne = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            Err(Diagnostic::error(
                fichier,
                Pos {
                    ligne: ligne as u32,
                    colonne: colonne as u32,
                    longueur: 1,
                },
                "",
                format!("le fichier n'est pas en UTF-8 (octet invalide ligne {ligne}, colonne {colonne})"),
            )
            .with_help("enregistrez le fichier en UTF-8 (dans la plupart des éditeurs : « Enregistrer sous » puis encodage UTF-8)"))
        }
    }
}

/// Path of `path` relative to `root`, with `/` separators.
pub fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn is_record_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Reads and checks the configuration alone.
pub fn load_config(root: &Path) -> Result<(Config, Vec<Diagnostic>, String), FolderError> {
    let path = root.join(CONFIG_FILE);
    let source = read_text(&path, CONFIG_FILE).map_err(|d| match d.pos {
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

/// What [`load_with`] does beyond reading and checking every record.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions<'c> {
    /// Records already read, taken from there when their file did not
    /// change (implies `digests`).
    pub cache: Option<&'c RecordCache>,
    /// Digest each valid record into [`Folder::empreintes`] (for `render`;
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
    let mut empreintes = HashMap::new();
    let mut sans_diagnostic = HashSet::new();
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
            read_text(path, fichier).map(|source| {
                let empreinte = with_digests.then(|| *blake3::hash(source.as_bytes()).as_bytes());
                // A record kept from an earlier run, read from the same text
                // with the same configuration, need not be parsed again.
                let cached = cache
                    .zip(empreinte.as_ref())
                    .and_then(|(c, e)| c.get(&crate::cache::key(fichier, e)));
                let (reunion, found) = match cached {
                    Some(r) => (Some(r), Vec::new()),
                    None => parse_record(fichier, &source, &config),
                };
                // Only the text of files with problems is kept, to show
                // their lines: a large folder is not held twice in memory.
                let keep = (!found.is_empty()).then_some(source);
                (keep, reunion, found, empreinte)
            })
        })
        .collect();
    for ((_, fichier), result) in files.iter().zip(parsed) {
        match result {
            Err(d) => diagnostics.push(d),
            Ok((source, reunion, found, empreinte)) => {
                let valid = !found.iter().any(Diagnostic::is_error);
                diagnostics.extend(found);
                match reunion {
                    Some(r) if valid => {
                        if let Some(e) = empreinte {
                            empreintes.insert(fichier.clone(), e);
                        }
                        if source.is_none() {
                            sans_diagnostic.insert(fichier.clone());
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
    cross_check(&all, &config, options.warnings_across, &mut diagnostics);
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
        if let Ok(source) = read_text(path, fichier) {
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
        empreintes,
        sans_diagnostic,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_errors_are_placed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        std::fs::write(&p, b"titre: ok\nlieu: caf\xe9\n").unwrap();
        let d = read_text(&p, "a.yaml").unwrap_err();
        assert_eq!((d.pos.ligne, d.pos.colonne), (2, 10));
        assert!(d.message.contains("UTF-8"));
    }

    #[test]
    fn bom_is_removed_and_size_is_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        std::fs::write(&p, b"\xEF\xBB\xBFtitre: ok\r\n").unwrap();
        assert_eq!(read_text(&p, "a.yaml").unwrap(), "titre: ok\r\n");
        std::fs::write(&p, vec![b'#'; MAX_FILE_BYTES as usize + 1]).unwrap();
        assert!(
            read_text(&p, "a.yaml")
                .unwrap_err()
                .message
                .contains("trop gros")
        );
    }

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

//! The meeting folder on disk: finding it (as git finds `.git`), reading its
//! configuration and every record safely, and gathering all diagnostics.
//!
//! [`discover`] finds it, [`files`] reads one file with the limits every file
//! gets, [`layout`] names what is where, [`load`] reads the whole folder and
//! [`validate`] checks what needs more than one record, [`privacy`] the
//! people's names typed in published texts.

pub mod discover;
pub mod files;
pub mod layout;
pub mod load;
pub mod privacy;
pub mod validate;

pub use discover::{discover, open};
pub use files::{MAX_FILE_BYTES, decode, read_text};
pub use layout::{RECORDS_DIR, relative_name};
pub use load::{KnownRecords, LoadOptions, load, load_config, load_with};

use crate::diagnostic::Diagnostic;
use crate::model::Reunion;
use crate::read::config::{CONFIG_FILE, Config};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::PathBuf;

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
    pub digests: HashMap<String, [u8; 32]>,
    /// The valid records read without any diagnostic of their own: those
    /// that may be kept as [`KnownRecords`] for the next run.
    pub without_diagnostic: HashSet<String>,
}

impl Folder {
    /// The text of `reunion.yaml` as it was read.
    pub fn config_source(&self) -> Option<&str> {
        self.sources.get(CONFIG_FILE).map(String::as_str)
    }

    /// The valid records read without any diagnostic, with the digest of
    /// their text: what a later run may take as [`KnownRecords`]. Empty
    /// when the folder was loaded without digests.
    pub fn clean_records(&self) -> impl Iterator<Item = (&Reunion, &[u8; 32])> {
        self.reunions.iter().filter_map(|r| {
            if !self.without_diagnostic.contains(&r.fichier) {
                return None;
            }
            Some((r, self.digests.get(&r.fichier)?))
        })
    }

    /// Whether every valid record was digested (loaded for `render`).
    pub fn is_digested(&self) -> bool {
        self.digests.len() == self.reunions.len()
    }

    /// Whether any record is invalid.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Number of errors and of warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = self.diagnostics.iter().filter(|d| d.is_warning()).count();
        (errors, warnings)
    }
}

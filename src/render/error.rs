//! Why a publication failed: a broken template, an output that cannot be
//! written, a logo that cannot be read.

use super::templates::TemplateError;
use super::writer;
use std::fmt;
use std::path::PathBuf;

/// Why a publication failed.
#[derive(Debug)]
pub enum RenderError {
    /// A template is broken.
    Template(TemplateError),
    /// The output could not be written.
    Output(writer::OutputError),
    /// The logo is an SVG that could run or fetch something.
    UnsafeLogo {
        /// Its path in the folder.
        fichier: String,
        /// What it holds, in French.
        reason: String,
    },
    /// The logo could not be read.
    Logo {
        /// Its path.
        path: PathBuf,
        /// The system's error.
        error: std::io::Error,
    },
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Template(t) => {
                write!(f, "{} : {}", t.diagnostic.fichier, t.diagnostic.message)
            }
            RenderError::Output(o) => o.fmt(f),
            RenderError::UnsafeLogo { fichier, reason } => write!(
                f,
                "le logo {fichier} n'est pas publié : il contient {reason}, qui pourrait s'exécuter dans le site ; retirez-le du SVG ou utilisez un logo PNG"
            ),
            RenderError::Logo { path, error } => {
                write!(
                    f,
                    "lecture impossible du logo {} : {}",
                    path.display(),
                    crate::fsutil::reason(error)
                )
            }
        }
    }
}

impl std::error::Error for RenderError {}

impl From<TemplateError> for RenderError {
    fn from(e: TemplateError) -> Self {
        RenderError::Template(e)
    }
}

impl From<writer::OutputError> for RenderError {
    fn from(e: writer::OutputError) -> Self {
        RenderError::Output(e)
    }
}

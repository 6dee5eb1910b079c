//! `reunion schema [--sortie DOSSIER]`: writes the JSON Schemas of a record
//! and of `reunion.yaml` (with the folder's territories and networks) for
//! editors; and the quiet refresh that `check` does of the hidden copy.

use crate::cli::term::errln;
use crate::cli::{Error, folder_root};
use crate::read::config::Config;
use crate::schema::{self, Written};
use std::path::{Path, PathBuf};

/// Arguments of `reunion schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossier où écrire les schémas (par défaut .reunion/schemas/ du dossier de réunions, que les fiches écrites par init et new désignent déjà).
    #[arg(long, value_name = "DOSSIER")]
    sortie: Option<PathBuf>,
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    let root = folder_root(dossier)?;
    let (config, _diagnostics, _source) = crate::folder::load_config(&root)?;
    let dir = args.sortie.unwrap_or_else(|| root.join(schema::HIDDEN_DIR));
    let written = schema::write(&dir, Some(&config)).map_err(|e| {
        Error::usage(
            format!(
                "impossible d'écrire les schémas dans {} : {}",
                dir.display(),
                crate::fsutil::reason(&e)
            ),
            Some("choisissez un autre dossier avec --sortie DOSSIER".into()),
        )
    })?;
    for w in &written {
        match w {
            Written::Written(p) => errln!("écrit : {}", p.display()),
            Written::Unchanged(p) => errln!("déjà à jour : {}", p.display()),
            Written::Foreign(p) => errln!(
                "laissé tel quel : {} n'a pas été écrit par reunion (renommez-le pour qu'il soit régénéré)",
                p.display()
            ),
        }
    }
    Ok(())
}

/// Refreshes `.reunion/schemas/` when the folder has one (written by `init`
/// or `reunion schema`) and it is stale; a folder that never asked for the
/// schemas gets no new files. A failure is only a note: `check` is about
/// the records.
pub fn refresh(root: &Path, config: &Config) {
    let dir = root.join(schema::HIDDEN_DIR);
    if !dir.is_dir() {
        return;
    }
    if let Err(e) = schema::write(&dir, Some(config)) {
        errln!(
            "note : schémas de l'éditeur non mis à jour dans {} : {}",
            dir.display(),
            crate::fsutil::reason(&e)
        );
    }
}

//! `reunion modeles`: the built-in templates written into the folder's
//! `templates/`, to be adapted; an existing file is never replaced.

use crate::cli::term::{errln, outln};
use crate::cli::{Error, folder_root};
use crate::render::templates::{Written, write_builtins};
use std::path::Path;

/// Arguments of `reunion modeles`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    let root = folder_root(dossier)?;
    let written = write_builtins(&root)
        .map_err(|e| Error::usage(format!("écriture impossible : {e}"), None))?;
    let mut kept = 0;
    for w in &written {
        match w {
            Written::Created(path) => outln!("créé : {}", path.display()),
            Written::Kept(path) => {
                kept += 1;
                errln!("existe déjà, non modifié : {}", path.display());
            }
        }
    }
    if kept > 0 {
        errln!(
            "note : pour retrouver un modèle intégré, supprimez ou renommez votre fichier puis relancez `reunion modeles`"
        );
    }
    errln!(
        "Modifiez les fichiers de templates/ ; `reunion render` les utilise à la place des modèles intégrés (variables : docs/modeles.md)."
    );
    Ok(())
}

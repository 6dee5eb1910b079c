//! `reunion modeles`: the built-in templates written into the folder's
//! `templates/`, to be adapted; an existing file is never replaced.

use super::output::{UsageError, usage_error};
use super::{EXIT_OK, EXIT_USAGE, folder_root};
use crate::render::templates::{Written, write_builtins};
use std::path::Path;

/// Arguments of `reunion modeles`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, dossier: Option<&Path>) -> u8 {
    let root = match folder_root(dossier) {
        Ok(root) => root,
        Err(err) => return usage_error(&err),
    };
    match write_builtins(&root) {
        Ok(written) => {
            let mut kept = 0;
            for w in &written {
                match w {
                    Written::Created(path) => println!("créé : {}", path.display()),
                    Written::Kept(path) => {
                        kept += 1;
                        eprintln!("existe déjà, non modifié : {}", path.display());
                    }
                }
            }
            if kept > 0 {
                eprintln!(
                    "note : pour retrouver un modèle intégré, supprimez ou renommez votre fichier puis relancez `reunion modeles`"
                );
            }
            eprintln!(
                "Modifiez les fichiers de templates/ ; `reunion render` les utilise à la place des modèles intégrés (variables : docs/modeles.md)."
            );
            EXIT_OK
        }
        Err(e) => {
            usage_error(&UsageError::new(format!("écriture impossible : {e}"), None));
            EXIT_USAGE
        }
    }
}

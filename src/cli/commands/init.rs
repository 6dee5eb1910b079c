//! `reunion init`: a new meeting folder.

use crate::cli::Error;
use crate::cli::term::{errln, outln};
use crate::scaffold::{ScaffoldError, init};
use std::path::{Path, PathBuf};

/// Arguments of `reunion init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossier à créer ou à préparer (par défaut : -C, sinon le dossier courant).
    #[arg(value_name = "DOSSIER")]
    cible: Option<PathBuf>,

    /// Nom de l'organisation, en tête de chaque compte rendu.
    #[arg(long, value_name = "NOM")]
    organisation: Option<String>,
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    let dir = args
        .cible
        .or_else(|| dossier.map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("."));
    let organisation = args
        .organisation
        .unwrap_or_else(|| "Nom de votre organisation".to_string());
    match init(&dir, &organisation) {
        Ok(report) => {
            for path in &report.created {
                outln!("créé : {}", path.display());
            }
            if report.gitignore_untouched {
                errln!(
                    "note : .gitignore existe déjà et n'a pas été modifié ; ajoutez-y « /public/ », « /public-interne/ » et « /.reunion/ » pour ne versionner ni les pages publiées ni les schémas de l'éditeur"
                );
            }
            errln!(
                "Complétez {} (organisation, territoires, réseaux), puis créez une réunion avec `reunion new`.",
                dir.join(crate::read::config::CONFIG_FILE).display()
            );
            Ok(())
        }
        Err(err @ ScaffoldError::AlreadyAFolder { .. }) => Err(Error::usage(
            err.to_string(),
            Some("utilisez `reunion new` pour ajouter une réunion à ce dossier".into()),
        )),
        Err(err) => Err(err.into()),
    }
}

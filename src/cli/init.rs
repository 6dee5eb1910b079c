//! `reunion init`: a new meeting folder.

use super::EXIT_OK;
use super::output::{UsageError, usage_error};
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

pub fn run(args: Args, dossier: Option<&Path>) -> u8 {
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
                println!("créé : {}", path.display());
            }
            if report.gitignore_untouched {
                eprintln!(
                    "note : .gitignore existe déjà et n'a pas été modifié ; ajoutez-y « /public/ » pour ne pas versionner les pages publiées"
                );
            }
            eprintln!(
                "Complétez {} (organisation, territoires, réseaux), puis créez une réunion avec `reunion new`.",
                dir.join(crate::config::CONFIG_FILE).display()
            );
            EXIT_OK
        }
        Err(err @ ScaffoldError::AlreadyAFolder { .. }) => usage_error(&UsageError::new(
            err.to_string(),
            Some("utilisez `reunion new` pour ajouter une réunion à ce dossier".into()),
        )),
        Err(err) => usage_error(&UsageError::new(err.to_string(), err.help())),
    }
}

//! `reunion check`: every problem of every record, then a count.

use super::output::{print_diagnostics, summary, usage_error};
use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, folder_root};
use crate::folder::FolderError;
use serde::Serialize;
use std::path::Path;

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Pour les humains, comme un compilateur.
    Texte,
    /// Pour les éditeurs et l'intégration continue.
    Json,
}

/// Arguments of `reunion check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Format de sortie : texte (par défaut, comme un compilateur) ou json (pour les éditeurs et l'intégration continue).
    #[arg(
        long,
        value_enum,
        default_value = "texte",
        value_name = "FORMAT",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: Format,
}

#[derive(Serialize)]
struct Report<'a> {
    valide: bool,
    fichiers: usize,
    erreurs: usize,
    avertissements: usize,
    diagnostics: &'a [crate::diagnostic::Diagnostic],
}

fn print_json(report: &Report<'_>) {
    match serde_json::to_string_pretty(report) {
        Ok(text) => println!("{text}"),
        Err(e) => eprintln!("erreur : {e}"),
    }
}

pub fn run(args: Args, dossier: Option<&Path>) -> u8 {
    let root = match folder_root(dossier) {
        Ok(root) => root,
        Err(err) => return usage_error(&err),
    };
    let folder = match crate::folder::load(&root) {
        Ok(folder) => super::leak(folder),
        Err(FolderError::ConfigInvalid { diagnostics, .. }) if args.format == Format::Json => {
            let erreurs = diagnostics.iter().filter(|d| d.is_error()).count();
            print_json(&Report {
                valide: false,
                fichiers: 0,
                erreurs,
                avertissements: diagnostics.len() - erreurs,
                diagnostics: &diagnostics,
            });
            return EXIT_USAGE;
        }
        Err(err) => return super::output::folder_error(err),
    };
    let (erreurs, avertissements) = folder.counts();
    match args.format {
        Format::Json => print_json(&Report {
            valide: erreurs == 0,
            fichiers: folder.fichiers,
            erreurs,
            avertissements,
            diagnostics: &folder.diagnostics,
        }),
        Format::Texte => {
            print_diagnostics(&folder.diagnostics, &folder.sources);
            if folder.fichiers == 0 {
                eprintln!(
                    "note : aucun compte rendu dans reunions/ ; créez-en un avec `reunion new`"
                );
            }
            println!("{}", summary(folder));
        }
    }
    if erreurs > 0 { EXIT_INVALID } else { EXIT_OK }
}

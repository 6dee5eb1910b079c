//! `reunion territoires`: the referential, with aliases and, per territory,
//! the meetings where it was represented and its actions.

use super::EXIT_OK;
use super::actions::{Format, Largeur, incomplete, print_out};
use super::output::stdout_styled;
use crate::export::{self, Cellule};
use std::path::Path;

/// Arguments of `reunion territoires`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Format de sortie : texte (par défaut, un tableau), markdown, json ou csv (UTF-8 avec BOM, pour les tableurs).
    #[arg(
        long,
        value_enum,
        default_value = "texte",
        value_name = "FORMAT",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: Format,

    #[command(flatten)]
    largeur: Largeur,
}

pub fn run(args: Args, dossier: Option<&Path>) -> u8 {
    let folder = match super::load_folder(dossier) {
        Ok(folder) => folder,
        Err(code) => return code,
    };
    if folder.config.territoires.is_empty() {
        eprintln!(
            "aucun territoire n'est déclaré : ajoutez-les dans reunion.yaml sous « territoires: »"
        );
        return EXIT_OK;
    }
    let stats = crate::query::territoires(&folder.config, &folder.reunions);
    match args.format {
        Format::Texte => {
            let tableau = export::tableau_territoires(&stats);
            let width = args.largeur.colonnes();
            let text = if stdout_styled() {
                export::texte(&tableau, width, &|cell, text| match cell {
                    Cellule::Entete(_) => format!("\x1b[1m{text}\x1b[0m"),
                    Cellule::Regle => format!("\x1b[2m{text}\x1b[0m"),
                    _ => text.to_string(),
                })
            } else {
                export::texte(&tableau, width, &export::sans_couleur)
            };
            print_out(text.as_bytes());
        }
        Format::Markdown => {
            print_out(export::markdown(&export::tableau_territoires(&stats)).as_bytes())
        }
        Format::Json => print_out(export::json_territoires(&stats).as_bytes()),
        Format::Csv => print_out(&export::csv_territoires(&stats)),
    }
    incomplete(folder)
}

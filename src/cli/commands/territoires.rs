//! `reunion territoires`: the referential, with aliases and, per territory,
//! the meetings where it was represented and its actions.

use crate::cli::args::{Format, FormatOption, Largeur, Tableur};
use crate::cli::term::errln;
use crate::cli::term::{print_out, table_painter};
use crate::cli::{Error, incomplete, load_folder};
use crate::report::{table, territories};
use std::path::Path;

/// Arguments of `reunion territoires`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    format: FormatOption<Tableur>,

    #[command(flatten)]
    largeur: Largeur,
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    let folder = load_folder(dossier)?;
    if folder.config.territoires.is_empty() {
        errln!(
            "aucun territoire n'est déclaré : ajoutez-les dans reunion.yaml sous « territoires: »"
        );
        return Ok(());
    }
    let stats = crate::analysis::territories::territoires(&folder.config, &folder.reunions);
    match args.format.format {
        Format::Texte => {
            let paint = table_painter(|_, _, _| None);
            let text = table::texte(
                &territories::tableau(&stats),
                args.largeur.colonnes(),
                &paint,
            );
            print_out(text.as_bytes());
        }
        Format::Markdown => print_out(table::markdown(&territories::tableau(&stats)).as_bytes()),
        Format::Json => print_out(territories::json(&stats).as_bytes()),
        Format::Csv => print_out(&territories::csv(&stats)),
    }
    incomplete(folder)
}

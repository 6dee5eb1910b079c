//! `reunion presence`: per territory, the meetings where it was represented
//! and its share of them; per meeting, how many people and territories came.

use crate::analysis::filter::{Filter, FilterRequest};
use crate::analysis::presence::presence;
use crate::cli::args::{DeuxTableaux, Format, FormatOption, Largeur};
use crate::cli::term::errln;
use crate::cli::term::{print_out, table_painter};
use crate::cli::{Error, incomplete, load_folder};
use crate::report::presence as report;
use std::path::Path;

/// Arguments of `reunion presence`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Seulement les réunions de ce réseau (identifiant déclaré dans reunion.yaml).
    #[arg(long, value_name = "RESEAU")]
    reseau: Option<String>,

    /// Seulement les réunions de ce jour ou après (AAAA-MM-JJ).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    depuis: Option<String>,

    #[command(flatten)]
    format: FormatOption<DeuxTableaux>,

    #[command(flatten)]
    largeur: Largeur,
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    let folder = load_folder(dossier)?;
    let request = FilterRequest {
        reseau: args.reseau,
        depuis: args.depuis,
        ..FilterRequest::default()
    };
    let filter = Filter::new(&request, &folder.config, &folder.reunions)?;
    let p = presence(&folder.config, &folder.reunions, &filter);
    if p.reunions.is_empty() {
        errln!("aucune réunion ne correspond");
    }
    match args.format.format {
        Format::Json => print_out(report::json(&p).as_bytes()),
        Format::Markdown => print_out(report::markdown(&p).as_bytes()),
        // Not accepted on the command line: presence has no CSV.
        Format::Texte | Format::Csv => {
            let paint = table_painter(|_, _, _| None);
            let avec_territoires = !folder.config.territoires.is_empty();
            let text = report::texte(&p, avec_territoires, args.largeur.colonnes(), &paint);
            print_out(text.as_bytes());
            errln!(
                "représenté : au moins un participant du territoire ; les personnes excusées ne comptent pas"
            );
        }
    }
    incomplete(folder)
}

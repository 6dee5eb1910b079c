//! `reunion decisions`: every decision of the folder, newest first, with
//! its meeting and point, filtered as the other lists are.

use crate::analysis::decisions::decisions;
use crate::analysis::filter::{Filter, FilterRequest};
use crate::cli::args::{Format, FormatOption, Largeur, Tableur};
use crate::cli::term::errln;
use crate::cli::term::{print_out, table_painter};
use crate::cli::{Error, incomplete, load_folder};
use crate::report::{decisions as report, table};
use std::path::Path;

/// Arguments of `reunion decisions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Seulement les décisions des réunions de ce jour ou après (AAAA-MM-JJ).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    depuis: Option<String>,

    /// Seulement les décisions des réunions de ce jour ou avant (AAAA-MM-JJ).
    #[arg(long = "jusqu-au", value_name = "AAAA-MM-JJ")]
    jusqu_au: Option<String>,

    /// Seulement les décisions qui contiennent tous ces mots (dans la décision ou le titre de son point ; casse et accents indifférents).
    #[arg(long, value_name = "MOTS")]
    texte: Option<String>,

    /// Seulement les réunions de ce réseau (identifiant déclaré dans reunion.yaml).
    #[arg(long, value_name = "RESEAU")]
    reseau: Option<String>,

    /// Seulement les réunions où ce territoire était représenté ou concerné (répétable).
    #[arg(long, value_name = "TERRITOIRE")]
    territoire: Vec<String>,

    #[command(flatten)]
    format: FormatOption<Tableur>,

    #[command(flatten)]
    largeur: Largeur,
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    let folder = load_folder(dossier)?;
    let request = FilterRequest {
        territoires: args.territoire,
        reseau: args.reseau,
        depuis: args.depuis,
        jusqu_au: args.jusqu_au,
        texte: args.texte,
        ..FilterRequest::default()
    };
    let filter = Filter::new(&request, &folder.config, &folder.reunions)?;
    let kept = decisions(&folder.reunions, &filter);
    if kept.is_empty() {
        errln!("aucune décision ne correspond");
    }
    match args.format.format {
        Format::Texte | Format::Markdown if kept.is_empty() => {}
        Format::Texte => {
            let paint = table_painter(|_, _, _| None);
            let text = table::texte(&report::tableau(&kept), args.largeur.colonnes(), &paint);
            print_out(text.as_bytes());
        }
        Format::Markdown => print_out(table::markdown(&report::tableau(&kept)).as_bytes()),
        Format::Json => print_out(report::json(&kept).as_bytes()),
        Format::Csv => print_out(&report::csv(&kept)),
    }
    incomplete(folder)
}

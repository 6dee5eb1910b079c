//! `reunion suites`: every follow-up across the folder, once each with its
//! history, open ones by default, overdue first.

use crate::analysis::filter::{Filter, FilterRequest};
use crate::analysis::suites::{Etat, follow_ups, select};
use crate::cli::args::{Format, FormatOption, Largeur, Tableur, jour};
use crate::cli::term::errln;
use crate::cli::term::{ROUGE, print_out, table_painter};
use crate::cli::{Error, incomplete, load_folder};
use crate::report::{suites, table};
use std::path::Path;

/// Arguments of `reunion suites`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Seulement les suites dont « qui » contient ces mots (casse et accents indifférents).
    #[arg(long, value_name = "QUI")]
    qui: Option<String>,

    /// Les suites encore ouvertes (par défaut).
    #[arg(long, conflicts_with = "toutes")]
    ouvertes: bool,

    /// Toutes les suites, faites comprises.
    #[arg(long)]
    toutes: bool,

    /// Seulement les suites ouvertes dont l'échéance est passée.
    #[arg(long = "en-retard", conflicts_with = "toutes")]
    en_retard: bool,

    /// Seulement les suites des réunions de ce réseau (identifiant déclaré dans reunion.yaml).
    #[arg(long, value_name = "RESEAU")]
    reseau: Option<String>,

    /// La date du jour pour juger des retards (par défaut aujourd'hui).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    au: Option<String>,

    #[command(flatten)]
    format: FormatOption<Tableur>,

    #[command(flatten)]
    largeur: Largeur,
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    let folder = load_folder(dossier)?;
    let au = jour(args.au.as_deref())?;
    let request = FilterRequest {
        reseau: args.reseau,
        qui: args.qui,
        ..FilterRequest::default()
    };
    let filter = Filter::new(&request, &folder.config, &folder.reunions)?;
    let etat = if args.en_retard {
        Etat::EnRetard
    } else if args.toutes {
        Etat::Toutes
    } else {
        Etat::Ouvertes
    };
    let all = follow_ups(&folder.reunions);
    let kept = select(&all, &filter, etat, au);
    if kept.is_empty() {
        let what = if args.en_retard {
            "aucune suite en retard"
        } else if args.toutes {
            "aucune suite ne correspond"
        } else {
            "aucune suite ouverte ne correspond"
        };
        errln!("{what}");
    }
    match args.format.format {
        Format::Texte | Format::Markdown if kept.is_empty() => {}
        Format::Texte => {
            let paint =
                table_painter(|_, c, text| (c == 3 && text == "En retard").then_some(ROUGE));
            let text = table::texte(&suites::tableau(&kept, au), args.largeur.colonnes(), &paint);
            print_out(text.as_bytes());
        }
        Format::Markdown => print_out(table::markdown(&suites::tableau(&kept, au)).as_bytes()),
        Format::Json => print_out(suites::json(&kept, au).as_bytes()),
        Format::Csv => print_out(&suites::csv(&kept, au)),
    }
    incomplete(folder)
}

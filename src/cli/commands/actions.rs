//! `reunion actions`: the practices told at the meetings, filtered, as a
//! table for the terminal, Markdown, JSON or CSV, or counted per territory
//! and statut.

use crate::analysis::actions::{self, Ligne, Tri};
use crate::analysis::filter::{Filter, FilterRequest};
use crate::analysis::synthesis::{self, Synthese};
use crate::cli::args::{Format, FormatOption, Largeur, Tableur, completion_territoires};
use crate::cli::term::errln;
use crate::cli::term::{CYAN, JAUNE, VERT, print_out, table_painter};
use crate::cli::{Error, incomplete, load_folder};
use crate::model::Statut;
use crate::report::{self, table};
use std::path::Path;

/// Orders of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TriArg {
    /// La réunion la plus récente d'abord.
    Date,
    /// Par territoire.
    Territoire,
    /// Par titre.
    Titre,
}

/// Arguments of `reunion actions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Territoire, par son nom ou un alias (casse et accents indifférents) ; répétable : l'un ou l'autre.
    #[arg(long = "territoire", value_name = "TERRITOIRE", add = completion_territoires())]
    territoires: Vec<String>,

    /// Thématique ; répétable : l'une ou l'autre.
    #[arg(long = "thematique", value_name = "THEMATIQUE")]
    thematiques: Vec<String>,

    /// Public visé (tous ses mots, casse et accents indifférents) ; répétable : l'un ou l'autre.
    #[arg(long = "public", value_name = "PUBLIC")]
    publics: Vec<String>,

    /// Statut : a_documenter, fiche_en_cours ou fiche_publiee (ou en toutes lettres) ; répétable : l'un ou l'autre.
    #[arg(long = "statut", value_name = "STATUT")]
    statuts: Vec<String>,

    /// Réseau, par son identifiant ou son nom déclaré dans reunion.yaml.
    #[arg(long, value_name = "RESEAU")]
    reseau: Option<String>,

    /// Réunions de ce jour ou après.
    #[arg(long, value_name = "AAAA-MM-JJ")]
    depuis: Option<String>,

    /// Réunions de ce jour ou avant.
    #[arg(long = "jusqu-au", value_name = "AAAA-MM-JJ")]
    jusqu_au: Option<String>,

    /// Mots à trouver tous dans le titre, la description, le porteur ou les thématiques (casse et accents indifférents).
    #[arg(long, value_name = "MOTS")]
    texte: Option<String>,

    /// Une action suivie sur plusieurs réunions (même id) n'apparaît qu'une fois, dans son dernier état.
    #[arg(long)]
    derniere: bool,

    /// Au lieu de la liste, le nombre d'actions par territoire et par statut, avec les totaux ; une action suivie sur plusieurs réunions compte une fois, dans son dernier état.
    #[arg(long, conflicts_with = "tri")]
    synthese: bool,

    #[command(flatten)]
    format: FormatOption<Tableur>,

    /// Ordre : date (par défaut, la plus récente d'abord), territoire ou titre.
    #[arg(
        long,
        value_enum,
        value_name = "TRI",
        hide_possible_values = true,
        hide_default_value = true
    )]
    tri: Option<TriArg>,

    #[command(flatten)]
    largeur: Largeur,
}

fn statut_colour(statut: Statut) -> &'static str {
    match statut {
        Statut::ADocumenter => JAUNE,
        Statut::FicheEnCours => CYAN,
        Statut::FichePubliee => VERT,
    }
}

fn print_list(lignes: &[Ligne<'_>], format: Format, largeur: usize) {
    match format {
        Format::Texte => {
            let tableau = report::actions::tableau(lignes, false);
            let statut_col = tableau.entetes.len() - 1;
            let paint = table_painter(|r, c, _| {
                (c == statut_col).then(|| statut_colour(lignes[r].action.statut))
            });
            print_out(table::texte(&tableau, largeur, &paint).as_bytes());
        }
        Format::Markdown => {
            print_out(table::markdown(&report::actions::tableau(lignes, true)).as_bytes())
        }
        Format::Json => print_out(report::actions::json(lignes).as_bytes()),
        Format::Csv => print_out(&report::actions::csv(lignes)),
    }
}

fn print_synthese(s: &Synthese, format: Format, largeur: usize) {
    match format {
        Format::Texte => {
            let tableau = report::actions::tableau_synthese(s);
            let paint = table_painter(|_, _, _| None);
            print_out(table::texte(&tableau, largeur, &paint).as_bytes());
        }
        Format::Markdown => {
            print_out(table::markdown(&report::actions::tableau_synthese(s)).as_bytes())
        }
        Format::Json => print_out(report::actions::json_synthese(s).as_bytes()),
        Format::Csv => print_out(&report::actions::csv_synthese(s)),
    }
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    // Invalid records do not stop the query (the facilitator still needs the
    // rest before a call), but the answer is flagged incomplete below.
    let folder = load_folder(dossier)?;
    let request = FilterRequest {
        territoires: args.territoires,
        thematiques: args.thematiques,
        publics: args.publics,
        statuts: args.statuts,
        reseau: args.reseau,
        depuis: args.depuis,
        jusqu_au: args.jusqu_au,
        texte: args.texte,
        ..FilterRequest::default()
    };
    let filter = Filter::new(&request, &folder.config, &folder.reunions)?;
    let tri = match args.tri {
        None | Some(TriArg::Date) => Tri::Date,
        Some(TriArg::Territoire) => Tri::Territoire,
        Some(TriArg::Titre) => Tri::Titre,
    };
    let width = args.largeur.colonnes();
    let format = args.format.format;
    if args.synthese {
        print_synthese(
            &synthesis::synthese(&folder.reunions, &folder.config, &filter),
            format,
            width,
        );
        return incomplete(folder);
    }
    let lignes = actions::selection(&folder.reunions, &filter, args.derniere, tri);
    if lignes.is_empty() {
        // Machine formats still get a well-formed, empty document.
        match format {
            Format::Json | Format::Csv => print_list(&lignes, format, width),
            Format::Texte | Format::Markdown => {}
        }
        errln!("aucune action ne correspond");
    } else {
        print_list(&lignes, format, width);
    }
    incomplete(folder)
}

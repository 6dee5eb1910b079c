//! `reunion actions`: the practices told at the meetings, filtered, as a
//! table for the terminal, Markdown, JSON or CSV, or counted per territory
//! and statut.

use super::output::{UsageError, stdout_styled, usage_error};
use super::{EXIT_INVALID, EXIT_OK};
use crate::export::{self, Cellule};
use crate::folder::Folder;
use crate::model::Statut;
use crate::query::{self, Demande, Filtres, Ligne, Tri};
use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Output formats of `actions` and `territoires`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Un tableau pour le terminal.
    Texte,
    /// Un tableau Markdown.
    Markdown,
    /// Un tableau JSON.
    Json,
    /// Un fichier CSV pour un tableur.
    Csv,
}

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

/// Width of the text table when standard output is not a terminal and
/// `COLUMNS` says nothing: wide enough for a title, narrow enough for a mail.
pub const LARGEUR_PAR_DEFAUT: usize = 100;

/// Arguments of `reunion actions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Territoire, par son nom ou un alias (casse et accents indifférents) ; répétable : l'un ou l'autre.
    #[arg(long = "territoire", value_name = "TERRITOIRE", add = clap_complete::ArgValueCandidates::new(super::completions::territoires_candidats))]
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

    /// Au lieu de la liste, le nombre d'actions par territoire et par statut, avec les totaux.
    #[arg(long, conflicts_with = "tri")]
    synthese: bool,

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

/// The `--largeur` option every command with a text table takes.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct Largeur {
    /// Largeur des tableaux texte, en colonnes ; par défaut celle du terminal, sinon COLUMNS, sinon 100.
    #[arg(long = "largeur", value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    colonnes: Option<u16>,
}

impl Largeur {
    /// Width of the text tables: `--largeur`, the terminal's, `COLUMNS`, 100.
    pub fn colonnes(self) -> usize {
        largeur(self.colonnes)
    }
}

/// Width of the text table: `--largeur`, the terminal's, `COLUMNS`, 100.
fn largeur(option: Option<u16>) -> usize {
    if let Some(n) = option {
        return usize::from(n);
    }
    if std::io::stdout().is_terminal()
        && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size()
    {
        return usize::from(w);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c >= 20)
        .unwrap_or(LARGEUR_PAR_DEFAUT)
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
pub fn print_out(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(bytes).and_then(|()| out.flush());
}

fn paint(code: &str, text: &str) -> String {
    format!("\x1b[{code}m{text}\x1b[0m")
}

fn statut_colour(statut: Statut) -> &'static str {
    match statut {
        Statut::ADocumenter => "33",
        Statut::FicheEnCours => "36",
        Statut::FichePubliee => "32",
    }
}

/// Warns that some records could not be read, so their actions are missing;
/// returns the exit status: 1 then, else 0.
pub fn incomplete(folder: &Folder) -> u8 {
    let fichiers: BTreeSet<&str> = folder
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.fichier.as_str())
        .collect();
    if fichiers.is_empty() {
        return EXIT_OK;
    }
    let list = fichiers.into_iter().collect::<Vec<_>>().join(", ");
    eprintln!(
        "attention : des comptes rendus ont des erreurs et ce qu'ils contiennent peut manquer ici ({list}) ; lancez `reunion check`"
    );
    EXIT_INVALID
}

fn print_list(lignes: &[Ligne<'_>], format: Format, largeur: usize) {
    match format {
        Format::Texte => {
            let tableau = export::tableau_actions(lignes, false);
            let text = if stdout_styled() {
                let statut_col = tableau.entetes.len() - 1;
                export::texte(&tableau, largeur, &|cell, text| match cell {
                    Cellule::Entete(_) => paint("1", text),
                    Cellule::Regle => paint("2", text),
                    Cellule::Corps(r, c) if c == statut_col => {
                        paint(statut_colour(lignes[r].action.statut), text)
                    }
                    _ => text.to_string(),
                })
            } else {
                export::texte(&tableau, largeur, &export::sans_couleur)
            };
            print_out(text.as_bytes());
        }
        Format::Markdown => {
            print_out(export::markdown(&export::tableau_actions(lignes, true)).as_bytes())
        }
        Format::Json => print_out(export::json_actions(lignes).as_bytes()),
        Format::Csv => print_out(&export::csv_actions(lignes)),
    }
}

fn print_synthese(s: &query::Synthese, format: Format, largeur: usize) {
    match format {
        Format::Texte => {
            let tableau = export::tableau_synthese(s);
            let text = if stdout_styled() {
                export::texte(&tableau, largeur, &|cell, text| match cell {
                    Cellule::Entete(_) | Cellule::Pied(_) => paint("1", text),
                    Cellule::Regle => paint("2", text),
                    Cellule::Corps(..) => text.to_string(),
                })
            } else {
                export::texte(&tableau, largeur, &export::sans_couleur)
            };
            print_out(text.as_bytes());
        }
        Format::Markdown => print_out(export::markdown(&export::tableau_synthese(s)).as_bytes()),
        Format::Json => print_out(export::json_synthese(s).as_bytes()),
        Format::Csv => print_out(&export::csv_synthese(s)),
    }
}

pub fn run(args: Args, dossier: Option<&Path>) -> u8 {
    // Invalid records do not stop the query (the facilitator still needs the
    // rest before a call), but the answer is flagged incomplete below.
    let folder = match super::load_folder(dossier) {
        Ok(folder) => folder,
        Err(code) => return code,
    };
    let demande = Demande {
        territoires: args.territoires,
        thematiques: args.thematiques,
        publics: args.publics,
        statuts: args.statuts,
        reseau: args.reseau,
        depuis: args.depuis,
        jusqu_au: args.jusqu_au,
        texte: args.texte,
    };
    let filtres = match Filtres::new(&demande, &folder.config, &folder.reunions) {
        Ok(f) => f,
        Err(e) => return usage_error(&UsageError::new(e.to_string(), e.help())),
    };
    let tri = match args.tri {
        None | Some(TriArg::Date) => Tri::Date,
        Some(TriArg::Territoire) => Tri::Territoire,
        Some(TriArg::Titre) => Tri::Titre,
    };
    let lignes = query::selection(&folder.reunions, &filtres, args.derniere, tri);
    let width = args.largeur.colonnes();
    if args.synthese {
        let repeated = query::repeated_ids(&lignes);
        if repeated > 0 && !args.derniere {
            eprintln!(
                "note : {repeated} action{s} suivie{s} sur plusieurs réunions {verbe} comptée{s} à chaque réunion ; avec --derniere, chaque action compte une fois, dans son dernier état",
                s = if repeated > 1 { "s" } else { "" },
                verbe = if repeated > 1 { "sont" } else { "est" },
            );
        }
        print_synthese(
            &query::synthese(&lignes, &folder.config, &filtres),
            args.format,
            width,
        );
    } else if lignes.is_empty() {
        // Machine formats still get a well-formed, empty document.
        match args.format {
            Format::Json | Format::Csv => print_list(&lignes, args.format, width),
            Format::Texte | Format::Markdown => {}
        }
        eprintln!("aucune action ne correspond");
    } else {
        print_list(&lignes, args.format, width);
    }
    incomplete(folder)
}

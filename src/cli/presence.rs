//! `reunion presence`: per territory, the meetings where it was represented
//! and its share of them; per meeting, how many people and territories came.

use super::actions::{Largeur, incomplete, print_out};
use super::output::{UsageError, stdout_styled, usage_error};
use crate::export::{self, Cellule, Colonne, Tableau};
use crate::presence::{FiltrePresence, Presence, presence};
use crate::query::{Demande, Filtres};
use serde::Serialize;
use std::path::Path;

/// Output formats of `presence`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Deux tableaux pour le terminal.
    Texte,
    /// Deux tableaux Markdown.
    Markdown,
    /// Un objet JSON.
    Json,
}

/// Arguments of `reunion presence`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Seulement les réunions de ce réseau (identifiant déclaré dans reunion.yaml).
    #[arg(long, value_name = "RESEAU")]
    reseau: Option<String>,

    /// Seulement les réunions de ce jour ou après (AAAA-MM-JJ).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    depuis: Option<String>,

    /// Format de sortie : texte (par défaut), markdown ou json.
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

fn iso(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Per territory: meetings, share, last presence.
pub fn tableau_territoires(p: &Presence<'_>) -> Tableau {
    Tableau {
        entetes: ["Territoire", "Réunions", "Part", "Dernière présence"]
            .map(String::from)
            .to_vec(),
        lignes: p
            .territoires
            .iter()
            .map(|t| {
                vec![
                    t.nom.clone(),
                    format!("{} / {}", t.reunions.len(), t.total),
                    format!("{} %", t.pourcentage()),
                    t.derniere().map_or_else(|| "jamais".to_string(), iso),
                ]
            })
            .collect(),
        colonnes: vec![
            Colonne::texte(8),
            Colonne::NOMBRE,
            Colonne::NOMBRE,
            Colonne::FIXE,
        ],
        retrait: vec![0],
        pied: None,
    }
}

/// Per meeting: people and territories.
pub fn tableau_reunions(p: &Presence<'_>) -> Tableau {
    Tableau {
        entetes: ["Date", "Réunion", "Participants", "Excusés", "Territoires"]
            .map(String::from)
            .to_vec(),
        lignes: p
            .reunions
            .iter()
            .map(|r| {
                vec![
                    iso(r.reunion.date),
                    export::une_ligne(&r.reunion.titre),
                    r.participants.to_string(),
                    r.excuses.to_string(),
                    r.territoires.len().to_string(),
                ]
            })
            .collect(),
        colonnes: vec![
            Colonne::FIXE,
            Colonne::texte(10),
            Colonne::NOMBRE,
            Colonne::NOMBRE,
            Colonne::NOMBRE,
        ],
        retrait: vec![1],
        pied: None,
    }
}

#[derive(Serialize)]
struct TerritoireJson<'a> {
    territoire: &'a str,
    reunions: Vec<ReunionLienJson<'a>>,
    nombre: usize,
    total: usize,
    pourcentage: u32,
    derniere: Option<String>,
}

#[derive(Serialize)]
struct ReunionLienJson<'a> {
    date: String,
    titre: &'a str,
    fichier: &'a str,
}

#[derive(Serialize)]
struct ReunionJson<'a> {
    date: String,
    titre: &'a str,
    fichier: &'a str,
    participants: usize,
    excuses: usize,
    territoires: &'a [String],
}

#[derive(Serialize)]
struct PresenceJson<'a> {
    territoires: Vec<TerritoireJson<'a>>,
    reunions: Vec<ReunionJson<'a>>,
}

/// The whole attendance in JSON.
pub fn json(p: &Presence<'_>) -> String {
    let doc = PresenceJson {
        territoires: p
            .territoires
            .iter()
            .map(|t| TerritoireJson {
                territoire: &t.nom,
                reunions: t
                    .reunions
                    .iter()
                    .map(|r| ReunionLienJson {
                        date: iso(r.date),
                        titre: &r.titre,
                        fichier: &r.fichier,
                    })
                    .collect(),
                nombre: t.reunions.len(),
                total: t.total,
                pourcentage: t.pourcentage(),
                derniere: t.derniere().map(iso),
            })
            .collect(),
        reunions: p
            .reunions
            .iter()
            .map(|r| ReunionJson {
                date: iso(r.reunion.date),
                titre: &r.reunion.titre,
                fichier: &r.reunion.fichier,
                participants: r.participants,
                excuses: r.excuses,
                territoires: &r.territoires,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

pub fn run(args: Args, dossier: Option<&Path>) -> u8 {
    let folder = match super::load_folder(dossier) {
        Ok(folder) => folder,
        Err(code) => return code,
    };
    let demande = Demande {
        reseau: args.reseau,
        depuis: args.depuis,
        ..Demande::default()
    };
    let filtres = match Filtres::new(&demande, &folder.config, &folder.reunions) {
        Ok(f) => f,
        Err(e) => return usage_error(&UsageError::new(e.to_string(), e.help())),
    };
    let filtre = FiltrePresence {
        reseau: filtres.reseau,
        depuis: filtres.depuis,
    };
    let p = presence(&folder.config, &folder.reunions, &filtre);
    if p.reunions.is_empty() {
        eprintln!("aucune réunion ne correspond");
    }
    match args.format {
        Format::Json => print_out(json(&p).as_bytes()),
        Format::Markdown => {
            let text = format!(
                "## Présence des territoires\n\n{}\n## Participation par réunion\n\n{}",
                export::markdown(&tableau_territoires(&p)),
                export::markdown(&tableau_reunions(&p))
            );
            print_out(text.as_bytes());
        }
        Format::Texte => {
            let width = args.largeur.colonnes();
            let styled = stdout_styled();
            let paint = |cell: Cellule, text: &str| match cell {
                Cellule::Entete(_) if styled => format!("\x1b[1m{text}\x1b[0m"),
                Cellule::Regle if styled => format!("\x1b[2m{text}\x1b[0m"),
                _ => text.to_string(),
            };
            let mut text = String::new();
            if !folder.config.territoires.is_empty() {
                text.push_str(&export::texte(&tableau_territoires(&p), width, &paint));
                text.push('\n');
            }
            if !p.reunions.is_empty() {
                text.push_str(&export::texte(&tableau_reunions(&p), width, &paint));
            }
            print_out(text.as_bytes());
            eprintln!(
                "représenté : au moins un participant du territoire ; les personnes excusées ne comptent pas"
            );
        }
    }
    incomplete(folder)
}

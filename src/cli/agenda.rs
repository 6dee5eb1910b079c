//! `reunion agenda`: the coming meetings, and the calendar file to subscribe to.

use super::actions::{Largeur, print_out};
use super::output::{UsageError, usage_error};
use crate::agenda::{IcsOptions, coming, events, ics};
use crate::dates::{french_time, long_date};
use crate::export::{self, Colonne, Tableau};
use std::path::{Path, PathBuf};

/// Arguments of `reunion agenda`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Écrit aussi le calendrier iCalendar de toutes les réunions, passées et à venir, dans ce fichier (« - » : la sortie standard).
    #[arg(long, value_name = "FICHIER")]
    ics: Option<PathBuf>,

    /// La date du jour (par défaut aujourd'hui) : les réunions de ce jour ou après sont « à venir ».
    #[arg(long, value_name = "AAAA-MM-JJ")]
    au: Option<String>,

    #[command(flatten)]
    largeur: Largeur,
}

fn hours(e: &crate::agenda::Evenement) -> String {
    match (e.debut, e.fin) {
        (Some(d), Some(f)) => format!("{} – {}", french_time(d), french_time(f)),
        (Some(d), None) => format!("à partir de {}", french_time(d)),
        _ => "—".to_string(),
    }
}

pub fn run(args: Args, dossier: Option<&Path>) -> u8 {
    let folder = match super::load_folder(dossier) {
        Ok(folder) => folder,
        Err(code) => return code,
    };
    let today = match super::output::jour(args.au.as_deref()) {
        Ok(d) => d,
        Err(err) => return usage_error(&err),
    };
    let all = events(&folder.reunions, &folder.config);
    if let Some(path) = &args.ics {
        let text = ics(
            &all,
            &folder.config,
            &IcsOptions {
                site: folder.config.site.clone(),
            },
        );
        if path.as_os_str() == "-" {
            print_out(text.as_bytes());
            return super::actions::incomplete(folder);
        }
        if let Err(e) = crate::fsutil::write_atomic(path, text.as_bytes()) {
            return usage_error(&UsageError::new(
                format!("écriture impossible de {} : {e}", path.display()),
                None,
            ));
        }
        eprintln!("{} : {} réunions", path.display(), all.len());
    }
    let next = coming(&all, today);
    if next.is_empty() {
        eprintln!("aucune réunion à venir n'est prévue ni annoncée");
    } else {
        let tableau = Tableau {
            entetes: [
                "Date",
                "Horaires",
                "Modalité",
                "Lieu",
                "Réseau",
                "Compte rendu",
            ]
            .map(String::from)
            .to_vec(),
            lignes: next
                .iter()
                .map(|e| {
                    vec![
                        long_date(e.date),
                        hours(e),
                        e.modalite.map_or("—", |m| m.label()).to_string(),
                        e.lieu.clone().unwrap_or_else(|| "—".into()),
                        e.reseau.clone().unwrap_or_else(|| "—".into()),
                        match &e.compte_rendu {
                            Some((fichier, _)) => fichier.clone(),
                            None => "annoncée".to_string(),
                        },
                    ]
                })
                .collect(),
            colonnes: vec![
                Colonne::FIXE,
                Colonne::FIXE,
                Colonne::FIXE,
                Colonne::texte(10),
                Colonne::texte(8),
                Colonne::texte(10),
            ],
            retrait: vec![5, 3, 4],
            pied: None,
        };
        print_out(
            export::texte(&tableau, args.largeur.colonnes(), &export::sans_couleur).as_bytes(),
        );
    }
    super::actions::incomplete(folder)
}

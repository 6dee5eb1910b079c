//! The shape of `reunion agenda`: the coming meetings as a text table.

use super::table::{Colonne, Tableau};
use crate::analysis::agenda::Evenement;
use crate::dates::{french_time, long_date};

fn hours(e: &Evenement) -> String {
    match (e.debut, e.fin) {
        (Some(d), Some(f)) => format!("{} – {}", french_time(d), french_time(f)),
        (Some(d), None) => format!("à partir de {}", french_time(d)),
        _ => "—".to_string(),
    }
}

/// The coming meetings: date, hours, how, where, network, record.
pub fn tableau(next: &[Evenement]) -> Tableau {
    Tableau {
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
                        Some(fichier) => fichier.clone(),
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
    }
}

//! The shapes of `reunion suites`: the follow-ups with their state, as a
//! table, JSON (each with its history) or CSV.

use super::csv;
use super::json::pretty;
use super::table::{Colonne, Tableau};
use crate::analysis::suites::SuiteSuivie;
use serde::Serialize;

/// State of a follow-up as said in lists: done, overdue, or open.
pub fn etat(suite: &SuiteSuivie, au: chrono::NaiveDate) -> &'static str {
    if suite.fait {
        "Faite"
    } else if suite.en_retard(au) {
        "En retard"
    } else {
        "Ouverte"
    }
}

/// The follow-ups as a table: deadline, who, what, state, since when.
pub fn tableau(suites: &[SuiteSuivie], au: chrono::NaiveDate) -> Tableau {
    Tableau {
        entetes: ["Échéance", "Qui", "Quoi", "État", "Depuis", "Réunions"]
            .map(String::from)
            .to_vec(),
        lignes: suites
            .iter()
            .map(|s| {
                vec![
                    s.echeance
                        .map_or_else(|| "—".to_string(), |d| d.to_string()),
                    s.qui.clone().unwrap_or_else(|| "—".to_string()),
                    super::marked(s.quoi.clone(), s.interne()),
                    etat(s, au).to_string(),
                    s.origine().date.to_string(),
                    s.historique.len().to_string(),
                ]
            })
            .collect(),
        colonnes: vec![
            Colonne::FIXE,
            Colonne::texte(12),
            Colonne::texte(20),
            Colonne::FIXE,
            Colonne::FIXE,
            Colonne::NOMBRE,
        ],
        retrait: vec![2, 1],
        pied: None,
    }
}

#[derive(Serialize)]
struct MentionJson<'a> {
    date: String,
    titre: &'a str,
    fichier: &'a str,
    fait: bool,
}

#[derive(Serialize)]
struct SuiteJson<'a> {
    id: &'a str,
    quoi: &'a str,
    qui: Option<&'a str>,
    echeance: Option<String>,
    etat: &'static str,
    fait: bool,
    en_retard: bool,
    reseau: Option<&'a str>,
    historique: Vec<MentionJson<'a>>,
    interne: bool,
}

/// The follow-ups as a JSON array, each with its history, oldest first.
pub fn json(suites: &[SuiteSuivie], au: chrono::NaiveDate) -> String {
    let items: Vec<SuiteJson<'_>> = suites
        .iter()
        .map(|s| SuiteJson {
            id: &s.id,
            quoi: &s.quoi,
            qui: s.qui.as_deref(),
            echeance: s.echeance.map(|d| d.to_string()),
            etat: etat(s, au),
            fait: s.fait,
            en_retard: s.en_retard(au),
            reseau: s.reseau.as_deref(),
            historique: s
                .historique
                .iter()
                .map(|m| MentionJson {
                    date: m.date.to_string(),
                    titre: &m.titre,
                    fichier: &m.fichier,
                    fait: m.fait,
                })
                .collect(),
            interne: s.interne(),
        })
        .collect();
    pretty(&items)
}

/// Columns of the CSV of follow-ups.
pub const CSV_COLONNES: [&str; 10] = [
    "id",
    "quoi",
    "qui",
    "echeance",
    "etat",
    "reseau",
    "depuis",
    "derniere_reunion",
    "reunions",
    "interne",
];

/// The follow-ups as CSV, one row each.
pub fn csv(suites: &[SuiteSuivie], au: chrono::NaiveDate) -> Vec<u8> {
    let rows: Vec<Vec<String>> = suites
        .iter()
        .map(|s| {
            let last = s.historique.last().unwrap_or(s.origine());
            vec![
                s.id.clone(),
                s.quoi.clone(),
                s.qui.clone().unwrap_or_default(),
                s.echeance.map(|d| d.to_string()).unwrap_or_default(),
                etat(s, au).to_string(),
                s.reseau.clone().unwrap_or_default(),
                s.origine().date.to_string(),
                last.fichier.clone(),
                s.historique.len().to_string(),
                super::oui_non(s.interne()),
            ]
        })
        .collect();
    csv::csv(&CSV_COLONNES, &rows)
}

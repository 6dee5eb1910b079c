//! The shapes of `reunion decisions`: every decision with its meeting and
//! point, as a table (text or Markdown), JSON or CSV. Stable key order.

use super::csv;
use super::json::pretty;
use super::table::{Colonne, Tableau, une_ligne};
use crate::analysis::decisions::DecisionPrise;
use serde::Serialize;

/// The decisions as a table: date, meeting, point, decision, vote.
pub fn tableau(decisions: &[DecisionPrise<'_>]) -> Tableau {
    Tableau {
        entetes: ["Date", "Réunion", "Point", "Décision", "Vote"]
            .map(String::from)
            .to_vec(),
        lignes: decisions
            .iter()
            .map(|d| {
                vec![
                    d.reunion.date.to_string(),
                    une_ligne(&d.reunion.titre),
                    d.point
                        .map_or_else(|| "—".to_string(), |p| une_ligne(&p.titre)),
                    super::marked(une_ligne(&d.decision.quoi), d.interne()),
                    d.decision
                        .vote
                        .map_or_else(|| "—".to_string(), |v| v.label()),
                ]
            })
            .collect(),
        colonnes: vec![
            Colonne::FIXE,
            Colonne::texte(10),
            Colonne::texte(10),
            Colonne::texte(20),
            Colonne::texte(12),
        ],
        retrait: vec![1, 2, 4, 3],
        pied: None,
    }
}

#[derive(Serialize)]
struct VoteJson {
    pour: u32,
    contre: u32,
    abstention: u32,
}

#[derive(Serialize)]
struct DecisionJson<'a> {
    quoi: &'a str,
    vote: Option<VoteJson>,
    point: Option<&'a str>,
    date: String,
    titre: &'a str,
    fichier: &'a str,
    reseau: Option<&'a str>,
    interne: bool,
}

/// The decisions as a JSON array.
pub fn json(decisions: &[DecisionPrise<'_>]) -> String {
    let items: Vec<DecisionJson<'_>> = decisions
        .iter()
        .map(|d| DecisionJson {
            quoi: &d.decision.quoi,
            vote: d.decision.vote.map(|v| VoteJson {
                pour: v.pour,
                contre: v.contre,
                abstention: v.abstention,
            }),
            point: d.point.map(|p| p.titre.as_str()),
            date: d.reunion.date.to_string(),
            titre: &d.reunion.titre,
            fichier: &d.reunion.fichier,
            reseau: d.reunion.reseau.as_deref(),
            interne: d.interne(),
        })
        .collect();
    pretty(&items)
}

/// Columns of the CSV of decisions.
pub const CSV_COLONNES: [&str; 10] = [
    "date",
    "reunion",
    "fichier",
    "point",
    "quoi",
    "pour",
    "contre",
    "abstention",
    "reseau",
    "interne",
];

/// The decisions as CSV, one row each; the vote's cells are empty without
/// a vote.
pub fn csv(decisions: &[DecisionPrise<'_>]) -> Vec<u8> {
    let rows: Vec<Vec<String>> = decisions
        .iter()
        .map(|d| {
            let vote = |f: fn(&crate::model::Vote) -> u32| {
                d.decision
                    .vote
                    .as_ref()
                    .map(|v| f(v).to_string())
                    .unwrap_or_default()
            };
            vec![
                d.reunion.date.to_string(),
                d.reunion.titre.clone(),
                d.reunion.fichier.clone(),
                d.point.map(|p| p.titre.clone()).unwrap_or_default(),
                d.decision.quoi.clone(),
                vote(|v| v.pour),
                vote(|v| v.contre),
                vote(|v| v.abstention),
                d.reunion.reseau.clone().unwrap_or_default(),
                super::oui_non(d.interne()),
            ]
        })
        .collect();
    csv::csv(&CSV_COLONNES, &rows)
}

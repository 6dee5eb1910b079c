//! The shapes of `reunion territoires`: the referential with, per
//! territory, its meetings and actions, as a table, JSON or CSV.

use super::csv::{self, LIST_SEPARATOR};
use super::json::pretty;
use super::table::{Colonne, Tableau};
use crate::analysis::territories::StatTerritoire;
use serde::Serialize;

/// The referential with its counts.
pub fn tableau(stats: &[StatTerritoire]) -> Tableau {
    Tableau {
        entetes: ["Territoire", "Alias", "Réunions", "Actions"]
            .map(String::from)
            .to_vec(),
        lignes: stats
            .iter()
            .map(|t| {
                vec![
                    t.nom.clone(),
                    t.alias.join(", "),
                    t.reunions.to_string(),
                    t.actions.to_string(),
                ]
            })
            .collect(),
        colonnes: vec![
            Colonne::texte(8),
            Colonne::texte(8),
            Colonne::NOMBRE,
            Colonne::NOMBRE,
        ],
        retrait: vec![1, 0],
        pied: None,
    }
}

#[derive(Serialize)]
struct TerritoireJson<'a> {
    territoire: &'a str,
    alias: &'a [String],
    reunions: usize,
    actions: usize,
}

/// The referential in JSON.
pub fn json(stats: &[StatTerritoire]) -> String {
    let items: Vec<TerritoireJson<'_>> = stats
        .iter()
        .map(|t| TerritoireJson {
            territoire: &t.nom,
            alias: &t.alias,
            reunions: t.reunions,
            actions: t.actions,
        })
        .collect();
    pretty(&items)
}

/// The referential in CSV, aliases joined by `; `.
pub fn csv(stats: &[StatTerritoire]) -> Vec<u8> {
    let rows: Vec<Vec<String>> = stats
        .iter()
        .map(|t| {
            vec![
                t.nom.clone(),
                t.alias.join(LIST_SEPARATOR),
                t.reunions.to_string(),
                t.actions.to_string(),
            ]
        })
        .collect();
    csv::csv(&["territoire", "alias", "reunions", "actions"], &rows)
}

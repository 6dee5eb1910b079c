//! The shapes of `reunion presence`: per territory, the meetings where it
//! was represented and its share of them; per meeting, how many people and
//! territories came. Two tables (text or Markdown) or one JSON object.

use super::json::pretty;
use super::table::{self, Cellule, Colonne, Tableau, une_ligne};
use crate::analysis::presence::Presence;
use serde::Serialize;

fn iso(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Per territory: meetings, share, last presence.
pub fn tableau_territoires(p: &Presence<'_>) -> Tableau {
    Tableau {
        entetes: [
            "Territoire",
            "Réunions",
            "Part",
            "Dernière présence",
            "Concerné sans y être",
        ]
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
                    t.concernee.len().to_string(),
                ]
            })
            .collect(),
        colonnes: vec![
            Colonne::texte(8),
            Colonne::NOMBRE,
            Colonne::NOMBRE,
            Colonne::FIXE,
            Colonne::NOMBRE,
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
                    une_ligne(&r.reunion.titre),
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
    concernee: Vec<ReunionLienJson<'a>>,
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
    concernes: &'a [String],
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
                concernee: t
                    .concernee
                    .iter()
                    .map(|r| ReunionLienJson {
                        date: iso(r.date),
                        titre: &r.titre,
                        fichier: &r.fichier,
                    })
                    .collect(),
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
                concernes: &r.concernes,
            })
            .collect(),
    };
    pretty(&doc)
}

/// Both tables in Markdown, each under its heading.
pub fn markdown(p: &Presence<'_>) -> String {
    format!(
        "## Présence des territoires\n\n{}\n## Participation par réunion\n\n{}",
        table::markdown(&tableau_territoires(p)),
        table::markdown(&tableau_reunions(p))
    )
}

/// Both tables as text within `largeur` columns: the territories' unless the
/// referential is empty, the meetings' unless none was kept.
pub fn texte(
    p: &Presence<'_>,
    avec_territoires: bool,
    largeur: usize,
    paint: &dyn Fn(Cellule, &str) -> String,
) -> String {
    let mut text = String::new();
    if avec_territoires {
        text.push_str(&table::texte(&tableau_territoires(p), largeur, paint));
        text.push('\n');
    }
    if !p.reunions.is_empty() {
        text.push_str(&table::texte(&tableau_reunions(p), largeur, paint));
    }
    text
}

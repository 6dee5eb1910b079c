//! The shapes of `reunion actions`: the list of actions (text or Markdown
//! table, JSON, CSV) and, with `--synthese`, the counts per territory and
//! statut.

use super::csv::{self, LIST_SEPARATOR};
use super::json::pretty;
use super::table::{Colonne, Tableau};
use crate::analysis::actions::Ligne;
use crate::analysis::synthesis::{Comptes, Synthese};
use crate::model::Statut;
use serde::Serialize;

/// Columns of the text table of actions.
pub fn tableau(lignes: &[Ligne<'_>], avec_porteur: bool) -> Tableau {
    let mut entetes = vec!["Date", "Territoire", "Titre"];
    let mut colonnes = vec![Colonne::FIXE, Colonne::texte(8), Colonne::texte(12)];
    if avec_porteur {
        entetes.push("Porteur");
        colonnes.push(Colonne::texte(8));
    }
    entetes.push("Statut");
    colonnes.push(Colonne::texte(6));
    let rows = lignes
        .iter()
        .map(|l| {
            let mut row = vec![
                l.reunion.date.to_string(),
                l.action.territoire.clone(),
                super::marked(l.action.titre.clone(), l.action.interne),
            ];
            if avec_porteur {
                row.push(l.action.porteur.clone().unwrap_or_default());
            }
            row.push(l.action.statut.label().to_string());
            row
        })
        .collect();
    // The title gives way first, then the porteur, the territory, the statut.
    let retrait = if avec_porteur {
        vec![2, 3, 1, 4]
    } else {
        vec![2, 1, 3]
    };
    Tableau {
        entetes: entetes.into_iter().map(String::from).collect(),
        lignes: rows,
        colonnes,
        retrait,
        pied: None,
    }
}

#[derive(Serialize)]
struct ReunionJson<'a> {
    date: String,
    titre: &'a str,
    fichier: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    numero: Option<u32>,
}

/// One action in JSON; the field order is the documented key order.
#[derive(Serialize)]
struct ActionJson<'a> {
    id: &'a str,
    titre: &'a str,
    territoire: &'a str,
    statut: &'static str,
    porteur: Option<&'a str>,
    description: Option<&'a str>,
    thematiques: &'a [String],
    publics: &'a [String],
    reunion: ReunionJson<'a>,
    interne: bool,
}

/// The actions as a JSON array, keys in a fixed order.
pub fn json(lignes: &[Ligne<'_>]) -> String {
    let items: Vec<ActionJson<'_>> = lignes
        .iter()
        .map(|l| ActionJson {
            id: &l.action.id,
            titre: &l.action.titre,
            territoire: &l.action.territoire,
            statut: l.action.statut.as_str(),
            porteur: l.action.porteur.as_deref(),
            description: l.action.description.as_deref(),
            thematiques: &l.action.thematiques,
            publics: &l.action.publics,
            reunion: ReunionJson {
                date: l.reunion.date.to_string(),
                titre: &l.reunion.titre,
                fichier: &l.reunion.fichier,
                kind: l.reunion.kind_name(),
                numero: l.reunion.numero,
            },
            interne: l.action.interne,
        })
        .collect();
    pretty(&items)
}

/// Header of the CSV of actions: the JSON keys, `reunion` flattened.
pub const CSV_COLONNES: [&str; 14] = [
    "id",
    "titre",
    "territoire",
    "statut",
    "porteur",
    "description",
    "thematiques",
    "publics",
    "reunion_date",
    "reunion_titre",
    "reunion_fichier",
    "reunion_type",
    "reunion_numero",
    "interne",
];

/// The actions as CSV, one row per action and meeting.
pub fn csv(lignes: &[Ligne<'_>]) -> Vec<u8> {
    let rows: Vec<Vec<String>> = lignes
        .iter()
        .map(|l| {
            let a = l.action;
            vec![
                a.id.clone(),
                a.titre.clone(),
                a.territoire.clone(),
                a.statut.as_str().to_string(),
                a.porteur.clone().unwrap_or_default(),
                a.description.clone().unwrap_or_default(),
                a.thematiques.join(LIST_SEPARATOR),
                a.publics.join(LIST_SEPARATOR),
                l.reunion.date.to_string(),
                l.reunion.titre.clone(),
                l.reunion.fichier.clone(),
                l.reunion.kind_name().to_string(),
                l.reunion.numero.map(|n| n.to_string()).unwrap_or_default(),
                super::oui_non(a.interne),
            ]
        })
        .collect();
    csv::csv(&CSV_COLONNES, &rows)
}

fn counts_row(first: &str, comptes: &Comptes) -> Vec<String> {
    std::iter::once(first.to_string())
        .chain(comptes.par_statut.iter().map(usize::to_string))
        .chain(std::iter::once(comptes.total.to_string()))
        .collect()
}

/// Counts per territory and statut, totals in the footer.
pub fn tableau_synthese(s: &Synthese) -> Tableau {
    let entetes = std::iter::once("Territoire")
        .chain(Statut::ALL.iter().map(|s| s.label()))
        .chain(std::iter::once("Total"))
        .map(String::from)
        .collect::<Vec<_>>();
    let mut colonnes = vec![Colonne::texte(8)];
    colonnes.extend(std::iter::repeat_n(Colonne::NOMBRE, Statut::ALL.len() + 1));
    Tableau {
        entetes,
        lignes: s
            .territoires
            .iter()
            .map(|(t, c)| counts_row(t, c))
            .collect(),
        colonnes,
        retrait: vec![0],
        pied: Some(counts_row("Total", &s.total)),
    }
}

#[derive(Serialize)]
struct ComptesJson {
    a_documenter: usize,
    fiche_en_cours: usize,
    fiche_publiee: usize,
    total: usize,
}

impl From<&Comptes> for ComptesJson {
    fn from(c: &Comptes) -> Self {
        ComptesJson {
            a_documenter: c.get(Statut::ADocumenter),
            fiche_en_cours: c.get(Statut::FicheEnCours),
            fiche_publiee: c.get(Statut::FichePubliee),
            total: c.total,
        }
    }
}

#[derive(Serialize)]
struct LigneSyntheseJson<'a> {
    territoire: &'a str,
    #[serde(flatten)]
    comptes: ComptesJson,
}

#[derive(Serialize)]
struct SyntheseJson<'a> {
    territoires: Vec<LigneSyntheseJson<'a>>,
    total: ComptesJson,
}

/// The counts in JSON: `{"territoires": [{"territoire", statuts…, "total"}], "total": {…}}`.
pub fn json_synthese(s: &Synthese) -> String {
    pretty(&SyntheseJson {
        territoires: s
            .territoires
            .iter()
            .map(|(t, c)| LigneSyntheseJson {
                territoire: t,
                comptes: c.into(),
            })
            .collect(),
        total: (&s.total).into(),
    })
}

/// The counts in CSV, columns named by statut value, the totals as a last
/// row whose territoire is `Total`.
pub fn csv_synthese(s: &Synthese) -> Vec<u8> {
    let entetes: Vec<&str> = std::iter::once("territoire")
        .chain(Statut::ALL.iter().map(|s| s.as_str()))
        .chain(std::iter::once("total"))
        .collect();
    let rows: Vec<Vec<String>> = s
        .territoires
        .iter()
        .map(|(t, c)| counts_row(t, c))
        .chain(std::iter::once(counts_row("Total", &s.total)))
        .collect();
    csv::csv(&entetes, &rows)
}

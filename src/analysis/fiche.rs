//! The fiche expérience of a practice: every meeting where its action id was
//! discussed, merged into one write-up.
//!
//! The same action id in several meetings is one practice followed over
//! time. Its fiche takes, for each field, the latest value that is not empty
//! (a meeting that only records a change of statut does not erase the
//! context written two meetings before), and keeps the statut and
//! description of each meeting as its history, newest first.

use crate::model::fiche::Section;
use crate::model::{Action, Redaction, Reunion, Statut};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// The action as told at one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Etape<'a> {
    /// The meeting.
    pub reunion: &'a Reunion,
    /// The action in that meeting.
    pub action: &'a Action,
}

/// One practice across the meetings that discussed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fiche<'a> {
    /// The action id.
    pub id: String,
    /// Title, territory and statut: those of the latest meeting.
    pub titre: String,
    /// Canonical territory.
    pub territoire: String,
    /// Latest statut: it decides whether the fiche is published.
    pub statut: Statut,
    /// Latest porteur given.
    pub porteur: Option<String>,
    /// Latest non-empty list of themes.
    pub thematiques: Vec<String>,
    /// Latest non-empty list of publics.
    pub publics: Vec<String>,
    /// Each section at its latest non-empty value.
    pub redaction: Redaction,
    /// Every meeting where it was discussed, newest first.
    pub etapes: Vec<Etape<'a>>,
}

impl Fiche<'_> {
    /// The sections nobody has written yet, in the fiche's order.
    pub fn manquantes(&self) -> Vec<Section> {
        Section::ALL
            .into_iter()
            .filter(|s| !s.filled(&self.redaction))
            .collect()
    }

    /// Date of the latest meeting that discussed it.
    pub fn derniere_date(&self) -> NaiveDate {
        self.etapes[0].reunion.date
    }

    /// Whether `render` publishes a page for it.
    pub fn publiee_sur_le_site(&self) -> bool {
        is_published(self.statut)
    }
}

/// The statuts whose fiche has a page on the site.
pub fn is_published(statut: Statut) -> bool {
    matches!(statut, Statut::FicheEnCours | Statut::FichePubliee)
}

fn latest_text(values: &mut Option<String>, new: &Option<String>) {
    if new.is_some() {
        values.clone_from(new);
    }
}

fn latest_list(values: &mut Vec<String>, new: &[String]) {
    if !new.is_empty() {
        *values = new.to_vec();
    }
}

/// Builds the fiche of `id` from every meeting (any order); `None` when no
/// meeting tells that action.
pub fn fiche<'a>(reunions: &'a [Reunion], id: &str) -> Option<Fiche<'a>> {
    let etapes: Vec<Etape<'a>> = reunions
        .iter()
        .flat_map(|r| {
            r.actions.iter().filter(|a| a.id == id).map(move |a| Etape {
                reunion: r,
                action: a,
            })
        })
        .collect();
    merge(id, etapes)
}

/// Every fiche of the folder, sorted by id: one pass over the meetings, so
/// that a folder of thousands of meetings is not read once per action.
pub fn all(reunions: &[Reunion]) -> Vec<Fiche<'_>> {
    let mut by_id: BTreeMap<&str, Vec<Etape<'_>>> = BTreeMap::new();
    for r in reunions {
        for a in &r.actions {
            by_id.entry(a.id.as_str()).or_default().push(Etape {
                reunion: r,
                action: a,
            });
        }
    }
    by_id
        .into_iter()
        .filter_map(|(id, etapes)| merge(id, etapes))
        .collect()
}

/// The fiches `render` publishes: every id whose latest statut is
/// `fiche_en_cours` or `fiche_publiee`, sorted by id.
pub fn published(reunions: &[Reunion]) -> Vec<Fiche<'_>> {
    all(reunions)
        .into_iter()
        .filter(Fiche::publiee_sur_le_site)
        .collect()
}

/// Every action id of the folder, sorted, each once.
pub fn ids(reunions: &[Reunion]) -> Vec<&str> {
    let ids: BTreeSet<&str> = reunions
        .iter()
        .flat_map(|r| r.actions.iter().map(|a| a.id.as_str()))
        .collect();
    ids.into_iter().collect()
}

fn merge<'a>(id: &str, mut etapes: Vec<Etape<'a>>) -> Option<Fiche<'a>> {
    // Oldest first to merge, so that later values win.
    etapes.sort_by(|a, b| {
        (a.reunion.date, &a.reunion.fichier).cmp(&(b.reunion.date, &b.reunion.fichier))
    });
    let last = etapes.last()?.action;
    let mut porteur = None;
    let mut thematiques = Vec::new();
    let mut publics = Vec::new();
    let mut r = Redaction::default();
    for e in &etapes {
        let a = e.action;
        latest_text(&mut porteur, &a.porteur);
        latest_list(&mut thematiques, &a.thematiques);
        latest_list(&mut publics, &a.publics);
        let w = &a.redaction;
        for section in Section::ALL {
            match (section.field_mut(&mut r), section.field(w)) {
                (Some(into), Some(from)) => latest_text(into, from),
                _ => latest_list(&mut r.partenaires, &w.partenaires),
            }
        }
    }
    Some(Fiche {
        id: id.to_string(),
        titre: last.titre.clone(),
        territoire: last.territoire.clone(),
        statut: last.statut,
        porteur,
        thematiques,
        publics,
        redaction: r,
        etapes: etapes.into_iter().rev().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::config::parse_config;

    fn meetings() -> Vec<Reunion> {
        let (config, _) = parse_config("organisation:\n  nom: IREV\nterritoires: [Lille]\n", None);
        let files = [
            (
                "reunions/2022-05-12-c.yaml",
                "titre: C\ndate: 2022-05-12\nmodalite: visio\nactions:\n  - id: eje\n    territoire: Lille\n    titre: La passerelle EJE\n    statut: fiche_publiee\n    resultats: Trente familles.\n",
            ),
            (
                "reunions/2022-03-03-a.yaml",
                "titre: A\ndate: 2022-03-03\nmodalite: visio\nactions:\n  - id: eje\n    territoire: Lille\n    titre: Passerelle\n    porteur: Ville\n    contexte: Ancien contexte.\n    partenaires: [CAF]\n  - id: autre\n    territoire: Lille\n    titre: Autre\n",
            ),
            (
                "reunions/2022-04-06-b.yaml",
                "titre: B\ndate: 2022-04-06\nmodalite: visio\nactions:\n  - id: eje\n    territoire: Lille\n    titre: La passerelle EJE\n    statut: fiche_en_cours\n    contexte: Nouveau contexte.\n",
            ),
        ];
        files
            .iter()
            .map(|(f, s)| crate::read::record::valid_record(f, s, &config))
            .collect()
    }

    #[test]
    fn latest_non_empty_value_of_each_field_wins() {
        let reunions = meetings();
        let f = fiche(&reunions, "eje").unwrap();
        assert_eq!(f.titre, "La passerelle EJE");
        assert_eq!(f.statut, Statut::FichePubliee);
        assert_eq!(f.porteur.as_deref(), Some("Ville"));
        assert_eq!(f.redaction.contexte.as_deref(), Some("Nouveau contexte."));
        assert_eq!(f.redaction.partenaires, ["CAF"]);
        assert_eq!(f.redaction.resultats.as_deref(), Some("Trente familles."));
        let dates: Vec<String> = f
            .etapes
            .iter()
            .map(|e| e.reunion.date.to_string())
            .collect();
        assert_eq!(dates, ["2022-05-12", "2022-04-06", "2022-03-03"]);
        assert_eq!(
            f.manquantes(),
            [
                Section::Objectifs,
                Section::Moyens,
                Section::FacteursDeReussite,
                Section::PointsDeVigilance,
                Section::Contact
            ]
        );
    }

    #[test]
    fn only_fiches_under_way_or_published_go_on_the_site() {
        let reunions = meetings();
        assert_eq!(ids(&reunions), ["autre", "eje"]);
        let site: Vec<String> = published(&reunions).into_iter().map(|f| f.id).collect();
        assert_eq!(site, ["eje"]);
        assert!(fiche(&reunions, "inconnue").is_none());
    }
}

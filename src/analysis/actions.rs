//! `reunion actions`: which actions, told at which meetings, match the
//! filter, in which order; and the practices they are (one per action id,
//! in its latest state), the unit every count of actions is made of.

use super::filter::Filter;
use crate::model::{Action, Reunion};
use crate::text::fold;
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};

/// Order of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tri {
    /// Newest meeting first.
    #[default]
    Date,
    /// By territory name, then newest first.
    Territoire,
    /// By title, then newest first.
    Titre,
}

/// One action as told at one meeting.
#[derive(Debug, Clone, Copy)]
pub struct Ligne<'a> {
    /// The action.
    pub action: &'a Action,
    /// Where it was told.
    pub reunion: &'a Reunion,
    /// Its place in the meeting's list, to keep the record's order on ties.
    pub rang: usize,
}

/// The actions that match, sorted. With `derniere`, an id seen in several
/// meetings (among those in the period and network asked) is kept only at its
/// latest meeting, and the other filters apply to that latest state: a
/// practice whose fiche is now published is not listed as « à documenter ».
pub fn selection<'a>(
    reunions: &'a [Reunion],
    filter: &Filter,
    derniere: bool,
    tri: Tri,
) -> Vec<Ligne<'a>> {
    let mut lignes: Vec<Ligne<'a>> = reunions
        .iter()
        .filter(|r| filter.keeps_meeting(r))
        .flat_map(|reunion| {
            reunion
                .actions
                .iter()
                .enumerate()
                .map(move |(rang, action)| Ligne {
                    action,
                    reunion,
                    rang,
                })
        })
        .collect();
    if derniere {
        lignes = latest(lignes);
    }
    lignes.retain(|l| filter.keeps_action(l.action));
    sort(&mut lignes, tri);
    lignes
}

/// The practices `filter` keeps, newest first: one line per action id, at
/// its latest meeting, in that state. This is the unit of every count of
/// actions (`territoires`, `actions --synthese`, the site's index and
/// territory pages): a practice followed over several meetings is one action.
pub fn practices<'a>(reunions: &'a [Reunion], filter: &Filter) -> Vec<Ligne<'a>> {
    selection(reunions, filter, true, Tri::Date)
}

/// Keeps, for each id, the occurrence of the latest meeting (by date, then
/// file name, the order of the folder).
fn latest(lignes: Vec<Ligne<'_>>) -> Vec<Ligne<'_>> {
    let mut latest: HashMap<&str, usize> = HashMap::new();
    for (i, l) in lignes.iter().enumerate() {
        let newer = latest.get(l.action.id.as_str()).is_none_or(|&j| {
            let other = &lignes[j];
            (l.reunion.date, &l.reunion.fichier) >= (other.reunion.date, &other.reunion.fichier)
        });
        if newer {
            latest.insert(&l.action.id, i);
        }
    }
    let keep: BTreeSet<usize> = latest.into_values().collect();
    lignes
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, l)| l)
        .collect()
}

/// Newest meeting first; same date: by file name; same meeting: the record's
/// order. A total order, so the output never depends on how files were read.
fn by_date(a: &Ligne<'_>, b: &Ligne<'_>) -> Ordering {
    b.reunion
        .date
        .cmp(&a.reunion.date)
        .then_with(|| a.reunion.fichier.cmp(&b.reunion.fichier))
        .then_with(|| a.rang.cmp(&b.rang))
}

fn by_text(a: &str, b: &str) -> Ordering {
    fold(a).cmp(&fold(b)).then_with(|| a.cmp(b))
}

fn sort(lignes: &mut [Ligne<'_>], tri: Tri) {
    match tri {
        Tri::Date => lignes.sort_by(by_date),
        Tri::Territoire => lignes.sort_by(|a, b| {
            by_text(&a.action.territoire, &b.action.territoire).then_with(|| by_date(a, b))
        }),
        Tri::Titre => lignes
            .sort_by(|a, b| by_text(&a.action.titre, &b.action.titre).then_with(|| by_date(a, b))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::filter::FilterRequest;
    use crate::analysis::filter::tests::folder;

    fn ids(lignes: &[Ligne<'_>]) -> Vec<(String, String)> {
        lignes
            .iter()
            .map(|l| (l.reunion.date.to_string(), l.action.id.clone()))
            .collect()
    }

    fn ask(request: FilterRequest, derniere: bool, tri: Tri) -> Vec<(String, String)> {
        let (c, reunions) = folder();
        let f = Filter::new(&request, &c, &reunions).unwrap();
        ids(&selection(&reunions, &f, derniere, tri))
    }

    fn pair(d: &str, id: &str) -> (String, String) {
        (d.to_string(), id.to_string())
    }

    #[test]
    fn newest_first_and_every_occurrence() {
        assert_eq!(
            ask(FilterRequest::default(), false, Tri::Date),
            vec![
                pair("2022-06-10", "passerelle"),
                pair("2022-03-03", "passerelle"),
                pair("2022-03-03", "maubeuge-prevention-du-decrochage"),
            ]
        );
    }

    #[test]
    fn latest_state_then_filters() {
        let d = FilterRequest {
            statuts: vec!["a_documenter".into()],
            ..FilterRequest::default()
        };
        // The practice is published by June: its March state is not listed.
        assert_eq!(ask(d.clone(), true, Tri::Date), vec![]);
        assert_eq!(
            ask(d, false, Tri::Date),
            vec![pair("2022-03-03", "passerelle")]
        );
        // The latest state within the period asked.
        let d = FilterRequest {
            jusqu_au: Some("2022-05-01".into()),
            territoires: vec!["lille".into()],
            ..FilterRequest::default()
        };
        assert_eq!(
            ask(d, true, Tri::Date),
            vec![pair("2022-03-03", "passerelle")]
        );
    }

    #[test]
    fn or_within_and_between() {
        let d = FilterRequest {
            territoires: vec!["Lille-Sud".into(), "MAUBEUGE".into()],
            statuts: vec!["Fiche en cours".into(), "fiche_publiee".into()],
            ..FilterRequest::default()
        };
        assert_eq!(
            ask(d, false, Tri::Date),
            vec![
                pair("2022-06-10", "passerelle"),
                pair("2022-03-03", "maubeuge-prevention-du-decrochage"),
            ]
        );
    }

    #[test]
    fn words_ignore_case_and_accents_across_fields() {
        let d = FilterRequest {
            texte: Some("DECROCHAGE prévention".into()),
            ..FilterRequest::default()
        };
        assert_eq!(
            ask(d, false, Tri::Date),
            vec![pair("2022-03-03", "maubeuge-prevention-du-decrochage")]
        );
        let d = FilterRequest {
            texte: Some("cite numerique".into()),
            ..FilterRequest::default()
        };
        // « cité » is in the porteur of March, « numérique » only in June.
        assert_eq!(ask(d, false, Tri::Date), vec![]);
        let d = FilterRequest {
            texte: Some("passerelle enfance".into()),
            ..FilterRequest::default()
        };
        assert_eq!(ask(d, false, Tri::Date).len(), 2);
    }

    #[test]
    fn themes_publics_network_period() {
        let theme = FilterRequest {
            thematiques: vec!["Numerique".into()],
            ..FilterRequest::default()
        };
        assert_eq!(
            ask(theme, false, Tri::Date),
            vec![pair("2022-06-10", "passerelle")]
        );
        let public = FilterRequest {
            publics: vec!["parents".into()],
            ..FilterRequest::default()
        };
        assert_eq!(
            ask(public, false, Tri::Date),
            vec![pair("2022-03-03", "passerelle")]
        );
        let reseau = FilterRequest {
            reseau: Some("Programmes de réussite éducative".into()),
            ..FilterRequest::default()
        };
        assert_eq!(
            ask(reseau, false, Tri::Date),
            vec![pair("2022-06-10", "passerelle")]
        );
        let inclusive = FilterRequest {
            depuis: Some("2022-03-03".into()),
            jusqu_au: Some("2022-03-03".into()),
            ..FilterRequest::default()
        };
        assert_eq!(ask(inclusive, false, Tri::Date).len(), 2);
    }

    #[test]
    fn sorts_are_total() {
        assert_eq!(
            ask(FilterRequest::default(), false, Tri::Territoire),
            vec![
                pair("2022-06-10", "passerelle"),
                pair("2022-03-03", "passerelle"),
                pair("2022-03-03", "maubeuge-prevention-du-decrochage"),
            ]
        );
        assert_eq!(
            ask(FilterRequest::default(), false, Tri::Titre),
            vec![
                pair("2022-03-03", "passerelle"),
                pair("2022-06-10", "passerelle"),
                pair("2022-03-03", "maubeuge-prevention-du-decrochage"),
            ]
        );
    }
}

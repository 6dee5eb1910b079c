//! Follow-ups across meetings: the same follow-up carried from meeting to
//! meeting (same id) is one follow-up with a history, open until a meeting
//! marks it done.

use super::filter::Filter;
use crate::model::Reunion;
use chrono::NaiveDate;

/// One mention of a follow-up in a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The meeting's file, relative to the folder.
    pub fichier: String,
    /// The meeting's date.
    pub date: NaiveDate,
    /// The meeting's title.
    pub titre: String,
    /// Whether it was done at that meeting.
    pub fait: bool,
    /// Whether that meeting marks it `interne: true`.
    pub interne: bool,
}

/// A follow-up and its history, as of its latest mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuiteSuivie {
    /// Stable id.
    pub id: String,
    /// What is to be done (latest wording).
    pub quoi: String,
    /// Who does it (latest).
    pub qui: Option<String>,
    /// By when (latest).
    pub echeance: Option<NaiveDate>,
    /// Done at its latest mention.
    pub fait: bool,
    /// Network of the meetings that mention it (of the latest).
    pub reseau: Option<String>,
    /// Every meeting that mentions it, oldest first.
    pub historique: Vec<Mention>,
}

impl SuiteSuivie {
    /// The meeting where it was first recorded.
    pub fn origine(&self) -> &Mention {
        &self.historique[0]
    }

    /// Internal everywhere it is mentioned: the public site does not show
    /// it at all.
    pub fn interne(&self) -> bool {
        self.historique.iter().all(|m| m.interne)
    }

    /// Open and past its deadline on `au`.
    pub fn en_retard(&self, au: NaiveDate) -> bool {
        !self.fait && self.echeance.is_some_and(|e| e < au)
    }
}

/// Every follow-up of the folder, one entry per id, in order of first mention.
pub fn follow_ups(reunions: &[Reunion]) -> Vec<SuiteSuivie> {
    let mut out: Vec<SuiteSuivie> = Vec::new();
    let mut index = std::collections::HashMap::new();
    let mut sorted: Vec<&Reunion> = reunions.iter().collect();
    sorted.sort_by(|a, b| (a.date, &a.fichier).cmp(&(b.date, &b.fichier)));
    for reunion in sorted {
        for suite in &reunion.suites {
            let mention = Mention {
                fichier: reunion.fichier.clone(),
                date: reunion.date,
                titre: reunion.titre.clone(),
                fait: suite.fait,
                interne: suite.interne,
            };
            match index.get(&suite.id) {
                Some(&i) => {
                    let entry: &mut SuiteSuivie = &mut out[i];
                    entry.quoi = suite.quoi.clone();
                    entry.qui = suite.qui.clone().or(entry.qui.take());
                    entry.echeance = suite.echeance.or(entry.echeance);
                    entry.fait = suite.fait;
                    entry.reseau = reunion.reseau.clone();
                    entry.historique.push(mention);
                }
                None => {
                    index.insert(suite.id.clone(), out.len());
                    out.push(SuiteSuivie {
                        id: suite.id.clone(),
                        quoi: suite.quoi.clone(),
                        qui: suite.qui.clone(),
                        echeance: suite.echeance,
                        fait: suite.fait,
                        reseau: reunion.reseau.clone(),
                        historique: vec![mention],
                    });
                }
            }
        }
    }
    out
}

/// Which follow-ups `reunion suites` lists, by their state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Etat {
    /// Those not done yet (the default).
    #[default]
    Ouvertes,
    /// Every one, done or not.
    Toutes,
    /// Only the open ones past their deadline.
    EnRetard,
}

/// The follow-ups in state `etat` as of `au` that `filter` keeps (network,
/// who), overdue first, then by deadline (none last), then by first mention.
pub fn select(all: &[SuiteSuivie], filter: &Filter, etat: Etat, au: NaiveDate) -> Vec<SuiteSuivie> {
    let mut kept: Vec<SuiteSuivie> = all
        .iter()
        .filter(|s| match etat {
            Etat::Ouvertes => !s.fait,
            Etat::Toutes => true,
            Etat::EnRetard => s.en_retard(au),
        })
        .filter(|s| filter.keeps_network(s.reseau.as_deref()))
        .filter(|s| filter.keeps_carrier(s.qui.as_deref()))
        .cloned()
        .collect();
    kept.sort_by(|a, b| {
        let key = |s: &SuiteSuivie| {
            (
                !s.en_retard(au),
                s.fait,
                s.echeance.is_none(),
                s.echeance,
                s.origine().date,
                s.id.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::filter::FilterRequest;
    use crate::read::config::parse_config;

    fn meetings() -> Vec<Reunion> {
        let (config, _) = parse_config("organisation:\n  nom: IREV\n", None);
        let files = [
            (
                "reunions/2022-03-03-a.yaml",
                "titre: A\ndate: 2022-03-03\nmodalite: visio\nsuites:\n  - quoi: Doc\n    qui: IREV\n    echeance: 2022-03-18\n  - quoi: Lien\n    qui: IREV\n",
            ),
            (
                "reunions/2022-04-06-b.yaml",
                "titre: B\ndate: 2022-04-06\nmodalite: visio\nsuites:\n  - id: 2022-03-03-doc\n    quoi: Doc\n    qui: IREV\n    echeance: 2022-03-18\n  - quoi: Trame\n    qui: Cité éducative de Lille\n    echeance: 2022-05-01\n",
            ),
            (
                "reunions/2022-05-12-c.yaml",
                "titre: C\ndate: 2022-05-12\nmodalite: visio\nsuites:\n  - id: 2022-03-03-doc\n    quoi: Doc en ligne\n    qui: IREV\n    fait: true\n",
            ),
        ];
        files
            .iter()
            .map(|(f, s)| crate::read::record::valid_record(f, s, &config))
            .collect()
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, m, d).unwrap()
    }

    #[test]
    fn a_carried_follow_up_is_one_with_its_history() {
        let all = follow_ups(&meetings());
        assert_eq!(all.len(), 3);
        let doc = &all[0];
        assert_eq!(doc.id, "2022-03-03-doc");
        assert_eq!(doc.historique.len(), 3);
        assert!(doc.fait);
        assert_eq!(doc.quoi, "Doc en ligne");
        assert_eq!(doc.echeance, Some(day(3, 18)));
    }

    #[test]
    fn open_by_default_overdue_first() {
        let all = follow_ups(&meetings());
        let open = select(&all, &Filter::default(), Etat::Ouvertes, day(5, 20));
        let ids: Vec<&str> = open.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["2022-04-06-trame", "2022-03-03-lien"]);
        let late = select(&all, &Filter::default(), Etat::EnRetard, day(4, 20));
        assert!(late.is_empty());
        let every = select(
            &all,
            &Filter::new(
                &FilterRequest {
                    qui: Some("irev".into()),
                    ..FilterRequest::default()
                },
                &parse_config("organisation:\n  nom: IREV\n", None).0,
                &[],
            )
            .unwrap(),
            Etat::Toutes,
            day(4, 20),
        );
        assert_eq!(every.len(), 2);
    }
}

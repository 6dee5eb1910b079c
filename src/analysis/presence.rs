//! Attendance: which territories come to the meetings, and how many people.
//!
//! A territory is *represented* at a meeting when at least one participant
//! (`participants`) gives it as their territory. People who sent apologies
//! (`excuses`) did not attend: they are counted apart and never make a
//! territory present. A territory only *concerned* (in the meeting's
//! `territoires`, the meeting is about it) is not represented: it is
//! counted apart, so that a meeting about it where nobody attached to it
//! came does not show it « jamais » present nor present.
//!
//! People are counted by [`headcount`]: `effectif` when given, else the
//! entries listed, a group counting its `nombre`. (`reunion territoires` also counts a meeting where a
//! territory's action was told by someone else; attendance does not.)

use super::filter::Filter;
use crate::model::Participant;
use crate::model::Reunion;
use crate::read::config::Config;
use chrono::NaiveDate;

/// How many people an entry of a list stands for: its `nombre`, else one.
pub fn people_in(p: &Participant) -> u32 {
    p.nombre.unwrap_or(1)
}

/// How many people came to `r`: its `effectif` when the minutes give it
/// (the list may be partial or absent), else the people listed, a group
/// counting its `nombre`. The one definition of a meeting's count.
pub fn headcount(r: &Reunion) -> u32 {
    r.effectif
        .unwrap_or_else(|| r.participants.iter().map(people_in).sum())
}

/// Attendance at one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresenceReunion<'a> {
    /// The meeting.
    pub reunion: &'a Reunion,
    /// People who came.
    pub participants: usize,
    /// People who sent apologies.
    pub excuses: usize,
    /// Territories represented, in the referential's order.
    pub territoires: Vec<String>,
    /// Territories the meeting is about (`territoires` of the record), in
    /// the referential's order, represented or not.
    pub concernes: Vec<String>,
}

/// Attendance of one territory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresenceTerritoire<'a> {
    /// Canonical name.
    pub nom: String,
    /// Meetings where it was represented, oldest first.
    pub reunions: Vec<&'a Reunion>,
    /// Meetings about it where it was not represented, oldest first.
    pub concernee: Vec<&'a Reunion>,
    /// Meetings counted in all.
    pub total: usize,
}

impl PresenceTerritoire<'_> {
    /// Share of the meetings where it was represented, in percent, rounded.
    pub fn pourcentage(&self) -> u32 {
        if self.total == 0 {
            0
        } else {
            ((self.reunions.len() as f64 * 100.0) / self.total as f64).round() as u32
        }
    }

    /// The day it was last represented.
    pub fn derniere(&self) -> Option<NaiveDate> {
        self.reunions.last().map(|r| r.date)
    }
}

/// Attendance across a selection of meetings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presence<'a> {
    /// Per meeting, oldest first.
    pub reunions: Vec<PresenceReunion<'a>>,
    /// Per territory, in the referential's order.
    pub territoires: Vec<PresenceTerritoire<'a>>,
}

/// Attendance at the meetings `filter` keeps (`reunions` sorted oldest
/// first, as the folder gives them).
pub fn presence<'a>(config: &Config, reunions: &'a [Reunion], filter: &Filter) -> Presence<'a> {
    let kept: Vec<&Reunion> = reunions
        .iter()
        .filter(|r| filter.keeps_meeting(r))
        .collect();
    let noms: Vec<&str> = config
        .territoires
        .all()
        .iter()
        .map(|t| t.nom.as_str())
        .collect();
    let represente = |r: &Reunion, nom: &str| {
        r.participants
            .iter()
            .any(|p| p.territoires.iter().any(|t| t == nom))
    };
    let concerne = |r: &Reunion, nom: &str| r.territoires.iter().any(|t| t == nom);
    let par_reunion = kept
        .iter()
        .map(|r| PresenceReunion {
            reunion: r,
            participants: headcount(r) as usize,
            excuses: r.excuses.iter().map(people_in).sum::<u32>() as usize,
            territoires: noms
                .iter()
                .filter(|n| represente(r, n))
                .map(|n| n.to_string())
                .collect(),
            concernes: noms
                .iter()
                .filter(|n| concerne(r, n))
                .map(|n| n.to_string())
                .collect(),
        })
        .collect();
    let par_territoire = noms
        .iter()
        .map(|n| PresenceTerritoire {
            nom: n.to_string(),
            reunions: kept.iter().copied().filter(|r| represente(r, n)).collect(),
            concernee: kept
                .iter()
                .copied()
                .filter(|r| concerne(r, n) && !represente(r, n))
                .collect(),
            total: kept.len(),
        })
        .collect();
    Presence {
        reunions: par_reunion,
        territoires: par_territoire,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::config::parse_config;

    fn meeting(config: &Config, fichier: &str, text: &str) -> Reunion {
        crate::read::record::valid_record(fichier, text, config)
    }

    #[test]
    fn excused_people_do_not_make_a_territory_present() {
        let (c, _) = parse_config(
            "organisation:\n  nom: x\nterritoires: [Lille, Maubeuge, Roubaix]\nreseaux:\n  - id: ce\n    nom: CE\n",
            None,
        );
        let reunions = vec![
            meeting(
                &c,
                "reunions/a.yaml",
                "titre: A\ndate: 2022-03-03\nmodalite: visio\nreseau: ce\nparticipants:\n  - fonction: a\n    territoire: Lille\n  - fonction: b\n    territoire: Lille\n  - fonction: c\nexcuses:\n  - fonction: d\n    territoire: Maubeuge\n",
            ),
            meeting(
                &c,
                "reunions/b.yaml",
                "titre: B\ndate: 2022-04-06\nmodalite: visio\nparticipants:\n  - fonction: a\n    territoire: Maubeuge\n  - fonction: b\n    territoire: Lille\n",
            ),
        ];
        let p = presence(&c, &reunions, &Filter::default());
        assert_eq!(p.reunions[0].participants, 3);
        assert_eq!(p.reunions[0].excuses, 1);
        assert_eq!(p.reunions[0].territoires, ["Lille"]);
        assert_eq!(p.reunions[1].territoires, ["Lille", "Maubeuge"]);
        let lille = &p.territoires[0];
        assert_eq!((lille.reunions.len(), lille.pourcentage()), (2, 100));
        assert_eq!(lille.derniere(), NaiveDate::from_ymd_opt(2022, 4, 6));
        let maubeuge = &p.territoires[1];
        assert_eq!((maubeuge.reunions.len(), maubeuge.pourcentage()), (1, 50));
        let roubaix = &p.territoires[2];
        assert_eq!((roubaix.reunions.len(), roubaix.derniere()), (0, None));

        let mut filter = Filter::default();
        filter.reseau = Some("ce".into());
        let ce = presence(&c, &reunions, &filter);
        assert_eq!(ce.reunions.len(), 1);
        assert_eq!(ce.territoires[1].reunions.len(), 0);
        let recent = presence(
            &c,
            &reunions,
            &Filter::since(NaiveDate::from_ymd_opt(2022, 4, 1).unwrap()),
        );
        assert_eq!(recent.territoires[1].pourcentage(), 100);
    }

    #[test]
    fn headcount_and_concerned_territories() {
        let (c, _) = parse_config(
            "organisation:\n  nom: x\nterritoires: [Lille, Maubeuge]\n",
            None,
        );
        let reunions = vec![
            meeting(
                &c,
                "reunions/a.yaml",
                "titre: A\ndate: 2022-03-03\nmodalite: visio\nterritoires: [Maubeuge, Lille]\nparticipants:\n  - fonction: a\n    territoire: Lille\n  - structure: Cités\n    nombre: 13\nexcuses:\n  - structure: b\n    nombre: 2\n",
            ),
            meeting(
                &c,
                "reunions/b.yaml",
                "titre: B\ndate: 2022-04-06\nmodalite: visio\neffectif: 30\nparticipants:\n  - fonction: a\n",
            ),
        ];
        assert_eq!(headcount(&reunions[0]), 14);
        assert_eq!(headcount(&reunions[1]), 30);
        let p = presence(&c, &reunions, &Filter::default());
        assert_eq!((p.reunions[0].participants, p.reunions[0].excuses), (14, 2));
        assert_eq!(p.reunions[1].participants, 30);
        assert_eq!(p.reunions[0].territoires, ["Lille"]);
        assert_eq!(p.reunions[0].concernes, ["Lille", "Maubeuge"]);
        // Maubeuge: concerned, never represented.
        let maubeuge = &p.territoires[1];
        assert_eq!((maubeuge.reunions.len(), maubeuge.concernee.len()), (0, 1));
        // Lille: represented, so not counted as only concerned.
        assert_eq!(p.territoires[0].concernee.len(), 0);
    }
}

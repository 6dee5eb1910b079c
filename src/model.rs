//! The meeting record once read and checked: plain typed values, territories
//! already resolved to their canonical names, dates already parsed.

use crate::diagnostic::Pos;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// How people attended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Modalite {
    /// Everyone in the same room.
    Presentiel,
    /// Everyone online.
    Visio,
    /// Both.
    Hybride,
}

impl Modalite {
    /// Every value, in the order they are listed to users.
    pub const ALL: [Modalite; 3] = [Modalite::Presentiel, Modalite::Visio, Modalite::Hybride];

    /// The value as written in a record.
    pub fn as_str(self) -> &'static str {
        match self {
            Modalite::Presentiel => "presentiel",
            Modalite::Visio => "visio",
            Modalite::Hybride => "hybride",
        }
    }

    /// As the minutes say it: « En présentiel ».
    pub fn label(self) -> &'static str {
        match self {
            Modalite::Presentiel => "En présentiel",
            Modalite::Visio => "En visio",
            Modalite::Hybride => "Hybride",
        }
    }

    /// Reads what people type: `Visio`, `présentiel`, `en visio`, `distanciel`…
    pub fn parse(text: &str) -> Option<Modalite> {
        match crate::text::fold(text).as_str() {
            "presentiel" | "en presentiel" | "sur place" => Some(Modalite::Presentiel),
            "visio" | "en visio" | "visioconference" | "en visioconference" | "distanciel"
            | "a distance" | "en ligne" => Some(Modalite::Visio),
            "hybride" | "mixte" | "en hybride" => Some(Modalite::Hybride),
            _ => None,
        }
    }
}

/// How far the write-up of a practice has gone.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum Statut {
    /// Told at a meeting, not written up yet.
    #[default]
    ADocumenter,
    /// A fiche expérience is being written.
    FicheEnCours,
    /// The fiche is published.
    FichePubliee,
}

impl Statut {
    /// Every value, in the order of the write-up.
    pub const ALL: [Statut; 3] = [
        Statut::ADocumenter,
        Statut::FicheEnCours,
        Statut::FichePubliee,
    ];

    /// The value as written in a record.
    pub fn as_str(self) -> &'static str {
        match self {
            Statut::ADocumenter => "a_documenter",
            Statut::FicheEnCours => "fiche_en_cours",
            Statut::FichePubliee => "fiche_publiee",
        }
    }

    /// In words, for the minutes.
    pub fn label(self) -> &'static str {
        match self {
            Statut::ADocumenter => "À documenter",
            Statut::FicheEnCours => "Fiche en cours",
            Statut::FichePubliee => "Fiche publiée",
        }
    }

    /// Reads `a_documenter`, `à documenter`, `Fiche publiée`…
    pub fn parse(text: &str) -> Option<Statut> {
        match crate::text::fold(text).as_str() {
            "a documenter" => Some(Statut::ADocumenter),
            "fiche en cours" => Some(Statut::FicheEnCours),
            "fiche publiee" => Some(Statut::FichePubliee),
            _ => None,
        }
    }
}

/// Someone who attended (or sent apologies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// Their role: « Cheffe de projet opérationnel ».
    pub fonction: Option<String>,
    /// Their organisation: « Cité éducative du sud de Lille ».
    pub structure: Option<String>,
    /// Canonical territory name, when given.
    pub territoire: Option<String>,
    /// Their name: personal data, published only on request.
    pub nom: Option<String>,
}

/// One item of the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// Heading of the item.
    pub titre: String,
    /// Markdown body; `None` when nothing was said.
    pub contenu: Option<String>,
}

/// An inspiring local practice told at the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// Stable id, explicit or derived from territory and title.
    pub id: String,
    /// Whether the id was written in the record.
    pub id_explicite: bool,
    /// Where the id (or, without one, the action) is in the file.
    #[serde(with = "crate::cache::pos")]
    pub id_pos: Pos,
    /// Canonical territory name.
    pub territoire: String,
    /// Title of the practice.
    pub titre: String,
    /// Who carries it.
    pub porteur: Option<String>,
    /// Markdown description.
    pub description: Option<String>,
    /// Themes, canonical spelling when the vocabulary is declared.
    pub thematiques: Vec<String>,
    /// Who it is for.
    pub publics: Vec<String>,
    /// State of its write-up.
    pub statut: Statut,
    /// The fiche expérience, as far as it is written.
    pub redaction: Redaction,
}

/// The write-up of a practice for its fiche expérience: every field is
/// optional and Markdown, filled in meeting after meeting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Redaction {
    /// Why the practice started: the situation, the needs.
    pub contexte: Option<String>,
    /// What it aims at.
    pub objectifs: Option<String>,
    /// Who works on it (one Markdown text each).
    pub partenaires: Vec<String>,
    /// People, money, places, tools.
    pub moyens: Option<String>,
    /// What came of it.
    pub resultats: Option<String>,
    /// What made it work.
    pub facteurs_de_reussite: Option<String>,
    /// What to watch for when doing it elsewhere.
    pub points_de_vigilance: Option<String>,
    /// Whom to ask: personal data, published only on request, like `nom`.
    pub contact: Option<String>,
}

/// A follow-up promised at the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suite {
    /// Stable id: written by `reunion new` when a follow-up is carried over,
    /// else derived from the meeting's date and `quoi`.
    pub id: String,
    /// Whether the id was written in the record.
    pub id_explicite: bool,
    /// What is to be done.
    pub quoi: String,
    /// Who does it.
    pub qui: Option<String>,
    /// By when.
    pub echeance: Option<NaiveDate>,
    /// Whether it is done.
    pub fait: bool,
    /// Field path of the follow-up in its file (`suites[2]`).
    pub chemin: String,
    /// Where `qui` is written, if it is.
    #[serde(with = "crate::cache::pos_option")]
    pub qui_pos: Option<Pos>,
    /// Where `echeance` is written, if it is.
    #[serde(with = "crate::cache::pos_option")]
    pub echeance_pos: Option<Pos>,
}

/// The meeting announced at the end of the minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProchaineReunion {
    /// Its date.
    pub date: NaiveDate,
    /// Start time, when known.
    pub debut: Option<NaiveTime>,
    /// End time, when known.
    pub fin: Option<NaiveTime>,
    /// How people will attend.
    pub modalite: Option<Modalite>,
    /// Where.
    pub lieu: Option<String>,
    /// A note: « Un lien sera communiqué ultérieurement. »
    pub note: Option<String>,
}

/// One meeting, read from one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reunion {
    /// Path of the record relative to the folder, with `/` separators.
    pub fichier: String,
    /// Title of the meeting.
    pub titre: String,
    /// Its date.
    pub date: NaiveDate,
    /// Start time.
    pub debut: Option<NaiveTime>,
    /// End time.
    pub fin: Option<NaiveTime>,
    /// How people attended.
    pub modalite: Modalite,
    /// Where.
    pub lieu: Option<String>,
    /// Id of the network, declared in `reunion.yaml`.
    pub reseau: Option<String>,
    /// Aims of the meeting (Markdown).
    pub objectifs: Vec<String>,
    /// Who came.
    pub participants: Vec<Participant>,
    /// Who sent apologies.
    pub excuses: Vec<Participant>,
    /// The « météo du jour » (Markdown).
    pub meteo: Option<String>,
    /// The agenda, in order.
    pub points: Vec<Point>,
    /// Practices told.
    pub actions: Vec<Action>,
    /// Follow-ups.
    pub suites: Vec<Suite>,
    /// Next meeting.
    pub prochaine_reunion: Option<ProchaineReunion>,
}

impl Reunion {
    /// The file name without its folder and extension: the page name.
    pub fn stem(&self) -> &str {
        let name = self.fichier.rsplit('/').next().unwrap_or(&self.fichier);
        name.rsplit_once('.').map_or(name, |(stem, _)| stem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modalite_is_read_as_typed() {
        assert_eq!(Modalite::parse("Visio"), Some(Modalite::Visio));
        assert_eq!(Modalite::parse("présentiel"), Some(Modalite::Presentiel));
        assert_eq!(Modalite::parse("En présentiel"), Some(Modalite::Presentiel));
        assert_eq!(Modalite::parse("HYBRIDE"), Some(Modalite::Hybride));
        assert_eq!(Modalite::parse("téléphone"), None);
    }

    #[test]
    fn statut_is_read_as_typed() {
        assert_eq!(Statut::parse("a_documenter"), Some(Statut::ADocumenter));
        assert_eq!(Statut::parse("Fiche publiée"), Some(Statut::FichePubliee));
        assert_eq!(Statut::parse("fiche-en-cours"), Some(Statut::FicheEnCours));
        assert_eq!(Statut::parse("publiée"), None);
    }

    #[test]
    fn stem() {
        let mut r = sample();
        r.fichier = "reunions/2022/2022-03-03-rencontre.yaml".into();
        assert_eq!(r.stem(), "2022-03-03-rencontre");
    }

    fn sample() -> Reunion {
        Reunion {
            fichier: String::new(),
            titre: "t".into(),
            date: NaiveDate::from_ymd_opt(2022, 3, 3).unwrap(),
            debut: None,
            fin: None,
            modalite: Modalite::Visio,
            lieu: None,
            reseau: None,
            objectifs: vec![],
            participants: vec![],
            excuses: vec![],
            meteo: None,
            points: vec![],
            actions: vec![],
            suites: vec![],
            prochaine_reunion: None,
        }
    }
}

//! The meeting record once read and checked: plain typed values, territories
//! already resolved to their canonical names, dates already parsed.

pub mod fiche;
pub mod internal;
pub mod keys;
pub mod people;

pub use fiche::Redaction;
pub mod referential;

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

/// How far the minutes have gone: a draft, sent out, or approved at a
/// later meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Etat {
    /// A draft, open to corrections.
    Projet,
    /// Sent to the participants.
    Diffuse,
    /// Approved, usually at the next meeting.
    Approuve,
}

impl Etat {
    /// Every value, in the life of the minutes.
    pub const ALL: [Etat; 3] = [Etat::Projet, Etat::Diffuse, Etat::Approuve];

    /// The value as written in a record.
    pub fn as_str(self) -> &'static str {
        match self {
            Etat::Projet => "projet",
            Etat::Diffuse => "diffuse",
            Etat::Approuve => "approuve",
        }
    }

    /// Reads `projet`, `diffusé`, `Approuvé`…
    pub fn parse(text: &str) -> Option<Etat> {
        match crate::text::fold(text).as_str() {
            "projet" | "brouillon" => Some(Etat::Projet),
            "diffuse" => Some(Etat::Diffuse),
            "approuve" => Some(Etat::Approuve),
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
    /// Canonical names of the territories they stand for (`territoire:`
    /// for one, `territoires:` for several), in the order written.
    pub territoires: Vec<String>,
    /// Their name: personal data, published only on request.
    pub nom: Option<String>,
    /// How many people the entry stands for (« 13 cités »); `None` is one.
    pub nombre: Option<u32>,
}

/// One item of the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// Heading of the item.
    pub titre: String,
    /// Markdown body; `None` when nothing was said.
    pub contenu: Option<String>,
    /// Who presented or spoke.
    pub intervenants: Vec<Participant>,
    /// Decisions taken on this point.
    pub decisions: Vec<Decision>,
    /// Left out of public outputs (`interne: true`).
    pub interne: bool,
}

/// A decision taken at the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// What was decided.
    pub quoi: String,
    /// The vote, when there was one.
    pub vote: Option<Vote>,
    /// Left out of public outputs (`interne: true`).
    pub interne: bool,
}

/// The counts of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Vote {
    /// Votes for.
    pub pour: u32,
    /// Votes against.
    pub contre: u32,
    /// Abstentions.
    pub abstention: u32,
}

impl Vote {
    /// As the minutes say it: « pour 12, contre 0, abstention 1 ».
    pub fn label(&self) -> String {
        format!(
            "pour {}, contre {}, abstention {}",
            self.pour, self.contre, self.abstention
        )
    }
}

/// An inspiring local practice told at the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// Stable id, explicit or derived from territory and title.
    pub id: String,
    /// Whether the id was written in the record.
    pub id_explicite: bool,
    /// Where the id (or, without one, the action) is in the file.
    #[serde(with = "crate::diagnostic::pos")]
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
    /// Left out of public outputs (`interne: true`).
    pub interne: bool,
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
    /// Left out of public outputs (`interne: true`).
    pub interne: bool,
    /// Field path of the follow-up in its file (`suites[2]`).
    pub chemin: String,
    /// Where `qui` is written, if it is.
    #[serde(with = "crate::diagnostic::pos_option")]
    pub qui_pos: Option<Pos>,
    /// Where `echeance` is written, if it is.
    #[serde(with = "crate::diagnostic::pos_option")]
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
    /// The kind of meeting, as a noun (« comité de pilotage »); `None`
    /// is a « rencontre ».
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Number of the minutes: « Compte rendu n° 2 ».
    pub numero: Option<u32>,
    /// State of the minutes; `None` shows no state.
    pub etat: Option<Etat>,
    /// When the minutes were approved (only with `etat: approuve`).
    pub approuve_le: Option<NaiveDate>,
    /// Who wrote the minutes.
    pub redaction: Option<Participant>,
    /// The organisations that held the meeting with ours.
    pub co_organisateurs: Vec<String>,
    /// Canonical names of the territories the meeting is about.
    pub territoires: Vec<String>,
    /// How many people came, when the list is partial or absent.
    pub effectif: Option<u32>,
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
    /// Who was expected and neither came nor sent apologies.
    pub absents: Vec<Participant>,
    /// The « météo du jour » (Markdown).
    pub meteo: Option<String>,
    /// The agenda as announced, when it differs from the points treated.
    pub ordre_du_jour: Vec<String>,
    /// The agenda, in order.
    pub points: Vec<Point>,
    /// Decisions not tied to one point.
    pub decisions: Vec<Decision>,
    /// Practices told.
    pub actions: Vec<Action>,
    /// Follow-ups.
    pub suites: Vec<Suite>,
    /// Next meeting.
    pub prochaine_reunion: Option<ProchaineReunion>,
}

/// The kind of meeting a record without `type` is.
pub const DEFAULT_KIND: &str = "rencontre";

impl Reunion {
    /// The kind of meeting, as a noun: `type`, else [`DEFAULT_KIND`].
    pub fn kind_name(&self) -> &str {
        self.kind.as_deref().unwrap_or(DEFAULT_KIND)
    }

    /// Every decision of the meeting: those of its points, in order, with
    /// their point, then those not tied to a point.
    pub fn all_decisions(&self) -> impl Iterator<Item = (Option<&Point>, &Decision)> {
        self.points
            .iter()
            .flat_map(|p| p.decisions.iter().map(move |d| (Some(p), d)))
            .chain(self.decisions.iter().map(|d| (None, d)))
    }

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
    fn etat_is_read_as_typed() {
        assert_eq!(Etat::parse("Approuvé"), Some(Etat::Approuve));
        assert_eq!(Etat::parse("diffusé"), Some(Etat::Diffuse));
        assert_eq!(Etat::parse("projet"), Some(Etat::Projet));
        assert_eq!(Etat::parse("validé"), None);
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
            kind: None,
            numero: None,
            etat: None,
            approuve_le: None,
            redaction: None,
            co_organisateurs: vec![],
            territoires: vec![],
            effectif: None,
            date: NaiveDate::from_ymd_opt(2022, 3, 3).unwrap(),
            debut: None,
            fin: None,
            modalite: Modalite::Visio,
            lieu: None,
            reseau: None,
            objectifs: vec![],
            participants: vec![],
            excuses: vec![],
            absents: vec![],
            meteo: None,
            ordre_du_jour: vec![],
            points: vec![],
            decisions: vec![],
            actions: vec![],
            suites: vec![],
            prochaine_reunion: None,
        }
    }
}

//! The views templates receive, as serialisable values: their field names
//! are the template variables (French), listed for template authors in
//! `docs/modeles.md`.

use crate::dates::{long_date, medium_date};
use chrono::NaiveDate;
use serde::Serialize;

/// What the publication includes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Publication {
    /// Participants' names are published (`--avec-noms`).
    pub avec_noms: bool,
    /// Parts marked `interne: true` are published (`--interne`).
    pub interne: bool,
}

/// The same on every page: who publishes.
#[derive(Debug, Clone, Serialize)]
pub struct SiteVue {
    /// Name of the organisation.
    pub organisation: String,
    /// The logo, relative to the site root (`assets/logo.svg`), if any.
    pub logo: Option<String>,
    /// Published with `--interne`: pages say they are not for the public.
    pub interne: bool,
}

/// A date, in the forms pages need.
#[derive(Debug, Clone, Serialize)]
pub struct DateVue {
    /// `2022-03-03`, for `<time datetime>` and sorting.
    pub iso: String,
    /// « jeudi 3 mars 2022 ».
    pub longue: String,
    /// « 3 mars 2022 ».
    pub courte: String,
}

impl DateVue {
    pub(crate) fn new(date: NaiveDate) -> DateVue {
        DateVue {
            iso: date.format("%Y-%m-%d").to_string(),
            longue: long_date(date),
            courte: medium_date(date),
        }
    }
}

/// A link to a meeting.
#[derive(Debug, Clone, Serialize)]
pub struct ReunionLien {
    /// Page path from the site root, without extension
    /// (`reunions/2022-03-03-rencontre-regionale`).
    pub lien: String,
    /// Title of the meeting.
    pub titre: String,
    /// Its date.
    pub date: DateVue,
}

/// A meeting in the index.
#[derive(Debug, Clone, Serialize)]
pub struct ReunionResume {
    /// Page path from the site root, without extension.
    pub lien: String,
    /// Title.
    pub titre: String,
    /// Date.
    pub date: DateVue,
    /// « En présentiel », « En visio », « Hybride ».
    pub modalite: String,
    /// Full name of the network, if any.
    pub reseau: Option<String>,
    /// How many actions were told.
    pub nombre_actions: usize,
}

/// Someone who came or sent apologies.
#[derive(Debug, Clone, Serialize)]
pub struct Personne {
    /// Name: present only when the publication includes names.
    pub nom: Option<String>,
    /// Role.
    pub fonction: Option<String>,
    /// Organisation.
    pub structure: Option<String>,
    /// Canonical territories, joined by « , »: kept for templates written
    /// when a participant had only one.
    pub territoire: Option<String>,
    /// Canonical territories, one per item.
    pub territoires: Vec<String>,
    /// How many people the entry stands for, when it is a group.
    pub nombre: Option<u32>,
    /// « Cheffe de projet opérationnel, Cité éducative du sud de Lille »:
    /// fonction and structure, never the name.
    pub libelle: String,
}

/// One item of the agenda.
#[derive(Debug, Clone, Serialize)]
pub struct PointVue {
    /// Heading.
    pub titre: String,
    /// A fragment id for in-page links (`point-2`).
    pub ancre: String,
    /// Markdown; `none` when the minutes hold no text for it (which does
    /// not mean nothing was said: templates then write nothing).
    pub contenu: Option<String>,
    /// Who presented or spoke.
    pub intervenants: Vec<Personne>,
    /// Decisions taken on this point.
    pub decisions: Vec<DecisionVue>,
    /// Marked `interne: true`: present only on a site published with
    /// `--interne`, where templates mark it.
    pub interne: bool,
}

/// A decision.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionVue {
    /// What was decided (plain text).
    pub quoi: String,
    /// « pour 12, contre 0, abstention 1 », when there was a vote.
    pub vote: Option<String>,
    /// Title of its point; `none` for a decision of the whole meeting.
    pub point: Option<String>,
    /// Fragment id of its point (`point-2`), when it has one.
    pub ancre_point: Option<String>,
    /// Marked `interne: true`: present only on a site published with
    /// `--interne`, where templates mark it.
    pub interne: bool,
}

/// A decision on the site's list, with its meeting.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionSite {
    /// The meeting.
    pub reunion: ReunionLien,
    /// The decision, with its point.
    #[serde(flatten)]
    pub decision: DecisionVue,
}

/// The state of the minutes.
#[derive(Debug, Clone, Serialize)]
pub struct EtatVue {
    /// `projet`, `diffuse`, `approuve`: for CSS classes.
    pub code: &'static str,
    /// « Projet de compte rendu », « Diffusé », « Approuvé le 6 avril 2022 ».
    pub libelle: String,
}

/// The statut of an action.
#[derive(Debug, Clone, Serialize)]
pub struct StatutVue {
    /// `a_documenter`, `fiche_en_cours`, `fiche_publiee`: for CSS classes.
    pub code: &'static str,
    /// « À documenter », « Fiche en cours », « Fiche publiée ».
    pub libelle: &'static str,
}

/// An action à valoriser.
#[derive(Debug, Clone, Serialize)]
pub struct ActionVue {
    /// Stable id.
    pub id: String,
    /// Title.
    pub titre: String,
    /// Canonical territory.
    pub territoire: String,
    /// Page of the territory, from the site root, without extension.
    pub lien_territoire: String,
    /// Who carries it.
    pub porteur: Option<String>,
    /// Markdown description.
    pub description: Option<String>,
    /// Themes.
    pub thematiques: Vec<String>,
    /// Who it is for.
    pub publics: Vec<String>,
    /// State of its write-up.
    pub statut: StatutVue,
    /// The meeting where it was told.
    pub reunion: ReunionLien,
    /// Page of its fiche expérience, from the site root, without extension,
    /// when the site has one (latest statut `fiche_en_cours` or
    /// `fiche_publiee`).
    pub fiche: Option<String>,
    /// Marked `interne: true`: present only on a site published with
    /// `--interne`, where templates mark it.
    pub interne: bool,
}

/// Actions of one territory.
#[derive(Debug, Clone, Serialize)]
pub struct GroupeTerritoire {
    /// Canonical name.
    pub nom: String,
    /// A fragment id for in-page links (`lille`).
    pub ancre: String,
    /// Page of the territory, from the site root, without extension.
    pub lien: String,
    /// Its actions.
    pub actions: Vec<ActionVue>,
}

/// A follow-up.
#[derive(Debug, Clone, Serialize)]
pub struct SuiteVue {
    /// What.
    pub quoi: String,
    /// Who.
    pub qui: Option<String>,
    /// By when.
    pub echeance: Option<DateVue>,
    /// Whether it is done.
    pub fait: bool,
    /// « Faite » or « À faire ».
    pub etat: &'static str,
    /// Marked `interne: true`: present only on a site published with
    /// `--interne`, where templates mark it.
    pub interne: bool,
}

/// The next meeting.
#[derive(Debug, Clone, Serialize)]
pub struct ProchaineVue {
    /// Date.
    pub date: DateVue,
    /// « de 9 h 30 à 12 h 30 », if known.
    pub horaires: Option<String>,
    /// « en visio », lower case, to follow a comma.
    pub modalite: Option<String>,
    /// Where.
    pub lieu: Option<String>,
    /// Markdown note.
    pub note: Option<String>,
    /// « mercredi 6 avril 2022, en visio »: date, horaires, modalité, lieu.
    pub resume: String,
}

/// A whole compte rendu.
#[derive(Debug, Clone, Serialize)]
pub struct CompteRendu {
    /// Page path from the site root, without extension.
    pub lien: String,
    /// Title.
    pub titre: String,
    /// Date.
    pub date: DateVue,
    /// The kind of meeting: `type`, else « rencontre ».
    pub type_reunion: String,
    /// The kind after « de »: « du comité de pilotage », « de la rencontre ».
    pub de_type: String,
    /// Number of the minutes.
    pub numero: Option<u32>,
    /// State of the minutes, when given.
    pub etat: Option<EtatVue>,
    /// Who wrote the minutes.
    pub redaction: Option<Personne>,
    /// Organisations that held the meeting with ours.
    pub co_organisateurs: Vec<String>,
    /// Territories the meeting is about.
    pub territoires: Vec<String>,
    /// `effectif`: how many people came, when the minutes say it.
    pub effectif: Option<u32>,
    /// How many people came, as every count of the site has it: `effectif`,
    /// else the people listed (`analysis::presence::headcount`).
    pub nombre_participants: u32,
    /// « de 9 h 30 à 12 h 30 », if known.
    pub horaires: Option<String>,
    /// « En présentiel »…
    pub modalite: String,
    /// Where.
    pub lieu: Option<String>,
    /// Full name of the network.
    pub reseau: Option<String>,
    /// Aims (Markdown each).
    pub objectifs: Vec<String>,
    /// Who came.
    pub participants: Vec<Personne>,
    /// Who sent apologies.
    pub excuses: Vec<Personne>,
    /// Who was expected and neither came nor sent apologies.
    pub absents: Vec<Personne>,
    /// Météo du jour (Markdown).
    pub meteo: Option<String>,
    /// The agenda as announced (plain text each), when given.
    pub ordre_du_jour: Vec<String>,
    /// The points, as treated.
    pub points: Vec<PointVue>,
    /// Decisions not tied to one point.
    pub decisions: Vec<DecisionVue>,
    /// Every decision: those of the points, in order, then the others.
    pub releve_decisions: Vec<DecisionVue>,
    /// Actions, by territory in the order they were told.
    pub actions: Vec<GroupeTerritoire>,
    /// Follow-ups, in the record's order.
    pub suites: Vec<SuiteVue>,
    /// The next meeting.
    pub prochaine: Option<ProchaineVue>,
    /// The meeting before, on the site (none when printed alone).
    pub precedente: Option<ReunionLien>,
    /// The meeting after, on the site.
    pub suivante: Option<ReunionLien>,
}

/// A territory in lists.
#[derive(Debug, Clone, Serialize)]
pub struct TerritoireResume {
    /// Canonical name.
    pub nom: String,
    /// Page path from the site root, without extension.
    pub lien: String,
    /// Its practices: an action followed over several meetings counts once
    /// (`analysis::territories::practice_counts`).
    pub nombre_actions: usize,
}

/// The actions of a territory told at one meeting.
#[derive(Debug, Clone, Serialize)]
pub struct Rencontre {
    /// The meeting.
    pub reunion: ReunionLien,
    /// What the territory told there.
    pub actions: Vec<ActionVue>,
}

/// A territory page.
#[derive(Debug, Clone, Serialize)]
pub struct TerritoireVue {
    /// Canonical name.
    pub nom: String,
    /// Page path from the site root, without extension.
    pub lien: String,
    /// Its practices, counted as on the index.
    pub nombre_actions: usize,
    /// Meetings where it told actions, newest first.
    pub rencontres: Vec<Rencontre>,
}

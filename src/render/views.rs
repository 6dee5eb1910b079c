//! What templates see: small serialisable views built from the model, with
//! every date already written in French, every statut in words, every link
//! computed. Templates never receive the model itself, so a template cannot
//! reach data it is not meant to publish: names (`nom`) are in a view only
//! when the publication asked for them.
//!
//! Markdown fields are passed as Markdown; the templates turn them into the
//! page's language with the `markdown` filter (see `templates.rs`). Every
//! other text is plain text, escaped for the page's language by tera.
//! `docs/modeles.md` lists these variables for template authors.

use crate::config::Config;
use crate::dates::{french_time, long_date, medium_date};
use crate::model::{Action, Modalite, Participant, ProchaineReunion, Reunion, Statut, Suite};
use crate::text::slug;
use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// What the publication includes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Publication {
    /// Participants' names are published (`--avec-noms`).
    pub avec_noms: bool,
}

/// The same on every page: who publishes.
#[derive(Debug, Clone, Serialize)]
pub struct SiteVue {
    /// Name of the organisation.
    pub organisation: String,
    /// The logo, relative to the site root (`assets/logo.svg`), if any.
    pub logo: Option<String>,
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
    /// Canonical territory.
    pub territoire: Option<String>,
    /// « Cheffe de projet opérationnel, Cité éducative du sud de Lille »:
    /// fonction and structure, never the name.
    pub libelle: String,
}

/// One item of the agenda.
#[derive(Debug, Clone, Serialize)]
pub struct PointVue {
    /// Heading.
    pub titre: String,
    /// Markdown; `none` when nothing was said (templates then write
    /// « Pas d'élément »).
    pub contenu: Option<String>,
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
    /// Météo du jour (Markdown).
    pub meteo: Option<String>,
    /// The agenda.
    pub points: Vec<PointVue>,
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
    /// Actions told across all meetings.
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
    /// Number of actions.
    pub nombre_actions: usize,
    /// Meetings where it told actions, newest first.
    pub rencontres: Vec<Rencontre>,
}

/// Percent-encodes one path segment, so that a record named
/// `2022-03-03 bilan #1.yaml` still gives a working link.
fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn horaires(debut: Option<NaiveTime>, fin: Option<NaiveTime>) -> Option<String> {
    match (debut, fin) {
        (Some(d), Some(f)) => Some(format!("de {} à {}", french_time(d), french_time(f))),
        (Some(d), None) => Some(format!("à partir de {}", french_time(d))),
        (None, Some(f)) => Some(format!("jusqu'à {}", french_time(f))),
        (None, None) => None,
    }
}

fn modalite_minuscule(m: Modalite) -> &'static str {
    match m {
        Modalite::Presentiel => "en présentiel",
        Modalite::Visio => "en visio",
        Modalite::Hybride => "en format hybride",
    }
}

pub(crate) fn statut(s: Statut) -> StatutVue {
    StatutVue {
        code: s.as_str(),
        libelle: s.label(),
    }
}

/// File names of every page, decided once for the whole site so that links
/// and files agree and two records or territories never share a page.
#[derive(Debug, Clone, Default)]
pub struct Pages {
    /// Record file (`Reunion::fichier`) → file name without extension.
    reunions: HashMap<String, String>,
    /// Canonical territory name → file name without extension.
    territoires: HashMap<String, String>,
    /// Action ids that have a fiche page (`fiches/<id>`): ids are already
    /// lower-case slugs, unique in the folder, so they are the file names.
    fiches: HashMap<String, String>,
}

fn unique(base: String, taken: &mut BTreeMap<String, ()>) -> String {
    let base = if base.is_empty() {
        "page".to_string()
    } else {
        base
    };
    let mut name = base.clone();
    let mut n = 2;
    while taken.contains_key(&name.to_lowercase()) {
        name = format!("{base}-{n}");
        n += 1;
    }
    // Compared without case: two pages differing only by case would be one
    // file on macOS and Windows.
    taken.insert(name.to_lowercase(), ());
    name
}

/// Longest record file name kept as a page name: with a `-2` and `.html`
/// added, it stays far below the 255 bytes file systems allow.
const PAGE_NAME_MAX: usize = 120;

/// The page name of a record file: its stem, unless that could not be a
/// visible file name on every system or a link target without surprise (a
/// leading dot, `\\`, `:`, `<`, `>`, `"`, `|`, `?`, `*`, a control or
/// reordering character, a trailing dot or space, more than
/// [`PAGE_NAME_MAX`] bytes); then its slug. A file named `..\\..\\x.yaml`,
/// `<script>.yaml` or `.htaccess.yaml` cannot name a page that escapes its
/// folder, hides, or reads differently from what it is.
fn page_name(stem: &str) -> String {
    let plain = !stem.is_empty()
        && !stem.starts_with('.')
        && !stem.ends_with(['.', ' '])
        && stem.len() <= PAGE_NAME_MAX
        && !stem.chars().any(|c| {
            matches!(c, '/' | '\\' | ':' | '<' | '>' | '"' | '|' | '?' | '*')
                || c.is_control()
                || crate::yaml::forbidden_char(c).is_some()
        });
    if plain { stem.to_string() } else { slug(stem) }
}

impl Pages {
    /// Names pages after record stems and territory slugs.
    pub fn new(reunions: &[Reunion], config: &Config) -> Pages {
        let mut pages = Pages::default();
        let mut taken = BTreeMap::new();
        for r in reunions {
            let name = unique(page_name(r.stem()), &mut taken);
            pages.reunions.insert(r.fichier.clone(), name);
        }
        let mut taken = BTreeMap::new();
        for t in config.territoires.all() {
            let name = unique(slug(&t.nom), &mut taken);
            pages.territoires.insert(t.nom.clone(), name);
        }
        // Ids are checked plain names already; the same rule as for meeting
        // pages still applies, so that no id can make an empty or hidden
        // file name (found by the `render` fuzz target on a hand-built
        // model).
        let mut taken = BTreeMap::new();
        for f in crate::fiche::published(reunions) {
            let name = unique(page_name(&f.id), &mut taken);
            pages.fiches.insert(f.id, name);
        }
        pages
    }

    /// Page of the fiche of action `id`, when the site has one.
    pub fn fiche_lien(&self, id: &str) -> Option<String> {
        self.fiches
            .get(id)
            .map(|name| format!("fiches/{}", encode_segment(name)))
    }

    /// File name (no extension) of the fiche of action `id`.
    pub fn fiche_file(&self, id: &str) -> String {
        self.fiches.get(id).cloned().unwrap_or_else(|| {
            let name = page_name(id);
            if name.is_empty() {
                "fiche".to_string()
            } else {
                name
            }
        })
    }

    /// File name (no extension) of a meeting's page.
    pub fn reunion_file(&self, r: &Reunion) -> String {
        self.reunions
            .get(&r.fichier)
            .cloned()
            .unwrap_or_else(|| page_name(r.stem()))
    }

    /// File name (no extension) of a territory's page.
    pub fn territoire_file(&self, nom: &str) -> String {
        self.territoires
            .get(nom)
            .cloned()
            .unwrap_or_else(|| slug(nom))
    }

    pub(crate) fn reunion_lien(&self, r: &Reunion) -> String {
        format!("reunions/{}", encode_segment(&self.reunion_file(r)))
    }

    pub(crate) fn territoire_lien(&self, nom: &str) -> String {
        format!("territoires/{}", encode_segment(&self.territoire_file(nom)))
    }
}

/// Builds views from the model.
pub struct Views<'a> {
    config: &'a Config,
    pages: &'a Pages,
    publication: Publication,
}

impl<'a> Views<'a> {
    /// Views for one publication.
    pub fn new(config: &'a Config, pages: &'a Pages, publication: Publication) -> Self {
        Views {
            config,
            pages,
            publication,
        }
    }

    /// The site's page names.
    pub fn pages(&self) -> &Pages {
        self.pages
    }

    /// What the publication includes.
    pub fn publication(&self) -> Publication {
        self.publication
    }

    fn reseau(&self, r: &Reunion) -> Option<String> {
        r.reseau
            .as_ref()
            .map(|id| self.config.reseau(id).map_or(id.clone(), |n| n.nom.clone()))
    }

    /// A link to a meeting.
    pub fn lien(&self, r: &Reunion) -> ReunionLien {
        ReunionLien {
            lien: self.pages.reunion_lien(r),
            titre: r.titre.clone(),
            date: DateVue::new(r.date),
        }
    }

    /// A meeting in the index.
    pub fn resume(&self, r: &Reunion) -> ReunionResume {
        ReunionResume {
            lien: self.pages.reunion_lien(r),
            titre: r.titre.clone(),
            date: DateVue::new(r.date),
            modalite: r.modalite.label().to_string(),
            reseau: self.reseau(r),
            nombre_actions: r.actions.len(),
        }
    }

    fn personne(&self, p: &Participant) -> Personne {
        let libelle = [p.fonction.as_deref(), p.structure.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        Personne {
            nom: p.nom.clone().filter(|_| self.publication.avec_noms),
            fonction: p.fonction.clone(),
            structure: p.structure.clone(),
            territoire: p.territoire.clone(),
            libelle,
        }
    }

    /// An action, with the meeting it was told at.
    pub fn action(&self, a: &Action, r: &Reunion) -> ActionVue {
        ActionVue {
            id: a.id.clone(),
            titre: a.titre.clone(),
            territoire: a.territoire.clone(),
            lien_territoire: self.pages.territoire_lien(&a.territoire),
            porteur: a.porteur.clone(),
            description: a
                .description
                .clone()
                .filter(|d| !super::markdown::is_blank(d)),
            thematiques: a.thematiques.clone(),
            publics: a.publics.clone(),
            statut: statut(a.statut),
            reunion: self.lien(r),
            fiche: self.pages.fiche_lien(&a.id),
        }
    }

    fn suite(s: &Suite) -> SuiteVue {
        SuiteVue {
            quoi: s.quoi.clone(),
            qui: s.qui.clone(),
            echeance: s.echeance.map(DateVue::new),
            fait: s.fait,
            etat: if s.fait { "Faite" } else { "À faire" },
        }
    }

    fn prochaine(n: &ProchaineReunion) -> ProchaineVue {
        let horaires = horaires(n.debut, n.fin);
        let modalite = n.modalite.map(|m| modalite_minuscule(m).to_string());
        let mut resume = long_date(n.date);
        for part in [&horaires, &modalite].into_iter().flatten() {
            resume.push_str(", ");
            resume.push_str(part);
        }
        if let Some(lieu) = &n.lieu {
            resume.push_str(&format!(" ({lieu})"));
        }
        ProchaineVue {
            date: DateVue::new(n.date),
            horaires,
            modalite,
            lieu: n.lieu.clone(),
            note: n.note.clone().filter(|t| !super::markdown::is_blank(t)),
            resume,
        }
    }

    /// A compte rendu; `voisines` are the meetings before and after it on
    /// the site, when there is a site.
    pub fn compte_rendu(
        &self,
        r: &Reunion,
        voisines: (Option<&Reunion>, Option<&Reunion>),
    ) -> CompteRendu {
        // Territories in the order they spoke, as the minutes tell it.
        let mut groupes: Vec<GroupeTerritoire> = Vec::new();
        for a in &r.actions {
            let view = self.action(a, r);
            match groupes.iter_mut().find(|g| g.nom == a.territoire) {
                Some(g) => g.actions.push(view),
                None => groupes.push(GroupeTerritoire {
                    nom: a.territoire.clone(),
                    ancre: self.pages.territoire_file(&a.territoire),
                    lien: self.pages.territoire_lien(&a.territoire),
                    actions: vec![view],
                }),
            }
        }
        CompteRendu {
            lien: self.pages.reunion_lien(r),
            titre: r.titre.clone(),
            date: DateVue::new(r.date),
            horaires: horaires(r.debut, r.fin),
            modalite: r.modalite.label().to_string(),
            lieu: r.lieu.clone(),
            reseau: self.reseau(r),
            objectifs: r
                .objectifs
                .iter()
                .filter(|o| !super::markdown::is_blank(o))
                .cloned()
                .collect(),
            participants: r.participants.iter().map(|p| self.personne(p)).collect(),
            excuses: r.excuses.iter().map(|p| self.personne(p)).collect(),
            meteo: r.meteo.clone().filter(|m| !super::markdown::is_blank(m)),
            points: r
                .points
                .iter()
                .map(|p| PointVue {
                    titre: p.titre.clone(),
                    contenu: p.contenu.clone().filter(|c| !super::markdown::is_blank(c)),
                })
                .collect(),
            actions: groupes,
            suites: r.suites.iter().map(Self::suite).collect(),
            prochaine: r.prochaine_reunion.as_ref().map(Self::prochaine),
            precedente: voisines.0.map(|p| self.lien(p)),
            suivante: voisines.1.map(|n| self.lien(n)),
        }
    }

    /// Every territory of the referential, with its count of actions.
    pub fn territoires(&self, reunions: &[Reunion]) -> Vec<TerritoireResume> {
        self.config
            .territoires
            .all()
            .iter()
            .map(|t| TerritoireResume {
                nom: t.nom.clone(),
                lien: self.pages.territoire_lien(&t.nom),
                nombre_actions: reunions
                    .iter()
                    .flat_map(|r| &r.actions)
                    .filter(|a| a.territoire == t.nom)
                    .count(),
            })
            .collect()
    }

    /// The page of one territory: its actions, meeting by meeting, newest
    /// first. `reunions` are sorted oldest first, as the folder gives them.
    pub fn territoire(&self, nom: &str, reunions: &[Reunion]) -> TerritoireVue {
        let rencontres: Vec<Rencontre> = reunions
            .iter()
            .rev()
            .filter_map(|r| {
                let actions: Vec<ActionVue> = r
                    .actions
                    .iter()
                    .filter(|a| a.territoire == nom)
                    .map(|a| self.action(a, r))
                    .collect();
                (!actions.is_empty()).then(|| Rencontre {
                    reunion: self.lien(r),
                    actions,
                })
            })
            .collect();
        TerritoireVue {
            nom: nom.to_string(),
            lien: self.pages.territoire_lien(nom),
            nombre_actions: rencontres.iter().map(|r| r.actions.len()).sum(),
            rencontres,
        }
    }

    /// Every action, by territory (in the referential's order), newest
    /// first within each; territories without actions are left out.
    pub fn actions_par_territoire(&self, reunions: &[Reunion]) -> Vec<GroupeTerritoire> {
        self.config
            .territoires
            .all()
            .iter()
            .filter_map(|t| {
                let actions: Vec<ActionVue> = reunions
                    .iter()
                    .rev()
                    .flat_map(|r| {
                        r.actions
                            .iter()
                            .filter(|a| a.territoire == t.nom)
                            .map(move |a| (a, r))
                    })
                    .map(|(a, r)| self.action(a, r))
                    .collect();
                (!actions.is_empty()).then(|| GroupeTerritoire {
                    nom: t.nom.clone(),
                    ancre: self.pages.territoire_file(&t.nom),
                    lien: self.pages.territoire_lien(&t.nom),
                    actions,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_config;

    #[test]
    fn fiche_file_names_are_never_empty_nor_hidden() {
        // Found by the `render` fuzz target: an empty id gave `fiches/.html`.
        let pages = Pages::default();
        assert_eq!(pages.fiche_file(""), "fiche");
        assert_eq!(pages.fiche_file(".."), "fiche");
        assert_eq!(pages.fiche_file(".x"), "x");
        assert_eq!(pages.fiche_file("lille-gpds"), "lille-gpds");
    }

    #[test]
    fn page_names_are_plain_whatever_the_file_name() {
        assert_eq!(page_name("2022-03-03-rencontre"), "2022-03-03-rencontre");
        assert_eq!(page_name("..\\..\\x"), "x");
        assert_eq!(page_name(".."), "");
        assert_eq!(page_name(".htaccess"), "htaccess");
        assert_eq!(page_name("2022-03-03-<script>"), "2022-03-03-script");
        assert_eq!(page_name("2022-03-03-\u{202E}lmth"), "2022-03-03-lmth");
        // Found by the `render` fuzz target: a tab or a line break in a
        // file name is allowed by the system, not in a published page name.
        assert_eq!(
            page_name("2022-03-03-tab\tulation"),
            "2022-03-03-tab-ulation"
        );
        assert_eq!(page_name("2022-03-03-a\nb"), "2022-03-03-a-b");
        assert!(page_name(&"a".repeat(250)).len() <= 60);
        // An empty name still gets a page of its own.
        let mut taken = BTreeMap::new();
        assert_eq!(unique(page_name(".."), &mut taken), "page");
    }

    const CONFIG: &str = "organisation:\n  nom: IREV\nterritoires: [Lille, Maubeuge]\nreseaux:\n  - id: ce\n    nom: Réseau des cités éducatives\n";

    fn meeting(fichier: &str, text: &str, config: &Config) -> Reunion {
        crate::record::valid_record(fichier, text, config)
    }

    #[test]
    fn names_only_on_request() {
        let (config, _) = parse_config(CONFIG, None);
        let r = meeting(
            "reunions/2022-03-03-a.yaml",
            "titre: A\ndate: 2022-03-03\nmodalite: visio\nparticipants:\n  - fonction: Cheffe de projet\n    structure: Cité éducative\n    nom: Marie Curie\n",
            &config,
        );
        let pages = Pages::new(std::slice::from_ref(&r), &config);
        let sans =
            Views::new(&config, &pages, Publication::default()).compte_rendu(&r, (None, None));
        assert_eq!(sans.participants[0].nom, None);
        assert_eq!(
            sans.participants[0].libelle,
            "Cheffe de projet, Cité éducative"
        );
        let json = serde_json::to_string(&sans).unwrap();
        assert!(!json.contains("Curie"), "{json}");
        let avec = Views::new(&config, &pages, Publication { avec_noms: true })
            .compte_rendu(&r, (None, None));
        assert_eq!(avec.participants[0].nom.as_deref(), Some("Marie Curie"));
    }

    #[test]
    fn next_meeting_in_words() {
        let (config, _) = parse_config(CONFIG, None);
        let r = meeting(
            "reunions/2022-03-03-a.yaml",
            "titre: A\ndate: 2022-03-03\ndebut: '9:30'\nmodalite: presentiel\nprochaine_reunion:\n  date: 2022-04-06\n  modalite: visio\n  note: Un lien suivra.\n",
            &config,
        );
        let pages = Pages::new(std::slice::from_ref(&r), &config);
        let cr = Views::new(&config, &pages, Publication::default()).compte_rendu(&r, (None, None));
        assert_eq!(cr.date.longue, "jeudi 3 mars 2022");
        assert_eq!(cr.horaires.as_deref(), Some("à partir de 9 h 30"));
        let next = cr.prochaine.unwrap();
        assert_eq!(next.resume, "mercredi 6 avril 2022, en visio");
        assert_eq!(next.note.as_deref(), Some("Un lien suivra."));
    }

    #[test]
    fn pages_never_collide() {
        let (config, _) = parse_config(
            "organisation:\n  nom: x\nterritoires: [\"Saint-Omer\", \"Saint Omer (ville)\"]\n",
            None,
        );
        let a = meeting(
            "reunions/2022/2022-03-03-bilan #1.yaml",
            "titre: A\ndate: 2022-03-03\nmodalite: visio\n",
            &config,
        );
        let b = meeting(
            "reunions/2023/2022-03-03-BILAN #1.yaml",
            "titre: B\ndate: 2022-03-03\nmodalite: visio\n",
            &config,
        );
        let pages = Pages::new(&[a.clone(), b.clone()], &config);
        assert_eq!(pages.reunion_file(&a), "2022-03-03-bilan #1");
        assert_eq!(pages.reunion_file(&b), "2022-03-03-BILAN #1-2");
        assert_eq!(pages.reunion_lien(&a), "reunions/2022-03-03-bilan%20%231");
        assert_eq!(pages.territoire_file("Saint-Omer"), "saint-omer");
        assert_eq!(
            pages.territoire_file("Saint Omer (ville)"),
            "saint-omer-ville"
        );
    }
}

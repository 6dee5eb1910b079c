//! Questions asked of the actions of a folder: which practices match the
//! filters of `reunion actions`, in which order, and the counts per territory
//! and statut. Built from plain values so the core never sees clap.
//!
//! Every value the user types that names something of the configuration
//! (territory, thématique, statut, réseau) is resolved here, and an unknown one
//! is an error carrying the nearest known value: an empty list must mean
//! "nothing there", never "misspelt".

use crate::config::Config;
use crate::dates::{DateError, parse_date};
use crate::model::{Action, Reunion, Statut};
use crate::text::{contains_all_words, fold, suggest};
use chrono::NaiveDate;
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::fmt;

/// The filters as typed, before they are checked against the folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Demande {
    /// Territory names or aliases, in any case and accents (OR between them).
    pub territoires: Vec<String>,
    /// Thématiques (OR between them).
    pub thematiques: Vec<String>,
    /// Publics, matched by words (OR between them).
    pub publics: Vec<String>,
    /// Statuts, as written in records or in words (OR between them).
    pub statuts: Vec<String>,
    /// Id or name of a network.
    pub reseau: Option<String>,
    /// First day, `AAAA-MM-JJ`, inclusive.
    pub depuis: Option<String>,
    /// Last day, `AAAA-MM-JJ`, inclusive.
    pub jusqu_au: Option<String>,
    /// Words that must all be found in the titre, description, porteur or
    /// thématiques.
    pub texte: Option<String>,
}

/// What kind of value was not recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Critere {
    /// `--territoire`.
    Territoire,
    /// `--thematique`.
    Thematique,
    /// `--statut`.
    Statut,
    /// `--reseau`.
    Reseau,
}

impl Critere {
    fn nom(self) -> &'static str {
        match self {
            Critere::Territoire => "territoire inconnu",
            Critere::Thematique => "thématique inconnue",
            Critere::Statut => "statut inconnu",
            Critere::Reseau => "réseau inconnu",
        }
    }

    fn connus(self) -> &'static str {
        match self {
            Critere::Territoire => "territoires connus",
            Critere::Thematique => "thématiques connues",
            Critere::Statut => "valeurs possibles",
            Critere::Reseau => "réseaux déclarés",
        }
    }
}

/// Why the filters cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FiltreError {
    /// A value that names nothing known.
    Inconnu {
        /// Which filter.
        critere: Critere,
        /// What the user typed.
        saisi: String,
        /// The nearest known value, when one is close enough.
        suggestion: Option<String>,
        /// Every known value, for the help line when there is no suggestion.
        connus: Vec<String>,
    },
    /// A date that cannot be read.
    Date {
        /// The option: `--depuis` or `--jusqu-au`.
        option: &'static str,
        /// Why.
        erreur: DateError,
    },
    /// `--depuis` after `--jusqu-au`: nothing could ever match.
    PeriodeVide {
        /// First day asked.
        depuis: NaiveDate,
        /// Last day asked.
        jusqu_au: NaiveDate,
    },
    /// `--texte` with no letter or digit: it would match everything.
    TexteVide,
}

impl fmt::Display for FiltreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FiltreError::Inconnu { critere, saisi, .. } => {
                write!(f, "{} « {} »", critere.nom(), saisi.trim())
            }
            FiltreError::Date { option, erreur } => write!(f, "{option} : {}", erreur.message),
            FiltreError::PeriodeVide { depuis, jusqu_au } => write!(
                f,
                "période vide : --depuis {depuis} est après --jusqu-au {jusqu_au}"
            ),
            FiltreError::TexteVide => f.write_str("--texte ne contient aucun mot"),
        }
    }
}

impl std::error::Error for FiltreError {}

impl FiltreError {
    /// What to do about it, in French.
    pub fn help(&self) -> Option<String> {
        match self {
            FiltreError::Inconnu {
                critere,
                suggestion: Some(s),
                connus,
                ..
            } => Some(match critere {
                // A closed list: said whole, as everywhere else.
                Critere::Statut => format!(
                    "vouliez-vous dire « {s} » ? valeurs possibles : {}",
                    connus.join(", ")
                ),
                Critere::Territoire => format!(
                    "vouliez-vous dire « {s} » ? (reunion territoires liste les territoires et leurs alias)"
                ),
                _ => format!("vouliez-vous dire « {s} » ?"),
            }),
            FiltreError::Inconnu {
                critere, connus, ..
            } if connus.is_empty() => Some(match critere {
                Critere::Territoire => {
                    "aucun territoire n'est déclaré dans reunion.yaml (clé « territoires: »)".into()
                }
                Critere::Reseau => {
                    "aucun réseau n'est déclaré dans reunion.yaml (clé « reseaux: »)".into()
                }
                _ => "aucune action n'a de thématique".into(),
            }),
            FiltreError::Inconnu {
                critere, connus, ..
            } => Some(format!("{} : {}", critere.connus(), connus.join(", "))),
            FiltreError::Date { erreur, .. } => Some(erreur.help.clone()),
            FiltreError::PeriodeVide { .. } => {
                Some("échangez les deux dates, ou retirez l'une d'elles".into())
            }
            FiltreError::TexteVide => {
                Some("donnez au moins un mot à chercher, par exemple --texte décrochage".into())
            }
        }
    }
}

/// The filters once checked: canonical values only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filtres {
    /// Canonical territory names; empty means every territory.
    pub territoires: BTreeSet<String>,
    /// Folded thématiques; empty means any.
    thematiques: BTreeSet<String>,
    /// Publics, as typed (matched by folded words).
    publics: Vec<String>,
    /// Statuts; empty means any.
    pub statuts: BTreeSet<Statut>,
    /// Network id.
    pub reseau: Option<String>,
    /// First day, inclusive.
    pub depuis: Option<NaiveDate>,
    /// Last day, inclusive.
    pub jusqu_au: Option<NaiveDate>,
    /// Words to find.
    texte: Option<String>,
}

fn unknown(
    critere: Critere,
    saisi: &str,
    suggestion: Option<&str>,
    connus: Vec<String>,
) -> FiltreError {
    FiltreError::Inconnu {
        critere,
        saisi: saisi.to_string(),
        suggestion: suggestion.map(str::to_string),
        connus,
    }
}

fn date(option: &'static str, text: Option<&String>) -> Result<Option<NaiveDate>, FiltreError> {
    text.map(|t| parse_date(t).map_err(|erreur| FiltreError::Date { option, erreur }))
        .transpose()
}

impl Filtres {
    /// Checks every value against the configuration and, for thématiques
    /// when no vocabulary is declared, against those used in the records.
    pub fn new(
        demande: &Demande,
        config: &Config,
        reunions: &[Reunion],
    ) -> Result<Filtres, FiltreError> {
        let mut filtres = Filtres::default();
        for t in &demande.territoires {
            match config.territoires.resolve(t) {
                Some(found) => {
                    filtres.territoires.insert(found.nom.clone());
                }
                None => {
                    let connus = config
                        .territoires
                        .all()
                        .iter()
                        .map(|t| t.nom.clone())
                        .collect();
                    return Err(unknown(
                        Critere::Territoire,
                        t,
                        config.territoires.nearest(t),
                        connus,
                    ));
                }
            }
        }

        // Without a declared vocabulary, the known thématiques are those the
        // records use; either way the comparison ignores case and accents.
        let known_themes: Vec<String> = match &config.thematiques {
            Some(list) => list.clone(),
            None => {
                let mut seen = BTreeSet::new();
                let mut list = Vec::new();
                for a in reunions.iter().flat_map(|r| &r.actions) {
                    for t in &a.thematiques {
                        if seen.insert(fold(t)) {
                            list.push(t.clone());
                        }
                    }
                }
                list.sort_by_key(|t| fold(t));
                list
            }
        };
        for t in &demande.thematiques {
            let key = fold(t);
            if known_themes.iter().any(|k| fold(k) == key) {
                filtres.thematiques.insert(key);
            } else {
                let suggestion = suggest(t, known_themes.iter().map(String::as_str));
                return Err(unknown(
                    Critere::Thematique,
                    t,
                    suggestion,
                    known_themes.clone(),
                ));
            }
        }

        for s in &demande.statuts {
            match Statut::parse(s) {
                Some(statut) => {
                    filtres.statuts.insert(statut);
                }
                None => {
                    let spellings = Statut::ALL
                        .iter()
                        .flat_map(|s| [s.as_str(), s.label()])
                        .collect::<Vec<_>>();
                    let suggestion = suggest(s, spellings.iter().copied())
                        .and_then(Statut::parse)
                        .map(Statut::as_str);
                    let connus = Statut::ALL.iter().map(|s| s.as_str().to_string()).collect();
                    return Err(unknown(Critere::Statut, s, suggestion, connus));
                }
            }
        }

        if let Some(r) = &demande.reseau {
            let key = fold(r);
            match config
                .reseaux
                .iter()
                .find(|x| fold(&x.id) == key || fold(&x.nom) == key)
            {
                Some(found) => filtres.reseau = Some(found.id.clone()),
                None => {
                    let spellings = config
                        .reseaux
                        .iter()
                        .flat_map(|x| [x.id.as_str(), x.nom.as_str()]);
                    // The suggestion is always given as the id, which is what
                    // records and this option are written with.
                    let suggestion = suggest(r, spellings).and_then(|s| {
                        config
                            .reseaux
                            .iter()
                            .find(|x| x.id == s || x.nom == s)
                            .map(|x| x.id.as_str())
                    });
                    let connus = config.reseaux.iter().map(|x| x.id.clone()).collect();
                    return Err(unknown(Critere::Reseau, r, suggestion, connus));
                }
            }
        }

        filtres.depuis = date("--depuis", demande.depuis.as_ref())?;
        filtres.jusqu_au = date("--jusqu-au", demande.jusqu_au.as_ref())?;
        if let (Some(depuis), Some(jusqu_au)) = (filtres.depuis, filtres.jusqu_au)
            && depuis > jusqu_au
        {
            return Err(FiltreError::PeriodeVide { depuis, jusqu_au });
        }

        if let Some(texte) = &demande.texte {
            if fold(texte).is_empty() {
                return Err(FiltreError::TexteVide);
            }
            filtres.texte = Some(texte.clone());
        }
        // A public with no word would match every action: it is dropped.
        filtres.publics = demande
            .publics
            .iter()
            .filter(|p| !fold(p).is_empty())
            .cloned()
            .collect();
        Ok(filtres)
    }

    /// Whether the meeting is in the period and the network asked.
    pub fn garde_reunion(&self, reunion: &Reunion) -> bool {
        self.depuis.is_none_or(|d| reunion.date >= d)
            && self.jusqu_au.is_none_or(|d| reunion.date <= d)
            && self
                .reseau
                .as_ref()
                .is_none_or(|id| reunion.reseau.as_deref() == Some(id.as_str()))
    }

    /// Whether the action matches every filter about the action itself.
    pub fn garde_action(&self, action: &Action) -> bool {
        let territoire =
            self.territoires.is_empty() || self.territoires.contains(&action.territoire);
        let statut = self.statuts.is_empty() || self.statuts.contains(&action.statut);
        let theme = self.thematiques.is_empty()
            || action
                .thematiques
                .iter()
                .any(|t| self.thematiques.contains(&fold(t)));
        let public = self.publics.is_empty()
            || self.publics.iter().any(|p| {
                action
                    .publics
                    .iter()
                    .any(|x| contains_all_words(&fold(x), p))
            });
        let texte = self.texte.as_ref().is_none_or(|words| {
            let mut haystack = vec![action.titre.as_str()];
            haystack.extend(action.description.as_deref());
            haystack.extend(action.porteur.as_deref());
            haystack.extend(action.thematiques.iter().map(String::as_str));
            // Joined with a space, so no folded word can straddle two fields.
            contains_all_words(&fold(&haystack.join(" ")), words)
        });
        territoire && statut && theme && public && texte
    }
}

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
    filtres: &Filtres,
    derniere: bool,
    tri: Tri,
) -> Vec<Ligne<'a>> {
    let mut lignes: Vec<Ligne<'a>> = reunions
        .iter()
        .filter(|r| filtres.garde_reunion(r))
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
        lignes = latest_only(lignes);
    }
    lignes.retain(|l| filtres.garde_action(l.action));
    sort(&mut lignes, tri);
    lignes
}

/// Keeps, for each id, the occurrence of the latest meeting (by date, then
/// file name, the order of the folder).
fn latest_only(lignes: Vec<Ligne<'_>>) -> Vec<Ligne<'_>> {
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

/// How many ids of the list appear more than once: what `--derniere` would
/// fold together.
pub fn repeated_ids(lignes: &[Ligne<'_>]) -> usize {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in lignes {
        *counts.entry(l.action.id.as_str()).or_default() += 1;
    }
    counts.values().filter(|&&n| n > 1).count()
}

/// Counts for one territory (or the total): one per statut, in the order of
/// [`Statut::ALL`], and their sum.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comptes {
    /// By statut, in the order of [`Statut::ALL`].
    pub par_statut: [usize; Statut::ALL.len()],
    /// Sum of them.
    pub total: usize,
}

impl Comptes {
    fn add(&mut self, statut: Statut) {
        let i = Statut::ALL
            .iter()
            .position(|s| *s == statut)
            .unwrap_or_default();
        self.par_statut[i] += 1;
        self.total += 1;
    }

    /// The count for one statut.
    pub fn get(&self, statut: Statut) -> usize {
        Statut::ALL
            .iter()
            .position(|s| *s == statut)
            .map_or(0, |i| self.par_statut[i])
    }
}

/// Counts per territory and statut, with totals.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synthese {
    /// One row per territory, in the order of the referential.
    pub territoires: Vec<(String, Comptes)>,
    /// All territories together.
    pub total: Comptes,
}

/// Counts the lines per territory and statut. Rows are the territories of
/// the referential (only those filtered on, when `--territoire` was given),
/// zeros included: a territory with nothing to show is part of the picture.
pub fn synthese(lignes: &[Ligne<'_>], config: &Config, filtres: &Filtres) -> Synthese {
    let mut rows: Vec<(String, Comptes)> = config
        .territoires
        .all()
        .iter()
        .filter(|t| filtres.territoires.is_empty() || filtres.territoires.contains(&t.nom))
        .map(|t| (t.nom.clone(), Comptes::default()))
        .collect();
    let mut total = Comptes::default();
    for l in lignes {
        let i = match rows.iter().position(|(t, _)| *t == l.action.territoire) {
            Some(i) => i,
            // Cannot happen with resolved records; kept so no action is lost.
            None => {
                rows.push((l.action.territoire.clone(), Comptes::default()));
                rows.len() - 1
            }
        };
        rows[i].1.add(l.action.statut);
        total.add(l.action.statut);
    }
    Synthese {
        territoires: rows,
        total,
    }
}

/// What `reunion territoires` shows for one territory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatTerritoire {
    /// Canonical name.
    pub nom: String,
    /// Other spellings.
    pub alias: Vec<String>,
    /// Meetings where a participant of the territory came, or where one of
    /// its actions was told.
    pub reunions: usize,
    /// Distinct action ids: a practice followed over several meetings
    /// counts once.
    pub actions: usize,
}

/// Per territory of the referential, in its order: aliases, meetings where
/// it was represented, distinct actions.
pub fn territoires(config: &Config, reunions: &[Reunion]) -> Vec<StatTerritoire> {
    config
        .territoires
        .all()
        .iter()
        .map(|t| {
            let present = |r: &&Reunion| {
                r.participants
                    .iter()
                    .any(|p| p.territoire.as_deref() == Some(t.nom.as_str()))
                    || r.actions.iter().any(|a| a.territoire == t.nom)
            };
            let ids: BTreeSet<&str> = reunions
                .iter()
                .flat_map(|r| &r.actions)
                .filter(|a| a.territoire == t.nom)
                .map(|a| a.id.as_str())
                .collect();
            StatTerritoire {
                nom: t.nom.clone(),
                alias: t.alias.clone(),
                reunions: reunions.iter().filter(present).count(),
                actions: ids.len(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_config;

    const CONFIG: &str = "organisation:\n  nom: IREV\nterritoires:\n  - nom: Lille\n    alias: [Lille Sud]\n  - Maubeuge\n  - nom: Valenciennes-Anzin\n    alias: [Valencienne/Anzin]\nreseaux:\n  - id: cites-educatives\n    nom: Cités éducatives\n  - id: pre\n    nom: Programmes de réussite éducative\n";

    fn config() -> Config {
        let (c, d) = parse_config(CONFIG, None);
        assert!(d.is_empty(), "{d:?}");
        c
    }

    fn meeting(config: &Config, fichier: &str, text: &str) -> Reunion {
        crate::record::valid_record(fichier, text, config)
    }

    fn folder() -> (Config, Vec<Reunion>) {
        let c = config();
        let a = meeting(
            &c,
            "reunions/2022-03-03-a.yaml",
            "titre: A\ndate: 2022-03-03\nmodalite: visio\nreseau: cites-educatives\nparticipants:\n  - fonction: cheffe\n    territoire: lille sud\nactions:\n  - id: passerelle\n    territoire: Lille\n    titre: Passerelle EJE\n    porteur: Cité éducative\n    thematiques: [petite enfance]\n    publics: [Parents d'élèves]\n  - territoire: maubeuge\n    titre: Prévention du décrochage\n    statut: fiche_en_cours\n",
        );
        let b = meeting(
            &c,
            "reunions/2022-06-10-b.yaml",
            "titre: B\ndate: 2022-06-10\nmodalite: visio\nreseau: pre\nactions:\n  - id: passerelle\n    territoire: LILLE\n    titre: Passerelle EJE (suite)\n    statut: fiche_publiee\n    thematiques: [Petite enfance, numérique]\n",
        );
        (c, vec![a, b])
    }

    fn ids(lignes: &[Ligne<'_>]) -> Vec<(String, String)> {
        lignes
            .iter()
            .map(|l| (l.reunion.date.to_string(), l.action.id.clone()))
            .collect()
    }

    fn ask(demande: Demande, derniere: bool, tri: Tri) -> Vec<(String, String)> {
        let (c, reunions) = folder();
        let f = Filtres::new(&demande, &c, &reunions).unwrap();
        ids(&selection(&reunions, &f, derniere, tri))
    }

    fn pair(d: &str, id: &str) -> (String, String) {
        (d.to_string(), id.to_string())
    }

    #[test]
    fn newest_first_and_every_occurrence() {
        assert_eq!(
            ask(Demande::default(), false, Tri::Date),
            vec![
                pair("2022-06-10", "passerelle"),
                pair("2022-03-03", "passerelle"),
                pair("2022-03-03", "maubeuge-prevention-du-decrochage"),
            ]
        );
    }

    #[test]
    fn latest_state_then_filters() {
        let d = Demande {
            statuts: vec!["a_documenter".into()],
            ..Demande::default()
        };
        // The practice is published by June: its March state is not listed.
        assert_eq!(ask(d.clone(), true, Tri::Date), vec![]);
        assert_eq!(
            ask(d, false, Tri::Date),
            vec![pair("2022-03-03", "passerelle")]
        );
        // The latest state within the period asked.
        let d = Demande {
            jusqu_au: Some("2022-05-01".into()),
            territoires: vec!["lille".into()],
            ..Demande::default()
        };
        assert_eq!(
            ask(d, true, Tri::Date),
            vec![pair("2022-03-03", "passerelle")]
        );
    }

    #[test]
    fn or_within_and_between() {
        let d = Demande {
            territoires: vec!["Lille-Sud".into(), "MAUBEUGE".into()],
            statuts: vec!["Fiche en cours".into(), "fiche_publiee".into()],
            ..Demande::default()
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
        let d = Demande {
            texte: Some("DECROCHAGE prévention".into()),
            ..Demande::default()
        };
        assert_eq!(
            ask(d, false, Tri::Date),
            vec![pair("2022-03-03", "maubeuge-prevention-du-decrochage")]
        );
        let d = Demande {
            texte: Some("cite numerique".into()),
            ..Demande::default()
        };
        // « cité » is in the porteur of March, « numérique » only in June.
        assert_eq!(ask(d, false, Tri::Date), vec![]);
        let d = Demande {
            texte: Some("passerelle enfance".into()),
            ..Demande::default()
        };
        assert_eq!(ask(d, false, Tri::Date).len(), 2);
    }

    #[test]
    fn themes_publics_network_period() {
        let theme = Demande {
            thematiques: vec!["Numerique".into()],
            ..Demande::default()
        };
        assert_eq!(
            ask(theme, false, Tri::Date),
            vec![pair("2022-06-10", "passerelle")]
        );
        let public = Demande {
            publics: vec!["parents".into()],
            ..Demande::default()
        };
        assert_eq!(
            ask(public, false, Tri::Date),
            vec![pair("2022-03-03", "passerelle")]
        );
        let reseau = Demande {
            reseau: Some("Programmes de réussite éducative".into()),
            ..Demande::default()
        };
        assert_eq!(
            ask(reseau, false, Tri::Date),
            vec![pair("2022-06-10", "passerelle")]
        );
        let inclusive = Demande {
            depuis: Some("2022-03-03".into()),
            jusqu_au: Some("2022-03-03".into()),
            ..Demande::default()
        };
        assert_eq!(ask(inclusive, false, Tri::Date).len(), 2);
    }

    #[test]
    fn sorts_are_total() {
        assert_eq!(
            ask(Demande::default(), false, Tri::Territoire),
            vec![
                pair("2022-06-10", "passerelle"),
                pair("2022-03-03", "passerelle"),
                pair("2022-03-03", "maubeuge-prevention-du-decrochage"),
            ]
        );
        assert_eq!(
            ask(Demande::default(), false, Tri::Titre),
            vec![
                pair("2022-03-03", "passerelle"),
                pair("2022-06-10", "passerelle"),
                pair("2022-03-03", "maubeuge-prevention-du-decrochage"),
            ]
        );
    }

    fn error(demande: Demande) -> FiltreError {
        let (c, reunions) = folder();
        Filtres::new(&demande, &c, &reunions).unwrap_err()
    }

    #[test]
    fn unknown_values_suggest_the_nearest() {
        let e = error(Demande {
            territoires: vec!["Lile".into()],
            ..Demande::default()
        });
        assert_eq!(e.to_string(), "territoire inconnu « Lile »");
        assert!(
            e.help()
                .unwrap()
                .starts_with("vouliez-vous dire « Lille » ?")
        );

        let e = error(Demande {
            thematiques: vec!["numerik".into()],
            ..Demande::default()
        });
        assert_eq!(e.help().unwrap(), "vouliez-vous dire « numérique » ?");

        let e = error(Demande {
            statuts: vec!["publiee".into()],
            ..Demande::default()
        });
        assert_eq!(
            e.help().unwrap(),
            "vouliez-vous dire « fiche_publiee » ? valeurs possibles : a_documenter, fiche_en_cours, fiche_publiee"
        );

        let e = error(Demande {
            reseau: Some("cite-educative".into()),
            ..Demande::default()
        });
        assert_eq!(
            e.help().unwrap(),
            "vouliez-vous dire « cites-educatives » ?"
        );

        let e = error(Demande {
            territoires: vec!["Strasbourg".into()],
            ..Demande::default()
        });
        assert_eq!(
            e.help().unwrap(),
            "territoires connus : Lille, Maubeuge, Valenciennes-Anzin"
        );
    }

    #[test]
    fn dates_and_text_are_checked() {
        assert!(matches!(
            error(Demande {
                depuis: Some("03/03/2022".into()),
                ..Demande::default()
            }),
            FiltreError::Date {
                option: "--depuis",
                ..
            }
        ));
        assert!(matches!(
            error(Demande {
                depuis: Some("2023-01-01".into()),
                jusqu_au: Some("2022-01-01".into()),
                ..Demande::default()
            }),
            FiltreError::PeriodeVide { .. }
        ));
        assert_eq!(
            error(Demande {
                texte: Some(" !! ".into()),
                ..Demande::default()
            }),
            FiltreError::TexteVide
        );
    }

    #[test]
    fn counts_per_territory_and_statut() {
        let (c, reunions) = folder();
        let f = Filtres::default();
        let lignes = selection(&reunions, &f, false, Tri::Date);
        assert_eq!(repeated_ids(&lignes), 1);
        let s = synthese(&lignes, &c, &f);
        let names: Vec<_> = s.territoires.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["Lille", "Maubeuge", "Valenciennes-Anzin"]);
        assert_eq!(s.territoires[0].1.par_statut, [1, 0, 1]);
        assert_eq!(s.territoires[1].1.get(Statut::FicheEnCours), 1);
        assert_eq!(s.territoires[2].1.total, 0);
        assert_eq!(s.total.par_statut, [1, 1, 1]);
        assert_eq!(s.total.total, 3);
    }

    #[test]
    fn territory_stats() {
        let (c, reunions) = folder();
        let stats = territoires(&c, &reunions);
        assert_eq!(stats[0].nom, "Lille");
        assert_eq!(stats[0].alias, ["Lille Sud"]);
        assert_eq!((stats[0].reunions, stats[0].actions), (2, 1));
        assert_eq!((stats[1].reunions, stats[1].actions), (1, 1));
        assert_eq!((stats[2].reunions, stats[2].actions), (0, 0));
    }
}

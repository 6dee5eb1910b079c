//! The one filter of every command that selects records: the values typed
//! after `--territoire`, `--thematique`, `--public`, `--statut`, `--reseau`,
//! `--depuis`, `--jusqu-au` and `--texte`, checked once against the folder,
//! and the one definition of whether a meeting, an action or a follow-up
//! matches them. `actions`, `presence`, `suites`, `recherche` and `agenda`
//! use it, each with the options it offers.
//!
//! Every value the user types that names something of the configuration
//! (territory, thématique, statut, réseau) is resolved here, and an unknown one
//! is an error carrying the nearest known value: an empty list must mean
//! "nothing there", never "misspelt".

use crate::dates::{DateError, parse_date};
use crate::model::{Action, Reunion, Statut};
use crate::read::config::Config;
use crate::text::{contains_all_words, fold, suggest};
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::fmt;

/// The filters as typed, before they are checked against the folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterRequest {
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
    /// Words that must all be found in who carries a follow-up.
    pub qui: Option<String>,
}

/// What kind of value was not recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    /// `--territoire`.
    Territoire,
    /// `--thematique`.
    Thematique,
    /// `--statut`.
    Statut,
    /// `--reseau`.
    Reseau,
}

impl Criterion {
    fn nom(self) -> &'static str {
        match self {
            Criterion::Territoire => "territoire inconnu",
            Criterion::Thematique => "thématique inconnue",
            Criterion::Statut => "statut inconnu",
            Criterion::Reseau => "réseau inconnu",
        }
    }

    fn connus(self) -> &'static str {
        match self {
            Criterion::Territoire => "territoires connus",
            Criterion::Thematique => "thématiques connues",
            Criterion::Statut => "valeurs possibles",
            Criterion::Reseau => "réseaux déclarés",
        }
    }
}

/// Why the filters cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterError {
    /// A value that names nothing known.
    Inconnu {
        /// Which filter.
        critere: Criterion,
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

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FilterError::Inconnu { critere, saisi, .. } => {
                write!(f, "{} « {} »", critere.nom(), saisi.trim())
            }
            FilterError::Date { option, erreur } => write!(f, "{option} : {}", erreur.message),
            FilterError::PeriodeVide { depuis, jusqu_au } => write!(
                f,
                "période vide : --depuis {depuis} est après --jusqu-au {jusqu_au}"
            ),
            FilterError::TexteVide => f.write_str("--texte ne contient aucun mot"),
        }
    }
}

impl std::error::Error for FilterError {}

impl FilterError {
    /// What to do about it, in French.
    pub fn help(&self) -> Option<String> {
        match self {
            FilterError::Inconnu {
                critere,
                suggestion: Some(s),
                connus,
                ..
            } => Some(match critere {
                // A closed list: said whole, as everywhere else.
                Criterion::Statut => format!(
                    "vouliez-vous dire « {s} » ? valeurs possibles : {}",
                    connus.join(", ")
                ),
                Criterion::Territoire => format!(
                    "vouliez-vous dire « {s} » ? (reunion territoires liste les territoires et leurs alias)"
                ),
                _ => format!("vouliez-vous dire « {s} » ?"),
            }),
            FilterError::Inconnu {
                critere, connus, ..
            } if connus.is_empty() => Some(match critere {
                Criterion::Territoire => {
                    "aucun territoire n'est déclaré dans reunion.yaml (clé « territoires: »)".into()
                }
                Criterion::Reseau => {
                    "aucun réseau n'est déclaré dans reunion.yaml (clé « reseaux: »)".into()
                }
                _ => "aucune action n'a de thématique".into(),
            }),
            FilterError::Inconnu {
                critere, connus, ..
            } => Some(format!("{} : {}", critere.connus(), connus.join(", "))),
            FilterError::Date { erreur, .. } => Some(erreur.help.clone()),
            FilterError::PeriodeVide { .. } => {
                Some("échangez les deux dates, ou retirez l'une d'elles".into())
            }
            FilterError::TexteVide => {
                Some("donnez au moins un mot à chercher, par exemple --texte décrochage".into())
            }
        }
    }
}

/// The filters once checked: canonical values only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
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
    /// Folded words to find in who carries a follow-up.
    qui: Option<String>,
}

/// Whether territory `territoire` took part in the meeting: a participant
/// of it came, or one of its actions was told (by anyone).
pub fn involves(reunion: &Reunion, territoire: &str) -> bool {
    reunion
        .participants
        .iter()
        .any(|p| p.territoires.iter().any(|t| t == territoire))
        || reunion.actions.iter().any(|a| a.territoire == territoire)
}

fn unknown(
    critere: Criterion,
    saisi: &str,
    suggestion: Option<&str>,
    connus: Vec<String>,
) -> FilterError {
    FilterError::Inconnu {
        critere,
        saisi: saisi.to_string(),
        suggestion: suggestion.map(str::to_string),
        connus,
    }
}

fn date(option: &'static str, text: Option<&String>) -> Result<Option<NaiveDate>, FilterError> {
    text.map(|t| parse_date(t).map_err(|erreur| FilterError::Date { option, erreur }))
        .transpose()
}

impl Filter {
    /// Checks every value against the configuration and, for thématiques
    /// when no vocabulary is declared, against those used in the records.
    pub fn new(
        request: &FilterRequest,
        config: &Config,
        reunions: &[Reunion],
    ) -> Result<Filter, FilterError> {
        let mut filter = Filter::default();
        for t in &request.territoires {
            match config.territoires.resolve(t) {
                Some(found) => {
                    filter.territoires.insert(found.nom.clone());
                }
                None => {
                    let connus = config
                        .territoires
                        .all()
                        .iter()
                        .map(|t| t.nom.clone())
                        .collect();
                    return Err(unknown(
                        Criterion::Territoire,
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
        for t in &request.thematiques {
            let key = fold(t);
            if known_themes.iter().any(|k| fold(k) == key) {
                filter.thematiques.insert(key);
            } else {
                let suggestion = suggest(t, known_themes.iter().map(String::as_str));
                return Err(unknown(
                    Criterion::Thematique,
                    t,
                    suggestion,
                    known_themes.clone(),
                ));
            }
        }

        for s in &request.statuts {
            match Statut::parse(s) {
                Some(statut) => {
                    filter.statuts.insert(statut);
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
                    return Err(unknown(Criterion::Statut, s, suggestion, connus));
                }
            }
        }

        if let Some(r) = &request.reseau {
            let key = fold(r);
            match config
                .reseaux
                .iter()
                .find(|x| fold(&x.id) == key || fold(&x.nom) == key)
            {
                Some(found) => filter.reseau = Some(found.id.clone()),
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
                    return Err(unknown(Criterion::Reseau, r, suggestion, connus));
                }
            }
        }

        filter.depuis = date("--depuis", request.depuis.as_ref())?;
        filter.jusqu_au = date("--jusqu-au", request.jusqu_au.as_ref())?;
        if let (Some(depuis), Some(jusqu_au)) = (filter.depuis, filter.jusqu_au)
            && depuis > jusqu_au
        {
            return Err(FilterError::PeriodeVide { depuis, jusqu_au });
        }

        if let Some(texte) = &request.texte {
            if fold(texte).is_empty() {
                return Err(FilterError::TexteVide);
            }
            filter.texte = Some(texte.clone());
        }
        // A public with no word would match every action: it is dropped.
        filter.publics = request
            .publics
            .iter()
            .filter(|p| !fold(p).is_empty())
            .cloned()
            .collect();
        // Who with no word would keep every follow-up: it is dropped.
        filter.qui = request.qui.as_deref().map(fold).filter(|q| !q.is_empty());
        Ok(filter)
    }

    /// The filter of the period that starts on `day`.
    pub fn since(day: NaiveDate) -> Filter {
        Filter {
            depuis: Some(day),
            ..Filter::default()
        }
    }

    /// Whether the day is in the period asked, both ends included.
    pub fn keeps_date(&self, date: NaiveDate) -> bool {
        self.depuis.is_none_or(|d| date >= d) && self.jusqu_au.is_none_or(|d| date <= d)
    }

    /// Whether a record of the network `reseau` (an id, or none) is kept.
    pub fn keeps_network(&self, reseau: Option<&str>) -> bool {
        self.reseau.as_deref().is_none_or(|id| reseau == Some(id))
    }

    /// Whether the meeting is in the period and the network asked.
    pub fn keeps_meeting(&self, reunion: &Reunion) -> bool {
        self.keeps_date(reunion.date) && self.keeps_network(reunion.reseau.as_deref())
    }

    /// Whether something of territory `territoire` is kept (every territory
    /// when none was asked).
    pub fn keeps_territory(&self, territoire: &str) -> bool {
        self.territoires.is_empty() || self.territoires.contains(territoire)
    }

    /// Whether one of the territories asked took part in the meeting (see
    /// [`involves`]); every meeting when none was asked.
    pub fn keeps_meeting_territory(&self, reunion: &Reunion) -> bool {
        self.territoires.is_empty() || self.territoires.iter().any(|t| involves(reunion, t))
    }

    /// Whether who carries a follow-up has every word asked.
    pub fn keeps_carrier(&self, qui: Option<&str>) -> bool {
        self.qui
            .as_ref()
            .is_none_or(|q| qui.is_some_and(|qui| contains_all_words(&fold(qui), q)))
    }

    /// Whether `texts` hold every word of `--texte` (joined with a space,
    /// so no folded word straddles two of them); true without `--texte`.
    pub fn keeps_words(&self, texts: &[&str]) -> bool {
        self.texte
            .as_ref()
            .is_none_or(|words| contains_all_words(&fold(&texts.join(" ")), words))
    }

    /// Whether the action matches every filter about the action itself.
    pub fn keeps_action(&self, action: &Action) -> bool {
        let territoire = self.keeps_territory(&action.territoire);
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::read::config::parse_config;

    const CONFIG: &str = "organisation:\n  nom: IREV\nterritoires:\n  - nom: Lille\n    alias: [Lille Sud]\n  - Maubeuge\n  - nom: Valenciennes-Anzin\n    alias: [Valencienne/Anzin]\nreseaux:\n  - id: cites-educatives\n    nom: Cités éducatives\n  - id: pre\n    nom: Programmes de réussite éducative\n";

    fn config() -> Config {
        let (c, d) = parse_config(CONFIG, None);
        assert!(d.is_empty(), "{d:?}");
        c
    }

    fn meeting(config: &Config, fichier: &str, text: &str) -> Reunion {
        crate::read::record::valid_record(fichier, text, config)
    }

    pub(crate) fn folder() -> (Config, Vec<Reunion>) {
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

    fn error(request: FilterRequest) -> FilterError {
        let (c, reunions) = folder();
        Filter::new(&request, &c, &reunions).unwrap_err()
    }

    #[test]
    fn unknown_values_suggest_the_nearest() {
        let e = error(FilterRequest {
            territoires: vec!["Lile".into()],
            ..FilterRequest::default()
        });
        assert_eq!(e.to_string(), "territoire inconnu « Lile »");
        assert!(
            e.help()
                .unwrap()
                .starts_with("vouliez-vous dire « Lille » ?")
        );

        let e = error(FilterRequest {
            thematiques: vec!["numerik".into()],
            ..FilterRequest::default()
        });
        assert_eq!(e.help().unwrap(), "vouliez-vous dire « numérique » ?");

        let e = error(FilterRequest {
            statuts: vec!["publiee".into()],
            ..FilterRequest::default()
        });
        assert_eq!(
            e.help().unwrap(),
            "vouliez-vous dire « fiche_publiee » ? valeurs possibles : a_documenter, fiche_en_cours, fiche_publiee"
        );

        let e = error(FilterRequest {
            reseau: Some("cite-educative".into()),
            ..FilterRequest::default()
        });
        assert_eq!(
            e.help().unwrap(),
            "vouliez-vous dire « cites-educatives » ?"
        );

        let e = error(FilterRequest {
            territoires: vec!["Strasbourg".into()],
            ..FilterRequest::default()
        });
        assert_eq!(
            e.help().unwrap(),
            "territoires connus : Lille, Maubeuge, Valenciennes-Anzin"
        );
    }

    #[test]
    fn dates_and_text_are_checked() {
        assert!(matches!(
            error(FilterRequest {
                depuis: Some("03/03/2022".into()),
                ..FilterRequest::default()
            }),
            FilterError::Date {
                option: "--depuis",
                ..
            }
        ));
        assert!(matches!(
            error(FilterRequest {
                depuis: Some("2023-01-01".into()),
                jusqu_au: Some("2022-01-01".into()),
                ..FilterRequest::default()
            }),
            FilterError::PeriodeVide { .. }
        ));
        assert_eq!(
            error(FilterRequest {
                texte: Some(" !! ".into()),
                ..FilterRequest::default()
            }),
            FilterError::TexteVide
        );
    }
}

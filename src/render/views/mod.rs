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

pub mod chart;
pub mod follow;
pub mod pages;
pub mod values;

pub use pages::Pages;
pub use values::{
    ActionVue, CompteRendu, DateVue, DecisionSite, DecisionVue, EtatVue, GroupeTerritoire,
    Personne, PointVue, ProchaineVue, Publication, Rencontre, ReunionLien, ReunionResume, SiteVue,
    StatutVue, SuiteVue, TerritoireResume, TerritoireVue,
};

use crate::dates::{french_time, long_date};
use crate::model::{
    Action, Decision, Etat, Modalite, Participant, Point, ProchaineReunion, Reunion, Statut, Suite,
};
use crate::read::config::Config;
use chrono::NaiveTime;

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

/// The state of the minutes in words.
fn etat(r: &Reunion) -> Option<EtatVue> {
    let e = r.etat?;
    let libelle = match (e, r.approuve_le) {
        (Etat::Projet, _) => "Projet de compte rendu".to_string(),
        (Etat::Diffuse, _) => "Diffusé".to_string(),
        (Etat::Approuve, Some(d)) => format!("Approuvé le {}", crate::dates::medium_date(d)),
        (Etat::Approuve, None) => "Approuvé".to_string(),
    };
    Some(EtatVue {
        code: e.as_str(),
        libelle,
    })
}

/// The fragment id of the `index`th point (from 0).
fn point_anchor(index: usize) -> String {
    format!("point-{}", index + 1)
}

/// A decision, with its point when it has one.
pub(crate) fn decision(d: &Decision, point: Option<(usize, &Point)>) -> DecisionVue {
    DecisionVue {
        quoi: d.quoi.clone(),
        vote: d.vote.map(|v| v.label()),
        point: point.map(|(_, p)| p.titre.clone()),
        ancre_point: point.map(|(i, _)| point_anchor(i)),
        interne: d.interne,
    }
}

pub(crate) fn statut(s: Statut) -> StatutVue {
    StatutVue {
        code: s.as_str(),
        libelle: s.label(),
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

    pub(crate) fn personne(&self, p: &Participant) -> Personne {
        let libelle = [p.fonction.as_deref(), p.structure.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        Personne {
            nom: p.nom.clone().filter(|_| self.publication.avec_noms),
            fonction: p.fonction.clone(),
            structure: p.structure.clone(),
            territoire: (!p.territoires.is_empty()).then(|| p.territoires.join(", ")),
            territoires: p.territoires.clone(),
            nombre: p.nombre,
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
                .filter(|d| !crate::render::markdown::is_blank(d)),
            thematiques: a.thematiques.clone(),
            publics: a.publics.clone(),
            statut: statut(a.statut),
            reunion: self.lien(r),
            fiche: self.pages.fiche_lien(&a.id),
            interne: a.interne,
        }
    }

    fn suite(s: &Suite) -> SuiteVue {
        SuiteVue {
            quoi: s.quoi.clone(),
            qui: s.qui.clone(),
            echeance: s.echeance.map(DateVue::new),
            fait: s.fait,
            etat: if s.fait { "Faite" } else { "À faire" },
            interne: s.interne,
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
            note: n
                .note
                .clone()
                .filter(|t| !crate::render::markdown::is_blank(t)),
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
            type_reunion: r.kind_name().to_string(),
            de_type: crate::text::of_noun(r.kind_name()),
            numero: r.numero,
            etat: etat(r),
            redaction: r.redaction.as_ref().map(|p| self.personne(p)),
            co_organisateurs: r.co_organisateurs.clone(),
            territoires: r.territoires.clone(),
            effectif: r.effectif,
            nombre_participants: crate::analysis::presence::headcount(r),
            horaires: horaires(r.debut, r.fin),
            modalite: r.modalite.label().to_string(),
            lieu: r.lieu.clone(),
            reseau: self.reseau(r),
            objectifs: r
                .objectifs
                .iter()
                .filter(|o| !crate::render::markdown::is_blank(o))
                .cloned()
                .collect(),
            participants: r.participants.iter().map(|p| self.personne(p)).collect(),
            excuses: r.excuses.iter().map(|p| self.personne(p)).collect(),
            absents: r.absents.iter().map(|p| self.personne(p)).collect(),
            meteo: r
                .meteo
                .clone()
                .filter(|m| !crate::render::markdown::is_blank(m)),
            ordre_du_jour: r.ordre_du_jour.clone(),
            points: r
                .points
                .iter()
                .enumerate()
                .map(|(i, p)| PointVue {
                    titre: p.titre.clone(),
                    ancre: point_anchor(i),
                    contenu: p
                        .contenu
                        .clone()
                        .filter(|c| !crate::render::markdown::is_blank(c)),
                    intervenants: p.intervenants.iter().map(|q| self.personne(q)).collect(),
                    decisions: p
                        .decisions
                        .iter()
                        .map(|d| decision(d, Some((i, p))))
                        .collect(),
                    interne: p.interne,
                })
                .collect(),
            decisions: r.decisions.iter().map(|d| decision(d, None)).collect(),
            releve_decisions: r
                .points
                .iter()
                .enumerate()
                .flat_map(|(i, p)| p.decisions.iter().map(move |d| decision(d, Some((i, p)))))
                .chain(r.decisions.iter().map(|d| decision(d, None)))
                .collect(),
            actions: groupes,
            suites: r.suites.iter().map(Self::suite).collect(),
            prochaine: r.prochaine_reunion.as_ref().map(Self::prochaine),
            precedente: voisines.0.map(|p| self.lien(p)),
            suivante: voisines.1.map(|n| self.lien(n)),
        }
    }

    /// Every decision of the folder, newest meeting first, in the record's
    /// order within a meeting (`analysis::decisions`, unfiltered).
    pub fn decisions(&self, reunions: &[Reunion]) -> Vec<DecisionSite> {
        reunions
            .iter()
            .rev()
            .flat_map(|r| {
                let lien = self.lien(r);
                r.points
                    .iter()
                    .enumerate()
                    .flat_map(|(i, p)| p.decisions.iter().map(move |d| decision(d, Some((i, p)))))
                    .chain(r.decisions.iter().map(|d| decision(d, None)))
                    .map(move |decision| DecisionSite {
                        reunion: lien.clone(),
                        decision,
                    })
            })
            .collect()
    }

    /// Every territory of the referential, with its count of practices.
    pub fn territoires(&self, reunions: &[Reunion]) -> Vec<TerritoireResume> {
        let counts = crate::analysis::territories::practice_counts(reunions);
        self.config
            .territoires
            .all()
            .iter()
            .map(|t| TerritoireResume {
                nom: t.nom.clone(),
                lien: self.pages.territoire_lien(&t.nom),
                nombre_actions: counts.get(t.nom.as_str()).copied().unwrap_or(0),
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
            nombre_actions: crate::analysis::territories::practice_counts(reunions)
                .get(nom)
                .copied()
                .unwrap_or(0),
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
    use crate::read::config::parse_config;

    const CONFIG: &str = "organisation:\n  nom: IREV\nterritoires: [Lille, Maubeuge]\nreseaux:\n  - id: ce\n    nom: Réseau des cités éducatives\n";

    fn meeting(fichier: &str, text: &str, config: &Config) -> Reunion {
        crate::read::record::valid_record(fichier, text, config)
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
        let avec = Views::new(
            &config,
            &pages,
            Publication {
                avec_noms: true,
                ..Publication::default()
            },
        )
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
}

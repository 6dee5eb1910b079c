//! What the follow-through pages see: the fiche expérience of a practice
//! and the open follow-ups of the folder, as small serialisable views (see
//! `views.rs` for the rules every view follows: dates in French, links from
//! the site root without extension, Markdown passed as Markdown, personal
//! data only when the publication asks for it).

use super::{DateVue, ReunionLien, StatutVue, Views, statut};
use crate::analysis::fiche::Fiche;
use crate::analysis::filter::Filter;
use crate::analysis::suites::{Etat, follow_ups, select};
use crate::model::fiche::Section;
use crate::model::{Reunion, Statut};
use crate::render::markdown::is_blank;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// The action as told at one meeting, in the fiche's history.
#[derive(Debug, Clone, Serialize)]
pub struct EtapeVue {
    /// The meeting.
    pub reunion: ReunionLien,
    /// The action's title then.
    pub titre: String,
    /// Its statut then.
    pub statut: StatutVue,
    /// What was said then (Markdown), if anything.
    pub description: Option<String>,
}

/// A fiche expérience.
#[derive(Debug, Clone, Serialize)]
pub struct FicheVue {
    /// The action id.
    pub id: String,
    /// Its page, from the site root, without extension (`fiches/<id>`).
    pub lien: String,
    /// Title (latest).
    pub titre: String,
    /// Canonical territory.
    pub territoire: String,
    /// Page of the territory, from the site root, without extension.
    pub lien_territoire: String,
    /// Who carries it.
    pub porteur: Option<String>,
    /// Themes.
    pub thematiques: Vec<String>,
    /// Who it is for.
    pub publics: Vec<String>,
    /// Latest statut.
    pub statut: StatutVue,
    /// Date of the latest meeting that discussed it.
    pub mise_a_jour: DateVue,
    /// Markdown sections, each at its latest non-empty value, or none.
    pub contexte: Option<String>,
    /// Markdown.
    pub objectifs: Option<String>,
    /// One Markdown text per partner.
    pub partenaires: Vec<String>,
    /// Markdown.
    pub moyens: Option<String>,
    /// Markdown.
    pub resultats: Option<String>,
    /// Markdown.
    pub facteurs_de_reussite: Option<String>,
    /// Markdown.
    pub points_de_vigilance: Option<String>,
    /// Markdown; personal data: present only when the publication includes
    /// names (`--avec-noms`).
    pub contact: Option<String>,
    /// Headings of the sections nobody has written yet, for the writer;
    /// empty once the fiche is published.
    pub a_completer: Vec<&'static str>,
    /// Every meeting where it was discussed, newest first.
    pub etapes: Vec<EtapeVue>,
}

fn markdown(text: Option<&String>) -> Option<String> {
    text.filter(|t| !is_blank(t)).cloned()
}

/// The fiche of one practice.
pub fn fiche(views: &Views<'_>, f: &Fiche<'_>) -> FicheVue {
    let r = &f.redaction;
    let partenaires: Vec<String> = r
        .partenaires
        .iter()
        .filter(|p| !is_blank(p))
        .cloned()
        .collect();
    let written = |s: Section| match s {
        Section::Partenaires => !partenaires.is_empty(),
        other => markdown(other.text(r)).is_some(),
    };
    let a_completer = if f.statut == Statut::FichePubliee {
        Vec::new()
    } else {
        Section::ALL
            .into_iter()
            .filter(|s| !written(*s))
            .map(Section::label)
            .collect()
    };
    let pages = views.pages();
    FicheVue {
        id: f.id.clone(),
        lien: pages
            .fiche_lien(&f.id)
            .unwrap_or_else(|| format!("fiches/{}", pages.fiche_file(&f.id))),
        titre: f.titre.clone(),
        territoire: f.territoire.clone(),
        lien_territoire: pages.territoire_lien(&f.territoire),
        porteur: f.porteur.clone(),
        thematiques: f.thematiques.clone(),
        publics: f.publics.clone(),
        statut: statut(f.statut),
        mise_a_jour: DateVue::new(f.derniere_date()),
        contexte: markdown(r.contexte.as_ref()),
        objectifs: markdown(r.objectifs.as_ref()),
        moyens: markdown(r.moyens.as_ref()),
        resultats: markdown(r.resultats.as_ref()),
        facteurs_de_reussite: markdown(r.facteurs_de_reussite.as_ref()),
        points_de_vigilance: markdown(r.points_de_vigilance.as_ref()),
        contact: markdown(r.contact.as_ref()).filter(|_| views.publication().avec_noms),
        partenaires,
        a_completer,
        etapes: f
            .etapes
            .iter()
            .map(|e| EtapeVue {
                reunion: views.lien(e.reunion),
                titre: e.action.titre.clone(),
                statut: statut(e.action.statut),
                description: markdown(e.action.description.as_ref()),
            })
            .collect(),
    }
}

/// An open follow-up on the site's page.
#[derive(Debug, Clone, Serialize)]
pub struct SuiteOuverte {
    /// Stable id, also the row's fragment id.
    pub id: String,
    /// What.
    pub quoi: String,
    /// Who.
    pub qui: Option<String>,
    /// By when.
    pub echeance: Option<DateVue>,
    /// Past its deadline on the reference day.
    pub en_retard: bool,
    /// « En retard » or « Ouverte ».
    pub etat: &'static str,
    /// The meeting that first recorded it.
    pub depuis: ReunionLien,
    /// The latest meeting that mentioned it.
    pub derniere: ReunionLien,
    /// How many meetings mentioned it.
    pub nombre_reunions: usize,
}

/// The page of open follow-ups.
#[derive(Debug, Clone, Serialize)]
pub struct SuitesVue {
    /// The day lateness is judged on: the date of the latest meeting of the
    /// folder (not the day of publication, so that the site is the same
    /// whenever it is rebuilt); none when the folder has no meeting.
    pub reference: Option<DateVue>,
    /// The open follow-ups, overdue first, then by deadline.
    pub suites: Vec<SuiteOuverte>,
    /// How many are open.
    pub nombre: usize,
    /// How many of them are overdue.
    pub nombre_en_retard: usize,
}

/// The reference day of the follow-up page: the latest meeting's date.
pub fn reference_day(reunions: &[Reunion]) -> Option<NaiveDate> {
    reunions.iter().map(|r| r.date).max()
}

/// The open follow-ups of the folder, judged on the latest meeting's date.
pub fn suites(views: &Views<'_>, reunions: &[Reunion]) -> SuitesVue {
    let Some(au) = reference_day(reunions) else {
        return SuitesVue {
            reference: None,
            suites: Vec::new(),
            nombre: 0,
            nombre_en_retard: 0,
        };
    };
    let by_file: HashMap<&str, &Reunion> =
        reunions.iter().map(|r| (r.fichier.as_str(), r)).collect();
    let lien = |fichier: &str| by_file.get(fichier).map(|r| views.lien(r));
    let open = select(
        &follow_ups(reunions),
        &Filter::default(),
        Etat::Ouvertes,
        au,
    );
    let suites: Vec<SuiteOuverte> = open
        .iter()
        .filter_map(|s| {
            let last = s.historique.last()?;
            Some(SuiteOuverte {
                id: s.id.clone(),
                quoi: s.quoi.clone(),
                qui: s.qui.clone(),
                echeance: s.echeance.map(DateVue::new),
                en_retard: s.en_retard(au),
                etat: if s.en_retard(au) {
                    "En retard"
                } else {
                    "Ouverte"
                },
                depuis: lien(&s.origine().fichier)?,
                derniere: lien(&last.fichier)?,
                nombre_reunions: s.historique.len(),
            })
        })
        .collect();
    SuitesVue {
        reference: Some(DateVue::new(au)),
        nombre: suites.len(),
        nombre_en_retard: suites.iter().filter(|s| s.en_retard).count(),
        suites,
    }
}

/// What the index says of the follow-through pages.
#[derive(Debug, Clone, Serialize)]
pub struct SuiviResume {
    /// Open follow-ups.
    pub suites_ouvertes: usize,
    /// Of which overdue on the reference day.
    pub suites_en_retard: usize,
    /// Fiches with a page on the site.
    pub fiches: Vec<FicheLien>,
}

/// A link to a fiche.
#[derive(Debug, Clone, Serialize)]
pub struct FicheLien {
    /// Page, from the site root, without extension.
    pub lien: String,
    /// Title.
    pub titre: String,
    /// Canonical territory.
    pub territoire: String,
    /// Latest statut.
    pub statut: StatutVue,
}

/// The index's summary of follow-ups and fiches.
pub fn resume(
    suites: &SuitesVue,
    fiches: impl IntoIterator<Item = impl std::borrow::Borrow<FicheVue>>,
) -> SuiviResume {
    SuiviResume {
        suites_ouvertes: suites.nombre,
        suites_en_retard: suites.nombre_en_retard,
        fiches: fiches
            .into_iter()
            .map(|f| {
                let f = f.borrow();
                FicheLien {
                    lien: f.lien.clone(),
                    titre: f.titre.clone(),
                    territoire: f.territoire.clone(),
                    statut: f.statut.clone(),
                }
            })
            .collect(),
    }
}

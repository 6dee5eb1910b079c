//! The fields of a search: a record cut into the texts it is searched in,
//! each with its path in the record, its weight and, for an action's, its
//! territory.

use super::terms::{espaces, texte_brut};
use crate::model::Reunion;
use crate::model::fiche::Section;
use serde::Serialize;

/// A searchable field of a record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Champ {
    /// Field path in the record, as diagnostics write it (`points[3].contenu`).
    pub chemin: String,
    /// What it is, in words (« point de l'ordre du jour »).
    pub libelle: &'static str,
    /// Section of the published page that shows it (`ordre-du-jour`), if any.
    pub ancre: Option<&'static str>,
    /// Its weight in the score: titles count more than bodies.
    pub poids: f64,
    /// Plain text.
    pub texte: String,
    /// Territory of the action it belongs to, for action fields.
    #[serde(skip)]
    pub territoire: Option<String>,
}

/// Every searchable field of a meeting, in the record's order; empty ones
/// left out.
pub fn champs(r: &Reunion) -> Vec<Champ> {
    let mut out = Vec::new();
    let mut push = |chemin: String,
                    libelle: &'static str,
                    ancre: Option<&'static str>,
                    poids: f64,
                    texte: String,
                    territoire: Option<&String>| {
        if !texte.is_empty() {
            out.push(Champ {
                chemin,
                libelle,
                ancre,
                poids,
                texte,
                territoire: territoire.cloned(),
            });
        }
    };
    push("titre".into(), "titre", None, 5.0, espaces(&r.titre), None);
    for (i, o) in r.objectifs.iter().enumerate() {
        push(
            format!("objectifs[{i}]"),
            "objectif",
            Some("objectifs"),
            2.0,
            texte_brut(o),
            None,
        );
    }
    if let Some(m) = &r.meteo {
        push(
            "meteo".into(),
            "météo du jour",
            Some("meteo"),
            1.0,
            texte_brut(m),
            None,
        );
    }
    for (i, p) in r.points.iter().enumerate() {
        push(
            format!("points[{i}].titre"),
            "point de l'ordre du jour",
            Some("ordre-du-jour"),
            4.0,
            espaces(&p.titre),
            None,
        );
        // The speakers by their role only: `nom` is personal data, and the
        // site's search index is public.
        for (j, q) in p.intervenants.iter().enumerate() {
            let role = [q.fonction.as_deref(), q.structure.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            push(
                format!("points[{i}].intervenants[{j}]"),
                "intervenant·e",
                Some("ordre-du-jour"),
                1.0,
                espaces(&role),
                None,
            );
        }
        if let Some(c) = &p.contenu {
            push(
                format!("points[{i}].contenu"),
                "point de l'ordre du jour",
                Some("ordre-du-jour"),
                1.0,
                texte_brut(c),
                None,
            );
        }
        for (j, d) in p.decisions.iter().enumerate() {
            push(
                format!("points[{i}].decisions[{j}].quoi"),
                "décision",
                Some("releve-decisions"),
                3.0,
                espaces(&d.quoi),
                None,
            );
        }
    }
    for (j, d) in r.decisions.iter().enumerate() {
        push(
            format!("decisions[{j}].quoi"),
            "décision",
            Some("releve-decisions"),
            3.0,
            espaces(&d.quoi),
            None,
        );
    }
    for (i, a) in r.actions.iter().enumerate() {
        let t = Some(&a.territoire);
        push(
            format!("actions[{i}].titre"),
            "action à valoriser",
            Some("actions"),
            4.0,
            espaces(&a.titre),
            t,
        );
        if let Some(p) = &a.porteur {
            push(
                format!("actions[{i}].porteur"),
                "action à valoriser",
                Some("actions"),
                2.0,
                espaces(p),
                t,
            );
        }
        for (j, th) in a.thematiques.iter().enumerate() {
            push(
                format!("actions[{i}].thematiques[{j}]"),
                "action à valoriser",
                Some("actions"),
                2.0,
                espaces(th),
                t,
            );
        }
        for (j, pu) in a.publics.iter().enumerate() {
            push(
                format!("actions[{i}].publics[{j}]"),
                "action à valoriser",
                Some("actions"),
                2.0,
                espaces(pu),
                t,
            );
        }
        if let Some(d) = &a.description {
            push(
                format!("actions[{i}].description"),
                "action à valoriser",
                Some("actions"),
                1.0,
                texte_brut(d),
                t,
            );
        }
        // The fiche's write-up, except personal data (`contact`); the one
        // list, `partenaires`, after the texts.
        let r = &a.redaction;
        for section in Section::ALL.into_iter().filter(|s| !s.personal()) {
            if let Some(texte) = section.text(r) {
                push(
                    format!("actions[{i}].{}", section.key()),
                    "action à valoriser",
                    Some("actions"),
                    1.0,
                    texte_brut(texte),
                    t,
                );
            }
        }
        for (j, p) in r.partenaires.iter().enumerate() {
            push(
                format!("actions[{i}].partenaires[{j}]"),
                "action à valoriser",
                Some("actions"),
                2.0,
                texte_brut(p),
                t,
            );
        }
    }
    for (i, s) in r.suites.iter().enumerate() {
        push(
            format!("suites[{i}].quoi"),
            "suite à donner",
            Some("suites"),
            2.0,
            espaces(&s.quoi),
            None,
        );
        if let Some(q) = &s.qui {
            push(
                format!("suites[{i}].qui"),
                "suite à donner",
                Some("suites"),
                1.0,
                espaces(q),
                None,
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_and_speakers_roles_are_searched_never_their_names() {
        let (c, _) = crate::read::config::parse_config("organisation:\n  nom: x\n", None);
        let r = crate::read::record::valid_record(
            "reunions/a.yaml",
            "titre: A\ndate: 2022-03-03\nmodalite: visio\npoints:\n  - titre: Budget\n    intervenants:\n      - fonction: Principale\n        structure: Collège Marc Seguin\n        nom: Claire Exemple\n    decisions: [Le budget est voté.]\ndecisions: [On se revoit.]\n",
            &c,
        );
        let found: Vec<(String, String)> = champs(&r)
            .into_iter()
            .map(|c| (c.chemin, c.texte))
            .collect();
        let has = |chemin: &str, texte: &str| found.contains(&(chemin.into(), texte.into()));
        assert!(
            has(
                "points[0].intervenants[0]",
                "Principale, Collège Marc Seguin"
            ),
            "{found:?}"
        );
        assert!(
            has("points[0].decisions[0].quoi", "Le budget est voté."),
            "{found:?}"
        );
        assert!(has("decisions[0].quoi", "On se revoit."), "{found:?}");
        assert!(!format!("{found:?}").contains("Exemple"));
    }
}

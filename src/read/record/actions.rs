//! The actions of a record, with their themes and write-up.

use super::{RecordReader, default_action_id};
use crate::model::fiche::{Redaction, Section};
use crate::model::{Action, Statut};
use crate::read::reader::Fields;
use crate::read::yaml::{self, Node};
use crate::text::{is_valid_id, slug};

impl RecordReader<'_, '_> {
    pub(super) fn themes(&mut self, f: &mut Fields<'_>, path: &str) -> Vec<String> {
        let items = self.r.name_list(f, "thematiques");
        let mut out: Vec<String> = Vec::new();
        for (i, (theme, pos)) in items.into_iter().enumerate() {
            match self.config.thematique(&theme) {
                Some(t) => {
                    if !out.contains(&t) {
                        out.push(t);
                    }
                }
                None => {
                    let list = self.config.thematiques.as_deref().unwrap_or_default();
                    let help = match crate::text::suggest(&theme, list.iter().map(String::as_str)) {
                        Some(s) => format!("vouliez-vous dire « {s} » ?"),
                        None => format!(
                            "thématiques déclarées dans reunion.yaml : {}",
                            list.join(", ")
                        ),
                    };
                    self.r.error(
                        pos,
                        &format!("{path}.thematiques[{i}]"),
                        format!("thématique « {theme} » absente du vocabulaire de reunion.yaml"),
                        Some(help),
                    );
                }
            }
        }
        out
    }

    pub(super) fn actions(&mut self, top: &mut Fields<'_>) -> Vec<Action> {
        let Some(node) = top.take("actions") else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in self.r.seq(node, "actions").iter().enumerate() {
            let path = format!("actions[{i}]");
            let Some(mut f) = self.r.map(item, &path) else {
                continue;
            };
            let explicit_id = f
                .take("id")
                .map(|n| (self.r.text(n, &format!("{path}.id")), yaml::pos_of(n)));
            let territoire = match f.take("territoire") {
                Some(n) => self.territory(n, &format!("{path}.territoire")),
                None => {
                    self.r.error(
                        f.pos,
                        &path,
                        "la clé obligatoire « territoire » manque",
                        Some(
                            "chaque action à valoriser appartient à un territoire du référentiel"
                                .into(),
                        ),
                    );
                    None
                }
            };
            let titre = self.r.required_text(&mut f, "titre");
            let porteur = self.r.optional_text(&mut f, "porteur");
            let description = self.r.markdown(&mut f, "description");
            let thematiques = self.themes(&mut f, &path);
            let publics = self
                .r
                .name_list(&mut f, "publics")
                .into_iter()
                .map(|(t, _)| t)
                .collect();
            let statut = match f.take("statut") {
                None => Some(Statut::default()),
                Some(n) => self.statut(n, &format!("{path}.statut")),
            };
            let redaction = self.redaction(&mut f);
            let interne = self.r.boolean(&mut f, "interne").unwrap_or(false);
            let item_pos = f.pos;
            self.r.finish(f, &crate::model::keys::ACTION.names());
            let id = match explicit_id {
                Some((Some(id), pos)) => {
                    let id = id.trim().to_string();
                    if is_valid_id(&id) {
                        Some((id, true, pos))
                    } else {
                        let suggestion = slug(&id);
                        self.r.error(
                            pos,
                            &format!("{path}.id"),
                            format!("identifiant invalide « {} »", id.escape_default()),
                            Some(if suggestion.is_empty() {
                                "un identifiant ne contient que des minuscules sans accent, des chiffres et des tirets".into()
                            } else {
                                format!(
                                    "un identifiant ne contient que des minuscules sans accent, des chiffres et des tirets : « {suggestion} »"
                                )
                            }),
                        );
                        None
                    }
                }
                Some((None, _)) => None,
                None => match (&territoire, &titre) {
                    (Some(t), Some((titre, _))) => {
                        Some((default_action_id(t, titre), false, item_pos))
                    }
                    _ => None,
                },
            };
            if let (
                Some((id, id_explicite, id_pos)),
                Some(territoire),
                Some((titre, _)),
                Some(statut),
            ) = (id, territoire, titre, statut)
            {
                out.push(Action {
                    id,
                    id_explicite,
                    id_pos,
                    territoire,
                    titre,
                    porteur,
                    description,
                    thematiques,
                    publics,
                    statut,
                    redaction,
                    interne,
                });
            }
        }
        out
    }

    /// The write-up fields of an action, read like its description.
    pub(super) fn redaction(&mut self, f: &mut Fields<'_>) -> Redaction {
        let mut redaction = Redaction::default();
        for section in Section::ALL {
            match section.field_mut(&mut redaction) {
                Some(field) => *field = self.r.markdown(f, section.key()),
                None => {
                    redaction.partenaires = self
                        .r
                        .name_list(f, section.key())
                        .into_iter()
                        .map(|(t, _)| t)
                        .collect();
                }
            }
        }
        redaction
    }

    pub(super) fn statut(&mut self, node: &Node, path: &str) -> Option<Statut> {
        let allowed = Statut::ALL.map(Statut::as_str);
        self.choice(node, path, "statut", Statut::parse, &allowed)
    }
}

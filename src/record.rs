//! Reading one meeting record: from its text to a checked [`Reunion`], with a
//! diagnostic for every problem of the file.

use crate::config::Config;
use crate::dates::{parse_date, parse_time};
use crate::diagnostic::{Diagnostic, Pos};
use crate::model::{
    Action, Modalite, Participant, Point, ProchaineReunion, Redaction, Reunion, Statut, Suite,
};
use crate::text::{is_valid_id, slug};
use crate::yaml::{self, Fields, Node, Reader};
use chrono::{NaiveDate, NaiveTime};

/// Keys of a meeting, in the order of the format.
pub const MEETING_KEYS: &[&str] = &[
    "titre",
    "date",
    "debut",
    "fin",
    "modalite",
    "lieu",
    "reseau",
    "objectifs",
    "participants",
    "excuses",
    "meteo",
    "points",
    "actions",
    "suites",
    "prochaine_reunion",
];
const PARTICIPANT_KEYS: &[&str] = &["fonction", "structure", "territoire", "nom"];
const POINT_KEYS: &[&str] = &["titre", "contenu"];
const ACTION_KEYS: &[&str] = &[
    "id",
    "territoire",
    "titre",
    "porteur",
    "description",
    "thematiques",
    "publics",
    "statut",
    "contexte",
    "objectifs",
    "partenaires",
    "moyens",
    "resultats",
    "facteurs_de_reussite",
    "points_de_vigilance",
    "contact",
];
const SUITE_KEYS: &[&str] = &["id", "quoi", "qui", "echeance", "fait"];
const NEXT_KEYS: &[&str] = &["date", "debut", "fin", "modalite", "lieu", "note"];

/// Default id of an action: its territory and title, as a slug.
pub fn default_action_id(territoire: &str, titre: &str) -> String {
    slug(&format!("{territoire} {titre}"))
}

/// Default id of a follow-up: the date of the meeting that first recorded it
/// and what is to be done, as a slug.
pub fn default_suite_id(date: NaiveDate, quoi: &str) -> String {
    slug(&format!("{date} {quoi}"))
}

/// Reads one record. `fichier` is its path relative to the folder.
///
/// The meeting is returned whenever its required keys could be read, even if
/// other parts have errors (those parts are left out): checks across records
/// still see it. Callers keep it only when no diagnostic is an error.
pub fn parse_record(
    fichier: &str,
    source: &str,
    config: &Config,
) -> (Option<Reunion>, Vec<Diagnostic>) {
    let tree = match yaml::parse(source) {
        Ok(tree) => tree,
        Err((pos, message)) => return (None, vec![Diagnostic::error(fichier, pos, "", message)]),
    };
    let mut r = Reader::new(fichier, source);
    if matches!(tree.value, yaml::Value::Null) {
        r.error(
            Pos::START,
            "",
            "le fichier est vide",
            Some("une réunion a au moins « titre: », « date: » et « modalite: » ; `reunion new` en crée une".into()),
        );
        return (None, r.diagnostics);
    }
    let Some(mut top) = r.map(&tree, "") else {
        return (None, r.diagnostics);
    };
    let mut ctx = RecordReader { r, config };
    let reunion = ctx.meeting(&mut top, fichier);
    ctx.r.finish(top, MEETING_KEYS);
    (reunion, ctx.r.diagnostics)
}

struct RecordReader<'s, 'c> {
    r: Reader<'s>,
    config: &'c Config,
}

impl RecordReader<'_, '_> {
    fn meeting(&mut self, top: &mut Fields<'_>, fichier: &str) -> Option<Reunion> {
        let titre = self.r.required_text(top, "titre");
        let date = self.required_date(top, "date");
        if let Some((date, pos)) = date {
            self.check_file_name(fichier, date, pos);
        }
        let debut = self.time(top, "debut");
        let fin = self.time(top, "fin");
        self.check_hours(debut, fin, "fin");
        let modalite = match top.take("modalite") {
            Some(node) => self.modalite(node, "modalite"),
            None => {
                self.r.error(
                    top.pos,
                    "",
                    "la clé obligatoire « modalite » manque",
                    Some("ajoutez « modalite: presentiel », « modalite: visio » ou « modalite: hybride »".into()),
                );
                None
            }
        };
        let lieu = self.r.optional_text(top, "lieu");
        let reseau = self.reseau(top);
        let objectifs = self
            .r
            .text_list(top, "objectifs")
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        let participants = self.people(top, "participants");
        let excuses = self.people(top, "excuses");
        let meteo = self.r.optional_text(top, "meteo");
        let points = self.points(top);
        let actions = self.actions(top);
        let suites = self.suites(top, date.map(|(d, _)| d));
        let prochaine_reunion = self.next_meeting(top, date.map(|(d, _)| d));
        let (titre, (date, _), modalite) = (titre?, date?, modalite?);
        Some(Reunion {
            fichier: fichier.to_string(),
            titre: titre.0,
            date,
            debut: debut.map(|(t, _)| t),
            fin: fin.map(|(t, _)| t),
            modalite,
            lieu,
            reseau,
            objectifs,
            participants,
            excuses,
            meteo,
            points,
            actions,
            suites,
            prochaine_reunion,
        })
    }

    fn date_of(&mut self, node: &Node, path: &str) -> Option<NaiveDate> {
        let text = self.r.text(node, path)?;
        match parse_date(&text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.r
                    .error(yaml::pos_of(node), path, e.message, Some(e.help));
                None
            }
        }
    }

    fn required_date(&mut self, fields: &mut Fields<'_>, key: &str) -> Option<(NaiveDate, Pos)> {
        let path = fields.child(key);
        match fields.take(key) {
            None => {
                self.r.error(
                    fields.pos,
                    &fields.path,
                    format!("la clé obligatoire « {key} » manque"),
                    Some(format!(
                        "ajoutez « {key}: AAAA-MM-JJ », par exemple « {key}: 2022-03-03 »"
                    )),
                );
                None
            }
            Some(node) if matches!(node.value, yaml::Value::Null) => {
                self.r.error(
                    yaml::pos_of(node),
                    &path,
                    format!("« {key} » ne peut pas être vide"),
                    Some("écrivez la date sous la forme AAAA-MM-JJ, par exemple 2022-03-03".into()),
                );
                None
            }
            Some(node) => self.date_of(node, &path).map(|d| (d, yaml::pos_of(node))),
        }
    }

    fn optional_date(&mut self, fields: &mut Fields<'_>, key: &str) -> Option<(NaiveDate, Pos)> {
        let path = fields.child(key);
        let node = fields.take(key)?;
        if matches!(node.value, yaml::Value::Null) {
            return None;
        }
        self.date_of(node, &path).map(|d| (d, yaml::pos_of(node)))
    }

    fn time(&mut self, fields: &mut Fields<'_>, key: &str) -> Option<(NaiveTime, Pos)> {
        let path = fields.child(key);
        let node = fields.take(key)?;
        let pos = yaml::pos_of(node);
        let text = self.r.text(node, &path)?;
        match parse_time(&text) {
            Ok(t) => Some((t, pos)),
            Err(e) => {
                self.r.error(pos, &path, e.message, Some(e.help));
                None
            }
        }
    }

    fn check_hours(
        &mut self,
        debut: Option<(NaiveTime, Pos)>,
        fin: Option<(NaiveTime, Pos)>,
        path: &str,
    ) {
        if let (Some((d, _)), Some((f, pos))) = (debut, fin)
            && f <= d
        {
            self.r.error(
                pos,
                path,
                format!(
                    "la fin ({}) doit être après le début ({})",
                    f.format("%H:%M"),
                    d.format("%H:%M")
                ),
                Some("vérifiez les heures de « debut » et de « fin » (format HH:MM)".into()),
            );
        }
    }

    fn check_file_name(&mut self, fichier: &str, date: NaiveDate, pos: Pos) {
        let name = fichier.rsplit('/').next().unwrap_or(fichier);
        let prefix: String = name.chars().take(10).collect();
        let expected = date.format("%Y-%m-%d").to_string();
        match parse_date(&prefix) {
            Ok(d) if prefix.len() == 10 && d == date => {}
            Ok(d) if prefix.len() == 10 => self.r.warning(
                pos,
                "date",
                format!(
                    "le nom du fichier commence par {} mais la réunion est datée du {expected}",
                    d.format("%Y-%m-%d")
                ),
                Some(format!(
                    "renommez le fichier en « {expected}{} » ou corrigez la date",
                    &name[10..]
                )),
            ),
            _ => self.r.warning(
                pos,
                "date",
                "le nom du fichier ne commence pas par la date de la réunion".to_string(),
                Some(format!(
                    "nommez le fichier « {expected}-….yaml » pour qu'il se range dans l'ordre"
                )),
            ),
        }
    }

    /// A value from a closed list; the error lists the allowed spellings.
    fn choice<T>(
        &mut self,
        node: &Node,
        path: &str,
        what: &str,
        parse: fn(&str) -> Option<T>,
        allowed: &[&str],
    ) -> Option<T> {
        let text = self.r.text(node, path)?;
        let found = parse(&text);
        if found.is_none() {
            self.r.error(
                yaml::pos_of(node),
                path,
                format!(
                    "{what} inconnu{} « {text} »",
                    if what.ends_with('é') { "e" } else { "" }
                ),
                Some(crate::text::help_with_choices(&text, allowed)),
            );
        }
        found
    }

    fn modalite(&mut self, node: &Node, path: &str) -> Option<Modalite> {
        let allowed = Modalite::ALL.map(Modalite::as_str);
        self.choice(node, path, "modalité", Modalite::parse, &allowed)
    }

    fn reseau(&mut self, top: &mut Fields<'_>) -> Option<String> {
        let node = top.take("reseau")?;
        let id = self.r.text(node, "reseau")?.trim().to_string();
        if id.is_empty() {
            return None;
        }
        if self.config.reseau(&id).is_some() {
            return Some(id);
        }
        let help = if self.config.reseaux.is_empty() {
            "aucun réseau n'est déclaré : ajoutez-le dans reunion.yaml sous « reseaux: » (id et nom)".to_string()
        } else {
            let ids: Vec<&str> = self.config.reseaux.iter().map(|r| r.id.as_str()).collect();
            match crate::text::suggest(&id, ids.iter().copied()) {
                Some(s) => format!(
                    "vouliez-vous dire « {s} » ? réseaux déclarés : {}",
                    ids.join(", ")
                ),
                None => format!("réseaux déclarés dans reunion.yaml : {}", ids.join(", ")),
            }
        };
        self.r.error(
            yaml::pos_of(node),
            "reseau",
            format!("réseau inconnu « {id} »"),
            Some(help),
        );
        None
    }

    fn territory(&mut self, node: &Node, path: &str) -> Option<String> {
        let text = self.r.text(node, path)?;
        if let Some(t) = self.config.territoires.resolve(&text) {
            return Some(t.nom.clone());
        }
        let help = if self.config.territoires.is_empty() {
            "aucun territoire n'est déclaré : ajoutez-le dans reunion.yaml sous « territoires: »"
                .to_string()
        } else {
            match self.config.territoires.nearest(&text) {
                Some(s) => format!("vouliez-vous dire « {s} » ?"),
                None => format!(
                    "territoires connus : {} (ajoutez un nom ou un alias dans reunion.yaml)",
                    self.config.territoires.names_list()
                ),
            }
        };
        self.r.error(
            yaml::pos_of(node),
            path,
            format!("territoire inconnu « {} »", text.trim()),
            Some(help),
        );
        None
    }

    fn people(&mut self, top: &mut Fields<'_>, key: &str) -> Vec<Participant> {
        let Some(node) = top.take(key) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in self.r.seq(node, key).iter().enumerate() {
            let path = format!("{key}[{i}]");
            let Some(mut f) = self.r.map(item, &path) else {
                continue;
            };
            let fonction = self.r.optional_text(&mut f, "fonction");
            let structure = self.r.optional_text(&mut f, "structure");
            let territoire = f
                .take("territoire")
                .and_then(|n| self.territory(n, &format!("{path}.territoire")));
            let nom = self.r.optional_text(&mut f, "nom");
            if fonction.is_none() && structure.is_none() {
                self.r.error(
                    f.pos,
                    &path,
                    "une personne a besoin d'une « fonction » ou d'une « structure »",
                    Some("les noms ne sont publiés qu'avec --avec-noms : la fonction et la structure disent qui était là".into()),
                );
            }
            self.r.finish(f, PARTICIPANT_KEYS);
            out.push(Participant {
                fonction,
                structure,
                territoire,
                nom,
            });
        }
        out
    }

    fn points(&mut self, top: &mut Fields<'_>) -> Vec<Point> {
        let Some(node) = top.take("points") else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in self.r.seq(node, "points").iter().enumerate() {
            let path = format!("points[{i}]");
            let Some(mut f) = self.r.map(item, &path) else {
                continue;
            };
            let titre = self.r.required_text(&mut f, "titre");
            let contenu = self.r.optional_text(&mut f, "contenu");
            self.r.finish(f, POINT_KEYS);
            if let Some((titre, _)) = titre {
                out.push(Point { titre, contenu });
            }
        }
        out
    }

    fn themes(&mut self, f: &mut Fields<'_>, path: &str) -> Vec<String> {
        let items = self.r.text_list(f, "thematiques");
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

    fn actions(&mut self, top: &mut Fields<'_>) -> Vec<Action> {
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
            let description = self.r.optional_text(&mut f, "description");
            let thematiques = self.themes(&mut f, &path);
            let publics = self
                .r
                .text_list(&mut f, "publics")
                .into_iter()
                .map(|(t, _)| t)
                .collect();
            let statut = match f.take("statut") {
                None => Some(Statut::default()),
                Some(n) => self.statut(n, &format!("{path}.statut")),
            };
            let redaction = self.redaction(&mut f);
            let item_pos = f.pos;
            self.r.finish(f, ACTION_KEYS);
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
                });
            }
        }
        out
    }

    /// The write-up fields of an action, read like its description.
    fn redaction(&mut self, f: &mut Fields<'_>) -> Redaction {
        Redaction {
            contexte: self.r.optional_text(f, "contexte"),
            objectifs: self.r.optional_text(f, "objectifs"),
            partenaires: self
                .r
                .text_list(f, "partenaires")
                .into_iter()
                .map(|(t, _)| t)
                .collect(),
            moyens: self.r.optional_text(f, "moyens"),
            resultats: self.r.optional_text(f, "resultats"),
            facteurs_de_reussite: self.r.optional_text(f, "facteurs_de_reussite"),
            points_de_vigilance: self.r.optional_text(f, "points_de_vigilance"),
            contact: self.r.optional_text(f, "contact"),
        }
    }

    fn statut(&mut self, node: &Node, path: &str) -> Option<Statut> {
        let allowed = Statut::ALL.map(Statut::as_str);
        self.choice(node, path, "statut", Statut::parse, &allowed)
    }

    fn suites(&mut self, top: &mut Fields<'_>, date: Option<NaiveDate>) -> Vec<Suite> {
        let Some(node) = top.take("suites") else {
            return Vec::new();
        };
        let mut out: Vec<Suite> = Vec::new();
        for (i, item) in self.r.seq(node, "suites").iter().enumerate() {
            let path = format!("suites[{i}]");
            let Some(mut f) = self.r.map(item, &path) else {
                continue;
            };
            let id = f.take("id").and_then(|n| {
                let id = self.r.text(n, &format!("{path}.id"))?.trim().to_string();
                if is_valid_id(&id) {
                    Some((id, yaml::pos_of(n)))
                } else {
                    self.r.error(
                        yaml::pos_of(n),
                        &format!("{path}.id"),
                        format!("identifiant invalide « {} »", id.escape_default()),
                        Some("un identifiant ne contient que des minuscules sans accent, des chiffres et des tirets".into()),
                    );
                    None
                }
            });
            let quoi = self.r.required_text(&mut f, "quoi");
            let qui_pos = f.peek("qui").map(yaml::pos_of);
            let qui = self.r.optional_text(&mut f, "qui");
            let echeance = self.optional_date(&mut f, "echeance");
            let fait = self.r.boolean(&mut f, "fait").unwrap_or(false);
            let f_pos = f.pos;
            self.r.finish(f, SUITE_KEYS);
            let (Some((quoi, _)), Some(date)) = (quoi, date) else {
                continue;
            };
            let (id, id_explicite, id_pos) = match id {
                Some((id, pos)) => (id, true, pos),
                None => (default_suite_id(date, &quoi), false, f_pos),
            };
            if out.iter().any(|s| s.id == id) {
                let help = if id_explicite {
                    "chaque suite d'une réunion a son propre « id: »"
                } else {
                    "deux suites disent la même chose : fusionnez-les, ou donnez-leur un « id: » distinct"
                };
                let id_path = if id_explicite {
                    format!("{path}.id")
                } else {
                    path.clone()
                };
                self.r.error(
                    id_pos,
                    &id_path,
                    format!("la suite « {id} » apparaît deux fois dans cette réunion"),
                    Some(help.into()),
                );
            }
            out.push(Suite {
                id,
                id_explicite,
                quoi,
                qui,
                echeance: echeance.map(|(d, _)| d),
                fait,
                chemin: path,
                qui_pos,
                echeance_pos: echeance.map(|(_, p)| p),
            });
        }
        out
    }

    fn next_meeting(
        &mut self,
        top: &mut Fields<'_>,
        date: Option<NaiveDate>,
    ) -> Option<ProchaineReunion> {
        let node = top.take("prochaine_reunion")?;
        if matches!(node.value, yaml::Value::Null) {
            return None;
        }
        let mut f = self.r.map(node, "prochaine_reunion")?;
        let next = self.required_date(&mut f, "date");
        let debut = self.time(&mut f, "debut");
        let fin = self.time(&mut f, "fin");
        self.check_hours(debut, fin, "prochaine_reunion.fin");
        let modalite = f
            .take("modalite")
            .and_then(|n| self.modalite(n, "prochaine_reunion.modalite"));
        let lieu = self.r.optional_text(&mut f, "lieu");
        let note = self.r.optional_text(&mut f, "note");
        self.r.finish(f, NEXT_KEYS);
        let (next, pos) = next?;
        if let Some(date) = date
            && next <= date
        {
            self.r.error(
                pos,
                "prochaine_reunion.date",
                format!(
                    "la prochaine réunion ({}) doit être après celle-ci ({})",
                    next.format("%Y-%m-%d"),
                    date.format("%Y-%m-%d")
                ),
                None,
            );
        }
        Some(ProchaineReunion {
            date: next,
            debut: debut.map(|(t, _)| t),
            fin: fin.map(|(t, _)| t),
            modalite,
            lieu,
            note,
        })
    }
}

/// For the unit tests of the modules that need meetings: a record that
/// must read without error.
#[cfg(test)]
pub(crate) fn valid_record(fichier: &str, text: &str, config: &Config) -> Reunion {
    let (r, d) = parse_record(fichier, text, config);
    assert!(d.iter().all(|d| !d.is_error()), "{d:?}");
    r.expect("a record without error is read")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_config;

    fn config() -> Config {
        let (c, d) = parse_config(
            "organisation:\n  nom: IREV\nterritoires:\n  - nom: Lille\n    alias: [Lille Sud]\n  - Maubeuge\nreseaux:\n  - id: cites-educatives\n    nom: Réseau\nthematiques: [parentalité, numérique]\n",
            None,
        );
        assert!(d.is_empty());
        c
    }

    fn parse(src: &str) -> (Option<Reunion>, Vec<Diagnostic>) {
        parse_record("reunions/2022-03-03-test.yaml", src, &config())
    }

    fn paths(d: &[Diagnostic]) -> Vec<(u32, &str)> {
        d.iter().map(|d| (d.pos.ligne, d.chemin.as_str())).collect()
    }

    #[test]
    fn minimal_record() {
        let (r, d) = parse("titre: Rencontre\ndate: 2022-03-03\nmodalite: presentiel\n");
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        assert_eq!(r.titre, "Rencontre");
        assert_eq!(r.modalite, Modalite::Presentiel);
    }

    #[test]
    fn lenient_values_are_normalised() {
        let (r, d) = parse(
            "titre: R\ndate: 2022-3-3\ndebut: 9:30\nfin: 14:00\nmodalite: Présentiel\nreseau: cites-educatives\nactions:\n  - territoire: lille sud\n    titre: La passerelle EJE\n    thematiques: [Parentalite]\n    statut: Fiche en cours\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        assert_eq!(r.debut.unwrap().format("%H:%M").to_string(), "09:30");
        assert_eq!(r.actions[0].territoire, "Lille");
        assert_eq!(r.actions[0].id, "lille-la-passerelle-eje");
        assert_eq!(r.actions[0].thematiques, vec!["parentalité"]);
        assert_eq!(r.actions[0].statut, Statut::FicheEnCours);
    }

    #[test]
    fn every_problem_of_a_file_is_reported() {
        let src = "titre: R\ndate: 2023-02-30\ndebut: \"14:00\"\nfin: \"12:00\"\nmodalite: telephone\nreseau: cites\nlieux: Lille\nactions:\n  - territoire: Lile\n    titre: X\n    statut: publiee\n    thematiques: [sport]\n  - id: \"Bad Id\"\n    territoire: Lille\n    titre: Y\nprochaine_reunion:\n  date: 2020-01-01\n";
        let (_, d) = parse(src);
        assert_eq!(
            paths(&d),
            vec![
                (2, "date"),
                (4, "fin"),
                (5, "modalite"),
                (6, "reseau"),
                (9, "actions[0].territoire"),
                (12, "actions[0].thematiques[0]"),
                (11, "actions[0].statut"),
                (13, "actions[1].id"),
                (7, "lieux"),
            ]
        );
        assert_eq!(d[4].aide.as_deref(), Some("vouliez-vous dire « Lille » ?"));
        assert!(
            d[2].aide
                .as_deref()
                .unwrap()
                .contains("presentiel, visio, hybride")
        );
    }

    #[test]
    fn next_meeting_must_come_after() {
        let (_, d) = parse(
            "titre: R\ndate: 2022-03-03\nmodalite: visio\nprochaine_reunion:\n  date: 2022-03-03\n",
        );
        assert_eq!(paths(&d), vec![(5, "prochaine_reunion.date")]);
    }

    #[test]
    fn missing_required_keys() {
        let (r, d) = parse("lieu: Lille\n");
        assert!(r.is_none());
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert!(messages.contains(&"la clé obligatoire « titre » manque"));
        assert!(messages.contains(&"la clé obligatoire « date » manque"));
        assert!(messages.contains(&"la clé obligatoire « modalite » manque"));
    }

    #[test]
    fn file_name_date_mismatch_is_a_warning() {
        let (r, d) = parse_record(
            "reunions/2022-03-04-x.yaml",
            "titre: R\ndate: 2022-03-03\nmodalite: visio\n",
            &config(),
        );
        assert!(r.is_some());
        assert_eq!(d.len(), 1);
        assert!(!d[0].is_error());
        assert!(d[0].message.contains("2022-03-04"));
    }

    #[test]
    fn wrong_types() {
        let (_, d) =
            parse("titre: [a, b]\ndate: 2022-03-03\nmodalite: visio\nparticipants: Jeanne\n");
        assert_eq!(paths(&d), vec![(1, "titre"), (4, "participants")]);
        assert!(
            d[0].message
                .contains("on attend ici un texte, pas une liste")
        );
    }

    #[test]
    fn write_up_fields_are_read_and_misspellings_caught() {
        let (r, d) = parse(
            "titre: R\ndate: 2022-03-03\nmodalite: visio\nactions:\n  - territoire: Lille\n    titre: EJE\n    contexte: |\n      Un **contexte**.\n    partenaires: CAF du Nord\n    contact: Camille\n    facteur_de_reussite: L'aller vers\n",
        );
        assert_eq!(paths(&d), vec![(11, "actions[0].facteur_de_reussite")]);
        assert_eq!(
            d[0].aide.as_deref(),
            Some("vouliez-vous dire « facteurs_de_reussite » ?")
        );
        let a = &r.unwrap().actions[0];
        assert_eq!(a.redaction.contexte.as_deref(), Some("Un **contexte**."));
        // A single partner is a list of one, like the other lists.
        assert_eq!(a.redaction.partenaires, ["CAF du Nord"]);
        assert_eq!(a.redaction.contact.as_deref(), Some("Camille"));
        assert_eq!(a.redaction.moyens, None);
    }

    #[test]
    fn suites_get_stable_ids() {
        let (r, d) = parse(
            "titre: R\ndate: 2022-03-03\nmodalite: visio\nsuites:\n  - quoi: Mettre en ligne\n    fait: oui\n  - id: doc\n    quoi: Doc\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        assert_eq!(r.suites[0].id, "2022-03-03-mettre-en-ligne");
        assert!(r.suites[0].fait);
        assert_eq!(r.suites[1].id, "doc");
    }
}

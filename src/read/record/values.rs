//! Dates, hours, closed lists, the network and territories of a record.

use super::RecordReader;
use crate::dates::{parse_date, parse_time};
use crate::diagnostic::Pos;
use crate::model::Modalite;
use crate::read::reader::Fields;
use crate::read::yaml::{self, Node};
use chrono::{NaiveDate, NaiveTime};

impl RecordReader<'_, '_> {
    pub(super) fn date_of(&mut self, node: &Node, path: &str) -> Option<NaiveDate> {
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

    pub(super) fn required_date(
        &mut self,
        fields: &mut Fields<'_>,
        key: &str,
    ) -> Option<(NaiveDate, Pos)> {
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

    pub(super) fn optional_date(
        &mut self,
        fields: &mut Fields<'_>,
        key: &str,
    ) -> Option<(NaiveDate, Pos)> {
        let path = fields.child(key);
        let node = fields.take(key)?;
        if matches!(node.value, yaml::Value::Null) {
            return None;
        }
        self.date_of(node, &path).map(|d| (d, yaml::pos_of(node)))
    }

    pub(super) fn time(&mut self, fields: &mut Fields<'_>, key: &str) -> Option<(NaiveTime, Pos)> {
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

    pub(super) fn check_hours(
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

    pub(super) fn check_file_name(&mut self, fichier: &str, date: NaiveDate, pos: Pos) {
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
    pub(super) fn choice<T>(
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

    pub(super) fn modalite(&mut self, node: &Node, path: &str) -> Option<Modalite> {
        let allowed = Modalite::ALL.map(Modalite::as_str);
        self.choice(node, path, "modalité", Modalite::parse, &allowed)
    }

    pub(super) fn reseau(&mut self, top: &mut Fields<'_>) -> Option<String> {
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

    pub(super) fn territory(&mut self, node: &Node, path: &str) -> Option<String> {
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
}

//! The follow-ups of a record, with their stable ids.

use super::{RecordReader, default_suite_id};
use crate::model::Suite;
use crate::read::reader::Fields;
use crate::read::yaml;
use crate::text::is_valid_id;
use chrono::NaiveDate;

impl RecordReader<'_, '_> {
    pub(super) fn suites(&mut self, top: &mut Fields<'_>, date: Option<NaiveDate>) -> Vec<Suite> {
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
            let interne = self.r.boolean(&mut f, "interne").unwrap_or(false);
            let f_pos = f.pos;
            self.r.finish(f, &crate::model::keys::SUITE.names());
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
                interne,
                chemin: path,
                qui_pos,
                echeance_pos: echeance.map(|(_, p)| p),
            });
        }
        out
    }
}

//! The people of a record (participants, excused, absent, the writer of
//! the minutes) and its points.

use super::RecordReader;
use crate::model::{Participant, Point};
use crate::read::reader::Fields;
use crate::read::yaml::{Node, Value, pos_of};

impl RecordReader<'_, '_> {
    pub(super) fn people(&mut self, top: &mut Fields<'_>, key: &str) -> Vec<Participant> {
        let Some(node) = top.take(key) else {
            return Vec::new();
        };
        let path = top.child(key);
        let mut out = Vec::new();
        for (i, item) in self.r.seq(node, &path).iter().enumerate() {
            out.extend(self.person(item, &format!("{path}[{i}]")));
        }
        out
    }

    /// `redaction:`, who wrote the minutes: one person, same shape as a
    /// participant.
    pub(super) fn writer(&mut self, top: &mut Fields<'_>) -> Option<Participant> {
        let node = top.take("redaction")?;
        if matches!(node.value, Value::Null) {
            return None;
        }
        self.person(node, "redaction")
    }

    /// One person: a mapping, or a bare name.
    fn person(&mut self, item: &Node, path: &str) -> Option<Participant> {
        // `- Jeanne Martin`: a name alone, as minutes list people. It is
        // personal data: published only with --avec-noms, like `nom:`.
        if let Some(nom) = self.bare_text(item, path) {
            return nom.map(|nom| Participant {
                fonction: None,
                structure: None,
                territoires: Vec::new(),
                nom: Some(nom),
                nombre: None,
            });
        }
        let mut f = self.r.map(item, path)?;
        let fonction = self.r.optional_text(&mut f, "fonction");
        let structure = self.r.optional_text(&mut f, "structure");
        let mut territoires = self.territories(&mut f, "territoire", path);
        for t in self.territories(&mut f, "territoires", path) {
            if !territoires.contains(&t) {
                territoires.push(t);
            }
        }
        let nom = self.r.optional_text(&mut f, "nom");
        let nombre = f
            .take("nombre")
            .and_then(|n| self.count(n, &format!("{path}.nombre")));
        if fonction.is_none() && structure.is_none() {
            self.r.error(
                f.pos,
                path,
                "une personne a besoin d'une « fonction » ou d'une « structure »",
                Some("les noms ne sont publiés qu'avec --avec-noms : la fonction et la structure disent qui était là".into()),
            );
        }
        self.r.finish(f, &crate::model::keys::PARTICIPANT.names());
        Some(Participant {
            fonction,
            structure,
            territoires,
            nom,
            nombre,
        })
    }

    pub(super) fn points(&mut self, top: &mut Fields<'_>) -> Vec<Point> {
        let Some(node) = top.take("points") else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in self.r.seq(node, "points").iter().enumerate() {
            let path = format!("points[{i}]");
            // `- Tour de table`: a point with only its title.
            if let Some(titre) = self.bare_text(item, &path) {
                out.extend(titre.map(|titre| Point {
                    titre,
                    contenu: None,
                    intervenants: Vec::new(),
                    decisions: Vec::new(),
                    interne: false,
                }));
                continue;
            }
            let Some(mut f) = self.r.map(item, &path) else {
                continue;
            };
            let titre = self.r.required_text(&mut f, "titre");
            let intervenants = self.people(&mut f, "intervenants");
            let contenu = self.r.markdown(&mut f, "contenu");
            let decisions = self.decisions(&mut f);
            let interne = self.r.boolean(&mut f, "interne").unwrap_or(false);
            self.r.finish(f, &crate::model::keys::POINT.names());
            if let Some((titre, _)) = titre {
                out.push(Point {
                    titre,
                    contenu,
                    intervenants,
                    decisions,
                    interne,
                });
            }
        }
        out
    }

    /// A list item written as a bare text where a mapping is expected:
    /// `None` when the item is not a text, `Some(None)` when it is an empty
    /// one (ignored, with a warning, like an empty item of a list of texts).
    fn bare_text(&mut self, item: &Node, path: &str) -> Option<Option<String>> {
        if !matches!(item.value, Value::Str(_)) {
            return None;
        }
        let text = self.r.text(item, path).unwrap_or_default();
        let text = text.trim();
        if text.is_empty() {
            self.r
                .warning(pos_of(item), path, "élément vide ignoré", None);
            return Some(None);
        }
        Some(Some(text.to_string()))
    }
}

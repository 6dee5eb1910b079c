//! The decisions of a record, on a point or of the whole meeting: a text,
//! or `{ quoi, vote }` when there was a vote.

use super::RecordReader;
use crate::model::{Decision, Vote};
use crate::read::reader::Fields;
use crate::read::yaml::{Node, Value, pos_of};

impl RecordReader<'_, '_> {
    /// `decisions:` of `fields` (the meeting or one point).
    pub(super) fn decisions(&mut self, fields: &mut Fields<'_>) -> Vec<Decision> {
        let path = fields.child("decisions");
        let Some(node) = fields.take("decisions") else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in self.r.seq(node, &path).iter().enumerate() {
            let item_path = format!("{path}[{i}]");
            if let Value::Str(_) = item.value {
                // `- Le comité valide la programmation.`: the decision alone.
                let text = self.r.text(item, &item_path).unwrap_or_default();
                let text = text.trim();
                if text.is_empty() {
                    self.r
                        .warning(pos_of(item), &item_path, "élément vide ignoré", None);
                } else {
                    out.push(Decision {
                        quoi: text.to_string(),
                        vote: None,
                        interne: false,
                    });
                }
                continue;
            }
            let Some(mut f) = self.r.map(item, &item_path) else {
                continue;
            };
            let quoi = self.r.required_text(&mut f, "quoi");
            let vote = f
                .take("vote")
                .and_then(|n| self.vote(n, &format!("{item_path}.vote")));
            let interne = self.r.boolean(&mut f, "interne").unwrap_or(false);
            self.r.finish(f, &crate::model::keys::DECISION.names());
            if let Some((quoi, _)) = quoi {
                out.push(Decision {
                    quoi,
                    vote,
                    interne,
                });
            }
        }
        out
    }

    fn vote(&mut self, node: &Node, path: &str) -> Option<Vote> {
        if matches!(node.value, Value::Null) {
            return None;
        }
        let mut f = self.r.map(node, path)?;
        let mut vote = Vote::default();
        let mut ok = true;
        for (key, count) in [
            ("pour", &mut vote.pour),
            ("contre", &mut vote.contre),
            ("abstention", &mut vote.abstention),
        ] {
            let key_path = f.child(key);
            let Some(n) = f.take(key) else { continue };
            match self.count(n, &key_path) {
                Some(c) => *count = c,
                None => ok = false,
            }
        }
        self.r.finish(f, &crate::model::keys::VOTE.names());
        ok.then_some(vote)
    }

    /// A number of votes or of people: a whole number, 0 or more.
    pub(super) fn count(&mut self, node: &Node, path: &str) -> Option<u32> {
        let text = self.r.text(node, path)?;
        let text = text.trim();
        if let Ok(n) = text.parse::<u32>() {
            return Some(n);
        }
        let message = if text.starts_with('-') {
            format!("un nombre ne peut pas être négatif : « {text} »")
        } else {
            format!("« {text} » n'est pas un nombre entier")
        };
        self.r.error(
            pos_of(node),
            path,
            message,
            Some("écrivez un nombre entier, 0 ou plus, en chiffres : « 12 »".into()),
        );
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_record;
    use crate::model::Vote;
    use crate::read::config::parse_config;

    fn parse(
        extra: &str,
    ) -> (
        Option<crate::model::Reunion>,
        Vec<crate::diagnostic::Diagnostic>,
    ) {
        let (c, _) = parse_config("organisation:\n  nom: IREV\n", None);
        let src = format!("titre: R\ndate: 2022-03-03\nmodalite: visio\n{extra}");
        parse_record("reunions/2022-03-03-test.yaml", &src, &c)
    }

    #[test]
    fn a_decision_is_a_text_or_what_and_vote() {
        let (r, d) = parse(
            "points:\n  - titre: Bilan\n    intervenants:\n      - fonction: Principale\n    decisions:\n      - Le comité valide la programmation.\n      - quoi: Le nom est adopté.\n        vote: { pour: 12, contre: 0, abstention: 1 }\ndecisions:\n  - La prochaine séance se tiendra à Lille.\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        let p = &r.points[0];
        assert_eq!(p.intervenants[0].fonction.as_deref(), Some("Principale"));
        assert_eq!(p.decisions[0].quoi, "Le comité valide la programmation.");
        assert_eq!(p.decisions[0].vote, None);
        assert_eq!(
            p.decisions[1].vote,
            Some(Vote {
                pour: 12,
                contre: 0,
                abstention: 1
            })
        );
        assert_eq!(
            r.decisions[0].quoi,
            "La prochaine séance se tiendra à Lille."
        );
    }

    #[test]
    fn a_negative_or_unknown_count_is_an_error_at_its_place() {
        let (_, d) =
            parse("decisions:\n  - quoi: X\n    vote: { pour: -2, contre: beaucoup, blancs: 1 }\n");
        let paths: Vec<&str> = d.iter().map(|d| d.chemin.as_str()).collect();
        assert_eq!(
            paths,
            [
                "decisions[0].vote.pour",
                "decisions[0].vote.contre",
                "decisions[0].vote.blancs"
            ]
        );
        assert!(d[0].message.contains("négatif"));
    }

    #[test]
    fn a_speaker_is_checked_like_a_participant() {
        let (_, d) = parse("points:\n  - titre: A\n    intervenants:\n      - nom: Claire\n");
        assert_eq!(d[0].chemin, "points[0].intervenants[0]");
    }
}

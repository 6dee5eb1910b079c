//! Every decision of the folder (`decisions` of the points and of the
//! meetings), newest meeting first, with its meeting and point, selected
//! with the one [`Filter`]: period and network choose the meetings,
//! `--territoire` keeps the meetings a territory took part in or that are
//! about it, `--texte` looks in the decision and the title of its point.

use super::filter::{Filter, involves};
use crate::model::{Decision, Point, Reunion};

/// A decision with where it was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionPrise<'a> {
    /// The meeting.
    pub reunion: &'a Reunion,
    /// Its point, when the decision belongs to one.
    pub point: Option<&'a Point>,
    /// The decision.
    pub decision: &'a Decision,
}

impl DecisionPrise<'_> {
    /// Left out of public outputs: the decision, or its point, is
    /// marked `interne: true`.
    pub fn interne(&self) -> bool {
        self.decision.interne || self.point.is_some_and(|p| p.interne)
    }
}

/// The decisions `filter` keeps, newest meeting first, in the record's
/// order within a meeting (points in order, then the meeting's own).
/// `reunions` are sorted oldest first, as the folder gives them.
pub fn decisions<'a>(reunions: &'a [Reunion], filter: &Filter) -> Vec<DecisionPrise<'a>> {
    reunions
        .iter()
        .rev()
        .filter(|r| filter.keeps_meeting(r))
        .filter(|r| {
            filter.territoires.is_empty()
                || filter
                    .territoires
                    .iter()
                    .any(|t| involves(r, t) || r.territoires.contains(t))
        })
        .flat_map(|r| {
            r.all_decisions()
                .map(move |(point, decision)| DecisionPrise {
                    reunion: r,
                    point,
                    decision,
                })
        })
        .filter(|d| {
            let mut texts = vec![d.decision.quoi.as_str()];
            texts.extend(d.point.map(|p| p.titre.as_str()));
            filter.keeps_words(&texts)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::filter::FilterRequest;
    use crate::read::config::parse_config;

    #[test]
    fn newest_first_with_point_and_filters() {
        let (c, _) = parse_config(
            "organisation:\n  nom: x\nterritoires: [Lille, Maubeuge]\n",
            None,
        );
        let reunions = vec![
            crate::read::record::valid_record(
                "reunions/a.yaml",
                "titre: A\ndate: 2022-03-03\nmodalite: visio\nterritoires: [Maubeuge]\npoints:\n  - titre: Budget\n    decisions: [Le budget est voté.]\ndecisions: [On se revoit.]\n",
                &c,
            ),
            crate::read::record::valid_record(
                "reunions/b.yaml",
                "titre: B\ndate: 2022-04-06\nmodalite: visio\ndecisions:\n  - quoi: Le nom est adopté.\n    vote: { pour: 2, contre: 1, abstention: 0 }\n",
                &c,
            ),
        ];
        let all = decisions(&reunions, &Filter::default());
        let quoi: Vec<&str> = all.iter().map(|d| d.decision.quoi.as_str()).collect();
        assert_eq!(
            quoi,
            ["Le nom est adopté.", "Le budget est voté.", "On se revoit."]
        );
        assert_eq!(all[1].point.map(|p| p.titre.as_str()), Some("Budget"));
        assert!(all[2].point.is_none());

        let filter = |request: FilterRequest| Filter::new(&request, &c, &reunions).unwrap();
        let budget = filter(FilterRequest {
            texte: Some("budget".into()),
            ..FilterRequest::default()
        });
        // Found in the decision and, for the point's title, only there.
        assert_eq!(decisions(&reunions, &budget).len(), 1);
        let maubeuge = filter(FilterRequest {
            territoires: vec!["maubeuge".into()],
            ..FilterRequest::default()
        });
        assert_eq!(decisions(&reunions, &maubeuge).len(), 2);
        let recent = filter(FilterRequest {
            depuis: Some("2022-04-01".into()),
            ..FilterRequest::default()
        });
        assert_eq!(decisions(&reunions, &recent).len(), 1);
    }
}

//! `reunion actions --synthese`: the practices counted per territory and
//! statut, with the totals.

use super::actions::practices;
use super::filter::Filter;
use crate::model::{Reunion, Statut};
use crate::read::config::Config;

/// Counts for one territory (or the total): one per statut, in the order of
/// [`Statut::ALL`], and their sum.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comptes {
    /// By statut, in the order of [`Statut::ALL`].
    pub par_statut: [usize; Statut::ALL.len()],
    /// Sum of them.
    pub total: usize,
}

impl Comptes {
    fn add(&mut self, statut: Statut) {
        let i = Statut::ALL
            .iter()
            .position(|s| *s == statut)
            .unwrap_or_default();
        self.par_statut[i] += 1;
        self.total += 1;
    }

    /// The count for one statut.
    pub fn get(&self, statut: Statut) -> usize {
        Statut::ALL
            .iter()
            .position(|s| *s == statut)
            .map_or(0, |i| self.par_statut[i])
    }
}

/// Counts per territory and statut, with totals.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synthese {
    /// One row per territory, in the order of the referential.
    pub territoires: Vec<(String, Comptes)>,
    /// All territories together.
    pub total: Comptes,
}

/// Counts the practices `filter` keeps (see [`practices`]) per territory
/// and statut, each in its latest state. Rows are the territories of
/// the referential (only those filtered on, when `--territoire` was given),
/// zeros included: a territory with nothing to show is part of the picture.
pub fn synthese(reunions: &[Reunion], config: &Config, filter: &Filter) -> Synthese {
    let mut rows: Vec<(String, Comptes)> = config
        .territoires
        .all()
        .iter()
        .filter(|t| filter.territoires.is_empty() || filter.territoires.contains(&t.nom))
        .map(|t| (t.nom.clone(), Comptes::default()))
        .collect();
    let mut total = Comptes::default();
    for l in practices(reunions, filter) {
        let i = match rows.iter().position(|(t, _)| *t == l.action.territoire) {
            Some(i) => i,
            // Cannot happen with resolved records; kept so no action is lost.
            None => {
                rows.push((l.action.territoire.clone(), Comptes::default()));
                rows.len() - 1
            }
        };
        rows[i].1.add(l.action.statut);
        total.add(l.action.statut);
    }
    Synthese {
        territoires: rows,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::filter::tests::folder;

    #[test]
    fn counts_per_territory_and_statut() {
        let (c, reunions) = folder();
        let f = Filter::default();
        // The passerelle, told in March and June, is one practice, counted
        // in its June state (fiche publiée).
        let s = synthese(&reunions, &c, &f);
        let names: Vec<_> = s.territoires.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["Lille", "Maubeuge", "Valenciennes-Anzin"]);
        assert_eq!(s.territoires[0].1.par_statut, [0, 0, 1]);
        assert_eq!(s.territoires[1].1.get(Statut::FicheEnCours), 1);
        assert_eq!(s.territoires[2].1.total, 0);
        assert_eq!(s.total.par_statut, [0, 1, 1]);
        assert_eq!(s.total.total, 2);
    }
}

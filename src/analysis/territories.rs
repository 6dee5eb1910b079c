//! `reunion territoires`: per territory of the referential, its aliases,
//! the meetings where it was represented and how many practices it has.

use super::actions::practices;
use super::filter::{Filter, involves};
use crate::model::Reunion;
use crate::read::config::Config;
use std::collections::HashMap;

/// How many practices each territory has (canonical name → count): the one
/// count of « the actions of a territory », used by `territoires`, the
/// index and the territory pages. A practice followed over several meetings
/// (one id) counts once, for the territory of its latest meeting; its sum
/// per statut is what `actions --synthese` shows.
pub fn practice_counts(reunions: &[Reunion]) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for l in practices(reunions, &Filter::default()) {
        *counts.entry(l.action.territoire.as_str()).or_default() += 1;
    }
    counts
}

/// What `reunion territoires` shows for one territory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatTerritoire {
    /// Canonical name.
    pub nom: String,
    /// Other spellings.
    pub alias: Vec<String>,
    /// Meetings where a participant of the territory came, or where one of
    /// its actions was told.
    pub reunions: usize,
    /// Its practices (see [`practice_counts`]).
    pub actions: usize,
}

/// Per territory of the referential, in its order: aliases, meetings where
/// it was represented, practices.
pub fn territoires(config: &Config, reunions: &[Reunion]) -> Vec<StatTerritoire> {
    let counts = practice_counts(reunions);
    config
        .territoires
        .all()
        .iter()
        .map(|t| StatTerritoire {
            nom: t.nom.clone(),
            alias: t.alias.clone(),
            reunions: reunions.iter().filter(|r| involves(r, &t.nom)).count(),
            actions: counts.get(t.nom.as_str()).copied().unwrap_or(0),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::filter::tests::folder;

    #[test]
    fn territory_stats() {
        let (c, reunions) = folder();
        let stats = territoires(&c, &reunions);
        assert_eq!(stats[0].nom, "Lille");
        assert_eq!(stats[0].alias, ["Lille Sud"]);
        assert_eq!((stats[0].reunions, stats[0].actions), (2, 1));
        assert_eq!((stats[1].reunions, stats[1].actions), (1, 1));
        assert_eq!((stats[2].reunions, stats[2].actions), (0, 0));
    }
}

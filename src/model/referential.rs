//! The territories of the network and their aliases: how `lille sud`,
//! `VALENCIENNE/ANZIN` or `Sud de Lille` become one canonical name.

use crate::text::{fold, suggest};
use std::collections::HashMap;

/// One territory of the referential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Territoire {
    /// Canonical name, used everywhere once resolved.
    pub nom: String,
    /// Other spellings people use.
    pub alias: Vec<String>,
}

/// Two spellings of the referential that fold to the same key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// The spelling that comes second.
    pub spelling: String,
    /// Index of the territory it belongs to.
    pub territory: usize,
    /// The canonical name it clashes with.
    pub other: String,
}

/// The territories, indexed by folded spelling.
#[derive(Debug, Clone, Default)]
pub struct Referential {
    territoires: Vec<Territoire>,
    index: HashMap<String, usize>,
}

impl Referential {
    /// Builds the index; spellings that fold to a key already taken by
    /// another territory are returned as clashes (the first one wins).
    pub fn new(territoires: Vec<Territoire>) -> (Referential, Vec<Clash>) {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut clashes = Vec::new();
        for (i, t) in territoires.iter().enumerate() {
            for spelling in std::iter::once(&t.nom).chain(&t.alias) {
                let key = fold(spelling);
                match index.get(&key) {
                    Some(&j) if j != i => clashes.push(Clash {
                        spelling: spelling.clone(),
                        territory: i,
                        other: territoires[j].nom.clone(),
                    }),
                    Some(_) => {}
                    None => {
                        index.insert(key, i);
                    }
                }
            }
        }
        (Referential { territoires, index }, clashes)
    }

    /// The territory a spelling names, whatever its case, accents, spaces or
    /// punctuation.
    pub fn resolve(&self, spelling: &str) -> Option<&Territoire> {
        self.index
            .get(&fold(spelling))
            .map(|&i| &self.territoires[i])
    }

    /// The canonical name nearest to a spelling that did not resolve.
    pub fn nearest(&self, spelling: &str) -> Option<&str> {
        let spellings = self.territoires.iter().flat_map(|t| {
            std::iter::once(t.nom.as_str()).chain(t.alias.iter().map(String::as_str))
        });
        let found = suggest(spelling, spellings)?;
        self.resolve(found).map(|t| t.nom.as_str())
    }

    /// Every territory, in the order of `reunion.yaml`.
    pub fn all(&self) -> &[Territoire] {
        &self.territoires
    }

    /// Whether no territory is declared.
    pub fn is_empty(&self) -> bool {
        self.territoires.is_empty()
    }

    /// The canonical names, comma-separated, for help lines.
    pub fn names_list(&self) -> String {
        self.territoires
            .iter()
            .map(|t| t.nom.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn referential() -> Referential {
        let (r, clashes) = Referential::new(vec![
            Territoire {
                nom: "Lille".into(),
                alias: vec!["Sud de Lille".into(), "Lille Sud".into()],
            },
            Territoire {
                nom: "Valenciennes-Anzin".into(),
                alias: vec!["Valencienne-Anzin".into(), "Valencienne/Anzin".into()],
            },
            Territoire {
                nom: "Maubeuge".into(),
                alias: vec![],
            },
        ]);
        assert!(clashes.is_empty());
        r
    }

    #[test]
    fn resolves_names_and_aliases_in_any_form() {
        let r = referential();
        assert_eq!(r.resolve("lille sud").unwrap().nom, "Lille");
        assert_eq!(r.resolve("LILLE-SUD").unwrap().nom, "Lille");
        assert_eq!(r.resolve("sud de lille").unwrap().nom, "Lille");
        assert_eq!(
            r.resolve("VALENCIENNE/ANZIN").unwrap().nom,
            "Valenciennes-Anzin"
        );
        assert_eq!(
            r.resolve("valenciennes anzin").unwrap().nom,
            "Valenciennes-Anzin"
        );
        assert_eq!(r.resolve(" Maubeuge ").unwrap().nom, "Maubeuge");
        assert!(r.resolve("Roubaix").is_none());
        assert!(r.resolve("").is_none());
    }

    #[test]
    fn suggests_the_canonical_name() {
        let r = referential();
        assert_eq!(r.nearest("Lile"), Some("Lille"));
        assert_eq!(r.nearest("Valencienne"), Some("Valenciennes-Anzin"));
        assert_eq!(r.nearest("Mobeuge"), Some("Maubeuge"));
        assert_eq!(r.nearest("Strasbourg"), None);
    }

    #[test]
    fn clashing_aliases_are_reported() {
        let (_, clashes) = Referential::new(vec![
            Territoire {
                nom: "Lille".into(),
                alias: vec![],
            },
            Territoire {
                nom: "Roubaix".into(),
                alias: vec!["LILLE".into()],
            },
        ]);
        assert_eq!(clashes.len(), 1);
        assert_eq!(clashes[0].other, "Lille");
        assert_eq!(clashes[0].territory, 1);
    }
}

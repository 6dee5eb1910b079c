//! The sections of a fiche expérience, listed once: their key in a record,
//! their heading, whether they are personal data, and where each is kept in
//! a [`Redaction`]. The reader's keys, the merge of a fiche, the search
//! fields and what is left to write derive from this table.

use serde::{Deserialize, Serialize};

/// The write-up of a practice for its fiche expérience: every field is
/// optional and Markdown, filled in meeting after meeting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Redaction {
    /// Why the practice started: the situation, the needs.
    pub contexte: Option<String>,
    /// What it aims at.
    pub objectifs: Option<String>,
    /// Who works on it (one Markdown text each).
    pub partenaires: Vec<String>,
    /// People, money, places, tools.
    pub moyens: Option<String>,
    /// What came of it.
    pub resultats: Option<String>,
    /// What made it work.
    pub facteurs_de_reussite: Option<String>,
    /// What to watch for when doing it elsewhere.
    pub points_de_vigilance: Option<String>,
    /// Whom to ask: personal data, published only on request, like `nom`.
    pub contact: Option<String>,
}

/// A section of a fiche, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// `contexte`.
    Contexte,
    /// `objectifs`.
    Objectifs,
    /// `partenaires`: the one list of texts.
    Partenaires,
    /// `moyens`.
    Moyens,
    /// `resultats`.
    Resultats,
    /// `facteurs_de_reussite`.
    FacteursDeReussite,
    /// `points_de_vigilance`.
    PointsDeVigilance,
    /// `contact`: personal data.
    Contact,
}

/// What is known of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionInfo {
    /// Which.
    pub section: Section,
    /// Its key in a record.
    pub key: &'static str,
    /// Its heading on the fiche.
    pub label: &'static str,
    /// Personal data: published only with `--avec-noms`, never searched.
    pub personal: bool,
}

const fn info(section: Section, key: &'static str, label: &'static str) -> SectionInfo {
    SectionInfo {
        section,
        key,
        label,
        personal: matches!(section, Section::Contact),
    }
}

/// Every section, in the order of the fiche (and of [`Section`]).
pub const SECTIONS: [SectionInfo; 8] = [
    info(Section::Contexte, "contexte", "Contexte"),
    info(Section::Objectifs, "objectifs", "Objectifs"),
    info(Section::Partenaires, "partenaires", "Partenaires"),
    info(Section::Moyens, "moyens", "Moyens"),
    info(Section::Resultats, "resultats", "Résultats"),
    info(
        Section::FacteursDeReussite,
        "facteurs_de_reussite",
        "Facteurs de réussite",
    ),
    info(
        Section::PointsDeVigilance,
        "points_de_vigilance",
        "Points de vigilance",
    ),
    info(Section::Contact, "contact", "Contact"),
];

impl Section {
    /// Every section, in the order of the fiche.
    pub const ALL: [Section; SECTIONS.len()] = {
        let mut all = [Section::Contexte; SECTIONS.len()];
        let mut i = 0;
        while i < SECTIONS.len() {
            all[i] = SECTIONS[i].section;
            i += 1;
        }
        all
    };

    fn info(self) -> &'static SectionInfo {
        // The table is in the order of the enum (checked by a test).
        &SECTIONS[self as usize]
    }

    /// The key in a record.
    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// The heading on the fiche.
    pub fn label(self) -> &'static str {
        self.info().label
    }

    /// Whether it is personal data.
    pub fn personal(self) -> bool {
        self.info().personal
    }

    /// Whether `r` fills this section.
    pub fn filled(self, r: &Redaction) -> bool {
        match self {
            Section::Partenaires => !r.partenaires.is_empty(),
            other => other.text(r).is_some(),
        }
    }

    /// Where a one-text section is kept (`None` for `partenaires`).
    pub fn field(self, r: &Redaction) -> Option<&Option<String>> {
        match self {
            Section::Contexte => Some(&r.contexte),
            Section::Objectifs => Some(&r.objectifs),
            Section::Partenaires => None,
            Section::Moyens => Some(&r.moyens),
            Section::Resultats => Some(&r.resultats),
            Section::FacteursDeReussite => Some(&r.facteurs_de_reussite),
            Section::PointsDeVigilance => Some(&r.points_de_vigilance),
            Section::Contact => Some(&r.contact),
        }
    }

    /// The same, to write it.
    pub fn field_mut(self, r: &mut Redaction) -> Option<&mut Option<String>> {
        match self {
            Section::Contexte => Some(&mut r.contexte),
            Section::Objectifs => Some(&mut r.objectifs),
            Section::Partenaires => None,
            Section::Moyens => Some(&mut r.moyens),
            Section::Resultats => Some(&mut r.resultats),
            Section::FacteursDeReussite => Some(&mut r.facteurs_de_reussite),
            Section::PointsDeVigilance => Some(&mut r.points_de_vigilance),
            Section::Contact => Some(&mut r.contact),
        }
    }

    /// The text of a one-text section (`None` for `partenaires`, or when
    /// not written).
    pub fn text(self, r: &Redaction) -> Option<&String> {
        self.field(r).and_then(Option::as_ref)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_the_enum() {
        for (i, info) in SECTIONS.iter().enumerate() {
            assert_eq!(info.section as usize, i, "{}", info.key);
            assert_eq!(info.section.key(), info.key);
        }
        let mut r = Redaction::default();
        for s in Section::ALL {
            if let Some(f) = s.field_mut(&mut r) {
                *f = Some(s.key().to_string());
            }
        }
        // Each key reaches its own field, and only partenaires is a list.
        assert_eq!(
            r.facteurs_de_reussite.as_deref(),
            Some("facteurs_de_reussite")
        );
        assert_eq!(r.contact.as_deref(), Some("contact"));
        assert!(
            Section::ALL
                .iter()
                .all(|s| s.field(&r).is_some() != (*s == Section::Partenaires))
        );
        assert!(
            Section::ALL
                .iter()
                .filter(|s| s.personal())
                .eq([Section::Contact].iter())
        );
    }
}

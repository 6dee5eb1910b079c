//! The people declared in a folder, indexed by the words of their names
//! (whole, in either order, the surname alone) to find them in a text.

use super::role::{self, Gender};
use super::words;
use std::collections::HashMap;

/// Someone declared in the folder: a name (personal data) and what is known
/// of their role, from which the text published in place of the name is
/// written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Person {
    /// The name as typed: « Chantal Nordez », « Mme NORDEZ Chantal ».
    pub name: String,
    /// Their function: « Principale du collège ».
    pub fonction: Option<String>,
    /// Their organisation: « Collège Marc Seguin ».
    pub structure: Option<String>,
}

impl Person {
    /// A person from a name and what is known of the role.
    pub fn new(name: &str, fonction: Option<&str>, structure: Option<&str>) -> Self {
        let clean = |s: Option<&str>| s.map(crate::text::one_line).filter(|s| !s.is_empty());
        Person {
            name: crate::text::one_line(name),
            fonction: clean(fonction),
            structure: clean(structure),
        }
    }

    /// Whether a role is known: otherwise the name is published as initials.
    pub fn has_role(&self) -> bool {
        self.fonction.is_some() || self.structure.is_some()
    }
}

/// One way a declared name may be written: its words, folded.
#[derive(Debug, Clone)]
pub(super) struct Pattern {
    pub(super) words: Vec<String>,
    /// The surname alone: matched only when written with a capital, so
    /// that a surname that is also a word (« Petit ») is not found in
    /// « un petit groupe ».
    pub(super) surname_only: bool,
    /// Index in [`People::persons`].
    pub(super) person: usize,
}

/// The people declared in a folder, indexed to find their names in a text.
#[derive(Debug, Clone, Default)]
pub struct People {
    persons: Vec<Person>,
    /// Gender told by a civility in the declared name (« Mme Chantal
    /// Nordez »), by person.
    genders: Vec<Option<Gender>>,
    /// First folded word → the patterns starting with it, longest first.
    pub(super) patterns: HashMap<String, Vec<Pattern>>,
    /// How many words the longest pattern has.
    longest: usize,
}

impl People {
    /// How many words the longest declared name has.
    pub(super) fn longest_name(&self) -> usize {
        self.longest
    }
}

impl People {
    /// Indexes `persons`. The same name declared twice (the same person
    /// at several meetings) is one person: the last declaration that gives
    /// a role wins, so that a name is replaced by the latest role known.
    pub fn new(persons: impl IntoIterator<Item = Person>) -> Self {
        let mut by_name: HashMap<Vec<String>, usize> = HashMap::new();
        let mut people = People::default();
        for person in persons {
            let (gender, words) = words::name_words(&person.name);
            if words.is_empty() {
                continue;
            }
            match by_name.get(&words) {
                Some(&i) => {
                    if person.has_role() || !people.persons[i].has_role() {
                        people.persons[i].fonction = person.fonction;
                        people.persons[i].structure = person.structure;
                    }
                    if gender.is_some() {
                        people.genders[i] = gender;
                    }
                }
                None => {
                    by_name.insert(words, people.persons.len());
                    people.persons.push(person);
                    people.genders.push(gender);
                }
            }
        }
        for (words, &i) in &by_name {
            people.add_patterns(words, i);
        }
        people.longest = (people.patterns.values().flatten())
            .map(|p| p.words.len())
            .max()
            .unwrap_or(0);
        for list in people.patterns.values_mut() {
            // Longest first, then a stable order whatever the hash map's.
            list.sort_by(|a, b| {
                (b.words.len(), a.surname_only, a.person).cmp(&(
                    a.words.len(),
                    b.surname_only,
                    b.person,
                ))
            });
        }
        people
    }

    fn add_patterns(&mut self, words: &[String], person: usize) {
        let mut add = |words: Vec<String>, surname_only: bool| {
            let first = words[0].clone();
            self.patterns.entry(first).or_default().push(Pattern {
                words,
                surname_only,
                person,
            });
        };
        add(words.to_vec(), words.len() == 1);
        let Some((given, surname)) = words::split_name(&self.persons[person].name) else {
            return;
        };
        // « Nordez Chantal » for « Chantal Nordez », and « Nordez » alone.
        for order in [
            [given.as_slice(), surname.as_slice()].concat(),
            [surname.as_slice(), given.as_slice()].concat(),
        ] {
            if order != words {
                add(order, false);
            }
        }
        add(surname, true);
    }

    /// The people, in the order they were first declared.
    pub fn persons(&self) -> &[Person] {
        &self.persons
    }

    /// Whether nobody is declared.
    pub fn is_empty(&self) -> bool {
        self.persons.is_empty()
    }

    /// The gender a declared name tells by its civility, if any.
    pub fn gender(&self, person: usize) -> Option<Gender> {
        self.genders[person]
    }

    /// What a declared person is published as, written where a name
    /// was: their role (`gender` from the civility written before the
    /// name, if any), else `None` (initials are then written).
    pub fn role_of(&self, person: usize, gender: Option<Gender>) -> Option<String> {
        let p = &self.persons[person];
        role::phrase(
            p.fonction.as_deref(),
            p.structure.as_deref(),
            gender.or(self.genders[person]),
        )
    }

    /// A digest of what changes the published text of any record: the
    /// names and roles (a page must be written again when a person
    /// declared in another record is added or changes role).
    pub fn digest_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for p in &self.persons {
            for part in [
                Some(p.name.as_str()),
                p.fonction.as_deref(),
                p.structure.as_deref(),
            ] {
                out.extend_from_slice(part.unwrap_or("\u{1}").as_bytes());
                out.push(0);
            }
        }
        out
    }
}

//! Finding people's names in a text: a declared name (whole, in either
//! order, or its surname alone written with a capital), with the civility
//! written before it if any, and any civility followed by a capitalised
//! word that is no declared name.
//!
//! Only these are found: a capitalised word is a name only after a
//! civility or when it is declared, so the first word of a sentence, a
//! place or an organisation is never taken for one.

use super::people::People;
use super::role::Gender;
use super::words::{Window, Word, civility, hyphenated, joined, spaced};

/// Who a name found is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// A declared person (index in [`People::persons`]).
    Declared(usize),
    /// A surname several declared people share: which one is not known.
    Ambiguous,
    /// Nobody declared: a civility followed by a capitalised word.
    Undeclared,
}

/// A name in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte range of the whole mention, civility included.
    pub start: usize,
    /// End of the range.
    pub end: usize,
    /// Where the name itself (after the civility) starts.
    pub name_start: usize,
    /// Who.
    pub found: Found,
    /// The gender the civility written before the name tells.
    pub gender: Option<Gender>,
}

impl Finding {
    /// The civility written before the name, with its dot (« Mme », « M. »).
    pub fn civility<'t>(&self, text: &'t str) -> Option<&'t str> {
        (self.name_start > self.start).then(|| text[self.start..self.name_start].trim_end())
    }
}

impl People {
    /// Every name of `text`: see [`find`].
    pub fn find(&self, text: &str) -> Vec<Finding> {
        find(self, text)
    }
}

/// Every name of `text`, in order, none overlapping.
pub fn find(people: &People, text: &str) -> Vec<Finding> {
    // What is read after a word: a civility, then the longest declared
    // name or a capitalised run of five words, then the word that would
    // join a hyphen to it.
    let mut window = Window::new(text, people.longest_name() + 7);
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        let (ws, i) = window.at(at);
        if i >= ws.len() {
            return out;
        }
        let civ = civility(text, ws, i)
            .filter(|&(_, end)| i + 1 < ws.len() && spaced(&text[end..ws[i + 1].start]));
        let name_at = if civ.is_some() { i + 1 } else { i };
        let glued = civ.is_none() && i > 0 && hyphenated(&text[ws[i - 1].end..ws[i].start]);
        if !glued && let Some((n, found)) = declared_at(people, text, ws, name_at) {
            out.push(Finding {
                start: ws[i].start,
                end: ws[name_at + n - 1].end,
                name_start: ws[name_at].start,
                found,
                gender: civ.and_then(|(g, _)| g),
            });
            at += name_at + n - i;
            continue;
        }
        if let Some((gender, _)) = civ {
            let n = capitalised_run(text, ws, name_at);
            if n > 0 {
                out.push(Finding {
                    start: ws[i].start,
                    end: ws[name_at + n - 1].end,
                    name_start: ws[name_at].start,
                    found: Found::Undeclared,
                    gender,
                });
                at += name_at + n - i;
                continue;
            }
        }
        at += 1;
    }
}

/// The declared name starting at word `j`: how many words it has and who.
fn declared_at(people: &People, text: &str, ws: &[Word<'_>], j: usize) -> Option<(usize, Found)> {
    let candidates = people.patterns.get(ws.get(j)?.folded.as_ref())?;
    let mut matched: Option<(usize, Found)> = None;
    for p in candidates {
        let n = p.words.len();
        if matched.is_some_and(|(m, _)| m != n) {
            break;
        }
        let Some(span) = ws.get(j..j + n) else {
            continue;
        };
        let fits = span.iter().zip(&p.words).all(|(w, f)| w.folded == f.as_str())
            && span.windows(2).all(|pair| joined(text, &pair[0], &pair[1]))
            && (!p.surname_only || span[0].capitalised())
            // « Martin » is not found in « Martin-Dupont ».
            && !ws
                .get(j + n)
                .is_some_and(|next| hyphenated(&text[span[n - 1].end..next.start]));
        if !fits {
            continue;
        }
        matched = Some(match matched {
            None => (n, Found::Declared(p.person)),
            Some((_, Found::Declared(q))) if q == p.person => (n, Found::Declared(q)),
            Some(_) => (n, Found::Ambiguous),
        });
    }
    matched
}

/// Articles that begin surnames (« Le Gall ») but also titles (« Le
/// Maire »): taken as part of a name only before another capitalised word.
const ARTICLES: [&str; 4] = ["le", "la", "les", "l"];

/// How many capitalised words, joined as one name's, start at word `j`
/// (three at most: « Jean-Pierre Le Gall » is four, its initials are
/// still given for the first three).
fn capitalised_run(text: &str, ws: &[Word<'_>], j: usize) -> usize {
    let mut n = 0;
    while let Some(w) = ws.get(j + n) {
        let letter = w.text.chars().next().is_some_and(char::is_alphabetic);
        if !letter || !w.capitalised() || n >= 4 {
            break;
        }
        if n > 0 && !joined(text, &ws[j + n - 1], w) {
            break;
        }
        if ARTICLES.contains(&w.folded.as_ref()) {
            let next_is_name = ws
                .get(j + n + 1)
                .is_some_and(|next| next.capitalised() && joined(text, w, next));
            if !next_is_name {
                break;
            }
        }
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy::Person;

    fn people() -> People {
        People::new([
            Person::new(
                "Chantal Nordez",
                Some("Principale du collège"),
                Some("Collège Marc Seguin"),
            ),
            Person::new("Jean-Pierre Le Gall", None, None),
            Person::new("Mme Petit", Some("Chargée de mission"), None),
            Person::new("Paul Martin", Some("Directeur"), None),
            Person::new("Anne Martin", Some("Directrice"), None),
        ])
    }

    fn found(text: &str) -> Vec<(&str, Found)> {
        find(&people(), text)
            .into_iter()
            .map(|f| (&text[f.start..f.end], f.found))
            .collect()
    }

    #[test]
    fn a_declared_name_whole_or_its_surname() {
        assert_eq!(
            found("Chantal Nordez présente ; Mme Nordez conclut, NORDEZ Chantal aussi."),
            [
                ("Chantal Nordez", Found::Declared(0)),
                ("Mme Nordez", Found::Declared(0)),
                ("NORDEZ Chantal", Found::Declared(0)),
            ]
        );
        assert_eq!(
            found("chantal nordéz, Nordez, M. Jean-Pierre Le Gall"),
            [
                ("chantal nordéz", Found::Declared(0)),
                ("Nordez", Found::Declared(0)),
                ("M. Jean-Pierre Le Gall", Found::Declared(1)),
            ]
        );
        assert_eq!(
            found("Mme\u{a0}Nordez et Madame\nNordez"),
            [
                ("Mme\u{a0}Nordez", Found::Declared(0)),
                ("Madame\nNordez", Found::Declared(0)),
            ]
        );
    }

    #[test]
    fn word_boundaries_and_case_keep_ordinary_words() {
        assert!(found("un petit groupe, Saint-Martin, les Nordezois, nordez").is_empty());
        assert_eq!(found("Petit à petit"), [("Petit", Found::Declared(2))]);
    }

    #[test]
    fn names_far_into_a_long_text_are_found() {
        let filler = "[a](".repeat(10_000);
        let text = format!("{filler} Chantal Nordez, {filler}Mme Dupont et M. Jean-Pierre Le Gall");
        let f = found(&text);
        assert_eq!(
            f,
            [
                ("Chantal Nordez", Found::Declared(0)),
                ("Mme Dupont", Found::Undeclared),
                ("M. Jean-Pierre Le Gall", Found::Declared(1)),
            ]
        );
    }

    #[test]
    fn a_shared_surname_is_ambiguous() {
        assert_eq!(
            found("M. Martin et Anne Martin"),
            [
                ("M. Martin", Found::Ambiguous),
                ("Anne Martin", Found::Declared(4)),
            ]
        );
    }

    #[test]
    fn a_civility_before_an_undeclared_name() {
        assert_eq!(
            found("Mme Dupont, M. Jean Durand, Dr Who et Madame la Principale, M. Le Maire."),
            [
                ("Mme Dupont", Found::Undeclared),
                ("M. Jean Durand", Found::Undeclared),
                ("Dr Who", Found::Undeclared),
                ("M. Le Maire", Found::Undeclared),
            ]
        );
        assert!(found("M. le maire, Monsieur le Préfet, Mme la directrice, m. Dupont").is_empty());
        let f = find(&people(), "avec Mme Dupont");
        assert_eq!(f[0].civility("avec Mme Dupont"), Some("Mme"));
        assert_eq!(f[0].gender, Some(Gender::Feminine));
    }
}

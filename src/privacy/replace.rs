//! A text with its names replaced by what may be published: a declared
//! person's role, else the civility as written and initials (« Mme D. »).
//!
//! The role is fitted into the sentence: « de » or « à » before it make
//! « du » and « au » (« présenté par … de M. Dupont » → « du principal »),
//! an elided « d' » or « qu' » is written out (« d'Émilie Martin » → « de
//! la coordinatrice »), and a role that begins a sentence or a list item
//! takes a capital.

use super::find::{Finding, Found};
use super::people::People;
use super::words::initials;

impl People {
    /// `text` with every name replaced: see [`redact`].
    pub fn redact(&self, text: &str) -> String {
        redact(self, text)
    }

    /// [`People::redact`] in place, allocating only when a name is found.
    pub fn redact_in_place(&self, text: &mut String) {
        if !self.find(text).is_empty() {
            *text = self.redact(text);
        }
    }
}

/// `text` with every name [`People::find`] finds replaced.
pub fn redact(people: &People, text: &str) -> String {
    let findings = people.find(text);
    if findings.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in &findings {
        out.push_str(&text[at..f.start]);
        at = f.end;
        match role(people, f) {
            Some(phrase) => push_role(&mut out, &phrase),
            None => out.push_str(&initials_of(text, f, true)),
        }
    }
    out.push_str(&text[at..]);
    out
}

/// The role written in place of a finding, when it is a declared person
/// with a known role.
pub fn role(people: &People, f: &Finding) -> Option<String> {
    match f.found {
        Found::Declared(p) => people.role_of(p, f.gender),
        Found::Ambiguous | Found::Undeclared => None,
    }
}

/// The civility as written, then the initials of the name: « Mme N. »,
/// « C. N. ». In the text (`in_text`), a dot already after the name is
/// not doubled.
pub fn initials_of(text: &str, f: &Finding, in_text: bool) -> String {
    let mut out = text[f.start..f.name_start].to_string();
    out.push_str(&initials(&text[f.name_start..f.end]));
    if in_text && text[f.end..].starts_with('.') {
        out.pop();
    }
    out
}

/// What is published in place of a finding, out of its sentence (for a
/// help line).
pub fn replacement(people: &People, text: &str, f: &Finding) -> String {
    role(people, f).unwrap_or_else(|| initials_of(text, f, false))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// Whether what comes next begins a sentence or a list item.
fn sentence_start(before: &str) -> bool {
    let trimmed = before.trim_end();
    let line = trimmed.rsplit('\n').next().unwrap_or("");
    line.chars()
        .all(|c| c.is_whitespace() || "-*+>#".contains(c))
        || trimmed.ends_with(['.', '!', '?', '…'])
}

/// Appends `phrase` (« le principal du collège ») to `out`, fitted to the
/// words `out` ends with.
fn push_role(out: &mut String, phrase: &str) {
    let mut phrase = phrase.to_string();
    // « d'Émilie » → « de la … », « lorsqu'Émilie » → « lorsque la … ».
    for (elided, full) in [("d'", "de"), ("d’", "de"), ("qu'", "que"), ("qu’", "que")] {
        let Some(stem) = out.strip_suffix(elided) else {
            continue;
        };
        let word_start = stem.len();
        let boundary = stem
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if full == "de" && !boundary {
            continue;
        }
        let upper = starts_upper(&out[word_start..]);
        out.truncate(word_start);
        out.push_str(&if upper {
            capitalise(full)
        } else {
            full.to_string()
        });
        out.push(' ');
        break;
    }
    if let Some(rest) = phrase.strip_prefix("le ") {
        let trimmed = out.trim_end();
        let gap = out.len() - trimmed.len();
        let word = trimmed
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let boundary = trimmed.len() - word.len();
        let contracted = match word {
            "de" | "De" => Some(("du", "de la")),
            "à" | "À" => Some(("au", "à la")),
            _ => None,
        };
        if let (Some((head, feminine)), true) = (contracted, gap > 0) {
            let upper = starts_upper(word);
            out.truncate(boundary);
            phrase = match rest.strip_prefix("ou la ") {
                Some(noun) => format!("{head} ou {feminine} {noun}"),
                None => format!("{head} {rest}"),
            };
            if upper {
                phrase = capitalise(&phrase);
            }
            out.push_str(&phrase);
            return;
        }
    }
    if sentence_start(out) {
        phrase = capitalise(&phrase);
    }
    out.push_str(&phrase);
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
            Person::new("Paul Durand", Some("Principal"), None),
            Person::new(
                "Émilie Martin",
                Some("Coordinatrice"),
                Some("Ville de Lille"),
            ),
            Person::new("Camille Roy", Some("Responsable"), None),
            Person::new("Jean-Pierre Le Gall", None, None),
        ])
    }

    fn r(text: &str) -> String {
        people().redact(text)
    }

    #[test]
    fn a_declared_name_becomes_the_role() {
        assert_eq!(
            r("Mme Nordez présente le bilan."),
            "La principale du collège Marc Seguin présente le bilan."
        );
        assert_eq!(
            r("Le bilan, présenté par Chantal Nordez, est adopté."),
            "Le bilan, présenté par la principale du collège Marc Seguin, est adopté."
        );
        assert_eq!(
            r("- Camille Roy ouvre la séance\n- puis Émilie Martin"),
            "- Le ou la responsable ouvre la séance\n- puis la coordinatrice de la Ville de Lille"
        );
        assert_eq!(r("Mme Roy ouvre"), "La responsable ouvre");
    }

    #[test]
    fn the_role_fits_the_sentence() {
        assert_eq!(r("l'avis de M. Durand"), "l'avis du principal");
        assert_eq!(r("De Paul Durand, rien."), "Du principal, rien.");
        assert_eq!(r("merci à Paul Durand"), "merci au principal");
        assert_eq!(r("merci à Camille Roy"), "merci au ou à la responsable");
        assert_eq!(
            r("l'intervention d'Émilie Martin"),
            "l'intervention de la coordinatrice de la Ville de Lille"
        );
        assert_eq!(r("l'avis d’Paul Durand"), "l'avis du principal");
        assert_eq!(
            r("lorsqu'Émilie Martin parle"),
            "lorsque la coordinatrice de la Ville de Lille parle"
        );
        assert_eq!(
            r("sans de doute, Paul Durand"),
            "sans de doute, le principal"
        );
    }

    #[test]
    fn initials_without_a_role_or_a_declaration() {
        assert_eq!(
            r("Jean-Pierre Le Gall et M. Le Gall"),
            "J.-P. L. G. et M. L. G."
        );
        assert_eq!(r("avec Mme Dupont."), "avec Mme D.");
        assert_eq!(
            r("avec Mme\u{a0}Dupont et M. Jean Moulin"),
            "avec Mme\u{a0}D. et M. J. M."
        );
    }

    #[test]
    fn a_text_without_names_is_unchanged() {
        let text = "Tour de table. Lille présente son projet ; Monsieur le Préfet excusé.";
        assert_eq!(r(text), text);
    }
}

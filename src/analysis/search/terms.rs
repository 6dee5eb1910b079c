//! The terms of a search: a text cut into words, each folded (accents and
//! case) and reduced to its singular; the query's terms, function words
//! dropped; how well a word matches a term; a Markdown field read as text.

use pulldown_cmark::{Event, Parser, TagEnd};

/// Query words dropped because nearly every text has them. Elided particles
/// (`l'`, `d'`, `qu'`…) are among them: « l'école » searches for `ecole`.
pub const MOTS_VIDES: &[&str] = &[
    "a", "au", "aux", "c", "d", "de", "des", "du", "en", "et", "j", "jusqu", "l", "la", "le",
    "les", "lorsqu", "m", "n", "ou", "par", "pour", "puisqu", "qu", "s", "sur", "t", "un", "une",
];

/// Shortest query term that also finds longer words it begins.
const PREFIXE_MIN: usize = 3;

/// A term as compared: folded, then reduced to its singular.
pub fn terme(word: &str) -> String {
    let folded: String = deunicode::deunicode(word)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    singulier(folded)
}

/// The simple French plural rules, cautious on short words (`bus`, `os`,
/// `prix` stay as they are).
fn singulier(mut w: String) -> String {
    let n = w.len();
    if n <= 3 || w.bytes().all(|b| b.is_ascii_digit()) {
        return w;
    }
    if w.ends_with("eaux") || w.ends_with("eux") || w.ends_with("oux") {
        w.pop();
    } else if n > 4 && w.ends_with("aux") {
        // journaux, régionaux, locaux → journal, régional, local
        w.truncate(n - 3);
        w.push_str("al");
    } else if w.ends_with('s') && !w.ends_with("ss") {
        w.pop();
    }
    w
}

/// One word of a plain text: where it is, and its term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mot {
    /// Byte offset of its first character.
    pub debut: usize,
    /// Byte offset just past it.
    pub fin: usize,
    /// Its term.
    pub terme: String,
}

/// The words of a plain text: runs of letters and digits.
pub fn mots(text: &str) -> Vec<Mot> {
    let mut out = Vec::new();
    let mut start = None;
    let mut push = |s: usize, e: usize| {
        let t = terme(&text[s..e]);
        if !t.is_empty() {
            out.push(Mot {
                debut: s,
                fin: e,
                terme: t,
            });
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    out
}

/// The terms searched for in `query`: function words dropped (unless
/// nothing else is left), each term once, in the order typed.
pub fn termes_requete(query: &str) -> Vec<String> {
    let all: Vec<String> = mots(query).into_iter().map(|m| m.terme).collect();
    let kept: Vec<&String> = all
        .iter()
        .filter(|t| !MOTS_VIDES.contains(&t.as_str()))
        .collect();
    let chosen: Vec<&String> = if kept.is_empty() {
        all.iter().collect()
    } else {
        kept
    };
    let mut out: Vec<String> = Vec::new();
    for t in chosen {
        if !out.contains(t) {
            out.push(t.clone());
        }
    }
    out
}

/// How well a word of the text matches a query term: 1 when equal, 0.6
/// when the term begins it, 0 otherwise.
pub(super) fn qualite(terme_requete: &str, mot: &str) -> f64 {
    if mot == terme_requete {
        1.0
    } else if terme_requete.len() >= PREFIXE_MIN && mot.starts_with(terme_requete) {
        0.6
    } else {
        0.0
    }
}

/// Collapses every run of white space into one space, trimmed; control
/// characters go too, so an excerpt printed in a terminal cannot carry an
/// escape sequence from a record.
pub(super) fn espaces(text: &str) -> String {
    crate::text::one_line(text)
}

/// The text of a Markdown field as read: marks, link addresses and raw HTML
/// left out, blocks separated by a space.
pub fn texte_brut(markdown: &str) -> String {
    // A crafted field (see `text::is_crafted_markdown`) is published as
    // plain text: it is searched as such.
    if crate::text::is_crafted_markdown(markdown) {
        return markdown.to_string();
    }
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => out.push(' '),
            _ => {}
        }
    }
    espaces(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_fold_accents_case_and_plurals() {
        assert_eq!(terme("Équipes"), "equipe");
        assert_eq!(terme("ÉCOLE"), "ecole");
        assert_eq!(terme("journaux"), "journal");
        assert_eq!(terme("Régionaux"), "regional");
        assert_eq!(terme("jeux"), "jeu");
        assert_eq!(terme("bureaux"), "bureau");
        assert_eq!(terme("cœurs"), "coeur");
        assert_eq!(terme("bus"), "bus");
        assert_eq!(terme("classe"), "classe");
        assert_eq!(terme("2022"), "2022");
    }

    #[test]
    fn query_drops_elisions_and_function_words() {
        assert_eq!(termes_requete("l'école"), vec!["ecole"]);
        assert_eq!(
            termes_requete("L’ÉCOLE de la ville"),
            vec!["ecole", "ville"]
        );
        assert_eq!(termes_requete("qu'il"), vec!["il"]);
        assert_eq!(termes_requete("de la"), vec!["de", "la"]);
        assert_eq!(termes_requete("équipe Equipes"), vec!["equipe"]);
        assert_eq!(termes_requete("  ,;  "), Vec::<String>::new());
    }

    #[test]
    fn markdown_is_read_as_text() {
        assert_eq!(
            texte_brut("- Point sur la **rencontre**\n- [La Grande Équipe](https://x.fr/)\n\nFin."),
            "Point sur la rencontre La Grande Équipe Fin."
        );
    }
}

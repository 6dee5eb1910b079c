//! Text helpers shared by the whole core: accent folding for matching, slugs
//! for file names and ids, and "vouliez-vous dire" suggestions.

/// Folds a text for comparison: accents transliterated (`deunicode` also turns
/// `œ` into `oe`), lower case, every run of non-alphanumeric characters turned
/// into one space, trimmed. `« VALENCIENNE/Anzin »` and `valencienne anzin`
/// fold to the same key.
pub fn fold(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut out = String::with_capacity(ascii.len());
    let mut pending_space = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// Longest slug we produce: long enough to stay readable, short enough for
/// file names on every system.
const SLUG_MAX: usize = 60;

/// An ASCII slug: folded words joined by `-`, cut at a word boundary after
/// [`SLUG_MAX`] bytes. It never contains a path separator or `..`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in fold(text).split(' ').filter(|w| !w.is_empty()) {
        let extra = if out.is_empty() {
            word.len()
        } else {
            word.len() + 1
        };
        if !out.is_empty() && out.len() + extra > SLUG_MAX {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        // A single word longer than the limit is cut rather than dropped.
        out.push_str(&word[..word.len().min(SLUG_MAX)]);
    }
    out
}

/// Whether `id` is a well-formed identifier: lower-case ASCII letters and
/// digits in words joined by single hyphens. Refusing anything else keeps
/// confusable or invisible characters out of ids, file names and URLs.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The candidate closest to `input`, compared after folding, when it is close
/// enough to be a plausible typo.
pub fn suggest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let folded = fold(input);
    if folded.is_empty() {
        return None;
    }
    let mut best: Option<(f64, &'a str)> = None;
    for candidate in candidates {
        let other = fold(candidate);
        let mut score = strsim::jaro_winkler(&folded, &other);
        // "Lille" typed for "Lille-Sud": a prefix is a strong hint.
        if other.starts_with(&folded) || folded.starts_with(&other) {
            score = score.max(0.9);
        } else if folded.len() >= 4 && other.contains(&folded) {
            // "publiee" for "fiche_publiee": a whole part of the name.
            score = score.max(0.85);
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.filter(|(score, _)| *score >= 0.75).map(|(_, c)| c)
}

/// The help line for a value outside a closed list: the nearest allowed
/// value when there is one, then the whole list.
pub fn help_with_choices(input: &str, allowed: &[&str]) -> String {
    match suggest(input, allowed.iter().copied()) {
        Some(s) => format!(
            "vouliez-vous dire « {s} » ? valeurs possibles : {}",
            allowed.join(", ")
        ),
        None => format!("valeurs possibles : {}", allowed.join(", ")),
    }
}

/// Every word of `needle` (folded) is found in `haystack` (folded).
pub fn contains_all_words(haystack_folded: &str, needle: &str) -> bool {
    fold(needle)
        .split(' ')
        .filter(|w| !w.is_empty())
        .all(|w| haystack_folded.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_accents_and_punctuation() {
        assert_eq!(fold("VALENCIENNE/Anzin"), "valencienne anzin");
        assert_eq!(fold("  Lille — Sud  "), "lille sud");
        assert_eq!(fold("Cœur d'Équipe"), "coeur d equipe");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn slug_is_ascii_and_safe() {
        assert_eq!(
            slug("Rencontre régionale des coordonnateurs"),
            "rencontre-regionale-des-coordonnateurs"
        );
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("a\\..\\b"), "a-b");
        assert_eq!(slug("Œuvre à 16-25 ans"), "oeuvre-a-16-25-ans");
        assert!(slug(&"mot ".repeat(100)).len() <= SLUG_MAX);
        assert_eq!(slug(&"x".repeat(200)).len(), SLUG_MAX);
        assert_eq!(slug("!!!"), "");
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("lille-passerelle-eje"));
        assert!(is_valid_id("gpds2"));
        assert!(!is_valid_id("Lille"));
        assert!(!is_valid_id("lille--x"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("lillе")); // Cyrillic е
        assert!(!is_valid_id("a\u{200b}b"));
        assert!(!is_valid_id("../x"));
        assert!(!is_valid_id(""));
    }

    #[test]
    fn suggestions() {
        let names = ["Lille", "Maubeuge", "Valenciennes-Anzin"];
        assert_eq!(suggest("Lile", names), Some("Lille"));
        assert_eq!(suggest("maubeug", names), Some("Maubeuge"));
        assert_eq!(suggest("valenciennes", names), Some("Valenciennes-Anzin"));
        assert_eq!(suggest("Strasbourg", names), None);
        assert_eq!(
            suggest(
                "publiee",
                ["a_documenter", "fiche_en_cours", "fiche_publiee"]
            ),
            Some("fiche_publiee")
        );
        assert_eq!(suggest("", names), None);
    }

    #[test]
    fn words() {
        assert!(contains_all_words(
            &fold("Prévention du décrochage scolaire"),
            "DECROCHAGE prevention"
        ));
        assert!(!contains_all_words(&fold("Prévention"), "decrochage"));
    }
}

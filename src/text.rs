//! Text helpers shared by the whole core: accent folding for matching, slugs
//! for file names and ids, "vouliez-vous dire" suggestions, one-line text,
//! and the characters no text may hold.

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

/// A mapping key as it is compared with the keys of the format: folded
/// ([`fold`]) with its words joined by `_`, so that `Modalité`, `TITRE` and
/// `prochaine réunion` are `modalite`, `titre` and `prochaine_reunion`.
pub fn fold_key(key: &str) -> String {
    fold(key).replace(' ', "_")
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
    // `con` or `nul` cannot be a file on Windows, whatever its extension.
    if is_windows_reserved(&out) {
        out.push_str("-page");
    }
    out
}

/// Whether Windows reserves `name` for a device (`CON`, `PRN`, `AUX`,
/// `NUL`, `COM0`–`COM9`, `LPT0`–`LPT9`, with `¹²³` too, `CONIN$`,
/// `CONOUT$`), in any case, with or without an extension and trailing
/// spaces: such a file cannot be created or opened there.
pub fn is_windows_reserved(name: &str) -> bool {
    let base = name.split('.').next().unwrap_or("").trim_end_matches(' ');
    let lower = base.to_lowercase();
    if matches!(
        lower.as_str(),
        "con" | "prn" | "aux" | "nul" | "conin$" | "conout$"
    ) {
        return true;
    }
    let mut chars = lower.chars();
    let prefix: String = chars.by_ref().take(3).collect();
    let rest: Vec<char> = chars.collect();
    (prefix == "com" || prefix == "lpt")
        && matches!(rest.as_slice(), [c] if c.is_ascii_digit() || matches!(c, '¹' | '²' | '³'))
}

/// Whether `c` shows nothing, or nothing but space, where it stands: the
/// format characters (zero-width space and joiners, soft hyphen, word
/// joiner, byte order mark, the bidirectional marks and overrides, tags),
/// variation selectors, fillers, and any white space but the plain space.
/// A file name holding one reads as another name.
pub fn is_invisible(c: char) -> bool {
    (c.is_whitespace() && c != ' ')
        || c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{34F}'
                | '\u{61C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFFB}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
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

/// One line of text: control characters (a title with a newline, or an
/// escape sequence that would drive the terminal) become spaces, and runs of
/// white space one space.
pub fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every word of `needle` (folded) is found in `haystack` (folded).
pub fn contains_all_words(haystack_folded: &str, needle: &str) -> bool {
    fold(needle)
        .split(' ')
        .filter(|w| !w.is_empty())
        .all(|w| haystack_folded.contains(w))
}

/// Why a character may not appear in any text of a record or of the
/// configuration, or `None` if it may. Control characters (except tab and
/// line breaks) can only be typed as YAML escapes (`"\e[31m"`), and would
/// reach terminals and pages as they are; the bidirectional embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what
/// follows them on screen, so that a text reads differently from what it
/// is (the « Trojan Source » attack; rustc refuses them too).
pub fn forbidden_char(c: char) -> Option<&'static str> {
    match c {
        '\t' | '\n' | '\r' => None,
        c if c.is_control() => Some("caractère de contrôle"),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            Some("il inverse le sens d'affichage du texte qui suit")
        }
        _ => None,
    }
}

/// A message, label or file name as it may reach a terminal: every
/// character [`forbidden_char`] refuses (C0 and C1 controls, ESC among them,
/// the bidirectional overrides and isolates), carriage return included
/// (it would let a name overwrite its own line), is written as `\u{1b}`, so that a key or a file name cannot
/// colour, move or reorder what is printed. Line breaks are kept: a message
/// may have several lines. Every file name a command prints goes through it.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let escaped = |c: char| c == '\r' || (c != '\n' && forbidden_char(c).is_some());
    if !text.chars().any(escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A path as [`visible`] prints it.
pub fn visible_path(path: &std::path::Path) -> String {
    visible(&path.to_string_lossy()).into_owned()
}

/// Markdown marks (`[`, `<`, `` ` ``, `*`, `_`) beyond which a field is taken
/// as crafted rather than written: a person's text holds a few dozen; a field
/// of `[a](` repeated made the Markdown engine hold about 130 bytes per byte
/// of it (544 MiB for 1.9 MiB). Such a field is published as plain text.
pub const MAX_MARKS: usize = 20_000;

/// Whether a Markdown field holds more than [`MAX_MARKS`] marks.
pub fn is_crafted_markdown(source: &str) -> bool {
    source
        .bytes()
        .filter(|b| matches!(b, b'[' | b'<' | b'`' | b'*' | b'_'))
        .nth(MAX_MARKS)
        .is_some()
}

/// Feminine nouns that name kinds of meetings, folded.
const FEMININE_MEETINGS: [&str; 16] = [
    "assemblee",
    "rencontre",
    "reunion",
    "seance",
    "commission",
    "conference",
    "journee",
    "matinee",
    "session",
    "formation",
    "visio",
    "visioconference",
    "pleniere",
    "instance",
    "table",
    "permanence",
];

/// `noun` after « de » with its article, as a heading says it: « du comité
/// de pilotage », « de la rencontre », « de l'atelier », « de l'assemblée
/// plénière ». The gender is that of the first word: known kinds of
/// meetings are feminine, others masculine (« comité », « forum »,
/// « séminaire », « conseil »); a word starting with a vowel or a mute h
/// takes « de l' » whatever its gender.
pub fn of_noun(noun: &str) -> String {
    let noun = noun.trim();
    let first = fold(noun.split_whitespace().next().unwrap_or(""));
    let elided = first
        .chars()
        .next()
        .is_some_and(|c| "aeiouy".contains(c) || (c == 'h' && MUTE_H.contains(&first.as_str())));
    if elided {
        format!("de l'{noun}")
    } else if FEMININE_MEETINGS.contains(&first.as_str()) {
        format!("de la {noun}")
    } else {
        format!("du {noun}")
    }
}

/// Words starting with an h that is not pronounced (« l'heure »).
const MUTE_H: [&str; 3] = ["heure", "hommage", "hebdomadaire"];

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
        // Names Windows keeps for its devices.
        assert_eq!(slug("CON"), "con-page");
        assert_eq!(slug("Nul"), "nul-page");
        assert_eq!(slug("com1"), "com1-page");
        assert_eq!(slug("COM¹"), "com1-page");
        assert_eq!(slug("lpt9"), "lpt9-page");
        assert_eq!(slug("Con des Alpes"), "con-des-alpes");
        assert_eq!(slug("com10"), "com10");
    }

    #[test]
    fn windows_reserved_names() {
        for name in [
            "CON",
            "con",
            "Prn",
            "AUX",
            "nul",
            "NUL.txt",
            "nul.tar.gz",
            "COM1",
            "com9",
            "lpt1",
            "LPT3.html",
            "COM²",
            "con ",
            "conin$",
            "CONOUT$",
        ] {
            assert!(is_windows_reserved(name), "{name}");
        }
        for name in [
            "cons", "console", "com", "com10", "lpt", "nulle", "a.con", "2022-con",
        ] {
            assert!(!is_windows_reserved(name), "{name}");
        }
    }

    #[test]
    fn invisible_characters() {
        for c in [
            '\u{200B}',
            '\u{AD}',
            '\u{FEFF}',
            '\u{2060}',
            '\u{202E}',
            '\u{A0}',
            '\u{E0041}',
            '\u{1b}',
        ] {
            assert!(is_invisible(c), "{c:?}");
        }
        for c in ['a', ' ', 'é', '-', '€'] {
            assert!(!is_invisible(c), "{c:?}");
        }
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
    fn visible_escapes_what_drives_a_terminal() {
        assert_eq!(visible("reunions/a.yaml"), "reunions/a.yaml");
        assert_eq!(
            visible("a\u{1b}[31mb\u{202E}c\u{85}d\te\nf"),
            "a\\u{1b}[31mb\\u{202e}c\\u{85}d\te\nf"
        );
        assert_eq!(
            visible_path(std::path::Path::new("x\u{2066}.yaml")),
            "x\\u{2066}.yaml"
        );
    }

    #[test]
    fn words() {
        assert!(contains_all_words(
            &fold("Prévention du décrochage scolaire"),
            "DECROCHAGE prevention"
        ));
        assert!(!contains_all_words(&fold("Prévention"), "decrochage"));
    }

    #[test]
    fn of_noun_chooses_du_de_la_de_l() {
        assert_eq!(of_noun("assemblée plénière"), "de l'assemblée plénière");
        assert_eq!(of_noun("rencontre"), "de la rencontre");
        assert_eq!(of_noun("comité de pilotage"), "du comité de pilotage");
        assert_eq!(of_noun("atelier"), "de l'atelier");
        assert_eq!(of_noun("séance plénière"), "de la séance plénière");
        assert_eq!(of_noun("Réunion"), "de la Réunion");
        assert_eq!(of_noun("conseil citoyen"), "du conseil citoyen");
        assert_eq!(of_noun("  forum  "), "du forum");
        assert_eq!(of_noun("heure d'échange"), "de l'heure d'échange");
        assert_eq!(of_noun("hackathon"), "du hackathon");
    }
}

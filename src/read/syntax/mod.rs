//! YAML syntax errors told in French, at their cause, with what to type.
//!
//! The parser's error (its message and position) is only the input: the
//! message is never shown. Where the parser stops is often a line after the
//! cause (a tab, a missing space, a stray apostrophe), so the source lines
//! around it are looked at to find the cause and name its fix ([`causes`],
//! on the line shapes of [`lines`]). A [`precheck`] also refuses what the
//! parser lets through although YAML forbids it.

use crate::diagnostic::Pos;

mod causes;
mod lines;
mod precheck;

use causes::{colon_in_value, misplaced_line, missing_space, second_document, stray_quote, tab};
use lines::{at, is_content};
pub use precheck::precheck;

/// A syntax error ready to be shown: where, what, what to type, and the
/// other place involved when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The cause.
    pub pos: Pos,
    /// What is wrong, in French.
    pub message: String,
    /// What to type instead.
    pub aide: Option<String>,
}

impl SyntaxError {
    fn new(pos: Pos, message: impl Into<String>, aide: impl Into<String>) -> Self {
        SyntaxError {
            pos,
            message: message.into(),
            aide: Some(aide.into()),
        }
    }

    /// An error with no help line (the message says everything).
    pub fn bare(pos: Pos, message: impl Into<String>) -> Self {
        SyntaxError {
            pos,
            message: message.into(),
            aide: None,
        }
    }
}

/// The parser's message without its position prefix.
fn parser_phrase(raw: &str) -> &str {
    let mut text = raw.strip_prefix("error: ").unwrap_or(raw);
    if text.starts_with("line ")
        && let Some((_, rest)) = text.split_once(": ")
    {
        text = rest;
    }
    text.lines().next().unwrap_or("").trim()
}

/// The French error for a parser error `raw` at `loc` (1-based line and
/// column) in `source`.
pub fn explain(source: &str, raw: &str, loc: Option<(usize, usize)>) -> SyntaxError {
    let phrase = parser_phrase(raw);
    let lines: Vec<&str> = source.lines().collect();
    let (line_no, col) = loc.unwrap_or((1, 1));
    let line_no = line_no.clamp(1, lines.len().max(1));
    let line = lines.get(line_no - 1).copied().unwrap_or("");
    let pos = at(line_no, col.max(1), 1);
    if let Some(e) = limits(phrase, pos) {
        return e;
    }
    if phrase.contains("Documents") || phrase.contains("multiple YAML documents") {
        return second_document(&lines, pos);
    }
    if let Some(e) = tab(&lines, line_no, phrase.contains("tab")) {
        return e;
    }
    if phrase.contains("after single-quoted scalar") || phrase.contains("after double-quoted") {
        return stray_quote(line, line_no, col);
    }
    if phrase.contains("mapping values are not allowed")
        && let Some(e) = colon_in_value(line, line_no, col)
    {
        return e;
    }
    let first_content = (line_no..=lines.len().min(line_no + 1))
        .find(|&n| is_content(lines[n - 1]))
        .unwrap_or(line_no);
    for n in [line_no, line_no.saturating_sub(1)] {
        if n >= 1
            && let Some(e) = missing_space(lines[n - 1], n)
        {
            return e;
        }
    }
    if let Some(e) = misplaced_line(&lines, first_content) {
        return e;
    }
    if let Some(e) = known(phrase, pos) {
        return e;
    }
    SyntaxError::new(
        pos,
        "YAML invalide : la structure du fichier ne se lit pas à partir d'ici",
        "vérifiez l'indentation (des espaces, au même niveau pour les clés d'un même bloc), les « - » des listes et les guillemets ; mettez entre guillemets doubles un texte qui contient « : » ou « # »",
    )
}

fn limits(phrase: &str, pos: Pos) -> Option<SyntaxError> {
    let deep =
        phrase.contains("recursion limit exceeded") || phrase.contains("budget breached: Depth");
    if deep {
        return Some(SyntaxError::bare(
            pos,
            "imbrication trop profonde : le fichier n'est pas une réunion",
        ));
    }
    if phrase.contains("Documents") {
        return None;
    }
    if phrase.contains("budget breached") || phrase.contains("alias") {
        return Some(SyntaxError::bare(
            pos,
            "le fichier dépasse les limites de sécurité (alias, ancres ou nombre de valeurs) : refusé sans être lu en entier",
        ));
    }
    None
}

/// Phrases of the parser we can only translate, with no better place.
fn known(phrase: &str, pos: Pos) -> Option<SyntaxError> {
    const KNOWN: &[(&str, &str, &str)] = &[
        (
            "une clé doit être",
            "une clé doit être un simple mot, pas une liste ni un tableau",
            "écrivez la clé seule, suivie de « : » et d'une espace",
        ),
        (
            "unexpected end of stream",
            "YAML invalide : le fichier se termine avant la fin d'une valeur",
            "fermez le guillemet, le crochet « ] » ou l'accolade « } » ouvert plus haut",
        ),
        (
            "did not find expected ',' or ']'",
            "YAML invalide : la liste entre crochets n'est pas fermée",
            "séparez les éléments par « , » et fermez la liste par « ] »",
        ),
        (
            "did not find expected ',' or '}'",
            "YAML invalide : le tableau entre accolades n'est pas fermé",
            "séparez les éléments par « , » et fermez par « } »",
        ),
        (
            "cannot start any token",
            "YAML invalide : une valeur ne peut pas commencer par ce caractère",
            "mettez la valeur entre guillemets doubles",
        ),
        (
            "duplicate mapping key",
            "clé en double : chaque clé n'apparaît qu'une fois à un même niveau",
            "gardez une seule de ces lignes",
        ),
    ];
    KNOWN
        .iter()
        .find(|(needle, _, _)| phrase.contains(needle))
        .map(|(_, message, aide)| SyntaxError::new(pos, *message, *aide))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> SyntaxError {
        crate::read::yaml::parse(src).unwrap_err()
    }

    fn place(e: &SyntaxError) -> (u32, u32) {
        (e.pos.ligne, e.pos.colonne)
    }

    /// Found by the `config` fuzz target: lone carriage returns, a quote and
    /// an accented line made the explanation cut a character in two.
    #[test]
    fn explanations_never_cut_a_character() {
        let src = "# r\u{e9}seau des c\r\r'\r\r\u{1e}\rcoord\n# des cit\u{e9}s \u{e9}ducatli:";
        let _ = crate::read::yaml::parse(src);
        let e = causes::stray_quote("a: \u{e9} x", 1, 5);
        assert_eq!((e.pos.ligne, e.pos.colonne), (1, 4));
    }

    #[test]
    fn a_tab_is_shown_where_it_is() {
        let e = err("titre: x\npoints:\n  - titre: a\n\t contenu: b\n");
        assert_eq!(place(&e), (4, 1));
        assert_eq!(
            e.aide.as_deref(),
            Some("remplacez la tabulation par des espaces")
        );
    }

    #[test]
    fn a_missing_space_after_a_colon() {
        let e = err("titre: x\ndate: 2024-03-12\nmodalite:presentiel\nlieu: L\n");
        assert_eq!(place(&e), (3, 11));
        assert!(
            e.aide
                .unwrap()
                .starts_with("ajoutez une espace après « modalite: »")
        );
    }

    #[test]
    fn a_list_line_without_its_dash() {
        let e = err("titre: x\nobjectifs:\n  - a\n  b\n");
        assert_eq!(place(&e), (4, 3));
        assert!(e.aide.unwrap().contains("« - b »"));
    }

    #[test]
    fn an_apostrophe_inside_a_quoted_text() {
        let e = err("titre: x\nlieu: 'Salle de l'hôtel de ville'\n");
        assert_eq!(place(&e), (2, 18));
        let aide = e.aide.unwrap();
        assert!(
            aide.starts_with("l'apostrophe ferme la chaîne ouverte par « ' » : entourez le texte de guillemets doubles"),
            "{aide}"
        );
        assert!(
            aide.contains("lieu: \"Salle de l'hôtel de ville\""),
            "{aide}"
        );
    }

    #[test]
    fn a_key_off_by_some_spaces() {
        for (src, n) in [
            (
                "titre: x\nparticipants:\n  - fonction: a\n   structure: b\n",
                3,
            ),
            (
                "titre: x\nparticipants:\n  - fonction: a\n     structure: b\n",
                5,
            ),
        ] {
            let e = err(src);
            assert_eq!(place(&e), (4, n as u32 + 1), "{e:?}");
            assert_eq!(
                e.aide.as_deref(),
                Some(format!("cette ligne est décalée de {n} espaces ; les clés de ce participant sont à 4 espaces").as_str())
            );
        }
    }

    #[test]
    fn a_top_level_key_indented_after_a_nested_block() {
        let e = err("reseaux:\n   - id: a\n     nom: b\n thematiques: [x]\n");
        assert_eq!(place(&e), (4, 2));
        assert_eq!(
            e.aide.as_deref(),
            Some(
                "cette ligne est décalée de 1 espace ; les clés de premier niveau commencent en début de ligne"
            )
        );
    }

    #[test]
    fn a_dash_off_by_one_space() {
        let e = err("titre: x\npoints:\n  - titre: A\n    contenu: T\n   - titre: B\n");
        assert_eq!(place(&e), (5, 4));
        assert_eq!(
            e.aide.as_deref(),
            Some("cette ligne est décalée de 3 espaces ; les « - » de la liste sont à 2 espaces")
        );
    }

    #[test]
    fn a_participant_without_its_dash() {
        let e = err(
            "titre: x\nparticipants:\n  - fonction: a\n    structure: b\n  fonction: c\n  structure: d\n",
        );
        assert_eq!(place(&e), (5, 3));
        let aide = e.aide.unwrap();
        assert!(aide.contains("« - fonction: c »"), "{aide}");
        assert!(
            aide.contains("ce participant, décalez-la à 4 espaces"),
            "{aide}"
        );
    }

    #[test]
    fn a_colon_in_a_title() {
        let e = err("titre: Rencontre régionale : parentalité\ndate: 2024-03-12\n");
        assert_eq!(place(&e), (1, 28));
        let aide = e.aide.unwrap();
        assert!(
            aide.starts_with("ce titre contient « : » : mettez-le entre guillemets doubles"),
            "{aide}"
        );
        assert!(aide.contains("titre: \"Rencontre régionale : parentalité\""));
    }

    #[test]
    fn a_colon_in_a_title_whatever_the_key_s_spelling() {
        let e = err("Titre: Rencontre : parentalité\n");
        let aide = e.aide.unwrap();
        assert!(aide.starts_with("ce titre contient « : »"), "{aide}");
        assert!(
            aide.contains("« Titre: \"Rencontre : parentalité\" »"),
            "{aide}"
        );
    }

    #[test]
    fn two_documents() {
        for src in [
            "titre: x\ndate: 2024-03-12\n---\n",
            "---\ntitre: x\n---\ntitre: y\n",
        ] {
            let e = err(src);
            assert_eq!(e.message, "un seul document YAML est attendu par fichier");
            assert_eq!(
                e.pos.ligne,
                src.lines().count() as u32 - u32::from(src.ends_with("y\n"))
            );
        }
    }

    #[test]
    fn flow_continuations_left_of_their_key() {
        let e = err("titre: x\nthematiques: [a,\nb]\n");
        assert_eq!(place(&e), (3, 1));
        assert!(precheck("titre: x\nthematiques: [a,\n  b]\n").is_none());
        assert!(precheck("- \"a\n  b\"\nc: 'l''été\n'\n").is_some());
        assert!(precheck("a: |\n  \"x\n[\n").is_none());
        assert!(precheck("lieu: l'hôtel\nb: 1\n").is_none());
    }

    #[test]
    fn spaces_after_an_accented_value_are_no_offset() {
        // The value's start was taken as the line's length minus the
        // trimmed value's: two spaces after « Réseau » put it inside « é ».
        assert!(precheck("nom: Réseau  \n").is_none());
        assert!(precheck("organisation:\n    nom: Réseaes:n  \n").is_none());
        let e = err("titre: Réunion : été  \n");
        assert_eq!(place(&e).0, 1);
    }
}

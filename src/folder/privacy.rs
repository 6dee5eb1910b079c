//! `check` warns where a person's name is typed in a published text, at
//! the name's own line and column, and says what is published instead.
//!
//! The names are looked for in the records as read (cheap, and the people
//! of every record are known then); only a record where one is found is
//! parsed again, to point at each name in its file: the place of a name
//! inside a text is its place in the text as written (a block `|` or `>`,
//! a quoted text with its escapes, a plain text on several lines), found
//! by [`place_in_written`].

use crate::diagnostic::{Diagnostic, Pos};
use crate::model::Reunion;
use crate::model::people::{self, Step, each_public_text, path_string};
use crate::privacy::replace::replacement;
use crate::privacy::{Finding, People};
use crate::read::yaml::{Node, Value, parse, pos_of};
use crate::text::{fold_key, one_line};
use rayon::prelude::*;

/// The published texts of one record that name someone, by field path.
type Named = Vec<(Vec<Step>, String)>;

/// Warnings for every name in a published text of `reunions`; `source`
/// gives the text of a record's file (`None` when it cannot be read
/// again: the warnings then point at the start of the file).
pub fn check_names(
    reunions: &[&Reunion],
    source: &(dyn Fn(&str) -> Option<String> + Sync),
    diagnostics: &mut Vec<Diagnostic>,
) {
    let people = people::people(reunions.iter().copied());
    let found: Vec<Vec<Diagnostic>> = reunions
        .par_iter()
        .map(|r| {
            let named = named_texts(&people, r);
            if named.is_empty() {
                return Vec::new();
            }
            warnings(&people, &r.fichier, &named, source(&r.fichier).as_deref())
        })
        .collect();
    diagnostics.extend(found.into_iter().flatten());
}

fn named_texts(people: &People, r: &Reunion) -> Named {
    let mut named = Vec::new();
    each_public_text(r, &mut |path, text| {
        if !people.find(text).is_empty() {
            named.push((path.to_vec(), text.clone()));
        }
    });
    named
}

fn warnings(
    people: &People,
    fichier: &str,
    named: &Named,
    source: Option<&str>,
) -> Vec<Diagnostic> {
    let tree = source.and_then(|s| parse(s).ok());
    let mut out: Vec<Diagnostic> = Vec::new();
    for (path, text) in named {
        let chemin = path_string(path);
        let node = tree.as_ref().and_then(|t| locate(t, path));
        let written = node.and_then(|n| Some((n, written_of(source?, n)?)));
        let placed = written.and_then(|(node, written)| {
            let Value::Str(value) = &node.value else {
                return None;
            };
            let findings = people.find(value);
            let places: Option<Vec<Pos>> = findings
                .iter()
                .map(|f| place_in_written(written, value, f, pos_of(node)))
                .collect();
            Some((value, findings, places?))
        });
        match placed {
            Some((value, findings, places)) if !findings.is_empty() => {
                for (f, pos) in findings.iter().zip(places) {
                    out.push(warning(people, fichier, pos, &chemin, value, f));
                }
            }
            // The text as read differs from the one written (an item
            // left out before it): the field is pointed at as a whole.
            _ => {
                let pos = node.map_or(Pos::START, pos_of);
                for f in people.find(text) {
                    out.push(warning(people, fichier, pos, &chemin, text, &f));
                }
            }
        }
    }
    // A list written as one text (`publics: a, b`) is one node for
    // several items: each name once.
    out.sort_by_key(|d| (d.pos.ligne, d.pos.colonne));
    out.dedup_by(|a, b| a.pos == b.pos && a.message == b.message);
    out
}

fn warning(
    people: &People,
    fichier: &str,
    pos: Pos,
    chemin: &str,
    text: &str,
    f: &Finding,
) -> Diagnostic {
    let mention = one_line(&text[f.start..f.end]);
    let published = replacement(people, text, f);
    let message =
        format!("« {mention} » : nom d'une personne (donnée personnelle) dans un texte publié");
    let help = match crate::privacy::replace::role(people, f) {
        Some(role) => format!(
            "écrivez plutôt son rôle : « {role} » (c'est ce que publie `reunion render` sans --avec-noms)"
        ),
        None => format!(
            "écrivez plutôt le rôle de la personne (sa fonction, sa structure) ; sans --avec-noms, la publication écrit « {published} »"
        ),
    };
    Diagnostic::warning(fichier, pos, chemin, message).with_help(help)
}

/// The node of a field path in a record's tree. A list written as one text
/// is that text for each of its items, and a point written as a bare text
/// (`- Tour de table`) is its title.
fn locate<'t>(tree: &'t Node, path: &[Step]) -> Option<&'t Node> {
    let mut node = tree;
    for step in path {
        node = match (step, &node.value) {
            (Step::Key(key), Value::Map(entries)) => {
                &entries.iter().find(|(k, _)| fold_key(&k.value) == *key)?.1
            }
            (Step::Index(i), Value::Seq(items)) => items.get(*i)?,
            (Step::Index(_), Value::Str(_)) | (Step::Key(_), Value::Str(_)) => node,
            _ => return None,
        };
    }
    Some(node)
}

/// The text of a node as written in the file.
fn written_of<'s>(source: &'s str, node: &Node) -> Option<&'s str> {
    let span = node.referenced.span();
    let start = usize::try_from(span.byte_offset()?).ok()?;
    let len = usize::try_from(span.byte_len()?).ok()?;
    source.get(start..start + len)
}

/// The place in the file of finding `f` of `value`, the text read from
/// `written` (which starts at `start`): each character of the value is
/// found again in the written text, past what YAML does not keep (the
/// header of a block, quotes, indentation, line breaks folded into
/// spaces, escapes). `None` when they cannot be matched.
pub fn place_in_written(written: &str, value: &str, f: &Finding, start: Pos) -> Option<Pos> {
    let first = written.chars().next()?;
    let double = first == '"';
    let single = first == '\'';
    let mut j = match first {
        '|' | '>' => written.find('\n')? + 1,
        '"' | '\'' => 1,
        _ => 0,
    };
    let bytes = written.as_bytes();
    let mut begin = None;
    for (vi, c) in value.char_indices() {
        if vi == f.start {
            begin = Some(j);
        }
        if vi >= f.end {
            break;
        }
        loop {
            let w = written[j..].chars().next()?;
            if double && w == '\\' {
                let e = written[j + 1..].chars().next()?;
                if e == '\n' || e == '\r' {
                    // An escaped line break: nothing in the value.
                    j += 2;
                    while written[j..].starts_with([' ', '\t']) {
                        j += 1;
                    }
                    continue;
                }
                if vi == f.start {
                    begin = Some(j);
                }
                let digits = match e {
                    'x' => 2,
                    'u' => 4,
                    'U' => 8,
                    _ => 0,
                };
                j += 1 + e.len_utf8() + digits;
                break;
            }
            if w == c || (c.is_whitespace() && w.is_whitespace()) {
                if vi == f.start {
                    begin = Some(j);
                }
                j += w.len_utf8();
                break;
            }
            if w.is_whitespace() || (single && w == '\'') {
                j += w.len_utf8();
                continue;
            }
            return None;
        }
        if j > bytes.len() {
            return None;
        }
    }
    let begin = begin?;
    let before = &written[..begin];
    let (ligne, colonne) = match before.rfind('\n') {
        Some(nl) => (
            start.ligne + before.matches('\n').count() as u32,
            before[nl + 1..].chars().count() as u32 + 1,
        ),
        None => (start.ligne, start.colonne + before.chars().count() as u32),
    };
    let mention = &value[f.start..f.end];
    let longueur = mention
        .split('\n')
        .next()
        .unwrap_or(mention)
        .chars()
        .count() as u32;
    Some(Pos {
        ligne,
        colonne,
        longueur,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy::Person;

    fn people() -> People {
        People::new([Person::new("Chantal Nordez", Some("Principale"), None)])
    }

    /// Where `needle` (a name) of the text of key `k` is in `source`.
    fn place(source: &str, needle: &str) -> (u32, u32, u32) {
        let tree = parse(source).unwrap();
        let node = locate(&tree, &[Step::Key("k")]).unwrap();
        let Value::Str(value) = &node.value else {
            panic!("{:?}", node.value)
        };
        let people = people();
        let f = people
            .find(value)
            .into_iter()
            .find(|f| value[f.start..f.end] == *needle)
            .unwrap_or_else(|| panic!("{needle} not in {value:?}"));
        let written = written_of(source, node).unwrap();
        let p = place_in_written(written, value, &f, pos_of(node)).unwrap();
        (p.ligne, p.colonne, p.longueur)
    }

    #[test]
    fn a_plain_text_on_several_lines() {
        let src = "a: 1\nk: Bonjour\n  à Mme Nordez\n\n  et Mme Roy.\n";
        assert_eq!(place(src, "Mme Nordez"), (3, 5, 10));
        assert_eq!(place(src, "Mme Roy"), (5, 6, 7));
    }

    #[test]
    fn a_literal_and_a_folded_block() {
        let src = "k: |\n  Accueil.\n    Chantal Nordez parle.\n";
        assert_eq!(place(src, "Chantal Nordez"), (3, 5, 14));
        let src = "k: >-\n  Accueil par\n  Mme\u{a0}Nordez.\n";
        assert_eq!(place(src, "Mme\u{a0}Nordez"), (3, 3, 10));
    }

    #[test]
    fn quoted_texts_with_their_escapes() {
        let src = "k: \"Mot \\\"bref\\\" de\\u00a0Mme Nordez\"\n";
        assert_eq!(place(src, "Mme Nordez"), (1, 26, 10));
        let src = "k: \"Un mot \\\n   de Mme Nordez\"\n";
        assert_eq!(place(src, "Mme Nordez"), (2, 7, 10));
        let src = "k: 'L''avis de M. Dupont'\n";
        assert_eq!(place(src, "M. Dupont"), (1, 16, 9));
    }

    #[test]
    fn a_point_written_as_a_bare_title_and_a_list_as_one_text() {
        let tree = parse("points:\n  - Mot de Mme Nordez\npublics: a, b\n").unwrap();
        let node = locate(
            &tree,
            &[Step::Key("points"), Step::Index(0), Step::Key("titre")],
        )
        .unwrap();
        assert!(matches!(&node.value, Value::Str(s) if s == "Mot de Mme Nordez"));
        let node = locate(&tree, &[Step::Key("publics"), Step::Index(1)]).unwrap();
        assert!(matches!(&node.value, Value::Str(s) if s == "a, b"));
    }
}

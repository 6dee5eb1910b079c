//! A reader that turns the positioned tree of [`crate::read::yaml`] into
//! typed values while collecting every problem instead of stopping at the
//! first: an unknown key, a wrong type and an unknown territory in the same
//! file are all reported, each at its place.

use crate::diagnostic::{Diagnostic, Pos, Related};
use crate::read::yaml::{Node, Value, pos_of};
use crate::text::forbidden_char;
use serde_saphyr::Spanned;

/// Short French name of a value's type, for "a text was expected, a list was found".
pub fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "une valeur vide",
        Value::Bool(_) => "un booléen",
        Value::Int(_) | Value::Float(_) => "un nombre",
        Value::Str(_) => "un texte",
        Value::Seq(_) => "une liste",
        Value::Map(_) => "un tableau de clés",
    }
}

/// Walks a parsed tree and collects diagnostics for one file.
pub struct Reader<'s> {
    /// File name as shown, relative to the folder.
    pub file: String,
    /// The file's text, to read scalars as written.
    pub source: &'s str,
    /// Everything found so far.
    pub diagnostics: Vec<Diagnostic>,
}

/// The entries of one mapping being read; keys that were not asked for are
/// reported as unknown by [`Reader::finish`].
pub struct Fields<'n> {
    entries: &'n [(Spanned<String>, Node)],
    /// Each key as compared ([`crate::text::fold_key`]): `Modalité` is `modalite`.
    folded: Vec<String>,
    used: Vec<bool>,
    /// Which keys were read by [`Fields::take`] (not just reported as
    /// duplicates): checked against the list of known keys.
    taken: Vec<bool>,
    /// Path of the mapping (`actions[2]`).
    pub path: String,
    /// Position of the mapping itself.
    pub pos: Pos,
}

impl<'n> Fields<'n> {
    /// The value of `key`, if present, and marks it as known.
    pub fn take(&mut self, key: &str) -> Option<&'n Node> {
        let i = self.folded.iter().position(|k| k == key)?;
        self.used[i] = true;
        self.taken[i] = true;
        Some(&self.entries[i].1)
    }

    /// The value of `key`, if present, without marking it as known.
    pub fn peek(&self, key: &str) -> Option<&'n Node> {
        let i = self.folded.iter().position(|k| k == key)?;
        Some(&self.entries[i].1)
    }

    /// Path of a child field.
    pub fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }
}

impl<'s> Reader<'s> {
    /// A reader for `file`, whose text is `source`.
    pub fn new(file: &str, source: &'s str) -> Self {
        Reader {
            file: file.to_string(),
            source,
            diagnostics: Vec::new(),
        }
    }

    /// Records an error.
    pub fn error(
        &mut self,
        pos: Pos,
        path: &str,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.diagnostics
            .push(Diagnostic::error(&self.file, pos, path, message).with_help_opt(help));
    }

    /// Records a warning.
    pub fn warning(
        &mut self,
        pos: Pos,
        path: &str,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.diagnostics
            .push(Diagnostic::warning(&self.file, pos, path, message).with_help_opt(help));
    }

    fn type_error(&mut self, node: &Node, path: &str, expected: &str) {
        let found = kind_name(&node.value);
        self.error(
            pos_of(node),
            path,
            format!("on attend ici {expected}, pas {found}"),
            None,
        );
    }

    /// Opens a mapping; `None` (after an error) when `node` is something else.
    pub fn map<'n>(&mut self, node: &'n Node, path: &str) -> Option<Fields<'n>> {
        match &node.value {
            Value::Map(entries) => {
                let folded: Vec<String> = entries
                    .iter()
                    .map(|(k, _)| crate::text::fold_key(&k.value))
                    .collect();
                let mut used = vec![false; entries.len()];
                for (i, key) in folded.iter().enumerate() {
                    let Some(first) = folded[..i].iter().position(|k| k == key) else {
                        continue;
                    };
                    // Reported here, so not again as unknown: the first
                    // one is the one read.
                    used[i] = true;
                    let (name, first_key) = (&entries[i].0, &entries[first].0);
                    let shown = if name.value == first_key.value {
                        format!("« {} »", name.value)
                    } else {
                        format!(
                            "« {} » (écrite « {} » plus haut)",
                            name.value, first_key.value
                        )
                    };
                    let child = if path.is_empty() {
                        name.value.clone()
                    } else {
                        format!("{path}.{}", name.value)
                    };
                    self.diagnostics.push(
                        Diagnostic::error(
                            &self.file,
                            pos_of(name),
                            &child,
                            format!("clé {shown} en double : chaque clé n'apparaît qu'une fois à un même niveau"),
                        )
                        .with_help("gardez une seule de ces lignes (la première est celle qui est lue)")
                        .with_related(Related {
                            fichier: self.file.clone(),
                            pos: pos_of(first_key),
                            message: format!("première « {} » ici", first_key.value),
                        }),
                    );
                }
                Some(Fields {
                    entries,
                    folded,
                    taken: vec![false; entries.len()],
                    used,
                    path: path.to_string(),
                    pos: pos_of(node),
                })
            }
            _ => {
                self.type_error(node, path, "un tableau de clés (« clé: valeur »)");
                None
            }
        }
    }

    /// Reports every key of `fields` that was not taken, suggesting the
    /// nearest known key.
    pub fn finish(&mut self, fields: Fields<'_>, known: &[&str]) {
        self.finish_hinted(fields, known, &[]);
    }

    /// [`Reader::finish`], where a key of `hints` (folded, words joined by
    /// `_`) gets its own help: a word of the minutes that means a key of
    /// another name (`presents` is `participants`).
    pub fn finish_hinted(&mut self, fields: Fields<'_>, known: &[&str], hints: &[(&str, &str)]) {
        // The known keys come from the table of keys (crate::model::keys);
        // in debug builds (every test) a key read but missing from it, or
        // listed in it but left unread, stops the program: the reader and
        // the table, hence the JSON Schema, cannot drift apart unnoticed.
        for (i, folded) in fields.folded.iter().enumerate() {
            debug_assert!(
                !fields.taken[i] || known.contains(&folded.as_str()),
                "{} : la clé « {folded} » est lue mais manque à la table de model/keys.rs",
                fields.path
            );
            let first = fields.folded.iter().position(|k| k == folded) == Some(i);
            debug_assert!(
                !first || fields.taken[i] || !known.contains(&folded.as_str()),
                "{} : la clé « {folded} » est dans la table de model/keys.rs mais le lecteur ne la lit pas",
                fields.path
            );
        }
        for (i, (key, _)) in fields.entries.iter().enumerate() {
            if fields.used[i] {
                continue;
            }
            let name = &key.value;
            let path = fields.child(name);
            let folded = crate::text::fold_key(name);
            let hint = hints.iter().find(|(k, _)| *k == folded);
            let help = match (hint, crate::text::suggest(name, known.iter().copied())) {
                (Some((_, h)), _) => (*h).to_string(),
                (None, Some(s)) => format!("vouliez-vous dire « {s} » ?"),
                (None, None) => format!("clés possibles ici : {}", known.join(", ")),
            };
            self.error(
                pos_of(key),
                &path,
                format!("clé inconnue « {name} »"),
                Some(help),
            );
        }
    }

    /// The items of a list; a missing or empty value is an empty list.
    pub fn seq<'n>(&mut self, node: &'n Node, path: &str) -> &'n [Node] {
        match &node.value {
            Value::Seq(items) => items,
            Value::Null => &[],
            _ => {
                self.type_error(node, path, "une liste (lignes commençant par « - »)");
                &[]
            }
        }
    }

    /// The text of a scalar, as written for numbers and booleans
    /// (`titre: 2022` is the text "2022"); `None` for an empty value.
    ///
    /// Invisible characters that could fool a reader or a terminal are
    /// refused with an error ([`forbidden_char`]) and left out of the text.
    pub fn text(&mut self, node: &Node, path: &str) -> Option<String> {
        self.text_of(node, &|| path.to_string())
            .map(std::borrow::Cow::into_owned)
    }

    /// [`Reader::text`], borrowed from the tree when it can be, and with
    /// the field's path made only for a diagnostic: every field of every
    /// record goes through here.
    fn text_of<'n>(
        &mut self,
        node: &'n Node,
        path: &dyn Fn() -> String,
    ) -> Option<std::borrow::Cow<'n, str>> {
        use std::borrow::Cow;
        match &node.value {
            Value::Str(s) => {
                if let Some(c) = s.chars().find(|&c| forbidden_char(c).is_some()) {
                    let why = forbidden_char(c).unwrap_or_default();
                    self.error(
                        pos_of(node),
                        &path(),
                        format!("caractère invisible U+{:04X} ({why}) : refusé", c as u32),
                        Some("retirez-le (il vient souvent d'un copier-coller) : il ne s'affiche pas et peut tromper le lecteur ou le terminal".into()),
                    );
                    return Some(Cow::Owned(
                        s.chars().filter(|&c| forbidden_char(c).is_none()).collect(),
                    ));
                }
                Some(Cow::Borrowed(s))
            }
            Value::Null => None,
            Value::Bool(_) | Value::Int(_) | Value::Float(_) => Some(Cow::Owned(self.raw(node))),
            Value::Seq(_) | Value::Map(_) => {
                self.type_error(node, &path(), "un texte");
                None
            }
        }
    }

    /// A required, non-empty text.
    pub fn required_text(&mut self, fields: &mut Fields<'_>, key: &str) -> Option<(String, Pos)> {
        match fields.take(key) {
            None => {
                self.error(
                    fields.pos,
                    &fields.path,
                    format!("la clé obligatoire « {key} » manque"),
                    Some(format!("ajoutez une ligne « {key}: … »")),
                );
                None
            }
            Some(node) => match self.text_of(node, &|| fields.child(key)) {
                Some(t) if !t.trim().is_empty() => Some((t.trim_end().to_string(), pos_of(node))),
                Some(_) | None if matches!(node.value, Value::Str(_) | Value::Null) => {
                    self.error(
                        pos_of(node),
                        &fields.child(key),
                        format!("« {key} » ne peut pas être vide"),
                        None,
                    );
                    None
                }
                _ => None,
            },
        }
    }

    /// An optional text; an empty one counts as absent.
    pub fn optional_text(&mut self, fields: &mut Fields<'_>, key: &str) -> Option<String> {
        let node = fields.take(key)?;
        let text = self.text_of(node, &|| fields.child(key))?;
        let text = text.trim_end();
        (!text.trim_start().is_empty()).then(|| text.to_string())
    }

    /// An optional text written in Markdown: [`Reader::optional_text`],
    /// and a warning on every line that looks like a bullet without its
    /// space ([`Reader::check_bullets`]).
    pub fn markdown(&mut self, fields: &mut Fields<'_>, key: &str) -> Option<String> {
        if let Some(node) = fields.peek(key) {
            self.check_bullets(node, &fields.child(key));
        }
        self.optional_text(fields, key)
    }

    /// `-Partager l'actualité`: in Markdown a dash makes a bullet only
    /// with a space after it; without one the line is glued to the line
    /// above and the list is published as one merged item. A warning at
    /// each such line of the text (`--` and `-1` are left alone: only a
    /// letter after the dash is taken for a missed bullet).
    pub fn check_bullets(&mut self, node: &Node, path: &str) {
        let Value::Str(text) = &node.value else {
            return;
        };
        let span = node.referenced.span();
        let (Some(start), Some(len)) = (span.byte_offset(), span.byte_len()) else {
            return;
        };
        let Some(written) = self.source.get(start as usize..(start + len) as usize) else {
            return;
        };
        let first_line = pos_of(node).ligne;
        let first_col = pos_of(node).colonne;
        for (n, line) in written.split('\n').enumerate() {
            let body = line.trim_start();
            let mut chars = body.chars();
            if chars.next() != Some('-') || !chars.next().is_some_and(char::is_alphabetic) {
                continue;
            }
            // Only a line of the text as read: a line folded into the one
            // above (a plain or quoted text on several lines) is no line.
            if !text.lines().any(|l| l.trim() == body.trim()) {
                continue;
            }
            let word = body.split_whitespace().next().unwrap_or(body);
            let indent = line.chars().count() - body.chars().count();
            let colonne = if n == 0 { first_col } else { indent as u32 + 1 };
            let more = if body.len() > word.len() { "…" } else { "" };
            self.warning(
                Pos {
                    ligne: first_line + n as u32,
                    colonne,
                    longueur: word.chars().count() as u32,
                },
                path,
                format!("« {word} » n'est pas une puce : il manque une espace après le tiret"),
                Some(format!(
                    "écrivez « - {}{more} » (une espace après le tiret) ; sans elle, la ligne est collée à la précédente",
                    &word[1..]
                )),
            );
        }
    }

    /// A list of texts; a single text is read as a list of one.
    pub fn text_list(&mut self, fields: &mut Fields<'_>, key: &str) -> Vec<(String, Pos)> {
        let path = fields.child(key);
        let Some(node) = fields.take(key) else {
            return Vec::new();
        };
        if let Value::Str(_) = node.value {
            return self
                .text(node, &path)
                .filter(|t| !t.trim().is_empty())
                .map(|t| vec![(t.trim().to_string(), pos_of(node))])
                .unwrap_or_default();
        }
        let mut out = Vec::new();
        for (i, item) in self.seq(node, &path).iter().enumerate() {
            let item_path = || format!("{path}[{i}]");
            match self.text_of(item, &item_path) {
                Some(t) if !t.trim().is_empty() => {
                    out.push((t.trim_end().to_string(), pos_of(item)))
                }
                Some(_) | None if matches!(item.value, Value::Str(_) | Value::Null) => {
                    self.warning(pos_of(item), &item_path(), "élément vide ignoré", None);
                }
                _ => {}
            }
        }
        out
    }

    /// A list of texts written in Markdown: [`Reader::text_list`], each
    /// item looked at by [`Reader::check_bullets`].
    pub fn markdown_list(&mut self, fields: &mut Fields<'_>, key: &str) -> Vec<(String, Pos)> {
        let path = fields.child(key);
        match fields.peek(key).map(|n| (n, &n.value)) {
            Some((node, Value::Str(_))) => self.check_bullets(node, &path),
            Some((_, Value::Seq(items))) => {
                for (i, item) in items.iter().enumerate() {
                    self.check_bullets(item, &format!("{path}[{i}]"));
                }
            }
            _ => {}
        }
        self.text_list(fields, key)
    }

    /// A list of names: like [`Reader::text_list`], but a single text is the
    /// comma-separated list it spells (`thematiques: parentalité, numérique`
    /// is two themes), as its writer meant.
    pub fn name_list(&mut self, fields: &mut Fields<'_>, key: &str) -> Vec<(String, Pos)> {
        let single = matches!(fields.peek(key).map(|n| &n.value), Some(Value::Str(_)));
        let items = self.text_list(fields, key);
        if !single {
            return items;
        }
        items
            .into_iter()
            .flat_map(|(text, pos)| {
                text.split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(|t| (t.to_string(), pos))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// A boolean; `oui`/`non` are accepted as people write them.
    pub fn boolean(&mut self, fields: &mut Fields<'_>, key: &str) -> Option<bool> {
        let path = fields.child(key);
        let node = fields.take(key)?;
        match &node.value {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            Value::Str(s) => match crate::text::fold(s).as_str() {
                "oui" | "vrai" | "yes" | "true" => Some(true),
                "non" | "faux" | "no" | "false" => Some(false),
                _ => {
                    self.error(
                        pos_of(node),
                        &path,
                        format!("« {s} » n'est pas « true » ou « false »"),
                        Some(format!("écrivez « {key}: true » ou « {key}: false »")),
                    );
                    None
                }
            },
            _ => {
                self.type_error(node, &path, "« true » ou « false »");
                None
            }
        }
    }

    /// The scalar exactly as written in the file.
    fn raw(&self, node: &Node) -> String {
        let span = node.referenced.span();
        if let (Some(start), Some(len)) = (span.byte_offset(), span.byte_len())
            && let Some(text) = self.source.get(start as usize..(start + len) as usize)
        {
            return text.to_string();
        }
        match &node.value {
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            Value::Str(s) => s.clone(),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::yaml::parse;

    #[test]
    fn numbers_are_read_as_written() {
        let src = "titre: x\ndebut: 9:30\nn: 012\n";
        let node = parse(src).unwrap();
        let Value::Map(entries) = &node.value else {
            panic!()
        };
        let mut r = Reader::new("f", src);
        assert_eq!(r.text(&entries[2].1, "n").as_deref(), Some("012"));
    }

    #[test]
    fn unknown_keys_get_suggestions() {
        let src = "titre: x\nterritiore: Lille\n";
        let node = parse(src).unwrap();
        let mut r = Reader::new("f.yaml", src);
        let mut f = r.map(&node, "").unwrap();
        let _ = f.take("titre");
        r.finish(f, &["titre", "territoire"]);
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(
            r.diagnostics[0].aide.as_deref(),
            Some("vouliez-vous dire « territoire » ?")
        );
        assert_eq!(r.diagnostics[0].pos.ligne, 2);
    }

    #[test]
    fn keys_are_read_like_values_and_duplicates_show_both_places() {
        let src = "Titre: x\nmodalité: visio\nterritoires: []\ntitre: y\n";
        let node = parse(src).unwrap();
        let mut r = Reader::new("f.yaml", src);
        let mut f = r.map(&node, "").unwrap();
        assert!(f.take("modalite").is_some());
        assert!(matches!(&f.take("titre").unwrap().value, Value::Str(s) if s == "x"));
        assert!(f.take("territoires").is_some());
        r.finish(f, &["titre", "modalite", "territoires"]);
        assert_eq!(r.diagnostics.len(), 1, "{:?}", r.diagnostics);
        let d = &r.diagnostics[0];
        assert_eq!(d.pos.ligne, 4);
        assert!(
            d.message
                .starts_with("clé « titre » (écrite « Titre » plus haut) en double"),
            "{}",
            d.message
        );
        assert_eq!(d.voir_aussi.as_ref().unwrap().pos.ligne, 1);
    }
}

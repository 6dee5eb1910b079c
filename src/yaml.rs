//! YAML to a tree of positioned nodes, and a reader that turns that tree into
//! typed values while collecting every problem instead of stopping at the first.
//!
//! Records are parsed by `serde-saphyr` into [`Node`]s that keep the line and
//! column of every key and value; the record and configuration readers then
//! walk the tree with [`Reader`], so an unknown key, a wrong type and an
//! unknown territory in the same file are all reported, each at its place.

use crate::diagnostic::{Diagnostic, Pos};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A YAML value whose children keep their positions.
#[derive(Debug, Clone)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// Any other number.
    Float(f64),
    /// A string.
    Str(String),
    /// A list.
    Seq(Vec<Node>),
    /// A mapping, in file order.
    Map(Vec<(Spanned<String>, Node)>),
}

/// A value and where it is.
pub type Node = Spanned<Value>;

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("une valeur YAML")
            }
            fn visit_unit<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
                Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
            }
            fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
                Ok(Value::Float(v as f64))
            }
            fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
                Ok(Value::Float(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
                Ok(Value::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Value, E> {
                Ok(Value::Str(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Value, E> {
                Ok(Value::Str(v))
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Value, E> {
                Ok(Value::Str(String::from_utf8_lossy(v).into_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Node>()? {
                    items.push(item);
                }
                Ok(Value::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<Spanned<KeyText>>()? {
                    let value = map.next_value::<Node>()?;
                    let key = Spanned::new(key.value.0, key.referenced, key.defined);
                    entries.push((key, value));
                }
                Ok(Value::Map(entries))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// A mapping key: any scalar, kept as its text (`2022: …` is a key too).
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::Str(s) => Ok(KeyText(s)),
            Value::Int(i) => Ok(KeyText(i.to_string())),
            Value::Float(f) => Ok(KeyText(f.to_string())),
            Value::Bool(b) => Ok(KeyText(b.to_string())),
            Value::Null => Ok(KeyText("~".into())),
            Value::Seq(_) | Value::Map(_) => Err(serde::de::Error::custom(
                "une clé doit être un simple mot, pas une liste ni un tableau",
            )),
        }
    }
}

/// Largest nesting a record may have: records are at most five levels deep,
/// so this only stops hostile input (and keeps the parser's stack small).
pub const MAX_DEPTH: usize = 32;

/// Largest number of YAML nodes in one file: a large meeting has a few
/// hundred; this bounds alias expansion ("billion laughs") early.
pub const MAX_NODES: usize = 100_000;

fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_events = MAX_NODES * 2;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_documents = 1;
    budget.max_total_scalar_bytes = 16 * 1024 * 1024;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.with_snippet = false;
    options
}

/// Position of a node.
pub fn pos_of<T>(node: &Spanned<T>) -> Pos {
    let loc = node.referenced;
    Pos {
        ligne: loc.line().min(u32::MAX as u64) as u32,
        colonne: loc.column().min(u32::MAX as u64) as u32,
        longueur: loc.span().len().min(u32::MAX as u64) as u32,
    }
}

/// Parses one YAML document into a positioned tree. On a syntax error,
/// returns the place and a French message.
pub fn parse(source: &str) -> Result<Node, (Pos, String)> {
    if source.trim().is_empty() {
        return Ok(Spanned::new(
            Value::Null,
            serde_saphyr::Location::UNKNOWN,
            serde_saphyr::Location::UNKNOWN,
        ));
    }
    serde_saphyr::from_str_with_options::<Node>(source, options()).map_err(|err| {
        let pos = err.location().map_or(Pos::START, |loc| Pos {
            ligne: loc.line().clamp(1, u32::MAX as u64) as u32,
            colonne: loc.column().clamp(1, u32::MAX as u64) as u32,
            longueur: 1,
        });
        (pos, french_yaml_error(&err))
    })
}

/// The parser's message without its location prefix, in French where we know
/// the wording.
fn french_yaml_error(err: &serde_saphyr::Error) -> String {
    let raw = err.to_string();
    // "error: line 2 column 4: mapping values are not allowed in this context"
    let mut text = raw.as_str();
    if let Some(rest) = text.strip_prefix("error: ") {
        text = rest;
    }
    if text.starts_with("line ")
        && let Some((_, rest)) = text.split_once(": ")
    {
        text = rest;
    }
    let text = text.lines().next().unwrap_or("").trim();
    const KNOWN: &[(&str, &str)] = &[
        (
            "mapping values are not allowed",
            "YAML invalide : « clé: valeur » à un endroit où ce n'est pas permis (indentation ou deux-points en trop ?)",
        ),
        (
            "tabs disallowed",
            "YAML invalide : une tabulation sert d'indentation ; indentez avec des espaces",
        ),
        ("duplicate mapping key", "clé en double"),
        (
            "recursion limit exceeded",
            "imbrication trop profonde : le fichier n'est pas une réunion",
        ),
        (
            "budget breached: Depth",
            "imbrication trop profonde : le fichier n'est pas une réunion",
        ),
        (
            "budget breached",
            "le fichier dépasse les limites de sécurité (alias, ancres ou nombre de valeurs) : refusé sans être lu en entier",
        ),
        (
            "alias",
            "le fichier dépasse les limites de sécurité (alias YAML)",
        ),
        (
            "did not find expected",
            "YAML invalide : structure incomplète (crochet, accolade ou guillemet non fermé ?)",
        ),
        (
            "found unexpected end of stream",
            "YAML invalide : fin de fichier inattendue (guillemet ou crochet non fermé ?)",
        ),
        (
            "could not find expected ':'",
            "YAML invalide : « : » attendu après une clé",
        ),
        (
            "found character that cannot start any token",
            "YAML invalide : caractère inattendu en début de valeur (mettez la valeur entre guillemets)",
        ),
        (
            "multiple documents",
            "un seul document YAML est attendu par fichier (retirez les « --- » supplémentaires)",
        ),
        (
            "more than one",
            "un seul document YAML est attendu par fichier (retirez les « --- » supplémentaires)",
        ),
    ];
    for (needle, french) in KNOWN {
        if text.contains(needle) {
            if *needle == "duplicate mapping key" {
                let key = text
                    .split_once("key: ")
                    .map(|(_, k)| k.split(',').next().unwrap_or(k).trim())
                    .unwrap_or("");
                return format!(
                    "clé « {key} » en double : chaque clé n'apparaît qu'une fois à un même niveau"
                );
            }
            return (*french).to_string();
        }
    }
    format!("YAML invalide : {text}")
}

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
    used: Vec<bool>,
    /// Path of the mapping (`actions[2]`).
    pub path: String,
    /// Position of the mapping itself.
    pub pos: Pos,
}

impl<'n> Fields<'n> {
    /// The value of `key`, if present, and marks it as known.
    pub fn take(&mut self, key: &str) -> Option<&'n Node> {
        let i = self.entries.iter().position(|(k, _)| k.value == key)?;
        self.used[i] = true;
        Some(&self.entries[i].1)
    }

    /// The value of `key`, if present, without marking it as known.
    pub fn peek(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.value == key)
            .map(|(_, v)| v)
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
            Value::Map(entries) => Some(Fields {
                entries,
                used: vec![false; entries.len()],
                path: path.to_string(),
                pos: pos_of(node),
            }),
            _ => {
                self.type_error(node, path, "un tableau de clés (« clé: valeur »)");
                None
            }
        }
    }

    /// Reports every key of `fields` that was not taken, suggesting the
    /// nearest known key.
    pub fn finish(&mut self, fields: Fields<'_>, known: &[&str]) {
        for (i, (key, _)) in fields.entries.iter().enumerate() {
            if fields.used[i] {
                continue;
            }
            let name = &key.value;
            let path = fields.child(name);
            let help = match crate::text::suggest(name, known.iter().copied()) {
                Some(s) => format!("vouliez-vous dire « {s} » ?"),
                None => format!("clés possibles ici : {}", known.join(", ")),
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
    use std::time::{Duration, Instant};

    #[test]
    fn keeps_positions_and_plain_times() {
        let node = parse("titre: x\ndebut: 9:30\nn: 012\n").unwrap();
        let Value::Map(entries) = &node.value else {
            panic!()
        };
        assert_eq!(entries[1].0.value, "debut");
        assert!(matches!(&entries[1].1.value, Value::Str(s) if s == "9:30"));
        assert_eq!(
            pos_of(&entries[1].1),
            Pos {
                ligne: 2,
                colonne: 8,
                longueur: 4
            }
        );
        let mut r = Reader::new("f", "titre: x\ndebut: 9:30\nn: 012\n");
        assert_eq!(r.text(&entries[2].1, "n").as_deref(), Some("012"));
    }

    #[test]
    fn syntax_errors_are_french_and_placed() {
        let (pos, msg) = parse("titre: a\n  b: [1, 2\n").unwrap_err();
        assert_eq!(pos.ligne, 2);
        assert!(msg.starts_with("YAML invalide"), "{msg}");
        let (pos, msg) = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!(pos.ligne, 2);
        assert!(msg.contains("« a » en double"), "{msg}");
    }

    #[test]
    fn alias_bomb_is_refused_quickly() {
        let mut src = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let mut prev = 'a';
        for c in 'b'..='j' {
            let refs = vec![format!("*{prev}"); 9].join(",");
            src.push_str(&format!("{c}: &{c} [{refs}]\n"));
            prev = c;
        }
        let start = Instant::now();
        let (_, msg) = parse(&src).unwrap_err();
        assert!(start.elapsed() < Duration::from_secs(5));
        assert!(msg.contains("limites de sécurité"), "{msg}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let src = format!("a: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
        let (_, msg) = parse(&src).unwrap_err();
        assert!(msg.contains("imbrication trop profonde"), "{msg}");
        let src: String = (0..200)
            .map(|i| format!("{}k:\n", "  ".repeat(i)))
            .collect();
        let (_, msg) = parse(&src).unwrap_err();
        assert!(msg.contains("imbrication trop profonde"), "{msg}");
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
}

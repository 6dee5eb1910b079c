//! YAML to a tree of positioned nodes, within limits that stop hostile input.
//!
//! Records are parsed by `serde-saphyr` into [`Node`]s that keep the line and
//! column of every key and value; [`crate::read::reader`] then walks the tree.

use crate::diagnostic::Pos;
use crate::read::syntax::{self, SyntaxError};
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
    // Duplicates are found by the reader, which compares keys as it reads
    // them (accents and case aside) and can show both places.
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
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
/// returns its cause told in French ([`crate::read::syntax`]).
pub fn parse(source: &str) -> Result<Node, SyntaxError> {
    if source.trim().is_empty() {
        return Ok(Spanned::new(
            Value::Null,
            serde_saphyr::Location::UNKNOWN,
            serde_saphyr::Location::UNKNOWN,
        ));
    }
    if let Some(err) = syntax::precheck(source) {
        return Err(err);
    }
    serde_saphyr::from_str_with_options::<Node>(source, options()).map_err(|err| {
        let loc = err
            .location()
            .map(|loc| (loc.line() as usize, loc.column() as usize));
        syntax::explain(source, &err.to_string(), loc)
    })
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
    }

    #[test]
    fn syntax_errors_are_french_and_placed() {
        let e = parse("titre: a\n  b: [1, 2\n").unwrap_err();
        assert_eq!(e.pos.ligne, 2);
        assert!(e.message.starts_with("YAML invalide"), "{e:?}");
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
        let msg = parse(&src).unwrap_err().message;
        assert!(start.elapsed() < Duration::from_secs(5));
        assert!(msg.contains("limites de sécurité"), "{msg}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let src = format!("a: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
        let msg = parse(&src).unwrap_err().message;
        assert!(msg.contains("imbrication trop profonde"), "{msg}");
        let src: String = (0..200)
            .map(|i| format!("{}k:\n", "  ".repeat(i)))
            .collect();
        let msg = parse(&src).unwrap_err().message;
        assert!(msg.contains("imbrication trop profonde"), "{msg}");
    }

    fn suite(name: &str) -> Vec<(String, String)> {
        let path = format!(
            "{}/tests/fixtures/yaml-test-suite/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        cases
            .iter()
            .map(|c| {
                (
                    c["id"].as_str().unwrap().to_string(),
                    c["yaml"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn every_invalid_case_of_the_yaml_test_suite_is_refused() {
        let cases = suite("invalid");
        assert_eq!(cases.len(), 94);
        let accepted: Vec<&str> = cases
            .iter()
            .filter(|(_, yaml)| parse(yaml).is_ok())
            .map(|(id, _)| id.as_str())
            .collect();
        assert!(accepted.is_empty(), "accepted: {accepted:?}");
    }

    #[test]
    fn the_pre_check_refuses_no_valid_case_of_the_yaml_test_suite() {
        let valid = suite("valid");
        let refused: Vec<&str> = valid
            .iter()
            .filter(|(_, yaml)| syntax::precheck(yaml).is_some())
            .map(|(id, _)| id.as_str())
            .collect();
        assert!(refused.is_empty(), "refused: {refused:?}");
    }
}

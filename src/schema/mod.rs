//! JSON Schemas (draft 2020-12) of `reunion.yaml` and of a meeting record,
//! for editors that use yaml-language-server (VS Code's YAML extension…):
//! completion of keys, closed lists and the folder's own territories while
//! typing. Generated from the one table of keys ([`crate::model::keys`]) the
//! reader uses, so the schema cannot drift from what `check` accepts.
//!
//! The schema is a help while typing, not the rule: `check` stays the judge.
//! It is stricter in one way on purpose: it offers the canonical spellings
//! (`presentiel`, a territory's names and aliases as declared) where the
//! reader also accepts other casings and accents.

use crate::fsutil;
use crate::model::keys::{self, Kind, Object};
use crate::read::config::Config;
use serde_json::{Map, Value, json};
use std::io;
use std::path::{Path, PathBuf};

/// Hidden folder of a meeting folder where `check` keeps the schemas fresh.
pub const HIDDEN_DIR: &str = ".reunion/schemas";
/// File name of the record schema.
pub const RECORD_FILE: &str = "reunion-fiche.schema.json";
/// File name of the configuration schema.
pub const CONFIG_FILE: &str = "reunion-config.schema.json";
/// How a file written here begins its `$comment`: a file without it is a
/// user's, never overwritten.
const MARK: &str = "Généré par reunion";

/// The line that makes yaml-language-server use the record schema, for a
/// record at `depth` folders below `reunions/`'s parent (1 for
/// `reunions/x.yaml`).
pub fn modeline(depth: usize) -> String {
    format!(
        "# yaml-language-server: $schema={}{HIDDEN_DIR}/{RECORD_FILE}\n",
        "../".repeat(depth)
    )
}

/// The same line for `reunion.yaml` itself.
pub fn config_modeline() -> String {
    format!("# yaml-language-server: $schema={HIDDEN_DIR}/{CONFIG_FILE}\n")
}

/// A string, or a number that the reader reads as written (`titre: 2022`).
fn text() -> Value {
    json!({ "type": ["string", "number", "boolean"] })
}

/// The values of a list of names as a closed list, or any text when empty.
/// The editor completes the `enum`; the `pattern` accepts what the reader
/// accepts too, since it compares folded spellings ([`crate::text::fold`]):
/// `lille sud` and `VALENCIENNE/ANZIN` are not errors for `check`, so not
/// for the editor either.
fn one_of(values: Vec<String>, description: &str) -> Value {
    if values.is_empty() {
        return json!({ "type": "string", "description": description });
    }
    let mut folded: Vec<String> = values.iter().map(|v| folded_pattern(v)).collect();
    folded.sort_unstable();
    folded.dedup();
    json!({
        "description": description,
        "anyOf": [
            { "type": "string", "enum": values },
            { "type": "string", "pattern": format!("^{SEP}*(?:{}){SEP}*$", folded.join("|")) }
        ]
    })
}

/// Characters the reader's folding drops between words.
const SEP: &str = r"[\s\-/'’.,;:_()«»]";

/// A regular expression (ECMA-262, no flags) matching the spellings of
/// `text` that fold like it: any case, accents, punctuation between words.
fn folded_pattern(text: &str) -> String {
    let mut out = String::new();
    for c in crate::text::fold(text).chars() {
        let class = match c {
            ' ' => format!("{SEP}+"),
            'a' => "[aAàâäÀÂÄ]".into(),
            'e' => "[eEéèêëÉÈÊË]".into(),
            'i' => "[iIîïÎÏ]".into(),
            'o' => "[oOôöÔÖ]".into(),
            'u' => "[uUùûüÙÛÜ]".into(),
            'c' => "[cCçÇ]".into(),
            'y' => "[yYÿŸ]".into(),
            c if c.is_ascii_alphabetic() => format!("[{c}{}]", c.to_ascii_uppercase()),
            c => c.to_string(),
        };
        out.push_str(&class);
    }
    out
}

fn kind_schema(kind: Kind, config: Option<&Config>) -> Value {
    match kind {
        Kind::Text => text(),
        Kind::Markdown => json!({ "type": "string" }),
        Kind::TextOrList => json!({
            "anyOf": [text(), { "type": "array", "items": text() }]
        }),
        Kind::TextList => json!({ "type": "array", "items": text() }),
        Kind::Date => json!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "examples": ["2022-03-03"]
        }),
        Kind::Hour => json!({
            "type": "string",
            "pattern": "^[0-9]{1,2}([:hH]([0-9]{2})?)$",
            "examples": ["09:30"]
        }),
        Kind::Bool => json!({
            "anyOf": [{ "type": "boolean" }, { "type": "string", "enum": ["oui", "non", "Oui", "Non"] }]
        }),
        Kind::Count => json!({ "type": "integer", "minimum": 0 }),
        Kind::Numero => json!({
            "anyOf": [
                { "type": "integer", "minimum": 1 },
                { "type": "string", "pattern": "^\\s*([nN][°ºo.]?\\s*)?[0-9]+\\s*$" }
            ]
        }),
        Kind::Type => match config.and_then(|c| c.types.clone()) {
            Some(types) => one_of(types, "un type déclaré dans reunion.yaml"),
            None => text(),
        },
        Kind::Territoires => {
            let one = kind_schema(Kind::Territoire, config);
            json!({ "anyOf": [one.clone(), { "type": "array", "items": one }] })
        }
        Kind::Person(object) => json!({
            "anyOf": [{ "type": "string" }, object_schema(object, config)]
        }),
        Kind::Url => json!({
            "type": "string",
            "pattern": "^https?://",
            "examples": ["https://www.exemple.fr/reunions/"]
        }),
        Kind::Modalite | Kind::Statut | Kind::Etat => {
            let mut values: Vec<String> = keys::allowed(kind)
                .unwrap_or_default()
                .into_iter()
                .map(String::from)
                .collect();
            values.extend(keys::labels(kind));
            let mut schema = one_of(values, "");
            // Only the spellings of files are offered; labels are accepted.
            schema["anyOf"][0]["enum"] = keys::allowed(kind).unwrap_or_default().into();
            schema
        }
        Kind::Territoire => {
            let mut names = Vec::new();
            for t in config.map(|c| c.territoires.all()).unwrap_or_default() {
                names.push(t.nom.clone());
                names.extend(t.alias.iter().cloned());
            }
            one_of(names, "un territoire du référentiel de reunion.yaml")
        }
        Kind::Reseau => one_of(
            config
                .map(|c| c.reseaux.iter().map(|r| r.id.clone()).collect())
                .unwrap_or_default(),
            "un réseau déclaré dans reunion.yaml",
        ),
        Kind::Id => json!({
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "maxLength": 100
        }),
        Kind::Map(object) => object_schema(object, config),
        Kind::List(object, plain) => {
            let item = object_schema(object, config);
            let item = match plain {
                Some(what) => json!({
                    "anyOf": [{ "type": "string", "description": what }, item]
                }),
                None => item,
            };
            json!({ "type": "array", "items": item })
        }
    }
}

/// The schema of one mapping: its keys, the required ones, no other.
fn object_schema(object: &Object, config: Option<&Config>) -> Value {
    let mut properties = Map::new();
    for key in object.keys {
        let mut schema = kind_schema(key.kind, config);
        if let Value::Object(map) = &mut schema {
            map.insert("description".into(), key.description.into());
            if !key.required {
                // `lieu:` with nothing after is read as absent.
                allow_null(map);
            }
        }
        properties.insert(key.name.into(), schema);
    }
    let required: Vec<&str> = object
        .keys
        .iter()
        .filter(|k| k.required)
        .map(|k| k.name)
        .collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false
    })
}

fn allow_null(map: &mut Map<String, Value>) {
    match map.get_mut("type") {
        Some(Value::String(t)) => {
            let t = std::mem::take(t);
            map.insert("type".into(), json!([t, "null"]));
        }
        Some(Value::Array(types)) => types.push("null".into()),
        _ => {
            if let Some(Value::Array(any)) = map.get_mut("anyOf") {
                any.push(json!({ "type": "null" }));
            }
        }
    }
}

fn document(object: &Object, config: Option<&Config>, title: &str, file: &str) -> Value {
    let mut schema = object_schema(object, config);
    let body = serde_json::to_string(&schema).unwrap_or_default();
    let digest = blake3::hash(body.as_bytes()).to_hex();
    if let Value::Object(map) = &mut schema {
        let mut head = Map::new();
        head.insert(
            "$schema".into(),
            "https://json-schema.org/draft/2020-12/schema".into(),
        );
        head.insert("$id".into(), file.into());
        head.insert(
            "$comment".into(),
            format!(
                "{MARK} (reunion schema) ; ne pas modifier ; contenu {}",
                &digest[..16]
            )
            .into(),
        );
        head.insert("title".into(), title.into());
        head.append(map);
        return Value::Object(head);
    }
    schema
}

/// The schema of a meeting record, with the folder's territories and
/// networks as closed lists.
pub fn record_schema(config: Option<&Config>) -> Value {
    document(
        &keys::MEETING,
        config,
        "Compte rendu de réunion (reunion)",
        RECORD_FILE,
    )
}

/// The schema of `reunion.yaml`.
pub fn config_schema() -> Value {
    document(
        &keys::CONFIG,
        None,
        "Configuration reunion.yaml",
        CONFIG_FILE,
    )
}

/// The files to write: name and text, in a fixed order.
pub fn files(config: Option<&Config>) -> Vec<(&'static str, String)> {
    [
        (RECORD_FILE, record_schema(config)),
        (CONFIG_FILE, config_schema()),
    ]
    .into_iter()
    .map(|(name, v)| {
        let mut text = serde_json::to_string_pretty(&v).unwrap_or_default();
        text.push('\n');
        (name, text)
    })
    .collect()
}

/// What [`write`] did with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// Written (new or refreshed).
    Written(PathBuf),
    /// Already up to date.
    Unchanged(PathBuf),
    /// A file of that name that this tool did not write: left alone.
    Foreign(PathBuf),
}

/// Writes the schemas into `dir` (created if needed), atomically, leaving
/// alone a file that is already up to date or that was not written here.
pub fn write(dir: &Path, config: Option<&Config>) -> io::Result<Vec<Written>> {
    std::fs::create_dir_all(dir)?;
    let mut done = Vec::new();
    for (name, text) in files(config) {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(old) if old == text => done.push(Written::Unchanged(path)),
            Ok(old) if !old.contains(MARK) => done.push(Written::Foreign(path)),
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {
                fsutil::write_atomic(&path, text.as_bytes())?;
                done.push(Written::Written(path));
            }
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::config::parse_config;

    fn properties<'v>(schema: &'v Value, path: &[&str]) -> Vec<&'v str> {
        let mut at = schema;
        for p in path {
            at = &at["properties"][p];
            if at["type"] == "array" || at["type"][0] == "array" {
                at = &at["items"];
            }
            if let Some(any) = at["anyOf"].as_array() {
                at = any.iter().find(|s| s["type"] == "object").unwrap_or(at);
            }
        }
        let mut names: Vec<&str> = at["properties"]
            .as_object()
            .map(|m| m.keys().map(String::as_str).collect())
            .unwrap_or_default();
        names.sort_unstable();
        names
    }

    fn sorted(object: &Object) -> Vec<&'static str> {
        let mut names = object.names();
        names.sort_unstable();
        names
    }

    #[test]
    fn the_schema_has_exactly_the_keys_of_the_table() {
        let record = record_schema(None);
        assert_eq!(properties(&record, &[]), sorted(&keys::MEETING));
        assert_eq!(
            properties(&record, &["participants"]),
            sorted(&keys::PARTICIPANT)
        );
        assert_eq!(
            properties(&record, &["excuses"]),
            sorted(&keys::PARTICIPANT)
        );
        assert_eq!(properties(&record, &["points"]), sorted(&keys::POINT));
        assert_eq!(properties(&record, &["decisions"]), sorted(&keys::DECISION));
        assert_eq!(
            properties(&record, &["points", "decisions"]),
            sorted(&keys::DECISION)
        );
        assert_eq!(
            properties(&record, &["decisions", "vote"]),
            sorted(&keys::VOTE)
        );
        assert_eq!(
            properties(&record, &["redaction"]),
            sorted(&keys::PARTICIPANT)
        );
        assert_eq!(
            properties(&record, &["absents"]),
            sorted(&keys::PARTICIPANT)
        );
        assert_eq!(properties(&record, &["actions"]), sorted(&keys::ACTION));
        assert_eq!(properties(&record, &["suites"]), sorted(&keys::SUITE));
        assert_eq!(
            properties(&record, &["prochaine_reunion"]),
            sorted(&keys::NEXT)
        );
        let config = config_schema();
        assert_eq!(properties(&config, &[]), sorted(&keys::CONFIG));
        assert_eq!(
            properties(&config, &["organisation"]),
            sorted(&keys::ORGANISATION)
        );
        assert_eq!(
            properties(&config, &["territoires"]),
            sorted(&keys::TERRITORY)
        );
        assert_eq!(properties(&config, &["reseaux"]), sorted(&keys::NETWORK));
        assert_eq!(record["required"], json!(["titre", "date", "modalite"]));
        assert_eq!(record["additionalProperties"], json!(false));
    }

    #[test]
    fn territories_and_networks_of_the_folder_are_closed_lists() {
        let (config, diags) = parse_config(
            "organisation: {nom: X}\nterritoires:\n  - nom: Lille\n    alias: [Lille Sud]\n  - Maubeuge\nreseaux:\n  - {id: cites, nom: Cités}\n",
            None,
        );
        assert!(diags.is_empty(), "{diags:?}");
        let record = record_schema(Some(&config));
        let participant = &record["properties"]["participants"]["items"]["anyOf"][1];
        assert_eq!(
            participant["properties"]["territoire"]["anyOf"][0]["enum"],
            json!(["Lille", "Lille Sud", "Maubeuge"])
        );
        assert_eq!(
            record["properties"]["reseau"]["anyOf"][0]["enum"],
            json!(["cites"])
        );
        assert_eq!(
            record["properties"]["modalite"]["anyOf"][0]["enum"],
            json!(["presentiel", "visio", "hybride"])
        );
        // Without a referential, any text.
        let open = record_schema(None);
        assert_eq!(open["properties"]["reseau"]["anyOf"], Value::Null);
    }

    #[test]
    fn folded_spellings_are_accepted_as_the_reader_does() {
        assert_eq!(
            folded_pattern("Lille Sud"),
            format!("[lL][iIîïÎÏ][lL][lL][eEéèêëÉÈÊË]{SEP}+[sS][uUùûüÙÛÜ][dD]")
        );
    }

    #[test]
    fn writing_is_idempotent_and_leaves_a_users_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let first = write(dir.path(), None).unwrap();
        assert!(first.iter().all(|w| matches!(w, Written::Written(_))));
        let again = write(dir.path(), None).unwrap();
        assert!(again.iter().all(|w| matches!(w, Written::Unchanged(_))));
        std::fs::write(dir.path().join(RECORD_FILE), "{\"mien\": true}\n").unwrap();
        let third = write(dir.path(), None).unwrap();
        assert!(matches!(&third[0], Written::Foreign(_)));
        assert_eq!(
            std::fs::read_to_string(dir.path().join(RECORD_FILE)).unwrap(),
            "{\"mien\": true}\n"
        );
    }

    #[test]
    fn the_modeline_points_from_the_record_to_the_hidden_folder() {
        assert_eq!(
            modeline(1),
            "# yaml-language-server: $schema=../.reunion/schemas/reunion-fiche.schema.json\n"
        );
    }
}

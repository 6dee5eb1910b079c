//! `reunion schema`, checked with a real JSON Schema validator (Python
//! `jsonschema`, tests/schema/valider.py): every example and valid fixture
//! record validates, records with an unknown key, a bad closed-list value
//! or an unknown territory do not; `check` refreshes the hidden copy;
//! `new` points the record at it.

use crate::common::{CONFIG, bin, example, fixture, folder_with, ok, record, run};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Validates `files` against `schema`; one line per file.
fn validate(schema: &Path, files: &[PathBuf]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schema/valider.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(schema)
        .args(files)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "valider.py (pip install jsonschema pyyaml) :\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn records(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir(dir.join("reunions"));
    files.sort();
    files
}

fn walkdir(dir: PathBuf) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walkdir(path));
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
    out
}

#[test]
fn every_valid_record_and_configuration_validates() {
    let mut folders = vec![example()];
    for name in [
        "actions",
        "fiches",
        "hostile",
        "hostile-champs",
        "noms",
        "noms-partout",
        "presence",
        "suites",
    ] {
        folders.push(fixture(name));
    }
    for folder in folders {
        // Valid for `check`, so valid for the editor.
        ok(&folder, &["check"]);
        let out = tempfile::tempdir().unwrap();
        let status = run(
            &folder,
            &["schema", "--sortie", out.path().to_str().unwrap()],
        );
        assert_eq!(status.status.code(), Some(0), "{folder:?}");
        let files = records(&folder);
        assert!(!files.is_empty(), "{folder:?}");
        let report = validate(&out.path().join("reunion-fiche.schema.json"), &files);
        assert_eq!(report.lines().count(), files.len(), "{report}");
        assert!(report.lines().all(|l| l.starts_with("valide ")), "{report}");
        let report = validate(
            &out.path().join("reunion-config.schema.json"),
            &[folder.join("reunion.yaml")],
        );
        assert!(report.starts_with("valide "), "{report}");
    }
}

#[test]
fn unknown_keys_bad_values_and_unknown_territories_do_not_validate() {
    let base = record("2024-03-01", "Essai");
    let cases = [
        ("cle.yaml", format!("{base}lieux: Lille\n"), "lieux"),
        (
            "modalite.yaml",
            base.replace("visio", "telephone"),
            "modalite",
        ),
        (
            "territoire.yaml",
            format!("{base}participants:\n  - fonction: Cheffe de projet\n    territoire: Lens\n"),
            "participants/0",
        ),
        (
            "statut.yaml",
            format!(
                "{base}actions:\n  - territoire: Lille\n    titre: Un café\n    statut: publiee\n"
            ),
            "actions/0/statut",
        ),
        ("reseau.yaml", format!("{base}reseau: autre\n"), "reseau"),
        ("date.yaml", base.replace("2024-03-01", "1er mars"), "date"),
    ];
    let files: Vec<(&str, &str)> = cases.iter().map(|(n, t, _)| (*n, t.as_str())).collect();
    let dir = folder_with(&files);
    // `check` refuses each of them too: the schema says nothing `check` does not.
    assert_eq!(run(dir.path(), &["check"]).status.code(), Some(1));
    ok(dir.path(), &["schema"]);
    let schema = dir
        .path()
        .join(".reunion/schemas/reunion-fiche.schema.json");
    for (name, _, where_) in &cases {
        let report = validate(&schema, &[dir.path().join("reunions").join(name)]);
        assert!(report.starts_with("invalide "), "{name} : {report}");
        assert!(report.contains(where_), "{name} : {report}");
    }
    // Another spelling of a territory, accepted by `check`, is accepted too.
    let dir = folder_with(&[(
        "2024-03-01-essai.yaml",
        &format!("{base}participants:\n  - fonction: Chef\n    territoire: LILLE\n"),
    )]);
    ok(dir.path(), &["check"]);
    ok(dir.path(), &["schema"]);
    let schema = dir
        .path()
        .join(".reunion/schemas/reunion-fiche.schema.json");
    let report = validate(&schema, &records(dir.path()));
    assert!(report.starts_with("valide "), "{report}");
}

#[test]
fn check_refreshes_the_schemas_when_reunion_yaml_changes() {
    let dir = folder_with(&[]);
    ok(dir.path(), &["schema"]);
    let schema = dir
        .path()
        .join(".reunion/schemas/reunion-fiche.schema.json");
    let before = std::fs::read_to_string(&schema).unwrap();
    assert!(before.contains("\"Roubaix\""));
    std::fs::write(
        dir.path().join("reunion.yaml"),
        CONFIG.replace("Roubaix", "Tourcoing"),
    )
    .unwrap();
    ok(dir.path(), &["check"]);
    let after = std::fs::read_to_string(&schema).unwrap();
    assert!(after.contains("\"Tourcoing\"") && !after.contains("\"Roubaix\""));
    // A file the user put there is never overwritten.
    std::fs::write(&schema, "{}\n").unwrap();
    ok(dir.path(), &["check"]);
    assert_eq!(std::fs::read_to_string(&schema).unwrap(), "{}\n");
}

#[test]
fn new_points_the_record_at_the_schema() {
    let dir = folder_with(&[]);
    let out = bin()
        .arg("-C")
        .arg(dir.path())
        .args([
            "new",
            "--titre",
            "Essai",
            "--date",
            "2024-03-01",
            "--modalite",
            "visio",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = records(dir.path());
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let first = text.lines().next().unwrap();
    let target = first
        .strip_prefix("# yaml-language-server: $schema=")
        .expect(first);
    // The path is relative to the record and reaches the schema once written.
    ok(dir.path(), &["schema"]);
    assert!(
        files[0].parent().unwrap().join(target).is_file(),
        "{target}"
    );
    ok(dir.path(), &["check"]);
}

//! The mistakes people make typing a record by hand (issue 15): each has a
//! fixture under `tests/fixtures/saisie/`, its `check` snapshotted in text
//! and JSON at the place of its cause; no diagnostic of any fixture speaks
//! the parser's English; `init`'s examples uncomment into a valid folder;
//! a name typed alone is never published without `--avec-noms`.

use std::path::{Path, PathBuf};

use crate::common::{bin, example, files, fixture, folder_with, render_to, run, text};

/// A folder holding the configuration of `saisie/fautes` and only the
/// record `name` of it: each mistake is checked alone.
fn only(name: &str) -> tempfile::TempDir {
    let from = fixture("saisie/fautes");
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(from.join("reunion.yaml"), dir.path().join("reunion.yaml")).unwrap();
    std::fs::create_dir(dir.path().join("reunions")).unwrap();
    std::fs::copy(
        from.join("reunions").join(name),
        dir.path().join("reunions").join(name),
    )
    .unwrap();
    dir
}

/// `check` of `dir` in text (standard error, then the summary) and in JSON.
fn check_both(dir: &Path) -> (Option<i32>, String, String) {
    let out = run(dir, &["check"]);
    let json = run(dir, &["check", "--format", "json"]);
    assert_eq!(out.status.code(), json.status.code());
    (
        out.status.code(),
        format!("{}{}", text(&out.stderr), text(&out.stdout)),
        text(&json.stdout),
    )
}

/// `(line, column)` of each diagnostic of a JSON report.
fn places(json: &str) -> Vec<(u64, u64)> {
    let report: serde_json::Value = serde_json::from_str(json).unwrap();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["ligne"].as_u64().unwrap(), d["colonne"].as_u64().unwrap()))
        .collect()
}

/// A record of `saisie/fautes`, the exit code of its check, and the
/// `(line, column)` its diagnostics point at.
type Case = (&'static str, i32, &'static [(u64, u64)]);

#[test]
fn each_mistake_is_told_at_its_cause() {
    let cases: &[Case] = &[
        ("2024-03-01-tabulation.yaml", 1, &[(6, 1)]),
        ("2024-03-02-espace-apres-deux-points.yaml", 1, &[(3, 11)]),
        ("2024-03-03-liste-sans-tiret.yaml", 1, &[(6, 3)]),
        ("2024-03-04-apostrophe.yaml", 1, &[(4, 18)]),
        ("2024-03-05-indentation-trois-espaces.yaml", 1, &[(6, 4)]),
        ("2024-03-06-participant-sans-tiret.yaml", 1, &[(7, 3)]),
        ("2024-03-07-deux-points-dans-le-titre.yaml", 1, &[(1, 28)]),
        ("2024-03-08-cles-accentuees.yaml", 0, &[]),
        ("2024-03-09-tiret-sans-espace.yaml", 0, &[(8, 7)]),
        ("2024-03-10-thematiques-en-une-ligne.yaml", 0, &[]),
        ("2024-03-11-document-final.yaml", 1, &[(4, 1)]),
    ];
    let on_disk: Vec<String> = std::fs::read_dir(fixture("saisie/fautes/reunions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(on_disk.len(), cases.len(), "a fixture without its case");
    for (name, code, at) in cases {
        let dir = only(name);
        let (status, texte, json) = check_both(dir.path());
        assert_eq!(status, Some(*code), "{name}: {texte}");
        assert_eq!(places(&json), *at, "{name}: {texte}");
        let stem = name.trim_end_matches(".yaml");
        insta::assert_snapshot!(format!("{stem}_texte"), texte);
        insta::assert_snapshot!(format!("{stem}_json"), json);
    }
}

#[test]
fn accented_keys_and_a_one_line_list_are_read_as_meant() {
    let dir = only("2024-03-08-cles-accentuees.yaml");
    let out = run(dir.path(), &["suites", "--format", "json"]);
    let suites = text(&out.stdout);
    assert!(suites.contains("Envoyer la documentation"), "{suites}");
    assert!(suites.contains("2024-04-01"), "{suites}");
    let dir = only("2024-03-10-thematiques-en-une-ligne.yaml");
    let out = run(dir.path(), &["actions", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let themes = &report[0]["thematiques"];
    assert_eq!(*themes, serde_json::json!(["parentalité", "numérique"]));
}

#[test]
fn an_error_in_march_causes_no_warning_in_april() {
    let (status, texte, json) = check_both(&fixture("saisie/mars-avril"));
    assert_eq!(status, Some(1), "{texte}");
    assert!(!texte.contains("2024-04-11-avril"), "{texte}");
    insta::assert_snapshot!("mars_avril_texte", texte);
    insta::assert_snapshot!("mars_avril_json", json);
}

#[test]
fn a_duplicate_key_of_the_configuration_shows_both_places() {
    let (status, texte, json) = check_both(&fixture("saisie/territoires-en-double"));
    assert_eq!(status, Some(2), "{texte}");
    assert!(texte.contains("reunion.yaml:8:1"), "{texte}");
    assert!(texte.contains("reunion.yaml:3:1"), "{texte}");
    insta::assert_snapshot!("territoires_en_double_texte", texte);
    insta::assert_snapshot!("territoires_en_double_json", json);
}

/// Words of the parsers' messages (serde-saphyr and granit-parser, read in
/// their sources: "while scanning a plain scalar", "did not find expected
/// ':'", "mapping values are not allowed in this context", "invalid trailing
/// content after single-quoted scalar", "unknown field", "end of stream"…)
/// that no French message uses. French words they share ("document",
/// "indentation", "alias") are left out; so are `invalid` and `tab`, which
/// French spells `invalide` and `tabulation` (words are compared whole).
const ENGLISH: &[&str] = &[
    "while",
    "scanning",
    "parsing",
    "expected",
    "found",
    "invalid",
    "did",
    "find",
    "could",
    "mapping",
    "values",
    "unknown",
    "field",
    "missing",
    "duplicate",
    "block",
    "scalar",
    "sequence",
    "unexpected",
    "stream",
    "token",
    "allowed",
    "context",
    "trailing",
    "content",
    "quoted",
    "key",
    "line",
    "column",
    "the",
    "of",
    "at",
    "not",
    "error",
    "recursion",
    "exceeded",
    "budget",
    "breached",
];

/// The English words of `message`, outside what it quotes from the file
/// (« … », `…`).
fn english_in(message: &str) -> Vec<String> {
    let mut own = String::new();
    let mut depth = 0usize;
    let mut code = false;
    for c in message.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            '`' => code = !code,
            _ if depth == 0 && !code => own.push(c),
            _ => {}
        }
    }
    own.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

/// Every folder under `dir` that holds a `reunion.yaml`, `dir` included.
fn folders(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.join("reunion.yaml").is_file() {
        out.push(dir.to_path_buf());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.ends_with("reunions"))
        .collect();
    entries.sort();
    for entry in entries {
        folders(&entry, out);
    }
}

#[test]
fn no_diagnostic_of_any_fixture_speaks_the_parsers_english() {
    let mut all = Vec::new();
    folders(&fixture(""), &mut all);
    folders(&example(), &mut all);
    assert!(all.len() >= 10, "{all:?}");
    let mut english = Vec::new();
    let mut seen = 0;
    for dir in &all {
        let out = run(dir, &["check", "--format", "json"]);
        let Ok(report) = serde_json::from_slice::<serde_json::Value>(&out.stdout) else {
            panic!("{}: no JSON report: {}", dir.display(), text(&out.stderr));
        };
        for d in report["diagnostics"].as_array().unwrap() {
            seen += 1;
            for key in ["message", "aide"] {
                let said = d[key].as_str().unwrap_or("");
                let words = english_in(said);
                if !words.is_empty() {
                    english.push(format!("{}: {said} {words:?}", dir.display()));
                }
            }
        }
    }
    assert!(seen > 30, "only {seen} diagnostics looked at");
    assert!(english.is_empty(), "{english:#?}");
}

#[test]
fn no_invalid_case_of_the_yaml_test_suite_is_told_in_english() {
    let path = fixture("yaml-test-suite/invalid.json");
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut english = Vec::new();
    for case in &cases {
        let yaml = case["yaml"].as_str().unwrap();
        let err = reunion::read::yaml::parse(yaml).expect_err("an invalid case");
        for said in [Some(err.message.as_str()), err.aide.as_deref()]
            .into_iter()
            .flatten()
        {
            if !english_in(said).is_empty() {
                english.push(format!("{}: {said}", case["id"]));
            }
        }
    }
    assert!(english.is_empty(), "{english:#?}");
}

#[test]
fn the_english_words_are_caught() {
    for phrase in [
        "while scanning a plain scalar, found a tab at line 23, column 15",
        "simple key expected ':' at line 9, column 1",
        "invalid trailing content after single-quoted scalar",
        "mapping values are not allowed in this context",
        "unknown field `modalité`, expected one of `titre`",
        "did not find expected node content",
    ] {
        assert!(!english_in(phrase).is_empty(), "{phrase}");
    }
    assert!(english_in("YAML invalide : une tabulation sert d'indentation").is_empty());
    assert!(english_in("écrivez « the end of line »").is_empty());
}

/// The lines of `reunion.yaml` that `init` wrote as examples under a key,
/// commented and indented, uncommented by removing `#` and the space after
/// it, as an editor does, or only the `#`; and the list of themes.
#[test]
fn the_examples_of_init_uncomment_into_a_valid_folder() {
    for uncomment in [
        (|l: &str| l.replacen("# ", "", 1)) as fn(&str) -> String,
        |l: &str| l.replacen('#', "", 1),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = bin().arg("init").arg(dir.path()).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let path = dir.path().join("reunion.yaml");
        let written = std::fs::read_to_string(&path).unwrap();
        let mut changed = 0;
        let config: String = written
            .lines()
            .map(|l| {
                if l.starts_with("  # -") || l.starts_with("  #   ") {
                    changed += 1;
                    uncomment(l)
                } else if l.starts_with("# thematiques:") {
                    changed += 1;
                    l.replacen("# ", "", 1)
                } else {
                    l.to_string()
                }
            })
            .map(|l| l + "\n")
            .collect();
        assert_eq!(changed, 5, "{written}");
        std::fs::write(&path, &config).unwrap();
        let out = run(dir.path(), &["check"]);
        assert_eq!(out.status.code(), Some(0), "{config}{}", text(&out.stderr));
        let out = run(dir.path(), &["territoires"]);
        assert!(text(&out.stdout).contains("Lille"), "{}", text(&out.stdout));
    }
}

#[test]
fn no_scaffold_points_to_a_file_the_user_lacks() {
    let dir = folder_with(&[]);
    let out = run(
        dir.path(),
        &["new", "--date", "2024-03-14", "--titre", "Rencontre"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let record = std::fs::read_to_string(text(&out.stdout).trim()).unwrap();
    let init = tempfile::tempdir().unwrap();
    bin().arg("init").arg(init.path()).output().unwrap();
    let config = std::fs::read_to_string(init.path().join("reunion.yaml")).unwrap();
    for scaffold in [&record, &config] {
        assert!(!scaffold.contains("docs/"), "{scaffold}");
        assert!(scaffold.contains("« reunion format »"), "{scaffold}");
    }
}

#[test]
fn a_name_typed_alone_is_published_only_with_avec_noms() {
    let dir = folder_with(&[(
        "2024-03-14-noms.yaml",
        "titre: Rencontre\ndate: 2024-03-14\nmodalite: visio\nparticipants:\n  - Jeanne Secretnom\n  - fonction: Cheffe de projet\nexcuses:\n  - Paul Autrenom\npoints:\n  - Tour de table\n",
    )]);
    let (status, texte, _) = check_both(dir.path());
    assert_eq!(status, Some(0), "{texte}");
    let sans = tempfile::tempdir().unwrap();
    render_to(dir.path(), sans.path(), &[]);
    let published = files(sans.path());
    assert!(published.len() > 5);
    for (name, bytes) in &published {
        let page = String::from_utf8_lossy(bytes);
        for nom in ["Secretnom", "Autrenom"] {
            assert!(!page.contains(nom), "{name} publishes {nom}");
        }
    }
    let page = published
        .iter()
        .find(|(n, _)| n.ends_with("2024-03-14-noms.md"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap();
    assert!(page.contains("Tour de table"), "{page}");
    let avec = tempfile::tempdir().unwrap();
    render_to(dir.path(), avec.path(), &["--avec-noms"]);
    let page = std::fs::read_to_string(avec.path().join("reunions/2024-03-14-noms.md")).unwrap();
    assert!(page.contains("Jeanne Secretnom"), "{page}");
    assert!(page.contains("Paul Autrenom"), "{page}");
}

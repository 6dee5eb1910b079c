//! `reunion suites` on a fixture where a follow-up is carried over two
//! meetings and closed in the third, with a second network.

use std::path::PathBuf;
use std::process::Output;

use crate::common::ok;

fn fixture() -> PathBuf {
    crate::common::fixture("suites")
}

/// `reunion suites args…` on the fixture.
fn run(args: &[&str]) -> Output {
    let mut all = vec!["suites"];
    all.extend_from_slice(args);
    crate::common::run(&fixture(), &all)
}

fn json(args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["suites", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&ok(&fixture(), &all)).expect("JSON")
}

fn ids(items: &[serde_json::Value]) -> Vec<&str> {
    items.iter().map(|i| i["id"].as_str().unwrap()).collect()
}

#[test]
fn a_follow_up_carried_twice_then_closed_is_one_closed_follow_up() {
    let all = json(&["--toutes", "--au", "2023-04-15"]);
    let bilan = all
        .iter()
        .find(|s| s["id"] == "2023-01-10-envoyer-le-bilan")
        .unwrap();
    assert_eq!(bilan["etat"], "Faite");
    let history: Vec<(&str, bool)> = bilan["historique"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["date"].as_str().unwrap(), m["fait"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        history,
        [
            ("2023-01-10", false),
            ("2023-02-14", false),
            ("2023-03-14", true)
        ]
    );
    assert_eq!(all.len(), 4, "each follow-up once: {:?}", ids(&all));
}

#[test]
fn open_ones_by_default_overdue_first() {
    assert_eq!(
        ids(&json(&["--au", "2023-03-30"])),
        [
            "2023-03-20-ecrire-aux-familles",
            "2023-03-14-preparer-la-rencontre-d-avril"
        ]
    );
    // Between the second and third meetings, the carried one was still open.
    assert!(
        ids(&json(&["--au", "2023-03-30"]))
            .iter()
            .all(|id| *id != "2023-01-10-envoyer-le-bilan")
    );
}

#[test]
fn overdue_depends_on_the_day() {
    assert!(json(&["--en-retard", "--au", "2023-03-25"]).is_empty());
    assert_eq!(
        ids(&json(&["--en-retard", "--au", "2023-03-26"])),
        ["2023-03-20-ecrire-aux-familles"]
    );
    assert_eq!(json(&["--en-retard", "--au", "2023-04-02"]).len(), 2);
}

#[test]
fn filters_by_network_and_person() {
    assert_eq!(
        ids(&json(&["--reseau", "pre", "--au", "2023-03-30"])),
        ["2023-03-20-ecrire-aux-familles"]
    );
    assert_eq!(
        ids(&json(&[
            "--toutes",
            "--qui",
            "cite educative",
            "--au",
            "2023-03-30"
        ])),
        ["2023-01-10-reserver-la-salle"]
    );
    let out = run(&["--reseau", "cee"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("réseau inconnu « cee »"));
}

#[test]
fn text_markdown_and_csv() {
    let out = run(&["--au", "2023-03-30", "--largeur", "100"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("suites_texte", String::from_utf8(out.stdout).unwrap());
    let out = run(&["--au", "2023-03-30", "--format", "markdown"]);
    insta::assert_snapshot!("suites_markdown", String::from_utf8(out.stdout).unwrap());
    let out = run(&["--toutes", "--au", "2023-03-30", "--format", "csv"]);
    let bytes = out.stdout;
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers[..5], ["id", "quoi", "qui", "echeance", "etat"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[0][4], "En retard");
}

#[test]
fn nothing_to_list_is_said() {
    let out = run(&["--en-retard", "--au", "2023-01-01"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "aucune suite en retard\n"
    );
    assert!(out.stdout.is_empty());
}

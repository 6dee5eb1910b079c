//! `reunion actions` and `reunion territoires` run as the real binary on the
//! fixture folder `tests/fixtures/actions/`: every filter, every format parsed
//! back with a real parser, the errors and the empty answer.

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

use crate::common::{bin, copy_of, run};

fn fixture() -> PathBuf {
    crate::common::fixture("actions")
}

struct Sortie {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Sortie {
    fn text(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout en UTF-8")
    }
}

fn reunion_in(dir: &Path, args: &[&str]) -> Sortie {
    let out = run(dir, args);
    Sortie {
        code: out.status.code().expect("code de sortie"),
        stdout: out.stdout,
        stderr: String::from_utf8(out.stderr).expect("stderr en UTF-8"),
    }
}

fn reunion(args: &[&str]) -> Sortie {
    reunion_in(&fixture(), args)
}

/// « date titre » of every action listed, through the JSON output.
fn listed(args: &[&str]) -> Vec<String> {
    let mut all = vec!["actions", "--format", "json"];
    all.extend_from_slice(args);
    let out = reunion(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: Value = serde_json::from_slice(&out.stdout).expect("JSON valide");
    value
        .as_array()
        .expect("un tableau")
        .iter()
        .map(|a| {
            format!(
                "{} {}",
                a["reunion"]["date"].as_str().unwrap(),
                a["titre"].as_str().unwrap()
            )
        })
        .collect()
}

const SANTE: &str = "2023-01-19 Santé mentale des jeunes : groupe de parole";
const CAFE: &str = "2023-01-19 Café des parents";
const PASSERELLE_JUIN: &str = "2022-06-10 Passerelle vers l'école maternelle";
const ATELIERS: &str = "2022-06-10 Ateliers numériques parents-enfants";
const PASSERELLE_MARS: &str =
    "2022-03-03 Passerelle vers l'école maternelle pour les enfants de moins de trois ans";
const DECROCHAGE: &str = "2022-03-03 Prévention du décrochage au collège";

#[test]
fn every_action_newest_first_once_per_meeting() {
    assert_eq!(
        listed(&[]),
        [
            SANTE,
            CAFE,
            PASSERELLE_JUIN,
            ATELIERS,
            PASSERELLE_MARS,
            DECROCHAGE
        ]
    );
}

#[test]
fn territory_by_name_or_alias_in_any_case_and_accents() {
    let lille = [SANTE, PASSERELLE_JUIN, PASSERELLE_MARS];
    assert_eq!(listed(&["--territoire", "lille"]), lille);
    assert_eq!(listed(&["--territoire", "SUD DE LILLE"]), lille);
    assert_eq!(listed(&["--territoire", "lille-sud"]), lille);
    assert_eq!(listed(&["--territoire", "valencienne/anzin"]), [ATELIERS]);
    // Repeated: one territory or the other.
    assert_eq!(
        listed(&[
            "--territoire",
            "Valenciennes Anzin",
            "--territoire",
            "maubeuge"
        ]),
        [CAFE, ATELIERS, DECROCHAGE]
    );
}

#[test]
fn territory_with_accents_and_nothing_to_show() {
    // Known (through an alias without accents) but without action: an empty
    // answer, said on standard error, not an error.
    let out = reunion(&["actions", "--territoire", "saint etienne du rouvray"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.is_empty());
    assert_eq!(out.stderr, "aucune action ne correspond\n");
    let out = reunion(&[
        "actions",
        "--territoire",
        "Saint-Étienne-du-Rouvray",
        "--format",
        "json",
    ]);
    assert_eq!((out.code, out.text().as_str()), (0, "[]\n"));
}

#[test]
fn thematique_ignores_case_and_accents_and_repeats_as_or() {
    assert_eq!(
        listed(&["--thematique", "DECROCHAGE SCOLAIRE"]),
        [DECROCHAGE]
    );
    assert_eq!(
        listed(&["--thematique", "santé", "--thematique", "numerique"]),
        [SANTE, ATELIERS]
    );
}

#[test]
fn public_matches_its_words() {
    assert_eq!(
        listed(&["--public", "enfants"]),
        [ATELIERS, PASSERELLE_MARS]
    );
    assert_eq!(
        listed(&["--public", "jeunes", "--public", "collegiens"]),
        [SANTE, DECROCHAGE]
    );
}

#[test]
fn statut_as_written_or_in_words() {
    assert_eq!(
        listed(&["--statut", "fiche_publiee"]),
        [CAFE, PASSERELLE_JUIN]
    );
    assert_eq!(
        listed(&["--statut", "À documenter", "--statut", "fiche en cours"]),
        [SANTE, ATELIERS, PASSERELLE_MARS, DECROCHAGE]
    );
}

#[test]
fn reseau_by_id_or_name() {
    assert_eq!(listed(&["--reseau", "pre"]), [PASSERELLE_JUIN, ATELIERS]);
    assert_eq!(
        listed(&["--reseau", "cites educatives"]),
        [SANTE, CAFE, PASSERELLE_MARS, DECROCHAGE]
    );
}

#[test]
fn period_is_inclusive() {
    assert_eq!(
        listed(&["--depuis", "2022-06-10", "--jusqu-au", "2023-01-18"]),
        [PASSERELLE_JUIN, ATELIERS]
    );
    assert_eq!(listed(&["--depuis", "2023-01-19"]), [SANTE, CAFE]);
    assert_eq!(
        listed(&["--jusqu-au", "2022-03-03"]),
        [PASSERELLE_MARS, DECROCHAGE]
    );
}

#[test]
fn texte_finds_every_word_without_accents() {
    assert_eq!(listed(&["--texte", "decrochage"]), [DECROCHAGE]);
    // In the description and the porteur: « sas », « réussite ».
    assert_eq!(listed(&["--texte", "SAS reussite"]), [DECROCHAGE]);
    // In the thématiques.
    assert_eq!(
        listed(&["--texte", "parentalite"]),
        [CAFE, ATELIERS, PASSERELLE_MARS]
    );
    assert_eq!(listed(&["--texte", "café numérique"]), Vec::<String>::new());
}

#[test]
fn filters_combine_with_and() {
    assert_eq!(
        listed(&[
            "--territoire",
            "lille",
            "--statut",
            "fiche_publiee",
            "--reseau",
            "pre"
        ]),
        [PASSERELLE_JUIN]
    );
    assert_eq!(
        listed(&["--territoire", "maubeuge", "--thematique", "numérique"]),
        Vec::<String>::new()
    );
}

#[test]
fn derniere_keeps_the_latest_state() {
    assert_eq!(
        listed(&["--derniere", "--territoire", "lille"]),
        [SANTE, PASSERELLE_JUIN]
    );
    // The passerelle is published by June: it is no longer « à documenter ».
    assert_eq!(
        listed(&["--derniere", "--statut", "a_documenter"]),
        [ATELIERS]
    );
    // Within the period asked, its latest state is March's.
    assert_eq!(
        listed(&[
            "--derniere",
            "--territoire",
            "lille",
            "--jusqu-au",
            "2022-05-01"
        ]),
        [PASSERELLE_MARS]
    );
}

#[test]
fn sorts() {
    assert_eq!(
        listed(&["--tri", "territoire"]),
        [
            SANTE,
            PASSERELLE_JUIN,
            PASSERELLE_MARS,
            CAFE,
            DECROCHAGE,
            ATELIERS
        ]
    );
    assert_eq!(
        listed(&["--tri", "titre"]),
        [
            ATELIERS,
            CAFE,
            PASSERELLE_JUIN,
            PASSERELLE_MARS,
            DECROCHAGE,
            SANTE
        ]
    );
}

#[test]
fn json_objects_have_the_documented_keys_in_order() {
    let out = reunion(&[
        "actions",
        "--format",
        "json",
        "--jusqu-au",
        "2022-03-03",
        "--territoire",
        "maubeuge",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        value,
        json!([{
            "id": "maubeuge-prevention-du-decrochage-au-college",
            "titre": "Prévention du décrochage au collège",
            "territoire": "Maubeuge",
            "statut": "fiche_en_cours",
            "porteur": "PRE | Programme de réussite éducative",
            "description": "Un « sas » pour les élèves exclus, avec des \"tuteurs\", pendant l'exclusion.\nSuivi sur toute l'année.",
            "thematiques": ["décrochage scolaire"],
            "publics": ["Collégiens exclus"],
            "reunion": {
                "date": "2022-03-03",
                "titre": "Rencontre des cités éducatives",
                "fichier": "reunions/2022/2022-03-03-rencontre.yaml",
                "type": "rencontre",
                "numero": null
            },
            "interne": false
        }])
    );
    // serde_json's Value sorts keys: the order is checked on the text.
    let text = out.text();
    let keys: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix('"'))
        .filter_map(|l| l.split_once("\":").map(|(k, _)| k))
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "titre",
            "territoire",
            "statut",
            "porteur",
            "description",
            "thematiques",
            "publics",
            "reunion",
            "date",
            "titre",
            "fichier",
            "type",
            "numero",
            "interne"
        ]
    );
    // An absent porteur is null, not a missing key.
    let out = reunion(&["actions", "--format", "json", "--texte", "santé mentale"]);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value[0]["porteur"], Value::Null);
    assert_eq!(value[0]["territoire"], "Lille");
}

#[test]
fn csv_round_trips_through_a_real_parser() {
    let out = reunion(&["actions", "--format", "csv", "--tri", "titre"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // UTF-8 byte-order mark, so that Excel reads the accents.
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
            "id",
            "titre",
            "territoire",
            "statut",
            "porteur",
            "description",
            "thematiques",
            "publics",
            "reunion_date",
            "reunion_titre",
            "reunion_fichier",
            "reunion_type",
            "reunion_numero",
            "interne"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let titles: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Ateliers numériques parents-enfants",
            "Café des parents",
            "Passerelle vers l'école maternelle",
            "Passerelle vers l'école maternelle pour les enfants de moins de trois ans",
            "Prévention du décrochage au collège",
            "Santé mentale des jeunes : groupe de parole",
        ]
    );
    assert_eq!(
        rows[0],
        [
            "valenciennes-anzin-ateliers-numeriques-parents-enfants",
            "Ateliers numériques parents-enfants",
            "Valenciennes-Anzin",
            "a_documenter",
            "Centre social Dutemple",
            "",
            "numérique; parentalité",
            "Parents; Enfants",
            "2022-06-10",
            "Rencontre des programmes de réussite éducative",
            "reunions/2022/2022-06-10-rencontre-pre.yaml",
            "rencontre",
            "",
            "non",
        ]
    );
    // Commas, quotes and a newline come back intact.
    assert_eq!(
        rows[4][5],
        "Un « sas » pour les élèves exclus, avec des \"tuteurs\", pendant l'exclusion.\nSuivi sur toute l'année."
    );
    // RFC 4180 line ends (`lines()` would hide the CR).
    assert!(
        out.text()
            .split('\n')
            .next()
            .unwrap()
            .ends_with("reunion_numero,interne\r")
    );
}

#[test]
fn csv_without_match_is_a_header_alone() {
    let out = reunion(&["actions", "--format", "csv", "--texte", "introuvable"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stderr, "aucune action ne correspond\n");
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(reader.headers().unwrap().len(), 14);
    assert_eq!(reader.records().count(), 0);
}

#[test]
fn markdown_table_escapes_pipes() {
    let out = reunion(&[
        "actions",
        "--format",
        "markdown",
        "--territoire",
        "maubeuge",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.text(),
        "| Date | Territoire | Titre | Porteur | Statut |\n\
         | --- | --- | --- | --- | --- |\n\
         | 2023-01-19 | Maubeuge | Café des parents | Maison de quartier | Fiche publiée |\n\
         | 2022-03-03 | Maubeuge | Prévention du décrochage au collège | PRE \\| Programme de réussite éducative | Fiche en cours |\n"
    );
}

#[test]
fn text_table_at_a_fixed_width() {
    let out = reunion(&["actions", "--largeur", "80"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("texte_80", out.text());
}

#[test]
fn text_table_fits_narrow_widths() {
    for width in [50usize, 64, 72] {
        let out = reunion(&["actions", "--largeur", &width.to_string()]);
        let text = out.text();
        for line in text.lines() {
            assert!(line.width() <= width, "{width}: {line:?}");
        }
        assert!(
            text.contains('…'),
            "{width}: rien n'est raccourci ?\n{text}"
        );
    }
    // Wide enough, nothing is shortened.
    let out = reunion(&["actions", "--largeur", "200"]);
    assert!(!out.text().contains('…'));
    assert!(
        out.text()
            .contains("pour les enfants de moins de trois ans")
    );
}

#[test]
fn text_width_follows_columns_when_not_a_terminal() {
    let out = bin()
        .arg("-C")
        .arg(fixture())
        .arg("actions")
        .env("COLUMNS", "60")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.width() <= 60), "{text}");
    assert!(text.lines().any(|l| l.width() > 55), "{text}");
    // No escape sequence when standard output is not a terminal.
    assert!(!text.contains('\x1b'));
}

#[test]
fn synthese_counts_per_territory_and_statut() {
    let out = reunion(&["actions", "--synthese", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        value,
        json!({
            "territoires": [
                {"territoire": "Lille", "a_documenter": 0, "fiche_en_cours": 1, "fiche_publiee": 1, "total": 2},
                {"territoire": "Valenciennes-Anzin", "a_documenter": 1, "fiche_en_cours": 0, "fiche_publiee": 0, "total": 1},
                {"territoire": "Maubeuge", "a_documenter": 0, "fiche_en_cours": 1, "fiche_publiee": 1, "total": 2},
                {"territoire": "Saint-Étienne-du-Rouvray", "a_documenter": 0, "fiche_en_cours": 0, "fiche_publiee": 0, "total": 0}
            ],
            "total": {"a_documenter": 1, "fiche_en_cours": 2, "fiche_publiee": 2, "total": 5}
        })
    );
    // The passerelle, told at two meetings, is one practice in its latest
    // state: counted once, as `territoires` counts it, with or without
    // --derniere, and nothing to warn about.
    assert_eq!(out.stderr, "");
    let derniere = reunion(&["actions", "--synthese", "--derniere", "--format", "json"]);
    assert_eq!(derniere.stdout, out.stdout);
    let territoires: Value =
        serde_json::from_slice(&reunion(&["territoires", "--format", "json"]).stdout).unwrap();
    for (row, stat) in value["territoires"]
        .as_array()
        .unwrap()
        .iter()
        .zip(territoires.as_array().unwrap())
    {
        assert_eq!(row["territoire"], stat["territoire"]);
        assert_eq!(row["total"], stat["actions"], "{row} {stat}");
    }
}

#[test]
fn synthese_with_derniere_and_filters() {
    let out = reunion(&[
        "actions",
        "--synthese",
        "--derniere",
        "--territoire",
        "lille",
        "--largeur",
        "80",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    assert_eq!(
        out.text(),
        "Territoire  À documenter  Fiche en cours  Fiche publiée  Total\n\
         ──────────  ────────────  ──────────────  ─────────────  ─────\n\
         Lille                  0               1              1      2\n\
         ──────────  ────────────  ──────────────  ─────────────  ─────\n\
         Total                  0               1              1      2\n"
    );
    let out = reunion(&["actions", "--synthese", "--derniere", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(rows.last().unwrap(), &["Total", "1", "2", "2", "5"]);
}

fn error(args: &[&str]) -> String {
    let out = reunion(args);
    assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
    assert!(out.stdout.is_empty());
    out.stderr
}

#[test]
fn unknown_values_are_errors_with_a_suggestion() {
    assert_eq!(
        error(&["actions", "--territoire", "Lile"]),
        "erreur : territoire inconnu « Lile »\n\
         aide : vouliez-vous dire « Lille » ? (reunion territoires liste les territoires et leurs alias)\n"
    );
    assert!(error(&["actions", "--territoire", "valenciene"]).contains("« Valenciennes-Anzin »"));
    assert!(
        error(&["actions", "--thematique", "parentalitée"])
            .contains("vouliez-vous dire « parentalité » ?")
    );
    assert!(
        error(&["actions", "--statut", "publiée"])
            .contains(
        "vouliez-vous dire « fiche_publiee » ? valeurs possibles : a_documenter, fiche_en_cours, fiche_publiee"
    )
    );
    assert!(
        error(&["actions", "--reseau", "cite-educative"])
            .contains("vouliez-vous dire « cites-educatives » ?")
    );
    // Nothing near: the known values are listed.
    assert!(error(&["actions", "--territoire", "Strasbourg"]).contains(
        "territoires connus : Lille, Valenciennes-Anzin, Maubeuge, Saint-Étienne-du-Rouvray"
    ));
}

#[test]
fn bad_dates_and_options_are_errors() {
    assert!(error(&["actions", "--depuis", "03/03/2022"]).contains("AAAA-MM-JJ"));
    assert!(error(&["actions", "--jusqu-au", "2022-02-30"]).contains("n'existe pas"));
    assert!(
        error(&[
            "actions",
            "--depuis",
            "2023-01-01",
            "--jusqu-au",
            "2022-01-01"
        ])
        .contains("période vide")
    );
    assert!(error(&["actions", "--format", "xls"]).contains("valeur invalide"));
    assert!(
        error(&["actions", "--synthese", "--tri", "titre"]).contains("ne peut pas être utilisé")
    );
}

#[test]
fn help_is_in_french() {
    let out = reunion(&["actions", "--aide"]);
    assert_eq!(out.code, 0);
    let text = out.text();
    assert!(text.contains("--jusqu-au <AAAA-MM-JJ>"), "{text}");
    assert!(text.contains("l'une ou l'autre"), "{text}");
}

#[test]
fn territoires_lists_aliases_meetings_and_actions() {
    let out = reunion(&["territoires", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        value,
        json!([
            // Three meetings; the passerelle followed twice is one action.
            {"territoire": "Lille", "alias": ["Lille Sud", "Sud de Lille"], "reunions": 3, "actions": 2},
            // Represented by a participant and an action in June only.
            {"territoire": "Valenciennes-Anzin", "alias": ["Valencienne/Anzin"], "reunions": 1, "actions": 1},
            {"territoire": "Maubeuge", "alias": [], "reunions": 2, "actions": 2},
            // A participant, no action.
            {"territoire": "Saint-Étienne-du-Rouvray", "alias": ["St Etienne du Rouvray"], "reunions": 1, "actions": 0}
        ])
    );
    let out = reunion(&["territoires", "--largeur", "80"]);
    insta::assert_snapshot!("territoires_80", out.text());
    let out = reunion(&["territoires", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(&first[1], "Lille Sud; Sud de Lille");
}

/// A copy of the fixture with one broken record.
fn broken_copy() -> tempfile::TempDir {
    let dir = copy_of(&fixture());
    std::fs::write(
        dir.path().join("reunions/2023/2023-02-02-cassee.yaml"),
        "titre: Cassée\ndate: 2023-02-02\nmodalite: visio\nactions:\n  - territoire: Roubaix\n    titre: X\n",
    )
    .unwrap();
    dir
}

#[test]
fn invalid_records_are_flagged_and_exit_1() {
    let dir = broken_copy();
    let out = reunion_in(
        dir.path(),
        &["actions", "--territoire", "maubeuge", "--format", "json"],
    );
    assert_eq!(out.code, 1);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value.as_array().unwrap().len(), 2);
    assert!(
        out.stderr.contains("reunions/2023/2023-02-02-cassee.yaml"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("reunion check"));
    let out = reunion_in(dir.path(), &["territoires"]);
    assert_eq!(out.code, 1);
}

#[test]
fn outside_a_meeting_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = reunion_in(dir.path(), &["actions"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("reunion init"), "{}", out.stderr);
}

/// The issue's acceptance: the Lille practices of the shipped example.
#[test]
fn example_lists_the_lille_practices() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/irev");
    let out = reunion_in(
        &example,
        &["actions", "--territoire", "lille", "--format", "json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    let actions = value.as_array().unwrap();
    assert!(actions.iter().all(|a| a["territoire"] == "Lille"));
    // The passerelle, followed from March to May, once per meeting, newest first.
    let passerelle: Vec<(&str, &str)> = actions
        .iter()
        .filter(|a| a["id"] == "lille-passerelle-eje")
        .map(|a| {
            (
                a["reunion"]["date"].as_str().unwrap(),
                a["statut"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        passerelle,
        [
            ("2022-05-12", "fiche_publiee"),
            ("2022-04-06", "fiche_en_cours"),
            ("2022-03-03", "a_documenter")
        ]
    );
    // The text table names it too, with no other territory.
    let out = reunion_in(
        &example,
        &["actions", "--territoire", "LILLE SUD", "--largeur", "100"],
    );
    let text = out.text();
    assert!(text.contains("La passerelle EJE"), "{text}");
    assert!(!text.contains("Maubeuge"), "{text}");
}

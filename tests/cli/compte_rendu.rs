//! The meeting page with the keys of real minutes (issue 14): heading from
//! `type` and `numero`, state banner, co-organisers, writer, announced
//! agenda, speakers and decisions per point, the relevé de décisions,
//! absents apart; and no claim of emptiness for a point without text.

use crate::common::{bin, fixture, text};

fn page(record: &str, format: &str) -> String {
    let dir = fixture("format");
    let record = dir.join("reunions").join(record);
    let output = bin()
        .current_dir(&dir)
        .args(["render", record.to_str().unwrap(), "--format", format])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    text(&output.stdout)
}

#[test]
fn a_comite_de_pilotage_page_snapshots() {
    for format in ["html", "md"] {
        let page = page("2022-03-02-valide.yaml", format);
        insta::assert_snapshot!(format!("compte_rendu_copil_{format}"), page);
        assert!(page.contains("Compte rendu n° 2 du comité de pilotage du "));
        assert!(page.contains("mercredi 2 mars 2022"));
        assert!(page.contains("Approuvé le 6 avril 2022"));
        assert!(page.contains("Relevé de décisions"));
        assert!(page.contains("pour 12, contre 0, abstention 1"));
        assert!(!page.contains("Pas d'élément"));
    }
}

#[test]
fn a_point_without_text_claims_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("reunion.yaml"),
        "organisation:\n  nom: Essai\nterritoires: [Lille]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("reunions")).unwrap();
    let record = dir.path().join("reunions/2022-03-03-a.yaml");
    std::fs::write(
        &record,
        "titre: A\ndate: 2022-03-03\nmodalite: visio\netat: projet\npoints:\n  - titre: Tour de table\n",
    )
    .unwrap();
    for format in ["html", "md"] {
        let output = bin()
            .current_dir(dir.path())
            .args(["render", record.to_str().unwrap(), "--format", format])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", text(&output.stderr));
        let page = text(&output.stdout);
        assert!(page.contains("Tour de table"), "{page}");
        assert!(page.contains("Projet de compte rendu"), "{page}");
        assert!(page.contains("Compte rendu de la rencontre du "), "{page}");
        assert!(!page.contains("Pas d'élément"), "{page}");
        assert!(!page.contains("Relevé de décisions"), "{page}");
    }
}

#[test]
fn decisions_in_each_format() {
    let dir = fixture("decisions");
    for (format, args) in [
        ("texte", vec!["decisions", "--largeur", "120"]),
        ("markdown", vec!["decisions", "--format", "markdown"]),
        ("json", vec!["decisions", "--format", "json"]),
        ("csv", vec!["decisions", "--format", "csv"]),
    ] {
        let out = crate::common::run(&dir, &args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        insta::assert_snapshot!(format!("decisions_{format}"), text(&out.stdout));
    }
    // The same filters as the other lists.
    let out = crate::common::run(
        &dir,
        &[
            "decisions",
            "--reseau",
            "cites-educatives",
            "--format",
            "csv",
        ],
    );
    let csv = text(&out.stdout);
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.contains("La rencontre d'octobre aura lieu à Maubeuge."));
    let out = crate::common::run(
        &dir,
        &[
            "decisions",
            "--jusqu-au",
            "2022-03-31",
            "--texte",
            "club",
            "--format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["vote"]["abstention"], 1);
    assert_eq!(json[0]["point"], "Bilan des actions");
    let out = crate::common::run(&dir, &["decisions", "--territoire", "lile"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let out = crate::common::run(
        &dir,
        &["decisions", "--territoire", "maubeuge", "--texte", "absent"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "aucune décision ne correspond\n");
}

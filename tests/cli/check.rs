//! The real binary on fixture folders: `init`, `new`, `check`, diagnostics
//! snapshotted, exit codes, hostile files.

use std::path::PathBuf;
use std::time::Duration;

use crate::common::{
    alias_bomb, bin, copy_of, diagnostics, example, fixture, folder_with, run, run_bounded, text,
};

#[test]
fn the_example_is_valid() {
    let out = run(&example(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "3 fichiers vérifiés : aucun problème\n");
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn every_rule_has_a_precise_diagnostic() {
    let out = run(&fixture("regles"), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("regles_texte", text(&out.stderr));
    insta::assert_snapshot!("regles_resume", text(&out.stdout));
}

#[test]
fn every_broken_file_is_reported() {
    let out = run(&fixture("regles"), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let files: std::collections::BTreeSet<&str> = diagnostics
        .iter()
        .map(|d| d["fichier"].as_str().unwrap())
        .collect();
    for entry in std::fs::read_dir(fixture("regles/reunions")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let path = format!("reunions/{name}");
        // The one valid file is only the other side of a clash.
        assert_eq!(
            files.contains(path.as_str()),
            name != "2022-03-01-valide.yaml",
            "{name}"
        );
    }
    assert_eq!(report["valide"], false);
    assert_eq!(report["fichiers"], 16);
    insta::assert_snapshot!("regles_json", text(&out.stdout));
}

#[test]
fn json_points_at_the_exact_place() {
    let out = run(&fixture("regles"), &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lile = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"] == "territoire inconnu « Lile »")
        .unwrap();
    assert_eq!(lile["fichier"], "reunions/2022-03-10-referentiel.yaml");
    assert_eq!(lile["ligne"], 9);
    assert_eq!(lile["colonne"], 17);
    assert_eq!(lile["chemin"], "actions[0].territoire");
    assert_eq!(lile["aide"], "vouliez-vous dire « Lille » ?");
    assert_eq!(lile["gravite"], "erreur");
}

#[test]
fn alias_bomb_and_deep_nesting_return_promptly() {
    let dir = folder_with(&[]);
    std::fs::write(
        dir.path().join("reunions/2022-01-01-bombe.yaml"),
        alias_bomb("a:"),
    )
    .unwrap();
    let deep = format!("titre: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    std::fs::write(dir.path().join("reunions/2022-01-02-profond.yaml"), deep).unwrap();
    // A generous bound: this is a hang check, not a speed measurement.
    let out = run_bounded(
        bin().arg("-C").arg(dir.path()).arg("check"),
        Duration::from_secs(20),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("limites de sécurité"), "{err}");
    assert!(err.contains("imbrication trop profonde"), "{err}");
}

#[test]
fn bom_crlf_non_utf8_large_and_directory_files() {
    let dir = folder_with(&[]);
    let r = dir.path().join("reunions");
    std::fs::write(
        r.join("2022-01-01-bom.yaml"),
        b"\xEF\xBB\xBFtitre: BOM et CRLF\r\ndate: 2022-01-01\r\nmodalite: visio\r\n",
    )
    .unwrap();
    std::fs::write(
        r.join("2022-01-02-latin1.yaml"),
        b"titre: R\xe9union\ndate: 2022-01-02\nmodalite: visio\n",
    )
    .unwrap();
    std::fs::write(r.join("2022-01-03-gros.yaml"), vec![b'#'; 3 * 1024 * 1024]).unwrap();
    std::fs::create_dir(r.join("2022-01-04-dossier.yaml")).unwrap();
    let out = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let found = diagnostics(&out.stdout);
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[0].0, "reunions/2022-01-02-latin1.yaml");
    assert!(
        found[0]
            .1
            .contains("pas en UTF-8 (octet invalide ligne 1, colonne 9)")
    );
    assert!(found[1].1.contains("trop gros"));
    assert!(found[2].1.contains("c'est un dossier"));
}

#[cfg(unix)]
#[test]
fn symlink_outside_the_folder_is_refused() {
    let dir = folder_with(&[]);
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("secret.yaml");
    std::fs::write(
        &target,
        "titre: Secret\ndate: 2022-01-01\nmodalite: visio\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join("reunions/2022-01-01-lien.yaml")).unwrap();
    let out = run(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("hors du dossier de réunions : refusé"));
}

#[test]
fn configuration_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("reunion.yaml"),
        "organisation:\n  nom: X\nterritoires:\n  - nom: Lille\n  - nom: Roubaix\n    alias: [LILLE]\n",
    )
    .unwrap();
    let out = run(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!("configuration_invalide", text(&out.stderr));
}

#[test]
fn no_folder_says_to_run_init() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin().current_dir(dir.path()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("pas de reunion.yaml"), "{err}");
    assert!(err.contains("reunion init"), "{err}");
    let out = run(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("n'est pas un dossier de réunions"));
}

#[test]
fn folder_is_found_from_a_subfolder() {
    let out = bin()
        .current_dir(example().join("reunions/2022"))
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn init_creates_and_then_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mon-reseau");
    let out = bin()
        .arg("init")
        .arg(&target)
        .args(["--organisation", "Centre « Ressources »"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(target.join("reunions").is_dir());
    assert_eq!(
        std::fs::read_to_string(target.join(".gitignore")).unwrap(),
        "# Pages publiées par `reunion render`\n/public/\n\
         # Pages internes de `reunion render --interne` : ni versionnées ni publiées\n/public-interne/\n\
         # Schémas pour l'éditeur, tenus à jour par `reunion check`\n/.reunion/\n"
    );
    // The editor finds the schema through the first line of reunion.yaml.
    assert!(
        target
            .join(".reunion/schemas/reunion-fiche.schema.json")
            .is_file()
    );
    let config = std::fs::read(target.join("reunion.yaml")).unwrap();
    let out = run(&target, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let again = bin().arg("init").arg(&target).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("existe déjà"));
    assert_eq!(std::fs::read(target.join("reunion.yaml")).unwrap(), config);
}

#[test]
fn new_writes_a_valid_record_and_never_overwrites() {
    let dir = folder_with(&[]);
    let args = [
        "new",
        "--date",
        "2022-03-03",
        "--titre",
        "Rencontre régionale",
        "--modalite",
        "Visio",
    ];
    let out = run(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let path = PathBuf::from(text(&out.stdout).trim());
    assert!(
        path.ends_with("reunions/2022-03-03-rencontre-regionale.yaml"),
        "{path:?}"
    );
    let check = run(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));

    std::fs::write(&path, "mes notes, à ne pas perdre\n").unwrap();
    let again = run(dir.path(), &args);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("existe déjà"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "mes notes, à ne pas perdre\n"
    );
}

#[test]
fn new_continues_the_example() {
    let dir = copy_of(&example());
    let out = run(dir.path(), &["new"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let path = PathBuf::from(text(&out.stdout).trim());
    assert!(
        path.starts_with(dir.path().join("reunions/2022")),
        "{path:?}"
    );
    assert!(
        path.file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("2022-09-22-")
    );
    let record = std::fs::read_to_string(&path).unwrap();
    assert!(record.contains("modalite: visio"));
    assert!(record.contains("id: 2022-03-03-transmettre-a-l-irev-les-elements-des-actions-a"));
    assert!(record.contains("id: 2022-05-12-proposer-les-dates-des-rencontres-de-septembre-a"));
    assert!(
        !record.contains("Envoyer la trame"),
        "a closed follow-up is not carried"
    );
    assert!(text(&out.stderr).contains("2 suites ouvertes reprises"));
    let check = run(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
}

#[test]
fn new_rejects_bad_options() {
    let dir = folder_with(&[]);
    let out = run(dir.path(), &["new", "--date", "06/04/2022"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("écrivez 2022-04-06"));
    let out = run(dir.path(), &["new", "--reseau", "cee"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("vouliez-vous dire « ce » ?"));
    assert_eq!(
        std::fs::read_dir(dir.path().join("reunions"))
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn help_and_usage_errors_are_french() {
    let out = bin().arg("--aide").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    assert!(help.contains("Utilisation : reunion"), "{help}");
    assert!(help.contains("Vérifie tous les comptes rendus"), "{help}");
    let out = bin().arg("chek").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("commande inconnue « chek »"));
    assert!(text(&out.stderr).contains("vouliez-vous dire « schema » ou « check » ?"));
    let out = bin().args(["check", "--format", "xml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("valeur invalide « xml »"));
}

/// The keys of real minutes (`type`, `numero`, `etat`, `approuve_le`,
/// `redaction`, `absents`): one file per rule, each reported, and the
/// valid one silent.
#[test]
fn the_keys_of_real_minutes_have_precise_diagnostics() {
    let out = run(&fixture("format"), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: std::collections::BTreeSet<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["fichier"].as_str().unwrap())
        .collect();
    for entry in std::fs::read_dir(fixture("format/reunions")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let path = format!("reunions/{name}");
        assert_eq!(
            files.contains(path.as_str()),
            name != "2022-03-02-valide.yaml",
            "{name}"
        );
    }
    let out = run(&fixture("format"), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("format_texte", text(&out.stderr));
}

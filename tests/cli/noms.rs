//! People's names typed in free text (issue 14): `check` points at each
//! one, and no published file holds one without `--avec-noms`. The
//! fixture `noms-partout` types names in every published text, in every
//! way YAML writes a text (plain, quoted, block `|` and `>`).

use crate::common::{copy_of, files, fixture, render_to, run, text};

/// Every given name and surname of the fixture, declared or not.
const NAMES: [&str; 14] = [
    "Chantal",
    "Nordez",
    "Bérénice",
    "Quillard",
    "Odile",
    "Tavernier",
    "Gaspard",
    "Vautrin",
    "Ulrich",
    "Fauconnier",
    "Zélie",
    "Brocard",
    "Octave",
    "Lemarchand",
];

/// The names found in a published file, compared without accents or case
/// (as in a URL or a search index, where they would be folded).
fn names_in(bytes: &[u8]) -> Vec<&'static str> {
    let page = deunicode::deunicode(&String::from_utf8_lossy(bytes)).to_lowercase();
    NAMES
        .iter()
        .copied()
        .filter(|n| page.contains(&deunicode::deunicode(n).to_lowercase()))
        .collect()
}

#[test]
fn no_name_is_published_without_avec_noms() {
    let out = tempfile::tempdir().unwrap();
    let result = render_to(&fixture("noms-partout"), out.path(), &[]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let published = files(out.path());
    for kind in ["html", "md", "ics", "js"] {
        assert!(
            published.keys().any(|p| p.ends_with(kind)),
            "no {kind} file published"
        );
    }
    for (name, bytes) in &published {
        assert_eq!(names_in(bytes), Vec::<&str>::new(), "{name}");
    }
    // The role is written in their place, fitted to the sentence.
    let page = text(&published["reunions/2022-03-01-comite.md"]);
    assert!(
        page.contains("Petit tour de table ouvert par la principale du collège Marc Seguin."),
        "{page}"
    );
    assert!(page.contains("Le Dr O. L. intervient ; merci à la chargée de mission (IREV)."));
    // A name declared in one record is replaced in another's page.
    let other = text(&published["reunions/2022-05-10-comite.md"]);
    assert!(
        other.contains("La chargée de mission (IREV) et la principale"),
        "{other}"
    );
    // Speakers, the writer and absents by their role; names typed in
    // decisions and in the announced agenda replaced too.
    for fact in [
        "- Rédaction : Secrétaire de séance, Cité éducative de Lille\n",
        "Intervenant·es : Chef de projet, Cité éducative de Roubaix\n",
        "- Principale du collège, Collège Marc Seguin\n",
        "- **Décision :** Le comité suit l'avis de la chef de projet de la Cité éducative de Roubaix. (vote : pour 3, contre 0, abstention 0)",
        "M. F. présidera la prochaine séance.",
        "1. Nouvelles de la chef de projet de la Cité éducative de Roubaix\n",
    ] {
        assert!(other.contains(fact), "« {fact} » manque :\n{other}");
    }
}

#[test]
fn every_name_is_published_with_avec_noms() {
    let out = tempfile::tempdir().unwrap();
    let result = render_to(&fixture("noms-partout"), out.path(), &["--avec-noms"]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let published = files(out.path());
    let mut all: Vec<&str> = published.values().flat_map(|b| names_in(b)).collect();
    all.sort_unstable();
    all.dedup();
    let mut expected = NAMES.to_vec();
    expected.sort_unstable();
    assert_eq!(all, expected);
    let page = text(&published["reunions/2022-03-01-comite.md"]);
    assert!(page.contains("Petit tour de table ouvert par NORDEZ Chantal."));
    assert!(page.contains("Le Dr Octave Lemarchand intervient"));
    let other = text(&published["reunions/2022-05-10-comite.md"]);
    for fact in [
        "- Rédaction : Gaspard Vautrin, Secrétaire de séance",
        "Intervenant·es : Odile Tavernier, Chef de projet",
        "- **Chantal Nordez**, Principale du collège",
    ] {
        assert!(other.contains(fact), "« {fact} » manque :\n{other}");
    }
}

#[test]
fn one_compte_rendu_on_the_standard_output_has_no_name() {
    for format in ["md", "html"] {
        let dir = fixture("noms-partout");
        let record = dir.join("reunions/2022-03-01-comite.yaml");
        let record = record.to_str().unwrap();
        let out = run(&dir, &["render", record, "--format", format]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(names_in(&out.stdout), Vec::<&str>::new(), "{format}");
    }
}

#[test]
fn a_page_is_written_again_when_a_role_declared_elsewhere_changes() {
    let dir = copy_of(&fixture("noms-partout"));
    // A meeting whose neighbour (the May one) does not change: only the
    // people declared elsewhere make its page change.
    std::fs::write(
        dir.path().join("reunions/2022-09-01-comite.yaml"),
        "titre: Comité de septembre\ndate: 2022-09-01\nmodalite: visio\npoints:\n  - titre: Nouvelles\n    contenu: Bérénice Quillard écrit.\n",
    )
    .unwrap();
    let out = dir.path().join("public");
    render_to(dir.path(), &out, &[]);
    let page = std::fs::read_to_string(out.join("reunions/2022-09-01-comite.md")).unwrap();
    assert!(
        page.contains("La chargée de mission (IREV) écrit."),
        "{page}"
    );
    let first = dir.path().join("reunions/2022-03-01-comite.yaml");
    let record = std::fs::read_to_string(&first).unwrap();
    std::fs::write(
        &first,
        record.replace("    structure: IREV\n", "    structure: DSDEN du Nord\n"),
    )
    .unwrap();
    render_to(dir.path(), &out, &[]);
    let page = std::fs::read_to_string(out.join("reunions/2022-09-01-comite.md")).unwrap();
    assert!(
        page.contains("La chargée de mission de la DSDEN du Nord écrit."),
        "{page}"
    );
}

#[test]
fn check_points_at_each_name() {
    let out = run(&fixture("noms-partout"), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    insta::assert_snapshot!("noms_partout", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "2 fichiers vérifiés : aucune erreur, 36 avertissements\n"
    );
}

#[test]
fn the_example_has_no_name_to_warn_about() {
    let out = run(&crate::common::example(), &["check"]);
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn the_calendar_written_by_agenda_has_no_name() {
    let out = run(&fixture("noms-partout"), &["agenda", "--ics", "-"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let calendar = text(&out.stdout);
    assert!(calendar.contains("Comité avec la principale du collège Marc Seguin"));
    assert_eq!(names_in(&out.stdout), Vec::<&str>::new(), "{calendar}");
}

#[test]
fn a_follow_up_carried_under_its_first_id_keeps_one_history() {
    let dir = copy_of(&fixture("noms-partout"));
    // What `reunion new` writes for a follow-up carried over: the id it
    // was given at its first meeting, derived from a `quoi` with a name.
    std::fs::write(
        dir.path().join("reunions/2022-09-01-comite.yaml"),
        "titre: Comité de septembre\ndate: 2022-09-01\nmodalite: visio\nsuites:\n  - id: 2022-03-01-ecrire-a-mme-zelie-brocard\n    quoi: Écrire à Mme Zélie Brocard\n    fait: true\n",
    )
    .unwrap();
    let out = dir.path().join("public");
    let result = render_to(dir.path(), &out, &[]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    for (name, bytes) in files(&out) {
        assert_eq!(names_in(&bytes), Vec::<&str>::new(), "{name}");
    }
    // Done at the later meeting: no longer among the open follow-ups.
    let suites = std::fs::read_to_string(out.join("suites.md")).unwrap();
    assert!(!suites.contains("Mme Z. B."), "{suites}");
}

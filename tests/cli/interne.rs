//! Parts marked `interne: true` (issue 14): listed, marked, by the
//! queries; absent from every public output; published, marked, by
//! `render --interne` only, and never into the public folder.

use crate::common::{bin, copy_of, files, fixture, render_to, run, text};

/// Words typed only in the internal parts of the fixture.
const SECRETS: [&str; 5] = [
    "Zanzibar",
    "Quetzalcoatl",
    "Ornithorynque",
    "Wombat",
    "Kangourou",
];

fn secrets_in(bytes: &[u8]) -> Vec<&'static str> {
    let page = String::from_utf8_lossy(bytes);
    SECRETS
        .iter()
        .copied()
        .filter(|s| page.contains(s))
        .collect()
}

#[test]
fn no_internal_part_reaches_a_public_output() {
    let out = tempfile::tempdir().unwrap();
    render_to(&fixture("interne"), out.path(), &[]);
    let published = files(out.path());
    for kind in ["html", "md", "ics", "js"] {
        assert!(published.keys().any(|p| p.ends_with(kind)), "no {kind}");
    }
    for (name, bytes) in &published {
        assert_eq!(secrets_in(bytes), Vec::<&str>::new(), "{name}");
        assert!(!text(bytes).contains("Version interne"), "{name}");
    }
    // The public parts of the same meeting are there.
    let page = text(&published["reunions/2023-12-20-copil.html"]);
    assert!(page.contains("Le comité valide la programmation 2024."));
    assert!(page.contains("Café des parents"));
    assert!(page.contains("Envoyer le bilan aux partenaires"));
    // Counts follow: Maubeuge has no public action.
    assert!(!text(&published["territoires/maubeuge.html"]).contains("Projet"));
}

#[test]
fn render_interne_publishes_them_marked_and_apart() {
    let dir = copy_of(&fixture("interne"));
    let out = run(dir.path(), &["render", "--interne"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!dir.path().join("public").exists());
    let published = files(&dir.path().join("public-interne"));
    let page = text(&published["reunions/2023-12-20-copil.html"]);
    for secret in SECRETS {
        assert!(page.contains(secret), "{secret} missing");
    }
    assert!(page.contains("Version interne"));
    assert!(page.contains(
        "Situation du personnel de Quetzalcoatl <span class=\"interne\">(interne)</span>"
    ));
    let md = text(&published["reunions/2023-12-20-copil.md"]);
    assert!(
        md.contains("Relancer le dossier Kangourou *(interne)*"),
        "{md}"
    );
}

#[test]
fn render_interne_refuses_the_public_folder() {
    let dir = copy_of(&fixture("interne"));
    for sortie in ["public", "./public/", "reunions/../public"] {
        // --sortie is read from the current folder, as a shell user types it.
        let out = bin()
            .current_dir(dir.path())
            .args(["render", "--interne", "--sortie", sortie])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{sortie}");
        assert!(
            text(&out.stderr).contains("c'est le dossier du site public"),
            "{}",
            text(&out.stderr)
        );
    }
    assert!(!dir.path().join("public").exists());
}

#[test]
fn the_queries_list_them_marked() {
    let dir = fixture("interne");
    let out = run(&dir, &["decisions", "--format", "markdown"]);
    let decisions = text(&out.stdout);
    assert!(decisions.contains("Le budget de Zanzibar est réduit de moitié. (interne)"));
    // A decision of an internal point is internal.
    assert!(decisions.contains("Recruter pour Quetzalcoatl avant l'été. (interne)"));
    assert!(decisions.contains("La prochaine séance se tiendra à Lille. |"));
    let suites = text(&run(&dir, &["suites", "--format", "json"]).stdout);
    let suites: serde_json::Value = serde_json::from_str(&suites).unwrap();
    assert_eq!(suites[0]["interne"], false);
    assert_eq!(suites[1]["interne"], true);
    let actions = text(&run(&dir, &["actions", "--format", "markdown"]).stdout);
    assert!(actions.contains("Projet Wombat (interne)"), "{actions}");
}

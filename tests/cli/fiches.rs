//! `reunion fiche` and the follow-through pages of the site (fiches/,
//! suites, agenda.ics), run as the real binary on a fixture where one
//! practice is followed over three meetings, and on the example.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{example, files, ok, render_to, run, text};

fn fixture() -> PathBuf {
    crate::common::fixture("fiches")
}

/// Publishes `dir` with the `extra` options: the output folder, kept
/// alive, and its text pages (the charts left out), path → text.
fn render(dir: &Path, extra: &[&str]) -> (tempfile::TempDir, BTreeMap<String, String>) {
    let out = tempfile::tempdir().unwrap();
    render_to(dir, out.path(), extra);
    let pages = files(out.path())
        .into_iter()
        .filter(|(name, _)| Path::new(name).extension().is_some_and(|x| x != "svg"))
        .map(|(name, bytes)| (name, text(&bytes)))
        .collect();
    (out, pages)
}

/// Where each of `parts` is in `page`, asserting they come in this order.
fn in_order(page: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        match page[from..].find(part) {
            Some(at) => from += at + part.len(),
            None => panic!("« {part} » manque ou n'est pas à sa place :\n{page}"),
        }
    }
}

#[test]
fn a_fiche_across_three_meetings() {
    let md = ok(&fixture(), &["fiche", "lille-jardins"]);
    insta::assert_snapshot!("fiche_trois_reunions_md", md);
    // Each section at its latest non-empty value: the February context
    // replaced January's, March said nothing of it and did not erase it.
    assert!(md.contains("entièrement minérales"), "{md}");
    assert!(!md.contains("Première version du contexte"), "{md}");
    assert!(md.contains("Association « Les Pousses »"), "{md}");
    assert!(md.contains("Un animateur nature"), "{md}");
    // The porteur and themes said only in January are kept.
    assert!(md.contains("Porteur : Service des espaces verts"), "{md}");
    // Newest state first, every meeting's statut and description.
    in_order(
        &md,
        &[
            "# Jardins partagés des écoles",
            "Statut : Fiche en cours",
            "## Suivi en réunion",
            "mardi 14 mars 2023",
            "Visite du jardin",
            "mardi 14 février 2023",
            "**quatre écoles**",
            "mardi 10 janvier 2023",
            "À documenter",
            "Premier récit",
        ],
    );
    // What is left to write is named; the contact is written, only not
    // published without --avec-noms.
    assert!(
        md.contains("**À compléter :** Facteurs de réussite, Points de vigilance."),
        "{md}"
    );
    assert!(!md.contains("Contact-Privé"), "{md}");

    let avec = ok(&fixture(), &["fiche", "lille-jardins", "--avec-noms"]);
    in_order(
        &avec,
        &[
            "## Contact",
            "Dominique Contact-Privé",
            "## Suivi en réunion",
        ],
    );

    let html = ok(&fixture(), &["fiche", "lille-jardins", "--format", "html"]);
    insta::assert_snapshot!("fiche_trois_reunions_html", html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("<style>"),
        "standalone: the stylesheet travels"
    );
    assert!(
        !html.contains("href=\"../"),
        "standalone: no link into a site"
    );
}

#[test]
fn a_practice_still_to_document_prints_with_every_section_missing() {
    let md = ok(&fixture(), &["fiche", "roubaix-cafe"]);
    assert!(md.contains("Statut : À documenter"), "{md}");
    assert!(
        md.contains("Contexte, Objectifs, Partenaires, Moyens, Résultats, Facteurs de réussite, Points de vigilance, Contact."),
        "{md}"
    );
}

#[test]
fn an_unknown_id_is_a_usage_error_with_the_nearest() {
    let out = run(&fixture(), &["fiche", "lille-jardin"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout), "");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("aucune action « lille-jardin » dans les comptes rendus"),
        "{stderr}"
    );
    assert!(
        stderr.contains("vouliez-vous dire « lille-jardins » ?"),
        "{stderr}"
    );
}

#[test]
fn the_site_publishes_fiches_suites_and_the_calendar() {
    let (_out, pages) = render(&fixture(), &[]);
    // Only the practice whose latest statut is fiche_en_cours or
    // fiche_publiee has a page.
    let fiches: Vec<&str> = pages
        .keys()
        .filter(|k| k.starts_with("fiches/"))
        .map(String::as_str)
        .collect();
    assert_eq!(
        fiches,
        ["fiches/lille-jardins.html", "fiches/lille-jardins.md"]
    );
    // The site's fiche is the one `reunion fiche` prints, with links.
    let fiche = &pages["fiches/lille-jardins.html"];
    assert!(
        fiche.contains("href=\"../territoires/lille.html\""),
        "{fiche}"
    );
    assert!(
        fiche.contains("href=\"../reunions/2023-01-10-ce.html\""),
        "{fiche}"
    );
    assert!(fiche.contains("À compléter"), "{fiche}");

    // Linked from the territory page, the actions page and every compte
    // rendu that tells the practice, even before its fiche was started.
    for page in [
        "territoires/lille.html",
        "actions.html",
        "reunions/2023-01-10-ce.html",
        "reunions/2023-03-14-ce.html",
    ] {
        assert!(
            pages[page].contains("href=\"../fiches/lille-jardins.html\"")
                || pages[page].contains("href=\"fiches/lille-jardins.html\""),
            "{page}"
        );
    }
    assert!(pages["territoires/lille.md"].contains("(../fiches/lille-jardins.md)"));
    assert!(!pages["territoires/roubaix.html"].contains("fiches/"));

    // Open follow-ups, overdue first, judged on the latest meeting's date
    // (14 March 2023), which the page states.
    let suites = &pages["suites.html"];
    assert!(
        suites.contains("Le retard est jugé au <time datetime=\"2023-03-14\">mardi 14 mars 2023</time>, date de la dernière rencontre"),
        "{suites}"
    );
    in_order(
        suites,
        &[
            "Envoyer la trame de fiche",
            "En retard",
            "(3 rencontres)",
            "Relire la fiche des jardins",
            "Ouverte",
        ],
    );
    assert!(!suites.contains("Organiser la visite"), "done: not listed");
    assert!(pages["suites.md"].contains("| Envoyer la trame de fiche |"));

    // The calendar is the one `reunion agenda --ics` writes.
    assert_eq!(
        pages["agenda.ics"],
        ok(&fixture(), &["agenda", "--ics", "-", "--au", "2023-01-01"])
    );

    // The index links all three; the navigation links the follow-ups.
    let index = &pages["index.html"];
    for link in [
        "href=\"suites.html\"",
        "href=\"agenda.ics\"",
        "href=\"fiches/lille-jardins.html\"",
    ] {
        assert!(index.contains(link), "{link}");
    }
    assert!(index.contains("(2 ouvertes, dont 1 en retard)"), "{index}");
    assert!(pages["reunions/2023-02-14-ce.html"].contains("href=\"../suites.html\""));
    let index_md = &pages["index.md"];
    assert!(index_md.contains("[Suites à donner](suites.md)"));
    assert!(index_md.contains("[Calendrier des rencontres](agenda.ics)"));

    // The contact is personal data: only with --avec-noms.
    for (name, page) in &pages {
        assert!(!page.contains("Contact-Privé"), "{name}");
    }
    let (_avec, avec) = render(&fixture(), &["--avec-noms"]);
    assert!(avec["fiches/lille-jardins.html"].contains("Dominique Contact-Privé"));
    assert!(avec["fiches/lille-jardins.md"].contains("Dominique Contact-Privé"));
}

#[test]
fn a_fiche_that_goes_back_to_a_documenter_leaves_the_site() {
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(fixture()) {
        let entry = entry.unwrap();
        let dest = dir
            .path()
            .join(entry.path().strip_prefix(fixture()).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
    let out = dir.path().join("public");
    let sortie = out.to_str().unwrap();
    ok(dir.path(), &["render", "--sortie", sortie]);
    assert!(out.join("fiches/lille-jardins.html").is_file());
    let last = dir.path().join("reunions/2023-03-14-ce.yaml");
    let record = std::fs::read_to_string(&last).unwrap();
    std::fs::write(
        &last,
        record.replace(
            "    statut: fiche_en_cours\n    moyens",
            "    statut: a_documenter\n    moyens",
        ),
    )
    .unwrap();
    let again = run(dir.path(), &["render", "--sortie", sortie]);
    let stderr = text(&again.stderr);
    assert!(stderr.contains("2 retirés"), "{stderr}");
    assert!(
        stderr.contains("retiré : fiches/lille-jardins.html"),
        "{stderr}"
    );
    // The emptied folder goes too, and nothing links to the page any more.
    assert!(!out.join("fiches").exists());
    let lille = std::fs::read_to_string(out.join("territoires/lille.html")).unwrap();
    assert!(!lille.contains("fiches/"), "{lille}");
}

#[test]
fn the_example_answers_the_issue() {
    // The published fiche of the Lille passerelle, complete.
    let eje = ok(&example(), &["fiche", "lille-passerelle-eje"]);
    insta::assert_snapshot!("exemple_fiche_lille_passerelle_eje", eje);
    assert!(!eje.contains("À compléter"), "published: nothing left");
    assert!(
        !eje.contains("Camille Exemple"),
        "contact without --avec-noms"
    );
    // One under way, with what is left to write.
    let lit = ok(&example(), &["fiche", "maubeuge-lit-avec-moi"]);
    assert!(
        lit.contains(
            "**À compléter :** Moyens, Résultats, Facteurs de réussite, Points de vigilance, Contact."
        ),
        "{lit}"
    );
    // The Lille laboratories, told once and still to document.
    let labs = ok(&example(), &["fiche", "lille-laboratoires-pedagogiques"]);
    insta::assert_snapshot!("exemple_fiche_lille_laboratoires_pedagogiques", labs);
    in_order(
        &labs,
        &[
            "# Trois laboratoires pédagogiques dans trois collèges",
            "Statut : À documenter",
            "À compléter",
            "jeudi 3 mars 2022",
            "Langues, art et culture",
        ],
    );
}

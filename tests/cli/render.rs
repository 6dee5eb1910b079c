//! `reunion render` and `reunion modeles`, run as the real binary on the
//! example and on fixture folders: snapshots of every page, determinism,
//! hostile records, the manifest, refused output folders, broken templates.

use pulldown_cmark::{Event, Parser, Tag};
use std::path::PathBuf;

use crate::common::{bin, copy_of, example, files, fixture, render_to, run, text};

#[test]
fn example_pages_snapshots() {
    let out = tempfile::tempdir().unwrap();
    let output = render_to(&example(), out.path(), &[]);
    assert!(text(&output.stdout).trim_end().ends_with("index.html"));
    let pages = files(out.path());
    let names: Vec<&str> = pages.keys().map(String::as_str).collect();
    insta::assert_snapshot!("exemple_fichiers", names.join("\n"));
    for (name, bytes) in &pages {
        if name.ends_with(".html") || name.ends_with(".md") {
            let snap = format!("exemple_{}", name.replace(['/', '.'], "_"));
            insta::assert_snapshot!(snap, text(bytes));
        }
    }
    // The logo is copied as it is, the stylesheet is the built-in one.
    assert_eq!(
        pages["assets/logo.svg"],
        std::fs::read(example().join("assets/irev.svg")).unwrap()
    );
    assert!(text(&pages["assets/style.css"]).contains("@media print"));
}

/// The compte rendu of 3 March 2022 carries every fact of the reference
/// minutes, in the reference's order.
#[test]
fn the_reference_minutes_are_all_there_in_order() {
    let record = example().join("reunions/2022/2022-03-03-rencontre-regionale.yaml");
    for format in ["md", "html"] {
        let output = bin()
            .args(["render", record.to_str().unwrap(), "--format", format])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", text(&output.stderr));
        let page = text(&output.stdout).replace("&#39;", "'");
        let facts = [
            "IREV – Centre ressources Politique de la ville Hauts-de-France",
            "Deuxième rencontre régionale des coordonnateurs des cités éducatives",
            "Compte rendu de la rencontre du ",
            "jeudi 3 mars 2022",
            "En présentiel",
            "Animer le réseau régional des coordonnateurs des cités éducatives",
            "Échanger entre professionnels sur le sujet",
            "Cheffe de projet opérationnel, Cité éducative du sud de Lille",
            "Cheffe de projet opérationnel Éducation nationale, Cité éducative de Maubeuge",
            "Chef de projet opérationnel, Cité éducative de Valenciennes-Anzin",
            "Chargée de mission cohésion sociale, IREV",
            "Stagiaire, IREV",
            "Météo du jour",
            "une dynamique positive se dégage",
            "Actualité nationale",
            "rencontre nationale des cités éducatives",
            "9 mars 2022 à Paris",
            "Convention ANCT/IREV",
            "Actualités du réseau régional",
            "Actualités locales",
            "La Grande Équipe",
            "webinaires",
            "Actions à valoriser",
            "Maubeuge",
            "Parentalité et apprentissage du français",
            "À documenter",
            "16-25 ans",
            "Lit avec moi",
            "Lille",
            "La passerelle EJE",
            "Direction petite enfance",
            "Groupe de prévention du décrochage scolaire (GPDS)",
            "Sport, santé et citoyenneté",
            "Maths, sciences et numérique",
            "Langues, art et culture",
            "Valenciennes-Anzin",
            "première scolarisation",
            "webradio",
            "Suites à donner",
            "Mettre en ligne la documentation demandée",
            "18 mars 2022",
            "À faire",
            "Prochaine rencontre",
            "mercredi 6 avril 2022, en visio",
            "Un lien sera communiqué ultérieurement aux participant·es.",
        ];
        let mut from = 0;
        for fact in facts {
            match page[from..].find(fact) {
                Some(at) => from += at + fact.len(),
                None => panic!("{format} : « {fact} » manque ou n'est pas à sa place\n{page}"),
            }
        }
        // The reference's « mardi 3 mars 2022 » was wrong: the date decides.
        assert!(!page.contains("mardi 3 mars"));
    }
}

#[test]
fn rendering_twice_gives_the_same_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    render_to(&example(), a.path(), &[]);
    render_to(&example(), b.path(), &[]);
    assert_eq!(files(a.path()), files(b.path()));
    // A second render into the same folder rewrites nothing.
    let again = render_to(&example(), a.path(), &[]);
    assert!(
        text(&again.stderr).contains(": 0 écrit, 37 inchangés"),
        "{}",
        text(&again.stderr)
    );
}

#[test]
fn default_output_is_public_in_the_folder() {
    let dir = copy_of(&example());
    let output = run(dir.path(), &["render"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(dir.path().join("public/index.html").is_file());
    assert!(dir.path().join("public/index.md").is_file());
    assert!(
        dir.path()
            .join("public/reunions/2022-03-03-rencontre-regionale.md")
            .is_file()
    );
}

/// Tags of an HTML page: everything between `<` and `>`. Text is escaped,
/// so a `<` in the output always opens a real tag.
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or("").to_lowercase())
        .collect()
}

fn assert_html_harmless(name: &str, html: &str) {
    for tag in tags(html) {
        let tag_name = tag.split_whitespace().next().unwrap_or("");
        // The search page loads its two scripts, written by reunion itself;
        // no other script may appear anywhere.
        if name == "recherche.html"
            && (tag == "script src=\"assets/recherche-index.js\""
                || tag == "script src=\"assets/recherche.js\"")
        {
            continue;
        }
        assert!(
            !["script", "img", "iframe", "object", "embed", "b"].contains(&tag_name),
            "{name} : balise <{tag}>"
        );
        assert!(!tag.contains("javascript:"), "{name} : <{tag}>");
        assert!(!tag.contains("data:"), "{name} : <{tag}>");
        for attr in tag.split_whitespace().skip(1) {
            assert!(
                !attr.starts_with("on"),
                "{name} : attribut {attr} dans <{tag}>"
            );
            assert!(!attr.starts_with("style"), "{name} : <{tag}>");
        }
        if let Some(href) = tag.split("href=\"").nth(1) {
            let href = href.split('"').next().unwrap();
            assert!(
                href.starts_with("https://") || href.starts_with('#') || !href.contains(':'),
                "{name} : lien {href}"
            );
        }
    }
}

fn assert_markdown_harmless(name: &str, md: &str) {
    assert!(!md.contains('<'), "{name} : « < » brut dans\n{md}");
    for event in Parser::new(md) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("{name} : HTML brut {h}"),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                assert!(
                    dest_url.starts_with("https://") || !dest_url.contains(':'),
                    "{name} : lien {dest_url}"
                );
            }
            _ => {}
        }
    }
}

#[test]
fn hostile_records_are_rendered_harmless() {
    let out = tempfile::tempdir().unwrap();
    render_to(&fixture("hostile"), out.path(), &[]);
    let pages = files(out.path());
    let compte_rendu = text(&pages["reunions/2022-03-03-piege.html"]);
    for (name, bytes) in &pages {
        let page = text(bytes);
        if name.ends_with(".html") {
            assert_html_harmless(name, &page);
        } else if name.ends_with(".md") {
            assert_markdown_harmless(name, &page);
        } else {
            continue;
        }
        // Template syntax in data is shown, never evaluated.
        assert!(!page.contains("49"), "{name} : {{{{ 7*7 }}}} évalué");
    }
    // Every text field of the record shows it as written: 19 plain or
    // Markdown texts, plus the organisation in the header.
    assert!(
        compte_rendu.matches("{{ 7*7 }}").count() >= 18,
        "{compte_rendu}"
    );
    assert!(compte_rendu.contains("{% if true %}oui{% endif %}"));
    let md = text(&pages["reunions/2022-03-03-piege.md"]);
    let shown: String = Parser::new(&md)
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect();
    assert!(shown.matches("{{ 7*7 }}").count() >= 18, "{shown}");
    // Escaped text reads as typed once the Markdown is displayed.
    assert!(shown.contains("Lieu <script>alert(1)</script>"), "{shown}");

    // The same holds for one compte rendu printed alone.
    let record = fixture("hostile/reunions/2022-03-03-piege.yaml");
    for format in ["html", "md"] {
        let output = bin()
            .args(["render", record.to_str().unwrap(), "--format", format])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", text(&output.stderr));
        let page = text(&output.stdout);
        if format == "html" {
            assert_html_harmless("sortie standard", &page);
        } else {
            assert_markdown_harmless("sortie standard", &page);
        }
    }
}

#[test]
fn names_only_with_avec_noms() {
    let dir = fixture("noms");
    let sans = tempfile::tempdir().unwrap();
    render_to(&dir, sans.path(), &[]);
    for (name, bytes) in files(sans.path()) {
        let page = text(&bytes);
        assert!(!page.contains("Personne-Privée"), "{name}");
        assert!(!page.contains("Absent-Discret"), "{name}");
    }
    let avec = tempfile::tempdir().unwrap();
    render_to(&dir, avec.path(), &["--avec-noms"]);
    let pages = files(avec.path());
    for page in [
        "reunions/2022-03-01-rencontre.html",
        "reunions/2022-03-01-rencontre.md",
    ] {
        let page = text(&pages[page]);
        assert!(page.contains("Camille Personne-Privée"), "{page}");
        assert!(page.contains("Dominique Absent-Discret"), "{page}");
    }
    // The date of the first of the month takes the French ordinal.
    assert!(text(&pages["index.html"]).contains("mardi 1er mars 2022"));
}

#[test]
fn manifest_removes_only_what_render_wrote() {
    let dir = copy_of(&example());
    let out = dir.path().join("public");
    render_to(dir.path(), &out, &[]);
    std::fs::write(out.join("CNAME"), "reunions.irev.fr").unwrap();
    std::fs::write(out.join("reunions/notes.txt"), "à garder").unwrap();
    std::fs::remove_file(
        dir.path()
            .join("reunions/2022/2022-05-12-rencontre-regionale.yaml"),
    )
    .unwrap();
    let output = render_to(dir.path(), &out, &[]);
    let stderr = text(&output.stderr);
    // The meeting's two pages, and the fiche of « Lit avec moi », which was
    // under way only in that meeting.
    assert!(stderr.contains("4 retirés"), "{stderr}");
    assert!(!out.join("fiches/maubeuge-lit-avec-moi.html").exists());
    assert!(out.join("fiches/lille-passerelle-eje.html").exists());
    assert!(
        !out.join("reunions/2022-05-12-rencontre-regionale.html")
            .exists()
    );
    assert!(
        !out.join("reunions/2022-05-12-rencontre-regionale.md")
            .exists()
    );
    assert!(
        out.join("reunions/2022-04-06-rencontre-regionale.html")
            .exists()
    );
    assert!(out.join("CNAME").exists());
    assert!(out.join("reunions/notes.txt").exists());
}

#[test]
fn refused_output_folders() {
    let dir = copy_of(&example());
    let home = tempfile::tempdir().unwrap();
    let root = dir.path();
    let before = files(root);
    for (sortie, why) in [
        (root.to_path_buf(), "dossier de réunions lui-même"),
        (root.join("reunions"), "dossier des comptes rendus"),
        (root.join("templates"), "dossier des modèles"),
        (root.join("assets"), "dossier des images"),
        (PathBuf::from("/"), "racine"),
        (home.path().to_path_buf(), "dossier personnel"),
    ] {
        let output = bin()
            .env("HOME", home.path())
            .arg("-C")
            .arg(root)
            .args(["render", "--sortie"])
            .arg(&sortie)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", sortie.display());
        let stderr = text(&output.stderr);
        assert!(stderr.contains("refus d'écrire"), "{stderr}");
        assert!(stderr.contains(why), "{stderr}");
    }
    assert_eq!(files(root), before, "nothing was written");
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0);
    // Any other folder, inside or outside, is fine.
    render_to(root, &root.join("site/public"), &[]);
    let elsewhere = tempfile::tempdir().unwrap();
    render_to(root, &elsewhere.path().join("var/www/reunions"), &[]);
}

#[test]
fn an_invalid_folder_writes_nothing() {
    let dir = copy_of(&example());
    std::fs::write(
        dir.path().join("reunions/2022/2022-06-01-cassee.yaml"),
        "titre: Cassée\ndate: 2022-06-31\nmodalite: visio\n",
    )
    .unwrap();
    let output = run(dir.path(), &["render"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("2022-06-31"), "{stderr}");
    assert!(stderr.contains("rien n'a été écrit"), "{stderr}");
    assert!(!dir.path().join("public").exists());
}

#[test]
fn a_broken_user_template_is_located_and_writes_nothing() {
    let dir = copy_of(&example());
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/reunion.html"),
        "{% extends \"base.html\" %}\n{% block contenu %}\n<h1>{{ reunion.titre | majuscules }}</h1>\n{% endblock contenu %}\n",
    )
    .unwrap();
    let output = run(dir.path(), &["render"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("templates/reunion.html"), "{stderr}");
    assert!(stderr.contains("ligne 3"), "{stderr}");
    assert!(stderr.contains("filtre inconnu `majuscules`"), "{stderr}");
    assert!(!dir.path().join("public").exists());

    // A variable that does not exist is caught when rendering, same place.
    std::fs::write(
        dir.path().join("templates/reunion.html"),
        "{% extends \"base.html\" %}\n{% block contenu %}\n\n<h1>{{ reunion.intitule }}</h1>\n{% endblock contenu %}\n",
    )
    .unwrap();
    let output = run(dir.path(), &["render"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("templates/reunion.html"), "{stderr}");
    assert!(stderr.contains("ligne 4"), "{stderr}");
    assert!(stderr.contains("intitule"), "{stderr}");
    assert!(!dir.path().join("public").exists());
}

#[test]
fn a_user_template_overrides_the_builtin() {
    let dir = copy_of(&example());
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/index.md"),
        "# Nos rencontres\n{% for r in reunions %}\n- {{ r.date.longue }} : {{ r.titre }}{% endfor %}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("templates/style.css"),
        "body { color: #000; }\n",
    )
    .unwrap();
    let out = dir.path().join("public");
    render_to(dir.path(), &out, &[]);
    let index = std::fs::read_to_string(out.join("index.md")).unwrap();
    assert!(
        index.starts_with("# Nos rencontres\n\n- jeudi 12 mai 2022 : Quatrième"),
        "{index}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("assets/style.css")).unwrap(),
        "body { color: #000; }\n"
    );
    // The other pages keep the built-in templates.
    assert!(
        std::fs::read_to_string(out.join("index.html"))
            .unwrap()
            .contains("Comptes rendus des rencontres")
    );
}

#[test]
fn modeles_writes_the_builtins_once() {
    let dir = copy_of(&example());
    let output = run(dir.path(), &["modeles"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let created = text(&output.stdout);
    assert_eq!(created.lines().count(), 20, "{created}");
    assert!(created.contains("templates/reunion.html"));
    assert!(created.contains("templates/fiche.html"));
    assert!(created.contains("templates/suites.md"));
    std::fs::write(dir.path().join("templates/reunion.md"), "# À moi\n").unwrap();
    let output = run(dir.path(), &["modeles"]);
    assert!(output.status.success());
    assert_eq!(text(&output.stdout), "");
    assert!(text(&output.stderr).contains("existe déjà, non modifié"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("templates/reunion.md")).unwrap(),
        "# À moi\n"
    );
    // The written templates give the same site as the built-ins, apart from
    // the page edited above.
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    render_to(&example(), a.path(), &[]);
    render_to(dir.path(), b.path(), &[]);
    let (a, b) = (files(a.path()), files(b.path()));
    for (name, bytes) in &a {
        // The manifest holds the digests of the overridden pages too.
        if (!name.starts_with("reunions/") || !name.ends_with(".md"))
            && name != ".reunion-manifeste"
        {
            assert_eq!(Some(bytes), b.get(name), "{name}");
        }
    }
}

#[test]
fn one_meeting_on_standard_output() {
    let record = example().join("reunions/2022/2022-04-06-rencontre-regionale.yaml");
    let output = bin()
        .args(["render", record.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let md = text(&output.stdout);
    assert!(md.starts_with("**IREV"), "{md}");
    assert!(!md.contains("assets/"), "standalone: no link to the site");

    let output = bin()
        .args(["render", record.to_str().unwrap(), "--format", "html"])
        .output()
        .unwrap();
    let html = text(&output.stdout);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("<style>"),
        "the stylesheet travels with the page"
    );
    assert!(
        !html.contains("href=\"../"),
        "no link into a site that is not there"
    );

    // --format needs a file; --sortie cannot go with one.
    let output = run(&example(), &["render", "--format", "html"]);
    assert_eq!(output.status.code(), Some(2));
    let output = bin()
        .args(["render", record.to_str().unwrap(), "--sortie", "/tmp/x"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    // A file outside the folder's records is refused.
    let output = run(
        &example(),
        &["render", example().join("reunion.yaml").to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("n'est pas un compte rendu"));
}

/// What Markdown engines that keep raw HTML (as MkDocs, wikis and forges
/// do) make of a published `.md`: pulldown-cmark always, and Python-Markdown
/// and markdown-it when Python has them (CI installs them).
fn engines_html(md: &str) -> Vec<(&'static str, String)> {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, Parser::new(md));
    let mut out = vec![("pulldown-cmark", html)];
    let scripts = [
        (
            "Python-Markdown",
            "import sys, markdown; print(markdown.markdown(sys.stdin.read(), extensions=['fenced_code']))",
        ),
        (
            "markdown-it",
            "import sys; from markdown_it import MarkdownIt; print(MarkdownIt('commonmark').render(sys.stdin.read()))",
        ),
    ];
    for (name, script) in scripts {
        let child = std::process::Command::new("python3")
            .args(["-c", script])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn();
        let Ok(mut child) = child else {
            assert!(std::env::var_os("CI").is_none(), "python3 manque en CI");
            continue;
        };
        use std::io::Write as _;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(md.as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        if !output.status.success() {
            assert!(std::env::var_os("CI").is_none(), "{name} manque en CI");
            continue;
        }
        out.push((name, text(&output.stdout)));
    }
    out
}

/// A construct opened in one field and closed in a later one (a code fence
/// at the end of `meteo`, closed in a point's `contenu`; two actions of two
/// records side by side in `actions.md`) leaves nothing live in any
/// Markdown page, as read by three engines.
#[test]
fn constructs_across_fields_leave_nothing_live() {
    let out = tempfile::tempdir().unwrap();
    let run = render_to(&fixture("hostile-champs"), out.path(), &[]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let pages = files(out.path());
    let mut audited = 0;
    for (name, bytes) in &pages {
        if !name.ends_with(".md") {
            continue;
        }
        let md = text(bytes);
        for (engine, html) in engines_html(&md) {
            let dangers = reunion::render::audit::dangers(&html);
            assert!(
                dangers.is_empty(),
                "{name} lu par {engine} : {dangers:?}\n{md}\n{html}"
            );
            audited += 1;
        }
    }
    assert!(audited >= 3, "{audited}");
    let md = text(&pages["reunions/2024-03-12-a.md"]);
    assert!(md.contains("Une météo ordinaire."), "{md}");
}

/// The number after `prefix` in `text`, if `prefix` is there.
fn count_after(text: &str, prefix: &str) -> Option<u64> {
    let rest = &text[text.find(prefix)? + prefix.len()..];
    rest.split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
}

/// One count of « the actions of a territory »: the site's index, each
/// territory page, `reunion territoires` and `reunion actions --synthese`
/// give the example the same figures (a practice told at several meetings
/// is one action).
#[test]
fn every_count_of_actions_agrees() {
    let out = tempfile::tempdir().unwrap();
    render_to(&example(), out.path(), &[]);
    let json = |args: &[&str]| -> serde_json::Value {
        let output = run(&example(), args);
        assert!(output.status.success(), "{}", text(&output.stderr));
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let stats = json(&["territoires", "--format", "json"]);
    let synthese = json(&["actions", "--synthese", "--format", "json"]);
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    let index_md = std::fs::read_to_string(out.path().join("index.md")).unwrap();
    let stats = stats.as_array().unwrap();
    let rows = synthese["territoires"].as_array().unwrap();
    assert_eq!(stats.len(), rows.len());
    let mut total = 0;
    for (stat, row) in stats.iter().zip(rows) {
        let nom = stat["territoire"].as_str().unwrap();
        let n = stat["actions"].as_u64().unwrap();
        assert_eq!(row["territoire"], nom);
        assert_eq!(row["total"].as_u64(), Some(n), "{nom}: synthese");
        // The index links the territory page, then gives its count.
        let link = index
            .split("<li><a href=\"")
            .find(|item| item.contains(&format!("\">{nom}</a> <span class=\"compte\">")))
            .unwrap_or_else(|| panic!("{nom} not on the index"));
        let page = &link[..link.find('"').unwrap()];
        assert_eq!(
            count_after(link, "<span class=\"compte\">("),
            Some(n),
            "{nom}: index"
        );
        let md_item = &index_md[index_md.find(&format!("- [{nom}](")).unwrap()..];
        assert_eq!(count_after(md_item, ".md) ("), Some(n), "{nom}: index.md");
        let html = std::fs::read_to_string(out.path().join(page)).unwrap();
        // A territory with no action has no count on its page.
        if n > 0 {
            let line = html
                .lines()
                .find(|l| l.contains(" présentée"))
                .unwrap_or_else(|| panic!("{page}: no count"));
            assert_eq!(count_after(line, "<p>"), Some(n), "{nom}: {page}");
        }
        total += n;
    }
    assert_eq!(synthese["total"]["total"].as_u64(), Some(total));
    // Lille told the passerelle twice and the laboratoires once, among others:
    // three practices, not five mentions.
    assert!(index.contains(">Lille</a> <span class=\"compte\">(3 actions)</span>"));
}

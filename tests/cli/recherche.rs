//! Issue 7 as the user meets it, through the real binary: `recherche`,
//! `presence`, the attendance chart and the search page of the site,
//! `render --surveiller` picking up changes (`apercu`: `serve.rs`), `completions`
//! (the bash script parses and completes territories) and `man`.

use std::path::Path;
use std::process::Command;

use crate::common::{Suivi, bin, copy_dir, example, fixture, run, text};

// ---- recherche -------------------------------------------------------------

#[test]
fn search_on_the_example() {
    let out = run(&example(), &["recherche", "l'équipes"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    insta::assert_snapshot!("recherche_equipe", text(&out.stdout));
    assert_eq!(text(&out.stderr), "9 résultats dans 3 réunions\n");

    // JSON: the field path, the excerpt and its marks in characters.
    let out = run(
        &example(),
        &[
            "recherche",
            "ECOLE",
            "--format",
            "json",
            "--depuis",
            "2022-04-01",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = found.as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        assert!(item["date"].as_str().unwrap() >= "2022-04-01");
        let extrait: Vec<char> = item["extrait"].as_str().unwrap().chars().collect();
        let marks = item["marques"].as_array().unwrap();
        assert!(!marks.is_empty());
        for m in marks {
            let (s, e) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            let word: String = extrait[s..e].iter().collect();
            // « école », « écoles », « École »: one term.
            assert_eq!(reunion::analysis::search::terme(&word), "ecole", "{item}");
        }
    }
    // The first hit is the shortest field holding the word: a carrier's name.
    assert_eq!(items[0]["chemin"], "actions[1].porteur");
}

#[test]
fn search_filters_and_errors() {
    // Only Lille's actions and the meetings where Lille took part.
    let out = run(
        &example(),
        &[
            "recherche",
            "parentalite",
            "--territoire",
            "lille sud",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let chemins: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["chemin"].as_str().unwrap())
        .collect();
    assert!(!chemins.is_empty());
    let all = run(
        &example(),
        &["recherche", "parentalite", "--format", "json"],
    );
    let all: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    assert!(all.as_array().unwrap().len() > chemins.len());

    let out = run(&example(), &["recherche", "x", "--territoire", "Lile"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("Lille"), "{}", text(&out.stderr));

    let out = run(&example(), &["recherche", "x", "--depuis", "2022-13-01"]);
    assert_eq!(out.status.code(), Some(2));

    let out = run(&example(), &["recherche", "«", "»"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("rien à chercher"));

    let out = run(&example(), &["recherche", "introuvablissime"]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "");
    assert!(text(&out.stderr).contains("aucun résultat"));
    let out = run(
        &example(),
        &["recherche", "introuvablissime", "--format", "json"],
    );
    assert_eq!(text(&out.stdout), "[]\n");
}

// ---- presence --------------------------------------------------------------

#[test]
fn presence_counts_on_a_fixture() {
    let dir = fixture("presence");
    let out = run(&dir, &["presence", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let p: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let t = |nom: &str| {
        p["territoires"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["territoire"] == nom)
            .unwrap()
            .clone()
    };
    // Lille: twice present (once through its alias, once twice over);
    // excused in March, which does not count.
    assert_eq!(t("Lille")["nombre"], 2);
    assert_eq!(t("Lille")["pourcentage"], 67);
    assert_eq!(t("Lille")["derniere"], "2023-02-14");
    // Maubeuge: excused in January, present in February and March.
    assert_eq!(t("Maubeuge")["nombre"], 2);
    assert_eq!(t("Maubeuge")["derniere"], "2023-03-20");
    // Roubaix only ever excused.
    assert_eq!(t("Roubaix")["nombre"], 0);
    assert_eq!(t("Roubaix")["derniere"], serde_json::Value::Null);
    let r = p["reunions"].as_array().unwrap();
    assert_eq!(r.len(), 3);
    assert_eq!(
        (
            &r[0]["participants"],
            &r[0]["excuses"],
            &r[0]["territoires"]
        ),
        (
            &serde_json::json!(3),
            &serde_json::json!(1),
            &serde_json::json!(["Lille"])
        )
    );
    assert_eq!(
        r[1]["territoires"],
        serde_json::json!(["Lille", "Maubeuge"])
    );

    // --reseau and --depuis choose the meetings counted.
    let out = run(&dir, &["presence", "--reseau", "ce", "--format", "json"]);
    let p: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(p["reunions"].as_array().unwrap().len(), 2);
    assert_eq!(p["territoires"][0]["pourcentage"], 100);
    let out = run(&dir, &["presence", "--depuis", "2023-02-01"]);
    assert!(out.status.success());
    insta::assert_snapshot!("presence_depuis_fevrier", text(&out.stdout));
    let out = run(&dir, &["presence", "--reseau", "inconnu"]);
    assert_eq!(out.status.code(), Some(2));
}

// ---- the site --------------------------------------------------------------

#[test]
fn index_chart_is_well_formed_svg_with_its_alternative() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = run(
        &example(),
        &["render", "--sortie", out_dir.path().to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let index = std::fs::read_to_string(out_dir.path().join("index.html")).unwrap();
    let start = index.find("<svg").expect("a chart");
    let end = index.find("</svg>").unwrap() + "</svg>".len();
    let svg = &index[start..end];
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(root.attribute("role"), Some("img"));
    let title_id = root.attribute("aria-labelledby").unwrap();
    let title = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(title_id))
        .unwrap();
    assert_eq!(title.tag_name().name(), "title");
    assert_eq!(title.text(), Some("Participation aux rencontres"));
    let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap();
    let desc = desc.text().unwrap();
    assert!(
        desc.starts_with("3 rencontres du 3 mars 2022 au 12 mai 2022"),
        "{desc}"
    );
    // The same sentence is visible, and the numbers are in a table beside.
    assert!(index.contains(&format!("<figcaption>{desc}")));
    assert!(index.contains("<caption>Participation à chaque rencontre"));
    // One bar per meeting, plus the legend's swatch.
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("rect")).count(),
        4
    );

    // The search page, its script and its index; the index holds published
    // text only.
    let page = std::fs::read_to_string(out_dir.path().join("recherche.html")).unwrap();
    assert!(page.contains("<script src=\"assets/recherche.js\"></script>"));
    assert!(page.contains("role=\"search\""));
    let js = std::fs::read_to_string(out_dir.path().join("assets/recherche-index.js")).unwrap();
    let json = js
        .strip_prefix("// Index de la recherche, écrit par reunion render : ne pas modifier.\nwindow.REUNION_RECHERCHE = ")
        .and_then(|s| s.strip_suffix(";\n"))
        .expect("one assignment");
    let index: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(index["reunions"].as_array().unwrap().len(), 3);
    assert!(
        index["champs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c[1] == "points[3].titre")
    );
    // No other page carries a script.
    for entry in walkdir::WalkDir::new(out_dir.path()) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".html") && name != "recherche.html" {
            let html = std::fs::read_to_string(entry.path()).unwrap();
            assert!(!html.contains("<script"), "{name}");
        }
    }
}

// ---- watching --------------------------------------------------------------

const RECORD: &str = "reunions/2022/2022-04-06-rencontre-regionale.yaml";

#[test]
fn watch_mode_republishes_and_keeps_the_last_good_pages() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("irev");
    copy_dir(&example(), &root);
    let out = dir.path().join("site");
    let mut cmd = bin();
    cmd.arg("-C")
        .arg(&root)
        .args(["render", "--surveiller", "--sortie"])
        .arg(&out);
    let mut watch = Suivi::spawn(cmd);
    watch.wait_for("surveillance de");
    assert!(watch.seen.contains("publié : "), "{}", watch.seen);

    let record = root.join(RECORD);
    let source = std::fs::read_to_string(&record).unwrap();
    let renamed = source.replacen(
        "titre: Troisième rencontre régionale",
        "titre: Rencontre surveillée",
        1,
    );
    assert_ne!(renamed, source);
    std::fs::write(&record, &renamed).unwrap();
    watch.wait_for("publié : ");
    assert!(
        watch.seen.contains(&format!("modifié : {RECORD}")),
        "{}",
        watch.seen
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("Rencontre surveillée"));

    // A broken record: its diagnostic is printed, nothing is written.
    std::fs::write(
        &record,
        renamed.replacen("date: 2022-04-06", "date: 2022-04-31", 1),
    )
    .unwrap();
    watch.wait_for("rien n'a été publié");
    assert!(watch.seen.contains("2022-04-31"), "{}", watch.seen);
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        index
    );

    // A template change is picked up too.
    std::fs::write(&record, &renamed).unwrap();
    watch.wait_for("publié : ");
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/accessibilite.html"),
        "{% extends \"base.html\" %}{% block titre %}A{% endblock titre %}{% block contenu %}<h1>Modèle surveillé</h1>{% endblock contenu %}",
    )
    .unwrap();
    watch.wait_for("publié : ");
    let page = std::fs::read_to_string(out.join("accessibilite.html")).unwrap();
    assert!(page.contains("Modèle surveillé"));
}

// ---- shell -----------------------------------------------------------------

#[test]
fn bash_completion_parses_and_completes_territories() {
    let out = bin().args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success());
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("reunion.bash");
    std::fs::write(&script, &out.stdout).unwrap();
    let check = Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", text(&check.stderr));

    // Bash completing `reunion actions --territoire Va` in the example, as
    // a user's shell would: the script calls the `reunion` found on PATH.
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_reunion")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let complete = |cwd: &Path, words: &str, cword: usize| {
        let program = format!(
            "source {}\nCOMP_WORDS=({words})\nCOMP_CWORD={cword}\nCOMP_TYPE=9\n_clap_complete_reunion reunion \"${{COMP_WORDS[$COMP_CWORD]}}\" \"${{COMP_WORDS[$COMP_CWORD-1]}}\"\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
            script.display()
        );
        let out = Command::new("bash")
            .arg("-c")
            .arg(program)
            .current_dir(cwd)
            .env("PATH", &path)
            .env_remove("REUNION_COMPLETE")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        complete(&example(), "reunion actions --territoire Va", 3),
        ["Valenciennes-Anzin"]
    );
    assert_eq!(
        complete(
            &example().join("reunions"),
            "reunion recherche x --territoire ''",
            4
        ),
        [
            "Lille",
            "Maubeuge",
            "Valenciennes-Anzin",
            "Roubaix",
            "Tourcoing",
            "Amiens"
        ]
    );
    // -C on the line names the folder.
    let line = format!(
        "reunion -C {} actions --territoire M",
        fixture("presence").display()
    );
    assert_eq!(complete(dir.path(), &line, 5), ["Maubeuge"]);
    // Commands complete too.
    assert!(complete(dir.path(), "reunion rech", 1).contains(&"recherche".to_string()));

    for shell in ["zsh", "fish", "powershell"] {
        let out = bin().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        assert!(text(&out.stdout).contains("REUNION_COMPLETE"), "{shell}");
    }
    let out = bin().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_pages_are_written_in_french() {
    let out = bin().arg("man").output().unwrap();
    assert!(out.status.success());
    let page = text(&out.stdout);
    assert!(page.contains(".TH reunion 1"), "{page}");
    assert!(page.contains(".SH NOM"));
    assert!(page.contains(".SH COMMANDES"));
    assert!(page.contains("reunion\\-recherche(1)"));
    assert!(!page.contains(".SH NAME"));

    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["man", "--sortie"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let recherche = std::fs::read_to_string(dir.path().join("reunion-recherche.1")).unwrap();
    assert!(recherche.contains("\\-\\-territoire"), "{recherche}");
    assert!(dir.path().join("reunion.1").is_file());
    assert!(dir.path().join("reunion-presence.1").is_file());
}

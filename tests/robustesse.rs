//! Hostile input and faults, on the real binary (issue 5): sizes that must
//! stay bounded, a publication killed mid-way, paths that must not lead
//! outside the folder and the output, hostile characters, and the system
//! refusing (permissions, full disk). SECURITY.md lists what each test
//! guarantees.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{bin, copy_dir, example, run};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Standard error, with the checks every failure must pass: French, no
/// panic, no Rust debug output.
fn clean_stderr(out: &Output) -> String {
    let err = text(&out.stderr);
    for bad in ["panicked", "RUST_BACKTRACE", "Os {", "kind:", "Error {"] {
        assert!(!err.contains(bad), "« {bad} » dans :\n{err}");
    }
    err
}

/// Every file under `dir` (links not followed), relative path → bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    if !dir.exists() {
        return BTreeMap::new();
    }
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let bytes = if e.path_is_symlink() {
                format!("-> {}", std::fs::read_link(e.path()).unwrap().display()).into_bytes()
            } else {
                std::fs::read(e.path()).unwrap()
            };
            (rel.to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

const CONFIG: &str = "organisation:\n  nom: Essai\nterritoires: [Lille, Roubaix]\nreseaux:\n  - id: ce\n    nom: Cités éducatives\n";

fn folder_with(records: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("reunion.yaml"), CONFIG).unwrap();
    std::fs::create_dir(dir.path().join("reunions")).unwrap();
    for (name, body) in records {
        std::fs::write(dir.path().join("reunions").join(name), body).unwrap();
    }
    dir
}

fn record(date: &str, titre: &str) -> String {
    format!("titre: {titre}\ndate: {date}\nmodalite: visio\n")
}

// ---------------------------------------------------------------------------
// Bounded time and memory

/// Runs `reunion -C dir args`, killing it past `bound` (a hang check, not a
/// speed test); with GNU time when the system has it, also returns the
/// peak memory in KiB.
fn run_measured(dir: &Path, args: &[&str], bound: Duration) -> (Output, Option<u64>) {
    let gnu_time = Path::new("/usr/bin/time");
    let report = tempfile::NamedTempFile::new().unwrap();
    let mut cmd = if gnu_time.is_file() {
        let mut cmd = Command::new(gnu_time);
        cmd.arg("-f")
            .arg("%M")
            .arg("-o")
            .arg(report.path())
            .arg(env!("CARGO_BIN_EXE_reunion"));
        cmd
    } else {
        Command::new(env!("CARGO_BIN_EXE_reunion"))
    };
    let mut child = common::isolate(&mut cmd)
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read the pipes while waiting: a large output must not block the child.
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap());
    let err_reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > bound {
            let _ = child.kill();
            panic!("reunion {args:?} tourne encore après {bound:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let output = Output {
        status,
        stdout: out_reader.join().unwrap().into_bytes(),
        stderr: err_reader.join().unwrap().into_bytes(),
    };
    let peak = std::fs::read_to_string(report.path())
        .ok()
        .and_then(|t| t.lines().last().and_then(|l| l.trim().parse().ok()));
    (output, peak)
}

/// Each hostile size: `check` answers in bounded time and memory, with the
/// expected exit code and message. SECURITY.md gives the figures measured
/// on the release binary.
#[test]
fn hostile_sizes_stay_bounded() {
    let mut bomb = String::from(
        "titre: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for c in 'b'..='z' {
        let refs = vec![format!("*{prev}"); 9].join(",");
        writeln!(bomb, "{c}: &{c} [{refs}]").unwrap();
        prev = c;
    }
    let deep_flow = format!("titre: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let mut deep_block = String::from("titre: x\n");
    for depth in 0..200 {
        writeln!(deep_block, "{}k{depth}:", "  ".repeat(depth)).unwrap();
    }
    let mut long_list = record("2022-01-01", "Dix mille objectifs");
    long_list.push_str("objectifs:\n");
    for i in 0..10_000 {
        writeln!(long_list, "  - Objectif numéro {i}").unwrap();
    }
    let mut too_many = record("2022-01-01", "Trop de valeurs");
    too_many.push_str("objectifs:\n");
    for i in 0..120_000 {
        writeln!(too_many, "  - o{i}").unwrap();
    }
    let long_line = format!(
        "{}meteo: {}\n",
        record("2022-01-01", "Une ligne d'un Mo"),
        "mot ".repeat(256 * 1024)
    );
    // The same line, with an error at its end: the diagnostic shows a
    // window of the line, not a megabyte.
    let long_line_error = format!("titre: {}: y\ndate: 2022-01-01\n", "x".repeat(1024 * 1024));
    let cases: Vec<(&str, String, i32, &str)> = vec![
        ("bombe d'alias", bomb, 1, "limites de sécurité"),
        (
            "imbrication [[[…]]] sur 100 000 niveaux",
            deep_flow,
            1,
            "imbrication trop profonde",
        ),
        (
            "imbrication de 200 tableaux",
            deep_block,
            1,
            "imbrication trop profonde",
        ),
        (
            "liste de 10 000 éléments",
            long_list,
            0,
            "1 fichier vérifié : aucun problème",
        ),
        ("120 000 valeurs", too_many, 1, "limites de sécurité"),
        (
            "ligne de 1 Mio",
            long_line,
            0,
            "1 fichier vérifié : aucun problème",
        ),
        (
            "ligne de 1 Mio en erreur",
            long_line_error,
            1,
            "YAML invalide",
        ),
    ];
    for (what, body, code, message) in cases {
        let dir = folder_with(&[("2022-01-01-cas.yaml", &body)]);
        let start = Instant::now();
        let (out, peak) = run_measured(dir.path(), &["check"], Duration::from_secs(60));
        let elapsed = start.elapsed();
        let all = format!("{}{}", clean_stderr(&out), text(&out.stdout));
        assert_eq!(
            out.status.code(),
            Some(code),
            "{what} :\n{}",
            &all[..all.len().min(2000)]
        );
        assert!(
            all.contains(message),
            "{what} :\n{}",
            &all[..all.len().min(2000)]
        );
        // A diagnostic never prints the whole megabyte back.
        assert!(
            out.stderr.len() < 64 * 1024,
            "{what} : {} octets sur la sortie d'erreur",
            out.stderr.len()
        );
        if let Some(kib) = peak {
            assert!(kib < 512 * 1024, "{what} : {kib} Kio de mémoire");
        }
        eprintln!(
            "{what} : {elapsed:?}, {} Kio",
            peak.map_or("?".into(), |k| k.to_string())
        );
    }
}

/// A file far over the limit, even one of a gigabyte, is refused from its
/// size alone: nothing is read, so time and memory stay small.
#[cfg(unix)]
#[test]
fn a_huge_file_is_refused_without_being_read() {
    let dir = folder_with(&[("2022-01-01-a.yaml", &record("2022-01-01", "A"))]);
    // A sparse file: a gigabyte that takes no room on disk.
    let huge = std::fs::File::create(dir.path().join("reunions/2022-01-02-enorme.yaml")).unwrap();
    huge.set_len(1 << 30).unwrap();
    let (out, peak) = run_measured(dir.path(), &["check"], Duration::from_secs(30));
    let err = clean_stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("fichier trop gros (1048576 Kio ; la limite est de 2048 Kio)"),
        "{err}"
    );
    if let Some(kib) = peak {
        assert!(kib < 256 * 1024, "{kib} Kio de mémoire");
    }
    // The same for the configuration.
    let config = std::fs::File::create(dir.path().join("reunion.yaml")).unwrap();
    config.set_len(1 << 30).unwrap();
    let (out, _) = run_measured(dir.path(), &["check"], Duration::from_secs(30));
    let err = clean_stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("trop gros"), "{err}");
}

// ---------------------------------------------------------------------------
// Nothing lost on a crash

/// A folder of `n` meetings of a few kilobytes each.
fn big_folder(root: &Path, n: usize) {
    std::fs::create_dir_all(root.join("reunions")).unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 6).unwrap();
    for i in 0..n {
        let date = start + chrono::Days::new(i as u64);
        let mut body = record(&date.to_string(), &format!("Réunion de travail n° {i}"));
        body.push_str("reseau: ce\nlieu: Maison des associations\n");
        body.push_str("objectifs:\n  - Partager les pratiques\n  - Préparer la rencontre\n");
        body.push_str("participants:\n");
        for p in 0..6 {
            writeln!(
                body,
                "  - fonction: Chargée de mission {p}\n    structure: Ville\n    territoire: Lille"
            )
            .unwrap();
        }
        body.push_str("meteo: |\n");
        for _ in 0..8 {
            body.push_str("  Les échanges ont porté sur les **actions** menées, avec [le guide](https://irev.fr/guide).\n");
        }
        body.push_str("points:\n");
        for p in 0..4 {
            writeln!(body, "  - titre: Point {p}\n    contenu: |\n      - une idée\n      - une autre, *importante*\n\n      Un paragraphe de conclusion du point {p}.").unwrap();
        }
        writeln!(body, "actions:\n  - territoire: Roubaix\n    titre: Action suivie {i}\n    description: Un atelier pour les parents.").unwrap();
        std::fs::write(root.join(format!("reunions/{date}-reunion-{i}.yaml")), body).unwrap();
    }
}

fn set_organisation(root: &Path, nom: &str) {
    std::fs::write(
        root.join("reunion.yaml"),
        CONFIG.replace("nom: Essai", &format!("nom: {nom}")),
    )
    .unwrap();
}

fn render_into(root: &Path, out: &Path) -> Command {
    let mut cmd = bin();
    cmd.arg("-C")
        .arg(root)
        .arg("render")
        .arg("--sortie")
        .arg(out);
    cmd
}

fn is_leftover(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.starts_with(".reunion-") && name.ends_with(".tmp")
}

/// A render killed (SIGKILL) at many moments leaves every file whole, the
/// old or the new version, and the next render finishes the job and removes
/// the temporary files the killed ones left.
#[cfg(unix)]
#[test]
fn a_killed_render_leaves_every_file_old_or_new() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("dossier");
    big_folder(&root, 150);
    // Two versions of every page: the organisation is in every header.
    let mut versions = Vec::new();
    let mut full_render = Duration::ZERO;
    for (i, nom) in ["Centre de ressources", "Centre de ressources (nouveau nom)"]
        .iter()
        .enumerate()
    {
        set_organisation(&root, nom);
        let out = dir.path().join(format!("version-{i}"));
        let start = Instant::now();
        let status = render_into(&root, &out)
            .stderr(Stdio::null())
            .stdout(Stdio::null())
            .status()
            .unwrap();
        full_render = full_render.max(start.elapsed());
        assert!(status.success());
        versions.push(files(&out));
    }
    assert_eq!(
        versions[0].keys().collect::<Vec<_>>(),
        versions[1].keys().collect::<Vec<_>>()
    );
    let out = dir.path().join("public");
    copy_dir(&dir.path().join("version-0"), &out);

    let kills = 12;
    let (mut mixed, mut with_leftovers) = (0, 0);
    for k in 0..kills {
        // Every render rewrites every page: the versions alternate.
        let target = (k + 1) % 2;
        set_organisation(
            &root,
            ["Centre de ressources", "Centre de ressources (nouveau nom)"][target],
        );
        let mut child = render_into(&root, &out)
            .stderr(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full_render.mul_f64((k as f64 + 0.5) / kills as f64));
        let _ = child.kill();
        let _ = child.wait();
        let now = files(&out);
        let (mut old, mut new, mut leftovers) = (0, 0, 0);
        for (path, bytes) in &now {
            if is_leftover(path) {
                leftovers += 1;
                continue;
            }
            if path.ends_with(".html") {
                assert!(
                    bytes.ends_with(b"</html>\n"),
                    "{path} tronqué après l'arrêt n° {k}"
                );
            }
            if Some(bytes) == versions[target].get(path) {
                new += 1;
            } else if Some(bytes) == versions[1 - target].get(path) {
                old += 1;
            } else {
                panic!("{path} n'est ni l'ancienne ni la nouvelle version après l'arrêt n° {k}");
            }
        }
        assert_eq!(
            old + new,
            versions[0].len(),
            "fichiers perdus après l'arrêt n° {k}"
        );
        mixed += usize::from(old > 0 && new > 0);
        with_leftovers += usize::from(leftovers > 0);
    }
    eprintln!(
        "{kills} arrêts en {full_render:?} de rendu : {mixed} au milieu de l'écriture, {with_leftovers} avec des fichiers temporaires laissés"
    );

    // The next render completes the job: exactly the new version, nothing else.
    set_organisation(&root, "Centre de ressources (nouveau nom)");
    let output = render_into(&root, &out).output().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(files(&out), versions[1]);
}

// ---------------------------------------------------------------------------
// Nothing read or written outside the folder and the output

/// Every file under `dir`, relative, links not followed.
fn listing(dir: &Path) -> Vec<String> {
    files(dir).into_keys().collect()
}

#[test]
fn names_from_the_data_cannot_lead_outside() {
    let sandbox = tempfile::tempdir().unwrap();
    let root = sandbox.path().join("dossier");
    std::fs::create_dir_all(root.join("reunions")).unwrap();
    std::fs::write(
        root.join("reunion.yaml"),
        "organisation:\n  nom: ../../../etc\nterritoires:\n  - ../../évasion\n  - '..\\..\\Windows'\n  - /etc/passwd\nreseaux:\n  - id: ce\n    nom: ../x\n",
    )
    .unwrap();
    let names = [
        "2022-01-01-..\\..\\..\\evasion.yaml",
        "2022-01-02-<script>.yaml",
        ".2022-01-03-cache.yaml",
        "2022-01-04-a:b.yaml",
    ];
    for (i, name) in names.iter().enumerate() {
        let body = format!(
            "titre: ../../titre/{i}\ndate: 2022-01-0{}\nmodalite: visio\nactions:\n  - territoire: ../../évasion\n    titre: '..\\..\\action {i}'\n",
            i + 1
        );
        std::fs::write(root.join("reunions").join(name), body).unwrap();
    }
    let before = listing(sandbox.path());
    let out = sandbox.path().join("public");
    let output = render_into(&root, &out).output().unwrap();
    assert!(output.status.success(), "{}", clean_stderr(&output));
    // Nothing appeared in the sandbox but the output.
    let after: Vec<String> = listing(sandbox.path())
        .into_iter()
        .filter(|p| !p.starts_with("public/"))
        .collect();
    assert_eq!(after, before);
    let pages = listing(&out);
    for page in &pages {
        assert!(
            !page.contains('\\') && !page.contains(':') && !page.contains('<'),
            "{page}"
        );
        assert!(
            !page.starts_with('.') || page == ".reunion-manifeste",
            "{page}"
        );
    }
    for expected in [
        "reunions/2022-01-01-evasion.html",
        "reunions/2022-01-02-script.html",
        "reunions/2022-01-03-cache.html",
        "reunions/2022-01-04-a-b.html",
        "territoires/evasion.html",
        "territoires/windows.html",
        "territoires/etc-passwd.html",
    ] {
        assert!(
            pages.iter().any(|p| p == expected),
            "{expected} manque : {pages:?}"
        );
    }
}

#[test]
fn ids_that_look_like_paths_or_fool_the_eye_are_rejected() {
    let mut body = record("2022-01-01", "Identifiants");
    body.push_str("actions:\n");
    for (i, id) in [
        "../../etc/passwd",
        "..\\\\x",
        "/absolu",
        "p\\u0430rtage",
        "ab\\u200Bc",
        "ab\\u202Ec",
        "\\uFF41\\uFF42",
    ]
    .iter()
    .enumerate()
    {
        writeln!(
            body,
            "  - id: \"{id}\"\n    territoire: Lille\n    titre: Action {i}"
        )
        .unwrap();
    }
    let dir = folder_with(&[("2022-01-01-ids.yaml", &body)]);
    let out = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let invalid: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            let message = d["message"].as_str().unwrap();
            // An override is refused as such, before the id is read.
            message.starts_with("identifiant invalide")
                || message.starts_with("caractère invisible U+202E")
        })
        .map(|d| d["chemin"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = (0..7).map(|i| format!("actions[{i}].id")).collect();
    assert_eq!(invalid, expected);
}

/// The output folder must stay the output folder: a link inside it leading
/// elsewhere is never written through.
#[cfg(unix)]
#[test]
fn links_in_the_output_are_not_followed_outside() {
    use std::os::unix::fs::symlink;
    let sandbox = tempfile::tempdir().unwrap();
    let root = sandbox.path().join("dossier");
    copy_dir(&example(), &root);
    let outside = sandbox.path().join("ailleurs");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("precieux.html"), "à garder").unwrap();

    // The default output, `public`, a link leading outside: refused.
    symlink(&outside, root.join("public")).unwrap();
    let output = run(&root, &["render"]);
    let err = clean_stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("lien symbolique qui mène hors du dossier de réunions"),
        "{err}"
    );
    assert_eq!(listing(&outside), vec!["precieux.html"]);
    // Chosen with --sortie, it is the user's choice.
    let output = run(
        &root,
        &["render", "--sortie", root.join("public").to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", clean_stderr(&output));
    assert!(outside.join("index.html").is_file());
    assert!(outside.join("precieux.html").is_file());
    std::fs::remove_file(root.join("public")).unwrap();

    // A subfolder of the output that is a link leading outside: refused.
    let out = sandbox.path().join("public");
    std::fs::create_dir(&out).unwrap();
    let victim = sandbox.path().join("victime");
    std::fs::create_dir(&victim).unwrap();
    symlink(&victim, out.join("reunions")).unwrap();
    let output = render_into(&root, &out).output().unwrap();
    let err = clean_stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("un lien symbolique mène hors du dossier de sortie"),
        "{err}"
    );
    assert!(listing(&victim).is_empty());
    // Refused before the first write: not even the pages outside the link.
    assert_eq!(listing(&out), vec!["reunions"]);
    std::fs::remove_file(out.join("reunions")).unwrap();

    // An output file that is a link: replaced by the page, its target kept.
    let target = sandbox.path().join("cible.html");
    std::fs::write(&target, "à garder").unwrap();
    symlink(&target, out.join("index.html")).unwrap();
    let output = render_into(&root, &out).output().unwrap();
    assert!(output.status.success(), "{}", clean_stderr(&output));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "à garder");
    assert!(
        std::fs::symlink_metadata(out.join("index.html"))
            .unwrap()
            .is_file()
    );
}

/// Files the folder points at (its records, templates and logo) are read
/// only inside it.
#[cfg(unix)]
#[test]
fn links_in_the_folder_are_not_read_outside() {
    use std::os::unix::fs::symlink;
    let sandbox = tempfile::tempdir().unwrap();
    let outside = sandbox.path().join("ailleurs");
    std::fs::create_dir_all(outside.join("reunions")).unwrap();
    std::fs::write(
        outside.join("reunions/2022-01-01-secret.yaml"),
        record("2022-01-01", "Secret"),
    )
    .unwrap();
    std::fs::write(outside.join("secret.svg"), "<svg>secret</svg>").unwrap();
    std::fs::write(
        outside.join("secret.html"),
        "SECRET {{ site.organisation }}",
    )
    .unwrap();

    // `reunions/` itself a link leading outside.
    let root = sandbox.path().join("lien-reunions");
    std::fs::create_dir(&root).unwrap();
    std::fs::write(root.join("reunion.yaml"), CONFIG).unwrap();
    symlink(outside.join("reunions"), root.join("reunions")).unwrap();
    let output = run(&root, &["check"]);
    let err = clean_stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("reunions/ est un lien symbolique vers"),
        "{err}"
    );
    assert!(!err.contains("Secret"), "{err}");

    // A template, then the logo, linked from outside.
    let root = sandbox.path().join("dossier");
    copy_dir(&example(), &root);
    std::fs::create_dir_all(root.join("templates")).unwrap();
    symlink(
        outside.join("secret.html"),
        root.join("templates/index.html"),
    )
    .unwrap();
    let out = sandbox.path().join("public");
    let output = render_into(&root, &out).output().unwrap();
    let err = clean_stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains("templates/index.html"), "{err}");
    assert!(
        err.contains("lien symbolique hors du dossier de réunions"),
        "{err}"
    );
    assert!(!out.exists());
    std::fs::remove_dir_all(root.join("templates")).unwrap();

    let config = std::fs::read_to_string(root.join("reunion.yaml")).unwrap();
    let logo = config.lines().find(|l| l.trim_start().starts_with("logo:"));
    let config = match logo {
        Some(line) => config.replace(line, "  logo: assets/logo.svg"),
        None => config.replacen(
            "organisation:\n",
            "organisation:\n  logo: assets/logo.svg\n",
            1,
        ),
    };
    std::fs::write(root.join("reunion.yaml"), config).unwrap();
    std::fs::create_dir_all(root.join("assets")).unwrap();
    let _ = std::fs::remove_file(root.join("assets/logo.svg"));
    symlink(outside.join("secret.svg"), root.join("assets/logo.svg")).unwrap();
    let output = render_into(&root, &out).output().unwrap();
    let err = clean_stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("le logo « assets/logo.svg » pointe hors du dossier (lien symbolique)"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn logo_paths_out_of_the_folder_are_not_published() {
    let sandbox = tempfile::tempdir().unwrap();
    std::fs::write(sandbox.path().join("secret.png"), "SECRET").unwrap();
    let root = sandbox.path().join("dossier");
    for logo in [
        "../secret.png",
        "..\\\\secret.png",
        "/etc/secret.png",
        "C:\\\\secret.png",
    ] {
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("reunions")).unwrap();
        std::fs::write(
            root.join("reunion.yaml"),
            CONFIG.replace("nom: Essai\n", &format!("nom: Essai\n  logo: \"{logo}\"\n")),
        )
        .unwrap();
        let check = run(&root, &["check"]);
        let err = clean_stderr(&check);
        assert!(err.contains("organisation.logo"), "{logo} : {err}");
        let out = sandbox.path().join("public");
        let output = render_into(&root, &out).output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{logo} : {}",
            clean_stderr(&output)
        );
        for (page, bytes) in files(&out) {
            assert!(!page.starts_with("assets/logo"), "{logo} : {page}");
            assert!(!text(&bytes).contains("SECRET"), "{logo} : {page}");
        }
    }
}

// ---------------------------------------------------------------------------
// Hostile characters

/// Control and reordering characters in any text are refused where they
/// are, and never reach the terminal raw, even in a key or a file name.
#[test]
fn control_and_bidi_characters_are_refused_and_shown_escaped() {
    let records = [
        (
            "2022-01-01-a.yaml",
            "titre: \"Titre \\e[2J\\e[31m rouge\"\ndate: 2022-01-01\nmodalite: visio\nlieu: \"gnp.\\u202Eexe\"\n\"cl\\e[31m\": 1\n",
        ),
        (
            "2022-01-02-\u{1b}[31m.yaml",
            "titre: \"\\u2066isolé\"\ndate: 2022-01-02\nmodalite: visio\nmeteo: \"cloche \\x07 et \\x9b\"\n",
        ),
    ];
    let dir = folder_with(&records);
    std::fs::write(
        dir.path().join("reunions/2022-01-03-brut.yaml"),
        "titre: droite \u{202E}gauche\ndate: 2022-01-03\nmodalite: visio\n",
    )
    .unwrap();
    let out = run(dir.path(), &["check"]);
    let err = clean_stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for (code, place) in [
        ("U+001B", "reunions/2022-01-01-a.yaml:1:8"),
        ("U+202E", "reunions/2022-01-01-a.yaml:4:7"),
        ("U+2066", ":1:8"),
        ("U+0007", ":4:8"),
        ("U+202E", "reunions/2022-01-03-brut.yaml:1:8"),
    ] {
        assert!(
            err.contains(&format!("caractère invisible {code}")),
            "{code} : {err}"
        );
        assert!(err.contains(place), "{place} : {err}");
    }
    assert!(err.contains("clé inconnue"), "{err}");
    // Nothing that moves the cursor, colours or reorders reaches the terminal.
    let hostile = |c: char| {
        (c.is_control() && c != '\n')
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    assert!(!err.chars().any(hostile), "{err:?}");
    assert!(!text(&out.stdout).chars().any(hostile));
    assert!(err.contains("cl\\u{1b}[31m"), "{err}");
    // And nothing is published.
    let render = run(dir.path(), &["render"]);
    assert_eq!(render.status.code(), Some(1));
    assert!(!dir.path().join("public").exists());
}

// ---------------------------------------------------------------------------
// Clear errors when the system refuses

#[test]
fn missing_configuration_and_empty_folders() {
    let empty = tempfile::tempdir().unwrap();
    for args in [&["render"][..], &["check"][..]] {
        let out = run(empty.path(), args);
        let err = clean_stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(err.contains("n'a pas de reunion.yaml"), "{err}");
        assert!(err.contains("reunion init"), "{err}");
    }
    // No record at all: check says so and succeeds; render publishes the
    // empty site (index, territories, actions), says so, and succeeds.
    let dir = folder_with(&[]);
    let out = run(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(clean_stderr(&out).contains("note : aucun compte rendu dans reunions/"));
    let out = run(dir.path(), &["render"]);
    let err = clean_stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "note : aucun compte rendu dans reunions/ ; le site publié ne liste aucune réunion"
        ),
        "{err}"
    );
    assert!(dir.path().join("public/index.html").is_file());
    // No reunions/ folder at all: the same.
    std::fs::remove_dir(dir.path().join("reunions")).unwrap();
    let out = run(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", clean_stderr(&out));
}

#[test]
fn a_record_that_is_a_folder_stops_render() {
    let dir = folder_with(&[("2022-01-01-a.yaml", &record("2022-01-01", "A"))]);
    std::fs::create_dir(dir.path().join("reunions/2022-01-02-dossier.yaml")).unwrap();
    let out = run(dir.path(), &["render"]);
    let err = clean_stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("reunions/2022-01-02-dossier.yaml"), "{err}");
    assert!(
        err.contains("c'est un dossier, pas un fichier de réunion"),
        "{err}"
    );
    assert!(err.contains("rien n'a été écrit"), "{err}");
    assert!(!dir.path().join("public").exists());
}

/// Whether this process runs as root, where permissions do not deny.
#[cfg(unix)]
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}

/// The binary run by someone permissions apply to: this process itself
/// unless it is root, else the `nobody` user (65534) through `setpriv` or
/// `runuser`. `None` (and the reason printed) if there is no way. The
/// folder returned holds a copy of the binary that `nobody` may run (the
/// build folder may sit in a home folder closed to others); keep it alive
/// while the command runs.
#[cfg(unix)]
fn unprivileged() -> Option<(Command, tempfile::TempDir)> {
    use std::os::unix::fs::PermissionsExt;
    let copy = tempfile::tempdir().unwrap();
    if !running_as_root() {
        return Some((bin(), copy));
    }
    let has = |tool: &str| {
        Command::new(tool)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let mut cmd = if has("setpriv") {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        cmd
    } else if has("runuser") {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "nobody", "--"]);
        cmd
    } else {
        eprintln!(
            "test sauté : lancé en root, et ni setpriv ni runuser pour changer d'utilisateur"
        );
        return None;
    };
    let binary = copy.path().join("reunion");
    std::fs::copy(env!("CARGO_BIN_EXE_reunion"), &binary).unwrap();
    std::fs::set_permissions(copy.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).unwrap();
    common::isolate(cmd.arg(&binary)).env("HOME", "/nonexistent");
    Some((cmd, copy))
}

/// Opens a temporary folder to everyone, so that the unprivileged user can
/// read what the test wrote (but not write to it).
#[cfg(unix)]
fn open_to_all(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        let mode = if entry.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

/// One unreadable record (and one unreadable subfolder) is reported where
/// it is, and every other record is still checked.
#[cfg(unix)]
#[test]
fn an_unreadable_record_is_reported_and_the_others_still_checked() {
    use std::os::unix::fs::PermissionsExt;
    let Some((mut cmd, _binary)) = unprivileged() else {
        return;
    };
    let dir = folder_with(&[
        ("2022-01-01-lisible.yaml", &record("2022-01-01", "Lisible")),
        (
            "2022-01-02-illisible.yaml",
            &record("2022-01-02", "Illisible"),
        ),
        (
            "2022-01-03-fausse.yaml",
            "titre: Fausse\ndate: 2022-02-31\nmodalite: visio\n",
        ),
    ]);
    std::fs::create_dir(dir.path().join("reunions/2021")).unwrap();
    std::fs::write(
        dir.path().join("reunions/2021/2021-01-01-cachee.yaml"),
        record("2021-01-01", "Cachée"),
    )
    .unwrap();
    open_to_all(dir.path());
    std::fs::set_permissions(
        dir.path().join("reunions/2022-01-02-illisible.yaml"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    std::fs::set_permissions(
        dir.path().join("reunions/2021"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let out = cmd
        .arg("-C")
        .arg(dir.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let err = clean_stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["fichier"].as_str().unwrap().into(),
                d["message"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(
        found.contains(&(
            "reunions/2022-01-02-illisible.yaml".into(),
            "lecture impossible : permission refusée".into()
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "reunions/2021".into(),
            "lecture impossible : permission refusée".into()
        )),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(f, m)| f == "reunions/2022-01-03-fausse.yaml" && m.contains("2022-02-31")),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(f, _)| f.contains("lisible.yaml") && !f.contains("illisible")),
        "{found:?}"
    );
    std::fs::set_permissions(
        dir.path().join("reunions/2021"),
        std::fs::Permissions::from_mode(0o755),
    )
    .unwrap();
}

/// An output folder the user may not write to: a French error naming it,
/// exit 2, and the files already there intact.
#[cfg(unix)]
#[test]
fn a_read_only_output_is_a_clear_error() {
    let Some((mut cmd, _binary)) = unprivileged() else {
        return;
    };
    let sandbox = tempfile::tempdir().unwrap();
    let root = sandbox.path().join("dossier");
    copy_dir(&example(), &root);
    let out = sandbox.path().join("public");
    // The output belongs to someone else (root) or, unprivileged, is read-only.
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("index.html"), "ancienne page").unwrap();
    open_to_all(sandbox.path());
    if !running_as_root() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let output = cmd
        .arg("-C")
        .arg(&root)
        .arg("render")
        .arg("--sortie")
        .arg(&out)
        .output()
        .unwrap();
    let err = clean_stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains("écriture impossible de"), "{err}");
    assert!(err.contains("permission refusée"), "{err}");
    assert!(err.contains("relancez `reunion render`"), "{err}");
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "ancienne page"
    );
    if !running_as_root() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// A file-size limit (`ulimit -f`), with SIGXFSZ ignored as a shell may
/// leave it: every write past the limit fails with EFBIG, which is reported
/// in French; nothing is left half-written; the next render finishes.
#[cfg(unix)]
#[test]
fn a_file_size_limit_is_a_clear_error() {
    let has_prlimit = Command::new("prlimit")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_prlimit {
        eprintln!("test sauté : pas de prlimit pour limiter la taille des fichiers");
        return;
    }
    let sandbox = tempfile::tempdir().unwrap();
    let root = sandbox.path().join("dossier");
    copy_dir(&example(), &root);
    let out = sandbox.path().join("public");
    let output = common::isolate(&mut Command::new("sh"))
        .arg("-c")
        .arg("trap '' XFSZ; exec prlimit --fsize=4096 -- \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_reunion"))
        .arg("-C")
        .arg(&root)
        .arg("render")
        .arg("--sortie")
        .arg(&out)
        .output()
        .unwrap();
    let err = clean_stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("fichier trop gros pour la limite fixée par le système"),
        "{err}"
    );
    assert!(err.contains("relancez `reunion render`"), "{err}");
    for (page, bytes) in files(&out) {
        assert!(!is_leftover(&page), "{page}");
        if page.ends_with(".html") {
            assert!(bytes.ends_with(b"</html>\n"), "{page} tronqué");
        }
    }
    let output = render_into(&root, &out).output().unwrap();
    assert!(output.status.success(), "{}", clean_stderr(&output));
}

/// A full disk, for real: a 64 KiB tmpfs, when this test may mount one
/// (root on Linux); skipped with the reason otherwise.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_a_clear_error() {
    if !running_as_root() {
        eprintln!("test sauté : monter un tmpfs demande d'être root");
        return;
    }
    let sandbox = tempfile::tempdir().unwrap();
    let out = sandbox.path().join("petit-disque");
    std::fs::create_dir(&out).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&out)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("test sauté : mount -t tmpfs refusé ici");
        return;
    }
    /// Unmounts even when an assertion fails.
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(self.0).status();
        }
    }
    let _guard = Unmount(&out);
    let root = sandbox.path().join("dossier");
    copy_dir(&example(), &root);
    let output = render_into(&root, &out).output().unwrap();
    let err = clean_stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains("disque plein"), "{err}");
    assert!(err.contains("relancez `reunion render`"), "{err}");
    for (page, bytes) in files(&out) {
        assert!(!is_leftover(&page), "{page}");
        if page.ends_with(".html") {
            assert!(bytes.ends_with(b"</html>\n"), "{page} tronqué");
        }
    }
}

//! Nothing read or written outside the folder and the output: names, ids,
//! links and logo paths taken from the data.

use std::fmt::Write as _;
use std::path::Path;

use super::{clean_stderr, render_into};
use crate::common::{CONFIG, copy_dir, example, files, folder_with, record, run, text};

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

/// A named pipe where a record, `reunion.yaml` or a template is expected
/// (or a link to one) is refused at once: opening it first hung every
/// command, waiting for a writer that never comes.
#[cfg(unix)]
#[test]
fn named_pipes_are_refused_without_waiting() {
    use crate::common::run_bounded;
    use std::time::Duration;
    let mkfifo = |p: &Path| {
        assert!(
            std::process::Command::new("mkfifo")
                .arg(p)
                .status()
                .unwrap()
                .success()
        )
    };
    let dir = folder_with(&[("2024-03-12-a.yaml", &record("2024-03-12", "A"))]);
    mkfifo(&dir.path().join("reunions/2024-04-01-fifo.yaml"));
    std::os::unix::fs::symlink(
        dir.path().join("reunions/2024-04-01-fifo.yaml"),
        dir.path().join("reunions/2024-05-01-lien.yaml"),
    )
    .unwrap();
    let out = run_bounded(
        crate::common::bin().arg("-C").arg(dir.path()).arg("check"),
        Duration::from_secs(20),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("reunions/2024-04-01-fifo.yaml"), "{err}");
    assert!(err.contains("tube nommé"), "{err}");
    assert!(err.contains("reunions/2024-05-01-lien.yaml"), "{err}");

    let dir = folder_with(&[("2024-03-12-a.yaml", &record("2024-03-12", "A"))]);
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    mkfifo(&dir.path().join("templates/index.html"));
    let out = run_bounded(
        crate::common::bin()
            .arg("-C")
            .arg(dir.path())
            .args(["render", "--sortie"])
            .arg(dir.path().join("public")),
        Duration::from_secs(20),
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("tube nommé"));

    let dir = folder_with(&[]);
    std::fs::remove_file(dir.path().join("reunion.yaml")).unwrap();
    mkfifo(&dir.path().join("reunion.yaml"));
    let out = run_bounded(
        crate::common::bin().arg("-C").arg(dir.path()).arg("check"),
        Duration::from_secs(20),
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

/// `reunion.yaml` as a link to a file outside the folder is refused, and
/// nothing of that file reaches the messages (a merge request could carry
/// `reunion.yaml -> /proc/self/environ` into a CI that publishes).
#[cfg(unix)]
#[test]
fn a_configuration_linked_outside_is_not_read() {
    let secret = tempfile::tempdir().unwrap();
    let outside = secret.path().join("env");
    std::fs::write(&outside, "SECRET_TOKEN=abc123: [\n").unwrap();
    let dir = folder_with(&[("2024-03-12-a.yaml", &record("2024-03-12", "A"))]);
    std::fs::remove_file(dir.path().join("reunion.yaml")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.path().join("reunion.yaml")).unwrap();
    for args in [&["check"][..], &["check", "--format", "json"], &["actions"]] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(!all.contains("SECRET_TOKEN"), "{args:?}: {all}");
        assert!(!all.contains("abc123"), "{args:?}: {all}");
        assert!(all.contains("hors du dossier"), "{args:?}: {all}");
    }
}

/// An SVG logo that holds script, an event attribute or an outside address
/// is not published (it would run from the site's own origin): the
/// publication stops and says what the logo holds; a drawing-only SVG is
/// copied as it is.
#[test]
fn an_svg_logo_with_script_is_refused() {
    let dir = crate::common::copy_of(&example());
    let logo = dir.path().join("assets/irev.svg");
    let clean = std::fs::read_to_string(&logo).unwrap();
    let out = dir.path().join("public");
    let run_render = || {
        let mut cmd = crate::common::bin();
        crate::common::render_args(&mut cmd, dir.path(), &out)
            .output()
            .unwrap()
    };
    assert!(run_render().status.success());
    let trapped = clean.replacen("<svg ", "<svg onload=\"alert(1)\" ", 1);
    std::fs::write(&logo, trapped).unwrap();
    let refused = run_render();
    assert_eq!(refused.status.code(), Some(2));
    let err = text(&refused.stderr);
    assert!(
        err.contains("le logo assets/irev.svg n'est pas publié"),
        "{err}"
    );
    assert!(err.contains("onload"), "{err}");
    std::fs::write(
        &logo,
        clean.replacen("</svg>", "<script>alert(1)</script></svg>", 1),
    )
    .unwrap();
    assert!(text(&run_render().stderr).contains("<script>"));
    // The site published before stays as it was.
    assert!(
        !std::fs::read_to_string(out.join("assets/logo.svg"))
            .unwrap()
            .contains("alert")
    );
}

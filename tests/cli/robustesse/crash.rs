//! Nothing lost on a crash: a publication killed mid-way leaves every file
//! old or new, and the next one cleans up.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use super::{is_leftover, render_into};
use crate::common::{CONFIG, copy_dir, files, record, text};

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
            // The lock file of the killed publication: empty, no longer
            // locked (the system lets go of a dead process's locks), and
            // removed by the next publication.
            if path == ".reunion-verrou" {
                assert!(bytes.is_empty());
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

//! A second `render` into the same output keeps the pages whose inputs did
//! not change without rendering them: run as the real binary, after each
//! kind of edit, its output must be byte for byte that of a clean render.
//! And a template that fails half-way leaves the output as it was.

use std::path::Path;

use crate::common::{copy_of, example, files, render_to, run, text};

/// Renders `dir` into `out`; returns the summary line.
fn render(dir: &Path, out: &Path, extra: &[&str]) -> String {
    text(&render_to(dir, out, extra).stderr)
        .lines()
        .find(|l| l.contains("fichiers publiés"))
        .unwrap_or_default()
        .to_string()
}

/// Renders `dir` into the kept output `out` and into a fresh folder: both
/// must hold the same files, manifest included.
fn assert_like_a_clean_render(dir: &Path, out: &Path, extra: &[&str], what: &str) -> String {
    let line = render(dir, out, extra);
    let clean = tempfile::tempdir().unwrap();
    render(dir, clean.path(), extra);
    let (kept, fresh) = (files(out), files(clean.path()));
    assert_eq!(
        kept.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>(),
        "{what}: not the same files"
    );
    for (name, bytes) in &fresh {
        assert!(
            kept[name] == *bytes,
            "{what}: {name} differs from a clean render\n{}",
            text(&kept[name])
        );
    }
    line
}

fn edit(path: &Path, from: &str, to: &str) {
    let before = std::fs::read_to_string(path).unwrap();
    assert!(before.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, before.replacen(from, to, 1)).unwrap();
}

/// How many pages were kept without rendering, from the summary line.
fn reused(line: &str) -> usize {
    line.split("(dont ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .map_or(0, |n| n.parse().unwrap())
}

#[test]
fn a_render_after_each_edit_is_a_clean_render() {
    let dir = copy_of(&example());
    let out = dir.path().join("sortie");
    let records = dir.path().join("reunions/2022");
    let first = records.join("2022-03-03-rencontre-regionale.yaml");
    let last = records.join("2022-05-12-rencontre-regionale.yaml");
    // Three more meetings, so that some are nobody's neighbour.
    for (day, title) in [
        ("06-09", "Cinquième"),
        ("09-15", "Sixième"),
        ("10-13", "Septième"),
    ] {
        std::fs::write(
            records.join(format!("2022-{day}-rencontre.yaml")),
            format!("titre: {title} rencontre\ndate: 2022-{day}\nmodalite: visio\nactions:\n  - id: action-{day}\n    territoire: Roubaix\n    titre: Action {title}\n"),
        )
        .unwrap();
    }

    let line = assert_like_a_clean_render(dir.path(), &out, &[], "first render");
    assert_eq!(reused(&line), 0, "{line}");
    let line = assert_like_a_clean_render(dir.path(), &out, &[], "nothing changed");
    assert!(line.contains(": 0 écrit"), "{line}");
    // Every file but the logo, which is copied each time.
    let total: usize = line.split(' ').next().unwrap().parse().unwrap();
    assert_eq!(reused(&line), total - 1, "{line}");

    // The title of the last meeting: its page, its neighbour's (which links
    // to it), its territory's and the pages of the whole folder change (4
    // meeting pages, 2 territory pages, index, suites, decisions and
    // actions in both formats, calendar, search pages, stylesheet: 20); the
    // others are kept.
    let newest = records.join("2022-10-13-rencontre.yaml");
    edit(
        &newest,
        "Septième rencontre",
        "Septième rencontre, à Roubaix",
    );
    let line = assert_like_a_clean_render(dir.path(), &out, &[], "a title");
    assert_eq!(reused(&line), total - 1 - 20, "{line}");

    // A later meeting publishes the fiche of an action first told earlier:
    // the earlier meeting's page now links to it.
    edit(
        &newest,
        "    titre: Action Septième\n",
        "    titre: Action Septième\n    statut: fiche_publiee\n",
    );
    assert_like_a_clean_render(dir.path(), &out, &[], "a new fiche");
    let days = records.join("2022-09-15-rencontre.yaml");
    edit(&days, "  - id: action-09-15\n", "  - id: action-10-13\n");
    assert_like_a_clean_render(dir.path(), &out, &[], "an action told again");

    // A record removed, another renamed.
    std::fs::remove_file(records.join("2022-06-09-rencontre.yaml")).unwrap();
    assert_like_a_clean_render(dir.path(), &out, &[], "a record removed");
    std::fs::rename(&days, records.join("2022-09-15-rentree.yaml")).unwrap();
    assert_like_a_clean_render(dir.path(), &out, &[], "a record renamed");

    // What every page is made of: the configuration, the templates, the
    // options.
    edit(
        &dir.path().join("reunion.yaml"),
        "Centre ressources",
        "Centre de ressources",
    );
    let line = assert_like_a_clean_render(dir.path(), &out, &[], "the configuration");
    assert_eq!(reused(&line), 0, "{line}");
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/reunion.md"),
        "# {{ reunion.titre }}\n\n{{ reunion.date.longue }}\n",
    )
    .unwrap();
    let line = assert_like_a_clean_render(dir.path(), &out, &[], "a template");
    assert_eq!(reused(&line), 0, "{line}");
    let line = assert_like_a_clean_render(dir.path(), &out, &["--avec-noms"], "an option");
    assert_eq!(reused(&line), 0, "{line}");

    // A page edited or removed by hand is rendered again.
    edit(&first, "Deuxième rencontre", "2e rencontre");
    assert_like_a_clean_render(dir.path(), &out, &["--avec-noms"], "before hand edits");
    let page = out.join("reunions/2022-05-12-rencontre-regionale.html");
    std::fs::write(&page, "modifié à la main").unwrap();
    std::fs::remove_file(out.join("reunions/2022-04-06-rencontre-regionale.md")).unwrap();
    let line = assert_like_a_clean_render(dir.path(), &out, &["--avec-noms"], "hand edits");
    assert!(line.contains(": 2 écrits"), "{line}");
    assert!(last.exists());
}

#[test]
fn a_template_failing_on_one_meeting_leaves_the_output_as_it_was() {
    let dir = copy_of(&example());
    let out = dir.path().join("sortie");
    render(dir.path(), &out, &[]);
    let before = files(&out);
    // Fails only for the last meeting: the other pages render, and are
    // staged, before it does.
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/reunion.md"),
        "# {{ reunion.titre }}\n{% if reunion.titre is starting_with(\"Quatrième\") %}{{ reunion.intitule }}{% endif %}\n",
    )
    .unwrap();
    let output = run(dir.path(), &["render", "--sortie", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("intitule"));
    // Not one file changed, and no temporary file is left.
    assert_eq!(files(&out), before);

    // Into a new folder: nothing at all is left.
    let fresh = dir.path().join("nouvelle/sortie");
    let output = run(dir.path(), &["render", "--sortie", fresh.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!dir.path().join("nouvelle").exists());
}

#[test]
fn records_are_kept_between_renders_in_the_cache_folder() {
    let dir = copy_of(&example());
    let cache_home = tempfile::tempdir().unwrap();
    let out = dir.path().join("sortie");
    let render = || {
        let output = crate::common::bin()
            .env("XDG_CACHE_HOME", cache_home.path())
            .arg("-C")
            .arg(dir.path())
            .args(["render", "--sortie", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", text(&output.stderr));
        files(&out)
    };
    let first = render();
    let caches: Vec<_> = walkdir::WalkDir::new(cache_home.path())
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    assert_eq!(caches.len(), 1, "{caches:?}");
    let cache = &caches[0];
    assert!(cache.starts_with(cache_home.path().join("reunion")));
    // Nothing in the meeting folder itself.
    assert!(!files(dir.path()).keys().any(|f| f.contains("cache")));

    // Nothing changed: the cache is not written again.
    let written = std::fs::metadata(cache).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(render(), first);
    assert_eq!(
        std::fs::metadata(cache).unwrap().modified().unwrap(),
        written
    );

    // A damaged cache is not used, and is replaced.
    let bytes = std::fs::read(cache).unwrap();
    std::fs::write(cache, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(render(), first);
    assert_eq!(std::fs::read(cache).unwrap(), bytes);

    // An edited record is read again.
    let record = dir
        .path()
        .join("reunions/2022/2022-04-06-rencontre-regionale.yaml");
    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(
        &record,
        text.replacen("Troisième rencontre", "3e rencontre", 1),
    )
    .unwrap();
    let edited = render();
    let page =
        String::from_utf8(edited["reunions/2022-04-06-rencontre-regionale.html"].clone()).unwrap();
    assert!(page.contains("3e rencontre"));
    assert_ne!(std::fs::read(cache).unwrap(), bytes);
}

/// A page edited by hand to the same length (a compte rendu, kept without
/// rendering, and the index, rendered again to the same bytes) is mended
/// by the next render: the manifest's digest is compared, not the length.
#[test]
fn a_page_edited_to_the_same_length_is_mended() {
    let dir = copy_of(&example());
    let out = dir.path().join("public");
    render(dir.path(), &out, &[]);
    let pristine = files(&out);
    for page in ["reunions/2022-03-03-rencontre-regionale.html", "index.html"] {
        let path = out.join(page);
        let mut bytes = std::fs::read(&path).unwrap();
        let at = bytes.iter().position(|&b| b == b'<').unwrap();
        bytes[at + 1..at + 4].copy_from_slice(b"XYZ");
        std::fs::write(&path, &bytes).unwrap();
    }
    render(dir.path(), &out, &[]);
    assert!(files(&out) == pristine, "a page edited by hand survived");
}

/// One publication at a time writes into an output folder: a second one
/// waits for the first, a bounded time, then says so in French; nothing
/// is left of the lock once a publication ends.
#[test]
fn a_second_publication_waits_then_says_one_is_in_progress() {
    let dir = copy_of(&example());
    let out = dir.path().join("public");
    render(dir.path(), &out, &[]);
    assert!(!out.join(".reunion-verrou").exists());
    let held = std::fs::File::create(out.join(".reunion-verrou")).unwrap();
    held.lock().unwrap();
    let mut cmd = crate::common::bin();
    crate::common::render_args(&mut cmd, dir.path(), &out).env("REUNION_ATTENTE_PUBLICATION", "1");
    let busy = cmd.output().unwrap();
    assert_eq!(busy.status.code(), Some(2));
    assert!(
        text(&busy.stderr).contains("une autre publication est en cours"),
        "{}",
        text(&busy.stderr)
    );
    drop(held);
    let line = render(dir.path(), &out, &[]);
    assert!(line.contains("fichiers publiés"), "{line}");
    assert!(!out.join(".reunion-verrou").exists());
}

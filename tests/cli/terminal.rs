//! What reaches the terminal: file names printed escaped as the
//! diagnostics escape them (a record named with an escape sequence or a
//! reordering character cannot drive or reorder the terminal), whichever
//! command prints them, and a closed pipe that ends a command quietly with
//! the status it would have had.

use std::process::Command;

use crate::common::{Suivi, bin, copy_dir, example, isolate, run, text};

/// The name given to the last record of the example: it clears the
/// screen, turns the text red and reverses what follows.
const HOSTILE: &str = "2022-05-12-\u{1b}[2J\u{1b}[31mrouge\u{202E}lmth.yaml";

/// How [`HOSTILE`] must be printed.
const SHOWN: &str = "2022-05-12-\\u{1b}[2J\\u{1b}[31mrouge\\u{202e}lmth.yaml";

fn hostile_example() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("irev");
    copy_dir(&example(), &root);
    let year = root.join("reunions/2022");
    std::fs::rename(
        year.join("2022-05-12-rencontre-regionale.yaml"),
        year.join(HOSTILE),
    )
    .unwrap();
    (dir, root)
}

fn assert_escaped(what: &str, printed: &str) {
    assert!(!printed.contains('\u{1b}'), "{what}: {printed:?}");
    assert!(!printed.contains('\u{202E}'), "{what}: {printed:?}");
    assert!(printed.contains(SHOWN), "{what}: {printed}");
}

#[test]
fn a_file_name_holding_escapes_is_printed_escaped() {
    let (_dir, root) = hostile_example();

    let out = run(&root, &["recherche", "quatrième", "rencontre"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_escaped("recherche", &text(&out.stdout));

    let out = run(&root, &["new", "--date", "2022-06-20"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_escaped("new", &text(&out.stderr));
    assert!(!text(&out.stdout).contains('\u{1b}'));
    // The record written names the previous one in a comment, escaped:
    // raw, the ESC would make it invalid.
    let out = run(&root, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    // A broken record: its diagnostic and the summary.
    let record = root.join("reunions/2022").join(HOSTILE);
    let source = std::fs::read_to_string(&record).unwrap();
    std::fs::write(
        &record,
        source.replacen("date: 2022-05-12", "date: 2022-05-32", 1),
    )
    .unwrap();
    let out = run(&root, &["render"]);
    assert_eq!(out.status.code(), Some(1));
    assert_escaped("render", &text(&out.stderr));
    std::fs::write(&record, &source).unwrap();

    // The watcher names the file that changed.
    let mut cmd = bin();
    cmd.arg("-C").arg(&root).args(["render", "--surveiller"]);
    let mut watch = Suivi::spawn(cmd);
    watch.wait_for("surveillance de");
    std::fs::write(&record, source.replacen("Quatrième", "Cinquième", 1)).unwrap();
    watch.wait_for("modifié : ");
    watch.wait_for("] publié : ");
    assert_escaped("render --surveiller", &watch.seen);
}

#[test]
fn new_refuses_a_title_or_place_that_check_would_refuse() {
    let (_dir, root) = hostile_example();
    for args in [
        ["new", "--titre", "Rencontre \u{1b}[31mrouge"],
        ["new", "--titre", "Rencontre \u{202E}enverse"],
        ["new", "--lieu", "Lille\u{2066}"],
    ] {
        let out = run(&root, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(
            err.contains("qu'aucun compte rendu ne peut contenir"),
            "{err}"
        );
        assert!(
            !err.contains('\u{1b}') && !err.contains('\u{202E}'),
            "{err:?}"
        );
    }
    let written: Vec<_> = walkdir::WalkDir::new(root.join("reunions"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .collect();
    assert_eq!(written.len(), 3, "nothing written");
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_usual_status() {
    // Enough diagnostics to fill a pipe many times over: the writes after
    // `head` has gone fail for sure.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("reunion.yaml"), crate::common::CONFIG).unwrap();
    std::fs::create_dir(dir.path().join("reunions")).unwrap();
    for i in 0..400 {
        std::fs::write(
            dir.path().join(format!("reunions/2022-01-01-r{i}.yaml")),
            "titre: x\ndate: 2022-13-45\nmodalite: partout\ninconnu: 1\n",
        )
        .unwrap();
    }
    for (command, status) in [("check", 1), ("check --format json", 1), ("actions", 1)] {
        let mut cmd = Command::new("bash");
        isolate(&mut cmd);
        let out = cmd
            .arg("-c")
            .arg(format!(
                "\"$0\" -C \"$1\" {command} 2>&1 | head -1 >/dev/null; echo \"${{PIPESTATUS[0]}}\""
            ))
            .arg(env!("CARGO_BIN_EXE_reunion"))
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(
            text(&out.stdout).trim(),
            status.to_string(),
            "{command}: {}",
            text(&out.stderr)
        );
    }
}

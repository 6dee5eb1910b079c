//! Clear errors when the system refuses: missing configuration, a record
//! that is a folder, permissions, file size limit, full disk.

use std::path::Path;
use std::process::{Command, Stdio};

use super::{clean_stderr, is_leftover, render_into};
use crate::common::{
    bin, copy_dir, diagnostics, example, files, folder_with, isolate, record, render_args, run,
};

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
    let mut cmd = if has_tool("setpriv") {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        cmd
    } else if has_tool("runuser") {
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
    crate::common::isolate(cmd.arg(&binary)).env("HOME", "/nonexistent");
    Some((cmd, copy))
}

#[cfg(unix)]
/// Whether `tool` is installed and answers `--version`.
fn has_tool(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
/// After a failed publication: no temporary file left, no page cut short.
fn assert_no_half_written_page(out: &Path) {
    for (page, bytes) in files(out) {
        assert!(!is_leftover(&page), "{page}");
        if page.ends_with(".html") {
            assert!(bytes.ends_with(b"</html>\n"), "{page} tronqué");
        }
    }
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
    let found = diagnostics(&out.stdout);
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
    let output = render_args(&mut cmd, &root, &out).output().unwrap();
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
    if !has_tool("prlimit") {
        eprintln!("test sauté : pas de prlimit pour limiter la taille des fichiers");
        return;
    }
    let sandbox = tempfile::tempdir().unwrap();
    let root = sandbox.path().join("dossier");
    copy_dir(&example(), &root);
    let out = sandbox.path().join("public");
    let mut cmd = Command::new("sh");
    isolate(&mut cmd)
        .arg("-c")
        .arg("trap '' XFSZ; exec prlimit --fsize=4096 -- \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_reunion"));
    let output = render_args(&mut cmd, &root, &out).output().unwrap();
    let err = clean_stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("fichier trop gros pour la limite fixée par le système"),
        "{err}"
    );
    assert!(err.contains("relancez `reunion render`"), "{err}");
    assert_no_half_written_page(&out);
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
    assert_no_half_written_page(&out);
}

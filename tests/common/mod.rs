//! Helpers shared by the CLI test binaries.

// Each test binary includes this module and uses only some of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Copies a fixture folder, leaving out a site published in it by hand
/// (`public/`): the tests must not depend on what a developer rendered.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_entry(|e| e.depth() != 1 || e.file_name() != "public")
    {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// The real binary, run by [`isolate`]d rules.
pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_reunion"));
    isolate(&mut cmd);
    cmd
}

/// The environment every run of the binary gets, also when it is started
/// through another program (GNU time, another user): no colours, no width
/// from the terminal, and its cache of records under the build folder
/// rather than the user's.
pub fn isolate(cmd: &mut Command) -> &mut Command {
    cmd.env("NO_COLOR", "1").env_remove("COLUMNS").env(
        "XDG_CACHE_HOME",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache"),
    )
}

/// A fixture folder under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The shipped example folder.
pub fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/irev")
}

/// `reunion -C dir args…`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    bin()
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("reunion runs")
}

/// Every file under `dir`, relative path (with `/`) → bytes.
pub fn files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Output bytes as text; the tool writes UTF-8 only.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

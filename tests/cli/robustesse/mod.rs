//! Hostile input and faults, on the real binary (issue 5): sizes that must
//! stay bounded, a publication killed mid-way, paths that must not lead
//! outside the folder and the output, hostile characters, and the system
//! refusing (permissions, full disk). SECURITY.md lists what each test
//! guarantees.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::{bin, render_args, text};

/// Standard error, with the checks every failure must pass: French, no
/// panic, no Rust debug output.
fn clean_stderr(out: &Output) -> String {
    let err = text(&out.stderr);
    for bad in ["panicked", "RUST_BACKTRACE", "Os {", "kind:", "Error {"] {
        assert!(!err.contains(bad), "« {bad} » dans :\n{err}");
    }
    err
}

/// `reunion -C root render --sortie out`, to run as the test needs.
fn render_into(root: &Path, out: &Path) -> Command {
    let mut cmd = bin();
    render_args(&mut cmd, root, out);
    cmd
}

/// Whether `path` is a temporary file left by an interrupted write.
fn is_leftover(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.starts_with(".reunion-") && name.ends_with(".tmp")
}

mod crash;
mod input;
mod paths;
mod system;

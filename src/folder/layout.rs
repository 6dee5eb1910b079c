//! What is where in a meeting folder, and how a file is named in messages.

use std::path::Path;

/// Folder of the records, inside the meeting folder.
pub const RECORDS_DIR: &str = "reunions";

/// Where `render` publishes by default, inside the meeting folder.
pub const PUBLIC_DIR: &str = "public";

/// Where `render --interne` publishes by default: never the public
/// folder, so that internal parts cannot reach it by mistake.
pub const INTERNAL_DIR: &str = "public-interne";

/// The default output folder of a publication.
pub fn default_output(root: &Path, interne: bool) -> std::path::PathBuf {
    root.join(if interne { INTERNAL_DIR } else { PUBLIC_DIR })
}

/// Path of `path` relative to `root`, with `/` separators.
pub fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

pub(super) fn is_record_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

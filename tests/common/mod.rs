//! Helpers shared by the CLI test binaries.

use std::path::Path;

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

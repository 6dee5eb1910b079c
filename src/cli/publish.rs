//! Publishing a folder from the command line, written once for `render`
//! and `apercu`: load the records (with their digests and the records kept
//! from the last publication), print the diagnostics, publish, keep the
//! records for the next time; and the watch loop that republishes at each
//! change (`render --surveiller`, `apercu`), with the watcher of
//! [`crate::preview::watch`].

use super::error::Error;
use super::term::print_diagnostics;
use crate::cli::term::errln;
use crate::folder::Folder;
use crate::incremental::cache::RecordCache;
use crate::preview::snapshot::Snapshot;
use crate::preview::watch::{Mode, Watcher};
use crate::render::{self, Publication};
use crate::text::visible_path;
use std::path::{Path, PathBuf};

/// Loads the folder to publish it: prints the diagnostics and the count,
/// and fails with [`Error::Invalid`] when a record is invalid.
fn load_valid(root: &Path, cache: &RecordCache) -> Result<Folder, Error> {
    let options = crate::folder::LoadOptions {
        digests: true,
        cache: Some(cache),
        ..Default::default()
    };
    let folder = crate::folder::load_with(root, options)?;
    if folder.has_errors() {
        print_diagnostics(&folder.diagnostics, &folder.sources);
        let (errors, warnings) = folder.counts();
        errln!(
            "{}",
            crate::report::check::summary(folder.fichiers, errors, warnings)
        );
        return Err(Error::Invalid);
    }
    Ok(folder)
}

/// What a publication did.
pub struct Published {
    /// The output folder, resolved.
    pub resolved: PathBuf,
    /// Files written, unchanged, removed…
    pub report: render::writer::Report,
    /// Records published (every valid one has its page).
    pub comptes_rendus: usize,
}

/// Publishes the folder at `root` into `out`. The warnings are printed
/// (they do not stop a publication, but are worth seeing), then `before`
/// may look at the folder and refuse.
pub fn publish(
    root: &Path,
    out: &Path,
    publication: Publication,
    before: impl FnOnce(&Folder) -> Result<(), Error>,
) -> Result<Published, Error> {
    let cache = RecordCache::for_output(out);
    let folder = load_valid(root, &cache)?;
    print_diagnostics(&folder.diagnostics, &folder.sources);
    before(&folder)?;
    let (resolved, report) = render::publish(&folder, out, publication)?;
    // Not kept: the next publication reads every record again.
    let _ = cache.keep(&folder);
    Ok(Published {
        resolved,
        report,
        comptes_rendus: folder.reunions.len(),
    })
}

/// `"s"` when `n` calls for a plural.
pub fn s(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// One publication in watch mode: prints what happened and never stops the
/// watch. A folder with errors is not published, so the pages already
/// written (the last good ones) stay as they were. Returns whether pages
/// were published; `published` is called once they are, before the line
/// that says so.
pub fn publish_once(
    root: &Path,
    out: &Path,
    publication: Publication,
    published: impl FnOnce(),
) -> bool {
    let heure = chrono::Local::now().format("%H:%M:%S");
    match publish(root, out, publication, |_| Ok(())) {
        Ok(Published { report, .. }) => {
            // Before the line is printed: whoever reads it sees the new
            // version.
            published();
            let removed = report.removed.len();
            errln!(
                "[{heure}] publié : {} fichiers, {} écrit{}, {} inchangé{}{}",
                report.fichiers,
                report.written,
                s(report.written),
                report.unchanged,
                s(report.unchanged),
                if removed == 0 {
                    String::new()
                } else {
                    format!(", {removed} retiré{}", s(removed))
                },
            );
            true
        }
        Err(err @ Error::Render(_)) => {
            err.print();
            errln!("[{heure}] les pages déjà publiées restent en place");
            false
        }
        Err(err) => {
            err.print();
            errln!("[{heure}] rien n'a été publié : les pages déjà publiées restent en place");
            false
        }
    }
}

/// Watches the folder and republishes at each change, until the process is
/// stopped. `last` is the snapshot the current publication was made from;
/// `republished` is called after each publication that wrote pages.
pub fn watch(
    root: &Path,
    out: &Path,
    publication: Publication,
    last: Snapshot,
    republished: impl Fn(),
) -> Result<(), Error> {
    let mut watcher = Watcher::start(root, last).map_err(|e| Error::usage(e.to_string(), None))?;
    if let Mode::Polling(why) = watcher.mode() {
        errln!("surveillance par relecture du dossier toutes les secondes : {why}");
    }
    errln!(
        "surveillance de {} : chaque modification republie dans {} (Ctrl+C pour arrêter)",
        visible_path(root),
        visible_path(out)
    );
    loop {
        let (changed, fallback) = watcher
            .next_change()
            .map_err(|e| Error::usage(e.to_string(), None))?;
        if let Some(why) = fallback {
            errln!("surveillance par relecture du dossier toutes les secondes : {why}");
        }
        errln!("modifié : {}", changed.join(", "));
        publish_once(root, out, publication, &republished);
    }
}

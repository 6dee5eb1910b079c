//! Watching a meeting folder for changes, for `reunion render --surveiller`
//! and `reunion apercu`.
//!
//! The system tells of changes (the `notify` crate: inotify on Linux,
//! FSEvents on macOS, ReadDirectoryChangesW on Windows, kqueue on the BSDs),
//! through `notify-debouncer-full` so that an editor's save made of several
//! writes is one change (the full debouncer, not the mini one, because it
//! keeps the kind of each event: opening or reading a file, as a
//! publication does and as the snapshot's own walk does, is ignored, or
//! each look would wake the next). Each folder is watched on its own, found by a walk
//! that never follows a link to a folder: a link to `/usr` under
//! `reunions/` is one entry of its parent, never a watch. An event only says
//! that something may have changed (a file's dates touched, a save that
//! left it as it was): the
//! [`Snapshot`] taken then is compared with the last one, and only a real
//! change is reported.
//!
//! Polling (notify's `PollWatcher`, once a second) is used only where the
//! events cannot be had: a system notify has no back-end for (there its
//! recommended watcher is the poller itself), a native watcher that fails
//! to start or to watch a folder (the inotify limit of watches or of
//! instances reached), or when asked with `REUNION_SURVEILLANCE=sondage`
//! (a network or synced folder, whose remote changes raise no event).

use super::snapshot::{DOSSIERS, Snapshot, folders_under};
use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, NoCache, new_debouncer_opt};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

/// How long events must pause before they are taken as one change.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// How often the debouncer looks at the events it holds.
const TICK: Duration = Duration::from_millis(150);

/// Time between two looks at the folder when polling.
const POLL_INTERVAL: Duration = Duration::from_secs(1);

/// The variable that forces polling.
pub const FORCE_POLLING_VAR: &str = "REUNION_SURVEILLANCE";

/// How the folder is watched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// By the system's events.
    Events,
    /// By polling, for the reason given (French, for the user).
    Polling(String),
}

enum Backend {
    Native(Debouncer<RecommendedWatcher, NoCache>),
    Polling(Debouncer<PollWatcher, NoCache>),
}

impl Backend {
    fn watch(&mut self, dir: &Path) -> notify::Result<()> {
        match self {
            Backend::Native(d) => d.watch(dir, RecursiveMode::NonRecursive),
            Backend::Polling(d) => d.watch(dir, RecursiveMode::NonRecursive),
        }
    }

    fn unwatch(&mut self, dir: &Path) -> notify::Result<()> {
        match self {
            Backend::Native(d) => d.unwatch(dir),
            Backend::Polling(d) => d.unwatch(dir),
        }
    }
}

/// Whether an event may mean a change: not a mere opening or reading.
fn may_change(kind: &EventKind) -> bool {
    !matches!(kind, EventKind::Access(a) if *a != AccessKind::Close(AccessMode::Write))
}

/// Why the folder cannot be watched at all.
#[derive(Debug)]
pub struct WatchError(String);

impl std::fmt::Display for WatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "surveillance du dossier impossible : {}", self.0)
    }
}

impl std::error::Error for WatchError {}

/// A folder being watched.
pub struct Watcher {
    root: PathBuf,
    backend: Backend,
    events: Receiver<DebounceEventResult>,
    watched: BTreeSet<PathBuf>,
    last: Snapshot,
    mode: Mode,
}

/// The folders to watch: `root` itself (for `reunion.yaml` and the
/// creation of the watched folders), and every folder under them.
fn folders_to_watch(root: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::from([root.to_path_buf()]);
    for dir in DOSSIERS {
        let dir = root.join(dir);
        if std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            out.extend(folders_under(&dir));
        }
    }
    out
}

fn notify_config() -> notify::Config {
    notify::Config::default()
        .with_follow_symlinks(false)
        .with_poll_interval(POLL_INTERVAL)
}

fn start_backend(polling: bool) -> Result<(Backend, Receiver<DebounceEventResult>), notify::Error> {
    let (tx, rx) = channel();
    let backend = if polling {
        Backend::Polling(new_debouncer_opt(
            DEBOUNCE,
            Some(TICK),
            tx,
            NoCache,
            notify_config(),
        )?)
    } else {
        Backend::Native(new_debouncer_opt(
            DEBOUNCE,
            Some(TICK),
            tx,
            NoCache,
            notify_config(),
        )?)
    };
    Ok((backend, rx))
}

fn watch_all(backend: &mut Backend, folders: &BTreeSet<PathBuf>) -> Result<(), notify::Error> {
    for dir in folders {
        backend.watch(dir)?;
    }
    Ok(())
}

impl Watcher {
    /// Starts watching `root`; `last` is the snapshot the current
    /// publication was made from.
    pub fn start(root: &Path, last: Snapshot) -> Result<Watcher, WatchError> {
        let forced = std::env::var(FORCE_POLLING_VAR).is_ok_and(|v| v == "sondage");
        let folders = folders_to_watch(root);
        let native = if forced {
            Err(format!("{FORCE_POLLING_VAR}=sondage"))
        } else {
            start_backend(false)
                .and_then(|(mut backend, rx)| {
                    watch_all(&mut backend, &folders)?;
                    Ok((backend, rx))
                })
                .map_err(|e| format!("le système ne donne pas d'événements ({e})"))
        };
        let (backend, events, mode) = match native {
            Ok((backend, rx))
                if <RecommendedWatcher as notify::Watcher>::kind()
                    != notify::WatcherKind::PollWatcher =>
            {
                (backend, rx, Mode::Events)
            }
            Ok((backend, rx)) => (
                backend,
                rx,
                Mode::Polling("ce système n'a pas d'événements de fichiers".into()),
            ),
            Err(reason) => {
                let (mut backend, rx) =
                    start_backend(true).map_err(|e| WatchError(e.to_string()))?;
                watch_all(&mut backend, &folders).map_err(|e| WatchError(e.to_string()))?;
                (backend, rx, Mode::Polling(reason))
            }
        };
        Ok(Watcher {
            root: root.to_path_buf(),
            backend,
            events,
            watched: folders,
            last,
            mode,
        })
    }

    /// How the folder is watched.
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The folders watched now (each on its own, never through a link).
    pub fn watched(&self) -> impl Iterator<Item = &Path> {
        self.watched.iter().map(PathBuf::as_path)
    }

    /// Watches the folders created since the last look, forgets those
    /// removed. A native watcher that cannot take one more folder gives way
    /// to polling; the returned text says why.
    fn refresh_folders(&mut self) -> Option<String> {
        let now = folders_to_watch(&self.root);
        for gone in self.watched.difference(&now) {
            let _ = self.backend.unwatch(gone);
        }
        let mut failed = None;
        for new in now.difference(&self.watched) {
            if let Err(e) = self.backend.watch(new) {
                failed = Some(e);
                break;
            }
        }
        self.watched = now;
        let error = failed?;
        if matches!(self.mode, Mode::Polling(_)) {
            return None;
        }
        let reason = format!("le système ne donne plus d'événements ({error})");
        if let Ok((mut backend, rx)) = start_backend(true)
            && watch_all(&mut backend, &self.watched).is_ok()
        {
            self.backend = backend;
            self.events = rx;
            self.mode = Mode::Polling(reason.clone());
            return Some(reason);
        }
        None
    }

    /// Waits for the next real change of what a publication reads; returns
    /// the files that changed, relative to the folder, and, when the
    /// watcher had to fall back to polling meanwhile, why.
    pub fn next_change(&mut self) -> Result<(Vec<String>, Option<String>), WatchError> {
        loop {
            let stopped = || WatchError("le fil de surveillance s'est arrêté".into());
            // The poller compares modification times in whole seconds
            // only: a record saved twice in one second gives it no event.
            // The snapshot, to the nanosecond and with sizes, is taken
            // at each of its rounds whatever it says.
            let first = if matches!(self.mode, Mode::Polling(_)) {
                match self.events.recv_timeout(POLL_INTERVAL) {
                    Ok(b) => Some(b),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => return Err(stopped()),
                }
            } else {
                Some(self.events.recv().map_err(|_| stopped())?)
            };
            let mut batch: Vec<_> = first.into_iter().collect();
            batch.extend(self.events.try_iter());
            // An error (events lost, a watch gone) is a reason to look too.
            let look = batch.is_empty()
                || batch.iter().any(|b| match b {
                    Ok(events) => events.iter().any(|e| may_change(&e.kind)),
                    Err(_) => true,
                });
            if !look {
                continue;
            }
            let fallback = self.refresh_folders();
            let now = Snapshot::take(&self.root);
            if now == self.last {
                continue;
            }
            let changed = now.changes(&self.last, &self.root);
            self.last = now;
            return Ok((changed, fallback));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("reunion.yaml"), "organisation:\n  nom: x\n").unwrap();
        std::fs::create_dir_all(root.join("reunions/2022")).unwrap();
        std::fs::write(root.join("reunions/2022/a.yaml"), "titre: a\n").unwrap();
        dir
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_big_folder_is_not_watched_and_an_edit_is_seen() {
        let dir = folder();
        let root = dir.path();
        let big = tempfile::tempdir().unwrap();
        for i in 0..50 {
            std::fs::create_dir_all(big.path().join(format!("d{i}/e"))).unwrap();
        }
        std::os::unix::fs::symlink(big.path(), root.join("reunions/usr")).unwrap();
        let mut watcher = Watcher::start(root, Snapshot::take(root)).unwrap();
        let watched: Vec<&Path> = watcher.watched().collect();
        assert_eq!(
            watched,
            [
                root.to_path_buf(),
                root.join("reunions"),
                root.join("reunions/2022")
            ],
        );
        // Reading a record (as a publication does) is no change.
        std::fs::read(root.join("reunions/2022/a.yaml")).unwrap();
        std::fs::write(root.join("reunions/2022/a.yaml"), "titre: ab\n").unwrap();
        let (changed, _) = watcher.next_change().unwrap();
        assert_eq!(changed, ["reunions/2022/a.yaml"]);
        // A folder created later is watched too.
        std::fs::create_dir(root.join("reunions/2023")).unwrap();
        std::fs::write(root.join("reunions/2023/b.yaml"), "titre: b\n").unwrap();
        let (changed, _) = watcher.next_change().unwrap();
        assert_eq!(changed, ["reunions/2023/b.yaml"]);
        assert!(watcher.watched().any(|p| p == root.join("reunions/2023")));
        assert!(
            !watcher
                .watched()
                .any(|p| p.starts_with(root.join("reunions/usr")))
        );
    }

    #[test]
    fn polling_sees_an_edit_too() {
        let dir = folder();
        let root = dir.path();
        let (mut backend, events) = start_backend(true).unwrap();
        let folders = folders_to_watch(root);
        watch_all(&mut backend, &folders).unwrap();
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            backend,
            events,
            watched: folders,
            last: Snapshot::take(root),
            mode: Mode::Polling("test".into()),
        };
        // Modification times may be coarse: a new file is a sure change.
        std::fs::write(root.join("reunions/2022/b.yaml"), "titre: b\n").unwrap();
        let (changed, _) = watcher.next_change().unwrap();
        assert_eq!(changed, ["reunions/2022/b.yaml"]);
    }

    #[test]
    fn polling_sees_an_edit_that_keeps_the_second() {
        let dir = folder();
        let root = dir.path();
        let record = root.join("reunions/2022/a.yaml");
        let (mut backend, events) = start_backend(true).unwrap();
        let folders = folders_to_watch(root);
        watch_all(&mut backend, &folders).unwrap();
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            backend,
            events,
            watched: folders,
            last: Snapshot::take(root),
            mode: Mode::Polling("test".into()),
        };
        // Saved again within the same second as the poller's last round:
        // its modification time, in seconds, is the same.
        let second = std::fs::metadata(&record).unwrap().modified().unwrap();
        std::fs::write(&record, "titre: relu\n").unwrap();
        let file = std::fs::File::options().write(true).open(&record).unwrap();
        file.set_modified(second).unwrap();
        drop(file);
        let (changed, _) = watcher.next_change().unwrap();
        assert_eq!(changed, ["reunions/2022/a.yaml"]);
    }
}

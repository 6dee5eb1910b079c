//! Records already read, kept from one publication to the next so that a
//! `render` after one edit does not parse every record again.
//!
//! An entry is found by the digest of a record's file name and text, and the
//! whole cache holds only for the program and the `reunion.yaml` it was made
//! with. Only records read without any diagnostic are kept: the others are
//! read again, to show their warnings. A cache that is missing, damaged or
//! made by another program is simply not used.
//!
//! The cache lives in the user's cache folder (`$XDG_CACHE_HOME/reunion`,
//! else `~/.cache/reunion`), one file per output folder, and never in the
//! meeting folder: a cache committed by someone else could otherwise make a
//! page say something its record does not.

use super::digest::{self, Digest};
use crate::folder::{Folder, KnownRecords};
use crate::model::Reunion;
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

const MAGIC: &[u8] = b"reunion-cache 1\n";

/// Largest cache read: far above what 10,000 meetings take (60 MiB).
const MAX_BYTES: u64 = 1 << 30;

/// What every entry of a cache depends on: the program and the
/// configuration the records were read with.
fn context(config_source: &str) -> Option<[u8; 32]> {
    let mut d = Digest::empty();
    d.part(&digest::program()?)
        .part(env!("CARGO_PKG_VERSION").as_bytes())
        .part(config_source.as_bytes());
    Some(d.bytes())
}

/// The key of a record: its file name and the digest of its text.
pub fn key(fichier: &str, digest: &[u8; 32]) -> [u8; 32] {
    Digest::empty()
        .part(fichier.as_bytes())
        .part(digest)
        .bytes()
}

/// Where the cache of the publication into `out` is kept; `None` without a
/// cache folder.
pub fn path_for(out: &Path) -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .filter(|d| d.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".cache"))
        })?;
    let out = crate::fsutil::resolve(out).ok()?;
    let name = digest::hex_of(out.as_os_str().as_encoded_bytes());
    Some(base.join("reunion").join(format!("{}.cache", &name[..32])))
}

/// A cache as read, with the records it holds and the file it is kept in.
#[derive(Debug, Default)]
pub struct RecordCache {
    /// Where it is kept; `None` without a cache folder.
    path: Option<PathBuf>,
    context: [u8; 32],
    bytes: Vec<u8>,
    entries: HashMap<[u8; 32], Range<usize>>,
    /// The file ends with an entry cut short (a run killed while adding
    /// to it): the entries before it are good, the next update rewrites it.
    damaged_tail: bool,
}

/// A record's key, and its encoding when it is not in the cache yet.
type Entry = ([u8; 32], Option<Vec<u8>>);

/// How a cache file changes after a run.
#[derive(Debug, PartialEq, Eq)]
pub enum Update {
    /// It already holds every record.
    Nothing,
    /// Entries to add at its end: the records read for the first time.
    Append(Vec<u8>),
    /// A whole new file: first run, another configuration or program, or
    /// more entries of records gone than of records present.
    Rewrite(Vec<u8>),
}

impl RecordCache {
    /// The cache of the publication into `out` ([`path_for`]); empty when
    /// there is none yet or it is damaged, and never kept without a cache
    /// folder.
    pub fn for_output(out: &Path) -> RecordCache {
        path_for(out).map_or_else(RecordCache::default, |path| RecordCache::read(&path))
    }

    /// Reads the cache at `path`; empty when there is none or it is damaged.
    pub fn read(path: &Path) -> RecordCache {
        let too_big = std::fs::metadata(path).map_or(true, |m| m.len() > MAX_BYTES);
        let read = if too_big {
            None
        } else {
            std::fs::read(path).ok().and_then(Self::parse)
        };
        RecordCache {
            path: Some(path.to_path_buf()),
            ..read.unwrap_or_default()
        }
    }

    fn parse(bytes: Vec<u8>) -> Option<RecordCache> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let context: [u8; 32] = rest.get(..32)?.try_into().ok()?;
        let mut at = MAGIC.len() + 32;
        let mut entries = HashMap::new();
        let mut damaged_tail = false;
        while at < bytes.len() {
            let entry = (|| {
                let key: [u8; 32] = bytes.get(at..at + 32)?.try_into().ok()?;
                let len = u32::from_le_bytes(bytes.get(at + 32..at + 36)?.try_into().ok()?);
                let start = at + 36;
                let end = start.checked_add(len as usize)?;
                bytes.get(start..end)?;
                Some((key, start..end))
            })();
            let Some((key, range)) = entry else {
                damaged_tail = true;
                break;
            };
            at = range.end;
            entries.insert(key, range);
        }
        Some(RecordCache {
            path: None,
            context,
            bytes,
            entries,
            damaged_tail,
        })
    }

    /// Whether the entries were made for this configuration by this program.
    pub fn holds_for(&self, config_source: &str) -> bool {
        !self.entries.is_empty() && context(config_source) == Some(self.context)
    }

    /// The record kept under `key`, if any (a damaged entry is none).
    pub fn entry(&self, key: &[u8; 32]) -> Option<Reunion> {
        let range = self.entries.get(key)?;
        postcard::from_bytes(&self.bytes[range.clone()]).ok()
    }

    /// How the cache changes once `folder` was read with it: each of its
    /// valid records read without diagnostic must be in it. `Nothing` too
    /// when the folder was read without digests.
    pub fn updated(&self, folder: &Folder) -> Update {
        let Some(context) = folder.config_source().and_then(context) else {
            return Update::Nothing;
        };
        let same_context = context == self.context && !self.bytes.is_empty();
        // Each record's entry: kept, or encoded now (in parallel: a first
        // publication encodes them all).
        let clean: Vec<(&Reunion, &[u8; 32])> = folder.clean_records().collect();
        let entries: Option<Vec<Entry>> = clean
            .par_iter()
            .map(|&(r, digest)| {
                let key = key(&r.fichier, digest);
                if same_context && self.entries.contains_key(&key) {
                    return Some((key, None));
                }
                Some((key, Some(postcard::to_allocvec(r).ok()?)))
            })
            .collect();
        let Some(entries) = entries else {
            return Update::Nothing;
        };
        let kept = entries.iter().filter(|(_, fresh)| fresh.is_none()).count();
        let gone = self.entries.len() - kept;
        let rewrite = !same_context || self.damaged_tail || gone > kept;
        if !rewrite && kept == entries.len() {
            return Update::Nothing;
        }
        let mut out = Vec::new();
        if rewrite {
            out.reserve(self.bytes.len());
            out.extend_from_slice(MAGIC);
            out.extend_from_slice(&context);
        }
        for (key, fresh) in &entries {
            let blob = match fresh {
                Some(blob) => &blob[..],
                None if rewrite => &self.bytes[self.entries[key].clone()],
                None => continue,
            };
            out.extend_from_slice(key);
            // Records are at most 2 MiB (the largest file read).
            out.extend_from_slice(&(blob.len() as u32).to_le_bytes());
            out.extend_from_slice(blob);
        }
        if rewrite {
            Update::Rewrite(out)
        } else {
            Update::Append(out)
        }
    }

    /// Keeps what this cache becomes once `folder` was read with it, if that
    /// changed anything. A cache that cannot be written only makes the next
    /// run slower: the error is returned for the caller to ignore or show.
    pub fn keep(&self, folder: &Folder) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        match self.updated(folder) {
            Update::Nothing => Ok(()),
            // One record edited adds one entry, instead of writing again
            // the whole cache (50 MB for 10,000 meetings). A run killed
            // while adding leaves a cut entry, which the next one finds and
            // mends.
            Update::Append(bytes) => {
                use std::io::Write;
                std::fs::OpenOptions::new()
                    .append(true)
                    .open(path)?
                    .write_all(&bytes)
            }
            Update::Rewrite(bytes) => {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir)?;
                }
                crate::fsutil::write_atomic(path, &bytes)
            }
        }
    }
}

impl KnownRecords for RecordCache {
    fn holds_for(&self, config_source: &str) -> bool {
        RecordCache::holds_for(self, config_source)
    }

    fn get(&self, fichier: &str, digest: &[u8; 32]) -> Option<Reunion> {
        self.entry(&key(fichier, digest))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_come_back_as_they_were_read() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/irev");
        let folder = crate::folder::load_with(
            &root,
            crate::folder::LoadOptions {
                digests: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert!(!folder.reunions.is_empty());
        let empty = RecordCache::default();
        let Update::Rewrite(bytes) = empty.updated(&folder) else {
            panic!("a new cache is written whole");
        };
        let cache = RecordCache::parse(bytes.clone()).expect("a cache that reads back");
        assert!(cache.holds_for(folder.config_source().unwrap()));
        assert!(!cache.holds_for("organisation:\n  nom: autre\n"));
        for r in &folder.reunions {
            let k = key(&r.fichier, &folder.digests[&r.fichier]);
            assert_eq!(cache.entry(&k).as_ref(), Some(r), "{}", r.fichier);
        }
        // Nothing changed: nothing to write.
        assert_eq!(cache.updated(&folder), Update::Nothing);
        // A damaged header: not used. A cut last entry: the others are,
        // and the next update writes the whole file again.
        assert!(RecordCache::parse(bytes[..MAGIC.len() + 10].to_vec()).is_none());
        let mut wrong = bytes.clone();
        wrong[0] = b'R';
        assert!(RecordCache::parse(wrong).is_none());
        let cut = RecordCache::parse(bytes[..bytes.len() - 3].to_vec()).unwrap();
        assert_eq!(cut.entries.len(), folder.reunions.len() - 1);
        assert!(matches!(cut.updated(&folder), Update::Rewrite(b) if b == bytes));

        // One record missing from the cache: only its entry is added, and
        // the cache with it reads as the whole one.
        let last = &folder.reunions[folder.reunions.len() - 1];
        let last_key = key(&last.fichier, &folder.digests[&last.fichier]);
        let start = cache.entries[&last_key].start - 36;
        let without_last = RecordCache::parse(bytes[..start].to_vec()).unwrap();
        assert!(!without_last.damaged_tail);
        let Update::Append(added) = without_last.updated(&folder) else {
            panic!("one entry appended");
        };
        assert_eq!([&bytes[..start], &added[..]].concat(), bytes);

        // Records gone outnumber those still there: written whole again.
        let mut fewer = crate::folder::load_with(
            &root,
            crate::folder::LoadOptions {
                digests: true,
                ..Default::default()
            },
        )
        .unwrap();
        fewer.reunions.truncate(1);
        assert!(matches!(cache.updated(&fewer), Update::Rewrite(_)));
    }
}

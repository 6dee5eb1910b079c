//! The site's search page: its index, a script file that assigns one JSON
//! object to `window.REUNION_RECHERCHE` (a page opened from the disk may
//! not `fetch()` a file, but it may load a script), and the small script
//! that searches it.
//!
//! The index holds the same fields as `reunion recherche` (see
//! `crate::analysis::search`), as plain text with their weights, and the query words
//! to drop; `recherche.js` repeats the comparison rules of `search.rs` (accents,
//! case, elisions, plurals, beginnings of words) and its scoring. Only
//! published text goes in: participants and excused people are not
//! indexed at all.

use super::views::Views;
use crate::analysis::search::{MOTS_VIDES, champs};
use crate::model::Reunion;
use serde::Serialize;

/// The script that searches the index, shipped as it is.
pub const SCRIPT: &str = include_str!("../../templates/recherche.js");

/// Path of the index in the site.
pub const INDEX: &str = "assets/recherche-index.js";
/// Path of the script in the site.
pub const SCRIPT_CHEMIN: &str = "assets/recherche.js";

#[derive(Serialize)]
struct ReunionIndex {
    titre: String,
    /// « jeudi 3 mars 2022 ».
    date: String,
    /// `2022-03-03`, to rank newest first.
    iso: String,
    /// Page, from the site root, with its extension.
    lien: String,
}

/// A field: [meeting, path, label, section anchor, weight, text]. Arrays
/// rather than objects keep the index small.
type ChampIndex = (
    usize,
    String,
    &'static str,
    Option<&'static str>,
    f64,
    String,
);

/// The index, serialized meeting by meeting as it is written: on a folder
/// of thousands of meetings it is as large as the records, and is never
/// held twice in memory.
#[derive(Serialize)]
struct Index<'a> {
    vides: &'static [&'static str],
    reunions: Reunions<'a>,
    champs: Champs<'a>,
}

struct Reunions<'a>(&'a [Reunion], &'a Views<'a>);

impl Serialize for Reunions<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|r| {
            let lien = self.1.lien(r);
            ReunionIndex {
                titre: lien.titre,
                date: lien.date.longue,
                iso: lien.date.iso,
                lien: format!("{}.html", lien.lien),
            }
        }))
    }
}

struct Champs<'a>(&'a [Reunion]);

impl Serialize for Champs<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().enumerate().flat_map(|(i, r)| {
            champs(r)
                .into_iter()
                .map(move |c| -> ChampIndex { (i, c.chemin, c.libelle, c.ancre, c.poids, c.texte) })
        }))
    }
}

const INDEX_HEAD: &str = "// Index de la recherche, écrit par reunion render : ne pas modifier.\nwindow.REUNION_RECHERCHE = ";

/// The index file of `reunions`.
pub fn index_js(reunions: &[Reunion], views: &Views<'_>) -> Vec<u8> {
    let index = Index {
        vides: MOTS_VIDES,
        reunions: Reunions(reunions, views),
        champs: Champs(reunions),
    };
    let mut out = INDEX_HEAD.as_bytes().to_vec();
    // JSON is a JavaScript expression; serde_json escapes every control
    // character, and nothing in a script file can close it early.
    if serde_json::to_writer(&mut out, &index).is_err() {
        out.truncate(INDEX_HEAD.len());
        out.extend_from_slice(b"{}");
    }
    out.extend_from_slice(b";\n");
    out
}

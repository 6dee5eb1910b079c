//! The site's search page: its index, a script file that assigns one JSON
//! object to `window.REUNION_RECHERCHE` (a page opened from the disk may
//! not `fetch()` a file, but it may load a script), and the small script
//! that searches it.
//!
//! The index holds the same fields as `reunion recherche` (see
//! `crate::search`), as plain text with their weights, and the query words
//! to drop; `recherche.js` repeats the comparison rules of `search.rs` (accents,
//! case, elisions, plurals, beginnings of words) and its scoring. Only
//! published text goes in: participants and excused people are not
//! indexed at all.

use super::views::Views;
use crate::model::Reunion;
use crate::search::{MOTS_VIDES, champs};
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

#[derive(Serialize)]
struct Index {
    vides: &'static [&'static str],
    reunions: Vec<ReunionIndex>,
    champs: Vec<ChampIndex>,
}

/// The index file of `reunions`.
pub fn index_js(reunions: &[Reunion], views: &Views<'_>) -> String {
    let mut index = Index {
        vides: MOTS_VIDES,
        reunions: Vec::new(),
        champs: Vec::new(),
    };
    for (i, r) in reunions.iter().enumerate() {
        let lien = views.lien(r);
        index.reunions.push(ReunionIndex {
            titre: lien.titre,
            date: lien.date.longue,
            iso: lien.date.iso,
            lien: format!("{}.html", lien.lien),
        });
        for c in champs(r) {
            index
                .champs
                .push((i, c.chemin, c.libelle, c.ancre, c.poids, c.texte));
        }
    }
    // JSON is a JavaScript expression; serde_json escapes every control
    // character, and nothing in a script file can close it early.
    let json = serde_json::to_string(&index).unwrap_or_else(|_| "{}".into());
    format!(
        "// Index de la recherche, écrit par reunion render : ne pas modifier.\nwindow.REUNION_RECHERCHE = {json};\n"
    )
}

//! The name of every page of the site, decided once so that links and files
//! agree and two records or territories never share a page; and the links
//! to them, encoded for a URL.

use crate::model::Reunion;
use crate::read::config::Config;
use crate::text::slug;
use std::collections::{BTreeMap, HashMap};

/// Percent-encodes one path segment, so that a record named
/// `2022-03-03 bilan #1.yaml` still gives a working link.
fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// File names of every page, decided once for the whole site so that links
/// and files agree and two records or territories never share a page.
#[derive(Debug, Clone, Default)]
pub struct Pages {
    /// Record file (`Reunion::fichier`) → file name without extension.
    reunions: HashMap<String, String>,
    /// Canonical territory name → file name without extension.
    territoires: HashMap<String, String>,
    /// Action ids that have a fiche page (`fiches/<id>`): ids are already
    /// lower-case slugs, unique in the folder, so they are the file names.
    fiches: HashMap<String, String>,
}

fn unique(base: String, taken: &mut BTreeMap<String, ()>) -> String {
    let base = if base.is_empty() {
        "page".to_string()
    } else {
        base
    };
    let mut name = base.clone();
    let mut n = 2;
    while taken.contains_key(&name.to_lowercase()) {
        name = format!("{base}-{n}");
        n += 1;
    }
    // Compared without case: two pages differing only by case would be one
    // file on macOS and Windows.
    taken.insert(name.to_lowercase(), ());
    name
}

/// Longest record file name kept as a page name: with a `-2` and `.html`
/// added, it stays far below the 255 bytes file systems allow.
const PAGE_NAME_MAX: usize = 120;

/// The page name of a record file: its stem, unless that could not be a
/// visible file name on every system or a link target without surprise (a
/// leading dot, `\\`, `:`, `<`, `>`, `"`, `|`, `?`, `*`, a control,
/// reordering or otherwise invisible character, a trailing dot or space, a
/// name Windows keeps for a device such as `CON` or `nul.2022`, more than
/// [`PAGE_NAME_MAX`] bytes); then its slug (which is never such a name). A file named `..\\..\\x.yaml`,
/// `<script>.yaml` or `.htaccess.yaml` cannot name a page that escapes its
/// folder, hides, or reads differently from what it is.
fn page_name(stem: &str) -> String {
    let plain = !stem.is_empty()
        && !stem.starts_with('.')
        && !stem.ends_with(['.', ' '])
        && stem.len() <= PAGE_NAME_MAX
        && !crate::text::is_windows_reserved(stem)
        && !stem.chars().any(|c| {
            matches!(c, '/' | '\\' | ':' | '<' | '>' | '"' | '|' | '?' | '*')
                || crate::text::is_invisible(c)
                || crate::text::forbidden_char(c).is_some()
        });
    if plain { stem.to_string() } else { slug(stem) }
}

impl Pages {
    /// Names pages after record stems and territory slugs.
    pub fn new(reunions: &[Reunion], config: &Config) -> Pages {
        let mut pages = Pages::default();
        let mut taken = BTreeMap::new();
        for r in reunions {
            let name = unique(page_name(r.stem()), &mut taken);
            pages.reunions.insert(r.fichier.clone(), name);
        }
        let mut taken = BTreeMap::new();
        for t in config.territoires.all() {
            let name = unique(slug(&t.nom), &mut taken);
            pages.territoires.insert(t.nom.clone(), name);
        }
        // Ids are checked plain names already; the same rule as for meeting
        // pages still applies, so that no id can make an empty or hidden
        // file name (found by the `render` fuzz target on a hand-built
        // model).
        let mut taken = BTreeMap::new();
        for f in crate::analysis::fiche::published(reunions) {
            let name = unique(page_name(&f.id), &mut taken);
            pages.fiches.insert(f.id, name);
        }
        pages
    }

    /// Page of the fiche of action `id`, when the site has one.
    pub fn fiche_lien(&self, id: &str) -> Option<String> {
        self.fiches
            .get(id)
            .map(|name| format!("fiches/{}", encode_segment(name)))
    }

    /// File name (no extension) of the fiche of action `id`.
    pub fn fiche_file(&self, id: &str) -> String {
        self.fiches.get(id).cloned().unwrap_or_else(|| {
            let name = page_name(id);
            if name.is_empty() {
                "fiche".to_string()
            } else {
                name
            }
        })
    }

    /// File name (no extension) of a meeting's page.
    pub fn reunion_file(&self, r: &Reunion) -> String {
        self.reunions
            .get(&r.fichier)
            .cloned()
            .unwrap_or_else(|| page_name(r.stem()))
    }

    /// File name (no extension) of a territory's page.
    pub fn territoire_file(&self, nom: &str) -> String {
        self.territoires
            .get(nom)
            .cloned()
            .unwrap_or_else(|| slug(nom))
    }

    /// Page of the meeting recorded in `fichier`, when the site has it.
    pub fn reunion_lien_of(&self, fichier: &str) -> Option<String> {
        self.reunions
            .get(fichier)
            .map(|name| format!("reunions/{}", encode_segment(name)))
    }

    pub(crate) fn reunion_lien(&self, r: &Reunion) -> String {
        format!("reunions/{}", encode_segment(&self.reunion_file(r)))
    }

    pub(crate) fn territoire_lien(&self, nom: &str) -> String {
        format!("territoires/{}", encode_segment(&self.territoire_file(nom)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::config::parse_config;

    fn meeting(fichier: &str, text: &str, config: &Config) -> Reunion {
        crate::read::record::valid_record(fichier, text, config)
    }

    #[test]
    fn fiche_file_names_are_never_empty_nor_hidden() {
        // Found by the `render` fuzz target: an empty id gave `fiches/.html`.
        let pages = Pages::default();
        assert_eq!(pages.fiche_file(""), "fiche");
        assert_eq!(pages.fiche_file(".."), "fiche");
        assert_eq!(pages.fiche_file(".x"), "x");
        assert_eq!(pages.fiche_file("lille-gpds"), "lille-gpds");
    }

    #[test]
    fn page_names_are_plain_whatever_the_file_name() {
        assert_eq!(page_name("2022-03-03-rencontre"), "2022-03-03-rencontre");
        assert_eq!(page_name("..\\..\\x"), "x");
        assert_eq!(page_name(".."), "");
        assert_eq!(page_name(".htaccess"), "htaccess");
        assert_eq!(page_name("2022-03-03-<script>"), "2022-03-03-script");
        assert_eq!(page_name("2022-03-03-\u{202E}lmth"), "2022-03-03-lmth");
        // Found by the `render` fuzz target: a tab or a line break in a
        // file name is allowed by the system, not in a published page name.
        assert_eq!(
            page_name("2022-03-03-tab\tulation"),
            "2022-03-03-tab-ulation"
        );
        assert_eq!(page_name("2022-03-03-a\nb"), "2022-03-03-a-b");
        // Names Windows keeps for its devices, and invisible characters.
        assert_eq!(page_name("CON"), "con-page");
        assert_eq!(page_name("nul.2022"), "nul-2022");
        assert_eq!(page_name("Com1"), "com1-page");
        assert_eq!(page_name("lpt¹"), "lpt1-page");
        assert_eq!(page_name("2022-03-03-a\u{200B}b"), "2022-03-03-a-b");
        assert_eq!(page_name("2022-03-03-\u{AD}x\u{FEFF}"), "2022-03-03-x");
        assert_eq!(page_name("2022-03-03-con"), "2022-03-03-con");
        assert!(page_name(&"a".repeat(250)).len() <= 60);
        // An empty name still gets a page of its own.
        let mut taken = BTreeMap::new();
        assert_eq!(unique(page_name(".."), &mut taken), "page");
    }

    #[test]
    fn pages_never_collide() {
        let (config, _) = parse_config(
            "organisation:\n  nom: x\nterritoires: [\"Saint-Omer\", \"Saint Omer (ville)\"]\n",
            None,
        );
        let a = meeting(
            "reunions/2022/2022-03-03-bilan #1.yaml",
            "titre: A\ndate: 2022-03-03\nmodalite: visio\n",
            &config,
        );
        let b = meeting(
            "reunions/2023/2022-03-03-BILAN #1.yaml",
            "titre: B\ndate: 2022-03-03\nmodalite: visio\n",
            &config,
        );
        let pages = Pages::new(&[a.clone(), b.clone()], &config);
        assert_eq!(pages.reunion_file(&a), "2022-03-03-bilan #1");
        assert_eq!(pages.reunion_file(&b), "2022-03-03-BILAN #1-2");
        assert_eq!(pages.reunion_lien(&a), "reunions/2022-03-03-bilan%20%231");
        assert_eq!(pages.territoire_file("Saint-Omer"), "saint-omer");
        assert_eq!(
            pages.territoire_file("Saint Omer (ville)"),
            "saint-omer-ville"
        );
    }
}

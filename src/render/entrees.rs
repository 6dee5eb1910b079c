//! What each page is made of, as a digest: a second `render` keeps the
//! compte rendu and fiche pages whose inputs have not changed since it wrote
//! them, instead of rendering them again (the digests are kept in the output
//! folder's manifest).
//!
//! A page's inputs are everything that may change its bytes: the program
//! itself, the folder's own templates, `reunion.yaml`, the publication's
//! options, and the records it shows with the names of the pages it links
//! to. Pages made from the whole folder (index, territories, lists, search
//! index) are rendered every time.

use super::templates::Templates;
use super::views::{Pages, Publication};
use crate::config::CONFIG_FILE;
use crate::fiche::Fiche;
use crate::folder::Folder;
use crate::model::Reunion;
use std::collections::HashMap;

/// A digest being built from length-prefixed parts, so that no two lists of
/// parts give the same bytes.
pub(super) struct Digest(blake3::Hasher);

impl Digest {
    /// A digest of nothing yet.
    pub(super) fn empty() -> Self {
        Digest(blake3::Hasher::new())
    }

    fn new(global: &[u8; 32], kind: &str) -> Self {
        let mut d = Digest::empty();
        d.part(global);
        d.part(kind.as_bytes());
        d
    }

    pub(super) fn part(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    fn text(&mut self, text: Option<&str>) -> &mut Self {
        match text {
            None => self.part(b"\xff"),
            Some(t) => self.part(b"=").part(t.as_bytes()),
        }
    }

    fn hex(&self) -> String {
        self.0.finalize().to_hex().to_string()
    }

    pub(super) fn bytes(&self) -> [u8; 32] {
        *self.0.finalize().as_bytes()
    }
}

/// The inputs shared by every page, and each record's digest.
pub struct Entrees<'f> {
    global: [u8; 32],
    records: &'f HashMap<String, [u8; 32]>,
}

impl<'f> Entrees<'f> {
    /// `None` when the program cannot be read or the folder was loaded
    /// without digests: every page is then rendered.
    pub fn new(
        folder: &'f Folder,
        templates: &Templates,
        publication: Publication,
        logo: Option<&str>,
    ) -> Option<Self> {
        if folder.empreintes.len() != folder.reunions.len() {
            return None;
        }
        let mut d = Digest::empty();
        d.part(b"reunion render 1")
            .part(&crate::cache::program()?)
            .part(env!("CARGO_PKG_VERSION").as_bytes())
            .part(&templates.empreinte)
            .part(folder.sources.get(CONFIG_FILE)?.as_bytes())
            .part(&[u8::from(publication.avec_noms)])
            .part(logo.unwrap_or("").as_bytes());
        Some(Entrees {
            global: d.bytes(),
            records: &folder.empreintes,
        })
    }

    fn record(&self, d: &mut Digest, pages: &Pages, r: &Reunion) -> Option<()> {
        d.part(r.fichier.as_bytes())
            .part(self.records.get(&r.fichier)?)
            .part(pages.reunion_file(r).as_bytes());
        Some(())
    }

    /// The inputs of a compte rendu: its record, the meetings before and
    /// after it (their titles and dates are linked), and which of its
    /// actions have a fiche (decided by later meetings too).
    pub fn reunion(
        &self,
        pages: &Pages,
        r: &Reunion,
        voisines: (Option<&Reunion>, Option<&Reunion>),
    ) -> Option<String> {
        let mut d = Digest::new(&self.global, "reunion");
        self.record(&mut d, pages, r)?;
        for voisine in [voisines.0, voisines.1] {
            match voisine {
                None => {
                    d.part(b"-");
                }
                Some(v) => self.record(&mut d, pages, v)?,
            }
        }
        for a in &r.actions {
            d.text(pages.fiche_lien(&a.id).as_deref());
        }
        Some(d.hex())
    }

    /// The inputs of the pages made from the whole folder (index, lists,
    /// search index, calendar): every meeting.
    pub fn dossier(&self, pages: &Pages, reunions: &[Reunion]) -> Option<String> {
        let mut d = Digest::new(&self.global, "dossier");
        for r in reunions {
            self.record(&mut d, pages, r)?;
        }
        Some(d.hex())
    }

    /// The inputs of a territory's page: the meetings where its actions
    /// were told, and which of those actions have a fiche.
    pub fn territoire(&self, pages: &Pages, nom: &str, reunions: &[Reunion]) -> Option<String> {
        let mut d = Digest::new(&self.global, "territoire");
        d.part(nom.as_bytes());
        for r in reunions {
            let mut actions = r.actions.iter().filter(|a| a.territoire == nom).peekable();
            if actions.peek().is_none() {
                continue;
            }
            self.record(&mut d, pages, r)?;
            for a in actions {
                d.text(pages.fiche_lien(&a.id).as_deref());
            }
        }
        Some(d.hex())
    }

    /// The inputs of a fiche: every meeting where its action was told.
    pub fn fiche(&self, pages: &Pages, f: &Fiche<'_>) -> Option<String> {
        let mut d = Digest::new(&self.global, "fiche");
        d.part(f.id.as_bytes());
        d.part(pages.fiche_file(&f.id).as_bytes());
        for etape in &f.etapes {
            self.record(&mut d, pages, etape.reunion)?;
        }
        Some(d.hex())
    }
}

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

use super::digest::{self, Digest};
use crate::analysis::fiche::Fiche;
use crate::folder::Folder;
use crate::model::Reunion;
use std::collections::HashMap;

/// The names the published pages get, as far as a page's bytes depend on
/// them: a page links to other pages by these names.
pub trait PageNames {
    /// The file of a meeting's compte rendu.
    fn reunion_file(&self, r: &Reunion) -> String;
    /// The link to the fiche of an action id, when it has one.
    fn fiche_link(&self, id: &str) -> Option<String>;
    /// The file of the fiche of an action id.
    fn fiche_file(&self, id: &str) -> String;
}

/// Digest of a page kind's inputs, beginning with what every page shares.
fn kind(global: &[u8; 32], kind: &str) -> Digest {
    let mut d = Digest::empty();
    d.part(global);
    d.part(kind.as_bytes());
    d
}

/// The inputs shared by every page, and each record's digest.
pub struct PageInputs<'f> {
    global: [u8; 32],
    records: &'f HashMap<String, [u8; 32]>,
}

impl<'f> PageInputs<'f> {
    /// `None` when the program cannot be read or the folder was loaded
    /// without digests: every page is then rendered.
    ///
    /// `templates` is the digest of the folder's templates, `options` the
    /// publication's options as bytes (each option that changes a page).
    pub fn new(
        folder: &'f Folder,
        templates: &[u8; 32],
        options: &[u8],
        logo: Option<&str>,
    ) -> Option<Self> {
        if !folder.is_digested() {
            return None;
        }
        let mut d = Digest::empty();
        d.part(b"reunion render 1")
            .part(&digest::program()?)
            .part(env!("CARGO_PKG_VERSION").as_bytes())
            .part(templates)
            .part(folder.config_source()?.as_bytes())
            .part(options)
            .part(logo.unwrap_or("").as_bytes());
        Some(PageInputs {
            global: d.bytes(),
            records: &folder.digests,
        })
    }

    fn record(&self, d: &mut Digest, pages: &dyn PageNames, r: &Reunion) -> Option<()> {
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
        pages: &dyn PageNames,
        r: &Reunion,
        voisines: (Option<&Reunion>, Option<&Reunion>),
    ) -> Option<String> {
        let mut d = kind(&self.global, "reunion");
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
            d.text(pages.fiche_link(&a.id).as_deref());
        }
        Some(d.hex())
    }

    /// The inputs of the pages made from the whole folder (index, lists,
    /// search index, calendar): every meeting.
    pub fn dossier(&self, pages: &dyn PageNames, reunions: &[Reunion]) -> Option<String> {
        let mut d = kind(&self.global, "dossier");
        for r in reunions {
            self.record(&mut d, pages, r)?;
        }
        Some(d.hex())
    }

    /// The inputs of a territory's page: the meetings where its actions
    /// were told, and which of those actions have a fiche.
    pub fn territoire(
        &self,
        pages: &dyn PageNames,
        nom: &str,
        reunions: &[Reunion],
    ) -> Option<String> {
        let mut d = kind(&self.global, "territoire");
        d.part(nom.as_bytes());
        for r in reunions {
            let mut actions = r.actions.iter().filter(|a| a.territoire == nom).peekable();
            if actions.peek().is_none() {
                continue;
            }
            self.record(&mut d, pages, r)?;
            for a in actions {
                d.text(pages.fiche_link(&a.id).as_deref());
            }
        }
        Some(d.hex())
    }

    /// The inputs of a fiche: every meeting where its action was told.
    pub fn fiche(&self, pages: &dyn PageNames, f: &Fiche<'_>) -> Option<String> {
        let mut d = kind(&self.global, "fiche");
        d.part(f.id.as_bytes());
        d.part(pages.fiche_file(&f.id).as_bytes());
        for etape in &f.etapes {
            self.record(&mut d, pages, etape.reunion)?;
        }
        Some(d.hex())
    }
}

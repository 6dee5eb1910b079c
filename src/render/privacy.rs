//! The one place where published text loses its people's names: without
//! `--avec-noms`, every published text of every record
//! ([`crate::model::people::each_public_text_mut`]) has the names
//! [`crate::privacy`] finds replaced, before any view, page, search index
//! or calendar is made from it. Templates and views then never see a name
//! typed in prose.

use super::views::Publication;
use crate::folder::Folder;
use crate::model::Reunion;
use crate::model::people::{self, each_public_text, each_public_text_mut};
use crate::privacy::People;
use crate::read::record::{default_action_id, default_suite_id};
use std::collections::HashMap;
use std::ops::Deref;

/// The folder as it is published: the folder itself when nothing is to
/// be replaced, else a copy whose records have their names replaced.
pub struct PublicFolder<'f> {
    folder: Result<&'f Folder, Box<Folder>>,
    /// The people declared, when names are replaced.
    people: Option<People>,
    /// Whether internal parts are published (`--interne`).
    interne: bool,
}

impl Deref for PublicFolder<'_> {
    type Target = Folder;

    fn deref(&self) -> &Folder {
        match &self.folder {
            Ok(f) => f,
            Err(copy) => copy,
        }
    }
}

/// Whether a text of `r` holds a name `people` finds.
fn names_a_person(people: &People, r: &Reunion) -> bool {
    let mut found = false;
    each_public_text(r, &mut |_, t| found = found || !people.find(t).is_empty());
    found
}

impl<'f> PublicFolder<'f> {
    /// `folder` as `publication` publishes it: without its internal parts
    /// (unless `--interne`), then without its names (unless
    /// `--avec-noms`).
    pub fn new(folder: &'f Folder, publication: Publication) -> Self {
        use rayon::prelude::*;
        let strip = !publication.interne && folder.reunions.par_iter().any(Reunion::has_internal);
        // Names declared in an internal part are replaced wherever else
        // they are typed: the people come from the whole folder.
        let people = (!publication.avec_noms).then(|| people::people(&folder.reunions));
        let names = people
            .as_ref()
            .is_some_and(|p| folder.reunions.par_iter().any(|r| names_a_person(p, r)));
        if !strip && !names {
            return PublicFolder {
                folder: Ok(folder),
                people,
                interne: publication.interne,
            };
        }
        let public: Vec<Reunion> = if strip {
            folder.reunions.par_iter().map(Reunion::public).collect()
        } else {
            folder.reunions.clone()
        };
        let reunions = match people.as_ref().filter(|_| names) {
            Some(people) => {
                let mut redacted: Vec<Reunion> =
                    public.par_iter().map(|r| redacted(people, r)).collect();
                follow_renamed_ids(&public, &mut redacted);
                redacted
            }
            None => public,
        };
        let copy = Folder {
            root: folder.root.clone(),
            config: folder.config.clone(),
            reunions,
            diagnostics: Vec::new(),
            sources: folder.sources.clone(),
            fichiers: folder.fichiers,
            digests: folder.digests.clone(),
            without_diagnostic: folder.without_diagnostic.clone(),
        };
        PublicFolder {
            folder: Err(Box::new(copy)),
            people,
            interne: publication.interne,
        }
    }

    /// `r` as published: its copy in this folder, or `r` itself made
    /// public when the folder does not hold it.
    pub fn reunion(&self, r: &Reunion) -> Reunion {
        if let Some(p) = self.reunions.iter().find(|p| p.fichier == r.fichier) {
            return p.clone();
        }
        let public = if self.interne { r.clone() } else { r.public() };
        match &self.people {
            None => public,
            Some(people) => redacted(people, &public),
        }
    }

    /// What the published text depends on beyond each record: the people
    /// declared anywhere in the folder (a name declared in one record is
    /// replaced in another's pages).
    pub fn digest_bytes(&self) -> Vec<u8> {
        self.people
            .as_ref()
            .map(People::digest_bytes)
            .unwrap_or_default()
    }
}

/// An id derived from a title that changed is written in the records that
/// follow the same practice or follow-up under that id (`reunion new`
/// writes the id of a carried follow-up): they keep one history.
fn follow_renamed_ids(original: &[Reunion], published: &mut [Reunion]) {
    let mut actions: HashMap<String, String> = HashMap::new();
    let mut suites: HashMap<String, String> = HashMap::new();
    for (o, p) in original.iter().zip(published.iter()) {
        for (a, b) in o.actions.iter().zip(&p.actions) {
            if !a.id_explicite && a.id != b.id {
                actions.entry(a.id.clone()).or_insert_with(|| b.id.clone());
            }
        }
        for (a, b) in o.suites.iter().zip(&p.suites) {
            if !a.id_explicite && a.id != b.id {
                suites.entry(a.id.clone()).or_insert_with(|| b.id.clone());
            }
        }
    }
    for r in published {
        for a in r.actions.iter_mut().filter(|a| a.id_explicite) {
            if let Some(id) = actions.get(&a.id) {
                a.id.clone_from(id);
            }
        }
        for s in r.suites.iter_mut().filter(|s| s.id_explicite) {
            if let Some(id) = suites.get(&s.id) {
                s.id.clone_from(id);
            }
        }
    }
}

/// A copy of `r` with the names of its published texts replaced. The ids
/// derived from a title (not written in the record) are derived again from
/// the title as published: they name pages and anchors, and « Passerelle
/// de Mme Nordez » must not give `fiches/lille-passerelle-de-mme-nordez`.
/// The same title gives the same id in every record, so a practice
/// followed over several meetings keeps one fiche.
pub fn redacted(people: &People, r: &Reunion) -> Reunion {
    let mut copy = r.clone();
    each_public_text_mut(&mut copy, &mut |_, t| people.redact_in_place(t));
    for a in copy.actions.iter_mut().filter(|a| !a.id_explicite) {
        a.id = default_action_id(&a.territoire, &a.titre);
    }
    let date = copy.date;
    for s in copy.suites.iter_mut().filter(|s| !s.id_explicite) {
        s.id = default_suite_id(date, &s.quoi);
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn load(dir: &str) -> Folder {
        crate::folder::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).unwrap()
    }

    #[test]
    fn the_example_is_published_as_written() {
        let folder = load("examples/irev");
        let public = PublicFolder::new(&folder, Publication::default());
        assert!(public.folder.is_ok(), "a text of the example was changed");
        // And no text of it holds what would be taken for a name.
        let nobody = People::new([]);
        for r in &folder.reunions {
            each_public_text(r, &mut |path, t| {
                assert!(nobody.find(t).is_empty(), "{:?}: {t}", path);
            });
        }
    }

    #[test]
    fn no_field_of_a_published_record_keeps_a_name() {
        let folder = load("tests/fixtures/noms-partout");
        let public = PublicFolder::new(&folder, Publication::default());
        assert!(public.folder.is_err());
        for r in &public.reunions {
            let mut r = r.clone();
            // Personal data, published only with --avec-noms by the views.
            for p in r
                .participants
                .iter_mut()
                .chain(&mut r.excuses)
                .chain(&mut r.absents)
                .chain(&mut r.redaction)
                .chain(r.points.iter_mut().flat_map(|p| &mut p.intervenants))
            {
                p.nom = None;
            }
            for a in &mut r.actions {
                a.redaction.contact = None;
            }
            let json = serde_json::to_string(&r).unwrap().to_lowercase();
            for name in [
                "nordez",
                "quillard",
                "tavernier",
                "vautrin",
                "fauconnier",
                "brocard",
                "lemarchand",
            ] {
                assert!(!json.contains(name), "{name} in {json}");
            }
        }
        let avec = PublicFolder::new(
            &folder,
            Publication {
                avec_noms: true,
                interne: true,
            },
        );
        assert_eq!(avec.reunions, folder.reunions);
        assert!(avec.folder.is_ok());
    }
}

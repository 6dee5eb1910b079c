//! The entry points of publication: the whole site into a folder
//! ([`publish`]) or in memory ([`site_pages`]), one compte rendu or one fiche
//! as a standalone document.

use super::error::RenderError;
use super::logo::logo;
use super::output::{Format, Memory, Page};
use super::renderer::Renderer;
use super::tasks::PageGroup;
use super::templates::Templates;
use super::views::{self, Pages, Publication};
use super::writer;
use crate::folder::Folder;
use crate::incremental::inputs::{PageInputs, PageNames};
use crate::model::Reunion;
use std::path::{Path, PathBuf};

/// Every file of the site of a valid folder, in memory, sorted by path.
pub fn site_pages(
    folder: &Folder,
    templates: &Templates,
    publication: Publication,
) -> Result<Vec<Page>, RenderError> {
    let logo = logo(folder)?;
    let renderer = Renderer::new(
        folder,
        templates,
        publication,
        logo.as_ref().map(|(p, _)| p.clone()),
    );
    let memory = Memory(std::sync::Mutex::new(Vec::new()));
    renderer.site(&memory, None)?;
    let mut pages = memory
        .0
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((chemin, contenu)) = logo {
        pages.push(Page { chemin, contenu });
    }
    pages.sort_by(|a, b| a.chemin.cmp(&b.chemin));
    Ok(pages)
}

/// The pages of one group of the site of a valid folder, in memory, sorted
/// by path: the same bytes as those pages of [`site_pages`].
pub fn group_pages(
    folder: &Folder,
    templates: &Templates,
    publication: Publication,
    group: PageGroup,
) -> Result<Vec<Page>, RenderError> {
    let logo = logo(folder)?;
    let renderer = Renderer::new(folder, templates, publication, logo.map(|(p, _)| p));
    let memory = Memory(std::sync::Mutex::new(Vec::new()));
    renderer.group(group, &memory)?;
    let mut pages = memory
        .0
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    pages.sort_by(|a, b| a.chemin.cmp(&b.chemin));
    Ok(pages)
}

/// The compte rendu of one meeting as a standalone document: the HTML one
/// carries its stylesheet and links nowhere, to be pasted or attached.
pub fn render_meeting(
    folder: &Folder,
    templates: &Templates,
    reunion: &Reunion,
    format: Format,
    publication: Publication,
) -> Result<String, RenderError> {
    let renderer = Renderer::new(folder, templates, publication, None);
    let reunion = renderer.folder.reunion(reunion);
    let ctx = renderer.meeting_context(&reunion, (None, None), true);
    renderer.render_in("reunion", format, &ctx)
}

/// The fiche expérience of action `id` as a standalone document (the HTML
/// one carries its stylesheet and links nowhere); `Ok(None)` when no
/// meeting tells that action. Any statut is printed: the writer of a fiche
/// still `a_documenter` sees what is there and what is missing.
pub fn render_fiche(
    folder: &Folder,
    templates: &Templates,
    id: &str,
    format: Format,
    publication: Publication,
) -> Result<Option<String>, RenderError> {
    let renderer = Renderer::new(folder, templates, publication, None);
    let Some(fiche) = crate::analysis::fiche::fiche(&renderer.folder.reunions, id) else {
        return Ok(None);
    };
    let vue = views::follow::fiche(&renderer.views(), &fiche);
    let ctx = renderer.fiche_context(&vue, true);
    renderer.render_in("fiche", format, &ctx).map(Some)
}

/// Folders of the site, below its root.
const SITE_DIRS: [&str; 4] = ["reunions", "territoires", "fiches", "assets"];

/// Publishes a valid folder into `out`: templates loaded, output folder
/// checked, every page rendered and staged, then put in place. A folder
/// loaded with its digests ([`crate::folder::load_with`]) lets the pages
/// whose inputs did not change be kept without rendering them again.
pub fn publish(
    folder: &Folder,
    out: &Path,
    publication: Publication,
) -> Result<(PathBuf, writer::Report), RenderError> {
    let templates = Templates::load(&folder.root)?;
    let logo = logo(folder)?;
    let logo_path = logo.as_ref().map(|(p, _)| p.clone());
    let renderer = Renderer::new(folder, &templates, publication, logo_path.clone());
    // A page's names are replaced from the people of the whole folder.
    let mut options = vec![
        u8::from(publication.avec_noms),
        u8::from(publication.interne),
    ];
    options.extend(renderer.folder.digest_bytes());
    let inputs_of = PageInputs::new(folder, &templates.digest, &options, logo_path.as_deref());
    let resolved = writer::check_output(&folder.root, out)?;
    let writer = writer::Writer::open(&resolved, &SITE_DIRS)?;
    renderer.site(&writer, inputs_of.as_ref())?;
    if let Some((chemin, contenu)) = logo {
        writer.put(&chemin, &contenu, None)?;
    }
    let report = writer.commit()?;
    Ok((resolved, report))
}

/// A page's bytes depend on the names of the pages it links to.
impl PageNames for Pages {
    fn reunion_file(&self, r: &Reunion) -> String {
        Pages::reunion_file(self, r)
    }

    fn fiche_link(&self, id: &str) -> Option<String> {
        self.fiche_lien(id)
    }

    fn fiche_file(&self, id: &str) -> String {
        Pages::fiche_file(self, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The groups the fuzz target renders one at a time are the whole
    /// site, page for page and byte for byte.
    #[test]
    fn the_groups_are_the_site() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/irev");
        let folder = crate::folder::load(&root).unwrap();
        let templates = Templates::builtin().unwrap();
        let publication = Publication::default();
        let site: Vec<_> = site_pages(&folder, &templates, publication)
            .unwrap()
            .into_iter()
            .filter(|p| !p.chemin.starts_with("assets/logo"))
            .map(|p| (p.chemin, p.contenu))
            .collect();
        let mut groups: Vec<_> = PageGroup::ALL
            .into_iter()
            .flat_map(|g| group_pages(&folder, &templates, publication, g).unwrap())
            .map(|p| (p.chemin, p.contenu))
            .collect();
        groups.sort();
        assert!(site.len() > 10);
        let names =
            |pages: &[(String, Vec<u8>)]| pages.iter().map(|p| p.0.clone()).collect::<Vec<_>>();
        assert_eq!(names(&site), names(&groups));
        for (a, b) in site.iter().zip(&groups) {
            assert!(a.1 == b.1, "{} diffère", a.0);
        }
    }
}

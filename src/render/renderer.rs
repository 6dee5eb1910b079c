//! The renderer of one folder with one set of templates: what every page
//! shares (the site's view, the page names), the context of each kind of
//! page, and both output languages of a page from one context.

use super::error::RenderError;
use super::output::{Format, Sink};
use super::privacy::PublicFolder;
use super::templates::Templates;
use super::views::{self, Pages, Publication, SiteVue, Views};
use crate::folder::Folder;
use crate::incremental::inputs::PageInputs;
use crate::model::Reunion;
use tera::Context;

/// What every page of both formats shares, computed once.
pub(super) struct Common<'v> {
    pub(super) views: &'v Views<'v>,
    /// Digest of the inputs of the pages made from the whole folder.
    pub(super) dossier: Option<&'v str>,
    pub(super) inputs_of: Option<&'v PageInputs<'v>>,
    /// The practices with a fiche on the site.
    pub(super) fiches: &'v [crate::analysis::fiche::Fiche<'v>],
}

/// Renders pages of one folder with one set of templates.
pub(super) struct Renderer<'a> {
    pub(super) folder: PublicFolder<'a>,
    pub(super) templates: &'a Templates,
    pub(super) pages: Pages,
    pub(super) publication: Publication,
    pub(super) site: SiteVue,
}

impl<'a> Renderer<'a> {
    pub(super) fn new(
        folder: &'a Folder,
        templates: &'a Templates,
        publication: Publication,
        logo: Option<String>,
    ) -> Self {
        // Every page is made from the folder as published: without
        // --avec-noms, its texts have lost their people's names.
        let folder = PublicFolder::new(folder, publication);
        Renderer {
            pages: Pages::new(&folder.reunions, &folder.config),
            site: SiteVue {
                organisation: folder.config.organisation.nom.clone(),
                logo,
                interne: publication.interne,
            },
            folder,
            templates,
            publication,
        }
    }

    pub(super) fn views(&self) -> Views<'_> {
        Views::new(&self.folder.config, &self.pages, self.publication)
    }

    /// Variables every page receives.
    pub(super) fn context(&self, racine: &str, page_courante: &str, autonome: bool) -> Context {
        let mut ctx = Context::new();
        ctx.insert("site", &self.site);
        ctx.insert("racine", racine);
        ctx.insert("page_courante", page_courante);
        ctx.insert("autonome", &autonome);
        ctx.insert(
            "feuille_de_style",
            if autonome {
                self.templates.stylesheet.as_str()
            } else {
                ""
            },
        );
        ctx
    }

    pub(super) fn render(&self, template: &str, ctx: &Context) -> Result<String, RenderError> {
        Ok(self.templates.render(template, ctx)?)
    }

    /// The variables of a compte rendu's page, the same for both formats.
    pub(super) fn meeting_context(
        &self,
        reunion: &Reunion,
        voisines: (Option<&Reunion>, Option<&Reunion>),
        autonome: bool,
    ) -> Context {
        let mut ctx = self.context("../", "reunion", autonome);
        ctx.insert("reunion", &self.views().compte_rendu(reunion, voisines));
        ctx
    }

    /// The variables of a fiche's page, the same for both formats.
    pub(super) fn fiche_context(&self, fiche: &views::follow::FicheVue, autonome: bool) -> Context {
        let mut ctx = self.context("../", "fiche", autonome);
        ctx.insert("fiche", fiche);
        ctx
    }

    /// Renders template `name` (without extension) in `format`.
    pub(super) fn render_in(
        &self,
        name: &str,
        format: Format,
        ctx: &Context,
    ) -> Result<String, RenderError> {
        self.render(&format!("{name}.{}", format.extension()), ctx)
    }

    /// Renders template `name` in both formats with the same variables and
    /// hands the pages to `sink` (`chemins`: the HTML page, then the
    /// Markdown one).
    pub(super) fn both_formats(
        &self,
        sink: &dyn Sink,
        name: &str,
        ctx: &Context,
        chemins: [String; 2],
        inputs: Option<&str>,
    ) -> Result<(), RenderError> {
        for (format, chemin) in [Format::Html, Format::Markdown].into_iter().zip(chemins) {
            let page = self.render_in(name, format, ctx)?;
            sink.put(chemin, page.into_bytes(), inputs)?;
        }
        Ok(())
    }
}

/// The first error of pages rendered in parallel, in the order of the
/// pages, so that the same folder always reports the same one.
pub(super) fn first_error(results: Vec<Result<(), RenderError>>) -> Result<(), RenderError> {
    results.into_iter().collect()
}

//! Publishing: the compte rendu of each meeting, the index, the territory
//! pages, the list of actions, the fiches expériences, the open follow-ups
//! and the calendar, as Markdown and as an accessible static site. No
//! terminal code here: the CLI calls [`publish`], [`render_meeting`] and
//! [`render_fiche`] and prints what they return.
//!
//! Pages are handed to the output as they are rendered, never all held in
//! memory; they are put in place only once every page has rendered
//! ([`site::Writer`]), so a broken template leaves the output as it was. The
//! compte rendu and fiche pages whose inputs have not changed since the last
//! publication are not rendered again ([`entrees`]). Output is
//! deterministic: the same folder gives the same bytes.

pub mod audit;
pub mod entrees;
pub mod graphique;
pub mod markdown;
pub mod recherche;
pub mod site;
pub mod suivi;
pub mod templates;
pub mod views;

use crate::folder::Folder;
use crate::model::Reunion;
use entrees::Entrees;
use rayon::prelude::*;
use std::fmt;
use std::path::{Path, PathBuf};
use templates::{TemplateError, Templates};
use tera::Context;
pub use views::Publication;
use views::{Pages, SiteVue, Views};

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown, for git, e-mail and wikis.
    Markdown,
    /// A standalone HTML document.
    Html,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// One file of the publication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Path relative to the output folder, with `/` separators.
    pub chemin: String,
    /// Its bytes.
    pub contenu: Vec<u8>,
}

/// Why a publication failed.
#[derive(Debug)]
pub enum RenderError {
    /// A template is broken.
    Template(TemplateError),
    /// The output could not be written.
    Output(site::OutputError),
    /// The logo could not be read.
    Logo {
        /// Its path.
        path: PathBuf,
        /// The system's error.
        error: std::io::Error,
    },
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Template(t) => {
                write!(f, "{} : {}", t.diagnostic.fichier, t.diagnostic.message)
            }
            RenderError::Output(o) => o.fmt(f),
            RenderError::Logo { path, error } => {
                write!(
                    f,
                    "lecture impossible du logo {} : {}",
                    path.display(),
                    crate::fsutil::reason(error)
                )
            }
        }
    }
}

impl std::error::Error for RenderError {}

impl From<TemplateError> for RenderError {
    fn from(e: TemplateError) -> Self {
        RenderError::Template(e)
    }
}

impl From<site::OutputError> for RenderError {
    fn from(e: site::OutputError) -> Self {
        RenderError::Output(e)
    }
}

/// Image types a logo may have, and the largest logo copied.
const LOGO_TYPES: [&str; 6] = ["svg", "png", "jpg", "jpeg", "gif", "webp"];
const LOGO_MAX_BYTES: u64 = 5 * 1024 * 1024;

/// The logo of the configuration, as (path in the site, bytes). A logo that
/// is missing was already reported by the configuration check as a warning:
/// the pages are then published without it.
fn logo(folder: &Folder) -> Result<Option<(String, Vec<u8>)>, RenderError> {
    let Some(logo) = &folder.config.organisation.logo else {
        return Ok(None);
    };
    if !crate::config::is_safe_relative_path(logo) {
        return Ok(None);
    }
    let path = folder.root.join(logo);
    let Some(ext) = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .filter(|e| LOGO_TYPES.contains(&e.as_str()))
    else {
        return Ok(None);
    };
    match std::fs::metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(RenderError::Logo { path, error }),
        Ok(m) if !m.is_file() || m.len() > LOGO_MAX_BYTES => return Ok(None),
        Ok(_) => {}
    }
    let bytes = std::fs::read(&path).map_err(|error| RenderError::Logo {
        path: path.clone(),
        error,
    })?;
    Ok(Some((format!("assets/logo.{ext}"), bytes)))
}

/// What every page of both formats shares, computed once.
struct Common<'v> {
    views: &'v Views<'v>,
    /// Digest of the inputs of the pages made from the whole folder.
    dossier: Option<&'v str>,
    entrees: Option<&'v Entrees<'v>>,
    /// The practices with a fiche on the site.
    fiches: &'v [crate::fiche::Fiche<'v>],
}

/// Renders pages of one folder with one set of templates.
struct Renderer<'a> {
    folder: &'a Folder,
    templates: &'a Templates,
    pages: Pages,
    publication: Publication,
    site: SiteVue,
}

impl<'a> Renderer<'a> {
    fn new(
        folder: &'a Folder,
        templates: &'a Templates,
        publication: Publication,
        logo: Option<String>,
    ) -> Self {
        Renderer {
            folder,
            templates,
            pages: Pages::new(&folder.reunions, &folder.config),
            publication,
            site: SiteVue {
                organisation: folder.config.organisation.nom.clone(),
                logo,
            },
        }
    }

    fn views(&self) -> Views<'_> {
        Views::new(&self.folder.config, &self.pages, self.publication)
    }

    /// Variables every page receives.
    fn context(&self, racine: &str, page_courante: &str, autonome: bool) -> Context {
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

    fn render(&self, template: &str, ctx: &Context) -> Result<String, RenderError> {
        Ok(self.templates.render(template, ctx)?)
    }

    /// The variables of a compte rendu's page, the same for both formats.
    fn meeting_context(
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
    fn fiche_context(&self, fiche: &suivi::FicheVue, autonome: bool) -> Context {
        let mut ctx = self.context("../", "fiche", autonome);
        ctx.insert("fiche", fiche);
        ctx
    }

    /// Renders template `name` (without extension) in `format`.
    fn render_in(&self, name: &str, format: Format, ctx: &Context) -> Result<String, RenderError> {
        self.render(&format!("{name}.{}", format.extension()), ctx)
    }

    /// Renders template `name` in both formats with the same variables and
    /// hands the pages to `sink` (`chemins`: the HTML page, then the
    /// Markdown one).
    fn both_formats(
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

    /// The index of the site and the list of follow-ups, both formats.
    fn index_and_suites(&self, common: &Common<'_>, sink: &dyn Sink) -> Result<(), RenderError> {
        let reunions = &self.folder.reunions;
        let views = common.views;
        let chemins = ["index.html", "index.md", "suites.html", "suites.md"];
        if let Some(inputs) = common.dossier
            && sink.reuse(&chemins, inputs)
        {
            return Ok(());
        }
        let [ih, im, sh, sm] = chemins.map(str::to_string);
        // Made here, after the pages were found to need it: a publication
        // where nothing changed does not build them.
        let suites = suivi::suites(views, reunions);
        // The view of each fiche holds its texts: made for the summary and
        // dropped, made again for its page.
        let resume = suivi::resume(
            &suites,
            common.fiches.iter().map(|f| suivi::fiche(views, f)),
        );
        let presence = crate::presence::presence(
            &self.folder.config,
            reunions,
            &crate::presence::FiltrePresence::default(),
        );
        let presence = graphique::presence_vue(&presence, views);
        let mut ctx = self.context("", "index", false);
        let newest_first: Vec<_> = reunions.iter().rev().map(|r| views.resume(r)).collect();
        ctx.insert("reunions", &newest_first);
        ctx.insert("presence", &presence);
        ctx.insert("territoires", &views.territoires(reunions));
        ctx.insert("suivi", &resume);
        self.both_formats(sink, "index", &ctx, [ih, im], common.dossier)?;
        drop(ctx);
        let mut ctx = self.context("", "suites", false);
        ctx.insert("suites", &suites);
        self.both_formats(sink, "suites", &ctx, [sh, sm], common.dossier)
    }

    /// The page of each territory, both formats.
    fn territory_pages(&self, common: &Common<'_>, sink: &dyn Sink) -> Result<(), RenderError> {
        let reunions = &self.folder.reunions;
        let views = common.views;
        first_error(
            self.folder
                .config
                .territoires
                .all()
                .par_iter()
                .map(|t| {
                    let name = self.pages.territoire_file(&t.nom);
                    let chemins = [
                        format!("territoires/{name}.html"),
                        format!("territoires/{name}.md"),
                    ];
                    let inputs = common
                        .entrees
                        .and_then(|e| e.territoire(&self.pages, &t.nom, reunions));
                    if let Some(inputs) = &inputs
                        && sink.reuse(&[&chemins[0], &chemins[1]], inputs)
                    {
                        return Ok(());
                    }
                    let vue = views.territoire(&t.nom, reunions);
                    for (format, chemin) in
                        [Format::Html, Format::Markdown].into_iter().zip(chemins)
                    {
                        let mut ctx = self.context("../", "territoire", false);
                        ctx.insert("territoire", &vue);
                        let page =
                            self.render(&format!("territoire.{}", format.extension()), &ctx)?;
                        sink.put(chemin, page.into_bytes(), inputs.as_deref())?;
                    }
                    Ok(())
                })
                .collect(),
        )
    }

    /// The list of every action, by territory, both formats: the largest
    /// pages of a large folder.
    fn actions_pages(&self, common: &Common<'_>, sink: &dyn Sink) -> Result<(), RenderError> {
        let chemins = ["actions.html", "actions.md"];
        if let Some(inputs) = common.dossier
            && sink.reuse(&chemins, inputs)
        {
            return Ok(());
        }
        let mut ctx = self.context("", "actions", false);
        ctx.insert(
            "territoires",
            &common.views.actions_par_territoire(&self.folder.reunions),
        );
        self.both_formats(
            sink,
            "actions",
            &ctx,
            chemins.map(str::to_string),
            common.dossier,
        )
    }

    /// The pages of the site that exist in one format only.
    fn single_pages(&self, sink: &dyn Sink, common: &Common<'_>) -> Result<(), RenderError> {
        const CHEMINS: [&str; 6] = [
            "agenda.ics",
            "accessibilite.html",
            "recherche.html",
            recherche::INDEX,
            recherche::SCRIPT_CHEMIN,
            "assets/style.css",
        ];
        let inputs = common.dossier;
        if let Some(inputs) = inputs
            && sink.reuse(&CHEMINS, inputs)
        {
            return Ok(());
        }
        let reunions = &self.folder.reunions;
        // The calendar to subscribe to: the same file as `reunion agenda
        // --ics`, its links absolute when `site` is configured.
        let events = crate::agenda::events(reunions, &self.folder.config);
        let ics = crate::agenda::ics(
            &events,
            &self.folder.config,
            &crate::agenda::IcsOptions {
                site: self.folder.config.site.clone(),
            },
        );
        let ctx = self.context("", "accessibilite", false);
        let accessibilite = self.render("accessibilite.html", &ctx)?;
        let ctx = self.context("", "recherche", false);
        let recherche = self.render("recherche.html", &ctx)?;
        let contenus = [
            ics.into_bytes(),
            accessibilite.into_bytes(),
            recherche.into_bytes(),
            recherche::index_js(reunions, common.views),
            recherche::SCRIPT.as_bytes().to_vec(),
            self.templates.stylesheet.clone().into_bytes(),
        ];
        for (chemin, contenu) in CHEMINS.into_iter().zip(contenus) {
            sink.put(chemin.to_string(), contenu, inputs)?;
        }
        Ok(())
    }

    /// The compte rendu of each meeting, both formats; those whose inputs
    /// did not change are kept as they are.
    fn meeting_pages(
        &self,
        sink: &dyn Sink,
        entrees: Option<&Entrees<'_>>,
    ) -> Result<(), RenderError> {
        let reunions = &self.folder.reunions;
        first_error(
            reunions
                .par_iter()
                .enumerate()
                .map(|(i, r)| {
                    let voisines = (i.checked_sub(1).map(|j| &reunions[j]), reunions.get(i + 1));
                    let name = self.pages.reunion_file(r);
                    let html = format!("reunions/{name}.html");
                    let md = format!("reunions/{name}.md");
                    let inputs = entrees.and_then(|e| e.reunion(&self.pages, r, voisines));
                    if let Some(inputs) = &inputs
                        && sink.reuse(&[&html, &md], inputs)
                    {
                        return Ok(());
                    }
                    let ctx = self.meeting_context(r, voisines, false);
                    self.both_formats(sink, "reunion", &ctx, [html, md], inputs.as_deref())
                })
                .collect(),
        )
    }

    /// The fiche of each published action, both formats; those whose inputs
    /// did not change are kept as they are.
    fn fiche_pages(
        &self,
        sink: &dyn Sink,
        fiches: &[crate::fiche::Fiche<'_>],
        entrees: Option<&Entrees<'_>>,
    ) -> Result<(), RenderError> {
        first_error(
            fiches
                .par_iter()
                .map(|fiche| {
                    let name = self.pages.fiche_file(&fiche.id);
                    let html = format!("fiches/{name}.html");
                    let md = format!("fiches/{name}.md");
                    let inputs = entrees.and_then(|e| e.fiche(&self.pages, fiche));
                    if let Some(inputs) = &inputs
                        && sink.reuse(&[&html, &md], inputs)
                    {
                        return Ok(());
                    }
                    let ctx = self.fiche_context(&suivi::fiche(&self.views(), fiche), false);
                    self.both_formats(sink, "fiche", &ctx, [html, md], inputs.as_deref())
                })
                .collect(),
        )
    }

    /// Every page of the site, handed to `sink`.
    fn site(&self, sink: &dyn Sink, entrees: Option<&Entrees<'_>>) -> Result<(), RenderError> {
        let reunions = &self.folder.reunions;
        let views = self.views();
        let fiches = crate::fiche::published(reunions);
        let dossier = entrees.and_then(|e| e.dossier(&self.pages, reunions));
        let common = Common {
            views: &views,
            dossier: dossier.as_deref(),
            entrees,
            fiches: &fiches,
        };
        // The pages of the whole folder are a few large ones, the others
        // many small ones: all are rendered side by side so that both cores
        // stay busy, the list of actions (its view of every action is the
        // largest thing a publication holds) beside everything else.
        let (actions, others) = rayon::join(
            || self.actions_pages(&common, sink),
            || {
                // Independent tasks, so that a core done with its own takes
                // over one still waiting.
                let (whole, (single, each)) = rayon::join(
                    || {
                        self.index_and_suites(&common, sink)
                            .and_then(|()| self.territory_pages(&common, sink))
                    },
                    || {
                        rayon::join(
                            || self.single_pages(sink, &common),
                            || {
                                self.meeting_pages(sink, entrees)
                                    .and_then(|()| self.fiche_pages(sink, &fiches, entrees))
                            },
                        )
                    },
                );
                whole.and(single).and(each)
            },
        );
        actions.and(others)
    }
}

/// The first error of pages rendered in parallel, in the order of the
/// pages, so that the same folder always reports the same one.
fn first_error(results: Vec<Result<(), RenderError>>) -> Result<(), RenderError> {
    results.into_iter().collect()
}

/// Where rendered pages go: the output folder, or memory.
trait Sink: Sync {
    /// Whether the pages at `chemins`, made from `inputs`, are already in
    /// place and are kept as they are.
    fn reuse(&self, chemins: &[&str], inputs: &str) -> bool;
    /// Takes one page, made from `inputs` when they are known.
    fn put(
        &self,
        chemin: String,
        contenu: Vec<u8>,
        inputs: Option<&str>,
    ) -> Result<(), RenderError>;
}

impl Sink for site::Writer {
    fn reuse(&self, chemins: &[&str], inputs: &str) -> bool {
        site::Writer::reuse(self, chemins, inputs)
    }

    fn put(
        &self,
        chemin: String,
        contenu: Vec<u8>,
        inputs: Option<&str>,
    ) -> Result<(), RenderError> {
        Ok(site::Writer::put(self, &chemin, &contenu, inputs)?)
    }
}

/// Every page kept in memory.
struct Memory(std::sync::Mutex<Vec<Page>>);

impl Sink for Memory {
    fn reuse(&self, _: &[&str], _: &str) -> bool {
        false
    }

    fn put(&self, chemin: String, contenu: Vec<u8>, _: Option<&str>) -> Result<(), RenderError> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(Page { chemin, contenu });
        Ok(())
    }
}

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
    let ctx = renderer.meeting_context(reunion, (None, None), true);
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
    let Some(fiche) = crate::fiche::fiche(&folder.reunions, id) else {
        return Ok(None);
    };
    let renderer = Renderer::new(folder, templates, publication, None);
    let vue = suivi::fiche(&renderer.views(), &fiche);
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
) -> Result<(PathBuf, site::Report), RenderError> {
    let templates = Templates::load(&folder.root)?;
    let logo = logo(folder)?;
    let logo_path = logo.as_ref().map(|(p, _)| p.clone());
    let entrees = Entrees::new(folder, &templates, publication, logo_path.as_deref());
    let renderer = Renderer::new(folder, &templates, publication, logo_path);
    let resolved = site::check_output(&folder.root, out)?;
    let writer = site::Writer::open(&resolved, &SITE_DIRS)?;
    renderer.site(&writer, entrees.as_ref())?;
    if let Some((chemin, contenu)) = logo {
        writer.put(&chemin, &contenu, None)?;
    }
    let report = writer.commit()?;
    Ok((resolved, report))
}

//! Publishing: the compte rendu of each meeting, the index, the territory
//! pages, the list of actions, the fiches expériences, the open follow-ups
//! and the calendar, as Markdown and as an accessible static site. No
//! terminal code here: the CLI calls [`publish`], [`render_meeting`] and
//! [`render_fiche`] and prints what they return.
//!
//! Everything is computed in memory first; files are written only once every
//! page has rendered, so a broken template leaves the output as it was.
//! Output is deterministic: the same folder gives the same bytes.

pub mod audit;
pub mod graphique;
pub mod markdown;
pub mod recherche;
pub mod site;
pub mod suivi;
pub mod templates;
pub mod views;

use crate::folder::Folder;
use crate::model::Reunion;
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
    fiches: &'v [suivi::FicheVue],
    suites: &'v suivi::SuitesVue,
    resume: &'v suivi::SuiviResume,
    presence: &'v graphique::PresenceVue,
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

    fn meeting(
        &self,
        reunion: &Reunion,
        voisines: (Option<&Reunion>, Option<&Reunion>),
        format: Format,
        autonome: bool,
    ) -> Result<String, RenderError> {
        let mut ctx = self.context("../", "reunion", autonome);
        ctx.insert("reunion", &self.views().compte_rendu(reunion, voisines));
        self.render(&format!("reunion.{}", format.extension()), &ctx)
    }

    fn fiche(
        &self,
        fiche: &suivi::FicheVue,
        format: Format,
        autonome: bool,
    ) -> Result<String, RenderError> {
        let mut ctx = self.context("../", "fiche", autonome);
        ctx.insert("fiche", fiche);
        self.render(&format!("fiche.{}", format.extension()), &ctx)
    }

    /// The pages that exist in both formats, for one format.
    fn format_pages(&self, format: Format, common: &Common<'_>) -> Result<Vec<Page>, RenderError> {
        let reunions = &self.folder.reunions;
        let views = common.views;
        let ext = format.extension();
        let mut pages = Vec::new();
        let mut push = |chemin: String, text: String| {
            pages.push(Page {
                chemin,
                contenu: text.into_bytes(),
            })
        };
        let mut ctx = self.context("", "index", false);
        let newest_first: Vec<_> = reunions.iter().rev().map(|r| views.resume(r)).collect();
        ctx.insert("reunions", &newest_first);
        ctx.insert("presence", common.presence);
        ctx.insert("territoires", &views.territoires(reunions));
        ctx.insert("suivi", common.resume);
        push(
            format!("index.{ext}"),
            self.render(&format!("index.{ext}"), &ctx)?,
        );

        // Pages of meetings, territories and fiches are independent:
        // rendered in parallel, collected in order so the output stays the
        // same.
        let meetings: Vec<Result<(String, String), RenderError>> = reunions
            .par_iter()
            .enumerate()
            .map(|(i, r)| {
                let before = i.checked_sub(1).map(|j| &reunions[j]);
                let after = reunions.get(i + 1);
                Ok((
                    format!("reunions/{}.{ext}", self.pages.reunion_file(r)),
                    self.meeting(r, (before, after), format, false)?,
                ))
            })
            .collect();
        for page in meetings {
            let (chemin, text) = page?;
            push(chemin, text);
        }

        let territoires: Vec<Result<(String, String), RenderError>> = self
            .folder
            .config
            .territoires
            .all()
            .par_iter()
            .map(|t| {
                let mut ctx = self.context("../", "territoire", false);
                ctx.insert("territoire", &views.territoire(&t.nom, reunions));
                Ok((
                    format!("territoires/{}.{ext}", self.pages.territoire_file(&t.nom)),
                    self.render(&format!("territoire.{ext}"), &ctx)?,
                ))
            })
            .collect();
        for page in territoires {
            let (chemin, text) = page?;
            push(chemin, text);
        }

        let mut ctx = self.context("", "actions", false);
        ctx.insert("territoires", &views.actions_par_territoire(reunions));
        push(
            format!("actions.{ext}"),
            self.render(&format!("actions.{ext}"), &ctx)?,
        );

        let rendered: Vec<Result<(String, String), RenderError>> = common
            .fiches
            .par_iter()
            .map(|f| {
                Ok((
                    format!("fiches/{}.{ext}", self.pages.fiche_file(&f.id)),
                    self.fiche(f, format, false)?,
                ))
            })
            .collect();
        for page in rendered {
            let (chemin, text) = page?;
            push(chemin, text);
        }

        let mut ctx = self.context("", "suites", false);
        ctx.insert("suites", common.suites);
        push(
            format!("suites.{ext}"),
            self.render(&format!("suites.{ext}"), &ctx)?,
        );
        Ok(pages)
    }

    fn site(&self) -> Result<Vec<Page>, RenderError> {
        let reunions = &self.folder.reunions;
        let views = self.views();
        let fiches: Vec<suivi::FicheVue> = crate::fiche::published(reunions)
            .iter()
            .map(|f| suivi::fiche(&views, f))
            .collect();
        let suites = suivi::suites(&views, reunions);
        let resume = suivi::resume(&suites, &fiches);
        let presence = crate::presence::presence(
            &self.folder.config,
            reunions,
            &crate::presence::FiltrePresence::default(),
        );
        let presence = graphique::presence_vue(&presence, &views);
        let common = Common {
            views: &views,
            fiches: &fiches,
            suites: &suites,
            resume: &resume,
            presence: &presence,
        };
        // The HTML and the Markdown sites are built side by side.
        let (html, markdown) = rayon::join(
            || self.format_pages(Format::Html, &common),
            || self.format_pages(Format::Markdown, &common),
        );
        let mut pages = html?;
        pages.extend(markdown?);
        let mut push = |chemin: String, text: String| {
            pages.push(Page {
                chemin,
                contenu: text.into_bytes(),
            })
        };
        // The calendar to subscribe to: the same file as `reunion agenda
        // --ics`, its links absolute when `site` is configured.
        let events = crate::agenda::events(reunions, &self.folder.config);
        push(
            "agenda.ics".to_string(),
            crate::agenda::ics(
                &events,
                &self.folder.config,
                &crate::agenda::IcsOptions {
                    site: self.folder.config.site.clone(),
                },
            ),
        );
        let ctx = self.context("", "accessibilite", false);
        push(
            "accessibilite.html".to_string(),
            self.render("accessibilite.html", &ctx)?,
        );
        let ctx = self.context("", "recherche", false);
        push(
            "recherche.html".to_string(),
            self.render("recherche.html", &ctx)?,
        );
        push(
            recherche::INDEX.to_string(),
            recherche::index_js(reunions, &views),
        );
        push(
            recherche::SCRIPT_CHEMIN.to_string(),
            recherche::SCRIPT.to_string(),
        );
        pages.push(Page {
            chemin: "assets/style.css".to_string(),
            contenu: self.templates.stylesheet.clone().into_bytes(),
        });
        pages.sort_by(|a, b| a.chemin.cmp(&b.chemin));
        Ok(pages)
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
    let mut pages = renderer.site()?;
    if let Some((chemin, contenu)) = logo {
        pages.push(Page { chemin, contenu });
        pages.sort_by(|a, b| a.chemin.cmp(&b.chemin));
    }
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
    Renderer::new(folder, templates, publication, None).meeting(reunion, (None, None), format, true)
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
    renderer.fiche(&vue, format, true).map(Some)
}

/// Publishes a valid folder into `out`: templates loaded, every page
/// rendered, output folder checked, then files written.
pub fn publish(
    folder: &Folder,
    out: &Path,
    publication: Publication,
) -> Result<(PathBuf, site::Report, Vec<Page>), RenderError> {
    let templates = Templates::load(&folder.root)?;
    let pages = site_pages(folder, &templates, publication)?;
    let resolved = site::check_output(&folder.root, out)?;
    let report = site::write(&resolved, &pages)?;
    Ok((resolved, report, pages))
}

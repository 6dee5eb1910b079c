//! The pages of a site as tasks run in parallel: the index and follow-ups,
//! the territory pages, the list of actions, the pages made once (search
//! index, calendar, stylesheet), each compte rendu and each fiche. A page
//! whose inputs did not change since the last publication is kept.

use super::error::RenderError;
use super::output::{Format, Sink};
use super::renderer::{Common, Renderer, first_error};
use super::search_index;
use super::views;
use crate::incremental::inputs::PageInputs;
use rayon::prelude::*;

/// The pages of a site by the task that makes them, together the whole
/// site ([`Renderer::site`] runs them all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageGroup {
    /// `index`, `suites` and `decisions`, both formats.
    IndexAndSuites,
    /// The page of each territory.
    Territories,
    /// The list of every action.
    Actions,
    /// The calendar, the accessibility and search pages, the search index
    /// and its script, the stylesheet.
    Single,
    /// The compte rendu of each meeting.
    Meetings,
    /// The fiche of each published action.
    Fiches,
}

impl PageGroup {
    pub const ALL: [PageGroup; 6] = [
        PageGroup::IndexAndSuites,
        PageGroup::Territories,
        PageGroup::Actions,
        PageGroup::Single,
        PageGroup::Meetings,
        PageGroup::Fiches,
    ];
}

impl Renderer<'_> {
    /// The index of the site and the list of follow-ups, both formats.
    pub(super) fn index_and_suites(
        &self,
        common: &Common<'_>,
        sink: &dyn Sink,
    ) -> Result<(), RenderError> {
        let reunions = &self.folder.reunions;
        let views = common.views;
        let chemins = [
            "index.html",
            "index.md",
            "suites.html",
            "suites.md",
            "decisions.html",
            "decisions.md",
        ];
        if let Some(inputs) = common.dossier
            && sink.reuse(&chemins, inputs)
        {
            return Ok(());
        }
        let [ih, im, sh, sm, dh, dm] = chemins.map(str::to_string);
        // Made here, after the pages were found to need it: a publication
        // where nothing changed does not build them.
        let suites = views::follow::suites(views, reunions);
        // The view of each fiche holds its texts: made for the summary and
        // dropped, made again for its page.
        let resume = views::follow::resume(
            &suites,
            common.fiches.iter().map(|f| views::follow::fiche(views, f)),
        );
        let presence = crate::analysis::presence::presence(
            &self.folder.config,
            reunions,
            &crate::analysis::filter::Filter::default(),
        );
        let presence = views::chart::presence_vue(&presence, views);
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
        self.both_formats(sink, "suites", &ctx, [sh, sm], common.dossier)?;
        drop(ctx);
        let mut ctx = self.context("", "decisions", false);
        ctx.insert("decisions", &views.decisions(reunions));
        self.both_formats(sink, "decisions", &ctx, [dh, dm], common.dossier)
    }

    /// The page of each territory, both formats.
    pub(super) fn territory_pages(
        &self,
        common: &Common<'_>,
        sink: &dyn Sink,
    ) -> Result<(), RenderError> {
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
                        .inputs_of
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
    pub(super) fn actions_pages(
        &self,
        common: &Common<'_>,
        sink: &dyn Sink,
    ) -> Result<(), RenderError> {
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
    pub(super) fn single_pages(
        &self,
        sink: &dyn Sink,
        common: &Common<'_>,
    ) -> Result<(), RenderError> {
        const CHEMINS: [&str; 6] = [
            "agenda.ics",
            "accessibilite.html",
            "recherche.html",
            search_index::INDEX,
            search_index::SCRIPT_CHEMIN,
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
        let events = crate::analysis::agenda::events(reunions, &self.folder.config);
        let ics = super::calendar::ics(
            &events,
            &self.pages,
            &self.folder.config,
            &super::calendar::IcsOptions {
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
            search_index::index_js(reunions, common.views),
            search_index::SCRIPT.as_bytes().to_vec(),
            self.templates.stylesheet.clone().into_bytes(),
        ];
        for (chemin, contenu) in CHEMINS.into_iter().zip(contenus) {
            sink.put(chemin.to_string(), contenu, inputs)?;
        }
        Ok(())
    }

    /// The compte rendu of each meeting, both formats; those whose inputs
    /// did not change are kept as they are.
    pub(super) fn meeting_pages(
        &self,
        sink: &dyn Sink,
        inputs_of: Option<&PageInputs<'_>>,
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
                    let inputs = inputs_of.and_then(|e| e.reunion(&self.pages, r, voisines));
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
    pub(super) fn fiche_pages(
        &self,
        sink: &dyn Sink,
        fiches: &[crate::analysis::fiche::Fiche<'_>],
        inputs_of: Option<&PageInputs<'_>>,
    ) -> Result<(), RenderError> {
        first_error(
            fiches
                .par_iter()
                .map(|fiche| {
                    let name = self.pages.fiche_file(&fiche.id);
                    let html = format!("fiches/{name}.html");
                    let md = format!("fiches/{name}.md");
                    let inputs = inputs_of.and_then(|e| e.fiche(&self.pages, fiche));
                    if let Some(inputs) = &inputs
                        && sink.reuse(&[&html, &md], inputs)
                    {
                        return Ok(());
                    }
                    let ctx =
                        self.fiche_context(&views::follow::fiche(&self.views(), fiche), false);
                    self.both_formats(sink, "fiche", &ctx, [html, md], inputs.as_deref())
                })
                .collect(),
        )
    }

    /// The pages of one group, handed to `sink`: what the `render` fuzz
    /// target publishes of each input, so that an input costs the pages it
    /// tests and not the whole site.
    pub(super) fn group(&self, group: PageGroup, sink: &dyn Sink) -> Result<(), RenderError> {
        let reunions = &self.folder.reunions;
        let views = self.views();
        let fiches = crate::analysis::fiche::published(reunions);
        let common = Common {
            views: &views,
            dossier: None,
            inputs_of: None,
            fiches: &fiches,
        };
        match group {
            PageGroup::IndexAndSuites => self.index_and_suites(&common, sink),
            PageGroup::Territories => self.territory_pages(&common, sink),
            PageGroup::Actions => self.actions_pages(&common, sink),
            PageGroup::Single => self.single_pages(sink, &common),
            PageGroup::Meetings => self.meeting_pages(sink, None),
            PageGroup::Fiches => self.fiche_pages(sink, &fiches, None),
        }
    }

    /// Every page of the site, handed to `sink`.
    pub(super) fn site(
        &self,
        sink: &dyn Sink,
        inputs_of: Option<&PageInputs<'_>>,
    ) -> Result<(), RenderError> {
        let reunions = &self.folder.reunions;
        let views = self.views();
        let fiches = crate::analysis::fiche::published(reunions);
        let dossier = inputs_of.and_then(|e| e.dossier(&self.pages, reunions));
        let common = Common {
            views: &views,
            dossier: dossier.as_deref(),
            inputs_of,
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
                                self.meeting_pages(sink, inputs_of)
                                    .and_then(|()| self.fiche_pages(sink, &fiches, inputs_of))
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

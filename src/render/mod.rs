//! Publishing: the compte rendu of each meeting, the index, the territory
//! pages, the list of actions, the fiches expériences, the open follow-ups
//! and the calendar, as Markdown and as an accessible static site. No
//! terminal code here: the CLI calls [`publish`], [`render_meeting`] and
//! [`render_fiche`] and prints what they return.
//!
//! Pages are handed to the output as they are rendered, never all held in
//! memory; they are put in place only once every page has rendered
//! ([`writer::Writer`]), so a broken template leaves the output as it was. The
//! compte rendu and fiche pages whose inputs have not changed since the last
//! publication are not rendered again ([`crate::incremental::inputs`]). Output is
//! deterministic: the same folder gives the same bytes.

pub mod audit;
pub mod calendar;
pub mod destination;
pub mod error;
pub mod logo;
pub mod markdown;
pub mod output;
pub mod privacy;
pub mod publish;
pub mod renderer;
pub mod search_index;
pub mod tasks;
pub mod templates;
pub mod views;
pub mod writer;

pub use error::RenderError;
pub use output::{Format, Page};
pub use publish::{group_pages, publish, render_fiche, render_meeting, site_pages};
pub use tasks::PageGroup;
pub use views::Publication;

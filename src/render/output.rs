//! What a publication produces and where it goes: the output language, one
//! file of the site, and the sinks pages are handed to as they are rendered
//! (the output folder's [`Writer`], or memory).

use super::error::RenderError;
use super::writer::Writer;

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown, for git, e-mail and wikis.
    Markdown,
    /// A standalone HTML document.
    Html,
}

impl Format {
    pub(super) fn extension(self) -> &'static str {
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

/// Where rendered pages go: the output folder, or memory.
pub(super) trait Sink: Sync {
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

impl Sink for Writer {
    fn reuse(&self, chemins: &[&str], inputs: &str) -> bool {
        Writer::reuse(self, chemins, inputs)
    }

    fn put(
        &self,
        chemin: String,
        contenu: Vec<u8>,
        inputs: Option<&str>,
    ) -> Result<(), RenderError> {
        Ok(Writer::put(self, &chemin, &contenu, inputs)?)
    }
}

/// Every page kept in memory.
pub(super) struct Memory(pub(super) std::sync::Mutex<Vec<Page>>);

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

//! What the commands print, as pure functions from the core's values to
//! text: the table engine ([`table`]: plain text fitted to a width,
//! Markdown), [`csv`] and [`json`] helpers, and one module per command
//! giving the shape of its output. Below the command line: nothing here
//! knows of the terminal (colours come from the caller's painter) nor of
//! the arguments.

pub mod actions;
pub mod agenda;
pub mod check;
pub mod csv;
pub mod decisions;
pub mod json;
pub mod presence;
pub mod search;
pub mod suites;
pub mod table;
pub mod territories;

/// One line of text from a cell; kept here for `analysis::search`, which
/// names it by this path.
pub use table::une_ligne;

/// `text` as lists show it: followed by « (interne) » when it is left out
/// of public outputs.
pub fn marked(text: String, interne: bool) -> String {
    if interne { text + " (interne)" } else { text }
}

/// A yes/no cell of a CSV.
pub fn oui_non(b: bool) -> String {
    if b { "oui" } else { "non" }.to_string()
}

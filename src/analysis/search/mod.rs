//! Full-text search across the records: `reunion recherche` and the index of
//! the site's search page.
//!
//! A record is cut into *fields* (its title, each aim, the météo, each
//! agenda item's title and body, each action's title, carrier, themes,
//! publics, description and fiche write-up but its contact, each
//! follow-up's `quoi` and `qui`), each read as plain text (Markdown marks
//! removed). A field is a hit when every word of
//! the query is in it, compared as *terms*:
//!
//! - accents and case ignored (`deunicode`, as [`crate::text::fold`]);
//! - words cut at every character that is neither a letter nor a digit, so
//!   an elision stands apart: « l'école » holds the term `ecole`;
//! - a plural reduced to its singular the simple French way (`equipes` →
//!   `equipe`, `journaux` → `journal`, `jeux` → `jeu`), on both sides;
//! - a query term of three letters or more also finds the terms it begins
//!   (`numeri` finds « numérique »), at a lower score;
//! - short function words of the query (`l`, `d`, `de`, `la`, `et`…) are
//!   dropped, unless the query has nothing else.
//!
//! Hits are ranked by score (the field's weight: a title counts more than a
//! body; how well and how often each term matches; how close the terms
//! stand), then newest meeting first. Each carries a short excerpt with the
//! matched words marked.

pub mod fields;
pub mod rank;
pub mod terms;

pub use fields::{Champ, champs};
pub use rank::{Extrait, Resultat, rechercher};
pub use terms::{MOTS_VIDES, terme, termes_requete};

//! People's names in free text: finding them and writing, in their place,
//! what may be published.
//!
//! Every `nom` of a folder is personal data, published only with
//! `--avec-noms`. Minutes also name people in prose (« Mme Nordez présente
//! le bilan »): this module finds, in one text, a declared name (whole, or
//! its surname alone) and any civility followed by a capitalised word, and
//! rewrites them: a declared person by their role (« la principale du
//! collège Marc Seguin »), or by initials when no role is known; an
//! undeclared one by the civility and initials (« Mme D. »).
//!
//! It is a leaf: it knows texts, not records. The people are given as a
//! list of [`Person`] (a name and what is known of the role), built from
//! the records by [`crate::model::people`].
//!
//! [`words`] cuts a text into words, [`people`] indexes the people,
//! [`find`] finds the names, [`role`] writes a role in French, [`replace`]
//! rewrites a text.

pub mod find;
pub mod people;
pub mod replace;
pub mod role;
pub mod words;

pub use find::{Finding, Found};
pub use people::{People, Person};
pub use role::Gender;

//! Analysis: one module per question the tool answers about a folder of
//! records (actions, their synthesis, territories, presence, follow-ups,
//! fiches, agenda, search), all selecting with the one [`filter::Filter`].
//! Pure functions from the model to plain values; no text formatting, and
//! never a name of report, render or cli.

pub mod actions;
pub mod agenda;
pub mod decisions;
pub mod fiche;
pub mod filter;
pub mod presence;
pub mod search;
pub mod suites;
pub mod synthesis;
pub mod territories;

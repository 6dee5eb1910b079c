//! `reunion` keeps the minutes of a professional network's meetings as one
//! YAML record per meeting, checks them with precise diagnostics, and
//! publishes them.
//!
//! This crate is the core: it knows nothing of the terminal. The binary in
//! `src/main.rs` and the `cli` module parse arguments and print.

pub mod agenda;
pub mod apercu;
pub mod cache;
pub mod cli;
pub mod config;
pub mod dates;
pub mod diagnostic;
pub mod export;
pub mod fiche;
pub mod folder;
pub mod fsutil;
pub mod model;
pub mod presence;
pub mod query;
pub mod record;
pub mod referential;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod suites;
pub mod surveillance;
pub mod text;
pub mod validate;
pub mod yaml;

//! `reunion` keeps the minutes of a professional network's meetings as one
//! YAML record per meeting, checks them with precise diagnostics, and
//! publishes them.
//!
//! This crate is the core: it knows nothing of the terminal. The binary in
//! `src/main.rs` and the `cli` module parse arguments and print.
//!
//! # Layers
//!
//! Each layer names only the layers above it in this list, never one below
//! (`scripts/graphe-modules.py`, run by CI, fails on a breach or a cycle):
//!
//! 1. leaves: [`text`] (folding, slugs, suggestions), [`dates`], [`fsutil`]
//!    (atomic writes, files opened only inside the folder), [`diagnostic`],
//!    [`privacy`] (people's names in free text);
//! 2. [`model`]: the records once read, the referential, the fiche sections;
//! 3. [`read`]: YAML to a positioned tree, the typed reader, `reunion.yaml`,
//!    one record; then [`folder`]: finding and loading a folder, the checks
//!    across records;
//! 4. [`analysis`]: one module per question the tool answers, with one
//!    filter shared by every command;
//! 5. outputs: [`report`] (tables, CSV, JSON of each command),
//!    [`incremental`] (digests, record cache, page inputs), [`scaffold`]
//!    (`init`, `new`), [`schema`] (JSON Schemas for editors), then [`render`] (the published pages), then
//!    [`preview`] (the server of `apercu`, live reload, folder watching);
//! 6. [`cli`]: arguments → core → report.
//!
//! # Names
//!
//! What users read or type is French: YAML and JSON keys, template
//! variables, messages, help. Modules, types and functions are English,
//! except a type or field that is the Rust face of a key of the format or of
//! a template variable: it keeps that French word (`Reunion`, `Suite`,
//! `Statut`, `fichier`, `ReunionLien`), so that one concept has one name
//! from the YAML file to the template. In code, « empreinte » is never used:
//! a content digest is a `digest`, a snapshot of file dates a `snapshot`.

pub mod dates;
pub mod diagnostic;
pub mod fsutil;
pub mod privacy;
pub mod text;

pub mod model;

pub mod folder;
pub mod read;

pub mod analysis;

pub mod incremental;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;

pub mod preview;

pub mod cli;

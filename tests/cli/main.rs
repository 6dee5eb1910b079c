//! The real `reunion` binary run on fixture folders and on the example: one
//! test binary (one link, one run) whose modules follow the commands and
//! themes. Shared helpers live in `common`; fixtures in `tests/fixtures/`,
//! snapshots in `tests/cli/snapshots/`.

mod common;

mod actions;
mod agenda;
mod aide;
mod check;
mod compte_rendu;
mod fiches;
mod incremental;
mod interne;
mod noms;
mod recherche;
mod render;
mod robustesse;
mod saisie;
mod schema;
mod serve;
mod suites;
mod terminal;

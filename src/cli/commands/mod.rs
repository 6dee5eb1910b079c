//! One module per subcommand: its arguments (clap derive, French help) and
//! its `run`, which turns them into the core's options, calls the core and
//! prints the report.

pub mod actions;
pub mod agenda;
pub mod aide;
pub mod apercu;
pub mod check;
pub mod completions;
pub mod decisions;
pub mod fiche;
pub mod format;
pub mod init;
pub mod man;
pub mod modeles;
pub mod new;
pub mod presence;
pub mod recherche;
pub mod render;
pub mod schema;
pub mod suites;
pub mod territoires;

//! The command line: argument parsing (clap derive, French help) and
//! printing. Each subcommand has its own module; none holds any logic of the
//! core, which it calls with plain options.

mod actions;
mod agenda;
mod apercu;
mod check;
pub mod completions;
mod fiche;
mod init;
mod man;
mod modeles;
mod new;
pub mod output;
mod presence;
mod recherche;
mod render;
mod suites;
mod territoires;

use clap::{Parser, Subcommand};
use output::UsageError;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit status: success.
pub const EXIT_OK: u8 = 0;
/// Exit status: some record is invalid.
pub const EXIT_INVALID: u8 = 1;
/// Exit status: usage or configuration error.
pub const EXIT_USAGE: u8 = 2;

const HELP_TEMPLATE: &str = "\
{before-help}{about-with-newline}
Utilisation : {usage}

{all-args}{after-help}";

/// Tient les comptes rendus des rencontres d'un réseau : un fichier YAML par
/// réunion, vérifié et publié.
#[derive(Debug, Parser)]
#[command(
    name = "reunion",
    version,
    help_template = HELP_TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Commandes",
    subcommand_value_name = "COMMANDE",
    next_help_heading = "Options",
    after_help = "Sans -C, le dossier est le plus proche, à partir du dossier courant, qui contient reunion.yaml.\n\
                  Codes de sortie : 0 tout va bien, 1 compte rendu invalide, 2 erreur d'utilisation ou de configuration."
)]
pub struct Cli {
    /// Dossier de réunions à utiliser (celui qui contient reunion.yaml).
    #[arg(short = 'C', long = "dossier", value_name = "DOSSIER", global = true)]
    pub dossier: Option<PathBuf>,

    /// Affiche l'aide.
    #[arg(short = 'h', long = "aide", alias = "help", action = clap::ArgAction::Help, global = true)]
    aide: Option<bool>,

    /// Affiche la version.
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,

    /// La commande à lancer.
    #[command(subcommand)]
    pub commande: Commande,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Commande {
    /// Crée un dossier de réunions (reunion.yaml, reunions/, .gitignore).
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Init(init::Args),
    /// Crée le compte rendu d'une nouvelle réunion, dans la suite de la précédente.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    New(new::Args),
    /// Vérifie tous les comptes rendus et la configuration.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Check(check::Args),
    /// Publie les comptes rendus : site HTML accessible et fichiers Markdown (ou un seul compte rendu sur la sortie standard).
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Render(render::Args),
    /// Écrit les modèles de pages intégrés dans templates/, pour les adapter (sans jamais remplacer un fichier).
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Modeles(modeles::Args),
    /// Liste les actions à valoriser des réunions, filtrées, en tableau, Markdown, JSON ou CSV.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Options",
        after_help = "Les filtres se combinent (toutes les conditions à la fois) ; un filtre répété accepte l'une ou l'autre valeur.\n\
                      --depuis, --jusqu-au et --reseau choisissent les réunions ; --derniere garde ensuite le dernier état de chaque action, auquel s'appliquent les autres filtres.\n\
                      Une valeur inconnue (territoire, thématique, statut, réseau) est une erreur (code 2) ; si rien ne correspond, « aucune action ne correspond » s'affiche sur la sortie d'erreur (code 0).\n\
                      Code 1 : des comptes rendus invalides n'ont pas pu être lus et leurs actions manquent."
    )]
    Actions(actions::Args),
    /// Liste les territoires, leurs alias, et pour chacun ses réunions et ses actions.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Territoires(territoires::Args),
    /// Les suites promises d'une réunion à l'autre : ouvertes, en retard, faites.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Suites(suites::Args),
    /// Les réunions à venir (prévues ou annoncées) et le calendrier iCalendar à partager.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Agenda(agenda::Args),
    /// La fiche expérience d'une action, réunie de toutes les réunions qui en ont parlé, sur la sortie standard.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Fiche(fiche::Args),
    /// Cherche des mots dans tous les comptes rendus : titres, objectifs, météo, ordre du jour, actions, suites.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Recherche(recherche::Args),
    /// La présence des territoires aux réunions, et la participation à chaque réunion.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Presence(presence::Args),
    /// Publie le site, le sert sur 127.0.0.1 pour le regarder dans un navigateur, et le republie à chaque modification.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Apercu(apercu::Args),
    /// Écrit le script de complétion d'un shell (bash, zsh, fish, powershell) ; les territoires se complètent depuis le référentiel.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Completions(completions::Args),
    /// Écrit la page de manuel (man) de reunion.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Options")]
    Man(man::Args),
}

/// Where the meeting folder is: `-C`, or found from the current directory.
pub fn folder_root(dossier: Option<&Path>) -> Result<PathBuf, UsageError> {
    let result = match dossier {
        Some(dir) => crate::folder::open(dir),
        None => {
            let cwd = std::env::current_dir()
                .map_err(|e| UsageError::new(format!("dossier courant illisible : {e}"), None))?;
            crate::folder::discover(&cwd)
        }
    };
    result.map_err(|e| UsageError::new(e.to_string(), e.help()))
}

/// The meeting folder, found and loaded, for the commands that work with
/// whatever records are valid: a missing folder or an invalid configuration
/// is printed and its exit status returned.
pub fn load_folder(dossier: Option<&Path>) -> Result<&'static crate::folder::Folder, u8> {
    let root = folder_root(dossier).map_err(|err| output::usage_error(&err))?;
    // These commands show no warnings: those that need every record at
    // once are not computed.
    let options = crate::folder::LoadOptions {
        warnings_across: false,
        ..Default::default()
    };
    crate::folder::load_with(&root, options)
        .map(leak)
        .map_err(output::folder_error)
}

/// Keeps a folder loaded by a one-shot command until the process ends.
/// Freeing a large folder's hundreds of thousands of strings one by one
/// costs a twentieth of a `check`, for memory the process returns anyway
/// as it exits. Not for `render --surveiller` or `apercu`, which load again
/// and again.
pub fn leak(folder: crate::folder::Folder) -> &'static crate::folder::Folder {
    Box::leak(Box::new(folder))
}

/// Parses `args` and runs the command; returns the exit status.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    if let Some(code) = completions::complete_if_asked(&args) {
        return ExitCode::from(code);
    }
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => return output::clap_error(err),
    };
    let dossier = cli.dossier.as_deref();
    let code = match cli.commande {
        Commande::Init(args) => init::run(args, dossier),
        Commande::New(args) => new::run(args, dossier),
        Commande::Check(args) => check::run(args, dossier),
        Commande::Render(args) => render::run(args, dossier),
        Commande::Modeles(args) => modeles::run(args, dossier),
        Commande::Actions(args) => actions::run(args, dossier),
        Commande::Territoires(args) => territoires::run(args, dossier),
        Commande::Suites(args) => suites::run(args, dossier),
        Commande::Agenda(args) => agenda::run(args, dossier),
        Commande::Fiche(args) => fiche::run(args, dossier),
        Commande::Recherche(args) => recherche::run(args, dossier),
        Commande::Presence(args) => presence::run(args, dossier),
        Commande::Apercu(args) => apercu::run(args, dossier),
        Commande::Completions(args) => completions::run(args),
        Commande::Man(args) => man::run(args),
    };
    ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}

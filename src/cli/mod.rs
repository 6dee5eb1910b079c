//! The command line: argument parsing (clap derive, French help) and
//! printing. Each subcommand has its own module; none holds any logic of the
//! core, which it calls with plain options.

pub mod args;
pub mod commands;
pub mod error;
pub mod help;
pub mod publish;
pub mod term;

use term::errln;

use commands::{
    actions, agenda, aide, apercu, check, completions, decisions, fiche, format, init, man,
    modeles, new, presence, recherche, render, schema, suites, territoires,
};

use clap::{FromArgMatches, Parser, Subcommand};
pub use error::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, Error};
use std::collections::BTreeSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Tient les comptes rendus des rencontres d'un réseau : un fichier YAML par
/// réunion, vérifié et publié.
#[derive(Debug, Parser)]
#[command(
    name = "reunion",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_value_name = "COMMANDE",
    after_help = "Sans -C, le dossier est le plus proche, à partir du dossier courant, qui contient reunion.yaml.\n\
                  Codes de sortie : 0 tout va bien, 1 compte rendu invalide, 2 erreur d'utilisation ou de configuration."
)]
pub struct Cli {
    /// Dossier de réunions à utiliser (celui qui contient reunion.yaml).
    #[arg(
        short = 'C',
        long = "dossier",
        value_name = "DOSSIER",
        global = true,
        display_order = 1000
    )]
    pub dossier: Option<PathBuf>,

    /// Affiche l'aide.
    #[arg(
        short = 'h',
        long = "aide",
        alias = "help",
        action = clap::ArgAction::Help,
        global = true,
        display_order = 1001
    )]
    aide: Option<bool>,

    /// Affiche la version.
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version, display_order = 1002)]
    version: Option<bool>,

    /// La commande à lancer.
    #[command(subcommand)]
    pub commande: Commande,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Commande {
    /// Crée un dossier de réunions (reunion.yaml, reunions/, .gitignore).
    Init(init::Args),
    /// Crée le compte rendu d'une nouvelle réunion, dans la suite de la précédente.
    New(new::Args),
    /// Vérifie tous les comptes rendus et la configuration.
    Check(check::Args),
    /// Publie les comptes rendus : site HTML accessible et fichiers Markdown (ou un seul compte rendu sur la sortie standard).
    Render(render::Args),
    /// Écrit les modèles de pages intégrés dans templates/, pour les adapter (sans jamais remplacer un fichier).
    Modeles(modeles::Args),
    /// Liste les actions à valoriser des réunions, filtrées, en tableau, Markdown, JSON ou CSV.
    #[command(
        after_help = "Les filtres se combinent (toutes les conditions à la fois) ; un filtre répété accepte l'une ou l'autre valeur.\n\
                      --depuis, --jusqu-au et --reseau choisissent les réunions ; --derniere garde ensuite le dernier état de chaque action, auquel s'appliquent les autres filtres.\n\
                      Une valeur inconnue (territoire, thématique, statut, réseau) est une erreur (code 2) ; si rien ne correspond, « aucune action ne correspond » s'affiche sur la sortie d'erreur (code 0).\n\
                      Code 1 : des comptes rendus invalides n'ont pas pu être lus et leurs actions manquent."
    )]
    Actions(actions::Args),
    /// Liste les territoires, leurs alias, et pour chacun ses réunions et ses actions.
    Territoires(territoires::Args),
    /// Les suites promises d'une réunion à l'autre : ouvertes, en retard, faites.
    Suites(suites::Args),
    /// Les décisions prises en réunion, la plus récente d'abord, avec leur réunion et leur point.
    Decisions(decisions::Args),
    /// Les réunions à venir (prévues ou annoncées) et le calendrier iCalendar à partager.
    Agenda(agenda::Args),
    /// La fiche expérience d'une action, réunie de toutes les réunions qui en ont parlé, sur la sortie standard.
    Fiche(fiche::Args),
    /// Cherche des mots dans tous les comptes rendus : titres, objectifs, météo, ordre du jour, intervenant·es (leur rôle), décisions, actions, suites.
    Recherche(recherche::Args),
    /// La présence des territoires aux réunions, et la participation à chaque réunion.
    Presence(presence::Args),
    /// Publie le site, le sert sur 127.0.0.1 pour le regarder dans un navigateur, et le republie à chaque modification (la page ouverte se recharge seule).
    Apercu(apercu::Args),
    /// Écrit le script de complétion d'un shell (bash, zsh, fish, powershell) ; les territoires se complètent depuis le référentiel.
    Completions(completions::Args),
    /// Écrit les schémas JSON des comptes rendus et de reunion.yaml, pour que l'éditeur complète les clés et les territoires.
    Schema(schema::Args),
    /// Écrit la page de manuel (man) de reunion.
    Man(man::Args),
    /// Affiche la documentation du format des dossiers et des comptes rendus, ou d'une seule clé.
    Format(format::Args),
    /// Affiche l'aide de reunion, ou d'une commande (comme COMMANDE --aide).
    #[command(alias = "help")]
    Aide(aide::Args),
}

/// The command line of `reunion`, with its help in French
/// ([`help::french`]): what parses the arguments and completes them.
pub fn command() -> clap::Command {
    help::french(
        <Cli as clap::CommandFactory>::command(),
        help::Target::Terminal,
    )
}

/// Where the meeting folder is: `-C`, or found from the current directory.
pub fn folder_root(dossier: Option<&Path>) -> Result<PathBuf, Error> {
    let root = match dossier {
        Some(dir) => crate::folder::open(dir)?,
        None => {
            let cwd = std::env::current_dir()
                .map_err(|e| Error::usage(format!("dossier courant illisible : {e}"), None))?;
            crate::folder::discover(&cwd)?
        }
    };
    Ok(root)
}

/// The meeting folder, found and loaded, for the commands that work with
/// whatever records are valid.
pub fn load_folder(dossier: Option<&Path>) -> Result<&'static crate::folder::Folder, Error> {
    let root = folder_root(dossier)?;
    // These commands show no warnings: those that need every record at
    // once are not computed.
    let options = crate::folder::LoadOptions {
        warnings_across: false,
        ..Default::default()
    };
    Ok(leak(crate::folder::load_with(&root, options)?))
}

/// Keeps a folder loaded by a one-shot command until the process ends.
/// Freeing a large folder's hundreds of thousands of strings one by one
/// costs a twentieth of a `check`, for memory the process returns anyway
/// as it exits. Not for `render --surveiller` or `apercu`, which load again
/// and again.
pub fn leak(folder: crate::folder::Folder) -> &'static crate::folder::Folder {
    Box::leak(Box::new(folder))
}

/// The warning that some records could not be read, so what they hold may
/// be missing from the answer; `None` when every record was read.
pub fn incomplete_warning(folder: &crate::folder::Folder) -> Option<String> {
    let fichiers: BTreeSet<&str> = folder
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.fichier.as_str())
        .collect();
    if fichiers.is_empty() {
        return None;
    }
    let list = fichiers.into_iter().collect::<Vec<_>>().join(", ");
    Some(format!(
        "attention : des comptes rendus ont des erreurs et ce qu'ils contiennent peut manquer ici ({list}) ; lancez `reunion check`"
    ))
}

/// The end of a command that answered from the valid records: the warning
/// and [`Error::Invalid`] (exit status 1) if some could not be read.
pub fn incomplete(folder: &crate::folder::Folder) -> Result<(), Error> {
    match incomplete_warning(folder) {
        Some(warning) => {
            errln!("{warning}");
            Err(Error::Invalid)
        }
        None => Ok(()),
    }
}

/// Parses `args` and runs the command; prints the error if any, and
/// returns the exit status.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    if let Some(code) = completions::complete_if_asked(&args) {
        return ExitCode::from(code);
    }
    match command()
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .map_err(|err| Error::from(help::errors::with_usage(err, command(), &args)))
        .and_then(run_command)
    {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(err) => {
            err.print();
            ExitCode::from(err.code())
        }
    }
}

fn run_command(cli: Cli) -> Result<(), Error> {
    let dossier = cli.dossier.as_deref();
    match cli.commande {
        Commande::Init(args) => init::run(args, dossier),
        Commande::New(args) => new::run(args, dossier),
        Commande::Check(args) => check::run(args, dossier),
        Commande::Render(args) => render::run(args, dossier),
        Commande::Modeles(args) => modeles::run(args, dossier),
        Commande::Actions(args) => actions::run(args, dossier),
        Commande::Territoires(args) => territoires::run(args, dossier),
        Commande::Suites(args) => suites::run(args, dossier),
        Commande::Decisions(args) => decisions::run(args, dossier),
        Commande::Agenda(args) => agenda::run(args, dossier),
        Commande::Fiche(args) => fiche::run(args, dossier),
        Commande::Recherche(args) => recherche::run(args, dossier),
        Commande::Presence(args) => presence::run(args, dossier),
        Commande::Apercu(args) => apercu::run(args, dossier),
        Commande::Completions(args) => completions::run(args),
        Commande::Schema(args) => schema::run(args, dossier),
        Commande::Man(args) => man::run(args),
        Commande::Format(args) => format::run(args),
        Commande::Aide(args) => aide::run(args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
        command().debug_assert();
    }
}

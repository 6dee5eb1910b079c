//! Printing for every subcommand: colours only on a terminal and never with
//! `NO_COLOR`, diagnostics as a compiler prints them, errors in French.

use super::{EXIT_OK, EXIT_USAGE};
use crate::diagnostic::{self, Diagnostic};
use crate::folder::{Folder, FolderError};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::process::ExitCode;

/// A usage or configuration error, printed before exiting with 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl UsageError {
    /// A new error.
    pub fn new(message: impl Into<String>, help: Option<String>) -> Self {
        UsageError {
            message: message.into(),
            help,
        }
    }
}

/// The day `--au` names (for tests and reports), or today.
pub fn jour(au: Option<&str>) -> Result<chrono::NaiveDate, UsageError> {
    match au {
        Some(text) => crate::dates::parse_date(text)
            .map_err(|e| UsageError::new(format!("--au : {}", e.message), Some(e.help))),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

/// Whether standard error gets colours.
pub fn stderr_styled() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// Whether standard output gets colours.
pub fn stdout_styled() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

fn paint(text: &str, code: &str, styled: bool) -> String {
    if styled {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Prints an error (and its help) on standard error; returns exit status 2.
pub fn usage_error(err: &UsageError) -> u8 {
    let styled = stderr_styled();
    eprintln!("{} {}", paint("erreur:", "1;31", styled), err.message);
    if let Some(help) = &err.help {
        eprintln!("{} {help}", paint("aide:", "1;36", styled));
    }
    EXIT_USAGE
}

/// Prints the diagnostics of a folder on standard error.
pub fn print_diagnostics(diagnostics: &[Diagnostic], sources: &BTreeMap<String, String>) {
    let styled = stderr_styled();
    for d in diagnostics {
        let source = sources.get(&d.fichier).map(String::as_str);
        let related = d
            .voir_aussi
            .as_ref()
            .and_then(|r| sources.get(&r.fichier))
            .map(String::as_str);
        eprintln!("{}", diagnostic::render(d, source, related, styled));
        eprintln!();
    }
}

/// Handles a folder that cannot be loaded: prints why, returns exit status 2.
pub fn folder_error(err: FolderError) -> u8 {
    if let FolderError::ConfigInvalid {
        diagnostics,
        source,
    } = &err
    {
        let mut sources = BTreeMap::new();
        sources.insert(crate::config::CONFIG_FILE.to_string(), source.clone());
        print_diagnostics(diagnostics, &sources);
    }
    let help = err.help();
    usage_error(&UsageError::new(err.to_string(), help))
}

/// Loads the folder to publish it, with the digests of its records (pages
/// whose inputs did not change are not rendered again) and the records kept
/// in `cache` from the last publication: prints the diagnostics;
/// `Err(status)` when the records are invalid.
pub fn load_valid(root: &std::path::Path, cache: &crate::cache::RecordCache) -> Result<Folder, u8> {
    let options = crate::folder::LoadOptions {
        digests: true,
        cache: Some(cache),
        ..Default::default()
    };
    let folder = crate::folder::load_with(root, options).map_err(folder_error)?;
    if folder.has_errors() {
        print_diagnostics(&folder.diagnostics, &folder.sources);
        eprintln!("{}", summary(&folder));
        return Err(super::EXIT_INVALID);
    }
    Ok(folder)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

/// « 3 fichiers vérifiés : 2 erreurs, 1 avertissement ».
pub fn summary(folder: &Folder) -> String {
    let (errors, warnings) = folder.counts();
    let files = plural(folder.fichiers, "fichier vérifié", "fichiers vérifiés");
    match (errors, warnings) {
        (0, 0) => format!("{files} : aucun problème"),
        (0, w) => format!(
            "{files} : aucune erreur, {}",
            plural(w, "avertissement", "avertissements")
        ),
        (e, 0) => format!("{files} : {}", plural(e, "erreur", "erreurs")),
        (e, w) => format!(
            "{files} : {}, {}",
            plural(e, "erreur", "erreurs"),
            plural(w, "avertissement", "avertissements")
        ),
    }
}

/// Prints a clap error in French (clap's own texts are English) and returns
/// the exit status: 0 for `--aide` and `--version`, 2 otherwise.
pub fn clap_error(err: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            return ExitCode::from(EXIT_OK);
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            return ExitCode::from(EXIT_USAGE);
        }
        _ => {}
    }
    let get = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let invalid_arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let invalid_value = get(ContextKind::InvalidValue).unwrap_or_default();
    let message = match err.kind() {
        ErrorKind::UnknownArgument => format!("argument inattendu « {invalid_arg} »"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "commande inconnue « {} »",
                get(ContextKind::InvalidSubcommand).unwrap_or_default()
            )
        }
        ErrorKind::InvalidValue => {
            format!("valeur invalide « {invalid_value} » pour {invalid_arg}")
        }
        ErrorKind::ValueValidation => {
            format!("valeur invalide « {invalid_value} » pour {invalid_arg}")
        }
        ErrorKind::MissingRequiredArgument => {
            format!("argument obligatoire manquant : {invalid_arg}")
        }
        ErrorKind::MissingSubcommand => "il manque la commande".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "{invalid_arg} ne peut pas être utilisé avec {}",
            get(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("nombre de valeurs incorrect pour {invalid_arg}")
        }
        ErrorKind::NoEquals => format!("{invalid_arg} attend « = » suivi d'une valeur"),
        ErrorKind::InvalidUtf8 => "un argument n'est pas en UTF-8".to_string(),
        _ => {
            let text = err.to_string();
            let first = text
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("error: ");
            format!("arguments invalides : {first}")
        }
    };
    let help = match (
        get(ContextKind::SuggestedSubcommand),
        get(ContextKind::SuggestedArg),
        get(ContextKind::ValidValue),
    ) {
        (Some(s), _, _) => Some(format!(
            "vouliez-vous dire « {s} » ? (reunion --aide liste les commandes)"
        )),
        (_, Some(s), _) => Some(format!("vouliez-vous dire « {s} » ?")),
        (_, _, Some(v)) => Some(format!("valeurs possibles : {v}")),
        _ => Some("reunion --aide, ou reunion COMMANDE --aide, liste ce qui est possible".into()),
    };
    ExitCode::from(usage_error(&UsageError::new(message, help)))
}

//! The one error of the command line: every command's `run` returns it,
//! and it is printed in one place ([`Error::print`], called by
//! [`super::run`] and by the watch loop, which goes on after an error),
//! in French, with its exit status ([`Error::code`]).

use super::term::{err_line_styled, errln, paint, print_diagnostics, stderr_styled};
use crate::folder::FolderError;
use crate::render::RenderError;
use crate::render::templates::TemplateError;
use crate::render::writer::OutputError;
use std::collections::BTreeMap;

/// Exit status: success.
pub const EXIT_OK: u8 = 0;
/// Exit status: some record is invalid.
pub const EXIT_INVALID: u8 = 1;
/// Exit status: usage or configuration error.
pub const EXIT_USAGE: u8 = 2;

/// Why a command did not end well.
#[derive(Debug)]
pub enum Error {
    /// A wrong argument or a configuration problem: what is wrong and,
    /// maybe, what to do about it.
    Usage {
        /// What is wrong.
        message: String,
        /// What to do about it.
        help: Option<String>,
    },
    /// The meeting folder cannot be found or its configuration read.
    Folder(FolderError),
    /// A publication or a page failed.
    Render(RenderError),
    /// The arguments do not parse, or `--aide` or `--version` was asked.
    Arguments(clap::Error),
    /// Some records are invalid: the command did what it could, and their
    /// diagnostics or a warning are printed already.
    Invalid,
    /// The configuration is invalid, and was said in the output asked
    /// for (`check --format json`).
    ConfigReported,
    /// An error, then a line that must come after it.
    Noted(Box<Error>, String),
}

impl Error {
    /// A usage or configuration error.
    pub fn usage(message: impl Into<String>, help: Option<String>) -> Error {
        Error::Usage {
            message: message.into(),
            help,
        }
    }

    /// This error, then `note` on a line of its own, if any.
    pub fn noted(self, note: Option<String>) -> Error {
        match note {
            Some(note) => Error::Noted(Box::new(self), note),
            None => self,
        }
    }

    /// The exit status: 0 for `--aide` and `--version`, 1 for invalid
    /// records, 2 for the rest.
    pub fn code(&self) -> u8 {
        use clap::error::ErrorKind;
        match self {
            Error::Invalid => EXIT_INVALID,
            Error::Arguments(err)
                if matches!(
                    err.kind(),
                    ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
                ) =>
            {
                EXIT_OK
            }
            Error::Noted(inner, _) => inner.code(),
            _ => EXIT_USAGE,
        }
    }

    /// Prints the error on standard error.
    pub fn print(&self) {
        match self {
            Error::Usage { message, help } => print_usage(message, help.as_deref()),
            Error::Folder(err) => {
                if let FolderError::ConfigInvalid {
                    diagnostics,
                    source,
                } = err
                {
                    let mut sources = BTreeMap::new();
                    sources.insert(crate::read::config::CONFIG_FILE.to_string(), source.clone());
                    print_diagnostics(diagnostics, &sources);
                }
                print_usage(&err.to_string(), err.help().as_deref());
            }
            Error::Render(RenderError::Template(t)) => {
                let mut sources = BTreeMap::new();
                if let Some(source) = &t.source {
                    sources.insert(t.diagnostic.fichier.clone(), source.clone());
                }
                print_diagnostics(std::slice::from_ref(&t.diagnostic), &sources);
                errln!("rien n'a été écrit");
            }
            Error::Render(other) => {
                let help = match other {
                    RenderError::Output(OutputError::Refused { .. }) => Some(
                        "choisissez un dossier à part avec --sortie, par exemple --sortie public",
                    ),
                    // Every file is written whole or not at all: what is there
                    // is complete, old or new, and a new run finishes the job.
                    RenderError::Output(OutputError::Io { .. }) => Some(
                        "les fichiers déjà écrits sont complets ; réglez le problème puis relancez `reunion render` pour finir la publication",
                    ),
                    _ => None,
                };
                print_usage(&other.to_string(), help);
            }
            Error::Arguments(err) => print_arguments(err),
            Error::Invalid | Error::ConfigReported => {}
            Error::Noted(inner, note) => {
                inner.print();
                errln!("{note}");
            }
        }
    }
}

fn print_usage(message: &str, help: Option<&str>) {
    let styled = stderr_styled();
    let message = crate::text::visible(message);
    err_line_styled(&format!("{} {message}", paint(styled, "1;31", "erreur :")));
    if let Some(help) = help {
        let help = crate::text::visible(help);
        err_line_styled(&format!("{} {help}", paint(styled, "1;36", "aide :")));
    }
}

impl From<FolderError> for Error {
    fn from(err: FolderError) -> Error {
        Error::Folder(err)
    }
}

impl From<RenderError> for Error {
    fn from(err: RenderError) -> Error {
        Error::Render(err)
    }
}

impl From<TemplateError> for Error {
    fn from(err: TemplateError) -> Error {
        Error::Render(RenderError::Template(err))
    }
}

impl From<clap::Error> for Error {
    fn from(err: clap::Error) -> Error {
        Error::Arguments(err)
    }
}

/// The core's errors that say what is wrong and what to do, printed as
/// they say it.
macro_rules! from_helpful {
    ($($t:ty),*) => {$(
        impl From<$t> for Error {
            fn from(err: $t) -> Error {
                Error::usage(err.to_string(), err.help())
            }
        }
    )*};
}

from_helpful!(
    crate::analysis::filter::FilterError,
    crate::scaffold::ScaffoldError
);

/// Prints a clap error: help and version as clap writes them (from the
/// French templates), the rest in French ([`super::help::errors`]).
fn print_arguments(err: &clap::Error) {
    if super::help::errors::is_display(err) {
        let _ = err.print();
        return;
    }
    let french = super::help::errors::french(err);
    print_usage(&french.message, Some(&french.help));
    if let Some(usage) = french.usage {
        errln!("\nUtilisation : {usage}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_statuses() {
        assert_eq!(Error::usage("x", None).code(), EXIT_USAGE);
        assert_eq!(Error::Invalid.code(), EXIT_INVALID);
        assert_eq!(Error::ConfigReported.code(), EXIT_USAGE);
        assert_eq!(
            Error::Invalid
                .noted(Some("rien n'a été écrit".into()))
                .code(),
            EXIT_INVALID
        );
        let help =
            <super::super::Cli as clap::Parser>::try_parse_from(["reunion", "--aide"]).unwrap_err();
        assert_eq!(Error::from(help).code(), EXIT_OK);
    }
}

//! The options several commands share: `--format` (one [`Format`], each
//! command accepting its own set of it, with its help), the page format of
//! `render` and `fiche`, `--largeur`, the completion of `--territoire`
//! from the referential, and the day of `--au`.

use super::error::Error;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Arg, ArgMatches, Command};
use clap_complete::{ArgValueCandidates, CompletionCandidate};
use std::ffi::OsString;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

/// An output format of the commands that print a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For a human, on the terminal.
    Texte,
    /// Markdown tables.
    Markdown,
    /// JSON.
    Json,
    /// CSV for a spreadsheet.
    Csv,
}

impl Format {
    /// The value on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Texte => "texte",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    fn from_name(name: String) -> Format {
        [Format::Markdown, Format::Json, Format::Csv]
            .into_iter()
            .find(|f| f.name() == name)
            .unwrap_or(Format::Texte)
    }
}

/// The formats one command accepts, and how its `--aide` tells them.
pub trait Formats {
    /// Help of `--format`.
    const AIDE: &'static str;
    /// Each accepted format, `texte` (the default) first, with its help
    /// (shown by the shell's completion).
    const VALEURS: &'static [(Format, &'static str)];
}

/// `actions`, `territoires`, `suites`: tables, and data for other tools.
#[derive(Debug, Clone, Copy)]
pub struct Tableur;

impl Formats for Tableur {
    const AIDE: &'static str = "Format de sortie : texte (par défaut, un tableau), markdown, json ou csv (UTF-8 avec BOM, pour les tableurs)";
    const VALEURS: &'static [(Format, &'static str)] = &[
        (Format::Texte, "Un tableau pour le terminal"),
        (Format::Markdown, "Un tableau Markdown"),
        (Format::Json, "Un tableau JSON"),
        (Format::Csv, "Un fichier CSV pour un tableur"),
    ];
}

/// `presence`: two tables, or one JSON object.
#[derive(Debug, Clone, Copy)]
pub struct DeuxTableaux;

impl Formats for DeuxTableaux {
    const AIDE: &'static str = "Format de sortie : texte (par défaut), markdown ou json";
    const VALEURS: &'static [(Format, &'static str)] = &[
        (Format::Texte, "Deux tableaux pour le terminal"),
        (Format::Markdown, "Deux tableaux Markdown"),
        (Format::Json, "Un objet JSON"),
    ];
}

/// `check`: diagnostics as a compiler prints them, or JSON.
#[derive(Debug, Clone, Copy)]
pub struct Diagnostics;

impl Formats for Diagnostics {
    const AIDE: &'static str = "Format de sortie : texte (par défaut, comme un compilateur) ou json (pour les éditeurs et l'intégration continue)";
    const VALEURS: &'static [(Format, &'static str)] = &[
        (Format::Texte, "Pour les humains, comme un compilateur"),
        (Format::Json, "Pour les éditeurs et l'intégration continue"),
    ];
}

/// `recherche`: marked excerpts, or JSON.
#[derive(Debug, Clone, Copy)]
pub struct Resultats;

impl Formats for Resultats {
    const AIDE: &'static str = "Format de sortie : texte (par défaut) ou json";
    const VALEURS: &'static [(Format, &'static str)] = &[
        (Format::Texte, "Pour le terminal, les mots trouvés marqués"),
        (Format::Json, "Un tableau JSON"),
    ];
}

/// The `--format` option, flattened into a command's arguments, with
/// the formats `F` accepts; `texte` by default.
#[derive(Debug, Clone, Copy)]
pub struct FormatOption<F> {
    /// The format asked for.
    pub format: Format,
    accepted: PhantomData<F>,
}

const FORMAT_ID: &str = "format";

impl<F: Formats> clap::FromArgMatches for FormatOption<F> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        Ok(FormatOption {
            format: matches
                .get_one::<Format>(FORMAT_ID)
                .copied()
                .unwrap_or(Format::Texte),
            accepted: PhantomData,
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl<F: Formats> clap::Args for FormatOption<F> {
    fn augment_args(cmd: Command) -> Command {
        let values = F::VALEURS
            .iter()
            .map(|&(f, help)| PossibleValue::new(f.name()).help(help));
        cmd.arg(
            Arg::new(FORMAT_ID)
                .long("format")
                .value_name("FORMAT")
                .help(F::AIDE)
                .value_parser(PossibleValuesParser::new(values).map(Format::from_name))
                .default_value("texte")
                .hide_possible_values(true)
                .hide_default_value(true),
        )
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

/// The format of one page (`render FICHIER.yaml`, `fiche`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PageFormat {
    /// Markdown.
    Md,
    /// HTML autonome.
    Html,
}

impl PageFormat {
    /// The page format asked for, Markdown by default.
    pub fn or_default(format: Option<PageFormat>) -> crate::render::Format {
        match format.unwrap_or(PageFormat::Md) {
            PageFormat::Md => crate::render::Format::Markdown,
            PageFormat::Html => crate::render::Format::Html,
        }
    }
}

/// The `--largeur` option every command with a text table takes.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct Largeur {
    /// Largeur des tableaux texte, en colonnes ; par défaut celle du terminal, sinon COLUMNS, sinon 100.
    #[arg(long = "largeur", value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    colonnes: Option<u16>,
}

impl Largeur {
    /// Width of the text tables: `--largeur`, the terminal's, `COLUMNS`, 100.
    pub fn colonnes(self) -> usize {
        super::term::width(self.colonnes)
    }
}

/// The day `--au` names (for tests and reports), or today.
pub fn jour(au: Option<&str>) -> Result<chrono::NaiveDate, Error> {
    match au {
        Some(text) => crate::dates::parse_date(text)
            .map_err(|e| Error::usage(format!("--au : {}", e.message), Some(e.help))),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

/// The completion of a `--territoire`: the territories of the folder.
pub fn completion_territoires() -> ArgValueCandidates {
    ArgValueCandidates::new(territoires_candidats)
}

/// The folder named by `-C`/`--dossier` on the line being completed.
fn dossier_on_line(words: &[OsString]) -> Option<PathBuf> {
    let mut it = words.iter();
    while let Some(w) = it.next() {
        let s = w.to_string_lossy();
        if s == "-C" || s == "--dossier" {
            return it.next().map(PathBuf::from);
        }
        if let Some(rest) = s.strip_prefix("--dossier=") {
            return Some(PathBuf::from(rest));
        }
        if let Some(rest) = s.strip_prefix("-C").filter(|r| !r.is_empty()) {
            return Some(PathBuf::from(rest));
        }
    }
    None
}

/// Territory names of the folder, for completion: the canonical names of
/// the referential. Any problem (no folder, broken configuration) gives no
/// candidate rather than an error in the middle of the user's line.
fn territoires_candidats() -> Vec<CompletionCandidate> {
    let words: Vec<OsString> = std::env::args_os().collect();
    let root = match dossier_on_line(&words) {
        Some(dir) => crate::folder::open(&dir).ok(),
        None => std::env::current_dir()
            .ok()
            .and_then(|cwd| crate::folder::discover(&cwd).ok()),
    };
    let Some(root) = root else {
        return Vec::new();
    };
    territoires_de(&root)
}

fn territoires_de(root: &Path) -> Vec<CompletionCandidate> {
    match crate::folder::load_config(root) {
        Ok((config, _, _)) => config
            .territoires
            .all()
            .iter()
            .map(|t| {
                let help =
                    (!t.alias.is_empty()).then(|| format!("alias : {}", t.alias.join(", ")).into());
                CompletionCandidate::new(&t.nom).help(help)
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_on_the_line() {
        let words = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            dossier_on_line(&words(&["reunion", "-C", "x", "actions"])),
            Some(PathBuf::from("x"))
        );
        assert_eq!(
            dossier_on_line(&words(&["reunion", "--dossier=y"])),
            Some(PathBuf::from("y"))
        );
        assert_eq!(
            dossier_on_line(&words(&["reunion", "-Cz"])),
            Some(PathBuf::from("z"))
        );
        assert_eq!(dossier_on_line(&words(&["reunion", "actions"])), None);
    }

    #[test]
    fn each_command_accepts_its_formats() {
        #[derive(Debug, clap::Parser)]
        struct Cmd {
            #[command(flatten)]
            format: FormatOption<Resultats>,
        }
        let parse = |args: &[&str]| <Cmd as clap::Parser>::try_parse_from(args);
        assert_eq!(parse(&["x"]).unwrap().format.format, Format::Texte);
        let json = parse(&["x", "--format", "json"]).unwrap();
        assert_eq!(json.format.format, Format::Json);
        let err = parse(&["x", "--format", "csv"]).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::InvalidValue);
    }
}

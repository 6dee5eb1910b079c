//! `reunion man`: the manual page (roff, by clap_mangen) of `reunion` and,
//! with `--sortie`, one page per command, from the same French help texts
//! as `--aide`, and the same examples in an EXEMPLES section. clap_mangen
//! writes its section titles and a few notes in English; they are put in
//! French here.

use crate::cli::term::errln;
use crate::cli::term::print_out;
use crate::cli::{Cli, Error, help};
use clap::CommandFactory;
use std::path::{Path, PathBuf};

/// Arguments of `reunion man`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dossier où écrire reunion.1 et une page par commande (reunion-render.1…) ; sans lui, reunion.1 est écrite sur la sortie standard.
    #[arg(long, value_name = "DOSSIER")]
    sortie: Option<PathBuf>,
}

/// English words clap_mangen writes, and their French.
const FRANCAIS: &[(&str, &str)] = &[
    (".SH NAME", ".SH NOM"),
    (".SH SUBCOMMANDS", ".SH COMMANDES"),
    (".SH Commandes", ".SH COMMANDES"),
    (".SH EXTRA", ".SH REMARQUES"),
    (".SH AUTHORS", ".SH AUTEURS"),
    ("[default: ", "[par défaut : "),
    ("[possible values: ", "[valeurs possibles : "),
    ("[aliases: ", "[alias : "),
];

/// The page of `cmd` (the command `name`, `""` for reunion itself) in
/// roff, in French, with its EXEMPLES section before the remarks.
fn page(cmd: clap::Command, name: &str) -> Vec<u8> {
    let mut buf = Vec::new();
    // Writing into memory cannot fail.
    let _ = clap_mangen::Man::new(cmd)
        .manual("Manuel de reunion")
        .source(format!("reunion {}", env!("CARGO_PKG_VERSION")))
        .render(&mut buf);
    let mut text = String::from_utf8_lossy(&buf).into_owned();
    for (en, fr) in FRANCAIS {
        text = text.replace(en, fr);
    }
    let examples = help::man_examples(name);
    let at = [".SH REMARQUES", ".SH VERSION", ".SH AUTEURS"]
        .iter()
        .filter_map(|s| text.find(s))
        .min()
        .unwrap_or(text.len());
    text.insert_str(at, &examples);
    text.into_bytes()
}

/// Every page: `reunion.1` then one per visible command, by file name.
pub fn pages() -> Vec<(String, Vec<u8>)> {
    let mut cmd = help::french(Cli::command(), help::Target::Man).disable_help_subcommand(true);
    cmd.build();
    let mut out = vec![("reunion.1".to_string(), page(cmd.clone(), ""))];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("reunion-{}.1", sub.get_name());
        out.push((name, page(sub.clone(), sub.get_name())));
    }
    out
}

fn write_all(dir: &Path) -> Result<usize, Error> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::usage(
            format!("création impossible de {} : {e}", dir.display()),
            None,
        )
    })?;
    let pages = pages();
    for (name, bytes) in &pages {
        let path = dir.join(name);
        crate::fsutil::write_atomic(&path, bytes).map_err(|e| {
            Error::usage(
                format!("écriture impossible de {} : {e}", path.display()),
                None,
            )
        })?;
    }
    Ok(pages.len())
}

pub fn run(args: Args) -> Result<(), Error> {
    match &args.sortie {
        Some(dir) => {
            let n = write_all(dir)?;
            errln!("{n} pages de manuel écrites dans {}", dir.display());
        }
        None => {
            let (_, bytes) = pages().swap_remove(0);
            print_out(&bytes);
        }
    }
    Ok(())
}

//! `reunion man`: the manual page (roff, by clap_mangen) of `reunion` and,
//! with `--sortie`, one page per command, from the same French help texts
//! as `--aide`. clap_mangen writes its section titles and a few notes in
//! English; they are put in French here.

use super::output::{UsageError, usage_error};
use super::{Cli, EXIT_OK};
use clap::CommandFactory;
use std::io::Write;
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

/// The page of `cmd` in roff, in French.
fn page(cmd: clap::Command) -> Vec<u8> {
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
    text.into_bytes()
}

/// Every page: `reunion.1` then one per visible command, by file name.
pub fn pages() -> Vec<(String, Vec<u8>)> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut out = vec![("reunion.1".to_string(), page(cmd.clone()))];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("reunion-{}.1", sub.get_name());
        out.push((name, page(sub.clone())));
    }
    out
}

fn write_all(dir: &Path) -> Result<usize, UsageError> {
    std::fs::create_dir_all(dir).map_err(|e| {
        UsageError::new(
            format!("création impossible de {} : {e}", dir.display()),
            None,
        )
    })?;
    let pages = pages();
    for (name, bytes) in &pages {
        let path = dir.join(name);
        crate::fsutil::write_atomic(&path, bytes).map_err(|e| {
            UsageError::new(
                format!("écriture impossible de {} : {e}", path.display()),
                None,
            )
        })?;
    }
    Ok(pages.len())
}

pub fn run(args: Args) -> u8 {
    match &args.sortie {
        Some(dir) => match write_all(dir) {
            Ok(n) => {
                eprintln!("{n} pages de manuel écrites dans {}", dir.display());
                EXIT_OK
            }
            Err(e) => usage_error(&e),
        },
        None => {
            let (_, bytes) = pages().swap_remove(0);
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(&bytes).and_then(|()| out.flush());
            EXIT_OK
        }
    }
}

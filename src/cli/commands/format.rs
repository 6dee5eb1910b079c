//! `reunion format [--cle CLE]`: the documentation of the format of the
//! folders and records, built into the binary (an installed tool has no
//! docs/ folder), or the part of it that concerns one key.

use crate::cli::Error;
use crate::cli::help::format::{DOC, FormatDoc};
use crate::cli::term::print_out;
use clap_complete::{ArgValueCandidates, CompletionCandidate};

/// Arguments of `reunion format`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Seulement ce qui concerne cette clé (suites, actions, participants…) ; casse et accents indifférents.
    #[arg(long, value_name = "CLE", add = ArgValueCandidates::new(candidates))]
    cle: Option<String>,
}

/// The keys, for the shell's completion of `--cle`.
fn candidates() -> Vec<CompletionCandidate> {
    FormatDoc::new(DOC)
        .keys()
        .into_iter()
        .map(CompletionCandidate::new)
        .collect()
}

pub fn run(args: Args) -> Result<(), Error> {
    let Some(cle) = args.cle else {
        print_out(DOC.as_bytes());
        return Ok(());
    };
    let doc = FormatDoc::new(DOC);
    let keys = doc.keys();
    let folded = crate::text::fold_key(&cle);
    if !keys.contains(&folded) {
        let list = keys.join(", ");
        let help = match crate::text::suggest(&cle, keys.iter().map(String::as_str)) {
            Some(near) => format!("vouliez-vous dire « {near} » ? les clés : {list}"),
            None => format!("les clés : {list}"),
        };
        return Err(Error::usage(
            format!("--cle : le format n'a pas de clé « {cle} »"),
            Some(help),
        ));
    }
    print_out(doc.part(&folded).as_bytes());
    Ok(())
}

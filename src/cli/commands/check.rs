//! `reunion check`: every problem of every record, then a count.

use crate::cli::args::{Diagnostics, Format, FormatOption};
use crate::cli::term::{errln, outln};
use crate::cli::term::{print_diagnostics, print_out};
use crate::cli::{Error, folder_root};
use crate::folder::FolderError;
use crate::report::check::{Rapport, summary};
use std::path::Path;

/// Arguments of `reunion check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    format: FormatOption<Diagnostics>,
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    let json = args.format.format == Format::Json;
    let root = folder_root(dossier)?;
    let folder = match crate::folder::load(&root) {
        Ok(folder) => crate::cli::leak(folder),
        Err(FolderError::ConfigInvalid { diagnostics, .. }) if json => {
            let rapport = Rapport {
                valide: false,
                ..Rapport::new(0, &diagnostics)
            };
            print_out(rapport.json().as_bytes());
            return Err(Error::ConfigReported);
        }
        Err(err) => return Err(err.into()),
    };
    crate::cli::commands::schema::refresh(&root, &folder.config);
    let (erreurs, avertissements) = folder.counts();
    if json {
        print_out(
            Rapport::new(folder.fichiers, &folder.diagnostics)
                .json()
                .as_bytes(),
        );
    } else {
        print_diagnostics(&folder.diagnostics, &folder.sources);
        if folder.fichiers == 0 {
            errln!("note : aucun compte rendu dans reunions/ ; créez-en un avec `reunion new`");
        }
        outln!("{}", summary(folder.fichiers, erreurs, avertissements));
    }
    if erreurs > 0 {
        Err(Error::Invalid)
    } else {
        Ok(())
    }
}

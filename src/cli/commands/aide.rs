//! `reunion aide [COMMANDE]` (or `reunion help`): the help of `reunion` or
//! of one command, exactly as `--aide` prints it, since it is `--aide`
//! that is asked for.

use crate::cli::Error;

/// Arguments of `reunion aide`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// La commande dont afficher l'aide ; sans elle, l'aide de reunion.
    #[arg(value_name = "COMMANDE")]
    commande: Option<String>,
}

pub fn run(args: Args) -> Result<(), Error> {
    let mut line = vec!["reunion".to_string()];
    line.extend(args.commande.clone());
    line.push("--aide".to_string());
    match crate::cli::command().try_get_matches_from(line) {
        // The help itself, or clap's error for an unknown command (with
        // its « vouliez-vous dire »).
        Err(err) => Err(Error::from(err)),
        Ok(_) => Err(Error::usage(
            format!("pas d'aide pour « {} »", args.commande.unwrap_or_default()),
            Some("reunion aide liste les commandes".into()),
        )),
    }
}

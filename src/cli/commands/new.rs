//! `reunion new`: the record of a new meeting, continuing the previous one.

use crate::cli::term::{errln, outln};
use crate::cli::{Error, load_folder};
use crate::scaffold::{NewOptions, plan_new, write_meeting};
use std::path::Path;

/// Arguments of `reunion new`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Date de la réunion (AAAA-MM-JJ) ; par défaut celle annoncée à la réunion précédente, sinon aujourd'hui.
    #[arg(long, value_name = "AAAA-MM-JJ")]
    date: Option<String>,

    /// Titre ; par défaut celui de la réunion précédente du réseau.
    #[arg(long, value_name = "TITRE")]
    titre: Option<String>,

    /// presentiel, visio ou hybride ; par défaut celle annoncée à la réunion précédente.
    #[arg(long, value_name = "MODALITE")]
    modalite: Option<String>,

    /// Identifiant du réseau (déclaré dans reunion.yaml).
    #[arg(long, value_name = "RESEAU")]
    reseau: Option<String>,

    /// Lieu de la réunion.
    #[arg(long, value_name = "LIEU")]
    lieu: Option<String>,
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    // Broken records do not prevent a new one: the previous meeting is looked
    // for among the valid ones, and `check` reports the rest.
    let folder = load_folder(dossier)?;
    let options = NewOptions {
        date: args.date,
        titre: args.titre,
        modalite: args.modalite,
        reseau: args.reseau,
        lieu: args.lieu,
    };
    let today = chrono::Local::now().date_naive();
    let meeting = plan_new(folder, &options, today)?;
    write_meeting(&meeting)?;
    outln!("{}", meeting.path.display());
    if let Some(previous) = &meeting.continues {
        let suites = match meeting.carried {
            0 => "aucune suite ouverte à reprendre".to_string(),
            1 => "1 suite ouverte reprise".to_string(),
            n => format!("{n} suites ouvertes reprises"),
        };
        errln!("dans la suite de {previous} : {suites}");
    }
    if folder.has_errors() {
        errln!("note : d'autres comptes rendus ont des erreurs ; lancez `reunion check`");
    }
    Ok(())
}

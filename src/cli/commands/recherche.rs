//! `reunion recherche`: every place in the records where all the words
//! appear, best first, with an excerpt.

use crate::analysis::filter::{Filter, FilterRequest};
use crate::analysis::search::{rechercher, termes_requete};
use crate::cli::args::{Format, FormatOption, Resultats, completion_territoires};
use crate::cli::term::errln;
use crate::cli::term::{CYAN, GRAS, paint, print_out, stdout_styled};
use crate::cli::{Error, incomplete, load_folder};
use crate::report::search::{self, Partie};
use std::collections::BTreeSet;
use std::path::Path;

/// Arguments of `reunion recherche`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Les mots à trouver, tous dans le même champ (casse, accents, pluriels et élisions indifférents : « ecole » trouve « l'École »).
    #[arg(value_name = "MOTS", required = true, num_args = 1..)]
    mots: Vec<String>,

    /// Seulement ce territoire (nom ou alias) : ses actions, et le reste des réunions où il était présent ou a présenté une action.
    #[arg(long, value_name = "TERRITOIRE", add = completion_territoires())]
    territoire: Option<String>,

    /// Seulement les réunions de ce jour ou après (AAAA-MM-JJ).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    depuis: Option<String>,

    #[command(flatten)]
    format: FormatOption<Resultats>,
}

/// How the text looks: bold date, cyan field, found words bold and
/// underlined on a terminal, in brackets elsewhere.
fn painter(styled: bool) -> impl Fn(Partie, &str) -> String {
    move |partie, text| match partie {
        Partie::Date => paint(styled, GRAS, text),
        Partie::Chemin => paint(styled, CYAN, text),
        Partie::Trouve if styled => paint(styled, "1;4", text),
        Partie::Trouve => format!("[{text}]"),
    }
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    // Invalid records do not stop the search; the answer is flagged
    // incomplete below, as for `reunion actions`.
    let folder = load_folder(dossier)?;
    let request = FilterRequest {
        territoires: args.territoire.into_iter().collect(),
        depuis: args.depuis,
        ..FilterRequest::default()
    };
    let filter = Filter::new(&request, &folder.config, &folder.reunions)?;
    let requete = args.mots.join(" ");
    if termes_requete(&requete).is_empty() {
        return Err(Error::usage(
            format!("rien à chercher dans « {requete} »"),
            Some("donnez au moins un mot fait de lettres ou de chiffres".into()),
        ));
    }
    let found = rechercher(&folder.reunions, &requete, &filter);
    let reunions: BTreeSet<&str> = found.iter().map(|r| r.reunion.fichier.as_str()).collect();
    match args.format.format {
        Format::Json => print_out(search::json(&found).as_bytes()),
        // Only texte and json are accepted on the command line.
        _ => print_out(search::texte(&found, &painter(stdout_styled())).as_bytes()),
    }
    if found.is_empty() {
        errln!("aucun résultat pour « {requete} »");
    } else {
        let n = found.len();
        let m = reunions.len();
        errln!(
            "{n} résultat{} dans {m} réunion{}",
            if n > 1 { "s" } else { "" },
            if m > 1 { "s" } else { "" }
        );
    }
    incomplete(folder)
}

//! `reunion fiche`: the fiche expérience of one practice, merged from every
//! meeting that discussed it, on standard output.

use crate::cli::args::PageFormat;
use crate::cli::term::print_out;
use crate::cli::{Error, folder_root, incomplete, incomplete_warning};
use crate::render::{self, Publication};
use std::path::Path;

/// Arguments of `reunion fiche`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Identifiant de l'action (`reunion actions --derniere` les liste) : lille-passerelle-eje.
    #[arg(value_name = "ID")]
    id: String,

    /// md (par défaut) ou html (document autonome, feuille de style comprise, prêt à imprimer).
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: Option<PageFormat>,

    /// Publie aussi le contact (donnée personnelle : par défaut, il n'est pas publié).
    #[arg(long)]
    avec_noms: bool,
}

/// The error for an id that no meeting tells, with the nearest id.
fn unknown(id: &str, ids: &[&str]) -> Error {
    let help = match crate::text::suggest(id, ids.iter().copied()) {
        Some(s) => format!("vouliez-vous dire « {s} » ?"),
        None if ids.is_empty() => "aucun compte rendu ne présente d'action à valoriser".into(),
        None => "`reunion actions --derniere` liste les actions et leur identifiant".into(),
    };
    Error::usage(
        format!("aucune action « {id} » dans les comptes rendus"),
        Some(help),
    )
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    let root = folder_root(dossier)?;
    let folder = crate::folder::load(&root)?;
    let id = args.id.trim();
    let templates = render::templates::Templates::load(&root)?;
    let format = PageFormat::or_default(args.format);
    let publication = Publication {
        avec_noms: args.avec_noms,
        interne: false,
    };
    match render::render_fiche(&folder, &templates, id, format, publication)? {
        Some(text) => {
            print_out(text.as_bytes());
            if !text.ends_with('\n') {
                print_out(b"\n");
            }
            // A record with errors is left out: its part of the history may
            // be missing, which the user must know.
            incomplete(&folder)
        }
        // The id may be in a record that could not be read.
        None => Err(unknown(id, &crate::analysis::fiche::ids(&folder.reunions))
            .noted(incomplete_warning(&folder))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_id_gets_the_nearest() {
        let ids = ["lille-gpds", "lille-laboratoires-pedagogiques"];
        let help = |e| match e {
            Error::Usage { help, .. } => help.unwrap(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            help(unknown("lille-laboratoires", &ids)),
            "vouliez-vous dire « lille-laboratoires-pedagogiques » ?"
        );
        assert!(help(unknown("zzz", &ids)).contains("reunion actions"));
    }
}

//! `reunion fiche`: the fiche expérience of one practice, merged from every
//! meeting that discussed it, on standard output.

use super::actions::{incomplete, print_out};
use super::folder_root;
use super::output::{UsageError, folder_error, usage_error};
use super::render::{FormatArg, print_render_error};
use crate::render::{self, Format, Publication, RenderError};
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
    format: Option<FormatArg>,

    /// Publie aussi le contact (donnée personnelle : par défaut, il n'est pas publié).
    #[arg(long)]
    avec_noms: bool,
}

/// The error for an id that no meeting tells, with the nearest id.
fn unknown(id: &str, ids: &[&str]) -> UsageError {
    let help = match crate::text::suggest(id, ids.iter().copied()) {
        Some(s) => format!("vouliez-vous dire « {s} » ?"),
        None if ids.is_empty() => "aucun compte rendu ne présente d'action à valoriser".into(),
        None => "`reunion actions --derniere` liste les actions et leur identifiant".into(),
    };
    UsageError::new(
        format!("aucune action « {id} » dans les comptes rendus"),
        Some(help),
    )
}

pub fn run(args: Args, dossier: Option<&Path>) -> u8 {
    let root = match folder_root(dossier) {
        Ok(root) => root,
        Err(err) => return usage_error(&err),
    };
    let folder = match crate::folder::load(&root) {
        Ok(folder) => folder,
        Err(err) => return folder_error(err),
    };
    let id = args.id.trim();
    let templates = match render::templates::Templates::load(&root) {
        Ok(t) => t,
        Err(err) => return print_render_error(RenderError::Template(err)),
    };
    let format = match args.format.unwrap_or(FormatArg::Md) {
        FormatArg::Md => Format::Markdown,
        FormatArg::Html => Format::Html,
    };
    let publication = Publication {
        avec_noms: args.avec_noms,
    };
    match render::render_fiche(&folder, &templates, id, format, publication) {
        Ok(Some(text)) => {
            print_out(text.as_bytes());
            if !text.ends_with('\n') {
                print_out(b"\n");
            }
            // A record with errors is left out: its part of the history may
            // be missing, which the user must know.
            incomplete(&folder)
        }
        Ok(None) => {
            let code = usage_error(&unknown(id, &crate::fiche::ids(&folder.reunions)));
            // The id may be in a record that could not be read.
            incomplete(&folder);
            code
        }
        Err(err) => print_render_error(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_id_gets_the_nearest() {
        let ids = ["lille-gpds", "lille-laboratoires-pedagogiques"];
        let e = unknown("lille-laboratoires", &ids);
        assert_eq!(
            e.help.as_deref(),
            Some("vouliez-vous dire « lille-laboratoires-pedagogiques » ?")
        );
        let e = unknown("zzz", &ids);
        assert!(e.help.unwrap().contains("reunion actions"));
    }
}

//! `reunion agenda`: the coming meetings, and the calendar file to subscribe to.

use crate::analysis::agenda::{coming, events};
use crate::cli::args::{Largeur, jour};
use crate::cli::term::errln;
use crate::cli::term::print_out;
use crate::cli::{Error, incomplete, load_folder};
use crate::render::Publication;
use crate::render::calendar::{IcsOptions, ics};
use crate::render::privacy::PublicFolder;
use crate::render::views::Pages;
use crate::report::{agenda, table};
use std::path::{Path, PathBuf};

/// Arguments of `reunion agenda`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Écrit aussi le calendrier iCalendar de toutes les réunions, passées et à venir, dans ce fichier (« - » : la sortie standard).
    #[arg(long, value_name = "FICHIER")]
    ics: Option<PathBuf>,

    /// La date du jour (par défaut aujourd'hui) : les réunions de ce jour ou après sont « à venir ».
    #[arg(long, value_name = "AAAA-MM-JJ")]
    au: Option<String>,

    #[command(flatten)]
    largeur: Largeur,
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    let folder = load_folder(dossier)?;
    let today = jour(args.au.as_deref())?;
    let all = events(&folder.reunions, &folder.config);
    if let Some(path) = &args.ics {
        // The calendar is published (subscribed to): names typed in its
        // titles, places and notes are replaced, as on the site.
        let public = PublicFolder::new(folder, Publication::default());
        let text = ics(
            &events(&public.reunions, &public.config),
            &Pages::new(&public.reunions, &public.config),
            &public.config,
            &IcsOptions {
                site: folder.config.site.clone(),
            },
        );
        if path.as_os_str() == "-" {
            print_out(text.as_bytes());
            return incomplete(folder);
        }
        crate::fsutil::write_atomic(path, text.as_bytes()).map_err(|e| {
            Error::usage(
                format!("écriture impossible de {} : {e}", path.display()),
                None,
            )
        })?;
        errln!("{} : {} réunions", path.display(), all.len());
    }
    let next = coming(&all, today);
    if next.is_empty() {
        errln!("aucune réunion à venir n'est prévue ni annoncée");
    } else {
        let text = table::texte(
            &agenda::tableau(&next),
            args.largeur.colonnes(),
            &table::sans_couleur,
        );
        print_out(text.as_bytes());
    }
    incomplete(folder)
}

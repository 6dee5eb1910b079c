//! `reunion apercu`: publishes the folder, serves it on 127.0.0.1 with live
//! reload ([`crate::preview`]) and republishes at each change, like
//! `reunion render --surveiller`. This module only wires them together.

use crate::cli::publish::{publish_once, watch};
use crate::cli::term::{errln, outln};
use crate::cli::{Error, folder_root};
use crate::preview::reload::SiteVersion;
use crate::preview::server::{self, Limits};
use crate::preview::snapshot::Snapshot;
use crate::render::Publication;
use std::path::{Path, PathBuf};

/// Arguments of `reunion apercu`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Port d'écoute, sur 127.0.0.1 seulement (0 : un port libre au hasard).
    #[arg(long, value_name = "PORT", default_value_t = 8000)]
    port: u16,

    /// Dossier où publier (par défaut : public/ du dossier de réunions).
    #[arg(long, value_name = "DOSSIER")]
    sortie: Option<PathBuf>,

    /// Publie aussi les noms des participants (données personnelles).
    #[arg(long)]
    avec_noms: bool,
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    let root = folder_root(dossier)?;
    let publication = Publication {
        avec_noms: args.avec_noms,
        interne: false,
    };
    let out = args.sortie.unwrap_or_else(|| root.join("public"));
    let resolved = crate::render::writer::check_output(&root, &out).map_err(|e| {
        Error::usage(
            e.to_string(),
            Some("choisissez un dossier à part avec --sortie".into()),
        )
    })?;
    let listener = server::bind(args.port).map_err(|e| {
        Error::usage(
            format!("impossible d'écouter sur 127.0.0.1:{} : {e}", args.port),
            Some("choisissez un autre port avec --port, ou --port 0 pour un port libre".into()),
        )
    })?;
    let port = listener.local_addr().map_or(args.port, |a| a.port());
    let last = Snapshot::take(&root);
    publish_once(&root, &out, publication, || ());
    // The folder may not exist yet if the first publication failed.
    let _ = std::fs::create_dir_all(&resolved);
    let version = SiteVersion::new();
    let served = version.clone();
    let limits = Limits::from_env();
    std::thread::Builder::new()
        .name("apercu".into())
        .spawn(move || {
            let warn = |message: &str| errln!("{message}");
            if let Err(e) = server::serve(listener, resolved, served, limits, warn) {
                errln!("l'aperçu s'est arrêté : {e}");
                std::process::exit(i32::from(crate::cli::EXIT_USAGE));
            }
        })
        .map_err(|e| Error::usage(format!("aperçu impossible à démarrer : {e}"), None))?;
    errln!(
        "aperçu servi sur cette machine seulement ; ouvrez l'adresse ci-dessous dans un navigateur"
    );
    outln!("http://127.0.0.1:{port}/");
    watch(&root, &out, publication, last, || version.republished())
}

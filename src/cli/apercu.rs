//! `reunion apercu`: publishes the folder, serves it on 127.0.0.1 and
//! republishes at each change, like `reunion render --surveiller`.

use super::folder_root;
use super::output::{UsageError, usage_error};
use super::render::{publier_une_fois, surveiller};
use crate::render::Publication;
use crate::surveillance::Empreinte;
use std::io::Write;
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

pub fn run(args: Args, dossier: Option<&Path>) -> u8 {
    let root = match folder_root(dossier) {
        Ok(root) => root,
        Err(err) => return usage_error(&err),
    };
    let publication = Publication {
        avec_noms: args.avec_noms,
    };
    let out = args.sortie.unwrap_or_else(|| root.join("public"));
    let resolved = match crate::render::site::check_output(&root, &out) {
        Ok(r) => r,
        Err(e) => {
            return usage_error(&UsageError::new(
                e.to_string(),
                Some("choisissez un dossier à part avec --sortie".into()),
            ));
        }
    };
    let listener = match crate::apercu::ecouter(args.port) {
        Ok(l) => l,
        Err(e) => {
            return usage_error(&UsageError::new(
                format!("impossible d'écouter sur 127.0.0.1:{} : {e}", args.port),
                Some("choisissez un autre port avec --port, ou --port 0 pour un port libre".into()),
            ));
        }
    };
    let port = listener.local_addr().map_or(args.port, |a| a.port());
    let last = Empreinte::prendre(&root);
    publier_une_fois(&root, &out, publication);
    // The folder may not exist yet if the first publication failed.
    let _ = std::fs::create_dir_all(&resolved);
    std::thread::spawn(move || crate::apercu::servir(listener, resolved));
    eprintln!(
        "aperçu servi sur cette machine seulement ; ouvrez l'adresse ci-dessous dans un navigateur"
    );
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "http://127.0.0.1:{port}/").and_then(|()| stdout.flush());
    drop(stdout);
    surveiller(&root, &out, publication, last)
}

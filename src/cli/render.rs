//! `reunion render`: the whole site and its Markdown into a folder, or one
//! compte rendu on standard output.

use super::output::{UsageError, folder_error, load_valid, print_diagnostics, usage_error};
use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, folder_root};
use crate::cache::RecordCache;
use crate::render::{self, Format, Publication, RenderError};
use crate::surveillance::{Empreinte, attendre};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Output formats of a single compte rendu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Markdown.
    Md,
    /// HTML autonome.
    Html,
}

/// Arguments of `reunion render`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Un compte rendu (fichier .yaml) à écrire seul sur la sortie standard, au lieu de publier tout le dossier.
    #[arg(value_name = "FICHIER.yaml")]
    fichier: Option<PathBuf>,

    /// Dossier où publier le site et les fichiers Markdown (par défaut : public/ du dossier de réunions).
    #[arg(long, value_name = "DOSSIER", conflicts_with = "fichier")]
    sortie: Option<PathBuf>,

    /// Publie aussi les noms des participants (données personnelles : par défaut, seules fonctions et structures sont publiées).
    #[arg(long)]
    avec_noms: bool,

    /// Avec FICHIER.yaml : md (par défaut) ou html (document autonome, feuille de style comprise).
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        requires = "fichier",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: Option<FormatArg>,

    /// Reste lancé et republie dès qu'un compte rendu, reunion.yaml, un modèle ou une image change ; les diagnostics s'affichent au fil de l'eau (Ctrl+C pour arrêter).
    #[arg(long, conflicts_with = "fichier")]
    surveiller: bool,
}

/// Prints why a publication failed; returns the exit status.
pub(super) fn print_render_error(err: RenderError) -> u8 {
    match err {
        RenderError::Template(t) => {
            let mut sources = BTreeMap::new();
            if let Some(source) = t.source {
                sources.insert(t.diagnostic.fichier.clone(), source);
            }
            print_diagnostics(std::slice::from_ref(&t.diagnostic), &sources);
            eprintln!("rien n'a été écrit");
            EXIT_USAGE
        }
        other => {
            let help = match &other {
                RenderError::Output(render::site::OutputError::Refused { .. }) => Some(
                    "choisissez un dossier à part avec --sortie, par exemple --sortie public"
                        .into(),
                ),
                // Every file is written whole or not at all: what is there
                // is complete, old or new, and a new run finishes the job.
                RenderError::Output(render::site::OutputError::Io { .. }) => Some(
                    "les fichiers déjà écrits sont complets ; réglez le problème puis relancez `reunion render` pour finir la publication"
                        .into(),
                ),
                _ => None,
            };
            usage_error(&UsageError::new(other.to_string(), help))
        }
    }
}

pub fn run(args: Args, dossier: Option<&Path>) -> u8 {
    let publication = Publication {
        avec_noms: args.avec_noms,
    };
    match &args.fichier {
        Some(fichier) => one(
            fichier,
            dossier,
            args.format.unwrap_or(FormatArg::Md),
            publication,
        ),
        None if args.surveiller => {
            let root = match folder_root(dossier) {
                Ok(root) => root,
                Err(err) => return usage_error(&err),
            };
            let out = args.sortie.clone().unwrap_or_else(|| root.join("public"));
            let last = Empreinte::prendre(&root);
            publier_une_fois(&root, &out, publication);
            surveiller(&root, &out, publication, last)
        }
        None => site(args.sortie.as_deref(), dossier, publication),
    }
}

/// One publication in watch mode: prints what happened and never stops the
/// watch. A folder with errors is not published, so the pages already
/// written (the last good ones) stay as they were. Returns whether pages
/// were published.
pub(super) fn publier_une_fois(root: &Path, out: &Path, publication: Publication) -> bool {
    let heure = chrono::Local::now().format("%H:%M:%S");
    let cache = RecordCache::for_output(out);
    let folder = match load_valid(root, &cache) {
        Ok(folder) => folder,
        Err(_) => {
            eprintln!("[{heure}] rien n'a été publié : les pages déjà publiées restent en place");
            return false;
        }
    };
    print_diagnostics(&folder.diagnostics, &folder.sources);
    match render::publish(&folder, out, publication) {
        Ok((_, report)) => {
            // Not kept: the next publication reads every record again.
            let _ = cache.keep(&folder);
            eprintln!(
                "[{heure}] publié : {} fichiers, {} écrit{}, {} inchangé{}{}",
                report.fichiers,
                report.written,
                if report.written > 1 { "s" } else { "" },
                report.unchanged,
                if report.unchanged > 1 { "s" } else { "" },
                if report.removed.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", {} retiré{}",
                        report.removed.len(),
                        if report.removed.len() > 1 { "s" } else { "" }
                    )
                },
            );
            true
        }
        Err(err) => {
            print_render_error(err);
            eprintln!("[{heure}] les pages déjà publiées restent en place");
            false
        }
    }
}

/// Watches the folder and republishes at each change, until the process is
/// stopped. `last` is the fingerprint the current publication was made from.
pub(super) fn surveiller(
    root: &Path,
    out: &Path,
    publication: Publication,
    mut last: Empreinte,
) -> u8 {
    eprintln!(
        "surveillance de {} : chaque modification republie dans {} (Ctrl+C pour arrêter)",
        root.display(),
        out.display()
    );
    loop {
        let (now, changed) = attendre(root, &last);
        last = now;
        eprintln!("modifié : {}", changed.join(", "));
        publier_une_fois(root, out, publication);
    }
}

fn site(sortie: Option<&Path>, dossier: Option<&Path>, publication: Publication) -> u8 {
    let root = match folder_root(dossier) {
        Ok(root) => root,
        Err(err) => return usage_error(&err),
    };
    let out = sortie.map_or_else(|| root.join("public"), Path::to_path_buf);
    let cache = RecordCache::for_output(&out);
    let folder = match load_valid(&root, &cache) {
        Ok(folder) => folder,
        Err(code) => {
            eprintln!("rien n'a été écrit");
            return code;
        }
    };
    // Warnings do not stop a publication, but are worth seeing.
    print_diagnostics(&folder.diagnostics, &folder.sources);
    if folder.fichiers == 0 {
        eprintln!(
            "note : aucun compte rendu dans reunions/ ; le site publié ne liste aucune réunion"
        );
    }
    // An output chosen with --sortie may be anywhere. The default one is
    // part of the folder, which may come from anyone's pull request: a
    // `public` link leading outside it is not followed.
    if sortie.is_none()
        && std::fs::symlink_metadata(&out).is_ok_and(|m| m.file_type().is_symlink())
        && !crate::fsutil::resolves_inside(&root, &out)
    {
        let code = usage_error(&UsageError::new(
            format!(
                "refus d'écrire les pages dans {} : c'est un lien symbolique qui mène hors du dossier de réunions",
                out.display()
            ),
            Some("pour publier ailleurs, indiquez le dossier avec --sortie".into()),
        ));
        eprintln!("rien n'a été écrit");
        return code;
    }
    match render::publish(&folder, &out, publication) {
        Ok((resolved, report)) => {
            // Not kept: the next publication reads every record again.
            let _ = cache.keep(&folder);
            // Every valid record has its page.
            let comptes_rendus = folder.reunions.len();
            let mut line = format!(
                "{} fichiers publiés dans {} ({} compte{} rendu{}) : {} écrit{}, {} inchangé{}",
                report.fichiers,
                out.display(),
                comptes_rendus,
                if comptes_rendus > 1 { "s" } else { "" },
                if comptes_rendus > 1 { "s" } else { "" },
                report.written,
                if report.written > 1 { "s" } else { "" },
                report.unchanged,
                if report.unchanged > 1 { "s" } else { "" },
            );
            if report.reused > 0 {
                // Their inputs did not change: not even rendered.
                line.push_str(&format!(" (dont {} repris tels quels)", report.reused));
            }
            if report.leftovers > 0 {
                line.push_str(&format!(
                    ", {} fichier{} temporaire{} d'une publication interrompue retiré{}",
                    report.leftovers,
                    if report.leftovers > 1 { "s" } else { "" },
                    if report.leftovers > 1 { "s" } else { "" },
                    if report.leftovers > 1 { "s" } else { "" },
                ));
            }
            if !report.removed.is_empty() {
                line.push_str(&format!(
                    ", {} retiré{}",
                    report.removed.len(),
                    if report.removed.len() > 1 { "s" } else { "" }
                ));
            }
            eprintln!("{line}");
            for removed in &report.removed {
                eprintln!("retiré : {removed}");
            }
            println!("{}", resolved.join("index.html").display());
            EXIT_OK
        }
        Err(err) => print_render_error(err),
    }
}

fn one(fichier: &Path, dossier: Option<&Path>, format: FormatArg, publication: Publication) -> u8 {
    if !fichier.is_file() {
        return usage_error(&UsageError::new(
            format!("{} : fichier introuvable", fichier.display()),
            None,
        ));
    }
    // Without -C, the folder is the one that holds the record.
    let root = match dossier {
        Some(_) => folder_root(dossier),
        None => {
            let parent = match fichier.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            crate::folder::discover(parent).map_err(|e| UsageError::new(e.to_string(), e.help()))
        }
    };
    let root = match root {
        Ok(root) => root,
        Err(err) => return usage_error(&err),
    };
    let folder = match crate::folder::load(&root) {
        Ok(folder) => folder,
        Err(err) => return folder_error(err),
    };
    let wanted = fichier.canonicalize().ok();
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.clone());
    let relative = wanted
        .as_ref()
        .and_then(|w| w.strip_prefix(&canonical_root).ok())
        .map(|rel| crate::folder::relative_name(Path::new(""), rel));
    let Some(relative) = relative.filter(|r| r.starts_with("reunions/")) else {
        return usage_error(&UsageError::new(
            format!(
                "{} n'est pas un compte rendu du dossier {}",
                fichier.display(),
                root.display()
            ),
            Some(
                "les comptes rendus sont dans le dossier reunions/ ; indiquez le dossier avec -C"
                    .into(),
            ),
        ));
    };
    // Only this record needs to be valid to print it.
    let own: Vec<_> = folder
        .diagnostics
        .iter()
        .filter(|d| d.fichier == relative)
        .cloned()
        .collect();
    print_diagnostics(&own, &folder.sources);
    let Some(reunion) = folder
        .reunions
        .iter()
        .find(|r| r.fichier == relative)
        .filter(|_| !own.iter().any(|d| d.is_error()))
    else {
        eprintln!("{relative} a des erreurs : rien n'a été écrit");
        return EXIT_INVALID;
    };
    let templates = match render::templates::Templates::load(&root) {
        Ok(t) => t,
        Err(err) => return print_render_error(RenderError::Template(err)),
    };
    let format = match format {
        FormatArg::Md => Format::Markdown,
        FormatArg::Html => Format::Html,
    };
    match render::render_meeting(&folder, &templates, reunion, format, publication) {
        Ok(text) => {
            print!("{text}");
            if !text.ends_with('\n') {
                println!();
            }
            EXIT_OK
        }
        Err(err) => print_render_error(err),
    }
}

//! `reunion render`: the whole site and its Markdown into a folder, or one
//! compte rendu on standard output.

use crate::cli::args::PageFormat;
use crate::cli::publish::{self, Published, s};
use crate::cli::term::print_diagnostics;
use crate::cli::term::{errln, outln};
use crate::cli::{Error, folder_root};
use crate::folder::layout;
use crate::preview::snapshot::Snapshot;
use crate::render::{self, Publication};
use std::path::{Path, PathBuf};

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

    /// Publie aussi les parties marquées « interne: true » (points, décisions, actions, suites), par défaut dans public-interne/ et jamais dans public/.
    #[arg(long)]
    interne: bool,

    /// Avec FICHIER.yaml : md (par défaut) ou html (document autonome, feuille de style comprise).
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        requires = "fichier",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: Option<PageFormat>,

    /// Reste lancé et republie dès qu'un compte rendu, reunion.yaml, un modèle ou une image change ; les diagnostics s'affichent au fil de l'eau (Ctrl+C pour arrêter).
    #[arg(long, conflicts_with = "fichier")]
    surveiller: bool,
}

pub fn run(args: Args, dossier: Option<&Path>) -> Result<(), Error> {
    let publication = Publication {
        avec_noms: args.avec_noms,
        interne: args.interne,
    };
    match &args.fichier {
        Some(fichier) => one(
            fichier,
            dossier,
            PageFormat::or_default(args.format),
            publication,
        ),
        None if args.surveiller => {
            let root = folder_root(dossier)?;
            let out = output(&root, args.sortie.as_deref(), publication)?;
            let last = Snapshot::take(&root);
            publish::publish_once(&root, &out, publication, || ());
            publish::watch(&root, &out, publication, last, || ())
        }
        None => site(args.sortie.as_deref(), dossier, publication),
    }
}

fn site(
    sortie: Option<&Path>,
    dossier: Option<&Path>,
    publication: Publication,
) -> Result<(), Error> {
    let root = folder_root(dossier)?;
    let out = output(&root, sortie, publication)?;
    let before = |folder: &crate::folder::Folder| {
        if folder.fichiers == 0 {
            errln!(
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
            return Err(Error::usage(
                format!(
                    "refus d'écrire les pages dans {} : c'est un lien symbolique qui mène hors du dossier de réunions",
                    out.display()
                ),
                Some("pour publier ailleurs, indiquez le dossier avec --sortie".into()),
            ));
        }
        Ok(())
    };
    let Published {
        resolved,
        report,
        comptes_rendus,
    } = publish::publish(&root, &out, publication, before).map_err(|err| match err {
        // A failed publication says itself what was written.
        Error::Render(_) => err,
        other => other.noted(Some("rien n'a été écrit".into())),
    })?;
    let mut line = format!(
        "{} fichiers publiés dans {} ({} compte{} rendu{}) : {} écrit{}, {} inchangé{}",
        report.fichiers,
        out.display(),
        comptes_rendus,
        s(comptes_rendus),
        s(comptes_rendus),
        report.written,
        s(report.written),
        report.unchanged,
        s(report.unchanged),
    );
    if report.reused > 0 {
        // Their inputs did not change: not even rendered.
        line.push_str(&format!(" (dont {} repris tels quels)", report.reused));
    }
    if report.leftovers > 0 {
        let n = report.leftovers;
        line.push_str(&format!(
            ", {n} fichier{} temporaire{} d'une publication interrompue retiré{}",
            s(n),
            s(n),
            s(n),
        ));
    }
    if !report.removed.is_empty() {
        let n = report.removed.len();
        line.push_str(&format!(", {n} retiré{}", s(n)));
    }
    errln!("{line}");
    for removed in &report.removed {
        errln!("retiré : {removed}");
    }
    outln!("{}", resolved.join("index.html").display());
    Ok(())
}

/// Where the site goes: `--sortie`, else the default folder of the
/// publication. The internal parts never go to the public folder, even
/// when asked: a public folder is the one that gets deployed.
fn output(root: &Path, sortie: Option<&Path>, publication: Publication) -> Result<PathBuf, Error> {
    let public = layout::default_output(root, false);
    let Some(sortie) = sortie else {
        return Ok(layout::default_output(root, publication.interne));
    };
    let resolve = |p: &Path| crate::fsutil::resolve(p).ok();
    if publication.interne && resolve(sortie).is_some_and(|s| Some(s) == resolve(&public)) {
        return Err(Error::usage(
            format!(
                "refus de publier les parties internes dans {} : c'est le dossier du site public",
                sortie.display()
            ),
            Some(format!(
                "sans --sortie, reunion render --interne écrit dans {}/",
                layout::INTERNAL_DIR
            )),
        ));
    }
    Ok(sortie.to_path_buf())
}

fn one(
    fichier: &Path,
    dossier: Option<&Path>,
    format: render::Format,
    publication: Publication,
) -> Result<(), Error> {
    let missing =
        |fichier: &Path| Error::usage(format!("{} : fichier introuvable", fichier.display()), None);
    // Without -C, the folder is the one that holds the record, found from
    // the record's own folder. With -C, a path that names no file from
    // here is also looked for inside the folder given
    // (`-C dossier render reunions/2022/….yaml`).
    let (root, fichier) = match dossier {
        Some(_) => {
            let root = folder_root(dossier)?;
            let inside = root.join(fichier);
            if fichier.is_file() {
                (root, fichier.to_path_buf())
            } else if inside.is_file() {
                (root, inside)
            } else {
                return Err(missing(fichier));
            }
        }
        None if fichier.is_file() => {
            let parent = fichier.parent().unwrap_or(Path::new(""));
            (crate::folder::discover(parent)?, fichier.to_path_buf())
        }
        None => return Err(missing(fichier)),
    };
    let fichier = fichier.as_path();
    let folder = crate::folder::load(&root)?;
    let wanted = fichier.canonicalize().ok();
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.clone());
    let relative = wanted
        .as_ref()
        .and_then(|w| w.strip_prefix(&canonical_root).ok())
        .map(|rel| crate::folder::relative_name(Path::new(""), rel));
    let Some(relative) = relative.filter(|r| r.starts_with("reunions/")) else {
        return Err(Error::usage(
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
        errln!("{relative} a des erreurs : rien n'a été écrit");
        return Err(Error::Invalid);
    };
    let templates = render::templates::Templates::load(&root)?;
    let text = render::render_meeting(&folder, &templates, reunion, format, publication)?;
    // The page itself, as published: records hold no control character.
    crate::cli::term::print_out(text.as_bytes());
    if !text.ends_with('\n') {
        crate::cli::term::print_out(b"\n");
    }
    Ok(())
}

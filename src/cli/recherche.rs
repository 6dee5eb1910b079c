//! `reunion recherche`: every place in the records where all the words
//! appear, best first, with an excerpt.

use super::actions::print_out;
use super::completions::territoires_candidats;
use super::output::{UsageError, stdout_styled, usage_error};
use crate::query::{Demande, Filtres};
use crate::search::{Recherche, Resultat, rechercher, termes_requete};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::Path;

/// Output formats of `recherche`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Pour le terminal, les mots trouvés marqués.
    Texte,
    /// Un tableau JSON.
    Json,
}

/// Arguments of `reunion recherche`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Les mots à trouver, tous dans le même champ (casse, accents, pluriels et élisions indifférents : « ecole » trouve « l'École »).
    #[arg(value_name = "MOTS", required = true, num_args = 1..)]
    mots: Vec<String>,

    /// Seulement ce territoire (nom ou alias) : ses actions, et le reste des réunions où il était présent ou a présenté une action.
    #[arg(long, value_name = "TERRITOIRE", add = clap_complete::ArgValueCandidates::new(territoires_candidats))]
    territoire: Option<String>,

    /// Seulement les réunions de ce jour ou après (AAAA-MM-JJ).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    depuis: Option<String>,

    /// Format de sortie : texte (par défaut) ou json.
    #[arg(
        long,
        value_enum,
        default_value = "texte",
        value_name = "FORMAT",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: Format,
}

#[derive(Serialize)]
struct ResultatJson<'a> {
    date: String,
    titre: &'a str,
    fichier: &'a str,
    chemin: &'a str,
    champ: &'a str,
    score: f64,
    extrait: &'a str,
    /// Marked words as [start, end) character offsets in `extrait`.
    marques: Vec<(usize, usize)>,
}

fn json(found: &[Resultat<'_>]) -> String {
    let items: Vec<ResultatJson<'_>> = found
        .iter()
        .map(|r| ResultatJson {
            date: r.reunion.date.format("%Y-%m-%d").to_string(),
            titre: &r.reunion.titre,
            fichier: &r.reunion.fichier,
            chemin: &r.champ.chemin,
            champ: r.champ.libelle,
            // Two decimals are enough to compare, and keep output stable.
            score: (r.score * 100.0).round() / 100.0,
            extrait: &r.extrait.texte,
            marques: r.extrait.marques_en_caracteres(),
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

fn texte(found: &[Resultat<'_>], styled: bool) -> String {
    let paint = |code: &str, t: &str| {
        if styled {
            format!("\x1b[{code}m{t}\x1b[0m")
        } else {
            t.to_string()
        }
    };
    let mut out = String::new();
    for (i, r) in found.iter().enumerate() {
        let extrait: String = r
            .extrait
            .morceaux()
            .into_iter()
            .map(|(t, marked)| match (marked, styled) {
                (false, _) => t.to_string(),
                (true, true) => paint("1;4", t),
                (true, false) => format!("[{t}]"),
            })
            .collect();
        out.push_str(&format!(
            "{}. {} — {}\n   {} ({}) · {}\n   {}\n\n",
            i + 1,
            paint("1", &crate::dates::long_date(r.reunion.date)),
            crate::export::une_ligne(&r.reunion.titre),
            paint("36", &r.champ.chemin),
            r.champ.libelle,
            r.reunion.fichier,
            extrait,
        ));
    }
    out
}

pub fn run(args: Args, dossier: Option<&Path>) -> u8 {
    // Invalid records do not stop the search; the answer is flagged
    // incomplete below, as for `reunion actions`.
    let folder = match super::load_folder(dossier) {
        Ok(folder) => folder,
        Err(code) => return code,
    };
    let demande = Demande {
        territoires: args.territoire.into_iter().collect(),
        depuis: args.depuis,
        ..Demande::default()
    };
    let filtres = match Filtres::new(&demande, &folder.config, &folder.reunions) {
        Ok(f) => f,
        Err(e) => return usage_error(&UsageError::new(e.to_string(), e.help())),
    };
    let requete = args.mots.join(" ");
    if termes_requete(&requete).is_empty() {
        return usage_error(&UsageError::new(
            format!("rien à chercher dans « {requete} »"),
            Some("donnez au moins un mot fait de lettres ou de chiffres".into()),
        ));
    }
    let recherche = Recherche {
        requete: requete.clone(),
        territoire: filtres.territoires.into_iter().next(),
        depuis: filtres.depuis,
    };
    let found = rechercher(&folder.reunions, &recherche);
    let reunions: BTreeSet<&str> = found.iter().map(|r| r.reunion.fichier.as_str()).collect();
    match args.format {
        Format::Json => print_out(json(&found).as_bytes()),
        Format::Texte => print_out(texte(&found, stdout_styled()).as_bytes()),
    }
    if found.is_empty() {
        eprintln!("aucun résultat pour « {requete} »");
    } else {
        let n = found.len();
        let m = reunions.len();
        eprintln!(
            "{n} résultat{} dans {m} réunion{}",
            if n > 1 { "s" } else { "" },
            if m > 1 { "s" } else { "" }
        );
    }
    super::actions::incomplete(folder)
}

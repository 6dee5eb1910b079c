//! `reunion suites`: every follow-up across the folder, once each with its
//! history, open ones by default, overdue first.

use super::actions::{Format, Largeur, incomplete, print_out};
use super::output::{UsageError, stdout_styled, usage_error};
use crate::export::{self, Cellule};
use crate::suites::{SuitesFilter, follow_ups, select};
use std::path::Path;

/// Arguments of `reunion suites`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Seulement les suites dont « qui » contient ces mots (casse et accents indifférents).
    #[arg(long, value_name = "QUI")]
    qui: Option<String>,

    /// Les suites encore ouvertes (par défaut).
    #[arg(long, conflicts_with = "toutes")]
    ouvertes: bool,

    /// Toutes les suites, faites comprises.
    #[arg(long)]
    toutes: bool,

    /// Seulement les suites ouvertes dont l'échéance est passée.
    #[arg(long = "en-retard", conflicts_with = "toutes")]
    en_retard: bool,

    /// Seulement les suites des réunions de ce réseau (identifiant déclaré dans reunion.yaml).
    #[arg(long, value_name = "RESEAU")]
    reseau: Option<String>,

    /// La date du jour pour juger des retards (par défaut aujourd'hui).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    au: Option<String>,

    /// Format de sortie : texte (par défaut, un tableau), markdown, json ou csv (UTF-8 avec BOM, pour les tableurs).
    #[arg(
        long,
        value_enum,
        default_value = "texte",
        value_name = "FORMAT",
        hide_possible_values = true,
        hide_default_value = true
    )]
    format: Format,

    #[command(flatten)]
    largeur: Largeur,
}

pub fn run(args: Args, dossier: Option<&Path>) -> u8 {
    let folder = match super::load_folder(dossier) {
        Ok(folder) => folder,
        Err(code) => return code,
    };
    let au = match super::output::jour(args.au.as_deref()) {
        Ok(d) => d,
        Err(err) => return usage_error(&err),
    };
    if let Some(id) = &args.reseau
        && folder.config.reseau(id).is_none()
    {
        let ids: Vec<&str> = folder
            .config
            .reseaux
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        let help = if ids.is_empty() {
            "aucun réseau n'est déclaré dans reunion.yaml".to_string()
        } else {
            crate::text::help_with_choices(id, &ids)
        };
        return usage_error(&UsageError::new(
            format!("réseau inconnu « {id} »"),
            Some(help),
        ));
    }
    let filter = SuitesFilter {
        qui: args
            .qui
            .as_deref()
            .map(crate::text::fold)
            .filter(|q| !q.is_empty()),
        toutes: args.toutes,
        en_retard: args.en_retard,
        reseau: args.reseau.clone(),
    };
    let all = follow_ups(&folder.reunions);
    let kept = select(&all, &filter, au);
    if kept.is_empty() {
        let what = if args.en_retard {
            "aucune suite en retard"
        } else if args.toutes {
            "aucune suite ne correspond"
        } else {
            "aucune suite ouverte ne correspond"
        };
        eprintln!("{what}");
    }
    match args.format {
        Format::Texte if kept.is_empty() => {}
        Format::Texte => {
            let tableau = export::tableau_suites(&kept, au);
            let text = if stdout_styled() {
                export::texte(
                    &tableau,
                    args.largeur.colonnes(),
                    &|cell, text| match cell {
                        Cellule::Entete(_) => format!("\x1b[1m{text}\x1b[0m"),
                        Cellule::Regle => format!("\x1b[2m{text}\x1b[0m"),
                        Cellule::Corps(_, 3) if text == "En retard" => {
                            format!("\x1b[31m{text}\x1b[0m")
                        }
                        _ => text.to_string(),
                    },
                )
            } else {
                export::texte(&tableau, args.largeur.colonnes(), &export::sans_couleur)
            };
            print_out(text.as_bytes());
        }
        Format::Markdown if kept.is_empty() => {}
        Format::Markdown => {
            print_out(export::markdown(&export::tableau_suites(&kept, au)).as_bytes())
        }
        Format::Json => print_out(export::json_suites(&kept, au).as_bytes()),
        Format::Csv => print_out(&export::csv_suites(&kept, au)),
    }
    incomplete(folder)
}

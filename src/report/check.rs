//! The shapes of `reunion check`: the count that ends the text output, and
//! the JSON document for editors and continuous integration.

use super::json::pretty;
use crate::diagnostic::Diagnostic;
use serde::Serialize;

/// The JSON document of `check --format json`; the field order is the
/// documented key order.
#[derive(Debug, Serialize)]
pub struct Rapport<'a> {
    /// No error (warnings allowed).
    pub valide: bool,
    /// Records read.
    pub fichiers: usize,
    /// Diagnostics that are errors.
    pub erreurs: usize,
    /// Diagnostics that are warnings.
    pub avertissements: usize,
    /// Every diagnostic.
    pub diagnostics: &'a [Diagnostic],
}

impl<'a> Rapport<'a> {
    /// The report of `fichiers` records and their diagnostics, valid
    /// when none is an error.
    pub fn new(fichiers: usize, diagnostics: &'a [Diagnostic]) -> Self {
        let erreurs = diagnostics.iter().filter(|d| d.is_error()).count();
        Rapport {
            valide: erreurs == 0,
            fichiers,
            erreurs,
            avertissements: diagnostics.iter().filter(|d| d.is_warning()).count(),
            diagnostics,
        }
    }

    /// The report in JSON.
    pub fn json(&self) -> String {
        pretty(self)
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

/// « 3 fichiers vérifiés : 2 erreurs, 1 avertissement ».
pub fn summary(fichiers: usize, errors: usize, warnings: usize) -> String {
    let files = plural(fichiers, "fichier vérifié", "fichiers vérifiés");
    match (errors, warnings) {
        (0, 0) => format!("{files} : aucun problème"),
        (0, w) => format!(
            "{files} : aucune erreur, {}",
            plural(w, "avertissement", "avertissements")
        ),
        (e, 0) => format!("{files} : {}", plural(e, "erreur", "erreurs")),
        (e, w) => format!(
            "{files} : {}, {}",
            plural(e, "erreur", "erreurs"),
            plural(w, "avertissement", "avertissements")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_in_french() {
        assert_eq!(summary(1, 0, 0), "1 fichier vérifié : aucun problème");
        assert_eq!(
            summary(3, 2, 1),
            "3 fichiers vérifiés : 2 erreurs, 1 avertissement"
        );
        assert_eq!(
            summary(2, 0, 2),
            "2 fichiers vérifiés : aucune erreur, 2 avertissements"
        );
    }
}

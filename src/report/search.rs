//! The shapes of `reunion recherche`: every place where the words were
//! found, best first, with its excerpt, as text or JSON. In the text, the
//! painter decides how the date, the field and the found words look (bold
//! and colours on a terminal, brackets around the words elsewhere).

use super::json::pretty;
use super::table::une_ligne;
use crate::analysis::search::Resultat;
use serde::Serialize;

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

pub fn json(found: &[Resultat<'_>]) -> String {
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
    pretty(&items)
}

/// What a painter of the text of results is asked to paint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partie {
    /// The date of the meeting.
    Date,
    /// The path of the field in the record.
    Chemin,
    /// A word of the query found in the excerpt.
    Trouve,
}

/// The results as numbered paragraphs: date and title, where, excerpt.
pub fn texte(found: &[Resultat<'_>], paint: &dyn Fn(Partie, &str) -> String) -> String {
    let mut out = String::new();
    for (i, r) in found.iter().enumerate() {
        let extrait: String = r
            .extrait
            .morceaux()
            .into_iter()
            .map(|(t, marked)| {
                if marked {
                    paint(Partie::Trouve, t)
                } else {
                    t.to_string()
                }
            })
            .collect();
        out.push_str(&format!(
            "{}. {} — {}\n   {} ({}) · {}\n   {}\n\n",
            i + 1,
            paint(Partie::Date, &crate::dates::long_date(r.reunion.date)),
            une_ligne(&r.reunion.titre),
            paint(Partie::Chemin, &r.champ.chemin),
            r.champ.libelle,
            une_ligne(&r.reunion.fichier),
            extrait,
        ));
    }
    out
}

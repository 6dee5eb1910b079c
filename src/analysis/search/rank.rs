//! The ranking of a search: which fields hold every term of the query, their
//! score, their order, and the excerpt with the matched words marked.

use super::fields::{Champ, champs};
use super::terms::{Mot, mots, qualite, termes_requete};
use crate::analysis::filter::Filter;
use crate::model::Reunion;
use serde::Serialize;

/// Words kept on each side of the matched words in an excerpt.
const CONTEXTE: usize = 8;

/// An excerpt of a field with the matched words marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extrait {
    /// The text, with « … » where it was cut.
    pub texte: String,
    /// Marked words, as byte ranges in `texte`, in order.
    #[serde(skip)]
    pub marques: Vec<(usize, usize)>,
}

impl Extrait {
    /// The excerpt cut into (text, marked) pieces, in order.
    pub fn morceaux(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        let mut at = 0;
        for &(s, e) in &self.marques {
            if s > at {
                out.push((&self.texte[at..s], false));
            }
            out.push((&self.texte[s..e], true));
            at = e;
        }
        if at < self.texte.len() {
            out.push((&self.texte[at..], false));
        }
        out
    }

    /// Marks as character (not byte) ranges, for JSON readers.
    pub fn marques_en_caracteres(&self) -> Vec<(usize, usize)> {
        let chars = |b: usize| self.texte[..b].chars().count();
        self.marques
            .iter()
            .map(|&(s, e)| (chars(s), chars(e)))
            .collect()
    }
}

/// One place where every word was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Resultat<'a> {
    /// The meeting.
    pub reunion: &'a Reunion,
    /// The field.
    pub champ: Champ,
    /// Its relevance: higher first.
    pub score: f64,
    /// Where the words are.
    pub extrait: Extrait,
}

/// The score of `text`'s words against `termes` and the words to mark, or
/// `None` when a term is missing.
fn evaluer(termes: &[String], words: &[Mot]) -> Option<(f64, Vec<usize>, (usize, usize))> {
    let mut total = 0.0;
    let mut marked = Vec::new();
    // For each term, the positions of the words it matches.
    let mut positions: Vec<Vec<usize>> = Vec::with_capacity(termes.len());
    for t in termes {
        let mut best: f64 = 0.0;
        let mut hits = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let q = qualite(t, &w.terme);
            if q > 0.0 {
                best = best.max(q);
                hits.push(i);
            }
        }
        if hits.is_empty() {
            return None;
        }
        // More occurrences count, a little, and no more past five.
        total += best + 0.25 * (hits.len().min(5) - 1) as f64;
        marked.extend(&hits);
        positions.push(hits);
    }
    // The shortest run of words holding every term: the excerpt's centre,
    // and a bonus when the terms stand close together.
    let mut window = (positions[0][0], positions[0][0]);
    let mut best_span = usize::MAX;
    for &start in &positions[0] {
        let (mut lo, mut hi) = (start, start);
        for p in &positions[1..] {
            let nearest = p
                .iter()
                .copied()
                .min_by_key(|&i| i.abs_diff(start))
                .unwrap_or(start);
            lo = lo.min(nearest);
            hi = hi.max(nearest);
        }
        if hi - lo < best_span {
            best_span = hi - lo;
            window = (lo, hi);
        }
    }
    if termes.len() > 1 {
        total += termes.len() as f64 / (best_span + 1) as f64;
    }
    marked.sort_unstable();
    marked.dedup();
    Some((total, marked, window))
}

/// The excerpt around `window` (word indices), marked words within it.
fn extrait(text: &str, words: &[Mot], marked: &[usize], window: (usize, usize)) -> Extrait {
    let first = window.0.saturating_sub(CONTEXTE);
    let last = (window.1 + CONTEXTE).min(words.len() - 1);
    let start = if first == 0 { 0 } else { words[first].debut };
    let end = if last + 1 == words.len() {
        text.len()
    } else {
        words[last].fin
    };
    let mut texte = String::new();
    if start > 0 {
        texte.push_str("… ");
    }
    let offset = texte.len();
    texte.push_str(&text[start..end]);
    let marques = marked
        .iter()
        .filter(|&&i| i >= first && i <= last)
        .map(|&i| {
            (
                words[i].debut - start + offset,
                words[i].fin - start + offset,
            )
        })
        .collect();
    if end < text.len() {
        texte.push_str(" …");
    }
    Extrait { texte, marques }
}

/// Whether a field passes the territory filter: an action's field when the
/// action is of a territory asked, another field when one of them took part
/// in the meeting.
fn keeps_field(filter: &Filter, r: &Reunion, champ: &Champ) -> bool {
    match &champ.territoire {
        Some(t) => filter.keeps_territory(t),
        None => filter.keeps_meeting_territory(r),
    }
}

/// Every field of `reunions` holding every term of the query, best first,
/// then newest meeting first, then in the record's order.
/// `filter` keeps the meetings (period, network) and the fields (territory).
pub fn rechercher<'a>(
    reunions: &'a [Reunion],
    requete: &str,
    filter: &Filter,
) -> Vec<Resultat<'a>> {
    let termes = termes_requete(requete);
    if termes.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for r in reunions {
        if !filter.keeps_meeting(r) {
            continue;
        }
        for (ordre, champ) in champs(r).into_iter().enumerate() {
            if !keeps_field(filter, r, &champ) {
                continue;
            }
            let words = mots(&champ.texte);
            if let Some((points, marked, window)) = evaluer(&termes, &words) {
                let extrait = extrait(&champ.texte, &words, &marked, window);
                out.push((
                    ordre,
                    Resultat {
                        reunion: r,
                        score: champ.poids * points,
                        champ,
                        extrait,
                    },
                ));
            }
        }
    }
    out.sort_by(|(oa, a), (ob, b)| {
        b.score
            .total_cmp(&a.score)
            .then(b.reunion.date.cmp(&a.reunion.date))
            .then(a.reunion.fichier.cmp(&b.reunion.fichier))
            .then(oa.cmp(ob))
    });
    out.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::config::{Config, parse_config};
    use chrono::NaiveDate;

    const CONFIG: &str = "organisation:\n  nom: IREV\nterritoires: [Lille, Maubeuge]\n";

    fn config() -> Config {
        parse_config(CONFIG, None).0
    }

    fn meeting(config: &Config, fichier: &str, text: &str) -> Reunion {
        crate::read::record::valid_record(fichier, text, config)
    }

    fn chemins(found: &[Resultat<'_>]) -> Vec<String> {
        found
            .iter()
            .map(|r| format!("{} {}", r.reunion.date, r.champ.chemin))
            .collect()
    }

    fn search<'a>(reunions: &'a [Reunion], q: &str) -> Vec<Resultat<'a>> {
        rechercher(reunions, q, &Filter::default())
    }

    #[test]
    fn accents_elisions_and_plurals_are_found() {
        let c = config();
        let r = vec![meeting(
            &c,
            "reunions/a.yaml",
            "titre: Rencontre\ndate: 2022-03-03\nmodalite: visio\nmeteo: |\n  Les équipes de l'école vont bien.\npoints:\n  - titre: La webradio\n    contenu: Un projet de *webradios* au collège.\n",
        )];
        assert_eq!(chemins(&search(&r, "ecole")), ["2022-03-03 meteo"]);
        assert_eq!(chemins(&search(&r, "l'école")), ["2022-03-03 meteo"]);
        assert_eq!(chemins(&search(&r, "EQUIPE")), ["2022-03-03 meteo"]);
        assert_eq!(chemins(&search(&r, "équipes écoles")), ["2022-03-03 meteo"]);
        // Every word in the same field, or no hit.
        assert!(search(&r, "equipe webradio").is_empty());
        assert_eq!(
            chemins(&search(&r, "webradio")),
            ["2022-03-03 points[0].titre", "2022-03-03 points[0].contenu"]
        );
        // A beginning finds the longer word.
        assert_eq!(
            chemins(&search(&r, "colle")),
            ["2022-03-03 points[0].contenu"]
        );
        assert!(search(&r, "co").is_empty());
    }

    #[test]
    fn ranking_weighs_fields_then_recency() {
        let c = config();
        let r = vec![
            meeting(
                &c,
                "reunions/a.yaml",
                "titre: Première\ndate: 2022-03-03\nmodalite: visio\npoints:\n  - titre: Divers\n    contenu: On a parlé de la webradio du collège.\n",
            ),
            meeting(
                &c,
                "reunions/b.yaml",
                "titre: La webradio\ndate: 2022-04-06\nmodalite: visio\n",
            ),
            meeting(
                &c,
                "reunions/c.yaml",
                "titre: Troisième\ndate: 2022-05-12\nmodalite: visio\npoints:\n  - titre: Bilan\n    contenu: La webradio avance.\n",
            ),
        ];
        // The title first; then two bodies of equal score, newest first.
        assert_eq!(
            chemins(&search(&r, "webradio")),
            [
                "2022-04-06 titre",
                "2022-05-12 points[0].contenu",
                "2022-03-03 points[0].contenu"
            ]
        );
        // Words side by side rank above the same words far apart.
        let r = vec![
            meeting(
                &c,
                "reunions/a.yaml",
                "titre: A\ndate: 2022-03-03\nmodalite: visio\nmeteo: La radio du quartier, puis beaucoup de mots encore, et le collège.\n",
            ),
            meeting(
                &c,
                "reunions/b.yaml",
                "titre: B\ndate: 2022-01-03\nmodalite: visio\nmeteo: Une radio collège, puis beaucoup de mots encore et rien.\n",
            ),
        ];
        assert_eq!(
            chemins(&search(&r, "radio college")),
            ["2022-01-03 meteo", "2022-03-03 meteo"]
        );
        // --depuis leaves older meetings out.
        let found = rechercher(
            &r,
            "radio",
            &Filter::since(NaiveDate::from_ymd_opt(2022, 2, 1).unwrap()),
        );
        assert_eq!(chemins(&found), ["2022-03-03 meteo"]);
    }

    #[test]
    fn territory_filter_keeps_its_actions_and_meetings() {
        let c = config();
        let r = vec![
            meeting(
                &c,
                "reunions/a.yaml",
                "titre: Lecture\ndate: 2022-03-03\nmodalite: visio\nactions:\n  - territoire: Maubeuge\n    titre: Lit avec moi, lecture\n  - territoire: Lille\n    titre: Lecture au parc\n",
            ),
            meeting(
                &c,
                "reunions/b.yaml",
                "titre: Lecture encore\ndate: 2022-04-03\nmodalite: visio\n",
            ),
        ];
        let mut lille = Filter::default();
        lille.territoires.insert("Lille".into());
        let found = rechercher(&r, "lecture", &lille);
        assert_eq!(
            chemins(&found),
            ["2022-03-03 titre", "2022-03-03 actions[1].titre"]
        );
    }

    #[test]
    fn fiche_write_up_is_searched_but_not_the_contact() {
        let c = config();
        let r = vec![meeting(
            &c,
            "reunions/a.yaml",
            "titre: A\ndate: 2022-03-03\nmodalite: visio\nactions:\n  - territoire: Lille\n    titre: Passerelle\n    contexte: Des familles éloignées des crèches.\n    partenaires: [Caisse d'allocations familiales]\n    contact: Marie Curie, marie@example.org\n",
        )];
        assert_eq!(
            chemins(&search(&r, "creche")),
            ["2022-03-03 actions[0].contexte"]
        );
        assert_eq!(
            chemins(&search(&r, "allocation")),
            ["2022-03-03 actions[0].partenaires[0]"]
        );
        assert!(search(&r, "curie").is_empty());
    }

    #[test]
    fn excerpts_are_short_and_marked() {
        let long = format!(
            "{} la webradio du collège {}",
            "avant ".repeat(30),
            "après ".repeat(30)
        );
        let words = mots(&long);
        let termes = termes_requete("webradio");
        let (_, marked, window) = evaluer(&termes, &words).unwrap();
        let e = extrait(&long, &words, &marked, window);
        assert!(e.texte.starts_with("… avant"), "{}", e.texte);
        assert!(e.texte.ends_with("après …"), "{}", e.texte);
        assert_eq!(mots(&e.texte).len(), 2 * CONTEXTE + 1);
        let marked: Vec<&str> = e
            .morceaux()
            .into_iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t)
            .collect();
        assert_eq!(marked, ["webradio"]);
        // Characters, not bytes, for JSON: « … » is three bytes, one character.
        assert_eq!(
            e.marques_en_caracteres()[0].0,
            e.texte.find("webradio").unwrap() - 2
        );
    }
}

//! Full-text search across the records: `reunion recherche` and the index of
//! the site's search page.
//!
//! A record is cut into *fields* (its title, each aim, the météo, each
//! agenda item's title and body, each action's title, carrier, themes,
//! publics, description and fiche write-up but its contact, each
//! follow-up's `quoi` and `qui`), each read as plain text (Markdown marks
//! removed). A field is a hit when every word of
//! the query is in it, compared as *terms*:
//!
//! - accents and case ignored (`deunicode`, as [`crate::text::fold`]);
//! - words cut at every character that is neither a letter nor a digit, so
//!   an elision stands apart: « l'école » holds the term `ecole`;
//! - a plural reduced to its singular the simple French way (`equipes` →
//!   `equipe`, `journaux` → `journal`, `jeux` → `jeu`), on both sides;
//! - a query term of three letters or more also finds the terms it begins
//!   (`numeri` finds « numérique »), at a lower score;
//! - short function words of the query (`l`, `d`, `de`, `la`, `et`…) are
//!   dropped, unless the query has nothing else.
//!
//! Hits are ranked by score (the field's weight: a title counts more than a
//! body; how well and how often each term matches; how close the terms
//! stand), then newest meeting first. Each carries a short excerpt with the
//! matched words marked.

use crate::model::Reunion;
use chrono::NaiveDate;
use pulldown_cmark::{Event, Parser, TagEnd};
use serde::Serialize;

/// Query words dropped because nearly every text has them. Elided particles
/// (`l'`, `d'`, `qu'`…) are among them: « l'école » searches for `ecole`.
pub const MOTS_VIDES: &[&str] = &[
    "a", "au", "aux", "c", "d", "de", "des", "du", "en", "et", "j", "jusqu", "l", "la", "le",
    "les", "lorsqu", "m", "n", "ou", "par", "pour", "puisqu", "qu", "s", "sur", "t", "un", "une",
];

/// Shortest query term that also finds longer words it begins.
const PREFIXE_MIN: usize = 3;

/// Words kept on each side of the matched words in an excerpt.
const CONTEXTE: usize = 8;

/// A term as compared: folded, then reduced to its singular.
pub fn terme(word: &str) -> String {
    let folded: String = deunicode::deunicode(word)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    singulier(folded)
}

/// The simple French plural rules, cautious on short words (`bus`, `os`,
/// `prix` stay as they are).
fn singulier(mut w: String) -> String {
    let n = w.len();
    if n <= 3 || w.bytes().all(|b| b.is_ascii_digit()) {
        return w;
    }
    if w.ends_with("eaux") || w.ends_with("eux") || w.ends_with("oux") {
        w.pop();
    } else if n > 4 && w.ends_with("aux") {
        // journaux, régionaux, locaux → journal, régional, local
        w.truncate(n - 3);
        w.push_str("al");
    } else if w.ends_with('s') && !w.ends_with("ss") {
        w.pop();
    }
    w
}

/// One word of a plain text: where it is, and its term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mot {
    /// Byte offset of its first character.
    pub debut: usize,
    /// Byte offset just past it.
    pub fin: usize,
    /// Its term.
    pub terme: String,
}

/// The words of a plain text: runs of letters and digits.
pub fn mots(text: &str) -> Vec<Mot> {
    let mut out = Vec::new();
    let mut start = None;
    let mut push = |s: usize, e: usize| {
        let t = terme(&text[s..e]);
        if !t.is_empty() {
            out.push(Mot {
                debut: s,
                fin: e,
                terme: t,
            });
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    out
}

/// The terms searched for in `query`: function words dropped (unless
/// nothing else is left), each term once, in the order typed.
pub fn termes_requete(query: &str) -> Vec<String> {
    let all: Vec<String> = mots(query).into_iter().map(|m| m.terme).collect();
    let kept: Vec<&String> = all
        .iter()
        .filter(|t| !MOTS_VIDES.contains(&t.as_str()))
        .collect();
    let chosen: Vec<&String> = if kept.is_empty() {
        all.iter().collect()
    } else {
        kept
    };
    let mut out: Vec<String> = Vec::new();
    for t in chosen {
        if !out.contains(t) {
            out.push(t.clone());
        }
    }
    out
}

/// How well a word of the text matches a query term: 1 when equal, 0.6
/// when the term begins it, 0 otherwise.
fn qualite(terme_requete: &str, mot: &str) -> f64 {
    if mot == terme_requete {
        1.0
    } else if terme_requete.len() >= PREFIXE_MIN && mot.starts_with(terme_requete) {
        0.6
    } else {
        0.0
    }
}

/// Collapses every run of white space into one space, trimmed; control
/// characters go too, so an excerpt printed in a terminal cannot carry an
/// escape sequence from a record.
fn espaces(text: &str) -> String {
    crate::export::une_ligne(text)
}

/// The text of a Markdown field as read: marks, link addresses and raw HTML
/// left out, blocks separated by a space.
pub fn texte_brut(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => out.push(' '),
            _ => {}
        }
    }
    espaces(&out)
}

/// A searchable field of a record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Champ {
    /// Field path in the record, as diagnostics write it (`points[3].contenu`).
    pub chemin: String,
    /// What it is, in words (« point de l'ordre du jour »).
    pub libelle: &'static str,
    /// Section of the published page that shows it (`ordre-du-jour`), if any.
    pub ancre: Option<&'static str>,
    /// Its weight in the score: titles count more than bodies.
    pub poids: f64,
    /// Plain text.
    pub texte: String,
    /// Territory of the action it belongs to, for action fields.
    #[serde(skip)]
    pub territoire: Option<String>,
}

/// Every searchable field of a meeting, in the record's order; empty ones
/// left out.
pub fn champs(r: &Reunion) -> Vec<Champ> {
    let mut out = Vec::new();
    let mut push = |chemin: String,
                    libelle: &'static str,
                    ancre: Option<&'static str>,
                    poids: f64,
                    texte: String,
                    territoire: Option<&String>| {
        if !texte.is_empty() {
            out.push(Champ {
                chemin,
                libelle,
                ancre,
                poids,
                texte,
                territoire: territoire.cloned(),
            });
        }
    };
    push("titre".into(), "titre", None, 5.0, espaces(&r.titre), None);
    for (i, o) in r.objectifs.iter().enumerate() {
        push(
            format!("objectifs[{i}]"),
            "objectif",
            Some("objectifs"),
            2.0,
            texte_brut(o),
            None,
        );
    }
    if let Some(m) = &r.meteo {
        push(
            "meteo".into(),
            "météo du jour",
            Some("meteo"),
            1.0,
            texte_brut(m),
            None,
        );
    }
    for (i, p) in r.points.iter().enumerate() {
        push(
            format!("points[{i}].titre"),
            "point de l'ordre du jour",
            Some("ordre-du-jour"),
            4.0,
            espaces(&p.titre),
            None,
        );
        if let Some(c) = &p.contenu {
            push(
                format!("points[{i}].contenu"),
                "point de l'ordre du jour",
                Some("ordre-du-jour"),
                1.0,
                texte_brut(c),
                None,
            );
        }
    }
    for (i, a) in r.actions.iter().enumerate() {
        let t = Some(&a.territoire);
        push(
            format!("actions[{i}].titre"),
            "action à valoriser",
            Some("actions"),
            4.0,
            espaces(&a.titre),
            t,
        );
        if let Some(p) = &a.porteur {
            push(
                format!("actions[{i}].porteur"),
                "action à valoriser",
                Some("actions"),
                2.0,
                espaces(p),
                t,
            );
        }
        for (j, th) in a.thematiques.iter().enumerate() {
            push(
                format!("actions[{i}].thematiques[{j}]"),
                "action à valoriser",
                Some("actions"),
                2.0,
                espaces(th),
                t,
            );
        }
        for (j, pu) in a.publics.iter().enumerate() {
            push(
                format!("actions[{i}].publics[{j}]"),
                "action à valoriser",
                Some("actions"),
                2.0,
                espaces(pu),
                t,
            );
        }
        if let Some(d) = &a.description {
            push(
                format!("actions[{i}].description"),
                "action à valoriser",
                Some("actions"),
                1.0,
                texte_brut(d),
                t,
            );
        }
        // The fiche's write-up, except `contact` (personal data).
        let r = &a.redaction;
        for (champ, texte) in [
            ("contexte", &r.contexte),
            ("objectifs", &r.objectifs),
            ("moyens", &r.moyens),
            ("resultats", &r.resultats),
            ("facteurs_de_reussite", &r.facteurs_de_reussite),
            ("points_de_vigilance", &r.points_de_vigilance),
        ] {
            if let Some(texte) = texte {
                push(
                    format!("actions[{i}].{champ}"),
                    "action à valoriser",
                    Some("actions"),
                    1.0,
                    texte_brut(texte),
                    t,
                );
            }
        }
        for (j, p) in r.partenaires.iter().enumerate() {
            push(
                format!("actions[{i}].partenaires[{j}]"),
                "action à valoriser",
                Some("actions"),
                2.0,
                texte_brut(p),
                t,
            );
        }
    }
    for (i, s) in r.suites.iter().enumerate() {
        push(
            format!("suites[{i}].quoi"),
            "suite à donner",
            Some("suites"),
            2.0,
            espaces(&s.quoi),
            None,
        );
        if let Some(q) = &s.qui {
            push(
                format!("suites[{i}].qui"),
                "suite à donner",
                Some("suites"),
                1.0,
                espaces(q),
                None,
            );
        }
    }
    out
}

/// What to search for, and where.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recherche {
    /// The query, as typed (several words: all must be in a field).
    pub requete: String,
    /// Only this territory (canonical name): its actions, and the other
    /// fields of the meetings where it took part or told an action.
    pub territoire: Option<String>,
    /// Only meetings on or after this day.
    pub depuis: Option<NaiveDate>,
}

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

/// Whether a field passes the territory filter.
fn garde(r: &Reunion, champ: &Champ, territoire: &str) -> bool {
    match &champ.territoire {
        Some(t) => t == territoire,
        None => {
            r.participants
                .iter()
                .any(|p| p.territoire.as_deref() == Some(territoire))
                || r.actions.iter().any(|a| a.territoire == territoire)
        }
    }
}

/// Every field of `reunions` holding every term of the query, best first,
/// then newest meeting first, then in the record's order.
pub fn rechercher<'a>(reunions: &'a [Reunion], recherche: &Recherche) -> Vec<Resultat<'a>> {
    let termes = termes_requete(&recherche.requete);
    if termes.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for r in reunions {
        if recherche.depuis.is_some_and(|d| r.date < d) {
            continue;
        }
        for (ordre, champ) in champs(r).into_iter().enumerate() {
            if let Some(t) = &recherche.territoire
                && !garde(r, &champ, t)
            {
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
    use crate::config::{Config, parse_config};

    const CONFIG: &str = "organisation:\n  nom: IREV\nterritoires: [Lille, Maubeuge]\n";

    fn config() -> Config {
        parse_config(CONFIG, None).0
    }

    fn meeting(config: &Config, fichier: &str, text: &str) -> Reunion {
        crate::record::valid_record(fichier, text, config)
    }

    fn chemins(found: &[Resultat<'_>]) -> Vec<String> {
        found
            .iter()
            .map(|r| format!("{} {}", r.reunion.date, r.champ.chemin))
            .collect()
    }

    fn search<'a>(reunions: &'a [Reunion], q: &str) -> Vec<Resultat<'a>> {
        rechercher(
            reunions,
            &Recherche {
                requete: q.into(),
                ..Recherche::default()
            },
        )
    }

    #[test]
    fn terms_fold_accents_case_and_plurals() {
        assert_eq!(terme("Équipes"), "equipe");
        assert_eq!(terme("ÉCOLE"), "ecole");
        assert_eq!(terme("journaux"), "journal");
        assert_eq!(terme("Régionaux"), "regional");
        assert_eq!(terme("jeux"), "jeu");
        assert_eq!(terme("bureaux"), "bureau");
        assert_eq!(terme("cœurs"), "coeur");
        assert_eq!(terme("bus"), "bus");
        assert_eq!(terme("classe"), "classe");
        assert_eq!(terme("2022"), "2022");
    }

    #[test]
    fn query_drops_elisions_and_function_words() {
        assert_eq!(termes_requete("l'école"), vec!["ecole"]);
        assert_eq!(
            termes_requete("L’ÉCOLE de la ville"),
            vec!["ecole", "ville"]
        );
        assert_eq!(termes_requete("qu'il"), vec!["il"]);
        assert_eq!(termes_requete("de la"), vec!["de", "la"]);
        assert_eq!(termes_requete("équipe Equipes"), vec!["equipe"]);
        assert_eq!(termes_requete("  ,;  "), Vec::<String>::new());
    }

    #[test]
    fn markdown_is_read_as_text() {
        assert_eq!(
            texte_brut("- Point sur la **rencontre**\n- [La Grande Équipe](https://x.fr/)\n\nFin."),
            "Point sur la rencontre La Grande Équipe Fin."
        );
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
            &Recherche {
                requete: "radio".into(),
                depuis: NaiveDate::from_ymd_opt(2022, 2, 1),
                ..Recherche::default()
            },
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
        let found = rechercher(
            &r,
            &Recherche {
                requete: "lecture".into(),
                territoire: Some("Lille".into()),
                ..Recherche::default()
            },
        );
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

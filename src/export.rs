//! The outputs of `reunion actions`, `reunion territoires` and `reunion suites`: a plain-text
//! table fitted to a width, a Markdown table, JSON and CSV. Pure functions
//! from values to text; colours are left to the caller through a painter, so
//! the core writes no terminal escape.
//!
//! CSV choices (documented in `docs/format.md`): RFC 4180 (comma, `"` quoting,
//! CRLF line ends), a header row, UTF-8 opened by a byte-order mark. Excel
//! reads a CSV without BOM in the legacy Windows code page and garbles every
//! accent; with the BOM both Excel and LibreOffice Calc recognise UTF-8, and
//! CSV readers such as Python's `utf-8-sig` or Rust's `csv` skip it.

use crate::model::Statut;
use crate::query::{Ligne, StatTerritoire, Synthese};
use crate::suites::SuiteSuivie;
use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The UTF-8 byte-order mark that opens every CSV.
pub const BOM: &str = "\u{feff}";

/// Separator of list items (thématiques, publics, alias) inside one CSV cell.
pub const LIST_SEPARATOR: &str = "; ";

/// How a column behaves in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colonne {
    /// Narrowest width it may be shortened to; `usize::MAX` for never.
    pub min: usize,
    /// Right-aligned (numbers).
    pub droite: bool,
}

impl Colonne {
    /// A text column that may be shortened down to `min`.
    pub const fn texte(min: usize) -> Colonne {
        Colonne { min, droite: false }
    }

    /// A column that is never shortened.
    pub const FIXE: Colonne = Colonne {
        min: usize::MAX,
        droite: false,
    };

    /// A number column, right-aligned, never shortened.
    pub const NOMBRE: Colonne = Colonne {
        min: usize::MAX,
        droite: true,
    };
}

/// A table ready to be printed as text or Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tableau {
    /// Header cells.
    pub entetes: Vec<String>,
    /// Body rows, each with as many cells as the header.
    pub lignes: Vec<Vec<String>>,
    /// Behaviour of each column.
    pub colonnes: Vec<Colonne>,
    /// Which columns give up width first when the table is too wide.
    pub retrait: Vec<usize>,
    /// A last row set apart (totals).
    pub pied: Option<Vec<String>>,
}

/// Which cell a painter is asked to paint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cellule {
    /// A header cell, by column.
    Entete(usize),
    /// A body cell: row, column.
    Corps(usize, usize),
    /// A cell of the footer row, by column.
    Pied(usize),
    /// The rule under the header or above the footer.
    Regle,
}

/// One line of text from a cell: control characters (a title with a newline,
/// or an escape sequence that would drive the terminal) become spaces, and
/// runs of white space one space.
pub fn une_ligne(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Width of a text in terminal columns.
pub fn largeur(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The text shortened to `max` columns, ending with `…` when cut.
pub fn couper(text: &str, max: usize) -> String {
    if largeur(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    // No space left before the ellipsis: « Passerelle … » reads as a cut word.
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

const SEPARATEUR: &str = "  ";

/// Widths that fit `max` columns when the minimums allow it: each column of
/// `retrait`, in turn, gives up width down to its minimum.
fn fit(tableau: &Tableau, max: usize) -> Vec<usize> {
    let rows = std::iter::once(&tableau.entetes)
        .chain(&tableau.lignes)
        .chain(&tableau.pied);
    let mut widths = vec![0; tableau.entetes.len()];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(largeur(&une_ligne(cell)));
        }
    }
    let total =
        |w: &[usize]| w.iter().sum::<usize>() + SEPARATEUR.len() * w.len().saturating_sub(1);
    for &col in &tableau.retrait {
        let excess = total(&widths).saturating_sub(max);
        if excess == 0 {
            break;
        }
        let min = tableau.colonnes[col].min.max(1);
        let give = excess.min(widths[col].saturating_sub(min));
        widths[col] -= give;
    }
    widths
}

fn render_row(
    out: &mut String,
    cells: &[String],
    widths: &[usize],
    colonnes: &[Colonne],
    paint: &dyn Fn(Cellule, &str) -> String,
    which: impl Fn(usize) -> Cellule,
) {
    let last = widths.len().saturating_sub(1);
    let mut line = String::new();
    for (i, (cell, &w)) in cells.iter().zip(widths).enumerate() {
        let text = couper(&une_ligne(cell), w);
        let pad = " ".repeat(w.saturating_sub(largeur(&text)));
        let (before, after) = if colonnes[i].droite {
            (pad, String::new())
        } else if i == last {
            // No trailing spaces at the end of a line.
            (String::new(), String::new())
        } else {
            (String::new(), pad)
        };
        if i > 0 {
            line.push_str(SEPARATEUR);
        }
        line.push_str(&before);
        line.push_str(&paint(which(i), &text));
        line.push_str(&after);
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

fn render_rule(out: &mut String, widths: &[usize], paint: &dyn Fn(Cellule, &str) -> String) {
    let rule = widths
        .iter()
        .map(|&w| "─".repeat(w))
        .collect::<Vec<_>>()
        .join(SEPARATEUR);
    out.push_str(&paint(Cellule::Regle, &rule));
    out.push('\n');
}

/// The table as plain text within `max` columns (as long as the columns'
/// minimums allow), one line per row, long cells shortened with `…`.
/// `paint` receives each padded-free cell text and may wrap it in colours.
pub fn texte(tableau: &Tableau, max: usize, paint: &dyn Fn(Cellule, &str) -> String) -> String {
    let widths = fit(tableau, max);
    let mut out = String::new();
    render_row(
        &mut out,
        &tableau.entetes,
        &widths,
        &tableau.colonnes,
        paint,
        Cellule::Entete,
    );
    render_rule(&mut out, &widths, paint);
    for (r, row) in tableau.lignes.iter().enumerate() {
        render_row(&mut out, row, &widths, &tableau.colonnes, paint, |c| {
            Cellule::Corps(r, c)
        });
    }
    if let Some(pied) = &tableau.pied {
        render_rule(&mut out, &widths, paint);
        render_row(
            &mut out,
            pied,
            &widths,
            &tableau.colonnes,
            paint,
            Cellule::Pied,
        );
    }
    out
}

/// A painter that adds nothing.
pub fn sans_couleur(_: Cellule, text: &str) -> String {
    text.to_string()
}

fn markdown_cell(text: &str) -> String {
    une_ligne(text).replace('|', "\\|")
}

/// The table in Markdown (GitHub/CommonMark tables), `|` escaped in cells;
/// the footer becomes a last row in bold.
pub fn markdown(tableau: &Tableau) -> String {
    let mut out = String::new();
    let row = |out: &mut String, cells: &[String]| {
        out.push('|');
        for cell in cells {
            out.push(' ');
            out.push_str(cell);
            out.push_str(" |");
        }
        out.push('\n');
    };
    let head: Vec<String> = tableau.entetes.iter().map(|c| markdown_cell(c)).collect();
    row(&mut out, &head);
    let align: Vec<String> = tableau
        .colonnes
        .iter()
        .map(|c| if c.droite { "---:" } else { "---" }.to_string())
        .collect();
    row(&mut out, &align);
    for cells in &tableau.lignes {
        let cells: Vec<String> = cells.iter().map(|c| markdown_cell(c)).collect();
        row(&mut out, &cells);
    }
    if let Some(pied) = &tableau.pied {
        let cells: Vec<String> = pied
            .iter()
            .map(|c| {
                let c = markdown_cell(c);
                if c.is_empty() { c } else { format!("**{c}**") }
            })
            .collect();
        row(&mut out, &cells);
    }
    out
}

/// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return before one), opened by an apostrophe: a text typed
/// in a record must not run as `=HYPERLINK(…)` in the agency's Excel
/// (OWASP's advice against CSV injection). Numbers and dates never start so.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// RFC 4180 CSV: BOM, header row, comma, quotes where needed, CRLF; cells
/// that could run as formulas are made inert ([`inert`]).
pub fn csv(entetes: &[&str], lignes: &[Vec<String>]) -> Vec<u8> {
    let mut out = BOM.as_bytes().to_vec();
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(&mut out);
    // Writing to memory cannot fail; every row has the header's length.
    let written = writer.write_record(entetes).and_then(|()| {
        lignes.iter().try_for_each(|row| {
            writer.write_record(row.iter().map(|cell| inert(cell).into_owned()))
        })
    });
    let flushed = written.and_then(|()| writer.flush().map_err(Into::into));
    debug_assert!(flushed.is_ok(), "{flushed:?}");
    drop(writer);
    out
}

fn pretty_json<T: Serialize>(value: &T) -> String {
    // Serialising these plain structs to a string cannot fail.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

// ---- actions ----------------------------------------------------------------

/// Columns of the text table of actions.
pub fn tableau_actions(lignes: &[Ligne<'_>], avec_porteur: bool) -> Tableau {
    let mut entetes = vec!["Date", "Territoire", "Titre"];
    let mut colonnes = vec![Colonne::FIXE, Colonne::texte(8), Colonne::texte(12)];
    if avec_porteur {
        entetes.push("Porteur");
        colonnes.push(Colonne::texte(8));
    }
    entetes.push("Statut");
    colonnes.push(Colonne::texte(6));
    let rows = lignes
        .iter()
        .map(|l| {
            let mut row = vec![
                l.reunion.date.to_string(),
                l.action.territoire.clone(),
                l.action.titre.clone(),
            ];
            if avec_porteur {
                row.push(l.action.porteur.clone().unwrap_or_default());
            }
            row.push(l.action.statut.label().to_string());
            row
        })
        .collect();
    // The title gives way first, then the porteur, the territory, the statut.
    let retrait = if avec_porteur {
        vec![2, 3, 1, 4]
    } else {
        vec![2, 1, 3]
    };
    Tableau {
        entetes: entetes.into_iter().map(String::from).collect(),
        lignes: rows,
        colonnes,
        retrait,
        pied: None,
    }
}

#[derive(Serialize)]
struct ReunionJson<'a> {
    date: String,
    titre: &'a str,
    fichier: &'a str,
}

/// One action in JSON; the field order is the documented key order.
#[derive(Serialize)]
struct ActionJson<'a> {
    id: &'a str,
    titre: &'a str,
    territoire: &'a str,
    statut: &'static str,
    porteur: Option<&'a str>,
    description: Option<&'a str>,
    thematiques: &'a [String],
    publics: &'a [String],
    reunion: ReunionJson<'a>,
}

/// The actions as a JSON array, keys in a fixed order.
pub fn json_actions(lignes: &[Ligne<'_>]) -> String {
    let items: Vec<ActionJson<'_>> = lignes
        .iter()
        .map(|l| ActionJson {
            id: &l.action.id,
            titre: &l.action.titre,
            territoire: &l.action.territoire,
            statut: l.action.statut.as_str(),
            porteur: l.action.porteur.as_deref(),
            description: l.action.description.as_deref(),
            thematiques: &l.action.thematiques,
            publics: &l.action.publics,
            reunion: ReunionJson {
                date: l.reunion.date.to_string(),
                titre: &l.reunion.titre,
                fichier: &l.reunion.fichier,
            },
        })
        .collect();
    pretty_json(&items)
}

/// Header of the CSV of actions: the JSON keys, `reunion` flattened.
pub const CSV_ACTIONS: [&str; 11] = [
    "id",
    "titre",
    "territoire",
    "statut",
    "porteur",
    "description",
    "thematiques",
    "publics",
    "reunion_date",
    "reunion_titre",
    "reunion_fichier",
];

/// The actions as CSV, one row per action and meeting.
pub fn csv_actions(lignes: &[Ligne<'_>]) -> Vec<u8> {
    let rows: Vec<Vec<String>> = lignes
        .iter()
        .map(|l| {
            let a = l.action;
            vec![
                a.id.clone(),
                a.titre.clone(),
                a.territoire.clone(),
                a.statut.as_str().to_string(),
                a.porteur.clone().unwrap_or_default(),
                a.description.clone().unwrap_or_default(),
                a.thematiques.join(LIST_SEPARATOR),
                a.publics.join(LIST_SEPARATOR),
                l.reunion.date.to_string(),
                l.reunion.titre.clone(),
                l.reunion.fichier.clone(),
            ]
        })
        .collect();
    csv(&CSV_ACTIONS, &rows)
}

// ---- synthèse ---------------------------------------------------------------

fn counts_row(first: &str, comptes: &crate::query::Comptes) -> Vec<String> {
    std::iter::once(first.to_string())
        .chain(comptes.par_statut.iter().map(usize::to_string))
        .chain(std::iter::once(comptes.total.to_string()))
        .collect()
}

/// Counts per territory and statut, totals in the footer.
pub fn tableau_synthese(s: &Synthese) -> Tableau {
    let entetes = std::iter::once("Territoire")
        .chain(Statut::ALL.iter().map(|s| s.label()))
        .chain(std::iter::once("Total"))
        .map(String::from)
        .collect::<Vec<_>>();
    let mut colonnes = vec![Colonne::texte(8)];
    colonnes.extend(std::iter::repeat_n(Colonne::NOMBRE, Statut::ALL.len() + 1));
    Tableau {
        entetes,
        lignes: s
            .territoires
            .iter()
            .map(|(t, c)| counts_row(t, c))
            .collect(),
        colonnes,
        retrait: vec![0],
        pied: Some(counts_row("Total", &s.total)),
    }
}

#[derive(Serialize)]
struct ComptesJson {
    a_documenter: usize,
    fiche_en_cours: usize,
    fiche_publiee: usize,
    total: usize,
}

impl From<&crate::query::Comptes> for ComptesJson {
    fn from(c: &crate::query::Comptes) -> Self {
        ComptesJson {
            a_documenter: c.get(Statut::ADocumenter),
            fiche_en_cours: c.get(Statut::FicheEnCours),
            fiche_publiee: c.get(Statut::FichePubliee),
            total: c.total,
        }
    }
}

#[derive(Serialize)]
struct LigneSyntheseJson<'a> {
    territoire: &'a str,
    #[serde(flatten)]
    comptes: ComptesJson,
}

#[derive(Serialize)]
struct SyntheseJson<'a> {
    territoires: Vec<LigneSyntheseJson<'a>>,
    total: ComptesJson,
}

/// The counts in JSON: `{"territoires": [{"territoire", statuts…, "total"}], "total": {…}}`.
pub fn json_synthese(s: &Synthese) -> String {
    pretty_json(&SyntheseJson {
        territoires: s
            .territoires
            .iter()
            .map(|(t, c)| LigneSyntheseJson {
                territoire: t,
                comptes: c.into(),
            })
            .collect(),
        total: (&s.total).into(),
    })
}

/// The counts in CSV, columns named by statut value, the totals as a last
/// row whose territoire is `Total`.
pub fn csv_synthese(s: &Synthese) -> Vec<u8> {
    let entetes: Vec<&str> = std::iter::once("territoire")
        .chain(Statut::ALL.iter().map(|s| s.as_str()))
        .chain(std::iter::once("total"))
        .collect();
    let rows: Vec<Vec<String>> = s
        .territoires
        .iter()
        .map(|(t, c)| counts_row(t, c))
        .chain(std::iter::once(counts_row("Total", &s.total)))
        .collect();
    csv(&entetes, &rows)
}

// ---- territoires ------------------------------------------------------------

/// The referential with its counts.
pub fn tableau_territoires(stats: &[StatTerritoire]) -> Tableau {
    Tableau {
        entetes: ["Territoire", "Alias", "Réunions", "Actions"]
            .map(String::from)
            .to_vec(),
        lignes: stats
            .iter()
            .map(|t| {
                vec![
                    t.nom.clone(),
                    t.alias.join(", "),
                    t.reunions.to_string(),
                    t.actions.to_string(),
                ]
            })
            .collect(),
        colonnes: vec![
            Colonne::texte(8),
            Colonne::texte(8),
            Colonne::NOMBRE,
            Colonne::NOMBRE,
        ],
        retrait: vec![1, 0],
        pied: None,
    }
}

#[derive(Serialize)]
struct TerritoireJson<'a> {
    territoire: &'a str,
    alias: &'a [String],
    reunions: usize,
    actions: usize,
}

/// The referential in JSON.
pub fn json_territoires(stats: &[StatTerritoire]) -> String {
    let items: Vec<TerritoireJson<'_>> = stats
        .iter()
        .map(|t| TerritoireJson {
            territoire: &t.nom,
            alias: &t.alias,
            reunions: t.reunions,
            actions: t.actions,
        })
        .collect();
    pretty_json(&items)
}

/// The referential in CSV, aliases joined by `; `.
pub fn csv_territoires(stats: &[StatTerritoire]) -> Vec<u8> {
    let rows: Vec<Vec<String>> = stats
        .iter()
        .map(|t| {
            vec![
                t.nom.clone(),
                t.alias.join(LIST_SEPARATOR),
                t.reunions.to_string(),
                t.actions.to_string(),
            ]
        })
        .collect();
    csv(&["territoire", "alias", "reunions", "actions"], &rows)
}

// ---- suites ------------------------------------------------------------------

/// State of a follow-up as said in lists: done, overdue, or open.
pub fn etat_suite(suite: &SuiteSuivie, au: chrono::NaiveDate) -> &'static str {
    if suite.fait {
        "Faite"
    } else if suite.en_retard(au) {
        "En retard"
    } else {
        "Ouverte"
    }
}

/// The follow-ups as a table: deadline, who, what, state, since when.
pub fn tableau_suites(suites: &[SuiteSuivie], au: chrono::NaiveDate) -> Tableau {
    Tableau {
        entetes: ["Échéance", "Qui", "Quoi", "État", "Depuis", "Réunions"]
            .map(String::from)
            .to_vec(),
        lignes: suites
            .iter()
            .map(|s| {
                vec![
                    s.echeance
                        .map_or_else(|| "—".to_string(), |d| d.to_string()),
                    s.qui.clone().unwrap_or_else(|| "—".to_string()),
                    s.quoi.clone(),
                    etat_suite(s, au).to_string(),
                    s.origine().date.to_string(),
                    s.historique.len().to_string(),
                ]
            })
            .collect(),
        colonnes: vec![
            Colonne::FIXE,
            Colonne::texte(12),
            Colonne::texte(20),
            Colonne::FIXE,
            Colonne::FIXE,
            Colonne::NOMBRE,
        ],
        retrait: vec![2, 1],
        pied: None,
    }
}

#[derive(Serialize)]
struct MentionJson<'a> {
    date: String,
    titre: &'a str,
    fichier: &'a str,
    fait: bool,
}

#[derive(Serialize)]
struct SuiteJson<'a> {
    id: &'a str,
    quoi: &'a str,
    qui: Option<&'a str>,
    echeance: Option<String>,
    etat: &'static str,
    fait: bool,
    en_retard: bool,
    reseau: Option<&'a str>,
    historique: Vec<MentionJson<'a>>,
}

/// The follow-ups as a JSON array, each with its history, oldest first.
pub fn json_suites(suites: &[SuiteSuivie], au: chrono::NaiveDate) -> String {
    let items: Vec<SuiteJson<'_>> = suites
        .iter()
        .map(|s| SuiteJson {
            id: &s.id,
            quoi: &s.quoi,
            qui: s.qui.as_deref(),
            echeance: s.echeance.map(|d| d.to_string()),
            etat: etat_suite(s, au),
            fait: s.fait,
            en_retard: s.en_retard(au),
            reseau: s.reseau.as_deref(),
            historique: s
                .historique
                .iter()
                .map(|m| MentionJson {
                    date: m.date.to_string(),
                    titre: &m.titre,
                    fichier: &m.fichier,
                    fait: m.fait,
                })
                .collect(),
        })
        .collect();
    pretty_json(&items)
}

/// Columns of the CSV of follow-ups.
pub const CSV_SUITES: [&str; 9] = [
    "id",
    "quoi",
    "qui",
    "echeance",
    "etat",
    "reseau",
    "depuis",
    "derniere_reunion",
    "reunions",
];

/// The follow-ups as CSV, one row each.
pub fn csv_suites(suites: &[SuiteSuivie], au: chrono::NaiveDate) -> Vec<u8> {
    let rows: Vec<Vec<String>> = suites
        .iter()
        .map(|s| {
            let last = s.historique.last().unwrap_or(s.origine());
            vec![
                s.id.clone(),
                s.quoi.clone(),
                s.qui.clone().unwrap_or_default(),
                s.echeance.map(|d| d.to_string()).unwrap_or_default(),
                etat_suite(s, au).to_string(),
                s.reseau.clone().unwrap_or_default(),
                s.origine().date.to_string(),
                last.fichier.clone(),
                s.historique.len().to_string(),
            ]
        })
        .collect();
    csv(&CSV_SUITES, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[[&str; 3]]) -> Tableau {
        Tableau {
            entetes: vec!["Date".into(), "Titre".into(), "Statut".into()],
            lignes: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            colonnes: vec![Colonne::FIXE, Colonne::texte(5), Colonne::texte(4)],
            retrait: vec![1, 2],
            pied: None,
        }
    }

    #[test]
    fn cutting_counts_columns_not_bytes() {
        assert_eq!(couper("Passerelle EJE", 20), "Passerelle EJE");
        assert_eq!(couper("Passerelle EJE", 11), "Passerelle…");
        assert_eq!(couper("Prévention", 5), "Prév…");
        assert_eq!(largeur(&couper("Prévention", 5)), 5);
        // Wide characters take two columns each.
        assert_eq!(couper("日本語の題", 5), "日本…");
        assert_eq!(couper("abc", 0), "");
    }

    #[test]
    fn cells_are_one_safe_line() {
        assert_eq!(une_ligne("a\n  b\tc\x1b[31m"), "a b c [31m");
    }

    #[test]
    fn table_fits_the_width() {
        let t = table(&[[
            "2022-03-03",
            "Un titre bien trop long pour tenir",
            "Fiche publiée",
        ]]);
        let out = texte(&t, 40, &sans_couleur);
        for line in out.lines() {
            assert!(largeur(line) <= 40, "{line:?}");
        }
        assert_eq!(
            out,
            "Date        Titre          Statut\n\
             ──────────  ─────────────  ─────────────\n\
             2022-03-03  Un titre bie…  Fiche publiée\n"
        );
        // Wide enough: nothing is cut.
        let out = texte(&t, 100, &sans_couleur);
        assert!(out.contains("Un titre bien trop long pour tenir  Fiche publiée"));
    }

    #[test]
    fn table_beyond_minimums_overflows_rather_than_vanish() {
        let t = table(&[["2022-03-03", "Titre long", "Fiche publiée"]]);
        let out = texte(&t, 10, &sans_couleur);
        assert!(out.contains("2022-03-03  Titr…  Fic…"), "{out}");
    }

    #[test]
    fn painter_sees_cells_unpadded() {
        let t = table(&[["2022-03-03", "T", "S"]]);
        let out = texte(&t, 80, &|c, s| match c {
            Cellule::Corps(0, 2) => format!("<{s}>"),
            _ => s.to_string(),
        });
        assert!(out.ends_with("2022-03-03  T      <S>\n"), "{out:?}");
    }

    #[test]
    fn markdown_escapes_pipes() {
        let mut t = table(&[["2022-03-03", "A | B\nC", "ok"]]);
        t.colonnes[2] = Colonne::NOMBRE;
        t.pied = Some(vec!["".into(), "Total".into(), "1".into()]);
        assert_eq!(
            markdown(&t),
            "| Date | Titre | Statut |\n| --- | --- | ---: |\n| 2022-03-03 | A \\| B C | ok |\n|  | **Total** | **1** |\n"
        );
    }

    #[test]
    fn csv_is_rfc4180_with_bom() {
        let bytes = csv(
            &["a", "b"],
            &[vec!["x, \"y\"".into(), "ligne 1\nligne 2".into()]],
        );
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{feff}a,b\r\n\"x, \"\"y\"\"\",\"ligne 1\nligne 2\"\r\n"
        );
    }

    #[test]
    fn csv_cells_never_run_as_formulas() {
        let cells = [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "2022-03-03",
            "12",
            "a=b",
        ];
        let bytes = csv(&["c"; 8], &[cells.iter().map(|c| c.to_string()).collect()]);
        let mut reader = ::csv::Reader::from_reader(&bytes[BOM.len()..]);
        let row = reader.records().next().unwrap().unwrap();
        let read: Vec<&str> = row.iter().collect();
        assert_eq!(
            read,
            [
                "'=HYPERLINK(\"http://x\")",
                "'+1",
                "'-2+3",
                "'@SUM(A1)",
                "'\t=1",
                "2022-03-03",
                "12",
                "a=b"
            ]
        );
    }
}

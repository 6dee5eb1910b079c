//! The table engine: a [`Tableau`] of cells printed as plain text fitted
//! to a width (long cells shortened with `…`, the columns that matter least
//! giving way first) or as a Markdown table. Colours are the caller's: the
//! text printer hands every cell to a painter, so this module writes no
//! terminal escape.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// One line of text from a cell: runs of white space (a title with a
/// newline) become one space, and the other control characters (an escape
/// sequence that would drive the terminal) and the characters that reorder
/// text (a file name holding U+202E) are written as [`crate::text::visible`]
/// writes them, as the diagnostics do.
pub fn une_ligne(text: &str) -> String {
    let words = text
        .split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    crate::text::visible(&words).into_owned()
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
        assert_eq!(
            une_ligne("a\n  b\tc\x1b[31m\u{202E}"),
            "a b c\\u{1b}[31m\\u{202e}"
        );
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
}

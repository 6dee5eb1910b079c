//! The causes a parser error is traced back to, each found by looking at
//! the source lines around where the parser stopped, and told with its fix.

use super::SyntaxError;
use super::lines::{at, byte_of, char_col, excerpt, is_content, shape};
use crate::diagnostic::Pos;

/// A `---` (or `...`) after the first document: the record has two.
pub(super) fn second_document(lines: &[&str], fallback: Pos) -> SyntaxError {
    let mut seen_content = false;
    for (n, line) in lines.iter().enumerate() {
        let marker = line.starts_with("---") || line.starts_with("...");
        if marker && seen_content {
            return SyntaxError::new(
                at(n + 1, 1, 3),
                "un seul document YAML est attendu par fichier",
                format!(
                    "retirez la ligne « {} » : elle sépare deux documents, et un fichier ne contient qu'une réunion",
                    &line[..3]
                ),
            );
        }
        seen_content |= is_content(line) && !marker;
    }
    SyntaxError::new(
        fallback,
        "un seul document YAML est attendu par fichier",
        "retirez les lignes « --- » : un fichier ne contient qu'une réunion",
    )
}

/// A tab in the indentation of a line at or just before the error (the
/// parser stops on the line before a tab as often as on it).
pub(super) fn tab(lines: &[&str], line_no: usize, told: bool) -> Option<SyntaxError> {
    let from = if told {
        1
    } else {
        line_no.saturating_sub(1).max(1)
    };
    let to = lines.len().min(line_no + 1);
    (from..=to).rev().find_map(|n| {
        let line = lines[n - 1];
        let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
        let i = line[..lead].find('\t')?;
        (lead < line.len()).then(|| {
            SyntaxError::new(
                at(n, i + 1, 1),
                "YAML invalide : une tabulation sert d'indentation",
                "remplacez la tabulation par des espaces",
            )
        })
    })
}

/// `lieu: 'Salle de l'hôtel'`: the apostrophe inside closes the text.
pub(super) fn stray_quote(line: &str, line_no: usize, col: usize) -> SyntaxError {
    let end = byte_of(line, col);
    let before = line[..end].trim_end();
    let (quote, name) = if before.ends_with('"') {
        ('"', "le guillemet")
    } else {
        ('\'', "l'apostrophe")
    };
    // The quote when the text before the cause ends with one, else its last
    // character (a multi-byte one included).
    let closing = before.char_indices().next_back().map_or(0, |(i, _)| i);
    let pos = at(line_no, char_col(line, closing), 1);
    let s = shape(line);
    let (key, value) = match s.key {
        Some(k) => (format!("{k}: "), s.value),
        None => (String::new(), line[s.content..].trim()),
    };
    let inner = value
        .strip_prefix(quote)
        .map(|v| v.strip_suffix(quote).unwrap_or(v))
        .unwrap_or(value);
    let fixed = if quote == '\'' {
        format!(
            "{key}\"{}\"",
            inner.replace('\\', "\\\\").replace('"', "\\\"")
        )
    } else {
        format!("{key}'{}'", inner.replace('\'', "''"))
    };
    let other = if quote == '\'' {
        "guillemets doubles"
    } else {
        "apostrophes (et doublez les apostrophes du texte)"
    };
    SyntaxError::new(
        pos,
        format!("YAML invalide : {name} termine le texte avant la fin de la ligne"),
        format!(
            "{name} ferme la chaîne ouverte par « {quote} » : entourez le texte de {other} : « {} »",
            excerpt(&fixed)
        ),
    )
}

/// `titre: Rencontre : parentalité`: a `: ` inside a value.
pub(super) fn colon_in_value(line: &str, line_no: usize, col: usize) -> Option<SyntaxError> {
    let s = shape(line);
    let key = s.key?;
    let colon = byte_of(line, col);
    let value_start = s.value_at;
    if colon <= value_start || line.as_bytes().get(colon) != Some(&b':') {
        return None;
    }
    let fixed = format!(
        "{key}: \"{}\"",
        s.value.replace('\\', "\\\\").replace('"', "\\\"")
    );
    let what = match crate::text::fold_key(key).as_str() {
        "titre" => "ce titre contient « : » : mettez-le entre guillemets doubles".to_string(),
        _ => "cette valeur contient « : » : mettez-la entre guillemets doubles".to_string(),
    };
    Some(SyntaxError::new(
        at(line_no, col, 1),
        format!("YAML invalide : « : » dans la valeur de « {key} »"),
        format!("{what} : « {} »", excerpt(&fixed)),
    ))
}

/// `modalite:presentiel`: a colon with no space after it.
pub(super) fn missing_space(line: &str, line_no: usize) -> Option<SyntaxError> {
    let s = shape(line);
    if s.key.is_some() {
        return None;
    }
    let rest = &line[s.content..];
    let colon = rest.find(':')?;
    let key = &rest[..colon];
    let after = rest[colon + 1..].chars().next()?;
    if key.is_empty()
        || after == ' '
        || !key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        return None;
    }
    let value = &rest[colon + 1..];
    let key = excerpt(key);
    Some(SyntaxError::new(
        at(line_no, char_col(line, s.content + colon + 1) + 1, 1),
        format!("YAML invalide : il manque une espace après « {key}: »"),
        format!(
            "ajoutez une espace après « {key}: » : « {key}: {} »",
            excerpt(value)
        ),
    ))
}

/// A line that is neither in the block above nor a new item: indented by
/// the wrong number of spaces, or a list item without its `- `.
pub(super) fn misplaced_line(lines: &[&str], line_no: usize) -> Option<SyntaxError> {
    let line = *lines.get(line_no - 1)?;
    let s = shape(line);
    let above = (1..line_no).rev().find(|&n| is_content(lines[n - 1]))?;
    let prev = shape(lines[above - 1]);
    let pos = at(line_no, s.indent + 1, line.trim().chars().count().max(1));
    // The list the line above is an item of, if any: its `- ` column and
    // the key that holds it.
    let item = (1..=above)
        .rev()
        .map(|n| (n, shape(lines[n - 1])))
        .filter(|(n, _)| is_content(lines[n - 1]))
        .find(|(_, sh)| sh.dash.is_some() && sh.indent <= prev.indent)
        .map(|(n, sh)| (n, sh.dash.unwrap_or(0), sh.content));
    let holder = item.and_then(|(n, dash, _)| {
        (1..n)
            .rev()
            .map(|m| shape(lines[m - 1]))
            .find(|sh| is_content(lines[n - 1]) && sh.indent < dash.max(1) && sh.key.is_some())
            .and_then(|sh| sh.key)
    });
    let this = match holder.map(crate::text::fold).as_deref() {
        Some("participants") => "ce participant",
        Some("excuses") => "cette personne excusée",
        Some("absents") => "cette personne absente",
        Some("points") => "ce point",
        Some("actions") => "cette action",
        Some("suites") => "cette suite",
        Some("territoires") => "ce territoire",
        Some("reseaux") => "ce réseau",
        _ => "ce bloc",
    };
    if s.key.is_none() && s.dash.is_none() {
        // `  b` under `  - a`: a list item without its dash.
        if prev.dash == Some(s.indent) {
            let text = excerpt(line.trim());
            return Some(SyntaxError::new(
                pos,
                "YAML invalide : cette ligne n'est ni un élément de la liste ni « clé: valeur »",
                format!("ajoutez « - » en début de ligne, comme au-dessus : « - {text} »"),
            ));
        }
        return None;
    }
    // `   - titre: B` under items whose `- ` is at 2 spaces.
    if s.dash == Some(s.indent)
        && let Some((_, dash, _)) = item
        && s.indent != dash
        && s.indent.abs_diff(dash) <= 2
    {
        return Some(off_by(
            pos,
            "ce « - » n'est pas aligné sur ceux de la liste au-dessus",
            s.indent,
            format!("les « - » de la liste sont à {}", spaces(dash)),
        ));
    }
    let siblings = if prev.key.is_some() && !prev.value.is_empty() {
        prev.content
    } else {
        return None;
    };
    if s.dash.is_none()
        && let Some((_, dash, content)) = item
        && s.indent == dash
        && content == siblings
    {
        let text = excerpt(line.trim());
        return Some(SyntaxError::new(
            pos,
            "YAML invalide : cette ligne n'est ni dans l'élément au-dessus ni un nouvel élément",
            format!(
                "pour un nouvel élément, commencez la ligne par « - » (« - {text} ») ; pour {this}, décalez-la à {siblings} espaces comme les clés au-dessus"
            ),
        ));
    }
    if s.dash.is_none() && s.indent != siblings && s.indent + 4 > siblings {
        return Some(off_by(
            pos,
            "cette ligne n'est pas alignée sur les clés au-dessus",
            s.indent,
            if siblings == 0 {
                "les clés de la réunion commencent en début de ligne".to_string()
            } else {
                format!("les clés de {this} sont à {}", spaces(siblings))
            },
        ));
    }
    // `  thematiques: […]` after a nested block: left of the block above,
    // at a column where no block of the lines above starts.
    let mut levels = vec![0];
    let mut left = siblings;
    for n in (1..=above).rev().filter(|&n| is_content(lines[n - 1])) {
        let sh = shape(lines[n - 1]);
        if sh.key.is_some() && sh.content < left {
            left = sh.content;
            levels.push(left);
        }
    }
    if s.dash.is_none() && s.key.is_some() && s.indent < siblings && !levels.contains(&s.indent) {
        let target = levels
            .into_iter()
            .filter(|&l| l < s.indent)
            .max()
            .unwrap_or(0);
        return Some(off_by(
            pos,
            "cette ligne n'est pas alignée sur les clés au-dessus",
            s.indent,
            if target == 0 {
                "les clés de premier niveau commencent en début de ligne".to_string()
            } else {
                format!("les clés de ce bloc sont à {}", spaces(target))
            },
        ));
    }
    None
}

/// A line `indent` spaces in, where `expected` says the column it belongs at.
fn off_by(pos: Pos, what: &str, indent: usize, expected: String) -> SyntaxError {
    SyntaxError::new(
        pos,
        format!("YAML invalide : {what}"),
        format!("cette ligne est décalée de {} ; {expected}", spaces(indent)),
    )
}

/// `1 espace`, `3 espaces`.
fn spaces(n: usize) -> String {
    format!("{n} espace{}", if n > 1 { "s" } else { "" })
}

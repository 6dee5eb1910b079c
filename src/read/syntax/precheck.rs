//! What the parser lets through although YAML forbids it, refused before
//! parsing: the lines of a quoted text or of a `[…]` list that continue at
//! or left of the key they belong to (yaml-test-suite cases 9C9N, DK95-01,
//! QB6E).

use super::SyntaxError;
use super::lines::{at, indent, is_content, shape};

/// What the parser lets through although YAML forbids it: a line that
/// continues a quoted text or a flow list (`[…]`, `{…}`) opened on a line
/// above must be indented further than the key (or the `-`) it belongs to.
pub fn precheck(source: &str) -> Option<SyntaxError> {
    let mut open: Option<Open> = None;
    let mut block_scalar: Option<usize> = None;
    for (n, line) in source.lines().enumerate() {
        let line_no = n + 1;
        if let Some(state) = &mut open {
            let spaces = indent(line);
            if !line.trim().is_empty() && spaces < state.min_indent {
                let what = if state.quote.is_some() && state.depth == 0 {
                    "le texte entre guillemets"
                } else {
                    "la liste entre crochets"
                };
                return Some(SyntaxError::new(
                    at(line_no, spaces + 1, 1),
                    format!(
                        "YAML invalide : cette ligne continue {what} ouvert{} ligne {}, mais n'est pas assez indentée",
                        if what.starts_with("la") { "e" } else { "" },
                        state.line
                    ),
                    format!(
                        "indentez-la d'au moins {} espace{} (des espaces, pas de tabulation), ou écrivez la valeur sur une seule ligne",
                        state.min_indent,
                        if state.min_indent > 1 { "s" } else { "" }
                    ),
                ));
            }
            if scan(line, 0, state) {
                open = None;
            }
            continue;
        }
        if let Some(parent) = block_scalar {
            if line.trim().is_empty() || indent(line) > parent {
                continue;
            }
            block_scalar = None;
        }
        if !is_content(line) || line.trim_start().starts_with("---") && indent(line) == 0 {
            continue;
        }
        let s = shape(line);
        let owner = match (s.key, s.dash) {
            (Some(_), _) => s.content,
            (None, Some(d)) => d,
            (None, None) => {
                // A top-level value, or a line inside a plain text: only
                // the top level may start a flow value here.
                if s.indent > 0 {
                    continue;
                }
                0
            }
        };
        let start = if s.key.is_some() {
            s.value_at
        } else {
            s.content
        };
        let value = line[start..].trim_start();
        if value.starts_with(['|', '>']) {
            block_scalar = Some(owner);
            continue;
        }
        let mut state = Open {
            quote: None,
            depth: 0,
            line: line_no,
            min_indent: if s.key.is_none() && s.dash.is_none() {
                0
            } else {
                owner + 1
            },
        };
        let value_start = line.len() - value.len();
        if value.starts_with(['"', '\'', '[', '{']) && !scan(line, value_start, &mut state) {
            open = Some(state);
        }
    }
    None
}

/// A quoted text or flow collection still open at the end of a line.
struct Open {
    quote: Option<u8>,
    depth: usize,
    /// Line where it was opened.
    line: usize,
    /// Spaces its continuation lines need.
    min_indent: usize,
}

/// Reads `line` from `from` as the inside (or the start) of a flow value;
/// true when the value closes on this line.
fn scan(line: &str, from: usize, state: &mut Open) -> bool {
    let b = line.as_bytes();
    let mut i = from;
    let mut token_start = true;
    while i < b.len() {
        let c = b[i];
        if let Some(q) = state.quote {
            if q == b'"' && c == b'\\' {
                i += 2;
                continue;
            }
            if c == q {
                if q == b'\'' && b.get(i + 1) == Some(&b'\'') {
                    i += 2;
                    continue;
                }
                state.quote = None;
                if state.depth == 0 {
                    return true;
                }
            }
            i += 1;
            continue;
        }
        match c {
            b'"' | b'\'' if token_start => state.quote = Some(c),
            b'[' | b'{' if token_start || state.depth > 0 => state.depth += 1,
            b']' | b'}' if state.depth > 0 => {
                state.depth -= 1;
                if state.depth == 0 {
                    return true;
                }
            }
            b'#' if i == 0 || b[i - 1] == b' ' => return state.depth == 0,
            _ => {}
        }
        token_start = matches!(c, b' ' | b'[' | b'{' | b',' | b':');
        i += 1;
        if state.depth == 0 && state.quote.is_none() {
            return true;
        }
    }
    state.depth == 0 && state.quote.is_none()
}

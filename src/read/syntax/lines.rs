//! The look of a source line the explanations are built on: its
//! indentation, its `- ` dashes, its `key:` and where they are.

use crate::diagnostic::Pos;

pub(super) fn at(line: usize, col: usize, len: usize) -> Pos {
    Pos {
        ligne: line.min(u32::MAX as usize) as u32,
        colonne: col.min(u32::MAX as usize) as u32,
        longueur: len.min(u32::MAX as usize) as u32,
    }
}

/// Spaces at the start of a line (a tab is not indentation in YAML).
pub(super) fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

pub(super) fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// The shape of a block line: where its dashes are and where its content
/// starts, and the key there if it is `key: …`.
pub(super) struct Shape<'a> {
    pub(super) indent: usize,
    /// Column (0-based, in bytes) of the last `- ` of the line.
    pub(super) dash: Option<usize>,
    /// Column (0-based, in bytes) where the content after the dashes starts.
    pub(super) content: usize,
    pub(super) key: Option<&'a str>,
    /// What follows `key:` (trimmed, comment included).
    pub(super) value: &'a str,
    /// Byte where `value` starts in the line (its end is not the line's:
    /// spaces after it are trimmed).
    pub(super) value_at: usize,
}

pub(super) fn shape(line: &str) -> Shape<'_> {
    let mut p = indent(line);
    let mut dash = None;
    while line[p..].starts_with("- ") || &line[p..] == "-" {
        dash = Some(p);
        p += 1;
        p += line[p..].len() - line[p..].trim_start_matches(' ').len();
    }
    let rest = &line[p..];
    let (key, value) = match plain_key(rest) {
        Some((k, v)) => (Some(k), v),
        None => (None, ""),
    };
    // `value` is a part of `line` (or empty): where it starts is how far
    // its first byte is from the line's.
    let value_at = if key.is_some() {
        value.as_ptr() as usize - line.as_ptr() as usize
    } else {
        line.len()
    };
    Shape {
        indent: indent(line),
        dash,
        content: p,
        key,
        value,
        value_at,
    }
}

/// `key: value` or `key:` at the start of `text`, with a simple key (no
/// quote, no flow): the key and what follows the colon.
pub(super) fn plain_key(text: &str) -> Option<(&str, &str)> {
    if text.starts_with(['"', '\'', '[', '{', '#', '|', '>', '&', '*', '!']) {
        return None;
    }
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b':' && (i + 1 == bytes.len() || bytes[i + 1] == b' ') {
            return Some((&text[..i], text[i + 1..].trim()));
        }
        if b == b'#' && i > 0 && bytes[i - 1] == b' ' {
            return None;
        }
    }
    None
}

/// Source text quoted in a help line, cut so that a long line is not
/// printed back whole.
pub(super) fn excerpt(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// 1-based column, in characters, of byte `byte` of `line`.
pub(super) fn char_col(line: &str, byte: usize) -> usize {
    // A byte inside a character counts as that character: the offsets come
    // from guesses about the line, never worth a panic.
    line[..line.floor_char_boundary(byte)].chars().count() + 1
}

/// The byte offset of 1-based character column `col` in `line`.
pub(super) fn byte_of(line: &str, col: usize) -> usize {
    line.char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i)
}

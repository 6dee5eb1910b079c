//! The documentation of the format, `docs/format.md`, built into the
//! binary (`reunion format`), and the part of it that concerns one key
//! (`reunion format --cle suites`), found by the document's own structure:
//! the sections that describe a file (a level-2 heading naming a `.yaml`
//! file) hold the YAML examples and the tables of keys; a key's part is its
//! lines in those examples (with the lines they sit under), the rows and
//! paragraphs that name it, and every section whose heading names it.

use crate::text::fold_key;
use std::collections::BTreeSet;

/// `docs/format.md`, the one source of the format's documentation.
pub const DOC: &str = include_str!("../../../docs/format.md");

/// A block of the Markdown document.
#[derive(Debug)]
enum Block<'a> {
    Heading { level: usize, text: &'a str },
    Code(Vec<&'a str>),
    Table(Vec<&'a str>),
    Text(Vec<&'a str>),
}

/// What of a block belongs to a key's part.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Whole,
    /// Lines of a code block (the fences left out).
    Lines(BTreeSet<usize>),
    /// Rows of a table (the header and its separator always shown).
    Rows(BTreeSet<usize>),
}

fn blocks(doc: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut lines = doc.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with("```") {
            let mut code = vec![line];
            for next in lines.by_ref() {
                code.push(next);
                if next.starts_with("```") {
                    break;
                }
            }
            out.push(Block::Code(code));
        } else if let Some(level) = heading_level(line) {
            out.push(Block::Heading {
                level,
                text: line[level..].trim(),
            });
        } else {
            let table = line.starts_with('|');
            let mut group = vec![line];
            while let Some(next) = lines.peek() {
                let ends = next.trim().is_empty()
                    || next.starts_with("```")
                    || heading_level(next).is_some()
                    || next.starts_with('|') != table;
                if ends {
                    break;
                }
                group.push(next);
                lines.next();
            }
            out.push(if table {
                Block::Table(group)
            } else {
                Block::Text(group)
            });
        }
    }
    out
}

fn heading_level(line: &str) -> Option<usize> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    (level > 0 && line[level..].starts_with(' ')).then_some(level)
}

/// The text of every `code span` of `text`.
fn spans(text: &str) -> impl Iterator<Item = &str> {
    text.split('`').skip(1).step_by(2)
}

/// Whether a code span names `key`: `suites`, `suites:`, `organisation.nom`,
/// `thematiques: parentalité, numérique`.
fn span_names(span: &str, key: &str) -> bool {
    let head = span.split([':', '.', ' ', '[']).next().unwrap_or("");
    fold_key(head) == key
}

/// The key a line of a YAML example opens, and its column.
fn yaml_key(line: &str) -> Option<(usize, String)> {
    let body = line.trim_start();
    let indent = line.len() - body.len();
    let (indent, body) = match body.strip_prefix("- ") {
        Some(rest) => (indent + 2, rest),
        None => (indent, body),
    };
    let (key, _) = body.split_once(':')?;
    let ok = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    ok.then(|| (indent, key.to_string()))
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The documentation of the format, with its blocks and the blocks that
/// describe the files (where the keys are).
pub struct FormatDoc<'a> {
    blocks: Vec<Block<'a>>,
    in_files: Vec<bool>,
}

impl<'a> FormatDoc<'a> {
    /// `doc` read into blocks.
    pub fn new(doc: &'a str) -> FormatDoc<'a> {
        let blocks = blocks(doc);
        let mut in_files = Vec::with_capacity(blocks.len());
        let mut inside = false;
        for block in &blocks {
            if let Block::Heading { level: 2, text } = block {
                inside = spans(text).any(|s| s.ends_with(".yaml"));
            }
            in_files.push(inside);
        }
        FormatDoc { blocks, in_files }
    }

    /// Every key the format describes: those of its YAML examples and of
    /// its tables of keys, sorted.
    pub fn keys(&self) -> Vec<String> {
        let mut keys = BTreeSet::new();
        for (block, _) in self.file_blocks() {
            match block {
                Block::Code(lines) => {
                    keys.extend(lines.iter().filter_map(|l| yaml_key(l)).map(|(_, k)| k));
                }
                Block::Table(rows) if is_key_table(rows) => {
                    for row in &rows[2..] {
                        let first = row.split('|').nth(1).unwrap_or("");
                        for span in spans(first) {
                            keys.extend(span.split('.').next().map(fold_key));
                        }
                    }
                }
                _ => {}
            }
        }
        keys.into_iter().filter(|k| !k.is_empty()).collect()
    }

    fn file_blocks(&self) -> impl Iterator<Item = (&Block<'a>, usize)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(i, _)| self.in_files[*i])
            .map(|(i, b)| (b, i))
    }

    /// The part of the documentation that concerns `key` (a key of
    /// [`FormatDoc::keys`], folded), in the document's order, each piece
    /// under the headings it sits under.
    pub fn part(&self, key: &str) -> String {
        let mut parts: Vec<Option<Part>> = vec![None; self.blocks.len()];
        for (block, i) in self.file_blocks() {
            parts[i] = match block {
                Block::Code(lines) => code_lines(lines, key).map(Part::Lines),
                Block::Table(rows) => {
                    let named: BTreeSet<usize> = (2..rows.len())
                        .filter(|&r| spans(rows[r]).any(|s| span_names(s, key)))
                        .collect();
                    (!named.is_empty()).then_some(Part::Rows(named))
                }
                Block::Text(lines) => lines
                    .iter()
                    .any(|l| spans(l).any(|s| span_names(s, key)))
                    .then_some(Part::Whole),
                Block::Heading { .. } => None,
            };
        }
        // A section whose heading names the key, whole: « Suites : … »,
        // « La fiche expérience d'une action » for `actions`.
        let singular = key.strip_suffix('s').unwrap_or(key);
        let mut whole_until: Option<usize> = None;
        for (i, block) in self.blocks.iter().enumerate() {
            if let Block::Heading { level, text } = block {
                if whole_until.is_some_and(|l| *level <= l) {
                    whole_until = None;
                }
                let names = crate::text::fold(text)
                    .split(' ')
                    .any(|w| w == key || w == singular);
                let is_file = *level == 2 && self.in_files[i];
                if whole_until.is_none() && names && !is_file {
                    whole_until = Some(*level);
                }
            }
            if whole_until.is_some() {
                parts[i] = Some(Part::Whole);
            }
        }
        let title = format!("# La clé « {key} » (extrait de reunion format)\n\n");
        self.write(title, &parts)
    }

    fn write(&self, mut out: String, parts: &[Option<Part>]) -> String {
        let mut chain: Vec<(usize, usize)> = Vec::new(); // (level, block)
        let mut printed = BTreeSet::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if let Block::Heading { level, .. } = block {
                chain.retain(|&(l, _)| l < *level);
                chain.push((*level, i));
            }
            let Some(part) = &parts[i] else { continue };
            for &(_, h) in &chain {
                // The document's title is replaced by the part's.
                if printed.insert(h)
                    && let Block::Heading { level, text } = &self.blocks[h]
                    && *level > 1
                {
                    out.push_str(&format!("{} {text}\n\n", "#".repeat(*level)));
                }
            }
            match (block, part) {
                (Block::Heading { .. }, _) => {}
                (Block::Code(lines), Part::Lines(keep)) => {
                    out.push_str(lines[0]);
                    out.push('\n');
                    let mut last = None;
                    for &l in keep {
                        if last.is_some_and(|p: usize| l > p + 1) {
                            out.push_str(&" ".repeat(indent_of(lines[l])));
                            out.push_str("# …\n");
                        }
                        out.push_str(lines[l]);
                        out.push('\n');
                        last = Some(l);
                    }
                    out.push_str(lines[lines.len() - 1]);
                    out.push_str("\n\n");
                }
                (Block::Table(rows), Part::Rows(keep)) => {
                    for row in rows[..2].iter().chain(keep.iter().map(|&r| &rows[r])) {
                        out.push_str(row);
                        out.push('\n');
                    }
                    out.push('\n');
                }
                (Block::Code(lines) | Block::Table(lines) | Block::Text(lines), _) => {
                    for line in lines {
                        out.push_str(line);
                        out.push('\n');
                    }
                    out.push('\n');
                }
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }
}

/// A table whose first column is « clé ».
fn is_key_table(rows: &[&str]) -> bool {
    rows.len() > 2 && fold_key(rows[0].split('|').nth(1).unwrap_or("")) == "cle"
}

/// The lines of a YAML example that concern `key`: each line opening it,
/// the lines under it (more indented than the key), and the lines it sits
/// under (above it, each line less indented than the last one kept: the
/// list item « - id: … » and then « actions: » above « contexte: »).
/// `None` when the example has none.
fn code_lines(lines: &[&str], key: &str) -> Option<BTreeSet<usize>> {
    let body = 1..lines.len().saturating_sub(1);
    let mut keep = BTreeSet::new();
    for i in body.clone() {
        let Some((column, k)) = yaml_key(lines[i]) else {
            continue;
        };
        if k != key {
            continue;
        }
        keep.insert(i);
        for (j, line) in lines.iter().enumerate().take(body.end).skip(i + 1) {
            if line.trim().is_empty() || indent_of(line) <= column {
                break;
            }
            keep.insert(j);
        }
        let mut need = column;
        for j in (body.start..i).rev() {
            if need == 0 {
                break;
            }
            let line = lines[j];
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if indent_of(line) < need {
                keep.insert(j);
                need = indent_of(line);
            }
        }
    }
    (!keep.is_empty()).then_some(keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_come_from_the_document() {
        let doc = FormatDoc::new(DOC);
        let keys = doc.keys();
        for key in [
            "organisation",
            "territoires",
            "titre",
            "modalite",
            "excuses",
            "suites",
            "echeance",
            "prochaine_reunion",
            "facteurs_de_reussite",
        ] {
            assert!(keys.iter().any(|k| k == key), "{key} manque : {keys:?}");
        }
        // The keys of the JSON exports are not keys of the format.
        assert!(!keys.iter().any(|k| k == "en_retard" || k == "valide"));
    }

    #[test]
    fn a_key_part_holds_its_lines_rows_and_sections() {
        let doc = FormatDoc::new(DOC);
        let part = doc.part("suites");
        assert!(
            part.contains("suites:                       # ce qui a été décidé"),
            "{part}"
        );
        assert!(
            part.contains("    quoi: Mettre en ligne la documentation demandée"),
            "{part}"
        );
        assert!(part.contains("| `suites` | liste |"), "{part}");
        assert!(
            part.contains("## Suites : `reunion suites --format json`"),
            "{part}"
        );
        assert!(
            part.starts_with("# La clé « suites » (extrait de reunion format)\n\n## Une réunion"),
            "{part}"
        );
        assert!(!part.contains("| `modalite` |"), "{part}");
        assert!(!part.contains("## Calendrier"), "{part}");
        assert!(!part.contains("prochaine_reunion:"), "{part}");
    }

    #[test]
    fn a_nested_key_is_shown_under_its_parents() {
        let doc = FormatDoc::new(DOC);
        let part = doc.part("contexte");
        assert!(part.contains("actions:"), "{part}");
        assert!(part.contains("  - id: lille-passerelle-eje"), "{part}");
        assert!(part.contains("    contexte: |"), "{part}");
        assert!(part.contains("| `contexte` | texte |"), "{part}");
        assert!(!part.contains("    moyens:"), "{part}");
    }
}

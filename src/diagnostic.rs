//! Problems found in a folder, with everything needed to show them as a
//! compiler would: file, line, column, field path, message, help.
//!
//! The core only builds [`Diagnostic`] values; [`render`] turns one into text
//! (rustc-style, through `annotate-snippets`) and the CLI decides on colours.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The record is invalid: `check` exits 1, `render` writes nothing.
    Erreur,
    /// Worth fixing, but the record is usable.
    Avertissement,
    /// Neither: something the reader should know about the check itself
    /// (checks skipped because a record is invalid).
    Note,
}

/// A place in a file: 1-based line and column (in characters), and the
/// length in characters of what is pointed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
pub struct Pos {
    /// 1-based line.
    pub ligne: u32,
    /// 1-based column, counted in characters.
    pub colonne: u32,
    /// Characters pointed at (at least one is shown).
    #[serde(skip)]
    pub longueur: u32,
}

impl Pos {
    /// The start of a file.
    pub const START: Pos = Pos {
        ligne: 1,
        colonne: 1,
        longueur: 0,
    };
}

/// A position as three numbers: [`Pos`] leaves its length out of the JSON
/// diagnostics, and the cache must keep it.
pub mod pos {
    use super::Pos;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(pos: &Pos, s: S) -> Result<S::Ok, S::Error> {
        (pos.ligne, pos.colonne, pos.longueur).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Pos, D::Error> {
        let (ligne, colonne, longueur) = <(u32, u32, u32)>::deserialize(d)?;
        Ok(Pos {
            ligne,
            colonne,
            longueur,
        })
    }
}

/// [`pos`] for an optional position.
pub mod pos_option {
    use super::Pos;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(pos: &Option<Pos>, s: S) -> Result<S::Ok, S::Error> {
        pos.map(|p| (p.ligne, p.colonne, p.longueur)).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Pos>, D::Error> {
        Ok(
            Option::<(u32, u32, u32)>::deserialize(d)?.map(|(ligne, colonne, longueur)| Pos {
                ligne,
                colonne,
                longueur,
            }),
        )
    }
}

/// A second place that explains the first (the other definition of a
/// duplicate id, say).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// File of the other place, relative to the folder.
    pub fichier: String,
    /// Where in that file.
    #[serde(flatten)]
    pub pos: Pos,
    /// What is there.
    pub message: String,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub gravite: Severity,
    /// File, relative to the folder, with `/` separators.
    pub fichier: String,
    /// Where in the file.
    #[serde(flatten)]
    pub pos: Pos,
    /// Field path such as `actions[2].territoire`; empty for the whole file.
    pub chemin: String,
    /// What is wrong, in French.
    pub message: String,
    /// What to do about it, when we know.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aide: Option<String>,
    /// Another place involved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voir_aussi: Option<Box<Related>>,
}

impl Diagnostic {
    /// An error at `pos` of `fichier`.
    pub fn error(fichier: &str, pos: Pos, chemin: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            gravite: Severity::Erreur,
            fichier: fichier.to_string(),
            pos,
            chemin: chemin.to_string(),
            message: message.into(),
            aide: None,
            voir_aussi: None,
        }
    }

    /// A warning at `pos` of `fichier`.
    pub fn warning(fichier: &str, pos: Pos, chemin: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            gravite: Severity::Avertissement,
            ..Diagnostic::error(fichier, pos, chemin, message)
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, aide: impl Into<String>) -> Self {
        self.aide = Some(aide.into());
        self
    }

    /// Adds an optional help line.
    pub fn with_help_opt(mut self, aide: Option<String>) -> Self {
        self.aide = aide;
        self
    }

    /// Points at a second place.
    pub fn with_related(mut self, related: Related) -> Self {
        self.voir_aussi = Some(Box::new(related));
        self
    }

    /// A note at `pos` of `fichier`.
    pub fn note(fichier: &str, pos: Pos, chemin: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            gravite: Severity::Note,
            ..Diagnostic::error(fichier, pos, chemin, message)
        }
    }

    /// Whether this is a warning.
    pub fn is_warning(&self) -> bool {
        self.gravite == Severity::Avertissement
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.gravite == Severity::Erreur
    }
}

/// Sorts diagnostics by file then position, so that output is stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (
            &a.fichier,
            a.pos.ligne,
            a.pos.colonne,
            &a.chemin,
            &a.message,
        )
            .cmp(&(
                &b.fichier,
                b.pos.ligne,
                b.pos.colonne,
                &b.chemin,
                &b.message,
            ))
    });
}

/// Byte range of `pos` in `source`, clamped to the line it is on.
fn byte_range(source: &str, pos: Pos) -> Option<std::ops::Range<usize>> {
    let line_start = if pos.ligne <= 1 {
        0
    } else {
        let mut seen = 1;
        let mut found = None;
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                seen += 1;
                if seen == pos.ligne {
                    found = Some(i + 1);
                    break;
                }
            }
        }
        found?
    };
    let line_end = source[line_start..]
        .find(['\n', '\r'])
        .map_or(source.len(), |i| line_start + i);
    let line = &source[line_start..line_end];
    let char_start = pos.colonne.saturating_sub(1) as usize;
    let start = line
        .char_indices()
        .nth(char_start)
        .map_or(line.len(), |(i, _)| i);
    let wanted = pos.longueur.max(1) as usize;
    let end = line[start..]
        .char_indices()
        .nth(wanted)
        .map_or(line.len(), |(i, _)| start + i);
    Some(line_start + start..line_start + end.max(start))
}

/// A source text as it may reach a terminal, with the same byte offsets:
/// the reordering characters (three bytes) become U+FFFD, the C1 controls
/// (two bytes) `·`. The C0 controls are shown as symbols by the renderer.
fn visible_source(text: &str) -> std::borrow::Cow<'_, str> {
    let replace = |c: char| c != '\n' && !c.is_ascii() && crate::text::forbidden_char(c).is_some();
    if !text.chars().any(replace) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            c if !replace(c) => c,
            c if c.len_utf8() == 3 => '\u{FFFD}',
            _ => '·',
        })
        .collect()
}

/// Renders one diagnostic as rustc does: a title, `--> fichier:ligne:colonne`,
/// the source line with a caret labelled with the field path, then help and
/// related places. `source` is the file's text when it could be read.
pub fn render(
    diagnostic: &Diagnostic,
    source: Option<&str>,
    related_source: Option<&str>,
    styled: bool,
) -> String {
    let message = crate::text::visible(&diagnostic.message).into_owned();
    let chemin = crate::text::visible(&diagnostic.chemin).into_owned();
    let fichier = crate::text::visible(&diagnostic.fichier).into_owned();
    let aide = diagnostic
        .aide
        .as_deref()
        .map(|a| crate::text::visible(a).into_owned());
    let source = source.map(visible_source);
    let source = source.as_deref();
    let related_source = related_source.map(visible_source);
    let related_source = related_source.as_deref();
    let level = match diagnostic.gravite {
        Severity::Erreur => Level::ERROR.with_name("erreur "),
        Severity::Avertissement => Level::WARNING.with_name("attention "),
        Severity::Note => Level::NOTE.with_name("note "),
    };
    let label = if chemin.is_empty() {
        None
    } else {
        Some(chemin.as_str())
    };
    let title = level.primary_title(message.as_str());
    let mut group = match source.and_then(|s| byte_range(s, diagnostic.pos).map(|r| (s, r))) {
        Some((text, range)) => title.element(
            Snippet::source(text)
                .path(fichier.as_str())
                .fold(true)
                .annotation(AnnotationKind::Primary.span(range).label(label)),
        ),
        None => title.element(
            Origin::path(fichier.as_str())
                .line(diagnostic.pos.ligne as usize)
                .char_column(diagnostic.pos.colonne as usize),
        ),
    };
    if let Some(aide) = &aide {
        group = group.element(Level::HELP.with_name("aide ").message(aide.as_str()));
    }
    let mut report = vec![group];
    let related_message = diagnostic
        .voir_aussi
        .as_ref()
        .map(|r| crate::text::visible(&r.message).into_owned());
    let related_fichier = diagnostic
        .voir_aussi
        .as_ref()
        .map(|r| crate::text::visible(&r.fichier).into_owned());
    if let (Some(related), Some(message), Some(fichier)) =
        (&diagnostic.voir_aussi, &related_message, &related_fichier)
    {
        let title = Level::NOTE
            .with_name("note ")
            .secondary_title(message.as_str());
        let g = match related_source.and_then(|s| byte_range(s, related.pos).map(|r| (s, r))) {
            Some((text, range)) => Group::with_title(title).element(
                Snippet::source(text)
                    .path(fichier.as_str())
                    .fold(true)
                    .annotation(AnnotationKind::Context.span(range)),
            ),
            None => Group::with_title(title).element(
                Origin::path(fichier.as_str())
                    .line(related.pos.ligne as usize)
                    .char_column(related.pos.colonne as usize),
            ),
        };
        report.push(g);
    }
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_hostile_reaches_the_terminal() {
        let source = "titre: a\u{202E}b\n\"cl\\e[31m\": 1\n";
        let d = Diagnostic::error(
            "reunions/\u{1b}[2Jx.yaml",
            Pos {
                ligne: 2,
                colonne: 1,
                longueur: 11,
            },
            "cl\u{1b}[31m",
            "clé inconnue « cl\u{1b}[31m\u{202E} »",
        )
        .with_help("aide \u{9b}31m");
        let text = render(&d, Some(source), None, false);
        assert!(
            !text
                .chars()
                .any(|c| c != '\n' && crate::text::forbidden_char(c).is_some()),
            "{text:?}"
        );
        assert!(text.contains("cl\\u{1b}[31m"), "{text}");
        // The same error on the line with the override: carets still line up.
        let d = Diagnostic::error(
            "a.yaml",
            Pos {
                ligne: 1,
                colonne: 8,
                longueur: 3,
            },
            "titre",
            "x",
        );
        let text = render(&d, Some(source), None, false);
        assert!(text.contains("a\u{FFFD}b"), "{text}");
        assert!(!text.contains('\u{202E}'), "{text}");
    }

    #[test]
    fn range_counts_characters_not_bytes() {
        let src = "titre: Été\nterritoire: Lile\n";
        let pos = Pos {
            ligne: 2,
            colonne: 13,
            longueur: 4,
        };
        assert_eq!(&src[byte_range(src, pos).unwrap()], "Lile");
        let pos = Pos {
            ligne: 1,
            colonne: 8,
            longueur: 3,
        };
        assert_eq!(&src[byte_range(src, pos).unwrap()], "Été");
        assert!(
            byte_range(
                src,
                Pos {
                    ligne: 9,
                    colonne: 1,
                    longueur: 1
                }
            )
            .is_none()
        );
    }

    #[test]
    fn renders_like_a_compiler() {
        let src = "titre: x\nterritoire: Lile\n";
        let d = Diagnostic::error(
            "reunions/a.yaml",
            Pos {
                ligne: 2,
                colonne: 13,
                longueur: 4,
            },
            "territoire",
            "territoire inconnu « Lile »",
        )
        .with_help("vouliez-vous dire « Lille » ?");
        let out = render(&d, Some(src), None, false);
        assert!(
            out.contains("erreur : territoire inconnu « Lile »"),
            "{out}"
        );
        assert!(out.contains("--> reunions/a.yaml:2:13"), "{out}");
        assert!(out.contains("territoire: Lile"), "{out}");
        assert!(out.contains("^^^^ territoire"), "{out}");
        assert!(
            out.contains("aide : vouliez-vous dire « Lille » ?"),
            "{out}"
        );
    }

    #[test]
    fn renders_without_source() {
        let d = Diagnostic::error("reunions/a.yaml", Pos::START, "", "lecture impossible");
        let out = render(&d, None, None, false);
        assert!(out.contains("reunions/a.yaml:1:1"), "{out}");
    }
}

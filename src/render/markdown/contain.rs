//! Whether a field's Markdown ends where it ends. Each field is cleaned on
//! its own, but a page's Markdown is many fields in one document: a code
//! fence opened at the end of `meteo` and closed in a point's `contenu`
//! would turn what the second field hid as code into live HTML. A field is
//! published as Markdown only when a paragraph written after it is read as
//! a paragraph of the document, outside anything the field opened.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A paragraph no field can hold (it holds a character a cleaned field
/// never ends with after a blank line at the top level).
const PROBE: &str = "reunion\u{2063}sonde";

/// Whether `markdown`, followed by a blank line and a paragraph, leaves
/// that paragraph at the top level of the document: nothing it opened (a
/// code fence, an HTML block, a list that would swallow the next lines)
/// outlives it.
pub fn is_contained(markdown: &str, options: Options) -> bool {
    let doc = format!("{markdown}\n\n{PROBE}\n");
    let mut depth = 0usize;
    let mut probe_at_top = false;
    let mut last_start_depth = 0usize;
    for event in Parser::new_ext(&doc, options) {
        match event {
            Event::Start(tag) => {
                if matches!(tag, Tag::Paragraph) {
                    last_start_depth = depth;
                }
                depth += 1;
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if matches!(end, TagEnd::Paragraph) && probe_at_top {
                    return last_start_depth == 0 && depth == 0;
                }
            }
            Event::Text(t) if t.as_ref() == PROBE => probe_at_top = true,
            _ => probe_at_top = false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_constructs_are_found() {
        let o = Options::ENABLE_STRIKETHROUGH;
        assert!(is_contained("Un *texte* et\n\n- une liste", o));
        assert!(is_contained("~~~\ncode\n~~~", o));
        assert!(!is_contained("Texte\n\n```", o));
        assert!(!is_contained("~~~~\ncode", o));
        assert!(is_contained("> citation\n>\n> ```", o));
        assert!(!is_contained("<!-- commentaire", o));
    }
}

//! Markdown fields made safe to publish, in both output languages.
//!
//! The fields of a record (`meteo`, `contenu`, `description`, `objectifs`…)
//! are Markdown typed by people, and records may come from anyone who can
//! open a pull request. pulldown-cmark passes raw HTML and `javascript:`
//! links through untouched, so the same three rules apply before anything
//! reaches a page, in `.html` and in `.md` alike:
//!
//! 1. raw HTML is dropped: an inline tag (`<script>`, `<img onerror=…>`)
//!    disappears and the text between tags stays; an HTML block disappears
//!    whole;
//! 2. a link whose address is not `http:`, `https:`, `mailto:` or `tel:`
//!    (`javascript:`, `data:`, `vbscript:`, a relative path…) loses its
//!    address and keeps its text; an image becomes its alternative text (a
//!    published compte rendu must not fetch anything);
//! 3. headings inside a field are moved under the heading of the section
//!    that holds the field, without gaps, so the page outline stays right.
//!
//! For HTML, the result of pulldown-cmark is then cleaned by `ammonia` with a
//! short list of tags: even if rule 1 or 2 had a hole, nothing executable
//! survives. For Markdown, the offending parts are cut out of the source
//! text, so the field stays the Markdown its author wrote, minus the raw
//! HTML and the dangerous addresses.

pub mod contain;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// Schemes a link may use. Everything else, including relative addresses,
/// is refused: a record has no business pointing into the site's files.
const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Whether a link address may be published: an allowed scheme, once
/// whitespace and control characters (which browsers ignore inside
/// `java\tscript:`) are removed.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    SCHEMES.iter().any(|scheme| {
        cleaned
            .strip_prefix(scheme)
            .is_some_and(|rest| rest.starts_with(':'))
    })
}

/// How the heading levels found in a field map onto the page: the distinct
/// levels, in order, become `base + 1`, `base + 2`… (at most 6).
fn heading_map(source: &str, base: u8) -> HashMap<HeadingLevel, HeadingLevel> {
    let used: BTreeSet<HeadingLevel> = Parser::new_ext(source, options())
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level),
            _ => None,
        })
        .collect();
    used.into_iter()
        .enumerate()
        .map(|(rank, level)| {
            let n = (usize::from(base) + 1 + rank).min(6);
            let mapped = HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6);
            (level, mapped)
        })
        .collect()
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.add_tags([
        "p",
        "br",
        "em",
        "strong",
        "del",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "a",
        "hr",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    ])
    .add_tag_attributes("a", ["href"])
    .add_tag_attributes("ol", ["start"])
    .url_schemes(HashSet::from(SCHEMES))
    .url_relative(ammonia::UrlRelative::Deny)
    .link_rel(Some("noopener noreferrer"))
    .strip_comments(true);
    b
});

/// A Markdown field as safe HTML, its headings placed under a heading of
/// level `base` (2 for a field under an `<h2>`).
pub fn to_html(source: &str, base: u8) -> String {
    if crate::text::is_crafted_markdown(source) {
        return plain_paragraphs(source)
            .split("\n\n")
            .map(|p| format!("<p>{}</p>", ammonia::clean_text(&unescape_inline(p))))
            .collect::<Vec<_>>()
            .join("\n");
    }
    let _turn = large_field_turn(source);
    let levels = heading_map(source, base);
    let mut in_bad_link = 0usize;
    let mut events: Vec<Event<'_>> = Vec::new();
    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::Start(Tag::Link { ref dest_url, .. }) if !is_safe_url(dest_url) => {
                in_bad_link += 1;
            }
            Event::End(TagEnd::Link) if in_bad_link > 0 => in_bad_link -= 1,
            // The alternative text of an image is kept as plain text.
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => events.push(Event::Start(Tag::Heading {
                level: levels.get(&level).copied().unwrap_or(level),
                id,
                classes,
                attrs,
            })),
            Event::End(TagEnd::Heading(level)) => events.push(Event::End(TagEnd::Heading(
                levels.get(&level).copied().unwrap_or(level),
            ))),
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(source.len() * 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    SANITIZER.clean(&html).to_string().trim_end().to_string()
}

/// A link or image being replaced: its range, the text collected, the
/// depth of links inside it, and the address and title it keeps.
type Replacing = (Range<usize>, String, usize, Option<(String, String)>);

/// Fields larger than this are rendered one at a time across threads: a
/// few of them rendered at once on every core would add up the memory each
/// one takes while being parsed. Real fields are far smaller.
const LARGE_FIELD: usize = 64 * 1024;

static LARGE_FIELDS: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The turn of a large field: held while it is rendered.
fn large_field_turn(source: &str) -> Option<std::sync::MutexGuard<'static, ()>> {
    (source.len() > LARGE_FIELD).then(|| {
        LARGE_FIELDS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    })
}

/// The plain text of a paragraph escaped by [`escape_inline`], for HTML.
fn unescape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            _ => out.push(c),
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// One cut in the source: `range` is replaced by `with`.
struct Edit {
    range: Range<usize>,
    with: String,
}

/// Passes of [`strip_once`] before giving up on a field built to re-form
/// markup each time a piece is cut out; real text needs one or two.
const STRIP_PASSES: usize = 8;

/// A Markdown field as Markdown, without raw HTML or dangerous links (see the
/// module documentation). Text that replaces a link or an image is escaped so
/// that it cannot form markup of its own.
///
/// Cutting a piece out joins what was around it: `<a href="x"</b>>` loses
/// `</b>` and becomes the tag `<a href="x">`, `[t]<b></b>(javascript:…)`
/// becomes a link. So the cut is repeated until nothing more goes; a field
/// still changing after [`STRIP_PASSES`] is crafted, and every `<` and `>`
/// of it becomes an entity, which no Markdown reader turns into a tag.
/// (Found by the `render` fuzz target.)
///
/// The result is contained ([`contain::is_contained`]): nothing it opens
/// outlives it in the page. A field that would (a code fence left open, for
/// one) is published as plain paragraphs, every character escaped.
pub fn to_markdown(source: &str) -> String {
    if crate::text::is_crafted_markdown(source) {
        return plain_paragraphs(source);
    }
    let _turn = large_field_turn(source);
    let cleaned = clean(source);
    if contain::is_contained(&cleaned, options()) {
        cleaned
    } else {
        plain_paragraphs(&cleaned)
    }
}

fn clean(source: &str) -> String {
    let mut text = strip_once(source);
    // A text the pass left as it was is its own fixed point: no second
    // pass needed (most texts have no HTML and no dangerous link).
    if text == source {
        return text;
    }
    for _ in 0..STRIP_PASSES {
        let next = strip_once(&text);
        if next == text {
            return text;
        }
        text = next;
    }
    strip_once(&text.replace('<', "&lt;").replace('>', "&gt;"))
}

/// `text` as paragraphs of escaped plain text: what a field that would
/// open a construct beyond itself becomes.
fn plain_paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|p| {
            let joined: Vec<&str> = p.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            escape_inline(&joined.join(" "))
        })
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A safe link written inline, so that it needs no reference definition:
/// definitions outlive their field (a `[x]: …` in one field would give its
/// address to a `[texte][x]` of another).
fn inline_link(text: &str, dest: &str, title: &str) -> String {
    let dest: String = dest
        .chars()
        .map(|c| match c {
            '<' => "%3C".to_string(),
            '>' => "%3E".to_string(),
            c if c.is_whitespace() || c.is_control() => {
                let mut bytes = [0; 4];
                c.encode_utf8(&mut bytes)
                    .bytes()
                    .map(|b| format!("%{b:02X}"))
                    .collect()
            }
            c => c.to_string(),
        })
        .collect();
    let text = escape_inline(text);
    if title.is_empty() {
        format!("[{text}](<{dest}>)")
    } else {
        let title = title
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace(['\n', '\r'], " ");
        format!("[{text}](<{dest}> \"{title}\")")
    }
}

/// One pass of [`to_markdown`]: the raw HTML and the dangerous links and
/// images of `source` cut out.
fn strip_once(source: &str) -> String {
    let parser = Parser::new_ext(source, options()).into_offset_iter();
    let mut edits: Vec<Edit> = Vec::new();
    // Every definition goes: links are written inline (see
    // [`inline_link`]), refused ones lose their address.
    let mut refused_definitions: Vec<Range<usize>> = parser
        .reference_definitions()
        .iter()
        .map(|(_, def)| def.span.clone())
        .collect();
    // The link or image being replaced: its range, the text collected, the
    // depth of links inside it, and the address and title it keeps (a
    // safe link by reference, written inline).
    let mut replacing: Option<Replacing> = None;
    // The indented code block being rewritten: its range and its text.
    let mut indented: Option<(Range<usize>, String)> = None;
    for (event, range) in parser {
        if let Some((outer, code)) = &mut indented {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    edits.push(Edit {
                        range: line_start(source, outer.start)..outer.end,
                        with: fenced(code),
                    });
                    indented = None;
                }
                _ => {}
            }
            continue;
        }
        if let Some((outer, text, depth, keep)) = &mut replacing {
            match &event {
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => *depth += 1,
                Event::End(TagEnd::Link | TagEnd::Image) if *depth > 0 => *depth -= 1,
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    let with = match keep {
                        Some((dest, title)) => inline_link(text, dest, title),
                        None => escape_inline(text),
                    };
                    edits.push(Edit {
                        range: outer.clone(),
                        with,
                    });
                    replacing = None;
                }
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                _ => {}
            }
            continue;
        }
        match event {
            // Code only because it is indented: in the page, after a list,
            // the same lines continue the list item and their `<script>`
            // becomes a tag. Fenced, code stays code wherever it lands.
            // (Found by the `render` fuzz target.)
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                indented = Some((range, String::new()));
            }
            Event::Html(_) | Event::InlineHtml(_) => edits.push(Edit {
                range,
                with: String::new(),
            }),
            Event::Start(Tag::Link { dest_url, .. }) if !is_safe_url(&dest_url) => {
                replacing = Some((range, String::new(), 0, None));
            }
            Event::Start(Tag::Link {
                link_type:
                    LinkType::Reference
                    | LinkType::Collapsed
                    | LinkType::Shortcut
                    | LinkType::ReferenceUnknown
                    | LinkType::CollapsedUnknown
                    | LinkType::ShortcutUnknown,
                dest_url,
                title,
                ..
            }) => {
                let keep = Some((dest_url.to_string(), title.to_string()));
                replacing = Some((range, String::new(), 0, keep));
            }
            Event::Start(Tag::Image { .. }) => replacing = Some((range, String::new(), 0, None)),
            _ => {}
        }
    }
    refused_definitions.sort_by_key(|r| r.start);
    edits.extend(refused_definitions.into_iter().map(|range| Edit {
        range,
        with: String::new(),
    }));
    edits.sort_by_key(|e| e.range.start);
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for (i, edit) in edits.iter().enumerate() {
        // Ranges may nest (an HTML block holds its lines): keep the outer cut.
        if edit.range.start < at {
            continue;
        }
        out.push_str(&source[at..edit.range.start]);
        out.push_str(&edit.with);
        at = edit.range.end;
        // A removed block leaves no run of blank lines behind.
        if edit.with.is_empty() && (out.is_empty() || out.ends_with("\n\n")) {
            let limit = edits
                .get(i + 1)
                .map_or(source.len(), |e| e.range.start.max(at));
            while at < limit && source[at..].starts_with('\n') {
                at += 1;
            }
        }
    }
    out.push_str(&source[at..]);
    out.trim_end().to_string()
}

/// Where the line holding `at` starts, if only spaces and tabs precede
/// `at` on it; `at` otherwise.
fn line_start(source: &str, at: usize) -> usize {
    let start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    if source[start..at].bytes().all(|b| b == b' ' || b == b'\t') {
        start
    } else {
        at
    }
}

/// `code` as a fenced code block, its fence longer than any run of `~` in it.
fn fenced(code: &str) -> String {
    let longest = code.split(|c| c != '~').map(str::len).max().unwrap_or(0);
    let fence = "~".repeat(longest.max(2) + 1);
    let body = code.strip_suffix('\n').unwrap_or(code);
    format!("{fence}\n{body}\n{fence}\n")
}

/// Escapes plain text for Markdown, so that it reads as written once the
/// Markdown is displayed: every character that could open markup is
/// backslash-escaped (CommonMark shows `\*` as `*`), line breaks become
/// spaces (a value must not start a block of its own), and `<`, `>` and
/// `&` become entities, so they cannot form HTML or entities.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut at_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Entities rather than backslashes: a careless Markdown
            // converter may ignore `\<`, none turns `&lt;` into a tag.
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("&amp;")
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => {
                out.push(' ');
                at_start = false;
                continue;
            }
            // Only at the start can these open a heading, a list or a quote.
            '#' | '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '0'..='9' if at_start => {
                out.push(c);
                // « 1. » or « 1) » at the start would open an ordered list.
                let mut digits = String::new();
                while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(d);
                    chars.next();
                }
                out.push_str(&digits);
                if let Some(&p @ ('.' | ')')) = chars.peek() {
                    out.push('\\');
                    out.push(p);
                    chars.next();
                }
            }
            _ => out.push(c),
        }
        at_start = false;
    }
    out
}

/// Escapes for a Markdown document: the escape function given to tera for
/// `.md` templates, as HTML escaping is for `.html` ones.
pub fn escape_for_tera(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(escape_inline(input).as_bytes())
}

/// Whether a text is empty once Markdown has been applied: no words at all.
pub fn is_blank(source: &str) -> bool {
    if crate::text::is_crafted_markdown(source) {
        return source.trim().is_empty();
    }
    let _turn = large_field_turn(source);
    !Parser::new_ext(source, options())
        .any(|e| matches!(e, Event::Text(ref t) | Event::Code(ref t) if !t.trim().is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_urls() {
        assert!(is_safe_url("https://lagrandeequipe.fr/"));
        assert!(is_safe_url("mailto:contact@irev.fr"));
        assert!(!is_safe_url("javascript:alert(1)"));
        assert!(!is_safe_url(" JaVa\tScRiPt:alert(1)"));
        assert!(!is_safe_url("data:text/html;base64,PHNjcmlwdD4="));
        assert!(!is_safe_url("vbscript:x"));
        assert!(!is_safe_url("../../etc/passwd"));
        assert!(!is_safe_url("//evil.example/x"));
        assert!(!is_safe_url("httpx://x"));
    }

    #[test]
    fn html_keeps_formatting_and_drops_the_rest() {
        let html = to_html(
            "Un **point** et [un lien](https://irev.fr).\n\n<script>alert(1)</script>\n\nFin <img src=x onerror=alert(2)> ici [piège](javascript:alert(3)).",
            2,
        );
        assert!(html.contains("<strong>point</strong>"), "{html}");
        assert!(
            html.contains(r#"<a href="https://irev.fr" rel="noopener noreferrer">un lien</a>"#),
            "{html}"
        );
        assert!(!html.contains("script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains("ici piège."), "{html}");
    }

    #[test]
    fn html_entities_cannot_hide_a_scheme() {
        let html = to_html("[x](&#106;avascript:alert(1)) [y](<data:text/html,hi>)", 2);
        assert!(!html.contains("href"), "{html}");
        assert!(!html.contains("javascript"), "{html}");
    }

    #[test]
    fn images_become_their_text() {
        let html = to_html("![Le logo](https://evil.example/pixel.png)", 2);
        assert_eq!(html, "<p>Le logo</p>");
        assert_eq!(
            to_markdown("Voir ![le *logo*](x.png) ici"),
            "Voir le logo ici"
        );
    }

    #[test]
    fn headings_follow_the_page() {
        let html = to_html("# Un\n\ntexte\n\n### Deux", 3);
        assert!(html.contains("<h4>Un</h4>"), "{html}");
        assert!(html.contains("<h5>Deux</h5>"), "{html}");
        let deep = to_html("# a\n## b\n### c\n#### d", 4);
        assert!(deep.contains("<h6>d</h6>"), "{deep}");
    }

    #[test]
    fn markdown_loses_raw_html_and_bad_links_only() {
        let md = to_markdown(
            "- Un **point** <b onclick=x>gras</b>\n- [lien](https://irev.fr) et [piège](javascript:alert(1))\n\n<div>\nbloc\n</div>\n\n[ref]: javascript:alert(2)\n\nSuite [a][ref].",
        );
        assert_eq!(
            md,
            "- Un **point** gras\n- [lien](https://irev.fr) et piège\n\nSuite a."
        );
        // What is left parses without any HTML or dangerous link.
        for event in Parser::new(&md) {
            assert!(!matches!(event, Event::Html(_) | Event::InlineHtml(_)));
            if let Event::Start(Tag::Link { dest_url, .. }) = event {
                assert!(is_safe_url(&dest_url));
            }
        }
    }

    #[test]
    fn cutting_html_out_cannot_form_new_markup() {
        // Found by the `render` fuzz target: `</ae>` cut out joined the rest
        // into a live tag.
        for source in [
            "<a href=\"java\tscript:x\"</ae>>",
            "[t]<b></b>(javascript:alert(1))",
            "<<b></b>a href=\"javascript:x\"<i></i>>lien",
            // Code in the field, HTML once the field follows a list item.
            "      # Titre\n\n    Contenu <script>alert(1)</script>\n    ~~~\n",
            "    <!t",
            &"<<b></b>".repeat(20),
        ] {
            let md = to_markdown(source);
            // Alone, and where the templates put it: after a list item.
            let page = format!("- Statut : À documenter\n\n{md}\n");
            for event in Parser::new_ext(&md, options()).chain(Parser::new_ext(&page, options())) {
                match event {
                    Event::Html(h) | Event::InlineHtml(h) => {
                        panic!("{source:?} → {md:?} : HTML {h:?}")
                    }
                    Event::Start(Tag::Link { dest_url, .. }) => {
                        assert!(is_safe_url(&dest_url), "{source:?} → {md:?}")
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn template_syntax_is_just_text() {
        assert_eq!(to_markdown("{{ 7*7 }}"), "{{ 7*7 }}");
        assert_eq!(to_html("{{ 7*7 }}", 2), "<p>{{ 7*7 }}</p>");
    }

    #[test]
    fn inline_escaping() {
        assert_eq!(escape_inline("a*b_c [d](e)"), r"a\*b\_c \[d\](e)");
        assert_eq!(escape_inline("# titre"), r"\# titre");
        assert_eq!(escape_inline("- x"), r"\- x");
        assert_eq!(escape_inline("16-25 ans"), "16-25 ans");
        assert_eq!(escape_inline("1. premier"), r"1\. premier");
        assert_eq!(escape_inline("2022 est"), "2022 est");
        assert_eq!(escape_inline("<script>&amp;"), "&lt;script&gt;&amp;amp;");
        assert_eq!(escape_inline("R & D"), "R & D");
        assert_eq!(escape_inline("ligne\nsuite"), "ligne suite");
        assert_eq!(
            escape_inline("Projet « Lit avec moi »"),
            "Projet « Lit avec moi »"
        );
        // Once displayed, the escaped text reads exactly as the original.
        let original = "a *b* <i>c</i> [d](javascript:e) | f & g";
        let html = pulldown_cmark_to_text(&escape_inline(original));
        assert_eq!(html, original);
    }

    fn pulldown_cmark_to_text(md: &str) -> String {
        Parser::new(md)
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn blank_fields() {
        assert!(is_blank("  \n"));
        assert!(is_blank("<!-- rien -->"));
        assert!(!is_blank("Pas grand-chose"));
    }

    /// What an engine that keeps raw HTML makes of a Markdown document.
    fn as_html(doc: &str) -> String {
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, Parser::new_ext(doc, options()));
        html
    }

    #[test]
    fn no_construct_outlives_its_field() {
        // A fence opened at the end of one field and closed in the next:
        // each field alone is harmless, the document must be too.
        let first = to_markdown("La météo du jour.\n\n```");
        let second = to_markdown("```\n<script>alert(1)</script> [x](javascript:alert(2))");
        let doc = format!("## Météo\n\n{first}\n\n## Point\n\n{second}\n");
        let html = as_html(&doc);
        assert!(
            crate::render::audit::dangers(&html).is_empty(),
            "{doc}\n{html}"
        );
        assert!(first.contains("La météo du jour."), "{first}");
        // Definitions do not travel: a reference of one field is written
        // inline, a definition of another field defines nothing.
        let a = to_markdown("[voir][x]\n\n[x]: https://irev.fr \"IREV\"");
        assert_eq!(a, "[voir](<https://irev.fr> \"IREV\")");
        let b = to_markdown("[x]: https://evil.example");
        let c = to_markdown("[clic][x]");
        let html = as_html(&format!("{b}\n\n{c}\n"));
        assert!(!html.contains("href"), "{html}");
    }
}

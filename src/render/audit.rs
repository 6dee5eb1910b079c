//! What would make a published HTML page run or fetch something: an
//! executable element (`<script>`, `<iframe>`…), an event attribute
//! (`onerror=`…), an address with a scheme that runs or embeds code
//! (`javascript:`, `vbscript:`, `data:`), or a `style` attribute.
//!
//! `reunion render` does not audit its own pages (a user template may hold a
//! script on purpose). The `render` fuzz target and the tests do: they
//! compare what a page built from hostile text carries with what the
//! templates alone put there ([`excess`]), so only dangers that came from the
//! data are reported.
//!
//! The page is read as a browser reads it: a `<` followed by a letter opens
//! a tag, attribute values may be quoted or not and hold character
//! references (`&#106;avascript:` is `javascript:`), and the contents of
//! `<script>` and `<style>` are raw text up to their closing tag.

use std::collections::BTreeMap;

/// Elements that run code, load another document, or change where links go.
const ELEMENTS: [&str; 12] = [
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "svg",
    "math", "style",
];

/// Attributes that hold an address.
const URL_ATTRIBUTES: [&str; 10] = [
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "background",
    "cite",
    "srcset",
    "data",
    "xlink:href",
];

/// Schemes that run or embed code.
const SCHEMES: [&str; 3] = ["javascript:", "vbscript:", "data:"];

/// Every danger of `html`, one line each, in page order.
pub fn dangers(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        let rest = &html[i..];
        if rest.starts_with("!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            // `</p>`, `<!doctype …>`, or a `<` that opens nothing.
            continue;
        }
        let (name, attributes, end) = tag(html, i);
        i = end;
        if ELEMENTS.contains(&name.as_str()) {
            found.push(format!("élément <{name}>"));
        }
        for (attr, value) in attributes {
            if attr.starts_with("on") {
                found.push(format!("attribut {attr} sur <{name}>"));
            }
            if attr == "style" {
                found.push(format!("attribut style sur <{name}>"));
            }
            if URL_ATTRIBUTES.contains(&attr.as_str()) {
                let url: String = decode_references(&value)
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                // `srcset` holds several addresses; any of them counts.
                for scheme in SCHEMES {
                    if url.starts_with(scheme) || (attr == "srcset" && url.contains(scheme)) {
                        found.push(format!("adresse {scheme} dans {attr} de <{name}>"));
                    }
                }
            }
        }
        // Raw text elements: their content is not markup.
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i += find_ignoring_case(&bytes[i..], close.as_bytes()).unwrap_or(html.len() - i);
        }
    }
    found
}

/// Where `needle` (lower-case ASCII) first occurs in `hay`, whatever the
/// case of `hay`: without lowering a copy of the rest of the page at each
/// raw-text element, which made a page of many `<style>` quadratic.
fn find_ignoring_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The dangers of `page` that `reference` (the same page built from
/// harmless data) does not have as many times: those the data brought in.
pub fn excess(page: &str, reference: &str) -> Vec<String> {
    Baseline::of(reference).excess(page)
}

/// The dangers of a reference built from harmless data, counted once, to
/// compare many pages with it: the fuzz target audits every page of every
/// input against the same reference.
pub struct Baseline(BTreeMap<String, usize>);

impl Baseline {
    pub fn of(reference: &str) -> Baseline {
        let mut allowed: BTreeMap<String, usize> = BTreeMap::new();
        for d in dangers(reference) {
            *allowed.entry(d).or_default() += 1;
        }
        Baseline(allowed)
    }

    /// The dangers of `page` that the reference does not have as many
    /// times: those the data brought in.
    pub fn excess(&self, page: &str) -> Vec<String> {
        let mut allowed = self.0.clone();
        dangers(page)
            .into_iter()
            .filter(|d| match allowed.get_mut(d) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .collect()
    }
}

/// Reads one tag whose name starts at `start`: its lower-case name, its
/// attributes (lower-case name, raw value), and where it ends.
fn tag(html: &str, start: usize) -> (String, Vec<(String, String)>, usize) {
    let b = html.as_bytes();
    let mut i = start;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name = html[start..i].to_ascii_lowercase();
    let mut attributes = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (name, attributes, i);
        }
        if b[i] == b'>' {
            return (name, attributes, i + 1);
        }
        let attr_start = i;
        // As in the HTML tokenizer, the first character is always part of
        // the name, even an `=`.
        i += html[i..].chars().next().map_or(1, char::len_utf8);
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attr = html[attr_start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[i + 1..].find(q as char).map_or(b.len(), |e| i + 1 + e);
                    value = html[i + 1..end].to_string();
                    i = (end + 1).min(b.len());
                }
                _ => {
                    let begin = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = html[begin..i].to_string();
                }
            }
        }
        attributes.push((attr, value));
    }
}

/// Character references in an attribute value: numeric ones, and the named
/// ones that can hide a scheme (`&colon;`, `&Tab;`, `&NewLine;`).
fn decode_references(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(rest.len());
        let name = &rest[..end];
        let decoded = if let Some(num) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
            u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
        } else if let Some(num) = name.strip_prefix('#') {
            num.parse().ok().and_then(char::from_u32)
        } else {
            match name.to_ascii_lowercase().as_str() {
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                "amp" => Some('&'),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_a_browser_would_run() {
        let page = concat!(
            "<p>texte &lt;script&gt; sans danger</p>",
            "<SCRIPT>if (a < b) {}</script>",
            "<img src=x OnError=alert(1)>",
            "<a href=\"&#106;ava&#x73;cript&colon;alert(1)\">a</a>",
            "<a href=' java\tscript:x'>b</a>",
            "<a href=data:text/html,x>c</a>",
            "<p style=\"color:red\">d</p>",
            "<!-- <script> dans un commentaire -->",
            "<iframe/src=https://x></iframe>",
        );
        assert_eq!(
            dangers(page),
            vec![
                "élément <script>",
                "attribut onerror sur <img>",
                "adresse javascript: dans href de <a>",
                "adresse javascript: dans href de <a>",
                "adresse data: dans href de <a>",
                "attribut style sur <p>",
                "élément <iframe>",
            ]
        );
    }

    #[test]
    fn harmless_markup_has_no_danger() {
        let page = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"assets/style.css\"></head>\
                    <body><a href=\"https://irev.fr/?a=1&amp;b=2\">lien</a> <a href=\"#contenu\">aller</a> 3 &lt; 4 > 2</body></html>";
        assert_eq!(dangers(page), Vec::<String>::new());
    }

    #[test]
    fn excess_counts_only_what_the_data_brought() {
        let reference = "<style>p{}</style><script>1</script><p>x</p>";
        let page = "<style>p{}</style><script>1</script><p>y<script>2</script></p>";
        assert_eq!(excess(page, reference), vec!["élément <script>"]);
        assert!(excess(reference, reference).is_empty());
        let baseline = Baseline::of(reference);
        assert_eq!(baseline.excess(page), vec!["élément <script>"]);
        assert_eq!(baseline.excess(page), vec!["élément <script>"]);
    }

    #[test]
    fn raw_text_ends_at_its_closing_tag_in_any_case() {
        let page = "<STYLE>a<script>x</script></StYlE><img onerror=x>";
        assert_eq!(
            dangers(page),
            vec!["élément <style>", "attribut onerror sur <img>"]
        );
    }
}

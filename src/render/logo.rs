//! The organisation's logo, copied into the site: an image of a known type,
//! a regular file inside the folder, of a bounded size. An SVG is a
//! document that can hold script: it is published only when every element
//! and attribute is drawing (an allow-list), nothing runs, and nothing is
//! fetched; otherwise the publication stops and says what the logo holds.

use super::error::RenderError;
use crate::folder::Folder;
use crate::fsutil::OpenError;
use std::io::Read;

/// Image types a logo may have, and the largest logo copied.
const LOGO_TYPES: [&str; 6] = ["svg", "png", "jpg", "jpeg", "gif", "webp"];
const LOGO_MAX_BYTES: u64 = 5 * 1024 * 1024;

/// Elements of an SVG that only draw. Left out on purpose: `script`,
/// `foreignObject` (HTML inside), `a`, `image` and `feImage` (fetch),
/// `animate`, `set` and their kin (can set an address to `javascript:`),
/// `style` (CSS can fetch), `iframe`, `embed`, `object`.
const SVG_ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "symbol",
    "use",
    "title",
    "desc",
    "metadata",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "linearGradient",
    "radialGradient",
    "stop",
    "pattern",
    "clipPath",
    "mask",
    "filter",
    "feGaussianBlur",
    "feOffset",
    "feBlend",
    "feColorMatrix",
    "feComposite",
    "feFlood",
    "feMerge",
    "feMergeNode",
    "marker",
];

/// What in an SVG could run or fetch something, in French; `None` when it
/// only draws.
pub fn svg_danger(text: &str) -> Option<String> {
    let doc = match roxmltree::Document::parse(text) {
        Ok(doc) => doc,
        Err(_) => return Some("du XML invalide ou une DTD".into()),
    };
    for node in doc.descendants() {
        if node.is_element() {
            let name = node.tag_name().name();
            if !SVG_ELEMENTS.contains(&name) {
                return Some(format!("un élément <{name}>"));
            }
            for attr in node.attributes() {
                let key = attr.name().to_ascii_lowercase();
                let value: String = attr
                    .value()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if key.starts_with("on") {
                    return Some(format!("un attribut {}", attr.name()));
                }
                if (key == "href" || key == "src") && !value.starts_with('#') {
                    return Some(format!("une adresse {}=\"{}\"", attr.name(), attr.value()));
                }
                let fetches = value.match_indices("url(").any(|(i, _)| {
                    !value[i + 4..]
                        .trim_start_matches(['\'', '"'])
                        .starts_with('#')
                });
                if fetches || value.contains("javascript:") || value.contains("@import") {
                    return Some(format!(
                        "une valeur qui va chercher ailleurs ({})",
                        attr.name()
                    ));
                }
            }
        } else if node.is_pi() {
            return Some("une instruction de traitement XML".into());
        }
    }
    None
}

/// The logo of the configuration, as (path in the site, bytes). A logo that
/// is missing was already reported by the configuration check as a warning:
/// the pages are then published without it.
pub fn logo(folder: &Folder) -> Result<Option<(String, Vec<u8>)>, RenderError> {
    let Some(logo) = &folder.config.organisation.logo else {
        return Ok(None);
    };
    if !crate::read::config::is_safe_relative_path(logo) {
        return Ok(None);
    }
    let path = folder.root.join(logo);
    let Some(ext) = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .filter(|e| LOGO_TYPES.contains(&e.as_str()))
    else {
        return Ok(None);
    };
    let file = match crate::fsutil::open_regular_inside(&folder.root, &path) {
        Ok((file, meta)) if meta.len() <= LOGO_MAX_BYTES => file,
        Ok(_) | Err(OpenError::Outside { .. } | OpenError::NotRegular { .. }) => return Ok(None),
        Err(OpenError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(OpenError::Io(error)) => return Err(RenderError::Logo { path, error }),
    };
    let mut bytes = Vec::new();
    file.take(LOGO_MAX_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|error| RenderError::Logo {
            path: path.clone(),
            error,
        })?;
    if ext == "svg" {
        let reason = match std::str::from_utf8(&bytes) {
            Ok(text) => svg_danger(text),
            Err(_) => Some("du texte qui n'est pas en UTF-8".into()),
        };
        if let Some(reason) = reason {
            return Err(RenderError::UnsafeLogo {
                fichier: logo.clone(),
                reason,
            });
        }
    }
    Ok(Some((format!("assets/logo.{ext}"), bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_drawing_svg_passes() {
        let ok = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>IREV</title><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>"##;
        assert_eq!(svg_danger(ok), None);
        for bad in [
            r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><use href="https://evil.example/x.svg#a"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.example/p)"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:alert(1)"/></svg>"#,
            r#"<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>"#,
            "pas du XML",
        ] {
            assert!(svg_danger(bad).is_some(), "{bad}");
        }
    }
}

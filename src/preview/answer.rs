//! The answer of the preview server to one request: the Host check (421
//! unless the request names `127.0.0.1:PORT` or `localhost:PORT`), the
//! live-reload paths, and the published files, served only from inside the
//! folder: the path is decoded, `..`, `\\` and NUL refused, and the file
//! opened by [`fsutil::open_regular_inside`]; the reload tag is added to the
//! HTML sent, never to the files.

use super::reload::{self, SiteVersion};
use crate::fsutil;
use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// The one body type the server answers with.
pub type Body = http_body_util::Full<hyper::body::Bytes>;

/// What every connection needs.
pub struct Site {
    root: PathBuf,
    port: u16,
    version: SiteVersion,
}

impl Site {
    /// The site in `root`, served on `port`, at `version`.
    pub fn new(root: PathBuf, port: u16, version: SiteVersion) -> Site {
        Site {
            root,
            port,
            version,
        }
    }
}

/// The type of a file, by its extension.
fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("ics") => "text/calendar; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; `None` for a malformed escape or non-UTF-8 bytes.
fn decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file a request path names under `root`: `None` when the path
/// tries to leave it or is malformed.
pub fn requested_file(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    let decoded = decode(path)?;
    if !decoded.starts_with('/') || decoded.contains(['\\', '\0']) {
        return None;
    }
    let relative = Path::new(decoded.trim_start_matches('/'));
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file.push("index.html");
    }
    Some(file)
}

/// Whether the request is meant for this server: its `Host` (and its
/// target's authority, when the target is absolute) is the loopback address
/// or `localhost`, with the port served.
fn for_us(req: &Request<Incoming>, port: u16) -> bool {
    let expected = |host: &str| {
        let host = host.trim();
        let (name, host_port) = match host.rsplit_once(':') {
            Some((name, p)) => (name, p.parse::<u16>().ok()),
            None => (host, (port == 80).then_some(80)),
        };
        host_port == Some(port) && (name == "127.0.0.1" || name.eq_ignore_ascii_case("localhost"))
    };
    let host_ok = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(expected);
    let authority_ok = req.uri().authority().is_none_or(|a| expected(a.as_str()));
    host_ok && authority_ok
}

fn response(status: StatusCode, content_type: &str, body: Vec<u8>) -> Response<Body> {
    let mut response = Response::new(Body::new(body.into()));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    // A preview must show the page as it is now, not as cached.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn error_page(status: StatusCode, title: &str) -> Response<Body> {
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><p><a href=\"/\">Retour à l'accueil</a></p></body></html>\n"
    );
    response(status, "text/html; charset=utf-8", body.into_bytes())
}

/// The answer to one request.
pub fn answer(req: &Request<Incoming>, site: &Site) -> Response<Body> {
    if !for_us(req, site.port) {
        let body = format!(
            "Requête refusée : cet aperçu ne répond qu'à l'adresse http://127.0.0.1:{}/\n",
            site.port
        );
        return response(
            StatusCode::MISDIRECTED_REQUEST,
            "text/plain; charset=utf-8",
            body.into_bytes(),
        );
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = error_page(StatusCode::METHOD_NOT_ALLOWED, "Méthode non permise");
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let path = req.uri().path();
    if path == reload::VERSION_PATH {
        let body = site.version.get().to_string().into_bytes();
        return response(StatusCode::OK, "text/plain; charset=utf-8", body);
    }
    if path == reload::SCRIPT_PATH {
        let body = reload::SCRIPT.as_bytes().to_vec();
        return response(StatusCode::OK, "text/javascript; charset=utf-8", body);
    }
    let Some(file) = requested_file(&site.root, path) else {
        return error_page(StatusCode::BAD_REQUEST, "Requête refusée");
    };
    // A folder asked without its final slash: relative links need it.
    if file.ends_with("index.html") && !path.ends_with('/') && !path.ends_with("index.html") {
        let mut r = response(
            StatusCode::MOVED_PERMANENTLY,
            "text/plain; charset=utf-8",
            Vec::new(),
        );
        if let Ok(location) = HeaderValue::from_str(&format!("{path}/")) {
            r.headers_mut().insert(header::LOCATION, location);
        }
        return r;
    }
    let (mut opened, meta) = match fsutil::open_regular_inside(&site.root, &file) {
        Ok(found) => found,
        Err(_) => return error_page(StatusCode::NOT_FOUND, "Page introuvable"),
    };
    let mut body = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    if opened.read_to_end(&mut body).is_err() {
        return error_page(StatusCode::INTERNAL_SERVER_ERROR, "Page illisible");
    }
    let content_type = content_type(&file);
    if content_type.starts_with("text/html") {
        body = reload::inject(&body);
    }
    response(StatusCode::OK, content_type, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_stay_inside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("reunions")).unwrap();
        assert_eq!(
            requested_file(root, "/reunions/a%20b.html?x=1"),
            Some(root.join("reunions/a b.html"))
        );
        assert_eq!(requested_file(root, "/"), Some(root.join("index.html")));
        assert_eq!(
            requested_file(root, "/reunions/"),
            Some(root.join("reunions/index.html"))
        );
        assert_eq!(requested_file(root, "/../etc/passwd"), None);
        assert_eq!(requested_file(root, "/reunions/%2e%2e/%2e%2e/x"), None);
        assert_eq!(requested_file(root, "/a%5C..%5Cb"), None);
        assert_eq!(requested_file(root, "/%ff"), None);
        assert_eq!(requested_file(root, "/%zz"), None);
        assert_eq!(requested_file(root, "http://x/"), None);
    }

    #[test]
    fn types() {
        assert_eq!(
            content_type(Path::new("a.HTML")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("a.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("a")), "application/octet-stream");
    }
}

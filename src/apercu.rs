//! The preview server of `reunion apercu`: serves the published folder over
//! HTTP on the loopback interface only, as it is on disk at each request
//! (so the last good publication stays served while a record is broken).
//!
//! A tiny HTTP/1.1 server on `std::net`: `GET` and `HEAD`, one request per
//! connection, a thread per connection. That is all a browser needs to
//! preview a static site, and it keeps out a web framework and its
//! dependencies. It never serves a file outside the folder: the path is
//! decoded, `..` refused, and the file's real path (symbolic links
//! followed) checked to lie inside.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// Longest request line and headers read, in bytes.
const MAX_ENTETE: usize = 16 * 1024;

/// Binds the preview's socket on 127.0.0.1 (`port` 0: any free port).
pub fn ecouter(port: u16) -> io::Result<TcpListener> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, port))
}

/// Serves `racine` on `listener` until the process ends.
pub fn servir(listener: TcpListener, racine: PathBuf) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let racine = racine.clone();
        std::thread::spawn(move || {
            // A client that goes away mid-answer is no concern of ours.
            let _ = repondre(stream, &racine);
        });
    }
}

/// The type of a file, by its extension.
fn type_mime(path: &Path) -> &'static str {
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
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; `None` for a malformed escape or non-UTF-8 bytes.
fn decoder(path: &str) -> Option<String> {
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

/// The file a request target names under `racine`: `None` when the target
/// tries to leave it or is malformed.
pub fn fichier_demande(racine: &Path, cible: &str) -> Option<PathBuf> {
    let path = cible.split(['?', '#']).next()?;
    let decoded = decoder(path)?;
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
    let mut file = racine.join(relative);
    if file.is_dir() {
        file.push("index.html");
    }
    Some(file)
}

/// Whether `file` really lies inside `racine` once links are followed.
fn dedans(racine: &Path, file: &Path) -> bool {
    match (racine.canonicalize(), file.canonicalize()) {
        (Ok(r), Ok(f)) => f.starts_with(r),
        _ => false,
    }
}

fn envoyer(
    stream: &mut TcpStream,
    statut: &str,
    type_: &str,
    corps: &[u8],
    avec_corps: bool,
    extra: &str,
) -> io::Result<()> {
    // no-store: a preview must show the page as it is now, not as cached.
    let head = format!(
        "HTTP/1.1 {statut}\r\nContent-Type: {type_}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n{extra}\r\n",
        corps.len()
    );
    stream.write_all(head.as_bytes())?;
    if avec_corps {
        stream.write_all(corps)?;
    }
    stream.flush()
}

fn page_erreur(titre: &str) -> Vec<u8> {
    format!(
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{titre}</title></head><body><h1>{titre}</h1><p><a href=\"/\">Retour à l'accueil</a></p></body></html>\n"
    )
    .into_bytes()
}

fn repondre(mut stream: TcpStream, racine: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?).take(MAX_ENTETE as u64);
    let mut ligne = String::new();
    reader.read_line(&mut ligne)?;
    // The headers are read and ignored: nothing in them changes the answer.
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
    }
    let mut parts = ligne.split_whitespace();
    let (methode, cible) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let html = "text/html; charset=utf-8";
    if methode != "GET" && methode != "HEAD" {
        let corps = page_erreur("Méthode non permise");
        return envoyer(
            &mut stream,
            "405 Method Not Allowed",
            html,
            &corps,
            true,
            "Allow: GET, HEAD\r\n",
        );
    }
    let avec_corps = methode == "GET";
    let Some(file) = fichier_demande(racine, cible) else {
        let corps = page_erreur("Requête refusée");
        return envoyer(&mut stream, "400 Bad Request", html, &corps, avec_corps, "");
    };
    // A folder asked without its final slash: relative links need it.
    if file.ends_with("index.html")
        && !cible.split(['?', '#']).next().unwrap_or("").ends_with('/')
        && !cible.ends_with("index.html")
    {
        let location = format!(
            "Location: {}/\r\n",
            cible.split(['?', '#']).next().unwrap_or("")
        );
        return envoyer(
            &mut stream,
            "301 Moved Permanently",
            html,
            b"",
            false,
            &location,
        );
    }
    if !dedans(racine, &file) || !file.is_file() {
        let corps = page_erreur("Page introuvable");
        return envoyer(&mut stream, "404 Not Found", html, &corps, avec_corps, "");
    }
    match std::fs::read(&file) {
        Ok(corps) => envoyer(
            &mut stream,
            "200 OK",
            type_mime(&file),
            &corps,
            avec_corps,
            "",
        ),
        Err(_) => {
            let corps = page_erreur("Page illisible");
            envoyer(
                &mut stream,
                "500 Internal Server Error",
                html,
                &corps,
                avec_corps,
                "",
            )
        }
    }
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
            fichier_demande(root, "/reunions/a%20b.html?x=1"),
            Some(root.join("reunions/a b.html"))
        );
        assert_eq!(fichier_demande(root, "/"), Some(root.join("index.html")));
        assert_eq!(
            fichier_demande(root, "/reunions/"),
            Some(root.join("reunions/index.html"))
        );
        assert_eq!(fichier_demande(root, "/../etc/passwd"), None);
        assert_eq!(fichier_demande(root, "/reunions/%2e%2e/%2e%2e/x"), None);
        assert_eq!(fichier_demande(root, "/a%5C..%5Cb"), None);
        assert_eq!(fichier_demande(root, "/%ff"), None);
        assert_eq!(fichier_demande(root, "/%zz"), None);
        assert_eq!(fichier_demande(root, "http://x/"), None);
    }

    #[test]
    fn types() {
        assert_eq!(type_mime(Path::new("a.HTML")), "text/html; charset=utf-8");
        assert_eq!(
            type_mime(Path::new("a.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(type_mime(Path::new("a")), "application/octet-stream");
    }
}

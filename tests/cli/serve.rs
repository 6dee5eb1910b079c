//! `reunion apercu` through the real binary, spoken to in raw HTTP over
//! `std::net`: the site served on the loopback only to requests addressed
//! to it (421 for any other `Host`, against DNS rebinding), bounded
//! connections and idle time (`REUNION_APERCU_ATTENTE` shortens the 30 s
//! here), no panic when file descriptors run out, and live reload: the
//! script is in the HTML served, not in the files, and the version moves
//! when a record is edited.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::common::{Suivi, bin, copy_dir, example, isolate};

const RECORD: &str = "reunions/2022/2022-04-06-rencontre-regionale.yaml";

/// The tag the server adds to the pages it sends.
const TAG: &str = "<script src=\"/__reunion/recharger.js\" defer></script>";

/// `apercu` started by `cmd` (without `apercu` itself), once it watches;
/// its port.
fn start(mut cmd: Command, root: &Path) -> (Suivi, u16) {
    cmd.arg("-C").arg(root).args(["apercu", "--port", "0"]);
    let mut preview = Suivi::spawn(cmd);
    let mut url = String::new();
    BufReader::new(preview.child.stdout.take().unwrap())
        .read_line(&mut url)
        .unwrap();
    let port: u16 = url
        .trim()
        .strip_prefix("http://127.0.0.1:")
        .and_then(|p| p.strip_suffix('/'))
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("an address on 127.0.0.1: {url:?}"));
    preview.wait_for("surveillance de");
    (preview, port)
}

/// A copy of the example in a temporary folder, as `irev/`.
fn example_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("irev");
    copy_dir(&example(), &root);
    (dir, root)
}

/// Sends `request` as it is and reads the answer to its end (the server
/// closes after `Connection: close`); head and body.
fn exchange(port: u16, request: &str) -> (String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    // A bound against a hang, not a speed test.
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    (head.to_string(), body.to_string())
}

/// `GET target` with the right `Host`.
fn get(port: u16, target: &str) -> (String, String) {
    exchange(
        port,
        &format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"),
    )
}

fn header<'h>(head: &'h str, name: &str) -> Option<&'h str> {
    head.lines().find_map(|l| {
        let (n, v) = l.split_once(':')?;
        n.eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

#[test]
fn apercu_serves_the_site_reloads_it_and_keeps_the_files_clean() {
    let (_dir, root) = example_copy();
    let (mut preview, port) = start(bin(), &root);

    let (head, body) = get(port, "/");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert_eq!(
        header(&head, "content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(header(&head, "cache-control"), Some("no-store"));
    assert!(body.contains("Comptes rendus des rencontres"));
    // The reload script is in what is served, once, before </body>…
    assert_eq!(body.matches(TAG).count(), 1, "{body}");
    assert!(body.contains(&format!("{TAG}\n</body>")), "{body}");
    // …and in no published file.
    for entry in walkdir::WalkDir::new(root.join("public")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains("__reunion"), "{}", entry.path().display());
        }
    }
    let (head, script) = get(port, "/__reunion/recharger.js");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert_eq!(
        header(&head, "content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(script.contains("/__reunion/version"), "{script}");
    assert!(script.contains("location.reload"), "{script}");

    let (head, _) = get(port, "/reunions");
    assert!(head.starts_with("HTTP/1.1 301"), "{head}");
    assert_eq!(header(&head, "location"), Some("/reunions/"));
    let (head, _) = get(port, "/../../../etc/passwd");
    assert!(head.starts_with("HTTP/1.1 400"), "{head}");
    let (head, _) = get(port, "/reunions/%2e%2e/%2e%2e/reunion.yaml");
    assert!(head.starts_with("HTTP/1.1 400"), "{head}");
    let (head, _) = get(port, "/assets/recherche.js");
    assert_eq!(
        header(&head, "content-type"),
        Some("text/javascript; charset=utf-8")
    );
    let (head, _) = get(port, "/nulle-part.html");
    assert!(head.starts_with("HTTP/1.1 404"), "{head}");
    let (head, _) = exchange(
        port,
        &format!(
            "POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
    );
    assert!(head.starts_with("HTTP/1.1 405"), "{head}");

    let (_, before) = get(port, "/__reunion/version");
    let before: u64 = before.trim().parse().expect("a number");
    let record = root.join(RECORD);
    let source = std::fs::read_to_string(&record).unwrap();
    std::fs::write(
        &record,
        source.replacen(
            "titre: Troisième rencontre régionale",
            "titre: Aperçu modifié",
            1,
        ),
    )
    .unwrap();
    preview.wait_for("] publié : ");
    let (_, after) = get(port, "/__reunion/version");
    let after: u64 = after.trim().parse().expect("a number");
    assert_ne!(after, before);
    let (_, body) = get(port, "/index.html");
    assert!(body.contains("Aperçu modifié"));
    // Nothing changed, nothing republished: the version holds.
    let (_, again) = get(port, "/__reunion/version");
    assert_eq!(again.trim().parse::<u64>().unwrap(), after);
}

#[test]
fn a_request_for_another_host_is_refused() {
    let (_dir, root) = example_copy();
    let (_preview, port) = start(bin(), &root);
    let other = port.wrapping_add(1).max(1);
    for host in [
        format!("Host: evil.example:{port}\r\n"),
        "Host: evil.example\r\n".to_string(),
        format!("Host: 127.0.0.1:{other}\r\n"),
        format!("Host: 127.0.0.1.evil.example:{port}\r\n"),
        String::new(),
    ] {
        let (head, body) = exchange(
            port,
            &format!("GET / HTTP/1.1\r\n{host}Connection: close\r\n\r\n"),
        );
        assert!(head.starts_with("HTTP/1.1 421"), "{host:?}: {head}");
        assert!(
            body.contains("cet aperçu ne répond qu'à l'adresse"),
            "{body}"
        );
        assert!(!body.contains("Comptes rendus"), "{body}");
    }
    // An absolute target naming another site is refused too.
    let (head, _) = exchange(
        port,
        &format!(
            "GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        ),
    );
    assert!(head.starts_with("HTTP/1.1 421"), "{head}");
    for host in [format!("127.0.0.1:{port}"), format!("LocalHost:{port}")] {
        let (head, _) = exchange(
            port,
            &format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        );
        assert!(head.starts_with("HTTP/1.1 200"), "{host}: {head}");
    }
}

/// Whether the server closed `stream`: a read ends (0 bytes or a reset)
/// before the bound, which is far beyond the idle time set.
fn closed_by_server(stream: &mut TcpStream) -> bool {
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut byte = [0u8; 1];
    match stream.read(&mut byte) {
        Ok(0) => true,
        Ok(_) => false,
        Err(e) => e.kind() == std::io::ErrorKind::ConnectionReset,
    }
}

#[test]
fn idle_connections_are_closed_and_do_not_stop_a_request() {
    let (_dir, root) = example_copy();
    let mut cmd = bin();
    cmd.env("REUNION_APERCU_ATTENTE", "1");
    let (_preview, port) = start(cmd, &root);

    // 100 connections that say nothing: more than the 64 served at once.
    let mut idle: Vec<TcpStream> = (0..100)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    let (head, body) = get(port, "/");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(body.contains("Comptes rendus des rencontres"));
    for stream in &mut idle {
        assert!(closed_by_server(stream));
    }

    // A connection kept alive after one answer is closed once idle too.
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /__reunion/version HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut status = String::new();
    reader.read_line(&mut status).unwrap();
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if let Some(n) = header(&line, "content-length") {
            length = n.parse().unwrap();
        }
        if line == "\r\n" {
            break;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    let mut rest = Vec::new();
    // The server ends the connection itself: the read reaches its end.
    reader
        .get_mut()
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    assert_eq!(reader.read_to_end(&mut rest).unwrap(), 0);
}

#[cfg(unix)]
#[test]
fn running_out_of_file_descriptors_is_said_once_and_waited_out() {
    let (_dir, root) = example_copy();
    // A shell lowers the limit, then becomes the preview.
    let mut cmd = Command::new("sh");
    isolate(&mut cmd);
    cmd.arg("-c")
        .arg("ulimit -n 40 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_reunion"))
        .env("REUNION_APERCU_ATTENTE", "1");
    let (mut preview, port) = start(cmd, &root);
    let idle: Vec<TcpStream> = (0..60)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    preview.wait_for("manque de ressources");
    // Still serving once the idle ones are closed.
    let (head, _) = get(port, "/");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    drop(idle);
    let (head, _) = get(port, "/index.html");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(preview.child.try_wait().unwrap().is_none(), "still running");
    assert_eq!(preview.seen.matches("manque de ressources").count(), 1);
    assert!(!preview.seen.contains("panicked"), "{}", preview.seen);
}

#[test]
fn polling_when_asked_says_so_and_still_republishes() {
    let (_dir, root) = example_copy();
    let mut cmd = bin();
    cmd.env("REUNION_SURVEILLANCE", "sondage");
    let (mut preview, port) = start(cmd, &root);
    assert!(
        preview
            .seen
            .contains("surveillance par relecture du dossier toutes les secondes"),
        "{}",
        preview.seen
    );
    let (_, before) = get(port, "/__reunion/version");
    let record = root.join(RECORD);
    let source = std::fs::read_to_string(&record).unwrap();
    // The size changes too: a change even where modification times are
    // coarse.
    std::fs::write(
        &record,
        source.replacen(
            "titre: Troisième rencontre régionale",
            "titre: Rencontre relue",
            1,
        ),
    )
    .unwrap();
    preview.wait_for("] publié : ");
    let (_, after) = get(port, "/__reunion/version");
    assert_ne!(before.trim(), after.trim());
}

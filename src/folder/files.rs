//! Reading one file of the folder with the limits every file gets: its
//! size bounded, its text in UTF-8 (the place of the first bad byte told),
//! a byte-order mark removed.

use crate::diagnostic::{Diagnostic, Pos};
use crate::fsutil::OpenError;
use std::io::Read;
use std::path::Path;

/// Largest record or configuration we read. A meeting is a few kilobytes; a
/// file far larger is a mistake or an attack and is refused before parsing.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Why one file could not be read, as a diagnostic on that file.
pub(super) fn read_problem(fichier: &str, message: String, help: Option<String>) -> Diagnostic {
    Diagnostic::error(fichier, Pos::START, "", message).with_help_opt(help)
}

pub(super) fn io_reason(err: &std::io::Error) -> String {
    crate::fsutil::reason(err)
}

/// Reads a text file of the folder at `root` with the limits and checks
/// every file gets: a regular file inside the folder once links are
/// followed (never a named pipe, which would block), size, UTF-8 (with the
/// place of the first bad byte), byte-order mark removed.
// The error is built at most once per unreadable file: boxing it would only
// add noise at every call site.
#[allow(clippy::result_large_err)]
pub fn read_text(root: &Path, path: &Path, fichier: &str) -> Result<String, Diagnostic> {
    let (file, meta) = crate::fsutil::open_regular_inside(root, path).map_err(|e| match e {
        OpenError::Outside { target } => read_problem(
            fichier,
            format!(
                "lien symbolique vers {}, hors du dossier de réunions : refusé",
                target.display()
            ),
            Some("copiez le fichier dans le dossier plutôt que d'y faire un lien".into()),
        ),
        OpenError::NotRegular { kind: "un dossier" } => read_problem(
            fichier,
            "c'est un dossier, pas un fichier de réunion".into(),
            Some("renommez le dossier sans l'extension .yaml".into()),
        ),
        OpenError::NotRegular { kind } => read_problem(
            fichier,
            format!("c'est {kind}, pas un fichier : il n'a pas été lu"),
            Some("remplacez-le par un fichier texte ordinaire".into()),
        ),
        OpenError::Io(e) => read_problem(
            fichier,
            format!("lecture impossible : {}", io_reason(&e)),
            None,
        ),
    })?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(read_problem(
            fichier,
            format!(
                "fichier trop gros ({} Kio ; la limite est de {} Kio) : il n'a pas été lu",
                meta.len() / 1024,
                MAX_FILE_BYTES / 1024
            ),
            Some("un compte rendu tient en quelques dizaines de Kio ; découpez le fichier ou retirez ce qui n'est pas du texte".into()),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The length is checked again while reading: the file may grow meanwhile.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            read_problem(
                fichier,
                format!("lecture impossible : {}", io_reason(&e)),
                None,
            )
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(read_problem(
            fichier,
            "fichier trop gros : il n'a pas été lu".into(),
            None,
        ));
    }
    decode(&bytes, fichier)
}

/// The text of a file's bytes: a UTF-8 byte-order mark removed, anything
/// that is not UTF-8 refused with the place of the first bad byte.
///
/// A carriage return alone (old Mac line ends) is a line break for YAML
/// but not for `str::lines`: it becomes a line feed, byte for byte, so that
/// the lines the diagnostics show are the parser's lines and every offset
/// stays the same. `\r\n` is kept as it is.
pub fn decode(bytes: &[u8], fichier: &str) -> Result<String, Diagnostic> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok(lone_returns_as_feeds(text)),
        Err(e) => {
            let good = &body[..e.valid_up_to()];
            let ligne = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let colonne = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            Err(Diagnostic::error(
                fichier,
                Pos {
                    ligne: ligne as u32,
                    colonne: colonne as u32,
                    longueur: 1,
                },
                "",
                format!("le fichier n'est pas en UTF-8 (octet invalide ligne {ligne}, colonne {colonne})"),
            )
            .with_help("enregistrez le fichier en UTF-8 (dans la plupart des éditeurs : « Enregistrer sous » puis encodage UTF-8)"))
        }
    }
}

fn lone_returns_as_feeds(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c == '\r' && bytes.get(i + 1) != Some(&b'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_carriage_returns_are_line_breaks() {
        let text = decode(b"titre: a\rlieu: b\r\ndate: c\r", "a.yaml").unwrap();
        assert_eq!(text, "titre: a\nlieu: b\r\ndate: c\n");
        assert_eq!(text.lines().count(), 3);
    }

    #[test]
    fn utf8_errors_are_placed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        std::fs::write(&p, b"titre: ok\nlieu: caf\xe9\n").unwrap();
        let d = read_text(dir.path(), &p, "a.yaml").unwrap_err();
        assert_eq!((d.pos.ligne, d.pos.colonne), (2, 10));
        assert!(d.message.contains("UTF-8"));
    }

    #[test]
    fn bom_is_removed_and_size_is_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        std::fs::write(&p, b"\xEF\xBB\xBFtitre: ok\r\n").unwrap();
        assert_eq!(
            read_text(dir.path(), &p, "a.yaml").unwrap(),
            "titre: ok\r\n"
        );
        std::fs::write(&p, vec![b'#'; MAX_FILE_BYTES as usize + 1]).unwrap();
        assert!(
            read_text(dir.path(), &p, "a.yaml")
                .unwrap_err()
                .message
                .contains("trop gros")
        );
    }
}

//! The terminal: whether a stream gets colours (only on a terminal, never
//! with `NO_COLOR`), the escapes that paint, the width of text tables, and
//! the writing of standard output and of diagnostics. Every colour the
//! command line prints comes from here, and every line it prints goes
//! through here: `outln!` and `errln!` escape what they print with
//! [`crate::text::visible`] (a file name holding an escape sequence cannot
//! drive the terminal), and a closed pipe (`reunion check 2>&1 | head -1`)
//! is not an error: what cannot be written is dropped, quietly, and the
//! command ends with the status it would have had, as `rg` does.

use crate::diagnostic::{self, Diagnostic};
use crate::report::table::Cellule;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};

/// Bold: table headers and footers, error labels.
pub const GRAS: &str = "1";
/// Dim: the rules of tables.
pub const PALE: &str = "2";
/// Red.
pub const ROUGE: &str = "31";
/// Green.
pub const VERT: &str = "32";
/// Yellow.
pub const JAUNE: &str = "33";
/// Cyan.
pub const CYAN: &str = "36";

/// Width of the text tables when standard output is not a terminal and
/// `COLUMNS` says nothing: wide enough for a title, narrow enough for a mail.
pub const LARGEUR_PAR_DEFAUT: usize = 100;

fn colours_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Whether standard output gets colours.
pub fn stdout_styled() -> bool {
    colours_allowed() && std::io::stdout().is_terminal()
}

/// Whether standard error gets colours.
pub fn stderr_styled() -> bool {
    colours_allowed() && std::io::stderr().is_terminal()
}

/// `text` in the SGR style `code` (`"1"`, `"1;31"`…) when `styled`.
pub fn paint(styled: bool, code: &str, text: &str) -> String {
    if styled {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// The painter of a text table on standard output: headers and footer in
/// bold, rules dim, and the body cell (row, column, text) in the style
/// `body` gives, if any. Without colours, the text as it is.
pub fn table_painter<'a>(
    body: impl Fn(usize, usize, &str) -> Option<&'static str> + 'a,
) -> impl Fn(Cellule, &str) -> String + 'a {
    let styled = stdout_styled();
    move |cell, text| {
        let code = match cell {
            Cellule::Entete(_) | Cellule::Pied(_) => Some(GRAS),
            Cellule::Regle => Some(PALE),
            Cellule::Corps(r, c) => body(r, c, text),
        };
        match code {
            Some(code) => paint(styled, code, text),
            None => text.to_string(),
        }
    }
}

/// Width of the text tables: `--largeur`, the terminal's, `COLUMNS`, 100.
pub fn width(option: Option<u16>) -> usize {
    if let Some(n) = option {
        return usize::from(n);
    }
    if std::io::stdout().is_terminal()
        && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size()
    {
        return usize::from(w);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c >= 20)
        .unwrap_or(LARGEUR_PAR_DEFAUT)
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
pub fn print_out(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(bytes).and_then(|()| out.flush());
}

/// Writes to standard error; a closed pipe is not an error.
pub fn print_err(bytes: &[u8]) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(bytes).and_then(|()| err.flush());
}

/// One line on standard output, escaped by [`crate::text::visible`].
pub fn out_line(text: &str) {
    let mut line = crate::text::visible(text).into_owned();
    line.push('\n');
    print_out(line.as_bytes());
}

/// One line on standard error, escaped by [`crate::text::visible`].
pub fn err_line(text: &str) {
    let mut line = crate::text::visible(text).into_owned();
    line.push('\n');
    print_err(line.as_bytes());
}

/// One line on standard error as it is: for text already escaped and then
/// painted (diagnostics, error labels).
pub fn err_line_styled(text: &str) {
    print_err(format!("{text}\n").as_bytes());
}

/// `println!` for the command line: escaped, and quiet on a closed pipe.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::term::out_line(&format!($($arg)*))
    };
}

/// `eprintln!` for the command line: escaped, and quiet on a closed pipe.
macro_rules! errln {
    () => {
        $crate::cli::term::err_line("")
    };
    ($($arg:tt)*) => {
        $crate::cli::term::err_line(&format!($($arg)*))
    };
}

pub(crate) use {errln, outln};

/// Prints diagnostics on standard error, as a compiler does, each with
/// the lines of its file (and of the file it refers to).
pub fn print_diagnostics(diagnostics: &[Diagnostic], sources: &BTreeMap<String, String>) {
    let styled = stderr_styled();
    for d in diagnostics {
        let source = sources.get(&d.fichier).map(String::as_str);
        let related = d
            .voir_aussi
            .as_ref()
            .and_then(|r| sources.get(&r.fichier))
            .map(String::as_str);
        // Rendered escaped already, then painted.
        err_line_styled(&diagnostic::render(d, source, related, styled));
        err_line_styled("");
    }
}

//! `reunion completions SHELL`: the script that makes a shell complete
//! `reunion`'s commands, options and values, territory names included.
//!
//! The completion is *dynamic* (clap_complete's `CompleteEnv` engine): the
//! script asks `reunion` itself at each Tab, with `REUNION_COMPLETE=SHELL`
//! in its environment, so the territories offered are those of the meeting
//! folder where the user is (or of `-C DOSSIER` on the line), read from its
//! referential at that moment. The engine sits behind clap_complete's
//! `unstable-dynamic` feature: it builds on stable Rust, but its interface
//! may change between versions of the crate, which is why the script is
//! best generated anew at each shell start (README, « Complétion »).

use super::output::{UsageError, usage_error};
use super::{EXIT_OK, EXIT_USAGE};
use clap_complete::CompletionCandidate;
use clap_complete::env::Shells;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The environment variable that turns `reunion` into its own completer.
/// Named after the program so that a `COMPLETE` set for another tool
/// cannot hijack an ordinary run.
pub const VAR: &str = "REUNION_COMPLETE";

/// Shells with a completion script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
}

impl Shell {
    fn name(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
            Shell::Powershell => "powershell",
        }
    }
}

/// Arguments of `reunion completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Le shell : bash, zsh, fish ou powershell.
    #[arg(value_enum, value_name = "SHELL", hide_possible_values = true)]
    shell: Shell,
}

/// Writes the registration script of `shell` on standard output.
pub fn run(args: Args) -> u8 {
    let shells = Shells::builtins();
    let Some(completer) = shells.completer(args.shell.name()) else {
        return usage_error(&UsageError::new(
            format!("shell non pris en charge : {}", args.shell.name()),
            None,
        ));
    };
    let mut script = Vec::new();
    // The script calls `reunion` by name: the one found on PATH at Tab time.
    if let Err(e) = completer.write_registration(VAR, "reunion", "reunion", "reunion", &mut script)
    {
        return usage_error(&UsageError::new(
            format!("script impossible à écrire : {e}"),
            None,
        ));
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(&script).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        // A closed pipe is no reason to complain.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(_) => EXIT_USAGE,
    }
}

/// When the shell asks for completions (`REUNION_COMPLETE` set), answers
/// and returns `Some(status)`; `None` for an ordinary run.
pub fn complete_if_asked(args: &[OsString]) -> Option<u8> {
    std::env::var_os(VAR).filter(|v| !v.is_empty() && v != "0")?;
    let cwd = std::env::current_dir().ok();
    let result =
        clap_complete::CompleteEnv::with_factory(<super::Cli as clap::CommandFactory>::command)
            .var(VAR)
            .try_complete(args.iter().cloned(), cwd.as_deref());
    match result {
        Ok(true) => Some(EXIT_OK),
        Ok(false) => None,
        // Nothing sensible to print in the middle of a completion.
        Err(_) => Some(EXIT_USAGE),
    }
}

/// The folder named by `-C`/`--dossier` on the line being completed.
fn dossier_on_line(words: &[OsString]) -> Option<PathBuf> {
    let mut it = words.iter();
    while let Some(w) = it.next() {
        let s = w.to_string_lossy();
        if s == "-C" || s == "--dossier" {
            return it.next().map(PathBuf::from);
        }
        if let Some(rest) = s.strip_prefix("--dossier=") {
            return Some(PathBuf::from(rest));
        }
        if let Some(rest) = s.strip_prefix("-C").filter(|r| !r.is_empty()) {
            return Some(PathBuf::from(rest));
        }
    }
    None
}

/// Territory names of the folder, for completion: the canonical names of
/// the referential. Any problem (no folder, broken configuration) gives no
/// candidate rather than an error in the middle of the user's line.
pub fn territoires_candidats() -> Vec<CompletionCandidate> {
    let words: Vec<OsString> = std::env::args_os().collect();
    let root = match dossier_on_line(&words) {
        Some(dir) => crate::folder::open(&dir).ok(),
        None => std::env::current_dir()
            .ok()
            .and_then(|cwd| crate::folder::discover(&cwd).ok()),
    };
    let Some(root) = root else {
        return Vec::new();
    };
    territoires_de(&root)
}

fn territoires_de(root: &Path) -> Vec<CompletionCandidate> {
    match crate::folder::load_config(root) {
        Ok((config, _, _)) => config
            .territoires
            .all()
            .iter()
            .map(|t| {
                let help =
                    (!t.alias.is_empty()).then(|| format!("alias : {}", t.alias.join(", ")).into());
                CompletionCandidate::new(&t.nom).help(help)
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_on_the_line() {
        let words = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            dossier_on_line(&words(&["reunion", "-C", "x", "actions"])),
            Some(PathBuf::from("x"))
        );
        assert_eq!(
            dossier_on_line(&words(&["reunion", "--dossier=y"])),
            Some(PathBuf::from("y"))
        );
        assert_eq!(
            dossier_on_line(&words(&["reunion", "-Cz"])),
            Some(PathBuf::from("z"))
        );
        assert_eq!(dossier_on_line(&words(&["reunion", "actions"])), None);
    }
}

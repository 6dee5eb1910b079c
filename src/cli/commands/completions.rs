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

use crate::cli::{EXIT_OK, EXIT_USAGE, Error};
use clap_complete::env::Shells;
use std::ffi::OsString;
use std::io::Write;

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
pub fn run(args: Args) -> Result<(), Error> {
    let shells = Shells::builtins();
    let Some(completer) = shells.completer(args.shell.name()) else {
        return Err(Error::usage(
            format!("shell non pris en charge : {}", args.shell.name()),
            None,
        ));
    };
    let mut script = Vec::new();
    // The script calls `reunion` by name: the one found on PATH at Tab time.
    completer
        .write_registration(VAR, "reunion", "reunion", "reunion", &mut script)
        .map_err(|e| Error::usage(format!("script impossible à écrire : {e}"), None))?;
    let mut out = std::io::stdout().lock();
    match out.write_all(&script).and_then(|()| out.flush()) {
        // A closed pipe is no reason to complain.
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::usage(
            format!("écriture impossible sur la sortie standard : {e}"),
            None,
        )),
    }
}

/// When the shell asks for completions (`REUNION_COMPLETE` set), answers
/// and returns `Some(status)`; `None` for an ordinary run.
pub fn complete_if_asked(args: &[OsString]) -> Option<u8> {
    std::env::var_os(VAR).filter(|v| !v.is_empty() && v != "0")?;
    let cwd = std::env::current_dir().ok();
    let result = clap_complete::CompleteEnv::with_factory(crate::cli::command)
        .var(VAR)
        .try_complete(args.iter().cloned(), cwd.as_deref());
    match result {
        Ok(true) => Some(EXIT_OK),
        Ok(false) => None,
        // Nothing sensible to print in the middle of a completion.
        Err(_) => Some(EXIT_USAGE),
    }
}

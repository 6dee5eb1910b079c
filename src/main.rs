//! The `reunion` binary: everything is in the library.

fn main() -> std::process::ExitCode {
    reunion::cli::run(std::env::args_os())
}

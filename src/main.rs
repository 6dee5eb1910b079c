//! The `reunion` binary: everything is in the library.

/// mimalloc rather than the system's allocator: publishing a large folder
/// allocates and frees millions of small strings (template values, page
/// parts), which glibc's allocator spent a sixth of the time on.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    reunion::cli::run(std::env::args_os())
}

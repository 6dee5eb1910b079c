//! The floor of the benchmark: read every record of a folder and parse it
//! into a YAML tree with the crate `reunion` uses, in parallel, and nothing
//! else. `check` and `render` are measured as ratios to this.
//!
//! ```sh
//! cargo run --release --example floor -- DOSSIER
//! ```

use rayon::prelude::*;

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("utilisation : cargo run --release --example floor -- DOSSIER");
        return std::process::ExitCode::from(2);
    };
    let files: Vec<_> = walkdir::WalkDir::new(std::path::Path::new(&dir).join("reunions"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let parsed: usize = files
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("fichier lisible");
            usize::from(reunion::yaml::parse(&text).is_ok())
        })
        .sum();
    println!("{parsed} fichiers analysés sur {}", files.len());
    std::process::ExitCode::SUCCESS
}

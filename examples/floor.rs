//! The floors of the benchmark, written as plainly as possible with the
//! crates `reunion` uses (and its allocator), on both cores:
//!
//! - `floor DOSSIER`: read every record and parse it into a YAML tree,
//!   nothing else. `check` and `actions` are measured against it.
//! - `floor DOSSIER SORTIE`: the same, then resolve each action's territory
//!   through the referential, turn the Markdown of each point and action to
//!   HTML, and write one HTML page per meeting by string concatenation into
//!   SORTIE. `render` is measured against it.
//!
//! ```sh
//! cargo run --release --example floor -- DOSSIER [SORTIE]
//! ```

use rayon::prelude::*;
use reunion::read::yaml::{Node, Value};
use std::path::{Path, PathBuf};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn get<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    match &node.value {
        Value::Map(entries) => entries.iter().find(|(k, _)| k.value == key).map(|(_, v)| v),
        _ => None,
    }
}

fn text<'a>(node: &'a Node, key: &str) -> &'a str {
    match get(node, key).map(|n| &n.value) {
        Some(Value::Str(s)) => s,
        _ => "",
    }
}

fn items<'a>(node: &'a Node, key: &str) -> &'a [Node] {
    match get(node, key).map(|n| &n.value) {
        Some(Value::Seq(items)) => items,
        _ => &[],
    }
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

fn markdown(text: &str, out: &mut String) {
    pulldown_cmark::html::push_html(out, pulldown_cmark::Parser::new(text));
}

/// One meeting's page, by concatenation.
fn page(tree: &Node, config: &reunion::read::config::Config) -> String {
    let mut out =
        String::from("<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>");
    escape(text(tree, "titre"), &mut out);
    out.push_str("</title></head><body><main><h1>");
    escape(text(tree, "titre"), &mut out);
    out.push_str("</h1>\n");
    for point in items(tree, "points") {
        out.push_str("<section><h2>");
        escape(text(point, "titre"), &mut out);
        out.push_str("</h2>\n");
        markdown(text(point, "contenu"), &mut out);
        out.push_str("</section>\n");
    }
    for action in items(tree, "actions") {
        let territoire = text(action, "territoire");
        let nom = config
            .territoires
            .resolve(territoire)
            .map_or(territoire, |t| t.nom.as_str());
        out.push_str("<article><h3>");
        escape(text(action, "titre"), &mut out);
        out.push_str(" — ");
        escape(nom, &mut out);
        out.push_str("</h3>\n");
        markdown(text(action, "description"), &mut out);
        out.push_str("</article>\n");
    }
    out.push_str("</main></body></html>\n");
    out
}

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("utilisation : cargo run --release --example floor -- DOSSIER [SORTIE]");
        return std::process::ExitCode::from(2);
    };
    let out = args.next().map(PathBuf::from);
    let dir = Path::new(&dir);
    let config = out.as_ref().map(|_| {
        let source =
            std::fs::read_to_string(dir.join("reunion.yaml")).expect("reunion.yaml lisible");
        reunion::read::config::parse_config(&source, Some(dir)).0
    });
    if let Some(out) = &out {
        std::fs::create_dir_all(out).expect("dossier de sortie");
    }
    let files: Vec<_> = walkdir::WalkDir::new(dir.join("reunions"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let done: usize = files
        .par_iter()
        .map(|path| {
            let source = std::fs::read_to_string(path).expect("fichier lisible");
            let Ok(tree) = reunion::read::yaml::parse(&source) else {
                return 0;
            };
            if let (Some(out), Some(config)) = (&out, &config) {
                let name = path.file_stem().expect("nom de fichier");
                let html = page(&tree, config);
                std::fs::write(out.join(name).with_extension("html"), html).expect("écriture");
            }
            1
        })
        .sum();
    println!("{done} fichiers traités sur {}", files.len());
    std::process::ExitCode::SUCCESS
}

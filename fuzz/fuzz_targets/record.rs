//! Any bytes as a meeting record: decoding, parsing, validation and the
//! rendering of every diagnostic must never panic nor hang.

#![no_main]

use libfuzzer_sys::fuzz_target;
use reunion::diagnostic::render;
use reunion::folder::decode;
use reunion::folder::validate::cross_check;
use reunion::read::config::parse_config;
use reunion::read::record::parse_record;

const CONFIG: &str = "organisation:\n  nom: IREV\nterritoires:\n  - nom: Lille\n    alias: [Lille Sud]\n  - Maubeuge\nreseaux:\n  - id: cites-educatives\n    nom: Réseau\nthematiques: [parentalité, numérique]\n";

fuzz_target!(|data: &[u8]| {
    let (config, _) = parse_config(CONFIG, None);
    let fichier = "reunions/2022-03-03-fuzz.yaml";
    let source = match decode(data, fichier) {
        Ok(source) => source,
        Err(diagnostic) => {
            let _ = render(&diagnostic, None, None, false);
            return;
        }
    };
    let (reunion, mut diagnostics) = parse_record(fichier, &source, &config);
    // The same record twice exercises the checks across records.
    let reunions: Vec<_> = reunion.into_iter().flat_map(|r| [r.clone(), r]).collect();
    let refs: Vec<_> = reunions.iter().collect();
    cross_check(&refs, &config, true, None, &mut diagnostics);
    for d in &diagnostics {
        let _ = render(d, Some(&source), Some(&source), true);
    }
});

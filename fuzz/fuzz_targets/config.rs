//! Any bytes as `reunion.yaml`: decoding, parsing, the referential and the
//! rendering of every diagnostic must never panic nor hang.

#![no_main]

use libfuzzer_sys::fuzz_target;
use reunion::diagnostic::render;
use reunion::folder::decode;
use reunion::read::config::parse_config;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = decode(data, "reunion.yaml") else {
        return;
    };
    let (config, diagnostics) = parse_config(&source, None);
    for d in &diagnostics {
        let _ = render(d, Some(&source), None, false);
    }
    // Every spelling of the referential resolves to its own territory.
    for t in config.territoires.all() {
        let _ = config.territoires.resolve(&t.nom);
        let _ = config.territoires.nearest(&t.nom);
    }
});

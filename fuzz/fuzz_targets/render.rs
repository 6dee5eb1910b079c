//! A valid folder whose every text is arbitrary (write-up fields of the
//! fiches included), published through the real render core (built-in
//! templates, the whole site and one compte rendu
//! alone, HTML and Markdown, names included). Must never panic, and:
//!
//! - no HTML page carries a script, an event attribute, a `javascript:`,
//!   `vbscript:` or `data:` address, or any other danger of
//!   `reunion::render::audit` that the same pages built from harmless text
//!   do not carry (so only what came from the data is reported);
//! - no Markdown page carries raw HTML or a link with such an address;
//! - the search index (`assets/recherche-index.js`) is one JSON value;
//! - every page path is a plain relative path of names valid and visible
//!   on every system, whatever the record's file name or the territory's
//!   name.
//!
//! The first byte of the input chooses what is published of it: one group
//! of pages of the site (`reunion::render::PageGroup`: the index, the
//! territories, the list of actions with the actions of both records side
//! by side, the pages made once with the search index, the comptes rendus,
//! the fiches) or the compte rendu alone in both formats. Every text of the
//! input still reaches every page of its group, several fields of a record
//! and of the two records in one document; rendering only those pages is
//! what keeps an execution near a millisecond instead of the whole site's
//! thirty.
//!
//! The rest is split on the byte 0xFF (never part of UTF-8) into texts,
//! each decoded leniently; the fields of the record and the configuration
//! take them in turn, starting again from the first when there are fewer
//! texts than fields, so one hostile string fills every field.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Parser, Tag};
use reunion::folder::Folder;
use reunion::model::referential::{Referential, Territoire};
use reunion::model::{
    Action, Decision, Modalite, Participant, Point, ProchaineReunion, Redaction, Reunion, Statut,
    Suite, Vote,
};
use reunion::read::config::{Config, Organisation, Reseau};
use reunion::read::record::{default_action_id, default_suite_id};
use reunion::render::{
    Format, PageGroup, Publication, audit, group_pages, render_meeting, site_pages,
    templates::Templates,
};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::LazyLock;

/// The texts of one input, handed out in turn.
struct Texts {
    parts: Vec<String>,
    next: usize,
}

impl Texts {
    fn new(data: &[u8]) -> Texts {
        Texts {
            parts: data
                .split(|&b| b == 0xFF)
                .map(|p| String::from_utf8_lossy(p).into_owned())
                .collect(),
            next: 0,
        }
    }

    fn take(&mut self) -> String {
        let text = self.parts[self.next % self.parts.len()].clone();
        self.next += 1;
        text
    }

    /// A text for a field the record reader never leaves empty.
    fn non_empty(&mut self) -> String {
        let text = self.take();
        if text.trim().is_empty() {
            "x".into()
        } else {
            text
        }
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// A folder of two meetings (so pages link to each other) and one
/// territory, every text taken from `t`.
fn folder(t: &mut Texts) -> Folder {
    let territoire = t.non_empty();
    let (territoires, _) = Referential::new(vec![Territoire {
        nom: territoire.clone(),
        alias: vec![t.take()],
    }]);
    // Field by field: `Config` also has private fields, built when read.
    let mut config = Config::default();
    config.organisation = Organisation {
        nom: t.non_empty(),
        logo: None,
    };
    config.territoires = territoires;
    config.reseaux = vec![Reseau {
        id: "ce".into(),
        nom: t.non_empty(),
    }];
    let mut reunions = Vec::new();
    for (i, day) in [date(2022, 3, 3), date(2022, 4, 6)].into_iter().enumerate() {
        // A file name holds no `/` and no NUL; anything else may be there.
        let stem: String = t
            .take()
            .chars()
            .filter(|&c| c != '/' && c != '\0')
            .collect();
        let person = |t: &mut Texts| Participant {
            fonction: Some(t.take()),
            structure: Some(t.take()),
            territoires: vec![territoire.clone()],
            nom: Some(t.take()),
            nombre: None,
        };
        let action_titre = t.non_empty();
        let quoi = t.non_empty();
        reunions.push(Reunion {
            fichier: format!("reunions/{day}-{stem}.yaml"),
            titre: t.non_empty(),
            kind: Some(t.take()),
            numero: Some(i as u32 + 1),
            etat: None,
            approuve_le: None,
            redaction: Some(person(t)),
            co_organisateurs: vec![t.non_empty()],
            territoires: vec![territoire.clone()],
            effectif: Some(12),
            date: day,
            debut: None,
            fin: None,
            modalite: Modalite::ALL[i % 3],
            lieu: Some(t.take()),
            reseau: Some("ce".into()),
            objectifs: vec![t.take(), t.take()],
            participants: vec![person(t), person(t)],
            excuses: vec![person(t)],
            absents: vec![person(t)],
            meteo: Some(t.take()),
            ordre_du_jour: vec![t.non_empty()],
            points: vec![Point {
                titre: t.non_empty(),
                contenu: Some(t.take()),
                intervenants: vec![person(t)],
                interne: i == 2,
                decisions: vec![Decision {
                    quoi: t.non_empty(),
                    interne: false,
                    vote: Some(Vote {
                        pour: 10,
                        contre: 1,
                        abstention: 2,
                    }),
                }],
            }],
            decisions: vec![Decision {
                quoi: t.non_empty(),
                interne: i == 1,
                vote: None,
            }],
            actions: vec![Action {
                id: default_action_id(&territoire, &action_titre),
                id_explicite: false,
                id_pos: Default::default(),
                territoire: territoire.clone(),
                titre: action_titre,
                porteur: Some(t.take()),
                description: Some(t.take()),
                thematiques: vec![t.non_empty()],
                publics: vec![t.non_empty()],
                statut: Statut::ALL[i % 3],
                interne: false,
                redaction: Redaction {
                    contexte: Some(t.take()),
                    objectifs: Some(t.take()),
                    partenaires: vec![t.non_empty()],
                    moyens: Some(t.take()),
                    resultats: Some(t.take()),
                    facteurs_de_reussite: Some(t.take()),
                    points_de_vigilance: Some(t.take()),
                    contact: Some(t.take()),
                },
            }],
            suites: vec![Suite {
                id: default_suite_id(day, &quoi),
                id_explicite: false,
                quoi,
                qui: Some(t.take()),
                echeance: Some(date(2022, 5, 1)),
                fait: i == 1,
                interne: i == 0,
                chemin: "suites[0]".into(),
                qui_pos: None,
                echeance_pos: None,
            }],
            prochaine_reunion: Some(ProchaineReunion {
                date: date(2022, 9, 22),
                debut: None,
                fin: None,
                modalite: Some(Modalite::Visio),
                lieu: Some(t.take()),
                note: Some(t.take()),
            }),
        });
    }
    Folder {
        root: PathBuf::from("."),
        config,
        reunions,
        diagnostics: Vec::new(),
        sources: BTreeMap::new(),
        fichiers: 2,
        digests: Default::default(),
        without_diagnostic: Default::default(),
    }
}

static TEMPLATES: LazyLock<Templates> =
    LazyLock::new(|| Templates::builtin().expect("the built-in templates load"));

/// Every page of a folder built from one harmless text, HTML pages joined:
/// the dangers the templates themselves carry, if any.
static REFERENCE: LazyLock<String> = LazyLock::new(|| {
    let mut t = Texts::new(b"Texte ordinaire");
    let folder = folder(&mut t);
    let mut html = String::new();
    for publication in [
        Publication::default(),
        Publication {
            avec_noms: true,
            ..Publication::default()
        },
    ] {
        for page in site_pages(&folder, &TEMPLATES, publication).expect("the site renders") {
            if page.chemin.ends_with(".html") {
                html.push_str(&String::from_utf8(page.contenu).expect("UTF-8 pages"));
            }
        }
        for r in &folder.reunions {
            html.push_str(
                &render_meeting(&folder, &TEMPLATES, r, Format::Html, publication)
                    .expect("the meeting renders"),
            );
        }
    }
    html
});

/// The dangers of the reference, counted once for every input.
static BASELINE: LazyLock<audit::Baseline> = LazyLock::new(|| audit::Baseline::of(&REFERENCE));

fn check_html(chemin: &str, html: &str) {
    let excess = BASELINE.excess(html);
    assert!(excess.is_empty(), "{chemin} : {excess:?}\n{html}");
}

fn dangerous_address(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| cleaned.starts_with(s))
}

fn check_markdown(chemin: &str, md: &str) {
    for event in Parser::new(md) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                panic!("{chemin} : HTML brut {h:?}\n{md}")
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                assert!(
                    !dangerous_address(&dest_url),
                    "{chemin} : lien {dest_url}\n{md}"
                );
            }
            _ => {}
        }
    }
}

/// The search index must stay data: one JSON value assigned to a variable,
/// whatever the texts (no way out of the string into code).
fn check_search_index(chemin: &str, js: &str) {
    let json = js
        .split_once("window.REUNION_RECHERCHE = ")
        .and_then(|(head, rest)| {
            (!head.contains('\n') || head.lines().all(|l| l.starts_with("//")))
                .then(|| rest.strip_suffix(";\n"))
                .flatten()
        })
        .unwrap_or_else(|| panic!("{chemin} : forme inattendue\n{js}"));
    if let Err(e) = serde_json::from_str::<serde_json::Value>(json) {
        panic!("{chemin} : pas un JSON ({e})\n{js}");
    }
}

/// A path we may write: relative, plain names that are valid and visible
/// on every system, none hidden (the rule of `Pages` in the render core).
fn check_path(chemin: &str) {
    assert!(
        chemin.split('/').all(|part| {
            !part.is_empty()
                && part != ".."
                && !part.starts_with('.')
                && part.len() <= 200
                && !part.chars().any(|c| {
                    matches!(c, '\\' | ':' | '<' | '>' | '"' | '|' | '?' | '*')
                        || c.is_control()
                        || reunion::text::forbidden_char(c).is_some()
                })
        }),
        "chemin de page dangereux : {chemin:?}"
    );
}

/// One thread, the fuzzer's own: the pages of a group are rendered in
/// turn instead of waking a pool for each.
fn one_thread() {
    static POOL: std::sync::Once = std::sync::Once::new();
    POOL.call_once(|| {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .use_current_thread()
            .build_global();
    });
}

fuzz_target!(|data: &[u8]| {
    one_thread();
    let Some((&choice, data)) = data.split_first() else {
        return;
    };
    let mut texts = Texts::new(data);
    let folder = folder(&mut texts);
    // With the names and the internal parts: every field of the record
    // reaches the pages.
    let publication = Publication {
        avec_noms: true,
        interne: true,
    };
    let Some(&group) = PageGroup::ALL.get(usize::from(choice) % (PageGroup::ALL.len() + 1)) else {
        standalone(&folder, publication);
        return;
    };
    let pages = group_pages(&folder, &TEMPLATES, publication, group).expect("the pages render");
    for page in &pages {
        check_path(&page.chemin);
        let text = std::str::from_utf8(&page.contenu).expect("UTF-8 pages");
        if page.chemin.ends_with(".html") {
            check_html(&page.chemin, text);
        } else if page.chemin.ends_with(".md") {
            check_markdown(&page.chemin, text);
        } else if page.chemin == reunion::render::search_index::INDEX {
            check_search_index(&page.chemin, text);
        }
    }
});

/// The compte rendu alone, as `reunion render FICHIER` prints it.
fn standalone(folder: &Folder, publication: Publication) {
    let r = &folder.reunions[0];
    let html = render_meeting(folder, &TEMPLATES, r, Format::Html, publication)
        .expect("the meeting renders");
    check_html("compte rendu seul", &html);
    let md = render_meeting(folder, &TEMPLATES, r, Format::Markdown, publication)
        .expect("the meeting renders");
    check_markdown("compte rendu seul", &md);
}

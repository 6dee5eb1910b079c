//! What helps a user find their way: `render FICHIER.yaml` from anywhere
//! in the folder, the help in French (`--aide`, `reunion aide`, the
//! examples of every command, the man pages, clap's errors) and `reunion
//! format`, the format's documentation built into the binary.

use crate::common::{bin, copy_of, example, text};
use std::path::Path;
use std::process::Output;

const RECORD: &str = "2022-03-03-rencontre-regionale.yaml";

/// `reunion args…` run from `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("reunion runs")
}

/// The page of the record of 3 March, as `render FICHIER.yaml` prints it.
fn printed_page(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let page = text(&out.stdout);
    assert!(
        page.contains("# Deuxième rencontre régionale des coordonnateurs"),
        "{page}"
    );
    page
}

/// `reunion render reunions/2022/….yaml`, the README's « to paste in an
/// e-mail », from the top of the folder, from a sub-folder and from the
/// record's own folder, with relative and absolute paths, and with -C:
/// every way gives the same page. From the top it failed with « n'est pas
/// un compte rendu du dossier  » (an empty folder name), from a sub-folder
/// with « aucun dossier de réunions ici ».
#[test]
fn render_one_record_from_anywhere_in_the_folder() {
    let dir = copy_of(&example());
    let root = dir.path();
    let absolute = root.join("reunions/2022").join(RECORD);
    let relative = format!("reunions/2022/{RECORD}");
    let expected = printed_page(&run_in(root, &["render", &relative]));
    let (reunions, year, assets) = (
        root.join("reunions"),
        root.join("reunions/2022"),
        root.join("assets"),
    );
    let ways: Vec<(&Path, Vec<&str>)> = vec![
        (root, vec!["render", "--format", "md", &relative]),
        (
            &reunions,
            vec!["render", "2022/2022-03-03-rencontre-regionale.yaml"],
        ),
        (&year, vec!["render", RECORD]),
        (
            &year,
            vec!["render", "./2022-03-03-rencontre-regionale.yaml"],
        ),
        (
            &assets,
            vec![
                "render",
                "../reunions/2022/2022-03-03-rencontre-regionale.yaml",
            ],
        ),
        (&assets, vec!["render", absolute.to_str().unwrap()]),
        (Path::new("/"), vec!["render", absolute.to_str().unwrap()]),
        // -C with the path from the folder, from here, or absolute.
        (
            Path::new("/"),
            vec!["-C", root.to_str().unwrap(), "render", &relative],
        ),
        (
            &reunions,
            vec![
                "-C",
                "..",
                "render",
                "2022/2022-03-03-rencontre-regionale.yaml",
            ],
        ),
        (&reunions, vec!["-C", "..", "render", &relative]),
        (
            Path::new("/"),
            vec![
                "-C",
                root.to_str().unwrap(),
                "render",
                absolute.to_str().unwrap(),
            ],
        ),
    ];
    for (cwd, args) in ways {
        let page = printed_page(&run_in(cwd, &args));
        assert_eq!(page, expected, "from {} with {args:?}", cwd.display());
    }
}

/// A file outside `reunions/` is refused with the folder's name, never an
/// empty one; a path that names nothing says so.
#[test]
fn render_one_file_outside_reunions_names_the_folder() {
    let dir = copy_of(&example());
    let root = dir.path();
    let out = run_in(&root.join("reunions"), &["render", "../reunion.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("n'est pas un compte rendu du dossier "),
        "{err}"
    );
    assert!(!err.contains("du dossier \n"), "{err}");
    let name = std::path::absolute(root).unwrap();
    assert!(err.contains(&name.display().to_string()), "{err}");
    let out = run_in(root, &["render", "reunions/2022/absent.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("reunions/2022/absent.yaml : fichier introuvable"));
}

/// The words of clap's English that must never reach a user.
const ENGLISH: &[&str] = &[
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "[default:",
    "Print help",
    "possible values",
    "Possible values",
    "error:",
    "For more information",
    "tip:",
    "[aliases:",
];

fn assert_french(what: &str, text: &str) {
    for word in ENGLISH {
        assert!(!text.contains(word), "{what} contient « {word} » :\n{text}");
    }
}

/// The names of the commands, as `reunion --aide` lists them.
fn commands() -> Vec<String> {
    let out = bin().arg("--aide").output().unwrap();
    let help = text(&out.stdout);
    let list = help
        .split("Commandes :\n")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("une section Commandes");
    let names: Vec<String> = list
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert!(names.len() >= 17, "{names:?}");
    names
}

/// The help of `args`, which must succeed, its no-break spaces (French
/// typography, kept together by clap's wrapping) read as spaces.
fn help_of(args: &[&str]) -> String {
    let out = bin().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        text(&out.stderr)
    );
    text(&out.stdout).replace('\u{a0}', " ")
}

/// Every command's help: French headings with the space before the colon,
/// positional arguments under « Arguments : », defaults and possible values
/// in French, examples, no English word of clap; `reunion aide CMD` and
/// `reunion help CMD` print exactly what `--aide` prints.
#[test]
fn every_help_is_french_with_examples() {
    let top = help_of(&["--aide"]);
    assert_eq!(help_of(&["aide"]), top);
    assert_eq!(help_of(&["help"]), top);
    assert_eq!(help_of(&["-h"]), top);
    assert!(
        top.contains("Utilisation : reunion [OPTIONS] <COMMANDE>"),
        "{top}"
    );
    assert!(top.contains("\nCommandes :\n  init "), "{top}");
    assert!(top.contains("\nExemples :\n  reunion check\n"), "{top}");
    assert_french("reunion --aide", &top);
    for name in commands() {
        let help = help_of(&[&name, "--aide"]);
        assert_eq!(help_of(&["aide", &name]), help, "reunion aide {name}");
        assert_eq!(help_of(&["help", &name]), help, "reunion help {name}");
        assert_eq!(help_of(&[&name, "--help"]), help, "reunion {name} --help");
        assert_french(&format!("reunion {name} --aide"), &help);
        assert!(
            help.contains(&format!("Utilisation : reunion {name}")),
            "{help}"
        );
        assert!(help.contains("\nOptions :\n"), "{help}");
        assert!(
            help.contains(&format!("\nExemples :\n  reunion {name}"))
                || help.contains(&format!("(reunion {name}")),
            "{name} sans exemple :\n{help}"
        );
        // A positional argument is listed under « Arguments : », before
        // the options, never among them.
        let options = help.split("\nOptions :\n").nth(1).unwrap();
        let options = options.split("\n\n").next().unwrap();
        for line in options.lines().filter(|l| !l.starts_with("   ")) {
            assert!(line.starts_with("  -"), "{name} : {line}");
        }
    }
    let render = help_of(&["render", "--aide"]);
    assert!(
        render.contains("\nArguments :\n  [FICHIER.yaml]  Un compte rendu"),
        "{render}"
    );
    let fiche = help_of(&["fiche", "--aide"]);
    assert!(fiche.contains("\nArguments :\n  <ID>"), "{fiche}");
    let apercu = help_of(&["apercu", "--aide"]);
    assert!(apercu.contains("[par défaut : 8000]"), "{apercu}");
}

/// The lines of the « Exemples : » section of a help.
fn examples_of(help: &str) -> Vec<String> {
    let Some(section) = help.split("\nExemples :\n").nth(1) else {
        return Vec::new();
    };
    section
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .map(|l| l.trim().to_string())
        .collect()
}

/// Every example of every help runs as written, from inside a copy of the
/// example folder, through a shell (some write to a file with `>`). Those
/// that stay running (`apercu`, `--surveiller`) are only parsed.
#[test]
fn every_example_runs() {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_reunion")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut all = examples_of(&help_of(&["--aide"]));
    for name in commands() {
        let examples = examples_of(&help_of(&[&name, "--aide"]));
        assert!(!examples.is_empty(), "{name}");
        all.extend(examples);
    }
    for line in all {
        assert!(line.contains("reunion "), "{line}");
        if line.contains("reunion apercu") || line.contains("--surveiller") {
            let words = line.split_whitespace();
            let parsed = reunion::cli::command().try_get_matches_from(words);
            assert!(parsed.is_ok(), "{line} : {parsed:?}");
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("irev");
        crate::common::copy_dir(&example(), &root);
        let home = dir.path().join("home");
        std::fs::create_dir(&home).unwrap();
        let out = crate::common::isolate(&mut std::process::Command::new("bash"))
            .arg("-c")
            .arg(&line)
            .current_dir(&root)
            .env("PATH", &path)
            .env("HOME", &home)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{line}\n{}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
    }
}

/// The man pages: an EXEMPLES section in each, the defaults in French, no
/// English section title.
#[test]
fn man_pages_have_examples() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["man", "--sortie"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut pages = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let page = std::fs::read_to_string(&path).unwrap();
        assert!(
            page.contains("\n.SH EXEMPLES\n.TP\n\\fB"),
            "{}",
            path.display()
        );
        for english in [
            ".SH NAME",
            ".SH SUBCOMMANDS",
            ".SH EXTRA",
            "[default:",
            "possible values",
        ] {
            assert!(!page.contains(english), "{} : {english}", path.display());
        }
        pages += 1;
    }
    assert!(pages >= 18, "{pages} pages");
    let apercu = std::fs::read_to_string(dir.path().join("reunion-apercu.1")).unwrap();
    assert!(apercu.contains("[par défaut : 8000]"), "{apercu}");
    assert!(apercu.contains("\\fBreunion apercu \\-\\-port 8080 \\-\\-avec\\-noms\\fR"));
}

/// The mistakes people make on a command line, each told in French with
/// what to type and the command's usage line; never clap's English.
#[test]
fn clap_errors_are_french() {
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["chek"],
            "commande inconnue « chek »",
            "vouliez-vous dire « schema » ou « check » ?",
        ),
        (
            &["aide", "rendr"],
            "commande inconnue « rendr »",
            "« render » ?",
        ),
        (
            &["actions", "--territoir", "Lille"],
            "argument inattendu « --territoir »",
            "vouliez-vous dire « --territoire » ?",
        ),
        (
            &["actions", "--territoire"],
            "il manque la valeur de --territoire <TERRITOIRE>",
            "écrivez la valeur après --territoire",
        ),
        (
            &["actions", "--format", "jsn"],
            "valeur invalide « jsn » pour --format <FORMAT>",
            "vouliez-vous dire « json » ? valeurs possibles : texte, markdown, json, csv",
        ),
        (&["fiche"], "il manque <ID>", "reunion fiche --aide"),
        (
            &["check", "en-trop"],
            "argument inattendu « en-trop »",
            "reunion check --aide",
        ),
        (
            &["render", "x.yaml", "--sortie", "site"],
            "ne peut pas être utilisé avec",
            "reunion render --aide",
        ),
        (
            &["apercu", "--port", "x"],
            "valeur invalide « x » pour --port <PORT>",
            "reunion apercu --aide",
        ),
    ];
    for (args, message, help) in cases {
        let out = bin().args(*args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert_french(&format!("{args:?}"), &err);
        assert!(err.contains(message), "{args:?} :\n{err}");
        assert!(err.contains(help), "{args:?} :\n{err}");
        assert!(err.contains("\nUtilisation : reunion"), "{args:?} :\n{err}");
    }
}

/// `reunion format`: docs/format.md as it is; `--cle` one key's part, the
/// key read like a key of a record (accents and case do not matter); an
/// unknown key is a usage error with the nearest key and the list.
#[test]
fn format_prints_the_documentation() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/format.md"))
        .unwrap();
    let out = bin().arg("format").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), doc);

    let suites = help_of(&["format", "--cle", "suites"]);
    assert!(suites.starts_with("# La clé « suites »"), "{suites}");
    assert!(
        suites.contains("\nsuites:                       # ce qui a été décidé\n"),
        "{suites}"
    );
    assert!(suites.contains("| `suites` | liste |"), "{suites}");
    assert!(
        suites.contains("## Suites : `reunion suites --format json`"),
        "{suites}"
    );
    assert!(!suites.contains("prochaine_reunion:"), "{suites}");
    assert!(suites.len() < doc.len() / 3, "{suites}");
    assert_eq!(help_of(&["format", "--cle", "SUITES"]), suites);

    let echeance = help_of(&["format", "--cle", "échéance"]);
    assert!(echeance.contains("    echeance: 2022-03-31"), "{echeance}");
    assert!(echeance.contains("suites:"), "{echeance}");

    let out = bin().args(["format", "--cle", "suite"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("le format n'a pas de clé « suite »"), "{err}");
    assert!(err.contains("vouliez-vous dire « suites » ?"), "{err}");
    assert!(err.contains("actions, alias, "), "{err}");
    assert!(out.stdout.is_empty());
}

/// The shell completes `--cle` with the keys of the document and `aide`
/// with the commands.
#[test]
fn keys_and_commands_complete() {
    let complete = |words: &[&str]| {
        let out = bin()
            .env("REUNION_COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
            .env("COMP_TYPE", "9")
            .arg("--")
            .args(words)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(complete(&["reunion", "format", "--cle", "su"]), ["suites"]);
    assert_eq!(
        complete(&["reunion", "format", "--cle", "points"]),
        ["points", "points_de_vigilance"]
    );
    assert!(complete(&["reunion", "ai"]).contains(&"aide".to_string()));
}

//! Hostile records: sizes that must stay bounded in time and memory, and
//! control or bidi characters refused and shown escaped.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use super::clean_stderr;
use crate::common::{alias_bomb, folder_with, record, run, run_bounded, text};

/// Runs `reunion -C dir args`, killing it past `bound` (a hang check, not a
/// speed test); with GNU time when the system has it, also returns the
/// peak memory in KiB.
fn run_measured(dir: &Path, args: &[&str], bound: Duration) -> (Output, Option<u64>) {
    let gnu_time = Path::new("/usr/bin/time");
    let report = tempfile::NamedTempFile::new().unwrap();
    let mut cmd = if gnu_time.is_file() {
        let mut cmd = Command::new(gnu_time);
        cmd.arg("-f")
            .arg("%M")
            .arg("-o")
            .arg(report.path())
            .arg(env!("CARGO_BIN_EXE_reunion"));
        cmd
    } else {
        Command::new(env!("CARGO_BIN_EXE_reunion"))
    };
    crate::common::isolate(&mut cmd)
        .arg("-C")
        .arg(dir)
        .args(args);
    let output = run_bounded(&mut cmd, bound);
    let peak = std::fs::read_to_string(report.path())
        .ok()
        .and_then(|t| t.lines().last().and_then(|l| l.trim().parse().ok()));
    (output, peak)
}

/// Each hostile size: `check` answers in bounded time and memory, with the
/// expected exit code and message. SECURITY.md gives the figures measured
/// on the release binary.
#[test]
fn hostile_sizes_stay_bounded() {
    let bomb = alias_bomb("titre:");
    let deep_flow = format!("titre: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let mut deep_block = String::from("titre: x\n");
    for depth in 0..200 {
        writeln!(deep_block, "{}k{depth}:", "  ".repeat(depth)).unwrap();
    }
    let mut long_list = record("2022-01-01", "Dix mille objectifs");
    long_list.push_str("objectifs:\n");
    for i in 0..10_000 {
        writeln!(long_list, "  - Objectif numéro {i}").unwrap();
    }
    let mut too_many = record("2022-01-01", "Trop de valeurs");
    too_many.push_str("objectifs:\n");
    for i in 0..120_000 {
        writeln!(too_many, "  - o{i}").unwrap();
    }
    let long_line = format!(
        "{}meteo: {}\n",
        record("2022-01-01", "Une ligne d'un Mo"),
        "mot ".repeat(256 * 1024)
    );
    // The same line, with an error at its end: the diagnostic shows a
    // window of the line, not a megabyte.
    let long_line_error = format!("titre: {}: y\ndate: 2022-01-01\n", "x".repeat(1024 * 1024));
    let cases: Vec<(&str, String, i32, &str)> = vec![
        ("bombe d'alias", bomb, 1, "limites de sécurité"),
        (
            "imbrication [[[…]]] sur 100 000 niveaux",
            deep_flow,
            1,
            "imbrication trop profonde",
        ),
        (
            "imbrication de 200 tableaux",
            deep_block,
            1,
            "imbrication trop profonde",
        ),
        (
            "liste de 10 000 éléments",
            long_list,
            0,
            "1 fichier vérifié : aucun problème",
        ),
        ("120 000 valeurs", too_many, 1, "limites de sécurité"),
        (
            "ligne de 1 Mio",
            long_line,
            0,
            "1 fichier vérifié : aucun problème",
        ),
        (
            "ligne de 1 Mio en erreur",
            long_line_error,
            1,
            "YAML invalide",
        ),
    ];
    for (what, body, code, message) in cases {
        let dir = folder_with(&[("2022-01-01-cas.yaml", &body)]);
        let start = Instant::now();
        let (out, peak) = run_measured(dir.path(), &["check"], Duration::from_secs(60));
        let elapsed = start.elapsed();
        let all = format!("{}{}", clean_stderr(&out), text(&out.stdout));
        assert_eq!(
            out.status.code(),
            Some(code),
            "{what} :\n{}",
            &all[..all.len().min(2000)]
        );
        assert!(
            all.contains(message),
            "{what} :\n{}",
            &all[..all.len().min(2000)]
        );
        // A diagnostic never prints the whole megabyte back.
        assert!(
            out.stderr.len() < 64 * 1024,
            "{what} : {} octets sur la sortie d'erreur",
            out.stderr.len()
        );
        if let Some(kib) = peak {
            assert!(kib < 512 * 1024, "{what} : {kib} Kio de mémoire");
        }
        eprintln!(
            "{what} : {elapsed:?}, {} Kio",
            peak.map_or("?".into(), |k| k.to_string())
        );
    }
}

/// A file far over the limit, even one of a gigabyte, is refused from its
/// size alone: nothing is read, so time and memory stay small.
#[cfg(unix)]
#[test]
fn a_huge_file_is_refused_without_being_read() {
    let dir = folder_with(&[("2022-01-01-a.yaml", &record("2022-01-01", "A"))]);
    // A sparse file: a gigabyte that takes no room on disk.
    let huge = std::fs::File::create(dir.path().join("reunions/2022-01-02-enorme.yaml")).unwrap();
    huge.set_len(1 << 30).unwrap();
    let (out, peak) = run_measured(dir.path(), &["check"], Duration::from_secs(30));
    let err = clean_stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("fichier trop gros (1048576 Kio ; la limite est de 2048 Kio)"),
        "{err}"
    );
    if let Some(kib) = peak {
        assert!(kib < 256 * 1024, "{kib} Kio de mémoire");
    }
    // The same for the configuration.
    let config = std::fs::File::create(dir.path().join("reunion.yaml")).unwrap();
    config.set_len(1 << 30).unwrap();
    let (out, _) = run_measured(dir.path(), &["check"], Duration::from_secs(30));
    let err = clean_stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("trop gros"), "{err}");
}

// ---------------------------------------------------------------------------
// Hostile characters

/// Control and reordering characters in any text are refused where they
/// are, and never reach the terminal raw, even in a key or a file name.
#[test]
fn control_and_bidi_characters_are_refused_and_shown_escaped() {
    let records = [
        (
            "2022-01-01-a.yaml",
            "titre: \"Titre \\e[2J\\e[31m rouge\"\ndate: 2022-01-01\nmodalite: visio\nlieu: \"gnp.\\u202Eexe\"\n\"cl\\e[31m\": 1\n",
        ),
        (
            "2022-01-02-\u{1b}[31m.yaml",
            "titre: \"\\u2066isolé\"\ndate: 2022-01-02\nmodalite: visio\nmeteo: \"cloche \\x07 et \\x9b\"\n",
        ),
    ];
    let dir = folder_with(&records);
    std::fs::write(
        dir.path().join("reunions/2022-01-03-brut.yaml"),
        "titre: droite \u{202E}gauche\ndate: 2022-01-03\nmodalite: visio\n",
    )
    .unwrap();
    let out = run(dir.path(), &["check"]);
    let err = clean_stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for (code, place) in [
        ("U+001B", "reunions/2022-01-01-a.yaml:1:8"),
        ("U+202E", "reunions/2022-01-01-a.yaml:4:7"),
        ("U+2066", ":1:8"),
        ("U+0007", ":4:8"),
        ("U+202E", "reunions/2022-01-03-brut.yaml:1:8"),
    ] {
        assert!(
            err.contains(&format!("caractère invisible {code}")),
            "{code} : {err}"
        );
        assert!(err.contains(place), "{place} : {err}");
    }
    assert!(err.contains("clé inconnue"), "{err}");
    // Nothing that moves the cursor, colours or reorders reaches the terminal.
    let hostile = |c: char| {
        (c.is_control() && c != '\n')
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    assert!(!err.chars().any(hostile), "{err:?}");
    assert!(!text(&out.stdout).chars().any(hostile));
    assert!(err.contains("cl\\u{1b}[31m"), "{err}");
    // And nothing is published.
    let render = run(dir.path(), &["render"]);
    assert_eq!(render.status.code(), Some(1));
    assert!(!dir.path().join("public").exists());
}

/// Markdown built to make the engine hold memory (`[a](` repeated over
/// 1.9 MiB, which took 544 MiB for one record, and 2.1 GB for eight records
/// on eight threads) is published as plain text, and large fields are
/// rendered one at a time: memory stays bounded whatever the number of
/// threads.
#[cfg(unix)]
#[test]
fn pathological_markdown_stays_bounded_on_many_threads() {
    let meteo = "[a](".repeat(480_000);
    let records: Vec<(String, String)> = (1..=4)
        .map(|d| {
            let date = format!("2024-01-0{d}");
            let body = format!("{}meteo: \"{meteo}\"\n", record(&date, "Piège"));
            (format!("{date}-piege.yaml"), body)
        })
        .collect();
    let refs: Vec<(&str, &str)> = records
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_str()))
        .collect();
    let dir = folder_with(&refs);
    let gnu_time = Path::new("/usr/bin/time");
    if !gnu_time.is_file() {
        assert!(std::env::var_os("CI").is_none(), "GNU time manque en CI");
        return;
    }
    let report = tempfile::NamedTempFile::new().unwrap();
    let mut cmd = Command::new(gnu_time);
    cmd.arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(report.path())
        .arg(env!("CARGO_BIN_EXE_reunion"));
    crate::common::isolate(&mut cmd)
        .env("RAYON_NUM_THREADS", "8")
        .arg("-C")
        .arg(dir.path())
        .args(["render", "--sortie"])
        .arg(dir.path().join("public"));
    let out = run_bounded(&mut cmd, Duration::from_secs(120));
    assert!(out.status.success(), "{}", clean_stderr(&out));
    let kib: u64 = std::fs::read_to_string(report.path())
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(kib < 256 * 1024, "{kib} Kio de mémoire");
    let md =
        std::fs::read_to_string(dir.path().join("public/reunions/2024-01-01-piege.md")).unwrap();
    assert!(
        md.contains("\\[a\\]("),
        "le champ est publié comme du texte"
    );
}

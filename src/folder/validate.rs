//! Checks that need more than one record: action ids, and follow-ups (their
//! deadlines and who carries them).
//!
//! An action id names one practice. The same id in several meetings is that
//! practice followed over time (allowed, and listed as such); the same id
//! twice in one meeting, or for two different territories, is a clash.

use crate::diagnostic::{Diagnostic, Related};
use crate::model::{Action, Reunion};
use crate::read::config::Config;
use crate::text::fold;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// Every check across records, `reunions` sorted by date; those that can
/// only warn are run when `warnings` is set.
///
/// `invalid` is the first file with an error, if any. An invalid record is
/// missing from `reunions` (or only partly there), so a warning that another
/// record could explain (a follow-up carried from it, a structure named in
/// it) is not given: an error never causes a warning elsewhere. One note on
/// that file says how many were left out.
pub fn cross_check(
    reunions: &[&Reunion],
    config: &Config,
    warnings: bool,
    invalid: Option<&str>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    check_action_ids(reunions, diagnostics);
    if warnings {
        let skipped = check_follow_ups(reunions, config, invalid.is_some(), diagnostics);
        if let (Some(fichier), true) = (invalid, skipped > 0) {
            diagnostics.push(
                Diagnostic::note(
                    fichier,
                    crate::diagnostic::Pos::START,
                    "",
                    format!(
                        "{skipped} vérification{s} des suites entre réunions {verb} laissée{s} de côté tant qu'un compte rendu est invalide",
                        s = if skipped > 1 { "s" } else { "" },
                        verb = if skipped > 1 { "sont" } else { "est" },
                    ),
                )
                .with_help("corrigez les erreurs, puis relancez `reunion check`"),
            );
        }
    }
}

/// Adds a diagnostic for every clashing action id.
fn check_action_ids(reunions: &[&Reunion], diagnostics: &mut Vec<Diagnostic>) {
    // First place each id was seen: (meeting, action).
    let mut first: HashMap<&str, (&Reunion, usize, &Action)> = HashMap::new();
    for reunion in reunions {
        for (i, action) in reunion.actions.iter().enumerate() {
            let Some(&(other, j, previous)) = first.get(action.id.as_str()) else {
                first.insert(&action.id, (reunion, i, action));
                continue;
            };
            let path = format!("actions[{i}].id");
            let related = Related {
                fichier: other.fichier.clone(),
                pos: previous.id_pos,
                message: format!(
                    "« {} » est déjà l'identifiant de actions[{j}] ici",
                    action.id
                ),
            };
            let help = if action.id_explicite {
                "donnez à chaque action un identifiant distinct (« id: »)".to_string()
            } else {
                "deux actions ont le même territoire et le même titre : donnez-leur un « id: » distinct".to_string()
            };
            if std::ptr::eq(other, *reunion) {
                diagnostics.push(
                    Diagnostic::error(
                        &reunion.fichier,
                        action.id_pos,
                        &path,
                        format!(
                            "identifiant d'action « {} » en double dans cette réunion",
                            action.id
                        ),
                    )
                    .with_help(help)
                    .with_related(related),
                );
            } else if previous.territoire != action.territoire {
                diagnostics.push(
                    Diagnostic::error(
                        &reunion.fichier,
                        action.id_pos,
                        &path,
                        format!(
                            "identifiant d'action « {} » déjà utilisé pour le territoire {} (ici : {})",
                            action.id, previous.territoire, action.territoire
                        ),
                    )
                    .with_help(
                        "un même identifiant dans plusieurs réunions désigne la même action suivie dans le temps ; choisissez un autre « id: »",
                    )
                    .with_related(related),
                );
            }
        }
    }
}

/// The names a `qui` may use: the organisation, the structures of the
/// people who came to any meeting, the territories and the networks, all
/// folded, with indexes so that a `qui` is checked without scanning them all
/// (a large folder knows thousands of structures and has tens of thousands
/// of follow-ups).
struct KnownNames {
    names: Vec<String>,
    /// Word → the names holding that word.
    by_word: HashMap<String, Vec<usize>>,
    /// First word → the names starting with it.
    by_first: HashMap<String, Vec<usize>>,
}

impl KnownNames {
    fn new(reunions: &[&Reunion], config: &Config) -> Self {
        let mut names: Vec<String> = vec![fold(&config.organisation.nom)];
        for t in config.territoires.all() {
            names.push(fold(&t.nom));
            names.extend(t.alias.iter().map(|a| fold(a)));
        }
        names.extend(config.reseaux.iter().map(|r| fold(&r.nom)));
        // The same structures come to every meeting: each is folded once.
        let structures: HashSet<&str> = reunions
            .iter()
            .flat_map(|r| r.participants.iter().chain(&r.excuses))
            .filter_map(|p| p.structure.as_deref())
            .collect();
        names.extend(structures.into_iter().map(fold));
        names.retain(|n| !n.is_empty());
        names.sort();
        names.dedup();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, name) in names.iter().enumerate() {
            let mut words: Vec<&str> = name.split(' ').collect();
            by_first.entry(words[0].to_string()).or_default().push(i);
            words.sort_unstable();
            words.dedup();
            for w in words {
                by_word.entry(w.to_string()).or_default().push(i);
            }
        }
        KnownNames {
            names,
            by_word,
            by_first,
        }
    }

    /// Whether the folded `part` holds a known name as whole words, or a
    /// known name holds it.
    fn knows(&self, part: &str) -> bool {
        let words: Vec<&str> = part.split(' ').collect();
        // A name holding `part` holds each of its words: the rarest word
        // gives the fewest names to look at.
        let rarest = words
            .iter()
            .map(|w| self.by_word.get(*w).map_or(&[][..], Vec::as_slice))
            .min_by_key(|c| c.len())
            .unwrap_or(&[]);
        if rarest.iter().any(|&i| has_words(&self.names[i], part)) {
            return true;
        }
        (0..words.len()).any(|start| {
            self.by_first.get(words[start]).is_some_and(|candidates| {
                candidates.iter().any(|&i| {
                    let name = self.names[i].split(' ');
                    let n = name.clone().count();
                    start + n <= words.len() && name.eq(words[start..start + n].iter().copied())
                })
            })
        })
    }
}

/// Whether the folded `a` holds the folded `b` as whole words.
fn has_words(a: &str, b: &str) -> bool {
    a.match_indices(b).any(|(at, _)| {
        (at == 0 || a.as_bytes()[at - 1] == b' ')
            && (at + b.len() == a.len() || a.as_bytes()[at + b.len()] == b' ')
    })
}

/// Warns about a deadline before the meeting that first records the
/// follow-up (a carried one is naturally past), and about a `qui` that names
/// nobody known to the folder.
///
/// With `doubtful` (some record is invalid), the warnings an unreadable
/// record could explain are left out; returns how many.
fn check_follow_ups(
    reunions: &[&Reunion],
    config: &Config,
    doubtful: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> usize {
    let known = KnownNames::new(reunions, config);
    // Whether each follow-up was carried from an earlier meeting: the only
    // part that depends on the order, done first so that the rest (folding
    // every `qui`) runs in parallel.
    let mut seen: HashSet<&str> = HashSet::new();
    let carried: Vec<Vec<bool>> = reunions
        .iter()
        .map(|reunion| {
            let flags = reunion
                .suites
                .iter()
                .map(|s| seen.contains(s.id.as_str()))
                .collect();
            seen.extend(reunion.suites.iter().map(|s| s.id.as_str()));
            flags
        })
        .collect();
    let found: Vec<(Vec<Diagnostic>, usize)> = reunions
        .par_iter()
        .zip(&carried)
        .map(|(reunion, carried)| follow_up_warnings(reunion, carried, &known, doubtful))
        .collect();
    let mut skipped = 0;
    for (found, n) in found {
        diagnostics.extend(found);
        skipped += n;
    }
    skipped
}

/// The warnings of one meeting's follow-ups.
/// With `doubtful`, the warnings another record could explain are only
/// counted: a deadline of a follow-up with its own `id:` (it may be carried
/// from the invalid record), a `qui` (the invalid record may name it).
fn follow_up_warnings(
    reunion: &Reunion,
    carried: &[bool],
    known: &KnownNames,
    doubtful: bool,
) -> (Vec<Diagnostic>, usize) {
    let mut diagnostics = Vec::new();
    let mut skipped = 0;
    for (suite, &carried) in reunion.suites.iter().zip(carried) {
        let early = matches!(
            (suite.echeance, suite.echeance_pos, carried),
            (Some(echeance), Some(_), false) if echeance < reunion.date
        );
        if early && doubtful && suite.id_explicite {
            skipped += 1;
        } else if let (Some(echeance), Some(pos), true) =
            (suite.echeance, suite.echeance_pos, early)
        {
            diagnostics.push(
                Diagnostic::warning(
                    &reunion.fichier,
                    pos,
                    &format!("{}.echeance", suite.chemin),
                    format!(
                        "l'échéance ({}) est avant la réunion ({})",
                        echeance.format("%Y-%m-%d"),
                        reunion.date.format("%Y-%m-%d")
                    ),
                )
                .with_help("vérifiez la date ; une suite reprise d'une réunion précédente garde son « id: »"),
            );
        }
        if let (Some(qui), Some(pos)) = (&suite.qui, suite.qui_pos) {
            let unknown: Vec<&str> = qui
                .split([',', ';', '/', '+'])
                .flat_map(|part| part.split(" et "))
                .map(str::trim)
                .filter(|part| {
                    let f = fold(part);
                    !f.is_empty() && !known.knows(&f)
                })
                .collect();
            if !unknown.is_empty() && doubtful {
                skipped += 1;
            } else if !unknown.is_empty() {
                diagnostics.push(
                    Diagnostic::warning(
                        &reunion.fichier,
                        pos,
                        &format!("{}.qui", suite.chemin),
                        format!(
                            "« {} » n'est ni une structure présente aux réunions, ni l'organisation, ni un territoire",
                            unknown.join(" », « ")
                        ),
                    )
                    .with_help("écrivez le nom de la structure comme dans « participants: », ou celui de l'organisation"),
                );
            }
        }
    }
    (diagnostics, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::config::parse_config;
    use crate::read::record::parse_record;

    fn load(files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let (config, _) = parse_config(
            "organisation:\n  nom: IREV – Centre ressources\nterritoires: [Lille, Maubeuge]\n",
            None,
        );
        let mut reunions = Vec::new();
        for (name, src) in files {
            let (r, d) = parse_record(name, src, &config);
            assert!(d.is_empty(), "{d:?}");
            reunions.push(r.unwrap());
        }
        let mut out = Vec::new();
        let refs: Vec<&Reunion> = reunions.iter().collect();
        cross_check(&refs, &config, true, None, &mut out);
        out
    }

    const HEAD: &str = "titre: R\nmodalite: visio\n";

    #[test]
    fn same_practice_over_time_is_allowed() {
        let a = format!(
            "{HEAD}date: 2022-03-03\nactions:\n  - id: gpds\n    territoire: Lille\n    titre: GPDS\n"
        );
        let b = format!(
            "{HEAD}date: 2022-04-06\nactions:\n  - id: gpds\n    territoire: lille\n    titre: GPDS, suite\n"
        );
        assert!(load(&[("2022-03-03-a.yaml", &a), ("2022-04-06-b.yaml", &b)]).is_empty());
    }

    #[test]
    fn duplicate_in_one_meeting_names_both_places() {
        let a = format!(
            "{HEAD}date: 2022-03-03\nactions:\n  - territoire: Lille\n    titre: GPDS\n  - territoire: Lille\n    titre: GPDS\n"
        );
        let d = load(&[("2022-03-03-a.yaml", &a)]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].chemin, "actions[1].id");
        assert_eq!(d[0].pos.ligne, 7);
        assert_eq!(d[0].voir_aussi.as_ref().unwrap().pos.ligne, 5);
    }

    #[test]
    fn same_id_for_two_territories_is_a_clash() {
        let a = format!(
            "{HEAD}date: 2022-03-03\nactions:\n  - id: x\n    territoire: Lille\n    titre: A\n"
        );
        let b = format!(
            "{HEAD}date: 2022-04-06\nactions:\n  - id: x\n    territoire: Maubeuge\n    titre: B\n"
        );
        let d = load(&[("2022-03-03-a.yaml", &a), ("2022-04-06-b.yaml", &b)]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].fichier, "2022-04-06-b.yaml");
        assert_eq!(
            d[0].voir_aussi.as_ref().unwrap().fichier,
            "2022-03-03-a.yaml"
        );
    }

    #[test]
    fn deadlines_before_the_first_meeting_are_warned() {
        let a = format!(
            "{HEAD}date: 2022-03-03\nsuites:\n  - quoi: Doc\n    echeance: 2022-03-01\n  - quoi: Lien\n    echeance: 2022-03-20\n"
        );
        let b = format!(
            "{HEAD}date: 2022-04-06\nsuites:\n  - id: 2022-03-03-lien\n    quoi: Lien\n    echeance: 2022-03-20\n"
        );
        let d = load(&[("2022-03-03-a.yaml", &a), ("2022-04-06-b.yaml", &b)]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].chemin, "suites[0].echeance");
        assert_eq!(d[0].fichier, "2022-03-03-a.yaml");
        assert!(!d[0].is_error());
    }

    #[test]
    fn unknown_qui_is_warned() {
        let a = format!(
            "{HEAD}date: 2022-03-03\nparticipants:\n  - structure: Cité éducative de Lille\nsuites:\n  - quoi: A\n    qui: IREV\n  - quoi: B\n    qui: cité éducative de Lille et IREV\n  - quoi: C\n    qui: Ville de Maubeuge\n  - quoi: D\n    qui: Préfecture, IREV\n"
        );
        let d = load(&[("2022-03-03-a.yaml", &a)]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].chemin, "suites[3].qui");
        assert!(d[0].message.contains("« Préfecture »"), "{}", d[0].message);
    }

    #[test]
    fn known_names_match_whole_words_both_ways() {
        let (config, _) = parse_config(
            "organisation:\n  nom: IREV\nterritoires: [Lille]\nreseaux:\n  - id: ce\n    nom: Réseau des cités éducatives\n",
            None,
        );
        let known = KnownNames::new(&[], &config);
        for (part, expected) in [
            ("irev", true),
            ("reseau des cites", true),
            ("cites educatives", true),
            ("la ville de lille", true),
            ("l irev du nord", true),
            ("ville", false),
            ("lil", false),
            ("cites educatives nord", false),
            ("reseau cites", false),
        ] {
            assert_eq!(known.knows(part), expected, "{part}");
        }
        assert!(
            has_words("a bc d", "bc") && !has_words("abc d", "bc") && !has_words("a bcd", "bc")
        );
        assert!(has_words("bc bcd", "bcd") && !has_words("abc", "abc d"));
    }

    #[test]
    fn an_invalid_record_causes_no_warning_elsewhere() {
        let (config, _) = parse_config("organisation:\n  nom: IREV\nterritoires: [Lille]\n", None);
        // April carries a follow-up from March; March has a syntax error,
        // so it is not read and the follow-up looks new in April.
        let avril = format!(
            "{HEAD}date: 2022-04-06\nsuites:\n  - id: doc\n    quoi: Doc\n    qui: Mairie\n    echeance: 2022-03-31\n"
        );
        let (r, d) = parse_record("2022-04-06-b.yaml", &avril, &config);
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        let mut out = Vec::new();
        cross_check(&[&r], &config, true, Some("2022-03-03-a.yaml"), &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].gravite, crate::diagnostic::Severity::Note);
        assert_eq!(out[0].fichier, "2022-03-03-a.yaml");
        assert!(
            out[0].message.starts_with("2 vérifications"),
            "{}",
            out[0].message
        );
        // Without an invalid record, the same April record is warned about.
        let mut out = Vec::new();
        cross_check(&[&r], &config, true, None, &mut out);
        assert_eq!(out.len(), 2, "{out:?}");
        assert!(out.iter().all(Diagnostic::is_warning));
    }
}

//! Checks that need more than one record: action ids.
//!
//! An action id names one practice. The same id in several meetings is that
//! practice followed over time (allowed, and listed as such); the same id
//! twice in one meeting, or for two different territories, is a clash.

use crate::diagnostic::{Diagnostic, Related};
use crate::model::{Action, Reunion};
use std::collections::HashMap;

/// Adds a diagnostic for every clashing action id.
pub fn cross_check(reunions: &[Reunion], diagnostics: &mut Vec<Diagnostic>) {
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
            if std::ptr::eq(other, reunion) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_config;
    use crate::record::parse_record;

    fn load(files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let (config, _) = parse_config(
            "organisation:\n  nom: x\nterritoires: [Lille, Maubeuge]\n",
            None,
        );
        let mut reunions = Vec::new();
        for (name, src) in files {
            let (r, d) = parse_record(name, src, &config);
            assert!(d.is_empty(), "{d:?}");
            reunions.push(r.unwrap());
        }
        let mut out = Vec::new();
        cross_check(&reunions, &mut out);
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
}

//! Reading one meeting record: from its text to a checked [`Reunion`], with a
//! diagnostic for every problem of the file. The meeting's own keys are read
//! here; [`values`] reads dates, hours and closed lists, [`people`] the
//! participants and points, [`actions`] the actions, [`suites`] the follow-ups.

mod actions;
mod decisions;
mod minutes;
mod people;
mod suites;
mod values;

use crate::diagnostic::{Diagnostic, Pos};
use crate::model::keys;
use crate::model::{ProchaineReunion, Reunion};
use crate::read::config::Config;
use crate::read::reader::{Fields, Reader};
use crate::read::yaml;
use crate::text::slug;
use chrono::NaiveDate;

/// Default id of an action: its territory and title, as a slug.
pub fn default_action_id(territoire: &str, titre: &str) -> String {
    slug(&format!("{territoire} {titre}"))
}

/// Default id of a follow-up: the date of the meeting that first recorded it
/// and what is to be done, as a slug.
pub fn default_suite_id(date: NaiveDate, quoi: &str) -> String {
    slug(&format!("{date} {quoi}"))
}

/// Reads one record. `fichier` is its path relative to the folder.
///
/// The meeting is returned whenever its required keys could be read, even if
/// other parts have errors (those parts are left out): checks across records
/// still see it. Callers keep it only when no diagnostic is an error.
pub fn parse_record(
    fichier: &str,
    source: &str,
    config: &Config,
) -> (Option<Reunion>, Vec<Diagnostic>) {
    let tree = match yaml::parse(source) {
        Ok(tree) => tree,
        Err(e) => {
            return (
                None,
                vec![Diagnostic::error(fichier, e.pos, "", e.message).with_help_opt(e.aide)],
            );
        }
    };
    let mut r = Reader::new(fichier, source);
    if matches!(tree.value, yaml::Value::Null) {
        r.error(
            Pos::START,
            "",
            "le fichier est vide",
            Some("une réunion a au moins « titre: », « date: » et « modalite: » ; `reunion new` en crée une".into()),
        );
        return (None, r.diagnostics);
    }
    let Some(mut top) = r.map(&tree, "") else {
        return (None, r.diagnostics);
    };
    let mut ctx = RecordReader { r, config };
    let reunion = ctx.meeting(&mut top, fichier);
    ctx.finish_meeting(top);
    (reunion, ctx.r.diagnostics)
}

/// The reader of one record and the configuration it is checked against.
struct RecordReader<'s, 'c> {
    r: Reader<'s>,
    config: &'c Config,
}

impl RecordReader<'_, '_> {
    fn meeting(&mut self, top: &mut Fields<'_>, fichier: &str) -> Option<Reunion> {
        let titre = self.r.required_text(top, "titre");
        let date = self.required_date(top, "date");
        if let Some((date, pos)) = date {
            self.check_file_name(fichier, date, pos);
        }
        let debut = self.time(top, "debut");
        let fin = self.time(top, "fin");
        self.check_hours(debut, fin, "fin");
        let state = self.minutes_state(top, date.map(|(d, _)| d));
        let redaction = self.writer(top);
        let co_organisateurs = self.r.name_list(top, "co_organisateurs");
        let modalite = match top.take("modalite") {
            Some(node) => self.modalite(node, "modalite"),
            None => {
                self.r.error(
                    top.pos,
                    "",
                    "la clé obligatoire « modalite » manque",
                    Some("ajoutez « modalite: presentiel », « modalite: visio » ou « modalite: hybride »".into()),
                );
                None
            }
        };
        let lieu = self.r.optional_text(top, "lieu");
        let reseau = self.reseau(top);
        let objectifs = self
            .r
            .markdown_list(top, "objectifs")
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        let territoires = self.territories(top, "territoires", "");
        let effectif_node = top.take("effectif");
        let participants = self.people(top, "participants");
        let effectif = effectif_node.and_then(|n| self.headcount(n, &participants));
        let excuses = self.people(top, "excuses");
        let absents = self.people(top, "absents");
        let meteo = self.r.markdown(top, "meteo");
        let ordre_du_jour = self.r.markdown_list(top, "ordre_du_jour");
        let points = self.points(top);
        let decisions = self.decisions(top);
        let actions = self.actions(top);
        let suites = self.suites(top, date.map(|(d, _)| d));
        let prochaine_reunion = self.next_meeting(top, date.map(|(d, _)| d));
        let (titre, (date, _), modalite) = (titre?, date?, modalite?);
        Some(Reunion {
            fichier: fichier.to_string(),
            titre: titre.0,
            kind: state.kind,
            numero: state.numero,
            etat: state.etat,
            approuve_le: state.approuve_le,
            redaction,
            co_organisateurs: co_organisateurs.into_iter().map(|(t, _)| t).collect(),
            territoires,
            effectif,
            date,
            debut: debut.map(|(t, _)| t),
            fin: fin.map(|(t, _)| t),
            modalite,
            lieu,
            reseau,
            objectifs,
            participants,
            excuses,
            absents,
            meteo,
            ordre_du_jour: ordre_du_jour.into_iter().map(|(t, _)| t).collect(),
            points,
            decisions,
            actions,
            suites,
            prochaine_reunion,
        })
    }

    fn next_meeting(
        &mut self,
        top: &mut Fields<'_>,
        date: Option<NaiveDate>,
    ) -> Option<ProchaineReunion> {
        let node = top.take("prochaine_reunion")?;
        if matches!(node.value, yaml::Value::Null) {
            return None;
        }
        let mut f = self.r.map(node, "prochaine_reunion")?;
        let next = self.required_date(&mut f, "date");
        let debut = self.time(&mut f, "debut");
        let fin = self.time(&mut f, "fin");
        self.check_hours(debut, fin, "prochaine_reunion.fin");
        let modalite = f
            .take("modalite")
            .and_then(|n| self.modalite(n, "prochaine_reunion.modalite"));
        let lieu = self.r.optional_text(&mut f, "lieu");
        let note = self.r.markdown(&mut f, "note");
        self.r.finish(f, &keys::NEXT.names());
        let (next, pos) = next?;
        if let Some(date) = date
            && next <= date
        {
            self.r.error(
                pos,
                "prochaine_reunion.date",
                format!(
                    "la prochaine réunion ({}) doit être après celle-ci ({})",
                    next.format("%Y-%m-%d"),
                    date.format("%Y-%m-%d")
                ),
                None,
            );
        }
        Some(ProchaineReunion {
            date: next,
            debut: debut.map(|(t, _)| t),
            fin: fin.map(|(t, _)| t),
            modalite,
            lieu,
            note,
        })
    }
}

/// For the unit tests of the modules that need meetings: a record that
/// must read without error.
#[cfg(test)]
pub(crate) fn valid_record(fichier: &str, text: &str, config: &Config) -> Reunion {
    let (r, d) = parse_record(fichier, text, config);
    assert!(d.iter().all(|d| !d.is_error()), "{d:?}");
    r.expect("a record without error is read")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Modalite, Statut};
    use crate::read::config::parse_config;

    fn config() -> Config {
        let (c, d) = parse_config(
            "organisation:\n  nom: IREV\nterritoires:\n  - nom: Lille\n    alias: [Lille Sud]\n  - Maubeuge\nreseaux:\n  - id: cites-educatives\n    nom: Réseau\nthematiques: [parentalité, numérique]\n",
            None,
        );
        assert!(d.is_empty());
        c
    }

    fn parse(src: &str) -> (Option<Reunion>, Vec<Diagnostic>) {
        parse_record("reunions/2022-03-03-test.yaml", src, &config())
    }

    fn paths(d: &[Diagnostic]) -> Vec<(u32, &str)> {
        d.iter().map(|d| (d.pos.ligne, d.chemin.as_str())).collect()
    }

    #[test]
    fn minimal_record() {
        let (r, d) = parse("titre: Rencontre\ndate: 2022-03-03\nmodalite: presentiel\n");
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        assert_eq!(r.titre, "Rencontre");
        assert_eq!(r.modalite, Modalite::Presentiel);
    }

    #[test]
    fn lenient_values_are_normalised() {
        let (r, d) = parse(
            "titre: R\ndate: 2022-3-3\ndebut: 9:30\nfin: 14:00\nmodalite: Présentiel\nreseau: cites-educatives\nactions:\n  - territoire: lille sud\n    titre: La passerelle EJE\n    thematiques: [Parentalite]\n    statut: Fiche en cours\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        assert_eq!(r.debut.unwrap().format("%H:%M").to_string(), "09:30");
        assert_eq!(r.actions[0].territoire, "Lille");
        assert_eq!(r.actions[0].id, "lille-la-passerelle-eje");
        assert_eq!(r.actions[0].thematiques, vec!["parentalité"]);
        assert_eq!(r.actions[0].statut, Statut::FicheEnCours);
    }

    #[test]
    fn every_problem_of_a_file_is_reported() {
        let src = "titre: R\ndate: 2023-02-30\ndebut: \"14:00\"\nfin: \"12:00\"\nmodalite: telephone\nreseau: cites\nlieux: Lille\nactions:\n  - territoire: Lile\n    titre: X\n    statut: publiee\n    thematiques: [sport]\n  - id: \"Bad Id\"\n    territoire: Lille\n    titre: Y\nprochaine_reunion:\n  date: 2020-01-01\n";
        let (_, d) = parse(src);
        assert_eq!(
            paths(&d),
            vec![
                (2, "date"),
                (4, "fin"),
                (5, "modalite"),
                (6, "reseau"),
                (9, "actions[0].territoire"),
                (12, "actions[0].thematiques[0]"),
                (11, "actions[0].statut"),
                (13, "actions[1].id"),
                (7, "lieux"),
            ]
        );
        assert_eq!(d[4].aide.as_deref(), Some("vouliez-vous dire « Lille » ?"));
        assert!(
            d[2].aide
                .as_deref()
                .unwrap()
                .contains("presentiel, visio, hybride")
        );
    }

    #[test]
    fn a_participant_may_stand_for_several_territories() {
        let (r, d) = parse(
            "titre: R\ndate: 2022-03-03\nmodalite: visio\nparticipants:\n  - fonction: Coordinatrice\n    territoire: Lille Sud\n    territoires: [Maubeuge, lille]\n  - fonction: Chef\n    territoires: Maubeuge\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        assert_eq!(r.participants[0].territoires, vec!["Lille", "Maubeuge"]);
        assert_eq!(r.participants[1].territoires, vec!["Maubeuge"]);
        let (_, d) = parse(
            "titre: R\ndate: 2022-03-03\nmodalite: visio\nparticipants:\n  - fonction: C\n    territoires: [Lille, Lile]\n",
        );
        assert_eq!(paths(&d), vec![(6, "participants[0].territoires[1]")]);
    }

    #[test]
    fn next_meeting_must_come_after() {
        let (_, d) = parse(
            "titre: R\ndate: 2022-03-03\nmodalite: visio\nprochaine_reunion:\n  date: 2022-03-03\n",
        );
        assert_eq!(paths(&d), vec![(5, "prochaine_reunion.date")]);
    }

    #[test]
    fn missing_required_keys() {
        let (r, d) = parse("lieu: Lille\n");
        assert!(r.is_none());
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert!(messages.contains(&"la clé obligatoire « titre » manque"));
        assert!(messages.contains(&"la clé obligatoire « date » manque"));
        assert!(messages.contains(&"la clé obligatoire « modalite » manque"));
    }

    #[test]
    fn file_name_date_mismatch_is_a_warning() {
        let (r, d) = parse_record(
            "reunions/2022-03-04-x.yaml",
            "titre: R\ndate: 2022-03-03\nmodalite: visio\n",
            &config(),
        );
        assert!(r.is_some());
        assert_eq!(d.len(), 1);
        assert!(!d[0].is_error());
        assert!(d[0].message.contains("2022-03-04"));
    }

    #[test]
    fn wrong_types() {
        let (_, d) =
            parse("titre: [a, b]\ndate: 2022-03-03\nmodalite: visio\nparticipants: Jeanne\n");
        assert_eq!(paths(&d), vec![(1, "titre"), (4, "participants")]);
        assert!(
            d[0].message
                .contains("on attend ici un texte, pas une liste")
        );
    }

    #[test]
    fn write_up_fields_are_read_and_misspellings_caught() {
        let (r, d) = parse(
            "titre: R\ndate: 2022-03-03\nmodalite: visio\nactions:\n  - territoire: Lille\n    titre: EJE\n    contexte: |\n      Un **contexte**.\n    partenaires: CAF du Nord\n    contact: Camille\n    facteur_de_reussite: L'aller vers\n",
        );
        assert_eq!(paths(&d), vec![(11, "actions[0].facteur_de_reussite")]);
        assert_eq!(
            d[0].aide.as_deref(),
            Some("vouliez-vous dire « facteurs_de_reussite » ?")
        );
        let a = &r.unwrap().actions[0];
        assert_eq!(a.redaction.contexte.as_deref(), Some("Un **contexte**."));
        // A single partner is a list of one, like the other lists.
        assert_eq!(a.redaction.partenaires, ["CAF du Nord"]);
        assert_eq!(a.redaction.contact.as_deref(), Some("Camille"));
        assert_eq!(a.redaction.moyens, None);
    }

    #[test]
    fn a_text_where_names_are_listed_is_the_list_it_spells() {
        let (r, d) = parse(
            "titre: R\ndate: 2022-03-03\nmodalite: visio\nactions:\n  - territoire: Lille\n    titre: EJE\n    thematiques: parentalité, numérique\n    publics: familles, jeunes\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let a = &r.unwrap().actions[0];
        assert_eq!(a.thematiques, ["parentalité", "numérique"]);
        assert_eq!(a.publics, ["familles", "jeunes"]);
    }

    #[test]
    fn a_bare_text_is_a_point_title_or_a_name() {
        let (r, d) = parse(
            "titre: R\ndate: 2022-03-03\nmodalite: visio\nparticipants:\n  - Jeanne Martin\n  - fonction: Cheffe de projet\nexcuses:\n  - Paul Durand\npoints:\n  - Tour de table\n  - titre: Bilan\n  - \"\"\n",
        );
        assert_eq!(paths(&d), vec![(12, "points[2]")], "{d:?}");
        let r = r.unwrap();
        assert_eq!(r.participants[0].nom.as_deref(), Some("Jeanne Martin"));
        assert_eq!(r.participants[0].fonction, None);
        assert_eq!(
            r.participants[1].fonction.as_deref(),
            Some("Cheffe de projet")
        );
        assert_eq!(r.excuses[0].nom.as_deref(), Some("Paul Durand"));
        let titres: Vec<&str> = r.points.iter().map(|p| p.titre.as_str()).collect();
        assert_eq!(titres, ["Tour de table", "Bilan"]);
    }

    #[test]
    fn a_dash_without_its_space_is_shown_where_it_is() {
        let (r, d) = parse(
            "titre: R\ndate: 2022-03-03\nmodalite: visio\nmeteo: -Bien\npoints:\n  - titre: A\n    contenu: |\n      - Un\n      -Partager l'actualité\n      --\n      -1 degré\n      -Échanger\n",
        );
        let r = r.unwrap();
        assert!(
            r.points[0]
                .contenu
                .as_deref()
                .unwrap()
                .contains("-Partager")
        );
        let places: Vec<(u32, u32, u32, &str)> = d
            .iter()
            .map(|d| {
                (
                    d.pos.ligne,
                    d.pos.colonne,
                    d.pos.longueur,
                    d.chemin.as_str(),
                )
            })
            .collect();
        assert_eq!(
            places,
            [
                (4, 8, 5, "meteo"),
                (9, 7, 9, "points[0].contenu"),
                (12, 7, 9, "points[0].contenu"),
            ]
        );
        assert!(d.iter().all(|d| !d.is_error()));
        assert_eq!(
            d[1].aide.as_deref(),
            Some(
                "écrivez « - Partager… » (une espace après le tiret) ; sans elle, la ligne est collée à la précédente"
            )
        );
        // Folded into the line above, a dash starts no line: no warning.
        let (_, d) = parse("titre: R\ndate: 2022-03-03\nmodalite: visio\nmeteo: bien\n  -x\n");
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn suites_get_stable_ids() {
        let (r, d) = parse(
            "titre: R\ndate: 2022-03-03\nmodalite: visio\nsuites:\n  - quoi: Mettre en ligne\n    fait: oui\n  - id: doc\n    quoi: Doc\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        assert_eq!(r.suites[0].id, "2022-03-03-mettre-en-ligne");
        assert!(r.suites[0].fait);
        assert_eq!(r.suites[1].id, "doc");
    }
}

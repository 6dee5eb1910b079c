//! The keys that say what the minutes are: the kind of meeting, their
//! number, their state and the date they were approved.

use super::RecordReader;
use crate::model::{Etat, Participant};
use crate::read::reader::Fields;
use crate::read::yaml;
use chrono::NaiveDate;

/// Words of the minutes that mean a key of another name, with what to
/// write instead (keys folded, words joined by `_`).
const MEETING_HINTS: &[(&str, &str)] = &[
    ("presents", PRESENTS),
    ("present", PRESENTS),
    ("presences", PRESENTS),
    ("liste_des_presents", PRESENTS),
    ("excuse", EXCUSES),
    ("excusees", EXCUSES),
    ("absent", EXCUSES),
    ("absentes", EXCUSES),
    ("absences", EXCUSES),
    ("secretaire", WRITER),
    ("secretariat", WRITER),
    ("redacteur", WRITER),
    ("redactrice", WRITER),
    ("redige_par", WRITER),
    ("auteur", WRITER),
    ("votes", VOTES),
    ("vote", VOTES),
    ("releve", DECISIONS),
    ("releve_de_decisions", DECISIONS),
    ("releve_des_decisions", DECISIONS),
    ("decisions_prises", DECISIONS),
];
const VOTES: &str = "un vote s'écrit sous sa décision : « decisions: » puis « - quoi: … » et « vote: { pour: 12, contre: 0, abstention: 1 } »";
const DECISIONS: &str = "les décisions s'écrivent sous « decisions: » (la réunion) ou sous un point ; le relevé de décisions les rassemble à la publication";
const PRESENTS: &str = "les personnes présentes s'écrivent sous « participants: »";
const EXCUSES: &str = "« excuses: » liste les personnes attendues qui se sont excusées, « absents: » celles qui ne sont pas venues sans s'excuser";
const WRITER: &str = "qui a rédigé le compte rendu s'écrit sous « redaction: », comme un participant (fonction, structure)";

/// What [`RecordReader::minutes_state`] reads.
pub(super) struct MinutesState {
    pub kind: Option<String>,
    pub numero: Option<u32>,
    pub etat: Option<Etat>,
    pub approuve_le: Option<NaiveDate>,
}

impl RecordReader<'_, '_> {
    /// Reads `type`, `numero`, `etat` and `approuve_le`; `date` is the
    /// meeting's, which an approval cannot precede.
    pub(super) fn minutes_state(
        &mut self,
        top: &mut Fields<'_>,
        date: Option<NaiveDate>,
    ) -> MinutesState {
        let kind_pos = top.peek("type").map(yaml::pos_of);
        let kind = self
            .r
            .optional_text(top, "type")
            .and_then(|t| self.kind(t.trim(), kind_pos));
        let numero = top.take("numero").and_then(|node| self.numero(node));
        let etat_pos = top.peek("etat").map(yaml::pos_of);
        let etat = top.take("etat").and_then(|node| {
            let allowed = Etat::ALL.map(Etat::as_str);
            self.choice(node, "etat", "état", Etat::parse, &allowed)
        });
        let approuve_le = self.optional_date(top, "approuve_le");
        if let Some((approved, pos)) = approuve_le {
            match etat {
                Some(Etat::Approuve) => {}
                // An unreadable state already has its error.
                None if etat_pos.is_some() => {}
                other => {
                    let (message, help) = match other {
                        Some(e) => (
                            format!(
                                "« approuve_le » va avec « etat: approuve », pas « etat: {} »",
                                e.as_str()
                            ),
                            "écrivez « etat: approuve » si le compte rendu est approuvé, sinon retirez « approuve_le »",
                        ),
                        None => (
                            "« approuve_le » sans « etat: approuve »".to_string(),
                            "ajoutez la ligne « etat: approuve »",
                        ),
                    };
                    self.r.error(pos, "approuve_le", message, Some(help.into()));
                }
            }
            if let Some(date) = date
                && approved < date
            {
                self.r.error(
                    pos,
                    "approuve_le",
                    format!(
                        "le compte rendu ne peut pas être approuvé ({}) avant la réunion ({})",
                        approved.format("%Y-%m-%d"),
                        date.format("%Y-%m-%d")
                    ),
                    Some(
                        "écrivez la date de la séance qui l'a approuvé, le jour même ou après"
                            .into(),
                    ),
                );
            }
        }
        MinutesState {
            kind,
            numero,
            etat,
            approuve_le: approuve_le.map(|(d, _)| d),
        }
    }

    /// Reports the meeting's keys not taken, with the hints above.
    pub(super) fn finish_meeting(&mut self, top: Fields<'_>) {
        self.r
            .finish_hinted(top, &crate::model::keys::MEETING.names(), MEETING_HINTS);
    }

    /// The kind of meeting: as written, or in the spelling of the
    /// vocabulary `types:` when `reunion.yaml` declares one.
    fn kind(&mut self, kind: &str, pos: Option<crate::diagnostic::Pos>) -> Option<String> {
        let Some(types) = &self.config.types else {
            return Some(kind.to_string());
        };
        let folded = crate::text::fold(kind);
        if let Some(t) = types.iter().find(|t| crate::text::fold(t) == folded) {
            return Some(t.clone());
        }
        let help = match crate::text::suggest(kind, types.iter().map(String::as_str)) {
            Some(s) => format!(
                "vouliez-vous dire « {s} » ? types déclarés dans reunion.yaml : {}",
                types.join(", ")
            ),
            None => format!(
                "types déclarés dans reunion.yaml : {} (ajoutez-y celui-ci sous « types: »)",
                types.join(", ")
            ),
        };
        self.r.error(
            pos.unwrap_or(crate::diagnostic::Pos::START),
            "type",
            format!("type de réunion inconnu « {kind} »"),
            Some(help),
        );
        None
    }

    /// Territories under `key` (the meeting's `territoires:`, a person's
    /// `territoire:` or `territoires:`), from the referential; a single
    /// name is a list of one, a name written twice counts once.
    pub(super) fn territories(
        &mut self,
        fields: &mut Fields<'_>,
        key: &str,
        parent: &str,
    ) -> Vec<String> {
        let Some(node) = fields.take(key) else {
            return Vec::new();
        };
        let path = if parent.is_empty() {
            key.to_string()
        } else {
            format!("{parent}.{key}")
        };
        if let yaml::Value::Str(_) = node.value {
            return self.territory(node, &path).into_iter().collect();
        }
        let mut out: Vec<String> = Vec::new();
        for (i, item) in self.r.seq(node, &path).iter().enumerate() {
            if let Some(t) = self.territory(item, &format!("{path}[{i}]"))
                && !out.contains(&t)
            {
                out.push(t);
            }
        }
        out
    }

    /// `effectif: 30`: the people present, never fewer than those listed
    /// (a group counts its `nombre`).
    pub(super) fn headcount(&mut self, node: &yaml::Node, listed: &[Participant]) -> Option<u32> {
        let effectif = self.count(node, "effectif")?;
        let counted: u32 = listed.iter().map(|p| p.nombre.unwrap_or(1)).sum();
        if effectif < counted {
            self.r.error(
                yaml::pos_of(node),
                "effectif",
                format!(
                    "l'effectif ({effectif}) est inférieur aux {counted} personnes listées dans « participants »"
                ),
                Some(format!(
                    "écrivez au moins « effectif: {counted} », ou retirez-le : les participants listés sont alors comptés"
                )),
            );
            return None;
        }
        Some(effectif)
    }

    /// `numero: 2`: a whole number from 1; `n° 2` is read as 2, what the
    /// writer means.
    fn numero(&mut self, node: &yaml::Node) -> Option<u32> {
        let text = self.r.text(node, "numero")?;
        let digits = text
            .trim()
            .trim_start_matches(['n', 'N'])
            .trim_start_matches(['°', 'º', 'o', '.'])
            .trim();
        match digits.parse::<u32>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                self.r.error(
                    yaml::pos_of(node),
                    "numero",
                    format!("numéro de compte rendu invalide « {} »", text.trim()),
                    Some(
                        "écrivez un nombre entier à partir de 1, par exemple « numero: 2 »".into(),
                    ),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_record;
    use crate::diagnostic::Diagnostic;
    use crate::model::{Etat, Reunion};
    use crate::read::config::parse_config;

    use super::{DECISIONS, EXCUSES, PRESENTS, VOTES, WRITER};

    fn parse(extra: &str) -> (Option<Reunion>, Vec<Diagnostic>) {
        let (c, d) = parse_config("organisation:\n  nom: IREV\n", None);
        assert!(d.is_empty());
        let src = format!("titre: R\ndate: 2022-03-03\nmodalite: visio\n{extra}");
        parse_record("reunions/2022-03-03-test.yaml", &src, &c)
    }

    fn errors(d: &[Diagnostic]) -> Vec<(u32, &str)> {
        d.iter()
            .filter(|d| d.is_error())
            .map(|d| (d.pos.ligne, d.chemin.as_str()))
            .collect()
    }

    #[test]
    fn kind_number_and_approval_are_read() {
        let (r, d) = parse(
            "type: comité de pilotage\nnumero: n° 2\netat: Approuvé\napprouve_le: 2022-04-06\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        assert_eq!(r.kind.as_deref(), Some("comité de pilotage"));
        assert_eq!(r.numero, Some(2));
        assert_eq!(r.etat, Some(Etat::Approuve));
        assert_eq!(r.approuve_le.unwrap().to_string(), "2022-04-06");
    }

    #[test]
    fn records_without_them_stay_as_they_were() {
        let (r, d) = parse("");
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        assert_eq!(
            (r.kind, r.numero, r.etat, r.approuve_le),
            (None, None, None, None)
        );
    }

    #[test]
    fn the_writer_and_the_absent_are_people() {
        let (r, d) = parse(
            "redaction:\n  structure: IREV\n  fonction: Chargée de mission\nabsents:\n  - fonction: Déléguée du préfet\n  - Paul Durand\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        assert_eq!(r.redaction.unwrap().structure.as_deref(), Some("IREV"));
        assert_eq!(r.absents[1].nom.as_deref(), Some("Paul Durand"));
        let (_, d) = parse("redaction:\n  nom: Paul Durand\n");
        assert_eq!(errors(&d), [(5, "redaction")]);
    }

    #[test]
    fn words_of_the_minutes_get_the_key_they_mean() {
        let (_, d) = parse(
            "présents: []\nsecrétaire: IREV\nabsent: []\nvotes: 3\nrelevé de décisions: []\n",
        );
        let helps: Vec<&str> = d.iter().filter_map(|d| d.aide.as_deref()).collect();
        assert_eq!(helps, [PRESENTS, WRITER, EXCUSES, VOTES, DECISIONS]);
    }

    #[test]
    fn a_declared_vocabulary_of_kinds_is_enforced() {
        let (c, d) = parse_config(
            "organisation:\n  nom: IREV\ntypes: [comité de pilotage, séance plénière]\n",
            None,
        );
        assert!(d.is_empty(), "{d:?}");
        let read = |kind: &str| {
            parse_record(
                "reunions/2022-03-03-t.yaml",
                &format!("titre: R\ndate: 2022-03-03\nmodalite: visio\ntype: {kind}\n"),
                &c,
            )
        };
        let (r, d) = read("Comité de Pilotage");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(r.unwrap().kind.as_deref(), Some("comité de pilotage"));
        let (_, d) = read("comite de pilotag");
        assert_eq!(errors(&d), [(4, "type")]);
        assert!(
            d[0].aide
                .as_deref()
                .unwrap()
                .starts_with("vouliez-vous dire « comité de pilotage »")
        );
    }

    #[test]
    fn headcount_and_territories() {
        let (r, d) =
            parse("effectif: 30\nparticipants:\n  - structure: Cités éducatives\n    nombre: 13\n");
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        assert_eq!((r.effectif, r.participants[0].nombre), (Some(30), Some(13)));
        let (_, d) =
            parse("effectif: 12\nparticipants:\n  - structure: Cités éducatives\n    nombre: 13\n");
        assert_eq!(errors(&d), [(4, "effectif")]);
        assert!(d[0].message.contains("13 personnes"), "{}", d[0].message);
        let (_, d) = parse("territoires: [Nulle part]\n");
        assert_eq!(errors(&d), [(4, "territoires[0]")]);
    }

    #[test]
    fn a_wrong_state_or_number_is_an_error() {
        let (_, d) = parse("numero: 0\netat: validé\n");
        assert_eq!(errors(&d), [(4, "numero"), (5, "etat")]);
        assert!(
            d[1].aide
                .as_deref()
                .unwrap()
                .contains("projet, diffuse, approuve")
        );
        let (_, d) = parse("numero: deux\n");
        assert_eq!(errors(&d), [(4, "numero")]);
    }

    #[test]
    fn an_approval_needs_the_approved_state_and_a_date_after_the_meeting() {
        let (_, d) = parse("approuve_le: 2022-04-06\n");
        assert_eq!(errors(&d), [(4, "approuve_le")]);
        assert_eq!(
            d[0].aide.as_deref(),
            Some("ajoutez la ligne « etat: approuve »")
        );
        let (_, d) = parse("etat: projet\napprouve_le: 2022-04-06\n");
        assert_eq!(errors(&d), [(5, "approuve_le")]);
        let (_, d) = parse("etat: approuve\napprouve_le: 2022-03-02\n");
        assert_eq!(errors(&d), [(5, "approuve_le")]);
        assert!(d[0].message.contains("avant la réunion (2022-03-03)"));
        // The day of the meeting itself is allowed: minutes approved on the spot.
        let (_, d) = parse("etat: approuve\napprouve_le: 2022-03-03\n");
        assert!(d.is_empty(), "{d:?}");
    }
}

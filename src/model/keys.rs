//! The one table of the keys of `reunion.yaml` and of a meeting record: name,
//! kind of value, whether it is required, French description. The reader
//! takes its lists of known keys from here (unknown-key detection) and the
//! JSON Schema generator ([`crate::schema`]) its properties, so the two
//! cannot drift; tests in both places check it.
//!
//! To add a key: add one [`Key`] to the right [`Object`]; the reader then
//! accepts it as known and the schema describes it.

use crate::model::fiche::{SECTIONS, Section};
use crate::model::{Etat, Modalite, Statut};

/// What a key holds, as far as an editor can check it.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A line of text.
    Text,
    /// A text in Markdown.
    Markdown,
    /// A text, or a list of texts (a single text is a list of one).
    TextOrList,
    /// A list of texts.
    TextList,
    /// A calendar date, `AAAA-MM-JJ`.
    Date,
    /// An hour, `HH:MM`.
    Hour,
    /// `true` or `false` (`oui`, `non` too).
    Bool,
    /// A whole number, 0 or more.
    Count,
    /// The number of the minutes, from 1 (`n° 2` is read as 2).
    Numero,
    /// Where the minutes stand ([`Etat`]).
    Etat,
    /// A kind of meeting, from `types:` of `reunion.yaml` when declared.
    Type,
    /// One territory of the referential, or a list of them.
    Territoires,
    /// One person, written as a participant is.
    Person(&'static Object),
    /// A web address.
    Url,
    /// How people attended ([`Modalite`]).
    Modalite,
    /// Where an action stands ([`Statut`]).
    Statut,
    /// A territory of the folder's referential.
    Territoire,
    /// The id of a network declared in `reunion.yaml`.
    Reseau,
    /// A lowercase id (letters without accents, digits, dashes).
    Id,
    /// A mapping whose keys are those of the object.
    Map(&'static Object),
    /// A list of mappings of that object; `plain` says what a bare text
    /// item means (a participant's name, a point's title), if allowed.
    List(&'static Object, Option<&'static str>),
}

/// One key of an object.
#[derive(Debug)]
pub struct Key {
    /// As written in a file.
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Whether the object is incomplete without it.
    pub required: bool,
    /// For the editor's tooltip, in French.
    pub description: &'static str,
}

/// A mapping of the format: its path as shown to users and its keys, in the
/// order of the format.
#[derive(Debug)]
pub struct Object {
    /// Path of the mapping, `""` for the top of a file.
    pub path: &'static str,
    /// Its keys.
    pub keys: &'static [Key],
}

impl Object {
    /// The names of the keys, in order: the reader's list of known keys.
    pub fn names(&self) -> Vec<&'static str> {
        self.keys.iter().map(|k| k.name).collect()
    }
}

const fn key(name: &'static str, kind: Kind, description: &'static str) -> Key {
    Key {
        name,
        kind,
        required: false,
        description,
    }
}

const fn required(name: &'static str, kind: Kind, description: &'static str) -> Key {
    Key {
        name,
        kind,
        required: true,
        description,
    }
}

/// `organisation:` of `reunion.yaml`.
pub static ORGANISATION: Object = Object {
    path: "organisation",
    keys: &[
        required(
            "nom",
            Kind::Text,
            "Nom de l'organisation, en tête des comptes rendus.",
        ),
        key(
            "logo",
            Kind::Text,
            "Chemin d'une image, relatif au dossier (ni chemin absolu, ni « .. »).",
        ),
    ],
};

/// One item of `territoires:` written as a mapping.
pub static TERRITORY: Object = Object {
    path: "territoires[]",
    keys: &[
        required(
            "nom",
            Kind::Text,
            "Nom du territoire, tel qu'il est publié.",
        ),
        key(
            "alias",
            Kind::TextList,
            "Autres façons de l'écrire, reconnues dans les fiches.",
        ),
    ],
};

/// One item of `reseaux:`.
pub static NETWORK: Object = Object {
    path: "reseaux[]",
    keys: &[
        required(
            "id",
            Kind::Id,
            "Identifiant du réseau, repris par « reseau: » dans les fiches.",
        ),
        required("nom", Kind::Text, "Nom du réseau."),
    ],
};

/// The top of `reunion.yaml`.
pub static CONFIG: Object = Object {
    path: "",
    keys: &[
        required(
            "organisation",
            Kind::Map(&ORGANISATION),
            "L'organisation qui tient les réunions : « nom: » et « logo: ».",
        ),
        key(
            "territoires",
            Kind::List(&TERRITORY, Some("un territoire sans alias")),
            "Le référentiel des territoires : « nom: » et « alias: ».",
        ),
        key(
            "reseaux",
            Kind::List(&NETWORK, None),
            "Les réseaux animés : « id: » et « nom: ».",
        ),
        key(
            "thematiques",
            Kind::TextList,
            "Le vocabulaire des thématiques ; si présent, seules celles-ci sont admises.",
        ),
        key(
            "types",
            Kind::TextList,
            "Le vocabulaire des types de réunion ; si présent, seuls ceux-ci sont admis.",
        ),
        key(
            "site",
            Kind::Url,
            "L'adresse (https://…) où le site est publié.",
        ),
    ],
};

/// A participant or an excused person.
pub static PARTICIPANT: Object = Object {
    path: "participants[]",
    keys: &[
        key("fonction", Kind::Text, "Fonction de la personne."),
        key("structure", Kind::Text, "Structure de la personne."),
        key(
            "territoire",
            Kind::Territoire,
            "Territoire de la personne, dans le référentiel de reunion.yaml.",
        ),
        key(
            "territoires",
            Kind::Territoires,
            "Territoires de la personne quand elle en couvre plusieurs (une liste).",
        ),
        key(
            "nom",
            Kind::Text,
            "Nom de la personne : donnée personnelle, publiée seulement avec --avec-noms.",
        ),
        key(
            "nombre",
            Kind::Count,
            "Combien de personnes cette ligne compte (un groupe).",
        ),
    ],
};

/// The votes on a decision.
pub static VOTE: Object = Object {
    path: "decisions[].vote",
    keys: &[
        key("pour", Kind::Count, "Voix pour."),
        key("contre", Kind::Count, "Voix contre."),
        key("abstention", Kind::Count, "Abstentions."),
    ],
};

/// A decision of the meeting or of a point, written as a mapping.
pub static DECISION: Object = Object {
    path: "decisions[]",
    keys: &[
        required("quoi", Kind::Text, "Ce qui est décidé."),
        key(
            "vote",
            Kind::Map(&VOTE),
            "Le vote : pour, contre, abstention.",
        ),
        key(
            "interne",
            Kind::Bool,
            "true : la décision n'est pas publiée (seulement avec render --interne).",
        ),
    ],
};

/// A point of the agenda.
pub static POINT: Object = Object {
    path: "points[]",
    keys: &[
        required("titre", Kind::Text, "Titre du point de l'ordre du jour."),
        key(
            "intervenants",
            Kind::List(&PARTICIPANT, Some("le nom d'une personne")),
            "Qui est intervenu, comme les participants.",
        ),
        key("contenu", Kind::Markdown, "Ce qui s'est dit (Markdown)."),
        key(
            "decisions",
            Kind::List(&DECISION, Some("le texte de la décision")),
            "Les décisions sur ce point : un texte, ou quoi et vote.",
        ),
        key(
            "interne",
            Kind::Bool,
            "true : le point n'est pas publié (seulement avec render --interne).",
        ),
    ],
};

const ACTION_OWN: [Key; 9] = [
    key(
        "id",
        Kind::Id,
        "Identifiant de l'action (par défaut : territoire et titre).",
    ),
    required(
        "territoire",
        Kind::Territoire,
        "Territoire de l'action, dans le référentiel de reunion.yaml.",
    ),
    required("titre", Kind::Text, "Titre de l'action."),
    key("porteur", Kind::Text, "Qui porte l'action."),
    key(
        "description",
        Kind::Markdown,
        "L'action en quelques lignes (Markdown).",
    ),
    key("thematiques", Kind::TextOrList, "Thématiques de l'action."),
    key("publics", Kind::TextOrList, "Publics visés."),
    key(
        "statut",
        Kind::Statut,
        "Où en est la fiche expérience (par défaut a_documenter).",
    ),
    key(
        "interne",
        Kind::Bool,
        "true : l'action n'est pas publiée (seulement avec render --interne).",
    ),
];

/// A section of the fiche expérience as a key of an action.
const fn section_key(section: Section) -> Key {
    let (name, kind, description) = match section {
        Section::Contexte => (
            "contexte",
            Kind::Markdown,
            "Fiche : la situation de départ, les besoins.",
        ),
        Section::Objectifs => ("objectifs", Kind::Markdown, "Fiche : ce que l'action vise."),
        Section::Partenaires => ("partenaires", Kind::TextOrList, "Fiche : qui y travaille."),
        Section::Moyens => (
            "moyens",
            Kind::Markdown,
            "Fiche : personnes, budget, lieux, outils.",
        ),
        Section::Resultats => ("resultats", Kind::Markdown, "Fiche : ce qui en est sorti."),
        Section::FacteursDeReussite => (
            "facteurs_de_reussite",
            Kind::Markdown,
            "Fiche : ce qui a fait que ça marche.",
        ),
        Section::PointsDeVigilance => (
            "points_de_vigilance",
            Kind::Markdown,
            "Fiche : ce qui demande attention pour la refaire ailleurs.",
        ),
        Section::Contact => (
            "contact",
            Kind::Text,
            "Fiche : à qui s'adresser (donnée personnelle, publiée seulement avec --avec-noms).",
        ),
    };
    key(name, kind, description)
}

/// The keys of an action: its own, then those of the fiche's sections
/// ([`SECTIONS`], the one list of them).
static ACTION_KEYS: [Key; ACTION_OWN.len() + SECTIONS.len()] = {
    let mut keys = [const { key("", Kind::Text, "") }; ACTION_OWN.len() + SECTIONS.len()];
    let mut i = 0;
    while i < ACTION_OWN.len() {
        keys[i] = key(
            ACTION_OWN[i].name,
            ACTION_OWN[i].kind,
            ACTION_OWN[i].description,
        );
        keys[i].required = ACTION_OWN[i].required;
        i += 1;
    }
    while i < keys.len() {
        keys[i] = section_key(SECTIONS[i - ACTION_OWN.len()].section);
        i += 1;
    }
    keys
};

/// An action told at the meeting.
pub static ACTION: Object = Object {
    path: "actions[]",
    keys: &ACTION_KEYS,
};

/// A follow-up.
pub static SUITE: Object = Object {
    path: "suites[]",
    keys: &[
        key(
            "id",
            Kind::Id,
            "Identifiant de la suite (par défaut : date et quoi).",
        ),
        required("quoi", Kind::Text, "Ce qui est à faire."),
        key("qui", Kind::Text, "Qui s'en charge."),
        key("echeance", Kind::Date, "Pour quand (AAAA-MM-JJ)."),
        key("fait", Kind::Bool, "true quand c'est fait."),
        key(
            "interne",
            Kind::Bool,
            "true : la suite n'est pas publiée (seulement avec render --interne).",
        ),
    ],
};

/// `prochaine_reunion:`.
pub static NEXT: Object = Object {
    path: "prochaine_reunion",
    keys: &[
        required(
            "date",
            Kind::Date,
            "Date de la prochaine réunion (AAAA-MM-JJ), après celle-ci.",
        ),
        key("debut", Kind::Hour, "Heure de début (HH:MM)."),
        key("fin", Kind::Hour, "Heure de fin (HH:MM), après le début."),
        key("modalite", Kind::Modalite, "presentiel, visio ou hybride."),
        key("lieu", Kind::Text, "Où."),
        key("note", Kind::Markdown, "Une précision (Markdown)."),
    ],
};

/// The top of a meeting record.
pub static MEETING: Object = Object {
    path: "",
    keys: &[
        required("titre", Kind::Text, "Titre de la réunion."),
        key(
            "type",
            Kind::Type,
            "La sorte de réunion (comité de pilotage, atelier…) ; sans elle, une rencontre.",
        ),
        key(
            "numero",
            Kind::Numero,
            "Le numéro du compte rendu, à partir de 1.",
        ),
        key("etat", Kind::Etat, "projet, diffuse ou approuve."),
        key(
            "approuve_le",
            Kind::Date,
            "Date d'approbation (AAAA-MM-JJ), avec etat: approuve.",
        ),
        key(
            "redaction",
            Kind::Person(&PARTICIPANT),
            "Qui a rédigé le compte rendu, comme un participant.",
        ),
        key(
            "co_organisateurs",
            Kind::TextOrList,
            "Les structures qui organisent la réunion avec vous.",
        ),
        key(
            "territoires",
            Kind::Territoires,
            "Les territoires dont la réunion traite, dans le référentiel.",
        ),
        required("date", Kind::Date, "Date de la réunion (AAAA-MM-JJ)."),
        key(
            "debut",
            Kind::Hour,
            "Heure de début (HH:MM, entre guillemets).",
        ),
        key("fin", Kind::Hour, "Heure de fin (HH:MM), après le début."),
        required(
            "modalite",
            Kind::Modalite,
            "Comment on s'est réuni : presentiel, visio ou hybride.",
        ),
        key("lieu", Kind::Text, "Où."),
        key(
            "reseau",
            Kind::Reseau,
            "Le réseau, un id déclaré dans reunion.yaml.",
        ),
        key(
            "objectifs",
            Kind::TextOrList,
            "Les objectifs de la réunion (Markdown).",
        ),
        key(
            "effectif",
            Kind::Count,
            "Le nombre de personnes présentes, quand la liste est partielle.",
        ),
        key(
            "participants",
            Kind::List(&PARTICIPANT, Some("le nom d'une personne")),
            "Qui était là : fonction, structure, territoire, nom.",
        ),
        key(
            "excuses",
            Kind::List(&PARTICIPANT, Some("le nom d'une personne")),
            "Qui s'est excusé, même forme que les participants.",
        ),
        key(
            "absents",
            Kind::List(&PARTICIPANT, Some("le nom d'une personne")),
            "Attendus, ni venus ni excusés, même forme que les participants.",
        ),
        key(
            "meteo",
            Kind::Markdown,
            "La météo du réseau : l'ambiance, les dynamiques (Markdown).",
        ),
        key(
            "ordre_du_jour",
            Kind::TextOrList,
            "L'ordre du jour annoncé, quand il diffère des points traités.",
        ),
        key(
            "points",
            Kind::List(&POINT, Some("le titre d'un point")),
            "L'ordre du jour, dans l'ordre : titre et contenu.",
        ),
        key(
            "decisions",
            Kind::List(&DECISION, Some("le texte de la décision")),
            "Les décisions de la réunion : un texte, ou quoi et vote.",
        ),
        key(
            "actions",
            Kind::List(&ACTION, None),
            "Les actions racontées, matière des fiches expérience.",
        ),
        key(
            "suites",
            Kind::List(&SUITE, None),
            "Ce qui est à faire après la réunion.",
        ),
        key(
            "prochaine_reunion",
            Kind::Map(&NEXT),
            "La prochaine réunion : date, debut, fin, modalite, lieu, note.",
        ),
    ],
};

/// The values of a closed list as written in a file.
pub fn allowed(kind: Kind) -> Option<Vec<&'static str>> {
    match kind {
        Kind::Modalite => Some(Modalite::ALL.iter().map(|m| m.as_str()).collect()),
        Kind::Statut => Some(Statut::ALL.iter().map(|s| s.as_str()).collect()),
        Kind::Etat => Some(Etat::ALL.iter().map(|s| s.as_str()).collect()),
        _ => None,
    }
}

/// The same values in words ([`Modalite::label`], [`Statut::label`]), which
/// the reader accepts too.
pub fn labels(kind: Kind) -> Vec<String> {
    match kind {
        Kind::Modalite => Modalite::ALL
            .iter()
            .map(|m| m.label().to_string())
            .collect(),
        Kind::Statut => Statut::ALL.iter().map(|s| s.label().to_string()).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<&'static Object> {
        vec![
            &CONFIG,
            &ORGANISATION,
            &TERRITORY,
            &NETWORK,
            &MEETING,
            &PARTICIPANT,
            &POINT,
            &DECISION,
            &VOTE,
            &ACTION,
            &SUITE,
            &NEXT,
        ]
    }

    #[test]
    fn every_key_is_described_once_per_object() {
        for object in all() {
            let names = object.names();
            for (i, key) in object.keys.iter().enumerate() {
                assert!(!key.name.is_empty(), "clé sans nom dans {}", object.path);
                assert!(
                    key.description.ends_with('.') || key.description.ends_with(')'),
                    "{}.{} : description « {} »",
                    object.path,
                    key.name,
                    key.description
                );
                assert!(
                    !names[..i].contains(&key.name),
                    "{}.{} deux fois",
                    object.path,
                    key.name
                );
            }
        }
    }

    #[test]
    fn actions_end_with_the_fiche_sections() {
        let names = ACTION.names();
        // Names written twice would drift: the fiche's table is the one list.
        for (section, key) in SECTIONS.iter().zip(&ACTION.keys[ACTION_OWN.len()..]) {
            assert_eq!(section.key, key.name);
        }
        assert_eq!(names[..2], ["id", "territoire"]);
    }

    #[test]
    fn closed_lists_come_from_the_model() {
        assert_eq!(
            allowed(Kind::Modalite).unwrap(),
            ["presentiel", "visio", "hybride"]
        );
        assert_eq!(allowed(Kind::Statut).unwrap().len(), 3);
        assert!(allowed(Kind::Text).is_none());
    }
}

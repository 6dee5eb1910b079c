//! A person's role written in French, where their name was: « la
//! principale du collège Marc Seguin », « le chargé de mission (IREV) ».
//!
//! The rule, chosen to be always correct rather than always elegant:
//! - the article comes from the gender a civility tells (« Mme »), else
//!   from the form of the function's first word (« directrice », «
//!   chargé »); a function that does not tell (« responsable ») gets « le
//!   ou la »; a function starting with a vowel gets « l' » whatever the
//!   gender;
//! - the structure follows with « du », « de la » or « de l' » when its
//!   first word is a common noun whose gender is known (« collège »,
//!   « ville »…), else between brackets (« (IREV) »), as its article is
//!   not known; when the function ends with the structure's first words
//!   (« Principale du collège » and « Collège Marc Seguin ») they are
//!   written once;
//! - a structure without a function gives « la représentante », « le
//!   représentant » or « la personne représentant ».

use crate::text::fold;

/// A grammatical gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// « la ».
    Feminine,
    /// « le ».
    Masculine,
}

/// The role of someone, with its article; `None` when neither function nor
/// structure is known.
pub fn phrase(
    fonction: Option<&str>,
    structure: Option<&str>,
    gender: Option<Gender>,
) -> Option<String> {
    let fonction = fonction.map(str::trim).filter(|s| !s.is_empty());
    let structure = structure.map(str::trim).filter(|s| !s.is_empty());
    match (fonction, structure) {
        (None, None) => None,
        (Some(f), s) => {
            let f = lower_first(f);
            let gender = gender.or_else(|| gender_of_function(&f));
            let mut out = with_article(&f, gender);
            if let Some(s) = s {
                out.push_str(&of_structure(&f, s));
            }
            Some(out)
        }
        (None, Some(s)) => Some(match gender {
            Some(Gender::Feminine) => format!("la représentante{}", of_structure("", s)),
            Some(Gender::Masculine) => format!("le représentant{}", of_structure("", s)),
            None => format!("la personne représentant {}", object(s)),
        }),
    }
}

/// The first letter in lower case, unless the first word is an acronym
/// (« CPE du collège » stays).
fn lower_first(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or("");
    let acronym = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if !acronym => c.to_lowercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

fn starts_with_vowel(text: &str) -> bool {
    text.chars().next().is_some_and(|c| {
        matches!(
            fold(&c.to_string()).as_str(),
            "a" | "e" | "i" | "o" | "u" | "y"
        )
    })
}

fn with_article(noun: &str, gender: Option<Gender>) -> String {
    if starts_with_vowel(noun) {
        return format!("l'{noun}");
    }
    match gender {
        Some(Gender::Feminine) => format!("la {noun}"),
        Some(Gender::Masculine) => format!("le {noun}"),
        None => format!("le ou la {noun}"),
    }
}

/// Endings of a feminine function (lower case, accents kept: « chargée »
/// but not « chargé »).
const FEMININE: [&str; 13] = [
    "trice", "euse", "ère", "ée", "ffe", "enne", "ive", "ale", "ante", "ente", "inte", "ette",
    "elle",
];

/// The gender the first word of a function tells, if it does: « chargée
/// de mission » is feminine, « directeur » masculine, « responsable » says
/// nothing.
pub fn gender_of_function(fonction: &str) -> Option<Gender> {
    let word = fonction
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
        .next()?
        .to_lowercase();
    let last = word.chars().last()?;
    if FEMININE.iter().any(|e| word.ends_with(e)) {
        Some(Gender::Feminine)
    } else if last == 'é' || (last.is_alphabetic() && !"aeiouy".contains(last)) {
        Some(Gender::Masculine)
    } else {
        None
    }
}

/// Common nouns that begin names of structures, folded, with their gender.
const STRUCTURE_NOUNS: [(&str, Gender); 64] = {
    use Gender::{Feminine as F, Masculine as M};
    [
        ("academie", F),
        ("agence", F),
        ("agglomeration", F),
        ("association", F),
        ("bibliotheque", F),
        ("caf", F),
        ("caisse", F),
        ("cite", F),
        ("collectivite", F),
        ("commune", F),
        ("communaute", F),
        ("compagnie", F),
        ("coordination", F),
        ("cpam", F),
        ("creche", F),
        ("ddets", F),
        ("delegation", F),
        ("direction", F),
        ("drajes", F),
        ("dsden", F),
        ("ecole", F),
        ("entreprise", F),
        ("federation", F),
        ("fondation", F),
        ("ligue", F),
        ("maison", F),
        ("mairie", F),
        ("mediatheque", F),
        ("metropole", F),
        ("mission", F),
        ("plateforme", F),
        ("prefecture", F),
        ("region", F),
        ("residence", F),
        ("union", F),
        ("universite", F),
        ("ville", F),
        ("bailleur", M),
        ("cabinet", M),
        ("ccas", M),
        ("centre", M),
        ("club", M),
        ("collectif", M),
        ("college", M),
        ("comite", M),
        ("conseil", M),
        ("departement", M),
        ("espace", M),
        ("etablissement", M),
        ("foyer", M),
        ("gip", M),
        ("groupement", M),
        ("institut", M),
        ("lycee", M),
        ("ministere", M),
        ("musee", M),
        ("office", M),
        ("pole", M),
        ("programme", M),
        ("rectorat", M),
        ("relais", M),
        ("reseau", M),
        ("service", M),
        ("syndicat", M),
    ]
};

fn structure_gender(structure: &str) -> Option<Gender> {
    let first = fold(structure.split_whitespace().next()?);
    STRUCTURE_NOUNS
        .iter()
        .find(|(noun, _)| *noun == first)
        .map(|&(_, g)| g)
}

/// What follows a function to say its structure, with its leading space.
fn of_structure(fonction: &str, structure: &str) -> String {
    if let Some(rest) = overlap(fonction, structure) {
        return if rest.is_empty() {
            String::new()
        } else {
            format!(" {rest}")
        };
    }
    match structure_gender(structure) {
        Some(_) if starts_with_vowel(structure) => format!(" de l'{structure}"),
        Some(Gender::Feminine) => format!(" de la {structure}"),
        Some(Gender::Masculine) => format!(" du {structure}"),
        None => format!(" ({structure})"),
    }
}

/// A structure as the object of « représentant ».
fn object(structure: &str) -> String {
    match structure_gender(structure) {
        Some(_) if starts_with_vowel(structure) => format!("l'{structure}"),
        Some(Gender::Feminine) => format!("la {structure}"),
        Some(Gender::Masculine) => format!("le {structure}"),
        None => structure.to_string(),
    }
}

/// When the function ends with the first words of the structure
/// (« … du collège » and « Collège Marc Seguin »), the rest of the
/// structure (« Marc Seguin »).
fn overlap<'s>(fonction: &str, structure: &'s str) -> Option<&'s str> {
    let f: Vec<String> = fonction.split_whitespace().map(fold).collect();
    let s: Vec<(usize, String)> = structure
        .split_whitespace()
        .map(|w| {
            let at = w.as_ptr() as usize - structure.as_ptr() as usize;
            (at + w.len(), fold(w))
        })
        .collect();
    (1..=s.len().min(f.len().saturating_sub(1)))
        .rev()
        .find(|&n| f[f.len() - n..].iter().eq(s[..n].iter().map(|(_, w)| w)))
        .map(|n| structure[s[n - 1].0..].trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Gender::{Feminine, Masculine};

    fn p(f: Option<&str>, s: Option<&str>, g: Option<Gender>) -> String {
        phrase(f, s, g).unwrap()
    }

    #[test]
    fn function_and_structure_written_once() {
        assert_eq!(
            p(
                Some("Principale du collège"),
                Some("Collège Marc Seguin"),
                None
            ),
            "la principale du collège Marc Seguin"
        );
        assert_eq!(
            p(Some("Principal"), Some("Collège Marc Seguin"), None),
            "le principal du Collège Marc Seguin"
        );
        assert_eq!(
            p(Some("Coordinatrice"), Some("Ville de Saint-Étienne"), None),
            "la coordinatrice de la Ville de Saint-Étienne"
        );
        assert_eq!(
            p(Some("Chargée de mission"), Some("IREV"), None),
            "la chargée de mission (IREV)"
        );
        assert_eq!(
            p(Some("Directeur"), Some("Association Les Amis"), None),
            "le directeur de l'Association Les Amis"
        );
        assert_eq!(
            p(Some("Cheffe de projet"), Some("Cité éducative"), None),
            "la cheffe de projet de la Cité éducative"
        );
    }

    #[test]
    fn the_article_from_the_civility_then_the_function() {
        assert_eq!(p(Some("Responsable"), None, None), "le ou la responsable");
        assert_eq!(
            p(Some("Responsable"), None, Some(Feminine)),
            "la responsable"
        );
        assert_eq!(
            p(Some("Chef de projet"), None, Some(Feminine)),
            "la chef de projet"
        );
        assert_eq!(
            p(Some("Chargé de mission"), None, None),
            "le chargé de mission"
        );
        assert_eq!(
            p(Some("Adjointe au maire"), None, None),
            "l'adjointe au maire"
        );
        assert_eq!(p(Some("Élu"), None, Some(Masculine)), "l'élu");
        assert_eq!(
            p(Some("CPE"), Some("Lycée Jean Moulin"), None),
            "le ou la CPE du Lycée Jean Moulin"
        );
        assert_eq!(
            p(Some("Déléguée du préfet"), None, None),
            "la déléguée du préfet"
        );
        assert_eq!(
            p(Some("Délégué du préfet"), None, None),
            "le délégué du préfet"
        );
    }

    #[test]
    fn a_structure_alone() {
        assert_eq!(
            p(None, Some("CAF du Nord"), Some(Feminine)),
            "la représentante de la CAF du Nord"
        );
        assert_eq!(
            p(None, Some("Centre social"), Some(Masculine)),
            "le représentant du Centre social"
        );
        assert_eq!(p(None, Some("IREV"), None), "la personne représentant IREV");
        assert_eq!(phrase(None, None, Some(Feminine)), None);
    }

    #[test]
    fn genders_of_functions() {
        assert_eq!(gender_of_function("directrice"), Some(Feminine));
        assert_eq!(gender_of_function("référente famille"), Some(Feminine));
        assert_eq!(gender_of_function("animateur"), Some(Masculine));
        assert_eq!(gender_of_function("secrétaire"), None);
    }
}

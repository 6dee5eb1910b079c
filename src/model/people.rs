//! The people a record declares (personal data) and the texts it
//! publishes, where their names must not appear: what
//! [`crate::privacy`] works on.
//!
//! Both lists are here once. A new key that declares someone adds one line
//! to [`declared`]; a new published text, one line to `public_texts!`.

use super::fiche::SECTIONS;
use super::{Participant, Reunion};
use crate::privacy::{People, Person};

/// The people of one record: every `nom` of its participants, excused and
/// absent, of the writer of the minutes and of the speakers of its points,
/// and the contact of its actions when it begins with a name.
pub fn declared(r: &Reunion) -> impl Iterator<Item = Person> + '_ {
    let person = |p: &Participant| {
        p.nom
            .as_deref()
            .map(|nom| Person::new(nom, p.fonction.as_deref(), p.structure.as_deref()))
    };
    let participants = r.participants.iter().filter_map(person);
    let excuses = r.excuses.iter().filter_map(person);
    let absents = r.absents.iter().chain(&r.redaction).filter_map(person);
    let intervenants = r
        .points
        .iter()
        .flat_map(|p| &p.intervenants)
        .filter_map(person);
    let contacts = r
        .actions
        .iter()
        .filter_map(|a| a.redaction.contact.as_deref())
        .filter_map(contact_name)
        .map(|nom| Person::new(nom, None, None));
    participants
        .chain(excuses)
        .chain(absents)
        .chain(intervenants)
        .chain(contacts)
}

/// The people of every record, to find their names in any of them (a
/// person declared at one meeting is named in another's minutes).
pub fn people<'r>(reunions: impl IntoIterator<Item = &'r Reunion>) -> People {
    People::new(reunions.into_iter().flat_map(declared))
}

/// The name a contact begins with: « Marie Curie, marie@example.org » is
/// « Marie Curie ». Only two to four words that all begin with a capital
/// are taken for a name, so that « Service jeunesse, 03 20 … » or « Mairie
/// de Lille » declare nobody (their words would then be hidden
/// everywhere).
pub fn contact_name(contact: &str) -> Option<&str> {
    let head = contact
        .split([',', ';', '(', '\n', '<', ':', '/', '–', '—', '|'])
        .next()?
        .trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    let name_like = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
    };
    ((2..=4).contains(&words.len()) && words.iter().all(name_like)).then_some(head)
}

/// One step of a field path: a key or an index in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// `points`.
    Key(&'static str),
    /// `[2]`.
    Index(usize),
}

/// A field path as diagnostics write it: `points[2].contenu`.
pub fn path_string(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => {
                out.push_str(&format!("[{i}]"));
            }
        }
    }
    out
}

/// Every published text of a record, with its path: written once for both
/// [`each_public_text`] and [`each_public_text_mut`] (`$m` is `mut` or
/// nothing, `$field` the fiche section's accessor, `$iter` the lists').
macro_rules! public_texts {
    ($r:expr, $f:expr, $field:ident, $iter:ident $(, $m:tt)?) => {{
        use Step::{Index as I, Key as K};
        let r = $r;
        let f = $f;
        f(&[K("titre")], & $($m)? r.titre);
        if let Some(t) = & $($m)? r.kind {
            f(&[K("type")], t);
        }
        if let Some(t) = & $($m)? r.lieu {
            f(&[K("lieu")], t);
        }
        for (i, t) in r.co_organisateurs.$iter().enumerate() {
            f(&[K("co_organisateurs"), I(i)], t);
        }
        for (i, t) in r.objectifs.$iter().enumerate() {
            f(&[K("objectifs"), I(i)], t);
        }
        if let Some(t) = & $($m)? r.meteo {
            f(&[K("meteo")], t);
        }
        for (i, t) in r.ordre_du_jour.$iter().enumerate() {
            f(&[K("ordre_du_jour"), I(i)], t);
        }
        for (i, p) in r.points.$iter().enumerate() {
            f(&[K("points"), I(i), K("titre")], & $($m)? p.titre);
            if let Some(t) = & $($m)? p.contenu {
                f(&[K("points"), I(i), K("contenu")], t);
            }
            for (j, d) in p.decisions.$iter().enumerate() {
                f(&[K("points"), I(i), K("decisions"), I(j), K("quoi")], & $($m)? d.quoi);
            }
        }
        for (i, d) in r.decisions.$iter().enumerate() {
            f(&[K("decisions"), I(i), K("quoi")], & $($m)? d.quoi);
        }
        for (i, a) in r.actions.$iter().enumerate() {
            f(&[K("actions"), I(i), K("titre")], & $($m)? a.titre);
            if let Some(t) = & $($m)? a.porteur {
                f(&[K("actions"), I(i), K("porteur")], t);
            }
            if let Some(t) = & $($m)? a.description {
                f(&[K("actions"), I(i), K("description")], t);
            }
            for (j, t) in a.publics.$iter().enumerate() {
                f(&[K("actions"), I(i), K("publics"), I(j)], t);
            }
            for (j, t) in a.redaction.partenaires.$iter().enumerate() {
                f(&[K("actions"), I(i), K("partenaires"), I(j)], t);
            }
            // `contact` is personal data: published only with --avec-noms.
            for info in SECTIONS.iter().filter(|s| !s.personal) {
                if let Some(Some(t)) = info.section.$field(& $($m)? a.redaction) {
                    f(&[K("actions"), I(i), K(info.key)], t);
                }
            }
        }
        for (i, s) in r.suites.$iter().enumerate() {
            f(&[K("suites"), I(i), K("quoi")], & $($m)? s.quoi);
            if let Some(t) = & $($m)? s.qui {
                f(&[K("suites"), I(i), K("qui")], t);
            }
        }
        if let Some(n) = & $($m)? r.prochaine_reunion {
            if let Some(t) = & $($m)? n.lieu {
                f(&[K("prochaine_reunion"), K("lieu")], t);
            }
            if let Some(t) = & $($m)? n.note {
                f(&[K("prochaine_reunion"), K("note")], t);
            }
        }
    }};
}

/// Calls `f` on every published text of `r` with its field path.
pub fn each_public_text(r: &Reunion, f: &mut dyn FnMut(&[Step], &String)) {
    public_texts!(r, f, field, iter);
}

/// Calls `f` on every published text of `r`, to rewrite it.
pub fn each_public_text_mut(r: &mut Reunion, f: &mut dyn FnMut(&[Step], &mut String)) {
    public_texts!(r, f, field_mut, iter_mut, mut);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_declares_a_name_only_when_it_begins_with_one() {
        assert_eq!(
            contact_name("Marie Curie, marie@example.org"),
            Some("Marie Curie")
        );
        assert_eq!(
            contact_name("Jean-Pierre LE GALL (CAF)"),
            Some("Jean-Pierre LE GALL")
        );
        assert_eq!(contact_name("Service jeunesse, 03 20 00 00 00"), None);
        assert_eq!(contact_name("Mairie de Lille"), None);
        assert_eq!(contact_name("Camille"), None);
        assert_eq!(contact_name("marie@example.org"), None);
    }

    #[test]
    fn paths_as_diagnostics_write_them() {
        assert_eq!(
            path_string(&[Step::Key("points"), Step::Index(2), Step::Key("contenu")]),
            "points[2].contenu"
        );
    }
}

//! A text cut into words, as names are looked for: letters and digits,
//! folded for comparison, with what separates each word from the next.

use super::role::Gender;
use std::borrow::Cow;

/// One word of a text.
#[derive(Debug, Clone)]
pub struct Word<'t> {
    /// Byte range in the text.
    pub start: usize,
    /// End of the range.
    pub end: usize,
    /// As written.
    pub text: &'t str,
    /// Folded ([`crate::text::fold`]): `Nordéz` is `nordez`. Borrowed for
    /// a word already in lower-case ASCII, most words of a text: every
    /// published text of a folder is read by `check`.
    pub folded: Cow<'t, str>,
}

impl Word<'_> {
    /// Whether it starts with a capital letter.
    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether every letter is a capital, and there are two at least
    /// (« NORDEZ », not « A »).
    pub fn all_capitals(&self) -> bool {
        self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && self
                .text
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase())
    }
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word<'_>> {
    Words { text, pos: 0 }.collect()
}

/// The words of a text one after the other, read as they are asked for.
struct Words<'t> {
    text: &'t str,
    /// Byte where the next word is looked for.
    pos: usize,
}

impl<'t> Iterator for Words<'t> {
    type Item = Word<'t>;

    fn next(&mut self) -> Option<Word<'t>> {
        let rest = &self.text[self.pos..];
        let (at, _) = rest.char_indices().find(|(_, c)| c.is_alphanumeric())?;
        let start = self.pos + at;
        let end = self.text[start..]
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(self.text.len(), |(i, _)| start + i);
        self.pos = end;
        Some(word(self.text, start, end))
    }
}

/// The words of a text around the one being read: the word before it and
/// `ahead` words after it, never the whole text's. A published text may
/// be megabytes of one-letter words, and `render` looks at several at once.
pub struct Window<'t> {
    words: Words<'t>,
    /// Words from number `first` on.
    kept: Vec<Word<'t>>,
    first: usize,
    ahead: usize,
}

impl<'t> Window<'t> {
    /// The words of `text`, `ahead` words looked at after the current one.
    pub fn new(text: &'t str, ahead: usize) -> Self {
        Window {
            words: Words { text, pos: 0 },
            kept: Vec::new(),
            first: 0,
            ahead,
        }
    }

    /// Around word `i` (never before the last asked): the words kept,
    /// and where word `i` is among them (past their end when the text
    /// has no word `i`). Every word from the one before `i` to `ahead`
    /// words after it is kept, if the text has it.
    pub fn at(&mut self, i: usize) -> (&[Word<'t>], usize) {
        let keep_from = i.saturating_sub(1).max(self.first);
        // Dropped in batches, so that each word is moved a bounded
        // number of times.
        if keep_from - self.first > 4 * self.ahead + 64 {
            self.kept.drain(..keep_from - self.first);
            self.first = keep_from;
        }
        while self.first + self.kept.len() <= i + self.ahead {
            match self.words.next() {
                Some(w) => self.kept.push(w),
                None => break,
            }
        }
        (&self.kept, i - self.first)
    }
}

fn word(text: &str, start: usize, end: usize) -> Word<'_> {
    let t = &text[start..end];
    let folded = if !t.is_ascii() {
        Cow::Owned(crate::text::fold(t))
    } else if t.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(t.to_ascii_lowercase())
    } else {
        Cow::Borrowed(t)
    };
    Word {
        start,
        end,
        text: t,
        folded,
    }
}

/// Whether the text between two words is only spaces (a non-breaking
/// space too, a line break of a block): the two belong to one name.
pub fn spaced(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace)
}

/// Whether two words are joined by a hyphen (« Jean-Pierre »).
pub fn hyphenated(gap: &str) -> bool {
    matches!(gap, "-" | "\u{2011}")
}

/// Whether the words `a` then `b` of `text` may be two words of one name.
pub fn joined(text: &str, a: &Word<'_>, b: &Word<'_>) -> bool {
    let gap = &text[a.end..b.start];
    spaced(gap) || hyphenated(gap)
}

/// The civilities, folded, with the gender they tell and whether they must
/// be written with a capital (short forms: « m. » in a text is no
/// civility).
const CIVILITIES: [(&str, Option<Gender>, bool); 14] = [
    ("m", Some(Gender::Masculine), true),
    ("mr", Some(Gender::Masculine), true),
    ("monsieur", Some(Gender::Masculine), false),
    ("mme", Some(Gender::Feminine), true),
    ("madame", Some(Gender::Feminine), false),
    ("mlle", Some(Gender::Feminine), true),
    ("melle", Some(Gender::Feminine), true),
    ("mademoiselle", Some(Gender::Feminine), false),
    ("dr", None, true),
    ("docteur", None, false),
    ("docteure", Some(Gender::Feminine), false),
    ("pr", None, true),
    ("professeur", None, false),
    ("professeure", Some(Gender::Feminine), false),
];

/// A civility at word `i` of `text`: the gender it tells and the byte where
/// it ends (after its dot, if any). « M » must be followed by its dot.
pub fn civility(text: &str, words: &[Word<'_>], i: usize) -> Option<(Option<Gender>, usize)> {
    let w = &words[i];
    let &(folded, gender, capital) = CIVILITIES.iter().find(|(f, ..)| *f == w.folded)?;
    if capital && !w.capitalised() {
        return None;
    }
    let dotted = text[w.end..].starts_with('.');
    if folded == "m" && (!dotted || w.text != "M") {
        return None;
    }
    Some((gender, if dotted { w.end + 1 } else { w.end }))
}

/// The words of a declared name, folded, without a civility before them,
/// and the gender that civility tells.
pub fn name_words(name: &str) -> (Option<Gender>, Vec<String>) {
    let ws = words(name);
    let (gender, skip) = match ws.first().and_then(|_| civility(name, &ws, 0)) {
        Some((g, _)) if ws.len() > 1 => (g, 1),
        _ => (None, 0),
    };
    (
        gender,
        ws[skip..].iter().map(|w| w.folded.to_string()).collect(),
    )
}

/// A declared name cut into given names and surname, folded: the words in
/// capitals are the surname (« NORDEZ Chantal »), else the first given
/// name (with the words hyphenated to it: « Jean-Pierre ») comes first
/// and the rest is the surname (« Le Gall »). `None` for a name of one
/// word.
pub fn split_name(name: &str) -> Option<(Vec<String>, Vec<String>)> {
    let all = words(name);
    let skip = usize::from(all.len() > 1 && civility(name, &all, 0).is_some());
    let ws = &all[skip..];
    if ws.len() < 2 {
        return None;
    }
    let folded = |ws: &[Word<'_>]| ws.iter().map(|w| w.folded.to_string()).collect::<Vec<_>>();
    let capitals: Vec<bool> = ws.iter().map(Word::all_capitals).collect();
    if capitals.iter().any(|&c| c) && !capitals.iter().all(|&c| c) {
        let surname: Vec<Word<'_>> = ws.iter().filter(|w| w.all_capitals()).cloned().collect();
        let given: Vec<Word<'_>> = ws.iter().filter(|w| !w.all_capitals()).cloned().collect();
        return Some((folded(&given), folded(&surname)));
    }
    let mut first = 1;
    while first < ws.len() && hyphenated(&name[ws[first - 1].end..ws[first].start]) {
        first += 1;
    }
    if first == ws.len() {
        return None;
    }
    Some((folded(&ws[..first]), folded(&ws[first..])))
}

/// The initials of the words of `text`: « Jean-Pierre Le Gall » is
/// « J.-P. L. G. ».
pub fn initials(text: &str) -> String {
    let ws = words(text);
    let mut out = String::new();
    for (i, w) in ws.iter().enumerate() {
        if i > 0 {
            out.push(if hyphenated(&text[ws[i - 1].end..w.start]) {
                '-'
            } else {
                ' '
            });
        }
        out.extend(
            w.text
                .chars()
                .next()
                .into_iter()
                .flat_map(char::to_uppercase),
        );
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_sees_every_word_in_turn() {
        let text = "un, deux-trois  Mme\u{a0}Nordez. ".repeat(500);
        let all = words(&text);
        let mut window = Window::new(&text, 5);
        for i in 0..all.len() + 3 {
            let (kept, at) = window.at(i);
            let expected = all
                .get(i.saturating_sub(1)..all.len().min(i + 6))
                .unwrap_or(&[]);
            let seen = kept
                .get(at.saturating_sub(usize::from(i > 0))..)
                .unwrap_or(&[]);
            let seen = &seen[..seen.len().min(expected.len())];
            let span = |ws: &[Word<'_>]| ws.iter().map(|w| (w.start, w.end)).collect::<Vec<_>>();
            assert_eq!(span(seen), span(expected), "mot {i}");
            assert!(kept.len() <= 4 * 5 + 64 + 7, "{} mots gardés", kept.len());
        }
    }

    #[test]
    fn words_and_their_gaps() {
        let t = "Mme\u{a0}Nordez, d'Émilie Jean-Pierre";
        let ws = words(t);
        let texts: Vec<&str> = ws.iter().map(|w| w.text).collect();
        assert_eq!(texts, ["Mme", "Nordez", "d", "Émilie", "Jean", "Pierre"]);
        assert_eq!(ws[3].folded, "emilie");
        assert!(joined(t, &ws[0], &ws[1]));
        assert!(!joined(t, &ws[1], &ws[2]));
        assert!(joined(t, &ws[4], &ws[5]));
    }

    #[test]
    fn civilities() {
        let t = "M. Dupont, M Durand, m. x, Madame Leroy, madame Roy, Dr Martin, dr Who";
        let ws = words(t);
        let found: Vec<&str> = (0..ws.len())
            .filter(|&i| civility(t, &ws, i).is_some())
            .map(|i| ws[i].text)
            .collect();
        assert_eq!(found, ["M", "Madame", "madame", "Dr"]);
        assert_eq!(civility(t, &ws, 0), Some((Some(Gender::Masculine), 2)));
    }

    #[test]
    fn names_are_split_into_given_names_and_surname() {
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            split_name("Chantal Nordez"),
            Some((s(&["chantal"]), s(&["nordez"])))
        );
        assert_eq!(
            split_name("Mme NORDEZ Chantal"),
            Some((s(&["chantal"]), s(&["nordez"])))
        );
        assert_eq!(
            split_name("Jean-Pierre Le Gall"),
            Some((s(&["jean", "pierre"]), s(&["le", "gall"])))
        );
        assert_eq!(split_name("Camille"), None);
        assert_eq!(split_name("Mme Camille"), None);
        assert_eq!(name_words("Mme Nordez").0, Some(Gender::Feminine));
    }

    #[test]
    fn initials_keep_hyphens() {
        assert_eq!(initials("Jean-Pierre Le Gall"), "J.-P. L. G.");
        assert_eq!(initials("émilie"), "É.");
    }
}

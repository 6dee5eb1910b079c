//! The calendar of the network: the meetings held and the meetings announced
//! (a `prochaine_reunion` with no record yet), and their iCalendar file.
//!
//! An announced meeting and the record later written for it share one UID
//! (date and network), so a subscribed calendar shows one event that gains
//! its details, never two. Nothing depends on the clock: DTSTAMP comes from
//! the data, so the file diffs cleanly in git.

use crate::config::Config;
use crate::model::{Modalite, Reunion};
use crate::text::slug;
use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;

/// One meeting in the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evenement {
    /// Stable identifier, shared by an announcement and its record.
    pub uid: String,
    /// Its date.
    pub date: NaiveDate,
    /// Start time, when known.
    pub debut: Option<NaiveTime>,
    /// End time, when known.
    pub fin: Option<NaiveTime>,
    /// Title.
    pub titre: String,
    /// How people attend, when known.
    pub modalite: Option<Modalite>,
    /// Where.
    pub lieu: Option<String>,
    /// Network id.
    pub reseau: Option<String>,
    /// A note (the announcement's).
    pub note: Option<String>,
    /// The record, when one exists: its file (relative to the folder) and
    /// the path of its compte rendu in the site (`reunions/….html`, encoded
    /// for a URL), the same page name `render` gives it.
    pub compte_rendu: Option<(String, String)>,
    /// The date the information comes from (the record's date, or the date
    /// of the meeting that announced it): the DTSTAMP.
    pub source: NaiveDate,
}

impl Evenement {
    /// Whether this is only announced.
    pub fn annoncee(&self) -> bool {
        self.compte_rendu.is_none()
    }
}

fn uid_for(date: NaiveDate, reseau: Option<&str>, config: &Config) -> String {
    let domain = match slug(&config.organisation.nom) {
        s if s.is_empty() => "reunion".to_string(),
        s => s,
    };
    format!(
        "{}-{}@{domain}.reunion",
        date.format("%Y%m%d"),
        reseau.unwrap_or("reunion")
    )
}

/// Every meeting held and every announced meeting without a record, by date.
pub fn events(reunions: &[Reunion], config: &Config) -> Vec<Evenement> {
    let mut out: Vec<Evenement> = Vec::new();
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    // Pages are named as the site names them: a file name that is not a
    // valid page name, or two records with the same name in two folders,
    // do not give the page the file's name.
    let pages = crate::render::views::Pages::new(reunions, config);
    let mut sorted: Vec<&Reunion> = reunions.iter().collect();
    sorted.sort_by(|a, b| (a.date, &a.fichier).cmp(&(b.date, &b.fichier)));
    for r in &sorted {
        let base = uid_for(r.date, r.reseau.as_deref(), config);
        // Two records of one network on one day keep distinct UIDs.
        let n = taken.entry(base.clone()).or_insert(0);
        *n += 1;
        let uid = if *n == 1 {
            base
        } else {
            base.replacen('@', &format!("-{n}@"), 1)
        };
        out.push(Evenement {
            uid,
            date: r.date,
            debut: r.debut,
            fin: r.fin,
            titre: r.titre.clone(),
            modalite: Some(r.modalite),
            lieu: r.lieu.clone(),
            reseau: r.reseau.clone(),
            note: None,
            compte_rendu: Some((r.fichier.clone(), format!("{}.html", pages.reunion_lien(r)))),
            source: r.date,
        });
    }
    // The announcement of the latest meeting of each network, when no record
    // of that network exists on that date.
    let mut latest: BTreeMap<Option<&str>, &Reunion> = BTreeMap::new();
    for r in &sorted {
        latest.insert(r.reseau.as_deref(), r);
    }
    for (reseau, r) in latest {
        let Some(next) = &r.prochaine_reunion else {
            continue;
        };
        if sorted
            .iter()
            .any(|o| o.date == next.date && o.reseau.as_deref() == reseau)
        {
            continue;
        }
        let titre = match reseau.and_then(|id| config.reseau(id)) {
            Some(res) => format!("Prochaine rencontre : {}", res.nom),
            None => format!(
                "Prochaine rencontre (annoncée le {})",
                crate::dates::medium_date(r.date)
            ),
        };
        out.push(Evenement {
            uid: uid_for(next.date, reseau, config),
            date: next.date,
            debut: next.debut,
            fin: next.fin,
            titre,
            modalite: next.modalite,
            lieu: next.lieu.clone(),
            reseau: reseau.map(String::from),
            note: next.note.clone(),
            compte_rendu: None,
            source: r.date,
        });
    }
    out.sort_by(|a, b| (a.date, a.debut, &a.uid).cmp(&(b.date, b.debut, &b.uid)));
    out
}

/// The events on or after `today`.
pub fn coming(events: &[Evenement], today: NaiveDate) -> Vec<Evenement> {
    events.iter().filter(|e| e.date >= today).cloned().collect()
}

// ---- iCalendar (RFC 5545) ---------------------------------------------------

/// Europe/Paris since 1996: the rules every client expects in a VTIMEZONE.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Paris",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets without splitting a UTF-8
/// character (RFC 5545 §3.1), ended by CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        // The first line holds 75 octets; continuations start with a space.
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// Options of the calendar file.
#[derive(Debug, Clone, Default)]
pub struct IcsOptions {
    /// Base URL of the published site, to link each compte rendu; without it
    /// the description gives the page's path in the site.
    pub site: Option<String>,
}

fn description(e: &Evenement, options: &IcsOptions) -> String {
    let mut parts = Vec::new();
    if let Some(m) = e.modalite {
        parts.push(m.label().to_string());
    }
    if let Some(note) = &e.note {
        parts.push(note.clone());
    }
    match &e.compte_rendu {
        Some((_, page)) => {
            let link = match &options.site {
                Some(base) => format!("{}/{page}", base.trim_end_matches('/')),
                None => page.clone(),
            };
            parts.push(format!("Compte rendu : {link}"));
        }
        None => parts.push("Réunion annoncée ; le compte rendu suivra.".to_string()),
    }
    parts.join("\n")
}

/// The whole calendar as an iCalendar file.
pub fn ics(events: &[Evenement], config: &Config, options: &IcsOptions) -> String {
    let mut out = String::new();
    let name = if config.organisation.nom.is_empty() {
        "Réunions".to_string()
    } else {
        format!("Réunions – {}", config.organisation.nom)
    };
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//reunion//comptes rendus de réseau//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape(&name)));
    push_line(&mut out, "X-WR-TIMEZONE:Europe/Paris");
    for line in VTIMEZONE {
        push_line(&mut out, line);
    }
    for e in events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", e.uid));
        push_line(
            &mut out,
            &format!("DTSTAMP:{}T000000Z", e.source.format("%Y%m%d")),
        );
        match e.debut {
            Some(debut) => {
                let stamp =
                    |t: NaiveTime| format!("{}T{}", e.date.format("%Y%m%d"), t.format("%H%M%S"));
                push_line(
                    &mut out,
                    &format!("DTSTART;TZID=Europe/Paris:{}", stamp(debut)),
                );
                if let Some(fin) = e.fin.filter(|f| *f > debut) {
                    push_line(&mut out, &format!("DTEND;TZID=Europe/Paris:{}", stamp(fin)));
                }
            }
            None => {
                let next = e.date.succ_opt().unwrap_or(e.date);
                push_line(
                    &mut out,
                    &format!("DTSTART;VALUE=DATE:{}", e.date.format("%Y%m%d")),
                );
                push_line(
                    &mut out,
                    &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
                );
            }
        }
        push_line(&mut out, &format!("SUMMARY:{}", escape(&e.titre)));
        let lieu = match (&e.lieu, e.modalite) {
            (Some(l), _) => Some(l.clone()),
            (None, Some(Modalite::Visio)) => Some("En visio".to_string()),
            _ => None,
        };
        if let Some(lieu) = lieu {
            push_line(&mut out, &format!("LOCATION:{}", escape(&lieu)));
        }
        push_line(
            &mut out,
            &format!("DESCRIPTION:{}", escape(&description(e, options))),
        );
        if let (Some((_, page)), Some(base)) = (&e.compte_rendu, &options.site) {
            push_line(
                &mut out,
                &format!("URL:{}/{page}", base.trim_end_matches('/')),
            );
        }
        push_line(
            &mut out,
            &format!(
                "STATUS:{}",
                if e.annoncee() {
                    "TENTATIVE"
                } else {
                    "CONFIRMED"
                }
            ),
        );
        push_line(&mut out, "TRANSP:OPAQUE");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_respects_octets_and_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(60));
        push_line(&mut out, &line);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}

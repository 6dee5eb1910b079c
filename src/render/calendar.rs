//! The calendar as an iCalendar file (RFC 5545): the events of
//! `analysis::agenda`, each compte rendu linked under the page name the site
//! gives it. The same file for `reunion agenda --ics` and the site's
//! `agenda.ics`. Nothing depends on the clock: DTSTAMP comes from the data,
//! so the file diffs cleanly in git.

use crate::analysis::agenda::Evenement;
use crate::model::Modalite;
use crate::read::config::Config;
use crate::render::views::Pages;
use chrono::NaiveTime;

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

/// The path of a compte rendu in the site (`reunions/….html`, encoded for a
/// URL): the page name `render` gives it, which is not always the file's
/// (a name that cannot be a page, two records of one name in two folders).
fn page(e: &Evenement, pages: &Pages) -> Option<String> {
    let fichier = e.compte_rendu.as_ref()?;
    Some(format!("{}.html", pages.reunion_lien_of(fichier)?))
}

fn description(e: &Evenement, page: Option<&str>, options: &IcsOptions) -> String {
    let mut parts = Vec::new();
    if let Some(m) = e.modalite {
        parts.push(m.label().to_string());
    }
    if let Some(note) = &e.note {
        parts.push(note.clone());
    }
    match page {
        Some(page) => {
            let link = match &options.site {
                Some(base) => format!("{}/{page}", base.trim_end_matches('/')),
                None => page.to_string(),
            };
            parts.push(format!("Compte rendu : {link}"));
        }
        None => parts.push("Réunion annoncée ; le compte rendu suivra.".to_string()),
    }
    parts.join("\n")
}

/// The whole calendar as an iCalendar file.
pub fn ics(events: &[Evenement], pages: &Pages, config: &Config, options: &IcsOptions) -> String {
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
        let page = page(e, pages);
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
            &format!(
                "DESCRIPTION:{}",
                escape(&description(e, page.as_deref(), options))
            ),
        );
        if let (Some(page), Some(base)) = (&page, &options.site) {
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

//! Dates and times as people type them, and as French minutes write them.
//!
//! Parsing is lenient where the meaning is certain (`2022-3-3`, `9:30`,
//! `9h30`) and strict where it is not (`03/03/2022`, `14`): the error then says
//! exactly what to write. Formatting is done here rather than through chrono's
//! locales, which do not give the French ordinal « 1er ».

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use std::fmt;

/// Why a date or a time could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// What is wrong, in French.
    pub message: String,
    /// What to write instead, in French.
    pub help: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DateError {}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

fn digits(s: &str, min: usize, max: usize) -> Option<u32> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn date_format_help(example: Option<(u32, u32, u32)>) -> String {
    match example {
        Some((y, m, d)) => format!(
            "écrivez la date sous la forme AAAA-MM-JJ : si vous vouliez dire le {} {} {y}, écrivez {y:04}-{m:02}-{d:02}",
            ordinal_day(d),
            MONTHS.get(m as usize - 1).copied().unwrap_or("?"),
        ),
        None => "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2022-03-03".to_string(),
    }
}

/// Reads an ISO date, also accepting one-digit months and days (`2022-3-3`).
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let s = input.trim();
    let parts: Vec<&str> = s.split('-').collect();
    if let [y, m, d] = parts.as_slice()
        && let (Some(y), Some(m), Some(d)) = (digits(y, 4, 4), digits(m, 1, 2), digits(d, 1, 2))
    {
        return NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| DateError {
            message: format!("la date « {s} » n'existe pas dans le calendrier"),
            help: nonexistent_date_help(y, m),
        });
    }
    // 03/03/2022 or 3.3.2022: French order is the likely meaning, but it is
    // ambiguous in a shared file, so we say what to write rather than guess.
    let example = s
        .split(['/', '.'])
        .collect::<Vec<_>>()
        .as_slice()
        .iter()
        .map(|p| digits(p, 1, 4))
        .collect::<Option<Vec<_>>>()
        .and_then(|v| match v.as_slice() {
            [d, m, y] if *y >= 1000 && (1..=12).contains(m) && (1..=31).contains(d) => {
                Some((*y, *m, *d))
            }
            _ => None,
        });
    Err(DateError {
        message: format!("« {s} » n'est pas une date au format AAAA-MM-JJ"),
        help: date_format_help(example),
    })
}

fn nonexistent_date_help(y: u32, m: u32) -> String {
    if !(1..=12).contains(&m) {
        return format!("le mois doit être compris entre 01 et 12 (lu : {m})");
    }
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y as i32 + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y as i32, m + 1, 1)
    };
    let days = next
        .and_then(|n| n.pred_opt())
        .map(|l| l.day())
        .unwrap_or(31);
    format!(
        "{} {y} compte {days} jours",
        capitalise(MONTHS[m as usize - 1])
    )
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Reads a time of day: `09:30`, `9:30`, `9h30`, `9h`, `14H00`.
pub fn parse_time(input: &str) -> Result<NaiveTime, DateError> {
    let s = input.trim();
    let help = || "écrivez l'heure sous la forme HH:MM, par exemple 09:30".to_string();
    let (h, m) = if let Some((h, m)) = s.split_once(':') {
        (digits(h, 1, 2), digits(m, 2, 2))
    } else if let Some((h, m)) = s.split_once(['h', 'H']) {
        (
            digits(h, 1, 2),
            if m.is_empty() {
                Some(0)
            } else {
                digits(m, 2, 2)
            },
        )
    } else {
        // A bare number such as 14 could be 14:00 or a typo for 1400 or 14:30.
        let hint = digits(s, 1, 2)
            .filter(|h| *h < 24)
            .map(|h| format!("écrivez l'heure sous la forme HH:MM, par exemple {h:02}:00"))
            .unwrap_or_else(help);
        return Err(DateError {
            message: format!("« {s} » n'est pas une heure au format HH:MM"),
            help: hint,
        });
    };
    match (h, m) {
        (Some(h), Some(m)) => NaiveTime::from_hms_opt(h, m, 0).ok_or_else(|| DateError {
            message: format!("l'heure « {s} » n'existe pas"),
            help: "les heures vont de 00 à 23 et les minutes de 00 à 59".to_string(),
        }),
        _ => Err(DateError {
            message: format!("« {s} » n'est pas une heure au format HH:MM"),
            help: help(),
        }),
    }
}

/// `1er` for the first of the month, the plain number otherwise.
pub fn ordinal_day(day: u32) -> String {
    if day == 1 {
        "1er".to_string()
    } else {
        day.to_string()
    }
}

/// The French name of a weekday, lower case.
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

/// The French name of a month (1–12), lower case.
pub fn month_name(month: u32) -> &'static str {
    MONTHS[(month.clamp(1, 12) - 1) as usize]
}

/// « jeudi 3 mars 2022 », « mardi 1er mars 2022 ».
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(date.weekday()),
        ordinal_day(date.day()),
        month_name(date.month()),
        date.year()
    )
}

/// « 3 mars 2022 », without the weekday.
pub fn medium_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        ordinal_day(date.day()),
        month_name(date.month()),
        date.year()
    )
}

/// « 9 h 30 », « 14 h » : the French typographic form of a time.
pub fn french_time(time: NaiveTime) -> String {
    use chrono::Timelike;
    if time.minute() == 0 {
        format!("{} h", time.hour())
    } else {
        format!("{} h {:02}", time.hour(), time.minute())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn lenient_dates() {
        assert_eq!(parse_date("2022-03-03"), Ok(d(2022, 3, 3)));
        assert_eq!(parse_date("2022-3-3"), Ok(d(2022, 3, 3)));
        assert_eq!(parse_date(" 2024-02-29 "), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn impossible_dates() {
        let e = parse_date("2023-02-30").unwrap_err();
        assert!(e.message.contains("n'existe pas"), "{e:?}");
        assert_eq!(e.help, "Février 2023 compte 28 jours");
        let e = parse_date("2023-13-01").unwrap_err();
        assert!(e.help.contains("entre 01 et 12"));
    }

    #[test]
    fn ambiguous_dates_say_what_to_write() {
        let e = parse_date("03/03/2022").unwrap_err();
        assert!(e.help.contains("2022-03-03"), "{e:?}");
        assert!(e.help.contains("3 mars 2022"), "{e:?}");
        let e = parse_date("le 3 mars").unwrap_err();
        assert!(e.help.contains("AAAA-MM-JJ"));
        assert!(parse_date("22-03-03").is_err());
        assert!(parse_date("2022-003-03").is_err());
    }

    #[test]
    fn times() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(parse_time("09:30"), Ok(t(9, 30)));
        assert_eq!(parse_time("9:30"), Ok(t(9, 30)));
        assert_eq!(parse_time("9h30"), Ok(t(9, 30)));
        assert_eq!(parse_time("14H"), Ok(t(14, 0)));
        assert!(parse_time("25:00").unwrap_err().help.contains("00 à 23"));
        assert!(parse_time("9:5").is_err());
        assert_eq!(
            parse_time("14").unwrap_err().help,
            "écrivez l'heure sous la forme HH:MM, par exemple 14:00"
        );
        assert!(parse_time("midi").is_err());
    }

    #[test]
    fn french_dates() {
        assert_eq!(long_date(d(2022, 3, 3)), "jeudi 3 mars 2022");
        assert_eq!(long_date(d(2022, 3, 1)), "mardi 1er mars 2022");
        assert_eq!(long_date(d(2022, 4, 6)), "mercredi 6 avril 2022");
        assert_eq!(medium_date(d(2022, 8, 15)), "15 août 2022");
        assert_eq!(
            french_time(NaiveTime::from_hms_opt(9, 5, 0).unwrap()),
            "9 h 05"
        );
        assert_eq!(
            french_time(NaiveTime::from_hms_opt(14, 0, 0).unwrap()),
            "14 h"
        );
    }
}

//! The calendar of the network: the meetings held and the meetings announced
//! (a `prochaine_reunion` with no record yet). `render::calendar` writes them
//! as an iCalendar file, with the links of the site's pages.
//!
//! An announced meeting and the record later written for it share one UID
//! (date and network), so a subscribed calendar shows one event that gains
//! its details, never two. Nothing depends on the clock: the date an event's
//! information comes from is in the data, so the file diffs cleanly in git.

use super::filter::Filter;
use crate::model::{Modalite, Reunion};
use crate::read::config::Config;
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
    /// The record, when one exists: its file (relative to the folder).
    pub compte_rendu: Option<String>,
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
            compte_rendu: Some(r.fichier.clone()),
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
    let period = Filter::since(today);
    events
        .iter()
        .filter(|e| period.keeps_date(e.date))
        .cloned()
        .collect()
}

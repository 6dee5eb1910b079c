//! `reunion agenda`: coming meetings, and the iCalendar file parsed back with
//! a real parser (the `icalendar` crate).

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime, EventLike};
use std::path::Path;

use crate::common::{copy_of, example, ok, run};

fn ics_of(dir: &Path) -> String {
    ok(dir, &["agenda", "--au", "2022-06-01", "--ics", "-"])
}

struct Event {
    uid: String,
    summary: String,
    start: String,
    location: Option<String>,
    description: String,
    status: String,
}

fn events(text: &str) -> Vec<Event> {
    let calendar: Calendar = text.parse().expect("a valid iCalendar file");
    calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(Event {
                uid: e.get_uid().unwrap().to_string(),
                summary: e.get_summary().unwrap().to_string(),
                start: match e.get_start().unwrap() {
                    DatePerhapsTime::Date(d) => d.to_string(),
                    DatePerhapsTime::DateTime(t) => format!("{t:?}"),
                },
                location: e.get_location().map(String::from),
                description: e.get_description().unwrap().to_string(),
                status: e.property_value("STATUS").unwrap().to_string(),
            }),
            _ => None,
        })
        .collect()
}

#[test]
fn every_meeting_and_the_announced_one() {
    let text = ics_of(&example());
    let events = events(&text);
    assert_eq!(events.len(), 4);
    assert_eq!(events[0].start, "2022-03-03");
    assert_eq!(
        events[0].summary,
        "Deuxième rencontre régionale des coordonnateurs des cités éducatives"
    );
    assert!(
        events[0]
            .description
            .contains("reunions/2022-03-03-rencontre-regionale.html")
    );
    assert!(
        events[1].start.contains("2022-04-06T14:00:00"),
        "{}",
        events[1].start
    );
    assert!(
        events[1].start.contains("Europe/Paris"),
        "{}",
        events[1].start
    );
    assert_eq!(events[1].location.as_deref(), Some("En visio"));
    assert_eq!(
        events[2].location.as_deref(),
        Some("Cité éducative de Maubeuge")
    );
    assert_eq!(events[3].start, "2022-09-22");
    assert_eq!(events[3].status, "TENTATIVE");
    assert!(
        events[3]
            .description
            .contains("Le lien sera envoyé avec l'ordre du jour.")
    );
    let mut uids: Vec<&str> = events.iter().map(|e| e.uid.as_str()).collect();
    uids.dedup();
    assert_eq!(uids.len(), 4);
}

#[test]
fn the_file_is_rfc5545_shaped_and_deterministic() {
    let text = ics_of(&example());
    assert_eq!(text, ics_of(&example()));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris"));
    assert!(
        text.contains("DTSTAMP:20220303T000000Z"),
        "DTSTAMP comes from the data"
    );
}

#[test]
fn an_announced_meeting_and_its_record_are_one_event() {
    let dir = copy_of(&example());
    let before = events(&ics_of(dir.path()));
    let announced = before.iter().find(|e| e.start == "2022-09-22").unwrap();
    assert_eq!(announced.status, "TENTATIVE");
    let out = run(dir.path(), &["new", "--titre", "Rentrée du réseau"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = events(&ics_of(dir.path()));
    assert_eq!(after.len(), before.len());
    let held = after.iter().find(|e| e.start == "2022-09-22").unwrap();
    assert_eq!(held.uid, announced.uid);
    assert_eq!(held.status, "CONFIRMED");
    assert_eq!(held.summary, "Rentrée du réseau");
}

#[test]
fn coming_meetings_are_listed() {
    let out = run(
        &example(),
        &["agenda", "--au", "2022-05-01", "--largeur", "140"],
    );
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("agenda_a_venir", String::from_utf8(out.stdout).unwrap());
    let out = run(&example(), &["agenda", "--au", "2023-01-01"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "aucune réunion à venir n'est prévue ni annoncée\n"
    );
}

#[test]
fn the_file_is_written_atomically_where_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agenda.ics");
    let out = run(
        &example(),
        &[
            "agenda",
            "--au",
            "2022-06-01",
            "--ics",
            path.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), ics_of(&example()));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// The calendar linked a compte rendu by its file name, while the site names
/// the page otherwise when two records share a name in two folders, or when
/// the file name is not a page name: the links went to the wrong page or to
/// none. They now lead to the page `render` writes.
#[test]
fn calendar_links_lead_to_the_published_pages() {
    let dir = copy_of(&example());
    let config = dir.path().join("reunion.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        format!("{text}\nsite: https://www.exemple.fr/cr/\n"),
    )
    .unwrap();
    for (folder, date) in [("2023", "2023-01-12"), ("2024", "2024-01-11")] {
        let dir = dir.path().join("reunions").join(folder);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("rencontre de janvier.yaml"),
            format!("titre: Rencontre de janvier\ndate: {date}\nmodalite: visio\n"),
        )
        .unwrap();
    }
    let out = dir.path().join("sortie");
    let render = run(dir.path(), &["render", "--sortie", out.to_str().unwrap()]);
    assert!(
        render.status.success(),
        "{}",
        String::from_utf8_lossy(&render.stderr)
    );
    let ics = std::fs::read_to_string(out.join("agenda.ics")).unwrap();
    let unfolded = ics.replace("\r\n ", "");
    let urls: Vec<&str> = unfolded
        .lines()
        .filter_map(|l| l.strip_prefix("URL:https://www.exemple.fr/cr/"))
        .map(str::trim_end)
        .collect();
    assert_eq!(urls.len(), 5, "{unfolded}");
    let mut distinct = urls.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), urls.len(), "{urls:?}");
    for url in &urls {
        // The page is there, under the name the URL gives (spaces encoded).
        let path = url.replace("%20", " ");
        assert!(out.join(&path).is_file(), "{url} → {path}");
        assert!(unfolded.contains(&format!("Compte rendu : https://www.exemple.fr/cr/{url}")));
    }
    // The same links as `agenda --ics`.
    let cli = run(dir.path(), &["agenda", "--ics", "-"]);
    let cli = String::from_utf8(cli.stdout).unwrap().replace("\r\n ", "");
    for url in &urls {
        assert!(cli.contains(url), "{url}");
    }
}

//! The attendance chart of the site's index: an SVG drawn here, as text,
//! with no script and nothing fetched, and what goes with it for readers
//! who cannot see it: a title and a description inside the SVG (named by
//! `aria-labelledby`) and a data table, built from the same numbers.
//!
//! Bars give the people present at each meeting, dots joined by a line the
//! territories represented (`crate::analysis::presence`). Every coordinate is written
//! with one decimal, so the same folder gives the same bytes.

use super::{DateVue, Views};
use crate::analysis::presence::Presence;
use crate::dates::medium_date;
use serde::Serialize;
use std::fmt::Write;

/// Size of the drawing, in SVG units (it scales to the page's width).
const LARGEUR: f64 = 640.0;
const HAUTEUR: f64 = 280.0;
/// Margins around the plot: room for the axis labels and the legend.
const GAUCHE: f64 = 44.0;
const DROITE: f64 = 12.0;
const HAUT: f64 = 44.0;
const BAS: f64 = 40.0;
/// Widest date label, in SVG units, at the labels' font size.
const LARGEUR_ETIQUETTE: f64 = 72.0;

/// Colours with a contrast of at least 4.5:1 on white (WCAG AA for text,
/// more than the 3:1 graphics need).
const ENCRE: &str = "#1b1b1b";
const BARRE: &str = "#24466b";
const LIGNE: &str = "#a3410f";
const GRILLE: &str = "#8a8a8a";

/// One row of the data table.
#[derive(Debug, Clone, Serialize)]
pub struct LignePresence {
    /// The meeting's page, from the site root, without extension.
    pub lien: String,
    /// Title of the meeting.
    pub titre: String,
    /// Its date.
    pub date: DateVue,
    /// People present.
    pub participants: usize,
    /// People excused.
    pub excuses: usize,
    /// Territories represented.
    pub territoires: usize,
}

/// What the index receives as `presence`.
#[derive(Debug, Clone, Serialize)]
pub struct PresenceVue {
    /// The SVG, ready to be inserted as it is (`{{ presence.svg | safe }}`).
    pub svg: String,
    /// The chart in one sentence: its text alternative.
    pub resume: String,
    /// One row per meeting, oldest first.
    pub lignes: Vec<LignePresence>,
}

/// Escapes text for XML content and attributes.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn pluriel(n: usize, un: &str, plusieurs: &str) -> String {
    format!("{n} {}", if n > 1 { plusieurs } else { un })
}

/// The step of the vertical axis: 1, 2 or 5 times a power of ten, so that
/// about four lines cover `max`.
fn pas(max: usize) -> usize {
    let brut = (max as f64 / 4.0).max(1.0);
    let puissance = 10f64.powf(brut.log10().floor());
    let pas = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * puissance)
        .find(|&p| p >= brut)
        .unwrap_or(10.0 * puissance);
    pas as usize
}

/// The sentence that says what the chart shows.
fn resume(lignes: &[LignePresence]) -> String {
    let (Some(premiere), Some(derniere)) = (lignes.first(), lignes.last()) else {
        return "Aucune rencontre.".to_string();
    };
    let total: usize = lignes.iter().map(|l| l.participants).sum();
    let moyenne = total as f64 / lignes.len() as f64;
    let max = lignes
        .iter()
        .max_by_key(|l| l.participants)
        .unwrap_or(premiere);
    let mut out = format!(
        "{} du {} au {} : {} en moyenne par rencontre (de {} à {}), au plus {} le {}.",
        pluriel(lignes.len(), "rencontre", "rencontres"),
        premiere.date.courte,
        derniere.date.courte,
        format!("{moyenne:.1}").replace('.', ",") + " participants",
        lignes.iter().map(|l| l.participants).min().unwrap_or(0),
        lignes.iter().map(|l| l.participants).max().unwrap_or(0),
        pluriel(max.participants, "participant", "participants"),
        max.date.courte,
    );
    let _ = write!(
        out,
        " Dernière rencontre : {} et {} représentés.",
        pluriel(derniere.participants, "participant", "participants"),
        pluriel(derniere.territoires, "territoire", "territoires"),
    );
    out
}

/// Draws the chart.
fn svg(lignes: &[LignePresence], resume: &str) -> String {
    let n = lignes.len().max(1);
    let max = lignes
        .iter()
        .map(|l| l.participants.max(l.territoires))
        .max()
        .unwrap_or(0)
        .max(1);
    let pas = pas(max);
    let haut_axe = max.div_ceil(pas) * pas;
    let plot_l = LARGEUR - GAUCHE - DROITE;
    let plot_h = HAUTEUR - HAUT - BAS;
    let bande = plot_l / n as f64;
    let y = |v: usize| HAUT + plot_h - plot_h * v as f64 / haut_axe as f64;
    let x_centre = |i: usize| GAUCHE + bande * (i as f64 + 0.5);

    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {LARGEUR} {HAUTEUR}\" class=\"graphique\" role=\"img\" aria-labelledby=\"presence-titre\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n\
         <title id=\"presence-titre\">Participation aux rencontres</title>\n\
         <desc id=\"presence-resume\">{}</desc>\n",
        xml(resume)
    );
    // Legend.
    let _ = writeln!(
        s,
        "<rect x=\"{GAUCHE}\" y=\"10\" width=\"14\" height=\"14\" fill=\"{BARRE}\"/>\
         <text x=\"{:.1}\" y=\"21.5\" fill=\"{ENCRE}\">participants</text>\
         <line x1=\"190\" y1=\"17\" x2=\"212\" y2=\"17\" stroke=\"{LIGNE}\" stroke-width=\"2.5\"/>\
         <circle cx=\"201\" cy=\"17\" r=\"4\" fill=\"{LIGNE}\"/>\
         <text x=\"218\" y=\"21.5\" fill=\"{ENCRE}\">territoires représentés</text>",
        GAUCHE + 20.0
    );
    // Horizontal grid and its labels.
    let mut v = 0;
    while v <= haut_axe {
        let yy = y(v);
        let _ = writeln!(
            s,
            "<line x1=\"{GAUCHE}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" stroke=\"{GRILLE}\" stroke-width=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{ENCRE}\">{v}</text>",
            LARGEUR - DROITE,
            if v == 0 { "1.5" } else { "0.5" },
            GAUCHE - 6.0,
            yy + 4.0,
        );
        v += pas;
    }
    // Bars, with their value when there is room.
    let largeur_barre = (bande * 0.6).max(1.0);
    for (i, l) in lignes.iter().enumerate() {
        let top = y(l.participants);
        let _ = write!(
            s,
            "<rect x=\"{:.1}\" y=\"{top:.1}\" width=\"{largeur_barre:.1}\" height=\"{:.1}\" fill=\"{BARRE}\"/>",
            x_centre(i) - largeur_barre / 2.0,
            y(0) - top,
        );
        if bande >= 22.0 && l.participants > 0 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{ENCRE}\">{}</text>",
                x_centre(i),
                top - 5.0,
                l.participants
            );
        }
        s.push('\n');
    }
    // Territories: a line through dots.
    let points: Vec<String> = lignes
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{:.1},{:.1}", x_centre(i), y(l.territoires)))
        .collect();
    if points.len() > 1 {
        let _ = writeln!(
            s,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{LIGNE}\" stroke-width=\"2.5\"/>",
            points.join(" ")
        );
    }
    if bande >= 8.0 {
        for (i, l) in lignes.iter().enumerate() {
            let _ = write!(
                s,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{LIGNE}\"/>",
                x_centre(i),
                y(l.territoires)
            );
        }
        s.push('\n');
    }
    // Dates under the axis: every one when they fit, else one in `k`, the
    // last always.
    let k = (LARGEUR_ETIQUETTE / bande).ceil().max(1.0) as usize;
    for (i, l) in lignes.iter().enumerate() {
        let last = i + 1 == lignes.len();
        if last || (i % k == 0 && lignes.len() - 1 - i >= k) {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{ENCRE}\">{}</text>",
                x_centre(i),
                HAUTEUR - BAS + 18.0,
                xml(&medium_date_courte(&l.date))
            );
        }
    }
    s.push_str("\n</svg>");
    s
}

/// « 3 mars 22 »: a date short enough to stand under a bar.
fn medium_date_courte(date: &DateVue) -> String {
    chrono::NaiveDate::parse_from_str(&date.iso, "%Y-%m-%d").map_or_else(
        |_| date.courte.clone(),
        |d| {
            let long = medium_date(d);
            match long.rsplit_once(' ') {
                Some((debut, annee)) if annee.len() == 4 => format!("{debut} {}", &annee[2..]),
                _ => long,
            }
        },
    )
}

/// The chart, its summary and its table, for the meetings of `presence`.
pub fn presence_vue(presence: &Presence<'_>, views: &Views<'_>) -> PresenceVue {
    let lignes: Vec<LignePresence> = presence
        .reunions
        .iter()
        .map(|p| {
            let lien = views.lien(p.reunion);
            LignePresence {
                lien: lien.lien,
                titre: lien.titre,
                date: lien.date,
                participants: p.participants,
                excuses: p.excuses,
                territoires: p.territoires.len(),
            }
        })
        .collect();
    let resume = resume(&lignes);
    PresenceVue {
        svg: svg(&lignes, &resume),
        resume,
        lignes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ligne(iso: &str, participants: usize, territoires: usize) -> LignePresence {
        let d = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap();
        LignePresence {
            lien: format!("reunions/{iso}"),
            titre: format!("Rencontre du {iso} <&>"),
            date: DateVue {
                iso: iso.into(),
                longue: crate::dates::long_date(d),
                courte: medium_date(d),
            },
            participants,
            excuses: 0,
            territoires,
        }
    }

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(pas(1), 1);
        assert_eq!(pas(4), 1);
        assert_eq!(pas(7), 2);
        assert_eq!(pas(18), 5);
        assert_eq!(pas(37), 10);
        assert_eq!(pas(250), 100);
    }

    #[test]
    fn the_chart_is_xml_with_its_text_alternative() {
        let lignes = vec![ligne("2022-03-03", 5, 3), ligne("2022-04-06", 4, 3)];
        let r = resume(&lignes);
        assert_eq!(
            r,
            "2 rencontres du 3 mars 2022 au 6 avril 2022 : 4,5 participants en moyenne par rencontre (de 4 à 5), au plus 5 participants le 3 mars 2022. Dernière rencontre : 4 participants et 3 territoires représentés."
        );
        let text = svg(&lignes, &r);
        let doc = roxmltree::Document::parse(&text).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        let desc = root.children().find(|n| n.has_tag_name("desc")).unwrap();
        assert_eq!(desc.text(), Some(r.as_str()));
        let bars = root.children().filter(|n| n.has_tag_name("rect")).count();
        assert_eq!(bars, 3, "the legend's swatch and two bars");
        // Hundreds of meetings still give a drawing, with fewer labels.
        let many: Vec<_> = (0..300)
            .map(|i| {
                let d = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
                    + chrono::Days::new(i * 30);
                ligne(&d.format("%Y-%m-%d").to_string(), (i % 40) as usize, 3)
            })
            .collect();
        let text = svg(&many, &resume(&many));
        let doc = roxmltree::Document::parse(&text).unwrap();
        let labels = doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.text().is_some_and(|t| t.contains(' ')))
            .count();
        assert!(labels < 20, "{labels} date labels");
        assert_eq!(svg(&many, "x"), svg(&many, "x"));
    }
}

//! Writes a large, realistic meeting folder for benchmarks and stress tests.
//!
//! ```sh
//! cargo run --release --example corpus -- 10000 /dev/shm/corpus [GRAINE]
//! ```
//!
//! The output depends only on the number of meetings and the seed: the same
//! command always writes the same bytes. Meetings are about 5 KB each, with
//! 4–12 participants, 2–6 points with Markdown lists and links, 1–6 actions
//! (some followed over several meetings), follow-ups carried over, and a next
//! meeting; territories are written through aliases and odd spellings.

use std::fmt::Write as _;
use std::path::Path;

/// SplitMix64: tiny, good enough, and stable across platforms and versions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TERRITOIRES: &[(&str, &[&str])] = &[
    ("Lille", &["Sud de Lille", "Lille Sud", "LILLE-SUD"]),
    ("Roubaix", &["roubaix"]),
    ("Tourcoing", &["Tourcoing La Bourgogne"]),
    ("Maubeuge", &["Maubeuge Sous-le-Bois"]),
    (
        "Valenciennes-Anzin",
        &["Valencienne-Anzin", "Valencienne/Anzin"],
    ),
    ("Denain", &[]),
    ("Calais", &["Calais Beau-Marais"]),
    ("Boulogne-sur-Mer", &["Boulogne"]),
    ("Amiens", &["Amiens Nord"]),
    ("Beauvais", &[]),
    ("Creil", &["Creil Rouher"]),
    ("Saint-Quentin", &["St-Quentin", "Saint Quentin"]),
    ("Grande-Synthe", &[]),
    ("Lens", &["Lens Liévin"]),
    ("Arras", &[]),
    ("Béthune", &["Bethune"]),
    ("Douai", &[]),
    ("Soissons", &[]),
    ("Laon", &[]),
    ("Compiègne", &["Compiegne"]),
];

const THEMES: &[&str] = &[
    "parentalité",
    "petite enfance",
    "décrochage scolaire",
    "numérique",
    "culture",
    "lecture",
    "santé",
    "sport",
    "citoyenneté",
    "insertion",
    "orientation",
    "apprentissage du français",
    "continuité éducative",
];

const PUBLICS: &[&str] = &[
    "parents",
    "enfants",
    "collégiens",
    "lycéens",
    "jeunes de 16 à 25 ans",
    "enseignants",
];

const FONCTIONS: &[&str] = &[
    "Cheffe de projet opérationnel",
    "Chef de projet opérationnel",
    "Coordonnatrice",
    "Coordonnateur",
    "Principale de collège",
    "Chargée de mission cohésion sociale",
    "Déléguée du préfet",
    "Inspecteur de l'Éducation nationale",
];

const MOTS: &[&str] = &[
    "les familles",
    "le quartier",
    "les écoles",
    "la médiathèque",
    "les associations",
    "le centre social",
    "les collèges",
    "la ville",
    "les éducateurs",
    "le réseau",
    "les parents",
    "la maison de quartier",
];

const ACTIONS: &[&str] = &[
    "Passerelle vers la petite enfance",
    "Groupe de prévention du décrochage",
    "Webradio des collégiens",
    "Lecture partagée parents-enfants",
    "Ateliers numériques en famille",
    "Laboratoire pédagogique",
    "Accueil des nouveaux parents",
    "Tutorat par les lycéens",
    "Sport et santé après l'école",
    "Cafés des parents",
    "Parcours d'orientation",
    "Ateliers sociolinguistiques",
];

fn sentence(rng: &mut Rng) -> String {
    format!(
        "Le travail avec {} et {} se poursuit autour de {}.",
        rng.pick(MOTS),
        rng.pick(MOTS),
        rng.pick(THEMES)
    )
}

fn spelling(rng: &mut Rng, t: usize) -> String {
    let (name, aliases) = TERRITOIRES[t];
    match rng.below(5) {
        0 if !aliases.is_empty() => (*rng.pick(aliases)).to_string(),
        1 => name.to_uppercase(),
        2 => name.to_lowercase(),
        _ => name.to_string(),
    }
}

fn config() -> String {
    let mut s = String::from(
        "organisation:\n  nom: Centre de ressources politique de la ville (corpus de test)\nterritoires:\n",
    );
    for (name, aliases) in TERRITOIRES {
        let _ = writeln!(s, "  - nom: {name}");
        if !aliases.is_empty() {
            let quoted: Vec<String> = aliases.iter().map(|a| format!("\"{a}\"")).collect();
            let _ = writeln!(s, "    alias: [{}]", quoted.join(", "));
        }
    }
    s.push_str(
        "reseaux:\n  - id: cites-educatives\n    nom: Réseau des cités éducatives\n  - id: adultes-relais\n    nom: Réseau des adultes-relais\n  - id: pre\n    nom: Programmes de réussite éducative\nthematiques:\n",
    );
    for t in THEMES {
        let _ = writeln!(s, "  - {t}");
    }
    s
}

fn meeting(
    rng: &mut Rng,
    i: usize,
    date: chrono::NaiveDate,
    next: chrono::NaiveDate,
    reseau: &str,
) -> String {
    let mut s = String::with_capacity(6000);
    let _ = writeln!(s, "titre: Rencontre n° {} du réseau {reseau}", i + 1);
    let _ = writeln!(s, "date: {}", date.format("%Y-%m-%d"));
    let _ = writeln!(
        s,
        "debut: {}:{:02}",
        rng.range(8, 14),
        [0, 15, 30, 45][rng.below(4)]
    );
    let _ = writeln!(s, "fin: {}:00", rng.range(15, 18));
    let _ = writeln!(
        s,
        "modalite: {}",
        rng.pick(&["presentiel", "visio", "Hybride", "Présentiel"])
    );
    let _ = writeln!(
        s,
        "lieu: Salle {} de {}",
        rng.range(1, 40),
        TERRITOIRES[rng.below(TERRITOIRES.len())].0
    );
    let _ = writeln!(s, "reseau: {reseau}");
    s.push_str("objectifs:\n");
    for _ in 0..rng.range(1, 3) {
        let _ = writeln!(s, "  - {}", sentence(rng));
    }
    s.push_str("participants:\n");
    for _ in 0..rng.range(4, 12) {
        let t = rng.below(TERRITOIRES.len());
        let _ = writeln!(s, "  - fonction: {}", rng.pick(FONCTIONS));
        let _ = writeln!(s, "    structure: Cité éducative de {}", TERRITOIRES[t].0);
        let _ = writeln!(s, "    territoire: \"{}\"", spelling(rng, t));
        if rng.below(3) == 0 {
            let _ = writeln!(s, "    nom: Personne {}", rng.range(1, 5000));
        }
    }
    if rng.below(2) == 0 {
        s.push_str("excuses:\n");
        let t = rng.below(TERRITOIRES.len());
        let _ = writeln!(
            s,
            "  - fonction: {}\n    territoire: {}",
            rng.pick(FONCTIONS),
            TERRITOIRES[t].0
        );
    }
    let _ = writeln!(s, "meteo: |\n  {}\n  {}", sentence(rng), sentence(rng));
    s.push_str("points:\n");
    for p in 0..rng.range(2, 6) {
        let _ = writeln!(s, "  - titre: Point {} — {}", p + 1, rng.pick(THEMES));
        if rng.below(6) == 0 {
            continue;
        }
        s.push_str("    contenu: |\n");
        for _ in 0..rng.range(2, 5) {
            let _ = writeln!(
                s,
                "      - {} [ressource](https://example.org/ressources/{}).",
                sentence(rng),
                rng.range(1, 9999)
            );
        }
        let _ = writeln!(s, "\n      **À retenir** : {}", sentence(rng));
    }
    s.push_str("actions:\n");
    for a in 0..rng.range(1, 6) {
        let t = rng.below(TERRITOIRES.len());
        // Some practices come back at later meetings under the same id.
        let followed = rng.below(4) == 0;
        let id = if followed {
            format!("suivie-{}-{}", t, rng.below(20))
        } else {
            format!("action-{i}-{a}")
        };
        let _ = writeln!(s, "  - id: {id}");
        let _ = writeln!(s, "    territoire: \"{}\"", spelling(rng, t));
        let _ = writeln!(s, "    titre: {} ({})", rng.pick(ACTIONS), TERRITOIRES[t].0);
        let _ = writeln!(s, "    porteur: {}", rng.pick(MOTS));
        let _ = writeln!(
            s,
            "    description: |\n      {}\n      {}",
            sentence(rng),
            sentence(rng)
        );
        let _ = writeln!(
            s,
            "    thematiques: [{}, {}]",
            rng.pick(THEMES),
            rng.pick(THEMES)
        );
        let _ = writeln!(s, "    publics: [{}]", rng.pick(PUBLICS));
        let _ = writeln!(
            s,
            "    statut: {}",
            rng.pick(&["a_documenter", "fiche_en_cours", "fiche_publiee"])
        );
    }
    s.push_str("suites:\n");
    for k in 0..rng.range(1, 4) {
        let _ = writeln!(s, "  - quoi: Suite {k} — {}", sentence(rng));
        let _ = writeln!(
            s,
            "    qui: Cité éducative de {}",
            TERRITOIRES[rng.below(TERRITOIRES.len())].0
        );
        let _ = writeln!(s, "    echeance: {}", next.format("%Y-%m-%d"));
        let _ = writeln!(s, "    fait: {}", rng.below(3) == 0);
    }
    let _ = writeln!(
        s,
        "prochaine_reunion:\n  date: {}\n  modalite: visio\n  note: Un lien sera communiqué ultérieurement.",
        next.format("%Y-%m-%d")
    );
    s
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(dir)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("utilisation : cargo run --release --example corpus -- NOMBRE DOSSIER [GRAINE]");
        return std::process::ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2022);
    let root = Path::new(dir);
    if root.join("reunion.yaml").exists() {
        eprintln!(
            "erreur: {} contient déjà reunion.yaml : rien n'a été écrit",
            root.display()
        );
        return std::process::ExitCode::from(2);
    }
    let mut rng = Rng(seed);
    std::fs::create_dir_all(root.join("reunions")).expect("dossier créé");
    std::fs::write(root.join("reunion.yaml"), config()).expect("reunion.yaml écrit");
    let start = chrono::NaiveDate::from_ymd_opt(2000, 1, 3).expect("date valide");
    let reseaux = ["cites-educatives", "adultes-relais", "pre"];
    let mut bytes = 0;
    for i in 0..n {
        // Three networks meet in turn, a few days apart.
        let date = start + chrono::Days::new((i as u64) * 3);
        let next = date + chrono::Days::new(21);
        let reseau = reseaux[i % reseaux.len()];
        let text = meeting(&mut rng, i, date, next, reseau);
        let year_dir = root.join("reunions").join(date.format("%Y").to_string());
        std::fs::create_dir_all(&year_dir).expect("dossier d'année créé");
        let name = format!(
            "{}-rencontre-{}-{}.yaml",
            date.format("%Y-%m-%d"),
            reseau,
            i + 1
        );
        bytes += text.len();
        std::fs::write(year_dir.join(name), text).expect("réunion écrite");
    }
    eprintln!(
        "{n} réunions écrites dans {} ({} Mo de YAML)",
        root.display(),
        bytes / 1_000_000
    );
    std::process::ExitCode::SUCCESS
}

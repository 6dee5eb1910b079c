//! `init` and `new`: a new meeting folder, and a new meeting that continues
//! the previous one of its network (date, modalité and open follow-ups).

use crate::dates::{long_date, medium_date, parse_date};
use crate::folder::{Folder, RECORDS_DIR};
use crate::fsutil::write_new;
use crate::model::{Modalite, Reunion, Suite};
use crate::read::config::{CONFIG_FILE, Config};
use crate::text::slug;
use chrono::NaiveDate;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Why a scaffold could not be written. Every case leaves the disk as it was.
#[derive(Debug)]
pub enum ScaffoldError {
    /// The folder already holds a `reunion.yaml`.
    AlreadyAFolder {
        /// The existing configuration.
        path: PathBuf,
    },
    /// The record to create exists already.
    FileExists {
        /// The existing file.
        path: PathBuf,
    },
    /// A value given on the command line is not usable.
    BadOption {
        /// What is wrong.
        message: String,
        /// What to write instead.
        help: Option<String>,
    },
    /// The record would be written outside `reunions/`: a folder on the
    /// way is a symbolic link leading out of it.
    Outside {
        /// The path that was to be written.
        path: PathBuf,
        /// Where it really leads.
        target: PathBuf,
    },
    /// The disk refused.
    Io {
        /// The path being written.
        path: PathBuf,
        /// The system's error.
        error: io::Error,
    },
}

impl fmt::Display for ScaffoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScaffoldError::AlreadyAFolder { path } => {
                write!(
                    f,
                    "{} existe déjà : ce dossier est déjà un dossier de réunions, rien n'a été modifié",
                    path.display()
                )
            }
            ScaffoldError::FileExists { path } => {
                write!(f, "{} existe déjà : il n'a pas été modifié", path.display())
            }
            ScaffoldError::BadOption { message, .. } => f.write_str(message),
            ScaffoldError::Outside { path, target } => write!(
                f,
                "{} mène hors du dossier {RECORDS_DIR}/ (vers {}) : rien n'a été écrit",
                path.display(),
                target.display()
            ),
            ScaffoldError::Io { path, error } => {
                write!(f, "écriture impossible de {} : {error}", path.display())
            }
        }
    }
}

impl std::error::Error for ScaffoldError {}

impl ScaffoldError {
    /// A help line, when there is one.
    pub fn help(&self) -> Option<String> {
        match self {
            ScaffoldError::FileExists { .. } => {
                Some("choisissez un autre titre (--titre) ou une autre date (--date), ou modifiez le fichier existant".into())
            }
            ScaffoldError::BadOption { help, .. } => help.clone(),
            ScaffoldError::Outside { .. } => Some(format!(
                "remplacez le lien symbolique par un vrai dossier dans {RECORDS_DIR}/"
            )),
            _ => None,
        }
    }
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> ScaffoldError + '_ {
    move |error| {
        if error.kind() == io::ErrorKind::AlreadyExists {
            ScaffoldError::FileExists {
                path: path.to_path_buf(),
            }
        } else {
            ScaffoldError::Io {
                path: path.to_path_buf(),
                error,
            }
        }
    }
}

/// A YAML double-quoted string (JSON's escaping is valid YAML).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

const GITIGNORE_LINE: &str = "/public/";
/// The editor's schemas (`.reunion/schemas/`), rewritten by `check`.
const GITIGNORE_HIDDEN: &str = "/.reunion/";

/// Pages of `render --interne`: never to be pushed where they may be
/// published.
const GITIGNORE_INTERNAL: &str = "/public-interne/";

/// What `init` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitReport {
    /// Files and folders created.
    pub created: Vec<PathBuf>,
    /// A `.gitignore` was there already and lacks the output folder.
    pub gitignore_untouched: bool,
}

/// Text of a new, commented `reunion.yaml`.
pub fn config_template(organisation: &str) -> String {
    crate::schema::config_modeline()
        + &format!(
            "# Configuration du dossier de réunions (le format : « reunion format »).\n\
         \n\
         organisation:\n\
         \x20 nom: {}\n\
         \x20 # logo: assets/logo.png       # facultatif, chemin relatif à ce dossier\n\
         \n\
         # Le référentiel des territoires : chaque « territoire » d'un compte rendu\n\
         # doit y figurer, sous son nom ou l'un de ses alias (la casse, les accents\n\
         # et la ponctuation ne comptent pas). Retirez les # pour ajouter le vôtre.\n\
         territoires:\n\
         \x20 # - nom: Lille\n\
         \x20 #   alias: [Sud de Lille, Lille Sud]\n\
         \n\
         # Les réseaux dont ce dossier garde les réunions (facultatif).\n\
         reseaux:\n\
         \x20 # - id: cites-educatives\n\
         \x20 #   nom: Réseau régional des coordonnateurs des cités éducatives\n\
         \n\
         # Si cette liste est présente, seules ces thématiques sont admises.\n\
         # thematiques: [parentalité, numérique, petite enfance]\n",
            quoted(organisation)
        )
}

/// Creates a meeting folder in `dir` (created if needed). Refuses, touching
/// nothing, when `dir` already has a `reunion.yaml`.
pub fn init(dir: &Path, organisation: &str) -> Result<InitReport, ScaffoldError> {
    let config = dir.join(CONFIG_FILE);
    if config.exists() {
        return Err(ScaffoldError::AlreadyAFolder { path: config });
    }
    let mut created = Vec::new();
    if !dir.exists() {
        std::fs::create_dir_all(dir).map_err(io_error(dir))?;
        created.push(dir.to_path_buf());
    }
    write_new(&config, config_template(organisation).as_bytes()).map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => ScaffoldError::AlreadyAFolder {
            path: config.clone(),
        },
        _ => ScaffoldError::Io {
            path: config.clone(),
            error: e,
        },
    })?;
    created.push(config);
    let records = dir.join(RECORDS_DIR);
    if !records.is_dir() {
        std::fs::create_dir(&records).map_err(io_error(&records))?;
        created.push(records);
    }
    let gitignore = dir.join(".gitignore");
    let mut gitignore_untouched = false;
    match write_new(
        &gitignore,
        format!(
            "# Pages publiées par `reunion render`\n{GITIGNORE_LINE}\n\
             # Pages internes de `reunion render --interne` : ni versionnées ni publiées\n{GITIGNORE_INTERNAL}\n\
             # Schémas pour l'éditeur, tenus à jour par `reunion check`\n{GITIGNORE_HIDDEN}\n"
        )
        .as_bytes(),
    ) {
        Ok(()) => created.push(gitignore),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            let text = std::fs::read_to_string(&gitignore).unwrap_or_default();
            let has = |line: &str| {
                text.lines()
                    .any(|l| l.trim() == line || l.trim() == line.trim_start_matches('/'))
            };
            gitignore_untouched =
                !has(GITIGNORE_LINE) || !has(GITIGNORE_HIDDEN) || !has(GITIGNORE_INTERNAL);
        }
        Err(error) => {
            return Err(ScaffoldError::Io {
                path: gitignore,
                error,
            });
        }
    }
    // The schemas, so that the editor completes from the first record on;
    // `check` refreshes them once territories are declared.
    let schemas = dir.join(crate::schema::HIDDEN_DIR);
    crate::schema::write(&schemas, None).map_err(io_error(&schemas))?;
    created.push(schemas);
    Ok(InitReport {
        created,
        gitignore_untouched,
    })
}

/// What the user asked of `new`; anything missing is taken from the previous
/// meeting of the network.
#[derive(Debug, Clone, Default)]
pub struct NewOptions {
    /// `--date`, as typed.
    pub date: Option<String>,
    /// `--titre`.
    pub titre: Option<String>,
    /// `--modalite`, as typed.
    pub modalite: Option<String>,
    /// `--reseau`.
    pub reseau: Option<String>,
    /// `--lieu`.
    pub lieu: Option<String>,
}

/// A record ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeeting {
    /// Where it goes.
    pub path: PathBuf,
    /// The folder of the records it must stay in.
    pub records: PathBuf,
    /// Its text.
    pub text: String,
    /// The meeting it continues, if any (its file).
    pub continues: Option<String>,
    /// How many open follow-ups were carried over.
    pub carried: usize,
}

fn bad(message: String, help: Option<String>) -> ScaffoldError {
    ScaffoldError::BadOption { message, help }
}

/// Decides the network of the new meeting.
fn choose_reseau(folder: &Folder, asked: Option<&str>) -> Result<Option<String>, ScaffoldError> {
    let config = &folder.config;
    if let Some(id) = asked {
        if config.reseau(id).is_some() {
            return Ok(Some(id.to_string()));
        }
        let ids: Vec<&str> = config.reseaux.iter().map(|r| r.id.as_str()).collect();
        let help = match crate::text::suggest(id, ids.iter().copied()) {
            Some(s) => Some(format!("vouliez-vous dire « {s} » ?")),
            None if ids.is_empty() => {
                Some("aucun réseau n'est déclaré dans reunion.yaml (clé « reseaux: »)".into())
            }
            None => Some(format!("réseaux déclarés : {}", ids.join(", "))),
        };
        return Err(bad(format!("réseau inconnu « {id} »"), help));
    }
    if config.reseaux.len() == 1 {
        return Ok(Some(config.reseaux[0].id.clone()));
    }
    Ok(folder.reunions.last().and_then(|r| r.reseau.clone()))
}

/// Refuses a value given on the command line that holds a character no
/// record may hold (a control character, ESC among them, or one that
/// reorders text: `check` would reject the record written). Tab and line
/// breaks are allowed there as in records.
fn refuse_invisible(option: &str, value: &str) -> Result<(), ScaffoldError> {
    let Some((c, why)) = value
        .chars()
        .find_map(|c| crate::text::forbidden_char(c).map(|why| (c, why)))
    else {
        return Ok(());
    };
    Err(bad(
        format!(
            "{option} contient le caractère U+{:04X} ({why}), qu'aucun compte rendu ne peut contenir",
            u32::from(c)
        ),
        Some(format!(
            "retapez la valeur de {option} sans ce caractère, sur une seule ligne"
        )),
    ))
}

/// Prepares the record of a new meeting; `today` is the default date when no
/// earlier meeting announced one.
pub fn plan_new(
    folder: &Folder,
    options: &NewOptions,
    today: NaiveDate,
) -> Result<NewMeeting, ScaffoldError> {
    for (option, value) in [("--titre", &options.titre), ("--lieu", &options.lieu)] {
        if let Some(value) = value {
            refuse_invisible(option, value)?;
        }
    }
    let reseau = choose_reseau(folder, options.reseau.as_deref())?;
    let previous: Option<&Reunion> = folder.reunions.iter().rev().find(|r| r.reseau == reseau);
    let next = previous.and_then(|p| p.prochaine_reunion.as_ref());

    let date = match &options.date {
        Some(text) => {
            parse_date(text).map_err(|e| bad(format!("--date : {}", e.message), Some(e.help)))?
        }
        None => next.map_or(today, |n| n.date),
    };
    let modalite = match &options.modalite {
        Some(text) => Modalite::parse(text).ok_or_else(|| {
            bad(
                format!("--modalite : modalité inconnue « {text} »"),
                Some("valeurs possibles : presentiel, visio, hybride".into()),
            )
        })?,
        None => next
            .and_then(|n| n.modalite)
            .unwrap_or(Modalite::Presentiel),
    };
    let titre = match &options.titre {
        Some(t) if !t.trim().is_empty() => t.trim().to_string(),
        Some(_) => return Err(bad("--titre ne peut pas être vide".into(), None)),
        None => previous
            .map(|p| p.titre.clone())
            .or_else(|| {
                reseau
                    .as_ref()
                    .and_then(|id| folder.config.reseau(id))
                    .map(|r| format!("Rencontre du {}", lowercase_first(&r.nom)))
            })
            .unwrap_or_else(|| "Réunion du réseau".to_string()),
    };
    let lieu = options
        .lieu
        .clone()
        .or_else(|| next.and_then(|n| n.lieu.clone()));

    let mut name_slug = slug(&titre);
    if name_slug.is_empty() {
        name_slug = "reunion".into();
    }
    let file_name = format!("{}-{name_slug}.yaml", date.format("%Y-%m-%d"));
    let path = folder
        .root
        .join(RECORDS_DIR)
        .join(record_subfolder(previous, date))
        .join(&file_name);
    if path.exists() {
        return Err(ScaffoldError::FileExists { path });
    }
    let open: Vec<&Suite> = previous
        .map(|p| p.suites.iter().filter(|s| !s.fait).collect())
        .unwrap_or_default();
    // The line that lets yaml-language-server find the schema, relative to
    // the record: one `../` per folder between it and the folder's root.
    let depth = path
        .strip_prefix(&folder.root)
        .map_or(1, |p| p.components().count().saturating_sub(1));
    let text = crate::schema::modeline(depth)
        + &record_template(&RecordTemplate {
            titre: &titre,
            date,
            modalite,
            lieu: lieu.as_deref(),
            reseau: reseau.as_deref(),
            debut: next
                .and_then(|n| n.debut)
                .map(|t| t.format("%H:%M").to_string()),
            fin: next
                .and_then(|n| n.fin)
                .map(|t| t.format("%H:%M").to_string()),
            previous,
            open: &open,
            config: &folder.config,
        });
    Ok(NewMeeting {
        path,
        records: folder.root.join(RECORDS_DIR),
        text,
        continues: previous.map(|p| p.fichier.clone()),
        carried: open.len(),
    })
}

/// Folder of the new record inside `reunions/`: records kept in one folder a
/// year (`reunions/2022/`) stay that way; otherwise `reunions/` itself.
fn record_subfolder(previous: Option<&Reunion>, date: NaiveDate) -> PathBuf {
    use chrono::Datelike;
    let Some(previous) = previous else {
        return PathBuf::new();
    };
    let parts: Vec<&str> = previous.fichier.split('/').collect();
    match parts.as_slice() {
        [_, year, _] if *year == previous.date.year().to_string() => {
            PathBuf::from(date.year().to_string())
        }
        _ => PathBuf::new(),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Writes the planned record; an existing file is an error and stays as it was.
///
/// The folder it goes to is resolved once its links are followed, before
/// and after its missing parts are created: a year folder that is a link
/// leading out of `reunions/` is refused, and nothing is written.
pub fn write_meeting(meeting: &NewMeeting) -> Result<(), ScaffoldError> {
    let outside = |target: PathBuf| ScaffoldError::Outside {
        path: meeting.path.clone(),
        target,
    };
    let records = crate::fsutil::resolve(&meeting.records).map_err(io_error(&meeting.records))?;
    let inside = |dir: &Path| -> Result<(), ScaffoldError> {
        let real = crate::fsutil::resolve(dir).map_err(io_error(dir))?;
        if real.starts_with(&records) {
            Ok(())
        } else {
            Err(outside(real))
        }
    };
    if let Some(dir) = meeting.path.parent() {
        inside(dir)?;
        std::fs::create_dir_all(dir).map_err(io_error(dir))?;
        inside(dir)?;
    }
    write_new(&meeting.path, meeting.text.as_bytes()).map_err(io_error(&meeting.path))
}

struct RecordTemplate<'a> {
    titre: &'a str,
    date: NaiveDate,
    modalite: Modalite,
    lieu: Option<&'a str>,
    reseau: Option<&'a str>,
    debut: Option<String>,
    fin: Option<String>,
    previous: Option<&'a Reunion>,
    open: &'a [&'a Suite],
    config: &'a Config,
}

fn record_template(t: &RecordTemplate<'_>) -> String {
    use std::fmt::Write as _;
    let territoire = t
        .config
        .territoires
        .all()
        .first()
        .map_or("Nom du territoire".to_string(), |x| x.nom.clone());
    let theme = t
        .config
        .thematiques
        .as_ref()
        .and_then(|l| l.first().cloned())
        .unwrap_or_else(|| "parentalité".into());
    let mut s = String::new();
    let _ = writeln!(s, "# Compte rendu de la réunion du {}.", long_date(t.date));
    if let Some(p) = t.previous {
        let _ = writeln!(
            s,
            "# Fait suite à la réunion du {} ({}).",
            medium_date(p.date),
            // A file name may hold what no record may (ESC, U+202E): the
            // comment would make the new record invalid.
            crate::text::visible(&p.fichier)
        );
    }
    s.push_str(
        "# Vérifiez-le avec `reunion check`. Les lignes qui commencent par # sont\n\
         # facultatives : retirez le # pour les utiliser (le format : « reunion format »).\n\n",
    );
    let _ = writeln!(s, "titre: {}", quoted(t.titre));
    let _ = writeln!(s, "date: {}", t.date.format("%Y-%m-%d"));
    match &t.debut {
        Some(d) => {
            let _ = writeln!(s, "debut: \"{d}\"");
        }
        None => s.push_str("# debut: \"09:30\"\n"),
    }
    match &t.fin {
        Some(f) => {
            let _ = writeln!(s, "fin: \"{f}\"");
        }
        None => s.push_str("# fin: \"12:00\"\n"),
    }
    let _ = writeln!(
        s,
        "modalite: {}              # presentiel | visio | hybride",
        t.modalite.as_str()
    );
    match t.lieu {
        Some(l) => {
            let _ = writeln!(s, "lieu: {}", quoted(l));
        }
        None => s.push_str("# lieu: \"Salle, ville\"\n"),
    }
    match t.reseau {
        Some(r) => {
            let _ = writeln!(s, "reseau: {r}");
        }
        None => s.push_str("# reseau: identifiant-du-reseau     # déclaré dans reunion.yaml\n"),
    }
    let _ = write!(
        s,
        "\n# objectifs:\n\
         #   - Animer le réseau et échanger entre professionnels\n\
         \n\
         # Les personnes présentes ; les noms ne sont publiés qu'avec --avec-noms.\n\
         # participants:\n\
         #   - fonction: Cheffe de projet opérationnel\n\
         #     structure: Cité éducative\n\
         #     territoire: {territoire}\n\
         #     nom: Prénom Nom\n\
         # excuses:                        # même forme que participants\n\
         \n\
         # meteo: |\n\
         #   L'humeur des participants et la dynamique des territoires.\n\
         \n\
         # points:                         # l'ordre du jour, dans l'ordre\n\
         #   - titre: Actualité nationale\n\
         #     contenu: |\n\
         #       - Un point en Markdown.\n\
         \n\
         # Les actions à valoriser présentées par les territoires.\n\
         # actions:\n\
         #   - territoire: {territoire}\n\
         #     titre: Titre de l'action\n\
         #     porteur: Qui la porte\n\
         #     description: |\n\
         #       Ce qu'elle fait, pour qui, avec qui.\n\
         #     thematiques: [{theme}]\n\
         #     publics: [parents]\n\
         #     statut: a_documenter        # a_documenter | fiche_en_cours | fiche_publiee\n\
         #     # La fiche expérience, au fil des réunions (« reunion format --cle actions ») : contexte, objectifs,\n\
         #     # partenaires (liste), moyens, resultats, facteurs_de_reussite, points_de_vigilance, contact\n\
         \n"
    );
    if t.open.is_empty() {
        s.push_str(
            "# suites:                         # ce qui a été décidé, par qui, pour quand (« reunion format --cle suites »)\n\
             #   - quoi: Envoyer la documentation\n\
             #     qui: Organisation\n\
             #     echeance: AAAA-MM-JJ\n\
             #     fait: false\n",
        );
    } else {
        let since = t.previous.map(|p| medium_date(p.date)).unwrap_or_default();
        let _ = writeln!(
            s,
            "# Suites encore ouvertes à la réunion du {since}, reprises ici :\n\
             # passez « fait: true » quand c'est fait, ajoutez les nouvelles à la suite."
        );
        s.push_str("suites:\n");
        for suite in t.open {
            let _ = writeln!(s, "  - id: {}", suite.id);
            let _ = writeln!(s, "    quoi: {}", quoted(&suite.quoi));
            if let Some(qui) = &suite.qui {
                let _ = writeln!(s, "    qui: {}", quoted(qui));
            }
            if let Some(e) = suite.echeance {
                let _ = writeln!(s, "    echeance: {}", e.format("%Y-%m-%d"));
            }
            s.push_str("    fait: false\n");
        }
    }
    s.push_str(
        "\n# prochaine_reunion:\n\
         #   date: AAAA-MM-JJ\n\
         #   modalite: visio\n\
         #   note: Un lien sera communiqué ultérieurement.\n",
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::folder::load;

    fn folder_with(records: &[(&str, &str)]) -> (tempfile::TempDir, Folder) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "organisation:\n  nom: IREV\nterritoires: [Lille]\nreseaux:\n  - id: ce\n    nom: Réseau des cités éducatives\n",
        )
        .unwrap();
        std::fs::create_dir(dir.path().join(RECORDS_DIR)).unwrap();
        for (name, text) in records {
            std::fs::write(dir.path().join(RECORDS_DIR).join(name), text).unwrap();
        }
        let folder = load(dir.path()).unwrap();
        assert!(!folder.has_errors(), "{:?}", folder.diagnostics);
        (dir, folder)
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 1, 10).unwrap()
    }

    #[test]
    fn a_first_meeting_passes_check() {
        let (_dir, folder) = folder_with(&[]);
        let m = plan_new(&folder, &NewOptions::default(), today()).unwrap();
        assert!(
            m.path
                .ends_with("reunions/2022-01-10-rencontre-du-reseau-des-cites-educatives.yaml")
        );
        write_meeting(&m).unwrap();
        let again = load(&folder.root).unwrap();
        assert!(
            again.diagnostics.is_empty(),
            "{:?}\n{}",
            again.diagnostics,
            m.text
        );
        assert_eq!(again.reunions.len(), 1);
    }

    #[test]
    fn continues_the_previous_meeting() {
        let prev = "titre: Rencontre régionale\ndate: 2022-03-03\nmodalite: presentiel\nreseau: ce\nsuites:\n  - quoi: Mettre en ligne la doc\n    qui: IREV\n    echeance: 2022-03-31\n  - quoi: Fait déjà\n    fait: true\nprochaine_reunion:\n  date: 2022-04-06\n  modalite: visio\n";
        let (_dir, folder) = folder_with(&[("2022-03-03-rencontre-regionale.yaml", prev)]);
        let m = plan_new(&folder, &NewOptions::default(), today()).unwrap();
        assert!(m.path.ends_with("2022-04-06-rencontre-regionale.yaml"));
        assert_eq!(m.carried, 1);
        assert!(m.text.contains("id: 2022-03-03-mettre-en-ligne-la-doc"));
        assert!(m.text.contains("modalite: visio"));
        assert!(!m.text.contains("Fait déjà"));
        write_meeting(&m).unwrap();
        let again = load(&folder.root).unwrap();
        assert!(again.diagnostics.is_empty(), "{:?}", again.diagnostics);
        let carried = &again.reunions[1].suites[0];
        assert_eq!(carried.id, folder.reunions[0].suites[0].id);
    }

    #[test]
    fn never_overwrites() {
        let (_dir, folder) = folder_with(&[]);
        let opts = NewOptions {
            date: Some("2022-05-01".into()),
            titre: Some("Bilan".into()),
            ..Default::default()
        };
        let m = plan_new(&folder, &opts, today()).unwrap();
        write_meeting(&m).unwrap();
        std::fs::write(&m.path, "mine").unwrap();
        assert!(matches!(
            plan_new(&folder, &opts, today()),
            Err(ScaffoldError::FileExists { .. })
        ));
        assert!(matches!(
            write_meeting(&m),
            Err(ScaffoldError::FileExists { .. })
        ));
        assert_eq!(std::fs::read_to_string(&m.path).unwrap(), "mine");
    }

    #[test]
    fn hostile_titles_stay_in_reunions() {
        let (_dir, folder) = folder_with(&[]);
        let opts = NewOptions {
            titre: Some("../../etc/passwd \" \n: x".into()),
            ..Default::default()
        };
        let m = plan_new(&folder, &opts, today()).unwrap();
        assert_eq!(m.path.parent().unwrap(), folder.root.join(RECORDS_DIR));
        assert!(m.path.ends_with("2022-01-10-etc-passwd-x.yaml"));
        write_meeting(&m).unwrap();
        let again = load(&folder.root).unwrap();
        assert!(again.diagnostics.is_empty(), "{:?}", again.diagnostics);
        assert_eq!(again.reunions[0].titre, "../../etc/passwd \" \n: x");
    }

    #[test]
    fn titles_and_places_that_check_would_refuse_are_refused() {
        let (_dir, folder) = folder_with(&[]);
        for (titre, lieu) in [
            (Some("a\u{1b}[31mb"), None),
            (Some("a\u{202E}b"), None),
            (None, Some("Lille\u{2066}")),
            (None, Some("x\u{85}")),
        ] {
            let opts = NewOptions {
                titre: titre.map(String::from),
                lieu: lieu.map(String::from),
                ..Default::default()
            };
            let err = plan_new(&folder, &opts, today()).unwrap_err();
            assert!(matches!(err, ScaffoldError::BadOption { .. }), "{err:?}");
            let option = if titre.is_some() { "--titre" } else { "--lieu" };
            assert!(err.to_string().starts_with(option), "{err}");
        }
    }

    #[test]
    fn bad_options_are_explained() {
        let (_dir, folder) = folder_with(&[]);
        let opts = NewOptions {
            reseau: Some("cee".into()),
            ..Default::default()
        };
        let err = plan_new(&folder, &opts, today()).unwrap_err();
        assert_eq!(err.help().as_deref(), Some("vouliez-vous dire « ce » ?"));
        let opts = NewOptions {
            date: Some("06/04/2022".into()),
            ..Default::default()
        };
        assert!(
            plan_new(&folder, &opts, today())
                .unwrap_err()
                .help()
                .unwrap()
                .contains("2022-04-06")
        );
    }

    #[test]
    fn init_refuses_an_existing_folder() {
        let dir = tempfile::tempdir().unwrap();
        let report = init(dir.path(), "IREV").unwrap();
        // reunion.yaml, reunions/, .gitignore, .reunion/schemas/.
        assert_eq!(report.created.len(), 4);
        let before = std::fs::read(dir.path().join(CONFIG_FILE)).unwrap();
        assert!(matches!(
            init(dir.path(), "Autre"),
            Err(ScaffoldError::AlreadyAFolder { .. })
        ));
        assert_eq!(std::fs::read(dir.path().join(CONFIG_FILE)).unwrap(), before);
        // The written configuration is valid.
        let (_, d) = crate::read::config::parse_config(&String::from_utf8(before).unwrap(), None);
        assert!(d.is_empty(), "{d:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_year_folder_linked_outside_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "organisation:\n  nom: x\n").unwrap();
        std::fs::create_dir(dir.path().join(RECORDS_DIR)).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join(RECORDS_DIR).join("2031"))
            .unwrap();
        let folder = load(dir.path()).unwrap();
        let options = NewOptions {
            date: Some("2031-01-09".into()),
            titre: Some("Rencontre".into()),
            ..NewOptions::default()
        };
        let mut m = plan_new(
            &folder,
            &options,
            NaiveDate::from_ymd_opt(2031, 1, 1).unwrap(),
        )
        .unwrap();
        m.path = dir
            .path()
            .join(RECORDS_DIR)
            .join("2031/2031-01-09-rencontre.yaml");
        let err = write_meeting(&m).unwrap_err();
        assert!(matches!(err, ScaffoldError::Outside { .. }), "{err}");
        assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    }
}

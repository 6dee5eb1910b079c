//! `reunion.yaml`: the organisation, the territories (the referential), the
//! networks and the vocabulary of themes.

use crate::diagnostic::{Diagnostic, Pos};
use crate::model::keys;
use crate::model::referential::{Referential, Territoire};
use crate::read::reader::Reader;
use crate::read::yaml;
use crate::text::{fold, is_valid_id, slug};
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

/// Name of the configuration file, at the top of a meeting folder.
pub const CONFIG_FILE: &str = "reunion.yaml";

/// The organisation that publishes the minutes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Organisation {
    /// Its name, at the head of every compte rendu.
    pub nom: String,
    /// Its logo, relative to the folder and inside it.
    pub logo: Option<String>,
}

/// A network whose meetings are kept in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reseau {
    /// Short id used in records (`reseau: cites-educatives`).
    pub id: String,
    /// Full name.
    pub nom: String,
}

/// The whole configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Who publishes.
    pub organisation: Organisation,
    /// The territories.
    pub territoires: Referential,
    /// The networks.
    pub reseaux: Vec<Reseau>,
    /// When declared, the only themes allowed.
    pub thematiques: Option<Vec<String>>,
    /// When declared, the only kinds of meeting allowed (`type:`).
    pub types: Option<Vec<String>>,
    /// Address where the site is published, to link pages from outside it
    /// (the calendar).
    pub site: Option<String>,
    /// The vocabulary of themes by folded spelling, built at the first
    /// lookup (every theme of every action is looked up); `thematiques` is
    /// not changed after a configuration is read.
    thematiques_index: OnceLock<HashMap<String, usize>>,
}

impl Config {
    /// The network with this id.
    pub fn reseau(&self, id: &str) -> Option<&Reseau> {
        self.reseaux.iter().find(|r| r.id == id)
    }

    /// The canonical spelling of a theme: itself when no vocabulary is
    /// declared, the vocabulary's spelling when it matches after folding.
    pub fn thematique(&self, theme: &str) -> Option<String> {
        match &self.thematiques {
            None => Some(theme.to_string()),
            Some(list) => {
                let index = self.thematiques_index.get_or_init(|| {
                    let mut index = HashMap::new();
                    for (i, t) in list.iter().enumerate() {
                        // The first spelling wins, as a linear search would.
                        index.entry(fold(t)).or_insert(i);
                    }
                    index
                });
                index.get(&fold(theme)).map(|&i| list[i].clone())
            }
        }
    }
}

/// Checks that a path written in the configuration stays inside the folder:
/// relative, no `..`, no drive or backslash tricks.
pub fn is_safe_relative_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.starts_with('\\')
        && !path.contains(':')
        && !path.contains('\0')
        && path.split(['/', '\\']).all(|part| part != "..")
}

/// A declared vocabulary (`thematiques`, `types`): its words in order, a
/// word given twice (after folding) warned and kept once.
fn vocabulary(r: &mut Reader<'_>, node: &yaml::Node, key: &str, what: &str) -> Vec<String> {
    let mut list: Vec<String> = Vec::new();
    let mut seen = HashMap::new();
    for (i, item) in r.seq(node, key).iter().enumerate() {
        let path = format!("{key}[{i}]");
        if let Some(t) = r.text(item, &path).map(|t| t.trim().to_string()) {
            if t.is_empty() {
                continue;
            }
            if seen.insert(fold(&t), ()).is_some() {
                r.warning(
                    yaml::pos_of(item),
                    &path,
                    format!(
                        "{what} « {t} » déclaré{} deux fois",
                        if what.ends_with('e') { "e" } else { "" }
                    ),
                    None,
                );
                continue;
            }
            list.push(t);
        }
    }
    list
}

/// Reads the configuration from its text. Returns it with the problems found;
/// any error makes the configuration unusable.
pub fn parse_config(source: &str, root: Option<&Path>) -> (Config, Vec<Diagnostic>) {
    let mut config = Config::default();
    let tree = match yaml::parse(source) {
        Ok(tree) => tree,
        Err(e) => {
            return (
                config,
                vec![Diagnostic::error(CONFIG_FILE, e.pos, "", e.message).with_help_opt(e.aide)],
            );
        }
    };
    let mut r = Reader::new(CONFIG_FILE, source);
    if matches!(tree.value, yaml::Value::Null) {
        r.error(
            Pos::START,
            "",
            "reunion.yaml est vide",
            Some("il faut au moins « organisation: » avec son « nom: » ; `reunion init` écrit un modèle commenté".into()),
        );
        return (config, r.diagnostics);
    }
    let Some(mut top) = r.map(&tree, "") else {
        return (config, r.diagnostics);
    };

    match top.take("organisation") {
        None => r.error(
            top.pos,
            "",
            "la clé obligatoire « organisation » manque",
            Some(
                "ajoutez « organisation: » avec « nom: » (et « logo: » si vous en avez un)".into(),
            ),
        ),
        Some(node) => {
            if let Some(mut org) = r.map(node, "organisation") {
                if let Some((nom, _)) = r.required_text(&mut org, "nom") {
                    config.organisation.nom = nom;
                }
                if let Some(logo_node) = org.take("logo")
                    && let Some(logo) = r.text(logo_node, "organisation.logo")
                {
                    check_logo(&mut r, &logo, yaml::pos_of(logo_node), root);
                    config.organisation.logo = Some(logo);
                }
                r.finish(org, &keys::ORGANISATION.names());
            }
        }
    }

    if let Some(node) = top.take("territoires") {
        config.territoires = read_territories(&mut r, node);
    }

    if let Some(node) = top.take("reseaux") {
        let mut seen: HashMap<String, Pos> = HashMap::new();
        for (i, item) in r.seq(node, "reseaux").iter().enumerate() {
            let path = format!("reseaux[{i}]");
            let Some(mut f) = r.map(item, &path) else {
                continue;
            };
            let id = r.required_text(&mut f, "id");
            let nom = r.required_text(&mut f, "nom");
            r.finish(f, &keys::NETWORK.names());
            if let (Some((id, pos)), Some((nom, _))) = (id, nom) {
                if !is_valid_id(&id) {
                    r.error(
                        pos,
                        &format!("{path}.id"),
                        format!("identifiant de réseau invalide « {id} »"),
                        Some(format!(
                            "un identifiant ne contient que des minuscules sans accent, des chiffres et des tirets, par exemple « {} »",
                            slug(&id)
                        )),
                    );
                    continue;
                }
                if seen.contains_key(&id) {
                    r.error(
                        pos,
                        &format!("{path}.id"),
                        format!("réseau « {id} » déclaré deux fois"),
                        None,
                    );
                    continue;
                }
                seen.insert(id.clone(), pos);
                config.reseaux.push(Reseau { id, nom });
            }
        }
    }

    if let Some(node) = top.take("thematiques") {
        config.thematiques = Some(vocabulary(&mut r, node, "thematiques", "thématique"));
    }
    if let Some(node) = top.take("types") {
        config.types = Some(vocabulary(&mut r, node, "types", "type de réunion"));
    }

    if let Some(node) = top.take("site")
        && let Some(url) = r.text(node, "site")
    {
        let url = url.trim().to_string();
        let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
        if scheme_ok
            && !url
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
        {
            config.site = Some(url);
        } else {
            r.error(
                yaml::pos_of(node),
                "site",
                format!("« {url} » n'est pas une adresse web"),
                Some("écrivez l'adresse complète du site publié, par exemple « https://www.exemple.fr/reunions/ »".into()),
            );
        }
    }
    r.finish(top, &keys::CONFIG.names());
    (config, r.diagnostics)
}

fn check_logo(r: &mut Reader<'_>, logo: &str, pos: Pos, root: Option<&Path>) {
    let path = "organisation.logo";
    if !is_safe_relative_path(logo) {
        r.error(
            pos,
            path,
            format!("le logo « {logo} » doit être un chemin relatif au dossier, sans « .. »"),
            Some("placez l'image dans le dossier, par exemple « assets/logo.png »".into()),
        );
        return;
    }
    let Some(root) = root else { return };
    let full = root.join(logo);
    match (full.canonicalize(), root.canonicalize()) {
        (Ok(file), Ok(base)) if !file.starts_with(&base) => r.error(
            pos,
            path,
            format!("le logo « {logo} » pointe hors du dossier (lien symbolique)"),
            Some("copiez l'image dans le dossier plutôt que d'y faire un lien".into()),
        ),
        (Ok(file), Ok(_)) if !file.is_file() => r.error(
            pos,
            path,
            format!("le logo « {logo} » n'est pas un fichier"),
            None,
        ),
        (Err(_), _) => r.warning(
            pos,
            path,
            format!("le logo « {logo} » est introuvable"),
            Some("vérifiez le chemin, relatif au dossier qui contient reunion.yaml".into()),
        ),
        _ => {}
    }
}

fn read_territories(r: &mut Reader<'_>, node: &yaml::Node) -> Referential {
    let mut territoires = Vec::new();
    // Folded spelling → canonical name, to report clashes where they are.
    let mut taken: HashMap<String, String> = HashMap::new();
    for (i, item) in r.seq(node, "territoires").iter().enumerate() {
        let path = format!("territoires[{i}]");
        // `- Lille` is accepted as a territory without alias.
        let (nom, alias) = if let yaml::Value::Str(_) = item.value {
            match r.text(item, &path) {
                Some(t) if !t.trim().is_empty() => {
                    ((t.trim().to_string(), yaml::pos_of(item)), Vec::new())
                }
                _ => continue,
            }
        } else {
            let Some(mut f) = r.map(item, &path) else {
                continue;
            };
            let nom = r.required_text(&mut f, "nom");
            let alias = r.text_list(&mut f, "alias");
            r.finish(f, &keys::TERRITORY.names());
            match nom {
                Some((nom, pos)) => ((nom.trim().to_string(), pos), alias),
                None => continue,
            }
        };
        let canonical = nom.0.clone();
        let mut ok_alias = Vec::new();
        for (k, (spelling, pos)) in std::iter::once(nom.clone()).chain(alias).enumerate() {
            let key = fold(&spelling);
            let spath = if k == 0 {
                format!("{path}.nom")
            } else {
                format!("{path}.alias[{}]", k - 1)
            };
            if key.is_empty() {
                r.error(
                    pos,
                    &spath,
                    format!("« {spelling} » ne contient ni lettre ni chiffre"),
                    None,
                );
                continue;
            }
            match taken.get(&key) {
                Some(other) if *other != canonical => {
                    r.error(
                        pos,
                        &spath,
                        format!("« {spelling} » désigne déjà le territoire « {other} »"),
                        Some("deux territoires ne peuvent pas partager un nom ou un alias (la casse, les accents et la ponctuation ne comptent pas)".into()),
                    );
                }
                // A redundant alias (same folded key) is harmless, and kept
                // as written so that lists show every spelling.
                Some(_) => {
                    if k > 0 {
                        ok_alias.push(spelling);
                    }
                }
                None => {
                    taken.insert(key, canonical.clone());
                    if k > 0 {
                        ok_alias.push(spelling);
                    }
                }
            }
        }
        territoires.push(Territoire {
            nom: canonical,
            alias: ok_alias,
        });
    }
    Referential::new(territoires).0
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "organisation:\n  nom: IREV\nterritoires:\n  - nom: Lille\n    alias: [Lille Sud]\n  - Maubeuge\nreseaux:\n  - id: cites-educatives\n    nom: Réseau\nthematiques: [parentalité, numérique]\n";

    #[test]
    fn reads_a_good_configuration() {
        let (c, d) = parse_config(GOOD, None);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.organisation.nom, "IREV");
        assert_eq!(c.territoires.resolve("lille-sud").unwrap().nom, "Lille");
        assert_eq!(c.territoires.resolve("maubeuge").unwrap().nom, "Maubeuge");
        assert_eq!(c.reseau("cites-educatives").unwrap().nom, "Réseau");
        assert_eq!(c.thematique("Numerique").as_deref(), Some("numérique"));
        assert_eq!(c.thematique("sport"), None);
    }

    #[test]
    fn reports_every_problem() {
        let src = "organisation:\n  nom: IREV\n  logo: ../secret.png\nterritoires:\n  - nom: Lille\n  - nom: Roubaix\n    alias: [LILLE]\nreseaux:\n  - id: Cités\n    nom: x\ntheme: [a]\n";
        let (_, d) = parse_config(src, None);
        let messages: Vec<_> = d.iter().map(|d| (d.pos.ligne, d.chemin.as_str())).collect();
        assert_eq!(
            messages,
            vec![
                (3, "organisation.logo"),
                (7, "territoires[1].alias[0]"),
                (9, "reseaux[0].id"),
                (11, "theme"),
            ]
        );
    }

    #[test]
    fn missing_organisation() {
        let (_, d) = parse_config("territoires: []\n", None);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("organisation"));
        let (_, d) = parse_config("", None);
        assert!(d[0].message.contains("vide"));
    }

    #[test]
    fn safe_paths() {
        assert!(is_safe_relative_path("assets/irev.png"));
        assert!(!is_safe_relative_path("../x.png"));
        assert!(!is_safe_relative_path("assets/../../x.png"));
        assert!(!is_safe_relative_path("/etc/passwd"));
        assert!(!is_safe_relative_path("..\\x.png"));
        assert!(!is_safe_relative_path("C:\\x.png"));
        assert!(!is_safe_relative_path(""));
    }
}

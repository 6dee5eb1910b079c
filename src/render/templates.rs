//! The page templates: built into the binary from the repository's
//! `templates/`, each overridable by a file of the same name in the meeting
//! folder's `templates/`, and written out by `reunion modeles`.
//!
//! Two tera instances are kept, one per output language, because tera has a
//! single escape function per instance: `.html` templates escape values for
//! HTML, `.md` templates escape them for Markdown (a title holding `*` or
//! `<script>` reads as typed in both). The `markdown` filter is registered
//! in both under the same name, so the two families of templates read
//! alike; each instance's filter yields its own language, already made safe
//! (see `markdown.rs`).
//!
//! A broken template is reported as a diagnostic on its file, with the line,
//! the column and what is wrong, like a broken record.

use super::markdown;
use crate::diagnostic::{Diagnostic, Pos};
use crate::fsutil::write_new;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use tera::{Context, ErrorKind, Kwargs, State, Tera, Value};

/// Folder of the templates, in the repository and in a meeting folder.
pub const TEMPLATES_DIR: &str = "templates";

/// The stylesheet: copied to `assets/`, not rendered.
pub const STYLESHEET: &str = "style.css";

/// A template shipped in the binary.
#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    /// File name, also the template's name.
    pub name: &'static str,
    /// Its text.
    pub text: &'static str,
}

macro_rules! builtin {
    ($name:literal) => {
        Builtin {
            name: $name,
            text: include_str!(concat!("../../templates/", $name)),
        }
    };
}

/// Every built-in template, in the order `reunion modeles` writes them.
pub const BUILTINS: &[Builtin] = &[
    builtin!("base.html"),
    builtin!("index.html"),
    builtin!("reunion.html"),
    builtin!("territoire.html"),
    builtin!("actions.html"),
    builtin!("accessibilite.html"),
    builtin!("recherche.html"),
    builtin!("_action.html"),
    builtin!("fiche.html"),
    builtin!("suites.html"),
    builtin!("decisions.html"),
    builtin!("index.md"),
    builtin!("reunion.md"),
    builtin!("territoire.md"),
    builtin!("actions.md"),
    builtin!("_action.md"),
    builtin!("fiche.md"),
    builtin!("suites.md"),
    builtin!("decisions.md"),
    builtin!("style.css"),
];

/// A template that cannot be used, as a diagnostic on its file.
#[derive(Debug, Clone)]
pub struct TemplateError {
    /// What is wrong and where (boxed: errors stay small to move around).
    pub diagnostic: Box<Diagnostic>,
    /// The template's text, to show the line.
    pub source: Option<String>,
}

/// Where a template comes from, to name it in errors.
#[derive(Debug, Clone)]
enum Origin {
    Builtin,
    User { fichier: String, source: String },
}

/// The loaded templates of a folder.
#[derive(Clone)]
pub struct Templates {
    html: Tera,
    md: Tera,
    /// The stylesheet, the folder's own when it has one.
    pub stylesheet: String,
    origins: BTreeMap<String, Origin>,
    /// Digest of the folder's own templates (names and texts): the
    /// built-in ones are part of the program.
    pub digest: [u8; 32],
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("origins", &self.origins)
            .finish_non_exhaustive()
    }
}

fn kwarg_u8(kwargs: &Kwargs, key: &str, default: u8) -> tera::TeraResult<u8> {
    Ok(kwargs
        .get::<i64>(key)?
        .map_or(default, |n| n.clamp(0, 6) as u8))
}

fn html_engine() -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on([".html"]);
    // `niveau`: the heading level of the section holding the field.
    tera.register_filter(
        "markdown",
        |text: &str, kwargs: Kwargs, _: &State| -> tera::TeraResult<Value> {
            let niveau = kwarg_u8(&kwargs, "niveau", 2)?;
            Ok(Value::safe_string(&markdown::to_html(text, niveau)))
        },
    );
    tera
}

fn md_engine() -> Tera {
    let mut tera = Tera::new();
    tera.set_escape_fn(markdown::escape_for_tera);
    tera.autoescape_on([".md"]);
    // `retrait`: spaces before every line but the first, to keep a
    // multi-line field inside a list item. `niveau` is accepted so that
    // both families of templates call the filter alike.
    tera.register_filter(
        "markdown",
        |text: &str, kwargs: Kwargs, _: &State| -> tera::TeraResult<Value> {
            let _ = kwarg_u8(&kwargs, "niveau", 2)?;
            let retrait = " ".repeat(usize::from(kwarg_u8(&kwargs, "retrait", 0)?));
            let md = markdown::to_markdown(text);
            let indented = md
                .lines()
                .enumerate()
                .map(|(i, line)| {
                    if i == 0 || line.is_empty() {
                        line.to_string()
                    } else {
                        format!("{retrait}{line}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Value::safe_string(&indented))
        },
    );
    tera
}

fn is_md(name: &str) -> bool {
    name.ends_with(".md")
}

/// Parses `--> name:line:col` out of a tera report, for errors that tera
/// only gives as text.
fn locate(report: &str) -> Option<(String, u32, u32)> {
    let at = report.find("--> ")? + 4;
    let rest = report[at..].lines().next()?;
    let mut parts = rest.rsplitn(3, ':');
    let col = parts.next()?.trim().parse().ok()?;
    let line = parts.next()?.trim().parse().ok()?;
    Some((parts.next()?.to_string(), line, col))
}

/// Tera's message in French for the common cases; tera's own words
/// otherwise (they name the construct at fault).
fn french(message: &str) -> String {
    let message = message.trim().trim_start_matches("error: ");
    let replacements = [
        ("Unknown filter ", "filtre inconnu "),
        ("Unknown function ", "fonction inconnue "),
        ("Unknown test ", "test inconnu "),
        ("Unknown template ", "modèle inconnu "),
        ("Unknown component ", "composant inconnu "),
        ("Unknown tag", "balise inconnue"),
        (
            "Unexpected end of input",
            "fin du modèle inattendue : une balise n'est pas fermée",
        ),
        ("Variable ", "variable "),
        ("Field ", "champ "),
        (" is not defined.", " inconnu."),
        ("Available variables:", "Variables disponibles :"),
        ("Available fields:", "Champs disponibles :"),
        ("Found ", "trouvé "),
        (" but expected ", " au lieu de "),
        (" but was expecting ", " au lieu de "),
    ];
    let mut out = message.to_string();
    for (en, fr) in replacements {
        out = out.replace(en, fr);
    }
    out
}

impl Templates {
    /// The built-in templates alone.
    pub fn builtin() -> Result<Templates, TemplateError> {
        Templates::with_overrides(Vec::new())
    }

    /// The templates of a folder: built-ins, then every `*.html` and `*.md`
    /// of its `templates/` (same name: replaces the built-in; other name:
    /// available to `include` and `extends`), and its `style.css`.
    pub fn load(root: &Path) -> Result<Templates, TemplateError> {
        let dir = root.join(TEMPLATES_DIR);
        let mut overrides = Vec::new();
        if dir.is_dir() {
            let entries = std::fs::read_dir(&dir).map_err(|e| TemplateError {
                diagnostic: Box::new(Diagnostic::error(
                    TEMPLATES_DIR,
                    Pos::START,
                    "",
                    format!("lecture impossible du dossier : {e}"),
                )),
                source: None,
            })?;
            let mut names: Vec<String> = entries
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| {
                    !n.starts_with('.')
                        && (n.ends_with(".html") || n.ends_with(".md") || n == STYLESHEET)
                })
                .collect();
            // Parsing order decides which error is shown first.
            names.sort();
            for name in names {
                let fichier = format!("{TEMPLATES_DIR}/{name}");
                // A template linked from outside the folder would publish
                // whatever file it points at.
                if !crate::fsutil::resolves_inside(root, &dir.join(&name)) {
                    return Err(TemplateError {
                        diagnostic: Box::new(Diagnostic::error(
                            &fichier,
                            Pos::START,
                            "",
                            "lien symbolique hors du dossier de réunions (ou cassé) : refusé",
                        )),
                        source: None,
                    });
                }
                let source = crate::folder::read_text(root, &dir.join(&name), &fichier).map_err(
                    |diagnostic| TemplateError {
                        diagnostic: Box::new(diagnostic),
                        source: None,
                    },
                )?;
                overrides.push((name, fichier, source));
            }
        }
        Templates::with_overrides(overrides)
    }

    fn with_overrides(
        overrides: Vec<(String, String, String)>,
    ) -> Result<Templates, TemplateError> {
        let mut digest = crate::incremental::digest::Digest::empty();
        for (name, _, source) in &overrides {
            digest.part(name.as_bytes()).part(source.as_bytes());
        }
        let mut templates = Templates {
            html: html_engine(),
            md: md_engine(),
            stylesheet: String::new(),
            origins: BTreeMap::new(),
            digest: digest.bytes(),
        };
        let mut html = Vec::new();
        let mut md = Vec::new();
        for b in BUILTINS {
            templates
                .origins
                .insert(b.name.to_string(), Origin::Builtin);
            if b.name == STYLESHEET {
                templates.stylesheet = b.text.to_string();
            } else if is_md(b.name) {
                md.push((b.name, b.text));
            } else {
                html.push((b.name, b.text));
            }
        }
        // The built-ins are known good (a test renders them all).
        templates
            .html
            .add_raw_templates(html)
            .map_err(|e| templates.error(&e))?;
        templates
            .md
            .add_raw_templates(md)
            .map_err(|e| templates.error(&e))?;
        // One user file at a time, so that an error is that file's.
        for (name, fichier, source) in overrides {
            if name == STYLESHEET {
                templates.stylesheet = source;
                continue;
            }
            templates.origins.insert(
                name.clone(),
                Origin::User {
                    fichier,
                    source: source.clone(),
                },
            );
            let engine = if is_md(&name) {
                &mut templates.md
            } else {
                &mut templates.html
            };
            if let Err(e) = engine.add_raw_template(&name, &source) {
                return Err(templates.error_in(&e, Some(&name)));
            }
        }
        Ok(templates)
    }

    /// Renders template `name` (`reunion.html`, `index.md`…).
    pub fn render(&self, name: &str, context: &Context) -> Result<String, TemplateError> {
        let engine = if is_md(name) { &self.md } else { &self.html };
        engine
            .render(name, context)
            .map_err(|e| self.error_in(&e, Some(name)))
    }

    fn error(&self, err: &tera::Error) -> TemplateError {
        self.error_in(err, None)
    }

    /// A tera error as a diagnostic on the file of the template at fault
    /// (`current`, when tera does not say).
    fn error_in(&self, err: &tera::Error, current: Option<&str>) -> TemplateError {
        let (name, pos, message) = match err.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
                let span = report.span();
                (
                    Some(report.filename().to_string()),
                    Some(Pos {
                        ligne: span.start_line as u32,
                        colonne: span.start_col as u32 + 1,
                        longueur: if span.end_line == span.start_line {
                            span.end_col.saturating_sub(span.start_col).max(1) as u32
                        } else {
                            1
                        },
                    }),
                    french(report.message()),
                )
            }
            ErrorKind::MissingParent { current, parent } => (
                Some(current.clone()),
                None,
                format!("ce modèle étend « {parent} », qui n'existe pas"),
            ),
            ErrorKind::TemplateNotFound(missing) => {
                (None, None, format!("modèle « {missing} » introuvable"))
            }
            ErrorKind::CircularExtend { tpl, .. } => (
                Some(tpl.clone()),
                None,
                "ce modèle s'étend lui-même (directement ou non)".to_string(),
            ),
            ErrorKind::CircularInclude { tpl, .. } => (
                Some(tpl.clone()),
                None,
                "ce modèle s'inclut lui-même (directement ou non)".to_string(),
            ),
            _ => {
                let text = err.to_string();
                match locate(&text) {
                    Some((name, ligne, colonne)) => {
                        let first = text.lines().next().unwrap_or_default();
                        (
                            Some(name),
                            Some(Pos {
                                ligne,
                                colonne,
                                longueur: 1,
                            }),
                            french(first),
                        )
                    }
                    None => (None, None, french(&text)),
                }
            }
        };
        let name = name.or_else(|| current.map(str::to_string));
        let (fichier, source) = match name.as_deref().and_then(|n| self.origins.get(n)) {
            Some(Origin::User { fichier, source }) => (fichier.clone(), Some(source.clone())),
            Some(Origin::Builtin) => (format!("modèle intégré {}", name.unwrap_or_default()), None),
            None => (
                name.map_or_else(
                    || TEMPLATES_DIR.to_string(),
                    |n| format!("{TEMPLATES_DIR}/{n}"),
                ),
                None,
            ),
        };
        let pos = if source.is_some() {
            pos.unwrap_or(Pos::START)
        } else {
            Pos::START
        };
        let detail = match (&source, pos) {
            (None, _) | (_, Pos::START) => format!("modèle invalide : {message}"),
            (Some(_), p) => format!("modèle invalide, ligne {} : {message}", p.ligne),
        };
        TemplateError {
            diagnostic: Box::new(Diagnostic::error(&fichier, pos, "", detail).with_help(
                "corrigez le modèle, ou supprimez-le pour revenir au modèle intégré (docs/modeles.md décrit les variables)",
            )),
            source,
        }
    }
}

/// What `reunion modeles` did with one built-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// The file was created.
    Created(PathBuf),
    /// A file was there already and was left alone.
    Kept(PathBuf),
}

/// Writes every built-in template into `root/templates/`, never replacing a
/// file that exists.
pub fn write_builtins(root: &Path) -> io::Result<Vec<Written>> {
    let dir = root.join(TEMPLATES_DIR);
    std::fs::create_dir_all(&dir)?;
    let mut out = Vec::new();
    for b in BUILTINS {
        let path = dir.join(b.name);
        match write_new(&path, b.text.as_bytes()) {
            Ok(()) => out.push(Written::Created(path)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => out.push(Written::Kept(path)),
            Err(e) => {
                return Err(io::Error::new(
                    e.kind(),
                    format!("{} : {e}", path.display()),
                ));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_load() {
        let t = Templates::builtin().unwrap();
        assert!(t.stylesheet.contains("@media print"));
    }

    #[test]
    fn user_template_overrides_and_errors_point_at_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let tdir = dir.path().join(TEMPLATES_DIR);
        std::fs::create_dir(&tdir).unwrap();
        std::fs::write(tdir.join("index.md"), "Bonjour {{ site.organisation }}\n").unwrap();
        let t = Templates::load(dir.path()).unwrap();
        let mut ctx = Context::new();
        ctx.insert("site", &serde_json::json!({"organisation": "IREV *"}));
        assert_eq!(t.render("index.md", &ctx).unwrap(), "Bonjour IREV \\*\n");

        std::fs::write(tdir.join("index.md"), "ligne un\n{% if %}\n").unwrap();
        let e = Templates::load(dir.path()).unwrap_err();
        assert_eq!(e.diagnostic.fichier, "templates/index.md");
        assert_eq!(e.diagnostic.pos.ligne, 2);
        assert!(
            e.diagnostic.message.contains("ligne 2"),
            "{:?}",
            e.diagnostic
        );

        std::fs::write(tdir.join("index.md"), "a\nb {{ x | nimporte }}\n").unwrap();
        let e = Templates::load(dir.path()).unwrap_err();
        assert_eq!(e.diagnostic.fichier, "templates/index.md");
        assert_eq!(e.diagnostic.pos.ligne, 2);
        assert!(
            e.diagnostic.message.contains("filtre inconnu"),
            "{:?}",
            e.diagnostic
        );
    }

    #[test]
    fn rendering_errors_name_the_user_file() {
        let dir = tempfile::tempdir().unwrap();
        let tdir = dir.path().join(TEMPLATES_DIR);
        std::fs::create_dir(&tdir).unwrap();
        std::fs::write(tdir.join("index.md"), "x\n\n{{ reunion.titr }}\n").unwrap();
        let t = Templates::load(dir.path()).unwrap();
        let mut ctx = Context::new();
        ctx.insert("reunion", &serde_json::json!({"titre": "A"}));
        let e = t.render("index.md", &ctx).unwrap_err();
        assert_eq!(e.diagnostic.fichier, "templates/index.md");
        assert_eq!(e.diagnostic.pos.ligne, 3);
        assert!(e.diagnostic.message.contains("titr"), "{:?}", e.diagnostic);
    }

    #[test]
    fn modeles_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let tdir = dir.path().join(TEMPLATES_DIR);
        std::fs::create_dir(&tdir).unwrap();
        std::fs::write(tdir.join("reunion.html"), "mien").unwrap();
        let written = write_builtins(dir.path()).unwrap();
        assert_eq!(written.len(), BUILTINS.len());
        assert!(written.contains(&Written::Kept(tdir.join("reunion.html"))));
        assert_eq!(
            std::fs::read_to_string(tdir.join("reunion.html")).unwrap(),
            "mien"
        );
        assert_eq!(
            std::fs::read_to_string(tdir.join("index.md")).unwrap(),
            BUILTINS.iter().find(|b| b.name == "index.md").unwrap().text
        );
        // Written out, the built-ins load as overrides without error.
        std::fs::remove_file(tdir.join("reunion.html")).unwrap();
        write_builtins(dir.path()).unwrap();
        Templates::load(dir.path()).unwrap();
    }

    #[test]
    fn error_locations_are_read_from_reports() {
        assert_eq!(
            locate("error: Unknown filter `x`\n --> index.md:2:5\n  |"),
            Some(("index.md".to_string(), 2, 5))
        );
        assert_eq!(locate("nothing"), None);
    }
}

//! The help in French: clap writes its headings, defaults and possible
//! values in English (« Options: », « [default: 8000] »), and lists
//! positional arguments under a custom heading given with
//! `next_help_heading`. [`french`] makes the one [`clap::Command`] every
//! entry point uses (`cli::command` for parsing and completion, and the
//! man pages): each command gets a template with « Commandes : », « Arguments : » and « Options : »
//! (clap's own `{usage}`, `{positionals}` and `{options}` inside, so the
//! usage lines stay clap's), defaults and possible values written in the
//! help text in French, and its [`examples`] in an « Exemples : » section.

pub mod errors;
pub mod examples;
pub mod format;

use clap::Command;

/// What the command is built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `--aide` on a terminal: the examples in the help.
    Terminal,
    /// `reunion man`: the examples are a section of their own.
    Man,
}

/// `cmd` and its subcommands with the French help.
pub fn french(cmd: Command, target: Target) -> Command {
    french_named(cmd, "", target)
}

fn french_named(cmd: Command, name: &str, target: Target) -> Command {
    let template = template(&cmd);
    let mut cmd = cmd
        .help_template(template)
        .mut_args(|arg| french_arg(arg, target));
    if target == Target::Terminal {
        if let Some(about) = cmd.get_about().map(|t| typography(&t.to_string())) {
            cmd = cmd.about(about);
        }
        let after = cmd.get_after_help().map(|t| typography(&t.to_string()));
        let examples = examples_section(&cmd, examples::of(name));
        let after = match (after, examples.is_empty()) {
            (Some(text), false) => Some(format!("{text}\n\n{examples}")),
            (None, false) => Some(examples),
            (text, true) => text,
        };
        if let Some(after) = after {
            cmd = cmd.after_help(after);
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in names {
        cmd = cmd.mut_subcommand(&sub, |s| french_named(s, &sub, target));
    }
    cmd
}

/// `text` as a heading, « Options : », styled as clap styles its own
/// (clap strips the style when colours are off).
fn heading(cmd: &Command, text: &str) -> String {
    let style = cmd.get_styles().get_header();
    format!("{style}{text} :{style:#}")
}

/// The help template of `cmd`: a section only when it has something to
/// list. `-C` and `--aide` are global, so every command has options.
fn template(cmd: &Command) -> String {
    let mut out = String::from("{before-help}{about-with-newline}\n");
    let usage = cmd.get_styles().get_usage();
    out.push_str(&format!("{usage}Utilisation :{usage:#} {{usage}}\n\n"));
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        out.push_str(&heading(cmd, "Commandes"));
        out.push_str("\n{subcommands}\n\n");
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        out.push_str(&heading(cmd, "Arguments"));
        out.push_str("\n{positionals}\n\n");
    }
    out.push_str(&heading(cmd, "Options"));
    out.push_str("\n{options}{after-help}");
    out
}

/// French typography for the terminal: the space before « ; : ? ! » and
/// inside « » is a no-break space, so that clap's wrapping never starts a
/// line with « ; » or leaves « [par » alone at the end of one.
fn typography(text: &str) -> String {
    const NBSP: char = '\u{a0}';
    let mut out = text
        .replace(" ;", "\u{a0};")
        .replace(" :", "\u{a0}:")
        .replace(" ?", "\u{a0}?")
        .replace(" !", "\u{a0}!")
        .replace("« ", "«\u{a0}")
        .replace(" »", "\u{a0}»");
    out = out.replace("[par défaut", &format!("[par{NBSP}défaut"));
    out = out.replace("[valeurs possibles", &format!("[valeurs{NBSP}possibles"));
    out
}

/// An argument whose default and possible values clap would tell in
/// English: told in its help text instead, in French (and, for the
/// terminal, with French typography).
fn french_arg(arg: clap::Arg, target: Target) -> clap::Arg {
    let arg = if target == Target::Terminal {
        match arg.get_help().map(|h| typography(&h.to_string())) {
            Some(help) => arg.help(help),
            None => arg,
        }
    } else {
        arg
    };
    let mut extra = Vec::new();
    // A flag (`--derniere`) has the values true and false, which it does
    // not take on the command line.
    if arg.get_action().takes_values() {
        if !arg.is_hide_default_value_set() && !arg.get_default_values().is_empty() {
            let values: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            extra.push(format!("[par défaut : {}]", values.join(" ")));
        }
        if !arg.is_hide_possible_values_set() {
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if !values.is_empty() {
                extra.push(format!("[valeurs possibles : {}]", values.join(", ")));
            }
        }
    }
    if extra.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let help = if help.is_empty() {
        extra.join(" ")
    } else {
        format!("{help} {}", extra.join(" "))
    };
    let help = match target {
        Target::Terminal => typography(&help),
        Target::Man => help,
    };
    arg.help(help)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// The « Exemples : » section of `cmd`'s help; empty without examples.
fn examples_section(cmd: &Command, examples: &[examples::Example]) -> String {
    if examples.is_empty() {
        return String::new();
    }
    let mut out = heading(cmd, "Exemples");
    let literal = cmd.get_styles().get_literal();
    for (line, what) in examples {
        out.push_str(&format!("\n  {literal}{line}{literal:#}\n      {what}"));
    }
    out
}

/// The EXEMPLES section of a man page, in roff.
pub fn man_examples(name: &str) -> String {
    let examples = examples::of(name);
    if examples.is_empty() {
        return String::new();
    }
    let mut out = String::from(".SH EXEMPLES\n");
    for (line, what) in examples {
        out.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            roff_escape(line),
            roff_escape(what)
        ));
    }
    out
}

/// Text made safe inside a roff line: backslashes doubled, dashes written
/// as the minus sign (so that a copied option is `-`, not `‐`), and a
/// line never starting with a control character.
fn roff_escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_examples() {
        let cmd = crate::cli::command();
        assert!(!examples::of("").is_empty());
        for sub in cmd.get_subcommands() {
            assert!(
                !examples::of(sub.get_name()).is_empty(),
                "{} n'a pas d'exemple",
                sub.get_name()
            );
        }
        for (name, list) in examples::EXAMPLES {
            // Short enough never to be wrapped at the usual 100 columns:
            // a wrapped command line could not be copied.
            for (line, what) in list.iter() {
                assert!(line.chars().count() + 2 <= 80, "{line}");
                assert!(what.chars().count() + 6 <= 96, "{what}");
            }
            assert!(
                name.is_empty() || cmd.find_subcommand(name).is_some(),
                "exemples d'une commande inconnue : {name}"
            );
        }
    }

    #[test]
    fn defaults_and_values_in_french() {
        let cmd = clap::Command::new("x")
            .arg(clap::Arg::new("port").long("port").default_value("8000"))
            .arg(
                clap::Arg::new("tri")
                    .long("tri")
                    .help("Ordre")
                    .value_parser(["date", "titre"]),
            );
        let mut cmd = french(cmd, Target::Terminal);
        let help = cmd.render_help().to_string().replace('\u{a0}', " ");
        assert!(help.contains("[par défaut : 8000]"), "{help}");
        assert!(
            help.contains("Ordre [valeurs possibles : date, titre]"),
            "{help}"
        );
        assert!(!help.contains("[default"), "{help}");
        assert!(help.contains("Options :"), "{help}");
    }

    #[test]
    fn no_break_spaces_for_the_terminal() {
        assert_eq!(
            typography("a ; b : « c » [par défaut : 8]"),
            "a\u{a0}; b\u{a0}: «\u{a0}c\u{a0}» [par\u{a0}défaut\u{a0}: 8]"
        );
    }

    #[test]
    fn roff_is_escaped() {
        assert_eq!(roff_escape("reunion -C x"), "reunion \\-C x");
        assert_eq!(roff_escape(".x"), "\\&.x");
    }
}

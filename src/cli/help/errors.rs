//! clap's errors told in French: clap writes them in English (« error:
//! unexpected argument », « Usage: », « For more information, try
//! '--help' »); here each [`ErrorKind`] gets its French message, clap's
//! suggestion becomes « vouliez-vous dire … ? », and its usage line
//! follows, under « Utilisation : ».

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// A clap error, in French.
#[derive(Debug, PartialEq, Eq)]
pub struct FrenchError {
    /// What is wrong.
    pub message: String,
    /// What to type instead.
    pub help: String,
    /// The command's usage line (clap's, after « Utilisation : »).
    pub usage: Option<String>,
}

/// Whether clap's error is in fact the help or the version asked for,
/// which clap prints itself (from the French templates).
pub fn is_display(err: &clap::Error) -> bool {
    matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
}

/// `err` with the usage line of the command it is about, when clap gave
/// none (a wrong value): the first word of `args` that names a command
/// of `cmd`.
pub fn with_usage(
    mut err: clap::Error,
    mut cmd: clap::Command,
    args: &[std::ffi::OsString],
) -> clap::Error {
    if is_display(&err) || err.get(ContextKind::Usage).is_some() {
        return err;
    }
    cmd.build();
    let name = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| cmd.find_subcommand(a).is_some())
        .map(str::to_string);
    let usage = match name.and_then(|n| cmd.find_subcommand_mut(n)) {
        Some(sub) => sub.render_usage(),
        None => cmd.render_usage(),
    };
    err.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
    err
}

/// Values named in French: « a », « a » ou « b ».
fn quoted(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("« {v} »"))
        .collect::<Vec<_>>()
        .join(" ou ")
}

/// `err` in French.
pub fn french(err: &clap::Error) -> FrenchError {
    let get = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    };
    let one = |kind| get(kind).join(", ");
    let arg = one(ContextKind::InvalidArg);
    let value = one(ContextKind::InvalidValue);
    let usage = match err.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(s)) => {
            let text = s.to_string();
            let text = text.trim();
            Some(
                text.strip_prefix("Usage:")
                    .unwrap_or(text)
                    .trim()
                    .to_string(),
            )
        }
        _ => None,
    };
    // « reunion actions »: the command the usage line is about.
    let command = usage.as_deref().map(|u| {
        u.split(['[', '<'])
            .next()
            .unwrap_or("reunion")
            .trim()
            .to_string()
    });
    let command = command.unwrap_or_else(|| "reunion".into());
    let message = match err.kind() {
        ErrorKind::UnknownArgument => format!("argument inattendu « {arg} »"),
        ErrorKind::InvalidSubcommand => format!(
            "commande inconnue « {} »",
            one(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue if value.is_empty() => format!("il manque la valeur de {arg}"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!("valeur invalide « {value} » pour {arg}")
        }
        ErrorKind::MissingRequiredArgument => format!("il manque {arg}"),
        ErrorKind::MissingSubcommand => "il manque la commande".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "{arg} ne peut pas être utilisé avec {}",
            one(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("nombre de valeurs incorrect pour {arg}")
        }
        ErrorKind::NoEquals => format!("{arg} attend « = » suivi d'une valeur"),
        ErrorKind::InvalidUtf8 => "un argument n'est pas en UTF-8".to_string(),
        ErrorKind::Io => "écriture impossible de l'aide".to_string(),
        _ => "arguments invalides".to_string(),
    };
    let valid = get(ContextKind::ValidValue);
    let help = match (
        get(ContextKind::SuggestedSubcommand),
        get(ContextKind::SuggestedArg),
        get(ContextKind::SuggestedValue),
    ) {
        (s, _, _) if !s.is_empty() => format!(
            "vouliez-vous dire {} ? (reunion --aide liste les commandes)",
            quoted(&s)
        ),
        (_, s, _) if !s.is_empty() => format!("vouliez-vous dire {} ?", quoted(&s)),
        (_, _, s) if !s.is_empty() => format!(
            "vouliez-vous dire {} ? valeurs possibles : {}",
            quoted(&s),
            valid.join(", ")
        ),
        _ if !valid.is_empty() => format!("valeurs possibles : {}", valid.join(", ")),
        _ if err.kind() == ErrorKind::InvalidValue && value.is_empty() => {
            format!(
                "écrivez la valeur après {} ; {command} --aide dit ce qu'elle peut être",
                arg.split(' ').next().unwrap_or(&arg)
            )
        }
        _ => format!("{command} --aide dit ce qui est possible"),
    };
    FrenchError {
        message,
        help,
        usage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(args: &[&str]) -> FrenchError {
        let err = crate::cli::command()
            .try_get_matches_from(args)
            .unwrap_err();
        french(&err)
    }

    #[test]
    fn common_mistakes_in_french() {
        let e = error(&["reunion", "actions", "--frmat", "json"]);
        assert_eq!(e.message, "argument inattendu « --frmat »");
        assert_eq!(e.help, "vouliez-vous dire « --format » ?");
        assert!(e.usage.unwrap().starts_with("reunion actions "));
        let e = error(&["reunion", "actions", "--territoire"]);
        assert_eq!(
            e.message,
            "il manque la valeur de --territoire <TERRITOIRE>"
        );
        assert!(
            e.help.starts_with("écrivez la valeur après --territoire ;"),
            "{}",
            e.help
        );
        let e = error(&["reunion", "chek"]);
        assert_eq!(
            e.help,
            // `schema` is near too: clap lists both.
            "vouliez-vous dire « schema » ou « check » ? (reunion --aide liste les commandes)"
        );
        let e = error(&["reunion", "presence", "--format", "csv"]);
        assert_eq!(e.help, "valeurs possibles : texte, markdown, json");
        let e = error(&["reunion", "fiche"]);
        assert_eq!(e.message, "il manque <ID>");
        assert_eq!(e.help, "reunion fiche --aide dit ce qui est possible");
    }
}

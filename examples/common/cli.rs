//! The command line, parsed by clap (derive), with errors worded as the examples word theirs: one
//! line each, naming the option and what it allows. Free of the library, so that `generate`
//! (built without features) shares it.

use clap::Parser;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Parses the process's arguments. `-h`/`--help` prints the help on standard output and exits
/// with status 0. `own` maps an argument to the command's own message for it, instead of clap's:
/// an option the command does not take, with why (`--top` of `plan`), or a required argument
/// that is missing (`OLD` of `analyze diff`).
///
/// # Errors
///
/// The message for a bad command line: an unknown option, a missing or bad value, an option
/// given twice, a missing argument or subcommand.
pub(crate) fn parse<T: Parser>(own: &[(String, String)]) -> Result<T, String> {
    let mut command = lowercase_help(T::command());
    command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|matches| T::from_arg_matches(&matches))
        .map_err(|error| message(&error, &command, own))
}

/// `-h, --help  print this help` in the lowercase of the other options, in every subcommand too.
fn lowercase_help(command: clap::Command) -> clap::Command {
    let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    let help = clap::Arg::new("help").short('h').long("help").action(clap::ArgAction::Help);
    let mut command = command.disable_help_flag(true).arg(help.help("print this help"));
    for name in names {
        command = command.mut_subcommand(name, lowercase_help);
    }
    command
}

/// The one-line message for a clap error of `command` (without `error: `); for `--help`, prints
/// the help on standard output and exits with status 0.
fn message(error: &clap::Error, command: &clap::Command, own: &[(String, String)]) -> String {
    if matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        // Nothing better to do if standard output is gone.
        let _ = error.print();
        std::process::exit(0);
    }
    let arg = text(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = text(error, ContextKind::InvalidValue);
    match error.kind() {
        ErrorKind::UnknownArgument => {
            let option = arg.split_once('=').map_or(arg.as_str(), |(option, _)| option);
            if let Some(message) = own_message(own, option) {
                return message;
            }
            if !option.starts_with('-') || option == "-" {
                return format!("unexpected argument {arg:?} (see --help)");
            }
            let hint = text(error, ContextKind::SuggestedArg)
                .map(|suggested| format!("; did you mean {}?", name(&suggested)))
                .unwrap_or_default();
            format!("unknown option {option} (see --help{hint})")
        }
        ErrorKind::InvalidValue => match value.as_deref() {
            None | Some("") => format!("{} needs a value", described(&arg)),
            Some(value) => {
                format!(
                    "{}: {value:?} is not one of {}",
                    described(&arg),
                    list(error, ContextKind::ValidValue)
                )
            }
        },
        ErrorKind::ValueValidation => match std::error::Error::source(error) {
            Some(reason) => format!("{}: {reason}", described(&arg)),
            None => first_line(error),
        },
        ErrorKind::ArgumentConflict => match text(error, ContextKind::PriorArg) {
            Some(prior) if prior != arg => {
                format!("{} cannot be used with {}", described(&arg), described(&prior))
            }
            _ => format!("{} is given twice", described(&arg)),
        },
        ErrorKind::TooManyValues | ErrorKind::NoEquals => {
            format!("{} takes no value (got {:?})", described(&arg), value.unwrap_or_default())
        }
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<&str> = error
                .get(ContextKind::InvalidArg)
                .map(|value| match value {
                    ContextValue::Strings(args) => args.iter().map(|arg| name(arg)).collect(),
                    _ => Vec::new(),
                })
                .unwrap_or_default();
            match missing.iter().find_map(|name| own_message(own, name)) {
                Some(message) => message,
                None => format!("missing {} (see --help)", missing.join(" and ")),
            }
        }
        ErrorKind::MissingSubcommand
        | ErrorKind::InvalidSubcommand
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let names: Vec<&str> = command.get_subcommands().map(clap::Command::get_name).collect();
            let got = text(error, ContextKind::InvalidSubcommand)
                .map(|got| format!(", got {got:?}"))
                .unwrap_or_default();
            format!("expected a subcommand: {}{got} (see --help)", one_of(&names))
        }
        _ => first_line(error),
    }
}

fn own_message(own: &[(String, String)], arg: &str) -> Option<String> {
    own.iter().find(|(name, _)| name == arg).map(|(_, message)| message.clone())
}

/// A count, such as `--top N`: a whole number >= 0.
pub(crate) fn count(text: &str) -> Result<usize, String> {
    let digits = text.trim();
    match digits.parse() {
        Ok(count) => Ok(count),
        // More than any list holds: all of it.
        Err(_) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => Ok(usize::MAX),
        Err(_) => Err(format!("{text:?} is not a whole number >= 0")),
    }
}

/// `a, b or c`.
fn one_of(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// A context value of the error as text (the first, of a list).
fn text(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::Strings(texts) => texts.first().cloned(),
        ContextValue::StyledStr(text) => Some(text.to_string()),
        ContextValue::StyledStrs(texts) => texts.first().map(ToString::to_string),
        _ => None,
    }
}

/// The allowed values the error lists, joined with `, `.
fn list(error: &clap::Error, kind: ContextKind) -> String {
    match error.get(kind) {
        Some(ContextValue::Strings(texts)) => texts.join(", "),
        Some(ContextValue::String(text)) => text.clone(),
        _ => String::new(),
    }
}

/// The argument's name as clap shows it, without its value: `--top` of `--top <N>`, `N` of `<N>`.
fn name(arg: &str) -> &str {
    let first = arg.split_whitespace().next().unwrap_or(arg);
    first.trim_start_matches(['<', '[']).trim_end_matches(['>', ']', '.'])
}

/// `option --top` or `argument N`.
fn described(arg: &str) -> String {
    let name = name(arg);
    if name.starts_with('-') { format!("option {name}") } else { format!("argument {name}") }
}

/// clap's own first line, without its `error: `.
fn first_line(error: &clap::Error) -> String {
    let text = error.to_string();
    let line = text.lines().next().unwrap_or_default();
    line.strip_prefix("error: ").unwrap_or(line).to_owned()
}

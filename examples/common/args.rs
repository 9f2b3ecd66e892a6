//! A small hand-written argument parser: `--name value`, `--name=value`, flags, `--` and `-`.

use std::str::FromStr;

use super::Failure;

/// One command-line argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Arg {
    /// An option, with its dashes (`--top`, `-h`); its value, if any, follows through
    /// [`Args::value`].
    Option(String),
    /// Anything else: a file, `-` (standard input), or whatever follows `--`.
    Positional(String),
}

/// The arguments still to read.
#[derive(Debug)]
pub(crate) struct Args {
    rest: std::vec::IntoIter<String>,
    /// The value of the last option written `--name=value`, until it is taken.
    inline: Option<String>,
    /// After `--`, everything is positional.
    positional_only: bool,
}

impl Args {
    /// The process's arguments, without the program name.
    ///
    /// # Errors
    ///
    /// An argument that is not valid UTF-8.
    pub(crate) fn from_env() -> Result<Args, Failure> {
        let args = std::env::args_os()
            .skip(1)
            .map(|arg| {
                arg.into_string()
                    .map_err(|arg| Failure::new(format_args!("argument {arg:?} is not valid UTF-8")))
            })
            .collect::<Result<Vec<String>, Failure>>()?;
        Ok(Args::new(args))
    }

    /// Given arguments, without the program name.
    pub(crate) fn new(args: impl IntoIterator<Item = String>) -> Args {
        Args { rest: args.into_iter().collect::<Vec<_>>().into_iter(), inline: None, positional_only: false }
    }

    /// The next argument.
    ///
    /// # Errors
    ///
    /// The previous option was written `--name=value` but took no value.
    pub(crate) fn next_arg(&mut self) -> Result<Option<Arg>, Failure> {
        if self.inline.is_some() {
            return Err(Failure::new("an option that takes no value was given one (--name=value)"));
        }
        let Some(arg) = self.rest.next() else { return Ok(None) };
        if self.positional_only || arg == "-" || !arg.starts_with('-') {
            return Ok(Some(Arg::Positional(arg)));
        }
        if arg == "--" {
            self.positional_only = true;
            return self.next_arg();
        }
        match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                self.inline = Some(value.to_owned());
                Ok(Some(Arg::Option(name.to_owned())))
            }
            _ => Ok(Some(Arg::Option(arg))),
        }
    }

    /// The value of option `name`: the text after `=`, or the next argument, whatever it is
    /// (so `--alignment-weight -1` reads `-1` and reports it as out of range).
    ///
    /// # Errors
    ///
    /// No value follows.
    pub(crate) fn value(&mut self, name: &str) -> Result<String, Failure> {
        self.inline
            .take()
            .or_else(|| self.rest.next())
            .ok_or_else(|| Failure::new(format_args!("option {name} needs a value")))
    }

    /// The value of a `--pin ID=POSITION` option.
    ///
    /// # Errors
    ///
    /// No value follows, or it is not `ID=POSITION` with a whole `POSITION >= 1`.
    pub(crate) fn pin(&mut self, name: &str) -> Result<prioritize::plan::Pin, Failure> {
        let value = self.value(name)?;
        value.parse().map_err(|_| {
            Failure::new(format_args!("option {name}: {value:?} is not ID=POSITION (a whole POSITION >= 1)"))
        })
    }

    /// The value of option `name`, parsed; `expected` says what is allowed.
    ///
    /// # Errors
    ///
    /// No value follows, or it does not parse.
    pub(crate) fn parse<T: FromStr>(&mut self, name: &str, expected: &str) -> Result<T, Failure> {
        let value = self.value(name)?;
        value
            .trim()
            .parse()
            .map_err(|_| Failure::new(format_args!("option {name}: {value:?} is not {expected}")))
    }

    /// The value of option `name`, one of `choices`.
    ///
    /// # Errors
    ///
    /// No value follows, or it is not one of `choices`.
    pub(crate) fn choice<T: Copy>(&mut self, name: &str, choices: &[(&str, T)]) -> Result<T, Failure> {
        let value = self.value(name)?;
        match choices.iter().find(|(label, _)| *label == value) {
            Some(&(_, choice)) => Ok(choice),
            None => {
                let labels: Vec<&str> = choices.iter().map(|&(label, _)| label).collect();
                Err(Failure::new(format_args!(
                    "option {name}: {value:?} is not one of {}",
                    labels.join(", ")
                )))
            }
        }
    }

    /// Checks that flag `name` was not written `--name=value`.
    ///
    /// # Errors
    ///
    /// It was.
    pub(crate) fn no_value(&mut self, name: &str) -> Result<(), Failure> {
        match self.inline.take() {
            Some(value) => Err(Failure::new(format_args!("option {name} takes no value (got {value:?})"))),
            None => Ok(()),
        }
    }
}

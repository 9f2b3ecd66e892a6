//! Command-line code shared by the examples (`rank`, `plan`, `analyze`): one set of input,
//! option and error conventions, the CLI contract of DESIGN.md.
//!
//! A program includes it with `mod common;` and runs its body through [`run`]:
//!
//! ```ignore
//! mod common;
//!
//! fn main() -> std::process::ExitCode {
//!     common::run(|| {
//!         let options = common::Options::parse(USAGE, |_name, _args| Ok(false))?;
//!         let backlog = common::load_backlog(options.file.as_deref())?;
//!         let engine = options.engine();
//!         let ranking = backlog.rank_with(&engine, &options.rank_options())?;
//!         common::write_json(&ranking)
//!     })
//! }
//! ```
//!
//! Conventions: `FILE` is a `.json` or `.csv` backlog, `-` for JSON on standard input, or absent
//! for the embedded sample; a failure prints `error: ...` lines on standard error, nothing on
//! standard output, and exits with status 2; advice prints `warning: ...` lines on standard error.

// Each example uses a part of this module.
#![allow(dead_code, unused_imports)]

mod args;
mod table;
mod values;

use std::fmt::Display;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use prioritize::{
    AlignmentWeight, Backlog, Effort, Engine, MoSCoW, PlannedItem, RankOptions, Rice, UnscoredPolicy, Wsjf,
};

pub(crate) use args::{Arg, Args};
pub(crate) use table::{Align, Table, column_name, number};
pub(crate) use values::{periods, split};

/// The embedded sample backlog: a B2B SaaS billing and checkout product.
pub(crate) const SAMPLE: &str = include_str!("../data/backlog.json");

/// The exit status of bad input or bad options.
pub(crate) const EXIT_ERROR: u8 = 2;

/// The width tables are fitted to.
pub(crate) const TABLE_WIDTH: usize = 100;

/// The help text of the shared options, for a program's `--help`.
pub(crate) const OPTIONS_HELP: &str =
    "  FILE                       a .json or .csv backlog, or - for JSON on standard input;
                             without FILE, the embedded sample backlog
  --framework rice|wsjf|moscow   the scoring engine (default rice)
  --then rice|wsjf           MoSCoW's secondary order within each category
  --alignment-weight L       weight of strategic alignment in 0..=1 (default 0)
  --top N                    keep only the first N entries
  --capacity C               effort available in the timebox (MoSCoW's 60 % check)
  --strict                   unscored items are errors
  --format table|json|csv    the output format (default table)
  -h, --help                 print this help";

/// Why a program failed: one or more messages, each printed as an `error:` line.
#[derive(Debug)]
pub(crate) struct Failure(pub(crate) Vec<String>);

impl Failure {
    /// A failure with one message.
    pub(crate) fn new(message: impl Display) -> Failure {
        Failure(vec![message.to_string()])
    }
}

impl From<prioritize::Error> for Failure {
    fn from(error: prioritize::Error) -> Failure {
        Failure::new(error)
    }
}

/// Runs a program's body: on failure, prints each message as an `error:` line on standard
/// error and exits with status 2.
pub(crate) fn run(body: impl FnOnce() -> Result<(), Failure>) -> ExitCode {
    match body() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(messages)) => {
            let mut stderr = io::stderr().lock();
            for message in messages {
                // Nothing better to do if standard error itself is gone.
                let _ = writeln!(stderr, "error: {message}");
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Prints a `warning:` line on standard error.
/// The note of a planned entry: pinned, whose place it inherited, unscored with what it lacks.
pub(crate) fn planned_note(entry: &PlannedItem<'_>) -> String {
    let mut notes = Vec::new();
    if entry.is_pinned() {
        notes.push("pinned".to_owned());
    }
    if let Some(item) = entry.promoted_by() {
        notes.push(format!("for {}", item.id()));
    }
    if entry.is_unscored() {
        notes.push(format!("unscored (lacks {})", entry.missing()));
    }
    notes.join(", ")
}

pub(crate) fn warn(message: impl Display) {
    warn_all([message]);
}

/// Prints a `warning:` line on standard error for each message, buffered: a large backlog can
/// have thousands of unscored items.
pub(crate) fn warn_all(messages: impl IntoIterator<Item = impl Display>) {
    let mut stderr = io::BufWriter::new(io::stderr().lock());
    for message in messages {
        // Nothing better to do if standard error itself is gone.
        let _ = writeln!(stderr, "warning: {message}");
    }
    let _ = stderr.flush();
}

/// Writes `value` as pretty JSON and a final newline on standard output.
///
/// # Errors
///
/// As [`write_stdout`].
pub(crate) fn write_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    write_stdout(|out| {
        serde_json::to_writer_pretty(&mut *out, value)?;
        writeln!(out)
    })
}

/// Writes the output through a buffered standard output. A reader that goes away early (a
/// closed pipe, as with `| head`) is not an error.
///
/// # Errors
///
/// Any other write error, as a [`Failure`].
pub(crate) fn write_stdout(body: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Failure> {
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match body(&mut out).and_then(|()| out.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure::new(format_args!("cannot write standard output: {error}")))
        }
        _ => Ok(()),
    }
}

/// A scoring framework, as `--framework` and `--then` name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Framework {
    /// RICE.
    #[default]
    Rice,
    /// WSJF.
    Wsjf,
    /// MoSCoW.
    Moscow,
}

/// An output format, as `--format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Format {
    /// An aligned table for a terminal.
    #[default]
    Table,
    /// The JSON output shape of DESIGN.md.
    Json,
    /// A header row, then one row per ranked entry.
    Csv,
}

/// The shared options, parsed and checked.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// `FILE`: `None` for the embedded sample, `Some("-")` for standard input.
    pub(crate) file: Option<String>,
    /// `--framework`.
    pub(crate) framework: Framework,
    /// `--then` (only with MoSCoW).
    pub(crate) then: Option<Framework>,
    /// `--alignment-weight`.
    pub(crate) alignment_weight: Option<AlignmentWeight>,
    /// `--top`.
    pub(crate) top: Option<usize>,
    /// `--capacity`.
    pub(crate) capacity: Option<Effort>,
    /// `--strict`.
    pub(crate) strict: bool,
    /// `--format`.
    pub(crate) format: Format,
}

impl Options {
    /// Parses the process's arguments. `extra` sees each option first (name with its dashes,
    /// e.g. `--horizon`) and returns `Ok(true)` when it took it, so a program can add options
    /// or refuse shared ones; `-h`/`--help` prints `usage` and exits with status 0.
    ///
    /// # Errors
    ///
    /// An unknown option, a missing or bad value, an option given twice, a second `FILE`, or
    /// `--then`/`--alignment-weight` where they mean nothing.
    pub(crate) fn parse(
        usage: &str,
        extra: impl FnMut(&str, &mut Args) -> Result<bool, Failure>,
    ) -> Result<Options, Failure> {
        Options::parse_from(Args::from_env()?, usage, extra)
    }

    /// As [`Options::parse`], from given arguments (without the program name).
    ///
    /// # Errors
    ///
    /// As [`Options::parse`].
    pub(crate) fn parse_from(
        mut args: Args,
        usage: &str,
        mut extra: impl FnMut(&str, &mut Args) -> Result<bool, Failure>,
    ) -> Result<Options, Failure> {
        let mut options = Options::default();
        let mut seen: Vec<String> = Vec::new();
        while let Some(arg) = args.next_arg()? {
            let name = match arg {
                Arg::Positional(file) => {
                    if let Some(first) = &options.file {
                        return Err(Failure::new(format_args!(
                            "unexpected argument {file:?}: FILE is already {first:?} (give one FILE)"
                        )));
                    }
                    options.file = Some(file);
                    continue;
                }
                Arg::Option(name) => name,
            };
            if name == "-h" || name == "--help" {
                println!("{usage}");
                std::process::exit(0);
            }
            if seen.contains(&name) && !REPEATABLE.contains(&name.as_str()) {
                return Err(Failure::new(format_args!("option {name} is given twice")));
            }
            seen.push(name.clone());
            if !extra(&name, &mut args)? && !options.accept(&name, &mut args)? {
                return Err(Failure::new(format_args!("unknown option {name} (see --help)")));
            }
        }
        options.check()?;
        Ok(options)
    }

    /// Takes one shared option; `Ok(false)` when `name` is not one.
    fn accept(&mut self, name: &str, args: &mut Args) -> Result<bool, Failure> {
        match name {
            "--framework" => self.framework = args.choice(name, FRAMEWORKS)?,
            "--then" => self.then = Some(args.choice(name, &FRAMEWORKS[..2])?),
            "--format" => self.format = args.choice(name, FORMATS)?,
            "--alignment-weight" => {
                let value: f64 = args.parse(name, "a number in 0..=1")?;
                let weight = AlignmentWeight::new(value)
                    .map_err(|_| Failure::new(format_args!("option {name}: {value} is outside 0..=1")))?;
                self.alignment_weight = Some(weight);
            }
            "--top" => self.top = Some(args.parse(name, "a whole number >= 0")?),
            "--capacity" => {
                let value: f64 = args.parse(name, "a number > 0")?;
                let capacity = Effort::new(value)
                    .map_err(|error| Failure::new(format_args!("option {name}: {error}")))?;
                self.capacity = Some(capacity);
            }
            "--strict" => {
                args.no_value(name)?;
                self.strict = true;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Checks the options against each other.
    fn check(&self) -> Result<(), Failure> {
        if self.framework != Framework::Moscow && self.then.is_some() {
            return Err(Failure::new("option --then needs --framework moscow"));
        }
        if self.framework == Framework::Moscow && self.then.is_none() && self.alignment_weight.is_some() {
            return Err(Failure::new(
                "option --alignment-weight needs a score to weight: with --framework moscow, \
                 add --then rice or --then wsjf",
            ));
        }
        Ok(())
    }

    /// The engine the options choose, with the alignment weight.
    pub(crate) fn engine(&self) -> Box<dyn Engine> {
        let weight = self.alignment_weight.unwrap_or_default();
        match (self.framework, self.then) {
            (Framework::Rice, _) => Box::new(Rice::default().alignment_weight(weight)),
            (Framework::Wsjf, _) => Box::new(Wsjf::default().alignment_weight(weight)),
            (Framework::Moscow, None) => Box::new(MoSCoW::default()),
            (Framework::Moscow, Some(Framework::Wsjf)) => {
                Box::new(MoSCoW::default().then(Wsjf::default()).alignment_weight(weight))
            }
            (Framework::Moscow, Some(_)) => {
                Box::new(MoSCoW::default().then(Rice::default()).alignment_weight(weight))
            }
        }
    }

    /// One engine per framework of `frameworks`, with these options' alignment weight; `then`
    /// is MoSCoW's secondary order.
    pub(crate) fn engines(&self, frameworks: &[Framework], then: Option<Framework>) -> Vec<Box<dyn Engine>> {
        frameworks
            .iter()
            .map(|&framework| {
                let then = if framework == Framework::Moscow { then } else { None };
                Options { framework, then, ..self.clone() }.engine()
            })
            .collect()
    }

    /// The ranking options: `--top`, `--capacity` and `--strict`.
    pub(crate) fn rank_options(&self) -> RankOptions {
        let mut options = RankOptions::default();
        if let Some(top) = self.top {
            options = options.top(top);
        }
        if let Some(capacity) = self.capacity {
            options = options.capacity(capacity);
        }
        if self.strict {
            options = options.unscored(UnscoredPolicy::Reject);
        }
        options
    }
}

/// Options a program may give more than once (`--pin` of `rank` and `plan`); each occurrence
/// goes to the program's `extra`.
const REPEATABLE: &[&str] = &["--pin"];

const FRAMEWORKS: &[(&str, Framework)] =
    &[("rice", Framework::Rice), ("wsjf", Framework::Wsjf), ("moscow", Framework::Moscow)];
const FORMATS: &[(&str, Format)] = &[("table", Format::Table), ("json", Format::Json), ("csv", Format::Csv)];

/// Reads the backlog `FILE` names: a `.json` or `.csv` path, `-` for JSON on standard input,
/// or `None` for the embedded sample.
///
/// # Errors
///
/// A file that cannot be read, an unknown extension, or any error of the backlog, each prefixed
/// with where the backlog came from.
pub(crate) fn load_backlog(file: Option<&str>) -> Result<Backlog, Failure> {
    match file {
        None => parse_json("embedded sample", SAMPLE),
        Some("-") => {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|error| Failure::new(format_args!("cannot read standard input: {error}")))?;
            parse_json("standard input", &text)
        }
        Some(path) => {
            let extension = Path::new(path).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            let cannot_read = |error: io::Error| Failure::new(format_args!("cannot read {path:?}: {error}"));
            match extension.as_deref() {
                Some("json") => parse_json(path, &std::fs::read_to_string(path).map_err(cannot_read)?),
                Some("csv") => {
                    let file = std::fs::File::open(path).map_err(cannot_read)?;
                    prioritize::csv::read_backlog(io::BufReader::with_capacity(1 << 16, file))
                        .map_err(|error| Failure::new(format_args!("{path}: {error}")))
                }
                _ => Err(Failure::new(format_args!(
                    "{path:?} is not a .json or .csv file (give a .json or .csv backlog, or - for JSON \
                     on standard input)"
                ))),
            }
        }
    }
}

fn parse_json(source: &str, text: &str) -> Result<Backlog, Failure> {
    serde_json::from_str(text).map_err(|error| Failure::new(format_args!("{source}: {error}")))
}

//! Command-line code shared by the examples (`rank`, `plan`, `analyze`, `report`): one set of input,
//! option and error conventions.
//!
//! A program includes it with `mod common;`, flattens the shared options ([`RankArgs`]) into its
//! clap parser, and runs its body through [`run`]:
//!
//! ```ignore
//! mod common;
//!
//! /// rank: ...
//! #[derive(clap::Parser)]
//! struct Cli {
//!     #[command(flatten)]
//!     rank: common::RankArgs,
//! }
//!
//! fn main() -> std::process::ExitCode {
//!     common::run(|| {
//!         let options = common::parse::<Cli>(&[])?.rank.options()?;
//!         let backlog = common::load_backlog(&options.input, options.file.as_deref())?;
//!         let engine = options.engine();
//!         let ranking = backlog.rank_with(&engine, &options.rank_options())?;
//!         common::write_json(&ranking)
//!     })
//! }
//! ```
//!
//! Conventions: `FILE` is a `.json` or `.csv` backlog, `-` for JSON on standard input, or absent
//! for the embedded sample; options and files come in any order, `--name value` or
//! `--name=value`; a failure prints `error: ...` lines on standard error (each starting with the
//! file's name when it is about the file), nothing on standard output, and exits with status 2;
//! advice prints `warning: ...` lines on standard error.

// Each example uses a part of this module.
#![allow(dead_code, unused_imports)]

mod args;
mod cli;
mod table;
mod values;

use std::fmt::Display;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use prioritize::csv::Preset;
use prioritize::interchange::Config;
use prioritize::model::Effort;
use prioritize::plan::PlannedItem;
use prioritize::ranking::UnscoredPolicy;
use prioritize::{AlignmentWeight, Backlog, Engine, Formula, Moscow, Pairwise, RankOptions};
use serde::de::DeserializeSeed;

pub(crate) use args::{EngineArgs, InputArgs, InputFormat, RankArgs, TableOrJson, WeightArgs};
pub(crate) use table::{Align, ID_WIDTH, Table, clip, column_name, escape, number, shorten_middle};
pub(crate) use values::Periods;

/// The value parsers of the shared options, for a program's own options.
pub(crate) mod parsers {
    pub(crate) use super::args::{effort, number, pin, then_parser};
    pub(crate) use super::cli::count;
    pub(crate) use super::values::{periods, split, uncertainty};
}

/// The embedded sample backlog: a B2B SaaS billing and checkout product.
pub(crate) const SAMPLE: &str = include_str!("../data/backlog.json");

/// The exit status of bad input or bad options.
pub(crate) const EXIT_ERROR: u8 = 2;

/// The width tables are fitted to.
pub(crate) const TABLE_WIDTH: usize = 100;

/// The help's last line.
pub(crate) const EXIT_STATUS: &str = "exit status: 0 on success, 2 on bad input or bad options";

/// Why a program failed: one or more messages, each printed as an `error:` line.
#[derive(Debug)]
pub(crate) struct Failure {
    messages: Vec<String>,
    /// An error of the library about the backlog, not yet prefixed with where it came from.
    about_input: bool,
}

impl Failure {
    /// A failure with one message.
    pub(crate) fn new(message: impl Display) -> Failure {
        Failure { messages: vec![message.to_string()], about_input: false }
    }

    /// Prefixes an error about the backlog with where it came from (`backlog.json: item ...`);
    /// nothing for the embedded sample, or for an error already prefixed.
    #[must_use]
    pub(crate) fn in_file(mut self, file: Option<&str>) -> Failure {
        if let (true, Some(source)) = (self.about_input, source_name(file)) {
            for message in &mut self.messages {
                *message = format!("{source}: {message}");
            }
            self.about_input = false;
        }
        self
    }
}

impl From<prioritize::Error> for Failure {
    /// The library's error in the command line's words: a parameter out of range is the option
    /// that set it, and is about the command line, not the file.
    fn from(error: prioritize::Error) -> Failure {
        match (error.kind(), error.field()) {
            // "alignment_weight -0.5 is outside 0..=1": the option, then what it got.
            (prioritize::ErrorKind::Parameter, Some(parameter))
                if error.to_string().starts_with(&format!("{parameter} ")) =>
            {
                let message = error.to_string();
                Failure::new(format_args!(
                    "option --{}: {}",
                    parameter.replace('_', "-"),
                    &message[parameter.len() + 1..]
                ))
            }
            _ => Failure { about_input: true, ..Failure::new(error) },
        }
    }
}

/// Parses the process's arguments with clap: see [`cli::parse`].
///
/// # Errors
///
/// A bad command line, in one `error:` line.
pub(crate) fn parse<T: clap::Parser>(own: &[(String, String)]) -> Result<T, Failure> {
    cli::parse(own).map_err(Failure::new)
}

/// Runs a program's body: on failure, prints each message as an `error:` line on standard
/// error and exits with status 2.
pub(crate) fn run(body: impl FnOnce() -> Result<(), Failure>) -> ExitCode {
    match body() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure { messages, .. }) => {
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
        notes.push(format!("unscored (lacks {})", entry.missing_names().join(", ")));
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

/// A scoring framework, as `--framework` and `--then` name it: the library's.
pub(crate) use prioritize::engine::Framework;

/// An output format, as `--format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// An aligned table for a terminal.
    #[default]
    Table,
    /// The JSON output: the library's serialized results.
    Json,
    /// A header row, then one row per ranked entry.
    Csv,
}

/// The shared options, parsed and checked.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// `FILE`: `None` for the embedded sample, `Some("-")` for standard input.
    pub(crate) file: Option<String>,
    /// How to read it.
    pub(crate) input: Input,
    /// `--framework`.
    pub(crate) framework: Framework,
    /// `--then` (only with MoSCoW).
    pub(crate) then: Option<Framework>,
    /// `--prior` (only with pairwise).
    pub(crate) prior: Option<f64>,
    /// `--scorecard`.
    pub(crate) scorecard: Option<String>,
    /// `--formula`.
    pub(crate) formula: Option<Formula>,
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

impl Default for Options {
    fn default() -> Options {
        Options {
            file: None,
            input: Input::default(),
            framework: Framework::Rice,
            then: None,
            prior: None,
            scorecard: None,
            formula: None,
            alignment_weight: None,
            top: None,
            capacity: None,
            strict: false,
            format: Format::default(),
        }
    }
}

impl Options {
    /// Checks the options against each other.
    pub(crate) fn check(&self) -> Result<(), Failure> {
        if self.framework != Framework::Moscow && self.then.is_some() {
            return Err(Failure::new("option --then needs --framework moscow"));
        }
        if self.framework != Framework::Pairwise && self.prior.is_some() {
            return Err(Failure::new("option --prior needs --framework pairwise"));
        }
        if self.framework == Framework::Moscow && self.then.is_none() && self.alignment_weight.is_some() {
            return Err(Failure::new(
                "option --alignment-weight needs a score to weight: with --framework moscow, \
                 add --then (rice, wsjf, ice, cd3 or opportunity)",
            ));
        }
        Ok(())
    }

    /// How messages name the engine called `name`: `moscow then wsjf` for MoSCoW ordered by a
    /// secondary engine, whose fields an unscored item may lack.
    pub(crate) fn engine_label(&self, name: &str) -> String {
        match (self.framework, self.then) {
            (Framework::Moscow, Some(then)) if name == Framework::Moscow.as_str() => {
                format!("{name} then {then}")
            }
            _ => name.to_owned(),
        }
    }

    /// The engine the options choose, with the alignment weight: a scorecard of `backlog`, a
    /// formula, or a framework.
    ///
    /// # Errors
    ///
    /// A scorecard the backlog does not name.
    pub(crate) fn engine(&self, backlog: &Backlog) -> Result<Box<dyn Engine>, Failure> {
        let weight = self.alignment_weight.unwrap_or_default();
        if let Some(name) = &self.scorecard {
            let Some(scorecard) = backlog.scorecard(name) else {
                let known: Vec<&str> = backlog.scorecards().iter().map(prioritize::Scorecard::id).collect();
                let known = if known.is_empty() { "none".to_owned() } else { known.join(", ") };
                return Err(Failure::new(format_args!(
                    "option --scorecard: the backlog has no scorecard {name:?} (its scorecards: {known})"
                )));
            };
            return Ok(Box::new(scorecard.alignment_weight(weight)));
        }
        if let Some(formula) = &self.formula {
            return Ok(Box::new(formula.clone().alignment_weight(weight)));
        }
        if let (Framework::Pairwise, Some(prior)) = (self.framework, self.prior) {
            // `--prior` was checked to be a finite number > 0.
            let pairwise = Pairwise::default().prior(prior).unwrap_or_default();
            return Ok(Box::new(pairwise.alignment_weight(weight)));
        }
        Ok(engine_of(self.framework, self.then, weight))
    }

    /// One engine per framework of `frameworks`, with these options' alignment weight; `then`
    /// is MoSCoW's secondary order.
    pub(crate) fn engines(&self, frameworks: &[Framework], then: Option<Framework>) -> Vec<Box<dyn Engine>> {
        frameworks
            .iter()
            .map(|&framework| {
                let then = if framework == Framework::Moscow { then } else { None };
                let options = Options { framework, then, scorecard: None, formula: None, ..self.clone() };
                engine_of(framework, then, options.alignment_weight.unwrap_or_default())
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

/// The engine of a framework that scores on its own (MoSCoW orders by category: as a plain
/// framework it stands for itself with no secondary order).
/// The framework's engine with alignment weight `weight`; under MoSCoW, `then` orders each
/// category and the weight applies to its scores.
fn engine_of(framework: Framework, then: Option<Framework>, weight: AlignmentWeight) -> Box<dyn Engine> {
    match (framework, then) {
        (Framework::Moscow, Some(then)) => {
            Box::new(Moscow::default().then(then.engine(AlignmentWeight::default())).alignment_weight(weight))
        }
        (framework, _) => framework.engine(weight),
    }
}

/// How error messages name standard input.
const STANDARD_INPUT: &str = "standard input";

/// Where the backlog `FILE` names comes from, as error messages say it: the path, `standard
/// input`, or `None` for the embedded sample.
fn source_name(file: Option<&str>) -> Option<&str> {
    match file {
        None => None,
        Some("-") => Some(STANDARD_INPUT),
        Some(path) => Some(path),
    }
}

/// How to read `FILE`: `--from`, `--map`, `--input-format`, `--config`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Input {
    /// `--from`: another tool's CSV export.
    pub(crate) from: Option<Preset>,
    /// `--map`: CSV columns and their fields.
    pub(crate) map: Vec<(String, String)>,
    /// `--input-format`.
    pub(crate) format: Option<InputFormat>,
    /// `--config`: a JSON file of sections to add.
    pub(crate) config: Option<String>,
}

/// Reads the backlog `FILE` names: a `.json` or `.csv` path, `-` for standard input (JSON unless
/// `--input-format csv`), or `None` for the embedded sample; with the sections of `--config`, and
/// CSV read by `--from` and `--map`. Columns a CSV file has that match no field are named in one
/// `warning:` line.
///
/// # Errors
///
/// A file that cannot be read, an unknown extension, an empty file (nothing but white space), or
/// any error of the backlog, each prefixed with where the backlog came from.
pub(crate) fn load_backlog(input: &Input, file: Option<&str>) -> Result<Backlog, Failure> {
    let config = match &input.config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|error| Failure::new(format_args!("cannot read {path:?}: {error}")))?;
            serde_json::from_str::<Config>(without_bom(&text))
                .map_err(|error| Failure::new(format_args!("{path}: {error}")))?
        }
        None => Config::new(),
    };
    let extension = file.and_then(|path| Path::new(path).extension()).and_then(|e| e.to_str());
    let format = match (input.format, file, extension.map(str::to_ascii_lowercase).as_deref()) {
        (Some(format), _, _) => format,
        (None, None | Some("-"), _) | (None, _, Some("json")) => InputFormat::Json,
        (None, _, Some("csv")) => InputFormat::Csv,
        (None, Some(path), _) => {
            return Err(Failure::new(format_args!(
                "{path:?} is not a .json or .csv file (give a .json or .csv backlog, - for standard \
                 input, or --input-format)"
            )));
        }
    };
    if format == InputFormat::Json && (input.from.is_some() || !input.map.is_empty()) {
        return Err(Failure::new(
            "options --from and --map read CSV (give a .csv file or --input-format csv)",
        ));
    }
    let source = source_name(file).unwrap_or("embedded sample");
    let cannot_read = |error: io::Error| match file {
        Some("-") => Failure::new(format_args!("cannot read standard input: {error}")),
        _ => Failure::new(format_args!("cannot read {source:?}: {error}")),
    };
    let reader: Box<dyn io::Read> = match file {
        None => Box::new(SAMPLE.as_bytes()),
        Some("-") => Box::new(io::stdin()),
        Some(path) => Box::new(std::fs::File::open(path).map_err(cannot_read)?),
    };
    let backlog = match format {
        InputFormat::Json => {
            let mut text = String::new();
            io::BufReader::new(reader).read_to_string(&mut text).map_err(cannot_read)?;
            parse_json(source, &text, &config)
        }
        InputFormat::Csv => {
            let reader = io::BufReader::with_capacity(1 << 16, reader);
            let Some(reader) = unless_blank(reader).map_err(cannot_read)? else {
                return Err(empty(source, "a header row such as id,title"));
            };
            let mut csv = prioritize::csv::Reader::new().config(&config);
            if let Some(preset) = input.from {
                csv = csv.preset(preset);
            }
            for (column, field) in &input.map {
                csv = csv.map(column, field);
            }
            let imported =
                csv.import(reader).map_err(|error| Failure::new(format_args!("{source}: {error}")))?;
            if !imported.ignored.is_empty() {
                // A few names, each quoted and escaped once, and the count of the rest: an export
                // can carry thousands of columns.
                const SHOWN: usize = 5;
                let names: Vec<String> =
                    imported.ignored.iter().take(SHOWN).map(|name| format!("{name:?}")).collect();
                let rest = imported.ignored.len().saturating_sub(SHOWN);
                let more = if rest > 0 { format!(" and {rest} more") } else { String::new() };
                warn(format_args!(
                    "{source}: ignored columns that match no field: {}{more}",
                    names.join(", ")
                ));
            }
            Ok(imported.backlog)
        }
    }?;
    warn_inconsistent(source, &backlog);
    Ok(backlog)
}

/// A `warning:` line for each set of comparisons whose consistency ratio is 0.1 or more, naming
/// the comparison that disagrees most with the weights.
fn warn_inconsistent(source: &str, backlog: &Backlog) {
    for (set, _) in backlog.comparisons().iter() {
        let Some(weights) = backlog.weights_from(set) else { continue };
        if let (false, Some(ratio), Some((a, b))) =
            (weights.is_consistent(), weights.consistency_ratio(), weights.most_inconsistent())
        {
            warn(format_args!(
                "{source}: comparisons {set:?} are inconsistent (consistency ratio {ratio:.3}, over 0.1); \
                 {a:?} against {b:?} disagrees most with the weights"
            ));
        }
    }
}

fn parse_json(source: &str, text: &str, config: &Config) -> Result<Backlog, Failure> {
    let text = without_bom(text);
    if text.trim().is_empty() {
        return Err(empty(source, "[]"));
    }
    // Standard input is read as JSON: text that cannot begin JSON's array or object is most
    // likely CSV piped in.
    let not_json = source == STANDARD_INPUT && !text.trim_start().starts_with(['[', '{']);
    config.backlog_from_json(text).map_err(|error| {
        if not_json && error.kind() == prioritize::ErrorKind::Syntax {
            Failure::new(format_args!(
                "{source}: {error} (standard input is read as JSON; give --input-format csv for CSV)"
            ))
        } else {
            Failure::new(format_args!("{source}: {error}"))
        }
    })
}

/// `text` without the byte order mark that Windows Notepad writes first.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The error of an empty backlog file; `empty_backlog` is how to write a backlog of no items.
fn empty(source: &str, empty_backlog: &str) -> Failure {
    let what = if source == STANDARD_INPUT { "the input" } else { "the file" };
    Failure::new(format_args!("{source}: {what} is empty (write {empty_backlog} for a backlog of no items)"))
}

/// Reads the leading white space (blank lines); `None` when nothing else follows, else a reader
/// of the whole text, that white space included.
fn unless_blank<R: io::BufRead>(mut reader: R) -> io::Result<Option<impl io::Read>> {
    let mut blank = Vec::new();
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(None);
        }
        let white = buffer.iter().take_while(|byte| byte.is_ascii_whitespace()).count();
        blank.extend_from_slice(&buffer[..white]);
        let more = white < buffer.len();
        reader.consume(white);
        if more {
            return Ok(Some(io::Cursor::new(blank).chain(reader)));
        }
    }
}

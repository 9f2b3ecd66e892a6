//! `edits`: a backlog held in memory while a stream of edits changes it, as an application holds
//! one; after each edit, the top of the new order.
//!
//! ```text
//! cargo run --release --example edits -- [OPTIONS] [EDITS]
//! ```
//!
//! `EDITS` is a file of commands, one a line (`-` or none: standard input); blank lines and lines
//! starting with `#` are skipped:
//!
//! ```text
//! set ID FIELD VALUE     one field: a number, a label (high, 80%, must), or JSON (a range, ratings)
//! insert JSON            a new item, last in the input order
//! replace JSON           the item with the same id, in its place
//! remove ID              the item (refused while others depend on it)
//! ```
//!
//! A failed edit is reported as an `error:` line naming the line, the item and the field, and
//! changes nothing; the stream goes on, and the exit status is then 2.

use std::fmt::Write as _;
use std::io::{self, BufRead, BufReader, Read};
use std::process::ExitCode;

use clap::Parser;
use prioritize::{Backlog, BacklogItem, FieldValue, RankOptions, Rice};

const SAMPLE: &str = include_str!("data/backlog.json");

/// edits: apply a stream of edits to a backlog and print the top of the RICE order after each
#[derive(Debug, Parser)]
#[command(
    name = "edits",
    after_help = "Exit status: 0 when every edit applied, 2 when one failed or the input is bad."
)]
struct Cli {
    /// the file of edits, one a line (`-` or none: standard input)
    edits: Option<String>,
    /// the backlog (JSON) to start from (default: the embedded sample backlog)
    #[arg(long, value_name = "FILE")]
    backlog: Option<String>,
    /// how many entries of the order to print after each edit
    #[arg(long, value_name = "N", default_value_t = 5)]
    top: usize,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(2),
        Err(message) => {
            eprintln!("error: {}", printable(&message));
            ExitCode::from(2)
        }
    }
}

/// Applies every edit; whether all of them applied.
fn run(cli: &Cli) -> Result<bool, String> {
    let text = match &cli.backlog {
        Some(path) => std::fs::read_to_string(path).map_err(|error| format!("{path}: {error}"))?,
        None => SAMPLE.to_owned(),
    };
    let mut backlog: Backlog = serde_json::from_str(&text).map_err(|error| error.to_string())?;
    let input: Box<dyn Read> = match cli.edits.as_deref() {
        None | Some("-") => Box::new(io::stdin()),
        Some(path) => Box::new(std::fs::File::open(path).map_err(|error| format!("{path}: {error}"))?),
    };
    let options = RankOptions::default().top(cli.top);
    let mut all_applied = true;
    for (number, line) in BufReader::new(input).lines().enumerate() {
        let line = line.map_err(|error| error.to_string())?;
        let command = line.trim();
        if command.is_empty() || command.starts_with('#') {
            continue;
        }
        match apply(&mut backlog, command) {
            Ok(()) => {
                let ranking =
                    backlog.rank_with(Rice::default(), &options).map_err(|error| error.to_string())?;
                let mut text = format!("after line {}: {}\n", number + 1, printable(command));
                for entry in ranking.iter() {
                    let score = entry.score().map_or_else(|| "-".to_owned(), |score| format!("{score:.1}"));
                    let item = entry.item();
                    let _ = writeln!(
                        text,
                        "  {:>3} {:<10} {score:>9}  {}",
                        entry.rank(),
                        printable(item.id()),
                        printable(item.title())
                    );
                }
                print!("{text}");
            }
            Err(message) => {
                all_applied = false;
                eprintln!("error: line {}: {}", number + 1, printable(&message));
            }
        }
    }
    Ok(all_applied)
}

/// Applies one command.
fn apply(backlog: &mut Backlog, command: &str) -> Result<(), String> {
    let (verb, rest) = command.split_once(char::is_whitespace).unwrap_or((command, ""));
    let rest = rest.trim();
    let item = |json: &str| serde_json::from_str::<BacklogItem>(json).map_err(|error| error.to_string());
    match verb {
        "set" => {
            let mut words = rest.splitn(3, char::is_whitespace);
            let (Some(id), Some(field), Some(value)) = (words.next(), words.next(), words.next()) else {
                return Err("set needs an id, a field and a value: set ID FIELD VALUE".to_owned());
            };
            backlog.set(id, field, value_of(value.trim())?).map_err(|error| error.to_string())
        }
        "insert" => backlog.insert(item(rest)?).map_err(|error| error.to_string()),
        "replace" => backlog.replace(item(rest)?).map(drop).map_err(|error| error.to_string()),
        "remove" => backlog.remove(rest).map(drop).map_err(|error| error.to_string()),
        other => Err(format!("unknown command {other:?} (expected set, insert, replace or remove)")),
    }
}

/// A value as written: JSON for a range (`{"low": 1, "high": 3}`) or ratings
/// (`{"ratings": {"po": 3}}`), a number, or else a label.
fn value_of(text: &str) -> Result<FieldValue, String> {
    if !text.starts_with('{') {
        return Ok(text.parse::<f64>().map_or_else(|_| FieldValue::from(text), FieldValue::from));
    }
    let json: serde_json::Value =
        serde_json::from_str(text).map_err(|error| format!("value {text}: {error}"))?;
    let number = |value: &serde_json::Value| {
        value.as_f64().ok_or_else(|| format!("value {text}: {value} is not a number"))
    };
    if let Some(ratings) = json.get("ratings").and_then(serde_json::Value::as_object) {
        let ratings = ratings.iter().map(|(rater, value)| Ok((rater.clone(), number(value)?)));
        return Ok(FieldValue::Ratings(ratings.collect::<Result<_, String>>()?));
    }
    match (json.get("low"), json.get("expected"), json.get("high")) {
        (Some(low), expected, Some(high)) => Ok(FieldValue::Range {
            low: number(low)?,
            expected: expected.map(number).transpose()?,
            high: number(high)?,
        }),
        _ => Err(format!("value {text}: expected a range {{\"low\", \"high\"}} or {{\"ratings\": {{...}}}}")),
    }
}

/// Text for a terminal: control characters shown escaped, never sent.
fn printable(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { c.escape_debug().to_string() } else { c.to_string() }).collect()
}

//! `analyze`: decision support on a backlog: how sure the ranking is, what would change it, how
//! the frameworks disagree, what they agree on, and what changed since the last version.
//!
//! ```text
//! cargo run --release --example analyze -- sensitivity|explain|compare|consensus|quadrants [OPTIONS] [FILE]
//! cargo run --release --example analyze -- diff OLD NEW [OPTIONS]
//! ```
//!
//! The analyses are the library's (`prioritize::analysis`); this program parses options, reads
//! the files, calls the library and prints a table or the library's results as JSON. Input,
//! option and error conventions are those of `rank` (`common/mod.rs`).

mod common;
#[path = "analyze/tables.rs"]
mod tables;

use std::process::ExitCode;

use common::{Args, Failure, Format, Framework, Options};
use prioritize::analysis::{self, Explanation, ItemBounds, Split, TopK, Unscored};
use prioritize::{Backlog, Engine, RankOptions, UnscoredPolicy};
use serde::Serialize;
use tables::{compare_table, consensus_table, diff_table, explain_table, quadrants_table, sensitivity_table};

fn main() -> ExitCode {
    common::run(analyze)
}

const USAGE_HEAD: &str = "\
analyze: decision support for a product backlog

usage: analyze sensitivity [--uncertainty F] [OPTIONS] [FILE]
       analyze explain [OPTIONS] [FILE]
       analyze compare [--frameworks LIST] [OPTIONS] [FILE]
       analyze consensus [--frameworks LIST] [OPTIONS] [FILE]
       analyze quadrants [--split median|mean|VALUE,EFFORT] [OPTIONS] [FILE]
       analyze diff OLD NEW [OPTIONS]

  sensitivity   each item's score and position range within its estimates' ranges, and the
                items certainly or only possibly in the top N
  explain       for each item, the smallest change of one input that passes the item ahead
  compare       Kendall's tau-b, Spearman's rho, top-N overlap and the largest position
                differences between frameworks
  consensus     a Borda-count ranking across frameworks
  quadrants     value against effort: quick wins, big bets, fill-ins and time sinks (value is
                rice reach*impact*confidence, wsjf cost of delay, otherwise score*effort)
  diff          what changed between two versions of a backlog (OLD comes right after diff)

  --uncertainty F            give every estimate without a range one of +-F (0.2 for +-20 %)
  --frameworks LIST          comma-separated, from rice, wsjf, moscow (default rice,wsjf,moscow;
                             --then sets moscow's secondary order)
  --top N                    the N of top-N (default 5); explain and quadrants: the first N
                             items only
  --split median|mean|VALUE,EFFORT
                             quadrants: where the split lines go (default median; on a line
                             counts as high)";

/// The `k` of the top-k analyses when `--top` is not given.
const DEFAULT_TOP: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Sensitivity,
    Explain,
    Compare,
    Consensus,
    Quadrants,
    Diff,
}

const COMMANDS: &[(&str, Command)] = &[
    ("sensitivity", Command::Sensitivity),
    ("explain", Command::Explain),
    ("compare", Command::Compare),
    ("consensus", Command::Consensus),
    ("quadrants", Command::Quadrants),
    ("diff", Command::Diff),
];

fn usage() -> String {
    let shared = common::OPTIONS_HELP.replace(
        "  --format table|json|csv    the output format (default table)",
        "  --format table|json        the output format (default table)",
    );
    format!("{USAGE_HEAD}\n{shared}\n\nexit status: 0 on success, 2 on bad input or bad options")
}

/// The options of `analyze` beyond the shared ones.
#[derive(Debug, Default)]
struct Extra {
    uncertainty: Option<f64>,
    frameworks: Option<Vec<Framework>>,
    /// `--then` for compare and consensus, where it sets MoSCoW's secondary order.
    then: Option<Framework>,
    split: Option<Split>,
}

fn analyze() -> Result<(), Failure> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let first = if args.is_empty() { String::new() } else { args.remove(0) };
    if first == "-h" || first == "--help" {
        println!("{}", usage());
        return Ok(());
    }
    let Some(&(_, command)) = COMMANDS.iter().find(|(name, _)| *name == first) else {
        let got = if first.is_empty() { String::new() } else { format!(", got {first:?}") };
        return Err(Failure::new(format_args!(
            "expected a subcommand: sensitivity, explain, compare, consensus, quadrants or diff{got} (see --help)"
        )));
    };
    let old = if command == Command::Diff {
        match args.first() {
            Some(file) if file == "-" || !file.starts_with('-') => Some(args.remove(0)),
            _ => return Err(Failure::new("diff needs two files: analyze diff OLD NEW [OPTIONS]")),
        }
    } else {
        None
    };
    let mut extra = Extra::default();
    let options =
        Options::parse_from(Args::new(args), &usage(), |name, args| take(command, &mut extra, name, args))?;
    if options.format == Format::Csv {
        return Err(Failure::new("option --format: analyze prints table or json, not csv"));
    }
    let top = options.top.unwrap_or(DEFAULT_TOP);
    let output = match command {
        Command::Sensitivity => {
            let mut backlog = common::load_backlog(options.file.as_deref())?;
            if let Some(fraction) = extra.uncertainty {
                backlog = analysis::with_uncertainty(&backlog, fraction)?;
            }
            let engine = options.engine();
            strict(&options, &backlog, &*engine)?;
            let report = analysis::sensitivity(&backlog, &*engine)?;
            let json = SensitivityOutput {
                framework: &report.framework,
                uncertainty: extra.uncertainty,
                top: report.top(top),
                items: &report.items,
                unscored: &report.unscored,
            };
            render(options.format, &json, || sensitivity_table(&report, top))?
        }
        Command::Explain => {
            let backlog = common::load_backlog(options.file.as_deref())?;
            let engine = options.engine();
            strict(&options, &backlog, &*engine)?;
            let mut explanations = analysis::explain(&backlog, &*engine)?;
            if let Some(n) = options.top {
                explanations.truncate(n);
            }
            let json = ExplainOutput { framework: engine.name(), items: &explanations };
            render(options.format, &json, || explain_table(&explanations))?
        }
        Command::Compare | Command::Consensus => {
            let backlog = common::load_backlog(options.file.as_deref())?;
            let frameworks = extra
                .frameworks
                .clone()
                .unwrap_or_else(|| vec![Framework::Rice, Framework::Wsjf, Framework::Moscow]);
            if command == Command::Compare && frameworks.len() < 2 {
                return Err(Failure::new("option --frameworks: compare needs two or more frameworks"));
            }
            let engines = options.engines(&frameworks, extra.then);
            let engines: Vec<&dyn Engine> = engines.iter().map(|engine| &**engine).collect();
            for engine in &engines {
                strict(&options, &backlog, *engine)?;
            }
            if command == Command::Compare {
                let comparison = analysis::compare(&backlog, &engines, top)?;
                render(options.format, &comparison, || compare_table(&comparison))?
            } else {
                let result = analysis::consensus(&backlog, &engines)?;
                render(options.format, &result, || consensus_table(&result))?
            }
        }
        Command::Quadrants => quadrants(&options, extra.split.unwrap_or_default())?,
        Command::Diff => {
            let old = common::load_backlog(old.as_deref())?;
            let Some(new) = options.file.as_deref() else {
                return Err(Failure::new("diff needs two files: analyze diff OLD NEW [OPTIONS]"));
            };
            let new = common::load_backlog(Some(new))?;
            let engine = options.engine();
            strict(&options, &old, &*engine)?;
            strict(&options, &new, &*engine)?;
            let result = analysis::diff(&old, &new, &*engine, top)?;
            render(options.format, &result, || diff_table(&result))?
        }
    };
    common::write_stdout(|out| out.write_all(output.as_bytes()))
}

/// `quadrants`: the value/effort matrix of the ranking the options choose.
fn quadrants(options: &Options, split: Split) -> Result<String, Failure> {
    let backlog = common::load_backlog(options.file.as_deref())?;
    let engine = options.engine();
    let ranking = backlog.rank_with(&*engine, &options.rank_options())?;
    let matrix = analysis::quadrants(&ranking, split)?;
    render(options.format, &matrix, || quadrants_table(&matrix, split))
}

/// Takes the options of `analyze` and refuses shared ones that mean nothing to `command`.
fn take(command: Command, extra: &mut Extra, name: &str, args: &mut Args) -> Result<bool, Failure> {
    let several = matches!(command, Command::Compare | Command::Consensus);
    match name {
        "--uncertainty" if command == Command::Sensitivity => {
            let fraction: f64 = args.parse(name, "a number in 0..1")?;
            if !(0.0..1.0).contains(&fraction) {
                return Err(Failure::new(format_args!(
                    "option {name}: {fraction} is outside 0..1 (a fraction, e.g. 0.2 for +-20 %)"
                )));
            }
            extra.uncertainty = Some(fraction);
        }
        "--frameworks" if several => {
            let list = args.value(name)?;
            let frameworks = list
                .split(',')
                .map(|label| match label.trim() {
                    "rice" => Ok(Framework::Rice),
                    "wsjf" => Ok(Framework::Wsjf),
                    "moscow" => Ok(Framework::Moscow),
                    other => Err(Failure::new(format_args!(
                        "option --frameworks: {other:?} is not one of rice, wsjf, moscow"
                    ))),
                })
                .collect::<Result<Vec<_>, _>>()?;
            extra.frameworks = Some(frameworks);
        }
        "--split" if command == Command::Quadrants => {
            extra.split = Some(common::split(name, &args.value(name)?)?);
        }
        "--then" if several => {
            extra.then = Some(args.choice(name, &[("rice", Framework::Rice), ("wsjf", Framework::Wsjf)])?);
        }
        "--framework" if several => {
            return Err(Failure::new("option --framework: compare and consensus take --frameworks LIST"));
        }
        "--uncertainty" | "--frameworks" | "--split" => {
            return Err(Failure::new(format_args!("option {name} does not apply to {}", label(command))));
        }
        "--capacity" => return Err(Failure::new("option --capacity does not apply to analyze")),
        _ => return Ok(false),
    }
    Ok(true)
}

fn label(command: Command) -> &'static str {
    COMMANDS.iter().find(|(_, c)| *c == command).map_or("", |(name, _)| name)
}

/// Under `--strict`, an item the engine cannot score is an error, as in `rank`.
fn strict(options: &Options, backlog: &Backlog, engine: &dyn Engine) -> Result<(), Failure> {
    if options.strict {
        backlog.rank_with(engine, &RankOptions::default().unscored(UnscoredPolicy::Reject))?;
    }
    Ok(())
}

/// The output: the table, or the value as pretty JSON (fields in the order the types declare).
fn render(format: Format, value: &impl Serialize, table: impl FnOnce() -> String) -> Result<String, Failure> {
    match format {
        Format::Json => serde_json::to_string_pretty(value)
            .map(|text| text + "\n")
            .map_err(|error| Failure::new(format_args!("cannot write JSON: {error}"))),
        _ => Ok(table()),
    }
}

/// `sensitivity` as JSON: the library's result with the options that shaped it.
#[derive(Serialize)]
struct SensitivityOutput<'a> {
    framework: &'a str,
    uncertainty: Option<f64>,
    top: TopK,
    items: &'a [ItemBounds],
    unscored: &'a [Unscored],
}

/// `explain` as JSON.
#[derive(Serialize)]
struct ExplainOutput<'a> {
    framework: &'a str,
    items: &'a [Explanation],
}

//! `analyze`: decision support on a backlog: how sure the ranking is, what would change it, how
//! the frameworks disagree, what they agree on, where value meets effort (quick wins, big bets,
//! fill-ins, time sinks), what changed since the last version, where the raters disagree, and
//! where the backlog parts from the strategy.
//!
//! ```text
//! cargo run --release --example analyze -- sensitivity|explain|compare|consensus|quadrants [OPTIONS] [FILE]
//! cargo run --release --example analyze -- diff OLD NEW [OPTIONS]
//! cargo run --release --example analyze -- agreement|strategy [OPTIONS] [FILE]
//! cargo run --release --example analyze -- ahp|kano [OPTIONS] FILE
//! ```
//!
//! The analyses are the library's (`prioritize::analysis`); this program parses options, reads
//! the files, calls the library and prints a table or the library's results as JSON. Input,
//! option and error conventions are those of `rank` (`common/mod.rs`).

mod common;
#[path = "analyze/judgments.rs"]
mod judgments;
#[path = "analyze/tables.rs"]
mod tables;

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser};
use common::{EngineArgs, Failure, Format, Framework, InputArgs, Options, RankArgs, TableOrJson, WeightArgs};
use prioritize::analysis::{self, Axes, Explanation, ItemBounds, MissingInputs, Split, TopK};
use prioritize::judgment::RandomIndex;
use prioritize::ranking::UnscoredPolicy;
use prioritize::{Backlog, Engine, Field, FieldSet, RankOptions};
use serde::Serialize;
use tables::{
    agreement_table, compare_table, consensus_table, diff_table, explain_table, quadrants_table,
    sensitivity_table, strategy_table,
};

/// analyze: decision support for a product backlog
#[derive(Debug, Parser)]
#[command(
    name = "analyze",
    subcommand_required = true,
    disable_help_subcommand = true,
    after_help = common::EXIT_STATUS
)]
struct Cli {
    #[command(subcommand)]
    analysis: Analysis,
}

#[derive(Debug, clap::Subcommand)]
enum Analysis {
    /// how sure the ranking is: score and position ranges, the certain and possible top N
    #[command(after_help = common::EXIT_STATUS)]
    Sensitivity {
        #[command(flatten)]
        rank: RankArgs,
        /// give each estimate without a range one of +-F (0.2: +-20 %)
        #[arg(long, value_name = "F", allow_negative_numbers = true, value_parser = common::parsers::uncertainty)]
        uncertainty: Option<f64>,
        /// the N of the certain and possible top N (default 5)
        #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = common::parsers::count)]
        top: Option<usize>,
        #[command(flatten)]
        format: TableOrJson,
    },
    /// for each item, the smallest change of one input that passes the item ahead
    #[command(after_help = common::EXIT_STATUS)]
    Explain {
        #[command(flatten)]
        rank: RankArgs,
        /// explain the first N items only
        #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = common::parsers::count)]
        top: Option<usize>,
        #[command(flatten)]
        format: TableOrJson,
    },
    /// how the frameworks disagree: tau-b, rho, top-N overlap, largest position differences
    #[command(after_help = common::EXIT_STATUS)]
    Compare {
        #[command(flatten)]
        several: SeveralArgs,
        /// the N of the top-N overlap (default 5)
        #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = common::parsers::count)]
        top: Option<usize>,
        #[command(flatten)]
        format: TableOrJson,
    },
    /// a Borda-count ranking across frameworks
    #[command(after_help = common::EXIT_STATUS)]
    Consensus {
        #[command(flatten)]
        several: SeveralArgs,
        #[command(flatten)]
        format: TableOrJson,
    },
    /// value against effort: quick wins, big bets, fill-ins and time sinks
    #[command(after_help = quadrants_help())]
    Quadrants {
        #[command(flatten)]
        rank: RankArgs,
        /// where the split lines go: the medians (default) or means of value
        /// and effort, or fixed lines; on a line counts as high
        #[arg(
            long,
            value_name = "median|mean|VALUE,EFFORT",
            allow_hyphen_values = true,
            value_parser = common::parsers::split,
            verbatim_doc_comment
        )]
        split: Option<Split>,
        #[command(flatten)]
        format: TableOrJson,
    },
    /// what changed between two versions of a backlog
    // diff reads no --config: its --scorecard help says whose scorecard it is instead.
    #[command(
        after_help = common::EXIT_STATUS,
        mut_arg("scorecard", |arg| arg.help("rank both with NEW's scorecard NAME"))
    )]
    Diff {
        /// the older backlog: a .json or .csv file, or - for JSON on standard input
        #[arg(value_name = "OLD")]
        old: String,
        /// the newer backlog
        #[arg(value_name = "NEW")]
        new: String,
        #[command(flatten)]
        engine: EngineArgs,
        /// unscored items are errors
        #[arg(long)]
        strict: bool,
        /// the N of the top N that items entered or left (default 5)
        #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = common::parsers::count)]
        top: Option<usize>,
        #[command(flatten)]
        format: TableOrJson,
    },
    /// where raters disagree: every rated field by the spread of its ratings, largest first
    #[command(after_help = common::EXIT_STATUS)]
    Agreement {
        #[command(flatten)]
        input: InputArgs,
        /// mark spreads of S or more as worth a conversation (default 0.5)
        #[arg(long, value_name = "S", allow_negative_numbers = true, value_parser = threshold)]
        threshold: Option<f64>,
        #[command(flatten)]
        format: TableOrJson,
    },
    /// the backlog's own order against the strategy (alignment): tau-b, the largest shifts
    #[command(after_help = common::EXIT_STATUS)]
    Strategy {
        #[command(flatten)]
        input: InputArgs,
        /// list the N largest shifts each way (default 5)
        #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = common::parsers::count)]
        top: Option<usize>,
        #[command(flatten)]
        format: TableOrJson,
    },
    /// weights from pairwise comparisons (AHP): the eigenvector, lambda_max, CI, RI, CR
    #[command(after_help = common::EXIT_STATUS)]
    Ahp {
        /// a JSON file whose comparisons are a list of [a, b, ratio]
        /// or sets of them by name (objectives, scorecard:NAME); - for standard input
        #[arg(value_name = "FILE", verbatim_doc_comment)]
        file: String,
        /// the random index of the consistency ratio: saaty (default) or donegan-dodd
        #[arg(long, value_name = "saaty|donegan-dodd", value_parser = random_index)]
        random_index: Option<RandomIndex>,
        #[command(flatten)]
        format: TableOrJson,
    },
    /// Kano categories from answer pairs: counts, category, better and worse, Fong's test
    #[command(after_help = common::EXIT_STATUS)]
    Kano {
        /// a JSON file whose kano object lists each feature's answer pairs
        /// (functional, dysfunctional: like, must-be, neutral, live-with or dislike);
        /// - for standard input
        #[arg(value_name = "FILE", verbatim_doc_comment)]
        file: String,
        #[command(flatten)]
        format: TableOrJson,
    },
}

/// The options of `compare` and `consensus`: one backlog, several frameworks.
#[derive(Debug, Args)]
struct SeveralArgs {
    #[command(flatten)]
    input: InputArgs,
    /// frameworks, comma-separated (default rice,wsjf,moscow)
    #[arg(long, value_name = "LIST", value_parser = frameworks)]
    frameworks: Option<Frameworks>,
    #[command(flatten)]
    weight: WeightArgs,
    /// unscored items are errors
    #[arg(long)]
    strict: bool,
}

/// The frameworks of `--frameworks`, one value.
#[derive(Debug, Clone)]
struct Frameworks(Vec<Framework>);

/// Framework names separated by commas, such as `rice,wsjf,moscow`.
fn frameworks(list: &str) -> Result<Frameworks, String> {
    list.split(',')
        .map(|label| {
            label.trim().parse::<Framework>().map_err(|_| {
                format!(
                    "{:?} is not one of rice, wsjf, moscow, ice, cd3, opportunity, pairwise",
                    label.trim()
                )
            })
        })
        .collect::<Result<_, _>>()
        .map(Frameworks)
}

/// How `quadrants` measures each framework `--framework` takes, as the library's [`Axes`] say,
/// after its options.
fn quadrants_help() -> String {
    let mut help = "value is what the score divides by effort:\n".to_owned();
    for framework in Framework::ALL {
        let name = framework.as_str();
        let axes = Axes::of(name);
        let against = match axes.effort() {
            Field::Effort => String::new(),
            other => format!(", against {other}"),
        };
        // Writing to a String cannot fail.
        let _ = writeln!(help, "  {name:<13}{}{against}", axes.value());
    }
    help + common::EXIT_STATUS
}

/// `--random-index NAME`.
fn random_index(name: &str) -> Result<RandomIndex, String> {
    name.parse().map_err(|_| format!("{name:?} is not one of saaty, donegan-dodd"))
}

/// `--threshold S`: a spread >= 0.
fn threshold(text: &str) -> Result<f64, String> {
    let spread = common::parsers::number(text, "a number >= 0")?;
    if spread.is_finite() && spread >= 0.0 {
        Ok(spread)
    } else {
        Err(format!("{spread} is outside the finite numbers >= 0"))
    }
}

/// The spread from which `agreement` marks a rated field as worth a conversation: the largest
/// rating twice the smallest, or the raters half the field's scale apart.
const DEFAULT_THRESHOLD: f64 = 0.5;

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
    Agreement,
    Strategy,
}

/// The options of `analyze` beyond the shared ones.
#[derive(Debug, Default)]
struct Extra {
    uncertainty: Option<f64>,
    frameworks: Option<Vec<Framework>>,
    /// `--then` for compare and consensus, where it sets MoSCoW's secondary order.
    then: Option<Framework>,
    split: Option<Split>,
    /// `--threshold` of agreement.
    threshold: Option<f64>,
}

fn main() -> ExitCode {
    common::run(|| {
        let cli: Cli = common::parse(&own_messages())?;
        // The judgments read files of their own, not backlogs.
        let output = match &cli.analysis {
            Analysis::Ahp { file, random_index, format } => Some(judgments::ahp(
                file,
                random_index.unwrap_or_default(),
                format.format.unwrap_or_default(),
            )?),
            Analysis::Kano { file, format } => {
                Some(judgments::kano(file, format.format.unwrap_or_default())?)
            }
            _ => None,
        };
        if let Some(output) = output {
            return common::write_stdout(|out| out.write_all(output.as_bytes()));
        }
        let (command, options, extra, old) = cli.analysis.split()?;
        analyze(command, &options, &extra, old.as_deref())
            .map_err(|failure| failure.in_file(options.file.as_deref()))
    })
}

/// The messages of `analyze` for arguments clap would call unknown or missing: the options of
/// the other subcommands, and `--capacity`, each refused as not applying
/// (`analyze explain --uncertainty 0.2`), and `diff`'s files.
fn own_messages() -> Vec<(String, String)> {
    let two_files = "diff needs two files: analyze diff OLD NEW [OPTIONS]";
    let mut messages = vec![
        ("--capacity".to_owned(), "option --capacity does not apply to analyze".to_owned()),
        ("OLD".to_owned(), two_files.to_owned()),
        ("NEW".to_owned(), two_files.to_owned()),
    ];
    let mut words = std::env::args_os().skip(1).filter_map(|arg| arg.into_string().ok());
    let Some(name) = words.find(|arg| !arg.starts_with('-')) else { return messages };
    let cli = Cli::command();
    let Some(chosen) = cli.find_subcommand(&name) else { return messages };
    let accepted: Vec<&str> = chosen.get_arguments().filter_map(clap::Arg::get_long).collect();
    if matches!(name.as_str(), "compare" | "consensus") {
        let message = "option --framework: compare and consensus take --frameworks LIST";
        messages.push(("--framework".to_owned(), message.to_owned()));
    }
    for other in cli.get_subcommands() {
        for long in other.get_arguments().filter_map(clap::Arg::get_long) {
            let option = format!("--{long}");
            if !accepted.contains(&long) && !messages.iter().any(|(known, _)| *known == option) {
                let message = format!("option {option} does not apply to {name}");
                messages.push((option, message));
            }
        }
    }
    messages
}

impl Analysis {
    /// The subcommand, the shared options, the others, and `diff`'s OLD.
    fn split(self) -> Result<(Command, Options, Extra, Option<String>), Failure> {
        let format = |format: TableOrJson| format.format.unwrap_or_default();
        Ok(match self {
            Analysis::Sensitivity { rank, uncertainty, top, format: f } => {
                let options = Options { top, format: format(f), ..rank.options()? };
                (Command::Sensitivity, options, Extra { uncertainty, ..Extra::default() }, None)
            }
            Analysis::Explain { rank, top, format: f } => (
                Command::Explain,
                Options { top, format: format(f), ..rank.options()? },
                Extra::default(),
                None,
            ),
            Analysis::Compare { several, top, format: f } => {
                let (options, extra) = several.split(top, format(f))?;
                (Command::Compare, options, extra, None)
            }
            Analysis::Consensus { several, format: f } => {
                let (options, extra) = several.split(None, format(f))?;
                (Command::Consensus, options, extra, None)
            }
            Analysis::Quadrants { rank, split, format: f } => (
                Command::Quadrants,
                Options { format: format(f), ..rank.options()? },
                Extra { split, ..Extra::default() },
                None,
            ),
            Analysis::Diff { old, new, engine, strict, top, format: f } => {
                let rank =
                    RankArgs { input: InputArgs { file: Some(new), ..InputArgs::default() }, engine, strict };
                (
                    Command::Diff,
                    Options { top, format: format(f), ..rank.options()? },
                    Extra::default(),
                    Some(old),
                )
            }
            Analysis::Agreement { input, threshold, format: f } => {
                let options = Options {
                    input: input.input(),
                    file: input.file()?,
                    format: format(f),
                    ..Options::default()
                };
                (Command::Agreement, options, Extra { threshold, ..Extra::default() }, None)
            }
            Analysis::Ahp { .. } | Analysis::Kano { .. } => {
                return Err(Failure::new("ahp and kano read their own files, not a backlog"));
            }
            Analysis::Strategy { input, top, format: f } => {
                let options = Options {
                    input: input.input(),
                    file: input.file()?,
                    top,
                    format: format(f),
                    ..Options::default()
                };
                (Command::Strategy, options, Extra::default(), None)
            }
        })
    }
}

impl SeveralArgs {
    fn split(self, top: Option<usize>, format: Format) -> Result<(Options, Extra), Failure> {
        let options = Options {
            input: self.input.input(),
            file: self.input.file()?,
            alignment_weight: self.weight.alignment_weight,
            strict: self.strict,
            top,
            format,
            ..Options::default()
        };
        let extra = Extra {
            frameworks: self.frameworks.map(|list| list.0),
            then: self.weight.then,
            ..Extra::default()
        };
        Ok((options, extra))
    }
}

fn analyze(command: Command, options: &Options, extra: &Extra, old: Option<&str>) -> Result<(), Failure> {
    let top = options.top.unwrap_or(DEFAULT_TOP);
    let output = match command {
        Command::Sensitivity => {
            let mut backlog = common::load_backlog(&options.input, options.file.as_deref())?;
            if let Some(fraction) = extra.uncertainty {
                backlog = analysis::with_uncertainty(&backlog, fraction)?;
            }
            let engine = options.engine(&backlog)?;
            strict(options, &backlog, &*engine)?;
            if engine.inputs(&backlog) == FieldSet::VOTES {
                common::warn(format_args!(
                    "{} scores come from the votes, not from estimated fields: given the votes, every \
                     score and position is certain",
                    engine.name()
                ));
            }
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
            let backlog = common::load_backlog(&options.input, options.file.as_deref())?;
            let engine = options.engine(&backlog)?;
            strict(options, &backlog, &*engine)?;
            if engine.inputs(&backlog) == FieldSet::VOTES {
                common::warn(format_args!(
                    "{} scores come from the votes, not from item fields: no change of a field passes \
                     an item, votes for it can",
                    engine.name()
                ));
            }
            let mut explanations = analysis::explain(&backlog, &*engine)?;
            if let Some(n) = options.top {
                explanations.truncate(n);
            }
            let json = ExplainOutput { framework: engine.name(), items: &explanations };
            render(options.format, &json, || explain_table(&explanations))?
        }
        Command::Compare | Command::Consensus => {
            let backlog = common::load_backlog(&options.input, options.file.as_deref())?;
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
                strict(options, &backlog, *engine)?;
            }
            if command == Command::Compare {
                let comparison = analysis::compare(&backlog, &engines, top)?;
                render(options.format, &comparison, || compare_table(&comparison))?
            } else {
                let result = analysis::consensus(&backlog, &engines)?;
                render(options.format, &result, || consensus_table(&result))?
            }
        }
        Command::Quadrants => {
            let backlog = common::load_backlog(&options.input, options.file.as_deref())?;
            let engine = options.engine(&backlog)?;
            let ranking = backlog.rank_with(&*engine, &options.rank_options())?;
            let split = extra.split.unwrap_or_default();
            let matrix = analysis::quadrants(&ranking, split)?;
            render(options.format, &matrix, || quadrants_table(&matrix, split))?
        }
        Command::Diff => {
            let old_file = old;
            let old = common::load_backlog(&options.input, old_file)?;
            let new = common::load_backlog(&options.input, options.file.as_deref())?;
            let engine = options.engine(&new)?;
            // OLD is ranked alone first, so that its errors name OLD (the diff's would name NEW).
            let ranked = old.rank_with(&*engine, &options.rank_options());
            ranked.map_err(|error| Failure::from(error).in_file(old_file))?;
            strict(options, &new, &*engine)?;
            let result = analysis::diff(&old, &new, &*engine, top)?;
            render(options.format, &result, || diff_table(&result))?
        }
        Command::Agreement => {
            let backlog = common::load_backlog(&options.input, options.file.as_deref())?;
            let report = analysis::agreement(&backlog);
            let threshold = extra.threshold.unwrap_or(DEFAULT_THRESHOLD);
            render(options.format, &report, || agreement_table(&report, threshold))?
        }
        Command::Strategy => {
            let backlog = common::load_backlog(&options.input, options.file.as_deref())?;
            let report = analysis::strategy(&backlog);
            render(options.format, &report, || strategy_table(&report, top))?
        }
    };
    common::write_stdout(|out| out.write_all(output.as_bytes()))
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
    unscored: &'a [MissingInputs],
}

/// `explain` as JSON.
#[derive(Serialize)]
struct ExplainOutput<'a> {
    framework: &'a str,
    items: &'a [Explanation],
}

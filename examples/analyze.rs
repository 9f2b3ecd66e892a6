//! `analyze`: decision support on a backlog: how sure the ranking is, what would change it, how
//! the frameworks disagree, what they agree on, and what changed since the last version.
//!
//! ```text
//! cargo run --release --example analyze -- sensitivity|explain|compare|consensus [OPTIONS] [FILE]
//! cargo run --release --example analyze -- diff OLD NEW [OPTIONS]
//! ```
//!
//! The analyses are the library's (`prioritize::analysis`); this program parses options, reads
//! the files, calls the library and prints a table or the library's results as JSON. Input,
//! option and error conventions are those of `rank` (`common/mod.rs`).

mod common;

use std::fmt::Write as _;
use std::process::ExitCode;

use common::{Align, Args, Failure, Format, Framework, Options, Table, number};
use prioritize::analysis::{self, Comparison, Consensus, Explanation, RankingDiff, Sensitivity};
use prioritize::{Backlog, Engine, RankOptions, UnscoredPolicy};

fn main() -> ExitCode {
    common::run(analyze)
}

const USAGE_HEAD: &str = "\
analyze: decision support for a product backlog

usage: analyze sensitivity [--uncertainty F] [OPTIONS] [FILE]
       analyze explain [OPTIONS] [FILE]
       analyze compare [--frameworks LIST] [OPTIONS] [FILE]
       analyze consensus [--frameworks LIST] [OPTIONS] [FILE]
       analyze diff OLD NEW [OPTIONS]

  sensitivity   each item's score and position range within its estimates' ranges, and the
                items certainly or only possibly in the top N
  explain       for each item, the smallest change of one input that passes the item ahead
  compare       Kendall's tau-b, Spearman's rho, top-N overlap and the largest position
                differences between frameworks
  consensus     a Borda-count ranking across frameworks
  diff          what changed between two versions of a backlog (OLD comes right after diff)

  --uncertainty F            give every estimate without a range one of +-F (0.2 for +-20 %)
  --frameworks LIST          comma-separated, from rice, wsjf, moscow (default rice,wsjf,moscow;
                             --then sets moscow's secondary order)
  --top N                    the N of top-N (default 5); explain: the first N items only";

/// The `k` of the top-k analyses when `--top` is not given.
const DEFAULT_TOP: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Sensitivity,
    Explain,
    Compare,
    Consensus,
    Diff,
}

const COMMANDS: &[(&str, Command)] = &[
    ("sensitivity", Command::Sensitivity),
    ("explain", Command::Explain),
    ("compare", Command::Compare),
    ("consensus", Command::Consensus),
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
            "expected a subcommand: sensitivity, explain, compare, consensus or diff{got} (see --help)"
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
            render(options.format, &sensitivity_json(&report, extra.uncertainty, top), || {
                sensitivity_table(&report, top)
            })
        }
        Command::Explain => {
            let backlog = common::load_backlog(options.file.as_deref())?;
            let engine = options.engine();
            strict(&options, &backlog, &*engine)?;
            let mut explanations = analysis::explain(&backlog, &*engine)?;
            if let Some(n) = options.top {
                explanations.truncate(n);
            }
            let json = serde_json::json!({ "framework": engine.name(), "items": explanations });
            render(options.format, &json, || explain_table(&explanations))
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
            let engines: Vec<Box<dyn Engine>> = frameworks
                .iter()
                .map(|&framework| {
                    let then = if framework == Framework::Moscow { extra.then } else { None };
                    Options { framework, then, ..options.clone() }.engine()
                })
                .collect();
            let engines: Vec<&dyn Engine> = engines.iter().map(|engine| &**engine).collect();
            for engine in &engines {
                strict(&options, &backlog, *engine)?;
            }
            if command == Command::Compare {
                let comparison = analysis::compare(&backlog, &engines, top)?;
                render(options.format, &to_json(&comparison)?, || compare_table(&comparison))
            } else {
                let result = analysis::consensus(&backlog, &engines)?;
                render(options.format, &to_json(&result)?, || consensus_table(&result))
            }
        }
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
            render(options.format, &to_json(&result)?, || diff_table(&result))
        }
    };
    common::write_stdout(|out| out.write_all(output.as_bytes()))
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
        "--then" if several => {
            extra.then = Some(args.choice(name, &[("rice", Framework::Rice), ("wsjf", Framework::Wsjf)])?);
        }
        "--framework" if several => {
            return Err(Failure::new("option --framework: compare and consensus take --frameworks LIST"));
        }
        "--uncertainty" | "--frameworks" => {
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

fn render(format: Format, json: &serde_json::Value, table: impl FnOnce() -> String) -> String {
    match format {
        Format::Json => {
            serde_json::to_string_pretty(json).map_or_else(|error| error.to_string(), |text| text + "\n")
        }
        _ => table(),
    }
}

fn to_json(value: &impl serde::Serialize) -> Result<serde_json::Value, Failure> {
    serde_json::to_value(value).map_err(|error| Failure::new(format_args!("cannot write JSON: {error}")))
}

fn optional(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), number)
}

fn sensitivity_json(report: &Sensitivity, uncertainty: Option<f64>, top: usize) -> serde_json::Value {
    serde_json::json!({
        "framework": report.framework,
        "uncertainty": uncertainty,
        "top": report.top(top),
        "items": report.items,
        "unscored": report.unscored,
    })
}

fn sensitivity_table(report: &Sensitivity, top: usize) -> String {
    let mut table = Table::new()
        .column("pos", Align::Right)
        .column("id", Align::Left)
        .flexible("title")
        .column("score", Align::Right)
        .column("min", Align::Right)
        .column("max", Align::Right)
        .column("best", Align::Right)
        .column("worst", Align::Right)
        .column("ranges", Align::Left);
    for item in &report.items {
        table.row(vec![
            item.position.to_string(),
            item.id.clone(),
            item.title.clone(),
            optional(item.score),
            optional(item.min_score),
            optional(item.max_score),
            item.best_position.to_string(),
            item.worst_position.to_string(),
            item.varied.iter().map(|field| common::column_name(field.as_str())).collect::<Vec<_>>().join(","),
        ]);
    }
    let mut text = table.render(common::TABLE_WIDTH);
    let top = report.top(top);
    let _ =
        writeln!(text, "\ntop {}: certainly {}; possibly {}", top.k, list(&top.certain), list(&top.possible));
    unscored(&mut text, report.unscored.iter().map(|u| (u.id.as_str(), u.missing.to_string())));
    text
}

fn list(ids: &[String]) -> String {
    if ids.is_empty() { "none".to_owned() } else { ids.join(", ") }
}

fn unscored<'a>(text: &mut String, items: impl Iterator<Item = (&'a str, String)>) {
    for (id, missing) in items {
        let _ = writeln!(text, "unscored: {id} lacks {missing}");
    }
}

fn explain_table(explanations: &[Explanation]) -> String {
    let mut table = Table::new()
        .column("pos", Align::Right)
        .column("id", Align::Left)
        .column("score", Align::Right)
        .column("ahead", Align::Left)
        .flexible("passes the item ahead if (the smallest single change)");
    for explanation in explanations {
        let what = match (&explanation.ahead, explanation.changes.first()) {
            (None, _) => "first".to_owned(),
            (Some(_), None) => "no single input change".to_owned(),
            (Some(_), Some(c)) => {
                let others = match explanation.changes.len() - 1 {
                    0 => String::new(),
                    1 => " (1 other, in JSON)".to_owned(),
                    n => format!(" ({n} others, in JSON)"),
                };
                format!("{} {} {} (now {}){others}", c.field, c.bound.symbol(), c.value, c.now)
            }
        };
        let ahead = explanation.ahead.clone().unwrap_or_default();
        table.row(vec![
            explanation.position.to_string(),
            explanation.id.clone(),
            optional(explanation.score),
            ahead,
            what,
        ]);
    }
    table.render(common::TABLE_WIDTH)
}

fn compare_table(comparison: &Comparison) -> String {
    let mut text = String::new();
    for pair in &comparison.pairs {
        let correlation =
            |value: Option<f64>| value.map_or_else(|| "undefined".to_owned(), |v| format!("{v:.3}"));
        let _ = writeln!(
            text,
            "{} vs {} ({} items): tau-b {}, rho {}; top {}: {} shared, only {}: {}, only {}: {}",
            pair.first,
            pair.second,
            pair.common,
            correlation(pair.kendall_tau_b),
            correlation(pair.spearman_rho),
            comparison.k,
            pair.top.shared.len(),
            pair.first,
            list(&pair.top.only_first),
            pair.second,
            list(&pair.top.only_second),
        );
        let largest: Vec<String> = pair
            .differences
            .iter()
            .take(3)
            .map(|d| format!("{} {} -> {}", d.id, d.first, d.second))
            .collect();
        let _ = writeln!(text, "  largest differences: {}", list(&largest));
    }
    let mut table = Table::new().column("id", Align::Left).flexible("title");
    for framework in &comparison.frameworks {
        table = table.column(framework.as_str(), Align::Right);
    }
    for item in &comparison.items {
        let mut cells = vec![item.id.clone(), item.title.clone()];
        cells.extend(item.positions.iter().map(|p| p.map_or_else(|| "-".to_owned(), |p| p.to_string())));
        table.row(cells);
    }
    text.push('\n');
    text.push_str(&table.render(common::TABLE_WIDTH));
    text
}

fn consensus_table(result: &Consensus) -> String {
    let mut table = Table::new()
        .column("pos", Align::Right)
        .column("rank", Align::Right)
        .column("id", Align::Left)
        .flexible("title")
        .column("points", Align::Right);
    for framework in &result.frameworks {
        table = table.column(framework.as_str(), Align::Right);
    }
    for entry in &result.ranking {
        let mut cells = vec![
            entry.position.to_string(),
            entry.rank.to_string(),
            entry.id.clone(),
            entry.title.clone(),
            number(entry.points),
        ];
        cells.extend(entry.positions.iter().map(ToString::to_string));
        table.row(cells);
    }
    let mut text = table.render(common::TABLE_WIDTH);
    for excluded in &result.excluded {
        let _ = writeln!(text, "excluded: {} (unscored by {})", excluded.id, excluded.unscored_by.join(", "));
    }
    text
}

fn diff_table(result: &RankingDiff) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "added: {}\nremoved: {}", list(&result.added), list(&result.removed));
    let _ = writeln!(
        text,
        "entered top {}: {}\nleft top {}: {}",
        result.k,
        list(&result.entered_top),
        result.k,
        list(&result.left_top)
    );
    if !result.now_unscored.is_empty() || !result.now_scored.is_empty() {
        let _ = writeln!(
            text,
            "now unscored: {}\nnow scored: {}",
            list(&result.now_unscored),
            list(&result.now_scored)
        );
    }
    let mut table = Table::new()
        .column("id", Align::Left)
        .column("old", Align::Right)
        .column("new", Align::Right)
        .column("moved", Align::Right)
        .flexible("inputs changed");
    for moved in &result.moved {
        let value = |value: Option<analysis::InputValue>| match value {
            None => "-".to_owned(),
            Some(analysis::InputValue::Number(number)) => common::number(number),
            Some(analysis::InputValue::Category(category)) => category.to_string(),
        };
        let inputs: Vec<String> = moved
            .inputs
            .iter()
            .map(|c| format!("{} {} -> {}", c.field, value(c.old), value(c.new)))
            .collect();
        table.row(vec![
            moved.id.clone(),
            moved.old_position.to_string(),
            moved.new_position.to_string(),
            format!("{:+}", moved.change),
            if inputs.is_empty() { "(others moved)".to_owned() } else { inputs.join(", ") },
        ]);
    }
    text.push('\n');
    text.push_str(&table.render(common::TABLE_WIDTH));
    text
}

//! `plan`: what fits a capacity, and which period of a roadmap each item goes in.
//!
//! ```text
//! cargo run --release --example plan -- --capacity 20 [--periods 20,30,rest] [OPTIONS] [FILE]
//! ```
//!
//! Planning is the library's (`CapacityPlan`, `Roadmap`, `Ranking::respecting_dependencies`);
//! this program parses options, reads the file, calls the library and prints. Conventions
//! (shared with `rank`) are in `common/mod.rs`.

mod common;

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Parser;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use common::{Align, Failure, Format, Options, Periods, RankArgs, Table, TableOrJson, parsers};
use prioritize::Ranking;
use prioritize::model::{Effort, NonNegative};
use prioritize::plan::{CapacityPlan, Method, Mode, Period, Pin, Roadmap};
use prioritize::ranking::{UnscoredItem, Warning};

/// plan: choose what fits a capacity, or fill roadmap periods, in dependency-aware order
#[derive(Debug, Parser)]
#[command(
    name = "plan",
    override_usage = "plan (--capacity C | --periods LIST) [OPTIONS] [FILE]",
    after_help = "--capacity and --periods may be given together.\nexit status: 0 on success, 2 on bad input or bad options"
)]
struct Cli {
    #[command(flatten)]
    rank: RankArgs,
    /// choose the items of highest total score that fit effort C
    #[arg(long, value_name = "C", allow_negative_numbers = true, value_parser = parsers::effort)]
    capacity: Option<Effort>,
    /// fill roadmap periods of these capacities:
    /// 20,30,rest or now=20,next=30,later=rest
    #[arg(long, value_name = "LIST", value_parser = parsers::periods, verbatim_doc_comment)]
    periods: Option<Periods>,
    /// how --capacity chooses (default auto: exact when it can be)
    #[arg(long, value_name = "exact|greedy|auto", value_parser = mode(), hide_possible_values = true)]
    mode: Option<Mode>,
    /// the effort unit of --mode exact (implies it; default 1)
    #[arg(long, value_name = "R", allow_negative_numbers = true, value_parser = parsers::effort)]
    resolution: Option<Effort>,
    /// put item ID at POSITION of the roadmap's order (repeatable)
    #[arg(long, value_name = "ID=POSITION", value_parser = parsers::pin)]
    pin: Vec<Pin>,
    #[command(flatten)]
    format: TableOrJson,
}

fn main() -> ExitCode {
    common::run(|| {
        let refused =
            [("--top".to_owned(), "option --top does not apply to plan (a plan holds what fits)".to_owned())];
        let cli: Cli = common::parse(&refused)?;
        let options = Options {
            capacity: cli.capacity,
            format: cli.format.format.unwrap_or_default(),
            ..cli.rank.options()?
        };
        let extra = PlanOptions {
            periods: cli.periods.map(|periods| periods.0),
            mode: cli.mode,
            resolution: cli.resolution,
            pins: cli.pin,
        };
        plan(&options, extra).map_err(|failure| failure.in_file(options.file.as_deref()))
    })
}

/// The options of `plan` beyond the shared ones.
#[derive(Debug, Default)]
struct PlanOptions {
    periods: Option<Vec<Period>>,
    mode: Option<Mode>,
    resolution: Option<Effort>,
    pins: Vec<Pin>,
}

impl PlanOptions {
    /// The mode, after `--resolution`.
    fn mode(&self) -> Result<Mode, Failure> {
        match (self.mode, self.resolution) {
            (None, None) => Ok(Mode::Auto),
            (None | Some(Mode::Exact { .. }), Some(resolution)) => Ok(Mode::Exact { resolution }),
            (Some(mode), None) => Ok(mode),
            (Some(_), Some(_)) => Err(Failure::new("option --resolution needs --mode exact (or no --mode)")),
        }
    }
}

fn one() -> Effort {
    Effort::new(1.0).unwrap_or_else(|_| unreachable!("1 is an effort"))
}

/// `--mode exact|greedy|auto`.
fn mode() -> impl TypedValueParser<Value = Mode> {
    PossibleValuesParser::new(["exact", "greedy", "auto"]).map(|label| match label.as_str() {
        "greedy" => Mode::Greedy,
        "auto" => Mode::Auto,
        _ => Mode::Exact { resolution: one() },
    })
}

/// The JSON output: `selection` with `--capacity`, `roadmap` with `--periods`.
#[derive(serde::Serialize)]
struct Output<'r, 'a> {
    framework: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    selection: Option<&'r CapacityPlan<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roadmap: Option<&'r Roadmap<'a>>,
    warnings: &'r [Warning],
    unscored: &'r [UnscoredItem<'a>],
}

fn plan(options: &Options, mut extra: PlanOptions) -> Result<(), Failure> {
    let mode = extra.mode()?;
    if options.capacity.is_none() && extra.periods.is_none() {
        return Err(Failure::new("plan needs --capacity C or --periods LIST (see --help)"));
    }
    let backlog = common::load_backlog(&options.input, options.file.as_deref())?;
    let engine = options.engine(&backlog)?;
    let ranking = backlog.rank_with(&*engine, &options.rank_options())?;
    let selection = match options.capacity {
        Some(capacity) => {
            let capacity = NonNegative::new(capacity.get()).map_err(Failure::new)?;
            // A capacity plan maximises scores: an engine that gives none is an option error.
            Some(CapacityPlan::new(&ranking, capacity, mode).map_err(|error| {
                if error.kind() == prioritize::ErrorKind::Parameter && error.field() == Some("framework") {
                    Failure::new(format_args!(
                        "option --framework: {} gives no scores; a capacity plan needs an engine that scores \
                         items (rice, wsjf, or moscow with --then)",
                        ranking.engine_name()
                    ))
                } else {
                    Failure::from(error)
                }
            })?)
        }
        None => None,
    };
    let planned = match extra.periods {
        Some(_) => Some(ranking.respecting_dependencies()?.pin(&extra.pins)?),
        None => None,
    };
    let roadmap = match (extra.periods.take(), &planned) {
        (Some(periods), Some(planned)) => Some(Roadmap::new(planned, periods)),
        _ => None,
    };
    let unscored: Vec<UnscoredItem<'_>> = ranking.unscored().collect();
    match options.format {
        Format::Json => {
            let output = Output {
                framework: ranking.engine_name(),
                selection: selection.as_ref(),
                roadmap: roadmap.as_ref(),
                warnings: ranking.warnings(),
                unscored: &unscored,
            };
            common::write_json(&output)
        }
        Format::Table | Format::Csv => {
            let mut text = String::new();
            if let Some(selection) = &selection {
                text.push_str(&selection_table(selection));
            }
            if let Some(roadmap) = &roadmap {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&roadmap_table(roadmap));
            }
            text.push_str(&unscored_table(&ranking, &options.engine_label(ranking.engine_name())));
            common::write_stdout(|out| out.write_all(text.as_bytes()))?;
            common::warn_all(ranking.warnings());
            Ok(())
        }
    }
}

fn score(score: Option<f64>) -> String {
    score.map_or_else(|| "-".to_owned(), common::number)
}

fn selection_table(plan: &CapacityPlan<'_>) -> String {
    let method = match plan.method() {
        Method::Exact { resolution } => format!("exact, effort in units of {}", common::number(*resolution)),
        Method::Greedy { fallback: None } => "greedy".to_owned(),
        Method::Greedy { fallback: Some(why) } => format!("greedy, since {why}"),
    };
    let mut text = format!("selection for capacity {} ({method})\n", common::number(plan.capacity()));
    let mut table = Table::new()
        .column("pos", Align::Right)
        .id("id")
        .column("moscow", Align::Left)
        .flexible("title")
        .column("score", Align::Right)
        .column("effort", Align::Right)
        .column("note", Align::Left);
    for entry in plan.iter() {
        let mut note = entry.promoted_by().map(|item| format!("for {}", item.id())).unwrap_or_default();
        if entry.score().is_none() {
            note = if note.is_empty() { "unscored".to_owned() } else { format!("{note}, unscored") };
        }
        table.row(vec![
            entry.position().to_string(),
            entry.item().id().to_string(),
            entry.item().moscow().map_or_else(String::new, |category| category.to_string()),
            entry.item().title().to_owned(),
            score(entry.score()),
            common::number(entry.effort()),
            note,
        ]);
    }
    text.push_str(&table.render(common::TABLE_WIDTH));
    let share = if plan.upper_bound() > 0.0 { plan.gap() / plan.upper_bound() * 100.0 } else { 0.0 };
    // Writing to a String cannot fail.
    let _ = writeln!(
        text,
        "total score {} for effort {} of {} ({} free); upper bound {}, gap {} ({:.1} %)",
        common::number(plan.total_score()),
        common::number(plan.total_effort()),
        common::number(plan.capacity()),
        common::number(plan.free()),
        common::number(plan.upper_bound()),
        common::number(plan.gap()),
        share
    );
    if plan.excluded().len() > 0 {
        text.push_str("\nexcluded: no plan may hold these\n");
        let mut excluded = Table::new().id("id").column("reason", Align::Left);
        for (item, reason) in plan.excluded() {
            excluded.row(vec![item.id().to_string(), reason.to_string()]);
        }
        text.push_str(&excluded.render(common::TABLE_WIDTH));
    }
    text
}

fn roadmap_table(roadmap: &Roadmap<'_>) -> String {
    let mut text = String::new();
    for bucket in roadmap.buckets() {
        let period = bucket.period();
        let room = match (period.capacity(), bucket.free()) {
            (Some(capacity), Some(free)) => format!(
                "{} of {} used, {} free",
                common::number(bucket.used()),
                common::number(capacity),
                common::number(free)
            ),
            _ => format!("{} used, no limit", common::number(bucket.used())),
        };
        let _ = writeln!(text, "period {}: {room}", common::clip(period.name()));
        let mut table = Table::new()
            .column("pos", Align::Right)
            .id("id")
            .flexible("title")
            .column("score", Align::Right)
            .column("effort", Align::Right)
            .column("note", Align::Left);
        for entry in bucket.items() {
            table.row(vec![
                entry.position().to_string(),
                entry.item().id().to_string(),
                entry.item().title().to_owned(),
                score(entry.score()),
                entry.item().effort().map_or_else(String::new, |effort| common::number(effort.get())),
                common::planned_note(&entry),
            ]);
        }
        text.push_str(&table.render(common::TABLE_WIDTH));
        text.push('\n');
    }
    if roadmap.unplaced().len() > 0 {
        text.push_str("not placed\n");
        let mut unplaced = Table::new().id("id").column("reason", Align::Left);
        for (entry, reason) in roadmap.unplaced() {
            unplaced.row(vec![entry.item().id().to_string(), reason.to_string()]);
        }
        text.push_str(&unplaced.render(common::TABLE_WIDTH));
    }
    text
}

fn unscored_table(ranking: &Ranking<'_>, engine: &str) -> String {
    if ranking.unscored().len() == 0 {
        return String::new();
    }
    let mut text = format!("\nunscored: these items lack fields {engine} needs (unscored is not zero)\n");
    let mut table = Table::new().id("id").column("missing", Align::Left);
    for item in ranking.unscored() {
        table.row(vec![item.item().id().to_string(), item.missing_names().join(", ")]);
    }
    text.push_str(&table.render(common::TABLE_WIDTH));
    text
}

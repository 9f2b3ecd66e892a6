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

use common::{Align, Failure, Format, Options, Table};
use prioritize::{
    CapacityPlan, Effort, Method, Mode, NonNegative, Period, Pin, Ranking, Roadmap, UnscoredItem, Warning,
};

fn main() -> ExitCode {
    common::run(plan)
}

const PLAN_HELP: &str = "\
  --capacity C               plan a timebox of effort C: the items with the highest total score
  --periods LIST             fill a roadmap: capacities such as 20,30,rest or now=20,next=30,later=rest
  --mode exact|greedy|auto   how the capacity plan chooses (default auto: exact when it can be)
  --resolution R             the effort unit of the exact mode (implies --mode exact; default 1)
  --pin ID=POSITION          put item ID at POSITION of the order the roadmap fills (repeatable)";

fn usage() -> String {
    format!(
        "plan: choose what fits a capacity, or fill roadmap periods, in dependency-aware order\n\n\
         usage: plan (--capacity C | --periods LIST) [OPTIONS] [FILE]\n\n{}\n{PLAN_HELP}\n\n\
         --capacity and --periods may be given together; --top and --format csv do not apply.\n\
         exit status: 0 on success, 2 on bad input or bad options",
        common::OPTIONS_HELP
    )
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
    fn accept(&mut self, name: &str, args: &mut common::Args) -> Result<bool, Failure> {
        match name {
            "--periods" => self.periods = Some(common::periods(name, &args.value(name)?)?),
            "--mode" => {
                self.mode = Some(
                    args.choice(
                        name,
                        &[("exact", None), ("greedy", Some(Mode::Greedy)), ("auto", Some(Mode::Auto))],
                    )?
                    .unwrap_or(Mode::Exact { resolution: one() }),
                );
            }
            "--resolution" => {
                let value: f64 = args.parse(name, "a number > 0")?;
                let resolution = Effort::new(value)
                    .map_err(|error| Failure::new(format_args!("option {name}: {error}")))?;
                self.resolution = Some(resolution);
            }
            "--pin" => {
                self.pins.push(args.pin(name)?);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

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

fn plan() -> Result<(), Failure> {
    let mut extra = PlanOptions::default();
    let options = Options::parse(&usage(), |name, args| extra.accept(name, args))?;
    let mode = extra.mode()?;
    if options.top.is_some() {
        return Err(Failure::new("option --top does not apply to plan (a plan holds what fits)"));
    }
    if options.format == Format::Csv {
        return Err(Failure::new("option --format: \"csv\" does not apply to plan (use table or json)"));
    }
    if options.capacity.is_none() && extra.periods.is_none() {
        return Err(Failure::new("plan needs --capacity C or --periods LIST (see --help)"));
    }
    let backlog = common::load_backlog(options.file.as_deref())?;
    let engine = options.engine();
    let ranking = backlog.rank_with(&*engine, &options.rank_options())?;
    let selection = match options.capacity {
        Some(capacity) => {
            let capacity = NonNegative::new(capacity.get()).map_err(Failure::new)?;
            Some(CapacityPlan::new(&ranking, capacity, mode)?)
        }
        None => None,
    };
    let roadmap = match extra.periods.take() {
        Some(periods) => Some(Roadmap::new(&ranking.respecting_dependencies()?.pin(&extra.pins)?, periods)),
        None => None,
    };
    let unscored: Vec<UnscoredItem<'_>> = ranking.unscored().collect();
    match options.format {
        Format::Json => {
            let output = Output {
                framework: ranking.framework(),
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
            text.push_str(&unscored_table(&ranking));
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
        .column("id", Align::Left)
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
        let mut excluded = Table::new().column("id", Align::Left).column("reason", Align::Left);
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
        let _ = writeln!(text, "period {}: {room}", period.name());
        let mut table = Table::new()
            .column("pos", Align::Right)
            .column("id", Align::Left)
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
        let mut unplaced = Table::new().column("id", Align::Left).column("reason", Align::Left);
        for (entry, reason) in roadmap.unplaced() {
            unplaced.row(vec![entry.item().id().to_string(), reason.to_string()]);
        }
        text.push_str(&unplaced.render(common::TABLE_WIDTH));
    }
    text
}

fn unscored_table(ranking: &Ranking<'_>) -> String {
    if ranking.unscored().len() == 0 {
        return String::new();
    }
    let mut text =
        format!("\nunscored: these items lack fields {} needs (unscored is not zero)\n", ranking.framework());
    let mut table = Table::new().column("id", Align::Left).column("missing", Align::Left);
    for item in ranking.unscored() {
        table.row(vec![item.item().id().to_string(), item.missing().to_string()]);
    }
    text.push_str(&table.render(common::TABLE_WIDTH));
    text
}

//! `rank`: rank a backlog with RICE, WSJF or MoSCoW and print the order, explained.
//!
//! ```text
//! cargo run --release --example rank -- [OPTIONS] [FILE]
//! ```
//!
//! Reading, validating and ranking are the library's; this program parses options, reads the
//! file, calls the library and prints. Conventions (shared with the other examples) are in
//! `common/mod.rs`.

mod common;

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Parser;
use common::{Align, Failure, Format, Framework, Options, RankArgs, Table, parsers};
use prioritize::model::Effort;
use prioritize::plan::{Pin, PlannedOrder};
use prioritize::ranking::{UnscoredItem, Warning};
use prioritize::{Breakdown, Category, Item, Ranking};

/// rank: rank a product backlog with RICE, WSJF or MoSCoW, weighted by strategic alignment
#[derive(Debug, Parser)]
#[command(name = "rank", after_help = common::EXIT_STATUS)]
struct Cli {
    #[command(flatten)]
    rank: RankArgs,
    /// keep the first N entries; list at most N unscored items
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = parsers::count)]
    top: Option<usize>,
    /// effort available in the timebox (MoSCoW's 60 % check)
    #[arg(long, value_name = "C", allow_negative_numbers = true, value_parser = parsers::effort)]
    capacity: Option<Effort>,
    /// the output format (default table)
    #[arg(long, value_name = "table|json|csv", value_enum, hide_possible_values = true)]
    format: Option<Format>,
    /// never place an item before an item it depends on;
    /// a prerequisite takes the place of what waits on it
    #[arg(long, verbatim_doc_comment)]
    respect_dependencies: bool,
    /// put item ID at POSITION, the rest as computed (repeatable)
    #[arg(long, value_name = "ID=POSITION", value_parser = parsers::pin)]
    pin: Vec<Pin>,
}

fn main() -> ExitCode {
    common::run(|| {
        let cli: Cli = common::parse(&[])?;
        let options = Options {
            top: cli.top,
            capacity: cli.capacity,
            format: cli.format.unwrap_or_default(),
            ..cli.rank.options()?
        };
        rank(&options, cli.respect_dependencies, &cli.pin)
            .map_err(|failure| failure.in_file(options.file.as_deref()))
    })
}

fn rank(options: &Options, respect_dependencies: bool, pins: &[Pin]) -> Result<(), Failure> {
    if options.capacity.is_some() && options.framework != Framework::Moscow {
        // Here the capacity only feeds MoSCoW's 60 % check; ignoring it would pass silently.
        return Err(Failure::new(
            "option --capacity needs --framework moscow (it is the basis of the 60 % check)",
        ));
    }
    if options.top == Some(0) {
        // An empty table without a word reads as a backlog without items.
        common::warn("option --top 0 lists no entry (give 1 or more to list the first ones)");
    }
    let backlog = common::load_backlog(&options.input, options.file.as_deref())?;
    let engine = options.engine(&backlog)?;
    if respect_dependencies || !pins.is_empty() {
        // Plan the whole backlog, then keep the top: a prerequisite may rank below the cut.
        let whole = Options { top: None, ..options.clone() };
        let ranking = backlog.rank_with(&*engine, &whole.rank_options())?;
        let order = if respect_dependencies {
            ranking.respecting_dependencies()?
        } else {
            PlannedOrder::ranked(&ranking)
        };
        let mut order = order.pin(pins)?;
        if let Some(top) = options.top {
            order.truncate(top);
        }
        let unscored = Unscored::new(order.unscored(), options.top);
        return print(
            options,
            &order,
            |out| prioritize::csv::write_order(&order, out),
            || {
                table(
                    &order_rows(&order),
                    order.is_categorized(),
                    &options.engine_label(order.engine_name()),
                    &unscored,
                )
            },
            (&options.engine_label(order.engine_name()), &unscored, order.warnings()),
        );
    }
    let ranking = backlog.rank_with(&*engine, &options.rank_options())?;
    let unscored = Unscored::new(ranking.unscored(), options.top);
    print(
        options,
        &ranking,
        |out| prioritize::csv::write_ranking(&ranking, out),
        || {
            table(
                &ranking_rows(&ranking),
                ranking.is_categorized(),
                &options.engine_label(ranking.engine_name()),
                &unscored,
            )
        },
        (&options.engine_label(ranking.engine_name()), &unscored, ranking.warnings()),
    )?;
    drop(unscored);
    drop(ranking);
    // The process ends now: the OS takes the memory back faster than freeing a large backlog
    // item by item.
    std::mem::forget(backlog);
    Ok(())
}

/// The unscored items the table and standard error list: with `--top N`, the first N, and how
/// many more there are.
struct Unscored<'a> {
    items: Vec<UnscoredItem<'a>>,
    more: usize,
    top: usize,
}

impl<'a> Unscored<'a> {
    fn new(mut all: impl Iterator<Item = UnscoredItem<'a>>, top: Option<usize>) -> Unscored<'a> {
        let top = top.unwrap_or(usize::MAX);
        let items = all.by_ref().take(top).collect();
        Unscored { items, more: all.count(), top }
    }

    /// `19979 more unscored items (--top 10 lists the first 10)`, when `--top` left some out.
    fn more(&self) -> Option<String> {
        let (more, top) = (self.more, self.top);
        let items = if more == 1 { "item" } else { "items" };
        (more > 0).then(|| format!("{more} more unscored {items} (--top {top} lists the first {top})"))
    }
}

/// Prints `output` in the chosen format; unscored items and warnings go to standard error
/// in the table and CSV formats (`report`: framework, unscored items, warnings).
fn print(
    options: &Options,
    output: &impl serde::Serialize,
    csv: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    table: impl FnOnce() -> String,
    report: (&str, &Unscored<'_>, &[Warning]),
) -> Result<(), Failure> {
    let (framework, unscored, warnings) = report;
    match options.format {
        Format::Json => common::write_json(output),
        Format::Csv => {
            common::write_stdout(csv)?;
            report_unscored(framework, unscored);
            report_warnings(warnings);
            Ok(())
        }
        Format::Table => {
            let text = table();
            common::write_stdout(|out| out.write_all(text.as_bytes()))?;
            report_warnings(warnings);
            Ok(())
        }
    }
}

/// One row of the table: an entry of the ranking or of a planned order.
struct Row<'a> {
    position: usize,
    rank: Option<usize>,
    item: Item<'a>,
    category: Option<Category>,
    score: Option<f64>,
    breakdown: Breakdown,
    /// Why a planned entry is where it is (`pinned`, `for CHK-1`, `unscored`); empty otherwise.
    note: String,
}

fn ranking_rows<'a>(ranking: &'a Ranking<'_>) -> Vec<Row<'a>> {
    ranking
        .iter()
        .map(|entry| Row {
            position: entry.position(),
            rank: Some(entry.rank()),
            item: entry.item(),
            category: entry.category(),
            score: entry.score(),
            breakdown: entry.breakdown(),
            note: String::new(),
        })
        .collect()
}

fn order_rows<'a>(order: &'a PlannedOrder<'_>) -> Vec<Row<'a>> {
    order
        .iter()
        .map(|entry| Row {
            position: entry.position(),
            rank: entry.rank(),
            item: entry.item(),
            category: entry.category(),
            score: entry.score(),
            breakdown: entry.breakdown(),
            note: common::planned_note(&entry),
        })
        .collect()
}

/// Position, rank, id, category (MoSCoW), title, score and the breakdown's values (and a note
/// for planned entries), then the unscored items below.
fn table(entries: &[Row<'_>], categorized: bool, framework: &str, unscored: &Unscored<'_>) -> String {
    let scored = entries.iter().any(|entry| entry.score.is_some());
    let noted = entries.iter().any(|entry| !entry.note.is_empty());
    // Every breakdown value, in first-seen order, but those computed values that only repeat the
    // score (RICE's `rice` when alignment has no weight) and the alignment factor (it follows
    // from `align`). An input (`reach`) is always shown, even where it equals the score.
    let mut names: Vec<&str> = Vec::new();
    for entry in entries {
        for name in entry.breakdown.names() {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    // An input (a field) is always shown, even where it equals the score.
    names.retain(|name| {
        let repeats_score = || entries.iter().all(|entry| entry.breakdown.get(name) == entry.score);
        *name != "alignment_factor" && (prioritize::Field::from_name(name).is_some() || !repeats_score())
    });

    let mut table = Table::new().column("pos", Align::Right).column("rank", Align::Right).id("id");
    if categorized {
        table = table.column("moscow", Align::Left);
    }
    table = table.flexible("title");
    if scored {
        table = table.column("score", Align::Right);
    }
    for name in &names {
        table = table.column(common::column_name(name), Align::Right);
    }
    if noted {
        table = table.column("note", Align::Left);
    }
    for entry in entries {
        let rank = entry.rank.map_or_else(|| "-".to_owned(), |rank| rank.to_string());
        let mut cells = vec![entry.position.to_string(), rank, entry.item.id().to_string()];
        if categorized {
            cells.push(entry.category.map_or_else(String::new, |category| category.to_string()));
        }
        cells.push(entry.item.title().to_owned());
        if scored {
            cells.push(entry.score.map_or_else(|| "-".to_owned(), common::number));
        }
        cells.extend(
            names.iter().map(|name| entry.breakdown.get(name).map_or_else(String::new, common::number)),
        );
        if noted {
            cells.push(entry.note.clone());
        }
        table.row(cells);
    }
    let mut text = table.render(common::TABLE_WIDTH);
    if !unscored.items.is_empty() || unscored.more > 0 {
        // Writing to a String cannot fail.
        let _ =
            writeln!(text, "\nunscored: these items lack fields {framework} needs (unscored is not zero)");
    }
    if !unscored.items.is_empty() {
        let mut rows = Table::new().id("id").column("missing", Align::Left);
        for item in &unscored.items {
            rows.row(vec![item.item().id().to_string(), item.missing_names().join(", ")]);
        }
        text.push_str(&rows.render(common::TABLE_WIDTH));
    }
    if let Some(more) = unscored.more() {
        let _ = writeln!(text, "{more}");
    }
    text
}

/// How many unscored items standard error names one a line; past it, one line counts them all.
const UNSCORED_LINES: usize = 5;

fn report_unscored(framework: &str, unscored: &Unscored<'_>) {
    let total = unscored.items.len() + unscored.more;
    if total > UNSCORED_LINES {
        // A person reads one line: the count, the first ids, and where to find the rest.
        let first: Vec<String> = unscored
            .items
            .iter()
            .take(UNSCORED_LINES)
            .map(|item| format!("{:?}", item.item().id()))
            .collect();
        common::warn(format_args!(
            "{total} items are unscored, lacking fields {framework} needs: {} and {} more (--format json lists each with what it lacks)",
            first.join(", "),
            total - first.len()
        ));
        return;
    }
    common::warn_all(
        unscored
            .items
            .iter()
            .map(|item| {
                format!(
                    "item {:?}: unscored, {framework} needs {}, which the item lacks",
                    item.item().id(),
                    item.missing_names().join(", ")
                )
            })
            .chain(unscored.more()),
    );
}

fn report_warnings(warnings: &[Warning]) {
    common::warn_all(warnings);
}

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

use common::{Align, Failure, Format, Options, Table};
use prioritize::Ranking;

fn main() -> ExitCode {
    common::run(rank)
}

fn usage() -> String {
    format!(
        "rank: rank a product backlog with RICE, WSJF or MoSCoW, weighted by strategic alignment\n\n\
         usage: rank [OPTIONS] [FILE]\n\n{}\n\n\
         exit status: 0 on success, 2 on bad input or bad options",
        common::OPTIONS_HELP
    )
}

fn rank() -> Result<(), Failure> {
    let options = Options::parse(&usage(), |_, _| Ok(false))?;
    let backlog = common::load_backlog(options.file.as_deref())?;
    let engine = options.engine();
    let ranking = backlog.rank_with(&*engine, &options.rank_options())?;
    match options.format {
        Format::Json => common::write_stdout(|out| {
            serde_json::to_writer_pretty(&mut *out, &ranking)?;
            writeln!(out)
        }),
        Format::Csv => {
            common::write_stdout(|out| prioritize::csv::write_ranking(&ranking, out))?;
            report_unscored(&ranking);
            report_warnings(&ranking);
            Ok(())
        }
        Format::Table => {
            let text = table(&ranking);
            common::write_stdout(|out| out.write_all(text.as_bytes()))?;
            report_warnings(&ranking);
            Ok(())
        }
    }
}

/// Position, rank, id, category (MoSCoW), title, score and the breakdown's values, then the
/// unscored items below.
fn table(ranking: &Ranking<'_>) -> String {
    let entries: Vec<_> = ranking.iter().map(|entry| (entry, entry.breakdown())).collect();
    let scored = entries.iter().any(|(entry, _)| entry.score().is_some());
    // Every breakdown value, in first-seen order, but those that only repeat the score (RICE's
    // `rice` when alignment has no weight) and the alignment factor (it follows from `align`).
    let mut names: Vec<&'static str> = Vec::new();
    for (_, breakdown) in &entries {
        for name in breakdown.names() {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names.retain(|name| {
        *name != "alignment_factor"
            && !entries.iter().all(|(entry, breakdown)| breakdown.get(name) == entry.score())
    });

    let mut table =
        Table::new().column("pos", Align::Right).column("rank", Align::Right).column("id", Align::Left);
    if ranking.is_categorized() {
        table = table.column("moscow", Align::Left);
    }
    table = table.flexible("title");
    if scored {
        table = table.column("score", Align::Right);
    }
    for name in &names {
        table = table.column(common::column_name(name), Align::Right);
    }
    for (entry, breakdown) in &entries {
        let mut cells =
            vec![entry.position().to_string(), entry.rank().to_string(), entry.item().id().to_string()];
        if ranking.is_categorized() {
            cells.push(entry.category().map_or_else(String::new, |category| category.to_string()));
        }
        cells.push(entry.item().title().to_owned());
        if scored {
            cells.push(entry.score().map_or_else(|| "-".to_owned(), common::number));
        }
        cells.extend(names.iter().map(|name| breakdown.get(name).map_or_else(String::new, common::number)));
        table.row(cells);
    }
    let mut text = table.render(common::TABLE_WIDTH);
    if ranking.unscored().len() > 0 {
        // Writing to a String cannot fail.
        let _ = writeln!(
            text,
            "\nunscored: these items lack fields {} needs (unscored is not zero)",
            ranking.framework()
        );
        let mut unscored = Table::new().column("id", Align::Left).column("missing", Align::Left);
        for item in ranking.unscored() {
            unscored.row(vec![item.item().id().to_string(), item.missing().to_string()]);
        }
        text.push_str(&unscored.render(common::TABLE_WIDTH));
    }
    text
}

fn report_unscored(ranking: &Ranking<'_>) {
    for item in ranking.unscored() {
        common::warn(format_args!(
            "item {:?}: unscored, {} needs {}, which the item lacks",
            item.item().id().as_str(),
            ranking.framework(),
            item.missing()
        ));
    }
}

fn report_warnings(ranking: &Ranking<'_>) {
    for warning in ranking.warnings() {
        common::warn(warning);
    }
}

//! `report`: one self-contained HTML page about a backlog: the ranking, the value/effort matrix,
//! how sure each position is, the positions under each framework and, with `--periods`, the
//! roadmap.
//!
//! ```text
//! cargo run --release --example report --features svg -- [OPTIONS] [FILE] [-o report.html]
//! ```
//!
//! The analyses and charts are the library's (`prioritize::analysis`, `prioritize::svg`); this
//! program parses options, reads the file, calls the library and writes the page. Input, option
//! and error conventions are those of `rank` (`common/mod.rs`).

mod common;
#[path = "report/page.rs"]
mod page;

use std::process::ExitCode;

use clap::Parser;
use common::{Failure, Framework, Options, Periods, RankArgs, parsers};
use page::Page;
use prioritize::analysis::{self, Axes, Split};
use prioritize::plan::Roadmap;
use prioritize::svg::{
    Bubble, Interval, KanoChart, KanoPoint, PeriodBar, PeriodChart, PositionChart, QuadrantChart, Segment,
    Slope, SlopeChart,
};
use prioritize::{Backlog, Engine, Ranking};

/// report: one self-contained HTML page about a backlog (inline SVG and CSS, no script)
#[derive(Debug, Parser)]
#[command(
    name = "report",
    override_usage = "report [OPTIONS] [FILE] [-o report.html]",
    after_help = common::EXIT_STATUS
)]
struct Cli {
    #[command(flatten)]
    rank: RankArgs,
    /// where to write the page (default report.html; - for standard output)
    #[arg(short, long, value_name = "FILE", default_value = "report.html", hide_default_value = true)]
    output: String,
    /// for the position ranges, give each estimate without a range one of +-F
    /// (default 0.1 for +-10 %; 0 keeps the backlog's own ranges only)
    #[arg(
        long,
        value_name = "F",
        default_value = "0.1",
        hide_default_value = true,
        allow_negative_numbers = true,
        value_parser = parsers::uncertainty,
        verbatim_doc_comment
    )]
    uncertainty: f64,
    /// where the value/effort split lines go (default median)
    #[arg(long, value_name = "median|mean|VALUE,EFFORT", allow_hyphen_values = true, value_parser = parsers::split)]
    split: Option<Split>,
    /// add the roadmap, periods of these capacities:
    /// 20,30,rest or now=20,next=30,later=rest
    #[arg(long, value_name = "LIST", value_parser = parsers::periods, verbatim_doc_comment)]
    periods: Option<Periods>,
}

fn main() -> ExitCode {
    common::run(|| {
        let refused = ["--top", "--format", "--capacity"]
            .map(|option| (option.to_owned(), format!("option {option} does not apply to report")));
        let cli: Cli = common::parse(&refused)?;
        let options = cli.rank.clone().options()?;
        report(&options, &cli).map_err(|failure| failure.in_file(options.file.as_deref()))
    })
}

fn report(options: &Options, cli: &Cli) -> Result<(), Failure> {
    let backlog = common::load_backlog(&options.input, options.file.as_deref())?;
    let engine = options.engine(&backlog)?;
    let ranking = backlog.rank_with(&*engine, &options.rank_options())?;
    common::warn_all(ranking.warnings());

    let matrix = analysis::quadrants(&ranking, cli.split.unwrap_or_default())?;
    let sensitivity =
        analysis::sensitivity(&analysis::with_uncertainty(&backlog, cli.uncertainty)?, &*engine)?;
    let quadrant_chart = matrix.split.map(|lines| {
        let bubbles = matrix
            .items
            .iter()
            .map(|item| {
                let score = ranking.get(&item.id).and_then(|entry| entry.score()).unwrap_or(0.0);
                Bubble::new(&item.id, &item.title, item.value, item.effort, score)
            })
            .collect();
        let axes = Axes::of(ranking.engine_name());
        let mut chart = QuadrantChart::new(lines.value, lines.effort, bubbles);
        chart.value_axis = format!("value: {}", axes.value());
        chart.effort_axis = axes.effort().to_string();
        chart.size_name = format!("{} score", ranking.engine_name());
        chart
    });
    let positions = PositionChart::new(
        sensitivity
            .items
            .iter()
            .map(|item| {
                Interval::new(&item.id, &item.title, item.best_position, item.worst_position, item.position)
            })
            .collect(),
    );
    let planned = match cli.periods {
        Some(_) => Some(ranking.respecting_dependencies()?),
        None => None,
    };
    let roadmap = match (&cli.periods, &planned) {
        (Some(periods), Some(planned)) => Some(Roadmap::new(planned, periods.0.clone())),
        _ => None,
    };
    let page = Page {
        source: options.file.as_deref().unwrap_or("the embedded sample backlog"),
        ranking: &ranking,
        matrix: &matrix,
        sensitivity: &sensitivity,
        uncertainty: cli.uncertainty,
        quadrant_chart: quadrant_chart.map(|chart| chart.to_svg()),
        position_chart: positions.to_svg(),
        slope_chart: slope_chart(&backlog, options, &ranking)?.to_svg(),
        roadmap: roadmap.as_ref().map(|roadmap| (roadmap, period_chart(roadmap).to_svg())),
        kano: (!backlog.kano().is_empty()).then(|| (backlog.kano(), kano_chart(&backlog).to_svg())),
    };
    let html = page.render();
    if cli.output == "-" {
        return common::write_stdout(|out| out.write_all(html.as_bytes()));
    }
    std::fs::write(&cli.output, html)
        .map_err(|error| Failure::new(format_args!("cannot write {:?}: {error}", cli.output)))?;
    common::write_stdout(|out| writeln!(out, "wrote {}", cli.output))
}

/// The backlog's Kano features, in the survey's order.
fn kano_chart(backlog: &Backlog) -> KanoChart {
    let points = backlog.kano().iter().filter_map(|feature| {
        let (better, worse) = (feature.better()?, feature.worse()?);
        Some(KanoPoint::new(feature.id(), better, worse, feature.category().to_string().replace('_', "-")))
    });
    KanoChart::new(points.collect())
}

/// Every item's position under RICE, WSJF and MoSCoW (with the chosen secondary order), one line
/// per item in the order of `ranking`, its unscored items last.
fn slope_chart(backlog: &Backlog, options: &Options, ranking: &Ranking<'_>) -> Result<SlopeChart, Failure> {
    let frameworks = [Framework::Rice, Framework::Wsjf, Framework::Moscow];
    let engines = options.engines(&frameworks, options.then);
    let engines: Vec<&dyn Engine> = engines.iter().map(|engine| &**engine).collect();
    let comparison = analysis::compare(backlog, &engines, 1)?;
    let order =
        ranking.iter().map(|entry| entry.index()).chain(ranking.unscored().map(|entry| entry.index()));
    let slopes = order
        .map(|index| {
            let item = &comparison.items[index];
            Slope::new(&item.id, &item.title, item.positions.clone())
        })
        .collect();
    let mut columns: Vec<String> = comparison.frameworks.clone();
    if let (Some(last), Some(then)) = (columns.last_mut(), options.then) {
        last.push_str(if then == Framework::Wsjf { " then wsjf" } else { " then rice" });
    }
    let mut chart = SlopeChart::new(columns, slopes);
    chart.highlight = frameworks.iter().position(|&framework| framework == options.framework);
    Ok(chart)
}

/// The roadmap's periods with the items in each.
fn period_chart(roadmap: &Roadmap<'_>) -> PeriodChart {
    PeriodChart::new(
        roadmap
            .buckets()
            .iter()
            .map(|bucket| {
                let segments = bucket
                    .items()
                    .map(|entry| {
                        let item = entry.item();
                        let effort = item.effort().map_or(0.0, prioritize::model::Effort::get);
                        Segment::new(item.id(), item.title(), effort)
                    })
                    .collect();
                PeriodBar::new(bucket.period().name(), bucket.period().capacity(), segments)
            })
            .collect(),
    )
}

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

use common::{Failure, Framework, Options};
use page::Page;
use prioritize::analysis::{self, Split};
use prioritize::svg::{
    Bubble, Interval, PeriodBar, PeriodChart, PositionChart, QuadrantChart, Segment, Slope, SlopeChart,
};
use prioritize::{Backlog, Engine, Period, Ranking, Roadmap};

fn main() -> ExitCode {
    common::run(report)
}

const REPORT_HELP: &str = "\
  -o, --output FILE          where to write the page (default report.html; - for standard output)
  --uncertainty F            for the position ranges, give every estimate without a range one of
                             +-F (default 0.1 for +-10 %; 0 keeps the backlog's own ranges only)
  --split median|mean|VALUE,EFFORT
                             where the value/effort split lines go (default median)
  --periods LIST             add the roadmap: capacities such as 20,30,rest or now=20,next=30,later=rest";

fn usage() -> String {
    format!(
        "report: one self-contained HTML page about a backlog (inline SVG and CSS, no script)\n\n\
         usage: report [OPTIONS] [FILE] [-o report.html]\n\n{}\n{REPORT_HELP}\n\n\
         --top and --format do not apply.\n\
         exit status: 0 on success, 2 on bad input or bad options",
        common::OPTIONS_HELP
    )
}

/// The options of `report` beyond the shared ones.
#[derive(Debug)]
struct Extra {
    output: String,
    uncertainty: f64,
    split: Split,
    periods: Option<Vec<Period>>,
}

impl Extra {
    fn accept(&mut self, name: &str, args: &mut common::Args) -> Result<bool, Failure> {
        match name {
            "-o" | "--output" => self.output = args.value(name)?,
            "--uncertainty" => {
                let fraction: f64 = args.parse(name, "a number in 0..1")?;
                if !(0.0..1.0).contains(&fraction) {
                    return Err(Failure::new(format_args!(
                        "option {name}: {fraction} is outside 0..1 (a fraction, e.g. 0.2 for +-20 %)"
                    )));
                }
                self.uncertainty = fraction;
            }
            "--split" => self.split = common::split(name, &args.value(name)?)?,
            "--periods" => self.periods = Some(common::periods(name, &args.value(name)?)?),
            "--top" | "--format" => {
                return Err(Failure::new(format_args!("option {name} does not apply to report")));
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

fn report() -> Result<(), Failure> {
    let mut extra =
        Extra { output: "report.html".to_owned(), uncertainty: 0.1, split: Split::Median, periods: None };
    let options = Options::parse(&usage(), |name, args| extra.accept(name, args))?;
    let backlog = common::load_backlog(options.file.as_deref())?;
    let engine = options.engine();
    let ranking = backlog.rank_with(&*engine, &options.rank_options())?;
    common::warn_all(ranking.warnings());

    let matrix = analysis::quadrants(&ranking, extra.split)?;
    let sensitivity =
        analysis::sensitivity(&analysis::with_uncertainty(&backlog, extra.uncertainty)?, &*engine)?;
    let quadrant_chart = matrix.split.map(|lines| {
        let bubbles = matrix
            .items
            .iter()
            .map(|item| {
                let score = ranking.find(&item.id).and_then(|entry| entry.score()).unwrap_or(0.0);
                Bubble::new(&item.id, &item.title, item.value, item.effort, score)
            })
            .collect();
        let mut chart = QuadrantChart::new(lines.value, lines.effort, bubbles);
        chart.value_axis = format!("value: {}", value_rule(ranking.framework()));
        chart.size_name = format!("{} score", ranking.framework());
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
    let roadmap = match extra.periods.take() {
        Some(periods) => Some(Roadmap::new(&ranking.respecting_dependencies()?, periods)),
        None => None,
    };
    let page = Page {
        source: options.file.as_deref().unwrap_or("the embedded sample backlog"),
        ranking: &ranking,
        matrix: &matrix,
        sensitivity: &sensitivity,
        uncertainty: extra.uncertainty,
        quadrant_chart: quadrant_chart.map(|chart| chart.to_svg()),
        position_chart: positions.to_svg(),
        slope_chart: slope_chart(&backlog, &options, &ranking)?.to_svg(),
        roadmap: roadmap.as_ref().map(|roadmap| (roadmap, period_chart(roadmap).to_svg())),
    };
    let html = page.render();
    if extra.output == "-" {
        return common::write_stdout(|out| out.write_all(html.as_bytes()));
    }
    std::fs::write(&extra.output, html)
        .map_err(|error| Failure::new(format_args!("cannot write {:?}: {error}", extra.output)))?;
    println!("wrote {}", extra.output);
    Ok(())
}

/// What a framework's value is, as the matrix computes it.
fn value_rule(framework: &str) -> &'static str {
    match framework {
        "rice" => "reach × impact × confidence",
        "wsjf" => "cost of delay",
        _ => "score × effort",
    }
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
                        let effort = item.effort().map_or(0.0, prioritize::Effort::get);
                        Segment::new(item.id().as_str(), item.title(), effort)
                    })
                    .collect();
                PeriodBar::new(bucket.period().name(), bucket.period().capacity(), segments)
            })
            .collect(),
    )
}

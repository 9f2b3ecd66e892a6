//! `generate`: write a synthetic backlog of N items as JSON or CSV, for measuring the CLI end to
//! end.
//!
//! ```text
//! cargo run --release --example generate -- 1000000 > /tmp/backlog-1m.json
//! cargo run --release --example generate -- 1000000 --csv > /tmp/backlog-1m.csv
//! cargo run --release --example rank -- /tmp/backlog-1m.json --format csv > /tmp/ranking.csv
//! ```
//!
//! Every item has every field (RICE, WSJF and MoSCoW inputs, per-objective alignment, tags),
//! about one in eight depends on an earlier item, and one in fifty lacks an estimate, so it is
//! unscored under RICE. The same N always gives the same items; the CSV holds each item's
//! alignment resolved to a number (CSV has no objectives), exact in binary, so both files rank
//! the same.

#[allow(dead_code)]
#[path = "common/cli.rs"]
mod cli;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;

/// generate: write a synthetic backlog of N items as JSON (or CSV) on standard output
#[derive(Debug, Parser)]
#[command(name = "generate", after_help = "exit status: 0 on success, 2 on bad options")]
struct Cli {
    /// the number of items
    #[arg(value_name = "N", value_parser = cli::count)]
    count: usize,
    /// write CSV (the interchange columns, alignment as a number) instead of JSON
    #[arg(long)]
    csv: bool,
}

const IMPACTS: [&str; 5] = ["massive", "high", "medium", "low", "minimal"];
const CONFIDENCES: [f64; 3] = [1.0, 0.8, 0.5];
const FIBONACCI: [u32; 7] = [1, 2, 3, 5, 8, 13, 20];
const MOSCOW: [&str; 4] = ["must", "should", "could", "wont"];
/// The objectives and their weights.
const OBJECTIVES: [(&str, u32); 3] = [("growth", 4), ("retention", 3), ("compliance", 1)];
const TAGS: [&str; 6] = ["checkout", "billing", "payments", "api", "portal", "reporting"];

/// xorshift64*: a fixed, dependency-free pseudo-random sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, choices: &[T]) -> T {
        choices[self.below(choices.len())]
    }
}

/// One generated item.
struct Item {
    index: usize,
    /// RICE's reach, impact, confidence and effort; `None` for an unscored item.
    rice: Option<(usize, &'static str, f64, f64)>,
    /// WSJF's business value, time criticality and risk reduction.
    wsjf: [u32; 3],
    moscow: &'static str,
    /// The objective the item contributes to, and how much.
    alignment: ((&'static str, u32), f64),
    depends_on: Option<usize>,
    tag: &'static str,
}

/// The items, in the order of the sequence (the same N always gives the same items).
fn items(count: usize) -> impl Iterator<Item = Item> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..count).map(move |index| {
        let rice = (rng.below(50) != 0).then(|| {
            let reach = rng.below(10_000);
            let impact = rng.pick(&IMPACTS);
            let confidence = rng.pick(&CONFIDENCES);
            (reach, impact, confidence, 0.5 * (1 + rng.below(40)) as f64)
        });
        let wsjf = [rng.pick(&FIBONACCI), rng.pick(&FIBONACCI), rng.pick(&FIBONACCI)];
        let moscow = rng.pick(&MOSCOW);
        let objective = rng.pick(&OBJECTIVES);
        let alignment = (objective, 0.25 * rng.below(5) as f64);
        let depends_on = (index > 0 && rng.below(8) == 0).then(|| rng.below(index));
        Item { index, rice, wsjf, moscow, alignment, depends_on, tag: rng.pick(&TAGS) }
    })
}

fn main() -> ExitCode {
    let cli: Cli = match cli::parse(&[]) {
        Ok(cli) => cli,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = if cli.csv { write_csv(cli.count, &mut out) } else { write_json(cli.count, &mut out) };
    match written.and_then(|()| out.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write standard output: {error}");
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}

fn write_json(count: usize, out: &mut impl Write) -> io::Result<()> {
    let objectives: Vec<String> =
        OBJECTIVES.iter().map(|(id, weight)| format!(r#"{{"id": "{id}", "weight": {weight}}}"#)).collect();
    writeln!(out, r#"{{"objectives": [{}],"#, objectives.join(", "))?;
    writeln!(out, r#" "items": ["#)?;
    for item in items(count) {
        let index = item.index;
        let separator = if index + 1 == count { "" } else { "," };
        write!(out, r#"  {{"id": "ITEM-{index}", "title": "Generated item {index}""#)?;
        if let Some((reach, impact, confidence, effort)) = item.rice {
            write!(
                out,
                r#", "reach": {reach}, "impact": "{impact}", "confidence": {confidence}, "effort": {effort}"#
            )?;
        }
        let [value, time, risk] = item.wsjf;
        write!(out, r#", "business_value": {value}, "time_criticality": {time}, "risk_reduction": {risk}"#)?;
        write!(out, r#", "moscow": "{}""#, item.moscow)?;
        let ((objective, _), contribution) = item.alignment;
        write!(out, r#", "alignment": {{"{objective}": {contribution}}}"#)?;
        if let Some(dependency) = item.depends_on {
            write!(out, r#", "depends_on": ["ITEM-{dependency}"]"#)?;
        }
        writeln!(out, r#", "tags": ["{}"]}}{separator}"#, item.tag)?;
    }
    writeln!(out, " ]\n}}")
}

fn write_csv(count: usize, out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "id,title,reach,impact,confidence,effort,business_value,time_criticality,risk_reduction,moscow,\
         alignment,depends_on,tags"
    )?;
    let total: u32 = OBJECTIVES.iter().map(|&(_, weight)| weight).sum();
    for item in items(count) {
        let index = item.index;
        write!(out, "ITEM-{index},Generated item {index},")?;
        match item.rice {
            Some((reach, impact, confidence, effort)) => {
                write!(out, "{reach},{impact},{confidence},{effort},")
            }
            None => write!(out, ",,,,"),
        }?;
        let [value, time, risk] = item.wsjf;
        // The weighted mean over all objectives, the others contributing 0 (as the library
        // resolves it): exact in binary, since the weights sum to 8.
        let ((_, weight), contribution) = item.alignment;
        let alignment = f64::from(weight) * contribution / f64::from(total);
        let dependency = item.depends_on.map(|dependency| format!("ITEM-{dependency}")).unwrap_or_default();
        writeln!(out, "{value},{time},{risk},{},{alignment},{dependency},{}", item.moscow, item.tag)?;
    }
    Ok(())
}

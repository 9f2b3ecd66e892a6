//! `generate`: write a synthetic backlog of N items as JSON, for measuring the CLI end to end.
//!
//! ```text
//! cargo run --release --example generate -- 1000000 > /tmp/backlog-1m.json
//! cargo run --release --example rank -- /tmp/backlog-1m.json --format csv > /tmp/ranking.csv
//! ```
//!
//! Every item has every field (RICE, WSJF and MoSCoW inputs, per-objective alignment, tags),
//! about one in eight depends on an earlier item, and one in fifty lacks an estimate, so it is
//! unscored under RICE. The same N always gives the same file.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

const IMPACTS: [&str; 5] = ["massive", "high", "medium", "low", "minimal"];
const CONFIDENCES: [f64; 3] = [1.0, 0.8, 0.5];
const FIBONACCI: [u32; 7] = [1, 2, 3, 5, 8, 13, 20];
const MOSCOW: [&str; 4] = ["must", "should", "could", "wont"];
const OBJECTIVES: [&str; 3] = ["growth", "retention", "compliance"];
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

fn main() -> ExitCode {
    let Some(Ok(count)) = std::env::args().nth(1).map(|arg| arg.parse::<usize>()) else {
        eprintln!("error: usage: generate N (the number of items, a whole number)");
        return ExitCode::from(2);
    };
    match write(count, &mut BufWriter::with_capacity(1 << 16, io::stdout().lock())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write standard output: {error}");
            ExitCode::from(2)
        }
    }
}

fn write(count: usize, out: &mut impl Write) -> io::Result<()> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    writeln!(
        out,
        r#"{{"objectives": [{{"id": "growth", "weight": 4}}, {{"id": "retention", "weight": 3}}, {{"id": "compliance", "weight": 1}}],"#
    )?;
    writeln!(out, r#" "items": ["#)?;
    for index in 0..count {
        let separator = if index + 1 == count { "" } else { "," };
        write!(out, r#"  {{"id": "ITEM-{index}", "title": "Generated item {index}""#)?;
        if rng.below(50) != 0 {
            let reach = rng.below(10_000);
            let impact = rng.pick(&IMPACTS);
            let confidence = rng.pick(&CONFIDENCES);
            let effort = 0.5 * (1 + rng.below(40)) as f64;
            write!(
                out,
                r#", "reach": {reach}, "impact": "{impact}", "confidence": {confidence}, "effort": {effort}"#
            )?;
        }
        let [value, time, risk] = [rng.pick(&FIBONACCI), rng.pick(&FIBONACCI), rng.pick(&FIBONACCI)];
        write!(out, r#", "business_value": {value}, "time_criticality": {time}, "risk_reduction": {risk}"#)?;
        write!(out, r#", "moscow": "{}""#, rng.pick(&MOSCOW))?;
        let objective = rng.pick(&OBJECTIVES);
        write!(out, r#", "alignment": {{"{objective}": {}}}"#, 0.25 * rng.below(5) as f64)?;
        if index > 0 && rng.below(8) == 0 {
            write!(out, r#", "depends_on": ["ITEM-{}"]"#, rng.below(index))?;
        }
        writeln!(out, r#", "tags": ["{}"]}}{separator}"#, rng.pick(&TAGS))?;
    }
    writeln!(out, " ]\n}}")?;
    out.flush()
}

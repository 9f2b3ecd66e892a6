//! Option values more structured than a number or a choice, as clap value parsers: roadmap
//! periods and quadrant split lines.

use prioritize::analysis::Split;
use prioritize::model::NonNegative;
use prioritize::plan::Period;

/// The periods of `--periods`, one value.
#[derive(Debug, Clone)]
pub(crate) struct Periods(pub(crate) Vec<Period>);

/// `--periods LIST`: `20,30,rest` or `now=20,next=30,later=rest`, periods named by their place or
/// by the text before `=`; `rest` has no limit.
pub(crate) fn periods(list: &str) -> Result<Periods, String> {
    list.split(',')
        .enumerate()
        .map(|(place, part)| {
            let (label, capacity) = part.split_once('=').unwrap_or(("", part));
            let label =
                if label.trim().is_empty() { (place + 1).to_string() } else { label.trim().to_owned() };
            match capacity.trim() {
                "rest" => Ok(Period::unbounded(label)),
                text => text
                    .parse()
                    .ok()
                    .and_then(|value| NonNegative::new(value).ok())
                    .map(|c| Period::new(label, c))
                    .ok_or_else(|| {
                        format!(
                            "{part:?} is not a capacity >= 0 or rest (write 20,30,rest or \
                             now=20,next=30,later=rest)"
                        )
                    }),
            }
        })
        .collect::<Result<_, _>>()
        .map(Periods)
}

/// `--split`: `median`, `mean`, or `VALUE,EFFORT` for fixed lines (each a number >= 0).
pub(crate) fn split(text: &str) -> Result<Split, String> {
    match text.trim() {
        "median" => return Ok(Split::Median),
        "mean" => return Ok(Split::Mean),
        _ => {}
    }
    let line = |part: &str| part.trim().parse().ok().and_then(|value| NonNegative::new(value).ok());
    match text.split_once(',') {
        Some((value, effort)) => match (line(value), line(effort)) {
            (Some(value), Some(effort)) => Ok(Split::Fixed { value, effort }),
            _ => Err(format!("{text:?} is not two numbers >= 0 (write VALUE,EFFORT, e.g. 1000,3)")),
        },
        None => Err(format!("{text:?} is not median, mean or VALUE,EFFORT (e.g. 1000,3)")),
    }
}

/// `--uncertainty F`: a fraction in 0..1.
pub(crate) fn uncertainty(text: &str) -> Result<f64, String> {
    let fraction = super::args::number(text, "a number in 0..1")?;
    if (0.0..1.0).contains(&fraction) {
        Ok(fraction)
    } else {
        Err(format!("{fraction} is outside 0..1 (a fraction, e.g. 0.2 for +-20 %)"))
    }
}

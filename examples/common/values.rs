//! Option values more structured than a number or a choice: roadmap periods and quadrant split
//! lines.

use prioritize::analysis::Split;
use prioritize::{NonNegative, Period};

use super::Failure;

/// `20,30,rest` or `now=20,next=30,later=rest`: periods named by their place or by the text
/// before `=`; `rest` has no limit.
pub(crate) fn periods(name: &str, list: &str) -> Result<Vec<Period>, Failure> {
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
                        Failure::new(format_args!(
                            "option {name}: {part:?} is not a capacity >= 0 or rest (write 20,30,rest or \
                         now=20,next=30,later=rest)"
                        ))
                    }),
            }
        })
        .collect()
}

/// `median`, `mean`, or `VALUE,EFFORT` for fixed lines (each a number >= 0).
pub(crate) fn split(name: &str, text: &str) -> Result<Split, Failure> {
    match text.trim() {
        "median" => return Ok(Split::Median),
        "mean" => return Ok(Split::Mean),
        _ => {}
    }
    let line = |part: &str| part.trim().parse().ok().and_then(|value| NonNegative::new(value).ok());
    match text.split_once(',') {
        Some((value, effort)) => match (line(value), line(effort)) {
            (Some(value), Some(effort)) => Ok(Split::Fixed { value, effort }),
            _ => Err(Failure::new(format_args!(
                "option {name}: {text:?} is not two numbers >= 0 (write VALUE,EFFORT, e.g. 1000,3)"
            ))),
        },
        None => Err(Failure::new(format_args!(
            "option {name}: {text:?} is not median, mean or VALUE,EFFORT (e.g. 1000,3)"
        ))),
    }
}

//! Scoring engines: the [`Engine`] trait and the published frameworks.
//!
//! Engines only compute scores; the ranking core alone orders. An engine of your own implements
//! [`Engine`] and ranks like the built-in ones.

pub(crate) mod breakdown;
pub(crate) mod cd3;
pub(crate) mod contract;
pub(crate) mod evaluation;
pub(crate) mod formula;
mod framework;
mod hooks;
pub(crate) mod ice;
pub(crate) mod moscow;
mod named;
pub(crate) mod opportunity;
pub(crate) mod pairwise;
pub(crate) mod rice;
pub(crate) mod score;
mod scorecard;
pub(crate) mod wsjf;

use std::ops::Range;

// The engines and their parts are at the crate's root; this module adds their options.
pub(crate) use breakdown::Breakdown;
pub(crate) use cd3::Cd3;
pub(crate) use contract::Engine;
pub(crate) use evaluation::Evaluation;
pub use framework::Framework;
#[doc(hidden)]
pub use hooks::Hooks;
pub(crate) use hooks::{bind, evaluate_all, to_shared};
pub(crate) use ice::Ice;
pub use ice::IceVariant;
pub(crate) use moscow::Moscow;
pub(crate) use opportunity::Opportunity;
pub(crate) use pairwise::Pairwise;
pub(crate) use rice::Rice;
pub(crate) use score::Score;
pub use wsjf::Scale;
pub(crate) use wsjf::Wsjf;

use crate::error::{EngineDetail, Error, Result};
use crate::model::AlignmentWeight;
use crate::model::Backlog;
use crate::model::Item;
use crate::model::{Field, FieldSet};

/// `score` as a [`Score`], or the overflow error that names the item.
pub(crate) fn finite_score(item: &str, framework: &str, score: f64) -> Result<Score> {
    Score::new(score).ok_or_else(|| {
        Error::from(EngineDetail::ScoreOverflow {
            item: item.to_owned(),
            framework: framework.to_owned(),
            value: score,
        })
    })
}

/// The values of `fields` of `item`, in order, if it has them all.
pub(crate) fn values_of<const N: usize>(item: &Item<'_>, fields: [Field; N]) -> Option<[f64; N]> {
    let mut values = [0.0; N];
    for (value, field) in values.iter_mut().zip(fields) {
        *value = item.number(field)?;
    }
    Some(values)
}

/// Scores one item as [`score_columns`] scores a batch: unscored with the fields it lacks, or
/// `formula` of its values weighted by alignment and checked to be finite.
pub(crate) fn score_item<const N: usize>(
    name: &str,
    item: &Item<'_>,
    (fields, weight): ([Field; N], AlignmentWeight),
    formula: impl Fn([f64; N]) -> f64,
) -> Result<Evaluation> {
    match values_of(item, fields) {
        Some(values) => {
            Evaluation::scored(item, name, weight.apply(formula(values), item.resolved_alignment()))
        }
        None => Ok(Evaluation::missing(item, fields.into_iter().collect())),
    }
}

/// Scores `range` from the columns of `fields`, as a built-in engine does: an item lacking a field
/// is unscored with the fields it lacks, any other gets `formula` of its values, weighted by
/// alignment and checked to be finite.
pub(crate) fn score_columns<const N: usize>(
    name: &str,
    backlog: &Backlog,
    range: Range<usize>,
    out: &mut Vec<Evaluation>,
    (fields, weight): ([Field; N], AlignmentWeight),
    formula: impl Fn([f64; N]) -> f64,
) -> Result<()> {
    // Each column's values for the range; an empty column is a field no item has.
    let slice = |field: Field| {
        let raw = backlog.column(field).map_or(&[][..], |column| column.raw());
        raw.get(range.clone()).unwrap_or_default()
    };
    let columns: [&[f64]; N] = fields.map(slice);
    let alignment = slice(Field::Alignment);
    out.reserve(range.len());
    if columns.iter().any(|column| column.is_empty()) {
        let missing: FieldSet =
            fields.iter().zip(columns).filter(|(_, c)| c.is_empty()).map(|(f, _)| *f).collect();
        out.extend(range.map(|index| {
            let item = backlog.item(index);
            Evaluation::unscored(missing.union(item.lacking(fields.into_iter().collect())))
        }));
        return Ok(());
    }
    for offset in 0..range.len() {
        let values = columns.map(|column| column[offset]);
        let mut score = formula(values);
        if !weight.is_zero() {
            let alignment = alignment.get(offset).copied().filter(|a| !a.is_nan()).unwrap_or(0.0);
            score = weight.apply(score, alignment);
        }
        // A NaN input (an absent value) makes the score NaN: the one check on the common path.
        if let Some(score) = Score::new(score) {
            out.push(Evaluation::of(score));
        } else if values.iter().any(|value| value.is_nan()) {
            let missing =
                fields.iter().zip(values).filter(|(_, value)| value.is_nan()).map(|(field, _)| *field);
            out.push(Evaluation::unscored(missing.collect()));
        } else {
            let item = backlog.item(range.start + offset).id().to_owned();
            return Err(Error::from(EngineDetail::ScoreOverflow {
                item,
                framework: name.to_owned(),
                value: score,
            }));
        }
    }
    Ok(())
}

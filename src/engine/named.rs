//! Fields named by text (in scorecards and formulas), resolved once against a backlog.

use std::borrow::Cow;
use std::ops::Range;

use super::{Evaluation, Score};
use crate::model::AlignmentWeight;
use crate::model::Backlog;
use crate::model::Criterion;
use crate::model::Item;
use crate::model::{Direction, Field, FieldSet};

/// A numeric field named by text, resolved against a backlog's criteria.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Named {
    name: String,
    source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Source {
    Builtin(Field),
    /// The criterion at this position among the backlog's criteria.
    Criterion(usize),
    /// The item's alignment, resolved against the objectives.
    Alignment,
}

impl Named {
    /// The field `name` among the numeric built-in fields and `criteria` (and the alignment,
    /// when `alignment` is allowed); `None` for any other name.
    pub(crate) fn resolve(name: &str, criteria: &[Criterion], alignment: bool) -> Option<Named> {
        let source = match Field::from_name(name) {
            Some(Field::Alignment) if alignment => Source::Alignment,
            Some(field) if field.is_numeric() => Source::Builtin(field),
            Some(_) => return None,
            None => Source::Criterion(criteria.iter().position(|criterion| criterion.id() == name)?),
        };
        Some(Named { name: name.to_owned(), source })
    }

    /// The names [`Named::resolve`] accepts: the numeric built-in fields, `alignment` when
    /// allowed, then the criteria.
    pub(crate) fn known(criteria: &[Criterion], alignment: bool) -> Vec<String> {
        crate::model::numeric_names(criteria, alignment)
    }

    /// The field's name as written.
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    /// The field as a set of one, as unscored items report it.
    pub(crate) fn field_set(&self) -> FieldSet {
        match self.source {
            Source::Builtin(field) => FieldSet::EMPTY.with(field),
            Source::Criterion(index) => FieldSet::EMPTY.with_criterion(index),
            Source::Alignment => FieldSet::EMPTY.with(Field::Alignment),
        }
    }

    /// Whether more of the field is better.
    pub(crate) fn direction(&self, criteria: &[Criterion]) -> Direction {
        match self.source {
            Source::Builtin(field) => field.direction(),
            Source::Criterion(index) => criteria.get(index).map_or(Direction::Benefit, Criterion::direction),
            Source::Alignment => Direction::Benefit,
        }
    }

    /// The field's inclusive bounds, where it has both.
    pub(crate) fn bounds(&self, criteria: &[Criterion]) -> Option<(f64, f64)> {
        match self.source {
            Source::Builtin(field) => field.bounds(),
            Source::Criterion(index) => {
                let criterion = criteria.get(index)?;
                Some((criterion.min()?, criterion.max()?))
            }
            Source::Alignment => Some((0.0, 1.0)),
        }
    }

    /// The item's value: read by name, so that owned items (which have no criterion positions)
    /// read alike.
    pub(crate) fn read(&self, item: &Item<'_>) -> Option<f64> {
        match self.source {
            Source::Builtin(field) => item.number(field),
            Source::Criterion(_) => item.value(self.name.as_str()),
            Source::Alignment => item.has(Field::Alignment).then(|| item.resolved_alignment()),
        }
    }

    /// Every item's value of the field (NaN where absent), or an empty slice when no item has
    /// one; looked up by name once per call.
    pub(crate) fn column<'b>(&self, backlog: &'b Backlog) -> &'b [f64] {
        backlog.column(self.name.as_str()).map_or(&[][..], |column| column.raw())
    }

    /// The values of items `range`, NaN where absent (all NaN when no item has the field).
    pub(crate) fn values<'b>(&self, backlog: &'b Backlog, range: Range<usize>) -> Cow<'b, [f64]> {
        match self.column(backlog).get(range.clone()) {
            Some(values) => Cow::Borrowed(values),
            None => Cow::Owned(vec![f64::NAN; range.len()]),
        }
    }
}

/// What an item's `raw` score makes of it, given the values of its named inputs: a score
/// weighted by alignment when `raw` is finite; unscored with the inputs it lacks when some are
/// absent (NaN); else `Err(raw)`, a non-finite result of present inputs, for the caller to report.
pub(crate) fn judge<'n>(
    raw: f64,
    weighting: (AlignmentWeight, f64),
    inputs: impl Iterator<Item = (&'n Named, f64)>,
) -> Result<Evaluation, f64> {
    scored(raw, weighting).map_or_else(|| unscored(raw, inputs), Ok)
}

/// The evaluation of a finite `raw` score, weighted by alignment; `None` when `raw` is not
/// finite. The common case, kept apart so that batches inline it.
#[inline]
pub(crate) fn scored(raw: f64, (weight, alignment): (AlignmentWeight, f64)) -> Option<Evaluation> {
    if !raw.is_finite() {
        return None;
    }
    // A factor in 0..=1 keeps a finite score finite.
    let score = Score::new(weight.apply(raw, alignment))?;
    Some(Evaluation::of(score))
}

/// What a non-finite `raw` score makes of an item: unscored with the inputs it lacks (NaN), or
/// `Err(raw)` when it has them all.
#[cold]
pub(crate) fn unscored<'n>(
    raw: f64,
    inputs: impl Iterator<Item = (&'n Named, f64)>,
) -> Result<Evaluation, f64> {
    let missing = inputs
        .filter(|(_, value)| value.is_nan())
        .fold(FieldSet::EMPTY, |missing, (named, _)| missing.union(named.field_set()));
    if missing.is_empty() { Err(raw) } else { Ok(Evaluation::unscored(missing)) }
}

/// Pushes the evaluations of a batch of items onto `out`: `raws` are their scores before
/// alignment, `alignment` the batch's alignments (NaN or empty where absent), and `inputs` the
/// named fields with the batch's values of each.
///
/// # Errors
///
/// `(offset, raw)` for the first item whose score is not finite although it has every input.
pub(crate) fn push_batch<'n>(
    out: &mut Vec<Evaluation>,
    raws: &[f64],
    (weight, alignment): (AlignmentWeight, &[f64]),
    (names, columns): (impl Iterator<Item = &'n Named> + Clone, &[&[f64]]),
) -> Result<(), (usize, f64)> {
    out.reserve(raws.len());
    for (offset, &raw) in raws.iter().enumerate() {
        let aligned = if weight.is_zero() {
            0.0
        } else {
            alignment.get(offset).copied().filter(|a| !a.is_nan()).unwrap_or(0.0)
        };
        if let Some(evaluation) = scored(raw, (weight, aligned)) {
            out.push(evaluation);
            continue;
        }
        let values = columns.iter().map(|column| column[offset]);
        out.push(unscored(raw, names.clone().zip(values)).map_err(|raw| (offset, raw))?);
    }
    Ok(())
}

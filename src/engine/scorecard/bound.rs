//! A scorecard bound to a backlog: its fields resolved, with their directions and bounds.

use crate::engine::hooks::{Hooks, Sealed};
use std::ops::Range;

use super::{Normalize, Scorecard};
use crate::engine::named::{Named, judge, push_batch};
use crate::engine::{Breakdown, Engine, Evaluation};
use crate::error::{EngineDetail, Error, Result};
use crate::model::Backlog;
use crate::model::Item;
use crate::model::{Direction, Field, FieldSet};

/// One weighted field of a bound scorecard.
#[derive(Debug)]
pub(super) struct Term {
    named: Named,
    weight: f64,
    cost: bool,
    /// The lower bound and the width of the bounds, for the normalizations that map values to
    /// `0..=1`.
    low: f64,
    span: f64,
}

impl Term {
    pub(super) fn new(named: Named, weight: f64, direction: Direction, (low, high): (f64, f64)) -> Term {
        Term { named, weight, cost: direction == Direction::Cost, low, span: high - low }
    }

    /// `value` mapped to `0..=1` by the bounds (1 when they are equal), `1 − x` for a cost;
    /// NaN for NaN (an absent value).
    fn normalized(&self, value: f64) -> f64 {
        let x = if self.span > 0.0 {
            (value - self.low) / self.span
        } else if value.is_nan() {
            value
        } else {
            1.0
        };
        if self.cost { 1.0 - x } else { x }
    }
}

/// A scorecard whose fields are resolved against one backlog.
#[derive(Debug)]
pub(super) struct BoundScorecard {
    scorecard: Scorecard,
    terms: Vec<Term>,
    /// The sum of the weights, in order.
    total: f64,
}

impl BoundScorecard {
    pub(super) fn new(scorecard: Scorecard, terms: Vec<Term>) -> BoundScorecard {
        let total = terms.iter().map(|term| term.weight).fold(0.0, |sum, weight| sum + weight);
        BoundScorecard { scorecard, terms, total }
    }

    fn values(&self, item: &Item<'_>) -> Vec<f64> {
        self.terms.iter().map(|term| term.named.read(item).unwrap_or(f64::NAN)).collect()
    }

    /// The score before alignment of one item's values, in the order of operations the batches
    /// use: benefit and cost sums (or the sum of weighted normalized values) term by term.
    fn raw(&self, values: &[f64]) -> f64 {
        let (mut benefit, mut cost) = (0.0, 0.0);
        for (term, &value) in self.terms.iter().zip(values) {
            match self.scorecard.normalize {
                Normalize::None if term.cost => cost += term.weight * value,
                Normalize::None => benefit += term.weight * value,
                Normalize::Scale | Normalize::Relative => benefit += term.weight * term.normalized(value),
            }
        }
        self.finish(benefit, cost)
    }

    fn finish(&self, benefit: f64, cost: f64) -> f64 {
        match self.scorecard.normalize {
            Normalize::None => benefit - cost,
            Normalize::Scale | Normalize::Relative => 100.0 * benefit / self.total,
        }
    }

    /// The evaluation of an item whose score before alignment is `raw`; `Err(raw)` when it is
    /// not finite although the item has every field.
    fn judge(&self, raw: f64, alignment: f64, values: impl Iterator<Item = f64>) -> Result<Evaluation, f64> {
        let names = self.terms.iter().map(|term| &term.named);
        judge(raw, (self.scorecard.alignment_weight, alignment), names.zip(values))
    }

    fn overflow(&self, item: &str, value: f64) -> Error {
        Error::from(EngineDetail::ScoreOverflow {
            item: item.to_owned(),
            framework: self.name().to_owned(),
            value,
        })
    }
}

impl Engine for BoundScorecard {
    fn name(&self) -> &str {
        self.scorecard.name()
    }

    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        self.terms.iter().fold(FieldSet::EMPTY, |set, term| set.union(term.named.field_set()))
    }

    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        let values = self.values(item);
        self.judge(self.raw(&values), item.resolved_alignment(), values.iter().copied())
            .map_err(|value| self.overflow(item.id(), value))
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        let values = self.values(item);
        if values.iter().any(|value| value.is_nan()) {
            return Breakdown::new();
        }
        let mut breakdown = Breakdown::new();
        for (term, &value) in self.terms.iter().zip(&values) {
            breakdown = breakdown.with(term.named.name().to_owned(), value);
            if self.scorecard.normalize != Normalize::None {
                breakdown =
                    breakdown.with(format!("{}_normalized", term.named.name()), term.normalized(value));
            }
        }
        breakdown
            .with("scorecard", self.raw(&values))
            .with_alignment(self.scorecard.alignment_weight, item.resolved_alignment())
    }

    fn hooks(&self) -> Option<&dyn Hooks> {
        Some(self)
    }
}

impl Sealed for BoundScorecard {}

impl Hooks for BoundScorecard {
    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()> {
        let columns: Vec<_> =
            self.terms.iter().map(|term| term.named.values(backlog, range.clone())).collect();
        let columns: Vec<&[f64]> = columns.iter().map(AsRef::as_ref).collect();
        // Term by term over the batch, each item's sums in the order `raw` adds them.
        let (mut benefit, mut cost) = (vec![0.0; range.len()], vec![0.0; range.len()]);
        for (term, column) in self.terms.iter().zip(&columns) {
            let weight = term.weight;
            match self.scorecard.normalize {
                Normalize::None => {
                    let sums = if term.cost { &mut cost } else { &mut benefit };
                    sums.iter_mut().zip(*column).for_each(|(sum, value)| *sum += weight * value);
                }
                Normalize::Scale | Normalize::Relative => {
                    let normalized = column.iter().map(|&value| term.normalized(value));
                    benefit.iter_mut().zip(normalized).for_each(|(sum, x)| *sum += weight * x);
                }
            }
        }
        for (sum, cost) in benefit.iter_mut().zip(&cost) {
            *sum = self.finish(*sum, *cost);
        }
        let alignment = backlog.column(Field::Alignment).map_or(&[][..], |column| column.raw());
        let weighting = (self.scorecard.alignment_weight, alignment.get(range.clone()).unwrap_or_default());
        let names = self.terms.iter().map(|term| &term.named);
        push_batch(out, &benefit, weighting, (names, &columns))
            .map_err(|(offset, value)| self.overflow(backlog.item(range.start + offset).id(), value))
    }
}

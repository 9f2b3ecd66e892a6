//! A formula bound to a backlog: its names resolved, ready to score.

use crate::engine::hooks::{Hooks, Sealed};
use std::ops::Range;

use super::Formula;
use crate::engine::named::{Named, judge, push_batch};
use crate::engine::{Breakdown, Engine, Evaluation};
use crate::error::{EngineDetail, Error, Result};
use crate::model::Backlog;
use crate::model::Item;
use crate::model::{Field, FieldSet};

/// A formula whose names are resolved against one backlog's criteria.
#[derive(Debug)]
pub(super) struct BoundFormula {
    formula: Formula,
    /// The formula's names, in the order its program loads them.
    names: Vec<Named>,
}

impl BoundFormula {
    pub(super) fn new(formula: Formula, names: Vec<Named>) -> BoundFormula {
        BoundFormula { formula, names }
    }

    /// The item's values of the formula's names, NaN where absent.
    fn values(&self, item: &Item<'_>) -> Vec<f64> {
        self.names.iter().map(|named| named.read(item).unwrap_or(f64::NAN)).collect()
    }

    /// The error of a result that is not finite although the item has every input.
    fn non_finite(&self, item: &str, value: f64) -> Error {
        Error::from(EngineDetail::NonFiniteFormula {
            item: item.to_owned(),
            formula: self.formula.text.clone(),
            value,
        })
    }
}

impl Engine for BoundFormula {
    fn name(&self) -> &str {
        self.formula.name()
    }

    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        self.names.iter().fold(FieldSet::EMPTY, |set, named| set.union(named.field_set()))
    }

    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        let values = self.values(item);
        let raw = self.formula.program.evaluate(&values);
        let weighting = (self.formula.alignment_weight, item.resolved_alignment());
        judge(raw, weighting, self.names.iter().zip(values.iter().copied()))
            .map_err(|value| self.non_finite(item.id(), value))
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        let values = self.values(item);
        if values.iter().any(|value| value.is_nan()) {
            return Breakdown::new();
        }
        let named = self.names.iter().zip(&values).map(|(named, &value)| (named.name().to_owned(), value));
        named
            .fold(Breakdown::new(), |breakdown, (name, value)| breakdown.with(name, value))
            .with("formula", self.formula.program.evaluate(&values))
            .with_alignment(self.formula.alignment_weight, item.resolved_alignment())
    }

    fn hooks(&self) -> Option<&dyn Hooks> {
        Some(self)
    }
}

impl Sealed for BoundFormula {}

impl Hooks for BoundFormula {
    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()> {
        let columns: Vec<_> = self.names.iter().map(|named| named.values(backlog, range.clone())).collect();
        let columns: Vec<&[f64]> = columns.iter().map(AsRef::as_ref).collect();
        let alignment = backlog.column(Field::Alignment).map_or(&[][..], |column| column.raw());
        let alignment = alignment.get(range.clone()).unwrap_or_default();
        let mut buffers = Vec::new();
        let raws = self.formula.program.evaluate_batch(&columns, range.len(), &mut buffers);
        let weighting = (self.formula.alignment_weight, alignment);
        push_batch(out, raws, weighting, (self.names.iter(), &columns))
            .map_err(|(offset, value)| self.non_finite(backlog.item(range.start + offset).id(), value))
    }
}

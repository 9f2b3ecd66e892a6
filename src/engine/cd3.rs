//! CD3 (Don Reinertsen; Black Swan Farming).

use super::hooks::{Hooks, Sealed};
use std::ops::Range;
use std::sync::Arc;

use super::breakdown::formula_names;
use super::{Breakdown, Engine, Evaluation, score_columns, score_item, values_of};
use crate::error::Result;
use crate::model::AlignmentWeight;
use crate::model::Backlog;
use crate::model::Item;
use crate::model::{Field, FieldSet};

/// CD3, cost of delay divided by duration (Don Reinertsen; Black Swan Farming):
/// `cost_of_delay / duration`.
///
/// The cost of delay is money lost per unit of time while the item waits (say, per week), the
/// duration how long the item takes in that unit. Needs `cost_of_delay` and `duration`.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Cd3};
///
/// // Black Swan Farming's example: $10,000 a week over 10 weeks gives 1,000; $5,000 a week over
/// // 2 weeks gives 2,500 and goes first.
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "Big feature").cost_of_delay(10_000).duration(10).build()?,
///     BacklogItem::builder("B", "Small feature").cost_of_delay(5_000).duration(2).build()?,
/// ])?;
/// let ranking = backlog.rank(Cd3::default())?;
/// let order: Vec<(&str, Option<f64>)> = ranking.iter().map(|e| (e.item().id(), e.score())).collect();
/// assert_eq!(order, [("B", Some(2500.0)), ("A", Some(1000.0))]);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Cd3 {
    alignment_weight: AlignmentWeight,
}

impl Cd3 {
    /// The fields CD3 reads, in order.
    pub const FIELDS: [Field; 2] = [Field::CostOfDelay, Field::Duration];

    /// The fields CD3 reads, as a set.
    pub const INPUTS: FieldSet = FieldSet::EMPTY.with(Field::CostOfDelay).with(Field::Duration);

    /// CD3 with alignment weight `λ`: scores become `score · (1 − λ + λ · alignment)`.
    #[must_use]
    pub fn alignment_weight(mut self, weight: AlignmentWeight) -> Cd3 {
        self.alignment_weight = weight;
        self
    }

    /// The published formula.
    #[must_use]
    pub fn formula(cost_of_delay: f64, duration: f64) -> f64 {
        cost_of_delay / duration
    }
}

impl Engine for Cd3 {
    fn name(&self) -> &str {
        "cd3"
    }

    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        Cd3::INPUTS
    }

    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        score_item(self.name(), item, (Cd3::FIELDS, self.alignment_weight), |[c, d]| Cd3::formula(c, d))
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        let Some([cost_of_delay, duration]) = values_of(item, Cd3::FIELDS) else {
            return Breakdown::new();
        };
        Breakdown::new()
            .with("cost_of_delay", cost_of_delay)
            .with("duration", duration)
            .with("cd3", Cd3::formula(cost_of_delay, duration))
            .with_alignment(self.alignment_weight, item.resolved_alignment())
    }

    fn hooks(&self) -> Option<&dyn Hooks> {
        Some(self)
    }
}

impl Sealed for Cd3 {}

impl Hooks for Cd3 {
    fn breakdown_names(&self) -> Option<Vec<&'static str>> {
        Some(formula_names(&["cost_of_delay", "duration", "cd3"], self.alignment_weight))
    }

    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()> {
        let fields = (Cd3::FIELDS, self.alignment_weight);
        score_columns(self.name(), backlog, range, out, fields, |[c, d]| Cd3::formula(c, d))
    }

    fn to_shared(&self) -> Option<Arc<dyn Engine>> {
        Some(Arc::new(*self))
    }
}

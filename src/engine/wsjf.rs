//! WSJF (SAFe, after Reinertsen's CD3).

use super::hooks::{Hooks, Sealed};
use std::ops::Range;
use std::sync::Arc;

use super::breakdown::formula_names;
use super::{Breakdown, Engine, Evaluation, score_columns, score_item, values_of};
use crate::error::{EngineDetail, Error, Result};
use crate::model::AlignmentWeight;
use crate::model::Backlog;
use crate::model::Item;
use crate::model::{Field, FieldSet};

/// Which values WSJF accepts for its four inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scale {
    /// Any non-negative number (job size `> 0`), as the item allows.
    #[default]
    Any,
    /// Only SAFe's modified Fibonacci scale: 1, 2, 3, 5, 8, 13, 20.
    Fibonacci,
}

impl Scale {
    /// SAFe's modified Fibonacci scale for relative estimates.
    pub const FIBONACCI: [f64; 7] = [1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0];

    /// Whether `value` is allowed on this scale.
    #[must_use]
    pub fn allows(self, value: f64) -> bool {
        match self {
            Scale::Any => true,
            Scale::Fibonacci => Scale::FIBONACCI.contains(&value),
        }
    }
}

/// Weighted Shortest Job First (SAFe; after Don Reinertsen's CD3, cost of delay divided by
/// duration): `cost_of_delay = business_value + time_criticality + risk_reduction`,
/// `wsjf = cost_of_delay / job_size`, where the job size is the item's `effort`.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Wsjf};
/// use prioritize::engine::Scale;
///
/// // SAFe's example cost of delay: 1 + 3 + 5 = 9; with a job size of 3, WSJF = 3.
/// let item = BacklogItem::builder("F1", "Feature")
///     .business_value(1).time_criticality(3).risk_reduction(5).effort(3)
///     .build()?;
/// let backlog = Backlog::from_items([item])?;
/// let strict = Wsjf::default().scale(Scale::Fibonacci);
/// let ranking = backlog.rank(strict)?;
/// let top = ranking.iter().next().expect("one item");
/// assert_eq!(top.score(), Some(3.0));
/// assert_eq!(top.breakdown().get("cost_of_delay"), Some(9.0));
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Wsjf {
    alignment_weight: AlignmentWeight,
    scale: Scale,
}

impl Wsjf {
    /// The fields WSJF reads, in order.
    pub const FIELDS: [Field; 4] =
        [Field::BusinessValue, Field::TimeCriticality, Field::RiskReduction, Field::Effort];

    /// The fields WSJF reads, as a set.
    pub const INPUTS: FieldSet = FieldSet::EMPTY
        .with(Field::BusinessValue)
        .with(Field::TimeCriticality)
        .with(Field::RiskReduction)
        .with(Field::Effort);

    /// WSJF with alignment weight `λ`: scores become `score · (1 − λ + λ · alignment)`.
    #[must_use]
    pub fn alignment_weight(mut self, weight: AlignmentWeight) -> Wsjf {
        self.alignment_weight = weight;
        self
    }

    /// Which values the four inputs may take; [`Scale::Fibonacci`] is SAFe's strict mode.
    #[must_use]
    pub fn scale(mut self, scale: Scale) -> Wsjf {
        self.scale = scale;
        self
    }

    /// The cost of delay: `business_value + time_criticality + risk_reduction`.
    #[must_use]
    pub fn cost_of_delay(business_value: f64, time_criticality: f64, risk_reduction: f64) -> f64 {
        business_value + time_criticality + risk_reduction
    }

    fn check_scale(&self, item: &Item<'_>) -> Result<()> {
        for field in Wsjf::INPUTS.iter() {
            if let Some(value) = item.number(field)
                && !self.scale.allows(value)
            {
                return Err(Error::from(EngineDetail::OffScale {
                    item: item.id().to_owned(),
                    field: field.as_str().to_owned(),
                    value,
                }));
            }
        }
        Ok(())
    }
}

impl Engine for Wsjf {
    fn name(&self) -> &str {
        "wsjf"
    }

    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        Wsjf::INPUTS
    }

    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        self.check_scale(item)?;
        score_item(self.name(), item, (Wsjf::FIELDS, self.alignment_weight), |[b, t, r, j]| {
            Wsjf::cost_of_delay(b, t, r) / j
        })
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        let Some([business_value, time_criticality, risk_reduction, job_size]) =
            values_of(item, Wsjf::FIELDS)
        else {
            return Breakdown::new();
        };
        let cost_of_delay = Wsjf::cost_of_delay(business_value, time_criticality, risk_reduction);
        Breakdown::new()
            .with("business_value", business_value)
            .with("time_criticality", time_criticality)
            .with("risk_reduction", risk_reduction)
            .with("cost_of_delay", cost_of_delay)
            .with("job_size", job_size)
            .with("wsjf", cost_of_delay / job_size)
            .with_alignment(self.alignment_weight, item.resolved_alignment())
    }

    fn hooks(&self) -> Option<&dyn Hooks> {
        Some(self)
    }
}

impl Sealed for Wsjf {}

impl Hooks for Wsjf {
    fn breakdown_names(&self) -> Option<Vec<&'static str>> {
        Some(formula_names(
            &["business_value", "time_criticality", "risk_reduction", "cost_of_delay", "job_size", "wsjf"],
            self.alignment_weight,
        ))
    }

    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()> {
        if self.scale != Scale::Any {
            // The strict scale checks each value, present or not, before scoring: item by item.
            for index in range {
                out.push(self.evaluate(&backlog.item(index))?);
            }
            return Ok(());
        }
        score_columns(
            self.name(),
            backlog,
            range,
            out,
            (Wsjf::FIELDS, self.alignment_weight),
            |[b, t, r, j]| Wsjf::cost_of_delay(b, t, r) / j,
        )
    }

    fn to_shared(&self) -> Option<Arc<dyn Engine>> {
        Some(Arc::new(*self))
    }
}

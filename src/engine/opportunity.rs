//! Opportunity scoring (Anthony Ulwick, outcome-driven innovation).

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

/// Opportunity score (Anthony Ulwick, outcome-driven innovation):
/// `importance + max(importance − satisfaction, 0)`.
///
/// Customers rate how important an outcome is and how satisfied they are with how it is served
/// today, each from 0 to 10; an important outcome that is poorly served is the opportunity. Needs
/// `importance` and `satisfaction`.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Opportunity};
///
/// // Ulwick's examples: importance 9 and satisfaction 3 give 15; 9 and 9 give 9.
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "Served").importance(9).satisfaction(9).build()?,
///     BacklogItem::builder("B", "Underserved").importance(9).satisfaction(3).build()?,
/// ])?;
/// let ranking = backlog.rank(Opportunity::default())?;
/// let order: Vec<(&str, Option<f64>)> = ranking.iter().map(|e| (e.item().id(), e.score())).collect();
/// assert_eq!(order, [("B", Some(15.0)), ("A", Some(9.0))]);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Opportunity {
    alignment_weight: AlignmentWeight,
}

impl Opportunity {
    /// The fields opportunity scoring reads, in order.
    pub const FIELDS: [Field; 2] = [Field::Importance, Field::Satisfaction];

    /// The fields opportunity scoring reads, as a set.
    pub const INPUTS: FieldSet = FieldSet::EMPTY.with(Field::Importance).with(Field::Satisfaction);

    /// Opportunity scoring with alignment weight `λ`: scores become
    /// `score · (1 − λ + λ · alignment)`.
    #[must_use]
    pub fn alignment_weight(mut self, weight: AlignmentWeight) -> Opportunity {
        self.alignment_weight = weight;
        self
    }

    /// The unmet need: `max(importance − satisfaction, 0)` (NaN when either is NaN).
    #[must_use]
    pub fn unmet_need(importance: f64, satisfaction: f64) -> f64 {
        let gap = importance - satisfaction;
        // Not `f64::max`, which would turn a NaN (an absent value) into 0.
        if gap < 0.0 { 0.0 } else { gap }
    }

    /// The published formula.
    #[must_use]
    pub fn formula(importance: f64, satisfaction: f64) -> f64 {
        importance + Opportunity::unmet_need(importance, satisfaction)
    }
}

impl Engine for Opportunity {
    fn name(&self) -> &str {
        "opportunity"
    }

    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        Opportunity::INPUTS
    }

    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        let fields = (Opportunity::FIELDS, self.alignment_weight);
        score_item(self.name(), item, fields, |[i, s]| Opportunity::formula(i, s))
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        let Some([importance, satisfaction]) = values_of(item, Opportunity::FIELDS) else {
            return Breakdown::new();
        };
        Breakdown::new()
            .with("importance", importance)
            .with("satisfaction", satisfaction)
            .with("unmet_need", Opportunity::unmet_need(importance, satisfaction))
            .with("opportunity", Opportunity::formula(importance, satisfaction))
            .with_alignment(self.alignment_weight, item.resolved_alignment())
    }

    fn hooks(&self) -> Option<&dyn Hooks> {
        Some(self)
    }
}

impl Sealed for Opportunity {}

impl Hooks for Opportunity {
    fn breakdown_names(&self) -> Option<Vec<&'static str>> {
        Some(formula_names(
            &["importance", "satisfaction", "unmet_need", "opportunity"],
            self.alignment_weight,
        ))
    }

    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()> {
        let fields = (Opportunity::FIELDS, self.alignment_weight);
        score_columns(self.name(), backlog, range, out, fields, |[i, s]| Opportunity::formula(i, s))
    }

    fn to_shared(&self) -> Option<Arc<dyn Engine>> {
        Some(Arc::new(*self))
    }
}

//! MoSCoW (DSDM / Agile Business Consortium).

use super::hooks::{Hooks, Sealed};
use std::ops::Range;
use std::sync::Arc;

use super::{Breakdown, Engine, Evaluation, finite_score};
use crate::error::Result;
use crate::model::AlignmentWeight;
use crate::model::Backlog;
use crate::model::Category;
use crate::model::Item;
use crate::model::{Field, FieldSet};

/// MoSCoW: Must Have > Should Have > Could Have > Won't Have this time (DSDM).
///
/// Within a category MoSCoW says nothing, so the input order (the Product Owner's own order)
/// stands, unless a secondary engine orders each category ([`Moscow::then`]). Needs `moscow`, and
/// the secondary engine's fields when one is set.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Category, Moscow, Wsjf};
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "a").moscow(Category::Should)
///         .business_value(8).time_criticality(8).risk_reduction(8).effort(1).build()?,
///     BacklogItem::builder("B", "b").moscow(Category::Must)
///         .business_value(1).time_criticality(1).risk_reduction(1).effort(1).build()?,
///     BacklogItem::builder("C", "c").moscow(Category::Must)
///         .business_value(2).time_criticality(2).risk_reduction(2).effort(1).build()?,
/// ])?;
/// let engine = Moscow::default().then(Wsjf::default());
/// let ranking = backlog.rank(engine)?;
/// let order: Vec<&str> = ranking.iter().map(|e| e.item().id()).collect();
/// assert_eq!(order, ["C", "B", "A"]);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Moscow {
    secondary: Option<Arc<dyn Engine>>,
    alignment_weight: AlignmentWeight,
}

impl Moscow {
    /// Orders each category by `engine` (RICE or WSJF, or one of your own).
    #[must_use]
    pub fn then(mut self, engine: impl Engine + 'static) -> Moscow {
        self.secondary = Some(Arc::new(engine));
        self
    }

    /// Weight `λ` for alignment, applied to the secondary engine's score (without a secondary
    /// engine there is no score to weight). It multiplies on top of any weight the secondary
    /// engine has of its own, so set it in one place.
    #[must_use]
    pub fn alignment_weight(mut self, weight: AlignmentWeight) -> Moscow {
        self.alignment_weight = weight;
        self
    }

    /// The engine that orders each category, if any.
    #[must_use]
    pub fn secondary(&self) -> Option<&dyn Engine> {
        self.secondary.as_deref()
    }
}

impl Moscow {
    /// Combines the secondary engine's evaluation with the item's category.
    fn combine(
        &self,
        item: &Item<'_>,
        secondary: Option<Evaluation>,
        category: Option<Category>,
    ) -> Result<Evaluation> {
        let (score, missing) = match secondary {
            None => (None, FieldSet::EMPTY),
            Some(evaluation) => (evaluation.checked_score(), evaluation.missing_fields().unwrap_or_default()),
        };
        let Some(category) = category else {
            return Ok(Evaluation::unscored(missing.with(Field::Moscow)));
        };
        if !missing.is_empty() {
            return Ok(Evaluation::unscored(missing));
        }
        let score = match score {
            Some(score) if !self.alignment_weight.is_zero() => {
                let weighted = self.alignment_weight.apply(score.get(), item.resolved_alignment());
                Some(finite_score(item.id(), self.name(), weighted)?)
            }
            score => score,
        };
        Ok(Evaluation::categorized(category, score))
    }
}

impl Engine for Moscow {
    fn name(&self) -> &str {
        "moscow"
    }

    fn inputs(&self, backlog: &Backlog) -> FieldSet {
        let own = FieldSet::EMPTY.with(Field::Moscow);
        self.secondary.as_ref().map_or(own, |secondary| own.union(secondary.inputs(backlog)))
    }

    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        let secondary = self.secondary.as_ref().map(|secondary| secondary.evaluate(item)).transpose()?;
        self.combine(item, secondary, item.moscow())
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        match &self.secondary {
            Some(secondary) => {
                secondary.breakdown(item).with_alignment(self.alignment_weight, item.resolved_alignment())
            }
            None => Breakdown::new(),
        }
    }

    fn hooks(&self) -> Option<&dyn Hooks> {
        Some(self)
    }
}

impl Sealed for Moscow {}

impl Hooks for Moscow {
    fn bind(&self, backlog: &Backlog) -> Result<Option<Box<dyn Engine>>> {
        let Some(secondary) = &self.secondary else { return Ok(None) };
        Ok(crate::engine::bind(&**secondary, backlog)?.map(|bound| {
            let bound = Moscow { secondary: Some(Arc::from(bound)), alignment_weight: self.alignment_weight };
            Box::new(bound) as Box<dyn Engine>
        }))
    }

    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()> {
        let start = out.len();
        match &self.secondary {
            Some(secondary) => {
                if crate::engine::evaluate_all(&**secondary, backlog, range.clone(), out).is_err() {
                    // Item by item, so the error reported is the first in input order.
                    out.truncate(start);
                    for index in range {
                        out.push(self.evaluate(&backlog.item(index))?);
                    }
                    return Ok(());
                }
            }
            // A placeholder each, which `combine` replaces.
            None => out.extend(range.clone().map(|_| Evaluation::unscored(FieldSet::EMPTY))),
        }
        for (offset, index) in range.enumerate() {
            let item = backlog.item(index);
            let secondary = self.secondary.is_some().then_some(out[start + offset]);
            out[start + offset] = self.combine(&item, secondary, item.moscow())?;
        }
        Ok(())
    }

    fn to_shared(&self) -> Option<Arc<dyn Engine>> {
        Some(Arc::new(self.clone()))
    }
}

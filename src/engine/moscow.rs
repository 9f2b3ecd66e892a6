//! MoSCoW (DSDM / Agile Business Consortium).

use std::sync::Arc;

use super::{Breakdown, Engine, Evaluation, finite_score};
use crate::alignment::AlignmentWeight;
use crate::error::Result;
use crate::field::{Field, FieldSet};
use crate::item::BacklogItem;

/// MoSCoW: Must Have > Should Have > Could Have > Won't Have this time (DSDM).
///
/// Within a category MoSCoW says nothing, so the input order (the Product Owner's own order)
/// stands, unless a secondary engine orders each category ([`MoSCoW::then`]). Needs `moscow`, and
/// the secondary engine's fields when one is set.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Category, MoSCoW, Wsjf};
///
/// let backlog = Backlog::from_items([
///     BacklogItem::builder("A", "a").moscow(Category::Should)
///         .business_value(8).time_criticality(8).risk_reduction(8).effort(1).build()?,
///     BacklogItem::builder("B", "b").moscow(Category::Must)
///         .business_value(1).time_criticality(1).risk_reduction(1).effort(1).build()?,
///     BacklogItem::builder("C", "c").moscow(Category::Must)
///         .business_value(2).time_criticality(2).risk_reduction(2).effort(1).build()?,
/// ])?;
/// let engine = MoSCoW::default().then(Wsjf::default());
/// let ranking = backlog.rank(&engine)?;
/// let order: Vec<&str> = ranking.iter().map(|e| e.item().id().as_str()).collect();
/// assert_eq!(order, ["C", "B", "A"]);
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct MoSCoW {
    secondary: Option<Arc<dyn Engine>>,
    alignment_weight: AlignmentWeight,
}

impl MoSCoW {
    /// Orders each category by `engine` (RICE or WSJF, or one of your own).
    #[must_use]
    pub fn then(mut self, engine: impl Engine + 'static) -> MoSCoW {
        self.secondary = Some(Arc::new(engine));
        self
    }

    /// Weight `λ` for alignment, applied to the secondary engine's score (without a secondary
    /// engine there is no score to weight). It multiplies on top of any weight the secondary
    /// engine has of its own, so set it in one place.
    #[must_use]
    pub fn alignment_weight(mut self, weight: AlignmentWeight) -> MoSCoW {
        self.alignment_weight = weight;
        self
    }

    /// The engine that orders each category, if any.
    #[must_use]
    pub fn secondary(&self) -> Option<&dyn Engine> {
        self.secondary.as_deref()
    }
}

impl Engine for MoSCoW {
    fn name(&self) -> &str {
        "moscow"
    }

    fn inputs(&self) -> FieldSet {
        let own = FieldSet::EMPTY.with(Field::Moscow);
        self.secondary.as_ref().map_or(own, |secondary| own.union(secondary.inputs()))
    }

    fn evaluate(&self, item: &BacklogItem, alignment: f64) -> Result<Evaluation> {
        let (score, missing) = match &self.secondary {
            None => (None, FieldSet::EMPTY),
            Some(secondary) => match secondary.evaluate(item, alignment)? {
                Evaluation::Scored { score, .. } => (score, FieldSet::EMPTY),
                Evaluation::Unscored { missing } => (None, missing),
            },
        };
        let Some(category) = item.moscow() else {
            return Ok(Evaluation::Unscored { missing: missing.with(Field::Moscow) });
        };
        if !missing.is_empty() {
            return Ok(Evaluation::Unscored { missing });
        }
        let score = match score {
            Some(score) if !self.alignment_weight.is_zero() => {
                Some(finite_score(item, self.name(), self.alignment_weight.apply(*score, alignment))?)
            }
            score => score,
        };
        Ok(Evaluation::Scored { category: Some(category), score })
    }

    fn breakdown(&self, item: &BacklogItem, alignment: f64) -> Breakdown {
        match &self.secondary {
            Some(secondary) => {
                secondary.breakdown(item, alignment).with_alignment(self.alignment_weight, alignment)
            }
            None => Breakdown::new(),
        }
    }
}

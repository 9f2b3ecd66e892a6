//! Weighted scorecards (Aha!, airfocus, ProductPlan) as an engine: a scorecard's declaration is
//! the model's ([`Scorecard`]); here it is bound to a backlog and scores.

mod bound;

use crate::engine::hooks::{Hooks, Sealed};
use std::ops::Range;
use std::sync::Arc;

use super::named::Named;
use super::{Breakdown, Engine, Evaluation};
use crate::error::{Error, Result, SectionDetail};
use crate::model::Backlog;
use crate::model::Criterion;
use crate::model::FieldSet;
use crate::model::Item;
use crate::model::{Normalize, Scorecard};
use bound::{BoundScorecard, Term};

/// A scorecard bound to backlogs.
impl Scorecard {
    /// The fields resolved against `criteria`, with their bounds: a criterion's or a built-in
    /// field's for [`Normalize::Scale`], those of the items of `backlog` for
    /// [`Normalize::Relative`] (none without a backlog: every value maps to 1).
    ///
    /// # Errors
    ///
    /// a [`Structure`](crate::ErrorKind::Structure) error for a field that is neither a numeric built-in field nor
    /// among `criteria`; a [`Value`](crate::ErrorKind::Value) error for a field without both bounds under
    /// [`Normalize::Scale`].
    fn terms(&self, criteria: &[Criterion], backlog: Option<&Backlog>) -> Result<Vec<Term>> {
        if self.awaits_weights() {
            return Err(Error::from(SectionDetail::InvalidScorecard {
                scorecard: self.id.clone(),
                reason: "its weights come from comparisons: rank with the scorecard its backlog gives back \
                         (Backlog::scorecard)"
                    .into(),
            }));
        }
        let mut terms = Vec::with_capacity(self.weights.len());
        for (name, weight) in &self.weights {
            let named = Named::resolve(name, criteria, false).ok_or_else(|| {
                Error::from(SectionDetail::UnknownScorecardField {
                    scorecard: self.id.clone(),
                    field: name.clone(),
                    known: Named::known(criteria, false),
                })
            })?;
            let bounds = match self.normalize {
                Normalize::None => (0.0, 0.0),
                Normalize::Scale => named.bounds(criteria).ok_or_else(|| Error::from(SectionDetail::InvalidScorecard {
                    scorecard: self.id.clone(),
                    reason: format!(
                        "field {name:?} lacks a min or a max, which normalize \"scale\" needs (declare both on \
                         the criterion, or use \"relative\")"
                    ),
                }))?,
                Normalize::Relative => backlog.map_or((0.0, 0.0), |backlog| relative_bounds(named.column(backlog))),
            };
            let direction = named.direction(criteria);
            terms.push(Term::new(named, *weight, direction, bounds));
        }
        Ok(terms)
    }

    /// The scorecard bound to a backlog's criteria and, for relative bounds, its items.
    fn bound(&self, criteria: &[Criterion], backlog: Option<&Backlog>) -> Result<BoundScorecard> {
        Ok(BoundScorecard::new(self.clone(), self.terms(criteria, backlog)?))
    }

    /// The scorecard bound to the backlog `item` is stored in, if any.
    fn bound_for(&self, item: &Item<'_>) -> Result<BoundScorecard> {
        let backlog = item.backlog();
        self.bound(backlog.map(Backlog::criteria).unwrap_or_default(), backlog)
    }
}

/// `min(0, smallest)` and the largest of the values present in `column` (NaN marks absence).
fn relative_bounds(column: &[f64]) -> (f64, f64) {
    let present = column.iter().copied().filter(|value| !value.is_nan());
    let (smallest, largest) =
        present.fold((0.0_f64, f64::NEG_INFINITY), |(low, high), value| (low.min(value), high.max(value)));
    if largest == f64::NEG_INFINITY { (0.0, 0.0) } else { (smallest, largest) }
}

/// A scorecard scores through a ranking, which binds it to the backlog once (computing relative
/// bounds once). Called directly, it binds itself to the item's backlog on every call; an owned
/// item has no criteria, so only built-in fields resolve, and relative bounds map every value
/// to 1.
impl Engine for Scorecard {
    fn name(&self) -> &str {
        "scorecard"
    }

    fn inputs(&self, backlog: &Backlog) -> FieldSet {
        let fields = self.weights().filter_map(|(name, _)| Named::resolve(name, backlog.criteria(), false));
        fields.fold(FieldSet::EMPTY, |set, named| set.union(named.field_set()))
    }

    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        self.bound_for(item)?.evaluate(item)
    }

    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        self.bound_for(item).map(|bound| bound.breakdown(item)).unwrap_or_default()
    }

    fn hooks(&self) -> Option<&dyn Hooks> {
        Some(self)
    }
}

impl Sealed for Scorecard {}

impl Hooks for Scorecard {
    fn bind(&self, backlog: &Backlog) -> Result<Option<Box<dyn Engine>>> {
        Ok(Some(Box::new(self.bound(backlog.criteria(), Some(backlog))?)))
    }

    fn evaluate_all(&self, backlog: &Backlog, range: Range<usize>, out: &mut Vec<Evaluation>) -> Result<()> {
        self.bound(backlog.criteria(), Some(backlog))?.evaluate_all(backlog, range, out)
    }

    fn to_shared(&self) -> Option<Arc<dyn Engine>> {
        Some(Arc::new(self.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_bounds_reach_down_to_zero() {
        assert_eq!(relative_bounds(&[6.0, 3.0, f64::NAN, 2.0]), (0.0, 6.0));
        assert_eq!(relative_bounds(&[5.0, 1.0, -5.0]), (-5.0, 5.0));
        assert_eq!(relative_bounds(&[-3.0, -1.0]), (-3.0, -1.0));
        assert_eq!(relative_bounds(&[f64::NAN]), (0.0, 0.0));
        assert_eq!(relative_bounds(&[]), (0.0, 0.0));
    }
}

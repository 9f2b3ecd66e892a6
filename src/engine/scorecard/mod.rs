//! Weighted scorecards (Aha!, airfocus, ProductPlan).

mod bound;
#[cfg(feature = "serde")]
pub(crate) mod serialize;

use crate::engine::hooks::{Hooks, Sealed};
use std::ops::Range;
use std::sync::Arc;

use super::named::Named;
use super::{Breakdown, Engine, Evaluation};
use crate::error::{Error, Result};
use crate::model::AlignmentWeight;
use crate::model::Backlog;
use crate::model::Criterion;
use crate::model::FieldSet;
use crate::model::Item;
use bound::{BoundScorecard, Term};

/// How a [`Scorecard`] puts its fields on one scale before weighting them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Normalize {
    /// The values as they are: the weighted sum of the benefit fields minus the weighted sum of
    /// the cost fields.
    #[default]
    None,
    /// Each value mapped to `0..=1` by its field's bounds (a criterion's `min` and `max`, or a
    /// built-in field's: `confidence` 0..=1, `importance` and `satisfaction` 0..=10), a cost as
    /// `1 − x`; the score is `100 · Σ weight · x / Σ weight`, from 0 to 100. Every field needs
    /// both bounds.
    Scale,
    /// As [`Normalize::Scale`], with bounds taken from the backlog being ranked (as Jira Product
    /// Discovery does): `min(0, smallest value)` and the largest value among its items. A field
    /// whose bounds are equal (all its values equal) maps every value to 1.
    Relative,
}

impl Normalize {
    /// The name the interchange format gives it: `none`, `scale` or `relative`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Normalize::None => "none",
            Normalize::Scale => "scale",
            Normalize::Relative => "relative",
        }
    }
}

/// A weighted scorecard (Aha!, airfocus, ProductPlan): a named set of fields, built-in or
/// declared criteria, each with a weight.
///
/// With [`Normalize::None`] (the default) the score is the weighted sum of the benefit fields
/// minus the weighted sum of the cost fields (`effort`, `duration` and criteria declared as
/// costs); [`Normalize::Scale`] and [`Normalize::Relative`] first map every value to `0..=1`
/// and score from 0 to 100. An item that lacks a field is unscored. The fields are checked
/// against the backlog when it is built (for the scorecards it declares) or ranked, and an
/// unknown one is an error.
///
/// A backlog file declares scorecards in its `scorecards` section, read into the backlog
/// ([`Backlog::scorecard`]):
/// `"scorecards": {"value": {"criteria": {"revenue": 0.4, "ux": 0.25}, "normalize": "none"}}`.
///
/// ```
/// use prioritize::{Backlog, BacklogItem, Criterion, Scorecard};
///
/// // The published example: weights .40, .25, .20, .15 over four ratings.
/// let criteria = ["revenue", "strategic_fit", "ux", "risk"].map(|id| Criterion::new(id));
/// let item = |id: &str, ratings: [f64; 4]| {
///     let names = ["revenue", "strategic_fit", "ux", "risk"];
///     names.iter().zip(ratings).fold(BacklogItem::builder(id, ""), |b, (name, v)| b.value(*name, v)).build()
/// };
/// let backlog = Backlog::builder()
///     .criteria(criteria.into_iter().collect::<Result<Vec<_>, _>>()?)
///     .item(item("A", [9.0, 10.0, 4.0, 8.0])?)
///     .item(item("B", [7.0, 6.0, 5.0, 5.0])?)
///     .build()?;
/// let value = Scorecard::new("value", [("revenue", 0.4), ("strategic_fit", 0.25), ("ux", 0.2), ("risk", 0.15)])?;
/// let ranking = backlog.rank(&value)?;
/// assert_eq!(ranking.get(1).and_then(|e| e.score()), Some(8.1));
/// // 6.05 in decimal; f64 arithmetic gives the next number up.
/// assert_eq!(ranking.get(2).and_then(|e| e.score()), Some(6.050000000000001));
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    id: String,
    weights: Vec<(String, f64)>,
    normalize: Normalize,
    alignment_weight: AlignmentWeight,
}

impl Scorecard {
    /// A scorecard named `id` weighing these fields, in this order (the order of the breakdown
    /// and of the sums), without normalization.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidScorecard`] for a weight that is not a finite number > 0, a field named
    /// twice, or no field at all:
    ///
    /// ```
    /// use prioritize::Scorecard;
    ///
    /// let error = Scorecard::new("value", [("revenue", 0.5), ("ux", 0.0)]).unwrap_err();
    /// assert_eq!(error.to_string(), r#"scorecard "value": weight 0 of "ux" is not a finite number > 0"#);
    /// ```
    pub fn new<N: Into<String>, W: Into<f64>>(
        id: impl Into<String>,
        weights: impl IntoIterator<Item = (N, W)>,
    ) -> Result<Scorecard> {
        let id = id.into();
        let invalid = |reason: String| Error::InvalidScorecard { scorecard: id.clone(), reason };
        let mut checked: Vec<(String, f64)> = Vec::new();
        for (name, weight) in weights {
            let (name, weight) = (name.into(), weight.into());
            if !(weight.is_finite() && weight > 0.0) {
                return Err(invalid(format!("weight {weight} of {name:?} is not a finite number > 0")));
            }
            if checked.iter().any(|(other, _)| *other == name) {
                return Err(invalid(format!("{name:?} is weighted twice")));
            }
            checked.push((name, weight));
        }
        if checked.is_empty() {
            return Err(invalid("it weighs no field (give at least one field and its weight)".into()));
        }
        Ok(Scorecard {
            id,
            weights: checked,
            normalize: Normalize::None,
            alignment_weight: AlignmentWeight::default(),
        })
    }

    /// The scorecard with this normalization.
    #[must_use]
    pub fn normalize(mut self, normalize: Normalize) -> Scorecard {
        self.normalize = normalize;
        self
    }

    /// The scorecard with alignment weight `λ`: scores become `score · (1 − λ + λ · alignment)`.
    #[must_use]
    pub fn alignment_weight(mut self, weight: AlignmentWeight) -> Scorecard {
        self.alignment_weight = weight;
        self
    }

    /// The scorecard's name, as its backlog's `scorecards` section names it.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The fields and their weights, in order.
    pub fn weights(&self) -> impl ExactSizeIterator<Item = (&str, f64)> + '_ {
        self.weights.iter().map(|(name, weight)| (name.as_str(), *weight))
    }

    /// How the values are normalized.
    #[must_use]
    pub fn normalization(&self) -> Normalize {
        self.normalize
    }

    /// Checks every field against `criteria`: each one known, and bounded where the
    /// normalization needs bounds.
    ///
    /// # Errors
    ///
    /// As [`Scorecard::terms`].
    pub(crate) fn check(&self, criteria: &[Criterion]) -> Result<()> {
        self.terms(criteria, None).map(drop)
    }

    /// The fields resolved against `criteria`, with their bounds: a criterion's or a built-in
    /// field's for [`Normalize::Scale`], those of the items of `backlog` for
    /// [`Normalize::Relative`] (none without a backlog: every value maps to 1).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownScorecardField`] for a field that is neither a numeric built-in field nor
    /// among `criteria`; [`Error::InvalidScorecard`] for a field without both bounds under
    /// [`Normalize::Scale`].
    fn terms(&self, criteria: &[Criterion], backlog: Option<&Backlog>) -> Result<Vec<Term>> {
        let mut terms = Vec::with_capacity(self.weights.len());
        for (name, weight) in &self.weights {
            let named =
                Named::resolve(name, criteria, false).ok_or_else(|| Error::UnknownScorecardField {
                    scorecard: self.id.clone(),
                    field: name.clone(),
                    known: Named::known(criteria, false),
                })?;
            let bounds = match self.normalize {
                Normalize::None => (0.0, 0.0),
                Normalize::Scale => named.bounds(criteria).ok_or_else(|| Error::InvalidScorecard {
                    scorecard: self.id.clone(),
                    reason: format!(
                        "field {name:?} lacks a min or a max, which normalize \"scale\" needs (declare both on \
                         the criterion, or use \"relative\")"
                    ),
                })?,
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

//! A weighted scorecard's declaration: a name and weighted fields, part of a backlog's data.

#[cfg(feature = "serde")]
pub(crate) mod serialize;

use crate::error::{Error, Result, SectionDetail};
use crate::model::alignment::AlignmentWeight;
use crate::model::criterion::{Criterion, numeric_names};
use crate::model::field::Field;

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
/// ([`Backlog::scorecard`](crate::Backlog::scorecard)):
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
/// assert_eq!(ranking.at(1).and_then(|e| e.score()), Some(8.1));
/// // 6.05 in decimal; f64 arithmetic gives the next number up.
/// assert_eq!(ranking.at(2).and_then(|e| e.score()), Some(6.050000000000001));
/// # Ok::<(), prioritize::Error>(())
/// ```
///
/// A scorecard may instead take its weights from pairwise comparisons of its fields
/// ([`Scorecard::compared`]).
#[derive(Debug, Clone)]
pub struct Scorecard {
    pub(crate) id: String,
    /// NaN weights for a compared scorecard outside a backlog.
    pub(crate) weights: Vec<(String, f64)>,
    pub(crate) normalize: Normalize,
    pub(crate) alignment_weight: AlignmentWeight,
    pub(crate) compared: bool,
}

/// Equal names, fields, weights (by their bits), normalizations, alignment weights and ways of
/// being weighted.
impl PartialEq for Scorecard {
    fn eq(&self, other: &Scorecard) -> bool {
        self.id == other.id
            && self.weights.len() == other.weights.len()
            && self
                .weights
                .iter()
                .zip(&other.weights)
                .all(|((a, x), (b, y))| a == b && x.to_bits() == y.to_bits())
            && self.normalize == other.normalize
            && self.alignment_weight == other.alignment_weight
            && self.compared == other.compared
    }
}

impl Scorecard {
    /// A scorecard named `id` weighing these fields, in this order (the order of the breakdown
    /// and of the sums), without normalization.
    ///
    /// # Errors
    ///
    /// a [`Value`](crate::ErrorKind::Value) error for a weight that is not a finite number > 0, a field named
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
        let invalid =
            |reason: String| Error::from(SectionDetail::InvalidScorecard { scorecard: id.clone(), reason });
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
            compared: false,
        })
    }

    /// A scorecard named `id` over these fields, whose weights come from pairwise comparisons
    /// of them: a backlog computes them from its `scorecard:ID` comparisons
    /// ([`BacklogBuilder::comparisons`](crate::model::BacklogBuilder::comparisons)), as the
    /// principal eigenvector of Saaty's Analytic Hierarchy Process, normalised to sum 1. Rank
    /// with the scorecard the backlog gives back ([`Backlog::scorecard`](crate::Backlog::scorecard)).
    ///
    /// ```
    /// use prioritize::judgment::Comparison;
    /// use prioritize::{Backlog, BacklogItem, Criterion, Scorecard};
    ///
    /// let backlog = Backlog::builder()
    ///     .criterion(Criterion::new("revenue")?)
    ///     .scorecard(Scorecard::compared("value", ["revenue", "reach"])?)
    ///     .comparisons("scorecard:value", [Comparison::new("revenue", "reach", 4.0)?])
    ///     .item(BacklogItem::builder("A", "").value("revenue", 10).reach(5).build()?)
    ///     .build()?;
    /// let value = backlog.scorecard("value").expect("declared");
    /// assert_eq!(value.weights().collect::<Vec<_>>(), [("revenue", 0.8), ("reach", 0.2)]);
    /// assert_eq!(backlog.rank(&value)?.at(1).and_then(|e| e.score()), Some(9.0)); // 0.8 · 10 + 0.2 · 5
    ///
    /// let outside = Backlog::from_items([BacklogItem::builder("A", "").reach(5).build()?])?;
    /// assert!(outside.rank(&Scorecard::compared("value", ["reach"])?).is_err()); // no weights yet
    /// # Ok::<(), prioritize::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// a [`Value`](crate::ErrorKind::Value) error for a field named twice, or no field at all.
    pub fn compared<N: Into<String>>(
        id: impl Into<String>,
        fields: impl IntoIterator<Item = N>,
    ) -> Result<Scorecard> {
        let scorecard = Scorecard::new(id, fields.into_iter().map(|name| (name, 1.0)))?;
        let weights = scorecard.weights.iter().map(|(name, _)| (name.clone(), f64::NAN)).collect();
        Ok(Scorecard { weights, compared: true, ..scorecard })
    }

    /// Whether the weights come from comparisons ([`Scorecard::compared`]).
    #[must_use]
    pub fn is_compared(&self) -> bool {
        self.compared
    }

    /// Whether the weights are still to come from comparisons (a compared scorecard not taken
    /// from its backlog).
    pub(crate) fn awaits_weights(&self) -> bool {
        self.compared && self.weights.iter().any(|(_, weight)| weight.is_nan())
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

    /// The fields and their weights, in order (NaN weights for a [compared](Scorecard::compared)
    /// scorecard not taken from its backlog).
    pub fn weights(&self) -> impl ExactSizeIterator<Item = (&str, f64)> + '_ {
        self.weights.iter().map(|(name, weight)| (name.as_str(), *weight))
    }

    /// How the values are normalized.
    #[must_use]
    pub fn normalization(&self) -> Normalize {
        self.normalize
    }

    /// Checks every field against `criteria`: each one a numeric built-in field or one of
    /// `criteria`, and bounded where the normalization needs bounds.
    ///
    /// # Errors
    ///
    /// a [`Structure`](crate::ErrorKind::Structure) error for a field that is neither a numeric built-in field nor
    /// among `criteria`; a [`Value`](crate::ErrorKind::Value) error for a field without both bounds under
    /// [`Normalize::Scale`].
    pub(crate) fn check(&self, criteria: &[Criterion]) -> Result<()> {
        for (name, _) in &self.weights {
            let unknown = || {
                Error::from(SectionDetail::UnknownScorecardField {
                    scorecard: self.id.clone(),
                    field: name.clone(),
                    known: numeric_names(criteria, false),
                })
            };
            let bounds = match Field::from_name(name) {
                Some(field) if field.is_numeric() => field.bounds(),
                Some(_) => return Err(unknown()),
                None => {
                    let criterion =
                        criteria.iter().find(|criterion| criterion.id() == name).ok_or_else(unknown)?;
                    criterion.min().zip(criterion.max())
                }
            };
            if self.normalize == Normalize::Scale && bounds.is_none() {
                return Err(Error::from(SectionDetail::InvalidScorecard {
                    scorecard: self.id.clone(),
                    reason: format!(
                        "field {name:?} lacks a min or a max, which normalize \"scale\" needs (declare both on \
                         the criterion, or use \"relative\")"
                    ),
                }));
            }
        }
        Ok(())
    }
}

//! Raters, and how their ratings of one field combine into its value.

use std::fmt;

use crate::error::{Error, Result, SectionDetail};
use crate::model::alignment::scale_for;

/// Someone who rates items, such as the Product Owner (`po`), the Product Manager (`pm`) or
/// engineering (`eng`), with a weight (`> 0`, default 1) in the aggregate of every field they rate.
///
/// ```
/// use prioritize::Rater;
///
/// let po = Rater::new("po", 2.0)?;
/// assert_eq!((po.id(), po.weight()), ("po", 2.0));
/// assert_eq!(
///     Rater::new("pm", 0.0).unwrap_err().to_string(),
///     r#"rater "pm": weight 0 is outside the finite numbers > 0"#
/// );
/// # Ok::<(), prioritize::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RawRater"))]
pub struct Rater {
    id: String,
    weight: f64,
}

impl Rater {
    /// A rater with a non-empty `id` without control characters, and a finite `weight > 0`.
    ///
    /// # Errors
    ///
    /// a [`Value`](crate::ErrorKind::Value) error for an empty id, an id with control characters, or a weight that
    /// is not a finite number `> 0`.
    pub fn new(id: impl Into<String>, weight: f64) -> Result<Rater> {
        let id = id.into();
        if id.is_empty() || id.chars().any(char::is_control) {
            let value = format!("{id:?}");
            return Err(Error::from(SectionDetail::InvalidRater {
                rater: id,
                field: "id",
                value,
                allowed: "the non-empty strings without control characters",
            }));
        }
        if !(weight.is_finite() && weight > 0.0) {
            return Err(Error::from(SectionDetail::InvalidRater {
                rater: id,
                field: "weight",
                value: weight.to_string(),
                allowed: "the finite numbers > 0",
            }));
        }
        Ok(Rater { id, weight })
    }

    /// A rater of weight 1 whose id the caller has checked.
    pub(crate) fn trusted(id: &str) -> Rater {
        Rater { id: id.to_owned(), weight: 1.0 }
    }

    /// The rater's id, as ratings name it.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The rater's weight.
    #[must_use]
    pub fn weight(&self) -> f64 {
        self.weight
    }
}

/// A rater as written: `{"id": "po", "weight": 2}`, the weight 1 when left out.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRater {
    id: String,
    #[serde(default = "one")]
    weight: f64,
}

#[cfg(feature = "serde")]
fn one() -> f64 {
    1.0
}

#[cfg(feature = "serde")]
impl TryFrom<RawRater> for Rater {
    type Error = Error;

    fn try_from(raw: RawRater) -> Result<Rater> {
        Rater::new(raw.id, raw.weight)
    }
}

/// How the ratings of one field combine into the field's value.
///
/// ```
/// use prioritize::Aggregate;
///
/// // (rating, weight) pairs: the Product Owner's 8 counts twice.
/// let ratings = [(8.0, 2.0), (3.0, 1.0), (5.0, 1.0)];
/// assert_eq!(Aggregate::Mean.combine(&ratings), Some(6.0)); // (16 + 3 + 5) / 4
/// assert_eq!(Aggregate::Median.combine(&ratings), Some(5.0)); // 3 (1), 5 (2 of 4): half reached
/// assert_eq!(Aggregate::Median.combine(&[(3.0, 1.0), (5.0, 1.0)]), Some(3.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Aggregate {
    /// The weighted mean: `Σ weight · rating / Σ weight`.
    #[default]
    Mean,
    /// The weighted median: the smallest rating whose cumulative weight, the ratings taken in
    /// ascending order, reaches half the total weight (of two equal weights, the lower rating).
    Median,
}

impl Aggregate {
    /// The aggregate's name in the interchange format: `mean` or `median`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Aggregate::Mean => "mean",
            Aggregate::Median => "median",
        }
    }

    /// The aggregate of `(rating, weight)` pairs, in any order: the same pairs in another order
    /// give the same bits. The result lies between the smallest and the largest rating (equal
    /// ratings give that rating exactly).
    ///
    /// `None` when there is no pair, a rating is not finite, or a weight is not a finite number
    /// `> 0`.
    #[must_use]
    pub fn combine(self, ratings: &[(f64, f64)]) -> Option<f64> {
        let valid = |&(rating, weight): &(f64, f64)| rating.is_finite() && weight.is_finite() && weight > 0.0;
        if ratings.is_empty() || !ratings.iter().all(valid) {
            return None;
        }
        let mut sorted = ratings.to_vec();
        Some(self.combine_valid(&mut sorted))
    }

    /// [`Aggregate::combine`] of at least one valid pair; sorts `ratings`.
    pub(crate) fn combine_valid(self, ratings: &mut [(f64, f64)]) -> f64 {
        // One order whatever the input's, so that the sums round the same way.
        ratings.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let (low, high) = (ratings[0].0, ratings[ratings.len() - 1].0);
        // Weights scaled by a power of two (exact) so their sum cannot overflow.
        let scale = scale_for(ratings.iter().map(|&(_, weight)| weight).fold(0.0, f64::max));
        let total: f64 = ratings.iter().map(|&(_, weight)| weight * scale).sum();
        let value = match self {
            Aggregate::Mean => {
                let sum: f64 = ratings.iter().map(|&(rating, weight)| rating * (weight * scale)).sum();
                let mean = sum / total;
                if mean.is_finite() {
                    mean
                } else {
                    // Ratings near f64::MAX: a sum of shares, which cannot overflow.
                    ratings.iter().map(|&(rating, weight)| rating * (weight * scale / total)).sum()
                }
            }
            Aggregate::Median => {
                let half = total / 2.0;
                let mut cumulative = 0.0;
                let mut median = high;
                for &(rating, weight) in ratings.iter() {
                    cumulative += weight * scale;
                    if cumulative >= half {
                        median = rating;
                        break;
                    }
                }
                median
            }
        };
        // Rounding can take a mean a hair outside the ratings; the definition keeps it within.
        value.clamp(low, high)
    }
}

impl fmt::Display for Aggregate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The spread of ratings from `smallest` to `largest`: `(largest − smallest) / (max − min)` for
/// a field with both bounds, else `(largest − smallest) / max(|largest|, |smallest|)`; 0 when
/// they are equal.
pub(crate) fn spread(smallest: f64, largest: f64, bounds: Option<(f64, f64)>) -> f64 {
    if smallest >= largest {
        return 0.0;
    }
    let (width, scale) = match bounds {
        Some((min, max)) => (max - min, max / 2.0 - min / 2.0),
        None => {
            let magnitude = largest.abs().max(smallest.abs());
            (magnitude, magnitude / 2.0)
        }
    };
    let spread = (largest - smallest) / width;
    if spread.is_finite() {
        spread
    } else {
        // A difference beyond f64::MAX: both halved.
        (largest / 2.0 - smallest / 2.0) / scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_ratings_neither_overflow_nor_leave_their_range() {
        let big = f64::MAX;
        assert_eq!(Aggregate::Mean.combine(&[(big, 1.0), (big, 3.0)]), Some(big));
        let mean = Aggregate::Mean.combine(&[(big, 1.0), (big / 2.0, 1.0)]).expect("valid");
        assert!(mean.is_finite() && mean > big / 2.0, "{mean}");
        assert_eq!(Aggregate::Mean.combine(&[(1.0, f64::MAX), (3.0, f64::MAX)]), Some(2.0));
        assert_eq!(spread(-big, big, None), 2.0);
        assert_eq!(spread(-big, big, Some((-big, big))), 1.0);
    }

    #[test]
    fn invalid_pairs_combine_to_nothing() {
        assert_eq!(Aggregate::Mean.combine(&[]), None);
        assert_eq!(Aggregate::Mean.combine(&[(1.0, 0.0)]), None);
        assert_eq!(Aggregate::Median.combine(&[(f64::NAN, 1.0)]), None);
        assert_eq!(Aggregate::Median.combine(&[(1.0, f64::INFINITY)]), None);
    }
}
